/**
 * Year-versioned tax tables as data: `tables/cn-iit-YYYY.json` (mainland IIT), `tables/tw-income-tax-YYYY.json`
 * (Taiwan 綜合所得稅) and `tables/fx.json` (TWD per CNY per year). Another year is another file, no code.
 * Every file is checked once when loaded: a wrong shape, a year that differs from the file name, or brackets whose
 * quick deductions (速算扣除数 / 累進差額) do not follow from the rates throws, naming the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { divRoundHalfUp } from './money.ts';

export const DEFAULT_TABLES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tables');

const amount = z.number().int().nonnegative();
const ratePercent = z.number().positive().max(100).refine((r) => Number.isInteger(r * 100), 'at most 2 decimals');
const label = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

const cnBrackets = z.array(z.object({ upToCny: amount.nullable(), ratePercent, quickDeductionCny: amount })).min(1);
const cnSchema = z.object({
  jurisdiction: z.literal('CN'),
  year: z.number().int().min(2000).max(2999),
  currency: z.literal('CNY'),
  title: label,
  sources: z.array(z.string().url()).min(1),
  note: z.string(),
  comprehensiveIncome: z.object({ basicDeductionCny: amount, brackets: cnBrackets }),
  businessIncome: z.object({ brackets: cnBrackets }),
  specialAdditionalDeductions: z.object({
    infantCarePerChildMonthlyCny: amount,
    childrenEducationPerChildMonthlyCny: amount,
    elderlySupportOnlyChildMonthlyCny: amount,
    elderlySupportSharedMaxMonthlyCny: amount,
    continuingEducationDegreeMonthlyCny: amount,
    continuingEducationCertificateCny: amount,
    housingLoanInterestMonthlyCny: amount,
    housingRentMonthlyCny: z.object({ tier1: amount, tier2: amount, tier3: amount }),
    seriousIllnessThresholdCny: amount,
    seriousIllnessMaxCny: amount,
  }),
});

const twSchema = z.object({
  jurisdiction: z.literal('TW'),
  year: z.number().int().min(2000).max(2999),
  currency: z.literal('TWD'),
  title: label,
  sources: z.array(z.string().url()).min(1),
  note: z.string(),
  exemption: z.object({ perPersonTwd: amount, age70OrOverTwd: amount }),
  standardDeduction: z.object({ singleTwd: amount, marriedTwd: amount }),
  salarySpecialDeductionTwd: amount,
  basicLivingExpensePerPersonTwd: amount,
  brackets: z.array(z.object({ upToTwd: amount.nullable(), ratePercent, progressiveDifferenceTwd: amount })).min(1),
});

const fxSchema = z.object({
  unit: z.literal('TWD per 1 CNY'),
  note: z.string(),
  rates: z.record(z.string().regex(/^\d{4}$/), z.object({ twdPerCny: z.number().positive(), source: z.string().min(1) })),
});

export type MainlandTable = z.infer<typeof cnSchema>;
export type TaiwanTable = z.infer<typeof twSchema>;
export type FxTable = z.infer<typeof fxSchema>;

/** A progressive bracket in the smallest unit of its currency (fen / whole TWD) and basis points. */
export interface Bracket {
  /** Upper bound of the taxable amount (inclusive); null = no upper bound. */
  upTo: number | null;
  rateBp: number;
  ratePercent: number;
  /** 速算扣除数 / 累進差額, in the same unit as upTo. */
  quickDeduction: number;
}

