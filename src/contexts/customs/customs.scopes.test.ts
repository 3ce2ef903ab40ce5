import fs from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';

const EXAMPLES = JSON.parse(fs.readFileSync(new URL('./data/assess-examples.json', import.meta.url), 'utf8')) as { scenario: unknown }[];
const SCENARIO = EXAMPLES[0]!.scenario as object;

describeApp('customs assessment by role', (get) => {
  const assessAs = (headers: Record<string, string>) =>
    get().inject({ method: 'POST', url: '/api/customs/assess', headers, payload: SCENARIO });
  const batchAs = (headers: Record<string, string>) =>
    get().inject({ method: 'POST', url: '/api/customs/assess/batch', headers, payload: { scenarios: [SCENARIO] } });
  const tokens: Record<'withScope' | 'withoutScope', { id: number; token: string }> = {
    withScope: { id: 0, token: '' },
    withoutScope: { id: 0, token: '' },
  };

  beforeAll(async () => {
    const admin = await get().login('admin');
    const org = await get().platform.identity.orgByCode('ENT-LDSW');
    for (const [which, scopes] of [['withScope', ['customs:assess']], ['withoutScope', ['jobs:read']]] as const) {
      const res = await get().inject({
        method: 'POST',
        url: '/api/identity/tokens',
        headers: admin.headers,
        payload: { orgId: org!.id, name: which, scopes },
      });
      tokens[which] = res.json();
    }
  });

  it.each(['qiye', 'bureau', 'shenpi', 'shuiwu', 'admin'])('lets %s assess a transfer, singly and in a batch', async (username) => {
    const s = await get().login(username);
    expect((await assessAs(s.headers)).statusCode).toBe(200);
    expect((await batchAs(s.headers)).statusCode).toBe(200);
  });

  it.each(['auditor', 'shenpi-admin', 'bank', 'taibao'])('refuses %s, who lacks customs:assess', async (username) => {
    const s = await get().login(username);
    const res = await assessAs(s.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'forbidden', details: { scope: 'customs:assess' } });
    expect((await batchAs(s.headers)).statusCode).toBe(403);
  });

  it('refuses an anonymous caller with 401', async () => {
    const res = await assessAs({});
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect((await batchAs({})).statusCode).toBe(401);
  });

  it('accepts an API token granted customs:assess and refuses one without it', async () => {
    expect((await assessAs({ authorization: `Bearer ${tokens.withScope.token}` })).statusCode).toBe(200);
    expect((await batchAs({ authorization: `Bearer ${tokens.withScope.token}` })).statusCode).toBe(200);
    expect((await assessAs({ authorization: `Bearer ${tokens.withoutScope.token}` })).statusCode).toBe(403);
  });

  it('refuses a revoked API token with 401', async () => {
    const admin = await get().login('admin');
    const revoked = await get().inject({ method: 'DELETE', url: `/api/identity/tokens/${tokens.withScope.id}`, headers: admin.headers });
    expect(revoked.statusCode).toBe(200);
    const res = await assessAs({ authorization: `Bearer ${tokens.withScope.token}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});
