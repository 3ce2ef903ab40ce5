import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, SqliteAdapter, SqliteDialect, type Compilable, type DialectAdapter, type QueryResult, type Transaction } from 'kysely';

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

/** Prepared statements kept per SQLite connection (least recently used dropped first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely's SQLite driver sees it, with a statement cache: the driver prepares every
 * query anew, and compiling a statement cost more than running a point query by key (profile of the
 * exchange lookups: `prepare` 8 % of the server's CPU). Kysely turns one query shape into one SQL text
 * with `?` parameters, so the cache hits for every repeated query. A statement still busy (an
 * unfinished `iterate()` of a stream) is never handed out twice: the caller gets a fresh one.
 */
function withStatementCache(native: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = native.prepare(sql);
      if (!hit) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close: () => native.close(),
  };
}

/**
 * The SQLite adapter of a database opened by `openSqlite`, holding its native connection for `sqliteRows`
 * (a transaction of that database has the same adapter, so it is found from either).
 */
class NativeSqliteAdapter extends SqliteAdapter {
  /**
   * Statements in raw mode (rows as arrays), apart from the driver's cache whose statements return objects. Unbounded,
   * unlike the driver's 500-statement cache: it only ever holds the fixed texts of `precompiledRows` queries (a
   * handful). Never pass it ad-hoc SQL.
   */
  readonly rawStatements = new Map<string, SQLite.Statement>();
  constructor(readonly native: SQLite.Database) {
    super();
  }
}

class NativeSqliteDialect extends SqliteDialect {
  constructor(private readonly native: SQLite.Database) {
    super({ database: withStatementCache(native) });
  }
  override createAdapter(): DialectAdapter {
    return new NativeSqliteAdapter(this.native);
  }
}

/**
 * A read for a hot path on SQLite: rows as arrays of column values in the order the SELECT names them,
 * or undefined on PostgreSQL (the caller runs its Kysely query there). better-sqlite3 builds an object per
 * row property by property through V8's API, which cost more than the read itself (100,000 benefits records:
 * 0.29 s as arrays against 0.5–0.7 s as objects). It runs while holding the connection as Kysely
 * does, so it never reads in the middle of another caller's transaction; inside a transaction `db` is that
 * transaction and the read sees its writes.
 */
export async function sqliteRows(db: Executor, text: string, parameters: readonly unknown[]): Promise<unknown[][] | undefined> {
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof NativeSqliteAdapter)) return undefined;
  const read = () => {
    let stmt = adapter.rawStatements.get(text);
    if (!stmt) adapter.rawStatements.set(text, (stmt = adapter.native.prepare(text).raw(true)));
    return stmt.all(...parameters) as unknown[][];
  };
  if (db.isTransaction) return read();
  return db.connection().execute(async () => read());
}

export function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const native = new SQLite(file);
  native.pragma('journal_mode = WAL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 10000');
  // WAL + NORMAL: a killed process loses nothing that committed; only a power cut may drop the last commits.
  native.pragma('synchronous = NORMAL');
  const db = new Kysely({ dialect: new NativeSqliteDialect(native) });
  return {
    db,
    dialect: 'sqlite',
    file,
    close: () => db.destroy(),
  };
}

/** Statement texts marked by `preparedOnPostgres`, with their statement names. */
const preparedOnPg = new Map<string, string>();

/**
 * Marks a hot statement (a text with $n parameters, run as `CompiledQuery.raw(text, parameters)`) to be
 * parsed and planned once per PostgreSQL connection and after that only bound and executed; otherwise
 * PostgreSQL parses and plans every statement with parameters anew (for the registry log's append,
 * planning took as long as running it). Returns the text.
 */
export function preparedOnPostgres(text: string): string {
  if (!preparedOnPg.has(text)) preparedOnPg.set(text, `landao_prepared_${preparedOnPg.size + 1}`);
  return text;
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server ends (restart, failover, a DBA's pg_terminate_backend) is
  // reported here; the pool drops it and the next query opens a new one. Without a listener the
  // 'error' event would crash the whole process.
  pool.on('error', () => undefined);
  // Kysely's driver sends every query as (text, values); a text marked by `preparedOnPostgres` goes as
  // a named statement instead, which node-postgres prepares once per connection.
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    Object.assign(client, {
      query: (text: unknown, ...rest: unknown[]) => {
        const name = typeof text === 'string' ? preparedOnPg.get(text) : undefined;
        return name === undefined ? query(text, ...rest) : query({ name, text, values: rest[0] }, ...rest.slice(1));
      },
    });
  });
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

/**
 * A query for a hot path, built and compiled by Kysely once per dialect and then run with new
 * parameters: building and compiling cost more than a point query by key itself. `build` makes the
 * query with placeholder values; `run` passes the real ones in the order the query binds them
 * (the order of the builder calls). Kysely otherwise rebuilds and recompiles every query it runs.
 */
export function precompiled<R>(build: (db: Executor) => Compilable<R>): (db: Executor, parameters: readonly unknown[]) => Promise<QueryResult<R>> {
  const compiled = new Map<Dialect, CompiledQuery<R>>();
  return (db, parameters) => {
    const dialect = dialectOf(db);
    let query = compiled.get(dialect);
    if (!query) {
      query = build(db).compile();
      compiled.set(dialect, query);
    }
    return db.executeQuery<R>(CompiledQuery.raw(query.sql, [...parameters]) as CompiledQuery<R>);
  };
}

/**
 * `precompiled` for a hot read whose rows the caller takes apart at once: each row an array of the column
 * values in the order the SELECT names them. On SQLite they come as arrays from the native statement
 * (`sqliteRows`); on PostgreSQL from the driver's objects (their property order is the column order).
 */
export function precompiledRows(build: (db: Executor) => Compilable<unknown>): (db: Executor, parameters: readonly unknown[]) => Promise<unknown[][]> {
  const compiled = new Map<Dialect, CompiledQuery>();
  return async (db, parameters) => {
    const dialect = dialectOf(db);
    let query = compiled.get(dialect);
    if (!query) {
      query = build(db).compile();
      compiled.set(dialect, query);
    }
    const rows = await sqliteRows(db, query.sql, parameters);
    if (rows) return rows;
    const r = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(query.sql, [...parameters]));
    return r.rows.map((row) => Object.values(row));
  };
}

/** Current time as the platform stores it: ISO-8601 UTC text with milliseconds (sortable as text). */
export function nowIso(): string {
  return new Date().toISOString();
}
