/**
 * Quality rules per field (数据质量规则): required, type, format (the detection validators by
 * detector type), range, length, reference code list, uniqueness within the batch, and the key.
 * A row failing any rule is rejected with (row, field, rule); the batch report counts every
 * failure by field and rule and the completeness of each field.
 */
import { hasValidator, VALIDATORS } from '../detection/index.ts';
import { rowKeyOf, type FieldSpec } from './catalog.model.ts';

/**
 * Residence permits of Hong Kong, Macao and Taiwan residents are numbers of the citizen ID standard (GB 11643,
 * address codes 810000/820000/830000; 国办发〔2018〕81号 art. 3), so a field holding 公民身份号码 also accepts them.
 */
const FORMAT_ALTERNATIVES: Partial<Record<string, readonly (keyof typeof VALIDATORS)[]>> = {
  cn_resident_id: ['hk_residence_permit', 'mo_residence_permit', 'tw_residence_permit'],
};

function validFormat(type: keyof typeof VALIDATORS, value: string): boolean {
  if (VALIDATORS[type].validate(value).valid) return true;
  return (FORMAT_ALTERNATIVES[type] ?? []).some((alt) => VALIDATORS[alt].validate(value).valid);
}

export const RULES = ['required', 'type', 'format', 'range', 'length', 'code_list', 'unique', 'key', 'timeliness'] as const;
export type Rule = (typeof RULES)[number];

export interface RowProblem {
  field: string;
  rule: Rule;
  message: string;
}

export type RecordValue = string | number | boolean | null;

export interface CheckedRow {
  key: string;
  record: Record<string, RecordValue>;
  problems: RowProblem[];
}

export interface BatchQuality {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Loaded / read, 0–1 (1 for an empty batch). */
  passRate: number;
  /** Failures by field and rule (a row may fail several). */
  failures: { field: string; rule: Rule; count: number }[];
  /** Share of read rows with a value, per field. */
  completeness: { field: string; ratio: number }[];
}

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TYPE_NAMES: Readonly<Record<FieldSpec['type'], string>> = {
  string: 'text',
  integer: 'an integer',
  number: 'a number',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date and time (ISO 8601)',
  boolean: 'true or false',
};
const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否']);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD naming a real day (checked without allocating: this runs for every date cell of a load). */
function validDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    year = year * 10 + d;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

interface CompiledField {
  spec: FieldSpec;
  /** Column of the input holding this field, or -1 when absent. */
  column: number;
  codes: ReadonlySet<string> | null;
  seen: Set<string> | null;
  filled: number;
}

/**
 * Checks the rows of one batch against a dataset's fields. `columns` are the input's header names,
 * matched to fields by name or title (case-insensitive). Keeps per-batch state (uniqueness,
 * completeness, failure counts) for the report.
 */
export class RowChecker {
  private readonly fields: CompiledField[];
  private readonly keyFields: CompiledField[];
  private readonly keys = new Set<string>();
  private readonly failures = new Map<string, number>();
  private read = 0;
  private rejected = 0;
  readonly ignoredColumns: string[];
  readonly missingColumns: string[];

  constructor(fields: readonly FieldSpec[], keyFields: readonly string[], columns: readonly string[]) {
    const norm = (s: string) => s.trim().toLowerCase();
    const index = new Map<string, number>();
    columns.forEach((c, i) => {
      if (!index.has(norm(c))) index.set(norm(c), i);
    });
    const used = new Set<number>();
    this.fields = fields.map((spec) => {
      const column = index.get(norm(spec.name)) ?? index.get(norm(spec.title)) ?? -1;
      if (column >= 0) used.add(column);
      return {
        spec,
        column,
        codes: spec.codeList && spec.codeList.length > 0 ? new Set(spec.codeList) : null,
        seen: spec.unique ? new Set<string>() : null,
        filled: 0,
      };
    });
    this.keyFields = keyFields.map((k) => this.fields.find((f) => f.spec.name === k)!);
    this.ignoredColumns = columns.filter((_, i) => !used.has(i));
    this.missingColumns = this.fields.filter((f) => f.column < 0 && (f.spec.required || keyFields.includes(f.spec.name))).map((f) => f.spec.name);
  }

