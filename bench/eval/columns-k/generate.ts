/**
 * Tenth blind labelled column set for `landao scan` (columns-k), written without reading the
 * scanner, its recognisers or the earlier sets' value makers (see README.md).
 *
 *   npx tsx bench/eval/columns-k/generate.ts --out DIR [--seed N]   # default seed 20240805
 *   npx tsx bench/eval/columns-k/check.ts DIR [--all]               # reads the set back, no scanner
 *   npx tsx bench/eval/columns-eval.ts DIR                          # the scorer (run by the lead)
 *
 * Twelve files on domains new to the earlier sets: a Hengqin notary office's party ledger, pension
 * eligibility certification, nursing-home admission assessments, veterans' information collection,
 * a study-abroad agency's CRM export, credit-card instalments, a 低保 annual review, a law firm's case
 * ledger, a Taiwan 監理站 transfer register, Shenzhen–Hong Kong cross-boundary pupils, scenic-area
 * timed reservations and an internet hospital's repeat prescriptions — in CSV (GBK without BOM, UTF-8
 * with BOM, UTF-8; comma, semicolon, pipe), TSV, XLSX (merged title row, two sheets, date and number
 * cells), Parquet, JSON and NDJSON.
 *
 * DIR/truth.json: `{ file: [{ index, header, truth }] }`, truth a detector type id, `decoy` or
 * `free_text`; JSON/NDJSON headers are paths (a.b[].c) in order of first appearance. Output is
 * byte-identical between runs and time zones: one seeded stream per file maker, dates built in UTC,
 * workbook dates fixed and every XLSX zip entry stamped 2024-08-05 09:00.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { parquetWriteFile } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import { jsonPaths } from '../read-table.ts';
import { runTableSet } from '../table-set-main.ts';
import * as V from './values.ts';
import type { County, Rng } from './values.ts';

interface Entry {
  index: number;
  header: string;
  truth: string;
}
type Cell = string | number | Date | null;
type Cols = ReadonlyArray<readonly [string, string]>;
type Row = Record<string, Cell>;

const STAMP = new Date(Date.UTC(2024, 7, 5, 9, 0, 0));

// ---------------------------------------------------------------------------------------------
// Writers

function entriesOf(cols: Cols): Entry[] {
  return cols.map(([header, truth], index) => ({ index, header, truth }));
}

function matrix(cols: Cols, rows: Row[]): Cell[][] {
  const known = new Set(cols.map(([h]) => h));
  return rows.map((row, i) => {
    for (const k of Object.keys(row)) if (!known.has(k)) throw new Error(`row ${i}: unknown column ${k}`);
    return cols.map(([h]) => row[h] ?? null);
  });
}

const cellText = (c: Cell): string => (c === null ? '' : c instanceof Date ? V.ymd(c) : String(c));

function quote(f: string, sep: string): string {
  return f.includes(sep) || f.includes('"') || f.includes('\n') || f.includes('\r') ? `"${f.replace(/"/g, '""')}"` : f;
}

function writeDelimited(path: string, cols: Cols, rows: Row[], opt: { sep: string; enc: 'utf8' | 'bom' | 'gbk'; eol: '\n' | '\r\n' }): void {
  const lines = [cols.map(([h]) => h), ...matrix(cols, rows).map((r) => r.map(cellText))];
  const text = lines.map((r) => r.map((f) => quote(f, opt.sep)).join(opt.sep)).join(opt.eol) + opt.eol;
  let buf: Buffer;
  if (opt.enc === 'gbk') {
    buf = iconv.encode(text, 'gbk');
    if (iconv.decode(buf, 'gbk') !== text) throw new Error(`${path}: text does not survive GBK`);
  } else if (opt.enc === 'bom') buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else buf = Buffer.from(text, 'utf8');
  writeFileSync(path, buf);
}

async function restampZip(buf: Buffer): Promise<Buffer> {
  const zin = await JSZip.loadAsync(buf);
  const zout = new JSZip();
  for (const name of Object.keys(zin.files).sort()) {
    const f = zin.files[name];
    if (f === undefined || f.dir) continue;
    zout.file(name, await f.async('uint8array'), { date: STAMP, createFolders: false });
  }
  return zout.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

async function writeXlsx(
  path: string,
  opt: { title: string; sheet: string; cols: Cols; rows: Row[]; numFmt?: Record<string, string>; second: { name: string; rows: Cell[][] } },
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '台账导出';
  wb.lastModifiedBy = '台账导出';
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet(opt.sheet);
  const n = opt.cols.length;
  ws.addRow([opt.title]);
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.addRow(opt.cols.map(([h]) => h));
  ws.getRow(2).font = { bold: true };
  for (const r of matrix(opt.cols, opt.rows)) {
    const row = ws.addRow(r.map((c) => (c === '' ? null : c)));
    row.eachCell((cell, col) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      else if (typeof cell.value === 'number') {
        const fmt = opt.numFmt?.[opt.cols[col - 1]?.[0] ?? ''];
        if (fmt !== undefined) cell.numFmt = fmt;
      }
    });
  }
  opt.cols.forEach((_, i) => {
    ws.getColumn(i + 1).width = 16;
  });
  const ws2 = wb.addWorksheet(opt.second.name);
  for (const r of opt.second.rows) ws2.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(path, await restampZip(buf));
}

function writeJsonRecords(path: string, records: unknown[], ndjson: boolean): string[] {
  const text = ndjson ? records.map((r) => JSON.stringify(r)).join('\n') + '\n' : JSON.stringify(records, null, 2) + '\n';
  writeFileSync(path, text);
  return jsonPaths(records);
}

function jsonEntries(paths: string[], truth: Record<string, string>): Entry[] {
  const missing = Object.keys(truth).filter((p) => !paths.includes(p));
  const unlabelled = paths.filter((p) => truth[p] === undefined);
  if (missing.length > 0 || unlabelled.length > 0) throw new Error(`JSON paths and labels differ: missing ${missing.join(',')}; unlabelled ${unlabelled.join(',')}`);
  return paths.map((header, index) => ({ index, header, truth: truth[header] as string }));
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

interface Citizen {
  name: string;
  id: string;
  birth: Date;
  male: boolean;
  county: County | undefined;
}

/** A mainland person with a valid ID from one of the counties (or a birthplace elsewhere). */
function citizen(r: Rng, opt: { from: number; to: number; counties: readonly County[]; elsewhere?: number; fujian?: number; script?: V.Script; surname?: string }): Citizen {
  const birth = V.birthBetween(r, opt.from, opt.to);
  const male = r.chance(0.5);
  const away = r.chance(opt.elsewhere ?? 0.15);
  const county = away ? undefined : r.pick(opt.counties);
  const code = county?.code ?? r.pick(V.ELSEWHERE);
  const nameOpts: { script?: V.Script; fujian?: number; surname?: string } = { script: opt.script ?? 'S', fujian: opt.fujian ?? 0.5 };
  if (opt.surname !== undefined) nameOpts.surname = opt.surname;
  return { name: V.personName(r, nameOpts), id: V.residentId(r, code, birth, male), birth, male, county };
}

/** An 11-digit mobile as a number cell now and then (XLSX), else as text. */
function mobileCell(r: Rng, m: string, asNumber: number): Cell {
  return r.chance(asNumber) ? Number(m) : V.fmtMobile(r, m, 0.12);
}

const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function sortByDate<T extends { at: Date }>(list: T[]): T[] {
  return list.sort((a, b) => a.at.getTime() - b.at.getTime());
}

// ---------------------------------------------------------------------------------------------
// 1. Hengqin notary office: party ledger (XLSX, merged title row, two sheets)

