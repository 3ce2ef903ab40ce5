/**
 * Benefit policies as data, versioned: every edit is a new version row (the document, SM3 of its canonical JSON,
 * who, when, a note) with its audit event in the same transaction; the newest version is in force, older ones stay
 * readable, and a matching run records the version it evaluated. Saving validates the whole document (shape, source
 * kinds, only known JSON Logic operations, only variables of the policy's source kinds) → 400 naming each path.
 * The two shipped policies (tw-iit-subsidy.json, tw-company-award.json) are installed as version 1 when absent.
 */
import { dialectOf, nowIso, type AnyDb } from '../../../db/database.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { canActOnOrg, hasScope, type Principal } from '../../../kernel/principal.ts';
import { SYSTEM_ACTOR, type AuditService } from '../../audit/index.ts';
import { actorOf } from '../../identity/index.ts';
import { PoliciesRepo, type StoredPolicyVersion } from './policies.repo.ts';
import { validatePolicy, type PolicyDocument } from './policy.model.ts';
import TW_IIT_SUBSIDY from './tw-iit-subsidy.json' with { type: 'json' };
import TW_COMPANY_AWARD from './tw-company-award.json' with { type: 'json' };

export const POLICY_SCOPES = { read: 'benefits.policies:read', write: 'benefits.policies:write' } as const;
export const SHIPPED_POLICIES: readonly unknown[] = [TW_IIT_SUBSIDY, TW_COMPANY_AWARD];

export interface PolicyVersionDto {
  key: string;
  version: number;
  /** Whether this is the version in force. */
  current: boolean;
  sm3: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  fundingOrgId: number | null;
  document: PolicyDocument;
}

export interface PoliciesDeps {
  db: AnyDb;
  audit: AuditService;
  /** Identity org id of an org code (the funding department). */
  orgIdByCode: (code: string) => Promise<number | undefined>;
}

export class PoliciesService {
  private readonly repo = new PoliciesRepo();

  constructor(private readonly deps: PoliciesDeps) {}

  private async dto(v: StoredPolicyVersion, currentVersion: number): Promise<PolicyVersionDto> {
    const document = JSON.parse(v.document) as PolicyDocument;
    return {
      key: v.policy_key,
      version: v.version,
      current: v.version === currentVersion,
      sm3: v.sm3,
      note: v.note,
      createdBy: v.created_by,
      createdAt: v.created_at,
      fundingOrgId: (await this.deps.orgIdByCode(document.fundingOrgCode)) ?? null,
      document,
    };
  }

  private requireRead(p: Principal): void {
    if (!hasScope(p, POLICY_SCOPES.read)) throw new AppError('forbidden', `missing scope ${POLICY_SCOPES.read}`, { scope: POLICY_SCOPES.read });
  }

  /** Installs each shipped policy that is not there yet as its version 1. */
  async installShipped(): Promise<number> {
    let installed = 0;
    for (const raw of SHIPPED_POLICIES) {
      const doc = validatePolicy(raw);
      if (await this.repo.policy(this.deps.db, doc.key)) continue;
      await this.save(null, doc, 'shipped with Landao', true);
      installed++;
    }
    return installed;
  }

  async list(p: Principal): Promise<PolicyVersionDto[]> {
    this.requireRead(p);
    const rows = await this.repo.currentVersions(this.deps.db);
    return Promise.all(rows.map((v) => this.dto(v, v.version)));
  }

  /** The version in force, or the given one. */
  async get(p: Principal, key: string, version?: number): Promise<PolicyVersionDto> {
    this.requireRead(p);
    return this.version(key, version);
  }

  /** Without a principal: the matching run reads the version it records. */
  async version(key: string, version?: number): Promise<PolicyVersionDto> {
    const policy = await this.repo.policy(this.deps.db, key);
    if (!policy) throw notFound('policy', key);
    const v = await this.repo.version(this.deps.db, key, version ?? policy.current_version);
    if (!v) throw notFound('policy version', `${key} v${version}`);
    return this.dto(v, policy.current_version);
  }

  async versions(p: Principal, key: string): Promise<Omit<PolicyVersionDto, 'document'>[]> {
    this.requireRead(p);
    const policy = await this.repo.policy(this.deps.db, key);
    if (!policy) throw notFound('policy', key);
    const rows = await this.repo.versions(this.deps.db, key);
    return Promise.all(rows.map(async (v) => {
      const { document: _document, ...rest } = await this.dto(v, policy.current_version);
      return rest;
    }));
  }

