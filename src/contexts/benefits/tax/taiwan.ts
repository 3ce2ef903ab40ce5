/**
 * Taiwan consolidated income tax (綜合所得稅) on one person's income for one tax year, in whole TWD: salary income less
 * the salary special deduction (capped at the salary), exemptions (70+ at the higher amount), the standard deduction
 * (single / married), the basic living expense difference (基本生活費差額), then the progressive brackets. The spouse is
 * taken to have no income of their own; itemised deductions, savings, disability etc. are not modelled.
 */
import { check, invalid, taiwanInput } from './input.ts';
import { LABELS, type Label } from './labels.ts';
import { applyBrackets, shippedTaxTables, taiwanBrackets, type TaiwanTable, type TaxTables } from './tables.ts';

export interface TaiwanHousehold {
  filingStatus?: 'single' | 'married';
  /** The taxpayer is 70 or over. */
  age70OrOver?: boolean;
  spouseAge70OrOver?: boolean;
  /** 受扶養親屬 claimed. */
  dependants?: number;
  /** Of those, how many are lineal ascendants aged 70 or over. */
  dependantsAge70OrOver?: number;
}

export interface TaiwanIncomeTaxInput extends TaiwanHousehold {
  salaryTwd: number;
  otherIncomeTwd?: number;
}

export interface TwTaxLineItem {
  key: string;
  label: Label;
  twd: number;
  note?: string;
}

export interface TaiwanIncomeTaxResult {
  year: number;
  filingStatus: 'single' | 'married';
  householdMembers: number;
  income: TwTaxLineItem[];
  grossIncomeTwd: number;
  deductions: TwTaxLineItem[];
  deductionsTwd: number;
  netTaxableIncomeTwd: number;
  ratePercent: number;
  progressiveDifferenceTwd: number;
  taxTwd: number;
}

export function taiwanTable(tables: TaxTables, year: number): TaiwanTable {
  const t = tables.taiwan.get(year);
  if (!t) throw invalid('year', `no Taiwan tax table for ${year} (available: ${[...tables.taiwan.keys()].sort().join(', ')})`, { available: [...tables.taiwan.keys()].sort() });
  return t;
}

export function computeTaiwan(t: TaiwanTable, salary: number, other: number, h: TaiwanHousehold, at = 'taiwan'): TaiwanIncomeTaxResult {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  const married = h.filingStatus === 'married';
  const dependants = h.dependants ?? 0;
  const dependants70 = h.dependantsAge70OrOver ?? 0;
  if (dependants70 > dependants) throw invalid(field('dependantsAge70OrOver'), `at most the number of dependants (${dependants})`);
  if (h.spouseAge70OrOver && !married) throw invalid(field('spouseAge70OrOver'), 'only with filingStatus "married"');
  const members = 1 + (married ? 1 : 0) + dependants;
  const ex = t.exemption;
  const exemptionTwd =
    (h.age70OrOver ? ex.age70OrOverTwd : ex.perPersonTwd) +
    (married ? (h.spouseAge70OrOver ? ex.age70OrOverTwd : ex.perPersonTwd) : 0) +
    (dependants - dependants70) * ex.perPersonTwd +
    dependants70 * ex.age70OrOverTwd;
  const standardTwd = married ? t.standardDeduction.marriedTwd : t.standardDeduction.singleTwd;
  const salarySpecialTwd = Math.min(salary, t.salarySpecialDeductionTwd);
  const livingTwd = t.basicLivingExpensePerPersonTwd * members;
  // The living expense is compared with exemptions + general deductions (not the salary special deduction).
  const livingDifferenceTwd = Math.max(0, livingTwd - (exemptionTwd + standardTwd));
  const income: TwTaxLineItem[] = [{ key: 'salaryIncome', label: LABELS.salaryIncome, twd: salary }];
  if (other > 0) income.push({ key: 'otherIncome', label: LABELS.twOtherIncome, twd: other });
  const gross = salary + other;
  // Pushed, not spread from conditional arrays: this runs once per taxpayer of a matching run.
  const exemptionParts = [h.age70OrOver ? `self 70+ ${ex.age70OrOverTwd}` : `self ${ex.perPersonTwd}`];
  if (married) exemptionParts.push(h.spouseAge70OrOver ? `spouse 70+ ${ex.age70OrOverTwd}` : `spouse ${ex.perPersonTwd}`);
  if (dependants - dependants70 > 0) exemptionParts.push(`${dependants - dependants70} dependant(s) × ${ex.perPersonTwd}`);
  if (dependants70 > 0) exemptionParts.push(`${dependants70} dependant(s) 70+ × ${ex.age70OrOverTwd}`);
  const exemptionNote = exemptionParts.join(' + ');
  const deductions: TwTaxLineItem[] = [
    { key: 'salarySpecialDeduction', label: LABELS.salarySpecialDeduction, twd: salarySpecialTwd, note: `min(salary, ${t.salarySpecialDeductionTwd})` },
    { key: 'exemption', label: LABELS.exemption, twd: exemptionTwd, note: exemptionNote },
    { key: 'standardDeduction', label: LABELS.standardDeduction, twd: standardTwd, note: married ? 'married' : 'single' },
    {
      key: 'basicLivingExpense',
      label: LABELS.basicLivingExpense,
      twd: livingDifferenceTwd,
      note: `max(0, ${t.basicLivingExpensePerPersonTwd} × ${members} − (exemptions ${exemptionTwd} + standard deduction ${standardTwd}))`,
    },
  ];
  const deductionsTwd = salarySpecialTwd + exemptionTwd + standardTwd + livingDifferenceTwd;
  const net = Math.max(0, gross - deductionsTwd);
  const { tax, bracket } = applyBrackets(taiwanBrackets(t), net);
  return {
    year: t.year,
    filingStatus: married ? 'married' : 'single',
    householdMembers: members,
    income,
    grossIncomeTwd: gross,
    deductions,
    deductionsTwd,
    netTaxableIncomeTwd: net,
    ratePercent: bracket.ratePercent,
    progressiveDifferenceTwd: bracket.quickDeduction,
    taxTwd: tax,
  };
}

/** Taiwan 綜合所得稅 for `year` in whole TWD. Throws AppError validation_failed naming the field. */
export function taiwanIncomeTax(year: number, input: TaiwanIncomeTaxInput, tables: TaxTables = shippedTaxTables()): TaiwanIncomeTaxResult {
  const t = taiwanTable(tables, year);
  const i = check(taiwanInput, input);
  return computeTaiwan(t, i.salaryTwd, i.otherIncomeTwd ?? 0, i, '');
}
