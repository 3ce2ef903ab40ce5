/**
 * Mainland individual income tax (个人所得税) of a resident individual for one tax year: comprehensive income (综合所得)
 * with the basic deduction, special deductions, special additional deductions and other deductions, and business
 * income (经营所得) on its own table. Works in integer fen; the public functions take and give yuan.
 */
import { invalid, check, mainlandInput, specialAdditionalCounts } from './input.ts';
import { LABELS, type Label } from './labels.ts';
import { fenToYuan, yuanToFen } from './money.ts';
import { applyBrackets, mainlandBrackets, shippedTaxTables, type MainlandTable, type TaxTables } from './tables.ts';

export interface TaxLineItem {
  key: string;
  label: Label;
  cny: number;
  note?: string;
}

export interface MainlandIitInput {
  wagesCny: number;
  /** 劳务报酬, 稿酬, 特许权使用费: added to comprehensive income as given. */
  otherIncomeCny?: number;
  /** 经营所得 (net of costs), taxed on its own table. */
  businessIncomeCny?: number;
  specialDeductionsCny?: number;
  specialAdditionalDeductionsCny?: number;
  otherDeductionsCny?: number;
}

export interface MainlandIitResult {
  year: number;
  comprehensive: {
    income: TaxLineItem[];
    incomeCny: number;
    deductions: TaxLineItem[];
    deductionsCny: number;
    taxableIncomeCny: number;
    ratePercent: number;
    quickDeductionCny: number;
    taxCny: number;
  };
  business: { label: Label; incomeCny: number; deductionsCny: number; taxableIncomeCny: number; ratePercent: number; quickDeductionCny: number; taxCny: number } | null;
  /** Comprehensive-income tax + business-income tax. */
  taxCny: number;
  notes: string[];
}

export const OTHER_INCOME_NOTE =
  'otherIncomeCny is added to comprehensive income as given: the statutory 20% expense reduction (and 30% for author’s remuneration) is not applied — give the amount after it / 其他综合所得按输入金额计入，未再减除20%费用';

/** Amounts in fen, for the subsidy calculator. */
export interface MainlandFen {
  wages: number;
  other: number;
  business: number;
  special: number;
  specialAdditional: number;
  otherDeductions: number;
}

export function mainlandTable(tables: TaxTables, year: number): MainlandTable {
  const t = tables.mainland.get(year);
  if (!t) throw invalid('year', `no mainland tax table for ${year} (available: ${[...tables.mainland.keys()].sort().join(', ')})`, { available: [...tables.mainland.keys()].sort() });
  return t;
}

