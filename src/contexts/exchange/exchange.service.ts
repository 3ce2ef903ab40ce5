/**
 * The data exchange (数据即时互通): grants of conditionally shared datasets to consumer departments,
 * scoped credentials, the data API answering lookups by key with only the approved fields (masked by
 * grade unless the grant allows clear values), evidence of every lookup, and usage per month.
 *
 * Hot path: a lookup costs one stored-row read plus hashing; the credential → grant and dataset
 * metadata are cached per process for `cacheMs` (1 s: a revocation takes effect at once in the process
 * that made it, within a second in others), and the evidence record joins a group commit.
 */
import crypto from 'node:crypto';
import { nowIso, type AnyDb, type Executor } from '../../db/database.ts';
import { toChinaDate } from '../../kernel/calendar/calendar.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Signer } from '../../kernel/crypto/signer.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Principal } from '../../kernel/principal.ts';
import type { AuditService } from '../audit/index.ts';
import type { AggregationService, CatalogService, DatasetDto, OrgInfo } from '../catalog/index.ts';
import { getCatalog } from '../customs/index.ts';
import { DEFAULT_SENSITIVE_TYPES, maskValue, type DetectorTypeId } from '../detection/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import { actorOf } from '../identity/index.ts';
import { requestHash, responseHashOfCanonical, type EvidencePackage, type EvidenceRequest, type EvidenceRecord, type Outcome } from './evidence.ts';
import { EvidenceLog, type EvidenceAuditReport, type EvidenceLogOptions } from './evidence-log.ts';
import type { Grant } from './exchange.repo.ts';
import { allowedActions, checkTransition, deriveState, GrantRequestSchema, normalizePurpose, type GrantAction, type GrantRequest, type GrantState } from './grants.model.ts';

export const SEAL_JOB = 'exchange.evidence.seal';
/** How often the seal job runs: records wait at most this long (plus a job poll) for their batch. */
export const SEAL_INTERVAL_MS = 10_000;
export const CREDENTIAL_HEADER = 'x-exchange-credential';

const CREDENTIAL = /^xc_(\d{1,15})_([A-Za-z0-9_-]{43})$/;

/** Why a lookup was refused: machine-readable, in the 403 body and in the evidence record. */
export type DenialReason = 'grant_not_active' | 'credential_revoked' | 'outside_period' | 'purpose_mismatch' | 'field_not_approved' | 'dataset_not_granted' | 'dataset_unavailable' | 'invalid_key' | 'invalid_request';

export interface ExchangeDeps {
  db: AnyDb;
  audit: AuditService;
  signer: Signer;
  catalog: CatalogService;
  aggregation: AggregationService;
  /** Evidence and metering of lookups; off only for the overhead benchmark (production refuses it). */
  evidence?: boolean;
  cacheMs?: number;
  log?: EvidenceLogOptions;
}

export interface GrantDto {
  id: number;
  dataset: { id: number; identifier: string; title: string; sharingType: string; grade: string | null };
  owner: OrgInfo;
  consumer: OrgInfo;
  purpose: string;
  fields: string[];
  clearFields: string[];
  validFrom: string;
  validUntil: string;
  state: GrantState;
  allowedActions: readonly GrantAction[];
  credentials: { id: number; createdAt: string; revokedAt: string | null }[];
  history: { action: string; actor: string; at: string; detail: Record<string, unknown> }[];
  createdAt: string;
  updatedAt: string;
}

export interface LookupInput {
  datasetId: number;
  key: string | string[];
  fields?: string[] | undefined;
  purpose: string;
}

export interface LookupAnswer {
  status: number;
  body: unknown;
  /** The body as canonical JSON (RFC 8785): the exact text to send, and what the response hash covers. */
  bodyText: string;
  txId: string;
}

export interface PrefillLookupInput {
  /** The grant the service hall holds for the dataset. */
  grantId: number;
  key: string | string[];
  fields: string[];
  purpose: string;
  /** The citizen's consent the lookup is made under: part of the request the evidence hashes. */
  consentId: number;
}

export interface PrefillLookupAnswer {
  answer: LookupAnswer;
  /** The request exactly as its evidence's requestHash covers it (keep it to prove the link offline). */
  request: EvidenceRequest;
  outcome: Outcome;
  reason: string | null;
}

