import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { AppError } from '../../../kernel/errors.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { ADMIN, engineFixture, officer } from '../test-support.ts';
import type { PoliciesService } from './policies.service.ts';
import type { PolicyDocument } from './policy.model.ts';

async function refusal(p: Promise<unknown>): Promise<{ path: string; reason: string }[]> {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('validation_failed');
  return ((e as AppError).details as { path: string; reason: string }[]).map(({ path, reason }) => ({ path, reason }));
}

describeEachDialect('benefit policies as data', (get) => {
  let policies: PoliciesService;
  let shipped: PolicyDocument;
  beforeAll(async () => {
    policies = engineFixture(get().db).policies;
    expect(await policies.installShipped()).toBe(2);
    shipped = (await policies.version('tw-iit-subsidy')).document;
  });

  it('installs the two shipped policies once, as version 1 with the SM3 of their canonical JSON', async () => {
    expect(await policies.installShipped()).toBe(0);
    const list = await policies.list(ADMIN);
    expect(list.map((p) => [p.key, p.version, p.fundingOrgId])).toEqual([
      ['tw-company-award', 1, 9],
      ['tw-iit-subsidy', 1, 9],
    ]);
    expect(list[1]!.sm3).toBe(sm3(canonicalJson(list[1]!.document)));
  });

  it('refuses an unknown operation, naming its path', async () => {
    const doc = structuredClone(shipped);
    doc.eligibility[1]!.rule = { and: [true, { eval: ['process.exit()'] }] };
    expect(await refusal(policies.validate(ADMIN, doc))).toEqual([{ path: 'eligibility[1].rule.and[1].eval', reason: 'unknown_operation' }]);
  });

  it('refuses variables that are not fields of the required source kinds or parameters', async () => {
    const doc = structuredClone(shipped);
    doc.eligibility[0]!.rule = { '==': [{ var: 'tax.salary' }, 1] };
    doc.eligibility[2]!.rule = { '>': [{ var: 'company.employees' }, { var: 'params.missing' }] };
    expect(await refusal(policies.validate(ADMIN, doc))).toEqual([
      { path: 'eligibility[0].rule.==[0].var', reason: 'unknown_variable' },
      { path: 'eligibility[2].rule.>[0].var', reason: 'unknown_variable' },
      { path: 'eligibility[2].rule.>[1].var', reason: 'unknown_variable' },
    ]);
  });

  it('checks the fields used inside an iteration against the iterated kind', async () => {
    const doc = structuredClone(shipped);
    doc.eligibility[1]!.rule = { some: [{ var: 'employment' }, { var: 'wagesCny' }] };
    doc.eligibility[2]!.rule = { some: [{ var: 'tax' }, true] };
    expect(await refusal(policies.validate(ADMIN, doc))).toEqual([
      { path: 'eligibility[1].rule.some[1].var', reason: 'unknown_variable' },
      { path: 'eligibility[2].rule.some[0]', reason: 'bad_arguments' },
    ]);
  });

  it('refuses a calculator input it does not know and a shape error, naming each path', async () => {
    const doc = structuredClone(shipped) as Record<string, unknown> & PolicyDocument;
    (doc.amount.formula as { iit_subsidy: unknown[] }).iit_subsidy.push('bonusCny', 1);
    expect(await refusal(policies.validate(ADMIN, doc))).toEqual([{ path: 'amount.formula.iit_subsidy[22]', reason: 'bad_arguments' }]);
    expect(await refusal(policies.validate(ADMIN, { ...shipped, sources: ['tax', 'pension'] }))).toEqual([{ path: 'sources[1]', reason: 'unknown_variable' }]);
    expect(await refusal(policies.validate(ADMIN, { ...shipped, validFrom: '2024/01/01' }))).toEqual([{ path: 'validFrom', reason: 'bad_arguments' }]);
  });

  it('saves each edit as a new version, keeps the old ones readable and refuses an unchanged document', async () => {
    const edited = { ...shipped, parameters: { ...shipped.parameters, rule: 'share-of-tax' } };
    const v2 = await policies.saveVersion(ADMIN, 'tw-iit-subsidy', edited, '2012 规则：实缴税额的 20%');
    expect(v2).toMatchObject({ version: 2, current: true, note: '2012 规则：实缴税额的 20%', createdBy: 'user:1' });
    const v1 = await policies.get(ADMIN, 'tw-iit-subsidy', 1);
    expect(v1).toMatchObject({ version: 1, current: false });
    expect(v1.document.parameters.rule).toBe('burden-difference');
    expect((await policies.versions(ADMIN, 'tw-iit-subsidy')).map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    await expect(policies.saveVersion(ADMIN, 'tw-iit-subsidy', edited, null)).rejects.toMatchObject({ code: 'conflict' });
    await expect(policies.saveVersion(ADMIN, 'tw-company-award', edited, null)).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('lets a department edit only the policies it funds, and only the bureau move one to another department', async () => {
    const czjr = officer('PT-CZJR', ['benefits.policies:read', 'benefits.policies:write']);
    const tax = officer('PT-SW', ['benefits.policies:read', 'benefits.policies:write']);
    const award = (await policies.version('tw-company-award')).document;
    const edited = { ...award, parameters: { ...award.parameters, minEmployees: 15 } };
    await expect(policies.saveVersion(tax, 'tw-company-award', edited, null)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await policies.saveVersion(czjr, 'tw-company-award', edited, null)).version).toBe(2);
    await expect(policies.saveVersion(czjr, 'tw-company-award', { ...edited, fundingOrgCode: 'PT-SCJG' }, null)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(policies.list(officer('PT-SW', []))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('creates a new policy as version 1 and refuses a second one with the same key', async () => {
    const doc = { ...shipped, key: 'tw-iit-subsidy-xiamen', fundingOrgCode: 'PT-CZJR' };
    expect((await policies.saveVersion(ADMIN, null, doc, null)).version).toBe(1);
    await expect(policies.saveVersion(ADMIN, null, doc, null)).rejects.toMatchObject({ code: 'duplicate' });
    await expect(policies.saveVersion(ADMIN, null, { ...doc, key: 'x-other', fundingOrgCode: 'NO-SUCH' }, null)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
