/**
 * Third blind column set for the scanner's column classification, written without reading the
 * recognisers (bench/eval/README.md). Eleven files from domains the first two sets did not use:
 * insurance claims, telecom subscribers, a homestay register of Taiwan visitors, a fishing-vessel
 * crew list, vehicle/ETC accounts, cross-border e-commerce orders, utility accounts, social
 * insurance of Hong Kong residents, a court enforcement list, vaccination of Macao children in
 * Hengqin, and ride-hailing drivers.
 *
 *   npx tsx bench/eval/columns-c/generate.ts --out DIR [--seed N]
 *
 * Formats: XLSX (merged title row; two sheets; plain), CSV UTF-8, CSV UTF-8 with BOM, CSV GBK,
 * TSV, JSON array, NDJSON with nested objects and arrays, Parquet (two files).
 *
 * DIR/truth.json is what bench/eval/columns-eval.ts reads: `{ file: [{ index, header, truth }] }`,
 * truth a detector type id, `decoy` or `free_text`. For JSON and NDJSON the header is the path
 * (a.b, items[].c) and the index its order of first appearance, depth first. For XLSX the labelled
 * table is the first sheet; with a merged title row the header is the second row.
 *
 * Deterministic: the same seed gives byte-identical files.
 */
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetWriteFile } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import iconv from 'iconv-lite';
import {
  DIAGNOSES, GENETIC, ICD10, MAINLAND_MAIL, Rng, type Ymd,
  breakOne, cnLandline, cnMobile, cnPassport, companyName, email, fmtMoment, fujianAddress,
  hex, hkId, hkName, homeReturnPermit, idShapedWrongCheck, ipv4, ipv6, isoDate, licensePlate, luhnDigit,
  luhnFailing, mac, messyBankCard, messyMobile, messyName, messyResidentId, moment, pad, password, personName,
  randomDate, residencePermit, residentId, residentIdValid, seedFor, shenzhenAddress, taiwanAddress, traditionalName, twMobile,
  twNationalId, twNationalIdValid, twTravelPermit, utcDate, uscc, uuid, vinNumber, wifiKey, ymd, zhuhaiAddress,
} from './values.ts';

type Cell = string | number | bigint | Date | null;
type Row = Record<string, unknown>;

interface Column {
  header: string;
  truth: string;
  make: (r: Rng, row: Row) => Cell;
  /** Chance the cell is a placeholder instead of a value. */
  blank?: number;
  placeholders?: readonly Cell[];
}

interface TruthEntry {
  index: number;
  header: string;
  truth: string;
}

const PH = ['', '', '', '无', '-', 'NULL'] as const;
const PH_T = ['', '', '', '無', '-', 'N/A'] as const;
const PH_EN = ['', '', '', 'NULL', 'N/A', '-'] as const;

function buildRows(r: Rng, columns: Column[], count: number, init?: (r: Rng, i: number) => Row): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const row = init ? init(r, i) : { i };
    rows.push(columns.map((c) => (c.blank !== undefined && r.chance(c.blank) ? r.pick(c.placeholders ?? PH) : c.make(r, row))));
  }
  return rows;
}

const flatTruth = (columns: Column[]): TruthEntry[] => columns.map((c, index) => ({ index, header: c.header, truth: c.truth }));

// ---------------------------------------------------------------------------------------------
// Writers

interface SheetSpec {
  name: string;
  title?: string;
  headers: string[];
  rows: Cell[][];
  formats?: Record<number, string>;
  widths?: number;
}

async function writeXlsx(path: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2024, 3, 8, 9, 0, 0));
  wb.creator = 'columns-c';
  wb.lastModifiedBy = 'columns-c';
  wb.created = fixed;
  wb.modified = fixed;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.title !== undefined) {
      ws.addRow([s.title]);
      ws.mergeCells(1, 1, 1, s.headers.length);
      ws.getRow(1).font = { bold: true, size: 14 };
      ws.getRow(1).alignment = { horizontal: 'center' };
    }
    const hr = ws.addRow(s.headers);
    hr.font = { bold: true };
    for (const row of s.rows) ws.addRow(row.map((c) => (typeof c === 'bigint' ? Number(c) : c === '' ? null : c)));
    for (const [col, fmt] of Object.entries(s.formats ?? {})) ws.getColumn(Number(col) + 1).numFmt = fmt;
    if (s.widths !== undefined) for (let i = 1; i <= s.headers.length; i++) ws.getColumn(i).width = s.widths;
  }
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  writeFileSync(path, fixZipTimes(buf));
}

/**
 * exceljs stamps every zip entry with the current time; set the DOS time and date of each entry
 * (central directory and local header) to 2024-04-08 09:00:00 so the bytes do not depend on when
 * the generator ran.
 */
