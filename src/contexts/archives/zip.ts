/**
 * Zipped bags: a .zip is checked from its central directory BEFORE anything is unpacked — entry count,
 * total uncompressed size, expansion ratio, path traversal / absolute paths, symbolic links, encryption,
 * duplicate names — and refused with EVERY problem listed. A zip that passes is streamed entry by entry into
 * a directory (yauzl, sizes re-checked while inflating), where the ordinary bag validator takes over.
 * Writing (yazl): a bag directory as a deflated zip, each file streamed from disk, ZIP64 where sizes need it, for `export --zip`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import os from 'node:os';
import type { Principal } from '../../kernel/principal.ts';
import type { BagProblem, BagReport } from './bagit.ts';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest uncompressed:compressed ratio of an entry above `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 8 * 1024 ** 3, maxRatio: 200, ratioFromBytes: 1024 * 1024 };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Unpacks a zipped bag into `dest` (created) unless a check fails; returns the bag's root directory or every problem. */
export async function unzipBag(zipPath: string, dest: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<{ root: string; problems: BagProblem[] }> {
  const problems: BagProblem[] = [];
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false, strictFileNames: false });
  } catch (e) {
    return { root: dest, problems: [{ code: 'zip_unreadable', message: `${path.basename(zipPath)}: not a readable zip (${(e as Error).message})` }] };
  }
  try {
    const entries: { name: string; entry: yauzl.Entry }[] = [];
    let total = 0;
    const seen = new Set<string>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          if (entries.length >= limits.maxEntries) {
            problems.push({ code: 'zip_entries', message: `more than ${limits.maxEntries} entries` });
            resolve();
            return;
          }
          const name = (entry.fileName as unknown as Buffer).toString('utf8');
          const bad = yauzl.validateFileName(name);
          if (bad !== null || name.includes('\\')) problems.push({ code: 'unsafe_path', path: name, message: `${name}: ${bad ?? 'backslash in a path'}` });
          if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) problems.push({ code: 'zip_symlink', path: name, message: `${name}: a symbolic link` });
          if ((entry.generalPurposeBitFlag & 1) !== 0) problems.push({ code: 'zip_encrypted', path: name, message: `${name}: encrypted (DA/T 70 3-8: no encryption)` });
          if (seen.has(name)) problems.push({ code: 'zip_duplicate', path: name, message: `${name}: appears twice` });
          seen.add(name);
          const u = entry.uncompressedSize;
          const c = entry.compressedSize;
          if (u > limits.ratioFromBytes && (c === 0 || u / c > limits.maxRatio)) problems.push({ code: 'zip_ratio', path: name, message: `${name}: expands ${c === 0 ? 'from nothing' : `${Math.round(u / c)}:1`} to ${u} bytes (over ${limits.maxRatio}:1: zip bomb?)` });
          total += u;
          entries.push({ name, entry });
          zip.readEntry();
        });
        zip.once('end', () => resolve());
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (e) {
      problems.push({ code: 'zip_unreadable', message: `central directory: ${(e as Error).message}` });
    }
    if (total > limits.maxTotalBytes) problems.push({ code: 'zip_size', message: `${total} bytes uncompressed in all, over ${limits.maxTotalBytes}` });
    if (problems.length > 0) return { root: dest, problems };

    await fsp.mkdir(dest, { recursive: true });
    let written = 0;
    for (const { name, entry } of entries) {
      const target = path.join(dest, ...name.split('/'));
      if (!target.startsWith(dest + path.sep)) return { root: dest, problems: [{ code: 'unsafe_path', path: name, message: `${name}: outside the bag` }] };
      if (name.endsWith('/')) {
        await fsp.mkdir(target, { recursive: true });
        continue;
      }
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const count = new Transform({
        transform(chunk: Buffer, _e, cb) {
          written += chunk.length;
          cb(written > limits.maxTotalBytes ? new Error(`more than ${limits.maxTotalBytes} bytes inflated`) : null, chunk);
        },
      });
      try {
        await pipeline(await zip.openReadStreamPromise(entry), count, fs.createWriteStream(target, { flags: 'wx' }));
      } catch (e) {
        return { root: dest, problems: [{ code: 'zip_unreadable', path: name, message: `${name}: ${(e as Error).message}` }] };
      }
    }
    // A bag zipped with its directory: the single top-level folder holding bagit.txt is the root.
    const top = [...new Set(entries.map((x) => x.name.split('/')[0]!))];
    const root = top.length === 1 && entries.some((x) => x.name === `${top[0]}/bagit.txt`) ? path.join(dest, top[0]!) : dest;
    return { root, problems: [] };
  } finally {
    zip.close();
  }
}

