import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';

describeApp('identity and audit routes by role', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);

  it('refuses every listing to an anonymous caller with 401', async () => {
    for (const url of ['/api/identity/users', '/api/identity/orgs', '/api/audit/events', '/api/audit/verify']) {
      const res = await inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('shows a department officer only the users of their own department', async () => {
    const s = await get().login('shenpi');
    const res = await inject({ method: 'GET', url: '/api/identity/users', headers: s.headers });
    expect(res.statusCode).toBe(200);
    const orgs = new Set(res.json().items.map((u: { org: { code: string } }) => u.org.code));
    expect([...orgs]).toEqual(['PT-XZSP']);
  });

  it('forbids a department officer from asking for another department’s users', async () => {
    const s = await get().login('shenpi');
    const orgs = (await inject({ method: 'GET', url: '/api/identity/orgs', headers: s.headers })).json().items as { id: number; code: string }[];
    const tax = orgs.find((o) => o.code === 'PT-SW')!;
    const res = await inject({ method: 'GET', url: `/api/identity/users?orgId=${tax.id}`, headers: s.headers });
    expect(res.statusCode).toBe(403);
  });

  it('lets a bureau officer list users of every department', async () => {
    const s = await get().login('bureau');
    const res = await inject({ method: 'GET', url: '/api/identity/users?pageSize=100', headers: s.headers });
    const orgs = new Set(res.json().items.map((u: { org: { code: string } | null }) => u.org?.code));
    expect(orgs.has('PT-XZSP') && orgs.has('PT-SW') && orgs.has('PT-BDB')).toBe(true);
  });

  it('keeps the audit trail from department officers, citizens and banks', async () => {
    for (const who of ['shenpi', 'taibao', 'bank', 'qiye']) {
      const s = await get().login(who);
      const res = await inject({ method: 'GET', url: '/api/audit/events', headers: s.headers });
      expect(res.statusCode, who).toBe(403);
    }
  });

  it('lets the auditor read every event and verify the chain, but a bureau officer only reads own-bureau events', async () => {
    const a = await get().login('auditor');
    const all = (await inject({ method: 'GET', url: '/api/audit/events?limit=500', headers: a.headers })).json().items as { actor: { orgId: number | null } }[];
    expect(new Set(all.map((e) => e.actor.orgId)).size).toBeGreaterThan(1);
    const v = await inject({ method: 'GET', url: '/api/audit/verify', headers: a.headers });
    expect(v.json().ok).toBe(true);

    const b = await get().login('bureau');
    const own = (await inject({ method: 'GET', url: '/api/audit/events?limit=500', headers: b.headers })).json().items as { actor: { orgId: number | null } }[];
    const bureauOrg = all.find((e) => e.actor.orgId !== null)?.actor.orgId;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.actor.orgId === bureauOrg)).toBe(true);
    expect((await inject({ method: 'GET', url: '/api/audit/verify', headers: b.headers })).statusCode).toBe(403);
  });

  it('lets a department admin create users in their own department only, and never an auditor', async () => {
    const s = await get().login('shenpi-admin');
    const orgs = (await inject({ method: 'GET', url: '/api/identity/orgs', headers: s.headers })).json().items as { id: number; code: string }[];
    const own = orgs.find((o) => o.code === 'PT-XZSP')!.id;
    const other = orgs.find((o) => o.code === 'PT-SW')!.id;
    const body = { username: 'new-officer', displayName: '新同事', kind: 'officer', password: 'long-enough-1', roles: ['dept-officer'] };
    expect((await inject({ method: 'POST', url: '/api/identity/users', headers: s.headers, payload: { ...body, orgId: own } })).statusCode).toBe(201);
    expect((await inject({ method: 'POST', url: '/api/identity/users', headers: s.headers, payload: { ...body, username: 'x-other', orgId: other } })).statusCode).toBe(403);
    expect((await inject({ method: 'POST', url: '/api/identity/users', headers: s.headers, payload: { ...body, username: 'x-aud', orgId: own, roles: ['auditor'] } })).statusCode).toBe(403);
    const officer = await get().login('shenpi');
    expect((await inject({ method: 'POST', url: '/api/identity/users', headers: officer.headers, payload: { ...body, username: 'x-off', orgId: own } })).statusCode).toBe(403);
  });

  it('accepts an API token for its scopes only and stops accepting it once revoked', async () => {
    const s = await get().login('shenpi-admin');
    const me = (await inject({ method: 'GET', url: '/api/auth/session', headers: s.headers })).json().user;
    const created = await inject({ method: 'POST', url: '/api/identity/tokens', headers: s.headers, payload: { orgId: me.org.id, name: '审批系统对接', scopes: ['identity.users:read'] } });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const users = await inject({ method: 'GET', url: '/api/identity/users', headers: bearer });
    expect(users.statusCode).toBe(200);
    expect(users.json().items.every((u: { org: { code: string } }) => u.org.code === 'PT-XZSP')).toBe(true);
    expect((await inject({ method: 'GET', url: '/api/audit/events', headers: bearer })).statusCode).toBe(403);
    const escalate = await inject({ method: 'POST', url: '/api/identity/tokens', headers: s.headers, payload: { orgId: me.org.id, name: 'x', scopes: ['audit:read'] } });
    expect(escalate.statusCode).toBe(403);
    await inject({ method: 'DELETE', url: `/api/identity/tokens/${created.json().id}`, headers: s.headers });
    expect((await inject({ method: 'GET', url: '/api/identity/users', headers: bearer })).statusCode).toBe(401);
  });
});
