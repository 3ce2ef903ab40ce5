import type { Generated, Insertable, Selectable } from 'kysely';

/** The `jobs` table (migration 0001), as the jobs repository sees it. */
export interface JobTable {
  id: Generated<number>;
  type: string;
  /** JSON text. */
  payload: string;
  status: string;
  priority: number;
  /** How many times the job was claimed; with worker_id it fences a claim. */
  attempts: number;
  max_attempts: number;
  timeout_ms: number;
  run_at: string;
  lease_until: string | null;
  worker_id: string | null;
  progress: number;
  progress_message: string | null;
  /** JSON text. */
  result: string | null;
  last_error: string | null;
  idempotency_key: string | null;
  created_by: string | null;
  org_id: number | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface JobsTables {
  jobs: JobTable;
}

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;
