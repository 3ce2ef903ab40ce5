import type { Insertable, Kysely, Selectable } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type { AuditCheckpointRow, AuditEventRow, AuditTables } from './audit.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<AuditTables>;

export const GENESIS_HASH = '0'.repeat(64);

export class AuditRepo {
  /**
   * Locks the chain head for the rest of the transaction and returns it. On PostgreSQL this is a row
   * lock (so concurrent writers from several processes queue here); SQLite serialises writers anyway.
   */
  async lockHead(tx: Executor): Promise<{ lastSeq: number; lastHash: string }> {
    let query = q(tx).selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1);
    if (dialectOf(tx) === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirstOrThrow(); // created by migration 0001
    return { lastSeq: row.last_seq, lastHash: row.last_hash };
  }

  /** Inserts with an explicit seq (head + 1): the head lock makes it unique and gap-free. */
  async insertEvent(tx: Executor, row: AuditEventRow): Promise<void> {
    await q(tx).insertInto('audit_events').values(row).execute();
  }

  async setHead(tx: Executor, lastSeq: number, lastHash: string): Promise<void> {
    await q(tx).updateTable('audit_head').set({ last_seq: lastSeq, last_hash: lastHash }).where('id', '=', 1).execute();
  }

  async head(db: Executor): Promise<{ lastSeq: number; lastHash: string }> {
    const row = await q(db).selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirst();
    return row ? { lastSeq: row.last_seq, lastHash: row.last_hash } : { lastSeq: 0, lastHash: GENESIS_HASH };
  }

  /** Events in chain order, in pages, for verification. */
  async *scan(db: Executor, pageSize = 5000): AsyncGenerator<Selectable<AuditEventRow>> {
    let after = 0;
    for (;;) {
      const rows = await q(db).selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
      for (const r of rows) yield r;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  async list(
    db: Executor,
    f: { orgId?: number | undefined; entityType?: string | undefined; entityId?: string | undefined; action?: string | undefined; beforeSeq?: number | undefined; limit: number },
  ): Promise<Selectable<AuditEventRow>[]> {
    let query = q(db).selectFrom('audit_events').selectAll();
    if (f.orgId !== undefined) query = query.where('actor_org_id', '=', f.orgId);
    if (f.entityType) query = query.where('entity_type', '=', f.entityType);
    if (f.entityId) query = query.where('entity_id', '=', f.entityId);
    if (f.action) query = query.where('action', '=', f.action);
    if (f.beforeSeq !== undefined) query = query.where('seq', '<', f.beforeSeq);
    return query.orderBy('seq', 'desc').limit(f.limit).execute();
  }

  async insertCheckpoint(db: Executor, row: Insertable<AuditCheckpointRow>): Promise<void> {
    await q(db).insertInto('audit_checkpoints').values(row).execute();
  }

  async latestCheckpoint(db: Executor): Promise<Selectable<AuditCheckpointRow> | undefined> {
    return q(db).selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  }

  async checkpoints(db: Executor): Promise<Selectable<AuditCheckpointRow>[]> {
    return q(db).selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  }

  async eventAt(db: Executor, seq: number): Promise<Selectable<AuditEventRow> | undefined> {
    return q(db).selectFrom('audit_events').selectAll().where('seq', '=', seq).executeTakeFirst();
  }
}
