import { sql } from 'kysely';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase, testDialects } from '../../../../test/helpers/db.ts';
import type { Database } from '../../../db/database.ts';
import { checkSelect, openReader, redactUrl, ReaderError, type TableReader } from './index.ts';

async function readAll(reader: TableReader): Promise<{ rows: string[][]; firstRows: number[] }> {
  const rows: string[][] = [];
  const firstRows: number[] = [];
  for await (const b of reader.batches()) {
    firstRows.push(b.firstRow);
    rows.push(...b.rows);
  }
  return { rows, firstRows };
}

describe('database query guard', () => {
  it('accepts one SELECT and refuses everything else', () => {
    expect(checkSelect('select * from t where a = 1;', 'postgres')).toBeNull();
    expect(checkSelect("WITH x AS (SELECT 1) SELECT * FROM x WHERE note = 'drop table; delete'", 'postgres')).toBeNull();
    expect(checkSelect('(select 1) union (select 2)', 'mysql')).toBeNull();
    expect(checkSelect('select $$;update$$', 'postgres')).toBeNull();
    expect(checkSelect('select 1; select 2', 'postgres')).toBe('only one statement is allowed');
    expect(checkSelect('delete from t', 'postgres')).toBe('only a SELECT query is allowed');
    expect(checkSelect('with d as (delete from t returning *) select * from d', 'postgres')).toBe('only reading is allowed');
    expect(checkSelect("select * into outfile '/tmp/x' from t", 'mysql')).toBe('SELECT … INTO is not allowed');
    expect(checkSelect('select * from t for update', 'postgres')).toBe('row locks (FOR UPDATE/SHARE) are not allowed');
    expect(checkSelect("select 'it''s' -- ; drop\n", 'postgres')).toBeNull();
    expect(checkSelect("select 'x\\'; drop table t; -- '", 'mysql')).toBeNull();
  });

  it('never shows the password of a database URL', () => {
    expect(redactUrl('postgres://scan:s3cret@db.example/x?table=t')).toBe('postgres://scan:***@db.example/x?table=t');
  });
});

const pgEnabled = testDialects().includes('postgres');

describe.skipIf(!pgEnabled)('PostgreSQL reader', () => {
  let database: (Database & { dispose(): Promise<void> }) | undefined;
  let url = '';

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    const db = database.db;
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
    const u = new URL(inject('pgAdminUrl'));
    u.pathname = '/' + rows[0]!.name;
    url = u.toString();
    await sql`create schema scan_src`.execute(db);
    await sql`create table scan_src.people (id bigint primary key, "身份证号" text, name text, born date, seen timestamptz, note text)`.execute(db);
    await sql`insert into scan_src.people
      select g, '11010519491231' || lpad(g::text, 4, '0'), 'person ' || g, date '1990-01-01' + g,
             timestamptz '2024-03-01 13:45:00+00', case when g % 2 = 0 then null else '备注' end
      from generate_series(1, 2500) g`.execute(db);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  it('streams a table in batches with every value as the text PostgreSQL sends', async () => {
    const reader = await openReader(`${url}?table=scan_src.people&options=-c%20TimeZone%3DUTC`, { batchRows: 1000 });
    expect(reader.format).toBe('postgres');
    expect(reader.columns()).toEqual(['id', '身份证号', 'name', 'born', 'seen', 'note']);
    const { rows, firstRows } = await readAll(reader);
    expect(firstRows).toEqual([1, 1001, 2001]);
    expect(rows).toHaveLength(2500);
    const sorted = [...rows].sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(sorted[0]).toEqual(['1', '110105194912310001', 'person 1', '1990-01-02', '2024-03-01 13:45:00+00', '备注']);
    expect(sorted[1]![5]).toBe('');
    expect(reader.bytesRead()).toBeGreaterThan(0);
    expect(reader.totalBytes()).toBeUndefined();
  });

  it('runs a read-only SELECT query and stops early with `sample`', async () => {
    const q = encodeURIComponent('select id, name from scan_src.people where id > 100 order by id');
    const reader = await openReader(`${url}?query=${q}`, { sample: 5, batchRows: 2 });
    const { rows, firstRows } = await readAll(reader);
    expect(rows).toEqual([
      ['101', 'person 101'],
      ['102', 'person 102'],
      ['103', 'person 103'],
      ['104', 'person 104'],
      ['105', 'person 105'],
    ]);
    expect(firstRows).toEqual([1, 3, 5]);
  });

  it('keeps the transaction read-only even for a query that would write', async () => {
    const q = encodeURIComponent("select nextval('scan_seq')");
    await sql`create sequence scan_seq`.execute(database!.db);
    const err = await openReader(`${url}?query=${q}`).then(readAll).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReaderError);
    expect((err as ReaderError).message).toMatch(/read-only transaction/);
  });

  it('refuses a query that is not a single SELECT, before connecting', async () => {
    const err = await openReader(`${url}?query=${encodeURIComponent('drop table scan_src.people')}`).catch((e: unknown) => e);
    expect((err as ReaderError).code).toBe('bad_request');
    expect((err as ReaderError).message).toMatch(/refused query: only a SELECT query is allowed$/);
  });

  it('reports a missing table as a bad request naming the source without its password', async () => {
    const u = new URL(url);
    u.password = 'secret-pw';
    const err = (await openReader(`${u.toString()}?table=nope`).catch((e: unknown) => e)) as ReaderError;
    expect(err).toBeInstanceOf(ReaderError);
    expect(err.message).not.toContain('secret-pw');
    expect(err.message).toMatch(/relation "nope" does not exist/);
  });
});

