/**
 * Parallel scan of a large CSV/TSV file: the file is split into byte ranges on record boundaries,
 * each range is scanned by a worker thread, and the per-column statistics, distinct persons and
 * findings merge exactly. Column decisions for findings and persons are made once, on the head of
 * the file, so every worker applies the same ones.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { openReader, planCsvRanges, type ByteRange, type CsvLayout } from '../readers/index.ts';
import { ColumnProfiler, type ProfilerState } from '../recognizers/index.ts';
import { releaseSegmenter } from '../recognizers/jieba.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { FindingReport, ScanOptions, ScanReport } from './report.ts';
import { acceptedOf, DEFAULT_WARMUP_ROWS, TableScan } from './table-scan.ts';

export interface RangeTask {
  layout: CsvLayout;
  range: ByteRange;
  accepted: string[];
  findings: boolean;
  sensitiveTypes: string[] | undefined;
}

export interface RangeResult {
  rows: number;
  bytes: number;
  profilers: ProfilerState[];
  persons: { all: Uint32Array; sensitive: Uint32Array };
  findings: FindingReport[] | undefined;
}

export type WorkerMessage = { kind: 'progress'; bytes: number; rows: number } | { kind: 'done'; result: RangeResult } | { kind: 'error'; code: string; message: string };

const WORKER_URL = new URL('./scan-worker.mjs', import.meta.url);

/**
 * Old-generation cap of a worker that collects no findings. Its live data is bounded (column
 * profilers, one batch of rows; the person key sets are off-heap typed arrays), but without a cap
 * V8 lets each worker's heap grow with the garbage of the pass (~150 MB more RSS with 2 workers on
 * a 60 MB file). With findings the live data grows with the input: no cap.
 */
const WORKER_OLD_GENERATION_MB = 256;

/** Returns null when the input is not a splittable CSV/TSV file (the caller scans it in one thread). */
export async function scanParallel(input: string, opts: ScanOptions): Promise<ScanReport | null> {
  const started = Date.now();
  const workers = Math.max(1, Math.min(opts.workers ?? 1, os.availableParallelism() * 2));
  let plan: Awaited<ReturnType<typeof planCsvRanges>>;
  try {
    plan = await planCsvRanges(input, {
      parts: workers,
      ...(opts.minRangeBytes ? { minRangeBytes: opts.minRangeBytes } : {}),
      ...(opts.source ? { source: opts.source } : {}),
    });
  } catch (e) {
    // Not a CSV/TSV (or unreadable): let the single-thread path report it with its own reader.
    if (e instanceof AppError) return null;
    throw e;
  }
  if (!plan || plan.ranges.length < 2) return null;
  const { layout, ranges } = plan;

  // Decide the columns on the head of the file.
  const head = await openReader(input, { sample: DEFAULT_WARMUP_ROWS, format: layout.format, ...(opts.source ? { source: opts.source } : {}) });
  let accepted: string[];
  try {
    const warm = new TableScan(head.columns(), { sensitiveTypes: opts.sensitiveTypes });
    for await (const b of head.batches()) b.rows.forEach((r, i) => warm.observeRow(b.firstRow + i, r));
    accepted = [...acceptedOf(warm.columnReports())];
  } finally {
    await head.close();
  }
  // The workers recognise; this thread only merges: free its segmenter (~40 MB native) and lexicon.
  releaseSegmenter();

  const progress = ranges.map(() => ({ bytes: 0, rows: 0 }));
  const results = await Promise.all(
    ranges.map(
      (range, i) =>
        new Promise<RangeResult>((resolve, reject) => {
          const task: RangeTask = {
            layout,
            range,
            accepted,
            findings: !!opts.findings,
            sensitiveTypes: opts.sensitiveTypes ? [...opts.sensitiveTypes] : undefined,
          };
          const w = new Worker(WORKER_URL, { workerData: task, ...(opts.findings ? {} : { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB } }) });
          const abort = () => void w.terminate();
          opts.signal?.addEventListener('abort', abort, { once: true });
          w.on('message', (m: WorkerMessage) => {
            if (m.kind === 'progress') {
              progress[i] = { bytes: m.bytes, rows: m.rows };
              opts.onProgress?.({
                bytesRead: layout.dataStart + progress.reduce((s, p) => s + p.bytes, 0),
                totalBytes: layout.size,
                rows: progress.reduce((s, p) => s + p.rows, 0),
              });
            } else if (m.kind === 'done') resolve(m.result);
            else reject(new AppError(m.code as 'unprocessable', m.message));
          });
          w.on('error', reject);
          w.on('exit', (code) => {
            opts.signal?.removeEventListener('abort', abort);
            if (code !== 0) reject(opts.signal?.aborted ? opts.signal.reason : new Error(`scan worker exited with code ${code}`));
          });
        }),
    ),
  );

  // Merge in range order: rows of range i are numbered after all rows of ranges < i.
  const merged = new TableScan(layout.columns, { findings: opts.findings, accepted: new Set(accepted), sensitiveTypes: opts.sensitiveTypes });
  let rowBase = 0;
  const findings: FindingReport[] | undefined = opts.findings ? [] : undefined;
  for (const r of results) {
    r.profilers.forEach((s, c) => (merged.profilers[c] ??= new ColumnProfiler(layout.columns[c])).absorb(s));
    merged.persons.mergePacked(r.persons);
    if (findings && r.findings) for (const f of r.findings) findings.push({ ...f, row: f.row + rowBase });
    rowBase += r.rows;
  }
  const columns = merged.columnReports();
  const final = acceptedOf(columns);
  return {
    source: layout.source,
    format: layout.format,
    encoding: layout.encoding,
    rowsScanned: rowBase,
    bytes: layout.size,
    columns,
    ...(findings ? { findings: findings.filter((f) => final.has(`${f.column}:${f.type}`)) } : {}),
    persons: merged.persons.counts(),
    complete: true,
    sampled: false,
    workers: ranges.length,
    elapsedMs: Date.now() - started,
  };
}
