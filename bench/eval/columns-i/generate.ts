/**
 * Ninth blind labelled column set for `landao scan` (columns-i), written without reading the scanner,
 * its recognisers or the earlier sets' value makers (see README.md).
 *
 *   npx tsx bench/eval/columns-i/generate.ts --out DIR [--seed N]   # default seed 20240718
 *   npx tsx bench/eval/columns-i/check.ts DIR [--all]               # reads the set back, no scanner
 *   npx tsx bench/eval/columns-eval.ts DIR                          # the scorer
 *
 * Twelve files: a blood-donation register, a typhoon evacuation roster of Pingtan villages, a gym
 * membership export, a dialysis-centre schedule, an optical shop's prescriptions, a ride-hailing trip log,
 * a village election voter roll, a land-contract register, a customs seizure list, a SIM real-name
 * registration log, a university dormitory allocation and a cross-strait mediation case list — in XLSX
 * (merged title row, two sheets, date and number cells), CSV (GBK + CRLF, UTF-8 BOM + CRLF, UTF-8 LF),
 * TSV, semicolon- and pipe-separated text, JSON, NDJSON and Parquet.
 *
 * DIR/truth.json: `{ file: [{ index, header, truth }] }`, truth a detector type id, `decoy` or
 * `free_text`; JSON/NDJSON headers are paths (a.b[].c) in order of first appearance, depth first. For
 * XLSX the labelled data is on the first sheet (row 1 a merged title, row 2 the header). Every date is
 * built in UTC and every zip entry of an XLSX file is stamped 2024-06-18 09:00: the output is
 * byte-identical between runs and time zones.
 */
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import {
  COMPOUND_SURNAMES,
  EYE_TW,
  FUJIAN_COUNTIES,
  PINGTAN_TOWNS,
  RENAL,
  MASK,
  addDays,
  addMinutes,
  bankCard,
  checksumHits,
  cnDate,
  cnMobile,
  containerNo,
  dirtyId,
  email,
  excelSerial,
  fitnessGene,
  fuzhouAddress,
  geo,
  hex,
  hkid,
  hlaTyping,
  homeReturnPermit,
  iccid,
  idLikeAnyRegion,
  imsi,
  ipv4Private,
  ipv4Public,
  ipv6,
  isUscc,
  isVin,
  isoLocal,
  landline,
  legacyId,
  luhnValid,
  mac,
  mobileNumber,
  mtp,
  pad,
  passesMod112,
  passport,
  password,
  permitId,
  personName,
  pingtanAddress,
  plate,
  randomDay,
  residentId,
  rngFor,
  twMobile,
  twNationalId,
  utc,
  uscc,
  vin,
  ymd,
  ymdhm,
  ymdhms,
} from './values.ts';
import type { Rng } from './values.ts';

// ---------------------------------------------------------------------------------------------
// Shared helpers

type Cell = string | number | Date | boolean | bigint | null;
type Spec<C> = readonly [string, string, (c: C) => Cell];

interface Entry {
  index: number;
  header: string;
  truth: string;
}

/** Placeholders written into blank cells (check.ts treats the same set as blank). */
const PH = ['', '', '', '无', '-', 'NULL', 'N/A', '/', '未提供'];
const PH_TW = ['', '', '', '無', '-', 'N/A', '/'];

const or = (r: Rng, p: number, f: () => Cell, ph: readonly string[] = PH): Cell => (r.chance(p) ? r.pick(ph) : f());

function build<C>(n: number, ctx: (i: number) => C, specs: ReadonlyArray<Spec<C>>): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const c = ctx(i);
    rows.push(specs.map((s) => s[2](c)));
  }
  return rows;
}

/** Number formats of XLSX columns by header. */
function formatsOf<C>(specs: ReadonlyArray<Spec<C>>, byHeader: Record<string, string>): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [h, f] of Object.entries(byHeader)) {
    const i = specs.findIndex((s) => s[0] === h);
    if (i < 0) throw new Error(`no column ${h}`);
    out[i] = f;
  }
  return out;
}

const entries = <C>(specs: ReadonlyArray<Spec<C>>): Entry[] => specs.map((s, i) => ({ index: i, header: s[0], truth: s[1] }));

/** Draws a value until no token of it passes a checksum (and the extra test holds). */
function clean(r: Rng, f: (r: Rng) => string, ok: (v: string) => boolean = () => true): string {
  for (let k = 0; k < 1000; k++) {
    const v = f(r);
    if (checksumHits(v).length === 0 && ok(v)) return v;
  }
  throw new Error('could not draw a clean decoy');
}

const hexWithLetter = (r: Rng, n: number, upper = false): string => clean(r, () => hex(r, n, upper), (v) => /[a-fA-F]/.test(v));

function jsonEntries(records: unknown[], truth: Record<string, string>, file: string): Entry[] {
  const paths = jsonPaths(records);
  const missing = paths.filter((p) => truth[p] === undefined);
  const extra = Object.keys(truth).filter((p) => !paths.includes(p));
  if (missing.length > 0 || extra.length > 0) throw new Error(`${file}: unlabelled paths ${missing.join(', ')}; labels without a path ${extra.join(', ')}`);
  return paths.map((p, i) => ({ index: i, header: p, truth: truth[p] as string }));
}

/** A Simplified name's surname (a compound one when it starts with one) and its given name. */
const surnameOf = (n: string): string => (COMPOUND_SURNAMES.includes(n.slice(0, 2)) ? n.slice(0, 2) : n.slice(0, 1));
const givenOf = (n: string): string => n.trim().replace(/\s/g, '').slice(surnameOf(n).length);

const mobileAsNumber = (r: Rng, share: number): Cell => (r.chance(share) ? Number(mobileNumber(r)) : cnMobile(r));

// ---------------------------------------------------------------------------------------------
// 1. Blood-donation station register (XLSX)

