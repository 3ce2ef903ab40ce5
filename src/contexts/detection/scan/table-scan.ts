/**
 * One pass over the rows of a table: feeds every cell to its column's profiler, collects findings
 * and counts distinct persons. The main thread runs one for a whole input; each worker thread runs
 * one for its byte range, and the results merge exactly (`TableScanState`).
 *
 * Column decisions (is this column really ID numbers, or order numbers that sometimes pass the
 * check digit?) need many rows. Findings and persons must only count types the column is accepted
 * for, so the first `warmupRows` rows are held back until the columns are decided, then replayed;
 * after that the decision is fixed for the rest of the pass. Findings are re-filtered with the final
 * decision at the end.
 */
import { ColumnProfiler, namesAnimals, TYPE_INDEX, type Finding, type ProfilerOptions } from '../recognizers/index.ts';
import { DEFAULT_SENSITIVE_TYPES, PERSON_KEY_TYPES, PersonCounter } from '../persons/persons.ts';
import type { DetectorTypeId } from '../validators/index.ts';
import type { ColumnReport, FindingReport } from './report.ts';

const KEY_PRIORITY = new Map<DetectorTypeId, number>(PERSON_KEY_TYPES.map((t, i) => [t, i]));
/** KEY_PRIORITY by TYPE_INDEX (-1: not a person key). */
const KEY_RANK = new Int8Array(32).fill(-1);
for (const [t, r] of KEY_PRIORITY) KEY_RANK[TYPE_INDEX[t]] = r;
export const DEFAULT_WARMUP_ROWS = 2000;
/** Rows of a block scanned column by column (see `observeRows`). */
const COLUMN_MAJOR_BLOCK_ROWS = 512;
/**
 * A CSV/TSV file at least this large is scanned in a worker thread even with one worker
 * (scanParallel): the worker's heap is capped where the main thread's is not, so peak memory
 * stays flat whatever the file size.
 */
export const ISOLATE_MIN_BYTES = 16 << 20;

interface HeldFinding {
  column: number;
  type: DetectorTypeId;
  start: number;
  end: number;
  normalized: string;
}

export interface TableScanOptions {
  findings?: boolean | undefined;
  sensitiveTypes?: ReadonlySet<DetectorTypeId> | undefined;
  warmupRows?: number | undefined;
  /** Column decisions made elsewhere (the parallel scan decides once, on the head of the file). */
  accepted?: ReadonlySet<string> | undefined;
  /**
   * The decisions will come from elsewhere (`setAccepted`), later: hold the findings until then,
   * never decide here.
   */
  awaitDecisions?: boolean | undefined;
  /** Options of every column's profiler. */
  profiler?: ProfilerOptions | undefined;
  /** Called for every row that names a person (as counted), with its key and whether the row is sensitive. */
  onPerson?: ((type: DetectorTypeId, normalized: string, sensitive: boolean) => void) | undefined;
  /** Called once when this scan decided its columns (after `warmupRows` rows, or at `finish`). */
  onDecided?: ((accepted: ReadonlySet<string>) => void) | undefined;
}

const acceptKey = (column: number, type: DetectorTypeId) => `${column}:${type}`;

/** Per row of a column-major batch: the best person key so far (rank 127: none) and the sensitive flag. */
interface RowScratch {
  keyRank: Int8Array;
  keyType: (DetectorTypeId | undefined)[];
  keyValue: string[];
  sensitive: Uint8Array;
}

export class TableScan {
  readonly profilers: ColumnProfiler[] = [];
  readonly persons = new PersonCounter();
  readonly findings: FindingReport[] | undefined;
  rows = 0;
  private accepted: ReadonlySet<string> | null;
  private held: { row: number; found: HeldFinding[] }[] = [];
  private readonly sensitive: ReadonlySet<DetectorTypeId>;
  private readonly warmupRows: number;
  private readonly rowFound: HeldFinding[] = [];
  /** Per column, the bit set (TYPE_INDEX) of its accepted types; null until decided. */
  private acceptedMask: Int32Array | null = null;
  private readonly sensitiveMask: number;

