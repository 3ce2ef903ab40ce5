/**
 * Aggregation (数据汇聚): CSV/XLSX uploads and scheduled database pulls run as jobs, pushes over
 * HTTP run at once; each load is a batch with row counts, rejects, a quality report and its
 * provenance. A batch's rows land in one transaction: either all good rows (policy keep_good,
 * status `partial` when some were rejected) or none (policy reject_batch, status `rejected`; or
 * `failed` on an error) — a batch is never shown as loaded while half of it is missing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { nowIso, type Executor } from '../../db/database.ts';
import type { BlobStore } from '../../kernel/blob/blob-store.ts';
import { sm4Open, sm4Seal } from '../../kernel/crypto/sm.ts';
import { AppError, illegalTransition, isAppError, notFound } from '../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Principal } from '../../kernel/principal.ts';
import { openReader, SUPPORTED_EXTENSIONS } from '../detection/index.ts';
import { actorOf } from '../identity/index.ts';
import type { JobContext, JobQueue } from '../jobs/index.ts';
import { MAX_AGE_MS, rowKeyOf, type DatasetMetadata, type Periodicity } from './catalog.model.ts';
import { RowChecker, type BatchQuality, type RecordValue } from './catalog.quality.ts';
import type { Batch, Dataset, QualityIssue, Source } from './catalog.repo.ts';
import type { CatalogService } from './catalog.service.ts';

export const LOAD_FILE_JOB = 'catalog.load-file';
export const PULL_JOB = 'catalog.pull';
export const PULL_DUE_JOB = 'catalog.pull-due';
export const TIMELINESS_JOB = 'catalog.timeliness';

/** Rejects kept per batch (the counts in the quality report are always complete). */
export const MAX_STORED_REJECTS = 10_000;
/** Rows per HTTP push. */
export const MAX_PUSH_ROWS = 10_000;
const FILE_EXTENSIONS = ['.csv', '.tsv', '.xlsx'];

export type BatchStatus = 'queued' | 'running' | 'loaded' | 'partial' | 'rejected' | 'failed';

export interface BatchDto {
  id: number;
  datasetId: number;
  orgId: number;
  source: string;
  provenance: Record<string, unknown>;
  status: BatchStatus;
  policy: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  quality: BatchQuality | null;
  error: string | null;
  jobId: number | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface SourceDto {
  id: number;
  datasetId: number;
  /** The connection URL without its password. */
  url: string;
  table: string;
  changeColumn: string;
  everyMinutes: number;
  watermark: string | null;
  enabled: boolean;
  lastRunAt: string | null;
}

export interface IssueDto {
  id: number;
  datasetId: number;
  orgId: number;
  batchId: number | null;
  field: string | null;
  rule: string;
  count: number;
  message: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolvedBy: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface LookupResult {
  datasetId: number;
  key: string;
  record: Record<string, RecordValue>;
  /** Provenance: the batch that last wrote the row. */
  batchId: number;
}

interface RowSource {
  columns(): string[];
  batches(): AsyncIterable<{ firstRow: number; rows: string[][] }>;
  close?(): Promise<void>;
}

class BatchRefused extends Error {}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/;

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

function batchDto(b: Batch): BatchDto {
  return {
    id: b.id,
    datasetId: b.dataset_id,
    orgId: b.org_id,
    source: b.source,
    provenance: JSON.parse(b.provenance) as Record<string, unknown>,
    status: b.status as BatchStatus,
    policy: b.policy,
    rowsRead: b.rows_read,
    rowsLoaded: b.rows_loaded,
    rowsRejected: b.rows_rejected,
    quality: b.quality ? (JSON.parse(b.quality) as BatchQuality) : null,
    error: b.error,
    jobId: b.job_id,
    startedAt: b.started_at,
    finishedAt: b.finished_at,
  };
}

/** Marks a source URL stored sealed with SM4 (base64 after it); a URL without it was stored before sealing. */
const SEALED_URL = 'sm4:';

/** `url` is the source's opened connection URL; the DTO shows it without its password. */
function sourceDto(s: Source, url: string): SourceDto {
  return {
    id: s.id,
    datasetId: s.dataset_id,
    url: redact(url),
    table: s.table_name,
    changeColumn: s.change_column,
    everyMinutes: s.every_minutes,
    watermark: s.watermark,
    enabled: s.enabled === 1,
    lastRunAt: s.last_run_at,
  };
}

export function issueDto(i: QualityIssue): IssueDto {
  return {
    id: i.id,
    datasetId: i.dataset_id,
    orgId: i.org_id,
    batchId: i.batch_id,
    field: i.field,
    rule: i.rule,
    count: i.count,
    message: i.message,
    status: i.status as 'open' | 'resolved',
    resolution: i.resolution,
    resolvedBy: i.resolved_by,
    createdAt: i.created_at,
    resolvedAt: i.resolved_at,
  };
}

export class AggregationService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly deps: {
      blobs: BlobStore;
      jobs: JobQueue;
      uploadLimit: number;
      /** 32 bytes: seals the connection URLs of pull sources (they carry a password) with SM4, as customs seals its sources. */
      sourceKey: Buffer;
    },
  ) {}

