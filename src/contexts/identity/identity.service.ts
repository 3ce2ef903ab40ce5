import crypto from 'node:crypto';
import { nowIso, type AnyDb, type Executor } from '../../db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { LOCALES, orgFilterFor, canActOnOrg, hasScope, type Locale, type OrgKind, type Principal } from '../../kernel/principal.ts';
import type { Actor, AuditService } from '../audit/index.ts';
import { IdentityRepo, type UserWithOrg } from './identity.repo.ts';
import type { Selectable } from 'kysely';
import type { OrgRow } from './identity.tables.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import { isRole, scopesOf, type Role } from './roles.ts';

/** A password already checked and hashed (IdentityService.preparePassword). */
export interface PreparedPassword {
  readonly kind: 'prepared-password';
  readonly hash: string;
}

export type UserKind = 'officer' | 'enterprise' | 'citizen' | 'bank' | 'system';

export interface OrgDto {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: OrgKind;
}

export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  kind: UserKind;
  locale: Locale;
  status: string;
  org: OrgDto | null;
  roles: string[];
}

export interface SessionUserDto extends UserDto {
  scopes: string[];
}

export interface IdentityOptions {
  sessionTtlMs?: number;
  /** 'fast' lowers the scrypt cost; only for tests and demo seeding speed. */
  passwordCost?: 'standard' | 'fast';
  maxFailures?: number;
  lockMs?: number;
}

const TOKEN_PREFIX = 'ldt_';

export function actorOf(p: Principal | null): Actor {
  if (!p) return { kind: 'system', id: null, orgId: null, ip: null };
  return { kind: p.kind, id: String(p.id), orgId: p.orgId, ip: p.ip };
}

function orgDto(o: Pick<Selectable<OrgRow>, 'id' | 'code' | 'name' | 'name_en' | 'kind'>): OrgDto {
  return { id: o.id, code: o.code, name: o.name, nameEn: o.name_en, kind: o.kind as OrgKind };
}

/**
 * Organisations, people, sessions and API tokens. Services of other contexts never see passwords or
 * tokens: they get a Principal from the HTTP layer and check scopes with kernel/principal.ts.
 */
export class IdentityService {
  private readonly repo = new IdentityRepo();
  private readonly sessionTtlMs: number;
  private readonly maxFailures: number;
  private readonly lockMs: number;
  private readonly hashParams: { N: number; r: number; p: number } | undefined;

  constructor(
    private readonly db: AnyDb,
    private readonly audit: AuditService,
    opts: IdentityOptions = {},
  ) {
    this.sessionTtlMs = opts.sessionTtlMs ?? 12 * 3600_000;
    this.maxFailures = opts.maxFailures ?? 5;
    this.lockMs = opts.lockMs ?? 15 * 60_000;
    this.hashParams = opts.passwordCost === 'fast' ? { N: 1 << 12, r: 8, p: 1 } : undefined;
  }

  // ---- organisations -------------------------------------------------------------------------

  /** With `tx`, runs inside the caller's transaction (another context creating an org with its own rows). */
  async createOrg(actor: Actor, input: { code: string; name: string; nameEn?: string; kind: OrgKind; uscc?: string; parentId?: number }, tx?: Executor): Promise<OrgDto> {
    const run = async (tx: Executor): Promise<OrgDto> => {
      if (await this.repo.orgByCode(tx, input.code)) throw new AppError('duplicate', `organisation code ${input.code} already exists`, { field: 'code' });
      const row = {
        code: input.code,
        name: input.name,
        name_en: input.nameEn ?? null,
        kind: input.kind,
        uscc: input.uscc ?? null,
        parent_id: input.parentId ?? null,
        created_at: nowIso(),
      };
      const id = await this.repo.insertOrg(tx, row);
      await this.audit.record(tx, actor, { action: 'identity.org.created', entityType: 'org', entityId: id, detail: { code: row.code, name: row.name, kind: row.kind } });
      return orgDto({ id, ...row });
    };
    return tx ? run(tx) : this.db.transaction().execute(run);
  }