  constructor(
    private columns: string[],
    private readonly opts: TableScanOptions = {},
  ) {
    this.findings = opts.findings ? [] : undefined;
    this.sensitive = opts.sensitiveTypes ?? DEFAULT_SENSITIVE_TYPES;
    this.warmupRows = opts.warmupRows ?? DEFAULT_WARMUP_ROWS;
    this.accepted = opts.accepted ?? null;
    let sm = 0;
    for (const t of this.sensitive) sm |= 1 << TYPE_INDEX[t];
    this.sensitiveMask = sm;
    this.ensureColumns(columns);
    if (this.accepted !== null) this.acceptedMask = maskOf(this.accepted, this.profilers.length);
  }

  /** Columns may grow while reading (JSON paths). */
  ensureColumns(columns: string[]): void {
    this.columns = columns;
    while (this.profilers.length < columns.length) this.profilers.push(new ColumnProfiler(columns[this.profilers.length], this.opts.profiler));
  }

  observeRow(row: number, cells: readonly string[]): void {
    this.rows++;
    const n = Math.min(cells.length, this.profilers.length);
    const mask = this.acceptedMask;
    if (mask === null || mask.length < n) {
      this.observeHeld(row, cells, n);
      return;
    }
    // Columns decided: account each accepted finding at once (no per-finding objects).
    let keyRank = 127;
    let keyType: DetectorTypeId | undefined;
    let keyValue = '';
    let sensitive = false;
    const findings = this.findings;
    for (let c = 0; c < n; c++) {
      const cell = cells[c]!;
      if (cell.length === 0) continue;
      const fs: readonly Finding[] = this.profilers[c]!.observe(cell);
      const m = mask[c] as number;
      if (fs.length === 0 || m === 0) continue;
      for (let i = 0; i < fs.length; i++) {
        const f = fs[i]!;
        const t = TYPE_INDEX[f.type];
        if ((m & (1 << t)) === 0) continue;
        if (findings) findings.push({ row, column: c, type: f.type, start: f.start, end: f.end });
        if ((this.sensitiveMask & (1 << t)) !== 0) sensitive = true;
        const rank = KEY_RANK[t] as number;
        if (rank >= 0 && rank < keyRank) {
          keyRank = rank;
          keyType = f.type;
          keyValue = f.normalized ?? cell.slice(f.start, f.end);
        }
      }
    }
    if (keyType) {
      this.persons.add(keyType, keyValue, sensitive);
      this.opts.onPerson?.(keyType, keyValue, sensitive);
    }
  }

  /**
   * Observes the rows of a batch (row numbers `firstRow`, `firstRow + 1` …): exactly what calling
   * `observeRow` on each in order does. Once the columns are decided, the batch is scanned column by
   * column (each column's cells in a row, with its own profiler and scanner) instead of row by row:
   * the same work on the same data, but one code path and one column's tables at a time, which the
   * CPU runs faster (branch prediction, caches) than 20 interleaved shapes; a batch is taken in
   * blocks of COLUMN_MAJOR_BLOCK_ROWS rows, so a block's row arrays and cells are still in the
   * caches when the next column reads them. The per-row
   * part (person key, sensitive flag, findings in row order) is gathered in scratch arrays and
   * accounted row by row afterwards, in the order `observeRow` would.
   */
  observeRows(firstRow: number, rows: readonly (readonly string[])[]): void {
    let i = 0;
    // Before the decisions (warm-up, a follower waiting, columns that grew): row by row, exactly.
    while (i < rows.length && !this.columnMajorReady()) this.observeRow(firstRow + i, rows[i++]!);
    if (i < rows.length) this.observeColumnMajor(firstRow, rows, i);
  }

  /** True when every column has its decision (the state in which `observeRow` accounts at once). */
  private columnMajorReady(): boolean {
    const mask = this.acceptedMask;
    return mask !== null && mask.length >= this.profilers.length;
  }

