import crypto from 'node:crypto';
import type { Dirent } from 'node:fs';
import fsp, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { addAbortSignal, type Readable } from 'node:stream';
import { AppError, notFound } from '../errors.ts';
import { assertBlobKey, assertBlobPrefix, type BlobStat, type BlobStore, type PutOptions, type PutResult } from './blob-store.ts';

const FILE_MODE = 0o640;
const DIR_MODE = 0o750;

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** fsync on a directory makes a rename or unlink in it durable; some filesystems refuse, which is fine. */
async function fsyncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await fsp.open(dir, 'r');
    await fh.sync();
  } catch {
    // The rename is still atomic, only its durability across a power cut is up to the filesystem.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

async function writeAll(fh: FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new AppError('bad_request', 'blob data must be bytes, not an object-mode stream');
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `the upload is larger than ${maxBytes} bytes`, { maxBytes });
}

/**
 * BlobStore on a local directory. A blob `a/b/c.csv` is the file `<root>/a/b/c.csv`.
 *
 * `put` streams into a hidden temp file in the target directory while computing SM3 and SHA-256
 * in the same pass, fsyncs it, renames it over the key and fsyncs the directory: a crash leaves the
 * old blob or the new one, never a partial one under the key. A failed, aborted or oversize put
 * removes its temp file. Unlike S3, a key cannot be both a blob and a prefix of other blobs
 * (`a` and `a/b`): such a put is an AppError 'conflict'.
 */
export class LocalBlobStore implements BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private fileOf(key: string): string {
    assertBlobKey(key);
    const file = path.join(this.root, ...key.split('/'));
    const rel = path.relative(this.root, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new AppError('bad_request', `invalid blob key ${JSON.stringify(key)}`);
    return file;
  }

  async localPath(key: string): Promise<string | null> {
    return (await this.stat(key)) ? this.fileOf(key) : null;
  }

  async put(key: string, data: Buffer | Readable, opts: PutOptions = {}): Promise<PutResult> {
    const file = this.fileOf(key);
    const dir = path.dirname(file);
    const { maxBytes, signal } = opts;
    const hashing = opts.digests !== false;
    const stream = Buffer.isBuffer(data) ? undefined : data;
    if (maxBytes !== undefined && (!Number.isInteger(maxBytes) || maxBytes < 0))
      throw new AppError('bad_request', 'maxBytes must be a non-negative integer');
    try {
      if (maxBytes !== undefined && Buffer.isBuffer(data) && data.length > maxBytes) throw tooLarge(maxBytes);
      signal?.throwIfAborted();
      await this.makeDirs(dir);
    } catch (e) {
      stream?.destroy();
      throw this.mapError(e, key);
    }

    const tmp = path.join(dir, `.tmp-${crypto.randomBytes(8).toString('hex')}`);
    let fh: FileHandle | undefined;
    try {
      fh = await fsp.open(tmp, 'wx', FILE_MODE);
      const sm3 = crypto.createHash('sm3');
      const sha256 = crypto.createHash('sha256');
      let size = 0;
      const take = async (chunk: Buffer) => {
        size += chunk.length;
        if (maxBytes !== undefined && size > maxBytes) throw tooLarge(maxBytes);
        if (hashing) {
          sm3.update(chunk);
          sha256.update(chunk);
        }
        await writeAll(fh!, chunk);
      };
      if (stream) {
        if (signal) addAbortSignal(signal, stream);
        // Leaving the loop by a throw destroys the source, so an oversize upload stops right here.
        for await (const chunk of stream) await take(toBuffer(chunk));
      } else {
        await take(data as Buffer);
      }
      signal?.throwIfAborted();
      await fh.sync();
      await fh.close();
      fh = undefined;
      await fsp.rename(tmp, file);
      await fsyncDir(dir);
      return { key, size, sm3: hashing ? sm3.digest('hex') : '', sha256: hashing ? sha256.digest('hex') : '' };
    } catch (e) {
      await fh?.close().catch(() => undefined);
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
      stream?.destroy();
      throw this.mapError(e, key);
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.fileOf(key);
    let fh: FileHandle;
    try {
      fh = await fsp.open(file, 'r');
    } catch (e) {
      if (codeOf(e) === 'ENOENT' || codeOf(e) === 'ENOTDIR') throw notFound('blob', key);
      throw e;
    }
    const st = await fh.stat().catch(async (e: unknown) => {
      await fh.close();
      throw e;
    });
    if (!st.isFile()) {
      await fh.close();
      throw notFound('blob', key);
    }
    return fh.createReadStream();
  }

  async stat(key: string): Promise<BlobStat | null> {
    const file = this.fileOf(key);
    try {
      const st = await fsp.stat(file);
      return st.isFile() ? { key, size: st.size, modifiedAt: st.mtime.toISOString() } : null;
    } catch (e) {
      if (codeOf(e) === 'ENOENT' || codeOf(e) === 'ENOTDIR') return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    try {
      await fsp.unlink(file);
    } catch (e) {
      // Missing, or a prefix of other blobs rather than a blob: nothing to delete.
      if (['ENOENT', 'ENOTDIR', 'EISDIR', 'EPERM'].includes(codeOf(e) ?? '') && (await this.stat(key)) === null) return;
      throw e;
    }
    await fsyncDir(path.dirname(file));
  }

  async *list(prefix: string): AsyncGenerator<string> {
    assertBlobPrefix(prefix);
    // Start in the deepest directory the prefix names completely.
    const cut = prefix.lastIndexOf('/');
    yield* this.walk(cut >= 0 ? prefix.slice(0, cut) : '', prefix);
  }

  private async *walk(dirKey: string, prefix: string): AsyncGenerator<string> {
    const dir = dirKey ? path.join(this.root, ...dirKey.split('/')) : this.root;
    let entries: Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (codeOf(e) === 'ENOENT' || codeOf(e) === 'ENOTDIR') return;
      throw e;
    }
    // Sorting a directory as "name/" puts its keys where they belong in plain key order.
    const items = entries
      .filter((d) => !d.name.startsWith('.') && (d.isFile() || d.isDirectory()))
      .map((d) => ({ name: d.name, isDir: d.isDirectory(), sortKey: d.isDirectory() ? `${d.name}/` : d.name }))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const it of items) {
      const key = dirKey ? `${dirKey}/${it.name}` : it.name;
      if (!it.isDir) {
        if (key.startsWith(prefix)) yield key;
      } else if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) {
        yield* this.walk(key, prefix);
      }
    }
  }

  /** mkdir -p, then fsync the parents of the directories it created so they survive a power cut. */
  private async makeDirs(dir: string): Promise<void> {
    const first = await fsp.mkdir(dir, { recursive: true, mode: DIR_MODE });
    if (first === undefined) return;
    for (let d = dir; ; d = path.dirname(d)) {
      await fsyncDir(path.dirname(d));
      if (d === first || path.dirname(d) === d) break;
    }
  }

  private mapError(e: unknown, key: string): unknown {
    const code = codeOf(e);
    if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST' || code === 'ENOTEMPTY')
      return new AppError('conflict', `blob key ${key} collides with an existing blob or prefix`, { key });
    return e;
  }
}
