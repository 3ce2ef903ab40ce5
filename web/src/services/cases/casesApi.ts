/** Client of the applications and cases API (src/contexts/services/cases), for the portal and the console. */
import { ApiError, getCsrfToken, request, withQuery, type Locale } from '../../api';

export type LocalizedText = Record<Locale, string>;
export type DueStatus = 'on_track' | 'due_soon' | 'overdue';

export interface PrefillProvenance {
  dataset: string;
  department: string;
  asOf: string | null;
  /** The exchange transaction that supplied the value. */
  txId?: string;
}

/** A dataset prefill would look up, as the consent panel shows it. */
export interface ConsentDataset {
  dataset: string;
  title: string;
  department: string;
  fields: { name: string; title: string; property: string }[];
}

export interface PrefillLookup {
  txId: string;
  at: string;
  dataset: string;
  fields: string[];
  status: number;
  outcome: string;
  reason: string | null;
  caseId: number | null;
}

/** How long a consent holds, in days: the consent panel's 30 天 / 90 天 / 1 年. */
export const CONSENT_VALID_DAYS = [30, 90, 365] as const;
export type ConsentValidDays = (typeof CONSENT_VALID_DAYS)[number];

export interface PrefillConsent {
  id: number;
  item: { code: string; version: number; name: LocalizedText };
  purpose: string;
  datasets: ConsentDataset[];
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  status: 'active' | 'revoked' | 'expired';
  active: boolean;
  lookups: PrefillLookup[];
}

export interface PrefillConsentState {
  itemCode: string;
  purpose: string;
  datasets: ConsentDataset[];
  consent: PrefillConsent | null;
}

export interface PrefilledField {
  value: unknown;
  source: PrefillProvenance;
}

export interface DepartmentRef {
  id: number | null;
  code: string;
  name: string;
  nameEn: string | null;
  /** Taiwan Traditional, converted by the server (absent from older servers). */
  nameZhTw?: string;
}

export interface CaseTask {
  id: string;
  name: LocalizedText;
  department: DepartmentRef;
  assigneeUserId: number | null;
  status: string;
  openedAt: string;
  closedAt: string | null;
  completedBy: string | null;
  escalated: boolean;
  requiredDocuments: { kind: string; name: LocalizedText; attached: boolean }[];
  dataExchanges: { department: string; dataset?: string; data: LocalizedText }[];
}

export interface AllowedAction {
  action: string;
  taskId: string | null;
  name: LocalizedText | null;
  requiresReason: boolean;
}

export interface CaseSummary {
  id: number;
  number: string;
  item: { code: string; version: number; name: LocalizedText };
  processKey: string;
  state: string;
  outcome: string | null;
  submittedAt: string;
  acceptedAt: string | null;
  closedAt: string | null;
  deadline: string | null;
  due: DueStatus | null;
}

export interface CaseAttachment {
  id: number;
  kind: string;
  filename: string;
  mediaType: string;
  size: number;
  sm3: string;
  uploadedAt: string;
}

export interface TimelineEntry {
  seq: number;
  action: string;
  taskId: string | null;
  actor: string;
  actorName: string | null;
  at: string;
  detail: { reason?: string; missing?: string[]; toDepartment?: string; fromDepartment?: string; toUserId?: number; timerId?: string };
}

export interface CaseDetail extends CaseSummary {
  process: { key: string; version: number; name: LocalizedText };
  department: DepartmentRef;
  applicant: { userId: number; orgId: number | null; name: string; kind: string };
  promisedDays: number;
  workingDaysLeft: number | null;
  form: Record<string, unknown>;
  prefill: Record<string, PrefillProvenance>;
  correctionRequested: boolean;
  missing: string[];
  tasks: CaseTask[];
  allowedActions: AllowedAction[];
  timers: { id: string; dueAt: string }[];
  attachments: CaseAttachment[];
  timeline: TimelineEntry[];
}

export interface InboxItem {
  taskRowId: number;
  taskId: string;
  name: LocalizedText;
  status: string;
  escalated: boolean;
  assigneeUserId: number | null;
  openedAt: string;
  dueDate: string | null;
  due: DueStatus | null;
  case: { id: number; number: string; itemName: LocalizedText; state: string; applicantName: string; submittedAt: string; deadline: string | null };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface StatisticsRow {
  department: DepartmentRef;
  received: number;
  closed: number;
  closedOnTime: number;
  onTimeRate: number | null;
  open: number;
  overdue: number;
}

export interface ActionInput {
  action: string;
  taskId?: string;
  reason?: string;
  missing?: string[];
  to?: { userId?: number; department?: string };
  form?: Record<string, unknown>;
}

/** One user action = one key; a retry of the same action sends the same key, so the server does it once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Uploads one attachment (multipart field `file`) with progress. XMLHttpRequest, since only it reports
 * upload progress; the answer is the case with the new attachment.
 */
function uploadAttachment(caseId: number, kind: string, file: File, onProgress?: (fraction: number) => void): Promise<CaseDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(`/api/services/cases/${caseId}/attachments`, { kind }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as CaseDetail);
      else {
        const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
        reject(new ApiError(xhr.status, e?.code ?? `http_${xhr.status}`, e?.message ?? xhr.statusText, e?.details));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'upload failed'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const casesApi = {
  prefill: (code: string) => request<{ fields: Record<string, PrefilledField> }>('GET', `/api/services/items/${encodeURIComponent(code)}/prefill`),
  prefillConsent: (code: string) => request<PrefillConsentState>('GET', `/api/services/items/${encodeURIComponent(code)}/prefill/consent`),
  consentToPrefill: (code: string, validDays: ConsentValidDays) => request<PrefillConsent>('POST', `/api/services/items/${encodeURIComponent(code)}/prefill/consent`, { validDays }),
  myPrefillConsents: () => request<{ items: PrefillConsent[] }>('GET', '/api/services/my/prefill-consents'),
  revokePrefillConsent: (id: number) => request<PrefillConsent>('POST', `/api/services/prefill-consents/${id}/revoke`, {}),
  submit: (itemCode: string, form: Record<string, unknown>, idempotencyKey: string) =>
    request<CaseDetail>('POST', '/api/services/cases', { itemCode, form }, { 'idempotency-key': idempotencyKey }),
  myCases: (cursor?: string) => request<Page<CaseSummary>>('GET', withQuery('/api/services/my/cases', { cursor })),
  get: (id: number) => request<CaseDetail>('GET', `/api/services/cases/${id}`),
  act: (id: number, input: ActionInput, idempotencyKey: string) =>
    request<CaseDetail>('POST', `/api/services/cases/${id}/actions`, input, { 'idempotency-key': idempotencyKey }),
  uploadAttachment,
  attachmentUrl: (caseId: number, attachmentId: number) => `/api/services/cases/${caseId}/attachments/${attachmentId}`,
  inbox: (q: { state?: string; overdue?: boolean; q?: string; cursor?: string }) =>
    request<Page<InboxItem>>('GET', withQuery('/api/services/inbox', { state: q.state, overdue: q.overdue ? 'true' : undefined, q: q.q, cursor: q.cursor })),
  overdue: (cursor?: string) => request<Page<CaseSummary> & { total: number }>('GET', withQuery('/api/services/overdue', { cursor })),
  statistics: (from: string, to: string) => request<{ from: string; to: string; today: string; departments: StatisticsRow[] }>('GET', withQuery('/api/services/statistics', { from, to })),
};

/** Accepted attachment types (the server checks the bytes; this only guides the file picker). */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png';
/** The server's default upload limit (LANDAO_UPLOAD_LIMIT may differ: a larger file is refused with 413 anyway). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
