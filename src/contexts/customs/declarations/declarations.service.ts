/**
 * Outbound data declarations (出境申报) from draft to clearance. An exporter declares a transfer and
 * uploads the data (or a sample); a background job scans it, labels it with the catalog, derives the
 * negative-list items, counts its persons against the ledger and proposes the route; a customs officer
 * approves, rejects or asks for more. Approval adds the persons to the ledger and issues an SM2-signed
 * clearance (通关凭证) in the same transaction. Every step is an action in the declaration's log, with
 * its audit event written in the same transaction.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { nowIso, type AnyDb, type Executor } from '../../../db/database.ts';
import type { BlobStore } from '../../../kernel/blob/blob-store.ts';
import { toChinaDate } from '../../../kernel/calendar/calendar.ts';
import type { Signer } from '../../../kernel/crypto/signer.ts';
import { sm4Open, sm4Seal } from '../../../kernel/crypto/sm.ts';
import { signDocument, trustedKeyOf, verifyDocumentSignature, type SignedDocument, type TrustedKey } from '../../../kernel/documents/signed-document.ts';
import { AppError, illegalTransition, notFound } from '../../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Principal } from '../../../kernel/principal.ts';
import type { Actor, AuditService } from '../../audit/index.ts';
import { ReaderError, redactUrl, scanSource, SUPPORTED_EXTENSIONS, type ScanReport } from '../../detection/index.ts';
import type { JobContext, JobQueue } from '../../jobs/index.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import type { Decision, Outcome } from '../rules/assess.ts';
import { LANGS, type Lang } from '../rules/text.ts';
import { analyseColumns, decide, deriveNegativeListItems, gradeOf, scenarioOf, type Analysis } from './analysis.ts';
import { DeclarationsRepo, type StatRow } from './declarations.repo.ts';
import type { ClearanceRow, DeclarationActionRow, DeclarationRow } from './declarations.tables.ts';
import { parseDeclarationForm, type DeclarationForm } from './form.ts';
import { readPersons } from './persons.ts';
import type { LoadedLists } from '../rules/lists.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import { ACTION_PARTY, allowedActions, foldState, transition, type DeclarationAction, type DeclarationState } from './workflow.ts';

export const DECLARATION_SCAN_JOB = 'customs.declaration.scan';

export const SCOPES = {
  declare: 'customs.declarations:write',
  read: 'customs.declarations:read',
  review: 'customs.declarations:review',
  statistics: 'customs.statistics:read',
} as const;

export interface DeclarationDeps {
  db: AnyDb;
  audit: AuditService;
  jobs: JobQueue;
  blobs: BlobStore;
  signer: Signer;
  ledger: LedgerService;
  /** The catalog and lists in force. */
  reference: ReferenceService;
  personHashKey: string;
  /** 32-byte key sealing database source URLs (they carry passwords). */
  sourceKey: Buffer;
  uploadLimit: number;
  scanWorkers: number;
  /** The exporter's registered name (identity context), for the scenario and the clearance. */
  orgName(orgId: number): Promise<string>;
  /** Base URL of the public portal, for the QR code of a clearance. */
  publicUrl: string;
  /** Keys whose clearances verify (the current signer's is always included). */
  trustedKeys?: TrustedKey[];
  now?: () => Date;
}

/** The decision as proposed, with its notes in every language. */
export interface StoredDecision extends Omit<Decision, 'notes'> {
  notes: Record<Lang, string[]>;
  scenario: ReturnType<typeof scenarioOf>;
}

export interface ActionDto {
  seq: number;
  action: DeclarationAction;
  actor: string;
  actorName: string | null;
  comment: string | null;
  detail: unknown;
  at: string;
}

