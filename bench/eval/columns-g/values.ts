/**
 * Value makers and validators of the seventh blind column set (columns-g), written from the
 * standards, not from the scanner or the earlier sets' makers:
 *
 * - GB 11643 MOD 11-2 resident IDs with GB/T 2260 county codes and real birth dates, and the
 *   港澳台居民居住证 numbers (810000 / 820000 / 830000) with the same check;
 * - GB 32100 统一社会信用代码 (mod 31) with the GB 11714 organisation code (mod 11) inside it;
 * - ISO 3779 VIN check digit; HKID mod 11; Taiwan 國民身分證 checksum; Luhn (cards, IMEI, ICCID);
 * - mainland mobiles with the current prefixes (incl. 190/192/196/197), landlines with real area
 *   codes, Taiwan mobiles, 台胞证, 回乡证, passports, plates (incl. new-energy), e-mails, IPs, MACs.
 *
 * Every date is built in UTC. The validators are the set's own judgement, used by generate.ts to
 * redraw decoy cells that would match a type by accident and by check.ts to check the set.
 */

// ---------------------------------------------------------------------------------------------
// Random streams

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
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
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(list: ReadonlyArray<readonly [T, number]>): T {
    const total = list.reduce((s, [, w]) => s + w, 0);
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
  float(lo: number, hi: number, decimals: number): number {
    return Number((lo + this.next() * (hi - lo)).toFixed(decimals));
  }
}

