/**
 * Value makers for the third blind column set (bench/eval/columns-c/generate.ts).
 *
 * Written from the identifier formats and check algorithms in the shared reference
 * (GB 11643 MOD 11-2, GB 32100 mod 31 with the GB 11714 organisation-code check, ISO 3779 VIN,
 * HKID mod 11, Taiwan ID, Luhn), without reading the scanner's recognisers. Every "valid" value
 * passes its check; the deliberately broken ones are made by `breakOne` and are few.
 */

// ---------------------------------------------------------------------------------------------
// Seeded PRNG

/** sfc32 seeded through splitmix32: deterministic on every platform. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.float();
  }

  float(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.float() * xs.length)] as T;
  }

  weighted<T>(pairs: readonly (readonly [number, T])[]): T {
    const total = pairs.reduce((s, [w]) => s + w, 0);
    let x = this.float() * total;
    for (const [w, v] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return (pairs[pairs.length - 1] as readonly [number, T])[1];
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

/** FNV-1a of the name mixed with the run seed: one independent stream per file. */
export function seedFor(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const pad = (n: number, w: number): string => String(n).padStart(w, '0');

// ---------------------------------------------------------------------------------------------
// Dates

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function randomDate(r: Rng, fromYear: number, toYear: number): Ymd {
  const y = r.int(fromYear, toYear);
  const m = r.int(1, 12);
  return { y, m, d: r.int(1, daysIn(y, m)) };
}

export const ymd = (t: Ymd): string => `${t.y}${pad(t.m, 2)}${pad(t.d, 2)}`;
export const isoDate = (t: Ymd): string => `${t.y}-${pad(t.m, 2)}-${pad(t.d, 2)}`;
export const utcDate = (t: Ymd): Date => new Date(Date.UTC(t.y, t.m - 1, t.d));

/** A moment between two UTC dates, in whole seconds. */
export function moment(r: Rng, from: Date, to: Date): Date {
  const a = Math.floor(from.getTime() / 1000);
  const b = Math.floor(to.getTime() / 1000);
  return new Date(r.int(a, b) * 1000);
}

export function fmtMoment(t: Date, style: 'iso' | 'space' | 'slash' | 'minute' | 'zh'): string {
  const y = t.getUTCFullYear();
  const mo = pad(t.getUTCMonth() + 1, 2);
  const d = pad(t.getUTCDate(), 2);
  const h = pad(t.getUTCHours(), 2);
  const mi = pad(t.getUTCMinutes(), 2);
  const s = pad(t.getUTCSeconds(), 2);
  switch (style) {
    case 'iso':
      return `${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`;
    case 'space':
      return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
    case 'slash':
      return `${y}/${t.getUTCMonth() + 1}/${t.getUTCDate()} ${h}:${mi}`;
    case 'minute':
      return `${y}-${mo}-${d} ${h}:${mi}`;
    case 'zh':
      return `${y}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
  }
}

// ---------------------------------------------------------------------------------------------
// Checksums (own implementations, from the reference)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 MOD 11-2 check character of the first 17 digits. */
export function idCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (ID_WEIGHTS[i] as number);
  return '10X98765432'[sum % 11] as string;
}

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(body17[i] as string);
    if (v < 0) throw new Error(`not a USCC symbol: ${body17[i]}`);
    sum += v * (USCC_WEIGHTS[i] as number);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** GB 11714 organisation-code check character of 8 symbols. */
export function orgCodeCheck(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i] as string;
    const v = /[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (w[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export function vinCheck(vin17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin17[i] as string;
    const v = /[0-9]/.test(ch) ? Number(ch) : VIN_VALUES[ch];
    if (v === undefined) throw new Error(`not a VIN symbol: ${ch}`);
    sum += v * (VIN_WEIGHTS[i] as number);
  }
  const c = sum % 11;
  return c === 10 ? 'X' : String(c);
}

/** HKID check character: letters A=10..Z=35, a missing first letter counts 36. */
export function hkidCheck(letters: string, digits6: string): string {
  const vals = (letters.length === 1 ? [36] : []).concat([...letters].map((c) => c.charCodeAt(0) - 55));
  let sum = (vals[0] as number) * 9 + (vals[1] as number) * 8;
  for (let i = 0; i < 6; i++) sum += Number(digits6[i]) * (7 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}

const TW_LETTERS: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

/** Taiwan ID check digit for a letter and the first 8 digits. */
export function twIdCheck(letter: string, digits8: string): string {
  const v = TW_LETTERS[letter] as number;
  let sum = Math.floor(v / 10) + (v % 10) * 9;
  for (let i = 0; i < 8; i++) sum += Number(digits8[i]) * (8 - i);
  return String((10 - (sum % 10)) % 10);
}

export function luhnValid(num: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = num.length - 1; i >= 0; i--) {
    let d = Number(num[i]);
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

export function luhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return String(d);
  throw new Error('unreachable');
}

/** Changes one digit so that a check no longer holds (a typo inside a valid column). */
export function breakOne(r: Rng, value: string, stillValid: (v: string) => boolean): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const positions = [...value].map((c, i) => (/[0-9]/.test(c) ? i : -1)).filter((i) => i >= 0);
    const i = r.pick(positions);
    const cur = Number(value[i]);
    const next = (cur + r.int(1, 9)) % 10;
    const v = value.slice(0, i) + String(next) + value.slice(i + 1);
    if (!stillValid(v)) return v;
  }
  return value.slice(0, -1) + (value.endsWith('0') ? '1' : '0');
}

// ---------------------------------------------------------------------------------------------
// Resident IDs and permits

/** Real county-level codes, weighted toward Fujian. */
export const FUJIAN_COUNTIES = [
  '350128', '350128', '350128', '350102', '350103', '350104', '350105', '350111', '350112', '350121',
  '350122', '350123', '350124', '350125', '350181', '350203', '350205', '350206', '350211', '350212',
  '350213', '350302', '350303', '350322', '350502', '350503', '350521', '350524', '350526', '350581',
  '350582', '350583', '350602', '350623', '350628', '350681', '350702', '350781', '350802', '350821',
  '350902', '350921', '350981', '350982',
];
export const OTHER_COUNTIES = [
  '110101', '110105', '110108', '310101', '310104', '310115', '320102', '320106', '330102', '330106',
  '330212', '340104', '360102', '360502', '370102', '410102', '420102', '430102', '440103', '440106',
  '440304', '440305', '450102', '500103', '510104', '510107', '610102', '130102', '140105', '210102',
  '220102', '230102', '360721', '362101', '430621', '522101', '532101',
];

export function residentId(r: Rng, opts: { fromYear: number; toYear: number; local?: number; code?: string }): string {
  const code = opts.code ?? (r.chance(opts.local ?? 0.75) ? r.pick(FUJIAN_COUNTIES) : r.pick(OTHER_COUNTIES));
  const body = code + ymd(randomDate(r, opts.fromYear, opts.toYear)) + r.digits(3);
  return body + idCheck(body);
}

export const residentIdValid = (v: string): boolean => /^\d{17}[\dX]$/.test(v) && idCheck(v.slice(0, 17)) === v[17];

/** A legacy 15-digit number: code + YYMMDD + 3-digit order, no check. */
export function legacyResidentId(r: Rng, fromYear: number, toYear: number): string {
  const t = randomDate(r, fromYear, Math.min(toYear, 1999));
  return r.pick(FUJIAN_COUNTIES) + ymd(t).slice(2) + r.digits(3);
}

/**
 * A resident-ID column cell with dirt: legacy 15-digit numbers (only for people born before
 * 1985), lower-case x, spaces, and a rare typo that breaks the check.
 */
export function messyResidentId(r: Rng, opts: { fromYear: number; toYear: number; legacy?: number; typo?: number; local?: number }): string {
  if (opts.fromYear < 1985 && r.chance(opts.legacy ?? 0.04)) return legacyResidentId(r, opts.fromYear, 1984);
  let v = residentId(r, opts);
  if (r.chance(opts.typo ?? 0.012)) v = breakOne(r, v, residentIdValid);
  if (v.endsWith('X') && r.chance(0.35)) v = v.slice(0, 17) + 'x';
  if (r.chance(0.02)) v = `${v.slice(0, 6)} ${v.slice(6, 14)} ${v.slice(14)}`;
  else if (r.chance(0.015)) v = ` ${v}`;
  return v;
}

/** 港澳台居民居住证: 810000 / 820000 / 830000 + birth date + order + MOD 11-2. */
export function residencePermit(r: Rng, code: '810000' | '820000' | '830000', fromYear: number, toYear: number): string {
  return residentId(r, { fromYear, toYear, code });
}

/** 台胞证: mostly the 8-digit lifelong number; a few older 10-char forms. */
export function twTravelPermit(r: Rng): string {
  const n = r.digits(8);
  return r.weighted([
    [80, n],
    [8, `${n}${pad(r.int(1, 6), 2)}`],
    [7, `${n}(${pad(r.int(1, 6), 2)})`],
    [5, `${n}${pad(r.int(1, 5), 2)}(${r.pick(['B', 'T', 'X'])})`],
  ]);
}

/** 回乡证: H or M + 8 digits, sometimes with the 2-digit renewal count. */
export function homeReturnPermit(r: Rng, letter: 'H' | 'M'): string {
  const n = `${letter}${r.int(0, 9) === 0 ? '0' : r.pick(['0', '1', '2', '6', '7'])}${r.digits(7)}`;
  return r.weighted([
    [72, n],
    [20, `${n}${pad(r.int(0, 4), 2)}`],
    [5, n.toLowerCase()],
    [3, `${n.slice(0, 1)} ${n.slice(1)}`],
  ]);
}

export function cnPassport(r: Rng): string {
  return r.weighted([
    [30, `G${r.digits(8)}`],
    [50, `E${r.digits(8)}`],
    [20, `E${r.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 1)}${r.digits(7)}`],
  ]);
}

export function twNationalId(r: Rng): string {
  const letter = r.weighted([
    [20, 'A'], [8, 'B'], [6, 'D'], [8, 'E'], [15, 'F'], [10, 'H'], [4, 'J'], [5, 'K'], [5, 'N'],
    [6, 'P'], [5, 'Q'], [6, 'R'], [6, 'S'], [6, 'T'], [3, 'U'], [2, 'V'], [2, 'G'], [2, 'M'],
    [2, 'C'], [2, 'I'], [1, 'O'], [2, 'W'], [1, 'X'], [1, 'Z'],
  ]);
  const d8 = `${r.int(1, 2)}${r.digits(7)}`;
  return letter + d8 + twIdCheck(letter, d8);
}

export const twNationalIdValid = (v: string): boolean => /^[A-Z][12]\d{8}$/.test(v) && twIdCheck(v[0] as string, v.slice(1, 9)) === v[9];

export function hkId(r: Rng): string {
  const letters = r.chance(0.06)
    ? r.pick(['XA', 'XB', 'XC', 'XD', 'XE', 'XG', 'XH', 'WX'])
    : r.weighted([[14, 'A'], [8, 'B'], [10, 'C'], [12, 'D'], [10, 'E'], [9, 'G'], [6, 'H'], [8, 'K'], [5, 'M'], [8, 'P'], [7, 'R'], [6, 'V'], [8, 'Y'], [9, 'Z']]);
  const d6 = r.digits(6);
  const c = hkidCheck(letters, d6);
  return r.weighted([
    [70, `${letters}${d6}(${c})`],
    [20, `${letters}${d6}${c}`],
    [6, `${letters}${d6} (${c})`],
    [4, `${letters}${d6}（${c}）`],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Organisations

export function uscc(r: Rng, region?: string, kindOverride?: string): string {
  const kind = kindOverride ?? r.weighted([
    [70, '91'],
    [12, '92'],
    [5, '93'],
    [6, '12'],
    [4, '52'],
    [3, '11'],
  ]);
  const reg = region ?? r.pick(['350128', '350100', '350102', '350104', '350181', '350200', '350203', '440300', '440305', '440400', '310115', '330100']);
  const orgAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org8: string;
  if (kind === '91' && r.chance(0.6)) org8 = `MA${r.chars('0123456789', 1)}${r.chars(orgAlphabet, 5)}`;
  else org8 = r.digits(8);
  const org = org8 + orgCodeCheck(org8);
  const body = kind + reg + org;
  return body + usccCheck(body);
}

export const COMPANY_PREFIX = ['平潭', '福州', '福建', '厦门', '闽台', '岚岛', '海峡', '金井湾', '坛南湾', '东南', '融侨', '榕信'];
export const COMPANY_CORE = ['海丰', '兴达', '恒信', '鑫源', '宏远', '联创', '佳和', '顺泰', '盛华', '安澜', '瑞丰', '嘉禾', '天成', '明辉', '汇通', '永福', '蓝海', '正弘'];
export const COMPANY_TRADE = ['渔业', '水产', '贸易', '物流', '建设工程', '科技', '餐饮管理', '旅游开发', '电子商务', '实业', '船务', '置业', '食品', '新能源', '小额贷款'];
export const COMPANY_FORM = ['有限公司', '有限公司', '有限责任公司', '股份有限公司', '专业合作社'];

export function companyName(r: Rng, prefixes: readonly string[] = COMPANY_PREFIX, trades: readonly string[] = COMPANY_TRADE, forms: readonly string[] = COMPANY_FORM): string {
  return `${r.pick(prefixes)}${r.pick(COMPANY_CORE)}${r.pick(trades)}${r.pick(forms)}`;
}

// ---------------------------------------------------------------------------------------------
// Phones, network

const CN_MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '166', '172', '173', '175', '176', '177', '178', '180', '181', '182', '183',
  '184', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199',
];

export const cnMobile = (r: Rng): string => r.pick(CN_MOBILE_PREFIXES) + r.digits(8);

export function messyMobile(r: Rng, style: 'mixed' | 'plain' | 'intl' = 'mixed'): string {
  const n = cnMobile(r);
  if (style === 'plain') return n;
  const pairs: [number, string][] =
    style === 'intl'
      ? [
          [35, `+86${n}`],
          [30, `+86 ${n}`],
          [10, `+86-${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`],
          [10, `0086${n}`],
          [15, n],
        ]
      : [
          [64, n],
          [10, `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`],
          [8, `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`],
          [8, `+86 ${n}`],
          [4, `+86${n}`],
          [3, `(+86)${n}`],
          [3, `86-${n}`],
        ];
  return r.weighted(pairs);
}

const AREA_CODES: [number, string, number][] = [
  [40, '0591', 8],
  [12, '0592', 7],
  [10, '0595', 8],
  [5, '0594', 7],
  [4, '0593', 7],
  [4, '0596', 7],
  [3, '0598', 7],
  [3, '0599', 7],
  [3, '0597', 7],
  [5, '010', 8],
  [4, '021', 8],
  [3, '020', 8],
  [4, '0755', 8],
  [2, '0756', 7],
];

export function cnLandline(r: Rng, opts: { area?: string; ext?: number } = {}): string {
  const chosen = opts.area !== undefined ? AREA_CODES.find((a) => a[1] === opts.area) : r.weighted(AREA_CODES.map((a) => [a[0], a] as const));
  if (chosen === undefined) throw new Error(`unknown area code ${String(opts.area)}`);
  const [, area, len] = chosen;
  const first = String(r.int(2, 8));
  const local = first + r.digits(len - 1);
  let v = r.weighted([
    [50, `${area}-${local}`],
    [15, `${area}${local}`],
    [12, `(${area})${local}`],
    [8, `${area} ${local.slice(0, len - 4)} ${local.slice(len - 4)}`],
    [8, `${area}-${local.slice(0, len - 4)}-${local.slice(len - 4)}`],
    [7, `（${area}）${local}`],
  ]);
  if (r.chance(opts.ext ?? 0.06)) v += r.pick(['-', '转', ' ext.', '-']) + String(r.int(800, 8999));
  return v;
}

export function twMobile(r: Rng): string {
  const n = `09${r.int(0, 9)}${r.digits(7)}`;
  return r.weighted([
    [35, `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}`],
    [25, n],
    [12, `+886 ${n.slice(1, 4)} ${n.slice(4, 7)} ${n.slice(7)}`],
    [10, `+886-${n.slice(1)}`],
    [8, `+886${n.slice(1)}`],
    [10, `${n.slice(0, 4)} ${n.slice(4)}`],
  ]);
}

const PINYIN = [
  'lin', 'chen', 'huang', 'zheng', 'wang', 'li', 'zhang', 'liu', 'wu', 'cai', 'yang', 'xu', 'xie', 'hong', 'qiu',
  'zeng', 'zhou', 'su', 'ye', 'zhuang', 'jiang', 'he', 'luo', 'gao', 'fang', 'shi', 'hu', 'weng', 'wei', 'you',
  'xiaoming', 'jianhua', 'meiling', 'wei', 'fang', 'jun', 'hui', 'ting', 'hao', 'yu', 'xin', 'jie', 'qiang',
];

export function email(r: Rng, domains: readonly string[]): string {
  const local = r.weighted([
    [30, `${r.pick(PINYIN)}${r.pick(PINYIN)}${r.chance(0.6) ? r.int(1, 2005) : ''}`],
    [20, `${r.pick(PINYIN)}.${r.pick(PINYIN)}`],
    [15, `${r.pick(PINYIN)}_${r.int(70, 99)}${r.pick(PINYIN)}`],
    [20, String(r.int(10000, 2999999999))],
    [15, `${r.pick(PINYIN)}${r.pick(['', '-', '_'])}${r.chars('abcdefghijkmnpqrstuvwxyz', r.int(2, 4))}${r.int(1, 99)}`],
  ]);
  const dom = r.pick(domains);
  const addr = `${local}@${dom}`;
  return r.chance(0.04) ? addr.toUpperCase() : r.chance(0.03) ? ` ${addr}` : addr;
}

export const MAINLAND_MAIL = ['qq.com', 'qq.com', 'qq.com', '163.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'hotmail.com', 'gmail.com', '139.com', 'yeah.net', 'aliyun.com'];

export function ipv4(r: Rng, kind: 'public' | 'private' | 'mixed' = 'mixed'): string {
  const priv = kind === 'private' || (kind === 'mixed' && r.chance(0.25));
  if (priv) {
    return r.weighted([
      [50, `192.168.${r.int(0, 10)}.${r.int(2, 254)}`],
      [30, `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`],
      [20, `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`],
    ]);
  }
  const first = r.pick([27, 36, 39, 42, 58, 59, 60, 61, 110, 112, 113, 114, 115, 117, 120, 121, 122, 123, 125, 139, 140, 175, 180, 182, 183, 218, 220, 221, 222, 223]);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

export function ipv6(r: Rng): string {
  const h = (): string => r.int(0, 0xffff).toString(16);
  return r.weighted([
    [50, `240e:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`],
    [25, `2409:8a${pad(r.int(0, 99), 2)}:${h()}:${h()}::${h()}`],
    [25, `2408:${h()}:${h()}::${h()}:${h()}`],
  ]);
}

const OUI = ['00E04C', 'A4500F', '7C1E52', 'F4B8A7', 'D85ED3', 'B0E5ED', '00259E', '9C741A', '34CE00', 'E4F3F5', '5C63BF', '88C397', 'C83A35', '74A063'];

export function mac(r: Rng): string {
  const hex = r.pick(OUI) + r.chars('0123456789ABCDEF', 6);
  const pairs = hex.match(/../g) as string[];
  return r.weighted([
    [45, pairs.join(':')],
    [20, pairs.join('-')],
    [15, pairs.join(':').toLowerCase()],
    [10, pairs.join('-').toLowerCase()],
    [5, `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`.toLowerCase()],
    [5, hex],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Cards, vehicles, places

const BINS: [string, number][] = [
  ['622202', 19], ['621226', 19], ['622848', 19], ['621700', 19], ['621785', 19], ['622262', 19],
  ['622588', 16], ['621483', 16], ['622908', 18], ['622909', 18], ['436742', 16], ['622700', 19],
  ['621661', 19], ['625965', 16], ['623058', 19], ['621799', 19], ['628288', 16], ['622609', 16],
];

export function bankCardNumber(r: Rng): string {
  const [bin, len] = r.pick(BINS);
  const body = bin + r.digits(len - bin.length - 1);
  return body + luhnDigit(body);
}

/** Bank card cell: grouped, dashed, and a rare Luhn failure (as with some real UnionPay debit cards). */
export function messyBankCard(r: Rng, failLuhn = 0.015): string {
  let n = bankCardNumber(r);
  if (r.chance(failLuhn)) n = breakOne(r, n, luhnValid);
  return r.weighted([
    [62, n],
    [20, n.replace(/(\d{4})(?=\d)/g, '$1 ')],
    [8, n.replace(/(\d{4})(?=\d)/g, '$1-')],
    [6, `${n.slice(0, 6)} ${n.slice(6)}`],
    [4, `'${n}`],
  ]);
}

