import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { AnyDb, Executor } from '../../db/database.ts';
import type { BlobStore } from '../../kernel/blob/blob-store.ts';
import { toChinaDate, type WorkingCalendar } from '../../kernel/calendar/calendar.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Signer } from '../../kernel/crypto/signer.ts';
import { sm3, sm3Hasher } from '../../kernel/crypto/sm.ts';
import { trustedKeyOf, type TrustedKey } from '../../kernel/documents/signed-document.ts';
import { AppError, illegalTransition, notFound } from '../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Principal } from '../../kernel/principal.ts';
import type { Actor, AuditService } from '../audit/index.ts';
import { actorOf } from '../identity/index.ts';
import { scanSource, SUPPORTED_EXTENSIONS } from '../detection/index.ts';
import {
  loadRegistryConfig,
  stepsFor,
  typeConfig,
  type Book,
  type RegistrationType,
  type RegistryConfig,
  type ReviewStep,
  type Right,
  type SourceKind,
  type SubjectType,
} from './registry.config.ts';
import { issueCredential, signCertificate, type CertificateDocument, type CertificatePayload, type VerifiableCredential } from './registry.certificates.ts';
import { certificateNumber, registrationNumber } from './registry.numbers.ts';
import { RegistryRepo, type Application, type Attachment, type Certificate, type Pledge, type Registration } from './registry.repo.ts';
import {
  allowedActions,
  currentStatus,
  expectAllowed,
  fold,
  opensNotice,
  type Action,
  type ActionRecord,
  type ApplicationStatus,
  type WorkflowState,
} from './registry.workflow.ts';

/** The transparency log as the registry uses it (src/contexts/registry/log, contract in shared/contracts). */
export interface RegistryLog {
  append(tx: Executor, entry: object): Promise<{ index: number; leafHash: string }>;
  /** Runs `work` in a transaction it shares with other registry requests (group commit); resolves after the commit. */
  transact<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
}

/** Organisation names and kinds, from the identity context. */
export interface OrgDirectory {
  byId(id: number): Promise<{ id: number; name: string; kind: string } | undefined>;
  byCode(code: string): Promise<{ id: number; name: string; kind: string } | undefined>;
}

export interface RegistryDeps {
  db: AnyDb;
  audit: AuditService;
  log: RegistryLog;
  signer: Signer;
  blobs: BlobStore;
  calendar: WorkingCalendar;
  orgs: OrgDirectory;
  /** Public base URL, for QR codes, verification links and the credential's ids. */
  origin: string;
  config?: RegistryConfig;
  /** Injectable clock: demo data and tests may run the lifecycle at another date. */
  now?: () => Date;
  uploadLimit: number;
  /** Rows of an uploaded sample the detection engine reads. */
  sampleRows?: number;
  /** Keys whose signatures verification accepts besides the signer's (older registry keys). */
  trustedKeys?: TrustedKey[];
  issuerName?: string;
}

/** The registered description of the data (the application's content). */
export interface DataDescription {
  name: string;
  description?: string | undefined;
  /** Channel and method of collection, or the licence/purchase it came from. */
  source?: string | undefined;
  /** Proof of lawful acquisition, described (documents go in as attachments). */
  acquisitionProof?: string | undefined;
  fields?: { name: string; type?: string | undefined; description?: string | undefined }[] | undefined;
  scale?: { records?: number | undefined; bytes?: number | undefined; note?: string | undefined } | undefined;
  updateFrequency?: string | undefined;
  storageLocation?: string | undefined;
  processingRules?: string | undefined;
  format?: string | undefined;
}

export interface RightClaim {
  right: Right;
  /** Evidence for this right (each right needs its own). */
  evidence: string;
}

export interface Counterparty {
  orgCode?: string | undefined;
  name?: string | undefined;
}

export type ApplicationInput =
  | {
      type: 'first';
      book: Book;
      subjectType: SubjectType;
      sourceKind: SourceKind;
      data: DataDescription;
      rights: RightClaim[];
      /** SM3 of the data computed by the applicant (large data); otherwise upload the data to hash it. */
      dataSm3?: string | undefined;
      authorisationId?: number | undefined;
    }
  | { type: 'change' | 'correction'; registrationNo: string; changes: Partial<DataDescription>; rights?: RightClaim[] | undefined; reason: string }
  | { type: 'transfer'; registrationNo: string; to: Counterparty; rights: Right[]; priceFen: number; contractSm3: string }
  | { type: 'licence'; registrationNo: string; to: Counterparty; rights: Right[]; priceFen: number; contractSm3: string; termEnd: string }
  | { type: 'renewal'; registrationNo: string }
  | { type: 'cancellation'; registrationNo: string; reason: string };

export interface ActionInput {
  action: Action;
  /** request_supplement: everything missing, in one notice. */
  missing?: string[] | undefined;
  reason?: string | undefined;
  /** resolve_objection */
  objectionId?: number | undefined;
  outcome?: 'upheld' | 'dismissed' | undefined;
}

export interface SampleLabels {
  filename: string;
  rowsScanned: number;
  columns: { name: string; types: { type: string; ratio: number; sensitive: boolean }[] }[];
  personalInformation: boolean;
  sensitivePersonalInformation: boolean;
  persons: number;
}

export interface ApplicationFlags {
  /** Other live applications or registrations with the same data hash. */
  duplicateOf: { applications: number[]; registrations: string[] } | null;
  /** Personal information found in the sample of a data ASSET application: the reviewer must look. */
  personalInformationInAsset: boolean;
}

export type RegistrationStatus = 'valid' | 'pledged' | 'suspended' | 'cancelled' | 'expired';

