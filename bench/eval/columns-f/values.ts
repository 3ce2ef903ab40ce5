/**
 * Value makers, check algorithms and validators of the sixth blind column set (columns-f), written
 * from /work/shared/contracts/detector-types.md and /work/shared/reference/customs.md only.
 *
 * Check algorithms: GB 11643 ISO 7064 MOD 11-2 (with GB/T 2260 address codes and real dates; the
 * 810000/820000/830000 residence permits), GB 32100 mod 31 with the GB 11714 organisation-code check
 * inside it, ISO 3779 VIN, HKID mod 11, the Taiwan ID checksum, Luhn, ISO 6346 container numbers.
 */

// ---------------------------------------------------------------------------------------------
// Random stream

/** mulberry32 over a 32-bit seed; deterministic across platforms. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  static from(seed: number, name: string): Rng {
    let h = 2166136261 ^ seed;
    for (const ch of name) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
    return new Rng(h >>> 0);
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
  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
  hex(n: number): string {
    return this.chars(n, '0123456789abcdef');
  }
  /** A weighted choice: [[weight, value], …]. */
  weighted<T>(items: ReadonlyArray<readonly [number, T]>): T {
    const total = items.reduce((s, [w]) => s + w, 0);
    let x = this.next() * total;
    for (const [w, v] of items) {
      x -= w;
      if (x < 0) return v;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted from an empty list');
    return last[1];
  }
}

// ---------------------------------------------------------------------------------------------
// Dates, always in UTC

export const utc = (y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date => new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
const p2 = (n: number): string => String(n).padStart(2, '0');
export const ymd = (d: Date, sep = '-'): string => `${d.getUTCFullYear()}${sep}${p2(d.getUTCMonth() + 1)}${sep}${p2(d.getUTCDate())}`;
export const hms = (d: Date): string => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
export const moment = (d: Date): string => `${ymd(d)} ${hms(d)}`;
/** ISO 8601 with a +08:00 offset, the wall clock of Beijing time for a UTC instant. */
export const isoBeijing = (d: Date): string => {
  const b = new Date(d.getTime() + 8 * 3600_000);
  return `${ymd(b)}T${hms(b)}+08:00`;
};
/** A random instant between two dates. */
export function between(r: Rng, from: Date, to: Date): Date {
  return new Date(from.getTime() + Math.floor(r.next() * (to.getTime() - from.getTime())));
}
/** A random calendar day between two dates (time 00:00 UTC). */
export function dayBetween(r: Rng, from: Date, to: Date): Date {
  const d = between(r, from, to);
  return utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
export function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

// ---------------------------------------------------------------------------------------------
// GB/T 2260 address codes (county level; real codes)

export const ADDRESS_CODES: Record<string, string> = {
  '350102': '福建省福州市鼓楼区', '350103': '福建省福州市台江区', '350104': '福建省福州市仓山区', '350105': '福建省福州市马尾区',
  '350111': '福建省福州市晋安区', '350112': '福建省福州市长乐区', '350121': '福建省闽侯县', '350122': '福建省连江县',
  '350123': '福建省罗源县', '350124': '福建省闽清县', '350125': '福建省永泰县', '350128': '福建省平潭县', '350181': '福建省福清市',
  '350203': '福建省厦门市思明区', '350205': '福建省厦门市海沧区', '350206': '福建省厦门市湖里区', '350211': '福建省厦门市集美区',
  '350212': '福建省厦门市同安区', '350213': '福建省厦门市翔安区', '350302': '福建省莆田市城厢区', '350303': '福建省莆田市涵江区',
  '350322': '福建省仙游县', '350502': '福建省泉州市鲤城区', '350503': '福建省泉州市丰泽区', '350521': '福建省惠安县',
  '350524': '福建省安溪县', '350581': '福建省石狮市', '350582': '福建省晋江市', '350583': '福建省南安市', '350602': '福建省漳州市芗城区',
  '350623': '福建省漳浦县', '350702': '福建省南平市延平区', '350802': '福建省龙岩市新罗区', '350902': '福建省宁德市蕉城区',
  '350981': '福建省福安市', '110101': '北京市东城区', '110105': '北京市朝阳区', '110108': '北京市海淀区', '310104': '上海市徐汇区',
  '310115': '上海市浦东新区', '320102': '江苏省南京市玄武区', '330106': '浙江省杭州市西湖区', '340102': '安徽省合肥市瑶海区',
  '360102': '江西省南昌市东湖区', '370102': '山东省济南市历下区', '410105': '河南省郑州市金水区', '420106': '湖北省武汉市武昌区',
  '430102': '湖南省长沙市芙蓉区', '440106': '广东省广州市天河区', '440305': '广东省深圳市南山区', '450102': '广西壮族自治区南宁市兴宁区',
  '500103': '重庆市渝中区', '510107': '四川省成都市武侯区', '520102': '贵州省贵阳市南明区', '530102': '云南省昆明市五华区',
  '610113': '陕西省西安市雁塔区', '620102': '甘肃省兰州市城关区', '650102': '新疆维吾尔自治区乌鲁木齐市天山区',
  '652801': '新疆维吾尔自治区库尔勒市', '540102': '西藏自治区拉萨市城关区', '150102': '内蒙古自治区呼和浩特市新城区',
  '640104': '宁夏回族自治区银川市兴庆区', '210102': '辽宁省沈阳市和平区', '230102': '黑龙江省哈尔滨市道里区', '130102': '河北省石家庄市长安区',
  '140105': '山西省太原市小店区', '460106': '海南省海口市龙华区', '360730': '江西省宁都县', '430524': '湖南省隆回县',
};
const CODES = Object.keys(ADDRESS_CODES);
const FUJIAN_CODES = CODES.filter((c) => c.startsWith('35'));
export const PERMIT_CODES = new Set(['810000', '820000', '830000']);

// ---------------------------------------------------------------------------------------------
// Check algorithms

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643 check character of the first 17 digits. */
export function mod112(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return '10X98765432'[s % 11] as string;
}
export function passesMod112(v: string): boolean {
  const t = v.toUpperCase();
  return /^\d{17}[\dX]$/.test(t) && mod112(t.slice(0, 17)) === t[17];
}

/**
 * What an 18/15-character value is under GB 11643: `cn` (mainland address code, real date, check
 * holds), `810000`/`820000`/`830000` (the permits), `legacy` (15 digits, address code, real 19YY date)
 * or undefined. Spaces inside are ignored; a lower-case x is accepted.
 */
export function gb11643Kind(raw: string): string | undefined {
  const v = raw.replace(/\s/g, '').toUpperCase();
  if (/^\d{15}$/.test(v)) {
    if (ADDRESS_CODES[v.slice(0, 6)] === undefined) return undefined;
    return validDate(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12))) ? 'legacy' : undefined;
  }
  if (!passesMod112(v)) return undefined;
  if (!validDate(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return undefined;
  const y = Number(v.slice(6, 10));
  if (y < 1900 || y > 2024) return undefined;
  const code = v.slice(0, 6);
  if (PERMIT_CODES.has(code)) return code;
  return ADDRESS_CODES[code] !== undefined ? 'cn' : undefined;
}

/** GB 32100 alphabet (31 symbols: no I O Z S V). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function usccCheck(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET.indexOf(first17[i] as string) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET[(31 - (s % 31)) % 31] as string;
}
export function isUscc(raw: string): boolean {
  const v = raw.trim();
  if (v.length !== 18) return false;
  for (const c of v) if (!USCC_ALPHABET.includes(c)) return false;
  return usccCheck(v.slice(0, 17)) === v[17];
}
/** GB 11714 organisation-code check character of 8 characters (digits and capitals, A = 10 …). */
export function orgCodeCheck(first8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i] as string;
    const n = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    s += n * (w[i] ?? 0);
  }
  const r = 11 - (s % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
export function vinCheck(vin17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin17[i] as string;
    const n = /\d/.test(c) ? Number(c) : (VIN_VALUES[c] ?? 0);
    s += n * (VIN_WEIGHTS[i] ?? 0);
  }
  const r = s % 11;
  return r === 10 ? 'X' : String(r);
}
export function isVin(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  return vinCheck(v) === v[8];
}

/** HKID check character: 1–2 letters + 6 digits. */
export function hkidCheck(body: string): string {
  const b = body.length === 7 ? ` ${body}` : body;
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const c = b[i] as string;
    const n = c === ' ' ? 36 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    s += n * (9 - i);
  }
  const r = 11 - (s % 11);
  return r === 11 ? '0' : r === 10 ? 'A' : String(r);
}
export function isHkid(raw: string): boolean {
  const m = /^([A-Z]{1,2}\d{6})\(?([0-9A])\)?$/.exec(raw.trim().toUpperCase());
  return m !== null && hkidCheck(m[1] as string) === m[2];
}

