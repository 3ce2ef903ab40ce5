/** Client of the exchange API (/api/exchange/…): grants, credentials, usage. */
import { request, withQuery } from '../../../api';

export const GRANT_STATES = ['requested', 'approved', 'rejected', 'revoked'] as const;
export type GrantState = (typeof GRANT_STATES)[number];
export type GrantAction = 'approve' | 'reject' | 'revoke' | 'issue_credential';

export interface OrgRef {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
}

export interface Grant {
  id: number;
  dataset: { id: number; identifier: string; title: string; sharingType: string; grade: string | null };
  owner: OrgRef;
  consumer: OrgRef;
  purpose: string;
  fields: string[];
  clearFields: string[];
  validFrom: string;
  validUntil: string;
  state: GrantState;
  allowedActions: GrantAction[];
  credentials: { id: number; createdAt: string; revokedAt: string | null }[];
  createdAt: string;
}

export interface Usage {
  month: string;
  consumer: OrgRef;
  owner: OrgRef;
  dataset: { id: number; identifier: string; title: string };
  allowed: number;
  denied: number;
  notFound: number;
}

export interface GrantRequest {
  datasetId: number;
  purpose: string;
  fields: string[];
  clearFields: string[];
  validFrom: string;
  validUntil: string;
}

export const exchangeApi = {
  list: (q: { side?: 'consumer' | 'owner' | undefined; state?: GrantState | undefined; page: number; pageSize: number }) =>
    request<{ items: Grant[]; total: number }>('GET', withQuery('/api/exchange/grants', q)),
  request: (body: GrantRequest) => request<{ grant: Grant; credential?: string }>('POST', '/api/exchange/grants', body),
  approve: (id: number) => request<Grant>('POST', `/api/exchange/grants/${id}/approve`, {}),
  reject: (id: number, reason: string) => request<Grant>('POST', `/api/exchange/grants/${id}/reject`, { reason }),
  revoke: (id: number, reason: string) => request<Grant>('POST', `/api/exchange/grants/${id}/revoke`, { reason }),
  credential: (id: number) => request<{ credential: string; grant: Grant }>('POST', `/api/exchange/grants/${id}/credential`, {}),
  usage: (month?: string) => request<{ items: Usage[] }>('GET', withQuery('/api/exchange/usage', { month })),
};
