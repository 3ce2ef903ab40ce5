/**
 * CSV for the bureau's list editor and reference tables: the platform's one RFC 4180 reader and writer
 * (kernel/sheet.ts) under the names the customs code uses. Export starts with a UTF-8 byte-order mark.
 */
import { csvText, parseCsvRows, type SheetRow } from '../../../kernel/sheet.ts';

export type CsvRecord = SheetRow;

export function stringifyCsv(rows: readonly (readonly string[])[], opts: { bom?: boolean } = {}): string {
  return csvText(rows, opts);
}

/** Parses CSV text into rows of cells; blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}

/** Parses CSV text into records with the line each starts on; `validation_failed` names the line of a broken quote. */
export const parseCsvRecords = parseCsvRows;
