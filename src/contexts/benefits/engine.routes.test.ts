import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeApp, type Session } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { residencePermit } from './benefits.demo.ts';
import { employmentRow, residenceRow, taxRow } from './test-support.ts';

describeApp('benefits engine over HTTP', (get) => {
  let shuiwu: Session;
  let bureau: Session;
  beforeAll(async () => {
    shuiwu = await get().login('shuiwu');
    bureau = await get().login('bureau');
  });

  it('finds the demo taibao 李志明 eligible in the seeded run of the IIT subsidy', async () => {
    const runs = await get().inject({ method: 'GET', url: '/api/benefits/runs?policyKey=tw-iit-subsidy', headers: bureau.headers });
    expect(runs.statusCode).toBe(200);
    const run = runs.json().items.at(-1);
    expect(run).toMatchObject({ status: 'completed', period: '2024', policyVersion: 1 });
    expect(run.totals.subjects).toBe(30);
    const res = await get().inject({ method: 'GET', url: `/api/benefits/runs/${run.id}/results?q=${encodeURIComponent('李志明')}`, headers: bureau.headers });
    const [mine] = res.json().items;
    expect(mine).toMatchObject({ displayName: '李志明', maskedId: expect.stringContaining('*'), eligible: true, hasAccount: true });
    expect(mine.amountFen).toBeGreaterThan(0);
    const award = (await get().inject({ method: 'GET', url: '/api/benefits/runs?policyKey=tw-company-award', headers: bureau.headers })).json().items[0];
    expect(award.totals.eligible).toBeGreaterThan(0);
  });

  it('replays a push retried with the same Idempotency-Key instead of loading it twice', async () => {
    const id = residencePermit('19770303', 901);
    const body = { kind: 'tax', sourceSystem: '金税三期', records: [taxRow({ idNumber: id, name: '郭承恩', wagesCny: 280_000, taxYear: 2023 })] };
    const headers = { ...shuiwu.headers, 'idempotency-key': 'push-2023-0001' };
    const first = await get().inject({ method: 'POST', url: '/api/benefits/sources/push', headers, payload: body });
    expect(first.statusCode).toBe(201);
    const again = await get().inject({ method: 'POST', url: '/api/benefits/sources/push', headers, payload: body });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const list = await get().inject({ method: 'GET', url: '/api/benefits/sources/batches?kind=tax&pageSize=200', headers: shuiwu.headers });
    expect(list.json().items.filter((b: { provenance: { sourceSystem: string } }) => b.provenance.sourceSystem === '金税三期')).toHaveLength(1);
  });

  it('uploads an XLSX file and lists its rejects per row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('tax');
    const cols = ['idType', 'idNumber', 'name', 'taxYear', 'wagesCny', 'mainlandTaxPaidCny', 'taxPaidInZone'];
    ws.addRow(cols);
    ws.addRow(['residence_permit', residencePermit('19760404', 902), '曾宗翰', 2023, 260000, 25000, 'true']);
    ws.addRow(['residence_permit', '830000197604049', '错号', 2023, 260000, 25000, 'true']);
    const up = multipart('tax-2023.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const res = await get().inject({ method: 'POST', url: '/api/benefits/sources/uploads?kind=tax&sourceSystem=excel', headers: { ...shuiwu.headers, ...up.headers }, payload: up.payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rowsLoaded: 1, rowsRejected: 1, provenance: { via: 'upload', filename: 'tax-2023.xlsx' } });
    const rejects = await get().inject({ method: 'GET', url: `/api/benefits/sources/batches/${res.json().id}/rejects`, headers: shuiwu.headers });
    expect(rejects.json()).toMatchObject({ total: 1, items: [{ rowNo: 2, field: 'idNumber' }] });
  });

  it('answers 400 naming the path of a wrong rule', async () => {
    const policy = (await get().inject({ method: 'GET', url: '/api/benefits/policies/tw-iit-subsidy', headers: bureau.headers })).json();
    const document = { ...policy.document, eligibility: [{ ...policy.document.eligibility[0], rule: { '==': [{ var: 'tax.nope' }, 1] } }] };
    const res = await get().inject({ method: 'POST', url: '/api/benefits/policies/validate', headers: bureau.headers, payload: { document } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'eligibility[0].rule.==[0].var', reason: 'unknown_variable' });
  });

  it('starts a run as a job (202), reports progress and totals, and exports the results as CSV', async () => {
    const id = residencePermit('19750505', 903);
    const tax = await get().inject({ method: 'POST', url: '/api/benefits/sources/push', headers: shuiwu.headers, payload: { kind: 'tax', records: [taxRow({ idNumber: id, name: '谢欣怡', wagesCny: 500_000 })] } });
    expect(tax.statusCode).toBe(201);
    const org = async (code: string) => (await get().platform.identity.orgByCode(code))!.id;
    await get().inject({ method: 'POST', url: '/api/benefits/sources/push', headers: bureau.headers, payload: { kind: 'employment', orgId: await org('PT-SHSY'), records: [employmentRow(id, '谢欣怡')] } }).then((r) => expect(r.statusCode).toBe(403));
    const admin = await get().login('admin');
    await get().inject({ method: 'POST', url: '/api/benefits/sources/push', headers: admin.headers, payload: { kind: 'employment', orgId: await org('PT-SHSY'), records: [employmentRow(id, '谢欣怡')] } });
    await get().inject({ method: 'POST', url: '/api/benefits/sources/push', headers: admin.headers, payload: { kind: 'residence', orgId: await org('PT-GA'), records: [residenceRow(id, '谢欣怡', 330)] } });
    const start = await get().inject({ method: 'POST', url: '/api/benefits/runs', headers: bureau.headers, payload: { policyKey: 'tw-iit-subsidy', period: '2024' } });
    expect(start.statusCode).toBe(202);
    expect(start.json()).toMatchObject({ status: 'queued', jobId: expect.any(Number) });
    while ((await get().platform.jobs.runOnce({ limit: 5 })) > 0);
    const run = (await get().inject({ method: 'GET', url: `/api/benefits/runs/${start.json().id}`, headers: bureau.headers })).json();
    expect(run).toMatchObject({ status: 'completed', totals: { subjects: 31 } });
    const job = (await get().inject({ method: 'GET', url: `/api/jobs/${run.jobId}`, headers: bureau.headers })).json();
    expect(job).toMatchObject({ status: 'succeeded', progress: 1 });
    const csv = await get().inject({ method: 'GET', url: `/api/benefits/runs/${run.id}/results/export?eligible=true`, headers: bureau.headers });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('maskedId,name,eligible,amountYuan,failedClauses,hasAccount');
    expect(lines.slice(1).some((l) => l.includes('谢欣怡'))).toBe(true);
    expect(lines).toHaveLength(run.totals.eligible + 1);
  });
});
