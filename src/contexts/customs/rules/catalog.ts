/**
 * The classification and grading catalog (数据分类分级参考规则): 13 classes, 40 subclasses, each with a
 * default grade, the detector types that put data into it and the column-header keywords that do.
 *
 * Grades, most severe first (就高从严, GB/T 43697-2024 §4: when in doubt, the higher grade wins):
 *
 *   core (核心数据) > important (重要数据) > pi_sensitive (敏感个人信息) > pi_general (一般个人信息) > general (一般数据)
 *
 * GB/T 43697 has three levels, core > important > general. Personal information sits inside "general"
 * unless its scale makes it important data (e.g. Beijing's reference rules: > 10M persons' PI, > 1M
 * persons' SPI, > 100k bank-account or diagnosis records); Annex H then ranks general data in levels
 * 4–1, where sensitive PI takes the top level and ordinary PI the next. So the two PI grades go between
 * important and general, sensitive above ordinary (GB/T 35273-2020 Annex B, PIPL Art. 28). A column
 * label never escalates PI to important by itself: scale is a property of the whole transfer, and only
 * a notification or publication by the authorities makes data legally important.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import { DETECTOR_TYPE_IDS, type DetectorTypeId } from '../../detection/index.ts';

const KNOWN_TYPES: ReadonlySet<string> = new Set(DETECTOR_TYPE_IDS);
const isDetectorTypeId = (s: string): s is DetectorTypeId => KNOWN_TYPES.has(s);
import { describeIssues, IsoDateSchema, LocalizedTextSchema, SourceSchema, type Lang } from './text.ts';

export const GRADES = ['core', 'important', 'pi_sensitive', 'pi_general', 'general'] as const;
export type Grade = (typeof GRADES)[number];

/** 0 = most severe. */
const GRADE_RANK: Readonly<Record<Grade, number>> = { core: 0, important: 1, pi_sensitive: 2, pi_general: 3, general: 4 };

export const CLASS_COUNT = 13;
export const SUBCLASS_COUNT = 40;

const nonEmpty = z.string().trim().min(1, { error: 'must be a non-empty string' });
const keywordList = z.array(nonEmpty);

const ClassSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]+$/, { error: 'must be upper-case letters' }),
  names: LocalizedTextSchema,
});

const SubclassSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]+(\.[A-Z0-9_]+)+$/, { error: 'must look like CLASS.NAME (upper case, dots)' }),
  classId: nonEmpty,
  names: LocalizedTextSchema,
  description: LocalizedTextSchema,
  /** Examples in zh-CN, as in the published catalogues. */
  examples: z.array(nonEmpty).min(1, { error: 'needs at least one example' }),
  defaultGrade: z.enum(GRADES, { error: `must be one of ${GRADES.join(', ')}` }),
  detectorTypes: z.array(z.string()),
  headerKeywords: z.strictObject({
    /** Simplified Chinese, matched anywhere in the header. */
    zhCN: keywordList,
    /** Traditional Chinese (Taiwan usage), matched anywhere in the header. */
    zhTW: keywordList,
    /** English words or phrases, matched as whole words (snake_case, camelCase and spaces all split). */
    en: keywordList,
    /** Pinyin initials (sfzh = 身份证号), matched as a whole word only. */
    pinyin: keywordList,
  }),
  /** Headers that map onto the subclass only when they are the whole header ("name", not "product_name"). */
  exactHeaders: keywordList.optional(),
});

export const CatalogSchema = z.strictObject({
  id: nonEmpty,
  version: nonEmpty,
  effectiveFrom: IsoDateSchema,
  title: LocalizedTextSchema,
  note: nonEmpty,
  sources: z.array(SourceSchema).min(1, { error: 'must cite at least one source' }),
  classes: z.array(ClassSchema),
  subclasses: z.array(SubclassSchema),
});

export type CatalogDocument = z.infer<typeof CatalogSchema>;
export type CatalogClass = z.infer<typeof ClassSchema>;
export type Subclass = z.infer<typeof SubclassSchema>;

