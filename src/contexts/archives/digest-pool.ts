/**
 * SHA-512 and SM3 of a stream in one pass, on two cores: SHA-512 on the calling thread, SM3 (node's
 * SM3 is OpenSSL's portable C, about 2.2× slower per byte than SHA-512) in a worker thread that gets a
 * copy of each chunk. Per byte the ingest's hashing costs one SHA-512 on the main thread plus a copy;
 * the worker's SM3 runs beside the write. Workers are shared by every ingest of the process (a file's
 * chunks all go to one worker, files are spread round-robin) and do not keep the process alive.
 *
 * The worker is plain JavaScript (`eval`), so it runs the same under tsx, vitest and a build.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'data') {
    let h = jobs.get(m.id);
    if (!h) jobs.set(m.id, (h = crypto.createHash(m.alg)));
    h.update(new Uint8Array(m.buf));
    parentPort.postMessage({ ack: m.buf.byteLength });
  } else if (m.op === 'end') {
    const h = jobs.get(m.id) ?? crypto.createHash(m.alg);
    jobs.delete(m.id);
    parentPort.postMessage({ id: m.id, hex: h.digest('hex') });
  } else if (m.op === 'drop') {
    jobs.delete(m.id);
  }
});
`;

interface Pending {
  resolve: (hex: string) => void;
  reject: (e: Error) => void;
}

class HashWorker {
  private readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  private busy = 0;
  /** Bytes posted and not hashed yet; a writer waits above MAX_QUEUED (memory stays bounded). */
  private queued = 0;
  private waiting: (() => void)[] = [];

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; hex: string; ack?: number }) => {
      if (m.ack !== undefined) {
        this.queued -= m.ack;
        if (this.queued <= MAX_QUEUED) for (const w of this.waiting.splice(0)) w();
        return;
      }
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      this.release();
      p?.resolve(m.hex);
    });
    this.worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      pool.splice(pool.indexOf(this), 1);
    });
  }

  acquire(): void {
    if (this.busy++ === 0) this.worker.ref();
  }

  private release(): void {
    if (--this.busy === 0) this.worker.unref();
  }

  post(msg: unknown, transfer?: ArrayBuffer[]): void {
    this.worker.postMessage(msg, transfer);
  }

  /** Posts a chunk; resolves at once unless the worker is more than MAX_QUEUED bytes behind. */
  async postData(id: number, buf: ArrayBuffer): Promise<void> {
    this.queued += buf.byteLength;
    this.worker.postMessage({ op: 'data', id, alg: 'sm3', buf }, [buf]);
    if (this.queued > MAX_QUEUED) await new Promise<void>((r) => this.waiting.push(r));
  }

  drop(id: number): void {
    this.worker.postMessage({ op: 'drop', id });
    if (this.pending.delete(id)) this.release();
  }
}

const MAX_QUEUED = 16 << 20;
const pool: HashWorker[] = [];
let next = 0;
let ids = 0;
const POOL_SIZE = Math.max(1, Math.min(2, os.availableParallelism() - 1));

function worker(): HashWorker {
  while (pool.length < POOL_SIZE) pool.push(new HashWorker());
  return pool[next++ % pool.length]!;
}

/** SHA-512 here, SM3 in a worker; `digest()` returns both as hex. One per file. */
export class DualDigest {
  private readonly sha512 = crypto.createHash('sha512');
  private readonly w = worker();
  private readonly id = ++ids;
  private readonly sm3: Promise<string>;
  private finished = false;

  constructor() {
    this.w.acquire();
    this.sm3 = new Promise<string>((resolve, reject) => this.w.pending.set(this.id, { resolve, reject }));
    this.sm3.catch(() => undefined);
  }

  /** Hashes a chunk; the promise resolves when the SM3 worker is not too far behind. */
  update(chunk: Buffer): Promise<void> {
    // A copy the worker owns (a read stream's chunk may share its buffer with the next read).
    const copy = new Uint8Array(chunk.length);
    copy.set(chunk);
    const posted = this.w.postData(this.id, copy.buffer);
    this.sha512.update(chunk);
    return posted;
  }

  async digest(): Promise<{ sha512: string; sm3: string }> {
    this.finished = true;
    this.w.post({ op: 'end', id: this.id, alg: 'sm3' });
    return { sha512: this.sha512.digest('hex'), sm3: await this.sm3 };
  }

  /** Forgets an unfinished digest (a failed upload). */
  abandon(): void {
    if (!this.finished) this.w.drop(this.id);
    this.finished = true;
  }
}

/**
 * SHA-512 and SM3 of a stream of chunks, with its size. `dual`: SM3 in the digest worker (worth it from about
 * 1 MiB: the hand-off copies each chunk); otherwise both on this thread. The chunks must not be reused by the
 * producer before the next one is asked for (a reused read buffer is safe: both hashes copy what they keep).
 */
export async function digestChunks(chunks: AsyncIterable<Buffer | Uint8Array>, opts: { dual?: boolean } = {}): Promise<{ size: number; sha512: string; sm3: string }> {
  let size = 0;
  if (opts.dual) {
    const dual = new DualDigest();
    try {
      for await (const c of chunks) {
        size += c.length;
        await dual.update(c as Buffer);
      }
    } catch (e) {
      dual.abandon();
      throw e;
    }
    return { size, ...(await dual.digest()) };
  }
  const a = crypto.createHash('sha512');
  const b = crypto.createHash('sm3');
  for await (const c of chunks) {
    a.update(c);
    b.update(c);
    size += c.length;
  }
  return { size, sha512: a.digest('hex'), sm3: b.digest('hex') };
}
