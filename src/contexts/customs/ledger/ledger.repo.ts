import { sql, type Kysely } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.ts';
import type { LedgerTables } from './ledger.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<LedgerTables>;

/** Length of a stored person hash: HMAC-SM3, raw bytes. */
export const PERSON_HASH_BYTES = 32;

export interface LedgerKey {
  exporterId: number;
  year: number;
}

export interface StoredTotals {
  persons: number;
  sensitive: number;
}

/**
 * The hashes of one statement travel as a single parameter whatever their number: one blob of
 * concatenated 32-byte hashes, cut into rows in SQL (a recursive counter on SQLite, generate_series on
 * PostgreSQL, where it measured faster than a `bytea[]`); this avoids statements with tens of
 * thousands of placeholders. The PostgreSQL update matches `= ANY(bytea[])`, which uses the key.
 */
function sqliteHashRows(hashes: readonly Buffer[]) {
  return sql`WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < ${hashes.length})
    SELECT substr(${Buffer.concat(hashes as Buffer[])}, n * ${PERSON_HASH_BYTES} + 1, ${PERSON_HASH_BYTES}) AS h FROM i`;
}

export class LedgerRepo {
  /**
   * Makes sure the totals row of (exporter, year) exists and, on PostgreSQL, locks it until the
   * transaction ends: additions for one exporter and year then run one after another, so counts stay
   * exact and concurrent additions cannot deadlock on each other's persons. SQLite serialises writers.
   */
  async lockTotals(tx: Executor, key: LedgerKey, at: string): Promise<void> {
    await q(tx)
      .insertInto('customs_ledger_totals')
      .values({ exporter_id: key.exporterId, year: key.year, persons: 0, sensitive: 0, updated_at: at })
      .onConflict((oc) => oc.columns(['exporter_id', 'year']).doNothing())
      .execute();
    if (dialectOf(tx) === 'postgres')
      await q(tx)
        .selectFrom('customs_ledger_totals')
        .select('persons')
        .where('exporter_id', '=', key.exporterId)
        .where('year', '=', key.year)
        .forUpdate()
        .execute();
  }

  /** Inserts the persons not yet in the ledger of (exporter, year); returns how many were new. */
  async insertNew(
    tx: Executor,
    key: LedgerKey,
    hashes: readonly Buffer[],
    p: { sensitive: boolean; declarationId: number; at: string },
  ): Promise<number> {
    if (hashes.length === 0) return 0;
    const sensitive = p.sensitive ? 1 : 0;
    const pg = dialectOf(tx) === 'postgres';
    const query = pg
      ? sql`INSERT INTO customs_ledger_persons (exporter_id, year, person_hash, sensitive, first_declaration_id, first_at)
          SELECT ${key.exporterId}::bigint, ${key.year}::int, u.h, ${sensitive}::int, ${p.declarationId}::bigint, ${p.at}::text
          FROM (SELECT substring(${Buffer.concat(hashes as Buffer[])}::bytea FROM i * ${PERSON_HASH_BYTES} + 1 FOR ${PERSON_HASH_BYTES}) AS h
                FROM generate_series(0, ${hashes.length - 1}::int) AS i) AS u
          ON CONFLICT DO NOTHING`
      : sql`WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < ${hashes.length})
          INSERT INTO customs_ledger_persons (exporter_id, year, person_hash, sensitive, first_declaration_id, first_at)
          SELECT ${key.exporterId}, ${key.year}, substr(${Buffer.concat(hashes as Buffer[])}, n * ${PERSON_HASH_BYTES} + 1, ${PERSON_HASH_BYTES}),
            ${sensitive}, ${p.declarationId}, ${p.at}
          FROM i WHERE true
          ON CONFLICT DO NOTHING`;
    const r = await query.execute(tx);
    return Number(r.numAffectedRows ?? 0n);
  }

  /** Marks as sensitive those of the given persons that were in the ledger as non-sensitive; returns how many. */
  async upgradeToSensitive(tx: Executor, key: LedgerKey, hashes: readonly Buffer[]): Promise<number> {
    if (hashes.length === 0) return 0;
    const r = await sql`UPDATE customs_ledger_persons SET sensitive = 1
      WHERE exporter_id = ${key.exporterId} AND year = ${key.year} AND sensitive = 0
        AND ${
          dialectOf(tx) === 'postgres' ? sql`person_hash = ANY(${hashes}::bytea[])` : sql`person_hash IN (${sqliteHashRows(hashes)})`
        }`.execute(tx);
    return Number(r.numAffectedRows ?? 0n);
  }

  async addToTotals(tx: Executor, key: LedgerKey, delta: StoredTotals, at: string): Promise<void> {
    await q(tx)
      .updateTable('customs_ledger_totals')
      .set((eb) => ({
        persons: eb('persons', '+', delta.persons),
        sensitive: eb('sensitive', '+', delta.sensitive),
        updated_at: at,
      }))
      .where('exporter_id', '=', key.exporterId)
      .where('year', '=', key.year)
      .execute();
  }

  async totals(e: Executor, key: LedgerKey): Promise<StoredTotals> {
    const row = await q(e)
      .selectFrom('customs_ledger_totals')
      .select(['persons', 'sensitive'])
      .where('exporter_id', '=', key.exporterId)
      .where('year', '=', key.year)
      .executeTakeFirst();
    return { persons: Number(row?.persons ?? 0), sensitive: Number(row?.sensitive ?? 0) };
  }

  /** Sets a savepoint in an open transaction (preview inside a caller's transaction). */
  async savepoint(tx: Executor, name: string): Promise<void> {
    await sql`SAVEPOINT ${sql.id(name)}`.execute(tx);
  }

  async rollbackToSavepoint(tx: Executor, name: string): Promise<void> {
    await sql`ROLLBACK TO SAVEPOINT ${sql.id(name)}`.execute(tx);
    await sql`RELEASE SAVEPOINT ${sql.id(name)}`.execute(tx);
  }
}
