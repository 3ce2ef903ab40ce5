/**
 * Value makers and validators of the ninth blind column set (columns-i). Written from the type list
 * (/work/shared/contracts/detector-types.md) and the identifier reference (/work/shared/reference/customs.md)
 * only: every checksum and shape below is this set's own.
 *
 * - GB 11643 MOD 11-2 (weights 2^(17−i) mod 11, check "10X98765432"), GB/T 2260 county codes, real dates;
 *   the 810000/820000/830000 residence permits; the 15-digit legacy ID (address + YYMMDD + order).
 * - GB 32100 USCC (31-symbol alphabet, weights 3^(i−1) mod 31) with the GB 11714 organisation-code check
 *   (weights 3 7 9 10 5 8 4 2, mod 11) inside it.
 * - ISO 3779 VIN check digit, HKID mod 11, Taiwan ID (letter → 10–35, weights 1 9 8 … 1 1, mod 10), Luhn,
 *   ISO 6346 container check digit, the ICCID's Luhn digit.
 */

// ---------------------------------------------------------------------------------------------
// Random stream

/** mulberry32: one 32-bit state, one stream per file maker. */
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
  /** Integer in [a, b]. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
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

/** FNV-1a of the maker's name mixed with the set's seed. */
export function rngFor(seed: number, name: string): Rng {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return new Rng(h ^ Math.imul(seed, 0x9e3779b1));
}

// ---------------------------------------------------------------------------------------------
// Dates, always in UTC (local +08:00 wall-clock times are built as UTC values)

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A date in UTC from parts. */
export const utc = (y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date => new Date(Date.UTC(y, m - 1, d, hh, mm, ss));

/** A random day between two dates (inclusive), at 00:00 UTC. */
export function randomDay(r: Rng, from: Date, to: Date): Date {
  const a = Math.floor(from.getTime() / 86400000);
  const b = Math.floor(to.getTime() / 86400000);
  return new Date(r.int(a, b) * 86400000);
}

export const addMinutes = (d: Date, m: number): Date => new Date(d.getTime() + m * 60000);
export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86400000);

