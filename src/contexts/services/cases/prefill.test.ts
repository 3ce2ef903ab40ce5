import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';
import { demoIdNumber } from '../../catalog/index.ts';
import { verifyEvidencePackage, type EvidencePackage } from '../../exchange/index.ts';

// taibao's residence permit (accounts demo) and the item whose form maps 婚姻状况 to 民政's marriage records.
const PERMIT = '830000199001010012';
const ITEM = 'TW-JY-001-01';
const form = { name: '李志明', permit: PERMIT, phone: '13905910000', childName: '李小安', childBirth: '2020-03-01', maritalStatus: '已婚' };

interface Consent {
  id: number;
  active: boolean;
  datasets: { dataset: string; department: string; fields: { name: string }[] }[];
  lookups: { txId: string; caseId: number | null; outcome: string; request: unknown }[];
}

describeApp('prefill through the exchange, under the citizen’s consent', (get) => {
  let consentId: number;
  let prefillTx: string;

  const evidenceRecords = async () => get().platform.exchange.log.repo.countRecords(get().platform.database.db);

  it('answers 409 consent_required listing the datasets, departments, fields and purpose, and looks nothing up', async () => {
    const app = get();
    // 民政 holds taibao's marriage record.
    const minzheng = await app.login('minzheng');
    const list = (await app.inject({ method: 'GET', url: `/api/catalog/datasets?q=${encodeURIComponent('婚姻')}`, headers: minzheng.headers })).json() as { items: { id: number; identifier: string }[] };
    const ds = list.items.find((d) => d.identifier === 'shsy-marriage-records')!;
    const push = await app.inject({
      method: 'POST',
      url: `/api/catalog/datasets/${ds.id}/rows`,
      headers: minzheng.headers,
      payload: { rows: [{ id_number: PERMIT, person_name: '李志明', spouse_id_number: demoIdNumber(150, true), spouse_name: '林雅婷', marital_status: '已婚', registered_on: '2018-05-20' }] },
    });
    expect(push.json(), push.body).toMatchObject({ status: 'loaded', rowsLoaded: 1 });

    const taibao = await app.login('taibao');
    const before = await evidenceRecords();
    const res = await app.inject({ method: 'GET', url: `/api/services/items/${ITEM}/prefill`, headers: taibao.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'consent_required',
      details: {
        itemCode: ITEM,
        purpose: '政务服务表单预填',
        datasets: [{ dataset: 'shsy-marriage-records', title: '婚姻登记信息', department: '平潭综合实验区社会事业局', fields: [{ name: 'marital_status', title: '婚姻状况', property: 'maritalStatus' }] }],
      },
    });
    expect(await evidenceRecords()).toBe(before);
    const state = (await app.inject({ method: 'GET', url: `/api/services/items/${ITEM}/prefill/consent`, headers: taibao.headers })).json();
    expect(state).toMatchObject({ itemCode: ITEM, purpose: '政务服务表单预填', consent: null });
    expect(state.datasets).toEqual(res.json().error.details.datasets);
  });

  it('after consent, prefills each field with its source, date and exchange transaction, whose evidence verifies offline with the consent in its request', async () => {
    const app = get();
    const taibao = await app.login('taibao');
    const consent = await app.inject({ method: 'POST', url: `/api/services/items/${ITEM}/prefill/consent`, headers: taibao.headers });
    expect(consent.statusCode, consent.body).toBe(201);
    consentId = (consent.json() as Consent).id;
    const before = await evidenceRecords();
    const res = await app.inject({ method: 'GET', url: `/api/services/items/${ITEM}/prefill`, headers: taibao.headers });
    expect(res.statusCode, res.body).toBe(200);
    const field = res.json().fields.maritalStatus as { value: string; source: { dataset: string; department: string; asOf: string; txId: string } };
    expect(field).toMatchObject({ value: '已婚', source: { dataset: 'shsy-marriage-records', department: '平潭综合实验区社会事业局' } });
    expect(field.source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    prefillTx = field.source.txId;
    // One evidence record for the dataset's field set.
    expect(await evidenceRecords()).toBe(before + 1);

    const [mine] = (await app.inject({ method: 'GET', url: '/api/services/my/prefill-consents', headers: taibao.headers })).json().items as Consent[];
    expect(mine).toMatchObject({ id: consentId, active: true, lookups: [{ txId: prefillTx, caseId: null, outcome: 'allowed' }] });
    const request = mine!.lookups[0]!.request as { consentId: number; key: string; purpose: string };
    expect(request).toMatchObject({ consentId, key: PERMIT, purpose: '政务服务表单预填' });

    await app.platform.exchange.seal();
    const shenpi = await app.login('shenpi');
    const pkg = (await app.inject({ method: 'GET', url: `/api/exchange/evidence/${prefillTx}`, headers: shenpi.headers })).json() as EvidencePackage;
    expect(pkg.record).toMatchObject({ txId: prefillTx, outcome: 'allowed' });
    const key = app.platform.signer.publicKeyPem;
    expect(verifyEvidencePackage(pkg, key, { request })).toEqual({ ok: true });
    // The consent id is covered by the request hash: another consent does not match the record.
    expect(verifyEvidencePackage(pkg, key, { request: { ...request, consentId: consentId + 1 } })).toMatchObject({ ok: false, failed: 'record.requestHash' });
  });

  it('stores each lookup request sealed, so the identity number it carries is nowhere in clear in the table', async () => {
    const rows = await get().platform.database.db.selectFrom('services_prefill_lookups').select(['request']).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.request.startsWith('sm4:')).toBe(true);
      expect(r.request).not.toContain(PERMIT);
      expect(Buffer.from(r.request.slice(4), 'base64').toString('latin1')).not.toContain(PERMIT);
    }
  });

  it('keeps the provenance of the submitted fields, with the transaction of the lookup made for the submission', async () => {
    const app = get();
    const taibao = await app.login('taibao');
    const res = await app.inject({ method: 'POST', url: '/api/services/cases', headers: taibao.headers, payload: { itemCode: ITEM, form } });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as { id: number; prefill: Record<string, { dataset: string; txId: string }> };
    expect(c.prefill.maritalStatus).toMatchObject({ dataset: 'shsy-marriage-records', department: '平潭综合实验区社会事业局' });
    const shown = (await app.inject({ method: 'GET', url: `/api/services/cases/${c.id}`, headers: taibao.headers })).json() as typeof c;
    expect(shown.prefill).toEqual(c.prefill);
    const [mine] = (await app.inject({ method: 'GET', url: '/api/services/my/prefill-consents', headers: taibao.headers })).json().items as Consent[];
    expect(mine!.lookups.map((l) => [l.txId, l.caseId])).toEqual([
      [prefillTx, null],
      [c.prefill.maritalStatus!.txId, c.id],
    ]);
  });

  it('makes no more lookups once the citizen revokes the consent', async () => {
    const app = get();
    const taibao = await app.login('taibao');
    const other = await app.login('13905910001');
    expect((await app.inject({ method: 'POST', url: `/api/services/prefill-consents/${consentId}/revoke`, headers: other.headers, payload: {} })).statusCode).toBe(404);
    const revoked = await app.inject({ method: 'POST', url: `/api/services/prefill-consents/${consentId}/revoke`, headers: taibao.headers, payload: { reason: '自己填写' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ active: false, revokeReason: '自己填写' });
    const before = await evidenceRecords();
    expect((await app.inject({ method: 'GET', url: `/api/services/items/${ITEM}/prefill`, headers: taibao.headers })).json().error.code).toBe('consent_required');
    // An application without consent: nothing looked up, no provenance.
    const c = await app.inject({ method: 'POST', url: '/api/services/cases', headers: taibao.headers, payload: { itemCode: ITEM, form: { ...form, childName: '李小宁' } } });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().prefill).toEqual({});
    expect(await evidenceRecords()).toBe(before);
  });

  it('answers two simultaneous revokes of one consent with 200 and 409 illegal_transition, never 500', async () => {
    const app = get();
    const taibao = await app.login('taibao');
    const consent = await app.inject({ method: 'POST', url: `/api/services/items/${ITEM}/prefill/consent`, headers: taibao.headers });
    expect(consent.statusCode, consent.body).toBe(201);
    const id = (consent.json() as Consent).id;
    const revoke = () => app.inject({ method: 'POST', url: `/api/services/prefill-consents/${id}/revoke`, headers: taibao.headers, payload: {} });
    const answers = await Promise.all([revoke(), revoke()]);
    expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error).toMatchObject({ code: 'illegal_transition', details: { action: 'revoke', state: 'revoked', allowedActions: [] } });
  });
});
