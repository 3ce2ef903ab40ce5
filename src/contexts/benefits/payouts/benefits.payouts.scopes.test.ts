/**
 * Who may do what with payouts: the funding department (PT-CZJR) confirms, excludes and pays its own;
 * other departments see none of them; the bureau and the auditor read all but act on none; the person
 * sees and authorises only their own confirmed payouts.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';
import { multipart } from '../../../../test/helpers/multipart.ts';
import { DEMO_TAIBAO_ACCOUNT } from './payouts.demo.ts';
import { CONSENT_VERSION } from './payouts.service.ts';
import { candidatesFor } from './test-support.ts';

describeApp('benefits payouts scopes', (app) => {
  const sessions: Record<string, Session> = {};
  let taibaoPayout = 0;
  let otherPayout = 0;
  let batchId = 0;
  const as = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app().inject({ method, url, headers: sessions[user]!.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  beforeAll(async () => {
    for (const u of ['caizheng', 'shuiwu', 'bureau', 'auditor', 'taibao', 'qiye', 'bank']) sessions[u] = await app().login(u);
    await app().platform.payouts.offer(await candidatesFor(app().platform, { period: '2050', runId: 5000, others: 1 }));
    const list = (await as('caizheng', 'GET', '/api/benefits/payouts?runId=5000')).json() as { items: { id: number; subject: { displayName: string } }[] };
    taibaoPayout = list.items.find((p) => p.subject.displayName === '李志明')!.id;
    otherPayout = list.items.find((p) => p.subject.displayName !== '李志明')!.id;
  });

  it('lets only the funding department confirm and exclude', async () => {
    expect((await as('shuiwu', 'POST', `/api/benefits/payouts/${taibaoPayout}/actions`, { action: 'confirm' })).statusCode).toBe(404);
    expect((await as('bureau', 'POST', `/api/benefits/payouts/${taibaoPayout}/actions`, { action: 'confirm' })).statusCode).toBe(403);
    expect((await as('auditor', 'POST', `/api/benefits/payouts/${taibaoPayout}/actions`, { action: 'exclude', reason: '测试' })).statusCode).toBe(403);
    expect((await as('taibao', 'POST', `/api/benefits/payouts/${taibaoPayout}/actions`, { action: 'confirm' })).statusCode).toBe(403);
    expect((await as('bureau', 'POST', '/api/benefits/payouts/confirm-run', { runId: 5000, expectedCount: 2, expectedTotalFen: 1 })).statusCode).toBe(403);
    const ok = await as('caizheng', 'POST', `/api/benefits/payouts/${taibaoPayout}/actions`, { action: 'confirm' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'notified' });
  });

  it('shows payouts to their department, the bureau and the auditor, and to no other department', async () => {
    const other = (await as('shuiwu', 'GET', '/api/benefits/payouts?runId=5000')).json() as { items: unknown[] };
    expect(other.items).toEqual([]);
    expect((await as('shuiwu', 'GET', `/api/benefits/payouts/${taibaoPayout}`)).statusCode).toBe(404);
    for (const reader of ['bureau', 'auditor', 'caizheng']) {
      const res = await as(reader, 'GET', '/api/benefits/payouts?runId=5000');
      expect(res.statusCode).toBe(200);
      expect((res.json() as { items: unknown[] }).items).toHaveLength(2);
    }
    expect((await as('auditor', 'GET', '/api/benefits/statistics')).statusCode).toBe(200);
    expect((await as('taibao', 'GET', '/api/benefits/payouts')).statusCode).toBe(403);
    expect((await as('taibao', 'GET', '/api/benefits/statistics')).statusCode).toBe(403);
    expect((await as('bank', 'GET', '/api/benefits/payouts')).statusCode).toBe(403);
  });

  it('gives a person only their own confirmed payouts', async () => {
    const mine = (await as('taibao', 'GET', '/api/benefits/my')).json() as { items: { id: number }[] };
    expect(mine.items.map((p) => p.id)).toContain(taibaoPayout);
    expect((await as('taibao', 'GET', `/api/benefits/my/${otherPayout}`)).statusCode).toBe(404);
    // A company user without this subject's document sees nothing of it.
    expect(((await as('qiye', 'GET', '/api/benefits/my')).json() as { items: unknown[] }).items).toEqual([]);
    expect((await as('qiye', 'GET', `/api/benefits/my/${taibaoPayout}`)).statusCode).toBe(404);
    expect((await as('caizheng', 'GET', '/api/benefits/my')).statusCode).toBe(403);
    const body = { ...DEMO_TAIBAO_ACCOUNT, consentVersion: CONSENT_VERSION, agree: true };
    expect((await as('caizheng', 'POST', `/api/benefits/my/${taibaoPayout}/authorise`, body)).statusCode).toBe(403);
    expect((await as('taibao', 'POST', `/api/benefits/my/${taibaoPayout}/authorise`, body)).statusCode).toBe(200);
  });

  it('lets only the funding department build batches, download their files and import results', async () => {
    expect((await as('shuiwu', 'POST', '/api/benefits/payment-batches', { policyKey: 'tw-iit-subsidy' })).statusCode).toBe(409);
    expect((await as('bureau', 'POST', '/api/benefits/payment-batches', { policyKey: 'tw-iit-subsidy' })).statusCode).toBe(403);
    const created = await as('caizheng', 'POST', '/api/benefits/payment-batches', { policyKey: 'tw-iit-subsidy' });
    expect(created.statusCode).toBe(201);
    batchId = (created.json() as { id: number }).id;
    for (const who of ['shuiwu', 'bureau', 'auditor', 'taibao']) expect([403, 404]).toContain((await as(who, 'GET', `/api/benefits/payment-batches/${batchId}/file`)).statusCode);
    expect((await as('caizheng', 'GET', `/api/benefits/payment-batches/${batchId}/file`)).statusCode).toBe(200);
    const upload = multipart('results.csv', 'lineNo,status\r\n1,paid\r\n');
    for (const who of ['shuiwu', 'auditor', 'taibao'])
      expect([403, 404]).toContain((await app().inject({ method: 'POST', url: `/api/benefits/payment-batches/${batchId}/results`, headers: { ...sessions[who]!.headers, ...upload.headers }, payload: upload.payload })).statusCode);
    // The bureau and auditor may look at a batch without its account numbers.
    expect((await as('auditor', 'GET', `/api/benefits/payment-batches/${batchId}`)).statusCode).toBe(200);
    expect((await as('shuiwu', 'GET', `/api/benefits/payment-batches/${batchId}`)).statusCode).toBe(404);
  });
});