const TW_LETTERS: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35,
  P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};
export function twIdSum(v: string): number {
  const code = TW_LETTERS[v[0] as string] ?? 0;
  const w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  const ds = [Math.floor(code / 10), code % 10, ...v.slice(1).split('').map(Number)];
  return ds.reduce((s, d, i) => s + d * (w[i] ?? 0), 0);
}
export function isTwNationalId(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  return /^[A-Z][12]\d{8}$/.test(v) && twIdSum(v) % 10 === 0;
}

export function luhnValid(d: string): boolean {
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    s += n;
  }
  return s % 10 === 0;
}
/** The Luhn check digit to append to `body`. */
export function luhnDigit(body: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(body + String(c))) return String(c);
  throw new Error('unreachable');
}

/** ISO 6346 letter values: A = 10 … skipping multiples of 11. */
function iso6346Value(c: string): number {
  if (/\d/.test(c)) return Number(c);
  let v = 10;
  for (let x = 65; x < c.charCodeAt(0); x++) {
    v++;
    if (v % 11 === 0) v++;
  }
  return v;
}
export function iso6346Check(first10: string): string {
  let s = 0;
  for (let i = 0; i < 10; i++) s += iso6346Value(first10[i] as string) * 2 ** i;
  return String((s % 11) % 10);
}
export function isContainerNo(raw: string): boolean {
  const v = raw.replace(/\s/g, '');
  return /^[A-Z]{3}[UJZ]\d{7}$/.test(v) && iso6346Check(v.slice(0, 10)) === v[10];
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/** Birth date of an adult/child between two years. */
export function birth(r: Rng, fromYear: number, toYear: number): Date {
  return dayBetween(r, utc(fromYear, 1, 1), utc(toYear, 12, 31));
}

/** A mainland resident ID (valid). */
export function residentId(r: Rng, opts: { code?: string; born?: Date; male?: boolean; fujian?: number } = {}): string {
  const code = opts.code ?? (r.chance(opts.fujian ?? 0.7) ? r.pick(FUJIAN_CODES) : r.pick(CODES));
  const born = opts.born ?? birth(r, 1950, 2003);
  const male = opts.male ?? r.chance(0.5);
  let seq = r.int(0, 99) * 10 + r.int(0, 4) * 2 + (male ? 1 : 0);
  if (seq === 0) seq = 2;
  const body = `${code}${ymd(born, '')}${String(seq).padStart(3, '0')}`;
  return body + mod112(body);
}
/** A residence permit of a HK (810000), Macao (820000) or Taiwan (830000) resident (valid). */
export function residencePermit(r: Rng, code: '810000' | '820000' | '830000'): string {
  return residentId(r, { code, born: birth(r, 1955, 2004) });
}
/** A one-character typo that breaks the check (for dirt). */
export function typoId(r: Rng, id: string): string {
  for (;;) {
    const i = r.int(14, 16);
    const d = String((Number(id[i]) + r.int(1, 9)) % 10);
    const t = id.slice(0, i) + d + id.slice(i + 1);
    if (!passesMod112(t)) return t;
  }
}
/** Writing variants of a valid ID: lower-case x, 6-8-4 spacing, leading space. */
export function idVariant(r: Rng, id: string, p = 0.06): string {
  let v = id;
  if (v.endsWith('X') && r.chance(0.35)) v = v.slice(0, 17) + 'x';
  if (r.chance(p / 2)) return `${v.slice(0, 6)} ${v.slice(6, 14)} ${v.slice(14)}`;
  if (r.chance(p / 3)) return ` ${v}`;
  return v;
}
/** An ID that ends in X (for the lower-case-x variety). */
export function residentIdEndingX(r: Rng): string {
  for (;;) {
    const id = residentId(r);
    if (id.endsWith('X')) return id;
  }
}

export function cnPassport(r: Rng): string {
  if (r.chance(0.6)) return `E${r.chance(0.5) ? r.chars(1, 'ABCDEFGHJKLMNPQRSTUVWXYZ') : String(r.int(0, 9))}${r.digits(7)}`;
  return `G${r.int(3, 6)}${r.digits(7)}`;
}
/** 回乡证: H/M + 8 digits, with the 2-digit renewal count in 60 %. */
export function homeReturnPermit(r: Rng, region: 'H' | 'M'): string {
  const base = `${region}${r.int(0, 9)}${r.digits(7)}`;
  return r.chance(0.6) ? `${base}${p2(r.int(0, 12))}` : base;
}
/** 台胞证: the 8-digit lifelong number; 10 % with the issue count (`01`, `(01)`). */
export function twTravelPermit(r: Rng): string {
  const n = `${r.int(0, 1) === 0 ? r.int(1, 9) : 0}${r.digits(7)}`;
  const roll = r.next();
  if (roll < 0.05) return `${n}${p2(r.int(1, 6))}`;
  if (roll < 0.1) return `${n}(${p2(r.int(1, 6))})`;
  return n;
}
export function hkid(r: Rng): string {
  const prefix = r.chance(0.12) ? r.pick(['XA', 'XB', 'WX', 'XD']) : r.pick(['A', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'P', 'R', 'V', 'Y', 'Z']);
  const body = `${prefix}${r.digits(6)}`;
  const c = hkidCheck(body);
  return r.chance(0.7) ? `${body}(${c})` : `${body}${c}`;
}
export function twNationalId(r: Rng, male = r.chance(0.5)): string {
  const letter = r.pick(['A', 'A', 'B', 'E', 'F', 'F', 'H', 'J', 'K', 'N', 'P', 'Q', 'R', 'S', 'T', 'D', 'G', 'V', 'U']);
  const body = `${letter}${male ? 1 : 2}${r.digits(7)}`;
  for (let c = 0; c <= 9; c++) if (twIdSum(body + String(c)) % 10 === 0) return body + String(c);
  throw new Error('unreachable');
}

/** A USCC of a company (91 + county code + organisation code with GB 11714 check + GB 32100 check). */
export function uscc(r: Rng, opts: { kind?: string; code?: string; org8?: string } = {}): string {
  const kind = opts.kind ?? r.weighted([[8, '91'], [1, '92'], [1, '52'], [1, '12']] as const);
  const code = opts.code ?? (r.chance(0.8) ? r.pick(FUJIAN_CODES) : r.pick(CODES));
  const org8 = opts.org8 ?? (kind === '92' || (kind === '91' && r.chance(0.7)) ? `MA${r.chars(6, '0123456789ABCDEFGHJKLMNPQRTUWXY')}` : r.digits(8));
  let oc = orgCodeCheck(org8);
  if (!USCC_ALPHABET.includes(oc)) oc = '0';
  const body = `${kind}${code}${org8}${oc}`;
  return body + usccCheck(body);
}

// ---------------------------------------------------------------------------------------------
// Phones

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178', '180', '181', '182',
  '183', '184', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199',
];
const COMMON_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '180', '181', '186', '187', '188', '189', '177', '199', '198', '191', '190', '192', '196', '197', '173'];
export function mobile(r: Rng): string {
  return `${r.chance(0.85) ? r.pick(COMMON_PREFIXES) : r.pick(MOBILE_PREFIXES)}${r.digits(8)}`;
}
/** Writing variants of a mobile. */
export function mobileVariant(r: Rng, m: string, style: 'plain' | 'mixed' | 'intl' | 'dash' | 'space'): string {
  const dashed = `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  const spaced = `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
  switch (style) {
    case 'plain':
      return m;
    case 'dash':
      return r.chance(0.7) ? dashed : m;
    case 'space':
      return r.chance(0.7) ? spaced : m;
    case 'intl':
      return r.weighted([[4, `+86 ${m}`], [2, `+86${m}`], [1, `+86 ${spaced}`], [1, `+86-${m}`], [1, `0086${m}`], [3, m]] as const);
    case 'mixed':
      return r.weighted([[10, m], [2, dashed], [2, spaced], [1, `+86 ${m}`], [1, `+86${m}`]] as const);
  }
}
export function isCnMobile(raw: string): boolean {
  const v = raw.trim().replace(/^(\+86|0086|86)[\s-]?/, '').replace(/[\s-]/g, '');
  return /^1\d{10}$/.test(v) && MOBILE_PREFIXES.includes(v.slice(0, 3));
}

