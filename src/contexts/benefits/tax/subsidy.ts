/**
 * The Taiwan residents' IIT subsidy (台湾居民个人所得税税负差额补贴) of one person-year. Two rules:
 * - 'burden-difference' (default): max(0, mainland IIT actually paid − the tax the same income bears under Taiwan's
 *   rules, converted to CNY);
 * - 'share-of-tax' (闽政文〔2012〕317号): sharePercent (default 20) % of the IIT actually paid.
 * Business income (经营所得) counts only with more than 183 days of residence. Works in fen / whole TWD; yuan in and out.
 */
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { fxRate } from './fx.ts';
import { checkSubsidyInput, invalid, subsidyInput } from './input.ts';
import { computeMainland, computeSpecialAdditional, mainlandTable, type TaxLineItem, type MainlandIitResult, type SpecialAdditionalDeductionCounts } from './mainland.ts';
import { divRoundHalfUp, fenToTwd, fenToYuan, RATE_SCALE, rateToMicros, twdToFen, yuanToFen } from './money.ts';
import { shippedTaxTables, type TaxTables } from './tables.ts';
import { computeTaiwan, taiwanTable, type TaiwanHousehold, type TaiwanIncomeTaxResult } from './taiwan.ts';

export type SubsidyRule = 'burden-difference' | 'share-of-tax';
export const SUBSIDY_RULES: readonly SubsidyRule[] = ['burden-difference', 'share-of-tax'];
export const DEFAULT_SHARE_PERCENT = 20;
/** Residence days above which business income counts. */
export const BUSINESS_RESIDENCE_DAYS = 183;
export const DEFAULT_POLICY_LABEL = 'tw-iit-subsidy';
/** The top-level fields a person-year may have. */
export const SUBSIDY_INPUT_FIELDS: readonly string[] = Object.keys(subsidyInput.shape);

export interface SubsidyInput {
  year: number;
  wagesCny: number;
  /** 劳务报酬, 稿酬, 特许权使用费: added to comprehensive income as given. */
  otherIncomeCny?: number;
  /** 经营所得: counts for the subsidy only when residenceDays > 183. */
  businessIncomeCny?: number;
  /** IIT actually paid in the zone on all the income above. */
  mainlandTaxPaidCny: number;
  /** The part of mainlandTaxPaidCny paid on business income (default: the computed business-income tax); removed from the tax paid when business income does not count. */
  businessTaxPaidCny?: number;
  /** Default: the configured rate of that year (tables/fx.json). */
  fxTwdPerCny?: number;
  rule?: SubsidyRule;
  /** share-of-tax only; default 20. */
  sharePercent?: number;
  residenceDays?: number;
  specialDeductionsCny?: number;
  specialAdditionalDeductionsCny?: number;
  /** Instead of specialAdditionalDeductionsCny: what entitles the person to them (computed with the year's table). */
  specialAdditionalDeductions?: SpecialAdditionalDeductionCounts;
  otherDeductionsCny?: number;
  taiwan?: TaiwanHousehold;
}

export interface SubsidyBreakdown {
  mainland: MainlandIitResult & {
    specialAdditionalDeductionItems?: TaxLineItem[];
    taxPaidCny: number;
    /** taxCny − taxPaidCny. */
    differenceCny: number;
    /** The computed tax differs from the tax paid by more than 1 CNY. */
    differsFromPaid: boolean;
  };
  taiwan: TaiwanIncomeTaxResult & { taxCny: number };
  fx: { year: number; twdPerCny: number; source: string };
  subsidy: {
    rule: SubsidyRule;
    sharePercent?: number;
    businessIncome: 'none' | 'included' | 'excluded';
    residenceDays: number | null;
    taxPaidCny: number;
    /** Tax paid on business income that does not count, removed from the tax paid. */
    excludedBusinessTaxCny: number;
    eligibleTaxPaidCny: number;
    formula: string;
    subsidyCny: number;
    taxFree: true;
  };
  notes: string[];
}

export interface SubsidyResult {
  /** Mainland IIT computed from the tables (comprehensive + business income). */
  mainlandTaxCny: number;
  /** Mainland IIT actually paid (the input), which the rules use. */
  mainlandTaxPaidCny: number;
  taiwanTaxTwd: number;
  taiwanTaxCny: number;
  subsidyCny: number;
  rule: SubsidyRule;
  policyVersion: string;
  breakdown: SubsidyBreakdown;
}

const TAX_FREE_NOTE = 'the subsidy itself is exempt from individual income tax / 补贴免征个人所得税';

