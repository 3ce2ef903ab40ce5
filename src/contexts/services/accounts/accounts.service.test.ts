import crypto from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import type { Principal } from '../../../kernel/principal.ts';
import { AuditService } from '../../audit/index.ts';
import { IdentityService, scopesOf } from '../../identity/index.ts';
import { JobQueue } from '../../jobs/index.ts';
import { AccountService, REVERIFY_JOB, RETRY_MIN_INTERVAL_MS } from './accounts.service.ts';
import { SimulatedPermitVerifier } from './simulated-permit-verifier.ts';
import type { SignupInput } from './signup.ts';

const PASSWORD = 'Secret@2026';

describeEachDialect('service-hall accounts', (get) => {
  let audit: AuditService;
  let identity: IdentityService;
  let accounts: AccountService;
  let jobs: JobQueue;
  const verifier = new SimulatedPermitVerifier();
  let clock = new Date('2026-11-26T08:00:00.000Z');
  let phoneSeq = 0;
  const nextPhone = () => `1390591${String(1000 + ++phoneSeq)}`;
  const ip = { ip: '203.0.113.7' };

  beforeAll(() => {
    const db = get().db;
    audit = new AuditService(db, LocalKeySigner.generate());
    identity = new IdentityService(db, audit, { passwordCost: 'fast' });
    accounts = new AccountService({ db, audit, identity, verifier, personHashKey: 'test-person-hash-key-0123', idKey: crypto.randomBytes(32), now: () => clock });
    jobs = new JobQueue(db);
    accounts.registerJobs(jobs);
  });

  const taiwan = (over: Partial<Extract<SignupInput, { kind: 'taiwan_resident' }>> = {}): SignupInput => ({
    kind: 'taiwan_resident',
    idType: 'residence_permit',
    idNumber: '830000199001010012',
    name: '李志明',
    phone: nextPhone(),
    password: PASSWORD,
    ...over,
  });
  const principalOf = async (userId: number): Promise<Principal> => {
    const u = await identity.sessionUser(userId);
    return { kind: 'user', id: u.id, name: u.displayName, orgId: u.org?.id ?? null, orgKind: u.org?.kind ?? null, roles: u.roles, scopes: scopesOf(u.roles), locale: u.locale, ip: null };
  };
  const refusal = async (p: Promise<unknown>) => {
    const e = (await p.then(
      () => null,
      (x: unknown) => x,
    )) as { code: string; status: number; details: { field: string; reason: string }[] } | null;
    expect(e).not.toBeNull();
    return { code: e!.code, status: e!.status, reasons: e!.details.map((d) => `${d.field}:${d.reason}`) };
  };

  it('signs up a Taiwan resident with a residence permit, verified by the simulator, as a citizen whose username is the phone', async () => {
    const phone = nextPhone();
    const me = await accounts.signup(taiwan({ phone }), ip);
    expect(me).toMatchObject({ subjectKind: 'taiwan_resident', idType: 'residence_permit', idMasked: '8300**********0012', name: '李志明', verification: { status: 'verified', reason: null, attempts: 1 } });
    expect(me.allowedActions).toEqual([]);
    const user = await identity.sessionUser(me.userId);
    expect(user).toMatchObject({ username: phone, kind: 'citizen', roles: ['citizen'], locale: 'zh-TW' });
    expect(user.scopes).toContain('services.identity:read');
    expect((await identity.login(phone, PASSWORD, { ip: null, userAgent: null })).user.id).toBe(me.userId);
  });

  it('stores the number only hashed, masked and sealed, and opens it for identityOf', async () => {
    const me = await accounts.signup(taiwan({ idType: 'mtp', idNumber: '87654321', name: '陈美玲' }), ip);
    const rows = await sql<Record<string, unknown>>`select * from services_accounts where user_id = ${me.userId}`.execute(get().db);
    expect(JSON.stringify(rows.rows)).not.toContain('87654321');
    expect(await accounts.identityOf(me.userId)).toEqual({ userId: me.userId, subjectKind: 'taiwan_resident', idType: 'mtp', idNumber: '87654321', name: '陈美玲', verification: 'verified' });
    expect(await accounts.identityOf(999_999)).toBeUndefined();
  });

  it('verifies a name typed in Traditional characters against the Simplified document', async () => {
    const me = await accounts.signup(taiwan({ idNumber: '830000198512310020', name: '陳美玲' }), ip);
    expect(me.name).toBe('陳美玲');
    expect(me.verification.status).toBe('verified');
  });

  it('signs up a mainland resident with the resident ID number', async () => {
    const me = await accounts.signup({ kind: 'mainland_resident', idNumber: '350128199203150010', name: '王建国', phone: nextPhone(), password: PASSWORD }, ip);
    expect(me).toMatchObject({ subjectKind: 'mainland_resident', idType: 'resident_id', idMasked: '3501**********0010', verification: { status: 'verified' } });
    expect((await identity.sessionUser(me.userId)).locale).toBe('zh-CN');
  });

  it('signs up a company as an enterprise organisation with its USCC and an enterprise user for the contact', async () => {
    const me = await accounts.signup({ kind: 'company', uscc: '91350128MA8T7K2G5N', companyName: '平潭台商创业服务有限公司', contactName: '黄嘉文', phone: nextPhone(), password: PASSWORD }, ip);
    expect(me).toMatchObject({ subjectKind: 'company', idType: 'uscc', name: '平潭台商创业服务有限公司', contactName: '黄嘉文', verification: { status: 'verified' } });
    const user = await identity.sessionUser(me.userId);
    expect(user).toMatchObject({ kind: 'enterprise', displayName: '黄嘉文', roles: ['enterprise-user'], org: { code: 'ENT-91350128MA8T7K2G5N', kind: 'enterprise', name: '平潭台商创业服务有限公司' } });
  });

  it('refuses invalid numbers with the reason per field and creates nothing', async () => {
    const before = await sql<{ n: number }>`select count(*) as n from users`.execute(get().db);
    expect(await refusal(accounts.signup(taiwan({ idNumber: '830000199001010013' }), ip))).toEqual({ code: 'validation_failed', status: 400, reasons: ['idNumber:checksum'] });
    expect((await refusal(accounts.signup(taiwan({ idNumber: '830000199013010012' }), ip))).reasons).toEqual(['idNumber:birth_date']);
    expect((await refusal(accounts.signup(taiwan({ idNumber: '11010519491231002X' }), ip))).reasons).toEqual(['idNumber:prefix']);
    expect((await refusal(accounts.signup({ kind: 'company', uscc: '91350128MA8T7K2G5P', companyName: '某公司', contactName: '某人', phone: nextPhone(), password: PASSWORD }, ip))).reasons).toEqual(['uscc:checksum']);
    const after = await sql<{ n: number }>`select count(*) as n from users`.execute(get().db);
    expect(Number(after.rows[0]!.n)).toBe(Number(before.rows[0]!.n));
  });

  it('refuses a second account for the same document (compared by keyed hash) and a phone already in use, with 409', async () => {
    const phone = nextPhone();
    await accounts.signup({ kind: 'mainland_resident', idNumber: '350128198811080023', name: '林晓梅', phone, password: PASSWORD }, ip);
    expect(await refusal(accounts.signup({ kind: 'mainland_resident', idNumber: '350128198811080023', name: '林晓梅', phone: nextPhone(), password: PASSWORD }, ip))).toEqual({
      code: 'duplicate',
      status: 409,
      reasons: ['idNumber:already_registered'],
    });
    expect((await refusal(accounts.signup({ kind: 'mainland_resident', idNumber: '11010519491231002X', name: '张敏', phone, password: PASSWORD }, ip))).reasons).toEqual(['phone:phone_registered']);
    expect((await refusal(accounts.signup({ kind: 'company', uscc: '91350128MA8T7K2G5N', companyName: '平潭台商创业服务有限公司', contactName: '另一人', phone: nextPhone(), password: PASSWORD }, ip))).reasons).toEqual(['uscc:already_registered']);
    // The refused phone sign-up left no account behind for its document.
    expect((await accounts.signup({ kind: 'mainland_resident', idNumber: '11010519491231002X', name: '张敏', phone: nextPhone(), password: PASSWORD }, ip)).verification.status).toBe('verified');
  });

  it('rejects a name that does not match the document, and a document the interface does not know', async () => {
    const mismatch = await accounts.signup(taiwan({ idNumber: '830000197805200031', name: '林建華' }), ip);
    expect(mismatch.verification).toMatchObject({ status: 'rejected', reason: 'mismatch' });
    expect(mismatch.allowedActions).toEqual(['verify']);
    const unknown = await accounts.signup(taiwan({ idType: 'mtp', idNumber: '11223344', name: '不存在' }), ip);
    expect(unknown.verification).toMatchObject({ status: 'rejected', reason: 'not_found' });
    expect((await accounts.identityOf(unknown.userId))?.verification).toBe('rejected');
  });

  it('keeps the account pending through an outage, reports it pending, and the reverify job verifies it later', async () => {
    verifier.outage = true;
    const me = await accounts.signup({ kind: 'company', uscc: '91350128MA2YABCD0F', companyName: '平潭海峡两岸电商科技有限公司', contactName: '陈立伟', phone: nextPhone(), password: PASSWORD }, ip);
    expect(me.verification).toMatchObject({ status: 'pending', reason: 'unavailable', attempts: 1 });
    expect((await accounts.identityOf(me.userId))?.verification).toBe('pending');

    // Still down: the job stops at the first outage and the account stays pending.
    const calls = verifier.calls;
    const first = await jobs.enqueue(REVERIFY_JOB, {});
    await jobs.runOnce();
    expect((await jobs.get(first)).result).toEqual({ checked: 1, verified: 0, rejected: 0, pending: 1 });
    expect(verifier.calls).toBe(calls + 1);

    verifier.outage = false;
    const second = await jobs.enqueue(REVERIFY_JOB, {});
    await jobs.runOnce();
    expect((await jobs.get(second)).status).toBe('succeeded');
    expect((await jobs.get(second)).result).toMatchObject({ verified: 1, pending: 0 });
    expect((await accounts.identityOf(me.userId))?.verification).toBe('verified');
    expect((await accounts.me(await principalOf(me.userId))).verification).toMatchObject({ status: 'verified', reason: null, attempts: 3 });

    const events = await audit.list({ entityType: 'services_account', entityId: String((await sql<{ id: number }>`select id from services_accounts where user_id = ${me.userId}`.execute(get().db)).rows[0]!.id) });
    expect(events.map((e) => [e.action, e.detail.outcome ?? null])).toEqual([
      ['services.account.checked', 'verified'],
      ['services.account.checked', 'unavailable'],
      ['services.account.checked', 'unavailable'],
      ['services.account.created', null],
    ]);
  });

  it('lets the user ask again after a rejection, at most once a minute, but not once verified', async () => {
    const me = await accounts.signup(taiwan({ idType: 'mtp', idNumber: '55667788', name: '陈美' }), ip);
    expect(me.verification).toMatchObject({ status: 'rejected', reason: 'not_found' });
    const p = await principalOf(me.userId);
    expect(await accounts.retryVerification(p).catch((e: { code: string }) => e.code)).toBe('too_many_requests');
    clock = new Date(clock.getTime() + RETRY_MIN_INTERVAL_MS);
    expect((await accounts.retryVerification(p)).verification).toMatchObject({ status: 'rejected', attempts: 2 });

    const verified = await accounts.signup(taiwan({ idType: 'mtp', idNumber: '12345678', name: '李志明' }), ip);
    clock = new Date(clock.getTime() + RETRY_MIN_INTERVAL_MS);
    expect(await accounts.retryVerification(await principalOf(verified.userId)).catch((e: unknown) => e)).toMatchObject({ code: 'illegal_transition', details: { allowedActions: [] } });
  });

  it('answers me() only to holders of services.identity:read who have an account', async () => {
    const officer: Principal = { kind: 'user', id: 1, name: 'x', orgId: null, orgKind: null, roles: ['dept-officer'], scopes: scopesOf(['dept-officer']), locale: 'zh-CN', ip: null };
    expect(await accounts.me(officer).catch((e: { code: string }) => e.code)).toBe('forbidden');
    const stranger: Principal = { ...officer, id: 999_999, roles: ['citizen'], scopes: scopesOf(['citizen']) };
    expect(await accounts.me(stranger).catch((e: { code: string }) => e.code)).toBe('not_found');
  });
});
