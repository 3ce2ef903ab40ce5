/**
 * The free-trade zone's data lists (自贸区数据清单): the negative list (负面清单) of data that needs a
 * security assessment, a standard contract or certification, or a filing, and the general data list
 * (一般数据清单) of data that may flow freely — for 3 industries (pharma, connected vehicles, consumer)
 * and 10 application scenarios. Loaded and validated once; lookups are built at load time so that
 * `assess` does no per-call work beyond map lookups.
 *
 * Routes of a negative-list item and the outcome of the assess contract they map onto:
 *
 *   security_assessment                 → security_assessment                 (数据出境安全评估)
 *   standard_contract_or_certification  → standard_contract_or_certification  (标准合同或认证)
 *   exempt_with_filing                  → exempt, with a note that the transfer must first be filed
 *                                          with the zone (备案); Order 16 Art. 6 frees listed-only-for-
 *                                          filing data from the three mechanisms, the filing is the
 *                                          zone's own management requirement.
 *
 * Strictness, for "the strictest of the items": security_assessment > standard_contract_or_certification
 * > exempt_with_filing.
 *
 * Thresholds count distinct persons since 1 January and say from when an item applies; the web
 * declaration flow uses them to derive items from the counts. The assess command takes the declared
 * items as given (assess.md).
 *
 * The bureau edits the lists as plain CSV (`exportListCsv` / `importListCsv`, one file per list, a
 * header row, `;` between the entries of a multi-valued cell). An XLSX variant can come later.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import type { Catalog } from './catalog.ts';
import { parseCsvRecords, stringifyCsv } from './csv.ts';
import { describeIssues, IsoDateSchema, LANGS, LocalizedTextSchema, SourceSchema, type LocalizedText } from './text.ts';

/** Industries of the assess contract. `other` is never covered by a zone list. */
export const INDUSTRIES = ['pharma', 'auto', 'consumer', 'other'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const LIST_INDUSTRIES = ['pharma', 'auto', 'consumer'] as const;
export type ListIndustry = (typeof LIST_INDUSTRIES)[number];

export const LIST_ROUTES = ['security_assessment', 'standard_contract_or_certification', 'exempt_with_filing'] as const;
export type ListRoute = (typeof LIST_ROUTES)[number];

/** 0 = strictest. */
export const ROUTE_STRICTNESS: Readonly<Record<ListRoute, number>> = {
  security_assessment: 0,
  standard_contract_or_certification: 1,
  exempt_with_filing: 2,
};

const nonEmpty = z.string().trim().min(1, { error: 'must be a non-empty string' });
const positiveInt = z.int({ error: 'must be a positive integer' }).min(1, { error: 'must be a positive integer' });
const fieldName = nonEmpty.refine((s) => !s.includes(';'), { error: 'must not contain ";" (the CSV separator)' });
const industry = z.enum(LIST_INDUSTRIES, { error: `must be one of ${LIST_INDUSTRIES.join(', ')}` });

const ThresholdSchema = z
  .strictObject({ personalSubjects: positiveInt.optional(), sensitiveSubjects: positiveInt.optional() })
  .refine((t) => t.personalSubjects !== undefined || t.sensitiveSubjects !== undefined, {
    error: 'must give personalSubjects or sensitiveSubjects (or be null)',
  });

const itemBase = {
  industry,
  scenario: nonEmpty,
  category: LocalizedTextSchema,
  names: LocalizedTextSchema,
  fields: z.array(fieldName).min(1, { error: 'must list at least one field' }),
  condition: LocalizedTextSchema.nullable(),
  /** Catalog subclass ids the item's data belongs to (checked against a catalog when one is given). */
  subclasses: z.array(nonEmpty),
};

export const NegativeListItemSchema = z.strictObject({
  id: z.string().regex(/^NL-[A-Z0-9]+(-[A-Z0-9]+)*$/, { error: 'must look like NL-AUTO-RD-01' }),
  ...itemBase,
  threshold: ThresholdSchema.nullable(),
  route: z.enum(LIST_ROUTES, { error: `must be one of ${LIST_ROUTES.join(', ')}` }),
});
export type NegativeListItem = z.infer<typeof NegativeListItemSchema>;

export const GeneralListItemSchema = z.strictObject({
  id: z.string().regex(/^GL-[A-Z0-9]+(-[A-Z0-9]+)*$/, { error: 'must look like GL-AUTO-RD-01' }),
  ...itemBase,
  /** Whether the zone asks for a filing (备案) before the data flows. */
  filingRequired: z.boolean({ error: 'must be true or false' }),
});
export type GeneralListItem = z.infer<typeof GeneralListItemSchema>;

const ScenarioSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, { error: 'must look like AUTO-RD' }),
  industry,
  names: LocalizedTextSchema,
  description: LocalizedTextSchema,
});
export type ListScenario = z.infer<typeof ScenarioSchema>;

