import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { AccountCheckRow, AccountRow, AccountsTables } from './accounts.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<AccountsTables>;

export type Account = Selectable<AccountRow>;
export type AccountCheck = Selectable<AccountCheckRow>;

export class AccountsRepo {
  async insert(tx: Executor, row: Insertable<AccountRow>): Promise<number> {
    const r = await q(tx).insertInto('services_accounts').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async byIdHash(db: Executor, idHash: string): Promise<Account | undefined> {
    return q(db).selectFrom('services_accounts').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }

  /** Which of these keyed hashes belong to an account (benefits: "has a platform account"). */
  async idHashesPresent(db: Executor, idHashes: string[]): Promise<string[]> {
    if (idHashes.length === 0) return [];
    return (await q(db).selectFrom('services_accounts').select('id_hash').where('id_hash', 'in', idHashes).execute()).map((r) => r.id_hash);
  }

  async byUserId(db: Executor, userId: number): Promise<Account | undefined> {
    return q(db).selectFrom('services_accounts').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  async byId(db: Executor, id: number): Promise<Account | undefined> {
    return q(db).selectFrom('services_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Pending accounts, longest-waiting first (never tried before anything tried). */
  async pending(db: Executor, limit: number): Promise<Account[]> {
    return q(db)
      .selectFrom('services_accounts')
      .selectAll()
      .where('verification', '=', 'pending')
      .orderBy(sql`coalesce(last_attempt_at, '')`)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async update(tx: Executor, id: number, patch: Updateable<AccountRow>): Promise<void> {
    await q(tx).updateTable('services_accounts').set(patch).where('id', '=', id).execute();
  }

  async insertCheck(tx: Executor, row: Insertable<AccountCheckRow>): Promise<void> {
    await q(tx).insertInto('services_account_checks').values(row).execute();
  }

  async checks(db: Executor, accountId: number): Promise<AccountCheck[]> {
    return q(db).selectFrom('services_account_checks').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
  }
}
