/**
 * Value makers and checks of the fourth blind column set (columns-d), written from
 * /work/shared/reference/customs.md and /work/shared/contracts/detector-types.md only: no code of the
 * scanner, its recognisers or the earlier sets' value makers was read or copied.
 *
 * Checks: GB 11643 MOD 11-2 (resident IDs and the 810000/820000/830000 residence permits, with real
 * address codes and real dates), GB 32100 mod 31 (with the GB 11714 organisation-code check inside),
 * ISO 3779 VIN, HKID mod 11, Taiwan ID, Luhn.
 */

// ---------------------------------------------------------------------------------------------
// Deterministic random numbers

/** sfc32 seeded from a 32-bit number; the same seed gives the same sequence on every platform. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }

  weighted<T>(table: readonly (readonly [number, T])[]): T {
    const total = table.reduce((s, [w]) => s + w, 0);
    let x = this.next() * total;
    for (const [w, v] of table) {
      x -= w;
      if (x < 0) return v;
    }
    return (table[table.length - 1] as readonly [number, T])[1];
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

/** FNV-1a of the name mixed with the seed: one independent stream per file. */
export function seedFor(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of name) {
    h ^= ch.codePointAt(0) as number;
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

export function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

export function randomDate(r: Rng, fromYear: number, toYear: number): Ymd {
  const y = r.int(fromYear, toYear);
  const m = r.int(1, 12);
  return { y, m, d: r.int(1, daysIn(y, m)) };
}

export const ymd = (t: Ymd): string => `${t.y}${pad(t.m, 2)}${pad(t.d, 2)}`;
export const isoDate = (t: Ymd): string => `${t.y}-${pad(t.m, 2)}-${pad(t.d, 2)}`;
export const utcDate = (t: Ymd): Date => new Date(Date.UTC(t.y, t.m - 1, t.d));

/** A moment between two instants, to the second. */
export function moment(r: Rng, from: Date, to: Date): Date {
  const s = Math.floor(from.getTime() / 1000);
  const e = Math.floor(to.getTime() / 1000);
  return new Date(r.int(s, e) * 1000);
}

/** `2024-05-20 08:31:07` in UTC (the set's clock: no time zone of the machine enters). */
export function fmtMoment(t: Date, style: 'space' | 'iso' | 'minute' | 'slash' = 'space'): string {
  const p = (n: number): string => pad(n, 2);
  const date = `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  const time = `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
  if (style === 'iso') return `${date}T${time}+08:00`;
  if (style === 'minute') return `${date} ${time.slice(0, 5)}`;
  if (style === 'slash') return `${date.replace(/-/g, '/')} ${time}`;
  return `${date} ${time}`;
}

// ---------------------------------------------------------------------------------------------
// GB 11643 resident IDs and GB/T 2260 address codes

/** Real county-level codes (GB/T 2260), Fujian weighted by repetition in the pools below. */
export const ADDRESS_CODES_FUJIAN = [
  '350128', '350128', '350128', '350128', '350102', '350103', '350104', '350105', '350111', '350112', '350121', '350122',
  '350123', '350124', '350125', '350181', '350203', '350205', '350206', '350211', '350212', '350302', '350303', '350322',
  '350503', '350521', '350582', '350583', '350602', '350623', '350702', '350802', '350902', '350981',
];
export const ADDRESS_CODES_OTHER = [
  '110101', '110105', '110108', '120101', '130102', '140105', '150102', '210102', '220102', '230102', '310101', '310104',
  '310115', '320102', '320106', '330102', '330106', '340102', '360102', '360111', '370102', '410105', '420102', '430102',
  '440103', '440106', '440304', '440305', '450103', '460105', '500103', '510104', '510107', '520102', '530102', '610113',
  '620102', '640104', '650102',
];
const ADDRESS_CODE_SET = new Set([...ADDRESS_CODES_FUJIAN, ...ADDRESS_CODES_OTHER, '810000', '820000', '830000']);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[s % 11] as string;
}

export interface IdOptions {
  fromYear: number;
  toYear: number;
  sex?: 'M' | 'F';
  codes?: readonly string[];
}

export function residentId(r: Rng, o: IdOptions): string {
  const code = r.pick(o.codes ?? (r.chance(0.75) ? ADDRESS_CODES_FUJIAN : ADDRESS_CODES_OTHER));
  return permitLike(r, code, o);
}

/** A resident ID of a person born on the given day. */
export function residentIdBorn(r: Rng, born: Ymd, codes?: readonly string[]): string {
  return permitLike(r, r.pick(codes ?? ADDRESS_CODES_FUJIAN), { fromYear: born.y, toYear: born.y }, born);
}

function permitLike(r: Rng, code: string, o: IdOptions, born?: Ymd): string {
  const t = born ?? randomDate(r, o.fromYear, o.toYear);
  let order = r.int(1, 999);
  if (o.sex !== undefined && (order % 2 === 1) !== (o.sex === 'M')) order = order === 999 ? 998 : order + 1;
  const body = `${code}${ymd(t)}${pad(order, 3)}`;
  return body + idCheckChar(body);
}

/** 港澳台居民居住证: the same scheme with the address code 810000 / 820000 / 830000. */
export function residencePermit(r: Rng, code: '810000' | '820000' | '830000', fromYear: number, toYear: number): string {
  return permitLike(r, code, { fromYear, toYear });
}

export function residencePermitBorn(r: Rng, code: '810000' | '820000' | '830000', born: Ymd): string {
  return permitLike(r, code, { fromYear: born.y, toYear: born.y }, born);
}

/** A 15-digit number of the first generation (YYMMDD, no check), for people born before 1985. */
export function legacyId(r: Rng, fromYear: number): string {
  const t = randomDate(r, fromYear, 1984);
  return `${r.pick(ADDRESS_CODES_FUJIAN)}${String(t.y).slice(2)}${pad(t.m, 2)}${pad(t.d, 2)}${pad(r.int(1, 999), 3)}`;
}

