import crypto from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { AnyDb, Executor } from '../../db/database.ts';
import { AppError, illegalTransition, notFound } from '../../kernel/errors.ts';
import { JobsRepo, type Fence } from './jobs.repo.ts';
import type { JobRow, NewJobRow } from './jobs.tables.ts';

/**
 * A failed attempt with attempts left goes back to `queued` (with `lastError` set and a later
 * `runAt`), so `queued` covers both "new" and "waiting to retry".
 */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'dead' | 'cancelled';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'dead', 'cancelled'];

export interface Job {
  id: number;
  type: string;
  payload: unknown;
  status: JobStatus;
  priority: number;
  /** Attempts started so far (the running one included). */
  attempts: number;
  maxAttempts: number;
  timeoutMs: number;
  runAt: string;
  leaseUntil: string | null;
  workerId: string | null;
  /** 0..1, for UIs to poll. */
  progress: number;
  progressMessage: string | null;
  result: unknown;
  lastError: string | null;
  idempotencyKey: string | null;
  createdBy: string | null;
  orgId: number | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobContext {
  jobId: number;
  /** 1 for the first attempt. */
  attempt: number;
  /**
   * Aborted on timeout, on cancel, on shutdown after the grace period, or when the worker lost the
   * job. `signal.reason` is a JobAbortError naming which. Handlers must stop promptly when it fires.
   */
  signal: AbortSignal;
  /** Stores progress (clamped to 0..1) and extends the lease. Writes are throttled; the last value always lands. */
  progress(fraction: number, message?: string): Promise<void>;
}

/** Returns a JSON-serialisable result (undefined is stored as null). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobHandler<P = any> = (payload: P, ctx: JobContext) => unknown;

export interface HandlerOptions {
  /** Default for jobs of this type enqueued without their own. */
  maxAttempts?: number | undefined;
  /** Default for jobs of this type enqueued without their own. */
  timeoutMs?: number | undefined;
  /** At most this many jobs of this type run at once in this queue instance. */
  concurrency?: number | undefined;
}

export interface EnqueueOptions {
  runAt?: Date | string | undefined;
  /** Higher runs first. */
  priority?: number | undefined;
  maxAttempts?: number | undefined;
  timeoutMs?: number | undefined;
  /** A second enqueue with the same key returns the first job's id instead of adding a job. */
  idempotencyKey?: string | undefined;
  createdBy?: string | null | undefined;
  orgId?: number | null | undefined;
}

export interface ListJobsFilter {
  status?: JobStatus | undefined;
  type?: string | undefined;
  orgId?: number | undefined;
  /** Page backwards: jobs with a smaller id. */
  beforeId?: number | undefined;
  /** Default 50, at most 500. */
  limit?: number | undefined;
}

export interface StartOptions {
  /** How many jobs this instance runs at once. */
  workers: number;
  /** How often to look for ready jobs when idle (default 1000). Local enqueues wake the loop at once. */
  pollMs?: number | undefined;
  workerId?: string | undefined;
}

export interface JobLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface JobQueueOptions {
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: (() => number) | undefined;
  /**
   * A claim holds the job this long; the worker renews it every leaseMs / 3 and on progress writes
   * (default 60 000). A worker killed mid-job loses it after at most this long. It bounds how long a
   * handler may block the event loop, and covers clock skew between hosts.
   */
  leaseMs?: number | undefined;
  /** Retry delay before jitter is backoffBaseMs · 2^(attempt−1), capped at backoffMaxMs. */
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  /** Defaults for types registered without their own (5 attempts, 15 minutes). */
  maxAttempts?: number | undefined;
  timeoutMs?: number | undefined;
  /** Minimum time between progress writes of one job (default 250). */
  progressIntervalMs?: number | undefined;
  /** pino-compatible; receives loop and bookkeeping failures (default: console). */
  logger?: JobLogger | undefined;
}

export type JobAbortKind = 'timeout' | 'cancelled' | 'shutdown' | 'lost';

/** The `signal.reason` a handler sees when its job is aborted. */
export class JobAbortError extends Error {
  constructor(
    readonly kind: JobAbortKind,
    message: string,
  ) {
    super(message);
    this.name = 'JobAbortError';
  }
}

interface Registration {
  fn: JobHandler<unknown>;
  maxAttempts: number | undefined;
  timeoutMs: number | undefined;
  concurrency: number | undefined;
}

