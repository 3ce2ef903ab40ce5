/**
 * The transparency log's surface inside the registry context; `registry/index.ts` re-exports it for
 * the composition root, the CLI and anyone verifying offline.
 */
export { TransparencyLog, checkpointText, type Checkpoint, type LogEntry } from './transparency-log.ts';
export { verifyLog, type LogProblem, type LogVerifyReport } from './log.verify.ts';
export { hashLeaf, hashChildren, verifyConsistency, verifyInclusion } from './merkle.ts';
export { registerRegistryLogRoutes } from './log.routes.ts';
export { REGISTRY_LOG_CHECKPOINT_JOB, registerRegistryLogJobs, registryLogOrigin } from './log.jobs.ts';