export const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function licensePlate(r: Rng): string {
  const prov = r.weighted([[78, '闽'], [22, PROVINCES[r.int(0, PROVINCES.length - 1)] as string]]);
  const city = prov === '闽' ? r.weighted([[55, 'A'], [12, 'D'], [8, 'C'], [6, 'E'], [5, 'J'], [4, 'K'], [4, 'H'], [3, 'F'], [3, 'G']]) : r.weighted([[40, 'A'], [60, r.chars(PLATE_LETTERS, 1)]]);
  let tail: string;
  const kind = r.weighted([[76, 'petrol'], [20, 'ne-small'], [4, 'ne-large']]);
  if (kind === 'petrol') {
    const letters = r.weighted([[45, 0], [40, 1], [15, 2]]);
    const arr = [...r.digits(5)];
    const used = new Set<number>();
    for (let i = 0; i < letters; i++) {
      let p = r.int(0, 4);
      while (used.has(p)) p = r.int(0, 4);
      used.add(p);
      arr[p] = r.chars(PLATE_LETTERS, 1);
    }
    tail = arr.join('');
  } else if (kind === 'ne-small') {
    tail = r.pick(['D', 'F', 'D', 'A', 'B', 'G']) + (r.chance(0.3) ? r.chars(PLATE_LETTERS, 1) + r.digits(4) : r.digits(5));
  } else {
    tail = r.digits(5) + r.pick(['D', 'F']);
  }
  const sep = r.weighted([[80, ''], [12, '·'], [8, ' ']]);
  return `${prov}${city}${sep}${tail}`;
}

