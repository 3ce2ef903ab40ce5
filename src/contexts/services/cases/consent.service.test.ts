import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { loadConfig } from '../../../config.ts';
import { buildHttp, type HttpApp } from '../../../http/server.ts';
import { registerIdentityRoutes } from '../../identity/index.ts';
import { registerCaseRoutes } from './cases.routes.ts';
import type { ConsentDto } from './consent.service.ts';
import { caseWorld, failure, type CaseWorld } from './test-fixture.ts';

const ITEM = 'TW-TEST-001';
const DAY_MS = 86_400_000;
const GRANTED = '2026-03-02T02:00:00.000Z';
const plusDays = (iso: string, days: number, ms = 0) => new Date(Date.parse(iso) + days * DAY_MS + ms).toISOString();

describeEachDialect('prefill consent validity', (db) => {
  let w: CaseWorld;
  let http: HttpApp;
  let thirtyDays: ConsentDto;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-consent-http-'));

  beforeAll(async () => {
    // Monday 2 March 2026, 10:00 Beijing time.
    w = await caseWorld(db(), { now: GRANTED });
    http = await buildHttp({
      config: loadConfig({ NODE_ENV: 'test', LANDAO_DATA_DIR: dataDir, LANDAO_LOG_LEVEL: 'silent' }),
      resolver: w.identity,
      db: db().db,
      health: async () => ({ dialect: db().dialect, version: 'test' }),
      routes: [registerIdentityRoutes(w.identity, { secureCookies: false }), registerCaseRoutes(w.cases)],
    });
    await http.ready();
  });
  afterAll(async () => {
    await http.close();
    w.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function consentedAudit(consentId: number): Promise<unknown> {
    const rows = (await db().db.selectFrom('audit_events').select(['action', 'entity_id', 'detail']).execute()) as { action: string; entity_id: string; detail: string }[];
    const row = rows.find((r) => r.action === 'services.prefill.consented' && String(r.entity_id) === String(consentId));
    return row && (JSON.parse(row.detail) as unknown);
  }

  async function login(username: string): Promise<Record<string, string>> {
    const res = await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Test@2026-pass' } });
    expect(res.statusCode).toBe(200);
    const raw = res.headers['set-cookie'];
    const cookie = (Array.isArray(raw) ? raw[0]! : raw!).split(';')[0]!;
    return { cookie, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
  }

  it('sets expiresAt 30 days after the grant when the citizen consents for 30 days, and records validDays and expiresAt in the audit event', async () => {
    thirtyDays = await w.cases.consentToPrefill(w.as('taibao'), ITEM, 30);
    expect(thirtyDays).toMatchObject({ grantedAt: GRANTED, expiresAt: '2026-04-01T02:00:00.000Z', status: 'active', active: true, revokedAt: null });
    expect(await consentedAudit(thirtyDays.id)).toMatchObject({ itemCode: ITEM, validDays: 30, expiresAt: '2026-04-01T02:00:00.000Z' });
    expect((await w.cases.prefillConsentState(w.as('taibao'), ITEM)).consent).toMatchObject({ id: thirtyDays.id, status: 'active' });
  });

  it('covers prefill until its expiry and from then on answers 409 consent_required, shows the consent expired, and lets the citizen consent anew', async () => {
    w.setNow(plusDays(GRANTED, 30, -1));
    expect((await w.cases.prefillFor(w.as('taibao'), ITEM)).maritalStatus).toMatchObject({ value: '已婚' });

    w.setNow(thirtyDays.expiresAt);
    const before = w.lookups.length;
    const e = await failure(w.cases.prefillFor(w.as('taibao'), ITEM));
    expect([e.code, e.status]).toEqual(['consent_required', 409]);
    expect(w.lookups.length).toBe(before);
    expect((await w.cases.prefillConsentState(w.as('taibao'), ITEM)).consent).toBeNull();
    const [expired] = await w.cases.myPrefillConsents(w.as('taibao'));
    expect(expired).toMatchObject({ id: thirtyDays.id, status: 'expired', active: false, revokedAt: null, expiresAt: '2026-04-01T02:00:00.000Z' });

    const anew = await w.cases.consentToPrefill(w.as('taibao'), ITEM, 90);
    expect(anew).toMatchObject({ grantedAt: thirtyDays.expiresAt, expiresAt: plusDays(thirtyDays.expiresAt, 90), status: 'active' });
    expect((await w.cases.prefillFor(w.as('taibao'), ITEM)).maritalStatus).toMatchObject({ value: '已婚' });
    expect(w.lookups.at(-1)).toMatchObject({ consentId: anew.id });
  });

  it('refuses to revoke an expired consent with 409 illegal_transition and records no revocation', async () => {
    const e = await failure(w.cases.revokePrefillConsent(w.as('taibao'), thirtyDays.id, '过期了'));
    expect([e.code, e.status]).toEqual(['illegal_transition', 409]);
    expect(e.details).toEqual({ action: 'revoke', state: 'expired', allowedActions: [] });
    const mine = await w.cases.myPrefillConsents(w.as('taibao'));
    expect(mine.find((c) => c.id === thirtyDays.id)).toMatchObject({ status: 'expired', revokedAt: null, revokeReason: null });
    const audit = (await db().db.selectFrom('audit_events').select(['action', 'entity_id']).execute()) as { action: string; entity_id: string }[];
    expect(audit.filter((a) => a.action === 'services.prefill.consent_revoked' && String(a.entity_id) === String(thirtyDays.id))).toEqual([]);
  });

  it('counts a consent stored without expires_at (written before consents expired) as valid for 365 days from its grant', async () => {
    w.setNow(GRANTED);
    const legacy = await w.cases.consentToPrefill(w.as('other'), ITEM, 30);
    await db().db.updateTable('services_prefill_consents').set({ expires_at: null }).where('id', '=', legacy.id).execute();
    const [shown] = await w.cases.myPrefillConsents(w.as('other'));
    expect(shown).toMatchObject({ id: legacy.id, grantedAt: GRANTED, expiresAt: '2027-03-02T02:00:00.000Z', status: 'active' });

    w.setNow(plusDays(GRANTED, 365, -1));
    expect((await w.cases.prefillConsentState(w.as('other'), ITEM)).consent).toMatchObject({ id: legacy.id, status: 'active' });
    await w.cases.prefillFor(w.as('other'), ITEM);
    expect(w.lookups.at(-1)).toMatchObject({ consentId: legacy.id });

    w.setNow(plusDays(GRANTED, 365));
    expect(await failure(w.cases.prefillFor(w.as('other'), ITEM))).toMatchObject({ code: 'consent_required', status: 409 });
    expect((await w.cases.myPrefillConsents(w.as('other')))[0]).toMatchObject({ id: legacy.id, status: 'expired', active: false });
    expect(await failure(w.cases.revokePrefillConsent(w.as('other'), legacy.id))).toMatchObject({ code: 'illegal_transition', details: { state: 'expired' } });
  });

  it('takes validDays 30, 90 or 365 over HTTP (365 without a body) and answers anything else with 400 validation_failed naming the field', async () => {
    w.setNow(GRANTED);
    const citizen = await login('taibao');
    const url = `/api/services/items/${ITEM}/prefill/consent`;
    for (const validDays of [7, 0, 366, '30', null, 30.5]) {
      const res = await http.inject({ method: 'POST', url, headers: citizen, payload: { validDays } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'body.validDays' }] });
    }
    const taibao = await login('taibao');
    const ninety = await http.inject({ method: 'POST', url, headers: taibao, payload: { validDays: 90 } });
    expect(ninety.statusCode, ninety.body).toBe(201);
    expect(ninety.json()).toMatchObject({ grantedAt: GRANTED, expiresAt: plusDays(GRANTED, 90), status: 'active' });
    const unchosen = await http.inject({ method: 'POST', url, headers: taibao });
    expect(unchosen.statusCode, unchosen.body).toBe(201);
    expect(unchosen.json()).toMatchObject({ expiresAt: plusDays(GRANTED, 365), status: 'active' });
    const empty = await http.inject({ method: 'POST', url, headers: taibao, payload: {} });
    expect(empty.json()).toMatchObject({ expiresAt: plusDays(GRANTED, 365) });
    expect(await consentedAudit(unchosen.json().id as number)).toMatchObject({ validDays: 365, expiresAt: plusDays(GRANTED, 365) });
  });
});
