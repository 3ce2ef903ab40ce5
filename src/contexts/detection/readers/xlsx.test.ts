import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listXlsxSheets, openReader, openXlsxReader, ReaderError, type TableReader } from './index.ts';
import { buildXlsx, tempDir } from './test-support.ts';
import { dateKind, formatNumber, formatSerialDate } from './xlsx-format.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'openpyxl-people.xlsx');

async function readAll(reader: TableReader): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const b of reader.batches()) rows.push(...b.rows);
  return rows;
}

async function errorOf(p: Promise<unknown>): Promise<ReaderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReaderError) return e;
    throw e;
  }
  throw new Error('expected a ReaderError');
}

const c = (ref: string, inner: string, attrs = ''): string => `<c r="${ref}"${attrs}>${inner}</c>`;
const v = (x: string | number): string => `<v>${x}</v>`;

/** A workbook as Excel writes it: shared strings, a date style, an ID number stored as text. */
function peopleWorkbook(): Buffer {
  return buildXlsx({
    sharedStringsXml: [
      '<t>身份证号</t>',
      '<t>姓名</t>',
      '<t>金额</t>',
      '<t>出生日期</t>',
      '<t>110105194912310021</t>',
      // Rich text with a phonetic run: only the base text counts.
      '<r><rPr><b/></rPr><t>张</t></r><r><t>三</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh>',
      '<t xml:space="preserve"> 李 &amp; 四 </t>',
    ],
    cellXfs: [0, 14, 164],
    numFmts: { 164: 'yyyy-mm-dd hh:mm:ss' },
    sheets: [
      {
        name: '人员',
        sheetData:
          `<row r="1">${c('A1', v(0), ' t="s"')}${c('B1', v(1), ' t="s"')}${c('C1', v(2), ' t="s"')}${c('D1', v(3), ' t="s"')}</row>` +
          `<row r="2">${c('A2', v(4), ' t="s"')}${c('B2', v(5), ' t="s"')}${c('C2', v(1234.5))}${c('D2', v(45352), ' s="1"')}</row>` +
          `<row r="3">${c('A3', '<is><t>11010519491231002X</t></is>', ' t="inlineStr"')}${c('B3', v(6), ' t="s"')}${c('C3', v('1.23456789012345E+17'))}${c('D3', v(45352.5), ' s="2"')}</row>` +
          `<row r="5">${c('A5', v(42))}${c('C5', v('0.30000000000000004'))}${c('E5', v(1), ' t="b"')}</row>`,
      },
      { name: 'Other', sheetData: `<row r="1">${c('A1', '<is><t>x</t></is>', ' t="inlineStr"')}</row><row r="2">${c('A2', v(7))}</row>` },
    ],
  });
}

