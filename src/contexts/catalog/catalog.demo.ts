/**
 * Demo datasets of the zone's departments, with synthetic records (valid check characters, made-up
 * people and companies): 市场监管 company registry keyed by USCC (open), 社会事业局 (民政) marriage
 * records keyed by ID number (conditional sharing, not open), 税务 tax-credit ratings keyed by USCC
 * (open; its company-name field repeats the registry's item, so 一数一源 flags it).
 */
import { mod11_2CheckChar, usccCheckChar } from '../detection/index.ts';
import type { AggregationService } from './aggregation.service.ts';
import type { DatasetInput } from './catalog.model.ts';
import type { CatalogService } from './catalog.service.ts';

const SURNAMES = ['林', '陈', '黄', '吴', '郑', '王', '李', '张', '刘', '杨'];
const GIVEN = ['海峰', '丽华', '志明', '晓燕', '建国', '秀英', '国强', '美玲', '文杰', '雅婷'];
const TRADES = ['海洋渔业', '旅游开发', '跨境电商', '物流', '生物医药', '新能源', '建筑工程', '餐饮管理', '文化传媒', '水产加工'];

/** A valid 统一社会信用代码 for a Pingtan (350128) company, number `n`. */
export function demoUscc(n: number): string {
  const body = `913501280${String(n).padStart(8, '0')}`.slice(0, 17);
  return body + usccCheckChar(body);
}

/** A valid 18-digit ID number born in Pingtan (350128). */
export function demoIdNumber(n: number, female = false): string {
  const year = 1960 + (n % 40);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const seq = String((n % 49) * 2 + (female ? 2 : 1)).padStart(3, '0');
  const body = `350128${year}${month}${day}${seq}`;
  return body + mod11_2CheckChar(body);
}

