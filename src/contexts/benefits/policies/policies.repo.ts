import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { EngineTables, PolicyRow, PolicyVersionRow } from '../engine.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<EngineTables>;

export type StoredPolicy = Selectable<PolicyRow>;
export type StoredPolicyVersion = Selectable<PolicyVersionRow>;

export class PoliciesRepo {
  async policy(e: Executor, key: string): Promise<StoredPolicy | undefined> {
    return q(e).selectFrom('benefits_policies').selectAll().where('key', '=', key).executeTakeFirst();
  }

  /** The policy row locked for a new version (FOR UPDATE on PostgreSQL; SQLite transactions are serial). */
  async lockPolicy(tx: Executor, key: string, postgres: boolean): Promise<StoredPolicy | undefined> {
    const base = q(tx).selectFrom('benefits_policies').selectAll().where('key', '=', key);
    return (postgres ? base.forUpdate() : base).executeTakeFirst();
  }

  async insertPolicy(tx: Executor, row: Insertable<PolicyRow>): Promise<void> {
    await q(tx).insertInto('benefits_policies').values(row).execute();
  }

  async setCurrent(tx: Executor, key: string, version: number, at: string): Promise<void> {
    await q(tx).updateTable('benefits_policies').set({ current_version: version, updated_at: at }).where('key', '=', key).execute();
  }

  async insertVersion(tx: Executor, row: Insertable<PolicyVersionRow>): Promise<number> {
    const r = await q(tx).insertInto('benefits_policy_versions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async version(e: Executor, key: string, version: number): Promise<StoredPolicyVersion | undefined> {
    return q(e).selectFrom('benefits_policy_versions').selectAll().where('policy_key', '=', key).where('version', '=', version).executeTakeFirst();
  }

  async versions(e: Executor, key: string): Promise<StoredPolicyVersion[]> {
    return q(e).selectFrom('benefits_policy_versions').selectAll().where('policy_key', '=', key).orderBy('version', 'desc').execute();
  }

  /** Every policy with its version in force. */
  async currentVersions(e: Executor): Promise<StoredPolicyVersion[]> {
    return q(e)
      .selectFrom('benefits_policy_versions as v')
      .innerJoin('benefits_policies as p', (j) => j.onRef('p.key', '=', 'v.policy_key').onRef('p.current_version', '=', 'v.version'))
      .selectAll('v')
      .orderBy('v.policy_key')
      .execute();
  }
}
