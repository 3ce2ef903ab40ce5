import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, precompiled } from './database.ts';

// The statement cache is a property of the SQLite connection alone (PostgreSQL has no such layer here).
describe('the SQLite connection’s statement cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-db-'));
  const database = openSqlite(path.join(dir, 'cache.db'));
  const db = database.db as Kysely<{ items: { id: number; name: string } }>;
  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a repeated query with new parameters each time', async () => {
    await sql`create table items (id integer primary key, name text not null)`.execute(db);
    for (let i = 1; i <= 5; i++) await sql`insert into items (id, name) values (${i}, ${`item ${i}`})`.execute(db);
    const names: string[] = [];
    for (let i = 1; i <= 5; i++) names.push((await sql<{ name: string }>`select name from items where id = ${i}`.execute(db)).rows[0]!.name);
    expect(names).toEqual(['item 1', 'item 2', 'item 3', 'item 4', 'item 5']);
  });

  it('runs a query again after a stream of the same query stopped early', async () => {
    const query = () => db.selectFrom('items').select(['id', 'name']).where('id', '<=', 3).orderBy('id');
    for await (const row of query().stream()) {
      expect(row.name).toBe('item 1');
      break;
    }
    expect((await query().execute()).map((r) => r.name)).toEqual(['item 1', 'item 2', 'item 3']);
    const streamed: string[] = [];
    for await (const row of query().stream()) streamed.push(row.name);
    expect(streamed).toEqual(['item 1', 'item 2', 'item 3']);
  });

  it('runs a precompiled query with the parameters of each call, in binding order', async () => {
    const byRange = precompiled((e) => (e as typeof db).selectFrom('items').select('name').where('id', '>=', 0).where('id', '<=', 0).orderBy('id'));
    expect((await byRange(db, [2, 3])).rows.map((r) => r.name)).toEqual(['item 2', 'item 3']);
    expect((await byRange(db, [5, 9])).rows.map((r) => r.name)).toEqual(['item 5']);
  });

  it('sees a table changed after its statements were prepared', async () => {
    expect((await sql<{ n: number }>`select count(*) as n from items`.execute(db)).rows[0]!.n).toBe(5);
    await sql`drop table items`.execute(db);
    await sql`create table items (id integer primary key, name text not null, extra text)`.execute(db);
    await sql`insert into items (id, name, extra) values (${9}, ${'again'}, ${'x'})`.execute(db);
    expect((await sql<{ n: number }>`select count(*) as n from items`.execute(db)).rows[0]!.n).toBe(1);
    expect((await db.selectFrom('items').select(['id', 'name']).where('id', '<=', 3).orderBy('id').execute()).length).toBe(0);
  });
});