const WMI = ['LSV', 'LFV', 'LHG', 'LVH', 'LBV', 'LE4', 'LGX', 'LRW', 'LSG', 'LGW', 'LS5', 'LNB', 'LVS', 'LGB', 'LDC', 'L6T', 'LB3'];
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

export function vinNumber(r: Rng): string {
  const wmi = r.pick(WMI);
  const vds = r.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 2) + r.chars(VIN_CHARS, 3);
  const year = r.pick(['H', 'J', 'K', 'L', 'M', 'N', 'P', 'R']);
  const plant = r.chars('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 1);
  const serial = r.digits(6);
  const draft = `${wmi}${vds}0${year}${plant}${serial}`;
  const c = vinCheck(draft);
  return draft.slice(0, 8) + c + draft.slice(9);
}

export const vinValid = (v: string): boolean => /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && vinCheck(v) === v[8];

// ---------------------------------------------------------------------------------------------
// Names

export const SURNAMES_S: [number, string][] = [
  [60, '林'], [58, '陈'], [35, '黄'], [30, '郑'], [28, '王'], [26, '李'], [25, '张'], [20, '刘'], [20, '吴'],
  [14, '蔡'], [13, '杨'], [12, '许'], [11, '谢'], [10, '洪'], [9, '邱'], [9, '曾'], [8, '廖'], [8, '赖'],
  [10, '周'], [8, '徐'], [7, '苏'], [7, '叶'], [6, '庄'], [5, '吕'], [6, '江'], [6, '何'], [6, '罗'],
  [7, '高'], [6, '方'], [5, '施'], [4, '詹'], [5, '游'], [6, '胡'], [4, '翁'], [4, '卓'], [4, '魏'],
  [5, '朱'], [5, '孙'], [4, '马'], [3, '薛'], [3, '潘'], [3, '余'], [2, '欧阳'], [1, '司马'], [1, '上官'], [1, '诸葛'],
  [3, '俞'], [3, '邓'], [3, '冯'], [2, '池'], [2, '游'], [2, '兰'], [2, '雷'], [1, '钟'],
];

