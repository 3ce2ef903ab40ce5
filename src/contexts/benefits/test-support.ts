/** Shared by the benefits engine tests: the three services on a test database, departments by code, sample rows. */
import type { AnyDb } from '../../db/database.ts';
import { LocalKeySigner } from '../../kernel/crypto/signer.ts';
import type { Principal } from '../../kernel/principal.ts';
import { AuditService } from '../audit/index.ts';
import type { CandidateSink, MatchedCandidate } from './candidates.ts';
import { mainlandTaxOf } from './benefits.demo.ts';
import { MatchingService } from './matching/matching.service.ts';
import { PoliciesService } from './policies/policies.service.ts';
import { SourcesService } from './sources/sources.service.ts';

export const HASH_KEY = 'benefits-test-person-hash-key';
export const ORGS: Record<string, number> = { 'PT-SW': 3, 'PT-GA': 7, 'PT-SHSY': 8, 'PT-SCJG': 6, 'PT-CZJR': 9 };

export function officer(orgCode: string, scopes: string[]): Principal {
  return { kind: 'user', id: 100 + ORGS[orgCode]!, name: orgCode, orgId: ORGS[orgCode]!, orgKind: 'department', roles: [], scopes: new Set(scopes), locale: 'zh-CN', ip: null };
}
export const ADMIN: Principal = { kind: 'user', id: 1, name: 'admin', orgId: null, orgKind: null, roles: ['platform-admin'], scopes: new Set(['*']), locale: 'zh-CN', ip: null };
export const TAX_OFFICER = officer('PT-SW', ['benefits.sources:load', 'benefits.sources:read']);

/** A sink collecting every offer, as the payouts part would receive them. */
export class CollectingSink implements CandidateSink {
  readonly offers: MatchedCandidate[][] = [];
  async offer(candidates: MatchedCandidate[]) {
    this.offers.push(candidates);
    return { created: candidates.length, rematched: 0, kept: 0 };
  }
  all(): MatchedCandidate[] {
    return this.offers.flat();
  }
}

export function engineFixture(db: AnyDb, opts: { sink?: CandidateSink; accounts?: Set<string>; pageSize?: number } = {}) {
  const audit = new AuditService(db, LocalKeySigner.generate());
  const sources = new SourcesService({ db, audit, personHashKey: HASH_KEY });
  const policies = new PoliciesService({ db, audit, orgIdByCode: async (code) => ORGS[code] });
  const accounts = opts.accounts;
  const matching = new MatchingService({ db, audit, policies, sink: opts.sink, accountsOf: accounts ? async (hashes) => new Set(hashes.filter((h) => accounts.has(h))) : undefined, pageSize: opts.pageSize });
  return { audit, sources, policies, matching };
}

export interface TaxRow {
  idType?: string;
  idNumber: string;
  name: string;
  taxYear?: number;
  wagesCny: number;
  otherIncomeCny?: number;
  businessIncomeCny?: number;
  businessTaxPaidCny?: number;
  mainlandTaxPaidCny?: number;
  taxPaidInZone?: boolean;
}

/** A tax record with the tax the tables give (what a wage earner paid). */
export function taxRow(r: TaxRow): Record<string, unknown> {
  const year = r.taxYear ?? 2024;
  return {
    idType: r.idType ?? 'residence_permit',
    idNumber: r.idNumber,
    name: r.name,
    taxYear: year,
    wagesCny: r.wagesCny,
    otherIncomeCny: r.otherIncomeCny ?? 0,
    businessIncomeCny: r.businessIncomeCny ?? 0,
    businessTaxPaidCny: r.businessTaxPaidCny ?? null,
    mainlandTaxPaidCny: r.mainlandTaxPaidCny ?? mainlandTaxOf(year, r.wagesCny, r.otherIncomeCny ?? 0),
    taxPaidInZone: r.taxPaidInZone ?? true,
  };
}

export function residenceRow(idNumber: string, name: string, residenceDays: number, opts: { idType?: string; year?: number } = {}): Record<string, unknown> {
  return { idType: opts.idType ?? 'residence_permit', idNumber, name, year: opts.year ?? 2024, residenceDays, permitType: opts.idType === 'mtp' ? 'mtp' : 'residence_permit', addressInZone: true };
}

export function employmentRow(idNumber: string, name: string, opts: { idType?: string; inZone?: boolean; from?: string; to?: string | null; employer?: string } = {}): Record<string, unknown> {
  return {
    idType: opts.idType ?? 'residence_permit',
    idNumber,
    name,
    employerUscc: opts.employer ?? '91350128MA2YABCD0F',
    employerName: '平潭海峡两岸电商科技有限公司',
    fromDate: opts.from ?? '2022-01-01',
    toDate: opts.to ?? null,
    inZone: opts.inZone ?? true,
  };
}
