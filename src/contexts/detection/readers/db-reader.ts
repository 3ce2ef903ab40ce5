/**
 * Database readers: `postgres://user@host/db?table=name` (or `?query=select…`) and the same for
 * `mysql://` / `mariadb://`. Rows are streamed (PostgreSQL: a server-side cursor via pg-cursor;
 * MySQL: mysql2's row stream, paused between batches) inside a READ ONLY transaction; `query`
 * must be a single SELECT (sql-guard.ts). Every value comes back as the text the server sends
 * (no JS number or Date conversion, so IDs and timestamps stay exact); NULL → ''.
 *
 * The `table`, `query` and `schema` parameters are removed before connecting; other parameters
 * (sslmode, …) are passed to the driver. The password never appears in `source` or in messages.
 */
import pg from 'pg';
import Cursor from 'pg-cursor';
import mysql from 'mysql2';
import type { Readable } from 'node:stream';
import { checkSelect, quoteTable, redactUrl, type SqlDialect } from './sql-guard.ts';
import { checkAborted, oneLine, ReaderError, resolveOptions, type ReaderOptions, type RowBatch, type TableReader } from './types.ts';

interface Target {
  dialect: SqlDialect;
  connection: string;
  sql: string;
  source: string;
}

function parseTarget(input: string): Target {
  const source = redactUrl(input);
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    throw new ReaderError(source, 'invalid database URL', {}, 'bad_request');
  }
  const dialect: SqlDialect = /^postgres/i.test(u.protocol) ? 'postgres' : 'mysql';
  const table = u.searchParams.get('table');
  const query = u.searchParams.get('query');
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('table');
  u.searchParams.delete('query');
  u.searchParams.delete('schema');
  if (dialect === 'mysql' && /^mariadb:/i.test(u.protocol)) u.protocol = 'mysql:';
  if ((table === null) === (query === null)) throw new ReaderError(source, 'give exactly one of ?table=name or ?query=select…', {}, 'bad_request');
  let sql: string;
  if (table !== null) {
    const q = quoteTable(schema ? `${quoteIfPlain(schema)}.${quoteIfPlain(table)}` : table, dialect);
    if (!q) throw new ReaderError(source, `invalid table name ${JSON.stringify(table)}`, {}, 'bad_request');
    sql = `SELECT * FROM ${q}`;
  } else {
    const why = checkSelect(query!, dialect);
    if (why) throw new ReaderError(source, `refused query: ${why}`, {}, 'bad_request');
    sql = query!.trim().replace(/;+\s*$/, '');
  }
  return { dialect, connection: u.toString(), sql, source };
}

function quoteIfPlain(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function dbError(source: string, e: unknown): ReaderError {
  if (e instanceof ReaderError) return e;
  return new ReaderError(source, `database error: ${oneLine((e as Error).message ?? String(e))}`, {}, 'bad_request');
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));

export async function openDatabaseReader(input: string, opts: ReaderOptions = {}): Promise<TableReader> {
  const t = parseTarget(input);
  return t.dialect === 'postgres' ? openPostgres(t, opts) : openMysql(t, opts);
}

// ---------------------------------------------------------------------------------------------

const RAW_TYPES = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig;

async function openPostgres(t: Target, opts: ReaderOptions): Promise<TableReader> {
  const o = resolveOptions(opts);
  const client = new pg.Client({ connectionString: t.connection, application_name: 'landao-scan' });
  let closed = false;
  let cursor: Cursor<unknown[]> | null = null;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      if (cursor) await cursor.close();
      await client.query('ROLLBACK');
    } catch {
      // the connection may be broken already
    }
    await client.end().catch(() => undefined);
  };
  client.on('error', () => undefined); // reported through the pending call instead
  const onAbort = (): void => void close();
  let columns: string[] = [];
  let first: unknown[][] = [];
  try {
    await client.connect();
    await client.query('BEGIN TRANSACTION READ ONLY');
    cursor = client.query(new Cursor<unknown[]>(t.sql, [], { rowMode: 'array', types: RAW_TYPES }));
    // The first read returns the columns too.
    first = await new Promise<unknown[][]>((resolve, reject) => {
      cursor!.read(Math.min(o.batchRows, Math.max(1, o.sample)), (err, rows, result) => {
        if (err) return reject(err);
        columns = (result?.fields ?? []).map((f) => f.name);
        resolve(rows);
      });
    });
  } catch (e) {
    await close();
    throw dbError(t.source, e);
  }
  o.signal?.addEventListener('abort', onAbort, { once: true });
  let bytes = 0;
  const toRows = (rows: unknown[][]): string[][] =>
    rows.map((r) => {
      const out = new Array<string>(r.length);
      for (let i = 0; i < r.length; i++) {
        const s = text(r[i]);
        bytes += s.length + 1;
        out[i] = s;
      }
      return out;
    });
  async function* generate(): AsyncGenerator<RowBatch> {
    try {
      let emitted = 0;
      let batch = first;
      first = [];
      while (batch.length > 0 && emitted < o.sample) {
        const rows = toRows(batch.slice(0, o.sample - emitted));
        yield { firstRow: emitted + 1, rows };
        emitted += rows.length;
        if (emitted >= o.sample || batch.length < 1) break;
        checkAborted(o.signal);
        try {
          batch = await cursor!.read(Math.min(o.batchRows, o.sample - emitted));
        } catch (e) {
          checkAborted(o.signal);
          throw dbError(t.source, e);
        }
      }
    } finally {
      o.signal?.removeEventListener('abort', onAbort);
      await close();
    }
  }
  return tableReader({
    source: t.source,
    format: 'postgres',
    columns: () => columns,
    generate,
    bytesRead: () => bytes,
    close: async () => {
      o.signal?.removeEventListener('abort', onAbort);
      await close();
    },
  });
}

