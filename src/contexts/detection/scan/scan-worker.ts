/** Worker thread of the parallel scan: scans one byte range of a planned CSV/TSV file. */
import { parentPort, workerData } from 'node:worker_threads';
// Imported from the module itself, not the readers' index: the worker is bundled (bundles.mjs)
// and must not pull in the other readers' packages.
import { openCsvRange } from '../readers/csv-reader.ts';
import { AppError } from '../../../kernel/errors.ts';
import { PersonRecordWriter } from '../persons/person-records.ts';
import type { DetectorTypeId } from '../validators/index.ts';
import type { ParentMessage, RangeResult, RangeTask, WorkerMessage } from './parallel.ts';
import { DEFAULT_WARMUP_ROWS, TableScan } from './table-scan.ts';

const task = workerData as RangeTask;
const WORKER_BATCH_ROWS = 256;
const FOLLOWER_MAX_HELD_ROWS = 4 * DEFAULT_WARMUP_ROWS;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

async function run(): Promise<void> {
  // Small batches: the rows of a batch die young instead of being promoted to the old generation.
  const reader = await openCsvRange(task.layout, task.range, { batchRows: WORKER_BATCH_ROWS });
  const records = task.personRecords ? new PersonRecordWriter(task.personRecords.out, task.personRecords.key) : null;
  try {
    const scan = new TableScan(task.layout.columns, {
      ...(records ? { onPerson: (type: DetectorTypeId, normalized: string, sensitive: boolean) => records.add(type, normalized, sensitive) } : {}),
      findings: task.findings,
      awaitDecisions: task.role === 'follow',
      ...(task.role === 'decide' ? { onDecided: (accepted: ReadonlySet<string>) => post({ kind: 'accepted', accepted: [...accepted] }) } : {}),
      ...(task.sensitiveTypes ? { sensitiveTypes: new Set(task.sensitiveTypes as DetectorTypeId[]) } : {}),
    });
    // A follower applies the decisions when they arrive (between two batches, or after its pass).
    let decisions: Promise<void> | undefined;
    if (task.role === 'follow') {
      decisions = new Promise<void>((resolve) => {
        const onMessage = (m: ParentMessage): void => {
          if (m.kind !== 'accepted') return;
          scan.setAccepted(new Set(m.accepted));
          parentPort!.off('message', onMessage);
          resolve();
        };
        parentPort!.on('message', onMessage);
      });
    }
    let last = 0;
    for await (const b of reader.batches()) {
      scan.observeRows(b.firstRow, b.rows);
      // A follower far ahead of the first range's decisions waits for them: held findings are
      // the only memory of a worker that grows with its input.
      if (decisions !== undefined && !scan.decided && scan.rows >= FOLLOWER_MAX_HELD_ROWS) await decisions;
      const now = Date.now();
      if (now - last > 200) {
        last = now;
        post({ kind: 'progress', bytes: reader.bytesRead(), rows: scan.rows });
      }
    }
    if (task.role === 'alone') scan.finish(); // the pass of a scan in one thread, final decisions applied
    else if (task.role === 'decide') scan.decideNow(); // a short first range decides on all its rows
    else await decisions;
    records?.close();
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
    // Nothing more to receive: a port that once had a listener must not keep the thread alive.
    parentPort!.unref();
  } finally {
    records?.close();
    await reader.close();
  }
}

run().catch((e: unknown) => {
  const code = e instanceof AppError ? e.code : 'internal';
  post({ kind: 'error', code, message: (e as Error).message });
});
