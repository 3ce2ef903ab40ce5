/**
 * Registry transparency log: append throughput, proof latency and checkpoint signing at scale.
 *
 *   npx tsx bench/registry/log.bench.ts --n 1000000 --dialect sqlite|postgres [--concurrency 8] [--samples 2000] [--batch k [--many]]
 *   npx tsx bench/registry/log.bench.ts --bulk 1000000 --n 5000 --dialect postgres --mode append,sequencer,service,service-direct --concurrency 1,4,8,16
 *
 * `--mode` (a list; each mode runs at each `--concurrency`, one after the other, on the same log):
 * - `append` (default): each caller's own transaction with `log.append` (as the lifecycle did before the sequencer);
 * - `sequencer`: each caller runs a unit of work through `log.transact` that appends one event — concurrent callers
 *   share a transaction and its commit (group commit), each in its own savepoint;
 * - `service`: the real registry service path with a light action — suspending / reinstating a registration
 *   (`RegistryService.setSuspended`: reads, an update, the log leaf and the audit event, in `log.transact`), each
 *   caller on its own registration (made through the real lifecycle first);
 * - `service-direct`: the same action with each request in its own transaction (`db.transaction()`), for comparison.
 * The sequencer modes also report the commits and the events per commit (counted from the transactions the works ran in).
 *
 * 1. Appends n registry events, each in its own transaction as the lifecycle does, from `--concurrency`
 *    concurrent appenders (on SQLite the single connection serialises them anyway), while a
 *    checkpoint "job" signs a checkpoint every second in parallel. Reports events/s, append latency
 *    p50/p99, the checkpoints signed meanwhile, and how many signatures the appends themselves made
 *    (must be 0: signing is never on the append path). `--batch k` puts k events in each transaction, by k
 *    `append` calls, or with `--many` by one `appendMany` (one head update for all k).
 *    With `--bulk k`, k leaves are first written straight into the tables (the same rows append writes,
 *    computed in process with merkle.ts — `registry verify` at the end proves they are), so the n measured
 *    appends and the proofs run on a log of k + n entries without waiting hours for k single commits.
 * 2. At the final size: `--samples` inclusion proofs (random index, treeSize = n) and consistency proofs
 *    (random from, to = n), each verified, reporting p50/p99/max in ms; plus the time to sign a checkpoint.
 *
 * SQLite runs in a temporary directory; PostgreSQL (LANDAO_BENCH_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) in a database created for the run and dropped afterwards.
 * Figures depend on the machine and its load.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { TransparencyLog, hashChildren, hashLeaf, verifyConsistency, verifyInclusion } from '../../src/contexts/registry/index.ts';
import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import { openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { LocalKeySigner, type Signer } from '../../src/kernel/crypto/signer.ts';
import { AuditService, SYSTEM_ACTOR } from '../../src/contexts/audit/index.ts';
import { IdentityService, scopesOf } from '../../src/contexts/identity/index.ts';
import { RegistryService } from '../../src/contexts/registry/index.ts';
import { LocalBlobStore } from '../../src/kernel/blob/local-blob-store.ts';
import { loadCalendar } from '../../src/kernel/calendar/calendar.ts';
import type { Principal } from '../../src/kernel/principal.ts';
import type { Executor } from '../../src/db/database.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '50000' },
    dialect: { type: 'string', default: 'sqlite' },
    concurrency: { type: 'string', default: '8' },
    mode: { type: 'string', default: 'append' },
    samples: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '1' },
    bulk: { type: 'string', default: '0' },
    many: { type: 'boolean', default: false },
  },
});
const N = Number(values.n);
const DIALECT = values.dialect;
const CONCURRENCIES = values.concurrency.split(',').map(Number);
const MODES = values.mode.split(',');
const CONCURRENCY = Math.max(...CONCURRENCIES);
const SAMPLES = Number(values.samples);
const BATCH = Number(values.batch);
const BULK = Number(values.bulk);
const MANY = values.many === true;
const MODE_NAMES = ['append', 'sequencer', 'service', 'service-direct'];
if (!Number.isInteger(N) || N <= 0 || (DIALECT !== 'sqlite' && DIALECT !== 'postgres') || !CONCURRENCIES.every((c) => Number.isInteger(c) && c >= 1) || !MODES.every((m) => MODE_NAMES.includes(m)) || !(BATCH >= 1) || !(Number.isInteger(BULK) && BULK >= 0)) {
  console.error('usage: log.bench.ts --n <events per run> --dialect sqlite|postgres [--mode append|sequencer|service|service-direct[,…]] [--concurrency <callers>[,…]] [--batch <events per transaction> [--many]] [--bulk <leaves preloaded>] [--samples <proofs>]');
  process.exit(2);
}
const PG_URL = process.env.LANDAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (DIALECT === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-log-bench-'));
    const database = openSqlite(path.join(dir, 'landao.db'));
    return {
      database,
      cleanup: async () => {
        console.log(`database file: ${(fs.statSync(path.join(dir, 'landao.db')).size / 2 ** 20).toFixed(0)} MiB`);
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `landao_log_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  const database = openPostgres(u.toString(), CONCURRENCY + 2);
  return {
    database,
    cleanup: async () => {
      const { rows } = await admin.query<{ size: string }>(`SELECT pg_database_size($1)::text AS size`, [name]);
      console.log(`database size: ${(Number(rows[0]!.size) / 2 ** 20).toFixed(0)} MiB`);
      await database.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Counts signatures, so the run can show who signs. */