  /** Checks a document without saving it: the parsed document, or 400 naming each wrong path. */
  async validate(p: Principal, raw: unknown): Promise<{ valid: true; sm3: string; fundingOrgId: number }> {
    this.requireRead(p);
    const doc = validatePolicy(raw);
    const fundingOrgId = await this.fundingOrg(doc);
    return { valid: true, sm3: sm3(canonicalJson(doc)), fundingOrgId };
  }

  private async fundingOrg(doc: PolicyDocument): Promise<number> {
    const id = await this.deps.orgIdByCode(doc.fundingOrgCode);
    if (id === undefined) throw new AppError('validation_failed', `fundingOrgCode: no department "${doc.fundingOrgCode}"`, [{ path: 'fundingOrgCode', reason: 'unknown_variable', message: `fundingOrgCode: no department "${doc.fundingOrgCode}"` }]);
    return id;
  }

  /**
   * Saves a document as the next version of its policy (or version 1 of a new one). `key` (from the URL) must match
   * the document's. A document identical to the version in force is refused (409): nothing to record.
   */
  async saveVersion(p: Principal, key: string | null, raw: unknown, note: string | null): Promise<PolicyVersionDto> {
    if (!hasScope(p, POLICY_SCOPES.write)) throw new AppError('forbidden', `missing scope ${POLICY_SCOPES.write}`, { scope: POLICY_SCOPES.write });
    const doc = validatePolicy(raw);
    if (key !== null && doc.key !== key) throw new AppError('validation_failed', `key: the document is policy "${doc.key}", not "${key}"`, [{ path: 'key', reason: 'bad_arguments', message: 'key: differs from the URL' }]);
    const fundingOrgId = await this.fundingOrg(doc);
    const existing = await this.repo.policy(this.deps.db, doc.key);
    if (key === null && existing) throw new AppError('duplicate', `policy ${doc.key} exists: post a new version to /api/benefits/policies/${doc.key}/versions`);
    if (key !== null && !existing) throw notFound('policy', key);
    // A department edits the policies it funds; the bureau (`:all`) any.
    if (!canActOnOrg(p, POLICY_SCOPES.write, fundingOrgId)) throw new AppError('forbidden', 'a department edits only the policies it funds', { scope: POLICY_SCOPES.write });
    if (existing) {
      const cur = await this.repo.policy(this.deps.db, doc.key);
      const prev = await this.repo.version(this.deps.db, doc.key, cur!.current_version);
      // The funding department of an existing policy changes only with the bureau.
      const prevDoc = JSON.parse(prev!.document) as PolicyDocument;
      if (prevDoc.fundingOrgCode !== doc.fundingOrgCode && !p.scopes.has('*') && !p.scopes.has(`${POLICY_SCOPES.write}:all`)) {
        throw new AppError('forbidden', 'only the bureau moves a policy to another funding department', { scope: `${POLICY_SCOPES.write}:all` });
      }
    }
    return this.save(p, doc, note, false);
  }

  private async save(p: Principal | null, doc: PolicyDocument, note: string | null, shipped: boolean): Promise<PolicyVersionDto> {
    const canonical = canonicalJson(doc);
    const hash = sm3(canonical);
    const at = nowIso();
    const postgres = dialectOf(this.deps.db) === 'postgres';
    const version = await this.deps.db.transaction().execute(async (tx) => {
      const policy = await this.repo.lockPolicy(tx, doc.key, postgres);
      let next = 1;
      if (policy) {
        const cur = await this.repo.version(tx, doc.key, policy.current_version);
        if (cur?.sm3 === hash) throw new AppError('conflict', `policy ${doc.key}: the document is the same as version ${policy.current_version}`, { version: policy.current_version });
        next = policy.current_version + 1;
        await this.repo.setCurrent(tx, doc.key, next, at);
      } else {
        await this.repo.insertPolicy(tx, { key: doc.key, current_version: 1, created_at: at, updated_at: at });
      }
      const id = await this.repo.insertVersion(tx, { policy_key: doc.key, version: next, document: canonical, sm3: hash, note, created_by: p ? `${p.kind}:${p.id}` : 'system', created_at: at });
      await this.deps.audit.record(tx, p ? actorOf(p) : SYSTEM_ACTOR, {
        action: 'benefits.policy.versioned',
        entityType: 'benefits_policy',
        entityId: doc.key,
        detail: { version: next, versionId: id, sm3: hash, note, shipped },
      });
      return next;
    });
    return this.version(doc.key, version);
  }
}
