/**
 * Reading a table set's files back, independent of the scanner's own readers: the scorer
 * (columns-eval.ts) takes sample values with these, and each set's own check (columns-c … columns-f
 * check.ts) reads its files back with them — delimited text with its encoding and line ends, JSON
 * paths, an XLSX file's first sheet, Parquet rows — and keeps its own judgement of the values.
 */

import ExcelJS from 'exceljs';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { SchemaElement } from 'hyparquet';

/** A delimited file's text: UTF-8, with or without a BOM, else GB18030 (Chinese Excel exports). */
export function decode(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The delimiter that occurs most in the first line. */
export function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n/) >>> 0);
  let best = ',';
  let bestCount = -1;
  for (const d of [',', '\t', ';', '|']) {
    const n = first.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Values of every scalar path of JSON records, paths written a.b[].c. */
export function jsonColumns(records: unknown[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      for (const el of v) walk(el, `${path}[]`);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
    } else {
      const list = out.get(path) ?? [];
      list.push(scalarText(v));
      out.set(path, list);
    }
  };
  for (const rec of records) walk(rec, '');
  return out;
}

/** The leaf paths of JSON records (a.b, items[].title), in first-seen order: what the table sets label. */
export function jsonPaths(records: unknown[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      for (const el of v) walk(el, `${path}[]`);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
    } else if (!seen.has(path)) {
      seen.add(path);
      order.push(path);
    }
  };
  for (const rec of records) walk(rec, '');
  return order;
}

/** An XLSX file's first sheet as text rows, with where its header is and which columns hold dates or numbers. */
export interface XlsxSheet {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  /** Every row as cell texts (dates as ISO strings), title rows included. */
  table: string[][];
  /** Index in `table` of the row holding `firstHeader` (-1 when none does). */
  headerAt: number;
  /** 0-based columns with at least one date cell, and with at least one number cell. */
  dateColumns: Set<number>;
  numberColumns: Set<number>;
}

/** Reads the first sheet of an XLSX file (a title row may sit above the header that holds `firstHeader`). */
export async function readXlsxSheet(path: string, firstHeader: string | undefined): Promise<XlsxSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error(`${path}: no sheet`);
  const table: string[][] = [];
  const dateColumns = new Set<number>();
  const numberColumns = new Set<number>();
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      if (v instanceof Date) {
        dateColumns.add(c - 1);
        cells.push(v.toISOString());
      } else {
        if (typeof v === 'number') numberColumns.add(c - 1);
        cells.push(row.getCell(c).text);
      }
    }
    table.push(cells);
  });
  const first = firstHeader?.trim();
  const headerAt = table.findIndex((r) => r.some((c) => c.trim() === first));
  return { workbook, sheet, table, headerAt, dateColumns, numberColumns };
}

/** A Parquet file's schema columns and its rows as objects. */
export async function readParquet(buf: Buffer): Promise<{ columns: SchemaElement[]; rows: Record<string, unknown>[] }> {
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const columns = parquetSchema(parquetMetadata(file)).children.map((c) => c.element);
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  return { columns, rows };
}

/** How a delimited file is encoded and ends its lines: what the table sets' checks assert about GBK, BOM and CRLF files. */
export function textLayout(buf: Buffer): { bom: boolean; utf8: boolean; crlf: boolean; bareLf: boolean; text: string } {
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    utf8 = false;
  }
  const text = decode(buf);
  return { bom, utf8, crlf: text.includes('\r\n'), bareLf: /[^\r]\n/.test(text), text };
}
