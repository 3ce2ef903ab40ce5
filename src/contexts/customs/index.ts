/**
 * The customs context's public face (数据海关). So far: the classification catalog, the free-trade-zone
 * lists and the cross-border assessment rules; declarations, the person ledger and clearances follow.
 */
export { assess, parseScenario, OUTCOMES, PERSONAL_CONTRACT_THRESHOLD, PERSONAL_ASSESSMENT_THRESHOLD, SENSITIVE_ASSESSMENT_THRESHOLD } from './rules/assess.ts';
export type { AssessOptions, Decision, Outcome, Scenario } from './rules/assess.ts';
export { getCatalog, labelColumn, overallGrade } from './rules/catalog.ts';
export { getDefaultLists } from './rules/lists.ts';
export { registerAssessRoutes, ASSESS_SCOPE } from './rules/assess.routes.ts';
export { registerReferenceRoutes } from './rules/reference.routes.ts';
export { LedgerService, type LedgerAddition, type LedgerPerson, type LedgerResult, type LedgerTotals } from './ledger/ledger.service.ts';
export { DeclarationService, DECLARATION_SCAN_JOB, SCOPES as DECLARATION_SCOPES } from './declarations/declarations.service.ts';
export type { DeclarationDto, ClearancePayload, VerifyResult } from './declarations/declarations.service.ts';
export { registerDeclarationRoutes } from './declarations/declarations.routes.ts';
export { clearancePdf } from './declarations/printouts.ts';
export { ReferenceService, REFERENCE_WRITE_SCOPE } from './reference/reference.service.ts';
export { registerReferenceVersionRoutes } from './reference/reference.routes.ts';
