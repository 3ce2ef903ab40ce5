import type { Generated } from 'kysely';

/** One payout per (policy, subject, period); the columns after `seq` are the projection of its action log. */
export interface PayoutRow {
  id: Generated<number>;
  policy_key: string;
  /** The policy version of the latest offer; frozen by confirmation (the version it was confirmed under). */
  policy_version: number;
  funding_org_id: number;
  period: string;
  subject_kind: string;
  /** Keyed hash of the identifier (services_accounts.id_hash for the same person or company). */
  subject_key: string;
  subject_name: string;
  subject_masked: string;
  amount_fen: number;
  /** JSON: the source records used (frozen at confirmation). */
  inputs: string;
  /** JSON: the calculator output with its breakdown (frozen at confirmation). */
  figures: string;
  run_id: number;
  state: string;
  /** Number of actions in the log (the next action gets seq + 1). */
  seq: number;
  confirmed_at: string | null;
  notified_at: string | null;
  bank_name: string | null;
  /** SM4-sealed account number, base64 (kernel/crypto sm4Seal); opened only to write a batch file. */
  account_sealed: string | null;
  account_masked: string | null;
  account_name: string | null;
  consent_version: string | null;
  authorised_at: string | null;
  batch_id: number | null;
  paid_at: string | null;
  /** China month (YYYY-MM) of the payment, for statistics. */
  paid_month: string | null;
  bank_reference: string | null;
  /** Exclusion, decline or failure reason of the latest such action. */
  reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface PayoutActionRow {
  id: Generated<number>;
  payout_id: number;
  seq: number;
  action: string;
  /** `department`, `citizen` or `system`. */
  actor: string;
  actor_user_id: number | null;
  /** JSON; never an account number. */
  detail: string;
  at: string;
}

export interface PaymentBatchRow {
  id: Generated<number>;
  batch_no: string;
  policy_key: string;
  funding_org_id: number;
  /** `open` until every line has a result, then `settled`. */
  state: string;
  line_count: number;
  total_fen: number;
  /** SM3 of the CSV body (header and lines, UTF-8 without BOM, CRLF), the file's control hash. */
  sm3: string;
  created_by: number | null;
  created_at: string;
  settled_at: string | null;
}

export interface PaymentLineRow {
  batch_id: number;
  line_no: number;
  payout_id: number;
  /** What the payout was authorised with when the batch was built (a later correction goes to a later batch). */
  payee_name: string;
  bank_name: string;
  /** SM4-sealed account number, base64. */
  account_sealed: string;
  account_masked: string;
  amount_fen: number;
  /** `pending`, `paid` or `failed`. */
  status: string;
  bank_reference: string | null;
  reason: string | null;
  updated_at: string;
}

export interface PayoutTables {
  benefits_payouts: PayoutRow;
  benefits_payout_actions: PayoutActionRow;
  benefits_payment_batches: PaymentBatchRow;
  benefits_payment_lines: PaymentLineRow;
}
