import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { demoPdf } from './archives.demo.ts';

/* 鉴定销毁 over HTTP with the demo accounts: the bureau (bureau) proposes, the archive (dangan, 档案馆) decides and destroys. */
describeApp('disposal over HTTP', (get) => {
  it('takes an expired record from proposal to destruction and shows it as destroyed with its destruction record', async () => {
    const app = get();
    const shenpi = await app.login('shenpi');
    const bureau = await app.login('bureau');
    const dangan = await app.login('dangan');
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/archives/records',
      headers: shenpi.headers,
      payload: { sourceRef: 'OLD-2014-1', category: 'QY', title: '补正通知 2014', responsible: '平潭综合实验区行政审批局', date: '2014-03-01', documentType: '补正通知', files: [{ name: '补正通知.pdf', contentBase64: demoPdf('old').toString('base64') }] },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const recordId = (submitted.json() as { recordId: number }).recordId;

    const review = (await app.inject({ method: 'GET', url: '/api/archives/disposal-review', headers: bureau.headers })).json().items as { id: number }[];
    expect(review.map((r) => r.id)).toContain(recordId);
    const proposed = await app.inject({ method: 'POST', url: '/api/archives/disposals', headers: bureau.headers, payload: { recordIds: [recordId], reason: '保管期满，经鉴定无保存价值' } });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = (proposed.json() as { id: number }).id;

    expect((await app.inject({ method: 'POST', url: `/api/archives/disposals/${id}/approve`, headers: bureau.headers, payload: {} })).statusCode).toBe(403);
    const early = await app.inject({ method: 'POST', url: `/api/archives/disposals/${id}/destroy`, headers: dangan.headers, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.allowedActions).toEqual(['approve', 'reject', 'withdraw']);
    expect((await app.inject({ method: 'GET', url: `/api/archives/disposals/${id}`, headers: dangan.headers })).json().allowedActions).toEqual(['approve', 'reject']);
    expect((await app.inject({ method: 'POST', url: `/api/archives/disposals/${id}/approve`, headers: dangan.headers, payload: { note: '同意销毁' } })).statusCode).toBe(200);
    const destroyed = await app.inject({ method: 'POST', url: `/api/archives/disposals/${id}/destroy`, headers: dangan.headers, payload: {} });
    expect(destroyed.statusCode, destroyed.body).toBe(200);
    expect(destroyed.json()).toMatchObject({ state: 'destroyed', allowedActions: [], destructionRecord: { archivalCode: expect.stringMatching(/^PT01-WS·\d{4}-Y-DAG-0001$/) } });

    const record = (await app.inject({ method: 'GET', url: `/api/archives/records/${recordId}`, headers: dangan.headers })).json();
    expect(record.destroyed).toMatchObject({ disposalId: id });
    expect((await app.inject({ method: 'GET', url: `/api/archives/records/${recordId}/files/${encodeURIComponent('补正通知.pdf')}`, headers: dangan.headers })).statusCode).toBe(410);
    const listed = async (query: string) => (await app.inject({ method: 'GET', url: `/api/archives/records?category=QY&limit=500${query}`, headers: dangan.headers })).json().items as { id: number; destroyedAt: string | null }[];
    expect((await listed('')).map((r) => r.id)).not.toContain(recordId);
    expect((await listed('&status=destroyed')).map((r) => [r.id, typeof r.destroyedAt])).toEqual([[recordId, 'string']]);
    expect((await listed('&status=all')).find((r) => r.id === recordId)?.destroyedAt).toEqual(expect.any(String));
    expect((await app.inject({ method: 'GET', url: '/api/archives/records?status=gone', headers: dangan.headers })).statusCode).toBe(400);
    const search = async (query: string) => (await app.inject({ method: 'GET', url: `/api/archives/search?q=${encodeURIComponent('补正通知')}${query}`, headers: dangan.headers })).json().items as { id: number; destroyedAt?: string | null }[];
    expect((await search('')).map((r) => r.id)).not.toContain(recordId);
    expect((await search('&status=destroyed')).map((r) => [r.id, typeof r.destroyedAt])).toEqual([[recordId, 'string']]);
    expect((await app.inject({ method: 'GET', url: '/api/archives/disposals?state=destroyed', headers: bureau.headers })).json().items).toEqual([expect.objectContaining({ id, records: 1 })]);
  });
});
