import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';
import { multipart } from '../../../../test/helpers/multipart.ts';

const OFFICER_READS = ['/api/services/items/versions', '/api/services/items/versions/1', '/api/services/items/export?format=csv'];

describeApp('service item catalog by role', (get) => {
  it('lets anyone read the catalog without signing in', async () => {
    for (const url of ['/api/public/services/items', '/api/public/services/items/TW-JZ-001-01', '/api/public/services/areas'])
      expect((await get().inject({ method: 'GET', url })).statusCode, url).toBe(200);
  });

  it('ignores a foreign API key on the public routes', async () => {
    const res = await get().inject({ method: 'GET', url: '/api/public/services/items', headers: { authorization: 'Bearer not-a-landao-token' } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses versions, publication, import and export to anonymous callers', async () => {
    for (const url of OFFICER_READS) expect((await get().inject({ method: 'GET', url })).statusCode, url).toBe(401);
    expect((await get().inject({ method: 'POST', url: '/api/services/items/versions', payload: { document: { items: [] } } })).statusCode).toBe(401);
  });

  it('refuses them to citizens, enterprises, banks, department officers and auditors', async () => {
    for (const who of ['taibao', 'qiye', 'bank', 'shenpi', 'auditor']) {
      const s = await get().login(who);
      for (const url of OFFICER_READS) expect((await get().inject({ method: 'GET', url, headers: s.headers })).statusCode, `${who} ${url}`).toBe(403);
      const post = await get().inject({ method: 'POST', url: '/api/services/items/versions', headers: s.headers, payload: { document: { items: [] } } });
      expect(post.statusCode, who).toBe(403);
      const up = multipart('items.csv', 'code,level\r\n');
      const imp = await get().inject({ method: 'POST', url: '/api/services/items/import', headers: { ...s.headers, ...up.headers }, payload: up.payload });
      expect(imp.statusCode, who).toBe(403);
    }
  });

  it('lets the bureau and department administrators manage versions', async () => {
    for (const who of ['bureau', 'shenpi-admin', 'admin']) {
      const s = await get().login(who);
      for (const url of OFFICER_READS) expect((await get().inject({ method: 'GET', url, headers: s.headers })).statusCode, `${who} ${url}`).toBe(200);
      const post = await get().inject({ method: 'POST', url: '/api/services/items/versions', headers: s.headers, payload: { document: { items: [] } } });
      expect(post.statusCode, who).toBe(400);
    }
  });
});
