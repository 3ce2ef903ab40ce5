/**
 * Eighth blind labelled column set for `landao scan` (columns-h), written without reading the scanner,
 * its recognisers or the earlier sets' value makers (see README.md).
 *
 *   npx tsx bench/eval/columns-h/generate.ts --out DIR [--seed N]   # default seed 20240618
 *   npx tsx bench/eval/columns-h/check.ts DIR [--all]                # reads the set back, no scanner
 *   npx tsx bench/eval/columns-eval.ts DIR                           # the scorer (run by the lead)
 *
 * Twelve files on domains new to the earlier sets: a government data-exchange API call log, a tax-refund
 * ledger of Taiwan residents, Pingtan–Taichung ferry ticket sales, a power utility's customer accounts, a
 * kindergarten enrolment list, a veterinary clinic, car-rental contracts, lottery prize payouts, an HR payroll
 * with social-insurance numbers, hospital appointments, a port crane shift log and an open-data business
 * registry extract; CSV (GBK with CRLF, UTF-8 BOM with CRLF, UTF-8 LF; comma, semicolon and pipe), TSV,
 * XLSX (merged title row, two sheets, date and number cells), JSON, NDJSON and Parquet.
 *
 * DIR/truth.json: `{ file: [{ index, header, truth }] }`, truth a detector type id, `decoy` or `free_text`;
 * JSON/NDJSON headers are paths (a.b[].c) in order of first appearance, depth first. For XLSX the labelled
 * data is on the first sheet. Output is byte-identical between runs and time zones: one mulberry32 stream
 * per file maker, every date built in UTC, the workbook dates fixed and every XLSX zip entry restamped.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parquetWriteFile } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import {
  BANKS,
  BANKS_TW,
  DAY,
  ALLERGIES,
  EXAMS,
  FUJIAN,
  GENETIC_VARIANTS,
  PGX_SNPS,
  SHIFT_HEALTH,
  SICK_LEAVE,
  Rng,
  address,
  appSecret,
  bankCard,
  birthDate,
  blank,
  cnLandline,
  cnMobile,
  cnPassport,
  companyName,
  county,
  dirtyMobile,
  excelSerial,
  fmtGeo,
  geoPoint,
  gb11643Kind,
  groupCard,
  hkid,
  hms,
  homeReturnPermit,
  ipv4Private,
  isUscc,
  jwt,
  luhnValid,
  mac,
  maskedMobile,
  mod1110Check,
  mtp,
  password,
  personName,
  plate,
  randomDate,
  randomMoment,
  residencePermit,
  residentId,
  streamSeed,
  isMinorityName,
  GENETIC_DX,
  surnameOf,
  twAddress,
  twCompanyName,
  twMobile,
  twName,
  twNationalId,
  uscc,
  utc,
  vin,
  ymd,
  passesMod112,
} from './values.ts';

interface Entry {
  index: number;
  header: string;
  truth: string;
}
type Cell = string | number | boolean | Date | bigint | null;
type Row = Record<string, Cell>;
type Spec = ReadonlyArray<readonly [string, string]>;

const DEFAULT_SEED = 20240618;
const STAMP = utc(2024, 6, 18, 9, 0, 0);

// ---------------------------------------------------------------------------------------------
// Shared helpers

function entries(spec: Spec): Entry[] {
  return spec.map(([header, truth], index) => ({ index, header, truth }));
}

/** Exactly `n` items, with the listed counts of each kind (the rest `rest`), shuffled. */
function quota<K extends string>(r: Rng, n: number, counts: ReadonlyArray<readonly [K, number]>, rest: K): K[] {
  const list: K[] = [];
  for (const [k, c] of counts) for (let i = 0; i < c; i++) list.push(k);
  while (list.length < n) list.push(rest);
  return r.shuffle(list.slice(0, n));
}

/** A resident ID as clerks type it: mostly clean, some spaced, a leading space, lower-case x, ~1 % typos. */
function dirtyId(r: Rng, id: string): string {
  const x = r.next();
  if (x < 0.02) return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
  if (x < 0.03) return ` ${id}`;
  if (x < 0.04 && id.endsWith('X')) return id.slice(0, 17) + 'x';
  if (x < 0.05) {
    const i = r.int(14, 16);
    return id.slice(0, i) + String((Number(id[i]) + r.int(1, 9)) % 10) + id.slice(i + 1);
  }
  return id;
}

function maybeBlank(r: Rng, p: number, v: string): string {
  return r.chance(p) ? blank(r) : v;
}

/** Redraws until `ok` holds (guards decoys against accidental checksum passes). */
function until<T>(make: () => T, ok: (v: T) => boolean): T {
  for (let i = 0; i < 1000; i++) {
    const v = make();
    if (ok(v)) return v;
  }
  throw new Error('until: no value after 1000 draws');
}

function isoLocal(d: Date, ms = false): string {
  const t = new Date(d.getTime() + 8 * 3600_000);
  return `${ymd(t)}T${hms(t)}${ms ? `.${String(t.getUTCMilliseconds()).padStart(3, '0')}` : ''}+08:00`;
}
function localStamp(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3600_000);
  return `${ymd(t)} ${hms(t).slice(0, 5)}`;
}

// ---------------------------------------------------------------------------------------------
// Writers

