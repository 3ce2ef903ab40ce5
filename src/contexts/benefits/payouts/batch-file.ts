/**
 * The payment batch file for the finance bureau (支付清单) and the results file coming back.
 *
 * Batch file: CSV (UTF-8 with BOM, CRLF) or XLSX with the columns of `BATCH_COLUMNS`, one line per payout,
 * account numbers in clear (the file is the payment instruction), amounts in yuan with 2 decimals. The
 * control hash is the SM3 of the CSV body — header and lines as UTF-8 without the BOM, each line ending in
 * CRLF — and is the same for both formats; the control line after the lines repeats the batch number, the
 * line count, the total and the hash (CSV: a row starting `CONTROL`; XLSX: a second sheet "control").
 *
 * Results file: CSV or XLSX with a header row naming at least `payoutId` or `lineNo`, and `status`
 * (paid | failed, also 成功 | 失败), optionally `bankReference` and `reason`. Header names are matched
 * without case, spaces, `_` or `-`; the Chinese names of the batch file (支付编号, 行号, 状态, 银行流水号, 原因) work too.
 */
import ExcelJS from 'exceljs';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { AppError } from '../../../kernel/errors.ts';
import { csvCell, parseCsvRows, xlsxRows, type SheetRow } from '../../../kernel/sheet.ts';

export const BATCH_COLUMNS = ['batchNo', 'lineNo', 'payeeName', 'bankName', 'accountNo', 'amountYuan', 'policy', 'period', 'payoutId'] as const;

export interface BatchFileLine {
  lineNo: number;
  payeeName: string;
  bankName: string;
  accountNo: string;
  amountFen: number;
  policy: string;
  period: string;
  payoutId: number;
}

export interface BatchFileContent {
  batchNo: string;
  lines: BatchFileLine[];
}

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

function lineCells(batchNo: string, l: BatchFileLine): string[] {
  return [batchNo, String(l.lineNo), l.payeeName, l.bankName, l.accountNo, yuan(l.amountFen), l.policy, l.period, String(l.payoutId)];
}

/** Header and lines, CRLF after each: what the control hash covers. */
export function csvBody(c: BatchFileContent): string {
  return [[...BATCH_COLUMNS], ...c.lines.map((l) => lineCells(c.batchNo, l))].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

export function controlHash(c: BatchFileContent): string {
  return sm3(Buffer.from(csvBody(c), 'utf8'));
}

export function totals(c: BatchFileContent): { lineCount: number; totalFen: number } {
  return { lineCount: c.lines.length, totalFen: c.lines.reduce((s, l) => s + l.amountFen, 0) };
}

export function batchCsv(c: BatchFileContent): Buffer {
  const t = totals(c);
  const control = ['CONTROL', c.batchNo, String(t.lineCount), yuan(t.totalFen), 'SM3', controlHash(c)].map(csvCell).join(',') + '\r\n';
  return Buffer.from('\uFEFF' + csvBody(c) + control, 'utf8');
}

export async function batchXlsx(c: BatchFileContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Landao';
  const ws = wb.addWorksheet('lines');
  ws.addRow([...BATCH_COLUMNS]);
  // Every cell as text, so account numbers keep their digits and amounts their two decimals.
  for (const l of c.lines) ws.addRow(lineCells(c.batchNo, l));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const t = totals(c);
  const control = wb.addWorksheet('control');
  control.addRow(['batchNo', 'lineCount', 'totalYuan', 'sm3']);
  control.addRow([c.batchNo, String(t.lineCount), yuan(t.totalFen), controlHash(c)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- results ----------------------------------------------------------------------------------

export interface ResultRow {
  /** CSV: the line the record starts on; XLSX: the row number. */
  line: number;
  payoutId: number | null;
  lineNo: number | null;
  status: string;
  bankReference: string | null;
  reason: string | null;
}

const HEADER_ALIASES: Record<string, 'payoutId' | 'lineNo' | 'status' | 'bankReference' | 'reason'> = {
  payoutid: 'payoutId',
  支付编号: 'payoutId',
  lineno: 'lineNo',
  line: 'lineNo',
  行号: 'lineNo',
  status: 'status',
  result: 'status',
  状态: 'status',
  结果: 'status',
  bankreference: 'bankReference',
  reference: 'bankReference',
  银行流水号: 'bankReference',
  reason: 'reason',
  原因: 'reason',
};

const STATUS_ALIASES: Record<string, 'paid' | 'failed'> = { paid: 'paid', success: 'paid', 成功: 'paid', 已支付: 'paid', failed: 'failed', fail: 'failed', failure: 'failed', 失败: 'failed' };

export function normaliseStatus(s: string): 'paid' | 'failed' | undefined {
  return STATUS_ALIASES[s.trim().toLowerCase()];
}

/** The rows of a results file; a file without the needed header columns is refused as a whole. */
export async function readResults(file: { filename: string; data: Buffer }): Promise<ResultRow[]> {
  const isXlsx = file.data.subarray(0, 2).toString('latin1') === 'PK';
  const rows = isXlsx ? await xlsxRows(file.data, file.filename) : parseCsvRows(file.data.toString('utf8'));
  const header = rows.shift();
  if (!header) throw new AppError('validation_failed', `${file.filename}: the file is empty`, { field: 'file' });
  const index = new Map<string, number>();
  header.cells.forEach((h, i) => {
    const key = HEADER_ALIASES[h.trim().toLowerCase().replace(/[\s_-]/g, '')];
    if (key && !index.has(key)) index.set(key, i);
  });
  if (!index.has('status') || (!index.has('payoutId') && !index.has('lineNo')))
    throw new AppError('validation_failed', `${file.filename}: the header row needs a status column and a payoutId or lineNo column`, { field: 'file', line: header.line });
  const cell = (r: SheetRow, k: string) => {
    const i = index.get(k);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const int = (s: string) => (/^\d{1,15}$/.test(s) ? Number(s) : s === '' ? null : NaN);
  return rows
    .filter((r) => r.cells[0]?.trim() !== 'CONTROL' && r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({
      line: r.line,
      payoutId: int(cell(r, 'payoutId')),
      lineNo: int(cell(r, 'lineNo')),
      status: cell(r, 'status'),
      bankReference: cell(r, 'bankReference') || null,
      reason: cell(r, 'reason') || null,
    }));
}