// ---- writing (yazl: deflated entries, sizes known up front so ZIP64 is used where a file or the zip needs it) ----

/** One zip entry: a file on disk (streamed), a stream of a known size (e.g. a blob), or small bytes. */
export type ZipEntrySource = { name: string; mode?: number | undefined; mtime?: Date | undefined } & (
  | { file: string }
  | { size: number; open: () => Promise<Readable> | Readable }
  | { data: Buffer }
);

/**
 * Writes `dir` as `zipPath` with every file under `<rootName>/` (a zipped bag for transfer), in sorted path
 * order; each file is streamed from disk and keeps its modification time.
 */
export async function zipDirectory(dir: string, zipPath: string, rootName: string): Promise<void> {
  const files: string[] = [];
  const walk = async (rel: string) => {
    for (const e of await fsp.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else files.push(r);
    }
  };
  await walk('');
  files.sort();
  await writeZip(zipPath, files.map((rel) => ({ name: `${rootName}/${rel}`, file: path.join(dir, ...rel.split('/')) })));
}

/**
 * Writes a zip with yazl (entries deflated in the given order, names UTF-8, `mode` = Unix mode, default a
 * regular file 0644; `mtime` defaults to the file's own for `file` entries) through a temporary file, synced
 * and renamed; on any failure neither the zip nor the temporary file is left.
 */
export async function writeZip(zipPath: string, entries: ZipEntrySource[]): Promise<void> {
  const tmp = `${zipPath}.tmp-${crypto.randomBytes(6).toString('hex')}`;
  const zip = new yazl.ZipFile();
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        (zip.outputStream as Readable).destroy();
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      zip.on('error', fail);
      try {
        for (const e of entries) {
          const opts = { mode: e.mode ?? 0o100644, compress: true, ...(e.mtime ? { mtime: e.mtime } : {}) };
          if ('file' in e) zip.addFile(e.file, e.name, opts);
          else if ('data' in e) zip.addBuffer(e.data, e.name, opts);
          else
            zip.addReadStreamLazy(e.name, { ...opts, size: e.size }, (cb) => {
              Promise.resolve()
                .then(() => e.open())
                .then((s) => {
                  s.once('error', fail);
                  cb(null, s);
                }, fail);
            });
        }
        zip.end();
      } catch (e) {
        fail(e);
        return;
      }
      // flush: fsync before the stream closes, so the rename below publishes complete bytes.
      pipeline(zip.outputStream as Readable, fs.createWriteStream(tmp, { flags: 'wx', flush: true })).then(() => {
        if (!failed) resolve();
      }, fail);
    });
    await fsp.rename(tmp, zipPath);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Validates (checkOnly) or imports a bag given as a directory or a .zip; a zip is unpacked into a temporary
 * directory only after its checks pass, and that directory is removed afterwards.
 */
/** What importBagPath needs of the archive service (named here so this module does not import the service). */
export interface BagImporter<R> {
  validateBag(dir: string): Promise<BagReport>;
  importBag(p: Principal, dir: string): Promise<{ report: BagReport; result?: R }>;
}

export async function importBagPath<R>(archives: BagImporter<R>, p: Principal, bagPath: string, opts: { checkOnly?: boolean | undefined; limits?: ZipLimits | undefined } = {}): Promise<{ report: BagReport; result?: R | undefined }> {
  const run = (dir: string) => (opts.checkOnly ? archives.validateBag(dir).then((report) => ({ report })) : archives.importBag(p, dir));
  if (!bagPath.toLowerCase().endsWith('.zip')) return run(bagPath);
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'landao-bag-'));
  try {
    const { root, problems } = await unzipBag(bagPath, path.join(tmp, 'bag'), opts.limits);
    if (problems.length > 0) return { report: { ok: false, problems, bagInfo: {}, files: [], metadataXml: null } };
    return await run(root);
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}