const COMPANY_REGISTRY: DatasetInput = {
  identifier: 'scjg-company-registry',
  title: '市场主体登记基本信息',
  titleEn: 'Company registry (basic registration data)',
  description: '平潭综合实验区市场主体的统一社会信用代码、名称、类型、成立日期、注册资本与登记状态，由市场监督管理局按日更新。',
  theme: 'market',
  keywords: ['企业', '市场主体', '统一社会信用代码', '登记'],
  accrualPeriodicity: 'daily',
  sharingType: 'unconditional',
  openingType: 'open',
  license: 'CC-BY-4.0',
  keyFields: ['uscc'],
  rejectPolicy: 'keep_good',
  distributions: [],
  fields: [
    { name: 'uscc', title: '统一社会信用代码', type: 'string', meaning: '统一社会信用代码', itemCode: 'DE0001', detectorType: 'cn_uscc', required: true },
    { name: 'company_name', title: '企业名称', type: 'string', meaning: '市场主体名称', itemCode: 'DE0002', required: true, maxLength: 100 },
    { name: 'entity_type', title: '企业类型', type: 'string', meaning: '市场主体类型', itemCode: 'DE0003', codeList: ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业', '个体工商户'] },
    { name: 'established', title: '成立日期', type: 'date', meaning: '成立日期', itemCode: 'DE0004' },
    { name: 'capital_wan', title: '注册资本（万元）', type: 'number', meaning: '注册资本', itemCode: 'DE0005', min: 0 },
    { name: 'status', title: '登记状态', type: 'string', meaning: '登记状态', itemCode: 'DE0006', codeList: ['存续', '注销', '吊销', '迁出'] },
  ],
};

const MARRIAGE_RECORDS: DatasetInput = {
  identifier: 'shsy-marriage-records',
  title: '婚姻登记信息',
  titleEn: 'Marriage registrations',
  description: '婚姻登记机关办理的结婚、离婚登记记录，按当事人身份证号码查询，供“一件事”办理免提交结婚证使用。',
  theme: 'civil_affairs',
  keywords: ['婚姻登记', '结婚', '离婚', '民政'],
  accrualPeriodicity: 'daily',
  sharingType: 'conditional',
  sharingBasis: '《婚姻登记条例》；涉及敏感个人信息，仅向依法履职的部门按需共享',
  openingType: 'closed',
  keyFields: ['id_number'],
  rejectPolicy: 'reject_batch',
  distributions: [],
  fields: [
    { name: 'id_number', title: '身份证号码', type: 'string', meaning: '公民身份号码', itemCode: 'DE1001', detectorType: 'cn_resident_id', required: true },
    { name: 'person_name', title: '姓名', type: 'string', meaning: '姓名', itemCode: 'DE1002', detectorType: 'person_name', required: true },
    { name: 'spouse_id_number', title: '配偶身份证号码', type: 'string', meaning: '配偶公民身份号码', itemCode: 'DE1003', detectorType: 'cn_resident_id' },
    { name: 'spouse_name', title: '配偶姓名', type: 'string', meaning: '配偶姓名', itemCode: 'DE1004', detectorType: 'person_name' },
    { name: 'marital_status', title: '婚姻状况', type: 'string', meaning: '婚姻状况', itemCode: 'DE1005', required: true, codeList: ['已婚', '离婚'] },
    { name: 'registered_on', title: '登记日期', type: 'date', meaning: '婚姻登记日期', itemCode: 'DE1006', required: true },
  ],
};

const TAX_CREDIT: DatasetInput = {
  identifier: 'sw-tax-credit',
  title: '纳税信用等级评价结果',
  titleEn: 'Tax credit ratings',
  description: '企业年度纳税信用等级（A/B/M/C/D），按统一社会信用代码查询，每年更新。',
  theme: 'finance_tax',
  keywords: ['纳税信用', '税务', '信用等级'],
  accrualPeriodicity: 'annual',
  sharingType: 'unconditional',
  openingType: 'open',
  license: 'CC-BY-4.0',
  keyFields: ['uscc', 'tax_year'],
  rejectPolicy: 'keep_good',
  distributions: [],
  fields: [
    { name: 'uscc', title: '统一社会信用代码', type: 'string', meaning: '统一社会信用代码', itemCode: 'DE0001', detectorType: 'cn_uscc', required: true, reference: true },
    { name: 'taxpayer_name', title: '纳税人名称', type: 'string', meaning: '市场主体名称', required: true },
    { name: 'tax_year', title: '评价年度', type: 'integer', meaning: '纳税信用评价年度', itemCode: 'DE2001', required: true, min: 2014, max: 2100 },
    { name: 'credit_level', title: '纳税信用等级', type: 'string', meaning: '纳税信用等级', itemCode: 'DE2002', required: true, codeList: ['A', 'B', 'M', 'C', 'D'] },
  ],
};

export const DEMO_DATASETS = { companyRegistry: COMPANY_REGISTRY, marriageRecords: MARRIAGE_RECORDS, taxCredit: TAX_CREDIT };

export function demoCompanies(n: number): Record<string, unknown>[] {
  const types = ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业', '个体工商户'];
  return Array.from({ length: n }, (_, i) => ({
    uscc: demoUscc(i + 1),
    company_name: `平潭${TRADES[i % TRADES.length]}${['有限公司', '股份有限公司', '商行'][i % 3]}${i >= TRADES.length ? i : ''}`,
    entity_type: types[i % types.length],
    established: `20${String(10 + (i % 15)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    capital_wan: 50 + ((i * 37) % 950),
    status: i % 11 === 10 ? '注销' : '存续',
  }));
}

function demoMarriages(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    id_number: demoIdNumber(i + 1),
    person_name: `${SURNAMES[i % 10]}${GIVEN[i % 10]}`,
    spouse_id_number: demoIdNumber(i + 101, true),
    spouse_name: `${SURNAMES[(i + 3) % 10]}${GIVEN[(i + 5) % 10]}`,
    marital_status: i % 7 === 6 ? '离婚' : '已婚',
    registered_on: `20${String(5 + (i % 19)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
  }));
}

function demoTaxCredit(companies: Record<string, unknown>[]): Record<string, unknown>[] {
  return companies.flatMap((c, i) =>
    [2024, 2025].map((year) => ({ uscc: c.uscc, taxpayer_name: c.company_name, tax_year: year, credit_level: ['A', 'B', 'M', 'B', 'A', 'C'][(i + year) % 6] })),
  );
}

/** Registers, grades, publishes and loads the demo datasets; only ever run on an empty database. */
export async function seedCatalogDemo(catalog: CatalogService, aggregation: AggregationService, orgIdOf: (code: string) => Promise<number | undefined>): Promise<void> {
  const plan: { code: string; input: DatasetInput; rows: Record<string, unknown>[]; subclasses: Record<string, string | null> }[] = [];
  const companies = demoCompanies(24);
  plan.push({ code: 'PT-SCJG', input: COMPANY_REGISTRY, rows: companies, subclasses: Object.fromEntries(COMPANY_REGISTRY.fields.map((f) => [f.name, 'IND.GENERAL'])) });
  plan.push({ code: 'PT-SHSY', input: MARRIAGE_RECORDS, rows: demoMarriages(20), subclasses: {} });
  plan.push({ code: 'PT-SW', input: TAX_CREDIT, rows: demoTaxCredit(companies), subclasses: Object.fromEntries(TAX_CREDIT.fields.map((f) => [f.name, 'IND.GENERAL'])) });
  for (const { code, input, rows, subclasses } of plan) {
    const orgId = await orgIdOf(code);
    if (orgId === undefined) continue;
    const ds = await catalog.register(null, structuredClone(input), orgId);
    await aggregation.push(null, ds.id, rows, { system: 'demo' });
    await catalog.classify(null, ds.id);
    await catalog.confirmGrade(null, ds.id, subclasses);
    await catalog.publish(null, ds.id);
  }
}