type KeywordLang = 'zh-CN' | 'zh-TW' | 'en' | 'pinyin' | 'exact';

interface SubstringKeyword {
  text: string;
  subclassId: string;
  lang: 'zh-CN' | 'zh-TW';
}
interface PhraseKeyword {
  tokens: string[];
  text: string;
  subclassId: string;
}

/** A validated catalog with its lookups built once. */
export interface Catalog {
  readonly document: CatalogDocument;
  readonly version: string;
  readonly classes: readonly CatalogClass[];
  readonly subclasses: readonly Subclass[];
  readonly subclassById: ReadonlyMap<string, Subclass>;
  readonly classById: ReadonlyMap<string, CatalogClass>;
  /** detector type id → subclass ids it maps onto. */
  readonly subclassesByDetector: ReadonlyMap<string, readonly string[]>;
  readonly index: {
    readonly substrings: readonly SubstringKeyword[];
    readonly phrases: readonly PhraseKeyword[];
    readonly pinyin: ReadonlyMap<string, readonly string[]>;
    readonly exact: ReadonlyMap<string, readonly string[]>;
  };
}

function fail(field: string, message: string): never {
  throw new AppError('validation_failed', `${field}: ${message}`, { field });
}

function compactZh(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Splits a header into lower-case ASCII words: `customerIDCard_no` → customer, id, card, no. */
function words(s: string): string[] {
  const split = s
    .normalize('NFKC')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return split.split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/**
 * Validates a catalog document: the schema, unique class and subclass ids, exactly 13 classes and 40
 * subclasses, every class used, known class ids, known detector type ids, PI grades only in the PI class.
 * Throws `validation_failed` with the offending field (`subclasses[3].detectorTypes[1]: unknown …`).
 */
export function parseCatalog(json: unknown): Catalog {
  const parsed = CatalogSchema.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues, 'catalog');
    const first = issues[0]!;
    throw new AppError('validation_failed', `${first.field}: ${first.message}`, { field: first.field, issues });
  }
  const doc = parsed.data;
  if (doc.classes.length !== CLASS_COUNT) fail('classes', `must have exactly ${CLASS_COUNT} classes, found ${doc.classes.length}`);
  if (doc.subclasses.length !== SUBCLASS_COUNT)
    fail('subclasses', `must have exactly ${SUBCLASS_COUNT} subclasses, found ${doc.subclasses.length}`);

  const classById = new Map<string, CatalogClass>();
  doc.classes.forEach((c, i) => {
    if (classById.has(c.id)) fail(`classes[${i}].id`, `duplicate id "${c.id}"`);
    classById.set(c.id, c);
  });

  const subclassById = new Map<string, Subclass>();
  const used = new Set<string>();
  const byDetector = new Map<string, string[]>();
  doc.subclasses.forEach((s, i) => {
    if (subclassById.has(s.id)) fail(`subclasses[${i}].id`, `duplicate id "${s.id}"`);
    if (!classById.has(s.classId)) fail(`subclasses[${i}].classId`, `unknown class "${s.classId}"`);
    if (!s.id.startsWith(`${s.classId}.`)) fail(`subclasses[${i}].id`, `must start with its class id "${s.classId}."`);
    const isPi = s.defaultGrade === 'pi_general' || s.defaultGrade === 'pi_sensitive';
    if (isPi !== (s.classId === 'PI'))
      fail(`subclasses[${i}].defaultGrade`, 'pi_general and pi_sensitive are the grades of the PI class, and only of it');
    s.detectorTypes.forEach((t, j) => {
      if (!isDetectorTypeId(t))
        fail(`subclasses[${i}].detectorTypes[${j}]`, `unknown detector type "${t}" (known: ${DETECTOR_TYPE_IDS.join(', ')})`);
      const list = byDetector.get(t) ?? [];
      if (list.includes(s.id)) fail(`subclasses[${i}].detectorTypes[${j}]`, `duplicate detector type "${t}"`);
      list.push(s.id);
      byDetector.set(t, list);
    });
    subclassById.set(s.id, s);
    used.add(s.classId);
  });
  doc.classes.forEach((c, i) => {
    if (!used.has(c.id)) fail(`classes[${i}]`, `class "${c.id}" has no subclass`);
  });

  const substrings: SubstringKeyword[] = [];
  const phrases: PhraseKeyword[] = [];
  const pinyin = new Map<string, string[]>();
  const exact = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, id: string) => {
    const l = m.get(k) ?? [];
    if (!l.includes(id)) l.push(id);
    m.set(k, l);
  };
  for (const s of doc.subclasses) {
    for (const k of s.headerKeywords.zhCN) substrings.push({ text: compactZh(k), subclassId: s.id, lang: 'zh-CN' });
    for (const k of s.headerKeywords.zhTW) substrings.push({ text: compactZh(k), subclassId: s.id, lang: 'zh-TW' });
    for (const k of s.headerKeywords.en) {
      const tokens = words(k);
      if (tokens.length > 0) phrases.push({ tokens, text: k, subclassId: s.id });
    }
    for (const k of s.headerKeywords.pinyin) push(pinyin, k.toLowerCase(), s.id);
    for (const k of s.exactHeaders ?? []) push(exact, headerKey(k), s.id);
  }

  return {
    document: doc,
    version: doc.version,
    classes: doc.classes,
    subclasses: doc.subclasses,
    subclassById,
    classById,
    subclassesByDetector: byDetector,
    index: { substrings, phrases, pinyin, exact },
  };
}

