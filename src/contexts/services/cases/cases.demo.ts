/**
 * Demo cases of 李志明 (`taibao`) in different states, taken through the service as the demo
 * officers: approved, awaiting correction, under review, waiting in an inbox, and the two
 * "one thing" processes part-way (real estate with zero paper; a court auction whose registry
 * escalation timer is armed). Runs after the identity and accounts demos (taibao is verified).
 */
import { Readable } from 'node:stream';
import type { Principal } from '../../../kernel/principal.ts';
import type { CaseService } from './cases.service.ts';

/** Resolves a demo account to its principal (the composition root signs it in through identity). */
export type DemoPrincipals = (username: string) => Promise<Principal>;

// taibao's residence permit number as the accounts demo registers it.
const PERMIT = '830000199001010012';
const who = { name: '李志明', permit: PERMIT, phone: '13905910000' };
// Minimal PDF bytes standing in for the court's documents.
const pdf = (title: string) => Readable.from([Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`, 'utf8')]);

export async function seedCasesDemo(cases: CaseService, as: DemoPrincipals): Promise<string[]> {
  const taibao = await as('taibao');
  const numbers: string[] = [];
  const apply = async (itemCode: string, form: Record<string, unknown>) => {
    const c = await cases.submit(taibao, { itemCode, form });
    numbers.push(c.number);
    return c.id;
  };

  // 船票实名登记: accepted and approved by 行政审批局.
  const ferry = await apply('TW-JT-002-02', { ...who, address: '平潭综合实验区潭城镇西航路88号' });
  await cases.act(await as('shenpi'), ferry, { action: 'accept', taskId: 'acceptance' });
  await cases.act(await as('shenpi'), ferry, { action: 'approve', taskId: 'review' });

  // 学历认证: 社会事业局 asks once for everything missing.
  const degree = await apply('TW-JY-003-01', { ...who, address: '平潭综合实验区金井湾片区台湾创业园3号楼' });
  await cases.act(await as('minzheng'), degree, { action: 'request_correction', taskId: 'acceptance', missing: ['台湾地区学位证书扫描件（正反面）', '成绩单扫描件'] });

  // 个税汇算: accepted by 税务局, under review.
  const tax = await apply('TW-SW-001-01', { ...who, taxYear: 2025, employer: '平潭岚岛生物医药科技有限公司' });
  await cases.act(await as('shuiwu'), tax, { action: 'accept', taskId: 'acceptance' });

  // 台资公司设立: waiting in 行政审批局's inbox.
  await apply('TW-QY-001-01-01', { ...who, companyName: '平潭两岸茶旅文化有限公司', capital: 100, email: 'lizhiming@example.tw' });

  // 不动产登记零材料: accepted by the registry; tax confirmed; registry review open.
  const estate = await apply('YJS-001-02', { ...who, propertyCert: '闽(2025)平潭综合实验区不动产权第0012345号' });
  await cases.act(await as('budongchan'), estate, { action: 'accept', taskId: 'bdc_acceptance' });
  await cases.act(await as('shuiwu'), estate, { action: 'confirm', taskId: 'sw_confirm' });

  // 涉案房产 e拍即得: the court sends both documents online; tax and the registry now act in parallel.
  const auction = await apply('YJS-001-03', { ...who, caseNo: '(2026)闽0128执恢12号', amount: 1280000 });
  const fayuan = await as('fayuan');
  await cases.addAttachment(fayuan, auction, 'execution_ruling', { filename: '执行裁定书.pdf', file: pdf('execution ruling') });
  await cases.addAttachment(fayuan, auction, 'assistance_notice', { filename: '协助执行通知书.pdf', file: pdf('assistance notice') });
  await cases.act(fayuan, auction, { action: 'send', taskId: 'fy_delivery' });
  return numbers;
}
