import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';

describeApp('customs reference data over HTTP', (get) => {
  it('gives any signed-in person the industries, scenarios and negative-list items in three languages', async () => {
    const taibao = await get().login('taibao');
    const res = await get().inject({ method: 'GET', url: '/api/customs/lists', headers: taibao.headers });
    expect(res.statusCode).toBe(200);
    const lists = res.json();
    expect(lists.industries.map((i: { id: string }) => i.id)).toEqual(['pharma', 'auto', 'consumer', 'other']);
    expect(lists.industries.find((i: { id: string }) => i.id === 'other')).toMatchObject({ covered: false, names: { en: 'Other industries' } });
    expect(lists.industries.find((i: { id: string }) => i.id === 'pharma').covered).toBe(true);
    expect(lists.scenarios).toHaveLength(10);
    const mrct = lists.scenarios.find((s: { id: string }) => s.id === 'PHARMA-MRCT');
    expect(mrct.industry).toBe('pharma');
    for (const lang of ['zh-CN', 'zh-TW', 'en']) expect(mrct.names[lang].length).toBeGreaterThan(0);
    const item = lists.negativeList.find((i: { id: string }) => i.id === 'NL-PHARMA-MRCT-04');
    expect(item).toMatchObject({ industry: 'pharma', scenario: 'PHARMA-MRCT' });
    expect(['security_assessment', 'standard_contract_or_certification', 'exempt_with_filing']).toContain(item.route);
  });

  it('gives the 13 classes and 40 subclasses of the catalog with names and grades, without the keyword tables', async () => {
    const qiye = await get().login('qiye');
    const res = await get().inject({ method: 'GET', url: '/api/customs/catalog', headers: qiye.headers });
    expect(res.statusCode).toBe(200);
    const catalog = res.json();
    expect(catalog.classes).toHaveLength(13);
    expect(catalog.subclasses).toHaveLength(40);
    const id = catalog.subclasses.find((s: { id: string }) => s.id === 'PI.SENSITIVE.ID_DOCUMENT');
    expect(id.grade).toBe('pi_sensitive');
    expect(id.names['zh-TW'].length).toBeGreaterThan(0);
    expect(id).not.toHaveProperty('headerKeywords');
    expect(catalog.grades[0]).toBe('core');
  });

  it('serves the lists in force: a newly published version at once', async () => {
    const admin = await get().login('admin');
    const current = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists', headers: admin.headers })).json();
    const next = structuredClone(current);
    next.version = `${current.version}-test`;
    const mrct = next.scenarios.find((s: { id: string }) => s.id === 'PHARMA-MRCT');
    mrct.names.en = 'Multiregional clinical trials (renamed)';
    const published = await get().inject({ method: 'POST', url: '/api/customs/reference/lists/versions', headers: admin.headers, payload: { document: next, note: 'rename' } });
    expect(published.statusCode).toBe(201);
    const lists = (await get().inject({ method: 'GET', url: '/api/customs/lists', headers: admin.headers })).json();
    expect(lists.version).toBe(next.version);
    expect(lists.scenarios.find((s: { id: string }) => s.id === 'PHARMA-MRCT').names.en).toBe('Multiregional clinical trials (renamed)');
  });

    it('refuses both to anyone not signed in', async () => {
    for (const url of ['/api/customs/lists', '/api/customs/catalog']) {
      const res = await get().inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
  });
});
