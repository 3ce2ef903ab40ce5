/** cases/ and workflow/ as the rest of the platform sees them (re-exported by services/index.ts). */
export { CaseService, TIMER_JOB as CASE_TIMER_JOB, DEADLINE_SCAN_JOB as CASE_DEADLINE_SCAN_JOB, type CaseArchivePackage, type CaseDeps, type CaseDto, type CaseSummary, type InboxItem, type StatisticsRow } from './cases.service.ts';
export { registerCaseRoutes } from './cases.routes.ts';
export { ExchangePrefillSource, PREFILL_PURPOSE, SERVICE_HALL_ORG, prefillFieldsByDataset, type PrefillDataset } from './prefill.ts';
export type { ConsentDto, ConsentState, PrefillLookupDto } from './consent.service.ts';
export type { CaseEvent, CaseEventListener } from './events.ts';
export { seedCasesDemo } from './cases.demo.ts';
export type { ApplicantIdentity, CaseItem, IdentitySource, ItemSource, PrefilledValue, PrefillPlan, PrefillProvenance, PrefillSource } from './ports.ts';
export { fold as foldProcess, allowedActions as allowedProcessActions, type ProcessState } from '../workflow/engine.ts';
export { loadDefinitions as loadProcessDefinitions, type ProcessDefinition } from '../workflow/definition.ts';
