import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';

describeApp('the shipped version of the reference data, once superseded', (get) => {
  it('stays readable with shipped=true after the bureau published a newer version, matching the SM3 of the history', async () => {
    const bureau = await get().login('bureau');
    const current = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists', headers: bureau.headers })).json();
    const next = structuredClone(current);
    next.version = `${current.version}-shipped-test`;
    next.negativeList.pop();
    const published = await get().inject({ method: 'POST', url: '/api/customs/reference/lists/versions', headers: bureau.headers, payload: { document: next, note: '删去一项' } });
    expect(published.statusCode, published.body).toBe(201);

    const shipped = await get().inject({ method: 'GET', url: '/api/customs/reference/lists?shipped=true', headers: bureau.headers });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json().version).toBe(current.version);
    expect(shipped.json().negativeList).toHaveLength(current.negativeList.length);
    const history = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists/versions', headers: bureau.headers })).json().items;
    expect(history.at(-1)).toMatchObject({ id: null, createdBy: 'landao', inForce: false });
    expect(sm3(canonicalJson(shipped.json()))).toBe(history.at(-1).sm3);
    const inForce = await get().inject({ method: 'GET', url: '/api/customs/reference/lists?shipped=false', headers: bureau.headers });
    expect(inForce.json().version).toBe(next.version);
  });

  it('names the parameter of a malformed shipped flag', async () => {
    const qiye = await get().login('qiye');
    const res = await get().inject({ method: 'GET', url: '/api/customs/reference/catalog?shipped=yes', headers: qiye.headers });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('shipped');
  });
});