export function twMobile(r: Rng): string {
  const n = `9${r.int(0, 8)}${r.digits(7)}`;
  return r.weighted([
    [5, `0${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`],
    [2, `0${n}`],
    [2, `+886 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`],
    [1, `+886-${n}`],
    [1, `+886${n}`],
  ] as const);
}
export function isTwMobile(raw: string): boolean {
  const v = raw.trim().replace(/[\s-]/g, '');
  return /^(09\d{8}|\+8869\d{8})$/.test(v);
}
/** A Taiwan fixed line (no contract type): (02)2712-3456, 07-335-1234, 04-2326-7788. */
export function twLandline(r: Rng): string {
  const area = r.pick(['02', '02', '04', '07', '06', '03', '08']);
  const n = area === '02' || area === '04' ? r.digits(8) : r.digits(7);
  const local = n.length === 8 ? `${n.slice(0, 4)}-${n.slice(4)}` : `${n.slice(0, 3)}-${n.slice(3)}`;
  return r.chance(0.6) ? `(${area})${local}` : `${area}-${local}`;
}

/** Mainland area codes with their local number length. */
const AREAS: ReadonlyArray<readonly [string, number]> = [
  ['0591', 8], ['0591', 8], ['0591', 8], ['0592', 7], ['0595', 8], ['0594', 7], ['0596', 7], ['0593', 7],
  ['010', 8], ['021', 8], ['020', 8], ['0755', 8], ['0571', 8], ['025', 8], ['028', 8],
];
export function landline(r: Rng, opts: { area?: string; ext?: number } = {}): string {
  const found = AREAS.find(([a]) => a === opts.area);
  const [area, len] = found ?? r.pick(AREAS);
  const local = area === '0591' && r.chance(0.5) ? `2${r.pick(['4', '3'])}${r.digits(6)}` : `${r.int(2, 8)}${r.digits(len - 1)}`;
  const body = r.weighted([[6, `${area}-${local}`], [2, `(${area})${local}`], [1, `${area} ${local}`], [1, `${area}${local}`], [1, `（${area}）${local}`]] as const);
  if (r.chance(opts.ext ?? 0.2)) return body + r.pick(['-', '转', ' ext.', '-']) + String(r.int(100, 8999));
  return body;
}
export function isCnLandline(raw: string): boolean {
  const area = '(0[12]\\d|0[3-9]\\d{2})';
  const re = new RegExp(`^(?:\\(${area}\\)|（${area}）|${area})[\\s-]?([2-8]\\d{6,7})(?:(?:-|转| ?ext\\.?)\\d{1,5})?$`);
  const m = re.exec(raw.trim());
  if (m === null) return false;
  const code = (m[1] ?? m[2] ?? m[3]) as string;
  return code.length === 4 || (m[4] as string).length === 8;
}

// ---------------------------------------------------------------------------------------------
// Network

