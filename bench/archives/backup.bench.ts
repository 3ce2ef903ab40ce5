/**
 * Archive backup and restore (DA/T 92): N records of random PDF-shaped files archived on SQLite, then
 * `ArchiveBackup.backup` (every bag copied with SHA-512 + SM3, the catalog as NDJSON), `verify` (every file
 * re-hashed, every bag re-validated) and `restore` into a fresh SQLite database and blob store (blobs put,
 * catalog inserted, counts, 档号s and fixity of every version checked). Wall-clock, this process's CPU time
 * and MiB/s of payload are printed with the load average.
 *
 *   npx tsx bench/archives/backup.bench.ts [--records 20] [--mb 8]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { AuditService } from '../../src/contexts/audit/index.ts';
import { ArchiveBackup, ArchiveService } from '../../src/contexts/archives/index.ts';
import { LocalBlobStore } from '../../src/kernel/blob/local-blob-store.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';
import type { Principal } from '../../src/kernel/principal.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '20' }, mb: { type: 'string', default: '8' } } });
const records = Number(values.records);
const perRecord = Number(values.mb) * 1048576;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-backup-bench-'));
const OPERATOR: Principal = { kind: 'token', id: 0, name: 'bench', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN', ip: null };
const noScanner = { available: () => null, scan: async () => ({ clean: true, evidence: '' }) };

async function platform(name: string) {
  const database = openSqlite(path.join(dir, `${name}.db`));
  await migrateToLatest(database.db);
  const archives = new ArchiveService({ db: database.db, audit: new AuditService(database.db, LocalKeySigner.generate()), blobs: new LocalBlobStore(path.join(dir, `${name}-blobs`)), scanner: noScanner });
  return { database, archives };
}

async function measure<T>(label: string, bytes: number, fn: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await fn();
  const ms = performance.now() - t;
  const c = process.cpuUsage(cpu);
  console.log(`${label.padEnd(9)} wall ${(ms / 1000).toFixed(2)} s, CPU ${((c.user + c.system) / 1e6).toFixed(2)} s, ${(bytes / 1048576 / (ms / 1000)).toFixed(1)} MiB/s of payload`);
  return r;
}

try {
  const source = await platform('source');
  const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(n - 30), Buffer.from('\nstartxref\n0\n%%EOF\n').subarray(0, 21)]);
  for (let i = 0; i < records; i++)
    await source.archives.archive(undefined, { source: 'api', sourceRef: `bench-${i}`, category: 'HY', title: `结婚登记 ${i}`, responsible: '社会事业局', date: '2026-03-12', files: [{ name: 'a.pdf', buffer: pdf(perRecord / 2) }, { name: 'b.pdf', buffer: pdf(perRecord / 2) }] });
  const bytes = records * perRecord;
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, node ${process.version}`);
  console.log(`payload: ${records} records, ${(bytes / 1048576).toFixed(0)} MiB`);
  const out = path.join(dir, 'backup');
  await measure('backup', bytes, () => new ArchiveBackup(source.archives).backup(OPERATOR, out));
  const v = await measure('verify', bytes, () => new ArchiveBackup(source.archives).verify(out));
  if (!v.ok) throw new Error(`verify: ${v.problems.join('; ')}`);
  const target = await platform('target');
  const r = await measure('restore', bytes, () => new ArchiveBackup(target.archives).restore(OPERATOR, out));
  if (!r.ok) throw new Error(`restore: ${JSON.stringify(r.restored)}`);
  console.log(`restored: counts equal ${r.restored!.countsEqual}, 档号s equal ${r.restored!.archivalCodesEqual}, fixity ${r.restored!.fixity.checked} checked, ${r.restored!.fixity.failed.length} failed`);
  await source.database.close();
  await target.database.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
