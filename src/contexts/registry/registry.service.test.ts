import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { LocalBlobStore } from '../../kernel/blob/local-blob-store.ts';
import { loadCalendar } from '../../kernel/calendar/calendar.ts';
import { LocalKeySigner } from '../../kernel/crypto/signer.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import type { Principal } from '../../kernel/principal.ts';
import { AuditService, SYSTEM_ACTOR } from '../audit/index.ts';
import { IdentityService, scopesOf } from '../identity/index.ts';
import { TransparencyLog } from './log/transparency-log.ts';
import { isValidRegistrationNumber } from './registry.numbers.ts';
import { OperationService } from './registry.operation.ts';
import { RegistryPublic } from './registry.public.ts';
import { RegistryService, type ApplicationDto, type DataDescription } from './registry.service.ts';

const DATA: DataDescription = {
  name: '设备感知算法动态光环境数据集',
  description: '动态光环境数据',
  source: '自采集',
  acquisitionProof: '采购合同',
  fields: [{ name: 'lux', type: 'decimal' }],
  scale: { records: 1000 },
  updateFrequency: '每日',
  storageLocation: '平潭智算中心',
  processingRules: '去噪与聚合',
};
const RIGHTS = [
  { right: 'hold' as const, evidence: '采集记录' },
  { right: 'use' as const, evidence: '加工记录' },
  { right: 'operate' as const, evidence: '经营范围' },
];
const hash = (s: string) => sm3(s);
const file = (name: string, content: string) => ({ filename: name, file: Readable.from([Buffer.from(content)]), truncated: () => false });