export const ListsDocumentSchema = z.strictObject({
  id: nonEmpty,
  version: nonEmpty,
  effectiveFrom: IsoDateSchema,
  title: LocalizedTextSchema,
  note: nonEmpty,
  sources: z.array(SourceSchema).min(1, { error: 'must cite at least one source' }),
  industries: z.array(z.strictObject({ id: industry, names: LocalizedTextSchema })).min(1, { error: 'must cover an industry' }),
  scenarios: z.array(ScenarioSchema),
  negativeList: z.array(NegativeListItemSchema),
  generalList: z.array(GeneralListItemSchema),
});
export type ListsDocument = z.infer<typeof ListsDocumentSchema>;

/** A validated list document with its lookups. Pass it to `assess` to decide against another version. */
export interface LoadedLists {
  readonly document: ListsDocument;
  readonly version: string;
  readonly effectiveFrom: string;
  /** Industries the zone's negative list covers. */
  readonly coveredIndustries: ReadonlySet<string>;
  readonly industryNames: ReadonlyMap<string, LocalizedText>;
  readonly scenarioById: ReadonlyMap<string, ListScenario>;
  readonly negativeItemById: ReadonlyMap<string, NegativeListItem>;
  readonly generalItemById: ReadonlyMap<string, GeneralListItem>;
}

function fail(field: string, message: string): never {
  throw new AppError('validation_failed', `${field}: ${message}`, { field });
}

function zodFail(issues: Parameters<typeof describeIssues>[0], root: string): never {
  const described = describeIssues(issues, root);
  const first = described[0]!;
  throw new AppError('validation_failed', `${first.field}: ${first.message}`, { field: first.field, issues: described });
}

/**
 * Validates a lists document: the schema, unique ids (industries, scenarios, and items across both
 * lists), every scenario's industry listed, every item's scenario known and of the item's industry,
 * and — when a catalog is given — every subclass id known. Throws `validation_failed` naming the field.
 */
export function parseLists(json: unknown, opts: { catalog?: Catalog } = {}): LoadedLists {
  const parsed = ListsDocumentSchema.safeParse(json);
  if (!parsed.success) zodFail(parsed.error.issues, 'lists');
  const doc = parsed.data;

  const industryNames = new Map<string, LocalizedText>();
  doc.industries.forEach((ind, i) => {
    if (industryNames.has(ind.id)) fail(`industries[${i}].id`, `duplicate industry "${ind.id}"`);
    industryNames.set(ind.id, ind.names);
  });

  const scenarioById = new Map<string, ListScenario>();
  doc.scenarios.forEach((s, i) => {
    if (scenarioById.has(s.id)) fail(`scenarios[${i}].id`, `duplicate id "${s.id}"`);
    if (!industryNames.has(s.industry)) fail(`scenarios[${i}].industry`, `industry "${s.industry}" is not in industries`);
    scenarioById.set(s.id, s);
  });
  for (const ind of industryNames.keys()) {
    if (![...scenarioById.values()].some((s) => s.industry === ind)) fail('scenarios', `industry "${ind}" has no scenario`);
  }

  const seen = new Set<string>();
  const checkItem = (item: NegativeListItem | GeneralListItem, field: string) => {
    if (seen.has(item.id)) fail(`${field}.id`, `duplicate id "${item.id}"`);
    seen.add(item.id);
    const scenario = scenarioById.get(item.scenario);
    if (!scenario) fail(`${field}.scenario`, `unknown scenario "${item.scenario}"`);
    if (scenario.industry !== item.industry)
      fail(`${field}.industry`, `scenario "${scenario.id}" belongs to industry "${scenario.industry}", not "${item.industry}"`);
    if (opts.catalog) {
      item.subclasses.forEach((sub, j) => {
        if (!opts.catalog!.subclassById.has(sub)) fail(`${field}.subclasses[${j}]`, `unknown catalog subclass "${sub}"`);
      });
    }
  };
  const negativeItemById = new Map<string, NegativeListItem>();
  doc.negativeList.forEach((item, i) => {
    checkItem(item, `negativeList[${i}]`);
    negativeItemById.set(item.id, item);
  });
  const generalItemById = new Map<string, GeneralListItem>();
  doc.generalList.forEach((item, i) => {
    checkItem(item, `generalList[${i}]`);
    generalItemById.set(item.id, item);
  });

  return {
    document: doc,
    version: doc.version,
    effectiveFrom: doc.effectiveFrom,
    coveredIndustries: new Set(industryNames.keys()),
    industryNames,
    scenarioById,
    negativeItemById,
    generalItemById,
  };
}

