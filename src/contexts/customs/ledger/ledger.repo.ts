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
 * The persons of one addition are first appended, unsorted and unindexed, to temporary staging
 * tables of the connection (no WAL on either dialect), one per partition of the key space (the first
 * bits of the hash: contiguous key ranges). The ledger is then changed partition by partition, in key
 * order, by statements that read a staging table through the database's own sort: the ledger's
 * primary-key B-tree is visited once, in order, instead of once per chunk at random, and each sort
 * and each key range is a fraction of the whole (it fits the cache; bounded memory). A small addition
 * uses a single partition (fewer statements). On SQLite the service cuts a large addition into 64
 * partitions instead: its statements are synchronous, and shorter ones keep the event loop going.
 */
export const STAGING_PARTITIONS = 16;

/** The staging partition of a person hash (its key range) when the key space is cut into `partitions` (a power of 2 ≤ 256). */
export function partitionOf(hash: Buffer, partitions: number): number {
  return hash[0]! >> (8 - Math.log2(partitions));
}

/** Name prefix of the staging tables of an addition (a preview on SQLite uses tables of its own: `previewStaging`). */
export const STAGING_PREFIX = 'customs_ledger_staging';

/** Prefix of the staging tables of one preview on SQLite (slot: one per preview running at the same time). */
export const previewStaging = (slot: number): string => `customs_ledger_preview_${Math.trunc(slot)}`;

const staging = (e: Executor, k: number, prefix = STAGING_PREFIX) =>
  sql.raw(`${dialectOf(e) === 'postgres' ? 'pg_temp' : 'temp'}.${prefix.replace(/[^a-z0-9_]/g, '')}_${Math.trunc(k)}`);

/** `person_hash` within the key range of partition k of n (lets the planner keep to that range of the key). */
function inPartition(k: number, n: number) {
  const width = 256 / n;
  const lo = k === 0 ? sql`true` : sql`person_hash >= ${Buffer.from([k * width])}`;
  return k === n - 1 ? lo : sql`${lo} AND person_hash < ${Buffer.from([(k + 1) * width])}`;
}

/** Partition k of n. */
export interface Partition {
  k: number;
  n: number;
}

/** SQLite page cache (KiB) while an addition runs: the sorter's run size and a partition's key range. */
const SQLITE_LOAD_CACHE_KIB = 64 * 1024;
/** PostgreSQL memory for the sorts of one addition (set_config local: this transaction only). */
const PG_LOAD_WORK_MEM = '64MB';

/** The settings `beginLoad` changed, which `restoreSettings` puts back. */
export interface LoadSettings {
  sqliteCacheSize: number | null;
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

  /** Sizes the sort memory for a bulk load (SQLite: the connection's cache; PostgreSQL: this transaction's work_mem). */
  async beginLoad(tx: Executor): Promise<LoadSettings> {
    if (dialectOf(tx) === 'postgres') {
      await sql`SELECT set_config('work_mem', ${PG_LOAD_WORK_MEM}, true)`.execute(tx);
      return { sqliteCacheSize: null };
    }
    const r = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(tx);
    const before = Number(r.rows[0]?.cache_size ?? -2000);
    await sql`PRAGMA cache_size = ${sql.raw(String(-SQLITE_LOAD_CACHE_KIB))}`.execute(tx);
    return { sqliteCacheSize: before };
  }

  /** Puts back the SQLite cache size (a connection setting, not undone by a rollback). */
  async restoreSettings(tx: Executor, settings: LoadSettings): Promise<void> {
    if (settings.sqliteCacheSize !== null) await sql`PRAGMA cache_size = ${sql.raw(String(Math.trunc(settings.sqliteCacheSize)))}`.execute(tx);
  }

