/**
 * Benefit data sources: each load of records (tax, residence, employment, company — kinds.json) is a batch with
 * its provenance (department, source system, uploaded by, file SM3, received at). Uploads (CSV UTF-8/BOM/GBK and
 * XLSX, read by detection's streaming readers) and HTTP pushes (JSON records) go through one loader: every row is
 * checked; a malformed row or a second row with the same record key in the batch is reported (row no, field,
 * reason) and the rest loads. The good rows, the rejects, the supersession of earlier records and the audit event
 * commit in ONE transaction. A record of a later batch of the same kind and department with the same record key
 * (subject + year, or subject + employer + start) supersedes the earlier one, which stays as history.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nowIso, type AnyDb } from '../../../db/database.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Principal } from '../../../kernel/principal.ts';
import type { AuditService } from '../../audit/index.ts';
import { openReader, ReaderError, type TableReader } from '../../detection/index.ts';
import { actorOf } from '../../identity/index.ts';
import { kindSpec, parseRow, SOURCE_KIND_NAMES, type KindSpec, type ParsedRecord, type RowError } from './kinds.ts';
import { SourcesRepo, type StoredBatch, type StoredReject } from './sources.repo.ts';
import type { Insertable } from 'kysely';
import type { RecordRow, RejectRow } from '../engine.tables.ts';

export const SOURCE_SCOPES = { load: 'benefits.sources:load', read: 'benefits.sources:read' } as const;
/** Rejects kept per batch (the count is always complete). */
export const MAX_STORED_REJECTS = 10_000;
/** Records per HTTP push. */
export const MAX_PUSH_ROWS = 10_000;
const UPLOAD_EXTENSIONS = ['.csv', '.tsv', '.xlsx'];
/** Rows written per statement group while loading. */
const WRITE_CHUNK = 2_000;

export type BatchStatus = 'running' | 'loaded' | 'partial' | 'failed';

export interface BatchDto {
  id: number;
  kind: string;
  orgId: number;
  provenance: { via: string; sourceSystem: string | null; filename: string | null; sm3: string | null; bytes: number | null; uploadedBy: string; receivedAt: string };
  status: BatchStatus;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Earlier records this batch superseded. */
  rowsSuperseding: number;
  error: string | null;
  finishedAt: string | null;
}

export interface RejectDto {
  rowNo: number;
  field: string | null;
  reason: string;
  message: string;
}

export interface SourcesDeps {
  db: AnyDb;
  audit: AuditService;
  /** The platform's person-hash key (the same as the service hall's accounts). */
  personHashKey: string;
}

/** One row to load: its 1-based number in the source and its cells by field name. */
export interface SourceRow {
  rowNo: number;
  cells: Record<string, unknown>;
}

function batchDto(b: StoredBatch): BatchDto {
  return {
    id: b.id,
    kind: b.kind,
    orgId: b.org_id,
    provenance: { via: b.via, sourceSystem: b.source_system, filename: b.filename, sm3: b.sm3, bytes: b.bytes === null ? null : Number(b.bytes), uploadedBy: b.uploaded_by, receivedAt: b.received_at },
    status: b.status as BatchStatus,
    rowsRead: b.rows_read,
    rowsLoaded: b.rows_loaded,
    rowsRejected: b.rows_rejected,
    rowsSuperseding: b.rows_superseding,
    error: b.error,
    finishedAt: b.finished_at,
  };
}

const rejectDto = (r: StoredReject): RejectDto => ({ rowNo: r.row_no, field: r.field, reason: r.reason, message: r.message });

export class SourcesService {
  readonly repo = new SourcesRepo();

  constructor(private readonly deps: SourcesDeps) {}

  kinds(): { kind: string; spec: KindSpec }[] {
    return SOURCE_KIND_NAMES.map((kind) => ({ kind, spec: kindSpec(kind)! }));
  }

  /** The department a load is recorded for: the caller's own, or any named one with `:all` (platform admin, bureau). */
  private loadingOrg(p: Principal | null, orgId: number | undefined): number {
    if (p && !hasScope(p, SOURCE_SCOPES.load)) throw new AppError('forbidden', `missing scope ${SOURCE_SCOPES.load}`, { scope: SOURCE_SCOPES.load });
    const org = orgId ?? p?.orgId ?? null;
    if (org === null) throw new AppError('validation_failed', 'orgId: required for a caller without a department', [{ field: 'orgId', reason: 'required' }]);
    if (p && !canActOnOrg(p, SOURCE_SCOPES.load, org)) throw new AppError('forbidden', 'a department loads only its own records', { scope: SOURCE_SCOPES.load });
    return org;
  }

  private spec(kind: string): KindSpec {
    const spec = kindSpec(kind);
    if (!spec) throw new AppError('validation_failed', `kind: unknown source kind "${kind}" (one of ${SOURCE_KIND_NAMES.join(', ')})`, [{ field: 'kind', reason: 'unknown' }]);
    return spec;
  }

