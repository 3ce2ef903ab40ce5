/**
 * What an exporter declares (出境申报表). Every validation error names its field
 * (`recipient.country: required`), as the assessment input does.
 */
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import { isDatabaseUrl } from '../../detection/index.ts';
import { getDefaultLists, INDUSTRIES, type LoadedLists } from '../rules/lists.ts';
import { EXEMPTIONS, IMPORTANT_DATA } from '../rules/scenario.ts';
import { describeIssues } from '../rules/text.ts';

/** full: the whole data uploaded; sample: a sample uploaded, persons declared; database: a table or query read in place. */
export const SOURCE_KINDS = ['full', 'sample', 'database'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const text = (max: number) => z.string({ error: (i) => (i.input === undefined ? 'required' : 'must be text') }).trim().min(1, { error: 'required' }).max(max, { error: `at most ${max} characters` });
const count = z.int({ error: (i) => (i.input === undefined ? 'required' : 'must be a non-negative integer') }).min(0, { error: 'must be a non-negative integer' });
const flag = z.boolean({ error: (i) => (i.input === undefined ? 'required' : 'must be true or false') });

function buildSchema(lists: LoadedLists) {
  return z
    .strictObject({
      title: text(200),
      recipient: z.strictObject(
        {
          name: text(200),
          /** ISO 3166-1 alpha-2, with TW, HK and MO for the regions (境外 in the sense of the rules). */
          country: z.string({ error: (i) => (i.input === undefined ? 'required' : 'must be a two-letter region code') }).regex(/^[A-Z]{2}$/, { error: 'must be a two-letter region code such as TW, HK, SG' }).refine((c) => c !== 'CN', { error: 'the recipient of an outbound transfer is outside the mainland (not CN)' }),
          address: z.string().max(300).optional(),
        },
        { error: (i) => (i.input === undefined ? 'required' : 'must be an object') },
      ),
      purpose: text(2000),
      industry: z.enum(INDUSTRIES, { error: (i) => (i.input === undefined ? 'required' : `unknown industry ${JSON.stringify(i.input)} (expected ${INDUSTRIES.join(', ')})`) }),
      scenario: z
        .string({ error: 'must be a scenario id of the negative list, or null' })
        .refine((id) => lists.scenarioById.has(id), { error: (i) => `unknown scenario id ${JSON.stringify(i.input)}` })
        .nullable()
        .default(null),
      dataDescription: text(4000),
      fields: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
      securityMeasures: text(4000),
      ciio: flag.default(false),
      inFreeTradeZone: flag.default(true),
      importantData: z.enum(IMPORTANT_DATA, { error: `must be one of ${IMPORTANT_DATA.join(', ')}` }).default('none'),
      coreData: flag.default(false),
      exemption: z.enum(EXEMPTIONS, { error: `must be null or one of ${EXEMPTIONS.join(', ')}` }).nullable().default(null),
      sourceKind: z.enum(SOURCE_KINDS, { error: 'must be full (the whole data), sample or database' }).default('full'),
      /** postgres://… or mysql://… with ?table=schema.table or ?query=SELECT…, read-only, when sourceKind is database. */
      databaseUrl: z.string().max(4000).optional(),
      /** Persons the whole transfer covers, declared when only a sample is uploaded. */
      expectedPersons: z.strictObject({ personalSubjects: count, sensitiveSubjects: count }).optional(),
      /** Requested validity of the clearance in days (1–1095). */
      validityDays: z.int({ error: 'must be a whole number of days' }).min(1, { error: 'must be 1 to 1095 days' }).max(1095, { error: 'must be 1 to 1095 days' }).default(365),
    })
    .superRefine((f, ctx) => {
      const s = f.scenario === null ? undefined : lists.scenarioById.get(f.scenario);
      if (s && s.industry !== f.industry)
        ctx.addIssue({ code: 'custom', path: ['scenario'], message: `scenario "${s.id}" belongs to industry "${s.industry}", not "${f.industry}"` });
      if (f.sourceKind === 'database' && !(f.databaseUrl && isDatabaseUrl(f.databaseUrl)))
        ctx.addIssue({ code: 'custom', path: ['databaseUrl'], message: 'required for a database source: postgres://user:password@host/db?table=schema.table (or mysql://…)' });
      if (f.sourceKind !== 'database' && f.databaseUrl !== undefined)
        ctx.addIssue({ code: 'custom', path: ['databaseUrl'], message: 'only for sourceKind database' });
      if (f.sourceKind === 'sample' && !f.expectedPersons)
        ctx.addIssue({ code: 'custom', path: ['expectedPersons'], message: 'required when only a sample is uploaded' });
    });
}

const schemas = new WeakMap<LoadedLists, ReturnType<typeof buildSchema>>();

export type DeclarationForm = z.infer<ReturnType<typeof buildSchema>>;

/** Validates a declaration form; `validation_failed` names the first bad field, `issues` all of them. */
export function parseDeclarationForm(json: unknown, lists: LoadedLists = getDefaultLists()): DeclarationForm {
  let schema = schemas.get(lists);
  if (!schema) {
    schema = buildSchema(lists);
    schemas.set(lists, schema);
  }
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const issues = describeIssues(r.error.issues, 'form');
  const first = issues[0]!;
  throw new AppError('validation_failed', `${first.field}: ${first.message}`, { field: first.field, issues });
}
