/**
 * Value makers and validators of the columns-h set, written for this set alone (blind to the scanner,
 * its recognisers and the earlier sets' value makers). Checksums: GB 11643 MOD 11-2 (resident IDs and the
 * 810000/820000/830000 permits), GB 32100 mod 31 with the GB 11714 organisation-code check inside it, ISO 3779
 * VIN, HKID mod 11, the Taiwan ID checksum, Luhn, ISO 7064 MOD 11,10 (the pre-2015 15-digit 工商注册号).
 * Every random choice goes through `Rng` (mulberry32), every date is built in UTC.
 */

// ---------------------------------------------------------------------------------------------
// Random stream

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  hex(n: number, upper = false): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return upper ? s.toUpperCase() : s;
  }
  chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(list: ReadonlyArray<readonly [T, number]>): T {
    const total = list.reduce((a, [, w]) => a + w, 0);
    let x = this.next() * total;
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    return (list[list.length - 1] as readonly [T, number])[0];
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    return list;
  }
}

/** The seed of one file maker's stream: FNV-1a of its name mixed with the set's seed. */
export function streamSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Dates (UTC only)

export const DAY = 86_400_000;
export function utc(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
}
const p2 = (n: number): string => String(n).padStart(2, '0');
export function ymd(d: Date, sep = '-'): string {
  return `${d.getUTCFullYear()}${sep}${p2(d.getUTCMonth() + 1)}${sep}${p2(d.getUTCDate())}`;
}
export function hms(d: Date): string {
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}
export function randomDate(r: Rng, from: Date, to: Date): Date {
  const days = Math.floor((to.getTime() - from.getTime()) / DAY);
  return new Date(from.getTime() + r.int(0, days) * DAY);
}
export function randomMoment(r: Rng, from: Date, to: Date): Date {
  return new Date(from.getTime() + Math.floor(r.next() * (to.getTime() - from.getTime())));
}
/** Excel's serial day number (1900 date system) of a UTC date. */
export function excelSerial(d: Date): number {
  return Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / DAY);
}
function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

// ---------------------------------------------------------------------------------------------
// GB/T 2260 county codes (real codes; Fujian weighted) and places

export interface County {
  code: string;
  province: string;
  city: string;
  district: string;
}
const C = (code: string, province: string, city: string, district: string): County => ({ code, province, city, district });
export const FUJIAN: County[] = [
  C('350102', '福建省', '福州市', '鼓楼区'), C('350103', '福建省', '福州市', '台江区'), C('350104', '福建省', '福州市', '仓山区'),
  C('350105', '福建省', '福州市', '马尾区'), C('350111', '福建省', '福州市', '晋安区'), C('350112', '福建省', '福州市', '长乐区'),
  C('350121', '福建省', '福州市', '闽侯县'), C('350122', '福建省', '福州市', '连江县'), C('350123', '福建省', '福州市', '罗源县'),
  C('350124', '福建省', '福州市', '闽清县'), C('350125', '福建省', '福州市', '永泰县'), C('350128', '福建省', '福州市', '平潭县'),
  C('350181', '福建省', '福州市', '福清市'), C('350203', '福建省', '厦门市', '思明区'), C('350205', '福建省', '厦门市', '海沧区'),
  C('350206', '福建省', '厦门市', '湖里区'), C('350211', '福建省', '厦门市', '集美区'), C('350212', '福建省', '厦门市', '同安区'),
  C('350213', '福建省', '厦门市', '翔安区'), C('350302', '福建省', '莆田市', '城厢区'), C('350303', '福建省', '莆田市', '涵江区'),
  C('350304', '福建省', '莆田市', '荔城区'), C('350305', '福建省', '莆田市', '秀屿区'), C('350322', '福建省', '莆田市', '仙游县'),
  C('350502', '福建省', '泉州市', '鲤城区'), C('350503', '福建省', '泉州市', '丰泽区'), C('350521', '福建省', '泉州市', '惠安县'),
  C('350524', '福建省', '泉州市', '安溪县'), C('350581', '福建省', '泉州市', '石狮市'), C('350582', '福建省', '泉州市', '晋江市'),
  C('350583', '福建省', '泉州市', '南安市'), C('350602', '福建省', '漳州市', '芗城区'), C('350623', '福建省', '漳州市', '漳浦县'),
  C('350702', '福建省', '南平市', '延平区'), C('350802', '福建省', '龙岩市', '新罗区'), C('350902', '福建省', '宁德市', '蕉城区'),
  C('350982', '福建省', '宁德市', '福鼎市'),
];
export const OTHER: County[] = [
  C('110101', '北京市', '北京市', '东城区'), C('110105', '北京市', '北京市', '朝阳区'), C('110108', '北京市', '北京市', '海淀区'),
  C('120104', '天津市', '天津市', '南开区'), C('130102', '河北省', '石家庄市', '长安区'), C('140105', '山西省', '太原市', '小店区'),
  C('210102', '辽宁省', '沈阳市', '和平区'), C('220102', '吉林省', '长春市', '南关区'), C('230103', '黑龙江省', '哈尔滨市', '南岗区'),
  C('310101', '上海市', '上海市', '黄浦区'), C('310104', '上海市', '上海市', '徐汇区'), C('310115', '上海市', '上海市', '浦东新区'),
  C('320102', '江苏省', '南京市', '玄武区'), C('320506', '江苏省', '苏州市', '吴中区'), C('330106', '浙江省', '杭州市', '西湖区'),
  C('330302', '浙江省', '温州市', '鹿城区'), C('330382', '浙江省', '温州市', '乐清市'), C('340104', '安徽省', '合肥市', '蜀山区'),
  C('360111', '江西省', '南昌市', '青山湖区'), C('370102', '山东省', '济南市', '历下区'), C('370202', '山东省', '青岛市', '市南区'),
  C('410105', '河南省', '郑州市', '金水区'), C('420106', '湖北省', '武汉市', '武昌区'), C('420111', '湖北省', '武汉市', '洪山区'),
  C('430104', '湖南省', '长沙市', '岳麓区'), C('440106', '广东省', '广州市', '天河区'), C('440304', '广东省', '深圳市', '福田区'),
  C('440305', '广东省', '深圳市', '南山区'), C('450103', '广西壮族自治区', '南宁市', '青秀区'), C('460105', '海南省', '海口市', '秀英区'),
  C('500103', '重庆市', '重庆市', '渝中区'), C('510107', '四川省', '成都市', '武侯区'), C('520102', '贵州省', '贵阳市', '南明区'),
  C('530102', '云南省', '昆明市', '五华区'), C('610113', '陕西省', '西安市', '雁塔区'), C('620102', '甘肃省', '兰州市', '城关区'),
  C('630102', '青海省', '西宁市', '城东区'), C('640104', '宁夏回族自治区', '银川市', '兴庆区'), C('650102', '新疆维吾尔自治区', '乌鲁木齐市', '天山区'),
  C('150102', '内蒙古自治区', '呼和浩特市', '新城区'), C('540102', '西藏自治区', '拉萨市', '城关区'),
];
export const COUNTY_CODES = new Set([...FUJIAN, ...OTHER].map((c) => c.code));
export function county(r: Rng, fujianShare = 0.75): County {
  return r.chance(fujianShare) ? (r.chance(0.35) ? (FUJIAN[11] as County) : r.pick(FUJIAN)) : r.pick(OTHER);
}