/** What kind of GB 11643 number a string is, or undefined (address code, date and check all hold). */
export function gb11643Kind(raw: string): 'cn' | '810000' | '820000' | '830000' | 'legacy' | undefined {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{15}$/.test(s)) {
    const y = 1900 + Number(s.slice(6, 8));
    return ADDRESS_CODE_SET.has(s.slice(0, 6)) && isRealDate(y, Number(s.slice(8, 10)), Number(s.slice(10, 12))) ? 'legacy' : undefined;
  }
  if (!/^\d{17}[\dX]$/.test(s)) return undefined;
  const code = s.slice(0, 6);
  if (!ADDRESS_CODE_SET.has(code)) return undefined;
  const y = Number(s.slice(6, 10));
  if (y < 1900 || y > 2024 || !isRealDate(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return undefined;
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return undefined;
  if (code === '810000' || code === '820000' || code === '830000') return code;
  return 'cn';
}

/** Only the MOD 11-2 check of an 18-character string (address code and date not looked at). */
export const passesMod112 = (raw: string): boolean => {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^\d{17}[\dX]$/.test(s) && idCheckChar(s.slice(0, 17)) === s[17];
};

/** Resident ID with dirt: lower-case x, spaced groups, 15-digit legacy numbers, a rare typo. */
export function messyResidentId(r: Rng, o: IdOptions, legacyShare = 0): string {
  if (legacyShare > 0 && o.fromYear < 1985 && r.chance(legacyShare)) return legacyId(r, o.fromYear);
  return dirtyId(r, residentId(r, o));
}

/** Dirt on a given ID: lower-case x, spaced groups, a leading space or apostrophe, a rare typo (0.8 %). */
export function dirtyId(r: Rng, clean: string): string {
  let id = clean;
  if (r.chance(0.008)) {
    // a one-digit typo in the order number: fails the check, as real entry errors do
    const i = r.int(14, 16);
    id = id.slice(0, i) + String((Number(id[i]) + r.int(1, 8)) % 10) + id.slice(i + 1);
  }
  return r.weighted([
    [88, id],
    [4, id.toLowerCase()],
    [4, `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`],
    [2, ` ${id}`],
    [2, `'${id}`],
  ]);
}

// ---------------------------------------------------------------------------------------------
// GB 32100 unified social credit code (with the GB 11714 organisation-code check)

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET.indexOf(first17[i] as string) * (USCC_WEIGHTS[i] as number);
  return USCC_ALPHABET[(31 - (s % 31)) % 31] as string;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgValue = (c: string): number => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

export function orgCodeCheckChar(body8: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) s += orgValue(body8[i] as string) * (ORG_WEIGHTS[i] as number);
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function uscc(r: Rng, kind: 'company' | 'individual' | 'coop' = 'company', region?: string): string {
  const head = kind === 'company' ? '91' : kind === 'individual' ? '92' : '93';
  const reg = region ?? r.pick(['350128', '350128', '350100', '350102', '350104', '350181', '350200', '350203', '350500', '440300', '310115']);
  const body8 = r.chance(0.75) ? `MA${r.chars('0123456789ABCDEFGHJKLMNPQRTUWXY', 6)}` : r.digits(8);
  const org = body8 + orgCodeCheckChar(body8);
  const first17 = head + reg + org;
  return first17 + usccCheckChar(first17);
}

/** GB 32100 mod 31 over the 18 characters and the GB 11714 check of the organisation code inside (8–16). */
export function isUscc(raw: string): boolean {
  const s = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(s)) return false;
  return usccCheckChar(s.slice(0, 17)) === s[17] && orgCodeCheckChar(s.slice(8, 16)) === s[16];
}

// ---------------------------------------------------------------------------------------------
// ISO 3779 VIN

const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

function vinValue(c: string): number {
  if (/\d/.test(c)) return Number(c);
  const v: Record<string, number> = {
    A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
    S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
  };
  const x = v[c];
  if (x === undefined) throw new Error(`not a VIN character: ${c}`);
  return x;
}

export function vinCheckChar(vin17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) if (i !== 8) s += vinValue(vin17[i] as string) * (VIN_WEIGHTS[i] as number);
  const c = s % 11;
  return c === 10 ? 'X' : String(c);
}

/** World manufacturer identifiers of makers building in China. */
const WMIS = ['LSV', 'LFV', 'LGB', 'LVS', 'LSG', 'LHG', 'LVG', 'LGX', 'LC0', 'LB3', 'LRW', 'LNB', 'LDC', 'LZW'];
const VIN_YEARS = 'HJKLMNPR'; // 2017 … 2024

export function vin(r: Rng): string {
  const body = `${r.pick(WMIS)}${r.chars('ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 5)}0${r.pick(VIN_YEARS.split(''))}${r.chars('ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 1)}${r.digits(6)}`;
  return body.slice(0, 8) + vinCheckChar(body) + body.slice(9);
}

export function isVin(raw: string): boolean {
  const s = raw.trim().toUpperCase();
  if (!new RegExp(`^[${VIN_ALPHABET}]{17}$`).test(s)) return false;
  return vinCheckChar(s) === s[8];
}

// ---------------------------------------------------------------------------------------------
// HKID, Taiwan ID, Luhn

const hkLetterValue = (c: string): number => c.charCodeAt(0) - 55; // A = 10 … Z = 35

export function hkidCheckChar(prefix: string, six: string): string {
  const letters = prefix.length === 1 ? [36, hkLetterValue(prefix)] : [hkLetterValue(prefix[0] as string), hkLetterValue(prefix[1] as string)];
  let s = letters[0]! * 9 + letters[1]! * 8;
  for (let i = 0; i < 6; i++) s += Number(six[i]) * (7 - i);
  const c = (11 - (s % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}

export function hkid(r: Rng): string {
  const prefix = r.chance(0.06) ? r.pick(['XA', 'XB', 'XC', 'WX']) : r.pick(['A', 'B', 'C', 'D', 'E', 'G', 'H', 'K', 'M', 'P', 'R', 'V', 'Y', 'Z']);
  const six = r.digits(6);
  return `${prefix}${six}(${hkidCheckChar(prefix, six)})`;
}

export function isHkid(raw: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6})\s?[(（]?([0-9A])[)）]?$/.exec(raw.trim().toUpperCase());
  if (m === null) return false;
  return hkidCheckChar(m[1] as string, m[2] as string) === m[3];
}

const TW_LETTERS: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

function twSum(letter: string, nine: string): number {
  const v = TW_LETTERS[letter];
  if (v === undefined) throw new Error(letter);
  let s = Math.floor(v / 10) + (v % 10) * 9;
  for (let i = 0; i < 8; i++) s += Number(nine[i]) * (8 - i);
  return s + Number(nine[8]);
}