const DEFAULT_LISTS_URL = new URL('../data/lists/pingtan-ftz.v1.json', import.meta.url);
let defaultLists: LoadedLists | undefined;

/** The lists shipped in `data/lists/pingtan-ftz.v1.json`, validated once. */
export function getDefaultLists(): LoadedLists {
  defaultLists ??= parseLists(JSON.parse(readFileSync(DEFAULT_LISTS_URL, 'utf8')) as unknown);
  return defaultLists;
}

/** The strictest route among items (null for none). */
export function strictestRoute(items: Iterable<NegativeListItem>): NegativeListItem | null {
  let best: NegativeListItem | null = null;
  for (const item of items) {
    if (!best || ROUTE_STRICTNESS[item.route] < ROUTE_STRICTNESS[best.route]) best = item;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------
// CSV

export type ListKind = 'negative' | 'general';

const TEXT_COLUMNS = (prefix: string) => LANGS.map((l) => `${prefix}.${l}`);

const COLUMNS: Readonly<Record<ListKind, readonly string[]>> = {
  negative: [
    'id',
    'industry',
    'scenario',
    'route',
    ...TEXT_COLUMNS('category'),
    ...TEXT_COLUMNS('name'),
    'fields',
    ...TEXT_COLUMNS('condition'),
    'threshold.personalSubjects',
    'threshold.sensitiveSubjects',
    'subclasses',
  ],
  general: [
    'id',
    'industry',
    'scenario',
    'filingRequired',
    ...TEXT_COLUMNS('category'),
    ...TEXT_COLUMNS('name'),
    'fields',
    ...TEXT_COLUMNS('condition'),
    'subclasses',
  ],
};

/** The CSV header row of a list. */
export function listCsvColumns(kind: ListKind): readonly string[] {
  return COLUMNS[kind];
}

const SEP = ';';

function itemToRow(kind: ListKind, item: NegativeListItem | GeneralListItem): string[] {
  const cells: Record<string, string> = {
    id: item.id,
    industry: item.industry,
    scenario: item.scenario,
    fields: item.fields.join(SEP),
    subclasses: item.subclasses.join(SEP),
  };
  for (const l of LANGS) {
    cells[`category.${l}`] = item.category[l];
    cells[`name.${l}`] = item.names[l];
    cells[`condition.${l}`] = item.condition?.[l] ?? '';
  }
  if (kind === 'negative') {
    const n = item as NegativeListItem;
    cells.route = n.route;
    cells['threshold.personalSubjects'] = n.threshold?.personalSubjects?.toString() ?? '';
    cells['threshold.sensitiveSubjects'] = n.threshold?.sensitiveSubjects?.toString() ?? '';
  } else {
    cells.filingRequired = (item as GeneralListItem).filingRequired ? 'true' : 'false';
  }
  return COLUMNS[kind].map((c) => cells[c] ?? '');
}

/** One list as CSV (UTF-8 with BOM, CRLF), header row first, items in document order. */
export function exportListCsv(lists: LoadedLists | ListsDocument, kind: ListKind, opts: { bom?: boolean } = {}): string {
  const doc = 'document' in lists ? lists.document : lists;
  const items = kind === 'negative' ? doc.negativeList : doc.generalList;
  return stringifyCsv([[...COLUMNS[kind]], ...items.map((i) => itemToRow(kind, i))], opts);
}

function splitList(cell: string): string[] {
  return cell
    .split(SEP)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function csvColumnOf(path: readonly PropertyKey[]): string {
  const [head, sub] = path;
  if (head === 'names') return typeof sub === 'string' ? `name.${sub}` : 'name';
  if ((head === 'category' || head === 'condition' || head === 'threshold') && typeof sub === 'string') return `${head}.${sub}`;
  return String(head ?? 'row');
}

function rowFail(line: number, column: string, message: string): never {
  throw new AppError('validation_failed', `line ${line}, column ${column}: ${message}`, { field: `line ${line}.${column}`, line, column });
}

function intCell(v: string, line: number, column: string): number | undefined {
  const t = v.trim().replace(/[,_]/g, '');
  if (t === '') return undefined;
  if (!/^\d+$/.test(t)) rowFail(line, column, 'must be a positive integer or empty');
  return Number(t);
}

/**
 * Parses one list's CSV into items, validating every row. Errors name the line and the column
 * (`line 4, column route: must be one of …`). Columns may come in any order; all must be present.
 */
export function parseListCsv(kind: 'negative', csv: string): NegativeListItem[];
export function parseListCsv(kind: 'general', csv: string): GeneralListItem[];
export function parseListCsv(kind: ListKind, csv: string): (NegativeListItem | GeneralListItem)[];
export function parseListCsv(kind: ListKind, csv: string): (NegativeListItem | GeneralListItem)[] {
  const records = parseCsvRecords(csv);
  const head = records[0];
  if (!head) throw new AppError('validation_failed', 'line 1: the CSV is empty (expected a header row)', { field: 'line 1' });
  const header = head.cells.map((c) => c.trim());
  const expected = COLUMNS[kind];
  header.forEach((c, i) => {
    if (!expected.includes(c)) rowFail(head.line, c === '' ? `#${i + 1}` : c, 'unknown column');
    if (header.indexOf(c) !== i) rowFail(head.line, c, 'duplicate column');
  });
  for (const c of expected) if (!header.includes(c)) rowFail(head.line, c, 'missing column');

  const schema = kind === 'negative' ? NegativeListItemSchema : GeneralListItemSchema;
  const items: (NegativeListItem | GeneralListItem)[] = [];
  for (const rec of records.slice(1)) {
    if (rec.cells.length > header.length) rowFail(rec.line, `#${header.length + 1}`, `more cells than the ${header.length} columns`);
    const cell = (c: string) => (rec.cells[header.indexOf(c)] ?? '').trim();
    const text = (prefix: string) => Object.fromEntries(LANGS.map((l) => [l, cell(`${prefix}.${l}`)])) as LocalizedText;
    const condition = text('condition');
    const given = LANGS.filter((l) => condition[l] !== '');
    if (given.length > 0 && given.length < LANGS.length) {
      const missing = LANGS.find((l) => condition[l] === '')!;
      rowFail(rec.line, `condition.${missing}`, 'required when the condition is given in another language');
    }
    const raw: Record<string, unknown> = {
      id: cell('id'),
      industry: cell('industry'),
      scenario: cell('scenario'),
      category: text('category'),
      names: text('name'),
      fields: splitList(cell('fields')),
      condition: given.length === 0 ? null : condition,
      subclasses: splitList(cell('subclasses')),
    };
    if (kind === 'negative') {
      raw.route = cell('route');
      const p = intCell(cell('threshold.personalSubjects'), rec.line, 'threshold.personalSubjects');
      const s = intCell(cell('threshold.sensitiveSubjects'), rec.line, 'threshold.sensitiveSubjects');
      raw.threshold =
        p === undefined && s === undefined
          ? null
          : { ...(p === undefined ? {} : { personalSubjects: p }), ...(s === undefined ? {} : { sensitiveSubjects: s }) };
    } else {
      const f = cell('filingRequired').toLowerCase();
      if (f !== 'true' && f !== 'false') rowFail(rec.line, 'filingRequired', 'must be true or false');
      raw.filingRequired = f === 'true';
    }
    const r = schema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      rowFail(rec.line, csvColumnOf(issue.path), issue.message);
    }
    items.push(r.data);
  }
  return items;
}

/**
 * Replaces one list of `base` with the items of a CSV file and validates the result as a whole
 * (unknown scenarios, industry mismatches and duplicate ids are reported with the CSV line).
 * `version` / `effectiveFrom` set the new version's metadata; by default the base's are kept.
 */
export function importListCsv(
  kind: ListKind,
  csv: string,
  base: LoadedLists,
  meta: { version?: string; effectiveFrom?: string; catalog?: Catalog } = {},
): LoadedLists {
  const records = parseCsvRecords(csv);
  const items = parseListCsv(kind, csv);
  const lineOf = (i: number) => records[i + 1]?.line ?? i + 2;
  const otherIds = new Set((kind === 'negative' ? base.document.generalList : base.document.negativeList).map((x) => x.id));
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id) || otherIds.has(item.id)) rowFail(lineOf(i), 'id', `duplicate id "${item.id}"`);
    ids.add(item.id);
    const scenario = base.scenarioById.get(item.scenario);
    if (!scenario) rowFail(lineOf(i), 'scenario', `unknown scenario "${item.scenario}"`);
    if (scenario.industry !== item.industry)
      rowFail(lineOf(i), 'industry', `scenario "${scenario.id}" belongs to industry "${scenario.industry}", not "${item.industry}"`);
    if (meta.catalog) {
      for (const sub of item.subclasses)
        if (!meta.catalog.subclassById.has(sub)) rowFail(lineOf(i), 'subclasses', `unknown catalog subclass "${sub}"`);
    }
  });
  const doc: ListsDocument = {
    ...base.document,
    version: meta.version ?? base.document.version,
    effectiveFrom: meta.effectiveFrom ?? base.document.effectiveFrom,
    ...(kind === 'negative' ? { negativeList: items as NegativeListItem[] } : { generalList: items as GeneralListItem[] }),
  };
  return parseLists(doc, meta.catalog ? { catalog: meta.catalog } : {});
}
