/**
 * Seventh blind labelled column set for `landao scan` (columns-g), written without reading the
 * scanner, its recognisers or the earlier sets' value makers (see README.md).
 *
 *   npx tsx bench/eval/columns-g/generate.ts --out DIR [--seed N]   # default seed 20240612
 *   npx tsx bench/eval/columns-g/check.ts DIR [--all]                # reads the set back, no scanner
 *   npx tsx bench/eval/columns-eval.ts DIR                           # the scorer
 *
 * Twelve files on domains new to sets E and F (门诊药房发药, 渔船出港报备, 台胞驾照换领, 充电桩结算,
 * 校友捐赠, 法院执行案件, 携号转网, 跨境电商进口清单, 民宿入住登记, 社保欠费名单, 智慧养老手环 IoT,
 * 银行柜员流水) in CSV (GBK with CRLF, UTF-8 with BOM and CRLF, UTF-8; comma, semicolon and pipe),
 * TSV, XLSX (merged title row, two sheets, date and number cells), JSON, NDJSON and Parquet.
 *
 * DIR/truth.json: `{ file: [{ index, header, truth }] }`, truth a detector type id, `decoy` or
 * `free_text`; JSON/NDJSON headers are paths (a.b[].c) in order of first appearance, depth first. For
 * XLSX the labelled data is on the first sheet. Output is byte-identical between runs and time zones:
 * every zip entry of an XLSX file is stamped 2024-06-12 09:00 and every date is built in UTC.
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
  ALLERGIES,
  DIAGNOSES,
  DRUGS,
  FUJIAN,
  OTHER,
  PINGTAN,
  PINGTAN_BOX,
  bankCard,
  between,
  birthDate,
  clean,
  cnAddress,
  cnLandline,
  cnMobile,
  cnPassport,
  county,
  cyp2c19,
  dirtyId,
  dirtyLandline,
  dirtyMobile,
  dirtyName,
  email,
  fmtDate,
  fmtDateTime,
  geo,
  groupCard,
  hex,
  hkName,
  hkid,
  homeReturnPermit,
  iccid,
  imei,
  ipv4Private,
  ipv4Public,
  ipv6,
  luhnFailing,
  mac,
  mtp,
  otherPgx,
  personName,
  pingtanAddress,
  pinyinish,
  plate,
  residencePermit,
  residentId,
  rngFor,
  twAddress,
  twMobile,
  twName,
  twNationalId,
  typeHits,
  uscc,
  utc,
  vin,
  wrongCheck18,
  ymd,
} from './values.ts';
import type { Rng } from './values.ts';

export interface Entry {
  index: number;
  header: string;
  truth: string;
}

type Cell = string | number | Date | bigint | boolean | null;

interface Col<R> {
  /** Header; `col_#`/`field_#` become the column's 1-based position. */
  h: string;
  t: string;
  v: (row: R, r: Rng) => Cell;
  /** Types a decoy is meant to look like (intended look-alikes): not redrawn. */
  like?: readonly string[];
}

const PLACEHOLDERS = ['无', '-', 'NULL', '/', '未提供', 'N/A'];

function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return fmtDateTime(c);
  return String(c);
}

