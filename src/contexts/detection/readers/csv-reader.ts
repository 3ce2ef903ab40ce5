/**
 * CSV/TSV readers: one sequential reader (`openCsvReader`) and, for the worker-thread pool, a plan
 * of byte ranges aligned to record boundaries (`planCsvRanges`) with a reader per range
 * (`openCsvRange`). Concatenating the rows of the ranges in order gives exactly the rows of the
 * sequential reader (see csv-boundary.ts for why the boundaries are exact).
 *
 * Memory: two 1 MiB read buffers, the decoded chunk and one batch of rows, whatever the file size;
 * a record without end is refused past `maxRecordBytes`, a cell past `maxCellBytes`.
 */
import type { FileHandle } from 'node:fs/promises';
import { endOfFirstRecord, findRecordBoundary } from './csv-boundary.ts';
import { CsvParseError, CsvParser, sniffDelimiter } from './csv-parser.ts';
import { ByteDecoder, countLf, DecodeError, firstNonAscii, sniffBom, sniffEncoding, SNIFF_WINDOW, StreamDecoder } from './decode.ts';
import { countLfBefore, FileChunks, headroomOf, openInput, readAt } from './file-source.ts';
import {
  ReaderError,
  resolveOptions,
  type ReaderOptions,
  type ResolvedOptions,
  type RowBatch,
  type TableReader,
  type TextEncoding,
} from './types.ts';

export interface CsvReader extends TableReader {
  readonly format: 'csv' | 'tsv';
  readonly delimiter: string;
  readonly encoding: TextEncoding;
  /** False while every byte decoded so far was ASCII (then `encoding` says 'utf-8' provisionally). */
  readonly encodingDecided: boolean;
  /** Records before the data: 1 (the header), or 2 when a title line above the header was skipped. */
  readonly headerRecords: number;
}

export interface CsvOpenOptions extends ReaderOptions {
  /** Name used in messages and `source` (default: the path). */
  source?: string;
  /** The file is a .tsv: prefer the tab when sniffing. */
  preferTab?: boolean;
  /** Parse granularity (tuning; default 64 KiB, so the bytes, their latin1 view and the new cells stay in the CPU cache). Reads are 1 MiB. */
  chunkBytes?: number;
}

const BINARY_PROBE = 64 * 1024;
/** Bytes parsed at a time: measured fastest (64 KiB beat 128 KiB–1 MiB by 1.5–2× here). */
const CSV_PIECE = 64 * 1024;
const EMPTY = Buffer.alloc(0);

/** Opens a CSV/TSV file: detects encoding and delimiter, reads the header row. */
export async function openCsvReader(path: string, opts: CsvOpenOptions = {}): Promise<CsvReader> {
  const source = opts.source ?? path;
  const o = resolveOptions(opts);
  const { fh, size } = await openInput(path, source);
  const chunks = new FileChunks(fh, 0, size, o.signal);
  try {
    const first = (await chunks.next()) ?? EMPTY;
    const bom = sniffBom(first);
    const utf16 = (opts.encoding ?? bom?.encoding ?? '').startsWith('utf-16');
    if (!utf16 && first.subarray(0, BINARY_PROBE).indexOf(0) >= 0)
      throw new ReaderError(source, 'not a text file (NUL bytes in its first 64 KiB)');
    const sniffText = utf16
      ? new StreamDecoder(opts.encoding ?? bom?.encoding).decode(first.subarray(0, 256 * 1024), true)
      : first.toString('latin1', 0, 256 * 1024);
    const delimiter = opts.delimiter ?? sniffDelimiter(sniffText, opts.preferTab ?? false, chunks.done);
    // Byte mode needs a delimiter that cannot be a GB18030 trail byte (0x40–0xFE: `|` is one).
    const decoder: Decoder =
      utf16 || delimiter.charCodeAt(0) >= 0x40
        ? new StreamDecoder(opts.encoding ?? bom?.encoding)
        : new ByteDecoder(opts.encoding as 'utf-8' | 'gb18030' | undefined);
    const parser = new CsvParser({
      delimiter,
      maxCell: o.maxCell,
      maxRecord: o.maxRecord,
      ragged: o.ragged,
      header: true,
      ...(decoder instanceof ByteDecoder ? { decode: (b: Buffer, x: number, y: number) => decoder.decodeRange(b, x, y) } : {}),
    });
    const stream = new CsvStream(chunks, decoder, source, async () => 0, opts.chunkBytes ?? CSV_PIECE);
    stream.parser = parser;
    stream.start(first);
    const rows: string[][] = [];
    while (parser.header === null && !stream.ended) await stream.step(rows);
    const columns = parser.header ?? [];
    return makeReader({
      source,
      format: delimiter === '\t' ? 'tsv' : 'csv',
      delimiter,
      decoder,
      columns,
      fh,
      chunks,
      stream,
      rows,
      total: size,
      o,
    });
  } catch (e) {
    await chunks.settle();
    await fh.close().catch(() => undefined);
    throw e;
  }
}