  private observeColumnMajor(firstRow: number, rows: readonly (readonly string[])[], from: number): void {
    const count = rows.length - from;
    const mask = this.acceptedMask as Int32Array;
    const s = this.scratchFor(count);
    const keyRank = s.keyRank;
    const keyType = s.keyType;
    const keyValue = s.keyValue;
    const sensitiveRow = s.sensitive;
    keyRank.fill(127, 0, count);
    sensitiveRow.fill(0, 0, count);
    const findings = this.findings;
    const found: FindingReport[] | null = findings ? [] : null;
    const sensitiveMask = this.sensitiveMask;
    const columns = this.profilers.length;
    // Blocks of rows, each scanned column by column: a block's rows and cells stay in the CPU caches.
    for (let b0 = 0; b0 < count; b0 += COLUMN_MAJOR_BLOCK_ROWS) {
      const b1 = Math.min(count, b0 + COLUMN_MAJOR_BLOCK_ROWS);
      for (let c = 0; c < columns; c++) {
        const profiler = this.profilers[c]!;
        const m = mask[c] as number;
        for (let r = b0; r < b1; r++) {
          const cells = rows[from + r]!;
          if (c >= cells.length) continue;
          const cell = cells[c]!;
          if (cell.length === 0) continue;
          const fs: readonly Finding[] = profiler.observe(cell);
          if (fs.length === 0 || m === 0) continue;
          for (let k = 0; k < fs.length; k++) {
            const f = fs[k]!;
            const t = TYPE_INDEX[f.type];
            if ((m & (1 << t)) === 0) continue;
            if (found) found.push({ row: firstRow + from + r, column: c, type: f.type, start: f.start, end: f.end });
            if ((sensitiveMask & (1 << t)) !== 0) sensitiveRow[r] = 1;
            const rank = KEY_RANK[t] as number;
            // Strictly better only: the first column wins a tie, as in observeRow.
            if (rank >= 0 && rank < (keyRank[r] as number)) {
              keyRank[r] = rank;
              keyType[r] = f.type;
              keyValue[r] = f.normalized ?? cell.slice(f.start, f.end);
            }
          }
        }
      }
    }
    this.rows += count;
    if (findings && found && found.length) {
      // Row order, columns in order within a row (the sort is stable).
      found.sort((a, b) => a.row - b.row);
      for (const f of found) findings.push(f);
    }
    for (let r = 0; r < count; r++) {
      if ((keyRank[r] as number) === 127) continue;
      const type = keyType[r] as DetectorTypeId;
      const value = keyValue[r] as string;
      const sensitive = sensitiveRow[r] === 1;
      this.persons.add(type, value, sensitive);
      this.opts.onPerson?.(type, value, sensitive);
      keyValue[r] = '';
    }
  }

  private scratch: RowScratch | null = null;

  private scratchFor(count: number): RowScratch {
    if (this.scratch === null || this.scratch.keyRank.length < count) {
      const n = Math.max(count, 256);
      this.scratch = { keyRank: new Int8Array(n), keyType: new Array<DetectorTypeId | undefined>(n).fill(undefined), keyValue: new Array<string>(n).fill(''), sensitive: new Uint8Array(n) };
    }
    return this.scratch;
  }

  /** Before the columns are decided (or when columns grew): findings are held as objects. */
  private observeHeld(row: number, cells: readonly string[], n: number): void {
    const found = this.rowFound;
    if (found.length !== 0) found.length = 0;
    for (let c = 0; c < n; c++) {
      const cell = cells[c]!;
      if (cell.length === 0) continue;
      const fs: readonly Finding[] = this.profilers[c]!.observe(cell);
      for (let i = 0; i < fs.length; i++) {
        const f = fs[i]!;
        found.push({ column: c, type: f.type, start: f.start, end: f.end, normalized: f.normalized ?? cell.slice(f.start, f.end) });
      }
    }
    if (this.accepted === null) {
      if (found.length) this.held.push({ row, found: found.slice() });
      if (this.rows >= this.warmupRows && !this.opts.awaitDecisions) this.decide();
      return;
    }
    if (found.length) this.account(row, found, this.accepted);
  }

