/**
 * A matching run of the IIT burden-difference subsidy over N taxpayers (default 100,000), each with a tax, a
 * residence and an employment record, so every subject is evaluated with both calculators (mainland IIT and Taiwan
 * 綜合所得稅 inside computeSubsidy) — the target of issue 8 is < 5 s on one core with memory bounded.
 *
 *   taskset -c 1 npx tsx bench/benefits/match.bench.ts --dialect sqlite|postgres [--n 100000] [--profile match.cpuprofile] [--no-sink | --payouts] [--db FILE|NAME] [--page 500] [--repeat K]
 *
 * Generates the records (valid 830000 residence permits, synthetic wages; a tenth fails one clause each), loads them
 * as three batches through SourcesService (timed apart), then MatchingService.runNow with a sink that counts the
 * offers (no payouts tables). Prints wall-clock and this process's CPU time (user + system) for each phase, the peak
 * RSS sampled during the match (and the process maximum), the load average and the run totals. On PostgreSQL the
 * server runs in its own processes: its CPU is not in the figure.
 *
 * --db keeps the database (a SQLite file, or a PostgreSQL database name) for the next run: when it already holds the
 * N × 3 records they are not loaded again, and earlier runs are deleted before the match (repeated before/after
 * comparisons of the match alone).
 *
 * --payouts offers the eligible subjects to the real sink, PayoutService (payouts and their offer actions stored, as `landao
 * serve` wires it; nobody has an account, so nobody is notified): the whole matching step of the proactive flow, not only
 * the target's match. Earlier payouts are deleted before each run.
 *
 * --repeat K matches K times in the process (earlier results deleted between, untimed) and prints the least and the
 * median CPU time: on a shared virtual machine one run's CPU time varied by up to 1.5× from the next's.
 */
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { AuditService } from '../../src/contexts/audit/index.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';
import { MatchingService, PayoutService, PoliciesService, SourcesService, type CandidateSink } from '../../src/contexts/benefits/index.ts';
import { mainlandTaxOf, residencePermit } from '../../src/contexts/benefits/benefits.demo.ts';
import type { SourceRow } from '../../src/contexts/benefits/sources/sources.service.ts';
import { kindSpec } from '../../src/contexts/benefits/sources/kinds.ts';

const { values } = parseArgs({ options: { dialect: { type: 'string', default: 'sqlite' }, n: { type: 'string', default: '100000' }, profile: { type: 'string' }, 'no-sink': { type: 'boolean', default: false }, payouts: { type: 'boolean', default: false }, db: { type: 'string' }, page: { type: 'string' }, repeat: { type: 'string', default: '1' } } });
const N = Number(values.n);
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORGS: Record<string, number> = { 'PT-SW': 3, 'PT-GA': 7, 'PT-SHSY': 8, 'PT-CZJR': 9 };

function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await fn();
  const u = process.cpuUsage(cpu);
  console.log(`${label.padEnd(34)} wall ${((performance.now() - t) / 1000).toFixed(2)} s   cpu ${(cpuMs(cpu) / 1000).toFixed(2)} s (user ${(u.user / 1e6).toFixed(2)} + system ${(u.system / 1e6).toFixed(2)})`);
  return r;
}

