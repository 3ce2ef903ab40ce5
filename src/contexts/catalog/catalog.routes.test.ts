import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { demoIdNumber, demoUscc } from './catalog.demo.ts';

interface Summary {
  id: number;
  identifier: string;
  state: string;
  openingType: string;
  publisher: { code: string };
}

describeApp('catalog, open data and CKAN routes', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);

  it('seeds the departments’ demo datasets, published and loaded', async () => {
    const s = await get().login('bureau');
    const res = await inject({ method: 'GET', url: '/api/catalog/datasets?pageSize=50', headers: s.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as (Summary & { rowCount: number })[];
    expect(items.map((d) => d.identifier).sort()).toEqual(['scjg-company-registry', 'shsy-marriage-records', 'sw-tax-credit']);
    expect(items.every((d) => d.state === 'published' && d.rowCount > 0)).toBe(true);
    const tax = items.find((d) => d.identifier === 'sw-tax-credit')!;
    const detail = (await inject({ method: 'GET', url: `/api/catalog/datasets/${tax.id}`, headers: s.headers })).json();
    expect(detail.sourceConflicts.map((c: { field: string }) => c.field)).toEqual(['taxpayer_name']);
  });

  it('lists only opened datasets on the public portal, without signing in', async () => {
    const res = await inject({ method: 'GET', url: '/api/open/datasets' });
    expect(res.statusCode).toBe(200);
    expect((res.json().items as Summary[]).map((d) => d.identifier).sort()).toEqual(['scjg-company-registry', 'sw-tax-credit']);
    const search = await inject({ method: 'GET', url: `/api/open/datasets?q=${encodeURIComponent('纳税信用')}` });
    expect((search.json().items as Summary[]).map((d) => d.identifier)).toEqual(['sw-tax-credit']);
    expect((await inject({ method: 'GET', url: '/api/open/datasets/shsy-marriage-records' })).statusCode).toBe(404);
  });

  it('downloads an open dataset as CSV and as JSON', async () => {
    const csv = await inject({ method: 'GET', url: '/api/open/datasets/scjg-company-registry/download.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('uscc,company_name,entity_type,established,capital_wan,status');
    expect(lines).toHaveLength(25);
    expect(lines[1]!.startsWith(demoUscc(1))).toBe(true);
    const json = await inject({ method: 'GET', url: '/api/open/datasets/sw-tax-credit/download.json' });
    const rows = json.json() as { uscc: string; tax_year: number }[];
    expect(rows).toHaveLength(48);
    expect(rows[0]).toMatchObject({ uscc: demoUscc(1), tax_year: 2024 });
  });

  it('describes open datasets in DCAT 3 JSON-LD', async () => {
    const res = await inject({ method: 'GET', url: '/api/open/datasets/sw-tax-credit/dcat.jsonld' });
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const d = JSON.parse(res.body);
    expect(d['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(d['@type']).toBe('dcat:Dataset');
    expect(d['dcterms:accrualPeriodicity']['@id']).toMatch(/frequency\/ANNUAL$/);
    expect(d['dcat:distribution'].map((x: { 'dcat:mediaType': string }) => x['dcat:mediaType'])).toEqual(['text/csv', 'application/json']);
    expect(d['dcterms:conformsTo']['csvw:column']).toHaveLength(4);
    const catalog = JSON.parse((await inject({ method: 'GET', url: '/api/open/catalog.jsonld' })).body);
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['dcat:dataset']).toHaveLength(2);
  });

  it('answers the CKAN action API in CKAN’s envelope, even to a client sending its own API key', async () => {
    const list = await inject({ method: 'GET', url: '/api/3/action/package_list', headers: { authorization: 'ckan-harvester-key-123' } });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ success: true, result: ['scjg-company-registry', 'sw-tax-credit'] });
    expect(list.json().help).toMatch(/\/api\/3\/action\/help_show\?name=package_list$/);
    const show = (await inject({ method: 'GET', url: '/api/3/action/package_show?id=sw-tax-credit' })).json();
    expect(show.result).toMatchObject({ name: 'sw-tax-credit', num_resources: 2, organization: { title: '国家税务总局平潭综合实验区税务局' } });
    expect(show.result.resources[0].url).toMatch(/\/api\/open\/datasets\/sw-tax-credit\/download\.csv$/);
    const search = (await inject({ method: 'GET', url: '/api/3/action/package_search?q=%E4%BC%81%E4%B8%9A&rows=1&start=0' })).json();
    expect(search.success).toBe(true);
    expect(search.result.count).toBe(2);
    expect(search.result.results).toHaveLength(1);
    const page2 = (await inject({ method: 'GET', url: '/api/3/action/package_search?q=%E4%BC%81%E4%B8%9A&rows=1&start=1' })).json();
    expect(page2.result.results[0].name).not.toBe(search.result.results[0].name);
    const missing = await inject({ method: 'GET', url: '/api/3/action/package_show?id=shsy-marriage-records' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
  });

  it('still refuses an unknown API token on routes that need a principal', async () => {
    const res = await inject({ method: 'GET', url: '/api/catalog/datasets', headers: { authorization: 'Bearer ldt_nope' } });
    expect(res.statusCode).toBe(401);
  });

  it('looks up a marriage record by ID number for the owning department only', async () => {
    const b = await get().login('bureau');
    const items = (await inject({ method: 'GET', url: '/api/catalog/datasets?q=marriage', headers: b.headers })).json().items as Summary[];
    const ds = items[0]!;
    const admin = await get().login('admin');
    const res = await inject({ method: 'GET', url: `/api/catalog/datasets/${ds.id}/lookup?key=${demoIdNumber(1)}&fields=person_name,marital_status`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().record)).toEqual(['person_name', 'marital_status']);
    expect((await inject({ method: 'GET', url: `/api/catalog/datasets/${ds.id}/lookup?key=${demoIdNumber(1)}`, headers: b.headers })).statusCode).toBe(403);
    const tax = await get().login('shuiwu');
    expect((await inject({ method: 'GET', url: `/api/catalog/datasets/${ds.id}/lookup?key=${demoIdNumber(1)}`, headers: tax.headers })).statusCode).toBe(404);
  });

  it('takes an uploaded CSV through a background job to a loaded batch with its rejects', async () => {
    const s = await get().login('shuiwu');
    const items = (await inject({ method: 'GET', url: '/api/catalog/datasets?q=sw-tax', headers: s.headers })).json().items as Summary[];
    const ds = items[0]!;
    const boundary = '----landao';
    const csv = `uscc,taxpayer_name,tax_year,credit_level\n${demoUscc(30)},岚岛新企业,2025,A\n${demoUscc(31)},岚岛另一家,2025,Z\n`;
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="credit.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const up = await inject({ method: 'POST', url: `/api/catalog/datasets/${ds.id}/uploads`, headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(up.statusCode).toBe(202);
    await get().platform.jobs.runOnce();
    const batch = (await inject({ method: 'GET', url: `/api/catalog/batches/${up.json().batchId}`, headers: s.headers })).json();
    expect(batch).toMatchObject({ status: 'partial', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    const rejects = (await inject({ method: 'GET', url: `/api/catalog/batches/${batch.id}/rejects`, headers: s.headers })).json();
    expect(rejects.items).toEqual([{ row: 2, field: 'credit_level', rule: 'code_list', message: 'credit_level "Z" is not in the code list' }]);
    const quality = (await inject({ method: 'GET', url: `/api/catalog/datasets/${ds.id}/quality`, headers: s.headers })).json();
    expect(quality.failures).toEqual([{ field: 'credit_level', rule: 'code_list', count: 1 }]);
  });

  it('answers a lifecycle action the state does not allow with 409 and the allowed actions', async () => {
    const s = await get().login('shuiwu');
    const ds = ((await inject({ method: 'GET', url: '/api/catalog/datasets?q=sw-tax', headers: s.headers })).json().items as Summary[])[0]!;
    const res = await inject({ method: 'POST', url: `/api/catalog/datasets/${ds.id}/publish`, headers: s.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ action: 'publish', state: 'published', allowedActions: ['update', 'classify', 'confirm_grade', 'retire'] });
  });
});
