import { stat } from 'node:fs/promises';
import { isDatabaseUrl, openReader, type TableReader } from '../readers/index.ts';
import { PersonRecordWriter } from '../persons/person-records.ts';
import type { ScanOptions, ScanReport } from './report.ts';
import { ISOLATE_MIN_BYTES, TableScan } from './table-scan.ts';

/**
 * Scans one file or database table: in this thread, or in worker threads for a CSV/TSV file with
 * `workers` > 1 or of at least `isolateMinBytes` (see parallel.ts). Same report either way.
 */
export async function scanSource(input: string, opts: ScanOptions = {}): Promise<ScanReport> {
  const started = Date.now();
  // Worker threads for a CSV/TSV file split in ranges, or for one large one (see scanParallel).
  if (opts.sample === undefined && !isDatabaseUrl(input) && ((opts.workers ?? 1) > 1 || (await fileSize(input)) >= (opts.isolateMinBytes ?? ISOLATE_MIN_BYTES))) {
    const { scanParallel } = await import('./parallel.ts');
    const r = await scanParallel(input, opts);
    if (r) return r;
  }
  const reader = await openReader(input, { sample: opts.sample, signal: opts.signal, ...(opts.source ? { source: opts.source } : {}) });
  const records = opts.personRecords && opts.sample === undefined ? new PersonRecordWriter(opts.personRecords.out, opts.personRecords.key) : null;
  try {
    const scan = new TableScan(reader.columns(), {
      findings: opts.findings,
      sensitiveTypes: opts.sensitiveTypes,
      ...(records ? { onPerson: (type, normalized, sensitive) => records.add(type, normalized, sensitive) } : {}),
    });
    await runScan(reader, scan, opts);
    const columns = scan.finish();
    records?.close();
    const exhausted = opts.sample === undefined || scan.rows < opts.sample;
    return {
      source: reader.source,
      format: reader.format,
      ...(reader.encoding ? { encoding: reader.encoding } : {}),
      rowsScanned: scan.rows,
      // A sample reports the bytes it read; a full scan the size of the input.
      bytes: exhausted ? (reader.totalBytes() ?? reader.bytesRead()) : reader.bytesRead(),
      columns,
      ...(scan.findings ? { findings: scan.findings } : {}),
      persons: scan.persons.counts(),
      complete: exhausted,
      sampled: opts.sample !== undefined,
      workers: 1,
      elapsedMs: Date.now() - started,
    };
  } finally {
    records?.close();
    await reader.close();
  }
}

/** Size of a local file, or -1 (not a file, unreadable: the reader reports it). */
async function fileSize(input: string): Promise<number> {
  try {
    const st = await stat(input);
    return st.isFile() ? st.size : -1;
  } catch {
    return -1;
  }
}

async function runScan(reader: TableReader, scan: TableScan, opts: Pick<ScanOptions, 'onProgress' | 'signal'>): Promise<void> {
  let lastProgress = 0;
  for await (const batch of reader.batches()) {
    opts.signal?.throwIfAborted();
    scan.ensureColumns(reader.columns());
    scan.observeRows(batch.firstRow, batch.rows);
    const now = Date.now();
    if (opts.onProgress && now - lastProgress > 200) {
      lastProgress = now;
      opts.onProgress({ bytesRead: reader.bytesRead(), totalBytes: reader.totalBytes(), rows: scan.rows });
    }
  }
  opts.onProgress?.({ bytesRead: reader.bytesRead(), totalBytes: reader.totalBytes(), rows: scan.rows });
}
