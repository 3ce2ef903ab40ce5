import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { demoPdf } from './archives.demo.ts';

describeApp('archives over HTTP', (get) => {
  it('seeds demo records in several categories that the bureau can search', async () => {
    const s = await get().login('bureau');
    const all = (await get().inject({ method: 'GET', url: '/api/archives/records', headers: s.headers })).json().items as { category: string; archivalCode: string }[];
    expect(new Set(all.map((r) => r.category)).size).toBeGreaterThanOrEqual(4);
    const hy = (await get().inject({ method: 'GET', url: '/api/archives/records?category=HY&year=2026', headers: s.headers })).json().items as { archivalCode: string }[];
    expect(hy.map((r) => r.archivalCode)).toEqual(['PT01-HY·2026-Y-SHSY-0001']);
  });

  it('takes a package from a department, answers with the 档号 and the 四性 report, as JSON and as text', async () => {
    const s = await get().login('minzheng');
    const pdf = demoPdf('api');
    const res = await get().inject({
      method: 'POST',
      url: '/api/archives/records',
      headers: s.headers,
      payload: { sourceRef: 'SHSY-2026-77', category: 'HY', title: '离婚登记 张某某', responsible: '平潭综合实验区社会事业局', date: '2026-09-01', files: [{ name: '离婚登记.pdf', contentBase64: pdf.toString('base64'), sm3: crypto.createHash('sm3').update(pdf).digest('hex') }] },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { recordId: number; archivalCode: string; report: { items: { code: string; result: string }[] } };
    expect(body.archivalCode).toBe('PT01-HY·2026-Y-SHSY-0002');
    expect(body.report.items.find((i) => i.code === '1-14')!.result).toBe('pass');
    const text = await get().inject({ method: 'GET', url: `/api/archives/records/${body.recordId}/report?format=text`, headers: s.headers });
    expect(text.body).toContain('四性检测 PT01-HY·2026-Y-SHSY-0002 v1');
    expect(text.body).toContain('N/A  4-2');
    const mine = (await get().inject({ method: 'GET', url: '/api/archives/records', headers: s.headers })).json().items as { id: number; category: string }[];
    expect(mine.map((r) => r.id)).toContain(body.recordId);
    expect(mine.every((r) => r.category === 'HY')).toBe(true);
  });

  it('refuses a package whose sender digest differs, listing the item', async () => {
    const s = await get().login('minzheng');
    const res = await get().inject({
      method: 'POST',
      url: '/api/archives/records',
      headers: s.headers,
      payload: { sourceRef: 'SHSY-2026-78', category: 'HY', title: '结婚登记', responsible: '社会事业局', date: '2026-09-02', files: [{ name: 'a.pdf', contentBase64: demoPdf('b').toString('base64'), sm3: '0'.repeat(64) }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('1-14');
  });

  it('lends a record to another department over HTTP and logs the download', async () => {
    const tax = await get().login('shuiwu');
    const req = await get().inject({ method: 'POST', url: '/api/archives/loans', headers: tax.headers, payload: { archivalCode: 'PT01-HY·2026-Y-SHSY-0001', purpose: '个税专项附加扣除核验', validFrom: '2026-01-01', validUntil: '2099-12-31' } });
    expect(req.statusCode).toBe(201);
    const loan = req.json() as { id: number; recordId: number };
    const bureau = await get().login('bureau');
    const ok = await get().inject({ method: 'POST', url: `/api/archives/loans/${loan.id}/approve`, headers: bureau.headers, payload: {} });
    expect(ok.json().state).toBe('approved');
    const rec = (await get().inject({ method: 'GET', url: `/api/archives/records/${loan.recordId}`, headers: tax.headers })).json() as { versions: unknown[] };
    expect(rec.versions).toHaveLength(1);
    const png = await get().inject({ method: 'GET', url: `/api/archives/records/${loan.recordId}/files/${encodeURIComponent('现场照片.png')}`, headers: tax.headers });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const usage = (await get().inject({ method: 'GET', url: '/api/archives/usage', headers: bureau.headers })).json().items as { category: string; action: string; count: number }[];
    expect(usage.filter((u) => u.category === 'HY' && u.action === 'download').reduce((s, u) => s + u.count, 0)).toBe(1);
  });
});