export interface TaxTables {
  mainland: ReadonlyMap<number, MainlandTable>;
  taiwan: ReadonlyMap<number, TaiwanTable>;
  fx: FxTable;
  /** Years with both a mainland and a Taiwan table, ascending. */
  years: readonly number[];
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not readable JSON (${(e as Error).message})`);
  }
}

function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

/**
 * Converts brackets to `unit` (100 for fen, 1 for TWD) and checks them: ascending bounds, only the last open, and each
 * quick deduction = previous quick deduction + previous bound × (rate − previous rate) (the tax is continuous).
 */
export function toBrackets(rows: readonly { upTo: number | null; ratePercent: number; quickDeduction: number }[], unit: number, where: string): Bracket[] {
  const out: Bracket[] = [];
  rows.forEach((row, i) => {
    const last = i === rows.length - 1;
    if ((row.upTo === null) !== last) throw new Error(`${where}: brackets[${i}]: only the last bracket has upTo null`);
    const prev = out[i - 1];
    const rateBp = Math.round(row.ratePercent * 100);
    const quickDeduction = row.quickDeduction * unit;
    const upTo = row.upTo === null ? null : row.upTo * unit;
    if (prev) {
      if (upTo !== null && upTo <= prev.upTo!) throw new Error(`${where}: brackets[${i}]: bounds must ascend`);
      const expected = prev.quickDeduction + (prev.upTo! * (rateBp - prev.rateBp)) / 10000;
      if (expected !== quickDeduction) throw new Error(`${where}: brackets[${i}]: quick deduction ${row.quickDeduction} should be ${expected / unit}`);
    } else if (quickDeduction !== 0) throw new Error(`${where}: brackets[0]: the first quick deduction must be 0`);
    out.push({ upTo, rateBp, ratePercent: row.ratePercent, quickDeduction });
  });
  return out;
}

const CN_FILE = /^cn-iit-(\d{4})\.json$/;
const TW_FILE = /^tw-income-tax-(\d{4})\.json$/;

/** Reads and checks every table file of `dir` (default: the shipped `tables` folder). */
export function loadTaxTables(dir: string = DEFAULT_TABLES_DIR): TaxTables {
  const mainland = new Map<number, MainlandTable>();
  const taiwan = new Map<number, TaiwanTable>();
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const cn = CN_FILE.exec(name);
    const tw = TW_FILE.exec(name);
    if (!cn && !tw) continue;
    const year = Number((cn ?? tw)![1]);
    if (cn) {
      const t = parse(cnSchema, readJson(file), file);
      if (t.year !== year) throw new Error(`${file}: "year" is ${t.year} but the file name says ${year}`);
      toBrackets(t.comprehensiveIncome.brackets.map((b) => ({ upTo: b.upToCny, ratePercent: b.ratePercent, quickDeduction: b.quickDeductionCny })), 100, `${file}: comprehensiveIncome`);
      toBrackets(t.businessIncome.brackets.map((b) => ({ upTo: b.upToCny, ratePercent: b.ratePercent, quickDeduction: b.quickDeductionCny })), 100, `${file}: businessIncome`);
      mainland.set(year, t);
    } else {
      const t = parse(twSchema, readJson(file), file);
      if (t.year !== year) throw new Error(`${file}: "year" is ${t.year} but the file name says ${year}`);
      toBrackets(t.brackets.map((b) => ({ upTo: b.upToTwd, ratePercent: b.ratePercent, quickDeduction: b.progressiveDifferenceTwd })), 1, file);
      taiwan.set(year, t);
    }
  }
  const fxFile = path.join(dir, 'fx.json');
  const fx = fs.existsSync(fxFile) ? parse(fxSchema, readJson(fxFile), fxFile) : { unit: 'TWD per 1 CNY' as const, note: '', rates: {} };
  const years = [...mainland.keys()].filter((y) => taiwan.has(y)).sort((a, b) => a - b);
  if (years.length === 0) throw new Error(`${dir}: no year has both cn-iit-YYYY.json and tw-income-tax-YYYY.json`);
  return { mainland, taiwan, fx, years };
}

let shipped: TaxTables | undefined;

/** The shipped tables (loaded once). */
export function shippedTaxTables(): TaxTables {
  shipped ??= loadTaxTables();
  return shipped;
}

/** Tax on `taxable` (same unit as the brackets) and the bracket it falls in: taxable × rate − quick deduction, half up. */
export function applyBrackets(brackets: readonly Bracket[], taxable: number): { tax: number; bracket: Bracket } {
  const bracket = brackets.find((b) => b.upTo === null || taxable <= b.upTo) ?? brackets[brackets.length - 1]!;
  return { tax: Math.max(0, divRoundHalfUp(taxable * bracket.rateBp, 10000) - bracket.quickDeduction), bracket };
}

const compiledMainland = new WeakMap<MainlandTable, { comprehensive: Bracket[]; business: Bracket[] }>();
const compiledTaiwan = new WeakMap<TaiwanTable, Bracket[]>();

/** The mainland table's brackets in fen (converted once per table). */
export function mainlandBrackets(t: MainlandTable): { comprehensive: Bracket[]; business: Bracket[] } {
  let c = compiledMainland.get(t);
  if (!c) {
    const rows = (bs: MainlandTable['businessIncome']['brackets']) => bs.map((b) => ({ upTo: b.upToCny, ratePercent: b.ratePercent, quickDeduction: b.quickDeductionCny }));
    c = { comprehensive: toBrackets(rows(t.comprehensiveIncome.brackets), 100, 'comprehensiveIncome'), business: toBrackets(rows(t.businessIncome.brackets), 100, 'businessIncome') };
    compiledMainland.set(t, c);
  }
  return c;
}

/** The Taiwan table's brackets in whole TWD (converted once per table). */
export function taiwanBrackets(t: TaiwanTable): Bracket[] {
  let c = compiledTaiwan.get(t);
  if (!c) {
    c = toBrackets(t.brackets.map((b) => ({ upTo: b.upToTwd, ratePercent: b.ratePercent, quickDeduction: b.progressiveDifferenceTwd })), 1, 'brackets');
    compiledTaiwan.set(t, c);
  }
  return c;
}