export interface UsageDto {
  month: string;
  consumer: OrgInfo;
  owner: OrgInfo;
  dataset: { id: number; identifier: string; title: string };
  allowed: number;
  denied: number;
  notFound: number;
}

interface FieldInfo {
  detectorType: DetectorTypeId | null;
  /** Sensitive personal information (敏感个人信息): masked unless the grant allows clear values. */
  sensitive: boolean;
}

interface DatasetInfo {
  id: number;
  identifier: string;
  title: string;
  ownerOrgId: number;
  state: string;
  sharingType: string;
  grade: string | null;
  keyFields: string[];
  fields: Map<string, FieldInfo>;
}

interface CredentialContext {
  credentialId: number;
  revoked: boolean;
  grantId: number;
  datasetId: number;
  ownerOrgId: number;
  consumerOrgId: number;
  state: GrantState;
  purpose: string;
  fields: Set<string>;
  clearFields: Set<string>;
  validFrom: string;
  validUntil: string;
}

/** The catalog as the exchange reads it: every dataset, on behalf of no one in particular. */
const CATALOG_READER: Principal = { kind: 'token', id: 0, name: 'exchange', orgId: null, orgKind: null, roles: [], scopes: new Set(['catalog:read:all']), locale: 'zh-CN', ip: null };

const MAX_CACHED = 10_000;

function actorText(p: Principal | null): string {
  return p ? `${p.kind}:${p.id}` : 'system';
}

function fieldInfo(f: DatasetDto['metadata']['fields'][number]): FieldInfo {
  const detectorType = (f.detectorType ?? null) as DetectorTypeId | null;
  // The confirmed subclass decides (the bureau may relax an item there); without one, the detector type.
  const grade = f.subclassId ? getCatalog().subclassById.get(f.subclassId)?.defaultGrade : undefined;
  const sensitive = grade !== undefined ? grade === 'pi_sensitive' : detectorType !== null && DEFAULT_SENSITIVE_TYPES.has(detectorType);
  return { detectorType, sensitive };
}

/**
 * A transaction id: an RFC 9562 UUIDv7 (48-bit milliseconds, then random bits), so ids grow with time
 * and the evidence's unique `tx_id` index is appended to instead of touching a random page for every
 * record — with random (v4) ids each lookup dirtied its own index page in every commit.
 */