export function computeMainland(t: MainlandTable, a: MainlandFen): { result: MainlandIitResult; taxFen: number; businessTaxFen: number } {
  const { comprehensive: cBrackets, business: bBrackets } = mainlandBrackets(t);
  const notes: string[] = [];
  const incomeFen = a.wages + a.other;
  const income: TaxLineItem[] = [{ key: 'wages', label: LABELS.wages, cny: fenToYuan(a.wages) }];
  if (a.other > 0) {
    income.push({ key: 'otherIncome', label: LABELS.otherIncome, cny: fenToYuan(a.other), note: OTHER_INCOME_NOTE });
    notes.push(OTHER_INCOME_NOTE);
  }
  const basicFen = t.comprehensiveIncome.basicDeductionCny * 100;
  const deductions: TaxLineItem[] = [
    { key: 'basicDeduction', label: LABELS.basicDeduction, cny: fenToYuan(basicFen) },
    { key: 'specialDeductions', label: LABELS.specialDeductions, cny: fenToYuan(a.special) },
    { key: 'specialAdditionalDeductions', label: LABELS.specialAdditionalDeductions, cny: fenToYuan(a.specialAdditional) },
    { key: 'otherDeductions', label: LABELS.otherDeductions, cny: fenToYuan(a.otherDeductions) },
  ];
  const deductionsFen = basicFen + a.special + a.specialAdditional + a.otherDeductions;
  // 没有综合所得的 (no comprehensive income): the deductions are taken from business income instead.
  const deductionsOnBusiness = incomeFen === 0 && a.business > 0;
  const taxableFen = deductionsOnBusiness ? 0 : Math.max(0, incomeFen - deductionsFen);
  const c = applyBrackets(cBrackets, taxableFen);
  let business: MainlandIitResult['business'] = null;
  let businessTaxFen = 0;
  if (a.business > 0) {
    const bDeductions = deductionsOnBusiness ? deductionsFen : 0;
    const bTaxable = Math.max(0, a.business - bDeductions);
    const b = applyBrackets(bBrackets, bTaxable);
    businessTaxFen = b.tax;
    business = {
      label: LABELS.businessIncome,
      incomeCny: fenToYuan(a.business),
      deductionsCny: fenToYuan(bDeductions),
      taxableIncomeCny: fenToYuan(bTaxable),
      ratePercent: b.bracket.ratePercent,
      quickDeductionCny: fenToYuan(b.bracket.quickDeduction),
      taxCny: fenToYuan(b.tax),
    };
    if (deductionsOnBusiness) notes.push('no comprehensive income: the basic, special, special additional and other deductions are taken from business income / 没有综合所得，减除费用从经营所得中扣除');
  }
  const result: MainlandIitResult = {
    year: t.year,
    comprehensive: {
      income,
      incomeCny: fenToYuan(incomeFen),
      deductions,
      deductionsCny: fenToYuan(deductionsFen),
      taxableIncomeCny: fenToYuan(taxableFen),
      ratePercent: c.bracket.ratePercent,
      quickDeductionCny: fenToYuan(c.bracket.quickDeduction),
      taxCny: fenToYuan(c.tax),
    },
    business,
    taxCny: fenToYuan(c.tax + businessTaxFen),
    notes,
  };
  return { result, taxFen: c.tax + businessTaxFen, businessTaxFen };
}

const fen = (yuan: number | undefined): number => (yuan === undefined ? 0 : yuanToFen(yuan)!);

/** Mainland IIT for `year` (yuan in, yuan out, exact to the fen). Throws AppError validation_failed naming the field. */
export function mainlandIit(year: number, input: MainlandIitInput, tables: TaxTables = shippedTaxTables()): MainlandIitResult {
  const t = mainlandTable(tables, year);
  const i = check(mainlandInput, input);
  return computeMainland(t, {
    wages: fen(i.wagesCny),
    other: fen(i.otherIncomeCny),
    business: fen(i.businessIncomeCny),
    special: fen(i.specialDeductionsCny),
    specialAdditional: fen(i.specialAdditionalDeductionsCny),
    otherDeductions: fen(i.otherDeductionsCny),
  }).result;
}

/** What entitles a person to special additional deductions (专项附加扣除) for a whole tax year. */
export interface SpecialAdditionalDeductionCounts {
  /** Children under 3 (3岁以下婴幼儿照护). */
  infants?: number;
  /** Children in full-time education from age 3 (子女教育). */
  children?: number;
  /** Share of each child's deduction this parent claims: 100 (one parent) or 50 (split). Default 100. */
  childSharePercent?: 50 | 100;
  /** 赡养老人 as the only child (the full amount). */
  elderlyOnlyChild?: boolean;
  /** 赡养老人 shared with siblings: this person's monthly share (at most the table's cap, 1,500). */
  elderlySharedMonthlyCny?: number;
  /** Months of degree continuing education in the year (学历继续教育). */
  continuingEducationDegreeMonths?: number;
  /** A vocational qualification certificate obtained this year (职业资格继续教育). */
  vocationalCertificate?: boolean;
  /** Months of first-home loan interest (住房贷款利息). */
  housingLoanInterestMonths?: number;
  /** Rent by city tier: tier1 = municipalities, provincial capitals, separately planned cities; tier2 = other cities over 1 million; tier3 = the rest. */
  housingRent?: { tier: 'tier1' | 'tier2' | 'tier3'; months?: number };
  /** Self-paid medical expenses within the medical-insurance catalogue (大病医疗). */
  seriousIllnessSelfPaidCny?: number;
}

export interface SpecialAdditionalDeductionsResult {
  year: number;
  items: TaxLineItem[];
  totalCny: number;
}

