import type { Generated } from 'kysely';

export interface DatasetRow {
  id: Generated<number>;
  org_id: number;
  identifier: string;
  title: string;
  /** Projection of the action log, kept in the same transaction as each action. */
  state: string;
  version: number;
  /** DatasetMetadata as JSON. */
  metadata: string;
  grade: string | null;
  grade_confirmed_at: string | null;
  sharing_type: string;
  opening_type: string;
  /** Lower-cased title, description, keywords and field titles, for search. */
  search_text: string;
  row_count: number;
  last_loaded_at: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface DatasetVersionRow {
  id: Generated<number>;
  dataset_id: number;
  version: number;
  metadata: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface DatasetActionRow {
  id: Generated<number>;
  dataset_id: number;
  action: string;
  actor: string | null;
  detail: string;
  at: string;
}

export interface DataItemRow {
  item_key: string;
  dataset_id: number;
  org_id: number;
  field: string;
}

export interface BatchRow {
  id: Generated<number>;
  dataset_id: number;
  org_id: number;
  source: string;
  provenance: string;
  status: string;
  policy: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  quality: string | null;
  error: string | null;
  job_id: number | null;
  created_by: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface BatchRejectRow {
  id: Generated<number>;
  batch_id: number;
  row_no: number;
  field: string;
  rule: string;
  message: string;
}

export interface StoredRow {
  dataset_id: number;
  row_key: string;
  payload: string;
  batch_id: number;
}

export interface SourceRow {
  id: Generated<number>;
  dataset_id: number;
  url: string;
  table_name: string;
  change_column: string;
  every_minutes: number;
  watermark: string | null;
  enabled: number;
  last_run_at: string | null;
  created_at: string;
}

export interface QualityIssueRow {
  id: Generated<number>;
  dataset_id: number;
  org_id: number;
  batch_id: number | null;
  field: string | null;
  rule: string;
  count: number;
  message: string;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  created_at: string;
  resolved_at: string | null;
}

export interface CatalogTables {
  catalog_datasets: DatasetRow;
  catalog_dataset_versions: DatasetVersionRow;
  catalog_dataset_actions: DatasetActionRow;
  catalog_data_items: DataItemRow;
  catalog_batches: BatchRow;
  catalog_batch_rejects: BatchRejectRow;
  catalog_rows: StoredRow;
  catalog_sources: SourceRow;
  catalog_quality_issues: QualityIssueRow;
}