function headerKey(h: string): string {
  const w = words(h);
  return w.length > 0 ? w.join(' ') : compactZh(h);
}

const DEFAULT_CATALOG_URL = new URL('../data/classification.v1.json', import.meta.url);
let defaultCatalog: Catalog | undefined;

/** The catalog shipped in `data/classification.v1.json`, validated once. */
export function getCatalog(): Catalog {
  defaultCatalog ??= parseCatalog(JSON.parse(readFileSync(DEFAULT_CATALOG_URL, 'utf8')) as unknown);
  return defaultCatalog;
}

// ---------------------------------------------------------------------------------------------------
// Labelling a column

export interface Detection {
  /** A detector type id (detector-types.md). */
  type: string;
  /** Share of the column's sampled values the detector accepted, 0–1. */
  ratio: number;
}

export type LabelReason =
  | { source: 'header'; lang: KeywordLang; keyword: string }
  | { source: 'detector'; type: string; ratio: number };

export interface ColumnLabel {
  subclassId: string;
  classId: string;
  grade: Grade;
  reasons: LabelReason[];
}

export interface LabelOptions {
  /** Minimum share of values a detector must accept to label the column (default 0.3). */
  minRatio?: number;
  catalog?: Catalog;
}

type HeaderReason = Extract<LabelReason, { source: 'header' }>;

interface Span {
  subclassId: string;
  start: number;
  end: number;
  reason: HeaderReason;
}

