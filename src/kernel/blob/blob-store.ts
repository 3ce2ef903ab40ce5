import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';

/**
 * Where uploaded files and packages live. Callers name blobs with keys — relative, slash-separated
 * paths such as `customs/2026/abc.csv` — and keep the returned hashes in their own rows. The local
 * adapter (local-blob-store.ts) stores them in a directory; an S3-compatible adapter can implement
 * the same port later, which is why keys follow S3's rules of thumb (≤ 1024 bytes, `/` separators,
 * prefix listing) and there are no directory operations.
 */
export interface BlobStore {
  /**
   * Stores `data` under `key`, replacing any blob there. Atomic: readers see the old blob or the
   * new one, never part of one; a failed or aborted put leaves nothing behind.
   */
  put(key: string, data: Buffer | Readable, opts?: PutOptions): Promise<PutResult>;
  /** The blob's bytes; AppError 'not_found' when there is none. */
  get(key: string): Promise<Readable>;
  /** null when there is no blob under `key`. */
  stat(key: string): Promise<BlobStat | null>;
  /** Removes the blob; removing a missing blob is not an error. */
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix` (plain string prefix, as in S3), in key order. */
  list(prefix: string): AsyncIterable<string>;
  /**
   * A path on the local disk holding the blob, for readers that need random access (the parallel
   * scanner); null when the store keeps blobs elsewhere (copy to a temporary file then).
   */
  localPath(key: string): Promise<string | null>;
}

export interface PutOptions {
  /** Kept by stores that keep metadata (S3); the local store ignores it. */
  contentType?: string | undefined;
  /** Refuse (AppError 'payload_too_large') as soon as more than this many bytes arrive. */
  maxBytes?: number | undefined;
  /** Aborting it aborts the put (nothing is stored). */
  signal?: AbortSignal | undefined;
  /**
   * false: the caller hashes the bytes itself (the archive's ingest: SHA-512 + SM3 in one pass on two
   * cores), the store does not, and `sm3` / `sha256` of the result are empty strings. Default true.
   */
  digests?: boolean | undefined;
}

export interface PutResult {
  key: string;
  size: number;
  /** Hex digests of the stored bytes. */
  sm3: string;
  sha256: string;
}

export interface BlobStat {
  key: string;
  size: number;
  /** ISO-8601 UTC. */
  modifiedAt: string;
}

const MAX_KEY_BYTES = 1024;

function refuse(key: string, why: string): never {
  throw new AppError('bad_request', `invalid blob key ${JSON.stringify(key)}: ${why}`, { key });
}

function checkChars(key: string): void {
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) refuse(key, `longer than ${MAX_KEY_BYTES} bytes`);
  if (key.includes('\\')) refuse(key, 'backslashes are not allowed');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) refuse(key, 'control characters (NUL included) are not allowed');
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) refuse(key, 'absolute paths are not allowed');
}

/**
 * Returns `key` if it is a valid blob key, else throws AppError 'bad_request'. A key is a relative
 * path of non-empty segments separated by `/`; no `.` or `..` segments, no backslashes, no control
 * characters or NUL, no absolute or drive paths, and no segment starting with `.` (hidden names are
 * reserved for the stores' temporary files).
 */
export function assertBlobKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0) refuse(String(key), 'empty');
  checkChars(key);
  for (const seg of key.split('/')) {
    if (seg === '') refuse(key, 'empty path segment');
    if (seg === '.' || seg === '..') refuse(key, '"." and ".." segments are not allowed');
    if (seg.startsWith('.')) refuse(key, 'segments must not start with "."');
  }
  return key;
}

/**
 * Checks a list prefix: like a key, but it may be empty, end with `/` or end inside a segment.
 */
export function assertBlobPrefix(prefix: string): string {
  if (typeof prefix !== 'string') refuse(String(prefix), 'not a string');
  if (prefix === '') return prefix;
  checkChars(prefix);
  const segs = prefix.split('/');
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '' && !last) refuse(prefix, 'empty path segment');
    if (seg === '..' || (seg === '.' && !last)) refuse(prefix, '"." and ".." segments are not allowed');
  });
  return prefix;
}
