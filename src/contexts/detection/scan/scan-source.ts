import { openReader, type TableReader } from '../readers/index.ts';
import type { ScanOptions, ScanReport } from './report.ts';
import { TableScan } from './table-scan.ts';

/** Scans one file or database table in this thread. */
export async function scanSource(input: string, opts: ScanOptions = {}): Promise<ScanReport> {
  const started = Date.now();
  if ((opts.workers ?? 1) > 1 && opts.sample === undefined) {
    const { scanParallel } = await import('./parallel.ts');
    const r = await scanParallel(input, opts);
    if (r) return r;
  }
  const reader = await openReader(input, { sample: opts.sample, signal: opts.signal, ...(opts.source ? { source: opts.source } : {}) });
  try {
    const scan = new TableScan(reader.columns(), { findings: opts.findings, sensitiveTypes: opts.sensitiveTypes });
    await runScan(reader, scan, opts);
    const columns = scan.finish();
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
    await reader.close();
  }
}

async function runScan(reader: TableReader, scan: TableScan, opts: Pick<ScanOptions, 'onProgress' | 'signal'>): Promise<void> {
  let lastProgress = 0;
  for await (const batch of reader.batches()) {
    opts.signal?.throwIfAborted();
    scan.ensureColumns(reader.columns());
    const rows = batch.rows;
    for (let i = 0; i < rows.length; i++) scan.observeRow(batch.firstRow + i, rows[i]!);
    const now = Date.now();
    if (opts.onProgress && now - lastProgress > 200) {
      lastProgress = now;
      opts.onProgress({ bytesRead: reader.bytesRead(), totalBytes: reader.totalBytes(), rows: scan.rows });
    }
  }
  opts.onProgress?.({ bytesRead: reader.bytesRead(), totalBytes: reader.totalBytes(), rows: scan.rows });
}
