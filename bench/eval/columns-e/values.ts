/**
 * Value makers and validators of the fifth blind column set (columns-e), written from the type list
 * (/work/shared/contracts/detector-types.md) and the identifier reference (customs.md §4) only:
 * GB 11643 MOD 11-2 (with GB/T 2260 address codes and real dates), the 810000/820000/830000 permits,
 * GB 32100 mod 31 with the GB 11714 organisation-code check inside, ISO 3779 VIN, HKID mod 11, the
 * Taiwan ID checksum, Luhn, the current mobile prefixes, GA 36 plates (new-energy too).
 * The generator makes values with these; check.ts validates them with the same module.
 */
import { isIP } from 'node:net';

// ---------------------------------------------------------------------------------------------
// Random stream

/** mulberry32 seeded by FNV-1a of `seed:name`: one independent stream per file maker. */
export class Rng {
  private s: number;
  constructor(seed: number, name: string) {
    let h = 0x811c9dc5;
    for (const ch of `${seed}:${name}`) {
      h ^= ch.codePointAt(0) ?? 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    this.s = h;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
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
  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
  /** Weighted pick: [value, weight] pairs. */
  weighted<T>(list: ReadonlyArray<readonly [T, number]>): T {
    const total = list.reduce((a, [, w]) => a + w, 0);
    let x = this.next() * total;
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    return (list[list.length - 1] as readonly [T, number])[0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
}

export const HEX = '0123456789abcdef';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_NO_IO = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

// ---------------------------------------------------------------------------------------------
// Dates (always UTC)

export const DAY = 86_400_000;
export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const utc = (y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date => new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
export const isoDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const fmtMoment = (d: Date): string => `${isoDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
export const compactDate = (d: Date): string => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
export const isoMoment = (d: Date): string => d.toISOString().replace('.000Z', '+00:00');

/** A date between two dates (inclusive), at midnight UTC. */
export function dateBetween(r: Rng, from: Date, to: Date): Date {
  const days = Math.floor((to.getTime() - from.getTime()) / DAY);
  return new Date(from.getTime() + r.int(0, days) * DAY);
}

/** A moment between two dates, to the second. */
export function momentBetween(r: Rng, from: Date, to: Date): Date {
  const secs = Math.floor((to.getTime() - from.getTime()) / 1000);
  return new Date(from.getTime() + r.int(0, secs) * 1000);
}

/** A birth date for an age range on 2024-06-01. */
export function birthDate(r: Rng, minAge: number, maxAge: number): Date {
  return dateBetween(r, utc(2024 - maxAge, 1, 1), utc(2024 - minAge, 5, 31));
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = utc(y, m, d);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

// ---------------------------------------------------------------------------------------------
// GB 11643 resident ID and the 81/82/83 residence permits

/** GB/T 2260 county-level codes with their names (province, city, district). */
export const ADDRESS_CODES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['350128', '福建省', '平潭综合实验区', ''],
  ['350102', '福建省', '福州市', '鼓楼区'],
  ['350103', '福建省', '福州市', '台江区'],
  ['350104', '福建省', '福州市', '仓山区'],
  ['350105', '福建省', '福州市', '马尾区'],
  ['350111', '福建省', '福州市', '晋安区'],
  ['350112', '福建省', '福州市', '长乐区'],
  ['350121', '福建省', '福州市', '闽侯县'],
  ['350122', '福建省', '福州市', '连江县'],
  ['350181', '福建省', '福州市', '福清市'],
  ['350203', '福建省', '厦门市', '思明区'],
  ['350206', '福建省', '厦门市', '湖里区'],
  ['350502', '福建省', '泉州市', '鲤城区'],
  ['350582', '福建省', '泉州市', '晋江市'],
  ['350583', '福建省', '泉州市', '南安市'],
  ['350602', '福建省', '漳州市', '芗城区'],
  ['350702', '福建省', '南平市', '延平区'],
  ['350802', '福建省', '龙岩市', '新罗区'],
  ['350902', '福建省', '宁德市', '蕉城区'],
  ['350302', '福建省', '莆田市', '城厢区'],
  ['360102', '江西省', '南昌市', '东湖区'],
  ['330106', '浙江省', '杭州市', '西湖区'],
  ['330302', '浙江省', '温州市', '鹿城区'],
  ['310104', '上海市', '', '徐汇区'],
  ['310115', '上海市', '', '浦东新区'],
  ['110105', '北京市', '', '朝阳区'],
  ['440106', '广东省', '广州市', '天河区'],
  ['440305', '广东省', '深圳市', '南山区'],
  ['430102', '湖南省', '长沙市', '芙蓉区'],
  ['420106', '湖北省', '武汉市', '武昌区'],
  ['510107', '四川省', '成都市', '武侯区'],
  ['500103', '重庆市', '', '渝中区'],
  ['410105', '河南省', '郑州市', '金水区'],
  ['370102', '山东省', '济南市', '历下区'],
  ['340104', '安徽省', '合肥市', '蜀山区'],
  ['450103', '广西壮族自治区', '南宁市', '青秀区'],
  ['520102', '贵州省', '贵阳市', '南明区'],
  ['650102', '新疆维吾尔自治区', '乌鲁木齐市', '天山区'],
  ['653101', '新疆维吾尔自治区', '喀什地区', '喀什市'],
  ['540102', '西藏自治区', '拉萨市', '城关区'],
];

const FUJIAN_CODES = ADDRESS_CODES.filter(([c]) => c.startsWith('35')).map(([c]) => c);
const OTHER_CODES = ADDRESS_CODES.filter(([c]) => !c.startsWith('35') && !c.startsWith('65') && !c.startsWith('54')).map(([c]) => c);
const XINJIANG_CODES = ['650102', '653101'];

const PROVINCE_PREFIXES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']);

const MOD112_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function mod112Check(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * (MOD112_WEIGHTS[i] as number);
  return '10X98765432'[s % 11] as string;
}

export function passesMod112(v: string): boolean {
  const x = v.toUpperCase();
  return /^\d{17}[\dX]$/.test(x) && mod112Check(x.slice(0, 17)) === x[17];
}

/** An 18-character number with a real birth date and check: address code given. */
export function gb11643(r: Rng, code: string, birth: Date, male?: boolean): string {
  let seq = r.int(0, 999);
  if (male !== undefined && (seq % 2 === 1) !== male) seq = (seq + 1) % 1000;
  const body = `${code}${compactDate(birth)}${pad(seq, 3)}`;
  return body + mod112Check(body);
}

/** A mainland resident ID: Fujian mostly (Pingtan first), some from other provinces. */
export function residentId(r: Rng, birth: Date, male?: boolean, origin: 'fujian' | 'mixed' | 'xinjiang' = 'mixed'): string {
  const code = origin === 'xinjiang' ? r.pick(XINJIANG_CODES) : origin === 'fujian' || r.chance(0.7) ? (r.chance(0.45) ? '350128' : r.pick(FUJIAN_CODES)) : r.pick(OTHER_CODES);
  return gb11643(r, code, birth, male);
}

/** A 15-digit legacy number (born before 1985): code + YYMMDD + 3 digits. */
export function legacyId(r: Rng, birth: Date): string {
  const ymd = compactDate(birth).slice(2);
  return `${r.pick(FUJIAN_CODES)}${ymd}${r.digits(3)}`;
}

/** Resident ID written the ways spreadsheets and forms hold them; a few with a typo (invalid). */
export function dirtyId(r: Rng, id: string, typo = 0.01): string {
  const x = r.next();
  if (x < typo) {
    // one digit changed: the check no longer holds
    const i = r.int(6, 16);
    const d = (Number(id[i]) + r.int(1, 9)) % 10;
    const bad = id.slice(0, i) + String(d) + id.slice(i + 1);
    return passesMod112(bad) ? id.slice(0, 17) + (id[17] === '0' ? '1' : '0') : bad;
  }
  if (x < typo + 0.02 && id.endsWith('X')) return id.slice(0, 17) + 'x';
  if (x < typo + 0.035) return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
  if (x < typo + 0.05) return ` ${id}`;
  return id;
}

export type Gb11643Kind = 'cn' | 'legacy' | '810000' | '820000' | '830000' | null;

/** What a value is under GB 11643 rules: mainland ID, legacy 15-digit, a permit, or nothing. */
export function gb11643Kind(raw: string): Gb11643Kind {
  const v = raw.replace(/\s+/g, '').replace(/^'/, '').toUpperCase();
  if (/^\d{15}$/.test(v)) {
    if (!PROVINCE_PREFIXES.has(v.slice(0, 2))) return null;
    return validYmd(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12))) ? 'legacy' : null;
  }
  if (!passesMod112(v)) return null;
  const y = Number(v.slice(6, 10));
  if (y < 1900 || y > 2024 || !validYmd(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return null;
  if (v.startsWith('810000')) return '810000';
  if (v.startsWith('820000')) return '820000';
  if (v.startsWith('830000')) return '830000';
  return PROVINCE_PREFIXES.has(v.slice(0, 2)) ? 'cn' : null;
}

/** 18 digits shaped as an ID (real address code + real date) whose last digit is never the check and which fail Luhn. */
export function idShapedInvalid(r: Rng, code: string, d: Date): string {
  for (;;) {
    const body = `${code}${compactDate(d)}${r.digits(3)}`;
    const good = mod112Check(body);
    const last = String(r.int(0, 9));
    const v = body + last;
    if (last !== good && !luhnValid(v) && !isUscc(v)) return v;
  }
}

// ---------------------------------------------------------------------------------------------
// Checksums: Luhn, GB 32100 (with GB 11714), ISO 3779, HKID, Taiwan ID

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

export function luhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return String(d);
  throw new Error('unreachable');
}

/** A number of n digits starting with prefix that fails Luhn (transaction ids, order numbers). */
export function luhnFailing(r: Rng, prefix: string, n: number): string {
  for (;;) {
    const v = prefix + r.digits(n - prefix.length);
    if (!luhnValid(v)) return v;
  }
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheck(body8: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i] as string;
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    s += v * (ORG_WEIGHTS[i] as number);
  }
  const c9 = 11 - (s % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

function usccCheck(body17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET.indexOf(body17[i] as string) * (USCC_WEIGHTS[i] as number);
  return USCC_ALPHABET[(31 - (s % 31)) % 31] as string;
}

export function isUscc(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(v)) return false;
  return usccCheck(v.slice(0, 17)) === v[17];
}

/** A USCC: 91 (company) / 92 (individual business) / 93 (co-operative) / 52 (social org), region, org code with its own check. */
export function uscc(r: Rng, region = '350128'): string {
  const head = r.weighted([['91', 8], ['92', 2], ['93', 1], ['52', 1]] as const);
  for (;;) {
    const body8 = r.chance(0.8) ? `MA${r.chars('0123456789ABCDEFGHJKLMNPQRTUWXY', 6)}` : r.digits(8);
    const c9 = orgCodeCheck(body8);
    const body = `${head}${region}${body8}${c9}`;
    if (!/^[0-9A-HJ-NP-RTUW-Y]{17}$/.test(body)) continue;
    return body + usccCheck(body);
  }
}

const VIN_VALUES: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 };
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
function vinValue(c: string): number {
  return /\d/.test(c) ? Number(c) : (VIN_VALUES[c] ?? -100);
}
function vinCheck(v: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += vinValue(v[i] as string) * (VIN_WEIGHTS[i] as number);
  const m = s % 11;
  return m === 10 ? 'X' : String(m);
}
export function isVin(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && vinCheck(v) === v[8];
}

const WMIS = ['LSV', 'LFV', 'LGB', 'LHG', 'LVS', 'LSG', 'LBV', 'LFM', 'LRW', 'LGX', 'LNB', 'LVH', 'LZW', 'LB3', 'HJR'];
const VIN_YEARS = 'HJKLMNPR'; // 2017 … 2024
export function vin(r: Rng): string {
  const vds = r.chars('ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 5);
  const body = `${r.pick(WMIS)}${vds}0${r.pick([...VIN_YEARS])}${r.chars('ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 1)}${r.digits(6)}`;
  return body.slice(0, 8) + vinCheck(body) + body.slice(9);
}

function hkLetter(c: string): number {
  return c.charCodeAt(0) - 55; // A=10 … Z=35
}
function hkidCheck(prefix: string, digits6: string): string {
  const letters = prefix.length === 1 ? [36, hkLetter(prefix)] : [hkLetter(prefix[0] as string), hkLetter(prefix[1] as string)];
  let s = (letters[0] as number) * 9 + (letters[1] as number) * 8;
  for (let i = 0; i < 6; i++) s += Number(digits6[i]) * (7 - i);
  const m = s % 11;
  if (m === 0) return '0';
  return 11 - m === 10 ? 'A' : String(11 - m);
}
export function isHkid(raw: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6})\s?[(（]?([0-9A])[)）]?$/.exec(raw.trim().toUpperCase());
  return m !== null && hkidCheck(m[1] as string, m[2] as string) === m[3];
}
export function hkid(r: Rng): string {
  const prefix = r.chance(0.08) ? r.pick(['XA', 'WX']) : r.pick([...'ABCDEGHKMPRVYZ']);
  const d = r.digits(6);
  const c = hkidCheck(prefix, d);
  return r.chance(0.85) ? `${prefix}${d}(${c})` : `${prefix}${d}${c}`;
}

const TW_LETTERS: Record<string, number> = { A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33 };
function twSum(v: string): number {
  const n = TW_LETTERS[v[0] as string] ?? 0;
  let s = Math.floor(n / 10) + (n % 10) * 9;
  for (let i = 1; i <= 8; i++) s += Number(v[i]) * (9 - i);
  return s + Number(v[9]);
}
export function isTwNationalId(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  return /^[A-Z][12]\d{8}$/.test(v) && twSum(v) % 10 === 0;
}
export function twNationalId(r: Rng, male: boolean): string {
  const letter = r.weighted([['A', 6], ['F', 5], ['H', 3], ['B', 3], ['E', 3], ['D', 2], ['R', 1], ['T', 1], ['K', 1], ['N', 1], ['Q', 1], ['J', 1]] as const);
  const body = `${letter}${male ? '1' : '2'}${r.digits(7)}`;
  for (let c = 0; c <= 9; c++) if (twSum(body + String(c)) % 10 === 0) return body + String(c);
  throw new Error('unreachable');
}

// ---------------------------------------------------------------------------------------------
// Permits and passports (shapes only: no public checksum)

/** 台胞证: 8-digit lifelong number; some older 10-character forms. */
export function mtp(r: Rng): string {
  const n = `${r.int(0, 1)}${r.digits(7)}`;
  const x = r.next();
  if (x < 0.05) return `${n}${pad(r.int(1, 6))}`;
  if (x < 0.08) return `${n}(${pad(r.int(1, 6))})`;
  return n;
}
export function isMtp(raw: string): boolean {
  const v = raw.trim();
  return /^\d{8}$/.test(v) || /^\d{10}$/.test(v) || /^\d{8}[(（]\d{2}[)）]$/.test(v) || /^\d{10}[(（][A-Z][)）]$/.test(v);
}

/** 回乡证: H/M + 8 digits (+ 2-digit renewal count). */
export function homeReturnPermit(r: Rng, kind: 'H' | 'M'): string {
  const n = `${kind}${r.int(0, 1)}${r.digits(7)}`;
  return r.chance(0.3) ? `${n}${pad(r.int(0, 5))}` : n;
}
export function isHomeReturnPermit(raw: string): boolean {
  return /^[HM]\d{8}(\d{2})?$/.test(raw.trim().toUpperCase());
}

export function cnPassport(r: Rng): string {
  return r.chance(0.25) ? `G${r.digits(8)}` : `E${r.chars(`${UPPER_NO_IO}0123456789`, 1)}${r.digits(7)}`;
}
export function isCnPassport(raw: string): boolean {
  return /^(G\d{8}|E[A-HJ-NP-Z0-9]\d{7})$/.test(raw.trim().toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Phones

const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199'];

export function mobile(r: Rng): string {
  return `${r.pick(MOBILE_PREFIXES)}${r.digits(8)}`;
}

/** A mobile in one of the ways people write it; `style` 0–1 shifts towards the formatted forms. */
export function fmtMobile(r: Rng, m: string, formatted = 0.1): string {
  if (!r.chance(formatted)) return m;
  return r.pick([
    `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
    `+86 ${m}`,
    `+86${m}`,
    `+86-${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    `0086${m}`,
    `86-${m}`,
  ]);
}

export function isCnMobile(raw: string): boolean {
  const v = raw.trim().replace(/^(\+86|0086|86)[\s-]?/, '').replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(v);
}

export function twMobile(r: Rng): string {
  const n = `9${r.int(0, 8)}${r.digits(7)}`;
  return r.pick([`0${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`, `0${n}`, `+886 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `+886-${n}`, `0${n.slice(0, 3)}${n.slice(3, 6)}-${n.slice(6)}`]);
}
export function isTwMobile(raw: string): boolean {
  const v = raw.trim().replace(/[\s-]/g, '');
  return /^09\d{8}$/.test(v) || /^\+8869\d{8}$/.test(v);
}

const AREA_CODES: ReadonlyArray<readonly [string, number]> = [['0591', 8], ['0592', 7], ['0595', 8], ['0594', 7], ['010', 8], ['021', 8], ['020', 8], ['0755', 8], ['0571', 8], ['027', 8]];
export function landline(r: Rng, area?: string): string {
  const [code, len] = area === undefined ? r.pick(AREA_CODES) : (AREA_CODES.find(([c]) => c === area) ?? ['0591', 8]);
  const local = `${r.int(2, 8)}${r.digits(len - 1)}`;
  const split = len === 8 ? `${local.slice(0, 4)}-${local.slice(4)}` : `${local.slice(0, 3)}-${local.slice(3)}`;
  const x = r.next();
  if (x < 0.55) return `${code}-${local}`;
  if (x < 0.65) return `(${code})${local}`;
  if (x < 0.72) return `（${code}）${split}`;
  if (x < 0.8) return `${code} ${local}`;
  if (x < 0.88) return `${code}-${local}-${r.int(800, 8999)}`;
  if (x < 0.93) return `${code}-${local}转${r.int(100, 899)}`;
  return `${code}${local}`;
}
export function isCnLandline(raw: string): boolean {
  const v = raw.trim();
  return /^(\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[\s-]?[2-8]\d{2,3}-?\d{4}(([-转]|ext\.?)\d{1,5})?$/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Network

export function email(r: Rng, name?: string): string {
  const x = r.next();
  const local = x < 0.3 ? `${r.int(10000, 3999999999)}` : x < 0.7 && name !== undefined ? `${name}${r.chance(0.5) ? r.int(1, 99) : r.pick(['', '.' + r.chars('abcdefghijklmnopqrstuvwxyz', 2)])}` : `${r.chars('abcdefghijklmnopqrstuvwxyz', r.int(4, 9))}${r.int(0, 999)}`;
  const domain = x < 0.3 ? 'qq.com' : r.pick(['163.com', '126.com', 'sina.com', 'gmail.com', 'outlook.com', 'foxmail.com', 'hotmail.com', 'yahoo.com.tw', 'pingtan.gov.cn', 'fjpt-tech.com', 'hotmail.com.tw']);
  return `${local}@${domain}`;
}
export function isEmail(raw: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(raw.trim());
}

export function ipv4Public(r: Rng): string {
  for (;;) {
    const a = r.pick([27, 36, 58, 59, 60, 61, 110, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 125, 140, 171, 175, 180, 182, 183, 202, 210, 211, 218, 220, 221, 222, 223]);
    return `${a}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  }
}
export function ipv4Private(r: Rng): string {
  return r.pick([`10.${r.int(0, 40)}.${r.int(0, 255)}.${r.int(1, 254)}`, `192.168.${r.int(0, 20)}.${r.int(2, 254)}`, `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`]);
}
export function ipv6(r: Rng): string {
  const g = (): string => r.chars(HEX, r.int(1, 4)).replace(/^0+(?=.)/, '');
  return r.chance(0.2) ? `fe80::${g()}:${g()}:${g()}:${g()}` : `240${r.pick(['e', '8', '9'])}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}`;
}
export function isIp(raw: string): boolean {
  return isIP(raw.trim()) !== 0;
}

export function mac(r: Rng, style?: number): string {
  const bytes = Array.from({ length: 6 }, () => r.chars(HEX, 2));
  bytes[0] = (r.int(0, 63) * 4).toString(16).padStart(2, '0'); // unicast, globally administered
  const s = style ?? r.int(0, 3);
  if (s === 0) return bytes.join(':').toUpperCase();
  if (s === 1) return bytes.join(':');
  if (s === 2) return bytes.join('-').toUpperCase();
  const j = bytes.join('');
  return `${j.slice(0, 4)}.${j.slice(4, 8)}.${j.slice(8)}`;
}
export function isMac(raw: string): boolean {
  const v = raw.trim();
  return /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/.test(v) || /^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Cards, plates, coordinates

const BINS: ReadonlyArray<readonly [string, number]> = [['622848', 19], ['621700', 19], ['622202', 19], ['621661', 19], ['622262', 19], ['621226', 19], ['623668', 19], ['622588', 16], ['621483', 16], ['625911', 16], ['436742', 16], ['524094', 16], ['622908', 18]];
export function bankCard(r: Rng, luhnFail = 0): string {
  const [bin, len] = r.pick(BINS);
  const body = bin + r.digits(len - bin.length - 1);
  const c = luhnDigit(body);
  if (bin.startsWith('62') && r.chance(luhnFail)) return body + String((Number(c) + r.int(1, 9)) % 10);
  return body + c;
}
export function fmtCard(r: Rng, c: string, grouped = 0.2): string {
  if (!r.chance(grouped)) return c;
  return r.chance(0.8) ? (c.match(/.{1,4}/g) ?? [c]).join(' ') : (c.match(/.{1,4}/g) ?? [c]).join('-');
}

export const PROVINCE_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
export function plate(r: Rng, newEnergy = 0.25): string {
  const prov = r.chance(0.75) ? '闽' : r.pick([...PROVINCE_CHARS]);
  const city = prov === '闽' ? r.weighted([['A', 6], ['D', 2], ['C', 1], ['B', 1], ['E', 1], ['K', 1], ['J', 1]] as const) : r.chars(UPPER_NO_IO, 1);
  let tail: string;
  if (r.chance(newEnergy)) {
    tail = r.chance(0.85) ? `${r.pick(['D', 'F'])}${r.chars(`${UPPER_NO_IO}0123456789`, 1)}${r.digits(4)}` : `${r.digits(5)}${r.pick(['D', 'F'])}`;
  } else {
    const letters = r.int(0, 2);
    const chars = [...r.digits(5)];
    for (let i = 0; i < letters; i++) chars[r.int(0, 4)] = r.chars(UPPER_NO_IO, 1);
    tail = chars.join('');
  }
  return `${prov}${city}${tail}`;
}
export function fmtPlate(r: Rng, p: string, dirty = 0.08): string {
  if (!r.chance(dirty)) return p;
  return r.pick([`${p.slice(0, 2)}·${p.slice(2)}`, `${p.slice(0, 2)} ${p.slice(2)}`, `${p.slice(0, 2)}-${p.slice(2)}`]);
}
export function isPlate(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  return new RegExp(`^[${PROVINCE_CHARS}][A-HJ-NP-Z][·\\s-]?[A-HJ-NP-Z0-9]{5,6}$`).test(v);
}

/** A point near a centre, as "lat,lng" with 5–6 decimals. */
export function geo(r: Rng, lat: number, lng: number, spread: number): string {
  const la = lat + (r.next() - 0.5) * spread;
  const lo = lng + (r.next() - 0.5) * spread;
  const dec = r.pick([5, 6, 6]);
  const sep = r.weighted([[',', 8], [', ', 2], [' ', 1]] as const);
  return `${la.toFixed(dec)}${sep}${lo.toFixed(dec)}`;
}
export function isGeo(raw: string): boolean {
  const m = /^(-?\d{1,2}\.\d{3,})\s*[,，\s]\s*(-?\d{1,3}\.\d{3,})$/.exec(raw.trim());
  return m !== null && Math.abs(Number(m[1])) <= 90 && Math.abs(Number(m[2])) <= 180;
}

// ---------------------------------------------------------------------------------------------
// Names

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤詹游翁施俞池欧卓庄'];
const PINGTAN_SURNAMES = [...'林林林陈陈陈魏詹游翁施俞池欧李王张吴郑'];
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '司徒', '令狐', '慕容', '尉迟'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志鹏宇浩然子轩梓涵一诺欣怡思远晨曦佳琪雨桐俊文博海燕春梅金水生妹辉斌婷琳彬玲凤雪琴云飞晓峰宏颖萍波德成龙振家玉清亮松晶倩鑫淑嘉荣'];
const TW_SURNAMES = [...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯孫魏翁戴范宋方'];
const TW_GIVEN = ['志明', '淑芬', '雅婷', '冠宇', '家豪', '怡君', '宗翰', '美玲', '俊傑', '佩珊', '建宏', '淑惠', '承恩', '詠晴', '柏翰', '欣妤', '品妍', '宥廷', '思妤', '哲瑋', '育誠', '麗華', '秀蘭', '國榮', '振興', '嘉玲', '鈺婷', '凱翔', '韋傑', '筱涵', '慧君', '文雄', '明輝', '佳蓉', '彥廷', '詩涵'];
const MINORITY_A = ['阿不都热合曼', '买买提', '艾力', '古丽娜尔', '热依拉', '努尔艾力', '帕提古丽', '阿依古丽', '吐尔逊', '艾克拜尔', '如克亚', '麦尔旦', '阿迪力', '祖丽皮耶'];
const MINORITY_B = ['艾力', '吐尔逊', '买买提', '依明', '艾则孜', '托合提', '阿布都拉', '米吉提', '卡德尔', '司马义', '热合曼', '玉素甫'];
/** Tibetan and Mongolian names written without a surname or dot. */
export const MINORITY_WHOLE = ['扎西次仁', '次仁卓玛', '格桑旦增', '央金拉姆', '巴特尔', '乌云其木格', '斯琴高娃', '达瓦顿珠'];

export function personName(r: Rng, pingtan = 0.4): string {
  const x = r.next();
  if (x < 0.03) return r.pick(COMPOUND) + r.pick(GIVEN) + (r.chance(0.5) ? r.pick(GIVEN) : '');
  const sur = r.chance(pingtan) ? r.pick(PINGTAN_SURNAMES) : r.pick(SURNAMES);
  return sur + r.pick(GIVEN) + (r.chance(0.7) ? r.pick(GIVEN) : '');
}
export function twName(r: Rng): string {
  if (r.chance(0.05)) return r.pick(TW_SURNAMES) + r.pick(TW_SURNAMES) + r.pick(TW_GIVEN); // 冠夫姓
  return r.pick(TW_SURNAMES) + r.pick(TW_GIVEN);
}
export function minorityName(r: Rng): string {
  if (r.chance(0.15)) return r.pick(MINORITY_WHOLE);
  return `${r.pick(MINORITY_A)}·${r.pick(MINORITY_B)}`;
}
/** Mostly Han names, a share of minority names with a dot. */
export function mixedName(r: Rng, minority = 0.04, pingtan = 0.4): string {
  return r.chance(minority) ? minorityName(r) : personName(r, pingtan);
}
/** Inner or trailing spaces that forms leave in names. */
export function dirtyName(r: Rng, n: string, p = 0.04): string {
  if (!r.chance(p)) return n;
  return r.chance(0.5) && n.length === 2 && !n.includes('·') ? `${n[0]} ${n[1]}` : `${n} `;
}

const ALL_SURNAMES = new Set([...SURNAMES, ...TW_SURNAMES]);
export function looksLikeName(raw: string): boolean {
  const v = raw.trim().replace(/\s+/g, '');
  if (MINORITY_WHOLE.includes(v)) return true;
  if (/^[\u4e00-\u9fff]{2,7}·[\u4e00-\u9fff]{2,7}$/.test(v)) return true;
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(v)) return false;
  if (COMPOUND.some((c) => v.startsWith(c)) && v.length >= 3) return true;
  return ALL_SURNAMES.has(v[0] as string) && v.length <= 4;
}

// ---------------------------------------------------------------------------------------------
// Addresses

export const PINGTAN_TOWNS = ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇', '白青乡', '中楼乡', '东庠乡', '岚城乡', '南海乡', '芦洋乡', '屿头乡', '大练乡'];
export const PINGTAN_ROADS = ['麒麟路', '西航路', '龙山路', '中山路', '金井湾大道', '万宝路', '海峡路', '环岛路', '澳前路', '岚城大道', '城关路', '北港路', '坛南大道', '竹屿路'];
export const ESTATES = ['麒麟花园', '海峡如意城', '坛西新村', '金井湾小区', '龙凤花园', '东澳新苑', '滨海豪园', '融侨外滩', '三盛国际公园', '万科城', '世欧王庄', '泰禾红峪', '海峡公寓'];
const VILLAGES = ['田美村', '北港村', '磹水村', '猴研村', '东美村', '龙王头村', '山岐澳村', '流水村', '青峰村', '钟门村', '芬尾村'];
const CITY_ROADS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['福建省福州市鼓楼区', ['五四路', '东街', '杨桥中路', '湖东路', '华林路', '古田路']],
  ['福建省福州市台江区', ['工业路', '八一七中路', '江滨西大道', '宁化路']],
  ['福建省福州市仓山区', ['上三路', '首山路', '则徐大道', '金山大道']],
  ['福建省福州市晋安区', ['福新东路', '长乐北路', '连江北路', '岳峰路']],
  ['福建省福州市福清市', ['清昌大道', '福唐路', '融侨路']],
  ['福建省厦门市思明区', ['莲前西路', '湖滨南路', '厦禾路', '嘉禾路']],
  ['福建省泉州市晋江市', ['世纪大道', '青梅路', '泉安中路']],
  ['上海市浦东新区', ['张杨路', '世纪大道', '杨高南路']],
  ['北京市朝阳区', ['建国路', '朝阳北路', '望京西路']],
  ['广东省广州市天河区', ['天河北路', '体育西路', '黄埔大道西']],
  ['浙江省杭州市西湖区', ['文三路', '天目山路', '教工路']],
];
const TW_ADDR = ['臺北市大安區復興南路一段', '新北市板橋區文化路二段', '臺中市西屯區臺灣大道三段', '高雄市苓雅區四維三路', '桃園市中壢區中正路', '臺南市東區東門路二段', '新竹市東區光復路二段', '臺北市信義區松仁路', '彰化縣彰化市中山路二段', '宜蘭縣羅東鎮公正路'];

function unitRoom(r: Rng): string {
  const x = r.next();
  if (x < 0.4) return `${r.int(1, 30)}号楼${r.int(1, 4)}单元${r.int(1, 32)}0${r.int(1, 6)}室`;
  if (x < 0.6) return `${r.int(1, 18)}栋${r.int(1, 28)}0${r.int(1, 4)}`;
  if (x < 0.75) return `${r.int(1, 12)}幢${r.int(1, 3)}单元${r.int(1, 18)}0${r.int(1, 4)}`;
  return `${r.int(1, 20)}号楼${r.int(1, 26)}0${r.int(1, 8)}室`;
}

export function pingtanAddress(r: Rng, withProvince = 0.6): string {
  const head = r.chance(withProvince) ? '福建省平潭综合实验区' : r.chance(0.5) ? '平潭综合实验区' : '平潭县';
  const x = r.next();
  if (x < 0.3) return `${head}${r.pick(PINGTAN_TOWNS)}${r.pick(VILLAGES)}${r.int(1, 420)}号`;
  if (x < 0.7) return `${head}${r.pick(PINGTAN_TOWNS)}${r.pick(PINGTAN_ROADS)}${r.int(1, 388)}号${r.pick(ESTATES)}${unitRoom(r)}`;
  return `${head}${r.pick(PINGTAN_ROADS)}${r.int(1, 388)}号${r.chance(0.5) ? r.pick(ESTATES) : ''}${unitRoom(r)}`;
}
export function cityAddress(r: Rng): string {
  const [head, roads] = r.pick(CITY_ROADS);
  return `${head}${r.pick(roads)}${r.int(1, 688)}号${r.chance(0.6) ? `${r.pick(ESTATES)}${unitRoom(r)}` : ''}`;
}
export function address(r: Rng, pingtan = 0.55): string {
  return r.chance(pingtan) ? pingtanAddress(r) : cityAddress(r);
}
export function twAddress(r: Rng): string {
  const base = `${r.pick(TW_ADDR)}${r.int(1, 420)}號`;
  const x = r.next();
  if (x < 0.3) return `${base}${r.int(2, 15)}樓之${r.int(1, 6)}`;
  if (x < 0.6) return `${base}${r.int(2, 15)}樓`;
  return `${r.pick(TW_ADDR)}${r.int(1, 200)}巷${r.int(1, 60)}號`;
}
export function looksLikeAddress(raw: string): boolean {
  const v = raw.trim();
  const admin = /(省|市|区|區|县|縣|镇|鎮|乡|鄉|村|路|街|巷|弄|大道|小区|花园|新村|苑|城)/.test(v);
  const num = /\d+\s*(号|號|栋|棟|幢|楼|樓|单元|室|巷|弄)|\d+-\d+-\d+/.test(v);
  return admin && num && /[\u4e00-\u9fff]/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Health and genetic data

/** 门诊慢特病 病种 with an ICD-10 (国家临床版) code. */
export const CHRONIC: ReadonlyArray<readonly [string, string]> = [
  ['高血压病', 'I10.x00'],
  ['2型糖尿病', 'E11.900'],
  ['冠状动脉粥样硬化性心脏病', 'I25.103'],
  ['慢性心力衰竭', 'I50.900'],
  ['脑梗死后遗症', 'I69.300'],
  ['慢性阻塞性肺疾病', 'J44.900'],
  ['支气管哮喘', 'J45.900'],
  ['慢性肾脏病5期', 'N18.500'],
  ['肾移植状态', 'Z94.000'],
  ['肺恶性肿瘤', 'C34.900'],
  ['乳腺恶性肿瘤', 'C50.900'],
  ['胃恶性肿瘤', 'C16.900'],
  ['精神分裂症', 'F20.900'],
  ['双相情感障碍', 'F31.900'],
  ['帕金森病', 'G20.x00'],
  ['类风湿关节炎', 'M06.900'],
  ['系统性红斑狼疮', 'M32.900'],
  ['再生障碍性贫血', 'D61.900'],
  ['慢性乙型病毒性肝炎', 'B18.100'],
  ['肝硬化', 'K74.600'],
  ['继发性肺结核', 'A16.200'],
  ['甲状腺功能亢进症', 'E05.900'],
  ['癫痫', 'G40.900'],
  ['强直性脊柱炎', 'M45.x00'],
  ['重症肌无力', 'G70.000'],
];
export const CHRONIC_DRUGS = ['苯磺酸氨氯地平片', '盐酸二甲双胍缓释片', '阿托伐他汀钙片', '硫酸氢氯吡格雷片', '沙库巴曲缬沙坦钠片', '噻托溴铵粉吸入剂', '布地奈德福莫特罗吸入粉雾剂', '他克莫司胶囊', '奥氮平片', '碳酸锂缓释片', '多巴丝肼片', '甲氨蝶呤片', '硫酸羟氯喹片', '恩替卡韦分散片', '甲巯咪唑片', '丙戊酸钠缓释片', '门冬胰岛素注射液', '利伐沙班片', '吉非替尼片', '来曲唑片'];
export const EXAM_FINDINGS = ['轻度脂肪肝', '中度脂肪肝', '甲状腺结节（TI-RADS 3类）', '高尿酸血症', '高脂血症', '幽门螺杆菌感染', '乳腺增生', '子宫肌瘤', '肝囊肿', '左肾结石', '窦性心动过缓', '颈椎病', '原发性高血压', '空腹血糖受损', '胆囊息肉', '右肺上叶磨玻璃结节', '缺铁性贫血', '骨量减少', '屈光不正', '慢性咽炎', '前列腺增生', '慢性浅表性胃炎', '乙肝表面抗原阳性'];
export const EXAM_ICD = ['K76.000', 'K76.000', 'E04.101', 'E79.000', 'E78.500', 'B98.001', 'N60.200', 'D25.900', 'K76.807', 'N20.000', 'R00.101', 'M47.800', 'I10.x00', 'R73.001', 'K82.805', 'R91.x00', 'D50.900', 'M85.800', 'H52.700', 'J31.200', 'N40.x00', 'K29.301', 'Z22.500'];
const MEDICAL_EXTRA = ['高血压', '糖尿病', '冠心病', '心力衰竭', '脑梗死', '哮喘', '肾脏病', '恶性肿瘤', '肺结核', '肝炎', '抑郁症', '痛风', '布洛芬', '对乙酰氨基酚', '氯雷他定', '阿莫西林', '奥美拉唑', '二甲双胍', '氨氯地平', '阿司匹林'];
const MEDICAL_TERMS = [...CHRONIC.map(([n]) => n), ...CHRONIC_DRUGS, ...EXAM_FINDINGS, ...MEDICAL_EXTRA];
const ICD_RE = /^[A-TV-Z]\d{2}(\.[0-9xX]{1,3}\d{0,3})?$/;
export function looksLikeMedical(raw: string): boolean {
  const v = raw.trim();
  if (ICD_RE.test(v)) return true;
  return MEDICAL_TERMS.some((t) => v.includes(t));
}

export const SNPS: ReadonlyArray<readonly [string, string, string]> = [
  ['rs1801133', 'C', 'T'],
  ['rs4149056', 'T', 'C'],
  ['rs671', 'G', 'A'],
  ['rs1229984', 'C', 'T'],
  ['rs4244285', 'G', 'A'],
  ['rs4986893', 'G', 'A'],
  ['rs1057910', 'A', 'C'],
  ['rs9923231', 'C', 'T'],
  ['rs429358', 'T', 'C'],
  ['rs7412', 'C', 'T'],
  ['rs762551', 'A', 'C'],
  ['rs12979860', 'C', 'T'],
  ['rs2231142', 'G', 'T'],
  ['rs1815739', 'C', 'T'],
];
export function snpCall(r: Rng): string {
  const [id, ref, alt] = r.pick(SNPS);
  const g = r.weighted([[ref + ref, 5], [ref + alt, 4], [alt + alt, 1]] as const);
  return `${id} ${g}`;
}
export function dnaSequence(r: Rng, min = 20, max = 60): string {
  return r.chars('ACGT', r.int(min, max));
}
export function looksLikeGenetic(raw: string): boolean {
  const v = raw.trim();
  return /\brs\d{3,}\b/.test(v) || /^[ACGTU]{12,}$/i.test(v) || /c\.\d+[ACGT]>[ACGT]/.test(v) || /HLA-[A-Z]+\*\d/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Secrets and look-alike blobs

export function base64url(r: Rng, n: number): string {
  return r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', n);
}
export function jwt(r: Rng): string {
  const header = Buffer.from(JSON.stringify({ alg: r.pick(['HS256', 'RS256']), typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ sub: String(r.int(100000, 9999999)), iat: 1718064000 + r.int(0, 86400), exp: 1718150400 + r.int(0, 86400), scope: r.pick(['user', 'user order', 'admin']) })).toString('base64url');
  return `${header}.${payload}.${base64url(r, 43)}`;
}
export function password(r: Rng): string {
  const x = r.next();
  if (x < 0.2) return `${r.pick(['Pt', 'Yc', 'Hx', 'Lan', 'Fish'])}${r.pick(['@', '#', '!', '_'])}${r.int(1000, 999999)}`;
  if (x < 0.35) return `${r.chars('abcdefghijkmnpqrstuvwxyz', r.int(4, 6))}${r.int(1980, 2005)}${r.pick(['!', '.', '#', ''])}`;
  const body = r.chars('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%&*', r.int(9, 15));
  const at = r.int(1, body.length - 1);
  return body.slice(0, at) + String(r.int(2, 9)) + body.slice(at);
}
export function apiKey(r: Rng): string {
  return r.pick([`sk-${base64url(r, 48).replace(/[-_]/g, 'a')}`, `sk_live_${r.chars(ALNUM, 32)}`, `AKIA${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, `LTAI5t${r.chars(ALNUM, 18)}`, `ghp_${r.chars(ALNUM, 36)}`]);
}
export function looksLikeSecret(raw: string): boolean {
  const v = raw.trim().replace(/^Bearer\s+/, '');
  return /^\S{8,}$/.test(v) && /[A-Za-z]/.test(v) && /\d/.test(v);
}
export function hex(r: Rng, n: number): string {
  return r.chars(HEX, n);
}
export function uuid(r: Rng): string {
  const h = hex(r, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
}
export function base64Blob(r: Rng, bytes: number): string {
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) b[i] = r.int(0, 255);
  return b.toString('base64');
}

// ---------------------------------------------------------------------------------------------
// Company names, departments, misc.

const CO_PLACES = ['平潭', '福州', '福建', '岚岛', '海峡', '闽台', '金井湾', '厦门', '台商'];
const CO_CORES = ['海峡', '蓝海', '岚岛', '鑫达', '宏远', '海坛', '闽台通', '万宝', '振华', '华信', '恒泰', '顺丰源', '盛隆', '远航', '新天地', '和泰'];
const CO_TRADES = ['科技', '贸易', '渔业', '物流', '建设工程', '旅游开发', '电子商务', '水产养殖', '食品', '文化传媒', '医疗器械', '供应链管理', '酒店管理', '海运'];
export function companyName(r: Rng): string {
  return `${r.pick(CO_PLACES)}${r.pick(CO_CORES)}${r.pick(CO_TRADES)}${r.pick(['有限公司', '有限公司', '股份有限公司', '有限责任公司'])}`;
}
export const BANKS = ['中国银行平潭分行', '中国工商银行平潭支行', '中国农业银行平潭综合实验区支行', '中国建设银行平潭分行', '兴业银行平潭分行', '福建海峡银行平潭分行', '平潭农村商业银行', '交通银行福州分行', '招商银行福州分行'];

/** Pick a blank marker for a sparse or missing cell. */
export function blankMark(r: Rng, marks: readonly string[] = ['', '', '', '无', '-', 'NULL', 'N/A', '未提供', '/']): string {
  return r.pick(marks);
}