function csvField(v: string, sep: string): string {
  return v.includes(sep) || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replace(/"/g, '""')}"` : v;
}
function cellText(v: Cell): string {
  if (v === null) return '';
  if (v instanceof Date) return ymd(v);
  return String(v);
}
function writeDelimited(path: string, spec: Spec, rows: Row[], opt: { sep: string; eol: '\n' | '\r\n'; bom?: boolean; gbk?: boolean }): void {
  const lines = [spec.map(([h]) => csvField(h, opt.sep)).join(opt.sep)];
  for (const row of rows) lines.push(spec.map(([h]) => csvField(cellText(row[h] ?? null), opt.sep)).join(opt.sep));
  const text = lines.join(opt.eol) + opt.eol;
  if (opt.gbk === true) {
    const buf = iconv.encode(text, 'gbk');
    if (iconv.decode(buf, 'gbk') !== text) throw new Error(`${path}: text does not survive GBK`);
    writeFileSync(path, buf);
  } else writeFileSync(path, (opt.bom === true ? '\uFEFF' : '') + text, 'utf8');
}

/** Restamps every local header and central-directory entry of a zip (JSZip writes the current time). */
function fixZipTimes(buf: Buffer, when: Date): Buffer {
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2);
  const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('fixZipTimes: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('fixZipTimes: bad central directory entry');
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('fixZipTimes: bad local header');
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

interface SecondSheet {
  name: string;
  rows: Cell[][];
}
async function writeXlsx(path: string, title: string, sheetName: string, spec: Spec, rows: Row[], second: SecondSheet, dateFormat = 'yyyy-mm-dd'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'landao-bench';
  wb.lastModifiedBy = 'landao-bench';
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, spec.length);
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.addRow(spec.map(([h]) => h));
  ws.getRow(2).font = { bold: true };
  for (const row of rows) {
    const added = ws.addRow(spec.map(([h]) => {
      const v = row[h] ?? null;
      return typeof v === 'bigint' ? Number(v) : v;
    }));
    spec.forEach(([h], i) => {
      if (row[h] instanceof Date) added.getCell(i + 1).numFmt = dateFormat;
    });
  }
  spec.forEach(([h], i) => {
    ws.getColumn(i + 1).width = Math.max(8, Math.min(40, h.length * 2 + 4));
  });
  const ws2 = wb.addWorksheet(second.name);
  for (const r of second.rows) ws2.addRow(r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(path, fixZipTimes(buf, STAMP));
}

function labelJson(file: string, records: unknown[], labels: Record<string, string>): Entry[] {
  const paths = jsonPaths(records);
  const missing = paths.filter((p) => labels[p] === undefined);
  const extra = Object.keys(labels).filter((p) => !paths.includes(p));
  if (missing.length > 0 || extra.length > 0) throw new Error(`${file}: unlabelled paths ${missing.join(', ')}; labels without data ${extra.join(', ')}`);
  return paths.map((header, index) => ({ index, header, truth: labels[header] as string }));
}

// ---------------------------------------------------------------------------------------------
// 1. Government data-exchange API call log (NDJSON)

function makeApiLog(r: Rng, dir: string): [string, Entry[]] {
  const file = 'zhengwu_shuju_jiaohuan_api_20240612.ndjson';
  const systems = [
    ['平潭综合实验区社会保障信息系统', '12350128'], ['平潭不动产登记平台', '11350128'], ['平潭台胞服务中心综合受理系统', '12350128'],
    ['平潭婚姻登记管理系统', '11350128'], ['平潭出入境业务受理系统', '11350128'], ['平潭医保经办系统', '11350128'],
    ['平潭公积金管理系统', '12350128'], ['平潭综合实验区一网通办平台', '11350128'], ['平潭教育入学服务平台', '11350128'],
    ['平潭残联服务系统', '51350128'], ['平潭港航服务平台', '12350128'], ['平潭市场监管综合业务系统', '11350128'],
  ] as const;
  const callers = systems.map(([system, prefix]) => ({
    system,
    appId: until(() => `wx${r.hex(16)}`, (v) => !isUscc(v)),
    orgUscc: uscc(r, prefix.slice(0, 2) as '11' | '12' | '52', '350128'),
    ip: ipv4Private(r),
    mac: mac(r, r.pick(['colon', 'dash']), r.chance(0.7)),
    secret: appSecret(r),
    operators: Array.from({ length: r.int(3, 6) }, () => ({ name: personName(r, false), mobile: cnMobile(r) })),
  }));
  const apis = [
    { name: '居民身份证信息核验', path: '/dex/v2/gongan/sfhy/verify', kind: 'id', w: 30 },
    { name: '户籍人口基本信息查询', path: '/dex/v2/gongan/hjrk/query', kind: 'hj', w: 20 },
    { name: '出入境证件信息核验', path: '/dex/v1/crj/zjxx/verify', kind: 'crj', w: 15 },
    { name: '社会保险参保信息查询', path: '/dex/v3/rsj/cbxx/query', kind: 'sb', w: 12 },
    { name: '婚姻登记信息查询', path: '/dex/v1/mzj/hydj/query', kind: 'hy', w: 8 },
    { name: '不动产权属信息查询', path: '/dex/v2/zrzy/bdcqs/query', kind: 'bdc', w: 10 },
    { name: '残疾人证信息核验', path: '/dex/v1/cl/cjrz/verify', kind: 'cj', w: 5 },
  ] as const;
  const purposes = ['社保待遇资格认证', '不动产登记业务办理', '台胞服务事项受理', '婚姻登记信息核验', '出入境证件业务办理', '医保参保登记', '公积金提取审核', '义务教育入学审核', '残疾人两项补贴审核'];
  const versions = ['v2.3.1', 'v2.3.2', '1.0.7', 'v3.0.0-rc.2', '2.1.0', 'v1.4.12'];
  const codes: ReadonlyArray<readonly [string, number]> = [['0000', 92], ['E1001', 2], ['E2003', 2], ['E4010', 2], ['E5000', 2]];
  const t0 = utc(2024, 6, 11, 16, 0, 0);
  const records: unknown[] = [];
  for (let i = 0; i < 3000; i++) {
    const c = r.pick(callers);
    const op = r.pick(c.operators);
    const api = r.weighted(apis.map((a) => [a, a.w] as const));
    const when = new Date(t0.getTime() + Math.floor((i / 3000) * DAY) + r.int(0, 20_000));
    const birth = birthDate(r, 1940, 2016);
    const citizen = residentId(r, county(r, 0.8), birth);
    const name = personName(r);
    const code = r.weighted(codes);
    const reqDate = new Date(when.getTime() + 8 * 3600_000);
    // 18-digit request id: county code + date + 4 digits, MOD 11-2 (and Luhn and GB 32100) forced wrong
    const requestId = until(() => `350128${ymd(reqDate, '')}${r.digits(4)}`, (v) => !passesMod112(v) && !luhnValid(v) && !isUscc(v) && gb11643Kind(v, true) === null);
    const passportCase = api.kind === 'crj' && r.chance(0.85);
    const sfzh = passportCase ? null : r.chance(0.015) ? null : r.chance(0.02) ? citizen.toLowerCase() : dirtyId(r, citizen).trim();
    const ok = code === '0000';
    const showsAddress = ok && (api.kind === 'hj' || api.kind === 'id' || api.kind === 'bdc') && r.chance(0.9);
    const mask = (id: string): string => (r.chance(0.6) ? `${id.slice(0, 4)}**********${id.slice(14)}` : `${id.slice(0, 6)}********${id.slice(14)}`);
    const nm = name.trim();
    records.push({
      ts: isoLocal(when, true),
      requestId,
      traceId: r.hex(32),
      caller: {
        system: c.system,
        appId: c.appId,
        orgUscc: c.orgUscc,
        ip: c.ip,
        mac: r.chance(0.9) ? c.mac : null,
        operator: { name: op.name, mobile: r.chance(0.97) ? dirtyMobile(r, op.mobile) : null },
      },
      api: { name: api.name, path: api.path, version: r.pick(versions) },
      request: {
        timestamp: when.getTime(),
        sign: r.hex(40),
        headers: {
          authorization: `Bearer ${jwt(r, c.appId, Math.floor(when.getTime() / 1000) - r.int(0, 7000))}`,
          xAppSecret: r.chance(0.35) ? c.secret : null,
        },
        params: {
          sfzh,
          xm: name,
          hzhm: passportCase ? cnPassport(r) : null,
          fields: api.kind === 'crj' ? ['xm', 'hzhm', 'zjyxq'] : r.pick([['xm', 'gmsfhm'], ['xm', 'gmsfhm', 'jtzz'], ['gmsfhm', 'hjdz', 'csrq'], ['xm', 'gmsfhm', 'lxdh']]),
          purpose: r.pick(purposes),
          authNo: `SQ-PT-2024-${String(r.int(1, 99999)).padStart(6, '0')}`,
        },
      },
      response: {
        code,
        data: {
          sfzhMasked: ok && !passportCase ? mask(citizen) : null,
          xmMasked: ok ? (nm.length === 2 ? `${nm[0]}*` : `${nm[0]}*${nm.slice(2)}`) : null,
          lxdhMasked: ok && api.kind !== 'crj' && r.chance(0.8) ? maskedMobile(r) : null,
          jtzz: showsAddress ? address(r, 'any') : null,
        },
      },
      ext: { field_7: r.chance(0.8) ? '350128' : r.pick(FUJIAN).code },
    });
  }
  writeFileSync(join(dir, file), records.map((x) => JSON.stringify(x)).join('\n') + '\n');
  return [
    file,
    labelJson(file, records, {
      ts: 'decoy', requestId: 'decoy', traceId: 'decoy',
      'caller.system': 'decoy', 'caller.appId': 'decoy', 'caller.orgUscc': 'cn_uscc', 'caller.ip': 'ip_address', 'caller.mac': 'mac_address',
      'caller.operator.name': 'person_name', 'caller.operator.mobile': 'cn_mobile',
      'api.name': 'decoy', 'api.path': 'decoy', 'api.version': 'decoy',
      'request.timestamp': 'decoy', 'request.sign': 'decoy', 'request.headers.authorization': 'secret', 'request.headers.xAppSecret': 'secret',
      'request.params.sfzh': 'cn_resident_id', 'request.params.xm': 'person_name', 'request.params.hzhm': 'cn_passport',
      'request.params.fields[]': 'decoy', 'request.params.purpose': 'decoy', 'request.params.authNo': 'decoy',
      'response.code': 'decoy', 'response.data.sfzhMasked': 'decoy', 'response.data.xmMasked': 'decoy', 'response.data.lxdhMasked': 'decoy',
      'response.data.jtzz': 'address', 'ext.field_7': 'decoy',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 2. Tax-refund ledger of Taiwan residents (CSV, UTF-8 with BOM, CRLF, Traditional headers)

function makeTaxRefund(r: Rng, dir: string): [string, Entry[]] {
  const file = 'taiwan_jumin_geshui_tuishui_2023niandu.csv';
  const spec: Spec = [
    ['序號', 'decoy'], ['申報流水號', 'decoy'], ['納稅人姓名', 'person_name'], ['臺灣居民居住證號碼', 'tw_residence_permit'],
    ['居住證號碼(脫敏)', 'decoy'], ['台胞證號碼', 'tw_travel_permit'], ['臺灣身分證字號', 'tw_national_id'], ['大陸手機號碼', 'cn_mobile'],
    ['臺灣手機', 'tw_mobile'], ['電子郵件', 'email'], ['扣繳義務人名稱', 'decoy'], ['扣繳義務人統一社會信用代碼', 'cn_uscc'],
    ['所得項目', 'decoy'], ['年度收入額(元)', 'decoy'], ['應退稅額(元)', 'decoy'], ['專項附加扣除', 'decoy'], ['申請日期', 'decoy'],
    ['退稅銀行帳號', 'bank_card'], ['開戶銀行', 'decoy'], ['在大陸住址', 'address'], ['戶籍地(臺灣)', 'decoy'], ['審核人', 'person_name'],
    ['col_25', 'decoy'], ['備註', 'free_text'],
  ];
  const employers = Array.from({ length: 70 }, () => {
    const name = r.chance(0.6) ? twCompanyName(r) : companyName(r);
    return { name, uscc: uscc(r, r.chance(0.9) ? '91' : '92', r.chance(0.8) ? '350128' : r.pick(FUJIAN).code) };
  });
  const reviewers = ['林曉燕', '陳志強', '黃麗君', '鄭文彬', '吳雅婷', '張建宏', '許淑芬'];
  const items = ['工資、薪金所得', '工資、薪金所得', '工資、薪金所得', '勞務報酬所得', '稿酬所得', '特許權使用費所得'];
  const deductions = ['子女教育', '住房租金', '贍養老人', '繼續教育', '大病醫療', '3歲以下嬰幼兒照護', '住房貸款利息'];
  const hometowns = ['臺中市', '臺北市', '新北市', '高雄市', '臺南市', '彰化縣', '桃園市', '嘉義市', '屏東縣', '宜蘭縣', '金門縣', '連江縣', '新竹縣', '雲林縣'];
  const remarks = [
    '資料齊全，同意退稅。', '已電話聯繫本人確認帳戶。', '居住證號與台胞證資訊一致。', '退稅帳戶戶名與納稅人不一致，請補正。',
    '本人委託其配偶{N}代為辦理，委託書已附。', '聯繫電話{M}無法接通，改以電子郵件通知。', '專項附加扣除「大病醫療」需補交票據。',
    '年度匯算申報已更正一次。', '台胞證換發，新舊號碼已核對。', '已退回，原因：銀行帳號錯誤。', '2024年4月已完成退稅到帳。',
    '申請人於平潭台胞服務中心窗口辦理。', '',
  ];
  const rows: Row[] = [];
  for (let i = 0; i < 1200; i++) {
    const female = r.chance(0.45);
    const birth = birthDate(r, 1960, 2000);
    const permit = residencePermit(r, '830000', birth);
    const hasPermit = r.chance(0.62);
    const emp = r.pick(employers);
    const income = r.int(60, 900) * 1000 + r.int(0, 99) * 10;
    const applied = randomDate(r, utc(2024, 3, 1), utc(2024, 6, 30));
    const mail = r.weighted<string>([[`${r.chars(r.int(4, 8), 'abcdefghijklmnopqrstuvwxyz')}${r.int(1, 99)}@gmail.com`, 40], [`${r.chars(5, 'abcdefghijklmnopqrstuvwxyz')}@yahoo.com.tw`, 25], [`${r.int(10000, 999999999)}@qq.com`, 20], [`${r.chars(6, 'abcdefghijklmnopqrstuvwxyz')}@hinet.net`, 15]]);
    const card = bankCard(r, r.chance(0.97));
    const remark = r.pick(remarks).replace('{N}', twName(r)).replace('{M}', cnMobile(r));
    rows.push({
      序號: i + 1,
      申報流水號: `TS24${r.pick(['A', 'B'])}${r.digits(10)}`,
      納稅人姓名: twName(r, female),
      臺灣居民居住證號碼: hasPermit ? (r.chance(0.02) ? permit.toLowerCase() : permit) : blank(r),
      '居住證號碼(脫敏)': hasPermit ? `${permit.slice(0, 6)}********${permit.slice(14)}` : '',
      台胞證號碼: maybeBlank(r, 0.04, mtp(r)),
      臺灣身分證字號: r.chance(0.8) ? (r.chance(0.03) ? twNationalId(r, !female).toLowerCase() : twNationalId(r, !female)) : '',
      大陸手機號碼: maybeBlank(r, 0.12, dirtyMobile(r, cnMobile(r))),
      臺灣手機: r.chance(0.6) ? twMobile(r) : '',
      電子郵件: r.chance(0.55) ? mail : '',
      扣繳義務人名稱: emp.name,
      扣繳義務人統一社會信用代碼: emp.uscc,
      所得項目: r.pick(items),
      '年度收入額(元)': (income / 1).toFixed(2),
      '應退稅額(元)': (r.int(50, 2400_00) / 100).toFixed(2),
      專項附加扣除: r.chance(0.7) ? Array.from(new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(deductions)))).join('；') : '無',
      申請日期: ymd(applied, ''),
      退稅銀行帳號: r.chance(0.06) ? blank(r) : r.chance(0.2) ? groupCard(card, ' ') : card,
      開戶銀行: r.pick(BANKS_TW),
      在大陸住址: maybeBlank(r, 0.05, address(r, r.chance(0.85) ? 'pingtan' : 'fuzhou')),
      '戶籍地(臺灣)': r.pick(hometowns),
      審核人: r.pick(reviewers),
      col_25: r.chance(0.9) ? '2023-01-01至2023-12-31' : `2023-${String(r.int(1, 6)).padStart(2, '0')}-01至2023-12-31`,
      備註: remark,
    });
  }
  writeDelimited(join(dir, file), spec, rows, { sep: ',', eol: '\r\n', bom: true });
  return [file, entries(spec)];
}

// ---------------------------------------------------------------------------------------------
// 3. Pingtan–Taichung ferry ticket sales (CSV, UTF-8, LF, semicolon)

function makeFerry(r: Rng, dir: string): [string, Entry[]] {
  const file = 'pingtan_taizhong_kelun_shoupiao_202406.csv';
  const spec: Spec = [
    ['订单号', 'decoy'], ['电子客票号', 'decoy'], ['航次', 'decoy'], ['船名', 'decoy'], ['出发港', 'decoy'], ['到达港', 'decoy'],
    ['开航时间', 'decoy'], ['舱位等级', 'decoy'], ['座位号', 'decoy'], ['旅客姓名', 'person_name'], ['证件类型', 'decoy'],
    ['台胞证号', 'tw_travel_permit'], ['台湾身份证号', 'tw_national_id'], ['身份证号', 'cn_resident_id'], ['大陆手机', 'cn_mobile'],
    ['台湾手机', 'tw_mobile'], ['票价', 'decoy'], ['随船车辆号牌', 'cn_license_plate'], ['行李牌号', 'decoy'], ['售票员', 'person_name'],
    ['field_26', 'email'], ['备注', 'free_text'],
  ];
  const sellers = ['林秋月', '陈晓婷', '黄志鹏', '吴丽娟', '游建华', '翁雪梅', '何静怡', '詹国平'];
  const ports = { pt: '平潭澳前客运码头', tc: '台中港旅运中心' };
  const kinds = quota(r, 2400, [['tw', 1350]], 'cn');
  const rows: Row[] = [];
  for (let i = 0; i < 2400; i++) {
    const tw = kinds[i] === 'tw';
    const day = randomDate(r, utc(2024, 6, 1), utc(2024, 6, 30));
    const out = r.chance(0.5);
    const ship = r.chance(0.7) ? '海峡号' : '丽娜轮';
    const dep = new Date(day.getTime() + (out ? 9.5 : 15) * 3600_000);
    const female = r.chance(0.48);
    const name = tw ? twName(r, female) : personName(r);
    const cls = r.weighted<string>([['经济舱', 75], ['商务舱', 18], ['贵宾舱', 7]]);
    const price = cls === '经济舱' ? 390 : cls === '商务舱' ? 580 : 880;
    const child = r.chance(0.08);
    const remarks = ['', '', '', '携带宠物已申报', '轮椅旅客，需协助登船', `同行人：${tw ? twName(r) : personName(r)}`, '改签自6月上旬航次', '团队票（平潭台胞服务中心组织）', `联系人电话${cnMobile(r)}`, '儿童票，随成人同行', '行李超重加收50元', '退票手续费已扣'];
    rows.push({
      订单号: until(() => `T${ymd(day, '')}${r.digits(9)}`, (v) => !isUscc(v)),
      电子客票号: `784${r.digits(10)}`,
      航次: `${ship === '海峡号' ? 'HXH' : 'LNL'}${ymd(day, '').slice(2)}${out ? 'A' : 'B'}`,
      船名: ship,
      出发港: out ? ports.pt : ports.tc,
      到达港: out ? ports.tc : ports.pt,
      开航时间: localStamp(new Date(dep.getTime() - 8 * 3600_000)),
      舱位等级: cls,
      座位号: `${r.pick(['1F', '2F'])}-${r.pick(['A', 'B', 'C', 'D'])}${String(r.int(1, 180)).padStart(3, '0')}`,
      旅客姓名: name,
      证件类型: tw ? '台湾居民来往大陆通行证' : '居民身份证',
      台胞证号: tw ? maybeBlank(r, 0.02, mtp(r)) : '',
      台湾身份证号: tw && r.chance(0.8) ? twNationalId(r, !female) : '',
      身份证号: tw ? '' : maybeBlank(r, 0.02, dirtyId(r, residentId(r, county(r, 0.7), birthDate(r, 1950, 2018), !female))),
      大陆手机: tw ? (r.chance(0.35) ? dirtyMobile(r, cnMobile(r)) : '') : maybeBlank(r, 0.03, dirtyMobile(r, cnMobile(r))),
      台湾手机: tw ? maybeBlank(r, 0.12, twMobile(r)) : '',
      票价: (child ? price / 2 : price).toFixed(2),
      随船车辆号牌: r.chance(0.1) ? plate(r) : '',
      行李牌号: r.chance(0.6) ? `PT${ymd(day, '').slice(4)}-${String(r.int(1, 9999)).padStart(4, '0')}` : '',
      售票员: r.pick(sellers),
      field_26: r.chance(0.45) ? `${r.chars(r.int(4, 9), 'abcdefghijklmnopqrstuvwxyz')}${r.chance(0.5) ? r.int(1, 999) : ''}@${r.pick(['163.com', 'qq.com', 'gmail.com', 'yahoo.com.tw', 'hotmail.com', 'msa.hinet.net'])}` : '',
      备注: r.pick(remarks),
    });
  }
  writeDelimited(join(dir, file), spec, rows, { sep: ';', eol: '\n' });
  return [file, entries(spec)];
}

// ---------------------------------------------------------------------------------------------
// 4. Power utility customer accounts (CSV, GBK, CRLF)

function makePower(r: Rng, dir: string): [string, Entry[]] {
  const file = 'dianli_yongdian_kehu_202405_gbk.csv';
  const spec: Spec = [
    ['户号', 'decoy'], ['户名', 'person_name'], ['sfzh', 'cn_resident_id'], ['lxdh', 'cn_mobile'], ['固定电话', 'cn_landline'],
    ['yddz', 'address'], ['电能表表号', 'decoy'], ['电能表资产编号', 'decoy'], ['台区名称', 'decoy'], ['用电类别', 'decoy'],
    ['上期示数', 'decoy'], ['本期示数', 'decoy'], ['抄见电量(kWh)', 'decoy'], ['电费金额(元)', 'decoy'], ['抄表日期', 'decoy'],
    ['代扣银行卡号', 'bank_card'], ['采集终端IP', 'ip_address'], ['表箱坐标', 'geo_coordinate'], ['充电桩车辆VIN', 'vin'],
    ['网厅初始密码', 'secret'], ['col_24', 'cn_mobile'], ['col_25', 'decoy'], ['备注', 'free_text'],
  ];
  const areas = ['西航路公变2号台区', '澳前村3#台区', '北厝镇北港1#台区', '金井湾花园专变', '潭城东大街公变', '苏澳镇苏澳4#台区', '流水镇流水2#台区', '敖东镇后楼台区', '城关路公变5号台区', '坛南湾小区1#箱变'];
  const classes = ['居民生活用电（一户一表）', '居民生活用电（一户一表）', '居民生活用电（一户一表）', '居民合表用电', '一般工商业', '农业生产用电', '电动汽车充电桩'];
  const kinds = quota(r, 2000, [['company', 100]], 'person');
  const remarks = ['', '', '', '用户反映电表走字快，已安排校验', '欠费停电后已复电', '户主已故，待办理过户', '阶梯电价第二档', '光伏余电上网用户', '已签订代扣协议', '智能表远程费控', `联系人${personName(r, false)}称租户已退租`, '采集失败，现场补抄', '充电桩报装，峰谷分时电价', '电表箱门锁损坏'];
  const rows: Row[] = [];
  for (let i = 0; i < 2000; i++) {
    const company = kinds[i] === 'company';
    const prev = r.int(500, 60000) + r.int(0, 99) / 100;
    const used = r.int(40, company ? 5000 : 900);
    const rate = company ? 0.6 : 0.4983;
    const meterStart = r.chance(0.4) ? `1${r.int(3, 9)}` : String(r.pick([2, 4, 5]));
    const meter = meterStart + r.digits(13 - meterStart.length);
    const [lat, lng] = geoPoint(r, 'pingtan');
    const readDay = utc(2024, 5, r.int(20, 28));
    const card = bankCard(r, r.chance(0.97));
    const cls = company ? '一般工商业' : r.pick(classes);
    rows.push({
      户号: `35${r.digits(8)}`,
      户名: company ? companyName(r) : personName(r),
      sfzh: company ? '' : maybeBlank(r, 0.03, dirtyId(r, residentId(r, county(r, 0.85), birthDate(r, 1940, 2002)))),
      lxdh: maybeBlank(r, 0.04, dirtyMobile(r, cnMobile(r))),
      固定电话: r.chance(0.4) ? cnLandline(r, true, r.chance(0.9) ? '0591' : undefined) : '',
      yddz: maybeBlank(r, 0.01, address(r, 'pingtan')),
      电能表表号: meter,
      电能表资产编号: `3300001${r.digits(15)}`,
      台区名称: r.pick(areas),
      用电类别: cls,
      上期示数: prev.toFixed(2),
      本期示数: (prev + used).toFixed(2),
      '抄见电量(kWh)': String(used),
      '电费金额(元)': (used * rate).toFixed(2),
      抄表日期: ymd(readDay, '/'),
      代扣银行卡号: r.chance(0.5) ? (r.chance(0.15) ? groupCard(card, '-') : card) : '',
      采集终端IP: r.chance(0.9) ? `10.${r.pick([35, 36])}.${r.int(0, 255)}.${r.int(2, 254)}` : '',
      表箱坐标: r.chance(0.92) ? fmtGeo(r, lat, lng) : '',
      充电桩车辆VIN: cls === '电动汽车充电桩' || r.chance(0.06) ? (r.chance(0.02) ? vin(r).toLowerCase() : vin(r)) : '',
      网厅初始密码: r.chance(0.7) ? password(r) : '',
      col_24: r.chance(0.3) ? dirtyMobile(r, cnMobile(r)) : '',
      col_25: String(company ? r.pick([30, 40, 80, 200]) : 1),
      备注: r.pick(remarks),
    });
  }
  writeDelimited(join(dir, file), spec, rows, { sep: ',', eol: '\r\n', gbk: true });
  return [file, entries(spec)];
}

// ---------------------------------------------------------------------------------------------
// 5. Kindergarten enrolment (XLSX, merged title row, two sheets, date and number cells)

async function makeKindergarten(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'youeryuan_ruyuan_mingce_2024qiu.xlsx';
  const spec: Spec = [
    ['序号', 'decoy'], ['幼儿姓名', 'person_name'], ['性别', 'decoy'], ['出生日期', 'decoy'], ['幼儿身份证号', 'cn_resident_id'],
    ['户籍所在地', 'decoy'], ['家庭住址', 'address'], ['班级', 'decoy'], ['入园日期', 'decoy'], ['监护人1姓名', 'person_name'],
    ['监护人1关系', 'decoy'], ['监护人1手机', 'cn_mobile'], ['监护人1工作单位', 'decoy'], ['监护人2姓名', 'person_name'],
    ['监护人2手机', 'cn_mobile'], ['过敏史及特殊疾病', 'medical_record'], ['预防接种证编号', 'decoy'], ['身高(cm)', 'decoy'],
    ['接送卡号', 'decoy'], ['监护人邮箱', 'email'], ['备注', 'free_text'],
  ];
  const classes = ['小一班', '小二班', '小三班', '中一班', '中二班', '大一班', '大二班', '托班'];
  const works = ['平潭综合实验区第一中学', '平潭县医院', '个体', '无业', '平潭港务集团', '自由职业', '平潭海关', '海峡号船务公司', '务农', '平潭综合实验区管委会'];
  const remarks = ['', '', '', '需午睡陪护', '爷爷奶奶接送', '已交齐体检表', '插班生', '台胞子女，享受入园优惠', '二胎，姐姐同园大一班', '父母离异，仅限母亲接送', '饮食需清真', '体检表待补', '家长要求不吃辛辣'];
  const rows: Row[] = [];
  const numberMobiles = (m: string): Cell => (r.chance(0.4) ? Number(m) : dirtyMobile(r, m));
  for (let i = 0; i < 900; i++) {
    const birth = randomDate(r, utc(2019, 9, 1), utc(2021, 8, 31));
    const male = r.chance(0.52);
    const dad = personName(r, false);
    const mom = personName(r, false);
    const child = isMinorityName(dad) ? personName(r, false) : surnameOf(dad) + r.pick(['梓欣', '子涵', '浩宇', '一诺', '思远', '嘉琪', '沐阳', '若汐', '俊熙', '睿', '涵', '宸', '悦', '彤', '骏', '妍', '语桐', '欣然']);
    const first = r.chance(0.7) ? '父亲' : r.pick(['母亲', '母亲', '祖母', '外祖母', '祖父']);
    const g1 = first === '父亲' ? dad : first === '母亲' ? mom : personName(r, false);
    const c = county(r, 0.9);
    rows.push({
      序号: i + 1,
      幼儿姓名: child,
      性别: male ? '男' : '女',
      出生日期: birth,
      幼儿身份证号: maybeBlank(r, 0.01, dirtyId(r, residentId(r, c, birth, male))),
      户籍所在地: `${c.province}${c.code === '350128' ? '平潭县' : c.city + c.district}`,
      家庭住址: maybeBlank(r, 0.02, address(r, 'pingtan')),
      班级: r.pick(classes),
      入园日期: r.chance(0.9) ? utc(2024, 9, 1) : randomDate(r, utc(2024, 9, 2), utc(2024, 11, 15)),
      监护人1姓名: g1,
      监护人1关系: first,
      监护人1手机: numberMobiles(cnMobile(r)),
      监护人1工作单位: r.chance(0.3) ? companyName(r) : r.pick(works),
      监护人2姓名: r.chance(0.85) ? (first === '父亲' ? mom : dad) : '',
      监护人2手机: r.chance(0.8) ? numberMobiles(cnMobile(r)) : '',
      过敏史及特殊疾病: r.chance(0.3) ? r.pick(ALLERGIES) : r.pick(['无', '无', '']),
      预防接种证编号: Number(`0035${r.pick(['0128', '0102', '0104'])}${r.digits(5)}`),
      '身高(cm)': Math.round((88 + r.next() * 30) * 10) / 10,
      接送卡号: `JS-2024-${String(i + 1).padStart(4, '0')}`,
      监护人邮箱: r.chance(0.4) ? `${r.chance(0.5) ? r.int(100000, 9999999999) : r.chars(r.int(5, 9), 'abcdefghijklmnopqrstuvwxyz')}@${r.pick(['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com'])}` : '',
      备注: r.pick(remarks),
    });
  }
  const summary: Cell[][] = [['班级', '人数', '主班教师', '配班教师', '保育员']];
  for (const cl of classes) summary.push([cl, rows.filter((x) => x['班级'] === cl).length, personName(r, false), personName(r, false), personName(r, false)]);
  await writeXlsx(join(dir, file), '平潭综合实验区岚城中心幼儿园2024年秋季入园幼儿名册', '幼儿名册', spec, rows, { name: '班级汇总', rows: summary });
  return [file, entries(spec)];
}

// ---------------------------------------------------------------------------------------------
// 6. Veterinary clinic visits (TSV, UTF-8, LF)

function makeVet(r: Rng, dir: string): [string, Entry[]] {
  const file = 'chongwu_yiyuan_jiuzhen_2024H1.tsv';
  const spec: Spec = [
    ['病历号', 'decoy'], ['宠物名', 'decoy'], ['品种', 'decoy'], ['芯片号', 'decoy'], ['犬证号', 'decoy'], ['主人姓名', 'person_name'],
    ['主人手机', 'cn_mobile'], ['主人住址', 'address'], ['主人身份证号', 'cn_resident_id'], ['就诊日期', 'decoy'], ['主诉', 'decoy'],
    ['诊断', 'decoy'], ['处方', 'decoy'], ['化验结果', 'decoy'], ['疫苗接种', 'decoy'], ['MDR1基因检测', 'decoy'], ['商品SKU', 'decoy'],
    ['主治兽医', 'person_name'], ['医嘱备注', 'free_text'],
  ];
  const petNames = ['陈皮', '王子', '黄豆', '白雪', '可乐', '布丁', '汤圆', '年糕', '豆豆', '毛毛', '旺财', '团子', '奶茶', '芝麻', '公主', '雪球', '花卷', '乐乐', '元宝', '小黑'];
  const dogBreeds = ['金毛寻回犬', '拉布拉多犬', '威尔士柯基犬', '边境牧羊犬', '德国牧羊犬', '泰迪（贵宾犬）', '中华田园犬', '比熊犬', '柴犬', '喜乐蒂牧羊犬', '澳大利亚牧羊犬'];
  const catBreeds = ['英国短毛猫', '美国短毛猫', '布偶猫', '中华田园猫', '暹罗猫', '缅因猫'];
  const herding = new Set(['边境牧羊犬', '德国牧羊犬', '喜乐蒂牧羊犬', '澳大利亚牧羊犬']);
  const complaints = ['呕吐两天，食欲差', '腹泻带血', '抓耳摇头', '皮肤瘙痒掉毛', '跛行', '精神沉郁', '尿频尿血', '咳嗽流鼻涕', '体检', '疫苗接种', '绝育术前检查', '眼睛红肿分泌物多'];
  const diagnoses = ['犬细小病毒病', '猫泛白细胞减少症', '犬瘟热', '耳螨感染', '皮肤真菌病', '急性胃肠炎', '慢性肾病', '糖尿病', '膀胱结石', '牙结石', '髌骨脱位', '子宫蓄脓', '猫传染性腹膜炎', '外耳炎', '结膜炎', '健康'];
  const drugs = ['阿莫西林克拉维酸钾 62.5mg bid', '美洛昔康口服液', '甲硝唑 0.1g', '吡喹酮', '伊维菌素', '头孢氨苄 250mg', '泼尼松龙', '奥美拉唑', '塞拉菌素滴剂（大宠爱）', '非泼罗尼喷剂', '猫用胰岛素', '益生菌粉', '耳漂（复方制剂）'];
  const labs = ['WBC 18.6×10^9/L', 'ALT 125U/L', '犬细小病毒抗原 阳性', 'SDMA 18μg/dL', 'FeLV/FIV 阴性', '尿比重 1.012', '血常规未见异常', 'BUN 42mmol/L', '皮屑镜检：真菌孢子', '粪检：球虫卵'];
  const skus = ['RC-MINI-ADULT-2KG', 'RC-FIT32-2KG', 'HILLS-KD-1.5KG', 'NEXGARD-M-3T', 'BRAVECTO-L-1T', 'ZOETIS-REV-C3', 'VIRBAC-EAR-100ML', 'PURINA-EN-400G', 'MSD-NOBIVAC-DHPPI'];
  const vets = ['林振宇', '陈佳慧', '郑凯文', '许巧玲', '周文斌'];
  const remarks = ['', '', '3天后复诊', '禁食12小时后复查血糖', '注意保暖，少量多餐', '建议绝育', '体内外驱虫每月一次', '伊丽莎白圈佩戴7天', '主人要求电话回访', '住院观察2天，费用已预交', '狂犬疫苗已登记，证明已发', '建议做MDR1检测后再用伊维菌素'];
  const owners = Array.from({ length: 700 }, () => {
    const birth = birthDate(r, 1960, 2004);
    return { name: personName(r), mobile: cnMobile(r), addr: address(r, r.chance(0.75) ? 'pingtan' : 'fuzhou'), id: residentId(r, county(r, 0.8), birth) };
  });
  const rows: Row[] = [];
  for (let i = 0; i < 1500; i++) {
    const o = r.pick(owners);
    const dog = r.chance(0.62);
    const breed = dog ? r.pick(dogBreeds) : r.pick(catBreeds);
    const species = (x: string): boolean => (dog ? !x.includes('猫') : !x.includes('犬'));
    const diag = r.pick(diagnoses.filter(species));
    const chip = until(() => `${r.pick(['156', '156', '900', '985'])}${r.digits(12)}`, (v) => gb11643Kind(v, true) === null);
    const mdr = dog && (herding.has(breed) ? r.chance(0.7) : r.chance(0.12));
    rows.push({
      病历号: `PET${String(202400000 + i * 7 + r.int(0, 6))}`,
      宠物名: r.pick(petNames),
      品种: breed,
      芯片号: r.chance(0.75) ? chip : '',
      犬证号: dog && r.chance(0.6) ? `榕平犬字2024第${String(r.int(1, 9999)).padStart(4, '0')}号` : '',
      主人姓名: o.name,
      主人手机: maybeBlank(r, 0.02, dirtyMobile(r, o.mobile)),
      主人住址: maybeBlank(r, 0.15, o.addr),
      主人身份证号: r.chance(0.55) ? dirtyId(r, o.id) : '',
      就诊日期: ymd(randomDate(r, utc(2024, 1, 2), utc(2024, 6, 28))),
      主诉: r.pick(complaints),
      诊断: diag,
      处方: diag === '健康' ? '' : r.pick(drugs.filter(species)),
      化验结果: r.chance(0.55) ? r.pick(labs.filter((x) => (dog ? !x.startsWith('FeLV') : !x.includes('犬')))) : '',
      疫苗接种: r.chance(0.3) ? (dog ? r.pick(['犬八联（第2针）', '狂犬疫苗', '犬四联加强']) : r.pick(['猫三联（第1针）', '狂犬疫苗'])) : '',
      MDR1基因检测: mdr ? r.pick(['MDR1 c.227_230delAGAT 杂合（N/M）', 'MDR1 正常/正常（N/N）', 'MDR1 c.227_230delAGAT 纯合（M/M）', 'MDR1 正常/正常（N/N）']) : dog && r.chance(0.05) ? r.pick(['SOD1 c.118G>A 携带（N/A）', 'PRA-prcd 正常']) : '',
      商品SKU: r.chance(0.6) ? r.pick(skus) : '',
      主治兽医: r.pick(vets),
      医嘱备注: r.pick(remarks),
    });
  }
  writeDelimited(join(dir, file), spec, rows, { sep: '\t', eol: '\n' });
  return [file, entries(spec)];
}

// ---------------------------------------------------------------------------------------------
// 7. Car-rental contracts (JSON array, nested)

function makeCarRental(r: Rng, dir: string): [string, Entry[]] {
  const file = 'zuche_hetong_export_2024Q2.json';
  const stores = [
    ['平潭澳前码头店', '福建省平潭综合实验区澳前镇澳前北路56号客运码头停车场B区'],
    ['平潭高铁站店', '平潭综合实验区潭城镇竹屿路88号平潭站东广场停车场'],
    ['平潭金井湾店', '平潭综合实验区金井湾大道168号海峡如意城1号楼102室'],
    ['福州长乐机场店', '福建省福州市长乐区郑和中路199号'],
    ['福州火车站店', '福建省福州市晋安区华林路502号'],
    ['平潭龙凤头店', '平潭综合实验区潭城镇环岛路32号'],
    ['福州南站店', '福建省福州市仓山区首山路1号'],
  ].map(([name, addr]) => ({ name: name as string, addr: addr as string, tel: cnLandline(r, false, '0591') }));
  const fleet = Array.from({ length: 320 }, () => ({
    plate: plate(r),
    vin: vin(r),
    model: r.pick(['大众朗逸', '丰田卡罗拉', '日产轩逸', '比亚迪秦PLUS DM-i', '别克GL8', '本田CR-V', '特斯拉Model 3', '比亚迪元PLUS', '五菱宏光MINIEV']),
    engineNo: r.weighted<string>([[`CJX${r.digits(6)}`, 3], [`HR16${r.chars(2, 'ABCDEFGHJK')}${r.digits(6)}`, 3], [`BYD472QA${r.digits(7)}`, 2], [`TZ210XS${r.digits(7)}`, 1]]),
  }));
  const taxCodes = ['3040502020200000000', '3040502029900000000', '3040802010200000000'].filter((c) => !luhnValid(c));
  if (taxCodes.length < 2) throw new Error('tax classification codes pass Luhn');
  const kinds = quota(r, 2000, [['tw', 120], ['hk', 60]], 'cn');
  const remarksPool = ['', '', '', '还车时油量不足，已扣加油费', '异地还车（福州长乐机场店）', '客户续租2天', '车辆右后门有划痕，已拍照确认', '押金已原路退回', '企业月租合同', '高速ETC费用另计', '台胞客户，凭台胞证及驾驶证租车', '违章待处理，暂扣违章押金2000元', '儿童安全座椅已配'];
  const records: unknown[] = [];
  for (let i = 0; i < 2000; i++) {
    const kind = kinds[i] as 'tw' | 'hk' | 'cn';
    const female = r.chance(0.35);
    const birth = birthDate(r, 1965, 2003);
    const id = residentId(r, county(r, 0.7), birth, !female);
    const permit = kind === 'tw' ? mtp(r) : kind === 'hk' ? homeReturnPermit(r, r.chance(0.8)) : null;
    const car = r.pick(fleet);
    const store = r.pick(stores);
    const signed = randomMoment(r, utc(2024, 4, 1), utc(2024, 6, 30));
    const corporate = r.chance(0.2);
    const card = bankCard(r, r.chance(0.98));
    const [lat, lng] = geoPoint(r, r.chance(0.7) ? 'pingtan' : 'fujian');
    const nViol = r.weighted<number>([[0, 80], [1, 15], [2, 5]]);
    records.push({
      contractNo: `ZC${ymd(signed, '')}-${String(r.int(1, 9999)).padStart(4, '0')}`,
      signedAt: isoLocal(signed),
      renter: {
        name: kind === 'tw' ? twName(r, female) : personName(r),
        docType: kind === 'tw' ? '台湾居民来往大陆通行证' : kind === 'hk' ? '港澳居民来往内地通行证' : '居民身份证',
        idNo: kind === 'cn' ? dirtyId(r, id).trim() : null,
        mtpNo: kind === 'tw' ? permit : null,
        hkmoPermitNo: kind === 'hk' ? permit : null,
        mobile: r.chance(0.98) ? dirtyMobile(r, cnMobile(r)) : null,
        twMobile: kind === 'tw' && r.chance(0.9) ? twMobile(r) : null,
        drivingLicense: {
          // a mainland licence's number is the holder's ID number; for Taiwan and HK/Macao renters, the permit number
          number: kind === 'cn' ? id : permit,
          fileNo: `3501${r.digits(8)}`,
          class: r.weighted<string>([['C1', 80], ['C2', 12], ['B2', 4], ['A1', 2], ['A2', 2]]),
        },
      },
      vehicle: { plate: car.plate, vin: r.chance(0.02) ? car.vin.toLowerCase() : car.vin, model: car.model, engineNo: car.engineNo },
      store: { pickup: { name: store.name, address: store.addr, tel: store.tel } },
      payment: {
        depositCard: r.chance(0.06) ? null : r.chance(0.25) ? groupCard(card, ' ') : card,
        preAuthCode: r.digits(6),
        amount: Math.round(r.int(150, 4000) * 100) / 100,
        invoice: { buyerTaxNo: corporate ? uscc(r, '91', r.chance(0.7) ? '350128' : r.pick(FUJIAN).code) : null, taxClassCode: r.pick(taxCodes) },
      },
      telematics: { lastPosition: r.chance(0.95) ? fmtGeo(r, lat, lng) : null },
      violations: Array.from({ length: nViol }, () => ({
        code: r.pick(['1625', '1039', '1345', '1352', '10390', '6046']),
        place: r.pick(['平潭环岛路与麒麟路交叉口', '坛西大道金井湾大道路口', '福州市晋安区福新中路与连江中路交叉口', 'G3京台高速平潭海峡大桥段', '平潭竹屿路中段', '长乐区吴航路与郑和中路路口']),
      })),
      app: { version: r.pick(['5.12.3', '5.12.4', '5.13.0', '6.0.1']) },
      remark: r.pick(remarksPool),
    });
  }
  writeFileSync(join(dir, file), JSON.stringify(records, null, 2) + '\n');
  return [
    file,
    labelJson(file, records, {
      contractNo: 'decoy', signedAt: 'decoy', 'renter.name': 'person_name', 'renter.docType': 'decoy', 'renter.idNo': 'cn_resident_id',
      'renter.mtpNo': 'tw_travel_permit', 'renter.hkmoPermitNo': 'hkmo_home_return_permit', 'renter.mobile': 'cn_mobile', 'renter.twMobile': 'tw_mobile',
      'renter.drivingLicense.number': 'cn_resident_id', 'renter.drivingLicense.fileNo': 'decoy', 'renter.drivingLicense.class': 'decoy',
      'vehicle.plate': 'cn_license_plate', 'vehicle.vin': 'vin', 'vehicle.model': 'decoy', 'vehicle.engineNo': 'decoy',
      'store.pickup.name': 'decoy', 'store.pickup.address': 'address', 'store.pickup.tel': 'cn_landline',
      'payment.depositCard': 'bank_card', 'payment.preAuthCode': 'decoy', 'payment.amount': 'decoy',
      'payment.invoice.buyerTaxNo': 'cn_uscc', 'payment.invoice.taxClassCode': 'decoy', 'telematics.lastPosition': 'geo_coordinate',
      'violations[].code': 'decoy', 'violations[].place': 'decoy', 'app.version': 'decoy', remark: 'free_text',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// 8. Lottery prize payouts (CSV, UTF-8, LF, comma)

function makeLottery(r: Rng, dir: string): [string, Entry[]] {
  const file = 'caipiao_dajiang_duijiang_mingxi_202406.csv';
  const spec: Spec = [
    ['兑奖流水号', 'decoy'], ['彩种', 'decoy'], ['期号', 'decoy'], ['彩票序列号', 'decoy'], ['投注号码', 'decoy'], ['中奖等级', 'decoy'],
    ['中奖金额(元)', 'decoy'], ['中奖人姓名', 'person_name'], ['证件号码', 'cn_resident_id'], ['联系电话', 'cn_mobile'], ['公示电话', 'decoy'],
    ['收款银行卡号', 'bank_card'], ['开户银行', 'decoy'], ['销售站点编号', 'decoy'], ['销售站点地址', 'address'], ['站点业主', 'person_name'],
    ['兑奖日期', 'decoy'], ['代领人姓名', 'person_name'], ['field_24', 'decoy'], ['field_25', 'cn_landline'], ['备注', 'free_text'],
  ];
  const sites = Array.from({ length: 36 }, () => ({ no: `3501${r.pick(['02', '28', '28', '81'])}${r.digits(2)}`, addr: address(r, 'pingtan', false), owner: personName(r, false) }));
  const games = [
    { name: '双色球', levels: [['一等奖', 6_000_000], ['二等奖', 150_000], ['三等奖', 3000]] },
    { name: '超级大乐透', levels: [['一等奖', 10_000_000], ['二等奖', 200_000], ['三等奖', 10_000]] },
    { name: '福彩3D', levels: [['直选', 1040], ['组选三', 346]] },
    { name: '七星彩', levels: [['一等奖', 5_000_000], ['二等奖', 50_000]] },
    { name: '快乐8', levels: [['选十中十', 5_000_000], ['选九中九', 300_000]] },
    { name: '即开型刮刮乐', levels: [['头奖', 1_000_000], ['二等奖', 100_000], ['三等奖', 20_000]] },
  ] as const;
  const proxies = quota(r, 1500, [['proxy', 120]], 'self');
  const remarks = ['', '', '', '', '中奖人自愿捐赠部分奖金', '代领，已核验委托书及双方身份证', '奖金分期发放', '已代扣20%个人所得税', '中奖人要求不公开姓名', `合买，另有中奖人${personName(r, false)}、${personName(r, false)}`, '票面污损，经鉴定有效', '电话回访已确认到账'];
  const rows: Row[] = [];
  for (let i = 0; i < 1500; i++) {
    const g = r.pick(games);
    const [level, base] = r.pick(g.levels as ReadonlyArray<readonly [string, number]>);
    const amount = base >= 1_000_000 ? base + r.int(0, 40) * 125_000 : base;
    const day = randomDate(r, utc(2024, 6, 1), utc(2024, 6, 30));
    const mobile = cnMobile(r);
    const site = r.pick(sites);
    const card = bankCard(r, r.chance(0.97));
    const balls = (n: number, max: number): string => Array.from(new Set(Array.from({ length: n + 4 }, () => r.int(1, max)))).slice(0, n).sort((a, b) => a - b).map((x) => String(x).padStart(2, '0')).join(' ');
    const numbers = g.name === '双色球' ? `${balls(6, 33)}+${String(r.int(1, 16)).padStart(2, '0')}` : g.name === '超级大乐透' ? `${balls(5, 35)}+${balls(2, 12)}` : g.name === '即开型刮刮乐' ? '—' : g.name === '福彩3D' ? `${r.int(0, 9)} ${r.int(0, 9)} ${r.int(0, 9)}` : g.name === '快乐8' ? balls(10, 80) : `${r.digits(6).split('').join(' ')}+${r.int(0, 14)}`;
    rows.push({
      兑奖流水号: `DJ${ymd(day, '')}${r.digits(5)}`,
      彩种: g.name,
      期号: g.name === '即开型刮刮乐' ? '—' : `2024${String(r.int(60, 75)).padStart(3, '0')}`,
      彩票序列号: `${r.digits(4)}-${r.digits(4)}-${r.digits(4)}-${r.digits(4)}-${r.digits(4)}`,
      投注号码: numbers,
      中奖等级: level,
      '中奖金额(元)': amount.toFixed(2),
      中奖人姓名: personName(r),
      证件号码: maybeBlank(r, 0.01, dirtyId(r, residentId(r, county(r, 0.8), birthDate(r, 1950, 2003)))),
      联系电话: maybeBlank(r, 0.02, dirtyMobile(r, mobile)),
      公示电话: `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
      收款银行卡号: maybeBlank(r, 0.02, r.chance(0.3) ? groupCard(card, ' ') : card),
      开户银行: r.pick(BANKS),
      销售站点编号: site.no,
      销售站点地址: site.addr,
      站点业主: site.owner,
      兑奖日期: ymd(day),
      代领人姓名: proxies[i] === 'proxy' ? personName(r) : '',
      field_24: r.chance(0.9) ? '已审核' : '待复核',
      field_25: r.chance(0.35) ? cnLandline(r) : '',
      备注: r.pick(remarks),
    });
  }
  writeDelimited(join(dir, file), spec, rows, { sep: ',', eol: '\n' });
  return [file, entries(spec)];
}

