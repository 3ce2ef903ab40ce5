/**
 * The application form's data side, without React: the item's JSON Schema (the subset the catalog
 * uses), the order of its questions, typed values to send, and the server's validation errors per field.
 */
type Lang = 'zh-CN' | 'zh-TW' | 'en';

export interface SchemaProperty {
  type?: string | string[];
  title?: string;
  'x-title'?: Partial<Record<Lang, string>>;
  description?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  readOnly?: boolean;
  'x-prefill'?: { dataset: string; field: string };
}

export interface FormSchema {
  properties?: Record<string, SchemaProperty>;
  required?: string[];
}

/** The form as typed: every value a string, converted to the schema's types on submit. */
export type FormValues = Record<string, string>;
/** What is wrong with a field (the message catalog has services.cases.error.<problem>). */
export type FieldProblem = 'required' | 'format' | 'type' | 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'enum' | 'unknownField' | 'invalid';
/** Field name → the problem shown under it, with the bound it breaks. */
export type FieldErrors = Record<string, { problem: FieldProblem; vars?: Record<string, string | number> }>;

export function propertyLabel(name: string, p: SchemaProperty | undefined, locale: Lang): string {
  if (!p) return name;
  if (locale === 'zh-CN') return p.title ?? name;
  return p['x-title']?.[locale] ?? p.title ?? name;
}

/**
 * The properties in the order to ask them: the stored catalog is canonical JSON (keys sorted), so the
 * `required` list (an array keeps its order) comes first, then the optional ones.
 */
export function orderedProperties(schema: FormSchema): [string, SchemaProperty][] {
  const props = schema.properties ?? {};
  const required = (schema.required ?? []).filter((n) => props[n]);
  const rest = Object.keys(props).filter((n) => !required.includes(n));
  return [...required, ...rest].map((n) => [n, props[n]!]);
}

/** The property's JSON type (a nullable type counts as the other one). */
export const propertyType = (p: SchemaProperty): string => (Array.isArray(p.type) ? (p.type.find((t) => t !== 'null') ?? 'string') : (p.type ?? 'string'));

/** The typed values to send: numbers as numbers, booleans as booleans, empty fields left out. */
export function toSubmission(schema: FormSchema, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of orderedProperties(schema)) {
    const raw = values[name];
    if (raw === undefined || raw.trim() === '') continue;
    const type = propertyType(p);
    if (type === 'integer' || type === 'number') {
      const n = Number(raw.trim());
      out[name] = Number.isFinite(n) ? n : raw;
    } else if (type === 'boolean') out[name] = raw === 'true';
    else out[name] = raw.trim();
  }
  return out;
}

/** The form's values as strings, for a form already submitted (resubmission) or prefilled. */
export function toValues(form: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(form)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

/** What the browser can tell before sending (the server checks everything again). */
export function checkRequired(schema: FormSchema, values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of schema.required ?? []) if (!values[name]?.trim()) errors[name] = { problem: 'required' };
  return errors;
}

/** Ajv keyword (cases/form.ts sends it with each field) → what the applicant is told. */
const KEYWORD_PROBLEMS: Record<string, FieldProblem> = {
  required: 'required',
  pattern: 'format',
  format: 'format',
  type: 'type',
  minimum: 'minimum',
  exclusiveMinimum: 'minimum',
  maximum: 'maximum',
  exclusiveMaximum: 'maximum',
  minLength: 'minLength',
  maxLength: 'maxLength',
  enum: 'enum',
  additionalProperties: 'unknownField',
};

/**
 * The server's 400 validation_failed details ([{field: 'form.<name>', keyword}]) as errors per field;
 * `unplaced` are those naming no field of this form.
 */
export function serverFieldErrors(schema: FormSchema, details: unknown): { errors: FieldErrors; unplaced: string[] } {
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  if (!Array.isArray(details)) return { errors, unplaced };
  for (const d of details as { field?: unknown; keyword?: unknown; message?: unknown }[]) {
    if (typeof d.field !== 'string') continue;
    const name = d.field.replace(/^(body\.)?form\./, '').split('.')[0]!;
    const p = schema.properties?.[name];
    if (!p) {
      unplaced.push(`${d.field}: ${String(d.message ?? '')}`);
      continue;
    }
    if (errors[name]) continue;
    const problem = (typeof d.keyword === 'string' && KEYWORD_PROBLEMS[d.keyword]) || 'invalid';
    errors[name] = { problem, vars: { min: p.minimum ?? p.minLength ?? '', max: p.maximum ?? p.maxLength ?? '' } };
  }
  return { errors, unplaced };
}
