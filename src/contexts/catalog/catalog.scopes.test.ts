import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { datasetInput } from './test-support.ts';

interface Summary {
  id: number;
  identifier: string;
  publisher: { code: string };
  state: string;
}

describeApp('catalog routes by role', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);
  const datasets = async (who: string) => {
    const s = await get().login(who);
    return { s, items: (await inject({ method: 'GET', url: '/api/catalog/datasets?pageSize=100', headers: s.headers })).json().items as Summary[] };
  };

  it('refuses the catalog to anonymous callers, citizens, banks and enterprises', async () => {
    expect((await inject({ method: 'GET', url: '/api/catalog/datasets' })).statusCode).toBe(401);
    for (const who of ['taibao', 'bank', 'qiye']) {
      const s = await get().login(who);
      expect((await inject({ method: 'GET', url: '/api/catalog/datasets', headers: s.headers })).statusCode, who).toBe(403);
      expect((await inject({ method: 'GET', url: '/api/catalog/issues', headers: s.headers })).statusCode, who).toBe(403);
    }
  });

  it('lets a department register datasets for itself only', async () => {
    const { s } = await datasets('shenpi');
    const own = await inject({ method: 'POST', url: '/api/catalog/datasets', headers: s.headers, payload: datasetInput({ identifier: 'xzsp-own' }) });
    expect(own.statusCode).toBe(201);
    expect(own.json().publisher.code).toBe('PT-XZSP');
    const orgs = (await inject({ method: 'GET', url: '/api/identity/orgs', headers: s.headers })).json().items as { id: number; code: string }[];
    const tax = orgs.find((o) => o.code === 'PT-SW')!.id;
    const other = await inject({ method: 'POST', url: '/api/catalog/datasets', headers: s.headers, payload: { ...datasetInput({ identifier: 'xzsp-for-tax' }), orgId: tax } });
    expect(other.statusCode).toBe(403);
  });

  it('shows a department its own drafts and others’ published datasets, and the bureau everything', async () => {
    const { items: shenpi } = await datasets('shenpi');
    const draft = shenpi.find((d) => d.identifier === 'xzsp-own')!;
    expect(draft.state).toBe('draft');
    const { s: taxS, items: tax } = await datasets('shuiwu');
    expect(tax.some((d) => d.identifier === 'xzsp-own')).toBe(false);
    expect(tax.some((d) => d.identifier === 'scjg-company-registry')).toBe(true);
    expect((await inject({ method: 'GET', url: `/api/catalog/datasets/${draft.id}`, headers: taxS.headers })).statusCode).toBe(404);
    const { items: bureau } = await datasets('bureau');
    expect(bureau.some((d) => d.identifier === 'xzsp-own')).toBe(true);
  });

  it('keeps the bureau and the auditor from changing or loading datasets', async () => {
    const { items } = await datasets('shenpi');
    const draft = items.find((d) => d.identifier === 'xzsp-own')!;
    for (const who of ['bureau', 'auditor']) {
      const s = await get().login(who);
      expect((await inject({ method: 'POST', url: `/api/catalog/datasets/${draft.id}/publish`, headers: s.headers })).statusCode, who).toBe(403);
      expect((await inject({ method: 'POST', url: `/api/catalog/datasets/${draft.id}/rows`, headers: s.headers, payload: { rows: [{ uscc: 'x' }] } })).statusCode, who).toBe(403);
    }
  });

  it('lets only the owning department change, load and read the rows of its datasets', async () => {
    const { items } = await datasets('shenpi');
    const registry = items.find((d) => d.identifier === 'scjg-company-registry')!;
    const s = await get().login('shenpi');
    expect((await inject({ method: 'POST', url: `/api/catalog/datasets/${registry.id}/retire`, headers: s.headers, payload: { reason: 'x' } })).statusCode).toBe(403);
    expect((await inject({ method: 'POST', url: `/api/catalog/datasets/${registry.id}/rows`, headers: s.headers, payload: { rows: [{ uscc: 'x' }] } })).statusCode).toBe(403);
    expect((await inject({ method: 'GET', url: `/api/catalog/datasets/${registry.id}/rows`, headers: s.headers })).statusCode).toBe(404);
    const own = items.find((d) => d.identifier === 'xzsp-own')!;
    const pushed = await inject({ method: 'POST', url: `/api/catalog/datasets/${own.id}/rows`, headers: s.headers, payload: { rows: [{ uscc: '913501280000000017', company_name: '测试' }] } });
    expect(pushed.statusCode).toBe(201);
    expect((await inject({ method: 'GET', url: `/api/catalog/datasets/${own.id}/rows`, headers: s.headers })).json().items).toHaveLength(1);
  });

  it('shows quality issues to their department and to the bureau, and lets only the department resolve them', async () => {
    const s = await get().login('shenpi');
    const { items } = await datasets('shenpi');
    const own = items.find((d) => d.identifier === 'xzsp-own')!;
    await inject({ method: 'POST', url: `/api/catalog/datasets/${own.id}/rows`, headers: s.headers, payload: { rows: [{ uscc: 'bad', company_name: '测试' }] } });
    const issues = (await inject({ method: 'GET', url: '/api/catalog/issues?status=open', headers: s.headers })).json().items as { id: number; datasetId: number }[];
    const issue = issues.find((i) => i.datasetId === own.id)!;
    const tax = await get().login('shuiwu');
    const taxIssues = (await inject({ method: 'GET', url: '/api/catalog/issues', headers: tax.headers })).json().items as { id: number }[];
    expect(taxIssues.some((i) => i.id === issue.id)).toBe(false);
    const b = await get().login('bureau');
    const all = (await inject({ method: 'GET', url: '/api/catalog/issues?pageSize=200', headers: b.headers })).json().items as { id: number }[];
    expect(all.some((i) => i.id === issue.id)).toBe(true);
    expect((await inject({ method: 'POST', url: `/api/catalog/issues/${issue.id}/resolve`, headers: b.headers, payload: { resolution: 'x' } })).statusCode).toBe(403);
    expect((await inject({ method: 'POST', url: `/api/catalog/issues/${issue.id}/resolve`, headers: tax.headers, payload: { resolution: 'x' } })).statusCode).toBe(404);
    expect((await inject({ method: 'POST', url: `/api/catalog/issues/${issue.id}/resolve`, headers: s.headers, payload: { resolution: '已更正' } })).statusCode).toBe(200);
  });

  it('accepts pushed rows from an API token holding catalog.data:load', async () => {
    const admin = await get().login('shenpi-admin');
    const me = (await inject({ method: 'GET', url: '/api/auth/session', headers: admin.headers })).json().user;
    const { items } = await datasets('shenpi');
    const own = items.find((d) => d.identifier === 'xzsp-own')!;
    const token = (await inject({ method: 'POST', url: '/api/identity/tokens', headers: admin.headers, payload: { orgId: me.org.id, name: '审批系统推送', scopes: ['catalog.data:load'] } })).json().token as string;
    const res = await inject({ method: 'POST', url: `/api/catalog/datasets/${own.id}/rows`, headers: { authorization: `Bearer ${token}` }, payload: { rows: [{ uscc: '91350128000000002A', company_name: '推送' }], system: '审批系统' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'loaded', provenance: { via: 'token', system: '审批系统' } });
  });
});