/** Builds the rows; decoy cells that match a type by accident (not listed in `like`) are drawn again. */
function buildTable<R>(r: Rng, n: number, rowOf: (r: Rng, i: number) => R, cols: Col<R>[]): { headers: string[]; rows: Cell[][]; entries: Entry[] } {
  const headers = cols.map((c, i) => c.h.replace(/^(col|field)_#$/, `$1_${i + 1}`));
  const rows: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const row = rowOf(r, i);
    rows.push(
      cols.map((c) => {
        if (c.t !== 'decoy') return c.v(row, r);
        for (let k = 0; k < 60; k++) {
          const v = c.v(row, r);
          if (v instanceof Date || typeof v === 'boolean' || v === null) return v;
          if (typeHits(String(v)).every((t) => (c.like ?? []).includes(t))) return v;
        }
        throw new Error(`decoy ${c.h} keeps matching a type: ${String(c.v(row, r))}`);
      }),
    );
  }
  return { headers, rows, entries: cols.map((c, i) => ({ index: i, header: headers[i] as string, truth: c.t })) };
}

// ---------------------------------------------------------------------------------------------
// Writers

function delimited(headers: string[], rows: Cell[][], sep: string, eol: string): string {
  const q = (s: string): string => (s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);
  return [headers, ...rows.map((row) => row.map(cellText))].map((cells) => cells.map(q).join(sep)).join(eol) + eol;
}

function writeText(path: string, text: string, enc: 'utf8' | 'utf8bom' | 'gbk'): void {
  if (enc === 'gbk') {
    const buf = iconv.encode(text, 'gbk');
    if (iconv.decode(buf, 'gbk') !== text) throw new Error(`${path}: text does not survive GBK`);
    writeFileSync(path, buf);
  } else writeFileSync(path, (enc === 'utf8bom' ? '\uFEFF' : '') + text, 'utf8');
}

const FIXED = utc(2024, 6, 12, 9, 0, 0);

/** Stamps every local header and central-directory entry of a zip 2024-06-12 09:00 (DOS time). */
function fixZipTimes(buf: Buffer): Buffer {
  const time = (9 << 11) | (0 << 5) | 0;
  const date = ((2024 - 1980) << 9) | (6 << 5) | 12;
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

interface XlsxSpec {
  sheet: string;
  title: string;
  headers: string[];
  rows: Cell[][];
  dateFmt: Record<number, string>;
  widths?: number;
  second: { name: string; rows: Cell[][] };
}

async function writeXlsx(path: string, s: XlsxSpec): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'landao-bench';
  wb.lastModifiedBy = 'landao-bench';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet(s.sheet);
  ws.mergeCells(1, 1, 1, s.headers.length);
  const title = ws.getCell(1, 1);
  title.value = s.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.getRow(2).values = s.headers;
  ws.getRow(2).font = { bold: true };
  s.rows.forEach((row, i) => {
    const xr = ws.getRow(i + 3);
    row.forEach((c, j) => {
      if (c === null || c === '') return;
      const cell = xr.getCell(j + 1);
      cell.value = typeof c === 'bigint' ? Number(c) : typeof c === 'boolean' ? (c ? '是' : '否') : c;
      if (c instanceof Date) cell.numFmt = s.dateFmt[j] ?? 'yyyy-mm-dd hh:mm:ss';
    });
  });
  ws.columns.forEach((col) => {
    col.width = s.widths ?? 16;
  });
  const ws2 = wb.addWorksheet(s.second.name);
  for (const row of s.second.rows) ws2.addRow(row.map((c) => (c === null ? '' : typeof c === 'bigint' ? Number(c) : c)));
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  writeFileSync(path, fixZipTimes(buf));
}

interface PqCol {
  name: string;
  type: BasicType;
  data: Cell[];
}

function writeParquet(path: string, cols: PqCol[]): void {
  const ab = parquetWriteBuffer({
    columnData: cols.map((c) => ({ name: c.name, type: c.type, data: c.data as never })),
    createdBy: 'landao-bench columns-g',
  });
  writeFileSync(path, Buffer.from(ab));
}

/** Labels of JSON paths in first-seen order; every path must be labelled and every label used. */
function jsonEntries(file: string, records: unknown[], labels: Record<string, string>): Entry[] {
  const paths = jsonPaths(records);
  const missing = paths.filter((p) => labels[p] === undefined);
  const unused = Object.keys(labels).filter((p) => !paths.includes(p));
  if (missing.length > 0 || unused.length > 0) throw new Error(`${file}: unlabelled paths ${missing.join(', ')}; unused labels ${unused.join(', ')}`);
  return paths.map((p, i) => ({ index: i, header: p, truth: labels[p] as string }));
}

// ---------------------------------------------------------------------------------------------
// Shared pools

const COMPANY_HEADS = ['平潭', '福州', '岚岛', '海坛', '福建', '闽台', '海峡', '榕城', '金井', '坛南湾'];
const COMPANY_MIDS = ['海洋', '海运', '旅游', '贸易', '建设', '水产', '电子', '物流', '食品', '新能源', '文化传媒', '渔业', '供应链', '科技', '酒店管理'];
function companyName(r: Rng): string {
  return `${r.pick(COMPANY_HEADS)}${r.pick(COMPANY_MIDS)}${r.pick(['有限公司', '有限公司', '股份有限公司', '发展有限公司', '实业有限公司'])}`;
}
const iso8 = (d: Date): string => {
  const x = new Date(d.getTime() + 8 * 3600_000);
  return `${fmtDate(x)}T${fmtDateTime(x).slice(11)}+08:00`;
};
const JUNE_1 = utc(2024, 6, 1);
const JUNE_12 = utc(2024, 6, 12, 15, 59, 59);
const blankOr = <T>(r: Rng, p: number, v: () => T): T | string => (r.chance(p) ? r.pick(PLACEHOLDERS) : v());

// ---------------------------------------------------------------------------------------------
// 1. Hospital outpatient pharmacy dispensing log (XLSX, merged title row, two sheets, date cells)

const APPROVALS: Record<string, string> = {};
function approvalNo(r: Rng, drug: string): string {
  const known = APPROVALS[drug];
  if (known !== undefined) return known;
  const v = r.chance(0.85) ? `国药准字H${r.pick(['2005', '2010', '2013', '3502', '3702', '4402', '1998'])}${r.digits(4)}` : `国药准字J${r.pick(['2015', '2017', '2020'])}${r.digits(4)}`;
  APPROVALS[drug] = v;
  return v;
}

async function makePharmacy(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'yiyuan_menzhen_fayao_202406.xlsx';
  for (const k of Object.keys(APPROVALS)) delete APPROVALS[k];
  const doctors = Array.from({ length: 22 }, () => personName(r));
  const pharmacists = Array.from({ length: 9 }, () => personName(r));
  const depts = ['心血管内科', '内分泌科', '呼吸与危重症医学科', '神经内科', '老年病科', '全科医学科', '消化内科', '骨科门诊', '皮肤科', '精神心理科', '心内科一病区', '肿瘤科二病区', '发热门诊'];
  const patients = Array.from({ length: 420 }, () => {
    const female = r.chance(0.5);
    const birth = birthDate(r, 18, 88);
    return { name: personName(r), id: residentId(r, { birth, female, county: county(r, 0.85) }), mobile: cnMobile(r), birth, female, card: '0128' + r.digits(8), dx: [r.pick(DIAGNOSES), ...(r.chance(0.35) ? [r.pick(DIAGNOSES)] : [])], allergy: r.chance(0.26) ? r.pick(ALLERGIES) : null, cyp: r.chance(0.22) ? cyp2c19(r) : null, pgx: r.chance(0.18) ? otherPgx(r) : null, insurance: r.weighted([['职工医保', 5], ['居民医保', 3], ['自费', 1], ['异地医保', 1]] as const) };
  });
  interface Row {
    p: (typeof patients)[number];
    when: Date;
    drug: readonly [string, string];
    qty: number;
    price: number;
  }
  const rowOf = (r: Rng): Row => {
    const p = r.pick(patients);
    const when = between(r, utc(2024, 6, 1, 0, 30), JUNE_12);
    const drug = r.pick(DRUGS);
    return { p, when, drug, qty: r.int(1, 6), price: r.float(3, 180, 2) };
  };
  const cols: Col<Row>[] = [
    { h: '处方号', t: 'decoy', v: (x, r) => `CF${ymd(x.when)}${r.digits(5)}` },
    { h: '处方日期', t: 'decoy', v: (x) => utc(x.when.getUTCFullYear(), x.when.getUTCMonth() + 1, x.when.getUTCDate()) },
    { h: '就诊卡号', t: 'decoy', v: (x) => x.p.card },
    { h: '患者姓名', t: 'person_name', v: (x, r) => dirtyName(r, x.p.name) },
    { h: '性别', t: 'decoy', v: (x) => (x.p.female ? '女' : '男') },
    { h: '证件号码', t: 'cn_resident_id', v: (x, r) => (r.chance(0.02) ? r.pick(PLACEHOLDERS) : dirtyId(r, x.p.id)) },
    { h: '联系电话', t: 'cn_mobile', v: (x, r) => (r.chance(0.3) ? Number(x.p.mobile) : dirtyMobile(r, x.p.mobile, 0.1)) },
    { h: '科室/病区', t: 'decoy', v: (_x, r) => r.pick(depts) },
    { h: '开方医生', t: 'person_name', v: (_x, r) => r.pick(doctors) },
    { h: '临床诊断', t: 'medical_record', v: (x) => x.p.dx.join('；') },
    { h: '药品名称', t: 'medical_record', v: (x) => x.drug[0] },
    { h: '规格', t: 'decoy', v: (x) => x.drug[1] },
    { h: '批准文号', t: 'decoy', v: (x, r) => approvalNo(r, x.drug[0]) },
    { h: '生产批号', t: 'decoy', v: (_x, r) => r.weighted([[`2${r.int(3, 4)}${String(r.int(1, 12)).padStart(2, '0')}${r.digits(2)}`, 3], [`B${r.int(23, 24)}${r.digits(5)}`, 1], [`${r.int(23, 24)}${r.digits(4)}-${r.int(1, 3)}`, 1]] as const) },
    { h: '数量', t: 'decoy', v: (x) => x.qty },
    { h: '金额', t: 'decoy', v: (x) => Number((x.qty * x.price).toFixed(2)) },
    { h: 'col_#', t: 'medical_record', v: (x) => x.p.allergy ?? '无' },
    { h: 'CYP2C19基因型', t: 'genetic_data', v: (x) => x.p.cyp ?? '' },
    { h: '药物基因检测(其他)', t: 'genetic_data', v: (x) => x.p.pgx ?? '' },
    { h: '发药窗口', t: 'decoy', v: (_x, r) => r.pick(['1号窗口', '2号窗口', '3号窗口', '5号窗口', '急诊药房', '自助发药机']) },
    { h: '发药药师', t: 'person_name', v: (_x, r) => r.pick(pharmacists) },
    { h: '发药时间', t: 'decoy', v: (x) => x.when },
    { h: '医保类型', t: 'decoy', v: (x) => x.p.insurance },
    {
      h: '用药交代', t: 'free_text', v: (x, r) => r.chance(0.4) ? r.pick([
        '每日一次，早餐后服用，服药期间监测血压。', '如出现皮疹、瘙痒请立即停药并复诊。', '饭前半小时服用，勿与抗酸药同服。', '睡前服用，用药期间避免饮酒。',
        `${x.p.name}家属代取，已电话告知用法用量。`, '整片吞服，不可掰开或嚼碎。', '出现肌肉酸痛、乏力请及时就诊并复查肝功能。', '冷藏保存（2-8℃），开封后28天内用完。',
      ]) : '',
    },
  ];
  const t = buildTable(r, 900, rowOf, cols);
  const dict: Cell[][] = [['药品编码', '通用名', '规格', '批准文号', '生产企业'], ...DRUGS.map(([d, s], i) => [`YP${String(10001 + i)}`, d, s, APPROVALS[d] ?? '', r.pick(['华润双鹤药业股份有限公司', '石药集团欧意药业有限公司', '辉瑞制药有限公司', '齐鲁制药有限公司', '扬子江药业集团有限公司'])])];
  await writeXlsx(join(dir, file), {
    sheet: '发药明细',
    title: '平潭综合实验区总医院 门诊药房发药明细表（2024-06-01 至 2024-06-12）',
    headers: t.headers,
    rows: t.rows,
    dateFmt: { 1: 'yyyy-mm-dd', 21: 'yyyy-mm-dd hh:mm:ss' },
    second: { name: '药品字典', rows: dict },
  });
  return [file, t.entries];
}

// ---------------------------------------------------------------------------------------------
// 2. Fishing vessels' sailing report with crew (GBK CSV, CRLF, pinyin headers)

function makeFishery(r: Rng, dir: string): [string, Entry[]] {
  const file = 'yuchuan_chugang_baobei_202406_gbk.csv';
  const ports = ['东澳渔港', '苏澳渔港', '流水中心渔港', '竹屿口渔港', '娘宫渔港', '钱便澳渔港', '北厝渔港'];
  const methods = ['单拖', '双拖', '灯光围网', '流刺网', '笼壶', '钓具', '桁杆拖虾'];
  const vessels = Array.from({ length: 110 }, () => {
    const owner = { name: personName(r), id: residentId(r, { county: r.chance(0.85) ? PINGTAN : r.pick(FUJIAN), birth: birthDate(r, 30, 70) }), mobile: cnMobile(r) };
    return {
      no: `闽平渔${r.pick(['6', '7', '0', '1'])}${r.digits(4)}`, mmsi: r.pick(['412', '413', '414']) + r.digits(6), bd: String(r.int(1, 9)) + r.digits(6), owner,
      captain: personName(r), card: bankCard(r), method: r.pick(methods), port: r.pick(ports), crewQuota: r.int(6, 28), kw: r.float(88, 662, 1),
      pos: [r.float(24.8, 26.3, 4), r.float(119.95, 121.2, 4)] as [number, number],
    };
  });
  interface Row {
    v: (typeof vessels)[number];
    crew: { name: string; id: string; mobile: string; addr: string; duty: string; ice: string; iceMobile: string; history: string | null; cert: string };
    out: Date;
  }
  const rowOf = (r: Rng): Row => {
    const v = r.pick(vessels);
    const local = r.chance(0.7);
    const c = local ? PINGTAN : r.chance(0.5) ? r.pick(FUJIAN) : r.pick(OTHER);
    const birth = birthDate(r, 19, 62);
    return {
      v,
      out: between(r, JUNE_1, JUNE_12),
      crew: {
        name: personName(r), id: residentId(r, { county: c, birth, female: r.chance(0.05) }), mobile: cnMobile(r), addr: cnAddress(r, c),
        duty: r.weighted([['普通船员', 8], ['轮机长', 1], ['大副', 1], ['二副', 1], ['机工', 1], ['厨工', 1], ['船长', 1]] as const), ice: personName(r), iceMobile: cnMobile(r),
        history: r.chance(0.2) ? r.pick(['高血压', '2型糖尿病', '腰椎间盘突出症', '慢性胃炎', '痛风', '慢性乙型病毒性肝炎', '癫痫', '冠状动脉粥样硬化性心脏病']) : null,
        cert: `FJ${r.int(2012, 2023)}P${r.digits(6)}`,
      },
    };
  };
  const cols: Col<Row>[] = [
    { h: 'bbdh', t: 'decoy', v: (x, r) => `PTYG${ymd(x.out)}${r.digits(4)}` },
    { h: 'cmch', t: 'decoy', v: (x) => x.v.no },
    { h: 'MMSI', t: 'decoy', v: (x) => x.v.mmsi },
    { h: 'bdzdh', t: 'decoy', v: (x) => x.v.bd },
    { h: 'czxm', t: 'person_name', v: (x) => x.v.owner.name },
    { h: 'czsfzh', t: 'cn_resident_id', v: (x, r) => dirtyId(r, x.v.owner.id) },
    { h: 'czlxdh', t: 'cn_mobile', v: (x, r) => dirtyMobile(r, x.v.owner.mobile) },
    { h: 'cyxm', t: 'person_name', v: (x, r) => dirtyName(r, x.crew.name) },
    { h: 'cysfzh', t: 'cn_resident_id', v: (x, r) => (r.chance(0.015) ? r.pick(PLACEHOLDERS) : dirtyId(r, x.crew.id)) },
    { h: 'zw', t: 'decoy', v: (x) => x.crew.duty },
    { h: 'cysj', t: 'cn_mobile', v: (x, r) => blankOr(r, 0.05, () => dirtyMobile(r, x.crew.mobile)) },
    { h: 'hjdz', t: 'address', v: (x, r) => blankOr(r, 0.02, () => x.crew.addr) },
    { h: 'jjlxr', t: 'person_name', v: (x) => x.crew.ice },
    { h: 'jjlxdh', t: 'cn_mobile', v: (x, r) => dirtyMobile(r, x.crew.iceMobile) },
    { h: 'zylx', t: 'decoy', v: (x) => x.v.method, like: ['person_name'] },
    { h: 'cgsj', t: 'decoy', v: (x) => fmtDateTime(x.out).slice(0, 16) },
    { h: 'cgga', t: 'decoy', v: (x) => x.v.port, like: ['person_name'] },
    { h: 'yjfgrq', t: 'decoy', v: (x, r) => fmtDate(new Date(x.out.getTime() + r.int(2, 25) * 86400_000)) },
    { h: 'zhwz', t: 'geo_coordinate', v: (x, r) => (r.chance(0.03) ? '' : geo(r, [x.v.pos[0] - 0.2, x.v.pos[0] + 0.2], [x.v.pos[1] - 0.2, x.v.pos[1] + 0.2])) },
    { h: 'jwbs', t: 'medical_record', v: (x) => x.crew.history ?? '无' },
    { h: 'rybtkh', t: 'bank_card', v: (x, r) => groupCard(r, x.v.card) },
    { h: 'cyzsh', t: 'decoy', v: (x) => x.crew.cert },
    { h: 'zjgl_kw', t: 'decoy', v: (x) => x.v.kw },
    { h: 'bz', t: 'free_text', v: (x, r) => (r.chance(0.25) ? r.pick(['随船携带卫星电话', '新入职船员，已完成安全培训', `临时替换船员，原船员${personName(r)}请假`, '救生筏年检已完成', '船员健康证明待补交', '夜间作业注意避让商船航道']) + (r.chance(0.3) ? `，联系人${x.v.owner.name}` : '') : '') },
  ];
  const t = buildTable(r, 1200, rowOf, cols);
  writeText(join(dir, file), delimited(t.headers, t.rows, ',', '\r\n'), 'gbk');
  return [file, t.entries];
}

// ---------------------------------------------------------------------------------------------
// 3. Taiwan residents exchanging a Taiwan driving licence (TSV, Traditional and Simplified headers)

function makeDriving(r: Rng, dir: string): [string, Entry[]] {
  const file = 'taibao_jiazhao_huanling_2024.tsv';
  interface Row {
    name: string;
    female: boolean;
    birth: Date;
    twId: string;
    mtp: string;
    permit: string | null;
    tw: string;
    cn: string | null;
    mail: string;
    addr: string;
    twAddr: string;
    ice: string;
    mail2: boolean;
    accepted: Date;
  }
  const rowOf = (r: Rng): Row => {
    const female = r.chance(0.45);
    const birth = birthDate(r, 20, 72);
    return {
      name: twName(r), female, birth, twId: twNationalId(r, female), mtp: mtp(r), permit: r.chance(0.45) ? residencePermit(r, '83', birth) : null, tw: twMobile(r),
      cn: r.chance(0.85) ? cnMobile(r) : null, mail: email(r, pinyinish(r), ['yahoo.com.tw', 'gmail.com', 'hotmail.com', 'msa.hinet.net', 'qq.com', '163.com']),
      addr: r.chance(0.7) ? pingtanAddress(r) : cnAddress(r, r.pick(FUJIAN.slice(0, 20))), twAddr: twAddress(r), ice: r.chance(0.6) ? twName(r) : personName(r), mail2: r.chance(0.4),
      accepted: between(r, utc(2024, 1, 2), JUNE_12),
    };
  };
  const cols: Col<Row>[] = [
    { h: '受理编号', t: 'decoy', v: (x, r) => `PTCG${ymd(x.accepted)}${r.digits(4)}` },
    { h: '申請人姓名', t: 'person_name', v: (x, r) => dirtyName(r, x.name) },
    { h: '性別', t: 'decoy', v: (x) => (x.female ? '女' : '男') },
    { h: '出生日期', t: 'decoy', v: (x) => fmtDate(x.birth) },
    { h: '臺灣駕照號碼', t: 'tw_national_id', v: (x, r) => (r.chance(0.03) ? x.twId.toLowerCase() : x.twId) },
    { h: '臺胞證號碼', t: 'tw_travel_permit', v: (x) => x.mtp },
    { h: '居住證號碼', t: 'tw_residence_permit', v: (x) => x.permit ?? '' },
    { h: '臺灣手機', t: 'tw_mobile', v: (x) => x.tw },
    { h: '大陸手機', t: 'cn_mobile', v: (x, r) => (x.cn === null ? '' : dirtyMobile(r, x.cn)) },
    { h: '電子郵件', t: 'email', v: (x, r) => blankOr(r, 0.03, () => x.mail) },
    { h: '大陆居住地址', t: 'address', v: (x) => x.addr },
    { h: '在臺地址', t: 'address', v: (x, r) => blankOr(r, 0.02, () => x.twAddr) },
    { h: '准驾车型', t: 'decoy', v: (_x, r) => r.weighted([['C1', 8], ['C2', 3], ['B2', 1], ['A2', 0.3], ['D', 1], ['E', 0.5]] as const) },
    { h: '臺灣駕照初領日期', t: 'decoy', v: (x, r) => fmtDate(utc(x.birth.getUTCFullYear() + r.int(18, 30), r.int(1, 12), r.int(1, 28)), '/') },
    { h: '档案编号', t: 'decoy', v: (_x, r) => `3501${r.pick(['00', '28'])}${r.digits(6)}` },
    { h: '体检医院', t: 'decoy', v: (_x, r) => r.pick(['平潭综合实验区医院', '平潭协和医院', '福州市第二总医院体检中心', '平潭综合实验区中医院', '美年大健康平潭分院']) },
    { h: '视力(左/右)', t: 'decoy', v: (_x, r) => `${r.pick(['5.0', '4.9', '5.1', '4.8'])}/${r.pick(['5.0', '4.9', '5.1', '4.8', '5.2'])}` },
    { h: '緊急聯絡人', t: 'person_name', v: (x) => x.ice },
    { h: '办理状态', t: 'decoy', v: (_x, r) => r.weighted([['已制证', 5], ['已领证', 4], ['待体检', 1], ['退办', 0.3]] as const) },
    { h: '民警警号', t: 'decoy', v: (_x, r) => `10${r.digits(4)}` },
    { h: '领证方式', t: 'decoy', v: (x) => (x.mail2 ? '邮寄' : '窗口自取') },
    { h: '邮寄单号', t: 'decoy', v: (x, r) => (x.mail2 ? `1${r.pick(['1', '0'])}${r.digits(11)}` : '') },
    { h: '备注', t: 'free_text', v: (x, r) => (r.chance(0.3) ? r.pick(['臺灣駕照逾期三個月，須加考科目一', '申請人委託配偶代領', '已核驗臺灣駕照正本及譯本', `代辦人：${personName(r)}`, '居住證地址與實際居住地不一致，已說明', `聯繫電話 ${x.tw}`]) : '') },
  ];
  const t = buildTable(r, 700, rowOf, cols);
  writeText(join(dir, file), delimited(t.headers, t.rows, '\t', '\n'), 'utf8');
  return [file, t.entries];
}

// ---------------------------------------------------------------------------------------------
// 4. Charging-pile order settlement (CSV, semicolon, UTF-8, English headers)

function makeCharging(r: Rng, dir: string): [string, Entry[]] {
  const file = 'chongdian_dingdan_jiesuan_202406.csv';
  const stations = [
    ['平潭万达广场充电站', 25.5038, 119.7911], ['岚城大道公交充电场站', 25.4912, 119.7745], ['金井湾商务营运中心快充站', 25.4601, 119.7319],
    ['坛南湾景区停车场充电站', 25.4249, 119.7552], ['平潭汽车站超充站', 25.5121, 119.7868], ['海峡如意城地下车库充电站', 25.4985, 119.8012],
    ['龙凤头海滨浴场充电站', 25.5142, 119.8153], ['苏澳镇政府充电站', 25.6113, 119.6901],
  ] as const;
  const operators = Array.from({ length: 8 }, () => uscc(r, r.pick(['350128', '350100', '350104', '440305'])));
  const piles = Array.from({ length: 120 }, (_, i) => {
    const s = stations[i % stations.length] as (typeof stations)[number];
    return {
      id: luhnFailing(`3501280${r.digits(5)}${String(i).padStart(3, '0')}`), station: s[0], lat: (s[1] + r.float(-0.0009, 0.0009, 6)).toFixed(6), lng: (s[2] + r.float(-0.0009, 0.0009, 6)).toFixed(6),
      meter: `13${r.digits(9)}`, mac: mac(r, r.pick(['00:1E:C0', '70:B3:D5', 'A8:40:41'])), iccid: iccid(r), op: operators[i % operators.length] as string,
    };
  });
  const users = Array.from({ length: 900 }, () => ({ phone: cnMobile(r), plate: plate(r, 0.8), vin: r.chance(0.65) ? vin(r) : null, mail: r.chance(0.3) ? email(r, pinyinish(r)) : null }));
  interface Row {
    p: (typeof piles)[number];
    u: (typeof users)[number];
    start: Date;
    kwh: number;
    channel: string;
  }
  const rowOf = (r: Rng): Row => ({ p: r.pick(piles), u: r.pick(users), start: between(r, JUNE_1, JUNE_12), kwh: r.float(3, 68, 2), channel: r.weighted([['微信', 5], ['支付宝', 3], ['银联云闪付', 2.5], ['企业账户', 1]] as const) });
  const cols: Col<Row>[] = [
    { h: 'order_no', t: 'decoy', v: (x, r) => `CD${ymd(x.start)}${r.digits(10)}` },
    { h: 'station_name', t: 'decoy', v: (x) => x.p.station },
    { h: 'pile_id', t: 'decoy', v: (x) => x.p.id },
    { h: 'pile_lat', t: 'decoy', v: (x) => x.p.lat },
    { h: 'pile_lng', t: 'decoy', v: (x) => x.p.lng },
    { h: 'plate_no', t: 'cn_license_plate', v: (x) => x.u.plate },
    { h: 'vin', t: 'vin', v: (x, r) => (x.u.vin === null ? '' : r.chance(0.02) ? x.u.vin.toLowerCase() : x.u.vin) },
    { h: 'user_phone', t: 'cn_mobile', v: (x, r) => dirtyMobile(r, x.u.phone, 0.08) },
    { h: 'meter_addr', t: 'decoy', v: (x) => x.p.meter, like: ['cn_mobile'] },
    { h: 'start_time', t: 'decoy', v: (x) => iso8(x.start) },
    { h: 'kwh', t: 'decoy', v: (x) => x.kwh.toFixed(2) },
    { h: 'total_fee', t: 'decoy', v: (x) => (x.kwh * 1.45).toFixed(2) },
    { h: 'soc_end', t: 'decoy', v: (_x, r) => `${r.int(61, 100)}%` },
    { h: 'pay_channel', t: 'decoy', v: (x) => x.channel },
    { h: 'col_#', t: 'geo_coordinate', v: (x, r) => (r.chance(0.3) ? '' : geo(r, [Number(x.p.lat) - 0.002, Number(x.p.lat) + 0.002], [Number(x.p.lng) - 0.002, Number(x.p.lng) + 0.002])) },
    { h: 'unionpay_qr_txn', t: 'decoy', v: (x, r) => (x.channel === '银联云闪付' ? `62${ymd(x.start).slice(2)}${r.digits(12)}` : '') },
    { h: 'invoice_email', t: 'email', v: (x) => x.u.mail ?? '' },
    { h: 'operator_uscc', t: 'cn_uscc', v: (x) => x.p.op },
    { h: 'pile_mac', t: 'mac_address', v: (x) => x.p.mac },
    { h: 'sim_iccid', t: 'decoy', v: (x) => x.p.iccid },
    { h: 'stop_reason', t: 'decoy', v: (_x, r) => r.weighted([['BMS充满', 5], ['用户主动停止', 4], ['余额不足', 1], ['急停按钮', 0.3], ['枪头过温', 0.2]] as const) },
    { h: 'user_feedback', t: 'free_text', v: (_x, r) => (r.chance(0.1) ? r.pick(['充电枪锁不住，换了2号枪才行', '车位被燃油车占用，希望加强管理', '扫码后一直显示启动中', '夜间照明不足', '电费比导航显示的贵，要求解释', '客服电话打不通']) : '') },
  ];
  const t = buildTable(r, 2400, rowOf, cols);
  writeText(join(dir, file), delimited(t.headers, t.rows, ';', '\n'), 'utf8');
  return [file, t.entries];
}

// ---------------------------------------------------------------------------------------------
// 5. University alumni donations (CSV, UTF-8 with BOM, CRLF)

function makeAlumni(r: Rng, dir: string): [string, Entry[]] {
  const file = 'xiaoyou_juanzeng_mingxi_2024.csv';
  const colleges = [['机械工程学院', ['机械设计制造及其自动化', '车辆工程']], ['经济与管理学院', ['国际经济与贸易', '会计学', '工商管理']], ['海洋学院', ['海洋科学', '水产养殖学']], ['土木工程学院', ['土木工程', '给排水科学与工程']], ['计算机与大数据学院', ['计算机科学与技术', '软件工程']], ['医学院', ['临床医学', '药学', '护理学']], ['外国语学院', ['英语', '日语']]] as const;
  const funds = ['陈嘉庚奖学金', '林文镜助学基金', '校友林建设', '图书馆数字化项目', '海洋学院实验室建设基金', '王宽诚教育基金', '萨本栋奖教金', '百年校庆专项', '学生创新创业基金'];
  interface Row {
    name: string;
    year: number;
    ci: number;
    major: string;
    sno: string;
    id: string | null;
    mobile: string;
    mail: string;
    org: string;
    title: string;
    addr: string;
    amount: number;
    method: string;
    card: string | null;
    orgUscc: string | null;
    tel: string | null;
    date: Date;
  }
  const rowOf = (r: Rng): Row => {
    const year = r.int(1985, 2016);
    const ci = r.int(0, colleges.length - 1);
    const major = r.pick((colleges[ci] as (typeof colleges)[number])[1]);
    const method = r.weighted([['银行转账', 4.5], ['微信', 3], ['支付宝', 1.5], ['支票', 0.5], ['现金', 0.5]] as const);
    const corporate = r.chance(0.3);
    const birth = utc(year - 22, r.int(1, 12), r.int(1, 28));
    return {
      name: personName(r), year, ci, major, sno: `${String(year % 100).padStart(2, '0')}${String(ci + 1).padStart(2, '0')}${r.int(11, 39)}${r.int(10, 40)}${r.digits(3)}`,
      id: r.chance(0.7) ? residentId(r, { birth, county: county(r, 0.7) }) : null, mobile: cnMobile(r), mail: email(r, pinyinish(r)), org: companyName(r),
      title: r.pick(['总经理', '主任医师', '高级工程师', '副教授', '财务总监', '董事长', '律师', '公务员', '项目经理', '首席技术官', '副总裁']), addr: cnAddress(r, county(r, 0.6)),
      amount: r.pick([200, 500, 1000, 2000, 5000, 10000, 50000, 100000, 500000]), method, card: method === '银行转账' ? bankCard(r) : null, orgUscc: corporate ? uscc(r) : null,
      tel: r.chance(0.55) ? cnLandline(r) : null, date: between(r, utc(2024, 1, 1), JUNE_12),
    };
  };
  const cols: Col<Row>[] = [
    { h: '捐赠编号', t: 'decoy', v: (_x, r) => `JZ2024${r.digits(5)}` },
    { h: '捐赠日期', t: 'decoy', v: (x) => fmtDate(x.date) },
    { h: '校友姓名', t: 'person_name', v: (x, r) => dirtyName(r, x.name) },
    { h: '学号', t: 'decoy', v: (x) => x.sno, like: ['cn_mobile', 'cn_landline'] },
    { h: '毕业年份', t: 'decoy', v: (x) => String(x.year + 4) },
    { h: '学院', t: 'decoy', v: (x) => (colleges[x.ci] as (typeof colleges)[number])[0] },
    { h: '专业', t: 'decoy', v: (x) => x.major },
    { h: '证件号码', t: 'cn_resident_id', v: (x, r) => (x.id === null ? '' : dirtyId(r, x.id)) },
    { h: '手机', t: 'cn_mobile', v: (x, r) => dirtyMobile(r, x.mobile) },
    { h: '电子邮箱', t: 'email', v: (x, r) => blankOr(r, 0.03, () => x.mail) },
    { h: '工作单位', t: 'decoy', v: (x) => x.org },
    { h: '职务', t: 'decoy', v: (x) => x.title, like: ['person_name'] },
    { h: '通讯地址', t: 'address', v: (x) => x.addr },
    { h: '捐赠金额(元)', t: 'decoy', v: (x) => x.amount.toFixed(2) },
    { h: '捐赠方式', t: 'decoy', v: (x) => x.method },
    { h: '付款账号', t: 'bank_card', v: (x, r) => (x.card === null ? '' : groupCard(r, x.card)) },
    { h: '捐赠项目', t: 'decoy', v: (_x, r) => r.pick(funds) },
    { h: '单位统一社会信用代码', t: 'cn_uscc', v: (x) => x.orgUscc ?? '' },
    { h: 'col_#', t: 'cn_landline', v: (x, r) => (x.tel === null ? '' : dirtyLandline(r, x.tel)) },
    { h: '财政票据号', t: 'decoy', v: (_x, r) => `35010124-${r.digits(10)}` },
    { h: '是否匿名', t: 'decoy', v: (_x, r) => (r.chance(0.15) ? '是' : '否') },
    { h: '寄语', t: 'free_text', v: (x, r) => (r.chance(0.35) ? r.pick(['祝母校越来越好！', `饮水思源，感恩${(colleges[x.ci] as (typeof colleges)[number])[0]}的培养。`, '愿学弟学妹们学业有成。', `${x.year}级${x.major}全体同学敬赠`, '百年校庆快乐！', '献给我的导师，感谢当年的资助。']) : '') },
  ];
  const t = buildTable(r, 800, rowOf, cols);
  writeText(join(dir, file), delimited(t.headers, t.rows, ',', '\r\n'), 'utf8bom');
  return [file, t.entries];
}

// ---------------------------------------------------------------------------------------------
// 6. Court enforcement cases (JSON array, nested, arrays)

function makeCourt(r: Rng, dir: string): [string, Entry[]] {
  const file = 'fayuan_zhixing_anjian_2024.json';
  const courts = [
    { name: '平潭综合实验区人民法院', code: '闽0128', tels: ['0591-24318100', '0591-24318123', '0591-24318166'] },
    { name: '福州市鼓楼区人民法院', code: '闽0102', tels: ['0591-87605210', '0591-87605233'] },
    { name: '福州市中级人民法院', code: '闽01', tels: ['0591-87562012', '0591-87562088'] },
    { name: '福清市人民法院', code: '闽0181', tels: ['0591-85231120'] },
  ];
  const judges = Array.from({ length: 16 }, () => personName(r));
  const records: unknown[] = [];
  for (let i = 0; i < 700; i++) {
    const court = r.pick(courts);
    const filed = between(r, utc(2023, 9, 1), utc(2024, 6, 1));
    const personApplicant = r.chance(0.93);
    const dishonest = r.chance(0.55);
    const nResp = r.weighted([[1, 6], [2, 3], [3, 1]] as const);
    const respondents = Array.from({ length: nResp }, () => {
      const kind = r.weighted([['cn', 85], ['org', 7], ['hk', 8]] as const);
      const o: Record<string, unknown> = { type: kind === 'org' ? '法人' : '自然人' };
      if (kind === 'org') {
        o.name = companyName(r);
        o.idNo = uscc(r);
      } else if (kind === 'hk') {
        o.name = hkName(r);
        o.idNo = null;
        o.hkId = hkid(r);
      } else {
        o.name = dirtyName(r, personName(r));
        o.idNo = dirtyId(r, residentId(r, { county: county(r, 0.8) }));
      }
      if (kind !== 'org' && r.chance(0.18)) o.passportNo = cnPassport(r);
      o.mobile = r.chance(0.85) ? dirtyMobile(r, cnMobile(r)) : null;
      o.address = kind === 'hk' ? (r.chance(0.5) ? pingtanAddress(r) : null) : r.chance(0.95) ? cnAddress(r, county(r, 0.85)) : null;
      return o;
    });
    const nVeh = r.chance(0.32) ? r.int(1, 2) : 0;
    const measures = ['限制高消费', ...(dishonest ? ['纳入失信被执行人名单'] : []), ...(respondents.some((x) => x.passportNo !== undefined) ? ['限制出境'] : []), ...(r.chance(0.3) ? ['冻结银行存款'] : [])];
    const amount = r.float(3000, 2_000_000, 2);
    records.push({
      caseNo: `（${filed.getUTCFullYear()}）${court.code}执${r.int(100, 9999)}号`,
      filingDate: fmtDate(filed),
      court: { name: court.name, tel: r.pick(court.tels) },
      basis: { docNo: `（${filed.getUTCFullYear() - 1}）${court.code}民初${r.int(100, 9999)}号`, cause: r.pick(['民间借贷纠纷', '买卖合同纠纷', '劳务合同纠纷', '机动车交通事故责任纠纷', '房屋租赁合同纠纷', '金融借款合同纠纷', '追索劳动报酬纠纷']) },
      applicant: { name: personApplicant ? personName(r) : companyName(r) },
      respondents,
      execAmount: amount,
      status: r.pick(['执行中', '终结本次执行程序', '执行完毕', '中止执行']),
      dishonestBehaviour: dishonest ? r.pick(['有履行能力而拒不履行生效法律文书确定义务', '违反财产报告制度', '违反限制消费令', '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行']) : null,
      measures,
      assets: {
        bankAccounts: r.chance(0.5) ? Array.from({ length: r.int(1, 3) }, () => groupCard(r, bankCard(r))) : [],
        vehicles: Array.from({ length: nVeh }, () => ({ plate: plate(r, 0.25), vin: r.chance(0.8) ? vin(r) : null, brand: r.pick(['比亚迪汉', '丰田凯美瑞', '大众帕萨特', '本田雅阁', '五菱宏光', '特斯拉Model Y', '别克GL8']) })),
        realEstate: r.chance(0.26) ? Array.from({ length: r.int(1, 2) }, () => ({ location: cnAddress(r, county(r, 0.9)), areaM2: r.float(45, 260, 2) })) : [],
      },
      judge: { name: r.pick(judges) },
      publishDate: fmtDate(new Date(filed.getTime() + r.int(20, 120) * 86400_000)),
      notes: r.chance(0.3) ? r.pick(['被执行人下落不明，已公告送达', '申请执行人同意分期履行，每月还款5000元', '查封车辆因无法扣押暂未处置', '被执行人已达成和解，待履行完毕后结案', '经网络查控未发现可供执行财产']) : null,
    });
  }
  const labels: Record<string, string> = {
    caseNo: 'decoy', filingDate: 'decoy', 'court.name': 'decoy', 'court.tel': 'cn_landline', 'basis.docNo': 'decoy', 'basis.cause': 'decoy',
    'applicant.name': 'person_name', 'respondents[].type': 'decoy', 'respondents[].name': 'person_name', 'respondents[].idNo': 'cn_resident_id', 'respondents[].hkId': 'hk_id',
    'respondents[].passportNo': 'cn_passport', 'respondents[].mobile': 'cn_mobile', 'respondents[].address': 'address', execAmount: 'decoy', status: 'decoy',
    dishonestBehaviour: 'decoy', 'measures[]': 'decoy', 'assets.bankAccounts[]': 'bank_card', 'assets.vehicles[].plate': 'cn_license_plate', 'assets.vehicles[].vin': 'vin',
    'assets.vehicles[].brand': 'decoy', 'assets.realEstate[].location': 'address', 'assets.realEstate[].areaM2': 'decoy', 'judge.name': 'person_name', publishDate: 'decoy', notes: 'free_text',
  };
  writeFileSync(join(dir, file), JSON.stringify(records, null, 2) + '\n');
  return [file, jsonEntries(file, records, labels)];
}

// ---------------------------------------------------------------------------------------------
// 7. Mobile number portability log (Parquet)

function makePorting(r: Rng, dir: string): [string, Entry[]] {
  const file = 'xiehao_zhuanwang_rizhi_202406.parquet';
  const ops = ['中国移动', '中国联通', '中国电信', '中国广电'];
  const stores = ['中国移动平潭城关营业厅', '中国联通平潭北大街营业厅', '中国电信平潭麒麟营业厅', '中国广电平潭服务中心', '中国移动平潭苏澳营业厅'];
  const n = 3000;
  const cols: Record<string, Cell[]> = {};
  const put = (k: string, v: Cell): void => {
    (cols[k] ??= []).push(v);
  };
  for (let i = 0; i < n; i++) {
    const apply = between(r, utc(2024, 5, 20), JUNE_12);
    const src = r.pick(ops);
    const dst = r.pick(ops.filter((o) => o !== src));
    const result = r.weighted([['SUCCESS', 8], ['FAILED', 1.5], ['CANCELLED', 0.5]] as const);
    const channel = r.weighted([['营业厅', 4], ['APP', 5], ['客服热线', 1]] as const);
    const certKind = r.weighted([['cn', 94], ['83', 3], ['81', 2], ['82', 1]] as const);
    const name = certKind === '83' ? twName(r) : certKind === 'cn' ? personName(r) : hkName(r);
    put('port_id', clean(() => `NP${ymd(apply)}${r.digits(8)}`));
    put('msisdn', BigInt(cnMobile(r)));
    put('subscriber_name', dirtyName(r, name));
    put('cert_type', certKind === 'cn' ? '居民身份证' : certKind === '83' ? '台湾居民居住证' : '港澳居民居住证');
    put('cert_no', certKind === 'cn' ? dirtyId(r, residentId(r)) : residencePermit(r, certKind));
    put('src_operator', src);
    put('dst_operator', dst);
    put('apply_time', apply);
    put('port_time', result === 'SUCCESS' ? new Date(apply.getTime() + r.int(3600, 86400) * 1000) : null);
    put('new_iccid', result === 'SUCCESS' ? iccid(r) : null);
    put('channel', channel);
    put('store_name', channel === '营业厅' ? r.pick(stores) : null);
    put('clerk_id', channel === 'APP' ? null : clean(() => `PT${r.digits(4)}`));
    put('client_ip', channel === 'APP' ? (r.chance(0.25) ? ipv6(r) : ipv4Public(r)) : null);
    put('contact_no', r.chance(0.6) ? dirtyMobile(r, cnMobile(r)) : null);
    put('bill_address', r.chance(0.35) ? cnAddress(r, county(r, 0.85)) : null);
    put('result', result);
    put('fail_reason', result === 'FAILED' ? r.pick(['在网期限未满', '存在欠费', '号码处于停机状态', '证件信息不一致', '存在合约未到期']) : null);
    put('arrears_amount', result === 'FAILED' ? r.float(0, 300, 2) : 0);
    put('contract_months', r.pick([0, 0, 12, 24, 36]));
    put('is_vip', r.chance(0.12));
    put('remark', r.chance(0.1) ? r.pick(['用户要求保留原套餐积分', '已告知携出后原合约优惠失效', '授权码短信重发一次', '代办人持委托书办理', '号码为家庭副卡，先解除绑定']) : null);
  }
  const spec: Array<[string, BasicType, string]> = [
    ['port_id', 'STRING', 'decoy'], ['msisdn', 'INT64', 'cn_mobile'], ['subscriber_name', 'STRING', 'person_name'], ['cert_type', 'STRING', 'decoy'], ['cert_no', 'STRING', 'cn_resident_id'],
    ['src_operator', 'STRING', 'decoy'], ['dst_operator', 'STRING', 'decoy'], ['apply_time', 'TIMESTAMP', 'decoy'], ['port_time', 'TIMESTAMP', 'decoy'], ['new_iccid', 'STRING', 'decoy'],
    ['channel', 'STRING', 'decoy'], ['store_name', 'STRING', 'decoy'], ['clerk_id', 'STRING', 'decoy'], ['client_ip', 'STRING', 'ip_address'], ['contact_no', 'STRING', 'cn_mobile'],
    ['bill_address', 'STRING', 'address'], ['result', 'STRING', 'decoy'], ['fail_reason', 'STRING', 'decoy'], ['arrears_amount', 'DOUBLE', 'decoy'], ['contract_months', 'INT32', 'decoy'],
    ['is_vip', 'BOOLEAN', 'decoy'], ['remark', 'STRING', 'free_text'],
  ];
  writeParquet(join(dir, file), spec.map(([name, type]) => ({ name, type, data: cols[name] as Cell[] })));
  return [file, spec.map(([header, , truth], index) => ({ index, header, truth }))];
}

// ---------------------------------------------------------------------------------------------
// 8. Cross-border e-commerce import declaration list (NDJSON)

function makeCustoms(r: Rng, dir: string): [string, Entry[]] {
  const file = 'kuajing_jinkou_qingdan_20240612.ndjson';
  const platforms = [['350196007K', '天猫国际'], ['350196112A', '京东国际'], ['350196308C', '抖音全球购'], ['3501960R5B', '考拉海购'], ['350196051D', '平潭跨境购']] as const;
  const ebcs = Array.from({ length: 12 }, () => ({ name: companyName(r).replace(/有限公司$/, '进出口有限公司'), uscc: uscc(r, r.pick(['350128', '350100', '310115', '440305'])) }));
  const goods = ['爱他美婴儿配方奶粉3段 800g', 'SK-II护肤精华露 230ml', 'Swisse 葡萄籽精华片 180片', 'a2 白金版婴儿奶粉 900g', '雅诗兰黛特润修护精华露 50ml', 'Blackmores 深海鱼油软胶囊 400粒', '资生堂安热沙防晒乳 60ml', '花王纸尿裤 L54片', 'Move Free 氨糖软骨素 120粒', '戴森吹风机 HD15', '乐高积木 城市系列', '纽崔莱蛋白粉 450g'];
  const countries = ['日本', '澳大利亚', '新西兰', '美国', '韩国', '德国', '荷兰', '法国'];
  const lines: string[] = [];
  const records: unknown[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = between(r, utc(2024, 6, 11, 16), JUNE_12);
    const [ebpCode, ebpName] = r.pick(platforms);
    const ebc = r.pick(ebcs);
    const buyerName = personName(r);
    const buyerMobile = cnMobile(r);
    const same = r.chance(0.6);
    const logistics = r.weighted([['SF', 4], ['YT', 2], ['JT', 2], ['EMS', 1]] as const);
    const rec = {
      head: {
        copNo: clean(() => `PTKJ${ymd(t)}${r.digits(6)}`),
        preNo: clean(() => `B${ymd(t)}${r.digits(9)}`),
        declTime: `${ymd(new Date(t.getTime() + 8 * 3600_000))}${fmtDateTime(new Date(t.getTime() + 8 * 3600_000)).slice(11).replace(/:/g, '')}`,
        ebpCode,
        ebpName,
        ebcUscc: ebc.uscc,
        orderNo: clean(() => `${r.pick(['TM', 'JD', 'DY', 'KL', 'PT'])}${r.digits(16)}`),
        logisticsNo: clean(() => (logistics === 'SF' ? `SF${r.digits(13)}` : logistics === 'YT' ? `YT${r.digits(13)}` : logistics === 'JT' ? `JT${r.digits(13)}` : `9${r.digits(12)}`)),
        logisticsName: logistics === 'SF' ? '顺丰速运' : logistics === 'YT' ? '圆通速递' : logistics === 'JT' ? '极兔速递' : '中国邮政EMS',
      },
      buyer: { name: dirtyName(r, buyerName), idType: '1', idNumber: dirtyId(r, residentId(r, { county: county(r, 0.6), birth: birthDate(r, 18, 60) })), telephone: dirtyMobile(r, buyerMobile) },
      consignee: { name: same ? buyerName : personName(r), telephone: same ? buyerMobile : dirtyMobile(r, cnMobile(r)), address: r.chance(0.02) ? null : cnAddress(r, county(r, 0.6)) },
      payment: { payTransactionId: clean(() => (r.chance(0.55) ? `4200002${r.digits(21)}` : `${ymd(t)}22001${r.digits(15)}`)) },
      goods: Array.from({ length: r.weighted([[1, 6], [2, 3], [3, 1]] as const) }, () => ({ itemName: r.pick(goods), price: r.float(39, 1899, 2), country: r.pick(countries) })),
      status: r.weighted([['放行', 8], ['查验', 0.5], ['退单', 0.5], ['申报中', 1]] as const),
      source: { ip: r.chance(0.3) ? ipv6(r) : ipv4Public(r), deviceId: clean(() => `${hex(r, 8, true)}-${hex(r, 4, true)}-${hex(r, 4, true)}-${hex(r, 4, true)}-${hex(r, 12, true)}`) },
    };
    records.push(rec);
    lines.push(JSON.stringify(rec));
  }
  const labels: Record<string, string> = {
    'head.copNo': 'decoy', 'head.preNo': 'decoy', 'head.declTime': 'decoy', 'head.ebpCode': 'decoy', 'head.ebpName': 'decoy', 'head.ebcUscc': 'cn_uscc',
    'head.orderNo': 'decoy', 'head.logisticsNo': 'decoy', 'head.logisticsName': 'decoy', 'buyer.name': 'person_name', 'buyer.idType': 'decoy', 'buyer.idNumber': 'cn_resident_id',
    'buyer.telephone': 'cn_mobile', 'consignee.name': 'person_name', 'consignee.telephone': 'cn_mobile', 'consignee.address': 'address', 'payment.payTransactionId': 'decoy',
    'goods[].itemName': 'decoy', 'goods[].price': 'decoy', 'goods[].country': 'decoy', status: 'decoy', 'source.ip': 'ip_address', 'source.deviceId': 'decoy',
  };
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
  return [file, jsonEntries(file, records, labels)];
}

// ---------------------------------------------------------------------------------------------
// 9. Homestay guest register (XLSX, merged title row, two sheets, date cells)

async function makeHomestay(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'minsu_ruzhu_dengji_2024Q2.xlsx';
  const homestays = [
    ['北港村石头厝民宿', '北港村'], ['龙凤头海景民宿', '潭城镇'], ['仙人井·观海小筑', '苏澳镇'], ['坛南湾·拾光里', '坛南湾'], ['一片瓦民宿', '流水镇'], ['海坛古城·听涛客栈', '潭城镇'],
    ['东美村·渔家小院', '东美村'], ['猴研岛·海峡驿站', '澳前镇'], ['将军山云居', '北厝镇'], ['长江澳风车民宿', '流水镇'], ['君山·半山小院', '中楼乡'], ['磹水村·蓝眼泪之家', '北港村'],
  ].map(([n, v]) => ({ name: n as string, village: v as string, tel: cnLandline(r, '0591') }));
  interface Row {
    h: (typeof homestays)[number];
    kind: 'cn' | 'tw' | 'hk' | 'mo';
    name: string;
    id: string | null;
    mtp: string | null;
    hrp: string | null;
    addr: string | null;
    mobile: string | null;
    tw: string | null;
    companion: string | null;
    plate: string | null;
    checkin: Date;
    nights: number;
    channel: string;
    origin: string;
  }
  const rowOf = (r: Rng): Row => {
    const kind = r.weighted([['cn', 74], ['tw', 15], ['hk', 7], ['mo', 4]] as const);
    const c = county(r, 0.5);
    const checkin = between(r, utc(2024, 4, 1, 4), utc(2024, 6, 11, 12));
    return {
      h: r.pick(homestays), kind, name: kind === 'cn' ? personName(r) : kind === 'tw' ? twName(r) : hkName(r),
      id: kind === 'cn' ? residentId(r, { county: c }) : null, mtp: kind === 'tw' ? mtp(r) : null, hrp: kind === 'hk' || kind === 'mo' ? homeReturnPermit(r, kind === 'hk') : null,
      addr: kind === 'cn' ? cnAddress(r, c) : null, mobile: kind === 'cn' || r.chance(0.4) ? cnMobile(r) : null, tw: kind === 'tw' ? twMobile(r) : null,
      companion: r.chance(0.42) ? (kind === 'tw' ? twName(r) : kind === 'cn' ? personName(r) : hkName(r)) : null, plate: kind === 'cn' && r.chance(0.4) ? plate(r, 0.3) : null,
      checkin, nights: r.weighted([[1, 5], [2, 3], [3, 1], [5, 0.5]] as const), channel: r.weighted([['携程', 4], ['美团', 3], ['小红书', 1], ['Airbnb', 1], ['电话预订', 1]] as const),
      origin: kind === 'cn' ? c.city : kind === 'tw' ? r.pick(['台北市', '新北市', '台中市', '高雄市', '桃园市']) : kind === 'hk' ? '香港' : '澳门',
    };
  };
  const cols: Col<Row>[] = [
    { h: '登记单号', t: 'decoy', v: (x, r) => `MS${ymd(x.checkin)}${r.digits(4)}` },
    { h: '民宿名称', t: 'decoy', v: (x) => x.h.name, like: ['person_name'] },
    { h: '民宿电话', t: 'cn_landline', v: (x, r) => dirtyLandline(r, x.h.tel) },
    { h: '房间号', t: 'decoy', v: (_x, r) => r.weighted([[`${r.pick(['A', 'B'])}${r.int(1, 3)}0${r.int(1, 6)}`, 3], [`${r.int(1, 3)}0${r.int(1, 8)}`, 3], [`${r.pick(['海景大床房', '亲子房', '观星阁楼'])}-${r.int(1, 4)}`, 2]] as const) },
    { h: '客人姓名', t: 'person_name', v: (x, r) => dirtyName(r, x.name) },
    { h: '证件类型', t: 'decoy', v: (x) => ({ cn: '居民身份证', tw: '台湾居民来往大陆通行证', hk: '港澳居民来往内地通行证', mo: '港澳居民来往内地通行证' })[x.kind] },
    { h: '身份证号', t: 'cn_resident_id', v: (x, r) => (x.id === null ? '' : dirtyId(r, x.id)) },
    { h: '台胞证号', t: 'tw_travel_permit', v: (x) => x.mtp ?? '' },
    { h: '回乡证号', t: 'hkmo_home_return_permit', v: (x) => x.hrp ?? '' },
    { h: '证件地址', t: 'address', v: (x) => x.addr ?? '' },
    { h: '手机号', t: 'cn_mobile', v: (x, r) => (x.mobile === null ? '' : r.chance(0.25) ? Number(x.mobile) : dirtyMobile(r, x.mobile)) },
    { h: '台湾手机', t: 'tw_mobile', v: (x) => x.tw ?? '' },
    { h: '同住人', t: 'person_name', v: (x) => x.companion ?? '' },
    { h: '车牌号', t: 'cn_license_plate', v: (x) => x.plate ?? '' },
    { h: '入住时间', t: 'decoy', v: (x) => x.checkin },
    { h: '退房时间', t: 'decoy', v: (x) => new Date(utc(x.checkin.getUTCFullYear(), x.checkin.getUTCMonth() + 1, x.checkin.getUTCDate(), 4).getTime() + x.nights * 86400_000) },
    { h: '房费', t: 'decoy', v: (x, r) => x.nights * r.pick([268, 328, 388, 458, 588, 688]) },
    { h: '预订渠道', t: 'decoy', v: (x) => x.channel },
    { h: '渠道订单号', t: 'decoy', v: (x, r) => (x.channel === '携程' ? `1${r.pick(['1', '2'])}${r.digits(11)}` : x.channel === '美团' ? `MT${r.digits(12)}` : x.channel === 'Airbnb' ? `HM${[...Array(8)].map(() => r.pick([...'ABCDEFGHJKMNPQRSTWXYZ2345689'])).join('')}` : x.channel === '小红书' ? `P${r.digits(15)}` : '') },
    { h: '门锁密码', t: 'secret', v: (_x, r) => (r.chance(0.06) ? '' : `${r.int(1, 9)}${r.digits(5)}`) },
    { h: '客源地', t: 'decoy', v: (x) => x.origin, like: ['person_name'] },
    { h: '所在村镇', t: 'decoy', v: (x) => x.h.village, like: ['person_name'] },
    { h: '备注', t: 'free_text', v: (x, r) => (r.chance(0.2) ? r.pick(['客人要求加床', '携带宠物犬一只，已收清洁费', '凌晨抵达，前台留门', '押金已退回', `由${x.name}代订`, '看蓝眼泪团，需早起叫醒']) : '') },
  ];
  const t = buildTable(r, 1000, rowOf, cols);
  const rooms: Cell[][] = [['民宿名称', '房间号', '房型', '床型', '挂牌价'], ...homestays.flatMap((h) => [1, 2, 3].map((k) => [h.name, `${k}0${r.int(1, 6)}`, r.pick(['海景大床房', '亲子房', '标准双床房']), r.pick(['1.8米大床', '1.2米双床']), r.pick([288, 358, 458])] as Cell[]))];
  await writeXlsx(join(dir, file), {
    sheet: '入住登记',
    title: '平潭综合实验区民宿旅客入住登记表（2024年第二季度）',
    headers: t.headers,
    rows: t.rows,
    dateFmt: { 14: 'yyyy-mm-dd hh:mm', 15: 'yyyy-mm-dd hh:mm' },
    second: { name: '房间设置', rows: rooms },
  });
  return [file, t.entries];
}

// ---------------------------------------------------------------------------------------------
// 10. Social-insurance arrears list (CSV, pipe-separated, UTF-8)

function makeSocial(r: Rng, dir: string): [string, Entry[]] {
  const file = 'shebao_qianfei_mingdan_2024Q2.csv';
  const employers = Array.from({ length: 150 }, (_, i) => ({
    no: `S350128${String(1000 + i * 7).padStart(5, '0')}`, name: companyName(r), uscc: uscc(r, r.chance(0.7) ? '350128' : r.pick(FUJIAN).code), legal: r.chance(0.2) ? twName(r) : personName(r),
    tel: cnLandline(r, '0591'), addr: pingtanAddress(r), hr: `${r.pick(['hr', 'renshi', 'admin', 'hrd'])}${r.chance(0.3) ? r.int(1, 9) : ''}@${r.pick(['pthx', 'ptjc', 'lanhai', 'ptwl', 'hxmy', 'ptsc'])}${r.int(10, 99)}.${r.pick(['com', 'cn', 'com.cn'])}`,
    note: r.chance(0.3) ? r.pick(['企业经营困难，申请分期补缴', '已停业，法定代表人联系不上', '正在办理破产清算', '承诺于7月底前补缴完毕', '系统升级导致扣款失败，已补扣']) : '',
  }));
  interface Row {
    e: (typeof employers)[number];
    kind: 'cn' | 'hk' | 'mo' | 'tw';
    name: string;
    id: string | null;
    hkId: string | null;
    hkPermit: string | null;
    moPermit: string | null;
    twPermit: string | null;
    twId: string | null;
    ssc: string | null;
    card: string;
    mobile: string;
    months: number;
    base: number;
  }
  const rowOf = (r: Rng): Row => {
    const kind = r.weighted([['cn', 86], ['hk', 4.5], ['mo', 3], ['tw', 6.5]] as const);
    const birth = birthDate(r, 20, 60);
    return {
      e: r.pick(employers), kind, name: kind === 'cn' ? personName(r) : kind === 'tw' ? twName(r) : hkName(r), id: kind === 'cn' ? residentId(r, { birth, county: county(r, 0.7) }) : null,
      hkId: kind === 'hk' ? hkid(r) : null, hkPermit: kind === 'hk' && r.chance(0.85) ? residencePermit(r, '81', birth) : null, moPermit: kind === 'mo' ? residencePermit(r, '82', birth) : null,
      twPermit: kind === 'tw' ? residencePermit(r, '83', birth) : null, twId: kind === 'tw' && r.chance(0.9) ? twNationalId(r) : null,
      ssc: kind === 'cn' ? `${r.pick([...'ABCDFJKLST'])}${r.digits(8)}` : null, card: bankCard(r, 0.03), mobile: cnMobile(r), months: r.int(1, 9), base: r.pick([2030, 2500, 3200, 4500, 6000, 8500]),
    };
  };
  const cols: Col<Row>[] = [
    { h: '单位编号', t: 'decoy', v: (x) => x.e.no },
    { h: '单位名称', t: 'decoy', v: (x) => x.e.name },
    { h: '统一社会信用代码', t: 'cn_uscc', v: (x) => x.e.uscc },
    { h: '法定代表人', t: 'person_name', v: (x) => x.e.legal },
    { h: '单位联系电话', t: 'cn_landline', v: (x, r) => dirtyLandline(r, x.e.tel) },
    { h: '单位地址', t: 'address', v: (x) => x.e.addr },
    { h: '个人编号', t: 'decoy', v: (_x, r) => `1000${r.digits(8)}` },
    { h: '姓名', t: 'person_name', v: (x, r) => dirtyName(r, x.name) },
    { h: '证件类型', t: 'decoy', v: (x) => ({ cn: '居民身份证', hk: '港澳居民居住证', mo: '港澳居民居住证', tw: '台湾居民居住证' })[x.kind] },
    { h: '公民身份号码', t: 'cn_resident_id', v: (x, r) => (x.id === null ? '' : dirtyId(r, x.id)) },
    { h: '香港身份证号', t: 'hk_id', v: (x) => x.hkId ?? '' },
    { h: '香港居民居住证号', t: 'hk_residence_permit', v: (x) => x.hkPermit ?? '' },
    { h: '澳门居民居住证号', t: 'mo_residence_permit', v: (x) => x.moPermit ?? '' },
    { h: '台湾居民居住证号', t: 'tw_residence_permit', v: (x) => x.twPermit ?? '' },
    { h: '台湾身份证号', t: 'tw_national_id', v: (x) => x.twId ?? '' },
    { h: '社会保障卡号', t: 'decoy', v: (x) => x.ssc ?? '' },
    { h: '社保卡金融账号', t: 'bank_card', v: (x, r) => blankOr(r, 0.02, () => x.card) },
    { h: '联系手机', t: 'cn_mobile', v: (x, r) => dirtyMobile(r, x.mobile) },
    { h: '险种', t: 'decoy', v: (_x, r) => r.pick(['企业职工基本养老保险', '职工基本医疗保险', '失业保险', '工伤保险']) },
    { h: '缴费基数', t: 'decoy', v: (x) => x.base.toFixed(2) },
    { h: '欠费期间', t: 'decoy', v: (x) => `2023${String(12 - Math.min(x.months, 11) + 1).padStart(2, '0')}-2024${String(Math.min(6, x.months)).padStart(2, '0')}` },
    { h: '欠费金额', t: 'decoy', v: (x) => (x.base * 0.16 * x.months).toFixed(2) },
    { h: '滞纳金', t: 'decoy', v: (x) => (x.base * 0.16 * x.months * 0.0005 * 30 * x.months).toFixed(2) },
    { h: 'col_#', t: 'email', v: (x) => x.e.hr },
    { h: '催缴文书号', t: 'decoy', v: (x) => `平社保催〔2024〕${String(x.e.no.slice(-3)).padStart(4, '0')}号` },
    { h: '情况说明', t: 'free_text', v: (x) => x.e.note },
  ];
  const t = buildTable(r, 2500, rowOf, cols);
  writeText(join(dir, file), delimited(t.headers, t.rows, '|', '\n'), 'utf8');
  return [file, t.entries];
}

// ---------------------------------------------------------------------------------------------
// 11. Elderly-care wristband IoT export (NDJSON, nested)

function makeIot(r: Rng, dir: string): [string, Entry[]] {
  const file = 'zhihui_yanglao_shouhuan_20240612.ndjson';
  const devices = Array.from({ length: 300 }, (_, i) => ({
    pk: 'a1' + [...Array(9)].map(() => r.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'])).join(''),
    dn: `PTYL-WB-${String(i + 1).padStart(5, '0')}`, imei: imei(r), mac: mac(r, r.pick(['C8:47:8C', 'E0:7D:EA', '58:BF:25'])), ip: r.chance(0.7) ? ipv4Private(r, '10') : ipv6(r),
    secret: hex(r, 32), fw: `V${r.int(2, 3)}.${r.int(0, 9)}.${r.int(1, 30)}_2024${String(r.int(1, 5)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`,
    wearer: { name: personName(r), phone: cnMobile(r), guardian: cnMobile(r), chronic: r.chance(0.6) ? [r.pick(DIAGNOSES.slice(0, 26)), ...(r.chance(0.4) ? [r.pick(['高血压', '2型糖尿病', '冠状动脉粥样硬化性心脏病', '慢性阻塞性肺疾病'])] : [])].join(';') : null },
    home: [r.float(PINGTAN_BOX[0][0], PINGTAN_BOX[0][1], 5), r.float(PINGTAN_BOX[1][0], PINGTAN_BOX[1][1], 5)] as [number, number],
    gw: `GW24${hex(r, 2, true)}${r.digits(6)}`,
  }));
  const lines: string[] = [];
  const records: unknown[] = [];
  const start = utc(2024, 6, 11, 16).getTime();
  for (let i = 0; i < 3000; i++) {
    const d = r.pick(devices);
    const ts = start + Math.floor((i / 3000) * 86400_000) + r.int(0, 20_000);
    const event = i < 300 ? 'REGISTER' : r.weighted([['HEARTBEAT', 20], ['LOCATION', 10], ['SOS', 0.6], ['FALL', 0.4], ['LOW_BATTERY', 1], ['REGISTER', 0.5]] as const);
    const rec: Record<string, unknown> = {
      ts,
      msgId: clean(() => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(r, 3)}-${hex(r, 12)}`),
      event,
      device: { productKey: d.pk, deviceName: d.dn, imei: d.imei, mac: d.mac, ip: d.ip, fw: d.fw },
    };
    if (event === 'REGISTER') rec.credentials = { deviceSecret: d.secret, mqttPassword: hex(r, 40, true) };
    rec.wearer = { name: d.wearer.name, phone: dirtyMobile(r, d.wearer.phone, 0.05), guardianPhone: d.wearer.guardian, chronic: d.wearer.chronic };
    const hasFix = event !== 'HEARTBEAT' || r.chance(0.3);
    const lat = d.home[0] + r.float(-0.01, 0.01, 6);
    const lng = d.home[1] + r.float(-0.01, 0.01, 6);
    rec.location = {
      point: hasFix ? `${lat.toFixed(6)},${lng.toFixed(6)}` : null,
      cell: `460-${r.pick(['00', '01', '11'])}-${r.int(20000, 29999)}-${r.int(10000, 99999)}`,
      gridCenter: `${lat.toFixed(2)},${lng.toFixed(2)}`,
    };
    rec.metrics = { heartRate: r.int(52, 118), spo2: r.int(90, 99) };
    rec.gateway = { sn: d.gw };
    records.push(rec);
    lines.push(JSON.stringify(rec));
  }
  const labels: Record<string, string> = {
    ts: 'decoy', msgId: 'decoy', event: 'decoy', 'device.productKey': 'decoy', 'device.deviceName': 'decoy', 'device.imei': 'decoy', 'device.mac': 'mac_address', 'device.ip': 'ip_address',
    'device.fw': 'decoy', 'credentials.deviceSecret': 'secret', 'credentials.mqttPassword': 'secret', 'wearer.name': 'person_name', 'wearer.phone': 'cn_mobile', 'wearer.guardianPhone': 'cn_mobile',
    'wearer.chronic': 'medical_record', 'location.point': 'geo_coordinate', 'location.cell': 'decoy', 'location.gridCenter': 'decoy', 'metrics.heartRate': 'decoy',
    'metrics.spo2': 'decoy', 'gateway.sn': 'decoy',
  };
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
  return [file, jsonEntries(file, records, labels)];
}

// ---------------------------------------------------------------------------------------------
// 12. Bank-branch teller journal (Parquet)

function makeTeller(r: Rng, dir: string): [string, Entry[]] {
  const file = 'yinhang_guiyuan_liushui_20240612.parquet';
  const terminals = Array.from({ length: 20 }, (_, i) => ({ ip: `10.35.128.${21 + i}`, mac: mac(r, '00:E0:4C'), teller: `T${1020 + i}`, branch: i < 12 ? 'FJPT001' : 'FJPT003' }));
  const txns = [['1001', '个人开户'], ['2001', '活期存款'], ['2003', '活期取款'], ['3005', '跨行转账'], ['3008', '跨境汇款'], ['4002', '挂失补卡'], ['5001', '理财赎回'], ['6003', '密码重置']] as const;
  const n = 2500;
  const cols: Record<string, Cell[]> = {};
  const put = (k: string, v: Cell): void => {
    (cols[k] ??= []).push(v);
  };
  const day = utc(2024, 6, 12, 0, 30);
  for (let i = 0; i < n; i++) {
    const term = r.pick(terminals);
    const t = new Date(day.getTime() + Math.floor((i / n) * 8 * 3600_000) + r.int(0, 9000));
    const [code, name] = r.pick(txns);
    const kind = r.weighted([['cn', 90], ['hk', 6], ['mo', 4]] as const);
    const transfer = code === '3005' || code === '3008';
    put('jrnl_no', wrongCheck18(r, `350128${ymd(t)}${r.digits(3)}`));
    put('txn_time', t);
    put('branch_no', term.branch);
    put('teller_id', term.teller);
    put('txn_code', code);
    put('txn_name', name);
    put('cust_name', dirtyName(r, kind === 'cn' ? personName(r) : hkName(r)));
    put('cert_no', kind === 'cn' ? dirtyId(r, residentId(r, { county: county(r, 0.85) })) : null);
    put('hmt_permit', kind === 'cn' ? null : homeReturnPermit(r, kind === 'hk'));
    put('passport', code === '3008' || r.chance(0.08) ? cnPassport(r) : null);
    put('acct_no', bankCard(r, 0.03));
    put('counter_acct', transfer ? clean(() => `${r.pick(['1', '3', '4'])}${r.digits(r.pick([11, 13]))}`) : null);
    put('amount', r.float(10, 200000, 2));
    put('cust_mobile', r.chance(0.05) ? null : dirtyMobile(r, cnMobile(r)));
    put('agent_name', r.chance(0.15) ? personName(r) : null);
    put('term_ip', term.ip);
    put('term_mac', term.mac);
    put('voucher_no', clean(() => `PZ${r.digits(8)}`));
    put('is_reversal', r.chance(0.02));
    put('seq_in_day', i + 1);
    put('sign_hash', hex(r, 64));
    put('memo', r.chance(0.15) ? r.pick(['客户为老年人，已核实本人意愿', '代理人持公证委托书办理', '大额取现已提前预约', '跨境汇款用途：留学学费', '客户自述接到“公检法”电话，已劝阻并报警', '卡片消磁补办']) : null);
  }
  const spec: Array<[string, BasicType, string]> = [
    ['jrnl_no', 'STRING', 'decoy'], ['txn_time', 'TIMESTAMP', 'decoy'], ['branch_no', 'STRING', 'decoy'], ['teller_id', 'STRING', 'decoy'], ['txn_code', 'STRING', 'decoy'],
    ['txn_name', 'STRING', 'decoy'], ['cust_name', 'STRING', 'person_name'], ['cert_no', 'STRING', 'cn_resident_id'], ['hmt_permit', 'STRING', 'hkmo_home_return_permit'],
    ['passport', 'STRING', 'cn_passport'], ['acct_no', 'STRING', 'bank_card'], ['counter_acct', 'STRING', 'decoy'], ['amount', 'DOUBLE', 'decoy'],
    ['cust_mobile', 'STRING', 'cn_mobile'], ['agent_name', 'STRING', 'person_name'], ['term_ip', 'STRING', 'ip_address'], ['term_mac', 'STRING', 'mac_address'],
    ['voucher_no', 'STRING', 'decoy'], ['is_reversal', 'BOOLEAN', 'decoy'], ['seq_in_day', 'INT32', 'decoy'], ['sign_hash', 'STRING', 'decoy'], ['memo', 'STRING', 'free_text'],
  ];
  writeParquet(join(dir, file), spec.map(([name, type]) => ({ name, type, data: cols[name] as Cell[] })));
  return [file, spec.map(([header, , truth], index) => ({ index, header, truth }))];
}

await runTableSet<Rng, Entry>({
  script: 'bench/eval/columns-g/generate.ts',
  defaultSeed: 20240612,
  rng: rngFor,
  makers: [
    ['pharmacy', makePharmacy],
    ['fishery', makeFishery],
    ['driving', makeDriving],
    ['charging', makeCharging],
    ['alumni', makeAlumni],
    ['court', makeCourt],
    ['porting', makePorting],
    ['customs', makeCustoms],
    ['homestay', makeHomestay],
    ['social', makeSocial],
    ['iot', makeIot],
    ['teller', makeTeller],
  ],
});
