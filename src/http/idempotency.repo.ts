import type { Kysely } from 'kysely';
import type { Executor } from '../db/database.ts';

interface IdempotencyTables {
  idempotency_records: { key: string; request_hash: string; status_code: number; response: string; created_at: string };
}
const q = (e: Executor) => e as unknown as Kysely<IdempotencyTables>;

export class IdempotencyRepo {
  /** Claims the key; false when a record for it already exists. */
  async claim(db: Executor, key: string, requestHash: string, at: string): Promise<boolean> {
    const r = await q(db)
      .insertInto('idempotency_records')
      .values({ key, request_hash: requestHash, status_code: 0, response: '', created_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async get(db: Executor, key: string) {
    return q(db).selectFrom('idempotency_records').selectAll().where('key', '=', key).executeTakeFirst();
  }

  async complete(db: Executor, key: string, status: number, response: string): Promise<void> {
    await q(db).updateTable('idempotency_records').set({ status_code: status, response }).where('key', '=', key).execute();
  }

  async release(db: Executor, key: string): Promise<void> {
    await q(db).deleteFrom('idempotency_records').where('key', '=', key).where('status_code', '=', 0).execute();
  }

  async purgeBefore(db: Executor, at: string): Promise<number> {
    const r = await q(db).deleteFrom('idempotency_records').where('created_at', '<', at).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
