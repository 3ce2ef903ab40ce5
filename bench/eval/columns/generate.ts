/**
 * Blind labelled column set for `landao scan`: tables modelled on real government and business
 * exports, each column labelled with the detector type it holds (or `decoy` / `free_text`).
 *
 *   npx tsx bench/eval/columns/generate.ts --out DIR [--seed N]
 *
 * Writes 13 tables (CSV, one TSV; UTF-8, UTF-8 with BOM or GBK) plus:
 * - `DIR/truth.json`: `{ "<file>": [{ "index", "header", "truth" }] }`, where `truth` is a type
 *   id of `shared/contracts/detector-types.md`, `"decoy"` (must not be reported as a sensitive
 *   type) or `"free_text"` (remarks; listed, not scored);
 * - `DIR/manifest.json`: title, encoding, delimiter and row count of each table.
 *
 * Written blind: without reading the scanner's recognisers or its benchmark corpus, so the set
 * measures how the scanner generalises rather than repeating its own assumptions. Only the
 * identifier validators are used, to make valid identifiers (and to make sure the ID-shaped decoys
 * are invalid). The output is a pure function of the seed: the same seed gives the same bytes.
 *
 * Mess modelled on real exports: surrounding spaces, empty cells (5–20 % per column), Excel
 * apostrophes and tab prefixes, lower-case `x` check characters, a few full-width digits, mobiles
 * with +86/dashes/spaces, landlines in several styles, names with `·`, Traditional Chinese in the
 * Taiwan tables, addresses with and without the province, padded CHAR columns in a GBK export,
 * meaningless headers (col_3, 字段7, F7) on some identifier columns and a misleading `编号` on a
 * decoy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import {
  isKnownDivisionCode,
  luhnCheck,
  mobileSegmentOf,
  mod11_2CheckChar,
  USCC_ALPHABET,
  usccCheckChar,
  validateCnResidentId,
  validateHkId,
  validateTwNationalId,
  VALIDATORS,
  vinCheckChar,
  type DetectorTypeId,
  type ValidatedTypeId,
} from '../../../src/contexts/detection/validators/index.ts';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough for test data, and identical on every platform. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet.charAt(this.int(0, alphabet.length - 1));
    return s;
  }
}

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

// ---------------------------------------------------------------------------------------------
// Dates (UTC arithmetic only, so the output does not depend on the machine's time zone)

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function dateBetween(r: Rng, fromYear: number, toYear: number): Ymd {
  const a = Date.UTC(fromYear, 0, 1);
  const b = Date.UTC(toYear, 11, 31);
  const t = new Date(a + Math.floor(r.next() * (b - a)));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Epoch ms in 2023-01-01 .. 2024-06-30 (CST business hours mostly). */
function instant(r: Rng, from = Date.UTC(2023, 0, 1), to = Date.UTC(2024, 5, 30)): number {
  return from + Math.floor(r.next() * (to - from));
}

function fmtDate(d: Ymd, style: 'iso' | 'slash' | 'compact' | 'cn' | 'dot'): string {
  switch (style) {
    case 'iso':
      return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
    case 'slash':
      return `${d.y}/${d.m}/${d.d}`;
    case 'compact':
      return `${d.y}${pad(d.m)}${pad(d.d)}`;
    case 'cn':
      return `${d.y}年${d.m}月${d.d}日`;
    case 'dot':
      return `${d.y}.${pad(d.m)}.${pad(d.d)}`;
  }
}

