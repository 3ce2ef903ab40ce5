/**
 * The archive (电子档案): ingest → 档号 → BagIt package → 四性检测 → record, corrections as new versions,
 * export/import of bags, fixity audits. Other contexts archive with ONE call: `archive(tx?, input)`.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AnyDb, Executor } from '../../db/database.ts';
import type { BlobStore } from '../../kernel/blob/blob-store.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Principal } from '../../kernel/principal.ts';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../audit/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { formatArchivalCode, parseArchivalCode, seriesKey } from './archival-code.ts';
import { ArchivesRepo, type RecordFilter, type StoredFile, type StoredRecord, type StoredVersion } from './archives.repo.ts';
import { BAG_ALGORITHMS, buildTagFiles, readMetadataXml, safeFileName, validateBagDir, type BagReport } from './bagit.ts';
import { archivingChecks, ClamAvScanner, overall, type CheckItem, type FourPropertiesReport, type VirusScanner } from './four-checks.ts';
import { FormatSniffer, type FormatFinding } from './formats.ts';
import { checkDescription, metadataXml, parseDescription, type Description, type DescriptionInput, type PackageFile } from './metadata.ts';
import { categoryOf, RETENTION_YEARS, retentionFor, shippedSchedule, type Schedule } from './schedule.ts';
import { allowedLoanActions, foldLoan, loanRequestSchema, nextLoanState } from './loans.ts';
import { ArchiveSearch, PATH_RE, type SearchItem, type SearchPage, type SearchQuery } from './search.ts';
import { digestChunks, DualDigest } from './digest-pool.ts';
import { writeZip, type ZipEntrySource } from './zip.ts';

export interface ArchiveFileInput {
  name: string;
  mediaType?: string | undefined;
  stream?: Readable | undefined;
  buffer?: Buffer | undefined;
  /** Digests the sender computed, compared at ingest (DA/T 70 1-14). */
  sha512?: string | undefined;
  sm3?: string | undefined;
}

export type ArchiveInput = DescriptionInput & { files: ArchiveFileInput[]; ownerOrgId?: number | null | undefined };

export interface ArchiveResult {
  recordId: number;
  archivalCode: string;
  version: number;
  /** false when the source reference was archived before (a rerun): nothing new was written. */
  created: boolean;
  report: FourPropertiesReport;
}

export interface ArchiveServiceDeps {
  db: AnyDb;
  audit: AuditService;
  blobs: BlobStore;
  /** 全宗号 of the zone's archive (4 characters). */
  fonds?: string | undefined;
  sourceOrganization?: string | undefined;
  schedule?: Schedule | undefined;
  scanner?: VirusScanner | undefined;
  now?: (() => Date) | undefined;
}

export const FIXITY_JOB = 'archives.fixity';
/** The fixity job runs hourly; each run takes its share of the rotation. */
export const FIXITY_INTERVAL_MS = 3600_000;
export const DEFAULT_FIXITY_MAX_AGE_DAYS = 90;
const MAX_FILES = 1000;
/** Fixity: versions per catalog read and per recording transaction. */
const FIXITY_BATCH = 64;
/** Fixity: packages re-hashed at a time (one reads while another hashes). */
const FIXITY_CONCURRENCY = 2;
/** Fixity: files from this size on are hashed on two cores (SM3 in the digest worker); smaller ones inline. */
const DUAL_DIGEST_BYTES = 1 << 20;
/** Fixity: bytes per read of a stored file. */
const FIXITY_READ_BYTES = 1 << 20;

interface TagEntry {
  size: number;
  sha512: string;
  sm3: string;
}

interface PremisEvent {
  id: string;
  type: string;
  dateTime: string;
  outcome: string;
  agent: string;
  detail: string;
}

export interface FixityResult {
  versionId: number;
  archivalCode: string;
  version: number;
  ok: boolean;
  changed: string[];
  missing: string[];
  extra: string[];
}

