import type { Generated } from 'kysely';

export interface AuditEventRow {
  seq: number;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  actor_org_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  ip: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointRow {
  id: Generated<number>;
  seq: number;
  hash: string;
  at: string;
  key_id: string;
  public_key: string;
  signature: string;
}

export interface AuditTables {
  audit_events: AuditEventRow;
  audit_head: { id: number; last_seq: number; last_hash: string };
  audit_checkpoints: AuditCheckpointRow;
}