class CountingSigner implements Signer {
  count = 0;
  constructor(private readonly inner: Signer) {}
  get keyId() {
    return this.inner.keyId;
  }
  get publicKeyHex() {
    return this.inner.publicKeyHex;
  }
  get publicKeyPem() {
    return this.inner.publicKeyPem;
  }
  async sign(data: Uint8Array | string): Promise<string> {
    this.count++;
    return this.inner.sign(data);
  }
  verify(data: Uint8Array | string, sig: string): boolean {
    return this.inner.verify(data, sig);
  }
}

/**
 * CPU time (ms) of this run's PostgreSQL backends so far, by pid (from /proc: the server runs on this
 * machine), so a run can report the server's CPU per event as well as the client's. Null on SQLite.
 */
async function backendCpu(db: Database['db']): Promise<Map<number, number> | null> {
  if (DIALECT !== 'postgres') return null;
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // utime + stime, in ticks of 1/100 s
    } catch {
      // the backend ended meanwhile
    }
  }
  return out;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (v: number) => v.toFixed(3);

const { database, cleanup } = await open();
try {
  await migrateToLatest(database.db);
  const signer = new CountingSigner(LocalKeySigner.generate());
  const log = new TransparencyLog(database.db, signer, { origin: 'bench.landao/registry' });

  const event = (i: number) => ({
    type: 'certificate.issued',
    registrationId: `PT2026${String(i).padStart(9, '0')}`,
    holder: '平潭综合实验区某数据公司',
    rights: ['hold', 'use'],
    dataHash: crypto.createHash('sm3').update(String(i)).digest('hex'),
    at: new Date().toISOString(),
  });

  // 0. Optional preload: the rows append would write, in chunks (positions as in merkle.ts nodePosition).
  if (BULK > 0) {
    const b0 = performance.now();
    const frontier: Buffer[] = [];
    let leaves: { idx: number; leaf_hash: Buffer; entry: string; appended_at: string }[] = [];
    let nodes: { pos: number; hash: Buffer }[] = [];
    const flush = async () => {
      await database.db.transaction().execute(async (tx) => {
        for (let i = 0; i < leaves.length; i += 2000) await tx.insertInto('registry_log_leaves').values(leaves.slice(i, i + 2000)).execute();
        for (let i = 0; i < nodes.length; i += 5000) await tx.insertInto('registry_log_nodes').values(nodes.slice(i, i + 5000)).execute();
      });
      leaves = [];
      nodes = [];
    };
    for (let index = 0; index < BULK; index++) {
      const text = canonicalJson(event(index));
      const leaf = hashLeaf(text);
      let carry = leaf;
      let level = 0;
      while (Math.floor(index / 2 ** level) % 2 === 1) {
        carry = hashChildren(frontier.pop()!, carry);
        level++;
        const i = (index + 1) / 2 ** level - 1;
        nodes.push({ pos: i * 2 ** (level + 1) + 2 ** level - 1, hash: carry });
      }
      frontier.push(carry);
      leaves.push({ idx: index, leaf_hash: leaf, entry: text, appended_at: new Date().toISOString() });
      if (leaves.length >= 20_000) await flush();
    }
    await flush();
    await database.db.updateTable('registry_log_head').set({ tree_size: BULK, frontier: frontier.map((h) => h.toString('hex')).join('') }).where('id', '=', 1).execute();
    console.log(`preloaded ${BULK} leaves in ${((performance.now() - b0) / 1000).toFixed(1)} s (bulk insert, not the append path)`);
  }

  // 1. Appends, with a checkpoint job running beside them.
  // The service modes: registrations made through the real lifecycle, one per caller, toggled between suspended and valid.
  let service: { registry: RegistryService; reviewer: Principal; numbers: string[]; suspended: boolean[] } | undefined;
  if (MODES.some((m) => m.startsWith('service'))) {
    const s0 = performance.now();
    const audit = new AuditService(database.db, signer);
    const identity = new IdentityService(database.db, audit, { passwordCost: 'fast' });
    const holderOrg = await identity.createOrg(SYSTEM_ACTOR, { code: 'BENCH-ENT', name: '平潭综合实验区某数据公司', kind: 'enterprise' });
    const bureau = await identity.createOrg(SYSTEM_ACTOR, { code: 'BENCH-BDB', name: '平潭综合实验区数据产权登记机构', kind: 'bureau' });
    const principal = (id: number, orgId: number, roles: string[]): Principal => ({ kind: 'user', id, name: `bench-${id}`, orgId, orgKind: null, roles, scopes: scopesOf(roles), locale: 'zh-CN', ip: null });
    const holder = principal(1, holderOrg.id, ['enterprise-user']);
    const reviewer = principal(2, bureau.id, ['registry-reviewer']);
    const calendar = loadCalendar();
    let day = new Date('2026-03-02T02:00:00Z');
    const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-log-bench-blobs-'));
    const registry = new RegistryService({
      db: database.db, audit, log, signer, blobs: new LocalBlobStore(blobDir), calendar, origin: 'https://bench.landao', uploadLimit: 1 << 20, now: () => day,
      orgs: { byId: (id) => identity.orgById(id), byCode: (code) => identity.orgByCode(code) },
    });
    const numbers: string[] = [];
    const ids: number[] = [];
    for (let i = 0; i < CONCURRENCY; i++) {
      const app = await registry.createApplication(holder, { type: 'first', book: 'resource', subjectType: 'enterprise', sourceKind: 'self_collected', data: { name: `基准数据集 ${i}` }, rights: [{ right: 'hold', evidence: '采集记录' }], dataSm3: crypto.createHash('sm3').update(`bench-${i}`).digest('hex') });
      await registry.act(holder, app.id, { action: 'submit' });
      await registry.act(reviewer, app.id, { action: 'accept' });
      ids.push((await registry.act(reviewer, app.id, { action: 'pass_formal' })).id);
    }
    day = new Date('2026-03-20T02:00:00Z'); // after the 10 working days of notice
    for (const id of ids) numbers.push((await registry.act(reviewer, id, { action: 'complete_notice' })).registrationNo!);
    fs.rmSync(blobDir, { recursive: true, force: true });
    service = { registry, reviewer, numbers, suspended: numbers.map(() => false) };
    console.log(`service modes: ${numbers.length} registrations made through the lifecycle in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
  }
  const signedBefore = signer.count; // the setup's certificates
  let checkpointsSigned = 0;
  let stop = false;
  const checkpointer = (async () => {
    while (!stop) {
      await new Promise((r) => setTimeout(r, 1000));
      if (stop) break;
      const before = signer.count;
      await log.checkpoint();
      checkpointsSigned += signer.count - before;
    }
  })();

  const realTransaction = service?.registry.transaction.bind(service.registry);

  /** Transactions the sequencer's works ran in, in order: a new one is a new commit. */
  let lastTx: Executor | undefined;
  let commits = 0;
  const noteTx = (tx: Executor) => {
    if (tx !== lastTx) commits++;
    lastTx = tx;
  };
  if (service) {
    const transact = log.transact.bind(log);
    log.transact = <T>(work: (tx: Executor) => Promise<T>) => transact((tx) => (noteTx(tx), work(tx)));
  }

  let next = await log.size();
  const runs: string[] = [];
  for (const mode of MODES) {
    for (const concurrency of CONCURRENCIES) {
      if (service) service.registry.transaction = mode === 'service-direct' ? (work) => database.db.transaction().execute(work) : realTransaction!;
      const latencies = new Float64Array(N);
      const start = next;
      let txs = 0;
      commits = 0;
      lastTx = undefined;
      const load0 = os.loadavg()[0]!;
      const server0 = await backendCpu(database.db);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      let lastReport = t0;
      const caller = async (c: number) => {
        for (;;) {
          const first = next;
          const count = mode === 'append' ? Math.min(BATCH, start + N - first) : Math.min(1, start + N - first);
          if (count <= 0) return;
          next += count;
          const s = performance.now();
          if (mode === 'append') {
            await database.db.transaction().execute(async (tx) => {
              if (MANY) await log.appendMany(tx, Array.from({ length: count }, (_, k) => event(first + k)));
              else for (let i = first; i < first + count; i++) await log.append(tx, event(i));
            });
          } else if (mode === 'sequencer') {
            await log.transact(async (tx) => {
              noteTx(tx);
              await log.append(tx, event(first));
            });
          } else {
            const svc = service!;
            svc.suspended[c] = !svc.suspended[c];
            await svc.registry.setSuspended(svc.reviewer, svc.numbers[c]!, { suspended: svc.suspended[c]!, reason: `bench ${first}` });
          }
          latencies[txs++] = performance.now() - s;
          // better-sqlite3 is synchronous: yield to timers (the checkpoint job) as an HTTP server would.
          if (DIALECT === 'sqlite' && txs % 50 === 0) await new Promise((r) => setImmediate(r));
          if (performance.now() - lastReport > 10_000) {
            lastReport = performance.now();
            console.log(`  … ${next - start} appended, ${(((next - start) / (lastReport - t0)) * 1000).toFixed(0)} events/s so far`);
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, (_, c) => caller(c)));
      const appendMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const server1 = await backendCpu(database.db);
      const serverMs = server0 && server1 ? [...server1].reduce((sum, [pid, t]) => sum + t - (server0.get(pid) ?? 0), 0) : null;
      const sortedLat = Array.from(latencies.subarray(0, txs)).sort((a, b) => a - b);
      const perCommit = mode === 'append' || mode === 'service-direct' ? `${BATCH > 1 && mode === 'append' ? BATCH : 1} (one transaction each)` : `${(N / commits).toFixed(1)} (${commits} commits)`;
      const what = mode === 'append' ? `${BATCH} per transaction${BATCH > 1 ? (MANY ? ' (one appendMany)' : ' (one append each)') : ''}` : mode === 'sequencer' ? 'one per work, through log.transact' : mode === 'service' ? 'registry setSuspended through log.transact' : 'registry setSuspended, one transaction each';
      console.log(`[${mode}] dialect ${DIALECT}, ${N} events onto ${start}, ${what}, ${concurrency} concurrent callers; load average ${load0.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after`);
      const line = `append: ${((N / appendMs) * 1000).toFixed(0)} events/s (${(appendMs / 1000).toFixed(1)} s); request latency p50 ${ms(pct(sortedLat, 50))} ms, p99 ${ms(pct(sortedLat, 99))} ms; events per commit ${perCommit}; client CPU ${(((cpu.user + cpu.system) / N) / 1000).toFixed(3)} ms per event (${(((cpu.user + cpu.system) / 1000 / appendMs) * 100).toFixed(0)} % of a core)${serverMs === null ? '' : `; server CPU ${(serverMs / N).toFixed(3)} ms per event (${((serverMs / appendMs) * 100).toFixed(0)} % of a core)`}`;
      console.log(line);
      runs.push(`[${mode}, ${concurrency}] ${line}`);
    }
  }
  stop = true;
  await checkpointer;
  const signaturesByAppends = signer.count - signedBefore - checkpointsSigned;
  if (runs.length > 1) console.log(`summary:\n  ${runs.join('\n  ')}`);
  console.log(`checkpoints signed by the job during the appends: ${checkpointsSigned}; signatures made by appends: ${signaturesByAppends}`);
  if (signaturesByAppends !== 0) throw new Error('an append signed something');
  const SIZE = next;
  if ((await log.size()) !== SIZE) throw new Error(`log size ${await log.size()} != ${SIZE}`);

  // 2. Checkpoint signing and proofs at the final size.
  const c0 = performance.now();
  const cp = await log.checkpoint();
  console.log(`checkpoint at ${cp.treeSize}: ${ms(performance.now() - c0)} ms (one head read + one SM2 signature)`);
  const incl: number[] = [];
  const cons: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const index = crypto.randomInt(0, SIZE);
    const a = performance.now();
    const path_ = await log.inclusionProof(index, SIZE);
    incl.push(performance.now() - a);
    const e = (await log.entry(index))!;
    if (!verifyInclusion(e.leafHash, index, SIZE, path_, cp.rootHash)) throw new Error(`inclusion proof for ${index} does not verify`);
    const from = crypto.randomInt(1, SIZE + 1);
    const b = performance.now();
    const proof = await log.consistencyProof(from, SIZE);
    cons.push(performance.now() - b);
    if (s < 50 && !verifyConsistency(from, SIZE, await log.rootHash(from), cp.rootHash, proof)) throw new Error(`consistency proof ${from}→${SIZE} does not verify`);
  }
  incl.sort((a, b) => a - b);
  cons.sort((a, b) => a - b);
  console.log(`inclusion proof at ${SIZE} (${SAMPLES} random, all verified): p50 ${ms(pct(incl, 50))} ms, p99 ${ms(pct(incl, 99))} ms, max ${ms(incl[incl.length - 1]!)} ms`);
  console.log(`consistency proof to ${SIZE} (${SAMPLES} random; first 50 verified): p50 ${ms(pct(cons, 50))} ms, p99 ${ms(pct(cons, 99))} ms, max ${ms(cons[cons.length - 1]!)} ms`);
  const v0 = performance.now();
  const report = await log.verify();
  console.log(`full verify (registry verify): ${report.ok ? 'intact' : 'BROKEN'}, ${report.leaves} leaves, ${((performance.now() - v0) / 1000).toFixed(1)} s`);
  if (!report.ok) throw new Error(`verify: ${JSON.stringify(report.firstBad)}`);
} finally {
  await cleanup();
}
