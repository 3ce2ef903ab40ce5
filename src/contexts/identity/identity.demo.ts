import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { IdentityService, UserKind } from './identity.service.ts';
import type { OrgKind, Locale } from '../../kernel/principal.ts';

export const DEMO_PASSWORD = 'Demo@2026';

const ORGS: { code: string; name: string; nameEn: string; kind: OrgKind; uscc?: string }[] = [
  { code: 'PT-BDB', name: '平潭综合实验区大数据管理局', nameEn: 'Pingtan Big Data Administration', kind: 'bureau' },
  { code: 'PT-XZSP', name: '平潭综合实验区行政审批局', nameEn: 'Pingtan Administrative Approval Bureau', kind: 'department' },
  { code: 'PT-SW', name: '国家税务总局平潭综合实验区税务局', nameEn: 'Pingtan Taxation Bureau', kind: 'department' },
  { code: 'PT-BDC', name: '平潭综合实验区不动产登记中心', nameEn: 'Pingtan Real Estate Registration Centre', kind: 'department' },
  { code: 'PT-FY', name: '平潭综合实验区人民法院', nameEn: 'Pingtan People’s Court', kind: 'department' },
  { code: 'PT-SCJG', name: '平潭综合实验区市场监督管理局', nameEn: 'Pingtan Market Supervision Bureau', kind: 'department' },
  { code: 'PT-GA', name: '平潭综合实验区公安局', nameEn: 'Pingtan Public Security Bureau', kind: 'department' },
  { code: 'PT-SHSY', name: '平潭综合实验区社会事业局', nameEn: 'Pingtan Social Affairs Bureau', kind: 'department' },
  { code: 'PT-CZJR', name: '平潭综合实验区财政金融局', nameEn: 'Pingtan Finance Bureau', kind: 'department' },
  { code: 'PT-DAG', name: '平潭综合实验区档案馆', nameEn: 'Pingtan Archives', kind: 'department' },
  { code: 'ENT-LDSW', name: '平潭岚岛生物医药科技有限公司', nameEn: 'Pingtan Landao Biomedical Technology Co., Ltd.', kind: 'enterprise' },
  { code: 'ENT-RQZN', name: '福建平潭瑞谦智能科技有限公司', nameEn: 'Fujian Pingtan Ruiqian Intelligent Technology Co., Ltd.', kind: 'enterprise' },
  { code: 'ENT-SSKJ', name: '北京深势科技有限公司', nameEn: 'Beijing DP Technology Co., Ltd.', kind: 'enterprise' },
  { code: 'BANK-PT01', name: '平潭岚岛农村商业银行', nameEn: 'Pingtan Landao Rural Commercial Bank', kind: 'bank' },
];

const USERS: { username: string; displayName: string; org: string | null; kind: UserKind; roles: string[]; locale?: Locale }[] = [
  { username: 'admin', displayName: '林海（平台管理员）', org: 'PT-BDB', kind: 'officer', roles: ['platform-admin'] },
  { username: 'auditor', displayName: '陈静（审计员）', org: 'PT-BDB', kind: 'officer', roles: ['auditor'] },
  { username: 'bureau', displayName: '黄志强（大数据局）', org: 'PT-BDB', kind: 'officer', roles: ['bureau-officer'] },
  { username: 'shenpi', displayName: '吴晓燕（行政审批局）', org: 'PT-XZSP', kind: 'officer', roles: ['dept-officer'] },
  { username: 'shenpi-admin', displayName: '郑建华（行政审批局管理员）', org: 'PT-XZSP', kind: 'officer', roles: ['dept-admin'] },
  { username: 'shuiwu', displayName: '王丽（税务局）', org: 'PT-SW', kind: 'officer', roles: ['dept-officer'] },
  { username: 'minzheng', displayName: '林秀英（社会事业局）', org: 'PT-SHSY', kind: 'officer', roles: ['dept-officer'] },
  { username: 'budongchan', displayName: '郑丽华（不动产登记中心）', org: 'PT-BDC', kind: 'officer', roles: ['dept-officer'] },
  { username: 'fayuan', displayName: '陈志远（法院执行局）', org: 'PT-FY', kind: 'officer', roles: ['dept-officer'] },
  { username: 'shichang', displayName: '林晓峰（市场监管局）', org: 'PT-SCJG', kind: 'officer', roles: ['dept-officer'] },
  { username: 'caizheng', displayName: '蔡明辉（财政金融局）', org: 'PT-CZJR', kind: 'officer', roles: ['dept-officer'] },
  { username: 'qiye', displayName: '刘洋（岚岛生物医药合规专员）', org: 'ENT-LDSW', kind: 'enterprise', roles: ['enterprise-user'] },
  { username: 'bank', displayName: '张敏（农商银行信贷部）', org: 'BANK-PT01', kind: 'bank', roles: ['bank-officer'] },
  { username: 'dengji', displayName: '周敏（数据产权登记审查员）', org: 'PT-BDB', kind: 'officer', roles: ['registry-reviewer'] },
  { username: 'ruiqian', displayName: '陈立（瑞谦智能数据专员）', org: 'ENT-RQZN', kind: 'enterprise', roles: ['enterprise-user'] },
  { username: 'shenshi', displayName: '孙悦（深势科技数据专员）', org: 'ENT-SSKJ', kind: 'enterprise', roles: ['enterprise-user'] },
  { username: 'dangan', displayName: '林文华（档案馆）', org: 'PT-DAG', kind: 'officer', roles: ['archivist'] },
  { username: 'taibao', displayName: '李志明（台胞）', org: null, kind: 'citizen', roles: ['citizen'], locale: 'zh-TW' },
];

/** Demo departments and accounts; only ever run on an empty database. */
export async function seedIdentityDemo(identity: IdentityService): Promise<{ username: string; displayName: string; roles: string[] }[]> {
  const ids = new Map<string, number>();
  for (const o of ORGS) ids.set(o.code, (await identity.createOrg(SYSTEM_ACTOR, o)).id);
  for (const u of USERS) {
    await identity.createUser(SYSTEM_ACTOR, null, {
      orgId: u.org ? ids.get(u.org)! : null,
      username: u.username,
      displayName: u.displayName,
      kind: u.kind,
      password: DEMO_PASSWORD,
      roles: u.roles,
      ...(u.locale ? { locale: u.locale } : {}),
    });
  }
  return USERS.map((u) => ({ username: u.username, displayName: u.displayName, roles: u.roles }));
}
