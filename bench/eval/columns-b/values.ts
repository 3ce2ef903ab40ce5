/**
 * Value makers for the second blind column set (`generate.ts`).
 *
 * Every identifier is built here from its published rule (shared/reference/customs.md §4 and
 * detector-types.md), check characters computed by this file, then cross-checked against the
 * project's exported validators (`src/contexts/detection/validators/index.ts`): a disagreement
 * stops generation, so a labelled value is never one only our own arithmetic believes in.
 * Nothing here knows how the scanner's recognisers work.
 */
import { createRequire } from 'node:module';
import {
  validateBankCard,
  validateCnLandline,
  validateCnLicensePlate,
  validateCnMobile,
  validateCnPassport,
  validateCnResidentId,
  validateCnUscc,
  validateEmail,
  validateGeoCoordinate,
  validateHkId,
  validateHkmoHomeReturnPermit,
  validateHkResidencePermit,
  validateId15,
  validateIpAddress,
  validateMacAddress,
  validateMoResidencePermit,
  validateTwMobile,
  validateTwNationalId,
  validateTwResidencePermit,
  validateTwTravelPermit,
  validateVin,
} from '../../../src/contexts/detection/validators/index.ts';
import type { ValidationResult } from '../../../src/contexts/detection/validators/index.ts';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, and the same sequence on every platform. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  /** One of several outcomes by weight: `[[weight, value], ...]`. */
  weighted<T>(options: readonly (readonly [number, T])[]): T {
    const total = options.reduce((s, [w]) => s + w, 0);
    let x = this.next() * total;
    for (const [w, v] of options) {
      x -= w;
      if (x < 0) return v;
    }
    const last = options[options.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[1];
  }
}

