/**
 * Fourth blind labelled column set for `landao scan` (columns-d), written without reading the
 * scanner, its recognisers or the earlier sets' value makers (see README.md).
 *
 *   npx tsx bench/eval/columns-d/generate.ts --out DIR [--seed N]   # default seed 20240520
 *   npx tsx bench/eval/columns-d/check.ts DIR                        # reads the set back, no scanner
 *   npx tsx bench/eval/columns-eval.ts DIR                           # the scorer
 *
 * Twelve files on domains new to the earlier sets (高校录取, 住院结算, 药店会员, 租车合同, 酒店 PMS,
 * 平潭—台湾客滚船舱单, 台资企业名录, 网格化人口登记, 横琴长者助餐补贴, app login logs, 基因检测样本,
 * DevOps secrets inventory) in CSV (UTF-8, GBK with CRLF, BOM), TSV, XLSX (title row, two sheets, date
 * cells), JSON, NDJSON and Parquet.
 *
 * DIR/truth.json: `{ file: [{ index, header, truth }] }`, truth a detector type id, `decoy` or
 * `free_text`; JSON/NDJSON headers are paths (a.b[].c) in order of first appearance, depth first. For
 * XLSX the labelled data is on the first sheet. Output is byte-identical between runs and time zones:
 * every zip entry of an XLSX file is stamped 2024-05-20 09:00 and every date is built in UTC.
 */
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parquetWriteFile } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import {
  FUZHOU,
  HENGQIN,
  PINGTAN,
  DIAGNOSES,
  ICD10,
  CHRONIC,
  Rng,
  apiSecret,
  bankCard,
  base64Blob,
  cnLandline,
  cnMobile,
  cnPassport,
  company,
  dirtyId,
  email,
  fmtMoment,
  fuzhouAddress,
  geo,
  hengqinAddress,
  hex,
  hkid,
  homeReturnPermit,
  idShapedInvalid,
  imei,
  ipv4Private,
  ipv4Public,
  ipv6,
  isoDate,
  jwt,
  legacyId,
  luhnFailing,
  mac,
  mainlandAddress,
  maskedId,
  maskedMobile,
  messyBankCard,
  messyMobile,
  messyName,
  moment,
  mtpNumber,
  pad,
  password,
  personName,
  pingtanAddress,
  pinyinInitials,
  plate,
  randomDate,
  residencePermit,
  residentId,
  residentIdBorn,
  residencePermitBorn,
  seedFor,
  sha256,
  snpPanel,
  surnameOf,
  taiwanAddress,
  traditionalName,
  twBusinessNo,
  twCompany,
  twMobile,
  twNationalId,
  utcDate,
  uscc,
  uuid,
  variantCall,
  vin,
  ymd,
} from './values.ts';
import type { SecretKind, Ymd } from './values.ts';

export interface TruthEntry {
  index: number;
  header: string;
  truth: string;
}

type Cell = string | number | bigint | boolean | Date | null;

interface Col<S> {
  header: string;
  /** Detector type id, `decoy` or `free_text`. */
  truth: string;
  make: (r: Rng, s: S) => Cell;
  /** Share of cells left empty or holding a placeholder. */
  blank?: number;
  /** Placeholders of an empty cell; '' by default. */
  ph?: readonly string[];
}

function build<S>(r: Rng, n: number, init: (r: Rng, i: number) => S, cols: Col<S>[]): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const s = init(r, i);
    rows.push(cols.map((c) => (c.blank !== undefined && r.chance(c.blank) ? r.pick(c.ph ?? ['']) : c.make(r, s))));
  }
  return rows;
}

const truthOf = <S>(cols: Col<S>[]): TruthEntry[] => cols.map((c, index) => ({ index, header: c.header, truth: c.truth }));

const PH = ['', '', '', '无', '-', 'NULL'];
const PH_TW = ['', '', '無', '-', '未提供'];
const PH_EN = ['', '', 'N/A', 'null', '-'];

// ---------------------------------------------------------------------------------------------
// Writers

/** DOS time and date of 2024-05-20 09:00:00 (the same in every time zone: no Date is involved). */
const DOS_TIME = (9 << 11) | (0 << 5) | 0;
const DOS_DATE = ((2024 - 1980) << 9) | (5 << 5) | 20;

/**
 * Stamps every entry of a zip archive with one fixed time: the local headers and the central
 * directory (exceljs writes the current time there), and any Info-ZIP extended timestamp (0x5455).
 */
