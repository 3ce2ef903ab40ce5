import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import type { Locale, Principal } from '../../../kernel/principal.ts';
import { JobQueue } from '../../jobs/index.ts';
import { CaseEventNotifier, type CaseSnapshot } from './case-events.ts';
import { FileChannel, type Recipient } from './channels.ts';
import { DELIVER_JOB, NotificationService, type RecipientDirectory } from './notifications.service.ts';
import { ORIGINAL_TEXT_MARKER } from './officer-text.ts';

const ITEM = { 'zh-CN': '台湾居民居住证申领', 'zh-TW': '臺灣居民居住證申領', en: 'Residence permit for Taiwan residents' };

function person(id: number, locale: Locale): Principal {
  return { kind: 'user', id, name: `user ${id}`, orgId: null, orgKind: null, roles: ['citizen'], scopes: new Set(), locale, ip: null };
}

/** Recipients by user id; department 50 has officers 21 and 22. */
function directory(): RecipientDirectory & { people: Map<number, Recipient> } {
  const people = new Map<number, Recipient>();
  const add = (userId: number, locale: Locale) => people.set(userId, { userId, displayName: `user ${userId}`, locale, email: null, phone: null });
  add(11, 'zh-TW');
  add(12, 'en');
  add(13, 'zh-CN');
  add(21, 'zh-CN');
  add(22, 'en');
  return { people, recipient: async (id) => people.get(id), officersOf: async (orgId) => (orgId === 50 ? [21, 22] : []) };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-notify-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describeEachDialect('service hall notifications', (get) => {
  const setup = (opts: { file?: string; clock?: () => number } = {}) => {
    const jobs = new JobQueue(get().db, { clock: opts.clock, backoffBaseMs: 1000, logger: { warn: () => undefined } });
    const channels = opts.file ? [new FileChannel(opts.file)] : [];
    const notifications = new NotificationService({ db: get().db, jobs, directory: directory(), channels });
    notifications.registerJobs();
    return { jobs, notifications };
  };

  it('shows the same notification to each recipient in their own language', async () => {
    const { notifications } = setup();
    for (const userId of [11, 12, 13]) await notifications.notify(undefined, { userId, template: 'case.approved', params: { item: ITEM, caseNo: 'PT2026000001' } });
    const tw = (await notifications.list(person(11, 'zh-TW'), {})).items[0]!;
    const en = (await notifications.list(person(12, 'en'), {})).items[0]!;
    const cn = (await notifications.list(person(13, 'zh-CN'), {})).items[0]!;
    expect(tw.title).toBe('案件已辦結（核准）');
    expect(tw.body).toBe('案件 PT2026000001（臺灣居民居住證申領）已辦結，結果為核准。歡迎為本次服務評分。');
    expect(en.body).toBe('Case PT2026000001 (Residence permit for Taiwan residents) has been approved. Please rate this service.');
    expect(cn.body).toBe('办件 PT2026000001（台湾居民居住证申领）已办结，结果为准予。欢迎对本次服务进行评价。');
  });

  it('shows an officer’s Simplified reason in Taiwan Traditional, and as written marked 原文 in English', async () => {
    const { notifications } = setup();
    const reason = '申请人提交的居住证复印件不清晰，统一社会信用代码有误，请到窗口核对';
    await notifications.notify(undefined, { userId: 11, template: 'case.rejected', params: { item: ITEM, caseNo: 'PT2026000002', reason: { officerText: reason } } });
    await notifications.notify(undefined, { userId: 12, template: 'case.rejected', params: { item: ITEM, caseNo: 'PT2026000002', reason: { officerText: reason } } });
    const tw = (await notifications.list(person(11, 'zh-TW'), {})).items[0]!;
    expect(tw.body).toContain('理由：申請人提交的居住證影印件不清晰，統一社會信用代碼有誤，請到窗口核對。');
    const en = (await notifications.list(person(12, 'en'), {})).items[0]!;
    expect(en.body).toContain(`Reason: ${reason} ${ORIGINAL_TEXT_MARKER}.`);
  });

  it('counts unread notifications, marks one or all read, and keeps each user to their own', async () => {
    const { notifications } = setup();
    const me = person(13, 'zh-CN');
    const before = await notifications.unreadCount(me);
    const a = await notifications.notify(undefined, { userId: 13, template: 'case.submitted', params: { item: ITEM, caseNo: 'PT2026000003' } });
    await notifications.notify(undefined, { userId: 13, template: 'case.accepted', params: { item: ITEM, caseNo: 'PT2026000003', dueDate: '2026-12-04' } });
    expect(await notifications.unreadCount(me)).toBe(before + 2);
    await expect(notifications.markRead(person(12, 'en'), a.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await notifications.markRead(me, a.id)).unread).toBe(before + 1);
    const unread = await notifications.list(me, { unread: true });
    expect(unread.items.map((n) => n.id)).not.toContain(a.id);
    expect((await notifications.markAllRead(me)).marked).toBe(before + 1);
    expect(await notifications.unreadCount(me)).toBe(0);
  });

  it('pages newest first with a cursor', async () => {
    const { notifications } = setup();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await notifications.notify(undefined, { userId: 99, template: 'case.submitted', params: { item: ITEM, caseNo: `PT20260001${i}` } })).id);
    const p = person(99, 'zh-CN');
    const first = await notifications.list(p, { limit: 3 });
    expect(first.items.map((n) => n.id)).toEqual(ids.slice(2).reverse());
    const second = await notifications.list(p, { limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((n) => n.id)).toEqual(ids.slice(0, 2).reverse());
    expect(second.nextCursor).toBeNull();
  });

  it('refuses an unknown template or a missing parameter, naming it', async () => {
    const { notifications } = setup();
    await expect(notifications.notify(undefined, { userId: 11, template: 'case.rejected', params: { item: ITEM, caseNo: 'X' } })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { field: 'params', missing: ['reason'] },
    });
    await expect(notifications.notify(undefined, { userId: 11, template: 'case.nope' as 'case.approved', params: {} })).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'template' } });
  });

  it('delivers through the file channel in a job, in the recipient’s language', async () => {
    const file = path.join(fs.mkdtempSync(path.join(tmp, 'deliver-')), 'outbox.jsonl');
    const { jobs, notifications } = setup({ file });
    const { id } = await notifications.notify(undefined, { userId: 11, template: 'case.accepted', params: { item: ITEM, caseNo: 'PT2026000004', dueDate: '2026-12-04' } });
    expect(fs.existsSync(file)).toBe(false);
    expect(await jobs.runOnce()).toBeGreaterThanOrEqual(1);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ notificationId: id, userId: 11, locale: 'zh-TW', title: '申請已受理', to: 'user:11' });
    expect(await notifications.deliveries(id)).toMatchObject([{ channel: 'file', status: 'sent', attempts: 1, locale: 'zh-TW' }]);
    // A second run of the same job (at-least-once delivery) sends nothing twice.
    await expect(notifications.deliver(id, new AbortController().signal)).resolves.toEqual({ sent: [], skipped: ['file'] });
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('retries a failed delivery through the job queue and keeps the in-app copy meanwhile', async () => {
    let now = Date.parse('2026-11-26T08:00:00.000Z');
    const blocker = path.join(fs.mkdtempSync(path.join(tmp, 'retry-')), 'blocked');
    fs.writeFileSync(blocker, 'a file where the channel wants a directory');
    const file = path.join(blocker, 'outbox.jsonl');
    const { jobs, notifications } = setup({ file, clock: () => now });
    const { id } = await notifications.notify(undefined, { userId: 12, template: 'case.submitted', params: { item: ITEM, caseNo: 'PT2026000005' } });
    await jobs.runOnce();
    const [job] = (await jobs.list({ type: DELIVER_JOB })).filter((j) => (j.payload as { notificationId: number }).notificationId === id);
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job!.lastError).toMatch(/file: /);
    expect(await notifications.deliveries(id)).toMatchObject([{ channel: 'file', status: 'failed', attempts: 1 }]);
    expect((await notifications.list(person(12, 'en'), {})).items[0]).toMatchObject({ id, title: 'Application submitted' });

    fs.rmSync(blocker);
    now += 3600_000;
    await jobs.runOnce();
    expect(await jobs.get(job!.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(await notifications.deliveries(id)).toMatchObject([{ channel: 'file', status: 'sent', attempts: 2, last_error: null }]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8').trim())).toMatchObject({ notificationId: id, locale: 'en' });
  });

  it('notifies every officer of a department through a job, each in their language', async () => {
    const { jobs, notifications } = setup();
    await notifications.notifyDepartment(undefined, { departmentId: 50, template: 'task.overdue', params: { item: ITEM, caseNo: 'PT2026000006', dueDate: '2026-11-20' } });
    expect((await notifications.list(person(21, 'zh-CN'), {})).items).toHaveLength(0);
    await jobs.runOnce();
    expect((await notifications.list(person(21, 'zh-CN'), {})).items[0]!.title).toBe('办件已超期');
    expect((await notifications.list(person(22, 'en'), {})).items[0]!.title).toBe('Case overdue');
  });

  it('turns case events into notifications for the applicant and the departments that now hold the case', async () => {
    const { jobs, notifications } = setup();
    const snapshot: CaseSnapshot = {
      caseId: 7,
      caseNo: 'PT2026000007',
      itemCode: 'TW-001',
      itemName: ITEM,
      applicantUserId: 11,
      departmentIds: [50],
      closed: false,
      outcome: null,
      deadline: '2026-12-10',
      latestNote: { text: '缺少户口簿复印件', missingItems: ['户口簿复印件', '租赁合同'] },
    };
    const notifier = new CaseEventNotifier(notifications, jobs, async (id) => (id === 7 ? snapshot : undefined), async () => ({ name: '不动产登记中心', nameEn: 'Real Estate Registration Centre' }));
    notifier.registerJobs();
    const event = { caseId: 7, applicantUserId: 11, departmentIds: [50] };
    // Events happen one after another, each handled before the next (a pass runs its jobs in parallel, in no set order).
    for (const [action, state] of [['submit', 'submitted'], ['request_correction', 'awaiting_correction'], ['hand_over', 'in_progress'], ['timer_fired', 'in_progress']] as const) {
      // As the case service calls it: inside the action's transaction.
      await get().db.transaction().execute((tx) => notifier.subscriber({ ...event, action, state }, tx));
      while ((await jobs.runOnce()) > 0);
    }
    const applicant = (await notifications.list(person(11, 'zh-TW'), { limit: 100 })).items.filter((n) => n.caseId === 7).reverse();
    expect(applicant.map((n) => n.template)).toEqual(['case.submitted', 'case.correction_requested', 'case.handed_over']);
    expect(applicant[1]!.body).toContain('需要補正：戶口簿影印件、租賃合同。');
    expect(applicant[2]!.body).toContain('已轉交不動產登記中心辦理');
    const officer = (await notifications.list(person(22, 'en'), { limit: 100 })).items.filter((n) => n.caseId === 7);
    expect(officer.map((n) => n.template)).toEqual(['task.assigned', 'task.assigned']);
    expect(officer[0]!.link).toBe('/console/services/cases/7');
  });

  it('warns the departments of an overdue case once, however often the deadline scan reports it', async () => {
    const { jobs, notifications } = setup();
    const snapshot: CaseSnapshot = { caseId: 8, caseNo: 'PT2026000008', itemCode: 'TW-001', itemName: ITEM, applicantUserId: 11, departmentIds: [50], closed: false, outcome: null };
    const notifier = new CaseEventNotifier(notifications, jobs, async (id) => (id === 8 ? snapshot : undefined), async () => undefined);
    await notifier.deadline(8, 'overdue', '2026-11-20');
    await notifier.deadline(8, 'overdue', '2026-11-20');
    while ((await jobs.runOnce()) > 0);
    const officer = (await notifications.list(person(21, 'zh-CN'), { limit: 100 })).items.filter((n) => n.caseId === 8);
    expect(officer.map((n) => [n.template, n.body])).toEqual([['task.overdue', '办件 PT2026000008（台湾居民居住证申领）已超过办结时限（2026-11-20）。']]);
  });
});