function hashName(name: string): number {
  let h = 2166136261;
  for (const c of name) {
    h ^= c.codePointAt(0) as number;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** One random stream per file maker: the set's seed mixed with the maker's name. */
export function rngFor(seed: number, name: string): Rng {
  return new Rng((seed ^ hashName(name)) >>> 0);
}

// ---------------------------------------------------------------------------------------------
// Dates (UTC)

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function utc(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
}
export function fmtDate(d: Date, sep = '-'): string {
  return `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;
}
export function fmtDateTime(d: Date): string {
  return `${fmtDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
export function ymd(d: Date): string {
  return fmtDate(d, '');
}
/** A random moment between two dates. */
export function between(r: Rng, from: Date, to: Date): Date {
  return new Date(from.getTime() + Math.floor(r.next() * (to.getTime() - from.getTime()) / 1000) * 1000);
}
export function birthDate(r: Rng, minAge: number, maxAge: number): Date {
  const y = 2024 - r.int(minAge, maxAge);
  return utc(y, r.int(1, 12), 1 + r.int(0, 27) + (r.chance(0.1) ? r.int(0, 2) : 0));
}
export function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = utc(y, m, d);
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

// ---------------------------------------------------------------------------------------------
// GB/T 2260 county codes (a real subset; Fujian weighted)

export interface County {
  code: string;
  prov: string;
  city: string;
  dist: string;
}

const C = (code: string, prov: string, city: string, dist: string): County => ({ code, prov, city, dist });

export const FUJIAN: County[] = [
  C('350102', '福建省', '福州市', '鼓楼区'), C('350103', '福建省', '福州市', '台江区'), C('350104', '福建省', '福州市', '仓山区'),
  C('350105', '福建省', '福州市', '马尾区'), C('350111', '福建省', '福州市', '晋安区'), C('350112', '福建省', '福州市', '长乐区'),
  C('350121', '福建省', '福州市', '闽侯县'), C('350122', '福建省', '福州市', '连江县'), C('350123', '福建省', '福州市', '罗源县'),
  C('350124', '福建省', '福州市', '闽清县'), C('350125', '福建省', '福州市', '永泰县'), C('350128', '福建省', '福州市', '平潭县'),
  C('350181', '福建省', '福州市', '福清市'), C('350203', '福建省', '厦门市', '思明区'), C('350205', '福建省', '厦门市', '海沧区'),
  C('350206', '福建省', '厦门市', '湖里区'), C('350211', '福建省', '厦门市', '集美区'), C('350212', '福建省', '厦门市', '同安区'),
  C('350302', '福建省', '莆田市', '城厢区'), C('350303', '福建省', '莆田市', '涵江区'), C('350322', '福建省', '莆田市', '仙游县'),
  C('350503', '福建省', '泉州市', '丰泽区'), C('350521', '福建省', '泉州市', '惠安县'), C('350524', '福建省', '泉州市', '安溪县'),
  C('350581', '福建省', '泉州市', '石狮市'), C('350582', '福建省', '泉州市', '晋江市'), C('350583', '福建省', '泉州市', '南安市'),
  C('350602', '福建省', '漳州市', '芗城区'), C('350623', '福建省', '漳州市', '漳浦县'), C('350702', '福建省', '南平市', '延平区'),
  C('350802', '福建省', '龙岩市', '新罗区'), C('350902', '福建省', '宁德市', '蕉城区'), C('350981', '福建省', '宁德市', '福安市'),
  C('350982', '福建省', '宁德市', '福鼎市'),
];

export const OTHER: County[] = [
  C('110105', '北京市', '北京市', '朝阳区'), C('110108', '北京市', '北京市', '海淀区'), C('120101', '天津市', '天津市', '和平区'),
  C('130102', '河北省', '石家庄市', '长安区'), C('140105', '山西省', '太原市', '小店区'), C('210102', '辽宁省', '沈阳市', '和平区'),
  C('220102', '吉林省', '长春市', '南关区'), C('230102', '黑龙江省', '哈尔滨市', '道里区'), C('310104', '上海市', '上海市', '徐汇区'),
  C('310115', '上海市', '上海市', '浦东新区'), C('320102', '江苏省', '南京市', '玄武区'), C('320506', '江苏省', '苏州市', '吴中区'),
  C('330106', '浙江省', '杭州市', '西湖区'), C('330302', '浙江省', '温州市', '鹿城区'), C('330382', '浙江省', '温州市', '乐清市'),
  C('340102', '安徽省', '合肥市', '瑶海区'), C('360102', '江西省', '南昌市', '东湖区'), C('360722', '江西省', '赣州市', '信丰县'),
  C('370102', '山东省', '济南市', '历下区'), C('370202', '山东省', '青岛市', '市南区'), C('410105', '河南省', '郑州市', '金水区'),
  C('420106', '湖北省', '武汉市', '武昌区'), C('430104', '湖南省', '长沙市', '岳麓区'), C('440106', '广东省', '广州市', '天河区'),
  C('440305', '广东省', '深圳市', '南山区'), C('450103', '广西壮族自治区', '南宁市', '青秀区'), C('460105', '海南省', '海口市', '秀英区'),
  C('500103', '重庆市', '重庆市', '渝中区'), C('510107', '四川省', '成都市', '武侯区'), C('520102', '贵州省', '贵阳市', '南明区'),
  C('530102', '云南省', '昆明市', '五华区'), C('540102', '西藏自治区', '拉萨市', '城关区'), C('610113', '陕西省', '西安市', '雁塔区'),
  C('620102', '甘肃省', '兰州市', '城关区'), C('640104', '宁夏回族自治区', '银川市', '兴庆区'), C('650102', '新疆维吾尔自治区', '乌鲁木齐市', '天山区'),
  C('150102', '内蒙古自治区', '呼和浩特市', '新城区'),
];

export const PINGTAN: County = C('350128', '福建省', '福州市', '平潭县');

export function county(r: Rng, localShare = 0.75): County {
  if (r.chance(localShare)) return r.chance(0.5) ? PINGTAN : r.pick(FUJIAN);
  return r.pick(OTHER);
}

const PROVINCE_CODES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']);

// ---------------------------------------------------------------------------------------------
// GB 11643 resident ID and the 港澳台居民居住证

const W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_ID = '10X98765432';

export function mod112Check(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (W_ID[i] as number);
  return CHECK_ID[s % 11] as string;
}
export function passesMod112(v: string): boolean {
  const x = v.toUpperCase();
  return /^\d{17}[\dX]$/.test(x) && mod112Check(x.slice(0, 17)) === x[17];
}

export interface IdOpts {
  county?: County;
  birth?: Date;
  female?: boolean;
}

export function residentId(r: Rng, o: IdOpts = {}): string {
  const c = o.county ?? county(r);
  const b = o.birth ?? birthDate(r, 18, 75);
  let seq = r.int(0, 999);
  if (o.female !== undefined) seq = (seq & ~1) | (o.female ? 0 : 1);
  const body = c.code + ymd(b) + pad(seq, 3);
  return body + mod112Check(body);
}

/** 港澳台居民居住证: 810000 Hong Kong, 820000 Macao, 830000 Taiwan. */
export function residencePermit(r: Rng, region: '81' | '82' | '83', birth?: Date): string {
  const b = birth ?? birthDate(r, 20, 70);
  const body = `${region}0000` + ymd(b) + r.digits(3);
  return body + mod112Check(body);
}

/** The kind a cell is as a GB 11643 number: 'cn', the three permits, or null. */
export function gb11643Kind(raw: string): 'cn' | '810000' | '820000' | '830000' | null {
  const v = raw.replace(/\s/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return null;
  const y = Number(v.slice(6, 10));
  if (y < 1900 || y > 2024 || !validDate(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return null;
  if (!passesMod112(v)) return null;
  const pre = v.slice(0, 6);
  if (pre === '810000' || pre === '820000' || pre === '830000') return pre;
  return PROVINCE_CODES.has(v.slice(0, 2)) ? 'cn' : null;
}

/** A 15-digit legacy ID shape: province code + YYMMDD. */
export function isLegacyIdShape(raw: string): boolean {
  const v = raw.replace(/\s/g, '');
  return /^\d{15}$/.test(v) && PROVINCE_CODES.has(v.slice(0, 2)) && validDate(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12)));
}

/** An ID with the dirt of real exports: spaced 6-8-4, a leading space, lower-case x, a one-digit typo. */
export function dirtyId(r: Rng, id: string): string {
  const x = r.next();
  if (x < 0.03) return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
  if (x < 0.05) return ' ' + id;
  if (x < 0.06) {
    const i = r.int(6, 16);
    return id.slice(0, i) + String((Number(id[i]) + r.int(1, 8)) % 10) + id.slice(i + 1);
  }
  if (id.endsWith('X') && r.chance(0.3)) return id.slice(0, 17) + 'x';
  return id;
}

// ---------------------------------------------------------------------------------------------
// GB 32100 统一社会信用代码 with the GB 11714 organisation code

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W_USCC = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const W_ORG = [3, 7, 9, 10, 5, 8, 4, 2];

function orgValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}
export function orgCodeCheck(body8: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) s += orgValue(body8[i] as string) * (W_ORG[i] as number);
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
export function usccCheck(first17: string): string | null {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] as string);
    if (v < 0) return null;
    s += v * (W_USCC[i] as number);
  }
  return USCC_ALPHABET[(31 - (s % 31)) % 31] as string;
}
export function isUscc(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v) && usccCheck(v.slice(0, 17)) === v[17];
}
export function uscc(r: Rng, area?: string): string {
  const kind = r.weighted([['91', 8], ['92', 1], ['93', 1], ['52', 1], ['12', 1]] as const);
  let body8 = '';
  for (let i = 0; i < 8; i++) body8 += r.chance(0.85) ? String(r.int(0, 9)) : r.pick([...'ABCDEFGHJKLMNPQRTUWXY']);
  const org = body8 + orgCodeCheck(body8);
  const first17 = kind + (area ?? county(r, 0.9).code) + org;
  return first17 + (usccCheck(first17) as string);
}