type Decoder = ByteDecoder | StreamDecoder;

/** Decode + parse loop shared by the sequential reader and the range readers. */
class CsvStream {
  parser: CsvParser | null = null;
  ended = false;

  constructor(
    private readonly chunks: FileChunks,
    private readonly decoder: Decoder,
    private readonly source: string,
    /** Lines before the first byte read (computed on error only: byte ranges). */
    private readonly lineOffset: () => Promise<number>,
    private readonly piece = CSV_PIECE,
  ) {}

  /** The chunk being parsed piece by piece, and where the next piece starts. */
  private cur: Buffer | null = null;
  private curOff = 0;
  private curLast = false;

  /** Parses an already read first chunk before reading on. */
  start(first: Buffer): void {
    this.cur = first;
    this.curOff = 0;
    this.curLast = this.chunks.done;
  }

  /** Decodes and parses the next piece (reading the next chunk when needed) into `out`. */
  async step(out: string[][]): Promise<void> {
    if (this.cur === null || this.curOff >= this.cur.length) {
      const buf = await this.chunks.next();
      if (buf === null) {
        await this.feed(EMPTY, true, out, null);
        return;
      }
      this.start(buf);
    }
    const cur = this.cur!;
    const end = Math.min(cur.length, this.curOff + this.piece);
    const piece = cur.subarray(this.curOff, end);
    this.curOff = end;
    await this.feed(piece, this.curLast && end >= cur.length, out, cur);
  }

  /** Decodes and parses one piece of `chunk` (from FileChunks: its headroom may be used). */
  private async feed(buf: Buffer, final: boolean, out: string[][], chunk: Buffer | null): Promise<void> {
    const p = this.parser!;
    try {
      if (this.decoder instanceof ByteDecoder) {
        const bytes = this.decoder.accept(buf, final);
        p.pushBytes(bytes, out, final, headroomOf(bytes, chunk));
      } else p.pushText(this.decoder.decode(buf, final), out, final);
    } catch (e) {
      if (e instanceof CsvParseError) throw new ReaderError(this.source, e.reason, { line: e.line + (await this.lineOffset()) });
      if (e instanceof DecodeError) {
        const line = p.line + countLf(p.pending) + countLf(e.before);
        throw new ReaderError(this.source, e.message, { line: line + (await this.lineOffset()) });
      }
      throw e;
    }
    if (final) this.ended = true;
  }
}

interface ReaderParts {
  source: string;
  format: 'csv' | 'tsv';
  delimiter: string;
  decoder: Decoder;
  columns: string[];
  fh: FileHandle;
  chunks: FileChunks;
  stream: CsvStream;
  /** Rows already parsed while opening. */
  rows: string[][];
  total: number;
  o: ResolvedOptions;
}

