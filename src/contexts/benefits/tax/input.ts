/**
 * Input checks of the calculators. A bad value throws AppError('validation_failed') whose one-line message starts with
 * the field's path ("wagesCny: must be ≥ 0") and whose details name the field.
 */
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import { yuanToFen } from './money.ts';

/** Largest accepted amount of one input (yuan or TWD): keeps every intermediate product exact in a double. */
export const MAX_AMOUNT = 1_000_000_000;

export const yuan = z
  .number({ error: 'must be a number (yuan)' })
  .min(0, 'must be ≥ 0')
  .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`)
  .refine((v) => yuanToFen(v) !== undefined, 'at most 2 decimal places (fen)');

export const twd = z.number({ error: 'must be a whole number of TWD' }).int('must be a whole number of TWD').min(0, 'must be ≥ 0').max(MAX_AMOUNT * 100, `must be at most ${MAX_AMOUNT * 100}`);

const count = (max: number) => z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be ≥ 0').max(max, `must be at most ${max}`);
const months = count(12);
export const year = z.number({ error: 'must be a year, e.g. 2024' }).int('must be a year, e.g. 2024');

export const taiwanHousehold = z.object({
  filingStatus: z.enum(['single', 'married'], { error: 'must be "single" or "married"' }).optional(),
  age70OrOver: z.boolean({ error: 'must be true or false' }).optional(),
  spouseAge70OrOver: z.boolean({ error: 'must be true or false' }).optional(),
  dependants: count(30).optional(),
  dependantsAge70OrOver: count(30).optional(),
});

export const specialAdditionalCounts = z.object({
  infants: count(20).optional(),
  children: count(20).optional(),
  childSharePercent: z.union([z.literal(50), z.literal(100)], { error: 'must be 50 or 100' }).optional(),
  elderlyOnlyChild: z.boolean({ error: 'must be true or false' }).optional(),
  elderlySharedMonthlyCny: yuan.optional(),
  continuingEducationDegreeMonths: months.optional(),
  vocationalCertificate: z.boolean({ error: 'must be true or false' }).optional(),
  housingLoanInterestMonths: months.optional(),
  housingRent: z.object({ tier: z.enum(['tier1', 'tier2', 'tier3'], { error: 'must be "tier1", "tier2" or "tier3"' }), months: months.optional() }).optional(),
  seriousIllnessSelfPaidCny: yuan.optional(),
});

export const mainlandDeductions = {
  specialDeductionsCny: yuan.optional(),
  specialAdditionalDeductionsCny: yuan.optional(),
  otherDeductionsCny: yuan.optional(),
};

export const mainlandInput = z.object({
  wagesCny: yuan,
  otherIncomeCny: yuan.optional(),
  businessIncomeCny: yuan.optional(),
  ...mainlandDeductions,
});

export const taiwanInput = taiwanHousehold.extend({ salaryTwd: twd, otherIncomeTwd: twd.optional() });

export const subsidyInput = z.object({
  year,
  wagesCny: yuan,
  otherIncomeCny: yuan.optional(),
  businessIncomeCny: yuan.optional(),
  mainlandTaxPaidCny: yuan,
  businessTaxPaidCny: yuan.optional(),
  fxTwdPerCny: z.number({ error: 'must be a number (TWD per 1 CNY)' }).positive('must be > 0').max(100, 'must be at most 100').optional(),
  rule: z.enum(['burden-difference', 'share-of-tax'], { error: 'must be "burden-difference" or "share-of-tax"' }).optional(),
  sharePercent: z
    .number({ error: 'must be a number' })
    .positive('must be > 0')
    .max(100, 'must be at most 100')
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'at most 2 decimal places')
    .optional(),
  residenceDays: count(366).optional(),
  ...mainlandDeductions,
  specialAdditionalDeductions: specialAdditionalCounts.optional(),
  taiwan: taiwanHousehold.optional(),
});

const YUAN_FIELDS = new Set(['wagesCny', 'otherIncomeCny', 'businessIncomeCny', 'mainlandTaxPaidCny', 'businessTaxPaidCny', 'specialDeductionsCny', 'specialAdditionalDeductionsCny', 'otherDeductionsCny']);
const isYuan = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT && yuanToFen(v) !== undefined;
const isCount = (v: unknown, max: number): boolean => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Every field of a Taiwan household plainly valid (a subset of what `taiwanHousehold` accepts). */
function plainHousehold(h: unknown): boolean {
  if (!isPlainObject(h)) return false;
  for (const key in h) {
    const v = h[key];
    if (v === undefined) continue;
    if (key === 'filingStatus' ? v !== 'single' && v !== 'married' : key === 'age70OrOver' || key === 'spouseAge70OrOver' ? typeof v !== 'boolean' : key === 'dependants' || key === 'dependantsAge70OrOver' ? !isCount(v, 30) : true) return false;
  }
  return true;
}

/**
 * `check(subsidyInput, value)` for the matching run's hot path: an input whose fields are all plainly valid (numbers in
 * range with at most 2 decimals, known names only, no counts of special additional deductions) is returned as it is —
 * zod would give an object with the same fields and values —; anything else goes to zod, which parses it or names the
 * first bad field exactly as before. Only ever accepts what zod accepts (input.test.ts compares both).
 */
export function checkSubsidyInput(value: unknown): z.infer<typeof subsidyInput> {
  return plainSubsidyInput(value) ? (value as z.infer<typeof subsidyInput>) : check(subsidyInput, value);
}

function plainSubsidyInput(value: unknown): boolean {
  if (!isPlainObject(value) || !Number.isSafeInteger(value.year) || !isYuan(value.wagesCny) || !isYuan(value.mainlandTaxPaidCny)) return false;
  for (const key in value) {
    const v = value[key];
    if (v === undefined || key === 'year') continue;
    if (YUAN_FIELDS.has(key)) {
      if (!isYuan(v)) return false;
    } else if (key === 'fxTwdPerCny') {
      if (!(typeof v === 'number' && v > 0 && v <= 100)) return false;
    } else if (key === 'rule') {
      if (v !== 'burden-difference' && v !== 'share-of-tax') return false;
    } else if (key === 'sharePercent') {
      if (!(typeof v === 'number' && v > 0 && v <= 100 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6)) return false;
    } else if (key === 'residenceDays') {
      if (!isCount(v, 366)) return false;
    } else if (key === 'taiwan') {
      if (!plainHousehold(v)) return false;
    } else return false;
  }
  return true;
}

/** The value parsed by `schema`, or AppError validation_failed naming the first bad field (prefixed by `at`). */
export function check<T>(schema: z.ZodType<T>, value: unknown, at = ''): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = at + (issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '');
  const given = issue.path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), value);
  const message = issue.code !== 'invalid_type' ? issue.message : issue.path.length === 0 ? 'must be a JSON object' : given === undefined ? 'is required' : issue.message;
  throw new AppError('validation_failed', `${field || '(input)'}: ${message}`, { field: field || null, reason: message });
}

export function invalid(field: string, reason: string, extra?: Record<string, unknown>): AppError {
  return new AppError('validation_failed', `${field}: ${reason}`, { field, reason, ...extra });
}
