/**
 * Client of the customs API (出境申报, clearances, statistics and the reference lists), typed after
 * src/contexts/customs/declarations/declarations.service.ts and rules/reference.routes.ts.
 */
import { ApiError, getCsrfToken, request, withQuery, type Job, type Locale } from '../api';

export type Localized = Record<Locale, string>;

export const DECLARATION_STATES = ['draft', 'scanning', 'pending_review', 'info_requested', 'approved', 'rejected', 'withdrawn', 'revoked'] as const;
export type DeclarationState = (typeof DECLARATION_STATES)[number];

export type DeclarationAction =
  | 'create'
  | 'edit'
  | 'attach'
  | 'submit'
  | 'scan_completed'
  | 'scan_failed'
  | 'request_info'
  | 'resubmit'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'revoke';

/** The actions a person takes through a button (the others happen by editing, uploading or the scan job). */
export const BUTTON_ACTIONS = ['submit', 'resubmit', 'approve', 'request_info', 'reject', 'withdraw', 'revoke'] as const;
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export const INDUSTRIES = ['pharma', 'auto', 'consumer', 'other'] as const;
export type IndustryId = (typeof INDUSTRIES)[number];
export const IMPORTANT_DATA = ['none', 'suspected', 'notified'] as const;
export const EXEMPTIONS = ['contract_with_individual', 'cross_border_hr', 'emergency', 'no_personal_trade_data', 'foreign_collected_return'] as const;
export type Exemption = (typeof EXEMPTIONS)[number];
export const OUTCOMES = ['prohibited', 'security_assessment', 'standard_contract_or_certification', 'exempt'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const LIST_ROUTES = ['security_assessment', 'standard_contract_or_certification', 'exempt_with_filing'] as const;
export const GRADES = ['core', 'important', 'pi_sensitive', 'pi_general', 'general'] as const;
export type Grade = (typeof GRADES)[number];

/** File types the declaration upload accepts (the detection engine's readers). */
export const UPLOAD_EXTENSIONS = ['.csv', '.tsv', '.tab', '.xlsx', '.xlsm', '.json', '.ndjson', '.jsonl', '.parquet', '.pq'] as const;

export interface PersonCounts {
  personalSubjects: number;
  sensitiveSubjects: number;
}

/** The declaration form (src/contexts/customs/declarations/form.ts). */
export interface DeclarationForm {
  title: string;
  recipient: { name: string; country: string; address?: string };
  purpose: string;
  industry: IndustryId;
  scenario: string | null;
  dataDescription: string;
  fields: string[];
  securityMeasures: string;
  ciio: boolean;
  inFreeTradeZone: boolean;
  importantData: (typeof IMPORTANT_DATA)[number];
  coreData: boolean;
  exemption: Exemption | null;
  sourceKind: 'full' | 'sample';
  expectedPersons?: PersonCounts;
  validityDays: number;
}

export interface ColumnAnalysis {
  index: number;
  name: string;
  detections: { type: string; ratio: number; sensitive: boolean }[];
  labels: { subclassId: string; classId: string; grade: Grade }[];
  examples: string[];
}

export interface DerivedItem {
  id: string;
  route: string;
  columns: string[];
  threshold: Partial<PersonCounts> | null;
}

export interface Analysis {
  source: { filename: string; format: string; rows: number; bytes: number; complete: boolean; sampled: boolean };
  columns: ColumnAnalysis[];
  grade: Grade;
  subclasses: string[];
  scannedPersons: PersonCounts;
  transfer: PersonCounts & { counted: 'scan' | 'declared' };
  alreadyExportedThisYear: PersonCounts;
  negativeListItems: DerivedItem[];
  listVersion: string;
  catalogVersion: string;
}

export interface StoredDecision {
  outcome: Outcome;
  basis: string[];
  totals: PersonCounts;
  notes: Record<Locale, string[]>;
}

export interface HistoryEntry {
  seq: number;
  action: DeclarationAction;
  actor: string;
  actorName: string | null;
  comment: string | null;
  detail: unknown;
  at: string;
}

export type ClearanceStatus = 'valid' | 'revoked' | 'expired' | 'not_yet_valid';

export interface ClearanceSummary {
  no: string;
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  status: ClearanceStatus;
}

export interface Declaration {
  id: number;
  no: string;
  exporterOrgId: number;
  year: number;
  state: DeclarationState;
  form: DeclarationForm;
  source: { filename: string; bytes: number; sm3: string } | null;
  scanJobId: number | null;
  analysis: Analysis | null;
  decision: StoredDecision | null;
  allowedActions: DeclarationAction[];
  history: HistoryEntry[];
  clearance: ClearanceSummary | null;
  createdAt: string;
  updatedAt: string;
}

export type DeclarationListItem = Omit<Declaration, 'history' | 'analysis'>;

export interface StatRow {
  month: string;
  industry: string;
  outcome: Outcome | null;
  state: DeclarationState;
  n: number;
}

export interface Statistics {
  year: number;
  rows: StatRow[];
  totals: { declarations: number; approved: number; rejected: number; pending: number };
}

export interface ListsReference {
  version: string;
  effectiveFrom: string;
  title: Localized;
  industries: { id: IndustryId; names: Localized; covered: boolean }[];
  scenarios: { id: string; industry: string; names: Localized; description: Localized }[];
  negativeList: {
    id: string;
    industry: string;
    scenario: string;
    category: Localized;
    names: Localized;
    fields: string[];
    condition: Localized | null;
    subclasses: string[];
    threshold: Partial<PersonCounts> | null;
    route: (typeof LIST_ROUTES)[number];
  }[];
}

export interface CatalogReference {
  version: string;
  effectiveFrom: string;
  title: Localized;
  grades: Grade[];
  classes: { id: string; names: Localized }[];
  subclasses: { id: string; classId: string; names: Localized; description: Localized; examples: string[]; grade: Grade }[];
}

export interface ClearancePayload {
  type: 'LandaoCustomsClearance';
  version: 1;
  no: string;
  declarationNo: string;
  issuer: string;
  exporter: { orgId: number; name: string };
  recipient: { name: string; country: string };
  purpose: string;
  industry: string;
  scenario: string | null;
  route: Outcome;
  basis: string[];
  routeEvidence: string | null;
  scope: { subclasses: string[]; fields: string[]; grade: Grade; maxPersons: PersonCounts };
  dataSm3: string | null;
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  verifyUrl: string;
}

export const VERIFY_REASONS = ['ok', 'malformed', 'unknown_key', 'bad_signature', 'not_registered', 'mismatch', 'revoked', 'expired', 'not_yet_valid'] as const;
export type VerifyReason = (typeof VERIFY_REASONS)[number];

export interface VerifyResult {
  valid: boolean;
  reason: VerifyReason;
  status: ClearanceStatus | null;
  clearance: (ClearancePayload & { revokedAt: string | null; revokedReason: string | null }) | null;
}

export interface ActionInput {
  comment?: string;
  reason?: string;
  routeEvidence?: string;
  validityDays?: number;
}

const base = '/api/customs/declarations';

/** The Idempotency-Key header, when the caller has a key for its action. */
export const keyHeader = (key?: string): Record<string, string> | undefined => (key ? { 'idempotency-key': key } : undefined);

/** Uploads the declaration's data or sample (multipart field `file`), reporting the fraction sent. */
function uploadFile(id: number, file: File, onProgress?: (fraction: number) => void, signal?: AbortSignal, idempotencyKey?: string): Promise<Declaration> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}/${id}/file`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    if (idempotencyKey) xhr.setRequestHeader('idempotency-key', idempotencyKey);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && parsed !== null) return resolve(parsed as Declaration);
      const e = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error ?? {};
      reject(new ApiError(xhr.status, e.code ?? `http_${xhr.status}`, e.message ?? xhr.statusText, e.details));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'upload failed'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    if (signal) {
      if (signal.aborted) return reject(new DOMException('upload cancelled', 'AbortError'));
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const customsApi = {
  lists: () => request<ListsReference>('GET', '/api/customs/lists'),
  catalog: () => request<CatalogReference>('GET', '/api/customs/catalog'),
  list: (q: { state?: string; q?: string; page: number; pageSize: number }) =>
    request<{ items: DeclarationListItem[]; total: number }>('GET', withQuery(base, q)),
  get: (id: number) => request<Declaration>('GET', `${base}/${id}`),
  /** POSTs take the Idempotency-Key of the user action (web/src/customs/idempotency.ts). */
  create: (form: DeclarationForm, idempotencyKey?: string) => request<Declaration>('POST', base, form, keyHeader(idempotencyKey)),
  edit: (id: number, form: DeclarationForm) => request<Declaration>('PUT', `${base}/${id}`, form),
  uploadFile,
  act: (id: number, action: ButtonAction, input: ActionInput = {}, idempotencyKey?: string) => request<Declaration>('POST', `${base}/${id}/actions/${action}`, input, keyHeader(idempotencyKey)),
  job: (id: number) => request<Job>('GET', `/api/jobs/${id}`),
  statistics: (year: number) => request<Statistics>('GET', withQuery('/api/customs/statistics', { year })),
  clearanceJsonUrl: (id: number) => `${base}/${id}/clearance`,
  clearancePdfUrl: (id: number, lang: Locale) => `${base}/${id}/clearance.pdf?lang=${lang}`,
  reportPdfUrl: (id: number, lang: Locale) => `${base}/${id}/report.pdf?lang=${lang}`,
  /** Public: the status of a clearance by its number. */
  verifyByNumber: (no: string) => request<VerifyResult>('GET', `/api/public/customs/clearances/${encodeURIComponent(no)}`),
  /** Public: verifies a clearance document as issued (signature, registration, status now). */
  verifyDocument: (doc: unknown) => request<VerifyResult>('POST', '/api/public/customs/clearances/verify', doc),
  publicPdfUrl: (no: string, lang: Locale) => `/api/public/customs/clearances/${encodeURIComponent(no)}/pdf?lang=${lang}`,
};

/** A clearance number as the server issues it (CL + year + six digits). */
export const CLEARANCE_NO = /^CL\d{10}$/;