// ---------------------------------------------------------------------------------------------
// 9. HR payroll with social-insurance numbers (Parquet)

async function makePayroll(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'renshi_gongzi_shebao_202405.parquet';
  const n = 2500;
  const kinds = quota(r, n, [['tw', 200], ['hk', 100], ['mo', 80]], 'cn');
  const depts = ['综合管理部', '财务部', '港口运营部', '信息技术部', '市场营销部', '工程建设部', '安全环保部', '人力资源部', '客运服务部'];
  const posts = ['专员', '主管', '经理', '工程师', '高级工程师', '操作员', '客服', '会计', '出纳', '总监'];
  const cols: Record<string, Cell[]> = {};
  const spec: Array<[string, string, BasicType]> = [
    ['工号', 'decoy', 'INT32'], ['姓名', 'person_name', 'STRING'], ['部门', 'decoy', 'STRING'], ['岗位', 'decoy', 'STRING'],
    ['社会保障号码', 'cn_resident_id', 'STRING'], ['社保个人编号', 'decoy', 'STRING'], ['台胞证号', 'tw_travel_permit', 'STRING'],
    ['台湾身份证号', 'tw_national_id', 'STRING'], ['居住证号码_台湾', 'tw_residence_permit', 'STRING'], ['居住证号码_香港', 'hk_residence_permit', 'STRING'],
    ['居住证号码_澳门', 'mo_residence_permit', 'STRING'], ['香港身份证号', 'hk_id', 'STRING'], ['回乡证号', 'hkmo_home_return_permit', 'STRING'],
    ['手机', 'cn_mobile', 'INT64'], ['工资卡号', 'bank_card', 'STRING'], ['开户行', 'decoy', 'STRING'], ['入职日期', 'decoy', 'TIMESTAMP'],
    ['发薪日期', 'decoy', 'INT32'], ['基本工资', 'decoy', 'DOUBLE'], ['个税', 'decoy', 'DOUBLE'], ['实发', 'decoy', 'DOUBLE'],
    ['是否缴存公积金', 'decoy', 'BOOLEAN'], ['病假诊断', 'medical_record', 'STRING'], ['户籍地址', 'address', 'STRING'],
    ['col_29', 'cn_landline', 'STRING'], ['col_30', 'decoy', 'STRING'],
  ];
  for (const [h] of spec) cols[h] = [];
  const push = (h: string, v: Cell): void => {
    (cols[h] as Cell[]).push(v);
  };
  const sick = quota(r, n, [['sick', 300]], 'well');
  for (let i = 0; i < n; i++) {
    const kind = kinds[i] as 'cn' | 'tw' | 'hk' | 'mo';
    const female = r.chance(0.4);
    const birth = birthDate(r, 1964, 2002);
    const base = r.int(45, 300) * 100;
    const tax = Math.max(0, (base - 5000) * 0.08);
    push('工号', 100000 + i * 3 + r.int(0, 2));
    push('姓名', kind === 'cn' ? personName(r) : kind === 'tw' || r.chance(0.7) ? twName(r, female) : personName(r));
    push('部门', r.pick(depts));
    push('岗位', r.pick(posts));
    push('社会保障号码', kind === 'cn' ? dirtyId(r, residentId(r, county(r, 0.8), birth, !female)) : null);
    push('社保个人编号', until(() => `3501${r.digits(12)}`, (v) => !luhnValid(v)));
    push('台胞证号', kind === 'tw' ? mtp(r) : null);
    push('台湾身份证号', kind === 'tw' && r.chance(0.85) ? twNationalId(r, !female) : null);
    push('居住证号码_台湾', kind === 'tw' && r.chance(0.75) ? residencePermit(r, '830000', birth) : null);
    push('居住证号码_香港', kind === 'hk' && r.chance(0.85) ? residencePermit(r, '810000', birth) : null);
    push('居住证号码_澳门', kind === 'mo' && r.chance(0.9) ? residencePermit(r, '820000', birth) : null);
    push('香港身份证号', kind === 'hk' ? hkid(r, r.chance(0.6)) : null);
    push('回乡证号', kind === 'hk' || kind === 'mo' ? homeReturnPermit(r, kind === 'hk') : null);
    push('手机', r.chance(0.96) ? BigInt(cnMobile(r)) : null);
    const card = bankCard(r, r.chance(0.97));
    push('工资卡号', r.chance(0.02) ? null : card);
    push('开户行', r.pick(BANKS));
    push('入职日期', new Date(randomDate(r, utc(2012, 1, 1), utc(2024, 4, 30)).getTime() + 9 * 3600_000));
    push('发薪日期', 20240531);
    push('基本工资', base);
    push('个税', Math.round(tax * 100) / 100);
    push('实发', Math.round((base * 0.78 - tax) * 100) / 100);
    push('是否缴存公积金', r.chance(0.9));
    push('病假诊断', sick[i] === 'sick' ? r.pick(SICK_LEAVE) : null);
    push('户籍地址', r.chance(0.04) ? null : kind === 'tw' ? twAddress(r) : kind === 'cn' ? address(r, r.chance(0.5) ? 'pingtan' : 'fuzhou') : null);
    push('col_29', r.chance(0.55) ? `0591-8612${r.digits(4)}${r.chance(0.5) ? `-${r.int(8000, 8999)}` : ''}` : null);
    push('col_30', `KQ-${String(r.int(1, 999999)).padStart(6, '0')}`);
  }
  parquetWriteFile({
    filename: join(dir, file),
    columnData: spec.map(([name, , type]) => ({ name, data: cols[name] as never, type })),
  });
  return [file, spec.map(([header, truth], index) => ({ index, header, truth }))];
}

