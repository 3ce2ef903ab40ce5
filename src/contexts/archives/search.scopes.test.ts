import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import { scopesOf } from '../identity/index.ts';
import type { ArchiveService } from './archives.service.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

/* Who finds what in archive search, with the scopes roles.ts gives each role. */
const SHSY = 8;
const XZSP = 2;
const as = (role: string, orgId: number | null): Principal => ({ kind: 'user', id: 11, name: role, orgId, orgKind: orgId ? 'department' : null, roles: [role], scopes: scopesOf([role]), locale: 'zh-CN', ip: null });

describeEachDialect('archive search by role', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  let shsy: { recordId: number; archivalCode: string };
  let xzsp: number;
  let platform: number;
  beforeAll(async () => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
    shsy = await archives.archive(undefined, marriageCase('A1', { title: '张三李四婚姻登记证明', ownerOrgId: SHSY }));
    xzsp = (await archives.archive(undefined, marriageCase('A2', { title: '赵六钱七婚姻登记证明', ownerOrgId: XZSP }))).recordId;
    platform = (await archives.archive(undefined, marriageCase('A3', { title: '孙八婚姻登记证明' }))).recordId;
  });
  afterAll(() => fx.dispose());

  const ids = async (p: Principal, q: Parameters<ArchiveService['search']['search']>[1]) => (await archives.search.search(p, q)).items.map((i) => i.id).sort();

  it('shows a department only its own records, in results and in the count', async () => {
    const page = await archives.search.search(as('dept-officer', SHSY), { q: '婚姻登记' });
    expect(page.items.map((i) => i.id)).toEqual([shsy.recordId]);
    expect(page.total).toBe(1);
    expect(await ids(as('dept-officer', SHSY), { path: 'PT01/HY' })).toEqual([shsy.recordId]);
    expect(await ids(as('dept-officer', SHSY), {})).toEqual([shsy.recordId]);
  });

  it('does not widen a department’s view by asking for another department or a filter token', async () => {
    expect(await ids(as('dept-officer', SHSY), { q: '婚姻登记', department: XZSP })).toEqual([]);
    expect(await ids(as('dept-officer', SHSY), { q: `_o_${XZSP} 婚姻登记` })).toEqual([]);
  });

  it('adds another department’s record while an approved loan covers today, and only that one', async () => {
    const borrower = as('dept-officer', XZSP);
    const loan = await archives.requestLoan(borrower, { archivalCode: shsy.archivalCode, purpose: '婚姻状况核验', validFrom: '2026-11-01', validUntil: '2026-12-31' });
    expect(await ids(borrower, { q: '张三李四' })).toEqual([]);
    await archives.actOnLoan(as('bureau-officer', 1), loan.id, 'approve');
    expect(await ids(borrower, { q: '婚姻登记' })).toEqual([shsy.recordId, xzsp].sort());
    expect((await archives.search.search(borrower, { q: '婚姻登记' })).total).toBe(2);
    expect(await ids(borrower, { path: 'PT01/HY/2026' })).toEqual([shsy.recordId, xzsp].sort());
    await archives.actOnLoan(borrower, loan.id, 'withdraw');
    expect(await ids(borrower, { q: '婚姻登记' })).toEqual([xzsp]);
  });

  it('lets the bureau and the auditor find every record, including the platform’s own', async () => {
    for (const role of ['bureau-officer', 'auditor']) expect(await ids(as(role, 1), { q: '婚姻登记' }), role).toEqual([shsy.recordId, xzsp, platform].sort());
  });

  it('finds nothing for a department role without a department', async () => {
    expect(await ids(as('dept-officer', null), { q: '婚姻登记' })).toEqual([]);
    expect(await ids(as('dept-officer', null), { path: 'PT01' })).toEqual([]);
  });

  it('refuses search to citizens, enterprises and banks', async () => {
    for (const role of ['citizen', 'enterprise-user', 'bank-officer']) await expect(archives.search.search(as(role, null), { q: '婚姻登记' }), role).rejects.toMatchObject({ code: 'forbidden' });
  });
});
