/**
 * Test helpers (not used by the readers): temporary files, a minimal zip writer and an XLSX
 * builder that lays out the parts as Excel does, so tests can craft exact workbooks — including
 * malformed ones such as zip bombs or entries whose declared size lies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export function tempDir(prefix = 'landao-readers-'): { dir: string; file(name: string, data: string | Buffer): string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file(name, data) {
      const p = path.join(dir, name);
      fs.writeFileSync(p, data);
      return p;
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** Store instead of deflate. */
  store?: boolean;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

/** A zip archive (no zip64, no data descriptors). */
export function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const comp = e.store ? data : zlib.deflateRawSync(data, { level: 9 });
    const crc = zlib.crc32(data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? data.length;
    const method = e.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, comp);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface XlsxSheet {
  name: string;
  /** The <sheetData> content (rows and cells as XML). */
  sheetData: string;
  /** Override the whole sheet part (zip-bomb tests). */
  rawXml?: string | Buffer;
  declaredSize?: number;
}

/** An XLSX workbook: shared strings, styles (cellXfs given as numFmtIds; 164+ custom codes). */
export function buildXlsx(opts: {
  sheets: XlsxSheet[];
  sharedStrings?: string[];
  /** Raw <si> contents instead of plain strings (rich text, phonetic runs). */
  sharedStringsXml?: string[];
  cellXfs?: number[];
  numFmts?: Record<number, string>;
  date1904?: boolean;
}): Buffer {
  const sheets = opts.sheets;
  const entries: ZipEntry[] = [];
  entries.push({
    name: '[Content_Types].xml',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('') +
      `</Types>`,
  });
  entries.push({
    name: '_rels/.rels',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  });
  entries.push({
    name: 'xl/workbook.xml',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}">` +
      (opts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
      `<sheets>${sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  });
  const n = sheets.length;
  entries.push({
    name: 'xl/_rels/workbook.xml.rels',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `</Relationships>`,
  });
  sheets.forEach((s, i) =>
    entries.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data:
        s.rawXml ??
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${s.sheetData}</sheetData></worksheet>`,
      ...(s.declaredSize !== undefined ? { declaredSize: s.declaredSize } : {}),
    }),
  );
  const numFmts = Object.entries(opts.numFmts ?? {});
  entries.push({
    name: 'xl/styles.xml',
    data:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
      (numFmts.length
        ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`).join('')}</numFmts>`
        : '') +
      `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
      `<cellXfs count="${(opts.cellXfs ?? [0]).length}">${(opts.cellXfs ?? [0]).map((id) => `<xf numFmtId="${id}" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
      `</styleSheet>`,
  });
  const si = opts.sharedStringsXml ?? (opts.sharedStrings ?? []).map((s) => `<t xml:space="preserve">${xmlEscape(s)}</t>`);
  entries.push({
    name: 'xl/sharedStrings.xml',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${si.length}" uniqueCount="${si.length}">${si.map((x) => `<si>${x}</si>`).join('')}</sst>`,
  });
  return buildZip(entries);
}
