/** Kysely table types of the benefits engine (migration 0017): sources, policies, matching runs. */
import type { Generated } from 'kysely';

export interface BatchRow {
  id: Generated<number>;
  kind: string;
  org_id: number;
  /** upload | push | file */
  via: string;
  source_system: string | null;
  filename: string | null;
  sm3: string | null;
  bytes: number | null;
  uploaded_by: string;
  received_at: string;
  /** running | loaded | partial | failed */
  status: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_superseding: number;
  error: string | null;
  finished_at: string | null;
}

export interface RejectRow {
  id: Generated<number>;
  batch_id: number;
  row_no: number;
  field: string | null;
  reason: string;
  message: string;
}

export interface RecordRow {
  id: Generated<number>;
  batch_id: number;
  row_no: number;
  kind: string;
  org_id: number;
  subject_kind: string;
  subject_key: string;
  record_key: string;
  year: number | null;
  masked_id: string;
  name: string;
  data: string;
  current: number;
  superseded_by: number | null;
}

export interface PolicyRow {
  key: string;
  current_version: number;
  created_at: string;
  updated_at: string;
}

export interface PolicyVersionRow {
  id: Generated<number>;
  policy_key: string;
  version: number;
  document: string;
  sm3: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface RunRow {
  id: Generated<number>;
  policy_key: string;
  policy_version: number;
  period: string;
  funding_org_id: number;
  /** queued | running | completed | failed */
  status: string;
  job_id: number | null;
  started_by: string;
  subjects: number;
  eligible: number;
  ineligible: number;
  total_fen: number;
  offered: string | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface RunResultRow {
  id: Generated<number>;
  run_id: number;
  subject_kind: string;
  subject_key: string;
  display_name: string;
  masked_id: string;
  has_account: number;
  eligible: number;
  amount_fen: number;
  clauses: string;
  inputs: string;
  figures: string | null;
}

export interface EngineTables {
  benefits_batches: BatchRow;
  benefits_rejects: RejectRow;
  benefits_records: RecordRow;
  benefits_policies: PolicyRow;
  benefits_policy_versions: PolicyVersionRow;
  benefits_runs: RunRow;
  benefits_run_results: RunResultRow;
}
