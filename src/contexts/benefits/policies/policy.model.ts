/**
 * A benefit policy as data: who pays (the funding department's org code), for which period kind, valid when,
 * from which source kinds (the first names the subjects: every subject with a record of it for the period is
 * evaluated), its parameters, the eligibility clauses (JSON Logic, each with its explanation in three languages,
 * shown as the "why (not) eligible" evidence) and the amount formula (JSON Logic returning fen).
 */
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import { kindSpec, SOURCE_KIND_NAMES } from '../sources/kinds.ts';
import { validateLogic, type RuleError } from './rules.ts';

const text3 = z.object({ 'zh-CN': z.string().min(1).max(500), 'zh-TW': z.string().min(1).max(500), en: z.string().min(1).max(500) });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const policyDocumentSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens'),
  names: text3,
  description: text3.optional(),
  fundingOrgCode: z.string().min(1).max(40),
  subjectKind: z.enum(['person', 'company']),
  periodKind: z.literal('tax_year'),
  validFrom: date,
  validTo: date.nullable(),
  sources: z.array(z.string()).min(1),
  parameters: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.union([z.number(), z.string(), z.boolean()])),
  eligibility: z
    .array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), explanation: text3, rule: z.unknown() }))
    .min(1),
  amount: z.object({ explanation: text3, formula: z.unknown() }),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

/** The policy document or 400 naming every path that is wrong (shape, source kinds, rules). */
export function validatePolicy(raw: unknown): PolicyDocument {
  const parsed = policyDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: RuleError[] = parsed.error.issues.map((i) => {
      const path = i.path.map((s, n) => (typeof s === 'number' ? `[${s}]` : n === 0 ? String(s) : `.${String(s)}`)).join('');
      return { path, reason: 'bad_arguments', message: `${path}: ${i.message}` };
    });
    throw new AppError('validation_failed', errors.map((e) => e.message).slice(0, 5).join('; '), errors);
  }
  const doc = parsed.data;
  const errors: RuleError[] = [];
  doc.sources.forEach((k, i) => {
    const spec = kindSpec(k);
    if (!spec) errors.push({ path: `sources[${i}]`, reason: 'unknown_variable', message: `sources[${i}]: unknown source kind "${k}" (${SOURCE_KIND_NAMES.join(', ')})` });
    else if (i === 0 && (spec.subject !== doc.subjectKind || !spec.period)) {
      errors.push({ path: 'sources[0]', reason: 'bad_arguments', message: `sources[0]: the subjects' source must be a ${doc.subjectKind} kind with a period` });
    } else if (spec.subject !== doc.subjectKind) errors.push({ path: `sources[${i}]`, reason: 'bad_arguments', message: `sources[${i}]: ${k} is about a ${spec.subject}, the policy about a ${doc.subjectKind}` });
  });
  if (new Set(doc.sources).size !== doc.sources.length) errors.push({ path: 'sources', reason: 'bad_arguments', message: 'sources: a kind is named twice' });
  if (doc.validTo !== null && doc.validTo < doc.validFrom) errors.push({ path: 'validTo', reason: 'bad_arguments', message: 'validTo: before validFrom' });
  const ids = new Set<string>();
  doc.eligibility.forEach((c, i) => {
    if (ids.has(c.id)) errors.push({ path: `eligibility[${i}].id`, reason: 'bad_arguments', message: `eligibility[${i}].id: "${c.id}" is used twice` });
    ids.add(c.id);
  });
  if (errors.length === 0) {
    const scope = { kinds: doc.sources, params: Object.keys(doc.parameters) };
    doc.eligibility.forEach((c, i) => errors.push(...validateLogic(c.rule, `eligibility[${i}].rule`, scope)));
    errors.push(...validateLogic(doc.amount.formula, 'amount.formula', scope));
    if (doc.amount.formula === null || typeof doc.amount.formula !== 'object' && typeof doc.amount.formula !== 'number') {
      errors.push({ path: 'amount.formula', reason: 'bad_arguments', message: 'amount.formula: an expression or a number of fen' });
    }
  }
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).slice(0, 5).join('; '), errors);
  return doc;
}
