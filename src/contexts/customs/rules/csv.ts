import { AppError } from '../../../kernel/errors.ts';

/**
 * Plain CSV (RFC 4180) for the bureau's list editor: comma-separated, fields quoted with `"` when they
 * hold a comma, quote, CR or LF, rows ended by CRLF. Export starts with a UTF-8 byte-order mark so
 * spreadsheet programs open Chinese text correctly; import accepts it, LF or CRLF, and a final newline.
 * Written here rather than taken from a library because the format is this small and nothing else in
 * the platform needs CSV yet; an XLSX variant can come later.
 */

const BOM = '\uFEFF';

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function stringifyCsv(rows: readonly (readonly string[])[], opts: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return (opts.bom ?? true) ? BOM + body : body;
}

export interface CsvRecord {
  /** The physical line the record starts on (1-based), for error messages. */
  line: number;
  cells: string[];
}

/** Parses CSV text into rows of cells; blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells);
}

/** Parses CSV text into records. Throws `validation_failed` naming the line of a broken quote. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: CsvRecord[] = [];
  let startLine = 1;
  let row: string[] = [];
  let cell = '';
  let line = 1;
  let i = 0;
  let inQuotes = false;
  let quoteLine = 0;
  let rowHasContent = false;
  while (i < src.length) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new AppError('validation_failed', `line ${line}: unexpected character after a closing quote`, {
            field: `line ${line}`,
          });
        }
        continue;
      }
      if (ch === '\n') line += 1;
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      inQuotes = true;
      quoteLine = line;
      rowHasContent = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      row.push(cell);
      cell = '';
      rowHasContent = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      i += 1;
      if (rowHasContent || cell !== '') {
        row.push(cell);
        rows.push({ line: startLine, cells: row });
      }
      row = [];
      cell = '';
      rowHasContent = false;
      line += 1;
      startLine = line;
      continue;
    }
    cell += ch;
    rowHasContent = true;
    i += 1;
  }
  if (inQuotes) {
    throw new AppError('validation_failed', `line ${quoteLine}: a quoted field is never closed`, {
      field: `line ${quoteLine}`,
    });
  }
  if (rowHasContent || cell !== '') {
    row.push(cell);
    rows.push({ line: startLine, cells: row });
  }
  return rows;
}