/** FNV-1a, to derive one seed per file from the run seed and the file name. */
export function seedFor(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of name) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function confirm(kind: string, value: string, result: ValidationResult): string {
  if (!result.valid) throw new Error(`generated ${kind} ${JSON.stringify(value)} is refused by the project validator (${result.reason ?? '?'}) — the generator or the validator is wrong`);
  return value;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Full-width digits and Latin letters (what some input methods type). */
export function fullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

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

export const ymd = (t: Ymd, sep = ''): string => `${t.y}${sep}${pad(t.m, 2)}${sep}${pad(t.d, 2)}`;

/** A moment in 2023–2024 as a Date in UTC holding the China wall-clock time. */
export function recentMoment(r: Rng): Date {
  const t = randomDate(r, 2023, 2024);
  return new Date(Date.UTC(t.y, t.m - 1, t.d, r.int(8, 18), r.int(0, 59), r.int(0, 59)));
}

export function fmtMoment(d: Date, style: 'iso' | 'slash' | 'compact' | 'cn'): string {
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const da = d.getUTCDate();
  const hh = pad(d.getUTCHours(), 2);
  const mi = pad(d.getUTCMinutes(), 2);
  const ss = pad(d.getUTCSeconds(), 2);
  switch (style) {
    case 'iso':
      return `${y}-${pad(mo, 2)}-${pad(da, 2)} ${hh}:${mi}:${ss}`;
    case 'slash':
      return `${y}/${mo}/${da} ${hh}:${mi}`;
    case 'compact':
      return `${y}${pad(mo, 2)}${pad(da, 2)}${hh}${mi}${ss}`;
    case 'cn':
      return `${y}年${mo}月${da}日`;
  }
}

// ---------------------------------------------------------------------------------------------
// GB 11643 numbers: resident ID and the HK / Macao / Taiwan residence permits

/** County-level codes in force (GB/T 2260), weighted towards Fujian. */
const COUNTY_CODES = [
  '350128', '350128', '350128', '350102', '350103', '350104', '350105', '350111', '350121', '350122', '350181', '350182',
  '350203', '350205', '350206', '350211', '350302', '350322', '350503', '350582', '350583', '350602', '350681', '350702',
  '350802', '350902', '110101', '110105', '110108', '310104', '310115', '320106', '330106', '330212', '340104', '360102',
  '370202', '410105', '420106', '430104', '440106', '440305', '450103', '500103', '510107', '530102', '610113', '130102',
  '140105', '210102', '220102', '230103', '362502', '441302', '445102', '522601',
];

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function mod11_2(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (GB11643_WEIGHTS[i] as number);
  return '10X98765432'[sum % 11] as string;
}

export interface IdOptions {
  fromYear?: number;
  toYear?: number;
  sex?: 'M' | 'F';
  prefix?: string;
}

function gb11643(r: Rng, o: IdOptions): string {
  const area = o.prefix ?? r.pick(COUNTY_CODES);
  const birth = ymd(randomDate(r, o.fromYear ?? 1950, o.toYear ?? 2002));
  let seq = r.int(0, 999);
  if (o.sex === 'M' && seq % 2 === 0) seq = (seq + 1) % 1000;
  if (o.sex === 'F' && seq % 2 === 1) seq = seq - 1;
  const body = area + birth + pad(seq, 3);
  return body + mod11_2(body);
}

export function residentId(r: Rng, o: IdOptions = {}): string {
  const v = gb11643(r, o);
  return confirm('resident ID', v, validateCnResidentId(v));
}

/** First-generation 15-digit number: area + YYMMDD + sequence, no check character. */
export function residentId15(r: Rng): string {
  const t = randomDate(r, 1935, 1979);
  const v = r.pick(COUNTY_CODES) + ymd(t).slice(2) + r.digits(3);
  return confirm('15-digit resident ID', v, validateId15(v));
}

export function hkResidencePermit(r: Rng, o: IdOptions = {}): string {
  const v = gb11643(r, { ...o, prefix: '810000' });
  return confirm('HK residence permit', v, validateHkResidencePermit(v));
}

export function moResidencePermit(r: Rng, o: IdOptions = {}): string {
  const v = gb11643(r, { ...o, prefix: '820000' });
  return confirm('Macao residence permit', v, validateMoResidencePermit(v));
}

export function twResidencePermit(r: Rng, o: IdOptions = {}): string {
  const v = gb11643(r, { ...o, prefix: '830000' });
  return confirm('Taiwan residence permit', v, validateTwResidencePermit(v));
}

/** An ID-number column as people type it: mostly clean, some lower-case x, spaces, full width, 15 digits. */
export function messyResidentId(r: Rng, o: IdOptions = {}, legacy15 = 0.03): string {
  if (r.chance(legacy15)) return residentId15(r);
  const v = residentId(r, o);
  return r.weighted<string>([
    [80, v],
    [6, v.endsWith('X') ? v.slice(0, 17) + 'x' : ` ${v}`],
    [6, `${v} `],
    [3, fullWidth(v)],
    [3, `${v.slice(0, 6)} ${v.slice(6, 14)} ${v.slice(14)}`],
    [2, `'${v}`],
  ]);
}

/**
 * 18 digits shaped like an ID number (a county code, a date, a serial) that is not one: the
 * check character is wrong. Used for settlement and case numbers.
 */
export function idShapedInvalid(r: Rng, dateFrom = 2023, dateTo = 2024): string {
  for (;;) {
    const body = r.pick(COUNTY_CODES) + ymd(randomDate(r, dateFrom, dateTo)) + r.digits(3);
    const good = mod11_2(body);
    const last = r.digits(1);
    if (last === good) continue;
    const v = body + last;
    if (validateCnResidentId(v).valid) continue;
    return v;
  }
}

// ---------------------------------------------------------------------------------------------
// Hong Kong, Macao and Taiwan documents

const letterValue = (c: string): number => c.charCodeAt(0) - 55; // A = 10 … Z = 35

/** HKID: 1–2 letters + 6 digits + check (mod 11, space = 36 for one-letter numbers). */
export function hkId(r: Rng): string {
  const two = r.chance(0.06);
  const letters = two ? r.pick(['W', 'X']) + r.pick(['A', 'B', 'C']) : r.pick(['A', 'C', 'D', 'E', 'G', 'H', 'K', 'M', 'P', 'R', 'V', 'Y', 'Z']);
  const digits = r.digits(6);
  let sum = two ? letterValue(letters[0] as string) * 9 + letterValue(letters[1] as string) * 8 : 36 * 9 + letterValue(letters) * 8;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  const c = (11 - (sum % 11)) % 11;
  const check = c === 10 ? 'A' : String(c);
  confirm('HKID', `${letters}${digits}(${check})`, validateHkId(`${letters}${digits}(${check})`));
  return r.weighted<string>([
    [70, `${letters}${digits}(${check})`],
    [20, `${letters}${digits}${check}`],
    [10, `${letters}${digits} (${check})`],
  ]);
}

const TW_LETTER: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

/** Taiwan 國民身分證統一編號: letter + 1/2 + 7 digits + check, weighted sum mod 10 = 0. */
export function twNationalId(r: Rng): string {
  const letter = r.pick(['A', 'A', 'A', 'B', 'D', 'E', 'E', 'F', 'F', 'H', 'J', 'K', 'N', 'P', 'Q', 'R', 'S', 'T', 'U', 'V']);
  const code = TW_LETTER[letter] as number;
  const body = String(r.int(1, 2)) + r.digits(7);
  const weights = [8, 7, 6, 5, 4, 3, 2, 1];
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * (weights[i] as number);
  const check = (10 - (sum % 10)) % 10;
  const v = `${letter}${body}${check}`;
  return confirm('Taiwan ID', v, validateTwNationalId(v));
}

/** 台胞证: the 8-digit lifelong number; a few old cards with the issue count and authority letter. */
export function twTravelPermit(r: Rng): string {
  const v = pad(r.int(100000, 99999999), 8);
  confirm('台胞证', v, validateTwTravelPermit(v));
  return r.weighted<string>([
    [90, v],
    [5, `${v}${pad(r.int(1, 4), 2)}(${r.pick(['B', 'T', 'X'])})`],
    [5, ` ${v}`],
  ]);
}

/** 回乡证: H/M + 8 digits, often with the 2-digit renewal count. */
export function homeReturnPermit(r: Rng, region: 'H' | 'M' = 'H'): string {
  const base = `${region}${r.digits(8)}`;
  const v = r.chance(0.4) ? base + pad(r.int(0, 6), 2) : base;
  return confirm('回乡证', v, validateHkmoHomeReturnPermit(v));
}

/** PRC ordinary passport: E + letter (no I/O) + 7 digits, E + 8 digits, or the old G + 8 digits. */
export function cnPassport(r: Rng): string {
  const v = r.weighted<string>([
    [75, `E${r.pick([...'ABCDEFGHJKLMN'])}${r.digits(7)}`],
    [15, `E${r.digits(8)}`],
    [10, `G${r.int(3, 6)}${r.digits(7)}`],
  ]);
  return confirm('passport', v, validateCnPassport(v));
}

// ---------------------------------------------------------------------------------------------
// Organisations

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714 organisation-code check character over 8 characters. */
function orgCodeCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i] as string;
    sum += (/[0-9]/.test(c) ? Number(c) : letterValue(c)) * (weights[i] as number);
  }
  const v = 11 - (sum % 11);
  return v === 10 ? 'X' : v === 11 ? '0' : String(v);
}

