/** The audit context's public face: record events inside your transaction, list, checkpoint, verify. */
export { AuditService, SYSTEM_ACTOR, checkpointText } from './audit.service.ts';
export type { Actor, AuditEvent, AuditInput, VerifyReport } from './audit.service.ts';
export { registerAuditRoutes } from './audit.routes.ts';
