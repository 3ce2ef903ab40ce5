/**
 * Demo data of the benefits engine (seeded after the service hall's demo): 2024 tax records of 30 Taiwan residents
 * pushed by the tax bureau (PT-SW) — 李志明 (taibao, residence permit 830000199001010012) among them, eligible —,
 * residence records (PT-GA), employment records (PT-SHSY, social insurance), company records (PT-SCJG), and one
 * completed run of each shipped policy. All numbers are synthetic; the check characters are real.
 */
import { mod11_2CheckChar, usccCheckChar } from '../detection/index.ts';
import { computeSubsidy } from './tax/index.ts';
import type { MatchingService } from './matching/matching.service.ts';
import type { PoliciesService } from './policies/policies.service.ts';
import type { SourcesService } from './sources/sources.service.ts';

export const DEMO_TAIBAO_PERMIT = '830000199001010012';
const SURNAMES = '陈林黄张李王吴刘蔡杨许郑谢郭洪邱曾廖赖徐周叶苏庄吕江何萧罗高';
const GIVEN = ['志明', '淑芬', '家豪', '怡君', '俊杰', '雅婷', '建宏', '佳玲', '冠宇', '美玲', '宗翰', '诗涵', '承恩', '欣怡', '柏翰'];

/** A Taiwan residence permit number (830000 + birth date + sequence + MOD 11-2 check). */
export function residencePermit(birth: string, seq: number): string {
  const body = `830000${birth}${String(seq).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

/** A 统一社会信用代码 registered in Pingtan (350128) with a valid check character. */
export function pingtanUscc(n: number): string {
  const body = `91350128${String(n).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

/** The mainland IIT the tables give for these wages in the year (what the person actually paid, in the demo). */
export function mainlandTaxOf(year: number, wagesCny: number, otherIncomeCny = 0): number {
  return computeSubsidy({ year, wagesCny, otherIncomeCny, mainlandTaxPaidCny: 0 }).mainlandTaxCny;
}

export interface DemoPerson {
  idType: 'residence_permit' | 'mtp' | 'resident_id';
  idNumber: string;
  name: string;
  wagesCny: number;
  businessIncomeCny: number;
  taxPaidInZone: boolean;
  residenceDays: number;
  employedInZone: boolean;
}

/** 30 people: mostly eligible, a few failing one clause each (tax paid elsewhere, no job in the zone, low income). */
export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [
    { idType: 'residence_permit', idNumber: DEMO_TAIBAO_PERMIT, name: '李志明', wagesCny: 420_000, businessIncomeCny: 0, taxPaidInZone: true, residenceDays: 300, employedInZone: true },
  ];
  for (let i = 1; i < 30; i++) {
    const birth = `${1965 + (i % 30)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}`;
    const mtp = i % 5 === 0;
    people.push({
      idType: mtp ? 'mtp' : 'residence_permit',
      idNumber: mtp ? String(10_300_000 + i * 7919) : residencePermit(birth, 100 + i * 2),
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
      wagesCny: 180_000 + i * 19_000,
      businessIncomeCny: i % 7 === 0 ? 80_000 : 0,
      taxPaidInZone: i !== 13,
      residenceDays: i % 7 === 0 && i % 2 === 0 ? 120 : 200 + (i % 100),
      employedInZone: i !== 17,
    });
  }
  return people;
}

export interface DemoOrgs {
  tax: number;
  police: number;
  social: number;
  market: number;
}

/** Seeds the sources and runs both shipped policies once; returns the runs (with a sink wired, their candidates are already offered). */
export async function seedBenefitsDemo(svc: { sources: SourcesService; policies: PoliciesService; matching: MatchingService }, orgIdOf: (code: string) => Promise<number | undefined>): Promise<{ runId: number; policyKey: string }[]> {
  const org = async (code: string) => {
    const id = await orgIdOf(code);
    if (id === undefined) throw new Error(`benefits demo: no organisation ${code}`);
    return id;
  };
  const orgs: DemoOrgs = { tax: await org('PT-SW'), police: await org('PT-GA'), social: await org('PT-SHSY'), market: await org('PT-SCJG') };
  const year = 2024;
  const people = demoPeople();
  await svc.sources.push(null, {
    kind: 'tax',
    orgId: orgs.tax,
    sourceSystem: '金税三期个人所得税系统（演示）',
    records: people.map((p) => ({
      idType: p.idType,
      idNumber: p.idNumber,
      name: p.name,
      taxYear: year,
      wagesCny: p.wagesCny,
      otherIncomeCny: 0,
      businessIncomeCny: p.businessIncomeCny,
      mainlandTaxPaidCny: mainlandTaxOf(year, p.wagesCny),
      taxPaidInZone: p.taxPaidInZone,
      withholdingAgentUscc: pingtanUscc(1000 + (people.indexOf(p) % 6)),
    })),
  });
  await svc.sources.push(null, {
    kind: 'residence',
    orgId: orgs.police,
    sourceSystem: '居住证管理系统（演示）',
    records: people.map((p) => ({ idType: p.idType, idNumber: p.idNumber, name: p.name, year, residenceDays: p.residenceDays, permitType: p.idType === 'mtp' ? 'mtp' : 'residence_permit', addressInZone: true })),
  });
  await svc.sources.push(null, {
    kind: 'employment',
    orgId: orgs.social,
    sourceSystem: '社会保险登记系统（演示）',
    records: people.map((p, i) => ({
      idType: p.idType,
      idNumber: p.idNumber,
      name: p.name,
      employerUscc: pingtanUscc(1000 + (i % 6)),
      employerName: `平潭演示企业${(i % 6) + 1}号有限公司`,
      fromDate: `${2020 + (i % 4)}-03-01`,
      toDate: null,
      inZone: p.employedInZone,
    })),
  });
  const companies = [
    { uscc: '91350128MA2YABCD0F', name: '平潭海峡两岸电商科技有限公司', taiwanFunded: true, registeredInZone: true, revenueCny: 38_000_000, taxPaidCny: 1_260_000, employees: 128 },
    ...Array.from({ length: 9 }, (_, i) => ({
      uscc: pingtanUscc(2000 + i),
      name: `平潭两岸演示${i + 1}号有限公司`,
      taiwanFunded: i !== 4,
      registeredInZone: true,
      revenueCny: 3_000_000 + i * 1_500_000,
      taxPaidCny: 200_000 + i * 110_000,
      employees: 12 + i * 9,
    })),
  ];
  await svc.sources.push(null, { kind: 'company', orgId: orgs.market, sourceSystem: '商事主体登记系统（演示）', records: companies.map((c) => ({ ...c, year })) });
  const runs: { runId: number; policyKey: string }[] = [];
  for (const policyKey of ['tw-iit-subsidy', 'tw-company-award']) runs.push({ runId: (await svc.matching.runNow(null, { policyKey, period: String(year) })).id, policyKey });
  return runs;
}
