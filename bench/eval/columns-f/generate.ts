/**
 * Sixth blind labelled column set for `landao scan` (columns-f), written without reading the scanner,
 * its recognisers or the earlier sets' value makers (see README.md).
 *
 *   npx tsx bench/eval/columns-f/generate.ts --out DIR [--seed N]   # default seed 20240612
 *   npx tsx bench/eval/columns-f/check.ts DIR [--all]                # reads the set back, no scanner
 *   npx tsx bench/eval/columns-eval.ts DIR                           # the scorer (run by the lead)
 *
 * Twelve files on domains new to the earlier sets: 学籍与升学, 公积金缴存与提取, 住房租赁备案, 工伤认定,
 * 残疾人证管理, 献血者档案, 医保药品追溯码销售, 网约车订单, 港澳台人员就业失业登记, 两岸海运集装箱,
 * 智慧社区门禁与 WiFi 探针, a Kubernetes secrets dump — in CSV (UTF-8; GBK with CRLF; BOM with CRLF;
 * semicolon- and pipe-separated), TSV, XLSX (merged title row, two sheets, date cells, numbers as
 * numbers), JSON (nested, arrays), NDJSON and Parquet.
 *
 * DIR/truth.json: `{ file: [{ index, header, truth }] }`, truth a detector type id, `decoy` or
 * `free_text`; JSON/NDJSON headers are paths (a.b[].c) in order of first appearance, depth first. For
 * XLSX the labelled data is on the first sheet. Output is byte-identical between runs and time zones:
 * one seeded stream per file maker, every date built in UTC, workbook dates fixed, and every zip entry
 * of an XLSX file stamped 2024-06-12 09:00.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parquetWriteFile } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import * as V from './values.ts';
import { Rng } from './values.ts';

export interface Entry {
  index: number;
  header: string;
  truth: string;
}
type Cell = string | number | boolean | Date | null;
type Row = Record<string, Cell>;
/** [header, truth] in column order. */
type Spec = ReadonlyArray<readonly [string, string]>;

// ---------------------------------------------------------------------------------------------
// Writers

const entriesOf = (spec: Spec): Entry[] => spec.map(([header, truth], index) => ({ index, header, truth }));

function ordered(spec: Spec, rows: Row[]): Cell[][] {
  return rows.map((row) =>
    spec.map(([h]) => {
      if (!(h in row)) throw new Error(`row lacks column ${h}`);
      return row[h] ?? null;
    }),
  );
}
const cellText = (c: Cell): string => (c === null ? '' : c instanceof Date ? V.ymd(c) : String(c));

