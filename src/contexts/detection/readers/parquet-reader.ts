/**
 * Parquet reader: hyparquet (pure JS) with hyparquet-compressors (gzip, zstd, brotli, lz4; snappy
 * is built in), one row group at a time: memory is bounded by the largest row group, not by the
 * file. Reads go through an open file handle (closed on close, error or early exit).
 *
 * Values as text: INT64 without loss (bigint), dates `YYYY-MM-DD`, timestamps ISO 8601 (UTC),
 * binary columns without a string annotation decoded as UTF-8. Structs and lists are flattened
 * like JSON (`a.b`, `a[]`, flatten.ts); the top-level columns of the schema are known before any
 * row is read. DECIMAL values pass through hyparquet's conversion to a JS number (more than 15
 * significant digits may be rounded).
 */
import type { FileHandle } from 'node:fs/promises';
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { openInput, readAt } from './file-source.ts';
import { Flattener } from './flatten.ts';
import {
  checkAborted,
  DEFAULT_MAX_UNCOMPRESSED,
  formatBytes,
  ReaderError,
  resolveOptions,
  type ReaderOptions,
  type RowBatch,
  type TableReader,
} from './types.ts';

export interface ParquetOpenOptions extends ReaderOptions {
  source?: string;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function isoDate(days: number): string {
  const d = new Date(days * 86400000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isoTimestamp(ms: bigint | number, extra = ''): string {
  const d = new Date(Number(ms));
  if (Number.isNaN(d.getTime())) return String(ms);
  const iso = d.toISOString();
  return extra ? iso.replace('Z', `${extra}Z`) : iso;
}

const PARSERS = {
  dateFromDays: (days: number): string => isoDate(days),
  timestampFromMilliseconds: (ms: bigint): string => isoTimestamp(ms),
  timestampFromMicroseconds: (us: bigint): string => isoTimestamp(us / 1000n, pad(Number(((us % 1000n) + 1000n) % 1000n), 3)),
  timestampFromNanoseconds: (ns: bigint): string => isoTimestamp(ns / 1000000n, pad(Number(((ns % 1000000n) + 1000000n) % 1000000n), 6)),
  stringFromBytes: (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8'),
};

function fileBuffer(fh: FileHandle, size: number, counter: { bytes: number }, signal?: AbortSignal): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      checkAborted(signal);
      const stop = Math.min(end ?? size, size);
      const buf = await readAt(fh, start, Math.max(0, stop - start));
      counter.bytes += buf.length;
      // A fresh ArrayBuffer holding exactly the bytes (readAt allocates per call).
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer;
    },
  };
}

export async function openParquetReader(path: string, opts: ParquetOpenOptions = {}): Promise<TableReader> {
  const source = opts.source ?? path;
  const o = resolveOptions(opts);
  const maxGroup = opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED;
  const { fh, size } = await openInput(path, source);
  const counter = { bytes: 0 };
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await fh.close().catch(() => undefined);
  };
  let metadata: FileMetaData;
  const file = fileBuffer(fh, size, counter, o.signal);
  try {
    const head = await readAt(fh, 0, 4);
    const tail = size >= 8 ? await readAt(fh, size - 4, 4) : Buffer.alloc(0);
    if (head.toString('latin1') !== 'PAR1' || tail.toString('latin1') !== 'PAR1')
      throw new ReaderError(source, 'not a Parquet file (no PAR1 magic at both ends)');
    try {
      metadata = await parquetMetadataAsync(file);
    } catch (e) {
      throw new ReaderError(source, `corrupt Parquet metadata (${(e as Error).message})`);
    }
  } catch (e) {
    await close();
    throw e;
  }
  const tree = parquetSchema(metadata);
  // Columns known up front: top-level primitives by name; nested ones appear as they are read.
  const flat = new Flattener(tree.children.filter((c) => c.children.length === 0).map((c) => c.element.name));
  let iterated = false;

  async function* generate(): AsyncGenerator<RowBatch> {
    try {
      let emitted = 0;
      let groupStart = 0;
      for (const [g, group] of metadata.row_groups.entries()) {
        if (emitted >= o.sample) return;
        checkAborted(o.signal);
        const groupRows = Number(group.num_rows);
        const groupEnd = groupStart + groupRows;
        if (Number(group.total_byte_size) > maxGroup)
          throw new ReaderError(source, `row group ${g} holds ${formatBytes(Number(group.total_byte_size))}, over the limit of ${formatBytes(maxGroup)}`);
        const rowEnd = Math.min(groupEnd, groupStart + (o.sample - emitted));
        let objects: Record<string, unknown>[];
        try {
          objects = (await parquetReadObjects({
            file,
            metadata,
            rowStart: groupStart,
            rowEnd,
            compressors,
            parsers: PARSERS,
          })) as Record<string, unknown>[];
        } catch (e) {
          if ((e as Error).name === 'AbortError') throw e;
          throw new ReaderError(source, `row group ${g}: cannot decode (${(e as Error).message})`, { row: emitted + 1 });
        }
        for (let i = 0; i < objects.length; i += o.batchRows) {
          const rows = objects.slice(i, i + o.batchRows).map((r) => flat.row(r));
          yield { firstRow: emitted + 1, rows };
          emitted += rows.length;
        }
        groupStart = groupEnd;
      }
    } finally {
      await close();
    }
  }

  return {
    source,
    format: 'parquet',
    encoding: undefined,
    columns: () => flat.columns,
    batches: () => {
      if (iterated) throw new Error('batches() can be iterated once');
      iterated = true;
      return generate();
    },
    bytesRead: () => Math.min(counter.bytes, size),
    totalBytes: () => size,
    close,
  };
}
