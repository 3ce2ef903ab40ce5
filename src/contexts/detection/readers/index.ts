/**
 * Streaming readers of the sensitive-data scanner: any supported input as batches of text rows,
 * in constant memory.
 *
 *   const reader = await openReader('patients.csv', { sample: 10000 });
 *   for await (const { firstRow, rows } of reader.batches()) { … }   // closes at the end or on break
 *
 * Inputs: CSV/TSV (UTF-8, UTF-8 BOM, UTF-16 BOM, GB18030/GBK detected), XLSX, JSON, NDJSON,
 * Parquet, and `postgres://…?table=…|query=…`, `mysql://…` (read-only). Bad input is a ReaderError
 * (an AppError: `unprocessable` or `bad_request`) with a one-line message naming the source and,
 * where known, the line. For the worker-thread pool, `planCsvRanges` + `openCsvRange` split a CSV
 * on record boundaries (csv-boundary.ts explains why that is exact with quoted newlines).
 */
import path from 'node:path';
import { openCsvReader } from './csv-reader.ts';
import { openInput, readAt } from './file-source.ts';
import { isDatabaseUrl } from './sql-guard.ts';
import { ReaderError, type ReaderOptions, type SourceFormat, type TableReader } from './types.ts';
import type { JsonOpenOptions } from './json-reader.ts';
import type { ParquetOpenOptions } from './parquet-reader.ts';
import type { XlsxOpenOptions } from './xlsx-reader.ts';

export * from './types.ts';
export { openCsvReader, planCsvRanges, openCsvRange } from './csv-reader.ts';
export type { CsvReader, CsvLayout, ByteRange, CsvOpenOptions, CsvPlanOptions } from './csv-reader.ts';
export { findRecordBoundary, endOfFirstRecord } from './csv-boundary.ts';
export type { BoundaryOptions } from './csv-boundary.ts';
export { CsvParser, CsvParseError, sniffDelimiter } from './csv-parser.ts';
export type { CsvParserOptions } from './csv-parser.ts';
export { sniffEncoding, StreamDecoder, ByteDecoder, DecodeError } from './decode.ts';
export { decodeGb18030, encodeGb18030 } from './gb18030.ts';
export { checkSelect, isDatabaseUrl, redactUrl } from './sql-guard.ts';
export { Flattener } from './flatten.ts';
export type { JsonOpenOptions, ParquetOpenOptions, XlsxOpenOptions };

// The XLSX, JSON, Parquet and database readers (and their packages: yauzl, saxes, hyparquet, pg,
// mysql2) load on first use, so that a CSV worker thread starts fast.

export async function openXlsxReader(path: string, opts?: XlsxOpenOptions): Promise<TableReader & { readonly sheet: string }> {
  return (await import('./xlsx-reader.ts')).openXlsxReader(path, opts);
}

/** The sheets of a workbook in workbook order: open each with `openXlsxReader(path, { sheet })`. */
export async function listXlsxSheets(path: string, opts?: XlsxOpenOptions): Promise<{ name: string; hidden: boolean }[]> {
  return (await import('./xlsx-reader.ts')).listXlsxSheets(path, opts);
}

export async function openJsonReader(path: string, format: 'json' | 'ndjson', opts?: JsonOpenOptions): Promise<TableReader> {
  return (await import('./json-reader.ts')).openJsonReader(path, format, opts);
}

export async function openParquetReader(path: string, opts?: ParquetOpenOptions): Promise<TableReader> {
  return (await import('./parquet-reader.ts')).openParquetReader(path, opts);
}

/** `postgres://…?table=|query=` or `mysql://…` (see db-reader.ts). */
export async function openDatabaseReader(input: string, opts?: ReaderOptions): Promise<TableReader> {
  return (await import('./db-reader.ts')).openDatabaseReader(input, opts);
}

