/** Client of the benefits engine's matching runs (/api/benefits/runs/…). */
import { request, withQuery } from '../api';

export interface Run {
  id: number;
  policyKey: string;
  policyVersion: number;
  period: string;
  fundingOrgId: number;
  status: 'queued' | 'running' | 'completed' | 'failed';
  jobId: number | null;
  startedBy: string;
  totals: { subjects: number; eligible: number; ineligible: number; amountFen: number };
  offered: { created: number; rematched: number; kept: number } | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RunResult {
  subjectKind: 'person' | 'company';
  subjectKey: string;
  displayName: string;
  maskedId: string;
  hasAccount: boolean;
  eligible: boolean;
  amountFen: number;
  clauses: { id: string; passed: boolean; error?: string }[];
  inputs: unknown;
  figures: unknown;
}

export const runsApi = {
  start: (policyKey: string, period: string) => request<Run>('POST', '/api/benefits/runs', { policyKey, period }),
  list: (q: { policyKey?: string; page: number; pageSize: number }) => request<{ items: Run[]; total: number }>('GET', withQuery('/api/benefits/runs', q)),
  get: (id: number) => request<Run>('GET', `/api/benefits/runs/${id}`),
  job: (id: number) => request<{ status: string; progress: number; progressMessage: string | null }>('GET', `/api/jobs/${id}`),
  results: (id: number, q: { eligible?: string; q?: string; page: number; pageSize: number }) => request<{ items: RunResult[]; total: number }>('GET', withQuery(`/api/benefits/runs/${id}/results`, q)),
  /** One result recomputed from the records it used (full figures with the breakdown; `identical` to the recorded one). */
  detail: (id: number, subjectKey: string) =>
    request<{ result: RunResult; inputs: unknown; outcome: { eligible: boolean; amountFen: number; figures: unknown }; identical: boolean }>('GET', `/api/benefits/runs/${id}/results/${subjectKey}`),
  exportUrl: (id: number, format: 'csv' | 'xlsx', q: { eligible?: string; q?: string }) => withQuery(`/api/benefits/runs/${id}/results/export`, { ...q, format }),
};