/** Letter (mostly 台北 A, 台中 B, 高雄 E, 台南 D, 新北 F) + 1/2 + 7 digits + check. */
export function twNationalId(r: Rng, sex?: 'M' | 'F'): string {
  const letter = r.weighted<string>([[18, 'A'], [12, 'F'], [10, 'B'], [10, 'E'], [8, 'D'], [8, 'H'], [6, 'R'], [5, 'S'], [5, 'T'], [4, 'K'], [4, 'J'], [4, 'N'], [3, 'P'], [3, 'Q']]);
  const g = sex === undefined ? r.pick(['1', '2']) : sex === 'M' ? '1' : '2';
  const body = g + r.digits(7);
  const s = twSum(letter, `${body}0`);
  return `${letter}${body}${(10 - (s % 10)) % 10}`;
}

export function isTwNationalId(raw: string): boolean {
  const s = raw.trim().toUpperCase();
  if (!/^[A-Z][12]\d{8}$/.test(s)) return false;
  return twSum(s[0] as string, s.slice(1)) % 10 === 0;
}

export function luhnValid(digits: string): boolean {
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

export function luhnComplete(partial: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(partial + String(c))) return partial + String(c);
  throw new Error('unreachable');
}

/** Digits of the given length that fail Luhn (the last digit is moved off the check). */
export function luhnFailing(r: Rng, head: string, length: number): string {
  const s = head + r.digits(length - head.length);
  if (!luhnValid(s)) return s;
  return s.slice(0, -1) + String((Number(s[s.length - 1]) + r.int(1, 9)) % 10);
}

/** Issuer BINs of mainland banks (UnionPay) with their card lengths, and a few Visa/Mastercard. */
const BINS: [string, number][] = [
  ['622202', 19], ['621226', 19], ['622848', 19], ['621700', 19], ['622588', 16], ['621483', 16], ['621661', 19],
  ['622262', 19], ['622609', 16], ['623668', 19], ['621799', 19], ['625965', 16], ['628288', 16], ['622908', 18],
  ['436742', 16], ['524094', 16], ['621092', 19], ['622155', 16],
];

export function bankCard(r: Rng): string {
  const [bin, len] = r.pick(BINS);
  return luhnComplete(bin + r.digits(len - bin.length - 1));
}

export function messyBankCard(r: Rng): string {
  const c = r.chance(0.015) ? luhnFailing(r, c16(r), 19) : bankCard(r);
  return r.weighted([
    [70, c],
    [18, c.replace(/(\d{4})(?=\d)/g, '$1 ')],
    [6, c.replace(/(\d{4})(?=\d)/g, '$1-')],
    [6, `${c.slice(0, 6)} ${c.slice(6)}`],
  ]);
}
const c16 = (r: Rng): string => r.pick(['622202', '621700', '622848']);

// ---------------------------------------------------------------------------------------------
// Phones

/** Mobile prefixes in use (MIIT): incl. 190/192/196/197 and the 16x/17x/19x ranges. */
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178', '180',
  '181', '182', '183', '184', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198',
  '199',
];
const MOBILE_PREFIX_SET = new Set(MOBILE_PREFIXES);

export function cnMobile(r: Rng): string {
  // the new 19x ranges turn up more often than their share so that every one is present
  const p = r.chance(0.12) ? r.pick(['190', '192', '196', '197']) : r.pick(MOBILE_PREFIXES);
  return p + r.digits(8);
}

export function messyMobile(r: Rng, n = cnMobile(r)): string {
  return r.weighted([
    [72, n],
    [7, `+86${n}`],
    [5, `+86 ${n}`],
    [5, `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`],
    [5, `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`],
    [3, `86-${n}`],
    [3, `0086${n}`],
  ]);
}

