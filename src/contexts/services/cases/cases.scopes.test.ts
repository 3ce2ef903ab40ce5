import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { loadConfig } from '../../../config.ts';
import { buildHttp, type HttpApp } from '../../../http/server.ts';
import { registerIdentityRoutes } from '../../identity/index.ts';
import { registerCaseRoutes } from './cases.routes.ts';
import type { CaseDto } from './cases.service.ts';
import { caseWorld, failure, type CaseWorld } from './test-fixture.ts';

const form = { name: '李志明', phone: '13905910000', employer: '平潭岚岛科技有限公司' };
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');

describeEachDialect('cases scopes', (db) => {
  let w: CaseWorld;
  let http: HttpApp;
  let standard: CaseDto;
  let court: CaseDto;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-cases-http-'));

  beforeAll(async () => {
    w = await caseWorld(db(), { now: '2026-03-02T02:00:00.000Z' });
    http = await buildHttp({
      config: loadConfig({ NODE_ENV: 'test', LANDAO_DATA_DIR: dataDir, LANDAO_LOG_LEVEL: 'silent' }),
      resolver: w.identity,
      db: db().db,
      health: async () => ({ dialect: db().dialect, version: 'test' }),
      routes: [registerIdentityRoutes(w.identity, { secureCookies: false }), registerCaseRoutes(w.cases)],
    });
    await http.ready();
    standard = await w.cases.submit(w.as('taibao'), { itemCode: 'TW-TEST-001', form });
    court = await w.cases.submit(w.as('taibao'), { itemCode: 'YJS-TEST-CA', form: { caseNo: '(2026)闽0128执9号' } });
    for (const kind of ['execution_ruling', 'assistance_notice']) await w.cases.addAttachment(w.as('fayuan'), court.id, kind, { filename: `${kind}.pdf`, file: Readable.from([PDF]) });
    await w.cases.act(w.as('fayuan'), court.id, { action: 'send', taskId: 'fy_delivery' });
  });
  afterAll(async () => {
    await http.close();
    w.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function login(username: string): Promise<Record<string, string>> {
    const res = await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Test@2026-pass' } });
    expect(res.statusCode).toBe(200);
    const raw = res.headers['set-cookie'];
    const cookie = (Array.isArray(raw) ? raw[0]! : raw!).split(';')[0]!;
    return { cookie, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
  }

  it('lets citizens apply and nobody else', async () => {
    for (const u of ['shenpi', 'bureau', 'auditor']) expect((await failure(w.cases.submit(w.as(u), { itemCode: 'TW-TEST-001', form }))).status).toBe(403);
  });

  it('shows a case to its applicant, to departments holding its tasks and to :all scopes, and to nobody else', async () => {
    expect((await w.cases.getCase(w.as('taibao'), standard.id)).number).toBe(standard.number);
    expect((await w.cases.getCase(w.as('shenpi'), standard.id)).allowedActions.map((a) => a.action)).toEqual(['accept', 'request_correction', 'reject', 'hand_over']);
    expect((await w.cases.getCase(w.as('bureau'), standard.id)).allowedActions).toEqual([]);
    expect((await w.cases.getCase(w.as('auditor'), standard.id)).number).toBe(standard.number);
    for (const u of ['shuiwu', 'budongchan', 'other']) expect((await failure(w.cases.getCase(w.as(u), standard.id))).status).toBe(404);
    expect((await w.cases.getCase(w.as('budongchan'), court.id)).allowedActions.map((a) => a.action)).toEqual(['approve', 'reject', 'hand_over']);
  });

  it('refuses an officer of another department: 404 when the case is not theirs to see, 403 on a task another department holds', async () => {
    expect((await failure(w.cases.act(w.as('shuiwu'), standard.id, { action: 'accept', taskId: 'acceptance' }))).status).toBe(404);
    // The court handled this case, so it sees it, but the registry's task is not the court's.
    const e = await failure(w.cases.act(w.as('fayuan'), court.id, { action: 'approve', taskId: 'bdc_transfer' }));
    expect(e.status).toBe(403);
    expect((await failure(w.cases.act(w.as('bureau'), standard.id, { action: 'accept', taskId: 'acceptance' }))).status).toBe(403);
  });

  it('keeps applicant actions to the applicant and officer actions to officers', async () => {
    expect((await failure(w.cases.act(w.as('shenpi'), standard.id, { action: 'withdraw' }))).status).toBe(403);
    expect((await failure(w.cases.act(w.as('taibao'), standard.id, { action: 'accept', taskId: 'acceptance' }))).status).toBe(403);
    expect((await failure(w.cases.act(w.as('other'), standard.id, { action: 'withdraw' }))).status).toBe(404);
  });

  it('gives the inbox to officers only, each their own department', async () => {
    expect((await failure(w.cases.inbox(w.as('taibao'), {}))).status).toBe(403);
    expect((await w.cases.inbox(w.as('shenpi'), {})).items.map((i) => i.case.number)).toEqual([standard.number]);
    expect((await w.cases.inbox(w.as('shuiwu'), {})).items.map((i) => i.case.number)).toEqual([court.number]);
    expect((await w.cases.inbox(w.as('gongan'), {})).items).toEqual([]);
  });

  it('gives statistics and the overdue list to :all scopes whole, to officers for their department, to citizens not at all', async () => {
    expect((await failure(w.cases.statistics(w.as('taibao'), { from: '2026-03-01', to: '2026-03-31' }))).status).toBe(403);
    expect((await failure(w.cases.overdue(w.as('taibao'), {}))).status).toBe(403);
    const all = await w.cases.statistics(w.as('auditor'), { from: '2026-03-01', to: '2026-03-31' });
    expect(all.departments.map((d) => d.department.code).sort()).toEqual(['PT-FY', 'PT-XZSP']);
    const own = await w.cases.statistics(w.as('fayuan'), { from: '2026-03-01', to: '2026-03-31' });
    expect(own.departments.map((d) => d.department.code)).toEqual(['PT-FY']);
  });

  it('keeps prefill consents to the citizen: officers cannot consent or list, anonymous callers are 401, another citizen cannot revoke', async () => {
    for (const u of ['shenpi', 'bureau', 'auditor']) {
      expect((await failure(w.cases.consentToPrefill(w.as(u), 'TW-TEST-001'))).status).toBe(403);
      expect((await failure(w.cases.myPrefillConsents(w.as(u)))).status).toBe(403);
    }
    expect((await http.inject({ method: 'GET', url: '/api/services/my/prefill-consents' })).statusCode).toBe(401);
    expect((await http.inject({ method: 'GET', url: '/api/services/items/TW-TEST-001/prefill/consent' })).statusCode).toBe(401);
    const officer = await login('shenpi');
    expect((await http.inject({ method: 'POST', url: '/api/services/items/TW-TEST-001/prefill/consent', headers: officer })).statusCode).toBe(403);
    const citizen = await login('taibao');
    const consent = await http.inject({ method: 'POST', url: '/api/services/items/TW-TEST-001/prefill/consent', headers: citizen });
    expect(consent.statusCode).toBe(201);
    const other = await login('other');
    expect((await http.inject({ method: 'POST', url: `/api/services/prefill-consents/${consent.json().id}/revoke`, headers: other, payload: {} })).statusCode).toBe(404);
    expect((await http.inject({ method: 'GET', url: '/api/services/my/prefill-consents', headers: other })).json()).toEqual({ items: [] });
    const mine = await http.inject({ method: 'GET', url: '/api/services/my/prefill-consents', headers: citizen });
    expect((mine.json().items as { id: number }[]).map((c) => c.id)).toEqual([consent.json().id]);
  });

  it('creates one case for a double submit with the same Idempotency-Key, over HTTP', async () => {
    const headers = { ...(await login('other')), 'idempotency-key': 'double-click-0001' };
    const payload = { itemCode: 'TW-TEST-001', form: { ...form, name: '王强' } };
    const a = await http.inject({ method: 'POST', url: '/api/services/cases', headers, payload });
    const b = await http.inject({ method: 'POST', url: '/api/services/cases', headers, payload });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().number).toBe(a.json().number);
    const mine = await http.inject({ method: 'GET', url: '/api/services/my/cases', headers });
    expect((mine.json() as { items: { number: string }[] }).items.map((i) => i.number)).toEqual([a.json().number]);
  });

  it('answers an illegal action over HTTP with 409 and the allowed actions, and a bad form with one entry per field', async () => {
    const officer = await login('shenpi');
    const res = await http.inject({ method: 'POST', url: `/api/services/cases/${standard.id}/actions`, headers: officer, payload: { action: 'approve', taskId: 'review' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'illegal_transition', details: { allowedActions: ['accept', 'request_correction', 'reject', 'hand_over'] } });
    const citizen = await login('taibao');
    const bad = await http.inject({ method: 'POST', url: '/api/services/cases', headers: citizen, payload: { itemCode: 'TW-TEST-001', form: { phone: 'abc' } } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['form.employer', 'form.name', 'form.phone']);
    const gone = await http.inject({ method: 'GET', url: `/api/services/cases/${standard.id}`, headers: await login('shuiwu') });
    expect(gone.statusCode).toBe(404);
  });
});
