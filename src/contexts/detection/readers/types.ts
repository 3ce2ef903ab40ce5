/**
 * Shared types of the streaming readers: every input (file or database table) is read as a table of
 * text cells in batches of rows, in constant memory.
 */
import { AppError } from '../../../kernel/errors.ts';

export type SourceFormat = 'csv' | 'tsv' | 'xlsx' | 'json' | 'ndjson' | 'parquet' | 'postgres' | 'mysql';

/** The text encodings the readers detect (`gb18030` is reported for GBK files: it is a superset). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface RowBatch {
  /** 1-based data row of `rows[0]` (the first row after the header is 1). */
  firstRow: number;
  /**
   * Cells as text, '' for empty or null. A row has one cell per column known when it was read; when
   * `columns()` grows later (JSON, NDJSON, ragged: 'pad'), earlier rows are shorter: read a missing
   * cell as ''.
   */
  rows: string[][];
}

export interface TableReader {
  /** The input as given (a database URL without its password). */
  readonly source: string;
  readonly format: SourceFormat;
  /** Text formats only; may change from 'utf-8' to 'gb18030' while reading an ASCII-only head. */
  readonly encoding?: TextEncoding | undefined;
  /**
   * Header names. For JSON, NDJSON and Parquet the flattened paths (`a.b`, `a[].c`) in order of
   * first appearance: the list may grow while reading.
   */
  columns(): string[];
  /** The rows, once. Breaking out of the loop closes the input. */
  batches(): AsyncIterable<RowBatch>;
  /** Bytes of input consumed so far (approximate for databases: the text of the cells). */
  bytesRead(): number;
  /** Size of the input when known (files). */
  totalBytes(): number | undefined;
  /** Releases the file descriptor, cursor or connection. Idempotent. */
  close(): Promise<void>;
}

export type RaggedMode = 'error' | 'pad';

export interface ReaderOptions {
  /** Stop after this many data rows (and close the input promptly). */
  sample?: number;
  /** Skip format detection. */
  format?: SourceFormat;
  /** Rows per batch (default 4096). Batches hold at most this many rows. */
  batchRows?: number;
  /**
   * Largest cell accepted, in UTF-16 code units of the decoded text (= bytes for ASCII); default
   * 1 MiB. A larger cell is a ReaderError naming the line (CSV/TSV) or the cell (XLSX): it also
   * bounds memory for unterminated quotes and lines without end.
   */
  maxCellBytes?: number;
  signal?: AbortSignal;
  /** CSV/TSV: a row with a different number of fields than the header (default 'error'). */
  ragged?: RaggedMode;
  /** CSV/TSV: force the delimiter instead of sniffing it. */
  delimiter?: string;
  /** CSV/TSV/JSON/NDJSON: force the encoding instead of detecting it. */
  encoding?: TextEncoding;
  /** XLSX: sheet name or 0-based index (default: the first sheet of the workbook). */
  sheet?: string | number;
  /** XLSX: limit on the inflated bytes of any entry read and of all of them together (default 2 GiB). */
  maxUncompressedBytes?: number;
  /**
   * Largest record in UTF-16 code units (default 64 MiB): a JSON array element, an NDJSON line, a
   * CSV record still without end.
   */
  maxRecordBytes?: number;
}

export const DEFAULT_BATCH_ROWS = 4096;
export const DEFAULT_MAX_CELL = 1 << 20;
export const DEFAULT_MAX_RECORD = 64 << 20;
export const DEFAULT_MAX_UNCOMPRESSED = 2 * 1024 ** 3;

export interface ReaderErrorDetails {
  source: string;
  reason: string;
  line?: number;
  row?: number;
}

/**
 * Bad input: unreadable, unknown format or malformed content. The message is one line naming the
 * source and, where known, the line or row: `patients.csv: line 1042: unterminated quoted field`.
 * The CLI maps it to exit 2, HTTP to 422 (`unprocessable`) or 400 (`bad_request`).
 */
export class ReaderError extends AppError {
  declare readonly details: ReaderErrorDetails;

  constructor(
    source: string,
    reason: string,
    where: { line?: number | undefined; row?: number | undefined } = {},
    code: 'unprocessable' | 'bad_request' = 'unprocessable',
  ) {
    const at = where.line !== undefined ? `line ${where.line}: ` : where.row !== undefined ? `row ${where.row}: ` : '';
    super(code, `${source}: ${at}${oneLine(reason)}`, {
      source,
      reason: oneLine(reason),
      ...(where.line !== undefined ? { line: where.line } : {}),
      ...(where.row !== undefined ? { row: where.row } : {}),
    } satisfies ReaderErrorDetails);
    this.name = 'ReaderError';
  }

  get line(): number | undefined {
    return this.details.line;
  }
}

export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Throws the signal's reason (an AbortError DOMException by default) when it is aborted. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) signal.throwIfAborted();
}

/** Internal: options with defaults applied. */
export interface ResolvedOptions {
  sample: number;
  batchRows: number;
  maxCell: number;
  maxRecord: number;
  signal: AbortSignal | undefined;
  ragged: RaggedMode;
}

export function resolveOptions(opts: ReaderOptions): ResolvedOptions {
  const positive = (v: number | undefined, d: number): number => (v !== undefined && v > 0 ? Math.floor(v) : d);
  return {
    sample: opts.sample !== undefined && opts.sample >= 0 ? Math.floor(opts.sample) : Infinity,
    batchRows: positive(opts.batchRows, DEFAULT_BATCH_ROWS),
    maxCell: positive(opts.maxCellBytes, DEFAULT_MAX_CELL),
    maxRecord: positive(opts.maxRecordBytes, DEFAULT_MAX_RECORD),
    signal: opts.signal,
    ragged: opts.ragged ?? 'error',
  };
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
