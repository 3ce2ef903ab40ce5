import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';

describeApp('archive search over HTTP', (get) => {
  it('finds the demo marriage record by a word of its title, with its 档号 path and a snippet', async () => {
    const s = await get().login('bureau');
    const res = await get().inject({ method: 'GET', url: `/api/archives/search?q=${encodeURIComponent('结婚登记')}`, headers: s.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: { archivalCode: string; path: string; snippet: string }[] };
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ archivalCode: 'PT01-HY·2026-Y-SHSY-0001', path: 'PT01/HY/2026/Y/SHSY/000001' });
    expect(body.items[0]!.snippet).toContain('【结婚登记】');
  });

  it('filters by category and browses a 档号 branch; a malformed path is a 400 naming the field', async () => {
    const s = await get().login('bureau');
    const sj = (await get().inject({ method: 'GET', url: '/api/archives/search?category=SJ', headers: s.headers })).json() as { items: { archivalCode: string; category: string }[] };
    expect(sj.items.map((i) => i.archivalCode)).toContain('PT01-SJ·2026-Y-SJJ-0001');
    expect(sj.items.every((i) => i.category === 'SJ')).toBe(true);
    const branch = (await get().inject({ method: 'GET', url: '/api/archives/search?path=PT01/QY', headers: s.headers })).json() as { items: { path: string }[] };
    expect(branch.items.length).toBeGreaterThan(0);
    expect(branch.items.every((i) => i.path.startsWith('PT01/QY/'))).toBe(true);
    expect(branch.items.map((i) => i.path)).toEqual(branch.items.map((i) => i.path).sort());
    const bad = await get().inject({ method: 'GET', url: '/api/archives/search?path=../etc', headers: s.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('path');
  });

  it('shows a department officer only the department’s records', async () => {
    const s = await get().login('minzheng');
    const body = (await get().inject({ method: 'GET', url: '/api/archives/search', headers: s.headers })).json() as { items: { archivalCode: string }[] };
    const all = (await get().inject({ method: 'GET', url: '/api/archives/search', headers: (await get().login('bureau')).headers })).json() as { items: { archivalCode: string }[] };
    expect(body.items.map((i) => i.archivalCode)).toContain('PT01-HY·2026-Y-SHSY-0001');
    expect(body.items.length).toBeLessThan(all.items.length);
    expect(body.items.every((i) => !i.archivalCode.startsWith('PT01-QY'))).toBe(true);
  });
});
