/** Client of the archives API (/api/archives/…): records, 四性 reports, disposal review, fixity alerts. */
import { request, withQuery } from '../../../api';

export const RETENTIONS = ['Y', 'D30', 'D10'] as const;
export type Retention = (typeof RETENTIONS)[number];
export type CheckResult = 'pass' | 'fail' | 'warn' | 'not_applicable';

export interface ArchiveCategory {
  code: string;
  name: { 'zh-CN': string; en: string };
}

export interface ArchiveRecordRow {
  id: number;
  archivalCode: string;
  category: string;
  year: number;
  retention: Retention;
  title: string;
  date: string;
  documentNo: string | null;
  version: number;
}

export interface ArchiveRecord {
  id: number;
  archivalCode: string;
  category: string;
  year: number;
  retention: Retention;
  currentVersion: number;
  files: { name: string; size: number; mediaType: string; format: string; sm3: string }[];
  versions: { version: number; title: string; date: string; reason: string | null; createdAt: string; check: string; fixity: { checkedAt: string; status: string } }[];
  events: { type: string; outcome: string; at: string; agent: string }[];
}

export interface CheckItem {
  code: string;
  property: 'authenticity' | 'integrity' | 'usability' | 'security';
  name: string;
  result: CheckResult;
  evidence: string;
}

export interface FourPropertiesReport {
  archivalCode: string;
  version: number;
  at: string;
  result: 'pass' | 'warn' | 'fail';
  items: CheckItem[];
}

export interface DisposalRow {
  id: number;
  archivalCode: string;
  title: string;
  retention: Retention;
  year: number;
  expiredOn: string;
}

export interface FixityAlert {
  id: number;
  recordId: number;
  archivalCode: string;
  version: number;
  at: string;
  changed: string[];
  missing: string[];
  extra: string[];
}

export interface RecordFilter {
  category?: string | undefined;
  year?: number | undefined;
  retention?: Retention | undefined;
  q?: string | undefined;
}

export const archivesApi = {
  schedule: () => request<{ categories: ArchiveCategory[] }>('GET', '/api/archives/schedule'),
  records: (f: RecordFilter) => request<{ items: ArchiveRecordRow[] }>('GET', withQuery('/api/archives/records', { ...f, limit: 200 })),
  record: (id: number) => request<ArchiveRecord>('GET', `/api/archives/records/${id}`),
  report: (id: number, version?: number) => request<FourPropertiesReport>('GET', withQuery(`/api/archives/records/${id}/report`, { version })),
  fileUrl: (id: number, name: string) => `/api/archives/records/${id}/files/${encodeURIComponent(name)}`,
  disposal: () => request<{ items: DisposalRow[] }>('GET', '/api/archives/disposal-review'),
  alerts: () => request<{ items: FixityAlert[] }>('GET', '/api/archives/alerts'),
};
