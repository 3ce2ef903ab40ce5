import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { Principal } from '../../kernel/principal.ts';
import { scopesOf } from '../identity/index.ts';
import type { ArchiveService } from './archives.service.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

const SHSY = 8;
const XZSP = 2;
const as = (role: string, orgId: number | null): Principal => ({ kind: 'user', id: 7, name: role, orgId, orgKind: 'department', roles: [role], scopes: scopesOf([role]), locale: 'zh-CN', ip: null });
const bureau = as('bureau-officer', 1);
const xzsp = as('dept-officer', XZSP);

describeEachDialect('borrowing, access log, usage and disposal review', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  let marriage: { recordId: number; archivalCode: string };
  beforeAll(async () => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
    marriage = await archives.archive(undefined, marriageCase('L1', { ownerOrgId: SHSY }));
  });
  afterAll(() => fx.dispose());

  it('hides another department’s record until the archive approves a loan for a purpose and period', async () => {
    await expect(archives.get(xzsp, marriage.recordId)).rejects.toMatchObject({ code: 'not_found' });
    const loan = await archives.requestLoan(xzsp, { archivalCode: marriage.archivalCode, purpose: '核验婚姻状况（公积金贷款）', validFrom: '2026-11-01', validUntil: '2026-12-31' });
    expect(loan).toMatchObject({ state: 'requested', allowedActions: ['approve', 'reject', 'withdraw'] });
    await expect(archives.get(xzsp, marriage.recordId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(archives.actOnLoan(xzsp, loan.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    const approved = await archives.actOnLoan(bureau, loan.id, 'approve', '同意');
    expect(approved).toMatchObject({ state: 'approved', allowedActions: ['withdraw'] });
    expect((await archives.get(xzsp, marriage.recordId)).archivalCode).toBe(marriage.archivalCode);
    const file = (await archives.download(xzsp, marriage.recordId, '合影.png'));
    expect(file).toMatchObject({ mediaType: 'image/png', size: 70 });
    file.stream.destroy();
    await expect(archives.actOnLoan(bureau, loan.id, 'reject')).rejects.toMatchObject({ code: 'illegal_transition', details: { allowedActions: ['withdraw'] } });
  });

  it('refuses a loan outside its period and one that was withdrawn', async () => {
    const later = await archives.requestLoan(xzsp, { archivalCode: marriage.archivalCode, purpose: '下一年度复核', validFrom: '2027-01-01', validUntil: '2027-01-31' });
    await archives.actOnLoan(bureau, later.id, 'approve');
    const other = as('dept-officer', 3);
    const l = await archives.requestLoan(other, { archivalCode: marriage.archivalCode, purpose: '税务核验', validFrom: '2026-11-01', validUntil: '2026-11-30' });
    await archives.actOnLoan(bureau, l.id, 'approve');
    expect((await archives.get(other, marriage.recordId)).id).toBe(marriage.recordId);
    await archives.actOnLoan(other, l.id, 'withdraw');
    await expect(archives.get(other, marriage.recordId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a loan request without a purpose or with the period reversed, naming the fields', async () => {
    const err = await archives.requestLoan(xzsp, { archivalCode: marriage.archivalCode, purpose: '', validFrom: '2026-12-01', validUntil: '2026-11-01' }).catch((e: unknown) => e);
    expect((err as { details: { problems: { field: string }[] } }).details.problems.map((p) => p.field).sort()).toEqual(['purpose', 'validUntil']);
  });

  it('logs every view and download, counted per category, department and month', async () => {
    const usage = await archives.usage(bureau, '2026-11');
    const xz = usage.filter((u) => u.orgId === XZSP && u.category === 'HY');
    expect(Object.fromEntries(xz.map((u) => [u.action, u.count]))).toEqual({ view: 1, download: 1 });
    expect(xz.every((u) => u.month === '2026-11')).toBe(true);
    await expect(archives.usage(xzsp)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lists records past their period for disposal review, never 永久 ones', async () => {
    await archives.archive(undefined, { ...marriageCase('OLD-HY'), date: '2010-05-01' });
    const fund = await archives.archive(undefined, { ...marriageCase('OLD-GJ'), category: 'GJ', documentType: '缴存', title: '2010年公积金缴存', date: '2010-05-01' });
    await archives.archive(undefined, { ...marriageCase('OLD-GJ30'), category: 'GJ', documentType: '贷款', title: '2010年公积金贷款', date: '2010-05-01' });
    const list = await archives.disposalReview(bureau, '2026-11-26');
    expect(list).toEqual([{ id: fund.recordId, archivalCode: fund.archivalCode, title: '2010年公积金缴存', retention: 'D10', year: 2010, expiredOn: '2021-01-01' }]);
    expect(await archives.disposalReview(bureau, '2020-12-31')).toEqual([]);
    await expect(archives.disposalReview(xzsp)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
