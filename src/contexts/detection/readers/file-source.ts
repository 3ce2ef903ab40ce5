/**
 * Sequential chunked reads of a byte range of an open file, double-buffered: the read of the next
 * chunk runs in the libuv pool while the caller parses the current one.
 */
import fs, { type FileHandle } from 'node:fs/promises';
import { checkAborted, ReaderError } from './types.ts';

export const DEFAULT_CHUNK = 1 << 20;

/** Free bytes kept before every chunk (see `FileChunks.next`). */
export const CHUNK_HEADROOM = 64 * 1024;

export class FileChunks {
  private readonly bufs: [Buffer, Buffer];
  private which = 0;
  private pos: number;
  private inflight: Promise<number> | null = null;
  private inflightBuf: Buffer | null = null;
  /** Bytes handed out so far. */
  consumed = 0;

  constructor(
    private readonly fh: FileHandle,
    start: number,
    private readonly end: number,
    private readonly signal?: AbortSignal,
    chunkSize = DEFAULT_CHUNK,
  ) {
    const size = Math.max(1, Math.min(chunkSize, end - start));
    // Dedicated ArrayBuffers (never Node's shared pool): the bytes before a chunk are free for the
    // caller to prepend a partial record without copying the chunk.
    this.bufs = [Buffer.from(new ArrayBuffer(CHUNK_HEADROOM + size)), Buffer.from(new ArrayBuffer(CHUNK_HEADROOM + size))];
    this.pos = start;
  }

  /** Whether every byte of the range was handed out. */
  get done(): boolean {
    return this.pos >= this.end && this.inflight === null;
  }

  private startRead(): void {
    if (this.pos >= this.end) return;
    const buf = this.bufs[this.which]!;
    this.which ^= 1;
    const len = Math.min(buf.length - CHUNK_HEADROOM, this.end - this.pos);
    const at = this.pos;
    this.pos += len;
    this.inflightBuf = buf;
    this.inflight = readFully(this.fh, buf, len, at, CHUNK_HEADROOM);
    this.inflight.catch(() => undefined); // a prefetch nobody awaits (early close) must not go unhandled
  }

  /**
   * The next chunk, or null at the end of the range. The returned buffer is valid until the call
   * after next (it is reused). It is a view at offset CHUNK_HEADROOM of its own ArrayBuffer: the
   * caller may write up to CHUNK_HEADROOM bytes just before it (`headroomOf`).
   */
  async next(): Promise<Buffer | null> {
    checkAborted(this.signal);
    if (this.inflight === null) this.startRead();
    if (this.inflight === null) return null;
    const n = await this.inflight;
    const buf = this.inflightBuf!;
    this.inflight = null;
    this.inflightBuf = null;
    this.startRead(); // prefetch
    this.consumed += n;
    return buf.subarray(CHUNK_HEADROOM, CHUNK_HEADROOM + n);
  }

  /** Waits for a prefetch in flight (call before closing the file). */
  async settle(): Promise<void> {
    if (this.inflight) await this.inflight.catch(() => 0);
  }
}

/**
 * Bytes writable just before `view` when it is a subarray of a chunk from FileChunks that is parsed
 * front to back: the headroom plus the part of the chunk already consumed.
 */
export function headroomOf(view: Buffer, chunk: Buffer | null): number {
  return chunk !== null && view.buffer === chunk.buffer && chunk.byteOffset === CHUNK_HEADROOM ? view.byteOffset : 0;
}

async function readFully(fh: FileHandle, buf: Buffer, len: number, at: number, offset = 0): Promise<number> {
  let got = 0;
  while (got < len) {
    const { bytesRead } = await fh.read(buf, offset + got, len - got, at + got);
    if (bytesRead === 0) break; // file shrank
    got += bytesRead;
  }
  return got;
}

/** Reads `len` bytes at `at` (fewer at the end of the file). */
export async function readAt(fh: FileHandle, at: number, len: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(len);
  const n = await readFully(fh, buf, len, at);
  return buf.subarray(0, n);
}

/** Number of LF bytes in [0, end) of a file (for line numbers of errors in byte ranges). */
export async function countLfBefore(fh: FileHandle, end: number): Promise<number> {
  let count = 0;
  const chunks = new FileChunks(fh, 0, end);
  for (let buf = await chunks.next(); buf; buf = await chunks.next()) {
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) count++;
  }
  return count;
}

/** Opens a file for reading; a missing, unreadable or non-regular file is a ReaderError (bad_request). */
export async function openInput(path: string, source: string): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle;
  try {
    fh = await fs.open(path, 'r');
  } catch (e) {
    throw new ReaderError(source, describeFsError(e), {}, 'bad_request');
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw new ReaderError(source, 'is a directory', {}, 'bad_request');
    if (!st.isFile()) throw new ReaderError(source, 'not a regular file', {}, 'bad_request');
    return { fh, size: st.size };
  } catch (e) {
    await fh.close().catch(() => undefined);
    if (e instanceof ReaderError) throw e;
    throw new ReaderError(source, describeFsError(e), {}, 'bad_request');
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read (${code ?? (e as Error).message})`;
  }
}
