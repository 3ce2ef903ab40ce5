/**
 * One cell of a structured column: the same single-pass scanner as free text, in cell mode.
 *
 * Cell mode differs from free text in three ways:
 * - a value that is the whole (trimmed) cell has no surrounding text: its confidence is the
 *   validator's base plus the column-header boost, without a context-window lookup;
 * - for such whole-cell values the scanner records which validators were tried (the cell had
 *   their shape), so the column can compare passes with attempts (`ColumnProfiler`);
 * - a short all-CJK cell is tested as a name directly (surname + dictionary check), without a
 *   segmenter call.
 * Longer or mixed cells (remarks, descriptions) go through the full free-text recognition, with
 * the header's types as context.
 */
import { classifyHeader, type HeaderHint } from './headers.ts';
import { TextScanner } from './scan.ts';
import { CELL_MIN_CONFIDENCE, type FindOptions, type Finding } from './types.ts';

export interface CellOptions {
  /** Skip person-name recognition (default: recognise names). */
  names?: boolean;
  /** Report findings at or above this confidence (default CELL_MIN_CONFIDENCE). */
  minConfidence?: number;
}

function isTrimChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

/** [start, end) of the cell without surrounding whitespace (and a leading Excel apostrophe). */
export function trimBounds(cell: string): [number, number] {
  let s = 0;
  let e = cell.length;
  while (s < e && isTrimChar(cell.charCodeAt(s))) s++;
  while (e > s && isTrimChar(cell.charCodeAt(e - 1))) e--;
  if (e - s > 1 && cell.charCodeAt(s) === 39 /* ' */) {
    const n = cell.charCodeAt(s + 1);
    if (n >= 48 && n <= 57) s++;
  }
  return [s, e];
}

/**
 * Scans one cell with a reusable scanner. After the call, `scanner.found` holds the raw candidates
 * and `scanner.attempted` the whole-cell attempts; `scanner.resolve(min)` gives the findings.
 * `findOpts` carries the column hint; pass the same object for every cell of a column.
 */
export function scanCell(scanner: TextScanner, cell: string, findOpts: FindOptions): boolean {
  let s = 0;
  let e = cell.length;
  while (s < e && isTrimChar(cell.charCodeAt(s))) s++;
  while (e > s && isTrimChar(cell.charCodeAt(e - 1))) e--;
  if (s >= e) return false;
  if (e - s > 1 && cell.charCodeAt(s) === 39 /* ' */) {
    const n = cell.charCodeAt(s + 1);
    if (n >= 48 && n <= 57) s++;
  }
  scanner.reset(cell, s, e, findOpts, true);
  scanner.run();
  return true;
}

const shared = new TextScanner();

/**
 * Findings (spans into `cell`, UTF-16 offsets, end exclusive) of one cell of a column.
 * `columnHint` is the column header (text) or its classification (`classifyHeader`).
 */
export function classifyCell(cell: string, columnHint?: string | HeaderHint | null, opts?: CellOptions): Finding[] {
  const hint = typeof columnHint === 'string' || columnHint === null || columnHint === undefined ? classifyHeader(columnHint) : columnHint;
  if (!scanCell(shared, cell, { hintTypes: hint.types, names: opts?.names })) return [];
  const out = shared.resolve(opts?.minConfidence ?? CELL_MIN_CONFIDENCE);
  return out.length === 0 ? [] : out;
}
