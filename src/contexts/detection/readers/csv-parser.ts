/**
 * CSV/TSV record parser over decoded text, fed chunk by chunk.
 *
 * RFC 4180: fields separated by one delimiter character, records by LF or CRLF; a field that
 * starts with `"` is quoted: it may contain the delimiter, newlines and doubled quotes `""`.
 * Lenient where RFC 4180 is silent and real exports are sloppy: a quote inside an unquoted field
 * is literal (`ab"c`), and text after a closing quote is appended literally (`"ab"c` → `abc`).
 * Blank lines are skipped (they count as lines, not rows). A lone CR is data, not a line break.
 *
 * Two ways to feed it: `pushText` (decoded text) and `pushBytes` (raw bytes of an ASCII-compatible
 * encoding, parsed as a latin1 string — one char per byte — with the lines or cells that hold a
 * non-ASCII byte decoded by the given `decode`; see decode.ts).
 *
 * Speed: a line without any quote (found with one `indexOf('"')` per many lines) is split with
 * `String.prototype.split`, V8's fastest splitter; only lines with a quote take the
 * character-by-character path. `csv-boundary.ts` implements the same quote rules on bytes.
 */
import { decodeUtf8Range, nextNonAscii } from './decode.ts';
import type { RaggedMode } from './types.ts';

const latin1Slice = (Buffer.prototype as unknown as { latin1Slice: (this: Buffer, start: number, end: number) => string }).latin1Slice;
/** The bytes as a one-byte string, one char per byte (`buf.toString('latin1')` without its checks). */
const latin1 = (b: Buffer): string => (typeof latin1Slice === 'function' ? latin1Slice.call(b, 0, b.length) : b.toString('latin1'));

/** Decodes bytes [start, end) of a buffer given to `pushBytes`. */
export type RangeDecoder = (b: Buffer, start: number, end: number) => string;

export class CsvParseError extends Error {
  readonly line: number;
  readonly reason: string;
  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvParseError';
    this.line = line;
    this.reason = reason;
  }
}