const GIVEN_S = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玉兰丹萍鹏志强晓东海燕雪梅思远子涵浩然欣怡雨轩梓萱一鸣婷婷宇航俊杰佳怡昊天诗琪嘉豪建国春生金水阿妹秀珠美玉丽珍宝华细妹永福清泉德明荣光';

export function personName(r: Rng): string {
  const s = r.weighted(SURNAMES_S);
  const len = r.weighted([[62, 2], [30, 1], [8, 2]]);
  let g = '';
  for (let i = 0; i < len; i++) g += GIVEN_S[r.int(0, GIVEN_S.length - 1)];
  return s + g;
}

const MINORITY_NAMES = ['阿卜杜拉·艾买提', '买买提·吐尔逊', '古丽娜尔·艾力', '扎西顿珠', '次仁卓玛', '阿依古丽', '巴特尔', '乌兰图雅', '雷金凤', '蓝秀英'];

/** Names with dirt: inner spaces, minority names with a middle dot, a trailing space. */
export function messyName(r: Rng): string {
  if (r.chance(0.015)) return r.pick(MINORITY_NAMES);
  const n = personName(r);
  if (n.length === 2 && r.chance(0.12)) return `${n[0]} ${n[1]}`;
  if (r.chance(0.02)) return `${n} `;
  return n;
}