// ---------------------------------------------------------------------------------------------
// 10. Hospital appointments (XLSX, merged title row, two sheets, date and number cells)

async function makeHospital(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'yiyuan_yuyue_guahao_haoyuan_202406.xlsx';
  const spec: Spec = [
    ['预约单号', 'decoy'], ['号源编号', 'decoy'], ['院区', 'decoy'], ['科室', 'decoy'], ['医生姓名', 'person_name'], ['医生职称', 'decoy'],
    ['就诊日期', 'decoy'], ['时段', 'decoy'], ['患者姓名', 'person_name'], ['年龄', 'decoy'], ['证件号码', 'cn_resident_id'],
    ['患者手机', 'cn_mobile'], ['就诊卡号', 'decoy'], ['社保卡号', 'decoy'], ['预约病情', 'medical_record'], ['检查项目', 'medical_record'],
    ['遗传检测变异', 'genetic_data'], ['药物基因型', 'genetic_data'], ['科室电话', 'cn_landline'], ['支付方式', 'decoy'], ['状态', 'decoy'],
    ['col_25', 'cn_mobile'], ['col_26', 'decoy'], ['备注', 'free_text'],
  ];
  const deptDefs: ReadonlyArray<readonly [string, string, number, readonly string[]]> = [
    ['心血管内科', 'XNK', 14, ['原发性高血压', '冠状动脉粥样硬化性心脏病', '心房颤动', '高脂血症']],
    ['内分泌科', 'NFM', 12, ['2型糖尿病', '甲状腺结节', '桥本甲状腺炎', '痛风', '多囊卵巢综合征']],
    ['消化内科', 'XHK', 10, ['慢性胃炎', '非酒精性脂肪性肝病', '慢性乙型病毒性肝炎', '胆囊结石']],
    ['呼吸与危重症医学科', 'HXK', 9, ['支气管哮喘', '慢性阻塞性肺疾病', '肺结节', '急性上呼吸道感染']],
    ['神经内科', 'SJN', 9, ['脑梗死', '偏头痛', '失眠症']],
    ['骨科', 'GKE', 9, ['腰椎间盘突出症', '颈椎病', '骨质疏松症', '类风湿关节炎']],
    ['精神心理科', 'JSX', 6, ['抑郁症', '焦虑障碍', '失眠症']],
    ['皮肤科', 'PFK', 6, ['荨麻疹', '湿疹', '银屑病', '带状疱疹']],
    ['眼科', 'YKE', 5, ['青光眼', '老年性白内障']],
    ['妇科', 'FKE', 6, ['子宫肌瘤', '多囊卵巢综合征', '乳腺增生']],
    ['遗传咨询门诊', 'YCZ', 10, GENETIC_DX],
    ['肾内科', 'SNK', 4, ['慢性肾脏病']],
  ];
  const titles = ['主任医师', '副主任医师', '主治医师', '住院医师'];
  const depts = deptDefs.map(([name, code, w, dx]) => ({
    name, code, w, dx,
    tel: `0591-2431${r.digits(4)}`,
    doctors: Array.from({ length: r.int(3, 5) }, () => ({ name: personName(r, false), title: r.pick(titles) })),
  }));
  const remarks = ['', '', '', '', '复诊，带既往检查报告', '需空腹', '家属代为预约', '台胞，凭台胞证就诊', '外院转诊', '医保异地备案已完成', '上次爽约，本次需提前确认', '孕期复查', '患者听力障碍，请短信联系', '需轮椅'];
  const rows: Row[] = [];
  for (let i = 0; i < 1500; i++) {
    const d = r.weighted(depts.map((x) => [x, x.w] as const));
    const doc = r.pick(d.doctors);
    const birth = birthDate(r, 1940, 2012);
    const day = randomDate(r, utc(2024, 6, 3), utc(2024, 6, 28));
    const slot = r.int(0, 15);
    const start = 8 * 60 + slot * 30 + (slot >= 8 ? 90 : 0);
    const fmt = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const mobile = cnMobile(r);
    const genetic = d.name === '遗传咨询门诊' && r.chance(0.9);
    const pgx = (d.name === '心血管内科' || d.name === '神经内科' || d.name === '精神心理科') && r.chance(0.4);
    rows.push({
      预约单号: `YY${r.digits(10)}`,
      号源编号: `HY${ymd(day, '')}-${d.code}-${String(r.int(1, 60)).padStart(3, '0')}`,
      院区: r.weighted<string>([['总院区', 6], ['平潭院区', 3], ['滨海分院', 1]]),
      科室: d.name,
      医生姓名: doc.name,
      医生职称: doc.title,
      就诊日期: day,
      时段: `${fmt(start)}-${fmt(start + 30)}`,
      患者姓名: personName(r),
      年龄: 2024 - birth.getUTCFullYear(),
      证件号码: maybeBlank(r, 0.02, dirtyId(r, residentId(r, county(r, 0.85), birth))),
      患者手机: r.chance(0.5) ? Number(mobile) : dirtyMobile(r, mobile),
      就诊卡号: Number(`0000${r.digits(6)}`),
      社保卡号: `${r.pick(['A', 'B', 'C', 'D', 'E', 'F'])}${r.digits(8)}`,
      预约病情: r.chance(0.95) ? r.pick(d.dx) : '',
      检查项目: r.chance(0.4) ? r.pick(EXAMS) : '',
      遗传检测变异: genetic ? r.pick(GENETIC_VARIANTS) : '',
      药物基因型: pgx ? r.pick(PGX_SNPS) : '',
      科室电话: d.tel,
      支付方式: r.pick(['医保', '自费', '微信支付', '支付宝', '医保+自费']),
      状态: r.weighted<string>([['已就诊', 70], ['已取消', 12], ['爽约', 8], ['待就诊', 10]]),
      col_25: r.chance(0.25) ? dirtyMobile(r, cnMobile(r)) : '',
      col_26: `${r.int(1, 4)}F-${String(r.int(1, 30)).padStart(2, '0')}`,
      备注: r.pick(remarks),
    });
  }
  const summary: Cell[][] = [['科室', '医生', '职称', '放号数', '已预约']];
  for (const d of depts) for (const doc of d.doctors) summary.push([d.name, doc.name, doc.title, r.int(200, 600), r.int(100, 200)]);
  await writeXlsx(join(dir, file), '平潭综合实验区医院2024年6月门诊预约挂号明细（号源）', '预约明细', spec, rows, { name: '号源统计', rows: summary });
  return [file, entries(spec)];
}

