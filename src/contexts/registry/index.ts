/**
 * The registry context's public face: the data property registry (数据产权登记) — applications and
 * review, certificates and their verification, pledges and transactions, public data authorised
 * operation, public query and DCAT export — and its transparency log.
 */
export { RegistryService, actorOfPrincipal } from './registry.service.ts';
export type { ApplicationDto, ApplicationInput, DataDescription, OrgDirectory, RegistryDeps, RegistryLog, RegistrationStatus, RightClaim } from './registry.service.ts';
export { RegistryPublic } from './registry.public.ts';
export type { PublicStatus, VerificationResult } from './registry.public.ts';
export { OperationService } from './registry.operation.ts';
export { loadRegistryConfig, parseRegistryConfig } from './registry.config.ts';
export type { RegistryConfig } from './registry.config.ts';
export { isValidRegistrationNumber, mod112Check } from './registry.numbers.ts';
export { registerRegistryRoutes } from './registry.routes.ts';
export { renderCertificatePdf } from './registry.pdf.ts';
export { seedRegistryDemo } from './registry.demo.ts';
export type { DemoPrincipals } from './registry.demo.ts';
export * from './log/index.ts';
