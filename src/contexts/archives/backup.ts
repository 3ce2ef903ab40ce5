/**
 * Backup and restore of the archive (DA/T 92 单套管理: the archives AND the catalogue database are backed
 * up, restores are verified and logged). A backup directory holds
 *   blobs/<bag key>/…            every stored bag of every version, as in the blob store (each one a BagIt bag)
 *   catalog/<table>.ndjson       the catalog tables, one row per line, read in one snapshot
 *   manifest.json                counts per table, the SM3 of the sorted 档号 list, every file with size, SHA-512, SM3
 *   manifest-sha512.txt, manifest-sm3.txt   the same digests as `<hex>  <path>` lines (checkable with sha512sum)
 * written into a temporary sibling directory and renamed when complete. Restore goes into an empty archive
 * only, after verifying the backup; then it checks the restored platform: every bag re-validated, counts
 * equal, 档号s equal, every version's fixity; then the full-text index is rebuilt from the restored bags.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dialectOf } from '../../db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { hasScope, type Principal } from '../../kernel/principal.ts';
import { actorOf, type ArchiveService } from './archives.service.ts';
import { BackupRepo, CATALOG_TABLES, type CatalogTable } from './backup.repo.ts';
import { validateBagDir } from './bagit.ts';
import { digestChunks } from './digest-pool.ts';

export const BACKUP_SCOPE = 'archives:backup';
const PAGE = 500;

export interface BackupFile {
  path: string;
  size: number;
  sha512: string;
  sm3: string;
}

export interface BackupManifest {
  kind: 'landao.archives.backup';
  version: 1;
  createdAt: string;
  fonds: string;
  counts: Record<string, number>;
  /** SM3 of the sorted 档号s joined by newlines. */
  archivalCodesSm3: string;
  bags: number;
  files: BackupFile[];
}

export interface BackupVerification {
  ok: boolean;
  problems: string[];
  counts: Record<string, number>;
  bags: number;
  files: number;
}

export interface RestoreResult {
  ok: boolean;
  verification: BackupVerification;
  restored?: { counts: Record<string, number>; countsEqual: boolean; archivalCodesEqual: boolean; fixity: { checked: number; failed: string[] }; searchIndexed: number };
}

const codesDigest = (codes: string[]) => crypto.createHash('sm3').update(codes.join('\n')).digest('hex');

/** Writes a stream to a new file (fsync'd), hashing it with SHA-512 and SM3 on the way. */
async function writeHashed(file: string, source: Readable): Promise<{ size: number; sha512: string; sm3: string }> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const a = crypto.createHash('sha512');
  const b = crypto.createHash('sm3');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _e, cb) {
      a.update(chunk);
      b.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  await pipeline(source, tap, fs.createWriteStream(file, { flags: 'wx' }));
  const fh = await fsp.open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { size, sha512: a.digest('hex'), sm3: b.digest('hex') };
}

function hashFile(file: string): Promise<{ size: number; sha512: string; sm3: string }> {
  return digestChunks(fs.createReadStream(file, { highWaterMark: 1 << 20 }));
}

async function* walk(dir: string, rel = ''): AsyncGenerator<string> {
  for (const e of await fsp.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(dir, r);
    else yield r;
  }
}

async function* ndjson(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as Record<string, unknown>;
}

export class ArchiveBackup {
  private readonly repo = new BackupRepo();

  constructor(private readonly archives: ArchiveService) {}

