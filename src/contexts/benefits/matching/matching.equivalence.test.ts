import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { mainlandTaxOf, residencePermit } from '../benefits.demo.ts';
import { evaluate, truthy } from '../policies/rules.ts';
import type { PolicyDocument } from '../policies/policy.model.ts';
import { ADMIN, employmentRow, engineFixture, officer, residenceRow, TAX_OFFICER, taxRow } from '../test-support.ts';
import type { Inputs, Period } from './evaluate.ts';
import type { RunResultDto } from './matching.service.ts';

/** 1,234 people: more than two full INSERT chunks of results, varied enough to pass and fail every clause. */
const N = 1_234;
const people = Array.from({ length: N }, (_, i) => ({
  id: residencePermit(new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', ''), i % 1000),
  name: `台胞${i}`,
  wages: 60_000 + ((i * 7919) % 700_000),
}));

/** The policy evaluated by json-logic-js itself, as before the rules were compiled (the reference). */
function referenceOutcome(doc: PolicyDocument, inputs: Inputs, hasAccount: boolean, period: Period) {
  const data: Record<string, unknown> = { subject: { kind: doc.subjectKind, hasAccount }, period, params: doc.parameters };
  for (const [kind, v] of Object.entries(inputs)) data[kind] = v === null ? null : Array.isArray(v) ? v.map((r) => r.data) : v.data;
  const clauses = doc.eligibility.map((c) => ({ id: c.id, passed: truthy(evaluate(c.rule, data).value) }));
  if (!clauses.every((c) => c.passed)) return { eligible: false, amountFen: 0, clauses };
  const amount = Number(evaluate(doc.amount.formula, data).value);
  return { eligible: amount > 0, amountFen: amount > 0 ? amount : 0, clauses: [...clauses, { id: 'amount', passed: amount > 0 }] };
}

describeEachDialect('matching run equivalence', (get) => {
  let fx: ReturnType<typeof engineFixture>;
  let results: RunResultDto[];
  beforeAll(async () => {
    fx = engineFixture(get().db);
    await fx.policies.installShipped();
    await fx.sources.push(TAX_OFFICER, {
      kind: 'tax',
      records: people.map((p, i) =>
        taxRow({
          idNumber: p.id,
          name: p.name,
          wagesCny: p.wages,
          taxPaidInZone: i % 11 !== 4,
          businessIncomeCny: i % 7 === 2 ? 80_000 : 0,
          mainlandTaxPaidCny: i % 13 === 6 ? 0 : i % 17 === 3 ? 50 : mainlandTaxOf(2024, p.wages),
        }),
      ),
    });
    const police = officer('PT-GA', ['benefits.sources:load']);
    await fx.sources.push(police, { kind: 'residence', records: people.filter((_, i) => i % 3 !== 0).map((p, i) => residenceRow(p.id, p.name, 90 + ((i * 37) % 270))) });
    const social = officer('PT-SHSY', ['benefits.sources:load']);
    await fx.sources.push(social, {
      kind: 'employment',
      records: people.flatMap((p, i) =>
        i % 9 === 8
          ? []
          : i % 5 === 1
            ? [employmentRow(p.id, p.name, { inZone: false, from: '2019-01-01', to: '2023-12-31' }), employmentRow(p.id, p.name, { inZone: i % 2 === 0, from: '2024-03-01', employer: '91350128MA2YABCD0F' })]
            : [employmentRow(p.id, p.name, { inZone: i % 10 !== 5, to: i % 23 === 7 ? '2023-06-30' : null })],
      ),
    });
    // A second department's tax records for every 50th person: two current records of the subjects' kind, the newer one counts.
    await fx.sources.push(ADMIN, { kind: 'tax', orgId: 7, records: people.filter((_, i) => i % 50 === 0).map((p) => taxRow({ idNumber: p.id, name: p.name, wagesCny: p.wages + 10_000 })) });
    const run = await fx.matching.runNow(ADMIN, { policyKey: 'tw-iit-subsidy', period: '2024' });
    expect(run.totals.subjects).toBe(N);
    results = (await fx.matching.results(ADMIN, run.id, { page: 1, pageSize: N })).items;
  });

  it('stores for every subject what json-logic-js gives on the records the result names', async () => {
    const doc = (await fx.policies.version('tw-iit-subsidy')).document;
    const period = { year: 2024, from: '2024-01-01', to: '2024-12-31' };
    const names = new Set(people.map((p) => p.name));
    let eligible = 0;
    for (const r of results) {
      expect(names.has(r.displayName)).toBe(true);
      const { inputs, identical } = await fx.matching.recompute(ADMIN, 1, r.subjectKey);
      expect(identical).toBe(true);
      expect(inputs['tax']).toMatchObject({ name: r.displayName, maskedId: r.maskedId });
      const ref = referenceOutcome(doc, inputs, r.hasAccount, period);
      expect({ eligible: r.eligible, amountFen: r.amountFen, clauses: r.clauses.map(({ id, passed }) => ({ id, passed })) }).toEqual(ref);
      if (r.eligible) eligible++;
    }
    expect(results).toHaveLength(N);
    // Every clause fails somewhere and a good share is eligible.
    expect(eligible).toBeGreaterThan(N / 3);
    for (const id of ['taiwan-resident', 'employed-in-zone', 'tax-paid-in-zone', 'amount']) expect(results.some((r) => r.clauses.some((c) => c.id === id && !c.passed))).toBe(id !== 'taiwan-resident');
  });

  it('uses the newer department’s tax record where two departments sent one', () => {
    const doubled = results.filter((r) => r.displayName.match(/^台胞(\d+)$/) && Number(r.displayName.slice(2)) % 50 === 0);
    expect(doubled).toHaveLength(Math.ceil(N / 50));
    for (const r of doubled) expect((r.inputs['tax'] as { batchId: number }).batchId).toBe(4);
  });

  it('gives the same results with pages of 7 subjects, or of 1, as with one page', async () => {
    for (const pageSize of [7, 1]) {
      const small = engineFixture(get().db, { pageSize });
      const run = await small.matching.runNow(ADMIN, { policyKey: 'tw-iit-subsidy', period: '2024' });
      const again = (await small.matching.results(ADMIN, run.id, { page: 1, pageSize: N })).items;
      expect(again).toEqual(results);
    }
  });
});