describe('XLSX reader', () => {
  it('reads the first sheet with shared strings, inline strings, numbers and dates as Excel shows them', async () => {
    const reader = await openReader(tmp.file('people.xlsx', peopleWorkbook()));
    expect(reader.format).toBe('xlsx');
    expect(reader.columns().slice(0, 4)).toEqual(['身份证号', '姓名', '金额', '出生日期']);
    const rows = await readAll(reader);
    expect(rows).toEqual([
      ['110105194912310021', '张三', '1234.5', '2024-03-01'],
      ['11010519491231002X', ' 李 & 四 ', '123456789012345000', '2024-03-01 12:00:00'],
      ['', '', '', ''], // sheet row 4 is missing: an empty row keeps row numbers aligned
      ['42', '', '0.3', '', 'TRUE'],
    ]);
    expect(reader.columns()).toEqual(['身份证号', '姓名', '金额', '出生日期', 'E']);
    expect(reader.bytesRead()).toBe(reader.totalBytes());
  });

  it('reads another sheet by name or index and lists the sheets', async () => {
    const file = tmp.file('sheets.xlsx', peopleWorkbook());
    expect(await listXlsxSheets(file)).toEqual([
      { name: '人员', hidden: false },
      { name: 'Other', hidden: false },
    ]);
    const byName = await openXlsxReader(file, { sheet: 'Other' });
    expect(byName.sheet).toBe('Other');
    expect(byName.columns()).toEqual(['x']);
    expect(await readAll(byName)).toEqual([['7']]);
    expect(await readAll(await openXlsxReader(file, { sheet: 1 }))).toEqual([['7']]);
    const missing = await errorOf(openXlsxReader(file, { sheet: 'Nope' }));
    expect(missing.message).toMatch(/no sheet "Nope" \(sheets: 人员, Other\)/);
  });

  it('reads a workbook written by openpyxl', async () => {
    const reader = await openReader(FIXTURE);
    expect(reader.columns()).toEqual(['身份证号', '姓名', '金额', '出生日期', '手机', '登记时间']);
    expect(await readAll(reader)).toEqual([
      ['110105194912310021', '张三', '1234.5', '1949-12-31', '13812345678', '2024-03-01 13:45:00'],
      ['11010519491231002X', '李四', '42', '2000-02-29', '13912345678', '2024-03-02 08:00:30'],
      ['', '', '', '', '', ''],
      ['350128199001011234', '林小平', '-0.1', '', '', ''],
    ]);
  });

  it('stops after `sample` rows', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 2}">${c(`A${i + 2}`, v(i))}</row>`).join('');
    const file = tmp.file('many.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData: `<row r="1">${c('A1', '<is><t>n</t></is>', ' t="inlineStr"')}</row>${rows}` }] }));
    const reader = await openReader(file, { sample: 3, batchRows: 2 });
    const batches: number[] = [];
    const all: string[][] = [];
    for await (const b of reader.batches()) {
      batches.push(b.firstRow);
      all.push(...b.rows);
    }
    expect(all).toEqual([['0'], ['1'], ['2']]);
    expect(batches).toEqual([1, 3]);
  });

  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    // 40 MiB of one repeated byte inside a valid sheet: a few tens of KiB compressed.
    const bomb = Buffer.concat([
      Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
      Buffer.alloc(40 << 20, 0x20),
      Buffer.from('</sheetData></worksheet>'),
    ]);
    const file = tmp.file('bomb.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData: '', rawXml: bomb }] }));
    const err = await errorOf(openReader(file).then(readAll));
    expect(err.code).toBe('unprocessable');
    expect(err.message).toMatch(/bomb\.xlsx: zip entry xl\/worksheets\/sheet1\.xml expands \d+:1 to 40 MiB \(over 100:1: zip bomb\?\)/);
  });

  it('refuses an entry whose declared size is over the limit', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}">${c(`A${i + 1}`, v(Math.random()))}</row>`).join('');
    const file = tmp.file('big.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData: rows }] }));
    const err = await errorOf(openReader(file, { maxUncompressedBytes: 50_000 }).then(readAll));
    expect(err.message).toMatch(/declares .* uncompressed, over the limit of 48\.8 KiB \(zip bomb\?\)/);
  });

  it('stops inflating an entry that produces more bytes than it declares', async () => {
    const sheetData = Array.from({ length: 20000 }, (_, i) => `<row r="${i + 1}">${c(`A${i + 1}`, v(i))}</row>`).join('');
    const file = tmp.file('liar.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData, declaredSize: 1000 }] }));
    const err = await errorOf(openReader(file).then(readAll));
    expect(err.message).toMatch(/liar\.xlsx: corrupt zip entry xl\/worksheets\/sheet1\.xml \(too many bytes in the stream/);
  });

  it('refuses a cell larger than maxCellBytes, naming the cell', async () => {
    const sheetData = `<row r="1">${c('A1', '<is><t>h</t></is>', ' t="inlineStr"')}</row><row r="2">${c('A2', `<is><t>${'x'.repeat(5000)}</t></is>`, ' t="inlineStr"')}</row>`;
    const file = tmp.file('bigcell.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData }] }));
    const err = await errorOf(openReader(file, { maxCellBytes: 1000 }).then(readAll));
    expect(err.message).toMatch(/bigcell\.xlsx: cell A2 of sheet S is larger than 1000 characters/);
  });

  it('refuses a file that is not a zip archive', async () => {
    const err = await errorOf(openReader(tmp.file('fake.xlsx', 'id,name\n1,2\n')));
    expect(err.message).toMatch(/fake\.xlsx: not an XLSX file/);
  });
});

describe('XLSX values', () => {
  it('formats numbers without losing stored digits', () => {
    expect(formatNumber('42')).toBe('42');
    expect(formatNumber('1.23456789012345E+17')).toBe('123456789012345000');
    expect(formatNumber('1.1010519491231E+17')).toBe('110105194912310000');
    expect(formatNumber('4.2E+1')).toBe('42');
    expect(formatNumber('0.30000000000000004')).toBe('0.3');
    expect(formatNumber('-0.1')).toBe('-0.1');
    expect(formatNumber('1E-3')).toBe('0.001');
  });

  it('recognises date formats and converts serial numbers in both date systems', () => {
    expect(dateKind(14, undefined)).toBe('date');
    expect(dateKind(22, undefined)).toBe('datetime');
    expect(dateKind(164, 'yyyy"年"m"月"d"日"')).toBe('date');
    expect(dateKind(165, '[h]:mm:ss')).toBe('time');
    expect(dateKind(166, '#,##0.00"元"')).toBeNull();
    expect(dateKind(167, '[Red]0.00')).toBeNull();
    expect(formatSerialDate(1, 'date', false)).toBe('1900-01-01');
    expect(formatSerialDate(61, 'date', false)).toBe('1900-03-01');
    expect(formatSerialDate(45352.75, 'datetime', false)).toBe('2024-03-01 18:00:00');
    expect(formatSerialDate(0, 'date', true)).toBe('1904-01-01');
  });
});

describe('the header row of an export with a title row', () => {
  const s = (ref: string, text: string): string => c(ref, `<is><t>${text}</t></is>`, ' t="inlineStr"');

  it('skips a one-cell title row above a header of several columns', async () => {
    const sheetData =
      `<row r="1">${s('A1', '平潭综合实验区不动产登记簿（2024年上半年）')}</row>` +
      `<row r="2">${s('A2', '权利人')}${s('B2', '身份证号')}</row>` +
      `<row r="3">${s('A3', '王小明')}${s('B3', '11010519491231002X')}</row>`;
    const reader = await openReader(tmp.file('titled.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData }] })));
    expect(reader.columns()).toEqual(['权利人', '身份证号']);
    expect(await readAll(reader)).toEqual([['王小明', '11010519491231002X']]);
  });

  it('keeps the first row as the header of a one-column sheet', async () => {
    const sheetData = `<row r="1">${s('A1', '姓名')}</row><row r="2">${s('A2', '王小明')}</row><row r="3">${s('A3', '李华')}</row>`;
    const reader = await openReader(tmp.file('one-column.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData }] })));
    expect(reader.columns()).toEqual(['姓名']);
    expect(await readAll(reader)).toEqual([['王小明'], ['李华']]);
    const alone = await openReader(tmp.file('header-only.xlsx', buildXlsx({ sheets: [{ name: 'S', sheetData: `<row r="1">${s('A1', '姓名')}</row>` }] })));
    expect(alone.columns()).toEqual(['姓名']);
    expect(await readAll(alone)).toEqual([]);
  });
});
