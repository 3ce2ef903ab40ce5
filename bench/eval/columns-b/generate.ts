/**
 * Second blind labelled column set for `landao scan`, built independently of the first
 * (`bench/eval/columns/`) and of the scanner's recognisers, and covering every input format of
 * shared/contracts/scan-report.md: XLSX, JSON, NDJSON, Parquet and quirky CSV.
 *
 *   npx tsx bench/eval/columns-b/generate.ts --out DIR [--seed N]
 *   npx tsx bench/eval/columns-eval.ts DIR
 *
 * Ten files on themes unlike an HR table (婚姻登记, 不动产登记, 医保结算, 公积金提取, 出入境证件,
 * 网约车订单, 信访件, 学籍, 物业缴费, 台胞就业), with headers in Simplified and Traditional Chinese,
 * English camelCase, pinyin abbreviations and meaningless names, messy values (spacing, full-width
 * digits, +86, masked or doubled phones, 15-digit IDs, numbers stored as numbers, placeholders such
 * as 无 / - ), and decoy columns that look like identifiers but are not (amounts, dates, order,
 * settlement, invoice and payment numbers, ID-shaped 18-digit numbers with a wrong check
 * character, EAN-13 codes, version strings shaped like IPv4, UUIDs, room numbers, buildings,
 * statuses).
 *
 * DIR/truth.json has the format bench/eval/columns-eval.ts reads: `{ file: [{ index, header, truth }] }`
 * where truth is a detector type id, `decoy` or `free_text`. For JSON and NDJSON the header is the
 * path the report names (a.b[].c) and the index its order of first appearance, depth first, as
 * the report contract describes. For the XLSX files the labelled data is on the first sheet.
 *
 * Deterministic: the same seed gives the same values (XLSX zip timestamps aside).
 */
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetWriteFile } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import {
  address,
  amount,
  bankCard,
  BUILDINGS,
  cnLandline,
  cnMobile,
  cnPassport,
  DIAGNOSES,
  ean13,
  email,
  fmtMoment,
  geoPoint,
  hkId,
  hkResidencePermit,
  homeReturnPermit,
  ICD10,
  idShapedInvalid,
  ipAddress,
  licensePlate,
  macAddress,
  messyMobile,
  messyName,
  messyResidentId,
  moResidencePermit,
  personName,
  randomDate,
  recentMoment,
  residentId,
  Rng,
  roomNo,
  seedFor,
  toTraditional,
  traditionalName,
  twMobile,
  twNationalId,
  twResidencePermit,
  twTravelPermit,
  uscc,
  uuid,
  vin,
  ymd,
} from './values.ts';

export interface TruthEntry {
  index: number;
  header: string;
  truth: string;
}

type Cell = string | number | bigint | Date | null;
type RowState = Record<string, unknown>;

interface Column {
  header: string;
  /** Detector type id, `decoy` or `free_text`. */
  truth: string;
  make: (r: Rng, row: RowState) => Cell;
  /** Share of cells left empty or holding a placeholder. */
  blank?: number;
  /** Placeholders for an empty cell; '' by default. */
  placeholders?: readonly string[];
}

interface Table {
  columns: Column[];
  rows: Cell[][];
}

function buildTable(r: Rng, columns: Column[], rowCount: number): Table {
  const rows: Cell[][] = [];
  for (let i = 0; i < rowCount; i++) {
    const state: RowState = { rowNo: i + 1 };
    rows.push(columns.map((c) => (c.blank !== undefined && r.chance(c.blank) ? r.pick(c.placeholders ?? ['']) : c.make(r, state))));
  }
  return { columns, rows };
}

const flatTruth = (columns: Column[]): TruthEntry[] => columns.map((c, index) => ({ index, header: c.header, truth: c.truth }));

const PH_ID = ['', '', '无', '-', '不详'];
const PH_PHONE = ['', '', '无', '-', '/'];

// ---------------------------------------------------------------------------------------------
// Writers

async function writeXlsx(path: string, sheets: { name: string; title?: string; headers: string[]; rows: Cell[][]; formats?: Record<number, string> }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'landao bench';
  wb.created = new Date(Date.UTC(2024, 5, 1));
  wb.modified = new Date(Date.UTC(2024, 5, 1));
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.title !== undefined) {
      ws.addRow([s.title]);
      ws.mergeCells(1, 1, 1, s.headers.length);
    }
    ws.addRow(s.headers);
    for (const row of s.rows) {
      ws.addRow(
        row.map((c) => {
          if (typeof c === 'bigint') return Number(c);
          return c === null || c === '' ? null : c;
        }),
      );
    }
    for (const [col, fmt] of Object.entries(s.formats ?? {})) ws.getColumn(Number(col) + 1).numFmt = fmt;
  }
  await wb.xlsx.writeFile(path);
}

