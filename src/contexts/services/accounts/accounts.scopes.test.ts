import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';

const signup = {
  kind: 'taiwan_resident',
  idType: 'residence_permit',
  idNumber: '830000197805200031',
  name: '林建宏',
  phone: '0912345678',
  password: 'Secret@2026',
};

describeApp('service-hall accounts by role', (get) => {
  const inject = (o: Parameters<ReturnType<typeof get>['inject']>[0]) => get().inject(o);

  it('lets anyone sign up without an account, then sign in with the phone number', async () => {
    const res = await inject({ method: 'POST', url: '/api/public/services/signup', payload: signup });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: '0912345678', subjectKind: 'taiwan_resident', idMasked: '8300**********0031', phoneMasked: '091***5678', verification: { status: 'verified' } });
    const me = await inject({ method: 'GET', url: '/api/services/me/identity', headers: (await get().login('0912345678', 'Secret@2026')).headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().name).toBe('林建宏');
  });

  it('answers refusals with 400 and a reason per field, and 409 for a document already registered', async () => {
    const bad = await inject({ method: 'POST', url: '/api/public/services/signup', payload: { ...signup, idNumber: '110105194912310021', phone: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'idNumber', reason: 'prefix' }, { field: 'phone', reason: 'format' }] });
    const again = await inject({ method: 'POST', url: '/api/public/services/signup', payload: { ...signup, phone: '0987654321' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual([expect.objectContaining({ field: 'idNumber', reason: 'already_registered' })]);
    const unknownKind = await inject({ method: 'POST', url: '/api/public/services/signup', payload: { ...signup, kind: 'alien' } });
    expect(unknownKind.statusCode).toBe(400);
  });

  it('still asks a signed-in browser for its CSRF header on sign-up', async () => {
    const { cookie } = (await get().login('shenpi')).headers;
    const res = await inject({ method: 'POST', url: '/api/public/services/signup', headers: { cookie }, payload: { ...signup, idNumber: '830000198512310020', name: '陈美玲', phone: '0911222333' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('shows my identity to citizens and company users with an account (services.identity:read), masked', async () => {
    expect((await inject({ method: 'GET', url: '/api/services/me/identity' })).statusCode).toBe(401);
    const taibao = await inject({ method: 'GET', url: '/api/services/me/identity', headers: (await get().login('taibao')).headers });
    expect(taibao.statusCode).toBe(200);
    expect(taibao.json()).toMatchObject({ subjectKind: 'taiwan_resident', idType: 'residence_permit', idMasked: '8300**********0012', name: '李志明', verification: { status: 'verified' } });
    expect(taibao.body).not.toContain('830000199001010012');
    const company = await inject({ method: 'GET', url: '/api/services/me/identity', headers: (await get().login('13905910001')).headers });
    expect(company.json()).toMatchObject({ subjectKind: 'company', idType: 'uscc', verification: { status: 'verified' } });
    // An enterprise user created by an administrator holds the scope but has no hall identity.
    expect((await inject({ method: 'GET', url: '/api/services/me/identity', headers: (await get().login('qiye')).headers })).statusCode).toBe(404);
  });

  it('refuses officers, banks and the auditor (no services.identity:read)', async () => {
    for (const who of ['shenpi', 'bureau', 'bank', 'auditor']) {
      const headers = (await get().login(who)).headers;
      expect((await inject({ method: 'GET', url: '/api/services/me/identity', headers })).statusCode, who).toBe(403);
      expect((await inject({ method: 'POST', url: '/api/services/me/identity/verify', headers })).statusCode, who).toBe(403);
    }
  });

  it('refuses a verification retry of a verified account with 409 and no allowed actions', async () => {
    const res = await inject({ method: 'POST', url: '/api/services/me/identity/verify', headers: (await get().login('taibao')).headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'illegal_transition', details: { allowedActions: [] } });
  });

  // Last in the file: it spends this address's sign-up allowance (30 in 15 minutes by default).
  it('answers 429 too_many_requests once one address has tried to sign up 30 times in 15 minutes, refusals included', async () => {
    const attempt = (i: number) => inject({ method: 'POST', url: '/api/public/services/signup', remoteAddress: '203.0.113.7', payload: { ...signup, phone: `09${String(i).padStart(8, '0')}`, idNumber: 'x' } });
    const before = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(i)));
    expect(new Set(before.map((r) => r.statusCode))).toEqual(new Set([400]));
    const over = await attempt(99);
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toMatchObject({ code: 'too_many_requests' });
    expect(over.headers['retry-after']).toBeDefined();
    const otherAddress = await inject({ method: 'POST', url: '/api/public/services/signup', remoteAddress: '198.51.100.9', payload: { ...signup, idNumber: 'x' } });
    expect(otherAddress.statusCode).toBe(400);
  });
});
