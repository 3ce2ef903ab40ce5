/**
 * The customs context's public face (数据海关). So far: the classification catalog, the free-trade-zone
 * lists and the cross-border assessment rules; declarations, the person ledger and clearances follow.
 */
export { assess, parseScenario, OUTCOMES, PERSONAL_CONTRACT_THRESHOLD, PERSONAL_ASSESSMENT_THRESHOLD, SENSITIVE_ASSESSMENT_THRESHOLD } from './rules/assess.ts';
export type { AssessOptions, Decision, Outcome, Scenario } from './rules/assess.ts';
export { getCatalog, labelColumn, overallGrade } from './rules/catalog.ts';
export { getDefaultLists } from './rules/lists.ts';
export { LedgerService, type LedgerAddition, type LedgerPerson, type LedgerResult, type LedgerTotals } from './ledger/ledger.service.ts';
