import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../kernel/errors.ts';
import { validateCatalog } from './items.catalog.ts';
import { parseCsvRows, xlsxRows } from '../../../kernel/sheet.ts';
import { ITEM_COLUMNS, catalogToCsv, catalogToXlsx, locateError, rowsToDocument } from './items.io.ts';
import type { CatalogDocument } from './items.model.ts';
import { readShippedCatalog } from './items.service.ts';

/** Validates sheet rows the way an import does, returning the located error. */
function importError(rows: ReturnType<typeof parseCsvRows>): AppError {
  try {
    const { document, lines } = rowsToDocument(rows);
    try {
      validateCatalog(document);
    } catch (e) {
      throw locateError(e, lines);
    }
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the import to fail');
}

describe('catalog spreadsheets', () => {
  let catalog: CatalogDocument;
  let csv: string;
  beforeAll(() => {
    catalog = validateCatalog(readShippedCatalog());
    csv = catalogToCsv(catalog).toString('utf8');
  });

  it('exports one row per item under a header, and reads the CSV back to the same catalog', () => {
    const rows = parseCsvRows(csv);
    expect(rows[0]!.cells).toEqual([...ITEM_COLUMNS]);
    expect(rows).toHaveLength(catalog.items.length + 1);
    const { document } = rowsToDocument(rows);
    expect(validateCatalog(document)).toEqual(catalog);
  });

  it('reads the XLSX export back to the same catalog, naming rows by their sheet row', async () => {
    const rows = await xlsxRows(await catalogToXlsx(catalog), 'items.xlsx');
    expect(rows[1]!.line).toBe(2);
    expect(validateCatalog(rowsToDocument(rows).document)).toEqual(catalog);
  });

  it('joins keyword lists with a full-width semicolon and accepts 是/否 for yes/no cells', () => {
    const header = ITEM_COLUMNS.join(',');
    const main = ['T-1', 'main', '', '公共服务', 'education', 'PT-SHSY', '是', '测试主项', '', 'Test main item', '社会事业局', '', 'Social Affairs Bureau', '依据', '', 'Basis', '入学；子女; 学校'];
    const rows = parseCsvRows(`${header}\r\n${main.join(',')}${','.repeat(ITEM_COLUMNS.length - main.length)}\r\n`);
    const { document } = rowsToDocument(rows);
    expect(document.items[0]).toMatchObject({ taiwan: true, keywords: ['入学', '子女', '学校'] });
  });

  it('counts lines inside quoted cells, so an error names the line the record starts on', () => {
    const rows = parseCsvRows('a,b\r\n"x\r\ny",1\r\nz,2\r\n');
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\r\ny', '1']],
      [4, ['z', '2']],
    ]);
  });

  it('names the line and column of a cell that is not valid JSON or not a number', () => {
    const rows = parseCsvRows(csv);
    const col = ITEM_COLUMNS.indexOf('materials');
    const target = rows.findIndex((r, i) => i > 0 && r.cells[col] !== '');
    rows[target]!.cells[col] = '[{"name":';
    const e = importError(rows);
    expect(e.message).toMatch(new RegExp(`^line ${rows[target]!.line}, column materials: not valid JSON`));
    const rows2 = parseCsvRows(csv);
    rows2[target]!.cells[ITEM_COLUMNS.indexOf('promisedDays')] = '三';
    expect(importError(rows2).message).toMatch(new RegExp(`^line ${rows2[target]!.line}, column promisedDays: "三" is not a whole number`));
  });

  it('maps a validation error of an item to its line and column', () => {
    const rows = parseCsvRows(csv);
    const col = ITEM_COLUMNS.indexOf('materials');
    const target = rows.findIndex((r, i) => i > 0 && r.cells[col] !== '');
    const materials = JSON.parse(rows[target]!.cells[col]!) as { form: string }[];
    materials[0]!.form = '传真件';
    rows[target]!.cells[col] = JSON.stringify(materials);
    const e = importError(rows);
    expect(e.message).toMatch(new RegExp(`^line ${rows[target]!.line}, column materials: .*原件.*\\(\\[0\\]\\.form\\)$`));
    expect(e.details).toEqual({ line: rows[target]!.line, column: 'materials' });

    const rows2 = parseCsvRows(csv);
    rows2[3]!.cells[ITEM_COLUMNS.indexOf('name.en')] = '';
    expect(importError(rows2).message).toMatch(/^line 4, column name\.en: /);
    const rows3 = parseCsvRows(csv);
    rows3[6]!.cells[0] = rows3[5]!.cells[0]!;
    expect(importError(rows3).message).toMatch(/^line 7, column code: duplicate code/);
  });

  it('refuses an unknown column and a header without the required ones', () => {
    expect(importError(parseCsvRows('code,level,name.zh-CN,name.en,colour\r\n')).message).toMatch(/^line 1, column colour: unknown column/);
    expect(importError(parseCsvRows('code,name.zh-CN,name.en\r\n')).message).toMatch(/^line 1, column level: missing from the header row/);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(xlsxRows(Buffer.from('not a zip'), 'items.xlsx')).rejects.toThrow(/items\.xlsx: not a readable XLSX workbook/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空');
    const empty = await xlsxRows(Buffer.from(await wb.xlsx.writeBuffer()), 'empty.xlsx');
    expect(() => rowsToDocument(empty)).toThrow(/the file is empty/);
  });
});
