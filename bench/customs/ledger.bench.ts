/**
 * Person ledger throughput: adds n distinct persons for one exporter and year, then the same n again
 * (which must add none), and prints persons per second and the peak resident memory.
 *
 *   npx tsx bench/customs/ledger.bench.ts --n 10000000 --dialect sqlite|postgres [--sensitive 0.1]
 *
 * Hashes are 32 pseudo-random bytes per person from AES-128-CTR over a fixed key (deterministic and
 * far cheaper than hashing a counter), generated block by block, so memory stays bounded. SQLite runs
 * in a temporary directory; PostgreSQL (LANDAO_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * in a database created for the run and dropped afterwards. Figures depend on the machine and its
 * load: use them to compare versions, not as a contract. "this process's CPU" is the CPU time the
 * benchmark process used (on SQLite that includes the database engine; on PostgreSQL it does not): on a
 * machine shared with other work it shows how much of the wall time was spent waiting for a core.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LedgerService, type LedgerPerson } from '../../src/contexts/customs/index.ts';
import { openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    dialect: { type: 'string', default: 'sqlite' },
    sensitive: { type: 'string', default: '0.1' },
  },
});
const N = Number(values.n);
const DIALECT = values.dialect;
const SENSITIVE_EVERY = Math.max(1, Math.round(1 / Number(values.sensitive)));
if (!Number.isInteger(N) || N <= 0 || (DIALECT !== 'sqlite' && DIALECT !== 'postgres')) {
  console.error('usage: ledger.bench.ts --n <persons> --dialect sqlite|postgres [--sensitive <fraction>]');
  process.exit(2);
}
const PG_URL = process.env.LANDAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** n persons, every SENSITIVE_EVERY-th with sensitive data; the same sequence on every call. */
function* persons(n: number): Generator<LedgerPerson> {
  const cipher = crypto.createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16, 0));
  const block = 8192;
  for (let done = 0; done < n; ) {
    const count = Math.min(block, n - done);
    const bytes = cipher.update(Buffer.alloc(count * 32));
    for (let i = 0; i < count; i++, done++)
      yield { hash: bytes.subarray(i * 32, i * 32 + 32), sensitive: done % SENSITIVE_EVERY === 0 };
  }
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (DIALECT === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-ledger-bench-'));
    const database = openSqlite(path.join(dir, 'landao.db'));
    return {
      database,
      cleanup: async () => {
        const size = fs.statSync(path.join(dir, 'landao.db')).size;
        console.log(`database file: ${(size / 2 ** 20).toFixed(0)} MiB`);
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `landao_ledger_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  const database = openPostgres(u.toString(), 2);
  return {
    database,
    cleanup: async () => {
      const { rows } = await admin.query<{ size: string }>(`SELECT pg_database_size($1)::text AS size`, [name]);
      console.log(`database size: ${(Number(rows[0]!.size) / 2 ** 20).toFixed(0)} MiB`);
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const { database, cleanup } = await open();
try {
  await migrateToLatest(database.db);
  const ledger = new LedgerService();
  for (const [label, declarationId] of [['first', 1], ['repeat', 2]] as const) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const r = await ledger.add(database.db, { exporterId: 1, year: 2026, declarationId, persons: persons(N) });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log(
      `${DIALECT} ${label}: n=${N} added=${r.added} upgraded=${r.upgradedToSensitive} ` +
        `totals=${JSON.stringify(r.totals)} ${seconds.toFixed(1)} s ${Math.round(N / seconds)} persons/s ` +
        `(this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s) ` +
        `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    );
  }
} finally {
  clearInterval(sampler);
  await cleanup();
}
