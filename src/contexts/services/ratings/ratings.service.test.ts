import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { loadCalendar } from '../../../kernel/calendar/calendar.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import type { Locale, Principal } from '../../../kernel/principal.ts';
import { AuditService } from '../../audit/index.ts';
import { scopesOf } from '../../identity/index.ts';
import { JobQueue } from '../../jobs/index.ts';
import type { CaseSnapshot } from '../notifications/case-events.ts';
import { NotificationService } from '../notifications/notifications.service.ts';
import type { RatingInput } from './ratings.model.ts';
import { RatingService } from './ratings.service.ts';

const SHENPI = 50; // 行政审批局
const SHUIWU = 51; // 税务局
const ITEM_A = { 'zh-CN': '台湾居民居住证申领', 'zh-TW': '臺灣居民居住證申領', en: 'Residence permit' };
const ITEM_B = { 'zh-CN': '个体工商户转为企业', 'zh-TW': '個體工商戶轉為企業', en: 'Individual business to company' };

/** A user with the scopes of their roles as roles.ts grants them. */
function principal(id: number, role: string, orgId: number | null = null, locale: Locale = 'zh-CN'): Principal {
  return { kind: 'user', id, name: `user ${id}`, orgId, orgKind: orgId === null ? null : 'department', roles: [role], scopes: scopesOf([role]), locale, ip: null };
}

const applicant = principal(11, 'citizen', null, 'zh-TW');
const otherCitizen = principal(12, 'citizen');
const shenpiOfficer = principal(21, 'dept-officer', SHENPI);
const shuiwuOfficer = principal(22, 'dept-officer', SHUIWU);
const bureau = principal(31, 'bureau-officer', 1);
const auditor = principal(32, 'auditor', 1);

const indicators = (v: number): RatingInput['indicators'] => ({ overall: v, efficiency: v, guideAccuracy: v, convenience: v, usability: v });

