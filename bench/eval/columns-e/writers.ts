/**
 * File writers of columns-e: delimited text (UTF-8, BOM, GBK; LF or CRLF), XLSX with fixed zip
 * timestamps, JSON/NDJSON and Parquet. Every output is byte-identical between runs and time zones.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parquetWriteFile } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';

export type Cell = string | number | bigint | boolean | Date | null;

export interface Column {
  header: string;
  truth: string;
}

export interface TruthEntry {
  index: number;
  header: string;
  truth: string;
}

export const entries = (cols: readonly Column[]): TruthEntry[] => cols.map((c, index) => ({ index, header: c.header, truth: c.truth }));

// ---------------------------------------------------------------------------------------------
// Delimited text

function quote(v: string, delimiter: string): string {
  return v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface DelimitedOptions {
  delimiter: ',' | '\t';
  encoding: 'utf8' | 'bom' | 'gbk';
  eol: '\n' | '\r\n';
}

export function writeDelimited(dir: string, file: string, cols: readonly Column[], rows: readonly (readonly string[])[], o: DelimitedOptions): void {
  const lines = [cols.map((c) => quote(c.header, o.delimiter)).join(o.delimiter)];
  for (const row of rows) {
    if (row.length !== cols.length) throw new Error(`${file}: a row has ${row.length} cells, expected ${cols.length}`);
    lines.push(row.map((v) => quote(v, o.delimiter)).join(o.delimiter));
  }
  const text = lines.join(o.eol) + o.eol;
  let buf: Buffer;
  if (o.encoding === 'gbk') {
    buf = iconv.encode(text, 'gbk');
    const back = iconv.decode(buf, 'gbk');
    if (back !== text) {
      const at = [...text].findIndex((ch, i) => ch !== [...back][i]);
      throw new Error(`${file}: text not representable in GBK near ${JSON.stringify([...text].slice(Math.max(0, at - 10), at + 10).join(''))}`);
    }
  } else {
    buf = Buffer.concat([o.encoding === 'bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  }
  writeFileSync(join(dir, file), buf);
}

// ---------------------------------------------------------------------------------------------
// XLSX

const FIXED = new Date(Date.UTC(2024, 5, 12, 9, 0, 0));

/** Stamps every local header and central-directory entry of a zip with 2024-06-12 09:00 (DOS time). */
export function fixZipTimes(buf: Buffer): Buffer {
  const time = (9 << 11) | (0 << 5) | 0;
  const date = ((2024 - 1980) << 9) | (6 << 5) | 12;
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

export interface Sheet {
  name: string;
  cols: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** A merged title row above the header (header then on row 2). */
  title?: string;
  /** Number formats per column index (dates: 'yyyy-mm-dd'). */
  formats?: Record<number, string>;
  widths?: number;
}

export async function writeXlsx(dir: string, file: string, sheets: readonly Sheet[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'landao-bench';
  wb.lastModifiedBy = 'landao-bench';
  wb.created = FIXED;
  wb.modified = FIXED;
  wb.lastPrinted = FIXED;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    let r = 1;
    if (s.title !== undefined) {
      ws.getCell(1, 1).value = s.title;
      ws.getCell(1, 1).font = { bold: true, size: 14 };
      ws.getCell(1, 1).alignment = { horizontal: 'center' };
      ws.mergeCells(1, 1, 1, s.cols.length);
      r = 2;
    }
    s.cols.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
    });
    for (const row of s.rows) {
      if (row.length !== s.cols.length) throw new Error(`${file}: a row of ${s.name} has ${row.length} cells, expected ${s.cols.length}`);
      r++;
      row.forEach((v, i) => {
        if (v === null || v === '') return;
        const cell = ws.getCell(r, i + 1);
        cell.value = typeof v === 'bigint' ? Number(v) : v;
        const f = s.formats?.[i];
        if (f !== undefined) cell.numFmt = f;
      });
    }
    s.cols.forEach((_, i) => {
      ws.getColumn(i + 1).width = s.widths ?? 16;
    });
  }
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(join(dir, file), fixZipTimes(out));
}

// ---------------------------------------------------------------------------------------------
// JSON, NDJSON, Parquet

export function writeJson(dir: string, file: string, records: readonly unknown[]): void {
  writeFileSync(join(dir, file), JSON.stringify(records, null, 2) + '\n');
}

export function writeNdjson(dir: string, file: string, records: readonly unknown[]): void {
  writeFileSync(join(dir, file), records.map((x) => JSON.stringify(x)).join('\n') + '\n');
}

export interface ParquetColumn extends Column {
  type: BasicType;
}

export function writeParquet(dir: string, file: string, cols: readonly ParquetColumn[], rows: readonly (readonly Cell[])[]): void {
  for (const row of rows) if (row.length !== cols.length) throw new Error(`${file}: a row has ${row.length} cells, expected ${cols.length}`);
  parquetWriteFile({
    filename: join(dir, file),
    columnData: cols.map((c, i) => ({ name: c.header, type: c.type, nullable: true, data: rows.map((row) => row[i] ?? null) })),
    createdBy: 'landao-bench columns-e',
  });
}