interface Schedule {
  name: string;
  everyMs: number;
  type: string;
  payload: unknown;
  lastPeriod: number;
}

interface Running {
  row: JobRow;
  fence: Fence;
  controller: AbortController;
  progress: number;
  message: string | null;
  /** performance.now() of the last lease/progress write. */
  lastWrite: number;
  flushTimer: NodeJS.Timeout | undefined;
  writing: Promise<void> | undefined;
  /** Progress changed while a write was in flight. */
  dirty: boolean;
  finished: boolean;
  done: Promise<void>;
}

type Outcome = { kind: 'ok'; result: unknown } | { kind: 'error'; error: unknown } | { kind: 'aborted'; reason: unknown };

const MAX_TIMER_MS = 2_147_483_647;
const MAX_ERROR_LENGTH = 2000;
/** How long after an enqueue inside a transaction the loop looks for the job (see wakeSoon). */
const WAKE_SOON_MS = 20;

const iso = (ms: number) => new Date(ms).toISOString();

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    type: r.type,
    payload: JSON.parse(r.payload) as unknown,
    status: r.status as JobStatus,
    priority: r.priority,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    timeoutMs: r.timeout_ms,
    runAt: r.run_at,
    leaseUntil: r.lease_until,
    workerId: r.worker_id,
    progress: r.progress,
    progressMessage: r.progress_message,
    result: r.result === null ? null : (JSON.parse(r.result) as unknown),
    lastError: r.last_error,
    idempotencyKey: r.idempotency_key,
    createdBy: r.created_by,
    orgId: r.org_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

function errorMessage(e: unknown): string {
  const m = e instanceof Error ? e.message || e.name : typeof e === 'string' ? e : safeJson(e) ?? String(e);
  return m.length > MAX_ERROR_LENGTH ? `${m.slice(0, MAX_ERROR_LENGTH)}…` : m;
}

