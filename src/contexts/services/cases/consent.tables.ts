/** Kysely table types of prefill consents (migrations 0021 and 0025). */
import type { Generated } from 'kysely';

export interface PrefillConsentRow {
  id: Generated<number>;
  user_id: number;
  item_code: string;
  item_version: number;
  /** JSON {zh-CN, zh-TW, en}. */
  item_name: string;
  purpose: string;
  /** JSON [{dataset, title, department, fields: [{name, title, property}]}]: what the citizen was shown and agreed to. */
  datasets: string;
  granted_at: string;
  /** From this instant the consent no longer covers a lookup; null on rows written before migration 0025 (granted_at + 365 days). */
  expires_at: string | null;
}

export interface PrefillConsentRevocationRow {
  consent_id: number;
  revoked_at: string;
  reason: string | null;
}

export interface PrefillLookupRow {
  id: Generated<number>;
  consent_id: number;
  user_id: number;
  case_id: number | null;
  tx_id: string;
  dataset: string;
  /** JSON array of the dataset fields asked for. */
  fields: string;
  status: number;
  outcome: string;
  reason: string | null;
  /** The request as canonical JSON, exactly what the evidence record's requestHash covers. */
  request: string;
  at: string;
}

export interface ConsentTables {
  services_prefill_consents: PrefillConsentRow;
  services_prefill_consent_revocations: PrefillConsentRevocationRow;
  services_prefill_lookups: PrefillLookupRow;
}
