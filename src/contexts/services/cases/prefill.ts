/**
 * Prefill through the exchange (数据即时互通): a form property with
 * `"x-prefill": { "dataset": "<dataset identifier>", "field": "<field>" }` is filled from the record
 * the dataset holds for the applicant, looked up by the service hall (行政审批局, the organisation
 * that runs the hall) under an exchange grant it holds for the prefill purpose — so every value comes
 * with an evidence record — and only under the citizen's consent (the caller checks it; the consent
 * id is part of the request each evidence record hashes).
 *
 * A dataset takes part when it is keyed by one field of the applicant's identity type (resident ID or
 * residence permit → cn_resident_id; USCC → cn_uscc) and the hall holds an approved grant for it;
 * only the fields that grant covers are looked up. No such dataset or record: not prefilled. A value
 * that comes back masked (a sensitive field the grant does not list as clear) is not prefilled either.
 */
import { toChinaDate } from '../../../kernel/calendar/calendar.ts';
import type { ApplicantIdentity, CaseItem, PrefilledValue, PrefillLookupTrace, PrefillPlan, PrefillSource } from './ports.ts';

/** 使用用途 of the service hall's prefill grants: every prefill lookup states it. */
export const PREFILL_PURPOSE = '政务服务表单预填';

/** The organisation that runs the service hall and holds its prefill grants: 行政审批局. */
export const SERVICE_HALL_ORG = 'PT-XZSP';

/** Dataset identifier → the fields the given form schemas map from it (`x-prefill`): what the hall's grants must cover. */
export function prefillFieldsByDataset(formSchemas: readonly Record<string, unknown>[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const schema of formSchemas)
    for (const [identifier, wanted] of annotations({ formSchema: schema } as CaseItem)) for (const w of wanted) (out[identifier] ??= new Set()).add(w.field);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]]));
}

/** What the adapter needs to know about a dataset (main.ts reads it from the catalog). */
export interface PrefillDataset {
  id: number;
  identifier: string;
  title: string;
  /** Publisher's name. */
  department: string;
  keyFields: { name: string; detectorType?: string | undefined }[];
  /** Field titles by name. */
  fieldTitles: Record<string, string>;
  /** ISO instant of the last load, if any. */
  lastLoadedAt: string | null;
}

export interface ExchangePrefillDeps {
  purpose?: string;
  dataset(identifier: string): Promise<PrefillDataset | undefined>;
  /** The approved grant the service hall holds for this dataset and the prefill purpose, if any. */
  grant(datasetId: number, purpose: string): Promise<{ grantId: number; fields: string[] } | undefined>;
  /** One exchange lookup (ExchangeService.lookupForPrefill): the answer as sent and the request its evidence hashed. */
  lookup(input: { grantId: number; key: string; fields: string[]; purpose: string; consentId: number }): Promise<{
    status: number;
    body: unknown;
    txId: string;
    request: { at: string };
    outcome: string;
    reason: string | null;
  }>;
}

const KEY_TYPES: Record<ApplicantIdentity['idType'], string | null> = {
  resident_id: 'cn_resident_id',
  residence_permit: 'cn_resident_id',
  uscc: 'cn_uscc',
  mtp: null,
};

interface PrefillAnnotation {
  dataset: string;
  field: string;
}

function annotations(item: CaseItem): Map<string, { property: string; field: string }[]> {
  const byDataset = new Map<string, { property: string; field: string }[]>();
  const props = (item.formSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [property, schema] of Object.entries(props)) {
    const a = schema?.['x-prefill'] as PrefillAnnotation | undefined;
    if (!a || typeof a.dataset !== 'string' || typeof a.field !== 'string') continue;
    const list = byDataset.get(a.dataset) ?? [];
    list.push({ property, field: a.field });
    byDataset.set(a.dataset, list);
  }
  return byDataset;
}

export class ExchangePrefillSource implements PrefillSource {
  private readonly purpose: string;

  constructor(private readonly deps: ExchangePrefillDeps) {
    this.purpose = deps.purpose ?? PREFILL_PURPOSE;
  }

  async plan(identity: ApplicantIdentity, item: CaseItem): Promise<PrefillPlan> {
    const plan: PrefillPlan = { purpose: this.purpose, datasets: [] };
    const keyType = KEY_TYPES[identity.idType];
    if (!keyType) return plan;
    for (const [identifier, wanted] of annotations(item)) {
      const ds = await this.deps.dataset(identifier);
      if (!ds || ds.keyFields.length !== 1 || ds.keyFields[0]!.detectorType !== keyType) continue;
      const grant = await this.deps.grant(ds.id, this.purpose);
      if (!grant) continue;
      const covered = wanted.filter((w) => grant.fields.includes(w.field));
      if (covered.length === 0) continue;
      plan.datasets.push({
        dataset: ds.identifier,
        title: ds.title,
        department: ds.department,
        grantId: grant.grantId,
        fields: covered.map((w) => ({ name: w.field, title: ds.fieldTitles[w.field] ?? w.field, property: w.property })),
      });
    }
    return plan;
  }

  async prefill(identity: ApplicantIdentity, plan: PrefillPlan, consentId: number): Promise<{ values: Record<string, PrefilledValue>; lookups: PrefillLookupTrace[] }> {
    const values: Record<string, PrefilledValue> = {};
    const lookups: PrefillLookupTrace[] = [];
    for (const p of plan.datasets) {
      const ds = await this.deps.dataset(p.dataset);
      if (!ds) continue;
      const fields = [...new Set(p.fields.map((f) => f.name))];
      const a = await this.deps.lookup({ grantId: p.grantId, key: identity.idNumber, fields, purpose: plan.purpose, consentId });
      lookups.push({ txId: a.txId, at: a.request.at, dataset: p.dataset, fields, status: a.status, outcome: a.outcome, reason: a.reason, request: a.request });
      if (a.status !== 200) continue;
      const { record, masked } = a.body as { record: Record<string, unknown>; masked: string[] };
      for (const f of p.fields) {
        const value = record[f.name];
        if (value === undefined || value === null || masked.includes(f.name)) continue;
        values[f.property] = { value, source: { dataset: ds.identifier, department: ds.department, asOf: ds.lastLoadedAt ? toChinaDate(new Date(ds.lastLoadedAt)) : null, txId: a.txId } };
      }
    }
    return { values, lookups };
  }
}
