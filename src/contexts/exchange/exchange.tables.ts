/** Kysely table types of the exchange context (migration 0009). */
import type { Generated } from 'kysely';

export interface GrantRow {
  id: Generated<number>;
  dataset_id: number;
  owner_org_id: number;
  consumer_org_id: number;
  purpose: string;
  /** JSON array of field names. */
  fields: string;
  /** JSON array of the sensitive fields the grant returns unmasked. */
  clear_fields: string;
  valid_from: string;
  valid_until: string;
  /** Cache of the state derived from the action log, for listing; the log decides. */
  state: string;
  requested_by: string;
  created_at: string;
  updated_at: string;
}

export interface GrantActionRow {
  id: Generated<number>;
  grant_id: number;
  action: string;
  actor: string;
  actor_org_id: number | null;
  at: string;
  detail: string;
}

export interface CredentialRow {
  id: Generated<number>;
  grant_id: number;
  /** SM3 of the secret part; the secret itself is shown once and never stored. */
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EvidenceRow {
  seq: number;
  tx_id: string;
  at: string;
  consumer_org_id: number;
  dataset_id: number;
  grant_id: number;
  credential_id: number;
  outcome: string;
  reason: string | null;
  request_hash: string;
  response_hash: string;
  prev_hash: string;
  hash: string;
}

export interface EvidenceHeadRow {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface BatchRow {
  id: Generated<number>;
  first_seq: number;
  last_seq: number;
  merkle_root: string;
  chain_head: string;
  sealed_at: string;
  key_id: string;
  public_key: string;
  signature: string;
}

export interface UsageRow {
  consumer_org_id: number;
  dataset_id: number;
  month: string;
  owner_org_id: number;
  allowed: number;
  denied: number;
  not_found: number;
}

export interface ExchangeTables {
  exchange_grants: GrantRow;
  exchange_grant_actions: GrantActionRow;
  exchange_credentials: CredentialRow;
  exchange_evidence: EvidenceRow;
  exchange_evidence_head: EvidenceHeadRow;
  exchange_batches: BatchRow;
  exchange_usage: UsageRow;
}
