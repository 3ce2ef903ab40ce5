/** Pure tax calculators of the benefits context: mainland IIT, Taiwan 綜合所得稅, CNY↔TWD per year, the IIT subsidy rules. */
export { computeSubsidy, tablesDigest, SUBSIDY_INPUT_FIELDS, SUBSIDY_RULES, DEFAULT_SHARE_PERCENT, BUSINESS_RESIDENCE_DAYS } from './subsidy.ts';
export type { SubsidyInput, SubsidyResult, SubsidyRule, SubsidyBreakdown } from './subsidy.ts';
export { mainlandIit, specialAdditionalDeductions } from './mainland.ts';
export type { MainlandIitInput, MainlandIitResult, SpecialAdditionalDeductionCounts, SpecialAdditionalDeductionsResult, TaxLineItem } from './mainland.ts';
export { taiwanIncomeTax } from './taiwan.ts';
export type { TaiwanHousehold, TaiwanIncomeTaxInput, TaiwanIncomeTaxResult } from './taiwan.ts';
export { fxRate } from './fx.ts';
export type { FxRate } from './fx.ts';
export { loadTaxTables, shippedTaxTables, DEFAULT_TABLES_DIR } from './tables.ts';
export type { TaxTables, MainlandTable, TaiwanTable } from './tables.ts';
