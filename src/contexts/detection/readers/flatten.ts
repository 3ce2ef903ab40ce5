/**
 * Nested records → one row of text cells.
 *
 * - Object members become paths joined by dots: `{"a":{"b":1}}` → column `a.b`.
 * - Array elements share the path with `[]` appended: `{"a":[{"c":1},{"c":2}]}` → column `a[].c`,
 *   `{"tags":["x","y"]}` → column `tags[]`. Several values of one path in one record are joined
 *   into one cell with a line feed ('1\n2', 'x\ny'), so a cell never spans two records and a
 *   detector match never spans two elements.
 * - A record that is not an object (a scalar element of the top-level array) goes to column `$`.
 * - null → '' (the column is still created); empty arrays and objects create no column.
 * - Columns are numbered in order of first appearance across the whole input; rows read earlier
 *   are shorter than `columns` once new paths appear (missing cells are '').
 */

export const ROOT_COLUMN = '$';

export class Flattener {
  readonly columns: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(seed: readonly string[] = []) {
    for (const c of seed) this.column(c);
  }

  column(path: string): number {
    let i = this.index.get(path);
    if (i === undefined) {
      i = this.columns.length;
      this.columns.push(path);
      this.index.set(path, i);
    }
    return i;
  }

  /** The cells of one record; the returned row has one cell per column known after reading it. */
  row(record: unknown): string[] {
    const cells: (string | undefined)[] = [];
    this.walk(record, '', cells);
    const n = this.columns.length;
    for (let i = 0; i < n; i++) if (cells[i] === undefined) cells[i] = '';
    return cells as string[];
  }

  private walk(v: unknown, path: string, cells: (string | undefined)[]): void {
    if (v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
      if (Array.isArray(v)) {
        const p = path + '[]';
        for (const el of v) this.walk(el, p, cells);
      } else {
        for (const key of Object.keys(v)) this.walk((v as Record<string, unknown>)[key], path ? `${path}.${key}` : key, cells);
      }
      return;
    }
    const i = this.column(path || ROOT_COLUMN);
    const text = scalarText(v);
    const prev = cells[i];
    cells[i] = prev === undefined ? text : v === null || v === undefined ? prev : `${prev}\n${text}`;
  }
}

export function scalarText(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'bigint':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return '';
    default:
      if (v === null) return '';
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
      if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8');
      return String(v);
  }
}
