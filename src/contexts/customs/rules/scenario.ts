/**
 * The input of `landao customs assess` (shared/contracts/assess.md): one outbound transfer and the
 * exporter's cumulative counts this calendar year. Every validation error names its field
 * (`transfer.personalSubjects: must be a non-negative integer`). All fields are required; unknown
 * fields are refused. Scenario and negative-list ids are checked against a list version, so a schema
 * is built once per `LoadedLists` (and cached) — never per call.
 */
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import { getDefaultLists, INDUSTRIES, type LoadedLists } from './lists.ts';
import { describeIssues } from './text.ts';

export const EXEMPTIONS = [
  'contract_with_individual',
  'cross_border_hr',
  'emergency',
  'no_personal_trade_data',
  'foreign_collected_return',
] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

export const IMPORTANT_DATA = ['none', 'suspected', 'notified'] as const;
export type ImportantData = (typeof IMPORTANT_DATA)[number];

const required = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined ? 'required' : what);

const count = z
  .int({ error: required('must be a non-negative integer') })
  .min(0, { error: 'must be a non-negative integer' });
const flag = z.boolean({ error: required('must be true or false') });
const oneOf = (values: readonly string[], what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined
    ? 'required'
    : `${what} ${JSON.stringify(iss.input)} (expected ${values.slice(0, -1).join(', ')} or ${values.at(-1)})`;

function buildSchema(lists: LoadedLists) {
  const scenarioId = z
    .string({ error: required('must be a scenario id of the negative list, or null') })
    .refine((id) => lists.scenarioById.has(id), { error: (iss) => `unknown scenario id ${JSON.stringify(iss.input)}` });
  const itemId = z
    .string({ error: 'must be a negative list item id' })
    .refine((id) => lists.negativeItemById.has(id), {
      error: (iss) => `unknown negative list item id ${JSON.stringify(iss.input)}`,
    });

  const transfer = z
    .strictObject(
      {
        industry: z.enum(INDUSTRIES, { error: oneOf(INDUSTRIES, 'unknown industry') }),
        scenario: scenarioId.nullable(),
        personalSubjects: count,
        sensitiveSubjects: count,
        importantData: z.enum(IMPORTANT_DATA, { error: oneOf(IMPORTANT_DATA, 'unknown value') }),
        coreData: flag,
        exemption: z.enum(EXEMPTIONS, { error: oneOf(EXEMPTIONS, 'unknown exemption') }).nullable(),
        negativeListItems: z.array(itemId, { error: required('must be an array of negative list item ids') }),
      },
      { error: required('must be an object') },
    )
    // Non-fatal issues above (unknown ids) do not stop this check, so it skips what they reported.
    .superRefine((t, ctx) => {
      const s = t.scenario === null ? undefined : lists.scenarioById.get(t.scenario);
      if (s) {
        if (s.industry !== t.industry)
          ctx.addIssue({
            code: 'custom',
            path: ['scenario'],
            message: `scenario "${s.id}" belongs to industry "${s.industry}", not "${t.industry}"`,
          });
      }
      const seen = new Set<string>();
      t.negativeListItems.forEach((id, i) => {
        const item = lists.negativeItemById.get(id);
        if (!item) return; // reported by the item id check
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['negativeListItems', i], message: `duplicate item id "${id}"` });
        seen.add(id);
        if (item.industry !== t.industry)
          ctx.addIssue({
            code: 'custom',
            path: ['negativeListItems', i],
            message: `item "${id}" belongs to industry "${item.industry}", not "${t.industry}"`,
          });
        else if (s && item.scenario !== s.id)
          ctx.addIssue({
            code: 'custom',
            path: ['negativeListItems', i],
            message: `item "${id}" belongs to scenario "${item.scenario}", not "${s.id}"`,
          });
      });
    });

  return z.strictObject(
    {
      exporter: z.strictObject(
        {
          name: z.string({ error: required('must be a string') }).trim().min(1, { error: 'must not be empty' }),
          ciio: flag,
          inFreeTradeZone: flag,
        },
        { error: required('must be an object') },
      ),
      year: z
        .int({ error: required('must be a calendar year (an integer)') })
        .min(2000, { error: 'must be a calendar year between 2000 and 2999' })
        .max(2999, { error: 'must be a calendar year between 2000 and 2999' }),
      alreadyExportedThisYear: z.strictObject(
        { personalSubjects: count, sensitiveSubjects: count },
        { error: required('must be an object') },
      ),
      transfer,
    },
    { error: required('must be an object') },
  );
}

export type ScenarioSchemaType = ReturnType<typeof buildSchema>;
export type Scenario = z.infer<ScenarioSchemaType>;

const schemas = new WeakMap<LoadedLists, ScenarioSchemaType>();

/** The scenario schema checking ids against a given list version (built once per version). */
export function scenarioSchemaFor(lists: LoadedLists): ScenarioSchemaType {
  let s = schemas.get(lists);
  if (!s) {
    s = buildSchema(lists);
    schemas.set(lists, s);
  }
  return s;
}

/** The scenario schema for the shipped lists. */
export const ScenarioSchema: ScenarioSchemaType = scenarioSchemaFor(getDefaultLists());

/**
 * Validates a scenario (parsed JSON). Throws `AppError('validation_failed', '<field>: <reason>',
 * { field, issues })` naming the first offending field; `issues` lists them all.
 */
export function parseScenario(json: unknown, lists: LoadedLists = getDefaultLists()): Scenario {
  const r = scenarioSchemaFor(lists).safeParse(json);
  if (r.success) return r.data;
  const issues = describeIssues(r.error.issues, 'scenario');
  const first = issues[0]!;
  throw new AppError('validation_failed', `${first.field}: ${first.message}`, { field: first.field, issues });
}
