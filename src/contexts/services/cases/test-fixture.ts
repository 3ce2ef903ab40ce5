/**
 * What the cases tests share: the case service on a real database with real identity organisations
 * and users (created through IdentityService), literal service items (test data, as the items part
 * would hand them over) and the applicants' identities as the accounts part would report them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../../db/database.ts';
import { LocalBlobStore } from '../../../kernel/blob/local-blob-store.ts';
import { loadCalendar } from '../../../kernel/calendar/calendar.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import type { Principal } from '../../../kernel/principal.ts';
import { AppError } from '../../../kernel/errors.ts';
import { AuditService, SYSTEM_ACTOR } from '../../audit/index.ts';
import { IdentityService, scopesOf } from '../../identity/index.ts';
import { JobQueue } from '../../jobs/index.ts';
import { CaseService } from './cases.service.ts';
import { ExchangePrefillSource } from './prefill.ts';
import type { ApplicantIdentity, CaseItem } from './ports.ts';

const name = (zh: string, en: string) => ({ 'zh-CN': zh, 'zh-TW': zh, en });

/** The key the fixture's case service seals stored identity numbers with. */
export const TEST_ID_KEY = crypto.randomBytes(32);

export const TEST_ITEMS: CaseItem[] = [
  {
    code: 'TW-TEST-001',
    version: 1,
    name: name('台湾居民就业登记', 'Employment registration for Taiwan residents'),
    departmentCode: 'PT-XZSP',
    promisedDays: 5,
    statutoryDays: 20,
    processKey: 'standard',
    formSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 50 },
        phone: { type: 'string', pattern: '^1\\d{10}$' },
        email: { type: 'string', format: 'email' },
        employer: { type: 'string', minLength: 2 },
        spouseName: { type: 'string', 'x-prefill': { dataset: 'shsy-marriage-records', field: 'spouse_name' } },
        maritalStatus: { type: 'string', enum: ['已婚', '离婚', '未婚'], 'x-prefill': { dataset: 'shsy-marriage-records', field: 'marital_status' } },
      },
      required: ['name', 'phone', 'employer'],
      additionalProperties: false,
    },
    applicantKinds: ['taiwan_resident', 'mainland_resident'],
    requiresVerifiedIdentity: true,
  },
  {
    code: 'YJS-TEST-CA',
    version: 1,
    name: name('涉案房产“e拍即得”一件事', 'Court-auctioned property (one thing)'),
    departmentCode: 'PT-FY',
    promisedDays: 10,
    statutoryDays: 30,
    processKey: 'court-auction',
    formSchema: { type: 'object', properties: { caseNo: { type: 'string', minLength: 3 } }, required: ['caseNo'] },
    applicantKinds: ['taiwan_resident', 'mainland_resident'],
    requiresVerifiedIdentity: true,
  },
  {
    code: 'YJS-TEST-GZQ',
    version: 1,
    name: name('个体工商户转为企业一件事', 'Individual business to company (one thing)'),
    departmentCode: 'PT-SCJG',
    promisedDays: 3,
    statutoryDays: 15,
    processKey: 'ge-zhuan-qi',
    formSchema: { type: 'object', properties: { companyName: { type: 'string' } }, required: ['companyName'] },
    applicantKinds: ['taiwan_resident', 'company'],
    requiresVerifiedIdentity: false,
  },
];

const ORGS = [
  ['PT-XZSP', '平潭综合实验区行政审批局'],
  ['PT-SW', '国家税务总局平潭综合实验区税务局'],
  ['PT-BDC', '平潭综合实验区不动产登记中心'],
  ['PT-FY', '平潭综合实验区人民法院'],
  ['PT-SCJG', '平潭综合实验区市场监督管理局'],
  ['PT-SHSY', '平潭综合实验区社会事业局'],
  ['PT-CZJR', '平潭综合实验区财政金融局'],
  ['PT-GA', '平潭综合实验区公安局'],
  ['PT-BDB', '平潭综合实验区大数据管理局'],
] as const;

