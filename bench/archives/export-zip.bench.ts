/**
 * `landao archives export --zip`: the bags written as directories and then zipped (the path before issue 9's
 * streaming change: exportBags + zipDirectory + removing the directory) against the zip streamed straight
 * from the blob store (exportBags with `{zip: true}`). Runs interleaved (A B A B …); prints wall-clock and
 * this process's CPU time (user + system, all threads) per run, and the machine's load.
 *
 *   npx tsx bench/archives/export-zip.bench.ts [--records 8] [--mb 256] [--runs 3]
 *
 * Random payload (deflate stores it nearly as is, as it would scanned PDFs), SQLite in a temporary directory.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { AuditService } from '../../src/contexts/audit/index.ts';
import { ArchiveService, zipDirectory } from '../../src/contexts/archives/index.ts';
import { NO_SCANNER } from '../../src/contexts/archives/test-support.ts';
import { LocalBlobStore } from '../../src/kernel/blob/local-blob-store.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';
import type { Principal } from '../../src/kernel/principal.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '8' }, mb: { type: 'string', default: '256' }, runs: { type: 'string', default: '3' } } });
const nRecords = Number(values.records);
const totalMb = Number(values.mb);
const runs = Number(values.runs);
const OPERATOR: Principal = { kind: 'token', id: 0, name: 'bench', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN', ip: null };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-export-zip-bench-'));

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

try {
  const database = openSqlite(path.join(dir, 'db', 'landao.db'));
  await migrateToLatest(database.db);
  const archives = new ArchiveService({ db: database.db, audit: new AuditService(database.db, LocalKeySigner.generate()), blobs: new LocalBlobStore(path.join(dir, 'blobs')), scanner: NO_SCANNER });
  const per = Math.floor((totalMb * 1048576) / nRecords / 2);
  for (let i = 0; i < nRecords; i++) {
    await archives.archive(undefined, {
      source: 'api',
      sourceRef: `bench-${i}`,
      category: 'XM',
      title: `导出基准 ${i}`,
      responsible: 'bench',
      date: '2026-01-01',
      files: [
        { name: `扫描件-${i}-1.bin`, buffer: crypto.randomBytes(per) },
        { name: `扫描件-${i}-2.bin`, buffer: crypto.randomBytes(per) },
      ],
    });
  }
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, node ${process.version}`);
  console.log(`payload: ${nRecords} records × 2 files, ${((per * 2 * nRecords) / 1048576).toFixed(0)} MiB`);

  const viaDirectory = async (out: string) => {
    for (const b of await archives.exportBags(OPERATOR, out, {})) {
      await zipDirectory(b.dir, `${b.dir}.zip`, b.archivalCode);
      fs.rmSync(b.dir, { recursive: true, force: true });
    }
  };
  const streamed = (out: string) => archives.exportBags(OPERATOR, out, {}, { zip: true });
  const results: Record<string, { wall: number; cpu: number }[]> = { 'directory + zip': [], streamed: [] };
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of [['directory + zip', viaDirectory], ['streamed', streamed]] as const) {
      const out = path.join(dir, `out-${name === 'streamed' ? 's' : 'd'}-${r}`);
      const c = process.cpuUsage();
      const t = performance.now();
      await fn(out);
      const wall = performance.now() - t;
      const cpu = cpuMs(process.cpuUsage(c));
      results[name]!.push({ wall, cpu });
      console.log(`run ${r + 1} ${name.padEnd(16)} wall ${wall.toFixed(0).padStart(6)} ms   cpu ${cpu.toFixed(0).padStart(6)} ms`);
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [name, rs] of Object.entries(results)) console.log(`median ${name.padEnd(16)} wall ${median(rs.map((x) => x.wall)).toFixed(0).padStart(6)} ms   cpu ${median(rs.map((x) => x.cpu)).toFixed(0).padStart(6)} ms`);
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  await database.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
