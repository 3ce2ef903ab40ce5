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
import { ColumnProfiler, type Finding } from '../recognizers/index.ts';
import { DEFAULT_SENSITIVE_TYPES, PERSON_KEY_TYPES, PersonCounter } from '../persons/persons.ts';
import type { DetectorTypeId } from '../validators/index.ts';
import type { ColumnReport, FindingReport } from './report.ts';

const KEY_PRIORITY = new Map<DetectorTypeId, number>(PERSON_KEY_TYPES.map((t, i) => [t, i]));
export const DEFAULT_WARMUP_ROWS = 2000;

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
}

const acceptKey = (column: number, type: DetectorTypeId) => `${column}:${type}`;

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

  constructor(
    private columns: string[],
    private readonly opts: TableScanOptions = {},
  ) {
    this.findings = opts.findings ? [] : undefined;
    this.sensitive = opts.sensitiveTypes ?? DEFAULT_SENSITIVE_TYPES;
    this.warmupRows = opts.warmupRows ?? DEFAULT_WARMUP_ROWS;
    this.accepted = opts.accepted ?? null;
    this.ensureColumns(columns);
  }

  /** Columns may grow while reading (JSON paths). */
  ensureColumns(columns: string[]): void {
    this.columns = columns;
    while (this.profilers.length < columns.length) this.profilers.push(new ColumnProfiler(columns[this.profilers.length]));
  }

  observeRow(row: number, cells: readonly string[]): void {
    this.rows++;
    const found = this.rowFound;
    found.length = 0;
    const n = Math.min(cells.length, this.profilers.length);
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
      if (this.rows >= this.warmupRows) this.decide();
      return;
    }
    if (found.length) this.account(row, found, this.accepted);
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
    return this.profilers.map((p, index) => {
      const r = p.result();
      const detections = r.detections.map((d) => ({ ...d, sensitive: this.sensitive.has(d.type) }));
      return { index, name: this.columns[index] ?? '', detections, examples: r.examples };
    });
  }

  private decide(): void {
    const accepted = acceptedOf(this.columnReports());
    this.accepted = accepted;
    for (const h of this.held) this.account(h.row, h.found, accepted);
    this.held = [];
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
    if (keyType) this.persons.add(keyType, keyValue, sensitive);
  }
}

export function acceptedOf(reports: readonly ColumnReport[]): Set<string> {
  const out = new Set<string>();
  for (const r of reports) for (const d of r.detections) out.add(acceptKey(r.index, d.type));
  return out;
}