async function notary(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'zhuhai_hengqin_gongzhengchu_dangshiren_taizhang_2024H1.xlsx';
  const cols: Cols = [
    ['序号', 'decoy'], ['公证书编号', 'decoy'], ['受理日期', 'decoy'], ['公证事项', 'decoy'], ['当事人类别', 'decoy'],
    ['当事人姓名', 'person_name'], ['出生日期', 'decoy'], ['身份证号码', 'cn_resident_id'], ['回乡证号码', 'hkmo_home_return_permit'],
    ['居住证号码', 'mo_residence_permit'], ['联系电话', 'cn_mobile'], ['住址', 'address'], ['代理人姓名', 'person_name'],
    ['委托单位', 'decoy'], ['委托单位统一社会信用代码', 'cn_uscc'], ['使用地', 'decoy'], ['译文语种', 'decoy'], ['公证员', 'person_name'],
    ['收费金额', 'decoy'], ['收据号', 'decoy'], ['卷宗号', 'decoy'], ['字段22', 'email'], ['归档状态', 'decoy'], ['备注', 'free_text'],
  ];
  const notaries = Array.from({ length: 6 }, () => V.personName(r, { fujian: 0 }));
  const personal = ['委托', '声明', '继承', '赠与', '学历', '无犯罪记录', '亲属关系', '出生', '婚姻状况', '未受刑事处分', '遗嘱', '收养', '经历', '驾驶证'];
  const corporate = ['合同', '公司章程', '董事会决议', '保全证据', '营业执照', '授权委托书'];
  const usePlaces = ['中国内地', '中国内地', '澳门特别行政区', '澳门特别行政区', '香港特别行政区', '葡萄牙', '美国', '加拿大', '澳大利亚', '英国', '新加坡', '日本'];
  const orgTails = ['科技有限公司', '商贸有限公司', '文化传播有限公司', '医疗器械有限公司', '餐饮管理有限公司', '跨境电子商务有限公司', '中医药科技有限公司', '会展服务有限公司'];
  const orgHeads = ['横琴', '珠海横琴', '珠海', '粤澳', '澳琴', '珠海大横琴'];
  const orgMids = ['濠江', '莲花', '琴澳', '新濠', '金湾', '海韵', '星汉', '汇通', '盈科', '恒创', '中葡', '湾区'];
  const macaoRoads = ['澳門氹仔柯維納馬路', '澳門新馬路', '澳門高士德大馬路', '澳門黑沙環中街', '澳門氹仔海洋花園大馬路', '澳門提督馬路', '澳門罅些喇提督大馬路'];
  const n = 1400;
  const items = sortByDate(Array.from({ length: n }, () => ({ at: V.dayBetween(r, V.utcDay(2024, 1, 2), V.utcDay(2024, 6, 28)) })));
  const rows: Row[] = [];
  let certNo = 0;
  const perNotary = new Map<string, [number, number]>();
  for (const [i, it] of items.entries()) {
    const kind = r.weighted<string>([['内地居民', 72], ['澳门居民', 23], ['香港居民', 5]]);
    const corp = r.chance(0.18);
    const matter = corp ? r.pick(corporate) : r.pick(personal);
    let name: string;
    let birth: Date;
    let id: Cell = '';
    let hrp: Cell = '';
    let permit: Cell = '';
    let address: string;
    const male = r.chance(0.5);
    if (kind === '内地居民') {
      const c = citizen(r, { from: 1940, to: 2005, counties: V.ZHUHAI, elsewhere: 0.45, fujian: 0.1 });
      name = c.name;
      birth = c.birth;
      id = V.dirtyId(r, c.id);
      address = V.mainlandAddress(r, r.pick(V.ZHUHAI), { province: 0.2 });
    } else {
      birth = V.birthBetween(r, 1945, 2005);
      name = V.personName(r, { script: r.chance(0.7) ? 'T' : 'S', fujian: 0 });
      hrp = V.homeReturnPermit(r, kind === '澳门居民' ? 'M' : 'H');
      if (kind === '澳门居民' && r.chance(0.6)) permit = V.permitId(r, '820000', birth, male);
      address = kind === '澳门居民' && r.chance(0.45)
        ? `${r.pick(macaoRoads)}${r.int(1, 899)}號${r.pick(['海洋花園', '濠景花園', '寰宇天下', '海擎天', '金峰南岸', '利達新邨'])}第${r.int(1, 9)}座${r.int(2, 38)}樓${r.pick(['A', 'B', 'C', 'D', 'E'])}`
        : V.mainlandAddress(r, V.ZHUHAI[0] as County, { province: 0.1 });
    }
    const org = corp ? `${r.pick(orgHeads)}${r.pick(orgMids)}${r.pick(orgTails)}` : '';
    const notaryName = r.pick(notaries);
    const fee = corp ? r.pick([800, 1200, 1500, 2000, 3000]) : r.pick([200, 240, 300, 360, 400, 600, 880]);
    const agg = perNotary.get(notaryName) ?? [0, 0];
    perNotary.set(notaryName, [agg[0] + 1, agg[1] + fee]);
    const use = kind === '内地居民' ? r.pick(usePlaces) : r.pick(['中国内地', '中国内地', '中国内地', '澳门特别行政区', '葡萄牙']);
    const lang = use === '葡萄牙' ? '葡萄牙文' : ['美国', '加拿大', '澳大利亚', '英国', '新加坡'].includes(use) ? '英文' : use === '日本' ? '日文' : r.pick(['', '', '中文繁体', '英文', '葡萄牙文']);
    const mobile = V.cnMobile(r);
    const agent = r.chance(0.25) ? V.dirtyName(r, V.personName(r, { fujian: 0.1 })) : '';
    const remark = r.chance(0.4)
      ? r.pick([
          `当事人持回乡证办理，委托其${r.pick(['女儿', '儿子', '配偶', '胞弟'])}${V.personName(r)}代为办理${matter}事宜`,
          `加急件，${V.ymd(new Date(it.at.getTime() + 5 * 86400000))}前领取；联系人${V.personName(r)} ${V.cnMobile(r)}`,
          `当事人系澳门居民，现住${V.mainlandAddress(r, V.ZHUHAI[0] as County)}`,
          `企业委托，经办人${V.personName(r)}，授权书及营业执照已核验`,
          `译文需加盖翻译专用章；邮寄至${V.mainlandAddress(r, r.pick(V.ZHUHAI))}`,
          '原件已退回当事人，复印件归档',
          `当事人行动不便，上门办理（${V.mainlandAddress(r, r.pick(V.ZHUHAI))}）`,
          '补正材料：出生证明原件',
          `出具${r.int(2, 6)}份，另加译文${r.int(1, 3)}份`,
        ])
      : '';
    rows.push({
      序号: i + 1,
      公证书编号: `（2024）粤珠横琴证字第${V.pad(++certNo + 100, 5)}号`,
      受理日期: it.at,
      公证事项: matter,
      当事人类别: kind,
      当事人姓名: V.dirtyName(r, name),
      出生日期: birth,
      身份证号码: id,
      回乡证号码: hrp,
      居住证号码: permit,
      联系电话: mobileCell(r, mobile, 0.5),
      住址: address,
      代理人姓名: agent,
      委托单位: org,
      委托单位统一社会信用代码: corp ? V.uscc(r, '440402', '91') : '',
      使用地: use,
      译文语种: lang,
      公证员: notaryName,
      收费金额: fee,
      收据号: `NO.${V.pad(12000 + i * 3 + r.int(0, 2), 7)}`,
      卷宗号: `2024-横-${corp ? '经' : kind === '内地居民' ? '民' : '涉澳'}-${V.pad(i + 1, 5)}`,
      字段22: r.chance(0.45) ? V.email(r) : '',
      归档状态: it.at.getTime() < V.utcDay(2024, 5, 15).getTime() ? r.pick(['已归档', '已归档', '借阅中']) : r.pick(['待归档', '已归档']),
      备注: remark,
    });
  }
  const second: Cell[][] = [['公证员', '办件数', '收费合计（元）'], ...[...perNotary.entries()].map(([k, [c, f]]) => [k, c, f])];
  await writeXlsx(join(dir, file), {
    title: '珠海市横琴公证处当事人登记台账（2024年1月—6月）',
    sheet: '当事人台账',
    cols,
    rows,
    numFmt: { 收费金额: '#,##0.00' },
    second: { name: '公证员办件统计', rows: second },
  });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 2. Pension eligibility certification (CSV, GBK without BOM, CRLF, pinyin headers)

function pension(r: Rng, dir: string): [string, Entry[]] {
  const file = 'fuzhou_shebao_daiyu_zige_renzheng_202407_gbk.csv';
  const cols: Cols = [
    ['xh', 'decoy'], ['grbh', 'decoy'], ['xm', 'person_name'], ['xb', 'decoy'], ['sfzh', 'cn_resident_id'], ['csrq', 'decoy'],
    ['lxsj', 'cn_mobile'], ['gddh', 'cn_landline'], ['jtzz', 'address'], ['sqdm', 'decoy'], ['jdmc', 'decoy'], ['dylb', 'decoy'],
    ['ffyh', 'decoy'], ['yhkh', 'bank_card'], ['yfje', 'decoy'], ['rzfs', 'decoy'], ['rzsj', 'decoy'], ['rzjg', 'decoy'],
    ['ffzt', 'decoy'], ['lxrxm', 'person_name'], ['lxrdh', 'cn_mobile'], ['ylzd1', 'person_name'], ['bz', 'free_text'],
  ];
  const streets: Record<string, readonly string[]> = {
    '350102': ['鼓东街道', '鼓西街道', '温泉街道', '东街街道', '南街街道', '安泰街道', '华大街道', '水部街道', '五凤街道', '洪山镇'],
    '350103': ['瀛洲街道', '后洲街道', '义洲街道', '新港街道', '上海街道', '苍霞街道', '茶亭街道', '洋中街道', '鳌峰街道', '宁化街道'],
    '350104': ['仓前街道', '东升街道', '对湖街道', '临江街道', '三叉街街道', '上渡街道', '下渡街道', '金山街道'],
    '350111': ['茶园街道', '王庄街道', '象园街道', '岳峰镇', '鼓山镇', '新店镇'],
  };
  const counties = V.FUZHOU.filter((c) => streets[c.code] !== undefined);
  const kinds = ['企业职工基本养老保险', '企业职工基本养老保险', '企业职工基本养老保险', '机关事业单位养老保险', '城乡居民基本养老保险', '工伤保险长期待遇', '遗属待遇'];
  const ways = ['人脸识别(闽政通)', '人脸识别(掌上12333)', '社区上门', '医院上门', '数据比对', '窗口认证', '视频认证'];
  const n = 2200;
  const rows: Row[] = [];
  const day0 = V.utcDay(2024, 7, 1);
  for (let i = 0; i < n; i++) {
    const county = r.pick(counties);
    const street = r.pick(streets[county.code] as readonly string[]);
    const streetNo = (streets[county.code] as readonly string[]).indexOf(street) + 1;
    const legacy = r.chance(0.08);
    const birth = legacy ? V.birthBetween(r, 1930, 1957) : V.birthBetween(r, 1934, 1964);
    const male = r.chance(0.5);
    const away = r.chance(0.12);
    const code = away ? r.pick(V.ELSEWHERE) : county.code;
    const id = legacy ? V.legacyId(r, code, birth, male) : V.residentId(r, code, birth, male);
    const name = V.personName(r, { fujian: 0.55 });
    const [bin, bank, len] = r.pick(V.DEBIT_BINS);
    const card = V.cardNumber(r, bin, len, r.chance(0.03));
    const way = r.pick(ways);
    const when = V.momentOn(r, V.dayBetween(r, day0, V.utcDay(2024, 7, 26)), 8, 20);
    const result = r.weighted<string>([['认证通过', 88], ['认证未通过', 5], ['待复核', 7]]);
    const hasContact = r.chance(0.7);
    const head = [...name][0] ?? '';
    const contactOpts: { fujian: number; surname?: string } = { fujian: 0.55 };
    if (r.chance(0.6) && V.SURNAMES_S.includes(head)) contactOpts.surname = head;
    rows.push({
      xh: String(i + 1),
      grbh: `350100${r.digits(6)}`,
      xm: V.dirtyName(r, name),
      xb: male ? '男' : '女',
      sfzh: V.dirtyId(r, id),
      csrq: `${birth.getUTCFullYear()}/${birth.getUTCMonth() + 1}/${birth.getUTCDate()}`,
      lxsj: r.chance(0.9) ? V.fmtMobile(r, V.cnMobile(r)) : r.pick(['', '无']),
      gddh: r.chance(0.45) ? V.fmtLandline(r, V.cnLandline(r, '0591')) : '',
      jtzz: V.mainlandAddress(r, county, { province: 0.25 }),
      sqdm: `${county.code}${V.pad(streetNo, 3)}${V.pad(r.int(1, 24), 3)}`,
      jdmc: street,
      dylb: r.pick(kinds),
      ffyh: bank,
      yhkh: r.chance(0.1) ? V.groupBy4(card) : card,
      yfje: money(r.int(180000, 720000) / 100),
      rzfs: way,
      rzsj: V.ymdhms(when),
      rzjg: result,
      ffzt: result === '认证通过' ? '正常发放' : r.pick(['暂停发放', '正常发放', '暂停发放(未认证)']),
      lxrxm: hasContact ? V.personName(r, contactOpts) : '',
      lxrdh: hasContact ? V.fmtMobile(r, V.cnMobile(r)) : '',
      ylzd1: r.chance(0.3) ? V.personName(r, { fujian: 0.55 }) : '',
      bz: r.chance(0.35)
        ? r.pick([
            `本人长期卧床，由社区工作人员上门认证，联系人${V.personName(r)}${V.cnMobile(r)}`,
            '人脸识别多次失败，已转社区协助认证',
            `异地居住（${r.pick(['上海市', '深圳市', '厦门市', '美国', '澳大利亚'])}），通过掌上12333认证`,
            `家属称本人已于${V.ymd(V.dayBetween(r, V.utcDay(2024, 3, 1), V.utcDay(2024, 6, 30)))}去世，待核实死亡证明`,
            '银行卡已挂失换卡，新卡号待补录',
            `代领人${V.personName(r)}（身份证${V.residentId(r, county.code, V.birthBetween(r, 1965, 1990), r.chance(0.5))}）代为办理`,
            `本人住院中（${r.pick(['福建医科大学附属协和医院', '福建省立医院', '福州市第一医院', '福建医科大学附属第一医院'])}），出院后补认证`,
            '已电话通知家属，下周复核',
            `住址变更为${V.mainlandAddress(r, r.pick(counties))}`,
          ])
        : '',
    });
  }
  writeDelimited(join(dir, file), cols, rows, { sep: ',', enc: 'gbk', eol: '\r\n' });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 3. Nursing-home admission assessments (CSV, UTF-8 with BOM, CRLF, semicolons)

function nursing(r: Rng, dir: string): [string, Entry[]] {
  const file = 'pingtan_yanglaoyuan_ruzhu_pinggu_2024.csv';
  const cols: Cols = [
    ['评估单号', 'decoy'], ['老人姓名', 'person_name'], ['性别', 'decoy'], ['身份证号', 'cn_resident_id'], ['台胞证号码', 'tw_travel_permit'],
    ['居住证号码', 'tw_residence_permit'], ['年龄', 'decoy'], ['入住日期', 'decoy'], ['房间床位', 'decoy'], ['护理等级', 'decoy'],
    ['主要诊断', 'medical_record'], ['长期用药', 'medical_record'], ['过敏史', 'medical_record'], ['血压', 'decoy'], ['体重(kg)', 'decoy'],
    ['饮食要求', 'decoy'], ['医保类型', 'decoy'], ['紧急联系人', 'person_name'], ['与老人关系', 'decoy'], ['紧急联系电话', 'cn_mobile'],
    ['台湾亲属电话', 'tw_mobile'], ['字段22', 'email'], ['月收费', 'decoy'], ['腕带编号', 'decoy'], ['评估备注', 'free_text'],
  ];
  const elderDiag = ['高血压', '2型糖尿病', '冠状动脉粥样硬化性心脏病', '脑梗死', '阿尔茨海默病', '帕金森病', '慢性阻塞性肺疾病', '骨质疏松症', '血管性痴呆', '慢性心力衰竭', '慢性肾脏病', '膝骨关节炎', '白内障', '前列腺增生', '心房颤动', '高脂血症', '脑出血', '抑郁症', '痛风', '帕金森综合征'];
  const elderDrugs: ReadonlyArray<readonly [string, string]> = [
    ['氨氯地平', '5mg qd'], ['硝苯地平控释片', '30mg qd'], ['缬沙坦', '80mg qd'], ['阿托伐他汀钙', '20mg qn'], ['二甲双胍', '0.5g bid'], ['阿卡波糖', '50mg tid'],
    ['阿司匹林肠溶片', '100mg qd'], ['氯吡格雷', '75mg qd'], ['多奈哌齐', '5mg qn'], ['美金刚', '10mg bid'], ['多巴丝肼', '125mg tid'], ['呋塞米', '20mg qd'],
    ['螺内酯', '20mg qd'], ['坦索罗辛', '0.2mg qn'], ['碳酸钙D3', '1片 qd'], ['利伐沙班', '10mg qd'], ['胰岛素', '早12U晚8U'], ['舍曲林', '50mg qd'],
  ];
  const n = 850;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const tw = r.chance(0.14);
    const birth = V.birthBetween(r, 1926, 1958);
    const male = r.chance(0.45);
    let name: string;
    let id: Cell = '';
    let mtp: Cell = '';
    let permit: Cell = '';
    if (tw) {
      name = V.personName(r, { script: r.chance(0.4) ? 'T' : 'S', fujian: 0.3 });
      mtp = V.mtp(r);
      if (r.chance(0.82)) permit = V.permitId(r, '830000', birth, male);
      id = r.pick(['', '', '无']);
    } else {
      const code = r.chance(0.7) ? '350128' : r.pick([...V.FUZHOU.map((c) => c.code), '350182']);
      name = V.personName(r, { fujian: 0.6 });
      id = V.dirtyId(r, r.chance(0.05) ? V.legacyId(r, code, birth, male) : V.residentId(r, code, birth, male));
    }
    const at = V.dayBetween(r, V.utcDay(2023, 9, 1), V.utcDay(2024, 7, 31));
    const age = at.getUTCFullYear() - birth.getUTCFullYear();
    const nd = r.int(1, 3);
    const diags = r.shuffle([...elderDiag]).slice(0, nd);
    const drugs = r.shuffle([...elderDrugs]).slice(0, r.int(1, 4)).map(([d, f]) => (r.chance(0.6) ? `${d} ${f}` : d));
    const joiner = r.weighted<string>([['、', 5], ['，', 3], ['；', 2], [';', 1]]);
    const contactSurname = r.chance(0.6) ? [...name][0] : undefined;
    const contactOpts: { fujian: number; surname?: string } = { fujian: 0.6 };
    if (contactSurname !== undefined && V.SURNAMES_S.includes(contactSurname)) contactOpts.surname = contactSurname;
    rows.push({
      评估单号: `PG${at.getUTCFullYear()}-${V.pad(i + 1, 4)}`,
      老人姓名: V.dirtyName(r, name),
      性别: male ? '男' : '女',
      身份证号: id,
      台胞证号码: mtp,
      居住证号码: permit,
      年龄: String(age),
      入住日期: V.ymd(at),
      房间床位: `${r.pick(['A', 'B', 'C'])}${r.int(1, 5)}${V.pad(r.int(1, 20))}-${r.int(1, 3)}床`,
      护理等级: r.pick(['自理', '介助一级', '介助二级', '介护一级', '介护二级', '特级护理']),
      主要诊断: diags.join(joiner),
      长期用药: r.chance(0.92) ? drugs.join(joiner === '、' ? '；' : joiner) : r.pick(['无', '']),
      过敏史: r.chance(0.32) ? r.pick(V.ALLERGIES_S) + (r.chance(0.15) ? `、${r.pick(V.ALLERGIES_S)}` : '') : r.pick(['无', '否认', '无', '']),
      血压: `${r.int(105, 172)}/${r.int(58, 98)}`,
      '体重(kg)': (r.int(380, 820) / 10).toFixed(1),
      饮食要求: r.pick(['普食', '软食', '半流质', '流质', '低盐低脂', '清真', '鼻饲']),
      医保类型: tw ? r.pick(['城乡居民医保(台胞)', '自费']) : r.pick(['城镇职工医保', '城乡居民医保', '离休干部', '自费']),
      紧急联系人: V.dirtyName(r, V.personName(r, contactOpts)),
      与老人关系: r.pick(['儿子', '女儿', '儿媳', '女婿', '侄子', '侄女', '外甥', '配偶', '朋友']),
      紧急联系电话: V.fmtMobile(r, V.cnMobile(r)),
      台湾亲属电话: tw && r.chance(0.9) ? V.twMobile(r) : '',
      字段22: r.chance(0.4) ? V.email(r) : '',
      月收费: money(r.pick([2680, 3280, 3880, 4680, 5280, 6880])),
      腕带编号: `WB-${V.pad(r.int(1, 99999), 5)}`,
      评估备注: r.chance(0.45)
        ? r.pick([
            `${r.pick(['近半年跌倒2次', '夜间易走失', '需协助如厕', '吞咽功能差'])}，建议${r.pick(['加强夜间巡视', '使用防走失手环', '床旁加护栏', '安排靠近护士站床位'])}`,
            `家属${V.personName(r)}签署知情同意书，联系电话${V.cnMobile(r)}`,
            `台胞长者，子女在台湾，委托平潭表亲代为照看`,
            `转自${r.pick(['平潭综合实验区医院', '福建医科大学附属协和医院', '福州市第二医院'])}，出院小结已附`,
            `MMSE ${r.int(8, 27)}分，ADL重度依赖`,
            '入住前完成胸片及血常规检查',
            `每月由${r.pick(['民政局', '社区', '台办'])}补贴${r.int(2, 8)}00元`,
          ])
        : '',
    });
  }
  writeDelimited(join(dir, file), cols, rows, { sep: ';', enc: 'bom', eol: '\r\n' });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 4. Veterans' information collection (TSV, UTF-8, LF)

function veterans(r: Rng, dir: string): [string, Entry[]] {
  const file = 'putian_tuiyi_junren_xinxi_caiji_2024.tsv';
  const cols: Cols = [
    ['采集编号', 'decoy'], ['姓名', 'person_name'], ['性别', 'decoy'], ['公民身份号码', 'cn_resident_id'], ['入伍时间', 'decoy'],
    ['退役时间', 'decoy'], ['退役类别', 'decoy'], ['军衔', 'decoy'], ['原部队代号', 'decoy'], ['士兵证号', 'decoy'], ['伤残等级', 'decoy'],
    ['致残情况', 'medical_record'], ['户籍所在地', 'decoy'], ['现居住地址', 'address'], ['手机号码', 'cn_mobile'], ['配偶姓名', 'person_name'],
    ['安置单位', 'decoy'], ['col_18', 'cn_mobile'], ['单位统一社会信用代码', 'cn_uscc'], ['银行账号', 'bank_card'], ['优待证号', 'decoy'],
    ['采集人', 'person_name'], ['照片文件名', 'decoy'], ['备注', 'free_text'],
  ];
  const counties = V.FUJIAN_OTHER.filter((c) => c.city === '莆田市' || c.city === '泉州市').concat(V.FUZHOU.slice(0, 3));
  const collectors = Array.from({ length: 9 }, () => V.personName(r, { fujian: 0.7 }));
  const units: ReadonlyArray<readonly [string, '91' | '12' | '11']> = [
    ['莆田市城厢区城市管理局', '11'], ['莆田市荔城区退役军人事务局', '11'], ['国网福建省电力有限公司莆田供电公司', '91'], ['中国邮政集团有限公司莆田市分公司', '91'],
    ['莆田市公共交通集团有限公司', '91'], ['莆田市第一医院', '12'], ['泉州市丰泽区消防救援大队', '11'], ['福建省高速公路集团有限公司莆田管理分公司', '91'],
    ['莆田市城厢区龙桥街道办事处', '11'], ['晋江市安泰保安服务有限公司', '91'], ['泉州市环境卫生服务中心', '12'], ['莆田学院', '12'],
    ['中国石化销售股份有限公司福建莆田石油分公司', '91'], ['莆田市涵江区应急管理局', '11'],
  ];
  const unitCodes = new Map<string, string>();
  const ranksSoldier = ['列兵', '上等兵', '下士', '中士', '上士', '四级军士长', '三级军士长'];
  const ranksOfficer = ['少尉', '中尉', '上尉', '少校', '中校', '上校'];
  const n = 1600;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const county = r.pick(counties);
    const c = citizen(r, { from: 1952, to: 2004, counties: [county], elsewhere: 0.06, fujian: 0.7 });
    const male = r.chance(0.94);
    const id = V.residentId(r, c.id.slice(0, 6), c.birth, male);
    const enlistYear = c.birth.getUTCFullYear() + r.int(17, 21);
    const officer = r.chance(0.16);
    const years = officer ? r.int(8, 28) : r.int(2, 14);
    const outYear = Math.min(enlistYear + years, 2024);
    const disabled = r.chance(0.1);
    const unit = r.chance(0.42) ? r.pick(units) : undefined;
    if (unit !== undefined && !unitCodes.has(unit[0])) unitCodes.set(unit[0], V.uscc(r, county.code, unit[1]));
    const [bin, , len] = r.pick(V.DEBIT_BINS);
    rows.push({
      采集编号: `${county.code}-2024-${V.pad(i + 1, 5)}`,
      姓名: V.dirtyName(r, c.name),
      性别: male ? '男' : '女',
      公民身份号码: V.dirtyId(r, id),
      入伍时间: `${enlistYear}.${V.pad(r.pick([3, 9, 12]))}`,
      退役时间: `${outYear}.${V.pad(r.pick([3, 9, 12]))}`,
      退役类别: officer ? r.pick(['转业军官', '复员干部', '退休军官', '逐月领取退役金']) : r.pick(['退役士兵(自主就业)', '退役士兵(安排工作)', '退役士兵(自主就业)', '退役士兵(退休)']),
      军衔: officer ? r.pick(ranksOfficer) : r.pick(ranksSoldier),
      原部队代号: r.chance(0.85) ? `${r.pick(['3', '6', '9'])}${V.pad(r.int(1000, 9999), 4)}部队` : r.pick(['武警福建省总队', '武警第二机动总队', '福建省军区']),
      士兵证号: officer ? `军字第${r.digits(7)}号` : `士字第${r.digits(7)}号`,
      伤残等级: disabled ? r.pick(['五级', '六级', '七级', '八级', '九级', '十级', '七级', '八级']) : '',
      致残情况: disabled ? r.pick(V.INJURIES_S) : '',
      户籍所在地: `${county.province}${county.city}${county.district}`,
      现居住地址: V.mainlandAddress(r, r.chance(0.85) ? county : r.pick(V.FUZHOU), { province: 0.35 }),
      手机号码: r.chance(0.96) ? V.fmtMobile(r, V.cnMobile(r)) : '',
      配偶姓名: r.chance(0.75) ? V.personName(r, { fujian: 0.7 }) : '',
      安置单位: unit?.[0] ?? '',
      col_18: r.chance(0.7) ? V.fmtMobile(r, V.cnMobile(r)) : '',
      单位统一社会信用代码: unit !== undefined ? (unitCodes.get(unit[0]) as string) : '',
      银行账号: r.chance(0.85) ? V.cardNumber(r, bin, len, r.chance(0.02)) : '',
      优待证号: `FJ-YD-${V.pad(r.int(21, 24))}-${V.pad(r.int(1, 999999), 6)}`,
      采集人: r.pick(collectors),
      照片文件名: `TY2024_${V.pad(i + 1, 6)}.jpg`,
      备注: r.chance(0.3)
        ? r.pick([
            `参战退役人员，${r.pick(['1979年', '1984年'])}参战，享受定期抚恤`,
            `配偶${V.personName(r)}无业，子女在读，申请困难帮扶`,
            '已办理优待证，待制卡',
            `联系人${V.personName(r)}，电话${V.cnMobile(r)}`,
            `退役后在${r.pick(['深圳', '上海', '厦门'])}务工，户籍未迁回`,
            '光荣牌已悬挂',
            `伤残证号码与身份证号不一致，已核实为${V.residentId(r, county.code, c.birth, male)}`,
          ])
        : '',
    });
  }
  writeDelimited(join(dir, file), cols, rows, { sep: '\t', enc: 'utf8', eol: '\n' });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 5. Study-abroad agency CRM export (CSV, UTF-8, LF, camelCase and pandas-style generic headers)

function studyAbroad(r: Rng, dir: string): [string, Entry[]] {
  const file = 'liuxue_zhongjie_crm_students_20240620.csv';
  const cols: Cols = [
    ['studentId', 'decoy'], ['nameCn', 'person_name'], ['namePinyin', 'decoy'], ['birthDate', 'decoy'], ['idCardNo', 'cn_resident_id'],
    ['passportNo', 'cn_passport'], ['passportExpiry', 'decoy'], ['mobile', 'cn_mobile'], ['email', 'email'], ['wechatId', 'decoy'],
    ['parentName', 'person_name'], ['Unnamed: 11', 'cn_mobile'], ['guardianPassportNo', 'cn_passport'], ['homeAddress', 'address'],
    ['targetCountry', 'decoy'], ['targetSchool', 'decoy'], ['program', 'decoy'], ['ieltsScore', 'decoy'], ['ieltsTrf', 'decoy'],
    ['visaType', 'decoy'], ['sevisId', 'decoy'], ['portalPassword', 'secret'], ['contractAmount', 'decoy'], ['lastLoginIp', 'ip_address'],
    ['Unnamed: 24', 'decoy'], ['notes', 'free_text'],
  ];
  const countries: ReadonlyArray<readonly [string, readonly string[], string, number]> = [
    ['英国', ['University College London', 'University of Manchester', "King's College London", 'University of Edinburgh', 'University of Bristol', 'University of Warwick'], 'Student visa', 30],
    ['美国', ['University of Southern California', 'Northeastern University', 'Boston University', 'Columbia University', 'University of Washington', 'Purdue University'], 'F-1', 22],
    ['澳大利亚', ['University of Melbourne', 'University of Sydney', 'UNSW Sydney', 'Monash University', 'University of Queensland'], 'Subclass 500', 18],
    ['加拿大', ['University of Toronto', 'University of British Columbia', 'McGill University', 'University of Waterloo'], 'Study Permit', 10],
    ['中国香港', ['The University of Hong Kong', 'CUHK', 'HKUST', 'City University of Hong Kong', 'PolyU'], 'Student Visa (IANG)', 14],
    ['新加坡', ['National University of Singapore', 'Nanyang Technological University'], "Student's Pass", 6],
  ];
  const programs = ['MSc Finance', 'MSc Data Science', 'MA Education', 'MSc Computer Science', 'MEng Civil Engineering', 'MA TESOL', 'MSc Marketing', 'Master of Accounting', 'BSc Economics', 'Foundation Year', 'MSc Public Health', 'LLM'];
  const counties = [...V.FUZHOU.slice(0, 5), ...V.FUJIAN_OTHER.slice(0, 5)];
  const n = 1300;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const c = citizen(r, { from: 1997, to: 2007, counties, elsewhere: 0.1, fujian: 0.5 });
    const [country, schools, visa] = r.weighted(countries.map((x) => [x, x[3]] as const));
    const pin = V.romanised(r, c.name);
    const surnameRoman = (pin.split(/[ ,]/)[0] ?? 'LI').replace(/[^A-Z]/g, '');
    const givenRoman = (pin.split(/[ ,]+/)[1] ?? 'X').replace(/[^A-Z]/g, '');
    const trfLetters = (surnameRoman + givenRoman).slice(0, 4).padEnd(4, 'X');
    const hasIelts = country !== '美国' ? r.chance(0.8) : r.chance(0.25);
    const trf = hasIelts
      ? V.drawClean(() => `${r.pick(['22', '23', '24'])}CN${r.digits(6)}${trfLetters}${V.pad(r.int(1, 30), 3)}A`, (v) => v.length === 18 && !V.isUscc(v))
      : '';
    const first = [...c.name][0] ?? '';
    const parentSurnamed = r.chance(0.6) && V.SURNAMES_S.includes(first) ? V.personName(r, { surname: first }) : V.personName(r, { fujian: 0.5 });
    rows.push({
      studentId: `LX${r.pick(['2023', '2024'])}-${V.pad(i + 1, 5)}`,
      nameCn: V.dirtyName(r, c.name),
      namePinyin: pin,
      birthDate: V.ymd(c.birth),
      idCardNo: V.dirtyId(r, c.id),
      passportNo: r.chance(0.86) ? V.cnPassport(r) : '',
      passportExpiry: V.ymd(V.dayBetween(r, V.utcDay(2027, 1, 1), V.utcDay(2034, 6, 30))),
      mobile: V.fmtMobile(r, V.cnMobile(r)),
      email: r.chance(0.95) ? V.email(r, surnameRoman.toLowerCase()) : '',
      wechatId: r.chance(0.8) ? r.weighted<string>([[`wxid_${V.randomB64url(r, 14).toLowerCase().replace(/[-_]/g, 'k')}`, 4], [`${r.pick(['lily', 'tony', 'coco', 'jason', 'yuki', 'alex', 'momo', 'ivy'])}_${V.pad(r.int(1, 12))}${V.pad(r.int(1, 28))}`, 3], [`${surnameRoman.toLowerCase()}${r.pick(['', '-', '_'])}${r.int(1, 99)}`, 2]]) : '',
      parentName: r.chance(0.92) ? parentSurnamed : '',
      'Unnamed: 11': r.chance(0.9) ? V.fmtMobile(r, V.cnMobile(r)) : '',
      guardianPassportNo: r.chance(0.3) ? V.cnPassport(r) : '',
      homeAddress: V.mainlandAddress(r, c.county ?? r.pick(counties), { province: 0.3 }),
      targetCountry: country,
      targetSchool: r.pick(schools),
      program: r.pick(programs),
      ieltsScore: hasIelts ? (r.int(11, 16) / 2).toFixed(1) : '',
      ieltsTrf: trf,
      visaType: visa,
      sevisId: country === '美国' ? `N00${r.digits(8)}` : '',
      portalPassword: r.chance(0.7) ? V.userPassword(r, surnameRoman.toLowerCase()) : '',
      contractAmount: money(r.pick([28000, 38000, 45000, 58000, 68000, 88000])),
      lastLoginIp: r.chance(0.85) ? (r.chance(0.12) ? V.ipv6(r) : V.ipv4Public(r)) : '',
      'Unnamed: 24': country === '英国' ? `${r.int(100, 199)}-${V.pad(r.int(0, 999), 3)}-${V.pad(r.int(0, 9999), 4)}` : '',
      notes: r.chance(0.4)
        ? r.pick([
            `家长${parentSurnamed}要求每周电话沟通进度，电话${V.cnMobile(r)}`,
            `雅思${(r.int(11, 15) / 2).toFixed(1)}，小分写作5.5需重考`,
            `已收到${r.pick(['UCL', 'Manchester', 'USC', 'Melbourne', 'HKU'])}有条件录取，待交押金`,
            '签证材料：存款证明50万已冻结',
            `推荐人${V.personName(r)}（老学员）返佣已结`,
            '学生本人微信与手机号同号',
            `邮寄护照至${V.mainlandAddress(r, r.pick(counties))}`,
            'CAS已下，等待体检（肺结核筛查）预约',
          ])
        : '',
    });
  }
  writeDelimited(join(dir, file), cols, rows, { sep: ',', enc: 'utf8', eol: '\n' });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 6. Credit-card instalments (Parquet)

function creditCard(r: Rng, dir: string): [string, Entry[]] {
  const file = 'xinyongka_zhangdan_fenqi_202406.parquet';
  const spec: ReadonlyArray<readonly [string, string, BasicType]> = [
    ['apply_no', 'decoy', 'STRING'], ['apply_time', 'decoy', 'TIMESTAMP'], ['card_no', 'bank_card', 'STRING'], ['card_masked', 'decoy', 'STRING'],
    ['holder_name', 'person_name', 'STRING'], ['id_no', 'cn_resident_id', 'STRING'], ['mobile', 'cn_mobile', 'INT64'], ['merchant_name', 'decoy', 'STRING'],
    ['merchant_id', 'decoy', 'STRING'], ['mcc', 'decoy', 'INT32'], ['terminal_id', 'decoy', 'STRING'], ['installment_amount', 'decoy', 'DOUBLE'],
    ['periods', 'decoy', 'INT32'], ['monthly_payment', 'decoy', 'DOUBLE'], ['prepaid', 'decoy', 'BOOLEAN'], ['channel', 'decoy', 'STRING'],
    ['device_ip', 'ip_address', 'STRING'], ['field_18', 'mac_address', 'STRING'], ['geo', 'geo_coordinate', 'STRING'], ['company_name', 'decoy', 'STRING'],
    ['company_phone', 'cn_landline', 'STRING'], ['contact_name', 'person_name', 'STRING'], ['service_hotline', 'decoy', 'STRING'],
  ];
  const bins: ReadonlyArray<readonly [string, number]> = [['625906', 3], ['628262', 2], ['622689', 2], ['625807', 2], ['427570', 1], ['518710', 1], ['552534', 1], ['489592', 1]];
  const merchants: ReadonlyArray<readonly [string, number, string]> = [
    ['京东商城', 5732, '400-606-5500'], ['苏宁易购福州东街口店', 5732, '4008-365-365'], ['小米之家福州万象城店', 5732, '400-100-5678'],
    ['华为授权体验店(福州仓山万达)', 5732, '950800'], ['居然之家福州店', 5712, '400-800-1188'], ['红星美凯龙福州金山商场', 5712, '400-650-9999'],
    ['福州海峡汽车城', 5511, '400-887-9595'], ['携程旅行网', 4722, '95010'], ['新东方教育福州学校', 8299, '400-618-0099'], ['厦门SM城市广场', 5311, '4008-123-880'],
    ['永辉超市', 5411, '400-060-1933'], ['老凤祥银楼福州店', 5944, '400-699-1848'], ['美年大健康福州体检中心', 8099, '400-815-6615'],
  ];
  const companies = ['福建省福州市建设工程有限公司', '厦门航空有限公司', '福耀玻璃工业集团股份有限公司', '福州市鼓楼区教育局', '宁德时代新能源科技股份有限公司', '兴业银行股份有限公司', '福建省立医院', '新大陆数字技术股份有限公司', '福州地铁集团有限公司', '个体经营', '中国移动通信集团福建有限公司', '网龙网络控股有限公司'];
  const oui = ['AC:BC:32', '00:9A:CD', '64:09:80', 'F4:60:E2', '38:A4:ED', '9C:A5:C0', '28:6C:07', 'D4:61:DA'];
  const n = 2500;
  const holders: V.Person[] = [];
  const counties = [...V.FUZHOU.slice(0, 6), ...V.FUJIAN_OTHER.slice(0, 3)];
  const data: Record<string, unknown[]> = Object.fromEntries(spec.map(([k]) => [k, []]));
  const push = (k: string, v: unknown): void => {
    (data[k] as unknown[]).push(v);
  };
  const times = Array.from({ length: n }, () => V.momentOn(r, V.dayBetween(r, V.utcDay(2024, 6, 1), V.utcDay(2024, 6, 30)), 0, 24)).sort((a, b) => a.getTime() - b.getTime());
  const cards = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    let h: V.Person;
    if (holders.length > 50 && r.chance(0.28)) h = r.pick(holders);
    else {
      const c = citizen(r, { from: 1960, to: 2003, counties, elsewhere: 0.2, fujian: 0.5 });
      h = { name: c.name, id: c.id, birth: c.birth, male: c.male };
      holders.push(h);
      cards.set(h.id, V.cardNumber(r, r.weighted(bins), 16));
    }
    const card = cards.get(h.id) as string;
    const at = times[i] as Date;
    const [mname, mcc, hotline] = r.pick(merchants);
    const amount = Math.round(r.int(800, 60000) * 100) / 100 + r.int(0, 99) / 100;
    const periods = r.pick([3, 6, 6, 12, 12, 24]);
    const channel = r.weighted<string>([['APP', 5], ['微信小程序', 1], ['网点', 1], ['电话银行', 1], ['商户POS', 2]]);
    const online = channel === 'APP' || channel === '微信小程序';
    const android = online && r.chance(0.65);
    const city = r.chance(0.75) ? [26.075, 119.296] : [24.48, 118.09];
    push('apply_no', V.drawClean(() => {
      const body = `${V.ymdCompact(at)}${r.digits(7)}`;
      const good = V.luhnDigit(body);
      return `FQ${body}${(Number(good) + r.int(1, 9)) % 10}`;
    }));
    push('apply_time', at);
    push('card_no', r.chance(0.15) ? V.groupBy4(card) : card);
    push('card_masked', r.chance(0.5) ? `${card.slice(0, 4)} **** **** ${card.slice(12)}` : `${card.slice(0, 6)}******${card.slice(12)}`);
    push('holder_name', h.name);
    push('id_no', V.dirtyId(r, h.id));
    push('mobile', r.chance(0.97) ? BigInt(V.cnMobile(r)) : null);
    push('merchant_name', mname);
    push('merchant_id', V.drawClean(() => `898${r.pick(['3501', '3502'])}${mcc}${r.digits(4)}`, (v) => v.length === 15 && V.gb11643Kind(v, true) === null));
    push('mcc', mcc);
    push('terminal_id', `${r.pick(['35', '59', '91'])}${r.pick(['A', 'B', 'K', 'T'])}${r.digits(5)}`);
    push('installment_amount', amount);
    push('periods', periods);
    push('monthly_payment', Math.round((amount * (1 + 0.006 * periods)) / periods * 100) / 100);
    push('prepaid', r.chance(0.07));
    push('channel', channel);
    push('device_ip', online ? (r.chance(0.2) ? V.ipv6(r) : V.ipv4Public(r)) : null);
    push('field_18', android ? V.mac(r, r.chance(0.8) ? 'lower' : 'colon', r.pick(oui)) : null);
    push('geo', online && r.chance(0.85) ? V.geo(r, city[0] as number, city[1] as number, 0.12) : null);
    push('company_name', r.pick(companies));
    push('company_phone', r.chance(0.85) ? V.fmtLandline(r, V.cnLandline(r, city[0] === 26.075 ? '0591' : '0592')) : null);
    push('contact_name', r.chance(0.9) ? V.personName(r, { fujian: 0.5 }) : null);
    push('service_hotline', r.chance(0.25) ? r.pick(['95555', '95561', '400-820-5555']) : hotline);
  }
  parquetWriteFile({
    filename: join(dir, file),
    columnData: spec.map(([name, , type]) => ({ name, data: data[name] as never, type })),
    rowGroupSize: 1000,
  });
  return [file, spec.map(([header, truth], index) => ({ index, header, truth }))];
}

// ---------------------------------------------------------------------------------------------
// 7. Minimum-living-allowance (低保) annual review (XLSX, merged title row, two sheets)

async function dibao(r: Rng, dir: string): Promise<[string, Entry[]]> {
  const file = 'minqing_dibao_fuhe_taizhang_2024.xlsx';
  const cols: Cols = [
    ['序号', 'decoy'], ['乡镇', 'decoy'], ['村（社区）', 'decoy'], ['户编号', 'decoy'], ['户主姓名', 'person_name'], ['成员姓名', 'person_name'],
    ['与户主关系', 'decoy'], ['身份证号', 'cn_resident_id'], ['出生日期', 'decoy'], ['患病名称', 'medical_record'], ['劳动能力', 'decoy'],
    ['保障类别', 'decoy'], ['月保障金额', 'decoy'], ['联系电话', 'cn_mobile'], ['家庭住址', 'address'], ['开户银行', 'decoy'],
    ['社保卡银行账号', 'bank_card'], ['车辆情况', 'cn_license_plate'], ['复核日期', 'decoy'], ['复核结论', 'decoy'], ['入户调查人', 'person_name'],
    ['字段22', 'cn_landline'], ['备注', 'free_text'],
  ];
  const county = V.FUZHOU.find((c) => c.code === '350124') as County;
  const towns: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['梅城镇', ['东门社区', '南门村', '溪口村', '后垅村']], ['梅溪镇', ['梅埔村', '新村村', '樟洋村']], ['白樟镇', ['白云村', '下漈村', '洋头村']],
    ['金沙镇', ['金沙村', '井后村', '瑞岩村']], ['池园镇', ['池园村', '前坪村', '长坑村']], ['坂东镇', ['坂东村', '湖头村', '新壶村']],
    ['塔庄镇', ['塔庄村', '岭头村', '秀环村']], ['省璜镇', ['省璜村', '良寨村']], ['东桥镇', ['东桥村', '义由村', '安仁溪村']],
    ['云龙乡', ['云龙村', '际上村']], ['上莲乡', ['上莲村', '莲坪村']], ['三溪乡', ['三溪村', '前垄村']],
  ];
  const officePhones = new Map<string, string>();
  const surveyors = Array.from({ length: 8 }, () => V.personName(r, { fujian: 0.7 }));
  const banks: ReadonlyArray<readonly [string, string]> = [['623061', '福建省农村信用社'], ['621799', '中国邮政储蓄银行'], ['621977', '福州农村商业银行']];
  const illness = ['尿毒症', '精神分裂症', '脑性瘫痪', '肺癌', '乳腺癌', '白血病', '慢性肾衰竭', '脑梗死', '2型糖尿病', '高血压', '慢性阻塞性肺疾病', '双相情感障碍', '癫痫', '肝硬化', '再生障碍性贫血', '类风湿关节炎', '系统性红斑狼疮', '帕金森病', '重症肌无力', '鼻咽癌', '肺结核'];
  const rows: Row[] = [];
  const townTotals = new Map<string, [number, number, number]>();
  let hh = 0;
  while (rows.length < 1200) {
    hh++;
    const [town, villages] = r.pick(towns);
    const village = r.pick(villages);
    if (!officePhones.has(village)) officePhones.set(village, V.cnLandline(r, '0591'));
    const head = citizen(r, { from: 1940, to: 1985, counties: [county], elsewhere: 0.03, fujian: 0.8 });
    const size = r.weighted<number>([[1, 3], [2, 3], [3, 3], [4, 2], [5, 1]]);
    const cls = r.pick(['A类', 'B类', 'C类']);
    const per = cls === 'A类' ? 782 : cls === 'B类' ? 620 : 480;
    const address = V.villageAddress(r, county, town, village);
    const mobile = V.cnMobile(r);
    const [bin, bank] = r.pick(banks);
    const hasCar = r.chance(0.15);
    const plateNo = hasCar ? V.plate(r, '闽', ['A', 'A', 'A', 'K', 'C'], 0.1) : '';
    const reviewDay = V.dayBetween(r, V.utcDay(2024, 3, 4), V.utcDay(2024, 6, 28));
    const conclusion = r.weighted<string>([['继续享受', 80], ['调整保障金额', 10], ['停止保障', 6], ['新增成员', 4]]);
    const surveyor = r.pick(surveyors);
    const hhNo = `MQDB-${r.int(2012, 2023)}-${V.pad(hh, 5)}`;
    const tt = townTotals.get(town) ?? [0, 0, 0];
    townTotals.set(town, [tt[0] + 1, tt[1] + size, tt[2] + per * size]);
    const headSurname = [...head.name][0] as string;
    const members: Array<{ name: string; rel: string; id: string; birth: Date }> = [{ name: head.name, rel: '本人', id: head.id, birth: head.birth }];
    for (let k = 1; k < size; k++) {
      const rel = k === 1 && r.chance(0.7) ? '配偶' : r.pick(['子', '女', '子', '女', '父亲', '母亲', '儿媳', '孙辈']);
      const from = rel === '父亲' || rel === '母亲' ? 1930 : rel === '配偶' ? head.birth.getUTCFullYear() - 5 : rel === '孙辈' ? 2010 : Math.max(head.birth.getUTCFullYear() + 20, 1965);
      const to = rel === '父亲' || rel === '母亲' ? 1955 : rel === '配偶' ? head.birth.getUTCFullYear() + 5 : rel === '孙辈' ? 2022 : Math.min(head.birth.getUTCFullYear() + 38, 2020);
      const sameSurname = ['子', '女', '孙辈', '父亲'].includes(rel) && V.SURNAMES_S.includes(headSurname);
      const m = citizen(r, { from, to: Math.max(from, to), counties: [county], elsewhere: rel === '配偶' || rel === '儿媳' ? 0.2 : 0.02, fujian: 0.8, ...(sameSurname ? { surname: headSurname } : {}) });
      members.push({ name: m.name, rel, id: m.id, birth: m.birth });
    }
    for (const [k, m] of members.entries()) {
      const isHead = k === 0;
      const ill = r.chance(m.rel === '孙辈' ? 0.1 : 0.3) ? r.pick(illness) + (r.chance(0.12) ? `、${r.pick(illness)}` : '') : '';
      const age = 2024 - m.birth.getUTCFullYear();
      rows.push({
        序号: rows.length + 1,
        乡镇: town,
        '村（社区）': village,
        户编号: hhNo,
        户主姓名: head.name,
        成员姓名: V.dirtyName(r, m.name),
        与户主关系: m.rel,
        身份证号: V.dirtyId(r, m.id),
        出生日期: m.birth,
        患病名称: ill,
        劳动能力: age < 16 ? '无劳动能力(未成年)' : age >= 60 ? '无劳动能力(老年)' : ill !== '' ? r.pick(['完全丧失劳动能力', '部分丧失劳动能力']) : r.pick(['有劳动能力', '部分丧失劳动能力']),
        保障类别: cls,
        月保障金额: per,
        联系电话: isHead || r.chance(0.6) ? mobileCell(r, mobile, 0.5) : '',
        家庭住址: isHead || r.chance(0.5) ? address : '',
        开户银行: isHead ? bank : '',
        社保卡银行账号: isHead ? V.cardNumber(r, bin, 19, r.chance(0.03)) : '',
        车辆情况: isHead ? (hasCar ? plateNo : '无') : '',
        复核日期: reviewDay,
        复核结论: conclusion,
        入户调查人: surveyor,
        字段22: r.chance(0.85) ? V.fmtLandline(r, officePhones.get(village) as string) : '',
        备注: isHead && r.chance(0.35)
          ? r.pick([
              `户主${head.name}长期患病，妻子务农，子女在读`,
              `家庭成员${m.name}外出务工，月收入约${r.int(18, 32)}00元，已核减`,
              `名下有${hasCar ? `车辆${plateNo}（残疾人代步车）` : '摩托车一辆'}，经评议保留`,
              `新增孙辈${V.personName(r, { surname: V.SURNAMES_S.includes(headSurname) ? headSurname : '林' })}，出生医学证明已核`,
              `经大数据比对发现其子有存款${r.int(3, 9)}万元，已入户核实`,
              `联系人${V.personName(r)}（村干部），电话${V.cnMobile(r)}`,
              '住房为危房，已申请改造',
            ])
          : '',
      });
    }
  }
  const second: Cell[][] = [['乡镇', '户数', '人数', '月保障金合计（元）'], ...[...townTotals.entries()].map(([t, [h, p, m]]) => [t, h, p, m])];
  await writeXlsx(join(dir, file), {
    title: '闽清县2024年度城乡最低生活保障对象复核台账',
    sheet: '复核台账',
    cols,
    rows,
    numFmt: { 月保障金额: '#,##0' },
    second: { name: '乡镇汇总', rows: second },
  });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 8. Law firm case ledger (CSV, UTF-8, LF, pipe, snake_case)

function lawSummary(r: Rng, cause: string): string {
  const generic = [
    `对方律师：${V.personName(r)}，电话${V.cnMobile(r)}`,
    `财产保全：冻结被告名下${r.pick(['中国银行', '兴业银行', '建设银行'])}账户，保全费已缴`,
    '证据目录已提交，等待开庭通知',
  ];
  const specific: Record<string, readonly string[]> = {
    机动车交通事故责任纠纷: [
      `${r.pick(['2023年', '2024年'])}${r.int(1, 12)}月，委托人驾驶${V.plate(r, '闽', ['A'], 0.3)}与对方车辆相撞，对方全责，委托人${r.pick(['左胫骨骨折', '颈部软组织损伤', '肋骨骨折'])}，伤残鉴定十级`,
      '已调取交警事故认定书及医院病历',
    ],
    危险驾驶罪: [`当事人血液酒精含量${r.int(80, 210)}mg/100ml，已取保候审`, '已调取交警事故认定书及医院病历'],
    民间借贷纠纷: [`借款${r.int(5, 200)}万元，借条、转账记录齐全；被告${V.personName(r)}下落不明，拟公告送达`],
    涉台婚姻家事: [`委托人系台湾居民，持台胞证${V.mtp(r)}，与配偶在平潭登记结婚，现诉请离婚及子女抚养权`],
    劳动争议: [`劳动者${V.personName(r)}主张加班费及经济补偿金，公司已付部分款项\n第二次开庭改期`],
    常年法律顾问: [`顾问单位联系人${V.personName(r)}，邮箱${V.email(r)}`, '本年度审查合同42份，出具法律意见书3份'],
    买卖合同纠纷: [`货款${r.int(3, 90)}万元未付，对账单已盖章确认`],
  };
  return r.pick([...(specific[cause] ?? []), ...(specific[cause] !== undefined ? [] : generic), ...(r.chance(0.3) ? generic : [])]);
}

function lawFirm(r: Rng, dir: string): [string, Entry[]] {
  const file = 'lvshi_shiwusuo_anjian_taizhang_2024.csv';
  const cols: Cols = [
    ['case_no', 'decoy'], ['internal_no', 'decoy'], ['case_type', 'decoy'], ['cause', 'decoy'], ['client_name', 'person_name'],
    ['client_id_no', 'cn_resident_id'], ['tw_permit_no', 'tw_travel_permit'], ['client_mobile', 'cn_mobile'], ['client_email', 'email'],
    ['client_address', 'address'], ['client_org', 'decoy'], ['client_uscc', 'cn_uscc'], ['opposing_party', 'person_name'], ['court', 'decoy'],
    ['lawyer', 'person_name'], ['accident_plate', 'cn_license_plate'], ['accident_vin', 'vin'], ['fee_amount', 'decoy'], ['retainer_date', 'decoy'],
    ['hearing_date', 'decoy'], ['status', 'decoy'], ['evidence_hash', 'decoy'], ['conflict_check_id', 'decoy'], ['summary', 'free_text'],
  ];
  const courts: ReadonlyArray<readonly [string, string]> = [
    ['福州市鼓楼区人民法院', '闽0102'], ['福州市台江区人民法院', '闽0103'], ['福州市仓山区人民法院', '闽0104'], ['福州市晋安区人民法院', '闽0111'],
    ['闽侯县人民法院', '闽0121'], ['福清市人民法院', '闽0181'], ['福州市中级人民法院', '闽01'], ['平潭综合实验区人民法院', '闽0128'],
  ];
  const causes: ReadonlyArray<readonly [string, string, number]> = [
    ['民间借贷纠纷', '民事', 14], ['离婚纠纷', '民事', 12], ['机动车交通事故责任纠纷', '民事', 22], ['劳动争议', '劳动仲裁', 10], ['买卖合同纠纷', '民事', 10],
    ['房屋租赁合同纠纷', '民事', 6], ['医疗损害责任纠纷', '民事', 4], ['继承纠纷', '民事', 5], ['股权转让纠纷', '民事', 4], ['危险驾驶罪', '刑事', 5],
    ['诈骗罪', '刑事', 3], ['常年法律顾问', '非诉', 5], ['涉台婚姻家事', '民事', 3],
  ];
  const lawyers = Array.from({ length: 12 }, () => V.personName(r, { fujian: 0.6 }));
  const orgNames = ['福州榕台贸易有限公司', '福建闽江建设工程有限公司', '福州鼓楼区小林餐饮店', '平潭两岸快件中心有限公司', '福建海峡物流有限公司', '福州仓山区晨曦文化传播有限公司', '福建新榕城置业有限公司', '福州金鼎汽车销售服务有限公司'];
  const counties = V.FUZHOU.slice(0, 7);
  const n = 1100;
  const rows: Row[] = [];
  const seq = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const [cause, ctype] = r.weighted(causes.map((x) => [[x[0], x[1]] as const, x[2]] as const));
    const [court, code] = r.pick(courts);
    const tw = r.chance(cause === '涉台婚姻家事' ? 0.9 : 0.08);
    const c = citizen(r, { from: 1950, to: 2003, counties, elsewhere: 0.15, fujian: 0.6, script: tw && r.chance(0.4) ? 'T' : 'S' });
    const corp = ctype !== '刑事' && r.chance(cause === '常年法律顾问' || cause === '买卖合同纠纷' || cause === '股权转让纠纷' ? 0.7 : 0.1);
    const org = corp ? r.pick(orgNames) : '';
    const traffic = cause === '机动车交通事故责任纠纷' || cause === '危险驾驶罪';
    const retainer = V.dayBetween(r, V.utcDay(2023, 6, 1), V.utcDay(2024, 7, 31));
    const filed = ctype !== '非诉' && r.chance(0.72);
    const kind = ctype === '刑事' ? '刑初' : code === '闽01' ? '民终' : '民初';
    const k = `${code}${kind}`;
    seq.set(k, (seq.get(k) ?? r.int(100, 900)) + r.int(1, 40));
    const caseNo = ctype === '劳动仲裁'
      ? `榕劳人仲案字〔${retainer.getUTCFullYear()}〕第${V.pad(seq.get(k) as number, 4)}号`
      : `(${retainer.getUTCFullYear()})${code}${kind}${seq.get(k)}号`;
    const vinValue = traffic && r.chance(0.8) ? V.vin(r, V.WMI_CN) : '';
    rows.push({
      case_no: filed ? caseNo : '',
      internal_no: `MS-${retainer.getUTCFullYear()}-${V.pad(i + 1, 4)}`,
      case_type: ctype,
      cause,
      client_name: V.dirtyName(r, c.name),
      client_id_no: tw ? '' : V.dirtyId(r, c.id),
      tw_permit_no: tw ? V.mtp(r) : '',
      client_mobile: r.chance(0.95) ? V.fmtMobile(r, V.cnMobile(r)) : '',
      client_email: r.chance(0.6) ? V.email(r) : '',
      client_address: tw && r.chance(0.4) ? V.taiwanAddress(r) : V.mainlandAddress(r, c.county ?? r.pick(counties), { province: 0.2 }),
      client_org: org,
      client_uscc: corp ? V.uscc(r, r.pick(counties).code, org.includes('餐饮店') ? '92' : '91') : '',
      opposing_party: r.chance(0.78) ? V.personName(r, { fujian: 0.6 }) : '',
      court: filed ? court : '',
      lawyer: r.pick(lawyers),
      accident_plate: traffic ? V.plate(r, r.weighted<string>([['闽', 9], ['浙', 1], ['粤', 1]]), ['A', 'A', 'K', 'C', 'D'], 0.3) : '',
      accident_vin: vinValue !== '' && r.chance(0.02) ? vinValue.toLowerCase() : vinValue,
      fee_amount: r.chance(0.85) ? money(r.pick([5000, 8000, 10000, 15000, 20000, 30000, 50000, 80000])) : `风险代理${r.pick([10, 15, 20, 25])}%`,
      retainer_date: V.ymd(retainer),
      hearing_date: filed && r.chance(0.7) ? `${V.ymd(new Date(retainer.getTime() + r.int(30, 150) * 86400000))} ${r.pick(['09:00', '09:30', '14:30', '15:00'])}` : '',
      status: filed ? r.pick(['已立案', '审理中', '已结案', '调解结案', '执行中', '二审中']) : r.pick(['委托中', '已结案', '委托终止']),
      evidence_hash: r.chance(0.6) ? V.drawClean(() => V.hex(r, 64)) : '',
      conflict_check_id: V.drawClean(() => V.uuid(r)),
      summary: r.chance(0.55) ? lawSummary(r, cause) : '',
    });
  }
  writeDelimited(join(dir, file), cols, rows, { sep: '|', enc: 'utf8', eol: '\n' });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 9. Taiwan 監理站 ownership transfers (CSV, UTF-8, LF, Traditional headers)

function taiwanTransfers(r: Rng, dir: string): [string, Entry[]] {
  const file = 'taiwan_jianli_guohu_jilu_11306.csv';
  const cols: Cols = [
    ['案件編號', 'decoy'], ['申辦日期', 'decoy'], ['欄位3', 'person_name'], ['監理站', 'decoy'], ['車牌號碼', 'decoy'], ['車身號碼', 'vin'],
    ['引擎號碼', 'decoy'], ['廠牌', 'decoy'], ['車型', 'decoy'], ['出廠年月', 'decoy'], ['原車主姓名', 'person_name'], ['原車主身分證字號', 'tw_national_id'],
    ['原車主手機', 'tw_mobile'], ['新車主姓名', 'person_name'], ['新車主身分證字號', 'tw_national_id'], ['新車主手機', 'tw_mobile'], ['新車主地址', 'address'],
    ['新車主電子信箱', 'email'], ['規費', 'decoy'], ['收據號碼', 'decoy'], ['保險證號', 'decoy'], ['欄位22', 'decoy'], ['備註', 'free_text'],
  ];
  const stations: ReadonlyArray<readonly [string, string]> = [
    ['臺北市區監理所', 'TP'], ['士林監理站', 'SL'], ['板橋監理站', 'BQ'], ['桃園監理站', 'TY'], ['臺中市區監理所', 'TC'], ['豐原監理站', 'FY'],
    ['臺南監理站', 'TN'], ['高雄市區監理所', 'KH'], ['新竹監理站', 'HC'], ['彰化監理站', 'CH'],
  ];
  const makes: ReadonlyArray<readonly [string, readonly string[], readonly string[], string]> = [
    ['TOYOTA', ['COROLLA ALTIS', 'RAV4', 'COROLLA CROSS', 'YARIS', 'CAMRY', 'SIENTA'], ['RKL', 'JTD'], '2ZR'],
    ['HONDA', ['CR-V', 'FIT', 'HR-V', 'CIVIC'], ['JHM', 'RKM'], 'L15'],
    ['NISSAN', ['KICKS', 'SENTRA', 'X-TRAIL'], ['JN1'], 'HR16'],
    ['MITSUBISHI', ['OUTLANDER', 'COLT PLUS'], ['JMB'], '4B11'],
    ['FORD', ['FOCUS', 'KUGA'], ['WF0'], 'M9DA'],
    ['MAZDA', ['CX-5', 'MAZDA3'], ['JMZ'], 'PY'],
    ['LEXUS', ['NX200', 'RX350'], ['JTJ'], '8AR'],
    ['BMW', ['320i', 'X3'], ['WBA'], 'B48'],
    ['BENZ', ['C300', 'GLC300'], ['WDD'], 'M264'],
    ['HYUNDAI', ['TUCSON', 'ELANTRA'], ['KMH'], 'G4NA'],
  ];
  const agents = Array.from({ length: 30 }, () => V.personName(r, { script: 'T' }));
  const n = 1500;
  const days = Array.from({ length: n }, () => V.dayBetween(r, V.utcDay(2024, 6, 3), V.utcDay(2024, 6, 28))).sort((a, b) => a.getTime() - b.getTime());
  const rows: Row[] = [];
  const L = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');
  for (let i = 0; i < n; i++) {
    const day = days[i] as Date;
    const [station, sc] = r.pick(stations);
    const [make, models, wmis, eng] = r.pick(makes);
    const year = r.int(2008, 2023);
    const fromMale = r.chance(0.6);
    const toMale = r.chance(0.55);
    const fromName = V.personName(r, { script: 'T', coupleSurname: !fromMale && r.chance(0.05) });
    const toName = V.personName(r, { script: 'T', coupleSurname: !toMale && r.chance(0.05) });
    const plateNo = r.weighted<string>([
      [`${r.pick(L)}${r.pick(L)}${r.pick(L)}-${V.pad(r.int(1, 9999), 4)}`, 6],
      [`${r.pick(L)}${r.pick(L)}-${V.pad(r.int(1, 9999), 4)}`, 2],
      [`${V.pad(r.int(1, 9999), 4)}-${r.pick(L)}${r.pick(L)}`, 1],
      [`E${r.pick(L)}${r.pick(L)}-${V.pad(r.int(1, 9999), 4)}`, 1],
    ]);
    const vinValue = V.vin(r, wmis);
    rows.push({
      案件編號: `${sc}-${V.rocDate(day).replace(/\//g, '')}-${V.pad(i + 1, 4)}`,
      申辦日期: V.rocDate(day),
      欄位3: r.chance(0.5) ? r.pick(agents) : '',
      監理站: station,
      車牌號碼: plateNo,
      車身號碼: r.chance(0.02) ? vinValue.toLowerCase() : vinValue,
      引擎號碼: V.drawClean(() => `${eng}${r.pick(['', '-'])}${r.digits(10 - eng.length)}`),
      廠牌: make,
      車型: r.pick(models),
      出廠年月: r.chance(0.6) ? `${year}/${V.pad(r.int(1, 12))}` : `${year - 1911}/${V.pad(r.int(1, 12))}`,
      原車主姓名: V.dirtyName(r, fromName),
      原車主身分證字號: (() => {
        const v = V.twNationalId(r, fromMale);
        return r.chance(0.03) ? v.toLowerCase() : v;
      })(),
      原車主手機: r.chance(0.93) ? V.twMobile(r) : '',
      新車主姓名: V.dirtyName(r, toName),
      新車主身分證字號: V.twNationalId(r, toMale),
      新車主手機: r.chance(0.95) ? V.twMobile(r) : '',
      新車主地址: V.taiwanAddress(r),
      新車主電子信箱: r.chance(0.7) ? V.email(r) : '',
      規費: String(r.pick([150, 150, 300, 450])),
      收據號碼: `${V.rocDate(day).replace(/\//g, '')}-${V.pad(r.int(1, 99999), 5)}`,
      保險證號: `${r.pick(['A', 'B', 'T'])}${day.getUTCFullYear() - 1911}${r.pick(['17', '18', '20'])}${r.digits(7)}`,
      欄位22: r.pick(['一般過戶', '一般過戶', '一般過戶', '繼承過戶', '法拍過戶', '贈與過戶', '公司轉個人']),
      備註: r.chance(0.35)
        ? r.pick([
            `原車主已歿，由繼承人${V.personName(r, { script: 'T' })}辦理，附除戶謄本`,
            '車輛有動產擔保設定，已塗銷',
            `委託代辦，代辦人${V.personName(r, { script: 'T' })}，電話${V.twMobile(r)}`,
            `新車主地址與戶籍不符，戶籍地：${V.taiwanAddress(r)}`,
            '欠繳燃料費已補繳',
            '車輛檢驗合格，排氣檢測通過',
            `原車主手機停用，改聯絡${V.twMobile(r)}`,
          ])
        : '',
    });
  }
  writeDelimited(join(dir, file), cols, rows, { sep: ',', enc: 'utf8', eol: '\n' });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 10. Shenzhen–Hong Kong cross-boundary pupils (CSV, UTF-8 with BOM, CRLF, Traditional headers)

function crossBoundary(r: Rng, dir: string): [string, Entry[]] {
  const file = 'shenzhen_kuajing_xuetong_dengji_2024-25.csv';
  const cols: Cols = [
    ['學生編號', 'decoy'], ['學生姓名', 'person_name'], ['英文姓名', 'decoy'], ['出生日期', 'decoy'], ['香港身份證號碼', 'hk_id'],
    ['回鄉證號碼', 'hkmo_home_return_permit'], ['港澳居民居住證號碼', 'hk_residence_permit'], ['證件有效期', 'decoy'], ['就讀學校', 'decoy'],
    ['年級', 'decoy'], ['過境口岸', 'decoy'], ['校巴路線', 'decoy'], ['保姆車車牌', 'cn_license_plate'], ['家長姓名', 'person_name'],
    ['家長內地身份證號', 'cn_resident_id'], ['家長內地手機', 'cn_mobile'], ['家長香港電話', 'decoy'], ['深圳居住地址', 'address'],
    ['欄位19', 'cn_mobile'], ['健康狀況', 'medical_record'], ['學費', 'decoy'], ['八達通卡號', 'decoy'], ['登記日期', 'decoy'], ['備註', 'free_text'],
  ];
  const schools: ReadonlyArray<readonly [string, boolean]> = [
    ['上水惠州公立學校', true], ['粉嶺公立學校', true], ['聖公會嘉福榮真小學', true], ['鳳溪第一小學', true], ['打鼓嶺嶺英公立學校', true],
    ['上水宣道小學', true], ['東華三院馬錦燦紀念小學', true], ['元朗公立中學校友會小學', true], ['香海正覺蓮社佛教正覺中學', false],
    ['粉嶺禮賢會中學', false], ['鳳溪第一中學', false], ['上水官立中學', false],
  ];
  const ports = ['皇崗', '深圳灣', '落馬洲支線', '羅湖', '文錦渡', '蓮塘'];
  const n = 1000;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const [school, primary] = r.pick(schools);
    const birth = primary ? V.birthBetween(r, 2012, 2018) : V.birthBetween(r, 2007, 2012);
    const male = r.chance(0.5);
    const traditional = r.chance(0.55);
    const parent = citizen(r, { from: 1975, to: 1993, counties: V.SHENZHEN, elsewhere: 0.55, fujian: 0.15 });
    const surname = [...parent.name][0] as string;
    const pupilName = traditional
      ? V.personName(r, { script: 'T' })
      : V.personName(r, V.SURNAMES_S.includes(surname) && r.chance(0.7) ? { surname } : { fujian: 0.15 });
    const grade = primary ? `P${Math.min(6, Math.max(1, 2024 - birth.getUTCFullYear() - 5))}` : `S${Math.min(6, Math.max(1, 2024 - birth.getUTCFullYear() - 11))}`;
    const nanny = r.chance(0.45);
    const plateNo = nanny
      ? r.chance(0.2)
        ? `${r.chance(0.25) ? '粵' : '粤'}Z${r.pick(['', '·'])}${r.pick('ABCDEFGH'.split(''))}${r.digits(3)}港`
        : V.plate(r, r.chance(0.25) ? '粵' : '粤', ['B'], 0.35)
      : '';
    const hk = V.hkid(r);
    const octo = r.digits(8);
    rows.push({
      學生編號: `CBS${V.pad(24, 2)}-${V.pad(i + 1, 5)}`,
      學生姓名: V.dirtyName(r, pupilName),
      英文姓名: V.hkRoman(r),
      出生日期: V.ymd(birth),
      香港身份證號碼: r.chance(0.96) ? hk.written : '',
      回鄉證號碼: r.chance(0.98) ? V.homeReturnPermit(r, 'H') : '',
      港澳居民居住證號碼: r.chance(0.35) ? V.permitId(r, '810000', birth, male) : '',
      證件有效期: V.ymd(V.dayBetween(r, V.utcDay(2025, 1, 1), V.utcDay(2034, 12, 31))),
      就讀學校: school,
      年級: grade,
      過境口岸: r.pick(ports),
      校巴路線: nanny ? '' : `${r.pick(['SZB', 'LMC', 'HZ', 'FTB'])}-${V.pad(r.int(1, 24))}`,
      保姆車車牌: plateNo,
      家長姓名: V.dirtyName(r, parent.name),
      家長內地身份證號: V.dirtyId(r, parent.id),
      家長內地手機: V.fmtMobile(r, V.cnMobile(r)),
      家長香港電話: r.chance(0.55) ? r.pick([`+852 ${r.pick(['5', '6', '9'])}${r.digits(3)} ${r.digits(4)}`, `852-${r.pick(['5', '6', '9'])}${r.digits(7)}`, `${r.pick(['5', '6', '9'])}${r.digits(3)} ${r.digits(4)}`]) : '',
      深圳居住地址: V.mainlandAddress(r, r.pick(V.SHENZHEN), { province: 0.15 }),
      欄位19: r.chance(0.85) ? V.fmtMobile(r, V.cnMobile(r)) : '',
      健康狀況: r.chance(0.2) ? r.pick(V.DIAGNOSES_T) + (r.chance(0.1) ? `、${r.pick(V.DIAGNOSES_T)}` : '') : r.pick(['', '無', '']),
      學費: primary || r.chance(0.6) ? '免費' : `HK$ ${money(r.pick([3850, 4200, 5600]))}`,
      八達通卡號: r.chance(0.6) ? `${octo}(${r.int(0, 9)})` : octo,
      登記日期: V.ymd(V.dayBetween(r, V.utcDay(2024, 6, 20), V.utcDay(2024, 8, 30))),
      備註: r.chance(0.35)
        ? r.pick([
            `保姆車司機${V.personName(r, { script: 'S' })}，電話${V.cnMobile(r)}`,
            '需使用學童專用通道，已辦理「跨境學童」過境登記',
            `家長在${r.pick(['福田', '南山', '羅湖'])}工作，放學由外婆接送`,
            `學生有${r.pick(V.DIAGNOSES_T)}，書包內備藥`,
            '回鄉證即將到期，已提醒家長續期',
            `緊急聯絡人：${V.personName(r, { script: 'T' })}（姨媽）`,
          ])
        : '',
    });
  }
  writeDelimited(join(dir, file), cols, rows, { sep: ',', enc: 'bom', eol: '\r\n' });
  return [file, entriesOf(cols)];
}

// ---------------------------------------------------------------------------------------------
// 11. Scenic areas: timed real-name reservations (NDJSON)

function scenic(r: Rng, dir: string): [string, Entry[]] {
  const file = 'fujian_jingqu_fenshi_yuyue_202407.ndjson';
  const spots: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    ['FJ-PT-001', '石牌洋景区', ['北入口', '游客中心检票口']],
    ['FJ-PT-002', '龙凤头海滨浴场', ['东门', '南门']],
    ['FJ-PT-003', '坛南湾', ['主入口']],
    ['FJ-XM-001', '鼓浪屿', ['三丘田码头', '内厝澳码头', '东渡邮轮中心']],
    ['FJ-NP-001', '武夷山风景名胜区', ['天游峰检票口', '九曲溪竹筏码头', '大红袍检票口']],
    ['FJ-FZ-001', '三坊七巷', ['南后街北口', '南后街南口']],
    ['FJ-QZ-001', '清源山', ['南门', '老君岩入口']],
  ];
  const gateMacs = new Map<string, string>();
  for (const [, , gates] of spots) for (const g of gates) gateMacs.set(g, V.mac(r, 'colon', r.pick(['00:1A:A9', '44:2C:05', 'C8:5B:76'])));
  const models = ['iPhone15,3', 'iPhone14,5', 'iPhone16,2', 'HUAWEI NOH-AN00', 'HUAWEI ALN-AL00', 'Xiaomi 23127PN0CC', 'OPPO PHY110', 'vivo V2309A', 'HONOR PGT-AN10', 'Redmi K70'];
  const channels = ['微信小程序', '支付宝小程序', '携程', '美团', '抖音团购', '官方APP'];
  const partners = ['WX-MINI', 'ALI-MINI', 'OTA-CTRIP', 'OTA-MEITUAN', 'DY-LIFE', 'APP-OFFICIAL'];
  const homeCities: ReadonlyArray<readonly [number, number, readonly County[]]> = [
    [26.075, 119.296, V.FUZHOU.slice(0, 6)], [24.48, 118.09, V.FUJIAN_OTHER.slice(0, 3)], [24.874, 118.676, V.FUJIAN_OTHER.slice(3, 6)],
    [22.543, 114.057, V.SHENZHEN], [22.27, 113.577, V.ZHUHAI],
  ];
  const n = 2800;
  const records: unknown[] = [];
  const jwtHeader = V.b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  for (let i = 0; i < n; i++) {
    const [code, name, gates] = r.pick(spots);
    const visit = V.dayBetween(r, V.utcDay(2024, 7, 1), V.utcDay(2024, 7, 31));
    const ordered = V.momentOn(r, new Date(visit.getTime() - r.int(0, 6) * 86400000), 7, 23);
    const [hlat, hlng, counties] = r.pick(homeCities);
    const booker = citizen(r, { from: 1965, to: 2004, counties, elsewhere: 0.3, fujian: 0.5 });
    const openid = `o${V.randomB64url(r, 27)}`;
    const party = r.weighted<number>([[1, 2], [2, 4], [3, 3], [4, 2], [5, 1]]);
    const visitors: unknown[] = [];
    for (let k = 0; k < party; k++) {
      if (k === 0 && r.chance(0.85)) {
        visitors.push({ name: booker.name, idType: '居民身份证', idNo: V.dirtyId(r, booker.id), ticketType: '成人票' });
        continue;
      }
      const doc = r.weighted<string>([['居民身份证', 94], ['台湾居民来往大陆通行证', 4], ['港澳居民来往内地通行证', 1.5], ['护照', 0.5]]);
      const child = doc === '居民身份证' && r.chance(0.25);
      const senior = !child && r.chance(0.15);
      if (doc === '居民身份证') {
        const v = citizen(r, { from: child ? 2010 : senior ? 1945 : 1965, to: child ? 2020 : senior ? 1963 : 2004, counties, elsewhere: 0.3, fujian: 0.5 });
        visitors.push({ name: v.name, idType: doc, idNo: V.dirtyId(r, v.id), ticketType: child ? '儿童票' : senior ? '老人票' : '成人票' });
      } else if (doc === '台湾居民来往大陆通行证') {
        visitors.push({ name: V.personName(r, { script: r.chance(0.5) ? 'T' : 'S' }), idType: doc, idNo: V.mtp(r), ticketType: '台胞优惠票' });
      } else if (doc === '港澳居民来往内地通行证') {
        visitors.push({ name: V.personName(r, { script: 'T' }), idType: doc, idNo: V.homeReturnPermit(r, r.chance(0.7) ? 'H' : 'M'), ticketType: '成人票' });
      } else visitors.push({ name: V.personName(r), idType: doc, idNo: V.cnPassport(r), ticketType: '成人票' });
    }
    const checked = visit.getTime() < V.utcDay(2024, 7, 29).getTime() && r.chance(0.85);
    const gate = r.pick(gates);
    const uid = r.int(100000, 9999999);
    const iat = Math.floor(ordered.getTime() / 1000) - 8 * 3600;
    const payload = V.b64url(JSON.stringify({ uid, iat, exp: iat + 7200, scope: 'booking' }));
    const ch = r.int(0, channels.length - 1);
    records.push({
      orderId: V.drawClean(() => {
        const body = `${V.ymdCompact(ordered)}${r.digits(9)}`;
        return `SY${body}${(Number(V.luhnDigit(body)) + r.int(1, 9)) % 10}`;
      }),
      scenic: { code, name, gate },
      visitDate: V.ymd(visit),
      booker: { name: V.dirtyName(r, booker.name), mobile: V.fmtMobile(r, V.cnMobile(r), 0.1), idNo: V.dirtyId(r, booker.id), openid },
      visitors,
      payment: { channel: channels[ch], amount: name === '鼓浪屿' ? 35 * party : r.pick([0, 60, 90, 140]) * party, couponCode: r.chance(0.3) ? `${r.pick(['PT', 'XM', 'WY', 'FZ'])}${V.randomB64url(r, 6).toUpperCase().replace(/[-_]/g, 'Q')}` : null },
      device: { ip: r.chance(0.15) ? V.ipv6(r) : V.ipv4Public(r), model: r.pick(models), location: r.chance(0.8) ? V.geo(r, hlat, hlng, 0.15) : null },
      auth: { token: `${jwtHeader}.${payload}.${V.randomB64url(r, 43)}` },
      checkin: { time: checked ? V.isoLocal(V.momentOn(r, visit, 8, 17)) : null, gateMac: checked ? gateMacs.get(gate) : null },
      ext: { field_4: r.chance(0.4) ? V.cnMobile(r) : null, field_7: partners[ch] },
      remark: r.chance(0.2)
        ? r.pick([
            `同行老人行动不便，需轮椅；联系人手机${V.cnMobile(r)}`,
            '台胞团队，导游现场核验台胞证',
            `改签至${V.ymd(new Date(visit.getTime() + 86400000))}`,
            '儿童未带身份证，使用户口本核验',
            `代${V.personName(r)}一家预约，共${party}人`,
            '需开具发票，抬头：个人',
          ])
        : null,
    });
  }
  const paths = writeJsonRecords(join(dir, file), records, true);
  const truth: Record<string, string> = {
    orderId: 'decoy', 'scenic.code': 'decoy', 'scenic.name': 'decoy', 'scenic.gate': 'decoy', visitDate: 'decoy',
    'booker.name': 'person_name', 'booker.mobile': 'cn_mobile', 'booker.idNo': 'cn_resident_id', 'booker.openid': 'decoy',
    'visitors[].name': 'person_name', 'visitors[].idType': 'decoy', 'visitors[].idNo': 'cn_resident_id', 'visitors[].ticketType': 'decoy',
    'payment.channel': 'decoy', 'payment.amount': 'decoy', 'payment.couponCode': 'decoy', 'device.ip': 'ip_address', 'device.model': 'decoy',
    'device.location': 'geo_coordinate', 'auth.token': 'secret', 'checkin.time': 'decoy', 'checkin.gateMac': 'mac_address',
    'ext.field_4': 'cn_mobile', 'ext.field_7': 'decoy', remark: 'free_text',
  };
  return [file, jsonEntries(paths, truth)];
}

