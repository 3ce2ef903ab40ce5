import type { Kysely } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type { JobRow, JobsTables, NewJobRow } from './jobs.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<JobsTables>;

/**
 * Identifies one claim of a job. Every write a worker makes about a job it runs is conditioned on
 * the fence, so a worker that lost the job (cancelled, or its lease expired and someone else took
 * it over) can never overwrite what the current owner or the canceller wrote.
 */
export interface Fence {
  id: number;
  workerId: string;
  attempt: number;
}

const changed = (r: { numUpdatedRows: bigint }) => r.numUpdatedRows > 0n;

export class JobsRepo {
  /** Inserts a job; with an idempotency key that is already taken, inserts nothing and returns undefined. */
  async insert(e: Executor, row: NewJobRow): Promise<number | undefined> {
    let ins = q(e).insertInto('jobs').values(row);
    if (row.idempotency_key != null) ins = ins.onConflict((oc) => oc.column('idempotency_key').doNothing());
    const r = await ins.returning('id').executeTakeFirst();
    return r?.id;
  }

  async byIdempotencyKey(e: Executor, key: string): Promise<{ id: number; type: string } | undefined> {
    return q(e).selectFrom('jobs').select(['id', 'type']).where('idempotency_key', '=', key).executeTakeFirst();
  }