/** Digests by tables, then rule, then year (no key built per call). */
const digests = new WeakMap<TaxTables, Map<string, Map<number, string>>>();

/** First 12 hex of SM3 over the canonical JSON of the year's tables (mainland, Taiwan, configured FX) and the rule. */
export function tablesDigest(year: number, rule: SubsidyRule, tables: TaxTables = shippedTaxTables()): string {
  let byRule = digests.get(tables);
  if (!byRule) digests.set(tables, (byRule = new Map()));
  let byYear = byRule.get(rule);
  if (!byYear) byRule.set(rule, (byYear = new Map()));
  let d = byYear.get(year);
  if (!d) {
    const material = { mainland: mainlandTable(tables, year), taiwan: taiwanTable(tables, year), fx: tables.fx.rates[String(year)] ?? null, rule };
    d = sm3(canonicalJson(material)).slice(0, 12);
    byYear.set(year, d);
  }
  return d;
}

const fen = (yuan: number | undefined): number => (yuan === undefined ? 0 : yuanToFen(yuan)!);
const yuanText = (f: number): string => fenToYuan(f).toFixed(2);

/**
 * The subsidy of one person-year with every figure and deduction in the breakdown. `opts.policyVersion` replaces the
 * policy label of policyVersion ('tw-iit-subsidy/2024@<digest>'); `opts.tables` replaces the shipped tables.
 * Throws AppError validation_failed naming the field.
 */