export const SURNAMES_T: [number, string][] = [
  [40, '陳'], [30, '林'], [22, '黃'], [20, '張'], [19, '李'], [15, '王'], [15, '吳'], [12, '劉'], [11, '蔡'],
  [11, '楊'], [8, '許'], [7, '鄭'], [7, '謝'], [6, '郭'], [6, '洪'], [6, '曾'], [6, '邱'], [5, '廖'],
  [5, '賴'], [5, '周'], [5, '徐'], [4, '蘇'], [4, '葉'], [4, '莊'], [3, '呂'], [3, '江'], [3, '何'],
  [3, '蕭'], [3, '羅'], [3, '高'], [2, '潘'], [2, '簡'], [2, '朱'], [2, '鍾'], [2, '彭'], [2, '游'],
  [2, '詹'], [2, '胡'], [2, '施'], [2, '沈'], [2, '余'], [2, '盧'], [2, '梁'], [2, '趙'], [1, '顏'],
  [1, '柯'], [1, '翁'], [1, '魏'], [1, '孫'], [1, '戴'], [1, '歐陽'], [1, '范姜'],
];

const GIVEN_T = [
  '志明', '淑芬', '雅婷', '家豪', '怡君', '冠宇', '宗翰', '佩珊', '建宏', '美玲', '俊傑', '詩涵', '承恩', '品妍', '宥廷',
  '柏翰', '思妤', '育誠', '欣怡', '信宏', '淑惠', '麗華', '文雄', '明哲', '秀蘭', '國華', '志豪', '佳穎', '郁婷', '振宇',
  '家瑋', '韋廷', '芷若', '昱辰', '子晴', '建志', '嘉玲', '偉倫', '惠雯', '瑞祥', '德華', '寶珠', '冠廷', '雅雯', '慧君',
];