export function isCnMobile(raw: string): boolean {
  const s = raw.replace(/[\s\-()（）]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(s) && MOBILE_PREFIX_SET.has(s.slice(0, 3));
}

export const AREA_CODES: [string, number][] = [
  ['0591', 8], ['0591', 8], ['0591', 8], ['0592', 7], ['0595', 8], ['0594', 7], ['0596', 7], ['0593', 7], ['010', 8],
  ['021', 8], ['020', 8], ['0755', 8], ['0571', 8], ['025', 8], ['028', 8], ['0756', 7],
];

export function cnLandline(r: Rng, area?: string): string {
  const [code, len] = area !== undefined ? ([area, 8] as [string, number]) : r.pick(AREA_CODES);
  const local = String(r.int(2, 8)) + r.digits(len - 1);
  const ext = r.chance(0.06) ? r.pick([`-${r.int(800, 8999)}`, `转${r.int(100, 899)}`]) : '';
  return r.weighted([
    [60, `${code}-${local}${ext}`],
    [15, `(${code})${local}${ext}`],
    [10, `${code}${local}`],
    [8, `${code} ${local}`],
    [7, `（${code}）${local.slice(0, 4)}-${local.slice(4)}`],
  ]);
}

export function isCnLandline(raw: string): boolean {
  const ok = (x: string): boolean => /^0(10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/.test(x.replace(/[\s\-()（）]/g, ''));
  const s = raw.trim();
  return ok(s) || ok(s.replace(/(转|ext\.?\s*|-)\d{1,5}$/i, ''));
}

export function twMobile(r: Rng): string {
  const n = `09${r.int(0, 9)}${r.digits(7)}`;
  return r.weighted([
    [45, `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}`],
    [25, n],
    [15, `+886 ${n.slice(1, 4)} ${n.slice(4, 7)} ${n.slice(7)}`],
    [10, `+886-${n.slice(1)}`],
    [5, `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`],
  ]);
}

export function isTwMobile(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, '');
  return /^09\d{8}$/.test(s) || /^\+8869\d{8}$/.test(s);
}

// ---------------------------------------------------------------------------------------------
// Travel documents

/** 台胞证: 8-digit lifelong number; a few older 10-character forms. */
export function mtpNumber(r: Rng): string {
  const n = `${r.int(0, 1) === 0 ? r.int(0, 1) : r.int(1, 9)}${r.digits(7)}`;
  return r.weighted([
    [86, n],
    [6, `${n}${pad(r.int(1, 6), 2)}`],
    [5, `${n}(${pad(r.int(1, 6), 2)})`],
    [3, `${n}${pad(r.int(1, 6), 2)}(${r.pick(['B', 'T', 'H'])})`],
  ]);
}

export const isMtp = (raw: string): boolean => /^\d{8}(\(?\d{2}\)?(\([A-Z]\))?)?$/.test(raw.trim());

/** 回乡证: H (Hong Kong) / M (Macao) + 8 digits, with or without the 2-digit renewal count. */
export function homeReturnPermit(r: Rng, letter?: 'H' | 'M'): string {
  const l = letter ?? (r.chance(0.6) ? 'H' : 'M');
  const n = `${l}${r.int(0, 9)}${r.digits(7)}`;
  return r.weighted([
    [60, n],
    [32, `${n}${pad(r.int(0, 5), 2)}`],
    [8, n.toLowerCase()],
  ]);
}

export const isHomeReturnPermit = (raw: string): boolean => /^[HM]\d{8}(\d{2})?$/i.test(raw.trim());

const PASSPORT_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function cnPassport(r: Rng): string {
  return r.chance(0.8) ? `E${r.chance(0.7) ? r.chars(PASSPORT_LETTERS, 1) : r.digits(1)}${r.digits(7)}` : `G${r.digits(8)}`;
}

export const isCnPassport = (raw: string): boolean => /^(G\d{8}|E[A-HJ-NP-Z0-9]\d{7})$/.test(raw.trim().toUpperCase());

// ---------------------------------------------------------------------------------------------
// Plates

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PLATE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PROVINCES: [number, string, string][] = [
  [70, '闽', 'ABCDEFGHJK'],
  [6, '粤', 'ABCDEFGHJKLMNPQRSTUVWXY'],
  [5, '浙', 'ABCDEFGHJKL'],
  [4, '沪', 'ABCDEFGHJKLMN'],
  [4, '京', 'ABCEFGHJKLMNPQ'],
  [3, '赣', 'ABCDEFGHJKLM'],
  [3, '苏', 'ABCDEFGHJKLMN'],
  [3, '川', 'ABCDEFHJKLMQRSTUVWXYZ'],
  [2, '湘', 'ABCDEFGHJKLMNU'],
];

export function plate(r: Rng, newEnergyShare = 0.25, fixed?: string): string {
  const [, prov, letters] = r.weighted(PROVINCES.map((p) => [p[0], p] as const));
  const head = fixed ?? `${prov}${r.chars(letters, 1)}`;
  let tail: string;
  if (r.chance(newEnergyShare)) {
    // small new-energy cars: D/F + (digit or letter) + 4 digits; large: 5 digits + D/F
    tail = r.chance(0.85) ? `${r.pick(['D', 'F'])}${r.chance(0.6) ? r.digits(1) : r.chars(PLATE_LETTERS, 1)}${r.digits(4)}` : `${r.digits(5)}${r.pick(['D', 'F'])}`;
  } else {
    const letterCount = r.weighted([[55, 0], [35, 1], [10, 2]]);
    const cells = r.digits(5).split('');
    for (let i = 0; i < letterCount; i++) cells[r.int(0, 4)] = r.chars(PLATE_LETTERS, 1);
    tail = cells.join('');
  }
  const p = `${head}${tail}`;
  return r.weighted([
    [80, p],
    [10, `${p.slice(0, 2)}·${p.slice(2)}`],
    [6, `${p.slice(0, 2)} ${p.slice(2)}`],
    [4, `${p.slice(0, 2)}-${p.slice(2)}`],
  ]);
}

export function isPlate(raw: string): boolean {
  const s = raw.trim().replace(/[·\s-]/g, '');
  return new RegExp(`^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]([${PLATE_CHARS}]{5}|[DF][${PLATE_CHARS}]\\d{4}|\\d{5}[DF])$`).test(s);
}

// ---------------------------------------------------------------------------------------------
// Network

const EMAIL_DOMAINS = ['qq.com', 'qq.com', 'qq.com', '163.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.tw', 'gmail.com', 'icloud.com', '139.com', 'aliyun.com'];
const PINYIN = ['chen', 'lin', 'huang', 'zhang', 'li', 'wang', 'wu', 'liu', 'cai', 'yang', 'zheng', 'xu', 'xie', 'jie', 'ming', 'jia', 'hao', 'yu', 'ting', 'wei', 'xin', 'hua', 'fang', 'jun', 'lei', 'qing', 'yan', 'zhi'];

export function email(r: Rng, domain?: string): string {
  const d = domain ?? r.pick(EMAIL_DOMAINS);
  const local = r.weighted([
    [30, `${r.int(10000, 3999999999)}`],
    [30, `${r.pick(PINYIN)}${r.pick(PINYIN)}${r.chance(0.6) ? r.int(1, 2005) : ''}`],
    [20, `${r.pick(PINYIN)}.${r.pick(PINYIN)}`],
    [20, `${r.pick(PINYIN)}_${r.pick(PINYIN)}${r.int(1, 99)}`],
  ]);
  return `${local}@${d}`;
}

export const isEmail = (raw: string): boolean => /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(raw.trim());

export function ipv4Public(r: Rng): string {
  const first = r.pick([27, 36, 39, 42, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 116, 117, 120, 121, 122, 123, 124, 125, 139, 140, 171, 175, 180, 182, 183, 211, 218, 220, 221, 222, 223]);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

export function ipv4Private(r: Rng): string {
  return r.weighted([
    [50, `10.${r.int(0, 40)}.${r.int(0, 255)}.${r.int(2, 254)}`],
    [30, `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(2, 254)}`],
    [20, `192.168.${r.int(0, 20)}.${r.int(2, 254)}`],
  ]);
}

export function ipv6(r: Rng): string {
  const h = (): string => r.int(0, 0xffff).toString(16);
  return r.weighted([
    [60, `240e:${r.int(0x300, 0x3ff).toString(16)}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`],
    [25, `2409:8a${r.int(10, 99)}:${h()}:${h()}::${h()}`],
    [15, `fe80::${h()}:${h()}:${h()}:${h()}`],
  ]);
}

export function isIp(raw: string): boolean {
  const s = raw.trim();
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4 !== null) return v4.slice(1).every((x) => Number(x) <= 255 && !(x.length > 1 && x.startsWith('0')));
  if (!/^[0-9a-f:]+$/i.test(s) || !s.includes(':')) return false;
  const parts = s.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  if (groups.some((g) => g.length === 0 || g.length > 4)) return false;
  return parts.length === 2 ? groups.length < 8 : groups.length === 8;
}

const OUIS = ['00:1A:11', 'F0:18:98', '3C:22:FB', 'AC:BC:32', '70:8B:CD', 'B4:0E:DE', '28:6C:07', '64:09:80', 'D8:CB:8A', '00:E0:4C', '9C:9D:7E', '48:3F:DA', 'E4:5F:01', '50:EB:F6'];

export function mac(r: Rng): string {
  const octet = (): string => r.int(0, 255).toString(16).padStart(2, '0').toUpperCase();
  const m = `${r.pick(OUIS)}:${octet()}:${octet()}:${octet()}`;
  return r.weighted([
    [55, m],
    [25, m.toLowerCase()],
    [15, m.replace(/:/g, '-')],
    [5, m.replace(/:/g, '').toLowerCase().replace(/(.{4})(?=.)/g, '$1.')],
  ]);
}

export const isMac = (raw: string): boolean => /^([0-9A-F]{2}([:-])){5}[0-9A-F]{2}$|^[0-9A-F]{4}\.[0-9A-F]{4}\.[0-9A-F]{4}$/i.test(raw.trim());

// ---------------------------------------------------------------------------------------------
// Coordinates

export interface GeoBox {
  lat: [number, number];
  lon: [number, number];
}
export const PINGTAN: GeoBox = { lat: [25.43, 25.62], lon: [119.68, 119.86] };
export const FUZHOU: GeoBox = { lat: [25.98, 26.12], lon: [119.22, 119.38] };
export const HENGQIN: GeoBox = { lat: [22.08, 22.16], lon: [113.46, 113.56] };

export function geo(r: Rng, box: GeoBox, order: 'latlon' | 'lonlat' = 'latlon'): string {
  const dp = r.weighted([[20, 4], [45, 5], [35, 6]]);
  const lat = (box.lat[0] + r.next() * (box.lat[1] - box.lat[0])).toFixed(dp);
  const lon = (box.lon[0] + r.next() * (box.lon[1] - box.lon[0])).toFixed(dp);
  const [a, b] = order === 'latlon' ? [lat, lon] : [lon, lat];
  return r.weighted([
    [70, `${a},${b}`],
    [20, `${a}, ${b}`],
    [10, `${a} ${b}`],
  ]);
}

export function isGeo(raw: string): boolean {
  const m = /^([NS]?)(-?\d{1,3}\.\d{4,})[,，\s]\s*([EW]?)(-?\d{1,3}\.\d{4,})$/.exec(raw.trim());
  if (m === null) return false;
  const a = Number(m[2]);
  const b = Number(m[4]);
  return (Math.abs(a) <= 90 && Math.abs(b) <= 180) || (Math.abs(b) <= 90 && Math.abs(a) <= 180);
}

// ---------------------------------------------------------------------------------------------
// Names

export const SURNAMES = [
  '林', '林', '林', '陈', '陈', '陈', '黄', '黄', '张', '张', '李', '李', '王', '王', '吴', '刘', '郑', '杨', '蔡', '许', '何', '高',
  '周', '谢', '游', '江', '詹', '翁', '魏', '俞', '薛', '邱', '方', '施', '卢', '曾', '游', '池', '念', '康', '赖', '萧', '潘', '叶',
  '余', '朱', '徐', '孙', '马', '胡', '郭', '罗', '梁', '宋', '唐', '韩', '冯', '邓', '曹', '彭', '肖', '田', '董', '袁', '白', '金',
];
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '司徒'];
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯晨欣怡梓涵子轩宇航思远雨婷佳琪诗雨俊杰家豪秀珍丽华淑芬美玲春梅海燕金水阿福细妹依婷晓东';