  /**
   * Creates partition k's empty staging table (temporary, this connection; on PostgreSQL dropped at
   * commit at the latest). One left by a failed addition earlier in the same transaction is replaced.
   */
  async createStaging(tx: Executor, k: number, prefix = STAGING_PREFIX): Promise<void> {
    await this.dropStaging(tx, k, prefix);
    const pg = dialectOf(tx) === 'postgres';
    await sql`CREATE TEMPORARY TABLE ${staging(tx, k, prefix)} (h ${sql.raw(pg ? 'bytea' : 'blob')} NOT NULL, s integer NOT NULL) ${sql.raw(pg ? 'ON COMMIT DROP' : '')}`.execute(tx);
  }

  /**
   * PostgreSQL only: gives the planner partition k's staged row count. Without it a never-analysed
   * temporary table looks tiny and the upgrade can become a nested loop over it (a 10 M repeat ran for
   * over 13 minutes in one partition's UPDATE before this).
   */
  async analyzeStaging(tx: Executor, k: number): Promise<void> {
    if (dialectOf(tx) === 'postgres') await sql`ANALYZE ${staging(tx, k)}`.execute(tx);
  }

  async dropStaging(tx: Executor, k: number, prefix = STAGING_PREFIX): Promise<void> {
    await sql`DROP TABLE IF EXISTS ${staging(tx, k, prefix)}`.execute(tx);
  }

  /**
   * Appends persons to the staging table. The hashes travel as one parameter whatever their number
   * (one blob of concatenated 32-byte hashes, cut into rows in SQL), which avoids statements with tens
   * of thousands of placeholders.
   */
  async stage(tx: Executor, k: number, hashes: readonly Buffer[], sensitive: boolean, prefix = STAGING_PREFIX): Promise<void> {
    if (hashes.length === 0) return;
    const blob = Buffer.concat(hashes as Buffer[]);
    const s = sensitive ? 1 : 0;
    const query =
      dialectOf(tx) === 'postgres'
        ? sql`INSERT INTO ${staging(tx, k, prefix)} (h, s)
            SELECT substring(${blob}::bytea FROM i * ${PERSON_HASH_BYTES} + 1 FOR ${PERSON_HASH_BYTES}), ${s}::int
            FROM generate_series(0, ${hashes.length - 1}::int) AS i`
        : sql`WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < ${hashes.length})
            INSERT INTO ${staging(tx, k, prefix)} (h, s)
            SELECT substr(${blob}, n * ${PERSON_HASH_BYTES} + 1, ${PERSON_HASH_BYTES}), ${s} FROM i`;
    await query.execute(tx);
  }

  /** Marks as sensitive partition k's staged sensitive persons that are in the ledger as non-sensitive; returns how many. */
  async upgradeStagedToSensitive(tx: Executor, key: LedgerKey, { k, n }: Partition): Promise<number> {
    const query =
      dialectOf(tx) === 'postgres'
        ? sql`UPDATE customs_ledger_persons AS p SET sensitive = 1
            FROM (SELECT DISTINCT h FROM ${staging(tx, k)} WHERE s = 1) AS st
            WHERE p.exporter_id = ${key.exporterId}::bigint AND p.year = ${key.year}::int AND ${inPartition(k, n)}
              AND p.person_hash = st.h AND p.sensitive = 0`
        : sql`UPDATE customs_ledger_persons SET sensitive = 1
            WHERE exporter_id = ${key.exporterId} AND year = ${key.year} AND ${inPartition(k, n)} AND sensitive = 0
              AND person_hash IN (SELECT h FROM ${staging(tx, k)} WHERE s = 1)`;
    const r = await query.execute(tx);
    return Number(r.numAffectedRows ?? 0n);
  }