function makeReader(r: ReaderParts): CsvReader {
  let closed = false;
  let iterated = false;
  const { columns, o } = r;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await r.chunks.settle();
    await r.fh.close().catch(() => undefined);
  };
  const growColumns = (): void => {
    const p = r.stream.parser!;
    for (let i = columns.length; i < p.maxFields; i++) columns.push(`column_${i + 1}`);
  };
  async function* generate(): AsyncGenerator<RowBatch> {
    try {
      let emitted = 0;
      let out = r.rows;
      r.rows = [];
      for (;;) {
        let off = 0;
        growColumns();
        while (out.length - off >= o.batchRows || (r.stream.ended && off < out.length)) {
          const take = Math.min(o.batchRows, out.length - off, o.sample - emitted);
          if (take <= 0) return;
          const rows = off === 0 && take === out.length ? out : out.slice(off, off + take);
          yield { firstRow: emitted + 1, rows };
          emitted += take;
          off += take;
        }
        if (r.stream.ended || emitted >= o.sample) return;
        out = off < out.length ? out.slice(off) : [];
        await r.stream.step(out);
      }
    } finally {
      await close();
    }
  }
  return {
    source: r.source,
    format: r.format,
    delimiter: r.delimiter,
    get encoding() {
      return r.decoder.encoding;
    },
    get encodingDecided() {
      return r.decoder.decided;
    },
    headerRecords: 1 + (r.stream.parser?.titleRecords ?? 0),
    columns: () => columns,
    batches: () => {
      if (iterated) throw new Error('batches() can be iterated once');
      iterated = true;
      return generate();
    },
    bytesRead: () => r.chunks.consumed,
    totalBytes: () => r.total,
    close,
  };
}

// ---------------------------------------------------------------------------------------------
// Byte ranges for parallel parsing

/** Everything a worker needs to parse a range of the file (structured-cloneable). */
export interface CsvLayout {
  path: string;
  source: string;
  format: 'csv' | 'tsv';
  encoding: TextEncoding;
  delimiter: string;
  columns: string[];
  /** Byte offset of the first data record (after the BOM and header). */
  dataStart: number;
  size: number;
}

export interface ByteRange {
  start: number;
  end: number;
}

export interface CsvPlanOptions extends CsvOpenOptions {
  /** Number of ranges wanted (e.g. the number of workers). */
  parts: number;
  /** No range smaller than this (default 16 MiB): small files are not worth splitting. */
  minRangeBytes?: number;
}

/**
 * Splits a CSV file into up to `parts` byte ranges that start and end on record boundaries.
 * Returns null when the file cannot be split on bytes (UTF-16, or `|`-delimited GB18030); read it
 * with `openCsvReader` then. The encoding is settled for the whole file here: an ASCII head is
 * followed by a scan for the first non-ASCII byte.
 */