  async get(e: Executor, id: number): Promise<JobRow | undefined> {
    return q(e).selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(
    e: Executor,
    f: { status?: string | undefined; type?: string | undefined; orgId?: number | undefined; beforeId?: number | undefined; limit: number },
  ): Promise<JobRow[]> {
    let query = q(e).selectFrom('jobs').selectAll();
    if (f.status) query = query.where('status', '=', f.status);
    if (f.type) query = query.where('type', '=', f.type);
    if (f.orgId !== undefined) query = query.where('org_id', '=', f.orgId);
    if (f.beforeId !== undefined) query = query.where('id', '<', f.beforeId);
    return query.orderBy('id', 'desc').limit(f.limit).execute();
  }

  /**
   * Claims up to `limit` ready jobs in one statement, best priority first. On PostgreSQL the
   * SELECT … FOR UPDATE SKIP LOCKED lets concurrent claimers pass each other without blocking or
   * double-claiming; a row another claimer committed meanwhile is re-checked and no longer matches
   * `status = 'queued'`. On SQLite the statement is one write transaction and writers are serialised.
   */
  async claim(
    db: Executor,
    o: { now: string; leaseUntil: string; workerId: string; limit: number; excludeTypes: string[] },
  ): Promise<JobRow[]> {
    let ready = q(db).selectFrom('jobs').select('id').where('status', '=', 'queued').where('run_at', '<=', o.now);
    if (o.excludeTypes.length > 0) ready = ready.where('type', 'not in', o.excludeTypes);
    ready = ready.orderBy('priority', 'desc').orderBy('run_at').orderBy('id').limit(o.limit);
    if (dialectOf(db) === 'postgres') ready = ready.forUpdate().skipLocked();
    // The ready ids are a MATERIALIZED CTE, computed once. As a plain IN (…) subquery a nested-loop plan re-runs
    // it for each outer row, every re-run skipping the rows this statement already took, which claimed up to
    // every ready job instead of `limit` (PostgreSQL picks that plan on a small table it has not analysed).
    const rows = await q(db)
      .with((w) => w('ready').materialized(), () => ready)
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        worker_id: o.workerId,
        lease_until: o.leaseUntil,
        progress: 0,
        progress_message: null,
        started_at: o.now,
        updated_at: o.now,
      }))
      .where('id', 'in', (eb) => eb.selectFrom('ready').select('ready.id'))
      .where('status', '=', 'queued')
      .returningAll()
      .execute();
    // RETURNING has no order; hand them out in claim order.
    return rows.sort((a, b) => b.priority - a.priority || (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id - b.id));
  }

  /**
   * Jobs whose lease ran out belong to a worker that died (or stalled). Those with attempts left go
   * back to the queue at once; those on their last attempt are dead. Returns how many were touched.
   */
  async reclaimExpired(db: Executor, now: string): Promise<number> {
    const error = 'worker lost: its lease expired before the job finished';
    const dead = await q(db)
      .updateTable('jobs')
      .set({ status: 'dead', last_error: error, lease_until: null, finished_at: now, updated_at: now })
      .where('status', '=', 'running')
      .where('lease_until', '<', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .executeTakeFirst();
    const requeued = await q(db)
      .updateTable('jobs')
      .set({ status: 'queued', last_error: error, lease_until: null, worker_id: null, run_at: now, updated_at: now })
      .where('status', '=', 'running')
      .where('lease_until', '<', now)
      .executeTakeFirst();
    return Number(dead.numUpdatedRows + requeued.numUpdatedRows);
  }

  private fenced(db: Executor, f: Fence) {
    return q(db)
      .updateTable('jobs')
      .where('id', '=', f.id)
      .where('status', '=', 'running')
      .where('worker_id', '=', f.workerId)
      .where('attempts', '=', f.attempt);
  }

  /** Heartbeat: extends the lease and stores progress. False when the worker no longer holds the job. */
  async renew(db: Executor, f: Fence, o: { now: string; leaseUntil: string; progress: number; message: string | null }): Promise<boolean> {
    const r = await this.fenced(db, f)
      .set({ lease_until: o.leaseUntil, progress: o.progress, progress_message: o.message, updated_at: o.now })
      .executeTakeFirst();
    return changed(r);
  }

  async succeed(db: Executor, f: Fence, o: { now: string; result: string; message: string | null }): Promise<boolean> {
    const r = await this.fenced(db, f)
      .set({
        status: 'succeeded',
        result: o.result,
        progress: 1,
        progress_message: o.message,
        lease_until: null,
        finished_at: o.now,
        updated_at: o.now,
      })
      .executeTakeFirst();
    return changed(r);
  }

  /** A failed attempt: back to the queue at `retryAt`, or dead when `retryAt` is null. */
  async fail(db: Executor, f: Fence, o: { now: string; error: string; retryAt: string | null; message: string | null }): Promise<boolean> {
    const r = await this.fenced(db, f)
      .set(
        o.retryAt === null
          ? { status: 'dead', last_error: o.error, progress_message: o.message, lease_until: null, finished_at: o.now, updated_at: o.now }
          : { status: 'queued', last_error: o.error, progress_message: o.message, lease_until: null, worker_id: null, run_at: o.retryAt, updated_at: o.now },
      )
      .executeTakeFirst();
    return changed(r);
  }

  /** Gives a claimed job back untouched (shutdown, or claimed beyond a type's concurrency): the attempt does not count. */
  async release(db: Executor, f: Fence, now: string): Promise<boolean> {
    const r = await this.fenced(db, f)
      .set((eb) => ({
        status: 'queued',
        attempts: eb('attempts', '-', 1),
        lease_until: null,
        worker_id: null,
        run_at: now,
        updated_at: now,
      }))
      .executeTakeFirst();
    return changed(r);
  }

  /** Cancels a queued or running job; undefined when it was in neither state. */
  async cancel(db: Executor, id: number, now: string): Promise<JobRow | undefined> {
    return q(db)
      .updateTable('jobs')
      .set({ status: 'cancelled', lease_until: null, finished_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .returningAll()
      .executeTakeFirst();
  }

  /** Puts a dead or cancelled job back in the queue with a fresh set of attempts. */
  async retry(db: Executor, id: number, now: string): Promise<JobRow | undefined> {
    return q(db)
      .updateTable('jobs')
      .set({
        status: 'queued',
        attempts: 0,
        run_at: now,
        lease_until: null,
        worker_id: null,
        progress: 0,
        progress_message: null,
        finished_at: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', 'in', ['dead', 'cancelled'])
      .returningAll()
      .executeTakeFirst();
  }

  /** Deletes finished jobs (succeeded, dead, cancelled) that finished before `before`. */
  async purgeFinished(db: Executor, before: string): Promise<number> {
    const r = await q(db)
      .deleteFrom('jobs')
      .where('status', 'in', ['succeeded', 'dead', 'cancelled'])
      .where('finished_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
