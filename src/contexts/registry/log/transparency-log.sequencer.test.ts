import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import type { Executor } from '../../../db/database.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import { AuditService, SYSTEM_ACTOR } from '../../audit/index.ts';
import { hashLeaf, treeHash } from './merkle.ts';
import { TransparencyLog, type LogEntry } from './transparency-log.ts';

const event = (i: number) => ({ type: 'application.filed', registrationId: `R${i}`, seq: i });

/* log.transact: concurrent works share one transaction and one commit, each in its own savepoint. */
describeEachDialect('registry transparency log sequencer', (get) => {
  const signer = LocalKeySigner.generate();
  let log: TransparencyLog;
  let audit: AuditService;
  beforeAll(async () => {
    log = new TransparencyLog(get().db, signer, { origin: 'landao.test/registry-log' });
    audit = new AuditService(get().db, signer);
    // A foreign key checked at COMMIT, so that a batch can fail at its commit and nowhere else.
    await sql`create table seq_test_parent (id integer primary key)`.execute(get().db);
    await sql`create table seq_test_child (id integer primary key, parent_id integer references seq_test_parent (id) deferrable initially deferred)`.execute(get().db);
  });

  /** A registry-like work: an audit event and a log leaf (as `RegistryService.event` writes them), returning the leaf index and the transaction it ran in. */
  const work = (i: number) => async (tx: Executor) => {
    const { index } = await log.append(tx, event(i));
    const { seq } = await audit.record(tx, SYSTEM_ACTOR, { action: 'test.sequenced', entityType: 'test', entityId: i, detail: { logIndex: index } });
    return { index, seq, tx };
  };

  /** Every entry in index order, with the log and the audit chain checked end to end. */
  const contents = async (): Promise<LogEntry[]> => {
    const n = await log.size();
    const entries: LogEntry[] = [];
    for (let i = 0; i < n; i++) entries.push((await log.entry(i))!.entry);
    expect(await log.rootHash(n)).toBe(treeHash(entries.map((e) => hashLeaf(canonicalJson(e)))).toString('hex'));
    expect((await log.verify()).problems).toEqual([]);
    expect((await audit.verify()).problems).toEqual([]);
    return entries;
  };

  it('runs concurrent works in one shared transaction, in arrival order, with dense indices and each entry at its index', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => log.transact(work(i))));
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(new Set(results.map((r) => r.tx)).size).toBeLessThan(40);
    const seqs = results.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => seqs[0]! + i));
    expect(await contents()).toEqual(Array.from({ length: 40 }, (_, i) => event(i)));
  });

  it('rolls a failing work back to its savepoint: its leaf and audit event leave no gap and the others commit', async () => {
    const failing = async (tx: Executor) => {
      await work(41)(tx);
      await work(42)(tx);
      throw new Error('refused after appending');
    };
    const broken = async (tx: Executor) => {
      await log.append(tx, event(43));
      await sql`insert into no_such_table values (1)`.execute(tx); // a failed statement (PostgreSQL aborts the transaction up to the savepoint)
    };
    const outcomes = await Promise.allSettled([log.transact(work(40)), log.transact(failing), log.transact(work(44)), log.transact(broken), log.transact(work(45))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused after appending' });
    const done = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<{ index: number; seq: number; tx: Executor }>).value);
    expect(done.map((d) => d.index)).toEqual([40, 41, 42]);
    expect(done[2]!.seq - done[0]!.seq).toBe(2);
    expect(new Set(done.map((d) => d.tx)).size).toBe(1);
    expect((await contents()).slice(40)).toEqual([event(40), event(44), event(45)]);
  });

  it('rejects every caller of a batch whose commit fails, and the next batch appends where the log stood', async () => {
    const size = await log.size();
    const dangling = async (tx: Executor) => {
      const r = await work(51)(tx);
      await sql`insert into seq_test_child (id, parent_id) values (1, 999)`.execute(tx); // accepted now, refused at COMMIT
      return r;
    };
    const outcomes = await Promise.allSettled([log.transact(work(50)), log.transact(dangling), log.transact(work(52))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await log.size()).toBe(size);
    const after = await Promise.all([log.transact(work(53)), log.transact(work(54))]);
    expect(after.map((r) => r.index)).toEqual([size, size + 1]);
    expect((await contents()).slice(size)).toEqual([event(53), event(54)]);
  });

  it('rejects a work alone in its batch with its own error and keeps nothing of it', async () => {
    const size = await log.size();
    await expect(
      log.transact(async (tx) => {
        await work(60)(tx);
        throw new Error('alone and refused');
      }),
    ).rejects.toThrow('alone and refused');
    expect(await log.size()).toBe(size);
    expect((await log.transact(work(61))).index).toBe(size);
    await contents();
  });

  it('runs a transact called inside a running work as part of that work instead of waiting for itself', async () => {
    const size = await log.size();
    const r = await log.transact(async (tx) => {
      const inner = await log.transact(async (innerTx) => ({ same: innerTx === tx, index: (await log.append(innerTx, event(70))).index }));
      return { inner, outer: (await log.append(tx, event(71))).index };
    });
    expect(r).toEqual({ inner: { same: true, index: size }, outer: size + 1 });
    expect((await contents()).slice(size)).toEqual([event(70), event(71)]);
  });

  it('keeps one dense tree when works, appends in their own transactions and another instance (another process) run at once', async () => {
    const size = await log.size();
    const other = new TransparencyLog(get().db, signer, { origin: 'landao.test/registry-log' });
    const runs = Array.from({ length: 24 }, (_, i) => {
      if (i % 3 === 0) return get().db.transaction().execute(async (tx) => (await log.append(tx, event(100 + i))).index);
      if (i % 3 === 1) return other.transact(async (tx) => (await other.appendMany(tx, [event(100 + i), event(200 + i)]))[1]!.index);
      return log.transact(async (tx) => (await log.append(tx, event(100 + i))).index);
    });
    await Promise.all(runs);
    const entries = await contents();
    expect(entries).toHaveLength(size + 32);
    expect(new Set(entries.slice(size).map((e) => canonicalJson(e))).size).toBe(32);
  });

  it('refuses an append on a batch transaction after its work has returned', async () => {
    let leaked: Executor | undefined;
    await log.transact(async (tx) => {
      leaked = tx;
    });
    const size = await log.size();
    await expect(log.transact(async () => log.append(leaked!, event(80)))).rejects.toMatchObject({ code: 'internal' });
    expect(await log.size()).toBe(size);
  });
});