  /** Writes a backup into `outDir` (which must not exist yet). */
  async backup(p: Principal, outDir: string): Promise<{ dir: string; manifest: BackupManifest }> {
    if (!hasScope(p, BACKUP_SCOPE)) throw new AppError('forbidden', `${BACKUP_SCOPE} is needed to back up the archive`);
    if (fs.existsSync(outDir)) throw new AppError('conflict', `--out: ${outDir} exists; a backup goes into a new directory`);
    await fsp.mkdir(path.dirname(outDir), { recursive: true });
    const tmp = `${outDir}.tmp-${crypto.randomBytes(6).toString('hex')}`;
    await fsp.mkdir(tmp);
    const files: BackupFile[] = [];
    const counts: Record<string, number> = {};
    const bagKeys: string[] = [];
    try {
      // The catalog in one snapshot; the bags it names are copied afterwards (bags are written once, never changed).
      const run = async (tx: Parameters<BackupRepo['page']>[0]) => {
        for (const [table, key] of CATALOG_TABLES) {
          const rows: string[] = [];
          let after: string | number | undefined;
          let n = 0;
          for (;;) {
            const page = await this.repo.page(tx, table, key, after, PAGE);
            for (const r of page) {
              rows.push(JSON.stringify(r) + '\n');
              if (table === 'archives_versions' && r['fixity_status'] !== 'destroyed') bagKeys.push(String(r['bag_key']));
            }
            n += page.length;
            if (page.length < PAGE) break;
            after = page[page.length - 1]![key] as string | number;
          }
          counts[table] = n;
          const rel = `catalog/${table}.ndjson`;
          files.push({ path: rel, ...(await writeHashed(path.join(tmp, rel), Readable.from(rows))) });
        }
        return codesDigest(await this.repo.archivalCodes(tx));
      };
      const db = this.archives.db;
      const archivalCodesSm3 = dialectOf(db) === 'postgres' ? await db.transaction().setIsolationLevel('repeatable read').execute(run) : await db.transaction().execute(run);
      for (const bag of bagKeys) {
        for await (const key of this.archives.blobs.list(`${bag}/`)) {
          const rel = `blobs/${key}`;
          files.push({ path: rel, ...(await writeHashed(path.join(tmp, ...rel.split('/')), await this.archives.blobs.get(key))) });
        }
      }
      const manifest: BackupManifest = { kind: 'landao.archives.backup', version: 1, createdAt: this.archives.now().toISOString(), fonds: this.archives.fonds, counts, archivalCodesSm3, bags: bagKeys.length, files };
      await fsp.writeFile(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n', { flag: 'wx' });
      await fsp.writeFile(path.join(tmp, 'manifest-sha512.txt'), files.map((f) => `${f.sha512}  ${f.path}\n`).join(''), { flag: 'wx' });
      await fsp.writeFile(path.join(tmp, 'manifest-sm3.txt'), files.map((f) => `${f.sm3}  ${f.path}\n`).join(''), { flag: 'wx' });
      await fsp.rename(tmp, outDir);
      await db.transaction().execute((tx) => this.archives.audit.record(tx, actorOf(p), { action: 'archives.backup.created', entityType: 'archives.backup', entityId: path.basename(outDir), detail: { counts, bags: bagKeys.length, files: files.length } }));
      return { dir: outDir, manifest };
    } catch (e) {
      await fsp.rm(tmp, { recursive: true, force: true });
      throw e;
    }
  }

  /** Checks a backup directory without touching the platform: every file, both manifests, row counts and every bag; lists every problem. */
  async verify(dir: string): Promise<BackupVerification> {
    const problems: string[] = [];
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(await fsp.readFile(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    } catch (e) {
      throw new AppError('bad_request', `${dir}: no readable manifest.json (${(e as Error).message.split('\n')[0]})`);
    }
    if (manifest.kind !== 'landao.archives.backup' || !Array.isArray(manifest.files)) throw new AppError('bad_request', `${dir}: manifest.json is not a Landao archive backup`);
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const alg of ['sha512', 'sm3'] as const) {
      const text = await fsp.readFile(path.join(dir, `manifest-${alg}.txt`), 'utf8').catch(() => null);
      if (text === null) {
        problems.push(`manifest-${alg}.txt: missing`);
        continue;
      }
      const lines = text.split('\n').filter((l) => l !== '');
      if (lines.length !== listed.size) problems.push(`manifest-${alg}.txt: ${lines.length} lines, manifest.json lists ${listed.size} files`);
      for (const line of lines) {
        const m = /^([0-9a-f]+) {2}(.+)$/.exec(line);
        if (!m || listed.get(m[2]!)?.[alg] !== m[1]) problems.push(`manifest-${alg}.txt: ${m ? m[2] : line} disagrees with manifest.json`);
      }
    }
    const present = new Set<string>();
    for await (const rel of walk(dir)) if (!/^manifest(\.json|-sha512\.txt|-sm3\.txt)$/.test(rel)) present.add(rel);
    for (const f of manifest.files) {
      if (!present.has(f.path)) {
        problems.push(`${f.path}: missing`);
        continue;
      }
      const h = await hashFile(path.join(dir, ...f.path.split('/')));
      if (h.size !== f.size || h.sha512 !== f.sha512 || h.sm3 !== f.sm3) problems.push(`${f.path}: changed (size or digest differs from the manifest)`);
    }
    for (const rel of present) if (!listed.has(rel)) problems.push(`${rel}: not in the manifest`);
    const counts: Record<string, number> = {};
    const bagKeys: string[] = [];
    for (const [table] of CATALOG_TABLES) {
      const file = path.join(dir, 'catalog', `${table}.ndjson`);
      if (!fs.existsSync(file)) continue;
      let n = 0;
      for await (const r of ndjson(file)) {
        n++;
        if (table === 'archives_versions' && r['fixity_status'] !== 'destroyed') bagKeys.push(String(r['bag_key']));
      }
      counts[table] = n;
      if (n !== manifest.counts[table]) problems.push(`catalog/${table}.ndjson: ${n} rows, the manifest says ${manifest.counts[table]}`);
    }
    for (const bag of bagKeys) {
      const report = await validateBagDir(path.join(dir, 'blobs', ...bag.split('/')));
      for (const pr of report.problems) problems.push(`bag ${bag}: ${pr.code} ${pr.path ?? ''} ${pr.message}`.replace(/ +/g, ' '));
    }
    return { ok: problems.length === 0, problems, counts, bags: bagKeys.length, files: manifest.files.length };
  }

  /**
   * Verifies the backup, then (unless verifyOnly) restores it into this platform's EMPTY archive: bags into
   * the blob store, the catalog in one transaction (with the audit event of the restore), and checks the
   * result: counts equal, 档号s equal, every version's fixity.
   */
  async restore(p: Principal, dir: string, opts: { verifyOnly?: boolean | undefined } = {}): Promise<RestoreResult> {
    if (!hasScope(p, BACKUP_SCOPE)) throw new AppError('forbidden', `${BACKUP_SCOPE} is needed to restore the archive`);
    const verification = await this.verify(dir);
    if (!verification.ok || opts.verifyOnly) return { ok: verification.ok, verification };
    const db = this.archives.db;
    for (const [table] of CATALOG_TABLES) if ((await this.repo.count(db, table)) > 0) throw new AppError('conflict', `the archive is not empty (${table} has rows): restore goes into an empty platform`);
    const manifest = JSON.parse(await fsp.readFile(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    const put: string[] = [];
    try {
      for (const f of manifest.files.filter((x) => x.path.startsWith('blobs/'))) {
        const key = f.path.slice('blobs/'.length);
        const r = await this.archives.blobs.put(key, fs.createReadStream(path.join(dir, ...f.path.split('/'))));
        put.push(key);
        if (r.sm3 !== f.sm3) throw new AppError('unprocessable', `${f.path}: changed while restoring (SM3 differs)`);
      }
      await db.transaction().execute(async (tx) => {
        for (const [table] of CATALOG_TABLES) {
          let rows: Record<string, unknown>[] = [];
          for await (const r of ndjson(path.join(dir, 'catalog', `${table}.ndjson`))) {
            rows.push(r);
            if (rows.length === 200) {
              await this.repo.insert(tx, table, rows);
              rows = [];
            }
          }
          await this.repo.insert(tx, table, rows);
          if (table !== 'archives_series') await this.repo.resetSequence(tx, table as CatalogTable);
        }
        await this.archives.audit.record(tx, actorOf(p), { action: 'archives.backup.restored', entityType: 'archives.backup', entityId: path.basename(dir), detail: { counts: manifest.counts, createdAt: manifest.createdAt } });
      });
    } catch (e) {
      for (const k of put) await this.archives.blobs.delete(k).catch(() => undefined);
      throw e;
    }
    const counts: Record<string, number> = {};
    for (const [table] of CATALOG_TABLES) counts[table] = await this.repo.count(db, table);
    const countsEqual = CATALOG_TABLES.every(([t]) => counts[t] === manifest.counts[t]);
    const archivalCodesEqual = codesDigest(await this.repo.archivalCodes(db)) === manifest.archivalCodesSm3;
    const failed: string[] = [];
    let checked = 0;
    for (const [table] of CATALOG_TABLES.filter(([t]) => t === 'archives_versions')) {
      for await (const r of ndjson(path.join(dir, 'catalog', `${table}.ndjson`))) {
        if (r['fixity_status'] === 'destroyed') continue;
        const v = (await this.archives.repo.versionById(db, Number(r['id'])))!;
        const f = await this.archives.checkFixity(v);
        checked++;
        if (!f.ok) failed.push(`version ${v.id}: changed ${f.changed.join(', ')} missing ${f.missing.join(', ')} extra ${f.extra.join(', ')}`);
      }
    }
    // The full-text index is derived data, not in the backup: rebuilt from the restored bags.
    const searchIndexed = await this.archives.search.reindexStale();
    return { ok: countsEqual && archivalCodesEqual && failed.length === 0, verification, restored: { counts, countsEqual, archivalCodesEqual, fixity: { checked, failed }, searchIndexed } };
  }
}