export const actorOf = (p: Principal | undefined): Actor => (p ? { kind: p.kind, id: String(p.id), orgId: p.orgId, ip: p.ip } : SYSTEM_ACTOR);
export const agentOf = (p: Principal | undefined) => (p ? `${p.kind}:${p.id} ${p.name}` : 'system:landao');
const shaDigest = (alg: string, b: Buffer) => crypto.createHash(alg).update(b).digest('hex');
export const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export class ArchiveService {
  readonly repo = new ArchivesRepo();
  readonly db: AnyDb;
  readonly audit: AuditService;
  readonly blobs: BlobStore;
  readonly fonds: string;
  private readonly sourceOrganization: string;
  readonly schedule: Schedule;
  private readonly scanner: VirusScanner;
  readonly now: () => Date;
  /** Full-text index and 档号 paths (search.ts); written in the archiving transaction. */
  readonly search: ArchiveSearch;

  constructor(deps: ArchiveServiceDeps) {
    this.db = deps.db;
    this.audit = deps.audit;
    this.blobs = deps.blobs;
    this.fonds = deps.fonds ?? 'PT01';
    if (!/^[A-Z0-9]{4}$/.test(this.fonds)) throw new AppError('bad_request', `fonds: 全宗号 must be 4 capital letters or digits, not ${this.fonds}`);
    this.sourceOrganization = deps.sourceOrganization ?? '平潭综合实验区';
    this.schedule = deps.schedule ?? shippedSchedule();
    this.scanner = deps.scanner ?? new ClamAvScanner();
    this.now = deps.now ?? (() => new Date());
    this.search = new ArchiveSearch({ db: this.db, blobs: this.blobs, fonds: this.fonds, now: this.now });
  }

  // ---- ingest ---------------------------------------------------------------------------------

  /**
   * Archives one unit (a closed case, a certificate, a clearance, an API submission). Files are hashed
   * once while they stream into the blob store; then, in one transaction (the caller's, when given),
   * the series counter is locked, the 档号 assigned, the tag files written, the 四性 checks run and the
   * rows and audit event inserted. A failing check throws `unprocessable` with the report and leaves
   * nothing (the counter rolls back). The same (source, sourceRef) again returns the existing record.
   * Without a principal it runs as the platform (the hooks of other contexts).
   */
  async archive(tx: Executor | undefined, input: ArchiveInput, by?: Principal): Promise<ArchiveResult> {
    const d = parseDescription(input);
    const category = categoryOf(this.schedule, d.category);
    if (!Array.isArray(input.files) || input.files.length === 0) throw new AppError('validation_failed', 'files: at least one file', { problems: [{ field: 'files', reason: 'required' }] });
    if (input.files.length > MAX_FILES) throw new AppError('validation_failed', `files: at most ${MAX_FILES} files`, { problems: [{ field: 'files', reason: 'too_many' }] });
    input.files.forEach((f, i) => {
      if (typeof f.name !== 'string' || f.name.trim() === '') throw new AppError('validation_failed', `files[${i}].name: required`, { problems: [{ field: `files.${i}.name`, reason: 'required' }] });
      if (!f.stream === !f.buffer) throw new AppError('validation_failed', `files[${i}]: exactly one of stream or buffer`, { problems: [{ field: `files.${i}`, reason: 'stream_or_buffer' }] });
    });
    const existing = await this.repo.recordBySource(tx ?? this.db, d.source, d.sourceRef);
    if (existing) {
      input.files.forEach((f) => f.stream?.destroy());
      return this.existingResult(existing);
    }
    const retention = d.retention ?? retentionFor(category, d.documentType);
    const org = d.org ?? category.org;
    const year = Number(d.date.slice(0, 4));
    const bagKey = `archives/bags/${d.category}/${year}/${crypto.randomUUID()}`;
    try {
      const files = await this.storePayload(bagKey, input.files);
      const extracted = await this.search.extract(bagKey, files);
      const run = (t: Executor) => this.commitIngest(t, { d, retention, org, year, bagKey, files, by, ownerOrgId: input.ownerOrgId ?? by?.orgId ?? null, version: 1, extracted });
      return tx ? await run(tx) : await this.db.transaction().execute(run);
    } catch (e) {
      await this.removeBag(bagKey);
      // Another ingest of the same source won the race: answer with its record. Not inside a caller's transaction,
      // which is failing anyway (on PostgreSQL it is aborted; on SQLite a read through this.db would wait for the
      // one connection that transaction holds, for ever): the caller sees the duplicate and retries.
      if (e instanceof AppError && e.code === 'duplicate' && !tx) {
        const again = await this.repo.recordBySource(this.db, d.source, d.sourceRef);
        if (again) return this.existingResult(again);
      }
      throw e;
    }
  }

  /** An API submission (scope archives:submit); its source is always `api`. */
  async submit(p: Principal, input: ArchiveInput): Promise<ArchiveResult> {
    if (!hasScope(p, 'archives:submit')) throw new AppError('forbidden', 'archives:submit is needed to submit packages');
    return this.archive(undefined, { ...input, source: 'api', ownerOrgId: p.orgId }, p);
  }

  /**
   * A correction: a new version of the record under the same 档号 with a new package; the old version
   * and its package stay. Files default to the current version's.
   */
  async correct(p: Principal, recordId: number, change: { reason: string; description?: Partial<DescriptionInput> | undefined; files?: ArchiveFileInput[] | undefined }): Promise<ArchiveResult> {
    const record = await this.visibleRecord(p, recordId);
    if (!canActOnOrg(p, 'archives:correct', record.owner_org_id)) throw new AppError('forbidden', 'archives:correct is needed to correct a record');
    if (typeof change.reason !== 'string' || change.reason.trim() === '') throw new AppError('validation_failed', 'reason: a correction needs its reason', { problems: [{ field: 'reason', reason: 'required' }] });
    const current = (await this.repo.version(this.db, record.id, record.current_version))!;
    const previous = JSON.parse(current.metadata) as Description;
    const d = parseDescription({ ...previous, ...change.description, source: previous.source, sourceRef: previous.sourceRef, category: previous.category, retention: record.retention, org: record.org_code });
    let sources = change.files;
    if (!sources) {
      const files = await this.repo.filesOf(this.db, current.id);
      sources = await Promise.all(files.map(async (f) => ({ name: f.path.replace(/^data\//, ''), stream: await this.blobs.get(`${current.bag_key}/${f.path}`) })));
    }
    const bagKey = `archives/bags/${record.category}/${record.year}/${crypto.randomUUID()}`;
    try {
      const files = await this.storePayload(bagKey, sources);
      const extracted = await this.search.extract(bagKey, files);
      return await this.db.transaction().execute((t) => this.commitIngest(t, { d, retention: record.retention, org: record.org_code, year: record.year, bagKey, files, by: p, ownerOrgId: record.owner_org_id, version: current.version + 1, record, reason: change.reason.trim(), extracted }));
    } catch (e) {
      await this.removeBag(bagKey);
      throw e;
    }
  }

  private async existingResult(r: StoredRecord): Promise<ArchiveResult> {
    const v = (await this.repo.version(this.db, r.id, r.current_version))!;
    return { recordId: r.id, archivalCode: r.archival_code, version: v.version, created: false, report: JSON.parse(v.check_report) as FourPropertiesReport };
  }

  /** Removes every blob of a bag (a failed ingest, a destroyed record). */
  async removeBag(bagKey: string): Promise<void> {
    for await (const k of this.blobs.list(`${bagKey}/`)) await this.blobs.delete(k).catch(() => undefined);
  }

  /** Streams every file into the blob store once, computing SHA-512 here, SM3 in the store, and the format by content. */
  private async storePayload(bagKey: string, inputs: ArchiveFileInput[]): Promise<(PackageFile & { finding: FormatFinding; expected: { sha512?: string | undefined; sm3?: string | undefined } })[]> {
    const taken = new Set<string>();
    const out: (PackageFile & { finding: FormatFinding; expected: { sha512?: string | undefined; sm3?: string | undefined } })[] = [];
    for (const f of inputs) {
      const rel = `data/${safeFileName(f.name, taken)}`;
      // SHA-512 on this thread, SM3 in a worker (digest-pool.ts); the store does not hash again.
      const digest = new DualDigest();
      const sniffer = new FormatSniffer();
      const tap = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          sniffer.update(chunk);
          digest.update(chunk).then(() => cb(null, chunk), cb);
        },
      });
      const source = f.stream ?? Readable.from([f.buffer!]);
      try {
        const stored = this.blobs.put(`${bagKey}/${rel}`, tap, { digests: false });
        await Promise.all([pipeline(source, tap).catch((e: unknown) => {
          tap.destroy(e as Error);
          throw e;
        }), stored]);
        const r = await stored;
        const { sha512, sm3 } = await digest.digest();
        const finding = sniffer.finish();
        out.push({ path: rel, size: r.size, sha512, sm3, mediaType: finding.mediaType, format: finding.format, finding, expected: { sha512: f.sha512, sm3: f.sm3 } });
      } catch (e) {
        digest.abandon();
        throw e;
      }
    }
    return out;
  }

  private async commitIngest(
    tx: Executor,
    a: {
      d: Description;
      retention: string;
      org: string;
      year: number;
      bagKey: string;
      files: (PackageFile & { finding: FormatFinding; expected: { sha512?: string | undefined; sm3?: string | undefined } })[];
      by: Principal | undefined;
      ownerOrgId: number | null;
      version: number;
      record?: StoredRecord | undefined;
      reason?: string | undefined;
      /** Text of the files for the search index (search.extract). */
      extracted?: string | undefined;
    },
  ): Promise<ArchiveResult> {
    const at = this.now().toISOString();
    const parts = { fonds: this.fonds, category: a.d.category, year: a.year, retention: a.retention as 'Y' | 'D30' | 'D10', org: a.org };
    const series = seriesKey(parts);
    let itemNo: number;
    let maxBefore: number;
    if (a.record) {
      itemNo = a.record.item_no;
      maxBefore = itemNo - 1;
    } else {
      itemNo = await this.repo.nextItemNo(tx, series);
      maxBefore = await this.repo.maxItemNo(tx, series);
    }
    const archivalCode = a.record?.archival_code ?? formatArchivalCode({ ...parts, itemNo });
    const takenBy = a.record ? null : await this.repo.recordByCode(tx, archivalCode);

    const virus = await this.virusCheck(a.bagKey, a.files.map((f) => f.path));
    const events: PremisEvent[] = [
      { id: crypto.randomUUID(), type: 'message digest calculation', dateTime: at, outcome: 'success', agent: 'Landao archives (node:crypto sha512, sm3)', detail: `${a.files.length} files hashed once while stored` },
      { id: crypto.randomUUID(), type: 'format identification', dateTime: at, outcome: 'success', agent: 'Landao archives (magic bytes)', detail: a.files.map((f) => `${f.path}=${f.format}`).join(', ') },
      { id: crypto.randomUUID(), type: 'virus check', dateTime: at, outcome: virus.scanner ? (virus.clean ? 'success' : 'failure') : 'not performed', agent: virus.scanner ?? 'none', detail: virus.evidence ?? 'ClamAV not available' },
      { id: crypto.randomUUID(), type: a.version === 1 ? 'ingestion' : 'modification', dateTime: at, outcome: 'success', agent: agentOf(a.by), detail: a.version === 1 ? `archived from ${a.d.source} ${a.d.sourceRef} as ${archivalCode}` : `version ${a.version}: ${a.reason}` },
    ];
    const premis = JSON.stringify({ premisVersion: '3.0', object: { identifier: archivalCode, version: a.version }, events }, null, 2) + '\n';
    const xml = metadataXml(a.d, { archivalCode, version: a.version, retention: a.retention, org: a.org, fonds: this.fonds, reason: a.reason }, a.files);
    const tags = buildTagFiles(
      { sourceOrganization: this.sourceOrganization, externalIdentifier: archivalCode, baggingDate: chinaDate(this.now()), internalSenderIdentifier: `${a.d.source}:${a.d.sourceRef}`, description: a.d.title, version: a.version },
      a.files,
      xml,
      premis,
    );
    const tagEntries: Record<string, TagEntry> = {};
    for (const t of tags) {
      await this.blobs.put(`${a.bagKey}/${t.name}`, t.data);
      tagEntries[t.name] = { size: t.data.length, sha512: shaDigest('sha512', t.data), sm3: shaDigest('sm3', t.data) };
    }

    let xmlProblem: string | null = null;
    let parsed: ReturnType<typeof readMetadataXml> | undefined;
    try {
      parsed = readMetadataXml(xml);
    } catch (e) {
      xmlProblem = `metadata.xml does not parse: ${(e as Error).message}`;
    }
    const storedSizes = new Map<string, number | null>();
    for (const f of a.files) storedSizes.set(f.path, (await this.blobs.stat(`${a.bagKey}/${f.path}`))?.size ?? null);
    const descCheck = parsed ? checkDescription({ ...parsed.fields, metadata: parsed.additional }) : { ok: true as const };
    const items: CheckItem[] = archivingChecks({
      archivalCode,
      codeWellFormed: parseArchivalCode(archivalCode) !== null,
      codeTakenBy: takenBy ? String(takenBy.id) : null,
      itemNo,
      maxItemNoBefore: maxBefore,
      files: a.files,
      storedSizes,
      payloadOxum: /Payload-Oxum: (\S+)/.exec(tags.find((t) => t.name === 'bag-info.txt')!.data.toString())![1]!,
      metadataXmlParses: xmlProblem,
      metadataFileCount: parsed?.files.length ?? 0,
      descriptionProblems: descCheck.ok ? [] : descCheck.problems.map((p) => `${p.field}: ${p.reason}`),
      mandatory: { title: a.d.title, responsible: a.d.responsible, date: a.d.date, category: a.d.category, retention: a.retention, archivalCode },
      ingestionEventRecorded: events.some((e) => e.type === 'ingestion' || e.type === 'modification'),
      virus,
      today: chinaDate(this.now()),
      date: a.d.date,
    });
    const report: FourPropertiesReport = { archivalCode, version: a.version, stage: 'archiving', at, result: overall(items), items };
    if (report.result === 'fail') {
      const failed = items.filter((i) => i.result === 'fail');
      throw new AppError('unprocessable', `四性检测 failed: ${failed.map((i) => `${i.code} ${i.evidence}`).join('; ')}`, { report });
    }

    let recordId: number;
    if (a.record) {
      recordId = a.record.id;
      await this.repo.setCurrentVersion(tx, recordId, a.version);
    } else {
      try {
        recordId = await this.repo.insertRecord(tx, { archival_code: archivalCode, series_key: series, fonds: this.fonds, category: a.d.category, year: a.year, retention: a.retention, org_code: a.org, item_no: itemNo, source: a.d.source, source_ref: a.d.sourceRef, owner_org_id: a.ownerOrgId, current_version: 1, created_at: at });
      } catch (e) {
        if (/unique|duplicate/i.test((e as Error).message)) throw new AppError('duplicate', `${a.d.source} ${a.d.sourceRef} is being archived by another request`);
        throw e;
      }
    }
    const versionId = await this.repo.insertVersion(tx, {
      record_id: recordId,
      version: a.version,
      bag_key: a.bagKey,
      title: a.d.title,
      responsible: a.d.responsible,
      doc_date: a.d.date,
      document_no: a.d.documentNo ?? null,
      case_ref: a.d.caseRef ?? null,
      metadata: JSON.stringify(a.d),
      file_count: a.files.length,
      payload_bytes: a.files.reduce((s, f) => s + f.size, 0),
      tag_files: JSON.stringify(tagEntries),
      check_result: report.result,
      check_report: JSON.stringify(report),
      reason: a.reason ?? null,
      created_by: agentOf(a.by),
      created_at: at,
      fixity_checked_at: at,
      fixity_status: 'ok',
    });
    await this.repo.insertFiles(tx, a.files.map((f) => ({ version_id: versionId, path: f.path, size: f.size, sha512: f.sha512, sm3: f.sm3, media_type: f.mediaType, format: f.format })));
    await this.search.index(tx, { recordId, versionId, archivalCode, parts: { ...parts, itemNo }, ownerOrgId: a.record?.owner_org_id ?? a.ownerOrgId, description: a.d, extracted: a.extracted ?? '' });
    await this.repo.insertEvents(tx, [
      ...events.map((e) => ({ record_id: recordId, version_id: versionId, type: e.type, outcome: e.outcome, agent: e.agent, at: e.dateTime, detail: JSON.stringify({ id: e.id, detail: e.detail }) })),
      { record_id: recordId, version_id: versionId, type: 'validation', outcome: report.result, agent: 'Landao archives (四性检测)', at, detail: JSON.stringify({ items: items.length, failed: 0, warned: items.filter((i) => i.result === 'warn').map((i) => i.code) }) },
    ]);
    await this.audit.record(tx, actorOf(a.by), {
      action: a.version === 1 ? 'archives.record.archived' : 'archives.record.corrected',
      entityType: 'archives.record',
      entityId: recordId,
      detail: { archivalCode, version: a.version, source: a.d.source, sourceRef: a.d.sourceRef, files: a.files.length, check: report.result, ...(a.reason ? { reason: a.reason } : {}) },
    });
    return { recordId, archivalCode, version: a.version, created: true, report };
  }

  private async virusCheck(bagKey: string, paths: string[]): Promise<{ scanner: string | null; clean?: boolean; evidence?: string }> {
    const scanner = this.scanner.available();
    if (!scanner) return { scanner: null };
    const local: string[] = [];
    for (const p of paths) {
      const f = await this.blobs.localPath(`${bagKey}/${p}`);
      if (f) local.push(f);
    }
    if (local.length === 0) return { scanner, evidence: 'files are not on a local disk; not scanned' };
    const r = await this.scanner.scan(local);
    return { scanner, clean: r.clean, evidence: r.evidence };
  }

  // ---- reading --------------------------------------------------------------------------------

  private async visibleRecord(p: Principal, id: number): Promise<StoredRecord> {
    if (!hasScope(p, 'archives:read')) throw new AppError('forbidden', 'archives:read is needed to read archives');
    const r = await this.repo.recordById(this.db, id);
    const org = orgFilterFor(p, 'archives:read');
    if (!r || (org !== undefined && r.owner_org_id !== org)) throw notFound('archive record', id);
    return r;
  }

  /** A record the principal may use: its own (or :all), or another department's through an approved loan covering today. */
  private async readableRecord(p: Principal, id: number): Promise<{ record: StoredRecord; loanId: number | null }> {
    if (!hasScope(p, 'archives:read')) throw new AppError('forbidden', 'archives:read is needed to read archives');
    const r = await this.repo.recordById(this.db, id);
    if (!r) throw notFound('archive record', id);
    const org = orgFilterFor(p, 'archives:read');
    if (org === undefined || r.owner_org_id === org) return { record: r, loanId: null };
    const loan = p.orgId !== null ? await this.repo.activeLoan(this.db, r.id, p.orgId, chinaDate(this.now())) : undefined;
    if (!loan) throw notFound('archive record', id);
    return { record: r, loanId: loan.id };
  }

  private async logAccess(p: Principal, r: StoredRecord, action: 'view' | 'download', loanId: number | null, file: string | null): Promise<void> {
    await this.repo.logAccess(this.db, { record_id: r.id, version: r.current_version, action, path: file, actor: agentOf(p), org_id: p.orgId, loan_id: loanId, at: this.now().toISOString() });
  }

  /** Records by filters, oldest first; destroyed records (tombstones) only with `status` destroyed or all. */
  async list(p: Principal, f: Pick<RecordFilter, 'category' | 'year' | 'retention' | 'q' | 'limit' | 'afterId' | 'status'>) {
    if (!hasScope(p, 'archives:read')) throw new AppError('forbidden', 'archives:read is needed to read archives');
    const rows = await this.repo.listRecords(this.db, { ...f, ownerOrgId: orgFilterFor(p, 'archives:read'), limit: Math.min(f.limit ?? 50, 500) });
    return rows.map((r) => ({ id: r.id, archivalCode: r.archival_code, category: r.category, year: r.year, retention: r.retention, title: r.title, date: r.doc_date, documentNo: r.document_no, version: r.current_version, destroyedAt: r.destroyed_at }));
  }

  /**
   * The search's tombstone view (`status=destroyed`): destroyed records left the full-text index with
   * their bags, so they are found by the words of their title, document number or 档号 and the same
   * filters, newest first (cursor `t<id>`). Own department's records; all with archives:read:all.
   */
  async searchTombstones(p: Principal, s: SearchQuery): Promise<Omit<SearchPage, 'items'> & { items: (SearchItem & { destroyedAt: string | null })[] }> {
    if (!hasScope(p, 'archives:read')) throw new AppError('forbidden', 'archives:read is needed to search archives');
    if (s.path !== undefined && !PATH_RE.test(s.path)) throw new AppError('validation_failed', `path: a 档号 path prefix like PT01/HY/2026/Y/SHSY, not ${s.path}`, { problems: [{ field: 'path', reason: 'format' }] });
    const before = s.cursor !== undefined ? Number(/^t(\d+)$/.exec(s.cursor)?.[1] ?? NaN) : undefined;
    if (before !== undefined && !Number.isInteger(before)) throw new AppError('validation_failed', 'cursor: not a cursor of this search', { problems: [{ field: 'cursor', reason: 'format' }] });
    const own = orgFilterFor(p, 'archives:read');
    // Another department's tombstones stay out of sight, whatever `department` asks for.
    if (own !== undefined && s.department !== undefined && s.department !== own) return { items: [], total: 0, totalIsLowerBound: false, nextCursor: null };
    const limit = Math.min(Math.max(s.limit ?? 20, 1), 200);
    const rows = await this.repo.listRecords(this.db, {
      status: 'destroyed',
      q: s.q,
      category: s.category,
      year: s.year,
      retention: s.retention,
      org: s.org,
      ownerOrgId: own ?? s.department,
      dateFrom: s.dateFrom,
      dateTo: s.dateTo,
      pathPrefix: s.path,
      beforeId: before,
      newestFirst: true,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    return {
      items: page.map((r) => ({ id: r.id, archivalCode: r.archival_code, path: r.path, category: r.category, year: r.year, retention: r.retention, title: r.title, responsible: r.responsible, date: r.doc_date, documentNo: r.document_no, version: r.current_version, snippet: null, destroyedAt: r.destroyed_at })),
      total: page.length,
      totalIsLowerBound: more,
      nextCursor: more ? `t${page[page.length - 1]!.id}` : null,
    };
  }

  /** A record with its versions and events; every call is logged as a view. */
  async get(p: Principal, id: number) {
    const { record: r, loanId } = await this.readableRecord(p, id);
    await this.logAccess(p, r, 'view', loanId, null);
    const versions = await this.repo.versionsOf(this.db, r.id);
    return {
      id: r.id,
      archivalCode: r.archival_code,
      category: r.category,
      year: r.year,
      retention: r.retention,
      currentVersion: r.current_version,
      /** A destroyed record is a tombstone: its description and history stay, its bags are gone. */
      destroyed: r.destroyed_at === null ? null : { at: r.destroyed_at, disposalId: r.disposal_id },
      files: (await this.repo.filesOf(this.db, versions.find((v) => v.version === r.current_version)!.id)).map((f) => ({ name: f.path.replace(/^data\//, ''), size: Number(f.size), mediaType: f.media_type, format: f.format, sm3: f.sm3 })),
      versions: versions.map((v) => ({ version: v.version, title: v.title, date: v.doc_date, reason: v.reason, createdAt: v.created_at, check: v.check_result, fixity: { checkedAt: v.fixity_checked_at, status: v.fixity_status } })),
      events: (await this.repo.eventsOf(this.db, r.id)).map((e) => ({ type: e.type, outcome: e.outcome, at: e.at, agent: e.agent, versionId: e.version_id })),
    };
  }

  /** A content file of the current version as a stream; logged as a download. */
  async download(p: Principal, id: number, file: string): Promise<{ name: string; mediaType: string; size: number; stream: Readable }> {
    const { record: r, loanId } = await this.readableRecord(p, id);
    if (r.destroyed_at !== null) throw new AppError('gone', `archive record ${r.archival_code} was destroyed on ${r.destroyed_at} (disposal ${r.disposal_id})`, { disposalId: r.disposal_id });
    const v = (await this.repo.version(this.db, r.id, r.current_version))!;
    const f = (await this.repo.filesOf(this.db, v.id)).find((x) => x.path === `data/${file}`);
    if (!f) throw notFound(`file of archive record ${id}`, file);
    await this.logAccess(p, r, 'download', loanId, f.path);
    return { name: file, mediaType: f.media_type, size: Number(f.size), stream: await this.blobs.get(`${v.bag_key}/${f.path}`) };
  }

  // ---- borrowing (借阅) ------------------------------------------------------------------------

  /** A department asks to use another department's record (by 档号) for a purpose and period. */
  async requestLoan(p: Principal, body: unknown) {
    if (!hasScope(p, 'archives:borrow') || p.orgId === null) throw new AppError('forbidden', 'archives:borrow is needed to request a loan');
    const parsed = loanRequestSchema.safeParse(body);
    if (!parsed.success) throw new AppError('validation_failed', `loan request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })) });
    const req = parsed.data;
    const r = await this.repo.recordByCode(this.db, req.archivalCode);
    if (!r) throw notFound('archive record', req.archivalCode);
    if (r.owner_org_id === p.orgId) throw new AppError('conflict', `${req.archivalCode} is your department's own record: no loan needed`);
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (tx) => {
      const id = await this.repo.insertLoan(tx, { record_id: r.id, requester_org_id: p.orgId!, requested_by: agentOf(p), purpose: req.purpose, valid_from: req.validFrom, valid_until: req.validUntil, state: 'requested', created_at: at });
      await this.repo.insertLoanAction(tx, { loan_id: id, action: 'request', actor: agentOf(p), actor_org_id: p.orgId, at, detail: JSON.stringify({ purpose: req.purpose }) });
      await this.audit.record(tx, actorOf(p), { action: 'archives.loan.requested', entityType: 'archives.loan', entityId: id, detail: { archivalCode: r.archival_code, purpose: req.purpose, validFrom: req.validFrom, validUntil: req.validUntil } });
      return this.loanDto(tx, id);
    });
  }

  /** approve / reject (the archive, archives:lend) or withdraw (the requesting department). */
  async actOnLoan(p: Principal, loanId: number, action: 'approve' | 'reject' | 'withdraw', note?: string) {
    return this.db.transaction().execute(async (tx) => {
      const loan = await this.repo.loanById(tx, loanId, { lock: true });
      if (!loan) throw notFound('loan', loanId);
      if (action === 'withdraw' ? !(hasScope(p, 'archives:borrow') && p.orgId === loan.requester_org_id) : !hasScope(p, 'archives:lend')) throw new AppError('forbidden', action === 'withdraw' ? 'only the requesting department withdraws a loan' : 'archives:lend is needed to decide loans');
      const state = foldLoan(await this.repo.loanActions(tx, loanId));
      const next = nextLoanState(state, action);
      const at = this.now().toISOString();
      await this.repo.insertLoanAction(tx, { loan_id: loanId, action, actor: agentOf(p), actor_org_id: p.orgId, at, detail: JSON.stringify(note ? { note } : {}) });
      await this.repo.setLoanState(tx, loanId, next);
      await this.audit.record(tx, actorOf(p), { action: `archives.loan.${action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'withdrawn'}`, entityType: 'archives.loan', entityId: loanId, detail: note ? { note } : {} });
      return this.loanDto(tx, loanId);
    });
  }

  /** Loans the department asked for; all for the archive (archives:lend). */
  async listLoans(p: Principal, f: { state?: string | undefined } = {}) {
    if (!hasScope(p, 'archives:lend') && !hasScope(p, 'archives:borrow')) throw new AppError('forbidden', 'archives:borrow or archives:lend is needed to see loans');
    const rows = await this.repo.loans(this.db, { state: f.state, requesterOrgId: hasScope(p, 'archives:lend') ? undefined : (p.orgId ?? -1) });
    return Promise.all(rows.map((l) => this.loanDto(this.db, l.id)));
  }

  private async loanDto(e: Executor, id: number) {
    const l = (await this.repo.loanById(e, id))!;
    const actions = await this.repo.loanActions(e, id);
    const state = foldLoan(actions);
    const r = (await this.repo.recordById(e, l.record_id))!;
    return { id, archivalCode: r.archival_code, recordId: r.id, requesterOrgId: l.requester_org_id, purpose: l.purpose, validFrom: l.valid_from, validUntil: l.valid_until, state, allowedActions: allowedLoanActions(state), actions: actions.map((a) => ({ action: a.action, actor: a.actor, at: a.at })) };
  }

  /** Views and downloads per category, department and month (archives:audit). */
  async usage(p: Principal, month?: string) {
    if (!hasScope(p, 'archives:audit')) throw new AppError('forbidden', 'archives:audit is needed for usage statistics');
    return (await this.repo.usage(this.db, { month })).map((u) => ({ category: u.category, orgId: u.org_id, month: u.month, action: u.action, count: u.n }));
  }

  // ---- disposal review ------------------------------------------------------------------------

  /**
   * Records past their retention on `asOf` (a period runs from 1 January of the year after the record's
   * year): D10 records of years ≤ asOf − 11, D30 of years ≤ asOf − 31. 永久 (Y) records are never listed.
   */
  async disposalReview(p: Principal, asOf?: string) {
    if (!hasScope(p, 'archives:dispose')) throw new AppError('forbidden', 'archives:dispose is needed for the disposal review list');
    const year = Number((asOf ?? chinaDate(this.now())).slice(0, 4));
    const out = [];
    for (const [retention, years] of Object.entries(RETENTION_YEARS)) {
      if (years === null) continue;
      for (const r of await this.repo.disposalCandidates(this.db, retention, year - years - 1, 1000))
        out.push({ id: r.id, archivalCode: r.archival_code, title: r.title, retention: r.retention, year: r.year, expiredOn: `${r.year + years + 1}-01-01` });
    }
    return out;
  }

  /** The 四性 report of a record found by its 档号. */
  async reportByCode(p: Principal, archivalCode: string, version?: number): Promise<FourPropertiesReport> {
    const r = await this.repo.recordByCode(this.db, archivalCode);
    if (!r) throw notFound('archive record', archivalCode);
    return this.report(p, r.id, version);
  }

  async report(p: Principal, id: number, version?: number): Promise<FourPropertiesReport> {
    const r = await this.visibleRecord(p, id);
    const v = await this.repo.version(this.db, r.id, version ?? r.current_version);
    if (!v) throw notFound(`version ${version ?? r.current_version} of archive record`, id);
    return JSON.parse(v.check_report) as FourPropertiesReport;
  }

  // ---- export / import ------------------------------------------------------------------------

  /**
   * Writes one bag per record (current version) under `outDir/<档号>/`, or with `zip` as `outDir/<档号>.zip`
   * (the bag under `<档号>/` inside). A directory is written into a temporary one and renamed when complete;
   * a zip streams every payload file straight from the blob store into yazl (no bag directory on disk),
   * through a temporary file renamed when complete. premis.json gains the transfer event (recorded in the
   * database too), and the tag manifests are recomputed. Needs archives:export. Destroyed records are skipped.
   */
  async exportBags(p: Principal, outDir: string, f: { category?: string | undefined; year?: number | undefined; retention?: string | undefined }, opts: { zip?: boolean | undefined } = {}): Promise<{ archivalCode: string; dir: string }[]> {
    if (!hasScope(p, 'archives:export')) throw new AppError('forbidden', 'archives:export is needed to export archives');
    await fsp.mkdir(outDir, { recursive: true });
    const out: { archivalCode: string; dir: string }[] = [];
    let afterId: number | undefined;
    for (;;) {
      const page = await this.repo.listRecords(this.db, { ...f, ownerOrgId: orgFilterFor(p, 'archives:export'), afterId, limit: 200 });
      if (page.length === 0) break;
      for (const r of page) out.push({ archivalCode: r.archival_code, dir: await this.exportOne(p, r, outDir, opts.zip === true) });
      afterId = page[page.length - 1]!.id;
    }
    return out;
  }

  private async exportOne(p: Principal, r: StoredRecord, outDir: string, zip: boolean): Promise<string> {
    const v = (await this.repo.version(this.db, r.id, r.current_version))!;
    const at = this.now().toISOString();
    const payload = await this.repo.filesOf(this.db, v.id);
    const tags = await this.exportTags(p, r, v, outDir, at);
    const final = path.join(outDir, zip ? `${r.archival_code}.zip` : r.archival_code);
    if (zip) {
      // The same files in the same (sorted path) order as zipping the exported directory, without the directory.
      const entries: ({ rel: string } & ({ size: number; open: () => Promise<Readable> } | { data: Buffer }))[] = [
        ...payload.map((file) => ({ rel: file.path, size: Number(file.size), open: () => this.blobs.get(`${v.bag_key}/${file.path}`) })),
        ...[...tags].map(([n, data]) => ({ rel: n, data })),
      ];
      entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      const mtime = new Date(at);
      await writeZip(final, entries.map(({ rel, ...e }): ZipEntrySource => ({ ...e, name: `${r.archival_code}/${rel}`, mtime })));
    } else {
      const tmp = path.join(outDir, `.tmp-${crypto.randomBytes(6).toString('hex')}`);
      try {
        await fsp.mkdir(path.join(tmp, 'data'), { recursive: true });
        for (const file of payload) {
          const target = path.join(tmp, ...file.path.split('/'));
          await fsp.mkdir(path.dirname(target), { recursive: true });
          await pipeline(await this.blobs.get(`${v.bag_key}/${file.path}`), (await fsp.open(target, 'wx')).createWriteStream());
        }
        for (const [n, b] of tags) await fsp.writeFile(path.join(tmp, n), b, { flag: 'wx' });
        await fsp.rm(final, { recursive: true, force: true });
        await fsp.rename(tmp, final);
      } catch (e) {
        await fsp.rm(tmp, { recursive: true, force: true });
        throw e;
      }
    }
    await this.db.transaction().execute(async (t) => {
      await this.repo.insertEvents(t, [{ record_id: r.id, version_id: v.id, type: 'transfer', outcome: 'success', agent: agentOf(p), at, detail: JSON.stringify({ to: final }) }]);
      await this.audit.record(t, actorOf(p), { action: 'archives.record.exported', entityType: 'archives.record', entityId: r.id, detail: { archivalCode: r.archival_code, version: v.version } });
    });
    return final;
  }

  /** The tag files of an exported bag: premis.json with the events since ingest and this transfer, tag manifests recomputed. */
  private async exportTags(p: Principal, r: StoredRecord, v: StoredVersion, outDir: string, at: string): Promise<Map<string, Buffer>> {
    const tagNames = Object.keys(JSON.parse(v.tag_files) as Record<string, TagEntry>).filter((n) => !n.startsWith('tagmanifest-'));
    const tags = new Map<string, Buffer>();
    for (const n of tagNames) {
      const chunks: Buffer[] = [];
      for await (const c of await this.blobs.get(`${v.bag_key}/${n}`)) chunks.push(c as Buffer);
      tags.set(n, Buffer.concat(chunks));
    }
    const premis = JSON.parse(tags.get('premis.json')!.toString()) as { events: PremisEvent[] };
    const history = await this.repo.eventsOf(this.db, r.id);
    const known = new Set(premis.events.map((e) => e.id));
    for (const e of history.filter((x) => x.version_id === v.id)) {
      const id = (JSON.parse(e.detail) as { id?: string }).id ?? `db-${e.id}`;
      if (!known.has(id)) premis.events.push({ id, type: e.type, dateTime: e.at, outcome: e.outcome, agent: e.agent, detail: e.detail });
    }
    const transfer: PremisEvent = { id: crypto.randomUUID(), type: 'transfer', dateTime: at, outcome: 'success', agent: agentOf(p), detail: `exported as a BagIt bag to ${path.basename(outDir)}` };
    premis.events.push(transfer);
    tags.set('premis.json', Buffer.from(JSON.stringify(premis, null, 2) + '\n'));
    for (const alg of BAG_ALGORITHMS) {
      const lines = [...tags].map(([n, b]) => `${shaDigest(alg, b)}  ${n}\n`).join('');
      tags.set(`tagmanifest-${alg}.txt`, Buffer.from(lines));
    }
    return tags;
  }

  /** Validates a bag directory without touching the database; every problem is listed. */
  async validateBag(dir: string): Promise<BagReport> {
    return validateBagDir(dir);
  }

  /**
   * Imports a valid bag as a new record (source api, sourceRef = the bag's External-Identifier or its
   * directory name). An invalid bag → `unprocessable` with every problem. Needs archives:submit.
   */
  async importBag(p: Principal, dir: string): Promise<{ report: BagReport; result?: ArchiveResult }> {
    if (!hasScope(p, 'archives:submit')) throw new AppError('forbidden', 'archives:submit is needed to import bags');
    const report = await validateBagDir(dir);
    if (!report.ok) return { report };
    const md = readMetadataXml(report.metadataXml!);
    const original = report.bagInfo['External-Identifier'] ?? path.basename(dir);
    const files: ArchiveFileInput[] = [];
    for (const f of report.files) files.push({ name: f.path.replace(/^data\//, ''), buffer: await fsp.readFile(path.join(dir, ...f.path.split('/'))), sha512: f.sha512, sm3: f.sm3 });
    const result = await this.archive(
      undefined,
      {
        ...md.fields,
        source: 'api',
        sourceRef: `bag:${original}`,
        retention: md.fields['retention'] as 'Y' | 'D30' | 'D10' | undefined,
        metadata: { ...md.additional, originalArchivalCode: original },
        files,
        ownerOrgId: p.orgId,
      } as unknown as ArchiveInput,
      p,
    );
    return { report, result };
  }

  // ---- fixity ---------------------------------------------------------------------------------

  /**
   * Re-hashes one version's package from the blob store: changed, missing and extra files. `files` are
   * its catalog rows when the caller read them already (a fixity run reads a batch's in one query).
   * A file of at least DUAL_DIGEST_BYTES is hashed on two cores (SM3 in the digest worker, as at ingest).
   */
  async checkFixity(v: StoredVersion, files?: StoredFile[]): Promise<Omit<FixityResult, 'archivalCode'>> {
    const expected = new Map<string, TagEntry>();
    for (const f of files ?? (await this.repo.filesOf(this.db, v.id))) expected.set(f.path, { size: f.size, sha512: f.sha512, sm3: f.sm3 });
    for (const [n, t] of Object.entries(JSON.parse(v.tag_files) as Record<string, TagEntry>)) expected.set(n, t);
    const changed: string[] = [];
    const missing: string[] = [];
    const extra: string[] = [];
    const present = new Set<string>();
    for await (const k of this.blobs.list(`${v.bag_key}/`)) present.add(k.slice(v.bag_key.length + 1));
    for (const [rel, want] of expected) {
      if (!present.has(rel)) {
        missing.push(rel);
        continue;
      }
      const { size, ...digests } = await digestChunks(this.blobChunks(`${v.bag_key}/${rel}`, Number(want.size)), { dual: Number(want.size) >= DUAL_DIGEST_BYTES });
      if (size !== Number(want.size) || digests.sha512 !== want.sha512 || digests.sm3 !== want.sm3) changed.push(rel);
    }
    for (const rel of present) if (!expected.has(rel)) extra.push(rel);
    return { versionId: v.id, version: v.version, ok: changed.length + missing.length + extra.length === 0, changed, missing, extra };
  }

  /**
   * A stored file's bytes in chunks of at most FIXITY_READ_BYTES. From the local disk when the store
   * has one (one buffer sized to the expected file, reused: the hashes copy what they keep — a read
   * stream would allocate 64 KiB per read even for a tag file of 300 bytes), else the store's stream.
   */
  private async *blobChunks(key: string, expectedSize: number): AsyncGenerator<Buffer> {
    const file = await this.blobs.localPath(key);
    if (file === null) {
      for await (const c of await this.blobs.get(key)) yield c as Buffer;
      return;
    }
    const fh = await fsp.open(file, 'r');
    try {
      const buf = Buffer.allocUnsafe(Math.min(FIXITY_READ_BYTES, Math.max(4096, expectedSize + 1)));
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) return;
        yield buf.subarray(0, bytesRead);
      }
    } finally {
      await fh.close();
    }
  }

  /**
   * One fixity run: every version overdue (not checked for `maxAgeDays`) plus this run's share of the
   * rotation (total × interval / maxAge), oldest check first. Each check is an event; a failed one also
   * an alert and an audit event naming every changed, missing or extra file.
   *
   * The pass is meant to be limited by the disk and the hashes, not the database: versions go in
   * batches of FIXITY_BATCH (`batch`) — their files read in one query, FIXITY_CONCURRENCY packages re-hashed at a
   * time, then ONE transaction records the batch (a statement per status, the events in one insert, an
   * alert and audit event per failure) while the next batch is being hashed. A crash loses at most the
   * unrecorded checks of a batch or two, which the next run repeats (they are still the oldest).
   */
  async fixityRun(opts: { maxAgeDays?: number | undefined; intervalMs?: number | undefined; limit?: number | undefined; batch?: number | undefined } = {}): Promise<{ checked: number; failed: FixityResult[] }> {
    const maxAgeMs = (opts.maxAgeDays ?? DEFAULT_FIXITY_MAX_AGE_DAYS) * 86_400_000;
    const now = this.now();
    const overdue = await this.repo.countVersions(this.db, new Date(now.getTime() - maxAgeMs).toISOString());
    const total = await this.repo.countVersions(this.db);
    const share = Math.ceil((total * (opts.intervalMs ?? FIXITY_INTERVAL_MS)) / maxAgeMs);
    const n = opts.limit ?? Math.max(overdue, share);
    const failed: FixityResult[] = [];
    const due = await this.repo.fixityDue(this.db, n);
    const size = Math.max(1, opts.batch ?? FIXITY_BATCH);
    let recording: Promise<void> = Promise.resolve();
    for (let i = 0; i < due.length; i += size) {
      const batch = due.slice(i, i + size);
      const files = await this.repo.filesOfVersions(this.db, batch.map((v) => v.id));
      const results: FixityResult[] = new Array(batch.length);
      let next = 0;
      const worker = async () => {
        for (let k = next++; k < batch.length; k = next++) results[k] = { ...(await this.checkFixity(batch[k]!, files.get(batch[k]!.id))), archivalCode: batch[k]!.archival_code };
      };
      await Promise.all(Array.from({ length: Math.min(FIXITY_CONCURRENCY, batch.length) }, worker));
      await recording;
      recording = this.recordFixity(batch, results);
      // Awaited before the next batch is recorded (or at the end); a failure meanwhile is not unhandled.
      recording.catch(() => undefined);
      for (const r of results) if (!r.ok) failed.push(r);
    }
    await recording;
    return { checked: due.length, failed };
  }

  /** One transaction for a batch of fixity checks: statuses, events, and per failure an alert and its audit event. */
  private async recordFixity(versions: StoredVersion[], results: FixityResult[]): Promise<void> {
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      await this.repo.setFixityMany(t, results.filter((r) => r.ok).map((r) => r.versionId), at, 'ok');
      await this.repo.setFixityMany(t, results.filter((r) => !r.ok).map((r) => r.versionId), at, 'failed');
      await this.repo.insertEvents(
        t,
        versions.map((v, k) => {
          const r = results[k]!;
          return { record_id: v.record_id, version_id: v.id, type: 'fixity check', outcome: r.ok ? 'success' : 'failure', agent: 'Landao archives fixity audit', at, detail: JSON.stringify({ changed: r.changed, missing: r.missing, extra: r.extra }) };
        }),
      );
      for (const [k, r] of results.entries()) {
        if (r.ok) continue;
        const v = versions[k]!;
        await this.repo.insertAlert(t, { record_id: v.record_id, version_id: v.id, kind: 'fixity', at, detail: JSON.stringify(r) });
        await this.audit.record(t, SYSTEM_ACTOR, { action: 'archives.fixity.failed', entityType: 'archives.record', entityId: v.record_id, detail: { archivalCode: r.archivalCode, version: v.version, changed: r.changed, missing: r.missing, extra: r.extra } });
      }
    });
  }

  /** Registers the fixity job; main.ts schedules it every FIXITY_INTERVAL_MS. */
  registerJobs(jobs: JobQueue, opts: { maxAgeDays?: number | undefined } = {}): void {
    jobs.register(FIXITY_JOB, async () => {
      const r = await this.fixityRun({ maxAgeDays: opts.maxAgeDays });
      return { checked: r.checked, failed: r.failed.map(alertText) };
    }, { maxAttempts: 3, timeoutMs: 3600_000 });
  }

  /** Fixity alerts, newest first (scope archives:audit). */
  async alerts(p: Principal, limit = 50) {
    if (!hasScope(p, 'archives:audit')) throw new AppError('forbidden', 'archives:audit is needed to read fixity alerts');
    return (await this.repo.alerts(this.db, Math.min(limit, 500))).map((a) => ({ id: a.id, recordId: a.record_id, kind: a.kind, at: a.at, ...(JSON.parse(a.detail) as FixityResult) }));
  }
}

/** An alert as one console line. */
export function alertText(r: FixityResult): string {
  const parts = [...r.changed.map((f) => `changed ${f}`), ...r.missing.map((f) => `missing ${f}`), ...r.extra.map((f) => `extra ${f}`)];
  return `fixity FAILED ${r.archivalCode} v${r.version}: ${parts.join(', ')}`;
}
