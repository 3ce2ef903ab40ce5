import crypto from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { partitionOf, STAGING_PARTITIONS } from './ledger.repo.ts';
import { LedgerService, type LedgerPerson } from './ledger.service.ts';

/** Deterministic 32-byte person hashes (stand-ins for `personHash`). */
const hash = (n: number, ns = 'p'): Buffer => crypto.createHash('sha256').update(`${ns}:${n}`).digest();
const persons = (from: number, to: number, sensitive = false): LedgerPerson[] =>
  Array.from({ length: to - from }, (_, i) => ({ hash: hash(from + i), sensitive }));

describe('staging partitions', () => {
  it('cut the key space into contiguous ranges by the first bits of the hash', () => {
    const first = (b: number) => Buffer.concat([Buffer.from([b]), Buffer.alloc(31, 0xff)]);
    expect([0x00, 0x0f, 0x10, 0x7f, 0x80, 0xff].map((b) => partitionOf(first(b), STAGING_PARTITIONS))).toEqual([0, 0, 1, 7, 8, 15]);
    expect(partitionOf(first(0xff), 1)).toBe(0);
  });
});

describeEachDialect('customs person ledger', (get) => {
  // Small chunks so that every test also crosses chunk boundaries.
  const ledger = new LedgerService(undefined, 7);
  let declaration = 0;
  const add = (exporterId: number, year: number, ps: Iterable<LedgerPerson> | AsyncIterable<LedgerPerson>) =>
    ledger.add(get().db, { exporterId, year, declarationId: ++declaration, persons: ps });

  it('counts distinct persons across declarations', async () => {
    const first = await add(1, 2026, persons(0, 30));
    expect(first).toEqual({ added: 30, upgradedToSensitive: 0, totals: { personalSubjects: 30, sensitiveSubjects: 0 } });
    const second = await add(1, 2026, persons(20, 50));
    expect(second.added).toBe(20);
    expect(second.totals).toEqual({ personalSubjects: 50, sensitiveSubjects: 0 });
    expect(await ledger.totals(get().db, 1, 2026)).toEqual({ personalSubjects: 50, sensitiveSubjects: 0 });
  });

  it('adds none when the same persons leave again, repeated within a transfer or not', async () => {
    const again = await add(1, 2026, [...persons(0, 50), ...persons(10, 20)]);
    expect(again).toEqual({ added: 0, upgradedToSensitive: 0, totals: { personalSubjects: 50, sensitiveSubjects: 0 } });
  });

  it('moves a person first sent without and later with sensitive data, keeping the total', async () => {
    const r = await add(1, 2026, [...persons(0, 5, true), ...persons(100, 103, true)]);
    expect(r).toEqual({ added: 3, upgradedToSensitive: 5, totals: { personalSubjects: 45, sensitiveSubjects: 8 } });
    const back = await add(1, 2026, persons(0, 5, false));
    expect(back).toEqual({ added: 0, upgradedToSensitive: 0, totals: { personalSubjects: 45, sensitiveSubjects: 8 } });
  });

  it('counts a person with and without sensitive data in one transfer once, as sensitive', async () => {
    const r = await add(5, 2026, [{ hash: hash(1), sensitive: false }, { hash: hash(1), sensitive: true }, { hash: hash(2), sensitive: false }]);
    expect(r.added).toBe(2);
    expect(r.totals).toEqual({ personalSubjects: 1, sensitiveSubjects: 1 });
  });

  it('adds a small transfer to a large ledger by lookups, counting as a merge would', async () => {
    // 1,000 persons make each key range large against the ~1 staged person per range that follows.
    await add(9, 2026, persons(0, 1_000));
    const r = await add(9, 2026, [...persons(990, 1_010), ...persons(1_000, 1_005), ...persons(995, 1_000, true)]);
    expect(r).toEqual({ added: 10, upgradedToSensitive: 5, totals: { personalSubjects: 1_005, sensitiveSubjects: 5 } });
  });

  it('starts a new calendar year from zero', async () => {
    expect(await ledger.totals(get().db, 1, 2027)).toEqual({ personalSubjects: 0, sensitiveSubjects: 0 });
    const r = await add(1, 2027, persons(0, 10));
    expect(r).toEqual({ added: 10, upgradedToSensitive: 0, totals: { personalSubjects: 10, sensitiveSubjects: 0 } });
    expect(await ledger.totals(get().db, 1, 2026)).toEqual({ personalSubjects: 45, sensitiveSubjects: 8 });
  });

  it('keeps two exporters apart', async () => {
    const r = await add(2, 2026, persons(0, 50));
    expect(r.added).toBe(50);
    expect(r.totals).toEqual({ personalSubjects: 50, sensitiveSubjects: 0 });
    expect(await ledger.totals(get().db, 1, 2026)).toEqual({ personalSubjects: 45, sensitiveSubjects: 8 });
  });

  it('previews the counts of a transfer without writing', async () => {
    const input = { exporterId: 1, year: 2026, declarationId: 999, persons: [...persons(40, 60), ...persons(45, 48, true)] };
    const expected = { added: 10, upgradedToSensitive: 3, totals: { personalSubjects: 52, sensitiveSubjects: 11 } };
    expect(await ledger.preview(get().db, input)).toEqual(expected);
    expect(await ledger.totals(get().db, 1, 2026)).toEqual({ personalSubjects: 45, sensitiveSubjects: 8 });
    const inTx = await get().db.transaction().execute(async (tx) => {
      const r = await ledger.preview(tx, input);
      return { r, after: await ledger.totals(tx, 1, 2026) };
    });
    expect(inTx.r).toEqual(expected);
    expect(inTx.after).toEqual({ personalSubjects: 45, sensitiveSubjects: 8 });
    // Nothing was written: adding for real finds the same persons new.
    expect(await ledger.add(get().db, input)).toEqual(expected);
  });

  it('previews a long stream with repeats and upgrades as adding it then counts, two previews at once alike', async () => {
    await add(10, 2026, [...persons(0, 40), ...persons(40, 50, true)]);
    const input = {
      exporterId: 10,
      year: 2026,
      declarationId: 998,
      // Known, upgraded, new sensitive met also without, new non-sensitive, repeats: across chunks of 7.
      persons: [...persons(30, 45), ...persons(35, 38, true), ...persons(60, 70, true), ...persons(60, 65), ...persons(70, 75), ...persons(30, 32)],
    };
    const [a, b] = await Promise.all([ledger.preview(get().db, input), ledger.preview(get().db, input)]);
    expect(a).toEqual({ added: 15, upgradedToSensitive: 3, totals: { personalSubjects: 42, sensitiveSubjects: 23 } });
    expect(b).toEqual(a);
    expect(await ledger.totals(get().db, 10, 2026)).toEqual({ personalSubjects: 40, sensitiveSubjects: 10 });
    expect(await ledger.add(get().db, input)).toEqual(a);
  });

  it('leaves persons and totals unchanged when the surrounding transaction rolls back', async () => {
    const before = await ledger.totals(get().db, 1, 2026);
    await expect(
      get().db.transaction().execute(async (tx) => {
        const r = await ledger.add(tx, { exporterId: 1, year: 2026, declarationId: 1000, persons: persons(500, 520, true) });
        expect(r.added).toBe(20);
        throw new Error('declaration refused');
      }),
    ).rejects.toThrow('declaration refused');
    expect(await ledger.totals(get().db, 1, 2026)).toEqual(before);
    expect((await add(1, 2026, persons(500, 520, true))).added).toBe(20);
  });

  it('adds a person met without and, further down the same stream, with sensitive data once, as sensitive', async () => {
    // Chunks of 7: the non-sensitive records are staged several chunks before the sensitive ones.
    const r = await add(6, 2026, [...persons(0, 20), ...persons(0, 20, true), ...persons(20, 25)]);
    expect(r).toEqual({ added: 25, upgradedToSensitive: 0, totals: { personalSubjects: 5, sensitiveSubjects: 20 } });
  });

  it('counts exactly when an earlier addition in the same transaction failed half way', async () => {
    const r = await get().db.transaction().execute(async (tx) => {
      const bad = [...persons(600, 610), { hash: Buffer.alloc(31), sensitive: false }];
      await expect(ledger.add(tx, { exporterId: 7, year: 2026, declarationId: 2000, persons: bad })).rejects.toMatchObject({ code: 'validation_failed' });
      return ledger.add(tx, { exporterId: 7, year: 2026, declarationId: 2001, persons: persons(600, 605) });
    });
    expect(r).toEqual({ added: 5, upgradedToSensitive: 0, totals: { personalSubjects: 5, sensitiveSubjects: 0 } });
  });

  it('previews twice in one transaction and then adds, with the same counts each time', async () => {
    const input = { exporterId: 8, year: 2026, declarationId: 3000, persons: [...persons(0, 12), ...persons(5, 9, true)] };
    const expected = { added: 12, upgradedToSensitive: 0, totals: { personalSubjects: 8, sensitiveSubjects: 4 } };
    const results = await get().db.transaction().execute(async (tx) => [
      await ledger.preview(tx, input),
      await ledger.preview(tx, input),
      await ledger.add(tx, input),
    ]);
    expect(results).toEqual([expected, expected, expected]);
  });

  it('leaves the connection’s memory settings as they were after an addition', async () => {
    const setting = async () =>
      get().dialect === 'postgres'
        ? (await sql<{ v: string }>`SELECT current_setting('work_mem') AS v`.execute(get().db)).rows[0]!.v
        : String((await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(get().db)).rows[0]!.cache_size);
    const before = await setting();
    await add(9, 2026, persons(0, 10));
    await expect(add(9, 2026, [{ hash: Buffer.alloc(1), sensitive: false }])).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await setting()).toBe(before);
  });

  it('refuses a hash that is not 32 bytes', async () => {
    await expect(add(1, 2026, [{ hash: Buffer.alloc(31), sensitive: false }])).rejects.toMatchObject({ code: 'validation_failed' });
  });

  describe('in volume', () => {
    const big = new LedgerService();
    async function* stream(n: number): AsyncGenerator<LedgerPerson> {
      for (let i = 0; i < n; i++) yield { hash: hash(i, 'volume'), sensitive: i % 10 === 0 };
    }

    it('adds 50,000 persons from a stream, and none when they come again', async () => {
      const first = await big.add(get().db, { exporterId: 3, year: 2026, declarationId: 1, persons: stream(50_000) });
      expect(first).toEqual({ added: 50_000, upgradedToSensitive: 0, totals: { personalSubjects: 45_000, sensitiveSubjects: 5_000 } });
      const again = await big.add(get().db, { exporterId: 3, year: 2026, declarationId: 2, persons: stream(50_000) });
      expect(again).toEqual({ added: 0, upgradedToSensitive: 0, totals: { personalSubjects: 45_000, sensitiveSubjects: 5_000 } });
    });
  });
});