export function ymd(d: Date, sep = '-'): string {
  return `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;
}
export function hm(d: Date): string {
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
export function ymdhm(d: Date): string {
  return `${ymd(d)} ${hm(d)}`;
}
export function ymdhms(d: Date): string {
  return `${ymd(d)} ${hm(d)}:${pad(d.getUTCSeconds())}`;
}
/** ISO 8601 with the +08:00 offset, from a wall-clock time held as UTC. */
export function isoLocal(d: Date): string {
  return `${ymd(d)}T${hm(d)}:${pad(d.getUTCSeconds())}+08:00`;
}
/** Excel's serial day number (1900 system) of a date. */
export function excelSerial(d: Date): number {
  return Math.floor(d.getTime() / 86400000) + 25569;
}
export function cnDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

// ---------------------------------------------------------------------------------------------
// Regions (GB/T 2260 county-level codes) used for IDs and addresses

export const FUJIAN_COUNTIES: ReadonlyArray<readonly [string, string, string]> = [
  ['350102', '福州市', '鼓楼区'], ['350103', '福州市', '台江区'], ['350104', '福州市', '仓山区'], ['350105', '福州市', '马尾区'],
  ['350111', '福州市', '晋安区'], ['350112', '福州市', '长乐区'], ['350121', '福州市', '闽侯县'], ['350122', '福州市', '连江县'],
  ['350123', '福州市', '罗源县'], ['350124', '福州市', '闽清县'], ['350125', '福州市', '永泰县'], ['350128', '福州市', '平潭县'],
  ['350181', '福州市', '福清市'], ['350203', '厦门市', '思明区'], ['350205', '厦门市', '海沧区'], ['350206', '厦门市', '湖里区'],
  ['350211', '厦门市', '集美区'], ['350212', '厦门市', '同安区'], ['350213', '厦门市', '翔安区'], ['350302', '莆田市', '城厢区'],
  ['350303', '莆田市', '涵江区'], ['350304', '莆田市', '荔城区'], ['350322', '莆田市', '仙游县'], ['350502', '泉州市', '鲤城区'],
  ['350503', '泉州市', '丰泽区'], ['350521', '泉州市', '惠安县'], ['350524', '泉州市', '安溪县'], ['350581', '泉州市', '石狮市'],
  ['350582', '泉州市', '晋江市'], ['350583', '泉州市', '南安市'], ['350602', '漳州市', '芗城区'], ['350623', '漳州市', '漳浦县'],
  ['350702', '南平市', '延平区'], ['350802', '龙岩市', '新罗区'], ['350902', '宁德市', '蕉城区'], ['350981', '宁德市', '福安市'],
  ['350982', '宁德市', '福鼎市'],
];

export const OTHER_COUNTIES: readonly string[] = [
  '110101', '110105', '110108', '310101', '310104', '310115', '320102', '320106', '330102', '330106', '330302', '340104',
  '360102', '360111', '360702', '370102', '370202', '410105', '420102', '420106', '430102', '440103', '440106', '440304',
  '440305', '450102', '500103', '510104', '510107', '520102', '530102', '610113', '620102', '650102', '130102', '140105',
  '210102', '220102', '230102', '350425', '360403', '362502', '441502', '445102',
];

export const COUNTY_CODES: ReadonlySet<string> = new Set([...FUJIAN_COUNTIES.map((c) => c[0]), ...OTHER_COUNTIES]);

/** Province prefixes of GB/T 2260 (what "a plausible region prefix" means in the decoy screening). */
export const PROVINCES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71',
]);

export function regionCode(r: Rng, fujianShare = 0.8): string {
  return r.chance(fujianShare) ? r.pick(FUJIAN_COUNTIES)[0] : r.pick(OTHER_COUNTIES);
}

// ---------------------------------------------------------------------------------------------
// GB 11643 resident IDs and the residence permits

const W112 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function mod112Check(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (W112[i] as number);
  return '10X98765432'[s % 11] as string;
}

export function passesMod112(v: string): boolean {
  const x = v.toUpperCase();
  return /^\d{17}[\dX]$/.test(x) && mod112Check(x.slice(0, 17)) === x[17];
}

export function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

const MIN_BIRTH = Date.UTC(1900, 0, 1);
const MAX_BIRTH = Date.UTC(2024, 6, 31);

function birthOk(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  if (!validYmd(y, m, d)) return false;
  const t = Date.UTC(y, m - 1, d);
  return t >= MIN_BIRTH && t <= MAX_BIRTH;
}

export interface Person {
  id: string;
  birth: Date;
  male: boolean;
}

export function residentId(r: Rng, from: Date, to: Date, region?: string): Person {
  const code = region ?? regionCode(r);
  const birth = randomDay(r, from, to);
  const male = r.chance(0.5);
  const seq2 = pad(r.int(0, 99));
  const sexDigit = male ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8]);
  const first17 = `${code}${ymd(birth, '')}${seq2}${sexDigit}`;
  return { id: first17 + mod112Check(first17), birth, male };
}

/** 港澳台居民居住证 number: 810000 / 820000 / 830000 + birth date + order + check. */
export function permitId(r: Rng, prefix: '810000' | '820000' | '830000', from: Date, to: Date): Person {
  return residentId(r, from, to, prefix);
}

/** The 15-digit first-generation number: address + YYMMDD + 3-digit order. */
export function legacyId(r: Rng, from: Date, to: Date): string {
  const b = randomDay(r, from, to);
  return `${r.pick(FUJIAN_COUNTIES)[0]}${ymd(b, '').slice(2)}${r.digits(3)}`;
}

/**
 * What a string is under GB 11643: 'cn' (real county code, date, check), '810000'/'820000'/'830000'
 * (permits), 'legacy' (15 digits with county code and date), or undefined.
 */
export function gb11643Kind(v: string): string | undefined {
  const x = v.replace(/\s/g, '').toUpperCase();
  if (/^\d{15}$/.test(x)) {
    if (!COUNTY_CODES.has(x.slice(0, 6))) return undefined;
    return birthOk(`19${x.slice(6, 12)}`) ? 'legacy' : undefined;
  }
  if (!passesMod112(x) || !birthOk(x.slice(6, 14))) return undefined;
  const code = x.slice(0, 6);
  if (code === '810000' || code === '820000' || code === '830000') return code;
  return COUNTY_CODES.has(code) ? 'cn' : undefined;
}

/** Screening of decoys: any plausible province prefix, a real date and a passing check (or a legacy 15 with a date). */
export function idLikeAnyRegion(v: string): boolean {
  const x = v.toUpperCase();
  if (/^\d{15}$/.test(x)) return PROVINCES.has(x.slice(0, 2)) && birthOk(`19${x.slice(6, 12)}`);
  if (!/^\d{17}[\dX]$/.test(x)) return false;
  const p = x.slice(0, 2);
  if (!PROVINCES.has(p) && p !== '81' && p !== '82' && p !== '83') return false;
  return birthOk(x.slice(6, 14)) && passesMod112(x);
}

/** Writes an ID the way clerks do: mostly clean, some spaced, a leading space, lower-case x, rare typos. */
export function dirtyId(r: Rng, id: string, typo = 0.01): string {
  const x = r.next();
  if (x < typo) {
    const i = r.int(0, 16);
    const d = (Number(id[i]) + r.int(1, 9)) % 10;
    return id.slice(0, i) + String(d) + id.slice(i + 1);
  }
  if (x < typo + 0.03) return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
  if (x < typo + 0.05) return ` ${id}`;
  if (x < typo + 0.08 && id.endsWith('X')) return id.slice(0, 17) + 'x';
  return id;
}

// ---------------------------------------------------------------------------------------------
// GB 32100 unified social credit code with the GB 11714 organisation code inside

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheck(first17: string): string | undefined {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] as string);
    if (v < 0) return undefined;
    s += v * (USCC_W[i] as number);
  }
  return USCC_ALPHABET[(31 - (s % 31)) % 31];
}

export function isUscc(v: string): boolean {
  const x = v.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(x)) return false;
  return usccCheck(x.slice(0, 17)) === x[17];
}

const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheck(first8: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i] as string;
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    s += v * (ORG_W[i] as number);
  }
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function uscc(r: Rng, region?: string, kind = '91'): string {
  const code = region ?? r.pick(FUJIAN_COUNTIES)[0];
  let org8 = '';
  if (r.chance(0.55)) {
    org8 = `MA${r.pick(['2', '3', '8', '3'])}`;
    for (let i = 0; i < 5; i++) org8 += r.pick([...'0123456789ABCDEFGHJKLMNPQRTUWXY']);
  } else org8 = r.digits(8);
  const first17 = `${kind}${code}${org8}${orgCodeCheck(org8)}`;
  return first17 + (usccCheck(first17) as string);
}

// ---------------------------------------------------------------------------------------------
// VIN (ISO 3779)

const VIN_VAL: Record<string, number> = {};
'0123456789'.split('').forEach((c, i) => (VIN_VAL[c] = i));
'ABCDEFGH'.split('').forEach((c, i) => (VIN_VAL[c] = i + 1));
'JKLMN'.split('').forEach((c, i) => (VIN_VAL[c] = i + 1));
VIN_VAL.P = 7;
VIN_VAL.R = 9;
'STUVWXYZ'.split('').forEach((c, i) => (VIN_VAL[c] = i + 2));
const VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export function vinCheck(v: string): string | undefined {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const x = VIN_VAL[v[i] as string];
    if (x === undefined) return undefined;
    s += x * (VIN_W[i] as number);
  }
  const c = s % 11;
  return c === 10 ? 'X' : String(c);
}

export function isVin(v: string): boolean {
  const x = v.trim().toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(x) && vinCheck(x) === x[8];
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
export function vin(r: Rng): string {
  const wmi = r.pick(['LSV', 'LFV', 'LGW', 'LVS', 'LSG', 'LHG', 'LFM', 'LRW', 'LGX', 'LVG', 'LBV', 'LDC', 'LNB', 'LJD']);
  let vds = '';
  for (let i = 0; i < 5; i++) vds += r.pick([...VIN_CHARS]);
  const tail = r.pick(['L', 'M', 'N', 'P', 'R', 'K', 'J']) + r.pick([...VIN_CHARS]) + r.digits(6);
  const draft = `${wmi}${vds}0${tail}`;
  const c = vinCheck(draft) as string;
  return draft.slice(0, 8) + c + draft.slice(9);
}

// ---------------------------------------------------------------------------------------------
// HKID, Taiwan ID, Luhn

export function hkidCheck(letters: string, digits6: string): string {
  const ls = letters.length === 1 ? [36, letters.charCodeAt(0) - 55] : [letters.charCodeAt(0) - 55, letters.charCodeAt(1) - 55];
  let s = (ls[0] as number) * 9 + (ls[1] as number) * 8;
  for (let i = 0; i < 6; i++) s += Number(digits6[i]) * (7 - i);
  const c = (11 - (s % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}

export function isHkid(v: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6})\(?([0-9A])\)?$/.exec(v.trim().toUpperCase());
  if (m === null) return false;
  if (/\(/.test(v) !== /\)/.test(v)) return false;
  return hkidCheck(m[1] as string, m[2] as string) === m[3];
}

export function hkid(r: Rng): string {
  const letters = r.chance(0.1) ? r.pick(['XA', 'WX', 'XD']) : r.pick([...'ACDEGHJKMPRVYZ']);
  const d = r.digits(6);
  const c = hkidCheck(letters, d);
  return r.chance(0.7) ? `${letters}${d}(${c})` : `${letters}${d}${c}`;
}

const TW_LETTER: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24,
  R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};

function twSum(letter: string, rest: string): number {
  const n = TW_LETTER[letter] as number;
  let s = Math.floor(n / 10) * 1 + (n % 10) * 9;
  const w = [8, 7, 6, 5, 4, 3, 2, 1, 1];
  for (let i = 0; i < 9; i++) s += Number(rest[i]) * (w[i] as number);
  return s;
}

export function isTwNationalId(v: string): boolean {
  const x = v.trim().toUpperCase();
  if (!/^[A-Z][12]\d{8}$/.test(x)) return false;
  return twSum(x[0] as string, x.slice(1)) % 10 === 0;
}

export function twNationalId(r: Rng, male: boolean): string {
  const letter = r.pick(['A', 'A', 'B', 'B', 'E', 'F', 'H', 'J', 'K', 'N', 'R', 'S', 'T', 'D', 'Q', 'P', 'G', 'X', 'W', 'Z']);
  const body = (male ? '1' : '2') + r.digits(7);
  for (let c = 0; c <= 9; c++) if (twSum(letter, body + c) % 10 === 0) return `${letter}${body}${c}`;
  throw new Error('unreachable');
}

export function luhnValid(d: string): boolean {
  if (!/^\d+$/.test(d)) return false;
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    let x = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    s += x;
  }
  return s % 10 === 0;
}

export function luhnDigit(body: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(body + c)) return String(c);
  throw new Error('unreachable');
}

// ---------------------------------------------------------------------------------------------
// Cards and documents

const BINS: ReadonlyArray<readonly [string, number]> = [
  ['622202', 19], ['621700', 19], ['622848', 19], ['621661', 19], ['622588', 16], ['621483', 16], ['622908', 18],
  ['623058', 19], ['621226', 19], ['622262', 19], ['625965', 16], ['436742', 16], ['524047', 16], ['622155', 16],
];

/** A payment card; `failShare` of 62-BIN cards fail Luhn (customs.md: real UnionPay cards may). */
export function bankCard(r: Rng, failShare = 0.03): string {
  const [bin, len] = r.pick(BINS);
  const body = bin + r.digits(len - 1 - bin.length);
  let d = luhnDigit(body);
  if (bin.startsWith('62') && r.chance(failShare)) d = String((Number(d) + r.int(1, 9)) % 10);
  const card = body + d;
  const x = r.next();
  if (x < 0.12) return card.replace(/(\d{4})(?=\d)/g, '$1 ');
  if (x < 0.16) return card.replace(/(\d{4})(?=\d)/g, '$1-');
  return card;
}

/** 台胞证: the 8-digit lifelong number, some with the issue count or the authority letter of the old form. */
export function mtp(r: Rng): string {
  const n = String(r.int(1, 9)) + r.digits(7);
  const x = r.next();
  if (x < 0.08) return `${n}${pad(r.int(1, 4))}`;
  if (x < 0.14) return `${n}(${pad(r.int(1, 4))})`;
  if (x < 0.18) return `${n}(${r.pick(['B', 'T', 'J'])})`;
  return n;
}

export function isMtp(v: string): boolean {
  const x = v.trim();
  return /^\d{8}$/.test(x) || /^\d{10}$/.test(x) || /^\d{8}\(\d{2}\)$/.test(x) || /^\d{8}\([A-Z]\)$/.test(x);
}

export function homeReturnPermit(r: Rng, hk = true): string {
  const n = `${hk ? 'H' : 'M'}${r.int(0, 9)}${r.digits(7)}`;
  return r.chance(0.4) ? n + pad(r.int(0, 6)) : n;
}

export function isHomeReturnPermit(v: string): boolean {
  return /^[HM]\d{8}(\d{2})?$/.test(v.trim().toUpperCase());
}

export function passport(r: Rng): string {
  const x = r.next();
  if (x < 0.3) return `G${r.digits(8)}`;
  if (x < 0.8) return `E${r.digits(8)}`;
  return `E${r.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ'])}${r.digits(7)}`;
}

export function isCnPassport(v: string): boolean {
  const x = v.trim().toUpperCase();
  return /^G\d{8}$/.test(x) || /^E[A-HJ-NP-Z0-9]\d{7}$/.test(x);
}

// ---------------------------------------------------------------------------------------------
// Phones

export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '149', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178', '180', '181',
  '182', '183', '184', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199',
];
const MOBILE_SET = new Set(MOBILE_PREFIXES);