export async function planCsvRanges(
  path: string,
  opts: CsvPlanOptions,
): Promise<{ layout: CsvLayout; ranges: ByteRange[] } | null> {
  const head = await openCsvReader(path, { ...opts, sample: 0 });
  let layoutBase: Omit<CsvLayout, 'encoding' | 'dataStart'>;
  let decided: TextEncoding | null;
  let headerRecords: number;
  try {
    headerRecords = head.headerRecords;
    layoutBase = {
      path,
      source: head.source,
      format: head.format,
      delimiter: head.delimiter,
      columns: [...head.columns()],
      size: head.totalBytes()!,
    };
    decided = opts.encoding ?? (head.encodingDecided ? head.encoding : null);
  } finally {
    await head.close();
  }
  if (decided?.startsWith('utf-16')) return null;
  const o = resolveOptions(opts);
  const { fh, size } = await openInput(path, layoutBase.source);
  try {
    const encoding = decided ?? (await settleEncoding(fh, size));
    const dc = layoutBase.delimiter.charCodeAt(0);
    if (dc >= 0x80 || (encoding === 'gb18030' && dc >= 0x40)) return null;
    const delim = layoutBase.delimiter.charCodeAt(0);
    const bom = sniffBom(await readAt(fh, 0, 4));
    const from = bom?.encoding === 'utf-8' ? bom.length : 0;
    let dataStart = -1;
    for (let len = 1 << 20; dataStart < 0; len *= 4) {
      const buf = await readAt(fh, 0, Math.min(size, len));
      // The header record, after a title line when the reader skipped one (blank lines are skipped).
      let at = from;
      for (let r = 0; r < headerRecords && at >= 0; r++) at = at < buf.length ? endOfFirstRecord(buf, at, delim) : buf.length >= size ? size : -1;
      dataStart = at;
      if (dataStart < 0 && (buf.length >= size || len > o.maxRecord * 4)) dataStart = size; // header only
    }
    const layout: CsvLayout = { ...layoutBase, encoding, dataStart, size };
    const body = size - dataStart;
    const minBytes = Math.max(1, opts.minRangeBytes ?? 16 << 20);
    const parts = Math.max(1, Math.min(Math.floor(opts.parts), Math.floor(body / minBytes)));
    const ranges: ByteRange[] = [];
    let start = dataStart;
    const maxQuoted = (encoding === 'utf-8' ? 3 : 2) * o.maxCell + 8;
    const window = maxQuoted + 64 * 1024;
    for (let i = 1; i < parts; i++) {
      const target = dataStart + Math.floor((body * i) / parts);
      if (target <= start) continue;
      const buf = await readAt(fh, target, window);
      const b = findRecordBoundary(buf, 0, { delimiter: delim, maxQuotedBytes: maxQuoted, eof: target + buf.length >= size });
      if (b < 0) continue;
      const at = target + b;
      if (at <= start || at >= size) continue;
      ranges.push({ start, end: at });
      start = at;
    }
    ranges.push({ start, end: size });
    return { layout, ranges };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Scans the file for its first non-ASCII byte and judges the 64 KiB from there. */
async function settleEncoding(fh: FileHandle, size: number): Promise<TextEncoding> {
  const chunks = new FileChunks(fh, 0, size);
  let offset = 0;
  try {
    for (let buf = await chunks.next(); buf; buf = await chunks.next()) {
      const k = firstNonAscii(buf, 0);
      if (k >= 0) {
        const at = offset + k;
        const win = await readAt(fh, at, SNIFF_WINDOW + 4);
        return sniffEncoding(win, at + win.length >= size) === 'utf-8' ? 'utf-8' : 'gb18030';
      }
      offset += buf.length;
    }
    return 'utf-8';
  } finally {
    await chunks.settle();
  }
}

/**
 * A reader over one byte range of a planned file. Its rows are numbered from 1 within the range
 * (`firstRow` is relative: add the rows of the preceding ranges); error messages name the absolute
 * line of the file (counted only when an error occurs).
 */
export async function openCsvRange(layout: CsvLayout, range: ByteRange, opts: ReaderOptions & { chunkBytes?: number } = {}): Promise<CsvReader> {
  const o = resolveOptions(opts);
  const { fh } = await openInput(layout.path, layout.source);
  const chunks = new FileChunks(fh, range.start, range.end, o.signal);
  const decoder = new ByteDecoder(layout.encoding as 'utf-8' | 'gb18030');
  let lines: number | null = null;
  const lineOffset = async (): Promise<number> => (lines ??= await countLfBefore(fh, range.start));
  const stream = new CsvStream(chunks, decoder, layout.source, lineOffset, opts.chunkBytes ?? CSV_PIECE);
  stream.parser = new CsvParser({
    delimiter: layout.delimiter,
    maxCell: o.maxCell,
    maxRecord: o.maxRecord,
    ragged: o.ragged,
    header: false,
    fields: layout.columns.length,
    decode: (b, x, y) => decoder.decodeRange(b, x, y),
  });
  if (range.end <= range.start) stream.ended = true;
  return makeReader({
    source: layout.source,
    format: layout.format,
    delimiter: layout.delimiter,
    decoder,
    columns: [...layout.columns],
    fh,
    chunks,
    stream,
    rows: [],
    total: range.end - range.start,
    o,
  });
}
