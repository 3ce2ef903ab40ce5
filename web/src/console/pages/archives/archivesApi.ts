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
  /** Set when the record was destroyed by an approved disposal: its description stays, its files are gone. */
  destroyed: { at: string; disposalId: number } | null;
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

/** GET /api/archives/search: full text (jieba-segmented), filters, or a 档号 path branch. */
export interface SearchFilter extends RecordFilter {
  org?: string | undefined;
  department?: number | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  path?: string | undefined;
  /** `destroyed`: the tombstones of destroyed records instead of the living ones. */
  status?: 'active' | 'destroyed' | undefined;
}

export interface SearchItem extends ArchiveRecordRow {
  path: string | null;
  responsible: string;
  /** Words matched between 【 and 】. */
  snippet: string | null;
  /** Set on tombstones (status=destroyed). */
  destroyedAt?: string | null;
}

export interface SearchPage {
  items: SearchItem[];
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: string | null;
  /** Thesaurus terms the search also looked for (婚姻 → 结婚, 离婚). */
  related?: string[];
}

export const DISPOSAL_STATES = ['proposed', 'approved', 'rejected', 'withdrawn', 'destroyed'] as const;
export type DisposalState = (typeof DISPOSAL_STATES)[number];
export type DisposalAction = 'approve' | 'reject' | 'withdraw' | 'destroy';

export interface DisposalProposalRow {
  id: number;
  reason: string;
  proposedBy: string;
  createdAt: string;
  state: DisposalState;
  records: number;
  destroyedAt: string | null;
}

/** A disposal proposal (鉴定销毁) with its records, action log and, once destroyed, the destruction record. */
export interface DisposalProposal {
  id: number;
  reason: string;
  proposedBy: string;
  createdAt: string;
  state: DisposalState;
  allowedActions: DisposalAction[];
  records: { id: number; archivalCode: string; title: string; retention: Retention; year: number; expiredOn: string | null; destroyedAt: string | null }[];
  actions: { action: string; actor: string; at: string; note: string | null }[];
  destroyedAt: string | null;
  destructionRecord: {
    recordId: number;
    archivalCode: string;
    content: { approvedBy: string; approvedAt: string; destroyedBy: string; destroyedAt: string; records: { archivalCode: string; versions: { version: number; manifestSm3: Record<string, string> }[] }[] };
  } | null;
}

export const archivesApi = {
  search: (f: SearchFilter, cursor?: string) => request<SearchPage>('GET', withQuery('/api/archives/search', { ...f, cursor, limit: 50 })),
  schedule: () => request<{ categories: ArchiveCategory[] }>('GET', '/api/archives/schedule'),
  records: (f: RecordFilter) => request<{ items: ArchiveRecordRow[] }>('GET', withQuery('/api/archives/records', { ...f, limit: 200 })),
  record: (id: number) => request<ArchiveRecord>('GET', `/api/archives/records/${id}`),
  report: (id: number, version?: number) => request<FourPropertiesReport>('GET', withQuery(`/api/archives/records/${id}/report`, { version })),
  fileUrl: (id: number, name: string) => `/api/archives/records/${id}/files/${encodeURIComponent(name)}`,
  disposal: () => request<{ items: DisposalRow[] }>('GET', '/api/archives/disposal-review'),
  alerts: () => request<{ items: FixityAlert[] }>('GET', '/api/archives/alerts'),
  proposals: (state?: DisposalState) => request<{ items: DisposalProposalRow[] }>('GET', withQuery('/api/archives/disposals', { state })),
  proposal: (id: number) => request<DisposalProposal>('GET', `/api/archives/disposals/${id}`),
  propose: (recordIds: number[], reason: string) => request<DisposalProposal>('POST', '/api/archives/disposals', { recordIds, reason }),
  actOnProposal: (id: number, action: DisposalAction, note?: string) => request<DisposalProposal>('POST', `/api/archives/disposals/${id}/${action}`, note ? { note } : {}),
};