function safeJson(v: unknown): string | undefined {
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

function positiveInt(name: string, v: number | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  if (!Number.isInteger(v) || v < 1 || v > max) throw new AppError('bad_request', `${name} must be an integer between 1 and ${max}`);
  return v;
}

function allowedActions(status: string): string[] {
  if (status === 'queued' || status === 'running') return ['cancel'];
  if (status === 'dead' || status === 'cancelled') return ['retry'];
  return [];
}

const consoleLogger: JobLogger = { warn: (obj, msg) => console.warn(`[jobs] ${msg}`, obj) };

/**
 * The platform's one durable job queue, stored in the `jobs` table so it survives restarts and is
 * shared by every process on the same database.
 *
 * Delivery is at-least-once: a job whose worker died is retried once its lease runs out, so handlers
 * must be idempotent (or check their own state first). While a worker holds a job, no other worker
 * runs it; all of a worker's writes are fenced by (worker id, attempt).
 */
export class JobQueue {
  private readonly repo = new JobsRepo();
  private readonly handlers = new Map<string, Registration>();
  private readonly schedules = new Map<string, Schedule>();
  private readonly running = new Map<number, Running>();
  private readonly clock: () => number;
  private readonly leaseMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly defaultMaxAttempts: number;
  private readonly defaultTimeoutMs: number;
  private readonly progressIntervalMs: number;
  private readonly logger: JobLogger;

  private workerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private workers = 1;
  private pollMs = 1000;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private wakePending = false;
  private lastReclaim = -Infinity;

  constructor(
    private readonly db: AnyDb,
    opts: JobQueueOptions = {},
  ) {
    this.clock = opts.clock ?? Date.now;
    this.leaseMs = positiveInt('leaseMs', opts.leaseMs, MAX_TIMER_MS) ?? 60_000;
    this.backoffBaseMs = opts.backoffBaseMs ?? 1000;
    this.backoffMaxMs = opts.backoffMaxMs ?? 10 * 60_000;
    this.defaultMaxAttempts = positiveInt('maxAttempts', opts.maxAttempts) ?? 5;
    this.defaultTimeoutMs = positiveInt('timeoutMs', opts.timeoutMs, MAX_TIMER_MS) ?? 15 * 60_000;
    this.progressIntervalMs = opts.progressIntervalMs ?? 250;
    this.logger = opts.logger ?? consoleLogger;
  }

  /** Declares how jobs of `type` run in this process. Register every type before `start`. */
  register<P = unknown>(type: string, handler: JobHandler<P>, opts: HandlerOptions = {}): void {
    if (!type) throw new AppError('bad_request', 'job type must not be empty');
    if (this.handlers.has(type)) throw new AppError('conflict', `a handler for job type ${type} is already registered`);
    this.handlers.set(type, {
      fn: handler as JobHandler<unknown>,
      maxAttempts: positiveInt('maxAttempts', opts.maxAttempts),
      timeoutMs: positiveInt('timeoutMs', opts.timeoutMs, MAX_TIMER_MS),
      concurrency: positiveInt('concurrency', opts.concurrency),
    });
  }

  /**
   * Adds a job and returns its id. Pass the caller's transaction as `tx` to enqueue atomically with
   * the state change that asks for the job. With `idempotencyKey`, an existing job with that key is
   * returned instead (a key used for another job type is a conflict).
   */
  async enqueue(type: string, payload: unknown, opts: EnqueueOptions = {}, tx?: Executor): Promise<number> {
    if (!type) throw new AppError('bad_request', 'job type must not be empty');
    const json = safeJson(payload === undefined ? null : payload);
    if (json === undefined) throw new AppError('bad_request', `payload of job type ${type} is not JSON-serialisable`);
    if (opts.idempotencyKey !== undefined && (opts.idempotencyKey.length === 0 || opts.idempotencyKey.length > 500))
      throw new AppError('bad_request', 'idempotencyKey must be 1 to 500 characters');
    const priority = opts.priority ?? 0;
    if (!Number.isInteger(priority) || Math.abs(priority) > 1_000_000)
      throw new AppError('bad_request', 'priority must be an integer between -1000000 and 1000000');
    let runAt: string | undefined;
    if (opts.runAt !== undefined) {
      const t = new Date(opts.runAt);
      if (Number.isNaN(t.getTime())) throw new AppError('bad_request', 'runAt is not a valid time');
      runAt = t.toISOString();
    }
    const reg = this.handlers.get(type);
    const now = iso(this.clock());
    const row: NewJobRow = {
      type,
      payload: json,
      status: 'queued',
      priority,
      attempts: 0,
      max_attempts: positiveInt('maxAttempts', opts.maxAttempts) ?? reg?.maxAttempts ?? this.defaultMaxAttempts,
      timeout_ms: positiveInt('timeoutMs', opts.timeoutMs, MAX_TIMER_MS) ?? reg?.timeoutMs ?? this.defaultTimeoutMs,
      run_at: runAt ?? now,
      progress: 0,
      idempotency_key: opts.idempotencyKey ?? null,
      created_by: opts.createdBy ?? null,
      org_id: opts.orgId ?? null,
      created_at: now,
      updated_at: now,
    };
    const e = tx ?? this.db;
    const id = await this.repo.insert(e, row);
    if (id !== undefined) {
      // In the caller's transaction the job is invisible until it commits: look again a moment later.
      if (!tx) this.wake();
      else this.wakeSoon();
      return id;
    }
    const existing = await this.repo.byIdempotencyKey(e, opts.idempotencyKey!);
    if (!existing) throw new AppError('conflict', `job with idempotency key ${opts.idempotencyKey} vanished; try again`);
    if (existing.type !== type)
      throw new AppError('conflict', `idempotency key ${opts.idempotencyKey} already names a job of type ${existing.type}`, { jobId: existing.id });
    return existing.id;
  }

  async get(id: number): Promise<Job> {
    const row = await this.repo.get(this.db, id);
    if (!row) throw notFound('job', id);
    return toJob(row);
  }

  async list(f: ListJobsFilter = {}): Promise<Job[]> {
    const limit = Math.max(1, Math.min(f.limit ?? 50, 500));
    const rows = await this.repo.list(this.db, { ...f, limit });
    return rows.map(toJob);
  }

  /**
   * Cancels a queued or running job (cancelling a cancelled job is a no-op). A job running in this
   * process is aborted at once; one running elsewhere sees it at that worker's next heartbeat.
   */
  async cancel(id: number): Promise<Job> {
    const row = await this.repo.cancel(this.db, id, iso(this.clock()));
    if (!row) {
      const cur = await this.repo.get(this.db, id);
      if (!cur) throw notFound('job', id);
      if (cur.status === 'cancelled') return toJob(cur);
      throw illegalTransition('cancel', cur.status, allowedActions(cur.status));
    }
    this.running.get(id)?.controller.abort(new JobAbortError('cancelled', 'the job was cancelled'));
    return toJob(row);
  }

  /** Puts a dead or cancelled job back in the queue with its attempts reset. */
  async retry(id: number): Promise<Job> {
    const row = await this.repo.retry(this.db, id, iso(this.clock()));
    if (!row) {
      const cur = await this.repo.get(this.db, id);
      if (!cur) throw notFound('job', id);
      throw illegalTransition('retry', cur.status, allowedActions(cur.status));
    }
    this.wake();
    return toJob(row);
  }

  /** Deletes finished jobs older than `olderThanMs`; returns how many. */
  async purgeFinished(olderThanMs: number): Promise<number> {
    return this.repo.purgeFinished(this.db, iso(this.clock() - olderThanMs));
  }

  /**
   * Enqueues `type` once per period of `everyMs`, across all processes that call this: the job's
   * idempotency key is `${name}:${period}`. Enqueues the current period's job now and returns its id;
   * later periods are enqueued by the running loop (`start`) or by `runOnce`.
   */
  async schedule(name: string, everyMs: number, type: string, payload: unknown): Promise<number> {
    if (!name || name.includes(':')) throw new AppError('bad_request', 'schedule name must be non-empty and without ":"');
    positiveInt('everyMs', everyMs);
    if (this.schedules.has(name)) throw new AppError('conflict', `schedule ${name} already exists`);
    const s: Schedule = { name, everyMs, type, payload, lastPeriod: -1 };
    this.schedules.set(name, s);
    return this.enqueueScheduled(s);
  }

  /** Starts the polling loop with `workers` concurrent slots. */
  start(opts: StartOptions): void {
    if (this.loop) throw new AppError('conflict', 'job queue already started');
    this.workers = positiveInt('workers', opts.workers) ?? 1;
    this.pollMs = positiveInt('pollMs', opts.pollMs, MAX_TIMER_MS) ?? 1000;
    if (opts.workerId) this.workerId = opts.workerId;
    this.stopping = false;
    this.loop = this.pollLoop();
  }

  /**
   * Stops claiming, waits up to `timeoutMs` (default 30 000) for running handlers, then aborts the
   * rest and gives their jobs back to the queue (the interrupted attempt does not count).
   */
  async stop(opts: { timeoutMs?: number } = {}): Promise<void> {
    this.stopping = true;
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wake();
    await this.loop;
    this.loop = undefined;
    const inflight = [...this.running.values()];
    if (inflight.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.allSettled(inflight.map((r) => r.done)).then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), opts.timeoutMs ?? 30_000))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        const left = [...this.running.values()];
        for (const r of left) r.controller.abort(new JobAbortError('shutdown', 'the worker is shutting down'));
        await Promise.allSettled(left.map((r) => r.done));
      }
    }
  }

  /**
   * One pass without the loop: enqueues due schedules, reclaims expired leases, claims up to `limit`
   * ready jobs (default 10), runs them and waits for them. Returns how many ran.
   */
  async runOnce(opts: { limit?: number } = {}): Promise<number> {
    await this.enqueueDueSchedules();
    await this.reclaim(true);
    const started = await this.claimAndRun(positiveInt('limit', opts.limit) ?? 10);
    await Promise.all(started);
    return started.length;
  }

  // ---- internals -------------------------------------------------------------------------------

  private async pollLoop(): Promise<void> {
    while (!this.stopping) {
      this.wakePending = false;
      try {
        await this.enqueueDueSchedules();
        const free = this.workers - this.running.size;
        if (free > 0) {
          await this.reclaim(false);
          await this.claimAndRun(free);
        }
      } catch (e) {
        this.logger.warn({ err: errorMessage(e) }, 'job queue poll failed');
      }
      if (this.stopping) break;
      // Wakes early when a slot frees up or a job is enqueued in this process.
      await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakePending) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private wake(): void {
    this.wakePending = true;
    this.wakeUp?.();
  }

  private wakeTimer: NodeJS.Timeout | undefined;

  /**
   * Wakes the loop WAKE_SOON_MS from now (once for many calls): a job enqueued in a transaction becomes visible when
   * that commits, usually within a few milliseconds; a longer transaction is caught by the next regular poll.
   */
  private wakeSoon(): void {
    if (this.wakeTimer !== undefined) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wake();
    }, WAKE_SOON_MS);
    this.wakeTimer.unref();
  }

  private async reclaim(force: boolean): Promise<void> {
    const t = performance.now();
    if (!force && t - this.lastReclaim < Math.min(this.pollMs, 1000)) return;
    this.lastReclaim = t;
    await this.repo.reclaimExpired(this.db, iso(this.clock()));
  }

  private async enqueueDueSchedules(): Promise<void> {
    for (const s of this.schedules.values()) {
      if (Math.floor(this.clock() / s.everyMs) === s.lastPeriod) continue;
      try {
        await this.enqueueScheduled(s);
      } catch (e) {
        this.logger.warn({ schedule: s.name, err: errorMessage(e) }, 'scheduled enqueue failed');
      }
    }
  }

  private async enqueueScheduled(s: Schedule): Promise<number> {
    const period = Math.floor(this.clock() / s.everyMs);
    const id = await this.enqueue(s.type, s.payload, { idempotencyKey: `${s.name}:${period}` });
    s.lastPeriod = period;
    return id;
  }

  /** Claims up to `limit` jobs and starts them; returns their completion promises. */
  private async claimAndRun(limit: number): Promise<Promise<void>[]> {
    const perType = new Map<string, number>();
    for (const r of this.running.values()) perType.set(r.row.type, (perType.get(r.row.type) ?? 0) + 1);
    const saturated = [...this.handlers].filter(([t, h]) => h.concurrency !== undefined && (perType.get(t) ?? 0) >= h.concurrency).map(([t]) => t);
    const now = this.clock();
    const rows = await this.repo.claim(this.db, {
      now: iso(now),
      leaseUntil: iso(now + this.leaseMs),
      workerId: this.workerId,
      limit,
      excludeTypes: saturated,
    });
    const started: Promise<void>[] = [];
    for (const row of rows) {
      const fence: Fence = { id: row.id, workerId: row.worker_id ?? this.workerId, attempt: row.attempts };
      const limitOfType = this.handlers.get(row.type)?.concurrency;
      const n = perType.get(row.type) ?? 0;
      if (limitOfType !== undefined && n >= limitOfType) {
        await this.repo.release(this.db, fence, iso(this.clock()));
        continue;
      }
      perType.set(row.type, n + 1);
      started.push(this.execute(row, fence));
    }
    return started;
  }

  private execute(row: JobRow, fence: Fence): Promise<void> {
    const entry: Running = {
      row,
      fence,
      controller: new AbortController(),
      progress: 0,
      message: null,
      lastWrite: performance.now(),
      flushTimer: undefined,
      writing: undefined,
      dirty: false,
      finished: false,
      done: Promise.resolve(),
    };
    this.running.set(row.id, entry);
    entry.done = this.runJob(entry)
      .catch((e: unknown) => this.logger.warn({ jobId: row.id, type: row.type, err: errorMessage(e) }, 'job bookkeeping failed'))
      .finally(() => {
        // The job may have been reclaimed and claimed again here meanwhile (a stalled event loop).
        if (this.running.get(row.id) === entry) this.running.delete(row.id);
        this.wake();
      });
    return entry.done;
  }

  private async runJob(entry: Running): Promise<void> {
    const { row, controller } = entry;
    const timeout = setTimeout(
      () => controller.abort(new JobAbortError('timeout', `timeout: the job ran longer than ${row.timeout_ms} ms`)),
      row.timeout_ms,
    );
    const heartbeat = setInterval(() => void this.write(entry), Math.max(1, Math.floor(this.leaseMs / 3)));
    let outcome: Outcome;
    try {
      outcome = await this.invoke(entry);
    } finally {
      entry.finished = true;
      clearTimeout(timeout);
      clearInterval(heartbeat);
      clearTimeout(entry.flushTimer);
    }
    const now = iso(this.clock());
    if (outcome.kind === 'ok') {
      const result = safeJson(outcome.result === undefined ? null : outcome.result);
      if (result === undefined) await this.failAttempt(entry, `the result of job type ${row.type} is not JSON-serialisable`);
      else await this.repo.succeed(this.db, entry.fence, { now, result, message: entry.message });
    } else if (outcome.kind === 'error') {
      // Bad input (an AppError with a 4xx status) fails the same way every time: no retry.
      const permanent = outcome.error instanceof AppError && outcome.error.status < 500;
      await this.failAttempt(entry, errorMessage(outcome.error), permanent);
    } else {
      const reason = outcome.reason;
      const kind = reason instanceof JobAbortError ? reason.kind : undefined;
      if (kind === 'shutdown') await this.repo.release(this.db, entry.fence, now);
      else if (kind === 'cancelled' || kind === 'lost') return; // the row already says so, or is someone else's
      else await this.failAttempt(entry, errorMessage(reason));
    }
  }

  /** Runs the handler; settles with whichever comes first, its outcome or the abort. */
  private invoke(entry: Running): Promise<Outcome> {
    const { row, controller } = entry;
    const signal = controller.signal;
    const reg = this.handlers.get(row.type);
    const ctx: JobContext = {
      jobId: row.id,
      attempt: row.attempts,
      signal,
      progress: (fraction, message) => this.progress(entry, fraction, message),
    };
    return new Promise<Outcome>((resolve) => {
      const onAbort = () => resolve({ kind: 'aborted', reason: signal.reason });
      signal.addEventListener('abort', onAbort, { once: true });
      const run = async () => {
        if (!reg) throw new Error(`no handler registered for type ${row.type}`);
        return reg.fn(JSON.parse(row.payload) as unknown, ctx);
      };
      run().then(
        (result) => resolve({ kind: 'ok', result }),
        (error: unknown) => resolve({ kind: 'error', error }),
      ).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private async failAttempt(entry: Running, error: string, permanent = false): Promise<void> {
    const { row } = entry;
    const now = this.clock();
    const retryAt = permanent || row.attempts >= row.max_attempts ? null : iso(now + this.backoffMs(row.attempts));
    await this.repo.fail(this.db, entry.fence, { now: iso(now), error, retryAt, message: entry.message });
  }

  private backoffMs(attempt: number): number {
    const exp = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.min(attempt - 1, 40));
    return Math.round(exp / 2 + (Math.random() * exp) / 2);
  }

  private async progress(entry: Running, fraction: number, message?: string): Promise<void> {
    if (typeof fraction !== 'number' || Number.isNaN(fraction)) throw new AppError('bad_request', 'progress must be a number between 0 and 1');
    entry.progress = Math.min(1, Math.max(0, fraction));
    if (message !== undefined) entry.message = message.length > 500 ? `${message.slice(0, 500)}…` : message;
    if (entry.finished) return;
    const wait = entry.lastWrite + this.progressIntervalMs - performance.now();
    if (wait <= 0) return this.write(entry);
    // Throttled: a trailing write stores the latest value.
    entry.flushTimer ??= setTimeout(() => {
      entry.flushTimer = undefined;
      void this.write(entry);
    }, wait);
  }

  /** Heartbeat and progress: renews the lease; aborts the handler when the job is no longer ours. */
  private async write(entry: Running): Promise<void> {
    if (entry.finished) return;
    if (entry.writing) {
      // One write at a time per job; a follow-up write carries the latest values.
      entry.dirty = true;
      return entry.writing;
    }
    entry.lastWrite = performance.now();
    const now = this.clock();
    entry.writing = (async () => {
      try {
        const held = await this.repo.renew(this.db, entry.fence, {
          now: iso(now),
          leaseUntil: iso(now + this.leaseMs),
          progress: entry.progress,
          message: entry.message,
        });
        if (held || entry.finished) return;
        const cur = await this.repo.get(this.db, entry.row.id);
        entry.controller.abort(
          cur?.status === 'cancelled'
            ? new JobAbortError('cancelled', 'the job was cancelled')
            : new JobAbortError('lost', 'the job is no longer held by this worker (its lease expired)'),
        );
      } catch (e) {
        this.logger.warn({ jobId: entry.row.id, err: errorMessage(e) }, 'job heartbeat failed');
      } finally {
        entry.writing = undefined;
        if (entry.dirty && !entry.finished) {
          entry.dirty = false;
          entry.flushTimer ??= setTimeout(() => {
            entry.flushTimer = undefined;
            void this.write(entry);
          }, this.progressIntervalMs);
        }
      }
    })();
    return entry.writing;
  }
}
