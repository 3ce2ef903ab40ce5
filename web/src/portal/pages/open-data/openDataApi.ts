/** Client of the public open-data API (/api/open/…): no sign-in. */
import { request, withQuery } from '../../../api';

export interface OpenDataset {
  id: number;
  identifier: string;
  title: string;
  titleEn: string | null;
  description: string;
  publisher: { code: string; name: string; nameEn: string | null };
  theme: string;
  keywords: string[];
  accrualPeriodicity: string;
  openingType: string;
  rowCount: number;
  lastLoadedAt: string | null;
  updatedAt: string;
  version: number;
  license: string | null;
  downloadable: boolean;
  fields: { name: string; title: string; type: string; meaning: string }[];
}

export const openDataApi = {
  list: (q: { q?: string; page: number; pageSize: number }) => request<{ items: OpenDataset[]; total: number }>('GET', withQuery('/api/open/datasets', q)),
  get: (id: string) => request<OpenDataset>('GET', `/api/open/datasets/${encodeURIComponent(id)}`),
  downloadUrl: (id: string, format: 'csv' | 'json') => `/api/open/datasets/${encodeURIComponent(id)}/download.${format}`,
  dcatUrl: (id: string) => `/api/open/datasets/${encodeURIComponent(id)}/dcat.jsonld`,
};
