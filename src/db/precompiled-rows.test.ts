import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { precompiledRows, sqliteRows } from './database.ts';

type Db = Kysely<{ rows_probe: { id: number; label: string; note: string | null } }>;

describeEachDialect('rows as arrays for hot reads', (get) => {
  const db = () => get().db as unknown as Db;
  const byRange = precompiledRows((e) => (e as unknown as Db).selectFrom('rows_probe').select(['label', 'id', 'note']).where('id', '>', 0).orderBy('id').limit(0));

  beforeAll(async () => {
    await sql`create table rows_probe (id integer primary key, label text not null, note text)`.execute(db());
    for (let i = 1; i <= 5; i++) await sql`insert into rows_probe (id, label, note) values (${i}, ${`第 ${i} 行`}, ${i % 2 ? null : 'even'})`.execute(db());
  });

  it('gives each row as its column values in the order the query selects them, with the parameters of each call', async () => {
    expect(await byRange(db(), [1, 2])).toEqual([
      ['第 2 行', 2, 'even'],
      ['第 3 行', 3, null],
    ]);
    expect(await byRange(db(), [4, 10])).toEqual([['第 5 行', 5, null]]);
    expect(await byRange(db(), [5, 10])).toEqual([]);
  });

  it('reads inside a transaction what the transaction wrote, and nothing of it after a rollback', async () => {
    await expect(
      db().transaction().execute(async (tx) => {
        await sql`insert into rows_probe (id, label, note) values (6, '第 6 行', null)`.execute(tx);
        expect((await byRange(tx, [5, 10])).map((r) => r[1])).toEqual([6]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await byRange(db(), [5, 10])).toEqual([]);
  });

  it('waits on SQLite for a transaction in progress instead of reading in the middle of it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const wrote = new Promise<void>((r) => (inserted = r));
    const tx = db().transaction().execute(async (t) => {
      await sql`insert into rows_probe (id, label, note) values (7, '第 7 行', null)`.execute(t);
      inserted();
      await held;
      await sql`delete from rows_probe where id = 7`.execute(t);
    });
    await wrote;
    const read = byRange(db(), [6, 10]);
    release();
    await tx;
    // PostgreSQL reads the committed state at once; SQLite has one connection and reads after the transaction: either way
    // the row the transaction added and removed again is never seen.
    expect(await read).toEqual([]);
    expect(await sqliteRows(db(), 'select 1', [])).toEqual(get().dialect === 'sqlite' ? [[1]] : undefined);
  });
});