/** 专项附加扣除 for a whole year from what entitles the person to them, itemised (amounts per the year's table). */
export function specialAdditionalDeductions(year: number, counts: SpecialAdditionalDeductionCounts, tables: TaxTables = shippedTaxTables()): SpecialAdditionalDeductionsResult {
  const t = mainlandTable(tables, year);
  return computeSpecialAdditional(t, check(specialAdditionalCounts, counts));
}

export function computeSpecialAdditional(t: MainlandTable, c: SpecialAdditionalDeductionCounts, at = 'specialAdditionalDeductions'): SpecialAdditionalDeductionsResult {
  const s = t.specialAdditionalDeductions;
  const items: TaxLineItem[] = [];
  const add = (key: keyof typeof LABELS, fenAmount: number, note: string) => {
    if (fenAmount > 0) items.push({ key, label: LABELS[key], cny: fenToYuan(fenAmount), note });
  };
  const share = c.childSharePercent ?? 100;
  const infants = c.infants ?? 0;
  const children = c.children ?? 0;
  add('infantCare', (infants * s.infantCarePerChildMonthlyCny * 12 * 100 * share) / 100, `${infants} × ${s.infantCarePerChildMonthlyCny}/month × 12 × ${share}%`);
  add('childrenEducation', (children * s.childrenEducationPerChildMonthlyCny * 12 * 100 * share) / 100, `${children} × ${s.childrenEducationPerChildMonthlyCny}/month × 12 × ${share}%`);
  if (c.elderlyOnlyChild && c.elderlySharedMonthlyCny !== undefined) throw invalid(`${at}.elderlySharedMonthlyCny`, 'give either elderlyOnlyChild or a shared monthly amount, not both');
  if (c.elderlyOnlyChild) add('elderlySupport', s.elderlySupportOnlyChildMonthlyCny * 12 * 100, `only child: ${s.elderlySupportOnlyChildMonthlyCny}/month × 12`);
  if (c.elderlySharedMonthlyCny !== undefined) {
    if (c.elderlySharedMonthlyCny > s.elderlySupportSharedMaxMonthlyCny) throw invalid(`${at}.elderlySharedMonthlyCny`, `a shared amount is at most ${s.elderlySupportSharedMaxMonthlyCny} a month`);
    add('elderlySupport', yuanToFen(c.elderlySharedMonthlyCny)! * 12, `shared: ${c.elderlySharedMonthlyCny}/month × 12 (cap ${s.elderlySupportSharedMaxMonthlyCny})`);
  }
  const degreeFen = (c.continuingEducationDegreeMonths ?? 0) * s.continuingEducationDegreeMonthlyCny * 100;
  const certificateFen = c.vocationalCertificate ? s.continuingEducationCertificateCny * 100 : 0;
  add('continuingEducation', degreeFen + certificateFen, `degree ${c.continuingEducationDegreeMonths ?? 0} months × ${s.continuingEducationDegreeMonthlyCny}` + (certificateFen ? ` + certificate ${s.continuingEducationCertificateCny}` : ''));
  if ((c.housingLoanInterestMonths ?? 0) > 0 && c.housingRent) throw invalid(`${at}.housingRent`, 'housing loan interest and housing rent cannot both be deducted in one year');
  const loanMonths = c.housingLoanInterestMonths ?? 0;
  add('housingLoanInterest', loanMonths * s.housingLoanInterestMonthlyCny * 100, `${loanMonths} months × ${s.housingLoanInterestMonthlyCny}`);
  if (c.housingRent) {
    const m = c.housingRent.months ?? 12;
    const monthly = s.housingRentMonthlyCny[c.housingRent.tier];
    add('housingRent', m * monthly * 100, `${c.housingRent.tier}: ${m} months × ${monthly}`);
  }
  if (c.seriousIllnessSelfPaidCny !== undefined) {
    const over = Math.max(0, yuanToFen(c.seriousIllnessSelfPaidCny)! - s.seriousIllnessThresholdCny * 100);
    add('seriousIllness', Math.min(over, s.seriousIllnessMaxCny * 100), `self-paid above ${s.seriousIllnessThresholdCny}, at most ${s.seriousIllnessMaxCny}`);
  }
  const totalFen = items.reduce((sum, i) => sum + yuanToFen(i.cny)!, 0);
  return { year: t.year, items, totalCny: fenToYuan(totalFen) };
}
