import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { loadCalendar } from '../../../kernel/calendar/calendar.ts';
import { DEFINITIONS_DIR } from '../workflow/definition.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { CaseEvent } from './events.ts';
import { caseWorld, failure, type CaseWorld } from './test-fixture.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
const form = { name: '李志明', phone: '13905910000', employer: '平潭岚岛科技有限公司' };

describeEachDialect('cases', (db) => {
  let w: CaseWorld;
  const events: CaseEvent[] = [];
  let unsubscribe: () => void;
  beforeAll(async () => {
    // Monday 2 March 2026, 10:00 Beijing time.
    w = await caseWorld(db(), { now: '2026-03-02T02:00:00.000Z' });
    unsubscribe = w.cases.onEvent((e) => {
      events.push(e);
    });
  });
  afterAll(() => {
    unsubscribe();
    w.dispose();
  });

  async function expectProjectionMatchesLog(id: number) {
    const { stored, folded } = await w.cases.replay(id);
    expect(stored).toEqual(folded);
  }

  it('stores each shipped process definition once, and again only when it changes', async () => {
    const again = await w.cases.syncDefinitions();
    expect(again.map((d) => `${d.key}@${d.version}`).sort()).toEqual(['court-auction@1', 'ge-zhuan-qi@1', 'standard@1', 'zero-paper-real-estate@1']);
  });

  it('asks for consent before any prefill lookup, listing the datasets, departments, fields and purpose, and looks nothing up', async () => {
    const e = await failure(w.cases.prefillFor(w.as('taibao'), 'TW-TEST-001'));
    expect(e.code).toBe('consent_required');
    expect(e.status).toBe(409);
    expect(e.details).toEqual({
      itemCode: 'TW-TEST-001',
      purpose: '政务服务表单预填',
      datasets: [
        {
          dataset: 'shsy-marriage-records',
          title: '婚姻登记信息',
          department: '平潭综合实验区社会事业局',
          fields: [
            { name: 'spouse_name', title: '配偶姓名', property: 'spouseName' },
            { name: 'marital_status', title: '婚姻状况', property: 'maritalStatus' },
          ],
        },
      ],
    });
    expect(w.lookups).toEqual([]);
    expect((await w.cases.prefillConsentState(w.as('taibao'), 'TW-TEST-001')).consent).toBeNull();
  });

  it('opens a case with a TW number, the acceptance task at the item department and the provenance of prefilled fields', async () => {
    const consent = await w.cases.consentToPrefill(w.as('taibao'), 'TW-TEST-001');
    expect(consent).toMatchObject({ item: { code: 'TW-TEST-001', version: 1 }, purpose: '政务服务表单预填', active: true, lookups: [] });
    const prefill = await w.cases.prefillFor(w.as('taibao'), 'TW-TEST-001');
    expect(w.lookups).toEqual([{ grantId: 70, key: '830000199001010012', fields: ['spouse_name', 'marital_status'], purpose: '政务服务表单预填', consentId: consent.id }]);
    const source = { dataset: 'shsy-marriage-records', department: '平潭综合实验区社会事业局', asOf: '2026-02-28' };
    expect(prefill).toEqual({
      spouseName: { value: '林雅婷', source: { ...source, txId: expect.any(String) } },
      maritalStatus: { value: '已婚', source: { ...source, txId: prefill.spouseName!.source.txId } },
    });
    // The applicant kept the spouse's name and changed the marital status: only the kept value has a source.
    const c = await w.cases.submit(w.as('taibao'), { itemCode: 'TW-TEST-001', form: { ...form, spouseName: '林雅婷', maritalStatus: '离婚' } });
    expect(c.number).toBe('TW2026000001');
    expect(c.state).toBe('submitted');
    expect(c.prefill).toEqual({ spouseName: { ...source, txId: expect.any(String) } });
    // Both lookups (the form's and the submission's) are listed under the consent, the second with its case.
    const [mine] = await w.cases.myPrefillConsents(w.as('taibao'));
    expect(mine!.lookups.map((l) => [l.txId, l.caseId, l.outcome])).toEqual([
      [prefill.spouseName!.source.txId, null, 'allowed'],
      [c.prefill.spouseName!.txId, c.id, 'allowed'],
    ]);
    expect(mine!.lookups[0]!.request).toMatchObject({ consentId: consent.id, key: '830000199001010012' });
    expect(c.tasks.map((t) => `${t.id}:${t.status}:${t.department.code}`)).toEqual(['acceptance:open:PT-XZSP']);
    expect(c.tasks[0]!.department.name).toBe('平潭综合实验区行政审批局');
    expect(c.allowedActions.map((a) => a.action)).toEqual(['withdraw']);
    expect(c.deadline).toBeNull();
    expect(events.at(-1)).toMatchObject({ caseId: c.id, action: 'submit', state: 'submitted', applicantUserId: w.userId('taibao'), departmentIds: [w.orgId('PT-XZSP')] });
    await expectProjectionMatchesLog(c.id);
  });

  it('makes no more lookups once the citizen revokes the consent', async () => {
    const [consent] = await w.cases.myPrefillConsents(w.as('taibao'));
    expect(await failure(w.cases.revokePrefillConsent(w.as('other'), consent!.id))).toMatchObject({ code: 'not_found' });
    const revoked = await w.cases.revokePrefillConsent(w.as('taibao'), consent!.id, '不再需要');
    expect(revoked).toMatchObject({ active: false, revokeReason: '不再需要' });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await failure(w.cases.revokePrefillConsent(w.as('taibao'), consent!.id))).toMatchObject({ code: 'illegal_transition' });
    const before = w.lookups.length;
    expect(await failure(w.cases.prefillFor(w.as('taibao'), 'TW-TEST-001'))).toMatchObject({ code: 'consent_required' });
    expect((await w.cases.prefillConsentState(w.as('taibao'), 'TW-TEST-001')).consent).toBeNull();
    expect(w.lookups.length).toBe(before);
    const audit = await db().db.selectFrom('audit_events' as never).select(['action' as never]).execute();
    expect((audit as { action: string }[]).map((a) => a.action).filter((a) => a.startsWith('services.prefill.'))).toEqual([
      'services.prefill.consented',
      'services.prefill.looked_up',
      'services.prefill.looked_up',
      'services.prefill.consent_revoked',
    ]);
  });

  it('answers the loser of two simultaneous revokes of one consent with 409 illegal_transition and records one revocation', async () => {
    const consent = await w.cases.consentToPrefill(w.as('taibao'), 'TW-TEST-001');
    const results = await Promise.allSettled([w.cases.revokePrefillConsent(w.as('taibao'), consent.id, '第一次'), w.cases.revokePrefillConsent(w.as('taibao'), consent.id, '第二次')]);
    const revoked = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ id: consent.id, active: false });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(AppError);
    const e = refused[0] as AppError;
    expect([e.code, e.status]).toEqual(['illegal_transition', 409]);
    expect(e.details).toEqual({ action: 'revoke', state: 'revoked', allowedActions: [] });
    const [mine] = await w.cases.myPrefillConsents(w.as('taibao'));
    expect(mine).toMatchObject({ id: consent.id, active: false, revokeReason: revoked[0]!.revokeReason });
    const audit = await db().db.selectFrom('audit_events' as never).select(['action' as never, 'entity_id' as never]).execute();
    expect((audit as { action: string; entity_id: string }[]).filter((a) => a.action === 'services.prefill.consent_revoked' && String(a.entity_id) === String(consent.id))).toHaveLength(1);
  });

  it('validates the form on the server with one error per field', async () => {
    const e = await failure(w.cases.submit(w.as('other'), { itemCode: 'TW-TEST-001', form: { name: '', phone: '12345', email: 'not-an-email', extra: 1 } }));
    expect(e.code).toBe('validation_failed');
    const fields = (e.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['form.email', 'form.employer', 'form.extra', 'form.name', 'form.phone']);
  });

  it('refuses an applicant whose identity is still pending verification with 409 identity_pending', async () => {
    const e = await failure(w.cases.submit(w.as('pending'), { itemCode: 'TW-TEST-001', form }));
    expect(e.code).toBe('identity_pending');
    expect(e.status).toBe(409);
  });

  it('refuses a second identical open application within seconds, but not a different one', async () => {
    const first = await w.cases.submit(w.as('other'), { itemCode: 'TW-TEST-001', form: { ...form, name: '王强' } });
    const e = await failure(w.cases.submit(w.as('other'), { itemCode: 'TW-TEST-001', form: { ...form, name: '王强' } }));
    expect(e.code).toBe('duplicate');
    expect(e.details).toMatchObject({ number: first.number });
    const second = await w.cases.submit(w.as('other'), { itemCode: 'TW-TEST-001', form: { ...form, name: '王强', email: 'wq@example.cn' } });
    expect(second.number).not.toBe(first.number);
  });

  it('runs the standard process: one correction request, resubmission, acceptance with a deadline in working days, approval', async () => {
    w.setNow('2026-03-02T03:00:00.000Z');
    const c = await w.cases.submit(w.as('taibao'), { itemCode: 'TW-TEST-001', form: { ...form, employer: '平潭某公司' } });
    const shenpi = w.as('shenpi');
    const inbox = await w.cases.inbox(shenpi, { q: c.number });
    expect(inbox.items.map((i) => `${i.case.number}:${i.taskId}:${i.status}`)).toEqual([`${c.number}:acceptance:open`]);
    expect(inbox.items[0]!.name['zh-CN']).toBe('受理');

    const noMissing = await failure(w.cases.act(shenpi, c.id, { action: 'request_correction', taskId: 'acceptance', missing: [] }));
    expect(noMissing.details).toMatchObject({ field: 'missing' });
    const corr = await w.cases.act(shenpi, c.id, { action: 'request_correction', taskId: 'acceptance', missing: ['劳动合同', '就业证明'] });
    expect(corr.state).toBe('awaiting_correction');
    expect(corr.missing).toEqual(['劳动合同', '就业证明']);
    await expectProjectionMatchesLog(c.id);
    // The officer may do nothing until the applicant resubmits.
    const early = await failure(w.cases.act(shenpi, c.id, { action: 'accept', taskId: 'acceptance' }));
    expect(early.code).toBe('illegal_transition');
    expect(early.details).toMatchObject({ allowedActions: [] });

    const badForm = await failure(w.cases.act(w.as('taibao'), c.id, { action: 'resubmit', form: { ...form, phone: 'x' } }));
    expect((badForm.details as { field: string }[]).map((d) => d.field)).toEqual(['form.phone']);
    const resub = await w.cases.act(w.as('taibao'), c.id, { action: 'resubmit', form: { ...form, employer: '平潭岚岛科技有限公司' } });
    expect(resub.state).toBe('submitted');
    expect(resub.form.employer).toBe('平潭岚岛科技有限公司');

    const second = await failure(w.cases.act(shenpi, c.id, { action: 'request_correction', taskId: 'acceptance', missing: ['照片'] }));
    expect(second.status).toBe(409);
    expect(second.details).toMatchObject({ action: 'request_correction', allowedActions: ['accept', 'reject', 'hand_over'] });

    w.setNow('2026-03-03T02:00:00.000Z');
    const accepted = await w.cases.act(shenpi, c.id, { action: 'accept', taskId: 'acceptance' });
    expect(accepted.state).toBe('in_progress');
    expect(accepted.deadline).toBe(loadCalendar().addWorkingDays('2026-03-03', 5));
    expect(accepted.deadline).toBe('2026-03-10');
    expect(accepted.workingDaysLeft).toBe(5);
    expect(accepted.due).toBe('on_track');
    const lateWithdraw = await failure(w.cases.act(w.as('taibao'), c.id, { action: 'withdraw' }));
    expect(lateWithdraw.code).toBe('illegal_transition');

    const noReason = await failure(w.cases.act(shenpi, c.id, { action: 'reject', taskId: 'review' }));
    expect(noReason.details).toMatchObject({ field: 'reason' });
    const approved = await w.cases.act(shenpi, c.id, { action: 'approve' });
    expect(approved.state).toBe('approved');
    expect(approved.outcome).toBe('approved');
    expect(approved.allowedActions).toEqual([]);
    expect(approved.timeline.map((t) => t.action)).toEqual(['submit', 'request_correction', 'resubmit', 'accept', 'approve']);
    await expectProjectionMatchesLog(c.id);
    const mine = await w.cases.myCases(w.as('taibao'), {});
    expect(mine.items.map((m) => m.number)).toContain(c.number);
    expect(mine.items.find((m) => m.number === c.number)!.state).toBe('approved');
  });

  it('hands a task to another officer of the department or, with a reason, to another department', async () => {
    w.setNow('2026-03-04T02:00:00.000Z');
    const c = await w.cases.submit(w.as('taibao'), { itemCode: 'TW-TEST-001', form: { ...form, employer: '转办测试公司' } });
    const shenpi = w.as('shenpi');
    const toOfficer = await w.cases.act(shenpi, c.id, { action: 'hand_over', taskId: 'acceptance', to: { userId: w.userId('shenpi2') } });
    expect(toOfficer.tasks[0]!.assigneeUserId).toBe(w.userId('shenpi2'));
    const wrongOfficer = await failure(w.cases.act(shenpi, c.id, { action: 'hand_over', taskId: 'acceptance', to: { userId: w.userId('shuiwu') } }));
    expect(wrongOfficer.details).toMatchObject({ field: 'to.userId' });
    const noReason = await failure(w.cases.act(shenpi, c.id, { action: 'hand_over', taskId: 'acceptance', to: { department: 'PT-GA' } }));
    expect(noReason.details).toMatchObject({ field: 'reason' });
    const moved = await w.cases.act(shenpi, c.id, { action: 'hand_over', taskId: 'acceptance', to: { department: 'PT-GA' }, reason: '属公安管辖' });
    expect(moved.tasks[0]!.department.code).toBe('PT-GA');
    expect((await w.cases.inbox(w.as('gongan'), { q: c.number })).items).toHaveLength(1);
    expect((await w.cases.inbox(shenpi, { q: c.number })).items).toHaveLength(0);
    await expectProjectionMatchesLog(c.id);
  });

  it('runs 涉案房产 e拍即得: the court must attach both documents, then tax and the registry act in parallel; the escalation timer is a job', async () => {
    w.setNow('2026-03-05T02:00:00.000Z');
    const c = await w.cases.submit(w.as('taibao'), { itemCode: 'YJS-TEST-CA', form: { caseNo: '(2026)闽0128执123号' } });
    const fayuan = w.as('fayuan');
    expect(c.tasks.map((t) => `${t.id}@${t.department.code}`)).toEqual(['fy_delivery@PT-FY']);
    const missing = await failure(w.cases.act(fayuan, c.id, { action: 'send', taskId: 'fy_delivery' }));
    expect(missing.details).toMatchObject({ field: 'attachments', missing: ['execution_ruling', 'assistance_notice'] });

    const refused = await failure(w.cases.addAttachment(fayuan, c.id, 'execution_ruling', { filename: 'ruling.exe', file: Readable.from([EXE]) }));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('ruling.exe');
    const tooBig = await failure(w.cases.addAttachment(fayuan, c.id, 'execution_ruling', { filename: 'big.pdf', file: Readable.from([Buffer.concat([PDF, Buffer.alloc(70 * 1024)])]) }));
    expect(tooBig.code).toBe('payload_too_large');
    await w.cases.addAttachment(fayuan, c.id, 'execution_ruling', { filename: '执行裁定书.pdf', file: Readable.from([PDF]) });
    const withBoth = await w.cases.addAttachment(fayuan, c.id, 'assistance_notice', { filename: '协助执行通知书.png', file: Readable.from([PNG]) });
    expect(withBoth.attachments.map((a) => `${a.kind}:${a.mediaType}`)).toEqual(['execution_ruling:application/pdf', 'assistance_notice:image/png']);
    expect(withBoth.tasks[0]!.requiredDocuments.every((d) => d.attached)).toBe(true);

    const sent = await w.cases.act(fayuan, c.id, { action: 'send', taskId: 'fy_delivery' });
    expect(sent.tasks.filter((t) => t.status === 'open').map((t) => `${t.id}@${t.department.code}`)).toEqual(['sw_tax@PT-SW', 'bdc_transfer@PT-BDC']);
    // Five working days after Thursday 5 March 2026, at 09:00 Beijing time.
    expect(sent.timers).toEqual([{ id: 'bdc_escalation', dueAt: '2026-03-12T01:00:00.000Z' }]);
    const timerJobs = (await w.jobs.list({ type: 'services.timer' })).filter((j) => (j.payload as { caseId: number }).caseId === c.id);
    expect(timerJobs.map((j) => j.runAt)).toEqual(['2026-03-12T01:00:00.000Z']);
    expect(events.at(-1)).toMatchObject({ action: 'send', departmentIds: [w.orgId('PT-SW'), w.orgId('PT-BDC')].sort((a, b) => a - b) });

    // The registry does not act; the timer job runs when due and escalates the task, once.
    w.setNow('2026-03-12T01:00:01.000Z');
    await w.jobs.runOnce();
    const escalated = await w.cases.getCase(w.as('budongchan'), c.id);
    expect(escalated.tasks.find((t) => t.id === 'bdc_transfer')!.escalated).toBe(true);
    expect(escalated.timeline.at(-1)!.action).toBe('timer_fired');
    expect(await w.cases.fireTimer({ caseId: c.id, timerId: 'bdc_escalation', armedSeq: 2 })).toEqual({ fired: false });

    await w.cases.act(w.as('shuiwu'), c.id, { action: 'confirm', taskId: 'sw_tax' });
    const joined = await w.cases.act(w.as('budongchan'), c.id, { action: 'approve', taskId: 'bdc_transfer' });
    expect(joined.tasks.filter((t) => t.status === 'open').map((t) => t.id)).toEqual(['bdc_certificate']);
    const done = await w.cases.act(w.as('budongchan'), c.id, { action: 'issue_certificate' });
    expect(done.outcome).toBe('approved');
    await expectProjectionMatchesLog(c.id);
  });

  it('computes due_soon and overdue by working days and lists overdue cases in one query', async () => {
    w.setNow('2026-03-06T02:00:00.000Z');
    const c = await w.cases.submit(w.as('taibao'), { itemCode: 'TW-TEST-001', form: { ...form, employer: '时限测试公司' } });
    await w.cases.act(w.as('shenpi'), c.id, { action: 'accept', taskId: 'acceptance' });
    // Accepted Friday 6 March: deadline Friday 13 March (5 working days).
    w.setNow('2026-03-11T02:00:00.000Z');
    expect((await w.cases.getCase(w.as('taibao'), c.id)).due).toBe('due_soon');
    w.setNow('2026-03-16T02:00:00.000Z');
    const late = await w.cases.getCase(w.as('taibao'), c.id);
    expect(late.deadline).toBe('2026-03-13');
    expect(late.due).toBe('overdue');
    const all = await w.cases.overdue(w.as('bureau'), {});
    expect(all.items.map((i) => i.number)).toContain(c.number);
    expect(all.items.every((i) => i.deadline! < '2026-03-16' && i.closedAt === null)).toBe(true);
    const dept = await w.cases.overdue(w.as('shenpi'), {});
    expect(dept.items.map((i) => i.number)).toContain(c.number);
    expect((await w.cases.overdue(w.as('shuiwu'), {})).items).toEqual([]);
    await w.cases.deadlineScan();
    expect(w.deadlines).toContainEqual({ caseId: c.id, kind: 'overdue', deadline: '2026-03-13' });
    expect(w.deadlines.every((d) => d.kind === 'overdue' || d.deadline >= '2026-03-16')).toBe(true);
    const overdueInbox = await w.cases.inbox(w.as('shenpi'), { overdue: true });
    expect(overdueInbox.items.map((i) => i.case.number)).toContain(c.number);
    expect(overdueInbox.items.every((i) => i.due === 'overdue')).toBe(true);
  });

  it('counts per department: received, closed, on time, open and overdue', async () => {
    const s = await w.cases.statistics(w.as('bureau'), { from: '2026-03-01', to: '2026-03-31' });
    const xzsp = s.departments.find((d) => d.department.code === 'PT-XZSP')!;
    expect(xzsp.received).toBe(6);
    expect(xzsp.closed).toBe(1);
    expect(xzsp.closedOnTime).toBe(1);
    expect(xzsp.onTimeRate).toBe(1);
    expect(xzsp.open).toBe(5);
    expect(xzsp.overdue).toBe(1);
    const fy = s.departments.find((d) => d.department.code === 'PT-FY')!;
    expect(fy).toMatchObject({ received: 1, closed: 1, open: 0 });
    const own = await w.cases.statistics(w.as('shenpi'), { from: '2026-03-01', to: '2026-03-31' });
    expect(own.departments.map((d) => d.department.code)).toEqual(['PT-XZSP']);
  });

  it('pages an inbox and a case list with a keyset cursor', async () => {
    const first = await w.cases.inbox(w.as('shenpi'), { limit: 2 });
    expect(first.items).toHaveLength(2);
    const next = await w.cases.inbox(w.as('shenpi'), { limit: 2, cursor: first.nextCursor! });
    expect(next.items.every((i) => i.taskRowId < first.items[1]!.taskRowId)).toBe(true);
    const mine = await w.cases.myCases(w.as('taibao'), { limit: 1 });
    const more = await w.cases.myCases(w.as('taibao'), { limit: 10, cursor: mine.nextCursor! });
    expect(more.items.every((i) => i.id < mine.items[0]!.id)).toBe(true);
    expect(more.items.length).toBeGreaterThan(0);
  });

  it('pages the overdue list by deadline and id without repeating or skipping cases that share a deadline', async () => {
    w.setNow('2026-03-17T02:00:00.000Z');
    for (let k = 0; k < 3; k++) {
      const c = await w.cases.submit(w.as('taibao'), { itemCode: 'TW-TEST-001', form: { ...form, employer: `同日期限测试公司${k}` } });
      await w.cases.act(w.as('shenpi'), c.id, { action: 'accept', taskId: 'acceptance' });
    }
    // Accepted the same day, so the three share one deadline; two weeks later all are overdue.
    w.setNow('2026-03-31T02:00:00.000Z');
    const all = await w.cases.overdue(w.as('bureau'), { limit: 100 });
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await w.cases.overdue(w.as('bureau'), { limit: 2, cursor });
      seen.push(...page.items.map((i) => i.number));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((i) => i.number));
  });

  it('keeps an in-flight case on the definition version it started with when the definition changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-defs-'));
    for (const f of fs.readdirSync(DEFINITIONS_DIR)) fs.copyFileSync(path.join(DEFINITIONS_DIR, f), path.join(dir, f));
    const standard = JSON.parse(fs.readFileSync(path.join(dir, 'standard.json'), 'utf8')) as { nodes: { review: { actions: Record<string, unknown> } } };
    standard.nodes.review.actions.approve_partly = { to: 'approved', name: { 'zh-CN': '部分准予', 'zh-TW': '部分准予', en: 'Approve in part' } };
    fs.writeFileSync(path.join(dir, 'standard.json'), JSON.stringify(standard));
    const inFlight = (await w.cases.myCases(w.as('taibao'), { limit: 50 })).items.find((i) => i.state === 'in_progress' && i.processKey === 'standard')!;
    const w2 = await caseWorld(db(), { now: '2026-03-16T03:00:00.000Z', seed: false, definitionsDir: dir });
    try {
      expect((await w2.cases.syncDefinitions()).find((d) => d.key === 'standard')!.version).toBe(2);
      const old = await w2.cases.getCase(w2.as('shenpi'), inFlight.id);
      expect(old.process.version).toBe(1);
      expect(old.allowedActions.map((a) => a.action)).toEqual(['approve', 'reject', 'hand_over']);
      const fresh = await w2.cases.submit(w2.as('taibao'), { itemCode: 'TW-TEST-001', form: { ...form, employer: '新版本流程公司' } });
      expect(fresh.process.version).toBe(2);
      const accepted = await w2.cases.act(w2.as('shenpi'), fresh.id, { action: 'accept', taskId: 'acceptance' });
      expect(accepted.allowedActions.map((a) => a.action)).toEqual(['approve', 'reject', 'approve_partly', 'hand_over']);
    } finally {
      w2.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