  private get repo() {
    return this.catalog.repo;
  }

  private sealUrl(url: string): string {
    return SEALED_URL + sm4Seal(this.deps.sourceKey, url).toString('base64');
  }

  /** The connection URL of a source: opened when sealed, as stored when written before sealing. */
  private sourceUrl(s: Pick<Source, 'url'>): string {
    return s.url.startsWith(SEALED_URL) ? sm4Open(this.deps.sourceKey, Buffer.from(s.url.slice(SEALED_URL.length), 'base64')).toString('utf8') : s.url;
  }

  private get db() {
    return this.catalog.db;
  }

  registerJobs(): void {
    const { jobs } = this.deps;
    jobs.register<{ batchId: number; blobKey: string; filename: string }>(LOAD_FILE_JOB, (p, ctx) => this.runFileJob(p, ctx), { maxAttempts: 2, timeoutMs: 2 * 3600_000 });
    jobs.register<{ sourceId: number }>(PULL_JOB, (p, ctx) => this.runPull(p.sourceId, ctx), { maxAttempts: 3, timeoutMs: 2 * 3600_000 });
    jobs.register(PULL_DUE_JOB, async () => ({ interrupted: await this.failInterruptedPulls(), enqueued: await this.enqueueDuePulls() }), { maxAttempts: 1 });
    jobs.register(TIMELINESS_JOB, async () => ({ opened: await this.checkTimeliness() }), { maxAttempts: 1 });
  }

  /** The dataset a loader may write into: own department's, not retired. */
  private async loadable(p: Principal | null, datasetId: number, db: Executor = this.db): Promise<Dataset> {
    if (p && !hasScope(p, 'catalog.data:load')) throw new AppError('forbidden', 'missing scope catalog.data:load', { scope: 'catalog.data:load' });
    const ds = await this.repo.datasetById(db, datasetId);
    const loads = !p || canActOnOrg(p, 'catalog.data:load', ds?.org_id ?? null);
    if (!ds || (!loads && !canActOnOrg(p, 'catalog:read', ds.org_id) && ds.state !== 'published')) throw notFound('dataset', datasetId);
    if (!loads) throw new AppError('forbidden', 'only the owning department loads data into a dataset', { scope: 'catalog.data:load' });
    if (ds.state === 'retired') throw new AppError('conflict', `dataset ${ds.identifier} is retired`, { state: 'retired' });
    return ds;
  }

  private async newBatch(tx: Executor, p: Principal | null, ds: Dataset, source: string, provenance: Record<string, unknown>, status: BatchStatus): Promise<number> {
    const m = JSON.parse(ds.metadata) as DatasetMetadata;
    return this.repo.insertBatch(tx, {
      dataset_id: ds.id,
      org_id: ds.org_id,
      source,
      provenance: JSON.stringify(provenance),
      status,
      policy: m.rejectPolicy,
      rows_read: 0,
      rows_loaded: 0,
      rows_rejected: 0,
      quality: null,
      error: null,
      job_id: null,
      created_by: p ? `${p.kind}:${p.id}` : 'system',
      started_at: nowIso(),
      finished_at: null,
    });
  }

  // ---- entry points ----------------------------------------------------------------------------

