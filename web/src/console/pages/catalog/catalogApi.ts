/** Client of the catalog API (/api/catalog/…): datasets, batches, quality. */
import { ApiError, getCsrfToken, request, withQuery } from '../../../api';

export type DatasetState = 'draft' | 'published' | 'retired';
export type BatchStatus = 'queued' | 'running' | 'loaded' | 'partial' | 'rejected' | 'failed';
export const FIELD_TYPES = ['string', 'integer', 'number', 'date', 'datetime', 'boolean'] as const;
export const THEMES = ['market', 'civil_affairs', 'finance_tax', 'transport', 'health', 'education', 'environment', 'public_safety', 'social_security', 'housing', 'agriculture', 'other'] as const;
export const PERIODICITIES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular'] as const;
export const SHARING_TYPES = ['unconditional', 'conditional', 'none'] as const;
export const OPENING_TYPES = ['open', 'conditional', 'closed'] as const;

export interface Publisher {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
}

export interface FieldSpec {
  name: string;
  title: string;
  type: (typeof FIELD_TYPES)[number];
  meaning: string;
  itemCode?: string;
  reference?: boolean;
  detectorType?: string;
  subclassId?: string | null;
  required?: boolean;
  unique?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  codeList?: string[];
}

export interface DatasetInput {
  identifier: string;
  title: string;
  titleEn?: string;
  description: string;
  theme: string;
  keywords: string[];
  accrualPeriodicity: string;
  sharingType: string;
  sharingBasis?: string;
  openingType: string;
  license?: string;
  keyFields: string[];
  rejectPolicy: 'keep_good' | 'reject_batch';
  fields: FieldSpec[];
  distributions: { title: string; accessURL: string }[];
}

export interface DatasetSummary {
  id: number;
  identifier: string;
  title: string;
  titleEn: string | null;
  description: string;
  publisher: Publisher;
  state: DatasetState;
  version: number;
  grade: string | null;
  sharingType: string;
  openingType: string;
  theme: string;
  keywords: string[];
  accrualPeriodicity: string;
  rowCount: number;
  lastLoadedAt: string | null;
  updatedAt: string;
}

export interface FieldSuggestion {
  field: string;
  detectorType: string | null;
  labels: { subclassId: string; grade: string }[];
}

export interface Dataset extends DatasetSummary {
  metadata: DatasetInput & { scan?: { at: string; sampledRows: number; suggestedGrade: string; fields: FieldSuggestion[] } };
  gradeConfirmedAt: string | null;
  allowedActions: string[];
  sourceConflicts: { field: string; authoritative: { identifier: string; title: string; orgId: number } }[];
  history: { action: string; actor: string | null; at: string; detail: Record<string, unknown> }[];
}

export interface Batch {
  id: number;
  datasetId: number;
  source: string;
  provenance: Record<string, unknown>;
  status: BatchStatus;
  policy: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  quality: { passRate: number; failures: { field: string; rule: string; count: number }[] } | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface Source {
  id: number;
  url: string;
  table: string;
  changeColumn: string;
  everyMinutes: number;
  watermark: string | null;
  lastRunAt: string | null;
}

export interface RejectRow {
  row: number;
  field: string;
  rule: string;
  message: string;
}

export interface Quality {
  rowCount: number;
  lastLoadedAt: string | null;
  timeliness: { periodicity: string; stale: boolean };
  batches: { id: number; status: string; startedAt: string; rowsRead: number; rowsLoaded: number; rowsRejected: number; passRate: number | null }[];
  failures: { field: string; rule: string; count: number }[];
  openIssues: number;
}

export interface Issue {
  id: number;
  datasetId: number;
  batchId: number | null;
  field: string | null;
  rule: string;
  count: number;
  message: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  createdAt: string;
}

/** Uploads a CSV/TSV/XLSX file into a dataset (multipart field `file`); the load runs as a job. */
function upload(datasetId: number, file: File): Promise<{ batchId: number; jobId: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/catalog/datasets/${datasetId}/uploads`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 202) resolve(body as { batchId: number; jobId: number });
      else {
        const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
        reject(new ApiError(xhr.status, e?.code ?? `http_${xhr.status}`, e?.message ?? xhr.statusText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'upload failed'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const catalogApi = {
  list: (q: { q?: string; state?: string; page: number; pageSize: number }) =>
    request<{ items: DatasetSummary[]; total: number }>('GET', withQuery('/api/catalog/datasets', q)),
  get: (id: number) => request<Dataset>('GET', `/api/catalog/datasets/${id}`),
  create: (input: DatasetInput) => request<Dataset>('POST', '/api/catalog/datasets', input),
  update: (id: number, input: DatasetInput & { note?: string }) => request<Dataset>('PUT', `/api/catalog/datasets/${id}`, input),
  versions: (id: number) => request<{ items: { version: number; note: string | null; createdAt: string }[] }>('GET', `/api/catalog/datasets/${id}/versions`),
  classify: (id: number) => request<Dataset>('POST', `/api/catalog/datasets/${id}/classify`),
  confirmGrade: (id: number, subclasses: Record<string, string | null>) => request<Dataset>('POST', `/api/catalog/datasets/${id}/confirm-grade`, { subclasses }),
  publish: (id: number) => request<Dataset>('POST', `/api/catalog/datasets/${id}/publish`),
  retire: (id: number, reason: string) => request<Dataset>('POST', `/api/catalog/datasets/${id}/retire`, { reason }),
  upload,
  batches: (datasetId: number, page: number, pageSize: number) =>
    request<{ items: Batch[]; total: number }>('GET', withQuery('/api/catalog/batches', { datasetId, page, pageSize })),
  rejects: (batchId: number, page: number, pageSize: number) =>
    request<{ items: RejectRow[]; total: number }>('GET', withQuery(`/api/catalog/batches/${batchId}/rejects`, { page, pageSize })),
  sources: (datasetId: number) => request<{ items: Source[] }>('GET', `/api/catalog/datasets/${datasetId}/sources`),
  addSource: (datasetId: number, input: { url: string; table: string; changeColumn: string; everyMinutes: number }) =>
    request<Source>('POST', `/api/catalog/datasets/${datasetId}/sources`, input),
  pull: (sourceId: number) => request<{ jobId: number }>('POST', `/api/catalog/sources/${sourceId}/pull`),
  quality: (id: number) => request<Quality>('GET', `/api/catalog/datasets/${id}/quality`),
  issues: (q: { datasetId?: number; status?: string; page: number; pageSize: number }) =>
    request<{ items: Issue[]; total: number }>('GET', withQuery('/api/catalog/issues', q)),
  resolveIssue: (id: number, resolution: string) => request<Issue>('POST', `/api/catalog/issues/${id}/resolve`, { resolution }),
};