/** The surname of a name made by personName or messyName (compound surnames whole), or undefined. */
export function surnameOf(name: string): string | undefined {
  const s = name.replace(/\s+/g, '');
  if (s.includes('·')) return undefined;
  return COMPOUND_SURNAMES.includes(s.slice(0, 2)) ? s.slice(0, 2) : s[0];
}

export function personName(r: Rng): string {
  const s = r.chance(0.015) ? r.pick(COMPOUND_SURNAMES) : r.pick(SURNAMES);
  const n = r.weighted([[25, 1], [75, 2]]);
  let g = '';
  for (let i = 0; i < n; i++) g += GIVEN[r.int(0, GIVEN.length - 1)];
  return s + g;
}

const MINORITY = ['阿不都热合曼·艾力', '古丽娜尔·吐尔逊', '买买提·依明', '扎西·次仁', '帕提古丽·阿布都', '努尔兰·哈力克', '热依拉·买合木提'];

/** Name with dirt: inner spaces, trailing space, a minority name with a middle dot. */
export function messyName(r: Rng): string {
  if (r.chance(0.01)) return r.pick(MINORITY);
  const n = personName(r);
  return r.weighted([
    [92, n],
    [4, n.length === 2 ? `${n[0]} ${n[1]}` : n],
    [4, `${n} `],
  ]);
}

const TW_SURNAMES = ['陳', '陳', '林', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '洪', '郭', '邱', '曾', '廖', '賴', '徐', '周', '葉', '蘇', '莊', '呂', '江', '何', '蕭', '羅', '高', '潘', '簡', '朱', '鍾', '游', '彭', '詹'];
const TW_GIVEN = '志明俊傑家豪冠宇宗翰承恩怡君雅婷淑芬美玲佩珊詩涵宜蓁欣妤建宏文雄國華春嬌秀英麗華柏翰品妍子晴昱廷彥廷惠如';

export function traditionalName(r: Rng): string {
  if (r.chance(0.04)) {
    // 冠夫姓: husband's surname + own surname + given name
    return `${r.pick(TW_SURNAMES)}${r.pick(TW_SURNAMES)}${TW_GIVEN[r.int(0, TW_GIVEN.length - 1)]}${TW_GIVEN[r.int(0, TW_GIVEN.length - 1)]}`;
  }
  let g = '';
  for (let i = 0; i < r.weighted([[10, 1], [90, 2]]); i++) g += TW_GIVEN[r.int(0, TW_GIVEN.length - 1)];
  return r.pick(TW_SURNAMES) + g;
}

const ALL_SURNAME_CHARS = new Set([...SURNAMES, ...TW_SURNAMES, '毛', '常', '白', '金', '高', '方', '江', '马', '黄', '朱']);

