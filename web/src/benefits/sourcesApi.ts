/** Client of the benefits engine's data sources (/api/benefits/sources/…). */
import { ApiError, getCsrfToken, request, withQuery } from '../api';

export interface SourceBatch {
  id: number;
  kind: string;
  orgId: number;
  provenance: { via: string; sourceSystem: string | null; filename: string | null; sm3: string | null; bytes: number | null; uploadedBy: string; receivedAt: string };
  status: 'running' | 'loaded' | 'partial' | 'failed';
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsSuperseding: number;
  error: string | null;
  finishedAt: string | null;
}

export interface SourceReject {
  rowNo: number;
  field: string | null;
  reason: string;
  message: string;
}

export interface SourceKind {
  kind: string;
  spec: { subject: 'person' | 'company'; names: Record<'zh-CN' | 'zh-TW' | 'en', string>; fields: { name: string; type: string; required?: boolean }[] };
}

/** Uploads one file with XMLHttpRequest (the only API reporting upload progress). */
function upload(kind: string, file: File, sourceSystem: string, onProgress: (fraction: number) => void): Promise<SourceBatch> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery('/api/benefits/sources/uploads', { kind, sourceSystem }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as unknown as SourceBatch);
      else reject(new ApiError(xhr.status, body?.error?.code ?? `http_${xhr.status}`, body?.error?.message ?? xhr.statusText, body?.error?.details));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const sourcesApi = {
  kinds: () => request<SourceKind[]>('GET', '/api/benefits/sources/kinds'),
  batches: (q: { kind?: string; page: number; pageSize: number }) => request<{ items: SourceBatch[]; total: number }>('GET', withQuery('/api/benefits/sources/batches', q)),
  rejects: (id: number, page: number, pageSize: number) => request<{ items: SourceReject[]; total: number }>('GET', withQuery(`/api/benefits/sources/batches/${id}/rejects`, { page, pageSize })),
  upload,
};
