import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ApiTokenRow, IdentityTables, OrgRow, SessionRow, UserRow } from './identity.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<IdentityTables>;

export type UserWithOrg = Selectable<UserRow> & { roles: string[]; org: Selectable<OrgRow> | null };

export class IdentityRepo {
  async insertOrg(tx: Executor, row: Insertable<OrgRow>): Promise<number> {
    const r = await q(tx).insertInto('orgs').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async orgById(db: Executor, id: number): Promise<Selectable<OrgRow> | undefined> {
    return q(db).selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async orgByCode(db: Executor, code: string): Promise<Selectable<OrgRow> | undefined> {
    return q(db).selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async listOrgs(db: Executor, kind?: string): Promise<Selectable<OrgRow>[]> {
    let query = q(db).selectFrom('orgs').selectAll();
    if (kind) query = query.where('kind', '=', kind);
    return query.orderBy('id').execute();
  }

  async countOrgs(db: Executor): Promise<number> {
    const r = await q(db).selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insertUser(tx: Executor, row: Insertable<UserRow>, roles: readonly string[]): Promise<number> {
    const r = await q(tx).insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
    if (roles.length) await q(tx).insertInto('user_roles').values(roles.map((role) => ({ user_id: r.id, role }))).execute();
    return r.id;
  }

  async userByUsername(db: Executor, username: string): Promise<Selectable<UserRow> | undefined> {
    return q(db).selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async userWithOrg(db: Executor, id: number): Promise<UserWithOrg | undefined> {
    const user = await q(db).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!user) return undefined;
    const [roles, org] = await Promise.all([this.rolesOf(db, [id]), user.org_id === null ? undefined : this.orgById(db, user.org_id)]);
    return { ...user, roles: roles.get(id) ?? [], org: org ?? null };
  }

  async rolesOf(db: Executor, userIds: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (!userIds.length) return out;
    const rows = await q(db).selectFrom('user_roles').selectAll().where('user_id', 'in', userIds).orderBy('role').execute();
    for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role]);
    return out;
  }

  async listUsers(
    db: Executor,
    f: { orgId?: number | undefined; q?: string | undefined; offset: number; limit: number },
  ): Promise<{ rows: Selectable<UserRow>[]; total: number }> {
    let base = q(db).selectFrom('users');
    if (f.orgId !== undefined) base = base.where('org_id', '=', f.orgId);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      base = base.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
    }
    const [rows, total] = await Promise.all([
      base.selectAll().orderBy('id').offset(f.offset).limit(f.limit).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  async setLocale(tx: Executor, userId: number, locale: string, at: string): Promise<void> {
    await q(tx).updateTable('users').set({ locale, updated_at: at }).where('id', '=', userId).execute();
  }

  async insertSession(tx: Executor, row: SessionRow): Promise<void> {
    await q(tx).insertInto('sessions').values(row).execute();
  }

  async sessionById(db: Executor, id: string): Promise<Selectable<SessionRow> | undefined> {
    return q(db).selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async deleteSession(tx: Executor, id: string): Promise<void> {
    await q(tx).deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteExpiredSessions(db: Executor, now: string): Promise<number> {
    const r = await q(db).deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async insertToken(tx: Executor, row: Insertable<ApiTokenRow>): Promise<number> {
    const r = await q(tx).insertInto('api_tokens').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async tokenById(db: Executor, id: number): Promise<Selectable<ApiTokenRow> | undefined> {
    return q(db).selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The token with its organisation's kind, in one query (it runs on every token-authenticated request). */
  async tokenWithOrgKind(db: Executor, id: number): Promise<(Selectable<ApiTokenRow> & { org_kind: string | null }) | undefined> {
    return q(db)
      .selectFrom('api_tokens')
      .leftJoin('orgs', 'orgs.id', 'api_tokens.org_id')
      .selectAll('api_tokens')
      .select('orgs.kind as org_kind')
      .where('api_tokens.id', '=', id)
      .executeTakeFirst();
  }

  async revokeToken(tx: Executor, id: number, at: string): Promise<void> {
    await q(tx).updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
  }

  async throttle(db: Executor, key: string): Promise<{ failures: number; window_start: string; locked_until: string | null } | undefined> {
    return q(db).selectFrom('login_throttle').select(['failures', 'window_start', 'locked_until']).where('key', '=', key).executeTakeFirst();
  }

  async putThrottle(db: Executor, key: string, failures: number, windowStart: string, lockedUntil: string | null): Promise<void> {
    await q(db)
      .insertInto('login_throttle')
      .values({ key, failures, window_start: windowStart, locked_until: lockedUntil })
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures, window_start: windowStart, locked_until: lockedUntil }))
      .execute();
  }

  async clearThrottle(db: Executor, key: string): Promise<void> {
    await q(db).deleteFrom('login_throttle').where('key', '=', key).execute();
  }

  /** Case-insensitive username lookup helper for uniqueness checks. */
  async usernameTaken(db: Executor, username: string): Promise<boolean> {
    const r = await q(db).selectFrom('users').select('id').where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
    return r !== undefined;
  }
}