/** Wall-clock time in China (UTC+8) of epoch ms `t`. */
function fmtTime(t: number, style: 'iso' | 'slash' | 'isoT' | 'compact'): string {
  const c = new Date(t + 8 * 3600_000);
  const date = `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`;
  const time = `${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}:${pad(c.getUTCSeconds())}`;
  switch (style) {
    case 'iso':
      return `${date} ${time}`;
    case 'slash':
      return `${c.getUTCFullYear()}/${c.getUTCMonth() + 1}/${c.getUTCDate()} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
    case 'isoT':
      return `${date}T${time}+08:00`;
    case 'compact':
      return date.replaceAll('-', '') + time.replaceAll(':', '');
  }
}

function ymdOf(t: number): Ymd {
  const c = new Date(t + 8 * 3600_000);
  return { y: c.getUTCFullYear(), m: c.getUTCMonth() + 1, d: c.getUTCDate() };
}

// ---------------------------------------------------------------------------------------------
// People, names, places

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7], ['李', 7], ['张', 7], ['刘', 5], ['陈', 8], ['杨', 3], ['黄', 4], ['赵', 2], ['吴', 3], ['周', 2],
  ['徐', 2], ['孙', 1], ['马', 1], ['朱', 1], ['胡', 1], ['郭', 1], ['何', 1], ['高', 1], ['林', 8], ['罗', 1],
  ['郑', 3], ['梁', 1], ['谢', 1], ['宋', 1], ['唐', 1], ['许', 1], ['韩', 1], ['冯', 1], ['邓', 1], ['曹', 1],
  ['彭', 1], ['曾', 1], ['肖', 1], ['田', 1], ['董', 1], ['潘', 1], ['蒋', 1], ['蔡', 1], ['余', 1], ['叶', 1],
  ['程', 1], ['苏', 1], ['魏', 1], ['吕', 1], ['丁', 1], ['江', 1], ['游', 1], ['施', 1], ['翁', 1], ['詹', 1],
  ['薛', 1], ['卢', 1], ['姚', 1], ['欧阳', 0.4], ['司马', 0.1], ['上官', 0.1], ['诸葛', 0.1],
];
const GIVEN_MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林阳建国志文晨博轩睿泽宏峰亮成东海荣锦坤榕岚'.split('');
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英兰玲萍燕红梅琳颖婷雪慧倩洁琴欣怡涵萱雨诗晓佳月婉淑蓉榕'.split('');
const UYGHUR_FIRST = ['买买提', '艾尔肯', '阿不都热依木', '阿依古丽', '古丽娜尔', '热依拉', '迪丽娜尔', '努尔兰', '艾力', '帕提古丽'];
const UYGHUR_LAST = ['艾力', '吐尔逊', '买买提', '阿布都', '吐尔洪', '司马义', '依明', '热合曼', '卡德尔'];

type Gender = '男' | '女';

function cnName(r: Rng, g: Gender): string {
  const pool = g === '男' ? GIVEN_MALE : GIVEN_FEMALE;
  const s = r.weighted(SURNAMES);
  return s + r.pick(pool) + (r.chance(0.68) ? r.pick(pool) : '');
}

function dotName(r: Rng): string {
  return `${r.pick(UYGHUR_FIRST)}·${r.pick(UYGHUR_LAST)}`;
}

const TW_SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴'.split('');
const TW_GIVEN = [
  '志明', '淑芬', '建國', '美玲', '俊傑', '怡君', '雅婷', '家豪', '宗翰', '冠宇', '淑惠', '麗華', '秀英', '志豪', '承恩', '彥廷',
  '詩涵', '品妍', '宜蓁', '佩珊', '韋廷', '柏翰', '育誠', '惠雯', '錦榮', '振興', '國華', '瓊文', '鳳儀', '嘉慧', '金龍', '明輝',
  '信宏', '文傑', '靜宜', '郁婷', '書豪', '鈺婷', '子瑜', '昱辰', '偉誠', '素貞', '玉蘭', '順發', '阿明', '儀',
];

function twName(r: Rng): string {
  return r.pick(TW_SURNAMES) + r.pick(TW_GIVEN);
}

const HK_GIVEN = ['嘉欣', '志偉', '家樂', '詠詩', '俊傑', '美儀', '國強', '慧敏', '浩然', '卓琳', '子健', '曉彤', '偉文', '穎珊'];

interface Place {
  province: string;
  city: string;
  county: string;
  towns: readonly string[];
  roads: readonly string[];
}

const PINGTAN: Place = {
  province: '福建省',
  city: '福州市',
  county: '平潭县',
  towns: ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇', '白青乡', '君山镇', '芦洋乡', '中楼乡', '岚城乡'],
  roads: ['西航路', '城关路', '北门路', '环岛路', '金井二路', '麒麟路', '中山大道', '北环路', '万宝路', '坛西大道', '龙里路', '登城路'],
};
const PLACES: readonly Place[] = [
  { province: '福建省', city: '福州市', county: '鼓楼区', towns: ['东街街道', '温泉街道', '鼓东街道'], roads: ['五四路', '湖东路', '杨桥中路', '东街', '华林路', '古田路'] },
  { province: '福建省', city: '福州市', county: '台江区', towns: ['茶亭街道', '洋中街道'], roads: ['工业路', '八一七中路', '群众路', '江滨中大道'] },
  { province: '福建省', city: '福州市', county: '仓山区', towns: ['仓山镇', '城门镇', '盖山镇'], roads: ['浦上大道', '首山路', '金山大道', '福湾路'] },
  { province: '福建省', city: '福州市', county: '福清市', towns: ['音西街道', '龙山街道', '宏路街道'], roads: ['清昌大道', '福人大道', '一拂路'] },
  { province: '福建省', city: '福州市', county: '长乐区', towns: ['吴航街道', '航城街道'], roads: ['郑和中路', '首占路', '湖滨路'] },
  { province: '福建省', city: '厦门市', county: '思明区', towns: ['莲前街道', '鹭江街道'], roads: ['莲前西路', '湖滨南路', '厦禾路', '中山路'] },
  { province: '福建省', city: '厦门市', county: '湖里区', towns: ['殿前街道', '江头街道'], roads: ['枋湖路', '五缘湾道', '仙岳路'] },
  { province: '福建省', city: '泉州市', county: '晋江市', towns: ['青阳街道', '陈埭镇'], roads: ['世纪大道', '泉安中路', '迎宾路'] },
  { province: '福建省', city: '莆田市', county: '城厢区', towns: ['龙桥街道', '霞林街道'], roads: ['文献西路', '荔城中大道'] },
  { province: '福建省', city: '宁德市', county: '福安市', towns: ['城北街道', '阳头街道'], roads: ['富春路', '华侨路'] },
  { province: '', city: '北京市', county: '朝阳区', towns: ['建外街道', '望京街道'], roads: ['建国路', '朝阳北路', '望京街', '东三环中路'] },
  { province: '', city: '上海市', county: '浦东新区', towns: ['张江镇', '陆家嘴街道'], roads: ['张江路', '世纪大道', '浦东南路'] },
  { province: '广东省', city: '广州市', county: '天河区', towns: ['石牌街道', '林和街道'], roads: ['天河路', '体育西路', '中山大道西'] },
  { province: '广东省', city: '深圳市', county: '南山区', towns: ['粤海街道', '南头街道'], roads: ['科技园南路', '深南大道', '南海大道'] },
  { province: '浙江省', city: '杭州市', county: '西湖区', towns: ['文新街道', '翠苑街道'], roads: ['文三路', '文二西路', '古墩路'] },
  { province: '江西省', city: '南昌市', county: '东湖区', towns: ['公园街道'], roads: ['八一大道', '象山北路'] },
  { province: '四川省', city: '成都市', county: '武侯区', towns: ['玉林街道'], roads: ['人民南路四段', '科华北路'] },
];
const ESTATES = ['阳光花园', '金域蓝湾', '万科城', '融信双杭城', '恒大绿洲', '海峡如意城', '左岸花园', '滨海新城', '麒麟湾', '世纪金源', '碧桂园', '鹭岛花园', '龙湖天街', '岚城名都'];
const VILLAGES = ['南赖村', '先进村', '东美村', '山门前村', '上攀村', '钱便澳村', '芬尾村', '东楼村', '北港村', '看澳村'];

/** A mainland address, Pingtan-heavy; about 40 % without the province, some rural. */
function mainlandAddress(r: Rng, pingtanShare = 0.45): string {
  const p = r.chance(pingtanShare) ? PINGTAN : r.pick(PLACES);
  if (p === PINGTAN && r.chance(0.12)) {
    // How Pingtan's own systems often write it.
    const area = r.pick(['金井湾片区', '竹屿湖片区', '坛西片区', '幸福洋片区']);
    return `平潭综合实验区${area}${r.pick(['商务营运中心', '台湾创业园', '大数据产业园', '海峡如意城'])}${r.int(1, 12)}号楼${r.int(1, 25)}${pad(r.int(1, 12))}室`;
  }
  const rural = p === PINGTAN && r.chance(0.3);
  let head: string;
  const roll = r.next();
  if (roll < 0.55) head = p.province + p.city + p.county;
  else if (roll < 0.8) head = p.city + p.county;
  else head = p.county;
  if (rural) return `${head}${r.pick(p.towns)}${r.pick(VILLAGES)}${r.chance(0.4) ? `${r.int(1, 12)}组` : ''}${r.int(1, 180)}号`;
  let s = head + (r.chance(0.3) ? r.pick(p.towns) : '') + r.pick(p.roads) + `${r.int(1, 888)}号`;
  if (r.chance(0.55)) {
    s += r.pick(ESTATES) + (r.chance(0.5) ? `${r.int(1, 32)}栋` : `${r.int(1, 32)}号楼`);
    if (r.chance(0.5)) s += `${r.int(1, 4)}单元`;
    s += `${r.int(1, 33)}${pad(r.int(1, 8))}${r.chance(0.7) ? '室' : ''}`;
  }
  return s;
}

/** The same address in Traditional characters (for Taiwan compatriots writing their mainland address). */
const TRAD_MAP: Record<string, string> = {
  县: '縣', 区: '區', 镇: '鎮', 乡: '鄉', 门: '門', 环: '環', 岛: '島', 龙: '龍', 里: '裡', 宝: '寶', 坛: '壇', 厝: '厝',
  湾: '灣', 验: '驗', 综: '綜', 实: '實', 务: '務', 营: '營', 运: '運', 心: '心', 台: '臺', 园: '園', 产: '產', 业: '業',
  数: '數', 据: '據', 号: '號', 楼: '樓', 室: '室', 城: '城', 东: '東', 鼓: '鼓', 杨: '楊', 华: '華', 汉: '漢', 苏: '蘇',
  长: '長', 乐: '樂', 郑: '鄭', 兰: '蘭', 馆: '館', 厦: '廈', 湖: '湖', 滨: '濱', 兴: '興', 丰: '豐', 泽: '澤', 万: '萬',
  恒: '恆', 绿: '綠', 洲: '洲', 峡: '峽', 金: '金', 域: '域', 蓝: '藍', 双: '雙', 杭: '杭', 鹭: '鷺', 单: '單', 元: '元',
  栋: '棟', 广: '廣', 场: '場', 纪: '紀', 滩: '灘', 阳: '陽', 罗: '羅', 岚: '嵐', 组: '組', 赖: '賴', 进: '進', 攀: '攀',
  钱: '錢', 便: '便', 尾: '尾', 看: '看', 北: '北', 港: '港', 庄: '莊', 铺: '鋪', 边: '邊', 闽: '閩', 侨: '僑',
  庆: '慶', 归: '歸', 关: '關', 仓: '倉', 盖: '蓋', 浦: '浦', 寺: '寺', 航: '航', 岸: '岸', 麟: '麟', 碧: '碧', 桂: '桂',
};
function toTraditional(s: string): string {
  let out = '';
  for (const ch of s) out += TRAD_MAP[ch] ?? ch;
  return out;
}

const TW_CITIES: readonly (readonly [string, string, readonly string[], readonly string[]])[] = [
  ['臺北市', 'A', ['大安區', '信義區', '中山區', '士林區', '內湖區', '松山區'], ['忠孝東路四段', '信義路五段', '中山北路二段', '民生東路三段', '復興南路一段', '羅斯福路三段']],
  ['新北市', 'F', ['板橋區', '新莊區', '中和區', '三重區', '永和區'], ['文化路一段', '中正路', '民族路', '中山路二段', '永貞路']],
  ['臺中市', 'B', ['西屯區', '北屯區', '南屯區', '北區'], ['臺灣大道三段', '文心路二段', '崇德路一段', '五權路']],
  ['高雄市', 'E', ['苓雅區', '三民區', '左營區', '前鎮區'], ['四維三路', '博愛二路', '建國一路', '中華五路']],
  ['臺南市', 'D', ['東區', '安平區', '北區'], ['大學路', '府前路一段', '中華東路三段']],
  ['桃園市', 'H', ['中壢區', '桃園區'], ['中大路', '中正路', '復興路']],
  ['新竹市', 'O', ['東區', '北區'], ['光復路二段', '中華路二段']],
  ['彰化縣', 'N', ['彰化市', '員林市'], ['中山路二段', '民生路']],
  ['宜蘭縣', 'G', ['宜蘭市', '羅東鎮'], ['中山路三段', '公正路']],
];
const TW_ZIP: Record<string, string> = { 大安區: '106', 信義區: '110', 中山區: '104', 板橋區: '220', 西屯區: '407', 苓雅區: '802', 東區: '701' };

function taiwanAddress(r: Rng): string {
  const [city, , districts, roads] = r.pick(TW_CITIES);
  const district = r.pick(districts);
  const zip = TW_ZIP[district];
  let s = (zip !== undefined && r.chance(0.3) ? zip : '') + city + district + r.pick(roads);
  if (r.chance(0.35)) s += `${r.int(1, 300)}巷`;
  if (r.chance(0.15)) s += `${r.int(1, 30)}弄`;
  s += `${r.int(1, 400)}號`;
  if (r.chance(0.6)) s += `${r.int(2, 18)}樓${r.chance(0.2) ? `之${r.int(1, 5)}` : ''}`;
  return s;
}

// Division codes used as ID address codes (all checked against the validators' division list).
const FUJIAN_CODES = ['350102', '350103', '350104', '350105', '350111', '350121', '350122', '350181', '350182', '350203', '350206', '350211', '350302', '350503', '350582', '350583', '350602', '350702', '350802', '350902', '350981'];
const OTHER_CODES = ['110101', '110105', '110108', '310101', '310115', '440106', '440305', '330106', '320102', '420106', '510107', '430104', '370202', '410105', '450103', '460105', '610113', '650102', '360102', '340104', '130102', '210102', '220102', '230102', '500103', '530102', '520102', '620102', '362201', '522601'];
for (const c of [...FUJIAN_CODES, ...OTHER_CODES, '350128']) {
  if (!isKnownDivisionCode(Number(c))) throw new Error(`division code ${c} is not on the list`);
}

function areaCode(r: Rng, pingtan = 0.4): string {
  const x = r.next();
  if (x < pingtan) return '350128';
  if (x < pingtan + (1 - pingtan) * 0.55) return r.pick(FUJIAN_CODES);
  return r.pick(OTHER_CODES);
}

const ymd8 = (b: Ymd): string => `${b.y}${pad(b.m)}${pad(b.d)}`;

/** A valid 18-character GB 11643 number for the address code (resident ID or 81/82/83 permit). */
function gbNumber(r: Rng, area: string, birth: Ymd, male: boolean): string {
  const order = pad(r.int(0, 99)) + String(male ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]));
  const body = area + ymd8(birth) + order;
  return body + mod11_2CheckChar(body);
}

/** An 18-digit number shaped like a resident ID but with a wrong check digit (never X). */
function idShapedWrongCheck(r: Rng, area: string, birth: Ymd): string {
  const body = area + ymd8(birth) + r.digits(3);
  const right = mod11_2CheckChar(body);
  let wrong = String(r.int(0, 9));
  while (wrong === right) wrong = String(r.int(0, 9));
  return body + wrong;
}

/** An 18-digit business number that does not happen to be a valid resident ID (redrawn if it is). */
function notAnId(make: () => string): string {
  for (;;) {
    const v = make();
    if (!validateCnResidentId(v).valid) return v;
  }
}

function legacyId15(r: Rng, area: string, birth: Ymd, male: boolean): string {
  return area + String(birth.y).slice(2) + pad(birth.m) + pad(birth.d) + pad(r.int(0, 99)) + String(male ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]));
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
function toFullWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const d = ch.charCodeAt(0) - 48;
    out += d >= 0 && d <= 9 ? FULL_WIDTH_DIGITS.charAt(d) : ch === 'X' ? 'Ｘ' : ch;
  }
  return out;
}

/** How an ID number ends up in an export: apostrophes, lower-case x, a few full-width digits. */
function messId(r: Rng, id: string, o: { apostrophe?: number; lowerX?: number; fullWidth?: number; tab?: number } = {}): string {
  let s = id;
  if (s.endsWith('X') && r.chance(o.lowerX ?? 0.35)) s = s.slice(0, -1) + 'x';
  if (r.chance(o.fullWidth ?? 0.015)) s = toFullWidth(s);
  else if (r.chance(o.apostrophe ?? 0.04)) s = "'" + s;
  else if (r.chance(o.tab ?? 0)) s = '\t' + s;
  return s;
}

const MOBILE_SEGMENTS = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'];

function mobile(r: Rng): string {
  for (;;) {
    const m = r.pick(MOBILE_SEGMENTS) + r.digits(8);
    if (mobileSegmentOf(m) !== null) return m;
  }
}

/** A mainland mobile as typed into real systems. `mess` scales the share of odd styles. */
function fmtMobile(r: Rng, m: string, mess = 1): string {
  const x = r.next() / mess;
  if (x < 0.06) return `+86 ${m}`;
  if (x < 0.09) return `+86${m}`;
  if (x < 0.1) return `0086${m}`;
  if (x < 0.17) return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  if (x < 0.22) return `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
  if (x < 0.23) return `(+86)${m}`;
  if (x < 0.24) return toFullWidth(m);
  return m;
}

const AREA_CODES: readonly (readonly [string, number])[] = [
  ['0591', 10], ['0592', 2], ['0595', 2], ['0594', 1], ['0596', 1], ['0593', 1], ['010', 1.5], ['021', 1.5], ['020', 1], ['0755', 1], ['0571', 1], ['025', 0.5],
];

/** A mainland landline in one of the styles seen in registries. */
function landline(r: Rng): string {
  const area = r.weighted(AREA_CODES);
  const local = String(r.int(2, 8)) + r.digits(area.length === 3 || r.chance(0.95) ? 7 : 6);
  const x = r.next();
  if (x < 0.38) return `${area}-${local}`;
  if (x < 0.46) return `${area} ${local}`;
  if (x < 0.54) return `(${area})${local}`;
  if (x < 0.57) return `（${area}）${local}`;
  if (x < 0.7) return `${area}${local}`;
  if (x < 0.76) return `${area}-${local}-${r.int(800, 8999)}`;
  if (x < 0.79) return `${area}-${local}转${r.int(100, 999)}`;
  if (x < 0.82) return `+86 ${area.slice(1)} ${local.slice(0, 4)} ${local.slice(4)}`;
  if (x < 0.88) return local; // no area code: a local number, as often typed
  if (x < 0.91) return `${area}-${local}/${mobile(r)}`;
  return mobile(r); // a mobile in the landline column
}

const CARD_BINS: readonly (readonly [string, number, number])[] = [
  // [BIN, total length, weight]
  ['622202', 19, 4], ['621700', 19, 3], ['622848', 19, 3], ['621661', 19, 2], ['623058', 19, 1], ['622908', 19, 1],
  ['621483', 16, 1], ['622588', 16, 1], ['625965', 16, 1], ['436742', 16, 0.5], ['955880', 19, 1], ['603367', 19, 0.5], ['621226', 19, 2],
];

function bankCard(r: Rng, luhnFail = 0.03): string {
  const [bin, len] = r.weighted(CARD_BINS.map(([b, l, w]) => [[b, l] as const, w] as const));
  const body = bin + r.digits(len - bin.length - 1);
  let check = 0;
  for (let d = 0; d <= 9; d++) {
    if (luhnCheck(body + String(d))) {
      check = d;
      break;
    }
  }
  // Some real UnionPay debit cards fail Luhn.
  if (r.chance(luhnFail)) check = (check + r.int(1, 9)) % 10;
  return body + String(check);
}

function fmtCard(r: Rng, c: string, o: { spaced?: number; tab?: number; apostrophe?: number } = {}): string {
  if (r.chance(o.spaced ?? 0.08)) return c.replace(/(\d{4})(?=\d)/g, '$1 ');
  if (r.chance(o.tab ?? 0)) return '\t' + c;
  if (r.chance(o.apostrophe ?? 0.03)) return "'" + c;
  return c;
}

function uscc(r: Rng, region: string): string {
  const kind = r.weighted([['91', 75], ['92', 15], ['93', 3], ['52', 4], ['12', 3]] as const);
  const org = r.chance(0.8) ? 'MA' + r.chars(7, USCC_ALPHABET) : r.chars(8, '0123456789') + r.chars(1, '0123456789X');
  const body = kind + region + org;
  return body + usccCheckChar(body);
}

const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const WMIS = ['LSV', 'LFV', 'LGB', 'LVS', 'LHG', 'LSG', 'LGW', 'LVV', 'LC0', 'LRW', 'LB3', 'LNB', 'LZW', 'LJD', 'LFM'];

function vin(r: Rng): string {
  const year = r.pick('EFGHJKLMNPR'.split(''));
  const head = r.pick(WMIS) + r.chars(5, VIN_CHARS);
  const tail = year + r.chars(1, VIN_CHARS) + r.digits(6);
  const draft = head + '0' + tail;
  // Check char: try each candidate and keep the one the check-character function agrees with.
  for (const c of '0123456789X') {
    const v = head + c + tail;
    if (vinCheckChar(v) === c) return v;
  }
  return draft;
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PLATE_SERIAL = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function plate(r: Rng): string {
  const [prov, letters] = r.weighted([
    [['闽', 'A'], 55], [['闽', 'D'], 8], [['闽', 'C'], 6], [['闽', 'B'], 3], [['闽', 'J'], 3], [['粤', PLATE_LETTERS.slice(0, 12)], 4],
    [['浙', 'ABC'], 3], [['京', 'ABCEFGHJKLMNPQ'], 2], [['沪', 'ABCDEFG'], 2], [['赣', 'ABC'], 2],
  ] as const);
  const head = prov + r.pick(letters.split(''));
  let serial: string;
  if (r.chance(0.18)) {
    // New-energy small car: D/F + letter/digit + 4 digits.
    serial = r.pick(['D', 'F']) + r.chars(1, PLATE_SERIAL) + r.digits(4);
  } else {
    const lettersIn = r.weighted([[0, 5], [1, 4], [2, 1]] as const);
    const chars = r.digits(5).split('');
    for (let k = 0; k < lettersIn; k++) chars[r.int(0, 4)] = r.chars(1, PLATE_LETTERS);
    serial = chars.join('');
  }
  const x = r.next();
  if (x < 0.05) return `${head}·${serial}`;
  if (x < 0.08) return `${head} ${serial}`;
  return head + serial;
}

function twNationalId(r: Rng, letter: string, male: boolean): string {
  const body = letter + (male ? '1' : '2') + r.digits(7);
  for (let d = 0; d <= 9; d++) if (validateTwNationalId(body + String(d)).valid) return body + String(d);
  throw new Error('no Taiwan ID check digit');
}

function hkId(r: Rng): string {
  const prefix = r.chance(0.9) ? r.pick('ACDEGHKMPRVYZ'.split('')) : 'X' + r.pick('ABCDEG'.split(''));
  const body = prefix + r.digits(6);
  for (const c of '0123456789A') {
    if (validateHkId(body + c).valid) {
      const x = r.next();
      if (x < 0.75) return `${body}(${c})`;
      if (x < 0.9) return body + c;
      if (x < 0.95) return `${body}（${c}）`;
      return `${body.toLowerCase()}(${c})`;
    }
  }
  throw new Error('no HKID check char');
}

function twMobile(r: Rng): string {
  const m = '09' + r.digits(8);
  const x = r.next();
  if (x < 0.45) return `${m.slice(0, 4)}-${m.slice(4, 7)}-${m.slice(7)}`;
  if (x < 0.75) return m;
  if (x < 0.85) return `+886 ${m.slice(1, 4)} ${m.slice(4, 7)} ${m.slice(7)}`;
  if (x < 0.93) return `+886-${m.slice(1, 4)}-${m.slice(4, 7)}-${m.slice(7)}`;
  if (x < 0.97) return `+886${m.slice(1)}`;
  return `${m.slice(0, 4)} ${m.slice(4, 7)} ${m.slice(7)}`;
}

const PINYIN = ['zhang', 'wang', 'li', 'chen', 'lin', 'huang', 'liu', 'wei', 'fang', 'ming', 'hua', 'jun', 'xiao', 'hong', 'yu', 'jie', 'ting', 'hao', 'lan', 'qing', 'zheng', 'you'];
const MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['qq.com', 30], ['163.com', 15], ['126.com', 8], ['sina.com', 3], ['foxmail.com', 4], ['gmail.com', 4], ['outlook.com', 3], ['139.com', 2], ['hotmail.com', 2], ['yeah.net', 1], ['pingtan.gov.cn', 1], ['fjpt.com.cn', 1],
];

function email(r: Rng): string {
  const domain = r.weighted(MAIL_DOMAINS);
  let local: string;
  if (domain === 'qq.com' && r.chance(0.7)) local = String(r.int(10000, 3999999999));
  else {
    local = r.pick(PINYIN) + (r.chance(0.5) ? r.pick(['', '.', '_']) + r.pick(PINYIN) : '') + (r.chance(0.6) ? String(r.int(1, 9999)) : '');
  }
  const s = `${local}@${domain}`;
  return r.chance(0.03) ? s.toUpperCase() : s;
}

function ipv4(r: Rng): string {
  const x = r.next();
  if (x < 0.25) return `192.168.${r.int(0, 20)}.${r.int(1, 254)}`;
  if (x < 0.4) return `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  if (x < 0.45) return `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  let a = r.int(1, 223);
  while (a === 10 || a === 127 || a === 172 || a === 192) a = r.int(1, 223);
  return `${a}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

function ipv6(r: Rng): string {
  const g = (): string => r.int(0, 0xffff).toString(16);
  const head = `${r.pick(['240e', '2408', '2409', '2001:da8'])}:${g()}:${g()}`;
  return r.chance(0.5) ? `${head}::${g()}` : `${head}:${g()}:${g()}:${g()}:${g()}:${g()}`.split(':').slice(0, 8).join(':');
}

function mac(r: Rng): string {
  const bytes: string[] = [];
  for (let i = 0; i < 6; i++) bytes.push(r.chars(2, HEX));
  const x = r.next();
  if (x < 0.5) return bytes.join(':').toUpperCase();
  if (x < 0.7) return bytes.join(':');
  if (x < 0.9) return bytes.join('-').toUpperCase();
  if (x < 0.95) return `${bytes[0]}${bytes[1]}.${bytes[2]}${bytes[3]}.${bytes[4]}${bytes[5]}`;
  return bytes.join('').toUpperCase();
}

function uuid(r: Rng): string {
  const h = r.chars(32, HEX);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'.charAt(r.int(0, 3))}${h.slice(17, 20)}-${h.slice(20)}`;
}

function ean13(r: Rng): string {
  const body = '69' + r.digits(10);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

const BCRYPT = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function passwordHash(r: Rng): string {
  if (r.chance(0.8)) return `$2${r.pick(['a', 'b', 'y'])}$${r.pick(['10', '10', '12'])}$${r.chars(53, BCRYPT)}`;
  return `pbkdf2_sha256$${r.pick(['260000', '320000', '600000'])}$${r.chars(12, ALNUM)}$${r.chars(43, ALNUM + '+/')}=`;
}

function apiKey(r: Rng): string {
  const x = r.next();
  if (x < 0.35) return 'sk-' + r.chars(48, ALNUM);
  if (x < 0.55) return 'LTAI' + r.chars(20, ALNUM);
  if (x < 0.7) return 'AKIA' + r.chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
  if (x < 0.85) return 'ghp_' + r.chars(36, ALNUM);
  return `xoxb-${r.digits(12)}-${r.digits(13)}-${r.chars(24, ALNUM)}`;
}

function amount(r: Rng, lo: number, hi: number, style: 'plain' | 'yuan' | 'comma' = 'plain'): string {
  const v = (r.int(Math.round(lo * 100), Math.round(hi * 100)) / 100).toFixed(2);
  if (style === 'yuan') return `¥${v}`;
  if (style === 'comma') return Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v;
}

function companyName(r: Rng): string {
  const brand = r.weighted([
    [['王老吉', '张小泉', '李宁', '周大福', '陈氏', '林记', '黄记', '老王', '刘一手', '郑氏', '吴裕泰', '杨国福'], 3],
    [['恒信', '海峡', '岚岛', '麒麟', '金井', '宏远', '鑫达', '华通', '蓝海', '闽台', '两岸', '润丰', '嘉禾', '捷顺'], 7],
  ] as const);
  const place = r.pick(['福建', '平潭', '福州', '平潭综合实验区', '厦门', '']);
  const trade = r.pick(['饮料', '贸易', '科技', '建筑工程', '物流', '餐饮管理', '旅游开发', '水产', '网络科技', '房地产开发', '医药', '电子商务', '石材', '船务', '文化传媒']);
  const suffix = r.weighted([['有限公司', 8], ['有限责任公司', 2], ['股份有限公司', 1], ['分公司', 1]] as const);
  if (r.chance(0.1)) return `平潭县${r.pick(brand)}${r.pick(['海鲜排档', '便利店', '五金店', '小吃店'])}`;
  return place + r.pick(brand) + trade + suffix;
}

const DEPARTMENTS = [
  '平潭综合实验区行政审批局', '平潭综合实验区社会事业局', '平潭综合实验区台胞服务中心', '平潭综合实验区市场监督管理局', '平潭县公安局出入境管理大队',
  '潭城镇人民政府', '苏澳镇便民服务中心', '平潭综合实验区人力资源服务中心', '金井片区管理局', '平潭县医疗保障局',
];
const STATUSES = ['已办结', '已办结', '已办结', '待审核', '受理中', '已退回', '补正材料', '已撤件'];
const EDUCATION = ['大学本科', '大专', '高中', '初中', '小学', '硕士研究生', '博士研究生', '中专', '文盲或半文盲', '技工学校'];
const MARITAL = ['未婚', '已婚', '已婚', '已婚', '离婚', '丧偶'];
const ETHNIC: readonly (readonly [string, number])[] = [['汉族', 93], ['畲族', 2], ['回族', 1], ['满族', 0.7], ['壮族', 0.7], ['苗族', 0.5], ['土家族', 0.5], ['维吾尔族', 1], ['蒙古族', 0.3], ['高山族', 0.3]];
const CITIES = ['福州市', '厦门市', '泉州市', '莆田市', '漳州市', '宁德市', '南平市', '三明市', '龙岩市', '平潭县', '上海市', '北京市', '深圳市', '杭州市', '广州市', '南京市', '成都市', '武汉市'];
const TW_ORIGINS = ['臺北市', '新北市', '臺中市', '高雄市', '臺南市', '桃園市', '新竹縣', '彰化縣', '屏東縣', '宜蘭縣', '金門縣', '澎湖縣', '嘉義市', '花蓮縣'];

const DIAGNOSES: readonly (readonly [string, string])[] = [
  ['2型糖尿病', 'E11.900'], ['原发性高血压', 'I10.x00'], ['急性上呼吸道感染', 'J06.900'], ['慢性胃炎', 'K29.500'], ['腰椎间盘突出症', 'M51.202'],
  ['冠状动脉粥样硬化性心脏病', 'I25.103'], ['社区获得性肺炎', 'J18.900'], ['高脂血症', 'E78.500'], ['支气管哮喘', 'J45.900'], ['过敏性鼻炎', 'J30.400'],
  ['龋齿', 'K02.900'], ['带状疱疹', 'B02.900'], ['甲状腺结节', 'E04.101'], ['抑郁状态', 'F32.900'], ['慢性乙型病毒性肝炎', 'B18.100'],
  ['痛风', 'M10.900'], ['缺铁性贫血', 'D50.900'], ['急性胃肠炎', 'K52.915'], ['颈椎病', 'M47.801'], ['失眠', 'G47.000'],
  ['尿路感染', 'N39.000'], ['早孕', 'Z32.100'], ['脑梗死', 'I63.900'], ['慢性阻塞性肺疾病', 'J44.900'], ['湿疹', 'L30.900'],
  ['骨质疏松', 'M81.900'], ['心房颤动', 'I48.x00'], ['胆囊结石', 'K80.200'], ['前列腺增生', 'N40.x00'], ['肺结核', 'A16.200'],
];
const DRUGS = [
  '二甲双胍片 0.5g*60片', '苯磺酸氨氯地平片 5mg*28片', '阿莫西林胶囊 0.25g*24粒', '奥美拉唑肠溶胶囊 20mg*14粒', '布洛芬缓释胶囊 0.3g*20粒',
  '阿托伐他汀钙片 20mg*7片', '硫酸氢氯吡格雷片 75mg*7片', '头孢克肟分散片 0.1g*6片', '甘精胰岛素注射液 300IU', '孟鲁司特钠片 10mg*5片',
  '恩替卡韦分散片 0.5mg*7片', '盐酸舍曲林片 50mg*14片', '连花清瘟胶囊 0.35g*24粒', '氯雷他定片 10mg*6片', '碳酸钙D3片 600mg*30片',
];
const GENOTYPES = [
  'CYP2C19 rs4244285 GA', 'CYP2C19*2/*2 (rs4244285 AA)', 'MTHFR C677T rs1801133 TT', 'rs1801133 CT', 'VKORC1 rs9923231 CT', 'ALDH2 rs671 GA',
  'SLCO1B1 rs4149056 TC', 'CYP2C9 rs1057910 AC', 'rs671 GG', 'rs4149056 TT', 'APOE rs429358 TC', 'rs1799853 CC',
];

// ---------------------------------------------------------------------------------------------
// Tables

type Truth = DetectorTypeId | 'decoy' | 'free_text';

interface Col<R> {
  header: string;
  truth: Truth;
  value: (row: R, i: number) => string;
  /** Share of empty cells; default 5–20 % drawn per column. */
  empty?: number;
  /** Share of cells with surrounding spaces; default 3 %. */
  spaces?: number;
  /** The cell written for an empty value (default ""). */
  blank?: string;
}

interface TableSpec<R> {
  file: string;
  title: string;
  encoding: 'utf8' | 'utf8bom' | 'gbk';
  delimiter: ',' | '\t';
  eol: '\n' | '\r\n';
  rows: number;
  row: (r: Rng, i: number) => R;
  columns: Col<R>[];
}

interface BuiltTable {
  file: string;
  title: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  truths: Truth[];
  cells: string[][];
}

function build<R>(spec: TableSpec<R>, seed: number): BuiltTable {
  const r = new Rng(seed);
  const emptyRates = spec.columns.map((c) => c.empty ?? 0.05 + r.next() * 0.15);
  const cells: string[][] = [];
  for (let i = 0; i < spec.rows; i++) {
    const row = spec.row(r, i);
    const out: string[] = [];
    spec.columns.forEach((c, k) => {
      let v = c.value(row, i);
      if (r.chance(emptyRates[k] as number) || v === '') v = c.blank ?? '';
      else if (r.chance(c.spaces ?? 0.03)) {
        const x = r.next();
        v = x < 0.5 ? `${v} ` : x < 0.8 ? ` ${v}` : `  ${v}  `;
      }
      out.push(v);
    });
    cells.push(out);
  }
  return {
    file: spec.file,
    title: spec.title,
    encoding: spec.encoding,
    delimiter: spec.delimiter === '\t' ? 'tab' : 'comma',
    headers: spec.columns.map((c) => c.header),
    truths: spec.columns.map((c) => c.truth),
    cells,
  };
}

function serialize<R>(spec: TableSpec<R>, t: BuiltTable): Buffer {
  const d = spec.delimiter;
  const quote = (v: string): string => (v.includes(d) || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [t.headers.map(quote).join(d), ...t.cells.map((row) => row.map(quote).join(d))];
  const text = lines.join(spec.eol) + spec.eol;
  if (spec.encoding === 'gbk') {
    const buf = iconv.encode(text, 'gbk');
    if (iconv.decode(buf, 'gbk') !== text) throw new Error(`${spec.file}: text does not round-trip through GBK`);
    return buf;
  }
  return Buffer.from((spec.encoding === 'utf8bom' ? '\uFEFF' : '') + text, 'utf8');
}

interface Person {
  name: string;
  gender: Gender;
  birth: Ymd;
  area: string;
  id: string;
  ethnic: string;
  mobile: string;
  address: string;
}

function person(r: Rng, o: { fromYear?: number; toYear?: number; pingtan?: number; addressPingtan?: number } = {}): Person {
  const gender: Gender = r.chance(0.51) ? '男' : '女';
  const ethnic = r.weighted(ETHNIC);
  const birth = dateBetween(r, o.fromYear ?? 1945, o.toYear ?? 2005);
  const area = ethnic === '维吾尔族' ? '650102' : areaCode(r, o.pingtan ?? 0.4);
  return {
    name: ethnic === '维吾尔族' ? dotName(r) : cnName(r, gender),
    gender,
    birth,
    area,
    id: gbNumber(r, area, birth, gender === '男'),
    ethnic,
    mobile: mobile(r),
    address: mainlandAddress(r, o.addressPingtan ?? 0.45),
  };
}

// Small fixed pools (staff, doctors) drawn once per table.
function pool<T>(r: Rng, n: number, make: (r: Rng) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(make(r));
  return out;
}

function tables(seed: number): TableSpec<unknown>[] {
  const specs: TableSpec<unknown>[] = [];
  const add = <R,>(spec: TableSpec<R>): void => {
    specs.push(spec as unknown as TableSpec<unknown>);
  };
  const staffRng = new Rng(seed ^ 0x5a5a5a5a);
  const doctors = pool(staffRng, 28, (r) => cnName(r, r.chance(0.5) ? '男' : '女'));
  const clerks = pool(staffRng, 9, (r) => cnName(r, r.chance(0.5) ? '男' : '女'));
  const couriers = pool(staffRng, 40, (r) => cnName(r, '男'));

  // 1. 户籍人口信息 ---------------------------------------------------------------------------
  {
    type R = Person & { hh: string; legacy: boolean; reg: Ymd; rel: string; edu: string; mar: string; note: string };
    let household = 350128000;
    add({
      file: '户籍人口信息_20240531.csv',
      title: '户籍人口信息',
      encoding: 'utf8bom',
      delimiter: ',',
      eol: '\r\n',
      rows: 3000,
      row: (r, i): R => {
        if (i === 0 || r.chance(0.35)) household += r.int(1, 40);
        const p = person(r, { fromYear: 1938, toYear: 2023, pingtan: 0.85, addressPingtan: 0.9 });
        const legacy = p.birth.y < 1990 && r.chance(0.025);
        return {
          ...p,
          hh: String(household),
          legacy,
          reg: dateBetween(r, 1995, 2024),
          rel: r.pick(['户主', '配偶', '子', '女', '父亲', '母亲', '孙子', '孙女', '儿媳', '女婿', '兄弟姐妹']),
          edu: r.pick(EDUCATION),
          mar: p.birth.y > 2004 ? '未婚' : r.pick(MARITAL),
          note: r.chance(0.7) ? '' : r.pick(['迁入', '户口迁出至福州市鼓楼区', '长期外出务工', '低保户', '退役军人', `联系人${cnName(r, '女')} ${mobile(r)}`, '已注销', '随迁子女', '现住厦门市思明区']),
        };
      },
      columns: [
        { header: '序号', truth: 'decoy', value: (_p, i) => String(i + 1), empty: 0, spaces: 0 },
        { header: '户号', truth: 'decoy', value: (p: R) => p.hh },
        { header: '姓名', truth: 'person_name', value: (p: R) => p.name },
        { header: '性别', truth: 'decoy', value: (p: R) => p.gender },
        { header: '民族', truth: 'decoy', value: (p: R) => p.ethnic },
        { header: '出生日期', truth: 'decoy', value: (p: R) => fmtDate(p.birth, 'iso') },
        { header: '公民身份号码', truth: 'cn_resident_id', value: (p: R, i) => messId(new Rng(seed + i * 7), p.legacy ? legacyId15(new Rng(i), p.area, p.birth, p.gender === '男') : p.id) },
        { header: '与户主关系', truth: 'decoy', value: (p: R) => p.rel },
        { header: '文化程度', truth: 'decoy', value: (p: R) => p.edu },
        { header: '婚姻状况', truth: 'decoy', value: (p: R) => p.mar },
        { header: '户籍地址', truth: 'address', value: (p: R) => p.address },
        { header: '联系电话', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 13), p.mobile) },
        { header: '登记日期', truth: 'decoy', value: (p: R) => fmtDate(p.reg, 'slash') },
        { header: '备注', truth: 'free_text', value: (p: R) => p.note, empty: 0 },
      ],
    });
  }

  // 2. 社保参保缴费 (GBK, pinyin headers, padded CHAR columns) -----------------------------------
  {
    type R = Person & { grbh: string; company: string; usccCode: string; card: string; base: string; ym: string; xz: string; jbjg: string; lsh: string };
    const companies = pool(new Rng(seed + 21), 120, (r) => ({ name: companyName(r), code: uscc(r, r.pick(['350128', '350128', '350102', '350181', '350104'])) }));
    const counties = ['0128', '0102', '0181', '0121', '0104'];
    let serial = 0;
    add({
      file: 'shebao_jfmx_2024.csv',
      title: '社保参保缴费明细',
      encoding: 'gbk',
      delimiter: ',',
      eol: '\r\n',
      rows: 2000,
      row: (r): R => {
        const p = person(r, { fromYear: 1962, toYear: 2004, pingtan: 0.6 });
        const c = r.pick(companies);
        const ym = `2024${pad(r.int(1, 5))}`;
        // 业务流水号: agency region code + business date + 4-digit serial — ID-shaped; skip serials that would pass MOD 11-2.
        let lsh: string;
        do {
          serial++;
          const day = { y: 2024, m: Number(ym.slice(4)), d: r.int(1, 28) };
          lsh = '350128' + ymd8(day) + pad(serial % 10000, 4);
        } while (validateCnResidentId(lsh).valid);
        return {
          ...p,
          grbh: '135' + r.pick(counties) + pad(r.int(1, 9999), 4),
          company: c.name,
          usccCode: c.code,
          card: bankCard(r),
          base: amount(r, 2030, 24000),
          ym,
          xz: r.pick(['企业职工基本养老保险', '失业保险', '工伤保险', '职工基本医疗保险', '城乡居民养老保险']),
          jbjg: r.pick(['平潭县社会保险中心', '平潭综合实验区社会保险服务中心', '福州市社会保险管理中心']),
          lsh,
        };
      },
      columns: [
        { header: 'grbh', truth: 'decoy', value: (p: R) => p.grbh },
        { header: 'xm', truth: 'person_name', value: (p: R) => p.name.padEnd(10, ' '), spaces: 0 },
        { header: 'xb', truth: 'decoy', value: (p: R) => (p.gender === '男' ? '1' : '2') },
        { header: 'sfzh', truth: 'cn_resident_id', value: (p: R, i) => messId(new Rng(seed + i * 17), p.id, { apostrophe: 0.08 }) },
        { header: 'csrq', truth: 'decoy', value: (p: R) => fmtDate(p.birth, 'compact') },
        { header: 'lxdh', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 19), p.mobile) },
        { header: 'dz', truth: 'address', value: (p: R) => p.address.padEnd(40, ' '), spaces: 0 },
        { header: 'dwmc', truth: 'decoy', value: (p: R) => p.company },
        { header: 'dwbm', truth: 'cn_uscc', value: (p: R) => p.usccCode },
        { header: 'xzlx', truth: 'decoy', value: (p: R) => p.xz },
        { header: 'jfjs', truth: 'decoy', value: (p: R) => p.base },
        { header: 'jfny', truth: 'decoy', value: (p: R) => p.ym },
        { header: 'yhzh', truth: 'bank_card', value: (p: R, i) => fmtCard(new Rng(seed + i * 23), p.card) },
        { header: 'jbjg', truth: 'decoy', value: (p: R) => p.jbjg },
        { header: 'ywlsh', truth: 'decoy', value: (p: R) => p.lsh, empty: 0.02 },
      ],
    });
  }

  // 3. 医院门诊就诊记录 -----------------------------------------------------------------------
  {
    type R = Person & { mzh: string; dept: string; doctor: string; dx: readonly [string, string]; drug: string; gene: string; complaint: string; t: number; fee: string; ins: string; age: number };
    add({
      file: '门诊就诊记录_202405.csv',
      title: '医院门诊就诊记录',
      encoding: 'utf8',
      delimiter: ',',
      eol: '\n',
      rows: 1500,
      row: (r, i): R => {
        const p = person(r, { fromYear: 1940, toYear: 2020, pingtan: 0.7 });
        const t = instant(r, Date.UTC(2024, 4, 1), Date.UTC(2024, 4, 31));
        const day = ymdOf(t);
        const dx = r.pick(DIAGNOSES);
        return {
          ...p,
          mzh: '1' + String(day.y).slice(2) + pad(day.m) + pad(day.d) + pad(i % 10000, 4),
          dept: r.pick(['内科', '心血管内科', '呼吸内科', '消化内科', '内分泌科', '普外科', '骨科', '儿科', '妇产科', '眼科', '耳鼻喉科', '口腔科', '皮肤科', '中医科', '急诊科', '康复医学科']),
          doctor: r.pick(doctors),
          dx,
          drug: r.pick(DRUGS) + (r.chance(0.3) ? '；' + r.pick(DRUGS) : ''),
          gene: r.chance(0.05) ? '未检测' : r.pick(GENOTYPES),
          complaint: r.pick(['咳嗽3天', '头晕乏力1周', '腹痛伴腹泻2天', '复诊取药', '发热1天，最高38.5℃', '腰痛伴左下肢麻木', '体检发现血糖升高', '胸闷气短半月', '皮疹瘙痒', '']),
          t,
          fee: amount(r, 12, 3800),
          ins: r.pick(['城镇职工', '城乡居民', '自费', '异地医保', '商业保险']),
          age: 2024 - p.birth.y,
        };
      },
      columns: [
        { header: '门诊号', truth: 'decoy', value: (p: R) => p.mzh, empty: 0 },
        { header: '患者姓名', truth: 'person_name', value: (p: R) => p.name },
        { header: '性别', truth: 'decoy', value: (p: R) => p.gender },
        { header: '年龄', truth: 'decoy', value: (p: R) => `${p.age}岁` },
        { header: '身份证号', truth: 'cn_resident_id', value: (p: R, i) => messId(new Rng(seed + i * 29), p.id) },
        { header: '联系电话', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 31), p.mobile, 1.6) },
        { header: '就诊科室', truth: 'decoy', value: (p: R) => p.dept },
        { header: '接诊医生', truth: 'person_name', value: (p: R) => p.doctor },
        { header: '诊断', truth: 'medical_record', value: (p: R) => p.dx[0] },
        { header: 'ICD10', truth: 'medical_record', value: (p: R) => p.dx[1] },
        { header: '处方药品', truth: 'medical_record', value: (p: R) => p.drug },
        { header: '药物基因检测', truth: 'genetic_data', value: (p: R) => p.gene },
        { header: '主诉', truth: 'free_text', value: (p: R) => p.complaint },
        { header: '就诊时间', truth: 'decoy', value: (p: R) => fmtTime(p.t, 'iso') },
        { header: '费用合计', truth: 'decoy', value: (p: R) => p.fee },
        { header: '医保类型', truth: 'decoy', value: (p: R) => p.ins },
        { header: '家庭住址', truth: 'address', value: (p: R) => p.address },
      ],
    });
  }

  // 4. 企业登记信息 ---------------------------------------------------------------------------
  {
    type R = { name: string; code: string; regNo: string; rep: Person; kind: string; capital: string; founded: Ymd; addr: string; scope: string; authority: string; state: string; phone: string; zip: string; mail: string; industry: string };
    add({
      file: '企业登记信息.csv',
      title: '企业登记信息',
      encoding: 'utf8',
      delimiter: ',',
      eol: '\r\n',
      rows: 800,
      row: (r): R => {
        const region = r.pick(['350128', '350128', '350128', '350102', '350181', '350104']);
        // Old 15-digit registration number: authority region + type digit + 7-digit serial + check.
        const regNo = region + r.pick(['1', '2', '4', '6']) + r.digits(7) + String(r.int(0, 9));
        return {
          name: companyName(r),
          code: uscc(r, region),
          regNo,
          rep: person(r, { fromYear: 1955, toYear: 2000 }),
          kind: r.pick(['有限责任公司(自然人独资)', '有限责任公司(自然人投资或控股)', '个体工商户', '股份有限公司(非上市)', '有限责任公司(台港澳法人独资)', '分公司']),
          capital: String(r.pick([10, 30, 50, 100, 200, 300, 500, 1000, 2000, 5000])),
          founded: dateBetween(r, 2001, 2024),
          addr: mainlandAddress(r, 0.8),
          scope: r.pick(['一般项目：食品销售；技术服务、技术开发、技术咨询。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）', '饮料生产；预包装食品批发', '海水养殖；水产品批发', '软件开发；信息系统集成服务', '对台小额贸易；日用百货销售', '旅游业务；酒店管理']),
          authority: r.pick(['平潭综合实验区市场监督管理局', '福州市市场监督管理局', '福清市市场监督管理局']),
          state: r.pick(['存续', '存续', '在业', '注销', '吊销，未注销', '迁出']),
          phone: landline(r),
          zip: r.pick(['350400', '350400', '350001', '350300', '350200', '350003']),
          mail: email(r),
          industry: r.pick(['F5191', 'C1523', 'A0411', 'I6513', 'F5123', 'L7212', 'H6110', 'E4790']),
        };
      },
      columns: [
        { header: '企业名称', truth: 'decoy', value: (p: R) => p.name, empty: 0.01 },
        { header: '统一社会信用代码', truth: 'cn_uscc', value: (p: R) => p.code },
        { header: '注册号', truth: 'decoy', value: (p: R) => p.regNo },
        { header: '法定代表人', truth: 'person_name', value: (p: R) => p.rep.name },
        { header: 'fddbrzjhm', truth: 'cn_resident_id', value: (p: R, i) => messId(new Rng(seed + i * 37), p.rep.id) },
        { header: '企业类型', truth: 'decoy', value: (p: R) => p.kind },
        { header: '注册资本（万元）', truth: 'decoy', value: (p: R) => p.capital },
        { header: '成立日期', truth: 'decoy', value: (p: R) => fmtDate(p.founded, 'cn') },
        { header: '住所', truth: 'address', value: (p: R) => p.addr },
        { header: '经营范围', truth: 'free_text', value: (p: R) => p.scope },
        { header: '登记机关', truth: 'decoy', value: (p: R) => p.authority },
        { header: '登记状态', truth: 'decoy', value: (p: R) => p.state },
        { header: '联系电话', truth: 'cn_landline', value: (p: R) => p.phone },
        { header: '邮政编码', truth: 'decoy', value: (p: R) => p.zip },
        { header: '电子邮箱', truth: 'email', value: (p: R) => p.mail },
        { header: '行业代码', truth: 'decoy', value: (p: R) => p.industry },
      ],
    });
  }

  // 5. 银行交易流水 (GBK) ---------------------------------------------------------------------
  {
    const holders = pool(new Rng(seed + 51), 220, (r) => ({ p: person(r, { fromYear: 1955, toYear: 2004 }), card: bankCard(r) }));
    type R = { serial: string; t: number; holder: (typeof holders)[number]; amt: string; bal: string; cur: string; memo: string; cpAcct: string; cpName: string; cpBank: string; channel: string; note: string };
    add({
      file: 'yhjyls_gbk.csv',
      title: '银行交易流水',
      encoding: 'gbk',
      delimiter: ',',
      eol: '\r\n',
      rows: 3000,
      row: (r): R => {
        const t = instant(r);
        const day = ymdOf(t);
        const holder = r.pick(holders);
        const corporate = r.chance(0.2);
        const cp = person(r);
        return {
          serial: ymd8(day) + r.digits(11),
          t,
          holder,
          amt: (r.chance(0.45) ? '-' : '') + amount(r, 1, 50000),
          bal: amount(r, 0, 300000, r.chance(0.5) ? 'comma' : 'plain'),
          cur: r.pick(['人民币', '人民币', 'CNY']),
          memo: r.pick(['转账', '消费', '工资', '跨行转出', '网银转入', 'ATM取款', '利息', '快捷支付', '代发工资', '还款']),
          cpAcct: corporate ? '3505' + r.digits(16) : bankCard(r),
          cpName: corporate ? companyName(r) : cp.name,
          cpBank: r.pick(['中国工商银行福州五一支行', '中国建设银行平潭支行', '中国农业银行平潭县支行', '兴业银行福州分行营业部', '招商银行厦门分行', '中国银行平潭分行', '福建海峡银行平潭支行']),
          channel: r.pick(['手机银行', '网上银行', 'ATM', '柜面', '快捷支付', 'POS']),
          note: r.chance(0.6) ? '' : r.pick(['房租', '货款', `还${cnName(r, '男')}借款`, '生活费', '报销', '微信提现', '支付宝转账']),
        };
      },
      columns: [
        { header: '交易流水号', truth: 'decoy', value: (p: R) => p.serial, empty: 0 },
        { header: '交易时间', truth: 'decoy', value: (p: R) => fmtTime(p.t, 'iso'), empty: 0 },
        { header: '卡号', truth: 'bank_card', value: (p: R, i) => fmtCard(new Rng(seed + i * 41), p.holder.card, { tab: 0.05, spaced: 0.02 }) },
        { header: '户名', truth: 'person_name', value: (p: R) => p.holder.p.name },
        { header: 'zjhm', truth: 'cn_resident_id', value: (p: R, i) => messId(new Rng(seed + i * 43), p.holder.p.id, { tab: 0.05 }) },
        { header: '交易金额', truth: 'decoy', value: (p: R) => p.amt },
        { header: '账户余额', truth: 'decoy', value: (p: R) => p.bal },
        { header: '币种', truth: 'decoy', value: (p: R) => p.cur },
        { header: '摘要', truth: 'decoy', value: (p: R) => p.memo },
        { header: 'F7', truth: 'bank_card', value: (p: R) => p.cpAcct },
        { header: '对方户名', truth: 'person_name', value: (p: R) => p.cpName },
        { header: '对方行名', truth: 'decoy', value: (p: R) => p.cpBank },
        { header: '交易渠道', truth: 'decoy', value: (p: R) => p.channel },
        { header: '附言', truth: 'free_text', value: (p: R) => p.note, empty: 0 },
      ],
    });
  }

  // 6. 机动车登记 -----------------------------------------------------------------------------
  {
    type R = { owner: Person; plate: string; kind: string; vin: string; brand: string; color: string; engine: string; first: Ymd; inspect: Ymd; use: string; state: string; phone: string };
    add({
      file: '机动车登记信息.csv',
      title: '机动车登记',
      encoding: 'utf8',
      delimiter: ',',
      eol: '\n',
      rows: 1200,
      row: (r): R => {
        const p = plate(r);
        const first = dateBetween(r, 2008, 2024);
        return {
          owner: person(r, { fromYear: 1950, toYear: 2004 }),
          plate: p,
          kind: p.replace(/[·\s]/g, '').length === 8 ? '小型新能源汽车' : r.pick(['小型汽车', '小型汽车', '小型汽车', '大型汽车', '普通摩托车']),
          vin: vin(r),
          brand: r.pick(['大众牌FV7152BBDBG', '丰田牌TV7201', '比亚迪牌BYD7006BEV', '本田牌HG7150', '吉利牌MR7152', '长安牌SC7164', '特斯拉牌TSL7000BEV', '五菱牌LZW6432']),
          color: r.pick(['白', '黑', '银', '灰', '红', '蓝', '白色', '黑色']),
          engine: r.chars(r.int(2, 4), 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789') + r.digits(r.int(5, 8)),
          first,
          inspect: { y: Math.min(first.y + r.int(2, 8), 2030), m: first.m, d: Math.min(first.d, 28) },
          use: r.pick(['非营运', '非营运', '非营运', '出租客运', '预约出租客运', '货运']),
          state: r.pick(['正常', '正常', '正常', '违法未处理', '逾期未检验', '抵押']),
          phone: r.chance(0.05) ? landline(r) : '',
        };
      },
      columns: [
        { header: '号牌号码', truth: 'cn_license_plate', value: (p: R) => p.plate, empty: 0.01 },
        { header: '号牌种类', truth: 'decoy', value: (p: R) => p.kind },
        { header: 'F3', truth: 'vin', value: (p: R) => p.vin },
        { header: '车辆品牌型号', truth: 'decoy', value: (p: R) => p.brand },
        { header: '车身颜色', truth: 'decoy', value: (p: R) => p.color },
        { header: '机动车所有人', truth: 'person_name', value: (p: R) => p.owner.name },
        { header: '身份证明号码', truth: 'cn_resident_id', value: (p: R, i) => messId(new Rng(seed + i * 47), p.owner.id) },
        { header: '发动机号', truth: 'decoy', value: (p: R) => p.engine },
        { header: '初次登记日期', truth: 'decoy', value: (p: R) => fmtDate(p.first, 'iso') },
        { header: '检验有效期止', truth: 'decoy', value: (p: R) => fmtDate(p.inspect, 'iso') },
        { header: '住所地址', truth: 'address', value: (p: R) => p.owner.address },
        { header: '联系电话', truth: 'cn_mobile', value: (p: R, i) => (p.phone !== '' ? p.phone : fmtMobile(new Rng(seed + i * 53), p.owner.mobile)) },
        { header: '使用性质', truth: 'decoy', value: (p: R) => p.use },
        { header: '状态', truth: 'decoy', value: (p: R) => p.state },
      ],
    });
  }

  // 7. 台胞服务办件 (Traditional headers and names) -------------------------------------------
  {
    type R = { no: string; name: string; gender: Gender; tbz: string; jzz: string; twid: string; twm: string; cnm: string; addr: string; origin: string; item: string; state: string; dept: string; t: number; clerk: string; opinion: string };
    let caseNo = 0;
    add({
      file: '台胞服务办件_2024.csv',
      title: '台胞服务办件',
      encoding: 'utf8bom',
      delimiter: ',',
      eol: '\r\n',
      rows: 600,
      row: (r): R => {
        const male = r.chance(0.55);
        const [origin, letter] = r.pick(TW_CITIES);
        const birth = dateBetween(r, 1950, 2004);
        const t = instant(r);
        caseNo++;
        const lifelong = r.digits(8);
        const x = r.next();
        const tbz = x < 0.85 ? lifelong : x < 0.95 ? lifelong + pad(r.int(1, 6)) : `${lifelong}(${r.pick(['B', 'K', 'H'])})`;
        return {
          no: `TB${ymd8(ymdOf(t))}${pad(caseNo, 4)}`,
          name: twName(r),
          gender: male ? '男' : '女',
          tbz,
          jzz: gbNumber(r, '830000', birth, male),
          twid: twNationalId(r, letter, male),
          twm: twMobile(r),
          cnm: mobile(r),
          addr: r.chance(0.55) ? taiwanAddress(r) : toTraditional(mainlandAddress(r, 0.85)),
          origin: r.chance(0.8) ? origin : r.pick(TW_ORIGINS),
          item: r.pick(['台胞證換補發', '臺灣居民居住證申領', '台胞就業創業補貼申請', '個人所得稅差額補貼', '台胞購房補貼', '台胞子女入學', '社保參保登記']),
          state: r.pick(STATUSES),
          dept: r.pick(DEPARTMENTS),
          t,
          clerk: r.pick(clerks),
          opinion: r.pick(['', '', '材料齊全，同意受理', '請補充居住證影本', '已電話告知申請人', '符合條件，准予補貼', '退回：身分證明文件過期']),
        };
      },
      columns: [
        { header: '辦件編號', truth: 'decoy', value: (p: R) => p.no, empty: 0 },
        { header: '申請人姓名', truth: 'person_name', value: (p: R) => p.name },
        { header: '性別', truth: 'decoy', value: (p: R) => p.gender },
        { header: '台胞證號碼', truth: 'tw_travel_permit', value: (p: R) => p.tbz },
        { header: '居住證號碼', truth: 'tw_residence_permit', value: (p: R, i) => messId(new Rng(seed + i * 59), p.jzz) },
        { header: '身分證字號', truth: 'tw_national_id', value: (p: R, i) => (new Rng(seed + i * 61).chance(0.03) ? p.twid.toLowerCase() : p.twid) },
        { header: '行動電話', truth: 'tw_mobile', value: (p: R) => p.twm },
        { header: '大陸手機', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 67), p.cnm) },
        { header: '聯絡地址', truth: 'address', value: (p: R) => p.addr },
        { header: '原籍', truth: 'decoy', value: (p: R) => p.origin },
        { header: '事項名稱', truth: 'decoy', value: (p: R) => p.item },
        { header: '辦件狀態', truth: 'decoy', value: (p: R) => p.state },
        { header: '受理部門', truth: 'decoy', value: (p: R) => p.dept },
        { header: '受理時間', truth: 'decoy', value: (p: R) => fmtTime(p.t, 'slash') },
        { header: '承辦人', truth: 'person_name', value: (p: R) => p.clerk },
        { header: '辦理意見', truth: 'free_text', value: (p: R) => p.opinion, empty: 0 },
      ],
    });
  }

  // 8. 快递物流运单 (TSV) ---------------------------------------------------------------------
  {
    type R = { waybill: string; s: Person; rcv: Person; city: string; kg: string; n: string; fee: string; t: number; geo: string; site: string; courier: string; goods: string; note: string };
    add({
      file: 'kuaidi_yundan_202406.tsv',
      title: '快递物流运单',
      encoding: 'utf8',
      delimiter: '\t',
      eol: '\n',
      rows: 2500,
      row: (r): R => {
        const carrier = r.next();
        const waybill = carrier < 0.35 ? '77' + r.digits(13) : carrier < 0.7 ? '7' + r.digits(14) : carrier < 0.9 ? '43' + r.digits(13) : 'SF' + r.digits(13);
        const pingtanSite = r.chance(0.7);
        const lat = pingtanSite ? 25.43 + r.next() * 0.2 : 26.0 + r.next() * 0.1;
        const lng = pingtanSite ? 119.6 + r.next() * 0.3 : 119.2 + r.next() * 0.2;
        const dec = r.chance(0.85) ? 6 : 5;
        return {
          waybill,
          s: person(r, { addressPingtan: 0.7 }),
          rcv: person(r, { addressPingtan: 0.2 }),
          city: r.pick(CITIES),
          kg: (r.int(1, 300) / 10).toFixed(1),
          n: String(r.weighted([[1, 80], [2, 12], [3, 5], [5, 3]] as const)),
          fee: amount(r, 6, 120),
          t: instant(r, Date.UTC(2024, 5, 1), Date.UTC(2024, 5, 30)),
          geo: `${lng.toFixed(dec)},${lat.toFixed(dec)}`,
          site: '350128' + pad(r.int(1, 40), 3),
          courier: r.pick(couriers),
          goods: r.pick(['文件', '日用品', '服装', '食品', '电子产品', '海鲜干货', '药品', '书籍']),
          note: r.pick(['', '', '', '放门卫', '易碎品', '到付', '周末不送', '电话联系后派送']),
        };
      },
      columns: [
        { header: '运单号', truth: 'decoy', value: (p: R) => p.waybill, empty: 0 },
        { header: '寄件人', truth: 'person_name', value: (p: R) => p.s.name },
        { header: '寄件人电话', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 71), p.s.mobile) },
        { header: '寄件地址', truth: 'address', value: (p: R) => p.s.address },
        { header: '收件人', truth: 'person_name', value: (p: R) => p.rcv.name },
        { header: '收件人电话', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 73), p.rcv.mobile) },
        { header: '收件地址', truth: 'address', value: (p: R) => p.rcv.address },
        { header: '目的城市', truth: 'decoy', value: (p: R) => p.city },
        { header: '重量(kg)', truth: 'decoy', value: (p: R) => p.kg },
        { header: '件数', truth: 'decoy', value: (p: R) => p.n },
        { header: '运费', truth: 'decoy', value: (p: R) => p.fee },
        { header: '揽收时间', truth: 'decoy', value: (p: R) => fmtTime(p.t, 'iso') },
        { header: '揽收坐标', truth: 'geo_coordinate', value: (p: R) => p.geo },
        { header: '网点编码', truth: 'decoy', value: (p: R) => p.site },
        { header: '快递员', truth: 'person_name', value: (p: R) => p.courier },
        { header: '物品类型', truth: 'decoy', value: (p: R) => p.goods },
        { header: '备注', truth: 'free_text', value: (p: R) => p.note, empty: 0 },
      ],
    });
  }

  // 9. 酒店入住登记 (GBK, mixed document column) ---------------------------------------------
  {
    type R = { room: string; g: Person; docType: string; docNo: string; tin: number; nights: number; price: string; order: string; plate: string; mate: string; nation: string };
    add({
      file: '酒店入住登记_gbk.csv',
      title: '酒店入住登记',
      encoding: 'gbk',
      delimiter: ',',
      eol: '\r\n',
      rows: 1000,
      row: (r): R => {
        const g = person(r, { fromYear: 1950, toYear: 2006, pingtan: 0.15 });
        const x = r.next();
        let docType = '居民身份证';
        let docNo = messId(r, g.id);
        let nation = '中国';
        if (x > 0.88 && x <= 0.93) {
          docType = '港澳居民来往内地通行证';
          docNo = r.pick(['H', 'M']) + r.digits(8) + (r.chance(0.7) ? pad(r.int(0, 3)) : '');
          nation = r.pick(['中国香港', '中国澳门']);
        } else if (x > 0.93 && x <= 0.97) {
          docType = '台湾居民来往大陆通行证';
          docNo = r.digits(8);
          g.name = twName(r);
          nation = '中国台湾';
        } else if (x > 0.97) {
          docType = '护照';
          docNo = r.chance(0.7) ? 'E' + r.chars(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') + r.digits(7) : 'G' + r.digits(8);
        }
        const tin = instant(r);
        return {
          room: `${r.int(2, 18)}${pad(r.int(1, 36))}`,
          g,
          docType,
          docNo,
          tin,
          nights: r.weighted([[1, 60], [2, 25], [3, 10], [5, 5]] as const),
          price: amount(r, 168, 1288),
          order: notAnId(() => fmtTime(tin, 'compact').slice(2) + r.digits(6)),
          plate: r.chance(0.75) ? plate(r) : '',
          mate: r.chance(0.85) ? cnName(r, r.chance(0.5) ? '男' : '女') : '',
          nation,
        };
      },
      columns: [
        { header: '房号', truth: 'decoy', value: (p: R) => p.room, empty: 0 },
        { header: '姓名', truth: 'person_name', value: (p: R) => p.g.name },
        { header: '性别', truth: 'decoy', value: (p: R) => p.g.gender },
        { header: '证件类型', truth: 'decoy', value: (p: R) => p.docType },
        { header: '证件号码', truth: 'cn_resident_id', value: (p: R) => p.docNo },
        { header: '国籍/地区', truth: 'decoy', value: (p: R) => p.nation },
        { header: '民族', truth: 'decoy', value: (p: R) => p.g.ethnic },
        { header: '字段7', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 79), p.g.mobile) },
        { header: '地址', truth: 'address', value: (p: R) => p.g.address },
        { header: '入住时间', truth: 'decoy', value: (p: R) => fmtTime(p.tin, 'iso') },
        { header: '离店时间', truth: 'decoy', value: (p: R) => fmtTime(p.tin + p.nights * 86_400_000 - 3 * 3_600_000, 'iso') },
        { header: '房价', truth: 'decoy', value: (p: R) => p.price },
        { header: '订单编号', truth: 'decoy', value: (p: R) => p.order },
        { header: '车牌号', truth: 'cn_license_plate', value: (p: R) => p.plate },
        { header: '同住人', truth: 'person_name', value: (p: R) => p.mate },
      ],
    });
  }

  // 10. 电商订单 (English and misleading headers) ---------------------------------------------
  {
    type R = { no: string; t: number; buyer: Person; ean: string; goods: string; qty: string; amt: string; pay: string; ship: string; zip: string; mail: string; status: string; msg: string };
    add({
      file: 'orders_export_20240601.csv',
      title: '电商订单（跨境）',
      encoding: 'utf8bom',
      delimiter: ',',
      eol: '\n',
      rows: 2000,
      row: (r): R => {
        const t = instant(r);
        // 编号: 18-digit order number; about a third are ID-shaped (real area code + birth date) with a wrong check digit.
        const no = r.chance(0.35) ? idShapedWrongCheck(r, areaCode(r, 0.2), dateBetween(r, 1950, 2005)) : notAnId(() => fmtTime(t, 'compact').slice(2) + r.digits(6));
        return {
          no,
          t,
          buyer: person(r, { fromYear: 1960, toYear: 2005, pingtan: 0.3, addressPingtan: 0.3 }),
          ean: ean13(r),
          goods: r.pick(['台湾凤梨酥 礼盒装', '金门高粱酒 500ml', '乖乖玉米脆条', '维力炸酱面 5包', '新东阳肉松', '阿里山高山茶 300g', '黑松沙士 330ml*24', '台湾牛轧糖']),
          qty: String(r.weighted([[1, 70], [2, 18], [3, 7], [6, 3], [12, 2]] as const)),
          amt: amount(r, 9.9, 899),
          pay: ymd8(ymdOf(t)) + '22001' + r.digits(15),
          ship: '78' + r.digits(17),
          zip: r.pick(['350400', '350001', '361000', '362000', '100020', '200120', '518057', '310012']),
          mail: email(r),
          status: r.pick(['已完成', '待发货', '已发货', '退款中', '已关闭']),
          msg: r.pick(['', '', '', '请尽快发货', '送人的，不要放发票', '周末送货', '包装结实一点']),
        };
      },
      columns: [
        { header: '编号', truth: 'decoy', value: (p: R) => p.no, empty: 0 },
        { header: '下单时间', truth: 'decoy', value: (p: R) => fmtTime(p.t, 'iso'), empty: 0 },
        { header: 'receiver', truth: 'person_name', value: (p: R) => p.buyer.name },
        { header: 'mobile', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 83), p.buyer.mobile) },
        { header: 'addr', truth: 'address', value: (p: R) => p.buyer.address },
        { header: 'id_no', truth: 'cn_resident_id', value: (p: R, i) => messId(new Rng(seed + i * 89), p.buyer.id) },
        { header: 'sku_ean', truth: 'decoy', value: (p: R) => p.ean },
        { header: '商品名称', truth: 'decoy', value: (p: R) => p.goods },
        { header: 'qty', truth: 'decoy', value: (p: R) => p.qty },
        { header: 'amount', truth: 'decoy', value: (p: R) => p.amt },
        { header: '支付单号', truth: 'decoy', value: (p: R) => p.pay },
        { header: '物流单号', truth: 'decoy', value: (p: R) => p.ship },
        { header: 'zip', truth: 'decoy', value: (p: R) => p.zip },
        { header: 'email', truth: 'email', value: (p: R) => p.mail },
        { header: 'status', truth: 'decoy', value: (p: R) => p.status },
        { header: '买家留言', truth: 'free_text', value: (p: R) => p.msg, empty: 0 },
      ],
    });
  }

  // 11. 网络日志 -------------------------------------------------------------------------------
  {
    type R = { t: number; src: string; dst: string; port: string; mac: string; account: string; method: string; url: string; status: string; bytes: string; req: string; md5: string; pwd: string; key: string; ua: string };
    const users = pool(new Rng(seed + 111), 300, (r) => ({ mail: email(r), pwd: passwordHash(r), key: apiKey(r), mac: mac(r), ip: ipv4(r) }));
    add({
      file: 'net_access_log.csv',
      title: '网络日志',
      encoding: 'utf8',
      delimiter: ',',
      eol: '\n',
      rows: 3000,
      row: (r): R => {
        const u = r.pick(users);
        return {
          t: instant(r, Date.UTC(2024, 5, 1), Date.UTC(2024, 5, 8)),
          src: r.chance(0.8) ? u.ip : ipv4(r),
          dst: r.chance(0.1) ? ipv6(r) : ipv4(r),
          port: String(r.pick([443, 443, 443, 80, 8080, 22, 3306, 5432, 8443])),
          mac: u.mac,
          account: u.mail,
          method: r.pick(['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE']),
          url: r.pick(['/api/v1/login', '/api/v1/items?page=2', '/portal/index.html', '/api/v1/declarations/submit', '/static/app.js', '/api/v1/users/me', '/healthz']),
          status: String(r.pick([200, 200, 200, 200, 304, 401, 403, 404, 500])),
          bytes: String(r.int(120, 250000)),
          req: uuid(r),
          md5: r.chars(32, HEX),
          pwd: u.pwd,
          key: u.key,
          ua: r.pick(['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) MicroMessenger/8.0.47', 'curl/8.4.0', 'python-requests/2.31.0', 'okhttp/4.12.0']),
        };
      },
      columns: [
        { header: 'ts', truth: 'decoy', value: (p: R) => String(p.t), empty: 0, spaces: 0 },
        { header: 'src_ip', truth: 'ip_address', value: (p: R) => p.src, blank: '-' },
        { header: 'dst_ip', truth: 'ip_address', value: (p: R) => p.dst, blank: '-' },
        { header: 'col_3', truth: 'mac_address', value: (p: R) => p.mac, blank: '-' },
        { header: 'dst_port', truth: 'decoy', value: (p: R) => p.port, blank: '-' },
        { header: 'account', truth: 'email', value: (p: R) => p.account, blank: '-' },
        { header: 'method', truth: 'decoy', value: (p: R) => p.method, empty: 0 },
        { header: 'url', truth: 'free_text', value: (p: R) => p.url, empty: 0 },
        { header: 'status', truth: 'decoy', value: (p: R) => p.status, empty: 0 },
        { header: 'bytes', truth: 'decoy', value: (p: R) => p.bytes, blank: '-' },
        { header: 'request_id', truth: 'decoy', value: (p: R) => p.req, blank: '-' },
        { header: 'body_md5', truth: 'decoy', value: (p: R) => p.md5, blank: '-' },
        { header: 'password', truth: 'secret', value: (p: R) => p.pwd, blank: '-' },
        { header: 'api_key', truth: 'secret', value: (p: R) => p.key, blank: '-' },
        { header: 'user_agent', truth: 'free_text', value: (p: R) => p.ua, blank: '-' },
      ],
    });
  }

  // 12. 港澳居民 (Hong Kong; GBK) -------------------------------------------------------------
  {
    type R = Person & { hrp: string; hkid: string; permit: string; valid: Ymd; item: string; reg: Ymd };
    add({
      file: '港澳居民信息登记_香港.csv',
      title: '港澳居民（香港）',
      encoding: 'gbk',
      delimiter: ',',
      eol: '\r\n',
      rows: 500,
      row: (r): R => {
        const p = person(r, { fromYear: 1950, toYear: 2005, addressPingtan: 0.6 });
        if (r.chance(0.4)) p.name = r.pick(['陳', '李', '黃', '張', '梁', '林', '何', '吳', '劉', '蔡']) + r.pick(HK_GIVEN);
        const male = p.gender === '男';
        return {
          ...p,
          hrp: 'H' + r.digits(8) + (r.chance(0.85) ? pad(r.int(0, 4)) : ''),
          hkid: hkId(r),
          permit: gbNumber(r, '810000', p.birth, male),
          valid: dateBetween(r, 2025, 2034),
          item: r.pick(['居住证申领', '社保参保', '就业登记', '车辆登记', '子女入学']),
          reg: dateBetween(r, 2019, 2024),
        };
      },
      columns: [
        { header: '序号', truth: 'decoy', value: (_p, i) => String(i + 1), empty: 0, spaces: 0 },
        { header: '姓名', truth: 'person_name', value: (p: R) => p.name },
        { header: '性别', truth: 'decoy', value: (p: R) => p.gender },
        { header: '出生日期', truth: 'decoy', value: (p: R) => fmtDate(p.birth, 'dot') },
        { header: '回乡证号码', truth: 'hkmo_home_return_permit', value: (p: R) => p.hrp },
        { header: '字段5', truth: 'hk_id', value: (p: R) => p.hkid },
        { header: '居住证号码', truth: 'hk_residence_permit', value: (p: R, i) => messId(new Rng(seed + i * 97), p.permit) },
        { header: '内地联系电话', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 101), p.mobile) },
        { header: '内地住址', truth: 'address', value: (p: R) => p.address },
        { header: '证件有效期至', truth: 'decoy', value: (p: R) => fmtDate(p.valid, 'iso') },
        { header: '办理事项', truth: 'decoy', value: (p: R) => p.item },
        { header: '登记日期', truth: 'decoy', value: (p: R) => fmtDate(p.reg, 'iso') },
      ],
    });
  }

  // 13. 澳门居民来内地就业登记 ----------------------------------------------------------------
  {
    type R = Person & { hrp: string; permit: string; employer: string; post: string; pay: string; start: Ymd; mail: string };
    add({
      file: '澳门居民就业登记.csv',
      title: '港澳居民（澳门）就业登记',
      encoding: 'utf8',
      delimiter: ',',
      eol: '\n',
      rows: 300,
      row: (r): R => {
        const p = person(r, { fromYear: 1960, toYear: 2004, addressPingtan: 0.7 });
        return {
          ...p,
          hrp: 'M' + r.digits(8) + (r.chance(0.8) ? pad(r.int(0, 3)) : ''),
          permit: gbNumber(r, '820000', p.birth, p.gender === '男'),
          employer: companyName(r),
          post: r.pick(['销售经理', '工程师', '厨师', '导游', '会计', '教师', '设计师', '店长']),
          pay: String(r.int(5, 40) * 1000),
          start: dateBetween(r, 2019, 2024),
          mail: email(r),
        };
      },
      columns: [
        { header: '姓名', truth: 'person_name', value: (p: R) => p.name },
        { header: '回乡证', truth: 'hkmo_home_return_permit', value: (p: R) => p.hrp },
        { header: '港澳台居民居住证', truth: 'mo_residence_permit', value: (p: R, i) => messId(new Rng(seed + i * 103), p.permit) },
        { header: '手机', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 107), p.mobile) },
        { header: '就业单位', truth: 'decoy', value: (p: R) => p.employer },
        { header: '岗位', truth: 'decoy', value: (p: R) => p.post },
        { header: '月薪(元)', truth: 'decoy', value: (p: R) => p.pay },
        { header: '入职日期', truth: 'decoy', value: (p: R) => fmtDate(p.start, 'slash') },
        { header: '邮箱', truth: 'email', value: (p: R) => p.mail },
        { header: '居住地址', truth: 'address', value: (p: R) => p.address },
      ],
    });
  }

  // 14. 出境旅游团队名单 (passports) -----------------------------------------------------------
  {
    type R = Person & { pinyin: string; passport: string; pExpiry: Ymd; contact: string; contactPhone: string; group: string; dest: string };
    add({
      file: '出境旅游团队名单.csv',
      title: '出境旅游团队名单',
      encoding: 'utf8',
      delimiter: ',',
      eol: '\r\n',
      rows: 400,
      row: (r, i): R => {
        const p = person(r, { fromYear: 1950, toYear: 2015, pingtan: 0.5 });
        return {
          ...p,
          pinyin: `${r.pick(PINYIN).toUpperCase()} ${r.pick(PINYIN).toUpperCase()}`,
          passport: r.chance(0.85) ? 'E' + r.chars(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') + r.digits(7) : 'G' + r.digits(8),
          pExpiry: dateBetween(r, 2025, 2034),
          contact: cnName(r, r.chance(0.5) ? '男' : '女'),
          contactPhone: mobile(r),
          group: `PT${pad(2024, 4)}${pad(r.int(5, 8))}${pad(Math.floor(i / 25) + 1)}-${pad(r.int(1, 3))}`,
          dest: r.pick(['日本', '泰国', '马来西亚', '新加坡', '韩国', '越南', '阿联酋', '法国 意大利 瑞士']),
        };
      },
      columns: [
        { header: '序号', truth: 'decoy', value: (_p, i) => String(i + 1), empty: 0, spaces: 0 },
        { header: '姓名', truth: 'person_name', value: (p: R) => p.name },
        { header: '姓名拼音', truth: 'free_text', value: (p: R) => p.pinyin },
        { header: '性别', truth: 'decoy', value: (p: R) => p.gender },
        { header: '出生日期', truth: 'decoy', value: (p: R) => fmtDate(p.birth, 'iso') },
        { header: '护照号码', truth: 'cn_passport', value: (p: R) => p.passport },
        { header: '护照有效期', truth: 'decoy', value: (p: R) => fmtDate(p.pExpiry, 'iso') },
        { header: '身份证号', truth: 'cn_resident_id', value: (p: R, i) => messId(new Rng(seed + i * 109), p.id) },
        { header: '手机', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 113), p.mobile) },
        { header: '紧急联系人', truth: 'person_name', value: (p: R) => p.contact },
        { header: '紧急联系电话', truth: 'cn_mobile', value: (p: R, i) => fmtMobile(new Rng(seed + i * 127), p.contactPhone) },
        { header: '团号', truth: 'decoy', value: (p: R) => p.group },
        { header: '目的地', truth: 'decoy', value: (p: R) => p.dest },
      ],
    });
  }

  return specs;
}

