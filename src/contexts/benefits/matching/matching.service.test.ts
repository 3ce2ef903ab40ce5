import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { personHash } from '../../detection/index.ts';
import { mainlandTaxOf, pingtanUscc, residencePermit } from '../benefits.demo.ts';
import { computeSubsidy } from '../tax/index.ts';
import { ADMIN, CollectingSink, employmentRow, engineFixture, HASH_KEY, officer, residenceRow, TAX_OFFICER, taxRow } from '../test-support.ts';
import type { MatchingService, RunResultDto } from './matching.service.ts';
import type { PoliciesService } from '../policies/policies.service.ts';
import type { SourcesService } from '../sources/sources.service.ts';

const P = {
  eligible: { id: residencePermit('19900101', 1), name: '李志明', wages: 420_000 },
  paidElsewhere: { id: residencePermit('19850505', 2), name: '林淑芬', wages: 300_000 },
  notEmployed: { id: residencePermit('19870707', 3), name: '黄家豪', wages: 300_000 },
  mainlander: { id: '11010519491231002X', name: '王五', wages: 300_000 },
  shortStay: { id: residencePermit('19800808', 4), name: '陈怡君', wages: 300_000 },
  longStay: { id: residencePermit('19810909', 5), name: '张俊杰', wages: 300_000 },
  paidLittle: { id: residencePermit('19921111', 6), name: '吴雅婷', wages: 300_000 },
  jobEnded: { id: residencePermit('19931212', 7), name: '刘建宏', wages: 300_000 },
  taibaozheng: { id: '12345678', name: '蔡佳玲', wages: 380_000 },
};
const key = (id: string, type: 'tw_residence_permit' | 'tw_travel_permit' | 'cn_resident_id' = 'tw_residence_permit') => personHash(HASH_KEY, type, id);
const BUSINESS = 100_000;
const BUSINESS_TAX = 12_000;

async function loadPeople(sources: SourcesService): Promise<void> {
  const tax = [
    taxRow({ idNumber: P.eligible.id, name: P.eligible.name, wagesCny: P.eligible.wages }),
    taxRow({ idNumber: P.paidElsewhere.id, name: P.paidElsewhere.name, wagesCny: P.paidElsewhere.wages, taxPaidInZone: false }),
    taxRow({ idNumber: P.notEmployed.id, name: P.notEmployed.name, wagesCny: P.notEmployed.wages }),
    taxRow({ idType: 'resident_id', idNumber: P.mainlander.id, name: P.mainlander.name, wagesCny: P.mainlander.wages }),
    ...[P.shortStay, P.longStay].map((p) =>
      taxRow({ idNumber: p.id, name: p.name, wagesCny: p.wages, businessIncomeCny: BUSINESS, businessTaxPaidCny: BUSINESS_TAX, mainlandTaxPaidCny: mainlandTaxOf(2024, p.wages) + BUSINESS_TAX }),
    ),
    // Paid less than the same income bears under Taiwan's rules: no burden difference.
    taxRow({ idNumber: P.paidLittle.id, name: P.paidLittle.name, wagesCny: P.paidLittle.wages, mainlandTaxPaidCny: 100 }),
    taxRow({ idNumber: P.jobEnded.id, name: P.jobEnded.name, wagesCny: P.jobEnded.wages }),
    taxRow({ idType: 'mtp', idNumber: P.taibaozheng.id, name: P.taibaozheng.name, wagesCny: P.taibaozheng.wages }),
  ];
  await sources.push(TAX_OFFICER, { kind: 'tax', records: tax });
  const police = officer('PT-GA', ['benefits.sources:load']);
  await sources.push(police, {
    kind: 'residence',
    records: [
      residenceRow(P.eligible.id, P.eligible.name, 300),
      residenceRow(P.shortStay.id, P.shortStay.name, 120),
      residenceRow(P.longStay.id, P.longStay.name, 200),
      residenceRow(P.taibaozheng.id, P.taibaozheng.name, 250, { idType: 'mtp' }),
    ],
  });
  const social = officer('PT-SHSY', ['benefits.sources:load']);
  await sources.push(social, {
    kind: 'employment',
    records: [
      // Two jobs: one outside the zone and one inside, both in 2024.
      employmentRow(P.eligible.id, P.eligible.name, { inZone: false, from: '2020-01-01', to: '2023-12-31', employer: pingtanUscc(1) }),
      employmentRow(P.eligible.id, P.eligible.name, { inZone: true, from: '2024-01-01' }),
      employmentRow(P.paidElsewhere.id, P.paidElsewhere.name),
      employmentRow(P.notEmployed.id, P.notEmployed.name, { inZone: false }),
      employmentRow(P.mainlander.id, P.mainlander.name, { idType: 'resident_id' }),
      employmentRow(P.shortStay.id, P.shortStay.name),
      employmentRow(P.longStay.id, P.longStay.name),
      employmentRow(P.paidLittle.id, P.paidLittle.name),
      employmentRow(P.jobEnded.id, P.jobEnded.name, { from: '2019-01-01', to: '2023-06-30' }),
      employmentRow(P.taibaozheng.id, P.taibaozheng.name, { idType: 'mtp' }),
    ],
  });
}

