/**
 * Online archiving (在线归档): the `archives.collect` job pulls every unit closed or issued after its
 * watermark per source (closed service-hall cases, registry certificates, customs clearances) and archives
 * it with ArchiveService.archive, which is idempotent per (source, sourceRef). The sources are ports
 * (collect-sources.ts adapts the other contexts' read ports), so those contexts never import archives.
 *
 * Durable: the watermark (at, id) moves only after a page is handled; a unit that fails is kept in
 * archives_collect_failures and retried by later runs (up to MAX_ATTEMPTS); each run starts OVERLAP_MS
 * before the watermark, so a transaction that committed late with an earlier timestamp is still seen.
 */
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { hasScope, type Principal } from '../../kernel/principal.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { ArchiveInput, ArchiveService } from './archives.service.ts';
import { DisposalRepo } from './disposal.repo.ts';
import type { DisposalService } from './disposal.service.ts';
import type { ArchiveSource } from './metadata.ts';

export const COLLECT_JOB = 'archives.collect';
export const COLLECT_INTERVAL_MS = 60_000;
/** A unit is retried this many times; then it stays listed in the failures for an operator. */
export const MAX_ATTEMPTS = 5;
const OVERLAP_MS = 10 * 60_000;
const PAGE = 100;
const CLOSED_CASE_STATES = new Set(['approved', 'rejected', 'withdrawn']);

export interface CollectCursor {
  at: string;
  id: number;
}

/** A unit another context closed or issued, ready to be archived. */
export interface CollectUnit {
  ref: string;
  at: string;
  id: number;
}

export interface CollectSource {
  readonly name: ArchiveSource;
  /** Units closed/issued after the cursor, oldest first. */
  since(cursor: CollectCursor | null, limit: number): Promise<CollectUnit[]>;
  /** The unit as an archive input (files + DA/T 46 metadata); undefined when it is not (or no longer) there. */
  package(ref: string): Promise<ArchiveInput | undefined>;
}

export interface CollectResult {
  archived: string[];
  failed: { source: string; ref: string; error: string }[];
}

export class ArchiveCollector {
  private readonly repo = new DisposalRepo();

  constructor(
    private readonly archives: ArchiveService,
    private readonly sources: readonly CollectSource[],
    private readonly disposals?: DisposalService | undefined,
  ) {}

  /** One pass over every source: earlier failures first, then everything after the watermark. */
  async run(): Promise<CollectResult> {
    const out: CollectResult = { archived: [], failed: [] };
    for (const source of this.sources) {
      for (const f of await this.repo.failures(this.archives.db, source.name, MAX_ATTEMPTS, 50)) await this.one(source, f.source_ref, out, true);
      const stored = await this.repo.cursor(this.archives.db, source.name);
      let cursor: CollectCursor | null = stored ? { at: new Date(Math.max(0, Date.parse(stored.at) - OVERLAP_MS)).toISOString(), id: 0 } : null;
      let high = stored ? { at: stored.at, id: Number(stored.ref) } : null;
      for (;;) {
        const page = await source.since(cursor, PAGE);
        for (const u of page) await this.one(source, u.ref, out, false);
        const last = page.at(-1);
        if (last) {
          cursor = { at: last.at, id: last.id };
          if (!high || last.at > high.at || (last.at === high.at && last.id > high.id)) {
            high = { at: last.at, id: last.id };
            await this.repo.setCursor(this.archives.db, source.name, high.at, String(high.id), this.archives.now().toISOString());
          }
        }
        if (page.length < PAGE) break;
      }
    }
    if (this.disposals) await this.disposals.purgePending();
    return out;
  }

  /** Archives one unit; a unit that failed before is retried only from the failure list (at most MAX_ATTEMPTS times). */
  private async one(source: CollectSource, ref: string, out: CollectResult, retry: boolean): Promise<void> {
    if (await this.archives.repo.recordBySource(this.archives.db, source.name, ref)) {
      if (retry) await this.repo.clearFailure(this.archives.db, source.name, ref);
      return;
    }
    if (!retry && (await this.repo.failure(this.archives.db, source.name, ref))) return;
    try {
      const input = await source.package(ref);
      if (!input) return;
      const r = await this.archives.archive(undefined, input);
      await this.repo.clearFailure(this.archives.db, source.name, ref);
      if (r.created) out.archived.push(r.archivalCode);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await this.repo.recordFailure(this.archives.db, source.name, ref, error.slice(0, 2000), this.archives.now().toISOString());
      out.failed.push({ source: source.name, ref, error });
    }
  }

  /** Units that could not be archived (scope archives:audit). */
  async failures(p: Principal) {
    if (!hasScope(p, 'archives:audit')) throw new AppError('forbidden', 'archives:audit is needed to see collection failures');
    return (await this.repo.allFailures(this.archives.db, 200)).map((f) => ({ source: f.source, ref: f.source_ref, attempts: f.attempts, error: f.last_error, at: f.at, givenUp: f.attempts >= MAX_ATTEMPTS }));
  }

  /** A case-event listener (subscribe with cases.onEvent): a case that closed queues a collection at once; the schedule catches the rest. */
  caseListener(jobs: Pick<JobQueue, 'enqueue'>): (e: { caseId: number; state: string }, tx: Executor) => Promise<void> {
    // In the closing action's transaction: the collection is queued exactly when the case is closed.
    return async (e, tx) => {
      if (CLOSED_CASE_STATES.has(e.state)) await jobs.enqueue(COLLECT_JOB, {}, { idempotencyKey: `${COLLECT_JOB}:case:${e.caseId}` }, tx);
    };
  }

  /** Registers `archives.collect`; main.ts schedules it every COLLECT_INTERVAL_MS and enqueues it when a case closes. */
  registerJobs(jobs: Pick<JobQueue, 'register'>): void {
    jobs.register(COLLECT_JOB, async () => {
      const r = await this.run();
      return { archived: r.archived.length, failed: r.failed };
    }, { maxAttempts: 3, timeoutMs: 3600_000 });
  }
}