  async listOrgs(p: Principal): Promise<OrgDto[]> {
    if (!hasScope(p, 'identity.orgs:read')) throw new AppError('forbidden', 'missing scope identity.orgs:read');
    return (await this.repo.listOrgs(this.db)).map(orgDto);
  }

  /** An organisation's public particulars (name, kind), for other contexts' documents and listings. */
  async orgById(id: number): Promise<OrgDto | undefined> {
    const o = await this.repo.orgById(this.db, id);
    return o ? orgDto(o) : undefined;
  }

  async orgByCode(code: string): Promise<OrgDto | undefined> {
    const o = await this.repo.orgByCode(this.db, code);
    return o ? orgDto(o) : undefined;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.repo.countOrgs(this.db)) === 0;
  }

  // ---- people --------------------------------------------------------------------------------

  /**
   * Checks and hashes a password ahead of a transaction: scrypt takes tens of milliseconds, and inside
   * a caller's transaction it would hold the only SQLite connection (and PostgreSQL row locks) that long.
   */
  async preparePassword(password: string): Promise<PreparedPassword> {
    if (password.length < 8) throw new AppError('validation_failed', 'password must have at least 8 characters', { field: 'password' });
    return { kind: 'prepared-password', hash: await hashPassword(password, this.hashParams) };
  }

  async createUser(
    actor: Actor,
    by: Principal | null,
    input: { orgId: number | null; username: string; displayName: string; kind: UserKind; password: string | PreparedPassword; locale?: Locale; roles: string[]; phone?: string },
    /** Runs inside the caller's transaction (e.g. a sign-up that stores its own rows with the user). */
    tx?: Executor,
  ): Promise<UserDto> {
    if (by && !canActOnOrg(by, 'identity.users:write', input.orgId)) throw new AppError('forbidden', 'you may create users only in your own organisation');
    for (const r of input.roles) if (!isRole(r)) throw new AppError('validation_failed', `unknown role ${r}`, { field: 'roles' });
    if (by && !by.scopes.has('*') && input.roles.some((r) => r === 'platform-admin' || r === 'auditor'))
      throw new AppError('forbidden', 'only a platform administrator grants platform-admin or auditor');
    const hash = typeof input.password === 'string' ? (await this.preparePassword(input.password)).hash : input.password.hash;
    const run = async (tx: Executor): Promise<UserDto> => {
      if (await this.repo.usernameTaken(tx, input.username)) throw new AppError('duplicate', `username ${input.username} is taken`, { field: 'username' });
      if (input.orgId !== null && !(await this.repo.orgById(tx, input.orgId))) throw notFound('organisation', input.orgId);
      const at = nowIso();
      const id = await this.repo.insertUser(
        tx,
        {
          org_id: input.orgId,
          username: input.username,
          display_name: input.displayName,
          kind: input.kind,
          password_hash: hash,
          locale: input.locale ?? 'zh-CN',
          status: 'active',
          phone: input.phone ?? null,
          id_type: null,
          id_hash: null,
          created_at: at,
          updated_at: at,
        },
        input.roles,
      );
      await this.audit.record(tx, actor, {
        action: 'identity.user.created',
        entityType: 'user',
        entityId: id,
        detail: { username: input.username, orgId: input.orgId, kind: input.kind, roles: input.roles },
      });
      const u = await this.repo.userWithOrg(tx, id);
      return this.userDto(u!);
    };
    return tx ? run(tx) : this.db.transaction().execute(run);
  }

  async listUsers(p: Principal, f: { orgId?: number | undefined; q?: string | undefined; page: number; pageSize: number }): Promise<{ items: UserDto[]; total: number }> {
    if (!hasScope(p, 'identity.users:read')) throw new AppError('forbidden', 'missing scope identity.users:read');
    const own = orgFilterFor(p, 'identity.users:read');
    if (own !== undefined && f.orgId !== undefined && f.orgId !== own) throw new AppError('forbidden', 'you may list users of your own organisation only');
    const { rows, total } = await this.repo.listUsers(this.db, { orgId: own ?? f.orgId, q: f.q, offset: (f.page - 1) * f.pageSize, limit: f.pageSize });
    const roles = await this.repo.rolesOf(this.db, rows.map((r) => r.id));
    const orgs = new Map((await this.repo.listOrgs(this.db)).map((o) => [o.id, o]));
    const items = rows.map((u) => this.userDto({ ...u, roles: roles.get(u.id) ?? [], org: u.org_id === null ? null : (orgs.get(u.org_id) ?? null) }));
    return { items, total };
  }

  async setLocale(p: Principal, locale: Locale): Promise<SessionUserDto> {
    if (p.kind !== 'user') throw new AppError('forbidden', 'only a person has a language preference');
    await this.db.transaction().execute(async (tx) => {
      await this.repo.setLocale(tx, p.id, locale, nowIso());
      await this.audit.record(tx, actorOf(p), { action: 'identity.user.locale_changed', entityType: 'user', entityId: p.id, detail: { locale } });
    });
    return this.sessionUser(p.id);
  }

  // ---- sessions ------------------------------------------------------------------------------

  async login(username: string, password: string, meta: { ip: string | null; userAgent: string | null }): Promise<{ token: string; csrfToken: string; user: SessionUserDto; expiresAt: string }> {
    const key = `${username.toLowerCase()}|${meta.ip ?? ''}`;
    const now = Date.now();
    const t = await this.repo.throttle(this.db, key);
    if (t?.locked_until && Date.parse(t.locked_until) > now)
      throw new AppError('too_many_requests', 'too many failed logins; try again later', { retryAfterS: Math.ceil((Date.parse(t.locked_until) - now) / 1000) });
    const user = await this.repo.userByUsername(this.db, username);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.status !== 'active') {
      const fresh = !t || now - Date.parse(t.window_start) > this.lockMs;
      const failures = fresh ? 1 : t.failures + 1;
      const locked = failures >= this.maxFailures ? new Date(now + this.lockMs).toISOString() : null;
      await this.db.transaction().execute(async (tx) => {
        await this.repo.putThrottle(tx, key, failures, fresh ? new Date(now).toISOString() : t.window_start, locked);
        await this.audit.record(tx, { kind: 'system', id: null, orgId: user?.org_id ?? null, ip: meta.ip }, {
          action: 'identity.login.failed',
          entityType: 'user',
          entityId: user?.id ?? username,
          detail: { username, failures, locked: locked !== null },
        });
      });
      throw new AppError('invalid_credentials', 'wrong username or password');
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const expiresAt = new Date(now + this.sessionTtlMs).toISOString();
    await this.db.transaction().execute(async (tx) => {
      await this.repo.clearThrottle(tx, key);
      await this.repo.insertSession(tx, {
        id: sm3(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: new Date(now).toISOString(),
        expires_at: expiresAt,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await this.audit.record(tx, { kind: 'user', id: String(user.id), orgId: user.org_id, ip: meta.ip }, {
        action: 'identity.session.created',
        entityType: 'user',
        entityId: user.id,
      });
    });
    return { token, csrfToken, user: await this.sessionUser(user.id), expiresAt };
  }

  /** The principal behind a session cookie, or null if the session is unknown or expired. */
  async resolveSession(token: string, ip: string | null): Promise<{ principal: Principal; csrfToken: string } | null> {
    const s = await this.repo.sessionById(this.db, sm3(token));
    if (!s || Date.parse(s.expires_at) <= Date.now()) return null;
    const u = await this.repo.userWithOrg(this.db, s.user_id);
    if (!u || u.status !== 'active') return null;
    return { principal: this.principalOf(u, ip), csrfToken: s.csrf_token };
  }

  async logout(p: Principal, token: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await this.repo.deleteSession(tx, sm3(token));
      await this.audit.record(tx, actorOf(p), { action: 'identity.session.ended', entityType: 'user', entityId: p.id });
    });
  }

  async purgeExpiredSessions(): Promise<number> {
    return this.repo.deleteExpiredSessions(this.db, nowIso());
  }

  async sessionUser(userId: number): Promise<SessionUserDto> {
    const u = await this.repo.userWithOrg(this.db, userId);
    if (!u) throw notFound('user', userId);
    return { ...this.userDto(u), scopes: [...scopesOf(u.roles)].sort() };
  }

  /**
   * Where the platform may reach a user outside the web (notifications): the mobile number given at
   * sign-up or by an administrator. No principal: only the composition root wires this to a sender.
   */
  async contactOf(userId: number): Promise<{ phone: string | null } | undefined> {
    const u = await this.repo.userWithOrg(this.db, userId);
    return u && { phone: u.phone };
  }

  // ---- API tokens for other departments' systems and banks -------------------------------------

  async createApiToken(by: Principal, input: { orgId: number; name: string; scopes: string[]; expiresAt?: string }): Promise<{ id: number; token: string }> {
    if (!canActOnOrg(by, 'identity.tokens:write', input.orgId)) throw new AppError('forbidden', 'you may create tokens only for your own organisation');
    for (const s of input.scopes)
      if (!hasScope(by, s)) throw new AppError('forbidden', `you cannot grant scope ${s}, which you do not hold`, { field: 'scopes' });
    const secret = crypto.randomBytes(32).toString('base64url');
    return this.db.transaction().execute(async (tx) => {
      if (!(await this.repo.orgById(tx, input.orgId))) throw notFound('organisation', input.orgId);
      const id = await this.repo.insertToken(tx, {
        org_id: input.orgId,
        name: input.name,
        token_hash: sm3(secret),
        scopes: JSON.stringify(input.scopes),
        created_by: by.kind === 'user' ? by.id : null,
        created_at: nowIso(),
        expires_at: input.expiresAt ?? null,
        revoked_at: null,
        last_used_at: null,
      });
      await this.audit.record(tx, actorOf(by), { action: 'identity.token.created', entityType: 'api_token', entityId: id, detail: { orgId: input.orgId, name: input.name, scopes: input.scopes } });
      return { id, token: `${TOKEN_PREFIX}${id}_${secret}` };
    });
  }

  async revokeApiToken(by: Principal, id: number): Promise<void> {
    const t = await this.repo.tokenById(this.db, id);
    if (!t) throw notFound('API token', id);
    if (!canActOnOrg(by, 'identity.tokens:write', t.org_id)) throw new AppError('forbidden', 'not your organisation’s token');
    await this.db.transaction().execute(async (tx) => {
      await this.repo.revokeToken(tx, id, nowIso());
      await this.audit.record(tx, actorOf(by), { action: 'identity.token.revoked', entityType: 'api_token', entityId: id });
    });
  }

  async resolveApiToken(bearer: string, ip: string | null): Promise<Principal | null> {
    const m = /^ldt_(\d+)_([A-Za-z0-9_-]{20,})$/.exec(bearer);
    if (!m) return null;
    const t = await this.repo.tokenWithOrgKind(this.db, Number(m[1]));
    if (!t || t.revoked_at || (t.expires_at && Date.parse(t.expires_at) <= Date.now())) return null;
    const given = Buffer.from(sm3(m[2]!), 'hex');
    if (!crypto.timingSafeEqual(given, Buffer.from(t.token_hash, 'hex'))) return null;
    return {
      kind: 'token',
      id: t.id,
      name: t.name,
      orgId: t.org_id,
      orgKind: (t.org_kind as OrgKind | null) ?? null,
      roles: [],
      scopes: new Set(JSON.parse(t.scopes) as string[]),
      locale: 'zh-CN',
      ip,
    };
  }

  // ---- mapping -------------------------------------------------------------------------------

  private principalOf(u: UserWithOrg, ip: string | null): Principal {
    return {
      kind: 'user',
      id: u.id,
      name: u.display_name,
      orgId: u.org_id,
      orgKind: (u.org?.kind as OrgKind) ?? null,
      roles: u.roles,
      scopes: scopesOf(u.roles),
      locale: (LOCALES as readonly string[]).includes(u.locale) ? (u.locale as Locale) : 'zh-CN',
      ip,
    };
  }

  private userDto(u: UserWithOrg): UserDto {
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      kind: u.kind as UserKind,
      locale: u.locale as Locale,
      status: u.status,
      org: u.org ? orgDto(u.org) : null,
      roles: u.roles,
    };
  }
}

export type { Role };
