/** Client of service-hall notifications (/api/services/notifications) and 好差评 (/api/services/ratings). */
import { request, withQuery, type Locale } from '../../api';

export type Localized = Record<Locale, string>;

export interface NotificationItem {
  id: number;
  template: string;
  audience: 'applicant' | 'department';
  /** Rendered by the server in the user's language (officer text converted for zh-TW, marked 原文 in English). */
  title: string;
  body: string;
  caseId: number | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unread: number;
}

export const notifyApi = {
  list: (q: { unread?: boolean; cursor?: string | null; limit?: number }) =>
    request<NotificationPage>('GET', withQuery('/api/services/notifications', { unread: q.unread ? 'true' : undefined, cursor: q.cursor ?? undefined, limit: q.limit })),
  unreadCount: () => request<{ unread: number }>('GET', '/api/services/notifications/unread-count'),
  markRead: (id: number) => request<{ unread: number }>('POST', `/api/services/notifications/${id}/read`),
  markAllRead: () => request<{ marked: number }>('POST', '/api/services/notifications/read-all'),
};

export const RATING_INDICATORS = ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability'] as const;
export type RatingIndicator = (typeof RATING_INDICATORS)[number];
export type FollowUpState = 'open' | 'answered' | 'closed';
export type FollowUpAction = 'open' | 'answer' | 'return' | 'close' | 'confirm';

export interface RatingInput {
  level: number;
  indicators: Record<RatingIndicator, number>;
  comment?: string;
}

export interface FollowUp {
  id: number;
  ratingId: number;
  caseId: number;
  caseNo: string;
  itemName: Localized;
  level: number;
  comment: string | null;
  departmentId: number;
  departmentName: string;
  dueDate: string;
  state: FollowUpState;
  overdue: boolean;
  answeredAt: string | null;
  onTime: boolean | null;
  closedAt: string | null;
  allowedActions: FollowUpAction[];
  actions?: { action: FollowUpAction; actor: string; text: string | null; originalText: string | null; at: string }[];
}

export interface Rating {
  id: number;
  caseId: number;
  caseNo: string;
  itemCode: string;
  itemName: Localized;
  level: number;
  indicators: Record<RatingIndicator, number>;
  comment: string | null;
  createdAt: string;
  departmentIds: number[];
  followUps: FollowUp[];
}

export interface StatisticsRow {
  key: string;
  name: string | Localized;
  count: number;
  average: number | null;
  goodRate: number | null;
  bad: number;
}

export interface DepartmentStatisticsRow extends StatisticsRow {
  followUps: number;
  answered: number;
  answeredOnTime: number;
  overdueOpen: number;
}

export interface RatingStatistics {
  totals: { count: number; average: number | null; goodRate: number | null; bad: number; indicators: Record<RatingIndicator, number | null> };
  byDepartment: DepartmentStatisticsRow[];
  byItem: StatisticsRow[];
}

export const ratingsApi = {
  rate: (caseId: number, input: RatingInput) => request<Rating>('POST', `/api/services/ratings/cases/${caseId}`, input),
  forCase: (caseId: number) => request<{ rating: Rating | null }>('GET', `/api/services/ratings/cases/${caseId}`),
  followUps: (q: { state?: FollowUpState; overdue?: boolean; page?: number; pageSize?: number }) =>
    request<{ items: FollowUp[]; total: number }>('GET', withQuery('/api/services/ratings/follow-ups', { state: q.state, overdue: q.overdue ? 'true' : undefined, page: q.page, pageSize: q.pageSize })),
  followUp: (id: number) => request<FollowUp>('GET', `/api/services/ratings/follow-ups/${id}`),
  answer: (id: number, text: string) => request<FollowUp>('POST', `/api/services/ratings/follow-ups/${id}/answer`, { text }),
  close: (id: number, note?: string) => request<FollowUp>('POST', `/api/services/ratings/follow-ups/${id}/close`, note ? { note } : {}),
  returnToDepartment: (id: number, note: string) => request<FollowUp>('POST', `/api/services/ratings/follow-ups/${id}/return`, { note }),
  confirm: (id: number) => request<FollowUp>('POST', `/api/services/ratings/follow-ups/${id}/confirm`),
  statistics: (q: { from?: string; to?: string }) => request<RatingStatistics>('GET', withQuery('/api/services/ratings/statistics', q)),
};