export function transactionId(): string {
  const b = crypto.randomBytes(16);
  b.writeUIntBE(Date.now(), 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function parseList(json: string): string[] {
  return JSON.parse(json) as string[];
}

export class ExchangeService {
  readonly log: EvidenceLog;
  private readonly db: AnyDb;
  private readonly evidenceOn: boolean;
  private readonly cacheMs: number;
  private readonly credentials = new Map<string, { until: number; ctx: CredentialContext }>();
  private readonly datasets = new Map<number, { until: number; info: DatasetInfo }>();
  /** Reads in progress, shared by the lookups that miss the cache at the same moment (one read, not one per lookup). */
  private readonly loadingCredentials = new Map<string, Promise<CredentialContext>>();
  private readonly loadingDatasets = new Map<number, Promise<DatasetInfo | undefined>>();
  /** Bumped when a grant changes here: a read that started before is not cached. */
  private grantGeneration = 0;

  constructor(private readonly deps: ExchangeDeps) {
    this.db = deps.db;
    this.evidenceOn = deps.evidence ?? true;
    this.cacheMs = deps.cacheMs ?? 1000;
    this.log = new EvidenceLog(deps.db, deps.signer, deps.log);
  }

  private get repo() {
    return this.log.repo;
  }

  registerJobs(jobs: JobQueue): void {
    jobs.register(SEAL_JOB, async () => this.log.seal(), { maxAttempts: 3, timeoutMs: 120_000 });
  }

  // ---- catalog reads (cached) -------------------------------------------------------------------

  private async dataset(id: number): Promise<DatasetInfo | undefined> {
    const hit = this.datasets.get(id);
    if (hit && hit.until > Date.now()) return hit.info;
    let loading = this.loadingDatasets.get(id);
    if (!loading) {
      loading = this.loadDataset(id).finally(() => this.loadingDatasets.delete(id));
      this.loadingDatasets.set(id, loading);
    }
    return loading;
  }

  private async loadDataset(id: number): Promise<DatasetInfo | undefined> {
    let dto: DatasetDto;
    try {
      dto = await this.deps.catalog.get(CATALOG_READER, id);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return undefined;
      throw e;
    }
    const info: DatasetInfo = {
      id: dto.id,
      identifier: dto.identifier,
      title: dto.title,
      ownerOrgId: dto.publisher.id,
      state: dto.state,
      sharingType: dto.sharingType,
      grade: dto.grade,
      keyFields: dto.metadata.keyFields,
      fields: new Map(dto.metadata.fields.map((f) => [f.name, fieldInfo(f)])),
    };
    if (this.datasets.size >= MAX_CACHED) this.datasets.clear();
    this.datasets.set(id, { until: Date.now() + this.cacheMs, info });
    return info;
  }

  // ---- grants ----------------------------------------------------------------------------------

  private async dto(g: Grant, db: Executor = this.db): Promise<GrantDto> {
    const [actions, creds, ds, owner, consumer] = await Promise.all([
      this.repo.actionsOf(db, g.id),
      this.repo.credentialsOf(db, g.id),
      this.dataset(g.dataset_id),
      this.deps.catalog.orgInfo(g.owner_org_id),
      this.deps.catalog.orgInfo(g.consumer_org_id),
    ]);
    const state = deriveState(actions.map((a) => a.action));
    return {
      id: g.id,
      dataset: { id: g.dataset_id, identifier: ds?.identifier ?? `#${g.dataset_id}`, title: ds?.title ?? `#${g.dataset_id}`, sharingType: ds?.sharingType ?? 'none', grade: ds?.grade ?? null },
      owner,
      consumer,
      purpose: g.purpose,
      fields: parseList(g.fields),
      clearFields: parseList(g.clear_fields),
      validFrom: g.valid_from,
      validUntil: g.valid_until,
      state,
      allowedActions: allowedActions(state),
      credentials: creds.map((c) => ({ id: c.id, createdAt: c.created_at, revokedAt: c.revoked_at })),
      history: actions.map((a) => ({ action: a.action, actor: a.actor, at: a.at, detail: JSON.parse(a.detail) as Record<string, unknown> })),
      createdAt: g.created_at,
      updatedAt: g.updated_at,
    };
  }

  /** A grant the principal may see: its own organisation is the consumer or the owner, or exchange:read:all. */
  private async visibleGrant(p: Principal, id: number, db: Executor = this.db): Promise<Grant> {
    if (!hasScope(p, 'exchange:read')) throw new AppError('forbidden', 'missing scope exchange:read', { scope: 'exchange:read' });
    const g = await this.repo.grantById(db, id);
    if (!g || !(canActOnOrg(p, 'exchange:read', g.consumer_org_id) || canActOnOrg(p, 'exchange:read', g.owner_org_id))) throw notFound('grant', id);
    return g;
  }

  async get(p: Principal, id: number): Promise<GrantDto> {
    return this.dto(await this.visibleGrant(p, id));
  }

  async list(p: Principal, f: { side?: 'consumer' | 'owner' | undefined; state?: GrantState | undefined; datasetId?: number | undefined; page: number; pageSize: number }): Promise<{ items: GrantDto[]; total: number }> {
    if (!hasScope(p, 'exchange:read')) throw new AppError('forbidden', 'missing scope exchange:read', { scope: 'exchange:read' });
    const { rows, total } = await this.repo.listGrants(this.db, {
      orgId: orgFilterFor(p, 'exchange:read'),
      side: f.side,
      state: f.state,
      datasetId: f.datasetId,
      offset: (f.page - 1) * f.pageSize,
      limit: f.pageSize,
    });
    return { items: await Promise.all(rows.map((g) => this.dto(g))), total };
  }

  private async appendAction(tx: Executor, p: Principal | null, g: Grant, action: GrantAction, state: GrantState, detail: Record<string, unknown>, at: string): Promise<void> {
    await this.repo.insertAction(tx, { grant_id: g.id, action, actor: actorText(p), actor_org_id: p?.orgId ?? null, at, detail: JSON.stringify(detail) });
    await this.repo.setGrantState(tx, g.id, state, at);
    const verb = { request: 'requested', approve: 'approved', reject: 'rejected', revoke: 'revoked', issue_credential: 'credential_issued' }[action];
    await this.deps.audit.record(tx, actorOf(p), { action: `exchange.grant.${verb}`, entityType: 'exchange_grant', entityId: g.id, detail: { datasetId: g.dataset_id, consumerOrgId: g.consumer_org_id, ...detail } });
  }

  private newCredential(): { secret: string; hash: string } {
    const secret = crypto.randomBytes(32).toString('base64url');
    return { secret, hash: sm3(secret) };
  }

  /**
   * A department asks for a dataset: purpose, fields (a subset of the dataset's), clear fields (a
   * subset of those), period. 不予共享 → 409 `not_shareable`. 无条件共享 without clear sensitive
   * fields is approved by the platform at once and the credential comes back with the grant.
   */
  async request(p: Principal, raw: GrantRequest): Promise<{ grant: GrantDto; credential?: string }> {
    if (!hasScope(p, 'exchange:request')) throw new AppError('forbidden', 'missing scope exchange:request', { scope: 'exchange:request' });
    if (p.orgId === null) throw new AppError('forbidden', 'only an organisation requests data', { scope: 'exchange:request' });
    const parsed = GrantRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('validation_failed', `${issue.path.join('.')}: ${issue.message}`, { field: issue.path.join('.') });
    }
    const input = parsed.data;
    const dto = await this.deps.catalog.get(p, input.datasetId);
    if (dto.state !== 'published') throw new AppError('conflict', `dataset ${dto.identifier} is not published`, { field: 'datasetId', reason: 'not_published', state: dto.state });
    if (dto.sharingType === 'none')
      throw new AppError('conflict', `dataset ${dto.identifier} is not shared (不予共享)${dto.metadata.sharingBasis ? `: ${dto.metadata.sharingBasis}` : ''}`, { field: 'datasetId', reason: 'not_shareable', sharingBasis: dto.metadata.sharingBasis ?? null });
    if (dto.publisher.id === p.orgId) throw new AppError('bad_request', 'a department reads its own dataset directly, not through the exchange', { field: 'datasetId', reason: 'own_dataset' });
    const known = new Map(dto.metadata.fields.map((f) => [f.name, fieldInfo(f)]));
    input.fields.forEach((f, i) => {
      if (!known.has(f)) throw new AppError('validation_failed', `fields[${i}]: dataset ${dto.identifier} has no field "${f}"`, { field: `fields[${i}]` });
    });
    input.clearFields.forEach((f, i) => {
      if (!input.fields.includes(f)) throw new AppError('validation_failed', `clearFields[${i}]: "${f}" is not one of the requested fields`, { field: `clearFields[${i}]` });
    });
    if (input.validUntil < input.validFrom) throw new AppError('validation_failed', 'validUntil: before validFrom', { field: 'validUntil' });
    if (input.validUntil < toChinaDate(new Date())) throw new AppError('validation_failed', 'validUntil: already past', { field: 'validUntil' });
    const fields = [...new Set(input.fields)];
    const clearFields = [...new Set(input.clearFields)].filter((f) => known.get(f)!.sensitive);
    const auto = dto.sharingType === 'unconditional' && clearFields.length === 0;
    const at = nowIso();
    const { id, credential } = await this.db.transaction().execute(async (tx) => {
      const id = await this.repo.insertGrant(tx, {
        dataset_id: dto.id,
        owner_org_id: dto.publisher.id,
        consumer_org_id: p.orgId!,
        purpose: input.purpose,
        fields: JSON.stringify(fields),
        clear_fields: JSON.stringify(clearFields),
        valid_from: input.validFrom,
        valid_until: input.validUntil,
        state: 'requested',
        requested_by: actorText(p),
        created_at: at,
        updated_at: at,
      });
      const g = (await this.repo.grantById(tx, id))!;
      await this.appendAction(tx, p, g, 'request', 'requested', { purpose: input.purpose, fields, clearFields, validFrom: input.validFrom, validUntil: input.validUntil }, at);
      if (!auto) return { id, credential: undefined };
      await this.appendAction(tx, null, g, 'approve', 'approved', { auto: true, sharingType: 'unconditional' }, at);
      return { id, credential: await this.issue(tx, p, g, at) };
    });
    const grant = await this.dto((await this.repo.grantById(this.db, id))!);
    return credential ? { grant, credential } : { grant };
  }

  private async issue(tx: Executor, p: Principal, g: Grant, at: string): Promise<string> {
    const revoked = await this.repo.revokeCredentials(tx, g.id, at);
    const { secret, hash } = this.newCredential();
    const credentialId = await this.repo.insertCredential(tx, { grant_id: g.id, secret_hash: hash, created_at: at, revoked_at: null });
    await this.appendAction(tx, p, g, 'issue_credential', deriveState((await this.repo.actionsOf(tx, g.id)).map((a) => a.action)), { credentialId, replaced: revoked }, at);
    this.forgetGrant(g.id);
    return `xc_${credentialId}_${secret}`;
  }

  private async act(p: Principal, id: number, action: 'approve' | 'reject' | 'revoke', detail: Record<string, unknown>): Promise<GrantDto> {
    const at = nowIso();
    await this.db.transaction().execute(async (tx) => {
      const g = await this.visibleGrant(p, id, tx);
      await this.repo.lockGrant(tx, id);
      const state = deriveState((await this.repo.actionsOf(tx, id)).map((a) => a.action));
      if (action === 'revoke') {
        const may = canActOnOrg(p, 'exchange:revoke', g.owner_org_id) || canActOnOrg(p, 'exchange:approve', g.owner_org_id) || canActOnOrg(p, 'exchange:request', g.consumer_org_id);
        if (!may) throw new AppError('forbidden', 'only the consumer, the owner or the bureau revokes a grant', { scope: 'exchange:revoke' });
      } else if (!canActOnOrg(p, 'exchange:approve', g.owner_org_id)) {
        throw new AppError('forbidden', 'only the owning department reviews a request', { scope: 'exchange:approve' });
      }
      checkTransition(state, action);
      const next: GrantState = action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'revoked';
      if (action === 'revoke') detail = { ...detail, credentialsRevoked: await this.repo.revokeCredentials(tx, id, at) };
      await this.appendAction(tx, p, g, action, next, detail, at);
    });
    this.forgetGrant(id);
    return this.dto((await this.repo.grantById(this.db, id))!);
  }

  approve(p: Principal, id: number, note?: string): Promise<GrantDto> {
    return this.act(p, id, 'approve', note ? { note } : {});
  }

  reject(p: Principal, id: number, reason: string): Promise<GrantDto> {
    return this.act(p, id, 'reject', { reason });
  }

  revoke(p: Principal, id: number, reason: string): Promise<GrantDto> {
    return this.act(p, id, 'revoke', { reason });
  }

  /**
   * The consumer collects the credential of an approved grant (shown once; only its SM3 is stored).
   * Collecting again issues a new one and revokes the old.
   */
  async issueCredential(p: Principal, id: number): Promise<{ credential: string; grant: GrantDto }> {
    const at = nowIso();
    const credential = await this.db.transaction().execute(async (tx) => {
      const g = await this.visibleGrant(p, id, tx);
      await this.repo.lockGrant(tx, id);
      if (!canActOnOrg(p, 'exchange:request', g.consumer_org_id)) throw new AppError('forbidden', 'only the consumer department collects the credential', { scope: 'exchange:request' });
      checkTransition(deriveState((await this.repo.actionsOf(tx, id)).map((a) => a.action)), 'issue_credential');
      return this.issue(tx, p, g, at);
    });
    return { credential, grant: await this.dto((await this.repo.grantById(this.db, id))!) };
  }

  private forgetGrant(grantId: number): void {
    this.grantGeneration++;
    this.loadingCredentials.clear();
    for (const [k, v] of this.credentials) if (v.ctx.grantId === grantId) this.credentials.delete(k);
  }

  // ---- the data API ----------------------------------------------------------------------------

  /** The grant behind a credential header; 401 when it is missing, malformed or unknown. */
  private async credentialContext(credential: string | undefined): Promise<CredentialContext> {
    if (!credential) throw new AppError('unauthenticated', `missing ${CREDENTIAL_HEADER} header`);
    const hit = this.credentials.get(credential);
    if (hit && hit.until > Date.now()) return hit.ctx;
    let loading = this.loadingCredentials.get(credential);
    if (!loading) {
      const read = this.loadCredential(credential).finally(() => {
        if (this.loadingCredentials.get(credential) === read) this.loadingCredentials.delete(credential);
      });
      this.loadingCredentials.set(credential, read);
      loading = read;
    }
    return loading;
  }

  private async loadCredential(credential: string): Promise<CredentialContext> {
    const generation = this.grantGeneration;
    const m = CREDENTIAL.exec(credential);
    const c = m ? await this.repo.credentialById(this.db, Number(m[1])) : undefined;
    if (!m || !c || !crypto.timingSafeEqual(Buffer.from(sm3(m[2]!), 'hex'), Buffer.from(c.secret_hash, 'hex'))) throw new AppError('unauthenticated', 'invalid exchange credential');
    const g = (await this.repo.grantById(this.db, c.grant_id))!;
    const ctx: CredentialContext = {
      credentialId: c.id,
      revoked: c.revoked_at !== null,
      grantId: g.id,
      datasetId: g.dataset_id,
      ownerOrgId: g.owner_org_id,
      consumerOrgId: g.consumer_org_id,
      state: deriveState((await this.repo.actionsOf(this.db, g.id)).map((a) => a.action)),
      purpose: normalizePurpose(g.purpose),
      fields: new Set(parseList(g.fields)),
      clearFields: new Set(parseList(g.clear_fields)),
      validFrom: g.valid_from,
      validUntil: g.valid_until,
    };
    if (generation !== this.grantGeneration) return ctx;
    if (this.credentials.size >= MAX_CACHED) this.credentials.clear();
    this.credentials.set(credential, { until: Date.now() + this.cacheMs, ctx });
    return ctx;
  }

  private deny(ctx: CredentialContext, ds: DatasetInfo | undefined, input: LookupInput, today: string): { reason: DenialReason; message: string; details?: Record<string, unknown> } | null {
    if (ctx.revoked) return { reason: 'credential_revoked', message: 'this credential was revoked or replaced' };
    if (ctx.state !== 'approved') return { reason: 'grant_not_active', message: `grant ${ctx.grantId} is ${ctx.state}`, details: { state: ctx.state } };
    if (input.datasetId !== ctx.datasetId) return { reason: 'dataset_not_granted', message: `grant ${ctx.grantId} is for dataset ${ctx.datasetId}, not ${input.datasetId}` };
    if (!ds || ds.state !== 'published') return { reason: 'dataset_unavailable', message: `dataset ${input.datasetId} is not published` };
    if (today < ctx.validFrom || today > ctx.validUntil)
      return { reason: 'outside_period', message: `grant ${ctx.grantId} is valid ${ctx.validFrom} to ${ctx.validUntil}, today is ${today}`, details: { validFrom: ctx.validFrom, validUntil: ctx.validUntil } };
    if (normalizePurpose(input.purpose) !== ctx.purpose) return { reason: 'purpose_mismatch', message: `purpose differs from the approved purpose of grant ${ctx.grantId}` };
    const outside = (input.fields ?? []).filter((f) => !ctx.fields.has(f));
    if (outside.length > 0) return { reason: 'field_not_approved', message: `fields not approved: ${outside.join(', ')}`, details: { fields: outside, approved: [...ctx.fields] } };
    const key = typeof input.key === 'string' ? [input.key] : input.key;
    if (key.length !== ds.keyFields.length) return { reason: 'invalid_key', message: `key: give ${ds.keyFields.length} value(s): ${ds.keyFields.join(', ')}`, details: { keyFields: ds.keyFields } };
    return null;
  }

  /**
   * One lookup by a credential holder. Every outcome once the credential is known — allowed,
   * denied (403 with a machine-readable reason) or not found (404) — is one evidence record, and
   * the answer goes out only after that record committed.
   */
  async lookup(credential: string | undefined, input: LookupInput): Promise<LookupAnswer> {
    const ctx = await this.credentialContext(credential);
    return (await this.answer(ctx, input, undefined)).answer;
  }

  /**
   * A lookup whose body failed the schema (400 validation_failed): evidence like any other outcome
   * once the credential is identified (denied, reason `invalid_request`); an unknown credential is
   * still 401 and not evidence. The request hashed is what was sent (datasetId, key, fields, purpose).
   */
  async refuseInvalid(credential: string | undefined, raw: unknown, problems: { field: string; message: string }[]): Promise<LookupAnswer> {
    const ctx = await this.credentialContext(credential);
    const b = (raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
    const txId = transactionId();
    const at = nowIso();
    const sent = (v: unknown): unknown => {
      try {
        canonicalJson(v ?? null);
        return v ?? null;
      } catch {
        return null;
      }
    };
    const reqHash = requestHash({ txId, credentialId: ctx.credentialId, at, datasetId: sent(b.datasetId), key: sent(b.key), fields: sent(b.fields), purpose: sent(b.purpose) });
    const datasetId = typeof b.datasetId === 'number' && Number.isSafeInteger(b.datasetId) ? b.datasetId : ctx.datasetId;
    const first = problems[0];
    const body = new AppError('validation_failed', first ? `${first.field}: ${first.message}` : 'invalid request', { reason: 'invalid_request', fields: problems, evidence: { txId, at, requestHash: reqHash } }).toBody();
    const bodyText = canonicalJson(body);
    await this.record({ txId, at, ctx, datasetId, outcome: 'denied', reason: 'invalid_request', requestHash: reqHash, status: 400, bodyText });
    return { status: 400, body, bodyText, txId };
  }

  private async record(r: { txId: string; at: string; ctx: CredentialContext; datasetId: number; outcome: Outcome; reason: string | null; requestHash: string; status: number; bodyText: string }): Promise<void> {
    if (!this.evidenceOn) return;
    try {
      await this.log.append({
        txId: r.txId,
        at: r.at,
        consumerOrgId: r.ctx.consumerOrgId,
        datasetId: r.datasetId,
        grantId: r.ctx.grantId,
        credentialId: r.ctx.credentialId,
        outcome: r.outcome,
        reason: r.reason,
        requestHash: r.requestHash,
        responseHash: responseHashOfCanonical(r.status, r.bodyText),
        ownerOrgId: r.ctx.ownerOrgId,
      });
    } catch {
      throw new AppError('unavailable', 'the evidence of this lookup could not be recorded, so no data was returned; retry');
    }
  }

  /**
   * A lookup inside the platform for the service hall's prefill (政务服务表单预填): no credential
   * header and no HTTP round trip, but the same denial checks, masking and evidence as the data API.
   * The grant is read fresh on every call (no cache), so a revoked grant stops it at once in every
   * process; the lookup is attributed to the grant's current credential (none left → 403
   * credential_revoked). The citizen's consent id is part of the request its evidence hashes.
   */
  async lookupForPrefill(input: PrefillLookupInput): Promise<PrefillLookupAnswer> {
    const g = await this.repo.grantById(this.db, input.grantId);
    if (!g) throw notFound('grant', input.grantId);
    const creds = await this.repo.credentialsOf(this.db, g.id);
    const current = creds.filter((c) => c.revoked_at === null).at(-1);
    const ctx: CredentialContext = {
      credentialId: current?.id ?? creds.at(-1)?.id ?? 0,
      revoked: !current,
      grantId: g.id,
      datasetId: g.dataset_id,
      ownerOrgId: g.owner_org_id,
      consumerOrgId: g.consumer_org_id,
      state: deriveState((await this.repo.actionsOf(this.db, g.id)).map((a) => a.action)),
      purpose: normalizePurpose(g.purpose),
      fields: new Set(parseList(g.fields)),
      clearFields: new Set(parseList(g.clear_fields)),
      validFrom: g.valid_from,
      validUntil: g.valid_until,
    };
    return this.answer(ctx, { datasetId: g.dataset_id, key: input.key, fields: input.fields, purpose: input.purpose }, input.consentId);
  }

  /** The approved grants an organisation holds for a purpose (NFKC-equal), newest first: the prefill's grants. */
  async grantsHeldFor(consumerOrgId: number, purpose: string): Promise<{ grantId: number; datasetId: number; fields: string[]; clearFields: string[] }[]> {
    const wanted = normalizePurpose(purpose);
    const { rows } = await this.repo.listGrants(this.db, { orgId: consumerOrgId, side: 'consumer', state: 'approved', offset: 0, limit: 1000 });
    return rows.filter((g) => normalizePurpose(g.purpose) === wanted && g.valid_until >= toChinaDate(new Date())).map((g) => ({ grantId: g.id, datasetId: g.dataset_id, fields: parseList(g.fields), clearFields: parseList(g.clear_fields) }));
  }

  private async answer(ctx: CredentialContext, input: LookupInput, consentId: number | undefined): Promise<PrefillLookupAnswer> {
    const txId = transactionId();
    const at = nowIso();
    const request: EvidenceRequest = { txId, credentialId: ctx.credentialId, at, datasetId: input.datasetId, key: input.key, fields: input.fields ?? null, purpose: input.purpose };
    if (consentId !== undefined) request.consentId = consentId;
    const reqHash = requestHash(request);
    const ds = input.datasetId === ctx.datasetId ? await this.dataset(ctx.datasetId) : undefined;
    const denial = this.deny(ctx, ds, input, toChinaDate(new Date(at)));
    let status: number;
    let body: unknown;
    let outcome: Outcome;
    const evidence = { txId, at, requestHash: reqHash };
    if (denial) {
      outcome = 'denied';
      status = 403;
      body = new AppError('forbidden', denial.message, { reason: denial.reason, ...denial.details, evidence }).toBody();
    } else {
      const fields = input.fields ?? [...ctx.fields];
      const found = await this.deps.aggregation.lookup(ctx.datasetId, input.key, fields);
      if (!found) {
        outcome = 'not_found';
        status = 404;
        body = new AppError('not_found', `no record under this key in dataset ${ds!.identifier}`, { reason: 'record_not_found', evidence }).toBody();
      } else {
        outcome = 'allowed';
        status = 200;
        const masked: string[] = [];
        const record: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(found.record)) {
          const f = ds!.fields.get(name);
          if (f?.sensitive && !ctx.clearFields.has(name) && value !== null && value !== '') {
            record[name] = f.detectorType ? maskValue(f.detectorType, String(value)) : '*'.repeat(Array.from(String(value)).length);
            masked.push(name);
          } else record[name] = value;
        }
        body = { datasetId: ctx.datasetId, record, masked, source: { dataset: ds!.identifier, batchId: found.batchId }, evidence };
      }
    }
    const bodyText = canonicalJson(body);
    const reason = denial?.reason ?? (outcome === 'not_found' ? 'record_not_found' : null);
    await this.record({ txId, at, ctx, datasetId: input.datasetId, outcome, reason, requestHash: reqHash, status, bodyText });
    return { answer: { status, body, bodyText, txId }, request, outcome, reason };
  }

  // ---- evidence and usage ----------------------------------------------------------------------

  /** The evidence package of a lookup, for either side (exchange:read) or the bureau, or the credential that made it. */
  async evidence(who: Principal | null, credential: string | undefined, txId: string): Promise<{ status: 'sealed'; package: EvidencePackage } | { status: 'pending'; record: EvidenceRecord }> {
    const found = await this.log.evidence(txId);
    const g = found ? await this.repo.grantById(this.db, found.record.grantId) : undefined;
    let allowed = false;
    if (who) {
      if (!hasScope(who, 'exchange:read')) throw new AppError('forbidden', 'missing scope exchange:read', { scope: 'exchange:read' });
      allowed = !!g && (canActOnOrg(who, 'exchange:read', g.consumer_org_id) || canActOnOrg(who, 'exchange:read', g.owner_org_id));
    } else if (credential) {
      const ctx = await this.credentialContext(credential);
      allowed = !!g && ctx.grantId === g.id;
    } else throw new AppError('unauthenticated', `sign in or send the ${CREDENTIAL_HEADER} header`);
    if (!found || !allowed) throw notFound('transaction', txId);
    return found.status === 'sealed' ? { status: 'sealed', package: found.pkg } : { status: 'pending', record: found.record };
  }

  async usage(p: Principal, f: { month?: string | undefined; datasetId?: number | undefined }): Promise<UsageDto[]> {
    if (!hasScope(p, 'exchange:read')) throw new AppError('forbidden', 'missing scope exchange:read', { scope: 'exchange:read' });
    const rows = await this.repo.usage(this.db, { orgId: orgFilterFor(p, 'exchange:read'), month: f.month, datasetId: f.datasetId });
    return Promise.all(
      rows.map(async (r) => {
        const ds = await this.dataset(r.dataset_id);
        return {
          month: r.month,
          consumer: await this.deps.catalog.orgInfo(r.consumer_org_id),
          owner: await this.deps.catalog.orgInfo(r.owner_org_id),
          dataset: { id: r.dataset_id, identifier: ds?.identifier ?? `#${r.dataset_id}`, title: ds?.title ?? `#${r.dataset_id}` },
          allowed: Number(r.allowed),
          denied: Number(r.denied),
          notFound: Number(r.not_found),
        };
      }),
    );
  }

  seal(): Promise<{ batches: number; records: number }> {
    return this.log.seal();
  }

  audit(trustedPublicKeys?: string[]): Promise<EvidenceAuditReport> {
    return this.log.audit(trustedPublicKeys);
  }

  /** Writes queued evidence before shutdown. */
  close(): Promise<void> {
    return this.log.drain();
  }
}
