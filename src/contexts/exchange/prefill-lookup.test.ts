import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { demoIdNumber } from '../catalog/index.ts';
import { verifyEvidencePackage, type EvidencePackage } from './index.ts';
import { approvedMarriageGrant, COMPANIES, lookup, MARRIAGES, PURPOSE } from './test-support.ts';

describeApp('lookups for the service hall’s prefill, in process', (get) => {
  let grant: { grantId: number; credential: string; datasetId: number };

  it('lists the approved prefill grants the service hall holds from the demo, one per mapped dataset', async () => {
    const app = get();
    const hall = (await app.platform.identity.orgByCode('PT-XZSP'))!;
    const held = await app.platform.exchange.grantsHeldFor(hall.id, ' 政务服务表单预填 ');
    const shenpi = await app.login('shenpi');
    const identifiers = await Promise.all(held.map(async (g) => (await app.inject({ method: 'GET', url: `/api/exchange/grants/${g.grantId}`, headers: shenpi.headers })).json().dataset.identifier as string));
    expect(identifiers.sort()).toEqual([COMPANIES, MARRIAGES, 'sw-tax-credit']);
    expect(held.find((g) => g.fields.includes('marital_status'))!.fields.sort()).toEqual(['marital_status', 'registered_on', 'spouse_name']);
    expect(await app.platform.exchange.grantsHeldFor(hall.id, PURPOSE)).toEqual([]);
  });

  it('answers with the same masking and evidence as the data API, the consent id covered by the request hash', async () => {
    const app = get();
    grant = await approvedMarriageGrant(app);
    const a = await app.platform.exchange.lookupForPrefill({ grantId: grant.grantId, key: demoIdNumber(1), fields: ['id_number', 'marital_status'], purpose: PURPOSE, consentId: 42 });
    expect(a.answer.status).toBe(200);
    const body = a.answer.body as { record: Record<string, string>; masked: string[] };
    // Not listed as a clear field by this grant: the ID number comes back masked.
    expect(body.masked).toEqual(['id_number']);
    expect(body.record.id_number).not.toBe(demoIdNumber(1));
    expect(a.request).toMatchObject({ consentId: 42, key: demoIdNumber(1), credentialId: Number(/^xc_(\d+)_/.exec(grant.credential)![1]) });
    await app.platform.exchange.seal();
    const shenpi = await app.login('shenpi');
    const pkg = (await app.inject({ method: 'GET', url: `/api/exchange/evidence/${a.answer.txId}`, headers: shenpi.headers })).json() as EvidencePackage;
    expect(pkg.record).toMatchObject({ grantId: grant.grantId, outcome: 'allowed' });
    const key = app.platform.signer.publicKeyPem;
    expect(verifyEvidencePackage(pkg, key, { request: a.request, response: { status: 200, body: a.answer.body } })).toEqual({ ok: true });
    expect(verifyEvidencePackage(pkg, key, { request: { ...a.request, consentId: 43 } })).toMatchObject({ ok: false, failed: 'record.requestHash' });
  });

  it('refuses a field outside the grant with 403 field_not_approved, and records it', async () => {
    const app = get();
    const a = await app.platform.exchange.lookupForPrefill({ grantId: grant.grantId, key: demoIdNumber(1), fields: ['spouse_id_number'], purpose: PURPOSE, consentId: 42 });
    expect(a.answer.status).toBe(403);
    expect(a).toMatchObject({ outcome: 'denied', reason: 'field_not_approved' });
    expect((await app.platform.exchange.log.evidence(a.answer.txId))?.record).toMatchObject({ outcome: 'denied', reason: 'field_not_approved' });
  });

  it('answers a body that fails the schema with 400 and records it as evidence once the credential is known; 401 without one', async () => {
    const app = get();
    const sent = { datasetId: grant.datasetId, key: '', purpose: PURPOSE };
    const res = await lookup(app, grant.credential, sent);
    expect(res.statusCode).toBe(400);
    const { evidence, reason, fields } = res.json().error.details as { evidence: { txId: string; at: string; requestHash: string }; reason: string; fields: { field: string }[] };
    expect(reason).toBe('invalid_request');
    expect(fields[0]!.field).toMatch(/^body\.key/);
    expect(res.headers['x-exchange-transaction']).toBe(evidence.txId);
    const found = await app.platform.exchange.log.evidence(evidence.txId);
    expect(found?.record).toMatchObject({ outcome: 'denied', reason: 'invalid_request', datasetId: grant.datasetId, grantId: grant.grantId });
    const credentialId = Number(/^xc_(\d+)_/.exec(grant.credential)![1]);
    expect(found!.record.requestHash).toBe(sm3(canonicalJson({ txId: evidence.txId, credentialId, at: evidence.at, datasetId: grant.datasetId, key: '', fields: null, purpose: PURPOSE })));
    expect(found!.record.responseHash).toBe(sm3(`{"body":${res.body},"status":400}`));
    const anonymous = await lookup(app, 'xc_999_' + 'a'.repeat(43), sent);
    expect(anonymous.statusCode).toBe(401);
  });

  it('stops at once when the owner revokes the grant: the grant is read fresh, and the denial is evidence', async () => {
    const app = get();
    const minzheng = await app.login('minzheng');
    expect((await app.inject({ method: 'POST', url: `/api/exchange/grants/${grant.grantId}/revoke`, headers: minzheng.headers, payload: { reason: '核验业务结束' } })).statusCode).toBe(200);
    const a = await app.platform.exchange.lookupForPrefill({ grantId: grant.grantId, key: demoIdNumber(1), fields: ['marital_status'], purpose: PURPOSE, consentId: 42 });
    expect(a.answer.status).toBe(403);
    expect(a.reason).toBe('credential_revoked');
    expect((await app.platform.exchange.log.evidence(a.answer.txId))?.record).toMatchObject({ outcome: 'denied', reason: 'credential_revoked' });
  });
});