const BY_EXTENSION: Record<string, SourceFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** Extensions `landao scan <directory>` picks up. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/**
 * The format of a file from its name and first bytes (give at least the first 64 KiB), or null
 * when it is none of the supported formats (binary, legacy .xls, …). Content wins over a
 * misleading extension for binary formats; `.json` holding one object per line is NDJSON.
 */
export function detectFormat(filePath: string, head: Buffer): SourceFormat | null {
  const ext = path.extname(filePath).toLowerCase();
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'PAR1') return 'parquet';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) return null; // OLE2: legacy .xls/.doc
  const byExt = BY_EXTENSION[ext];
  if (byExt === 'parquet' || byExt === 'xlsx') return byExt; // an empty or truncated file: its reader says why
  const text = head.toString('latin1').replace(/^\xef\xbb\xbf/, '');
  if (byExt === 'json' || byExt === 'ndjson' || byExt === undefined) {
    const json = sniffJson(text);
    if (json) return byExt === 'ndjson' ? 'ndjson' : json;
    if (byExt) return byExt;
  }
  if (byExt) return byExt;
  // Unknown extension (.txt, none): text → CSV unless it has NUL bytes (UTF-16 with BOM is text).
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (!utf16 && head.indexOf(0) >= 0) return null;
  if (head.length === 0) return null;
  return 'csv';
}

/** 'json' for an array or a multi-line object, 'ndjson' for one object per line, else null. */
function sniffJson(text: string): 'json' | 'ndjson' | null {
  const t = text.trimStart();
  if (t.startsWith('[')) return 'json';
  if (!t.startsWith('{')) return null;
  const lines = t.split('\n', 3);
  if (lines.length >= 2) {
    const first = lines[0]!.trim();
    const second = lines[1]!.trim();
    if (first.endsWith('}') && second.startsWith('{')) {
      try {
        JSON.parse(Buffer.from(first, 'latin1').toString('utf8'));
        return 'ndjson';
      } catch {
        // not a complete object on its own line
      }
    }
  }
  return 'json';
}

export interface OpenReaderOptions extends ReaderOptions {
  /** Name for `source` and messages (default: the input as given). */
  source?: string;
}

/**
 * Opens any supported input: a file path, or a database URL (`postgres://user@host/db?table=t`,
 * `?query=select…`, `mysql://…`). The format comes from `opts.format` or `detectFormat`.
 */
export async function openReader(input: string, opts: OpenReaderOptions = {}): Promise<TableReader> {
  if (isDatabaseUrl(input)) return openDatabaseReader(input, opts);
  const source = opts.source ?? input;
  let format = opts.format;
  const { fh } = await openInput(input, source);
  let head: Buffer;
  try {
    head = await readAt(fh, 0, 64 * 1024);
  } finally {
    await fh.close().catch(() => undefined);
  }
  // Nothing to scan is bad input in every format (a report of no columns would read as "nothing found").
  if (head.length === 0) throw new ReaderError(source, 'the file is empty', {}, 'unprocessable');
  if (format === undefined) {
    const found = detectFormat(input, head);
    if (found === null) {
      const ext = path.extname(input).toLowerCase();
      const hint = ext === '.xls' ? ' (legacy .xls: save it as .xlsx)' : head.indexOf(0) >= 0 ? ' (not a text file)' : '';
      throw new ReaderError(source, `unsupported or unknown format${hint}`, {}, head.length === 0 ? 'unprocessable' : 'bad_request');
    }
    format = found;
  }
  const o = { ...opts, source };
  switch (format) {
    case 'csv':
    case 'tsv':
      return openCsvReader(input, { ...o, preferTab: format === 'tsv' });
    case 'xlsx':
      return openXlsxReader(input, o);
    case 'json':
    case 'ndjson':
      return openJsonReader(input, format, o);
    case 'parquet':
      return openParquetReader(input, o);
    case 'postgres':
    case 'mysql':
      throw new ReaderError(source, `format ${format} needs a ${format}:// URL`, {}, 'bad_request');
  }
}