interface DelimitedOptions {
  delimiter: string;
  eol: '\n' | '\r\n';
  bom?: boolean;
  gbk?: boolean;
}
function writeDelimited(dir: string, file: string, spec: Spec, rows: Row[], o: DelimitedOptions): Entry[] {
  const q = (s: string): string => (s.includes(o.delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [spec.map(([h]) => q(h)).join(o.delimiter), ...ordered(spec, rows).map((r) => r.map((c) => q(cellText(c))).join(o.delimiter))];
  const text = lines.join(o.eol) + o.eol;
  let buf: Buffer;
  if (o.gbk === true) {
    buf = iconv.encode(text, 'gbk');
    if (iconv.decode(buf, 'gbk') !== text) throw new Error(`${file}: text does not survive GBK`);
  } else buf = Buffer.concat([o.bom === true ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  writeFileSync(join(dir, file), buf);
  return entriesOf(spec);
}

const STAMP = V.utc(2024, 6, 12, 9, 0, 0);
/** Restamps every local header and central-directory entry of a zip with 2024-06-12 09:00 (DOS time). */
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
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
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

interface XlsxOptions {
  sheet: string;
  title?: string;
  dateFormats?: Record<string, string>;
  widths?: number;
  second?: { name: string; rows: Cell[][] };
}
async function writeXlsx(dir: string, file: string, spec: Spec, rows: Row[], o: XlsxOptions): Promise<Entry[]> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'landao-bench';
  wb.lastModifiedBy = 'landao-bench';
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet(o.sheet);
  let at = 1;
  if (o.title !== undefined) {
    ws.mergeCells(1, 1, 1, spec.length);
    const t = ws.getCell(1, 1);
    t.value = o.title;
    t.font = { bold: true, size: 14 };
    t.alignment = { horizontal: 'center' };
    at = 2;
  }
  ws.getRow(at).values = spec.map(([h]) => h);
  ws.getRow(at).font = { bold: true };
  const data = ordered(spec, rows);
  data.forEach((cells, i) => {
    const row = ws.getRow(at + 1 + i);
    cells.forEach((c, j) => {
      if (c === null || c === '') return;
      row.getCell(j + 1).value = c;
    });
  });
  spec.forEach(([h], j) => {
    const col = ws.getColumn(j + 1);
    col.width = o.widths ?? 16;
    const fmt = o.dateFormats?.[h];
    if (fmt !== undefined) col.numFmt = fmt;
  });
  if (o.second !== undefined) {
    const ws2 = wb.addWorksheet(o.second.name);
    o.second.rows.forEach((r, i) => {
      ws2.getRow(i + 1).values = r.map((c) => (c === null ? '' : c));
    });
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(join(dir, file), fixZipTimes(buf));
  return entriesOf(spec);
}

function writeParquet(dir: string, file: string, spec: Spec, rows: Row[], types: Record<string, BasicType>): Entry[] {
  const data = ordered(spec, rows);
  parquetWriteFile({
    filename: join(dir, file),
    columnData: spec.map(([h], j) => {
      const type = types[h] ?? 'STRING';
      const values = data.map((r) => {
        const c = r[j] ?? null;
        if (c === '') return null;
        return type === 'INT64' && typeof c === 'number' ? BigInt(c) : c;
      });
      return { name: h, type, data: values };
    }),
  });
  return entriesOf(spec);
}

/** JSON or NDJSON records; the labels are looked up by path, in the order the paths first appear. */
function writeJson(dir: string, file: string, records: unknown[], labels: Record<string, string>, ndjson: boolean): Entry[] {
  const text = ndjson ? records.map((r) => JSON.stringify(r)).join('\n') + '\n' : JSON.stringify(records, null, 2) + '\n';
  writeFileSync(join(dir, file), text);
  const paths = jsonPaths(records);
  const missing = paths.filter((p) => labels[p] === undefined);
  if (missing.length > 0) throw new Error(`${file}: unlabelled paths ${missing.join(', ')}`);
  const unused = Object.keys(labels).filter((p) => !paths.includes(p));
  if (unused.length > 0) throw new Error(`${file}: labels for absent paths ${unused.join(', ')}`);
  return paths.map((header, index) => ({ index, header, truth: labels[header] as string }));
}

// ---------------------------------------------------------------------------------------------
// Shared bits

const BLANK_MARKS = ['无', '-', 'NULL', 'N/A', '未提供', '/'];
/** A value, or (with probability p) a blank or placeholder. */
function dirty(r: Rng, v: Cell, p: number, marks = BLANK_MARKS): Cell {
  if (!r.chance(p)) return v;
  return r.chance(0.5) ? '' : r.pick(marks);
}
/** A letter-and-digit code drawn again while it happens to pass the HKID check. */
function notHkid(r: Rng, make: () => string): string {
  for (;;) {
    const v = make();
    if (!V.isHkid(v)) return v;
  }
}
/** A mobile masked by the platform (not a valid number: dirt in a mobile column). */
const masked = (r: Rng): string => { const m = V.mobile(r); return `${m.slice(0, 3)}****${m.slice(7)}`; };
const sparse = (r: Rng, p: number, make: () => Cell): Cell => (r.chance(p) ? make() : '');
const p2 = (n: number): string => String(n).padStart(2, '0');
const money = (r: Rng, a: number, b: number): string => (r.int(a * 100, b * 100) / 100).toFixed(2);

const CO_PLACES = ['平潭', '福州', '福建', '岚岛', '海峡', '闽台', '金井', '福清', '厦门', '两岸', '坛南湾', '麒麟'];
const CO_WORDS = ['海运', '物流', '水产', '旅游发展', '建设工程', '电子科技', '商贸', '食品', '文化传媒', '置业', '医药连锁', '网络科技', '渔业', '石材', '茶业', '餐饮管理', '供应链', '新能源', '酒店管理', '人力资源'];
function company(r: Rng): string {
  return `${r.pick(CO_PLACES)}${r.pick(CO_WORDS)}${r.pick(['有限公司', '有限公司', '股份有限公司', '有限责任公司', '集团有限公司'])}`;
}
const TW_CO = ['長榮', '陽明', '臺灣', '高雄', '宏達', '統一', '大成', '聯成', '正新', '佳格', '南僑', '義美'];
function twCompany(r: Rng): string {
  return `${r.pick(TW_CO)}${r.pick(['貿易', '食品', '電子', '實業', '海運', '國際', '茶業', '水產'])}${r.pick(['股份有限公司', '有限公司'])}`;
}
interface Org {
  name: string;
  uscc: string;
  tel: string;
  address: string;
  staff: string[];
}
function orgPool(r: Rng, n: number, staff = 3): Org[] {
  const out: Org[] = [];
  const names = new Set<string>();
  while (out.length < n) {
    const name = company(r);
    if (names.has(name)) continue;
    names.add(name);
    out.push({ name, uscc: V.uscc(r), tel: V.landline(r, { ext: 0.35 }), address: V.fujianAddress(r), staff: V.namePool(r, staff) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 1. 学籍与升学 — XLSX, merged title row, two sheets, date cells, guardians' mobiles partly numbers

const SCHOOLS = ['平潭第一中学', '平潭城关中学', '平潭第二中学', '岚华中学', '平潭实验中学', '平潭翰英中学', '苏平中学', '平潭第三中学', '北厝中学', '敖东中学', '平潭第五中学', '平潭城关第二中学'];
const ADMIT = ['平潭第一中学', '平潭城关中学', '福州第一中学平潭校区', '福建师范大学附属中学', '平潭翰英中学', '平潭第三中学', '平潭职业中专学校', '福州第三中学', '平潭岚华中学高中部', '福建省福州第八中学'];
const RELATION = ['父亲', '母亲', '父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他监护人'];
const NATION = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '畲族', '回族', '满族', '苗族', '土家族'];

function remark(r: Rng, kind: 'school' | 'fund' | 'rent' | 'disab' | 'ride' | 'job' | 'ship' | 'blood'): string {
  const n = V.personName(r);
  const m = V.mobile(r);
  const pool: Record<typeof kind, string[]> = {
    school: [`监护人变更为祖母${n}，联系电话${m}`, `随迁子女，原户籍${V.hukouAddress(r)}`, `该生患${r.pick(V.DISEASES)}，已提交诊断证明`, `父母在台经商，在台联系人${V.twName(r)} ${V.twMobile(r)}`, '已核验', `学籍由${r.pick(SCHOOLS)}转入`, `资助卡开户人为母亲${n}（身份证${V.residentId(r)}）`, '体育成绩按满分计', '港籍学生，回乡证已复印存档', '无'],
    fund: [`委托${n}代办，代办人电话${m}`, '已核验购房合同及发票', `离职提取，新单位${company(r)}`, `账户冻结：${r.pick(['法院协助执行', '公安冻结'])}`, `租房提取，房东${n} ${V.residentId(r)}`, '重复提交', `大病提取：${r.pick(V.DISEASES)}，附三甲医院证明`, `收款卡更换为${V.bankCard(r)}`, '补缴2023年12月'],
    rent: [`承租人配偶${V.twName(r)}同住，台胞证${V.twTravelPermit(r)}`, '合同原件已核验', `转租给${n}，电话${m}`, `中介经办人${n}`, '房东委托其子代签', `紧急联系人${n} ${m}`, '备案系统补录', `租客工作单位${company(r)}`],
    disab: [`监护人${n}已签字，电话${m}`, '家属代领', `入户核查：${V.pingtanAddress(r)}`, `已换发第三代残疾人证`, `另患${r.pick(V.DISEASES)}`, '补贴暂停：户籍迁出', '重新评定中', `代办人${n}（${V.residentId(r)}）`],
    ride: [`司机${n.slice(0, 1)}师傅很准时，车很干净`, `绕路了，多收了${r.int(5, 30)}元`, '东西落在车上，已联系司机找回', `车牌${V.plate(r)}和App显示不一致`, '司机全程打电话', `请回电${m}`, '好评', '空调太冷', `司机手机${V.mobile(r)}打不通`, ''],
    job: [`台胞就业补贴已申领，联系人${V.twName(r)}`, `香港居民，单位联系人${n} ${V.landline(r)}`, '失业金已停发', `创业担保贷款经办：${n}`, `推荐至${company(r)}`, '已办理灵活就业登记', `邮箱${V.email(r)}`, '重复登记'],
    ship: [`收货人联系人${n} ${m}`, '冷藏箱，开航前预冷', `拼箱，分提单${V.billOfLading(r)}`, '查验：H986机检', `台方${V.twName(r)}电话${V.twMobile(r)}`, '放行', '改港至江阴', `超重${r.int(1, 9)}00KG`],
    blood: [`${r.pick(['体检合格', '献血后无不适', '轻度晕针', '留样复检'])}`, `招募人${n}`, `团体献血：${company(r)}`, `紧急联系人${n} ${m}`, `既往${r.pick(V.DISEASES)}史，暂缓`, '已加入造血干细胞捐献者资料库'],
  };
  return r.pick(pool[kind]);
}

async function xueji(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'xueji_shengxue_pingtan_2024.xlsx';
  const spec = [
    ['学生姓名', 'person_name'], ['民族', 'decoy'], ['出生日期', 'decoy'], ['学籍号', 'cn_resident_id'],
    ['中考准考证号', 'decoy'], ['毕业学校', 'decoy'], ['学校标识码', 'decoy'], ['班级', 'decoy'], ['家庭住址', 'address'],
    ['监护人', 'person_name'], ['监护人关系', 'decoy'], ['监护人手机', 'cn_mobile'], ['监护人身份证号', 'cn_resident_id'], ['学校联系电话', 'cn_landline'],
    ['体育免考原因', 'medical_record'], ['中考总分', 'decoy'], ['录取学校', 'decoy'], ['录取批次', 'decoy'], ['录取通知书编号', 'decoy'],
    ['资助卡号', 'bank_card'], ['回乡证号', 'hkmo_home_return_permit'], ['备注', 'free_text'],
  ] as const;
  const schools = SCHOOLS.map((name) => ({ name, code: `${r.pick(['2', '3'])}135${r.digits(6)}`, tel: V.landline(r, { area: '0591', ext: 0.5 }), teachers: V.namePool(r, 5) }));
  const rows: Row[] = [];
  for (let i = 0; i < 1200; i++) {
    const male = r.chance(0.52);
    const born = V.dayBetween(r, V.utc(2008, 9, 1), V.utc(2009, 8, 31));
    const sid = V.residentId(r, { code: r.chance(0.8) ? '350128' : undefined, born, male });
    const school = r.pick(schools);
    const minority = r.chance(0.02);
    const guardian = V.residentId(r, { born: V.birth(r, 1968, 1988) });
    const m = V.mobile(r);
    const mobileCell: Cell = r.chance(0.4) ? Number(m) : V.mobileVariant(r, m, 'mixed');
    const gid = r.chance(0.01) ? V.typoId(r, guardian) : V.idVariant(r, guardian.endsWith('X') || r.chance(0.9) ? guardian : V.residentIdEndingX(r), 0.06);
    const score = r.int(3000, 7300) / 10;
    rows.push({
      序号: i + 1,
      学生姓名: V.nameVariant(r, minority ? V.minorityName(r) : V.cnName(r)),
      性别: male ? '男' : '女',
      民族: minority ? r.pick(['维吾尔族', '藏族', '蒙古族']) : r.pick(NATION),
      出生日期: born,
      学籍号: dirty(r, `G${sid}`, 0.02),
      中考准考证号: `24350128${String(i + 1).padStart(4, '0')}`,
      毕业学校: school.name,
      学校标识码: school.code,
      班级: `九年级${r.int(1, 12)}班`,
      班主任: r.pick(school.teachers),
      家庭住址: dirty(r, r.chance(0.97) ? V.pingtanAddress(r) : V.hukouAddress(r), 0.02, ['同户籍地', '-']),
      监护人: V.nameVariant(r, V.cnName(r)),
      监护人关系: r.pick(RELATION),
      监护人手机: dirty(r, mobileCell, 0.02),
      监护人身份证号: dirty(r, gid, 0.02),
      学校联系电话: school.tel,
      体育免考原因: sparse(r, 0.07, () => r.pick(['支气管哮喘', '先天性心脏病（室间隔缺损术后）', '癫痫', '1型糖尿病', '脊柱侧弯', '右胫腓骨骨折术后', '肥厚型心肌病', '过敏性紫癜肾炎', '左膝半月板撕裂'])),
      中考总分: score,
      录取学校: r.chance(0.9) ? r.pick(ADMIT) : '未录取',
      录取批次: r.pick(['提前批', '第一批', '第二批', '第三批', '指标到校', '职业教育批']),
      录取通知书编号: `PT2024-${String(r.int(1, 99999)).padStart(5, '0')}`,
      资助卡号: sparse(r, 0.15, () => V.cardVariant(r, V.bankCard(r, { len: 19, bad: r.chance(0.02) }), 0.3)),
      回乡证号: sparse(r, 0.06, () => V.homeReturnPermit(r, r.chance(0.7) ? 'H' : 'M')),
      备注: sparse(r, 0.3, () => remark(r, 'school')),
    });
  }
  const second: Cell[][] = [
    ['填表说明'],
    ['1. 学籍号为全国中小学生学籍信息管理系统生成的学籍号（G+身份证号）。'],
    ['2. 出生日期按身份证填写；监护人手机须为本人实名登记号码。'],
    ['3. 资助卡为学生资助专用社保卡金融账户。'],
    ['4. 本表由平潭综合实验区社会事业局汇总，数据截至2024年7月20日。'],
    ['统计', '人数'],
    ['毕业生总数', 1200],
  ];
  return [file, await writeXlsx(dir, file, spec, rows, { sheet: '学籍升学', title: '平潭综合实验区2024届初中毕业生学籍与升学信息汇总表', dateFormats: { 出生日期: 'yyyy-mm-dd' }, second: { name: '填表说明', rows: second } })];
}

// ---------------------------------------------------------------------------------------------
// 2. 公积金缴存与提取 — CSV, GBK, CRLF

const WITHDRAW = ['购买自住住房', '租赁住房', '偿还购房贷款本息', '离职提取', '退休提取', '重大疾病', '出境定居', '既有住宅加装电梯', '死亡或宣告死亡'];
const BANKS = ['中国建设银行平潭支行', '中国工商银行平潭分理处', '中国农业银行平潭综合实验区支行', '中国银行平潭分行', '兴业银行福州分行', '福建平潭农村商业银行城关支行', '交通银行福州分行', '中国邮政储蓄银行平潭县支行'];

async function gongjijin(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'gongjijin_jiaocun_tiqu_2024Q2_gbk.csv';
  const spec = [
    ['业务流水号', 'decoy'], ['个人公积金账号', 'decoy'], ['姓名', 'person_name'], ['证件类型', 'decoy'], ['证件号码', 'cn_resident_id'],
    ['单位名称', 'decoy'], ['单位统一社会信用代码', 'cn_uscc'], ['经办人电话', 'cn_landline'], ['个人手机', 'cn_mobile'],
    ['缴存基数', 'decoy'], ['提取类型', 'decoy'], ['提取金额', 'decoy'], ['收款银行', 'decoy'],
    ['收款账号', 'bank_card'], ['重大疾病病种', 'medical_record'], ['开户日期', 'decoy'], ['账户状态', 'decoy'], ['贷款合同号', 'decoy'], ['备注', 'free_text'],
  ] as const;
  const orgs = orgPool(r, 260, 2);
  const rows: Row[] = [];
  for (let i = 0; i < 2000; i++) {
    const org = r.pick(orgs);
    const day = V.dayBetween(r, V.utc(2024, 4, 1), V.utc(2024, 6, 30));
    const serial = V.forceMod112Fail(r, `350128${V.ymd(day, '')}${r.digits(4)}`) + r.digits(2);
    const id = V.residentId(r, { born: V.birth(r, 1962, 2001) });
    const kind = r.weighted([[5, WITHDRAW[0]], [6, WITHDRAW[1]], [5, WITHDRAW[2]], [2, WITHDRAW[3]], [2, WITHDRAW[4]], [2, WITHDRAW[5]], [1, WITHDRAW[6]], [1, WITHDRAW[7]], [0.3, WITHDRAW[8]]] as const) as string;
    const base = r.int(2030, 28000);
    const ratio = r.pick([5, 8, 10, 12]);
    rows.push({
      业务流水号: serial,
      个人公积金账号: `3501${r.digits(8)}`,
      姓名: V.nameVariant(r, V.personName(r, { minority: 0.01 })),
      证件类型: r.pick(['居民身份证', '居民身份证', '01-居民身份证', '身份证']),
      证件号码: dirty(r, r.chance(0.01) ? V.typoId(r, id) : V.idVariant(r, r.chance(0.1) ? V.residentIdEndingX(r) : id, 0.08), 0.015),
      单位名称: org.name,
      单位统一社会信用代码: org.uscc,
      单位经办人: r.pick(org.staff),
      经办人电话: org.tel,
      个人手机: dirty(r, r.chance(0.03) ? V.mobile(r).slice(0, 10) : V.mobileVariant(r, V.mobile(r), r.chance(0.5) ? 'dash' : 'space'), 0.03),
      缴存基数: base.toFixed(2),
      月缴存额: ((base * ratio * 2) / 100).toFixed(2),
      缴存比例: `${ratio}%`,
      提取类型: kind,
      提取金额: money(r, 800, 120000),
      收款银行: r.pick(BANKS),
      收款账号: dirty(r, V.cardVariant(r, V.bankCard(r, { bad: r.chance(0.02) }), 0.35), 0.01),
      重大疾病病种: kind === '重大疾病' ? r.pick(['恶性肿瘤', '尿毒症（慢性肾功能衰竭）', '急性白血病', '再生障碍性贫血', '系统性红斑狼疮', '肝硬化失代偿期', '重症肌无力', '脑出血后遗症', '冠状动脉搭桥术后']) : '',
      开户日期: V.ymd(V.dayBetween(r, V.utc(2008, 1, 1), V.utc(2024, 3, 31))),
      账户状态: r.weighted([[20, '正常'], [3, '封存'], [1, '冻结'], [1, '销户']] as const),
      贷款合同号: sparse(r, 0.2, () => `PTGJJ${r.int(2015, 2024)}${r.digits(6)}`),
      备注: sparse(r, 0.25, () => remark(r, 'fund')),
    });
  }
  return [file, writeDelimited(dir, file, spec, rows, { delimiter: ',', eol: '\r\n', gbk: true })];
}

// ---------------------------------------------------------------------------------------------
// 3. 住房租赁备案 — TSV, UTF-8, LF; mainland, Taiwan and Hong Kong tenants in split columns

async function zulin(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'zhufang_zulin_beian_pingtan_202406.tsv';
  const spec = [
    ['备案编号', 'decoy'], ['房屋坐落', 'address'], ['所在乡镇街道', 'decoy'], ['小区名称', 'decoy'], ['房屋编码', 'decoy'],
    ['出租人', 'person_name'], ['出租人证件号', 'cn_resident_id'], ['出租人手机', 'cn_mobile'], ['承租人', 'person_name'], ['承租人证件类型', 'decoy'],
    ['承租人身份证号', 'cn_resident_id'], ['承租人台胞证号', 'tw_travel_permit'], ['承租人台湾身分证', 'tw_national_id'], ['承租人居住证号', 'tw_residence_permit'],
    ['港澳居民居住证号码', 'hk_residence_permit'], ['承租人台湾手机', 'tw_mobile'], ['月租金', 'decoy'], ['租赁起始日', 'decoy'],
    ['房屋用途', 'decoy'], ['经纪机构', 'decoy'], ['经纪人登记号', 'decoy'], ['楼栋坐标', 'geo_coordinate'], ['备注', 'free_text'],
  ] as const;
  const gridStaff = V.namePool(r, 30);
  const agencies = [...new Set(Array.from({ length: 40 }, () => `${r.pick(CO_PLACES)}${r.pick(['安居', '链家', '我爱我家', '房友', '岚居', '海峡'])}房地产经纪有限公司`))];
  const buildings = Array.from({ length: 260 }, () => {
    const town = r.pick(V.PT_TOWNS);
    const estate = r.pick(V.PT_ESTATES);
    const road = `${r.pick(V.PT_ROADS)}${r.int(1, 399)}号`;
    const geo = V.geoText(r, 25.505, 119.79, 0.12);
    return { town, estate, road, bld: r.int(1, 28), geo };
  });
  const rows: Row[] = [];
  for (let i = 0; i < 1500; i++) {
    const b = r.pick(buildings);
    const kind = r.weighted([[58, 'cn'], [37, 'tw'], [5, 'hk']] as const);
    const start = V.dayBetween(r, V.utc(2023, 7, 1), V.utc(2024, 6, 30));
    const months = r.pick([6, 12, 12, 12, 24, 36]);
    const end = V.utc(start.getUTCFullYear(), start.getUTCMonth() + 1 + months, start.getUTCDate() - 1);
    const rent = r.int(8, 60) * 100;
    const tenant = kind === 'tw' ? V.twName(r) : kind === 'hk' ? r.pick(['陳', '黃', '李', '張', '梁', '何']) + r.pick(['家明', '嘉欣', '偉強', '詠詩', '志豪', '美儀', '國榮']) : V.personName(r);
    const hasRp = kind === 'tw' && r.chance(0.33);
    const landlordId = V.residentId(r, { code: r.chance(0.7) ? '350128' : undefined, born: V.birth(r, 1950, 1995) });
    rows.push({
      备案编号: `ZLBA-350128-2024-${String(i + 1).padStart(6, '0')}`,
      房屋坐落: `${r.pick(['福建省平潭综合实验区', '平潭综合实验区', '平潭县'])}${b.town}${b.road}${b.estate}${b.bld}号楼${r.int(1, 4)}单元${r.int(1, 26)}0${r.int(1, 6)}室`,
      所在乡镇街道: b.town,
      小区名称: b.estate,
      房屋编码: V.forceIdLikeFail(r, `35012810${r.digits(10)}`),
      建筑面积: (r.int(3500, 16000) / 100).toFixed(2),
      出租人: V.nameVariant(r, V.cnName(r)),
      出租人证件号: dirty(r, V.idVariant(r, landlordId, 0.05), 0.02),
      出租人手机: dirty(r, V.mobileVariant(r, V.mobile(r), 'intl'), 0.02),
      承租人: tenant,
      承租人证件类型: kind === 'cn' ? '居民身份证' : kind === 'hk' ? '港澳居民居住证' : hasRp ? '台湾居民居住证' : '台湾居民来往大陆通行证',
      承租人身份证号: kind === 'cn' ? dirty(r, V.idVariant(r, V.residentId(r, { born: V.birth(r, 1975, 2004) })), 0.02) : '',
      承租人台胞证号: kind === 'tw' ? V.twTravelPermit(r) : '',
      承租人台湾身分证: kind === 'tw' && r.chance(0.85) ? (r.chance(0.03) ? V.twNationalId(r).toLowerCase() : V.twNationalId(r)) : '',
      承租人居住证号: hasRp ? V.residencePermit(r, '830000') : '',
      港澳居民居住证号码: kind === 'hk' ? V.residencePermit(r, '810000') : '',
      承租人台湾手机: kind === 'tw' && r.chance(0.9) ? V.twMobile(r) : '',
      月租金: rent,
      租赁起始日: V.ymd(start),
      租赁终止日: V.ymd(end),
      押金: rent * r.pick([1, 2, 3]),
      房屋用途: r.weighted([[8, '住宅'], [1, '商住'], [1, '员工宿舍']] as const),
      经纪机构: r.chance(0.55) ? r.pick(agencies) : '个人直租',
      经纪人登记号: r.chance(0.55) ? `FJ-PT-${r.int(2018, 2024)}-${String(r.int(1, 999)).padStart(4, '0')}` : '',
      楼栋坐标: b.geo,
      网格员: r.pick(gridStaff),
      备注: sparse(r, 0.2, () => remark(r, 'rent')),
    });
  }
  return [file, writeDelimited(dir, file, spec, rows, { delimiter: '\t', eol: '\n' })];
}

// ---------------------------------------------------------------------------------------------
// 4. 工伤认定 — JSON array, nested objects and arrays

const JOBS = ['焊工', '电工', '装卸工', '叉车司机', '项目经理', '钢筋工', '架子工', '保洁员', '厨师', '外卖骑手', '船员', '车间操作工', '仓库管理员', '质检员', '水产加工工', '石材切割工'];
const HOSPITALS = ['平潭综合实验区医院', '福建医科大学附属协和医院', '福州市第二医院', '福建省立医院', '平潭县中医院', '福建医科大学附属第一医院', '福州市第一医院', '福清市医院'];
const ACC_TYPES = ['机械伤害', '高处坠落', '物体打击', '起重伤害', '车辆伤害', '触电', '灼烫', '中毒和窒息', '上下班途中交通事故', '其他伤害'];
const PLACES = ['冲压车间', '码头五号泊位', '仓库二楼货架区', '施工现场基坑', '厨房操作间', '上班途中', '水产加工车间', '切割车间', '配送途中', '船舶甲板'];

async function gongshang(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'gongshang_rending_anjian_2024.json';
  const handlers = V.namePool(r, 9);
  const employers = Array.from({ length: 150 }, () => {
    const code = r.pick(['350128', '350128', '350181', '350102', '350104', '350111']);
    let org8: string;
    do org8 = `${r.digits(2)}${r.int(2, 9)}${r.digits(5)}`; while (!/^\d{8}$/.test(org8));
    const check = V.orgCodeCheck(org8);
    return {
      name: company(r),
      uscc: V.uscc(r, { kind: '91', code, org8 }),
      orgCode: `${org8}-${check}`,
      taxRegNo: `${code}${org8}${check}`,
      address: V.fujianAddress(r),
      contact: { name: V.cnName(r), tel: V.landline(r, { ext: 0.3 }) },
    };
  });
  const records: unknown[] = [];
  for (let i = 0; i < 800; i++) {
    const e = r.pick(employers);
    const male = r.chance(0.78);
    const id = V.residentId(r, { born: V.birth(r, 1962, 2004), male });
    const when = V.between(r, V.utc(2023, 9, 1), V.utc(2024, 5, 31));
    const accept = new Date(when.getTime() + r.int(3, 60) * 86400_000);
    const n = r.weighted([[6, 1], [3, 2], [1, 3]] as const);
    const dx: (readonly [string, string])[] = [];
    while (dx.length < n) {
      const d = r.pick(V.INJURY_DIAGNOSES);
      if (!dx.includes(d)) dx.push(d);
    }
    const name = V.personName(r, { minority: 0.02 });
    const accepted = r.chance(0.86);
    const worker: Record<string, unknown> = {
      name,
      idNo: r.chance(0.01) ? V.typoId(r, id) : V.idVariant(r, id, 0.04),
      mobile: r.chance(0.04) ? `${V.mobile(r)}（微信同号）` : V.mobileVariant(r, V.mobile(r), 'intl'),
      socialSecurityNo: `350128${r.digits(6)}`,
      jobTitle: r.pick(JOBS),
      hireDate: V.ymd(V.dayBetween(r, V.utc(2010, 1, 1), V.utc(2023, 8, 31))),
      bankCard: r.chance(0.85) ? V.cardVariant(r, V.bankCard(r, { bad: r.chance(0.02) }), 0.2) : null,
    };
    records.push({
      caseNo: `平人社工认〔2024〕${String(i + 1).padStart(4, '0')}号`,
      acceptDate: V.ymd(accept),
      worker,
      employer: { name: e.name, uscc: e.uscc, orgCode: e.orgCode, taxRegNo: e.taxRegNo, address: e.address, contact: e.contact },
      accident: {
        time: V.isoBeijing(when),
        place: r.pick(PLACES),
        gps: V.geoText(r, 25.55, 119.6, 0.5),
        type: r.pick(ACC_TYPES),
        description: `${V.ymd(when)}，${name}在${r.pick(PLACES)}作业时${r.pick(['被机器夹伤', '从梯子上摔下', '被货物砸伤', '被高温油烫伤', '骑电动车被撞'])}，由同事${V.cnName(r)}送往${r.pick(HOSPITALS)}，诊断为${dx.map((d) => d[0]).join('、')}。${r.chance(0.3) ? `联系电话${V.mobile(r)}。` : ''}`,
        diagnoses: dx.map((d) => d[0]),
        icd10: dx.map((d) => d[1]),
        hospital: r.pick(HOSPITALS),
      },
      decision: {
        docNo: accepted ? `平人社工伤认字〔2024〕第${String(r.int(1, 999)).padStart(3, '0')}号` : null,
        disabilityLevel: accepted ? r.weighted([[5, '未达级'], [1, '伤残十级'], [1, '伤残九级'], [0.6, '伤残八级'], [0.4, '伤残七级'], [0.2, '伤残五级']] as const) : null,
        handler: r.pick(handlers),
      },
      attachments: Array.from({ length: r.int(1, 3) }, () => ({ kind: r.pick(['工伤认定申请表', '劳动合同', '病历资料', '事故调查报告', '证人证言', '身份证复印件']), sha256: V.sha256Hex(r) })),
    });
  }
  const labels: Record<string, string> = {
    caseNo: 'decoy', acceptDate: 'decoy', 'worker.name': 'person_name', 'worker.idNo': 'cn_resident_id', 'worker.mobile': 'cn_mobile',
    'worker.socialSecurityNo': 'decoy', 'worker.jobTitle': 'decoy', 'worker.hireDate': 'decoy', 'worker.bankCard': 'bank_card', 'employer.name': 'decoy',
    'employer.uscc': 'cn_uscc', 'employer.orgCode': 'decoy', 'employer.taxRegNo': 'decoy', 'employer.address': 'address', 'employer.contact.name': 'person_name',
    'employer.contact.tel': 'cn_landline', 'accident.time': 'decoy', 'accident.place': 'decoy', 'accident.gps': 'geo_coordinate', 'accident.type': 'decoy',
    'accident.description': 'free_text', 'accident.diagnoses[]': 'medical_record', 'accident.icd10[]': 'medical_record', 'accident.hospital': 'decoy',
    'decision.docNo': 'decoy', 'decision.disabilityLevel': 'decoy', 'decision.handler': 'person_name', 'attachments[].kind': 'decoy',
    'attachments[].sha256': 'decoy',
  };
  return [file, writeJson(dir, file, records, labels, false)];
}

// ---------------------------------------------------------------------------------------------
// 5. 残疾人证管理 — CSV, UTF-8 with BOM, CRLF

const CAUSES_BY_KIND: string[][] = [
  ['糖尿病视网膜病变', '先天性白内障', '青光眼', '视网膜色素变性', '老年性黄斑变性', '高度近视视网膜脱离'],
  ['感音神经性聋', '中耳炎后遗症', '先天性聋哑', '药物中毒性耳聋', '老年性聋'],
  ['脑性瘫痪', '孤独症谱系障碍', '先天性聋哑', '脑梗死后遗症', '喉癌术后'],
  ['脊髓损伤', '小儿麻痹后遗症', '股骨头坏死', '类风湿关节炎', '截肢（左下肢）', '特发性脊柱侧凸', '脑梗死后遗症', '帕金森病'],
  ['唐氏综合征', '脑性瘫痪', '孤独症谱系障碍', '苯丙酮尿症'],
  ['精神分裂症', '双相情感障碍', '孤独症谱系障碍', '复发性抑郁障碍'],
  ['脑外伤后遗症', '脑性瘫痪', '脑梗死后遗症'],
];

async function canjiren(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'canjiren_zheng_guanli_202406.csv';
  const spec = [
    ['残疾人证号', 'cn_resident_id'], ['姓名', 'person_name'], ['残疾类别', 'medical_record'], ['残疾等级', 'decoy'], ['致残原因', 'medical_record'],
    ['户籍地址', 'address'], ['联系电话', 'cn_mobile'], ['监护人', 'person_name'], ['发证日期', 'decoy'],
    ['评定机构', 'decoy'], ['辅助器具', 'decoy'], ['补贴类型', 'decoy'], ['发放账号', 'bank_card'],
    ['所在社区', 'decoy'], ['col_15', 'geo_coordinate'], ['业务办理编号', 'decoy'], ['备注', 'free_text'],
  ] as const;
  const doctors = V.namePool(r, 18);
  const rows: Row[] = [];
  for (let i = 0; i < 1000; i++) {
    const kindNo = r.int(1, 7);
    const grade = r.weighted([[2, 1], [3, 2], [3, 3], [4, 4]] as const);
    const born = V.birth(r, 1935, 2019);
    const male = r.chance(0.55);
    const id = V.residentId(r, { code: r.chance(0.75) ? '350128' : undefined, born, male });
    const needsGuardian = kindNo === 5 || kindNo === 6 || born.getUTCFullYear() >= 2006 || r.chance(0.1);
    const issued = V.dayBetween(r, V.utc(2018, 1, 1), V.utc(2024, 6, 10));
    const subsidy = r.weighted([[4, '困难残疾人生活补贴'], [3, '重度残疾人护理补贴'], [3, '两项补贴'], [3, '无']] as const);
    rows.push({
      残疾人证号: dirty(r, `${id}${kindNo}${grade}`, 0.01),
      姓名: V.nameVariant(r, V.personName(r, { minority: 0.06 })),
      性别: male ? '男' : '女',
      残疾类别: V.DISABILITY_KINDS[kindNo - 1] as string,
      残疾等级: ['一级', '二级', '三级', '四级'][grade - 1] as string,
      致残原因: dirty(r, r.pick(CAUSES_BY_KIND[kindNo - 1] ?? V.DISABILITY_CAUSES), 0.04, ['不详', '-']),
      户籍地址: dirty(r, id.startsWith('350128') ? V.pingtanAddress(r) : V.hukouAddress(r, id.slice(0, 6)), 0.02),
      联系电话: dirty(r, r.chance(0.05) ? V.landline(r, { area: '0591', ext: 0 }) : V.mobileVariant(r, V.mobile(r), 'mixed'), 0.04),
      监护人: needsGuardian ? V.cnName(r) : '',
      监护人电话: needsGuardian ? V.mobileVariant(r, V.mobile(r), 'mixed') : '',
      发证日期: V.ymd(issued),
      有效期至: V.ymd(V.utc(issued.getUTCFullYear() + 10, issued.getUTCMonth() + 1, issued.getUTCDate())),
      评定机构: r.pick(['平潭综合实验区医院', '福建医科大学附属协和医院', '福州市第四医院', '福建省立医院', '平潭县中医院', '福州市第二医院', '福建省康复医院']),
      评残医生: r.pick(doctors),
      辅助器具: r.pick(['轮椅', '助听器', '盲杖', '假肢', '助行器', '坐便椅', '读屏软件', '放大镜', '护理床', '未申领']),
      补贴类型: subsidy,
      补贴金额: subsidy === '无' ? 0 : subsidy === '两项补贴' ? 290 : r.pick([100, 145, 190]),
      发放账号: subsidy === '无' ? '' : dirty(r, V.cardVariant(r, V.bankCard(r, { len: 19, bad: r.chance(0.02) }), 0.25), 0.02),
      所在社区: r.pick(['城东社区', '城西社区', '东澳村', '北厝村', '流水村委会', '芦洋村', '敖东社区', '金井社区', '苏平村', '上楼村', '岚城社区']),
      康复服务需求: r.pick(['康复训练', '辅具适配', '护理服务', '支持性服务', '家庭无障碍改造', '职业康复', '暂无']),
      col_15: sparse(r, 0.45, () => V.geoText(r, 25.51, 119.78, 0.14)),
      业务办理编号: `CL${V.ymd(issued, '')}${String(r.int(1, 9999)).padStart(4, '0')}`,
      备注: sparse(r, 0.22, () => remark(r, 'disab')),
    });
  }
  return [file, writeDelimited(dir, file, spec, rows, { delimiter: ',', eol: '\r\n', bom: true })];
}

// ---------------------------------------------------------------------------------------------
// 6. 献血者档案 — Parquet (STRING, INT32, INT64 mobiles, DOUBLE, BOOLEAN, TIMESTAMP)

async function xianxue(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'xianxue_zhe_dangan_2024.parquet';
  const spec = [
    ['献血者编号', 'decoy'], ['姓名', 'person_name'], ['证件号码', 'cn_resident_id'], ['出生年份', 'decoy'], ['手机号码', 'cn_mobile'],
    ['献血码', 'decoy'], ['献血时间', 'decoy'], ['献血量ml', 'decoy'], ['体重kg', 'decoy'], ['血红蛋白g/L', 'decoy'],
    ['检测结果', 'medical_record'], ['淘汰原因', 'medical_record'], ['HLA分型', 'genetic_data'], ['HPA基因分型', 'genetic_data'], ['献血地点', 'decoy'],
    ['采血护士', 'person_name'], ['骨髓库志愿者', 'decoy'], ['献血证号', 'decoy'], ['备注', 'free_text'],
  ] as const;
  const nurses = V.namePool(r, 25);
  const rows: Row[] = [];
  for (let i = 0; i < 2500; i++) {
    const born = V.birth(r, 1966, 2006);
    const male = r.chance(0.56);
    const id = V.residentId(r, { born, male });
    const when = V.between(r, V.utc(2024, 1, 2), V.utc(2024, 6, 11));
    const kind = r.weighted([[8, '全血'], [2, '单采血小板'], [0.5, '单采血浆']] as const);
    const hb = r.int(1180, 1720) / 10;
    const alt = r.chance(0.05) ? r.int(51, 130) : r.int(8, 50);
    const fail = alt > 50 ? `ALT偏高（${alt}U/L）` : r.chance(0.012) ? r.pick(['HBsAg阳性', '梅毒螺旋体抗体阳性', '抗-HCV阳性']) : hb < 120 ? `血红蛋白偏低（${hb}g/L）` : '';
    const volunteer = r.chance(0.16);
    const m = V.mobile(r);
    rows.push({
      献血者编号: `D3501${r.digits(8)}`,
      姓名: V.personName(r, { minority: 0.02, tw: 0.01 }),
      证件号码: dirty(r, r.chance(0.01) ? V.typoId(r, id) : V.idVariant(r, id.endsWith('X') && r.chance(0.3) ? id.slice(0, 17) + 'x' : id, 0.02), 0.01),
      性别: male ? '男' : '女',
      出生年份: born.getUTCFullYear(),
      手机号码: r.chance(0.03) ? null : Number(m),
      献血码: `W${r.pick(['0910', '0911', '0913'])}24${r.digits(6)}`,
      献血时间: when,
      献血量ml: kind === '全血' ? r.pick([200, 300, 400, 400]) : kind === '单采血小板' ? r.pick([1, 2]) : 600,
      献血类型: kind,
      体重kg: r.int(450, 950) / 10,
      '血红蛋白g/L': hb,
      检测结果: `ALT ${alt}U/L；HBsAg ${fail === 'HBsAg阳性' ? '阳性' : '阴性'}；抗-HCV ${fail === '抗-HCV阳性' ? '阳性' : '阴性'}；抗-HIV 阴性；梅毒抗体 ${fail === '梅毒螺旋体抗体阳性' ? '阳性' : '阴性'}`,
      淘汰原因: fail,
      HLA分型: volunteer ? V.hlaTyping(r) : '',
      HPA基因分型: kind === '单采血小板' && r.chance(0.45) ? V.hpaGenotype(r) : '',
      献血地点: r.pick(['平潭万宝献血屋', '平潭实验区医院献血点', '福州五一广场献血屋', '福州东街口献血车', '福清万达献血屋', '福州市血液中心', '平潭麒麟献血车']),
      采血护士: r.pick(nurses),
      骨髓库志愿者: volunteer,
      累计献血次数: r.int(1, 60),
      献血证号: `3501202400${r.digits(5)}`,
      备注: sparse(r, 0.15, () => remark(r, 'blood')),
    });
  }
  const types: Record<string, BasicType> = { 出生年份: 'INT32', 手机号码: 'INT64', 献血时间: 'TIMESTAMP', 献血量ml: 'INT32', 体重kg: 'DOUBLE', '血红蛋白g/L': 'DOUBLE', 骨髓库志愿者: 'BOOLEAN', 累计献血次数: 'INT32' };
  return [file, writeParquet(dir, file, spec, rows, types)];
}

// ---------------------------------------------------------------------------------------------
// 7. 医保药品追溯码销售日志 — NDJSON, nested objects, items[]

const MAKERS = ['华北制药股份有限公司', '石药集团欧意药业有限公司', '扬子江药业集团有限公司', '浙江华海药业股份有限公司', '齐鲁制药有限公司', '福建太平洋制药有限公司', '以岭药业股份有限公司', '正大天晴药业集团股份有限公司', '江苏恒瑞医药股份有限公司', '辉瑞制药有限公司'];

async function yaopin(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'yibao_yaopin_zhuisu_xiaoshou_20240612.ndjson';
  const countyCodes = ['350128', '350102', '350103', '350104', '350111', '350181', '350121'];
  const stores = Array.from({ length: 120 }, (_, k) => {
    const code = r.pick(countyCodes);
    return {
      name: `${r.pick(['平潭益丰大药房', '福州惠好四海大药房', '平潭国大药房', '福建同春药业', '平潭天天好大药房', '鹭燕大药房'])}${r.pick(['潭城', '万宝', '麒麟', '金井', '苏平', '城东', '北厝', '五四', '台江', '仓山'])}${k + 1}店`,
      uscc: V.uscc(r, { kind: '91', code }),
      licenseNo: `闽${r.pick(['AA', 'AB', 'CA', 'DA'])}${r.pick(['591', '592'])}${r.digits(4)}`,
      address: code === '350128' ? V.pingtanAddress(r, r.chance(0.5)) : V.fujianAddress(r),
      tel: V.landline(r, { area: '0591', ext: 0.1 }),
      posIp: V.ipv4Private(r),
      tax: V.taxOfficeCode(code),
    };
  });
  const doctors = V.namePool(r, 60);
  const drugs = V.DRUGS.map((name) => ({ name, product: r.digits(6), approval: V.drugApprovalNo(r), code: V.insuranceDrugCode(r), maker: r.pick(MAKERS), rx: !/布洛芬|对乙酰氨基酚|蒙脱石|连花清瘟|复方丹参/.test(name) }));
  const records: unknown[] = [];
  for (let i = 0; i < 3000; i++) {
    const s = r.pick(stores);
    const when = V.between(r, V.utc(2024, 6, 11, 16, 0, 0), V.utc(2024, 6, 12, 13, 59, 0));
    const n = r.weighted([[6, 1], [3, 2], [1, 3]] as const);
    const items = Array.from({ length: n }, () => {
      const d = r.pick(drugs);
      return {
        traceCode: V.drugTraceCode(r, d.product),
        approvalNo: d.approval,
        name: d.name,
        batch: r.chance(0.4) ? `${r.int(23, 24)}${p2(r.int(1, 12))}${r.digits(2)}` : notHkid(r, () => `${r.pick(['B', 'P', 'C'])}${r.int(23, 24)}${p2(r.int(1, 12))}${r.digits(3)}`),
        category: d.rx ? r.pick(['处方药', '处方药（乙类）', '处方药（甲类）']) : r.pick(['甲类OTC', '乙类OTC']),
        insuranceCode: d.code,
        manufacturer: d.maker,
      };
    });
    const needsRx = items.some((it) => it.category.startsWith('处方药'));
    const dx = r.pick(V.RX_DIAGNOSES);
    const id = V.residentId(r, { born: V.birth(r, 1940, 2015) });
    const fullInvoice = r.chance(0.3);
    const rec: Record<string, unknown> = {
      eventId: V.uuid(r),
      ts: V.isoBeijing(when),
      store: { name: s.name, uscc: s.uscc, licenseNo: s.licenseNo, address: s.address, tel: s.tel, posIp: s.posIp },
      buyer: {
        name: V.personName(r, { minority: 0.01 }),
        idNo: r.chance(0.01) ? V.typoId(r, id) : V.idVariant(r, id, 0.02),
        mobile: r.chance(0.85) ? V.mobileVariant(r, V.mobile(r), 'mixed') : null,
      },
    };
    if (needsRx) rec.rx = { no: `RX${V.ymd(when, '')}${r.digits(6)}`, hospital: r.pick(HOSPITALS), doctor: r.pick(doctors), diagnosis: dx[0] };
    rec.items = items;
    rec.payment = {
      cardMasked: r.chance(0.3) ? `${r.pick(['622848', '621700', '622202', '623061'])}******${r.digits(4)}` : null,
      serial: `${r.digits(2)}${V.ymd(when, '').slice(4)}${r.digits(6)}`,
    };
    rec.invoice = fullInvoice
      ? { code: null, number: `2435${r.pick(['2', '3'])}000000${r.digits(9)}`, taxOffice: s.tax }
      : { code: V.invoiceCode(r), number: r.digits(8), taxOffice: s.tax };
    records.push(rec);
  }
  const labels: Record<string, string> = {
    eventId: 'decoy', ts: 'decoy', 'store.name': 'decoy', 'store.uscc': 'cn_uscc', 'store.licenseNo': 'decoy', 'store.address': 'address', 'store.tel': 'cn_landline',
    'store.posIp': 'ip_address', 'buyer.name': 'person_name', 'buyer.idNo': 'cn_resident_id', 'buyer.mobile': 'cn_mobile',
    'rx.no': 'decoy', 'rx.hospital': 'decoy', 'rx.doctor': 'person_name', 'rx.diagnosis': 'medical_record',
    'items[].traceCode': 'decoy', 'items[].approvalNo': 'decoy', 'items[].name': 'medical_record', 'items[].batch': 'decoy',
    'items[].category': 'decoy', 'items[].insuranceCode': 'decoy', 'items[].manufacturer': 'decoy', 'payment.cardMasked': 'decoy',
    'payment.serial': 'decoy', 'invoice.code': 'decoy', 'invoice.number': 'decoy', 'invoice.taxOffice': 'decoy',
  };
  return [file, writeJson(dir, file, records, labels, true)];
}

// ---------------------------------------------------------------------------------------------
// 8. 网约车订单 — CSV, semicolon-separated, UTF-8, LF

const POIS = ['平潭站', '平潭汽车客运站', '万宝广场', '坛南湾景区游客中心', '龙凤头海滨浴场', '北港村', '石牌洋景区', '平潭综合实验区医院', '金井湾商务营运中心', '澳前客运码头', '麒麟公园', '海坛古城', '仙人井景区', '长江澳风车田'];
const NICKS = ['小鱼儿', 'Lucky', '岚岛阿强', '向日葵', '追风少年', '一只猫', 'Amy', '阿杰', '晴天', '奔跑的蜗牛', '海风', '微笑', '木子', '三石', '林林', '陈大仙', '不吃香菜', 'momo', '夏天的风', '静待花开'];

async function wangyueche(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'wangyueche_dingdan_202406.csv';
  const spec = [
    ['订单号', 'decoy'], ['下单时间', 'decoy'], ['乘客ID', 'cn_mobile'], ['乘客昵称', 'decoy'], ['司机姓名', 'person_name'], ['司机手机', 'cn_mobile'],
    ['驾驶员从业资格证号', 'cn_resident_id'], ['车牌号', 'cn_license_plate'], ['车架号', 'vin'], ['终端序列号', 'decoy'], ['运输证号', 'decoy'], ['车型', 'decoy'],
    ['车身颜色', 'decoy'], ['上车点', 'decoy'], ['上车坐标', 'geo_coordinate'], ['下车地址', 'address'], ['下车坐标', 'geo_coordinate'], ['里程km', 'decoy'],
    ['支付流水号', 'decoy'], ['平台公司信用代码', 'cn_uscc'], ['乘客评价', 'free_text'],
  ] as const;
  const platforms = Array.from({ length: 6 }, () => V.uscc(r, { kind: '91', code: r.pick(['350128', '350102', '350105', '110108', '440305', '330106']) }));
  const drivers = Array.from({ length: 320 }, () => ({
    name: V.cnName(r),
    mobile: V.mobile(r),
    id: V.residentId(r, { born: V.birth(r, 1965, 2000), male: r.chance(0.92) }),
    plate: V.plate(r, { ne: 0.5, sep: 0.08, province: r.chance(0.95) ? '闽' : undefined }),
    vin: V.vin(r),
    terminal: V.vinNearMiss(r, 'TBX'),
    permit: `闽交运管许可平字350128${r.digits(6)}号`,
    model: r.pick(['比亚迪秦PLUS EV', '比亚迪e5', '吉利几何A', '广汽埃安S', '丰田卡罗拉', '大众朗逸', '日产轩逸', '东风风神E70', '荣威Ei5']),
    color: r.pick(['白色', '白色', '黑色', '银色', '蓝色', '灰色', '红色']),
    platform: r.pick(platforms),
  }));
  const rows: Row[] = [];
  for (let i = 0; i < 2400; i++) {
    const d = r.pick(drivers);
    const when = V.between(r, V.utc(2024, 5, 31, 16, 0, 0), V.utc(2024, 6, 30, 15, 59, 0));
    const km = r.int(15, 450) / 10;
    const wall = new Date(when.getTime() + 8 * 3600_000);
    rows.push({
      订单号: V.snowflakeLuhnFail(r),
      下单时间: V.moment(wall),
      乘客ID: dirty(r, r.chance(0.06) ? masked(r) : V.mobileVariant(r, V.mobile(r), 'intl'), 0.02),
      乘客昵称: r.pick(NICKS),
      司机姓名: d.name,
      司机手机: V.mobileVariant(r, d.mobile, r.chance(0.5) ? 'space' : 'dash'),
      驾驶员从业资格证号: V.idVariant(r, d.id, 0.02),
      车牌号: d.plate,
      车架号: r.chance(0.02) ? d.vin.toLowerCase() : d.vin,
      终端序列号: d.terminal,
      运输证号: d.permit,
      车型: d.model,
      车身颜色: d.color,
      上车点: r.pick(POIS),
      上车坐标: V.geoText(r, 25.5, 119.79, 0.16),
      下车地址: V.pingtanAddress(r, false),
      下车坐标: V.geoText(r, 25.5, 119.79, 0.16),
      里程km: km.toFixed(1),
      时长min: Math.round(km * 2.2 + r.int(2, 10)),
      实付金额: (8 + km * 2.3).toFixed(2),
      支付流水号: `T${V.ymd(wall, '')}${V.hms(wall).replace(/:/g, '')}${r.digits(10)}`,
      平台公司信用代码: d.platform,
      乘客评价: sparse(r, 0.35, () => remark(r, 'ride')),
    });
  }
  return [file, writeDelimited(dir, file, spec, rows, { delimiter: ';', eol: '\n' })];
}

// ---------------------------------------------------------------------------------------------
// 9. 港澳台及内地人员就业失业登记 — CSV, pipe-separated, UTF-8, LF; one column per document kind

const JOB_TITLES = ['会计', '软件工程师', '导游', '民宿管家', '社区营造师', '幼儿园教师', '销售经理', '行政专员', '厨师', '物流专员', '文创设计师', '茶艺师', '外贸业务员', '护士', '健身教练', '直播运营'];
const MACAO_NAMES = ['陳志偉', '梁嘉欣', '何家豪', '黃美儀', '李國強', '吳詠詩', '崔俊傑', '區美玲', '麥家樂', '歐陽德明'];

async function jiuye(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'gangaotai_jiuye_dengji_2024.csv';
  const spec = [
    ['登记编号', 'decoy'], ['姓名', 'person_name'], ['人员类别', 'decoy'], ['居民身份证号', 'cn_resident_id'], ['护照号码', 'cn_passport'],
    ['香港身份证号', 'hk_id'], ['澳门身份证号', 'decoy'], ['回乡证号', 'hkmo_home_return_permit'], ['香港居民居住证号', 'hk_residence_permit'],
    ['澳门居民居住证号', 'mo_residence_permit'], ['台湾身分证字号', 'tw_national_id'], ['台胞证号', 'tw_travel_permit'], ['联系电话', 'cn_mobile'],
    ['台湾手机', 'tw_mobile'], ['台湾市话', 'decoy'], ['台湾健保卡号', 'decoy'], ['field_17', 'email'], ['居住地址', 'address'], ['就业状态', 'decoy'],
    ['就业单位', 'decoy'], ['单位信用代码', 'cn_uscc'], ['岗位', 'decoy'], ['失业原因', 'decoy'], ['就业创业证号', 'decoy'],
    ['登记日期', 'decoy'], ['备注', 'free_text'],
  ] as const;
  const orgs = orgPool(r, 220, 1);
  const rows: Row[] = [];
  for (let i = 0; i < 3000; i++) {
    const kind = r.weighted([[55, 'cn'], [4, 'oc'], [10, 'hk'], [5, 'mo'], [26, 'tw']] as const);
    const male = r.chance(0.5);
    const day = V.dayBetween(r, V.utc(2024, 1, 2), V.utc(2024, 6, 11));
    const employed = r.chance(0.72);
    const org = r.pick(orgs);
    const hk = kind === 'hk';
    const mo = kind === 'mo';
    const tw = kind === 'tw';
    const name = tw ? V.twName(r) : mo ? r.pick(MACAO_NAMES) : hk ? r.pick(['陳', '黃', '李', '張', '梁', '何', '林', '鄧']) + r.pick(['家明', '嘉欣', '偉強', '詠詩', '志豪', '美儀', '國榮', '子軒', '凱琳']) : V.personName(r, { minority: 0.03 });
    const moId = `${r.pick(['1', '5', '7'])}${r.digits(6)}`;
    rows.push({
      登记编号: `JY350128${V.ymd(day, '')}${String(i + 1).padStart(4, '0')}`,
      姓名: V.nameVariant(r, name, 0.02),
      性别: male ? '男' : '女',
      人员类别: { cn: '内地居民', oc: '华侨', hk: '香港居民', mo: '澳门居民', tw: '台湾居民' }[kind],
      居民身份证号: kind === 'cn' ? dirty(r, V.idVariant(r, V.residentId(r, { born: V.birth(r, 1966, 2005), male })), 0.02) : '',
      护照号码: kind === 'oc' ? V.cnPassport(r) : '',
      香港身份证号: hk && r.chance(0.92) ? V.hkid(r) : '',
      澳门身份证号: mo && r.chance(0.9) ? `${moId}(${r.int(0, 9)})` : '',
      回乡证号: hk || mo ? V.homeReturnPermit(r, hk ? 'H' : 'M') : '',
      香港居民居住证号: hk && r.chance(0.55) ? V.residencePermit(r, '810000') : '',
      澳门居民居住证号: mo && r.chance(0.65) ? V.residencePermit(r, '820000') : '',
      台湾身分证字号: tw && r.chance(0.8) ? V.twNationalId(r, male) : '',
      台胞证号: tw ? V.twTravelPermit(r) : '',
      联系电话: dirty(r, V.mobileVariant(r, V.mobile(r), 'mixed'), tw || hk || mo ? 0.3 : 0.03),
      台湾手机: tw && r.chance(0.6) ? V.twMobile(r) : '',
      台湾市话: tw && r.chance(0.3) ? V.twLandline(r) : '',
      台湾健保卡号: tw && r.chance(0.2) ? `0000 ${r.digits(4)} ${r.digits(4)}` : '',
      field_17: sparse(r, tw || hk ? 0.7 : 0.4, () => V.email(r)),
      居住地址: dirty(r, V.pingtanAddress(r), 0.02),
      就业状态: employed ? r.pick(['已就业', '灵活就业', '自主创业']) : '失业',
      就业单位: employed ? org.name : '',
      单位信用代码: employed && r.chance(0.9) ? org.uscc : '',
      岗位: employed ? r.pick(JOB_TITLES) : '',
      学历: r.pick(['本科', '硕士研究生', '大专', '高中', '中专', '博士研究生']),
      失业原因: employed ? '' : r.pick(['劳动合同期满', '单位裁员', '个人辞职', '毕业未就业', '单位破产', '返乡']),
      就业创业证号: V.forceIdLikeFail(r, `35012824${r.digits(10)}`),
      登记日期: V.ymd(day),
      备注: sparse(r, 0.2, () => remark(r, 'job')),
    });
  }
  return [file, writeDelimited(dir, file, spec, rows, { delimiter: '|', eol: '\n' })];
}

// ---------------------------------------------------------------------------------------------
// 10. 两岸海运集装箱 — XLSX, merged title row, two sheets, date cells, numbers as numbers

const GOODS = ['冻带鱼', '冷冻鱿鱼', '台湾高山乌龙茶', '凤梨酥', '释迦（番荔枝）', '集成电路芯片', '笔记本电脑', '塑料制品', '针织毛衫', '实木家具', '汽车零配件', '化妆品', '高粱酒', '纸箱'];
const PORTS_TW = ['基隆', '台中', '高雄', '台北港', '马祖'];
const PORTS_CN = ['平潭金井', '平潭澳前', '福州江阴', '福州马尾', '厦门海沧'];

async function haiyun(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'liangan_haiyun_jizhuangxiang_2024H1.xlsx';
  const spec = [
    ['提单号', 'decoy'], ['箱号', 'decoy'], ['箱型', 'decoy'], ['封志号', 'decoy'], ['HS编码', 'decoy'], ['品名', 'decoy'], ['毛重KG', 'decoy'],
    ['发货人', 'decoy'], ['发货人统一编号', 'decoy'], ['收货人', 'decoy'], ['收货人信用代码', 'cn_uscc'], ['报关单号', 'decoy'], ['船名航次', 'decoy'],
    ['卸货港', 'decoy'], ['开航日期', 'decoy'], ['台方联系人', 'person_name'], ['台方联系人手机', 'tw_mobile'], ['台方联系地址', 'address'],
    ['报关员', 'person_name'], ['报关员手机', 'cn_mobile'], ['提货地址', 'address'], ['字段22', 'cn_license_plate'], ['温度设定', 'decoy'], ['备注', 'free_text'],
  ] as const;
  const shippers = Array.from({ length: 70 }, () => ({ name: twCompany(r), ubn: V.twUbn(r), contact: V.twName(r), mobile: V.twMobile(r), address: V.taiwanAddress(r) }));
  const consignees = orgPool(r, 90, 2);
  const brokers = Array.from({ length: 40 }, () => ({ name: V.cnName(r), mobile: V.mobile(r) }));
  const voyages = Array.from({ length: 30 }, () => ({ ship: r.pick(['海峡号', '丽娜轮', '中远之星', '海旅1号', '闽台快航', '台马之星']), voy: `${r.int(2401, 2426)}${r.pick(['E', 'W', 'N', 'S'])}`, sail: V.dayBetween(r, V.utc(2024, 1, 2), V.utc(2024, 6, 28)) }));
  const rows: Row[] = [];
  for (let i = 0; i < 900; i++) {
    const s = r.pick(shippers);
    const c = r.pick(consignees);
    const b = r.pick(brokers);
    const v = r.pick(voyages);
    const reefer = r.chance(0.25);
    const box = reefer ? r.pick(['20RF', '40RH']) : r.pick(['20GP', '40GP', '40HQ', '45G1', '22G1']);
    const cn = V.containerNo(r);
    rows.push({
      提单号: V.billOfLading(r),
      箱号: r.chance(0.05) ? `${cn.slice(0, 4)} ${cn.slice(4, 10)} ${cn.slice(10)}` : cn,
      箱型: box,
      封志号: notHkid(r, () => `${r.pick(['YM', 'CS', 'EG', 'WH', 'OO'])}${r.digits(7)}`),
      HS编码: V.hsCode(r),
      品名: reefer ? r.pick(['冻带鱼', '冷冻鱿鱼', '释迦（番荔枝）']) : r.pick(GOODS),
      毛重KG: r.int(1800, 28000),
      发货人: s.name,
      发货人统一编号: s.ubn,
      收货人: c.name,
      收货人信用代码: c.uscc,
      报关单号: V.customsDeclarationNo(r),
      船名航次: `${v.ship}/${v.voy}`,
      装货港: r.pick(PORTS_TW),
      卸货港: r.pick(PORTS_CN),
      开航日期: v.sail,
      台方联系人: s.contact,
      台方联系人手机: s.mobile,
      台方联系地址: s.address,
      报关员: b.name,
      报关员手机: r.chance(0.5) ? Number(b.mobile) : V.mobileVariant(r, b.mobile, 'mixed'),
      提货地址: c.address,
      字段22: sparse(r, 0.8, () => V.plate(r, { ne: 0.05, sep: 0.15, trailer: 0.12 })),
      运费USD: r.int(350, 2600),
      温度设定: reefer ? r.pick(['-18℃', '-20℃', '5℃', '-25℃']) : '',
      备注: sparse(r, 0.25, () => remark(r, 'ship')),
    });
  }
  const second: Cell[][] = [['船名', '航次', '开航日期', '装货港', '卸货港'], ...voyages.map((v) => [v.ship, v.voy, v.sail, r.pick(PORTS_TW), r.pick(PORTS_CN)])];
  return [file, await writeXlsx(dir, file, spec, rows, { sheet: '舱单', title: '2024年上半年两岸海运集装箱进口舱单明细（平潭口岸）', dateFormats: { 开航日期: 'yyyy/m/d' }, second: { name: '船期', rows: second } })];
}

// ---------------------------------------------------------------------------------------------
// 11. 智慧社区门禁与 WiFi 探针日志 — NDJSON, nested objects (door events and probe events)

async function ganzhi(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'zhihui_shequ_ganzhi_20240612.ndjson';
  const devices = Array.from({ length: 90 }, (_, k) => {
    const door = k < 55;
    const estate = r.pick(V.PT_ESTATES);
    const [lat, lng] = V.geo(r, 25.505, 119.79, 0.1, 6);
    return {
      id: `PT-${door ? 'MJ' : 'TZ'}-${String(k + 1).padStart(4, '0')}`,
      door,
      mac: V.mac(r, '-', true),
      ipv6: V.ipv6(r),
      fw: door ? `V${r.int(2, 3)}.${r.int(0, 9)}.${r.int(1, 30)} build ${r.int(1000, 9999)}` : `probe-fw v${r.int(1, 4)}.${r.int(0, 20)}.${r.int(0, 9)}`,
      location: `${lat},${lng}`,
      community: estate,
      gate: `${r.int(1, 28)}号楼${r.pick(['东门', '西门', '单元门', '地下车库入口'])}`,
      port: r.pick([8000, 554, 80, 443, 37777, 8443]),
      subnet: `10.${r.int(16, 40)}.${r.int(0, 255)}.0/${r.pick([24, 25, 26, 23])}`,
    };
  });
  const residents = Array.from({ length: 700 }, () => {
    const est = r.pick(V.PT_ESTATES);
    return { name: V.personName(r, { tw: 0.08, minority: 0.02 }), room: `平潭综合实验区${r.pick(V.PT_TOWNS)}${r.pick(V.PT_ROADS)}${r.int(1, 399)}号${est}${r.int(1, 28)}号楼${r.int(1, 4)}单元${r.int(1, 26)}0${r.int(1, 6)}室`, mobile: V.mobile(r), card: V.cardUid(r) };
  });
  const phones = Array.from({ length: 1400 }, () => ({
    mac: r.chance(0.4) ? V.randomMac(r, r.chance(0.5) ? ':' : '-', r.chance(0.5)) : r.chance(0.5) ? V.mac(r, ':', false) : V.mac(r, '-', true),
    imsi: r.chance(0.3) ? V.imsi(r) : null,
    vendor: r.pick(['Apple', 'Huawei', 'Xiaomi', 'OPPO', 'vivo', 'Honor', 'Samsung', 'unknown']),
    ssid: r.chance(0.35) ? r.pick(['ChinaNet-', 'TP-LINK_', 'CMCC-', 'MERCURY_', 'HUAWEI-']) + r.hex(4).toUpperCase() : null,
  }));
  const start = V.utc(2024, 6, 11, 16, 0, 0).getTime();
  const records: unknown[] = [];
  for (let i = 0; i < 3000; i++) {
    const ts = start + Math.floor((i / 3000) * 86_400_000) + r.int(0, 20_000);
    const door = r.chance(0.55);
    const d = door ? r.pick(devices.filter((x) => x.door)) : r.pick(devices.filter((x) => !x.door));
    const rec: Record<string, unknown> = {
      eventId: `evt_${r.hex(24)}`,
      ts,
      device: { id: d.id, mac: d.mac, ipv6: d.ipv6, fw: d.fw, location: d.location, community: d.community, gate: d.gate, port: d.port, subnet: d.subnet },
    };
    if (door) {
      const p = r.pick(residents);
      const method = r.weighted([[5, '刷卡'], [4, '人脸'], [1, '二维码']] as const);
      rec.door = {
        cardUid: method === '刷卡' ? p.card : null,
        method,
        resident: p.name,
        room: p.room,
        mobile: method === '二维码' || r.chance(0.3) ? V.mobileVariant(r, p.mobile, 'mixed') : null,
        faceScore: method === '人脸' ? Number((r.int(8000, 9990) / 10000).toFixed(4)) : null,
        snapshot: method === '人脸' ? V.jpegDataUrl(r) : null,
      };
    } else {
      const ph = r.pick(phones);
      rec.wifi = { staMac: ph.mac, ssid: ph.ssid, imsi: ph.imsi, vendor: ph.vendor };
    }
    records.push(rec);
  }
  const labels: Record<string, string> = {
    eventId: 'decoy', ts: 'decoy', 'device.id': 'decoy', 'device.mac': 'mac_address', 'device.ipv6': 'ip_address', 'device.fw': 'decoy',
    'device.location': 'geo_coordinate', 'device.community': 'decoy', 'device.gate': 'decoy', 'device.port': 'decoy', 'device.subnet': 'decoy',
    'door.cardUid': 'decoy', 'door.method': 'decoy', 'door.resident': 'person_name', 'door.room': 'address', 'door.mobile': 'cn_mobile', 'door.faceScore': 'decoy',
    'door.snapshot': 'decoy', 'wifi.staMac': 'mac_address', 'wifi.ssid': 'decoy', 'wifi.imsi': 'decoy', 'wifi.vendor': 'decoy',
  };
  return [file, writeJson(dir, file, records, labels, true)];
}

// ---------------------------------------------------------------------------------------------
// 12. Kubernetes secrets dump — JSON array of Secret objects (kubectl get secrets -A -o json | jq .items,
// merged with the manifests of a GitOps repository that still carry stringData)

async function k8s(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'k8s_secrets_dump_prod.json';
  const owners = Array.from({ length: 30 }, () => `${r.pick(['ops', 'sre', 'dev', 'dba', 'sec'])}.${r.pick(['lin', 'chen', 'wang', 'zheng', 'huang', 'weng', 'you'])}${r.pick(['wei', 'min', 'jie', 'hui', 'hao'])}@${r.pick(['pingtan.gov.cn', 'landao.example.cn', 'fjdata.com.cn'])}`);
  const apps = ['payment', 'gateway', 'citizen-portal', 'ferry-booking', 'data-exchange', 'grid-ops', 'tax-sync', 'sso', 'notify', 'report', 'ocr', 'audit'];
  const nss = ['prod', 'prod-data', 'gov-cloud', 'monitoring', 'ingress-nginx', 'cert-manager'];
  const records: unknown[] = [];
  for (let i = 0; i < 600; i++) {
    const app = r.pick(apps);
    const kind = r.weighted([[40, 'db'], [20, 'tls'], [15, 'docker'], [25, 'api']] as const);
    const created = V.between(r, V.utc(2022, 3, 1), V.utc(2024, 6, 10));
    const annotations: Record<string, unknown> = { owner: r.pick(owners) };
    const data: Record<string, string> = {};
    let stringData: Record<string, string> | undefined;
    let type = 'Opaque';
    if (kind === 'db') {
      annotations.dbHost = r.chance(0.8) ? `10.96.${r.int(0, 255)}.${r.int(1, 254)}` : `fd00:10:96::${r.hex(4).replace(/^0+(?=.)/, '')}`;
      data.DB_USER = V.b64(`${app.replace(/-/g, '_')}_${r.pick(['rw', 'ro', 'app', 'admin'])}`);
      data.DB_PASSWORD = V.b64(V.password(r));
    } else if (kind === 'tls') {
      annotations.publicKey = V.publicKeyPem(r);
      if (r.chance(0.6)) annotations.jwks = JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid: r.hex(16), n: r.chars(342, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), e: 'AQAB' }] });
      data.server_crt = V.b64(V.certificatePem(r));
      data.server_key = V.b64(V.privateKeyPem(r));
    } else if (kind === 'docker') {
      type = 'kubernetes.io/dockerconfigjson';
      const user = `robot$${app}`;
      const pass = V.password(r);
      data.dockerconfigjson = V.b64(JSON.stringify({ auths: { 'harbor.pingtan.gov.cn': { username: user, password: pass, auth: V.b64(`${user}:${pass}`) } } }));
    } else if (r.chance(0.7)) {
      stringData = { API_KEY: V.apiKey(r), WEBHOOK_URL: `https://notify.pingtan.gov.cn/api/v1/${app}/callback` };
    } else {
      annotations.publicKey = V.publicKeyPem(r);
      data.DB_USER = V.b64(`svc_${app.replace(/-/g, '_')}`);
    }
    annotations.checksum = V.sha256Hex(r);
    if (r.chance(0.4)) {
      annotations.description = r.pick([
        `${r.pick(['2024-05-01', '2024-03-18', '2023-12-29'])} 轮换，旧凭据已作废，联系 ${r.pick(owners)}`,
        `临时口令 ${V.password(r)}，上线后请改`,
        `由 ${V.cnName(r)} 申请，工单 OPS-${r.int(1000, 9999)}`,
        `供 ${app} 调用 ${r.pick(['医保平台', '不动产登记', '台胞服务', '电子证照'])} 接口，白名单 ${V.ipv4Private(r)}`,
        'managed by sealed-secrets, do not edit',
        `证书到期 ${r.pick(['2024-09-30', '2025-01-15', '2024-12-01'])}，续期找 ${V.cnName(r)} ${V.mobile(r)}`,
      ]);
    }
    const rec: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: `${app}-${{ db: 'db-credentials', tls: 'tls', docker: 'regcred', api: 'api-keys' }[kind]}${r.chance(0.3) ? `-${r.hex(5)}` : ''}`,
        namespace: r.pick(nss),
        uid: V.uuid(r),
        resourceVersion: String(r.int(10_000_000, 99_999_999)),
        creationTimestamp: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        labels: { app, team: r.pick(['platform', 'data', 'citizen', 'sre', 'security']) },
        annotations,
        managedFields: Array.from({ length: r.int(1, 2) }, () => ({ manager: r.pick(['kubectl-client-side-apply', 'helm', 'argocd-controller', 'kubectl-edit']), time: V.between(r, created, V.utc(2024, 6, 11)).toISOString().replace(/\.\d{3}Z$/, 'Z') })),
      },
      type,
      data,
    };
    if (stringData !== undefined) rec.stringData = stringData;
    records.push(rec);
  }
  const labels: Record<string, string> = {
    apiVersion: 'decoy', kind: 'decoy', 'metadata.name': 'decoy', 'metadata.namespace': 'decoy', 'metadata.uid': 'decoy', 'metadata.resourceVersion': 'decoy',
    'metadata.creationTimestamp': 'decoy', 'metadata.labels.app': 'decoy', 'metadata.labels.team': 'decoy', 'metadata.annotations.owner': 'email',
    'metadata.annotations.dbHost': 'ip_address', 'metadata.annotations.checksum': 'decoy', 'metadata.annotations.publicKey': 'decoy', 'metadata.annotations.jwks': 'decoy', 'metadata.annotations.description': 'free_text',
    'metadata.managedFields[].manager': 'decoy', 'metadata.managedFields[].time': 'decoy', type: 'decoy',
    'data.DB_USER': 'decoy', 'data.DB_PASSWORD': 'secret', 'data.server_crt': 'decoy', 'data.server_key': 'secret', 'data.dockerconfigjson': 'secret',
    'stringData.API_KEY': 'secret', 'stringData.WEBHOOK_URL': 'decoy',
  };
  return [file, writeJson(dir, file, records, labels, false)];
}

const makers: ReadonlyArray<readonly [string, (r: Rng, dir: string) => Promise<[string, Entry[]]> | [string, Entry[]]]> = [
  ['xueji', xueji],
  ['gongjijin', gongjijin],
  ['zulin', zulin],
  ['gongshang', gongshang],
  ['canjiren', canjiren],
  ['xianxue', xianxue],
  ['yaopin', yaopin],
  ['wangyueche', wangyueche],
  ['jiuye', jiuye],
  ['haiyun', haiyun],
  ['ganzhi', ganzhi],
  ['k8s', k8s],
];

await runTableSet<Rng, Entry>({
  script: 'bench/eval/columns-f/generate.ts',
  defaultSeed: 20240612,
  rng: (seed, name) => Rng.from(seed, name),
  makers,
});