const USERS: { username: string; org: string | null; roles: string[]; kind: 'officer' | 'citizen' }[] = [
  { username: 'shenpi', org: 'PT-XZSP', roles: ['dept-officer'], kind: 'officer' },
  { username: 'shenpi2', org: 'PT-XZSP', roles: ['dept-officer'], kind: 'officer' },
  { username: 'shuiwu', org: 'PT-SW', roles: ['dept-officer'], kind: 'officer' },
  { username: 'budongchan', org: 'PT-BDC', roles: ['dept-officer'], kind: 'officer' },
  { username: 'fayuan', org: 'PT-FY', roles: ['dept-officer'], kind: 'officer' },
  { username: 'gongan', org: 'PT-GA', roles: ['dept-officer'], kind: 'officer' },
  { username: 'bureau', org: 'PT-BDB', roles: ['bureau-officer'], kind: 'officer' },
  { username: 'auditor', org: 'PT-BDB', roles: ['auditor'], kind: 'officer' },
  { username: 'taibao', org: null, roles: ['citizen'], kind: 'citizen' },
  { username: 'pending', org: null, roles: ['citizen'], kind: 'citizen' },
  { username: 'other', org: null, roles: ['citizen'], kind: 'citizen' },
];

export interface CaseWorld {
  cases: CaseService;
  identity: IdentityService;
  audit: AuditService;
  jobs: JobQueue;
  /** The prefill lookups the (stand-in) exchange was asked for, in order. */
  lookups: { grantId: number; key: string; fields: string[]; purpose: string; consentId: number }[];
  /** What the deadline scan reported, in order. */
  deadlines: { caseId: number; kind: string; deadline: string }[];
  /** Moves the injected clock. */
  setNow(iso: string): void;
  as(username: string): Principal;
  orgId(code: string): number;
  userId(username: string): number;
  dispose(): void;
}