  /** An uploaded CSV/TSV/XLSX file, loaded at once (a temp file for the streaming reader, removed afterwards). */
  async upload(p: Principal | null, input: { kind: string; orgId?: number | undefined; sourceSystem?: string | undefined; filename: string; data: Buffer }): Promise<BatchDto> {
    const spec = this.spec(input.kind);
    const orgId = this.loadingOrg(p, input.orgId);
    const ext = path.extname(input.filename).toLowerCase();
    if (!UPLOAD_EXTENSIONS.includes(ext)) throw new AppError('unsupported_media_type', `${input.filename}: send a .csv, .tsv or .xlsx file`);
    const temp = path.join(os.tmpdir(), `landao-benefits-${crypto.randomUUID()}${ext}`);
    fs.writeFileSync(temp, input.data);
    try {
      return await this.loadFile(p, { kind: input.kind, spec, orgId, via: 'upload', sourceSystem: input.sourceSystem ?? null, filename: input.filename, sm3: sm3(input.data), bytes: input.data.length }, temp);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }

  /** A local file (demo seeding, benchmarks). */
  async loadLocalFile(p: Principal | null, input: { kind: string; orgId?: number | undefined; sourceSystem?: string | undefined }, file: string): Promise<BatchDto> {
    const spec = this.spec(input.kind);
    const orgId = this.loadingOrg(p, input.orgId);
    const data = fs.readFileSync(file);
    return this.loadFile(p, { kind: input.kind, spec, orgId, via: 'file', sourceSystem: input.sourceSystem ?? null, filename: path.basename(file), sm3: sm3(data), bytes: data.length }, file);
  }

  /** The tax bureau's system (or any department's) pushes JSON records; loaded at once as one batch. */
  async push(p: Principal | null, input: { kind: string; orgId?: number | undefined; sourceSystem?: string | undefined; records: Record<string, unknown>[] }): Promise<BatchDto> {
    const spec = this.spec(input.kind);
    const orgId = this.loadingOrg(p, input.orgId);
    if (input.records.length > MAX_PUSH_ROWS) throw new AppError('payload_too_large', `records: at most ${MAX_PUSH_ROWS} records per push`, { field: 'records' });
    const rows = (async function* () {
      yield input.records.map((cells, i) => ({ rowNo: i + 1, cells }));
    })();
    return this.load(p, { kind: input.kind, spec, orgId, via: 'push', sourceSystem: input.sourceSystem ?? null, filename: null, sm3: sm3(JSON.stringify(input.records)), bytes: null }, rows);
  }

  private async loadFile(p: Principal | null, meta: LoadMeta, file: string): Promise<BatchDto> {
    let reader: TableReader;
    try {
      reader = await openReader(file, { source: meta.filename ?? 'upload', ragged: 'pad' });
    } catch (e) {
      throw new AppError('validation_failed', `${meta.filename}: ${e instanceof Error ? e.message : String(e)}`, [{ field: 'file', reason: 'unreadable' }]);
    }
    try {
      const header = reader.columns().map((c) => c.replace(/^\uFEFF/, '').trim());
      const known = new Set(meta.spec.fields.map((f) => f.name));
      const missing = meta.spec.fields.filter((f) => f.required && !header.includes(f.name)).map((f) => f.name);
      if (missing.length) throw new AppError('validation_failed', `${meta.filename}: missing column(s) ${missing.join(', ')}`, missing.map((field) => ({ field, reason: 'missing_column' })));
      const index = header.map((h, i) => [h, i] as const).filter(([h]) => known.has(h));
      const rows = (async function* () {
        for await (const b of reader.batches()) {
          yield b.rows.map((cells, i) => ({ rowNo: b.firstRow + i, cells: Object.fromEntries(index.map(([h, j]) => [h, cells[j] ?? ''])) }));
        }
      })();
      return await this.load(p, meta, rows);
    } catch (e) {
      if (e instanceof ReaderError) throw new AppError('validation_failed', `${meta.filename}: ${e.message}`, [{ field: 'file', reason: 'unreadable' }]);
      throw e;
    } finally {
      await reader.close();
    }
  }

  /** Checks and loads rows as one batch; the good rows and everything about the batch commit together. */
  async load(p: Principal | null, meta: LoadMeta, rows: AsyncIterable<SourceRow[]>): Promise<BatchDto> {
    const by = p ? `${p.kind}:${p.id}` : 'system';
    const receivedAt = nowIso();
    return this.deps.db.transaction().execute(async (tx) => {
      const batchId = await this.repo.insertBatch(tx, {
        kind: meta.kind,
        org_id: meta.orgId,
        via: meta.via,
        source_system: meta.sourceSystem,
        filename: meta.filename,
        sm3: meta.sm3,
        bytes: meta.bytes,
        uploaded_by: by,
        received_at: receivedAt,
        status: 'running',
        rows_read: 0,
        rows_loaded: 0,
        rows_rejected: 0,
        rows_superseding: 0,
        error: null,
        finished_at: null,
      });
      const seen = new Map<string, number>();
      const rejects: Insertable<RejectRow>[] = [];
      let read = 0;
      let loaded = 0;
      let rejected = 0;
      let pending: { rowNo: number; record: ParsedRecord }[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        const out: Insertable<RecordRow>[] = pending.map(({ rowNo, record: r }) => ({
          batch_id: batchId,
          row_no: rowNo,
          kind: meta.kind,
          org_id: meta.orgId,
          subject_kind: r.subjectKind,
          subject_key: r.subjectKey,
          record_key: r.recordKey,
          year: r.year,
          masked_id: r.maskedId,
          name: r.name,
          data: JSON.stringify(r.data),
          current: 1,
          superseded_by: null,
        }));
        pending = [];
        await this.repo.insertRecords(tx, out);
      };
      const reject = (rowNo: number, errors: RowError[]) => {
        rejected++;
        for (const e of errors) if (rejects.length < MAX_STORED_REJECTS) rejects.push({ batch_id: batchId, row_no: rowNo, field: e.field, reason: e.reason, message: e.message });
      };
      for await (const chunk of rows) {
        for (const row of chunk) {
          read++;
          const { record, errors } = parseRow(meta.spec, row.cells, this.deps.personHashKey);
          if (!record) {
            reject(row.rowNo, errors);
            continue;
          }
          const first = seen.get(record.recordKey);
          if (first !== undefined) {
            reject(row.rowNo, [{ field: null, reason: 'duplicate', message: `the same record as row ${first} of this batch` }]);
            continue;
          }
          seen.set(record.recordKey, row.rowNo);
          pending.push({ rowNo: row.rowNo, record });
          loaded++;
          if (pending.length >= WRITE_CHUNK) await flush();
        }
      }
      await flush();
      await this.repo.insertRejects(tx, rejects);
      const superseding = await this.repo.supersede(tx, { id: batchId, kind: meta.kind, org_id: meta.orgId });
      const status: BatchStatus = rejected > 0 ? 'partial' : 'loaded';
      await this.repo.updateBatch(tx, batchId, { status, rows_read: read, rows_loaded: loaded, rows_rejected: rejected, rows_superseding: superseding, finished_at: nowIso() });
      await this.deps.audit.record(tx, actorOf(p), {
        action: 'benefits.batch.loaded',
        entityType: 'benefits_batch',
        entityId: batchId,
        detail: { kind: meta.kind, orgId: meta.orgId, via: meta.via, sourceSystem: meta.sourceSystem, filename: meta.filename, sm3: meta.sm3, rowsRead: read, rowsLoaded: loaded, rowsRejected: rejected, superseding },
      });
      return batchDto((await this.repo.batchById(tx, batchId))!);
    });
  }

  private readable(p: Principal, b: StoredBatch | undefined, id: number): StoredBatch {
    if (!hasScope(p, SOURCE_SCOPES.read)) throw new AppError('forbidden', `missing scope ${SOURCE_SCOPES.read}`, { scope: SOURCE_SCOPES.read });
    if (!b || !canActOnOrg(p, SOURCE_SCOPES.read, b.org_id)) throw notFound('batch', id);
    return b;
  }

  async listBatches(p: Principal, f: { kind?: string | undefined; page: number; pageSize: number }): Promise<{ items: BatchDto[]; total: number }> {
    if (!hasScope(p, SOURCE_SCOPES.read)) throw new AppError('forbidden', `missing scope ${SOURCE_SCOPES.read}`, { scope: SOURCE_SCOPES.read });
    const r = await this.repo.listBatches(this.deps.db, { orgId: orgFilterFor(p, SOURCE_SCOPES.read), kind: f.kind, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    return { items: r.items.map(batchDto), total: r.total };
  }

  async batch(p: Principal, id: number): Promise<BatchDto> {
    return batchDto(this.readable(p, await this.repo.batchById(this.deps.db, id), id));
  }

  async rejects(p: Principal, id: number, page: number, pageSize: number): Promise<{ items: RejectDto[]; total: number }> {
    this.readable(p, await this.repo.batchById(this.deps.db, id), id);
    const r = await this.repo.rejects(this.deps.db, id, pageSize, (page - 1) * pageSize);
    return { items: r.items.map(rejectDto), total: r.total };
  }
}

interface LoadMeta {
  kind: string;
  spec: KindSpec;
  orgId: number;
  via: 'upload' | 'push' | 'file';
  sourceSystem: string | null;
  filename: string | null;
  sm3: string | null;
  bytes: number | null;
}