/** Person i: a residence permit, wages between 120,000 and 720,000 CNY, the tax the tables give. */
function person(i: number) {
  // 10,000 birth dates from 1960-01-01 × 1,000 sequence numbers: unique numbers for up to 10 million people.
  const birth = new Date(Date.UTC(1960, 0, 1) + (i % 10_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const id = residencePermit(birth, Math.floor(i / 10_000) % 1000);
  const wages = 120_000 + ((i * 7919) % 600_000);
  return { id, name: `台胞${i}`, wages };
}

async function* rows(make: (i: number) => Record<string, unknown>): AsyncIterable<SourceRow[]> {
  for (let start = 0; start < N; start += 4096) {
    const chunk: SourceRow[] = [];
    for (let i = start; i < Math.min(N, start + 4096); i++) chunk.push({ rowNo: i + 1, cells: make(i) });
    yield chunk;
  }
}

async function open(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const keep = values.db;
  if (dialect === 'sqlite') {
    if (keep) {
      const database = openSqlite(path.resolve(keep));
      return { database, dispose: () => database.close() };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-benefits-bench-'));
    const database = openSqlite(path.join(dir, 'landao.db'));
    return { database, dispose: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = keep ?? `landao_benefits_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const database = openPostgres(u.toString(), 4);
  return {
    database,
    dispose: async () => {
      await database.close();
      if (keep) return;
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const { database, dispose } = await open();
try {
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, node ${process.version}, ${dialect}, N = ${N}`);
  await migrateToLatest(database.db);
  const db = database.db;
  const audit = new AuditService(db, LocalKeySigner.generate());
  const sources = new SourcesService({ db, audit, personHashKey: 'bench-person-hash-key' });
  const policies = new PoliciesService({ db, audit, orgIdByCode: async (code) => ORGS[code] });
  await policies.installShipped();
  let offered = 0;
  const counting: CandidateSink = {
    offer: async (c) => {
      offered += c.length;
      return { created: c.length, rematched: 0, kept: 0 };
    },
  };
  const payouts = values.payouts
    ? new PayoutService({
        db,
        audit,
        notifications: { notify: () => Promise.reject(new Error('nobody has an account in this benchmark')) },
        accounts: { accountByIdHash: async () => undefined, subjectOf: async () => undefined },
        accountKey: Buffer.alloc(32, 7),
      })
    : null;
  const sink: CandidateSink = payouts
    ? {
        offer: async (c) => {
          const r = await payouts.offer(c);
          offered += r.created + r.rematched + r.kept;
          return r;
        },
      }
    : counting;
  // --no-sink: the match alone, without handing the eligible subjects over.
  const matching = new MatchingService({ db, audit, policies, sink: values['no-sink'] ? undefined : sink, pageSize: values.page ? Number(values.page) : undefined });

  const taxTable = new Map<number, number>();
  const taxOf = (wages: number) => {
    let t = taxTable.get(wages);
    if (t === undefined) taxTable.set(wages, (t = mainlandTaxOf(2024, wages)));
    return t;
  };
  const load = (kind: string, org: string, make: (i: number) => Record<string, unknown>) =>
    sources.load(null, { kind, spec: kindSpec(kind)!, orgId: ORGS[org]!, via: 'file', sourceSystem: 'bench', filename: null, sm3: null, bytes: null }, rows(make));
  const loaded = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM benefits_records`.execute(db)).rows[0]!.n);
  if (loaded === 3 * N) {
    console.log(`kept database: ${loaded} records already loaded; earlier runs deleted`);
    await sql`DELETE FROM benefits_run_results`.execute(db);
    await sql`DELETE FROM benefits_runs`.execute(db);
  } else {
    if (loaded !== 0) throw new Error(`--db holds ${loaded} records, not 0 or ${3 * N}`);
    await loadAll();
  }
  async function loadAll(): Promise<void> {
    await timed(`load ${N} tax records`, () =>
      load('tax', 'PT-SW', (i) => {
        const p = person(i);
        return { idType: 'residence_permit', idNumber: p.id, name: p.name, taxYear: 2024, wagesCny: p.wages, otherIncomeCny: 0, businessIncomeCny: i % 10 === 3 ? 50_000 : 0, mainlandTaxPaidCny: taxOf(p.wages), taxPaidInZone: i % 10 !== 7 };
      }),
    );
    await timed(`load ${N} residence records`, () =>
      load('residence', 'PT-GA', (i) => {
        const p = person(i);
        return { idType: 'residence_permit', idNumber: p.id, name: p.name, year: 2024, residenceDays: 100 + (i % 260), permitType: 'residence_permit', addressInZone: true };
      }),
    );
    await timed(`load ${N} employment records`, () =>
      load('employment', 'PT-SHSY', (i) => {
        const p = person(i);
        return { idType: 'residence_permit', idNumber: p.id, name: p.name, employerUscc: '91350128MA2YABCD0F', employerName: '平潭演示企业', fromDate: '2021-01-01', toDate: null, inZone: i % 10 !== 5 };
      }),
    );
  }

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const before = process.memoryUsage().rss;
  // --profile: a V8 CPU profile of the match alone (open it in Chrome DevTools).
  const inspector = values.profile ? new Session() : undefined;
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const repeat = Math.max(1, Number(values.repeat));
  const cpus: number[] = [];
  let run!: Awaited<ReturnType<typeof matching.runNow>>;
  for (let k = 0; k < repeat; k++) {
    if (k > 0) {
      await sql`DELETE FROM benefits_run_results`.execute(db);
      await sql`DELETE FROM benefits_runs`.execute(db);
    }
    if (payouts) {
      await sql`DELETE FROM benefits_payout_actions`.execute(db);
      await sql`DELETE FROM benefits_payouts`.execute(db);
    }
    const cpu = process.cpuUsage();
    run = await timed(`match ${N} taxpayers (+ offers)`, () => matching.runNow(null, { policyKey: 'tw-iit-subsidy', period: '2024' }));
    cpus.push(cpuMs(cpu) / 1000);
  }
  if (repeat > 1) {
    const sorted = [...cpus].sort((a, b) => a - b);
    console.log(`match cpu over ${repeat} runs: least ${sorted[0]!.toFixed(2)} s, median ${sorted[Math.floor(repeat / 2)]!.toFixed(2)} s`);
  }
  if (inspector) fs.writeFileSync(values.profile!, JSON.stringify((await inspector.post('Profiler.stop')).profile));
  clearInterval(sampler);
  console.log(`rss before the match ${(before / 1048576).toFixed(0)} MiB, peak during it ${(peakRss / 1048576).toFixed(0)} MiB, process max ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  console.log(`run: ${run.status}, subjects ${run.totals.subjects}, eligible ${run.totals.eligible}, ineligible ${run.totals.ineligible}, amount ${(run.totals.amountFen / 100).toFixed(2)} CNY, offered ${offered}`);
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  await dispose();
}