export interface CsvParserOptions {
  /** One character: `,` `\t` `;` `|` … */
  delimiter: string;
  /** Largest cell, in UTF-16 code units. */
  maxCell: number;
  /** Largest pending record without end, in UTF-16 code units. */
  maxRecord: number;
  ragged: RaggedMode;
  /** The first non-blank record is the header (not emitted). Otherwise give `fields`. */
  header: boolean;
  /** Number of fields of a row when there is no header record (byte ranges). */
  fields?: number;
  /** Line number of the first character fed (default 1). */
  firstLine?: number;
  /** For `pushBytes`: decodes byte ranges that contain non-ASCII bytes (default UTF-8). */
  decode?: RangeDecoder;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvParser {
  /** The header record, once parsed (header mode). */
  header: string[] | null = null;
  /** Most fields seen in a row (ragged: 'pad' may exceed the header). */
  maxFields = 0;
  /** Line number where the unparsed rest starts. */
  line: number;
  private rest = '';
  private restBytes: Buffer | null = null;
  private readonly decode: RangeDecoder;
  /** Bytes of the current pushBytes call (null for text). */
  private b: Buffer | null = null;
  /** Index of the next non-ASCII byte of `b` at or after the cursor (b.length + 1: none). */
  private na = -1;
  private expected: number;
  private readonly delim: string;
  private readonly dc: number;
  private readonly maxCell: number;
  private readonly maxRecord: number;
  private readonly ragged: RaggedMode;
  /** Newlines consumed by the last slow-path record. */
  private slowLines = 0;
  /** A first record with one filled field, held until the next record says whether it was a title. */
  private title: string[] | null = null;
  /** 1 when a title record above the header was skipped (the header is the second record). */
  titleRecords = 0;

  constructor(opts: CsvParserOptions) {
    if (opts.delimiter.length !== 1 || opts.delimiter === '"' || opts.delimiter === '\n' || opts.delimiter === '\r')
      throw new Error(`invalid CSV delimiter ${JSON.stringify(opts.delimiter)}`);
    this.delim = opts.delimiter;
    this.dc = opts.delimiter.charCodeAt(0);
    this.maxCell = opts.maxCell;
    this.maxRecord = Math.max(opts.maxRecord, opts.maxCell);
    this.ragged = opts.ragged;
    this.expected = opts.header ? -1 : (opts.fields ?? -1);
    this.maxFields = Math.max(0, this.expected);
    this.line = opts.firstLine ?? 1;
    this.decode = opts.decode ?? decodeUtf8Range;
  }

  /** Text or bytes received but not yet parsed (a partial record). */
  get pending(): string | Buffer {
    return this.restBytes ?? this.rest;
  }

  /**
   * Parses every complete record of (pending text + `text`) into `out`. With `final`, the end of
   * the text ends the last record; an open quoted field is an error.
   */
  pushText(text: string, out: string[][], final: boolean): void {
    const s = this.rest.length === 0 ? text : this.rest + text;
    this.rest = '';
    this.b = null;
    const p = this.parse(s, out, final);
    if (p < s.length) this.rest = s.slice(p);
    if (final) this.endOfInput();
  }

  /**
   * Like `pushText` for raw bytes (UTF-8 or GB18030; the caller validated them). `headroom`: bytes
   * of `chunk.buffer` just before `chunk` that may be overwritten, to prepend the pending partial
   * record without copying the chunk.
   */
  pushBytes(chunk: Buffer, out: string[][], final: boolean, headroom = 0): void {
    let b = chunk;
    const rest = this.restBytes;
    if (rest !== null) {
      if (rest.length <= headroom) {
        b = Buffer.from(chunk.buffer, chunk.byteOffset - rest.length, rest.length + chunk.length);
        rest.copy(b, 0);
      } else b = Buffer.concat([rest, chunk]);
    }
    this.restBytes = null;
    this.b = b;
    this.na = -1;
    try {
      const p = this.parse(latin1(b), out, final);
      if (p < b.length) this.restBytes = Buffer.from(b.subarray(p)); // the chunk buffer is reused
    } finally {
      this.b = null;
    }
    if (final) this.endOfInput();
  }

  /** Text of [start, end) of the current input: a slice, or decoded when it holds non-ASCII bytes. */
  private text(s: string, start: number, end: number): string {
    const b = this.b;
    if (b === null) return s.slice(start, end);
    if (this.na < start) this.na = nextNonAscii(b, start);
    return this.na < end ? this.decode(b, start, end) : s.slice(start, end);
  }

  /**
   * Splits an unquoted line [start, end) that holds non-ASCII bytes: ASCII cells are slices of the
   * latin1 view, the others are decoded from the bytes (no throw-away latin1 copies of them).
   */
  private splitDecoding(s: string, start: number, end: number): string[] {
    const b = this.b!;
    const d = this.delim;
    const cells: string[] = [];
    let cs = start;
    for (;;) {
      let ce = s.indexOf(d, cs);
      if (ce < 0 || ce > end) ce = end;
      if (this.na < cs) this.na = nextNonAscii(b, cs);
      cells.push(this.na < ce ? this.decode(b, cs, ce) : s.slice(cs, ce));
      if (ce === end) return cells;
      cs = ce + 1;
    }
  }

  /** Parses complete records of `s`; returns the index where the unparsed rest starts. */
  private parse(s: string, out: string[][], final: boolean): number {
    const n = s.length;
    const d = this.delim;
    let p = 0;
    let q = -1; // position of the next quote at or after p (n + 1: none)
    let line = this.line;
    try {
      while (p < n) {
        let nl = s.indexOf('\n', p);
        if (nl < 0) {
          if (!final) {
            this.checkPending(s, p, line);
            break;
          }
          nl = n;
        }
        if (q < p) {
          q = s.indexOf('"', p);
          if (q < 0) q = n + 1;
        }
        if (q > nl) {
          let end = nl;
          if (end > p && s.charCodeAt(end - 1) === CR) end--;
          if (end > p) {
            let cells: string[];
            if (this.b === null) cells = s.slice(p, end).split(d);
            else {
              if (this.na < p) this.na = nextNonAscii(this.b, p);
              cells = this.na < end ? this.splitDecoding(s, p, end) : s.slice(p, end).split(d);
            }
            if (end - p > this.maxCell) this.checkCells(cells, line);
            if (cells.length !== this.expected) this.irregular(cells, out, line);
            else out.push(cells);
          }
          line++;
          p = nl + 1;
        } else {
          const next = this.parseQuoted(s, p, line, final, out);
          if (next < 0) {
            if (n - p > this.maxRecord) throw new CsvParseError(line, `record longer than ${this.maxRecord} characters`);
            break;
          }
          line += this.slowLines;
          p = next;
        }
      }
    } finally {
      this.line = line;
    }
    return Math.min(p, n);
  }

  /** A row whose field count differs from the header's (or the header itself). */
  private irregular(cells: string[], out: string[][], line: number): void {
    if (this.expected < 0) {
      let filled = 0;
      for (const c of cells) if (c.trim() !== '') filled++;
      if (this.title === null && this.titleRecords === 0 && filled === 1) {
        // A title line above the header (平潭综合实验区不动产登记簿, Excel's merged title saved as CSV):
        // the next record tells.
        this.title = cells;
        return;
      }
      const held = this.title;
      this.title = null;
      if (held === null || filled >= 2) {
        if (held !== null) this.titleRecords = 1;
        this.takeHeader(cells);
        return;
      }
      // Two one-field records: a one-column file, whose header was the held record; this one is data.
      this.takeHeader(held);
      if (cells.length === this.expected) out.push(cells);
      else this.irregular(cells, out, line);
      return;
    }
    if (this.ragged === 'error')
      throw new CsvParseError(line, `row has ${cells.length} field${cells.length === 1 ? '' : 's'}, header has ${this.expected}`);
    if (cells.length < this.expected) while (cells.length < this.expected) cells.push('');
    else if (cells.length > this.maxFields) this.maxFields = cells.length;
    out.push(cells);
  }

  private takeHeader(cells: string[]): void {
    this.header = cells;
    this.expected = cells.length;
    this.maxFields = cells.length;
  }

  /** At the end of the input: a held one-field record with nothing after it was the header. */
  private endOfInput(): void {
    if (this.title !== null && this.expected < 0) this.takeHeader(this.title);
    this.title = null;
  }

  private checkCells(cells: string[], line: number): void {
    for (const c of cells) if (c.length > this.maxCell) throw this.tooLarge(line);
  }

  private tooLarge(line: number): CsvParseError {
    return new CsvParseError(line, `cell larger than ${this.maxCell} characters (limit maxCellBytes)`);
  }

  /** A line still without end: refuse it early when its last cell is already too large. */
  private checkPending(s: string, p: number, line: number): void {
    const len = s.length - p;
    if (len <= this.maxCell) return;
    if (s.indexOf('"', p) < 0) {
      const lastDelim = s.lastIndexOf(this.delim);
      if (s.length - Math.max(lastDelim + 1, p) > this.maxCell) throw this.tooLarge(line);
    } else {
      this.parseQuoted(s, p, line, false, []); // throws if a quoted field is already too large
    }
    if (len > this.maxRecord) throw new CsvParseError(line, `record longer than ${this.maxRecord} characters`);
  }

  /**
   * Parses one record that contains a quote, starting at `p`. Returns the index after its line
   * break (n + 1 at the end of the final text), or -1 when the text ends before the record does.
   */
  private parseQuoted(s: string, p: number, line: number, final: boolean, out: string[][]): number {
    const n = s.length;
    const dc = this.dc;
    const cells: string[] = [];
    let i = p;
    let nls = 0;
    for (;;) {
      let value: string;
      let c = -1; // the character that ended the field: delimiter, LF, or -1 at the end of text
      let e: number;
      if (i >= n) {
        if (!final) return -1;
        cells.push('');
        e = n;
      } else if (s.charCodeAt(i) === QUOTE) {
        const fieldLine = line + nls;
        let j = i + 1;
        value = '';
        for (;;) {
          const k = s.indexOf('"', j);
          if (k < 0) {
            if (n - i > this.maxCell + 2) throw this.tooLarge(fieldLine);
            if (final) throw new CsvParseError(fieldLine, 'unterminated quoted field (the file ends inside quotes)');
            return -1;
          }
          if (k + 1 >= n && !final) return -1; // `"` at the end: closing or the first of `""`?
          if (k > j) value += this.text(s, j, k);
          if (s.charCodeAt(k + 1) === QUOTE) {
            value += '"';
            j = k + 2;
            continue;
          }
          j = k + 1;
          break;
        }
        if (value.length > this.maxCell) throw this.tooLarge(fieldLine);
        nls += countNewlines(value);
        // After the closing quote: literal text up to the delimiter or line end.
        e = j;
        while (e < n) {
          c = s.charCodeAt(e);
          if (c === dc || c === LF) break;
          e++;
        }
        if (e >= n) {
          if (!final) return -1;
          c = -1;
        }
        if (e > j) {
          let end = e;
          if (c === LF && s.charCodeAt(end - 1) === CR) end--;
          if (end > j) value += this.text(s, j, end);
        }
        cells.push(value);
      } else {
        e = i;
        while (e < n) {
          c = s.charCodeAt(e);
          if (c === dc || c === LF) break;
          e++;
        }
        if (e >= n) {
          if (!final) {
            if (n - i > this.maxCell) throw this.tooLarge(line + nls);
            return -1;
          }
          c = -1;
        }
        let end = e;
        if (c === LF && end > i && s.charCodeAt(end - 1) === CR) end--;
        if (end - i > this.maxCell) throw this.tooLarge(line + nls);
        cells.push(this.text(s, i, end));
      }
      if (c === dc) {
        i = e + 1;
        continue;
      }
      // End of record: LF or end of the final text.
      this.slowLines = c === LF ? nls + 1 : nls;
      if (cells.length !== this.expected) this.irregular(cells, out, line);
      else out.push(cells);
      return e + 1;
    }
  }
}

export function countNewlines(s: string, from = 0, to = s.length): number {
  let count = 0;
  let i = s.indexOf('\n', from);
  while (i >= 0 && i < to) {
    count++;
    i = s.indexOf('\n', i + 1);
  }
  return count;
}

export const DELIMITER_CANDIDATES = [',', '\t', ';', '|'] as const;

/**
 * Chooses the delimiter from the head of a file: for each candidate, count its occurrences outside
 * quotes in each of the first records (up to 50); prefer a candidate present in the first record
 * whose count is the same in (nearly) every record, then the one giving the most fields, then the
 * order `,` `\t` `;` `|` (or `\t` first when `preferTab`, for .tsv files). Falls back to `,`
 * (`\t` for .tsv) for a single-column file.
 */
export function sniffDelimiter(head: string, preferTab = false, complete = false): string {
  const cands = preferTab ? ['\t', ',', ';', '|'] : [...DELIMITER_CANDIDATES];
  const codes = cands.map((c) => c.charCodeAt(0));
  const records: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuote = false;
  let fieldStart = true;
  let nonBlank = false;
  const n = Math.min(head.length, 256 * 1024);
  for (let i = 0; i < n && records.length < 50; i++) {
    const c = head.charCodeAt(i);
    if (inQuote) {
      if (c === QUOTE) {
        if (head.charCodeAt(i + 1) === QUOTE) i++;
        else inQuote = false;
      }
      continue;
    }
    if (c === QUOTE && fieldStart) {
      inQuote = true;
      fieldStart = false;
      nonBlank = true;
      continue;
    }
    if (c === LF) {
      if (nonBlank) records.push(counts);
      counts = [0, 0, 0, 0];
      fieldStart = true;
      nonBlank = false;
      continue;
    }
    const k = codes.indexOf(c);
    if (k >= 0) {
      counts[k]!++;
      fieldStart = true;
    } else fieldStart = false;
    if (c !== CR) nonBlank = true;
  }
  if (nonBlank && (complete || records.length === 0)) records.push(counts);
  let best = -1;
  let bestScore = -1;
  let bestFields = -1;
  for (let k = 0; k < cands.length; k++) {
    const first = records[0]?.[k] ?? 0;
    if (first === 0) continue;
    const rest = records.slice(1);
    const same = rest.filter((r) => r[k] === first).length;
    const score = rest.length === 0 ? 1 : same / rest.length >= 0.9 ? 1 : same / rest.length / 2;
    if (score > bestScore || (score === bestScore && first > bestFields)) {
      best = k;
      bestScore = score;
      bestFields = first;
    }
  }
  return best >= 0 ? cands[best]! : preferTab ? '\t' : ',';
}