  /**
   * Inserts partition k's staged persons of one kind (sensitive or not) that the ledger does not hold yet, in
   * key order, each once; returns how many were inserted. Insert the sensitive ones first: a person staged
   * with and without sensitive data is then added once, as sensitive. Concurrent additions for the same
   * exporter and year wait on the totals row (`lockTotals`), so no other transaction inserts these keys meanwhile.
   * - `merge` (many persons for the key range): on PostgreSQL one merge anti-join of the sorted staging table
   *   with the ledger's key range, then plain inserts — much cheaper than a speculative insertion per row;
   * - `probe` (few persons against a large range): `ON CONFLICT DO NOTHING`, one primary-key lookup each.
   * SQLite always probes (its `ON CONFLICT` is a plain B-tree search).
   */
  async insertStaged(
    tx: Executor,
    key: LedgerKey,
    { k, n }: Partition,
    p: { sensitive: boolean; declarationId: number; at: string; strategy: 'merge' | 'probe' },
  ): Promise<number> {
    const s = p.sensitive ? 1 : 0;
    const query =
      dialectOf(tx) !== 'postgres'
        ? sql`INSERT INTO customs_ledger_persons (exporter_id, year, person_hash, sensitive, first_declaration_id, first_at)
            SELECT ${key.exporterId}, ${key.year}, h, ${s}, ${p.declarationId}, ${p.at}
            FROM ${staging(tx, k)} WHERE s = ${s} ORDER BY h
            ON CONFLICT DO NOTHING`
        : p.strategy === 'probe'
          ? sql`INSERT INTO customs_ledger_persons (exporter_id, year, person_hash, sensitive, first_declaration_id, first_at)
            SELECT ${key.exporterId}::bigint, ${key.year}::int, h, ${s}::int, ${p.declarationId}::bigint, ${p.at}::text
            FROM ${staging(tx, k)} WHERE s = ${s}::int ORDER BY h
            ON CONFLICT DO NOTHING`
          : sql`INSERT INTO customs_ledger_persons (exporter_id, year, person_hash, sensitive, first_declaration_id, first_at)
            SELECT ${key.exporterId}::bigint, ${key.year}::int, st.h, ${s}::int, ${p.declarationId}::bigint, ${p.at}::text
            FROM (SELECT DISTINCT h FROM ${staging(tx, k)} WHERE s = ${s}::int) AS st
            WHERE NOT EXISTS (SELECT 1 FROM customs_ledger_persons AS p
              WHERE p.exporter_id = ${key.exporterId}::bigint AND p.year = ${key.year}::int AND ${inPartition(k, n)} AND p.person_hash = st.h)
            ORDER BY st.h`;
    const r = await query.execute(tx);
    return Number(r.numAffectedRows ?? 0n);
  }

  /**
   * What adding partition k's staged persons (tables under `prefix`) would do, read only: the distinct
   * staged persons not in the ledger (`added`), of them those staged with sensitive data at least once
   * (`addedSensitive`), and the ledger's non-sensitive persons staged as sensitive (`upgraded`) —
   * the counts `upgradeStagedToSensitive` and `insertStaged` would return.
   */
  async countStaged(e: Executor, key: LedgerKey, { k, n }: Partition, prefix: string): Promise<{ added: number; addedSensitive: number; upgraded: number }> {
    const st = staging(e, k, prefix);
    const added = await sql<{ added: number; added_sensitive: number | null }>`
      SELECT count(*) AS added, sum(g.s) AS added_sensitive FROM (SELECT h, max(s) AS s FROM ${st} GROUP BY h) AS g
      WHERE NOT EXISTS (SELECT 1 FROM customs_ledger_persons AS p
        WHERE p.exporter_id = ${key.exporterId} AND p.year = ${key.year} AND p.person_hash = g.h)`.execute(e);
    const upgraded = await sql<{ n: number }>`
      SELECT count(*) AS n FROM customs_ledger_persons
      WHERE exporter_id = ${key.exporterId} AND year = ${key.year} AND ${inPartition(k, n)} AND sensitive = 0
        AND person_hash IN (SELECT h FROM ${st} WHERE s = 1)`.execute(e);
    return {
      added: Number(added.rows[0]?.added ?? 0),
      addedSensitive: Number(added.rows[0]?.added_sensitive ?? 0),
      upgraded: Number(upgraded.rows[0]?.n ?? 0),
    };
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
