/** Proactive benefits (免申即享, issue 8): data sources, policies as data, matching runs, payouts, and the tax calculators. */
export * from './tax/index.ts';
export type { MatchedCandidate, CandidateSink } from './candidates.ts';
export { SourcesService, SOURCE_SCOPES } from './sources/sources.service.ts';
export type { BatchDto as BenefitsBatchDto, RejectDto as BenefitsRejectDto } from './sources/sources.service.ts';
export { SOURCE_KINDS } from './sources/kinds.ts';
export { PoliciesService, POLICY_SCOPES } from './policies/policies.service.ts';
export type { PolicyVersionDto } from './policies/policies.service.ts';
export type { PolicyDocument } from './policies/policy.model.ts';
export { MatchingService, MATCH_JOB, RUN_SCOPES } from './matching/matching.service.ts';
export type { RunDto as BenefitsRunDto, RunResultDto as BenefitsRunResultDto } from './matching/matching.service.ts';
export { registerEngineRoutes } from './engine.routes.ts';
export { seedBenefitsDemo } from './benefits.demo.ts';
export * from './payouts/public.ts';
