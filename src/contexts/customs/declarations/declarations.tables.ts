import type { Generated, Selectable } from 'kysely';

/** Tables of migration 0004, as the declarations repository sees them. */
export interface DeclarationTable {
  id: Generated<number>;
  no: string;
  exporter_org_id: number;
  created_by: string;
  year: number;
  form: string;
  source_kind: string;
  source_blob_key: string | null;
  source_filename: string | null;
  source_bytes: number | null;
  source_sm3: string | null;
  source_secret: string | null;
  scan_job_id: number | null;
  analysis: string | null;
  persons_blob_key: string | null;
  decision: string | null;
  state: string;
  created_at: string;
  updated_at: string;
}

export interface DeclarationActionTable {
  id: Generated<number>;
  declaration_id: number;
  seq: number;
  action: string;
  actor: string;
  actor_name: string | null;
  comment: string | null;
  detail: string | null;
  at: string;
}

export interface ClearanceTable {
  id: Generated<number>;
  no: string;
  declaration_id: number;
  exporter_org_id: number;
  document: string;
  key_id: string;
  valid_from: string;
  valid_until: string;
  issued_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface DeclarationTables {
  customs_declarations: DeclarationTable;
  customs_declaration_actions: DeclarationActionTable;
  customs_clearances: ClearanceTable;
}

export type DeclarationRow = Selectable<DeclarationTable>;
export type DeclarationActionRow = Selectable<DeclarationActionTable>;
export type ClearanceRow = Selectable<ClearanceTable>;