export interface DeclarationDto {
  id: number;
  no: string;
  exporterOrgId: number;
  year: number;
  state: DeclarationState;
  form: DeclarationForm;
  source: { filename: string; bytes: number; sm3: string } | null;
  scanJobId: number | null;
  analysis: Analysis | null;
  decision: StoredDecision | null;
  /** Actions the requesting principal may take now. */
  allowedActions: DeclarationAction[];
  history: ActionDto[];
  clearance: ClearanceSummary | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClearanceSummary {
  no: string;
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  status: ClearanceStatus;
}

export type ClearanceStatus = 'valid' | 'revoked' | 'expired' | 'not_yet_valid';

export interface ClearancePayload {
  type: 'LandaoCustomsClearance';
  version: 1;
  no: string;
  declarationNo: string;
  issuer: string;
  exporter: { orgId: number; name: string };
  recipient: { name: string; country: string };
  purpose: string;
  industry: string;
  scenario: string | null;
  route: Outcome;
  basis: string[];
  routeEvidence: string | null;
  scope: { subclasses: string[]; fields: string[]; grade: string; maxPersons: { personalSubjects: number; sensitiveSubjects: number } };
  dataSm3: string | null;
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  verifyUrl: string;
}

export interface VerifyResult {
  valid: boolean;
  /** Why it is not valid (or `ok`). */
  reason: 'ok' | 'malformed' | 'unknown_key' | 'bad_signature' | 'not_registered' | 'mismatch' | 'revoked' | 'expired' | 'not_yet_valid';
  status: ClearanceStatus | null;
  clearance: (ClearancePayload & { revokedAt: string | null; revokedReason: string | null }) | null;
}

const ISSUER = '平潭综合实验区数据海关（数据出境服务中心）';

interface ScanJobPayload {
  declarationId: number;
}

export class DeclarationService {
  private readonly repo = new DeclarationsRepo();
  private readonly trusted: TrustedKey[];

  constructor(private readonly deps: DeclarationDeps) {
    const own = trustedKeyOf(deps.signer);
    this.trusted = [own, ...(deps.trustedKeys ?? []).filter((k) => k.keyId !== own.keyId)];
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  registerJobs(): void {
    this.deps.jobs.register<ScanJobPayload>(DECLARATION_SCAN_JOB, (p, ctx) => this.runScan(p.declarationId, ctx), { maxAttempts: 2, timeoutMs: 2 * 3600_000 });
  }

  // ── exporter actions ────────────────────────────────────────────────────────────────────────

  async create(p: Principal, actor: Actor, input: unknown): Promise<DeclarationDto> {
    if (!hasScope(p, SCOPES.declare)) throw new AppError('forbidden', `missing scope ${SCOPES.declare}`);
    if (p.orgId === null) throw new AppError('forbidden', 'only a member of an exporting organisation can declare');
    const form = parseDeclarationForm(input, await this.deps.reference.lists());
    const secret = this.sealSource(form, null);
    const at = nowIso();
    const year = Number(toChinaDate(this.now()).slice(0, 4));
    const id = await this.deps.db.transaction().execute(async (tx) => {
      const seq = (await this.repo.countInYear(tx, year)) + 1;
      const no = `CD${year}${String(seq).padStart(6, '0')}`;
      const id = await this.repo.insert(tx, { no, exporter_org_id: p.orgId!, created_by: `${p.kind}:${p.id}`, year, form: JSON.stringify(form), source_kind: form.sourceKind, state: 'draft', created_at: at });
      if (secret) await this.repo.update(tx, id, { source_secret: secret });
      await this.repo.appendAction(tx, { declaration_id: id, action: 'create', actor: `${p.kind}:${p.id}`, actor_name: p.name, comment: null, detail: null, at });
      await this.deps.audit.record(tx, actor, { action: 'customs.declaration.created', entityType: 'customs_declaration', entityId: id, detail: { no, industry: form.industry, recipientCountry: form.recipient.country } });
      return id;
    });
    return this.get(p, id);
  }

  async edit(p: Principal, actor: Actor, id: number, input: unknown): Promise<DeclarationDto> {
    const form = parseDeclarationForm(input, await this.deps.reference.lists());
    await this.act(p, actor, id, 'edit', null, async (tx, row) => {
      const secret = this.sealSource(form, row.source_secret);
      await this.repo.update(tx, id, { form: JSON.stringify(form), source_kind: form.sourceKind, source_secret: secret });
      return { industry: form.industry };
    });
    return this.get(p, id);
  }

  /** Streams the data (or its sample) into the blob store; refused before it fills the disk. */
  async attach(p: Principal, actor: Actor, id: number, upload: { filename: string; file: Readable; truncated: () => boolean }): Promise<DeclarationDto> {
    const row = await this.visible(p, id);
    this.checkParty(p, row, 'attach');
    const state = row.state as DeclarationState;
    if (!allowedActions(state).includes('attach')) {
      upload.file.resume();
      throw illegalTransition('attach', state, this.allowedFor(p, row));
    }
    const filename = path.basename(upload.filename || 'upload');
    const ext = path.extname(filename).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.includes(ext)) {
      upload.file.resume();
      throw new AppError('unsupported_media_type', `${filename}: unsupported file type (${SUPPORTED_EXTENSIONS.join(' ')})`);
    }
    const key = `customs/declarations/${id}/${crypto.randomUUID()}${ext}`;
    const stored = await this.deps.blobs.put(key, upload.file, { maxBytes: this.deps.uploadLimit });
    if (upload.truncated()) {
      await this.deps.blobs.delete(key);
      throw new AppError('payload_too_large', `${filename}: larger than the upload limit of ${this.deps.uploadLimit} bytes`);
    }
    let previous: string | null = null;
    try {
      await this.act(p, actor, id, 'attach', null, async (tx, current) => {
        previous = current.source_blob_key;
        await this.repo.update(tx, id, { source_blob_key: key, source_filename: filename, source_bytes: stored.size, source_sm3: stored.sm3 });
        return { filename, bytes: stored.size, sm3: stored.sm3 };
      });
    } catch (e) {
      await this.deps.blobs.delete(key).catch(() => undefined);
      throw e;
    }
    if (previous) await this.deps.blobs.delete(previous).catch(() => undefined);
    return this.get(p, id);
  }