// ---------------------------------------------------------------------------------------------
// 11. Port crane operator shift log (CSV, UTF-8, LF, pipe, snake_case headers)

function makeCrane(r: Rng, dir: string): [string, Entry[]] {
  const file = 'gangkou_anqiao_zuoye_banci_202406.csv';
  const spec: Spec = [
    ['zy_date', 'decoy'], ['shift', 'decoy'], ['crane_no', 'decoy'], ['berth', 'decoy'], ['vessel_name', 'decoy'], ['voyage', 'decoy'],
    ['driver_name', 'person_name'], ['driver_no', 'decoy'], ['tzsb_cert_no', 'cn_resident_id'], ['driver_mobile', 'cn_mobile'],
    ['start_time', 'decoy'], ['teu', 'decoy'], ['plc_ip', 'ip_address'], ['cab_mac', 'mac_address'], ['alcohol_test', 'decoy'],
    ['bp_pre_shift', 'decoy'], ['health_flag', 'medical_record'], ['truck_plate', 'cn_license_plate'], ['truck_gps', 'geo_coordinate'],
    ['field_24', 'decoy'], ['field_25', 'person_name'], ['handover_note', 'free_text'],
  ];
  const cranes = Array.from({ length: 12 }, (_, k) => ({ no: `QC${String(k + 1).padStart(2, '0')}`, ip: `10.60.${k + 1}.${r.int(10, 250)}`, mac: mac(r, 'colon', true) }));
  const drivers = Array.from({ length: 44 }, (_, k) => ({ name: personName(r, false), no: `QD${String(1001 + k)}`, id: residentId(r, county(r, 0.9), birthDate(r, 1968, 2000), r.chance(0.92)), mobile: cnMobile(r) }));
  const leads = ['林长青', '陈德胜', '翁海波', '高振华', '俞建新', '卓明亮'];
  const vessels = ['COSCO SHIPPING ARIES', 'ZHONG GU JI NAN', 'XIN MING ZHOU 28', 'HAI XIA HAO', 'MSC LORETTA', 'EVER LUCID', 'TS HONGKONG', 'WAN HAI 351'];
  const berths = ['JJ-01', 'JJ-02', 'JJ-03', 'JJ-05', 'AQ-K1', 'AQ-K2'];
  const notes = ['', '', '', '设备正常，交班', 'QC吊具旋锁故障，已报修', '大风预警，10:40停机', '夜班补箱12个', '集卡排队较长，效率偏低', '交班时发现小车钢丝绳磨损', '船方要求先卸危险品箱', '司机身体不适提前下班，由替班接替', '岗前检查正常', '冷箱插电确认完毕'];
  const sick = quota(r, 2000, [['sick', 120]], 'well');
  const rows: Row[] = [];
  for (let i = 0; i < 2000; i++) {
    const day = utc(2024, 6, 1 + Math.floor((i / 2000) * 30));
    const crane = r.pick(cranes);
    const dr = r.pick(drivers);
    const night = r.chance(0.45);
    const start = new Date(day.getTime() + (night ? 20 : 8) * 3600_000 - 8 * 3600_000);
    const [lat, lng] = [25.4405 + r.next() * 0.012, 119.7705 + r.next() * 0.015];
    const hasTruck = r.chance(0.72);
    rows.push({
      zy_date: excelSerial(day),
      shift: night ? '夜班' : '日班',
      crane_no: crane.no,
      berth: r.pick(berths),
      vessel_name: r.pick(vessels),
      voyage: `${String(r.int(1, 60)).padStart(3, '0')}${r.pick(['E', 'W', 'N', 'S'])}`,
      driver_name: dr.name,
      driver_no: dr.no,
      tzsb_cert_no: maybeBlank(r, 0.01, r.chance(0.03) ? dirtyId(r, dr.id) : dr.id),
      driver_mobile: maybeBlank(r, 0.02, dirtyMobile(r, dr.mobile)),
      start_time: localStamp(start),
      teu: r.int(40, 420),
      plc_ip: crane.ip,
      cab_mac: crane.mac,
      alcohol_test: r.chance(0.995) ? '0mg/100ml' : '12mg/100ml',
      bp_pre_shift: `${r.int(105, 150)}/${r.int(65, 95)}`,
      health_flag: sick[i] === 'sick' ? r.pick(SHIFT_HEALTH) : '',
      truck_plate: hasTruck ? plate(r) : '',
      truck_gps: hasTruck ? fmtGeo(r, lat, lng) : '',
      field_24: `${(r.int(10, 140) / 10).toFixed(1)}m/s`,
      field_25: r.pick(leads),
      handover_note: r.pick(notes),
    });
  }
  writeDelimited(join(dir, file), spec, rows, { sep: '|', eol: '\n' });
  return [file, entries(spec)];
}

