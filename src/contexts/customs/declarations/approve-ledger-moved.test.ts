/**
 * Approval when the person ledger moved between the scan and the review: another transfer of the same
 * exporter (another declaration, another channel) pushed the year's sensitive persons over the
 * 10,000 of CAC Order 16 Art. 7(2), so the proposed standard contract would now be a security
 * assessment. The officer gets a 409 and nothing is written: no persons, no clearance, no action.
 */
import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';
import { multipart } from '../../../../test/helpers/multipart.ts';
import { mod11_2CheckChar } from '../../detection/index.ts';
import { LedgerService, type LedgerPerson } from '../ledger/ledger.service.ts';

function idNumber(i: number): string {
  const body = `350128${1980 + (i % 20)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

function subjectsCsv(n: number): string {
  const rows = ['姓名,身份证件号码,备注'];
  for (let i = 0; i < n; i++) rows.push(`李${'明华丽军'[i % 4]},${idNumber(i)},会员`);
  return rows.join('\n') + '\n';
}

/** 32-byte stand-ins for the keyed person hashes of another channel's transfer. */
function otherChannel(n: number): LedgerPerson[] {
  return Array.from({ length: n }, (_, i) => ({ hash: crypto.createHash('sha256').update(`other-channel:${i}`).digest(), sensitive: true }));
}

describeApp('approving a declaration after the ledger moved', (get) => {
  let qiye: Session;
  let bureau: Session;

  /** Runs queued jobs (demo data queues some of its own) until the declaration's scan has run. */
  const scanned = async (id: number) => {
    for (let pass = 0; pass < 20; pass++) {
      const d = (await get().inject({ method: 'GET', url: `/api/customs/declarations/${id}`, headers: bureau.headers })).json();
      if (d.state !== 'scanning' || (await get().platform.jobs.runOnce()) === 0) return d;
    }
    throw new Error(`declaration ${id} is still scanning`);
  };

  it('refuses with 409 when the route would change, leaving the ledger, the declaration and the clearances as they were', async () => {
    qiye = await get().login('qiye');
    bureau = await get().login('bureau');
    const inject = async (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await get().inject({ method, url: `/api${url}`, headers: s ? s.headers : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
      return { status: res.statusCode, body: res.json() };
    };

    // An industry no zone list covers, outside the zone: the national thresholds decide.
    const created = await inject(qiye, 'POST', '/customs/declarations', {
      title: '会员身份信息出境',
      recipient: { name: 'Member Services Ltd', country: 'SG' },
      purpose: '跨境会员服务',
      industry: 'other',
      dataDescription: '会员姓名与身份证件号码',
      securityMeasures: '传输加密（SM4）',
      inFreeTradeZone: false,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id, exporterOrgId, year } = created.body as { id: number; exporterOrgId: number; year: number };
    const up = multipart('members.csv', subjectsCsv(30));
    expect((await get().inject({ method: 'POST', url: `/api/customs/declarations/${id}/file`, headers: { ...qiye.headers, ...up.headers }, payload: up.payload })).statusCode).toBe(200);
    expect((await inject(qiye, 'POST', `/customs/declarations/${id}/actions/submit`, {})).status).toBe(200);
    const proposed = await scanned(id);
    expect(proposed.state).toBe('pending_review');
    expect(proposed.analysis.transfer.sensitiveSubjects).toBe(30);
    expect(proposed.decision.outcome).toBe('standard_contract_or_certification');

    // Between the scan and the review, 9,980 other sensitive persons of this exporter leave: 9,980 + 30 ≥ 10,000.
    const ledger = new LedgerService();
    const db = get().platform.database.db;
    const moved = await ledger.add(db, { exporterId: exporterOrgId, year, declarationId: 999_999, persons: otherChannel(9_980) });
    expect(moved.totals).toEqual({ personalSubjects: 0, sensitiveSubjects: 9_980 });

    const res = await inject(bureau, 'POST', `/customs/declarations/${id}/actions/approve`, { routeEvidence: '闽网信备〔2026〕0099号', comment: '同意' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.details).toMatchObject({ proposed: 'standard_contract_or_certification', now: 'security_assessment', totals: { sensitiveSubjects: 10_010 } });

    expect(await ledger.totals(db, exporterOrgId, year)).toEqual({ personalSubjects: 0, sensitiveSubjects: 9_980 });
    const after = (await inject(bureau, 'GET', `/customs/declarations/${id}`)).body;
    expect(after.state).toBe('pending_review');
    expect(after.clearance).toBeNull();
    expect(after.history.map((h: { action: string }) => h.action)).toEqual(['create', 'attach', 'submit', 'scan_completed']);
    const pub = await inject(null, 'GET', `/public/customs/clearances/CL${proposed.no.slice(2)}`);
    expect(pub.body).toMatchObject({ valid: false, reason: 'not_registered' });
    const audit = (await inject(await get().login('auditor'), 'GET', `/audit/events?entityType=customs_declaration&limit=100`)).body;
    const events = (audit.items as { action: string; entityId: string | number }[]).filter((e) => String(e.entityId) === String(id)).map((e) => e.action);
    expect(events).not.toContain('customs.declaration.approve');
    expect(events).toContain('customs.declaration.scan_completed');
  });

  it('approves the same declaration once it was sent back and scanned against the moved ledger', async () => {
    const list = (await get().inject({ method: 'GET', url: '/api/customs/declarations?state=pending_review', headers: bureau.headers })).json();
    const id = list.items[0].id as number;
    const asked = await get().inject({ method: 'POST', url: `/api/customs/declarations/${id}/actions/request_info`, headers: bureau.headers, payload: { comment: '出境人数已累计超过一万人敏感个人信息，请按安全评估路径重新申报' } });
    expect(asked.statusCode).toBe(200);
    expect((await get().inject({ method: 'POST', url: `/api/customs/declarations/${id}/actions/resubmit`, headers: qiye.headers, payload: {} })).statusCode).toBe(200);
    const d = await scanned(id);
    expect(d.decision.outcome).toBe('security_assessment');
    const ok = await get().inject({ method: 'POST', url: `/api/customs/declarations/${id}/actions/approve`, headers: bureau.headers, payload: { routeEvidence: '国网信安评〔2026〕0007号' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().clearance.status).toBe('valid');
    expect(await new LedgerService().totals(get().platform.database.db, d.exporterOrgId, d.year)).toEqual({ personalSubjects: 0, sensitiveSubjects: 10_010 });
  });
});
