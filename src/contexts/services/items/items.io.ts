/**
 * The catalog as a spreadsheet: one row per item, CSV (UTF-8 with BOM, RFC 4180) or XLSX (first sheet),
 * the same columns either way (`ITEM_COLUMNS`, header row first). Cell conventions:
 * - localized texts have one column per language (`name.zh-CN`, `name.zh-TW`, `name.en`); an empty
 *   zh-TW cell is generated from zh-CN when the catalog is published;
 * - plain lists (`keywords`, `applicantKinds`) are joined with `；` (a full-width semicolon; `;` is accepted);
 * - yes/no cells (`taiwan`, `requiresVerifiedIdentity`) take true/false, 1/0 or 是/否;
 * - structured cells (`conditions`, `materials`, `steps`, `fees`, `faq`, `formSchema`) hold JSON in the
 *   shape of the JSON API (e.g. materials `[{"name":{"zh-CN":…,"en":…},"form":"原件","quantity":1,"required":true}]`);
 * - an empty cell leaves the field out (main and sub items leave the guide and application cells empty).
 * Import errors name the line (CSV: the line the record starts on; XLSX: the row) and the column.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../kernel/errors.ts';
import { csvCell, type SheetRow } from '../../../kernel/sheet.ts';
import type { CatalogDocument, ServiceItem } from './items.model.ts';

const LOCALIZED = ['name', 'implementingBody', 'legalBasis'] as const;
const LANG_COLUMNS = ['zh-CN', 'zh-TW', 'en'] as const;
const LISTS = ['keywords', 'applicantKinds'] as const;
const BOOLEANS = ['taiwan', 'requiresVerifiedIdentity'] as const;
const INTEGERS = ['statutoryDays', 'promisedDays', 'visits'] as const;
const JSON_CELLS = ['conditions', 'materials', 'steps', 'fees', 'faq', 'formSchema'] as const;

export const ITEM_COLUMNS: readonly string[] = [
  'code',
  'level',
  'parentCode',
  'type',
  'area',
  'departmentCode',
  'taiwan',
  ...LOCALIZED.flatMap((f) => LANG_COLUMNS.map((l) => `${f}.${l}`)),
  'keywords',
  'statutoryDays',
  'promisedDays',
  'visits',
  'processKey',
  'applicantKinds',
  'requiresVerifiedIdentity',
  ...JSON_CELLS,
];

function fmtLine(line: number, column: string, message: string): AppError {
  return new AppError('validation_failed', `line ${line}, column ${column}: ${message}`, { line, column });
}

// ---- CSV ------------------------------------------------------------------------------------------



// ---- item ↔ cells ---------------------------------------------------------------------------------

function itemCells(item: ServiceItem): string[] {
  const rec = item as unknown as Record<string, unknown>;
  return ITEM_COLUMNS.map((col) => {
    const dot = col.indexOf('.');
    if (dot > 0) {
      const v = rec[col.slice(0, dot)] as Record<string, string> | undefined;
      return v?.[col.slice(dot + 1)] ?? '';
    }
    const v = rec[col];
    if (v === undefined || v === null) return '';
    if ((LISTS as readonly string[]).includes(col)) return (v as string[]).join('；');
    if ((JSON_CELLS as readonly string[]).includes(col)) return JSON.stringify(v);
    return String(v);
  });
}

export function catalogToCsv(doc: CatalogDocument): Buffer {
  const lines = [ITEM_COLUMNS, ...doc.items.map(itemCells)].map((r) => r.map(csvCell).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function catalogToXlsx(doc: CatalogDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Landao';
  const ws = wb.addWorksheet('事项目录');
  ws.addRow([...ITEM_COLUMNS]);
  for (const item of doc.items) ws.addRow(itemCells(item));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}


/**
 * Turns sheet rows (header first) into a catalog document for `validateCatalog`, and returns the line
 * of each item so validation errors can be mapped back. Cell-level problems throw naming line and column.
 */
export function rowsToDocument(rows: SheetRow[]): { document: { items: Record<string, unknown>[] }; lines: number[] } {
  const [header, ...body] = rows;
  if (!header) throw new AppError('validation_failed', 'the file is empty', { field: 'file' });
  const names = header.cells.map((c) => c.trim());
  for (const required of ['code', 'level', 'name.zh-CN', 'name.en'])
    if (!names.includes(required)) throw fmtLine(header.line, required, 'missing from the header row');
  names.forEach((n) => {
    if (n && !ITEM_COLUMNS.includes(n)) throw fmtLine(header.line, n, `unknown column (expected: ${ITEM_COLUMNS.join(', ')})`);
  });
  const items: Record<string, unknown>[] = [];
  const lines: number[] = [];
  for (const row of body) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const item: Record<string, unknown> = {};
    names.forEach((col, k) => {
      const raw = (row.cells[k] ?? '').trim();
      if (!col || raw === '') return;
      const dot = col.indexOf('.');
      if (dot > 0) {
        const field = col.slice(0, dot);
        item[field] = { ...(item[field] as object | undefined), [col.slice(dot + 1)]: raw };
      } else if ((LISTS as readonly string[]).includes(col)) {
        item[col] = raw.split(/[；;]/).map((x) => x.trim()).filter(Boolean);
      } else if ((BOOLEANS as readonly string[]).includes(col)) {
        if (/^(true|1|是|yes)$/i.test(raw)) item[col] = true;
        else if (/^(false|0|否|no)$/i.test(raw)) item[col] = false;
        else throw fmtLine(row.line, col, `"${raw}" is not true/false (是/否)`);
      } else if ((INTEGERS as readonly string[]).includes(col)) {
        if (!/^\d+$/.test(raw)) throw fmtLine(row.line, col, `"${raw}" is not a whole number of days`);
        item[col] = Number(raw);
      } else if ((JSON_CELLS as readonly string[]).includes(col)) {
        try {
          item[col] = JSON.parse(raw);
        } catch (e) {
          throw fmtLine(row.line, col, `not valid JSON (${(e as Error).message})`);
        }
      } else item[col] = raw;
    });
    items.push(item);
    lines.push(row.line);
  }
  return { document: { items }, lines };
}

/** Maps a `validateCatalog` error (details.index / details.path) to the sheet's line and column. */
export function locateError(e: unknown, lines: number[]): unknown {
  if (!(e instanceof AppError) || e.code !== 'validation_failed') return e;
  const d = e.details as { index?: number | null; path?: (string | number)[] } | undefined;
  if (d?.index == null || !d.path) return e;
  const line = lines[d.index];
  if (line === undefined) return e;
  const [first, second, ...rest] = d.path;
  const localized = typeof first === 'string' && (LOCALIZED as readonly string[]).includes(first) && typeof second === 'string';
  const column = localized ? `${first}.${second}` : String(first ?? 'code');
  const inner = localized ? rest : [second, ...rest].filter((x) => x !== undefined);
  const where = inner.length ? ` (${inner.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '')})` : '';
  const message = e.message.replace(/^items\[\d+\][^:]*: /, '');
  return fmtLine(line, column, `${message}${where}`);
}