export function traditionalName(r: Rng): string {
  const s = r.weighted(SURNAMES_T);
  return s + (r.chance(0.9) ? r.pick(GIVEN_T) : r.pick(GIVEN_T).slice(0, 1));
}

const GIVEN_HK = ['大文', '小明', '嘉欣', '家輝', '志偉', '詠詩', '凱琳', '浩然', '振邦', '美儀', '偉強', '淑儀', '子健', '家樂', '曉彤', '卓賢', '麗珊', '國榮', '俊朗', '穎欣', '澤銘', '綺雯', '文傑', '思穎'];
const SURNAMES_HK: [number, string][] = [
  [30, '陳'], [20, '李'], [18, '張'], [15, '黃'], [14, '何'], [12, '梁'], [12, '林'], [10, '王'], [10, '吳'],
  [9, '劉'], [8, '鄭'], [8, '蔡'], [7, '羅'], [7, '葉'], [6, '鄧'], [6, '麥'], [5, '區'], [5, '譚'], [5, '馮'],
  [4, '岑'], [4, '霍'], [3, '歐陽'], [3, '司徒'], [2, '伍'], [2, '梅'], [2, '關'],
];

export function hkName(r: Rng): string {
  return r.weighted(SURNAMES_HK) + r.pick(GIVEN_HK);
}

// ---------------------------------------------------------------------------------------------
// Addresses