describeEachDialect('好差评 (ratings and follow-ups)', (get) => {
  const cases = new Map<number, CaseSnapshot>();
  const addCase = (caseId: number, over: Partial<CaseSnapshot> = {}) =>
    cases.set(caseId, {
      caseId,
      caseNo: `PT2026${String(caseId).padStart(6, '0')}`,
      itemCode: 'TW-RP-01',
      itemName: ITEM_A,
      applicantUserId: 11,
      departmentIds: [SHENPI],
      closed: true,
      outcome: 'approved',
      ...over,
    });
  // 2026-09-30 10:00 in Beijing: five working days later, across the National Day holiday (1–7 Oct, 10 Oct worked), is 13 Oct.
  let now = new Date('2026-09-30T02:00:00.000Z');
  let ratings: RatingService;
  let notifications: NotificationService;
  let jobs: JobQueue;

  beforeAll(() => {
    const db = get().db;
    jobs = new JobQueue(db, { logger: { warn: () => undefined } });
    notifications = new NotificationService({
      db,
      jobs,
      channels: [],
      directory: { recipient: async () => undefined, officersOf: async (orgId) => (orgId === SHENPI ? [21] : orgId === SHUIWU ? [22] : []) },
    });
    notifications.registerJobs();
    ratings = new RatingService({
      db,
      audit: new AuditService(db, LocalKeySigner.generate()),
      calendar: loadCalendar(),
      cases: async (id) => cases.get(id),
      notifications,
      departmentName: async (id) => ({ name: id === SHENPI ? '行政审批局' : '税务局', nameEn: null }),
      now: () => now,
    });
  });

  it('takes one rating per case, from its applicant, only after the case closed', async () => {
    addCase(1);
    addCase(2, { closed: false, outcome: null });
    const input: RatingInput = { level: 5, indicators: indicators(5), comment: '办理很快' };
    await expect(ratings.rate(otherCitizen, 1, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(ratings.rate(shenpiOfficer, 1, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(ratings.rate(applicant, 2, input)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'case_not_closed' } });
    await expect(ratings.rate(applicant, 404, input)).rejects.toMatchObject({ code: 'not_found' });
    const rating = await ratings.rate(applicant, 1, input);
    expect(rating).toMatchObject({ caseId: 1, level: 5, indicators: indicators(5), comment: '办理很快', departmentIds: [SHENPI], followUps: [] });
    const again = ratings.rate(applicant, 1, { level: 1, indicators: indicators(1) });
    await expect(again).rejects.toMatchObject({ code: 'conflict', details: { reason: 'already_rated' } });
    expect((await ratings.forCase(applicant, 1))!.level).toBe(5);
  });

  it('opens a follow-up for each department of a bad rating, due in five working days, and tells the departments', async () => {
    addCase(3, { departmentIds: [SHENPI, SHUIWU], itemCode: 'GZQ-01', itemName: ITEM_B });
    const rating = await ratings.rate(applicant, 3, { level: 2, indicators: { overall: 2, efficiency: 1, guideAccuracy: 3, convenience: 2, usability: 4 }, comment: '材料要求反复变化' });
    expect(rating.followUps.map((f) => [f.departmentId, f.dueDate, f.state])).toEqual([
      [SHENPI, '2026-10-13', 'open'],
      [SHUIWU, '2026-10-13', 'open'],
    ]);
    while ((await jobs.runOnce()) > 0);
    const inbox = await notifications.list(shenpiOfficer, {});
    expect(inbox.items[0]).toMatchObject({ template: 'rating.followup_opened', caseId: 3 });
    expect(inbox.items[0]!.body).toContain('2026-10-13');
  });

  it('lets only the handling department answer, tells the applicant in Traditional (the department’s name too), and the bureau close', async () => {
    const listed = await ratings.listFollowUps(shenpiOfficer, { page: 1, pageSize: 20 });
    expect(listed.items.map((f) => f.departmentId)).toEqual([SHENPI]);
    const id = listed.items[0]!.id;
    await expect(ratings.answer(shuiwuOfficer, id, '已整改')).rejects.toMatchObject({ code: 'not_found' });
    await expect(ratings.answer(bureau, id, '已整改')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(ratings.close(bureau, id, null)).rejects.toMatchObject({ code: 'illegal_transition', details: { allowedActions: ['answer'] } });

    now = new Date('2026-10-12T03:00:00.000Z');
    const answered = await ratings.answer(shenpiOfficer, id, '已回访申请人，统一了窗口材料清单并培训工作人员');
    expect(answered).toMatchObject({ state: 'answered', onTime: true, allowedActions: ['return', 'close', 'confirm'] });
    const seen = await ratings.getFollowUp(applicant, id);
    expect(seen.actions!.at(-1)).toMatchObject({ action: 'answer', text: '已回訪申請人，統一了窗口材料清單並培訓工作人員', originalText: '已回访申请人，统一了窗口材料清单并培训工作人员' });
    // The department's name in each reader's language: Traditional for the applicant, as stored for the officer.
    expect(seen.departmentName).toBe('行政審批局');
    expect(listed.items[0]!.departmentName).toBe('行政审批局');
    const told = (await notifications.list(applicant, {})).items[0]!;
    expect(told).toMatchObject({ template: 'rating.followup_answered', title: '您的評價已有答覆' });
    expect(told.body).toContain('部門答覆：已回訪申請人');

    await expect(ratings.close(shenpiOfficer, id, null)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(ratings.close(auditor, id, null)).rejects.toMatchObject({ code: 'forbidden' });
    const closed = await ratings.close(bureau, id, '整改到位');
    expect(closed).toMatchObject({ state: 'closed', allowedActions: [] });
    expect(closed.closedAt).not.toBeNull();
  });

  it('lets the applicant confirm an answer and the bureau return one to the department', async () => {
    const other = (await ratings.listFollowUps(shuiwuOfficer, { page: 1, pageSize: 20 })).items[0]!;
    await ratings.answer(shuiwuOfficer, other.id, '已电话回访');
    const returned = await ratings.returnToDepartment(bureau, other.id, '请说明具体整改措施');
    expect(returned).toMatchObject({ state: 'open', allowedActions: ['answer'] });
    await ratings.answer(shuiwuOfficer, other.id, '已修订办事指南中的材料清单');
    await expect(ratings.confirm(otherCitizen, other.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await ratings.confirm(applicant, other.id)).toMatchObject({ state: 'closed' });
  });

  it('lists open follow-ups past their working-day deadline as overdue', async () => {
    now = new Date('2026-10-12T03:00:00.000Z');
    addCase(4, { departmentIds: [SHUIWU] });
    const r = await ratings.rate(applicant, 4, { level: 1, indicators: indicators(1) });
    const due = r.followUps[0]!.dueDate;
    expect(due).toBe('2026-10-19');
    expect((await ratings.listFollowUps(bureau, { overdue: true, page: 1, pageSize: 20 })).items.map((f) => f.caseId)).not.toContain(4);
    now = new Date('2026-10-20T03:00:00.000Z');
    const overdue = await ratings.listFollowUps(bureau, { overdue: true, page: 1, pageSize: 20 });
    expect(overdue.items.map((f) => [f.caseId, f.overdue])).toEqual([[4, true]]);
    expect((await ratings.listFollowUps(shenpiOfficer, { overdue: true, page: 1, pageSize: 20 })).items).toEqual([]);
    await expect(ratings.listFollowUps(applicant, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('sums ratings per department and item: count, average, 好评率, 差评 and follow-ups answered on time', async () => {
    addCase(5, { itemCode: 'GZQ-01', itemName: ITEM_B });
    await ratings.rate(applicant, 5, { level: 4, indicators: indicators(4) });
    // Case 4's follow-up is answered late (due 19 Oct, answered 20 Oct).
    const late = (await ratings.listFollowUps(shuiwuOfficer, { state: 'open', page: 1, pageSize: 20 })).items[0]!;
    expect((await ratings.answer(shuiwuOfficer, late.id, '已回访')).onTime).toBe(false);

    const stats = await ratings.statistics(auditor, {});
    // Ratings: case 1 (5, 审批局), 3 (2, both), 4 (1, 税务局), 5 (4, 审批局).
    expect(stats.totals).toMatchObject({ count: 4, average: 3, goodRate: 0.5, bad: 2 });
    expect(stats.totals.indicators.efficiency).toBe(2.75);
    expect(stats.byDepartment).toEqual([
      { key: String(SHENPI), name: '行政审批局', count: 3, average: 3.67, goodRate: 0.6667, bad: 1, followUps: 1, answered: 1, answeredOnTime: 1, overdueOpen: 0 },
      { key: String(SHUIWU), name: '税务局', count: 2, average: 1.5, goodRate: 0, bad: 2, followUps: 2, answered: 2, answeredOnTime: 1, overdueOpen: 0 },
    ]);
    expect(stats.byItem).toEqual([
      { key: 'GZQ-01', name: ITEM_B, count: 2, average: 3, goodRate: 0.5, bad: 1 },
      { key: 'TW-RP-01', name: ITEM_A, count: 2, average: 3, goodRate: 0.5, bad: 1 },
    ]);
    const own = await ratings.statistics(shuiwuOfficer, {});
    expect(own.byDepartment.map((d) => d.key)).toEqual([String(SHUIWU)]);
    expect(own.totals.count).toBe(2);
    await expect(ratings.statistics(applicant, {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
