/**
 * Fixity pass: is the scheduled `archives.fixity` job limited by disk and hash speed, or by the database?
 * N packages (default 1,024 of ~1 MiB: a PDF-shaped file and a JSON summary, sizes 0.5–1.5× the mean)
 * are archived through ArchiveService.archive, then, interleaved and repeated, over the SAME files:
 * `sha512sum`, `openssl dgst -sm3` (what the pass computes: SHA-512 and SM3 of every payload and tag
 * file) and `ArchiveService.fixityRun` over every version. For the pass it prints MiB/s, this process's
 * CPU time (all threads) and the time spent inside database calls (every statement, BEGIN and COMMIT,
 * timed at the driver: better-sqlite3's Statement run/all/get/iterate, node-postgres' Client.query).
 *
 *   npx tsx bench/archives/fixity.bench.ts --dialect sqlite|postgres [--packages 1024] [--mb 1024] [--rounds 2]
 *
 * The files were just written, so every reader gets them from the page cache (23 GiB RAM here): "disk"
 * is the page cache for all three readers alike. Load average and cores are printed.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { AuditService } from '../../src/contexts/audit/index.ts';
import { ArchiveService } from '../../src/contexts/archives/index.ts';
import { LocalBlobStore } from '../../src/kernel/blob/local-blob-store.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    packages: { type: 'string', default: '1024' },
    mb: { type: 'string', default: '1024' },
    rounds: { type: 'string', default: '2' },
  },
});
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const PACKAGES = Number(values.packages);
const MEAN = Math.floor((Number(values.mb) * 1048576) / PACKAGES);
const ROUNDS = Number(values.rounds);
const PG_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// ---- time inside the database driver ----------------------------------------------------------------
const dbTime = { ms: 0, calls: 0 };
const timeSync = (proto: Record<string, unknown>, name: string) => {
  const orig = proto[name] as (...a: unknown[]) => unknown;
  proto[name] = function (this: unknown, ...a: unknown[]) {
    const t = performance.now();
    try {
      return orig.apply(this, a);
    } finally {
      dbTime.ms += performance.now() - t;
      dbTime.calls++;
    }
  };
};
{
  const probe = new SQLite(':memory:');
  const stmtProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  for (const m of ['run', 'all', 'get']) timeSync(stmtProto, m);
  probe.close();
  const clientProto = pg.Client.prototype as unknown as Record<string, unknown>;
  const query = clientProto['query'] as (...a: unknown[]) => unknown;
  clientProto['query'] = function (this: unknown, ...a: unknown[]) {
    const t = performance.now();
    const r = query.apply(this, a);
    if (r instanceof Promise) {
      dbTime.calls++;
      return r.finally(() => {
        dbTime.ms += performance.now() - t;
      });
    }
    return r;
  };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const mibps = (bytes: number, ms: number) => (bytes / 1048576 / (ms / 1000)).toFixed(1);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-fixity-bench-'));
let database: Database;
let dropPg: (() => Promise<void>) | undefined;
if (dialect === 'sqlite') database = openSqlite(path.join(dir, 'db', 'landao.db'));
else {
  const name = `landao_fixity_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  database = openPostgres(u.toString(), 4);
  dropPg = async () => {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  };
}

try {
  console.log(`machine: ${os.cpus().length} cores, load average ${load()}, node ${process.version}, dialect ${dialect}`);
  await migrateToLatest(database.db);
  const blobsRoot = path.join(dir, 'blobs');
  const archives = new ArchiveService({ db: database.db, audit: new AuditService(database.db, LocalKeySigner.generate()), blobs: new LocalBlobStore(blobsRoot) });

  // ---- packages -----------------------------------------------------------------------------------
  const pool = crypto.randomBytes(64 << 20);
  const head = Buffer.from('%PDF-1.7\n');
  const tail = Buffer.from('\nstartxref\n0\n%%EOF\n');
  let seed = 9;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  // TEMPLATES packages through the service (ingest with fsync per file is slow under load), the rest
  // copies of them: the bag directory copied to a new bag key, its catalog rows (record, version, files)
  // copied with a new 档号 and source reference. The fixity pass reads and hashes every copy in full.
  const TEMPLATES = Math.min(PACKAGES, 64);
  const t0 = performance.now();
  for (let i = 0; i < TEMPLATES; i++) {
    const size = Math.max(4096, Math.floor(MEAN * (0.5 + rnd())));
    const off = Math.floor(rnd() * (pool.length - size));
    const pdf = Buffer.concat([head, Buffer.from(`${i}\n`), pool.subarray(off, off + size - head.length - tail.length - 8), tail]);
    const summary = Buffer.from(JSON.stringify({ case: `BENCH-${i}`, decision: '准予许可', at: '2026-11-27' }));
    await archives.archive(undefined, {
      source: 'api',
      sourceRef: `fixity-bench-${i}`,
      category: 'QY',
      title: `平潭企业设立登记 ${i}`,
      responsible: '平潭综合实验区行政审批局',
      date: '2026-11-27',
      files: [
        { name: '核准通知书.pdf', buffer: pdf },
        { name: 'summary.json', buffer: summary },
      ],
    });
  }
  const db = database.db;
  const templates = await db.selectFrom('archives_versions as v').innerJoin('archives_records as r', 'r.id', 'v.record_id').selectAll('r').select(['v.id as version_id']).orderBy('r.id').execute();
  const tVersions = new Map((await db.selectFrom('archives_versions').selectAll().execute()).map((v) => [Number(v.id), v]));
  const tFiles = await db.selectFrom('archives_files').selectAll().execute();
  for (let from = TEMPLATES; from < PACKAGES; from += 256) {
    await db.transaction().execute(async (tx) => {
      for (let i = from; i < Math.min(from + 256, PACKAGES); i++) {
        const t = templates[i % TEMPLATES]!;
        const v = tVersions.get(Number(t.version_id))!;
        const bagKey = `archives/bags/QY/2026/fixity-bench-copy-${i}`;
        fs.cpSync(path.join(blobsRoot, ...String(v.bag_key).split('/')), path.join(blobsRoot, ...bagKey.split('/')), { recursive: true });
        const { id: _r, version_id: _v, ...rec } = t;
        const recordId = Number((await tx.insertInto('archives_records').values({ ...rec, archival_code: `${t.archival_code}-C${i}`, source_ref: `fixity-bench-copy-${i}`, item_no: 100_000 + i, path: null }).returning('id').executeTakeFirstOrThrow()).id);
        const { id: _i, ...ver } = v;
        const versionId = Number((await tx.insertInto('archives_versions').values({ ...ver, record_id: recordId, bag_key: bagKey }).returning('id').executeTakeFirstOrThrow()).id);
        await tx.insertInto('archives_files').values(tFiles.filter((f) => Number(f.version_id) === Number(v.id)).map(({ id: _f, ...f }) => ({ ...f, version_id: versionId }))).execute();
      }
    });
  }
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else files.push(path.join(d, e.name));
    }
  };
  walk(path.join(blobsRoot, 'archives', 'bags'));
  const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
  const listFile = path.join(dir, 'files.txt');
  fs.writeFileSync(listFile, files.join('\0'));
  const versions = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM archives_versions`.execute(database.db)).rows[0]!.n);
  console.log(`${versions} packages, ${files.length} files (payload and tag files), ${(bytes / 1048576).toFixed(0)} MiB; archived in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  /** Wall and CPU (user + system, all its processes) of a command over every file. */
  const tool = (cmd: string) => {
    const timeFile = path.join(dir, 'time.txt');
    const t = performance.now();
    execFileSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'sh', '-c', `xargs -0 ${cmd} < ${listFile} > /dev/null`]);
    const wall = performance.now() - t;
    const [u, s] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    return { wall, cpu: (u! + s!) * 1000 };
  };
  const row = (r: number, what: string, wall: number, cpu: number, extra = '| | |') =>
    console.log(`| ${r} | ${what} | ${(wall / 1000).toFixed(2)} | ${mibps(bytes, wall)} | ${(cpu / 1000).toFixed(2)} | ${mibps(bytes, cpu)} ${extra}`);
  console.log('| round | reader | wall s | MiB/s | CPU s | MiB per CPU-second | database calls | time in database (share of wall) |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (let r = 1; r <= ROUNDS; r++) {
    const sha = tool('sha512sum');
    row(r, '`sha512sum`', sha.wall, sha.cpu);
    const sm3 = tool('openssl dgst -sm3');
    row(r, '`openssl dgst -sm3`', sm3.wall, sm3.cpu);
    row(r, 'both tools, one after the other', sha.wall + sm3.wall, sha.cpu + sm3.cpu);
    const d0 = { ...dbTime };
    const c0 = cpuMs();
    const t = performance.now();
    const run = await archives.fixityRun({ limit: versions });
    const wall = performance.now() - t;
    const cpu = cpuMs() - c0;
    const dbMs = dbTime.ms - d0.ms;
    if (run.checked !== versions || run.failed.length > 0) throw new Error(`fixity pass checked ${run.checked} of ${versions}, ${run.failed.length} failed`);
    row(r, `fixity pass (${run.checked} versions, SHA-512 + SM3)`, wall, cpu, `| ${dbTime.calls - d0.calls} | ${(dbMs / 1000).toFixed(2)} s (${((100 * dbMs) / wall).toFixed(1)} %) |`);
  }
  console.log(`\nload average after: ${load()}`);
} finally {
  await database.close();
  await dropPg?.();
  fs.rmSync(dir, { recursive: true, force: true });
}