const ATTACHMENT_KINDS = ['acquisition_proof', 'evidence_hold', 'evidence_use', 'evidence_operate', 'contract', 'agreement', 'third_party_report', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
/** Detector types that identify organisations or credentials rather than natural persons. */
const NON_PERSONAL_TYPES = new Set(['cn_uscc', 'secret']);
const SM3_RE = /^[0-9a-f]{64}$/;
const APPLICANT_ACTIONS: readonly Action[] = ['submit', 'supplement', 'withdraw'];
const PLEDGEE_ACTIONS: readonly Action[] = ['consent', 'refuse_consent'];

const json = <T>(s: string | null): T => (s === null ? (null as T) : (JSON.parse(s) as T));

function parseYmd(field: string, v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
    throw new AppError('validation_failed', `${field} must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`, { field });
  return v;
}

/** `date` plus whole years, minus one day (a 3-year validity from 2026-01-05 ends 2029-01-04). */
export function addYearsInclusive(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface ApplicationDto {
  id: number;
  type: RegistrationType;
  book: Book;
  registrationNo: string | null;
  holder: { orgId: number | null; name: string; subjectType: string };
  sourceKind: string;
  data: DataDescription;
  dataSm3: string | null;
  dataHashSource: string | null;
  payload: Record<string, unknown>;
  sample: SampleLabels | null;
  flags: ApplicationFlags;
  authorisationId: number | null;
  steps: ReviewStep[];
  status: ApplicationStatus;
  allowedActions: Action[];
  acceptanceDue: string | null;
  acceptanceOverdue: boolean;
  missing: string[];
  supplementRequested: boolean;
  notice: { start: string; end: string | null; remainingWorkingDays: number | null } | null;
  openObjections: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The data property registry (数据产权登记): applications of every registration type go through the
 * review steps configured for them (acceptance, formal and substantive review, public notice), as
 * an append-only action log; approval takes effect in the same transaction — a registration number
 * and an SM2-signed certificate on first registration, a new holder on transfer, and so on. Every
 * event is also a leaf of the transparency log and an audit event, in the same transaction.
 */
export class RegistryService {
  readonly repo = new RegistryRepo();
  readonly config: RegistryConfig;
  private readonly now: () => Date;
  readonly trustedKeys: TrustedKey[];
  readonly issuerName: string;

  constructor(readonly deps: RegistryDeps) {
    this.config = deps.config ?? loadRegistryConfig();
    this.now = deps.now ?? (() => new Date());
    this.trustedKeys = [trustedKeyOf(deps.signer), ...(deps.trustedKeys ?? [])];
    this.issuerName = deps.issuerName ?? '平潭综合实验区数据产权登记机构';
  }

  get db(): AnyDb {
    return this.deps.db;
  }

  /** Today in China (YYYY-MM-DD), by the injectable clock. */
  today(): string {
    return toChinaDate(this.now());
  }

  instant(): string {
    return this.now().toISOString();
  }

  // ---- events: action log + transparency log + audit, one transaction ---------------------------

  /**
   * Every state change of the registry runs here: in a transaction of the log's sequencer, shared with
   * the registry requests that arrived at the same moment (one commit for all), in its own savepoint.
   * It resolves after that commit. The batch locks the log head first, so all registry transactions
   * take their locks in one order (log head, their rows, audit head).
   */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.deps.log.transact(work);
  }

  private readonly listeners: (() => void)[] = [];

  /** Called after every registry event recorded by this process (caches drop what they hold). */
  onEvent(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Appends one registry event to the transparency log and the audit trail; returns the log index. */
  async event(tx: Executor, actor: Actor, e: { event: string; entityType: string; entityId: string | number; entry: Record<string, unknown>; audit?: Record<string, unknown> }): Promise<number> {
    const { index } = await this.deps.log.append(tx, { registry: 'landao', event: e.event, at: this.instant(), ...e.entry });
    await this.deps.audit.record(tx, actor, {
      action: `registry.${e.event}`,
      entityType: e.entityType,
      entityId: e.entityId,
      detail: { ...(e.audit ?? {}), logIndex: index },
    });
    for (const l of this.listeners) l();
    return index;
  }

  private async appendAction(tx: Executor, app: Application, seq: number, action: Action, actor: Actor, detail: Record<string, unknown>): Promise<number> {
    const at = this.instant();
    const logIndex = await this.event(tx, actor, {
      event: `application.${action}`,
      entityType: 'registry_application',
      entityId: app.id,
      // The public log carries the facts and a hash of the detail (which may name objectors).
      entry: { applicationId: app.id, type: app.type, book: app.book, seq, detailSm3: sm3(canonicalJson(detail)) },
      audit: { type: app.type, ...detail },
    });
    await this.repo.insertAction(tx, { application_id: app.id, seq, action, actor: canonicalJson(actor), at, detail: canonicalJson(detail), log_index: logIndex });
    return logIndex;
  }

  private async history(e: Executor, app: Application): Promise<ActionRecord[]> {
    return (await this.repo.actions(e, app.id)).map((a) => ({ action: a.action as Action, at: a.at, detail: json<Record<string, unknown>>(a.detail) }));
  }

  private async state(e: Executor, app: Application): Promise<{ state: WorkflowState; records: ActionRecord[] }> {
    const records = await this.history(e, app);
    return { state: fold(json<ReviewStep[]>(app.steps), records), records };
  }

  // ---- applications ---------------------------------------------------------------------------

  private requireApply(p: Principal): void {
    if (!hasScope(p, 'registry:apply')) throw new AppError('forbidden', 'missing scope registry:apply', { scope: 'registry:apply' });
  }

  private async holderOf(p: Principal): Promise<{ id: number; name: string }> {
    if (p.orgId === null) throw new AppError('forbidden', 'an application is filed for an organisation; this account has none');
    const org = await this.deps.orgs.byId(p.orgId);
    if (!org) throw notFound('organisation', p.orgId);
    return { id: org.id, name: org.name };
  }

  private async counterparty(c: Counterparty): Promise<{ orgId: number | null; name: string }> {
    if (c.orgCode) {
      const org = await this.deps.orgs.byCode(c.orgCode);
      if (!org) throw new AppError('validation_failed', `to.orgCode: no organisation ${c.orgCode}`, { field: 'to.orgCode' });
      return { orgId: org.id, name: org.name };
    }
    if (!c.name?.trim()) throw new AppError('validation_failed', 'to: give orgCode or name of the other party', { field: 'to' });
    return { orgId: null, name: c.name.trim() };
  }

  private checkRights(rights: RightClaim[], field = 'rights'): void {
    if (rights.length === 0) throw new AppError('validation_failed', `${field}: claim at least one of hold, use, operate`, { field });
    const seen = new Set<string>();
    rights.forEach((r, i) => {
      if (seen.has(r.right)) throw new AppError('validation_failed', `${field}[${i}].right: ${r.right} is claimed twice`, { field: `${field}[${i}].right` });
      seen.add(r.right);
      if (!r.evidence.trim())
        throw new AppError('validation_failed', `${field}[${i}].evidence: each right needs its own evidence`, { field: `${field}[${i}].evidence` });
    });
  }

  private async liveRegistration(e: Executor, no: string, p: Principal, scope: string): Promise<Registration> {
    const reg = await this.repo.registrationByNo(e, no);
    if (!reg || !canActOnOrg(p, scope, reg.holder_org_id)) throw notFound('registration', no);
    if (reg.status === 'cancelled') throw new AppError('conflict', `registration ${no} is cancelled`, { registrationNo: no });
    return reg;
  }

  async createApplication(p: Principal, input: ApplicationInput): Promise<ApplicationDto> {
    this.requireApply(p);
    const actor = actorOfPrincipal(p);
    const now = this.instant();
    // Organisations are looked up before the transaction (SQLite has one connection, held by it).
    const holder = input.type === 'first' ? await this.holderOf(p) : null;
    const to = input.type === 'transfer' || input.type === 'licence' ? await this.counterparty(input.to) : null;
    const id = await this.transaction(async (tx) => {
      let row: Parameters<RegistryRepo['insertApplication']>[1];
      const base = { payload: '{}', data_sm3: null, data_hash_source: null, sample: null, authorisation_id: null, config_version: this.config.version, created_by: `${p.kind}:${p.id}`, created_at: now, updated_at: now };
      if (input.type === 'first') {
        if (!holder) throw new AppError('internal', 'holder not resolved');
        this.checkRights(input.rights);
        if (input.dataSm3 !== undefined && !SM3_RE.test(input.dataSm3))
          throw new AppError('validation_failed', 'dataSm3 must be 64 lowercase hex characters (SM3)', { field: 'dataSm3' });
        if (input.authorisationId !== undefined && !(await this.repo.authorisation(tx, input.authorisationId)))
          throw new AppError('validation_failed', `authorisationId: no authorisation ${input.authorisationId}`, { field: 'authorisationId' });
        row = {
          ...base,
          type: 'first',
          book: input.book,
          registration_id: null,
          holder_org_id: holder.id,
          holder_name: holder.name,
          subject_type: input.subjectType,
          source_kind: input.sourceKind,
          data_name: input.data.name,
          data: canonicalJson({ ...input.data, rights: input.rights }),
          data_sm3: input.dataSm3 ?? null,
          data_hash_source: input.dataSm3 ? 'client' : null,
          authorisation_id: input.authorisationId ?? null,
          flags: canonicalJson({ duplicateOf: null, personalInformationInAsset: false } satisfies ApplicationFlags),
          status: 'draft',
          steps: canonicalJson(stepsFor(this.config, 'first', input.book)),
        };
      } else {
        const reg = await this.liveRegistration(tx, input.registrationNo, p, 'registry:apply');
        let payload: Record<string, unknown> = {};
        switch (input.type) {
          case 'change':
          case 'correction':
            if (input.rights) this.checkRights(input.rights);
            if (!input.reason.trim()) throw new AppError('validation_failed', 'reason: say why', { field: 'reason' });
            payload = { changes: input.changes, ...(input.rights ? { rights: input.rights } : {}), reason: input.reason };
            break;
          case 'transfer':
          case 'licence': {
            if (!to) throw new AppError('internal', 'counterparty not resolved');
            if (to.orgId !== null && to.orgId === reg.holder_org_id) throw new AppError('validation_failed', 'to: the other party is the holder itself', { field: 'to' });
            const held = new Set(json<RightClaim[]>(reg.rights).map((r) => r.right));
            input.rights.forEach((r, i) => {
              if (!held.has(r)) throw new AppError('validation_failed', `rights[${i}]: the holder does not hold ${r}`, { field: `rights[${i}]` });
            });
            if (input.rights.length === 0) throw new AppError('validation_failed', 'rights: name the rights concerned', { field: 'rights' });
            if (!Number.isSafeInteger(input.priceFen) || input.priceFen < 0) throw new AppError('validation_failed', 'priceFen must be a non-negative integer (fen)', { field: 'priceFen' });
            if (!SM3_RE.test(input.contractSm3)) throw new AppError('validation_failed', 'contractSm3 must be the SM3 of the contract (64 hex)', { field: 'contractSm3' });
            payload = { to, rights: input.rights, priceFen: input.priceFen, contractSm3: input.contractSm3 };
            if (input.type === 'licence') payload.termEnd = parseYmd('termEnd', input.termEnd);
            break;
          }
          case 'renewal':
            payload = { validUntil: reg.valid_until };
            break;
          case 'cancellation':
            if (!input.reason.trim()) throw new AppError('validation_failed', 'reason: say why', { field: 'reason' });
            payload = { reason: input.reason };
            break;
        }
        row = {
          ...base,
          type: input.type,
          book: reg.book,
          registration_id: reg.id,
          holder_org_id: reg.holder_org_id,
          holder_name: reg.holder_name,
          subject_type: reg.subject_type,
          source_kind: reg.source_kind,
          data_name: reg.data_name,
          data: reg.data,
          data_sm3: reg.data_sm3,
          data_hash_source: 'registration',
          payload: canonicalJson(payload),
          flags: canonicalJson({ duplicateOf: null, personalInformationInAsset: false } satisfies ApplicationFlags),
          status: 'draft',
          steps: canonicalJson(stepsFor(this.config, input.type, reg.book as Book)),
        };
      }
      const appId = await this.repo.insertApplication(tx, row);
      const app = (await this.repo.application(tx, appId))!;
      await this.appendAction(tx, app, 1, 'create', actor, { registrationNo: input.type === 'first' ? null : input.registrationNo });
      if (app.data_sm3 && input.type === 'first') await this.refreshDuplicateFlag(tx, app);
      return appId;
    });
    return this.getApplication(p, id);
  }

  private async refreshDuplicateFlag(tx: Executor, app: Application): Promise<void> {
    const flags = json<ApplicationFlags>(app.flags);
    const same = app.data_sm3 ? await this.repo.sameDataHash(tx, app.data_sm3, app.id) : { applications: [], registrations: [] };
    flags.duplicateOf = same.applications.length || same.registrations.length ? same : null;
    await this.repo.updateApplication(tx, app.id, { flags: canonicalJson(flags), updated_at: this.instant() });
  }

  private async editableApplication(tx: Executor, p: Principal, id: number): Promise<Application> {
    const app = await this.repo.application(tx, id, { lock: true });
    if (!app || !canActOnOrg(p, 'registry:apply', app.holder_org_id)) throw notFound('application', id);
    const { state } = await this.state(tx, app);
    if (state.status !== 'draft' && state.status !== 'returned')
      throw illegalTransition('edit', currentStatus(state, this.today()), allowedActions(state, this.today()));
    return app;
  }

  /** Edits a first-registration application while it is a draft or returned for supplement. */
  async updateApplication(p: Principal, id: number, patch: { data?: Partial<DataDescription> | undefined; rights?: RightClaim[] | undefined; dataSm3?: string | undefined }): Promise<ApplicationDto> {
    this.requireApply(p);
    await this.transaction(async (tx) => {
      const app = await this.editableApplication(tx, p, id);
      if (app.type !== 'first') throw new AppError('conflict', `only first-registration applications carry a data description; application ${id} is ${app.type}`);
      const current = json<DataDescription & { rights: RightClaim[] }>(app.data);
      if (patch.rights) this.checkRights(patch.rights);
      const data = { ...current, ...(patch.data ?? {}), rights: patch.rights ?? current.rights };
      const set: Parameters<RegistryRepo['updateApplication']>[2] = { data: canonicalJson(data), data_name: data.name, updated_at: this.instant() };
      if (patch.dataSm3 !== undefined) {
        if (!SM3_RE.test(patch.dataSm3)) throw new AppError('validation_failed', 'dataSm3 must be 64 lowercase hex characters (SM3)', { field: 'dataSm3' });
        set.data_sm3 = patch.dataSm3;
        set.data_hash_source = 'client';
      }
      await this.repo.updateApplication(tx, id, set);
      await this.deps.audit.record(tx, actorOfPrincipal(p), { action: 'registry.application.edited', entityType: 'registry_application', entityId: id, detail: { fields: Object.keys(patch) } });
      if (set.data_sm3) await this.refreshDuplicateFlag(tx, (await this.repo.application(tx, id))!);
    });
    return this.getApplication(p, id);
  }

  /** Hashes uploaded data with SM3 as it streams in (the data itself is not kept). */
  async hashData(p: Principal, id: number, file: Readable, truncated: () => boolean): Promise<ApplicationDto> {
    this.requireApply(p);
    const h = sm3Hasher();
    let bytes = 0;
    for await (const chunk of file) {
      h.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    if (truncated()) throw new AppError('payload_too_large', `data larger than the upload limit of ${this.deps.uploadLimit} bytes: hash it yourself and send dataSm3`);
    const digest = h.digest('hex');
    await this.transaction(async (tx) => {
      const app = await this.editableApplication(tx, p, id);
      if (app.type !== 'first') throw new AppError('conflict', `application ${id} is ${app.type}: the data hash is the registration's`);
      await this.repo.updateApplication(tx, id, { data_sm3: digest, data_hash_source: 'upload', updated_at: this.instant() });
      await this.deps.audit.record(tx, actorOfPrincipal(p), { action: 'registry.application.data-hashed', entityType: 'registry_application', entityId: id, detail: { sm3: digest, bytes } });
      await this.refreshDuplicateFlag(tx, (await this.repo.application(tx, id))!);
    });
    return this.getApplication(p, id);
  }

  /** Stores a sample and has the detection engine label it. */
  async uploadSample(p: Principal, id: number, upload: { filename: string; file: Readable; truncated: () => boolean }): Promise<ApplicationDto> {
    this.requireApply(p);
    const filename = path.basename(upload.filename || 'sample');
    const ext = path.extname(filename).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.includes(ext)) {
      upload.file.resume();
      throw new AppError('unsupported_media_type', `${filename}: the scanner reads ${SUPPORTED_EXTENSIONS.join(' ')}`, { field: 'file' });
    }
    const existing = await this.repo.application(this.db, id);
    if (!existing || !canActOnOrg(p, 'registry:apply', existing.holder_org_id)) {
      upload.file.resume();
      throw notFound('application', id);
    }
    const stored = await this.storeUpload(`registry/samples/${id}/${crypto.randomUUID()}${ext}`, upload);
    const labels = await this.labelSample(stored.key, filename);
    await this.transaction(async (tx) => {
      const app = await this.editableApplication(tx, p, id);
      const flags = json<ApplicationFlags>(app.flags);
      flags.personalInformationInAsset = app.book === 'asset' && labels.personalInformation;
      await this.repo.updateApplication(tx, id, { sample: canonicalJson(labels), flags: canonicalJson(flags), updated_at: this.instant() });
      await this.repo.insertAttachment(tx, { application_id: id, kind: 'sample', filename, blob_key: stored.key, size: stored.size, sm3: stored.sm3, uploaded_by: `${p.kind}:${p.id}`, uploaded_at: this.instant() });
      await this.deps.audit.record(tx, actorOfPrincipal(p), {
        action: 'registry.application.sample-labelled',
        entityType: 'registry_application',
        entityId: id,
        detail: { sm3: stored.sm3, personalInformation: labels.personalInformation, sensitive: labels.sensitivePersonalInformation },
      });
    });
    return this.getApplication(p, id);
  }

  private async storeUpload(key: string, upload: { filename: string; file: Readable; truncated: () => boolean }) {
    const stored = await this.deps.blobs.put(key, upload.file, { maxBytes: this.deps.uploadLimit });
    if (upload.truncated()) {
      await this.deps.blobs.delete(key);
      throw new AppError('payload_too_large', `${upload.filename}: larger than the upload limit of ${this.deps.uploadLimit} bytes`);
    }
    return stored;
  }

  private async labelSample(key: string, filename: string): Promise<SampleLabels> {
    let file = await this.deps.blobs.localPath(key);
    let temp: string | undefined;
    if (!file) {
      temp = path.join(os.tmpdir(), `landao-sample-${crypto.randomUUID()}${path.extname(filename)}`);
      await pipeline(await this.deps.blobs.get(key), fs.createWriteStream(temp));
      file = temp;
    }
    try {
      const report = await scanSource(file, { source: filename, sample: this.deps.sampleRows ?? 10_000 });
      const columns = report.columns
        .filter((c) => c.detections.length > 0)
        .map((c) => ({ name: c.name, types: c.detections.map((d) => ({ type: d.type, ratio: d.ratio, sensitive: d.sensitive })) }));
      const personal = columns.some((c) => c.types.some((t) => !NON_PERSONAL_TYPES.has(t.type)));
      return {
        filename,
        rowsScanned: report.rowsScanned,
        columns,
        personalInformation: personal || report.persons.persons > 0,
        sensitivePersonalInformation: columns.some((c) => c.types.some((t) => t.sensitive)) || report.persons.sensitiveSubjects > 0,
        persons: report.persons.persons,
      };
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('unprocessable', `${filename}: the sample could not be read (${(e as Error).message})`, { field: 'file' });
    } finally {
      if (temp) fs.rmSync(temp, { force: true });
    }
  }

  /** Attaches a document (proof of acquisition, evidence per right, contract, third-party report). */
  async addAttachment(p: Principal, id: number, kind: string, upload: { filename: string; file: Readable; truncated: () => boolean }): Promise<Attachment> {
    if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind)) {
      upload.file.resume();
      throw new AppError('validation_failed', `kind must be one of ${ATTACHMENT_KINDS.join(', ')}`, { field: 'kind' });
    }
    const reviewerKind = kind === 'third_party_report';
    const scope = reviewerKind ? 'registry:review' : 'registry:apply';
    const app = await this.repo.application(this.db, id);
    const allowed = app !== undefined && (reviewerKind ? hasScope(p, scope) : canActOnOrg(p, scope, app.holder_org_id));
    if (!allowed) {
      upload.file.resume();
      if (!app || !this.canSeeApplication(p, app)) throw notFound('application', id);
      throw new AppError('forbidden', `missing scope ${scope}`, { scope });
    }
    const filename = path.basename(upload.filename || 'document');
    const stored = await this.storeUpload(`registry/attachments/${id}/${crypto.randomUUID()}${path.extname(filename).toLowerCase()}`, upload);
    const attId = await this.transaction(async (tx) => {
      const { state } = await this.state(tx, (await this.repo.application(tx, id, { lock: true }))!);
      const ok = reviewerKind ? state.status === 'substantive_review' : state.status === 'draft' || state.status === 'returned';
      if (!ok) throw illegalTransition(`attach ${kind}`, currentStatus(state, this.today()), allowedActions(state, this.today()));
      const aid = await this.repo.insertAttachment(tx, { application_id: id, kind, filename, blob_key: stored.key, size: stored.size, sm3: stored.sm3, uploaded_by: `${p.kind}:${p.id}`, uploaded_at: this.instant() });
      await this.deps.audit.record(tx, actorOfPrincipal(p), { action: 'registry.application.attached', entityType: 'registry_application', entityId: id, detail: { kind, filename, sm3: stored.sm3 } });
      return aid;
    });
    return (await this.repo.attachment(this.db, attId))!;
  }

  async attachmentBlob(p: Principal, attachmentId: number): Promise<{ attachment: Attachment; stream: Readable }> {
    const att = await this.repo.attachment(this.db, attachmentId);
    const app = att ? await this.repo.application(this.db, att.application_id) : undefined;
    if (!att || !app || !canActOnOrg(p, 'registry:read', app.holder_org_id)) throw notFound('attachment', attachmentId);
    return { attachment: att, stream: await this.deps.blobs.get(att.blob_key) };
  }

  /** What the acceptance notice would list as missing (一次性告知), computed from the application. */
  missingItems(app: Application, attachments: Attachment[]): string[] {
    if (app.type !== 'first') return [];
    const d = json<DataDescription & { rights: RightClaim[] }>(app.data);
    const out: string[] = [];
    const need: [keyof DataDescription, string][] = [
      ['description', 'data.description'],
      ['source', 'data.source'],
      ['acquisitionProof', 'data.acquisitionProof'],
      ['updateFrequency', 'data.updateFrequency'],
      ['storageLocation', 'data.storageLocation'],
      ['processingRules', 'data.processingRules'],
    ];
    for (const [k, label] of need) if (!d[k] || (typeof d[k] === 'string' && !(d[k] as string).trim())) out.push(label);
    if (!d.fields?.length) out.push('data.fields');
    if (!d.scale || (d.scale.records === undefined && d.scale.bytes === undefined && !d.scale.note)) out.push('data.scale');
    if (!app.data_sm3) out.push('dataSm3');
    if (!attachments.some((a) => a.kind === 'sample')) out.push('sample');
    if (!attachments.some((a) => a.kind === 'acquisition_proof')) out.push('attachment:acquisition_proof');
    return out;
  }

  async getApplication(p: Principal, id: number): Promise<ApplicationDto> {
    const app = await this.repo.application(this.db, id);
    if (!app || !this.canSeeApplication(p, app)) throw notFound('application', id);
    return this.toDto(this.db, app);
  }

  private canSeeApplication(p: Principal, app: Application): boolean {
    return canActOnOrg(p, 'registry:read', app.holder_org_id) || hasScope(p, 'registry:review');
  }

  async applicationDetail(p: Principal, id: number) {
    const dto = await this.getApplication(p, id);
    const app = (await this.repo.application(this.db, id))!;
    const attachments = await this.repo.attachments(this.db, id);
    return {
      application: dto,
      actions: (await this.repo.actions(this.db, id)).map((a) => ({ seq: a.seq, action: a.action, at: a.at, actor: json<Actor>(a.actor), detail: json<Record<string, unknown>>(a.detail), logIndex: a.log_index })),
      attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, filename: a.filename, size: Number(a.size), sm3: a.sm3, uploadedAt: a.uploaded_at })),
      objections: (await this.repo.objections(this.db, id)).map((o) => ({ id: o.id, objectorName: o.objector_name, objectorContact: o.objector_contact, reason: o.reason, filedAt: o.filed_at, outcome: o.outcome, resolution: o.resolution, resolvedAt: o.resolved_at })),
      missingItems: this.missingItems(app, attachments),
    };
  }

  async listApplications(p: Principal, f: { status?: string | undefined; type?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
    if (!hasScope(p, 'registry:read') && !hasScope(p, 'registry:review')) throw new AppError('forbidden', 'missing scope registry:read', { scope: 'registry:read' });
    const holderOrgId = hasScope(p, 'registry:review') ? undefined : orgFilterFor(p, 'registry:read');
    const statuses = f.status ? (f.status === 'open' ? ['submitted', 'returned', 'formal_review', 'substantive_review', 'public_notice', 'notice_suspended', 'awaiting_consent'] : f.status.split(',')) : undefined;
    const r = await this.repo.listApplications(this.db, { holderOrgId, statuses, type: f.type, q: f.q, offset: (f.page - 1) * f.pageSize, limit: f.pageSize });
    return { items: await Promise.all(r.items.map((a) => this.toDto(this.db, a))), total: r.total };
  }

  private async toDto(e: Executor, app: Application): Promise<ApplicationDto> {
    const { state } = await this.state(e, app);
    const today = this.today();
    const status = currentStatus(state, today);
    const reg = app.registration_id ? await this.repo.registration(e, app.registration_id) : undefined;
    const data = json<DataDescription & { rights?: RightClaim[] }>(app.data);
    return {
      id: app.id,
      type: app.type as RegistrationType,
      book: app.book as Book,
      registrationNo: reg?.registration_no ?? null,
      holder: { orgId: app.holder_org_id, name: app.holder_name, subjectType: app.subject_type },
      sourceKind: app.source_kind,
      data,
      dataSm3: app.data_sm3,
      dataHashSource: app.data_hash_source,
      payload: json<Record<string, unknown>>(app.payload),
      sample: json<SampleLabels | null>(app.sample),
      flags: json<ApplicationFlags>(app.flags),
      authorisationId: app.authorisation_id,
      steps: json<ReviewStep[]>(app.steps),
      status,
      allowedActions: allowedActions(state, today),
      acceptanceDue: state.acceptanceDue,
      acceptanceOverdue: status === 'submitted' && state.acceptanceDue !== null && today > state.acceptanceDue,
      missing: state.missing,
      supplementRequested: state.supplementRequested,
      notice: state.noticeStart ? { start: state.noticeStart, end: state.noticeEnd, remainingWorkingDays: state.noticeRemaining } : null,
      openObjections: state.openObjections,
      createdAt: app.created_at,
      updatedAt: app.updated_at,
    };
  }

  // ---- the review workflow --------------------------------------------------------------------

  /** Performs one workflow action; 409 with the allowed actions when the state does not allow it. */
  async act(p: Principal, id: number, input: ActionInput): Promise<ApplicationDto> {
    const action = input.action;
    if (action === 'create' || action === 'object') throw new AppError('validation_failed', `action "${action}" has its own endpoint`, { field: 'action' });
    await this.transaction(async (tx) => {
      const app = await this.repo.application(tx, id, { lock: true });
      if (!app) throw notFound('application', id);
      const pledges = app.registration_id ? await this.repo.pledgesOf(tx, app.registration_id, { activeOnly: true }) : [];
      this.checkActor(p, app, action, pledges);
      const { state, records } = await this.state(tx, app);
      const today = this.today();
      expectAllowed(state, today, action);
      const steps = json<ReviewStep[]>(app.steps);
      const detail: Record<string, unknown> = {};
      if (input.reason) detail.reason = input.reason;
      switch (action) {
        case 'submit': {
          if (app.type === 'first' && !app.data_sm3) throw new AppError('validation_failed', 'dataSm3: upload the data or send its SM3 hash before submitting', { field: 'dataSm3' });
          detail.acceptanceDue = this.deps.calendar.addWorkingDays(today, this.config.acceptanceWorkingDays);
          if (typeConfig(this.config, app.type as RegistrationType).pledgeeConsent && pledges.length > 0) detail.awaitingConsent = pledges.map((pl) => pl.id);
          else if (opensNotice(steps, null)) Object.assign(detail, this.noticeDates(today));
          break;
        }
        case 'consent':
          detail.pledgeeOrgId = p.orgId;
          // Every active pledgee must consent before the application moves on.
          if (pledges.some((pl) => pl.pledgee_org_id !== p.orgId && !records.some((r) => r.action === 'consent' && r.detail.pledgeeOrgId === pl.pledgee_org_id))) {
            await this.appendAction(tx, app, records.length + 1, 'consent', actorOfPrincipal(p), { ...detail, partial: true });
            return;
          }
          if (opensNotice(steps, null)) Object.assign(detail, this.noticeDates(today));
          break;
        case 'request_supplement': {
          const missing = input.missing?.filter((m) => m.trim()) ?? this.missingItems(app, await this.repo.attachments(tx, id));
          if (missing.length === 0) throw new AppError('validation_failed', 'missing: list everything that is missing, in one notice', { field: 'missing' });
          detail.missing = missing;
          break;
        }
        case 'supplement':
          detail.acceptanceDue = this.deps.calendar.addWorkingDays(today, this.config.acceptanceWorkingDays);
          break;
        case 'accept':
        case 'pass_formal':
        case 'pass_substantive': {
          const step: ReviewStep = action === 'accept' ? 'acceptance' : action === 'pass_formal' ? 'formal' : 'substantive';
          if (opensNotice(steps, step)) Object.assign(detail, this.noticeDates(today));
          if (action === 'pass_substantive') {
            const report = (await this.repo.attachments(tx, id)).filter((a) => a.kind === 'third_party_report').at(-1);
            if (report) detail.thirdPartyReportSm3 = report.sm3;
          }
          break;
        }
        case 'resolve_objection': {
          const objections = await this.repo.objections(tx, id);
          const o = objections.find((x) => x.id === input.objectionId && x.outcome === null);
          if (!o) throw new AppError('validation_failed', `objectionId: no open objection ${String(input.objectionId)} on application ${id}`, { field: 'objectionId' });
          if (input.outcome !== 'upheld' && input.outcome !== 'dismissed') throw new AppError('validation_failed', 'outcome must be upheld or dismissed', { field: 'outcome' });
          if (!input.reason?.trim()) throw new AppError('validation_failed', 'reason: give the resolution', { field: 'reason' });
          await this.repo.resolveObjection(tx, o.id, { outcome: input.outcome, resolution: input.reason, resolved_at: this.instant() });
          detail.objectionId = o.id;
          detail.outcome = input.outcome;
          const stillOpen = objections.filter((x) => x.outcome === null).length - 1;
          // The notice resumes with the working days it had left when it was suspended.
          if (input.outcome === 'dismissed' && stillOpen === 0) detail.noticeEnd = this.deps.calendar.addWorkingDays(today, state.noticeRemaining ?? 0);
          break;
        }
        case 'reject':
          if (!input.reason?.trim()) throw new AppError('validation_failed', 'reason: a rejection states its grounds', { field: 'reason' });
          break;
        default:
          break;
      }
      const seq = records.length + 1;
      await this.appendAction(tx, app, seq, action, actorOfPrincipal(p), detail);
      const after = fold(steps, [...records, { action, at: this.instant(), detail }]);
      await this.repo.updateApplication(tx, id, { status: after.status, updated_at: this.instant() });
      if (after.status === 'approved') await this.takeEffect(tx, p, (await this.repo.application(tx, id))!, [...records, { action, at: this.instant(), detail }]);
    });
    // The actor was allowed to act (a pledgee may not otherwise read the application).
    return this.toDto(this.db, (await this.repo.application(this.db, id))!);
  }

  private noticeDates(today: string): { noticeStart: string; noticeEnd: string } {
    return { noticeStart: today, noticeEnd: this.deps.calendar.addWorkingDays(today, this.config.noticeWorkingDays) };
  }

  private checkActor(p: Principal, app: Application, action: Action, pledges: Pledge[]): void {
    if (APPLICANT_ACTIONS.includes(action)) {
      if (!canActOnOrg(p, 'registry:apply', app.holder_org_id)) {
        if (this.canSeeApplication(p, app)) throw new AppError('forbidden', `only the applicant may ${action}`, { scope: 'registry:apply' });
        throw notFound('application', app.id);
      }
      return;
    }
    if (PLEDGEE_ACTIONS.includes(action)) {
      if (!hasScope(p, 'registry:pledge') || !pledges.some((pl) => pl.pledgee_org_id === p.orgId))
        throw new AppError('forbidden', `only the pledgee may ${action === 'consent' ? 'consent' : 'refuse consent'}`, { scope: 'registry:pledge' });
      return;
    }
    if (!hasScope(p, 'registry:review')) {
      if (this.canSeeApplication(p, app)) throw new AppError('forbidden', 'missing scope registry:review', { scope: 'registry:review' });
      throw notFound('application', app.id);
    }
  }

  /** Anyone may object during the public notice (公示); it suspends the notice until resolved. */
  async fileObjection(p: Principal | null, id: number, input: { name: string; contact: string; reason: string }): Promise<{ objectionId: number; status: ApplicationStatus }> {
    for (const f of ['name', 'contact', 'reason'] as const)
      if (!input[f].trim()) throw new AppError('validation_failed', `${f} is required`, { field: f });
    return this.transaction(async (tx) => {
      const app = await this.repo.application(tx, id, { lock: true });
      if (!app) throw notFound('application', id);
      const { state, records } = await this.state(tx, app);
      const today = this.today();
      expectAllowed(state, today, 'object');
      const objectionId = await this.repo.insertObjection(tx, { application_id: id, objector_name: input.name.trim(), objector_contact: input.contact.trim(), reason: input.reason.trim(), filed_at: this.instant(), outcome: null, resolution: null, resolved_at: null });
      const detail = { objectionId, remaining: state.noticeEnd ? Math.max(0, this.deps.calendar.workingDaysBetween(today, state.noticeEnd)) : 0, objector: input.name.trim() };
      await this.appendAction(tx, app, records.length + 1, 'object', actorOfPrincipal(p), detail);
      await this.repo.updateApplication(tx, id, { status: 'notice_suspended', updated_at: this.instant() });
      return { objectionId, status: 'notice_suspended' as const };
    });
  }

  // ---- approval takes effect -------------------------------------------------------------------

  private async takeEffect(tx: Executor, p: Principal, app: Application, records: ActionRecord[]): Promise<void> {
    const actor = actorOfPrincipal(p);
    const payload = json<Record<string, unknown>>(app.payload);
    const today = this.today();
    if (app.type === 'first') {
      const year = Number(today.slice(0, 4));
      const seq = await this.repo.nextSequence(tx, `registration:${year}`);
      const no = registrationNumber({ year, sourceCode: this.config.sourceCodes[app.source_kind as SourceKind], subjectTypeCode: this.config.subjectTypeCodes[app.subject_type as SubjectType], sequence: seq });
      const data = json<DataDescription & { rights: RightClaim[] }>(app.data);
      const { rights, ...description } = data;
      const regId = await this.repo.insertRegistration(tx, {
        registration_no: no,
        book: app.book,
        holder_org_id: app.holder_org_id,
        holder_name: app.holder_name,
        subject_type: app.subject_type,
        source_kind: app.source_kind,
        data_name: app.data_name,
        data: canonicalJson(description),
        data_sm3: app.data_sm3!,
        rights: canonicalJson(rights),
        status: 'active',
        suspended_reason: null,
        valid_from: today,
        valid_until: addYearsInclusive(today, this.config.validityYears),
        authorisation_id: app.authorisation_id,
        registered_at: this.instant(),
        updated_at: this.instant(),
      });
      await this.repo.updateApplication(tx, app.id, { registration_id: regId });
      await this.issueCertificate(tx, actor, regId, app);
      return;
    }
    const reg = (await this.repo.registration(tx, app.registration_id!, { lock: true }))!;
    if (reg.status === 'cancelled') throw new AppError('conflict', `registration ${reg.registration_no} was cancelled meanwhile`);
    const tc = typeConfig(this.config, app.type as RegistrationType);
    if (tc.pledgeeConsent) {
      const pledges = await this.repo.pledgesOf(tx, reg.id, { activeOnly: true });
      const missing = pledges.filter((pl) => !records.some((r) => r.action === 'consent' && r.detail.pledgeeOrgId === pl.pledgee_org_id));
      // Pledging is refused while such an application is open, so this only guards the rule itself.
      if (missing.length > 0) throw illegalTransition(records.at(-1)!.action, 'pledged', ['reject']);
    }
    const now = this.instant();
    switch (app.type) {
      case 'change':
      case 'correction': {
        const changes = (payload.changes ?? {}) as Partial<DataDescription>;
        const data = { ...json<DataDescription>(reg.data), ...changes };
        await this.repo.updateRegistration(tx, reg.id, {
          data: canonicalJson(data),
          data_name: data.name,
          ...(payload.rights ? { rights: canonicalJson(payload.rights) } : {}),
          updated_at: now,
        });
        await this.issueCertificate(tx, actor, reg.id, app);
        break;
      }
      case 'transfer':
      case 'licence': {
        const to = payload.to as { orgId: number | null; name: string };
        await this.repo.insertTransaction(tx, {
          registration_id: reg.id,
          application_id: app.id,
          kind: app.type,
          from_name: reg.holder_name,
          to_org_id: to.orgId,
          to_name: to.name,
          rights: canonicalJson(payload.rights),
          price_fen: Number(payload.priceFen),
          contract_sm3: String(payload.contractSm3),
          term_end: typeof payload.termEnd === 'string' ? payload.termEnd : null,
          recorded_at: now,
        });
        if (app.type === 'transfer') {
          // A transfer moves the holding: the new holder gets a new certificate.
          await this.repo.updateRegistration(tx, reg.id, { holder_org_id: to.orgId, holder_name: to.name, updated_at: now });
          await this.issueCertificate(tx, actor, reg.id, app);
        }
        await this.event(tx, actor, {
          event: `registration.${app.type}-recorded`,
          entityType: 'registry_registration',
          entityId: reg.id,
          entry: { registrationNo: reg.registration_no, from: reg.holder_name, to: to.name, rights: payload.rights, priceFen: payload.priceFen, contractSm3: payload.contractSm3 },
        });
        break;
      }
      case 'renewal': {
        const from = reg.valid_until < today ? today : nextDay(reg.valid_until);
        await this.repo.updateRegistration(tx, reg.id, { valid_until: addYearsInclusive(from, this.config.validityYears), updated_at: now });
        await this.issueCertificate(tx, actor, reg.id, app);
        break;
      }
      case 'cancellation': {
        await this.repo.updateRegistration(tx, reg.id, { status: 'cancelled', updated_at: now });
        await this.repo.revokeCertificates(tx, reg.id, now, 'cancelled');
        await this.event(tx, actor, { event: 'registration.cancelled', entityType: 'registry_registration', entityId: reg.id, entry: { registrationNo: reg.registration_no, reason: payload.reason } });
        break;
      }
      default:
        throw new AppError('internal', `no effect defined for type ${app.type}`);
    }
  }

  /** Issues the registration's current certificate, superseding the one before. */
  private async issueCertificate(tx: Executor, actor: Actor, registrationId: number, app: Application): Promise<Certificate> {
    const reg = (await this.repo.registration(tx, registrationId))!;
    const now = this.instant();
    const month = Number(this.today().slice(5, 7));
    const year = Number(this.today().slice(0, 4));
    const serial = await this.repo.nextSequence(tx, `certificate:${year}${String(month).padStart(2, '0')}`);
    const certificateNo = certificateNumber({ year, month, registryCode: this.config.registryCode, serial });
    await this.repo.supersedeCertificates(tx, registrationId, now);
    const rights = json<RightClaim[]>(reg.rights).map((r) => r.right);
    const logIndex = await this.event(tx, actor, {
      event: 'certificate.issued',
      entityType: 'registry_certificate',
      entityId: certificateNo,
      entry: { certificateNo, registrationNo: reg.registration_no, applicationId: app.id, issuedFor: app.type, book: reg.book, holder: reg.holder_name, dataName: reg.data_name, dataSm3: reg.data_sm3, rights, validFrom: reg.valid_from, validUntil: reg.valid_until },
    });
    const payload: CertificatePayload = {
      kind: 'landao.registry.certificate',
      certificateNo,
      registrationNo: reg.registration_no,
      book: reg.book as Book,
      issuedFor: app.type,
      holder: { name: reg.holder_name, subjectType: reg.subject_type as SubjectType },
      data: { name: reg.data_name, sm3: reg.data_sm3 },
      rights,
      issuedAt: now,
      validFrom: reg.valid_from,
      validUntil: reg.valid_until,
      issuer: { name: this.issuerName, url: this.deps.origin },
      logIndex,
      verifyUrl: this.verifyUrl(certificateNo),
    };
    const document = await signCertificate(this.deps.signer, payload);
    const credential = await issueCredential(this.deps.signer, payload, this.deps.origin);
    const id = await this.repo.insertCertificate(tx, {
      certificate_no: certificateNo,
      registration_id: registrationId,
      application_id: app.id,
      issued_at: now,
      valid_from: reg.valid_from,
      valid_until: reg.valid_until,
      document: canonicalJson(document),
      credential: canonicalJson(credential),
      log_index: logIndex,
      superseded_at: null,
      revoked_at: null,
      revoked_reason: null,
    });
    return { id, certificate_no: certificateNo, registration_id: registrationId, application_id: app.id, issued_at: now, valid_from: reg.valid_from, valid_until: reg.valid_until, document: canonicalJson(document), credential: canonicalJson(credential), log_index: logIndex, superseded_at: null, revoked_at: null, revoked_reason: null };
  }

  verifyUrl(certificateNo: string): string {
    return `${this.deps.origin}/portal/registry/verify/${certificateNo}`;
  }

  // ---- registrations, certificates, status -------------------------------------------------------

  /** valid / pledged / suspended / cancelled / expired, as of today. */
  async registrationStatus(e: Executor, reg: Registration): Promise<RegistrationStatus> {
    if (reg.status === 'cancelled' || reg.suspended_reason !== null || this.today() > reg.valid_until) return statusOf(reg, false, this.today());
    return statusOf(reg, (await this.repo.pledgesOf(e, reg.id, { activeOnly: true })).length > 0, this.today());
  }

  async registrationDetail(p: Principal, no: string) {
    const reg = await this.repo.registrationByNo(this.db, no);
    if (!reg || !(canActOnOrg(p, 'registry:read', reg.holder_org_id) || hasScope(p, 'registry:review') || hasScope(p, 'registry:pledge'))) throw notFound('registration', no);
    const certificates = await this.repo.certificatesOf(this.db, reg.id);
    return {
      registrationNo: reg.registration_no,
      book: reg.book,
      status: await this.registrationStatus(this.db, reg),
      suspendedReason: reg.suspended_reason,
      holder: { orgId: reg.holder_org_id, name: reg.holder_name, subjectType: reg.subject_type },
      sourceKind: reg.source_kind,
      data: json<DataDescription>(reg.data),
      dataSm3: reg.data_sm3,
      rights: json<RightClaim[]>(reg.rights),
      validFrom: reg.valid_from,
      validUntil: reg.valid_until,
      authorisationId: reg.authorisation_id,
      registeredAt: reg.registered_at,
      certificates: certificates.map((c) => ({ certificateNo: c.certificate_no, issuedAt: c.issued_at, validUntil: c.valid_until, logIndex: Number(c.log_index), superseded: c.superseded_at !== null, revoked: c.revoked_at !== null })),
      pledges: (await this.repo.pledgesOf(this.db, reg.id)).map(pledgeDto),
      transactions: (await this.repo.transactionsOf(this.db, reg.id)).map((t) => ({ id: t.id, kind: t.kind, from: t.from_name, to: t.to_name, rights: json<Right[]>(t.rights), priceFen: Number(t.price_fen), contractSm3: t.contract_sm3, termEnd: t.term_end, recordedAt: t.recorded_at })),
    };
  }

  async listRegistrations(p: Principal, f: { q?: string | undefined; page: number; pageSize: number }) {
    if (!hasScope(p, 'registry:read')) throw new AppError('forbidden', 'missing scope registry:read', { scope: 'registry:read' });
    const holderOrgId = hasScope(p, 'registry:review') ? undefined : orgFilterFor(p, 'registry:read');
    const r = await this.repo.searchRegistrations(this.db, { q: f.q, holderOrgId, offset: (f.page - 1) * f.pageSize, limit: f.pageSize });
    return { items: await Promise.all(r.items.map(async (reg) => ({ registrationNo: reg.registration_no, book: reg.book, dataName: reg.data_name, holder: reg.holder_name, status: await this.registrationStatus(this.db, reg), validUntil: reg.valid_until }))), total: r.total };
  }

  async certificate(no: string): Promise<{ certificate: Certificate; registration: Registration } | undefined> {
    const certificate = await this.repo.certificateByNo(this.db, no);
    if (!certificate) return undefined;
    return { certificate, registration: (await this.repo.registration(this.db, certificate.registration_id))! };
  }

  /** Certificates issued after the cursor, oldest first: the archive's collector reads these. */
  async certificatesIssuedSince(cursor: { at: string; id: number } | null, limit: number): Promise<{ id: number; certificateNo: string; issuedAt: string }[]> {
    return (await this.repo.certificatesIssuedAfter(this.db, cursor ?? { at: '', id: 0 }, limit)).map((r) => ({ id: r.id, certificateNo: r.certificate_no, issuedAt: r.issued_at }));
  }

  /** What the archive keeps of an issued certificate (no principal: the caller is the platform): the signed JSON, the VC and the registration. */
  async certificateArchivePackage(no: string): Promise<{ certificateNo: string; issuedAt: string; registrationNo: string; book: string; holderName: string; holderOrgId: number | null; dataName: string; document: CertificateDocument; credential: VerifiableCredential } | undefined> {
    const c = await this.certificate(no);
    if (!c) return undefined;
    return {
      certificateNo: no,
      issuedAt: c.certificate.issued_at,
      registrationNo: c.registration.registration_no,
      book: c.registration.book,
      holderName: c.registration.holder_name,
      holderOrgId: c.registration.holder_org_id,
      dataName: c.registration.data_name,
      document: json<CertificateDocument>(c.certificate.document),
      credential: json<VerifiableCredential>(c.certificate.credential),
    };
  }

  async certificateForms(p: Principal | null, no: string): Promise<{ document: CertificateDocument; credential: VerifiableCredential }> {
    const c = await this.certificate(no);
    if (!c) throw notFound('certificate', no);
    return { document: json<CertificateDocument>(c.certificate.document), credential: json<VerifiableCredential>(c.certificate.credential) };
  }

  /** Suspends (e.g. on a court order or a dispute) or reinstates a registration. */
  async setSuspended(p: Principal, no: string, input: { suspended: boolean; reason: string }): Promise<RegistrationStatus> {
    if (!hasScope(p, 'registry:review')) throw new AppError('forbidden', 'missing scope registry:review', { scope: 'registry:review' });
    if (!input.reason.trim()) throw new AppError('validation_failed', 'reason is required', { field: 'reason' });
    return this.transaction(async (tx) => {
      const reg = await this.repo.registrationByNo(tx, no);
      if (!reg) throw notFound('registration', no);
      const status = await this.registrationStatus(tx, reg);
      if (input.suspended && (status === 'suspended' || status === 'cancelled')) throw illegalTransition('suspend', status, status === 'suspended' ? ['reinstate'] : []);
      if (!input.suspended && status !== 'suspended') throw illegalTransition('reinstate', status, status === 'cancelled' ? [] : ['suspend']);
      await this.repo.updateRegistration(tx, reg.id, { suspended_reason: input.suspended ? input.reason : null, updated_at: this.instant() });
      await this.event(tx, actorOfPrincipal(p), { event: input.suspended ? 'registration.suspended' : 'registration.reinstated', entityType: 'registry_registration', entityId: reg.id, entry: { registrationNo: no, reason: input.reason } });
      return this.registrationStatus(tx, (await this.repo.registration(tx, reg.id))!);
    });
  }

  // ---- pledges ---------------------------------------------------------------------------------

  /** A bank registers a pledge (质押登记) on a registration, as the pledgee. */
  async registerPledge(p: Principal, input: { registrationNo: string; amountFen: number; termStart: string; termEnd: string; externalNo?: string | undefined; contractSm3?: string | undefined }) {
    if (!hasScope(p, 'registry:pledge')) throw new AppError('forbidden', 'missing scope registry:pledge', { scope: 'registry:pledge' });
    if (p.orgId === null) throw new AppError('forbidden', 'a pledge is registered by the pledgee organisation; this account has none');
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new AppError('validation_failed', 'amountFen must be a positive integer (fen)', { field: 'amountFen' });
    const termStart = parseYmd('termStart', input.termStart);
    const termEnd = parseYmd('termEnd', input.termEnd);
    if (termEnd <= termStart) throw new AppError('validation_failed', 'termEnd must be after termStart', { field: 'termEnd' });
    if (input.contractSm3 !== undefined && !SM3_RE.test(input.contractSm3)) throw new AppError('validation_failed', 'contractSm3 must be 64 hex (SM3)', { field: 'contractSm3' });
    const pledgee = (await this.deps.orgs.byId(p.orgId))!;
    const id = await this.transaction(async (tx) => {
      const found = await this.repo.registrationByNo(tx, input.registrationNo);
      if (!found) throw notFound('registration', input.registrationNo);
      const reg = (await this.repo.registration(tx, found.id, { lock: true }))!;
      const status = await this.registrationStatus(tx, reg);
      // One pledge at a time: no double pledging of the same registration.
      if (status !== 'valid') throw illegalTransition('pledge', status, status === 'pledged' ? ['pledge_release'] : []);
      const pending = (await this.repo.openApplicationsOf(tx, reg.id)).filter((a) => typeConfig(this.config, a.type as RegistrationType).pledgeeConsent);
      if (pending.length > 0)
        throw new AppError('conflict', `registration ${reg.registration_no} has an open ${pending[0]!.type} application (${pending[0]!.id}); pledge it once that is decided`, { applicationIds: pending.map((a) => a.id) });
      if (termEnd > reg.valid_until) throw new AppError('validation_failed', `termEnd ${termEnd} is after the registration's validity (${reg.valid_until})`, { field: 'termEnd' });
      const actor = actorOfPrincipal(p);
      const logIndex = await this.event(tx, actor, {
        event: 'pledge.registered',
        entityType: 'registry_registration',
        entityId: reg.id,
        entry: { registrationNo: reg.registration_no, pledgee: pledgee.name, pledgor: reg.holder_name, amountFen: input.amountFen, termStart, termEnd, externalNo: input.externalNo ?? null },
      });
      return this.repo.insertPledge(tx, {
        registration_id: reg.id,
        pledgee_org_id: p.orgId!,
        pledgee_name: pledgee.name,
        pledgor_name: reg.holder_name,
        amount_fen: input.amountFen,
        term_start: termStart,
        term_end: termEnd,
        external_no: input.externalNo ?? null,
        contract_sm3: input.contractSm3 ?? null,
        status: 'active',
        registered_at: this.instant(),
        released_at: null,
        log_index: logIndex,
      });
    });
    return pledgeDto((await this.repo.pledge(this.db, id))!);
  }

  /** The pledgee releases its pledge (质押注销). */
  async releasePledge(p: Principal, pledgeId: number) {
    if (!hasScope(p, 'registry:pledge')) throw new AppError('forbidden', 'missing scope registry:pledge', { scope: 'registry:pledge' });
    await this.transaction(async (tx) => {
      const pl = await this.repo.pledge(tx, pledgeId);
      if (!pl || !canActOnOrg(p, 'registry:pledge', pl.pledgee_org_id)) throw notFound('pledge', pledgeId);
      if (pl.status !== 'active') throw illegalTransition('release', pl.status, []);
      const reg = (await this.repo.registration(tx, pl.registration_id, { lock: true }))!;
      await this.repo.releasePledge(tx, pledgeId, this.instant());
      await this.event(tx, actorOfPrincipal(p), { event: 'pledge.released', entityType: 'registry_registration', entityId: reg.id, entry: { registrationNo: reg.registration_no, pledgeId, pledgee: pl.pledgee_name } });
    });
    return pledgeDto((await this.repo.pledge(this.db, pledgeId))!);
  }

  /** Applications on registrations this bank holds a pledge on that wait for its consent. */
  async pendingConsents(p: Principal): Promise<ApplicationDto[]> {
    if (!hasScope(p, 'registry:pledge')) throw new AppError('forbidden', 'missing scope registry:pledge', { scope: 'registry:pledge' });
    const pledges = (await this.repo.pledgesHeldBy(this.db, p.orgId ?? -1)).filter((pl) => pl.status === 'active');
    const out: ApplicationDto[] = [];
    for (const pl of pledges)
      for (const app of await this.repo.openApplicationsOf(this.db, pl.registration_id))
        if (app.status === 'awaiting_consent') out.push(await this.toDto(this.db, app));
    return out;
  }

  async listPledges(p: Principal) {
    if (!hasScope(p, 'registry:pledge') && !hasScope(p, 'registry:review')) throw new AppError('forbidden', 'missing scope registry:pledge', { scope: 'registry:pledge' });
    const org = hasScope(p, 'registry:review') ? undefined : orgFilterFor(p, 'registry:pledge');
    const pledges = await this.repo.pledgesHeldBy(this.db, org);
    return Promise.all(
      pledges.map(async (pl) => ({ ...pledgeDto(pl), registrationNo: (await this.repo.registration(this.db, pl.registration_id))!.registration_no })),
    );
  }
}

/** A registration's status on `today`: cancelled, suspended and expired before pledged. */
export function statusOf(reg: Pick<Registration, 'status' | 'suspended_reason' | 'valid_until'>, pledged: boolean, today: string): RegistrationStatus {
  if (reg.status === 'cancelled') return 'cancelled';
  if (reg.suspended_reason !== null) return 'suspended';
  if (today > reg.valid_until) return 'expired';
  return pledged ? 'pledged' : 'valid';
}

export function pledgeDto(pl: Pledge) {
  return {
    id: pl.id,
    pledgee: pl.pledgee_name,
    pledgor: pl.pledgor_name,
    amountFen: Number(pl.amount_fen),
    termStart: pl.term_start,
    termEnd: pl.term_end,
    externalNo: pl.external_no,
    status: pl.status,
    registeredAt: pl.registered_at,
    releasedAt: pl.released_at,
    logIndex: Number(pl.log_index),
  };
}

const PUBLIC_ACTOR: Actor = { kind: 'system', id: 'public', orgId: null, ip: null };

/** The audit actor of a principal, or the anonymous public (objections need no account). */
export function actorOfPrincipal(p: Principal | null): Actor {
  return p ? actorOf(p) : PUBLIC_ACTOR;
}
