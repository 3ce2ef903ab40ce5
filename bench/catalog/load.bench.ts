/**
 * Aggregation throughput: loads an n-row CSV of company registrations into a catalog dataset with
 * its quality rules on (required, USCC format by the detection validator, range, code list, date
 * type, key uniqueness) and a fraction of bad rows, and prints the time, rows per second and the
 * peak resident memory, the CPU time of this process and, on PostgreSQL, of the database's server
 * processes (on a busy machine they tell what the wall time would be alone). The batch is one
 * transaction (policy keep_good: good rows land, bad rows
 * are reported).
 *
 *   npx tsx bench/catalog/load.bench.ts --n 1000000 --dialect sqlite|postgres [--bad 0.01]
 *
 * SQLite runs in a temporary directory; PostgreSQL (LANDAO_BENCH_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) in a database created for the run and dropped
 * afterwards. The CSV is generated into a temporary file first (not timed). Figures depend on the
 * machine and its load: use them to compare versions, not as a contract.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { AuditService, SYSTEM_ACTOR } from '../../src/contexts/audit/index.ts';
import { AggregationService, CatalogService, DEMO_DATASETS, demoUscc } from '../../src/contexts/catalog/index.ts';
import { IdentityService } from '../../src/contexts/identity/index.ts';
import { JobQueue } from '../../src/contexts/jobs/index.ts';
import { openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { LocalBlobStore } from '../../src/kernel/blob/local-blob-store.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    dialect: { type: 'string', default: 'sqlite' },
    bad: { type: 'string', default: '0.01' },
  },
});
const N = Number(values.n);
const DIALECT = values.dialect;
const BAD_EVERY = Math.max(1, Math.round(1 / Number(values.bad)));
if (!Number.isInteger(N) || N <= 0 || (DIALECT !== 'sqlite' && DIALECT !== 'postgres')) {
  console.error('usage: load.bench.ts --n <rows> --dialect sqlite|postgres [--bad <fraction>]');
  process.exit(2);
}
const PG_URL = process.env.LANDAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-load-bench-'));

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

function writeCsv(file: string): void {
  const fd = fs.openSync(file, 'w');
  const statuses = ['存续', '注销', '吊销', '迁出'];
  const types = ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业', '个体工商户'];
  let chunk = 'uscc,company_name,entity_type,established,capital_wan,status\n';
  for (let i = 1; i <= N; i++) {
    const bad = i % BAD_EVERY === 0;
    const good = demoUscc(i);
    const uscc = bad && i % 3 === 0 ? good.slice(0, 17) + (good.endsWith('0') ? '1' : '0') : good;
    const status = bad && i % 3 === 1 ? '营业' : statuses[i % 4];
    const capital = bad && i % 3 === 2 ? -1 : (i * 37) % 100000;
    chunk += `${uscc},平潭测试企业${i}有限公司,${types[i % 5]},20${String(10 + (i % 15))}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${capital},${status}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** CPU seconds (user + system) a local process has used so far, from /proc. */
function cpuSecondsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, { encoding: 'utf8', flag: 'r' });
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function cpuSecondsOrZero(pid: number): number {
  try {
    return cpuSecondsOf(pid);
  } catch {
    return 0; // the backend ended between the query and the read
  }
}

async function open(): Promise<{ database: Database; cleanup: () => Promise<void>; serverCpu: () => Promise<number> }> {
  if (DIALECT === 'sqlite') {
    const database = openSqlite(path.join(work, 'landao.db'));
    return { database, cleanup: () => database.close(), serverCpu: async () => 0 };
  }
  const name = `landao_load_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  const database = openPostgres(u.toString(), 4);
  return {
    database,
    // The database's server processes (local): the CPU PostgreSQL spent, beside this process's own.
    serverCpu: async () => {
      const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
      return rows.reduce((sum, r) => sum + cpuSecondsOrZero(r.pid), 0);
    },
    cleanup: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

const csv = path.join(work, 'companies.csv');
writeCsv(csv);
const { database, cleanup, serverCpu } = await open();
try {
  await migrateToLatest(database.db);
  const audit = new AuditService(database.db, LocalKeySigner.generate());
  const identity = new IdentityService(database.db, audit, { passwordCost: 'fast' });
  const org = await identity.createOrg(SYSTEM_ACTOR, { code: 'BENCH', name: '基准测试部门', kind: 'department' });
  const catalog = new CatalogService(database.db, audit, { org: async () => ({ id: org.id, code: org.code, name: org.name, nameEn: null }) });
  const aggregation = new AggregationService(catalog, { blobs: new LocalBlobStore(path.join(work, 'blobs')), jobs: new JobQueue(database.db), uploadLimit: 1 << 30, sourceKey: crypto.randomBytes(32) });
  const ds = await catalog.register(null, structuredClone(DEMO_DATASETS.companyRegistry), org.id);
  const server0 = await serverCpu();
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const batch = await aggregation.loadFile(null, ds.id, csv);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const serverSeconds = (await serverCpu()) - server0;
  const size = fs.statSync(csv).size;
  console.log(
    `${DIALECT}: ${N} rows (${(size / 2 ** 20).toFixed(0)} MiB CSV) → ${batch.status}: ${batch.rowsLoaded} loaded, ${batch.rowsRejected} rejected` +
      ` in ${seconds.toFixed(1)} s (${Math.round(N / seconds)} rows/s; this process used ${cpuSeconds.toFixed(1)} s CPU` +
      `${DIALECT === 'postgres' ? `, PostgreSQL's server processes ${serverSeconds.toFixed(1)} s` : ''}); peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  const stored = await catalog.get({ kind: 'user', id: 0, name: 'bench', orgId: org.id, orgKind: 'department', roles: [], scopes: new Set(['*']), locale: 'zh-CN', ip: null }, ds.id);
  if (stored.rowCount !== batch.rowsLoaded) throw new Error(`stored ${stored.rowCount} rows, batch says ${batch.rowsLoaded}`);
} finally {
  clearInterval(sampler);
  await cleanup();
  fs.rmSync(work, { recursive: true, force: true });
}
