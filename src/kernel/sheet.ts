/**
 * Spreadsheets people upload and download (catalog imports, payment batches, results files): CSV per RFC 4180
 * and the first sheet of an XLSX workbook as rows of text cells, each with the line (CSV: the line a record
 * starts on; XLSX: the row number) so an error can name it.
 */
import ExcelJS from 'exceljs';
import { AppError } from './errors.ts';

/** A parsed sheet row and where it came from. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records with the line each starts on (a quoted cell may span lines). Blank lines are skipped;
 * a leading byte-order mark, LF or CRLF and a final newline are accepted. A quote that is never closed, or
 * anything but a comma or line break after a closing quote, is `validation_failed` naming the line.
 */
export function parseCsvRows(text: string): SheetRow[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  let any = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = s[i + 1];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
          throw new AppError('validation_failed', `line ${line}: unexpected character after a closing quote`, { line, field: `line ${line}` });
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
      any = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      any = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      cells.push(cell);
      if (any || cell !== '') rows.push({ line: start, cells });
      cells = [];
      cell = '';
      any = false;
      line++;
      start = line;
    } else {
      cell += c;
      any = true;
    }
    i++;
  }
  if (quoted) throw new AppError('validation_failed', `line ${quoteLine}: a quoted field is never closed`, { line: quoteLine, field: `line ${quoteLine}` });
  if (any || cell !== '') {
    cells.push(cell);
    rows.push({ line: start, cells });
  }
  return rows;
}

/** The first sheet of an XLSX workbook as text cells (rich text joined, hyperlinks as their text). */
export async function xlsxRows(data: Buffer, filename: string): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation_failed', `${filename}: not a readable XLSX workbook`, { field: 'file' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('validation_failed', `${filename}: the workbook has no sheet`, { field: 'file' });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(
        v == null
          ? ''
          : typeof v === 'object' && 'richText' in v
            ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
            : typeof v === 'object' && 'text' in v
              ? String((v as { text: unknown }).text)
              : String(v),
      );
    }
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}

/** One CSV cell, quoted when it holds a quote, comma or line break. */
export function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Rows as CSV text ended by CRLF, by default after a UTF-8 byte-order mark so spreadsheet programs read Chinese right. */
export function csvText(rows: readonly (readonly string[])[], opts: { bom?: boolean } = {}): string {
  const body = rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return (opts.bom ?? true) ? '\uFEFF' + body : body;
}
