/** Client of the benefits payouts API (src/contexts/benefits/payouts), for the portal and the console. */
import { ApiError, getCsrfToken, request, withQuery, type Locale } from '../api';

export type LocalizedName = Record<Locale, string>;
export type PayoutState = 'offered' | 'confirmed' | 'excluded' | 'notified' | 'authorised' | 'declined' | 'in_batch' | 'paid' | 'failed';
export const PAYOUT_STATES: PayoutState[] = ['offered', 'confirmed', 'excluded', 'notified', 'authorised', 'declined', 'in_batch', 'paid', 'failed'];

export interface Payout {
  id: number;
  policyKey: string;
  policyName: LocalizedName;
  policyVersion: number;
  fundingOrgId: number;
  period: string;
  subject: { kind: string; displayName: string; maskedId: string };
  amountFen: number;
  runId: number;
  state: PayoutState;
  figures: unknown;
  confirmedAt: string | null;
  notifiedAt: string | null;
  authorisation: { bankName: string; accountMasked: string; accountName: string; consentVersion: string; authorisedAt: string } | null;
  batchId: number | null;
  paidAt: string | null;
  bankReference: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PayoutDetail extends Payout {
  inputs?: unknown;
  allowedActions: string[];
  timeline: { seq: number; action: string; actor: string; at: string; detail: Record<string, unknown> }[];
  payments: { batchId: number; batchNo: string; lineNo: number; status: string; bankReference: string | null; reason: string | null }[];
}

export interface PaymentBatch {
  id: number;
  batchNo: string;
  policyKey: string;
  fundingOrgId: number;
  state: 'open' | 'settled';
  lineCount: number;
  totalFen: number;
  sm3: string;
  createdAt: string;
  settledAt: string | null;
}

export interface PaymentLine {
  lineNo: number;
  payoutId: number;
  payeeName: string;
  bankName: string | null;
  accountMasked: string | null;
  amountFen: number;
  status: 'pending' | 'paid' | 'failed';
  bankReference: string | null;
  reason: string | null;
}

export interface ImportReport {
  rows: number;
  paid: number;
  failed: number;
  unchanged: number;
  errors: { line: number; message: string }[];
  batch: PaymentBatch;
}

export interface Statistics {
  byState: { state: PayoutState; count: number; amountFen: number }[];
  byMonth: { month: string; policyKey: string; policyName: LocalizedName; payments: number; people: number; amountFen: number }[];
  byPolicy: { policyKey: string; policyName: LocalizedName; people: number; payouts: number; amountFen: number; paidPeople: number; paidFen: number }[];
}

export interface AuthoriseInput {
  bankName: string;
  accountNo: string;
  accountName: string;
  consentVersion: string;
  agree: true;
}

/** Yuan with two decimals and thousands separators, from integer fen. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100).toLocaleString('en-US')}.${String(a % 100).padStart(2, '0')}`;
}

async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText, body?.error?.details);
  return body as T;
}

export const payoutsApi = {
  list: (q: { policy?: string; runId?: number; state?: string; q?: string; cursor?: string; limit?: number }) =>
    request<{ items: Payout[]; nextCursor: string | null }>('GET', withQuery('/api/benefits/payouts', q)),
  summary: (q: { policy?: string; runId?: number; state?: string }) => request<{ count: number; totalFen: number }>('GET', withQuery('/api/benefits/payouts/summary', q)),
  get: (id: number) => request<PayoutDetail>('GET', `/api/benefits/payouts/${id}`),
  act: (id: number, action: 'confirm' | 'exclude', reason?: string) => request<PayoutDetail>('POST', `/api/benefits/payouts/${id}/actions`, { action, ...(reason ? { reason } : {}) }),
  confirmRun: (runId: number, expectedCount: number, expectedTotalFen: number) =>
    request<{ confirmed: number; totalFen: number; notified: number }>('POST', '/api/benefits/payouts/confirm-run', { runId, expectedCount, expectedTotalFen }),
  batches: (cursor?: string) => request<{ items: PaymentBatch[]; nextCursor: string | null }>('GET', withQuery('/api/benefits/payment-batches', { cursor })),
  batch: (id: number) => request<PaymentBatch & { lines: PaymentLine[] }>('GET', `/api/benefits/payment-batches/${id}`),
  createBatch: (policyKey: string) => request<PaymentBatch & { lines: PaymentLine[] }>('POST', '/api/benefits/payment-batches', { policyKey }),
  fileUrl: (id: number, format: 'csv' | 'xlsx') => `/api/benefits/payment-batches/${id}/file?format=${format}`,
  uploadResults: (id: number, file: File) => upload<ImportReport>(`/api/benefits/payment-batches/${id}/results`, file),
  statistics: (policy?: string) => request<Statistics>('GET', withQuery('/api/benefits/statistics', { policy })),
  statisticsCsvUrl: (policy?: string) => withQuery('/api/benefits/statistics', { policy, format: 'csv' }),
  my: () => request<{ items: Payout[]; consentVersion: string; hasIdentity: boolean; verification: string | null }>('GET', '/api/benefits/my'),
  myOne: (id: number) => request<PayoutDetail>('GET', `/api/benefits/my/${id}`),
  authorise: (id: number, input: AuthoriseInput) => request<PayoutDetail>('POST', `/api/benefits/my/${id}/authorise`, input),
  decline: (id: number, reason?: string) => request<PayoutDetail>('POST', `/api/benefits/my/${id}/decline`, reason ? { reason } : {}),
};
