import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';

describeApp('public names of the classification catalog', (get) => {
  it('gives anyone, without signing in, the names of the 13 classes and 40 subclasses in three languages', async () => {
    const res = await get().inject({ method: 'GET', url: '/api/public/customs/catalog/names' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.classes).toHaveLength(13);
    expect(body.subclasses).toHaveLength(40);
    const id = body.subclasses.find((s: { id: string }) => s.id === 'PI.SENSITIVE.ID_DOCUMENT');
    expect(id).toMatchObject({ classId: 'PI', grade: 'pi_sensitive' });
    for (const lang of ['zh-CN', 'zh-TW', 'en']) expect(id.names[lang].length).toBeGreaterThan(0);
    expect(id).not.toHaveProperty('headerKeywords');
    expect(id).not.toHaveProperty('detectorTypes');
  });

  it('answers with the names of the version in force once the bureau publishes a new one', async () => {
    const bureau = await get().login('bureau');
    const current = (await get().inject({ method: 'GET', url: '/api/customs/reference/catalog', headers: bureau.headers })).json();
    const next = structuredClone(current);
    next.version = `${current.version}-names`;
    const sub = next.subclasses.find((s: { id: string }) => s.id === 'PI.SENSITIVE.ID_DOCUMENT');
    sub.names.en = 'Identity documents (renamed)';
    const published = await get().inject({ method: 'POST', url: '/api/customs/reference/catalog/versions', headers: bureau.headers, payload: { document: next, note: 'rename' } });
    expect(published.statusCode, published.body).toBe(201);
    const res = await get().inject({ method: 'GET', url: '/api/public/customs/catalog/names' });
    expect(res.json().version).toBe(next.version);
    expect(res.json().subclasses.find((s: { id: string }) => s.id === 'PI.SENSITIVE.ID_DOCUMENT').names.en).toBe('Identity documents (renamed)');
  });

  it('ignores an Authorization header that is not a Landao token', async () => {
    const res = await get().inject({ method: 'GET', url: '/api/public/customs/catalog/names', headers: { authorization: 'Bearer not-a-landao-token' } });
    expect(res.statusCode).toBe(200);
  });
});
