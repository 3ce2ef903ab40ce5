import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeSubsidy, type SubsidyInput } from './subsidy.ts';
import { DEFAULT_TABLES_DIR, loadTaxTables } from './tables.ts';
import { appErrorOf } from '../../../../test/helpers/errors.ts';

/** The CLI example. */
const EXAMPLE: SubsidyInput = { year: 2024, wagesCny: 300000, otherIncomeCny: 0, mainlandTaxPaidCny: 31080, fxTwdPerCny: 4.4, rule: 'burden-difference' };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-tax-subsidy-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the IIT burden-difference subsidy', () => {
  // Mainland: (300,000 − 60,000) × 20% − 16,920 = 31,080. Taiwan: 300,000 × 4.4 = 1,320,000 TWD salary
  // − 218,000 − 97,000 − 131,000 = 874,000 × 12% − 41,300 = 63,580 TWD ÷ 4.4 = 14,450 CNY. Subsidy 31,080 − 14,450 = 16,630.
  it('reproduces the issue example: mainland 31,080, Taiwan 63,580 TWD = 14,450 CNY, subsidy 16,630', () => {
    const r = computeSubsidy(EXAMPLE);
    expect(r).toMatchObject({ mainlandTaxCny: 31080, mainlandTaxPaidCny: 31080, taiwanTaxTwd: 63580, taiwanTaxCny: 14450, subsidyCny: 16630, rule: 'burden-difference' });
    expect(r.policyVersion).toMatch(/^tw-iit-subsidy\/2024@[0-9a-f]{12}$/);
    expect(r.breakdown.fx).toEqual({ year: 2024, twdPerCny: 4.4, source: 'input' });
    expect(r.breakdown.taiwan.income[0]).toMatchObject({ key: 'salaryIncome', twd: 1320000 });
    expect(r.breakdown.subsidy).toMatchObject({ eligibleTaxPaidCny: 31080, formula: 'max(0, 31080.00 − 14450.00) = 16630.00', taxFree: true });
    expect(r.breakdown.notes.join(' ')).toContain('exempt from individual income tax');
  });

  it('uses the configured rate of the year when the input gives none', () => {
    const { fxTwdPerCny: _, ...withoutRate } = EXAMPLE;
    const r = computeSubsidy(withoutRate);
    expect(r.breakdown.fx.twdPerCny).toBe(4.4);
    expect(r.breakdown.fx.source).toContain('configured');
    expect(r.subsidyCny).toBe(16630);
  });

  // 2023: 1,320,000 − 207,000 − 92,000 − 124,000 = 897,000 × 12% − 39,200 = 68,440 TWD ÷ 4.4 = 15,554.545… → 15,554.55;
  // 31,080 − 15,554.55 = 15,525.45.
  it('applies the 2023 tables to 2023 income: Taiwan 68,440 TWD = 15,554.55 CNY, subsidy 15,525.45', () => {
    const r = computeSubsidy({ ...EXAMPLE, year: 2023 });
    expect(r).toMatchObject({ mainlandTaxCny: 31080, taiwanTaxTwd: 68440, taiwanTaxCny: 15554.55, subsidyCny: 15525.45 });
    const [label2023, digest2023] = r.policyVersion.split('@');
    expect(label2023).toBe('tw-iit-subsidy/2023');
    expect(digest2023).not.toBe(computeSubsidy(EXAMPLE).policyVersion.split('@')[1]);
  });

  // Business 100,000: mainland (own table) 100,000 × 20% − 10,500 = 9,500, so 40,580 paid in all.
  const withBusiness: SubsidyInput = { ...EXAMPLE, businessIncomeCny: 100000, mainlandTaxPaidCny: 40580 };

  it('leaves business income out with 150 days of residence and removes its tax from the tax paid', () => {
    const r = computeSubsidy({ ...withBusiness, residenceDays: 150 });
    expect(r.mainlandTaxCny).toBe(40580);
    expect(r.taiwanTaxTwd).toBe(63580);
    expect(r.breakdown.subsidy).toMatchObject({ businessIncome: 'excluded', excludedBusinessTaxCny: 9500, eligibleTaxPaidCny: 31080, subsidyCny: 16630 });
    expect(r.breakdown.notes.join(' ')).toContain('150 days of residence');
  });

  // 200 days: Taiwan other income 100,000 × 4.4 = 440,000; 1,760,000 − 446,000 = 1,314,000 × 12% − 41,300 = 116,380 TWD
  // ÷ 4.4 = 26,450 CNY; 40,580 − 26,450 = 14,130.
  it('counts business income with 200 days of residence: Taiwan 116,380 TWD = 26,450 CNY, subsidy 14,130', () => {
    const r = computeSubsidy({ ...withBusiness, residenceDays: 200 });
    expect(r).toMatchObject({ taiwanTaxTwd: 116380, taiwanTaxCny: 26450, subsidyCny: 14130 });
    expect(r.breakdown.subsidy.businessIncome).toBe('included');
    expect(r.breakdown.taiwan.income[1]).toMatchObject({ key: 'otherIncome', twd: 440000 });
  });

  it('leaves business income out when the residence days are unknown, using the business tax paid when given', () => {
    const r = computeSubsidy({ ...withBusiness, businessTaxPaidCny: 9000 });
    expect(r.breakdown.subsidy).toMatchObject({ businessIncome: 'excluded', residenceDays: null, excludedBusinessTaxCny: 9000, eligibleTaxPaidCny: 31580 });
    expect(r.breakdown.notes.join(' ')).toContain('residenceDays not given');
  });

  it('pays nothing, never a negative amount, when the Taiwan tax is higher (rate 10: 1,200,000 − 446,000 = 754,000 → 49,180 TWD = 4,918 CNY > 3,480)', () => {
    const r = computeSubsidy({ year: 2024, wagesCny: 120000, mainlandTaxPaidCny: 3480, fxTwdPerCny: 10 });
    expect(r).toMatchObject({ mainlandTaxCny: 3480, taiwanTaxTwd: 49180, taiwanTaxCny: 4918, subsidyCny: 0 });
  });

  it('flags a computed mainland tax more than 1 CNY away from the tax paid, and uses the tax paid', () => {
    const r = computeSubsidy({ ...EXAMPLE, mainlandTaxPaidCny: 31000 });
    expect(r.breakdown.mainland).toMatchObject({ taxCny: 31080, taxPaidCny: 31000, differenceCny: 80, differsFromPaid: true });
    expect(r.subsidyCny).toBe(16550);
    expect(computeSubsidy({ ...EXAMPLE, mainlandTaxPaidCny: 31079.5 }).breakdown.mainland.differsFromPaid).toBe(false);
  });

  it('takes the special additional deductions from counts: one child in education = 24,000 → (240,000 − 24,000) × 20% − 16,920 = 26,280', () => {
    const r = computeSubsidy({ ...EXAMPLE, mainlandTaxPaidCny: 26280, specialAdditionalDeductions: { children: 1 } });
    expect(r.mainlandTaxCny).toBe(26280);
    expect(r.breakdown.mainland.specialAdditionalDeductionItems).toEqual([expect.objectContaining({ key: 'childrenEducation', cny: 24000 })]);
    expect(r.subsidyCny).toBe(26280 - 14450);
  });

  it('taxes other comprehensive income as Taiwan other income and says it was taken as given', () => {
    const r = computeSubsidy({ year: 2024, wagesCny: 200000, otherIncomeCny: 100000, mainlandTaxPaidCny: 31080, fxTwdPerCny: 4.4 });
    // Taiwan: salary 880,000 + other 440,000 − 446,000 = 874,000, the same as 300,000 of wages.
    expect(r.taiwanTaxTwd).toBe(63580);
    expect(r.breakdown.notes.join(' ')).toContain('as given');
  });
});

