/**
 * Parallel scan of a large CSV/TSV file: the file is split into byte ranges on record boundaries,
 * each range is scanned by a worker thread, and the per-column statistics, distinct persons and
 * findings merge exactly. Column decisions for findings and persons are made once, on the head of
 * the file (by the first range's worker), so every worker applies the same ones. A single large
 * file with one worker is scanned the same way, in one worker thread, for its capped heap. Workers
 * run the plain-JS bundle of scan-worker.ts (bundles.mjs), not TypeScript through tsx.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { detectFormat, planCsvRanges, type ByteRange, type CsvLayout } from '../readers/index.ts';
import { ColumnProfiler, type ProfilerState } from '../recognizers/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { FindingReport, ScanOptions, ScanReport } from './report.ts';
import { acceptedOf, ISOLATE_MIN_BYTES, TableScan } from './table-scan.ts';
import { scanWorkerUrl } from './bundles.mjs';

export interface RangeTask {
  layout: CsvLayout;
  range: ByteRange;
  /**
   * `alone`: the only range; the worker decides its columns and ends its pass like a scan in one
   * thread. `decide`: the first of several ranges; the worker decides the columns on its first
   * rows and sends the decisions (`accepted`). `follow`: the worker waits for those decisions
   * (a ParentMessage) and holds its findings until then.
   */
  role: 'alone' | 'decide' | 'follow';
  findings: boolean;
  sensitiveTypes: string[] | undefined;
  /** Write the range's person records to `out` (ScanOptions.personRecords; one file per range). */
  personRecords?: { key: string; out: string } | undefined;
}

export interface RangeResult {
  rows: number;
  bytes: number;
  profilers: ProfilerState[];
  persons: { all: Uint32Array; sensitive: Uint32Array };
  findings: FindingReport[] | undefined;
}

export type WorkerMessage =
  | { kind: 'progress'; bytes: number; rows: number }
  | { kind: 'accepted'; accepted: string[] }
  | { kind: 'done'; result: RangeResult }
  | { kind: 'error'; code: string; message: string };

/** From the main thread to a `follow` worker: the column decisions. */
export type ParentMessage = { kind: 'accepted'; accepted: string[] };

/**
 * Old-generation cap of a worker that collects no findings. Its live data is bounded (column
 * profilers, one batch of rows; the person key sets are off-heap typed arrays), but without a cap
 * V8 lets each worker's heap grow with the garbage of the pass (~150 MB more RSS with 2 workers on
 * a 60 MB file). With findings the live data grows with the input: no cap. 64, not 96, since the
 * health vocabulary grew to ~13,000 terms (session 11): with 96 the 2-worker peak on the 200 MiB
 * corpus rose from 278–292 to 294–300 MiB; with 64 it is 289–294 MiB, at the same speed.
 */
const WORKER_OLD_GENERATION_MB = 64;
/**
 * Young-generation cap of such a worker: the garbage of a batch of rows dies there. A worker that
 * scans the whole file alone gets a larger one: fewer scavenges (about a tenth less CPU on the
 * benchmark corpus) at the same peak RSS (~255 MiB on 50 MiB); with several workers each keeps a
 * small one. 4 MiB, not 8: with 2 workers on the 200 MiB corpus the process held 297 MiB on
 * average (302 at most) with 8 against 284 (288 at most) with 4, for about 3 % more time and CPU
 * (5 alternating runs each, docs/benchmarks.md) — each worker also holds ~41 MiB of segmenter.
 */
const WORKER_YOUNG_GENERATION_MB = 4;
const ALONE_WORKER_YOUNG_GENERATION_MB = 24;

/** Whether the file is CSV/TSV by the readers' own format detection (name and first bytes). */
async function isCsvOrTsv(input: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(input, 'r');
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const format = detectFormat(input, head.subarray(0, bytesRead));
    return format === 'csv' || format === 'tsv';
  } catch {
    return false; // unreadable: the reader in this thread reports it
  } finally {
    await fh?.close();
  }
}

/**
 * Returns null when the input is not a CSV/TSV file, or is one range smaller than
 * `isolateMinBytes` (the caller scans it in this thread).
 */
export async function scanParallel(input: string, opts: ScanOptions): Promise<ScanReport | null> {
  const started = Date.now();
  const workers = Math.max(1, Math.min(opts.workers ?? 1, os.availableParallelism() * 2));
  // Only CSV/TSV splits on bytes: other formats (JSON, XLSX, Parquet …) are read in this thread.
  if (!(await isCsvOrTsv(input))) return null;
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
  if (!plan || plan.ranges.length === 0) return null;
  const { layout, ranges } = plan;
  // One range: worth a worker thread (a capped heap, the main thread free) only for a large file.
  if (ranges.length === 1 && layout.size < (opts.isolateMinBytes ?? ISOLATE_MIN_BYTES)) return null;

  // Column decisions (which types count for findings and persons) are made once, on the first
  // DEFAULT_WARMUP_ROWS rows of the file, as a scan in one thread makes them: by the worker of the
  // first range, which sends them here; this thread passes them on to the other workers, which
  // hold their findings until then. This thread never recognises (no segmenter here).
  const workerUrl = await scanWorkerUrl();
  const workerList: Worker[] = [];
  let accepted: string[] | undefined;
  const share = (decided: string[]): void => {
    accepted = decided;
    for (const w of workerList.slice(1)) w.postMessage({ kind: 'accepted', accepted: decided } satisfies ParentMessage);
  };
  const progress = ranges.map(() => ({ bytes: 0, rows: 0 }));
  // Person records: one file per range, joined in range order at the end (one range: the file itself).
  const recordsOut = opts.personRecords?.out;
  const parts = recordsOut === undefined ? [] : ranges.length === 1 ? [recordsOut] : ranges.map((_, i) => `${recordsOut}.range-${i}`);
  const running = Promise.all(
    ranges.map(
      (range, i) =>
        new Promise<RangeResult>((resolve, reject) => {
          const task: RangeTask = {
            layout,
            range,
            role: ranges.length === 1 ? 'alone' : i === 0 ? 'decide' : 'follow',
            findings: !!opts.findings,
            sensitiveTypes: opts.sensitiveTypes ? [...opts.sensitiveTypes] : undefined,
            ...(opts.personRecords ? { personRecords: { key: opts.personRecords.key, out: parts[i]! } } : {}),
          };
          const w = new Worker(workerUrl, { workerData: task, ...(opts.findings ? {} : { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB, maxYoungGenerationSizeMb: ranges.length === 1 ? ALONE_WORKER_YOUNG_GENERATION_MB : WORKER_YOUNG_GENERATION_MB } }) });
          workerList[i] = w;
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
            } else if (m.kind === 'accepted') share(m.accepted);
            else if (m.kind === 'done') resolve(m.result);
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

  let results: RangeResult[];
  try {
    results = await running;
    if (recordsOut !== undefined && parts.length > 1) {
      const out = createWriteStream(recordsOut);
      for (const [i, part] of parts.entries()) await pipeline(createReadStream(part), out, { end: i === parts.length - 1 });
    }
  } catch (e) {
    // One range failed: the others (possibly waiting for decisions that will not come) stop too.
    for (const w of workerList) void w.terminate();
    throw e;
  } finally {
    if (parts.length > 1) await Promise.all(parts.map((p) => rm(p, { force: true })));
  }

  // Merge in range order: rows of range i are numbered after all rows of ranges < i.
  const merged = new TableScan(layout.columns, { findings: opts.findings, accepted: new Set(accepted ?? []), sensitiveTypes: opts.sensitiveTypes });
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