// ---------------------------------------------------------------------------------------------

async function openMysql(t: Target, opts: ReaderOptions): Promise<TableReader> {
  const o = resolveOptions(opts);
  const conn = mysql.createConnection({ uri: t.connection, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, connectTimeout: 10000 });
  conn.on('error', () => undefined);
  let closed = false;
  let stream: Readable | null = null;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    stream?.destroy();
    // A streaming result cannot be abandoned politely: drop the connection (the transaction is
    // read-only and rolls back).
    conn.destroy();
  };
  const run = (sql: string): Promise<void> =>
    new Promise((resolve, reject) => conn.query(sql, (err) => (err ? reject(err) : resolve())));
  let columns: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
    await run('SET SESSION TRANSACTION READ ONLY');
    await run('START TRANSACTION READ ONLY');
    const query = conn.query({
      sql: t.sql,
      rowsAsArray: true,
      typeCast: (field: { string: () => string | null }) => field.string() ?? '',
    });
    stream = query.stream({ highWaterMark: Math.max(16, o.batchRows) });
    // Wait for the column definitions (or the first error).
    columns = await new Promise<string[]>((resolve, reject) => {
      let done = false;
      query.once('fields', (fields: { name: string }[] | undefined) => {
        done = true;
        resolve((fields ?? []).map((f) => f.name));
      });
      query.once('error', (e: Error) => !done && reject(e));
      query.once('end', () => !done && resolve([]));
    });
  } catch (e) {
    await close();
    throw dbError(t.source, e);
  }
  const onAbort = (): void => void close();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  let bytes = 0;
  async function* generate(): AsyncGenerator<RowBatch> {
    try {
      let emitted = 0;
      let rows: string[][] = [];
      if (o.sample <= 0) return;
      try {
        for await (const r of stream as AsyncIterable<unknown[]>) {
          const row = new Array<string>(r.length);
          for (let i = 0; i < r.length; i++) {
            const s = text(r[i]);
            bytes += s.length + 1;
            row[i] = s;
          }
          rows.push(row);
          if (rows.length >= o.batchRows || emitted + rows.length >= o.sample) {
            yield { firstRow: emitted + 1, rows };
            emitted += rows.length;
            rows = [];
            if (emitted >= o.sample) return;
            checkAborted(o.signal);
          }
        }
      } catch (e) {
        checkAborted(o.signal);
        throw dbError(t.source, e);
      }
      if (rows.length) yield { firstRow: emitted + 1, rows };
    } finally {
      o.signal?.removeEventListener('abort', onAbort);
      await close();
    }
  }
  return tableReader({
    source: t.source,
    format: 'mysql',
    columns: () => columns,
    generate,
    bytesRead: () => bytes,
    close: async () => {
      o.signal?.removeEventListener('abort', onAbort);
      await close();
    },
  });
}

/** The TableReader face shared by both database readers: rows can be iterated once. */
function tableReader(r: {
  source: string;
  format: 'postgres' | 'mysql';
  columns: () => string[];
  generate: () => AsyncIterable<RowBatch>;
  bytesRead: () => number;
  close: () => Promise<void>;
}): TableReader {
  let iterated = false;
  return {
    source: r.source,
    format: r.format,
    columns: r.columns,
    batches: () => {
      if (iterated) throw new Error('batches() can be iterated once');
      iterated = true;
      return r.generate();
    },
    bytesRead: r.bytesRead,
    totalBytes: () => undefined,
    close: r.close,
  };
}
