/**
 * JSON and NDJSON readers, streaming: the file is never parsed as a whole.
 *
 * JSON: a top-level array of records (`[{…},{…}]`), or an object with an array-of-objects
 * property (`{"total":2,"data":[{…},{…}]}`: the first property whose value is an array whose first
 * element is an object, or an empty array; other properties are skipped unparsed). A structural
 * scanner finds each element's extent (strings, nesting, line numbers), then the element alone is
 * parsed with `JSON.parse` (or json-parse.ts when it holds a number of 16+ digits, kept exact).
 * NDJSON (JSON Lines): one record per line; blank lines are skipped.
 *
 * Records are flattened to paths (flatten.ts). A syntax error is a ReaderError naming the line.
 */
import { countNewlines } from './csv-parser.ts';
import { countLf, DecodeError, sniffBom, StreamDecoder } from './decode.ts';
import { FileChunks, openInput } from './file-source.ts';
import { Flattener } from './flatten.ts';
import { JsonSyntaxError, LONG_NUMBER, parseJsonExact } from './json-parse.ts';
import { ReaderError, resolveOptions, type ReaderOptions, type RowBatch, type TableReader, type TextEncoding } from './types.ts';

export interface JsonOpenOptions extends ReaderOptions {
  source?: string;
}

type Emit = (text: string, line: number) => void;

/** Splits text fed in chunks into record texts. */
interface RecordSplitter {
  /** Line number where the unconsumed text starts. */
  readonly line: number;
  readonly pendingText: string;
  feed(text: string, final: boolean, emit: Emit): void;
}

class SyntaxAt extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const WS = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

// ---------------------------------------------------------------------------------------------

class NdjsonSplitter implements RecordSplitter {
  line = 1;
  private rest = '';
  constructor(private readonly maxRecord: number) {}

  get pendingText(): string {
    return this.rest;
  }

  feed(text: string, final: boolean, emit: Emit): void {
    const s = this.rest.length ? this.rest + text : text;
    this.rest = '';
    const n = s.length;
    let p = 0;
    while (p < n) {
      let nl = s.indexOf('\n', p);
      if (nl < 0) {
        if (!final) {
          if (n - p > this.maxRecord) throw new SyntaxAt(this.line, `line longer than ${this.maxRecord} characters`);
          break;
        }
        nl = n;
      }
      let a = p;
      let b = nl;
      while (a < b && WS(s.charCodeAt(a))) a++;
      while (b > a && WS(s.charCodeAt(b - 1))) b--;
      if (b > a) emit(s.slice(a, b), this.line);
      this.line++;
      p = nl + 1;
    }
    if (p < n) this.rest = s.slice(p);
  }
}

// ---------------------------------------------------------------------------------------------

const enum Phase {
  Start,
  ObjFirst, // after `{`: a key or `}`
  ObjKey, // after `,`: a key
  ObjColon,
  ObjValue,
  ObjNext, // after a value: `,` or `}`
  ArrFirst, // after `[`: a value or `]`
  ArrValue, // after `,`: a value
  ArrNext, // after a value: `,` or `]`
  After,
}

/** Finds the records of a JSON document (see the file comment). */
class JsonSplitter implements RecordSplitter {
  line = 1;
  private rest = '';
  private phase = Phase.Start;
  private inObject = false;
  private found = false;
  /** Resumable scan of a value: offset in `rest`, depth and newlines so far. */
  private scan: { pos: number; depth: number; lines: number } | null = null;

  constructor(private readonly maxRecord: number) {}

  get pendingText(): string {
    return this.rest;
  }

