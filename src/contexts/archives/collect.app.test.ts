import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { DEMO_DOCUMENT_NOS } from './archives.demo.ts';

/* The whole platform with its demo: what the service hall closed and the registry issued is archived by archives.collect. */
describeApp('online archiving of the demo', (get) => {
  it('archives every closed demo case (TB) and every issued certificate (SJ) with its files and a passing 四性 report', async () => {
    const app = get();
    const db = app.platform.database.db;
    const closed = (await db.selectFrom('services_cases' as never).select(['id' as never, 'number' as never]).where('closed_at' as never, 'is not', null).execute()) as unknown as { id: number; number: string }[];
    const certificates = (await db.selectFrom('registry_certificates' as never).select('certificate_no' as never).execute()) as unknown as { certificate_no: string }[];
    expect(closed.length).toBeGreaterThan(0);
    expect(certificates.length).toBeGreaterThan(0);
    const admin = await app.login('admin');
    const list = async (category: string) => (await app.inject({ method: 'GET', url: `/api/archives/records?category=${category}&limit=500`, headers: admin.headers })).json().items as { id: number; documentNo: string; archivalCode: string }[];
    const tb = await list('TB');
    expect(tb.map((r) => r.documentNo).sort()).toEqual(closed.map((c) => c.number).sort());
    const sj = await list('SJ');
    for (const c of certificates) expect(sj.filter((r) => r.documentNo === c.certificate_no), c.certificate_no).toHaveLength(1);
    expect(sj.map((r) => r.documentNo)).toContain(DEMO_DOCUMENT_NOS.SJ);

    const record = (await app.inject({ method: 'GET', url: `/api/archives/records/${tb[0]!.id}`, headers: admin.headers })).json() as { archivalCode: string; files: { name: string; format: string }[] };
    expect(record.archivalCode).toMatch(/^PT01-TB·\d{4}-D30-[A-Z0-9]+-\d{4}$/);
    expect(record.files.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^办件摘要-.*\.json$/), expect.stringMatching(/^办件摘要-.*\.pdf$/)]));
    const report = (await app.inject({ method: 'GET', url: `/api/archives/records/${tb[0]!.id}/report`, headers: admin.headers })).json() as { result: string };
    expect(report.result).not.toBe('fail');
    const cert = sj.find((r) => r.documentNo === certificates[0]!.certificate_no)!;
    const certFiles = ((await app.inject({ method: 'GET', url: `/api/archives/records/${cert.id}`, headers: admin.headers })).json() as { files: { name: string }[] }).files.map((f) => f.name);
    expect(certFiles).toEqual(expect.arrayContaining([expect.stringMatching(/\.vc\.json$/), expect.stringMatching(/\.pdf$/)]));
  });

  it('archives a case as soon as it closes, once, however often the collector runs', async () => {
    const app = get();
    const p = app.platform;
    const open = (await p.database.db.selectFrom('services_cases' as never).select(['id' as never, 'number' as never]).where('closed_at' as never, 'is', null).where('state' as never, '=', 'submitted' as never).execute()) as unknown as { id: number; number: string }[];
    expect(open.length).toBeGreaterThan(0);
    const taibao = await app.login('taibao');
    const res = await app.inject({ method: 'POST', url: `/api/services/cases/${open[0]!.id}/actions`, headers: taibao.headers, payload: { action: 'withdraw' } });
    expect(res.statusCode, res.body).toBe(200);
    // The case event queued archives.collect; run the queue as the workers would.
    while ((await p.jobs.runOnce({ limit: 10 })) > 0);
    const admin = await app.login('admin');
    const find = async () => ((await app.inject({ method: 'GET', url: `/api/archives/records?category=TB&limit=500`, headers: admin.headers })).json().items as { documentNo: string }[]).filter((r) => r.documentNo === open[0]!.number);
    expect(await find()).toHaveLength(1);
    await p.jobs.enqueue('archives.collect', {});
    while ((await p.jobs.runOnce({ limit: 10 })) > 0);
    expect(await find()).toHaveLength(1);
  });

  it('archives a customs clearance once it is issued (CJ: the signed JSON and the printable PDF)', async () => {
    const app = get();
    const qiye = await app.login('qiye');
    const bureau = await app.login('bureau');
    const form = { title: '临床试验数据出境', recipient: { name: '臺灣某某臨床研究股份有限公司', country: 'TW' }, purpose: '多中心临床试验汇总分析', industry: 'pharma', scenario: 'PHARMA-MRCT', dataDescription: '病案摘要', securityMeasures: '传输加密（SM4）', inFreeTradeZone: true };
    const created = await app.inject({ method: 'POST', url: '/api/customs/declarations', headers: qiye.headers, payload: form });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    const up = multipart('summary.csv', '随访日期,病案摘要\n2026-03-01,随访\n');
    expect((await app.inject({ method: 'POST', url: `/api/customs/declarations/${id}/file`, headers: { ...qiye.headers, ...up.headers }, payload: up.payload })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/customs/declarations/${id}/actions/submit`, headers: qiye.headers, payload: {} })).statusCode).toBe(200);
    while ((await app.platform.jobs.runOnce({ limit: 10 })) > 0);
    const approved = await app.inject({ method: 'POST', url: `/api/customs/declarations/${id}/actions/approve`, headers: bureau.headers, payload: { routeEvidence: '闽网信备〔2026〕0012号', comment: '同意' } });
    expect(approved.statusCode, approved.body).toBe(200);
    const clearanceNo = (approved.json() as { clearance: { no: string } }).clearance.no;
    await app.platform.jobs.enqueue('archives.collect', {});
    while ((await app.platform.jobs.runOnce({ limit: 10 })) > 0);
    const admin = await app.login('admin');
    const cj = (await app.inject({ method: 'GET', url: '/api/archives/records?category=CJ&limit=500', headers: admin.headers })).json().items as { id: number; documentNo: string; archivalCode: string }[];
    // The first clearance of the year: the demo's invented CJ record must not carry its number.
    expect(clearanceNo).toMatch(/^CL\d{4}000001$/);
    expect(cj.map((r) => r.documentNo)).toContain(DEMO_DOCUMENT_NOS.CJ);
    const collected = cj.filter((r) => r.documentNo === clearanceNo);
    expect(collected).toHaveLength(1);
    expect(collected[0]!.archivalCode).toMatch(/^PT01-CJ·\d{4}-D30-SJJ-\d{4}$/);
    const files = ((await app.inject({ method: 'GET', url: `/api/archives/records/${collected[0]!.id}`, headers: admin.headers })).json() as { files: { name: string }[] }).files.map((f) => f.name).sort();
    expect(files).toEqual([`通关凭证-${clearanceNo}.json`, `通关凭证-${clearanceNo}.pdf`]);
  });
});