// ---------------------------------------------------------------------------------------------
// 12. Open-data business registry extract (NDJSON)

function makeRegistry(r: Rng, dir: string): [string, Entry[]] {
  const file = 'shichang_zhuti_dengji_gongkai_2024.ndjson';
  const industries = ['批发业', '零售业', '道路运输业', '水上运输业', '住宿业', '餐饮业', '软件和信息技术服务业', '商务服务业', '渔业', '建筑装饰业', '文化艺术业', '房地产业'];
  const scopes = [
    '一般项目：旅游开发项目策划咨询；酒店管理；餐饮管理；会议及展览服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
    '许可项目：道路货物运输（不含危险货物）；国际船舶代理。一般项目：国内货物运输代理；报关业务；报检业务。',
    '一般项目：水产品批发；水产品零售；食用农产品批发；食品进出口；货物进出口；技术进出口。',
    '一般项目：软件开发；信息系统集成服务；数据处理和存储支持服务；人工智能应用软件开发；网络技术服务。',
    '许可项目：建设工程施工。一般项目：园林绿化工程施工；土石方工程施工；建筑材料销售。',
    '一般项目：台湾地区商品批发、零售；日用百货销售；化妆品零售；互联网销售（除销售需要许可的商品）。',
    '一般项目：汽车租赁；小微型客车租赁经营服务；机动车修理和维护；二手车经纪。',
    '许可项目：民宿服务；餐饮服务。一般项目：休闲观光活动；露营地服务。',
  ];
  const records: unknown[] = [];
  for (let i = 0; i < 1500; i++) {
    const kind = r.weighted<'91' | '92' | '93'>([['91', 70], ['92', 25], ['93', 5]]);
    const region = r.chance(0.85) ? '350128' : r.pick(FUJIAN).code;
    const est = randomDate(r, utc(2004, 1, 1), utc(2024, 5, 31));
    const old = est.getTime() < utc(2015, 10, 1).getTime();
    const [lat, lng] = geoPoint(r, 'pingtan');
    const name = kind === '92' ? `平潭综合实验区${r.pick(['岚岛', '老街', '海坛', '阿嬷', '渔家', '石头厝'])}${r.pick(['海鲜排档', '小吃店', '便利店', '民宿', '五金店', '茶行'])}` : kind === '93' ? `平潭${r.pick(['北港', '东美', '大福', '磹水'])}${r.pick(['紫菜', '花蛤', '番薯', '水产'])}专业合作社` : r.chance(0.15) ? twCompanyName(r) : companyName(r);
    const capitalBase = r.pick([100_000, 500_000, 1_000_000, 3_000_000, 5_000_000, 10_000_000, 50_000_000, 200_000_000]);
    const capital = kind === '92' ? r.int(1, 50) * 10_000 : r.chance(0.03) ? r.pick([13, 15, 16, 18, 19]) * 1_000_000_000 : capitalBase;
    const regNo = old ? (() => {
      const body = until(() => `${region}${r.digits(2)}${r.int(20, 99)}${r.digits(4)}`, (b) => gb11643Kind(b + '0', true) === null && gb11643Kind(b + '5', true) === null);
      return body + mod1110Check(body);
    })() : null;
    const nShare = kind === '92' ? 1 : r.int(1, 3);
    const shareholders = Array.from({ length: nShare }, () => {
      const company = kind !== '92' && r.chance(0.07);
      return { name: company ? companyName(r) : r.chance(0.15) ? twName(r) : personName(r, false), kind: company ? '企业法人' : '自然人股东', subscribed: r.int(1, 500) * 10_000 };
    });
    const legal = shareholders[0]?.kind === '自然人股东' && r.chance(0.7) ? shareholders[0].name : personName(r, false);
    records.push({
      uscc: uscc(r, kind, region),
      entName: name,
      entType: kind === '92' ? '个体工商户' : kind === '93' ? '农民专业合作社' : r.pick(['有限责任公司(自然人投资或控股)', '有限责任公司(台港澳自然人独资)', '股份有限公司(非上市)', '有限责任公司(国有独资)']),
      legalRep: { name: legal },
      regCapital: capital,
      estDate: ymd(est),
      regAuthority: r.pick(['平潭综合实验区市场监督管理局', '平潭综合实验区行政审批局']),
      status: r.weighted<string>([['存续（在营、开业、在册）', 80], ['注销', 12], ['吊销，未注销', 8]]),
      regNo,
      industry: { name: r.pick(industries) },
      address: { registered: address(r, 'pingtan'), postcode: '350400' },
      location: r.chance(0.9) ? fmtGeo(r, lat, lng, true) : null,
      contacts: {
        tel: r.chance(0.6) ? cnLandline(r, true, '0591') : null,
        email: r.chance(0.5) ? `${r.pick(['info', 'service', 'admin', 'hr', 'pt'])}${r.chance(0.5) ? r.int(1, 99) : ''}@${r.pick(['ptlandao.com', 'hxgroup.cn', 'fjpt.net', 'qq.com', '163.com', 'lanhai-tech.cn'])}` : null,
      },
      shareholders,
      keyPersons: Array.from({ length: r.int(1, 3) }, (_, k) => ({ name: k === 0 ? legal : personName(r, false), position: k === 0 ? (kind === '92' ? '经营者' : r.pick(['执行董事兼总经理', '执行董事', '董事长'])) : r.pick(['监事', '财务负责人', '经理']) })),
      annual: { employees: r.int(1, 300) },
      businessScope: r.pick(scopes),
    });
  }
  writeFileSync(join(dir, file), records.map((x) => JSON.stringify(x)).join('\n') + '\n');
  return [
    file,
    labelJson(file, records, {
      uscc: 'cn_uscc', entName: 'decoy', entType: 'decoy', 'legalRep.name': 'person_name', regCapital: 'decoy', estDate: 'decoy',
      regAuthority: 'decoy', status: 'decoy', regNo: 'decoy', 'industry.name': 'decoy', 'address.registered': 'address', 'address.postcode': 'decoy',
      location: 'geo_coordinate', 'contacts.tel': 'cn_landline', 'contacts.email': 'email', 'shareholders[].name': 'person_name',
      'shareholders[].kind': 'decoy', 'shareholders[].subscribed': 'decoy', 'keyPersons[].name': 'person_name', 'keyPersons[].position': 'decoy',
      'annual.employees': 'decoy', businessScope: 'free_text',
    }),
  ];
}

await runTableSet<Rng, Entry>({
  script: 'bench/eval/columns-h/generate.ts',
  defaultSeed: DEFAULT_SEED,
  rng: (seed, name) => new Rng(streamSeed(seed, name)),
  makers: [
    ['api-log', makeApiLog],
    ['tax-refund', makeTaxRefund],
    ['ferry', makeFerry],
    ['power', makePower],
    ['kindergarten', makeKindergarten],
    ['vet', makeVet],
    ['car-rental', makeCarRental],
    ['lottery', makeLottery],
    ['payroll', makePayroll],
    ['hospital', makeHospital],
    ['crane', makeCrane],
    ['registry', makeRegistry],
  ],
});