  feed(text: string, final: boolean, emit: Emit): void {
    const s = this.rest.length ? this.rest + text : text;
    this.rest = '';
    const n = s.length;
    let i = 0;
    let line = this.line;
    const fail = (reason: string): never => {
      throw new SyntaxAt(line, reason);
    };
    const skipWs = (): boolean => {
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === 0x0a) line++;
        else if (c !== 0x20 && c !== 0x0d && c !== 0x09) return true;
        i++;
      }
      return false;
    };
    const describe = (): string => (i < n ? `unexpected ${JSON.stringify(s[i])}` : 'unexpected end of file');
    loop: for (;;) {
      const tokenStart = i;
      const tokenLine = line;
      if (!skipWs()) {
        if (final && this.phase !== Phase.After) fail('unexpected end of file (truncated JSON)');
        break;
      }
      const c = s.charCodeAt(i);
      switch (this.phase) {
        case Phase.Start:
          if (c === 0x5b) this.phase = Phase.ArrFirst;
          else if (c === 0x7b) this.phase = Phase.ObjFirst;
          else fail(`${describe()}: expected a JSON array of records or an object holding one`);
          i++;
          break;
        case Phase.ObjFirst:
        case Phase.ObjKey: {
          if (c === 0x7d && this.phase === Phase.ObjFirst) {
            i++;
            this.endObject();
            break;
          }
          if (c !== 0x22) fail(`${describe()}: expected a property name`);
          const end = stringEnd(s, i);
          if (end < 0) {
            if (final) fail('unterminated string');
            i = tokenStart;
            line = tokenLine;
            break loop;
          }
          i = end;
          this.phase = Phase.ObjColon;
          break;
        }
        case Phase.ObjColon:
          if (c !== 0x3a) fail(`${describe()}: expected ':'`);
          i++;
          this.phase = Phase.ObjValue;
          break;
        case Phase.ObjValue: {
          if (c === 0x5b && !this.found && this.scan === null) {
            // Records? Look at the first element.
            let k = i + 1;
            while (k < n && WS(s.charCodeAt(k))) k++;
            if (k >= n && !final) {
              i = tokenStart;
              line = tokenLine;
              break loop;
            }
            const first = s.charCodeAt(k);
            if (first === 0x7b || first === 0x5d) {
              this.found = true;
              this.inObject = true;
              this.phase = Phase.ArrFirst;
              i++;
              break;
            }
          }
          const end = this.scanValue(s, i, final, line);
          if (end < 0) {
            this.keep(s, i);
            this.line = line;
            return;
          }
          line += this.takeLines();
          i = end;
          this.phase = Phase.ObjNext;
          break;
        }
        case Phase.ObjNext:
          if (c === 0x2c) this.phase = Phase.ObjKey;
          else if (c === 0x7d) this.endObject();
          else fail(`${describe()}: expected ',' or '}'`);
          i++;
          break;
        case Phase.ArrFirst:
        case Phase.ArrValue: {
          if (c === 0x5d && this.phase === Phase.ArrFirst) {
            i++;
            this.endArray();
            break;
          }
          if (c === 0x5d || c === 0x2c) fail(`${describe()}: expected a value`);
          const end = this.scanValue(s, i, final, line);
          if (end < 0) {
            this.keep(s, i);
            this.line = line;
            return;
          }
          const lines = this.takeLines();
          emit(s.slice(i, end), line);
          line += lines;
          i = end;
          this.phase = Phase.ArrNext;
          break;
        }
        case Phase.ArrNext:
          if (c === 0x2c) this.phase = Phase.ArrValue;
          else if (c === 0x5d) this.endArray();
          else fail(`${describe()}: expected ',' or ']'`);
          i++;
          break;
        case Phase.After:
          fail(`${describe()} after the end of the JSON document`);
      }
    }
    if (final && !this.found) fail('no array of records found (expected [{…},…] or {"data":[{…},…]})');
    this.line = line;
    if (i < n) this.rest = s.slice(i);
  }

  private endArray(): void {
    this.phase = this.inObject ? Phase.ObjNext : Phase.After;
    this.inObject = false;
    this.found = true;
  }

  private endObject(): void {
    this.phase = Phase.After;
  }

  private keep(s: string, from: number): void {
    this.rest = s.slice(from);
    if (this.scan) this.scan.pos -= from;
  }

  private takeLines(): number {
    const l = this.scan?.lines ?? 0;
    this.scan = null;
    return l;
  }

  /**
   * End index of the value starting at `start` (resuming a scan left incomplete), or -1 when the
   * text ends first. Strings are skipped with indexOf; newlines outside strings are counted.
   */
  private scanValue(s: string, start: number, final: boolean, line: number): number {
    const n = s.length;
    const st = (this.scan ??= { pos: start, depth: 0, lines: 0 });
    const c0 = s.charCodeAt(start);
    if (c0 !== 0x7b && c0 !== 0x5b) {
      // A scalar: a string, or a bare token up to a delimiter.
      if (c0 === 0x22) {
        const e = stringEnd(s, start);
        if (e < 0 && final) throw new SyntaxAt(line, 'unterminated string');
        return e;
      }
      let k = start;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c === 0x2c || c === 0x5d || c === 0x7d || WS(c)) return k;
        k++;
      }
      return final ? n : -1;
    }
    let pos = st.pos;
    let depth = st.depth;
    let lines = st.lines;
    while (pos < n) {
      const c = s.charCodeAt(pos);
      if (c === 0x22) {
        const e = stringEnd(s, pos);
        if (e < 0) break; // resume at the opening quote
        pos = e;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) {
          st.lines = lines;
          return pos + 1;
        }
      } else if (c === 0x0a) lines++;
      pos++;
    }
    st.pos = pos;
    st.depth = depth;
    st.lines = lines;
    if (pos - start > this.maxRecord) throw new SyntaxAt(line, `record larger than ${this.maxRecord} characters`);
    if (final) throw new SyntaxAt(line + lines, 'unexpected end of file inside a value (truncated JSON)');
    return -1;
  }
}