  /** True once the columns are decided (here or by `setAccepted`). */
  get decided(): boolean {
    return this.accepted !== null;
  }

  /** Decides the columns now if not yet decided (e.g. a range with fewer than `warmupRows` rows). */
  decideNow(): void {
    if (this.accepted === null) this.decide();
  }

  /** Applies column decisions made elsewhere (see `awaitDecisions`): the held findings count now. */
  setAccepted(accepted: ReadonlySet<string>): void {
    if (this.accepted !== null) return;
    this.accepted = accepted;
    this.acceptedMask = maskOf(accepted, this.profilers.length);
    for (const h of this.held) this.account(h.row, h.found, accepted);
    this.held = [];
  }

  /** Ends the pass; returns the column reports with the final decisions. */
  finish(): ColumnReport[] {
    if (this.accepted === null) this.decide();
    const reports = this.columnReports();
    if (this.findings) {
      const final = acceptedOf(reports);
      let w = 0;
      for (const f of this.findings) if (final.has(acceptKey(f.column, f.type))) this.findings[w++] = f;
      this.findings.length = w;
    }
    return reports;
  }

  columnReports(): ColumnReport[] {
    // A table about animals (宠物名, 品种, 主治兽医): its diagnoses, drugs and gene tests are no person's health data.
    const animals = this.columns.some((h) => namesAnimals(h));
    return this.profilers.map((p, index) => {
      const r = p.result();
      const detections = r.detections.filter((d) => !(animals && ANIMAL_HEALTH.has(d.type))).map((d) => ({ ...d, sensitive: this.sensitive.has(d.type) }));
      return { index, name: this.columns[index] ?? '', detections, examples: r.examples };
    });
  }

  private decide(): void {
    const accepted = acceptedOf(this.columnReports());
    this.accepted = accepted;
    this.acceptedMask = maskOf(accepted, this.profilers.length);
    for (const h of this.held) this.account(h.row, h.found, accepted);
    this.held = [];
    this.opts.onDecided?.(accepted);
  }

  private account(row: number, found: readonly HeldFinding[], accepted: ReadonlySet<string>): void {
    let keyType: DetectorTypeId | undefined;
    let keyValue = '';
    let keyRank = Infinity;
    let sensitive = false;
    for (const f of found) {
      if (!accepted.has(acceptKey(f.column, f.type))) continue;
      if (this.findings) this.findings.push({ row, column: f.column, type: f.type, start: f.start, end: f.end });
      if (this.sensitive.has(f.type)) sensitive = true;
      const rank = KEY_PRIORITY.get(f.type);
      if (rank !== undefined && rank < keyRank) {
        keyRank = rank;
        keyType = f.type;
        keyValue = f.normalized;
      }
    }
    if (keyType) {
      this.persons.add(keyType, keyValue, sensitive);
      this.opts.onPerson?.(keyType, keyValue, sensitive);
    }
  }
}

/** What a table about animals does not report (see `namesAnimals`). */
const ANIMAL_HEALTH: ReadonlySet<DetectorTypeId> = new Set(['medical_record', 'genetic_data']);

/** Per column index, the bit set (TYPE_INDEX) of the types `accepted` holds for it. */
function maskOf(accepted: ReadonlySet<string>, columns: number): Int32Array {
  const out = new Int32Array(columns);
  for (const key of accepted) {
    const colon = key.indexOf(':');
    const c = Number(key.slice(0, colon));
    const t = TYPE_INDEX[key.slice(colon + 1) as DetectorTypeId];
    if (c >= 0 && c < columns && t !== undefined) out[c] = (out[c] as number) | (1 << t);
  }
  return out;
}

export function acceptedOf(reports: readonly ColumnReport[]): Set<string> {
  const out = new Set<string>();
  for (const r of reports) for (const d of r.detections) out.add(acceptKey(r.index, d.type));
  return out;
}
