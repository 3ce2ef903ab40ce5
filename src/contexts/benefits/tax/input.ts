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