// ---------------------------------------------------------------------------------------------
// ISO 3779 VIN

const VIN_VALUE: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const W_VIN = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export function vinCheck(v: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i] as string;
    s += (/\d/.test(c) ? Number(c) : (VIN_VALUE[c] ?? 0)) * (W_VIN[i] as number);
  }
  const m = s % 11;
  return m === 10 ? 'X' : String(m);
}
export function isVin(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && vinCheck(v) === v[8];
}
const WMI = ['LRW', 'LC0', 'LGX', 'LFV', 'LSV', 'LSG', 'LVS', 'LHG', 'LVG', 'LFM', 'L6T', 'LVV', 'LGW', 'LS5', 'LMG', 'LNB', 'LB3', 'LK6'];
export function vin(r: Rng): string {
  let vds = '';
  for (let i = 0; i < 5; i++) vds += r.pick([...VIN_CHARS]);
  const year = r.pick(['L', 'M', 'N', 'P', 'R', 'R', 'P']);
  const plant = r.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789']);
  const v = r.pick(WMI) + vds + '0' + year + plant + r.digits(6);
  return v.slice(0, 8) + vinCheck(v) + v.slice(9);
}

// ---------------------------------------------------------------------------------------------
// Luhn, cards, IMEI, ICCID

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
export function luhnComplete(body: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(body + String(c))) return body + String(c);
  throw new Error('unreachable');
}
/** A number of the given length whose Luhn check fails. */
export function luhnFailing(body: string): string {
  const ok = luhnComplete(body);
  return ok.slice(0, -1) + String((Number(ok.slice(-1)) + 1 + (body.length % 8)) % 10);
}

const BINS: ReadonlyArray<readonly [string, number]> = [
  ['622848', 19], ['621700', 19], ['622202', 19], ['621226', 19], ['622588', 16], ['621483', 16], ['622262', 19], ['621660', 19],
  ['622908', 18], ['436742', 19], ['625965', 16], ['623058', 19],
];
export function bankCard(r: Rng, luhnFailShare = 0.02): string {
  const [bin, len] = r.pick(BINS);
  const body = bin + r.digits(len - 7);
  if (bin.startsWith('62') && r.chance(luhnFailShare)) return luhnFailing(body);
  return luhnComplete(body);
}
export function groupCard(r: Rng, card: string): string {
  const x = r.next();
  if (x < 0.15) return card.replace(/(\d{4})(?=\d)/g, '$1 ');
  if (x < 0.2) return card.replace(/(\d{4})(?=\d)/g, '$1-');
  return card;
}
export function imei(r: Rng): string {
  return luhnComplete(r.pick(['86', '35', '86', '86']) + r.digits(12));
}
export function iccid(r: Rng): string {
  return luhnComplete('8986' + r.pick(['00', '01', '03', '11', '15']) + r.digits(13));
}