/** A name the way check.ts sees one: 2–4 Han characters after a known surname, or a dotted minority name. */
export function looksLikeName(raw: string): boolean {
  const s = raw.trim().replace(/\s+/g, '');
  if (/^[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,8}$/.test(s)) return true;
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(s)) return false;
  return ALL_SURNAME_CHARS.has(s[0] as string) || COMPOUND_SURNAMES.includes(s.slice(0, 2));
}

export function pinyinInitials(r: Rng): string {
  return r.chars('BCDFGHJLMQSTWXYZ', r.weighted([[25, 2], [75, 3]]));
}

// ---------------------------------------------------------------------------------------------
// Addresses

const PT_TOWNS = ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇', '白青乡', '中楼乡', '君山片区', '金井片区'];
const PT_ROADS = ['西航路', '北大路', '麒麟路', '金井湾大道', '环岛路', '城关路', '万宝路', '实验区大道', '坛南湾路', '龙山路', '中山路', '竹屿路'];
const PT_ESTATES = ['金井湾花园', '麒麟苑', '海坛新城', '岚华小区', '君山名苑', '龙王头公寓', '海峡如意城', '东澳小区', '城中村安置房'];
const FZ_DISTRICTS: [string, string[]][] = [
  ['鼓楼区', ['五四路', '湖东路', '杨桥中路', '古田路', '东街']],
  ['台江区', ['八一七中路', '江滨中大道', '工业路', '广达路']],
  ['仓山区', ['首山路', '则徐大道', '六一南路', '盖山路']],
  ['晋安区', ['福新东路', '岳峰路', '前横路', '连江北路']],
  ['长乐区', ['郑和中路', '吴航路', '航城街道会堂路']],
];
const FZ_ESTATES = ['融侨锦江', '万科金域榕郡', '正荣润城', '泰禾红树林', '世茂外滩花园', '阳光城翡丽湾', '金辉淮安半岛'];
const OTHER_CITIES = [
  '福建省厦门市思明区莲前西路', '福建省泉州市丰泽区东海大街', '福建省莆田市城厢区文献路', '福建省漳州市芗城区胜利西路',
  '福建省宁德市蕉城区天湖东路', '浙江省杭州市西湖区文三路', '广东省深圳市南山区科技园南路', '江西省南昌市青山湖区北京东路',
  '上海市浦东新区张杨路', '北京市朝阳区建国路', '四川省成都市武侯区人民南路四段', '湖南省长沙市芙蓉区五一大道',
];

export function pingtanAddress(r: Rng, withProvince = r.chance(0.6)): string {
  const head = withProvince ? '福建省平潭综合实验区' : r.pick(['平潭综合实验区', '平潭县', '']);
  const town = r.pick(PT_TOWNS);
  if (r.chance(0.3)) {
    // village addresses
    return `${head}${town}${r.pick(['东美村', '上楼村', '芦洋村', '钟门村', '看澳村', '磹水村', '大福村'])}${r.int(1, 260)}号`;
  }
  const road = `${r.pick(PT_ROADS)}${r.int(1, 999)}号`;
  const estate = r.chance(0.55) ? `${r.pick(PT_ESTATES)}${r.int(1, 32)}号楼${r.chance(0.4) ? `${r.int(1, 4)}单元` : ''}${r.int(1, 28)}${pad(r.int(1, 6), 2)}室` : '';
  return `${head}${town}${road}${estate}`;
}

export function fuzhouAddress(r: Rng): string {
  const [district, roads] = r.pick(FZ_DISTRICTS);
  const prov = r.chance(0.7) ? '福建省福州市' : '福州市';
  const tail = r.chance(0.6) ? `${r.pick(FZ_ESTATES)}${r.int(1, 30)}座${r.int(1, 33)}${pad(r.int(1, 8), 2)}` : `${r.int(1, 60)}号楼${r.int(1, 6)}单元${r.int(1, 18)}0${r.int(1, 4)}室`;
  return `${prov}${district}${r.pick(roads)}${r.int(1, 600)}号${tail}`;
}

export function otherAddress(r: Rng): string {
  return `${r.pick(OTHER_CITIES)}${r.int(1, 900)}号${r.chance(0.7) ? `${r.int(1, 40)}栋${r.int(1, 30)}${pad(r.int(1, 6), 2)}室` : ''}`;
}

export function mainlandAddress(r: Rng): string {
  return r.weighted<() => string>([
    [50, () => pingtanAddress(r)],
    [30, () => fuzhouAddress(r)],
    [20, () => otherAddress(r)],
  ])();
}

const TW_CITY_ROADS: [string, string[]][] = [
  ['臺北市大安區', ['復興南路一段', '忠孝東路四段', '信義路三段', '敦化南路二段']],
  ['臺北市中山區', ['南京東路二段', '林森北路', '民生東路三段']],
  ['新北市板橋區', ['文化路一段', '中山路二段', '縣民大道二段']],
  ['臺中市西屯區', ['臺灣大道三段', '文心路三段', '逢甲路']],
  ['高雄市苓雅區', ['四維三路', '中正一路', '光華一路']],
  ['臺南市東區', ['東門路二段', '中華東路一段', '裕農路']],
  ['新竹市東區', ['光復路二段', '公道五路三段']],
  ['桃園市中壢區', ['中正路', '環北路', '元化路']],
];

export function taiwanAddress(r: Rng): string {
  const [city, roads] = r.pick(TW_CITY_ROADS);
  const lane = r.chance(0.35) ? `${r.int(1, 300)}巷${r.chance(0.3) ? `${r.int(1, 20)}弄` : ''}` : '';
  const floor = r.chance(0.7) ? `${r.int(2, 22)}樓${r.chance(0.3) ? `之${r.int(1, 8)}` : ''}` : '';
  return `${r.chance(0.3) ? `${r.int(100, 830)}` : ''}${city}${r.pick(roads)}${lane}${r.int(1, 500)}號${floor}`;
}

const HQ_ROADS = ['环岛东路', '港澳大道', '横琴大道', '宝华路', '汇通三路', '天羽道', '兴澳路', '琴海东路'];
const HQ_ESTATES = ['澳门新街坊', '横琴国际居住社区', '天沐琴台', '华发首府', '粤澳嘉园'];