// ---------------------------------------------------------------------------------------------
// Self-check (uses only the validators): typed columns must mostly hold valid values, and the
// ID-shaped decoys must never validate as resident IDs.

function cleanForCheck(v: string): string {
  let s = v.trim();
  if (s.startsWith("'")) s = s.slice(1);
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 48) : ch === 'Ｘ' ? 'X' : ch;
  }
  return out;
}

function selfCheck(t: BuiltTable): string[] {
  const lines: string[] = [];
  t.truths.forEach((truth, k) => {
    const values = t.cells.map((row) => cleanForCheck(row[k] as string)).filter((v) => v !== '' && v !== '-');
    if (truth in VALIDATORS) {
      const validator = VALIDATORS[truth as ValidatedTypeId];
      const ok = values.filter((v) => validator.validate(v).valid).length;
      const share = values.length === 0 ? 0 : ok / values.length;
      lines.push(`  ${t.file} #${k} ${t.headers[k]} (${truth}): ${(share * 100).toFixed(1)} % of ${values.length} non-empty cells validate`);
      if (share < 0.7) throw new Error(`${t.file} #${k} ${t.headers[k]}: only ${(share * 100).toFixed(1)} % valid ${truth}`);
    } else if (truth === 'decoy') {
      const asId = values.filter((v) => v.length === 18 && validateCnResidentId(v).valid).length;
      if (asId > 0) throw new Error(`${t.file} #${k} ${t.headers[k]}: decoy has ${asId} valid resident IDs`);
    }
  });
  return lines;
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' }, seed: { type: 'string' }, quiet: { type: 'boolean' } } });
  if (values.out === undefined) {
    console.error('usage: npx tsx bench/eval/columns/generate.ts --out DIR [--seed N] [--quiet]');
    process.exit(2);
  }
  const out = resolve(values.out);
  const seed = Number(values.seed ?? 20240531) >>> 0;
  mkdirSync(out, { recursive: true });
  const truth: Record<string, { index: number; header: string; truth: Truth }[]> = {};
  const manifest: Record<string, { title: string; encoding: string; delimiter: string; rows: number; columns: number }> = {};
  const checks: string[] = [];
  const counts: Record<string, number> = {};
  tables(seed).forEach((spec, n) => {
    const t = build(spec, (seed + Math.imul(n + 1, 0x9e3779b1)) >>> 0);
    checks.push(...selfCheck(t));
    writeFileSync(join(out, spec.file), serialize(spec, t));
    truth[spec.file] = t.headers.map((header, index) => ({ index, header, truth: t.truths[index] as Truth }));
    manifest[spec.file] = { title: spec.title, encoding: spec.encoding, delimiter: t.delimiter, rows: spec.rows, columns: t.headers.length };
    for (const tr of t.truths) counts[tr === 'decoy' || tr === 'free_text' ? tr : 'typed'] = (counts[tr === 'decoy' || tr === 'free_text' ? tr : 'typed'] ?? 0) + 1;
  });
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  if (values.quiet !== true) {
    console.error(checks.join('\n'));
    console.error(`wrote ${Object.keys(truth).length} tables to ${out}: ${counts.typed ?? 0} typed, ${counts.decoy ?? 0} decoy, ${counts.free_text ?? 0} free-text columns`);
  }
}

main();