/** 统一社会信用代码: authority + type + county + organisation code + GB 32100 mod-31 check. */
export function uscc(r: Rng): string {
  for (;;) {
    const kind = r.weighted<string>([[70, '91'], [12, '92'], [8, '52'], [6, '12'], [4, '11']]);
    const org8 = kind === '91' || kind === '92' ? `MA${r.int(2, 3)}${Array.from({ length: 5 }, () => r.pick([...'0123456789ABCDEFGHJKLMNPQRTUWXY'])).join('')}` : r.digits(8);
    const orgCheck = orgCodeCheck(org8);
    const body = kind + r.pick(COUNTY_CODES) + org8 + orgCheck;
    if (![...body].every((c) => USCC_ALPHABET.includes(c))) continue;
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(body[i] as string) * (3 ** i % 31);
    const v = body + (USCC_ALPHABET[(31 - (sum % 31)) % 31] as string);
    return confirm('USCC', v, validateCnUscc(v));
  }
}

// ---------------------------------------------------------------------------------------------
// Phones

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '166', '172', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185',
  '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199',
];

export function cnMobile(r: Rng): string {
  const v = r.pick(MOBILE_PREFIXES) + r.digits(8);
  return confirm('mobile', v, validateCnMobile(v));
}

/** A mobile as people write it: plain, grouped, with +86 or 0086, now and then masked or two numbers. */
export function messyMobile(r: Rng): string {
  const v = cnMobile(r);
  return r.weighted<string>([
    [62, v],
    [8, `${v.slice(0, 3)} ${v.slice(3, 7)} ${v.slice(7)}`],
    [8, `${v.slice(0, 3)}-${v.slice(3, 7)}-${v.slice(7)}`],
    [6, `+86 ${v}`],
    [4, `+86-${v}`],
    [3, `0086${v}`],
    [3, ` ${v}`],
    [3, `${v}/${cnMobile(r)}`],
    [3, `${v.slice(0, 3)}****${v.slice(7)}`],
  ]);
}

