import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeApp, DEMO_PASSWORD } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { demoIdNumber } from '../catalog/index.ts';
import { approvedMarriageGrant, datasetId, lookup, MARRIAGES, marriageRequest, PURPOSE } from './test-support.ts';

describeApp('exchange routes by role', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);
  const as = async (who: string) => (await get().login(who)).headers;
  let marriages: number;

  beforeAll(async () => {
    const app = get();
    marriages = await datasetId(app, await app.login('shenpi'), MARRIAGES);
    const shsy = (await app.platform.identity.orgByCode('PT-SHSY'))!.id;
    await app.platform.identity.createUser(SYSTEM_ACTOR, null, { orgId: shsy, username: 'shsy-admin', displayName: '社会事业局管理员', kind: 'officer', password: DEMO_PASSWORD, roles: ['dept-admin'] });
  });

  const request = async (who: string) => inject({ method: 'POST', url: '/api/exchange/grants', headers: await as(who), payload: marriageRequest(marriages) });

  it('refuses the exchange to anonymous callers, citizens, enterprises and banks', async () => {
    expect((await inject({ method: 'GET', url: '/api/exchange/grants' })).statusCode).toBe(401);
    expect((await inject({ method: 'POST', url: '/api/exchange/grants', payload: marriageRequest(marriages) })).statusCode).toBe(401);
    for (const who of ['taibao', 'qiye', 'bank']) {
      expect((await request(who)).statusCode, who).toBe(403);
      expect((await inject({ method: 'GET', url: '/api/exchange/grants', headers: await as(who) })).statusCode, who).toBe(403);
      expect((await inject({ method: 'GET', url: '/api/exchange/usage', headers: await as(who) })).statusCode, who).toBe(403);
    }
  });

  it('lets department officers and admins request data (exchange:request), but not the bureau or the auditor', async () => {
    expect((await request('shenpi')).statusCode).toBe(201);
    expect((await request('shenpi-admin')).statusCode).toBe(201);
    expect((await request('bureau')).statusCode).toBe(403);
    expect((await request('auditor')).statusCode).toBe(403);
  });

  it('lets only the owning department approve or reject (exchange:approve), officer or admin', async () => {
    const a = (await request('shenpi')).json().grant.id as number;
    const b = (await request('shenpi')).json().grant.id as number;
    const approve = async (who: string, id: number) => (await inject({ method: 'POST', url: `/api/exchange/grants/${id}/approve`, headers: await as(who), payload: {} })).statusCode;
    expect(await approve('shenpi', a)).toBe(403);
    expect(await approve('shenpi-admin', a)).toBe(403);
    expect(await approve('bureau', a)).toBe(403);
    expect(await approve('auditor', a)).toBe(403);
    expect(await approve('shuiwu', a)).toBe(404);
    expect(await approve('shsy-admin', a)).toBe(200);
    const reject = await inject({ method: 'POST', url: `/api/exchange/grants/${b}/reject`, headers: await as('minzheng'), payload: { reason: '用途不明确' } });
    expect(reject.statusCode).toBe(200);
    expect(reject.json().state).toBe('rejected');
  });

  it('gives the credential only to the consumer department', async () => {
    const id = (await request('shenpi')).json().grant.id as number;
    await inject({ method: 'POST', url: `/api/exchange/grants/${id}/approve`, headers: await as('minzheng'), payload: {} });
    const collect = async (who: string) => (await inject({ method: 'POST', url: `/api/exchange/grants/${id}/credential`, headers: await as(who) })).statusCode;
    expect(await collect('minzheng')).toBe(403);
    expect(await collect('bureau')).toBe(403);
    expect(await collect('shuiwu')).toBe(404);
    expect(await collect('shenpi-admin')).toBe(201);
  });

  it('lets either side or the bureau revoke, but not the auditor or a third department', async () => {
    const revoke = async (who: string, id: number) => (await inject({ method: 'POST', url: `/api/exchange/grants/${id}/revoke`, headers: await as(who), payload: { reason: '不再需要' } })).statusCode;
    for (const who of ['shenpi', 'minzheng', 'bureau']) {
      const id = (await request('shenpi')).json().grant.id as number;
      expect(await revoke('auditor', id), 'auditor').toBe(403);
      expect(await revoke('shuiwu', id), 'shuiwu').toBe(404);
      expect(await revoke(who, id), who).toBe(200);
    }
  });

  it('shows grants to both sides and to the bureau and auditor (exchange:read:all), not to others', async () => {
    // The marriage records' grants (the demo's prefill grant for the company registry is 行政审批局's and 市场监管局's).
    const ids = async (who: string) => ((await inject({ method: 'GET', url: `/api/exchange/grants?pageSize=200&datasetId=${marriages}`, headers: await as(who) })).json().items as { id: number }[]).map((g) => g.id);
    const consumer = await ids('shenpi');
    expect(consumer.length).toBeGreaterThan(5);
    expect(await ids('minzheng')).toEqual(consumer);
    expect(await ids('bureau')).toEqual(consumer);
    expect(await ids('auditor')).toEqual(consumer);
    expect(await ids('shuiwu')).toEqual([]);
    expect((await inject({ method: 'GET', url: `/api/exchange/grants/${consumer[0]}`, headers: await as('shuiwu') })).statusCode).toBe(404);
  });

  it('shows a lookup’s evidence to both sides, the bureau and its credential, not to others', async () => {
    const app = get();
    const grant = await approvedMarriageGrant(app);
    const other = await approvedMarriageGrant(app);
    const res = await lookup(app, grant.credential, { datasetId: grant.datasetId, key: demoIdNumber(1), purpose: PURPOSE });
    const url = `/api/exchange/evidence/${res.json().evidence.txId}`;
    for (const who of ['shenpi', 'minzheng', 'bureau', 'auditor']) expect((await inject({ method: 'GET', url, headers: await as(who) })).statusCode, who).toBe(202);
    expect((await inject({ method: 'GET', url, headers: await as('shuiwu') })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url, headers: await as('qiye') })).statusCode).toBe(403);
    expect((await inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await inject({ method: 'GET', url, headers: { 'x-exchange-credential': grant.credential } })).statusCode).toBe(202);
    expect((await inject({ method: 'GET', url, headers: { 'x-exchange-credential': other.credential } })).statusCode).toBe(404);
  });
});
