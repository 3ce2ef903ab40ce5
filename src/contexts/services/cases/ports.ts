/**
 * What cases/ needs from the other parts of the services context, as small ports (services-shared.md):
 * the item a case starts on (items/), the applicant's identity (accounts/) and prefill data (the
 * catalog adapter in prefill.ts). main.ts wires them.
 */

export interface CaseItem {
  /** 事项编码, opaque string. */
  code: string;
  /** Catalog version the case starts on. */
  version: number;
  name: { 'zh-CN': string; 'zh-TW': string; en: string };
  /** Org code of the department that handles it, e.g. 'PT-XZSP'. */
  departmentCode: string;
  /** 承诺办结时限 in working days (0 = 当场办结). */
  promisedDays: number;
  /** 法定办结时限 in working days. */
  statutoryDays: number;
  /** 'standard' or a one-thing process: 'ge-zhuan-qi' | 'zero-paper-real-estate' | 'court-auction'. */
  processKey: string;
  /** JSON Schema of the application form; a property may carry "x-prefill": { dataset, field }. */
  formSchema: Record<string, unknown>;
  applicantKinds: ('taiwan_resident' | 'mainland_resident' | 'company')[];
  requiresVerifiedIdentity: boolean;
}
export type ItemSource = (code: string) => Promise<CaseItem | undefined>;

export interface ApplicantIdentity {
  userId: number;
  subjectKind: 'taiwan_resident' | 'mainland_resident' | 'company';
  /** mtp = 台胞证 (Mainland Travel Permit for Taiwan Residents). */
  idType: 'residence_permit' | 'mtp' | 'resident_id' | 'uscc';
  /** In clear, only for prefill/lookup inside the server, never logged or returned in lists. */
  idNumber: string;
  name: string;
  verification: 'pending' | 'verified' | 'rejected';
}
export type IdentitySource = (userId: number) => Promise<ApplicantIdentity | undefined>;

/** Where a prefilled value came from (shown next to the field: "零材料"). */
export interface PrefillProvenance {
  /** Catalog dataset identifier. */
  dataset: string;
  /** The department that holds the data. */
  department: string;
  /** Date (YYYY-MM-DD) the data was last loaded. */
  asOf: string | null;
  /** The exchange transaction that supplied the value (its evidence: GET /api/exchange/evidence/:txId). */
  txId?: string;
}
export interface PrefilledValue {
  value: unknown;
  source: PrefillProvenance;
}

/** One dataset a form would be prefilled from, as the citizen is asked to consent to it. */
export interface PrefillPlanDataset {
  /** Catalog dataset identifier. */
  dataset: string;
  title: string;
  /** The department that holds the data. */
  department: string;
  /** The grant of the exchange the service hall holds for it (internal: not part of what is consented to). */
  grantId: number;
  /** Dataset fields looked up, each with its title and the form property it fills. */
  fields: { name: string; title: string; property: string }[];
}
/** What prefilling an item's form for an applicant would look up (empty datasets: nothing to prefill). */
export interface PrefillPlan {
  purpose: string;
  datasets: PrefillPlanDataset[];
}
/** One exchange lookup made for a prefill: the transaction, the request its evidence hashed, the outcome. */
export interface PrefillLookupTrace {
  txId: string;
  at: string;
  dataset: string;
  fields: string[];
  status: number;
  outcome: string;
  reason: string | null;
  request: unknown;
}
export interface PrefillSource {
  plan(identity: ApplicantIdentity, item: CaseItem): Promise<PrefillPlan>;
  /** Looks the plan up under the citizen's consent: the values, and one trace per lookup made. */
  prefill(identity: ApplicantIdentity, plan: PrefillPlan, consentId: number): Promise<{ values: Record<string, PrefilledValue>; lookups: PrefillLookupTrace[] }>;
}

/** Departments (identity organisations) by id and org code. */
export interface OrgDirectory {
  byId(id: number): Promise<{ id: number; code: string; name: string; nameEn: string | null } | undefined>;
  byCode(code: string): Promise<{ id: number; code: string; name: string; nameEn: string | null } | undefined>;
}

/** A platform user, for hand-over to another officer. */
export type UserDirectory = (userId: number) => Promise<{ id: number; name: string; orgId: number | null; scopes: readonly string[] } | undefined>;