// ---------------------------------------------------------------------------------------------
// Phones

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '190',
  '191', '192', '193', '195', '196', '197', '198', '199',
];
export function cnMobile(r: Rng): string {
  return r.pick(MOBILE_PREFIXES) + r.digits(8);
}
/** A mobile as exports write it. */
export function dirtyMobile(r: Rng, m: string, share = 0.2): string {
  if (!r.chance(share)) return m;
  return r.weighted([
    [`${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, 3],
    [`${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, 3],
    [`+86 ${m}`, 2],
    [`+86${m}`, 1],
    [`0086${m}`, 1],
    [`+86-${m}`, 1],
  ] as const);
}
export function isCnMobile(raw: string): boolean {
  let v = raw.trim().replace(/[\s-]/g, '');
  v = v.replace(/^(\+86|0086)/, '');
  return /^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/.test(v);
}

const AREA_CODES = ['0591', '0591', '0591', '0591', '0592', '0595', '0594', '0596', '0593', '0599', '0597', '0598', '010', '021', '020', '0755', '0571', '027', '028'];
export function cnLandline(r: Rng, area?: string): string {
  const a = area ?? r.pick(AREA_CODES);
  const n = a.length === 3 ? String(r.int(2, 8)) + r.digits(7) : a === '0591' ? r.pick(['2431', '2432', '8613', '8776', '8753', '2433']) + r.digits(4) : String(r.int(2, 8)) + r.digits(6 + (r.chance(0.7) ? 1 : 0));
  return `${a}-${n}`;
}
export function dirtyLandline(r: Rng, l: string): string {
  const [a, n] = l.split('-') as [string, string];
  const x = r.next();
  let v = l;
  if (x < 0.1) v = `(${a})${n}`;
  else if (x < 0.15) v = `（${a}）${n}`;
  else if (x < 0.22) v = `${a} ${n}`;
  else if (x < 0.27) v = a + n;
  if (r.chance(0.08)) v += r.chance(0.5) ? `-${r.digits(3)}` : `转${r.digits(3)}`;
  return v;
}
export function isCnLandline(raw: string): boolean {
  const base = raw.trim().replace(/\s*(转|ext\.?\s?)\d{1,5}$/i, '');
  const core = (v: string): boolean => {
    const d = v.replace(/[\s()（）-]/g, '');
    return /^0(10|2\d)[2-8]\d{7}$/.test(d) || /^0[3-9]\d{2}[2-8]\d{6,7}$/.test(d);
  };
  // a dash-attached extension (0591-24311234-123, 0591 24311234-123) is dropped first
  const m = /^(.*\d)-(\d{1,5})$/.exec(base);
  return core(base) || (m !== null && core(m[1] as string));
}

export function twMobile(r: Rng): string {
  const m = '09' + r.pick(['10', '12', '18', '21', '28', '32', '33', '37', '55', '58', '63', '70', '72', '78', '80', '88', '89', '91', '96', '98']) + r.digits(6);
  return r.weighted([
    [m, 4],
    [`${m.slice(0, 4)}-${m.slice(4, 7)}-${m.slice(7)}`, 3],
    [`${m.slice(0, 4)} ${m.slice(4, 7)} ${m.slice(7)}`, 1],
    [`+886 ${m.slice(1, 4)} ${m.slice(4, 7)} ${m.slice(7)}`, 1],
    [`+886${m.slice(1)}`, 1],
  ] as const);
}
export function isTwMobile(raw: string): boolean {
  const v = raw.trim().replace(/[\s-]/g, '');
  return /^(09\d{8}|\+?8869\d{8})$/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Documents of Taiwan, Hong Kong and Macao residents, passports

export function mtp(r: Rng): string {
  const n = String(r.int(0, 1) === 0 ? r.int(1, 9) : r.int(0, 1)) + r.digits(7);
  const x = r.next();
  if (x < 0.06) return n + '01';
  if (x < 0.1) return `${n}(0${r.int(1, 3)})`;
  return n;
}
export function isMtp(raw: string): boolean {
  const v = raw.trim();
  return /^\d{8}$/.test(v) || /^\d{8}\(?\d{2}\)?$/.test(v) || /^\d{10}$/.test(v);
}

export function homeReturnPermit(r: Rng, hk: boolean): string {
  const n = (hk ? 'H' : 'M') + String(r.int(0, 9)) + r.digits(7);
  return r.chance(0.25) ? n + pad(r.int(0, 9)) : n;
}
export function isHomeReturnPermit(raw: string): boolean {
  return /^[HM]\d{8}(\d{2})?$/.test(raw.trim().toUpperCase());
}

export function cnPassport(r: Rng): string {
  if (r.chance(0.15)) return 'G' + r.digits(8);
  return r.chance(0.5) ? 'E' + r.digits(8) : 'E' + r.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ']) + r.digits(7);
}
export function isCnPassport(raw: string): boolean {
  return /^(G\d{8}|E[A-HJ-NP-Z\d]\d{7})$/.test(raw.trim().toUpperCase());
}

const TW_LETTER: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26,
  T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};
export function twIdValid(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[A-Z][12]\d{8}$/.test(v)) return false;
  const n = TW_LETTER[v[0] as string] as number;
  let s = Math.floor(n / 10) + (n % 10) * 9;
  for (let i = 1; i <= 8; i++) s += Number(v[i]) * (9 - i);
  s += Number(v[9]);
  return s % 10 === 0;
}
export const isTwNationalId = twIdValid;
export function twNationalId(r: Rng, female?: boolean): string {
  const letter = r.weighted([['A', 5], ['F', 5], ['B', 3], ['E', 3], ['D', 2], ['H', 2], ['J', 1], ['K', 1], ['N', 1], ['P', 1], ['T', 1], ['Q', 1], ['G', 1], ['V', 1]] as const);
  const g = female === undefined ? String(r.int(1, 2)) : female ? '2' : '1';
  const body = letter + g + r.digits(7);
  for (let c = 0; c <= 9; c++) if (twIdValid(body + String(c))) return body + String(c);
  throw new Error('unreachable');
}

function hkValue(c: string): number {
  return c === ' ' ? 36 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}
export function hkidCheck(prefix: string, digits6: string): string {
  const p = prefix.length === 1 ? ' ' + prefix : prefix;
  let s = hkValue(p[0] as string) * 9 + hkValue(p[1] as string) * 8;
  for (let i = 0; i < 6; i++) s += Number(digits6[i]) * (7 - i);
  const c = (11 - (s % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}
export function isHkid(raw: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6})\(?([\dA])\)?$/.exec(raw.trim().toUpperCase());
  return m !== null && hkidCheck(m[1] as string, m[2] as string) === m[3];
}
export function hkid(r: Rng): string {
  const prefix = r.chance(0.08) ? r.pick(['XA', 'XB', 'WX']) : r.pick([...'ACDEFGHJKMPRVYZ']);
  const d = r.digits(6);
  const c = hkidCheck(prefix, d);
  return r.chance(0.75) ? `${prefix}${d}(${c})` : `${prefix}${d}${c}`;
}

// ---------------------------------------------------------------------------------------------
// Internet identifiers

export function isEmail(raw: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(raw.trim());
}
export function isIp(raw: string): boolean {
  const v = raw.trim();
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (m !== null) return m.slice(1).every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
  if (!v.includes(':') || !/^[0-9a-fA-F:]+$/.test(v)) return false;
  const dbl = v.split('::');
  if (dbl.length > 2) return false;
  const groups = v.split(':').filter((g) => g !== '');
  if (groups.some((g) => g.length > 4)) return false;
  return dbl.length === 2 ? groups.length < 8 : groups.length === 8;
}
export function isMac(raw: string): boolean {
  return /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/.test(raw.trim()) || /^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/.test(raw.trim());
}
export function hex(r: Rng, n: number, upper = false): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(0, 15)];
  return upper ? s.toUpperCase() : s;
}
export function mac(r: Rng, oui?: string): string {
  const o = oui ?? r.pick(['00:1A:2B', 'A4:5E:60', 'F0:9F:C2', '3C:84:6A', 'B0:95:75', '00:E0:4C', '28:6C:07', '84:D8:1B']);
  const tail = `${hex(r, 2, true)}:${hex(r, 2, true)}:${hex(r, 2, true)}`;
  const m = `${o}:${tail}`;
  const x = r.next();
  if (x < 0.15) return m.toLowerCase();
  if (x < 0.25) return m.replace(/:/g, '-');
  return m;
}
export function ipv4Private(r: Rng, net = '10'): string {
  if (net === '10') return `10.${r.int(0, 40)}.${r.int(0, 255)}.${r.int(2, 254)}`;
  if (net === '172') return `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(2, 254)}`;
  return `192.168.${r.int(0, 20)}.${r.int(2, 254)}`;
}
export function ipv4Public(r: Rng): string {
  const first = r.pick([27, 36, 39, 42, 58, 59, 60, 61, 101, 110, 111, 112, 113, 114, 115, 116, 117, 120, 121, 122, 123, 124, 125, 139, 140, 171, 175, 180, 182, 183, 211, 218, 219, 220, 221, 222, 223]);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}
