/**
 * Source kinds as data (kinds.json): each kind names its subject (person or company), the field that gives its
 * period (a year; null for records with a date range, e.g. employment), the fields that with the subject identify
 * a record (a later batch of the same kind and department with the same key supersedes the earlier record) and its
 * columns with types. A new kind is a new entry in the JSON file, checked here at start.
 *
 * `parseRow` turns one row of text cells (or a pushed JSON record) into a typed record or every field's refusal;
 * the identifier is normalised with detection's validators and leaves only as keyed hash + masked form.
 */
import { z } from 'zod';
import {
  maskValue,
  personHash,
  validateCnResidentId,
  validateCnUscc,
  validateTwResidencePermit,
  validateTwTravelPermit,
  type DetectorTypeId,
  type ValidationResult,
} from '../../detection/index.ts';
import KINDS_JSON from './kinds.json' with { type: 'json' };

const fieldSchema = z.object({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  type: z.enum(['text', 'integer', 'money', 'boolean', 'year', 'date', 'enum', 'uscc', 'id_type', 'id_number']),
  required: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  values: z.array(z.string()).optional(),
});
const kindSchema = z.object({
  subject: z.enum(['person', 'company']),
  period: z.string().nullable(),
  /** For records without a period: the from/to date fields; such a record counts for every period it overlaps. */
  range: z.tuple([z.string(), z.string()]).optional(),
  recordKey: z.array(z.string()),
  names: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }),
  fields: z.array(fieldSchema).min(1),
});
export type FieldSpec = z.infer<typeof fieldSchema>;
export type KindSpec = z.infer<typeof kindSchema>;

function loadKinds(raw: unknown): Record<string, KindSpec> {
  const kinds = z.record(z.string().regex(/^[a-z][a-z_]*$/), kindSchema).parse(raw);
  for (const [name, k] of Object.entries(kinds)) {
    const fields = new Set(k.fields.map((f) => f.name));
    const need = k.subject === 'person' ? ['idType', 'idNumber', 'name'] : ['uscc', 'name'];
    if (!k.period && !k.range) throw new Error(`benefits source kind ${name}: needs a period field or a date range`);
    for (const f of [...need, ...k.recordKey, ...(k.period ? [k.period] : []), ...(k.range ?? [])]) {
      if (!fields.has(f)) throw new Error(`benefits source kind ${name}: field ${f} is named but not defined`);
    }
  }
  return kinds;
}

export const SOURCE_KINDS: Readonly<Record<string, KindSpec>> = loadKinds(KINDS_JSON);
export const SOURCE_KIND_NAMES = Object.keys(SOURCE_KINDS);

export function kindSpec(kind: string): KindSpec | undefined {
  return Object.hasOwn(SOURCE_KINDS, kind) ? SOURCE_KINDS[kind] : undefined;
}

export type PersonIdType = 'residence_permit' | 'mtp' | 'resident_id';
const ID_TYPES: Record<PersonIdType, { detector: DetectorTypeId; validate: (s: string) => ValidationResult }> = {
  residence_permit: {
    detector: 'tw_residence_permit',
    // 830000 only: a Hong Kong (810000) or Macao (820000) permit is not a Taiwan resident's.
    validate: (s) => {
      const r = validateTwResidencePermit(s);
      return r.valid && !r.normalized!.startsWith('830000') ? { valid: false, reason: 'prefix' } : r;
    },
  },
  mtp: { detector: 'tw_travel_permit', validate: validateTwTravelPermit },
  resident_id: { detector: 'cn_resident_id', validate: validateCnResidentId },
};

/** Spellings accepted for the id type column (CSV written by people). */
const ID_TYPE_ALIASES: Record<string, PersonIdType> = {
  residence_permit: 'residence_permit',
  居住证: 'residence_permit',
  台湾居民居住证: 'residence_permit',
  港澳台居民居住证: 'residence_permit',
  mtp: 'mtp',
  台胞证: 'mtp',
  台湾居民来往大陆通行证: 'mtp',
  resident_id: 'resident_id',
  身份证: 'resident_id',
  居民身份证: 'resident_id',
};

export interface RowError {
  field: string | null;
  reason: string;
  message: string;
}

export interface ParsedRecord {
  subjectKind: 'person' | 'company';
  /** Keyed hash of the identifier (detection personHash), the same as services_accounts.id_hash. */
  subjectKey: string;
  maskedId: string;
  name: string;
  year: number | null;
  /** Subject key + the kind's record key fields: what a later batch supersedes. */
  recordKey: string;
  /** Typed fields without the clear identifier. */
  data: Record<string, string | number | boolean | null>;
}

const compact = (s: string) => s.normalize('NFKC').replace(/[\s\-–—]/g, '');
const TRUE = new Set(['true', '1', 'y', 'yes', '是', 't']);
const FALSE = new Set(['false', '0', 'n', 'no', '否', 'f']);

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v).trim();
}

