/** Types and calls of the registry API (src/contexts/registry) used by the console pages. */
import { getCsrfToken, request, withQuery, ApiError } from '../../../api';

export type Book = 'resource' | 'product' | 'asset';
export type Right = 'hold' | 'use' | 'operate';

export interface DataDescription {
  name: string;
  description?: string;
  source?: string;
  acquisitionProof?: string;
  fields?: { name: string; type?: string }[];
  scale?: { records?: number; bytes?: number; note?: string };
  updateFrequency?: string;
  storageLocation?: string;
  processingRules?: string;
  format?: string;
  rights?: { right: Right; evidence: string }[];
}

export interface Application {
  id: number;
  type: string;
  book: Book;
  registrationNo: string | null;
  holder: { orgId: number | null; name: string; subjectType: string };
  sourceKind: string;
  data: DataDescription;
  dataSm3: string | null;
  dataHashSource: string | null;
  payload: Record<string, unknown>;
  sample: { filename: string; rowsScanned: number; personalInformation: boolean; sensitivePersonalInformation: boolean; columns: { name: string; types: { type: string; ratio: number; sensitive: boolean }[] }[] } | null;
  flags: { duplicateOf: { applications: number[]; registrations: string[] } | null; personalInformationInAsset: boolean };
  steps: string[];
  status: string;
  allowedActions: string[];
  acceptanceDue: string | null;
  acceptanceOverdue: boolean;
  missing: string[];
  notice: { start: string; end: string | null; remainingWorkingDays: number | null } | null;
  openObjections: number;
  createdAt: string;
}

export interface ApplicationDetail {
  application: Application;
  actions: { seq: number; action: string; at: string; detail: Record<string, unknown>; logIndex: number | null }[];
  attachments: { id: number; kind: string; filename: string; size: number; sm3: string }[];
  objections: { id: number; objectorName: string; reason: string; filedAt: string; outcome: string | null }[];
  missingItems: string[];
}

export interface RegistrationRow {
  registrationNo: string;
  book: Book;
  dataName: string;
  holder: string;
  status: string;
  validUntil: string;
}

export interface RegistrationDetail {
  registrationNo: string;
  status: string;
  certificates: { certificateNo: string; issuedAt: string; validUntil: string; logIndex: number; superseded: boolean; revoked: boolean }[];
}

export interface Pledge {
  id: number;
  registrationNo: string;
  pledgee: string;
  pledgor: string;
  amountFen: number;
  termStart: string;
  termEnd: string;
  externalNo: string | null;
  status: string;
}

export interface Authorisation {
  id: number;
  implementingBody: string;
  operator: { name: string };
  scope: string;
  startsOn: string;
  endsOn: string;
  products: { id: number; name: string; kind: string; priceFen: number; unit: string }[];
  resources: { registrationNo: string; dataName: string }[];
  due: { year: number; party: string; due: string; filedAt: string | null; overdue: boolean }[];
  overdue: boolean;
}

export const registryApi = {
  applications: (q: { q?: string; status?: string; page: number; pageSize: number }) =>
    request<{ items: Application[]; total: number }>('GET', withQuery('/api/registry/applications', q)),
  application: (id: number) => request<ApplicationDetail>('GET', `/api/registry/applications/${id}`),
  create: (body: unknown) => request<Application>('POST', '/api/registry/applications', body),
  act: (id: number, body: { action: string; missing?: string[]; reason?: string; objectionId?: number; outcome?: 'upheld' | 'dismissed' }) =>
    request<Application>('POST', `/api/registry/applications/${id}/actions`, body),
  registrations: (q: { q?: string; page: number; pageSize: number }) => request<{ items: RegistrationRow[]; total: number }>('GET', withQuery('/api/registry/registrations', q)),
  registration: (no: string) => request<RegistrationDetail>('GET', `/api/registry/registrations/${no}`),
  pledges: () => request<{ items: Pledge[] }>('GET', '/api/registry/pledges'),
  consents: () => request<{ items: Application[] }>('GET', '/api/registry/pledges/consents'),
  pledge: (body: unknown) => request<Pledge>('POST', '/api/registry/pledges', body),
  release: (id: number) => request<Pledge>('POST', `/api/registry/pledges/${id}/release`),
  authorisations: () => request<{ items: Authorisation[] }>('GET', '/api/registry/authorisations'),
  createAuthorisation: (body: unknown) => request<Authorisation>('POST', '/api/registry/authorisations', body),
};

/** Uploads one file (multipart field "file") to a registry endpoint. */
export async function uploadFile(path: string, file: File): Promise<unknown> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText, body?.error?.details);
  return body;
}

export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