describe('the share-of-tax rule (2012: 20% of the tax paid)', () => {
  it('pays 20% of the tax paid by default: 31,080 × 20% = 6,216', () => {
    const r = computeSubsidy({ ...EXAMPLE, rule: 'share-of-tax' });
    expect(r).toMatchObject({ rule: 'share-of-tax', subsidyCny: 6216, taiwanTaxTwd: 63580 });
    expect(r.breakdown.subsidy).toMatchObject({ sharePercent: 20, formula: '31080.00 × 20% = 6216.00' });
  });

  it('pays the configured share of the eligible tax paid, rounding half up: 31,080.25 × 15% = 4,662.0375 → 4,662.04', () => {
    expect(computeSubsidy({ ...EXAMPLE, rule: 'share-of-tax', sharePercent: 15, mainlandTaxPaidCny: 31080.25 }).subsidyCny).toBe(4662.04);
    expect(computeSubsidy({ ...withBusinessFor('share-of-tax'), residenceDays: 100 }).subsidyCny).toBe(6216);
  });

  it('records a different policy version than the burden-difference rule', () => {
    expect(computeSubsidy({ ...EXAMPLE, rule: 'share-of-tax' }).policyVersion).not.toBe(computeSubsidy(EXAMPLE).policyVersion);
  });
});