  async submit(p: Principal, actor: Actor, id: number, comment?: string | null): Promise<DeclarationDto> {
    return this.startScan(p, actor, id, 'submit', comment ?? null);
  }

  async resubmit(p: Principal, actor: Actor, id: number, comment?: string | null): Promise<DeclarationDto> {
    return this.startScan(p, actor, id, 'resubmit', comment ?? null);
  }

  async withdraw(p: Principal, actor: Actor, id: number, comment?: string | null): Promise<DeclarationDto> {
    await this.act(p, actor, id, 'withdraw', comment ?? null, async () => ({}));
    return this.get(p, id);
  }

  private async startScan(p: Principal, actor: Actor, id: number, action: 'submit' | 'resubmit', comment: string | null): Promise<DeclarationDto> {
    await this.act(p, actor, id, action, comment, async (tx, row) => {
      const ready = row.source_kind === 'database' ? row.source_secret !== null : row.source_blob_key !== null;
      if (!ready) throw new AppError('validation_failed', 'file: upload the data or a sample before submitting', { field: 'file' });
      const jobId = await this.deps.jobs.enqueue(DECLARATION_SCAN_JOB, { declarationId: id } satisfies ScanJobPayload, { orgId: row.exporter_org_id, createdBy: `${p.kind}:${p.id}` }, tx);
      await this.repo.update(tx, id, { scan_job_id: jobId, analysis: null, decision: null });
      return { jobId };
    });
    return this.get(p, id);
  }

  // ── officer actions ─────────────────────────────────────────────────────────────────────────

  async requestInfo(p: Principal, actor: Actor, id: number, comment: string): Promise<DeclarationDto> {
    if (!comment?.trim()) throw new AppError('validation_failed', 'comment: say what is missing', { field: 'comment' });
    await this.act(p, actor, id, 'request_info', comment, async () => ({}));
    return this.get(p, id);
  }

  async reject(p: Principal, actor: Actor, id: number, comment: string): Promise<DeclarationDto> {
    if (!comment?.trim()) throw new AppError('validation_failed', 'comment: give the reason for the rejection', { field: 'comment' });
    await this.act(p, actor, id, 'reject', comment, async () => ({}));
    return this.get(p, id);
  }

  /**
   * Approves the proposed route and issues the clearance. The persons of a full upload join the
   * ledger in the same transaction; if the ledger moved since the proposal so that the route would
   * change, nothing is written and the officer gets a 409 with the new decision.
   */
  async approve(p: Principal, actor: Actor, id: number, input: { comment?: string | null; routeEvidence?: string | null; validityDays?: number | null }): Promise<DeclarationDto> {
    // Read before the transaction: SQLite has one connection, which the transaction holds.
    const exporterName = await this.deps.orgName((await this.visible(p, id)).exporter_org_id);
    const lists = await this.deps.reference.lists();
    await this.act(p, actor, id, 'approve', input.comment ?? null, async (tx, row) => {
      const form = JSON.parse(row.form) as DeclarationForm;
      const analysis = JSON.parse(row.analysis!) as Analysis;
      const proposed = JSON.parse(row.decision!) as StoredDecision;
      if (proposed.outcome === 'prohibited') throw illegalTransition('approve', 'pending_review (prohibited transfer)', ['reject', 'request_info']);
      const evidence = input.routeEvidence?.trim() || null;
      if (proposed.outcome !== 'exempt' && !evidence)
        throw new AppError('validation_failed', `routeEvidence: the ${proposed.outcome} route needs the reference of its approval or filing (e.g. the CAC assessment or the standard contract filing number)`, { field: 'routeEvidence' });
      const validityDays = input.validityDays ?? form.validityDays;
      if (!Number.isInteger(validityDays) || validityDays < 1 || validityDays > 1095) throw new AppError('validation_failed', 'validityDays: must be 1 to 1095 days', { field: 'validityDays' });

      let decision = proposed as Omit<StoredDecision, 'notes'>;
      if (row.persons_blob_key) {
        const added = await this.deps.ledger.add(tx, {
          exporterId: row.exporter_org_id,
          year: row.year,
          declarationId: id,
          persons: readPersons(await this.deps.blobs.get(row.persons_blob_key)),
        });
        const now = this.reassess(form, row, exporterName, analysis, added.totals, lists);
        if (now.outcome !== proposed.outcome)
          throw new AppError('conflict', `the exporter's persons this year changed since the proposal: the route is now ${now.outcome}; ask for a resubmission to review it again`, { proposed: proposed.outcome, now: now.outcome, totals: now.totals });
        decision = now;
      }
      const clearance = await this.issueClearance(tx, row, exporterName, form, analysis, decision, evidence, validityDays);
      return { clearanceNo: clearance.no, outcome: decision.outcome, ledgerTotals: decision.totals };
    });
    return this.get(p, id);
  }