function csvText(headers: string[], rows: Cell[][], delimiter: string, eol: string): string {
  const cell = (c: Cell): string => {
    const s = c === null ? '' : c instanceof Date ? c.toISOString() : String(c);
    return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows].map((row) => row.map(cell).join(delimiter)).join(eol) + eol;
}

/** Drops undefined members the way JSON does, so the truth walks what the file holds. */
const asJson = (records: unknown[]): unknown[] => JSON.parse(JSON.stringify(records)) as unknown[];

function jsonTruth(file: string, records: unknown[], labels: Record<string, string>): TruthEntry[] {
  const paths = jsonPaths(records);
  const missing = paths.filter((p) => labels[p] === undefined);
  const unused = Object.keys(labels).filter((p) => !paths.includes(p));
  if (missing.length > 0 || unused.length > 0) throw new Error(`${file}: unlabelled paths ${missing.join(', ')}; labels never used ${unused.join(', ')}`);
  return paths.map((p, index) => ({ index, header: p, truth: labels[p] as string }));
}

// ---------------------------------------------------------------------------------------------
// Shared pools

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function pool<T>(r: Rng, n: number, make: (r: Rng) => T): T[] {
  return Array.from({ length: n }, () => make(r));
}

const COMPANY_WORDS = ['海峡', '岚岛', '麒麟', '金井', '坛南', '两岸', '闽台', '蓝海', '海坛', '君山'];
const COMPANY_TRADES = ['科技', '贸易', '旅游发展', '文化传媒', '物流', '建设工程', '餐饮管理', '生物科技', '电子商务', '置业'];
const company = (r: Rng): string => `${r.pick(['平潭', '福州', '福建'])}${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_TRADES)}有限公司`;

const pingtanAddress = (r: Rng): string =>
  `${r.chance(0.4) ? '福建省' : ''}平潭综合实验区${r.pick(['潭城镇', '金井片区', '苏澳镇', '流水镇', '君山片区'])}${r.pick(['西航路', '北大街', '金井三路', '麒麟路', '万宝路', '坛西大道'])}${r.int(1, 399)}号${r.pick(['海峡如意城', '麒麟湾', '万宝长滩', '金井湾花园', '世茂云图'])}${r.int(1, 28)}号楼${r.int(2, 32)}${pad(r.int(1, 4), 2)}室`;

// ---------------------------------------------------------------------------------------------
// 1. 婚姻登记 (涉澳): XLSX, two sheets, data on the first

