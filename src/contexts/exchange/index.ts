/**
 * The exchange context's public face (数据即时互通): grants of shared datasets to consumer
 * departments, scoped credentials, the data API with evidence of every lookup (hash-chained, sealed
 * in SM2-signed batches, verifiable offline) and usage metering.
 */
export { ExchangeService, SEAL_JOB, SEAL_INTERVAL_MS, CREDENTIAL_HEADER, type DenialReason, type ExchangeDeps, type GrantDto, type LookupAnswer, type LookupInput, type PrefillLookupAnswer, type PrefillLookupInput, type UsageDto } from './exchange.service.ts';
export { registerExchangeRoutes } from './exchange.routes.ts';
export { EvidenceLog, auditEvidence, type EvidenceAuditReport, type PendingRecord } from './evidence-log.ts';
export { verifyEvidencePackage, publicKeyHexFromPem, requestHash, responseHash, type EvidencePackage, type EvidenceRequest, type EvidenceRecord, type PackageVerdict } from './evidence.ts';
export { GRANT_STATES, type GrantState } from './grants.model.ts';
export { seedPrefillGrants, type PrefillGrantsDemo } from './exchange.demo.ts';
