import { describe, expect, it } from 'vitest';
import { mainlandIit, specialAdditionalDeductions } from './mainland.ts';
import { appErrorOf } from '../../../../test/helpers/errors.ts';

describe('mainland IIT on comprehensive income', () => {
  it('taxes 240,000 less 60,000 basic, 24,000 special and 24,000 special additional deductions = 132,000 at 10% − 2,520 = 10,680', () => {
    const r = mainlandIit(2024, { wagesCny: 240000, specialDeductionsCny: 24000, specialAdditionalDeductionsCny: 24000 });
    expect(r.comprehensive.taxableIncomeCny).toBe(132000);
    expect(r.comprehensive.ratePercent).toBe(10);
    expect(r.comprehensive.quickDeductionCny).toBe(2520);
    expect(r.taxCny).toBe(10680);
    expect(r.comprehensive.deductions.map((d) => [d.label['zh-CN'], d.cny])).toEqual([
      ['基本减除费用', 60000],
      ['专项扣除', 24000],
      ['专项附加扣除', 24000],
      ['依法确定的其他扣除', 0],
    ]);
    expect(r.comprehensive.deductions.every((d) => d.label.en.length > 0)).toBe(true);
  });

  // Taxable income at each upper bound and 1 yuan above: the tax is continuous, the next rate applies to the extra yuan.
  // 36,000 × 3% = 1,080; 144,000 × 10% − 2,520 = 11,880; 300,000 × 20% − 16,920 = 43,080; 420,000 × 25% − 31,920 = 73,080;
  // 660,000 × 30% − 52,920 = 145,080; 960,000 × 35% − 85,920 = 250,080.
  const boundaries: [number, number, number][] = [
    [36000, 1080, 1080.1],
    [144000, 11880, 11880.2],
    [300000, 43080, 43080.25],
    [420000, 73080, 73080.3],
    [660000, 145080, 145080.35],
    [960000, 250080, 250080.45],
  ];
  for (const year of [2023, 2024]) {
    it.each(boundaries)(`${year}: taxable %d yuan bears %d, one yuan more bears %d`, (taxable, atBound, above) => {
      expect(mainlandIit(year, { wagesCny: taxable + 60000 }).taxCny).toBe(atBound);
      expect(mainlandIit(year, { wagesCny: taxable + 60001 }).taxCny).toBe(above);
    });
  }

  // Business income (经营所得) bounds, with no comprehensive income so the 60,000 basic deduction comes off it:
  // 30,000 × 5% = 1,500; 90,000 × 10% − 1,500 = 7,500; 300,000 × 20% − 10,500 = 49,500; 500,000 × 30% − 40,500 = 109,500.
  const businessBoundaries: [number, number, number][] = [
    [30000, 1500, 1500.1],
    [90000, 7500, 7500.2],
    [300000, 49500, 49500.3],
    [500000, 109500, 109500.35],
  ];
  for (const year of [2023, 2024]) {
    it.each(businessBoundaries)(`${year}: business taxable %d yuan bears %d, one yuan more bears %d`, (taxable, atBound, above) => {
      expect(mainlandIit(year, { wagesCny: 0, businessIncomeCny: taxable + 60000 }).taxCny).toBe(atBound);
      expect(mainlandIit(year, { wagesCny: 0, businessIncomeCny: taxable + 60001 }).taxCny).toBe(above);
    });
  }

  it('rounds the tax half up to the fen: taxable 36,000.05 × 10% − 2,520 = 1,080.005 → 1,080.01', () => {
    expect(mainlandIit(2024, { wagesCny: 96000.05 }).taxCny).toBe(1080.01);
    expect(mainlandIit(2024, { wagesCny: 96000.04 }).taxCny).toBe(1080);
  });

  it('adds other comprehensive income as given and says so', () => {
    const r = mainlandIit(2024, { wagesCny: 100000, otherIncomeCny: 50000 });
    expect(r.comprehensive.incomeCny).toBe(150000);
    expect(r.taxCny).toBe(6480); // (150,000 − 60,000) × 10% − 2,520
    expect(r.comprehensive.income[1]!.label['zh-CN']).toBe('劳务报酬、稿酬、特许权使用费所得');
    expect(r.notes.join(' ')).toContain('as given');
  });

  it('taxes business income on its own table: wages 100,000 → 1,480 plus business 100,000 × 20% − 10,500 = 9,500', () => {
    const r = mainlandIit(2024, { wagesCny: 100000, businessIncomeCny: 100000 });
    expect(r.comprehensive.taxCny).toBe(1480);
    expect(r.business).toMatchObject({ taxableIncomeCny: 100000, ratePercent: 20, quickDeductionCny: 10500, taxCny: 9500 });
    expect(r.taxCny).toBe(10980);
  });

  it('takes the deductions from business income when there is no comprehensive income: (200,000 − 60,000) × 20% − 10,500 = 17,500', () => {
    const r = mainlandIit(2023, { wagesCny: 0, businessIncomeCny: 200000 });
    expect(r.business).toMatchObject({ deductionsCny: 60000, taxableIncomeCny: 140000, taxCny: 17500 });
    expect(r.taxCny).toBe(17500);
  });

  it('never taxes below zero when the deductions exceed the income', () => {
    const r = mainlandIit(2024, { wagesCny: 50000, specialDeductionsCny: 8000 });
    expect(r.comprehensive.taxableIncomeCny).toBe(0);
    expect(r.taxCny).toBe(0);
  });

  it('refuses a negative amount, more than two decimals and an unknown year, naming the field', () => {
    expect(appErrorOf(() => mainlandIit(2024, { wagesCny: -1 })).message).toBe('wagesCny: must be ≥ 0');
    expect(appErrorOf(() => mainlandIit(2024, { wagesCny: 1, specialDeductionsCny: 1.234 })).message).toBe('specialDeductionsCny: at most 2 decimal places (fen)');
    const e = appErrorOf(() => mainlandIit(2019, { wagesCny: 1 }));
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('year: no mainland tax table for 2019 (available: 2023, 2024)');
  });
});

