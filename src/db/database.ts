import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';

/**
 * The platform talks to its database through Kysely. Contexts describe their own tables
 * (`<context>.tables.ts`) and narrow this handle in their repositories, so no central schema file
 * has to know every context.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTx = Transaction<any>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = AnyDb | AnyTx;
export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: AnyDb;
  dialect: Dialect;
  /** Where the SQLite file lives, for backups and diagnostics; undefined on PostgreSQL. */
  file: string | undefined;
  close(): Promise<void>;
}

// int8 (bigserial ids, counts) as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as number as well (amounts are stored as integers in fen; numeric is for ratios).
pg.types.setTypeParser(1700, (v) => Number(v));

export function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const native = new SQLite(file);
  native.pragma('journal_mode = WAL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 10000');
  // WAL + NORMAL: a killed process loses nothing that committed; only a power cut may drop the last commits.
  native.pragma('synchronous = NORMAL');
  const db = new Kysely({ dialect: new SqliteDialect({ database: native }) });
  return {
    db,
    dialect: 'sqlite',
    file,
    close: () => db.destroy(),
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server ends (restart, failover, a DBA's pg_terminate_backend) is
  // reported here; the pool drops it and the next query opens a new one. Without a listener the
  // 'error' event would crash the whole process.
  pool.on('error', () => undefined);
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', file: undefined, close: () => db.destroy() };
}

export function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }): Database {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openSqlite(path.join(opts.dataDir, 'landao.db'));
}

export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Current time as the platform stores it: ISO-8601 UTC text with milliseconds (sortable as text). */
export function nowIso(): string {
  return new Date().toISOString();
}