const AREA_CODES: readonly (readonly [string, number])[] = [
  ['0591', 8], ['0591', 8], ['0591', 8], ['0592', 7], ['0595', 8], ['0594', 7], ['0596', 7], ['010', 8], ['021', 8],
  ['020', 8], ['0755', 8], ['0571', 8], ['028', 8],
];

export function cnLandline(r: Rng): string {
  const [area, len] = r.pick(AREA_CODES);
  const local = String(r.int(2, 8)) + r.digits(len - 1);
  const v = `${area}-${local}`;
  confirm('landline', v, validateCnLandline(v));
  return r.weighted<string>([
    [55, v],
    [12, `(${area})${local}`],
    [10, `${area} ${local}`],
    [8, `${area}${local}`],
    [8, `${v}转${r.int(800, 8999)}`],
    [7, `${v}-${r.int(100, 999)}`],
  ]);
}

const TW_MOBILE_HEADS = ['0910', '0912', '0918', '0921', '0928', '0932', '0933', '0935', '0937', '0952', '0955', '0958', '0963', '0968', '0972', '0975', '0978', '0981', '0988'];

export function twMobile(r: Rng): string {
  const head = r.pick(TW_MOBILE_HEADS);
  const rest = r.digits(6);
  const plain = head + rest;
  confirm('Taiwan mobile', plain, validateTwMobile(plain));
  return r.weighted<string>([
    [40, `${head}-${rest.slice(0, 3)}-${rest.slice(3)}`],
    [30, plain],
    [15, `+886 ${head.slice(1)} ${rest.slice(0, 3)} ${rest.slice(3)}`],
    [10, `+886-${head.slice(1)}-${rest}`],
    [5, `(${head})${rest}`],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Network

const SYLLABLES = [
  'zhang', 'wang', 'li', 'chen', 'lin', 'huang', 'wu', 'liu', 'cai', 'yang', 'zheng', 'xu', 'xie', 'guo', 'hong', 'zeng', 'qiu',
  'liao', 'lai', 'zhou', 'su', 'ye', 'zhuang', 'jiang', 'he', 'luo', 'gao', 'pan', 'zhu', 'peng', 'hu', 'shen', 'lu', 'liang',
  'wei', 'xiao', 'ming', 'hua', 'jun', 'wei', 'fang', 'ting', 'yu', 'hao', 'jie', 'xin', 'yi', 'jia', 'zi', 'han', 'mei', 'ling',
];

const EMAIL_DOMAINS = ['qq.com', 'qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'yeah.net', 'pingtan.gov.cn', 'fjmu.edu.cn'];

export function email(r: Rng, domains: readonly string[] = EMAIL_DOMAINS): string {
  const domain = r.pick(domains);
  const local =
    domain === 'qq.com' && r.chance(0.6)
      ? String(r.int(10000000, 2999999999))
      : r.pick(SYLLABLES) + r.pick(['', '.', '_', '']) + r.pick(SYLLABLES) + (r.chance(0.6) ? String(r.int(1, 2024)) : '');
  const v = `${local}@${domain}`;
  confirm('e-mail', v, validateEmail(v));
  return r.weighted<string>([
    [88, v],
    [6, v.replace(/^./, (c) => c.toUpperCase())],
    [6, ` ${v}`],
  ]);
}

export function ipAddress(r: Rng): string {
  const v = r.weighted<string>([
    [45, `${r.pick([36, 27, 58, 110, 112, 117, 120, 121, 125, 183, 218, 220, 223])}.${r.int(1, 254)}.${r.int(0, 255)}.${r.int(1, 254)}`],
    [20, `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`],
    [15, `192.168.${r.int(0, 31)}.${r.int(2, 254)}`],
    [20, `240e:${r.int(0x300, 0x3ff).toString(16)}:${r.int(0, 0xffff).toString(16)}:${r.int(0, 0xffff).toString(16)}::${r.int(1, 0xffff).toString(16)}`],
  ]);
  return confirm('IP address', v, validateIpAddress(v));
}

export function macAddress(r: Rng): string {
  const bytes = Array.from({ length: 6 }, () => r.int(0, 255).toString(16).padStart(2, '0'));
  bytes[0] = (parseInt(bytes[0] as string, 16) & 0xfc).toString(16).padStart(2, '0');
  const style = r.weighted<string>([[55, 'colon-upper'], [25, 'dash-lower'], [10, 'colon-lower'], [10, 'cisco']]);
  const v =
    style === 'colon-upper'
      ? bytes.join(':').toUpperCase()
      : style === 'dash-lower'
        ? bytes.join('-')
        : style === 'colon-lower'
          ? bytes.join(':')
          : `${bytes[0]}${bytes[1]}.${bytes[2]}${bytes[3]}.${bytes[4]}${bytes[5]}`;
  return confirm('MAC address', v, validateMacAddress(v));
}

// ---------------------------------------------------------------------------------------------
// Money and vehicles

export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const CARD_BINS: readonly (readonly [string, number])[] = [
  ['622202', 19], ['621700', 19], ['622848', 19], ['621483', 16], ['621661', 19], ['622262', 19], ['621226', 19],
  ['623058', 19], ['622908', 18], ['625911', 16], ['622588', 16], ['436742', 16], ['524094', 16], ['621799', 19],
];

/** A payment card: UnionPay mostly, Luhn-valid except now and then (as real debit cards are). */
export function bankCard(r: Rng): string {
  const [bin, len] = r.pick(CARD_BINS);
  const body = bin + r.digits(len - bin.length - 1);
  const v = body + (r.chance(0.95) ? luhnDigit(body) : r.digits(1));
  confirm('bank card', v, validateBankCard(v));
  return r.weighted<string>([
    [72, v],
    [20, v.replace(/(\d{4})(?=\d)/g, '$1 ')],
    [5, `${v} `],
    [3, `'${v}`],
  ]);
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_CHARS = [...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'];

export function vin(r: Rng): string {
  const wmi = r.pick(['LSV', 'LFV', 'LGB', 'LHG', 'LVS', 'LSG', 'LBV', 'LE4', 'LRW', 'LGX', 'LB3', 'LVH', 'LDC', 'LZW']);
  const vds = Array.from({ length: 5 }, () => r.pick(VIN_CHARS)).join('');
  const tail = r.pick([...'GHJKLMNPR']) + r.pick(VIN_CHARS) + r.digits(6);
  const noCheck = `${wmi}${vds}0${tail}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = noCheck[i] as string;
    sum += (/[0-9]/.test(c) ? Number(c) : (VIN_VALUES[c] as number)) * (VIN_WEIGHTS[i] as number);
  }
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  const v = `${wmi}${vds}${check}${tail}`;
  confirm('VIN', v, validateVin(v));
  return r.chance(0.08) ? v.toLowerCase() : v;
}

const PLATE_LETTERS = [...'ABCDEFGHJKLMNPQRSTUVWXYZ'];

export function licensePlate(r: Rng): string {
  const prov = r.weighted<string>([[70, '闽'], [6, '粤'], [6, '浙'], [4, '京'], [4, '沪'], [4, '赣'], [3, '苏'], [3, '川']]);
  const city = prov === '闽' ? r.pick(['A', 'A', 'A', 'D', 'C', 'J', 'K', 'B', 'E', 'F', 'G', 'H']) : r.pick(PLATE_LETTERS.slice(0, 10));
  const five = r.chance(0.25)
    ? r.pick(['D', 'F']) + (r.chance(0.3) ? r.pick(PLATE_LETTERS) : r.digits(1)) + r.digits(4)
    : r.weighted<string>([
        [60, r.digits(5)],
        [25, r.digits(3) + r.pick(PLATE_LETTERS) + r.digits(1)],
        [15, r.pick(PLATE_LETTERS) + r.digits(4)],
      ]);
  const canonical = `${prov}${city}${five}`;
  confirm('licence plate', canonical, validateCnLicensePlate(canonical));
  return r.weighted<string>([
    [72, canonical],
    [14, `${prov}${city}·${five}`],
    [8, `${prov}${city} ${five}`],
    [6, `${prov}${city}-${five}`],
  ]);
}

/** A point near Pingtan, Fuzhou or Xiamen with 5–6 decimals, as "lat,lng" or "lng,lat". */
export function geoPoint(r: Rng, order: 'latlng' | 'lnglat'): string {
  const [lat0, lng0] = r.pick([[25.5031, 119.7912], [26.0745, 119.2965], [24.4798, 118.0894], [25.4523, 119.8431]] as const);
  const dec = r.pick([5, 6, 6]);
  const lat = (lat0 + (r.next() - 0.5) * 0.2).toFixed(dec);
  const lng = (lng0 + (r.next() - 0.5) * 0.2).toFixed(dec);
  const v = order === 'latlng' ? `${lat},${lng}` : `${lng},${lat}`;
  return confirm('coordinate', v, validateGeoCoordinate(v, order));
}

// ---------------------------------------------------------------------------------------------
// Names and addresses

const SURNAMES = [...'陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖周徐苏叶庄吕江何萧罗高潘简朱钟彭游詹胡施沈余卢梁赵颜柯翁魏孙戴范方宋邓杜傅侯曹薛丁卓马阮董唐温蓝蒋石纪姚连冯程汤俞任龚'];
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '端木', '司徒', '慕容'];
const GIVEN_CHARS = [...'志明建国华文俊伟德海荣金清水龙辉玉美惠丽珍秀凤燕雪霞婷琳晨宇轩涵睿泽然博瑞欣怡悦萱彤琪佳嘉安宁桂芬兰英春梅淑强磊军洋勇艳杰娟涛超平刚敏静芳娜鑫鹏飞斌毅思远凯'];
const MINORITY_NAMES = ['阿依古丽·买买提', '热依拉·吐尔逊', '扎西顿珠', '格桑卓玛', '艾力·阿不都', '巴特尔', '那日苏', '木合塔尔·艾山'];

export function personName(r: Rng): string {
  if (r.chance(0.02)) return r.pick(MINORITY_NAMES);
  const surname = r.chance(0.03) ? r.pick(COMPOUND_SURNAMES) : r.pick(SURNAMES);
  const given = r.chance(0.25) ? r.pick(GIVEN_CHARS) : r.pick(GIVEN_CHARS) + r.pick(GIVEN_CHARS);
  return surname + given;
}

/** A name column as typed: mostly clean, a space in two-character names, a trailing space. */
export function messyName(r: Rng): string {
  const n = personName(r);
  return r.weighted<string>([
    [90, n],
    [4, n.length === 2 ? `${n[0]} ${n[1]}` : n],
    [4, `${n} `],
    [2, `${n}（代）`],
  ]);
}

const TW_SURNAMES = [...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范'];
const TW_GIVEN = ['志明', '怡君', '淑芬', '雅婷', '家豪', '冠宇', '宗翰', '承恩', '佩珊', '美玲', '俊傑', '建宏', '淑惠', '詩涵', '柏翰', '品妍', '宜蓁', '郁婷', '家瑋', '志偉', '嘉欣', '綺雯', '國強', '偉倫', '詠詩', '家樂', '慧敏', '信宏', '靜怡', '昱廷', '鈺婷', '哲瑋', '筱涵', '雅雯', '俊宏', '麗華', '秀蘭'];

/** Taiwan, Hong Kong or Macao names, in Traditional characters. */
export function traditionalName(r: Rng): string {
  return r.pick(TW_SURNAMES) + r.pick(TW_GIVEN);
}

interface Place {
  prov: string;
  city: string;
  dist: string;
  towns?: readonly string[];
  streets: readonly string[];
}

const PLACES: readonly Place[] = [
  { prov: '福建省', city: '福州市', dist: '鼓楼区', streets: ['五四路', '湖东路', '杨桥东路', '华林路', '铜盘路', '西二环中路'] },
  { prov: '福建省', city: '福州市', dist: '仓山区', streets: ['首山路', '则徐大道', '建新北路', '金山大道'] },
  { prov: '福建省', city: '', dist: '平潭综合实验区', towns: ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇', '君山镇', '芦洋乡', '中楼乡'], streets: ['西航路', '北大街', '城关路', '龙凤北路', '金井二路', '麒麟路', '中原路', '环岛路'] },
  { prov: '福建省', city: '', dist: '平潭综合实验区', towns: ['潭城镇', '金井片区'], streets: ['西航路', '北大街', '金井三路', '万宝路'] },
  { prov: '福建省', city: '厦门市', dist: '思明区', streets: ['湖滨南路', '厦禾路', '中山路', '莲前西路'] },
  { prov: '福建省', city: '泉州市', dist: '晋江市', streets: ['世纪大道', '泉安中路', '阳光路'] },
  { prov: '广东省', city: '深圳市', dist: '南山区', streets: ['科技南十二路', '南海大道', '桃园路'] },
  { prov: '浙江省', city: '杭州市', dist: '西湖区', streets: ['文三路', '天目山路', '古墩路'] },
  { prov: '', city: '上海市', dist: '浦东新区', streets: ['世纪大道', '张杨路', '浦东南路'] },
  { prov: '', city: '北京市', dist: '朝阳区', streets: ['建国路', '朝阳北路', '东三环中路'] },
  { prov: '四川省', city: '成都市', dist: '武侯区', streets: ['人民南路四段', '科华北路'] },
];

const ESTATES = ['海峡如意城', '麒麟湾', '万宝长滩', '金井湾花园', '榕城花园', '阳光城翡丽湾', '融侨外滩', '世茂云图', '中海寰宇天下', '龙湖春江天玺'];

export function address(r: Rng, withProvince = 0.6): string {
  const p = r.pick(PLACES);
  let s = (r.chance(withProvince) ? p.prov : '') + p.city + p.dist;
  if (p.towns !== undefined) s += r.pick(p.towns);
  if (p.towns !== undefined && r.chance(0.25)) return `${s}${r.pick(['后楼', '东美', '上攀', '钱便澳', '田美', '北港'])}村${r.int(1, 199)}号`;
  s += `${r.pick(p.streets)}${r.int(1, 399)}号`;
  const tail = r.weighted<string>([
    [40, ''],
    [30, `${r.pick(ESTATES)}${r.int(1, 28)}号楼${r.int(1, 4)}单元${r.int(1, 32)}${pad(r.int(1, 6), 2)}室`],
    [20, `${r.pick(ESTATES)}${r.int(1, 20)}栋${r.int(2, 33)}${pad(r.int(1, 4), 2)}`],
    [10, `${r.int(1, 30)}层`],
  ]);
  return s + tail;
}

type OpenCCModule = { Converter: (o: { from: string; to: string }) => (s: string) => string };
let toTraditionalFn: ((s: string) => string) | undefined;

/** Simplified → Traditional (Taiwan characters) through opencc-js, loaded on first use. */
export function toTraditional(s: string): string {
  if (toTraditionalFn === undefined) {
    const openCC = createRequire(import.meta.url)('opencc-js') as OpenCCModule;
    toTraditionalFn = openCC.Converter({ from: 'cn', to: 'tw' });
  }
  return toTraditionalFn(s);
}

// ---------------------------------------------------------------------------------------------
// Health

export const DIAGNOSES = [
  '2型糖尿病', '2型糖尿病伴血糖控制不佳', '原发性高血压', '高血压病3级（极高危）', '急性上呼吸道感染', '社区获得性肺炎', '慢性阻塞性肺疾病急性加重',
  '冠状动脉粥样硬化性心脏病', '脑梗死', '慢性胃炎', '胆囊结石伴慢性胆囊炎', '腰椎间盘突出症', '膝关节骨性关节炎', '慢性肾脏病5期', '肺恶性肿瘤',
  '乳腺恶性肿瘤术后化疗', '单胎顺产', '抑郁发作', '支气管哮喘', '痛风性关节炎', '甲状腺功能亢进症', '缺铁性贫血', '带状疱疹', '阑尾炎',
];

export const ICD10 = ['E11.900', 'E11.901', 'I10.x00', 'I10.x05', 'J06.900', 'J18.900', 'J44.100', 'I25.103', 'I63.900', 'K29.500', 'K80.101', 'M51.202', 'M17.900', 'N18.500', 'C34.900', 'Z51.102', 'O80.000', 'F32.900', 'J45.900', 'M10.000', 'E05.900', 'D50.900', 'B02.900', 'K35.800'];

// ---------------------------------------------------------------------------------------------
// Decoys

/** EAN-13 with a correct check digit (Chinese prefixes 690–699). */
export function ean13(r: Rng): string {
  const body = `69${r.int(0, 9)}${r.digits(9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

export function uuid(r: Rng): string {
  const h = (n: number): string => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
  return `${h(8)}-${h(4)}-4${h(3)}-${r.pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
}

export const BUILDINGS = ['海峡如意城3#楼', '麒麟湾A区5幢', '金井湾商务营运中心2号楼', '万宝长滩12栋', '实验区行政服务中心B座', '台湾创业园1号楼', '榕城花园C栋', '两岸创业创新中心', '坛西大道北侧安置房7#', '君山片区人才公寓2栋'];

export function roomNo(r: Rng): string {
  const floor = r.int(1, 32);
  const unit = r.int(1, 6);
  return r.weighted<string>([
    [40, `${floor}${pad(unit, 2)}`],
    [25, `${r.int(1, 4)}-${floor}${pad(unit, 2)}`],
    [15, `${r.pick(['A', 'B', 'C'])}-${pad(floor, 2)}${pad(unit, 2)}`],
    [10, `${r.int(1, 4)}单元${floor}${pad(unit, 2)}`],
    [10, `${floor}${pad(unit, 2)}室`],
  ]);
}

export function amount(r: Rng, lo: number, hi: number, style: 'plain' | 'comma' | 'yuan' | 'mixed' = 'plain'): string {
  const v = (r.int(lo * 100, hi * 100) / 100).toFixed(2);
  const comma = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const chosen = style === 'mixed' ? r.pick(['plain', 'comma', 'yuan'] as const) : style;
  if (chosen === 'comma') return comma(v);
  if (chosen === 'yuan') return `¥${comma(v)}`;
  return v;
}