  async revoke(p: Principal, actor: Actor, id: number, reason: string): Promise<DeclarationDto> {
    if (!reason?.trim()) throw new AppError('validation_failed', 'reason: give the reason for the revocation', { field: 'reason' });
    await this.act(p, actor, id, 'revoke', reason, async (tx) => {
      await this.repo.revokeClearance(tx, id, nowIso(), reason.trim());
      return {};
    });
    return this.get(p, id);
  }

  // ── reading ─────────────────────────────────────────────────────────────────────────────────

  async get(p: Principal, id: number): Promise<DeclarationDto> {
    const row = await this.visible(p, id);
    const [actions, clearance] = await Promise.all([this.repo.actions(this.deps.db, id), this.repo.clearanceOf(this.deps.db, id)]);
    return this.toDto(p, row, actions, clearance ?? null);
  }

  async list(p: Principal, f: { state?: string | undefined; q?: string | undefined; page: number; pageSize: number }): Promise<{ items: Omit<DeclarationDto, 'history' | 'analysis'>[]; total: number }> {
    if (!hasScope(p, SCOPES.read)) throw new AppError('forbidden', `missing scope ${SCOPES.read}`);
    const { rows, total } = await this.repo.list(this.deps.db, { orgId: orgFilterFor(p, SCOPES.read), state: f.state, q: f.q, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
    const items = rows.map((r) => {
      const { history: _h, analysis: _a, ...rest } = this.toDto(p, r, [], null);
      return rest;
    });
    return { items, total };
  }

  /** Declarations by month, industry, proposed route and state, for the bureau's dashboard. */
  async statistics(p: Principal, year: number): Promise<{ year: number; rows: StatRow[]; totals: { declarations: number; approved: number; rejected: number; pending: number } }> {
    if (!hasScope(p, SCOPES.statistics)) throw new AppError('forbidden', `missing scope ${SCOPES.statistics}`);
    // The year and its months in China time (UTC+8), as the declarations' own year is counted.
    const rows = await this.repo.statistics(this.deps.db, { orgId: orgFilterFor(p, SCOPES.statistics), from: `${year - 1}-12-31T16:00:00.000Z`, to: `${year}-12-31T16:00:00.000Z` });
    const sum = (pred: (r: StatRow) => boolean) => rows.filter(pred).reduce((s, r) => s + r.n, 0);
    return {
      year,
      rows,
      totals: {
        declarations: sum(() => true),
        approved: sum((r) => r.state === 'approved' || r.state === 'revoked'),
        rejected: sum((r) => r.state === 'rejected'),
        pending: sum((r) => r.state === 'pending_review' || r.state === 'scanning' || r.state === 'info_requested'),
      },
    };
  }

  /** Clearances issued after the cursor, oldest first: the archive's collector reads these. */
  async clearancesIssuedSince(cursor: { at: string; id: number } | null, limit: number): Promise<{ id: number; no: string; issuedAt: string }[]> {
    return (await this.repo.clearancesIssuedAfter(this.deps.db, cursor ?? { at: '', id: 0 }, limit)).map((r) => ({ id: r.id, no: r.no, issuedAt: r.issued_at }));
  }

  /** What the archive keeps of an issued clearance (no principal: the caller is the platform): the signed JSON and its declaration. */
  async clearanceArchivePackage(no: string): Promise<{ no: string; issuedAt: string; declarationNo: string; exporterOrgId: number; exporterName: string; document: SignedDocument<ClearancePayload> } | undefined> {
    const c = await this.repo.clearanceByNo(this.deps.db, no);
    if (!c) return undefined;
    const d = (await this.repo.get(this.deps.db, c.declaration_id))!;
    return { no: c.no, issuedAt: c.issued_at, declarationNo: d.no, exporterOrgId: c.exporter_org_id, exporterName: await this.deps.orgName(c.exporter_org_id), document: JSON.parse(c.document) as SignedDocument<ClearancePayload> };
  }

  /** The signed clearance of a declaration (its exporter or an officer). */
  async clearanceDocument(p: Principal, id: number): Promise<SignedDocument<ClearancePayload>> {
    await this.visible(p, id);
    const c = await this.repo.clearanceOf(this.deps.db, id);
    if (!c) throw notFound('clearance of declaration', id);
    return JSON.parse(c.document) as SignedDocument<ClearancePayload>;
  }

  // ── public verification ─────────────────────────────────────────────────────────────────────

  /** Status of a clearance by its number, as the public verification page shows it. */
  async verifyByNumber(no: string): Promise<VerifyResult & { document: SignedDocument<ClearancePayload> | null }> {
    const c = await this.repo.clearanceByNo(this.deps.db, no);
    if (!c) return { valid: false, reason: 'not_registered', status: null, clearance: null, document: null };
    const doc = JSON.parse(c.document) as SignedDocument<ClearancePayload>;
    return { ...(await this.verifyDocument(doc, c)), document: doc };
  }

  /**
   * Verifies a clearance document someone holds: the signature (tampered bytes, another key), that
   * the registry issued exactly this document, and its status now (revoked, expired).
   */
  async verifyDocument(doc: unknown, registered?: ClearanceRow): Promise<VerifyResult> {
    const sig = verifyDocumentSignature(doc, this.trusted);
    if (!sig.ok) return { valid: false, reason: sig.reason, status: null, clearance: null };
    const payload = (doc as SignedDocument<ClearancePayload>).payload;
    if (payload?.type !== 'LandaoCustomsClearance' || typeof payload.no !== 'string') return { valid: false, reason: 'malformed', status: null, clearance: null };
    const c = registered ?? (await this.repo.clearanceByNo(this.deps.db, payload.no));
    if (!c) return { valid: false, reason: 'not_registered', status: null, clearance: null };
    const stored = JSON.parse(c.document) as SignedDocument<ClearancePayload>;
    if (stored.signature.value !== (doc as SignedDocument).signature.value) return { valid: false, reason: 'mismatch', status: null, clearance: null };
    const status = this.statusOf(c);
    const clearance = { ...stored.payload, revokedAt: c.revoked_at, revokedReason: c.revoked_reason };
    return { valid: status === 'valid', reason: status === 'valid' ? 'ok' : status, status, clearance };
  }

  publicKeyPem(): string {
    return this.deps.signer.publicKeyPem;
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  /**
   * Seals a database source URL (it carries a password) and leaves only its redacted form in the
   * form. A redacted URL sent back unchanged keeps the sealed one.
   */
  private sealSource(form: DeclarationForm, previous: string | null): string | null {
    if (form.sourceKind !== 'database' || !form.databaseUrl) return null;
    const url = form.databaseUrl;
    form.databaseUrl = redactUrl(url);
    if (url.includes(':***@') && previous && redactUrl(this.openSource(previous)) === url) return previous;
    return sm4Seal(this.deps.sourceKey, url).toString('base64');
  }

  private openSource(sealed: string): string {
    return sm4Open(this.deps.sourceKey, Buffer.from(sealed, 'base64')).toString('utf8');
  }

  private statusOf(c: Pick<ClearanceRow, 'revoked_at' | 'valid_from' | 'valid_until'>): ClearanceStatus {
    if (c.revoked_at) return 'revoked';
    const today = toChinaDate(this.now());
    if (today < c.valid_from) return 'not_yet_valid';
    if (today > c.valid_until) return 'expired';
    return 'valid';
  }

  private async visible(p: Principal, id: number): Promise<DeclarationRow> {
    if (!hasScope(p, SCOPES.read)) throw new AppError('forbidden', `missing scope ${SCOPES.read}`);
    const row = await this.repo.get(this.deps.db, id);
    if (!row || !canActOnOrg(p, SCOPES.read, row.exporter_org_id)) throw notFound('declaration', id);
    return row;
  }

  private mayAct(p: Principal, row: DeclarationRow, action: DeclarationAction): boolean {
    const party = ACTION_PARTY[action];
    if (party === 'exporter') return canActOnOrg(p, SCOPES.declare, row.exporter_org_id) && p.orgId === row.exporter_org_id;
    if (party === 'officer') return hasScope(p, SCOPES.review);
    return false;
  }

  private checkParty(p: Principal, row: DeclarationRow, action: DeclarationAction): void {
    if (!this.mayAct(p, row, action)) {
      const who = ACTION_PARTY[action] === 'officer' ? `a customs officer (${SCOPES.review})` : `the exporter's staff (${SCOPES.declare})`;
      throw new AppError('forbidden', `only ${who} may ${action.replace('_', ' ')} a declaration`);
    }
  }

  private allowedFor(p: Principal, row: DeclarationRow): DeclarationAction[] {
    const allowed = allowedActions(row.state as DeclarationState).filter((a) => this.mayAct(p, row, a));
    if (row.decision && (JSON.parse(row.decision) as { outcome: string }).outcome === 'prohibited') return allowed.filter((a) => a !== 'approve');
    return allowed;
  }

  /**
   * Runs one workflow action: locks the declaration, checks who may act and that the state allows it
   * (409 with the allowed actions), runs the effect, appends the action and writes the audit event —
   * all in one transaction.
   */
  private async act(
    p: Principal | null,
    actor: Actor,
    id: number,
    action: DeclarationAction,
    comment: string | null,
    effect: (tx: Executor, row: DeclarationRow) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    if (p) await this.visible(p, id);
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.repo.lock(tx, id);
      if (!row) throw notFound('declaration', id);
      if (p) this.checkParty(p, row, action);
      const log = await this.repo.actions(tx, id);
      const state = foldState(log.map((a) => a.action as DeclarationAction));
      let next: DeclarationState;
      try {
        next = transition(state, action);
      } catch {
        throw illegalTransition(action, state, p ? this.allowedFor(p, { ...row, state }) : allowedActions(state));
      }
      const detail = await effect(tx, row);
      const at = nowIso();
      await this.repo.appendAction(tx, {
        declaration_id: id,
        action,
        actor: p ? `${p.kind}:${p.id}` : 'system:landao',
        actor_name: p ? p.name : null,
        comment: comment?.trim() || null,
        detail: Object.keys(detail).length ? JSON.stringify(detail) : null,
        at,
      });
      await this.repo.update(tx, id, { state: next, updated_at: at });
      await this.deps.audit.record(tx, actor, {
        action: `customs.declaration.${action}`,
        entityType: 'customs_declaration',
        entityId: id,
        detail: { no: row.no, from: state, to: next, ...detail },
      });
    });
  }

  private reassess(form: DeclarationForm, row: DeclarationRow, exporterName: string, analysis: Analysis, after: { personalSubjects: number; sensitiveSubjects: number }, lists: LoadedLists): StoredDecision {
    const already = {
      personalSubjects: Math.max(0, after.personalSubjects - analysis.transfer.personalSubjects),
      sensitiveSubjects: Math.max(0, after.sensitiveSubjects - analysis.transfer.sensitiveSubjects),
    };
    const derived = deriveNegativeListItems(form, analysis.columns, after, lists);
    const a = { ...analysis, alreadyExportedThisYear: already, negativeListItems: derived };
    return this.decideAll(form, row, exporterName, a, lists);
  }

  private decideAll(form: DeclarationForm, row: DeclarationRow, exporterName: string, a: Pick<Analysis, 'transfer' | 'alreadyExportedThisYear' | 'negativeListItems'>, lists: LoadedLists): StoredDecision {
    const scenario = scenarioOf(form, exporterName, row.year, a);
    const byLang = Object.fromEntries(LANGS.map((l) => [l, decide(scenario, l, lists)])) as Record<Lang, Decision>;
    const base = byLang['zh-CN'];
    return { outcome: base.outcome, basis: base.basis, totals: base.totals, notes: Object.fromEntries(LANGS.map((l) => [l, byLang[l].notes])) as Record<Lang, string[]>, scenario };
  }

  private async issueClearance(tx: Executor, row: DeclarationRow, exporterName: string, form: DeclarationForm, analysis: Analysis, decision: Omit<StoredDecision, 'notes'>, evidence: string | null, validityDays: number): Promise<{ no: string }> {
    const issued = this.now();
    const validFrom = toChinaDate(issued);
    const until = new Date(`${validFrom}T00:00:00Z`);
    until.setUTCDate(until.getUTCDate() + validityDays - 1);
    const validUntil = until.toISOString().slice(0, 10);
    const no = `CL${row.no.slice(2)}`;
    const labelled = analysis.columns.filter((c) => c.labels.length > 0).map((c) => c.name);
    const payload: ClearancePayload = {
      type: 'LandaoCustomsClearance',
      version: 1,
      no,
      declarationNo: row.no,
      issuer: ISSUER,
      exporter: { orgId: row.exporter_org_id, name: exporterName },
      recipient: { name: form.recipient.name, country: form.recipient.country },
      purpose: form.purpose,
      industry: form.industry,
      scenario: form.scenario,
      route: decision.outcome,
      basis: decision.basis,
      routeEvidence: evidence,
      scope: {
        subclasses: analysis.subclasses,
        fields: [...new Set([...labelled, ...form.fields])],
        grade: analysis.grade,
        maxPersons: { personalSubjects: analysis.transfer.personalSubjects, sensitiveSubjects: analysis.transfer.sensitiveSubjects },
      },
      dataSm3: row.source_kind === 'full' ? row.source_sm3 : null,
      validFrom,
      validUntil,
      issuedAt: issued.toISOString(),
      verifyUrl: `${this.deps.publicUrl.replace(/\/$/, '')}/verify/clearance/${no}`,
    };
    const doc = await signDocument(this.deps.signer, payload);
    await this.repo.insertClearance(tx, {
      no,
      declaration_id: row.id,
      exporter_org_id: row.exporter_org_id,
      document: JSON.stringify(doc),
      key_id: doc.signature.keyId,
      valid_from: validFrom,
      valid_until: validUntil,
      issued_at: payload.issuedAt,
    });
    return { no };
  }

  /** The scan job: scan, label, count persons against the ledger, derive list items, propose. */
  private async runScan(id: number, ctx: JobContext): Promise<{ outcome: string; phasesMs: Record<string, number> } | { failed: string }> {
    const row = await this.repo.get(this.deps.db, id);
    const fromDatabase = row?.source_kind === 'database' && row.source_secret !== null;
    if (!row || row.state !== 'scanning' || !(row.source_blob_key || fromDatabase)) return { failed: 'declaration is not waiting for a scan' };
    const form = JSON.parse(row.form) as DeclarationForm;
    const sourceName = fromDatabase ? (form.databaseUrl ?? 'database') : (row.source_filename ?? 'upload');
    let file = fromDatabase ? this.openSource(row.source_secret!) : await this.deps.blobs.localPath(row.source_blob_key!);
    const temps: string[] = [];
    const tmp = (ext: string) => {
      const f = path.join(os.tmpdir(), `landao-decl-${crypto.randomUUID()}${ext}`);
      temps.push(f);
      return f;
    };
    const phasesMs: Record<string, number> = {};
    let mark = performance.now();
    const phase = (name: string) => {
      const t = performance.now();
      phasesMs[name] = Math.round(t - mark);
      mark = t;
    };
    try {
      if (!file) {
        file = tmp(path.extname(row.source_filename ?? ''));
        await pipeline(await this.deps.blobs.get(row.source_blob_key!), fs.createWriteStream(file));
      }
      const full = form.sourceKind !== 'sample';
      // A full transfer's persons (keyed hashes) are written by the scan itself, in the same pass.
      const personsFile = full ? tmp('.persons') : null;
      const report: ScanReport = await scanSource(file, {
        ...(personsFile ? { personRecords: { key: this.deps.personHashKey, out: personsFile } } : {}),
        source: sourceName,
        workers: this.deps.scanWorkers,
        signal: ctx.signal,
        onProgress: (pr) => void ctx.progress(Math.min(0.9, (pr.totalBytes ? pr.bytesRead / pr.totalBytes : 0) * (full ? 0.75 : 0.9)), `${pr.rows} rows`),
      });
      phase('scan');
      const catalog = await this.deps.reference.catalog();
      const lists = await this.deps.reference.lists();
      const columns = analyseColumns(report, catalog);
      const { grade, subclasses } = gradeOf(columns, catalog);
      const scanned = { personalSubjects: report.persons.personalSubjects, sensitiveSubjects: report.persons.sensitiveSubjects };

      let personsKey: string | null = null;
      let after: { personalSubjects: number; sensitiveSubjects: number };
      let transfer: Analysis['transfer'];
      if (personsFile) {
        await ctx.progress(0.8, 'persons');
        personsKey = `customs/declarations/${id}/persons-${crypto.randomUUID()}.bin`;
        await this.deps.blobs.put(personsKey, fs.createReadStream(personsFile));
        phase('persons');
        const preview = await this.deps.ledger.preview(this.deps.db, {
          exporterId: row.exporter_org_id,
          year: row.year,
          declarationId: id,
          persons: readPersons(fs.createReadStream(personsFile)),
        });
        after = preview.totals;
        transfer = { ...scanned, counted: 'scan' };
        phase('ledgerPreview');
      } else {
        const declared = form.expectedPersons ?? { personalSubjects: 0, sensitiveSubjects: 0 };
        transfer = {
          personalSubjects: Math.max(declared.personalSubjects, scanned.personalSubjects),
          sensitiveSubjects: Math.max(declared.sensitiveSubjects, scanned.sensitiveSubjects),
          counted: 'declared',
        };
        // Without the whole data the persons cannot be matched against the ledger: count them all as new.
        const before = await this.deps.ledger.totals(this.deps.db, row.exporter_org_id, row.year);
        after = { personalSubjects: before.personalSubjects + transfer.personalSubjects, sensitiveSubjects: before.sensitiveSubjects + transfer.sensitiveSubjects };
      }
      const already = {
        personalSubjects: Math.max(0, after.personalSubjects - transfer.personalSubjects),
        sensitiveSubjects: Math.max(0, after.sensitiveSubjects - transfer.sensitiveSubjects),
      };
      const analysis: Analysis = {
        source: { filename: fromDatabase ? sourceName : (row.source_filename ?? ''), format: report.format, rows: report.rowsScanned, bytes: report.bytes, complete: report.complete, sampled: report.sampled },
        columns,
        grade,
        subclasses,
        scannedPersons: scanned,
        transfer,
        alreadyExportedThisYear: already,
        negativeListItems: deriveNegativeListItems(form, columns, after, lists),
        listVersion: lists.version,
        catalogVersion: catalog.version,
      };
      const decision = this.decideAll(form, row, await this.deps.orgName(row.exporter_org_id), analysis, lists);
      await this.act(null, { kind: 'system', id: 'customs.scan', orgId: null, ip: null }, id, 'scan_completed', null, async (tx) => {
        await this.repo.update(tx, id, { analysis: JSON.stringify(analysis), decision: JSON.stringify(decision), persons_blob_key: personsKey });
        return { outcome: decision.outcome, grade, rows: report.rowsScanned };
      });
      phase('decide');
      await ctx.progress(1, 'done');
      return { outcome: decision.outcome, phasesMs };
    } catch (e) {
      if (ctx.signal.aborted && !(e instanceof ReaderError)) throw e;
      const raw = e instanceof AppError || e instanceof ReaderError ? e.message : `scan failed: ${(e as Error).message}`;
      // A driver's message may quote the connection string: never keep a password in the log.
      const reason = fromDatabase ? raw.split(this.openSource(row.source_secret!)).join(sourceName) : raw;
      await this.act(null, { kind: 'system', id: 'customs.scan', orgId: null, ip: null }, id, 'scan_failed', reason, async () => ({ reason }));
      return { failed: reason };
    } finally {
      for (const f of temps) fs.rmSync(f, { force: true });
    }
  }

  private toDto(p: Principal, row: DeclarationRow, actions: DeclarationActionRow[], clearance: ClearanceRow | null): DeclarationDto {
    return {
      id: row.id,
      no: row.no,
      exporterOrgId: row.exporter_org_id,
      year: row.year,
      state: row.state as DeclarationState,
      form: JSON.parse(row.form) as DeclarationForm,
      source: row.source_blob_key ? { filename: row.source_filename ?? '', bytes: row.source_bytes ?? 0, sm3: row.source_sm3 ?? '' } : null,
      scanJobId: row.scan_job_id,
      analysis: row.analysis ? (JSON.parse(row.analysis) as Analysis) : null,
      decision: row.decision ? (JSON.parse(row.decision) as StoredDecision) : null,
      allowedActions: this.allowedFor(p, row),
      history: actions.map((a) => ({ seq: a.seq, action: a.action as DeclarationAction, actor: a.actor, actorName: a.actor_name, comment: a.comment, detail: a.detail ? (JSON.parse(a.detail) as unknown) : null, at: a.at })),
      clearance: clearance
        ? { no: clearance.no, validFrom: clearance.valid_from, validUntil: clearance.valid_until, issuedAt: clearance.issued_at, revokedAt: clearance.revoked_at, revokedReason: clearance.revoked_reason, status: this.statusOf(clearance) }
        : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