export function ipv6(r: Rng): string {
  const g = (): string => hex(r, r.int(1, 4)).replace(/^0+(?=.)/, '');
  return r.chance(0.6) ? `240e:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}` : `2409:8a${hex(r, 2)}:${g()}:${g()}::${g()}`;
}

const MAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'gmail.com', 'outlook.com', 'hotmail.com', '139.com', 'yeah.net'];
export function email(r: Rng, pinyin: string, domains: readonly string[] = MAIL_DOMAINS): string {
  const d = r.pick(domains);
  if (d === 'qq.com' && r.chance(0.5)) return `${r.int(1, 9)}${r.digits(r.int(7, 9))}@qq.com`;
  const local = r.weighted([
    [pinyin, 3],
    [`${pinyin}${r.int(1, 99)}`, 3],
    [`${pinyin}.${r.digits(4)}`, 1],
    [`${pinyin}_${r.int(70, 99)}`, 1],
  ] as const);
  return `${local}@${d}`;
}

// ---------------------------------------------------------------------------------------------
// Coordinates

export function isGeo(raw: string): boolean {
  const m = /^\s*(-?\d{1,2}\.\d{4,8})\s*[,，\s]\s*(-?\d{1,3}\.\d{4,8})\s*$/.exec(raw);
  if (m === null) return false;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}
export function geo(r: Rng, lat: [number, number], lng: [number, number]): string {
  const d = r.int(5, 6);
  const a = r.float(lat[0], lat[1], d).toFixed(d);
  const b = r.float(lng[0], lng[1], d).toFixed(d);
  return r.weighted([[`${a},${b}`, 6], [`${a}, ${b}`, 2], [`${a} ${b}`, 1]] as const);
}
export const PINGTAN_BOX: [[number, number], [number, number]] = [[25.43, 25.62], [119.71, 119.86]];
export const FUZHOU_BOX: [[number, number], [number, number]] = [[25.98, 26.12], [119.22, 119.4]];

// ---------------------------------------------------------------------------------------------
// Plates

const PROV_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
export function plate(r: Rng, nev = 0.35): string {
  const p = r.chance(0.85) ? '闽' : r.pick([...PROV_CHARS]);
  const city = p === '闽' ? r.weighted([['A', 8], ['B', 1], ['C', 1], ['D', 2], ['E', 1], ['J', 1], ['K', 1]] as const) : r.pick([...'ABCDEF']);
  let tail: string;
  if (r.chance(nev)) {
    tail = r.chance(0.85) ? r.pick(['D', 'F']) + (r.chance(0.6) ? r.digits(5) : r.pick([...PLATE_LETTERS]) + r.digits(4)) : r.digits(5) + r.pick(['D', 'F']);
  } else {
    const chars: string[] = [];
    let letters = 0;
    for (let i = 0; i < 5; i++) {
      if (i < 4 && letters < 2 && r.chance(0.2)) {
        chars.push(r.pick([...PLATE_LETTERS]));
        letters++;
      } else chars.push(String(r.int(0, 9)));
    }
    tail = chars.join('');
  }
  const x = r.next();
  const sep = x < 0.1 ? '·' : x < 0.14 ? ' ' : x < 0.17 ? '-' : '';
  return `${p}${city}${sep}${tail}`;
}
export function isPlate(raw: string): boolean {
  const v = raw.trim().replace(/[·\s-]/g, '').toUpperCase();
  const re = new RegExp(`^[${PROV_CHARS}][A-HJ-NP-Z]([A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警]|[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF])$`);
  return re.test(v);
}

// ---------------------------------------------------------------------------------------------
// Names