describeEachDialect('data property registry', (get) => {
  const clock = { t: new Date('2026-03-02T02:00:00Z') };
  const setDay = (d: string) => {
    clock.t = new Date(`${d}T10:00:00+08:00`);
  };
  let registry: RegistryService;
  let pub: RegistryPublic;
  let operation: OperationService;
  let log: TransparencyLog;
  let audit: AuditService;
  let signer: LocalKeySigner;
  const calendar = loadCalendar();
  const principals: Record<string, Principal> = {};
  const orgIds: Record<string, number> = {};

  const principal = (name: string, orgId: number | null, roles: string[]): Principal => ({ kind: 'user', id: Object.keys(principals).length + 1, name, orgId, orgKind: null, roles, scopes: scopesOf(roles), locale: 'zh-CN', ip: null });

  beforeAll(async () => {
    const db = get().db;
    signer = LocalKeySigner.generate();
    audit = new AuditService(db, signer);
    const identity = new IdentityService(db, audit, { passwordCost: 'fast' });
    for (const [code, kind] of [['ENT-A', 'enterprise'], ['ENT-B', 'enterprise'], ['BANK', 'bank'], ['BDB', 'bureau']] as const)
      orgIds[code] = (await identity.createOrg(SYSTEM_ACTOR, { code, name: `${code} 有限公司`, kind })).id;
    principals.a = principal('a', orgIds['ENT-A']!, ['enterprise-user']);
    principals.b = principal('b', orgIds['ENT-B']!, ['enterprise-user']);
    principals.bank = principal('bank', orgIds.BANK!, ['bank-officer']);
    principals.reviewer = principal('reviewer', orgIds.BDB!, ['registry-reviewer']);
    log = new TransparencyLog(db, signer, { origin: 'landao.test/registry' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-registry-'));
    registry = new RegistryService({
      db,
      audit,
      log,
      signer,
      blobs: new LocalBlobStore(dir),
      calendar,
      origin: 'https://data.example.cn',
      uploadLimit: 10 * 1024 * 1024,
      now: () => clock.t,
      orgs: { byId: (id) => identity.orgById(id), byCode: (code) => identity.orgByCode(code) },
    });
    pub = new RegistryPublic(registry);
    operation = new OperationService(registry);
  });

  const act = (who: string, id: number, action: Parameters<RegistryService['act']>[2]['action'], extra: Omit<Parameters<RegistryService['act']>[2], 'action'> = {}) =>
    registry.act(principals[who]!, id, { action, ...extra });

  async function draft(book: 'resource' | 'product' | 'asset' = 'asset', dataSm3 = hash(`data-${Math.random()}`), who = 'a'): Promise<ApplicationDto> {
    return registry.createApplication(principals[who]!, { type: 'first', book, subjectType: 'enterprise', sourceKind: 'self_collected', data: DATA, rights: RIGHTS, dataSm3 });
  }

  /** A first registration taken to an issued certificate; returns the approved application. */
  async function registered(book: 'resource' | 'asset' = 'asset', who = 'a'): Promise<ApplicationDto> {
    setDay('2026-03-02');
    let app = await draft(book, undefined, who);
    await act(who, app.id, 'submit');
    await act('reviewer', app.id, 'accept');
    app = await act('reviewer', app.id, 'pass_formal');
    if (app.status === 'substantive_review') app = await act('reviewer', app.id, 'pass_substantive');
    setDay(calendar.nextWorkingDay(app.notice!.end!));
    return act('reviewer', app.id, 'complete_notice');
  }

  it('takes a first registration through acceptance, reviews and a 10-working-day notice to a signed certificate', async () => {
    setDay('2026-03-02');
    let app = await draft('asset');
    expect(app.status).toBe('draft');
    expect(app.steps).toEqual(['acceptance', 'formal', 'substantive', 'notice']);
    app = await act('a', app.id, 'submit');
    expect(app.status).toBe('submitted');
    expect(app.acceptanceDue).toBe('2026-03-05');
    app = await act('reviewer', app.id, 'accept');
    expect(app.status).toBe('formal_review');
    app = await act('reviewer', app.id, 'pass_formal');
    expect(app.status).toBe('substantive_review');
    app = await act('reviewer', app.id, 'pass_substantive');
    expect(app.status).toBe('public_notice');
    // 10 working days after Monday 2 March 2026: Monday 16 March.
    expect(app.notice).toEqual({ start: '2026-03-02', end: '2026-03-16', remainingWorkingDays: null });
    expect((await pub.notices({ page: 1, pageSize: 50 })).items.map((n) => n.applicationId)).toContain(app.id);
    setDay('2026-03-17');
    app = await act('reviewer', app.id, 'complete_notice');
    expect(app.status).toBe('approved');
    expect(isValidRegistrationNumber(app.registrationNo!)).toBe(true);
    expect(app.registrationNo!.slice(0, 6)).toBe('202611');
    const detail = await registry.registrationDetail(principals.a!, app.registrationNo!);
    expect(detail.status).toBe('valid');
    expect(detail.validFrom).toBe('2026-03-17');
    expect(detail.validUntil).toBe('2029-03-16');
    const cert = detail.certificates[0]!;
    expect(cert.certificateNo).toMatch(/^2026033528\d{7}$/);
    const logged = await log.entry(cert.logIndex);
    expect(logged?.entry).toMatchObject({ event: 'certificate.issued', certificateNo: cert.certificateNo, registrationNo: app.registrationNo });
    const forms = await registry.certificateForms(null, cert.certificateNo);
    expect(forms.document.payload.logIndex).toBe(cert.logIndex);
    expect(forms.credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2']);
    expect((await pub.verify(forms.document)).ok).toBe(true);
    expect((await pub.verify(forms.credential)).ok).toBe(true);
    const status = await pub.status(cert.certificateNo);
    expect(status).toMatchObject({ status: 'valid', validUntil: '2029-03-16', encumbrances: [], logIndex: cert.logIndex });
  });

  it('appends every action to the transparency log and the audit trail, and nothing when the action fails', async () => {
    setDay('2026-03-02');
    const app = await draft('resource');
    const before = await log.size();
    await act('a', app.id, 'submit');
    expect(await log.size()).toBe(before + 1);
    const entry = (await log.entry(before))!.entry;
    expect(entry).toMatchObject({ event: 'application.submit', applicationId: app.id, seq: 2 });
    const events = await audit.list({ entityType: 'registry_application', entityId: String(app.id) });
    expect(events.map((e) => e.action)).toEqual(['registry.application.submit', 'registry.application.create']);
    await expect(act('reviewer', app.id, 'pass_formal')).rejects.toMatchObject({ code: 'illegal_transition' });
    expect(await log.size()).toBe(before + 1);
  });

  it('issues certificates for concurrent approvals in shared commits, each payload carrying the index of its own issuing leaf', async () => {
    setDay('2026-03-02');
    const apps: ApplicationDto[] = [];
    for (let i = 0; i < 6; i++) {
      const app = await draft('resource');
      await act('a', app.id, 'submit');
      await act('reviewer', app.id, 'accept');
      apps.push(await act('reviewer', app.id, 'pass_formal'));
    }
    setDay(calendar.nextWorkingDay(apps[0]!.notice!.end!));
    const before = await log.size();
    // All at once, with an illegal action among them: it fails alone and leaves no gap.
    const outcomes = await Promise.allSettled([...apps.map((a) => act('reviewer', a.id, 'complete_notice')), act('reviewer', apps[0]!.id, 'pass_formal')]);
    expect(outcomes.slice(0, 6).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes[6]).toMatchObject({ status: 'rejected', reason: { code: 'illegal_transition' } });
    expect(await log.size()).toBe(before + 12); // per approval: the action and the certificate
    const indices: number[] = [];
    for (const o of outcomes.slice(0, 6)) {
      const approved = (o as PromiseFulfilledResult<ApplicationDto>).value;
      const cert = (await registry.registrationDetail(principals.a!, approved.registrationNo!)).certificates[0]!;
      const { document } = await registry.certificateForms(null, cert.certificateNo);
      expect(document.payload.logIndex).toBe(cert.logIndex);
      expect((await log.entry(document.payload.logIndex))!.entry).toMatchObject({ event: 'certificate.issued', certificateNo: cert.certificateNo, registrationNo: approved.registrationNo, applicationId: approved.id });
      expect((await pub.verify(document)).ok).toBe(true);
      indices.push(document.payload.logIndex);
    }
    expect(new Set(indices).size).toBe(6);
    expect((await log.verify()).problems).toEqual([]);
    expect((await audit.verify()).problems).toEqual([]);
  });

  it('sends one acceptance notice listing everything missing, and refuses a second one', async () => {
    setDay('2026-03-02');
    const app = await registry.createApplication(principals.a!, { type: 'first', book: 'product', subjectType: 'enterprise', sourceKind: 'licensed', data: { name: '不完整的数据产品' }, rights: [RIGHTS[0]!], dataSm3: hash('incomplete') });
    await act('a', app.id, 'submit');
    const detail = await registry.applicationDetail(principals.reviewer!, app.id);
    expect(detail.missingItems).toEqual(expect.arrayContaining(['data.description', 'data.source', 'data.fields', 'sample', 'attachment:acquisition_proof']));
    let after = await act('reviewer', app.id, 'request_supplement');
    expect(after.status).toBe('returned');
    expect(after.missing).toEqual(detail.missingItems);
    await registry.updateApplication(principals.a!, app.id, { data: { description: '补正后的说明', source: '授权取得' } });
    after = await act('a', app.id, 'supplement');
    expect(after.status).toBe('submitted');
    await expect(act('reviewer', app.id, 'request_supplement')).rejects.toMatchObject({
      code: 'illegal_transition',
      details: { allowedActions: ['accept', 'reject', 'withdraw'] },
    });
    setDay('2026-03-09');
    expect((await registry.getApplication(principals.reviewer!, app.id)).acceptanceOverdue).toBe(true);
  });

  it('refuses to issue the certificate before the notice ends, listing the allowed actions', async () => {
    setDay('2026-03-02');
    let app = await draft('resource');
    await act('a', app.id, 'submit');
    await act('reviewer', app.id, 'accept');
    app = await act('reviewer', app.id, 'pass_formal');
    setDay('2026-03-16');
    await expect(act('reviewer', app.id, 'complete_notice')).rejects.toMatchObject({
      status: 409,
      details: { state: 'public_notice', allowedActions: ['object', 'reject'] },
    });
  });

  it('suspends the notice on an objection and resumes it with the working days left when dismissed', async () => {
    setDay('2026-03-02');
    let app = await draft('resource');
    await act('a', app.id, 'submit');
    await act('reviewer', app.id, 'accept');
    app = await act('reviewer', app.id, 'pass_formal');
    expect(app.notice!.end).toBe('2026-03-16');
    setDay('2026-03-06');
    const { objectionId } = await registry.fileObjection(null, app.id, { name: '张三', contact: '13800000000', reason: '数据来源存在争议' });
    app = await registry.getApplication(principals.reviewer!, app.id);
    expect(app.status).toBe('notice_suspended');
    expect(app.notice!.remainingWorkingDays).toBe(6);
    expect(app.allowedActions).toEqual(['object', 'resolve_objection', 'reject']);
    setDay('2026-03-20');
    await expect(act('reviewer', app.id, 'complete_notice')).rejects.toMatchObject({ code: 'illegal_transition' });
    app = await act('reviewer', app.id, 'resolve_objection', { objectionId, outcome: 'dismissed', reason: '来源证明充分' });
    expect(app.status).toBe('public_notice');
    // Six working days after Friday 20 March: Monday 30 March.
    expect(app.notice!.end).toBe('2026-03-30');
  });

  it('refuses an objection after the notice has ended', async () => {
    setDay('2026-03-02');
    let app = await draft('resource');
    await act('a', app.id, 'submit');
    await act('reviewer', app.id, 'accept');
    app = await act('reviewer', app.id, 'pass_formal');
    setDay('2026-03-17');
    await expect(registry.fileObjection(null, app.id, { name: '李四', contact: 'li@example.cn', reason: '迟到的异议' })).rejects.toMatchObject({
      status: 409,
      details: { state: 'notice_ended', allowedActions: ['complete_notice', 'reject'] },
    });
  });

  it('rejects an application whose objection is upheld', async () => {
    setDay('2026-03-02');
    let app = await draft('resource');
    await act('a', app.id, 'submit');
    await act('reviewer', app.id, 'accept');
    await act('reviewer', app.id, 'pass_formal');
    const { objectionId } = await registry.fileObjection(null, app.id, { name: '王五', contact: 'w@example.cn', reason: '数据系本单位所有' });
    app = await act('reviewer', app.id, 'resolve_objection', { objectionId, outcome: 'upheld', reason: '权属争议未解决' });
    expect(app.status).toBe('rejected');
    expect(app.allowedActions).toEqual([]);
  });

  it('takes a third-party report from the reviewer during substantive review and records its hash with the decision', async () => {
    setDay('2026-03-02');
    const app = await draft('asset');
    await expect(registry.addAttachment(principals.b!, app.id, 'acquisition_proof', file('p.txt', 'x'))).rejects.toMatchObject({ code: 'not_found' });
    await registry.addAttachment(principals.a!, app.id, 'acquisition_proof', file('proof.txt', '采购合同'));
    await act('a', app.id, 'submit');
    await expect(registry.addAttachment(principals.a!, app.id, 'contract', file('late.txt', 'x'))).rejects.toMatchObject({ code: 'illegal_transition' });
    await act('reviewer', app.id, 'accept');
    await act('reviewer', app.id, 'pass_formal');
    await expect(registry.addAttachment(principals.a!, app.id, 'third_party_report', file('r.pdf', 'x'))).rejects.toMatchObject({ code: 'forbidden' });
    const report = await registry.addAttachment(principals.reviewer!, app.id, 'third_party_report', file('report.pdf', '第三方查验报告'));
    expect(report.sm3).toBe(sm3('第三方查验报告'));
    await act('reviewer', app.id, 'pass_substantive');
    const detail = await registry.applicationDetail(principals.a!, app.id);
    expect(detail.actions.at(-1)).toMatchObject({ action: 'pass_substantive', detail: { thirdPartyReportSm3: report.sm3, noticeStart: '2026-03-02' } });
    expect(detail.attachments.map((x) => x.kind)).toEqual(['acquisition_proof', 'third_party_report']);
  });

  it('flags a second application for the same data hash', async () => {
    const sameHash = hash('the same data');
    const first = await draft('resource', sameHash);
    expect(first.flags.duplicateOf).toBeNull();
    const second = await draft('asset', sameHash, 'b');
    expect(second.flags.duplicateOf).toEqual({ applications: [first.id], registrations: [] });
  });

  it('hashes uploaded data with SM3 and labels the sample, flagging personal information in a data asset', async () => {
    const app = await registry.createApplication(principals.a!, { type: 'first', book: 'asset', subjectType: 'enterprise', sourceKind: 'self_collected', data: DATA, rights: RIGHTS });
    const data = 'a,b\n1,2\n';
    const hashed = await registry.hashData(principals.a!, app.id, Readable.from([Buffer.from(data)]), () => false);
    expect(hashed.dataSm3).toBe(sm3(data));
    expect(hashed.dataHashSource).toBe('upload');
    const rows = ['姓名,手机号,身份证号'];
    for (let i = 0; i < 30; i++) rows.push(`张${i}明,1380013${String(8000 + i)},11010519491231002X`);
    const labelled = await registry.uploadSample(principals.a!, app.id, file('customers.csv', rows.join('\n') + '\n'));
    expect(labelled.sample?.personalInformation).toBe(true);
    expect(labelled.sample?.columns.map((c) => c.types.map((t) => t.type)).flat()).toEqual(expect.arrayContaining(['cn_mobile', 'cn_resident_id']));
    expect(labelled.flags.personalInformationInAsset).toBe(true);
    const resource = await draft('resource');
    const clean = await registry.uploadSample(principals.a!, resource.id, file('lux.csv', 'lux,colour\n120.5,3000\n130.1,3100\n'));
    expect(clean.sample?.personalInformation).toBe(false);
    expect(clean.flags.personalInformationInAsset).toBe(false);
  });

  it('refuses a transfer of a pledged registration until the pledgee consents, then moves the holding', async () => {
    const app = await registered('asset');
    const no = app.registrationNo!;
    setDay('2026-04-01');
    const pledge = await registry.registerPledge(principals.bank!, { registrationNo: no, amountFen: 200_000_000, termStart: '2026-04-01', termEnd: '2027-03-31', externalNo: 'ZDW-1' });
    expect((await registry.registrationDetail(principals.a!, no)).status).toBe('pledged');
    const cert = (await registry.registrationDetail(principals.a!, no)).certificates[0]!.certificateNo;
    expect((await pub.status(cert)).encumbrances).toEqual([expect.objectContaining({ type: 'pledge', amountFen: 200_000_000, termEnd: '2027-03-31' })]);
    let transfer = await registry.createApplication(principals.a!, { type: 'transfer', registrationNo: no, to: { orgCode: 'ENT-B' }, rights: ['hold', 'use', 'operate'], priceFen: 1_000_000, contractSm3: hash('contract') });
    transfer = await act('a', transfer.id, 'submit');
    expect(transfer.status).toBe('awaiting_consent');
    await expect(act('reviewer', transfer.id, 'accept')).rejects.toMatchObject({ status: 409, details: { allowedActions: ['consent', 'refuse_consent', 'withdraw'] } });
    await expect(act('b', transfer.id, 'consent')).rejects.toMatchObject({ code: 'forbidden' });
    transfer = await act('bank', transfer.id, 'consent');
    expect(transfer.status).toBe('submitted');
    await act('reviewer', transfer.id, 'accept');
    transfer = await act('reviewer', transfer.id, 'pass_formal');
    expect(transfer.status).toBe('approved');
    const after = await registry.registrationDetail(principals.b!, no);
    expect(after.holder.orgId).toBe(orgIds['ENT-B']);
    expect(after.transactions).toEqual([expect.objectContaining({ kind: 'transfer', to: 'ENT-B 有限公司', priceFen: 1_000_000 })]);
    const [old, current] = after.certificates;
    expect(old!.superseded).toBe(true);
    expect((await pub.status(old!.certificateNo)).status).toBe('superseded');
    expect((await pub.status(current!.certificateNo)).holder).toBe('ENT-B 有限公司');
    await expect(registry.releasePledge(principals.a!, pledge.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await registry.releasePledge(principals.bank!, pledge.id)).status).toBe('released');
    expect((await pub.status(current!.certificateNo)).status).toBe('valid');
  });

  it('refuses a licence while pledged without consent and a second pledge on the same registration', async () => {
    const app = await registered('asset');
    setDay('2026-04-01');
    await registry.registerPledge(principals.bank!, { registrationNo: app.registrationNo!, amountFen: 100_000, termStart: '2026-04-01', termEnd: '2026-12-31' });
    await expect(registry.registerPledge(principals.bank!, { registrationNo: app.registrationNo!, amountFen: 100_000, termStart: '2026-04-01', termEnd: '2026-12-31' })).rejects.toMatchObject({
      status: 409,
      details: { state: 'pledged', allowedActions: ['pledge_release'] },
    });
    const licence = await registry.createApplication(principals.a!, { type: 'licence', registrationNo: app.registrationNo!, to: { name: '某数据服务商' }, rights: ['use'], priceFen: 5000, contractSm3: hash('licence'), termEnd: '2027-01-01' });
    await act('a', licence.id, 'submit');
    await expect(act('reviewer', licence.id, 'accept')).rejects.toMatchObject({ code: 'illegal_transition' });
    expect((await act('bank', licence.id, 'refuse_consent', { reason: '贷款未结清' })).status).toBe('rejected');
  });

  it('renews a registration for three more years and cancels it, revoking its certificate', async () => {
    const app = await registered('resource');
    const no = app.registrationNo!;
    setDay('2026-05-04');
    const renewal = await registry.createApplication(principals.a!, { type: 'renewal', registrationNo: no });
    await act('a', renewal.id, 'submit');
    await act('reviewer', renewal.id, 'accept');
    await act('reviewer', renewal.id, 'pass_formal');
    let detail = await registry.registrationDetail(principals.a!, no);
    expect(detail.validUntil).toBe('2032-03-16');
    const renewed = detail.certificates.at(-1)!;
    const doc = (await registry.certificateForms(null, renewed.certificateNo)).document;
    const cancel = await registry.createApplication(principals.a!, { type: 'cancellation', registrationNo: no, reason: '数据停止经营' });
    await act('a', cancel.id, 'submit');
    await act('reviewer', cancel.id, 'accept');
    detail = await registry.registrationDetail(principals.a!, no);
    expect(detail.status).toBe('cancelled');
    const v = await pub.verify(doc);
    expect(v).toMatchObject({ ok: false, reason: 'cancelled' });
    await expect(registry.createApplication(principals.a!, { type: 'renewal', registrationNo: no })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('fails verification of a certificate with a changed byte, a key the registry does not hold, or a suspended registration', async () => {
    const app = await registered('asset');
    const cert = (await registry.registrationDetail(principals.a!, app.registrationNo!)).certificates[0]!.certificateNo;
    const { document, credential } = await registry.certificateForms(null, cert);
    const changed = JSON.parse(JSON.stringify(document).replace(document.payload.holder.name, `${document.payload.holder.name}X`));
    expect(await pub.verify(changed)).toMatchObject({ ok: false, reason: 'bad_signature' });
    const vcChanged = { ...credential, validUntil: '2099-12-31T23:59:59+08:00' };
    expect(await pub.verify(vcChanged)).toMatchObject({ ok: false, reason: 'bad_signature' });
    const other = LocalKeySigner.generate();
    const forged = { payload: document.payload, signature: { alg: 'SM2-SM3', keyId: other.keyId, value: await other.sign(JSON.stringify(document.payload)) } };
    expect(await pub.verify(forged)).toMatchObject({ ok: false, reason: 'unknown_key' });
    await registry.setSuspended(principals.reviewer!, app.registrationNo!, { suspended: true, reason: '法院冻结' });
    expect(await pub.verify(document)).toMatchObject({ ok: false, reason: 'suspended' });
    await expect(registry.setSuspended(principals.reviewer!, app.registrationNo!, { suspended: true, reason: 'again' })).rejects.toMatchObject({ status: 409 });
    await registry.setSuspended(principals.reviewer!, app.registrationNo!, { suspended: false, reason: '解除冻结' });
    expect((await pub.verify(document)).ok).toBe(true);
    setDay('2029-04-01');
    expect(await pub.verify(document)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('finds registrations by name, holder and number, and exports them as DCAT', async () => {
    setDay('2026-03-20');
    const app = await registered('asset', 'b');
    const byNo = await pub.search({ q: app.registrationNo!, page: 1, pageSize: 10 });
    expect(byNo.items.map((r) => r.registrationNo)).toEqual([app.registrationNo]);
    const byHolder = await pub.search({ q: 'ent-b', page: 1, pageSize: 50 });
    expect(byHolder.items.every((r) => r.holder === 'ENT-B 有限公司')).toBe(true);
    expect((await pub.search({ q: '光环境', page: 1, pageSize: 50 })).total).toBeGreaterThan(0);
    expect((await pub.search({ q: '100%_', page: 1, pageSize: 50 })).total).toBe(0);
    const catalog = await pub.dcat();
    expect(catalog['@type']).toBe('dcat:Catalog');
    const ds = (catalog['dcat:dataset'] as Record<string, unknown>[]).find((d) => d['dcterms:identifier'] === app.registrationNo)!;
    expect(ds['dcterms:title']).toBe(DATA.name);
    expect((ds['dcat:distribution'] as { 'spdx:checksum': { 'spdx:checksumValue': string } }[])[0]!['spdx:checksum']['spdx:checksumValue']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('limits authorised operation to five years and flags a disclosure missed by the end of March', async () => {
    setDay('2026-02-02');
    const input = { implementingBody: '平潭综合实验区大数据管理局', operator: { orgCode: 'ENT-A' }, scope: '交通出行公共数据', startsOn: '2026-01-01', agreementRef: 'PT-SQYY-2026-01' };
    await expect(operation.create(principals.reviewer!, { ...input, endsOn: '2031-01-01' })).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'endsOn' } });
    await expect(operation.create(principals.a!, { ...input, endsOn: '2030-12-31' })).rejects.toMatchObject({ code: 'forbidden' });
    const auth = await operation.create(principals.reviewer!, { ...input, endsOn: '2030-12-31' });
    expect(auth.overdue).toBe(false);
    const withProduct = await operation.addProduct(principals.a!, auth.id, { name: '公交到站预测接口', kind: 'service', priceFen: 10, unit: '次' });
    expect(withProduct.products).toEqual([expect.objectContaining({ name: '公交到站预测接口', priceFen: 10 })]);
    await operation.disclose(principals.a!, auth.id, { year: 2026, party: 'operator', content: { products: 1 } });
    await expect(operation.disclose(principals.a!, auth.id, { year: 2026, party: 'implementing', content: {} })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(operation.disclose(principals.a!, auth.id, { year: 2026, party: 'operator', content: {} })).rejects.toMatchObject({ code: 'duplicate' });
    setDay('2026-04-01');
    const later = await operation.get(auth.id);
    expect(later.overdue).toBe(true);
    expect(later.due.filter((d) => d.overdue)).toEqual([expect.objectContaining({ year: 2026, party: 'implementing', due: '2026-03-31' })]);
  });
});