/** One cell → typed value, or the reason it is refused. */
function parseCell(f: FieldSpec, text: string): { value: string | number | boolean | null } | { reason: string; message: string } {
  if (text === '') return f.required ? { reason: 'required', message: `${f.name} is required` } : { value: null };
  switch (f.type) {
    case 'text':
      return f.max !== undefined && text.length > f.max ? { reason: 'too_long', message: `${f.name} is longer than ${f.max} characters` } : { value: text.normalize('NFKC').replace(/\s+/g, ' ') };
    case 'integer':
    case 'year': {
      if (!/^-?\d+$/.test(text)) return { reason: 'format', message: `${f.name} is not a whole number` };
      const n = Number(text);
      const min = f.type === 'year' ? 2000 : f.min;
      const max = f.type === 'year' ? 2100 : f.max;
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) return { reason: 'range', message: `${f.name} is outside ${min ?? '−∞'}…${max ?? '∞'}` };
      return { value: n };
    }
    case 'money': {
      const t = text.replace(/,/g, '');
      if (!/^\d+(\.\d{1,2})?$/.test(t)) return { reason: 'format', message: `${f.name} is not an amount in yuan (≥ 0, at most 2 decimals)` };
      return { value: Math.round(Number(t) * 100) / 100 };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (TRUE.has(t)) return { value: true };
      if (FALSE.has(t)) return { value: false };
      return { reason: 'format', message: `${f.name} is not true/false` };
    }
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
        return { reason: 'format', message: `${f.name} is not a date YYYY-MM-DD` };
      }
      return { value: text };
    }
    case 'enum':
      return f.values?.includes(text) ? { value: text } : { reason: 'format', message: `${f.name} is not one of ${(f.values ?? []).join(', ')}` };
    case 'uscc': {
      const r = validateCnUscc(compact(text).toUpperCase());
      return r.valid ? { value: r.normalized! } : { reason: r.reason === 'checksum' ? 'checksum' : 'format', message: `${f.name} is not a valid 统一社会信用代码` };
    }
    case 'id_type': {
      const t = ID_TYPE_ALIASES[text] ?? ID_TYPE_ALIASES[text.toLowerCase()];
      return t ? { value: t } : { reason: 'format', message: `${f.name} is not one of residence_permit, mtp, resident_id` };
    }
    case 'id_number':
      return { value: compact(text).toUpperCase() };
  }
}

/**
 * Parses one record of `kind`. `cells` maps field name → raw value (text from a file, any JSON value from a push).
 * `hashKey` is the platform's person-hash key.
 */
export function parseRow(kind: KindSpec, cells: Record<string, unknown>, hashKey: string): { record?: ParsedRecord; errors: RowError[] } {
  const errors: RowError[] = [];
  const typed: Record<string, string | number | boolean | null> = {};
  for (const f of kind.fields) {
    const r = parseCell(f, cellText(cells[f.name]));
    if ('reason' in r) errors.push({ field: f.name, reason: r.reason, message: r.message });
    else typed[f.name] = r.value;
  }
  let subjectKey = '';
  let maskedId = '';
  if (kind.subject === 'person' && typed.idType && typed.idNumber) {
    const t = ID_TYPES[typed.idType as PersonIdType];
    const r = t.validate(String(typed.idNumber));
    if (!r.valid) {
      const reason = r.reason === 'checksum' ? 'checksum' : r.reason === 'date' ? 'birth_date' : r.reason === 'prefix' || r.reason === 'address_code' ? 'prefix' : 'format';
      errors.push({ field: 'idNumber', reason, message: `idNumber is not a valid ${String(typed.idType)} number (${reason})` });
    } else {
      subjectKey = personHash(hashKey, t.detector, r.normalized!);
      maskedId = maskValue(t.detector, r.normalized!);
    }
  } else if (kind.subject === 'company' && typed.uscc) {
    subjectKey = personHash(hashKey, 'cn_uscc', String(typed.uscc));
    maskedId = maskValue('cn_uscc', String(typed.uscc));
  }
  if (kind.range) {
    const [from, to] = kind.range;
    if (typeof typed[from] === 'string' && typeof typed[to] === 'string' && typed[to] < typed[from]) errors.push({ field: to, reason: 'range', message: `${to} is before ${from}` });
  }
  if (errors.length) return { errors };
  // The clear number stays out of the stored record: only its keyed hash and masked form are kept.
  delete typed.idNumber;
  if (kind.subject === 'company') typed.uscc = maskedId;
  const year = kind.period ? (typed[kind.period] as number) : null;
  const recordKey = [subjectKey, ...kind.recordKey.map((f) => String(typed[f] ?? ''))].join('\u001f');
  return { record: { subjectKind: kind.subject, subjectKey, maskedId, name: String(typed.name), year, recordKey, data: typed }, errors };
}
