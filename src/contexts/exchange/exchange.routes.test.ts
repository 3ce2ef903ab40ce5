import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { demoIdNumber } from '../catalog/index.ts';
import { verifyEvidencePackage, type EvidencePackage } from './index.ts';
import { approvedMarriageGrant, COMPANIES, datasetId, lookup, MARRIAGES, marriageRequest, PURPOSE, today } from './test-support.ts';

describeApp('the exchange: grants, lookups and their evidence', (get) => {
  let grant: { grantId: number; credential: string; datasetId: number };
  const txIds: Record<string, string> = {};

  it('lets 行政审批局 request 民政 marriage records, which wait for the owner’s review', async () => {
    const app = get();
    const shenpi = await app.login('shenpi');
    const id = await datasetId(app, shenpi, MARRIAGES);
    const res = await app.inject({ method: 'POST', url: '/api/exchange/grants', headers: shenpi.headers, payload: marriageRequest(id) });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.credential).toBeUndefined();
    expect(body.grant).toMatchObject({ state: 'requested', purpose: PURPOSE, consumer: { code: 'PT-XZSP' }, owner: { code: 'PT-SHSY' }, allowedActions: ['approve', 'reject', 'revoke'] });
    const events = await app.platform.audit.list({ entityType: 'exchange_grant', entityId: String(body.grant.id) });
    expect(events.map((e) => e.action)).toEqual(['exchange.grant.requested']);
  });

  it('refuses fields the dataset does not have, naming the field', async () => {
    const app = get();
    const shenpi = await app.login('shenpi');
    const id = await datasetId(app, shenpi, MARRIAGES);
    const res = await app.inject({ method: 'POST', url: '/api/exchange/grants', headers: shenpi.headers, payload: marriageRequest(id, { fields: ['id_number', 'salary'] }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual({ field: 'fields[1]' });
  });

  it('issues a credential after approval, storing only its SM3 hash, and refuses a second approval with the allowed actions', async () => {
    const app = get();
    grant = await approvedMarriageGrant(app);
    expect(grant.credential).toMatch(/^xc_\d+_[A-Za-z0-9_-]{43}$/);
    const [, id, secret] = /^xc_(\d+)_(.+)$/.exec(grant.credential)!;
    const stored = await sql<{ secret_hash: string }>`select secret_hash from exchange_credentials where id = ${Number(id)}`.execute(app.platform.database.db);
    expect(stored.rows[0]!.secret_hash).toBe(sm3(secret!));
    const minzheng = await app.login('minzheng');
    const again = await app.inject({ method: 'POST', url: `/api/exchange/grants/${grant.grantId}/approve`, headers: minzheng.headers, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ action: 'approve', state: 'approved', allowedActions: ['revoke', 'issue_credential'] });
    const events = await app.platform.audit.list({ entityType: 'exchange_grant', entityId: String(grant.grantId) });
    expect(events.map((e) => e.action).reverse()).toEqual(['exchange.grant.requested', 'exchange.grant.approved', 'exchange.grant.credential_issued']);
  });

  it('answers a lookup with the approved fields only, the ID number masked', async () => {
    const app = get();
    const res = await lookup(app, grant.credential, { datasetId: grant.datasetId, key: demoIdNumber(1), purpose: PURPOSE });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body.record).sort()).toEqual(['id_number', 'marital_status', 'person_name', 'registered_on']);
    expect(body.record.id_number).toBe(`${demoIdNumber(1).slice(0, 4)}**********${demoIdNumber(1).slice(-4)}`);
    expect(body.record.person_name).toBe('林海峰');
    expect(body.masked).toEqual(['id_number']);
    expect(body.evidence.txId).toBe(res.headers['x-exchange-transaction']);
    txIds.allowed = body.evidence.txId;
  });

  it('refuses a field outside the grant with 403 field_not_approved, and logs it', async () => {
    const app = get();
    const res = await lookup(app, grant.credential, { datasetId: grant.datasetId, key: demoIdNumber(2), fields: ['person_name', 'spouse_name'], purpose: PURPOSE });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toMatchObject({ reason: 'field_not_approved', fields: ['spouse_name'] });
    txIds.field = res.json().error.details.evidence.txId;
  });

  it('refuses another purpose with 403 purpose_mismatch', async () => {
    const res = await lookup(get(), grant.credential, { datasetId: grant.datasetId, key: demoIdNumber(2), purpose: '营销' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('purpose_mismatch');
  });

  it('answers 404 record_not_found for an unknown key, and 401 without a valid credential (not logged)', async () => {
    const app = get();
    const res = await lookup(app, grant.credential, { datasetId: grant.datasetId, key: demoIdNumber(999), purpose: PURPOSE });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details.reason).toBe('record_not_found');
    expect((await lookup(app, undefined, { datasetId: grant.datasetId, key: demoIdNumber(1), purpose: PURPOSE })).statusCode).toBe(401);
    expect((await lookup(app, grant.credential.slice(0, -1) + (grant.credential.endsWith('A') ? 'B' : 'A'), { datasetId: grant.datasetId, key: demoIdNumber(1), purpose: PURPOSE })).statusCode).toBe(401);
  });

  it('refuses a lookup before the grant’s period with 403 outside_period', async () => {
    const app = get();
    const later = await approvedMarriageGrant(app, { validFrom: today(30), validUntil: today(60) });
    const res = await lookup(app, later.credential, { datasetId: later.datasetId, key: demoIdNumber(1), purpose: PURPOSE });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toMatchObject({ reason: 'outside_period', validFrom: today(30) });
  });

  it('answers 202 pending for evidence not sealed yet, then a package that verifies offline', async () => {
    const app = get();
    const shenpi = await app.login('shenpi');
    const pending = await app.inject({ method: 'GET', url: `/api/exchange/evidence/${txIds.allowed}`, headers: shenpi.headers });
    expect(pending.statusCode).toBe(202);
    expect(pending.json()).toMatchObject({ status: 'pending', record: { txId: txIds.allowed, outcome: 'allowed' } });
    expect(await app.platform.exchange.seal()).toMatchObject({ batches: 1 });
    const res = await app.inject({ method: 'GET', url: `/api/exchange/evidence/${txIds.field}`, headers: shenpi.headers });
    expect(res.statusCode).toBe(200);
    const pkg = res.json() as EvidencePackage;
    expect(pkg.record).toMatchObject({ outcome: 'denied', reason: 'field_not_approved', grantId: grant.grantId });
    expect(verifyEvidencePackage(pkg, app.platform.signer.publicKeyPem)).toEqual({ ok: true });
    expect(verifyEvidencePackage(pkg, pkg.batch.publicKeyPem).ok).toBe(true);
  });

  it('lets the consumer prove the response it kept is the one the record hashed', async () => {
    const app = get();
    const res = await lookup(app, grant.credential, { datasetId: grant.datasetId, key: demoIdNumber(3), purpose: PURPOSE });
    await app.platform.exchange.seal();
    const pkg = (await app.inject({ method: 'GET', url: `/api/exchange/evidence/${res.json().evidence.txId}`, headers: { 'x-exchange-credential': grant.credential } })).json() as EvidencePackage;
    expect(verifyEvidencePackage(pkg, app.platform.signer.publicKeyPem, { response: { status: 200, body: res.json() } })).toEqual({ ok: true });
    // The bytes sent are the canonical JSON the record hashed: a consumer can hash what it received as is.
    expect(res.body).toBe(canonicalJson(res.json()));
    expect(pkg.record.responseHash).toBe(sm3(`{"body":${res.body},"status":200}`));
    expect(res.headers['cache-control']).toBe('no-store');
    const forged = { ...res.json(), record: { ...res.json().record, marital_status: '离婚' } };
    expect(verifyEvidencePackage(pkg, app.platform.signer.publicKeyPem, { response: { status: 200, body: forged } })).toMatchObject({ ok: false, failed: 'record.responseHash' });
  });

  it('rejects a package with one changed byte, naming what failed', async () => {
    const app = get();
    const shenpi = await app.login('shenpi');
    const pkg = (await app.inject({ method: 'GET', url: `/api/exchange/evidence/${txIds.allowed}`, headers: shenpi.headers })).json() as EvidencePackage;
    const flip = (hex: string) => (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);
    expect(verifyEvidencePackage({ ...pkg, record: { ...pkg.record, outcome: 'denied' } }, app.platform.signer.publicKeyPem)).toMatchObject({ ok: false, failed: 'record.hash' });
    expect(verifyEvidencePackage({ ...pkg, batch: { ...pkg.batch, merkleRoot: flip(pkg.batch.merkleRoot) } }, app.platform.signer.publicKeyPem)).toMatchObject({ ok: false, failed: 'auditPath' });
    expect(verifyEvidencePackage({ ...pkg, batch: { ...pkg.batch, sealedAt: pkg.batch.sealedAt.replace('Z', '1Z') } }, app.platform.signer.publicKeyPem)).toMatchObject({ ok: false, failed: 'batch.signature' });
    const other = (await import('../../kernel/crypto/signer.ts')).LocalKeySigner.generate();
    expect(verifyEvidencePackage(pkg, other.publicKeyPem)).toMatchObject({ ok: false, failed: 'batch.signature' });
  });

  it('meters usage per consumer, dataset and month for both sides and the bureau', async () => {
    const app = get();
    const month = today().slice(0, 7);
    const rows = async (who: string) => (await app.inject({ method: 'GET', url: `/api/exchange/usage?month=${month}`, headers: (await app.login(who)).headers })).json().items as { consumer: { code: string }; dataset: { identifier: string }; allowed: number; denied: number; notFound: number }[];
    const mine = await rows('shenpi');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ consumer: { code: 'PT-XZSP' }, dataset: { identifier: MARRIAGES }, allowed: 2, denied: 3, notFound: 1 });
    expect(await rows('minzheng')).toEqual(mine);
    expect(await rows('bureau')).toEqual(mine);
    expect(await rows('shuiwu')).toEqual([]);
  });

  it('stops lookups at once when the owner revokes, with 403 credential_revoked', async () => {
    const app = get();
    const minzheng = await app.login('minzheng');
    const res = await app.inject({ method: 'POST', url: `/api/exchange/grants/${grant.grantId}/revoke`, headers: minzheng.headers, payload: { reason: '核验业务结束' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'revoked', allowedActions: [] });
    const after = await lookup(app, grant.credential, { datasetId: grant.datasetId, key: demoIdNumber(1), purpose: PURPOSE });
    expect(after.statusCode).toBe(403);
    expect(after.json().error.details.reason).toBe('credential_revoked');
  });

  it('approves an unconditionally shared dataset on request and returns the credential at once', async () => {
    const app = get();
    const shuiwu = await app.login('shuiwu');
    const id = await datasetId(app, shuiwu, COMPANIES);
    const res = await app.inject({ method: 'POST', url: '/api/exchange/grants', headers: shuiwu.headers, payload: { datasetId: id, purpose: '纳税人登记信息核对', fields: ['uscc', 'company_name', 'status'], validFrom: today(), validUntil: today(30) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().grant).toMatchObject({ state: 'approved', history: [{ action: 'request' }, { action: 'approve', actor: 'system', detail: { auto: true } }, { action: 'issue_credential' }] });
    const { demoUscc } = await import('../catalog/index.ts');
    const found = await lookup(app, res.json().credential, { datasetId: id, key: demoUscc(1), purpose: '纳税人登记信息核对' });
    expect(found.statusCode).toBe(200);
    expect(found.json().record).toEqual({ uscc: demoUscc(1), company_name: '平潭海洋渔业有限公司', status: '存续' });
  });

  it('refuses requests for a dataset that is not shared (不予共享), with the reason', async () => {
    const app = get();
    const shuiwu = await app.login('shuiwu');
    const input = {
      identifier: 'sw-closed-cases',
      title: '税务稽查案件',
      description: '稽查案件明细，不予共享',
      theme: 'finance_tax',
      keywords: [],
      accrualPeriodicity: 'monthly',
      sharingType: 'none',
      sharingBasis: '涉及税务稽查秘密',
      openingType: 'closed',
      keyFields: ['case_no'],
      fields: [{ name: 'case_no', title: '案件编号', type: 'string', meaning: '稽查案件编号', required: true }],
    };
    const created = await app.inject({ method: 'POST', url: '/api/catalog/datasets', headers: shuiwu.headers, payload: input });
    expect(created.statusCode, created.body).toBe(201);
    const dsId = created.json().id as number;
    expect((await app.inject({ method: 'POST', url: `/api/catalog/datasets/${dsId}/confirm-grade`, headers: shuiwu.headers, payload: { subclasses: {} } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/catalog/datasets/${dsId}/publish`, headers: shuiwu.headers })).statusCode).toBe(200);
    const shenpi = await app.login('shenpi');
    const res = await app.inject({ method: 'POST', url: '/api/exchange/grants', headers: shenpi.headers, payload: { datasetId: dsId, purpose: '核查', fields: ['case_no'], validFrom: today(), validUntil: today(10) } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'not_shareable', sharingBasis: '涉及税务稽查秘密' });
  });

  it('names the first bad record when a record is edited with raw SQL', async () => {
    const app = get();
    const db = app.platform.database.db;
    expect(await app.platform.exchange.audit()).toMatchObject({ ok: true, problems: [] });
    await sql`update exchange_evidence set outcome = 'allowed' where seq = 2`.execute(db);
    const report = await app.platform.exchange.audit();
    expect(report.ok).toBe(false);
    expect(report.firstBad).toEqual({ seq: 2, reason: expect.stringContaining('record 2') });
    expect(report.firstBad!.reason).toContain('hash mismatch');
  });
});
