/** Kysely table types of the archives (migration 0016). JSON columns are text; ids are integers. */
import type { Generated } from 'kysely';

export interface SeriesRow {
  series_key: string;
  last_item: number;
}

export interface RecordRow {
  id: Generated<number>;
  archival_code: string;
  series_key: string;
  fonds: string;
  category: string;
  year: number;
  retention: string;
  org_code: string;
  item_no: number;
  source: string;
  source_ref: string;
  owner_org_id: number | null;
  current_version: number;
  created_at: string;
  /** Set when the record was destroyed by an approved disposal (migration 0019): a tombstone. */
  destroyed_at: Generated<string | null>;
  disposal_id: Generated<number | null>;
  /** Materialised 档号 path `全宗/门类/年度/期限/机构/件号(6 digits)` (migration 0020): a branch is an index range. */
  path: string | null;
}

export interface VersionRow {
  id: Generated<number>;
  record_id: number;
  version: number;
  /** Blob key prefix of the bag: `<bag_key>/bagit.txt`, `<bag_key>/data/…`. */
  bag_key: string;
  title: string;
  responsible: string;
  doc_date: string;
  document_no: string | null;
  case_ref: string | null;
  /** The whole description (JSON). */
  metadata: string;
  file_count: number;
  payload_bytes: number;
  /** Tag files with size and digests (JSON: name → {size, sha512, sm3}). */
  tag_files: string;
  check_result: string;
  check_report: string;
  reason: string | null;
  created_by: string;
  created_at: string;
  fixity_checked_at: string;
  fixity_status: string;
}

export interface FileRow {
  id: Generated<number>;
  version_id: number;
  path: string;
  size: number;
  sha512: string;
  sm3: string;
  media_type: string;
  format: string;
}

export interface EventRow {
  id: Generated<number>;
  record_id: number;
  version_id: number | null;
  type: string;
  outcome: string;
  agent: string;
  at: string;
  detail: string;
}

export interface AlertRow {
  id: Generated<number>;
  record_id: number;
  version_id: number;
  kind: string;
  at: string;
  detail: string;
}

export interface LoanRow {
  id: Generated<number>;
  record_id: number;
  requester_org_id: number;
  requested_by: string;
  purpose: string;
  valid_from: string;
  valid_until: string;
  /** Folded from archives_loan_actions; kept here for listing. */
  state: string;
  created_at: string;
}

export interface LoanActionRow {
  id: Generated<number>;
  loan_id: number;
  action: string;
  actor: string;
  actor_org_id: number | null;
  at: string;
  detail: string;
}

export interface AccessRow {
  id: Generated<number>;
  record_id: number;
  version: number;
  action: string;
  path: string | null;
  actor: string;
  org_id: number | null;
  loan_id: number | null;
  at: string;
}

/** Migration 0019: the collectors' watermarks (per source) and the units they could not archive yet. */
export interface CollectCursorRow {
  source: string;
  cursor_at: string;
  cursor_ref: string;
  updated_at: string;
}

export interface CollectFailureRow {
  source: string;
  source_ref: string;
  attempts: number;
  last_error: string;
  at: string;
}

/** 鉴定销毁: a proposal to destroy records past their retention; state folded from its action log. */
export interface DisposalRow {
  id: Generated<number>;
  reason: string;
  proposed_by: string;
  /** `kind:id` of the proposer (four eyes: the approver must differ). */
  proposer_key: string;
  state: string;
  record_count: number;
  created_at: string;
  destroyed_at: string | null;
  destruction_record_id: number | null;
  purged_at: string | null;
}

export interface DisposalItemRow {
  id: Generated<number>;
  disposal_id: number;
  record_id: number;
}

export interface DisposalActionRow {
  id: Generated<number>;
  disposal_id: number;
  action: string;
  actor: string;
  actor_key: string;
  at: string;
  detail: string;
}

export interface ArchivesTables {
  archives_collect_cursors: CollectCursorRow;
  archives_collect_failures: CollectFailureRow;
  archives_disposals: DisposalRow;
  archives_disposal_items: DisposalItemRow;
  archives_disposal_actions: DisposalActionRow;
  archives_loans: LoanRow;
  archives_loan_actions: LoanActionRow;
  archives_access: AccessRow;
  archives_series: SeriesRow;
  archives_records: RecordRow;
  archives_versions: VersionRow;
  archives_files: FileRow;
  archives_events: EventRow;
  archives_alerts: AlertRow;
}
