/**
 * Archive ingest throughput: files streamed through ArchiveService.archive (SHA-512 on the main thread,
 * SM3 in a worker thread — digest-pool.ts —, format sniffing, fsync + rename, tag files, one SQLite
 * transaction) against `sha512sum` and `openssl dgst -sm3` on the same files, and the bare in-process
 * hashing speed for comparison. Wall-clock and this process's CPU time (all threads) are printed.
 *
 *   npx tsx bench/archives/ingest.bench.ts [--mb 256] [--files 4]
 *
 * Random files in a temporary directory (read from the page cache after the first pass, as sha512sum
 * reads them). Figures depend on the machine and its load (printed: load average and cores).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { AuditService } from '../../src/contexts/audit/index.ts';
import { ArchiveService } from '../../src/contexts/archives/index.ts';
import { LocalBlobStore } from '../../src/kernel/blob/local-blob-store.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '256' }, files: { type: 'string', default: '4' } } });
const totalMb = Number(values.mb);
const nFiles = Number(values.files);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-archives-bench-'));
const mbps = (bytes: number, ms: number) => (bytes / 1048576 / (ms / 1000)).toFixed(1);

try {
  const files: string[] = [];
  const per = Math.floor((totalMb * 1048576) / nFiles);
  for (let i = 0; i < nFiles; i++) {
    const f = path.join(dir, `file-${i}.pdf`);
    const fd = fs.openSync(f, 'w');
    // PDF-shaped (header and trailer around random bytes), so the PDF marker scan runs as for real files.
    const head = Buffer.from('%PDF-1.7\n');
    const tail = Buffer.from('\nstartxref\n0\n%%EOF\n');
    fs.writeSync(fd, head);
    const body = per - head.length - tail.length;
    for (let off = 0; off < body; off += 1 << 22) fs.writeSync(fd, crypto.randomBytes(Math.min(1 << 22, body - off)));
    fs.writeSync(fd, tail);
    fs.closeSync(fd);
    files.push(f);
  }
  const bytes = per * nFiles;
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, node ${process.version}`);
  console.log(`payload: ${nFiles} files, ${(bytes / 1048576).toFixed(0)} MiB`);

  let t = performance.now();
  execFileSync('sha512sum', files, { stdio: 'ignore' });
  const shaMs = performance.now() - t;
  console.log(`sha512sum:                         ${mbps(bytes, shaMs)} MiB/s`);
  t = performance.now();
  execFileSync('openssl', ['dgst', '-sm3', ...files], { stdio: 'ignore' });
  console.log(`openssl dgst -sm3:                 ${mbps(bytes, performance.now() - t)} MiB/s`);

  const bothMs = await (async () => {
    const s = performance.now();
    for (const f of files) {
      const a = crypto.createHash('sha512');
      const b = crypto.createHash('sm3');
      for await (const c of fs.createReadStream(f, { highWaterMark: 1 << 20 })) {
        a.update(c as Buffer);
        b.update(c as Buffer);
      }
      a.digest();
      b.digest();
    }
    return performance.now() - s;
  })();
  console.log(`node sha512+sm3 (read + hash only): ${mbps(bytes, bothMs)} MiB/s`);

  const database = openSqlite(path.join(dir, 'db', 'landao.db'));
  await migrateToLatest(database.db);
  const archives = new ArchiveService({ db: database.db, audit: new AuditService(database.db, LocalKeySigner.generate()), blobs: new LocalBlobStore(path.join(dir, 'blobs')) });
  // Warm-up (not timed): the first archiving of a process loads the segmenter of the search index (~0.3 s)
  // and starts the SM3 worker; a server pays that once.
  await archives.archive(undefined, { source: 'api', sourceRef: 'bench-warmup', category: 'XM', title: '预热', responsible: 'bench', date: '2026-01-01', files: [{ name: 'warmup.txt', buffer: Buffer.from('warm-up') }] });
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await archives.archive(undefined, {
    source: 'api',
    sourceRef: 'bench-1',
    category: 'XM',
    title: 'ingest benchmark',
    responsible: 'bench',
    date: '2026-01-01',
    files: files.map((f) => ({ name: path.basename(f), stream: fs.createReadStream(f, { highWaterMark: 1 << 20 }) })),
  });
  const ingestMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  await database.close();
  console.log(`archive ingest (${r.archivalCode}):  ${mbps(bytes, ingestMs)} MiB/s — ${(ingestMs / 1000).toFixed(2)} s; ratio to sha512sum ${(shaMs / ingestMs).toFixed(2)}`);
  console.log(`  CPU ${(cpuMs / 1000).toFixed(2)} s (all threads) = ${mbps(bytes, cpuMs)} MiB per CPU-second; load average now ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