/** Builds the world; `orgs`/`users` false when the database already has them (a reopened platform). */
export async function caseWorld(database: Database, opts: { now: string; seed?: boolean; jobClock?: () => number; blobDir?: string; definitionsDir?: string }): Promise<CaseWorld> {
  let now = new Date(opts.now);
  const audit = new AuditService(database.db, LocalKeySigner.generate());
  const identity = new IdentityService(database.db, audit, { passwordCost: 'fast' });
  const jobs = new JobQueue(database.db, { clock: opts.jobClock ?? (() => now.getTime()), logger: { warn: () => undefined } });
  const blobDir = opts.blobDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'landao-cases-'));
  const principals = new Map<string, Principal>();
  const deadlines: CaseWorld['deadlines'] = [];
  const orgIds = new Map<string, number>();
  if (opts.seed !== false) {
    for (const [code, n] of ORGS) await identity.createOrg(SYSTEM_ACTOR, { code, name: n, kind: code === 'PT-BDB' ? 'bureau' : 'department' });
    for (const u of USERS)
      await identity.createUser(SYSTEM_ACTOR, null, {
        orgId: u.org ? (await identity.orgByCode(u.org))!.id : null,
        username: u.username,
        displayName: u.username,
        kind: u.kind,
        password: 'Test@2026-pass',
        roles: u.roles,
      });
  }
  for (const [code] of ORGS) orgIds.set(code, (await identity.orgByCode(code))!.id);
  const reader: Principal = { kind: 'token', id: 0, name: 'test', orgId: null, orgKind: null, roles: [], scopes: new Set(['identity.users:read:all']), locale: 'zh-CN', ip: null };
  for (const u of USERS) {
    const dto = (await identity.listUsers(reader, { q: u.username, page: 1, pageSize: 50 })).items.find((x) => x.username === u.username)!;
    principals.set(u.username, { kind: 'user', id: dto.id, name: dto.displayName, orgId: dto.org?.id ?? null, orgKind: dto.org?.kind ?? null, roles: dto.roles, scopes: scopesOf(dto.roles), locale: dto.locale, ip: null });
  }
  const identities = new Map<number, ApplicantIdentity>();
  const taibao = principals.get('taibao')!.id;
  identities.set(taibao, { userId: taibao, subjectKind: 'taiwan_resident', idType: 'residence_permit', idNumber: '830000199001010012', name: '李志明', verification: 'verified' });
  const pending = principals.get('pending')!.id;
  identities.set(pending, { userId: pending, subjectKind: 'taiwan_resident', idType: 'mtp', idNumber: '12345678', name: '陈美玲', verification: 'pending' });
  const other = principals.get('other')!.id;
  identities.set(other, { userId: other, subjectKind: 'mainland_resident', idType: 'resident_id', idNumber: '350128199001010011', name: '王强', verification: 'verified' });
  // The marriage records dataset as the exchange would answer the hall's grant 7 (test data, keyed by ID number).
  const marriages: Record<string, Record<string, unknown>> = { '830000199001010012': { spouse_name: '林雅婷', marital_status: '已婚' } };
  const lookups: CaseWorld['lookups'] = [];
  const prefill = new ExchangePrefillSource({
    dataset: async (identifier) =>
      identifier === 'shsy-marriage-records'
        ? { id: 7, identifier, title: '婚姻登记信息', department: '平潭综合实验区社会事业局', keyFields: [{ name: 'id_number', detectorType: 'cn_resident_id' }], fieldTitles: { spouse_name: '配偶姓名', marital_status: '婚姻状况' }, lastLoadedAt: '2026-02-27T16:30:00.000Z' }
        : undefined,
    grant: async (datasetId) => (datasetId === 7 ? { grantId: 70, fields: ['spouse_name', 'marital_status'] } : undefined),
    lookup: async (input) => {
      lookups.push(input);
      const r = marriages[input.key];
      const txId = crypto.randomUUID();
      const request = { txId, credentialId: 1, at: now.toISOString(), datasetId: 7, key: input.key, fields: input.fields, purpose: input.purpose, consentId: input.consentId };
      return r
        ? { status: 200, body: { record: Object.fromEntries(input.fields.filter((f) => f in r).map((f) => [f, r[f]])), masked: [] }, txId, request, outcome: 'allowed', reason: null }
        : { status: 404, body: {}, txId, request, outcome: 'not_found', reason: 'record_not_found' };
    },
  });
  const cases = new CaseService({
    db: database.db,
    idKey: TEST_ID_KEY,
    audit,
    jobs,
    blobs: new LocalBlobStore(blobDir),
    calendar: loadCalendar(),
    items: async (code) => TEST_ITEMS.find((i) => i.code === code),
    identities: async (id) => identities.get(id),
    orgs: { byId: (id) => identity.orgById(id), byCode: (code) => identity.orgByCode(code) },
    users: async (id) => {
      const u = await identity.sessionUser(id).catch(() => undefined);
      return u && { id: u.id, name: u.displayName, orgId: u.org?.id ?? null, scopes: u.scopes };
    },
    prefill,
    onDeadline: async (caseId, kind, deadline) => {
      deadlines.push({ caseId, kind, deadline });
    },
    now: () => now,
    uploadLimit: 64 * 1024,
    definitionsDir: opts.definitionsDir,
  });
  await cases.syncDefinitions();
  cases.registerJobs();
  return {
    cases,
    identity,
    audit,
    jobs,
    deadlines,
    lookups,
    setNow: (iso) => {
      now = new Date(iso);
    },
    as: (u) => principals.get(u)!,
    orgId: (code) => orgIds.get(code)!,
    userId: (u) => principals.get(u)!.id,
    dispose: () => {
      if (!opts.blobDir) fs.rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

/** The AppError a call fails with (any other error, or none, fails the test). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