// MariaDB/MySQL: optional; the suite is skipped with a message when the server is unreachable.
const MYSQL_URL = process.env.LANDAO_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const mysqlUp = await mysql
  .createConnection({ uri: MYSQL_URL, connectTimeout: 2000 })
  .then(async (c) => {
    await c.end();
    return true;
  })
  .catch((e: Error) => {
    console.warn(`[readers] MySQL/MariaDB unreachable at ${redactUrl(MYSQL_URL)} (${e.message}): MySQL reader tests skipped`);
    return false;
  });

describe.skipIf(!mysqlUp)('MySQL reader', () => {
  const table = `scan_people_${process.pid}_${Date.now().toString(36)}`;
  let conn: mysql.Connection;

  beforeAll(async () => {
    conn = await mysql.createConnection({ uri: MYSQL_URL });
    await conn.query(`create table ${table} (id bigint primary key, idno varchar(18), name varchar(50), born date, note text) default charset utf8mb4`);
    const values = Array.from({ length: 1200 }, (_, i) => [i + 1, `11010519491231${String(i + 1).padStart(4, '0')}`, `张${i + 1}`, '1990-01-02', i % 2 ? null : '备注']);
    await conn.query(`insert into ${table} values ?`, [values]);
  });

  afterAll(async () => {
    await conn?.query(`drop table if exists ${table}`);
    await conn?.end();
  });

  it('streams a table in batches with values as text', async () => {
    const reader = await openReader(`${MYSQL_URL}?table=${table}`, { batchRows: 500 });
    expect(reader.format).toBe('mysql');
    expect(reader.columns()).toEqual(['id', 'idno', 'name', 'born', 'note']);
    const { rows, firstRows } = await readAll(reader);
    expect(firstRows).toEqual([1, 501, 1001]);
    expect(rows).toHaveLength(1200);
    expect(rows.find((r) => r[0] === '1')).toEqual(['1', '110105194912310001', '张1', '1990-01-02', '备注']);
    expect(rows.find((r) => r[0] === '2')![4]).toBe('');
  });

  it('stops early with `sample` and refuses SELECT … INTO OUTFILE', async () => {
    const q = encodeURIComponent(`select id from ${table} order by id`);
    const { rows } = await readAll(await openReader(`${MYSQL_URL}?query=${q}`, { sample: 3 }));
    expect(rows).toEqual([['1'], ['2'], ['3']]);
    const bad = encodeURIComponent(`select * from ${table} into outfile '/tmp/x'`);
    await expect(openReader(`${MYSQL_URL}?query=${bad}`)).rejects.toThrow(/SELECT … INTO is not allowed/);
  });
});