  /** Stores an uploaded CSV/TSV/XLSX file and queues its load. */
  async startUpload(p: Principal, datasetId: number, upload: { filename: string; file: Readable; truncated: () => boolean }): Promise<{ batchId: number; jobId: number }> {
    const ds = await this.loadable(p, datasetId);
    const filename = path.basename(upload.filename || 'upload');
    const ext = path.extname(filename).toLowerCase();
    if (!FILE_EXTENSIONS.includes(ext) || !SUPPORTED_EXTENSIONS.includes(ext)) {
      upload.file.resume();
      throw new AppError('unsupported_media_type', `${filename}: upload a CSV, TSV or XLSX file`);
    }
    const blobKey = `catalog/${new Date().toISOString().slice(0, 10)}/${crypto.randomUUID()}${ext}`;
    const stored = await this.deps.blobs.put(blobKey, upload.file, { maxBytes: this.deps.uploadLimit });
    if (upload.truncated()) {
      await this.deps.blobs.delete(blobKey);
      throw new AppError('payload_too_large', `${filename}: larger than the upload limit of ${this.deps.uploadLimit} bytes`);
    }
    return this.db.transaction().execute(async (tx) => {
      const batchId = await this.newBatch(tx, p, ds, 'upload', { filename, bytes: stored.size, sm3: stored.sm3, blobKey }, 'queued');
      const jobId = await this.deps.jobs.enqueue(LOAD_FILE_JOB, { batchId, blobKey, filename }, { orgId: ds.org_id, createdBy: `${p.kind}:${p.id}` }, tx);
      await this.repo.updateBatch(tx, batchId, { job_id: jobId });
      await this.catalog.audit.record(tx, actorOf(p), { action: 'catalog.batch.queued', entityType: 'batch', entityId: batchId, detail: { datasetId, filename, sm3: stored.sm3 } });
      return { batchId, jobId };
    });
  }

  /** Loads a local file at once (demo seeding, benchmarks, the command line). */
  async loadFile(p: Principal | null, datasetId: number, file: string, onProgress?: (rows: number) => void): Promise<BatchDto> {
    const ds = await this.loadable(p, datasetId);
    const stat = fs.statSync(file);
    const batchId = await this.db.transaction().execute((tx) => this.newBatch(tx, p, ds, 'file', { filename: path.basename(file), bytes: stat.size }, 'running'));
    const reader = await openReader(file, { source: path.basename(file) });
    return this.runBatch(p, batchId, reader, onProgress);
  }

  /** HTTP push: JSON objects keyed by field name, loaded at once as one batch. */
  async push(p: Principal | null, datasetId: number, rows: Record<string, unknown>[], meta: { system?: string | undefined } = {}): Promise<BatchDto> {
    const ds = await this.loadable(p, datasetId);
    if (rows.length > MAX_PUSH_ROWS) throw new AppError('payload_too_large', `rows: at most ${MAX_PUSH_ROWS} rows per push`, { field: 'rows' });
    const m = JSON.parse(ds.metadata) as DatasetMetadata;
    const columns = m.fields.map((f) => f.name);
    const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    const batchId = await this.db.transaction().execute((tx) => this.newBatch(tx, p, ds, 'push', { rows: rows.length, system: meta.system ?? null, via: p?.kind ?? 'system' }, 'running'));
    const source: RowSource = {
      columns: () => columns,
      batches: async function* () {
        yield { firstRow: 1, rows: rows.map((r) => columns.map((c) => cell(r[c]))) };
      },
    };
    return this.runBatch(p, batchId, source);
  }

  private async runFileJob(payload: { batchId: number; blobKey: string; filename: string }, ctx: JobContext): Promise<BatchDto> {
    const batch = await this.repo.batchById(this.db, payload.batchId);
    if (!batch) throw notFound('batch', payload.batchId);
    // `running` here means an earlier attempt died mid-load: its transaction rolled back, so load again.
    if (batch.status !== 'queued' && batch.status !== 'running') return batchDto(batch);
    let file = await this.deps.blobs.localPath(payload.blobKey);
    let temp: string | undefined;
    if (!file) {
      temp = path.join(os.tmpdir(), `landao-load-${crypto.randomUUID()}${path.extname(payload.filename)}`);
      await pipeline(await this.deps.blobs.get(payload.blobKey), fs.createWriteStream(temp));
      file = temp;
    }
    try {
      await this.repo.updateBatch(this.db, batch.id, { status: 'running' });
      let reader;
      try {
        reader = await openReader(file, { source: payload.filename, signal: ctx.signal });
      } catch (e) {
        return await this.fail(null, batch.id, e);
      }
      const size = fs.statSync(file).size;
      return await this.runBatch(null, batch.id, reader, () => {
        ctx.progress(Math.min(0.99, reader.bytesRead() / Math.max(1, size)), `${reader.bytesRead()} / ${size} bytes`).catch(() => undefined);
      });
    } finally {
      if (temp) fs.rmSync(temp, { force: true });
    }
  }

  // ---- the load itself -------------------------------------------------------------------------

  private async fail(p: Principal | null, batchId: number, e: unknown): Promise<BatchDto> {
    const message = e instanceof Error ? e.message : String(e);
    await this.db.transaction().execute(async (tx) => {
      await this.repo.updateBatch(tx, batchId, { status: 'failed', error: message.slice(0, 1000), rows_loaded: 0, finished_at: nowIso() });
      await this.catalog.audit.record(tx, actorOf(p), { action: 'catalog.batch.failed', entityType: 'batch', entityId: batchId, detail: { error: message.slice(0, 300) } });
    });
    return batchDto((await this.repo.batchById(this.db, batchId))!);
  }