async function marriage(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = '婚姻登记台账_2024.xlsx';
  const registrars = pool(r, 6, personName);
  const columns: Column[] = [
    { header: '登记证字号', truth: 'decoy', make: (g) => `${g.pick(['J', 'J', 'J', 'L', 'BJ'])}350128-${g.int(2023, 2024)}-${pad(g.int(1, 2999), 6)}` },
    { header: '登记类型', truth: 'decoy', make: (g) => g.weighted([[70, '结婚登记'], [18, '离婚登记'], [8, '补领结婚证'], [4, '撤销婚姻']]) },
    { header: '男方姓名', truth: 'person_name', make: (g) => messyName(g) },
    {
      header: '男方公民身份号码',
      truth: 'cn_resident_id',
      make: (g) => (g.chance(0.03) ? Number(residentId(g, { sex: 'M', fromYear: 1965, toYear: 2001 })) : messyResidentId(g, { sex: 'M', fromYear: 1965, toYear: 2001 })),
      blank: 0.02,
      placeholders: PH_ID,
    },
    { header: '男方手机', truth: 'cn_mobile', make: (g) => (g.chance(0.55) ? Number(cnMobile(g)) : messyMobile(g)), blank: 0.04, placeholders: PH_PHONE },
    { header: '女方姓名', truth: 'person_name', make: (g) => (g.chance(0.65) ? traditionalName(g) : messyName(g)) },
    {
      header: '女方證件號碼',
      truth: 'mo_residence_permit',
      make: (g) => {
        const v = moResidencePermit(g, { sex: 'F', fromYear: 1968, toYear: 2002 });
        return g.weighted<string>([[88, v], [6, ` ${v}`], [6, v.endsWith('X') ? v.slice(0, 17) + 'x' : `${v} `]]);
      },
      blank: 0.02,
      placeholders: PH_ID,
    },
    { header: '户籍地址', truth: 'address', make: (g) => address(g), blank: 0.03 },
    { header: '登记日期', truth: 'decoy', make: (g) => { const t = randomDate(g, 2023, 2024); return new Date(Date.UTC(t.y, t.m - 1, t.d)); } },
    { header: '工本费', truth: 'decoy', make: (g) => g.pick([9, 9, 9, 0, 20]) },
    { header: '登记机关', truth: 'decoy', make: (g) => g.pick(['平潭综合实验区社会事业局婚姻登记处', '平潭综合实验区社会事业局婚姻登记处', '福州市民政局婚姻登记处', '平潭综合实验区涉台涉港澳婚姻登记窗口']) },
    { header: '经办人', truth: 'person_name', make: (g) => g.pick(registrars) },
    {
      header: '备注',
      truth: 'free_text',
      make: (g) => g.pick(['双方自愿结婚', '女方为澳门居民，已核验澳门居民身份证', '男方再婚，已提交离婚证', '补领，原证遗失', '预约号已核销']),
      blank: 0.7,
    },
  ];
  const t = buildTable(r, columns, 260);
  await writeXlsx(join(dir, file), [
    { name: '登记记录', headers: columns.map((c) => c.header), rows: t.rows, formats: { 8: 'yyyy-mm-dd' } },
    {
      name: '填表说明',
      headers: ['说明'],
      rows: [['1. 本表由婚姻登记处每月导出，报实验区社会事业局备案。'], ['2. 涉澳婚姻登记女方证件填写港澳台居民居住证号码。'], ['3. 工本费单位为元。']],
    },
  ]);
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 2. 不动产登记: XLSX with a merged title row above the header

async function realEstate(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = 'budongchan_djb_2024H1.xlsx';
  const developers = pool(r, 8, uscc);
  const columns: Column[] = [
    { header: '业务编号', truth: 'decoy', make: (g) => `BDC${ymd(randomDate(g, 2024, 2024))}${pad(g.int(1, 99999), 5)}` },
    { header: '不动产权证号', truth: 'decoy', make: (g) => `闽(2024)平潭综合实验区不动产权第${pad(g.int(1, 99999), 7)}号` },
    { header: '不动产单元号', truth: 'decoy', make: (g) => `350128${pad(g.int(1, 12), 3)}${pad(g.int(1, 30), 3)}GB${pad(g.int(1, 99999), 5)}F${pad(g.int(1, 9999), 4)}${pad(g.int(1, 9999), 4)}` },
    { header: '權利人', truth: 'person_name', make: (g) => (g.chance(0.08) ? `${personName(g)}、${personName(g)}` : messyName(g)) },
    {
      header: '证件种类',
      truth: 'decoy',
      make: (g, row) => {
        const kind = g.weighted<string>([[88, '居民身份证'], [8, '台湾居民来往大陆通行证'], [4, '港澳居民居住证']]);
        row.kind = kind;
        return kind;
      },
    },
    {
      header: '证件号码',
      truth: 'cn_resident_id',
      make: (g, row) => (row.kind === '台湾居民来往大陆通行证' ? twTravelPermit(g) : row.kind === '港澳居民居住证' ? hkResidencePermit(g) : messyResidentId(g, { fromYear: 1955, toYear: 2000 })),
    },
    { header: '共有情况', truth: 'decoy', make: (g) => g.weighted([[60, '单独所有'], [30, '共同共有'], [10, '按份共有']]) },
    { header: '坐落', truth: 'address', make: (g) => pingtanAddress(g) },
    { header: '楼栋名称', truth: 'decoy', make: (g) => g.pick(BUILDINGS) },
    { header: '房号', truth: 'decoy', make: (g) => roomNo(g) },
    { header: '建筑面积(㎡)', truth: 'decoy', make: (g) => g.int(4500, 22000) / 100 },
    { header: '成交价(万元)', truth: 'decoy', make: (g) => g.int(3500, 40000) / 100 },
    { header: '字段13', truth: 'cn_uscc', make: (g) => g.pick(developers), blank: 0.15 },
    { header: '联系电话', truth: 'cn_mobile', make: (g) => (g.chance(0.78) ? messyMobile(g) : cnLandline(g)), blank: 0.03, placeholders: PH_PHONE },
    { header: '登簿时间', truth: 'decoy', make: (g) => fmtMoment(recentMoment(g), 'iso') },
  ];
  const t = buildTable(r, columns, 240);
  await writeXlsx(join(dir, file), [{ name: 'Sheet1', title: '平潭综合实验区不动产登记簿（2024年1-6月）', headers: columns.map((c) => c.header), rows: t.rows }]);
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 3. 医保结算: XLSX, pinyin and meaningless headers, a summary sheet second

async function medicalSettlement(r: Rng, dir: string): Promise<[string, TruthEntry[]]> {
  const file = '医保结算明细_2024Q1.xlsx';
  const hospitals = ['平潭综合实验区医院', '福建医科大学附属协和医院平潭分院', '平潭综合实验区中医院', '潭城镇卫生院', '金井社区卫生服务中心'];
  const clerks = pool(r, 5, cnLandline);
  const columns: Column[] = [
    { header: '结算单号', truth: 'decoy', make: (g) => idShapedInvalid(g) },
    { header: '医疗机构编码', truth: 'decoy', make: (g) => `H350128${g.digits(5)}` },
    { header: '定点机构名称', truth: 'decoy', make: (g) => g.pick(hospitals) },
    { header: 'CBRXM', truth: 'person_name', make: (g) => messyName(g) },
    { header: 'SFZH', truth: 'cn_resident_id', make: (g) => messyResidentId(g, { fromYear: 1935, toYear: 2020 }, 0.05), blank: 0.02, placeholders: PH_ID },
    { header: 'F6', truth: 'bank_card', make: (g) => bankCard(g), blank: 0.2 },
    { header: '診斷名稱', truth: 'medical_record', make: (g) => (g.chance(0.2) ? `${g.pick(DIAGNOSES)}；${g.pick(DIAGNOSES)}` : g.pick(DIAGNOSES)) },
    { header: 'ZYZDBM', truth: 'medical_record', make: (g) => g.pick(ICD10) },
    { header: '药品条码', truth: 'decoy', make: (g) => (g.chance(0.5) ? Number(ean13(g)) : ean13(g)), blank: 0.1 },
    { header: '医疗总费用', truth: 'decoy', make: (g) => g.int(2000, 6000000) / 100 },
    { header: '统筹支付', truth: 'decoy', make: (g) => g.int(0, 4000000) / 100 },
    { header: '结算时间', truth: 'decoy', make: (g) => recentMoment(g) },
    { header: '经办人座机', truth: 'cn_landline', make: (g) => (g.chance(0.5) ? g.pick(clerks) : cnLandline(g)), blank: 0.05 },
  ];
  const t = buildTable(r, columns, 320);
  await writeXlsx(join(dir, file), [
    { name: '结算明细', headers: columns.map((c) => c.header), rows: t.rows, formats: { 11: 'yyyy-mm-dd hh:mm:ss' } },
    {
      name: '汇总',
      headers: ['定点机构名称', '结算人次', '医疗总费用', '统筹支付'],
      rows: hospitals.map((h) => [h, r.int(20, 120), r.int(100000, 900000) / 100, r.int(50000, 600000) / 100]),
    },
  ]);
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 4. 公积金提取: JSON array of nested objects, English camelCase keys

function housingFund(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'gjj_tq_export.json';
  const employers = pool(r, 25, (g) => ({ unitName: company(g), uscc: uscc(g) }));
  const banks = ['中国工商银行平潭支行', '中国建设银行平潭分行', '中国农业银行平潭支行', '兴业银行平潭分行', '福建海峡银行平潭分行', '中国银行平潭分行'];
  const officers = pool(r, 6, personName);
  const records: unknown[] = [];
  for (let i = 0; i < 200; i++) {
    const applied = randomDate(r, 2023, 2024);
    const mobile = cnMobile(r);
    records.push({
      applyNo: `TQ${ymd(applied)}${pad(i + 1, 6)}`,
      applicant: {
        name: messyName(r),
        idCardNo: messyResidentId(r, { fromYear: 1962, toYear: 2001 }),
        mobilePhone: r.chance(0.4) ? Number(mobile) : r.chance(0.85) ? mobile : messyMobile(r),
        email: r.chance(0.2) ? undefined : r.chance(0.06) ? null : email(r),
      },
      employer: r.pick(employers),
      bankAccount: { bankName: r.pick(banks), cardNo: bankCard(r) },
      withdrawal: {
        reason: r.weighted([[35, '购买自住住房'], [25, '租赁住房'], [15, '偿还购房贷款本息'], [10, '离职提取'], [10, '退休提取'], [5, '重大疾病']]),
        amount: r.int(100000, 30000000) / 100,
        applyDate: ymd(applied, '-'),
      },
      house: r.chance(0.85) ? { address: address(r), contractNo: `FZ${applied.y}-${r.pick(['SP', 'ZL', 'YS'])}-${pad(r.int(1, 99999), 6)}` } : undefined,
      materials: ['身份证', ...(r.chance(0.7) ? ['购房合同'] : []), ...(r.chance(0.5) ? ['银行卡'] : []), ...(r.chance(0.3) ? ['婚姻证明'] : [])],
      approvals: Array.from({ length: r.int(1, 3) }, (_, k) => ({
        node: ['受理', '审核', '审批'][k] as string,
        operator: r.pick(officers),
        time: `${ymd(applied, '-')}T${pad(r.int(8, 17), 2)}:${pad(r.int(0, 59), 2)}:00+08:00`,
      })),
    });
  }
  const data = asJson(records);
  writeFileSync(join(dir, file), JSON.stringify(data, null, 2));
  return [
    file,
    jsonTruth(file, data, {
      applyNo: 'decoy',
      'applicant.name': 'person_name',
      'applicant.idCardNo': 'cn_resident_id',
      'applicant.mobilePhone': 'cn_mobile',
      'applicant.email': 'email',
      'employer.unitName': 'decoy',
      'employer.uscc': 'cn_uscc',
      'bankAccount.bankName': 'decoy',
      'bankAccount.cardNo': 'bank_card',
      'withdrawal.reason': 'decoy',
      'withdrawal.amount': 'decoy',
      'withdrawal.applyDate': 'decoy',
      'house.address': 'address',
      'house.contractNo': 'decoy',
      'materials[]': 'decoy',
      'approvals[].node': 'decoy',
      'approvals[].operator': 'person_name',
      'approvals[].time': 'decoy',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 5. 出入境证件: JSON array, pinyin-abbreviated keys, an optional Hong Kong relative

const PINYIN = ['CHEN', 'LIN', 'HUANG', 'ZHANG', 'LI', 'WANG', 'WU', 'LIU', 'CAI', 'YANG', 'ZHENG', 'XU', 'XIE', 'ZHI', 'MING', 'JIA', 'HAO', 'YU', 'TING', 'WEI', 'XIN', 'HUA'];

function exitEntry(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = '出入境证件申请.json';
  const records: unknown[] = [];
  for (let i = 0; i < 180; i++) {
    const applied = recentMoment(r);
    const kind = r.weighted<string>([[45, '普通护照首次申领'], [20, '普通护照换发'], [25, '往来港澳通行证签注'], [10, '往来台湾通行证']]);
    const isPassport = kind.includes('护照');
    records.push({
      slbh: `CRJ350128${fmtMoment(applied, 'compact').slice(0, 8)}${pad(i + 1, 4)}`,
      sqlx: kind,
      sqr: {
        xm: messyName(r),
        xmpy: `${r.pick(PINYIN)} ${r.pick(PINYIN)}${r.chance(0.6) ? r.pick(PINYIN) : ''}`,
        gmsfhm: messyResidentId(r, { fromYear: 1950, toYear: 2018 }),
        hzhm: isPassport || r.chance(0.3) ? cnPassport(r) : '',
        lxdh: messyMobile(r),
      },
      jjlxr: { xm: personName(r), gx: r.pick(['父亲', '母亲', '配偶', '子女', '兄弟', '朋友']), lxdh: r.chance(0.8) ? cnMobile(r) : messyMobile(r) },
      gaqs: r.chance(0.6) && i > 0 ? { name: traditionalName(r), hkid: hkId(r), hxz: homeReturnPermit(r, 'H'), jzz: r.chance(0.85) ? hkResidencePermit(r, { fromYear: 1950, toYear: 2000 }) : '' } : undefined,
      fee: r.pick([120, 120, 160, 80, 15]),
      sqsj: `${fmtMoment(applied, 'iso').replace(' ', 'T')}+08:00`,
      zjyxqz: `${applied.getUTCFullYear() + 10}-${pad(applied.getUTCMonth() + 1, 2)}-${pad(applied.getUTCDate(), 2)}`,
    });
  }
  const data = asJson(records);
  writeFileSync(join(dir, file), JSON.stringify(data, null, 1));
  return [
    file,
    jsonTruth(file, data, {
      slbh: 'decoy',
      sqlx: 'decoy',
      'sqr.xm': 'person_name',
      'sqr.xmpy': 'free_text',
      'sqr.gmsfhm': 'cn_resident_id',
      'sqr.hzhm': 'cn_passport',
      'sqr.lxdh': 'cn_mobile',
      'jjlxr.xm': 'person_name',
      'jjlxr.gx': 'decoy',
      'jjlxr.lxdh': 'cn_mobile',
      'gaqs.name': 'person_name',
      'gaqs.hkid': 'hk_id',
      'gaqs.hxz': 'hkmo_home_return_permit',
      'gaqs.jzz': 'hk_residence_permit',
      fee: 'decoy',
      sqsj: 'decoy',
      zjyxqz: 'decoy',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 6. 网约车订单: NDJSON, nested objects, numbers as numbers

function rideOrders(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'ride_orders_20240315.ndjson';
  const drivers = pool(r, 40, (g) => ({ name: personName(g), idNo: residentId(g, { fromYear: 1965, toYear: 1998 }), licensePlate: licensePlate(g), vin: vin(g), rating: g.int(45, 50) / 10 }));
  const records: unknown[] = [];
  for (let i = 0; i < 400; i++) {
    const at = new Date(Date.UTC(2024, 2, 15, r.int(0, 23), r.int(0, 59), r.int(0, 59)));
    const status = r.weighted<string>([[80, 'COMPLETED'], [12, 'CANCELLED_BY_PASSENGER'], [5, 'CANCELLED_BY_DRIVER'], [3, 'REFUNDED']]);
    records.push({
      orderId: `${fmtMoment(at, 'compact').slice(0, 12)}${r.digits(7)}`,
      createTime: at.getTime() - 8 * 3600 * 1000,
      status,
      passenger: { phone: r.chance(0.9) ? cnMobile(r) : messyMobile(r) },
      driver: r.pick(drivers),
      route: {
        from: address(r, 0.3),
        fromPoint: geoPoint(r, 'latlng'),
        to: address(r, 0.3),
        toPoint: geoPoint(r, 'latlng'),
        distanceKm: r.int(8, 450) / 10,
      },
      fare: { total: r.int(800, 12000) / 100, couponCode: r.chance(0.3) ? `CPN${Array.from({ length: 8 }, () => r.pick([...'ABCDEFGHJKMNPQRSTUVWXYZ23456789'])).join('')}` : null },
      payment: { channel: r.pick(['WECHAT', 'ALIPAY', 'UNIONPAY']), txnNo: status === 'COMPLETED' ? `42000${r.digits(5)}${fmtMoment(at, 'compact').slice(0, 8)}${r.digits(10)}` : null },
      device: { ip: ipAddress(r), mac: macAddress(r), appVersion: `${r.int(5, 7)}.${r.int(0, 20)}.${r.int(0, 30)}${r.chance(0.6) ? `.${r.int(0, 9)}` : ''}` },
      traceId: uuid(r),
    });
  }
  const data = asJson(records);
  writeFileSync(join(dir, file), data.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return [
    file,
    jsonTruth(file, data, {
      orderId: 'decoy',
      createTime: 'decoy',
      status: 'decoy',
      'passenger.phone': 'cn_mobile',
      'driver.name': 'person_name',
      'driver.idNo': 'cn_resident_id',
      'driver.licensePlate': 'cn_license_plate',
      'driver.vin': 'vin',
      'driver.rating': 'decoy',
      'route.from': 'address',
      'route.fromPoint': 'geo_coordinate',
      'route.to': 'address',
      'route.toPoint': 'geo_coordinate',
      'route.distanceKm': 'decoy',
      'fare.total': 'decoy',
      'fare.couponCode': 'decoy',
      'payment.channel': 'decoy',
      'payment.txnNo': 'decoy',
      'device.ip': 'ip_address',
      'device.mac': 'mac_address',
      'device.appVersion': 'decoy',
      traceId: 'decoy',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 7. 信访件: NDJSON with CRLF line ends, pinyin keys, petitioners as an array

function petitionText(r: Rng): string {
  const who = personName(r);
  return r.pick([
    `反映${address(r, 0.2)}小区物业公司乱收费问题，要求退还多收的物业费${amount(r, 200, 3000)}元。联系人：${who}，电话${cnMobile(r)}。`,
    `来访人${who}称其在平潭综合实验区某工地务工，被拖欠工资${r.int(3, 40)}000元，多次讨要未果，请求协调解决。`,
    `网民反映坛西大道夜间施工噪音扰民，影响休息，希望相关部门加强管理。`,
    `反映征地补偿款未按时发放，涉及村民${r.int(3, 30)}户，要求公开补偿标准。`,
    `${who}反映其子女入学积分认定有误，申请复核。身份证号${residentId(r, { fromYear: 1975, toYear: 1995 })}。`,
    `来信反映小区电梯长期故障，业主多次报修无果。`,
  ]);
}

function petitions(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'xinfang_2024.ndjson';
  const units = ['实验区信访局', '实验区住房和城乡建设局', '实验区社会事业局', '潭城镇人民政府', '实验区市场监督管理局', '实验区综合执法局'];
  const handlers = pool(r, 8, (g) => ({ name: personName(g), tel: cnLandline(g) }));
  const records: unknown[] = [];
  for (let i = 0; i < 220; i++) {
    const d = randomDate(r, 2024, 2024);
    const h = r.pick(handlers);
    records.push({
      xfjbh: `XF350128${d.y}${pad(i + 1, 6)}`,
      djrq: ymd(d, '-'),
      xfxs: r.pick(['来信', '来访', '网上信访', '12345热线转办']),
      xfr: Array.from({ length: r.weighted([[75, 1], [18, 2], [7, 3]]) }, () => ({
        xm: messyName(r),
        zjhm: r.chance(0.12) ? '' : messyResidentId(r, { fromYear: 1940, toYear: 2002 }),
        lxdh: r.chance(0.9) ? messyMobile(r) : cnLandline(r),
        zz: r.chance(0.1) ? '' : address(r),
      })),
      xfnr: petitionText(r),
      blzt: r.weighted([[30, '已办结'], [30, '办理中'], [15, '待受理'], [10, '不予受理'], [15, '已转送']]),
      cbdw: r.pick(units),
      cbr: h.name,
      cbdh: h.tel,
      fjs: r.int(0, 6),
    });
  }
  const data = asJson(records);
  writeFileSync(join(dir, file), data.map((d) => JSON.stringify(d)).join('\r\n') + '\r\n');
  return [
    file,
    jsonTruth(file, data, {
      xfjbh: 'decoy',
      djrq: 'decoy',
      xfxs: 'decoy',
      'xfr[].xm': 'person_name',
      'xfr[].zjhm': 'cn_resident_id',
      'xfr[].lxdh': 'cn_mobile',
      'xfr[].zz': 'address',
      xfnr: 'free_text',
      blzt: 'decoy',
      cbdw: 'decoy',
      cbr: 'person_name',
      cbdh: 'cn_landline',
      fjs: 'decoy',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 8. 学籍: Parquet, upper-case pinyin-initial column names, typed columns (INT64 phones)

function studentRegistry(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'xueji_students.parquet';
  const n = 300;
  const grades = ['七年级', '八年级', '九年级', '高一', '高二', '高三'];
  const cols: { name: string; truth: string; type: BasicType; data: (string | number | bigint | null)[] }[] = [
    { name: 'XH', truth: 'decoy', type: 'STRING', data: [] },
    { name: 'XM', truth: 'person_name', type: 'STRING', data: [] },
    { name: 'XB', truth: 'decoy', type: 'STRING', data: [] },
    { name: 'SFZJH', truth: 'cn_resident_id', type: 'STRING', data: [] },
    { name: 'RXNY', truth: 'decoy', type: 'STRING', data: [] },
    { name: 'BJMC', truth: 'decoy', type: 'STRING', data: [] },
    { name: 'JHRXM', truth: 'person_name', type: 'STRING', data: [] },
    { name: 'JHRSJH', truth: 'cn_mobile', type: 'INT64', data: [] },
    { name: 'JTZZ', truth: 'address', type: 'STRING', data: [] },
    { name: 'XJZT', truth: 'decoy', type: 'STRING', data: [] },
    { name: 'XYKH', truth: 'decoy', type: 'INT64', data: [] },
    { name: 'RXCJ', truth: 'decoy', type: 'INT32', data: [] },
    { name: 'EXT1', truth: 'email', type: 'STRING', data: [] },
  ];
  const push = (name: string, v: string | number | bigint | null): void => {
    const c = cols.find((x) => x.name === name);
    if (c === undefined) throw new Error(name);
    c.data.push(v);
  };
  for (let i = 0; i < n; i++) {
    const sex = r.chance(0.5) ? 'M' : 'F';
    const grade = r.pick(grades);
    push('XH', `2023${pad(r.int(1, 40), 4)}${pad(i + 1, 4)}`);
    push('XM', personName(r));
    push('XB', sex === 'M' ? '男' : '女');
    push('SFZJH', r.chance(0.02) ? null : messyResidentId(r, { sex, fromYear: 2006, toYear: 2013 }, 0));
    push('RXNY', `${r.int(2019, 2024)}-09`);
    push('BJMC', `${grade}(${r.int(1, 12)})班`);
    push('JHRXM', personName(r));
    push('JHRSJH', r.chance(0.05) ? null : BigInt(cnMobile(r)));
    push('JTZZ', address(r));
    push('XJZT', r.weighted([[85, '在读'], [5, '休学'], [5, '转出'], [5, '借读']]));
    push('XYKH', BigInt(2000000000 + r.int(0, 99999999)));
    push('RXCJ', r.int(300, 750));
    push('EXT1', r.chance(0.4) ? null : email(r));
  }
  parquetWriteFile({ filename: join(dir, file), columnData: cols.map((c) => ({ name: c.name, data: c.data, type: c.type })) });
  return [file, cols.map((c, index) => ({ index, header: c.name, truth: c.truth }))];
}

// ---------------------------------------------------------------------------------------------
// 9. 物业缴费: CSV, UTF-8 with BOM, CRLF, quoted cells with commas and embedded newlines

function propertyFees(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = '物业缴费_2024.csv';
  const columns: Column[] = [
    { header: '收费单号', truth: 'decoy', make: (g) => `WY${ymd(randomDate(g, 2024, 2024))}${g.digits(4)}` },
    { header: '楼栋', truth: 'decoy', make: (g) => g.pick(BUILDINGS) },
    { header: '房号', truth: 'decoy', make: (g) => roomNo(g) },
    { header: '业主姓名', truth: 'person_name', make: (g) => messyName(g) },
    { header: '业主电话', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.05, placeholders: PH_PHONE },
    { header: '车牌号', truth: 'cn_license_plate', make: (g) => licensePlate(g), blank: 0.3, placeholders: ['', '', '无车'] },
    { header: '车位号', truth: 'decoy', make: (g) => `${g.pick(['B1', 'B2'])}-${pad(g.int(1, 300), 3)}`, blank: 0.3 },
    { header: '收费项目', truth: 'decoy', make: (g) => g.weighted([[50, '物业服务费'], [20, '车位管理费'], [15, '公摊水电费'], [10, '装修保证金'], [5, '垃圾清运费']]) },
    { header: '金额', truth: 'decoy', make: (g) => amount(g, 30, 6000, 'mixed') },
    { header: '发票号码', truth: 'decoy', make: (g) => `24352000000${g.digits(9)}`, blank: 0.15 },
    { header: '代扣卡号', truth: 'bank_card', make: (g) => bankCard(g), blank: 0.4 },
    { header: '缴费时间', truth: 'decoy', make: (g) => fmtMoment(recentMoment(g), 'slash') },
    {
      header: '备注',
      truth: 'free_text',
      make: (g) =>
        g.pick([
          '业主要求开具纸质发票',
          '已电话通知\n业主本人确认',
          `租户代缴，租户电话${cnMobile(g)}`,
          '预缴2024年全年，\n享9.5折',
          '车位月卡续费，"夜间"停车',
          `房屋已出售，新业主${personName(g)}，\r\n待办理过户`,
        ]),
      blank: 0.6,
    },
  ];
  const t = buildTable(r, columns, 300);
  writeFileSync(join(dir, file), '\uFEFF' + csvText(columns.map((c) => c.header), t.rows, ',', '\r\n'));
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------
// 10. 台胞就业: pipe-delimited CSV, Traditional headers and values

function taiwanEmployment(r: Rng, dir: string): [string, TruthEntry[]] {
  const file = 'taibao_jiuye_2024.csv';
  const employers = pool(r, 15, (g) => ({ name: toTraditional(company(g)), code: uscc(g) }));
  const columns: Column[] = [
    { header: '序號', truth: 'decoy', make: (_g, row) => row.rowNo as number },
    { header: '姓名', truth: 'person_name', make: (g) => traditionalName(g) },
    { header: '台胞證號碼', truth: 'tw_travel_permit', make: (g) => twTravelPermit(g) },
    { header: '居住證號碼', truth: 'tw_residence_permit', make: (g) => twResidencePermit(g, { fromYear: 1960, toYear: 2002 }), blank: 0.25 },
    { header: '身分證字號', truth: 'tw_national_id', make: (g) => twNationalId(g), blank: 0.05 },
    { header: '台灣手機', truth: 'tw_mobile', make: (g) => twMobile(g), blank: 0.08 },
    { header: '大陸手機', truth: 'cn_mobile', make: (g) => messyMobile(g), blank: 0.15 },
    { header: '電子郵件', truth: 'email', make: (g) => email(g, ['gmail.com', 'yahoo.com.tw', 'hotmail.com', 'msa.hinet.net', 'qq.com', '163.com']), blank: 0.1 },
    {
      header: '用人單位',
      truth: 'decoy',
      make: (g, row) => {
        const e = g.pick(employers);
        row.employer = e;
        return e.name;
      },
    },
    { header: '統一社會信用代碼', truth: 'cn_uscc', make: (_g, row) => (row.employer as { code: string }).code },
    { header: '職位', truth: 'decoy', make: (g) => g.pick(['工程師', '業務經理', '教師', '醫師', '設計師|兼職', '行政專員', '導遊']) },
    { header: '月薪(元)', truth: 'decoy', make: (g) => g.int(60, 300) * 100 },
    { header: '入職日期', truth: 'decoy', make: (g) => { const d = randomDate(g, 2019, 2024); return `${d.y}/${d.m}/${d.d}`; } },
    { header: '勞動合同編號', truth: 'decoy', make: (g) => `PT-HT-${g.int(2019, 2024)}-${pad(g.int(1, 9999), 5)}` },
    { header: '在閩住址', truth: 'address', make: (g) => toTraditional(g.chance(0.6) ? pingtanAddress(g) : address(g)) },
  ];
  const t = buildTable(r, columns, 260);
  writeFileSync(join(dir, file), csvText(columns.map((c) => c.header), t.rows, '|', '\n'));
  return [file, flatTruth(columns)];
}

// ---------------------------------------------------------------------------------------------

await runTableSet({
  script: 'bench/eval/columns-b/generate.ts',
  defaultSeed: 20240601,
  rng: (seed, name) => new Rng(seedFor(seed, name)),
  makers: [
    ['marriage', marriage],
    ['real-estate', realEstate],
    ['medical-settlement', medicalSettlement],
    ['housing-fund', housingFund],
    ['exit-entry', exitEntry],
    ['ride-orders', rideOrders],
    ['petitions', petitions],
    ['student-registry', studentRegistry],
    ['property-fees', propertyFees],
    ['taiwan-employment', taiwanEmployment],
  ],
});