export function mobileNumber(r: Rng): string {
  return r.pick(MOBILE_PREFIXES) + r.digits(8);
}

/** A mobile as people write it: plain mostly, some grouped, some with +86/0086/86-. */
export function cnMobile(r: Rng, dirty = true): string {
  const n = mobileNumber(r);
  if (!dirty) return n;
  const x = r.next();
  if (x < 0.06) return `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
  if (x < 0.1) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (x < 0.14) return `+86 ${n}`;
  if (x < 0.16) return `+86${n}`;
  if (x < 0.18) return `0086${n}`;
  if (x < 0.19) return `86-${n}`;
  return n;
}

export function isCnMobile(v: string): boolean {
  const x = v.trim().replace(/^(\+86|0086|86-)[\s-]?/, '').replace(/[\s-]/g, '');
  return /^1\d{10}$/.test(x) && MOBILE_SET.has(x.slice(0, 3));
}

export function twMobile(r: Rng): string {
  const n = `9${r.pick(['0', '1', '2', '3', '5', '6', '7', '8'])}${r.digits(7)}`;
  const x = r.next();
  if (x < 0.4) return `0${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
  if (x < 0.7) return `0${n}`;
  if (x < 0.85) return `+886 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  return `+886-${n}`;
}

export function isTwMobile(v: string): boolean {
  const x = v.trim();
  return /^09\d{2}-?\d{3}-?\d{3}$/.test(x) || /^(\+886|886)[\s-]?9\d{2}[\s-]?\d{3}[\s-]?\d{3}$/.test(x);
}

/** Fujian area codes and the length of their local numbers. */
const AREAS: ReadonlyArray<readonly [string, number]> = [
  ['0591', 8], ['0591', 8], ['0591', 8], ['0592', 7], ['0595', 8], ['0594', 7], ['0596', 7], ['0593', 7], ['0599', 7],
];

export function landline(r: Rng, area?: string, style?: number): string {
  const [code, len] = area === undefined ? r.pick(AREAS) : (AREAS.find((a) => a[0] === area) ?? ['0591', 8]);
  const local = String(r.int(2, 8)) + r.digits(len - 1);
  const x = style ?? r.next();
  if (x < 0.55) return `${code}-${local}`;
  if (x < 0.65) return `(${code})${local}`;
  if (x < 0.72) return `（${code}）${local}`;
  if (x < 0.8) return `${code} ${local}`;
  if (x < 0.88) return `${code}${local}`;
  if (x < 0.94) return `${code}-${local}-${r.int(800, 8999)}`;
  return `${code}-${local}转${r.int(100, 899)}`;
}

export function isCnLandline(v: string): boolean {
  const x = v.trim();
  const m = /^(?:\((0\d{2,3})\)|（(0\d{2,3})）|(0\d{2,3})[\s-]?)(\d{7,8}|\d{4}-\d{4})(?:(?:-|转|\s?ext\.?\s?)\d{1,5})?$/.exec(x);
  if (m === null) return false;
  const code = (m[1] ?? m[2] ?? m[3]) as string;
  const local = (m[4] as string).replace('-', '');
  if (!/^(010|02\d|0[3-9]\d{2})$/.test(code)) return false;
  if (code.length === 3 && local.length !== 8) return false;
  return /^[2-8]/.test(local);
}

// ---------------------------------------------------------------------------------------------
// Network

export const PINYIN = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'lin', 'zheng', 'wu', 'xu', 'sun', 'zhao', 'zhou', 'hu', 'guo', 'he',
  'gao', 'luo', 'xie', 'song', 'tang', 'weiwei', 'fang', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yan', 'jie', 'tao',
  'ming', 'chao', 'xiu', 'ying', 'hua', 'jian', 'guo', 'hui', 'ling', 'bin', 'yu', 'hao', 'peng', 'ting', 'xue', 'lin', 'chen',
  'xin', 'yi', 'jia', 'zi', 'han', 'xuan', 'bo', 'hong', 'zhi', 'si', 'rui', 'xiao', 'hai', 'feng', 'dan', 'ping', 'yan',
];

export function email(r: Rng, domains?: readonly string[]): string {
  const ds = domains ?? ['qq.com', 'qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'gmail.com', 'outlook.com', 'hotmail.com', '139.com', 'aliyun.com'];
  const d = r.pick(ds);
  const x = r.next();
  let local: string;
  if (d === 'qq.com' && x < 0.6) local = String(r.int(10000, 99999)) + r.digits(r.int(0, 5));
  else if (x < 0.5) local = r.pick(PINYIN) + r.pick(PINYIN) + (r.chance(0.6) ? String(r.int(1, 2024)) : '');
  else if (x < 0.8) local = `${r.pick(PINYIN)}.${r.pick(PINYIN)}${r.chance(0.5) ? r.int(70, 99) : ''}`;
  else local = `${r.pick(PINYIN)}_${r.pick(PINYIN)}${r.int(1, 999)}`;
  const s = `${local}@${d}`;
  return r.chance(0.02) ? s.toUpperCase() : s;
}

export function isEmail(v: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(v.trim());
}

export function ipv4Public(r: Rng): string {
  const first = r.pick([27, 36, 42, 49, 58, 59, 60, 61, 101, 106, 110, 112, 113, 117, 120, 121, 122, 123, 125, 140, 171, 175, 180, 182, 183, 218, 220, 221, 222, 223]);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}
export function ipv4Private(r: Rng, prefix?: string): string {
  if (prefix !== undefined) return `${prefix}.${r.int(2, 254)}`;
  return r.chance(0.5) ? `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(2, 254)}` : `192.168.${r.int(0, 30)}.${r.int(2, 254)}`;
}
export function ipv6(r: Rng): string {
  const g = (): string => r.int(0, 0xffff).toString(16);
  return r.chance(0.5) ? `240e:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}` : `2409:8a${pad(r.int(10, 99))}:${g()}:${g()}::${g()}`;
}

export function isIp(v: string): boolean {
  const x = v.trim();
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(x);
  if (m !== null) return m.slice(1).every((p) => Number(p) <= 255 && !(p.length > 1 && p.startsWith('0')));
  if (!/^[0-9a-f:]+$/i.test(x) || !x.includes(':')) return false;
  const dbl = x.split('::').length - 1;
  if (dbl > 1) return false;
  const groups = x.split(':').filter((g) => g !== '');
  if (groups.some((g) => g.length > 4)) return false;
  return dbl === 1 ? groups.length < 8 && groups.length >= 1 : groups.length === 8;
}

export function mac(r: Rng): string {
  const oui = r.pick(['3C:52:82', '00:1E:C9', 'F4:8E:38', '88:25:93', 'A4:5E:60', '00:E0:4C', 'B8:27:EB', '34:CE:00', '5C:CF:7F', 'D8:BB:C1']);
  let s = oui;
  for (let i = 0; i < 3; i++) s += ':' + r.int(0, 255).toString(16).toUpperCase().padStart(2, '0');
  const x = r.next();
  if (x < 0.25) return s.toLowerCase();
  if (x < 0.45) return s.replace(/:/g, '-');
  if (x < 0.55) {
    const h = s.replace(/:/g, '').toLowerCase();
    return `${h.slice(0, 4)}.${h.slice(4, 8)}.${h.slice(8)}`;
  }
  return s;
}

export function isMac(v: string): boolean {
  const x = v.trim();
  return /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/.test(x) || /^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(x);
}

export function hex(r: Rng, n: number, upper = false): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(0, 15)];
  return upper ? s.toUpperCase() : s;
}

// ---------------------------------------------------------------------------------------------
// Coordinates

/** A precise point (5–6 decimals) near a centre, written lat,lng (or lng,lat when asked). */
export function geo(r: Rng, lat: number, lng: number, spread: number, lngFirst = false): string {
  const la = (lat + (r.next() - 0.5) * spread).toFixed(r.chance(0.7) ? 6 : 5);
  const lo = (lng + (r.next() - 0.5) * spread).toFixed(r.chance(0.7) ? 6 : 5);
  if (lngFirst) return `${lo},${la}`;
  const x = r.next();
  if (x < 0.75) return `${la},${lo}`;
  if (x < 0.9) return `${la}, ${lo}`;
  return `${la} ${lo}`;
}

/** Two numbers that read as a precise coordinate pair (≥ 4 decimals each, either order). */
export function isGeo(v: string): boolean {
  const m = /^\s*(-?\d{1,3}\.\d{4,})\s*[,，\s]\s*(-?\d{1,3}\.\d{4,})\s*$/.exec(v);
  if (m === null) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return (Math.abs(a) <= 90 && Math.abs(b) <= 180) || (Math.abs(b) <= 90 && Math.abs(a) <= 180);
}

// ---------------------------------------------------------------------------------------------
// Plates

const FJ_LETTERS = ['A', 'A', 'A', 'A', 'B', 'C', 'D', 'D', 'E', 'F', 'G', 'H', 'J'];
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function plate(r: Rng, province = '闽'): string {
  const prov = r.chance(0.9) ? province : r.pick(['浙', '粤', '赣', '苏', '沪', '京', '湘']);
  const letter = prov === province ? r.pick(FJ_LETTERS) : r.pick([...'ABCDE']);
  let body: string;
  const x = r.next();
  if (x < 0.12) body = r.pick(['D', 'F']) + (r.chance(0.5) ? r.pick([...PLATE_CHARS]) : String(r.int(0, 9))) + r.digits(4);
  else if (x < 0.15) body = r.digits(5) + r.pick(['D', 'F']);
  else {
    const chars: string[] = [];
    const letters = r.weighted([[0, 5], [1, 4], [2, 1]] as const);
    for (let i = 0; i < 5; i++) chars.push(r.digits(1));
    for (let k = 0; k < letters; k++) chars[r.int(0, 4)] = r.pick([...PLATE_CHARS]);
    body = chars.join('');
  }
  const y = r.next();
  if (y < 0.1) return `${prov}${letter}·${body}`;
  if (y < 0.15) return `${prov}${letter} ${body}`;
  if (y < 0.2) return `${prov}${letter}-${body}`;
  return `${prov}${letter}${body}`;
}

const PROVINCE_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
export function isPlate(v: string): boolean {
  const x = v.trim().replace(/[·\s-]/g, '');
  if (x.length < 7 || !PROVINCE_CHARS.includes(x[0] as string)) return false;
  const rest = x.slice(1);
  return /^[A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]$/.test(rest) || /^[A-HJ-NP-Z]([DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/.test(rest);
}

// ---------------------------------------------------------------------------------------------
// Names

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁',
  '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '苏',
  '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '方', '白',
  '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙', '史', '陶', '黎', '贺', '顾', '毛', '龚', '邵', '万',
  '钱', '严', '武', '戴', '莫', '孔', '汤', '翁', '游', '柯', '卓', '庄', '詹', '施', '洪', '赖', '池', '兰', '危',
];
const COMMON_SURNAMES = ['王', '李', '张', '刘', '陈', '林', '黄', '郑', '吴', '杨'];
export const RARE_SURNAMES = ['仉', '亓', '逄', '阙', '佘', '缪', '訾', '禤', '郗', '糜', '宓', '隗', '司', '车', '牛'];
export const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '司徒', '慕容', '尉迟'];
export const TW_SURNAMES = [
  '陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '洪', '郭', '邱', '曾', '廖', '賴', '徐', '周', '葉',
  '蘇', '莊', '呂', '江', '何', '蕭', '羅', '高', '潘', '簡', '朱', '鍾', '游', '彭', '詹', '胡', '施', '沈', '余', '盧', '梁', '趙',
  '顏', '柯', '翁', '魏', '孫', '戴',
];
export const TW_COMPOUND = ['歐陽', '司馬', '范姜', '張簡'];

export const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '英', '霞', '平', '刚',
  '桂', '华', '建', '国', '文', '辉', '玲', '红', '斌', '宇', '浩', '鹏', '婷', '雪', '琳', '晨', '欣', '怡', '佳', '子', '涵', '梓',
  '轩', '博', '宏', '志', '思', '雨', '嘉', '瑞', '晓', '海', '鑫', '俊', '峰', '丹', '萍', '燕', '凤', '兰', '春', '梅', '金', '玉',
  '德', '永', '清', '松', '荣', '水', '福', '生', '振', '家', '成', '泽', '彬', '昊', '天', '诗', '语', '若', '琪', '悦', '妍', '铭',
  '航', '宁', '安', '慧', '颖', '莉', '倩', '蕾', '洁', '淑', '珍', '贞', '惠', '美', '月', '立', '新', '亮', '东', '源', '财', '添',
  '旺', '进', '良', '忠', '义', '信', '仁', '智', '顺', '庆', '喜', '锦', '珠', '宝', '恩', '乐', '依', '晴', '睿', '煜', '沐', '辰',
  '奕', '骏', '翔', '彤', '露', '蓉', '秋', '冬', '芬', '娇', '钦', '炜', '榕', '闽', '岚', '鸿', '钰', '瑶', '琦', '婉', '菁',
];
export const TW_GIVEN = [
  '偉', '芳', '娜', '敏', '靜', '麗', '強', '志', '明', '俊', '傑', '宏', '文', '雅', '婷', '怡', '君', '佳', '慧', '淑', '芬', '美',
  '玲', '惠', '珍', '秀', '英', '華', '建', '國', '家', '豪', '翔', '宇', '彥', '廷', '柏', '諭', '詠', '琪', '欣', '瑜', '筱', '涵',
  '婕', '宗', '昇', '祐', '承', '恩', '育', '瑋', '勝', '榮', '輝', '鴻', '嘉', '瑩', '蓉', '儀', '萱', '庭', '瑄', '哲', '銘', '凱',
  '維', '翰', '毅', '琳', '珮', '薇', '郁', '馨', '韻', '鈺', '倫', '賢', '順', '義', '德', '仁', '春', '玉', '月', '金', '鳳',
];
const MINORITY = ['阿不都·热合曼', '买买提·艾力', '古丽·阿不都', '热依拉·买买提', '扎西·次仁', '阿依古丽·吐尔逊', '迪丽娜尔·艾则孜'];

const ALL_SURNAMES = new Set([...SURNAMES, ...RARE_SURNAMES, ...TW_SURNAMES, ...COMMON_SURNAMES]);
const ALL_COMPOUNDS = new Set([...COMPOUND_SURNAMES, ...TW_COMPOUND]);
const ALL_GIVEN = new Set([...GIVEN, ...TW_GIVEN]);

export interface NameOpts {
  trad?: boolean;
  compound?: number;
  rare?: number;
  minority?: number;
  husband?: number;
  spaces?: number;
}

/** A personal name: Simplified (mainland) or Traditional (Taiwan, incl. 冠夫姓), some compound or rare surnames. */
export function personName(r: Rng, o: NameOpts = {}): string {
  const given = (list: readonly string[]): string => (r.chance(0.75) ? r.pick(list) + r.pick(list) : r.pick(list));
  let n: string;
  if (o.trad === true) {
    if (r.chance(o.husband ?? 0.06)) n = r.pick(TW_SURNAMES) + r.pick(TW_SURNAMES) + r.pick(TW_GIVEN) + r.pick(TW_GIVEN);
    else if (r.chance(o.compound ?? 0.02)) n = r.pick(TW_COMPOUND) + given(TW_GIVEN);
    else n = r.pick(TW_SURNAMES) + (r.chance(0.9) ? r.pick(TW_GIVEN) + r.pick(TW_GIVEN) : r.pick(TW_GIVEN));
  } else {
    const x = r.next();
    if (x < (o.minority ?? 0.005)) n = r.pick(MINORITY);
    else if (x < (o.minority ?? 0.005) + (o.compound ?? 0.02)) n = r.pick(COMPOUND_SURNAMES) + given(GIVEN);
    else if (x < (o.minority ?? 0.005) + (o.compound ?? 0.02) + (o.rare ?? 0.02)) n = r.pick(RARE_SURNAMES) + given(GIVEN);
    else n = (r.chance(0.4) ? r.pick(COMMON_SURNAMES) : r.pick(SURNAMES)) + given(GIVEN);
  }
  const s = r.next();
  if (s < (o.spaces ?? 0.02) && n.length === 2 && !n.includes('·')) return `${n[0]} ${n[1]}`;
  if (s < (o.spaces ?? 0.02) * 2) return `${n} `;
  return n;
}

/** A Chinese personal name by shape: a known surname (or two, 冠夫姓), then 1–2 given-name characters of the lists. */
export function looksLikeName(v: string): boolean {
  const x = v.trim().replace(/\s/g, '');
  if (/^[\u4e00-\u9fa5]{2,4}·[\u4e00-\u9fa5]{2,5}$/.test(x)) return true;
  const givenOk = (g: string): boolean => g.length >= 1 && g.length <= 2 && [...g].every((c) => ALL_GIVEN.has(c));
  if (ALL_COMPOUNDS.has(x.slice(0, 2)) && givenOk(x.slice(2))) return true;
  if (ALL_SURNAMES.has(x.slice(0, 1)) && ALL_SURNAMES.has(x.slice(1, 2)) && x.length === 4 && givenOk(x.slice(2))) return true;
  return ALL_SURNAMES.has(x.slice(0, 1)) && givenOk(x.slice(1));
}

/** The soft look-alike: a 2–4-character word that begins with a surname (司机端, 王厝坪, 白青乡). */
export function startsWithSurname(v: string): boolean {
  const x = v.trim();
  return /^[\u4e00-\u9fa5]{2,4}$/.test(x) && (ALL_SURNAMES.has(x[0] as string) || ALL_COMPOUNDS.has(x.slice(0, 2)));
}

// ---------------------------------------------------------------------------------------------
// Addresses

const FZ_ROADS: Record<string, readonly string[]> = {
  鼓楼区: ['五四路', '杨桥中路', '湖东路', '东街', '温泉支路', '铜盘路', '西二环中路', '华林路'],
  台江区: ['八一七中路', '工业路', '江滨中大道', '广达路', '五一中路'],
  仓山区: ['盖山路', '首山路', '则徐大道', '浦上大道', '建新南路', '南江滨西大道'],
  晋安区: ['福新中路', '岳峰路', '连江北路', '长乐北路', '鹤林路'],
  马尾区: ['罗星东路', '儒江西路', '江滨东大道'],
  长乐区: ['郑和中路', '吴航路', '航城街道胜利路'],
  闽侯县: ['甘蔗街道昙石山中大道', '上街镇乌龙江南大道', '南屿镇葛岐路'],
  福清市: ['清昌大道', '福唐路', '龙江路'],
  平潭县: ['西航路', '北环路', '金井湾大道', '龙山路', '中原路', '麒麟路'],
  思明区: ['厦禾路', '莲前西路', '湖滨南路', '嘉禾路'],
  湖里区: ['县后路', '枋湖北二路', '江头北路'],
};
const ESTATES = ['融侨锦江', '正祥城', '金山碧水', '万科金域华府', '世茂外滩花园', '阳光城翡丽湾', '泰禾红峪', '建发央玺', '中庚香海', '麒麟湾花园', '海坛花园', '金井湾小区', '象屿宸悦'];
const PINGTAN_TOWNS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['潭城镇', ['城中村', '西航村', '东门村', '东星村']],
  ['苏澳镇', ['先进村', '斗门村', '君山村', '东澳村']],
  ['流水镇', ['北港村', '东沙村', '流水村', '磹水村']],
  ['澳前镇', ['钱便澳村', '猴研村', '山岐澳村', '澳前村']],
  ['北厝镇', ['金井村', '北厝村', '看澳村', '南垄村']],
  ['平原镇', ['上楼村', '马腿村', '平原村', '山门村']],
  ['敖东镇', ['东美村', '青峰村', '敖东村', '大坪村']],
  ['白青乡', ['白沙村', '青观顶村', '白青村']],
  ['中楼乡', ['中楼村', '东楼村', '上攀村']],
  ['芦洋乡', ['芦洋村', '湖东村', '南山村']],
];
export { PINGTAN_TOWNS };

export function fuzhouAddress(r: Rng, full = true): string {
  const counties = Object.keys(FZ_ROADS);
  const county = r.pick(counties);
  const city = county === '思明区' || county === '湖里区' ? '厦门市' : '福州市';
  const road = r.pick(FZ_ROADS[county] as readonly string[]);
  const prefix = full && r.chance(0.5) ? `福建省${city}${county}` : `${city}${county}`;
  const x = r.next();
  if (x < 0.45) return `${prefix}${road}${r.int(1, 400)}号${r.pick(ESTATES)}${r.int(1, 32)}号楼${r.int(1, 3) > 1 ? `${r.int(1, 3)}单元` : ''}${r.int(1, 33)}${pad(r.int(1, 8))}室`;
  if (x < 0.75) return `${prefix}${road}${r.int(1, 600)}号${r.int(1, 28)}${pad(r.int(1, 6))}`;
  return `${prefix}${r.pick(ESTATES)}${r.int(1, 40)}栋${r.int(1, 30)}${pad(r.int(1, 6))}室`;
}

export function pingtanAddress(r: Rng): string {
  const [town, villages] = r.pick(PINGTAN_TOWNS);
  const pre = r.pick(['福建省平潭综合实验区', '平潭综合实验区', '福建省福州市平潭县', '平潭县']);
  if (r.chance(0.3)) return `${pre}${r.pick(FZ_ROADS['平潭县'] as readonly string[])}${r.int(1, 300)}号${r.chance(0.5) ? `${r.int(1, 18)}${pad(r.int(1, 4))}室` : ''}`;
  return `${pre}${town}${r.pick(villages)}${r.chance(0.2) ? `${r.pick(['上', '下', '后', '前'])}厝` : ''}${r.int(1, 260)}号`;
}

const ADDRESS_MARK = /(省|市|区|區|县|縣|镇|鎮|乡|鄉|村|路|街|巷|道|弄|小区|花园|校区|公寓|大厦|广场)/;
const NUMBER_UNIT = /\d+(号|號|栋|棟|幢|室|单元|單元|樓|楼|层|層)/;
export function looksLikeAddress(v: string): boolean {
  const x = v.trim();
  if (x.length < 6) return false;
  const m = ADDRESS_MARK.exec(x);
  if (m === null) return false;
  return NUMBER_UNIT.test(x.slice(m.index));
}

// ---------------------------------------------------------------------------------------------
// Health and genetics

export const DIAGNOSES = [
  '高血压', '2型糖尿病', '冠心病', '慢性胃炎', '甲状腺功能亢进', '过敏性鼻炎', '支气管哮喘', '腰椎间盘突出症', '痛风', '缺铁性贫血',
  '乙肝病毒携带', '慢性乙型病毒性肝炎', '癫痫', '青霉素过敏', '高脂血症', '脂肪肝', '半月板损伤', '前交叉韧带损伤', '心律失常',
  '抑郁症', '1型糖尿病', '系统性红斑狼疮', '类风湿关节炎', '胆结石', '甲状腺结节',
];
export const RENAL = ['糖尿病肾病', '高血压肾损害', '慢性肾小球肾炎', '多囊肾', 'IgA肾病', '狼疮性肾炎', '梗阻性肾病', '慢性间质性肾炎', '痛风性肾病'];
export const EYE_TW = ['高度近視', '青光眼', '白內障', '乾眼症', '弱視', '圓錐角膜', '糖尿病視網膜病變', '黃斑部病變', '斜視', '視網膜剝離'];
export const DRUGS = ['低分子肝素钙', '低分子肝素钠', '普通肝素', '枸橼酸钠', '阿加曲班', '那屈肝素钙', '达肝素钠'];
export const TESTS = ['ALT', 'HBsAg', '抗-HCV', '抗-HIV', '梅毒螺旋体抗体', '血红蛋白', '血小板计数', '谷丙转氨酶'];
const MED_TERMS = [
  ...DIAGNOSES, ...RENAL, ...EYE_TW, ...DRUGS, ...TESTS, '肝炎', '肾病', '肾炎', '糖尿病', '高血壓', '糖尿病', '哮喘', '過敏', '过敏',
  '癫痫', '癲癇', '抑郁', '阿莫西林', '奥司他韦', '司美格鲁肽', '二甲双胍', '胰岛素', '头孢', '布洛芬', '甲钴胺', '阿托伐他汀',
  '促红细胞生成素', '骨化三醇', '碳酸司维拉姆', '蔗糖铁', '贫血', '白内障', '青光眼', '近视', '弱视', '阳性', '陽性', '心脏病',
  '冠心病', '肿瘤', '癌', '结核', '流感', '新冠', '心肌', '脑梗', '中风', '溃疡', '瘤',
];
export function looksLikeMedical(v: string): boolean {
  const x = v.trim();
  if (/^[A-TV-Z]\d{2}(\.\d{1,3})?$/.test(x)) return true;
  return MED_TERMS.some((t) => (/[A-Za-z]/.test(t) ? new RegExp(`(?<![A-Za-z])${t.replace(/[-*]/g, '\\$&')}(?![A-Za-z])`).test(x) : x.includes(t)));
}

export const HLA_A = ['A*02:01', 'A*11:01', 'A*24:02', 'A*33:03', 'A*02:07', 'A*30:01', 'A*01:01'];
export const HLA_B = ['B*46:01', 'B*58:01', 'B*40:01', 'B*13:01', 'B*15:02', 'B*51:01', 'B*38:02', 'B*54:01'];
export function hlaTyping(r: Rng): string {
  const a = [r.pick(HLA_A), r.pick(HLA_A)].sort();
  const b = [r.pick(HLA_B), r.pick(HLA_B)].sort();
  const x = r.next();
  if (x < 0.5) return `HLA-${a[0]}/${a[1]}; HLA-${b[0]}/${b[1]}`;
  if (x < 0.8) return `HLA-${a[0]},${a[1]} ${b[0]},${b[1]}`;
  return `HLA-${b[0]}/${b[1]}`;
}
export function fitnessGene(r: Rng): string {
  const [g, rs, alleles] = r.pick([
    ['ACTN3', 'rs1815739', ['CC', 'CT', 'TT']],
    ['ACE', 'rs4646994', ['II', 'ID', 'DD']],
    ['FTO', 'rs9939609', ['AA', 'AT', 'TT']],
    ['PPARGC1A', 'rs8192678', ['GG', 'GA', 'AA']],
    ['COL5A1', 'rs12722', ['CC', 'CT', 'TT']],
    ['ADRB2', 'rs1042713', ['AA', 'AG', 'GG']],
  ] as const);
  const call = r.pick(alleles);
  return r.chance(0.6) ? `${g} ${rs} ${call}` : `${rs} ${call}`;
}
export function looksLikeGenetic(v: string): boolean {
  const x = v.trim();
  return /\brs\d{3,}\s*[ACGTID]{1,2}\b/.test(x) || /HLA-[A-Z]+\d?\*\d{2,3}:\d{2}/.test(x) || /\bc\.[-*]?\d+[ACGT_]/.test(x) || /^[ACGT]{12,}$/.test(x);
}

/** The form of a credential: 6+ non-space characters, not a plain word. */
export function looksLikeSecret(v: string): boolean {
  const x = v.trim();
  if (!/^\S{6,128}$/.test(x)) return false;
  if (/^\d{6,8}$/.test(x)) return true;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(x)).length;
  return classes >= 3;
}

export function password(r: Rng): string {
  const words = ['Gym', 'Fit', 'Power', 'Run', 'Coach', 'Body', 'Muscle', 'Yoga', 'Spin'];
  const x = r.next();
  if (x < 0.5) return `${r.pick(words)}${r.pick(['@', '#', '!', '$', '_'])}${r.digits(4)}`;
  const cs = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  let s = '';
  for (let i = 0; i < r.int(8, 12); i++) s += cs[r.int(0, cs.length - 1)];
  return s.slice(0, 3) + r.pick(['#', '!', '*', '%', '&']) + r.int(1, 9) + s.slice(3);
}

// ---------------------------------------------------------------------------------------------
// Decoy helpers

/** ISO 6346 container number with its check digit. */
export function containerNo(r: Rng): string {
  const owner = r.pick(['TGHU', 'MSCU', 'CSNU', 'OOLU', 'TCLU', 'EGHU', 'CMAU', 'SEGU', 'FCIU', 'BMOU']);
  const serial = r.digits(6);
  const val = (c: string): number => {
    if (/\d/.test(c)) return Number(c);
    let n = 10;
    for (let k = 65; k < c.charCodeAt(0); k++) {
      n++;
      if (n % 11 === 0) n++;
    }
    return n;
  };
  let s = 0;
  const body = owner + serial;
  for (let i = 0; i < 10; i++) s += val(body[i] as string) * 2 ** i;
  return `${body}${(s % 11) % 10}`;
}

/** 20-digit ICCID of a China SIM: 8986 + operator + … + Luhn digit. */
export function iccid(r: Rng): string {
  const body = `8986${r.pick(['00', '01', '03', '11', '15'])}${r.digits(13)}`;
  return body + luhnDigit(body);
}

/** 15-digit IMSI 460 + MNC + MSIN. */
export function imsi(r: Rng): string {
  return `460${r.pick(['00', '01', '02', '03', '07', '11', '15'])}${r.digits(10)}`;
}

export const MASK = (s: string, keepHead: number, keepTail: number): string => s.slice(0, keepHead) + '*'.repeat(s.length - keepHead - keepTail) + s.slice(s.length - keepTail);

/**
 * The checksum types any alphanumeric token of a string passes: resident ID or permit with any plausible
 * province prefix (and the 15-digit legacy form with a date), USCC, VIN, HKID, Taiwan ID, Luhn on 16–19 digits.
 */
export function checksumHits(v: string): string[] {
  const hits = new Set<string>();
  const tokens = v.toUpperCase().split(/[^0-9A-Z]+/).filter((t) => t !== '');
  const whole = v.toUpperCase().replace(/[\s-]/g, '');
  for (const t of new Set([...tokens, whole])) {
    if (idLikeAnyRegion(t)) hits.add('resident_id_or_permit');
    if (t.length === 18 && isUscc(t)) hits.add('cn_uscc');
    if (t.length === 17 && isVin(t)) hits.add('vin');
    if (/^[A-Z]{1,2}\d{7}$|^[A-Z]{1,2}\d{6}A$/.test(t) && isHkid(t)) hits.add('hk_id');
    if (isTwNationalId(t)) hits.add('tw_national_id');
    if (/^\d{16,19}$/.test(t) && luhnValid(t)) hits.add('bank_card');
  }
  return [...hits];
}
