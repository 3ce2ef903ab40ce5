import type { Generated } from 'kysely';

export interface AccountRow {
  id: Generated<number>;
  user_id: number;
  subject_kind: string;
  id_type: string;
  /** HMAC-SM3 under the person-hash key (detection `personHash`), hex. */
  id_hash: string;
  id_masked: string;
  /** SM4-sealed normalised number, base64. */
  id_sealed: string;
  name: string;
  contact_name: string | null;
  phone: string;
  org_id: number | null;
  verification: string;
  verification_reason: string | null;
  verification_reference: string | null;
  attempts: number;
  last_attempt_at: string | null;
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountCheckRow {
  id: Generated<number>;
  account_id: number;
  at: string;
  trigger: string;
  outcome: string;
  reference: string | null;
  detail: string | null;
}

export interface AccountsTables {
  services_accounts: AccountRow;
  services_account_checks: AccountCheckRow;
}
