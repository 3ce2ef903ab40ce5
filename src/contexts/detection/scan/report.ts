import type { PersonCounts } from '../persons/persons.ts';
import type { DetectorTypeId } from '../validators/index.ts';

/** `landao scan` report, per shared/contracts/scan-report.md. Fields may be added, never renamed. */
export interface ScanReport {
  source: string;
  format: string;
  encoding?: string | undefined;
  rowsScanned: number;
  bytes: number;
  columns: ColumnReport[];
  findings?: FindingReport[] | undefined;
  /** Distinct natural persons, by their strongest identifier (keyed hashes only). */
  persons: PersonCounts;
  /** False when `--sample` stopped the scan before the end of the input. */
  complete: boolean;
  sampled: boolean;
  workers: number;
  elapsedMs: number;
}

export interface ColumnReport {
  index: number;
  name: string;
  /** `sensitive`: the type is sensitive personal information under the scan's sensitive set. */
  detections: { type: DetectorTypeId; matches: number; ratio: number; confidence: number; sensitive: boolean }[];
  /** Masked examples per reported type (e.g. 3501**********123X). */
  examples: Partial<Record<DetectorTypeId, string[]>>;
}

export interface FindingReport {
  row: number;
  column: number;
  type: DetectorTypeId;
  start: number;
  end: number;
}

export interface ScanProgress {
  bytesRead: number;
  totalBytes: number | undefined;
  rows: number;
}

export interface ScanOptions {
  /** Read only the first N data rows. */
  sample?: number | undefined;
  /** Include one entry per match (row, column, type, span). */
  findings?: boolean | undefined;
  /**
   * Worker threads for large CSV/TSV files (default 1: this thread, or one worker thread for a
   * file of at least `isolateMinBytes`).
   */
  workers?: number | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: ScanProgress) => void) | undefined;
  sensitiveTypes?: ReadonlySet<DetectorTypeId> | undefined;
  /** Name to report as `source` (default: the input as given). */
  source?: string | undefined;
  /** Smallest byte range worth a worker (default 16 MiB); tests lower it. */
  minRangeBytes?: number | undefined;
  /**
   * With one worker, a CSV/TSV file at least this large is scanned in a worker thread with a
   * capped heap (default ISOLATE_MIN_BYTES, 16 MiB); tests lower it.
   */
  isolateMinBytes?: number | undefined;
  /**
   * Also write, in the same pass, one person record per row that names a person to the file `out`
   * (persons/person-records.ts: keyed hash under `key` + sensitive flag), for a caller that persists
   * persons. Same persons as the report counts. Not with `sample`.
   */
  personRecords?: { key: string; out: string } | undefined;
}

