/**
 * The dataset model of the public data catalog (公共数据资源目录), aligned with W3C DCAT 3: a dataset
 * (dcat:Dataset) with title, description, publisher, theme, keywords, update frequency
 * (dcterms:accrualPeriodicity), a field schema (dcterms:conformsTo), distributions and versions
 * (dcat:version / dcat:previousVersion), plus the government sharing attributes: sharing type
 * (共享类型) and opening type (开放类型), and the grade from the classification catalog.
 */
import { z } from 'zod';
import { DETECTOR_TYPE_IDS } from '../detection/index.ts';
import { illegalTransition } from '../../kernel/errors.ts';

/** 无条件共享 / 有条件共享 / 不予共享 */
export const SHARING_TYPES = ['unconditional', 'conditional', 'none'] as const;
export type SharingType = (typeof SHARING_TYPES)[number];

/** 开放 / 有条件开放 / 不开放 */
export const OPENING_TYPES = ['open', 'conditional', 'closed'] as const;
export type OpeningType = (typeof OPENING_TYPES)[number];

/** Update frequency; maps onto the EU frequency vocabulary used with DCAT. */
export const PERIODICITIES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export const PERIODICITY_URI: Readonly<Record<Periodicity, string>> = {
  realtime: 'http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT',
  daily: 'http://publications.europa.eu/resource/authority/frequency/DAILY',
  weekly: 'http://publications.europa.eu/resource/authority/frequency/WEEKLY',
  monthly: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
  quarterly: 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
  annual: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
  irregular: 'http://publications.europa.eu/resource/authority/frequency/IRREG',
};

/** How long data of each frequency may go without a load before it counts as stale (timeliness rule). */
export const MAX_AGE_MS: Readonly<Record<Periodicity, number | null>> = {
  realtime: 3600_000,
  daily: 2 * 86400_000,
  weekly: 8 * 86400_000,
  monthly: 32 * 86400_000,
  quarterly: 93 * 86400_000,
  annual: 367 * 86400_000,
  irregular: null,
};

/** Themes of the zone's open-data portal (数据领域). */
export const THEMES = [
  'market',
  'civil_affairs',
  'finance_tax',
  'transport',
  'health',
  'education',
  'environment',
  'public_safety',
  'social_security',
  'housing',
  'agriculture',
  'other',
] as const;
export type Theme = (typeof THEMES)[number];

export const FIELD_TYPES = ['string', 'integer', 'number', 'date', 'datetime', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What a load does with bad rows: keep the good ones, or refuse the whole batch. */
export const REJECT_POLICIES = ['keep_good', 'reject_batch'] as const;
export type RejectPolicy = (typeof REJECT_POLICIES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const FieldSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _ (starting with a letter)'),
  title: text(100),
  type: z.enum(FIELD_TYPES),
  /** What the field means (数据项含义); also the 一数一源 key when no item code is given. */
  meaning: text(500),
  /** The data item code of the zone's data element standard, when there is one (数据元编码). */
  itemCode: z.string().trim().max(64).optional(),
  /**
   * The field cites a data item another dataset is the source of (the USCC key of a tax record):
   * it claims no source, so it is not checked for 一数一源.
   */
  reference: z.boolean().optional(),
  detectorType: z.enum(DETECTOR_TYPE_IDS).optional(),
  /** Classification subclass (13/40 catalog), set when an officer confirms the grade. */
  subclassId: z.string().max(64).nullable().optional(),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().optional(),
  /** Reference code list (代码表): the allowed values. */
  codeList: z.array(z.string().max(100)).max(1000).optional(),
});
export type FieldSpec = z.infer<typeof FieldSchema>;

export const DistributionSchema = z.object({
  title: text(200),
  accessURL: z.url().max(2000),
  mediaType: z.string().max(100).optional(),
  format: z.string().max(50).optional(),
});
export type Distribution = z.infer<typeof DistributionSchema>;

/** What a department describes; everything else (state, grade, version) the platform derives. */
export const DatasetInputSchema = z.object({
  /** Also the CKAN package name: lower-case letters, digits, - and _. */
  identifier: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'lower-case letters, digits, - and _ (2–64)'),
  title: text(200),
  titleEn: z.string().trim().max(200).optional(),
  description: text(4000),
  theme: z.enum(THEMES),
  keywords: z.array(text(50)).max(20).default([]),
  accrualPeriodicity: z.enum(PERIODICITIES),
  sharingType: z.enum(SHARING_TYPES),
  /** Why sharing is conditional or refused (有条件共享/不予共享须注明依据). */
  sharingBasis: z.string().trim().max(1000).optional(),
  openingType: z.enum(OPENING_TYPES),
  license: z.string().trim().max(200).optional(),
  keyFields: z.array(z.string()).min(1).max(5),
  rejectPolicy: z.enum(REJECT_POLICIES).default('keep_good'),
  fields: z.array(FieldSchema).min(1).max(200),
  distributions: z.array(DistributionSchema).max(20).default([]),
});
export type DatasetInput = z.infer<typeof DatasetInputSchema>;

/** The stored metadata: the input plus the last scan's suggestions. */
export interface DatasetMetadata extends DatasetInput {
  scan?: ScanResult | undefined;
}

export interface FieldSuggestion {
  field: string;
  detectorType: string | null;
  labels: { subclassId: string; grade: string; reasons: unknown[] }[];
}

export interface ScanResult {
  at: string;
  sampledRows: number;
  fields: FieldSuggestion[];
  suggestedGrade: string;
}

// ---- lifecycle (derived from the action log) --------------------------------------------------

export const DATASET_STATES = ['draft', 'published', 'retired'] as const;
export type DatasetState = (typeof DATASET_STATES)[number];

export type DatasetAction = 'register' | 'update' | 'classify' | 'confirm_grade' | 'publish' | 'retire';

const ALLOWED: Readonly<Record<DatasetState, readonly DatasetAction[]>> = {
  draft: ['update', 'classify', 'confirm_grade', 'publish', 'retire'],
  published: ['update', 'classify', 'confirm_grade', 'retire'],
  retired: [],
};

export function allowedActions(state: DatasetState): readonly DatasetAction[] {
  return ALLOWED[state];
}

/** The state after replaying the action log from the start. */
export function deriveState(actions: readonly string[]): DatasetState {
  let state: DatasetState = 'draft';
  for (const a of actions) {
    if (a === 'publish') state = 'published';
    else if (a === 'retire') state = 'retired';
  }
  return state;
}

/** Throws 409 with the allowed actions when `action` is not allowed in `state`. */
export function checkTransition(state: DatasetState, action: DatasetAction): void {
  if (!ALLOWED[state].includes(action)) throw illegalTransition(action, state, ALLOWED[state]);
}

// ---- 一数一源 ------------------------------------------------------------------------------------

/**
 * The keys a field claims in the data-item registry: its item code when it has one, and always its
 * normalised meaning, so the same item is found whether or not both departments coded it.
 */
export function itemKeys(f: Pick<FieldSpec, 'itemCode' | 'meaning'>): string[] {
  const meaning = `meaning:${f.meaning.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, '')}`;
  return f.itemCode && f.itemCode.trim() !== '' ? [`code:${f.itemCode.trim().toUpperCase()}`, meaning] : [meaning];
}

/** The stored key of a record: the key fields' values joined by U+001F. */
export function rowKeyOf(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : values.join('\u001f');
}