export const SURNAMES_S = [...'王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田于萧潘袁董叶杜丁蒋程余吕魏蔡苏任卢沈姜姚钟崔陆谭汪石付贾范金方韦夏廖侯白孟邹秦尹江熊薛邱闫段雷季史陶毛贺龙万顾关郝孔向龚邵钱武黎汤戴严文常牛莫洪米康温代赖施覃安翁单柯游詹庄欧卓甘包倪池阮童邢练兰'];
export const SURNAMES_T = [...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高簡朱鍾游詹施沈彭胡余盧潘顏梁趙柯翁魏方孫戴范宋鄧杜傅侯曹溫薛丁馬蔣唐卓藍馮姚石董紀歐程連古汪湯姜田康鄒白涂尤巫韓龔嚴袁鐘黎金阮陸倪夏童邵柳錢'];
export const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '慕容', '歐陽', '司徒', '端木', '皇甫'];
const GIVEN_S = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '慧', '建华', '建国', '志强',
  '晓燕', '婷', '雪梅', '琳', '鑫', '宇航', '浩然', '凯', '欣怡', '怡', '晨曦', '阳', '峰', '斌', '辉', '丹', '萍', '玲', '桂英', '霞', '燕',
  '红梅', '兰英', '金水', '文斌', '丽华', '家豪', '子涵', '梓萱', '一诺', '思远', '俊杰', '国平', '春生', '玉珍', '秋菊', '海燕', '振华',
  '德明', '少华', '清泉', '宝珠', '素珍', '美华', '永福', '天佑', '宏伟', '晓东', '丽娟', '建平', '明辉', '诗琪', '雨桐', '浩宇', '梦瑶',
  '承泽', '锦程', '依依', '惠玲', '火旺', '阿珠', '水生', '金花', '炳坤', '细妹', '瑞祥', '荣华', '碧玉', '昌盛',
];
const GIVEN_T = [
  '怡君', '雅婷', '淑芬', '美玲', '志明', '建宏', '俊傑', '家豪', '冠宇', '宗翰', '佩珊', '惠雯', '詩涵', '承恩', '宜蓁', '柏翰', '欣怡',
  '育誠', '淑惠', '秀英', '麗華', '文雄', '國華', '明德', '嘉玲', '信宏', '郁婷', '彥廷', '思妤', '品妍', '子晴', '冠廷', '昱廷', '筱涵',
  '振輝', '淑貞', '美惠', '世傑', '瑞祥', '雅雯',
];
const MINORITY = [
  '阿依古丽·买买提', '热依拉·艾山', '古丽米拉·吐尔逊', '买买提江·阿布都', '阿不都热合曼·艾力', '努尔兰·哈力别克', '扎西顿珠', '格桑卓玛',
  '巴特尔', '次仁央宗', '达瓦次仁', '乌兰图雅',
];
const MINORITY_STARTS = ['扎西', '格桑', '巴特', '次仁', '达瓦', '乌兰', '央金', '其其'];

export function personName(r: Rng): string {
  const x = r.next();
  if (x < 0.02) return r.pick(MINORITY);
  const sur = x < 0.04 ? r.pick(COMPOUND.filter((c) => !/[歐]/.test(c))) : r.pick(SURNAMES_S);
  return sur + r.pick(GIVEN_S);
}
export function twName(r: Rng): string {
  if (r.chance(0.06)) return r.pick(SURNAMES_T) + r.pick(SURNAMES_T) + r.pick(GIVEN_T); // 冠夫姓
  return r.pick(SURNAMES_T) + r.pick(GIVEN_T);
}
export function hkName(r: Rng): string {
  return r.pick(SURNAMES_T) + r.pick(['大文', '美儀', '嘉欣', '志偉', '詠詩', '家樂', '偉強', '寶儀', '俊豪', '慧敏', '子健', '曉彤', '嘉豪', '婉婷']);
}
/** Names as exports write them: inner or trailing spaces. */
export function dirtyName(r: Rng, n: string): string {
  const x = r.next();
  if (x < 0.02 && n.length === 2) return `${n[0]} ${n[1]}`;
  if (x < 0.04) return n + ' ';
  return n;
}
const SURNAME_SET = new Set([...SURNAMES_S, ...SURNAMES_T]);
export function looksLikeName(raw: string): boolean {
  const v = raw.trim().replace(/\s+/g, '');
  if (/^[\u4e00-\u9fff]{1,10}[·•][\u4e00-\u9fff]{1,10}$/.test(v)) return true;
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(v)) return false;
  if (COMPOUND.some((c) => v.startsWith(c)) && v.length >= 3) return true;
  if (MINORITY_STARTS.some((c) => v.startsWith(c))) return true;
  return SURNAME_SET.has(v[0] as string);
}
/** A plausible pinyin for an e-mail's local part (not a transliteration of the name). */
export function pinyinish(r: Rng): string {
  const sy = ['wang', 'li', 'zhang', 'liu', 'chen', 'lin', 'huang', 'zheng', 'wu', 'xu', 'zhou', 'gao', 'he', 'lu', 'xie', 'jiang', 'cai', 'ye', 'weng', 'you'];
  const gv = ['wei', 'fang', 'na', 'min', 'jing', 'qiang', 'lei', 'jun', 'yang', 'jie', 'tao', 'ming', 'hui', 'hua', 'ting', 'xin', 'yu', 'hao', 'kai', 'yi', 'chen', 'feng', 'bin'];
  return r.pick(sy) + r.pick(gv) + (r.chance(0.4) ? r.pick(gv) : '');
}

// ---------------------------------------------------------------------------------------------
// Addresses

