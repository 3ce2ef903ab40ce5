/** Client of the service item catalog: public reading (/api/public/services/…) and officers' versions. */
import { ApiError, getCsrfToken, request, withQuery, type Locale } from '../../../api';

export type Localized = Record<Locale, string>;
export type ItemLevel = 'main' | 'sub' | 'handling';

export interface Department {
  code: string;
  name: Localized;
}

export interface ItemSummary {
  code: string;
  level: ItemLevel;
  parentCode: string | null;
  title: string;
  name: Localized;
  area: string;
  type: string;
  taiwan: boolean;
  department: Department;
  promisedDays: number | null;
  statutoryDays: number | null;
  visits: number | null;
}

export interface Material {
  name: Localized;
  form: '原件' | '复印件' | '电子文件';
  quantity: number;
  required: boolean;
  note?: Localized;
}

export interface ServiceItem {
  code: string;
  level: ItemLevel;
  parentCode: string | null;
  name: Localized;
  type: string;
  departmentCode: string;
  implementingBody: Localized;
  legalBasis: Localized;
  area: string;
  taiwan: boolean;
  keywords: string[];
  conditions?: Localized[];
  materials?: Material[];
  steps?: Localized[];
  statutoryDays?: number;
  promisedDays?: number;
  fees?: { name: Localized; amountFen: number; basis?: Localized }[];
  visits?: number;
  faq?: { q: Localized; a: Localized }[];
  processKey?: string;
}

export interface ItemDetail {
  version: number;
  item: ServiceItem;
  title: string;
  department: Department;
  parents: { code: string; level: ItemLevel; name: Localized }[];
  children: { code: string; level: ItemLevel; name: Localized; promisedDays: number | null }[];
  online: boolean;
}

export interface AreaCount {
  area: string;
  label: Localized;
  count: number;
}

export interface ItemVersion {
  version: number;
  sm3: string;
  itemCount: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
  inForce: boolean;
}

/** Uploads a CSV/XLSX catalog (multipart `file`, `note`); the answer is the new version. */
function importCatalog(file: File, note: string): Promise<ItemVersion> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/services/items/import');
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
      if (xhr.status === 201) resolve(body as ItemVersion);
      else {
        const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
        reject(new ApiError(xhr.status, e?.code ?? `http_${xhr.status}`, e?.message ?? xhr.statusText, e?.details));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'upload failed'));
    const form = new FormData();
    if (note.trim()) form.append('note', note.trim());
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const itemsApi = {
  search: (q: { q?: string; area?: string; page: number; pageSize: number; lang: Locale }) =>
    request<{ items: ItemSummary[]; total: number; version: number }>('GET', withQuery('/api/public/services/items', q)),
  item: (code: string, lang: Locale) => request<ItemDetail>('GET', withQuery(`/api/public/services/items/${encodeURIComponent(code)}`, { lang })),
  areas: () => request<{ items: AreaCount[] }>('GET', '/api/public/services/areas'),
  versions: () => request<{ items: ItemVersion[] }>('GET', '/api/services/items/versions'),
  exportUrl: (format: 'csv' | 'xlsx', version?: number) => withQuery('/api/services/items/export', { format, version }),
  importCatalog,
};