export function hengqinAddress(r: Rng): string {
  const head = r.weighted([[50, '广东省珠海市横琴粤澳深度合作区'], [35, '珠海市横琴新区'], [15, '横琴粤澳深度合作区']]);
  return `${head}${r.pick(HQ_ROADS)}${r.int(1, 3999)}号${r.pick(HQ_ESTATES)}${r.int(1, 12)}栋${r.int(1, 30)}${pad(r.int(1, 8), 2)}室`;
}

/** An address the way check.ts sees one: a division or road word and a house, building or room number. */
export function looksLikeAddress(raw: string): boolean {
  const s = raw.trim();
  return /(省|市|区|區|县|縣|镇|鎮|乡|村|路|街|道|巷)/.test(s) && /\d+\s*(号|號|室|楼|樓|栋|棟|座|弄)/.test(s);
}

// ---------------------------------------------------------------------------------------------
// Health and genetics

export const DIAGNOSES = [
  '原发性高血压', '2型糖尿病', '社区获得性肺炎', '急性阑尾炎', '脑梗死', '慢性肾脏病', '右肺上叶恶性肿瘤', '慢性阻塞性肺疾病急性加重',
  '冠状动脉粥样硬化性心脏病', '胆囊结石伴慢性胆囊炎', '左股骨颈骨折', '右膝关节骨关节炎', '高脂血症', '急性上呼吸道感染', '腰椎间盘突出症',
  '甲状腺结节', '痛风性关节炎', '骨质疏松症', '帕金森病', '阿尔茨海默病', '心房颤动', '慢性心力衰竭', '急性胃肠炎', '肝硬化',
  '乳腺恶性肿瘤', '子宫平滑肌瘤', '前列腺增生', '支气管哮喘', '缺铁性贫血', '带状疱疹', '急性心肌梗死', '结肠腺癌', '肺结节',
];

/** ICD-10 codes matching the diagnoses above, roughly. */
export const ICD10 = [
  'I10', 'E11.9', 'J18.9', 'K35.8', 'I63.9', 'N18.3', 'C34.1', 'J44.1', 'I25.1', 'K80.1', 'S72.0', 'M17.1', 'E78.5', 'J06.9',
  'M51.2', 'E04.1', 'M10.0', 'M81.0', 'G20', 'G30.9', 'I48', 'I50.9', 'K52.9', 'K74.6', 'C50.9', 'D25.9', 'N40', 'J45.9',
  'D50.9', 'B02.9', 'I21.9', 'C18.7', 'R91',
];

export const DRUGS = [
  '苯磺酸氨氯地平', '二甲双胍', '阿托伐他汀钙', '阿司匹林', '氯吡格雷', '缬沙坦', '硝苯地平控释片', '门冬胰岛素', '甲钴胺', '别嘌醇',
  '左甲状腺素钠', '美托洛尔', '瑞舒伐他汀钙', '多奈哌齐', '华法林',
];

export const CHRONIC = ['高血压', '2型糖尿病', '冠心病', '慢性阻塞性肺疾病', '高脂血症', '脑卒中后遗症', '慢性胃炎', '痛风', '哮喘', '甲状腺功能减退'];

const MEDICAL_TERMS = new Set([...DIAGNOSES, ...CHRONIC, ...DRUGS]);