const PT_TOWNS = ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇', '白青乡', '中楼乡', '岚城乡', '芦洋乡', '南海乡'];
const PT_ROADS = ['西航路', '东大街', '北大街', '城中路', '麒麟路', '金井路', '环岛路', '万宝路', '翠园路', '中山大道', '龙山路', '坛南湾路', '岚城大道', '竹屿路'];
const ESTATES = ['海峡如意城', '实验区安置房', '金井湾花园', '岚岛明珠', '麒麟花园', '山海宸府', '竹屿湖公寓', '君澜海岸', '海韵嘉园', '滨海新城'];
const FZ_ROADS: Record<string, string[]> = {
  鼓楼区: ['五四路', '杨桥中路', '湖东路', '东街', '铜盘路'], 台江区: ['工业路', '八一七中路', '江滨中大道', '五一中路'],
  仓山区: ['福湾路', '首山路', '建新南路', '则徐大道'], 晋安区: ['福新中路', '岳峰路', '新店路', '长乐北路'],
  长乐区: ['郑和中路', '吴航路', '首占路'], 闽侯县: ['上街大学城学府路', '甘蔗街道昙石山中大道'], 福清市: ['清昌大道', '福唐路', '音西街道洪宽路'],
};
export function pingtanAddress(r: Rng, style: 'full' | 'short' = 'full'): string {
  const head = style === 'full' ? r.pick(['福建省平潭综合实验区', '福建省福州市平潭县', '平潭综合实验区', '平潭县']) : '平潭县';
  const town = r.pick(PT_TOWNS);
  if (r.chance(0.35) && town !== '潭城镇') return `${head}${town}${r.pick(['北港村', '东美村', '新坑村', '流水村', '山门村', '钱便澳村', '大福村', '芦北村'])}${r.int(1, 230)}号`;
  const road = r.pick(PT_ROADS);
  if (r.chance(0.5)) return `${head}${town}${road}${r.int(1, 399)}号${r.pick(ESTATES)}${r.int(1, 28)}号楼${r.int(1, 4)}单元${r.int(1, 26)}${pad(r.int(1, 4))}室`;
  return `${head}${town}${road}${r.int(1, 399)}号`;
}
export function cnAddress(r: Rng, c?: County): string {
  const k = c ?? county(r);
  if (k.code === '350128') return pingtanAddress(r);
  const roads = FZ_ROADS[k.dist] ?? ['人民路', '解放路', '建设路', '中山路', '新华路', '文化路', '学府路', '胜利街', '和平路'];
  const provCity = k.prov === k.city ? k.city : k.prov + k.city;
  const base = `${provCity}${k.dist}${r.pick(roads)}${r.int(1, 499)}号`;
  if (r.chance(0.55)) return `${base}${r.int(1, 30)}栋${r.int(1, 3)}单元${r.int(1, 30)}${pad(r.int(1, 6))}室`;
  return base;
}
const TW_PLACES: ReadonlyArray<readonly [string, string[]]> = [
  ['臺北市大安區', ['復興南路一段', '忠孝東路四段', '敦化南路二段', '和平東路二段']], ['臺北市信義區', ['松仁路', '基隆路一段', '信義路五段']],
  ['新北市板橋區', ['文化路一段', '中山路二段', '縣民大道二段']], ['新北市新莊區', ['中正路', '思源路']], ['臺中市西屯區', ['臺灣大道三段', '文心路三段']],
  ['高雄市苓雅區', ['四維三路', '中正一路']], ['高雄市左營區', ['博愛二路', '自由二路']], ['臺南市東區', ['大學路', '東寧路']],
  ['桃園市中壢區', ['中正路', '中央西路二段']], ['新竹市東區', ['光復路二段', '民族路']], ['金門縣金城鎮', ['民生路', '珠浦北路']],
];
export function twAddress(r: Rng): string {
  const [area, roads] = r.pick(TW_PLACES);
  let a = `${area}${r.pick(roads)}`;
  if (r.chance(0.3)) a += `${r.int(2, 300)}巷`;
  a += `${r.int(1, 400)}號`;
  if (r.chance(0.6)) a += `${r.int(2, 21)}樓`;
  if (r.chance(0.15)) a += `之${r.int(1, 9)}`;
  return a;
}
export function looksLikeAddress(raw: string): boolean {
  const v = raw.trim();
  if (!/(省|市|区|區|县|縣|镇|鎮|乡|鄉|村|路|街|道|巷|弄|花园|小区|大厦)/.test(v)) return false;
  return /\d+\s*(号|號|室|楼|樓|弄|栋|棟|单元|單元)(之\d+)?$/.test(v) && v.length >= 6;
}

// ---------------------------------------------------------------------------------------------
// Health and genetic data

export const DIAGNOSES = [
  '高血压', '2型糖尿病', '冠状动脉粥样硬化性心脏病', '慢性阻塞性肺疾病', '支气管哮喘', '急性上呼吸道感染', '社区获得性肺炎', '慢性胃炎',
  '胃食管反流病', '高脂血症', '高尿酸血症', '痛风', '慢性肾脏病', '甲状腺功能减退症', '甲状腺功能亢进症', '脑梗死', '心房颤动',
  '慢性心力衰竭', '骨质疏松症', '类风湿关节炎', '抑郁症', '焦虑状态', '失眠', '癫痫', '帕金森病', '阿尔茨海默病', '慢性乙型病毒性肝炎',
  '肝硬化', '前列腺增生', '尿路感染', '过敏性鼻炎', '湿疹', '带状疱疹', '缺铁性贫血', '腰椎间盘突出症', '颈椎病', '膝骨关节炎',
];
export const DRUGS: ReadonlyArray<readonly [string, string]> = [
  ['阿托伐他汀钙片', '20mg*7片'], ['苯磺酸氨氯地平片', '5mg*28片'], ['盐酸二甲双胍缓释片', '0.5g*30片'], ['硫酸氢氯吡格雷片', '75mg*7片'],
  ['阿司匹林肠溶片', '100mg*30片'], ['奥美拉唑肠溶胶囊', '20mg*14粒'], ['头孢呋辛酯片', '0.25g*12片'], ['阿莫西林胶囊', '0.25g*24粒'],
  ['左甲状腺素钠片', '50μg*100片'], ['缬沙坦胶囊', '80mg*7粒'], ['琥珀酸美托洛尔缓释片', '47.5mg*7片'], ['瑞舒伐他汀钙片', '10mg*7片'],
  ['别嘌醇片', '0.1g*100片'], ['非布司他片', '40mg*16片'], ['甲钴胺片', '0.5mg*20片'], ['孟鲁司特钠片', '10mg*5片'],
  ['草酸艾司西酞普兰片', '10mg*7片'], ['左乙拉西坦片', '0.5g*30片'], ['恩替卡韦分散片', '0.5mg*7片'], ['华法林钠片', '2.5mg*60片'],
  ['利伐沙班片', '10mg*5片'], ['盐酸坦索罗辛缓释胶囊', '0.2mg*10粒'], ['氯雷他定片', '10mg*6片'], ['甘精胰岛素注射液', '3ml:300单位'],
  ['卡马西平片', '0.1g*30片'], ['布地奈德福莫特罗吸入粉雾剂', '160μg/4.5μg*60吸'], ['多奈哌齐片', '5mg*7片'], ['阿仑膦酸钠片', '70mg*4片'],
];
export const ALLERGIES = ['青霉素过敏', '头孢类过敏', '磺胺类过敏', '阿司匹林过敏', '碘造影剂过敏', '链霉素过敏', '布洛芬过敏', '青霉素、头孢类过敏', '海鲜过敏'];
const MED_ROOTS = [
  ...DIAGNOSES, ...DRUGS.map(([d]) => d.replace(/(肠溶|缓释|分散)?(片|胶囊|注射液|吸入粉雾剂)$/, '')), '过敏', '他汀', '地平', '沙坦', '双胍', '拉唑', '西林',
  '头孢', '胰岛素', '高血压', '糖尿病', '肝炎', '哮喘', '肺炎', '心衰', '冠心病', '脑卒中', '肿瘤', '结核', '抑郁', '精神分裂',
];
export function looksLikeMedical(raw: string): boolean {
  const v = raw.trim();
  if (/^[A-TV-Z]\d{2}(\.[\dX]{1,4})?$/.test(v)) return true;
  return MED_ROOTS.some((t) => t.length >= 2 && v.includes(t));
}

