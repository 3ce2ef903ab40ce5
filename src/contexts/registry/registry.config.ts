/**
 * The registry's rules as configuration (registry.config.json, versioned): register books, the three
 * rights, registration types and the review steps each type goes through. The national rules are
 * still moving (数据产权登记工作指引 is a draft), so changing a step list is an edit of the JSON file,
 * checked here when the platform starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const BOOKS = ['resource', 'product', 'asset'] as const;
export type Book = (typeof BOOKS)[number];
/** 持有权 / 使用权 / 经营权 (数据二十条, "新三权"). */
export const RIGHTS = ['hold', 'use', 'operate'] as const;
export type Right = (typeof RIGHTS)[number];
export const REGISTRATION_TYPES = ['first', 'change', 'transfer', 'licence', 'pledge', 'pledge_release', 'renewal', 'correction', 'cancellation', 'objection'] as const;
export type RegistrationType = (typeof REGISTRATION_TYPES)[number];
export const REVIEW_STEPS = ['acceptance', 'formal', 'substantive', 'notice'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const SOURCE_KINDS = ['self_collected', 'licensed', 'purchased', 'public_authorised', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SUBJECT_TYPES = ['enterprise', 'institution', 'government', 'person', 'other'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

const label = { zh: z.string().min(1), en: z.string().min(1) };
const steps = z
  .array(z.enum(REVIEW_STEPS))
  .refine((s) => s.every((x, i) => i === 0 || REVIEW_STEPS.indexOf(x) > REVIEW_STEPS.indexOf(s[i - 1]!)), 'steps must follow the order acceptance, formal, substantive, notice');

const schema = z.object({
  version: z.string().min(1),
  note: z.string().optional(),
  /** Four digits of the registry in certificate numbers (year + month + registry code + serial). */
  registryCode: z.string().regex(/^\d{4}$/),
  acceptanceWorkingDays: z.number().int().positive(),
  noticeWorkingDays: z.number().int().positive(),
  validityYears: z.number().int().positive(),
  maxAuthorisationYears: z.number().int().positive(),
  disclosureDueMonthDay: z.string().regex(/^\d{2}-\d{2}$/),
  books: z.array(z.object({ id: z.enum(BOOKS), ...label })).length(BOOKS.length),
  rights: z.array(z.object({ id: z.enum(RIGHTS), ...label })).length(RIGHTS.length),
  sourceCodes: z.record(z.enum(SOURCE_KINDS), z.string().regex(/^\d$/)),
  subjectTypeCodes: z.record(z.enum(SUBJECT_TYPES), z.string().regex(/^\d$/)),
  types: z
    .array(
      z.object({
        id: z.enum(REGISTRATION_TYPES),
        ...label,
        /** Who files it: the holder as an application, the pledgee directly, or anyone during a notice. */
        filedAs: z.enum(['application', 'pledgee', 'public']),
        steps,
        stepsByBook: z.partialRecord(z.enum(BOOKS), steps).optional(),
        /** A pledged registration needs the pledgee's consent for this type (Civil Code Art. 444). */
        pledgeeConsent: z.boolean().optional(),
      }),
    )
    .length(REGISTRATION_TYPES.length),
});

export type RegistryConfig = z.infer<typeof schema>;
export type TypeConfig = RegistryConfig['types'][number];

export const DEFAULT_CONFIG_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'registry.config.json');

/** Validates a registry configuration; problems throw naming the field. */
export function parseRegistryConfig(data: unknown, label = 'registry config'): RegistryConfig {
  const r = schema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${label}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const ids = new Set(r.data.types.map((t) => t.id));
  for (const t of REGISTRATION_TYPES) if (!ids.has(t)) throw new Error(`${label}: types: registration type "${t}" is missing`);
  for (const k of SOURCE_KINDS) if (!r.data.sourceCodes[k]) throw new Error(`${label}: sourceCodes.${k} is missing`);
  for (const k of SUBJECT_TYPES) if (!r.data.subjectTypeCodes[k]) throw new Error(`${label}: subjectTypeCodes.${k} is missing`);
  return r.data;
}

export function loadRegistryConfig(file: string = DEFAULT_CONFIG_FILE): RegistryConfig {
  return parseRegistryConfig(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, file);
}

export function typeConfig(config: RegistryConfig, type: RegistrationType): TypeConfig {
  return config.types.find((t) => t.id === type)!;
}

/** The review steps an application of this type (and book) goes through, in order. */
export function stepsFor(config: RegistryConfig, type: RegistrationType, book: Book): ReviewStep[] {
  const t = typeConfig(config, type);
  return [...(t.stepsByBook?.[book] ?? t.steps)];
}
