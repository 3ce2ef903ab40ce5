/**
 * Whole-catalog validation (pure): every item against the model, codes unique, every parent present
 * and one level up (主项 ← 子项 ← 业务办理项), departments known, every form schema compiling with Ajv
 * (JSON Schema 2020-12, formats, and our `x-prefill` annotation). The result carries every text in
 * zh-CN, zh-TW (generated where not given) and en. Errors are `validation_failed` naming
 * `items[i].<field>` with `details.index` and `details.path`, so an importer can name the line and column.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { AppError } from '../../../kernel/errors.ts';
import { CatalogDocumentInput, ServiceItemInput, type CatalogDocument, type Localized, type LocalizedInput, type ServiceItem } from './items.model.ts';
import { toTaiwanTraditional } from '../chinese.ts';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let ajvInstance: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  if (!ajvInstance) {
    ajvInstance = new Ajv2020({ strict: true, strictTypes: false, strictTuples: false, allErrors: true });
    addFormats(ajvInstance);
    ajvInstance.addKeyword({
      keyword: 'x-prefill',
      // Where the government already holds the value: a catalog dataset identifier and one of its fields.
      metaSchema: {
        type: 'object',
        properties: { dataset: { type: 'string', minLength: 1 }, field: { type: 'string', minLength: 1 } },
        required: ['dataset', 'field'],
        additionalProperties: false,
      },
    });
    // The English (and Traditional, generated when absent) label of a field whose `title` is Simplified.
    ajvInstance.addKeyword({
      keyword: 'x-title',
      metaSchema: {
        type: 'object',
        properties: { en: { type: 'string', minLength: 1 }, 'zh-TW': { type: 'string', minLength: 1 } },
        required: ['en'],
        additionalProperties: false,
      },
    });
  }
  return ajvInstance;
}

/** Compiles an item's form schema (throws Ajv's message when it does not compile). */
export function compileFormSchema(schema: Record<string, unknown>): ValidateFunction {
  const validate = ajv().compile(schema);
  // Ajv keeps every compiled schema object; a catalog's schemas are checked once, so they are not kept.
  ajv().removeSchema(schema);
  return validate;
}

/** Schema texts known to compile: catalogs repeat forms, and compiling is the slow part of validation. */
const compiledSchemas = new Set<string>();

export interface ValidateOptions {
  /** Department (organisation) codes that exist; omitted = not checked (the shipped catalog at first start). */
  departments?: ReadonlySet<string>;
}

function fail(index: number | null, path: (string | number)[], message: string): never {
  const field = index === null ? path.join('.') : `items[${index}]${path.length ? '.' + path.join('.') : ''}`;
  throw new AppError('validation_failed', `${field}: ${message}`, { field, index, path });
}

export function localize(t: LocalizedInput): Localized {
  return { 'zh-CN': t['zh-CN'], 'zh-TW': t['zh-TW'] ?? toTaiwanTraditional(t['zh-CN']), en: t.en };
}

/** Fills `x-title.zh-TW` of each top-level form field from its Simplified `title`. */
function localizeFormSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const props = schema.properties as Record<string, Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(props)) {
    const xt = prop['x-title'] as { en: string; 'zh-TW'?: string } | undefined;
    out[key] = xt && typeof prop.title === 'string' && !xt['zh-TW'] ? { ...prop, 'x-title': { ...xt, 'zh-TW': toTaiwanTraditional(prop.title) } } : prop;
  }
  return { ...schema, properties: out };
}

const LEVEL_PARENT = { sub: 'main', handling: ['main', 'sub'] } as const;

/** Validates a whole catalog document and returns it normalised (zh-TW filled in). */
export function validateCatalog(document: unknown, opts: ValidateOptions = {}): CatalogDocument {
  const top = CatalogDocumentInput.safeParse(document);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    fail(null, issue.path.length ? (issue.path as (string | number)[]) : ['items'], issue.message);
  }
  const items: ServiceItem[] = [];
  const indexByCode = new Map<string, number>();
  top.data.items.forEach((raw, i) => {
    const parsed = ServiceItemInput.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      fail(i, issue.path as (string | number)[], issue.message);
    }
    const m = parsed.data;
    if (indexByCode.has(m.code)) fail(i, ['code'], `duplicate code "${m.code}" (also items[${indexByCode.get(m.code)}])`);
    indexByCode.set(m.code, i);
    if (opts.departments && !opts.departments.has(m.departmentCode)) fail(i, ['departmentCode'], `unknown department "${m.departmentCode}"`);
    if (m.formSchema) {
      const text = JSON.stringify(m.formSchema);
      if (!compiledSchemas.has(text)) {
        try {
          compileFormSchema(m.formSchema);
        } catch (e) {
          fail(i, ['formSchema'], `does not compile: ${(e as Error).message}`);
        }
        if (compiledSchemas.size >= 5_000) compiledSchemas.clear();
        compiledSchemas.add(text);
      }
    }
    const item: ServiceItem = {
      code: m.code,
      level: m.level,
      parentCode: m.parentCode ?? null,
      name: localize(m.name),
      type: m.type,
      departmentCode: m.departmentCode,
      implementingBody: localize(m.implementingBody),
      legalBasis: localize(m.legalBasis),
      area: m.area,
      taiwan: m.taiwan,
      keywords: m.keywords,
    };
    if (m.level === 'handling') {
      Object.assign(item, {
        conditions: m.conditions!.map(localize),
        materials: m.materials!.map((x) => ({ name: localize(x.name), form: x.form, quantity: x.quantity, required: x.required, ...(x.note ? { note: localize(x.note) } : {}) })),
        steps: m.steps!.map(localize),
        statutoryDays: m.statutoryDays!,
        promisedDays: m.promisedDays!,
        fees: m.fees!.map((f) => ({ name: localize(f.name), amountFen: f.amountFen, ...(f.basis ? { basis: localize(f.basis) } : {}) })),
        visits: m.visits!,
        faq: m.faq!.map((f) => ({ q: localize(f.q), a: localize(f.a) })),
        processKey: m.processKey!,
        applicantKinds: m.applicantKinds!,
        requiresVerifiedIdentity: m.requiresVerifiedIdentity!,
        formSchema: localizeFormSchema(m.formSchema!),
      });
    }
    items.push(item);
  });
  items.forEach((item, i) => {
    if (item.level === 'main') return;
    const p = indexByCode.get(item.parentCode!);
    if (p === undefined) fail(i, ['parentCode'], `no item with code "${item.parentCode}"`);
    const parentLevel = items[p]!.level;
    const allowed: readonly string[] = item.level === 'sub' ? [LEVEL_PARENT.sub] : LEVEL_PARENT.handling;
    if (!allowed.includes(parentLevel)) fail(i, ['parentCode'], `a ${item.level} item cannot sit under a ${parentLevel} item ("${item.parentCode}")`);
  });
  return { items };
}
