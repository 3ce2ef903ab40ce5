/**
 * Server-side validation of an application form against the item's JSON Schema (Ajv 8, draft
 * 2020-12, ajv-formats), whatever the browser sent: one error per field, named by its path.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { AppError } from '../../../kernel/errors.ts';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

export interface FieldError {
  field: string;
  message: string;
  keyword: string;
}

let ajvInstance: Ajv2020 | undefined;
function ajv(): Ajv2020 {
  if (!ajvInstance) {
    ajvInstance = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajvInstance);
    ajvInstance.addKeyword({ keyword: 'x-prefill' });
  }
  return ajvInstance;
}

/** Compiled validators per item code and version (a catalog version never changes). */
const compiled = new Map<string, ValidateFunction>();

function validatorFor(cacheKey: string, schema: Record<string, unknown>): ValidateFunction {
  let v = compiled.get(cacheKey);
  if (!v) {
    try {
      v = ajv().compile(schema);
    } catch (e) {
      throw new AppError('unprocessable', `the item's form schema does not compile: ${(e as Error).message}`);
    }
    if (compiled.size > 1000) compiled.clear();
    compiled.set(cacheKey, v);
  }
  return v;
}

function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') parts.push(String((e.params as { missingProperty: string }).missingProperty));
  if (e.keyword === 'additionalProperties') parts.push(String((e.params as { additionalProperty: string }).additionalProperty));
  return parts.join('.') || '(form)';
}

/** The form's errors, the first one per field. */
export function formErrors(cacheKey: string, schema: Record<string, unknown>, form: unknown): FieldError[] {
  const validate = validatorFor(cacheKey, schema);
  if (validate(form)) return [];
  const out = new Map<string, FieldError>();
  for (const e of validate.errors ?? []) {
    const field = fieldOf(e);
    if (!out.has(field)) out.set(field, { field, message: e.message ?? 'invalid', keyword: e.keyword });
  }
  return [...out.values()];
}

/** Throws 400 `validation_failed` with one entry per field unless the form is valid. */
export function validateForm(cacheKey: string, schema: Record<string, unknown>, form: unknown): void {
  const errors = formErrors(cacheKey, schema, form);
  if (errors.length === 0) return;
  const details = errors.map((e) => ({ field: `form.${e.field}`, message: e.message, keyword: e.keyword }));
  throw new AppError('validation_failed', `${details[0]!.field}: ${details[0]!.message}`, details);
}
