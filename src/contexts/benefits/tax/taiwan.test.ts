import { describe, expect, it } from 'vitest';
import { taiwanIncomeTax } from './taiwan.ts';
import { appErrorOf } from '../../../../test/helpers/errors.ts';

describe('Taiwan consolidated income tax', () => {
  it('taxes a 2024 single filer with salary 1,500,000: 1,500,000 − 218,000 − 97,000 − 131,000 = 1,054,000 × 12% − 41,300 = 85,180', () => {
    const r = taiwanIncomeTax(2024, { salaryTwd: 1500000 });
    expect(r.netTaxableIncomeTwd).toBe(1054000);
    expect(r.taxTwd).toBe(85180);
    expect(r.deductions.map((d) => [d.label['zh-CN'], d.label.en, d.twd])).toEqual([
      ['薪资所得特别扣除额', 'Special deduction for salary income', 218000],
      ['免税额', 'Exemptions', 97000],
      ['标准扣除额', 'Standard deduction', 131000],
      ['基本生活费差额', 'Basic living expense difference', 0],
    ]);
  });

  it('uses the 2023 table for 2023: 1,500,000 − 207,000 − 92,000 − 124,000 = 1,077,000 × 12% − 39,200 = 90,040', () => {
    expect(taiwanIncomeTax(2023, { salaryTwd: 1500000 }).taxTwd).toBe(90040);
  });

  it('caps the salary special deduction at the salary: (100,000 + 500,000) − 100,000 − 97,000 − 131,000 = 272,000 × 5% = 13,600', () => {
    const r = taiwanIncomeTax(2024, { salaryTwd: 100000, otherIncomeTwd: 500000 });
    expect(r.deductions[0]!.twd).toBe(100000);
    expect(r.taxTwd).toBe(13600);
  });

  // Net taxable income at each upper bound and 100 above, reached through other income + exemption + standard deduction.
  const brackets: Record<number, { allowances: number; cases: [number, number, number][] }> = {
    // 2024: 590,000 × 5% = 29,500; 1,330,000 × 12% − 41,300 = 118,300; 2,660,000 × 20% − 147,700 = 384,300; 4,980,000 × 30% − 413,700 = 1,080,300
    2024: { allowances: 97000 + 131000, cases: [[590000, 29500, 29512], [1330000, 118300, 118320], [2660000, 384300, 384330], [4980000, 1080300, 1080340]] },
    // 2023: 560,000 × 5% = 28,000; 1,260,000 × 12% − 39,200 = 112,000; 2,520,000 × 20% − 140,000 = 364,000; 4,720,000 × 30% − 392,000 = 1,024,000
    2023: { allowances: 92000 + 124000, cases: [[560000, 28000, 28012], [1260000, 112000, 112020], [2520000, 364000, 364030], [4720000, 1024000, 1024040]] },
  };
  for (const [year, { allowances, cases }] of Object.entries(brackets)) {
    it.each(cases)(`${year}: net taxable %d bears %d, 100 more bears %d`, (net, atBound, above) => {
      expect(taiwanIncomeTax(Number(year), { salaryTwd: 0, otherIncomeTwd: net + allowances }).taxTwd).toBe(atBound);
      expect(taiwanIncomeTax(Number(year), { salaryTwd: 0, otherIncomeTwd: net + 100 + allowances }).taxTwd).toBe(above);
    });
  }

  it('deducts the basic living expense difference for a married couple with two dependants (2024: 4 × 210,000 − (4 × 97,000 + 262,000) = 190,000)', () => {
    const r = taiwanIncomeTax(2024, { salaryTwd: 1200000, filingStatus: 'married', dependants: 2 });
    expect(r.householdMembers).toBe(4);
    expect(r.deductions.find((d) => d.key === 'basicLivingExpense')!.twd).toBe(190000);
    // 1,200,000 − 218,000 − 388,000 − 262,000 − 190,000 = 142,000 × 5% = 7,100
    expect(r.netTaxableIncomeTwd).toBe(142000);
    expect(r.taxTwd).toBe(7100);
  });

  it('uses 202,000 a person for the 2023 basic living expense: 4 × 202,000 − (4 × 92,000 + 248,000) = 192,000', () => {
    const r = taiwanIncomeTax(2023, { salaryTwd: 1200000, filingStatus: 'married', dependants: 2 });
    expect(r.deductions.find((d) => d.key === 'basicLivingExpense')!.twd).toBe(192000);
    // 1,200,000 − 207,000 − 368,000 − 248,000 − 192,000 = 185,000 × 5% = 9,250
    expect(r.taxTwd).toBe(9250);
  });

  it('gives the higher exemption at 70 or over: 1,500,000 − 218,000 − 145,000 − 131,000 = 1,006,000 × 12% − 41,300 = 79,420', () => {
    const r = taiwanIncomeTax(2024, { salaryTwd: 1500000, age70OrOver: true });
    expect(r.deductions.find((d) => d.key === 'exemption')!.twd).toBe(145000);
    expect(r.taxTwd).toBe(79420);
    const family = taiwanIncomeTax(2024, { salaryTwd: 1500000, filingStatus: 'married', spouseAge70OrOver: true, dependants: 2, dependantsAge70OrOver: 1 });
    expect(family.deductions.find((d) => d.key === 'exemption')!.twd).toBe(97000 + 145000 + 97000 + 145000);
  });

  it('rounds the tax half up to the whole dollar: net 1,010 × 5% = 50.5 → 51', () => {
    expect(taiwanIncomeTax(2024, { salaryTwd: 0, otherIncomeTwd: 1010 + 228000 }).taxTwd).toBe(51);
  });

  it('refuses more 70+ dependants than dependants and a fractional salary, naming the field', () => {
    expect(appErrorOf(() => taiwanIncomeTax(2024, { salaryTwd: 1, dependants: 1, dependantsAge70OrOver: 2 })).message).toBe('dependantsAge70OrOver: at most the number of dependants (1)');
    expect(appErrorOf(() => taiwanIncomeTax(2024, { salaryTwd: 1.5 })).message).toBe('salaryTwd: must be a whole number of TWD');
    expect(appErrorOf(() => taiwanIncomeTax(2030, { salaryTwd: 1 })).message).toBe('year: no Taiwan tax table for 2030 (available: 2023, 2024)');
  });
});
