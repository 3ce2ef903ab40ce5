/**
 * The one place where the two dialects differ in DDL. Migrations import only this file and kysely,
 * never application code, so an old migration keeps meaning what it meant when it ran.
 *
 * Conventions used by every table:
 * - timestamps are ISO-8601 UTC text (`2026-01-01T00:00:00.000Z`), sortable as text on both dialects;
 * - JSON documents are text, parsed in the repository;
 * - booleans are integers 0/1;
 * - surrogate keys are auto-increment integers (`bigserial` on PostgreSQL).
 */
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

export function isPostgres(db: MigrationDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds an auto-increment integer primary key named `id` (or the given name). */
export function withId<T extends string>(
  db: MigrationDb,
  table: CreateTableBuilder<T, never>,
  name = 'id',
): CreateTableBuilder<T, never> {
  return isPostgres(db)
    ? table.addColumn(name, 'bigserial', (c) => c.primaryKey())
    : table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Column type for binary data. */
export function blobType(db: MigrationDb) {
  return isPostgres(db) ? sql`bytea` : sql`blob`;
}

/** Column type for 64-bit integers (counters, byte sizes). */
export function bigintType(db: MigrationDb) {
  return isPostgres(db) ? sql`bigint` : sql`integer`;
}
