import type { JobQueue } from '../../jobs/index.ts';
import type { TransparencyLog } from './transparency-log.ts';

/** The scheduled job that signs registry log checkpoints (never the append path). */
export const REGISTRY_LOG_CHECKPOINT_JOB = 'registry.log.checkpoint';

/** Registers the checkpoint job's handler; the composition root schedules it (`jobs.schedule`). */
export function registerRegistryLogJobs(jobs: JobQueue, log: TransparencyLog): void {
  jobs.register(
    REGISTRY_LOG_CHECKPOINT_JOB,
    async () => {
      const c = await log.checkpoint();
      return { treeSize: c.treeSize, rootHash: c.rootHash, timestamp: c.timestamp };
    },
    { maxAttempts: 3, timeoutMs: 60_000 },
  );
}

/** The log's origin line: the host of the public URL plus `/registry`, e.g. `data.pingtan.gov.cn/registry`. */
export function registryLogOrigin(publicUrl: string): string {
  return `${new URL(publicUrl).host}/registry`;
}