  /** Checks one row of text cells (a missing cell reads as ''). */
  check(cells: readonly string[]): CheckedRow {
    this.read++;
    const problems: RowProblem[] = [];
    const record: Record<string, RecordValue> = {};
    for (const f of this.fields) {
      const raw = f.column >= 0 ? (cells[f.column] ?? '') : '';
      const value = raw.trim();
      const { spec } = f;
      if (value === '') {
        record[spec.name] = null;
        if (spec.required) problems.push({ field: spec.name, rule: 'required', message: `${spec.name} is required` });
        continue;
      }
      f.filled++;
      const typed = this.typed(spec, value);
      if (typed === undefined) {
        record[spec.name] = null;
        problems.push({ field: spec.name, rule: 'type', message: `${spec.name} is not ${TYPE_NAMES[spec.type]}` });
        continue;
      }
      record[spec.name] = typed;
      if (spec.detectorType && hasValidator(spec.detectorType) && !validFormat(spec.detectorType, value))
        problems.push({ field: spec.name, rule: 'format', message: `${spec.name} is not a valid ${spec.detectorType}` });
      if (typeof typed === 'number' && ((spec.min !== undefined && typed < spec.min) || (spec.max !== undefined && typed > spec.max)))
        problems.push({ field: spec.name, rule: 'range', message: `${spec.name} ${typed} is outside ${spec.min ?? '−∞'}…${spec.max ?? '∞'}` });
      if (spec.maxLength !== undefined && value.length > spec.maxLength)
        problems.push({ field: spec.name, rule: 'length', message: `${spec.name} is longer than ${spec.maxLength} characters` });
      if (f.codes && !f.codes.has(value)) problems.push({ field: spec.name, rule: 'code_list', message: `${spec.name} "${value.slice(0, 40)}" is not in the code list` });
      if (f.seen) {
        if (f.seen.has(value)) problems.push({ field: spec.name, rule: 'unique', message: `${spec.name} repeats an earlier row of this batch` });
        else f.seen.add(value);
      }
    }
    const keyParts: string[] = [];
    for (const k of this.keyFields) {
      const v = record[k.spec.name];
      if (v === null || v === undefined) {
        if (!problems.some((p) => p.field === k.spec.name && p.rule === 'required'))
          problems.push({ field: k.spec.name, rule: 'key', message: `key field ${k.spec.name} is empty` });
      } else keyParts.push(String(v));
    }
    const key = rowKeyOf(keyParts);
    if (keyParts.length === this.keyFields.length) {
      if (this.keys.has(key)) problems.push({ field: this.keyFields[0]!.spec.name, rule: 'key', message: `key ${key.replaceAll('\u001f', '|')} repeats an earlier row of this batch` });
      else if (problems.length === 0) this.keys.add(key);
    }
    if (problems.length > 0) {
      this.rejected++;
      for (const p of problems) {
        const k = `${p.field}\u0000${p.rule}`;
        this.failures.set(k, (this.failures.get(k) ?? 0) + 1);
      }
    }
    return { key, record, problems };
  }

  /** The value in the field's type, or undefined when it is not of that type. */
  private typed(spec: FieldSpec, value: string): RecordValue | undefined {
    switch (spec.type) {
      case 'string':
        return value;
      case 'integer':
        return INTEGER.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
      case 'number':
        return NUMBER.test(value) ? Number(value) : undefined;
      case 'date':
        return validDate(value) ? value : undefined;
      case 'datetime':
        return DATETIME.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T'))) ? value : undefined;
      case 'boolean': {
        const l = value.toLowerCase();
        return TRUE.has(l) ? true : FALSE.has(l) ? false : undefined;
      }
    }
  }

  /** The batch report; `rowsLoaded` is what actually landed (0 when the batch was refused). */
  report(rowsLoaded: number): BatchQuality {
    const failures = [...this.failures].map(([k, count]) => {
      const [field, rule] = k.split('\u0000') as [string, Rule];
      return { field, rule, count };
    });
    failures.sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
    return {
      rowsRead: this.read,
      rowsLoaded,
      rowsRejected: this.rejected,
      passRate: this.read === 0 ? 1 : (this.read - this.rejected) / this.read,
      failures,
      completeness: this.fields.map((f) => ({ field: f.spec.name, ratio: this.read === 0 ? 1 : f.filled / this.read })),
    };
  }

  get rowsRead(): number {
    return this.read;
  }

  get rowsRejected(): number {
    return this.rejected;
  }
}
