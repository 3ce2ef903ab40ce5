/**
 * Value makers and validators of the tenth blind column set (columns-j), written without reading the
 * scanner, its recognisers or the earlier sets' value makers. Checksums follow
 * /work/shared/reference/customs.md §4: GB 11643 MOD 11-2 (resident IDs and the 810000/820000/830000
 * permits), GB 32100 mod 31 with the GB 11714 organisation-code check inside it, ISO 3779 VIN, HKID mod 11,
 * the Taiwan ID checksum, Luhn. County codes are real GB/T 2260 codes (the ones listed in COUNTIES).
 */

// ---------------------------------------------------------------------------------------------
// Random stream

/** mulberry32 over a 32-bit state. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
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
  pick<T>(arr: readonly T[]): T {
    const v = arr[Math.floor(this.next() * arr.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
  /** Pick with weights: [[value, weight], …]. */
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    const total = pairs.reduce((s, p) => s + p[1], 0);
    let x = this.next() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [arr[i], arr[j]] = [arr[j] as T, arr[i] as T];
    }
    return arr;
  }
}

/** One stream per file maker: the set's seed mixed with the maker's name by FNV-1a. */
export function makeRng(seed: number, name: string): Rng {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return new Rng((h ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
}

/** Draws again until `ok` holds (the makers of decoys that must fail every check). */
export function redraw<T>(make: () => T, ok: (v: T) => boolean, tries = 500): T {
  for (let i = 0; i < tries; i++) {
    const v = make();
    if (ok(v)) return v;
  }
  throw new Error('redraw: no acceptable value');
}

// ---------------------------------------------------------------------------------------------
// Dates (always UTC; local wall-clock times are held as UTC values)

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function utc(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
}

export function randomDate(r: Rng, from: Date, to: Date): Date {
  const days = Math.floor((to.getTime() - from.getTime()) / 86400000);
  return new Date(from.getTime() + r.int(0, days) * 86400000);
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}

export function addMinutes(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 60000);
}

export function ymd(d: Date, sep = '-'): string {
  return `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;
}

export function ymdCompact(d: Date): string {
  return ymd(d, '');
}

export function ymdhms(d: Date): string {
  return `${ymd(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** ISO 8601 with the +08:00 offset, from a wall-clock value held as UTC. */
export function isoLocal(d: Date): string {
  return `${ymd(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

export function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

// ---------------------------------------------------------------------------------------------
// GB/T 2260 county codes (real codes; names for addresses)

export interface County {
  code: string;
  province: string;
  city: string;
  county: string;
}

const C = (code: string, province: string, city: string, county: string): County => ({ code, province, city, county });

export const FUJIAN: readonly County[] = [
  C('350102', '福建省', '福州市', '鼓楼区'), C('350103', '福建省', '福州市', '台江区'), C('350104', '福建省', '福州市', '仓山区'),
  C('350105', '福建省', '福州市', '马尾区'), C('350111', '福建省', '福州市', '晋安区'), C('350112', '福建省', '福州市', '长乐区'),
  C('350121', '福建省', '福州市', '闽侯县'), C('350122', '福建省', '福州市', '连江县'), C('350123', '福建省', '福州市', '罗源县'),
  C('350124', '福建省', '福州市', '闽清县'), C('350125', '福建省', '福州市', '永泰县'), C('350128', '福建省', '福州市', '平潭县'),
  C('350181', '福建省', '福州市', '福清市'), C('350182', '福建省', '福州市', '长乐市'),
  C('350203', '福建省', '厦门市', '思明区'), C('350205', '福建省', '厦门市', '海沧区'), C('350206', '福建省', '厦门市', '湖里区'),
  C('350211', '福建省', '厦门市', '集美区'), C('350212', '福建省', '厦门市', '同安区'),
  C('350302', '福建省', '莆田市', '城厢区'), C('350303', '福建省', '莆田市', '涵江区'), C('350322', '福建省', '莆田市', '仙游县'),
  C('350502', '福建省', '泉州市', '鲤城区'), C('350503', '福建省', '泉州市', '丰泽区'), C('350521', '福建省', '泉州市', '惠安县'),
  C('350524', '福建省', '泉州市', '安溪县'), C('350582', '福建省', '泉州市', '晋江市'), C('350583', '福建省', '泉州市', '南安市'),
  C('350602', '福建省', '漳州市', '芗城区'), C('350681', '福建省', '漳州市', '龙海市'),
  C('350702', '福建省', '南平市', '延平区'), C('350802', '福建省', '龙岩市', '新罗区'), C('350821', '福建省', '龙岩市', '长汀县'),
  C('350902', '福建省', '宁德市', '蕉城区'), C('350921', '福建省', '宁德市', '霞浦县'), C('350981', '福建省', '宁德市', '福安市'),
  C('350982', '福建省', '宁德市', '福鼎市'),
];

/** Counties of origin of migrant workers and students from other provinces (real GB/T 2260 codes). */
export const OTHER: readonly County[] = [
  C('360730', '江西省', '赣州市', '宁都县'), C('360731', '江西省', '赣州市', '于都县'), C('360732', '江西省', '赣州市', '兴国县'),
  C('360781', '江西省', '赣州市', '瑞金市'), C('360102', '江西省', '南昌市', '东湖区'),
  C('511321', '四川省', '南充市', '南部县'), C('511381', '四川省', '南充市', '阆中市'), C('510104', '四川省', '成都市', '锦江区'),
  C('411522', '河南省', '信阳市', '光山县'), C('411524', '河南省', '信阳市', '商城县'), C('411526', '河南省', '信阳市', '潢川县'),
  C('410102', '河南省', '郑州市', '中原区'),
  C('341221', '安徽省', '阜阳市', '临泉县'), C('341222', '安徽省', '阜阳市', '太和县'), C('341225', '安徽省', '阜阳市', '阜南县'),
  C('430521', '湖南省', '邵阳市', '邵东县'), C('430102', '湖南省', '长沙市', '芙蓉区'),
  C('520102', '贵州省', '贵阳市', '南明区'), C('500101', '重庆市', '重庆市', '万州区'), C('500228', '重庆市', '重庆市', '梁平县'),
  C('440106', '广东省', '广州市', '天河区'), C('440304', '广东省', '深圳市', '福田区'), C('445122', '广东省', '潮州市', '饶平县'),
  C('330302', '浙江省', '温州市', '鹿城区'), C('330327', '浙江省', '温州市', '苍南县'),
  C('110105', '北京市', '北京市', '朝阳区'), C('110108', '北京市', '北京市', '海淀区'), C('310104', '上海市', '上海市', '徐汇区'),
  C('310115', '上海市', '上海市', '浦东新区'),
];

export const COUNTY_CODES: ReadonlySet<string> = new Set([...FUJIAN, ...OTHER].map((c) => c.code));
export const FUZHOU = FUJIAN.filter((c) => c.city === '福州市' && c.code !== '350182');

/** Province-level prefixes of GB/T 2260 (the screen of decoys accepts any of them). */
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
]);

// ---------------------------------------------------------------------------------------------
// GB 11643 resident IDs and the permits

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function mod112Check(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[s % 11] as string;
}

export function passesMod112(v: string): boolean {
  const x = v.toUpperCase();
  return /^\d{17}[\dX]$/.test(x) && mod112Check(x.slice(0, 17)) === x[17];
}

/** An 18-character ID for an area code and a birth date; odd order code = male. */
export function idFor(area: string, birth: Date, male: boolean, r: Rng): string {
  let order = r.int(0, 999);
  if ((order % 2 === 1) !== male) order = (order + 1) % 1000;
  const first = `${area}${ymdCompact(birth)}${pad(order, 3)}`;
  return first + mod112Check(first);
}

export function residentId(r: Rng, counties: readonly County[], birth: Date, male: boolean): string {
  return idFor(r.pick(counties).code, birth, male, r);
}

/** The legacy 15-digit number: area + YYMMDD + 3-digit order. */
export function legacyId(r: Rng, counties: readonly County[], birth: Date, male: boolean): string {
  let order = r.int(0, 999);
  if ((order % 2 === 1) !== male) order = (order + 1) % 1000;
  return `${r.pick(counties).code}${ymdCompact(birth).slice(2)}${pad(order, 3)}`;
}

export function permitId(prefix: '810000' | '820000' | '830000', birth: Date, male: boolean, r: Rng): string {
  return idFor(prefix, birth, male, r);
}

/** 'cn' (real county code, real date, check), 'legacy', '810000'/'820000'/'830000', or null. */
export function gb11643Kind(raw: string): string | null {
  const v = raw.replace(/\s/g, '').toUpperCase();
  if (/^\d{15}$/.test(v)) {
    if (!COUNTY_CODES.has(v.slice(0, 6))) return null;
    return validYmd(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12))) ? 'legacy' : null;
  }
  if (!passesMod112(v)) return null;
  if (!validYmd(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return null;
  const y = Number(v.slice(6, 10));
  if (y < 1900 || y > 2024) return null;
  const area = v.slice(0, 6);
  if (area === '810000' || area === '820000' || area === '830000') return area;
  return COUNTY_CODES.has(area) ? 'cn' : null;
}

/** The screen of decoys: an 18-character MOD 11-2-valid string under any province prefix with a real date. */
export function idShapedValid(v: string): boolean {
  const x = v.toUpperCase();
  if (!passesMod112(x)) return false;
  if (!PROVINCE_PREFIXES.has(x.slice(0, 2))) return false;
  return validYmd(Number(x.slice(6, 10)), Number(x.slice(10, 12)), Number(x.slice(12, 14))) && Number(x.slice(6, 10)) >= 1900 && Number(x.slice(6, 10)) <= 2030;
}

/** The screen of decoys: 15 digits under any province prefix with a real YYMMDD. */
export function legacyShapedValid(v: string): boolean {
  if (!/^\d{15}$/.test(v)) return false;
  if (!PROVINCE_PREFIXES.has(v.slice(0, 2))) return false;
  return validYmd(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12)));
}

/** How an ID is written in a messy export: spaces, lower-case x, a leading space, ~1 % typos. */
export function dirtyId(r: Rng, id: string, typo = 0.01): string {
  let v = id;
  if (r.chance(typo)) {
    const i = r.int(6, 16);
    const d = (Number(v[i]) + r.int(1, 9)) % 10;
    v = v.slice(0, i) + String(d) + v.slice(i + 1);
  }
  const x = r.next();
  if (x < 0.03) return `${v.slice(0, 6)} ${v.slice(6, 14)} ${v.slice(14)}`;
  if (x < 0.05 && v.endsWith('X')) return v.slice(0, 17) + 'x';
  if (x < 0.06) return ` ${v}`;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Other documents

/** 台胞证: the 8-digit lifelong number, sometimes with the 2-digit issue count or the old bracketed letter. */
export function mtp(r: Rng): string {
  const base = String(r.int(1, 9)) + r.digits(7);
  const x = r.next();
  if (x < 0.08) return `${base}${pad(r.int(1, 6))}`;
  if (x < 0.12) return `${base}(${pad(r.int(1, 6))})`;
  if (x < 0.15) return `${base}${pad(r.int(1, 4))}(${r.pick(['B', 'J', 'T'])})`;
  return base;
}

export function isMtp(v: string): boolean {
  return /^\d{8}(\d{2}|\(\d{2}\))?(\([A-Z]\))?$/.test(v.trim());
}

/** 回乡证: H/M + 8 digits, with or without the 2-digit renewal count. */
export function homeReturnPermit(r: Rng, hk: boolean): string {
  const base = `${hk ? 'H' : 'M'}${r.int(0, 1)}${r.digits(7)}`;
  return r.chance(0.4) ? base + pad(r.int(0, 5)) : base;
}

export function isHomeReturnPermit(v: string): boolean {
  return /^[HM]\d{8}(\d{2})?$/.test(v.trim().toUpperCase());
}

export function cnPassport(r: Rng): string {
  if (r.chance(0.25)) return `G${r.int(3, 6)}${r.digits(7)}`;
  const second = r.pick('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''));
  return `E${second}${r.digits(7)}`;
}

export function isCnPassport(v: string): boolean {
  return /^(G\d{8}|E[A-HJ-NP-Z0-9]\d{7})$/.test(v.trim().toUpperCase());
}

const HK_LETTERS = 'ABCDEFGHJKLMNPRSTVWYZ';

function hkidCheck(prefix: string, digits: string): string {
  const vals: number[] = [];
  if (prefix.length === 1) vals.push(36);
  for (const ch of prefix) vals.push(ch.charCodeAt(0) - 55);
  for (const d of digits) vals.push(Number(d));
  let s = 0;
  vals.forEach((v, i) => {
    s += v * (9 - i);
  });
  const rem = s % 11;
  const c = rem === 0 ? 0 : 11 - rem;
  return c === 10 ? 'A' : String(c);
}

export function hkid(r: Rng): string {
  const prefix = r.chance(0.08) ? r.pick(['XA', 'XB', 'WX']) : r.pick(HK_LETTERS.split(''));
  const digits = r.digits(6);
  const check = hkidCheck(prefix, digits);
  const x = r.next();
  if (x < 0.7) return `${prefix}${digits}(${check})`;
  if (x < 0.9) return `${prefix}${digits}${check}`;
  return `${prefix}${digits}（${check}）`;
}

export function isHkid(raw: string): boolean {
  const v = raw.trim().toUpperCase().replace(/[（(]([0-9A])[）)]$/, '$1');
  const m = /^([A-Z]{1,2})(\d{6})([0-9A])$/.exec(v);
  if (m === null) return false;
  return hkidCheck(m[1] as string, m[2] as string) === m[3];
}

const TW_CODES: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24,
  R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

function twSum(letter: string, nine: string): number {
  const code = TW_CODES[letter] as number;
  let s = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 0; i < 8; i++) s += Number(nine[i]) * (8 - i);
  return s + Number(nine[8]);
}

/** Taiwan ID: letter of the registering city, 1/2 for sex, 7 digits, check. Most letters are the big cities'. */
export function twNationalId(r: Rng, male: boolean): string {
  const letter = r.weighted<string>([['A', 20], ['F', 14], ['H', 8], ['B', 10], ['E', 8], ['D', 5], ['R', 3], ['S', 3], ['T', 3], ['K', 3], ['N', 4], ['Q', 2], ['J', 2], ['M', 2], ['P', 2], ['V', 1], ['W', 1], ['Z', 1], ['C', 2], ['G', 2], ['I', 1], ['O', 1], ['U', 1], ['X', 1]]);
  const body = `${male ? 1 : 2}${r.digits(7)}`;
  for (let c = 0; c <= 9; c++) {
    if (twSum(letter, body + String(c)) % 10 === 0) return letter + body + String(c);
  }
  throw new Error('unreachable');
}

export function isTwNationalId(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[A-Z][12]\d{8}$/.test(v)) return false;
  return twSum(v[0] as string, v.slice(1)) % 10 === 0;
}

// ---------------------------------------------------------------------------------------------
// GB 32100 unified social credit code

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
}

export function orgCodeCheck(first8: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) s += orgValue(first8[i] as string) * (ORG_WEIGHTS[i] as number);
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function usccCheck(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET.indexOf(first17[i] as string) * (USCC_WEIGHTS[i] as number);
  return USCC_ALPHABET[(31 - (s % 31)) % 31] as string;
}

/** mod 31 only (the screen of decoys). */
export function usccMod31(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(v)) return false;
  return usccCheck(v.slice(0, 17)) === v[17];
}

/** Strict: mod 31, a known registration authority/type, a county code, and the GB 11714 check inside. */
export function isUscc(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!usccMod31(v)) return false;
  if (!/^(91|92|93|12|52|53)$/.test(v.slice(0, 2))) return false;
  return orgCodeCheck(v.slice(8, 16)) === v[16];
}

/** An enterprise (91), individual business (92) or co-op (93) code; org codes of the 2015+ MA… form or digits. */
export function uscc(r: Rng, area: string, kind: '91' | '92' | '93' = '91'): string {
  const letters = 'ABCDEFGHJKLMNPQRTUWXY';
  for (;;) {
    let org: string;
    if (r.chance(0.8)) {
      org = 'MA';
      for (let i = 0; i < 6; i++) org += r.chance(0.55) ? String(r.int(0, 9)) : r.pick(letters.split(''));
    } else org = r.digits(8);
    const check = orgCodeCheck(org);
    const first = `${kind}${area}${org}${check}`;
    if (!/^[0-9A-HJ-NP-RTUW-Y]{17}$/.test(first)) continue;
    return first + usccCheck(first);
  }
}

// ---------------------------------------------------------------------------------------------
// ISO 3779 VIN

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6,
  X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export function vinCheck(v: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const ch = v[i] as string;
    const val = /\d/.test(ch) ? Number(ch) : (VIN_VALUES[ch] ?? 0);
    s += val * (VIN_WEIGHTS[i] as number);
  }
  const rem = s % 11;
  return rem === 10 ? 'X' : String(rem);
}

export function isVin(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  return vinCheck(v) === v[8];
}

export function vin(r: Rng, wmi: string, year: string): string {
  const alnum = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  let vds = '';
  for (let i = 0; i < 5; i++) vds += r.pick(alnum.split(''));
  const plant = r.pick('0123456789ABCDEFGHJKLMNPRSTUVWXYZ'.split(''));
  const draft = `${wmi}${vds}0${year}${plant}${r.digits(6)}`;
  const c = vinCheck(draft);
  return draft.slice(0, 8) + c + draft.slice(9);
}

// ---------------------------------------------------------------------------------------------
// Luhn and cards

export function luhnValid(v: string): boolean {
  if (!/^\d+$/.test(v)) return false;
  let s = 0;
  let dbl = false;
  for (let i = v.length - 1; i >= 0; i--) {
    let d = Number(v[i]);
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    s += d;
    dbl = !dbl;
  }
  return s % 10 === 0;
}

export function luhnDigit(body: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(body + String(c))) return String(c);
  throw new Error('unreachable');
}

/** BIN, total length: UnionPay debit and credit cards of the big banks and Fujian banks. */
export const CARD_BINS: ReadonlyArray<readonly [string, number]> = [
  ['622202', 19], ['621700', 19], ['622848', 19], ['621226', 19], ['623052', 19], ['621799', 19], ['622908', 19],
  ['621483', 16], ['622588', 16], ['625965', 16], ['436742', 16], ['524047', 16], ['622262', 19], ['623668', 19],
];

export function bankCard(r: Rng, bins: ReadonlyArray<readonly [string, number]> = CARD_BINS): string {
  const [bin, len] = r.pick(bins);
  const body = bin + r.digits(len - bin.length - 1);
  return body + luhnDigit(body);
}

export function groupCard(v: string): string {
  return v.replace(/(\d{4})(?=\d)/g, '$1 ');
}

// ---------------------------------------------------------------------------------------------
// Phones

const MOBILE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['130', 3], ['131', 3], ['132', 3], ['133', 3], ['134', 3], ['135', 5], ['136', 4], ['137', 5], ['138', 6], ['139', 6],
  ['145', 1], ['147', 1], ['150', 4], ['151', 4], ['152', 3], ['153', 3], ['155', 2], ['156', 2], ['157', 2], ['158', 4],
  ['159', 5], ['162', 1], ['165', 1], ['166', 2], ['167', 1], ['170', 1], ['171', 1], ['172', 1], ['173', 2], ['175', 1],
  ['176', 2], ['177', 2], ['178', 2], ['180', 3], ['181', 3], ['182', 3], ['183', 2], ['184', 1], ['185', 3], ['186', 3],
  ['187', 3], ['188', 3], ['189', 3], ['190', 1], ['191', 1], ['192', 1], ['193', 1], ['195', 1], ['196', 1], ['197', 1],
  ['198', 2], ['199', 2],
];

export function cnMobile(r: Rng): string {
  return r.weighted(MOBILE_PREFIXES) + r.digits(8);
}

/** A mobile as people write it. */
export function fmtMobile(r: Rng, m: string, messy = 0.12): string {
  if (!r.chance(messy)) return m;
  return r.pick([
    `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
    `+86 ${m}`,
    `+86${m}`,
    `0086${m}`,
    `86-${m}`,
  ]);
}

export function isCnMobile(raw: string): boolean {
  const v = raw.trim().replace(/^(\+86|0086|86-)\s?/, '').replace(/[\s-]/g, '');
  return /^1(3\d|4[579]|5[0-35-9]|6[2567]|7[0-35-8]|8\d|9[0-35-9])\d{8}$/.test(v);
}

export function twMobile(r: Rng): string {
  const n = `09${r.int(0, 9)}${r.int(0, 9)}${r.digits(6)}`;
  const x = r.next();
  if (x < 0.45) return `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}`;
  if (x < 0.75) return n;
  if (x < 0.9) return `+886 ${n.slice(1, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
  return `+886-${n.slice(1)}`;
}

export function isTwMobile(raw: string): boolean {
  const v = raw.trim();
  return /^09\d{2}-?\d{3}-?\d{3}$/.test(v) || /^\+886[ -]?9\d{2}[ -]?\d{3}[ -]?\d{3}$/.test(v);
}

/** Area code → local-number length. */
export const AREAS: ReadonlyArray<readonly [string, number]> = [['0591', 8], ['0592', 7], ['0594', 7], ['0595', 8], ['0596', 7], ['0593', 7]];

export function landline(r: Rng, area = '0591'): string {
  const len = AREAS.find((a) => a[0] === area)?.[1] ?? 8;
  const local = String(len === 8 ? r.pick([2, 3, 6, 8]) : r.int(2, 8)) + r.digits(len - 1);
  const x = r.next();
  if (x < 0.6) return `${area}-${local}`;
  if (x < 0.72) return `(${area})${local}`;
  if (x < 0.8) return `（${area}）${local}`;
  if (x < 0.9) return `${area} ${local}`;
  if (x < 0.95) return `${area}${local}`;
  return `${area}-${local}${r.pick(['-', '转'])}${r.int(100, 8999)}`;
}

export function isCnLandline(raw: string): boolean {
  const v = raw.trim();
  return /^(\(0[1-9]\d{1,2}\)|（0[1-9]\d{1,2}）|0[1-9]\d{1,2}[ -]?)[2-8]\d{6,7}((-|转|ext\.?)\d{1,5})?$/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Names

export const SURNAMES = (
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
  '翁柯庄游詹卓骆阮施洪俞温颜连蓝欧甘池仉亓逄禤訾缪佘郗'
).split('');
export const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '司徒', '慕容', '令狐', '尉迟'];
export const TW_SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高簡游詹彭胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董溫唐藍蔣石古紀姚連馮程湯'.split('');
export const TW_COMPOUND = ['張簡', '范姜', '歐陽', '司馬'];

const GIVEN_M = '伟强磊军勇杰涛斌超明华建国平刚辉鹏宇浩俊峰亮志文斌晨阳凯锋鑫波宁坤龙海东昊然睿航翔健彬毅帆铭晖嘉鸿旭腾泽炜煜骏楠霖'.split('');
const GIVEN_F = '芳娜敏静丽艳娟霞秀英玲燕红梅琳倩婷雪慧颖莉萍洁佳欣怡雯蕾璐晶薇妍琪瑶菲琴岚云凤兰珊悦彤馨雅诗涵梦颖晓宁'.split('');
const GIVEN_TW_M = '志明家豪俊傑建宏冠宇宗翰承恩柏翰彥廷育誠哲瑋信宏偉倫政勳國榮威廷'.split('');
const GIVEN_TW_F = '淑芬怡君雅婷欣怡佳穎美玲惠雯品妤詩涵宜蓁瑋庭子瑄筱涵郁婷曉薇佩珊'.split('');
export const GIVEN_CHARS: ReadonlySet<string> = new Set([...GIVEN_M, ...GIVEN_F, ...GIVEN_TW_M, ...GIVEN_TW_F]);
const ALL_SURNAMES: ReadonlySet<string> = new Set([...SURNAMES, ...TW_SURNAMES]);
const ALL_COMPOUND: ReadonlySet<string> = new Set([...COMPOUND_SURNAMES, ...TW_COMPOUND]);

const MINORITY = ['阿依古丽·买买提', '热依拉·艾力', '艾尔肯·吐尔逊', '古丽娜尔·吾斯曼', '扎西·顿珠', '次仁·卓玛', '阿卜杜拉·热合曼', '迪丽娜尔·阿不都'];

function given(r: Rng, male: boolean, tw: boolean): string {
  const pool = tw ? (male ? GIVEN_TW_M : GIVEN_TW_F) : male ? GIVEN_M : GIVEN_F;
  return r.chance(tw ? 0.95 : 0.78) ? r.pick(pool) + r.pick(pool) : r.pick(pool);
}

/** A mainland name; ~2 % compound surnames, ~1 % minority names, sometimes a stray space. */
export function personName(r: Rng, male: boolean, surname?: string): string {
  if (surname === undefined && r.chance(0.008)) return r.pick(MINORITY);
  const s = surname ?? (r.chance(0.02) ? r.pick(COMPOUND_SURNAMES) : r.pick(SURNAMES));
  const n = s + given(r, male, false);
  const x = r.next();
  if (x < 0.01) return `${n} `;
  if (x < 0.015 && n.length === 2) return `${n[0]} ${n[1]}`;
  return n;
}

/** A Taiwan name in Traditional characters; ~6 % of married women with 冠夫姓. */
export function twName(r: Rng, male: boolean): string {
  if (!male && r.chance(0.06)) {
    // 冠夫姓: the husband's surname before her own, then a two-character given name
    const pool = GIVEN_TW_F;
    return r.pick(TW_SURNAMES) + r.pick(TW_SURNAMES) + r.pick(pool) + r.pick(pool);
  }
  const s = r.chance(0.03) ? r.pick(TW_COMPOUND) : r.pick(TW_SURNAMES);
  return s + given(r, male, true);
}

export function looksLikeName(raw: string): boolean {
  const v = raw.trim().replace(/\s+/g, '');
  if (/^[\u4e00-\u9fff]{2,5}·[\u4e00-\u9fff]{2,5}$/.test(v)) return true;
  const tryRest = (rest: string): boolean => rest.length >= 1 && rest.length <= 2 && [...rest].every((ch) => GIVEN_CHARS.has(ch));
  if (ALL_COMPOUND.has(v.slice(0, 2)) && tryRest(v.slice(2))) return true;
  if (ALL_SURNAMES.has(v.slice(0, 1)) && tryRest(v.slice(1))) return true;
  // 冠夫姓: two single surnames + a two-character given name
  if (v.length === 4 && ALL_SURNAMES.has(v[0] as string) && ALL_SURNAMES.has(v[1] as string) && tryRest(v.slice(2))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Addresses

interface Streets {
  towns: string[];
  roads: string[];
  estates: string[];
  villages: string[];
}

export const STREETS: Record<string, Streets> = {
  鼓楼区: { towns: ['东街街道', '温泉街道', '五凤街道', '洪山镇'], roads: ['五四路', '杨桥中路', '湖东路', '铜盘路', '工业路', '西二环中路', '乌山路'], estates: ['省府宿舍', '温泉花园', '湖滨花园', '五凤兰庭', '西湖新村'], villages: [] },
  台江区: { towns: ['宁化街道', '苍霞街道', '上海街道'], roads: ['八一七中路', '江滨中大道', '五一中路', '群众路', '宁化路', '交通路'], estates: ['万达广场', '苍霞新城', '嘉和苑', '融侨锦江'], villages: [] },
  仓山区: { towns: ['城门镇', '建新镇', '盖山镇', '仓山镇', '金山街道'], roads: ['浦上大道', '金山大道', '首山路', '则徐大道', '南江滨西大道', '高湖路', '建新南路'], estates: ['橘园洲花园', '金山碧水', '融信澜郡', '世欧王庄', '万科金域榕郡', '阳光城翡丽湾'], villages: ['林浦村', '胪雷村', '城山村', '帝封江村'] },
  晋安区: { towns: ['岳峰镇', '鼓山镇', '新店镇', '王庄街道'], roads: ['福新中路', '福飞北路', '岳峰路', '长乐北路', '连江北路', '塔头路'], estates: ['融侨东区', '泰禾红峪', '正祥城', '福晟钱隆广场'], villages: ['远洋村', '秀峰村', '桂湖村'] },
  马尾区: { towns: ['罗星街道', '马尾镇', '亭江镇'], roads: ['罗星东路', '江滨东大道', '君竹路', '儒江西路'], estates: ['名城港湾', '马尾新城', '世茂外滩'], villages: ['琅岐村', '闽安村'] },
  长乐区: { towns: ['吴航街道', '航城街道', '营前街道', '首占镇'], roads: ['郑和西路', '吴航路', '首占大道', '和平路'], estates: ['金域蓝湾', '东湖数字小镇'], villages: ['鹤上村', '古槐村'] },
  闽侯县: { towns: ['上街镇', '南屿镇', '甘蔗街道', '青口镇'], roads: ['乌龙江中大道', '高新大道', '学府南路', '旗山大道'], estates: ['大学城学府公馆', '融侨水乡', '金辉淮安半岛'], villages: ['旗山村', '溪源宫村', '流洋村'] },
  平潭县: { towns: ['潭城镇', '岚城乡', '苏澳镇', '流水镇', '敖东镇'], roads: ['西航路', '北厝路', '麒麟路', '环岛路', '城中路', '金井二路'], estates: ['金井湾商务营运中心', '麒麟家园', '澳前新村'], villages: ['上攀村', '钟门村', '北港村', '东美村'] },
  福清市: { towns: ['音西街道', '玉屏街道', '龙江街道', '宏路街道'], roads: ['清昌大道', '福和路', '一拂路', '福唐路'], estates: ['万达华府', '融侨悦府'], villages: ['南岭村', '东瀚村'] },
  思明区: { towns: ['鹭江街道', '嘉莲街道', '莲前街道'], roads: ['湖滨南路', '厦禾路', '莲前西路', '中山路', '嘉禾路'], estates: ['瑞景新村', '前埔南区', '莲花五村'], villages: [] },
  湖里区: { towns: ['殿前街道', '江头街道', '金山街道'], roads: ['湖里大道', '金山路', '枋湖北二路', '高殿路'], estates: ['联发欣悦学府', '五缘湾一号', '金山小区'], villages: ['钟宅村'] },
  城厢区: { towns: ['龙桥街道', '霞林街道'], roads: ['荔城中大道', '学园南路', '东园西路'], estates: ['正荣润城', '万达广场'], villages: [] },
  丰泽区: { towns: ['东海街道', '丰泽街道'], roads: ['刺桐路', '丰泽街', '田安路', '津淮街'], estates: ['泉州万达广场', '阳光城丽景湾'], villages: [] },
  晋江市: { towns: ['青阳街道', '梅岭街道', '陈埭镇'], roads: ['世纪大道', '泉安中路', '青梅路'], estates: ['晋江万达广场', '宝龙城市广场'], villages: ['岸兜村', '湖中村'] },
};

const CITY_OF: Record<string, string> = {
  鼓楼区: '福州市', 台江区: '福州市', 仓山区: '福州市', 晋安区: '福州市', 马尾区: '福州市', 长乐区: '福州市', 闽侯县: '福州市',
  平潭县: '福州市', 福清市: '福州市', 思明区: '厦门市', 湖里区: '厦门市', 城厢区: '莆田市', 丰泽区: '泉州市', 晋江市: '泉州市',
};

export const FUZHOU_DISTRICTS = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区', '长乐区', '闽侯县', '平潭县', '福清市'];

/** A postal address in Fujian; `districts` limits where. */
export function address(r: Rng, districts: readonly string[] = Object.keys(STREETS)): string {
  const d = r.pick(districts);
  const s = STREETS[d] as Streets;
  const city = CITY_OF[d] as string;
  const head = r.weighted<string>([[`${city}${d}`, 55], [`福建省${city}${d}`, 15], [d, 20], [`${city}${d}${r.pick(s.towns)}`, 10]]);
  const x = r.next();
  if (x < 0.2 && s.villages.length > 0) {
    const town = s.towns.find((t) => t.endsWith('镇') || t.endsWith('乡')) ?? r.pick(s.towns);
    const base = head.endsWith(town) ? head : `${city}${d}${town}`;
    return `${base}${r.pick(s.villages)}${r.int(1, 260)}号`;
  }
  const road = `${r.pick(s.roads)}${r.int(1, 680)}号`;
  if (x < 0.45) return `${head}${road}`;
  const estate = r.pick(s.estates);
  const bld = r.int(1, 32);
  const room = `${r.int(1, 33)}${pad(r.int(1, 8))}`;
  const y = r.next();
  if (y < 0.5) return `${head}${road}${estate}${bld}号楼${room}室`;
  if (y < 0.75) return `${head}${estate}${bld}#楼${r.int(1, 3)}单元${room}`;
  if (y < 0.9) return `${head}${road}${estate}${bld}栋${room}室`;
  return `${head}${road}${estate}${bld}座${room}`;
}

/** Traditional-character office address in Pingtan (Taiwan-run firms write it so). */
export function pingtanOfficeTrad(r: Rng): string {
  return r.pick([
    `平潭綜合實驗區金井灣片區商務營運中心${r.int(1, 6)}號樓${r.int(2, 12)}層${r.int(2, 12)}${pad(r.int(1, 20))}室`,
    `平潭綜合實驗區台灣創業園${r.int(1, 9)}號樓${r.int(1, 5)}層${r.int(1, 5)}${pad(r.int(1, 30))}`,
    `福建省平潭縣潭城鎮西航路${r.int(1, 300)}號${r.int(1, 12)}樓`,
    `平潭綜合實驗區嵐城鄉上攀村${r.int(1, 150)}號`,
  ]);
}

export function pingtanOffice(r: Rng): string {
  return r.pick([
    `平潭综合实验区金井湾片区商务营运中心${r.int(1, 6)}号楼${r.int(2, 12)}层${r.int(2, 12)}${pad(r.int(1, 20))}室`,
    `平潭综合实验区台湾创业园${r.int(1, 9)}号楼${r.int(1, 5)}层${r.int(1, 5)}${pad(r.int(1, 30))}`,
    `福建省平潭县潭城镇西航路${r.int(1, 300)}号${r.int(1, 12)}楼`,
    `平潭县潭城镇城中路${r.int(1, 120)}号`,
  ]);
}

export function looksLikeAddress(raw: string): boolean {
  const v = raw.trim();
  if (!/(省|市|区|區|县|縣|镇|鎮|乡|鄉|街道|路|街|大道|村|巷|弄|小区|社區|社区|园|園|花园|新村|公馆|广场|中心)/.test(v)) return false;
  return /\d+\s*(号|號|室|栋|棟|楼|樓|层|層|单元|座|幢)/.test(v) || /\d+#楼/.test(v);
}

// ---------------------------------------------------------------------------------------------
// E-mail, network, coordinates

const PINYIN = ['wang', 'li', 'zhang', 'liu', 'chen', 'lin', 'huang', 'zheng', 'wu', 'xu', 'ye', 'zhou', 'jian', 'hua', 'ming', 'xiao', 'yu', 'jun', 'hong', 'mei', 'ting', 'hao', 'yang', 'wei', 'fang', 'jie', 'qing', 'long', 'feng', 'bin', 'xin', 'yan', 'lei', 'kai', 'rong', 'min'];
const MAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [['qq.com', 40], ['163.com', 22], ['126.com', 8], ['gmail.com', 6], ['foxmail.com', 5], ['sina.com', 4], ['139.com', 4], ['outlook.com', 4], ['hotmail.com', 3], ['yahoo.com.tw', 2]];

export function email(r: Rng, domains: ReadonlyArray<readonly [string, number]> = MAIL_DOMAINS): string {
  const domain = r.weighted(domains);
  if (domain === 'qq.com' && r.chance(0.6)) return `${r.int(10000, 3999999999)}@qq.com`;
  const a = r.pick(PINYIN) + r.pick(PINYIN);
  const local = r.pick([a, `${a}${r.int(1, 99)}`, `${r.pick(PINYIN)}.${r.pick(PINYIN)}`, `${a}_${r.int(1980, 2006)}`, `${r.pick(PINYIN)}${r.pick(PINYIN)}${r.digits(3)}`]);
  return `${local}@${domain}`;
}

export function isEmail(v: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v.trim());
}

export function ipv4Public(r: Rng): string {
  const first = r.pick([27, 36, 59, 110, 112, 117, 120, 121, 125, 183, 218, 220, 222, 223]);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

export function ipv6(r: Rng): string {
  const h = (): string => r.int(0, 0xffff).toString(16);
  return `240e:${r.pick(['378', '3a1', '45c', '670'])}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
}

export function isIp(raw: string): boolean {
  const v = raw.trim();
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (m !== null) return m.slice(1).every((p) => Number(p) <= 255 && !/^0\d/.test(p));
  if (!v.includes(':') || !/^[0-9a-fA-F:]+$/.test(v)) return false;
  const parts = v.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  if (groups.some((g) => g.length === 0 || g.length > 4)) return false;
  return parts.length === 2 ? groups.length < 8 : groups.length === 8;
}

export function mac(r: Rng, style: 'colon' | 'dash' | 'lower' | 'cisco' | 'mixed' = 'mixed'): string {
  const oui = r.pick(['00:1A:2B', 'F4:8E:38', '3C:97:0E', 'BC:5F:F4', '28:6E:D4', 'D0:17:C2', '44:8A:5B', 'C8:3A:35', '70:85:C2', 'A4:BB:6D']);
  const bytes = [...oui.split(':'), ...Array.from({ length: 3 }, () => r.int(0, 255).toString(16).toUpperCase().padStart(2, '0'))];
  const s = style === 'mixed' ? r.weighted<'colon' | 'dash' | 'lower' | 'cisco'>([['colon', 55], ['dash', 25], ['lower', 15], ['cisco', 5]]) : style;
  if (s === 'colon') return bytes.join(':');
  if (s === 'dash') return bytes.join('-');
  if (s === 'lower') return bytes.join(':').toLowerCase();
  const hex = bytes.join('').toLowerCase();
  return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`;
}

export function isMac(raw: string): boolean {
  const v = raw.trim();
  return /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/.test(v) || /^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(v);
}

/** lat,lng with 5–6 decimals inside a box. */
export function geo(r: Rng, box: readonly [number, number, number, number]): string {
  const [la0, la1, lo0, lo1] = box;
  const dec = r.chance(0.6) ? 6 : 5;
  const lat = (la0 + r.next() * (la1 - la0)).toFixed(dec);
  const lng = (lo0 + r.next() * (lo1 - lo0)).toFixed(dec);
  return r.weighted<string>([[`${lat},${lng}`, 70], [`${lat}, ${lng}`, 20], [`${lat} ${lng}`, 10]]);
}

export const BOX_FUZHOU: readonly [number, number, number, number] = [25.98, 26.12, 119.22, 119.38];
export const BOX_PINGTAN: readonly [number, number, number, number] = [25.44, 25.6, 119.72, 119.84];
export const BOX_FUJIAN: readonly [number, number, number, number] = [24.4, 26.9, 117.5, 119.9];

export function isGeo(raw: string): boolean {
  const m = /^(-?\d{1,3}\.\d{4,})\s*[,，\s]\s*(-?\d{1,3}\.\d{4,})$/.exec(raw.trim());
  if (m === null) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return Math.abs(a) <= 90 && Math.abs(b) <= 180;
}

// ---------------------------------------------------------------------------------------------
// Plates

export const PROVINCE_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

export function plate(r: Rng, city = 'A', kind: 'fuel' | 'ne' | 'mixed' = 'mixed'): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const k = kind === 'mixed' ? (r.chance(0.3) ? 'ne' : 'fuel') : kind;
  let tail: string;
  if (k === 'ne') tail = r.chance(0.85) ? `${r.pick(['D', 'F'])}${r.chance(0.3) ? r.pick(letters.split('')) : String(r.int(0, 9))}${r.digits(4)}` : `${r.digits(5)}${r.pick(['D', 'F'])}`;
  else {
    const chars = r.digits(5).split('');
    const nLetters = r.weighted([[0, 55], [1, 35], [2, 10]]);
    for (let i = 0; i < nLetters; i++) chars[r.int(0, 4)] = r.pick(letters.split(''));
    tail = chars.join('');
  }
  const p = `闽${city}${tail}`;
  const x = r.next();
  if (x < 0.08) return `${p.slice(0, 2)}·${p.slice(2)}`;
  if (x < 0.12) return `${p.slice(0, 2)} ${p.slice(2)}`;
  return p;
}

/** A driving-school car: 闽A + 4 + 学. */
export function coachPlate(r: Rng, city = 'A'): string {
  return `闽${city}${r.digits(4)}学`;
}

export function isPlate(raw: string): boolean {
  const v = raw.trim().replace(/[·\s-]/g, '').toUpperCase();
  const re = new RegExp(`^[${PROVINCE_CHARS}][A-HJ-NP-Z]([A-HJ-NP-Z0-9]{5}|[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[学警挂港澳])$`);
  return re.test(v);
}

// ---------------------------------------------------------------------------------------------
// Health and genetics vocabularies (of persons)

export const DEATH_CAUSES = [
  '肺癌', '肝癌', '胃癌', '结肠癌', '食管癌', '胰腺癌', '急性心肌梗死', '冠状动脉粥样硬化性心脏病', '脑出血', '脑梗死', '慢性阻塞性肺疾病',
  '重症肺炎', '呼吸衰竭', '慢性心力衰竭', '肝硬化', '慢性肾脏病', '2型糖尿病', '阿尔茨海默病', '高血压性心脏病', '多器官功能衰竭', '脓毒症',
  '主动脉夹层', '肺栓塞', '帕金森病',
];
export const DENTAL_DX = [
  '慢性牙髓炎', '急性牙髓炎', '深龋', '中龋', '慢性根尖周炎', '急性根尖周炎', '慢性牙周炎', '慢性龈炎', '智齿冠周炎', '下颌阻生第三磨牙',
  '牙列缺损', '牙列缺失', '牙本质敏感症', '楔状缺损', '颞下颌关节紊乱病', '口腔扁平苔藓', '复发性阿弗他溃疡', '牙隐裂', '错颌畸形',
];
export const DENTAL_ICD: Record<string, string> = {
  慢性牙髓炎: 'K04.0', 急性牙髓炎: 'K04.0', 深龋: 'K02.1', 中龋: 'K02.1', 慢性根尖周炎: 'K04.5', 急性根尖周炎: 'K04.4', 慢性牙周炎: 'K05.3',
  慢性龈炎: 'K05.1', 智齿冠周炎: 'K05.2', 下颌阻生第三磨牙: 'K01.1', 牙列缺损: 'K08.1', 牙列缺失: 'K08.1', 牙本质敏感症: 'K03.8',
  楔状缺损: 'K03.1', 颞下颌关节紊乱病: 'K07.6', 口腔扁平苔藓: 'L43.9', 复发性阿弗他溃疡: 'K12.0', 牙隐裂: 'K03.8', 错颌畸形: 'K07.4',
};
export const DENTAL_TX: Record<string, string[]> = {
  慢性牙髓炎: ['根管治疗术', '显微根管治疗术'], 急性牙髓炎: ['开髓引流术', '根管治疗术'], 深龋: ['树脂充填术', '间接盖髓术'], 中龋: ['树脂充填术'],
  慢性根尖周炎: ['根管治疗术', '根管再治疗术'], 急性根尖周炎: ['开髓引流术'], 慢性牙周炎: ['龈下刮治术', '牙周翻瓣术', '龈上洁治术'],
  慢性龈炎: ['龈上洁治术'], 智齿冠周炎: ['冠周冲洗上药'], 下颌阻生第三磨牙: ['阻生牙拔除术'], 牙列缺损: ['种植体植入术', '引导骨再生术', '上颌窦底提升术', '固定桥修复'],
  牙列缺失: ['全口义齿修复', '种植体植入术'], 牙本质敏感症: ['脱敏治疗'], 楔状缺损: ['树脂充填术'], 颞下颌关节紊乱病: ['咬合板治疗'],
  口腔扁平苔藓: ['局部封闭治疗'], 复发性阿弗他溃疡: ['局部涂药'], 牙隐裂: ['全瓷冠修复'], 错颌畸形: ['固定矫治器粘接'],
};
export const DENTAL_RX = ['甲硝唑片', '阿莫西林胶囊', '头孢克洛胶囊', '布洛芬缓释胶囊', '对乙酰氨基酚片', '复方氯己定含漱液', '西地碘含片', '替硝唑片', '罗红霉素胶囊', '碘甘油', '地塞米松贴片', '康复新液'];
export const MARATHON_HISTORY = ['高血压', '哮喘', '2型糖尿病', '冠心病', '心律失常', '阵发性室上性心动过速', '癫痫', '甲状腺功能亢进症', '半月板损伤', '腰椎间盘突出症', '慢性乙型病毒性肝炎', '房颤射频消融术后', '过敏性鼻炎', '痛风', '贫血'];
export const MARATHON_DRUGS = ['氨氯地平', '沙美特罗替卡松', '二甲双胍', '阿司匹林', '美托洛尔', '左甲状腺素钠', '非布司他'];
export const MATERNAL_DX = ['妊娠期糖尿病', '妊娠期高血压', '子痫前期', '产后贫血', '甲状腺功能减退症', '妊娠期肝内胆汁淤积症', '胎膜早破', '前置胎盘', '急性乳腺炎', '产后抑郁症', '乙肝病毒携带', '子宫肌瘤'];
export const MATERNAL_RX = ['胰岛素', '拉贝洛尔', '左甲状腺素钠', '多糖铁复合物', '琥珀酸亚铁', '硝苯地平', '熊去氧胆酸'];
export const NEWBORN_SCREEN = ['苯丙酮尿症', '先天性甲状腺功能减低症', '先天性肾上腺皮质增生症', 'G6PD缺乏症'];
export const MED_EXTRA = ['直接死因', '根本死因', '冠心病', '高血压', '糖尿病', 'TSH', '17-OHP', 'Phe'];

const MED_TERMS: readonly string[] = [
  ...DEATH_CAUSES, ...DENTAL_DX, ...Object.values(DENTAL_TX).flat(), ...DENTAL_RX.map((d) => d.replace(/(片|胶囊|缓释胶囊|含漱液|含片|贴片)$/, '')),
  ...MARATHON_HISTORY, ...MARATHON_DRUGS, ...MATERNAL_DX, ...MATERNAL_RX, ...NEWBORN_SCREEN, '肺炎', '心肌梗死', '癌', '根管', '种植体', '牙周炎',
  '龋', '牙髓炎', '义齿', '乳腺炎', '甲状腺', '糖尿病', '高血压', '肝炎', '贫血',
];

export function looksLikeMedical(raw: string): boolean {
  const v = raw.trim();
  if (MED_TERMS.some((t) => v.includes(t))) return true;
  return /(^|[^A-Za-z0-9])[A-TV-Z]\d{2}\.\d{1,2}($|[^A-Za-z0-9])/.test(v) || /^[A-TV-Z]\d{2}(\.\d{1,2})?$/.test(v);
}

const HEARING_LOCI: ReadonlyArray<readonly [string, string]> = [
  ['GJB2', 'c.235delC'], ['GJB2', 'c.299_300delAT'], ['GJB2', 'c.176_191del16'], ['SLC26A4', 'c.919-2A>G'], ['SLC26A4', 'c.2168A>G'],
  ['MT-RNR1', 'm.1555A>G'], ['MT-RNR1', 'm.1494C>T'], ['GJB3', 'c.538C>T'],
];

/** A newborn hearing-gene panel: the tested loci with their calls (wild type for most babies). */
export function hearingPanel(r: Rng): string {
  const hit = r.chance(0.06) ? r.int(0, HEARING_LOCI.length - 1) : -1;
  const picked = HEARING_LOCI.map((l, i) => ({ l, i })).filter(({ i }) => i % 2 === 0 || i === hit || r.chance(0.3));
  return picked
    .map(({ l: [g, v], i }) => {
      const mito = v.startsWith('m.');
      const call = i === hit ? (mito ? '均质性突变' : r.chance(0.85) ? '杂合突变' : '纯合突变') : mito ? '未检出' : '野生型';
      return `${g} ${v} ${call}`;
    })
    .join('；');
}

export function il1Genotype(r: Rng): string {
  const g = (): string => r.weighted([['CC', 70], ['CT', 25], ['TT', 5]]);
  const a = `IL1A rs1800587 ${g()}`;
  const b = `IL1B rs1143634 ${g()}`;
  return r.chance(0.7) ? `${a}; ${b}` : `${b}`;
}

export function looksLikeGenetic(raw: string): boolean {
  const v = raw.trim();
  return /\brs\d{3,}\b/.test(v) || /\bc\.\d+[-+_\d]*(del|ins|dup|[ACGT]>[ACGT])/.test(v) || /\bm\.\d+[ACGT]>[ACGT]/.test(v) || /HLA-[A-Z]+\d?\*\d{2}/.test(v) || /^[ACGT]{20,}$/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Secrets

export function password(r: Rng, hints: readonly string[] = ['Fz', 'Mm', 'Ab', 'Qq', 'Lx', 'Wb', 'Ks']): string {
  const specials = '!@#$%&*.?_'.split('');
  const lower = 'abcdefghjkmnpqrstuvwxyz'.split('');
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');
  const x = r.next();
  if (x < 0.4) return `${r.pick(hints)}${r.pick(specials)}${r.int(1980, 2024)}${r.pick(lower)}${r.pick(lower)}`;
  if (x < 0.75) {
    const pool = [...lower, ...upper, ...'23456789'.split(''), ...specials];
    let s = r.pick(upper) + String(r.int(2, 9));
    const n = r.int(8, 12);
    for (let i = 0; i < n; i++) s += r.pick(pool);
    return s + r.pick(specials);
  }
  return `${r.pick(['wang', 'lin', 'chen', 'Love', 'abc', 'Zz'])}${r.int(100, 99999)}${r.pick(specials)}${r.pick(upper)}`;
}

export function looksLikeSecret(raw: string): boolean {
  const v = raw.trim();
  if (v.length < 6 || v.length > 128 || /\s/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  if (classes >= 3) return true;
  return /^\d{6}$/.test(v) || (v.length >= 20 && classes >= 2);
}

// ---------------------------------------------------------------------------------------------
// Decoy screen: any token of a cell passing any checksum

export function tokens(v: string): string[] {
  return v.toUpperCase().split(/[^0-9A-Z]+/).filter((t) => t !== '');
}

/** Which checksum a string (whole or a token) passes, or null. */
export function checksumHit(raw: string): string | null {
  const whole = raw.trim();
  if (isHkid(whole)) return 'hk_id';
  const cands = new Set([whole.replace(/\s/g, '').toUpperCase(), ...tokens(whole)]);
  const digitsOnly = whole.replace(/[\s-]/g, '');
  if (/^\d{16,19}$/.test(digitsOnly)) cands.add(digitsOnly);
  for (const t of cands) {
    if (t.length === 18 && idShapedValid(t)) return 'cn_resident_id';
    if (t.length === 15 && legacyShapedValid(t)) return 'cn_resident_id(15)';
    if (t.length === 18 && usccMod31(t)) return 'cn_uscc';
    if (t.length === 17 && isVin(t)) return 'vin';
    if (/^\d{16,19}$/.test(t) && luhnValid(t)) return 'bank_card';
    if (isHkid(t)) return 'hk_id';
    if (isTwNationalId(t)) return 'tw_national_id';
  }
  return null;
}

export const noChecksum = (v: string): boolean => checksumHit(v) === null;