/** A plausible (not necessarily real) region prefix: province 11–65, city 01–90. Used to screen decoys leniently. */
function plausibleRegion(code: string): boolean {
  const prov = Number(code.slice(0, 2));
  const city = Number(code.slice(2, 4));
  const provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];
  return provinces.includes(prov) && city >= 1 && city <= 90;
}

// ---------------------------------------------------------------------------------------------
// GB 11643 resident IDs and the 81/82/83 permits

const W11 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function mod112Check(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * (W11[i] as number);
  return '10X98765432'[s % 11] as string;
}
export function passesMod112(v: string): boolean {
  const x = v.toUpperCase();
  return /^\d{17}[\dX]$/.test(x) && mod112Check(x.slice(0, 17)) === x[17];
}
export function residentId(r: Rng, c: County, birth: Date, male?: boolean): string {
  let seq = r.int(0, 999);
  if (male !== undefined && (seq % 2 === 1) !== male) seq = (seq + 1) % 1000;
  const body = `${c.code}${ymd(birth, '')}${String(seq).padStart(3, '0')}`;
  return body + mod112Check(body);
}
/** 港澳台居民居住证: address code 810000 / 820000 / 830000. */
export function residencePermit(r: Rng, region: '810000' | '820000' | '830000', birth: Date): string {
  const body = `${region}${ymd(birth, '')}${r.digits(3)}`;
  return body + mod112Check(body);
}
/** Adult birth date between the given years. */
export function birthDate(r: Rng, fromYear = 1958, toYear = 2004): Date {
  return randomDate(r, utc(fromYear, 1, 1), utc(toYear, 12, 31));
}
/**
 * What an 18-character (or 15-digit) value is under GB 11643: 'cn' (real county code, valid date, check
 * holds), 'legacy' (15 digits, real county, valid YYMMDD), '810000'/'820000'/'830000' permits, or null.
 * `lenient` accepts any plausible region prefix (used to screen decoys).
 */
export function gb11643Kind(raw: string, lenient = false): 'cn' | 'legacy' | '810000' | '820000' | '830000' | null {
  const v = raw.replace(/\s/g, '').toUpperCase();
  if (/^\d{15}$/.test(v)) {
    const region = v.slice(0, 6);
    if (!(lenient ? plausibleRegion(region) : COUNTY_CODES.has(region))) return null;
    return validYmd(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12))) ? 'legacy' : null;
  }
  if (!/^\d{17}[\dX]$/.test(v) || !passesMod112(v)) return null;
  const y = Number(v.slice(6, 10));
  if (y < 1900 || y > 2024 || !validYmd(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return null;
  const region = v.slice(0, 6);
  if (region === '810000' || region === '820000' || region === '830000') return region;
  if (lenient ? plausibleRegion(region) : COUNTY_CODES.has(region)) return 'cn';
  return null;
}

// ---------------------------------------------------------------------------------------------
// GB 32100 unified social credit code with the GB 11714 organisation code inside

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W31 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function usccCheck(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET.indexOf(body17[i] as string) * (W31[i] as number);
  return USCC_ALPHABET[(31 - (s % 31)) % 31] as string;
}
const W_ORG = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCodeCheck(body8: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i] as string;
    const n = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    s += n * (W_ORG[i] as number);
  }
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
export function isUscc(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (v.length !== 18) return false;
  for (const ch of v) if (!USCC_ALPHABET.includes(ch)) return false;
  return usccCheck(v.slice(0, 17)) === v[17];
}
/** A USCC: kind '91' companies, '92' sole traders, '93' co-ops, '11' state organs, '12' public institutions, '52' private non-enterprises. */
export function uscc(r: Rng, kind: '91' | '92' | '93' | '11' | '12' | '52', region: string): string {
  for (;;) {
    // 2015-onwards codes assigned with the new system start "MA" (companies) or are a random 8-char body
    const bodyAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body8 = kind === '91' || kind === '92' || kind === '93' ? `MA${r.chars(6, bodyAlphabet)}` : `${r.digits(2)}${r.chars(6, '0123456789')}`;
    const oc = orgCodeCheck(body8);
    const body17 = `${kind}${region}${body8}${oc}`;
    if ([...body17].every((ch) => USCC_ALPHABET.includes(ch))) return body17 + usccCheck(body17);
  }
}

// ---------------------------------------------------------------------------------------------
// ISO 3779 VIN