/** Index after the closing quote of the string opening at `q`, or -1 if not in `s`. */
function stringEnd(s: string, q: number): number {
  let k = q + 1;
  for (;;) {
    k = s.indexOf('"', k);
    if (k < 0) return -1;
    let bs = 0;
    for (let j = k - 1; s.charCodeAt(j) === 0x5c; j--) bs++;
    if (bs % 2 === 0) return k + 1;
    k++;
  }
}

// ---------------------------------------------------------------------------------------------

/** Parses one record's text; a syntax error names its line. */
export function parseRecord(text: string, line: number): unknown {
  if (LONG_NUMBER.test(text)) {
    try {
      return parseJsonExact(text);
    } catch (e) {
      throw syntaxAt(e, text, line);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    try {
      parseJsonExact(text);
    } catch (e) {
      throw syntaxAt(e, text, line);
    }
    throw new SyntaxAt(line, 'invalid JSON');
  }
}

function syntaxAt(e: unknown, text: string, line: number): SyntaxAt {
  if (!(e instanceof JsonSyntaxError)) return new SyntaxAt(line, (e as Error).message);
  const nl = countNewlines(text, 0, e.pos);
  const lineStart = text.lastIndexOf('\n', e.pos - 1) + 1;
  return new SyntaxAt(line + nl, `invalid JSON: ${e.reason} (column ${e.pos - lineStart + 1})`);
}

// ---------------------------------------------------------------------------------------------

export async function openJsonReader(path: string, format: 'json' | 'ndjson', opts: JsonOpenOptions = {}): Promise<TableReader> {
  const source = opts.source ?? path;
  const o = resolveOptions(opts);
  const { fh, size } = await openInput(path, source);
  const chunks = new FileChunks(fh, 0, size, o.signal);
  const flattener = new Flattener();
  const splitter: RecordSplitter = format === 'json' ? new JsonSplitter(o.maxRecord) : new NdjsonSplitter(o.maxRecord);
  let decoder: StreamDecoder | null = null;
  let ended = false;
  let closed = false;
  let iterated = false;
  let pending: string[][] = [];
  const emit: Emit = (text, line) => {
    let record: unknown;
    try {
      record = parseRecord(text, line);
    } catch (e) {
      if (e instanceof SyntaxAt) throw new ReaderError(source, e.reason, { line: e.line });
      throw e;
    }
    pending.push(flattener.row(record));
  };
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await chunks.settle();
    await fh.close().catch(() => undefined);
  };
  const step = async (): Promise<void> => {
    const buf = await chunks.next();
    const final = buf === null || chunks.done;
    const bytes = buf ?? Buffer.alloc(0);
    if (decoder === null) {
      const bom = sniffBom(bytes);
      if (!bom?.encoding.startsWith('utf-16') && opts.encoding?.startsWith('utf-16') !== true && bytes.subarray(0, 65536).indexOf(0) >= 0)
        throw new ReaderError(source, 'not a text file (NUL bytes in its first 64 KiB)');
      decoder = new StreamDecoder(opts.encoding);
    }
    let text: string;
    try {
      text = decoder.decode(bytes, final);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      throw new ReaderError(source, e.message, { line: splitter.line + countLf(splitter.pendingText) + countLf(e.before) });
    }
    try {
      splitter.feed(text, final, emit);
    } catch (e) {
      if (e instanceof SyntaxAt) throw new ReaderError(source, e.reason, { line: e.line });
      throw e;
    }
    if (final) ended = true;
  };
  try {
    // Read until the first record (or the end) so that columns() is known after opening.
    while (!ended && pending.length === 0 && chunks.consumed < 64 << 20) await step();
  } catch (e) {
    await close();
    throw e;
  }
  async function* generate(): AsyncGenerator<RowBatch> {
    try {
      let emitted = 0;
      for (;;) {
        let off = 0;
        while (pending.length - off >= o.batchRows || (ended && off < pending.length)) {
          const take = Math.min(o.batchRows, pending.length - off, o.sample - emitted);
          if (take <= 0) return;
          const rows = off === 0 && take === pending.length ? pending : pending.slice(off, off + take);
          yield { firstRow: emitted + 1, rows };
          emitted += take;
          off += take;
        }
        if (ended || emitted >= o.sample) return;
        pending = off < pending.length ? pending.slice(off) : [];
        await step();
      }
    } finally {
      await close();
    }
  }
  return {
    source,
    format,
    get encoding(): TextEncoding {
      return decoder?.encoding ?? 'utf-8';
    },
    columns: () => flattener.columns,
    batches: () => {
      if (iterated) throw new Error('batches() can be iterated once');
      iterated = true;
      return generate();
    },
    bytesRead: () => chunks.consumed,
    totalBytes: () => size,
    close,
  };
}