async function makeBlood(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'fuzhou_xueye_zhongxin_xianxue_dengji_2024Q2.xlsx';
  const nurses = Array.from({ length: 6 }, () => personName(r, { spaces: 0 }));
  const vehicles = Array.from({ length: 5 }, () => plate(r));
  const sites: ReadonlyArray<readonly [string, number | null]> = [
    ['五一广场献血屋', null], ['东街口献血屋', null], ['大学城献血屋', null], ['万达广场献血车', 0], ['福州火车站献血车', 1],
    ['长乐机场献血车', 2], ['平潭万宝献血车', 3], ['血液中心本部', null], ['福清融侨献血屋', null], ['马尾快安献血车', 4],
  ];
  const employers = ['福州大学', '福建师范大学', '国网福州供电公司', '福建星网锐捷通讯股份有限公司', '个体经营', '学生', '自由职业', '福州地铁集团', '中国移动福建公司', '福耀玻璃工业集团', '退休', '福州市公安局', '兴业银行福州分行', '宁德时代'];
  const histories = ['过敏性鼻炎', '青霉素过敏', '高血压', '甲状腺结节', '痛风', '脂肪肝', '乙肝病毒携带', '缺铁性贫血', '胆结石', '支气管哮喘', '高脂血症'];
  const remarks = ['献血后轻微头晕，平卧休息15分钟后离开', '血管较细，更换左臂穿刺', '首次献血，已讲解献血后注意事项', '预约下次单采时间', '献血者要求邮寄献血证', '穿刺处少量渗血，已加压包扎', '团体献血（单位组织）', '献血前未进早餐，补充饮料后采血', '电话回访无不适'];
  const donors = Array.from({ length: 1200 }, () => {
    const x = r.next();
    const kind = x < 0.955 ? '居民身份证' : x < 0.99 ? '台湾居民来往大陆通行证' : '港澳居民来往内地通行证';
    const p = residentId(r, utc(1966, 1, 1), utc(2006, 3, 31));
    const platelet = r.chance(0.25);
    return {
      kind,
      p,
      name: personName(r, { trad: kind === '台湾居民来往大陆通行证' }),
      doc: kind === '居民身份证' ? dirtyId(r, p.id, 0.005) : kind === '台湾居民来往大陆通行证' ? mtp(r) : homeReturnPermit(r, r.chance(0.7)),
      blood: `${r.weighted([['A型', 28], ['B型', 32], ['O型', 30], ['AB型', 10]] as const)} ${r.chance(0.01) ? 'Rh(-)' : 'Rh(+)'}`,
      phone: or(r, 0.02, () => mobileAsNumber(r, 0.5)),
      employer: r.pick(employers),
      history: r.chance(0.22) ? r.pick(histories) : r.pick(['无', '无', '', '否认']),
      address: or(r, 0.02, () => (r.chance(0.85) ? fuzhouAddress(r) : pingtanAddress(r))),
      platelet,
      hla: platelet && r.chance(0.85) ? hlaTyping(r) : '',
      donorNo: 350100000 + r.int(1, 99999),
      first: r.chance(0.3),
    };
  });
  let bag = r.int(100000, 900000);
  const tests = (): string => {
    const parts: string[] = [];
    if (r.chance(0.85)) parts.push(`ALT ${r.chance(0.04) ? r.int(51, 130) : r.int(8, 45)}U/L`);
    parts.push(`HBsAg ${r.chance(0.01) ? '阳性' : '阴性'}`);
    if (r.chance(0.6)) parts.push(`抗-HCV ${r.chance(0.005) ? '反应性' : '阴性'}`);
    if (r.chance(0.4)) parts.push('梅毒螺旋体抗体 阴性');
    if (r.chance(0.3)) parts.push(`血红蛋白 ${r.int(115, 168)}g/L`);
    return parts.join('；');
  };
  type C = { d: (typeof donors)[number]; site: readonly [string, number | null]; day: Date };
  const specs: Spec<C>[] = [
    ['献血者编号', 'decoy', (c) => c.d.donorNo],
    ['姓名', 'person_name', (c) => c.d.name],
    ['性别', 'decoy', (c) => (c.d.p.male ? '男' : '女')],
    ['证件类型', 'decoy', (c) => c.d.kind],
    ['证件号码', 'cn_resident_id', (c) => c.d.doc],
    ['出生日期', 'decoy', (c) => c.d.p.birth],
    ['血型', 'decoy', (c) => c.d.blood],
    ['联系电话', 'cn_mobile', (c) => c.d.phone],
    ['献血类型', 'decoy', (c) => (c.d.platelet ? '单采血小板' : '全血')],
    ['献血量(ml)', 'decoy', (c) => (c.d.platelet ? 250 : r.pick([200, 300, 400, 400]))],
    ['血袋条码', 'decoy', () => `0591${24}${pad(bag++, 7)}`],
    ['采血日期', 'decoy', (c) => c.day],
    ['血液检测结果', 'medical_record', () => or(r, 0.04, tests, ['', '-', '待检'])],
    ['既往病史', 'medical_record', (c) => c.d.history],
    ['HLA分型', 'genetic_data', (c) => c.d.hla],
    ['献血前血压', 'decoy', () => `${r.int(98, 139)}/${r.int(60, 89)}`],
    ['采血护士', 'person_name', () => r.pick(nurses)],
    ['采血点', 'decoy', (c) => c.site[0]],
    ['献血车牌', 'cn_license_plate', (c) => (c.site[1] === null ? '' : (vehicles[c.site[1]] as string))],
    ['col_20', 'decoy', (c) => `350100${c.day.getUTCFullYear()}${pad(c.d.donorNo % 100000, 5)}`],
    ['工作单位', 'decoy', (c) => c.d.employer],
    ['居住地址', 'address', (c) => c.d.address],
    ['备注', 'free_text', () => (r.chance(0.3) ? r.pick(remarks) : '')],
  ];
  const n = 1500;
  const rows = build<C>(n, (i) => ({
    d: i < donors.length ? (donors[i] as C['d']) : r.pick(donors),
    site: r.pick(sites),
    day: randomDay(r, utc(2024, 4, 1), utc(2024, 6, 30)),
  }), specs);
  const bySite = new Map<string, number>();
  const siteAt = specs.findIndex((x) => x[0] === '采血点');
  for (const row of rows) bySite.set(String(row[siteAt]), (bySite.get(String(row[siteAt])) ?? 0) + 1);
  await writeXlsx(dir, file, {
    title: '福州市血液中心献血者登记表（2024年第二季度）',
    sheetName: '献血登记',
    headers: specs.map((s) => s[0]),
    rows,
    formats: formatsOf(specs, { 出生日期: 'yyyy-mm-dd', 采血日期: 'yyyy-mm-dd', 联系电话: '0' }),
    second: { name: '采血点汇总', headers: ['采血点', '献血人次'], rows: [...bySite.entries()].sort((a, b) => a[0].localeCompare(b[0])) },
  });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------
// 2. Typhoon evacuation roster, Pingtan villages (GBK CSV, CRLF, pinyin headers)

function makeTyphoon(r: Rng, dir: string): [string, Entry[]] {
  const file = 'pingtan_fangtai_zhuanyi_mingce_202407_gbk.csv';
  const shelters = ['潭城镇中心小学', '平潭一中体育馆', '苏澳镇敬老院', '流水镇避灾安置点', '澳前镇文化中心', '北厝镇中心小学', '平原镇政府礼堂', '敖东镇避灾安置中心', '白青乡村委会', '芦洋乡中学', '中楼乡文化站', '岚城乡避灾点'].map((s) => ({
    name: s,
    contact: personName(r, { spaces: 0 }),
    tel: landline(r, '0591', r.next() * 0.88),
  }));
  const grid = Array.from({ length: 24 }, () => ({ name: personName(r, { spaces: 0 }), mobile: cnMobile(r, false) }));
  const typhoon = (): string => r.pick(['2403', 'TY2403', '202403', '2403号台风格美', '2403(GAEMI)']);
  const remarks = ['独居老人，已联系其女儿接走', '渔船已回港，船员随户转移', '家中有婴儿，优先安排车辆', '拒绝转移，已签承诺书，村干部二次动员', '行动不便，需专人背送', '外地游客，民宿老板协助转移', '房屋屋顶为石板，已加固', '已返回，房屋无损', '临时安排在亲戚家（同村）'];
  type Member = { name: string; rel: string; id: string; birth: Date; mobile: Cell };
  type House = { head: Member; members: Member[]; town: string; village: string; address: Cell; shelter: (typeof shelters)[number]; grid: (typeof grid)[number]; plate: string; kind: string; way: string; grade: string };
  const houses: House[] = [];
  let rowsTotal = 0;
  while (rowsTotal < 2000) {
    const [town, villages] = r.pick(PINGTAN_TOWNS);
    const village = r.pick(villages);
    const headName = personName(r, { spaces: 0 });
    const headP = residentId(r, utc(1940, 1, 1), utc(1990, 12, 31), r.chance(0.92) ? '350128' : undefined);
    const mk = (rel: string, from: Date, to: Date, sameSurname: boolean): Member => {
      const p = residentId(r, from, to, r.chance(0.9) ? '350128' : undefined);
      const nm = personName(r, { spaces: 0.01 });
      const name = sameSurname && !nm.includes('·') && !headName.includes('·') ? surnameOf(headName) + givenOf(nm) : nm;
      const id = p.birth.getUTCFullYear() < 1958 && r.chance(0.08) ? legacyId(r, p.birth, p.birth) : dirtyId(r, p.id);
      const adult = p.birth.getTime() < utc(2008, 1, 1).getTime();
      return { name, rel, id, birth: p.birth, mobile: adult && r.chance(0.8) ? or(r, 0.02, () => cnMobile(r)) : '' };
    };
    const head: Member = { name: headName, rel: '户主', id: dirtyId(r, headP.id), birth: headP.birth, mobile: or(r, 0.02, () => cnMobile(r)) };
    const members = [head];
    const size = r.weighted([[1, 2], [2, 3], [3, 3], [4, 3], [5, 2], [6, 1]] as const);
    const rels = ['配偶', '子', '女', '孙子', '孙女', '母亲', '父亲', '儿媳'];
    for (let k = 1; k < size; k++) {
      const rel = r.pick(rels);
      const young = rel.startsWith('孙');
      const old = rel === '母亲' || rel === '父亲';
      members.push(mk(rel, young ? utc(2010, 1, 1) : old ? utc(1930, 1, 1) : utc(1960, 1, 1), young ? utc(2023, 12, 31) : old ? utc(1955, 12, 31) : utc(2005, 12, 31), rel !== '配偶' && rel !== '儿媳'));
    }
    // a child's and an elder's row carry the household's phone when they have none
    for (const m of members) if (m.mobile === '' && r.chance(0.7)) m.mobile = head.mobile;
    houses.push({
      head,
      members,
      town,
      village,
      address: or(r, 0.015, () => (r.chance(0.75) ? `${r.pick(['福建省平潭综合实验区', '平潭综合实验区', '平潭县', ''])}${town}${village}${r.int(1, 260)}号` : pingtanAddress(r))),
      shelter: r.pick(shelters),
      grid: r.pick(grid),
      plate: r.chance(0.2) ? plate(r) : '',
      kind: r.weighted([['常住人口', 70], ['外来务工', 10], ['游客', 5], ['渔船回港人员', 10], ['在校学生', 5]] as const),
      way: r.weighted([['集中安置', 55], ['投亲靠友', 30], ['自行转移', 10], ['就地避险', 5]] as const),
      grade: r.weighted([['C级', 45], ['D级', 25], ['B级', 20], ['A级', 10]] as const),
    });
    rowsTotal += members.length;
  }
  const rowsCtx: { h: House; m: Member; t: Date }[] = [];
  for (const h of houses) {
    const t = addMinutes(utc(2024, 7, 24, 8, 0), r.int(0, 30) * 20);
    for (const m of h.members) rowsCtx.push({ h, m, t });
  }
  let wz = r.int(100, 400);
  type C = (typeof rowsCtx)[number] & { i: number };
  const specs: Spec<C>[] = [
    ['xh', 'decoy', (c) => c.i + 1],
    ['tfbh', 'decoy', () => typhoon()],
    ['xzz', 'decoy', (c) => c.h.town],
    ['cun', 'decoy', (c) => c.h.village],
    ['hzxm', 'person_name', (c) => c.h.head.name],
    ['xm', 'person_name', (c) => c.m.name],
    ['yhzgx', 'decoy', (c) => c.m.rel],
    ['sfzh', 'cn_resident_id', (c) => or(r, 0.01, () => c.m.id)],
    ['csrq', 'decoy', (c) => ymd(c.m.birth, '')],
    ['lxdh', 'cn_mobile', (c) => c.m.mobile],
    ['jtzz', 'address', (c) => c.h.address],
    ['ryzl', 'decoy', (c) => c.h.kind],
    ['zyfs', 'decoy', (c) => c.h.way],
    ['azd', 'decoy', (c) => (c.h.way === '集中安置' ? c.h.shelter.name : '')],
    ['azdlxr', 'person_name', (c) => (c.h.way === '集中安置' ? c.h.shelter.contact : '')],
    ['azddh', 'cn_landline', (c) => (c.h.way === '集中安置' ? c.h.shelter.tel : '')],
    ['zysj', 'decoy', (c) => ymdhm(c.t)],
    ['fwdj', 'decoy', (c) => c.h.grade],
    ['wgy', 'person_name', (c) => c.h.grid.name],
    ['cph', 'cn_license_plate', (c) => (c.m === c.h.head ? c.h.plate : '')],
    ['字段22', 'decoy', () => `WZ0724-${pad(wz++, 4)}`],
    ['bz', 'free_text', (c) => (c.m === c.h.head && r.chance(0.35) ? r.pick(remarks) : '')],
  ];
  const rows = build<C>(rowsCtx.length, (i) => ({ ...(rowsCtx[i] as (typeof rowsCtx)[number]), i }), specs);
  writeDelimited(dir, file, specs.map((s) => s[0]), rows, { sep: ',', encoding: 'gbk', bom: false, crlf: true });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------
// 3. Gym membership export (UTF-8, LF, comma, camelCase and "Unnamed: N")

function makeGym(r: Rng, dir: string): [string, Entry[]] {
  const file = 'gym_membership_export_20240615.csv';
  const coaches = Array.from({ length: 9 }, () => personName(r, { spaces: 0 }));
  const conditions = ['高血压（服药控制）', '腰椎间盘突出症', '支气管哮喘', '半月板损伤术后', '2型糖尿病', '前交叉韧带损伤', '心律失常', '甲状腺功能亢进', '痛风', '脂肪肝', '高脂血症', '癫痫'];
  const remarks = ['会员要求冻结30天（出差）', '续卡赠送私教课2节', '已退卡，按比例退款', '投诉更衣柜被撬，已调监控', '转卡给朋友，已收手续费', '孕期暂停团课', '介绍人返现已发放', '需要发票抬头：公司'];
  type C = { i: number; p: ReturnType<typeof residentId>; join: Date; card: string; paid: boolean; pt: boolean };
  const specs: Spec<C>[] = [
    ['memberId', 'decoy', (c) => `FZG${pad(240000 + c.i * 3 + r.int(0, 2), 7)}`],
    ['memberName', 'person_name', () => personName(r)],
    ['gender', 'decoy', (c) => (c.p.male ? 'M' : 'F')],
    ['mobile', 'cn_mobile', () => or(r, 0.01, () => cnMobile(r))],
    ['idCardNo', 'cn_resident_id', (c) => or(r, 0.05, () => dirtyId(r, c.p.id))],
    ['Unnamed: 5', 'email', () => (r.chance(0.45) ? email(r) : '')],
    ['birthday', 'decoy', (c) => ymd(c.p.birth, '/')],
    ['cardType', 'decoy', (c) => c.card],
    ['accessCardUid', 'decoy', () => hexWithLetter(r, 14, true)],
    ['joinDate', 'decoy', (c) => ymd(c.join)],
    ['expireDate', 'decoy', (c) => ymd(addDays(c.join, c.card === '年卡' ? 365 : c.card === '季卡' ? 91 : c.card === '月卡' ? 30 : 180))],
    ['paymentCard', 'bank_card', (c) => (c.paid ? bankCard(r) : '')],
    ['coachName', 'person_name', (c) => (c.pt ? r.pick(coaches) : '')],
    ['Unnamed: 13', 'cn_mobile', () => (r.chance(0.8) ? cnMobile(r) : '')],
    ['heightCm', 'decoy', (c) => (c.p.male ? r.int(160, 190) : r.int(150, 176))],
    ['weightKg', 'decoy', (c) => (c.p.male ? r.int(55, 105) : r.int(42, 80)) + r.int(0, 9) / 10],
    ['healthDeclaration', 'medical_record', () => (r.chance(0.28) ? r.pick(conditions) : r.pick(['无', '', '无', '否']))],
    ['dnaFitnessReport', 'genetic_data', () => (r.chance(0.1) ? fitnessGene(r) : '')],
    ['Unnamed: 18', 'decoy', () => `${r.pick(['A', 'B', 'C'])}-${r.int(101, 260)}`],
    ['lastCheckinAt', 'decoy', () => isoLocal(addMinutes(utc(2024, 6, 1, 6), r.int(0, 14 * 24 * 60)))],
    ['appOpenId', 'decoy', () => `o${clean(r, () => { let s = ''; const cs = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'; for (let k = 0; k < 27; k++) s += cs[r.int(0, cs.length - 1)]; return s; })}`],
    ['initialPassword', 'secret', () => (r.chance(0.9) ? password(r) : '')],
    ['referrerMobileMasked', 'decoy', () => (r.chance(0.3) ? (() => { const m = mobileNumber(r); return `${m.slice(0, 3)}****${m.slice(7)}`; })() : '')],
    ['remark', 'free_text', () => (r.chance(0.2) ? r.pick(remarks) : '')],
  ];
  const rows = build<C>(1800, (i) => ({
    i,
    p: residentId(r, utc(1962, 1, 1), utc(2006, 6, 1)),
    join: randomDay(r, utc(2022, 1, 1), utc(2024, 6, 14)),
    card: r.pick(['年卡', '年卡', '季卡', '月卡', '次卡', '半年卡']),
    paid: r.chance(0.62),
    pt: r.chance(0.4),
  }), specs);
  writeDelimited(dir, file, specs.map((s) => s[0]), rows, { sep: ',', encoding: 'utf8', bom: false, crlf: false });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------
// 4. Dialysis-centre schedule (TSV)

function makeDialysis(r: Rng, dir: string): [string, Entry[]] {
  const file = 'touxi_zhongxin_paiban_202406.tsv';
  const doctors = Array.from({ length: 5 }, () => personName(r, { spaces: 0 }));
  const nurses = Array.from({ length: 12 }, () => personName(r, { spaces: 0 }));
  const stationTel = [landline(r, '0591', 0.1), landline(r, '0591', 0.1), landline(r, '0591', 0.92)];
  const models: ReadonlyArray<readonly [string, (r: Rng) => string]> = [
    ['FMC-4008S', (q) => `${q.pick(['7A', '8A', '9B'])}${q.pick(['XC', 'XD', 'YC'])}${q.int(1000, 9999)}`],
    ['DBB-27', (q) => `S/N 2${q.int(0, 3)}G${q.int(1000, 9999)}`],
    ['NCU-18', (q) => `N18-${q.int(19, 23)}${q.pick(['K', 'M', 'P'])}${q.int(100, 999)}`],
    ['Dialog+', (q) => `BB${q.int(30, 39)}-${q.int(10000, 99999)}`],
  ];
  const machines = Array.from({ length: 40 }, (_, k) => {
    const [model, serial] = r.pick(models);
    const zone = k < 28 ? (k < 14 ? 'A区' : 'B区') : k < 36 ? 'C区' : '隔离区';
    return { id: `${model}-${pad(k + 1)}`, serial: clean(r, serial), zone, bed: `${zone.slice(0, 1) === '隔' ? 'G' : zone.slice(0, 1)}-${pad((k % 14) + 1)}`, ip: `10.21.${r.int(40, 43)}.${r.int(11, 250)}`, model };
  });
  const screening = (): string =>
    r.weighted([
      ['HBsAg阴性 抗-HCV阴性 抗-HIV阴性 梅毒螺旋体抗体阴性', 70],
      ['HBsAg阳性 抗-HCV阴性', 12],
      ['HBsAg阴性 抗-HCV阳性', 6],
      ['HBsAg(-) 抗-HCV(-) 抗-HIV(-) TP(-)', 12],
    ] as const);
  const anticoag = (): string =>
    r.pick(['低分子肝素钙 4000IU 首剂', '低分子肝素钠 3000IU', '普通肝素 首剂2000IU 追加500IU/h', '枸橼酸钠局部抗凝', '那屈肝素钙 0.4ml', '阿加曲班 首剂250μg/kg', '达肝素钠 2500IU']);
  const patients = Array.from({ length: 180 }, (_, k) => {
    const p = residentId(r, utc(1938, 1, 1), utc(1995, 12, 31));
    const scr = screening();
    const ms = machines.filter((m) => (scr.includes('HBsAg阳性') || scr.includes('抗-HCV阳性') ? m.zone === 'C区' || m.zone === '隔离区' : m.zone === 'A区' || m.zone === 'B区'));
    return {
      pid: `HD${r.int(2016, 2024)}-${pad(k + 1, 4)}`,
      name: personName(r),
      p,
      id: dirtyId(r, p.id, 0.008),
      ins: r.weighted([['职工医保', 50], ['城乡居民医保', 40], ['异地医保', 6], ['自费', 4]] as const),
      disease: r.chance(0.03) ? r.pick(['', '-']) : r.pick(RENAL),
      scr,
      ms,
      machine: r.pick(ms),
      mode: r.weighted([['HD', 70], ['HDF', 20], ['HD+HP', 10]] as const),
      dialyzer: r.pick(['FX80', 'FX60', 'Polyflux 17L', 'F60S', 'Elisio-17H', 'FX1000', 'HF1400']),
      dry: r.int(42, 82) + r.pick([0, 0.5]),
      anti: anticoag(),
      doctor: r.pick(doctors),
      mobile: or(r, 0.03, () => cnMobile(r)),
      days: r.chance(0.5) ? [1, 3, 5] : [2, 4, 6],
      shift: r.pick(['上午', '下午', '晚班']),
    };
  });
  const notes = ['透析过程顺利，生命体征平稳', '透析中血压下降至86/52mmHg，予减慢超滤后回升', '内瘘杂音清晰，穿刺顺利', '诉下肢抽搐，予高渗糖后缓解', '导管口无红肿渗出，已换药', '下机后压迫止血20分钟', '超滤量较上次增加，嘱控制饮水'];
  type C = { pt: (typeof patients)[number]; day: Date };
  const sessions: C[] = [];
  for (let d = 1; d <= 30; d++) {
    const day = utc(2024, 6, d);
    const dow = day.getUTCDay();
    for (const pt of patients) if (pt.days.includes(dow)) sessions.push({ pt, day });
  }
  const specs: Spec<C>[] = [
    ['排班ID', 'decoy', () => hexWithLetter(r, 24)],
    ['透析日期', 'decoy', (c) => ymd(c.day)],
    ['班次', 'decoy', (c) => c.pt.shift],
    ['患者ID', 'decoy', (c) => c.pt.pid],
    ['患者姓名', 'person_name', (c) => c.pt.name],
    ['身份证号', 'cn_resident_id', (c) => c.pt.id],
    ['医保类型', 'decoy', (c) => c.pt.ins],
    ['原发病', 'medical_record', (c) => c.pt.disease],
    ['传染病筛查', 'medical_record', (c) => c.pt.scr],
    ['透析区', 'decoy', (c) => c.pt.machine.zone],
    ['床位号', 'decoy', (c) => c.pt.machine.bed],
    ['机器编号', 'decoy', (c) => c.pt.machine.id],
    ['设备序列号', 'decoy', (c) => c.pt.machine.serial],
    ['透析器型号', 'decoy', (c) => c.pt.dialyzer],
    ['透析方式', 'decoy', (c) => c.pt.mode],
    ['干体重(kg)', 'decoy', (c) => c.pt.dry.toFixed(1)],
    ['透前血压', 'decoy', () => `${r.int(110, 178)}/${r.int(58, 98)}`],
    ['抗凝方案', 'medical_record', (c) => c.pt.anti],
    ['主管医生', 'person_name', (c) => c.pt.doctor],
    ['col_19', 'person_name', () => r.pick(nurses)],
    ['护士站电话', 'cn_landline', (c) => (c.pt.machine.zone === 'A区' ? stationTel[0] : c.pt.machine.zone === 'B区' ? stationTel[1] : stationTel[2]) as string],
    ['患者电话', 'cn_mobile', (c) => c.pt.mobile],
    ['超滤量(ml)', 'decoy', () => String(r.int(8, 40) * 100)],
    ['设备IP', 'ip_address', (c) => c.pt.machine.ip],
    ['护理记录', 'free_text', () => (r.chance(0.45) ? r.pick(notes) : '')],
  ];
  const rows = build<C>(sessions.length, (i) => sessions[i] as C, specs);
  writeDelimited(dir, file, specs.map((s) => s[0]), rows, { sep: '\t', encoding: 'utf8', bom: false, crlf: false });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------
// 5. Optical shop prescriptions (semicolon, UTF-8, LF, Taiwan Traditional headers)

function makeOptometry(r: Rng, dir: string): [string, Entry[]] {
  const file = 'yanjinghang_peijing_chufang_2024.csv';
  const optometrists = Array.from({ length: 4 }, () => personName(r, { trad: true, husband: 0 }));
  const stores = [
    { tel: '0591-23156688', addr: '平潭綜合實驗區金井灣大道台灣創業園3號樓102' },
    { tel: '(0591)87653210', addr: '福州市鼓樓區東街92號東百中心A館4樓' },
    { tel: '0591-22887766', addr: '福建省福州市倉山區浦上大道272號倉山萬達廣場2樓2032號' },
  ];
  const power = (min: number, max: number): string => {
    const q = r.int(min * 4, max * 4) / 4;
    return q === 0 ? '0.00' : `${q > 0 ? '+' : ''}${q.toFixed(2)}`;
  };
  const frames = ['RB5154 49□21', 'RB3447V 50□21', 'OAKLEY OX8046', '999.9 NPM-38', 'CHARMANT CH10356', 'TR90 8012', 'SEIKO T5110'];
  const lenses = ['依視路 1.60 鑽晶A4', '蔡司 1.67 數碼鉑金膜', '豪雅 1.56 唯潔膜', '明月 1.60 PMC', '依視路 萬里路 漸進', '蔡司 成長樂 1.59'];
  const lineIds = ['amy.lin', 'kevin_chen', 'jiahui1988', 'tina.wu', 'ahuang', 'momo_lai', 'jason.tsai', 'vivian_hsu', 'peter_lee', 'annie.cheng'];
  const remarks = ['客戶要求加做藍光膜', '漸進片適應期說明已告知', '鏡架自備，僅配鏡片', '兒童近視管理，三個月複查', '取件時調整鼻墊', '台胞證掃描存檔', '保固一年，內含鏡架調整'];
  type C = { i: number; tw: boolean; male: boolean; birth: Date; day: Date; presby: boolean };
  const specs: Spec<C>[] = [
    ['單號', 'decoy', (c) => `OP${ymd(c.day, '')}-${pad((c.i % 97) + 1, 3)}`],
    ['顧客姓名', 'person_name', (c) => personName(r, { trad: c.tw })],
    ['手機', 'cn_mobile', (c) => (c.tw && r.chance(0.4) ? '' : or(r, 0.02, () => cnMobile(r), PH_TW))],
    ['台灣手機', 'tw_mobile', (c) => (c.tw ? or(r, 0.05, () => twMobile(r), PH_TW) : '')],
    ['臺胞證號碼', 'tw_travel_permit', (c) => (c.tw && r.chance(0.9) ? mtp(r) : '')],
    ['身分證字號', 'tw_national_id', (c) => (c.tw && r.chance(0.7) ? (r.chance(0.03) ? twNationalId(r, c.male).toLowerCase() : twNationalId(r, c.male)) : '')],
    ['生日', 'decoy', (c) => (c.tw ? `${c.birth.getUTCFullYear() - 1911}/${pad(c.birth.getUTCMonth() + 1)}/${pad(c.birth.getUTCDate())}` : ymd(c.birth, '/'))],
    ['右眼球鏡(SPH)', 'decoy', () => power(-8, 3)],
    ['右眼柱鏡(CYL)', 'decoy', () => power(-2.5, 0)],
    ['右眼軸位(AXIS)', 'decoy', () => String(r.int(1, 180))],
    ['左眼球鏡(SPH)', 'decoy', () => power(-8, 3)],
    ['左眼柱鏡(CYL)', 'decoy', () => power(-2.5, 0)],
    ['左眼軸位(AXIS)', 'decoy', () => String(r.int(1, 180))],
    ['瞳距(PD)', 'decoy', () => (r.chance(0.7) ? String(r.int(54, 70)) : `${r.int(27, 35)}/${r.int(27, 35)}`)],
    ['加光(ADD)', 'decoy', (c) => (c.presby ? `+${(r.int(3, 10) / 4).toFixed(2)}` : '')],
    ['眼疾病史', 'medical_record', () => (r.chance(0.35) ? r.pick(EYE_TW) : r.pick(['無', '', '無']))],
    ['驗光師', 'person_name', () => r.pick(optometrists)],
    ['欄位18', 'decoy', () => r.pick(frames)],
    ['鏡片', 'decoy', () => r.pick(lenses)],
    ['信用卡末四碼', 'decoy', () => (r.chance(0.5) ? r.digits(4) : '')],
    ['門市電話', 'cn_landline', (c) => (stores[c.i % 3] as (typeof stores)[number]).tel],
    ['門市地址', 'address', (c) => (stores[c.i % 3] as (typeof stores)[number]).addr],
    ['LINE ID', 'decoy', (c) => (c.tw && r.chance(0.6) ? `${r.pick(lineIds)}${r.chance(0.3) ? r.int(1, 99) : ''}` : '')],
    ['備註', 'free_text', () => (r.chance(0.25) ? r.pick(remarks) : '')],
  ];
  const rows = build<C>(1200, (i) => {
    const birth = randomDay(r, utc(1950, 1, 1), utc(2016, 12, 31));
    return { i, tw: r.chance(0.45), male: r.chance(0.5), birth, day: randomDay(r, utc(2024, 1, 2), utc(2024, 6, 28)), presby: birth.getTime() < utc(1980, 1, 1).getTime() };
  }, specs);
  writeDelimited(dir, file, specs.map((s) => s[0]), rows, { sep: ';', encoding: 'utf8', bom: false, crlf: false });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------
// 6. Ride-hailing trip log (NDJSON, nested, an array of track points)

function makeRide(r: Rng, dir: string): [string, Entry[]] {
  const file = 'wangyueche_xingcheng_rizhi_20240618.ndjson';
  const drivers = Array.from({ length: 260 }, () => {
    const p = residentId(r, utc(1965, 1, 1), utc(2000, 12, 31));
    const nev = r.chance(0.55);
    let pl = plate(r);
    if (nev) pl = `闽A${r.pick(['D', 'F'])}${r.chance(0.5) ? r.pick([...'ABCDEFGHJK']) : String(r.int(0, 9))}${r.digits(4)}`;
    return {
      name: personName(r),
      mobile: cnMobile(r),
      lic: dirtyId(r, p.id, 0.005),
      id: `DRV${r.digits(8)}`,
      plate: pl,
      vin: r.chance(0.02) ? vin(r).toLowerCase() : vin(r),
      model: r.pick(['比亚迪秦PLUS EV', '比亚迪e5', '吉利几何A', '广汽埃安S', '丰田卡罗拉双擎', '大众朗逸', '别克GL8', '哪吒U']),
      cert: `闽交运管榕字${pad(350100000000 + r.int(1, 999999), 12)}号`,
    };
  });
  const pois = ['万达广场(仓山店)', '福州南站', '福州站', '长乐国际机场T2航站楼', '三坊七巷', '福州大学城', '东街口', '五四北泰禾广场', '福建省立医院', '海峡国际会展中心', '平潭北站', '闽江公园'];
  const remarks = ['司机态度很好，车内干净', '车内有烟味', '绕路了，多收了12元', '司机接单后让我取消', '乘客遗失雨伞，已联系归还', '到达后司机未等待', '夜间行程，已开启行程分享'];
  const tripId = (day: Date): string =>
    clean(r, () => `${r.pick(['350100', '350200', '350128', '350181'])}${ymd(day, '')}${r.digits(4)}`, (v) => !passesMod112(v) && !luhnValid(v) && !isUscc(v));
  const grid = (p: string): string => {
    const [la, lo] = p.split(/[, ]+/).map(Number) as [number, number];
    return `${lo.toFixed(2)},${la.toFixed(2)}`;
  };
  const records: unknown[] = [];
  for (let i = 0; i < 2500; i++) {
    const d = r.pick(drivers);
    const t = addMinutes(utc(2024, 6, 18, 0, 0), r.int(0, 24 * 60 - 1));
    const pickGps = geo(r, 26.07, 119.3, 0.22);
    const dropGps = geo(r, 26.07, 119.3, 0.28);
    const nPts = r.int(2, 5);
    const cancelled = r.chance(0.04);
    const pts = Array.from({ length: nPts }, () => geo(r, 26.07, 119.3, 0.25));
    const km = r.int(12, 380) / 10;
    const mobile = mobileNumber(r);
    records.push({
      tripId: tripId(t),
      orderTime: isoLocal(t),
      channel: r.weighted([['乘客端', 50], ['司机端', 10], ['小程序', 25], ['电话叫车', 5], ['高德聚合', 10]] as const),
      driver: {
        driverId: d.id,
        name: d.name,
        mobile: d.mobile,
        licenseNo: d.lic,
      },
      vehicle: {
        plate: d.plate,
        vin: d.vin,
        model: d.model,
        transportCertNo: d.cert,
      },
      passenger: {
        uid: `P${r.digits(12)}`,
        mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
      },
      pickup: {
        poi: r.chance(0.6) ? r.pick(pois) : null,
        address: r.chance(0.02) ? null : fuzhouAddress(r, false),
        gps: pickGps,
        grid: grid(pickGps),
      },
      dropoff: {
        poi: r.chance(0.6) ? r.pick(pois) : null,
        address: cancelled ? null : fuzhouAddress(r, false),
        gps: cancelled ? null : dropGps,
      },
      trackPoints: pts,
      route: { distanceKm: cancelled ? 0 : km },
      fare: {
        total: cancelled ? 0 : Math.round((10 + km * 2.3) * 100) / 100,
        payChannel: r.pick(['微信支付', '支付宝', '云闪付', '企业支付', '现金']),
      },
      device: {
        deviceId: clean(r, () => `${hex(r, 8, true)}-${hex(r, 4, true)}-${hex(r, 4, true)}-${hex(r, 4, true)}-${hex(r, 12, true)}`),
      },
      ext: { field_2: r.chance(0.85) ? ipv4Public(r) : ipv6(r) },
      remark: r.chance(0.15) ? r.pick(remarks) : null,
    });
  }
  const truth: Record<string, string> = {
    tripId: 'decoy', orderTime: 'decoy', channel: 'decoy',
    'driver.driverId': 'decoy', 'driver.name': 'person_name', 'driver.mobile': 'cn_mobile', 'driver.licenseNo': 'cn_resident_id',
    'vehicle.plate': 'cn_license_plate', 'vehicle.vin': 'vin', 'vehicle.model': 'decoy', 'vehicle.transportCertNo': 'decoy',
    'passenger.uid': 'decoy', 'passenger.mobileMasked': 'decoy',
    'pickup.poi': 'decoy', 'pickup.address': 'address', 'pickup.gps': 'geo_coordinate', 'pickup.grid': 'decoy',
    'dropoff.poi': 'decoy', 'dropoff.address': 'address', 'dropoff.gps': 'geo_coordinate',
    'trackPoints[]': 'geo_coordinate', 'route.distanceKm': 'decoy', 'fare.total': 'decoy', 'fare.payChannel': 'decoy',
    'device.deviceId': 'decoy', 'ext.field_2': 'ip_address', remark: 'free_text',
  };
  writeJson(dir, file, records, true);
  return [file, jsonEntries(records, truth, file)];
}

// ---------------------------------------------------------------------------------------------
// 7. Village election voter roll (XLSX)

async function makeElection(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'minhou_cunweihui_xuanju_xuanmin_mingce_2024.xlsx';
  const villages: ReadonlyArray<readonly [string, string, number]> = [
    ['上街镇', '厚美村', 1], ['上街镇', '马保村', 2], ['上街镇', '侯官村', 3], ['南屿镇', '葛岐村', 4], ['南屿镇', '流洋村', 5],
    ['南屿镇', '高岐村', 6], ['祥谦镇', '兰圃村', 7], ['白沙镇', '联坑村', 8], ['竹岐乡', '榕岸村', 9],
  ];
  const clerks = Array.from({ length: 8 }, () => ({ name: personName(r, { spaces: 0 }), tel: landline(r, '0591', r.next()) }));
  const workplaces = ['广东省东莞市', '浙江省义乌市', '福州市区', '本地', '本地', '本地', '上海市', '江苏省昆山市', '厦门市'];
  const remarks = ['外出务工，已委托其父投票', '户籍已迁出，待核实', '长期卧床，流动票箱上门', '服刑人员，依法不列入', '新满十八周岁', '公告期内无异议'];
  type C = { i: number; v: readonly [string, string, number]; p: ReturnType<typeof residentId>; reg: Date; vote: Date; clerk: (typeof clerks)[number]; kind: string };
  const specs: Spec<C>[] = [
    ['序号', 'decoy', (c) => c.i + 1],
    ['选民证号', 'decoy', (c) => c.v[2] * 10000 + ((c.i * 7) % 9973)],
    ['选区', 'decoy', () => `第${r.int(1, 12)}村民小组`],
    ['姓名', 'person_name', () => personName(r)],
    ['出生日期', 'decoy', (c) => c.p.birth],
    ['公民身份号码', 'cn_resident_id', (c) => or(r, 0.01, () => dirtyId(r, c.p.id))],
    ['公示身份号码', 'decoy', (c) => MASK(c.p.id, 6, 4)],
    ['户籍地址', 'address', (c) => or(r, 0.02, () => `福建省福州市闽侯县${c.v[0]}${c.v[1]}${r.chance(0.3) ? `${r.int(1, 12)}组` : ''}${r.int(1, 320)}号`)],
    ['登记类型', 'decoy', (c) => c.kind],
    ['委托投票人', 'person_name', (c) => (c.kind === '外出委托' ? personName(r) : '')],
    ['联系电话', 'cn_mobile', () => or(r, 0.05, () => mobileAsNumber(r, 0.6))],
    ['所在村', 'decoy', (c) => c.v[1]],
    ['所属乡镇', 'decoy', (c) => c.v[0]],
    ['登记日期', 'decoy', (c) => excelSerial(c.reg)],
    ['选票编号', 'decoy', (c) => `闽侯2024-${pad(c.v[2])}-${pad(c.i + 1, 5)}`],
    ['投票时间', 'decoy', (c) => c.vote],
    ['登记员', 'person_name', (c) => c.clerk.name],
    ['col_19', 'cn_landline', (c) => c.clerk.tel],
    ['外出务工地', 'decoy', () => r.pick(workplaces)],
    ['备注', 'free_text', () => (r.chance(0.15) ? r.pick(remarks) : '')],
  ];
  const rows = build<C>(1600, (i) => {
    const v = villages[Math.floor((i * villages.length) / 1600)] as C['v'];
    return {
      i,
      v,
      p: residentId(r, utc(1930, 1, 1), utc(2006, 5, 20), r.chance(0.93) ? '350121' : undefined),
      reg: randomDay(r, utc(2024, 4, 8), utc(2024, 4, 28)),
      vote: addMinutes(utc(2024, 5, 26, 8, 0), r.int(0, 9 * 60)),
      clerk: clerks[v[2] % clerks.length] as C['clerk'],
      kind: r.weighted([['户籍选民', 82], ['外出委托', 12], ['居住满一年', 6]] as const),
    };
  }, specs);
  const villageAt = specs.findIndex((x) => x[0] === '所在村');
  const counts = villages.map((v) => [v[0], v[1], rows.filter((row) => row[villageAt] === v[1]).length]);
  await writeXlsx(dir, file, {
    title: '闽侯县第十二届村民委员会换届选举 选民名单（登记汇总稿）',
    sheetName: '选民名单',
    headers: specs.map((s) => s[0]),
    rows,
    formats: formatsOf(specs, { 出生日期: 'yyyy-mm-dd', 投票时间: 'yyyy-mm-dd hh:mm', 联系电话: '0' }),
    second: { name: '各村选民统计', headers: ['乡镇', '村', '登记选民数'], rows: counts },
  });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------
// 8. Land-contract register (Parquet)

function makeLand(r: Rng, dir: string): [string, Entry[]] {
  const file = 'tudi_chengbao_jingyingquan_dengjibu.parquet';
  const towns: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    ['上街镇', '103', ['厚美村', '马保村', '岐头村']],
    ['南屿镇', '105', ['葛岐村', '高岐村', '南井村']],
    ['白沙镇', '108', ['联坑村', '溪头村']],
    ['竹岐乡', '201', ['竹岐村', '汶洲村']],
  ];
  const parcelNames = ['王厝坪', '陈家垅', '林后洋', '大丘田', '后门山', '蔡厝埕', '下洋田', '溪边垄', '黄泥坡', '石头丘', '吴厝后', '郑家园', '长丘', '塘下田'];
  const cn = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  const groups = towns.flatMap(([town, tcode, vs]) =>
    vs.flatMap((v, vi) =>
      Array.from({ length: r.int(2, 4) }, (_, g) => ({
        code: `350121${tcode}${pad(201 + vi, 3)}${pad(g + 1)}`,
        name: `${town}${v}第${cn[g + 1]}村民小组`,
        head: personName(r, { spaces: 0 }),
        town,
        village: v,
        center: [26.0 + r.next() * 0.18, 119.05 + r.next() * 0.2] as const,
      })),
    ),
  );
  type H = { g: (typeof groups)[number]; code: string; name: string; id: string; mobile: bigint | null; addr: string | null; size: number; card: string | null; cert: string; start: Date };
  const houses: H[] = [];
  const seq = new Map<string, number>();
  const parcels: { h: H; code: string; zd: string }[] = [];
  while (parcels.length < 1500) {
    const g = r.pick(groups);
    let s = seq.get(g.code) ?? 0;
    let code = '';
    do {
      s++;
      code = `${g.code}${pad(s, 4)}`;
    } while (luhnValid(code) || isUscc(code) || idLikeAnyRegion(code));
    seq.set(g.code, s);
    const p = residentId(r, utc(1935, 1, 1), utc(1985, 12, 31), r.chance(0.94) ? '350121' : undefined);
    const start = r.chance(0.7) ? utc(1998, 1, 1) : utc(2019, 1, 1);
    const h: H = {
      g,
      code,
      name: personName(r),
      id: r.chance(0.01) ? '' : dirtyId(r, p.id),
      mobile: r.chance(0.06) ? null : BigInt(mobileNumber(r)),
      addr: r.chance(0.02) ? null : `福建省福州市闽侯县${g.town}${g.village}${r.int(1, 360)}号`,
      size: r.int(1, 8),
      card: r.chance(0.1) ? null : bankCard(r).replace(/[\s-]/g, ''),
      cert: `J${code}`,
      start,
    };
    houses.push(h);
    const n = r.int(1, 6);
    for (let k = 0; k < n && parcels.length < 1500; k++) {
      let q = seq.get(`${g.code}P`) ?? 0;
      let pcode = '';
      do {
        q++;
        pcode = `${g.code}${pad(q, 5)}`;
      } while (luhnValid(pcode) || checksumHits(pcode).length > 0);
      seq.set(`${g.code}P`, q);
      parcels.push({ h, code: pcode, zd: `350121${g.code.slice(6, 9)}${g.code.slice(9, 12)}${r.pick(['JC', 'JA', 'JB'])}${pad(q, 5)}` });
    }
  }
  const sides = (): string => `东至${r.pick(['陈家田', '机耕路', '水渠', '林地'])}，南至${r.pick(['山脚', '溪沟', '王家田', '村道'])}，西至${r.pick(['水渠', '田埂', '果园'])}，北至${r.pick(['山林', '公路', '池塘'])}`;
  const cols: { name: string; truth: string; type: BasicType; data: Cell[] }[] = [
    { name: 'fbfbm', truth: 'decoy', type: 'STRING', data: parcels.map((x) => x.h.g.code) },
    { name: 'fbfmc', truth: 'decoy', type: 'STRING', data: parcels.map((x) => x.h.g.name) },
    { name: 'field_7', truth: 'person_name', type: 'STRING', data: parcels.map((x) => x.h.g.head) },
    { name: 'cbfbm', truth: 'decoy', type: 'STRING', data: parcels.map((x) => x.h.code) },
    { name: 'cbfdbxm', truth: 'person_name', type: 'STRING', data: parcels.map((x) => x.h.name) },
    { name: 'cbfdbzjhm', truth: 'cn_resident_id', type: 'STRING', data: parcels.map((x) => (x.h.id === '' ? null : x.h.id)) },
    { name: 'cbflxdh', truth: 'cn_mobile', type: 'INT64', data: parcels.map((x) => x.h.mobile) },
    { name: 'cbfdz', truth: 'address', type: 'STRING', data: parcels.map((x) => x.h.addr) },
    { name: 'jtcyrs', truth: 'decoy', type: 'INT32', data: parcels.map((x) => x.h.size) },
    { name: 'zdbm', truth: 'decoy', type: 'STRING', data: parcels.map((x) => x.zd) },
    { name: 'dkbm', truth: 'decoy', type: 'STRING', data: parcels.map((x) => x.code) },
    { name: 'dkmc', truth: 'decoy', type: 'STRING', data: parcels.map(() => r.pick(parcelNames)) },
    { name: 'scmjm', truth: 'decoy', type: 'DOUBLE', data: parcels.map(() => r.int(8, 260) / 100) },
    { name: 'dksz', truth: 'decoy', type: 'STRING', data: parcels.map(() => sides()) },
    { name: 'tdyt', truth: 'decoy', type: 'STRING', data: parcels.map(() => r.weighted([['种植业', 70], ['林业', 12], ['畜牧业', 6], ['渔业', 12]] as const)) },
    { name: 'dkzxzb', truth: 'geo_coordinate', type: 'STRING', data: parcels.map((x) => `${(x.h.g.center[0] + (r.next() - 0.5) * 0.02).toFixed(6)},${(x.h.g.center[1] + (r.next() - 0.5) * 0.02).toFixed(6)}`) },
    { name: 'cbqxq', truth: 'decoy', type: 'TIMESTAMP', data: parcels.map((x) => x.h.start) },
    { name: 'qzbh', truth: 'decoy', type: 'STRING', data: parcels.map((x) => x.h.cert) },
    { name: 'sfqq', truth: 'decoy', type: 'BOOLEAN', data: parcels.map(() => r.chance(0.93)) },
    { name: 'btkh', truth: 'bank_card', type: 'STRING', data: parcels.map((x) => x.h.card) },
  ];
  writeParquet(dir, file, cols);
  return [file, cols.map((c, i) => ({ index: i, header: c.name, truth: c.truth }))];
}

// ---------------------------------------------------------------------------------------------
// 9. Customs seizure list (JSON array, nested, items[])

function makeCustoms(r: Rng, dir: string): [string, Entry[]] {
  const file = 'haiguan_chakou_anjian_mingxi_2024H1.json';
  const inspectors = Array.from({ length: 7 }, () => personName(r, { spaces: 0 }));
  const companies = Array.from({ length: 160 }, () => {
    const region = r.pick(FUJIAN_COUNTIES)[0];
    return {
      name: `${r.pick(['福州', '平潭', '厦门', '福清', '长乐', '泉州'])}${r.pick(['海峡', '鑫源', '恒达', '闽台', '远洋', '聚丰', '嘉禾', '顺泰', '宏图', '东方'])}${r.pick(['贸易', '进出口', '供应链', '国际物流', '电子商务', '水产'])}有限公司`,
      uscc: uscc(r, region, '91'),
      rep: personName(r),
      mobile: cnMobile(r),
      tel: or(r, 0.04, () => landline(r)),
      email: r.chance(0.8) ? email(r, ['163.com', 'qq.com', '126.com', 'hxtrade.com.cn', 'fjimport.cn']) : '',
      addr: r.chance(0.5) ? fuzhouAddress(r) : pingtanAddress(r),
      code: `35${pad(r.int(1, 99))}${r.pick([9, 6, 3])}${r.digits(5)}`,
    };
  });
  const goods: ReadonlyArray<readonly [string, string, string]> = [
    ['0306319000', '冻龙虾', '千克'], ['0307221000', '鲜活扇贝', '千克'], ['3004909099', '阿莫西林胶囊', '盒'], ['3004909099', '奥司他韦颗粒', '盒'],
    ['3004390000', '司美格鲁肽注射笔', '支'], ['3004909099', '盐酸二甲双胍片', '盒'], ['2402200000', '卷烟', '条'], ['8517130000', '智能手机', '台'],
    ['7113191900', '黄金饰品', '克'], ['9102120000', '手表', '块'], ['0508009000', '红珊瑚', '件'], ['4901990000', '书刊', '本'], ['8471300000', '笔记本电脑', '台'],
    ['3304990099', '护肤品', '件'], ['2204210000', '葡萄酒', '瓶'], ['0507100090', '象牙制品', '件'], ['9504500000', '游戏机', '台'],
  ];
  const reasons = ['伪报品名', '低报价格', '濒危物种未申报', '侵犯知识产权', '未申报超量携带', '禁止进境物品', '夹藏'];
  const remarks = ['当事人对查验结果无异议', '已移交缉私部门立案', '货物暂扣，待补充许可证件', '旅客主动申报后补税放行', '涉嫌走私，已采取强制措施', '邮件退运'];
  const records: unknown[] = [];
  for (let i = 0; i < 900; i++) {
    const channel = r.weighted([['货运渠道', 45], ['旅检渠道', 40], ['邮递渠道', 8], ['快件渠道', 7]] as const);
    const cargo = channel !== '旅检渠道';
    const c = r.pick(companies);
    const hkmo = !cargo && r.chance(0.5);
    const day = randomDay(r, utc(2024, 1, 2), utc(2024, 6, 28));
    const nItems = r.int(1, 3);
    const hs = (code: string): string => (r.chance(0.4) ? `${code.slice(0, 4)}.${code.slice(4, 8)}.${code.slice(8)}` : code);
    records.push({
      caseNo: `榕关缉违字〔2024〕${pad(i + 1, 4)}号`,
      seizureDate: ymd(day),
      port: r.pick(['福州长乐机场海关', '平潭海关', '马尾海关', '江阴海关', '福州海关邮局办事处']),
      channel,
      consignee: {
        name: cargo ? c.name : null,
        uscc: cargo ? c.uscc : null,
        legalRep: cargo ? c.rep : null,
        contactMobile: cargo ? c.mobile : null,
        contactTel: cargo ? c.tel : null,
        email: cargo && c.email !== '' ? c.email : null,
        address: cargo ? c.addr : null,
      },
      declarant: { customsCode: cargo ? c.code : null },
      transport: {
        containerNo: channel === '货运渠道' ? containerNo(r) : null,
        billOfLading: channel === '货运渠道' ? `${r.pick(['COSU', 'MEDU', 'OOLU', 'EGLV'])}${r.digits(10)}` : null,
        truckPlate: channel === '货运渠道' && r.chance(0.8) ? plate(r) : null,
      },
      passenger: {
        name: cargo ? null : personName(r, { trad: hkmo && r.chance(0.7) }),
        homeReturnPermit: hkmo ? homeReturnPermit(r, r.chance(0.75)) : null,
        passportNo: !cargo && !hkmo ? passport(r) : null,
        flight: cargo ? null : r.pick(['CX5140', 'HX1512', 'MF8012', 'NX198', 'CI503', '海峡号', '丽娜轮']),
      },
      items: Array.from({ length: nItems }, () => {
        const [code, name, unit] = r.pick(goods);
        return { hsCode: hs(code), goodsName: name, quantity: `${r.int(1, cargo ? 500 : 20)}${unit}`, declaredValue: r.int(50, cargo ? 200000 : 20000) };
      }),
      seizureReason: r.pick(reasons),
      inspector: r.pick(inspectors),
      ext: { field_9: `35${r.digits(4)}` },
      remark: r.chance(0.4) ? r.pick(remarks) : null,
    });
  }
  const truth: Record<string, string> = {
    caseNo: 'decoy', seizureDate: 'decoy', port: 'decoy', channel: 'decoy',
    'consignee.name': 'decoy', 'consignee.uscc': 'cn_uscc', 'consignee.legalRep': 'person_name', 'consignee.contactMobile': 'cn_mobile',
    'consignee.contactTel': 'cn_landline', 'consignee.email': 'email', 'consignee.address': 'address',
    'declarant.customsCode': 'decoy', 'transport.containerNo': 'decoy', 'transport.billOfLading': 'decoy', 'transport.truckPlate': 'cn_license_plate',
    'passenger.name': 'person_name', 'passenger.homeReturnPermit': 'hkmo_home_return_permit', 'passenger.passportNo': 'cn_passport', 'passenger.flight': 'decoy',
    'items[].hsCode': 'decoy', 'items[].goodsName': 'decoy', 'items[].quantity': 'decoy', 'items[].declaredValue': 'decoy',
    seizureReason: 'decoy', inspector: 'person_name', 'ext.field_9': 'decoy', remark: 'free_text',
  };
  writeJson(dir, file, records, false);
  return [file, jsonEntries(records, truth, file)];
}

// ---------------------------------------------------------------------------------------------
// 10. SIM real-name registration log (pipe, UTF-8, LF, snake_case)

function makeSim(r: Rng, dir: string): [string, Entry[]] {
  const file = 'sim_shiming_dengji_rizhi_202406.csv';
  const agents = Array.from({ length: 20 }, (_, k) => ({ name: personName(r, { spaces: 0 }), id: `FJ0591${String.fromCharCode(65 + (k % 6))}${pad(r.int(100, 999), 3)}`, mac: mac(r), store: `FZ-${r.pick(['GL', 'TJ', 'CS', 'JA', 'MW', 'PT'])}-${pad(r.int(1, 300), 4)}` }));
  const block = '1950591';
  let poolNext = r.int(1000, 3000);
  const packages = ['5G畅享129元套餐', '5G智享199元套餐', '花卡宝藏版29元', '大王卡19元', '流量王59元', '物联网行业卡'];
  const remarks = ['人证比对通过', '客户为老年人，子女陪同办理', '一证五号校验：名下已有4张卡', '二次认证失败，转人工审核', '企业批量开户，经办人授权书已上传', '港澳台证件人工核验'];
  type C = { t: Date; agent: (typeof agents)[number]; online: boolean; ent: boolean; kind: string; p: ReturnType<typeof residentId> };
  const certNo = (c: C): string =>
    c.kind === '居民身份证' ? dirtyId(r, c.p.id, 0.005) : c.kind === '台湾居民来往大陆通行证' ? mtp(r) : c.kind === '港澳居民来往内地通行证' ? homeReturnPermit(r, r.chance(0.7)) : passport(r);
  const specs: Spec<C>[] = [
    ['reg_id', 'decoy', () => hexWithLetter(r, 16)],
    ['reg_time', 'decoy', (c) => ymdhms(c.t)],
    ['channel', 'decoy', (c) => (c.online ? r.pick(['掌上营业厅', '微信小程序']) : r.pick(['自有营业厅', '社会渠道代理点']))],
    ['store_code', 'decoy', (c) => (c.online ? '' : c.agent.store)],
    ['msisdn', 'cn_mobile', () => mobileNumber(r)],
    ['pool_number', 'decoy', () => (r.chance(0.7) ? `${block}${pad(poolNext++ % 10000, 4)}` : '')],
    ['iccid', 'decoy', () => iccid(r)],
    ['imsi', 'decoy', () => clean(r, imsi, (v) => !idLikeAnyRegion(v))],
    ['cust_name', 'person_name', (c) => personName(r, { trad: c.kind === '台湾居民来往大陆通行证' })],
    ['cert_type', 'decoy', (c) => c.kind],
    ['cert_no', 'cn_resident_id', (c) => certNo(c)],
    ['masked_cert', 'decoy', (c) => (c.kind === '居民身份证' ? MASK(c.p.id, 4, 4) : '')],
    ['cert_addr', 'address', (c) => (c.kind === '居民身份证' ? or(r, 0.02, () => (r.chance(0.7) ? fuzhouAddress(r) : pingtanAddress(r))) : '')],
    ['cert_valid_to', 'decoy', (c) => (c.p.birth.getTime() < utc(1978, 1, 1).getTime() ? '长期' : ymd(addDays(c.t, r.int(200, 3650)), '.'))],
    ['ent_uscc', 'cn_uscc', (c) => (c.ent ? uscc(r) : '')],
    ['agent_name', 'person_name', (c) => (c.online ? '' : c.agent.name)],
    ['agent_id', 'decoy', (c) => (c.online ? '' : c.agent.id)],
    ['client_ip', 'ip_address', (c) => (c.online ? (r.chance(0.7) ? ipv4Public(r) : ipv6(r)) : ipv4Private(r, '10.59.12'))],
    ['terminal_mac', 'mac_address', (c) => (c.online ? '' : c.agent.mac)],
    ['service_pwd', 'secret', () => (r.chance(0.85) ? clean(r, () => r.digits(6), (v) => !/^(\d)\1+$/.test(v)) : '')],
    ['pkg_name', 'decoy', (c) => (c.ent ? '物联网行业卡' : r.pick(packages.slice(0, 5)))],
    ['field_23', 'decoy', () => r.pick(['0591', '0591', '0592', '0595', '0594'])],
    ['field_24', 'email', () => (r.chance(0.35) ? email(r) : '')],
    ['remark', 'free_text', () => (r.chance(0.2) ? r.pick(remarks) : '')],
  ];
  const rows = build<C>(2500, () => {
    const x = r.next();
    return {
      t: addMinutes(utc(2024, 6, 1, 8, 30), r.int(0, 29 * 24 * 60)),
      agent: r.pick(agents),
      online: r.chance(0.3),
      ent: r.chance(0.1),
      kind: x < 0.955 ? '居民身份证' : x < 0.975 ? '台湾居民来往大陆通行证' : x < 0.99 ? '港澳居民来往内地通行证' : '护照',
      p: residentId(r, utc(1940, 1, 1), utc(2006, 5, 31)),
    };
  }, specs);
  writeDelimited(dir, file, specs.map((s) => s[0]), rows, { sep: '|', encoding: 'utf8', bom: false, crlf: false });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------
// 11. University dormitory allocation (UTF-8, LF, comma, pinyin abbreviations and generic headers)

function makeDorm(r: Rng, dir: string): [string, Entry[]] {
  const file = 'gaoxiao_sushe_fenpei_2024qiu.csv';
  const colleges: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    ['计算机与大数据学院', '31', ['计算机科学与技术', '软件工程', '数据科学']],
    ['土木工程学院', '12', ['土木工程', '工程管理']],
    ['经济与管理学院', '21', ['会计学', '国际经济与贸易']],
    ['外国语学院', '41', ['英语', '日语']],
    ['海洋学院', '52', ['海洋技术', '水产养殖学']],
  ];
  const buildings = ['梅园', '兰园', '竹园', '菊园', '桂园'];
  const needs = ['支气管哮喘，需低楼层', '癫痫病史', '青霉素过敏', '1型糖尿病，需冰箱存放胰岛素', '先天性心脏病术后', '抑郁症（在治疗）', '花粉过敏', '乙肝病毒携带'];
  const remarks = ['申请与同乡同寝', '调换床位：原3号床换至1号床', '走读申请已批', '港澳台学生集中安排', '延迟报到，保留床位', '宿舍空调押金已缴'];
  type C = { i: number; college: (typeof colleges)[number]; major: string; p: ReturnType<typeof residentId>; origin: string; room: string; bld: string; nBld: number; male: boolean };
  const specs: Spec<C>[] = [
    ['xh', 'decoy', (c) => `2024${c.college[1]}${pad(c.college[2].indexOf(c.major) + 1)}${(c.i % 4) + 1}${pad((c.i % 97) + 1, 3)}`],
    ['xm', 'person_name', (c) => personName(r, { trad: c.origin === 'tw', minority: 0.01 })],
    ['xb', 'decoy', (c) => (c.male ? '男' : '女')],
    ['sfzh', 'cn_resident_id', (c) => (c.origin === 'cn' ? or(r, 0.01, () => dirtyId(r, c.p.id)) : '')],
    ['ksh', 'decoy', (c) => (c.origin === 'cn' ? `24${c.p.id.slice(0, 6)}${r.pick(['11', '15', '12'])}${pad(r.int(1, 9999), 4)}` : '')],
    ['xy', 'decoy', (c) => c.college[0]],
    ['zy', 'decoy', (c) => c.major],
    ['bj', 'decoy', (c) => `${c.major.slice(0, 2)}24${r.int(1, 4)}班`],
    ['lou', 'decoy', (c) => `${c.bld}${c.nBld}号楼`],
    ['ssdz', 'address', (c) => `旗山校区${c.bld}${c.nBld}号楼${c.room}室`],
    ['cw', 'decoy', () => `${r.int(1, 4)}号床`],
    ['sjhm', 'cn_mobile', (c) => (c.origin === 'cn' || r.chance(0.5) ? or(r, 0.02, () => cnMobile(r)) : '')],
    ['jzxm', 'person_name', (c) => personName(r, { trad: c.origin === 'tw' })],
    ['col_13', 'cn_mobile', (c) => (c.origin === 'cn' ? or(r, 0.03, () => cnMobile(r)) : '')],
    ['tsxq', 'medical_record', () => (r.chance(0.18) ? r.pick(needs) : '')],
    ['zsf', 'decoy', (c) => (c.bld === '桂园' ? 1500 : 1200)],
    ['字段16', 'decoy', () => r.weighted([['已缴费', 80], ['绿色通道', 12], ['未缴费', 8]] as const)],
    ['mjkh', 'decoy', () => clean(r, () => hex(r, 8, true), (v) => /[A-F]/.test(v))],
    ['wifi_account', 'decoy', (c) => `stu${2024}${c.college[1]}${pad(c.i % 1000, 4)}`],
    ['bdip', 'ip_address', (c) => `172.${16 + (c.nBld % 8)}.${r.int(1, 250)}.${r.int(2, 254)}`],
    ['bdmac', 'mac_address', () => (r.chance(0.85) ? mac(r) : '')],
    ['jzz_hk', 'hk_residence_permit', (c) => (c.origin === 'hk' && r.chance(0.85) ? permitId(r, '810000', utc(2004, 9, 1), utc(2006, 8, 31)).id : '')],
    ['jzz_mo', 'mo_residence_permit', (c) => (c.origin === 'mo' && r.chance(0.85) ? permitId(r, '820000', utc(2004, 9, 1), utc(2006, 8, 31)).id : '')],
    ['jzz_tw', 'tw_residence_permit', (c) => (c.origin === 'tw' && r.chance(0.7) ? permitId(r, '830000', utc(2004, 9, 1), utc(2006, 8, 31)).id : '')],
    ['xgsfz', 'hk_id', (c) => (c.origin === 'hk' ? hkid(r) : '')],
    ['hxz', 'hkmo_home_return_permit', (c) => (c.origin === 'hk' || c.origin === 'mo' ? homeReturnPermit(r, c.origin === 'hk') : '')],
    ['tbz', 'tw_travel_permit', (c) => (c.origin === 'tw' ? mtp(r) : '')],
    ['rzrq', 'decoy', () => ymd(utc(2024, 9, r.int(1, 3)))],
    ['bz', 'free_text', () => (r.chance(0.12) ? r.pick(remarks) : '')],
  ];
  const rows = build<C>(2400, (i) => {
    const college = r.pick(colleges);
    const male = r.chance(0.55);
    const x = r.next();
    const origin = x < 0.04 ? 'hk' : x < 0.07 ? 'mo' : x < 0.12 ? 'tw' : 'cn';
    const bld = male ? r.pick(buildings.slice(0, 3)) : r.pick(buildings.slice(3));
    return {
      i,
      college,
      major: r.pick(college[2]),
      p: residentId(r, utc(2004, 9, 1), utc(2007, 6, 30)),
      origin,
      bld,
      nBld: r.int(1, 8),
      room: `${r.int(1, 6)}${pad(r.int(1, 32))}`,
      male,
    };
  }, specs);
  writeDelimited(dir, file, specs.map((s) => s[0]), rows, { sep: ',', encoding: 'utf8', bom: false, crlf: false });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------
// 12. Cross-strait mediation cases (UTF-8 BOM, CRLF, comma, Taiwan Traditional headers)

function makeMediation(r: Rng, dir: string): [string, Entry[]] {
  const file = 'liangan_jiufen_tiaojie_anjian_2024.csv';
  const mediators = Array.from({ length: 8 }, (_, k) => ({ name: personName(r, { trad: k < 4, husband: 0.2 }), tel: landline(r, '0591', k < 4 ? 0.1 : 0.95) }));
  const kinds = ['婚姻家庭', '勞動爭議', '消費糾紛', '房屋租賃', '民間借貸', '合夥糾紛', '交通事故', '物業糾紛'];
  const hometowns = ['臺中市西屯區', '臺北市大安區', '高雄市苓雅區', '新竹縣竹北市', '金門縣金城鎮', '連江縣南竿鄉', '彰化縣鹿港鎮', '臺南市東區', '屏東縣東港鎮'];
  const summaries = [
    '申請人租住被申請人房屋，退租時押金未退還，雙方對房屋損壞程度有爭議。',
    '申請人在被申請人店內購買茶葉，發現品質與宣傳不符，要求退貨。',
    '雙方合夥經營民宿，因分紅比例發生糾紛。',
    '申請人受僱於被申請人公司，離職時工資及經濟補償未結清。',
    '雙方為夫妻，就子女撫養費及探視安排進行調解。',
    '交通事故致申請人車輛受損，雙方就賠償金額協商。',
    '被申請人借款到期未還，申請人要求分期償還。',
  ];
  type C = { i: number; day: Date; tw: boolean; male: boolean; company: boolean; med: (typeof mediators)[number]; result: string };
  const specs: Spec<C>[] = [
    ['案件編號', 'decoy', (c) => `(2024)閩平兩調字第${pad(c.i + 1, 4)}號`],
    ['受理日期', 'decoy', (c) => cnDate(c.day)],
    ['糾紛類型', 'decoy', () => r.pick(kinds)],
    ['申請人', 'person_name', (c) => personName(r, { trad: c.tw, husband: 0.12 })],
    ['申請人身分證', 'tw_national_id', (c) => (c.tw ? or(r, 0.05, () => twNationalId(r, c.male), PH_TW) : '')],
    ['申請人臺胞證', 'tw_travel_permit', (c) => (c.tw ? or(r, 0.03, () => mtp(r), PH_TW) : '')],
    ['申請人居住證', 'tw_residence_permit', (c) => (c.tw && r.chance(0.45) ? permitId(r, '830000', utc(1950, 1, 1), utc(2002, 12, 31)).id : '')],
    ['申請人電話', 'tw_mobile', (c) => (c.tw ? or(r, 0.04, () => twMobile(r), PH_TW) : '')],
    ['被申請人', 'person_name', (c) => (c.company ? '' : personName(r))],
    ['被申請人證件號', 'cn_resident_id', (c) => (c.company ? '' : or(r, 0.04, () => dirtyId(r, residentId(r, utc(1955, 1, 1), utc(2003, 12, 31)).id), PH_TW))],
    ['被申請人統一社會信用代碼', 'cn_uscc', (c) => (c.company ? uscc(r, '350128', r.chance(0.7) ? '91' : '92') : '')],
    ['被申請人地址', 'address', () => or(r, 0.03, () => (r.chance(0.7) ? pingtanAddress(r) : fuzhouAddress(r)), PH_TW)],
    ['標的金額（元）', 'decoy', () => `${r.int(1, 480)},${pad(r.int(0, 999), 3)}.00`],
    ['調解員', 'person_name', (c) => c.med.name],
    ['欄位15', 'cn_landline', (c) => c.med.tel],
    ['調解結果', 'decoy', (c) => c.result],
    ['司法確認', 'decoy', (c) => (c.result === '調解成功' ? r.pick(['是', '否']) : '否')],
    ['協議履行期限', 'decoy', (c) => (c.result === '調解成功' ? ymd(addDays(c.day, r.int(15, 180)), '/') : '')],
    ['聯絡信箱', 'email', (c) => (r.chance(0.55) ? email(r, c.tw ? ['gmail.com', 'yahoo.com.tw', 'hotmail.com', 'msa.hinet.net', 'icloud.com'] : undefined) : '')],
    ['臺灣戶籍地', 'decoy', (c) => (c.tw ? r.pick(hometowns) : '')],
    ['代理人執業證號', 'decoy', () => (r.chance(0.3) ? clean(r, () => `1350${r.int(1, 2)}${r.int(2008, 2023)}${r.int(1, 2)}${r.int(0, 1)}${r.digits(6)}`, (v) => !isVin(v) && v.length === 17) : '')],
    ['Unnamed: 21', 'decoy', (c) => `JZ-${c.day.getUTCFullYear()}-${pad(c.i + 1, 4)}`],
    ['案情摘要', 'free_text', () => r.pick(summaries)],
  ];
  const rows = build<C>(1000, (i) => ({
    i,
    day: randomDay(r, utc(2024, 1, 2), utc(2024, 6, 28)),
    tw: r.chance(0.85),
    male: r.chance(0.5),
    company: r.chance(0.25),
    med: r.pick(mediators),
    result: r.weighted([['調解成功', 62], ['調解未成', 25], ['撤回申請', 8], ['調解中', 5]] as const),
  }), specs);
  writeDelimited(dir, file, specs.map((s) => s[0]), rows, { sep: ',', encoding: 'utf8', bom: true, crlf: true });
  return [file, entries(specs)];
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Writers
function quote(v: string, sep: string): string {
  return v.includes(sep) || v.includes('"') || v.includes('\n') || v.includes('\r') || (v !== v.trim() && sep !== '\t' && v.startsWith('"')) ? `"${v.replace(/"/g, '""')}"` : v;
}

interface TextOpts {
  sep: string;
  encoding: 'utf8' | 'gbk';
  bom: boolean;
  crlf: boolean;
}

function writeDelimited(dir: string, file: string, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<Cell>>, o: TextOpts): void {
  const eol = o.crlf ? '\r\n' : '\n';
  const lines = [headers.map((h) => quote(h, o.sep)).join(o.sep)];
  for (const row of rows) lines.push(row.map((c) => quote(c === null ? '' : String(c), o.sep)).join(o.sep));
  const text = lines.join(eol) + eol;
  let buf: Buffer;
  if (o.encoding === 'gbk') {
    buf = iconv.encode(text, 'gbk');
    const back = iconv.decode(buf, 'gbk');
    if (back !== text) {
      for (let i = 0; i < text.length; i++) if (back[i] !== text[i]) throw new Error(`${file}: not encodable in GBK near ${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}`);
    }
  } else buf = Buffer.concat([o.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  writeFileSync(join(dir, file), buf);
}

function writeJson(dir: string, file: string, records: unknown[], ndjson: boolean): void {
  const text = ndjson ? records.map((r) => JSON.stringify(r)).join('\n') + '\n' : JSON.stringify(records, null, 2) + '\n';
  writeFileSync(join(dir, file), text);
}

/** Every local header and central-directory entry of a zip stamped 2024-06-18 09:00 (DOS time). */
function restampZip(buf: Buffer): Buffer {
  const b = Buffer.from(buf);
  const time = 9 << 11;
  const date = ((2024 - 1980) << 9) | (6 << 5) | 18;
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  let off = b.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(off) !== 0x02014b50) throw new Error('bad central directory entry');
    b.writeUInt16LE(time, off + 12);
    b.writeUInt16LE(date, off + 14);
    const local = b.readUInt32LE(off + 42);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    b.writeUInt16LE(time, local + 10);
    b.writeUInt16LE(date, local + 12);
    off += 46 + b.readUInt16LE(off + 28) + b.readUInt16LE(off + 30) + b.readUInt16LE(off + 32);
  }
  return b;
}

interface XlsxOpts {
  title: string;
  sheetName: string;
  headers: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<Cell>>;
  /** Number formats by 0-based column (date cells get one). */
  formats?: Record<number, string>;
  widths?: Record<number, number>;
  second: { name: string; headers: readonly string[]; rows: ReadonlyArray<ReadonlyArray<Cell>> };
}

const FIXED = new Date(Date.UTC(2024, 5, 18, 1, 0, 0));

async function writeXlsx(dir: string, file: string, o: XlsxOpts): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'export';
  wb.lastModifiedBy = 'export';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet(o.sheetName);
  ws.addRow([o.title]);
  ws.mergeCells(1, 1, 1, o.headers.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow([...o.headers]);
  ws.getRow(2).font = { bold: true };
  for (const row of o.rows) ws.addRow(row.map((c) => (c === '' ? null : typeof c === 'bigint' ? Number(c) : c)));
  for (const [i, fmt] of Object.entries(o.formats ?? {})) ws.getColumn(Number(i) + 1).numFmt = fmt;
  o.headers.forEach((h, i) => (ws.getColumn(i + 1).width = o.widths?.[i] ?? Math.max(8, Math.min(30, h.length * 2 + 4))));
  const ws2 = wb.addWorksheet(o.second.name);
  ws2.addRow([...o.second.headers]);
  for (const row of o.second.rows) ws2.addRow([...row]);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(join(dir, file), restampZip(buf));
}

function writeParquet(dir: string, file: string, cols: ReadonlyArray<{ name: string; type: BasicType; data: Cell[] }>): void {
  const ab = parquetWriteBuffer({
    columnData: cols.map((c) => ({ name: c.name, type: c.type, data: c.data as never })),
    createdBy: 'columns-i',
  });
  writeFileSync(join(dir, file), Buffer.from(ab));
}

// ---------------------------------------------------------------------------------------------

await runTableSet<Rng, Entry>({
  script: 'bench/eval/columns-i/generate.ts',
  defaultSeed: 20240718,
  rng: rngFor,
  makers: [
    ['blood', makeBlood],
    ['typhoon', makeTyphoon],
    ['gym', makeGym],
    ['dialysis', makeDialysis],
    ['optometry', makeOptometry],
    ['ride', makeRide],
    ['election', makeElection],
    ['land', makeLand],
    ['customs', makeCustoms],
    ['sim', makeSim],
    ['dorm', makeDorm],
    ['mediation', makeMediation],
  ],
});
