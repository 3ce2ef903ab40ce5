import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { loadConfig } from '../../../config.ts';
import { buildHttp, type HttpApp } from '../../../http/server.ts';
import { loadCalendar } from '../../../kernel/calendar/calendar.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import { AuditService } from '../../audit/index.ts';
import { DEMO_PASSWORD, IdentityService, registerIdentityRoutes, seedIdentityDemo } from '../../identity/index.ts';
import { JobQueue } from '../../jobs/index.ts';
import type { CaseSnapshot } from '../notifications/case-events.ts';
import { registerNotificationRoutes } from '../notifications/notifications.routes.ts';
import { NotificationService } from '../notifications/notifications.service.ts';
import { registerRatingRoutes } from './ratings.routes.ts';
import { RatingService } from './ratings.service.ts';

/*
 * 好差评 and notifications over HTTP with the demo roles (real sessions, real scopes from roles.ts);
 * cases come from a CaseLookup over an in-memory map, since the port is all ratings see of cases.
 */
describeEachDialect('ratings and notifications by role', (get) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-ratings-scopes-'));
  const cases = new Map<number, CaseSnapshot>();
  const headers = new Map<string, Record<string, string>>();
  const userIds = new Map<string, number>();
  let http: HttpApp;
  let jobs: JobQueue;
  let xzsp: number;

  beforeAll(async () => {
    const db = get().db;
    const audit = new AuditService(db, LocalKeySigner.generate());
    const identity = new IdentityService(db, audit, { passwordCost: 'fast' });
    await seedIdentityDemo(identity);
    xzsp = (await identity.orgByCode('PT-XZSP'))!.id;
    jobs = new JobQueue(db, { logger: { warn: () => undefined } });
    const officers = async (orgId: number) => (orgId === xzsp ? [userIds.get('shenpi')!] : []);
    const notifications = new NotificationService({ db, jobs, channels: [], directory: { recipient: async () => undefined, officersOf: officers } });
    notifications.registerJobs();
    const ratings = new RatingService({ db, audit, calendar: loadCalendar(), cases: async (id) => cases.get(id), notifications, departmentName: async (id) => identity.orgById(id) });
    http = await buildHttp({
      config: loadConfig({ NODE_ENV: 'test', LANDAO_DATA_DIR: dataDir, LANDAO_LOG_LEVEL: 'silent' }),
      resolver: identity,
      db,
      health: async () => ({ dialect: 'test', version: 'test' }),
      routes: [registerIdentityRoutes(identity, { secureCookies: false }), registerRatingRoutes(ratings), registerNotificationRoutes(notifications)],
    });
    await http.ready();
    for (const who of ['taibao', 'qiye', 'shenpi', 'shenpi-admin', 'shuiwu', 'bureau', 'auditor', 'bank']) {
      const res = await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: who, password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      const raw = res.headers['set-cookie'];
      const cookie = (Array.isArray(raw) ? raw[0]! : raw!).split(';')[0]!;
      headers.set(who, { cookie, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken });
      userIds.set(who, (res.json() as { user: { id: number } }).user.id);
    }
    const snapshot = (caseId: number, over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
      caseId,
      caseNo: `PT2026${String(caseId).padStart(6, '0')}`,
      itemCode: 'TW-RP-01',
      itemName: { 'zh-CN': '台湾居民居住证申领', 'zh-TW': '臺灣居民居住證申領', en: 'Residence permit' },
      applicantUserId: userIds.get('taibao')!,
      departmentIds: [xzsp],
      closed: true,
      outcome: 'approved',
      ...over,
    });
    cases.set(1, snapshot(1));
    cases.set(2, snapshot(2));
    cases.set(3, snapshot(3, { closed: false, outcome: null }));
  });
  afterAll(async () => {
    await http?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (who: string | null, opts: InjectOptions) => http.inject({ ...opts, headers: { ...(who ? headers.get(who) : {}), ...(opts.headers ?? {}) } });
  const rate = (who: string | null, caseId: number, level: number) =>
    call(who, { method: 'POST', url: `/api/services/ratings/cases/${caseId}`, payload: { level, indicators: { overall: level, efficiency: level, guideAccuracy: level, convenience: level, usability: level } } });

  it('shows the rating scale to anyone, and nothing else without a sign-in', async () => {
    const scale = await call(null, { method: 'GET', url: '/api/services/ratings/scale' });
    expect(scale.statusCode).toBe(200);
    expect(scale.json().levels[0]).toEqual({ level: 5, name: { 'zh-CN': '非常满意', 'zh-TW': '非常滿意', en: 'Very satisfied' } });
    expect((await rate(null, 1, 5)).statusCode).toBe(401);
    for (const url of ['/api/services/ratings/follow-ups', '/api/services/ratings/statistics', '/api/services/notifications', '/api/services/notifications/unread-count'])
      expect((await call(null, { method: 'GET', url })).statusCode, url).toBe(401);
  });

  it('lets only the applicant rate their closed case, once (services.cases:apply)', async () => {
    expect((await rate('shenpi', 1, 5)).statusCode).toBe(403);
    expect((await rate('bureau', 1, 5)).statusCode).toBe(403);
    expect((await rate('qiye', 1, 5)).statusCode).toBe(403);
    expect((await rate('bank', 1, 5)).statusCode).toBe(403);
    const notClosed = await rate('taibao', 3, 5);
    expect(notClosed.statusCode).toBe(409);
    expect(notClosed.json().error.details.reason).toBe('case_not_closed');
    expect((await rate('taibao', 1, 5)).statusCode).toBe(201);
    const again = await rate('taibao', 1, 4);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('already_rated');
    const bad = await call('taibao', { method: 'POST', url: '/api/services/ratings/cases/2', payload: { level: 6, indicators: {} } });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a case’s rating to its applicant, its department and the bureau, and to no one else', async () => {
    for (const who of ['taibao', 'shenpi', 'bureau', 'auditor']) expect((await call(who, { method: 'GET', url: '/api/services/ratings/cases/1' })).statusCode, who).toBe(200);
    for (const who of ['qiye', 'shuiwu']) expect((await call(who, { method: 'GET', url: '/api/services/ratings/cases/1' })).statusCode, who).toBe(404);
    expect((await call('bank', { method: 'GET', url: '/api/services/ratings/cases/1' })).statusCode).toBe(404);
  });

  it('lets the handling department answer a bad rating’s follow-up and the bureau close it (services.cases:handle, services.ratings:close:all)', async () => {
    expect((await rate('taibao', 2, 1)).statusCode).toBe(201);
    const mine = await call('shenpi', { method: 'GET', url: '/api/services/ratings/follow-ups' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    const id = mine.json().items[0].id as number;
    expect((await call('shuiwu', { method: 'GET', url: '/api/services/ratings/follow-ups' })).json().items).toEqual([]);
    expect((await call('shuiwu', { method: 'GET', url: `/api/services/ratings/follow-ups?departmentId=${xzsp}` })).statusCode).toBe(403);
    for (const who of ['taibao', 'qiye', 'bank']) expect((await call(who, { method: 'GET', url: '/api/services/ratings/follow-ups' })).statusCode, who).toBe(403);
    const answer = (who: string) => call(who, { method: 'POST', url: `/api/services/ratings/follow-ups/${id}/answer`, payload: { text: '已回访并整改' } });
    expect((await answer('shuiwu')).statusCode).toBe(404);
    expect((await answer('bureau')).statusCode).toBe(403);
    expect((await answer('taibao')).statusCode).toBe(403);
    expect((await answer('shenpi-admin')).statusCode).toBe(200);
    expect((await answer('shenpi')).statusCode).toBe(409);
    const close = (who: string) => call(who, { method: 'POST', url: `/api/services/ratings/follow-ups/${id}/close`, payload: {} });
    for (const who of ['shenpi', 'auditor', 'taibao']) expect((await close(who)).statusCode, who).toBe(403);
    expect((await close('qiye')).statusCode).toBe(404);
    expect((await close('bureau')).statusCode).toBe(200);
  });

  it('shows statistics to the bureau and auditor (services.statistics:read:all), a department its own, and no one else', async () => {
    for (const who of ['bureau', 'auditor']) {
      const res = await call(who, { method: 'GET', url: '/api/services/ratings/statistics' });
      expect(res.statusCode, who).toBe(200);
      expect(res.json().totals.count).toBe(2);
    }
    const own = await call('shuiwu', { method: 'GET', url: '/api/services/ratings/statistics' });
    expect(own.json().totals.count).toBe(0);
    for (const who of ['taibao', 'qiye', 'bank']) expect((await call(who, { method: 'GET', url: '/api/services/ratings/statistics' })).statusCode, who).toBe(403);
  });

  it('keeps each user’s notifications to themselves, in their language', async () => {
    const list = await call('taibao', { method: 'GET', url: '/api/services/notifications' });
    expect(list.statusCode).toBe(200);
    const answered = list.json().items[0];
    expect(answered).toMatchObject({ template: 'rating.followup_answered', title: '您的評價已有答覆' });
    expect((await call('taibao', { method: 'GET', url: '/api/services/notifications/unread-count' })).json()).toEqual({ unread: 1 });
    expect((await call('shenpi', { method: 'POST', url: `/api/services/notifications/${answered.id}/read` })).statusCode).toBe(404);
    expect((await call('taibao', { method: 'POST', url: `/api/services/notifications/${answered.id}/read` })).json()).toEqual({ unread: 0 });
    expect((await call('shenpi', { method: 'GET', url: '/api/services/notifications' })).json().items).toEqual([]);
    while ((await jobs.runOnce()) > 0);
    const officer = await call('shenpi', { method: 'GET', url: '/api/services/notifications?unread=true' });
    expect(officer.json().items.map((n: { template: string }) => n.template)).toEqual(['rating.followup_opened']);
    expect((await call('shenpi', { method: 'POST', url: '/api/services/notifications/read-all' })).json()).toEqual({ marked: 1 });
  });
});
