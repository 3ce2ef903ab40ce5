/**
 * Tenth blind labelled column set for `landao scan` (columns-j), written without reading the scanner,
 * its recognisers or the earlier sets' value makers (see README.md).
 *
 *   npx tsx bench/eval/columns-j/generate.ts --out DIR [--seed N]   # default seed 20240901
 *   npx tsx bench/eval/columns-j/check.ts DIR [--all]                # reads the set back, no scanner
 *   npx tsx bench/eval/columns-eval.ts DIR                           # the scorer
 *
 * Twelve files on domains new to the earlier sets: 驾培学员档案, 殡仪馆服务登记, 电动自行车上牌, 计算机等级考试报名,
 * 公租房配租, 台胞青年创业基地入驻, 网吧上网实名登记, 口腔诊所就诊, 建筑工地实名制考勤, 民用无人机实名登记,
 * 马拉松报名, 月子中心入住 — in CSV (GBK without BOM + CRLF, UTF-8 BOM + CRLF, UTF-8 LF; comma, semicolon,
 * pipe), TSV, XLSX (merged title row, two sheets, date and number cells), JSON (array, nested, arrays),
 * NDJSON and Parquet (INT64 mobiles, TIMESTAMP, INT32, DOUBLE, BOOLEAN).
 *
 * DIR/truth.json: `{ file: [{ index, header, truth }] }`, truth a detector type id, `decoy` or `free_text`;
 * JSON/NDJSON headers are paths (a.b[].c) in order of first appearance. For XLSX the labelled data is the
 * first sheet. Output is byte-identical between runs and time zones: every date is built in UTC (local
 * times are wall-clock values held as UTC) and every zip entry of an XLSX file is stamped 2024-09-01 09:00.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import {
  BOX_FUJIAN,
  COMPOUND_SURNAMES,
  TW_COMPOUND,
  BOX_FUZHOU,
  BOX_PINGTAN,
  DEATH_CAUSES,
  DENTAL_DX,
  DENTAL_ICD,
  DENTAL_RX,
  DENTAL_TX,
  FUJIAN,
  FUZHOU,
  FUZHOU_DISTRICTS,
  MARATHON_DRUGS,
  MARATHON_HISTORY,
  MATERNAL_DX,
  MATERNAL_RX,
  NEWBORN_SCREEN,
  OTHER,
  type County,
  type Rng,
  addDays,
  addMinutes,
  address,
  bankCard,
  cnMobile,
  cnPassport,
  coachPlate,
  dirtyId,
  email,
  fmtMobile,
  geo,
  groupCard,
  hearingPanel,
  hkid,
  homeReturnPermit,
  idFor,
  il1Genotype,
  ipv4Public,
  ipv6,
  isoLocal,
  landline,
  legacyId,
  luhnValid,
  mac,
  makeRng,
  mtp,
  noChecksum,
  pad,
  password,
  permitId,
  personName,
  pingtanOffice,
  pingtanOfficeTrad,
  plate,
  randomDate,
  redraw,
  twMobile,
  twName,
  twNationalId,
  uscc,
  utc,
  vin,
  ymd,
  ymdCompact,
  ymdhms,
} from './values.ts';

type Cell = string | number | bigint | boolean | Date | null;

interface Entry {
  index: number;
  header: string;
  truth: string;
}

/** A labelled column: header and truth. */
type Spec = ReadonlyArray<readonly [string, string]>;

const REF = utc(2024, 6, 30);

// ---------------------------------------------------------------------------------------------
// Writers

function entriesOf(spec: Spec): Entry[] {
  return spec.map(([header, truth], index) => ({ index, header, truth }));
}

function rowsOf(spec: Spec, recs: ReadonlyArray<Record<string, Cell>>): Cell[][] {
  return recs.map((rec) =>
    spec.map(([h]) => {
      if (!(h in rec)) throw new Error(`row without column ${h}`);
      return rec[h] as Cell;
    }),
  );
}

function text(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return ymd(c);
  return String(c);
}

interface DelimOpts {
  delimiter: string;
  eol: '\n' | '\r\n';
  encoding: 'utf8' | 'gbk';
  bom: boolean;
}