const VIN_VAL: Record<string, number> = {};
'0123456789'.split('').forEach((d, i) => (VIN_VAL[d] = i));
'ABCDEFGH'.split('').forEach((ch, i) => (VIN_VAL[ch] = i + 1));
'JKLMN'.split('').forEach((ch, i) => (VIN_VAL[ch] = i + 1));
VIN_VAL['P'] = 7;
VIN_VAL['R'] = 9;
'STUVWXYZ'.split('').forEach((ch, i) => (VIN_VAL[ch] = i + 2));
const VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
function vinCheck(v: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (VIN_VAL[v[i] as string] as number) * (VIN_W[i] as number);
  const c = s % 11;
  return c === 10 ? 'X' : String(c);
}
export function isVin(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && vinCheck(v) === v[8];
}
const WMI = ['LSV', 'LFV', 'LGB', 'LVS', 'LHG', 'LVG', 'LBV', 'LE4', 'LRW', 'LGX', 'LC0', 'LNB', 'LSG', 'LZW', 'L6T', 'LDC', 'LVH', 'LB3'];
export function vin(r: Rng): string {
  const vds = r.chars(5, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789');
  const year = r.pick(['L', 'M', 'N', 'P', 'R']);
  const plant = r.chars(1, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789');
  const v = `${r.pick(WMI)}${vds}0${year}${plant}${r.digits(6)}`;
  return v.slice(0, 8) + vinCheck(v) + v.slice(9);
}

// ---------------------------------------------------------------------------------------------
// HKID, Taiwan ID, Luhn, ISO 7064 MOD 11,10

function hkidCheck(prefix: string, digits: string): string {
  const pre = prefix.length === 1 ? ` ${prefix}` : prefix;
  let s = 0;
  const val = (ch: string): number => (ch === ' ' ? 36 : ch.charCodeAt(0) - 55);
  s += val(pre[0] as string) * 9 + val(pre[1] as string) * 8;
  for (let i = 0; i < 6; i++) s += Number(digits[i]) * (7 - i);
  const c = (11 - (s % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}
export function isHkid(raw: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6})\(?([0-9A])\)?$/.exec(raw.trim().toUpperCase());
  if (m === null) return false;
  return hkidCheck(m[1] as string, m[2] as string) === m[3];
}
export function hkid(r: Rng, brackets: boolean): string {
  const prefix = r.chance(0.1) ? r.pick(['XA', 'WX', 'XD']) : r.pick(['A', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'P', 'R', 'V', 'Y', 'Z']);
  const d = r.digits(6);
  const c = hkidCheck(prefix, d);
  return brackets ? `${prefix}${d}(${c})` : `${prefix}${d}${c}`;
}

const TW_LETTER: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24,
  R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};
export function isTwNationalId(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[A-Z][12]\d{8}$/.test(v)) return false;
  const n = TW_LETTER[v[0] as string] as number;
  let s = Math.floor(n / 10) + (n % 10) * 9;
  for (let i = 1; i <= 8; i++) s += Number(v[i]) * (9 - i);
  s += Number(v[9]);
  return s % 10 === 0;
}
/** Taiwan ID; letters weighted to Taichung (B), Taipei (A), Kaohsiung (E), New Taipei (F), Tainan (D), Taoyuan (H). */
export function twNationalId(r: Rng, male: boolean): string {
  const letter = r.weighted<string>([['B', 4], ['A', 3], ['F', 3], ['E', 2], ['D', 2], ['H', 2], ['L', 1], ['N', 1], ['K', 1], ['M', 1], ['P', 1], ['Q', 1], ['T', 1]]);
  const body = `${letter}${male ? 1 : 2}${r.digits(7)}`;
  const n = TW_LETTER[letter] as number;
  let s = Math.floor(n / 10) + (n % 10) * 9;
  for (let i = 1; i <= 8; i++) s += Number(body[i]) * (9 - i);
  return body + String((10 - (s % 10)) % 10);
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let s = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    s += d;
  }
  return s % 10 === 0;
}
function luhnComplete(body: string): string {
  for (let c = 0; c < 10; c++) if (luhnValid(body + String(c))) return body + String(c);
  throw new Error('unreachable');
}
/** ISO 7064 MOD 11,10 check digit (the pre-2015 15-digit 工商注册号). */
export function mod1110Check(body: string): string {
  let p = 10;
  for (const ch of body) {
    let s = (p + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

// ---------------------------------------------------------------------------------------------
// Bank cards

const BINS: ReadonlyArray<readonly [string, number]> = [
  ['622848', 19], ['622700', 19], ['621700', 19], ['622202', 19], ['621226', 19], ['622588', 16], ['621483', 16],
  ['622609', 16], ['623058', 19], ['621799', 19], ['622908', 19], ['625965', 16], ['628288', 16], ['436742', 19],
  ['524047', 16], ['438088', 16], ['622262', 19], ['621661', 19],
];
/** A card number; `luhnOk` false gives a 62-BIN number that fails Luhn (real UnionPay debit cards do). */
export function bankCard(r: Rng, luhnOk = true): string {
  for (;;) {
    const [bin, len] = r.pick(BINS);
    if (!luhnOk && !bin.startsWith('62')) continue;
    const full = luhnComplete(bin + r.digits(len - bin.length - 1));
    if (luhnOk) return full;
    const last = Number(full[full.length - 1]);
    return full.slice(0, -1) + String((last + r.int(1, 9)) % 10);
  }
}
export function groupCard(n: string, sep: string): string {
  return n.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
}
export const BANKS = ['中国农业银行平潭支行', '中国建设银行平潭分行', '中国工商银行平潭支行', '中国银行平潭综合实验区分行', '福建海峡银行平潭分行', '兴业银行平潭分行', '招商银行福州分行', '中国邮政储蓄银行平潭县支行', '平潭农村商业银行', '交通银行福建省分行'];
export const BANKS_TW = ['中國農業銀行平潭支行', '中國建設銀行平潭分行', '中國銀行平潭綜合實驗區分行', '興業銀行平潭分行', '福建海峽銀行平潭分行'];

// ---------------------------------------------------------------------------------------------
// Phones

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '162', '165', '166', '167', '170', '171', '173', '175', '176', '177', '178', '180', '181',
  '182', '183', '184', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199',
];
export function cnMobile(r: Rng): string {
  // the 19x prefixes are weighted up so every one of 190/192/196/197 shows
  const prefix = r.chance(0.15) ? r.pick(['190', '192', '196', '197', '193', '195', '199']) : r.pick(MOBILE_PREFIXES);
  return prefix + r.digits(8);
}
export function dirtyMobile(r: Rng, m: string): string {
  return r.weighted<string>([
    [m, 70],
    [`${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, 6],
    [`${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, 6],
    [`+86 ${m}`, 5],
    [`+86${m}`, 4],
    [`+86-${m}`, 3],
    [`0086${m}`, 3],
    [`86-${m}`, 3],
  ]);
}
export function isCnMobile(raw: string): boolean {
  let v = raw.trim().replace(/[\s-]/g, '');
  v = v.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1(3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-35-8]|8\d|9[0-35-9])\d{8}$/.test(v);
}
export function maskedMobile(r: Rng): string {
  const m = cnMobile(r);
  return `${m.slice(0, 3)}****${m.slice(7)}`;
}
export function twMobile(r: Rng): string {
  const n = `09${r.int(0, 8)}${r.digits(1)}${r.digits(6)}`;
  return r.weighted<string>([
    [`${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}`, 50],
    [n, 25],
    [`+886 ${n.slice(1, 4)} ${n.slice(4, 7)} ${n.slice(7)}`, 12],
    [`+886-${n.slice(1)}`, 8],
    [`${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`, 5],
  ]);
}
export function isTwMobile(raw: string): boolean {
  const v = raw.trim().replace(/[\s-]/g, '');
  return /^(09\d{8}|\+8869\d{8})$/.test(v);
}
const AREA_CODES = ['010', '020', '021', '022', '023', '024', '025', '027', '028', '029', '0591', '0592', '0593', '0594', '0595', '0596', '0597', '0598', '0599', '0571', '0574', '0577', '0755', '0757', '0760', '0769', '0531', '0532', '0371', '0731', '0851', '0871', '0898'];
const AREA_SET = new Set(AREA_CODES);
/** A landline; Pingtan and Fuzhou are 0591 (8 digits). */
export function cnLandline(r: Rng, dirty = true, area?: string): string {
  const a = area ?? (r.chance(0.7) ? '0591' : r.pick(AREA_CODES));
  // Fuzhou, Quanzhou and the big cities dial 8 digits; Xiamen and the smaller Fujian cities 7
  const len = ['0592', '0593', '0594', '0596', '0597', '0598', '0599'].includes(a) ? 7 : 8;
  const sub = String(r.int(2, 8)) + r.digits(len - 1);
  if (!dirty) return `${a}-${sub}`;
  const base = r.weighted<string>([
    [`${a}-${sub}`, 55],
    [`(${a})${sub}`, 10],
    [`（${a}）${sub}`, 6],
    [`${a} ${sub}`, 10],
    [`${a}${sub}`, 12],
    [`${a}-${sub.slice(0, 4)}-${sub.slice(4)}`, 7],
  ]);
  return r.chance(0.06) ? `${base}${r.pick(['-', '转', ' ext.'])}${r.int(100, 8999)}` : base;
}
export function isCnLandline(raw: string): boolean {
  const v = raw.trim().replace(/（/g, '(').replace(/）/g, ')');
  const m = /^\(?(0\d{2,3})\)?[\s-]?(\d[\d\s-]{5,10}\d)(?:(?:-|转|\s?ext\.?)(\d{1,5}))?$/.exec(v);
  if (m === null) return false;
  // try every split of area code and subscriber number (a 3-digit code written without a separator)
  const all = ((m[1] as string) + (m[2] as string)).replace(/[\s-]/g, '');
  for (const len of [3, 4]) {
    const area = all.slice(0, len);
    const sub = all.slice(len);
    const areaOk = AREA_SET.has(area) || (len === 4 && /^0[3-9]\d\d$/.test(area));
    if (areaOk && /^[2-8]\d{6,7}$/.test(sub)) return true;
  }
  // a dash-attached extension written after the subscriber number
  const ext = /^\(?(0\d{2,3})\)?[\s-]?(\d{7,8})-(\d{1,5})$/.exec(v);
  if (ext !== null) {
    const area = ext[1] as string;
    return (AREA_SET.has(area) || /^0[3-9]\d\d$/.test(area)) && /^[2-8]\d{6,7}$/.test(ext[2] as string);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Travel documents

export function mtp(r: Rng): string {
  return r.weighted<string>([[r.digits(8).replace(/^0/, String(r.int(1, 9))), 90], [`${r.int(1, 9)}${r.digits(7)}(0${r.int(1, 4)})`, 6], [`${r.int(1, 9)}${r.digits(7)}0${r.int(1, 3)}`, 4]]);
}
export function isMtp(raw: string): boolean {
  return /^\d{8}(\d{2}|\(\d{2}\))?$/.test(raw.trim());
}
export function homeReturnPermit(r: Rng, hk = true): string {
  const base = `${hk ? 'H' : 'M'}${r.int(0, 1)}${r.digits(7)}`;
  return r.chance(0.3) ? `${base}${r.pick(['00', '01', '02', '03'])}` : base;
}
export function isHomeReturnPermit(raw: string): boolean {
  return /^[HM]\d{8}(\d{2})?$/.test(raw.trim().toUpperCase());
}
export function cnPassport(r: Rng): string {
  return r.chance(0.7) ? `E${r.chars(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}${r.digits(7)}` : `G${r.digits(8)}`;
}
export function isCnPassport(raw: string): boolean {
  return /^(G\d{8}|E[A-HJ-NP-Z0-9]\d{7})$/.test(raw.trim().toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Network

export function ipv4Private(r: Rng): string {
  return r.weighted<string>([[`10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, 5], [`172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`, 2], [`192.168.${r.int(0, 255)}.${r.int(1, 254)}`, 3]]);
}
export function ipv4Public(r: Rng): string {
  return `${r.pick([27, 36, 58, 59, 110, 112, 117, 120, 121, 183, 218, 222, 223])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}
export function ipv6(r: Rng): string {
  return `240e:${r.hex(3)}:${r.hex(4)}:${r.hex(2)}::${r.hex(3)}:${r.hex(4)}`.replace(/:0+([0-9a-f])/g, ':$1');
}
export function isIp(raw: string): boolean {
  const v = raw.trim();
  const m4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (m4 !== null) return m4.slice(1).every((x) => Number(x) <= 255 && !/^0\d/.test(x));
  if (!/^[0-9a-fA-F:]+$/.test(v) || !v.includes(':')) return false;
  const dbl = v.split('::');
  if (dbl.length > 2) return false;
  const groups = v.split(':').filter((g) => g !== '');
  return groups.every((g) => g.length <= 4) && (dbl.length === 2 ? groups.length < 8 : groups.length === 8);
}
export function mac(r: Rng, style: 'colon' | 'dash' | 'dot' = 'colon', upper = true): string {
  const oui = r.pick(['00:1A:2B', '3C:D9:2B', 'F4:8E:38', '00:E0:4C', 'B8:27:EB', '70:B3:D5', '00:0C:29', '9C:A5:25']);
  const bytes = `${oui}:${r.hex(2, true)}:${r.hex(2, true)}:${r.hex(2, true)}`.split(':');
  let s = style === 'dash' ? bytes.join('-') : style === 'dot' ? `${bytes[0]}${bytes[1]}.${bytes[2]}${bytes[3]}.${bytes[4]}${bytes[5]}` : bytes.join(':');
  if (!upper) s = s.toLowerCase();
  return s;
}
export function isMac(raw: string): boolean {
  const v = raw.trim();
  return /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/.test(v) || /^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/.test(v);
}
export function isEmail(raw: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(raw.trim());
}

// ---------------------------------------------------------------------------------------------
// Coordinates

/** A point near Pingtan (25.43–25.62 N, 119.68–119.86 E) or elsewhere in Fujian. */
export function geoPoint(r: Rng, spread = 'pingtan' as 'pingtan' | 'fujian'): [number, number] {
  if (spread === 'pingtan') return [25.43 + r.next() * 0.19, 119.68 + r.next() * 0.18];
  return [24.4 + r.next() * 2.6, 117.5 + r.next() * 2.2];
}
export function fmtGeo(r: Rng, lat: number, lng: number, lngFirst = false): string {
  const dp = r.pick([5, 6, 6, 6]);
  const a = lat.toFixed(dp);
  const b = lng.toFixed(dp);
  const sep = lngFirst ? ',' : r.weighted<string>([[',', 70], [', ', 20], [' ', 10]]);
  return lngFirst ? `${b}${sep}${a}` : `${a}${sep}${b}`;
}
export function isGeo(raw: string): boolean {
  const m = /^(-?\d{1,3}\.\d{4,})\s*[,，\s]\s*(-?\d{1,3}\.\d{4,})$/.exec(raw.trim());
  if (m === null) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const latLng = Math.abs(a) <= 90 && Math.abs(b) <= 180;
  const lngLat = Math.abs(b) <= 90 && Math.abs(a) <= 180;
  return latLng || lngLat;
}

// ---------------------------------------------------------------------------------------------
// Plates

const FUJIAN_PLATE_LETTERS = ['A', 'A', 'A', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'];
const PLATE_ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
export function plate(r: Rng, dirty = true): string {
  const prov = r.chance(0.88) ? '闽' : r.pick(['粤', '浙', '赣', '沪', '苏', '京']);
  const letter = prov === '闽' ? r.pick(FUJIAN_PLATE_LETTERS) : r.pick(['A', 'B', 'C', 'E']);
  let tail: string;
  const kind = r.weighted<string>([['normal', 75], ['nev-small', 15], ['nev-large', 5], ['normal-digits', 5]]);
  if (kind === 'nev-small') tail = `${r.pick(['D', 'F'])}${r.chance(0.5) ? r.chars(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ') : r.digits(1)}${r.digits(4)}`;
  else if (kind === 'nev-large') tail = `${r.digits(5)}${r.pick(['D', 'F'])}`;
  else if (kind === 'normal-digits') tail = r.digits(5);
  else {
    // 1–2 letters among 5 characters
    const chars = r.digits(5).split('');
    const pos = r.int(0, 4);
    chars[pos] = r.chars(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ');
    if (r.chance(0.3)) chars[(pos + 2) % 5] = r.chars(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ');
    tail = chars.join('');
  }
  const sep = dirty ? r.weighted<string>([['', 80], ['·', 10], [' ', 5], ['-', 5]]) : '';
  return `${prov}${letter}${sep}${tail}`;
}
export function isPlate(raw: string): boolean {
  const v = raw.trim().replace(/[·\s-]/g, '').toUpperCase();
  return /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]([A-HJ-NP-Z0-9]{5}|[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[挂学警领])$/.test(v);
}
void PLATE_ALNUM;

// ---------------------------------------------------------------------------------------------
// Names

const SURNAMES_S: ReadonlyArray<readonly [string, number]> = [
  ['陈', 12], ['林', 12], ['黄', 7], ['张', 6], ['李', 6], ['王', 6], ['吴', 4], ['刘', 4], ['郑', 4], ['杨', 3], ['许', 3],
  ['谢', 3], ['郭', 3], ['何', 2], ['曾', 2], ['游', 2], ['詹', 1], ['翁', 2], ['高', 2], ['魏', 1], ['薛', 1], ['施', 1],
  ['俞', 1], ['卓', 1], ['江', 1], ['邱', 1], ['严', 1], ['潘', 1], ['朱', 1], ['赵', 1], ['孙', 1], ['周', 2], ['徐', 1],
  ['胡', 1], ['叶', 2], ['方', 1], ['宋', 1], ['杜', 1], ['欧阳', 0.5], ['司马', 0.2], ['上官', 0.2], ['诸葛', 0.1], ['仉', 0.1], ['亓', 0.1], ['逄', 0.1],
];
const GIVEN_S = '建国伟强磊军洋勇杰涛明超秀英华丽敏静芳娜燕玲桂兰志刚晓东海峰丹萍红梅婷雪宇轩浩然子涵梓萱欣怡思远嘉文俊宏雨辰一诺佳琪淑惠美凤金水春生德福炳辉锦坤宗耀榕岚琳晗睿';
const SURNAMES_T: ReadonlyArray<readonly [string, number]> = [
  ['陳', 11], ['林', 8], ['黃', 6], ['張', 5], ['李', 5], ['王', 4], ['吳', 4], ['劉', 3], ['蔡', 3], ['楊', 3], ['許', 2],
  ['鄭', 2], ['謝', 2], ['郭', 2], ['洪', 2], ['曾', 2], ['邱', 2], ['廖', 2], ['賴', 2], ['周', 1], ['徐', 1], ['蘇', 1],
  ['葉', 1], ['莊', 1], ['呂', 1], ['江', 1], ['蕭', 1], ['羅', 1], ['簡', 1], ['鍾', 1], ['游', 1], ['詹', 1], ['歐陽', 0.3],
];
const GIVEN_T = '志明俊傑家豪宗翰怡君雅婷淑芬美玲佳蓉冠宇承恩柏瑋欣惠雯靜宜建宏文彬國華麗珠秀蘭嘉偉信宏詩涵芷若子軒品妤';
const MINORITY = ['阿不都热合曼·艾力', '古丽米拉·买买提', '扎西多吉', '努尔兰·吾买尔', '次仁央金', '乌兰图雅', '热依拉·阿不都', '马木提·吐尔逊', '巴特尔', '帕提古丽·艾则孜'];

export function isMinorityName(name: string): boolean {
  return MINORITY.includes(name.trim());
}
export function personName(r: Rng, dirty = true): string {
  if (r.chance(0.015)) return r.pick(MINORITY);
  const s = r.weighted(SURNAMES_S);
  let g = r.pick(GIVEN_S.split(''));
  if (r.chance(0.72)) g += r.pick(GIVEN_S.split(''));
  const n = s + g;
  if (!dirty) return n;
  return r.weighted<string>([[n, 96], [`${n} `, 2], [n.length === 2 ? `${n[0]} ${n[1]}` : n, 2]]);
}
/** The surname of a generated name (compound surnames first). */
export function surnameOf(name: string): string {
  const two = name.slice(0, 2);
  return [...SURNAMES_S, ...SURNAMES_T].some(([s]) => s === two) ? two : name.slice(0, 1);
}
export function twName(r: Rng, female?: boolean): string {
  const s = r.weighted(SURNAMES_T);
  const g = r.pick(GIVEN_T.split('')) + r.pick(GIVEN_T.split(''));
  // 冠夫姓: a married woman's name with her husband's surname first
  if (female === true && r.chance(0.12) && s.length === 1) return r.weighted(SURNAMES_T.filter(([x]) => x.length === 1)) + s + g;
  return s + g;
}
const ALL_SURNAMES = [...SURNAMES_S, ...SURNAMES_T].map(([s]) => s).concat(['孟', '韩', '冯', '蒋', '沈', '韦', '秦', '尤', '袁', '邓', '彭', '苏', '蔡', '丁', '姜', '范', '余', '卢', '石', '田', '白', '汤', '金', '康', '傅', '程', '龚', '黎', '马', '罗', '唐', '梁', '宋', '董', '萧', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜', '范', '方', '石', '姚', '谭', '廖', '邹', '熊', '金', '陆', '郝', '孔', '白', '崔', '康', '毛', '邱', '秦', '江', '史', '顾', '侯', '邵', '孟', '龙', '万', '段', '雷', '钱', '汤', '尹', '黎', '易', '常', '武', '乔', '贺', '赖', '龚', '文', '温', '藍', '蓝', '鍾', '馬', '趙', '孫', '劉', '鄧', '盧', '蔣', '韓', '馮', '呂', '顏', '顏', '柯', '紀', '連', '歐', '溫', '湯', '傅', '阮', '古', '巫', '尤', '卓', '施', '翁', '戴', '范', '宋', '杜', '侯', '曹', '薛', '丁', '董', '唐', '田', '康', '姜', '白', '汪', '鄒', '甘', '于', '居', '年', '陈', '成', '金', '雷', '毛']);
const SURNAME_SET = new Set(ALL_SURNAMES);
/** A Chinese personal name: (compound) surname + 1–2 given characters (3 for 冠夫姓), or a dotted minority name. */
export function looksLikeName(raw: string): boolean {
  const v = raw.trim().replace(/\s+/g, '');
  if (/^[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,6}$/.test(v)) return true;
  if (MINORITY.includes(v)) return true;
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(v)) return false;
  if (SURNAME_SET.has(v.slice(0, 2)) && v.length >= 3) return true;
  return SURNAME_SET.has(v[0] as string);
}

// ---------------------------------------------------------------------------------------------
// Addresses

const PT_TOWNS = ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇', '白青乡', '中楼乡', '芦洋乡', '岚城乡', '南海乡'];
const PT_ROADS = ['西航路', '城关路', '北大街', '东大街', '麒麟路', '金井湾大道', '坛西大道', '环岛路', '澳前北路', '竹屿路', '北厝路', '丁香路', '天狐路', '海坛路'];
const PT_ESTATES = ['金井湾花园', '岚岛家园', '海峡如意城', '麒麟公寓', '凤凰城', '实验区安置房一期', '海坛古城', '宝盖山庄', '坛南湾小区', '东澳新村'];
const FZ_ROADS: Record<string, string[]> = {
  鼓楼区: ['五四路', '杨桥中路', '湖东路', '华林路', '温泉公园路'], 台江区: ['工业路', '八一七中路', '学军路'], 仓山区: ['首山路', '金山大道', '建新南路', '则徐大道'],
  晋安区: ['福新中路', '连江中路', '岳峰路'], 马尾区: ['江滨东大道', '罗星路'], 长乐区: ['郑和中路', '吴航路'], 闽侯县: ['上街大学城路', '甘蔗街道昙石山中大道'],
};
const FZ_ESTATES = ['融侨华府', '世茂外滩', '三盛国际公园', '万科金域榕郡', '泰禾红树林', '金山碧水', '橘园洲小区', '阳光城翡丽湾', '名城港湾', '福晟钱隆'];

/** A mainland address: Pingtan (most) or Fuzhou, from province/district or a town to a room. */
export function address(r: Rng, where: 'pingtan' | 'fuzhou' | 'any' = 'any', full = true): string {
  const pt = where === 'pingtan' || (where === 'any' && r.chance(0.6));
  const num = `${r.int(1, 399)}号`;
  const room = (): string => `${r.int(1, 18)}号楼${r.chance(0.3) ? `${r.int(1, 4)}单元` : ''}${r.int(1, 28)}0${r.int(1, 8)}室`;
  if (pt) {
    const head = r.weighted<string>([['福建省平潭综合实验区', 30], ['平潭综合实验区', 30], ['福建省福州市平潭县', 15], ['平潭县', 10], ['福建省平潭县', 15]]);
    const town = r.pick(PT_TOWNS);
    const kind = r.int(0, 2);
    if (kind === 0) return `${head}${town}${r.pick(PT_ROADS)}${num}${full && r.chance(0.6) ? r.pick(PT_ESTATES) + room() : ''}`;
    if (kind === 1) return `${head}${town}${r.pick(['东澳', '北港', '君山', '山边', '钱便澳', '玉屿', '石牌洋', '磹水', '芦南', '大福'])}村${r.int(1, 220)}号`;
    return `${head}${r.pick(PT_ROADS)}${num}${r.pick(PT_ESTATES)}${room()}`;
  }
  const d = r.pick(Object.keys(FZ_ROADS));
  const head = r.chance(0.5) ? `福建省福州市${d}` : `福州市${d}`;
  return `${head}${r.pick(FZ_ROADS[d] as string[])}${num}${full && r.chance(0.7) ? r.pick(FZ_ESTATES) + room() : ''}`;
}
export function twAddress(r: Rng): string {
  const city = r.pick(['臺中市西屯區', '臺中市北屯區', '臺北市大安區', '新北市板橋區', '高雄市苓雅區', '臺南市東區', '桃園市中壢區']);
  const road = r.pick(['臺灣大道三段', '文心路二段', '忠孝東路四段', '中山路一段', '民生路', '四維三路', '中華路二段']);
  return `${city}${road}${r.int(1, 399)}號${r.chance(0.5) ? `${r.int(2, 21)}樓${r.chance(0.3) ? `之${r.int(1, 9)}` : ''}` : ''}`;
}
const ADDR_PLACE = /(省|市|区|區|县|縣|镇|鎮|乡|鄉|街道|路|街|巷|弄|村|里|大道|小区|花园|公寓|新村|家园|山庄|华府)/;
const ADDR_NUMBER = /\d+\s*(号|號|栋|棟|幢|座|单元|單元|室|楼|樓|层|層|弄)/;
export function looksLikeAddress(raw: string): boolean {
  const v = raw.trim();
  return v.length >= 6 && ADDR_PLACE.test(v) && ADDR_NUMBER.test(v);
}

// ---------------------------------------------------------------------------------------------
// Health and genetics

export const DIAGNOSES = [
  '2型糖尿病', '原发性高血压', '慢性胃炎', '腰椎间盘突出症', '冠状动脉粥样硬化性心脏病', '支气管哮喘', '过敏性鼻炎', '甲状腺结节',
  '慢性乙型病毒性肝炎', '痛风', '高脂血症', '颈椎病', '荨麻疹', '湿疹', '急性上呼吸道感染', '缺铁性贫血', '抑郁症', '焦虑障碍',
  '青光眼', '老年性白内障', '子宫肌瘤', '乳腺增生', '慢性肾脏病', '骨质疏松症', '类风湿关节炎', '偏头痛', '失眠症', '肺结节',
  '非酒精性脂肪性肝病', '胆囊结石', '前列腺增生', '慢性阻塞性肺疾病', '脑梗死', '心房颤动', '带状疱疹', '桥本甲状腺炎', '多囊卵巢综合征', '银屑病',
];
export const SICK_LEAVE = ['急性上呼吸道感染', '急性胃肠炎', '腰椎间盘突出症', '右侧桡骨远端骨折', '带状疱疹', '甲型流感', '新型冠状病毒感染', '社区获得性肺炎', '急性阑尾炎', '左踝关节扭伤', '肾结石', '妊娠剧吐', '急性支气管炎', '腰肌劳损'];
export const ALLERGIES = ['青霉素过敏', '头孢类药物过敏', '花生过敏', '牛奶蛋白过敏', '鸡蛋过敏', '海鲜过敏', '芒果过敏', '尘螨过敏', '磺胺类药物过敏', '热性惊厥史', '支气管哮喘', '特应性皮炎', '蚕豆病（G6PD缺乏症）'];
export const SHIFT_HEALTH = ['高血压', '颈椎病', '腰肌劳损', '2型糖尿病', '阻塞性睡眠呼吸暂停综合征', '高尿酸血症', '左眼白内障', '焦虑状态', '窦性心动过缓', '腰椎间盘突出症'];
export const EXAMS = ['胸部CT平扫', '头颅MRI平扫', '上腹部彩超', '甲状腺彩超', '心脏彩超', '冠状动脉CTA', '胃镜检查', '结肠镜检查', '乳腺钼靶', '腰椎MRI', '动态心电图', '骨密度测定', '肺功能检查', '糖化血红蛋白', '甲状腺功能五项', '肝功能', '乙肝两对半'];
export const GENETIC_DX = ['遗传性耳聋', '地中海贫血', '遗传性乳腺癌-卵巢癌综合征', '苯丙酮尿症', '脊髓性肌萎缩症'];
export const GENETIC_VARIANTS = ['BRCA1 c.5266dupC', 'BRCA2 c.5946delT', 'GJB2 c.235delC', 'SLC26A4 c.919-2A>G', 'HBB c.-78A>G', 'HBB c.126_129delCTTT', 'TP53 c.743G>A', 'MYBPC3 c.1504C>T', 'PAH c.728G>A', 'SMN1 c.840C>T 纯合缺失', 'MLH1 c.1852_1854delAAG', 'G6PD c.1376G>T', 'CFTR c.1521_1523delCTT'];
export const PGX_SNPS = ['rs4244285 GA', 'rs4986893 GG', 'rs12248560 CT', 'rs1057910 AC', 'rs1799853 CC', 'rs9923231 CT', 'rs1801133 TT', 'rs671 GA', 'rs2231142 GT', 'rs3892097 CT', 'rs776746 CC', 'rs1045642 AG'];
const MEDICAL_TERMS = [
  ...DIAGNOSES, ...GENETIC_DX, ...SICK_LEAVE, ...ALLERGIES, ...SHIFT_HEALTH, ...EXAMS,
  '糖尿病', '高血压', '胃肠炎', '结膜炎', '外耳炎', '膀胱结石', '肾病', '骨折', '皮炎', '肺炎', '哮喘', '过敏', '肿瘤', '肝炎',
  '阿莫西林', '克拉维酸钾', '甲硝唑', '头孢氨苄', '奥美拉唑', '泼尼松龙', '美洛昔康', '二甲双胍', '阿托伐他汀', '氨氯地平', '布洛芬',
  '血常规', '尿常规', 'ALT', 'AST', '肌酐', '尿素氮', '血糖', 'CT', 'MRI', '彩超', 'B超', '心电图', 'X线', 'DR',
];
export function looksLikeMedical(raw: string): boolean {
  const v = raw.trim();
  if (/^[A-TV-Z]\d{2}(\.[0-9A-Z]{1,4})?$/.test(v)) return true; // ICD-10
  return MEDICAL_TERMS.some((t) => (/^[A-Z]+$/.test(t) ? new RegExp(`(^|[^A-Za-z])${t}([^A-Za-z]|$)`).test(v) : v.includes(t)));
}
export function looksLikeGenetic(raw: string): boolean {
  const v = raw.trim();
  return /\brs\d{2,}\b/.test(v) || /\b[cgmnrp]\.[-*]?\d+/.test(v) || /HLA-[A-Z0-9]+\*\d/.test(v) || /^[ACGTU]{20,}$/.test(v) || /\b[A-Z0-9]+\*\d+[A-Z]?\b/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Secrets

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
export function jwt(r: Rng, sub: string, iat: number): string {
  const header = b64url(JSON.stringify({ alg: r.pick(['HS256', 'RS256']), typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ iss: 'pt-dex-auth', sub, iat, exp: iat + 7200, jti: r.hex(16) }));
  return `${header}.${payload}.${r.chars(43, B64URL)}`;
}
export function appSecret(r: Rng): string {
  return r.chars(32, ALNUM);
}
export function password(r: Rng): string {
  const words = ['Pt', 'Gw', 'Dl', 'Sgcc', 'Lan', 'Hai', 'Xia', 'Wang'];
  return r.weighted<string>([
    [`${r.pick(words)}${r.pick(['@', '#', '!', '$', '_'])}${r.digits(6)}`, 40],
    [`${r.chars(3, 'abcdefghjkmnpqrstuvwxyz')}${r.chars(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}${r.digits(4)}${r.pick(['!', '@', '#', '*'])}`, 35],
    [`${r.chars(10, ALNUM)}`, 25],
  ]);
}
export function looksLikeSecret(raw: string): boolean {
  const v = raw.trim().replace(/^Bearer\s+/, '');
  if (/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/.test(v)) return true;
  if (/\s/.test(v) || v.length < 8 || v.length > 128) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  return classes >= 3 || (v.length >= 24 && classes >= 2);
}

// ---------------------------------------------------------------------------------------------
// Companies

const CO_PREFIX = ['平潭', '福建', '福州', '平潭综合实验区', '福建平潭', '厦门'];
const CO_CORE = ['岚岛', '海峡', '麒麟', '坛南湾', '金井', '澳前', '两岸', '海坛', '闽台', '蓝海', '石牌洋', '北港', '榕台', '聚鑫', '宏远', '丰泰', '恒昌', '鑫源'];
const CO_TRADE = ['旅游发展', '电子商务', '物流', '水产', '建筑工程', '文化传媒', '餐饮管理', '国际贸易', '新能源', '信息技术', '海运', '船务代理', '民宿管理', '食品', '汽车租赁', '教育咨询', '医疗器械', '港口服务'];
const CO_FORM = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
export function companyName(r: Rng): string {
  return `${r.pick(CO_PREFIX)}${r.pick(CO_CORE)}${r.pick(CO_TRADE)}${r.pick(CO_FORM)}`;
}
export function twCompanyName(r: Rng): string {
  return `${r.pick(['平潭', '福建', '平潭綜合實驗區'])}${r.pick(['台聯', '寶島', '海峽', '嘉禾', '鼎泰', '宏達', '兩岸'])}${r.pick(['貿易', '科技', '文創', '餐飲', '物流', '電子'])}有限公司`;
}

// ---------------------------------------------------------------------------------------------
// Blanks

/** A placeholder for a blank cell of a delimited file. */
export function blank(r: Rng): string {
  return r.pick(['', '', '', '无', '-', 'NULL', 'N/A', '/', '未提供']);
}
export const BLANKS = new Set(['', '无', '無', '-', 'NULL', 'null', 'N/A', '不详', '未提供', '/', '未填', '暂无']);
