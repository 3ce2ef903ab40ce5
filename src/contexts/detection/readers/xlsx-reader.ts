/**
 * XLSX reader, streaming: yauzl reads the zip's central directory and inflates one entry at a time
 * (random access, so the order of entries in the archive does not matter), saxes parses the XML as
 * it inflates. Memory: the shared-string table (needed for random lookup) plus one batch of rows.
 *
 * Zip-bomb protection, before inflating anything: an entry whose declared uncompressed size is
 * over `maxUncompressedBytes` (default 2 GiB), or larger than 10 MiB with a compression ratio over
 * 100:1, is refused. While inflating, the actual bytes are counted (per entry and in total) and the
 * stream is destroyed past the limit or past the declared size (yauzl's validateEntrySizes).
 *
 * The first non-empty row of the sheet is the header, unless it has a single filled cell and the next
 * non-empty row has several (a merged title above the header, as government exports have); data row k
 * is sheet row (header row + k):
 * missing rows are emitted as empty rows so row numbers match Excel's. Cells right of the header
 * get their column letter as name; an empty header cell too. Values: xlsx-format.ts.
 */
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import {
  checkAborted,
  DEFAULT_MAX_UNCOMPRESSED,
  formatBytes,
  ReaderError,
  resolveOptions,
  type ReaderOptions,
  type RowBatch,
  type TableReader,
} from './types.ts';
import { columnIndex, columnLetters, dateKind, formatNumber, formatSerialDate, type DateKind } from './xlsx-format.ts';

export interface XlsxOpenOptions extends ReaderOptions {
  source?: string;
}

/** Entries over this size must not be compressed more than MAX_RATIO:1. */
const RATIO_CHECK_FROM = 10 * 1024 * 1024;
const MAX_RATIO = 100;
const MAX_ENTRIES = 20000;
/** workbook.xml, rels, styles: small metadata. */
const MAX_METADATA = 64 * 1024 * 1024;

interface SheetInfo {
  name: string;
  path: string;
  hidden: boolean;
}

