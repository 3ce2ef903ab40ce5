import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeApp } from './helpers/app.ts';

describeApp('Idempotency-Key on POST', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);

  it('creates one token for a double-submitted request and replays the first answer', async () => {
    const s = await get().login('shenpi-admin');
    const org = (await inject({ method: 'GET', url: '/api/auth/session', headers: s.headers })).json().user.org.id;
    const req = { method: 'POST' as const, url: '/api/identity/tokens', headers: { ...s.headers, 'idempotency-key': 'double-click-0001' }, payload: { orgId: org, name: '税务对接', scopes: ['identity.users:read'] } };
    const [a, b] = [await inject(req), await inject(req)];
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    const created = (await get().platform.audit.list({ action: 'identity.token.created', limit: 50 })).filter((e) => e.detail.name === '税务对接');
    expect(created).toHaveLength(1);
  });

  it('refuses the same key with a different body', async () => {
    const s = await get().login('shenpi-admin');
    const org = (await inject({ method: 'GET', url: '/api/auth/session', headers: s.headers })).json().user.org.id;
    const base = { method: 'POST' as const, url: '/api/identity/tokens', headers: { ...s.headers, 'idempotency-key': 'reused-key-0002' } };
    expect((await inject({ ...base, payload: { orgId: org, name: 'A', scopes: ['identity.users:read'] } })).statusCode).toBe(201);
    const other = await inject({ ...base, payload: { orgId: org, name: 'B', scopes: ['identity.users:read'] } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toMatch(/different request/);
  });

  it('does not share keys between callers', async () => {
    const a = await get().login('admin');
    const b = await get().login('shenpi-admin');
    const orgB = (await inject({ method: 'GET', url: '/api/auth/session', headers: b.headers })).json().user.org.id;
    const payload = { orgId: orgB, name: 'same', scopes: ['identity.users:read'] };
    const ra = await inject({ method: 'POST', url: '/api/identity/tokens', headers: { ...a.headers, 'idempotency-key': 'shared-key-0003' }, payload });
    const rb = await inject({ method: 'POST', url: '/api/identity/tokens', headers: { ...b.headers, 'idempotency-key': 'shared-key-0003' }, payload });
    expect(ra.statusCode).toBe(201);
    expect(rb.statusCode).toBe(201);
    expect(rb.headers['idempotent-replayed']).toBeUndefined();
    expect(rb.json().id).not.toBe(ra.json().id);
  });
});