export function cyp2c19(r: Rng): string {
  const g = r.weighted([['*1/*1', 4], ['*1/*2', 4], ['*1/*3', 1], ['*2/*2', 1], ['*2/*3', 1], ['*1/*17', 0.3]] as const);
  return r.weighted([[`CYP2C19${g}`, 5], [`CYP2C19 ${g}`, 3], [`CYP2C19${g}（${g === '*1/*1' ? '快代谢型' : g.includes('*2/*') || g === '*2/*3' ? '慢代谢型' : '中间代谢型'}）`, 2]] as const);
}
export function otherPgx(r: Rng): string {
  const parts: string[] = [];
  const pool: Array<() => string> = [
    () => `rs4149056 ${r.pick(['TT', 'TC', 'CC'])}`,
    () => `rs9923231 ${r.pick(['TT', 'CT', 'CC'])}`,
    () => `rs1057910 ${r.pick(['AA', 'AC'])}`,
    () => `HLA-B*58:01 ${r.pick(['阴性', '阴性', '阳性'])}`,
    () => `HLA-B*15:02 ${r.pick(['阴性', '阴性', '阳性'])}`,
    () => `SLCO1B1*${r.pick(['1a/*1b', '1b/*15', '1a/*5'])}`,
    () => `VKORC1 -1639G>A ${r.pick(['AA', 'GA'])}`,
  ];
  const n = r.int(1, 3);
  for (let i = 0; i < n; i++) {
    const p = r.pick(pool)();
    if (!parts.some((q) => q.slice(0, 6) === p.slice(0, 6))) parts.push(p);
  }
  return parts.join(r.pick(['; ', '；', ', ']));
}
export function looksLikeGenetic(raw: string): boolean {
  const v = raw.trim();
  return /\brs\d{3,}\s*[ACGT]{1,2}\b/.test(v) || /(CYP\w+|HLA-[A-Z0-9]+|SLCO1B1|NUDT15|TPMT)\s*\*\d/.test(v) || /^[ACGTU]{20,}$/.test(v) || /VKORC1\s*-?\d+[ACGT]>[ACGT]/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Screening: which types a cell matches (anchored validators, as check.ts judges decoys)

export const TYPE_CHECKS: Record<string, (v: string) => boolean> = {
  cn_resident_id: (v) => gb11643Kind(v) === 'cn' || isLegacyIdShape(v),
  hk_residence_permit: (v) => gb11643Kind(v) === '810000',
  mo_residence_permit: (v) => gb11643Kind(v) === '820000',
  tw_residence_permit: (v) => gb11643Kind(v) === '830000',
  cn_uscc: isUscc,
  vin: isVin,
  hk_id: isHkid,
  tw_national_id: isTwNationalId,
  bank_card: (v) => {
    const d = v.trim().replace(/[\s-]/g, '');
    return /^\d{16,19}$/.test(d) && luhnValid(d);
  },
  cn_mobile: isCnMobile,
  tw_mobile: isTwMobile,
  cn_landline: isCnLandline,
  tw_travel_permit: isMtp,
  hkmo_home_return_permit: isHomeReturnPermit,
  cn_passport: isCnPassport,
  email: isEmail,
  ip_address: isIp,
  mac_address: isMac,
  geo_coordinate: isGeo,
  cn_license_plate: isPlate,
  person_name: looksLikeName,
  address: looksLikeAddress,
  medical_record: looksLikeMedical,
  genetic_data: looksLikeGenetic,
};

export function typeHits(v: string): string[] {
  if (v.trim() === '') return [];
  return Object.entries(TYPE_CHECKS).filter(([, f]) => f(v)).map(([t]) => t);
}

/** Draws a decoy value again until it matches no type outside `allowed`. */
export function clean(make: () => string, allowed: readonly string[] = [], tries = 60): string {
  for (let i = 0; i < tries; i++) {
    const v = make();
    if (typeHits(v).every((t) => allowed.includes(t))) return v;
  }
  throw new Error(`could not draw a clean decoy value, last: ${make()}`);
}

/** A near-miss 18-digit number: given prefix (17 chars), check character wrong for MOD 11-2, and failing Luhn and GB 32100. */
export function wrongCheck18(r: Rng, first17: string): string {
  const good = mod112Check(first17);
  const cands = [...'0123456789'].filter((c) => c !== good);
  for (let i = 0; i < 40; i++) {
    const c = r.pick(cands);
    const v = first17 + c;
    if (!luhnValid(v) && !isUscc(v)) return v;
  }
  throw new Error('no wrong check found');
}
