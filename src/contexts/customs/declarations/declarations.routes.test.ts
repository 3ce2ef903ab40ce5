import { expect, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';
import { multipart } from '../../../../test/helpers/multipart.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import { signDocument } from '../../../kernel/documents/signed-document.ts';
import { mod11_2CheckChar } from '../../detection/index.ts';

/** A valid resident ID number for person `i` (Pingtan county code, born 1980–1999). */
function idNumber(i: number): string {
  const body = `350128${1980 + (i % 20)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

function trialCsv(from: number, n: number): string {
  const rows = ['受试者姓名,身份证件号码,病案摘要,随访日期'];
  for (let i = from; i < from + n; i++) rows.push(`王${'明华丽军'[i % 4]},${idNumber(i)},II型糖尿病 E11.9 随访,2026-0${1 + (i % 9)}-1${i % 10}`);
  return rows.join('\n') + '\n';
}

const form = {
  title: '多中心临床试验受试者数据出境',
  recipient: { name: '臺灣某某臨床研究股份有限公司', country: 'TW' },
  purpose: '国际多中心临床试验数据汇总分析',
  industry: 'pharma',
  scenario: 'PHARMA-MRCT',
  dataDescription: '受试者基本信息与病案摘要',
  securityMeasures: '传输加密（SM4），访问控制，最小必要字段',
  inFreeTradeZone: true,
};

describeApp('outbound data declarations', (get) => {
  let qiye: Session;
  let bureau: Session;
  const api = async (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await get().inject({ method, url: `/api${url}`, headers: s ? s.headers : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : res.rawPayload };
  };
  const upload = async (id: number, name: string, content: string) => {
    const up = multipart(name, content);
    const res = await get().inject({ method: 'POST', url: `/api/customs/declarations/${id}/file`, headers: { ...qiye.headers, ...up.headers }, payload: up.payload });
    return { status: res.statusCode, body: res.json() };
  };
  const scanned = async (id: number) => {
    await get().platform.jobs.runOnce();
    return (await api(qiye, 'GET', `/customs/declarations/${id}`)).body;
  };

  let first: { id: number; no: string };
  let clearanceNo: string;

  it('lets an exporter draft a declaration and names a missing field', async () => {
    qiye = await get().login('qiye');
    bureau = await get().login('bureau');
    const bad = await api(qiye, 'POST', '/customs/declarations', { ...form, recipient: { name: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('recipient.country');
    const wrongIndustry = await api(qiye, 'POST', '/customs/declarations', { ...form, industry: 'auto' });
    expect(wrongIndustry.status).toBe(400);
    expect(wrongIndustry.body.error.details.field).toBe('scenario');

    const res = await api(qiye, 'POST', '/customs/declarations', form);
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('draft');
    expect(res.body.no).toMatch(/^CD\d{10}$/);
    expect(res.body.allowedActions).toEqual(expect.arrayContaining(['submit', 'attach', 'edit', 'withdraw']));
    first = res.body;
  });

  it('refuses to submit before data is uploaded, and refuses an unsupported file type', async () => {
    const res = await api(qiye, 'POST', `/customs/declarations/${first.id}/actions/submit`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('file');
    const exe = await upload(first.id, 'tool.exe', 'MZ');
    expect(exe.status).toBe(415);
  });

  it('scans the upload, labels it, derives the negative-list items and proposes the route', async () => {
    const up = await upload(first.id, '受试者.csv', trialCsv(0, 40));
    expect(up.status).toBe(200);
    expect(up.body.source.filename).toBe('受试者.csv');
    const sub = await api(qiye, 'POST', `/customs/declarations/${first.id}/actions/submit`, {});
    expect(sub.body.state).toBe('scanning');
    const d = await scanned(first.id);
    expect(d.state).toBe('pending_review');
    expect(d.analysis.grade).toBe('pi_sensitive');
    expect(d.analysis.subclasses).toContain('PI.SENSITIVE.ID_DOCUMENT');
    expect(d.analysis.transfer).toMatchObject({ sensitiveSubjects: 40, counted: 'scan' });
    expect(d.analysis.negativeListItems.map((i: { id: string }) => i.id)).toEqual(['NL-PHARMA-MRCT-04']);
    expect(d.decision.outcome).toBe('standard_contract_or_certification');
    expect(d.decision.notes['zh-TW'].length).toBeGreaterThan(0);
    expect(d.history.map((h: { action: string }) => h.action)).toEqual(['create', 'attach', 'submit', 'scan_completed']);
  });

  it('lets only a customs officer review, and needs the filing reference of the route', async () => {
    const self = await api(qiye, 'POST', `/customs/declarations/${first.id}/actions/approve`, {});
    expect(self.status).toBe(403);
    const noRef = await api(bureau, 'POST', `/customs/declarations/${first.id}/actions/approve`, {});
    expect(noRef.status).toBe(400);
    expect(noRef.body.error.details.field).toBe('routeEvidence');
    const ok = await api(bureau, 'POST', `/customs/declarations/${first.id}/actions/approve`, { routeEvidence: '闽网信备〔2026〕0012号', comment: '同意' });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('approved');
    expect(ok.body.clearance.status).toBe('valid');
    clearanceNo = ok.body.clearance.no;
    const again = await api(bureau, 'POST', `/customs/declarations/${first.id}/actions/approve`, { routeEvidence: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.allowedActions).toEqual(['revoke']);
  });

  it('issues a clearance anyone can verify, as JSON and as a PDF', async () => {
    const doc = (await api(qiye, 'GET', `/customs/declarations/${first.id}/clearance`)).body;
    expect(doc.payload.scope.maxPersons.sensitiveSubjects).toBe(40);
    expect(doc.payload.route).toBe('standard_contract_or_certification');
    const pub = await api(null, 'GET', `/public/customs/clearances/${clearanceNo}`);
    expect(pub.body).toMatchObject({ valid: true, reason: 'ok', status: 'valid' });
    const verified = await api(null, 'POST', '/public/customs/clearances/verify', doc);
    expect(verified.body).toMatchObject({ valid: true, reason: 'ok' });
    const pdf = await get().inject({ method: 'GET', url: `/api/public/customs/clearances/${clearanceNo}/pdf?lang=zh-TW` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const report = await get().inject({ method: 'GET', url: `/api/customs/declarations/${first.id}/report.pdf`, headers: qiye.headers });
    expect(report.statusCode).toBe(200);
    expect(report.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('fails verification of a tampered clearance and of one signed by another key, saying why', async () => {
    const doc = (await api(qiye, 'GET', `/customs/declarations/${first.id}/clearance`)).body;
    const tampered = structuredClone(doc);
    tampered.payload.scope.maxPersons.sensitiveSubjects = 400000;
    expect((await api(null, 'POST', '/public/customs/clearances/verify', tampered)).body).toMatchObject({ valid: false, reason: 'bad_signature' });
    const forged = await signDocument(LocalKeySigner.generate(), doc.payload);
    expect((await api(null, 'POST', '/public/customs/clearances/verify', forged)).body).toMatchObject({ valid: false, reason: 'unknown_key' });
    expect((await api(null, 'POST', '/public/customs/clearances/verify', { hello: 1 })).body).toMatchObject({ valid: false, reason: 'malformed' });
    expect((await api(null, 'GET', '/public/customs/clearances/CL2026999999')).body).toMatchObject({ valid: false, reason: 'not_registered' });
  });

  it('counts persons already sent this year once, so a repeat transfer adds no one', async () => {
    const res = await api(qiye, 'POST', '/customs/declarations', { ...form, title: '同一批受试者的补充数据' });
    const id = res.body.id as number;
    await upload(id, 'again.csv', trialCsv(20, 40)); // 20 known persons, 20 new
    await api(qiye, 'POST', `/customs/declarations/${id}/actions/submit`, {});
    const d = await scanned(id);
    expect(d.analysis.transfer.sensitiveSubjects).toBe(40);
    expect(d.analysis.alreadyExportedThisYear.sensitiveSubjects).toBe(20);
    expect(d.decision.totals.sensitiveSubjects).toBe(60);
  });

  it('sends a declaration back for more information and takes it again', async () => {
    const list = await api(bureau, 'GET', '/customs/declarations?state=pending_review');
    const id = list.body.items[0].id as number;
    const noComment = await api(bureau, 'POST', `/customs/declarations/${id}/actions/request_info`, {});
    expect(noComment.status).toBe(400);
    const asked = await api(bureau, 'POST', `/customs/declarations/${id}/actions/request_info`, { comment: '请补充接收方的安全保护能力说明' });
    expect(asked.body.state).toBe('info_requested');
    const again = await api(qiye, 'POST', `/customs/declarations/${id}/actions/resubmit`, { comment: '已补充' });
    expect(again.body.state).toBe('scanning');
    expect((await scanned(id)).state).toBe('pending_review');
    const rejected = await api(bureau, 'POST', `/customs/declarations/${id}/actions/reject`, { comment: '接收方保护能力不足' });
    expect(rejected.body.state).toBe('rejected');
    expect(rejected.body.allowedActions).toEqual([]);
  });

  it('revokes a clearance at once, visibly on the public page', async () => {
    const res = await api(bureau, 'POST', `/customs/declarations/${first.id}/actions/revoke`, { reason: '接收方发生数据安全事件' });
    expect(res.body.state).toBe('revoked');
    const pub = await api(null, 'GET', `/public/customs/clearances/${clearanceNo}`);
    expect(pub.body).toMatchObject({ valid: false, reason: 'revoked', status: 'revoked' });
    expect(pub.body.clearance.revokedReason).toBe('接收方发生数据安全事件');
  });

  it('gives the bureau counts by industry, route and state', async () => {
    const year = new Date().getUTCFullYear();
    const stats = await api(bureau, 'GET', `/customs/statistics?year=${year}`);
    expect(stats.status).toBe(200);
    expect(stats.body.totals).toMatchObject({ declarations: 2, approved: 1, rejected: 1 });
    expect(stats.body.rows.every((r: { industry: string }) => r.industry === 'pharma')).toBe(true);
  });

  it('records every step in the audit trail', async () => {
    const admin = await get().login('auditor');
    const res = await api(admin, 'GET', '/audit/events?entityType=customs_declaration&limit=100');
    const actions = (res.body.items ?? res.body.events ?? []).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['customs.declaration.created', 'customs.declaration.approve', 'customs.declaration.revoke', 'customs.declaration.scan_completed']));
  });
});