class Workbook {
  private readonly entries = new Map<string, yauzl.Entry>();
  private inflatedTotal = 0;
  private closed = false;
  /** Progress of the entry being inflated: bytes out, declared size, compressed size. */
  progress = { inflated: 0, uncompressed: 0, compressed: 0 };

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly source: string,
    private readonly limit: number,
    private readonly signal: AbortSignal | undefined,
    readonly size: number,
  ) {}

  static async open(path: string, source: string, limit: number, signal?: AbortSignal): Promise<Workbook> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ReaderError(source, 'no such file', {}, 'bad_request');
      if (code === 'EISDIR') throw new ReaderError(source, 'is a directory', {}, 'bad_request');
      if (code === 'EACCES') throw new ReaderError(source, 'permission denied', {}, 'bad_request');
      throw new ReaderError(source, `not an XLSX file (${(e as Error).message})`);
    }
    const wb = new Workbook(zip, source, limit, signal, (zip as unknown as { fileSize: number }).fileSize);
    try {
      await wb.readDirectory();
    } catch (e) {
      wb.close();
      throw e;
    }
    return wb;
  }

  private readDirectory(): Promise<void> {
    return new Promise((resolve, reject) => {
      const zip = this.zip;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (this.entries.size >= MAX_ENTRIES) {
          reject(new ReaderError(this.source, `more than ${MAX_ENTRIES} entries in the archive`));
          return;
        }
        this.entries.set(entry.fileName.toLowerCase(), entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (e: Error) => reject(new ReaderError(this.source, `not an XLSX file (${e.message})`)));
      zip.readEntry();
    });
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Refuses an entry before inflating it (see the file comment). */
  private check(entry: yauzl.Entry): void {
    const name = entry.fileName;
    if (entry.isEncrypted()) throw new ReaderError(this.source, `${name} is encrypted`);
    const u = entry.uncompressedSize;
    const c = entry.compressedSize;
    if (u > this.limit)
      throw new ReaderError(this.source, `zip entry ${name} declares ${formatBytes(u)} uncompressed, over the limit of ${formatBytes(this.limit)} (zip bomb?)`);
    if (u > RATIO_CHECK_FROM && (c === 0 || u / c > MAX_RATIO))
      throw new ReaderError(
        this.source,
        `zip entry ${name} expands ${c === 0 ? 'from nothing' : `${Math.round(u / c)}:1`} to ${formatBytes(u)} (over ${MAX_RATIO}:1: zip bomb?)`,
      );
  }

  /** Inflates an entry chunk by chunk, counting bytes against the limits. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new ReaderError(this.source, `missing ${name} in the archive`);
    this.check(entry);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (e) {
      throw new ReaderError(this.source, `cannot read ${name} (${(e as Error).message})`);
    }
    let count = 0;
    this.progress = { inflated: 0, uncompressed: entry.uncompressedSize, compressed: entry.compressedSize };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        checkAborted(this.signal);
        count += chunk.length;
        this.progress.inflated = count;
        this.inflatedTotal += chunk.length;
        if (count > this.limit || this.inflatedTotal > this.limit)
          throw new ReaderError(this.source, `zip entry ${name} inflates past the limit of ${formatBytes(this.limit)} (zip bomb?)`);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof ReaderError || (e as Error).name === 'AbortError') throw e;
      throw new ReaderError(this.source, `corrupt zip entry ${name} (${(e as Error).message})`);
    } finally {
      stream.destroy();
    }
  }

  /** A small entry as text. */
  async text(name: string): Promise<string> {
    const entry = this.entries.get(name.toLowerCase());
    if (entry && entry.uncompressedSize > MAX_METADATA)
      throw new ReaderError(this.source, `zip entry ${name} is too large (${formatBytes(entry.uncompressedSize)})`);
    const parts: Buffer[] = [];
    for await (const c of this.chunks(name)) parts.push(c);
    return Buffer.concat(parts).toString('utf8');
  }

  /** Streams an entry's XML through saxes. */
  async parse(name: string, on: XmlHandlers): Promise<void> {
    for await (const _ of this.parseSteps(name, on));
  }

  /** Like parse, pausing after each inflated chunk (the caller drains rows in between). */
  async *parseSteps(name: string, on: XmlHandlers): AsyncGenerator<void> {
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', (t) => on.open(local(t.name), t as SaxesTagPlain));
    parser.on('closetag', (t) => on.close(local(t.name)));
    parser.on('text', (t) => on.text(t));
    parser.on('cdata', (t) => on.text(t));
    const td = new TextDecoder('utf-8');
    try {
      for await (const chunk of this.chunks(name)) {
        parser.write(td.decode(chunk, { stream: true }));
        yield;
        if (on.done?.()) return;
      }
      parser.write(td.decode());
      parser.close();
    } catch (e) {
      if (e instanceof ReaderError || (e as Error).name === 'AbortError') throw e;
      throw new ReaderError(this.source, `malformed XML in ${name} (${oneLineMessage(e)})`);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.zip.close();
  }
}

interface XmlHandlers {
  open(name: string, tag: SaxesTagPlain): void;
  close(name: string): void;
  text(text: string): void;
  /** Stop parsing (sample reached). */
  done?(): boolean;
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function oneLineMessage(e: unknown): string {
  return String((e as Error).message ?? e).split('\n')[0]!;
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const a = tag.attributes;
  if (name in a) return a[name];
  for (const k of Object.keys(a)) if (local(k) === name) return a[k];
  return undefined;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

async function relationships(wb: Workbook, relsPath: string, base: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = new Map<string, { type: string; target: string }>();
  if (!wb.has(relsPath)) return rels;
  await wb.parse(relsPath, {
    open(name, tag) {
      if (name !== 'Relationship') return;
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target && attr(tag, 'TargetMode') !== 'External') rels.set(id, { type: attr(tag, 'Type') ?? '', target: resolveTarget(base, target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

interface WorkbookMeta {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

async function readWorkbookMeta(wb: Workbook): Promise<WorkbookMeta> {
  const root = await relationships(wb, '_rels/.rels', '');
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = office?.target ?? 'xl/workbook.xml';
  if (!wb.has(wbPath)) throw new ReaderError(wb.source, 'not an XLSX file (no workbook part)');
  const base = wbPath.includes('/') ? wbPath.slice(0, wbPath.lastIndexOf('/') + 1) : '';
  const rels = await relationships(wb, `${base}_rels/${wbPath.slice(base.length)}.rels`, base);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await wb.parse(wbPath, {
    open(name, tag) {
      if (name === 'workbookPr') {
        const v = attr(tag, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rid = attr(tag, 'id');
        const rel = rid ? rels.get(rid) : undefined;
        if (rel && rel.type.endsWith('/worksheet'))
          sheets.push({ name: attr(tag, 'name') ?? rel.target, path: rel.target, hidden: (attr(tag, 'state') ?? 'visible') !== 'visible' });
      }
    },
    close() {},
    text() {},
  });
  // Some producers omit the relationships: fall back to the conventional names.
  if (sheets.length === 0 && wb.has('xl/worksheets/sheet1.xml')) sheets.push({ name: 'Sheet1', path: 'xl/worksheets/sheet1.xml', hidden: false });
  const byType = (suffix: string, fallback: string): string | null => {
    const r = [...rels.values()].find((x) => x.type.endsWith(suffix));
    const p = r?.target ?? fallback;
    return wb.has(p) ? p : null;
  };
  return { sheets, date1904, sharedStrings: byType('/sharedStrings', `${base}sharedStrings.xml`), styles: byType('/styles', `${base}styles.xml`) };
}

/** Date kind per cell style index (cellXfs order). */
async function readStyles(wb: Workbook, path: string | null): Promise<DateKind[]> {
  if (!path) return [];
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await wb.parse(path, {
    open(name, tag) {
      if (name === 'numFmt') {
        const id = Number(attr(tag, 'numFmtId'));
        const code = attr(tag, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(attr(tag, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs.map((id) => dateKind(id, formats.get(id)));
}

async function readSharedStrings(wb: Workbook, path: string | null, maxCell: number): Promise<string[]> {
  const out: string[] = [];
  if (!path) return out;
  let current = '';
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  await wb.parse(path, {
    open(name) {
      if (name === 'si') {
        inSi = true;
        current = '';
      } else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') {
        out.push(current);
        inSi = false;
      } else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text(t) {
      if (inSi && inT && phonetic === 0) current += t;
      if (current.length > maxCell) throw new ReaderError(wb.source, `shared string ${out.length} is larger than ${maxCell} characters (limit maxCellBytes)`);
    },
  });
  return out;
}

/** The sheets of a workbook in workbook order (hidden ones included, flagged). */
export async function listXlsxSheets(path: string, opts: XlsxOpenOptions = {}): Promise<{ name: string; hidden: boolean }[]> {
  const source = opts.source ?? path;
  const wb = await Workbook.open(path, source, opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED, opts.signal);
  try {
    const meta = await readWorkbookMeta(wb);
    return meta.sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
  } finally {
    wb.close();
  }
}

export async function openXlsxReader(path: string, opts: XlsxOpenOptions = {}): Promise<TableReader & { readonly sheet: string }> {
  const source = opts.source ?? path;
  const o = resolveOptions(opts);
  const wb = await Workbook.open(path, source, opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED, o.signal);
  let sheet: SheetInfo;
  let shared: string[];
  let styles: DateKind[];
  let date1904: boolean;
  try {
    const meta = await readWorkbookMeta(wb);
    if (meta.sheets.length === 0) throw new ReaderError(source, 'the workbook has no worksheet');
    const want = opts.sheet;
    const found =
      want === undefined
        ? meta.sheets[0]
        : typeof want === 'number'
          ? meta.sheets[want]
          : (meta.sheets.find((s) => s.name === want) ?? meta.sheets.find((s) => s.name.toLowerCase() === want.toLowerCase()));
    if (!found)
      throw new ReaderError(source, `no sheet ${JSON.stringify(want)} (sheets: ${meta.sheets.map((s) => s.name).join(', ')})`, {}, 'bad_request');
    if (!wb.has(found.path)) throw new ReaderError(source, `missing ${found.path} in the archive`);
    sheet = found;
    date1904 = meta.date1904;
    styles = await readStyles(wb, meta.styles);
    shared = await readSharedStrings(wb, meta.sharedStrings, o.maxCell);
  } catch (e) {
    wb.close();
    throw e;
  }

  const columns: string[] = [];
  let headerRow = -1;
  let lastRow = 0;
  let pending: string[][] = [];
  let emitted = 0;
  let produced = 0;
  let iterated = false;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    wb.close();
  };

  // Sheet XML state.
  let cells: string[] = [];
  let rowNum = 0;
  let colCursor = 0;
  let cellCol = 0;
  let cellType = 'n';
  let cellStyle = 0;
  let v = '';
  let inline = '';
  let inV = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;
  let inSheetData = false;

  const cellText = (): string => {
    switch (cellType) {
      case 's': {
        const s = shared[Number(v)];
        return s ?? '';
      }
      case 'inlineStr':
        return inline;
      case 'str':
      case 'e':
      case 'd':
        return v;
      case 'b':
        return v === '' ? '' : v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
      default: {
        if (v === '') return inline; // some writers put inline text on numeric cells
        const kind = styles[cellStyle] ?? null;
        if (kind !== null) {
          const n = Number(v);
          if (Number.isFinite(n)) return formatSerialDate(n, kind, date1904);
        }
        return formatNumber(v);
      }
    }
  };

  /** A first row with one filled cell: a title above the header, or the header of a one-column sheet. */
  let title: { row: number; cells: string[] } | null = null;
  const takeHeader = (row: number, headerCells: string[]): void => {
    headerRow = row;
    lastRow = row;
    for (let i = 0; i < headerCells.length; i++) {
      const name = headerCells[i];
      columns.push(name === undefined || name === '' ? uniqueLetter(columnLetters(i), columns) : name);
    }
  };
  const finishRow = (): void => {
    if (headerRow < 0) {
      let filled = 0;
      for (const c of cells) if (c !== undefined && c !== '') filled++;
      if (filled === 0) return; // leading blank rows
      if (title === null && filled === 1) {
        // Government exports put a merged title row (XX登记簿（2024年）) above the header: wait for
        // the next row to tell.
        title = { row: rowNum, cells };
        return;
      }
      if (title === null || filled >= 2) {
        takeHeader(rowNum, cells); // the held row, if any, was a title
        return;
      }
      // Two one-cell rows: a one-column sheet, whose header was the held row; this row is data.
      takeHeader(title.row, title.cells);
    }
    const wanted = o.sample;
    for (let r = lastRow + 1; r < rowNum && produced < wanted; r++) {
      pending.push(new Array<string>(columns.length).fill(''));
      produced++;
    }
    lastRow = rowNum;
    if (produced >= wanted) return;
    for (let i = columns.length; i < cells.length; i++) columns.push(uniqueLetter(columnLetters(i), columns));
    const row = new Array<string>(columns.length);
    for (let i = 0; i < row.length; i++) row[i] = cells[i] ?? '';
    pending.push(row);
    produced++;
  };

  const handlers: XmlHandlers = {
    open(name, tag) {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          const r = Number(attr(tag, 'r'));
          rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
          cells = [];
          colCursor = 0;
          break;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          const c = ref ? columnIndex(ref) : -1;
          cellCol = c >= 0 ? c : colCursor;
          cellType = attr(tag, 't') ?? 'n';
          cellStyle = Number(attr(tag, 's') ?? 0) || 0;
          v = '';
          inline = '';
          break;
        }
        case 'v':
          inV = true;
          break;
        case 'is':
          inIs = true;
          break;
        case 't':
          inT = true;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          inV = false;
          break;
        case 'is':
          inIs = false;
          break;
        case 't':
          inT = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (inSheetData) {
            cells[cellCol] = cellText();
            colCursor = cellCol + 1;
          }
          break;
        case 'row':
          if (inSheetData) finishRow();
          break;
        case 'sheetData':
          inSheetData = false;
          if (headerRow < 0 && title !== null) takeHeader(title.row, title.cells); // a one-column sheet with no data
          break;
      }
    },
    text(t) {
      if (inV) v += t;
      else if (inIs && inT && phonetic === 0) inline += t;
      else return;
      if (v.length > o.maxCell || inline.length > o.maxCell)
        throw new ReaderError(source, `cell ${columnLetters(cellCol)}${rowNum} of sheet ${sheet.name} is larger than ${o.maxCell} characters (limit maxCellBytes)`);
    },
    done: () => headerRow >= 0 && produced >= o.sample,
  };

  // Parse until the header row is known, so that columns() answers after opening.
  const steps = wb.parseSteps(sheet.path, handlers);
  let ended = false;
  try {
    while (headerRow < 0 && !ended) ended = (await steps.next()).done === true;
  } catch (e) {
    await close();
    throw e;
  }

  async function* generate(): AsyncGenerator<RowBatch> {
    try {
      for (;;) {
        let off = 0;
        while (pending.length - off >= o.batchRows || ((ended || produced >= o.sample) && off < pending.length)) {
          const take = Math.min(o.batchRows, pending.length - off, o.sample - emitted);
          if (take <= 0) return;
          const rows = off === 0 && take === pending.length ? pending : pending.slice(off, off + take);
          yield { firstRow: emitted + 1, rows };
          emitted += take;
          off += take;
        }
        if (ended || emitted >= o.sample) return;
        pending = off < pending.length ? pending.slice(off) : [];
        ended = (await steps.next()).done === true;
      }
    } finally {
      await steps.return(undefined);
      await close();
    }
  }

  return {
    source,
    format: 'xlsx',
    sheet: sheet.name,
    encoding: undefined,
    columns: () => columns,
    batches: () => {
      if (iterated) throw new Error('batches() can be iterated once');
      iterated = true;
      return generate();
    },
    // Inflated XML does not map to file bytes: report the share of the sheet inflated so far.
    bytesRead: () => {
      if (ended) return wb.size;
      const p = wb.progress;
      return p.uncompressed > 0 ? Math.min(wb.size, Math.round((wb.size * p.inflated) / p.uncompressed)) : 0;
    },
    totalBytes: () => wb.size,
    close,
  };
}

function uniqueLetter(letter: string, columns: readonly string[]): string {
  if (!columns.includes(letter)) return letter;
  for (let k = 2; ; k++) if (!columns.includes(`${letter}_${k}`)) return `${letter}_${k}`;
}