function withBusinessFor(rule: SubsidyInput['rule']): SubsidyInput {
  return { ...EXAMPLE, rule, businessIncomeCny: 100000, mainlandTaxPaidCny: 40580 };
}

describe('policy versions', () => {
  it('gives the same version for the same tables and rule, with the caller’s policy label when given', () => {
    const a = computeSubsidy(EXAMPLE);
    expect(computeSubsidy({ ...EXAMPLE, wagesCny: 1 }).policyVersion).toBe(a.policyVersion);
    expect(computeSubsidy(EXAMPLE, { policyVersion: 'tw-iit-subsidy@v3' }).policyVersion).toBe(a.policyVersion.replace('tw-iit-subsidy/', 'tw-iit-subsidy@v3/'));
  });

  it('changes the version when a table value changes', () => {
    const dir = path.join(tmp, 'changed');
    fs.cpSync(DEFAULT_TABLES_DIR, dir, { recursive: true });
    const file = path.join(dir, 'tw-income-tax-2024.json');
    const table = JSON.parse(fs.readFileSync(file, 'utf8'));
    table.salarySpecialDeductionTwd = 200000;
    fs.writeFileSync(file, JSON.stringify(table));
    const r = computeSubsidy(EXAMPLE, { tables: loadTaxTables(dir) });
    expect(r.policyVersion).not.toBe(computeSubsidy(EXAMPLE).policyVersion);
    expect(r.taiwanTaxTwd).toBe(65740); // 18,000 less deduction × 12% = 2,160 more than 63,580
  });
});

describe('bad input', () => {
  it('refuses a negative amount, naming the field', () => {
    const e = appErrorOf(() => computeSubsidy({ ...EXAMPLE, wagesCny: -5 }));
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('wagesCny: must be ≥ 0');
    expect(e.details).toMatchObject({ field: 'wagesCny' });
  });

  it('refuses an unknown year, naming the years available', () => {
    const e = appErrorOf(() => computeSubsidy({ ...EXAMPLE, year: 2022 }));
    expect(e.message).toBe('year: no tax tables for 2022 (available: 2023, 2024)');
    expect(e.details).toMatchObject({ field: 'year', available: [2023, 2024] });
  });

  it('refuses a missing tax paid, an unknown rule, a share without its rule and a bad nested field', () => {
    const { mainlandTaxPaidCny: _, ...noTax } = EXAMPLE;
    expect(appErrorOf(() => computeSubsidy(noTax as SubsidyInput)).message).toBe('mainlandTaxPaidCny: is required');
    expect(appErrorOf(() => computeSubsidy({ ...EXAMPLE, rule: 'flat' as never })).message).toBe('rule: must be "burden-difference" or "share-of-tax"');
    expect(appErrorOf(() => computeSubsidy({ ...EXAMPLE, sharePercent: 20 })).message).toBe('sharePercent: only with rule "share-of-tax"');
    expect(appErrorOf(() => computeSubsidy({ ...EXAMPLE, taiwan: { dependants: -1 } })).message).toBe('taiwan.dependants: must be ≥ 0');
    expect(appErrorOf(() => computeSubsidy({ ...EXAMPLE, wagesCny: '300000' as never })).message).toBe('wagesCny: must be a number (yuan)');
    expect(appErrorOf(() => computeSubsidy([] as never)).message).toBe('(input): must be a JSON object');
    expect(appErrorOf(() => computeSubsidy({ ...EXAMPLE, businessTaxPaidCny: 100 })).message).toBe('businessTaxPaidCny: tax on business income without businessIncomeCny');
  });

  it('asks for a rate when none is configured for the year', () => {
    const dir = path.join(tmp, 'no-fx');
    fs.cpSync(DEFAULT_TABLES_DIR, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'fx.json'));
    const { fxTwdPerCny: _, ...withoutRate } = EXAMPLE;
    expect(appErrorOf(() => computeSubsidy(withoutRate, { tables: loadTaxTables(dir) })).message).toBe('fxTwdPerCny: no configured rate for 2024 (configured: none); give fxTwdPerCny');
  });
});