const FJ_PLACES: [string, string, string[]][] = [
  ['福州市', '平潭县', ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇', '白青乡', '君山镇', '芦洋乡', '中楼乡', '东庠乡']],
  ['福州市', '鼓楼区', ['五凤街道', '温泉街道', '东街街道', '南街街道', '鼓东街道', '水部街道']],
  ['福州市', '台江区', ['瀛洲街道', '上海街道', '后洲街道', '宁化街道', '洋中街道']],
  ['福州市', '仓山区', ['仓山镇', '城门镇', '盖山镇', '建新镇', '金山街道', '上渡街道']],
  ['福州市', '晋安区', ['岳峰镇', '新店镇', '鼓山镇', '王庄街道', '象园街道']],
  ['福州市', '长乐区', ['吴航街道', '营前街道', '潭头镇', '金峰镇']],
  ['福州市', '福清市', ['玉屏街道', '龙山街道', '音西街道', '江阴镇', '高山镇']],
  ['福州市', '闽侯县', ['甘蔗街道', '上街镇', '南屿镇', '青口镇']],
  ['厦门市', '思明区', ['中华街道', '鹭江街道', '莲前街道', '嘉莲街道']],
  ['厦门市', '湖里区', ['殿前街道', '江头街道', '金山街道', '禾山街道']],
  ['泉州市', '晋江市', ['青阳街道', '梅岭街道', '安海镇', '陈埭镇']],
  ['莆田市', '荔城区', ['镇海街道', '拱辰街道', '黄石镇']],
];

const ROADS = ['西航路', '北港路', '麒麟路', '万宝路', '金井路', '环岛路', '坛西大道', '五四路', '八一七北路', '工业路', '华林路', '六一中路', '杨桥东路', '东街', '湖东路', '福新中路', '金山大道', '浦上大道', '福飞南路', '国货西路', '中山路', '湖滨南路', '嘉禾路', '世纪大道'];
const ESTATES = ['龙凤头小区', '海峡如意城', '实验区安置房一期', '万宝新苑', '中楼村', '东美村', '君山花园', '麒麟湾', '正荣府', '融侨锦江', '阳光城', '世茂云图', '金辉花园', '三盛国际', '蓝色海湾', '海坛古城'];

export function fujianAddress(r: Rng, opts: { province?: number; room?: number } = {}): string {
  const [city, county, towns] = r.pick(FJ_PLACES);
  const head = r.chance(opts.province ?? 0.45) ? `福建省${city}${county}` : r.chance(0.6) ? `${city}${county}` : county;
  const town = r.pick(towns);
  const tail = r.weighted([
    [40, `${r.pick(ROADS)}${r.int(1, 399)}号`],
    [25, `${r.pick(ROADS)}${r.int(1, 299)}号${r.pick(ESTATES)}${r.int(1, 32)}号楼${r.int(1, 28)}${pad(r.int(1, 6), 2)}室`],
    [20, `${r.pick(ESTATES)}${r.int(1, 40)}栋${r.int(1, 3)}单元${r.int(1, 18)}0${r.int(1, 4)}`],
    [15, `${r.pick(['东美', '中楼', '北厝', '流水', '山岐', '看澳', '磹水', '钱便澳', '大福'])}村${r.int(1, 12)}组${r.int(1, 120)}号`],
  ]);
  return r.chance(0.7) ? `${head}${town}${tail}` : `${head}${tail}`;
}

const SZ_PLACES: [string, string[]][] = [
  ['南山区', ['前海深港合作区', '蛇口街道', '粤海街道', '南头街道']],
  ['福田区', ['福田街道', '沙头街道', '华富街道']],
  ['罗湖区', ['东门街道', '桂园街道', '黄贝街道']],
  ['宝安区', ['新安街道', '西乡街道']],
];

export function shenzhenAddress(r: Rng): string {
  const [d, streets] = r.pick(SZ_PLACES);
  const road = r.pick(['桂湾四路', '前湾一路', '梦海大道', '南海大道', '深南大道', '滨海大道', '后海大道', '沙河西路', '宝安大道', '怡景路']);
  const bld = r.pick(['前海嘉里中心', '卓越前海壹号', '华润大厦', '海岸城', '世纪假日广场', '蛇口网谷', '深业上城', '荣超滨海大厦']);
  return `${r.chance(0.5) ? '广东省' : ''}深圳市${d}${r.pick(streets)}${road}${r.int(1, 399)}号${r.chance(0.6) ? `${bld}${r.chance(0.5) ? 'A座' : ''}${r.int(3, 45)}${pad(r.int(1, 20), 2)}室` : ''}`;
}

export function zhuhaiAddress(r: Rng): string {
  const road = r.pick(['環島東路', '濠江路', '天羽道', '港澳大道', '琴海東路', '橫琴大道', '興澳路', '寶中路']);
  const est = r.pick(['橫琴·澳門新街坊', '華發首府', '中冶逸璟公館', '橫琴天湖', '琴澳新家園', '二井灣花園']);
  return `${r.chance(0.4) ? '廣東省' : ''}珠海市橫琴粵澳深度合作區${r.chance(0.5) ? '橫琴鎮' : ''}${road}${r.int(1, 3999)}號${r.chance(0.8) ? `${est}${r.int(1, 20)}棟${r.int(1, 33)}${pad(r.int(1, 12), 2)}室` : ''}`;
}

const TW_PLACES: [string, string[]][] = [
  ['臺北市', ['大安區', '信義區', '中山區', '松山區', '士林區', '內湖區', '萬華區']],
  ['新北市', ['板橋區', '三重區', '中和區', '新店區', '淡水區', '新莊區']],
  ['桃園市', ['桃園區', '中壢區', '龜山區', '八德區']],
  ['臺中市', ['西屯區', '北屯區', '南屯區', '豐原區']],
  ['臺南市', ['東區', '中西區', '永康區', '安平區']],
  ['高雄市', ['苓雅區', '三民區', '前鎮區', '鳳山區', '左營區']],
  ['金門縣', ['金城鎮', '金湖鎮', '金沙鎮']],
  ['新竹市', ['東區', '北區']],
];

const TW_ROADS = ['忠孝東路', '信義路', '中山北路', '民生東路', '復興南路', '中正路', '民族路', '成功路', '文化路', '中華路', '光復路', '建國路', '自由路', '和平東路', '三民路'];

export function taiwanAddress(r: Rng): string {
  const [city, dists] = r.pick(TW_PLACES);
  const section = r.chance(0.45) ? `${r.pick(['一', '二', '三', '四', '五'])}段` : '';
  const lane = r.chance(0.35) ? `${r.int(1, 300)}巷` : '';
  const alley = lane !== '' && r.chance(0.4) ? `${r.int(1, 30)}弄` : '';
  const floor = r.chance(0.7) ? `${r.int(2, 21)}樓${r.chance(0.2) ? `之${r.int(1, 6)}` : ''}` : '';
  const li = r.chance(0.2) ? `${r.pick(['福德', '仁愛', '光明', '中正', '復興', '大同'])}里` : '';
  return `${r.chance(0.12) ? `${r.int(100, 999)}` : ''}${city}${r.pick(dists)}${li}${r.pick(TW_ROADS)}${section}${lane}${alley}${r.int(1, 350)}號${floor}`;
}

// ---------------------------------------------------------------------------------------------
// Health

export const DIAGNOSES = [
  '急性心肌梗死', '2型糖尿病', '原发性高血压3级', '社区获得性肺炎', '急性阑尾炎', '胆囊结石伴慢性胆囊炎', '腰椎间盘突出症',
  '右侧股骨颈骨折', '肺恶性肿瘤', '乳腺恶性肿瘤', '脑梗死', '慢性阻塞性肺疾病急性加重', '甲状腺乳头状癌', '胃恶性肿瘤',
  '左桡骨远端骨折', '急性胰腺炎', '肾结石', '子宫平滑肌瘤', '冠状动脉粥样硬化性心脏病', '慢性肾脏病5期', '乙型病毒性肝炎',
  '肝硬化失代偿期', '颅内出血', '手足口病', '支气管哮喘', '结肠恶性肿瘤', '急性胃肠炎', '白内障', '带状疱疹',
];

export const ICD10 = [
  'I21.9', 'E11.9', 'I10.x05', 'J18.9', 'K35.8', 'K80.1', 'M51.2', 'S72.0', 'C34.9', 'C50.9', 'I63.9', 'J44.1',
  'C73.x00', 'C16.9', 'S52.5', 'K85.9', 'N20.0', 'D25.9', 'I25.1', 'N18.5', 'B18.1', 'K74.6', 'I61.9', 'B08.4',
  'J45.9', 'C18.9', 'A09.9', 'H25.9', 'B02.9', 'I21.0', 'E11.2', 'C34.1',
];

export const GENETIC = [
  'rs1801133 CT', 'rs1801133 TT', 'rs1801133 CC', 'rs429358 TC; rs7412 CC', 'rs429358 TT; rs7412 CT', 'rs4680 GG',
  'rs4680 AG', 'rs762551 AA', 'rs1799853 CT', 'rs9939609 AT', 'rs12913832 GG', 'rs671 GA', 'rs671 GG',
  'BRCA1 c.5470_5477del 杂合', 'BRCA2 c.3109C>T 杂合', 'EGFR exon19 del', 'EGFR L858R', 'KRAS G12D', 'HLA-B*58:01 阳性',
  'HLA-B*15:02 阴性', 'CYP2C19 *1/*2', 'CYP2C19 *2/*2', 'ALDH2 *1/*2 (rs671 GA)', 'TP53 c.743G>A',
];

// ---------------------------------------------------------------------------------------------
// Decoy helpers

/** 18 digits shaped like an ID (region + date + order) whose last digit is never the check. */
export function idShapedWrongCheck(r: Rng, prefix: string, year: number): string {
  const t = randomDate(r, year, year);
  const body = prefix + ymd(t) + r.digits(17 - prefix.length - 8);
  const c = idCheck(body);
  let last = r.int(0, 9);
  if (String(last) === c) last = (last + 1 + r.int(0, 8)) % 10;
  return body + String(last);
}

/** n digits whose Luhn check fails. */
export function luhnFailing(r: Rng, prefix: string, n: number): string {
  const body = prefix + r.digits(n - prefix.length - 1);
  const good = Number(luhnDigit(body));
  return body + String((good + r.int(1, 9)) % 10);
}

export function hex(r: Rng, n: number): string {
  return r.chars('0123456789abcdef', n);
}

export function uuid(r: Rng): string {
  const h = hex(r, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A weak, human-made password of the kind leaked in registration tables. */
export function password(r: Rng): string {
  const word = r.pick(['wang', 'Lin', 'chen', 'Fz', 'pt', 'love', 'abc', 'qwe', 'Admin', 'zxc', 'huang', 'driver', 'Didi', 'sj']);
  return r.weighted([
    [25, `${word}${r.int(1970, 2005)}${r.pick(['', '!', '@', '.', '#'])}`],
    [20, `${word.charAt(0).toUpperCase()}${word.slice(1)}@${r.digits(r.int(3, 6))}`],
    [15, r.chars('abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789', r.int(8, 12))],
    [10, `${r.chars('abcdefghijkmnpqrstuvwxyz', 3)}${r.digits(6)}`],
    [10, `${r.digits(6)}${r.chars('abcdefghijkmnpqrstuvwxyz', 2)}`],
    [10, `${word}_${r.chars('abcdefghijkmnpqrstuvwxyz0123456789', 5)}!`],
    [10, `P@ss${r.digits(4)}`],
  ]);
}

/** A Wi-Fi key as printed on an installer's work order. */
export function wifiKey(r: Rng): string {
  return r.weighted([
    [40, r.chars('abcdefghijkmnpqrstuvwxyz23456789', 8)],
    [20, r.chars('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 8)],
    [20, `${r.pick(['fz', 'pt', 'home', 'jia', 'wifi'])}${r.digits(r.int(6, 8))}`],
    [20, `${r.chars('abcdefghijkmnpqrstuvwxyz', 4)}@${r.digits(4)}`],
  ]);
}