function failed(r: RunResultDto | undefined): string[] {
  return (r?.clauses ?? []).filter((c) => !c.passed).map((c) => c.id);
}

describeEachDialect('matching runs', (get) => {
  let sources: SourcesService;
  let policies: PoliciesService;
  let matching: MatchingService;
  const sink = new CollectingSink();
  let byKey: Map<string, RunResultDto>;
  let runId: number;

  beforeAll(async () => {
    // Pages of 2 subjects: every page boundary falls between a subject's records.
    const fx = engineFixture(get().db, { sink, pageSize: 2, accounts: new Set([key(P.eligible.id)]) });
    ({ sources, policies, matching } = fx);
    await policies.installShipped();
    await loadPeople(sources);
    const run = await matching.runNow(ADMIN, { policyKey: 'tw-iit-subsidy', period: '2024' });
    runId = run.id;
    const results = await matching.results(ADMIN, run.id, { page: 1, pageSize: 200 });
    byKey = new Map(results.items.map((r) => [r.subjectKey, r]));
  });

  it('finds a Taiwan resident employed in the zone who paid tax there eligible for the burden difference', async () => {
    const r = byKey.get(key(P.eligible.id))!;
    const expected = computeSubsidy({ year: 2024, wagesCny: P.eligible.wages, otherIncomeCny: 0, businessIncomeCny: 0, mainlandTaxPaidCny: mainlandTaxOf(2024, P.eligible.wages), rule: 'burden-difference', residenceDays: 300 });
    expect(expected.subsidyCny).toBeGreaterThan(0);
    expect(r).toMatchObject({ eligible: true, amountFen: Math.round(expected.subsidyCny * 100), displayName: '李志明', hasAccount: true });
    expect(r.clauses.map((c) => c.id)).toEqual(['taiwan-resident', 'employed-in-zone', 'tax-paid-in-zone', 'amount']);
    expect((r.figures as { calculations: { subsidyCny: number }[] }).calculations[0]!.subsidyCny).toBe(expected.subsidyCny);
    // The inputs name the batch and row of each record used; the job outside the zone is not one of them.
    expect(r.inputs.tax).toEqual({ batchId: expect.any(Number), rowNo: 1 });
    expect((r.inputs.employment as { rowNo: number }[]).map((e) => e.rowNo)).toEqual([2]);
    const again = await matching.recompute(ADMIN, runId, r.subjectKey);
    expect(again.inputs.tax).toMatchObject({ rowNo: 1, data: { wagesCny: P.eligible.wages } });
    expect(byKey.get(key(P.taibaozheng.id, 'tw_travel_permit'))).toMatchObject({ eligible: true, hasAccount: false });
  });

  it('names the clause a person fails: tax paid elsewhere, no job in the zone that year, not a Taiwan resident', () => {
    expect(failed(byKey.get(key(P.paidElsewhere.id)))).toEqual(['tax-paid-in-zone']);
    expect(failed(byKey.get(key(P.notEmployed.id)))).toEqual(['employed-in-zone']);
    expect(failed(byKey.get(key(P.jobEnded.id)))).toEqual(['employed-in-zone']);
    expect(failed(byKey.get(key(P.mainlander.id, 'cn_resident_id')))).toEqual(['taiwan-resident']);
    expect(byKey.get(key(P.paidLittle.id))).toMatchObject({ eligible: false, amountFen: 0 });
    expect(failed(byKey.get(key(P.paidLittle.id)))).toEqual(['amount']);
  });

  it('counts business income only with more than 183 days of residence', async () => {
    const short = byKey.get(key(P.shortStay.id))!;
    const long = byKey.get(key(P.longStay.id))!;
    const breakdown = async (r: RunResultDto) =>
      ((await matching.recompute(ADMIN, runId, r.subjectKey)).outcome.figures as { calculations: { breakdown: { subsidy: { businessIncome: string } } }[] }).calculations[0]!.breakdown.subsidy.businessIncome;
    expect(await breakdown(short)).toBe('excluded');
    expect(await breakdown(long)).toBe('included');
    const input = { year: 2024, wagesCny: 300_000, otherIncomeCny: 0, businessIncomeCny: BUSINESS, businessTaxPaidCny: BUSINESS_TAX, mainlandTaxPaidCny: mainlandTaxOf(2024, 300_000) + BUSINESS_TAX, rule: 'burden-difference' as const };
    expect(short.amountFen).toBe(Math.round(computeSubsidy({ ...input, residenceDays: 120 }).subsidyCny * 100));
    expect(long.amountFen).toBe(Math.round(computeSubsidy({ ...input, residenceDays: 200 }).subsidyCny * 100));
  });

  it('keeps totals per run and hands exactly the eligible subjects to the sink', async () => {
    const run = await matching.get(ADMIN, runId);
    const eligible = [...byKey.values()].filter((r) => r.eligible);
    expect(run).toMatchObject({ status: 'completed', policyVersion: 1, totals: { subjects: 9, eligible: eligible.length, ineligible: 9 - eligible.length, amountFen: eligible.reduce((s, r) => s + r.amountFen, 0) } });
    expect(run.offered).toEqual({ created: eligible.length, rematched: 0, kept: 0 });
    const offered = sink.all();
    expect(offered.map((c) => c.subject.key).sort()).toEqual(eligible.map((r) => r.subjectKey).sort());
    for (const c of offered) {
      expect(c).toMatchObject({ runId, policyKey: 'tw-iit-subsidy', policyVersion: 1, fundingOrgId: 9, period: '2024', amountFen: byKey.get(c.subject.key)!.amountFen });
      expect(c.amountFen).toBeGreaterThan(0);
      expect(c.subject.maskedId).toContain('*');
    }
  });

  it('recomputes every result from its recorded inputs, and a second run gives the same results', async () => {
    for (const r of byKey.values()) {
      const again = await matching.recompute(ADMIN, runId, r.subjectKey);
      expect(again.identical).toBe(true);
      expect({ eligible: again.outcome.eligible, amountFen: again.outcome.amountFen, clauses: again.outcome.clauses }).toEqual({ eligible: r.eligible, amountFen: r.amountFen, clauses: r.clauses });
    }
    // The candidates carried the full figures; the result keeps their summary.
    for (const c of sink.all()) expect((c.figures as { calculations: { breakdown: unknown }[] }).calculations[0]!.breakdown).toBeDefined();
    const second = await matching.runNow(ADMIN, { policyKey: 'tw-iit-subsidy', period: '2024' });
    const items = (await matching.results(ADMIN, second.id, { page: 1, pageSize: 200 })).items;
    expect(items.map(({ subjectKey, eligible, amountFen, clauses, figures }) => ({ subjectKey, eligible, amountFen, clauses, figures }))).toEqual(
      [...byKey.values()].map(({ subjectKey, eligible, amountFen, clauses, figures }) => ({ subjectKey, eligible, amountFen, clauses, figures })),
    );
  });

  it('switches to 20 % of the tax paid by editing the policy, without changing the results already recorded', async () => {
    const current = await policies.version('tw-iit-subsidy');
    const edited = { ...current.document, parameters: { ...current.document.parameters, rule: 'share-of-tax' } };
    const v2 = await policies.saveVersion(ADMIN, 'tw-iit-subsidy', edited, 'the 2012 rule');
    expect(v2.version).toBe(2);
    const run = await matching.runNow(ADMIN, { policyKey: 'tw-iit-subsidy', period: '2024' });
    expect(run.policyVersion).toBe(2);
    const mine = (await matching.results(ADMIN, run.id, { page: 1, pageSize: 200, q: '李' })).items[0]!;
    expect(mine.amountFen).toBe(Math.round(mainlandTaxOf(2024, P.eligible.wages) * 0.2 * 100));
    const before = (await matching.results(ADMIN, runId, { page: 1, pageSize: 200 })).items;
    expect(before).toEqual([...byKey.values()]);
    expect((await matching.get(ADMIN, runId)).policyVersion).toBe(1);
  });

  it('filters results by eligibility and searches by name or masked number', async () => {
    const eligible = await matching.results(ADMIN, runId, { page: 1, pageSize: 200, eligible: true });
    expect(eligible.items.every((r) => r.eligible)).toBe(true);
    const no = await matching.results(ADMIN, runId, { page: 1, pageSize: 200, eligible: false });
    expect(eligible.total + no.total).toBe(9);
    expect((await matching.results(ADMIN, runId, { page: 1, pageSize: 10, q: '林淑芬' })).items.map((r) => r.displayName)).toEqual(['林淑芬']);
  });

  it('awards Taiwan-funded companies by tier from the second policy, with no code of its own', async () => {
    const market = officer('PT-SCJG', ['benefits.sources:load']);
    await sources.push(market, {
      kind: 'company',
      records: [
        { uscc: pingtanUscc(10), name: '大型台资公司', year: 2024, taiwanFunded: true, registeredInZone: true, revenueCny: 9e7, taxPaidCny: 2_000_000, employees: 150 },
        { uscc: pingtanUscc(11), name: '中型台资公司', year: 2024, taiwanFunded: true, registeredInZone: true, revenueCny: 9e6, taxPaidCny: 600_000, employees: 30 },
        { uscc: pingtanUscc(12), name: '非台资公司', year: 2024, taiwanFunded: false, registeredInZone: true, revenueCny: 9e7, taxPaidCny: 2_000_000, employees: 150 },
        { uscc: pingtanUscc(13), name: '纳税不足公司', year: 2024, taiwanFunded: true, registeredInZone: true, revenueCny: 9e6, taxPaidCny: 100_000, employees: 30 },
      ],
    });
    const run = await matching.runNow(ADMIN, { policyKey: 'tw-company-award', period: '2024' });
    const items = (await matching.results(ADMIN, run.id, { page: 1, pageSize: 10 })).items;
    const byName = Object.fromEntries(items.map((r) => [r.displayName, r]));
    expect(byName['大型台资公司']).toMatchObject({ eligible: true, amountFen: 30_000_000, subjectKind: 'company', subjectKey: personHash(HASH_KEY, 'cn_uscc', pingtanUscc(10)) });
    expect(byName['中型台资公司']).toMatchObject({ eligible: true, amountFen: 10_000_000 });
    expect(failed(byName['非台资公司'])).toEqual(['taiwan-funded']);
    expect(failed(byName['纳税不足公司'])).toEqual(['tax-paid']);
    expect(run.totals).toEqual({ subjects: 4, eligible: 2, ineligible: 2, amountFen: 40_000_000 });
  });

  it('refuses a run outside the policy’s validity or by a department that does not fund it', async () => {
    await expect(matching.runNow(ADMIN, { policyKey: 'tw-company-award', period: '2023' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(matching.runNow(officer('PT-SW', ['benefits.runs:start']), { policyKey: 'tw-iit-subsidy', period: '2024' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(matching.get(officer('PT-SW', ['benefits.runs:read']), runId)).rejects.toMatchObject({ code: 'not_found' });
    expect((await matching.get(officer('PT-CZJR', ['benefits.runs:read']), runId)).id).toBe(runId);
  });
});
