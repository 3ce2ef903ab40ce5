import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import { hashLeaf, treeHash } from './merkle.ts';
import { TransparencyLog, type LogEntry } from './transparency-log.ts';

const event = (i: number) => ({ type: 'application.filed', registrationId: `R${i}`, seq: i });

/* Appends that start from a guessed head (the head this instance left last): concurrency, rollbacks, other processes, bulk. */
describeEachDialect('registry transparency log appends', (get) => {
  const signer = LocalKeySigner.generate();
  const open = () => new TransparencyLog(get().db, signer, { origin: 'landao.test/registry-log' });
  let shared: TransparencyLog; // one instance, as the platform has, so appends start from its guess
  beforeAll(() => {
    shared = open();
  });
  const appendWith = (log: TransparencyLog, e: LogEntry) => get().db.transaction().execute((tx) => log.append(tx, e));
  /** Every entry in index order, and the log checked end to end against the leaves it holds. */
  const contents = async (): Promise<LogEntry[]> => {
    const n = await shared.size();
    const entries: LogEntry[] = [];
    for (let i = 0; i < n; i++) entries.push((await shared.entry(i))!.entry);
    expect(await shared.rootHash(n)).toBe(treeHash(entries.map((e) => hashLeaf(canonicalJson(e)))).toString('hex'));
    expect((await shared.verify()).problems).toEqual([]);
    return entries;
  };

  it('keeps indices dense and each entry at its index when one instance serves many transactions at once', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => appendWith(shared, event(i))));
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const entries = await contents();
    results.forEach((r, i) => expect(entries[r.index]).toEqual(event(i)));
  });

  it('gives the index of a rolled-back append, which a later append had counted on, to that later append', async () => {
    let release = (): void => undefined;
    let appended = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const first = new Promise<void>((r) => (appended = r));
    const doomed = get().db.transaction().execute(async (tx) => {
      expect((await shared.append(tx, event(100))).index).toBe(30);
      appended();
      await gate;
      throw new Error('rolled back');
    });
    await first;
    const later = appendWith(shared, event(101)); // starts from the doomed append's head
    release();
    await expect(doomed).rejects.toThrow('rolled back');
    expect((await later).index).toBe(30);
    expect((await contents())[30]).toEqual(event(101));
    expect((await appendWith(shared, event(102))).index).toBe(31);
  });

  it('does not build on a guessed head of the right size that holds another tree (rolled back here, appended by another process)', async () => {
    await expect(
      get().db.transaction().execute(async (tx) => {
        await shared.append(tx, event(110));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await appendWith(open(), event(111))).index).toBe(32); // same size as the guess, another leaf
    expect((await appendWith(shared, event(112))).index).toBe(33);
    expect((await contents()).slice(32)).toEqual([event(111), event(112)]);
  });

  it('keeps one tree when another instance (another process) appends in between', async () => {
    const other = open();
    for (let i = 0; i < 6; i++) {
      expect((await appendWith(other, event(200 + i))).index).toBe(34 + 2 * i);
      expect((await appendWith(shared, event(300 + i))).index).toBe(35 + 2 * i);
    }
    await Promise.all(Array.from({ length: 10 }, (_, i) => appendWith(i % 2 ? shared : other, event(400 + i))));
    const entries = await contents();
    expect(entries).toHaveLength(56);
    expect(entries.slice(34, 46)).toEqual([200, 300, 201, 301, 202, 302, 203, 303, 204, 304, 205, 305].map(event));
  });

  it('appends many entries with one call, at consecutive indices, giving the tree that one at a time gives', async () => {
    const batch = Array.from({ length: 37 }, (_, i) => event(500 + i));
    const results = await get().db.transaction().execute((tx) => shared.appendMany(tx, batch));
    expect(results).toEqual(batch.map((e, i) => ({ index: 56 + i, leafHash: hashLeaf(canonicalJson(e)).toString('hex') })));
    expect(await shared.appendMany(get().db, [])).toEqual([]);
    expect((await shared.appendMany(get().db, [event(600)]))[0]!.index).toBe(93);
    expect((await contents()).slice(56)).toEqual([...batch, event(600)]);
  });

  it('refuses a batch with an entry that is not a JSON object, naming it, and appends none of the batch', async () => {
    await expect(shared.appendMany(get().db, [event(700), 'x' as unknown as LogEntry])).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'entries[1]' } });
    expect(await shared.size()).toBe(94);
  });

  it('keeps dense indices when batches and single appends of two instances run at once', async () => {
    const other = open();
    const work = Array.from({ length: 12 }, (_, i) =>
      get().db.transaction().execute(async (tx) => {
        const log = i % 3 === 0 ? other : shared;
        if (i % 2 === 0) return (await log.appendMany(tx, [event(800 + i), event(900 + i), event(1000 + i)])).map((r) => r.index);
        return [(await log.append(tx, event(800 + i))).index];
      }),
    );
    const indices = (await Promise.all(work)).flat().sort((a, b) => a - b);
    expect(indices).toEqual(Array.from({ length: 24 }, (_, i) => 94 + i));
    expect(await contents()).toHaveLength(118);
  });
});
