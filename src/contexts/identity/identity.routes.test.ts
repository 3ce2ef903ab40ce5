import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';

describeApp('sign-in, sessions and CSRF', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);

  it('signs in a demo officer and returns their organisation, roles and scopes', async () => {
    const s = await get().login('admin');
    const res = await inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(res.json().user).toMatchObject({ username: 'admin', org: { code: 'PT-BDB' }, roles: ['platform-admin'], scopes: ['*'] });
    expect(res.json().csrfToken).toBe(s.csrf);
  });

  it('gives the composition root the mobile number a user was created with, and nothing for an unknown user', async () => {
    const { identity } = get().platform;
    const u = await identity.createUser(SYSTEM_ACTOR, null, { orgId: null, username: 'contact-test', displayName: '联络测试', kind: 'citizen', password: 'Contact@2026', roles: ['citizen'], phone: '13800138000' });
    expect(await identity.contactOf(u.id)).toEqual({ phone: '13800138000' });
    expect(await identity.contactOf(999_999)).toBeUndefined();
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'taibao', password: 'Demo@2026' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.json().user.locale).toBe('zh-TW');
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const a = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong-password' } });
    const b = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong-password' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });

  it('locks an account for this address after five failures, even for the right password', async () => {
    const attempt = (password: string) =>
      inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bank', password }, remoteAddress: '203.0.113.9' });
    for (let i = 0; i < 5; i++) expect((await attempt('nope-nope')).statusCode).toBe(401);
    const locked = await attempt('Demo@2026');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_requests');
    expect(locked.headers['retry-after']).toBeDefined();
    // Another address is not locked out by someone else's guessing.
    const other = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bank', password: 'Demo@2026' }, remoteAddress: '203.0.113.10' });
    expect(other.statusCode).toBe(200);
  });

  it('refuses a state change that relies on the cookie but lacks the CSRF header', async () => {
    const s = await get().login('taibao');
    const without = await inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie: s.cookie }, payload: { locale: 'en' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrf.length) }, payload: { locale: 'en' } });
    expect(wrong.statusCode).toBe(403);
    const ok = await inject({ method: 'PATCH', url: '/api/auth/me', headers: s.headers, payload: { locale: 'en' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('en');
  });

  it('ends the session on logout', async () => {
    const s = await get().login('qiye');
    expect((await inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(200);
    const after = await inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(after.json().user).toBeNull();
  });

  it('records sign-ins and failures in the audit trail', async () => {
    const events = await get().platform.audit.list({ limit: 500 });
    const actions = new Set(events.map((e) => e.action));
    expect(actions.has('identity.session.created')).toBe(true);
    expect(actions.has('identity.login.failed')).toBe(true);
    expect(actions.has('identity.session.ended')).toBe(true);
  });
});