function fixZipTimes(buf: Buffer): Buffer {
  const time = (9 << 11) | (0 << 5) | 0;
  const date = ((2024 - 1980) << 9) | (4 << 5) | 8;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('xlsx: no end-of-central-directory record');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('xlsx: bad central directory entry');
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('xlsx: bad local header');
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

function delimited(headers: string[], rows: Cell[][], delimiter: string, eol: string): string {
  const cell = (c: Cell): string => {
    const s = c === null ? '' : c instanceof Date ? isoDate({ y: c.getUTCFullYear(), m: c.getUTCMonth() + 1, d: c.getUTCDate() }) : String(c);
    return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows].map((row) => row.map(cell).join(delimiter)).join(eol) + eol;
}

function jsonTruth(file: string, records: unknown[], labels: Record<string, string>): TruthEntry[] {
  const paths = jsonPaths(records);
  const missing = paths.filter((p) => labels[p] === undefined);
  const unused = Object.keys(labels).filter((p) => !paths.includes(p));
  if (missing.length > 0 || unused.length > 0) throw new Error(`${file}: unlabelled paths [${missing.join(', ')}]; unused labels [${unused.join(', ')}]`);
  return paths.map((p, index) => ({ index, header: p, truth: labels[p] as string }));
}

// ---------------------------------------------------------------------------------------------
// Shared pools

const BANK_BRANCHES = [
  '中国工商银行福州五一支行', '中国建设银行平潭支行', '中国农业银行平潭县支行', '中国银行福州鼓楼支行', '兴业银行福州分行营业部',
  '福建海峡银行平潭分行', '招商银行福州分行', '交通银行福建省分行', '中国邮政储蓄银行平潭县支行', '平潭农村商业银行潭城支行',
];

const HOSPITALS = ['福建医科大学附属协和医院', '福建省立医院', '平潭综合实验区医院', '福州市第一医院', '厦门大学附属中山医院', '福建医科大学附属第一医院', '福州市第二医院'];

const CORP_FORMS = ['有限公司', '有限公司', '有限责任公司', '股份有限公司'];

function pool<T>(r: Rng, n: number, make: (r: Rng) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(make(r));
  return out;
}

const money = (r: Rng, lo: number, hi: number): number => r.int(lo * 100, hi * 100) / 100;

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

// ---------------------------------------------------------------------------------------------
// 1. 保险理赔: XLSX with a merged title row above the header

async function insuranceClaims(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'baoxian_lipei_2024Q1.xlsx';
  const adjusters = pool(r, 9, personName);
  const claimNote = (g: Rng, row: Row): string =>
    g.weighted([
      [25, `被保险人于${g.int(1, 3)}月${g.int(1, 28)}日因${g.pick(DIAGNOSES)}在${g.pick(HOSPITALS)}住院${g.int(2, 21)}天，材料齐全，建议正常赔付。`],
      [15, `客户${String(row.name)}来电催办，联系电话${cnMobile(g)}，已告知预计${g.int(3, 10)}个工作日内结案。`],
      [15, `缺少${g.pick(['出院小结', '费用明细清单', '病理报告', '银行卡复印件', '门诊病历'])}，已短信通知补充。`],
      [10, `既往症未告知，${g.pick(['拒赔', '部分赔付', '转核赔中心复核'])}。`],
      [10, '调查完毕，无异常。'],
      [10, `收款人非被保险人本人，已核实为其${g.pick(['配偶', '父亲', '母亲', '子女'])}，提供亲属关系证明。`],
      [15, ''],
    ]);
  const columns: Column[] = [
    { header: '赔案号', truth: 'decoy', make: (g) => idShapedWrongCheck(g, '350100', 2024) },
    { header: '保单号', truth: 'decoy', make: (g) => luhnFailing(g, g.pick(['8802', '8803', '6602']), 16) },
    { header: '险种名称', truth: 'decoy', make: (g) => g.weighted([[30, '闽康e生百万医疗险(2023版)'], [20, '惠闽宝'], [20, '康宁重大疾病保险'], [15, '综合意外伤害保险'], [15, '住院津贴医疗保险']]) },
    { header: '被保险人', truth: 'person_name', make: (g, row) => (g.chance(0.1) ? `${String(row.name).slice(0, 1)} ${String(row.name).slice(1)}` : String(row.name)), blank: 0.02, placeholders: [''] },
    { header: '证件号码', truth: 'cn_resident_id', make: (g) => messyResidentId(g, { fromYear: 1940, toYear: 2020 }), blank: 0.03, placeholders: ['', '', '无', '-', '不详'] },
    { header: '出生日期', truth: 'decoy', make: (g) => utcDate(randomDate(g, 1940, 2020)) },
    { header: '手机号码', truth: 'cn_mobile', make: (g) => (g.chance(0.5) ? Number(cnMobile(g)) : messyMobile(g)), blank: 0.04 },
    { header: '出险日期', truth: 'decoy', make: (g) => utcDate(randomDate(g, 2023, 2023)) },
    { header: '出险地点', truth: 'address', make: (g) => fujianAddress(g) + g.weighted([[75, ''], [10, '附近'], [8, '门口'], [7, '路口']]), blank: 0.03 },
    { header: '诊断名称', truth: 'medical_record', make: (g) => (g.chance(0.15) ? `${g.pick(DIAGNOSES)}；${g.pick(DIAGNOSES)}` : g.pick(DIAGNOSES)) },
    { header: 'ICD编码', truth: 'medical_record', make: (g) => g.pick(ICD10), blank: 0.03 },
    { header: '基因检测结果', truth: 'genetic_data', make: (g) => (g.chance(0.12) ? `${g.pick(GENETIC)}；${g.pick(GENETIC)}` : g.pick(GENETIC)), blank: 0.08, placeholders: ['', '', '未检测'] },
    { header: '赔付金额(元)', truth: 'decoy', make: (g) => money(g, 0, 300000) },
    { header: '收款人', truth: 'person_name', make: (g, row) => (g.chance(0.85) ? String(row.name) : personName(g)), blank: 0.03, placeholders: [''] },
    { header: '字段14', truth: 'bank_card', make: (g) => messyBankCard(g), blank: 0.05 },
    { header: '开户行', truth: 'decoy', make: (g) => g.pick(BANK_BRANCHES) },
    { header: '理赔员', truth: 'person_name', make: (g) => g.pick(adjusters) },
    { header: '案件状态', truth: 'decoy', make: (g) => g.weighted([[60, '已结案'], [15, '审核中'], [10, '待补材料'], [8, '拒赔'], [7, '已撤案']]) },
    { header: '核赔时间', truth: 'decoy', make: (g) => fmtMoment(moment(g, new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(2024, 2, 31))), 'space') },
    { header: '备注', truth: 'free_text', make: claimNote },
  ];
  const rows = buildRows(r, columns, 900, (g) => ({ name: messyName(g) }));
  await writeXlsx(join(dir, file), [
    {
      name: '理赔清单',
      title: '闽康人寿保险股份有限公司福建分公司 2024年第一季度理赔案件清单',
      headers: columns.map((c) => c.header),
      rows,
      formats: { 5: 'yyyy-mm-dd', 7: 'yyyy-mm-dd', 12: '#,##0.00' },
    },
  ]);
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 2. 电信用户: CSV in GBK, CRLF, pinyin-abbreviation headers

function telecomSubscribers(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'dianxin_yonghu_gbk.csv';
  const halls = ['平潭潭城营业厅', '平潭城关中心营业厅', '平潭金井湾营业厅', '平潭苏澳代理点', '福州五四路旗舰店', '福州东街口营业厅', '网上营业厅', '10000号客服'];
  const columns: Column[] = [
    { header: 'yhbh', truth: 'decoy', make: (g) => `5910${g.digits(8)}` },
    { header: 'xm', truth: 'person_name', make: (g, row) => String(row.name), blank: 0.02, placeholders: [''] },
    { header: 'zjlx', truth: 'decoy', make: (g) => g.weighted([[92, '居民身份证'], [4, '临时居民身份证'], [2, '户口簿'], [2, '军官证']]) },
    { header: 'sfzh', truth: 'cn_resident_id', make: (_g, row) => String(row.id), blank: 0.03 },
    { header: 'sfzh_md5', truth: 'decoy', make: (g, row) => (g.chance(0.3) ? md5(String(row.id).trim().toUpperCase()).toUpperCase() : md5(String(row.id).trim().toUpperCase())) },
    {
      header: 'jrhm',
      truth: 'cn_mobile',
      make: (g) => (g.chance(0.01) ? `1064${g.digits(9)}` : g.weighted([[80, cnMobile(g)], [20, messyMobile(g)]])),
    },
    { header: 'gddh', truth: 'cn_landline', make: (g) => cnLandline(g, { area: g.chance(0.8) ? '0591' : '0592', ext: 0.02 }), blank: 0.08 },
    { header: 'ICCID', truth: 'decoy', make: (g) => { const b = `8986${g.pick(['00', '01', '03', '11'])}${g.digits(13)}`; return b + luhnDigit(b); } },
    { header: 'IMSI', truth: 'decoy', make: (g) => `460${g.pick(['00', '01', '02', '03', '07', '11'])}${g.digits(10)}` },
    { header: 'tcmc', truth: 'decoy', make: (g) => g.pick(['5G畅享套餐129元', '5G畅享套餐199元', '融合宽带300M+天翼云盘', '全家享融合套餐169元', '天翼畅享卡39元', '平潭岚岛卡19元', '校园卡29元', '商务宽带500M']) },
    { header: 'rwsj', truth: 'decoy', make: (g) => fmtMoment(moment(g, new Date(Date.UTC(2012, 0, 1)), new Date(Date.UTC(2024, 2, 1))), 'space') },
    { header: 'zjdz', truth: 'address', make: (g) => fujianAddress(g, { province: 0.3 }), blank: 0.03 },
    { header: 'kdzh', truth: 'decoy', make: (g) => `${g.pick(['fz', 'pt', 'fq', 'cl'])}${g.digits(9)}@fjkd`, blank: 0.2, placeholders: [''] },
    { header: 'gmmac', truth: 'mac_address', make: (g) => mac(g), blank: 0.05 },
    { header: 'ipdz', truth: 'ip_address', make: (g) => (g.chance(0.15) ? ipv6(g) : ipv4(g, 'public')), blank: 0.04 },
    { header: 'wifi密码', truth: 'secret', make: (g) => wifiKey(g), blank: 0.06, placeholders: [''] },
    { header: 'zt', truth: 'decoy', make: (g) => g.weighted([[75, '正常'], [10, '欠费停机'], [6, '用户申请停机'], [5, '已销户'], [4, '预拆机']]) },
    { header: 'qfje', truth: 'decoy', make: (g) => (g.chance(0.7) ? '0.00' : (g.chance(0.2) ? '-' : '') + (g.int(1, 50000) / 100).toFixed(2)) },
    { header: 'slyyt', truth: 'decoy', make: (g) => g.pick(halls) },
    { header: '字段20', truth: 'email', make: (g) => email(g, MAINLAND_MAIL), blank: 0.08 },
    {
      header: 'bz',
      truth: 'free_text',
      make: (g, row) =>
        g.weighted([
          [20, `用户要求变更套餐为${g.pick(['5G畅享129', '全家享169', '天翼畅享39'])}，次月生效`],
          [15, `装维${personName(g)}上门更换光猫，原光猫退库`],
          [15, `欠费提醒短信已发送至${cnMobile(g)}`],
          [10, `${String(row.name)}本人到厅办理过户，经办人${personName(g)}`],
          [10, '宽带故障已派单'],
          [30, ''],
        ]),
    },
  ];
  const rows = buildRows(r, columns, 1500, (g) => ({ name: messyName(g), id: messyResidentId(g, { fromYear: 1945, toYear: 2008 }) }));
  const text = delimited(columns.map((c) => c.header), rows, ',', '\r\n');
  const buf = iconv.encode(text, 'gbk');
  if (iconv.decode(buf, 'gbk') !== text) throw new Error(`${file}: text does not round-trip through GBK`);
  writeFileSync(join(dir, file), buf);
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 3. 民宿住客登記 (台灣旅客): XLSX, two sheets, Traditional Chinese (Taiwan wording)

/** Taiwan business number (統一編號) with its check. */
function twBusinessNo(r: Rng): string {
  const w = [1, 2, 1, 2, 1, 2, 4, 1];
  for (;;) {
    const v = r.digits(8);
    let sum = 0;
    for (let i = 0; i < 8; i++) {
      const p = Number(v[i]) * (w[i] as number);
      sum += Math.floor(p / 10) + (p % 10);
    }
    if (sum % 10 === 0 || (v[6] === '7' && (sum + 1) % 10 === 0)) return v;
  }
}

async function homestayGuests(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'minsu_zhuke_taiwan.xlsx';
  const rooms = ['海景雙人房', '山景雙人房', '家庭四人房', '閣樓套房', '標準單人房'];
  const columns: Column[] = [
    { header: '登記單號', truth: 'decoy', make: (g) => Number(`24${pad(g.int(1, 6), 2)}${pad(g.int(1, 9999), 4)}`) },
    { header: '旅客姓名', truth: 'person_name', make: (g, row) => (g.chance(0.03) ? `${String(row.name).slice(0, 1)} ${String(row.name).slice(1)}` : String(row.name)), blank: 0.02, placeholders: [''] },
    { header: '性別', truth: 'decoy', make: (g) => g.pick(['男', '女']) },
    { header: '台胞證號碼', truth: 'tw_travel_permit', make: (g) => twTravelPermit(g), blank: 0.03, placeholders: ['', '', '無'] },
    {
      header: '身分證字號',
      truth: 'tw_national_id',
      make: (g) => {
        let v = twNationalId(g);
        if (g.chance(0.01)) v = breakOne(g, v, twNationalIdValid);
        return g.chance(0.03) ? v.toLowerCase() : v;
      },
      blank: 0.04,
      placeholders: PH_T,
    },
    { header: '臺灣居民居住證號碼', truth: 'tw_residence_permit', make: (g) => residencePermit(g, '830000', 1950, 2005), blank: 0.1, placeholders: ['', '', '無', '未辦理'] },
    {
      header: '出生日期',
      truth: 'decoy',
      make: (g) => {
        const t = randomDate(g, 1950, 2005);
        return g.weighted([[50, `民國${t.y - 1911}年${t.m}月${t.d}日`], [30, `${pad(t.y - 1911, 3)}/${pad(t.m, 2)}/${pad(t.d, 2)}`], [20, isoDate(t)]]);
      },
    },
    { header: '行動電話', truth: 'tw_mobile', make: (g) => twMobile(g), blank: 0.03, placeholders: PH_T },
    { header: '大陸手機', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.1, placeholders: PH_T },
    { header: '電子郵件', truth: 'email', make: (g) => email(g, ['gmail.com', 'gmail.com', 'yahoo.com.tw', 'hotmail.com', 'msa.hinet.net', 'outlook.com', 'kimo.com', 'livemail.tw']), blank: 0.06, placeholders: PH_T },
    { header: '戶籍地址', truth: 'address', make: (g) => taiwanAddress(g), blank: 0.03, placeholders: PH_T },
    { header: '房號', truth: 'decoy', make: (g) => `${g.pick(rooms)}-${g.int(1, 4)}0${g.int(1, 8)}` },
    { header: '入住日期', truth: 'decoy', make: (_g, row) => utcDate(row.in as Ymd) },
    { header: '退房日期', truth: 'decoy', make: (_g, row) => new Date(utcDate(row.in as Ymd).getTime() + (row.nights as number) * 86400000) },
    { header: '房價(人民幣)', truth: 'decoy', make: (g) => g.pick([288, 328, 388, 468, 588, 688, 888]) },
    { header: '訂房管道', truth: 'decoy', make: (g) => g.weighted([[30, '攜程'], [20, 'Booking.com'], [15, '美團'], [15, 'Agoda'], [10, '現場'], [10, '電話預訂']]) },
    { header: '發票統編', truth: 'decoy', make: (g) => twBusinessNo(g), blank: 0.35, placeholders: [''] },
    { header: '緊急聯絡人', truth: 'person_name', make: (g) => traditionalName(g), blank: 0.05, placeholders: PH_T },
    { header: '聯絡人關係', truth: 'decoy', make: (g) => g.pick(['配偶', '父', '母', '子女', '兄弟姊妹', '朋友', '同事']), blank: 0.05, placeholders: [''] },
    {
      header: '備註',
      truth: 'free_text',
      make: (g) =>
        g.weighted([
          [15, `需接機，航班${g.pick(['MF', 'CI', 'BR', 'CZ'])}${g.int(100, 899)}，約${g.int(14, 22)}點抵達`],
          [10, '吃素，早餐請準備素食'],
          [10, `與${traditionalName(g)}同行，加床一張`],
          [10, `預計晚到，已電話聯繫${twMobile(g)}`],
          [10, '從平潭澳前客運碼頭搭麗娜輪入境'],
          [10, '需開立發票'],
          [35, ''],
        ]),
    },
  ];
  const rows = buildRows(r, columns, 600, (g) => ({ name: traditionalName(g), in: randomDate(g, 2024, 2024), nights: g.int(1, 6) }));
  const priceRows: Cell[][] = [
    ['海景雙人房', 468, 588, 2],
    ['山景雙人房', 388, 468, 2],
    ['家庭四人房', 688, 888, 4],
    ['閣樓套房', 588, 688, 3],
    ['標準單人房', 288, 328, 1],
  ];
  await writeXlsx(join(dir, file), [
    { name: '住客登記', headers: columns.map((c) => c.header), rows, formats: { 12: 'yyyy/mm/dd', 13: 'yyyy/mm/dd' } },
    { name: '房價表', headers: ['房型', '平日價', '假日價', '可住人數'], rows: priceRows },
  ]);
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 4. 渔船船员名册: TSV, UTF-8, LF

function fishingCrew(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'yuchuan_chuanyuan.tsv';
  const owners = pool(r, 40, (g) => ({ name: companyName(g, ['平潭', '平潭县', '福建平潭', '连江', '福清'], ['渔业', '水产', '远洋渔业', '海洋渔业', '船务', '水产养殖']), code: uscc(g, g.pick(['350128', '350122', '350181'])) }));
  const vessels = pool(r, 60, (g) => ({ name: `闽${g.pick(['平', '平', '连', '福'])}渔${g.pick(['6', '7', '8'])}${pad(g.int(1, 9999), 4)}`, mmsi: `412${g.pick(['44', '45', '46', '33'])}${g.digits(4)}`, owner: g.int(0, 39), port: g.pick(['平潭东澳渔港', '平潭苏澳渔港', '连江黄岐渔港', '福清三山渔港']), kw: g.pick([88, 136, 220, 294, 330, 441, 500]) }));
  const columns: Column[] = [
    { header: '船名', truth: 'decoy', make: (_g, row) => (row.v as { name: string }).name },
    { header: 'MMSI', truth: 'decoy', make: (_g, row) => (row.v as { mmsi: string }).mmsi },
    { header: '船籍港', truth: 'decoy', make: (_g, row) => (row.v as { port: string }).port },
    { header: '船员姓名', truth: 'person_name', make: (g) => messyName(g), blank: 0.02, placeholders: [''] },
    { header: '性别', truth: 'decoy', make: (g) => g.weighted([[95, '男'], [5, '女']]) },
    { header: '民族', truth: 'decoy', make: (g) => g.weighted([[88, '汉族'], [4, '畲族'], [3, '回族'], [3, '苗族'], [2, '布依族']]) },
    { header: '身份证号', truth: 'cn_resident_id', make: (g) => messyResidentId(g, { fromYear: 1958, toYear: 2005, local: 0.65 }), blank: 0.02 },
    { header: '护照号', truth: 'cn_passport', make: (g) => (g.chance(0.04) ? cnPassport(g).toLowerCase() : cnPassport(g)), blank: 0.1, placeholders: ['', '', '无', '未办'] },
    { header: '船员证书编号', truth: 'decoy', make: (g) => `闽渔${g.pick(['普', '职', '职'])}(${g.int(2019, 2024)})${pad(g.int(1, 99999), 5)}` },
    { header: '职务', truth: 'decoy', make: (g) => g.weighted([[6, '船长'], [6, '轮机长'], [6, '大副'], [6, '大管轮'], [76, '普通船员']]) },
    { header: '手机号', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.05 },
    { header: '家属电话', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.05 },
    { header: '家庭住址', truth: 'address', make: (g) => fujianAddress(g, { province: 0.6 }), blank: 0.03 },
    { header: '工资卡号', truth: 'bank_card', make: (g) => messyBankCard(g), blank: 0.04 },
    { header: '船东单位', truth: 'decoy', make: (_g, row) => (owners[(row.v as { owner: number }).owner] as { name: string }).name },
    { header: '船东统一社会信用代码', truth: 'cn_uscc', make: (_g, row) => (owners[(row.v as { owner: number }).owner] as { code: string }).code, blank: 0.03 },
    { header: '出港时间', truth: 'decoy', make: (g) => fmtMoment(moment(g, new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 3, 1))), 'minute') },
    {
      header: '字段17',
      truth: 'geo_coordinate',
      make: (g) => {
        const lat = 24.3 + g.float() * 2.4;
        const lon = 119.6 + g.float() * 1.6;
        const k = g.int(4, 6);
        return g.weighted([
          [70, `${lat.toFixed(k)},${lon.toFixed(k)}`],
          [15, `${lat.toFixed(k)}, ${lon.toFixed(k)}`],
          [10, `N${lat.toFixed(k)},E${lon.toFixed(k)}`],
          [5, `${lat.toFixed(k)} ${lon.toFixed(k)}`],
        ]);
      },
      blank: 0.03,
    },
    { header: '主机功率(kW)', truth: 'decoy', make: (_g, row) => (row.v as { kw: number }).kw },
    {
      header: '备注',
      truth: 'free_text',
      make: (g) =>
        g.weighted([
          [15, '出海作业期间手机无信号，紧急情况联系船东'],
          [10, `原船员${personName(g)}已离船，由本人顶替`],
          [10, '已参加渔业船员安全培训'],
          [10, `外省籍船员，暂住${g.pick(['东澳村', '苏澳镇', '流水镇'])}`],
          [10, '护照办理中'],
          [45, ''],
        ]),
    },
  ];
  const rows = buildRows(r, columns, 800, (g) => ({ v: g.pick(vessels) }));
  writeFileSync(join(dir, file), delimited(columns.map((c) => c.header), rows, '\t', '\n'));
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 5. 车辆与ETC账户: JSON array, camelCase, nested objects

function vehicleEtc(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'vehicle_etc_accounts.json';
  const models = ['比亚迪牌BYD7152WT6HEVC5', '大众汽车牌SVW7157HPD', '丰田牌TV7201NGF', '本田牌HG7150GAC6', '特斯拉牌TSL7000BEVBR3', '五菱牌LZW7001EVAHB', '吉利牌MR7153D03', '长城牌CC6470BH01', '东风日产牌DFL7168VAL2', '宝马牌BMW7201MM'];
  const blankOr = <T>(g: Rng, p: number, v: () => T, ph: readonly (string | null)[] = [null, null, '']): T | string | null => (g.chance(p) ? g.pick(ph) : v());
  const records: unknown[] = [];
  for (let i = 0; i < 700; i++) {
    const g = r;
    const reg = randomDate(g, 2012, 2024);
    records.push({
      accountId: uuid(g),
      owner: {
        name: blankOr(g, 0.02, () => messyName(g)),
        idNo: blankOr(g, 0.03, () => messyResidentId(g, { fromYear: 1955, toYear: 2004 })),
        mobile: blankOr(g, 0.03, () => messyMobile(g, g.chance(0.3) ? 'intl' : 'plain')),
        address: blankOr(g, 0.04, () => fujianAddress(g)),
      },
      vehicle: {
        plateNo: licensePlate(g),
        plateColor: g.weighted([[70, '蓝'], [20, '渐变绿'], [6, '黄'], [4, '黄绿']]),
        vin: g.chance(0.01) ? vinNumber(g).toLowerCase() : vinNumber(g),
        engineNo: `${g.pick(['BYD472QA', 'EA211', 'L15B', 'DK4B', 'M20A', 'JLH-4G15', 'B48B20', '3ZR'])}${g.chars('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 1)}${g.digits(6)}`,
        model: g.pick(models),
        registerDate: isoDate(reg),
        seats: g.pick([5, 5, 5, 7, 2]),
      },
      etc: {
        cardNo: `3501${pad(reg.y % 100, 2)}${g.digits(14)}`,
        obuId: g.chars('0123456789ABCDEF', 16),
        bankCard: blankOr(g, 0.04, () => messyBankCard(g)),
        signDate: isoDate(randomDate(g, Math.max(2016, reg.y), 2024)),
        channel: g.pick(['工商银行', '建设银行', '兴业银行', '闽通宝APP', '微信车主服务', '高速服务区网点']),
      },
      lastPass: {
        serialNo: `1${g.int(3, 9)}${g.digits(9)}`,
        gantryId: `G${pad(g.pick([15, 1501, 1505, 70, 3]), 4)}35${g.digits(3)}00${g.digits(8)}`,
        time: moment(g, new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 2, 31))).getTime(),
        fee: g.int(0, 26000) / 100,
      },
      status: g.weighted([[85, 'NORMAL'], [8, 'BLACKLIST'], [4, 'LOSS'], [3, 'CANCELLED']]),
    });
  }
  const data = JSON.parse(JSON.stringify(records)) as unknown[];
  writeFileSync(join(dir, file), JSON.stringify(data, null, 2));
  return [
    file,
    jsonTruth(file, data, {
      accountId: 'decoy',
      'owner.name': 'person_name',
      'owner.idNo': 'cn_resident_id',
      'owner.mobile': 'cn_mobile',
      'owner.address': 'address',
      'vehicle.plateNo': 'cn_license_plate',
      'vehicle.plateColor': 'decoy',
      'vehicle.vin': 'vin',
      'vehicle.engineNo': 'decoy',
      'vehicle.model': 'decoy',
      'vehicle.registerDate': 'decoy',
      'vehicle.seats': 'decoy',
      'etc.cardNo': 'decoy',
      'etc.obuId': 'decoy',
      'etc.bankCard': 'bank_card',
      'etc.signDate': 'decoy',
      'etc.channel': 'decoy',
      'lastPass.serialNo': 'decoy',
      'lastPass.gantryId': 'decoy',
      'lastPass.time': 'decoy',
      'lastPass.fee': 'decoy',
      status: 'decoy',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 6. 跨境电商订单: NDJSON with nested objects and an items array

const PRODUCTS: [string, string, number][] = [
  ['爱他美 澳洲版 婴幼儿配方奶粉 3段 800g', 'APT-AU-3-800', 228],
  ['Swisse 维生素C泡腾片 60粒', 'SWS-VC-60', 89],
  ['花王 妙而舒 纸尿裤 L54片', 'KAO-MRS-L54', 119],
  ['资生堂 红腰子精华 50ml', 'SHI-UB-50', 699],
  ['雅诗兰黛 小棕瓶 特润修护精华 100ml', 'EL-ANR-100', 990],
  ['Blackmores 深海鱼油 400粒', 'BMS-FO-400', 169],
  ['戴森 Supersonic 吹风机 HD15', 'DYS-HD15', 2999],
  ['日本 龙角散 润喉糖 80g', 'RKS-LZ-80', 36],
  ['a2 Platinum 白金版 2段 900g', 'A2-PT-2-900', 259],
  ['Kindle Paperwhite 5 16G', 'AMZ-KPW5-16', 1068],
];

const NICKS = ['小鱼儿', 'momo酱', '林深见鹿', '快乐的胖子', '岚岛阿珍', '海边的卡夫卡', '奶爸老陈', '不吃香菜', 'tb_8823', 'jd_小王子', '一只橘猫', '平潭宝妈', '清风徐来', '陈皮不是皮', 'sunny_fz', '王者归来'];

function ecommerceOrders(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'kuajing_orders_202403.ndjson';
  const shops = pool(r, 12, (g) => {
    const [prefix, region] = g.pick([['平潭', '350128'], ['福州', '350100'], ['厦门', '350200'], ['岚岛', '350128'], ['福州', '350104']] as const);
    return { title: companyName(g, [prefix], ['电子商务', '贸易', '供应链管理', '进出口'], CORP_FORMS), code: uscc(g, region, g.chance(0.9) ? '91' : '92') };
  });
  const lines: string[] = [];
  const records: unknown[] = [];
  for (let i = 0; i < 1200; i++) {
    const g = r;
    const created = moment(g, new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 2, 31, 23, 59, 59)));
    const buyerName = personName(g);
    const sameReceiver = g.chance(0.8);
    const items = [];
    const n = g.weighted([[70, 1], [20, 2], [10, 3]]);
    for (let k = 0; k < n; k++) {
      const [title, sku, price] = g.pick(PRODUCTS);
      items.push({ sku: `${sku}-${g.int(1, 3)}`, title, qty: g.weighted([[80, 1], [15, 2], [5, 3]]), price });
    }
    const amount = items.reduce((s, it) => s + it.qty * it.price, 0);
    const withInvoice = g.chance(0.3);
    const shop = g.pick(shops);
    const build = g.int(1, 2999);
    const version = g.weighted([
      [60, `${g.int(9, 10)}.${g.int(0, 30)}.${g.int(0, 9)}`],
      [28, `${g.int(5, 8)}.${g.int(0, 12)}.${g.int(0, 60)}.${build > 255 ? build : build + 1000}`],
      [12, `${g.int(5, 8)}.${g.int(0, 12)}.${g.int(0, 60)}.${g.int(1, 255)}`],
    ]);
    const rec: Record<string, unknown> = {
      orderId: luhnFailing(g, `${g.pick(['2', '3'])}${g.digits(1)}`, 19),
      createdAt: created.toISOString(),
      status: g.weighted([[55, 'FINISHED'], [15, 'WAIT_SELLER_SEND'], [15, 'WAIT_BUYER_CONFIRM'], [10, 'CLOSED'], [5, 'REFUNDING']]),
      buyer: {
        uid: 2000000000 + g.int(0, 99999999),
        nick: `${g.pick(NICKS)}${g.chance(0.5) ? g.int(1, 2024) : ''}`,
        memberNo: `M${g.digits(8)}`,
        email: g.chance(0.1) ? null : email(g, MAINLAND_MAIL),
        mobile: messyMobile(g, g.chance(0.5) ? 'intl' : 'plain'),
        realName: g.chance(0.02) ? '' : buyerName,
        idNo: g.chance(0.04) ? null : messyResidentId(g, { fromYear: 1960, toYear: 2005 }),
      },
      receiver: {
        name: sameReceiver ? buyerName : messyName(g),
        phone: g.chance(0.02) ? '' : messyMobile(g),
        address: fujianAddress(g, { province: 0.8 }),
        zip: g.pick(['350400', '350001', '350002', '350007', '350300', '361000', '362000', '350100']),
      },
      items,
      payment: {
        channel: g.pick(['ALIPAY', 'WECHAT', 'UNIONPAY']),
        tradeNo: g.chance(0.5) ? `4200002${g.digits(3)}${ymd({ y: 2024, m: 3, d: created.getUTCDate() })}${g.digits(10)}` : `2024${pad(3, 2)}${pad(created.getUTCDate(), 2)}22001${g.digits(15)}`,
        amount,
        paidAt: Math.floor(created.getTime() / 1000) + g.int(5, 600),
      },
      client: {
        ip: g.chance(0.12) ? ipv6(g) : ipv4(g, 'public'),
        ua: g.pick([
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47',
          'Mozilla/5.0 (Linux; Android 13; V2219A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Mobile Safari/537.36',
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
          'okhttp/4.9.3',
        ]),
        appVersion: version,
        deviceId: g.chance(0.5) ? uuid(g).toUpperCase() : hex(g, 16),
      },
      logistics: g.weighted([
        [35, { company: '顺丰速运', trackingNo: `SF${g.digits(13)}` }],
        [25, { company: '中通快递', trackingNo: `7${g.pick(['3', '5', '8'])}${g.digits(12)}` }],
        [20, { company: '圆通速递', trackingNo: `YT${g.digits(13)}` }],
        [10, { company: '京东物流', trackingNo: `JDVA${g.digits(11)}` }],
        [10, { company: 'EMS', trackingNo: `E${g.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 1)}${g.digits(9)}CN` }],
      ]),
    };
    if (withInvoice) rec.invoice = { title: shop.title, taxNo: shop.code };
    rec.remark = g.weighted([
      [10, '请放丰巢快递柜'],
      [10, '周末不在家，工作日送到单位前台'],
      [8, `送货前请电话联系${cnMobile(g)}`],
      [8, '奶粉请务必核对生产日期'],
      [6, `帮${personName(g)}代买的，收件人写她`],
      [6, '发票抬头写公司，税号已填'],
      [52, ''],
    ]);
    records.push(rec);
  }
  const data = JSON.parse(JSON.stringify(records)) as unknown[];
  for (const d of data) lines.push(JSON.stringify(d));
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
  return [
    file,
    jsonTruth(file, data, {
      orderId: 'decoy',
      createdAt: 'decoy',
      status: 'decoy',
      'buyer.uid': 'decoy',
      'buyer.nick': 'decoy',
      'buyer.memberNo': 'decoy',
      'buyer.email': 'email',
      'buyer.mobile': 'cn_mobile',
      'buyer.realName': 'person_name',
      'buyer.idNo': 'cn_resident_id',
      'receiver.name': 'person_name',
      'receiver.phone': 'cn_mobile',
      'receiver.address': 'address',
      'receiver.zip': 'decoy',
      'items[].sku': 'decoy',
      'items[].title': 'decoy',
      'items[].qty': 'decoy',
      'items[].price': 'decoy',
      'payment.channel': 'decoy',
      'payment.tradeNo': 'decoy',
      'payment.amount': 'decoy',
      'payment.paidAt': 'decoy',
      'client.ip': 'ip_address',
      'client.ua': 'decoy',
      'client.appVersion': 'decoy',
      'client.deviceId': 'decoy',
      'logistics.company': 'decoy',
      'logistics.trackingNo': 'decoy',
      'invoice.title': 'decoy',
      'invoice.taxNo': 'cn_uscc',
      remark: 'free_text',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 7. 水电户表: CSV UTF-8 with BOM, CRLF, English snake_case with a few Chinese headers

function utilityAccounts(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'utility_accounts_pingtan.csv';
  const teams = ['营业班', '抄表班', '客户服务中心', '计量班', '潭城供电所', '城区营业所', '用电检查班', '95598工单组'];
  const columns: Column[] = [
    { header: 'account_no', truth: 'decoy', make: (g) => `05${g.digits(8)}` },
    { header: 'customer_name', truth: 'person_name', make: (g) => (g.chance(0.03) ? companyName(g, ['平潭', '平潭县'], ['餐饮管理', '贸易', '食品', '旅游开发'], CORP_FORMS) : messyName(g)), blank: 0.02, placeholders: [''] },
    { header: 'id_card_no', truth: 'cn_resident_id', make: (g) => messyResidentId(g, { fromYear: 1935, toYear: 2004, legacy: 0.07 }), blank: 0.06, placeholders: PH_EN },
    { header: 'contact_mobile', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.04, placeholders: PH_EN },
    { header: 'col_5', truth: 'cn_landline', make: (g) => cnLandline(g, { area: '0591', ext: 0.01 }), blank: 0.08, placeholders: PH_EN },
    { header: 'supply_address', truth: 'address', make: (g) => fujianAddress(g, { province: 0.2 }) },
    { header: 'meter_no', truth: 'decoy', make: (g) => `1${g.int(3, 9)}${g.digits(9)}` },
    {
      header: 'meter_gps',
      truth: 'geo_coordinate',
      make: (g) => {
        const lat = 25.4 + g.float() * 0.25;
        const lon = 119.6 + g.float() * 0.3;
        return g.chance(0.85) ? `${lat.toFixed(6)},${lon.toFixed(6)}` : `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
      },
      blank: 0.05,
      placeholders: PH_EN,
    },
    { header: 'tariff', truth: 'decoy', make: (g) => g.weighted([[80, '居民生活用电(一户一表)'], [12, '一般工商业'], [5, '农业生产'], [3, '合表用户']]) },
    { header: 'last_reading', truth: 'decoy', make: (_g, row) => row.last as number },
    { header: 'this_reading', truth: 'decoy', make: (_g, row) => (row.last as number) + (row.use as number) },
    { header: 'usage_kwh', truth: 'decoy', make: (_g, row) => row.use as number },
    { header: 'amount_due', truth: 'decoy', make: (g, row) => `${g.chance(0.5) ? '¥' : ''}${((row.use as number) * 0.5283).toFixed(2)}` },
    { header: 'due_date', truth: 'decoy', make: (g) => `2024/${g.int(1, 3)}/${g.int(10, 28)}` },
    { header: 'pay_card', truth: 'bank_card', make: (g) => messyBankCard(g), blank: 0.09, placeholders: ['', '', '未签约', 'NULL'] },
    { header: '联系人', truth: 'decoy', make: (g) => g.pick(teams) },
    { header: 'station', truth: 'decoy', make: (g) => `${g.pick(['潭城', '苏澳', '流水', '北厝', '澳前', '敖东'])}${g.pick(['西航', '北港', '万宝', '金井', '环岛'])}${g.int(1, 12)}号台区` },
    { header: 'zip_code', truth: 'decoy', make: (g) => g.weighted([[85, '350400'], [15, g.pick(['350401', '350402', '350403'])]]) },
    { header: 'arrears_flag', truth: 'decoy', make: (g) => g.weighted([[88, 'N'], [12, 'Y']]) },
    { header: 'invoice_no', truth: 'decoy', make: (g) => `24352000000${g.digits(9)}`, blank: 0.1, placeholders: [''] },
    {
      header: 'remark',
      truth: 'free_text',
      make: (g) =>
        g.weighted([
          [10, '表计故障已换表，换表底数已录入'],
          [10, '用户反映电压不稳，已派抢修'],
          [10, `代扣失败，已电话通知${personName(g)}`],
          [8, '一户多人口阶梯电量已申请'],
          [8, `户主变更，原户主${personName(g)}`],
          [54, ''],
        ]),
    },
  ];
  const rows = buildRows(r, columns, 1000, (g) => ({ last: g.int(1000, 60000), use: g.int(40, 1200) }));
  writeFileSync(join(dir, file), '\uFEFF' + delimited(columns.map((c) => c.header), rows, ',', '\r\n'));
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 8. 港澳居民参保缴费 (香港居民): Parquet, pinyin-abbreviation headers

interface PqCol {
  name: string;
  truth: string;
  type: BasicType;
  data: (string | number | bigint | Date | null)[];
}

function writeParquet(path: string, cols: PqCol[]): TruthEntry[] {
  parquetWriteFile({ filename: path, columnData: cols.map((c) => ({ name: c.name, data: c.data, type: c.type })) });
  return cols.map((c, index) => ({ index, header: c.name, truth: c.truth }));
}

function hkSocialInsurance(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'shebao_gangao_202403.parquet';
  const employers = pool(r, 25, (g) => ({ name: companyName(g, ['深圳前海', '前海', '深圳市', '深港'], ['科技', '供应链管理', '金融服务', '咨询', '贸易', '建筑设计'], CORP_FORMS), code: uscc(g, g.pick(['440300', '440305', '440304']), '91') }));
  const spec: [string, string, BasicType][] = [
    ['grbh', 'decoy', 'INT64'],
    ['xm', 'person_name', 'STRING'],
    ['jzzh', 'hk_residence_permit', 'STRING'],
    ['hxzh', 'hkmo_home_return_permit', 'STRING'],
    ['xgsfz', 'hk_id', 'STRING'],
    ['xb', 'decoy', 'STRING'],
    ['csrq', 'decoy', 'STRING'],
    ['dwmc', 'decoy', 'STRING'],
    ['tyshxydm', 'cn_uscc', 'STRING'],
    ['jfjs', 'decoy', 'DOUBLE'],
    ['grjfe', 'decoy', 'DOUBLE'],
    ['dwjfe', 'decoy', 'DOUBLE'],
    ['jfny', 'decoy', 'INT32'],
    ['xzlx', 'decoy', 'STRING'],
    ['nlsjh', 'cn_mobile', 'INT64'],
    ['yhkh', 'bank_card', 'STRING'],
    ['F17', 'email', 'STRING'],
    ['lxdz', 'address', 'STRING'],
    ['cbzt', 'decoy', 'STRING'],
    ['zjhm_sha256', 'decoy', 'STRING'],
  ];
  const cols: PqCol[] = spec.map(([name, truth, type]) => ({ name, truth, type, data: [] }));
  const col = (name: string): PqCol['data'] => (cols.find((c) => c.name === name) as PqCol).data;
  for (let i = 0; i < 400; i++) {
    const g = r;
    const permit = residencePermit(g, '810000', 1955, 2004);
    const emp = g.pick(employers);
    const base = g.pick([2360, 3523, 5000, 8000, 12000, 15000, 22941, 27927]);
    col('grbh').push(BigInt(6100000000 + g.int(0, 99999999)));
    col('xm').push(g.chance(0.02) ? null : hkName(g));
    col('jzzh').push(g.chance(0.03) ? null : permit);
    col('hxzh').push(g.chance(0.02) ? null : homeReturnPermit(g, 'H'));
    col('xgsfz').push(g.chance(0.04) ? null : hkId(g));
    col('xb').push(Number(permit[16]) % 2 === 1 ? '1' : '2');
    col('csrq').push(`${permit.slice(6, 10)}-${permit.slice(10, 12)}-${permit.slice(12, 14)}`);
    col('dwmc').push(emp.name);
    col('tyshxydm').push(emp.code);
    col('jfjs').push(base);
    col('grjfe').push(Math.round(base * 0.105 * 100) / 100);
    col('dwjfe').push(Math.round(base * 0.2165 * 100) / 100);
    col('jfny').push(202403);
    col('xzlx').push(g.pick(['养老+医疗+失业+工伤', '养老+医疗', '医疗+工伤', '养老+医疗+失业+工伤+生育']));
    col('nlsjh').push(g.chance(0.05) ? null : BigInt(cnMobile(g)));
    col('yhkh').push(g.chance(0.04) ? null : messyBankCard(g));
    col('F17').push(g.chance(0.08) ? null : email(g, ['gmail.com', 'yahoo.com.hk', 'hotmail.com', 'netvigator.com', 'outlook.com', 'qq.com', 'icloud.com']));
    col('lxdz').push(g.chance(0.03) ? null : shenzhenAddress(g));
    col('cbzt').push(g.weighted([[85, '1'], [10, '2'], [5, '9']]));
    col('zjhm_sha256').push(sha256(permit));
  }
  return [file, writeParquet(join(dir, file), cols)];
}

// ---------------------------------------------------------------------------------------------
// 9. 法院执行名单: CSV UTF-8 without BOM, LF

function courtEnforcement(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'zhixing_mingdan_2024.csv';
  const judges = pool(r, 8, personName);
  const creditors = pool(r, 20, (g) => ({
    name: g.chance(0.4) ? g.pick(['平潭农村商业银行股份有限公司', '福建海峡银行股份有限公司平潭分行', '兴业银行股份有限公司福州分行', '中国建设银行股份有限公司平潭支行']) : companyName(g, ['平潭', '福州', '福建'], ['小额贷款', '融资担保', '建设工程', '贸易', '置业'], CORP_FORMS),
    code: uscc(g, g.pick(['350128', '350100', '350102', '350000'])),
  }));
  const courts: [string, string][] = [
    ['平潭综合实验区人民法院', '0128'],
    ['福州市中级人民法院', '01'],
    ['福州市鼓楼区人民法院', '0102'],
    ['福清市人民法院', '0181'],
  ];
  const columns: Column[] = [
    { header: '案号', truth: 'decoy', make: (_g, row) => `(${String(row.year)})闽${(row.court as [string, string])[1]}执${String(row.seq)}号` },
    { header: '被执行人', truth: 'person_name', make: (g) => messyName(g), blank: 0.01, placeholders: [''] },
    { header: '性别', truth: 'decoy', make: (_g, row) => (Number(String(row.id)[16]) % 2 === 1 ? '男' : '女') },
    { header: '年龄', truth: 'decoy', make: (_g, row) => 2024 - Number(String(row.id).slice(6, 10)) },
    { header: '证件号码', truth: 'cn_resident_id', make: (g, row) => (g.chance(0.01) ? breakOne(g, String(row.id), residentIdValid) : String(row.id)), blank: 0.02 },
    { header: '公示证件号', truth: 'decoy', make: (_g, row) => `${String(row.id).slice(0, 10)}****${String(row.id).slice(14)}` },
    { header: '执行法院', truth: 'decoy', make: (_g, row) => (row.court as [string, string])[0] },
    { header: '立案日期', truth: 'decoy', make: (g, row) => fmtMoment(utcDate(randomDate(g, row.year as number, row.year as number)), 'zh') },
    { header: '执行依据文号', truth: 'decoy', make: (g, row) => `(${(row.year as number) - 1})闽${(row.court as [string, string])[1]}${g.pick(['民初', '民初', '民终', '执保'])}${g.int(1, 9999)}号` },
    { header: '执行标的(元)', truth: 'decoy', make: (g) => money(g, 3000, 2000000).toFixed(2) },
    { header: '履行情况', truth: 'decoy', make: (g) => g.weighted([[70, '全部未履行'], [25, '部分未履行'], [5, '已履行']]) },
    {
      header: '失信情形',
      truth: 'decoy',
      make: (g) => g.weighted([[60, '有履行能力而拒不履行生效法律文书确定义务'], [20, '违反财产报告制度'], [12, '违反限制消费令'], [8, '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行']]),
    },
    { header: '申请执行人', truth: 'decoy', make: (_g, row) => (row.cred as { name: string }).name },
    { header: '申请执行人代码', truth: 'cn_uscc', make: (_g, row) => (row.cred as { code: string }).code, blank: 0.02 },
    { header: '联系人', truth: 'decoy', make: (g) => g.pick(['执行局', '执行一庭', '执行二庭', '立案庭', '诉讼服务中心', '执行指挥中心']) },
    { header: '联系电话', truth: 'cn_landline', make: (g) => cnLandline(g, { area: '0591', ext: 0.08 }) },
    { header: '送达地址', truth: 'address', make: (g) => fujianAddress(g, { province: 0.5 }), blank: 0.04, placeholders: ['', '下落不明', '-'] },
    { header: '承办人', truth: 'person_name', make: (g) => g.pick(judges) },
    { header: '邮编', truth: 'decoy', make: (g) => g.pick(['350400', '350001', '350003', '350300', '350100']) },
    { header: 'col_19', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.1, placeholders: ['', '', '-', '无', '停机'] },
    {
      header: '备注',
      truth: 'free_text',
      make: (g) =>
        g.weighted([
          [12, '被执行人下落不明，已公告送达'],
          [12, '已冻结被执行人名下银行存款'],
          [10, '已发布限制消费令'],
          [8, `被执行人配偶${personName(g)}称其在外务工`],
          [8, `已查封${fujianAddress(g)}房产一处`],
          [50, ''],
        ]),
    },
  ];
  const rows = buildRows(r, columns, 500, (g) => ({
    id: residentId(g, { fromYear: 1950, toYear: 2003 }),
    year: g.pick([2023, 2024, 2024]),
    seq: g.int(1, 2999),
    court: g.pick(courts),
    cred: g.pick(creditors),
  }));
  writeFileSync(join(dir, file), delimited(columns.map((c) => c.header), rows, ',', '\n'));
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 10. 橫琴澳門兒童預防接種記錄: XLSX, one sheet, Traditional headers, a meaningless one

async function vaccinations(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'hengqin_jiezhong_aomen.xlsx';
  const doctors = pool(r, 7, personName);
  const vaccines: [string, string][] = [
    ['乙肝疫苗(酿酒酵母)', '深圳康泰生物製品股份有限公司'],
    ['脊灰減毒活疫苗(二倍體細胞)', '北京科興生物製品有限公司'],
    ['百白破疫苗', '武漢生物製品研究所有限責任公司'],
    ['麻腮風聯合減毒活疫苗', '上海生物製品研究所有限責任公司'],
    ['乙腦減毒活疫苗', '成都生物製品研究所有限責任公司'],
    ['A群C群腦膜炎球菌多糖疫苗', '玉溪沃森生物技術有限公司'],
    ['甲肝減毒活疫苗', '長春生物製品研究所有限責任公司'],
    ['水痘減毒活疫苗', '長春百克生物科技股份公司'],
    ['13價肺炎球菌多糖結合疫苗', '輝瑞製藥有限公司'],
    ['流感病毒裂解疫苗', '華蘭生物疫苗股份有限公司'],
  ];
  const history = ['早產兒(32週)', '先天性心臟病術後', '支氣管哮喘', '熱性驚厥史', '濕疹', 'G6PD缺乏症(蠶豆病)', '過敏性鼻炎', '川崎病史', '癲癇', '雞蛋過敏', '青黴素過敏', '新生兒黃疸', '地中海貧血(輕型)', '免疫缺陷待排'];
  const columns: Column[] = [
    { header: '接種編號', truth: 'decoy', make: (g, row) => `JZ${ymd(row.day as Ymd)}${pad(g.int(1, 9999), 4)}` },
    { header: '受種者姓名', truth: 'person_name', make: (g) => hkName(g), blank: 0.02, placeholders: [''] },
    { header: '澳門居民居住證號碼', truth: 'mo_residence_permit', make: (_g, row) => String(row.permit), blank: 0.04, placeholders: ['', '', '未辦理', '-'] },
    { header: 'F3', truth: 'hkmo_home_return_permit', make: (g) => homeReturnPermit(g, 'M'), blank: 0.03, placeholders: ['', '', '-'] },
    { header: '出生日期', truth: 'decoy', make: (_g, row) => { const p = String(row.permit); return new Date(Date.UTC(Number(p.slice(6, 10)), Number(p.slice(10, 12)) - 1, Number(p.slice(12, 14)))); } },
    { header: '性別', truth: 'decoy', make: (_g, row) => (Number(String(row.permit)[16]) % 2 === 1 ? '男' : '女') },
    { header: '監護人', truth: 'person_name', make: (g) => hkName(g), blank: 0.03, placeholders: [''] },
    { header: '監護人手機', truth: 'cn_mobile', make: (g) => (g.chance(0.4) ? Number(cnMobile(g)) : messyMobile(g)), blank: 0.05, placeholders: ['', '', '-'] },
    { header: '疫苗名稱', truth: 'decoy', make: (_g, row) => (row.vac as [string, string])[0] },
    { header: '疫苗批號', truth: 'decoy', make: (g) => g.weighted([[50, `${g.int(2022, 2023)}${pad(g.int(1, 12), 2)}${g.pick(['A', 'B', 'K', ''])}${pad(g.int(1, 120), 3)}`], [30, `J${g.int(2022, 2023)}${g.digits(5)}`], [20, `${g.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}${g.digits(6)}`]]) },
    { header: '生產企業', truth: 'decoy', make: (_g, row) => (row.vac as [string, string])[1] },
    { header: '劑次', truth: 'decoy', make: (g) => `第${g.int(1, 4)}劑` },
    { header: '接種部位', truth: 'decoy', make: (g) => g.pick(['左上臂三角肌', '右上臂三角肌', '左大腿前外側', '右大腿前外側', '口服']) },
    { header: '接種日期', truth: 'decoy', make: (_g, row) => utcDate(row.day as Ymd) },
    { header: '接種單位', truth: 'decoy', make: (g) => g.pick(['橫琴粵澳深度合作區社區衛生服務中心', '橫琴醫院預防接種門診', '珠海市香洲區拱北社區衛生服務中心']) },
    { header: '接種醫生', truth: 'person_name', make: (g) => g.pick(doctors) },
    { header: '既往病史', truth: 'medical_record', make: (g) => (g.chance(0.15) ? `${g.pick(history)}；${g.pick(history)}` : g.pick(history)), blank: 0.1, placeholders: ['無', '無', '', '-'] },
    { header: '居住地址', truth: 'address', make: (g) => zhuhaiAddress(g), blank: 0.03, placeholders: [''] },
    { header: '留觀時間(分鐘)', truth: 'decoy', make: (g) => g.weighted([[90, 30], [10, 45]]) },
    {
      header: '備註',
      truth: 'free_text',
      make: (g) =>
        g.weighted([
          [15, '留觀30分鐘無異常'],
          [10, '家長要求改約下週'],
          [8, '接種後低熱37.8℃，已告知家長觀察'],
          [8, `由${hkName(g)}(祖母)陪同`],
          [8, '澳門衛生局針卡已核對'],
          [51, ''],
        ]),
    },
  ];
  const rows = buildRows(r, columns, 500, (g) => ({ permit: residencePermit(g, '820000', 2010, 2023), day: randomDate(g, 2024, 2024), vac: g.pick(vaccines) }));
  await writeXlsx(join(dir, file), [{ name: '接種記錄', headers: columns.map((c) => c.header), rows, formats: { 4: 'yyyy-mm-dd', 13: 'yyyy-mm-dd' } }]);
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 11. 网约车司机: Parquet, English snake_case and a meaningless header

function rideHailingDrivers(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'wangyueche_drivers.parquet';
  const spec: [string, string, BasicType][] = [
    ['driver_id', 'decoy', 'INT64'],
    ['driver_name', 'person_name', 'STRING'],
    ['id_card', 'cn_resident_id', 'STRING'],
    ['mobile', 'cn_mobile', 'STRING'],
    ['driving_license_no', 'cn_resident_id', 'STRING'],
    ['license_file_no', 'decoy', 'STRING'],
    ['plate_no', 'cn_license_plate', 'STRING'],
    ['vin', 'vin', 'STRING'],
    ['vehicle_model', 'decoy', 'STRING'],
    ['transport_cert_no', 'decoy', 'STRING'],
    ['bank_card', 'bank_card', 'STRING'],
    ['last_location', 'geo_coordinate', 'STRING'],
    ['device_mac', 'mac_address', 'STRING'],
    ['login_pwd', 'secret', 'STRING'],
    ['rating', 'decoy', 'DOUBLE'],
    ['order_count', 'decoy', 'INT32'],
    ['trace_id', 'decoy', 'STRING'],
    ['online_at', 'decoy', 'TIMESTAMP'],
    ['col_18', 'ip_address', 'STRING'],
    ['emergency_contact', 'person_name', 'STRING'],
    ['emergency_phone', 'cn_mobile', 'STRING'],
    ['last_order_no', 'decoy', 'STRING'],
  ];
  const cols: PqCol[] = spec.map(([name, truth, type]) => ({ name, truth, type, data: [] }));
  const col = (name: string): PqCol['data'] => (cols.find((c) => c.name === name) as PqCol).data;
  for (let i = 0; i < 700; i++) {
    const g = r;
    const id = messyResidentId(g, { fromYear: 1965, toYear: 2003, legacy: 0.02 });
    col('driver_id').push(BigInt(880000000 + g.int(0, 9999999)));
    col('driver_name').push(g.chance(0.01) ? null : messyName(g));
    col('id_card').push(g.chance(0.02) ? null : id);
    col('mobile').push(messyMobile(g));
    col('driving_license_no').push(g.chance(0.03) ? null : id.trim().replace(/ /g, '').toUpperCase());
    col('license_file_no').push(`3501${g.digits(8)}`);
    col('plate_no').push(licensePlate(g));
    col('vin').push(g.chance(0.02) ? null : vinNumber(g));
    col('vehicle_model').push(g.pick(['比亚迪秦PLUS EV', '比亚迪e5', '广汽埃安S', '吉利几何A', '大众朗逸', '丰田卡罗拉双擎', '荣威Ei5', '东风日产轩逸']));
    col('transport_cert_no').push(`闽交运管平字${g.pick(['350128', '350100', '350102'])}${g.digits(6)}号`);
    col('bank_card').push(g.chance(0.03) ? null : messyBankCard(g));
    col('last_location').push(g.chance(0.04) ? null : `${(119.6 + g.float() * 0.35).toFixed(6)},${(25.38 + g.float() * 0.3).toFixed(6)}`);
    col('device_mac').push(g.chance(0.05) ? null : mac(g));
    col('login_pwd').push(g.chance(0.03) ? null : password(g));
    col('rating').push(g.int(420, 500) / 100);
    col('order_count').push(g.int(0, 12000));
    col('trace_id').push(hex(g, 32));
    col('online_at').push(moment(g, new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 2, 31))));
    col('col_18').push(g.chance(0.03) ? null : g.chance(0.1) ? ipv6(g) : ipv4(g, 'mixed'));
    col('emergency_contact').push(g.chance(0.05) ? null : personName(g));
    col('emergency_phone').push(g.chance(0.05) ? null : messyMobile(g));
    col('last_order_no').push(luhnFailing(g, `240${g.int(1, 3)}`, 16));
  }
  return [file, writeParquet(join(dir, file), cols)];
}

// ---------------------------------------------------------------------------------------------

await runTableSet({
  script: 'bench/eval/columns-c/generate.ts',
  defaultSeed: 20240408,
  rng: (seed, name) => new Rng(seedFor(seed, name)),
  makers: [
    ['insurance-claims', insuranceClaims],
    ['telecom-subscribers', telecomSubscribers],
    ['homestay-guests', homestayGuests],
    ['fishing-crew', fishingCrew],
    ['vehicle-etc', vehicleEtc],
    ['ecommerce-orders', ecommerceOrders],
    ['utility-accounts', utilityAccounts],
    ['hk-social-insurance', hkSocialInsurance],
    ['court-enforcement', courtEnforcement],
    ['vaccinations', vaccinations],
    ['ride-hailing-drivers', rideHailingDrivers],
  ],
});