function writeDelimited(dir: string, file: string, spec: Spec, recs: ReadonlyArray<Record<string, Cell>>, o: DelimOpts): [string, Entry[]] {
  const quote = (s: string): string => (s.includes(o.delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [spec.map(([h]) => quote(h)).join(o.delimiter), ...rowsOf(spec, recs).map((r) => r.map((c) => quote(text(c))).join(o.delimiter))];
  const body = lines.join(o.eol) + o.eol;
  let buf: Buffer;
  if (o.encoding === 'gbk') {
    buf = iconv.encode(body, 'gbk');
    if (iconv.decode(buf, 'gbk') !== body) throw new Error(`${file}: text does not survive GBK`);
  } else buf = Buffer.from(body, 'utf8');
  if (o.bom) buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
  writeFileSync(join(dir, file), buf);
  return [file, entriesOf(spec)];
}

const STAMP = utc(2024, 9, 1, 9, 0, 0);

/** Restamps every local header and central-directory entry (and extended-timestamp extras) of a zip. */
function restampZip(src: Buffer, when: Date): Buffer {
  const b = Buffer.from(src);
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2);
  const dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const unix = Math.floor(when.getTime() / 1000);
  const fixExtras = (start: number, len: number): void => {
    let p = start;
    while (p + 4 <= start + len) {
      const id = b.readUInt16LE(p);
      const size = b.readUInt16LE(p + 2);
      if (id === 0x5455 && size >= 5) {
        const flags = b.readUInt8(p + 4);
        let q = p + 5;
        for (let bit = 0; bit < 3 && q + 4 <= p + 4 + size; bit++) {
          if (flags & (1 << bit)) {
            b.writeUInt32LE(unix, q);
            q += 4;
          }
        }
      }
      p += 4 + size;
    }
  };
  let eocd = -1;
  for (let i = b.length - 22; i >= 0; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    b.writeUInt16LE(dosTime, p + 12);
    b.writeUInt16LE(dosDate, p + 14);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    fixExtras(p + 46 + nameLen, extraLen);
    const local = b.readUInt32LE(p + 42);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    b.writeUInt16LE(dosTime, local + 10);
    b.writeUInt16LE(dosDate, local + 12);
    fixExtras(local + 30 + b.readUInt16LE(local + 26), b.readUInt16LE(local + 28));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return b;
}

interface XlsxOpts {
  title: string;
  sheet: string;
  spec: Spec;
  recs: ReadonlyArray<Record<string, Cell>>;
  widths?: Record<string, number>;
  second: { name: string; headers: string[]; rows: Cell[][] };
}

async function writeXlsx(dir: string, file: string, o: XlsxOpts): Promise<[string, Entry[]]> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '数据导出';
  wb.lastModifiedBy = '数据导出';
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet(o.sheet);
  const n = o.spec.length;
  ws.addRow([o.title]);
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.addRow(o.spec.map(([h]) => h));
  header.font = { bold: true };
  for (const row of rowsOf(o.spec, o.recs)) {
    const added = ws.addRow(row.map((c) => (c === null ? null : typeof c === 'bigint' ? Number(c) : c)));
    row.forEach((c, i) => {
      if (c instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  o.spec.forEach(([h], i) => {
    ws.getColumn(i + 1).width = o.widths?.[h] ?? Math.min(28, Math.max(8, h.length * 2 + 4));
  });
  const ws2 = wb.addWorksheet(o.second.name);
  ws2.addRow(o.second.headers);
  for (const r of o.second.rows) ws2.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(join(dir, file), restampZip(buf, STAMP));
  return [file, entriesOf(o.spec)];
}

interface PqCol {
  name: string;
  truth: string;
  type: BasicType;
  data: Cell[];
}

function writeParquet(dir: string, file: string, cols: PqCol[]): [string, Entry[]] {
  const ab = parquetWriteBuffer({
    columnData: cols.map((c) => ({ name: c.name, type: c.type, data: c.data as never, nullable: true })),
    createdBy: 'columns-j generator',
  });
  writeFileSync(join(dir, file), Buffer.from(ab));
  return [file, cols.map((c, index) => ({ index, header: c.name, truth: c.truth }))];
}

function jsonEntries(records: unknown[], truth: Record<string, string>, file: string): Entry[] {
  const paths = jsonPaths(records);
  for (const p of paths) if (truth[p] === undefined) throw new Error(`${file}: path ${p} has no label`);
  for (const p of Object.keys(truth)) if (!paths.includes(p)) throw new Error(`${file}: labelled path ${p} never occurs`);
  return paths.map((header, index) => ({ index, header, truth: truth[header] as string }));
}

// ---------------------------------------------------------------------------------------------
// Shared makers

interface Person {
  name: string;
  male: boolean;
  birth: Date;
  id: string;
  county: County;
}

function person(r: Rng, counties: readonly County[], minAge: number, maxAge: number, surname?: string, sex?: 'm' | 'f'): Person {
  // aged minAge…maxAge on 2024-06-30
  const birth = randomDate(r, utc(REF.getUTCFullYear() - maxAge - 1, 7, 1), utc(REF.getUTCFullYear() - minAge, 6, 30));
  const male = sex === undefined ? r.chance(0.5) : sex === 'm';
  const county = r.pick(counties);
  return { name: personName(r, male, surname), male, birth, id: idFor(county.code, birth, male, r), county };
}

/** The surname of a generated name (undefined for a minority name). */
function surnameOf(name: string): string | undefined {
  const n = name.replace(/\s/g, '');
  if (n.includes('·')) return undefined;
  return COMPOUND_SURNAMES.includes(n.slice(0, 2)) || TW_COMPOUND.includes(n.slice(0, 2)) ? n.slice(0, 2) : n.slice(0, 1);
}

/** Mostly Fujian, some from other provinces. */
function originMix(r: Rng, otherShare: number): readonly County[] {
  return r.chance(otherShare) ? OTHER : r.chance(0.7) ? FUZHOU : FUJIAN;
}

function hex(r: Rng, n: number, upper = false): string {
  let s = '';
  for (let i = 0; i < n; i++) s += r.int(0, 15).toString(16);
  return upper ? s.toUpperCase() : s;
}

/** A v4 UUID; drawn again when a hex group happens to pass a checksum (an 8-character group can be HKID-shaped). */
function uuid(r: Rng): string {
  return redraw(() => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(r, 3)}-${hex(r, 12)}`, noChecksum);
}

/** WeChat Pay transaction id: 4200002xxx + date + 10 digits (28 digits). */
function wechatTxn(r: Rng, d: Date): string {
  return `420000${r.int(1000, 2999)}${ymdCompact(d)}${r.digits(10)}`;
}

/** Alipay trade no: date + 2200 + 1 + 15 digits (28 digits). */
function alipayTrade(r: Rng, d: Date): string {
  return `${ymdCompact(d)}2200${r.int(1, 2)}${r.digits(15)}`;
}

function money(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** An address in a county of another province (the household-registration address on an ID card). */
function otherAddress(r: Rng, c: County): string {
  const head = c.province === c.city ? `${c.city}${c.county}` : `${c.province}${c.city}${c.county}`;
  return r.chance(0.6)
    ? `${head}${r.pick(['城关镇', '长岗乡', '梅江镇', '河口镇', '新华街道', '东山镇'])}${r.pick(['新建村', '高田村', '石门村', '下湾村', '长兴村'])}${r.pick(['', `${r.int(1, 9)}组`])}${r.int(1, 120)}号`
    : `${head}${r.pick(['人民路', '解放路', '建设路', '长征路', '中山路'])}${r.int(1, 400)}号`;
}

function idAddress(r: Rng, p: Person): string {
  return p.county.province === '福建省' ? address(r) : otherAddress(r, p.county);
}

// ---------------------------------------------------------------------------------------------
// 1. 驾培学员档案 (XLSX, merged title row, two sheets)

async function jiapei(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const N = 1600;
  const shops = ['仓山万达报名点', '大学城报名点', '晋安五四北报名点', '长乐吴航报名点', '台江宝龙报名点', '鼓楼西湖报名点', '马尾罗星报名点', '闽侯上街报名点'].map((name) => ({ name, phone: landline(r, '0591') }));
  const coaches = Array.from({ length: 30 }, () => {
    const p = person(r, FUZHOU, 30, 55);
    return { name: p.name.trim(), plate: coachPlate(r), vin: vin(r, r.pick(['LSV', 'LFV', 'LSG', 'LVG']), r.pick(['J', 'K', 'L', 'M', 'N', 'P'])) };
  });
  const counts = new Map<string, number>();
  const spec: Spec = [
    ['序号', 'decoy'], ['学员编号', 'decoy'], ['姓名', 'person_name'], ['性别', 'decoy'], ['身份证号', 'cn_resident_id'], ['出生日期', 'decoy'],
    ['联系电话', 'cn_mobile'], ['现住址', 'address'], ['申领车型', 'decoy'], ['报名日期', 'decoy'], ['报名点', 'decoy'], ['报名点电话', 'cn_landline'],
    ['教练员', 'person_name'], ['教练车号牌', 'cn_license_plate'], ['教练车VIN', 'vin'], ['科目一成绩', 'decoy'], ['科目二状态', 'decoy'],
    ['视力(左/右)', 'decoy'], ['驾驶证档案编号', 'decoy'], ['缴费流水号', 'decoy'], ['培训费(元)', 'decoy'], ['字段22', 'cn_mobile'],
    ['身份证有效期', 'decoy'], ['备注', 'free_text'],
  ];
  const recs: Record<string, Cell>[] = [];
  for (let i = 0; i < N; i++) {
    const p = person(r, originMix(r, 0.12), 18, 52);
    const reg = randomDate(r, utc(2024, 1, 2), utc(2024, 6, 28));
    const shop = r.pick(shops);
    const coach = r.pick(coaches);
    counts.set(coach.name, (counts.get(coach.name) ?? 0) + 1);
    const k1 = r.chance(0.85) ? r.weighted([[r.int(90, 100), 70], [r.int(60, 89), 30]]) : null;
    const k2 = k1 === null ? '未考' : k1 < 90 ? '未考' : r.weighted([['合格', 45], ['不合格', 15], ['约考中', 25], ['未考', 15]]);
    const passed = k2 === '合格' && r.chance(0.6);
    const mobile = cnMobile(r);
    const issue = randomDate(r, utc(2012, 1, 1), utc(2023, 12, 31));
    const ageAtIssue = issue.getUTCFullYear() - p.birth.getUTCFullYear();
    const validity = ageAtIssue < 26 ? 10 : ageAtIssue < 46 ? 20 : 0;
    const vis = (): string => r.pick(['5.0', '5.0', '4.9', '4.8', '5.1', '4.7', '4.6']);
    recs.push({
      序号: i + 1,
      学员编号: `${reg.getUTCFullYear()}${r.pick(['A', 'B', 'C'])}${pad(i + 101, 5)}`,
      姓名: p.name,
      性别: p.male ? '男' : '女',
      身份证号: dirtyId(r, p.id),
      出生日期: p.birth,
      联系电话: r.chance(0.5) ? Number(mobile) : fmtMobile(r, mobile),
      现住址: r.chance(0.03) ? '' : address(r, FUZHOU_DISTRICTS),
      申领车型: r.weighted([['C1', 68], ['C2', 24], ['D', 3], ['E', 2], ['A2', 1], ['B2', 1], ['C5', 1]]),
      报名日期: reg,
      报名点: shop.name,
      报名点电话: shop.phone,
      教练员: coach.name,
      教练车号牌: coach.plate,
      教练车VIN: coach.vin,
      科目一成绩: k1,
      科目二状态: k2,
      '视力(左/右)': `${vis()}/${vis()}`,
      驾驶证档案编号: passed ? `3501${r.digits(8)}` : '',
      缴费流水号: wechatTxn(r, reg),
      '培训费(元)': r.pick([3800, 4200, 4500, 4980, 5200]),
      字段22: r.chance(0.92) ? fmtMobile(r, cnMobile(r), 0.05) : '',
      身份证有效期: validity === 0 ? `${ymd(issue, '.')}-长期` : `${ymd(issue, '.')}-${issue.getUTCFullYear() + validity}.${ymd(issue, '.').slice(5)}`,
      备注: r.chance(0.35)
        ? r.pick([
            `科目二第一次未通过，已约${r.int(7, 9)}月补考`,
            '学员要求更换教练，已调整',
            `分期付款，首付${r.pick([1500, 2000, 2500])}元，余款考前结清`,
            '外地户籍，已提交居住证复印件',
            `已退学，退费${r.pick([1800, 2600, 3000])}元`,
            '体检复查辨色力正常',
            `周末班，只能周六练车，联系人${personName(r, r.chance(0.5))}`,
            '学员自带体检表，已核验',
            `转入学员，原驾校${r.pick(['顺安驾校', '福大驾校', '鑫隆驾校'])}，学时已同步`,
          ])
        : '',
    });
  }
  return writeXlsx(dir, 'jiapei_xueyuan_dangan_2024H1.xlsx', {
    title: '福州鑫安驾驶培训有限公司 学员档案（2024年1月—6月）',
    sheet: '学员档案',
    spec,
    recs,
    widths: { 身份证号: 22, 现住址: 44, 缴费流水号: 32, 教练车VIN: 22, 身份证有效期: 24, 备注: 40 },
    second: { name: '教练员汇总', headers: ['教练员', '教练车号牌', '在训学员数'], rows: coaches.map((c) => [c.name, c.plate, counts.get(c.name) ?? 0]) },
  });
}

// ---------------------------------------------------------------------------------------------
// 2. 殡仪馆服务登记 (CSV, GBK without BOM, CRLF, pinyin headers)

function binyiguan(r: Rng, dir: string): [string, Entry[]] {
  const N = 1200;
  const hearses = Array.from({ length: 12 }, () => plate(r, 'A', r.chance(0.3) ? 'ne' : 'fuel'));
  const spec: Spec = [
    ['djbh', 'decoy'], ['szxm', 'person_name'], ['xb', 'decoy'], ['szsfzh', 'cn_resident_id'], ['swrq', 'decoy'], ['swyy', 'medical_record'],
    ['swzmbh', 'decoy'], ['hhzh', 'decoy'], ['jbrxm', 'person_name'], ['jbrgx', 'decoy'], ['jbrsfzh', 'cn_resident_id'], ['jbrsj', 'cn_mobile'],
    ['jbrzj', 'cn_landline'], ['jtzz', 'address'], ['ljcp', 'cn_license_plate'], ['ghqx', 'decoy'], ['jcgw', 'decoy'], ['lcg', 'decoy'],
    ['fwtc', 'decoy'], ['fyhj', 'decoy'], ['hmbt', 'decoy'], ['sjh', 'decoy'], ['bz', 'free_text'],
  ];
  const recs: Record<string, Cell>[] = [];
  for (let i = 0; i < N; i++) {
    const death = randomDate(r, utc(2024, 1, 1), utc(2024, 6, 28));
    const age = r.weighted([[r.int(45, 64), 15], [r.int(65, 79), 35], [r.int(80, 99), 50]]);
    const birth = randomDate(r, utc(death.getUTCFullYear() - age - 1, death.getUTCMonth() + 1, 1), utc(death.getUTCFullYear() - age, death.getUTCMonth() + 1, 1));
    const male = r.chance(0.55);
    const county = r.pick(r.chance(0.85) ? FUZHOU : FUJIAN);
    const legacy = birth.getUTCFullYear() < 1950 && r.chance(0.12);
    const id = legacy ? legacyId(r, [county], birth, male) : idFor(county.code, birth, male, r);
    const name = personName(r, male);
    const rel = r.weighted<string>([['儿子', 34], ['女儿', 24], ['配偶', 16], ['兄弟', 5], ['侄子', 5], ['儿媳', 6], ['女婿', 4], ['外甥', 3], ['姐妹', 3]]);
    const sameSurname = ['儿子', '女儿', '兄弟', '侄子', '姐妹'].includes(rel);
    const agentMale = ['儿子', '兄弟', '侄子', '女婿', '外甥'].includes(rel) ? true : ['女儿', '儿媳', '姐妹'].includes(rel) ? false : !male;
    const agent = person(r, [county], 25, 75, sameSurname ? surnameOf(name) : undefined, agentMale ? 'm' : 'f');
    const cause = r.pick(DEATH_CAUSES);
    const causeText = r.weighted<string>([
      [cause, 70],
      [`直接死因：${r.pick(['呼吸衰竭', '慢性心力衰竭', '多器官功能衰竭', '重症肺炎'])}；根本死因：${cause}`, 22],
      [r.pick(['车祸', '溺水', '高处坠落']), 3],
      [`${cause}晚期`, 5],
    ]);
    const dest = r.weighted<string>([['寄存', 38], ['安葬', 35], ['带回', 15], ['海葬', 7], ['树葬', 5]]);
    const pack = r.weighted<[string, number]>([[['基本殡葬服务', 1800], 30], [['惠民套餐', 2600], 30], [['经济型', 3800], 20], [['标准型', 6800], 15], [['尊享型', 12800], 5]]);
    const subsidy = county.code === '350128' || r.chance(0.4) ? r.pick([1000, 1500, 2000]) : 0;
    recs.push({
      djbh: `BY${ymdCompact(death).slice(0, 6)}${pad(i + 1, 4)}`,
      szxm: name,
      xb: male ? '男' : '女',
      szsfzh: legacy ? id : dirtyId(r, id),
      swrq: ymd(death),
      swyy: causeText,
      swzmbh: `A${county.code}${String(death.getUTCFullYear()).slice(2)}${pad(r.int(1, 99999), 5)}`,
      hhzh: r.chance(0.7) ? `榕殡火字〔${death.getUTCFullYear()}〕第${pad(i + 1, 4)}号` : `HH-${death.getUTCFullYear()}-${pad(i + 1, 5)}`,
      jbrxm: agent.name,
      jbrgx: rel,
      jbrsfzh: dirtyId(r, agent.id),
      jbrsj: fmtMobile(r, cnMobile(r)),
      jbrzj: r.chance(0.4) ? landline(r, r.weighted([['0591', 85], ['0595', 5], ['0594', 5], ['0592', 5]])) : '',
      jtzz: r.chance(0.03) ? '不详' : address(r, FUZHOU_DISTRICTS),
      ljcp: r.chance(0.92) ? r.pick(hearses) : '',
      ghqx: dest,
      jcgw: dest === '寄存' ? `${r.pick(['福寿堂', '安息堂', '永思堂'])}${r.int(1, 6)}区${pad(r.int(1, 30))}排${pad(r.int(1, 40))}格` : '',
      lcg: `L-${pad(r.int(1, 60), 3)}`,
      fwtc: pack[0],
      fyhj: money(pack[1] + r.int(0, 12) * 100),
      hmbt: money(subsidy),
      sjh: `收字${pad(r.int(1, 9999999), 7)}`,
      bz: r.chance(0.3)
        ? r.pick([
            '家属要求上午九点告别，已安排福寿厅',
            '外地亲属未到，遗体冷藏延长三天',
            `骨灰由${agent.name.trim()}领取，已签字`,
            '申请惠民殡葬补贴，材料齐全',
            '民政局转介，城乡低保对象，费用全免',
            `家属电话${fmtMobile(r, cnMobile(r), 0)}，夜间联系`,
            '要求海葬，已登记八月批次',
            '医院转运，附死亡医学证明复印件',
          ])
        : '',
    });
  }
  return writeDelimited(dir, 'binyiguan_fuwu_dengji_2024_gbk.csv', spec, recs, { delimiter: ',', eol: '\r\n', encoding: 'gbk', bom: false });
}

// ---------------------------------------------------------------------------------------------
// 3. 电动自行车上牌登记 (CSV, UTF-8 BOM, CRLF, semicolon)

function diandongche(r: Rng, dir: string): [string, Entry[]] {
  const N = 2400;
  const dealers = Array.from({ length: 40 }, () => ({ phone: landline(r, '0591'), uscc: uscc(r, r.pick(FUZHOU).code, r.chance(0.6) ? '92' : '91') }));
  const clerks = Array.from({ length: 20 }, () => personName(r, r.chance(0.6)).trim());
  const points = ['仓山区金山派出所登记点', '鼓楼区东街派出所登记点', '晋安区岳峰派出所登记点', '台江区宁化派出所登记点', '马尾区罗星派出所登记点', '长乐区吴航派出所登记点', '闽侯县上街派出所登记点'];
  const brands: ReadonlyArray<readonly [string, string]> = [['雅迪', 'YDT'], ['爱玛', 'AMA'], ['台铃', 'TLG'], ['新日', 'XRD'], ['绿源', 'LYD'], ['小牛', 'NIU'], ['九号', 'NBT']];
  const models = ['DE3', 'A500', '超能T3', 'XC1', 'MODA', 'G2', 'F90', '冠能E8', 'MQi2'];
  const spec: Spec = [
    ['登记流水号', 'decoy'], ['车主姓名', 'person_name'], ['证件号码', 'cn_resident_id'], ['手机号码', 'cn_mobile'], ['居住地址', 'address'],
    ['号牌号码', 'decoy'], ['整车编码', 'decoy'], ['电机编号', 'decoy'], ['品牌型号', 'decoy'], ['车身颜色', 'decoy'], ['额定电压', 'decoy'],
    ['3C证书编号', 'decoy'], ['购车发票号码', 'decoy'], ['防盗芯片号', 'decoy'], ['保险单号', 'decoy'], ['登记日期', 'decoy'], ['登记点', 'decoy'],
    ['经办人', 'person_name'], ['代办人姓名', 'person_name'], ['代办人证件号', 'cn_resident_id'], ['代办人手机', 'cn_mobile'],
    ['销售门店电话', 'cn_landline'], ['字段21', 'cn_uscc'], ['备注', 'free_text'],
  ];
  const recs: Record<string, Cell>[] = [];
  for (let i = 0; i < N; i++) {
    const p = person(r, originMix(r, 0.2), 16, 75);
    const d = randomDate(r, utc(2024, 6, 1), utc(2024, 6, 28));
    const dealer = r.pick(dealers);
    const [brand, code] = r.pick(brands);
    const x = r.next();
    const doc = x < 0.97 ? dirtyId(r, p.id) : x < 0.99 ? mtp(r) : cnPassport(r);
    const proxy = r.chance(0.15) ? person(r, FUZHOU, 22, 60) : null;
    const yymm = `${String(d.getUTCFullYear()).slice(2)}${pad(r.int(1, 6))}`;
    const voltage = r.pick([48, 48, 48, 60, 72]);
    const power = r.pick([350, 400, 500, 600]);
    recs.push({
      登记流水号: `DDC${ymdCompact(d)}${pad(i + 1, 4)}`,
      车主姓名: p.name,
      证件号码: doc,
      手机号码: fmtMobile(r, cnMobile(r)),
      居住地址: address(r, FUZHOU_DISTRICTS),
      号牌号码: `福州${r.pick(['A', 'B', 'C', 'D', 'E', 'F'])}${r.digits(5)}`,
      整车编码: `${code}${yymm}${r.pick(['A', 'B', 'C', 'K'])}${r.digits(7)}`,
      电机编号: redraw(() => `${voltage}V${power}W${yymm}${r.digits(17 - `${voltage}V${power}W${yymm}`.length)}`, noChecksum),
      品牌型号: `${brand} ${r.pick(models)}`,
      车身颜色: r.pick(['白', '黑', '红', '蓝', '灰', '粉', '银', '绿']),
      额定电压: `${voltage}V`,
      '3C证书编号': redraw(() => `${2019 + r.int(0, 5)}0111${r.pick(['19', '25'])}${r.digits(6)}`, noChecksum),
      购车发票号码: r.chance(0.9) ? `${String(d.getUTCFullYear()).slice(2)}35${r.pick(['2', '3'])}${r.digits(15)}` : '',
      防盗芯片号: `E280${hex(r, 20, true)}`,
      保险单号: r.chance(0.8) ? `PEBS${d.getUTCFullYear()}3501${r.digits(14)}` : '',
      登记日期: `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`,
      登记点: r.pick(points),
      经办人: r.pick(clerks),
      代办人姓名: proxy?.name ?? '',
      代办人证件号: proxy === null ? '' : dirtyId(r, proxy.id),
      代办人手机: proxy === null ? '' : fmtMobile(r, cnMobile(r)),
      销售门店电话: dealer.phone,
      字段21: dealer.uscc,
      备注: r.chance(0.18)
        ? r.pick(['旧车过户，原车主已到场', '车架打码不清，已拓印留档', '超标车过渡期换牌', '外地车辆，凭居住证办理', '防盗芯片补装', '代办人持委托书办理', '发票遗失，凭合格证办理'])
        : '',
    });
  }
  return writeDelimited(dir, 'diandongche_shangpai_dengji_202406.csv', spec, recs, { delimiter: ';', eol: '\r\n', encoding: 'utf8', bom: true });
}

// ---------------------------------------------------------------------------------------------
// 4. 全国计算机等级考试报名 (NDJSON, nested)

const NCRE_SUBJECTS: ReadonlyArray<readonly [string, string]> = [
  ['14', '一级计算机基础及WPS Office应用'], ['15', '一级计算机基础及MS Office应用'], ['24', '二级C语言程序设计'], ['28', '二级Java语言程序设计'],
  ['63', '二级MySQL数据库程序设计'], ['65', '二级MS Office高级应用与设计'], ['66', '二级Python语言程序设计'], ['35', '三级网络技术'],
  ['36', '三级数据库技术'], ['41', '四级网络工程师'],
];
const NCRE_SITES: ReadonlyArray<readonly [string, string]> = [
  ['350101', '福州大学旗山校区考点'], ['350102', '福建师范大学旗山校区考点'], ['350103', '福建农林大学考点'], ['350104', '闽江学院考点'],
  ['350105', '福建理工大学考点'], ['350106', '福州职业技术学院考点'], ['350107', '福建江夏学院考点'], ['350108', '福建医科大学考点'],
];
const UNIVERSITIES = ['福州大学', '福建师范大学', '福建农林大学', '闽江学院', '福建理工大学', '福州职业技术学院', '福建江夏学院', '福建医科大学', '福建中医药大学', '社会考生'];

function userAgent(r: Rng): string {
  const v = r.int(120, 128);
  return r.weighted<string>([
    [`Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`, 45],
    [`Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 Edg/${v}.0.${r.int(2000, 2600)}.${r.int(40, 99)}`, 15],
    [`Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`, 8],
    [`Mozilla/5.0 (iPhone; CPU iPhone OS 17_${r.int(0, 5)} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${r.int(0, 5)} Mobile/15E148 Safari/604.1`, 14],
    [`Mozilla/5.0 (Linux; Android 14; ${r.pick(['V2309A', 'PJZ110', '23078RKD5C', 'ALN-AL00'])}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.${r.int(6000, 6600)}.${r.int(100, 199)} Mobile Safari/537.36 MicroMessenger/8.0.${r.int(40, 49)}.${r.int(2400, 2600)}(0x2800${r.int(1000, 3199)}) NetType/WIFI Language/zh_CN`, 18],
  ]);
}

function ncre(r: Rng, dir: string): [string, Entry[]] {
  const N = 2600;
  const records: unknown[] = [];
  for (let i = 0; i < N; i++) {
    const student = r.chance(0.82);
    const kind = r.weighted<'cn' | 'hk' | 'mo' | 'tw'>([['cn', 87.5], ['hk', 4], ['mo', 3.5], ['tw', 5]]);
    const p = person(r, originMix(r, 0.25), student ? 18 : 24, student ? 24 : 45);
    const name = kind === 'cn' ? p.name : twName(r, p.male);
    const docNo = kind === 'cn' ? dirtyId(r, p.id) : permitId(kind === 'hk' ? '810000' : kind === 'mo' ? '820000' : '830000', p.birth, p.male, r);
    const [subjCode, subj] = r.pick(NCRE_SUBJECTS);
    const [siteCode, site] = r.pick(NCRE_SITES);
    const paid = randomDate(r, utc(2024, 6, 10), utc(2024, 6, 25));
    const paidAt = addMinutes(paid, r.int(7 * 60, 23 * 60 + 50));
    const school = student ? r.pick(UNIVERSITIES.slice(0, -1)) : '社会考生';
    records.push({
      regNo: `BM${ymdCompact(paid)}${pad(i + 1, 5)}`,
      candidate: {
        name,
        birthDate: ymd(p.birth),
        idType: kind === 'cn' ? '居民身份证' : kind === 'tw' ? '台湾居民居住证' : '港澳居民居住证',
        documents: {
          idCard: kind === 'cn' ? docNo : null,
          hkResidencePermit: kind === 'hk' ? docNo : null,
          moResidencePermit: kind === 'mo' ? docNo : null,
          twResidencePermit: kind === 'tw' ? docNo : null,
        },
        photoMd5: hex(r, 32),
      },
      contact: {
        mobile: fmtMobile(r, cnMobile(r), 0.06),
        email: r.chance(0.93) ? email(r) : null,
        address: r.chance(0.9) ? address(r) : null,
      },
      exam: {
        ticketNo: `${siteCode}${subjCode}243${pad(r.int(1, 40))}${pad(r.int(1, 30))}`,
        subject: subj,
        subjectCode: subjCode,
        site,
        seat: r.int(1, 30),
      },
      payment: { orderNo: alipayTrade(r, paid), amount: r.pick([80, 80, 80, 100]), paidAt: isoLocal(paidAt) },
      account: { userId: uuid(r), initPassword: password(r, ['Ncre', 'Ks', 'Bm', 'Fj']) },
      client: { ip: r.chance(0.85) ? ipv4Public(r) : ipv6(r), userAgent: userAgent(r) },
      school,
      studentNo: student ? (r.chance(0.6) ? `${r.pick(['21', '22', '23', '24'])}${r.digits(7)}` : `20${r.pick(['21', '22', '23', '24'])}${r.digits(8)}`) : null,
    });
  }
  const file = 'ncre_kaoshi_baoming_202409.ndjson';
  writeFileSync(join(dir, file), records.map((x) => JSON.stringify(x)).join('\n') + '\n');
  return [
    file,
    jsonEntries(records, {
      regNo: 'decoy', 'candidate.name': 'person_name', 'candidate.birthDate': 'decoy', 'candidate.idType': 'decoy',
      'candidate.documents.idCard': 'cn_resident_id', 'candidate.documents.hkResidencePermit': 'hk_residence_permit',
      'candidate.documents.moResidencePermit': 'mo_residence_permit', 'candidate.documents.twResidencePermit': 'tw_residence_permit',
      'candidate.photoMd5': 'decoy', 'contact.mobile': 'cn_mobile', 'contact.email': 'email', 'contact.address': 'address',
      'exam.ticketNo': 'decoy', 'exam.subject': 'decoy', 'exam.subjectCode': 'decoy', 'exam.site': 'decoy', 'exam.seat': 'decoy',
      'payment.orderNo': 'decoy', 'payment.amount': 'decoy', 'payment.paidAt': 'decoy', 'account.userId': 'decoy',
      'account.initPassword': 'secret', 'client.ip': 'ip_address', 'client.userAgent': 'decoy', school: 'decoy', studentNo: 'decoy',
    }, file),
  ];
}

// ---------------------------------------------------------------------------------------------
// 5. 公租房配租名单 (JSON array, nested, members[])

const GZF_PROJECTS: ReadonlyArray<readonly [string, string, string]> = [
  ['连潘公租房小区', '仓山区', '建新镇金山大道'], ['高湖公租房小区', '仓山区', '盖山镇高湖路'], ['福湾公租房小区', '仓山区', '城门镇福湾路'],
  ['浦下公租房小区', '仓山区', '盖山镇浦下路'], ['秀宅公租房小区', '晋安区', '岳峰镇秀宅路'], ['岳峰保障房小区', '晋安区', '岳峰镇连江北路'],
  ['马尾儒江人才公寓', '马尾区', '罗星街道儒江西路'],
];

function gongzufang(r: Rng, dir: string): [string, Entry[]] {
  const N = 900;
  const reviewers = Array.from({ length: 6 }, () => personName(r, r.chance(0.5)).trim());
  const employers = ['福州市鼓楼区环卫所', '福建鑫达物流有限公司', '福州市公交集团', '个体', '灵活就业', '福州地铁运营分公司', '福建永辉超市有限公司', '仓山区社区卫生服务中心', '福州市第一医院', '无业'];
  const records: unknown[] = [];
  for (let i = 0; i < N; i++) {
    const a = person(r, originMix(r, 0.15), 23, 68);
    const nMembers = r.weighted([[0, 18], [1, 22], [2, 30], [3, 22], [4, 8]]);
    const members: unknown[] = [];
    let hasSpouse = false;
    for (let k = 0; k < nMembers; k++) {
      const rel = !hasSpouse && r.chance(0.7) ? '配偶' : r.weighted<string>([['子女', 75], ['父亲', 8], ['母亲', 12], ['其他', 5]]);
      if (rel === '配偶') hasSpouse = true;
      const age = rel === '配偶' ? Math.max(20, a.birth.getUTCFullYear() > 1990 ? r.int(24, 36) : REF.getUTCFullYear() - a.birth.getUTCFullYear() + r.int(-4, 4)) : rel === '子女' ? r.int(0, Math.max(0, REF.getUTCFullYear() - a.birth.getUTCFullYear() - 22)) : r.int(58, 84);
      const sex = rel === '父亲' ? 'm' : rel === '母亲' ? 'f' : rel === '配偶' ? (a.male ? 'f' : 'm') : undefined;
      const m = person(r, [a.county], age, age, rel === '子女' && r.chance(0.85) ? surnameOf(a.name) : undefined, sex);
      members.push({ name: m.name, relation: rel, idNo: age < 16 && r.chance(0.05) ? '未办理' : dirtyId(r, m.id), age });
    }
    const [project, district, road] = r.pick(GZF_PROJECTS);
    const bld = r.int(1, 18);
    const room = `${r.int(2, 32)}${pad(r.int(1, 8))}`;
    const area = r.pick([38.5, 42.3, 45.8, 50.2, 55.6, 60.1]);
    const start = randomDate(r, utc(2024, 3, 1), utc(2024, 6, 30));
    const county = district === '马尾区' ? '350105' : district === '晋安区' ? '350111' : '350104';
    records.push({
      applyNo: `GZF-2024-${pad(i + 1, 6)}`,
      batch: r.pick(['2024年第一批', '2024年第二批']),
      queueNo: r.int(1, 5200),
      guaranteeType: r.weighted<string>([['公共租赁住房', 70], ['保障性租赁住房', 20], ['人才公寓', 10]]),
      applicant: {
        name: a.name,
        idNo: dirtyId(r, a.id),
        mobile: fmtMobile(r, cnMobile(r)),
        email: r.chance(0.6) ? email(r) : null,
        workUnit: r.pick(employers),
        workUnitPhone: r.chance(0.75) ? landline(r, '0591') : null,
        hukou: a.county.province === '福建省' ? `${a.county.city}${a.county.county}` : `${a.county.province}${a.county.city}`,
        monthlyIncome: r.int(18, 62) * 100,
        bankCard: r.chance(0.96) ? (r.chance(0.2) ? groupCard(bankCard(r)) : bankCard(r)) : null,
      },
      members,
      house: {
        project,
        roomCode: `${project.slice(0, 2) === '马尾' ? 'RJ' : 'GZ'}-${pad(bld)}-${room}`,
        address: `福州市${district}${road}${r.int(1, 600)}号${project}${bld}号楼${room}室`,
        area,
        rent: Math.round(area * r.pick([9.5, 10.2, 12.0])),
        unitNo: `${county}${pad(r.int(1, 12), 3)}${pad(r.int(1, 30), 3)}GB${pad(r.int(1, 9999), 5)}F${pad(bld, 4)}${pad(Number(room), 4)}`,
      },
      contract: { no: `GZF(HT)2024-${pad(i + 1, 5)}`, start: ymd(start) },
      review: {
        reviewer: r.pick(reviewers),
        comment: r.chance(0.55)
          ? r.pick([
              '收入、住房核查通过，同意配租',
              '申请人名下无房，社保连续缴纳满一年',
              `家庭成员${nMembers + 1}人，按两居室配租`,
              '低保家庭，租金减免50%',
              '残疾人家庭，优先安排低楼层',
              '需补交子女出生医学证明复印件',
              '原承租户退租后轮候递补',
              `已电话通知${a.name.trim()}签约`,
            ])
          : null,
      },
    });
  }
  const file = 'gongzufang_peizu_mingdan_2024.json';
  writeFileSync(join(dir, file), JSON.stringify(records, null, 2) + '\n');
  return [
    file,
    jsonEntries(records, {
      applyNo: 'decoy', batch: 'decoy', queueNo: 'decoy', guaranteeType: 'decoy', 'applicant.name': 'person_name', 'applicant.idNo': 'cn_resident_id',
      'applicant.mobile': 'cn_mobile', 'applicant.email': 'email', 'applicant.workUnit': 'decoy', 'applicant.workUnitPhone': 'cn_landline',
      'applicant.hukou': 'decoy', 'applicant.monthlyIncome': 'decoy', 'applicant.bankCard': 'bank_card', 'members[].name': 'person_name',
      'members[].relation': 'decoy', 'members[].idNo': 'cn_resident_id', 'members[].age': 'decoy', 'house.project': 'decoy', 'house.roomCode': 'decoy',
      'house.address': 'address', 'house.area': 'decoy', 'house.rent': 'decoy', 'house.unitNo': 'decoy', 'contract.no': 'decoy', 'contract.start': 'decoy',
      'review.reviewer': 'person_name', 'review.comment': 'free_text',
    }, file),
  ];
}

// ---------------------------------------------------------------------------------------------
// 6. 台胞青年创业基地入驻名册 (CSV, UTF-8 LF, pipe, Traditional headers)

function taibao(r: Rng, dir: string): [string, Entry[]] {
  const N = 600;
  const windows = Array.from({ length: 5 }, () => landline(r, '0591').replace(/-\d{3,4}$|转\d+$/, ''));
  const hometowns = ['臺北市大安區', '新北市板橋區', '臺中市西屯區', '高雄市前鎮區', '臺南市東區', '桃園市中壢區', '新竹市東區', '嘉義縣民雄鄉', '宜蘭縣羅東鎮', '金門縣金城鎮', '澎湖縣馬公市', '屏東縣屏東市'];
  const industries = ['文化創意', '電子商務', '資訊服務', '農業科技', '觀光旅遊', '餐飲', '兩岸貿易', '教育培訓', '設計', '影視傳媒'];
  const words = ['海峽', '嵐島', '麒麟', '藍海', '金井', '東方', '禾豐', '星遠', '綠島', '潮向'];
  const schools = ['國立臺灣大學', '國立成功大學', '逢甲大學', '輔仁大學', '銘傳大學', '中國文化大學', '東海大學', '淡江大學', '中原大學', '國立政治大學'];
  const spec: Spec = [
    ['序號', 'decoy'], ['企業名稱', 'decoy'], ['統一社會信用代碼', 'cn_uscc'], ['負責人', 'person_name'], ['台胞證號碼', 'tw_travel_permit'],
    ['居住證號碼', 'tw_residence_permit'], ['身分證字號', 'tw_national_id'], ['台灣手機', 'tw_mobile'], ['大陸手機', 'cn_mobile'], ['電子郵件', 'email'],
    ['辦公地址', 'address'], ['台灣戶籍地', 'decoy'], ['工位編號', 'decoy'], ['所屬行業', 'decoy'], ['商標註冊號', 'decoy'], ['專利號', 'decoy'],
    ['健保卡號', 'decoy'], ['入駐日期', 'decoy'], ['租金減免(元)', 'decoy'], ['畢業學校', 'decoy'], ['緊急聯絡人', 'person_name'],
    ['欄位21', 'cn_landline'], ['備註', 'free_text'],
  ];
  const recs: Record<string, Cell>[] = [];
  for (let i = 0; i < N; i++) {
    const male = r.chance(0.55);
    const birth = randomDate(r, utc(1980, 1, 1), utc(2001, 12, 31));
    const ind = r.pick(industries);
    const since = randomDate(r, utc(2019, 3, 1), utc(2024, 6, 28));
    const pyear = r.int(2019, 2024);
    recs.push({
      序號: i + 1,
      企業名稱: `平潭${r.pick(words)}${r.pick(['文化創意', '電子商務', '科技', '貿易', '餐飲管理', '旅遊開發', '設計'])}有限公司`,
      統一社會信用代碼: uscc(r, '350128', r.chance(0.85) ? '91' : '92'),
      負責人: twName(r, male),
      台胞證號碼: mtp(r),
      居住證號碼: r.chance(0.7) ? dirtyId(r, permitId('830000', birth, male, r), 0.005) : '',
      身分證字號: r.chance(0.92) ? (r.chance(0.03) ? twNationalId(r, male).toLowerCase() : twNationalId(r, male)) : '',
      台灣手機: r.chance(0.85) ? twMobile(r) : '',
      大陸手機: r.chance(0.95) ? fmtMobile(r, cnMobile(r)) : '',
      電子郵件: r.chance(0.9) ? email(r, [['gmail.com', 35], ['yahoo.com.tw', 20], ['hotmail.com', 12], ['qq.com', 15], ['163.com', 10], ['msa.hinet.net', 8]]) : '',
      辦公地址: r.chance(0.6) ? pingtanOfficeTrad(r) : pingtanOffice(r),
      台灣戶籍地: r.pick(hometowns),
      工位編號: `${r.pick(['A', 'B', 'C'])}${r.int(1, 6)}-${pad(r.int(1, 40))}`,
      所屬行業: ind,
      商標註冊號: r.chance(0.6) ? String(r.int(30000000, 79999999)) : '',
      專利號: r.chance(0.35) ? (r.chance(0.5) ? `ZL ${pyear} ${r.pick(['1', '2', '3'])} ${r.digits(7)}.${r.int(0, 9)}` : `ZL${pyear}${r.pick(['1', '2', '3'])}${r.digits(7)}.${r.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])}`) : '',
      健保卡號: r.chance(0.75) ? `0000${r.int(1, 1)}${r.digits(7)}` : '',
      入駐日期: ymd(since),
      '租金減免(元)': r.pick([0, 6000, 12000, 18000, 24000]),
      畢業學校: r.pick(schools),
      緊急聯絡人: r.chance(0.7) ? twName(r, r.chance(0.5)) : personName(r, r.chance(0.5)),
      欄位21: r.pick(windows) + (r.chance(0.3) ? `-${r.int(801, 830)}` : ''),
      備註: r.chance(0.4)
        ? r.pick(['已申請台胞創業補貼首期', '居住證辦理中', '工位續約兩年', '參加兩岸青年創業大賽獲三等獎', '申請人才公寓，待審核', '企業遷入福州自貿片區', '台灣家屬來平潭探親，已協助辦理住宿', '需補交台灣學歷公證'])
        : '',
    });
  }
  return writeDelimited(dir, 'taibao_qingchuang_jidi_ruzhu_2024.csv', spec, recs, { delimiter: '|', eol: '\n', encoding: 'utf8', bom: false });
}

// ---------------------------------------------------------------------------------------------
// 7. 网吧上网实名登记 (TSV, UTF-8 LF)

function wangba(r: Rng, dir: string): [string, Entry[]] {
  const N = 3000;
  const names = ['网鱼网咖', '顺网电竞馆', '极光网咖', '天空之城网吧', '英雄联盟电竞馆', '星际网咖', '零点网咖', '火狐狸网咖'];
  const branches = ['东街口店', '宝龙店', '万达店', '大学城店', '五四北店', '金融街店', '马尾店', '仓山店', '上街店', '五一店'];
  const districts: ReadonlyArray<readonly [string, string]> = [['350102', '鼓楼'], ['350103', '台江'], ['350104', '仓山'], ['350111', '晋安'], ['350105', '马尾'], ['350121', '闽侯']];
  const cafes = Array.from({ length: 25 }, (_, k) => {
    const [code, dist] = r.pick(districts);
    return {
      code: `${code}${pad(10000000 + k * 37 + r.int(0, 30), 8)}`,
      name: `${r.pick(names)}(${r.pick(branches)})`,
      phone: landline(r, '0591'),
      staff: [personName(r, true).trim(), personName(r, r.chance(0.5)).trim()],
      subnet: r.pick(['192.168.1', '192.168.0', '192.168.10', '10.0.0', '10.10.1', '172.16.1']),
      issuer: `福州市公安局${dist}分局`,
    };
  });
  const people = Array.from({ length: 1800 }, () => {
    const p = person(r, originMix(r, 0.3), 18, 55);
    const x = r.next();
    return {
      p,
      docType: x < 0.98 ? '居民身份证' : x < 0.995 ? '台胞证' : '护照',
      doc: x < 0.98 ? dirtyId(r, p.id, 0.005) : x < 0.995 ? mtp(r) : cnPassport(r),
      mobile: r.chance(0.9) ? fmtMobile(r, cnMobile(r), 0.04) : '',
      card: String(r.int(100000000, 999999999)),
      pwd: r.chance(0.05) ? String(r.int(100000, 999999)) : password(r, ['Wb', 'Lol', 'Cf', 'Dn']),
      level: r.weighted<string>([['普通会员', 50], ['白银会员', 25], ['黄金会员', 15], ['钻石会员', 10]]),
      homeAddr: idAddress(r, p),
      cafe: r.pick(cafes),
    };
  });
  const spec: Spec = [
    ['记录号', 'decoy'], ['场所编码', 'decoy'], ['场所名称', 'decoy'], ['上网人员', 'person_name'], ['证件类型', 'decoy'], ['证件号码', 'cn_resident_id'],
    ['手机号', 'cn_mobile'], ['会员卡号', 'decoy'], ['会员密码', 'secret'], ['终端编号', 'decoy'], ['终端IP', 'ip_address'], ['终端MAC', 'mac_address'],
    ['上机时间', 'decoy'], ['下机时间', 'decoy'], ['时长(分钟)', 'decoy'], ['消费金额', 'decoy'], ['会员等级', 'decoy'], ['人脸比对分值', 'decoy'],
    ['网管', 'person_name'], ['场所电话', 'cn_landline'], ['col_21', 'address'], ['col_22', 'decoy'], ['异常说明', 'free_text'],
  ];
  const terminals = new Map<string, { ip: string; mac: string }>();
  const recs: Record<string, Cell>[] = [];
  for (let i = 0; i < N; i++) {
    const u = r.pick(people);
    const cafe = r.chance(0.85) ? u.cafe : r.pick(cafes);
    const zone = r.pick(['A区', 'B区', 'C区', '包间']);
    const tno = `${zone}-${pad(r.int(1, 60), 3)}`;
    const key = `${cafe.code}|${tno}`;
    if (!terminals.has(key)) terminals.set(key, { ip: `${cafe.subnet}.${r.int(2, 250)}`, mac: mac(r, r.chance(0.7) ? 'dash' : 'colon') });
    const t = terminals.get(key) as { ip: string; mac: string };
    const on = addMinutes(utc(2024, 6, 20), r.int(0, 23 * 60));
    const mins = r.int(20, 480);
    const off = addMinutes(on, mins);
    recs.push({
      记录号: 2024062000001 + i,
      场所编码: cafe.code,
      场所名称: cafe.name,
      上网人员: u.p.name,
      证件类型: u.docType,
      证件号码: u.doc,
      手机号: u.mobile,
      会员卡号: u.card,
      会员密码: u.pwd,
      终端编号: tno,
      终端IP: t.ip,
      终端MAC: t.mac,
      上机时间: ymdhms(on),
      下机时间: ymdhms(off),
      '时长(分钟)': mins,
      消费金额: (Math.round(mins * (zone === '包间' ? 0.15 : 0.08) * 10) / 10).toFixed(2),
      会员等级: u.level,
      人脸比对分值: (r.int(8200, 9990) / 100).toFixed(2),
      网管: r.pick(cafe.staff),
      场所电话: cafe.phone,
      col_21: u.homeAddr,
      col_22: u.p.county.province === '福建省' ? `${u.p.county.city === '福州市' ? '福州市' : u.p.county.city}公安局${u.p.county.county.replace(/[区县市]$/, '')}分局` : `${u.p.county.city}公安局${u.p.county.county.replace(/[区县市]$/, '')}分局`,
      异常说明: r.chance(0.06)
        ? r.pick(['人证不符，已拒绝上机', '未成年人冒用他人证件，已劝离', '临时卡上机，已补登记', '人脸比对失败，人工核验通过', `证件过期，联系${u.mobile === '' ? '本人' : u.mobile}补办`, '挂失卡，已冻结'])
        : '',
    });
  }
  return writeDelimited(dir, 'wangba_shangwang_dengji_20240620.tsv', spec, recs, { delimiter: '\t', eol: '\n', encoding: 'utf8', bom: false });
}

// ---------------------------------------------------------------------------------------------
// 8. 口腔诊所就诊记录 (Parquet)

const RX_DOSE: Record<string, string> = {
  甲硝唑片: '0.2g tid×3天', 阿莫西林胶囊: '0.5g tid×5天', 头孢克洛胶囊: '0.25g tid×5天', 布洛芬缓释胶囊: '0.3g prn', 对乙酰氨基酚片: '0.5g prn',
  复方氯己定含漱液: '10ml 含漱 tid', 西地碘含片: '1.5mg 含服 tid', 替硝唑片: '0.5g bid×3天', 罗红霉素胶囊: '0.15g bid×5天', 碘甘油: '局部涂布',
  地塞米松贴片: '0.3mg 贴患处 tid', 康复新液: '10ml 含漱 tid',
};

function kouqiang(r: Rng, dir: string): [string, Entry[]] {
  const N = 1800;
  const doctors = Array.from({ length: 5 }, () => personName(r, r.chance(0.5)).trim());
  const patients = Array.from({ length: 1100 }, () => {
    const p = person(r, originMix(r, 0.1), 4, 82);
    const age = REF.getUTCFullYear() - p.birth.getUTCFullYear();
    const mobile = cnMobile(r);
    return {
      p,
      age,
      no: `K${String(r.int(19, 24))}-${pad(r.int(1, 99999), 5)}`,
      mobile: age < 14 && r.chance(0.5) ? null : BigInt(mobile),
      id: r.chance(0.92) ? dirtyId(r, p.id) : null,
      addr: r.chance(0.85) ? address(r, FUZHOU_DISTRICTS) : null,
      guardian: age < 18 ? personName(r, r.chance(0.5), surnameOf(p.name)) : null,
      il1: r.chance(0.18) ? il1Genotype(r) : null,
    };
  });
  const complaints: Record<string, string[]> = {
    牙髓: ['右下后牙冷热刺激痛1周', '左上后牙自发痛2天，夜间加重', '右上后牙咬物痛3天'],
    龋: ['左下后牙食物嵌塞1月', '前牙发黑要求补牙', '右下后牙有洞1月'],
    根尖: ['右下后牙牙龈起包反复2月', '左下后牙咬合痛1周'],
    牙周: ['刷牙出血3月', '下前牙松动半年', '要求洁牙'],
    冠周: ['右下智齿反复肿痛2月', '左下智齿区肿痛3天'],
    缺损: ['左下后牙缺失1年要求种植修复', '右上后牙拔除3月，要求镶牙'],
    其他: ['口腔溃疡反复发作', '前牙不齐要求矫正', '复诊', '牙齿敏感1月', '张口时耳前弹响'],
  };
  const group = (dx: string): string => (dx.includes('牙髓') ? '牙髓' : dx.includes('龋') ? '龋' : dx.includes('根尖') ? '根尖' : dx.includes('牙周') || dx.includes('龈炎') ? '牙周' : dx.includes('冠周') || dx.includes('阻生') ? '冠周' : dx.includes('缺') ? '缺损' : '其他');
  const teeth = ['46', '36', '47', '37', '16', '26', '11', '21', '36 37', '46 47', '11,21', '18 28 38 48', '全口', '38', '48', '25', '14'];
  const implants = ['Straumann BLT Ø4.1×10mm RC', 'Osstem TSIII SA Ø4.5×10mm', 'Nobel Active Ø4.3×11.5mm', 'Dentium SuperLine Ø4.5×10mm', '登腾 Ø4.0×10mm'];
  const cols: Record<string, Cell[]> = {};
  const push = (k: string, v: Cell): void => {
    (cols[k] ??= []).push(v);
  };
  for (let i = 0; i < N; i++) {
    const pt = r.pick(patients);
    const dx = r.pick(DENTAL_DX);
    const icd = DENTAL_ICD[dx] as string;
    const dxText = r.weighted<string>([[dx, 60], [`${dx}（${icd}）`, 22], [icd, 5], [`${dx}；${r.pick(DENTAL_DX.filter((d) => d !== dx))}`, 13]]);
    const tx = r.pick(DENTAL_TX[dx] as string[]);
    const implant = tx === '种植体植入术';
    const day = randomDate(r, utc(2024, 1, 2), utc(2024, 6, 29));
    const at = addMinutes(day, r.int(8 * 60 + 30, 20 * 60));
    const rx = r.chance(0.45)
      ? [...new Set(Array.from({ length: r.int(1, 2) }, () => r.pick(DENTAL_RX)))].map((d) => `${d} ${RX_DOSE[d] ?? ''}`.trim()).join('；')
      : null;
    const fee = implant ? r.int(6800, 15800) : tx.includes('根管') || tx.includes('冠') || tx.includes('桥') || tx.includes('义齿') || tx.includes('矫治') ? r.int(600, 4800) : r.int(30, 600);
    push('visit_id', `KQ${ymdCompact(day)}${pad(i + 1, 4)}`);
    push('patient_no', pt.no);
    push('patient_name', pt.p.name);
    push('age', pt.age);
    push('id_card', pt.id);
    push('mobile', pt.mobile);
    push('address', pt.addr);
    push('guardian_name', pt.guardian);
    push('visit_time', at);
    push('chief_complaint', r.pick(complaints[group(dx)] as string[]));
    push('tooth_position', r.pick(teeth));
    push('diagnosis', dxText);
    push('treatment', tx);
    push('prescription', rx);
    push('implant_model', implant ? r.pick(implants) : null);
    push('implant_lot', implant ? `LOT ${r.pick(['KX', 'TS', 'NB', 'DT'])}${r.int(1000, 9999)}${r.pick(['A', 'B', 'C'])}` : null);
    push('cbct_film_no', implant || r.chance(0.2) ? `CT${ymdCompact(day).slice(2)}${pad(r.int(1, 80), 3)}` : null);
    push('doctor', r.pick(doctors));
    push('fee', fee + r.pick([0, 0.5]));
    push('insurance_paid', Math.round(fee * r.pick([0, 0, 0.3, 0.5]) * 100) / 100);
    push('first_visit', r.chance(0.4));
    push('il1_genotype', pt.il1);
  }
  const spec: ReadonlyArray<readonly [string, string, BasicType]> = [
    ['visit_id', 'decoy', 'STRING'], ['patient_no', 'decoy', 'STRING'], ['patient_name', 'person_name', 'STRING'], ['age', 'decoy', 'INT32'],
    ['id_card', 'cn_resident_id', 'STRING'], ['mobile', 'cn_mobile', 'INT64'], ['address', 'address', 'STRING'], ['guardian_name', 'person_name', 'STRING'],
    ['visit_time', 'decoy', 'TIMESTAMP'], ['chief_complaint', 'free_text', 'STRING'], ['tooth_position', 'decoy', 'STRING'], ['diagnosis', 'medical_record', 'STRING'],
    ['treatment', 'medical_record', 'STRING'], ['prescription', 'medical_record', 'STRING'], ['implant_model', 'decoy', 'STRING'], ['implant_lot', 'decoy', 'STRING'],
    ['cbct_film_no', 'decoy', 'STRING'], ['doctor', 'person_name', 'STRING'], ['fee', 'decoy', 'DOUBLE'], ['insurance_paid', 'decoy', 'DOUBLE'],
    ['first_visit', 'decoy', 'BOOLEAN'], ['il1_genotype', 'genetic_data', 'STRING'],
  ];
  return writeParquet(dir, 'kouqiang_zhensuo_jiuzhen_2024H1.parquet', spec.map(([name, truth, type]) => ({ name, truth, type, data: cols[name] as Cell[] })));
}

// ---------------------------------------------------------------------------------------------
// 9. 建筑工地实名制考勤 (CSV, UTF-8 LF, comma, English and generic headers)

function gongdi(r: Rng, dir: string): [string, Entry[]] {
  const N = 2800;
  const projects = ['350104', '350111', '350121'].map((c, k) => ({
    code: redraw(() => `${c}${2023 + (k % 2)}${pad(r.int(1, 12))}${r.digits(4)}`, noChecksum),
    site: k === 0 ? [26.0312, 119.2805] : k === 1 ? [26.1187, 119.3342] : [26.0556, 119.1911],
    gates: Array.from({ length: 4 }, () => ({ sn: `DS-K5671-3XF/ZU${r.int(2022, 2024)}${pad(r.int(1, 12))}${pad(r.int(1, 28))}CCWR${r.digits(9)}`, mac: mac(r, 'colon') })),
  }));
  const companies = Array.from({ length: 15 }, () => ({
    name: `${r.pick(['福建', '福州', '江西', '四川'])}${r.pick(['宏建', '鑫盛', '恒通', '聚力', '安达', '中鼎', '华耀'])}${r.pick(['劳务', '建筑劳务', '建设工程'])}有限公司`,
    uscc: uscc(r, r.pick([...FUZHOU, ...OTHER]).code),
  }));
  const trades: ReadonlyArray<readonly [string, boolean, number]> = [
    ['钢筋工', false, 18], ['木工', false, 16], ['混凝土工', false, 10], ['架子工', true, 8], ['电工', true, 6], ['电焊工', true, 6], ['塔吊司机', true, 3],
    ['信号工', true, 3], ['普工', false, 20], ['水电工', false, 6], ['油漆工', false, 4],
  ];
  const workers = Array.from({ length: 400 }, () => {
    const p = person(r, originMix(r, 0.55), 20, 62);
    const [trade, cert] = r.weighted(trades.map((t) => [t, t[2]] as const));
    const proj = r.pick(projects);
    const card = r.chance(0.02) ? redraw(() => `6217${r.digits(15)}`, (v) => !luhnValid(v)) : bankCard(r, [['621700', 19], ['622848', 19], ['622202', 19], ['623052', 19], ['621799', 19]]);
    return {
      p,
      trade,
      cert: cert ? `T${p.id}` : '',
      proj,
      team: `${trade.replace(/工$|司机$/, '')}班组${r.int(1, 4)}`,
      company: r.pick(companies),
      phone: fmtMobile(r, cnMobile(r), 0.05),
      card: r.chance(0.15) ? groupCard(card) : card,
      helmet: `E200${hex(r, 12, true)}`,
      emergency: r.chance(0.85) ? fmtMobile(r, cnMobile(r), 0.03) : '',
      wage: r.pick([280, 300, 320, 350, 380, 420, 450]),
      score: r.int(62, 100),
    };
  });
  const spec: Spec = [
    ['record_id', 'decoy'], ['project_code', 'decoy'], ['worker_name', 'person_name'], ['id_number', 'cn_resident_id'], ['phone', 'cn_mobile'],
    ['team', 'decoy'], ['trade', 'decoy'], ['labour_company', 'decoy'], ['labour_company_uscc', 'cn_uscc'], ['wage_card', 'bank_card'],
    ['special_op_cert', 'cn_resident_id'], ['helmet_rfid', 'decoy'], ['gate_sn', 'decoy'], ['gate_mac', 'mac_address'], ['direction', 'decoy'],
    ['punch_time', 'decoy'], ['punch_location', 'geo_coordinate'], ['temperature', 'decoy'], ['daily_wage', 'decoy'], ['col_20', 'cn_mobile'],
    ['col_21', 'decoy'], ['remark', 'free_text'],
  ];
  const recs: Record<string, Cell>[] = [];
  for (let i = 0; i < N; i++) {
    const w = r.pick(workers);
    const gate = r.pick(w.proj.gates);
    const inbound = r.chance(0.5);
    const t = addMinutes(addDays(utc(2024, 6, 17), r.int(0, 6)), inbound ? r.int(6 * 60 + 20, 7 * 60 + 50) : r.int(17 * 60, 19 * 60 + 30));
    const [la, lo] = w.proj.site as [number, number];
    const loc = r.chance(0.95) ? `${(la + (r.next() - 0.5) * 0.004).toFixed(6)},${(lo + (r.next() - 0.5) * 0.004).toFixed(6)}` : '';
    recs.push({
      record_id: uuid(r),
      project_code: w.proj.code,
      worker_name: w.p.name,
      id_number: dirtyId(r, w.p.id),
      phone: w.phone,
      team: w.team,
      trade: w.trade,
      labour_company: w.company.name,
      labour_company_uscc: w.company.uscc,
      wage_card: w.card,
      special_op_cert: w.cert,
      helmet_rfid: w.helmet,
      gate_sn: gate.sn,
      gate_mac: gate.mac,
      direction: inbound ? '进' : '出',
      punch_time: ymdhms(t),
      punch_location: loc,
      temperature: (36 + r.int(1, 8) / 10).toFixed(1),
      daily_wage: w.wage,
      col_20: w.emergency,
      col_21: w.score,
      remark: r.chance(0.08) ? r.pick(['未戴安全帽，已教育', '代打卡嫌疑，已核实为本人', '闸机识别失败，人工放行', '当日请假半天', '新进场，已完成三级安全教育', `${w.p.name.trim()}工资卡变更，待劳务公司确认`]) : '',
    });
  }
  return writeDelimited(dir, 'gongdi_shimingzhi_kaoqin_202406.csv', spec, recs, { delimiter: ',', eol: '\n', encoding: 'utf8', bom: false });
}

// ---------------------------------------------------------------------------------------------
// 10. 民用无人机实名登记 (XLSX, merged title row, two sheets)

async function wurenji(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const N = 1400;
  const products: ReadonlyArray<readonly [string, string, number, number, string]> = [
    ['DJI Mini 4 Pro', '深圳市大疆创新科技有限公司', 249, 0.249, '1581F6'], ['DJI Air 3', '深圳市大疆创新科技有限公司', 720, 0.72, '1581F5'],
    ['DJI Mavic 3 Classic', '深圳市大疆创新科技有限公司', 895, 0.895, '1581F4'], ['DJI Avata 2', '深圳市大疆创新科技有限公司', 377, 0.377, '1581F8'],
    ['大疆 T40', '深圳市大疆创新科技有限公司', 38000, 101, '0Y6DH'], ['极飞 P100', '广州极飞科技股份有限公司', 28000, 88, 'XAP1'],
    ['道通 EVO Lite+', '深圳市道通智能航空技术股份有限公司', 835, 0.835, '7ZEA'],
  ];
  const uses: Record<string, string[]> = { 个人: ['航拍', '娱乐', '摄影'], 单位: ['植保', '巡检', '测绘', '航拍', '物流'] };
  const spec: Spec = [
    ['序号', 'decoy'], ['登记标志', 'decoy'], ['拥有者类型', 'decoy'], ['拥有者姓名', 'person_name'], ['证件号码', 'cn_resident_id'], ['单位名称', 'decoy'],
    ['统一社会信用代码', 'cn_uscc'], ['手机', 'cn_mobile'], ['邮箱', 'email'], ['通讯地址', 'address'], ['字段11', 'cn_landline'], ['产品型号', 'decoy'],
    ['产品序列号', 'decoy'], ['生产厂商', 'decoy'], ['空机重量(g)', 'decoy'], ['最大起飞重量(kg)', 'decoy'], ['用途', 'decoy'], ['常用起降点', 'geo_coordinate'],
    ['飞控固件版本', 'decoy'], ['登记日期', 'decoy'], ['备注', 'free_text'],
  ];
  const counts = new Map<string, number>();
  const recs: Record<string, Cell>[] = [];
  for (let i = 0; i < N; i++) {
    const unit = r.chance(0.3);
    const p = person(r, originMix(r, 0.1), 18, 60);
    const prod = unit ? r.pick(products) : r.pick(products.filter((x) => x[3] < 1));
    counts.set(prod[0], (counts.get(prod[0]) ?? 0) + 1);
    const mobile = cnMobile(r);
    const county = r.pick(FUJIAN);
    const sn = prod[4].startsWith('1581') ? `${prod[4]}${r.pick(['Q', 'K', 'P'])}${r.digits(1)}D${r.digits(2)}${r.int(1, 9)}${hex(r, 4, true)}` : `${prod[4]}${r.digits(3)}${hex(r, 6, true)}`;
    recs.push({
      序号: i + 1,
      登记标志: `UAS${pad(r.int(1, 99999999), 8)}`,
      拥有者类型: unit ? '单位' : '个人',
      拥有者姓名: p.name,
      证件号码: dirtyId(r, p.id),
      单位名称: unit ? `${county.city.replace('市', '')}${r.pick(['绿野', '丰禾', '天翼', '鹰眼', '海峡', '闽航'])}${r.pick(['农业科技', '航空科技', '测绘', '电力工程', '植保服务'])}有限公司` : '',
      统一社会信用代码: unit ? uscc(r, county.code, r.chance(0.85) ? '91' : '93') : '',
      手机: r.chance(0.5) ? Number(mobile) : fmtMobile(r, mobile, 0.08),
      邮箱: r.chance(0.85) ? email(r) : '',
      通讯地址: address(r),
      字段11: unit ? landline(r, r.weighted([['0591', 60], ['0592', 10], ['0595', 12], ['0594', 8], ['0596', 5], ['0593', 5]])) : '',
      产品型号: prod[0],
      产品序列号: redraw(() => sn, noChecksum),
      生产厂商: prod[1],
      '空机重量(g)': prod[2],
      '最大起飞重量(kg)': prod[3],
      用途: r.pick(uses[unit ? '单位' : '个人'] as string[]),
      常用起降点: r.chance(0.9) ? geo(r, r.chance(0.6) ? BOX_FUZHOU : r.chance(0.3) ? BOX_PINGTAN : BOX_FUJIAN) : '',
      飞控固件版本: `v${pad(r.int(1, 2))}.${pad(r.int(0, 2))}.${pad(r.int(1, 8) * 100, 4)}`,
      登记日期: randomDate(r, utc(2024, 1, 1), utc(2024, 6, 30)),
      备注: r.chance(0.2) ? r.pick(['已购买第三者责任险', '设备转让，原登记已注销', '企业植保作业备案', '序列号与发票一致', '需补充飞手执照', '遗失后重新登记']) : '',
    });
  }
  return writeXlsx(dir, 'wurenji_shiming_dengji_2024H1.xlsx', {
    title: '福建省民用无人驾驶航空器实名登记信息导出（2024年1月1日至6月30日）',
    sheet: '登记信息',
    spec,
    recs,
    widths: { 证件号码: 22, 通讯地址: 44, 单位名称: 30, 统一社会信用代码: 22, 产品序列号: 22, 生产厂商: 30, 常用起降点: 24, 备注: 30 },
    second: { name: '按型号统计', headers: ['产品型号', '登记数量'], rows: [...counts.entries()].map(([k, v]) => [k, v]) },
  });
}

// ---------------------------------------------------------------------------------------------
// 11. 马拉松报名 (NDJSON, nested)

const SYL_PY = ['ZHANG', 'WANG', 'LI', 'LIN', 'CHEN', 'HUANG', 'ZHENG', 'WU', 'XU', 'WEI', 'JIA', 'MING', 'HUI', 'TING', 'YU', 'HAO', 'JUN', 'XIN', 'LEI', 'FANG'];
const SYL_HK = ['CHAN', 'WONG', 'LEUNG', 'CHEUNG', 'LAU', 'HO', 'KA', 'WAI', 'YAN', 'MAN', 'CHI', 'KIN', 'HEI', 'SHING', 'YEE'];
const SYL_TW = ['CHEN', 'LIN', 'HUANG', 'CHANG', 'LI', 'WANG', 'WU', 'TSAI', 'MEI', 'LING', 'CHIH', 'HSIN', 'YU', 'TING', 'HAO', 'WEI'];

function hms(sec: number): string {
  return `${pad(Math.floor(sec / 3600))}:${pad(Math.floor((sec % 3600) / 60))}:${pad(sec % 60)}`;
}

function malasong(r: Rng, dir: string): [string, Entry[]] {
  const N = 2200;
  const clubs = ['榕城跑团', '闽江夜跑团', '平潭岚岛跑友会', '厦门鹭岛跑团', '泉州刺桐跑团', '福大校友跑团', '香港跑手联盟', '台北城市跑者'];
  const events: ReadonlyArray<readonly [string, string, number, number]> = [['全程马拉松', 'A', 42195, 200], ['半程马拉松', 'B', 21098, 260], ['欢乐跑', 'C', 5000, 100]];
  const records: unknown[] = [];
  for (let i = 0; i < N; i++) {
    const region = r.weighted<'cn' | 'hk' | 'mo' | 'tw'>([['cn', 87], ['hk', 5], ['mo', 3], ['tw', 5]]);
    const p = person(r, originMix(r, 0.25), 18, 65);
    const byPassport = region === 'cn' && r.chance(0.055);
    const [event, letter, dist, fee] = r.weighted(events.map((e) => [e, e[0] === '全程马拉松' ? 45 : e[0] === '半程马拉松' ? 40 : 15] as const));
    const name = region === 'cn' ? p.name : twName(r, p.male);
    const syl = region === 'cn' ? SYL_PY : region === 'tw' ? SYL_TW : SYL_HK;
    const nameEn = region === 'tw' ? `${r.pick(syl)} ${r.pick(syl)}-${r.pick(syl)}` : `${r.pick(syl)} ${r.pick(syl)} ${r.chance(0.5) ? r.pick(syl) : ''}`.trim();
    const mobile = region === 'cn' || r.chance(0.5) ? fmtMobile(r, cnMobile(r)) : region === 'tw' ? twMobile(r) : `+${region === 'hk' ? '852' : '853'} ${r.pick(['5', '6', '9'])}${r.digits(3)} ${r.digits(4)}`;
    const finished = r.chance(0.9);
    const pace = dist === 42195 ? r.int(260, 480) : dist === 21098 ? r.int(240, 500) : r.int(300, 600);
    const net = Math.round((pace * dist) / 1000);
    const hist = r.chance(0.22)
      ? r.weighted<string>([[r.pick(MARATHON_HISTORY), 65], [`${r.pick(MARATHON_HISTORY)}，服用${r.pick(MARATHON_DRUGS)}`, 25], [`${r.pick(MARATHON_HISTORY)}；${r.pick(MARATHON_HISTORY)}`, 10]])
      : r.pick(['无', '无', '否', null]);
    const relation = r.pick(['配偶', '父亲', '母亲', '朋友', '兄弟', '姐妹', '子女']);
    const emMale = relation === '父亲' || relation === '兄弟' ? true : relation === '母亲' || relation === '姐妹' ? false : relation === '配偶' ? !p.male : r.chance(0.5);
    const em = person(r, [p.county], 20, 70, undefined, emMale ? 'm' : 'f');
    records.push({
      orderId: `PTM2024${pad(i + 1, 8)}`,
      event,
      bib: `${letter}${pad(i + 1, letter === 'B' ? 5 : 4)}`,
      runner: {
        name,
        nameEn,
        birthday: ymd(p.birth),
        region: region === 'cn' ? '中国大陆' : region === 'hk' ? '中国香港' : region === 'mo' ? '中国澳门' : '中国台湾',
        idCard: region === 'cn' && !byPassport ? dirtyId(r, p.id) : null,
        passportNo: byPassport ? cnPassport(r) : null,
        hkid: region === 'hk' ? hkid(r) : null,
        homeReturnPermit: region === 'hk' || region === 'mo' ? homeReturnPermit(r, region === 'hk') : null,
        twCompatriotPermit: region === 'tw' ? mtp(r) : null,
        mobile,
        email: r.chance(0.88) ? email(r) : null,
        address: r.chance(0.8) ? (region === 'cn' ? idAddress(r, p) : address(r)) : null,
        bloodType: r.weighted<string>([['A型', 26], ['B型', 24], ['O型', 34], ['AB型', 8], ['O型 Rh+', 4], ['不详', 4]]),
        tshirtSize: r.pick(['XS', 'S', 'M', 'L', 'XL', 'XXL']),
        medicalHistory: hist,
      },
      emergency: {
        name: region === 'cn' ? em.name : twName(r, emMale),
        relation,
        mobile: fmtMobile(r, cnMobile(r), 0.08),
      },
      club: r.chance(0.4) ? r.pick(clubs) : null,
      chipId: `E280${hex(r, 20, true)}`,
      result: finished ? { gunTime: hms(net + r.int(10, 600)), pace: `${Math.floor(pace / 60)}'${pad(pace % 60)}"` } : { gunTime: null, pace: null },
      payment: { amount: fee, txnId: wechatTxn(r, randomDate(r, utc(2024, 3, 1), utc(2024, 4, 30))) },
    });
  }
  const file = 'pingtan_malasong_baoming_2024.ndjson';
  writeFileSync(join(dir, file), records.map((x) => JSON.stringify(x)).join('\n') + '\n');
  return [
    file,
    jsonEntries(records, {
      orderId: 'decoy', event: 'decoy', bib: 'decoy', 'runner.name': 'person_name', 'runner.nameEn': 'decoy', 'runner.birthday': 'decoy', 'runner.region': 'decoy',
      'runner.idCard': 'cn_resident_id', 'runner.passportNo': 'cn_passport', 'runner.hkid': 'hk_id', 'runner.homeReturnPermit': 'hkmo_home_return_permit',
      'runner.twCompatriotPermit': 'tw_travel_permit', 'runner.mobile': 'cn_mobile', 'runner.email': 'email', 'runner.address': 'address',
      'runner.bloodType': 'decoy', 'runner.tshirtSize': 'decoy', 'runner.medicalHistory': 'medical_record', 'emergency.name': 'person_name',
      'emergency.relation': 'decoy', 'emergency.mobile': 'cn_mobile', club: 'decoy', chipId: 'decoy', 'result.gunTime': 'decoy', 'result.pace': 'decoy',
      'payment.amount': 'decoy', 'payment.txnId': 'decoy',
    }, file),
  ];
}

// ---------------------------------------------------------------------------------------------
// 12. 月子中心入住登记 (CSV, UTF-8 LF, comma)

function yuezi(r: Rng, dir: string): [string, Entry[]] {
  const N = 800;
  const nurses = Array.from({ length: 10 }, () => personName(r, false).trim());
  const hospitals = ['福建省妇幼保健院', '福州市妇幼保健院', '福建医科大学附属第一医院', '福建省立医院', '福州市第一医院', '福建医科大学附属协和医院', '福建中医药大学附属人民医院', '联勤保障部队第九〇〇医院'];
  const spec: Spec = [
    ['合同编号', 'decoy'], ['产妇姓名', 'person_name'], ['产妇身份证号', 'cn_resident_id'], ['产妇手机', 'cn_mobile'], ['丈夫姓名', 'person_name'],
    ['丈夫身份证(脱敏)', 'decoy'], ['丈夫手机', 'cn_mobile'], ['家庭住址', 'address'], ['分娩医院', 'decoy'], ['分娩日期', 'decoy'], ['孕周', 'decoy'],
    ['产妇诊断', 'medical_record'], ['宝宝姓名', 'person_name'], ['出生体重(g)', 'decoy'], ['新生儿听力基因筛查', 'genetic_data'],
    ['新生儿疾病筛查', 'medical_record'], ['房型', 'decoy'], ['房号', 'decoy'], ['套餐', 'decoy'], ['套餐金额', 'decoy'], ['责任护理师', 'person_name'],
    ['支付卡号', 'bank_card'], ['字段23', 'cn_landline'], ['字段24', 'decoy'], ['护理记录', 'free_text'],
  ];
  const recs: Record<string, Cell>[] = [];
  for (let i = 0; i < N; i++) {
    const mom = person(r, originMix(r, 0.12), 22, 40, undefined, 'f');
    const dadSurname = r.chance(0.03) ? r.pick(['欧阳', '司马']) : undefined;
    const dadName = personName(r, true, dadSurname);
    const dad = { name: dadName, id: idFor(r.pick(FUJIAN).code, randomDate(r, utc(1980, 1, 1), utc(2000, 12, 31)), true, r) };
    const born = randomDate(r, utc(2024, 1, 1), utc(2024, 6, 25));
    const baby = r.chance(0.82) ? personName(r, r.chance(0.5), r.chance(0.9) ? surnameOf(dadName) : surnameOf(mom.name)) : r.chance(0.2) ? '未取名' : '';
    const dx = r.chance(0.45)
      ? r.weighted<string>([[r.pick(MATERNAL_DX), 60], [`${r.pick(MATERNAL_DX)}；${r.pick(MATERNAL_RX)}`, 30], [`${r.pick(MATERNAL_DX)}；${r.pick(MATERNAL_DX)}`, 10]])
      : '无';
    const screen = NEWBORN_SCREEN.map((s) => `${s} ${r.chance(0.985) ? '阴性' : '阳性'}`).join('；');
    const [room, price] = r.weighted<[string, number]>([[['标准套房', 58000], 45], [['豪华套房', 88000], 35], [['VIP套房', 128000], 15], [['总统套房', 198000], 5]]);
    const days = r.pick([26, 28, 30, 42]);
    const card = r.chance(0.65) ? bankCard(r, [['622588', 16], ['625965', 16], ['436742', 16], ['524047', 16], ['622202', 19], ['621700', 19]]) : '';
    recs.push({
      合同编号: `YZ-${born.getUTCFullYear()}-${pad(i + 1, 4)}`,
      产妇姓名: mom.name,
      产妇身份证号: dirtyId(r, mom.id),
      产妇手机: fmtMobile(r, cnMobile(r)),
      丈夫姓名: dadName,
      '丈夫身份证(脱敏)': `${dad.id.slice(0, 6)}********${dad.id.slice(14)}`,
      丈夫手机: r.chance(0.95) ? fmtMobile(r, cnMobile(r)) : '',
      家庭住址: address(r, FUZHOU_DISTRICTS),
      分娩医院: r.pick(hospitals),
      分娩日期: ymd(born),
      孕周: `${r.int(36, 41)}+${r.int(0, 6)}`,
      产妇诊断: dx,
      宝宝姓名: baby,
      '出生体重(g)': r.int(2450, 4200),
      新生儿听力基因筛查: r.chance(0.88) ? hearingPanel(r) : r.pick(['未做', '待报告']),
      新生儿疾病筛查: r.chance(0.95) ? screen : '待报告',
      房型: room,
      房号: `${r.int(6, 12)}${pad(r.int(1, 20))}`,
      套餐: `${days}天${r.pick(['尊享', '舒心', '悦享', '臻选'])}套餐`,
      套餐金额: money(Math.round((price * days) / 28 / 100) * 100),
      责任护理师: r.pick(nurses),
      支付卡号: card.length === 16 && r.chance(0.3) ? groupCard(card) : card,
      字段23: r.chance(0.5) ? landline(r, '0591') : '',
      字段24: r.chance(0.7) ? (r.chance(0.5) ? `wxid_${hex(r, 14)}` : `${r.pick(['lin', 'chen', 'momo', 'xiaoyu', 'tangtang', 'sunny'])}_${r.int(1985, 2002)}${r.pick(['', 'x', 'yy'])}`) : '',
      护理记录: r.chance(0.6)
        ? r.pick([
            '产妇伤口愈合良好，母乳喂养顺利',
            '宝宝黄疸值偏高，已建议回院复查',
            `宝宝体重较出生增加${r.int(150, 600)}g`,
            '产妇情绪低落，已安排心理咨询师沟通',
            '产妇血糖监测正常，继续饮食控制',
            '家属要求提前三天离所',
            `探视登记：外婆${personName(r, false)}，访客两人`,
            '宝宝脐带已脱落，护理正常',
          ])
        : '',
    });
  }
  return writeDelimited(dir, 'yuezi_zhongxin_ruzhu_dengji_2024.csv', spec, recs, { delimiter: ',', eol: '\n', encoding: 'utf8', bom: false });
}

// ---------------------------------------------------------------------------------------------

await runTableSet<Rng, Entry>({
  script: 'bench/eval/columns-j/generate.ts',
  defaultSeed: 20240901,
  rng: makeRng,
  makers: [
    ['jiapei', jiapei],
    ['binyiguan', binyiguan],
    ['diandongche', diandongche],
    ['ncre', ncre],
    ['gongzufang', gongzufang],
    ['taibao', taibao],
    ['wangba', wangba],
    ['kouqiang', kouqiang],
    ['gongdi', gongdi],
    ['wurenji', wurenji],
    ['malasong', malasong],
    ['yuezi', yuezi],
  ],
});
