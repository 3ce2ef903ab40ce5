/** SQL of backup and restore (DA/T 92): the catalog tables read page by page and written back as they were. */
import { sql, type Kysely } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type { ArchivesTables } from './archives.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<ArchivesTables>;

/** The catalog tables of a backup, parents before children; each with the column its pages are ordered by. */
export const CATALOG_TABLES = [
  ['archives_series', 'series_key'],
  ['archives_records', 'id'],
  ['archives_versions', 'id'],
  ['archives_files', 'id'],
  ['archives_events', 'id'],
  ['archives_alerts', 'id'],
  ['archives_loans', 'id'],
  ['archives_loan_actions', 'id'],
  ['archives_access', 'id'],
  ['archives_disposals', 'id'],
  ['archives_disposal_items', 'id'],
  ['archives_disposal_actions', 'id'],
] as const satisfies readonly (readonly [keyof ArchivesTables, string])[];
export type CatalogTable = (typeof CATALOG_TABLES)[number][0];

export class BackupRepo {
  /** One page of a table in key order, after `after` (keyset). */
  async page(e: Executor, table: CatalogTable, key: string, after: string | number | undefined, limit: number): Promise<Record<string, unknown>[]> {
    let query = q(e).selectFrom(table as 'archives_records').selectAll();
    if (after !== undefined) query = query.where(key as 'id', '>', after as number);
    return (await query.orderBy(key as 'id').limit(limit).execute()) as unknown as Record<string, unknown>[];
  }

  async count(e: Executor, table: CatalogTable): Promise<number> {
    const r = await q(e).selectFrom(table as 'archives_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async insert(tx: Executor, table: CatalogTable, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length > 0) await q(tx).insertInto(table as 'archives_records').values(rows as never).execute();
  }

  /** After rows were inserted with their ids: PostgreSQL's sequences continue after the highest (SQLite's AUTOINCREMENT does by itself). */
  async resetSequence(tx: Executor, table: CatalogTable): Promise<void> {
    if (dialectOf(tx) !== 'postgres') return;
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(tx);
  }

  async archivalCodes(e: Executor): Promise<string[]> {
    return (await q(e).selectFrom('archives_records').select('archival_code').orderBy('archival_code').execute()).map((r) => r.archival_code);
  }
}