describe('special additional deductions from what entitles a person to them', () => {
  it('adds two children in education, an only child supporting parents and rent in a tier-1 city: 48,000 + 36,000 + 18,000', () => {
    const r = specialAdditionalDeductions(2024, { children: 2, elderlyOnlyChild: true, housingRent: { tier: 'tier1' } });
    expect(r.items.map((i) => [i.label['zh-CN'], i.cny])).toEqual([
      ['子女教育', 48000],
      ['赡养老人', 36000],
      ['住房租金', 18000],
    ]);
    expect(r.totalCny).toBe(102000);
  });

  it('halves a child’s deduction split between parents and caps a shared elderly support at 1,500 a month', () => {
    expect(specialAdditionalDeductions(2023, { infants: 1, childSharePercent: 50, elderlySharedMonthlyCny: 1500 }).items.map((i) => i.cny)).toEqual([12000, 18000]);
    expect(appErrorOf(() => specialAdditionalDeductions(2023, { elderlySharedMonthlyCny: 1600 })).message).toBe('specialAdditionalDeductions.elderlySharedMonthlyCny: a shared amount is at most 1500 a month');
  });

  it('counts continuing education, housing loan months and serious illness above 15,000 up to 80,000', () => {
    const r = specialAdditionalDeductions(2024, { continuingEducationDegreeMonths: 12, vocationalCertificate: true, housingLoanInterestMonths: 6, seriousIllnessSelfPaidCny: 50000 });
    expect(r.items.map((i) => [i.key, i.cny])).toEqual([
      ['continuingEducation', 8400],
      ['housingLoanInterest', 6000],
      ['seriousIllness', 35000],
    ]);
    expect(specialAdditionalDeductions(2024, { seriousIllnessSelfPaidCny: 120000 }).totalCny).toBe(80000);
  });

  it('refuses housing loan interest and rent in the same year', () => {
    expect(appErrorOf(() => specialAdditionalDeductions(2024, { housingLoanInterestMonths: 12, housingRent: { tier: 'tier3' } })).message).toContain('specialAdditionalDeductions.housingRent');
  });
});