/** Drops a match lying inside a longer match ("地址" inside "IP地址", "手机号" inside "手机号码"). */
function keepOutermost(spans: Span[]): Span[] {
  return spans.filter((a) => !spans.some((b) => b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
}

/**
 * Which subclasses a column belongs to, from its header (Simplified, Traditional, English words,
 * pinyin initials) and from what the detectors found in its values (a detection counts when its
 * ratio reaches `minRatio`). Each label carries the reasons; the most severe grade comes first.
 */
export function labelColumn(
  column: { header: string; detections?: readonly Detection[] },
  opts: LabelOptions = {},
): ColumnLabel[] {
  const catalog = opts.catalog ?? getCatalog();
  const minRatio = opts.minRatio ?? 0.3;
  const found = new Map<string, LabelReason[]>();
  const add = (id: string, reason: LabelReason) => {
    const l = found.get(id);
    if (l) l.push(reason);
    else found.set(id, [reason]);
  };

  const header = column.header ?? '';
  if (header.trim() !== '') {
    const zh = compactZh(header);
    const zhSpans: Span[] = [];
    for (const k of catalog.index.substrings) {
      let at = zh.indexOf(k.text);
      while (at !== -1) {
        const reason: HeaderReason = { source: 'header', lang: k.lang, keyword: k.text };
        zhSpans.push({ subclassId: k.subclassId, start: at, end: at + k.text.length, reason });
        at = zh.indexOf(k.text, at + 1);
      }
    }
    const tokens = words(header);
    const enSpans: Span[] = [];
    for (const p of catalog.index.phrases) {
      for (let i = 0; i + p.tokens.length <= tokens.length; i++) {
        let ok = true;
        for (let j = 0; j < p.tokens.length; j++) {
          if (tokens[i + j] !== p.tokens[j]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        const reason: HeaderReason = { source: 'header', lang: 'en', keyword: p.text };
        enSpans.push({ subclassId: p.subclassId, start: i, end: i + p.tokens.length, reason });
      }
    }
    for (const s of [...keepOutermost(zhSpans), ...keepOutermost(enSpans)]) {
      const prior = found.get(s.subclassId);
      if (!prior?.some((r) => r.source === 'header' && r.keyword === s.reason.keyword)) add(s.subclassId, s.reason);
    }
    for (const t of tokens) {
      for (const id of catalog.index.pinyin.get(t) ?? []) add(id, { source: 'header', lang: 'pinyin', keyword: t });
    }
    for (const id of catalog.index.exact.get(headerKey(header)) ?? []) {
      add(id, { source: 'header', lang: 'exact', keyword: header.trim() });
    }
  }

  for (const d of column.detections ?? []) {
    if (!(d.ratio >= minRatio)) continue;
    for (const id of catalog.subclassesByDetector.get(d.type) ?? []) add(id, { source: 'detector', type: d.type, ratio: d.ratio });
  }

  const labels: ColumnLabel[] = [];
  for (const [id, reasons] of found) {
    const s = catalog.subclassById.get(id)!;
    labels.push({ subclassId: id, classId: s.classId, grade: s.defaultGrade, reasons });
  }
  labels.sort((a, b) => GRADE_RANK[a.grade] - GRADE_RANK[b.grade] || a.subclassId.localeCompare(b.subclassId));
  return labels;
}

/** The more severe of two grades. */
export function higherGrade(a: Grade, b: Grade): Grade {
  return GRADE_RANK[a] <= GRADE_RANK[b] ? a : b;
}

/** Compares grades: negative when `a` is more severe than `b`. */
export function compareGrades(a: Grade, b: Grade): number {
  return GRADE_RANK[a] - GRADE_RANK[b];
}

/**
 * The grade of a whole dataset from the labels of its columns (就高从严: the highest grade wins).
 * Accepts labels, subclass ids or grades; no labels at all means `general`.
 */
export function overallGrade(labels: Iterable<{ grade: Grade } | Grade | string>, catalog: Catalog = getCatalog()): Grade {
  let best: Grade = 'general';
  for (const l of labels) {
    let g: Grade;
    if (typeof l === 'object') g = l.grade;
    else if ((GRADES as readonly string[]).includes(l)) g = l as Grade;
    else {
      const s = catalog.subclassById.get(l);
      if (!s) throw new AppError('validation_failed', `labels: unknown subclass or grade "${l}"`, { field: 'labels' });
      g = s.defaultGrade;
    }
    best = higherGrade(best, g);
    if (best === 'core') break;
  }
  return best;
}

/** A subclass's name in a language. */
export function subclassName(id: string, lang: Lang, catalog: Catalog = getCatalog()): string | undefined {
  return catalog.subclassById.get(id)?.names[lang];
}
