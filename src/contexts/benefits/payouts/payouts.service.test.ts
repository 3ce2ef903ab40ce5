import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';
import { isAppError, type AppError } from '../../../kernel/errors.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import type { Principal } from '../../../kernel/principal.ts';
import { controlHash, csvBody } from './batch-file.ts';
import { DEMO_TAIBAO_ACCOUNT, demoPermit, seedPayoutsDemo } from './payouts.demo.ts';
import { CONSENT_VERSION, type PayoutService } from './payouts.service.ts';
import { foldState, type PayoutAction } from './workflow.ts';
import { personHash } from '../../detection/index.ts';
import { candidatesFor, principalOf } from './test-support.ts';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const csv = (rows: string[]) => ({ filename: 'results.csv', data: Buffer.from(rows.join('\r\n'), 'utf8') });
const authorisation = { ...DEMO_TAIBAO_ACCOUNT, consentVersion: CONSENT_VERSION, agree: true as const };

describeApp('benefits payouts', (app) => {
  let payouts: PayoutService;
  let caizheng: Principal;
  let taibao: Principal;
  let runNo = 1000;
  const nextRun = () => ++runNo;

  beforeAll(async () => {
    payouts = app().platform.payouts;
    caizheng = await principalOf(app().platform, 'caizheng');
    taibao = await principalOf(app().platform, 'taibao');
  });

  /** Offers a fresh period (of its own policy), confirms everything and answers taibao's payout id. */
  async function confirmedPeriod(period: string, others = 2, policyKey = `test-policy-${period}`): Promise<{ runId: number; taibaoId: number; policyKey: string }> {
    const runId = nextRun();
    await payouts.offer(await candidatesFor(app().platform, { period, runId, others, policyKey }));
    const s = await payouts.summary(caizheng, { runId, state: 'offered' });
    await payouts.confirmRun(caizheng, { runId, expectedCount: s.count, expectedTotalFen: s.totalFen });
    const mine = (await payouts.my(taibao)).items.find((p) => p.period === period)!;
    return { runId, taibaoId: mine.id, policyKey };
  }

  /** The in-app messages of a user as they read them (in their language). */
  async function messages(username: string, password?: string): Promise<{ items: { template: string; title: string; body: string; link: string | null }[] }> {
    const session = await app().login(username, password);
    const res = await app().inject({ method: 'GET', url: '/api/services/notifications?limit=100', headers: session.headers });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  async function replayMatches(id: number): Promise<void> {
    const detail = await payouts.get(caizheng, id);
    expect(foldState(detail.timeline.map((t) => t.action as PayoutAction))).toBe(detail.state);
  }

  describe('offers', () => {
    it('creates one payout per person and period, and offering the same run again changes nothing', async () => {
      const runId = nextRun();
      const candidates = await candidatesFor(app().platform, { period: '2031', runId, others: 3 });
      expect(await payouts.offer(candidates)).toEqual({ created: 4, rematched: 0, kept: 0 });
      expect(await payouts.offer(candidates)).toEqual({ created: 0, rematched: 0, kept: 4 });
      const listed = await payouts.list(caizheng, { runId });
      expect(listed.items).toHaveLength(4);
      expect(listed.items.every((p) => p.state === 'offered')).toBe(true);
    });

    it('gives payouts awaiting confirmation the new amounts of a later run but never touches a confirmed one', async () => {
      const first = nextRun();
      await payouts.offer(await candidatesFor(app().platform, { period: '2032', runId: first, others: 2, amountOf: () => 500_00 }));
      const offered = (await payouts.list(caizheng, { runId: first })).items;
      const confirmedOne = offered[0]!;
      await payouts.confirm(caizheng, confirmedOne.id);

      const second = nextRun();
      const result = await payouts.offer(await candidatesFor(app().platform, { period: '2032', runId: second, others: 2, amountOf: () => 777_00, policyVersion: 2 }));
      expect(result).toEqual({ created: 0, rematched: 2, kept: 1 });

      const confirmed = await payouts.get(caizheng, confirmedOne.id);
      expect(confirmed.amountFen).toBe(500_00);
      expect(confirmed.policyVersion).toBe(1);
      expect(confirmed.runId).toBe(first);
      const rematched = (await payouts.list(caizheng, { runId: second })).items;
      expect(rematched).toHaveLength(2);
      expect(rematched.every((p) => p.amountFen === 777_00 && p.policyVersion === 2 && p.state === 'offered')).toBe(true);
      const timeline = (await payouts.get(caizheng, rematched[0]!.id)).timeline;
      expect(timeline.map((t) => t.action)).toEqual(['offer', 'rematch']);
      expect(timeline[1]!.detail).toMatchObject({ previousAmountFen: 500_00, amountFen: 777_00 });
      await replayMatches(rematched[0]!.id);
    });

    it('refuses a candidate without a positive whole amount, naming it', async () => {
      const [c] = await candidatesFor(app().platform, { period: '2033', runId: nextRun(), others: 0 });
      const e = await refusal(payouts.offer([{ ...c!, amountFen: 12.5 }]));
      expect(e.code).toBe('validation_failed');
      expect(e.message).toContain('candidates[0].amountFen');
    });
  });

  describe('second confirmation', () => {
    it('confirms a whole run only when the count and total match what the officer saw', async () => {
      const runId = nextRun();
      await payouts.offer(await candidatesFor(app().platform, { period: '2034', runId, others: 2 }));
      const s = await payouts.summary(caizheng, { runId, state: 'offered' });
      expect(s.count).toBe(3);
      const wrongCount = await refusal(payouts.confirmRun(caizheng, { runId, expectedCount: 2, expectedTotalFen: s.totalFen }));
      expect(wrongCount.status).toBe(409);
      expect(wrongCount.details).toMatchObject({ count: 3, totalFen: s.totalFen });
      const wrongTotal = await refusal(payouts.confirmRun(caizheng, { runId, expectedCount: 3, expectedTotalFen: s.totalFen + 1 }));
      expect(wrongTotal.status).toBe(409);
      expect((await payouts.list(caizheng, { runId, state: 'offered' })).items).toHaveLength(3);

      const done = await payouts.confirmRun(caizheng, { runId, expectedCount: 3, expectedTotalFen: s.totalFen });
      expect(done).toMatchObject({ confirmed: 3, totalFen: s.totalFen, notified: 1 });
      // taibao has an account: notified at once; the others have none yet and stay confirmed.
      const states = (await payouts.list(caizheng, { runId })).items.map((p) => p.state).sort();
      expect(states).toEqual(['confirmed', 'confirmed', 'notified']);
    });

    it('tells the person in their own language that a benefit awaits them', async () => {
      const { taibaoId } = await confirmedPeriod('2035', 0, 'tw-iit-subsidy');
      const inbox = await messages('taibao');
      const offered = inbox.items.find((m) => m.template === 'benefit.offered' && m.link === `/portal/benefits?payout=${taibaoId}`);
      expect(offered?.title).toBe('您有一項免申即享補助');
      expect(offered?.body).toContain('臺灣居民個人所得稅稅負差額補貼');
    });

    it('excludes only with a reason, and an excluded payout allows nothing more', async () => {
      const runId = nextRun();
      await payouts.offer(await candidatesFor(app().platform, { period: '2036', runId, others: 1 }));
      const [p] = (await payouts.list(caizheng, { runId })).items;
      expect((await refusal(payouts.exclude(caizheng, p!.id, ' '))).code).toBe('validation_failed');
      const excluded = await payouts.exclude(caizheng, p!.id, '已在厦门享受同类补贴');
      expect(excluded.state).toBe('excluded');
      expect(excluded.reason).toBe('已在厦门享受同类补贴');
      expect(excluded.allowedActions).toEqual([]);
      const again = await refusal(payouts.confirm(caizheng, p!.id));
      expect(again.code).toBe('illegal_transition');
      expect(again.details).toMatchObject({ action: 'confirm', state: 'excluded', allowedActions: [] });
      // A later run keeps the exclusion (and rematches the other, still awaiting confirmation).
      expect(await payouts.offer(await candidatesFor(app().platform, { period: '2036', runId: nextRun(), others: 1 }))).toEqual({ created: 0, rematched: 1, kept: 1 });
      expect((await payouts.get(caizheng, p!.id)).state).toBe('excluded');
    });

    it('refuses to confirm twice, naming what is allowed', async () => {
      const runId = nextRun();
      await payouts.offer(await candidatesFor(app().platform, { period: '2037', runId, others: 1 }));
      const other = (await payouts.list(caizheng, { runId })).items.find((p) => p.subject.displayName !== '李志明')!;
      await payouts.confirm(caizheng, other.id);
      const e = await refusal(payouts.confirm(caizheng, other.id));
      expect(e.code).toBe('illegal_transition');
      expect(e.details).toMatchObject({ state: 'confirmed', allowedActions: [] });
      await replayMatches(other.id);
    });
  });

  describe('authorisation', () => {
    it('hides a payout from its person until the department has confirmed it', async () => {
      const runId = nextRun();
      await payouts.offer(await candidatesFor(app().platform, { period: '2038', runId, others: 0 }));
      const [p] = (await payouts.list(caizheng, { runId })).items;
      expect((await payouts.my(taibao)).items.some((x) => x.id === p!.id)).toBe(false);
      expect((await refusal(payouts.authorise(taibao, p!.id, authorisation))).code).toBe('not_found');
    });

    it('takes the bank account only in the entitled person\'s name, with 12 to 30 digits and the current consent text', async () => {
      const { taibaoId } = await confirmedPeriod('2039', 0);
      const wrongName = await refusal(payouts.authorise(taibao, taibaoId, { ...authorisation, accountName: '王小明' }));
      expect(wrongName.code).toBe('validation_failed');
      expect(wrongName.details).toEqual([expect.objectContaining({ field: 'accountName', reason: 'name_mismatch' })]);
      const shortNo = await refusal(payouts.authorise(taibao, taibaoId, { ...authorisation, accountNo: '12345678901' }));
      expect(shortNo.details).toEqual([expect.objectContaining({ field: 'accountNo', reason: 'format' })]);
      const oldConsent = await refusal(payouts.authorise(taibao, taibaoId, { ...authorisation, consentVersion: 'old' }));
      expect(oldConsent.details).toEqual([expect.objectContaining({ field: 'consentVersion' })]);

      // Traditional characters for the same name are the same name.
      const done = await payouts.authorise(taibao, taibaoId, { ...authorisation, accountName: '李志明', accountNo: '6217 8561 0001 2345 678' });
      expect(done.state).toBe('authorised');
      expect(done.authorisation).toMatchObject({ bankName: '中国银行平潭分行', accountMasked: '6217***********5678', consentVersion: CONSENT_VERSION });
      expect(JSON.stringify(done)).not.toContain('6217856100012345678');
      expect(JSON.stringify(await payouts.get(caizheng, taibaoId))).not.toContain('6217856100012345678');
      // Declining after authorising is not a step of the workflow.
      const e = await refusal(payouts.decline(taibao, taibaoId, null));
      expect(e.code).toBe('illegal_transition');
      expect(e.details).toMatchObject({ state: 'authorised', allowedActions: ['authorise'] });
    });

    it('lets the person decline, after which nothing can be paid', async () => {
      const { taibaoId } = await confirmedPeriod('2040', 0);
      const declined = await payouts.decline(taibao, taibaoId, '不需要');
      expect(declined.state).toBe('declined');
      expect(declined.allowedActions).toEqual([]);
      expect((await refusal(payouts.authorise(taibao, taibaoId, authorisation))).code).toBe('illegal_transition');
    });
  });

  describe('payment batches', () => {
    it('pays nothing without authorisation: a batch takes only authorised payouts', async () => {
      const period = '2041';
      const { runId, taibaoId, policyKey } = await confirmedPeriod(period, 2);
      // Only this period's payouts are authorised in this test's policy and department so far.
      const none = await refusal(payouts.createBatch(caizheng, { policyKey }));
      expect(none.code).toBe('conflict');
      await payouts.authorise(taibao, taibaoId, authorisation);
      const batch = await payouts.createBatch(caizheng, { policyKey });
      expect(batch.lines.map((l) => l.payoutId)).toEqual([taibaoId]);
      expect(batch.lineCount).toBe(1);
      expect(batch.state).toBe('open');
      const others = (await payouts.list(caizheng, { runId })).items.filter((p) => p.id !== taibaoId);
      expect(others.every((p) => p.state === 'confirmed' && p.batchId === null)).toBe(true);
      expect((await payouts.get(caizheng, taibaoId)).state).toBe('in_batch');
      // A payout is in one open batch at most.
      expect((await refusal(payouts.createBatch(caizheng, { policyKey }))).code).toBe('conflict');

      const file = await payouts.batchFile(caizheng, batch.id, 'csv');
      const text = file.data.toString('utf8');
      expect(text.startsWith('\uFEFFbatchNo,lineNo,payeeName,bankName,accountNo,amountYuan,policy,period,payoutId\r\n')).toBe(true);
      expect(text).toContain(`${batch.batchNo},1,李志明,中国银行平潭分行,6217856100012345678,`);
      const body = text.slice(1, text.indexOf('CONTROL'));
      expect(sm3(Buffer.from(body, 'utf8'))).toBe(batch.sm3);
      expect(file.sm3).toBe(batch.sm3);
      expect(text).toContain(`CONTROL,${batch.batchNo},1,`);

      const xlsx = await payouts.batchFile(caizheng, batch.id, 'xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.data as unknown as ArrayBuffer);
      expect(wb.getWorksheet('lines')!.getRow(2).getCell(5).value).toBe('6217856100012345678');
      expect(wb.getWorksheet('control')!.getRow(2).getCell(4).value).toBe(batch.sm3);

      const paid = await payouts.importResults(caizheng, batch.id, csv(['payoutId,status,bankReference', `${taibaoId},paid,BOC-0001`]));
      expect(paid).toMatchObject({ rows: 1, paid: 1, failed: 0, unchanged: 0, errors: [] });
      expect(paid.batch.state).toBe('settled');
      expect((await payouts.my(taibao)).items.find((p) => p.id === taibaoId)?.state).toBe('paid');
    });

    it('never pays twice: re-importing results changes nothing and a paid line cannot turn failed', async () => {
      const { taibaoId, policyKey } = await confirmedPeriod('2042', 0);
      await payouts.authorise(taibao, taibaoId, authorisation);
      const batch = await payouts.createBatch(caizheng, { policyKey });
      const results = csv(['lineNo,status,bankReference', '1,paid,BOC-42']);
      expect((await payouts.importResults(caizheng, batch.id, results)).paid).toBe(1);
      const again = await payouts.importResults(caizheng, batch.id, results);
      expect(again).toMatchObject({ paid: 0, unchanged: 1, errors: [] });
      const flipped = await payouts.importResults(caizheng, batch.id, csv(['lineNo,status,reason', '1,failed,account closed']));
      expect(flipped.failed).toBe(0);
      expect(flipped.errors).toEqual([{ line: 2, message: 'line 2: line 1 is already paid; a recorded result is not changed' }]);
      const detail = await payouts.get(caizheng, taibaoId);
      expect(detail.timeline.filter((t) => t.action === 'pay')).toHaveLength(1);
      expect(detail.state).toBe('paid');
      const paidMessages = (await messages('taibao')).items.filter((m) => m.template === 'benefit.paid' && m.link === `/portal/benefits?payout=${taibaoId}`);
      expect(paidMessages).toHaveLength(1);
      expect(paidMessages[0]!.body).toContain('6217***********5678');
    });

    it('lists bad result rows without aborting the good ones, and a failed payment goes into a later batch with a corrected account', async () => {
      const { taibaoId, policyKey } = await confirmedPeriod('2043', 0);
      await payouts.authorise(taibao, taibaoId, authorisation);
      const batch = await payouts.createBatch(caizheng, { policyKey });
      const report = await payouts.importResults(
        caizheng,
        batch.id,
        csv(['lineNo,status,bankReference,reason', '9,paid,X,', '1,maybe,X,', '1,failed,,', 'x,paid,,', '1,failed,BOC-F,账户已销户']),
      );
      expect(report.rows).toBe(5);
      expect(report.failed).toBe(1);
      expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
      expect(report.errors[0]!.message).toContain('not a line of batch');
      expect(report.errors[1]!.message).toContain('"maybe"');
      expect(report.errors[2]!.message).toContain('needs a reason');
      expect(report.batch.state).toBe('settled');

      const failed = await payouts.myOne(taibao, taibaoId);
      expect(failed.state).toBe('failed');
      expect(failed.reason).toBe('账户已销户');
      expect(failed.allowedActions).toEqual(['authorise']);
      const failedMessage = (await messages('taibao')).items.find((m) => m.template === 'benefit.failed' && m.link === `/portal/benefits?payout=${taibaoId}`);
      expect(failedMessage?.body).toContain('帳戶已銷戶');

      await payouts.authorise(taibao, taibaoId, { ...authorisation, accountNo: '6222020200112233445' });
      const later = await payouts.createBatch(caizheng, { policyKey });
      expect(later.id).not.toBe(batch.id);
      expect(later.lines.map((l) => l.payoutId)).toEqual([taibaoId]);
      expect((await payouts.batchFile(caizheng, later.id, 'csv')).data.toString('utf8')).toContain('6222020200112233445');
      // The first batch's file still says what was sent then.
      const first = await payouts.batchFile(caizheng, batch.id, 'csv');
      expect(first.data.toString('utf8')).toContain('6217856100012345678');
      expect(first.sm3).toBe(batch.sm3);
      await payouts.importResults(caizheng, later.id, csv(['payoutId,status', `${taibaoId},paid`]));
      const paid = await payouts.get(caizheng, taibaoId);
      expect(paid.state).toBe('paid');
      expect(paid.payments.map((l) => l.status)).toEqual(['failed', 'paid']);
      await replayMatches(taibaoId);
    });

    it('reads an XLSX results file', async () => {
      const { taibaoId, policyKey } = await confirmedPeriod('2044', 0);
      await payouts.authorise(taibao, taibaoId, authorisation);
      const batch = await payouts.createBatch(caizheng, { policyKey });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('results');
      ws.addRow(['支付编号', '状态', '银行流水号']);
      ws.addRow([String(taibaoId), '成功', 'BOC-X1']);
      const report = await payouts.importResults(caizheng, batch.id, { filename: 'results.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
      expect(report).toMatchObject({ paid: 1, errors: [] });
      expect((await payouts.get(caizheng, taibaoId)).bankReference).toBe('BOC-X1');
    });
  });

  describe('demo', () => {
    it('excludes one candidate, confirms the rest, and pays taibao through one batch', async () => {
      const runId = nextRun();
      const candidates = await candidatesFor(app().platform, { period: '2046', runId, others: 3, policyKey: 'demo-policy' });
      const done = await seedPayoutsDemo(payouts, candidates, (u) => principalOf(app().platform, u));
      expect(done).toEqual({ offered: 4, confirmed: 3, excluded: 1, paid: 1 });
      const states = (await payouts.list(caizheng, { runId })).items.map((p) => p.state).sort();
      expect(states).toEqual(['confirmed', 'confirmed', 'excluded', 'paid']);
    });
  });

  describe('statistics and late sign-up', () => {
    it('counts people and amounts by policy, by paid month and by state', async () => {
      const s = await payouts.statistics(caizheng, {});
      const paid = s.byState.find((r) => r.state === 'paid')!;
      expect(paid.count).toBeGreaterThanOrEqual(4);
      expect(s.byPolicy.reduce((n, r) => n + r.paidFen, 0)).toBe(paid.amountFen);
      expect(s.byPolicy.reduce((n, r) => n + r.paidPeople, 0)).toBe(paid.count);
      const policy = s.byPolicy.find((r) => r.policyKey === 'tw-iit-subsidy')!;
      expect(s.byMonth.reduce((n, r) => n + r.amountFen, 0)).toBe(paid.amountFen);
      expect(s.byMonth.every((r) => /^\d{4}-\d{2}$/.test(r.month))).toBe(true);
      expect(policy.policyName['zh-CN']).toBe('台湾居民个人所得税税负差额补贴');
      const csvFile = (await payouts.statisticsCsv(caizheng, {})).toString('utf8');
      expect(csvFile.split('\r\n')[0]).toBe('\uFEFFsection,policy,month,state,people,payments,amountYuan,paidPeople,paidYuan');
      expect(csvFile).toContain('\r\nstate,,,paid,');
    });

    it('notifies a person who signs up after the confirmation once verified, and never someone using her number unverified', async () => {
      const runId = nextRun();
      const [template, stranger] = await candidatesFor(app().platform, { period: '2045', runId, others: 1 });
      // 林建宏 is a person the permit simulator verifies; the stranger's number is not on its list.
      const lin = { ...template!, subject: { kind: 'person' as const, key: personHash(app().platform.config.personHashKey, 'tw_residence_permit', '830000197805200031'), displayName: '林建宏', maskedId: '8300**********0031' } };
      await payouts.offer([lin, stranger!]);
      const s = await payouts.summary(caizheng, { runId, state: 'offered' });
      await payouts.confirmRun(caizheng, { runId, expectedCount: s.count, expectedTotalFen: s.totalFen });
      const listed = (await payouts.list(caizheng, { runId })).items;
      const linPayout = listed.find((p) => p.subject.displayName === '林建宏')!;
      const strangerPayout = listed.find((p) => p.subject.displayName !== '林建宏')!;
      expect([linPayout.state, strangerPayout.state]).toEqual(['confirmed', 'confirmed']);
      expect(await payouts.notifyPending()).toMatchObject({ notified: 0 });

      const signup = (idNumber: string, name: string, phone: string) =>
        app().inject({ method: 'POST', url: '/api/public/services/signup', payload: { kind: 'taiwan_resident', idType: 'residence_permit', idNumber, name, phone, password: 'Late@2026x', locale: 'en' } });
      const rejected = await signup(demoPermit(0), stranger!.subject.displayName, '13905917777');
      expect(rejected.statusCode).toBe(201);
      expect(rejected.json()).toMatchObject({ verification: { status: 'rejected' } });
      const verified = await signup('830000197805200031', '林建宏', '13905918888');
      expect(verified.json()).toMatchObject({ verification: { status: 'verified' } });

      expect(await payouts.notifyPending()).toMatchObject({ notified: 1 });
      expect(await payouts.notifyPending()).toMatchObject({ notified: 0 });
      expect((await payouts.get(caizheng, linPayout.id)).state).toBe('notified');
      expect((await payouts.get(caizheng, strangerPayout.id)).state).toBe('confirmed');
      const her = await principalOf(app().platform, '13905918888');
      expect((await payouts.my(her)).items.map((p) => p.id)).toEqual([linPayout.id]);
      const message = (await messages('13905918888', 'Late@2026x')).items.find((m) => m.template === 'benefit.offered');
      expect(message?.title).toBe('A benefit is waiting for you');

      const impostor = await principalOf(app().platform, '13905917777');
      expect(await payouts.my(impostor)).toMatchObject({ items: [], hasIdentity: true, verification: 'rejected' });
      expect((await refusal(payouts.authorise(impostor, strangerPayout.id, { ...authorisation, accountName: stranger!.subject.displayName }))).code).toBe('not_found');
    });
  });
});

// Keep the CSV body helpers honest: the control hash is the SM3 of the body the file carries.
describe('batch file control hash', () => {
  it('is the SM3 of the header and lines without the BOM', () => {
    const content = { batchNo: 'PB1', lines: [{ lineNo: 1, payeeName: '李志明', bankName: '中国银行', accountNo: '621700000000', amountFen: 12345, policy: 'p', period: '2024', payoutId: 7 }] };
    expect(csvBody(content)).toBe('batchNo,lineNo,payeeName,bankName,accountNo,amountYuan,policy,period,payoutId\r\nPB1,1,李志明,中国银行,621700000000,123.45,p,2024,7\r\n');
    expect(controlHash(content)).toBe(sm3(Buffer.from(csvBody(content), 'utf8')));
  });
});
