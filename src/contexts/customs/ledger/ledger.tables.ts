/** Kysely table types of the person ledger (migration 0003). */
export interface LedgerPersonRow {
  exporter_id: number;
  year: number;
  /** Keyed HMAC-SM3 of the person's strongest identifier (`personHash`), 32 raw bytes. */
  person_hash: Buffer;
  /** 1 once any data of this person left with sensitive personal information. */
  sensitive: number;
  first_declaration_id: number;
  first_at: string;
}

export interface LedgerTotalsRow {
  exporter_id: number;
  year: number;
  /** Distinct persons this year, sensitive or not. */
  persons: number;
  /** Of those, persons with sensitive personal information. */
  sensitive: number;
  updated_at: string;
}

export interface LedgerTables {
  customs_ledger_persons: LedgerPersonRow;
  customs_ledger_totals: LedgerTotalsRow;
}