export function looksLikeMedical(raw: string): boolean {
  const s = raw.trim();
  if (/^[A-TV-Z]\d{2}(\.\d{1,2})?$/.test(s)) return true;
  return s.split(/[；;、,，\s]+/).filter((x) => x !== '').every((x) => MEDICAL_TERMS.has(x.replace(/[（(].*$/, '')) || /(炎|病|症|癌|瘤|梗死|骨折|结节|贫血|衰竭|高血压|糖尿病)$/.test(x));
}

const SNPS: [string, string[]][] = [
  ['rs1801133', ['CC', 'CT', 'TT']], ['rs4149056', ['TT', 'TC', 'CC']], ['rs12248560', ['CC', 'CT', 'TT']],
  ['rs1045642', ['AA', 'AG', 'GG']], ['rs4244285', ['GG', 'GA', 'AA']], ['rs9923231', ['CC', 'CT', 'TT']],
  ['rs429358', ['TT', 'TC', 'CC']], ['rs7412', ['CC', 'CT']], ['rs671', ['GG', 'GA', 'AA']], ['rs1815739', ['CC', 'CT', 'TT']],
];

export function snpPanel(r: Rng): string {
  const picks = new Set<number>();
  const n = r.int(2, 4);
  while (picks.size < n) picks.add(r.int(0, SNPS.length - 1));
  const sep = r.pick([';', '; ', ',']);
  return [...picks].map((i) => { const [rs, gts] = SNPS[i] as [string, string[]]; return `${rs} ${r.pick(gts)}`; }).join(sep);
}

const VARIANTS = [
  'BRCA1 c.68_69delAG', 'BRCA1 c.5470_5477del', 'BRCA2 c.5946delT', 'EGFR c.2573T>G (p.L858R)', 'EGFR exon19del', 'KRAS c.35G>A (p.G12D)',
  'KRAS c.34G>T (p.G12C)', 'TP53 c.524G>A (p.R175H)', 'PIK3CA c.3140A>G (p.H1047R)', 'HLA-B*58:01 阳性', 'CYP2C19 *1/*2', 'CYP2C19 *2/*3',
  'APOE ε3/ε4', 'ALDH2 *1/*2', 'MTHFR c.665C>T 纯合', 'ALK EML4-ALK 融合', 'BRAF c.1799T>A (p.V600E)',
];

export function variantCall(r: Rng): string {
  return r.chance(0.15) ? `${r.pick(VARIANTS)}; ${r.pick(VARIANTS)}` : r.pick(VARIANTS);
}

export function looksLikeGenetic(raw: string): boolean {
  const s = raw.trim();
  return /rs\d{3,}/.test(s) || /\bc\.\d+/.test(s) || /[A-Z0-9]\*\d{2}:\d{2}/.test(s) || /\*\d+\/\*\d+/.test(s) || /ε\d\/ε\d/.test(s) || /exon\d+del|融合/.test(s) || /^[ACGT]{20,}$/.test(s);
}

// ---------------------------------------------------------------------------------------------
// Secrets

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${B62}+/`;
const HEX = '0123456789abcdef';

export const hex = (r: Rng, n: number): string => r.chars(HEX, n);
export const base64Blob = (r: Rng, bytes: number): string => {
  const n = Math.ceil(bytes / 3) * 4;
  const body = r.chars(B64, n - (bytes % 3 === 0 ? 0 : 3 - (bytes % 3)));
  return body + '='.repeat(n - body.length);
};
export const uuid = (r: Rng): string => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${r.pick(['8', '9', 'a', 'b'])}${hex(r, 3)}-${hex(r, 12)}`;

const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

export function jwt(r: Rng, sub: string, iat: number): string {
  const head = b64url('{"alg":"HS256","typ":"JWT"}');
  const body = b64url(JSON.stringify({ sub, iat, exp: iat + 7200, jti: hex(r, 16) }));
  return `${head}.${body}.${r.chars(`${B62}-_`, 43)}`;
}

export function password(r: Rng): string {
  return r.weighted<() => string>([
    [40, () => r.chars(`${B62}!@#$%^&*`, r.int(12, 20))],
    [25, () => `${r.pick(['Pt', 'Lan', 'Admin', 'Gov', 'Ops', 'Db'])}@${r.int(2019, 2024)}${r.pick(['!', '#', '$', '.'])}${r.chars(B62, r.int(3, 6))}`],
    [20, () => `${r.pick(['qwe', 'abc', 'zxc', 'pingtan', 'fzgov', 'root'])}${r.chars(B62, r.int(4, 8))}${r.pick(['!', '@', '#', ''])}${r.int(10, 9999)}`],
    [15, () => r.chars(`${B62}-_`, 32)],
  ])();
}

export type SecretKind = 'aws' | 'aliyun' | 'github' | 'openai' | 'slack' | 'ssh' | 'generic';

/** A credential of the given kind: access-key ids, API tokens, an OpenSSH private key block. */
export function apiSecret(r: Rng, kind: SecretKind): string {
  switch (kind) {
    case 'aws':
      return `AKIA${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
    case 'aliyun':
      return `LTAI5t${r.chars(B62, 18)}`;
    case 'github':
      return `ghp_${r.chars(B62, 36)}`;
    case 'openai':
      return `sk-${r.chars(B62, 48)}`;
    case 'slack':
      return `xoxb-${r.digits(12)}-${r.digits(13)}-${r.chars(B62, 24)}`;
    case 'ssh':
      return `-----BEGIN OPENSSH PRIVATE KEY-----\n${r.chars(B64, 70)}\n${r.chars(B64, 70)}\n${r.chars(B64, 40)}\n-----END OPENSSH PRIVATE KEY-----`;
    default:
      return r.chars(B62, 40);
  }
}

export function looksLikeSecret(raw: string): boolean {
  const s = raw.trim();
  if (s.includes('PRIVATE KEY-----')) return true;
  if (/^(AKIA[A-Z2-7]{16}|LTAI[A-Za-z0-9]{12,30}|ghp_[A-Za-z0-9]{36}|sk-[A-Za-z0-9]{20,}|xox[bp]-[\w-]{20,})$/.test(s)) return true;
  if (/\s/.test(s) || s.length < 8) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(s)).length;
  return classes >= 2;
}

// ---------------------------------------------------------------------------------------------
// Decoy makers

/** 18 digits shaped like a resident ID (real address code, real date) whose last digit is never the check. */
export function idShapedInvalid(r: Rng, code = r.pick(ADDRESS_CODES_FUJIAN), year: [number, number] = [2023, 2024]): string {
  for (;;) {
    const t = randomDate(r, year[0], year[1]);
    const body = `${code}${ymd(t)}${r.digits(3)}`;
    const check = idCheckChar(body);
    let c = String(r.int(0, 9));
    while (c === check) c = String(r.int(0, 9));
    // also no chance hit of another checksum: a Luhn-valid 18-digit number or a valid USCC
    if (!luhnValid(body + c) && !isUscc(body + c)) return body + c;
  }
}

/** Masked mobile `138****1234` and masked ID `3501**********123X` as screens and exports show them. */
export const maskedMobile = (r: Rng): string => {
  const n = cnMobile(r);
  return r.chance(0.8) ? `${n.slice(0, 3)}****${n.slice(7)}` : `${n.slice(0, 3)}*****${n.slice(8)}`;
};
export const maskedId = (r: Rng): string => {
  const id = residentId(r, { fromYear: 1940, toYear: 2005, codes: ADDRESS_CODES_FUJIAN });
  return r.weighted([
    [60, `${id.slice(0, 4)}**********${id.slice(14)}`],
    [25, `${id.slice(0, 6)}********${id.slice(14)}`],
    [15, `${id.slice(0, 3)}***********${id.slice(14)}`],
  ]);
};

/** Taiwan 統一編號: 8 digits with the business-number check (weights 1 2 1 2 1 2 4 1). */
export function twBusinessNo(r: Rng): string {
  const w = [1, 2, 1, 2, 1, 2, 4, 1];
  for (;;) {
    const s = r.digits(8);
    let sum = 0;
    for (let i = 0; i < 8; i++) {
      const p = Number(s[i]) * (w[i] as number);
      sum += Math.floor(p / 10) + (p % 10);
    }
    if (sum % 5 === 0 || (s[6] === '7' && (sum + 1) % 5 === 0)) return s;
  }
}

/** A 15-digit IMEI with a valid Luhn digit. */
export function imei(r: Rng): string {
  return luhnComplete(`${r.pick(['35', '86', '86', '86', '35'])}${r.digits(12)}`);
}

export const sha256 = (r: Rng): string => hex(r, 64);

export const COMPANY_WORDS = ['海峡', '岚岛', '麒麟', '金井', '坛南', '两岸', '闽台', '蓝海', '海坛', '君山', '榕信', '鑫源', '宏达', '永盛'];
export const COMPANY_TRADES = ['科技', '贸易', '旅游发展', '文化传媒', '物流', '建设工程', '餐饮管理', '生物科技', '电子商务', '置业', '信息技术', '医药连锁', '汽车租赁'];

export function company(r: Rng, city = r.pick(['平潭', '福州', '福建', '厦门'])): string {
  return `${city}${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_TRADES)}有限公司`;
}

export function twCompany(r: Rng): string {
  return `${r.pick(['平潭', '福州', '平潭綜合實驗區', '福建'])}${r.pick(['寶島', '台興', '兩岸', '鼎泰', '宏碁', '聯發', '永豐', '統一', '正新'])}${r.pick(['貿易', '科技', '食品', '文創', '電子', '精密機械', '農業開發'])}有限公司`;
}