export function computeSubsidy(input: SubsidyInput, opts: { policyVersion?: string; tables?: TaxTables } = {}): SubsidyResult {
  const tables = opts.tables ?? shippedTaxTables();
  const i = checkSubsidyInput(input);
  if (!tables.years.includes(i.year)) throw invalid('year', `no tax tables for ${i.year} (available: ${tables.years.join(', ')})`, { available: tables.years });
  const mt = mainlandTable(tables, i.year);
  const tt = taiwanTable(tables, i.year);
  const rule: SubsidyRule = i.rule ?? 'burden-difference';
  if (i.sharePercent !== undefined && rule !== 'share-of-tax') throw invalid('sharePercent', 'only with rule "share-of-tax"');
  const notes: string[] = [];

  const fx = i.fxTwdPerCny === undefined ? fxRate(i.year, tables) : { twdPerCny: i.fxTwdPerCny, source: 'input' };
  const rateMicros = rateToMicros(fx.twdPerCny);
  if (rateMicros === 0) throw invalid('fxTwdPerCny', 'must be at least 0.000001');
  const twdPerCny = rateMicros / RATE_SCALE;
  if (twdPerCny !== fx.twdPerCny) notes.push(`fxTwdPerCny rounded to 6 decimals: ${twdPerCny}`);

  let specialAdditionalFen = fen(i.specialAdditionalDeductionsCny);
  let specialAdditionalDeductionItems: TaxLineItem[] | undefined;
  if (i.specialAdditionalDeductions) {
    if (i.specialAdditionalDeductionsCny !== undefined) throw invalid('specialAdditionalDeductions', 'give either specialAdditionalDeductionsCny or specialAdditionalDeductions, not both');
    const sad = computeSpecialAdditional(mt, i.specialAdditionalDeductions);
    specialAdditionalFen = yuanToFen(sad.totalCny)!;
    specialAdditionalDeductionItems = sad.items;
  }

  const wages = fen(i.wagesCny);
  const other = fen(i.otherIncomeCny);
  const business = fen(i.businessIncomeCny);
  const paid = fen(i.mainlandTaxPaidCny);
  const m = computeMainland(mt, { wages, other, business, special: fen(i.specialDeductionsCny), specialAdditional: specialAdditionalFen, otherDeductions: fen(i.otherDeductionsCny) });
  notes.push(...m.result.notes);
  const differsFromPaid = Math.abs(m.taxFen - paid) > 100;
  if (differsFromPaid) notes.push(`the computed mainland tax ${yuanText(m.taxFen)} differs from the tax actually paid ${yuanText(paid)} by more than 1 CNY; the rules use the tax paid / 计算税额与实缴税额相差超过1元，按实缴税额计算`);

  const residenceDays = i.residenceDays ?? null;
  const businessIncluded = business > 0 && residenceDays !== null && residenceDays > BUSINESS_RESIDENCE_DAYS;
  let excludedBusinessTax = 0;
  if (business > 0 && !businessIncluded) {
    excludedBusinessTax = Math.min(paid, i.businessTaxPaidCny === undefined ? m.businessTaxFen : fen(i.businessTaxPaidCny));
    notes.push(
      (residenceDays === null
        ? 'business income excluded: residenceDays not given (it counts only with more than 183 days of residence)'
        : `business income excluded: ${residenceDays} days of residence, not more than ${BUSINESS_RESIDENCE_DAYS} / 居住未超过183天，经营所得不计入`) +
        `; its tax ${yuanText(excludedBusinessTax)} (${i.businessTaxPaidCny === undefined ? 'computed' : 'businessTaxPaidCny'}) is removed from the tax paid`,
    );
  } else if ((i.businessTaxPaidCny ?? 0) > 0 && business === 0) throw invalid('businessTaxPaidCny', 'tax on business income without businessIncomeCny');
  const eligiblePaid = paid - excludedBusinessTax;

  const salaryTwd = fenToTwd(wages, rateMicros);
  const otherTwd = fenToTwd(other, rateMicros) + (businessIncluded ? fenToTwd(business, rateMicros) : 0);
  const tw = computeTaiwan(tt, salaryTwd, otherTwd, i.taiwan ?? {});
  tw.income[0]!.note = `wages ${yuanText(wages)} CNY × ${twdPerCny}`;
  const twOther = tw.income[1];
  if (twOther) twOther.note = `(other ${yuanText(other)}${businessIncluded ? ` + business ${yuanText(business)}` : ''}) CNY × ${twdPerCny}, each rounded to whole TWD`;
  const taiwanTaxFen = twdToFen(tw.taxTwd, rateMicros);

  let subsidyFen: number;
  let formula: string;
  let sharePercent: number | undefined;
  if (rule === 'burden-difference') {
    subsidyFen = Math.max(0, eligiblePaid - taiwanTaxFen);
    formula = `max(0, ${yuanText(eligiblePaid)} − ${yuanText(taiwanTaxFen)}) = ${yuanText(subsidyFen)}`;
  } else {
    sharePercent = i.sharePercent ?? DEFAULT_SHARE_PERCENT;
    subsidyFen = divRoundHalfUp(eligiblePaid * Math.round(sharePercent * 100), 10000);
    formula = `${yuanText(eligiblePaid)} × ${sharePercent}% = ${yuanText(subsidyFen)}`;
  }
  notes.push(TAX_FREE_NOTE);

  const label = opts.policyVersion ?? DEFAULT_POLICY_LABEL;
  // The breakdown extends the calculators' own fresh results in place, field after field, rather than copying them
  // with object spreads: the same objects with the same keys in the same order (as JSON: the same text), at a
  // fraction of the cost per person-year (a matching run computes one per taxpayer).
  const mainland = m.result as SubsidyBreakdown['mainland'];
  if (specialAdditionalDeductionItems) mainland.specialAdditionalDeductionItems = specialAdditionalDeductionItems;
  mainland.taxPaidCny = fenToYuan(paid);
  mainland.differenceCny = fenToYuan(m.taxFen - paid);
  mainland.differsFromPaid = differsFromPaid;
  const taiwan = tw as SubsidyBreakdown['taiwan'];
  taiwan.taxCny = fenToYuan(taiwanTaxFen);
  const subsidy = { rule } as SubsidyBreakdown['subsidy'];
  if (sharePercent !== undefined) subsidy.sharePercent = sharePercent;
  subsidy.businessIncome = business === 0 ? 'none' : businessIncluded ? 'included' : 'excluded';
  subsidy.residenceDays = residenceDays;
  subsidy.taxPaidCny = fenToYuan(paid);
  subsidy.excludedBusinessTaxCny = fenToYuan(excludedBusinessTax);
  subsidy.eligibleTaxPaidCny = fenToYuan(eligiblePaid);
  subsidy.formula = formula;
  subsidy.subsidyCny = fenToYuan(subsidyFen);
  subsidy.taxFree = true;
  return {
    mainlandTaxCny: fenToYuan(m.taxFen),
    mainlandTaxPaidCny: fenToYuan(paid),
    taiwanTaxTwd: tw.taxTwd,
    taiwanTaxCny: fenToYuan(taiwanTaxFen),
    subsidyCny: fenToYuan(subsidyFen),
    rule,
    policyVersion: `${label}/${i.year}@${tablesDigest(i.year, rule, tables)}`,
    breakdown: {
      mainland,
      taiwan,
      fx: { year: i.year, twdPerCny, source: fx.source },
      subsidy,
      notes,
    },
  };
}