// ---------------------------------------------------------------------------------------------
// 12. Internet hospital: consultations and repeat prescriptions (JSON array)

function internetHospital(r: Rng, dir: string): [string, Entry[]] {
  const file = 'hulianwang_yiyuan_fuzhen_xufang_2024Q2.json';
  const depts: ReadonlyArray<readonly [string, readonly string[], ReadonlyArray<readonly [string, string, string]>]> = [
    ['心血管内科', ['高血压', '冠状动脉粥样硬化性心脏病', '心房颤动', '慢性心力衰竭', '高脂血症'], [['氨氯地平', '5mg*28片', '口服 qd'], ['缬沙坦', '80mg*7粒', '口服 qd'], ['阿托伐他汀钙', '20mg*7片', '口服 qn'], ['美托洛尔', '47.5mg*7片', '口服 qd'], ['利伐沙班', '15mg*5片', '口服 qd'], ['沙库巴曲缬沙坦', '100mg*14片', '口服 bid'], ['氯吡格雷', '75mg*7片', '口服 qd'], ['替格瑞洛', '90mg*14片', '口服 bid'], ['华法林', '2.5mg*60片', '口服 qd']]],
    ['内分泌科', ['2型糖尿病', '甲状腺功能减退症', '高尿酸血症', '骨质疏松症'], [['二甲双胍', '0.5g*20片', '口服 tid'], ['达格列净', '10mg*10片', '口服 qd'], ['西格列汀', '100mg*7片', '口服 qd'], ['阿卡波糖', '50mg*30片', '口服 tid'], ['左甲状腺素钠', '50μg*100片', '口服 qd'], ['非布司他', '40mg*16片', '口服 qd'], ['别嘌醇', '0.1g*100片', '口服 qd'], ['阿仑膦酸钠', '70mg*4片', '口服 每周一次']]],
    ['风湿免疫科', ['类风湿关节炎', '痛风', '系统性红斑狼疮', '强直性脊柱炎'], [['甲氨蝶呤', '2.5mg*16片', '口服 每周一次'], ['羟氯喹', '0.2g*10片', '口服 bid'], ['别嘌醇', '0.1g*100片', '口服 qd'], ['秋水仙碱', '0.5mg*20片', '口服 bid'], ['非布司他', '40mg*16片', '口服 qd']]],
    ['呼吸内科', ['支气管哮喘', '慢性阻塞性肺疾病'], [['布地奈德', '1mg:2ml*5支', '雾化 bid'], ['沙美特罗替卡松', '50/250μg*60吸', '吸入 bid'], ['噻托溴铵', '18μg*10粒', '吸入 qd'], ['孟鲁司特钠', '10mg*5片', '口服 qn']]],
    ['消化内科', ['胃食管反流病', '慢性胃炎', '慢性乙型病毒性肝炎'], [['奥美拉唑', '20mg*14粒', '口服 qd'], ['雷贝拉唑', '10mg*7片', '口服 qd'], ['莫沙必利', '5mg*24片', '口服 tid'], ['恩替卡韦', '0.5mg*7片', '口服 qd'], ['替诺福韦', '300mg*30片', '口服 qd']]],
    ['神经内科', ['帕金森病', '癫痫', '偏头痛', '失眠症', '脑梗死'], [['多巴丝肼', '250mg*40片', '口服 tid'], ['丙戊酸钠', '0.5g*30片', '口服 bid'], ['左乙拉西坦', '0.5g*30片', '口服 bid'], ['普瑞巴林', '75mg*8粒', '口服 bid'], ['甲钴胺', '0.5mg*20片', '口服 tid'], ['阿司匹林', '100mg*30片', '口服 qd']]],
    ['精神心理科', ['抑郁症', '焦虑症', '双相情感障碍'], [['舍曲林', '50mg*14片', '口服 qd'], ['艾司西酞普兰', '10mg*7片', '口服 qd'], ['喹硫平', '25mg*30片', '口服 qn'], ['奥氮平', '5mg*14片', '口服 qn'], ['碳酸锂', '0.25g*100片', '口服 bid']]],
  ];
  const titles = ['主任医师', '副主任医师', '主治医师', '住院医师'];
  const doctors = Array.from({ length: 25 }, (_, k) => {
    const dept = depts[k % depts.length] as (typeof depts)[number];
    return {
      name: V.personName(r, { fujian: 0.5 }),
      title: r.pick(titles),
      dept: dept[0],
      practiceCertNo: V.drawClean(() => `1${r.int(1, 4)}0${r.pick(['350102', '350103', '350104', '350111', '350203'])}${r.digits(6)}`.slice(0, 15), (v) => /^\d{15}$/.test(v) && V.gb11643Kind(v, true) === null),
      deptIndex: k % depts.length,
    };
  });
  const deptPhones = depts.map(() => V.cnLandline(r, '0591'));
  const counties = [...V.FUZHOU, ...V.FUJIAN_OTHER.slice(0, 4)];
  const n = 900;
  const records: unknown[] = [];
  const times = Array.from({ length: n }, () => V.momentOn(r, V.dayBetween(r, V.utcDay(2024, 4, 1), V.utcDay(2024, 6, 30)), 7, 23)).sort((a, b) => a.getTime() - b.getTime());
  for (let i = 0; i < n; i++) {
    const doc = r.pick(doctors);
    const [dept, diags, drugs] = depts[doc.deptIndex] as (typeof depts)[number];
    const p = citizen(r, { from: 1940, to: 2004, counties, elsewhere: 0.12, fujian: 0.55 });
    const at = times[i] as Date;
    const type = r.weighted<string>([['复诊续方', 6], ['图文问诊', 3], ['视频问诊', 1]]);
    const dx = r.shuffle([...diags]).slice(0, r.chance(0.25) ? 2 : 1);
    const rx = type === '复诊续方' || r.chance(0.5) ? r.shuffle([...drugs]).slice(0, r.int(1, 3)) : [];
    const genes: Array<{ gene: string; result: string }> = [];
    if (rx.some(([d]) => d === '氯吡格雷') && r.chance(0.6)) genes.push({ gene: 'CYP2C19', result: r.pick(V.GENETIC_RESULTS[0]?.[1] ?? []) });
    if (rx.some(([d]) => d === '华法林') && r.chance(0.7)) {
      genes.push({ gene: 'VKORC1', result: r.pick(V.GENETIC_RESULTS[3]?.[1] ?? []) });
      genes.push({ gene: 'CYP2C9', result: r.pick(V.GENETIC_RESULTS[4]?.[1] ?? []) });
    }
    if (rx.some(([d]) => d === '阿托伐他汀钙') && r.chance(0.3)) genes.push({ gene: 'SLCO1B1', result: r.pick(V.GENETIC_RESULTS[2]?.[1] ?? []) });
    if (dept === '精神心理科' && r.chance(0.3)) genes.push({ gene: 'CYP2C19', result: r.pick(V.GENETIC_RESULTS[0]?.[1] ?? []) });
    if (dept === '心血管内科' && genes.length === 0 && r.chance(0.15)) genes.push({ gene: r.pick(['MTHFR', 'ALDH2']), result: r.pick((r.chance(0.5) ? V.GENETIC_RESULTS[1] : V.GENETIC_RESULTS[5])?.[1] ?? []) });
    const hla = rx.some(([d]) => d === '别嘌醇') || (dx.includes('痛风') && r.chance(0.5)) ? `HLA-B*58:01 ${r.chance(0.9) ? '阴性' : '阳性'}` : null;
    const deliver = rx.length > 0 && r.chance(0.75);
    const c = p.county ?? r.pick(counties);
    const centre = c.city === '福州市' ? [26.075, 119.296] : c.city === '厦门市' ? [24.48, 118.09] : c.city === '泉州市' ? [24.874, 118.676] : [25.43, 119.0];
    const serial = r.digits(8);
    const amount = Math.round(r.int(1500, 68000)) / 100;
    records.push({
      orderNo: `HLW${V.ymdCompact(at).slice(2)}${V.pad(i + 1, 6)}`,
      createdAt: V.isoLocal(at),
      consultType: type,
      patient: { name: V.dirtyName(r, p.name), age: 2024 - p.birth.getUTCFullYear(), idCard: V.dirtyId(r, p.id), mobile: V.fmtMobile(r, V.cnMobile(r), 0.1), medicalCardNo: `JZK${r.digits(9)}` },
      doctor: { name: doc.name, title: doc.title, dept, practiceCertNo: doc.practiceCertNo, deptPhone: V.fmtLandline(r, deptPhones[doc.deptIndex] as string) },
      chiefComplaint: r.pick([
        `${dx[0]}病史${r.int(1, 15)}年，规律服药，病情稳定，要求续方`,
        `近${r.int(2, 14)}天${r.pick(['头晕', '乏力', '胸闷', '关节疼痛', '失眠', '反酸', '咳嗽'])}，既往${dx[0]}`,
        `复查${r.pick(['血糖', '血脂', '尿酸', '肝功能', 'INR', '甲功'])}结果咨询`,
        '药快吃完了，麻烦医生开药',
        `上次开的药吃了${r.pick(['胃不舒服', '有点头晕', '效果不明显'])}，想调整`,
      ]),
      diagnosis: dx.join('，'),
      icd10: V.ICD10[dx[0] as string] ?? null,
      prescriptions: rx.map(([drugName, spec, usage]) => ({ drugName, spec, usage })),
      geneTests: genes,
      hlaScreen: hla,
      delivery: {
        phone: deliver ? V.fmtMobile(r, V.cnMobile(r), 0.1) : null,
        address: deliver ? V.mainlandAddress(r, c, { province: 0.2 }) : null,
        geo: deliver && r.chance(0.9) ? V.geo(r, centre[0] as number, centre[1] as number, 0.1) : null,
        expressNo: deliver ? `E${r.pick(['A', 'B', 'E', 'M'])}${serial}${V.s10Check(serial)}CN` : null,
      },
      payment: { method: r.pick(['医保个账', '微信支付', '支付宝', '医保统筹+自费']), amount },
      clientIp: r.chance(0.12) ? V.ipv6(r) : V.ipv4Public(r),
      pharmacistReview: { result: rx.length === 0 ? null : r.weighted<string>([['通过', 90], ['驳回（用法用量不适宜）', 4], ['通过（已提醒相互作用）', 6]]) },
    });
  }
  const paths = writeJsonRecords(join(dir, file), records, false);
  const truth: Record<string, string> = {
    orderNo: 'decoy', createdAt: 'decoy', consultType: 'decoy', 'patient.name': 'person_name', 'patient.age': 'decoy', 'patient.idCard': 'cn_resident_id',
    'patient.mobile': 'cn_mobile', 'patient.medicalCardNo': 'decoy', 'doctor.name': 'person_name', 'doctor.title': 'decoy', 'doctor.dept': 'decoy',
    'doctor.practiceCertNo': 'decoy', 'doctor.deptPhone': 'cn_landline', chiefComplaint: 'free_text', diagnosis: 'medical_record', icd10: 'medical_record',
    'prescriptions[].drugName': 'medical_record', 'prescriptions[].spec': 'decoy', 'prescriptions[].usage': 'decoy', 'geneTests[].gene': 'decoy',
    'geneTests[].result': 'genetic_data', hlaScreen: 'genetic_data', 'delivery.phone': 'cn_mobile', 'delivery.address': 'address',
    'delivery.geo': 'geo_coordinate', 'delivery.expressNo': 'decoy', 'payment.method': 'decoy', 'payment.amount': 'decoy', clientIp: 'ip_address',
    'pharmacistReview.result': 'decoy',
  };
  return [file, jsonEntries(paths, truth)];
}

// ---------------------------------------------------------------------------------------------

await runTableSet<Rng, Entry>({
  script: 'bench/eval/columns-k/generate.ts',
  defaultSeed: 20240805,
  rng: (seed, name) => V.rngFor(seed, name),
  makers: [
    ['notary', notary],
    ['pension', pension],
    ['nursing', nursing],
    ['veterans', veterans],
    ['studyAbroad', studyAbroad],
    ['creditCard', creditCard],
    ['dibao', dibao],
    ['lawFirm', lawFirm],
    ['taiwanTransfers', taiwanTransfers],
    ['crossBoundary', crossBoundary],
    ['scenic', scenic],
    ['internetHospital', internetHospital],
  ],
});