  /**
   * Checks every row, writes the good ones in one transaction (or none, by policy), and records the
   * counts, rejects, quality report, issues for the owning department and the audit event.
   * `inTx` runs inside the success transaction (a pull moves its watermark there).
   */
  private async runBatch(p: Principal | null, batchId: number, source: RowSource, onProgress?: (rows: number) => void, inTx?: (tx: Executor) => Promise<void>): Promise<BatchDto> {
    const batch = (await this.repo.batchById(this.db, batchId))!;
    const ds = (await this.repo.datasetById(this.db, batch.dataset_id))!;
    const m = JSON.parse(ds.metadata) as DatasetMetadata;
    const checker = new RowChecker(m.fields, m.keyFields, source.columns());
    if (checker.missingColumns.length > 0) {
      await source.close?.();
      return this.fail(p, batchId, new AppError('unprocessable', `missing column(s) ${checker.missingColumns.join(', ')}`));
    }
    const rejects: { batch_id: number; row_no: number; field: string; rule: string; message: string }[] = [];
    const refuse = m.rejectPolicy === 'reject_batch';
    let loaded = 0;
    const finish = async (tx: Executor, status: BatchStatus, rowsLoaded: number): Promise<void> => {
      const quality = checker.report(rowsLoaded);
      const at = nowIso();
      await this.repo.insertRejects(tx, rejects);
      await this.repo.updateBatch(tx, batchId, {
        status,
        rows_read: quality.rowsRead,
        rows_loaded: rowsLoaded,
        rows_rejected: quality.rowsRejected,
        quality: JSON.stringify(quality),
        finished_at: at,
      });
      await this.repo.insertIssues(
        tx,
        quality.failures.map((f) => ({
          dataset_id: ds.id,
          org_id: ds.org_id,
          batch_id: batchId,
          field: f.field,
          rule: f.rule,
          count: f.count,
          message: `${f.count} row(s) of batch ${batchId} failed rule ${f.rule} on ${f.field}`,
          status: 'open',
          resolution: null,
          resolved_by: null,
          created_at: at,
          resolved_at: null,
        })),
      );
      await this.catalog.audit.record(tx, actorOf(p), {
        action: `catalog.batch.${status}`,
        entityType: 'batch',
        entityId: batchId,
        detail: { datasetId: ds.id, rowsRead: quality.rowsRead, rowsLoaded, rowsRejected: quality.rowsRejected, policy: m.rejectPolicy },
      });
    };
    try {
      await this.db.transaction().execute(async (tx) => {
        // One write in flight while the next rows are read and checked: on PostgreSQL the database
        // stores a chunk while this process parses the next (a 1 M-row load ran them one after the other).
        let writing: Promise<void> | null = null;
        for await (const b of source.batches()) {
          const good: { key: string; record: object }[] = [];
          for (let i = 0; i < b.rows.length; i++) {
            const r = checker.check(b.rows[i]!);
            if (r.problems.length === 0) {
              good.push({ key: r.key, record: r.record });
              continue;
            }
            for (const pr of r.problems) {
              if (rejects.length >= MAX_STORED_REJECTS) break;
              rejects.push({ batch_id: batchId, row_no: b.firstRow + i, field: pr.field, rule: pr.rule, message: pr.message });
            }
          }
          if (!(refuse && checker.rowsRejected > 0)) {
            await writing;
            writing = this.repo.upsertRows(tx, ds.id, batchId, good);
            // Awaited before the next write or after the loop; until then a failure must not count as unhandled.
            writing.catch(() => undefined);
            loaded += good.length;
          }
          onProgress?.(checker.rowsRead);
        }
        await writing;
        if (refuse && checker.rowsRejected > 0) throw new BatchRefused();
        const status: BatchStatus = checker.rowsRejected > 0 ? 'partial' : 'loaded';
        const at = nowIso();
        await this.repo.updateDataset(tx, ds.id, { row_count: await this.repo.countRows(tx, ds.id), last_loaded_at: at });
        await inTx?.(tx);
        await finish(tx, status, loaded);
      });
    } catch (e) {
      if (e instanceof BatchRefused) {
        await this.db.transaction().execute((tx) => finish(tx, 'rejected', 0));
      } else {
        await this.fail(p, batchId, e);
        if (!isAppError(e)) throw e;
      }
    } finally {
      await source.close?.();
    }
    return batchDto((await this.repo.batchById(this.db, batchId))!);
  }

  // ---- scheduled database pulls ----------------------------------------------------------------