export function ipv4Private(r: Rng): string {
  return r.weighted([
    [3, `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`],
    [2, `192.168.${r.int(0, 255)}.${r.int(1, 254)}`],
    [1, `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`],
  ] as const);
}
export function ipv6(r: Rng): string {
  const g = (): string => r.hex(r.int(1, 4)).replace(/^0+(?=.)/, '');
  const prefix = r.pick(['240e:3b4', '2408:8456', '2409:8a3c', '240e:47c', '2001:da8:e000']);
  const rest = prefix.split(':').length;
  const groups: string[] = [];
  for (let i = rest; i < 8; i++) groups.push(g());
  if (r.chance(0.4)) {
    // compress one run of groups to ::
    return `${prefix}:${groups.slice(0, 2).join(':')}::${groups.slice(-2).join(':')}`;
  }
  return `${prefix}:${groups.join(':')}`;
}
export function mac(r: Rng, sep: ':' | '-' = ':', upper = false): string {
  const oui = r.pick(['3C:6A:2C', 'F4:8C:50', '00:1E:C2', 'AC:CF:23', 'E4:95:6E', '5C:E5:0C', '28:6C:07', '9C:9D:7E', '00:0F:E2', 'B0:FC:36', 'C8:3A:35']).split(':');
  const b = [...oui, r.hex(2), r.hex(2), r.hex(2)].map((x) => (upper ? x.toUpperCase() : x.toLowerCase()));
  return b.join(sep);
}
/** A randomised (locally administered) MAC, as phones send in probe requests. */
export function randomMac(r: Rng, sep: ':' | '-', upper: boolean): string {
  const first = (r.int(0, 63) * 4 + 2).toString(16).padStart(2, '0');
  const b = [first, r.hex(2), r.hex(2), r.hex(2), r.hex(2), r.hex(2)].map((x) => (upper ? x.toUpperCase() : x));
  return b.join(sep);
}
export function isIp(raw: string): boolean {
  const v = raw.trim();
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (m !== null) return m.slice(1).every((x) => Number(x) <= 255 && !/^0\d/.test(x));
  if (!/^[0-9a-fA-F:]+$/.test(v) || !v.includes(':')) return false;
  const parts = v.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return parts.length === 2 ? groups.length < 8 : groups.length === 8;
}
export function isMac(raw: string): boolean {
  const v = raw.trim();
  return /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/.test(v) || /^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Cards, vehicles, places

/** A UnionPay-style card: 62/621/622/623 BIN, 16 or 19 digits, Luhn-valid unless `bad`. */
export function bankCard(r: Rng, opts: { len?: number; bad?: boolean } = {}): string {
  const bin = r.pick(['621700', '622848', '622202', '621226', '623061', '622588', '621483', '622908', '625965', '621799', '623668', '436742', '622700']);
  const len = opts.len ?? r.weighted([[6, 19], [3, 16], [1, 18]] as const);
  const body = bin + r.digits(len - bin.length - 1);
  const c = luhnDigit(body);
  return body + (opts.bad === true ? String((Number(c) + r.int(1, 9)) % 10) : c);
}
export function cardVariant(r: Rng, c: string, p = 0.3): string {
  if (!r.chance(p)) return c;
  const groups = c.match(/.{1,4}/g) ?? [c];
  return groups.join(r.chance(0.7) ? ' ' : '-');
}
/** A 16–19-digit number that fails Luhn. */
export function luhnFailing(r: Rng, prefix: string, len: number): string {
  const body = prefix + r.digits(len - prefix.length - 1);
  const c = luhnDigit(body);
  return body + String((Number(c) + r.int(1, 9)) % 10);
}

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
export function plate(r: Rng, opts: { province?: string; ne?: number; sep?: number; trailer?: number } = {}): string {
  const prov = opts.province ?? (r.chance(0.8) ? '闽' : r.pick(PLATE_PROVINCES.split('')));
  const city = prov === '闽' ? r.pick(['A', 'A', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K']) : r.chars(1, PLATE_LETTERS);
  let tail: string;
  if (r.chance(opts.ne ?? 0.25)) {
    tail = r.chance(0.8) ? `${r.pick(['D', 'F'])}${r.chance(0.3) ? r.chars(1, 'ABCDEFGHJK') : String(r.int(0, 9))}${r.digits(4)}` : `${r.digits(5)}${r.pick(['D', 'F'])}`;
  } else {
    const letters = r.int(0, 2);
    const cs = r.digits(5).split('');
    for (let i = 0; i < letters; i++) cs[r.int(0, 4)] = r.chars(1, PLATE_LETTERS);
    tail = cs.join('');
  }
  const sep = r.chance(opts.sep ?? 0.1) ? r.pick(['·', ' ', '-']) : '';
  const trailer = r.chance(opts.trailer ?? 0) ? '挂' : '';
  return `${prov}${city}${sep}${trailer === '' ? tail : tail.slice(0, 4)}${trailer}`;
}
export function isPlate(raw: string): boolean {
  return new RegExp(`^[${PLATE_PROVINCES}][A-HJ-NP-Z][·\\s-]?([A-HJ-NP-Z0-9]{5}|[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{4}挂)$`).test(raw.trim());
}

const WMIS = ['LSV', 'LFV', 'LGB', 'LVS', 'LSG', 'LHG', 'LFP', 'LGX', 'LB3', 'LNB', 'L6T', 'LC0', 'LRW', 'LDC', 'LGW'];
const VIN_YEARS = ['J', 'K', 'L', 'M', 'N', 'P', 'R'];
export function vin(r: Rng): string {
  const body = `${r.pick(WMIS)}${r.chars(5, VIN_ALPHABET.replace(/[0-9]/g, '') + '0123456789')}0${r.pick(VIN_YEARS)}${r.chars(1, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}${r.digits(6)}`;
  return body.slice(0, 8) + vinCheck(body) + body.slice(9);
}
/** 17 characters of the VIN alphabet whose position-9 check is wrong. */
export function vinNearMiss(r: Rng, prefix: string): string {
  for (;;) {
    const body = (prefix + r.chars(17, VIN_ALPHABET)).slice(0, 17);
    if (!isVin(body)) return body;
  }
}

/** A point near a centre, 6 decimals. */
export function geo(r: Rng, lat: number, lng: number, spread: number, decimals = 6): [string, string] {
  const a = lat + (r.next() - 0.5) * spread;
  const b = lng + (r.next() - 0.5) * spread;
  return [a.toFixed(decimals), b.toFixed(decimals)];
}
export function geoText(r: Rng, lat: number, lng: number, spread: number): string {
  const [a, b] = geo(r, lat, lng, spread, r.chance(0.7) ? 6 : 5);
  return r.weighted([[6, `${a},${b}`], [2, `${a}, ${b}`], [1, `${a} ${b}`]] as const);
}
export function isGeo(raw: string): boolean {
  const m = /^\(?(-?\d{1,2}\.\d{4,})\s*[,， ]\s*(-?\d{1,3}\.\d{4,})\)?$/.exec(raw.trim());
  if (m === null) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return Math.abs(a) <= 90 && Math.abs(b) <= 180;
}

export function email(r: Rng, name?: string): string {
  const user = name ?? r.weighted([
    [3, `${r.pick(['lin', 'chen', 'wang', 'zhang', 'huang', 'zheng', 'wu', 'liu', 'xu', 'he', 'weng', 'you', 'zhan'])}${r.pick(['', '.', '_'])}${r.pick(['wei', 'min', 'jie', 'hui', 'ling', 'yan', 'hao', 'qiang', 'xin', 'mei', 'jun'])}${r.chance(0.6) ? String(r.int(1, 9999)) : ''}`],
    [2, String(r.int(10000, 3999999999))],
    [1, `${r.pick(['sunny', 'leo', 'amy', 'kevin', 'tony', 'grace', 'jason', 'ivy', 'alan'])}${r.int(80, 2005)}`],
  ] as const);
  const domain = /^\d+$/.test(user) ? 'qq.com' : r.pick(['163.com', '126.com', 'qq.com', 'gmail.com', 'outlook.com', 'sina.com', 'foxmail.com', 'yahoo.com.tw', 'hotmail.com', 'pingtan.gov.cn', 'fjpt.edu.cn']);
  return `${user}@${domain}`;
}
export function isEmail(raw: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(raw.trim());
}

// ---------------------------------------------------------------------------------------------
// Names

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金廖贾夏韦方邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃戴莫孔汤翁游詹洪柯庄施卓颜连欧';
const COMPOUND = ['欧阳', '上官', '司马', '诸葛', '东方', '司徒', '公孙', '令狐'];
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华文玉兰建国志红梅秀琴云飞鹏宇浩然晨阳子轩梓涵欣怡思雨佳琪雅婷一诺语嫣俊豪晓东海燕春生金凤德胜振华丽萍少杰永辉惠珍淑贞美玲家豪宏伟凯瑞嘉怡锦程立新炳坤';
const TW_SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾', '邱', '廖', '賴', '周', '葉', '蘇', '莊', '呂', '江', '何', '蕭', '羅', '高', '簡', '游', '詹', '施', '沈', '盧', '顏', '柯', '翁', '魏', '孫', '戴', '鍾', '歐陽'];
const TW_GIVEN = ['志明', '淑芬', '美玲', '雅婷', '怡君', '家豪', '俊傑', '建宏', '宗翰', '承恩', '冠宇', '詩涵', '欣怡', '佩珊', '雅雯', '惠美', '秀蘭', '文雄', '國華', '美玉', '淑惠', '麗華', '明輝', '柏翰', '品妤', '宥廷', '昱辰', '鈺婷', '嘉玲', '振豐', '秀鳳', '金龍', '素貞', '瑋倫', '郁婷', '彥廷'];
const MINORITY_A = ['阿依古丽', '买买提', '热依拉', '艾克拜尔', '古丽娜尔', '努尔兰', '阿卜杜拉', '迪丽热巴', '吐尔逊', '帕提古丽', '艾尔肯', '沙吾提', '阿孜古丽', '木拉提'];
const MINORITY_B = ['买买提', '艾力', '吐尔逊', '吾斯曼', '阿不都热依木', '哈力别克', '哈斯木', '依明', '托合提', '阿不力孜', '热合曼', '努尔', '司马义'];
const MINORITY_PLAIN = ['巴特尔', '其其格', '扎西顿珠', '次仁央宗', '格桑卓玛', '乌云娜', '朝鲁门', '斯琴高娃', '旦增曲珍', '索朗次仁'];
export const MINORITY_PLAIN_SET = new Set(MINORITY_PLAIN);

export function cnName(r: Rng): string {
  const s = r.chance(0.03) ? r.pick(COMPOUND) : r.pick(SURNAMES.split(''));
  const g = r.chance(0.7) ? r.chars(2, GIVEN) : r.chars(1, GIVEN);
  return s + g;
}
export function twName(r: Rng): string {
  if (r.chance(0.08)) return `${r.pick(TW_SURNAMES.filter((x) => x.length === 1))}${r.pick(TW_SURNAMES.filter((x) => x.length === 1))}${r.pick(TW_GIVEN)}`; // 冠夫姓
  return r.pick(TW_SURNAMES) + r.pick(TW_GIVEN);
}
export function minorityName(r: Rng): string {
  if (r.chance(0.35)) return r.pick(MINORITY_PLAIN);
  return `${r.pick(MINORITY_A)}·${r.pick(MINORITY_B)}`;
}
/** A name for a mainland register: mostly Han, some minority names with ·, some Traditional. */
export function personName(r: Rng, opts: { tw?: number; minority?: number } = {}): string {
  const roll = r.next();
  if (roll < (opts.minority ?? 0.03)) return minorityName(r);
  if (roll < (opts.minority ?? 0.03) + (opts.tw ?? 0)) return twName(r);
  return cnName(r);
}
/** Dirt in a name column: an inner space or a trailing space. */
export function nameVariant(r: Rng, n: string, p = 0.03): string {
  if (!r.chance(p) || n.includes('·')) return n;
  return r.chance(0.5) && n.length === 2 ? `${n[0]} ${n[1]}` : `${n} `;
}
/** A pool of distinct names (staff columns). */
export function namePool(r: Rng, n: number, tw = 0): string[] {
  const set = new Set<string>();
  while (set.size < n) set.add(personName(r, { tw }));
  return [...set];
}

const ALL_SURNAMES = new Set([...SURNAMES.split(''), ...COMPOUND, ...TW_SURNAMES, '趙', '馬', '孫', '錢', '馮', '鄧', '譚', '陸', '韓', '魯', '葛', '麥', '區', '鄺']);
const HAN = /^[\u4e00-\u9fff]+$/;
/** A personal name by form: surname + 1–3 characters, minority names with ·, a list of unsplit ones. */
export function looksLikeName(raw: string): boolean {
  const v = raw.trim().replace(/\s+/g, '');
  if (v.includes('·')) {
    const parts = v.split('·');
    return parts.length === 2 && parts.every((p) => HAN.test(p) && p.length >= 2 && p.length <= 7);
  }
  if (MINORITY_PLAIN_SET.has(v)) return true;
  if (!HAN.test(v) || v.length < 2 || v.length > 4) return false;
  return ALL_SURNAMES.has(v.slice(0, 2)) || ALL_SURNAMES.has(v[0] as string);
}

// ---------------------------------------------------------------------------------------------
// Addresses

export const PT_TOWNS = ['潭城镇', '苏平镇', '城关街道', '中楼乡', '芦洋乡', '北厝镇', '敖东镇', '平原镇', '流水镇', '澳前镇', '金井片区', '岚城乡'];
export const PT_ROADS = ['西航路', '万宝路', '麒麟路', '金井三路', '坛西大道', '北港路', '环岛路', '城东大道', '翠园路', '中山路', '东大街', '龙凤北路', '海坛路', '岚城大道', '金井湾大道'];
export const PT_ESTATES = ['金井湾小区', '麒麟公馆', '万宝花园', '海峡如意城', '龙凤小区', '翠园新村', '岚湾壹号', '书香名邸', '滨海新城', '金港华府', '坛西安置房', '实验区人才公寓'];
const FZ_PLACES = [
  ['福州市鼓楼区', ['五四路', '湖东路', '杨桥中路', '温泉支路']],
  ['福州市台江区', ['工业路', '江滨中大道', '五一中路']],
  ['福州市仓山区', ['首山路', '上三路', '则徐大道']],
  ['福州市晋安区', ['福新中路', '岳峰路', '鼓山大道']],
  ['厦门市思明区', ['厦禾路', '湖滨南路', '莲前西路']],
  ['泉州市丰泽区', ['刺桐路', '泉秀路', '津淮街']],
  ['福清市', ['清昌大道', '福唐路', '音西街道']],
] as const;
const ESTATE_SUFFIX = ['小区', '花园', '公寓', '新村', '大厦', '家园', '苑'];
const EST_HEAD = ['融侨', '阳光', '世茂', '金辉', '中海', '正祥', '泰禾', '万科', '东方', '新城', '榕城', '海景', '丽景', '锦绣', '恒大'];

/** A Pingtan address with house number, often an estate, building, unit and room. */
export function pingtanAddress(r: Rng, withProvince = r.chance(0.6)): string {
  const head = withProvince ? r.pick(['福建省平潭综合实验区', '福建省福州市平潭县', '平潭综合实验区']) : r.pick(['平潭综合实验区', '平潭县', '']);
  const town = r.pick(PT_TOWNS);
  if (r.chance(0.25)) {
    const village = r.pick(['北厝村', '东澳村', '流水村', '钱便澳村', '芬尾村', '山门前村', '白青村', '大福村', '看澳村', '磹水村']);
    return `${head}${town}${village}${r.int(1, 320)}号`;
  }
  const road = `${r.pick(PT_ROADS)}${r.int(1, 399)}号`;
  if (r.chance(0.7)) return `${head}${town}${road}${r.pick(PT_ESTATES)}${r.int(1, 28)}号楼${r.int(1, 4)}单元${r.int(1, 28)}${p2(r.int(1, 6))}室`;
  return `${head}${town}${road}${r.chance(0.5) ? `${r.int(1, 12)}楼` : ''}`;
}
export function fujianAddress(r: Rng): string {
  if (r.chance(0.45)) return pingtanAddress(r);
  const [city, roads] = r.pick(FZ_PLACES);
  const prov = r.chance(0.5) ? '福建省' : '';
  const road = `${r.pick(roads)}${r.int(1, 600)}号`;
  if (r.chance(0.65)) return `${prov}${city}${road}${r.pick(EST_HEAD)}${r.pick(ESTATE_SUFFIX)}${r.int(1, 30)}#${r.int(1, 33)}${p2(r.int(1, 8))}`.replace(/#/, r.chance(0.5) ? '号楼' : '栋');
  return `${prov}${city}${road}`;
}
/** A household-registration address anywhere (from the ID's address code). */
export function hukouAddress(r: Rng, code?: string): string {
  const c = code ?? r.pick(CODES);
  const area = ADDRESS_CODES[c] ?? '福建省平潭县';
  if (r.chance(0.4)) return `${area}${r.pick(['城关镇', '新华街道', '东城街道', '城南镇', '和平街道'])}${r.pick(['解放路', '人民路', '建设街', '胜利路', '中山路'])}${r.int(1, 300)}号`;
  return `${area}${r.pick(['红星村', '新光村', '前进村', '和平社区', '城北社区', '东风村'])}${r.int(1, 12)}组${r.int(1, 99)}号`;
}
/** A Taiwan address, Traditional, with 里 and 鄰. */
export function taiwanAddress(r: Rng): string {
  const places = [
    ['臺北市', ['大安區', '信義區', '中山區', '士林區'], ['忠孝東路四段', '信義路五段', '民生東路三段', '和平東路二段']],
    ['新北市', ['板橋區', '新莊區', '中和區', '三重區'], ['文化路一段', '中山路二段', '中正路', '重新路四段']],
    ['臺中市', ['西屯區', '北屯區', '南屯區'], ['文心路三段', '臺灣大道四段', '崇德路二段']],
    ['高雄市', ['苓雅區', '三民區', '左營區'], ['四維三路', '建國二路', '博愛二路']],
    ['臺南市', ['東區', '中西區', '永康區'], ['東門路二段', '民族路二段', '中華路']],
    ['桃園市', ['桃園區', '中壢區'], ['中正路', '中山東路']],
  ] as const;
  const [city, dists, roads] = r.pick(places);
  const li = r.pick(['和平', '福德', '中正', '仁愛', '光明', '永安', '新興', '龍安', '何福', '興南']) + '里';
  const lin = `${r.int(1, 30)}鄰`;
  const lane = r.chance(0.4) ? `${r.int(1, 300)}巷${r.chance(0.4) ? `${r.int(1, 30)}弄` : ''}` : '';
  const floor = r.chance(0.6) ? `${r.int(2, 15)}樓${r.chance(0.3) ? `之${r.int(1, 5)}` : ''}` : '';
  return `${city}${r.pick(dists)}${li}${lin}${r.pick(roads)}${lane}${r.int(1, 399)}號${floor}`;
}
/** An address by form: an administrative or street element and a house-number element. */
export function looksLikeAddress(raw: string): boolean {
  const v = raw.trim();
  const admin = /(省|市|区|區|县|縣|镇|鎮|乡|鄉|街道|路|街|巷|村|里|大道|社区)/.test(v);
  const number = /(\d+|[一二三四五六七八九十]+)(号|號|弄|栋|棟|幢|组|樓|楼|室|单元)/.test(v) || /\d+#\d+/.test(v);
  return admin && number && v.length >= 8;
}

// ---------------------------------------------------------------------------------------------
// Health and genetic data

export const INJURY_DIAGNOSES: ReadonlyArray<readonly [string, string]> = [
  ['右手示指末节离断伤', 'S68.1'], ['左桡骨远端骨折', 'S52.50'], ['右胫腓骨骨折', 'S82.20'], ['腰1椎体压缩性骨折', 'S32.01'],
  ['左踝关节扭伤', 'S93.40'], ['头皮裂伤', 'S01.00'], ['右手挤压伤', 'S67.80'], ['轻型颅脑损伤', 'S06.00'], ['左肱骨外科颈骨折', 'S42.20'],
  ['右足第2跖骨骨折', 'S92.30'], ['左眼角膜异物', 'T15.00'], ['双手Ⅱ度烧伤', 'T23.20'], ['右侧多发肋骨骨折', 'S22.40'],
  ['腰椎间盘突出症', 'M51.20'], ['职业性噪声聋', 'H83.30'], ['急性一氧化碳中毒', 'T58.x00'], ['左膝半月板撕裂', 'S83.20'],
  ['右肩袖损伤', 'S46.00'], ['颈部软组织挫伤', 'S10.90'], ['左拇指屈肌腱断裂', 'S66.00'],
];
export const DISEASES = [
  '2型糖尿病', '原发性高血压', '支气管哮喘', '冠状动脉粥样硬化性心脏病', '慢性阻塞性肺疾病', '慢性肾脏病4期', '类风湿关节炎',
  '系统性红斑狼疮', '精神分裂症', '双相情感障碍', '癫痫', '帕金森病', '乳腺恶性肿瘤', '肺恶性肿瘤', '肝硬化', '慢性乙型病毒性肝炎',
  '脑梗死后遗症', '甲状腺功能亢进症', '重症肌无力', '先天性心脏病（室间隔缺损术后）', '1型糖尿病', '脊柱侧弯', '强直性脊柱炎',
];
export const DISABILITY_CAUSES = [
  '脑梗死后遗症', '糖尿病视网膜病变', '先天性白内障', '精神分裂症', '脊髓损伤', '小儿麻痹后遗症', '青光眼', '感音神经性聋',
  '脑性瘫痪', '孤独症谱系障碍', '唐氏综合征', '股骨头坏死', '类风湿关节炎', '视网膜色素变性', '截肢（左下肢）', '中耳炎后遗症',
  '帕金森病', '双相情感障碍', '脑外伤后遗症', '老年性黄斑变性', '特发性脊柱侧凸', '先天性聋哑',
];
export const DISABILITY_KINDS = ['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'];
export const DRUGS = [
  '阿莫西林胶囊 0.25g', '头孢克肟分散片 0.1g', '盐酸二甲双胍片 0.5g', '苯磺酸氨氯地平片 5mg', '阿托伐他汀钙片 20mg', '硫酸氢氯吡格雷片 75mg',
  '缬沙坦胶囊 80mg', '奥美拉唑肠溶胶囊 20mg', '布洛芬缓释胶囊 0.3g', '左氧氟沙星片 0.5g', '孟鲁司特钠片 10mg', '沙美特罗替卡松粉吸入剂 50/250μg',
  '甘精胰岛素注射液 3ml:300U', '瑞舒伐他汀钙片 10mg', '恩替卡韦片 0.5mg', '富马酸替诺福韦二吡呋酯片 300mg', '利培酮片 1mg',
  '丙戊酸钠缓释片 0.5g', '左甲状腺素钠片 50μg', '阿卡波糖片 50mg', '硝苯地平控释片 30mg', '氯沙坦钾片 50mg', '连花清瘟胶囊 0.35g',
  '蒙脱石散 3g', '对乙酰氨基酚片 0.5g', '复方丹参滴丸 27mg',
];
export const RX_DIAGNOSES: ReadonlyArray<readonly [string, string]> = [
  ['急性上呼吸道感染', 'J06.900'], ['2型糖尿病', 'E11.900'], ['原发性高血压', 'I10.x00'], ['高脂血症', 'E78.500'], ['慢性胃炎', 'K29.500'],
  ['社区获得性肺炎', 'J18.900'], ['支气管哮喘', 'J45.900'], ['慢性乙型病毒性肝炎', 'B18.100'], ['冠心病', 'I25.100'], ['甲状腺功能减退症', 'E03.900'],
  ['急性胃肠炎', 'K52.900'], ['精神分裂症', 'F20.900'], ['癫痫', 'G40.900'], ['过敏性鼻炎', 'J30.400'],
];
export const DONOR_TESTS = ['ALT', 'HBsAg', '抗-HCV', '抗-HIV', '梅毒抗体', '血红蛋白'];
const MED_TERMS = /(血症|挤压伤|异物|障碍|癌|尿症|尿毒症|肿瘤|衰竭|搭桥|出血|心肌病|紫癜|肾炎|白血病|贫血|术后|骨折|离断|挫伤|裂伤|扭伤|损伤|烧伤|撕裂|中毒|噪声聋|突出症|糖尿病|高血压|哮喘|心脏病|肺疾病|肾脏病|关节炎|红斑狼疮|精神分裂|情感障碍|癫痫|帕金森|恶性肿瘤|肝硬化|肝炎|后遗症|甲状腺|肌无力|脊柱侧|脊柱炎|视网膜|白内障|青光眼|聋|瘫痪|孤独症|综合征|坏死|截肢|变性|残疾|胶囊|注射液|吸入剂|滴丸|阳性|阴性|感染|胃炎|肺炎|鼻炎|血脂|功能减退|冠心病|胃肠炎|中耳炎|黄斑|脊髓|抗体|角膜|半月板|肩袖|肌腱|颅脑|椎间盘|骨折)/;
/** ASCII test names and drug strengths, standing alone (not inside base64 or identifiers). */
const MED_ASCII = /(?:^|[^A-Za-z0-9+/=])(?:ALT|AST|HBsAg|HCV|HIV|\d+(?:\.\d+)?\s?(?:mg|g|μg|ml|U\/L|g\/L))(?![A-Za-z0-9+/=])/;
export function looksLikeMedical(raw: string): boolean {
  const v = raw.trim();
  return MED_TERMS.test(v) || MED_ASCII.test(v) || /^[A-TV-Z]\d{2}(\.[0-9x]{1,4})?$/.test(v);
}

export const HLA = {
  A: ['A*02:01', 'A*11:01', 'A*24:02', 'A*33:03', 'A*02:07', 'A*30:01', 'A*02:03'],
  B: ['B*46:01', 'B*40:01', 'B*58:01', 'B*13:01', 'B*15:02', 'B*51:01', 'B*38:02'],
  DRB1: ['DRB1*09:01', 'DRB1*15:01', 'DRB1*12:02', 'DRB1*08:03', 'DRB1*04:05', 'DRB1*03:01', 'DRB1*14:54'],
};
export function hlaTyping(r: Rng): string {
  const two = (xs: readonly string[]): string => {
    const a = r.pick(xs);
    const b = r.pick(xs);
    return r.chance(0.5) ? `${a}/${b.replace(/^[A-Z0-9]+\*/, '')}` : `${a},${b}`;
  };
  return `HLA-${two(HLA.A)} ${two(HLA.B)} ${two(HLA.DRB1)}`;
}
/** Human platelet antigen genotyping by SNP (rs-ids of HPA-1, -2, -3, -5, -15). */
export const HPA_SNPS = ['rs5918', 'rs6065', 'rs5911', 'rs1801106', 'rs10455097'];
export function hpaGenotype(r: Rng): string {
  const gts = ['CC', 'CT', 'TT', 'GG', 'AG', 'AA', 'GT'];
  const n = r.int(2, 4);
  const chosen = HPA_SNPS.slice(0, n);
  return chosen.map((s) => `${s} ${r.pick(gts)}`).join(r.chance(0.5) ? '; ' : ',');
}
export function looksLikeGenetic(raw: string): boolean {
  const v = raw.trim();
  return /\brs\d{3,}\b/.test(v) || /HLA-?[A-Z0-9]+\*\d{2}:\d{2}/.test(v) || /^[ACGTU]{20,}$/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Secrets and their look-alikes

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
export function password(r: Rng): string {
  return r.weighted([
    [3, `${r.pick(['Pt', 'Ld', 'Db', 'Prod', 'Gw', 'Svc'])}${r.pick(['@', '#', '!', '$', '%'])}${r.chars(r.int(8, 14), ALNUM)}`],
    [2, r.chars(r.int(16, 32), ALNUM)],
    [1, `${r.pick(['Pingtan', 'Landao', 'Haixia', 'Lanzhou'])}${r.int(2019, 2024)}${r.pick(['!', '@', '#'])}${r.chars(4, ALNUM)}`],
  ] as const);
}
export function pemBody(r: Rng, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(r.chars(64, B64));
  out.push(r.chars(r.int(8, 60), B64) + r.pick(['', '=', '==']));
  return out.join('\n');
}
export function privateKeyPem(r: Rng): string {
  const kind = r.pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY']);
  return `-----BEGIN ${kind}-----\n${pemBody(r, kind === 'EC PRIVATE KEY' ? 2 : r.int(6, 12))}\n-----END ${kind}-----\n`;
}
export function certificatePem(r: Rng): string {
  return `-----BEGIN CERTIFICATE-----\nMIID${r.chars(60, B64)}\n${pemBody(r, r.int(8, 14))}\n-----END CERTIFICATE-----\n`;
}
/** An EC P-256 public key (SPKI); not a secret. */
export function publicKeyPem(r: Rng): string {
  return `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${r.chars(28, B64)}\n${r.chars(60, B64)}==\n-----END PUBLIC KEY-----`;
}
export function apiKey(r: Rng): string {
  return r.weighted([
    [2, `sk_live_${r.chars(24, ALNUM)}`],
    [2, `AKIA${r.chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`],
    [2, `LTAI5t${r.chars(18, ALNUM)}`],
    [1, `ghp_${r.chars(36, ALNUM)}`],
    [1, `xoxb-${r.digits(11)}-${r.digits(12)}-${r.chars(24, ALNUM)}`],
    [1, r.hex(32)],
  ] as const);
}
export function looksLikeSecret(raw: string): boolean {
  const v = raw.trim();
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(v)) return true;
  if (/^(AKIA|LTAI|ghp_|xox[bp]-|sk_live_)[A-Za-z0-9_-]{12,}$/.test(v) || /^[0-9a-f]{32,}$/.test(v)) return true;
  if (!/^\S{10,}$/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
  return classes >= 3;
}
export const uuid = (r: Rng): string => `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-${r.pick(['8', '9', 'a', 'b'])}${r.hex(3)}-${r.hex(12)}`;
/** A tiny JPEG thumbnail as a data URL: a real JPEG header, random body (a base64 image, no type). */
export function jpegDataUrl(r: Rng): string {
  return `data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/${r.chars(r.int(80, 160), B64)}/9k=`;
}

// ---------------------------------------------------------------------------------------------
// Decoy makers: numbering schemes shaped like the types, with their checks wrong or no type at all

/** 18 digits from a real address code and a real date whose MOD 11-2 check is wrong. */
export function idShapedBadCheck(r: Rng, code: string, day: Date): string {
  const body = `${code}${ymd(day, '')}${r.digits(3)}`;
  const c = mod112(body);
  let d = c;
  while (d === c) d = String(r.int(0, 9));
  return body + d;
}
/** Replace the last digit until MOD 11-2 fails (for 18-digit numbers that must not pass by chance). */
export function forceMod112Fail(r: Rng, v18: string): string {
  let v = v18;
  while (passesMod112(v)) v = v.slice(0, 17) + String(r.int(0, 9));
  return v;
}
/** Replace the last digit until MOD 11-2, Luhn and GB 32100 all fail (18-digit numbers shaped like IDs). */
export function forceIdLikeFail(r: Rng, v18: string): string {
  let v = v18;
  while (passesMod112(v) || luhnValid(v) || isUscc(v)) v = v.slice(0, 17) + String(r.int(0, 9));
  return v;
}
/** True when any 18-character window of a digit string passes MOD 11-2 with a real date. */
export function hasIdWindow(v: string): boolean {
  for (let i = 0; i + 18 <= v.length; i++) if (gb11643Kind(v.slice(i, i + 18)) !== undefined) return true;
  return false;
}
/** A number of `len` digits starting with `prefix` whose Luhn check fails. */
export function digitsLuhnFail(r: Rng, prefix: string, len: number): string {
  return luhnFailing(r, prefix, len);
}

/** ISO 6346 container number with a valid check digit. */
export function containerNo(r: Rng): string {
  const owner = r.pick(['CSNU', 'CBHU', 'TGHU', 'OOLU', 'EGHU', 'EMCU', 'YMLU', 'WHLU', 'TCNU', 'MSCU', 'TEMU', 'SEGU', 'FCIU', 'CCLU', 'TLLU']);
  const body = `${owner}${r.digits(6)}`;
  return body + iso6346Check(body);
}
export function billOfLading(r: Rng): string {
  return r.weighted([
    [3, `COSU${r.int(6, 6)}${r.digits(9)}`],
    [2, `EGLV${r.int(1, 1)}4${r.digits(10)}`],
    [2, `YMLU${r.pick(['W', 'E', 'T'])}${r.int(2, 2)}${r.digits(8)}`],
    [1, `WHLC${r.digits(3)}${r.chars(1, 'ABCDE')}${r.digits(6)}`],
    [1, `OOLU${r.int(2, 2)}7${r.digits(8)}`],
    [1, `SITGPT${r.digits(6)}`],
  ] as const);
}
const HS = ['0302.89', '0303.89', '0306.17', '0307.43', '0902.30', '0902.10', '0810.90', '0804.50', '2106.90', '1905.90', '8542.31', '8471.30', '8517.62', '3926.90', '6110.30', '9403.60', '8708.29', '3304.99', '2208.90', '4819.10'];
export function hsCode(r: Rng): string {
  const h = r.pick(HS);
  const tail = `${r.int(0, 9)}0${r.pick(['00', '90', '10'])}`;
  return r.chance(0.5) ? `${h}.${tail}` : `${h.replace('.', '')}${tail}`;
}
/** 报关单号: 4-digit customs code + year + I/E flag + 9 digits = 18 digits; never a real date, MOD 11-2 forced wrong. */
export function customsDeclarationNo(r: Rng): string {
  return forceIdLikeFail(r, `${r.pick(['3512', '3501', '3502', '3503', '3511'])}2024${r.int(0, 1)}${r.digits(9)}`);
}
/** Taiwan 統一編號 (8 digits with its own weighted check). */
export function twUbn(r: Rng): string {
  for (;;) {
    const v = r.digits(8);
    const w = [1, 2, 1, 2, 1, 2, 4, 1];
    let s = 0;
    for (let i = 0; i < 8; i++) {
      const p = Number(v[i]) * (w[i] ?? 0);
      s += Math.floor(p / 10) + (p % 10);
    }
    if (s % 5 === 0 || (v[6] === '7' && (s + 1) % 5 === 0)) return v;
  }
}
/** 税务机关代码: 1 + county code + 4 digits (11 digits, starting 135… — a mobile's shape). */
export function taxOfficeCode(code: string, sub = '0000'): string {
  return `1${code}${sub}`;
}
/** 药品追溯码: 20 digits, starting 8. */
export function drugTraceCode(r: Rng, product: string): string {
  return `8${product}${r.digits(13)}`;
}
/** 国药准字 approval number without the prefix words: H/Z/S/J + 8 digits (H + 8 digits is a 回乡证's shape). */
export function drugApprovalNo(r: Rng): string {
  const letter = r.weighted([[13, 'H'], [4, 'Z'], [2, 'S'], [1, 'J']] as const);
  return `${letter}${r.pick(['20', '19', '10', '35', '31', '44', '32'])}${r.digits(6)}`;
}
/** 医保药品分类与代码 style code (23 characters). */
export function insuranceDrugCode(r: Rng): string {
  return `${r.pick(['X', 'X', 'Z'])}${r.pick(['J01C', 'A10B', 'C08C', 'C10A', 'N05A', 'R03A', 'B01A', 'A02B', 'C09C'])}${r.pick(['A', 'B', 'R'])}${r.digits(3)}${r.pick(['A', 'B', 'E'])}${r.digits(12)}`;
}
/** 发票代码 (12 digits: 0 + region + year + batch + type). */
export function invoiceCode(r: Rng): string {
  return `0${r.pick(['3500', '3502', '3501'])}${r.pick(['23', '24'])}${r.digits(3)}${r.pick(['11', '12', '04'])}`;
}
/** IMSI: 460 + MNC + MSIN, its "month" digits kept ≥ 20 so it can never read as a 15-digit ID. */
export function imsi(r: Rng): string {
  const mnc = r.pick(['00', '02', '07', '01', '11', '03', '15']);
  return `460${mnc}${r.digits(3)}${r.int(2, 9)}${r.digits(6)}`;
}
export function sha256Hex(r: Rng): string {
  return r.hex(64);
}
/** A 19-digit snowflake id (17…/18…) whose Luhn check fails. */
export function snowflakeLuhnFail(r: Rng): string {
  return luhnFailing(r, r.pick(['17', '18']), 19);
}
/** IC card UID: 8 hex capitals with at least one letter. */
export function cardUid(r: Rng): string {
  for (;;) {
    const v = r.hex(8).toUpperCase();
    if (/[A-F]/.test(v)) return v;
  }
}
