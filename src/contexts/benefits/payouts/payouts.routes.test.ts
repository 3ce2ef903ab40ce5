import { beforeAll, expect, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';
import { multipart } from '../../../../test/helpers/multipart.ts';
import { CONSENT_VERSION } from './payouts.service.ts';
import { candidatesFor } from './test-support.ts';

const ACCOUNT_NO = '6217856100098765432';

describeApp('benefits payouts over HTTP', (app) => {
  let caizheng: Session;
  let taibao: Session;
  /** Every JSON answer of this file, to prove the account number never leaves in one. */
  const answers: string[] = [];
  const call = async (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await app().inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    answers.push(res.body);
    return res;
  };

  beforeAll(async () => {
    caizheng = await app().login('caizheng');
    taibao = await app().login('taibao');
    await app().platform.payouts.offer(await candidatesFor(app().platform, { period: '2060', runId: 6000, others: 2, policyKey: 'http-policy' }));
  });

  it('runs a payout from bulk confirmation to paid, with the workflow refusing steps out of order', async () => {
    const summary = (await call(caizheng, 'GET', '/api/benefits/payouts/summary?runId=6000&state=offered')).json() as { count: number; totalFen: number };
    expect(summary.count).toBe(3);
    const mismatch = await call(caizheng, 'POST', '/api/benefits/payouts/confirm-run', { runId: 6000, expectedCount: 3, expectedTotalFen: summary.totalFen - 1 });
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json()).toMatchObject({ error: { code: 'conflict', details: { count: 3, totalFen: summary.totalFen } } });
    const confirmed = await call(caizheng, 'POST', '/api/benefits/payouts/confirm-run', { runId: 6000, expectedCount: 3, expectedTotalFen: summary.totalFen });
    expect(confirmed.json()).toMatchObject({ confirmed: 3, notified: 1 });

    const mine = (await call(taibao, 'GET', '/api/benefits/my')).json() as { consentVersion: string; items: { id: number; state: string; policyKey: string }[] };
    expect(mine.consentVersion).toBe(CONSENT_VERSION);
    const payout = mine.items.find((p) => p.policyKey === 'http-policy')!;
    expect(payout.state).toBe('notified');
    const detail = (await call(taibao, 'GET', `/api/benefits/my/${payout.id}`)).json() as { allowedActions: string[]; inputs?: unknown; figures: unknown };
    expect(detail.allowedActions).toEqual(['authorise', 'decline']);
    expect(detail.inputs).toBeUndefined();
    expect(detail.figures).toMatchObject({ calculations: [{ rule: 'burden-difference' }] });

    const noAgree = await call(taibao, 'POST', `/api/benefits/my/${payout.id}/authorise`, { bankName: '中国银行平潭分行', accountNo: ACCOUNT_NO, accountName: '李志明', consentVersion: CONSENT_VERSION, agree: false });
    expect(noAgree.statusCode).toBe(400);
    const authorised = await call(taibao, 'POST', `/api/benefits/my/${payout.id}/authorise`, { bankName: '中国银行平潭分行', accountNo: ACCOUNT_NO, accountName: '李志明', consentVersion: CONSENT_VERSION, agree: true });
    expect(authorised.statusCode).toBe(200);
    expect(authorised.json()).toMatchObject({ state: 'authorised', authorisation: { accountMasked: '6217***********5432' } });

    const exclude = await call(caizheng, 'POST', `/api/benefits/payouts/${payout.id}/actions`, { action: 'exclude', reason: '迟到的排除' });
    expect(exclude.statusCode).toBe(409);
    expect(exclude.json()).toMatchObject({ error: { code: 'illegal_transition', details: { state: 'authorised', allowedActions: ['batch'] } } });

    const batch = await call(caizheng, 'POST', '/api/benefits/payment-batches', { policyKey: 'http-policy' });
    expect(batch.statusCode).toBe(201);
    const b = batch.json() as { id: number; batchNo: string; lineCount: number; sm3: string; lines: { lineNo: number; payoutId: number; accountMasked: string }[] };
    expect(b.lineCount).toBe(1);
    expect(b.lines[0]).toMatchObject({ payoutId: payout.id, accountMasked: '6217***********5432' });
    const listed = (await call(caizheng, 'GET', '/api/benefits/payment-batches')).json() as { items: { id: number }[] };
    expect(listed.items.map((x) => x.id)).toContain(b.id);

    const file = await app().inject({ method: 'GET', url: `/api/benefits/payment-batches/${b.id}/file?format=csv`, headers: caizheng.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${b.batchNo}.csv"`);
    expect(file.headers['x-landao-sm3']).toBe(b.sm3);
    expect(file.body).toContain(ACCOUNT_NO);
    const xlsx = await app().inject({ method: 'GET', url: `/api/benefits/payment-batches/${b.id}/file?format=xlsx`, headers: caizheng.headers });
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const upload = multipart('results.csv', `payoutId,status,bankReference\r\n${payout.id},paid,BOC-HTTP-1\r\n999999,paid,X\r\n`);
    const imported = await app().inject({ method: 'POST', url: `/api/benefits/payment-batches/${b.id}/results`, headers: { ...caizheng.headers, ...upload.headers }, payload: upload.payload });
    answers.push(imported.body);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 2, paid: 1, errors: [{ line: 3 }], batch: { state: 'settled' } });
    expect(((await call(taibao, 'GET', `/api/benefits/my/${payout.id}`)).json() as { state: string }).state).toBe('paid');

    const timeline = ((await call(caizheng, 'GET', `/api/benefits/payouts/${payout.id}`)).json() as { timeline: { action: string }[] }).timeline.map((t) => t.action);
    expect(timeline).toEqual(['offer', 'confirm', 'notify', 'authorise', 'batch', 'pay']);
    const stats = await call(caizheng, 'GET', '/api/benefits/statistics?policy=http-policy');
    expect(stats.json()).toMatchObject({ byPolicy: [{ policyKey: 'http-policy', people: 3, paidPeople: 1 }] });
    const statsCsv = await app().inject({ method: 'GET', url: '/api/benefits/statistics?format=csv', headers: caizheng.headers });
    expect(statsCsv.headers['content-type']).toContain('text/csv');

    // The audit trail has the download and every step.
    const audit = await app().inject({ method: 'GET', url: `/api/audit/events?entityType=benefits_payment_batch&entityId=${b.id}`, headers: (await app().login('auditor')).headers });
    expect(audit.statusCode).toBe(200);
    expect((audit.json() as { items: { action: string }[] }).items.map((e) => e.action).sort()).toEqual(['benefits.batch.created', 'benefits.batch.downloaded', 'benefits.batch.downloaded', 'benefits.batch.results_imported']);

    // The account number is in the file and nowhere else.
    expect(answers.length).toBeGreaterThan(10);
    for (const a of answers) expect(a).not.toContain(ACCOUNT_NO);
  });

  it('refuses an unknown state filter and a bad cursor naming the field', async () => {
    expect((await call(caizheng, 'GET', '/api/benefits/payouts?state=lost')).statusCode).toBe(400);
    const bad = await call(caizheng, 'GET', '/api/benefits/payouts?cursor=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: { field: 'cursor' } } });
  });

  it('pages the payout list with a cursor, newest first', async () => {
    const first = (await call(caizheng, 'GET', '/api/benefits/payouts?limit=2')).json() as { items: { id: number }[]; nextCursor: string };
    expect(first.items).toHaveLength(2);
    const second = (await call(caizheng, 'GET', `/api/benefits/payouts?limit=2&cursor=${first.nextCursor}`)).json() as { items: { id: number }[] };
    expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
  });

  it('names each payout after its policy as stored now, so a renamed policy shows its new name', async () => {
    const bureau = await app().login('bureau');
    const policy = (await app().inject({ method: 'GET', url: '/api/benefits/policies/tw-iit-subsidy', headers: bureau.headers })).json();
    const names = { 'zh-CN': '台湾居民个税负担差额补贴（改名）', 'zh-TW': '臺灣居民個稅負擔差額補貼（改名）', en: 'Taiwan residents IIT difference subsidy (renamed)' };
    const saved = await app().inject({ method: 'POST', url: '/api/benefits/policies/tw-iit-subsidy/versions', headers: bureau.headers, payload: { document: { ...policy.document, names }, note: 'rename' } });
    expect(saved.statusCode, saved.body).toBe(201);
    const list = (await call(caizheng, 'GET', '/api/benefits/payouts?limit=100')).json() as { items: { policyKey: string; policyName: Record<string, string> }[] };
    const demo = list.items.filter((p) => p.policyKey === 'tw-iit-subsidy');
    expect(demo.length).toBeGreaterThan(0);
    for (const p of demo) expect(p.policyName).toEqual(names);
  });
});