export function fixZipTimes(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  const stampExtra = (start: number, len: number): void => {
    let q = start;
    while (q + 4 <= start + len) {
      const id = out.readUInt16LE(q);
      const size = out.readUInt16LE(q + 2);
      if (id === 0x5455) for (let k = q + 5; k + 4 <= q + 4 + size; k += 4) out.writeUInt32LE(1716195600, k);
      q += 4 + size;
    }
  };
  for (let e = 0; e < count; e++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const nameLen = out.readUInt16LE(p + 28);
    const extraLen = out.readUInt16LE(p + 30);
    const commentLen = out.readUInt16LE(p + 32);
    const local = out.readUInt32LE(p + 42);
    stampExtra(p + 46 + nameLen, extraLen);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    stampExtra(local + 30 + out.readUInt16LE(local + 26), out.readUInt16LE(local + 28));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

interface Sheet {
  name: string;
  title?: string;
  headers: string[];
  rows: Cell[][];
  /** numFmt by column index (0-based). */
  formats?: Record<number, string>;
}

async function writeXlsx(path: string, sheets: Sheet[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'landao bench';
  wb.lastModifiedBy = 'landao bench';
  wb.created = new Date(Date.UTC(2024, 4, 20, 1));
  wb.modified = new Date(Date.UTC(2024, 4, 20, 1));
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.title !== undefined) {
      ws.addRow([s.title]);
      ws.mergeCells(1, 1, 1, s.headers.length);
      ws.getRow(1).font = { bold: true, size: 14 };
    }
    ws.addRow(s.headers);
    for (const row of s.rows) ws.addRow(row.map((c) => (typeof c === 'bigint' ? Number(c) : c === '' ? null : c)));
    for (const [col, fmt] of Object.entries(s.formats ?? {})) ws.getColumn(Number(col) + 1).numFmt = fmt;
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(path, fixZipTimes(buf));
}

function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return fmtMoment(c);
  return String(c);
}

function delimited(headers: string[], rows: Cell[][], delimiter: string, eol: string): string {
  const q = (s: string): string => (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);
  return [headers, ...rows.map((r) => r.map(cellText))].map((row) => row.map(q).join(delimiter)).join(eol) + eol;
}

function jsonTruth(file: string, records: unknown[], labels: Record<string, string>): TruthEntry[] {
  const paths = jsonPaths(JSON.parse(JSON.stringify(records)) as unknown[]);
  const missing = paths.filter((p) => labels[p] === undefined);
  const unused = Object.keys(labels).filter((p) => !paths.includes(p));
  if (missing.length > 0 || unused.length > 0) throw new Error(`${file}: unlabelled paths ${missing.join(', ')}; labels never used ${unused.join(', ')}`);
  return paths.map((p, index) => ({ index, header: p, truth: labels[p] as string }));
}

// ---------------------------------------------------------------------------------------------
// Shared bits

const fill = (r: Rng, template: string, slots: Record<string, () => string>): string =>
  template.replace(/\{(\w+)\}/g, (_m, k: string) => {
    const f = slots[k];
    if (f === undefined) throw new Error(`no slot ${k}`);
    return f();
  });

const pickTemplate = (r: Rng, templates: readonly string[], slots: Record<string, () => string>): string => fill(r, r.pick(templates), slots);

const staff = (r: Rng, n: number, make: (r: Rng) => string = personName): string[] => {
  const out = new Set<string>();
  while (out.size < n) out.add(make(r));
  return [...out];
};

const sexOfId = (id: string): string => (Number(id[16]) % 2 === 1 ? '男' : '女');
const birthOfId = (id: string): string => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
const money = (r: Rng, lo: number, hi: number): number => r.int(lo * 100, hi * 100) / 100;

// ---------------------------------------------------------------------------------------------
// 1. 高校录取: XLSX, merged title row above the header, Simplified headers

async function admissions(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'gaokao_luqu_pingtan_2024.xlsx';
  interface S { id: string; name: string; parent: string }
  const schools = ['福建省平潭第一中学', '福建省平潭城关中学', '平潭翰英中学', '平潭岚华中学', '福建省平潭第三中学', '平潭新世纪学校', '福州第一中学', '福州第三中学'];
  const colleges: [string, string[], string[]][] = [
    ['厦门大学', ['信息学院', '经济学院', '医学院', '海洋与地球学院'], ['计算机科学与技术', '金融学', '临床医学', '海洋科学']],
    ['福州大学', ['计算机与大数据学院', '土木工程学院', '经济与管理学院'], ['软件工程', '土木工程', '工商管理']],
    ['福建师范大学', ['文学院', '外国语学院', '数学与统计学院'], ['汉语言文学', '英语', '数学与应用数学']],
    ['福建医科大学', ['基础医学院', '药学院', '护理学院'], ['临床医学', '药学', '护理学']],
    ['华侨大学', ['工学院', '法学院'], ['机械工程', '法学']],
    ['集美大学', ['航海学院', '轮机工程学院'], ['航海技术', '轮机工程']],
    ['闽江学院', ['海洋学院', '新华都商学院'], ['水产养殖学', '电子商务']],
    ['浙江大学', ['计算机科学与技术学院', '光电科学与工程学院'], ['人工智能', '光电信息科学与工程']],
  ];
  const cols: Col<S>[] = [
    { header: '考生号', truth: 'decoy', make: (g) => `24350128${pad(g.int(1, 99), 2)}${g.digits(4)}` },
    { header: '姓名', truth: 'person_name', make: (_g, s) => s.name },
    { header: '性别', truth: 'decoy', make: (_g, s) => sexOfId(s.id) },
    { header: '出生日期', truth: 'decoy', make: (_g, s) => birthOfId(s.id) },
    { header: '身份证号', truth: 'cn_resident_id', make: (g, s) => dirtyId(g, s.id), blank: 0.01, ph: PH },
    { header: '民族', truth: 'decoy', make: (g) => g.weighted([[92, '汉族'], [4, '畲族'], [2, '回族'], [1, '满族'], [1, '壮族']]) },
    { header: '毕业中学', truth: 'decoy', make: (g) => g.pick(schools) },
    { header: '投档成绩', truth: 'decoy', make: (g) => g.int(452, 689) },
    { header: '录取院校', truth: 'decoy', make: (g) => g.pick(colleges)[0] },
    { header: '录取专业', truth: 'decoy', make: (g) => g.pick(g.pick(colleges)[2]) },
    { header: '录取院系', truth: 'decoy', make: (g) => g.pick(g.pick(colleges)[1]) },
    { header: '录取批次', truth: 'decoy', make: (g) => g.weighted([[70, '本科批'], [20, '专科批'], [10, '本科提前批']]) },
    { header: '通讯地址', truth: 'address', make: (g) => (g.chance(0.85) ? pingtanAddress(g) : fuzhouAddress(g)), blank: 0.02, ph: PH },
    { header: '邮政编码', truth: 'decoy', make: (g) => g.weighted([[80, '350400'], [10, '350001'], [5, '350007'], [5, '350200']]) },
    { header: '考生手机', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.03, ph: PH },
    { header: '家长姓名', truth: 'person_name', make: (_g, s) => s.parent, blank: 0.02 },
    { header: '家长电话', truth: 'cn_mobile', make: (g) => (g.chance(0.4) ? Number(cnMobile(g)) : messyMobile(g)), blank: 0.03, ph: PH },
    { header: '电子邮箱', truth: 'email', make: (g) => email(g), blank: 0.08, ph: PH },
    { header: '身份证照片是否上传', truth: 'decoy', make: (g) => g.weighted([[88, '是'], [12, '否']]) },
    { header: '姓名拼音首字母', truth: 'decoy', make: (g) => pinyinInitials(g) },
    { header: 'EMS单号', truth: 'decoy', make: (g) => (g.chance(0.7) ? `11${g.digits(11)}` : `EA${g.digits(9)}CN`) },
    { header: '备用1', truth: 'cn_landline', make: (g) => cnLandline(g, '0591'), blank: 0.12, ph: PH },
    {
      header: '备注',
      truth: 'free_text',
      blank: 0.45,
      make: (g, s) =>
        pickTemplate(g, [
          '已确认录取通知书邮寄地址',
          '家长{parent}来电询问报到时间，已回电{mobile}',
          '申请生源地信用助学贷款，材料已交',
          '通知书被退回，改寄{addr}',
          '复读生，档案已从{school}调出',
          '少数民族考生，已核实加分材料',
          '考生本人要求暂缓寄送，9月1日自取',
          '体检结论：合格',
          '联系电话变更为{mobile}（{parent}）',
        ], { parent: () => s.parent, mobile: () => cnMobile(g), addr: () => pingtanAddress(g), school: () => g.pick(schools) }),
    },
  ];
  const init = (g: Rng): S => {
    const name = messyName(g);
    const surname = surnameOf(name);
    // the parent shares the surname in 70 % of rows
    return { id: residentId(g, { fromYear: 2005, toYear: 2007 }), name, parent: surname !== undefined && g.chance(0.7) ? `${surname}${personName(g).slice(1)}` : personName(g) };
  };
  const rows = build(r, 1200, init, cols);
  await writeXlsx(join(dir, file), [{ name: '录取名单', title: '2024年普通高校招生录取考生名单（平潭考区）', headers: cols.map((c) => c.header), rows }]);
  return [file, truthOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 2. 住院结算: CSV in GBK, CRLF

function inpatient(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'zhuyuan_jiesuan_202404_gbk.csv';
  interface S { id: string; docType: string; dx: number; admit: Date; days: number }
  const depts = ['心血管内科', '呼吸与危重症医学科', '普外科', '骨科', '神经内科', '内分泌科', '肿瘤科', '妇科', '泌尿外科', '消化内科', '老年医学科'];
  const doctors = staff(r, 24);
  const cols: Col<S>[] = [
    { header: '住院号', truth: 'decoy', make: (g, s) => `ZY${s.admit.getUTCFullYear()}${pad(g.int(1, 999999), 6)}` },
    { header: '病案号', truth: 'decoy', make: (g) => String(g.int(10000000, 99999999)) },
    { header: '患者姓名', truth: 'person_name', make: (g) => messyName(g) },
    { header: '性别', truth: 'decoy', make: (g, s) => (s.docType === '居民身份证' && s.id.length === 18 ? sexOfId(s.id) : g.pick(['男', '女'])) },
    { header: '证件类型', truth: 'decoy', make: (_g, s) => s.docType },
    { header: '证件号码', truth: 'cn_resident_id', make: (g, s) => (s.docType === '居民身份证' && s.id.length === 18 ? dirtyId(g, s.id) : s.id), blank: 0.01, ph: PH },
    { header: '医保类型', truth: 'decoy', make: (g) => g.weighted([[45, '职工基本医疗保险'], [35, '城乡居民基本医疗保险'], [12, '自费'], [8, '异地就医直接结算']]) },
    { header: '入院科室', truth: 'decoy', make: (g) => g.pick(depts) },
    { header: '床位号', truth: 'decoy', make: (g) => `${g.int(1, 14)}病区${g.int(1, 48)}床` },
    { header: '入院日期', truth: 'decoy', make: (_g, s) => isoDate({ y: s.admit.getUTCFullYear(), m: s.admit.getUTCMonth() + 1, d: s.admit.getUTCDate() }) },
    { header: '出院日期', truth: 'decoy', make: (_g, s) => { const t = new Date(s.admit.getTime() + s.days * 86400000); return isoDate({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }); } },
    { header: '入院诊断', truth: 'medical_record', make: (g, s) => (g.chance(0.15) ? `${DIAGNOSES[s.dx] ?? ''}；${g.pick(DIAGNOSES)}` : (DIAGNOSES[s.dx] as string)) },
    { header: '出院主诊断编码', truth: 'medical_record', make: (_g, s) => ICD10[s.dx] as string, blank: 0.02 },
    { header: '主治医师', truth: 'person_name', make: (g) => g.pick(doctors) },
    { header: '总费用', truth: 'decoy', make: (g, s) => money(g, 800 * s.days, 4000 * s.days) },
    { header: '个人自付', truth: 'decoy', make: (g, s) => money(g, 100 * s.days, 900 * s.days) },
    { header: '结算流水号', truth: 'decoy', make: (g) => idShapedInvalid(g, '350128', [2024, 2024]) },
    { header: '支付卡号', truth: 'bank_card', make: (g) => messyBankCard(g), blank: 0.22, ph: ['', '', '', '现金', '-'] },
    { header: '联系电话', truth: 'cn_mobile', make: (g) => (g.chance(0.04) ? cnLandline(g, '0591') : messyMobile(g)), blank: 0.02, ph: PH },
    { header: '联系人关系', truth: 'decoy', make: (g) => g.pick(['本人', '配偶', '子女', '父母', '其他']) },
    { header: 'F21', truth: 'address', make: (g) => mainlandAddress(g), blank: 0.03, ph: PH },
    {
      header: '出院小结',
      truth: 'free_text',
      make: (g, s) =>
        pickTemplate(g, [
          '患者因{dx}入院，予对症支持治疗，病情好转出院。',
          '入院后完善相关检查，诊断{dx}明确，住院{days}天，今日办理出院，嘱门诊随访。',
          '{dx}，予{drug}治疗后症状缓解，出院带药7天。',
          '患者家属要求自动出院，已告知风险并签字。',
          '术后恢复良好，切口甲级愈合，{days}天后拆线。',
        ], { dx: () => DIAGNOSES[s.dx] as string, days: () => String(s.days), drug: () => g.pick(['阿托伐他汀钙', '二甲双胍', '头孢呋辛', '氯吡格雷', '奥美拉唑']) }),
    },
  ];
  const init = (g: Rng): S => {
    const docType = g.weighted([[96, '居民身份证'], [2, '港澳居民来往内地通行证'], [2, '台湾居民来往大陆通行证']]);
    const id = docType === '港澳居民来往内地通行证' ? homeReturnPermit(g) : docType === '台湾居民来往大陆通行证' ? mtpNumber(g) : g.chance(0.05) ? legacyId(g, 1930) : residentId(g, { fromYear: 1932, toYear: 2020 });
    return { id, docType, dx: g.int(0, DIAGNOSES.length - 1), admit: moment(g, new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 3, 20))), days: g.int(2, 21) };
  };
  const rows = build(r, 1000, init, cols);
  const text = delimited(cols.map((c) => c.header), rows, ',', '\r\n');
  const buf = iconv.encode(text, 'gbk');
  if (iconv.decode(buf, 'gbk') !== text) throw new Error(`${file}: text does not round-trip through GBK`);
  writeFileSync(join(dir, file), buf);
  return [file, truthOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 3. 药店会员: TSV, UTF-8, LF

function pharmacy(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'yaofang_huiyuan_export.tsv';
  const stores: [string, string][] = ['万宝店', '北大路店', '金井湾店', '苏澳店', '流水店', '君山店', '麒麟店', '澳前店', '东澳店', '城关店', '实验区大道店', '坛南湾店'].map((s) => [`岚岛大药房平潭${s}`, cnLandline(r, '0591')]);
  const products = ['医用外科口罩（10只装）', '维生素C咀嚼片', '电子体温计', '蛋白粉', '创可贴', '宁夏枸杞500g', '花旗参切片', '免洗洗手液', '鱼油软胶囊', '钙片', '护手霜', '血压计', '医用酒精75%', '棉签', '蜂蜜', '老花镜'];
  const tags = ['方便', '高端', '常规', '白天', '周末', '黄金', '石斛', '金银花', '陈皮', '何首乌', '田七', '杜仲', '连翘', '白芷', '夜间', '马上送'];
  interface S { id: string }
  const cols: Col<S>[] = [
    { header: '会员卡号', truth: 'decoy', make: (g) => `${g.weighted([[85, 'M'], [15, 'H']])}${g.int(0, 9)}${g.digits(7)}` },
    { header: '会员姓名', truth: 'person_name', make: (g) => messyName(g) },
    { header: '出生日期', truth: 'decoy', make: (g, s) => (g.chance(0.7) ? birthOfId(s.id) : `${Number(s.id.slice(6, 10))}/${Number(s.id.slice(10, 12))}/${Number(s.id.slice(12, 14))}`) },
    { header: '手机号', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.01 },
    { header: '短信号码(脱敏)', truth: 'decoy', make: (g) => maskedMobile(g) },
    { header: 'col_7', truth: 'cn_resident_id', make: (g, s) => dirtyId(g, s.id), blank: 0.08, ph: PH },
    { header: '会员等级', truth: 'decoy', make: (g) => g.weighted([[60, '普通会员'], [25, '银卡'], [12, '金卡'], [3, '钻石卡']]) },
    { header: '注册门店', truth: 'decoy', make: (g) => g.pick(stores)[0] },
    { header: '门店电话', truth: 'cn_landline', make: (g) => g.pick(stores)[1] },
    { header: '慢病登记', truth: 'medical_record', make: (g) => (g.chance(0.2) ? `${g.pick(CHRONIC)}、${g.pick(CHRONIC)}` : g.pick(CHRONIC)), blank: 0.35, ph: ['', '', '无'] },
    { header: '最近购买商品', truth: 'decoy', make: (g) => g.pick(products) },
    { header: '货位编码', truth: 'decoy', make: (g) => `${g.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'])}${pad(g.int(1, 60), 2)}.${g.int(1, 9)}` },
    { header: '交易流水号', truth: 'decoy', make: (g) => luhnFailing(g, `2024${pad(g.int(1, 5), 2)}`, 19) },
    { header: '旧卡号', truth: 'decoy', make: (g) => `${g.pick(['1880', '1881'])}${g.digits(7)}`, blank: 0.3 },
    { header: '收货地址', truth: 'address', make: (g) => pingtanAddress(g), blank: 0.15, ph: PH },
    { header: '微信openid', truth: 'decoy', make: (g) => `o${g.pick(['6_bmj', 'Xk2s', 'Vw9A'])}${g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 23)}` },
    { header: '身份证后四位', truth: 'decoy', make: (_g, s) => s.id.slice(14) },
    { header: '偏好标签', truth: 'decoy', make: (g) => (g.chance(0.25) ? `${g.pick(tags)},${g.pick(tags)}` : g.pick(tags)) },
  ];
  const rows = build(r, 1500, (g) => ({ id: residentId(g, { fromYear: 1945, toYear: 2003 }) }), cols);
  writeFileSync(join(dir, file), delimited(cols.map((c) => c.header), rows, '\t', '\n'));
  return [file, truthOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 4. 租车合同: XLSX, two sheets (contracts first, a price list second), date cells

async function carRental(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'zuche_hetong_2024H1.xlsx';
  const models: [string, number][] = [['比亚迪秦PLUS DM-i', 168], ['大众朗逸', 158], ['丰田卡罗拉', 178], ['特斯拉Model 3', 398], ['五菱宏光MINIEV', 88], ['别克GL8', 458], ['本田雅阁', 238], ['比亚迪宋PLUS EV', 258], ['日产轩逸', 148], ['吉利星越L', 268]];
  const fleet = Array.from({ length: 90 }, () => {
    const model = r.pick(models);
    const ev = /EV|MINIEV|Model|DM-i/.test(model[0]);
    return { model, plate: plate(r, ev ? 1 : 0, r.pick(['闽A', '闽A', '闽A', '闽J'])), vin: vin(r), engine: `${r.pick(['BYD472QA', 'DKB', 'M20C', 'HR16', 'JLH-4G15T', 'TZ220XS'])}${r.digits(7)}` };
  });
  const storesList = ['平潭北厝店', '平潭高铁站店', '平潭金井湾店', '福州长乐机场店', '福州火车南站店'];
  interface S { id: string; docType: string; car: (typeof fleet)[number]; out: Date; days: number }
  const cols: Col<S>[] = [
    { header: '合同编号', truth: 'decoy', make: (g, s) => `ZC${ymd({ y: s.out.getUTCFullYear(), m: s.out.getUTCMonth() + 1, d: s.out.getUTCDate() })}${pad(g.int(1, 9999), 4)}` },
    { header: '承租人', truth: 'person_name', make: (g) => messyName(g) },
    { header: '证件类型', truth: 'decoy', make: (_g, s) => s.docType },
    { header: '证件号码', truth: 'cn_resident_id', make: (g, s) => (s.docType === '居民身份证' ? dirtyId(g, s.id) : s.id) },
    { header: '驾驶证档案编号', truth: 'decoy', make: (g) => `3501${g.digits(8)}` },
    { header: '手机号码', truth: 'cn_mobile', make: (g) => (g.chance(0.4) ? Number(cnMobile(g)) : messyMobile(g)) },
    { header: '紧急联系人', truth: 'person_name', make: (g) => personName(g), blank: 0.04 },
    { header: '紧急联系电话', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.04, ph: PH },
    { header: '车牌号', truth: 'cn_license_plate', make: (_g, s) => s.car.plate },
    { header: '车架号', truth: 'vin', make: (g, s) => (g.chance(0.02) ? s.car.vin.toLowerCase() : s.car.vin) },
    { header: '车型', truth: 'decoy', make: (_g, s) => s.car.model[0] },
    { header: '车身颜色', truth: 'decoy', make: (g) => g.pick(['白色', '黑色', '银色', '金色', '蓝色', '红色', '灰色']) },
    { header: '取车门店', truth: 'decoy', make: (g) => g.pick(storesList) },
    { header: '取车时间', truth: 'decoy', make: (_g, s) => s.out },
    { header: '还车时间', truth: 'decoy', make: (g, s) => new Date(s.out.getTime() + s.days * 86400000 + g.int(-3, 5) * 3600000) },
    { header: '日租金', truth: 'decoy', make: (_g, s) => s.car.model[1] },
    { header: '预授权卡号', truth: 'bank_card', make: (g) => messyBankCard(g), blank: 0.06, ph: ['', '', '免押（芝麻信用）'] },
    { header: '预授权流水号', truth: 'decoy', make: (g) => luhnFailing(g, g.pick(['6025', '6031', '8820']), 16) },
    { header: '还车定位', truth: 'geo_coordinate', make: (g) => geo(g, g.chance(0.7) ? PINGTAN : FUZHOU), blank: 0.03 },
    { header: '发动机号', truth: 'decoy', make: (_g, s) => s.car.engine },
    {
      header: '验车备注',
      truth: 'free_text',
      blank: 0.3,
      make: (g) =>
        pickTemplate(g, [
          '左前门划痕约{n}cm，已拍照确认',
          '还车油量不足，补收油费{fee}元',
          '后保险杠轻微凹陷，承租人{name}签字认可',
          '车内有烟味，收取清洁费{fee}元',
          '无异常',
          '超时{n}小时，按日租金比例收取',
          '右后轮胎鼓包，已联系救援{phone}',
        ], { n: () => String(g.int(1, 12)), fee: () => String(g.int(50, 300)), name: () => personName(g), phone: () => cnMobile(g) }),
    },
  ];
  const init = (g: Rng): S => {
    const docType = g.weighted([[97, '居民身份证'], [3, '台湾居民来往大陆通行证']]);
    return {
      docType,
      id: docType === '居民身份证' ? residentId(g, { fromYear: 1965, toYear: 2003 }) : mtpNumber(g),
      car: g.pick(fleet),
      out: new Date(Math.floor(moment(g, new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 5, 20))).getTime() / 60000) * 60000),
      days: g.int(1, 9),
    };
  };
  const rows = build(r, 800, init, cols);
  const prices = models.map(([m, p]) => [m, p, p * 20, Math.round(p / 8)] as Cell[]);
  await writeXlsx(join(dir, file), [
    { name: '合同明细', headers: cols.map((c) => c.header), rows, formats: { 13: 'yyyy-mm-dd hh:mm', 14: 'yyyy-mm-dd hh:mm' } },
    { name: '车型价目表', headers: ['车型', '日租金', '押金', '超时费(元/小时)'], rows: prices },
  ]);
  return [file, truthOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 5. 酒店 PMS: CSV UTF-8 with BOM, CRLF, snake_case headers

function hotel(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'hotel_pms_guests_202405.csv';
  type Kind = 'mainland' | 'tw' | 'hkmo';
  interface S { kind: Kind; name: string; arrive: Date }
  const initialsOf = (g: Rng): string => `${g.pick(['LIN', 'CHEN', 'HUANG', 'ZHANG', 'WANG', 'LI', 'WU', 'CAI', 'XU', 'ZHENG'])}/${g.pick(['JIAHAO', 'YITING', 'WEI', 'MEILING', 'ZHIMING', 'XIN', 'SHUFEN', 'JUNJIE', 'YAWEN'])}`;
  const cols: Col<S>[] = [
    { header: 'confirmation_no', truth: 'decoy', make: (g) => String(g.int(10000000, 99999999)) },
    { header: 'guest_name', truth: 'person_name', make: (_g, s) => s.name },
    { header: 'guest_name_en', truth: 'decoy', make: (g) => initialsOf(g) },
    { header: 'id_type', truth: 'decoy', make: (_g, s) => (s.kind === 'mainland' ? '居民身份证' : s.kind === 'tw' ? '台湾居民来往大陆通行证' : '港澳居民来往内地通行证') },
    { header: 'id_no', truth: 'cn_resident_id', make: (g, s) => (s.kind === 'mainland' ? dirtyId(g, residentId(g, { fromYear: 1955, toYear: 2005 })) : '') },
    { header: 'mtp_no', truth: 'tw_travel_permit', make: (g, s) => (s.kind === 'tw' ? mtpNumber(g) : '') },
    { header: 'hrp_no', truth: 'hkmo_home_return_permit', make: (g, s) => (s.kind === 'hkmo' ? homeReturnPermit(g) : '') },
    { header: 'nationality', truth: 'decoy', make: (g, s) => (s.kind === 'mainland' ? 'CHN' : s.kind === 'tw' ? g.pick(['TWN', '中国台湾']) : g.pick(['HKG', 'MAC'])) },
    { header: 'mobile', truth: 'cn_mobile', make: (g, s) => (s.kind === 'tw' && g.chance(0.25) ? '' : messyMobile(g)) },
    { header: 'field3', truth: 'email', make: (g, s) => email(g, s.kind === 'tw' && g.chance(0.4) ? 'yahoo.com.tw' : undefined), blank: 0.3, ph: PH_EN },
    { header: 'room_no', truth: 'decoy', make: (g) => `${g.int(2, 18)}${pad(g.int(1, 36), 2)}` },
    { header: 'room_type', truth: 'decoy', make: (g) => g.pick(['江景大床房', '高级双床房', '海景套房', '豪华大床房', '家庭房', '行政大床房']) },
    { header: 'arrival', truth: 'decoy', make: (_g, s) => fmtMoment(s.arrive).slice(0, 10) },
    { header: 'rate', truth: 'decoy', make: (g) => g.pick([388, 428, 468, 528, 688, 888, 1288]) },
    { header: 'folio_no', truth: 'decoy', make: (g) => luhnFailing(g, '8800', 16) },
    { header: 'company', truth: 'decoy', make: (g) => company(g), blank: 0.6 },
    { header: 'car_plate', truth: 'cn_license_plate', make: (g) => plate(g), blank: 0.6 },
    { header: 'phone_verified', truth: 'decoy', make: (g) => (g.chance(0.8) ? 'true' : 'false') },
    { header: 'created_at', truth: 'decoy', make: (g, s) => fmtMoment(new Date(s.arrive.getTime() - g.int(1, 40) * 86400000 - g.int(0, 86399) * 1000), 'iso') },
    {
      header: 'remarks',
      truth: 'free_text',
      blank: 0.5,
      make: (g) =>
        pickTemplate(g, [
          '客人要求高楼层安静房',
          '台胞团队，领队{name}，电话{phone}',
          '已预授权押金500元',
          'late check-out 14:00 approved',
          '发票抬头：{company}',
          '同行人{name}，需加床',
          'VIP 回头客，赠送果盘',
        ], { name: () => traditionalName(g), phone: () => cnMobile(g), company: () => company(g) }),
    },
  ];
  const init = (g: Rng): S => {
    const kind = g.weighted<Kind>([[50, 'mainland'], [30, 'tw'], [20, 'hkmo']]);
    return { kind, name: kind === 'mainland' ? messyName(g) : traditionalName(g), arrive: utcDate({ y: 2024, m: 5, d: g.int(1, 31) }) };
  };
  const rows = build(r, 900, init, cols);
  writeFileSync(join(dir, file), '\uFEFF' + delimited(cols.map((c) => c.header), rows, ',', '\r\n'));
  return [file, truthOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 6. 平潭—台湾客滚船舱单: XLSX, Traditional headers (Taiwan usage), date cells

async function ferry(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'pingtan_taiwan_ferry_manifest_202405.xlsx';
  interface S { sailing: Date; route: string }
  const cols: Col<S>[] = [
    { header: '票號', truth: 'decoy', make: (g) => `PT${g.digits(10)}` },
    { header: '訂位代號', truth: 'decoy', make: (g) => String(g.int(10000000, 99999999)) },
    { header: '航班', truth: 'decoy', make: (_g, s) => s.route },
    { header: '開航日期', truth: 'decoy', make: (_g, s) => s.sailing },
    { header: '旅客姓名', truth: 'person_name', make: (g) => traditionalName(g) },
    { header: '性別', truth: 'decoy', make: (g) => g.pick(['男', '女']) },
    { header: '出生日期', truth: 'decoy', make: (g) => utcDate(randomDate(g, 1950, 2015)) },
    { header: '國籍', truth: 'decoy', make: (g) => g.weighted([[90, '中國台灣'], [10, '台灣']]) },
    { header: '台胞證號碼', truth: 'tw_travel_permit', make: (g) => mtpNumber(g), blank: 0.02, ph: PH_TW },
    { header: '身分證字號', truth: 'tw_national_id', make: (g) => { const id = twNationalId(g); return g.chance(0.02) ? id.toLowerCase() : id; }, blank: 0.03, ph: PH_TW },
    { header: '護照號碼', truth: 'decoy', make: (g) => `3${g.digits(8)}`, blank: 0.25, ph: PH_TW },
    { header: '手機', truth: 'tw_mobile', make: (g) => twMobile(g), blank: 0.03, ph: PH_TW },
    { header: '大陸手機', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.45, ph: PH_TW },
    { header: '艙等', truth: 'decoy', make: (g) => g.weighted([[80, '經濟艙'], [15, '商務艙'], [5, 'VIP艙']]) },
    { header: '票價', truth: 'decoy', make: (g) => g.pick([350, 450, 650, 980]) },
    { header: '緊急聯絡人', truth: 'person_name', make: (g) => traditionalName(g), blank: 0.05 },
    { header: '通訊地址', truth: 'address', make: (g) => taiwanAddress(g), blank: 0.03, ph: PH_TW },
    {
      header: '備註',
      truth: 'free_text',
      blank: 0.55,
      make: (g) =>
        pickTemplate(g, [
          '攜帶機車一部，車號{plate}',
          '輪椅旅客，需協助登船',
          '團體旅客，領隊{name}（{phone}）',
          '改簽至{date}班次',
          '嬰兒隨行，不佔座位',
          '行李超重，補收費用',
        ], { plate: () => `${g.pick(['MAA', 'NBC', 'KLM'])}-${g.digits(4)}`, name: () => traditionalName(g), phone: () => twMobile(g), date: () => isoDate(randomDate(g, 2024, 2024)) }),
    },
  ];
  const init = (g: Rng): S => ({
    sailing: new Date(Date.UTC(2024, 4, g.int(1, 31), g.pick([1, 6]), 30)),
    route: g.pick(['麗娜輪 平潭—台中', '麗娜輪 平潭—台北', '海峽號 平潭—台中', '海峽號 平潭—台北']),
  });
  const rows = build(r, 1100, init, cols);
  await writeXlsx(join(dir, file), [{ name: '旅客艙單', headers: cols.map((c) => c.header), rows, formats: { 3: 'yyyy/mm/dd hh:mm', 6: 'yyyy/mm/dd' } }]);
  return [file, truthOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 7. 台资企业名录: JSON array, nested objects, camelCase

function twEnterprises(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'taizi_qiye_registry.json';
  const industries = ['批发和零售业', '制造业', '住宿和餐饮业', '农、林、牧、渔业', '信息传输、软件和信息技术服务业', '文化、体育和娱乐业', '租赁和商务服务业'];
  const records = Array.from({ length: 500 }, () => {
    const name = twCompany(r);
    const sh = r.int(1, 3);
    return {
      id: uuid(r),
      enterpriseName: name,
      uscc: r.chance(0.02) ? null : uscc(r, 'company', r.pick(['350128', '350128', '350100', '350104'])),
      twBan: r.chance(0.3) ? null : twBusinessNo(r),
      registeredCapital: { amountWan: r.pick([10, 30, 50, 100, 200, 500, 1000, 1500]), currency: r.weighted([[60, 'CNY'], [30, 'USD'], [10, 'TWD']]) },
      industry: r.pick(industries),
      legalRep: {
        name: traditionalName(r),
        twId: r.chance(0.03) ? null : twNationalId(r),
        mtpNo: mtpNumber(r),
        residencePermit: r.chance(0.4) ? null : residencePermit(r, '830000', 1955, 1998),
        mobile: r.chance(0.05) ? null : messyMobile(r),
        twMobile: r.chance(0.15) ? null : twMobile(r),
      },
      contact: {
        name: messyName(r),
        phone: r.chance(0.03) ? '' : cnLandline(r, '0591'),
        email: r.chance(0.08) ? null : email(r, r.pick([undefined, 'taishang-pt.cn', 'gmail.com'])),
      },
      office: { address: r.chance(0.75) ? pingtanAddress(r, true) : fuzhouAddress(r), zip: r.pick(['350400', '350400', '350001', '350002']) },
      shareholders: Array.from({ length: sh }, () => ({ name: traditionalName(r), ratio: Math.round(100 / sh) })),
      bank: { accountName: name, accountNo: `3505${r.digits(16)}` },
      status: r.weighted([[85, '存续'], [8, '在业'], [5, '注销'], [2, '吊销']]),
      tags: r.chance(0.4) ? [] : [r.pick(['台资', '台胞创业', '两岸合作']), ...(r.chance(0.3) ? [r.pick(['高新技术企业', '专精特新', '小微企业'])] : [])],
      remark: r.chance(0.6)
        ? ''
        : pickTemplate(r, [
            '法定代表人{name}已办理台湾居民居住证',
            '2023年度报告已公示',
            '经营地址变更为{addr}',
            '联系人电话{phone}，工作日可联系',
            '享受台胞创业租金补贴，补贴期至2025年12月',
          ], { name: () => traditionalName(r), addr: () => pingtanAddress(r), phone: () => cnMobile(r) }),
    };
  });
  writeFileSync(join(dir, file), JSON.stringify(records, null, 2) + '\n');
  return [
    file,
    jsonTruth(file, records, {
      id: 'decoy',
      enterpriseName: 'decoy',
      uscc: 'cn_uscc',
      twBan: 'decoy',
      'registeredCapital.amountWan': 'decoy',
      'registeredCapital.currency': 'decoy',
      industry: 'decoy',
      'legalRep.name': 'person_name',
      'legalRep.twId': 'tw_national_id',
      'legalRep.mtpNo': 'tw_travel_permit',
      'legalRep.residencePermit': 'tw_residence_permit',
      'legalRep.mobile': 'cn_mobile',
      'legalRep.twMobile': 'tw_mobile',
      'contact.name': 'person_name',
      'contact.phone': 'cn_landline',
      'contact.email': 'email',
      'office.address': 'address',
      'office.zip': 'decoy',
      'shareholders[].name': 'person_name',
      'shareholders[].ratio': 'decoy',
      'bank.accountName': 'decoy',
      'bank.accountNo': 'decoy',
      status: 'decoy',
      'tags[]': 'decoy',
      remark: 'free_text',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 8. 网格化人口登记 (with rental housing): CSV UTF-8, LF, pinyin-abbreviation headers

function gridRegister(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'wangge_renkou_czw_dengji.csv';
  const gridWorkers = staff(r, 12);
  interface S { id: string; rented: boolean }
  const cols: Col<S>[] = [
    { header: 'bh', truth: 'decoy', make: (g) => `PT${g.digits(10)}` },
    { header: 'wgbm', truth: 'decoy', make: (g) => `PT-${g.pick(['TC', 'SA', 'LS', 'AQ', 'BC'])}-${pad(g.int(1, 12), 2)}-${pad(g.int(1, 40), 3)}` },
    { header: 'xm', truth: 'person_name', make: (g) => messyName(g) },
    { header: 'xb', truth: 'decoy', make: (_g, s) => (s.id.length === 18 ? sexOfId(s.id) : '男') },
    { header: 'sfzh', truth: 'cn_resident_id', make: (g, s) => (s.id.length === 18 ? dirtyId(g, s.id) : s.id), blank: 0.02, ph: PH },
    { header: 'mz', truth: 'decoy', make: (g) => g.weighted([[94, '汉'], [4, '畲'], [2, '回']]) },
    { header: 'lxdh', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.03, ph: PH },
    { header: 'dz', truth: 'address', make: (g) => pingtanAddress(g) },
    { header: 'hjdz', truth: 'address', make: (g) => mainlandAddress(g), blank: 0.03, ph: PH },
    { header: 'rylb', truth: 'decoy', make: (_g, s) => (s.rented ? '流动人口' : '户籍人口') },
    { header: 'gzdw', truth: 'decoy', make: (g) => g.weighted<string>([[45, company(g)], [15, '个体'], [15, '务农'], [15, '退休'], [10, '学生']]) },
    { header: 'sfczf', truth: 'decoy', make: (_g, s) => (s.rented ? '是' : '否') },
    { header: 'fzxm', truth: 'person_name', make: (g, s) => (s.rented ? personName(g) : '') },
    { header: 'fzsfzh', truth: 'decoy', make: (g, s) => (s.rented ? maskedId(g) : '') },
    { header: 'fzlxdh', truth: 'cn_mobile', make: (g, s) => (s.rented ? messyMobile(g) : '') },
    { header: 'zlhtbh', truth: 'decoy', make: (g, s) => (s.rented ? `PTZL${g.int(2021, 2024)}${pad(g.int(1, 9999), 5)}` : '') },
    { header: 'yzj', truth: 'decoy', make: (g, s) => (s.rented ? g.pick([600, 800, 1000, 1200, 1500, 1800, 2500]) : '') },
    { header: '地址类型', truth: 'decoy', make: (g) => g.weighted([[80, '家庭'], [20, '单位']]) },
    { header: 'clhp', truth: 'cn_license_plate', make: (g) => plate(g), blank: 0.55 },
    { header: 'wgy', truth: 'person_name', make: (g) => g.pick(gridWorkers) },
    {
      header: 'zfjl',
      truth: 'free_text',
      blank: 0.3,
      make: (g) =>
        pickTemplate(g, [
          '入户走访，家中{n}人，均正常',
          '独居老人，子女{name}在福州工作，电话{phone}',
          '出租房消防通道畅通，已张贴安全告知书',
          '租户已于{date}退租',
          '反映楼道灯损坏，已转物业',
          '新增租户{name}，身份证{id}，已登记',
        ], { n: () => String(g.int(1, 6)), name: () => personName(g), phone: () => cnMobile(g), date: () => isoDate(randomDate(g, 2024, 2024)), id: () => residentId(g, { fromYear: 1970, toYear: 2000 }) }),
    },
  ];
  const init = (g: Rng): S => ({ id: g.chance(0.03) ? legacyId(g, 1935) : residentId(g, { fromYear: 1935, toYear: 2010 }), rented: g.chance(0.45) });
  const rows = build(r, 1300, init, cols);
  writeFileSync(join(dir, file), delimited(cols.map((c) => c.header), rows, ',', '\n'));
  return [file, truthOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 9. 横琴长者助餐补贴: Parquet (STRING, INT32, INT64, DOUBLE, BOOLEAN, TIMESTAMP)

function mealSubsidy(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'hengqin_zhangzhe_zhucan_202405.parquet';
  const clerks = staff(r, 6);
  const points = ['澳门新街坊长者饭堂', '横琴镇社区长者食堂', '小横琴社区长者饭堂', '荷塘社区助餐点', '莲花社区长者饭堂'];
  interface PCol { name: string; truth: string; type: BasicType; data: (string | number | bigint | boolean | Date | null)[] }
  const cols: PCol[] = [
    { name: '长者姓名', truth: 'person_name', type: 'STRING', data: [] },
    { name: '居住证号码', truth: 'mo_residence_permit', type: 'STRING', data: [] },
    { name: '回乡证号码', truth: 'hkmo_home_return_permit', type: 'STRING', data: [] },
    { name: '澳门身份证', truth: 'decoy', type: 'STRING', data: [] },
    { name: '年龄', truth: 'decoy', type: 'INT32', data: [] },
    { name: '补贴类别', truth: 'decoy', type: 'STRING', data: [] },
    { name: '补贴标准', truth: 'decoy', type: 'DOUBLE', data: [] },
    { name: '银行卡号', truth: 'bank_card', type: 'STRING', data: [] },
    { name: '内地手机', truth: 'cn_mobile', type: 'INT64', data: [] },
    { name: '澳门电话', truth: 'decoy', type: 'STRING', data: [] },
    { name: '居住地址', truth: 'address', type: 'STRING', data: [] },
    { name: '住址坐标', truth: 'geo_coordinate', type: 'STRING', data: [] },
    { name: '助餐点', truth: 'decoy', type: 'STRING', data: [] },
    { name: '健康状况', truth: 'medical_record', type: 'STRING', data: [] },
    { name: '饮食禁忌', truth: 'decoy', type: 'STRING', data: [] },
    { name: '发放时间', truth: 'decoy', type: 'TIMESTAMP', data: [] },
    { name: '经办人', truth: 'person_name', type: 'STRING', data: [] },
    { name: '长者服务卡号', truth: 'decoy', type: 'STRING', data: [] },
    { name: '是否独居', truth: 'decoy', type: 'BOOLEAN', data: [] },
    { name: '备注', truth: 'free_text', type: 'STRING', data: [] },
  ];
  const push = (name: string, v: string | number | bigint | boolean | Date | null): void => {
    const c = cols.find((x) => x.name === name);
    if (c === undefined) throw new Error(name);
    c.data.push(v);
  };
  for (let i = 0; i < 600; i++) {
    const permit = residencePermit(r, '820000', 1930, 1964);
    const age = 2024 - Number(permit.slice(6, 10));
    push('长者姓名', r.chance(0.75) ? traditionalName(r) : messyName(r));
    push('居住证号码', r.chance(0.02) ? null : r.chance(0.03) ? permit.toLowerCase() : permit);
    push('回乡证号码', r.chance(0.05) ? null : homeReturnPermit(r, 'M'));
    push('澳门身份证', `${r.pick(['1', '5', '7'])}${r.digits(6)}(${r.int(0, 9)})`);
    push('年龄', age);
    push('补贴类别', age >= 80 ? '八十周岁以上' : r.pick(['低收入', '独居', '失能半失能', '普惠']));
    push('补贴标准', r.pick([5, 8, 10, 12.5]));
    push('银行卡号', r.chance(0.05) ? null : r.chance(0.3) ? bankCard(r).replace(/(\d{4})(?=\d)/g, '$1 ') : bankCard(r));
    push('内地手机', r.chance(0.1) ? null : BigInt(cnMobile(r)));
    push('澳门电话', r.chance(0.2) ? null : `+853 6${r.digits(3)} ${r.digits(4)}`);
    push('居住地址', hengqinAddress(r));
    push('住址坐标', r.chance(0.04) ? null : geo(r, HENGQIN));
    push('助餐点', r.pick(points));
    push('健康状况', r.chance(0.1) ? null : r.chance(0.3) ? `${r.pick(CHRONIC)}；${r.pick(DIAGNOSES)}` : r.pick([...CHRONIC, ...DIAGNOSES]));
    push('饮食禁忌', r.pick(['低盐', '低糖', '软食', '清真', '素食', '不吃辣', '无']));
    push('发放时间', new Date(Date.UTC(2024, 4, r.int(1, 10), r.int(1, 9), r.int(0, 59))));
    push('经办人', r.pick(clerks));
    push('长者服务卡号', `${r.pick(['1970', '1971'])}${r.digits(7)}`);
    push('是否独居', r.chance(0.3));
    push('备注', r.chance(0.6) ? null : pickTemplate(r, [
      '子女{name}在澳门，联系电话{phone}',
      '行动不便，需送餐上门',
      '本月住院{n}天，暂停发放',
      '已核对居住证及银行卡信息',
      '家属代领，代领人{name}',
    ], { name: () => traditionalName(r), phone: () => `+853 6${r.digits(7)}`, n: () => String(r.int(2, 15)) }));
  }
  parquetWriteFile({ filename: join(dir, file), columnData: cols.map((c) => ({ name: c.name, data: c.data, type: c.type })) });
  return [file, cols.map((c, index) => ({ index, header: c.name, truth: c.truth }))];
}

// ---------------------------------------------------------------------------------------------
// 10. App login logs: NDJSON, nested objects

function loginLogs(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'app_login_logs_20240520.ndjson';
  const androids = ['HUAWEI Mate 60 Pro', 'Xiaomi 14', 'OPPO Find X7', 'vivo X100', 'HONOR Magic6', 'Redmi K70'];
  const iphones = ['iPhone15,2', 'iPhone16,1', 'iPhone14,5', 'iPhone13,2'];
  const regions = ['福建省福州市 电信', '福建省福州市 移动', '福建省平潭综合实验区 电信', '福建省厦门市 联通', '广东省深圳市 电信', '台湾省 中华电信'];
  const nicknames = ['岚岛小渔', '海坛追风', '麒麟少年', '阿珍', '平潭老林', '北港石头厝', '看海的猫', '月亮湾', '蓝眼泪', '风车田'];
  const users = Array.from({ length: 600 }, () => ({
    uid: `1500${r.digits(7)}`,
    account: cnMobile(r),
    nickname: r.pick(nicknames) + (r.chance(0.5) ? String(r.int(1, 999)) : ''),
    email: r.chance(0.5) ? email(r) : null,
    verified: r.chance(0.85),
    android: r.chance(0.6),
    mac: mac(r),
    deviceId: hex(r, 16),
    imei: imei(r),
  }));
  const lines: string[] = [];
  const records: unknown[] = [];
  let t = Date.UTC(2024, 4, 19, 16, 0, 0);
  for (let i = 0; i < 1500; i++) {
    t += r.int(5, 110) * 1000;
    const u = r.pick(users);
    const ok = r.chance(0.88);
    const v = r.chance(0.12) ? `${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 255)}.${r.int(1, 255)}` : `${r.int(5, 8)}.${r.int(0, 12)}.${r.int(0, 30)}`;
    const model = u.android ? r.pick(androids) : r.pick(iphones);
    const rec = {
      eventId: uuid(r),
      ts: t,
      user: { uid: u.uid, account: messyMobile(r, u.account), nickname: u.nickname, email: u.email, phoneVerified: u.verified },
      client: {
        ip: r.chance(0.8) ? ipv4Public(r) : ipv6(r),
        ipRegion: r.pick(regions),
        mac: u.android ? u.mac : null,
        deviceId: u.deviceId,
        imei: u.android && r.chance(0.7) ? u.imei : null,
        model,
        appVersion: v,
        userAgent: u.android
          ? `Mozilla/5.0 (Linux; Android 14; ${model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.${r.int(10, 230)} Mobile Safari/537.36 LandaoApp/${v}`
          : `Mozilla/5.0 (iPhone; CPU iPhone OS 17_${r.int(0, 5)} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LandaoApp/${v}`,
      },
      geo: { latlng: r.chance(0.2) ? null : geo(r, r.chance(0.6) ? PINGTAN : FUZHOU) },
      auth: { method: r.weighted([[50, 'sms'], [30, 'password'], [20, 'wechat']]), result: ok ? 'success' : r.pick(['wrong_password', 'sms_expired', 'locked']) },
      session: { accessToken: ok ? jwt(r, u.uid, Math.floor(t / 1000)) : null },
      risk: { fpHash: sha256(r) },
      extra: { sdkPayload: base64Blob(r, r.int(24, 60)) },
    };
    records.push(rec);
    lines.push(JSON.stringify(rec));
  }
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
  return [
    file,
    jsonTruth(file, records, {
      eventId: 'decoy',
      ts: 'decoy',
      'user.uid': 'decoy',
      'user.account': 'cn_mobile',
      'user.nickname': 'decoy',
      'user.email': 'email',
      'user.phoneVerified': 'decoy',
      'client.ip': 'ip_address',
      'client.ipRegion': 'decoy',
      'client.mac': 'mac_address',
      'client.deviceId': 'decoy',
      'client.imei': 'decoy',
      'client.model': 'decoy',
      'client.appVersion': 'decoy',
      'client.userAgent': 'decoy',
      'geo.latlng': 'geo_coordinate',
      'auth.method': 'decoy',
      'auth.result': 'decoy',
      'session.accessToken': 'secret',
      'risk.fpHash': 'decoy',
      'extra.sdkPayload': 'decoy',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 11. 基因检测样本清单 (Qianhai lab, mainland and Hong Kong participants): CSV UTF-8, LF

function geneticLab(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'qianhai_jiyin_yangben_manifest.csv';
  const doctors = staff(r, 10);
  interface S { hk: boolean; born: Ymd; sex: string }
  const cols: Col<S>[] = [
    { header: 'sample_id', truth: 'decoy', make: (g) => `QH24-${pad(g.int(1, 99999), 5)}` },
    { header: 'tube_barcode', truth: 'decoy', make: (g) => `69${g.digits(11)}` },
    { header: '受检者姓名', truth: 'person_name', make: (g, s) => (s.hk ? traditionalName(g) : messyName(g)) },
    { header: '性别', truth: 'decoy', make: (_g, s) => s.sex },
    { header: '出生日期', truth: 'decoy', make: (_g, s) => isoDate(s.born) },
    { header: 'id_card_no', truth: 'cn_resident_id', make: (g, s) => (s.hk ? '' : residentIdBorn(g, s.born, ['440304', '440305', '440106', '350128', '350102', '430102', '360102'])) },
    { header: 'passport_no', truth: 'cn_passport', make: (g, s) => (s.hk || g.chance(0.1) ? '' : cnPassport(g)) },
    { header: 'hkid', truth: 'hk_id', make: (g, s) => (s.hk ? hkid(g) : '') },
    { header: 'rp_no', truth: 'hk_residence_permit', make: (g, s) => (s.hk && g.chance(0.85) ? residencePermitBorn(g, '810000', s.born) : '') },
    { header: 'mobile', truth: 'cn_mobile', make: (g, s) => (s.hk && g.chance(0.3) ? '' : messyMobile(g)) },
    { header: 'hk_phone', truth: 'decoy', make: (g, s) => (s.hk ? g.pick([`+852 ${g.pick(['5', '6', '9'])}${g.digits(3)} ${g.digits(4)}`, `852-${g.pick(['5', '6', '9'])}${g.digits(7)}`]) : '') },
    { header: '送检医生', truth: 'person_name', make: (g) => g.pick(doctors) },
    { header: '送检科室', truth: 'decoy', make: (g) => g.pick(['肿瘤内科', '乳腺外科', '心血管内科', '生殖医学中心', '神经内科', '体检中心']) },
    { header: '临床诊断', truth: 'medical_record', make: (g, s) => g.pick(DIAGNOSES.filter((d) => !(s.sex === '男' ? /乳腺|子宫/ : /前列腺/).test(d))), blank: 0.1, ph: ['', '', '健康体检'] },
    { header: 'panel', truth: 'decoy', make: (g) => g.pick(['遗传性肿瘤88基因', '药物基因组学30位点', '心血管用药指导', '肺癌靶向用药12基因', '叶酸代谢能力']) },
    { header: 'variant_call', truth: 'genetic_data', make: (g) => (g.chance(0.07) ? '未检出致病变异' : variantCall(g)) },
    { header: 'snp_genotypes', truth: 'genetic_data', make: (g) => snpPanel(g), blank: 0.05 },
    { header: 'q30', truth: 'decoy', make: (g) => `${(88 + g.next() * 8).toFixed(2)}%` },
    { header: 'report_status', truth: 'decoy', make: (g) => g.weighted([[70, '已出报告'], [20, '检测中'], [10, '重新采样']]) },
    { header: '采样时间', truth: 'decoy', make: (g) => fmtMoment(moment(g, new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 4, 15))), 'minute') },
    {
      header: 'remarks',
      truth: 'free_text',
      blank: 0.5,
      make: (g) =>
        pickTemplate(g, [
          '样本溶血，已通知重新采血',
          '受检者已签署人类遗传资源出境知情同意书',
          '报告寄送至{addr}',
          '家属{name}代为领取报告',
          '检出{variant}，建议遗传咨询',
          'DNA浓度偏低（{n} ng/μL），已加测',
        ], { addr: () => `广东省深圳市南山区科技园南路${g.int(1, 300)}号${g.int(1, 30)}栋${g.int(1, 30)}0${g.int(1, 8)}室`, name: () => personName(g), variant: () => variantCall(g), n: () => (g.next() * 10).toFixed(1) }),
    },
  ];
  const init = (g: Rng): S => ({ hk: g.chance(0.45), born: randomDate(g, 1950, 2000), sex: g.pick(['男', '女']) });
  const rows = build(r, 500, init, cols);
  writeFileSync(join(dir, file), delimited(cols.map((c) => c.header), rows, ',', '\n'));
  return [file, truthOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 12. DevOps secrets inventory: JSON array, nested objects

function secretsInventory(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'devops_secrets_inventory.json';
  const depts = ['平台运维部', '数据中心', '应用开发一部', '网络安全部', '政务云项目组'];
  const services = ['gov-portal', 'landao-api', 'grid-app', 'meal-subsidy', 'ferry-ticket', 'pms-sync', 'etl-runner', 'minio', 'redis-cache', 'gitlab-runner'];
  const kinds: [string, SecretKind | 'password'][] = [
    ['mysql_password', 'password'], ['postgres_password', 'password'], ['redis_password', 'password'], ['aws_access_key', 'aws'],
    ['aliyun_access_key', 'aliyun'], ['github_token', 'github'], ['openai_api_key', 'openai'], ['slack_bot_token', 'slack'],
    ['ssh_private_key', 'ssh'], ['webhook_signing_secret', 'generic'],
  ];
  const owners = Array.from({ length: 25 }, () => {
    const name = personName(r);
    return { name, email: email(r, r.pick(['ptsyq.gov.cn', 'landao.cn'])), mobile: cnMobile(r), dept: r.pick(depts) };
  });
  const vendors = Array.from({ length: 8 }, () => ({ name: company(r, r.pick(['福州', '福建', '平潭'])), uscc: uscc(r, 'company', r.pick(['350100', '350102', '350128'])), phone: cnLandline(r, '0591') }));
  const records = Array.from({ length: 320 }, (_x, i) => {
    const [kind, secretKind] = r.pick(kinds);
    const svc = r.pick(services);
    const o = r.pick(owners);
    const v = r.pick(vendors);
    const value = secretKind === 'password' ? password(r) : apiSecret(r, secretKind);
    return {
      id: uuid(r),
      name: `${svc}-${r.pick(['prod', 'staging', 'dev'])}-${kind.replace(/_/g, '-')}-${pad(i + 1, 3)}`,
      kind,
      owner: { name: o.name, email: o.email, mobile: r.chance(0.1) ? `+86 ${o.mobile}` : o.mobile, dept: o.dept },
      host: { hostname: `${svc}-${r.int(1, 6)}.${r.pick(['pt', 'fz'])}.internal`, ip: ipv4Private(r), mac: mac(r) },
      credential: {
        username: /password/.test(kind) ? r.pick(['root', 'app_rw', 'readonly', 'etl', 'admin']) : null,
        value,
        secretRef: `vault://kv/${r.pick(['prod', 'staging', 'dev'])}/${svc}/${kind}`,
        sha256: sha256(r),
      },
      rotation: { lastRotated: fmtMoment(moment(r, new Date(Date.UTC(2023, 0, 1)), new Date(Date.UTC(2024, 4, 1))), 'iso') },
      vendor: { name: v.name, uscc: v.uscc, contactPhone: v.phone },
      tags: [r.pick(['pci', 'pii', 'internal', 'public']), ...(r.chance(0.4) ? [r.pick(['rotate-q3', 'legacy', 'k8s'])] : [])],
      notes: r.chance(0.5)
        ? ''
        : pickTemplate(r, [
            'rotated after offboarding of {name}',
            '由{name}申请，工单OPS-2024-{n}',
            'key leaked in CI log on {date}, revoked and reissued',
            '仅限{ip}访问',
            'owner on leave, backup contact {phone}',
          ], { name: () => personName(r), n: () => pad(r.int(1, 999), 4), date: () => isoDate(randomDate(r, 2024, 2024)), ip: () => ipv4Private(r), phone: () => cnMobile(r) }),
    };
  });
  writeFileSync(join(dir, file), JSON.stringify(records, null, 2) + '\n');
  return [
    file,
    jsonTruth(file, records, {
      id: 'decoy',
      name: 'decoy',
      kind: 'decoy',
      'owner.name': 'person_name',
      'owner.email': 'email',
      'owner.mobile': 'cn_mobile',
      'owner.dept': 'decoy',
      'host.hostname': 'decoy',
      'host.ip': 'ip_address',
      'host.mac': 'mac_address',
      'credential.username': 'decoy',
      'credential.value': 'secret',
      'credential.secretRef': 'decoy',
      'credential.sha256': 'decoy',
      'rotation.lastRotated': 'decoy',
      'vendor.name': 'decoy',
      'vendor.uscc': 'cn_uscc',
      'vendor.contactPhone': 'cn_landline',
      'tags[]': 'decoy',
      notes: 'free_text',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------

await runTableSet({
  script: 'bench/eval/columns-d/generate.ts',
  defaultSeed: 20240520,
  rng: (seed, name) => new Rng(seedFor(seed, name)),
  makers: [
    ['admissions', admissions],
    ['inpatient', inpatient],
    ['pharmacy', pharmacy],
    ['car-rental', carRental],
    ['hotel', hotel],
    ['ferry', ferry],
    ['tw-enterprises', twEnterprises],
    ['grid-register', gridRegister],
    ['meal-subsidy', mealSubsidy],
    ['login-logs', loginLogs],
    ['genetic-lab', geneticLab],
    ['secrets-inventory', secretsInventory],
  ],
});
