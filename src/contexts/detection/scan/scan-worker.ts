/** Worker thread of the parallel scan: scans one byte range of a planned CSV/TSV file. */
import { parentPort, workerData } from 'node:worker_threads';
import { openCsvRange } from '../readers/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { DetectorTypeId } from '../validators/index.ts';
import type { RangeResult, RangeTask, WorkerMessage } from './parallel.ts';
import { TableScan } from './table-scan.ts';

const task = workerData as RangeTask;
const WORKER_BATCH_ROWS = 256;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

async function run(): Promise<void> {
  // Small batches: the rows of a batch die young instead of being promoted to the old generation.
  const reader = await openCsvRange(task.layout, task.range, { batchRows: WORKER_BATCH_ROWS });
  try {
    const scan = new TableScan(task.layout.columns, {
      findings: task.findings,
      accepted: new Set(task.accepted),
      ...(task.sensitiveTypes ? { sensitiveTypes: new Set(task.sensitiveTypes as DetectorTypeId[]) } : {}),
    });
    let last = 0;
    for await (const b of reader.batches()) {
      const rows = b.rows;
      for (let i = 0; i < rows.length; i++) scan.observeRow(b.firstRow + i, rows[i]!);
      const now = Date.now();
      if (now - last > 200) {
        last = now;
        post({ kind: 'progress', bytes: reader.bytesRead(), rows: scan.rows });
      }
    }
    const persons = scan.persons.toPacked();
    const result: RangeResult = {
      rows: scan.rows,
      bytes: reader.bytesRead(),
      profilers: scan.profilers.map((p) => p.snapshot()),
      persons,
      findings: scan.findings,
    };
    post({ kind: 'progress', bytes: reader.bytesRead(), rows: scan.rows });
    post({ kind: 'done', result }, [persons.all.buffer as ArrayBuffer, persons.sensitive.buffer as ArrayBuffer]);
  } finally {
    await reader.close();
  }
}

run().catch((e: unknown) => {
  const code = e instanceof AppError ? e.code : 'internal';
  post({ kind: 'error', code, message: (e as Error).message });
});
