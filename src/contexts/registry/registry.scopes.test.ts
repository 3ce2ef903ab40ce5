import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';

const first = {
  type: 'first',
  book: 'resource',
  subjectType: 'enterprise',
  sourceKind: 'self_collected',
  data: { name: '岚岛医药门店客流数据集' },
  rights: [{ right: 'hold', evidence: '自采集' }],
  dataSm3: sm3('scopes-test-data'),
};

describeApp('registry routes by role', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);

  it('serves notices, search, certificate status, verification and DCAT to anyone without an account', async () => {
    const search = await inject({ method: 'GET', url: '/api/registry/public/registrations?q=' + encodeURIComponent('光环境') });
    expect(search.statusCode).toBe(200);
    const items = search.json().items as { certificateNo: string; book: string; status: string }[];
    const asset = items.find((i) => i.book === 'asset')!;
    expect(asset.status).toBe('pledged');
    const status = await inject({ method: 'GET', url: `/api/registry/verify/${asset.certificateNo}` });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ status: 'pledged', encumbrances: [{ type: 'pledge', amountFen: 200_000_000 }] });
    const doc = await inject({ method: 'GET', url: `/api/registry/certificates/${asset.certificateNo}` });
    const verified = await inject({ method: 'POST', url: '/api/registry/verify', payload: { document: doc.json() } });
    expect(verified.json()).toMatchObject({ ok: true, form: 'signed-json', status: { status: 'pledged' } });
    const vc = await inject({ method: 'GET', url: `/api/registry/certificates/${asset.certificateNo}?form=vc` });
    expect(vc.json().proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'landao-sm2-sm3-jcs-2026' });
    const pdf = await inject({ method: 'GET', url: `/api/registry/certificates/${asset.certificateNo}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dcat = await inject({ method: 'GET', url: '/api/registry/public/dcat.jsonld' });
    expect(dcat.headers['content-type']).toMatch(/application\/ld\+json/);
    expect(dcat.json()['dcat:dataset'].length).toBe(4);
    expect((await inject({ method: 'GET', url: '/api/registry/public/notices' })).statusCode).toBe(200);
  });

  it('holds the demo registrations with their logged history', async () => {
    const s = await get().login('dengji');
    const regs = (await inject({ method: 'GET', url: '/api/registry/registrations?pageSize=50', headers: s.headers })).json().items as { registrationNo: string; holder: string; dataName: string }[];
    expect(regs.map((r) => r.holder).sort()).toEqual(['北京深势科技有限公司', '北京深势科技有限公司', '福建平潭瑞谦智能科技有限公司', '福建平潭瑞谦智能科技有限公司']);
    const mol = regs.find((r) => r.dataName === '生物医药分子式数据集' && r.registrationNo)!;
    const details = await Promise.all(regs.map(async (r) => (await inject({ method: 'GET', url: `/api/registry/registrations/${r.registrationNo}`, headers: s.headers })).json()));
    expect(details.filter((d) => d.transactions.length === 1).map((d) => d.transactions[0])).toEqual([expect.objectContaining({ kind: 'licence', to: '平潭岚岛生物医药科技有限公司' })]);
    expect(details.filter((d) => d.dataName === mol.dataName).every((d) => d.validFrom === '2024-09-14')).toBe(true);
    const logged = await inject({ method: 'GET', url: `/api/registry/log/entries/${details[0].certificates[0].logIndex}` });
    expect(logged.json().entry).toMatchObject({ event: 'certificate.issued' });
  });

  it('refuses applications and reviews to an anonymous caller with 401', async () => {
    expect((await inject({ method: 'GET', url: '/api/registry/applications' })).statusCode).toBe(401);
    expect((await inject({ method: 'POST', url: '/api/registry/applications', payload: first })).statusCode).toBe(401);
  });

  it('lets an enterprise apply for its own organisation but not review', async () => {
    const s = await get().login('qiye');
    const created = await inject({ method: 'POST', url: '/api/registry/applications', headers: s.headers, payload: first });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json().holder.name).toBe('平潭岚岛生物医药科技有限公司');
    expect((await inject({ method: 'POST', url: `/api/registry/applications/${id}/actions`, headers: s.headers, payload: { action: 'submit' } })).json().status).toBe('submitted');
    const review = await inject({ method: 'POST', url: `/api/registry/applications/${id}/actions`, headers: s.headers, payload: { action: 'accept' } });
    expect(review.statusCode).toBe(403);
    const other = await get().login('ruiqian');
    expect((await inject({ method: 'GET', url: `/api/registry/applications/${id}`, headers: other.headers })).statusCode).toBe(404);
    const reviewer = await get().login('dengji');
    const accepted = await inject({ method: 'POST', url: `/api/registry/applications/${id}/actions`, headers: reviewer.headers, payload: { action: 'accept' } });
    expect(accepted.json().status).toBe('formal_review');
    const illegal = await inject({ method: 'POST', url: `/api/registry/applications/${id}/actions`, headers: reviewer.headers, payload: { action: 'complete_notice' } });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.details.allowedActions).toEqual(['pass_formal', 'reject']);
  });

  it('keeps applying from banks, citizens and department officers, and reviewing from all but reviewers', async () => {
    for (const who of ['bank', 'taibao', 'shenpi', 'dengji']) {
      const s = await get().login(who);
      const res = await inject({ method: 'POST', url: '/api/registry/applications', headers: s.headers, payload: first });
      expect(res.statusCode, who).toBe(403);
    }
  });

  it('lets only a bank register a pledge and only the pledgee release it', async () => {
    const reviewer = await get().login('dengji');
    const regs = (await inject({ method: 'GET', url: '/api/registry/registrations?q=' + encodeURIComponent('分子式'), headers: reviewer.headers })).json().items as { registrationNo: string }[];
    const body = { registrationNo: regs[0]!.registrationNo, amountFen: 100_000, termStart: '2026-12-01', termEnd: '2027-06-30' };
    for (const who of ['qiye', 'dengji', 'shenshi']) {
      const s = await get().login(who);
      expect((await inject({ method: 'POST', url: '/api/registry/pledges', headers: s.headers, payload: body })).statusCode, who).toBe(403);
    }
    const bank = await get().login('bank');
    const pledged = await inject({ method: 'POST', url: '/api/registry/pledges', headers: bank.headers, payload: body });
    expect(pledged.statusCode).toBe(201);
    const owner = await get().login('shenshi');
    expect((await inject({ method: 'POST', url: `/api/registry/pledges/${pledged.json().id}/release`, headers: owner.headers })).statusCode).toBe(403);
    const released = await inject({ method: 'POST', url: `/api/registry/pledges/${pledged.json().id}/release`, headers: bank.headers });
    expect(released.json().status).toBe('released');
  });

  it('lets anyone object during a notice, without an account', async () => {
    const s = await get().login('ruiqian');
    const created = (await inject({ method: 'POST', url: '/api/registry/applications', headers: s.headers, payload: { ...first, dataSm3: sm3('objection-test') } })).json();
    await inject({ method: 'POST', url: `/api/registry/applications/${created.id}/actions`, headers: s.headers, payload: { action: 'submit' } });
    const reviewer = await get().login('dengji');
    for (const action of ['accept', 'pass_formal'])
      await inject({ method: 'POST', url: `/api/registry/applications/${created.id}/actions`, headers: reviewer.headers, payload: { action } });
    const notices = (await inject({ method: 'GET', url: '/api/registry/public/notices' })).json().items as { applicationId: number }[];
    expect(notices.map((n) => n.applicationId)).toContain(created.id);
    const objection = await inject({ method: 'POST', url: `/api/registry/public/notices/${created.id}/objections`, payload: { name: '王某', contact: '13900000000', reason: '该数据部分来自本公司' } });
    expect(objection.statusCode).toBe(201);
    expect(objection.json().status).toBe('notice_suspended');
  });

  it('lets the bureau and reviewers create authorisations, and not enterprises', async () => {
    const body = { implementingBody: '平潭综合实验区大数据管理局', operator: { orgCode: 'ENT-LDSW' }, scope: '医疗健康公共数据', startsOn: '2026-01-01', endsOn: '2030-12-31', agreementRef: 'PT-2026-001' };
    const qiye = await get().login('qiye');
    expect((await inject({ method: 'POST', url: '/api/registry/authorisations', headers: qiye.headers, payload: body })).statusCode).toBe(403);
    const bureau = await get().login('bureau');
    const created = await inject({ method: 'POST', url: '/api/registry/authorisations', headers: bureau.headers, payload: body });
    expect(created.statusCode).toBe(201);
    const product = await inject({ method: 'POST', url: `/api/registry/authorisations/${created.json().id}/products`, headers: qiye.headers, payload: { name: '慢病风险评估模型服务', kind: 'service', priceFen: 5000, unit: '次' } });
    expect(product.statusCode).toBe(201);
    expect((await inject({ method: 'GET', url: '/api/registry/public/authorisations' })).json().items[0].products).toHaveLength(1);
  });
});
