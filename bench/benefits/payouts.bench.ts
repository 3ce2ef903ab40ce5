/**
 * Payouts as the matching run's sink (issue 8): N candidates offered (new payouts), the same run offered again (all
 * kept), a second run with new amounts (all rematched), then the funding department's bulk confirmation of that run
 * (one transaction, an action + audit event per payout; nobody has an account, so no notifications).
 *
 *   taskset -c 1 npx tsx bench/benefits/payouts.bench.ts --dialect sqlite|postgres [--n 10000]
 *
 * Prints wall-clock and this process's CPU time (user + system) per phase and the load average. On PostgreSQL the
 * server runs in its own processes: its CPU is not in the figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { AuditService } from '../../src/contexts/audit/index.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';
import { PayoutService, demoCandidates } from '../../src/contexts/benefits/index.ts';
import type { Principal } from '../../src/kernel/principal.ts';

const { values } = parseArgs({ options: { dialect: { type: 'string', default: 'sqlite' }, n: { type: 'string', default: '10000' } } });
const N = Number(values.n);
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORG = 9;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await fn();
  const u = process.cpuUsage(cpu);
  console.log(`${label.padEnd(36)} wall ${((performance.now() - t) / 1000).toFixed(2)} s   cpu ${((u.user + u.system) / 1e6).toFixed(2)} s   ${JSON.stringify(r)}`);
  return r;
}

async function open(): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-bench-payouts-'));
    const database = openSqlite(path.join(dir, 'landao.db'));
    return { database, cleanup: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `landao_bench_payouts_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const database = openPostgres(u.toString(), 5);
  return {
    database,
    cleanup: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

const { database, cleanup } = await open();
try {
  await migrateToLatest(database.db);
  const payouts = new PayoutService({
    db: database.db,
    audit: new AuditService(database.db, LocalKeySigner.generate()),
    notifications: { notify: () => Promise.reject(new Error('nobody has an account in this benchmark')) },
    accounts: { accountByIdHash: async () => undefined, subjectOf: async () => undefined },
    accountKey: Buffer.alloc(32, 7),
  });
  const officer: Principal = { kind: 'user', id: 1, name: 'bench', orgId: ORG, orgKind: 'department', roles: ['dept-officer'], scopes: new Set(['benefits.payouts:confirm', 'benefits.payouts:read']), locale: 'zh-CN', ip: null };
  const first = demoCandidates({ personHashKey: 'bench-person-hash-key', fundingOrgId: ORG, runId: 1, others: N - 1 });
  const second = demoCandidates({ personHashKey: 'bench-person-hash-key', fundingOrgId: ORG, runId: 2, others: N - 1, amountOf: (i) => 900_000 + i });
  console.log(`payouts bench: ${dialect}, N = ${N}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await timed(`offer ${N} (new)`, () => payouts.offer(first));
  await timed(`offer the same run again (kept)`, () => payouts.offer(first));
  await timed(`offer a second run (rematch)`, () => payouts.offer(second));
  const s = await payouts.summary(officer, { runId: 2, state: 'offered' });
  await timed(`confirm run 2 in bulk (${s.count})`, () => payouts.confirmRun(officer, { runId: 2, expectedCount: s.count, expectedTotalFen: s.totalFen }));
  console.log(`load after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  await cleanup();
}
