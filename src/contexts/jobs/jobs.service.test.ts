import { sql } from 'kysely';
import { afterEach, beforeEach, expect, inject, it } from 'vitest';
import { openPostgres, openSqlite, type Database } from '../../db/database.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { JobsRepo } from './jobs.repo.ts';
import { JobAbortError, JobQueue, type JobContext, type JobQueueOptions } from './index.ts';

const warnings: string[] = [];
const quiet = { warn: (obj: Record<string, unknown>, msg: string) => void warnings.push(`${msg} ${JSON.stringify(obj)}`) };

async function waitFor<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A second connection (pool) to the same database, as a second process would have. */
async function secondConnection(database: Database): Promise<Database> {
  if (database.dialect === 'sqlite') return openSqlite(database.file!);
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = '/' + rows[0]!.name;
  return openPostgres(u.toString(), 5);
}

function waitForAbort(ctx: JobContext): Promise<never> {
  return new Promise((_, reject) => {
    if (ctx.signal.aborted) reject(ctx.signal.reason);
    ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
  });
}

describeEachDialect('job queue', (get) => {
  const queues: JobQueue[] = [];
  const extra: Database[] = [];
  const make = (opts: JobQueueOptions = {}, db = get().db) => {
    const q = new JobQueue(db, { backoffBaseMs: 1, backoffMaxMs: 5, logger: quiet, ...opts });
    queues.push(q);
    return q;
  };

  beforeEach(async () => {
    await get().db.deleteFrom('jobs').execute();
    warnings.length = 0;
  });

  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop({ timeoutMs: 1000 });
    for (const d of extra.splice(0)) await d.close();
  });

  it('runs a job and stores its result and its progress while it runs', async () => {
    const q = make();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    q.register<{ n: number }>('demo.double', async (payload, ctx) => {
      await ctx.progress(0.5, 'half way');
      await gate;
      return { doubled: payload.n * 2, attempt: ctx.attempt };
    });
    const id = await q.enqueue('demo.double', { n: 21 }, { createdBy: 'u1', orgId: 7 });
    expect((await q.get(id)).status).toBe('queued');

    const run = q.runOnce();
    const mid = await waitFor(async () => {
      const j = await q.get(id);
      return j.progress === 0.5 ? j : null;
    }, 'progress to be stored');
    expect(mid).toMatchObject({ status: 'running', progressMessage: 'half way', attempts: 1 });
    expect(mid.leaseUntil).not.toBeNull();
    release();
    expect(await run).toBe(1);

    const done = await q.get(id);
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { doubled: 42, attempt: 1 },
      payload: { n: 21 },
      progress: 1,
      progressMessage: 'half way',
      createdBy: 'u1',
      orgId: 7,
      lastError: null,
      leaseUntil: null,
    });
    expect(done.finishedAt).not.toBeNull();
    expect((await q.list({ orgId: 7 })).map((j) => j.id)).toEqual([id]);
    expect(await q.list({ orgId: 8 })).toEqual([]);
  });

  it('retries a failing job and marks it dead after maxAttempts, keeping only the error message', async () => {
    const q = make();
    let calls = 0;
    q.register('demo.fail', () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    const id = await q.enqueue('demo.fail', {}, { maxAttempts: 3 });
    for (let i = 1; i <= 3; i++) {
      await waitFor(() => q.runOnce(), `attempt ${i}`);
      const j = await q.get(id);
      expect(j.attempts).toBe(i);
      expect(j.lastError).toBe(`boom ${i}`);
      expect(j.status).toBe(i < 3 ? 'queued' : 'dead');
    }
    expect(calls).toBe(3);
    expect(await q.runOnce()).toBe(0);
    expect((await q.get(id)).finishedAt).not.toBeNull();

    // A dead job can be retried by hand with fresh attempts.
    expect((await q.retry(id)).status).toBe('queued');
    await waitFor(() => q.runOnce(), 'manual retry');
    expect((await q.get(id)).attempts).toBe(1);
  });

  it('waits for the backoff before retrying and succeeds on a later attempt', async () => {
    let t = Date.parse('2026-03-01T00:00:00.000Z');
    const q = make({ clock: () => t, backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    q.register('demo.flaky', (_p, ctx) => {
      if (ctx.attempt === 1) throw new Error('transient');
      return 'ok';
    });
    const id = await q.enqueue('demo.flaky', null);
    expect(await q.runOnce()).toBe(1);
    const j = await q.get(id);
    expect(j.status).toBe('queued');
    expect(Date.parse(j.runAt)).toBeGreaterThanOrEqual(t + 30_000);
    expect(Date.parse(j.runAt)).toBeLessThanOrEqual(t + 60_000);
    expect(await q.runOnce()).toBe(0);
    t += 60_000;
    expect(await q.runOnce()).toBe(1);
    expect(await q.get(id)).toMatchObject({ status: 'succeeded', result: 'ok', attempts: 2, lastError: 'transient' });
  });

  it('gives one job for one idempotency key, also inside a transaction that rolls back', async () => {
    const q = make();
    const a = await q.enqueue('demo.once', { x: 1 }, { idempotencyKey: 'import:42' });
    const b = await q.enqueue('demo.once', { x: 2 }, { idempotencyKey: 'import:42' });
    expect(b).toBe(a);
    expect(await q.list({ type: 'demo.once' })).toHaveLength(1);
    await expect(q.enqueue('demo.other', {}, { idempotencyKey: 'import:42' })).rejects.toMatchObject({ code: 'conflict' });

    await expect(
      get().db.transaction().execute(async (tx) => {
        await q.enqueue('demo.once', {}, { idempotencyKey: 'import:43' }, tx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await q.list({ type: 'demo.once' })).toHaveLength(1);
    const c = await get().db.transaction().execute((tx) => q.enqueue('demo.once', {}, { idempotencyKey: 'import:43' }, tx));
    expect((await q.get(c)).idempotencyKey).toBe('import:43');
  });

  it('runs higher priority first and leaves jobs whose runAt is in the future', async () => {
    const q = make();
    const order: string[] = [];
    q.register<string>('demo.order', (p) => void order.push(p));
    await q.enqueue('demo.order', 'low', { priority: -1 });
    await q.enqueue('demo.order', 'later', { runAt: new Date(Date.now() + 3_600_000) });
    await q.enqueue('demo.order', 'normal');
    await q.enqueue('demo.order', 'high', { priority: 5 });
    while ((await q.runOnce({ limit: 1 })) > 0);
    expect(order).toEqual(['high', 'normal', 'low']);
    expect((await q.list({ status: 'queued' })).map((j) => j.payload)).toEqual(['later']);
  });

  it('reclaims and completes a job whose worker died holding it', async () => {
    const repo = new JobsRepo();
    const q = make();
    q.register('demo.survive', (_p, ctx) => ({ attempt: ctx.attempt }));
    const id = await q.enqueue('demo.survive', {});
    const last = await q.enqueue('demo.survive', {}, { maxAttempts: 1 });
    // Another process claims both, then is killed with kill -9: nothing finishes them.
    const now = new Date().toISOString();
    const claimed = await repo.claim(get().db, { now, leaseUntil: new Date(Date.now() + 60_000).toISOString(), workerId: 'dead-worker', limit: 10, excludeTypes: [] });
    expect(claimed.map((r) => r.id).sort()).toEqual([id, last].sort());
    expect(await q.runOnce()).toBe(0); // leases still valid: nobody else may run them
    await get().db.updateTable('jobs').set({ lease_until: new Date(Date.now() - 1000).toISOString() }).where('id', 'in', [id, last]).execute();

    expect(await q.runOnce()).toBe(1);
    const j = await q.get(id);
    expect(j).toMatchObject({ status: 'succeeded', attempts: 2, result: { attempt: 2 } });
    expect(j.workerId).not.toBe('dead-worker');
    expect(await q.get(last)).toMatchObject({ status: 'dead', attempts: 1 });
    expect((await q.get(last)).lastError).toMatch(/lease expired/);
  });

  it('does not let a worker that lost its lease overwrite the job after another worker took it over', async () => {
    const a = make();
    const b = make();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = false;
    a.register('demo.stall', async () => {
      started = true;
      await gate;
      return 'from a';
    });
    b.register('demo.stall', () => 'from b');
    const id = await a.enqueue('demo.stall', {});
    const runA = a.runOnce();
    await waitFor(() => started, 'handler to start');
    // Worker a stalls past its lease; worker b reclaims and finishes the job.
    await get().db.updateTable('jobs').set({ lease_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    expect(await b.runOnce()).toBe(1);
    release();
    await runA;
    expect(await b.get(id)).toMatchObject({ status: 'succeeded', result: 'from b', attempts: 2 });
  });

  it('aborts the handler at its timeout and fails the attempt with reason timeout', async () => {
    const q = make();
    let reason: unknown;
    q.register(
      'demo.slow',
      async (_p, ctx) => {
        try {
          await waitForAbort(ctx);
        } catch (e) {
          reason = e;
          throw e;
        }
      },
      { timeoutMs: 30, maxAttempts: 2 },
    );
    const id = await q.enqueue('demo.slow', {});
    expect(await q.runOnce()).toBe(1);
    expect(reason).toBeInstanceOf(JobAbortError);
    expect((reason as JobAbortError).kind).toBe('timeout');
    const j = await q.get(id);
    expect(j.status).toBe('queued');
    expect(j.lastError).toMatch(/^timeout/);
    await waitFor(() => q.runOnce(), 'second attempt');
    expect(await q.get(id)).toMatchObject({ status: 'dead', attempts: 2 });
  });

  it('fails a job of a type nobody registered and marks it dead after its attempts', async () => {
    const q = make();
    const id = await q.enqueue('demo.unknown', {}, { maxAttempts: 2 });
    await waitFor(() => q.runOnce(), 'first attempt');
    await waitFor(() => q.runOnce(), 'second attempt');
    expect(await q.get(id)).toMatchObject({ status: 'dead', attempts: 2, lastError: 'no handler registered for type demo.unknown' });
  });

  it('cancels a queued job at once and a running job through its abort signal', async () => {
    const q = make();
    let started = false;
    let reason: unknown;
    q.register('demo.cancel', async (_p, ctx) => {
      started = true;
      try {
        await waitForAbort(ctx);
      } catch (e) {
        reason = e;
        throw e;
      }
    });
    const queued = await q.enqueue('demo.cancel', {}, { runAt: new Date(Date.now() + 3_600_000) });
    expect((await q.cancel(queued)).status).toBe('cancelled');
    expect((await q.cancel(queued)).status).toBe('cancelled'); // idempotent

    const id = await q.enqueue('demo.cancel', {});
    const run = q.runOnce();
    await waitFor(() => started, 'handler to start');
    expect((await q.cancel(id)).status).toBe('cancelled');
    expect(await run).toBe(1);
    expect((reason as JobAbortError).kind).toBe('cancelled');
    expect(await q.get(id)).toMatchObject({ status: 'cancelled', attempts: 1, lastError: null });
    expect(await q.runOnce()).toBe(0);

    const ok = await q.enqueue('demo.done', {});
    q.register('demo.done', () => 1);
    await q.runOnce();
    await expect(q.cancel(ok)).rejects.toMatchObject({ code: 'illegal_transition' });
    await expect(q.cancel(999_999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('aborts a job running in another process when it is cancelled here', async () => {
    const other = await secondConnection(get());
    extra.push(other);
    const worker = make({ leaseMs: 60 }, other.db);
    const here = make();
    let reason: unknown;
    let started = false;
    worker.register('demo.remote', async (_p, ctx) => {
      started = true;
      try {
        await waitForAbort(ctx);
      } catch (e) {
        reason = e;
        throw e;
      }
    });
    const id = await here.enqueue('demo.remote', {});
    const run = worker.runOnce();
    await waitFor(() => started, 'handler to start');
    await here.cancel(id);
    expect(await run).toBe(1); // the worker's heartbeat notices the cancel
    expect((reason as JobAbortError).kind).toBe('cancelled');
    expect((await here.get(id)).status).toBe('cancelled');
  });

  it('gives running jobs back to the queue when stop runs out of patience', async () => {
    const q = make();
    let started = false;
    q.register('demo.stubborn', async (_p, ctx) => {
      started = true;
      await waitForAbort(ctx);
    });
    const id = await q.enqueue('demo.stubborn', {});
    q.start({ workers: 2, pollMs: 10 });
    await waitFor(() => started, 'handler to start');
    await q.stop({ timeoutMs: 20 });
    expect(await q.get(id)).toMatchObject({ status: 'queued', attempts: 0, workerId: null, leaseUntil: null });
  });

  it('never runs a job twice when two processes work the same queue', async () => {
    const other = await secondConnection(get());
    extra.push(other);
    const a = make({}, get().db);
    const b = make({}, other.db);
    const runs = new Map<number, number>();
    const active = new Set<number>();
    const byWorker = { a: 0, b: 0 };
    const handler = (who: 'a' | 'b') => async (_p: unknown, ctx: JobContext) => {
      if (active.has(ctx.jobId)) throw new Error(`job ${ctx.jobId} runs twice at once`);
      active.add(ctx.jobId);
      runs.set(ctx.jobId, (runs.get(ctx.jobId) ?? 0) + 1);
      byWorker[who]++;
      await new Promise((r) => setImmediate(r));
      active.delete(ctx.jobId);
    };
    a.register('demo.many', handler('a'));
    b.register('demo.many', handler('b'));
    a.start({ workers: 4, pollMs: 5, workerId: 'a' });
    b.start({ workers: 4, pollMs: 5, workerId: 'b' });
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) ids.push(await (i % 2 ? a : b).enqueue('demo.many', { i }));
    await waitFor(async () => (await a.list({ status: 'succeeded', limit: 500 })).length === 200, 'all 200 jobs');
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(ids);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(byWorker.a + byWorker.b).toBe(200);
    expect(warnings).toEqual([]);
  });

  it('never hands out the same job to concurrent claims from two connections', async () => {
    const other = await secondConnection(get());
    extra.push(other);
    const q = make();
    for (let i = 0; i < 100; i++) await q.enqueue('demo.claim', { i });
    const repo = new JobsRepo();
    const now = new Date().toISOString();
    const lease = new Date(Date.now() + 60_000).toISOString();
    const claims = Array.from({ length: 30 }, (_, i) =>
      repo.claim(i % 2 ? get().db : other.db, { now, leaseUntil: lease, workerId: `w${i}`, limit: 4, excludeTypes: [] }),
    );
    const claimed = (await Promise.all(claims)).flat();
    const ids = claimed.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    // Each job is held by the claimer that got it back, and by no one else.
    const held = await get().db.selectFrom('jobs').select(['id', 'worker_id']).where('status', '=', 'running').execute();
    expect(new Map(held.map((r) => [r.id as number, r.worker_id as string]))).toEqual(new Map(claimed.map((r) => [r.id, r.worker_id])));
  });

  it('claims no more jobs than asked for, whatever plan the database picks, and the best ones first', async () => {
    const q = make();
    for (let i = 0; i < 30; i++) await q.enqueue('demo.claim', { i }, { priority: i % 3 });
    const repo = new JobsRepo();
    const now = new Date(Date.now() + 1000).toISOString();
    const lease = new Date(Date.now() + 60_000).toISOString();
    const held: number[] = [];
    for (const limit of [1, 2, 5, 1]) {
      // A nested-loop plan re-runs a plain IN (…) subquery for every outer row, and each re-run skips the rows
      // this statement already took, so it took more than asked for; this is the plan PostgreSQL picks on a small
      // table it has not analysed yet. Hash and merge joins off force it.
      const rows = await get().db.transaction().execute(async (tx) => {
        if (get().dialect === 'postgres') await sql`set local enable_hashjoin = off; set local enable_mergejoin = off`.execute(tx);
        return repo.claim(tx, { now, leaseUntil: lease, workerId: 'w', limit, excludeTypes: [] });
      });
      expect(rows).toHaveLength(limit);
      expect(rows.every((r) => r.priority === 2)).toBe(true);
      held.push(...rows.map((r) => r.id));
    }
    const running = await get().db.selectFrom('jobs').select('id').where('status', '=', 'running').execute();
    expect(running.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(held.sort((a, b) => a - b));
  });

  it('limits how many jobs of one type run at once', async () => {
    const q = make();
    let active = 0;
    let peak = 0;
    q.register(
      'demo.serial',
      async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 2));
        active--;
      },
      { concurrency: 1 },
    );
    for (let i = 0; i < 5; i++) await q.enqueue('demo.serial', { i });
    q.start({ workers: 4, pollMs: 5 });
    await waitFor(async () => (await q.list({ status: 'succeeded' })).length === 5, 'five jobs');
    expect(peak).toBe(1);
    expect((await q.list()).every((j) => j.attempts === 1)).toBe(true);
  });

  it('schedule enqueues one job per period even when two processes call it', async () => {
    const other = await secondConnection(get());
    extra.push(other);
    let t = Date.parse('2026-05-01T00:00:10.000Z');
    const clock = () => t;
    const a = make({ clock });
    const b = make({ clock }, other.db);
    for (const q of [a, b]) q.register('audit.checkpoint', () => 'signed');
    const idA = await a.schedule('audit-checkpoint', 300_000, 'audit.checkpoint', {});
    const idB = await b.schedule('audit-checkpoint', 300_000, 'audit.checkpoint', {});
    expect(idB).toBe(idA);
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce()]);
    expect(await a.list({ type: 'audit.checkpoint' })).toHaveLength(1);

    t += 300_000; // next period: both processes notice it
    await Promise.all([a.runOnce(), b.runOnce()]);
    await a.runOnce();
    const jobs = await a.list({ type: 'audit.checkpoint' });
    expect(jobs).toHaveLength(2);
    expect(jobs.map((j) => j.idempotencyKey).sort()).toEqual([
      `audit-checkpoint:${Math.floor((t - 300_000) / 300_000)}`,
      `audit-checkpoint:${Math.floor(t / 300_000)}`,
    ]);
    expect(jobs.every((j) => j.status === 'succeeded')).toBe(true);
  });
});