  async addSource(p: Principal, datasetId: number, input: { url: string; table: string; changeColumn: string; everyMinutes: number }): Promise<SourceDto> {
    await this.loadable(p, datasetId);
    if (!/^(postgres|postgresql|mysql|mariadb):\/\//i.test(input.url)) throw new AppError('validation_failed', 'url: a postgres:// or mysql:// URL', { field: 'url' });
    if (!IDENT.test(input.table)) throw new AppError('validation_failed', 'table: a plain (optionally schema-qualified) table name', { field: 'table' });
    if (!IDENT.test(input.changeColumn) || input.changeColumn.includes('.'))
      throw new AppError('validation_failed', 'changeColumn: a plain column name', { field: 'changeColumn' });
    return this.db.transaction().execute(async (tx) => {
      const id = await this.repo.insertSource(tx, {
        dataset_id: datasetId,
        url: this.sealUrl(input.url),
        table_name: input.table,
        change_column: input.changeColumn,
        every_minutes: input.everyMinutes,
        watermark: null,
        enabled: 1,
        last_run_at: null,
        created_at: nowIso(),
      });
      await this.catalog.audit.record(tx, actorOf(p), {
        action: 'catalog.source.added',
        entityType: 'source',
        entityId: id,
        detail: { datasetId, url: redact(input.url), table: input.table, changeColumn: input.changeColumn, everyMinutes: input.everyMinutes },
      });
      return sourceDto((await this.repo.sourceById(tx, id))!, input.url);
    });
  }

  async sources(p: Principal, datasetId: number): Promise<SourceDto[]> {
    await this.loadable(p, datasetId);
    return (await this.repo.sourcesOf(this.db, datasetId)).map((s) => sourceDto(s, this.sourceUrl(s)));
  }

  /** Queues a pull of one source now. */
  async pullNow(p: Principal, sourceId: number): Promise<{ jobId: number }> {
    const s = await this.repo.sourceById(this.db, sourceId);
    if (!s) throw notFound('source', sourceId);
    const ds = await this.loadable(p, s.dataset_id);
    const jobId = await this.deps.jobs.enqueue(PULL_JOB, { sourceId }, { orgId: ds.org_id, createdBy: `${p.kind}:${p.id}` });
    return { jobId };
  }

  /** Queues the pulls that are due (one per source and period across processes). */
  async enqueueDuePulls(now = Date.now()): Promise<number> {
    let n = 0;
    for (const s of await this.repo.enabledSources(this.db)) {
      const every = s.every_minutes * 60_000;
      if (s.last_run_at && now - Date.parse(s.last_run_at) < every) continue;
      await this.deps.jobs.enqueue(PULL_JOB, { sourceId: s.id }, { idempotencyKey: `${PULL_JOB}:${s.id}:${Math.floor(now / every)}` });
      n++;
    }
    return n;
  }

  /**
   * Marks failed the pull batches a stopped process left `running` (its transaction rolled back, so
   * nothing of them is stored): with `jobId`, those of earlier attempts of that job (a retry is
   * starting); otherwise those whose job is no longer running under a live lease. Runs with every
   * `catalog.pull-due` (each minute, so within a minute of a start) and before every pull attempt.
   * Batches of pulls run without a job (the command line) are left alone: nothing tells whether they live.
   */
  async failInterruptedPulls(opts: { jobId?: number; now?: number } = {}): Promise<number> {
    const now = opts.now ?? Date.now();
    let failed = 0;
    for (const b of await this.repo.runningPullBatches(this.db)) {
      if (b.job_id === null) continue;
      if (opts.jobId !== undefined) {
        if (b.job_id !== opts.jobId) continue;
      } else {
        const job = await this.deps.jobs.get(b.job_id).catch(() => undefined);
        if (job?.status === 'running' && job.leaseUntil !== null && Date.parse(job.leaseUntil) > now) continue;
      }
      await this.db.transaction().execute(async (tx) => {
        const error = 'interrupted: the process running this pull stopped before it finished; nothing of it was stored';
        if (!(await this.repo.failIfRunning(tx, b.id, error, new Date(now).toISOString()))) return;
        await this.catalog.audit.record(tx, actorOf(null), { action: 'catalog.batch.failed', entityType: 'batch', entityId: b.id, detail: { error: 'interrupted', jobId: b.job_id } });
        failed++;
      });
    }
    return failed;
  }

  /** The incremental query: rows whose change column is past the watermark, in change order. */
  static pullQuery(s: Pick<Source, 'url' | 'table_name' | 'change_column' | 'watermark'>): string {
    const mysql = /^(mysql|mariadb):/i.test(s.url);
    const quote = (id: string) => id.split('.').map((x) => (mysql ? `\`${x}\`` : `"${x}"`)).join('.');
    const literal = (v: string) => `'${(mysql ? v.replaceAll('\\', '\\\\') : v).replaceAll("'", "''")}'`;
    const where = s.watermark === null ? '' : ` WHERE ${quote(s.change_column)} > ${literal(s.watermark)}`;
    return `SELECT * FROM ${quote(s.table_name)}${where} ORDER BY ${quote(s.change_column)}`;
  }

  async runPull(sourceId: number, ctx?: JobContext): Promise<BatchDto> {
    const s = await this.repo.sourceById(this.db, sourceId);
    if (!s) throw notFound('source', sourceId);
    if (ctx) await this.failInterruptedPulls({ jobId: ctx.jobId });
    const ds = await this.loadable(null, s.dataset_id);
    const opened = this.sourceUrl(s);
    const sql = AggregationService.pullQuery({ ...s, url: opened });
    const url = new URL(opened);
    url.searchParams.set('query', sql);
    const batchId = await this.db.transaction().execute(async (tx) => {
      // A source stored before sealing is sealed on its first pull.
      await this.repo.updateSource(tx, s.id, { last_run_at: nowIso(), ...(s.url.startsWith(SEALED_URL) ? {} : { url: this.sealUrl(opened) }) });
      return this.newBatch(tx, null, ds, 'pull', { sourceId: s.id, url: redact(opened), table: s.table_name, changeColumn: s.change_column, since: s.watermark }, 'running');
    });
    if (ctx) await this.repo.updateBatch(this.db, batchId, { job_id: ctx.jobId });
    let reader;
    try {
      reader = await openReader(url.toString(), { ...(ctx ? { signal: ctx.signal } : {}) });
    } catch (e) {
      return this.fail(null, batchId, e);
    }
    let last: string | null = null;
    let changeIndex = -1;
    const r = reader;
    const source: RowSource = {
      columns: () => r.columns(),
      batches: async function* () {
        for await (const b of r.batches()) {
          if (changeIndex < 0) changeIndex = r.columns().findIndex((c) => c.toLowerCase() === s.change_column.toLowerCase());
          const lastRow = b.rows[b.rows.length - 1];
          if (lastRow && changeIndex >= 0) last = lastRow[changeIndex] ?? last;
          yield b;
        }
      },
      close: () => r.close(),
    };
    return this.runBatch(null, batchId, source, ctx ? (n) => void ctx.progress(0.5, `${n} rows`).catch(() => undefined) : undefined, async (tx) => {
      if (last !== null) await this.repo.updateSource(tx, s.id, { watermark: last });
    });
  }

  // ---- reading batches and rows ----------------------------------------------------------------

  /** A batch the principal may see (own department's, or any with catalog.quality:read:all). */
  private async visibleBatch(p: Principal, id: number): Promise<Batch> {
    if (!hasScope(p, 'catalog.quality:read')) throw new AppError('forbidden', 'missing scope catalog.quality:read', { scope: 'catalog.quality:read' });
    const b = await this.repo.batchById(this.db, id);
    if (!b || !canActOnOrg(p, 'catalog.quality:read', b.org_id)) throw notFound('batch', id);
    return b;
  }

  async batch(p: Principal, id: number): Promise<BatchDto> {
    return batchDto(await this.visibleBatch(p, id));
  }

  async batches(p: Principal, f: { datasetId?: number | undefined; page: number; pageSize: number }): Promise<{ items: BatchDto[]; total: number }> {
    if (!hasScope(p, 'catalog.quality:read')) throw new AppError('forbidden', 'missing scope catalog.quality:read', { scope: 'catalog.quality:read' });
    const { rows, total } = await this.repo.listBatches(this.db, {
      datasetId: f.datasetId,
      orgId: orgFilterFor(p, 'catalog.quality:read'),
      offset: (f.page - 1) * f.pageSize,
      limit: f.pageSize,
    });
    return { items: rows.map(batchDto), total };
  }

  async rejects(p: Principal, batchId: number, page: number, pageSize: number): Promise<{ items: { row: number; field: string; rule: string; message: string }[]; total: number }> {
    await this.visibleBatch(p, batchId);
    const { rows, total } = await this.repo.listRejects(this.db, batchId, (page - 1) * pageSize, pageSize);
    return { items: rows.map((r) => ({ row: r.row_no, field: r.field, rule: r.rule, message: r.message })), total };
  }

  /**
   * The stored record under `key` (one value per key field, or the joined key), with only `fields`
   * when given. For other contexts (the exchange sits on it): no principal, the caller authorises.
   */
  async lookup(datasetId: number, key: string | readonly string[], fields?: readonly string[]): Promise<LookupResult | undefined> {
    const k = typeof key === 'string' ? key : rowKeyOf(key);
    const row = await this.repo.rowByKey(this.db, datasetId, k);
    if (!row) return undefined;
    const all = JSON.parse(row.payload) as Record<string, RecordValue>;
    const record = fields ? Object.fromEntries(fields.filter((f) => Object.hasOwn(all, f)).map((f) => [f, all[f]!])) : all;
    return { datasetId, key: k, record, batchId: row.batch_id };
  }

  /** Lookup by the owning department's officers (catalog.data:read). */
  async lookupAs(p: Principal, datasetId: number, key: readonly string[], fields?: readonly string[]): Promise<LookupResult> {
    const ds = await this.readableData(p, datasetId);
    const m = JSON.parse(ds.metadata) as DatasetMetadata;
    if (key.length !== m.keyFields.length) throw new AppError('validation_failed', `key: give ${m.keyFields.length} value(s): ${m.keyFields.join(', ')}`, { field: 'key' });
    for (const f of fields ?? []) if (!m.fields.some((x) => x.name === f)) throw new AppError('validation_failed', `fields: no field named "${f}"`, { field: 'fields' });
    const r = await this.lookup(datasetId, key, fields);
    if (!r) throw notFound('record', key.join('|'));
    return r;
  }

  private async readableData(p: Principal, datasetId: number): Promise<Dataset> {
    if (!hasScope(p, 'catalog.data:read')) throw new AppError('forbidden', 'missing scope catalog.data:read', { scope: 'catalog.data:read' });
    const ds = await this.repo.datasetById(this.db, datasetId);
    if (!ds || !canActOnOrg(p, 'catalog.data:read', ds.org_id)) throw notFound('dataset', datasetId);
    return ds;
  }

  /** A page of stored records in key order (keyset pagination: pass the last key as `after`). */
  async rows(p: Principal, datasetId: number, after: string | null, limit: number): Promise<{ items: { key: string; record: Record<string, RecordValue>; batchId: number }[]; next: string | null }> {
    await this.readableData(p, datasetId);
    const rows = await this.repo.rowsAfter(this.db, datasetId, after, limit);
    return {
      items: rows.map((r) => ({ key: r.row_key, record: JSON.parse(r.payload) as Record<string, RecordValue>, batchId: r.batch_id })),
      next: rows.length === limit ? rows[rows.length - 1]!.row_key : null,
    };
  }

  /** Every stored record in key order, in pages (open-data downloads). */
  async *allRows(datasetId: number, page = 2000): AsyncGenerator<Record<string, RecordValue>> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.repo.rowsAfter(this.db, datasetId, after, page);
      for (const r of rows) yield JSON.parse(r.payload) as Record<string, RecordValue>;
      if (rows.length < page) return;
      after = rows[rows.length - 1]!.row_key;
    }
  }

  // ---- quality ---------------------------------------------------------------------------------

  /** The quality report of a dataset: recent batches, timeliness against its update frequency, open issues. */
  async datasetQuality(p: Principal, datasetId: number): Promise<{
    datasetId: number;
    rowCount: number;
    lastLoadedAt: string | null;
    timeliness: { periodicity: Periodicity; maxAgeMs: number | null; stale: boolean };
    batches: { id: number; status: string; startedAt: string; rowsRead: number; rowsLoaded: number; rowsRejected: number; passRate: number | null }[];
    failures: { field: string; rule: string; count: number }[];
    openIssues: number;
  }> {
    if (!hasScope(p, 'catalog.quality:read')) throw new AppError('forbidden', 'missing scope catalog.quality:read', { scope: 'catalog.quality:read' });
    const ds = await this.repo.datasetById(this.db, datasetId);
    if (!ds || !canActOnOrg(p, 'catalog.quality:read', ds.org_id)) throw notFound('dataset', datasetId);
    const m = JSON.parse(ds.metadata) as DatasetMetadata;
    const { rows } = await this.repo.listBatches(this.db, { datasetId, offset: 0, limit: 20 });
    const failures = new Map<string, { field: string; rule: string; count: number }>();
    for (const b of rows) {
      const q = b.quality ? (JSON.parse(b.quality) as BatchQuality) : null;
      for (const f of q?.failures ?? []) {
        const k = `${f.field}\u0000${f.rule}`;
        const prior = failures.get(k);
        if (prior) prior.count += f.count;
        else failures.set(k, { ...f });
      }
    }
    const issues = await this.repo.listIssues(this.db, { datasetId, status: 'open', offset: 0, limit: 1 });
    const maxAgeMs = MAX_AGE_MS[m.accrualPeriodicity];
    return {
      datasetId,
      rowCount: ds.row_count,
      lastLoadedAt: ds.last_loaded_at,
      timeliness: { periodicity: m.accrualPeriodicity, maxAgeMs, stale: isStale(ds.last_loaded_at, maxAgeMs, Date.now()) },
      batches: rows.reverse().map((b) => ({
        id: b.id,
        status: b.status,
        startedAt: b.started_at,
        rowsRead: b.rows_read,
        rowsLoaded: b.rows_loaded,
        rowsRejected: b.rows_rejected,
        passRate: b.rows_read > 0 ? (b.rows_read - b.rows_rejected) / b.rows_read : null,
      })),
      failures: [...failures.values()].sort((a, b) => b.count - a.count),
      openIssues: issues.total,
    };
  }

  /** Opens a timeliness issue for each published dataset not loaded within its update frequency. */
  async checkTimeliness(now = Date.now()): Promise<number> {
    let opened = 0;
    for (let page = 0; ; page++) {
      const { rows } = await this.repo.listDatasets(this.db, { state: 'published', offset: page * 200, limit: 200 });
      for (const ds of rows) {
        const m = JSON.parse(ds.metadata) as DatasetMetadata;
        const maxAgeMs = MAX_AGE_MS[m.accrualPeriodicity];
        if (!isStale(ds.last_loaded_at, maxAgeMs, now)) continue;
        const open = await this.repo.listIssues(this.db, { datasetId: ds.id, status: 'open', rule: 'timeliness', offset: 0, limit: 1 });
        if (open.total > 0) continue;
        await this.db.transaction().execute(async (tx) => {
          const [id] = await this.repo.insertIssues(tx, [
            {
              dataset_id: ds.id,
              org_id: ds.org_id,
              batch_id: null,
              field: null,
              rule: 'timeliness',
              count: 1,
              message: `not loaded since ${ds.last_loaded_at ?? 'registration'}; expected ${m.accrualPeriodicity}`,
              status: 'open',
              resolution: null,
              resolved_by: null,
              created_at: new Date(now).toISOString(),
              resolved_at: null,
            },
          ]);
          await this.catalog.audit.record(tx, actorOf(null), { action: 'catalog.issue.opened', entityType: 'quality_issue', entityId: id!, detail: { datasetId: ds.id, rule: 'timeliness' } });
        });
        opened++;
      }
      if (rows.length < 200) return opened;
    }
  }

  async issues(p: Principal, f: { datasetId?: number | undefined; status?: 'open' | 'resolved' | undefined; page: number; pageSize: number }): Promise<{ items: IssueDto[]; total: number }> {
    if (!hasScope(p, 'catalog.quality:read')) throw new AppError('forbidden', 'missing scope catalog.quality:read', { scope: 'catalog.quality:read' });
    const { rows, total } = await this.repo.listIssues(this.db, {
      orgId: orgFilterFor(p, 'catalog.quality:read'),
      datasetId: f.datasetId,
      status: f.status,
      offset: (f.page - 1) * f.pageSize,
      limit: f.pageSize,
    });
    return { items: rows.map(issueDto), total };
  }

  /** The owning department resolves an issue assigned to it. */
  async resolveIssue(p: Principal, id: number, resolution: string): Promise<IssueDto> {
    return this.db.transaction().execute(async (tx) => {
      const i = await this.repo.issueById(tx, id);
      if (!i || !canActOnOrg(p, 'catalog.quality:read', i.org_id)) throw notFound('quality issue', id);
      if (!canActOnOrg(p, 'catalog.quality:resolve', i.org_id)) throw new AppError('forbidden', 'only the owning department resolves its issues', { scope: 'catalog.quality:resolve' });
      if (i.status !== 'open') throw illegalTransition('resolve', i.status, []);
      const at = nowIso();
      await this.repo.updateIssue(tx, id, { status: 'resolved', resolution, resolved_by: `${p.kind}:${p.id}`, resolved_at: at });
      await this.catalog.audit.record(tx, actorOf(p), { action: 'catalog.issue.resolved', entityType: 'quality_issue', entityId: id, detail: { datasetId: i.dataset_id, rule: i.rule, resolution } });
      return issueDto((await this.repo.issueById(tx, id))!);
    });
  }
}

export function isStale(lastLoadedAt: string | null, maxAgeMs: number | null, now: number): boolean {
  if (maxAgeMs === null) return false;
  return lastLoadedAt === null || now - Date.parse(lastLoadedAt) > maxAgeMs;
}
