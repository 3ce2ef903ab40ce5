/**
 * Value makers and validators of the tenth blind column set (columns-k), written again from the
 * type list and the identifier reference only (see README.md): GB 11643 MOD 11-2 with GB/T 2260
 * county codes and real birth dates, the legacy 15-digit number, the 810000/820000/830000 permits,
 * GB 32100 mod 31 with the GB 11714 organisation-code check inside it, ISO 3779, HKID mod 11, the
 * Taiwan ID checksum, Luhn, the UPU S10 check digit, current mobile prefixes (incl. 19x), plates,
 * landlines, names in Simplified and Traditional, addresses, health terms and genetic notations.
 * `generate.ts` draws from these; `check.ts` judges the files with the validators at the end.
 */

// ---------------------------------------------------------------------------------------------
// Random stream and dates

/** mulberry32: one stream per file maker, seeded from the set's seed and the maker's name. */
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
  /** Integer in [lo, hi], both ends included. */
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
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    const total = pairs.reduce((s, p) => s + p[1], 0);
    let x = this.next() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    const last = pairs[pairs.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    return list;
  }
}

/** The stream of one file maker: the seed mixed with the maker's name (FNV-1a). */
export function rngFor(seed: number, name: string): Rng {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of name) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return new Rng(h);
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A calendar day at 00:00 UTC. */
export const utcDay = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

export function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A random day between two UTC days (inclusive). */
export function dayBetween(r: Rng, from: Date, to: Date): Date {
  const a = Math.floor(from.getTime() / 86400000);
  const b = Math.floor(to.getTime() / 86400000);
  return new Date(r.int(a, b) * 86400000);
}

/** A wall-clock moment (held as UTC) on a given day, between two hours. */
export function momentOn(r: Rng, day: Date, fromHour = 8, toHour = 18): Date {
  return new Date(day.getTime() + r.int(fromHour * 3600, toHour * 3600 - 1) * 1000);
}

export const ymd = (d: Date, sep = '-'): string => `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;
export const ymdCompact = (d: Date): string => ymd(d, '');
export const hms = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
export const ymdhms = (d: Date): string => `${ymd(d)} ${hms(d)}`;
/** ISO 8601 with the +08:00 offset (the wall-clock value is held as UTC). */
export const isoLocal = (d: Date): string => `${ymd(d)}T${hms(d)}+08:00`;
/** Taiwan ROC date 113/06/12. */
export const rocDate = (d: Date): string => `${d.getUTCFullYear() - 1911}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;

export function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

// ---------------------------------------------------------------------------------------------
// Places: GB/T 2260 county codes with their divisions, roads and estates

export interface County {
  code: string;
  province: string;
  city: string;
  district: string;
  roads: readonly string[];
}

const FJ = '福建省';
const GD = '广东省';

export const FUZHOU: readonly County[] = [
  { code: '350102', province: FJ, city: '福州市', district: '鼓楼区', roads: ['五四路', '杨桥东路', '湖东路', '铜盘路', '华林路', '西二环中路'] },
  { code: '350103', province: FJ, city: '福州市', district: '台江区', roads: ['工业路', '八一七中路', '五一南路', '江滨中大道', '达道路'] },
  { code: '350104', province: FJ, city: '福州市', district: '仓山区', roads: ['则徐大道', '上渡路', '首山路', '金山大道', '建新南路'] },
  { code: '350105', province: FJ, city: '福州市', district: '马尾区', roads: ['罗星西路', '江滨东大道', '儒江西路'] },
  { code: '350111', province: FJ, city: '福州市', district: '晋安区', roads: ['福新中路', '长乐北路', '岳峰路', '秀峰路', '鹤林路'] },
  { code: '350121', province: FJ, city: '福州市', district: '闽侯县', roads: ['上街镇学府路', '甘蔗街道昙石山中大道', '南屿镇南旗路'] },
  { code: '350122', province: FJ, city: '福州市', district: '连江县', roads: ['凤城镇丹凤西路', '琯头镇琯头街'] },
  { code: '350124', province: FJ, city: '福州市', district: '闽清县', roads: ['梅城镇台山路', '梅城镇解放大街'] },
  { code: '350125', province: FJ, city: '福州市', district: '永泰县', roads: ['樟城镇城西路', '樟城镇南门路'] },
  { code: '350128', province: FJ, city: '福州市', district: '平潭县', roads: ['潭城镇西航路', '金井湾大道', '潭城镇城中路'] },
  { code: '350181', province: FJ, city: '福州市', district: '福清市', roads: ['音西街道清昌大道', '龙山街道福塘路', '玉屏街道一拂路'] },
];

export const FUJIAN_OTHER: readonly County[] = [
  { code: '350203', province: FJ, city: '厦门市', district: '思明区', roads: ['湖滨南路', '莲前西路', '厦禾路', '嘉禾路'] },
  { code: '350206', province: FJ, city: '厦门市', district: '湖里区', roads: ['金尚路', '湖里大道', '仙岳路'] },
  { code: '350211', province: FJ, city: '厦门市', district: '集美区', roads: ['银江路', '杏林湾路'] },
  { code: '350503', province: FJ, city: '泉州市', district: '丰泽区', roads: ['田安南路', '刺桐路', '丰泽街'] },
  { code: '350582', province: FJ, city: '泉州市', district: '晋江市', roads: ['世纪大道', '青阳街道崇德路'] },
  { code: '350583', province: FJ, city: '泉州市', district: '南安市', roads: ['溪美街道成功街'] },
  { code: '350304', province: FJ, city: '莆田市', district: '荔城区', roads: ['荔城中大道', '镇海街道梅峰路'] },
  { code: '350322', province: FJ, city: '莆田市', district: '仙游县', roads: ['鲤城街道八二一街'] },
  { code: '350602', province: FJ, city: '漳州市', district: '芗城区', roads: ['胜利西路', '南昌路'] },
  { code: '350702', province: FJ, city: '南平市', district: '延平区', roads: ['滨江中路', '八一路'] },
  { code: '350802', province: FJ, city: '龙岩市', district: '新罗区', roads: ['九一路', '龙岩大道'] },
  { code: '350902', province: FJ, city: '宁德市', district: '蕉城区', roads: ['蕉城南路', '天湖东路'] },
];

export const ZHUHAI: readonly County[] = [
  { code: '440402', province: GD, city: '珠海市', district: '香洲区', roads: ['凤凰北路', '情侣中路', '九洲大道中', '梅华西路', '人民西路', '横琴镇环岛东路'] },
  { code: '440403', province: GD, city: '珠海市', district: '斗门区', roads: ['井岸镇港霞路', '白蕉镇白蕉路'] },
  { code: '440404', province: GD, city: '珠海市', district: '金湾区', roads: ['三灶镇金湖路', '红旗镇藤山一路'] },
];

export const SHENZHEN: readonly County[] = [
  { code: '440304', province: GD, city: '深圳市', district: '福田区', roads: ['福华路', '深南大道', '益田路', '皇岗路', '福强路'] },
  { code: '440303', province: GD, city: '深圳市', district: '罗湖区', roads: ['人民南路', '春风路', '嘉宾路', '宝安南路'] },
  { code: '440305', province: GD, city: '深圳市', district: '南山区', roads: ['南海大道', '后海大道', '学府路'] },
  { code: '440307', province: GD, city: '深圳市', district: '龙岗区', roads: ['龙翔大道', '龙城大道'] },
  { code: '440306', province: GD, city: '深圳市', district: '宝安区', roads: ['宝安大道', '新湖路', '创业一路'] },
];

/** Birthplaces elsewhere (ID numbers only). */
export const ELSEWHERE: readonly string[] = [
  '110105', '110108', '310104', '310115', '320106', '330106', '360102', '420102', '430102', '510104', '370102',
  '410102', '500103', '610102', '440106', '440103', '450103', '520102', '340104', '230103', '210102', '130104',
  '140105', '360702', '362101', '362201',
];

/** Every county code the set writes into an ID number: the "real GB/T 2260 codes" the check accepts. */
export const COUNTY_CODES: ReadonlySet<string> = new Set([
  ...FUZHOU.map((c) => c.code), ...FUJIAN_OTHER.map((c) => c.code), ...ZHUHAI.map((c) => c.code), ...SHENZHEN.map((c) => c.code),
  ...ELSEWHERE, '350182', '350123', '350105',
]);

/** Province codes a scanner could accept in an ID number (for screening decoys). */
export const PROVINCES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
]);

const ESTATES_S = ['融侨花园', '万科金域榕郡', '阳光城翡丽湾', '世茂外滩花园', '金辉华府', '正荣润城', '三盛国际公园', '泰禾红峪', '左海公寓', '温泉公寓', '福景花园', '华润橡树湾', '碧桂园天玺', '保利香槟国际', '中海寰宇天下'];
const ESTATES_SZ = ['百花二村', '景田北小区', '香蜜湖花园', '益田村', '万科城', '星海名城', '华润城润府', '碧海花园', '东海花园', '阳光棕榈园'];
const ESTATES_ZH = ['华发新城', '海怡湾畔', '珠海奥园', '中珠上城', '仁恒滨海湾', '华发世纪城', '海湾花园', '横琴金融岛公寓'];

/** A mainland postal address: [province] city district road number [estate building unit room]. */
export function mainlandAddress(r: Rng, c: County, opts: { province?: number; estates?: readonly string[] } = {}): string {
  const withProv = r.chance(opts.province ?? 0.3);
  const road = r.pick(c.roads);
  const no = `${r.int(1, 399)}号`;
  const estates = opts.estates ?? (c.province === GD ? (c.city === '深圳市' ? ESTATES_SZ : ESTATES_ZH) : ESTATES_S);
  const tail = r.weighted<string>([
    [`${r.pick(estates)}${r.int(1, 28)}号楼${r.int(1, 32)}${pad(r.int(1, 6))}室`, 4],
    [`${r.pick(estates)}${r.int(1, 18)}座${r.int(2, 30)}${pad(r.int(1, 8))}`, 2],
    [`${r.int(1, 12)}栋${r.int(1, 3)}单元${r.int(1, 18)}${pad(r.int(1, 4))}室`, 2],
    [`${r.int(101, 1808)}室`, 1],
    ['', 1],
  ]);
  return `${withProv ? c.province : ''}${c.city}${c.district}${road}${no}${tail}`;
}

/** A village address: county town village [group] number. */
export function villageAddress(r: Rng, c: County, town: string, village: string): string {
  const grp = r.chance(0.5) ? `${r.pick(['一', '二', '三', '四', '五', '六', '七', '八'])}组` : '';
  return `${r.chance(0.4) ? c.city : ''}${c.district}${town}${village}${grp}${r.int(1, 188)}号`;
}

/** Taiwan addresses (Traditional). */
const TW_DISTRICTS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['臺北市', '大安區', ['復興南路一段', '忠孝東路四段', '和平東路二段', '信義路三段']],
  ['臺北市', '中山區', ['南京東路二段', '林森北路', '民權東路一段']],
  ['臺北市', '士林區', ['中正路', '承德路四段', '天母東路']],
  ['新北市', '板橋區', ['文化路一段', '中山路二段', '縣民大道二段']],
  ['新北市', '新店區', ['北新路三段', '中正路']],
  ['桃園市', '桃園區', ['中正路', '復興路', '經國路']],
  ['臺中市', '西屯區', ['台灣大道三段', '河南路二段', '文心路三段']],
  ['臺中市', '北屯區', ['崇德路二段', '文心路四段']],
  ['臺南市', '東區', ['東寧路', '崇學路', '長榮路一段']],
  ['高雄市', '左營區', ['博愛二路', '自由二路']],
  ['高雄市', '苓雅區', ['四維三路', '中正一路']],
  ['新竹市', '東區', ['光復路二段', '關新路']],
  ['彰化縣', '彰化市', ['中山路二段', '民族路']],
];

export function taiwanAddress(r: Rng): string {
  const [city, dist, roads] = r.pick(TW_DISTRICTS);
  const lane = r.chance(0.35) ? `${r.int(1, 300)}巷${r.chance(0.4) ? `${r.int(1, 30)}弄` : ''}` : '';
  const floor = r.chance(0.7) ? `${r.int(2, 15)}樓${r.chance(0.25) ? `之${r.int(1, 6)}` : ''}` : '';
  const li = r.chance(0.2) ? `${r.pick(['福德里', '光明里', '中正里', '仁愛里', '新生里'])}${r.int(1, 30)}鄰` : '';
  return `${city}${dist}${li}${r.pick(roads)}${lane}${r.int(1, 399)}號${floor}`;
}

export const TW_CITY_DISTRICTS: readonly string[] = TW_DISTRICTS.map(([c, d]) => `${c}${d}`);

// ---------------------------------------------------------------------------------------------
// Names

export const SURNAMES_S: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢',
  '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕',
  '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '廖', '贾', '夏', '韦', '方', '白', '邹', '孟', '熊',
  '秦', '邱', '江', '尹', '薛', '雷', '侯', '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '武', '戴',
  '莫', '孔', '汤', '游', '詹', '卓', '翁', '施', '洪', '庄', '傅', '连', '官', '池', '柯', '阮', '颜', '欧',
];
/** Fujian's most frequent surnames, drawn more often there. */
export const SURNAMES_FJ: readonly string[] = ['林', '陈', '黄', '郑', '张', '吴', '王', '李', '刘', '蔡', '杨', '许', '游', '詹', '魏', '卓', '翁', '施', '洪', '庄', '傅', '丁', '郭', '何', '谢'];
export const COMPOUND_S: readonly string[] = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容', '端木', '司徒'];
export const RARE_S: readonly string[] = ['仉', '亓', '逄', '禤', '訾', '郗', '佘', '缪', '谯', '糜', '郏', '璩'];
export const SURNAMES_T: readonly string[] = [
  '陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾', '邱', '廖', '賴', '周', '徐', '蘇', '葉',
  '莊', '呂', '江', '何', '蕭', '羅', '高', '潘', '簡', '朱', '鍾', '彭', '游', '詹', '胡', '施', '沈', '余', '趙', '盧', '梁', '顏',
  '柯', '孫', '魏', '翁', '戴', '范', '宋', '方', '鄧', '杜', '傅', '侯', '曹', '薛', '丁', '卓', '阮', '馬', '董', '溫', '唐', '藍',
  '蔣', '石', '古', '紀', '姚', '連', '馮', '歐', '程', '湯', '田', '康', '姜', '白', '汪', '鄒', '尤', '巫', '黎', '涂', '龔', '嚴',
  '韓', '袁', '金', '童', '陸', '夏', '柳', '邵', '錢', '伍', '倪', '譚', '駱', '熊', '任', '甘', '秦', '顧', '毛', '章', '史', '官',
  '萬', '俞', '雷', '粘', '麥', '岑', '區',
];
export const COMPOUND_T: readonly string[] = ['張簡', '歐陽', '范姜', '司徒', '諸葛', '上官'];
export const GIVEN_S: readonly string[] = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂',
  '英', '华', '建', '国', '志', '文', '辉', '玲', '红', '梅', '兰', '凤', '琴', '云', '莲', '珍', '雪', '荣', '爱', '燕', '萍', '玉',
  '春', '海', '宏', '鹏', '斌', '波', '晨', '婷', '欣', '宇', '浩', '涵', '轩', '睿', '思', '雨', '佳', '琪', '怡', '梓', '铭', '博',
  '嘉', '俊', '宁', '诗', '依', '晓', '晴', '清', '德', '福', '祥', '顺', '才', '发', '根', '泉', '炳', '坤', '锦', '榕', '鑫', '炜',
  '彬', '晖', '琳', '颖', '璐', '蕾', '薇', '倩', '雯', '妍', '瑶', '凯', '翔', '昊', '哲', '逸', '航', '泽', '楷', '铮', '淑', '惠',
  '秋', '菊', '水', '金', '銮', '钦', '仁', '义', '礼', '智', '信', '忠', '孝', '美', '贞', '碧', '月', '珠',
];
export const GIVEN_T: readonly string[] = [
  '志', '明', '俊', '傑', '建', '宏', '家', '豪', '冠', '宇', '承', '恩', '柏', '翰', '宗', '育', '淑', '芬', '美', '玲', '惠', '雅',
  '婷', '怡', '君', '佳', '慧', '秀', '琴', '麗', '華', '嘉', '欣', '宜', '庭', '瑋', '哲', '銘', '鈞', '文', '彥', '信', '偉', '國',
  '德', '榮', '輝', '錦', '碧', '霞', '玉', '珠', '鳳', '蘭', '雯', '筱', '芸', '萱', '綺', '詠', '穎', '浩', '軒', '朗', '晴', '樂',
  '賢', '耀', '祖', '鴻', '燊', '康', '蓉', '琦', '瑜', '璇', '峰', '翔', '凱', '維', '政', '仁', '昌', '順', '春', '秋', '月', '雲',
];
/** Uyghur, Kazakh and other names written with a middle dot. */
export const DOT_NAMES: readonly string[] = [
  '阿卜杜拉·艾则孜', '古丽娜尔·吐尔逊', '买买提·依明', '热依拉·阿不都', '艾力·努尔', '迪丽努尔·阿不力米提', '努尔兰·别克',
  '阿依古丽·哈力克', '吐尔洪·沙吾提', '巴哈尔古丽·艾买提',
];

export type Script = 'S' | 'T';

/** A Chinese personal name (Simplified or Traditional), with compound and rare surnames and minority names. */
export function personName(r: Rng, opts: { script?: Script; fujian?: number; surname?: string; coupleSurname?: boolean } = {}): string {
  const script = opts.script ?? 'S';
  if (script === 'S' && opts.surname === undefined && r.chance(0.012)) return r.pick(DOT_NAMES);
  const given = script === 'S' ? GIVEN_S : GIVEN_T;
  let surname = opts.surname;
  if (surname === undefined) {
    if (script === 'S') {
      const f = opts.fujian ?? 0.3;
      const list = r.weighted<readonly string[]>([
        [SURNAMES_S, 1 - f - 0.05],
        [SURNAMES_FJ, f],
        [COMPOUND_S, 0.025],
        [RARE_S, 0.025],
      ]);
      surname = r.pick(list);
    } else {
      surname = r.chance(0.03) ? r.pick(COMPOUND_T) : r.pick(SURNAMES_T);
    }
  }
  const g = r.chance(surname.length === 2 ? 0.5 : 0.78) ? r.pick(given) + r.pick(given) : r.pick(given);
  if (opts.coupleSurname === true) return `${surname.length === 1 ? surname : r.pick(SURNAMES_T)}${r.pick(SURNAMES_T)}${r.pick(given)}${r.pick(given)}`;
  return surname + g;
}

/** A name as an export writes it: trailing or inner spaces now and then (two-character names padded). */
export function dirtyName(r: Rng, name: string): string {
  if (name.length === 2 && !name.includes('·') && r.chance(0.04)) return `${name[0]} ${name[1]}`;
  if (r.chance(0.02)) return `${name} `;
  return name;
}

/** Romanised name of a Chinese name: a decoy (ZHANG WEI / CHAN Tai Man). */
const PINYIN: Record<string, string> = {
  王: 'WANG', 李: 'LI', 张: 'ZHANG', 刘: 'LIU', 陈: 'CHEN', 杨: 'YANG', 黄: 'HUANG', 赵: 'ZHAO', 吴: 'WU', 周: 'ZHOU', 徐: 'XU', 林: 'LIN',
  郑: 'ZHENG', 许: 'XU', 蔡: 'CAI', 何: 'HE', 郭: 'GUO', 谢: 'XIE', 游: 'YOU', 詹: 'ZHAN', 魏: 'WEI', 翁: 'WENG', 施: 'SHI', 洪: 'HONG',
  庄: 'ZHUANG', 傅: 'FU', 丁: 'DING', 卓: 'ZHUO', 袁: 'YUAN', 潘: 'PAN', 蒋: 'JIANG', 余: 'YU', 杜: 'DU', 吕: 'LV', 任: 'REN', 姚: 'YAO',
  卢: 'LU', 姜: 'JIANG', 崔: 'CUI', 钟: 'ZHONG', 谭: 'TAN', 陆: 'LU', 汪: 'WANG', 范: 'FAN', 金: 'JIN', 廖: 'LIAO', 贾: 'JIA', 夏: 'XIA',
  韦: 'WEI', 白: 'BAI', 邹: 'ZOU', 孟: 'MENG', 熊: 'XIONG', 秦: 'QIN', 邱: 'QIU', 尹: 'YIN', 薛: 'XUE', 雷: 'LEI', 侯: 'HOU', 龙: 'LONG',
  史: 'SHI', 陶: 'TAO', 黎: 'LI', 贺: 'HE', 顾: 'GU', 毛: 'MAO', 郝: 'HAO', 龚: 'GONG', 邵: 'SHAO', 万: 'WAN', 钱: 'QIAN', 严: 'YAN', 武: 'WU',
  戴: 'DAI', 莫: 'MO', 孔: 'KONG', 汤: 'TANG', 董: 'DONG', 田: 'TIAN', 连: 'LIAN', 官: 'GUAN', 池: 'CHI', 柯: 'KE', 阮: 'RUAN', 颜: 'YAN', 欧: 'OU', 高: 'GAO', 罗: 'LUO', 梁: 'LIANG', 宋: 'SONG', 唐: 'TANG', 韩: 'HAN', 冯: 'FENG', 邓: 'DENG',
  曹: 'CAO', 彭: 'PENG', 曾: 'ZENG', 肖: 'XIAO', 苏: 'SU', 叶: 'YE', 程: 'CHENG', 沈: 'SHEN', 方: 'FANG', 江: 'JIANG', 孙: 'SUN', 马: 'MA', 朱: 'ZHU', 胡: 'HU',
};
const GIVEN_PINYIN = ['WEI', 'FANG', 'NA', 'MIN', 'JING', 'LI', 'QIANG', 'LEI', 'JUN', 'YANG', 'YONG', 'YAN', 'JIE', 'JUAN', 'TAO', 'MING', 'CHAO', 'XIU', 'XIA', 'PING', 'HAO', 'YU', 'XIN', 'TING', 'RUI', 'HAN', 'ZIHAN', 'YUXUAN', 'SIYU', 'JIAQI', 'HAORAN', 'ZIXUAN', 'YICHEN', 'MINGXUAN', 'XINYI', 'WANTING'];
export function romanised(r: Rng, name: string): string {
  const s = PINYIN[name[0] ?? ''] ?? r.pick(Object.values(PINYIN));
  return r.chance(0.5) ? `${s} ${r.pick(GIVEN_PINYIN)}` : `${s}, ${r.pick(GIVEN_PINYIN)}`;
}
const HK_SURNAME_ROMAN = ['CHAN', 'LEE', 'CHEUNG', 'WONG', 'HO', 'LAM', 'LEUNG', 'NG', 'LAU', 'CHOI', 'CHENG', 'YEUNG', 'KWOK', 'TSE', 'LO', 'MAK', 'TANG', 'FUNG', 'TSANG', 'CHU', 'YIP', 'LO', 'WU', 'YU', 'POON', 'PANG', 'SO', 'YUEN', 'CHUNG'];
const HK_GIVEN_ROMAN = ['Tai Man', 'Siu Ming', 'Ka Yan', 'Wing Sze', 'Chi Hung', 'Hoi Ying', 'Tsz Hin', 'Ho Yin', 'Pui Shan', 'Cheuk Lam', 'Sze Wing', 'Yat Long', 'Hei Tung', 'Lok Yiu', 'Chun Kit', 'Wai Kwan'];
export function hkRoman(r: Rng): string {
  return `${r.pick(HK_SURNAME_ROMAN)} ${r.pick(HK_GIVEN_ROMAN)}`;
}

// ---------------------------------------------------------------------------------------------
// GB 11643 resident ID, legacy ID, residence permits

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function mod112Check(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return '10X98765432'[s % 11] as string;
}
export function passesMod112(v: string): boolean {
  return /^\d{17}[\dXx]$/.test(v) && mod112Check(v.slice(0, 17)) === v[17]?.toUpperCase();
}

export interface Person {
  name: string;
  id: string;
  birth: Date;
  male: boolean;
}

/** An 18-character resident ID: county code, birth date, order code (odd male), MOD 11-2 check. */
export function residentId(r: Rng, county: string, birth: Date, male: boolean): string {
  let order = r.int(0, 99) * 10 + r.int(0, 4) * 2 + (male ? 1 : 0);
  if (order === 0) order = male ? 1 : 2;
  const body = `${county}${ymdCompact(birth)}${pad(order, 3)}`;
  return body + mod112Check(body);
}

/** A legacy 15-digit ID: county code, YYMMDD, 3-digit order. */
export function legacyId(r: Rng, county: string, birth: Date, male: boolean): string {
  const order = r.int(0, 99) * 10 + r.int(0, 4) * 2 + (male ? 1 : 0);
  return `${county}${ymdCompact(birth).slice(2)}${pad(Math.max(order, 1), 3)}`;
}

/** A 港澳台居民居住证 number: 810000/820000/830000 + birth date + order + check. */
export function permitId(r: Rng, prefix: '810000' | '820000' | '830000', birth: Date, male: boolean): string {
  return residentId(r, prefix, birth, male);
}

export function birthBetween(r: Rng, fromYear: number, toYear: number): Date {
  return dayBetween(r, utcDay(fromYear, 1, 1), utcDay(toYear, 12, 31));
}

/** An ID written the way exports write it: 6 8 4 spacing, a leading space, lower-case x, ~1 % typos. */
export function dirtyId(r: Rng, id: string, typo = 0.008): string {
  if (r.chance(typo)) {
    const i = r.int(6, 16);
    const d = (Number(id[i]) + r.int(1, 9)) % 10;
    const t = id.slice(0, i) + String(d) + id.slice(i + 1);
    if (!passesMod112(t)) return t;
  }
  const x = r.next();
  if (x < 0.02) return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
  if (x < 0.035) return ` ${id}`;
  if (x < 0.06 && id.endsWith('X')) return id.slice(0, 17) + 'x';
  return id;
}

function dateFrom8(s: string): boolean {
  const y = Number(s.slice(0, 4));
  return y >= 1900 && y <= 2024 && validDate(y, Number(s.slice(4, 6)), Number(s.slice(6, 8)));
}

/**
 * What an 18- or 15-character value is under GB 11643: a mainland ID ('cn', real county code), a
 * legacy 15-digit ID ('legacy'), a residence permit ('810000' …) or nothing. `loose` accepts any
 * plausible province prefix (for screening decoys).
 */
export function gb11643Kind(raw: string, loose = false): 'cn' | 'legacy' | '810000' | '820000' | '830000' | null {
  const v = raw.trim().replace(/ /g, '');
  if (/^\d{15}$/.test(v)) {
    const okPlace = loose ? PROVINCES.has(v.slice(0, 2)) : COUNTY_CODES.has(v.slice(0, 6));
    const y = 1900 + Number(v.slice(6, 8));
    return okPlace && validDate(y, Number(v.slice(8, 10)), Number(v.slice(10, 12))) ? 'legacy' : null;
  }
  if (!passesMod112(v)) return null;
  if (!dateFrom8(v.slice(6, 14))) return null;
  const p = v.slice(0, 6);
  if (p === '810000' || p === '820000' || p === '830000') return p;
  if (loose ? PROVINCES.has(p.slice(0, 2)) : COUNTY_CODES.has(p)) return 'cn';
  return null;
}

/** 18 digits with a real county code and a real date whose MOD 11-2 check is wrong. */
export function idShapedInvalid(r: Rng, county: string, d: Date): string {
  const body = `${county}${ymdCompact(d)}${r.digits(3)}`;
  const good = mod112Check(body);
  const choices = '0123456789X'.split('').filter((c) => c !== good);
  return body + r.pick(choices);
}

// ---------------------------------------------------------------------------------------------
// Permits and passports

/** 台胞证: the 8-digit lifelong number; older cards as 8 + 2 digits, or with the (B)/(J) issue letter. */
export function mtp(r: Rng): string {
  const n = `${r.pick(['0', '1'])}${r.digits(7)}`;
  const x = r.next();
  if (x < 0.08) return `${n}${pad(r.int(1, 4))}`;
  if (x < 0.12) return `${n}(${pad(r.int(1, 4))})`;
  if (x < 0.15) return `${n}(${r.pick(['B', 'J'])})`;
  return n;
}
export function isMtp(v: string): boolean {
  return /^(\d{8}|\d{10}|\d{8}\(\d{2}\)|\d{8}\d{0,2}\([A-Z]\))$/.test(v.trim());
}

/** 回乡证: H or M + 8 digits, with or without the 2-digit renewal count. */
export function homeReturnPermit(r: Rng, letter: 'H' | 'M'): string {
  const n = `${letter}${r.pick(['0', '1', '6', '7', '5'])}${r.digits(7)}`;
  return r.chance(0.45) ? `${n}${pad(r.int(0, 3))}` : n;
}
export function isHomeReturnPermit(v: string): boolean {
  return /^[HM]\d{8}(\d{2})?$/.test(v.trim().toUpperCase());
}

const PASSPORT_SECOND = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split('');
/** PRC ordinary passport: E + letter/digit + 7 digits (since 2012), older G + 8 digits. */
export function cnPassport(r: Rng): string {
  if (r.chance(0.12)) return `G${r.digits(8)}`;
  return `E${r.pick(PASSPORT_SECOND.slice(0, 24))}${r.digits(7)}`;
}
export function isCnPassport(v: string): boolean {
  return /^(G\d{8}|E[A-HJ-NP-Z0-9]\d{7})$/.test(v.trim().toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Taiwan ID, HKID

const TW_LETTERS: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26,
  T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};
function twSum(v: string): number {
  const n = TW_LETTERS[v[0] as string] as number;
  let s = Math.floor(n / 10) + (n % 10) * 9;
  for (let i = 1; i < 9; i++) s += Number(v[i]) * (9 - i);
  return s;
}
export function twNationalId(r: Rng, male: boolean): string {
  const letter = r.weighted<string>([['A', 5], ['F', 5], ['H', 3], ['B', 3], ['E', 2], ['D', 2], ['R', 1], ['N', 1], ['K', 1], ['J', 1], ['P', 1], ['T', 1], ['Q', 1], ['S', 1], ['U', 1]]);
  const body = `${letter}${male ? '1' : '2'}${r.digits(7)}`;
  const check = (10 - (twSum(body + '0') % 10)) % 10;
  return body + String(check);
}
export function isTwNationalId(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[A-Z][12]\d{8}$/.test(v)) return false;
  return (twSum(v) + Number(v[9])) % 10 === 0;
}

const hkVal = (c: string): number => (c === ' ' ? 36 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
function hkCheck(prefix: string, digits: string): string {
  const s8 = (prefix.length === 1 ? ` ${prefix}` : prefix) + digits;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += hkVal(s8[i] as string) * (9 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}
/** HKID: 1–2 letters + 6 digits + check (mod 11), written with brackets mostly. */
export function hkid(r: Rng): { plain: string; written: string } {
  const prefix = r.chance(0.06) ? r.pick(['XA', 'WX', 'XB']) : r.weighted<string>([['R', 4], ['S', 3], ['Y', 3], ['Z', 3], ['M', 2], ['K', 2], ['P', 2], ['V', 2], ['G', 1], ['C', 1], ['D', 1], ['E', 1], ['H', 1], ['A', 1]]);
  const digits = r.digits(6);
  const c = hkCheck(prefix, digits);
  const plain = `${prefix}${digits}${c}`;
  const x = r.next();
  const written = x < 0.75 ? `${prefix}${digits}(${c})` : x < 0.9 ? plain : `${prefix}${digits} (${c})`;
  return { plain, written };
}
export function isHkid(raw: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6}) ?\(?([0-9A])\)?$/.exec(raw.trim().toUpperCase());
  if (m === null) return false;
  return hkCheck(m[1] as string, m[2] as string) === m[3];
}

// ---------------------------------------------------------------------------------------------
// GB 32100 USCC (with the GB 11714 organisation code inside)

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function usccCheck(first17: string): string | null {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] as string);
    if (v < 0) return null;
    s += v * (USCC_WEIGHTS[i] as number);
  }
  return USCC_ALPHABET[(31 - (s % 31)) % 31] as string;
}
export function isUscc(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return false;
  return usccCheck(v.slice(0, 17)) === v[17];
}
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCodeCheck(eight: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const c = eight[i] as string;
    s += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * (ORG_WEIGHTS[i] as number);
  }
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
const ORG_ALNUM = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A USCC: authority + type, county code, organisation code with its GB 11714 check, GB 32100 check. */
export function uscc(r: Rng, county: string, kind: '91' | '92' | '12' | '52' | '93' | '11' = '91'): string {
  for (;;) {
    let org: string;
    if (kind === '91' && r.chance(0.7)) {
      org = `MA${r.pick(['2', '3', '4', '8'])}${Array.from({ length: 5 }, () => r.pick(ORG_ALNUM.split(''))).join('')}`;
    } else org = r.digits(8);
    const oc = orgCodeCheck(org);
    const body = `${kind}${county}${org}${oc}`;
    const c = usccCheck(body);
    if (c !== null) return body + c;
  }
}

// ---------------------------------------------------------------------------------------------
// VIN (ISO 3779)

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const vinVal = (c: string): number => (/\d/.test(c) ? Number(c) : (VIN_VALUES[c] ?? -1));
export function vinCheck(v: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) if (i !== 8) s += vinVal(v[i] as string) * (VIN_WEIGHTS[i] as number);
  const c = s % 11;
  return c === 10 ? 'X' : String(c);
}
export function isVin(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && vinCheck(v) === v[8];
}
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'.split('');
const YEAR_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R'];
/** A VIN with a real-looking WMI, model year code and serial; the check digit computed. */
export function vin(r: Rng, wmis: readonly string[]): string {
  const wmi = r.pick(wmis);
  const vds = Array.from({ length: 5 }, () => r.pick(VIN_CHARS)).join('');
  const rest = `${r.pick(YEAR_CODES)}${r.pick(VIN_CHARS.slice(0, 23))}${r.digits(6)}`;
  const v = `${wmi}${vds}0${rest}`;
  return v.slice(0, 8) + vinCheck(v) + v.slice(9);
}
export const WMI_CN = ['LSV', 'LFV', 'LVS', 'LGB', 'LHG', 'LVH', 'LBV', 'LRW', 'LGX', 'LSG', 'LFM', 'LDC', 'LNB', 'LB3', 'LSJ'];
export const WMI_TW = ['RKL', 'RKM', 'JTD', 'JHM', 'KMH', 'WBA', 'WDD', 'WVW', 'VF1', 'JN1', 'JMB'];

// ---------------------------------------------------------------------------------------------
// Luhn, bank cards

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
  for (let c = 0; c < 10; c++) if (luhnValid(body + String(c))) return String(c);
  throw new Error('unreachable');
}
/** A card number of the given BIN and length with its Luhn digit (or, with `fail`, a wrong one). */
export function cardNumber(r: Rng, bin: string, length: number, fail = false): string {
  const body = bin + r.digits(length - bin.length - 1);
  const good = luhnDigit(body);
  if (!fail) return body + good;
  return body + String((Number(good) + r.int(1, 9)) % 10);
}
/** Debit cards of mainland banks (UnionPay 62 BINs), 19 digits mostly. */
export const DEBIT_BINS: ReadonlyArray<readonly [string, string, number]> = [
  ['621700', '中国建设银行', 19], ['622848', '中国农业银行', 19], ['621226', '中国工商银行', 19], ['621661', '中国银行', 19],
  ['622262', '交通银行', 19], ['621799', '中国邮政储蓄银行', 19], ['622909', '兴业银行', 18], ['621483', '招商银行', 16],
  ['623061', '福建省农村信用社', 19], ['621977', '福州农村商业银行', 19],
];
export function groupBy4(d: string): string {
  return d.replace(/(\d{4})(?=\d)/g, '$1 ');
}

// ---------------------------------------------------------------------------------------------
// Phones

export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '149', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185',
  '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199',
];
export function cnMobile(r: Rng): string {
  const p = r.weighted<string>([[r.pick(MOBILE_PREFIXES), 10], [r.pick(['190', '192', '193', '195', '196', '197', '199']), 2]]);
  return p + r.digits(8);
}
/** A mobile as exports write it. */
export function fmtMobile(r: Rng, m: string, dirt = 0.18): string {
  if (!r.chance(dirt)) return m;
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
  const v = raw.trim().replace(/^(\+86|0086|86-)\s?/, '').replace(/[- ]/g, '');
  return /^1\d{10}$/.test(v) && MOBILE_PREFIXES.includes(v.slice(0, 3));
}

export function twMobile(r: Rng): string {
  const d = `9${r.pick(['0', '1', '2', '3', '5', '6', '7', '8'])}${r.digits(7)}`;
  return r.weighted<string>([
    [`0${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`, 5],
    [`0${d}`, 4],
    [`+886 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`, 1],
    [`+886-${d}`, 1],
  ]);
}
export function isTwMobile(raw: string): boolean {
  const v = raw.trim();
  return /^09\d{2}-?\d{3}-?\d{3}$/.test(v) || /^\+886[- ]?9\d{2}[- ]?\d{3}[- ]?\d{3}$/.test(v);
}

/** Area codes with the length of their local numbers. */
export const AREA_CODES: ReadonlyArray<readonly [string, number]> = [
  ['0591', 8], ['0592', 7], ['0595', 8], ['0594', 7], ['0596', 7], ['0599', 7], ['0593', 7], ['0756', 7], ['0755', 8], ['020', 8], ['010', 8], ['021', 8],
];
export function cnLandline(r: Rng, area?: string): string {
  const a = area ?? r.pick(AREA_CODES)[0];
  const len = AREA_CODES.find(([c]) => c === a)?.[1] ?? 8;
  const local = String(r.int(2, 8)) + r.digits(len - 1);
  return `${a}-${local}`;
}
export function fmtLandline(r: Rng, l: string): string {
  const [a, n] = l.split('-') as [string, string];
  return r.weighted<string>([
    [`${a}-${n}`, 6],
    [`(${a})${n}`, 1],
    [`（${a}）${n}`, 1],
    [`${a} ${n}`, 1],
    [`${a}${n}`, 1],
    [`${a}-${n}-${r.int(100, 8999)}`, 0.6],
    [`${a}-${n}转${r.int(100, 899)}`, 0.4],
  ]);
}
export function isCnLandline(raw: string): boolean {
  const v = raw.trim();
  const m = /^(?:\((0\d{2,3})\)|（(0\d{2,3})）|(0\d{2,3}))[- ]?(\d{7,8})(?:(?:-|转)\d{1,5})?$/.exec(v);
  if (m === null) return false;
  const a = m[1] ?? m[2] ?? m[3] ?? '';
  const local = m[4] ?? '';
  const len = AREA_CODES.find(([c]) => c === a)?.[1];
  if (!/^[2-8]/.test(local)) return false;
  return len === undefined ? /^0[1-9]\d{1,2}$/.test(a) : local.length === len;
}

// ---------------------------------------------------------------------------------------------
// E-mail, IP, MAC, coordinates, plates, secrets

const MAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com.tw', 'icloud.com', 'aliyun.com', '139.com'];
export function email(r: Rng, hint = ''): string {
  const local = r.weighted<string>([
    [`${hint !== '' ? hint : r.pick(['lin', 'chen', 'wang', 'zhang', 'huang', 'li', 'wu', 'zheng'])}${r.pick(['', '.', '_'])}${r.pick(['mm', 'xy', 'jj', 'yy', 'wei', 'fang', 'hao', 'ting'])}${r.int(1, 9999)}`, 4],
    [String(r.int(10000, 3999999999)), 3],
    [`${r.pick(['sunny', 'lucky', 'tiger', 'momo', 'xiaoyu', 'kiki', 'river', 'amber', 'leo', 'coco'])}${r.int(80, 2009)}`, 2],
  ]);
  const domain = /^\d+$/.test(local) ? 'qq.com' : r.pick(MAIL_DOMAINS);
  return `${local}@${domain}`;
}
export function isEmail(v: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(v.trim());
}

export function ipv4Public(r: Rng): string {
  const first = r.pick([27, 36, 39, 42, 58, 59, 60, 61, 101, 106, 110, 112, 113, 117, 120, 121, 123, 125, 140, 175, 180, 183, 218, 220, 222, 223]);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}
export function ipv4Private(r: Rng): string {
  return r.pick([`10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, `192.168.${r.int(0, 20)}.${r.int(2, 254)}`, `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`]);
}
export function ipv6(r: Rng): string {
  const h = (): string => r.int(0, 0xffff).toString(16);
  return `240e:${r.int(0x300, 0x3ff).toString(16)}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
}
export function isIp(raw: string): boolean {
  const v = raw.trim();
  const m4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (m4 !== null) return m4.slice(1).every((x) => Number(x) <= 255 && !/^0\d/.test(x));
  return /^[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){2,7}$/.test(v) && v.includes(':');
}

export function mac(r: Rng, style: 'colon' | 'dash' | 'lower' | 'cisco' | 'mixed' = 'mixed', oui?: string): string {
  const bytes = (oui ?? r.pick(['F4:8E:38', '3C:46:D8', '00:E0:4C', 'B0:7B:25', '60:DE:F3', 'A4:50:46', 'C8:5B:76', '98:DA:C4', '44:2C:05', '00:1A:A9'])).split(':');
  while (bytes.length < 6) bytes.push(r.int(0, 255).toString(16).toUpperCase().padStart(2, '0'));
  const s = style === 'mixed' ? r.weighted<'colon' | 'dash' | 'lower' | 'cisco'>([['colon', 6], ['dash', 2], ['lower', 2], ['cisco', 1]]) : style;
  if (s === 'dash') return bytes.join('-');
  if (s === 'lower') return bytes.join(':').toLowerCase();
  if (s === 'cisco') {
    const h = bytes.join('').toLowerCase();
    return `${h.slice(0, 4)}.${h.slice(4, 8)}.${h.slice(8)}`;
  }
  return bytes.join(':');
}
export function isMac(raw: string): boolean {
  const v = raw.trim();
  return /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}$/.test(v) || /^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(v);
}

/** A precise point near a centre, `lat,lng` with 5–6 decimals (or with a space). */
export function geo(r: Rng, lat: number, lng: number, spread = 0.08): string {
  const a = (lat + (r.next() - 0.5) * spread).toFixed(r.chance(0.6) ? 6 : 5);
  const b = (lng + (r.next() - 0.5) * spread).toFixed(r.chance(0.6) ? 6 : 5);
  return r.weighted<string>([[`${a},${b}`, 6], [`${a}, ${b}`, 2], [`${a} ${b}`, 1]]);
}
export function isGeo(raw: string): boolean {
  const m = /^(-?\d{1,3}\.\d+)\s*[,， ]\s*(-?\d{1,3}\.\d+)$/.exec(raw.trim());
  if (m === null) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const dec = Math.min((m[1] ?? '').split('.')[1]?.length ?? 0, (m[2] ?? '').split('.')[1]?.length ?? 0);
  return dec >= 4 && ((Math.abs(a) <= 90 && Math.abs(b) <= 180) || (Math.abs(b) <= 90 && Math.abs(a) <= 180));
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split('');
/** A mainland plate: 5 characters after the city letter, or 6 for new-energy plates (D/F first or last). */
export function plate(r: Rng, province: string, cities: readonly string[], ne = 0.25): string {
  const city = r.pick(cities);
  let rest: string;
  if (r.chance(ne)) {
    rest = r.chance(0.8) ? `${r.pick(['D', 'F'])}${r.pick(PLATE_CHARS)}${r.digits(4)}` : `${r.digits(5)}${r.pick(['D', 'F'])}`;
  } else {
    const chars = Array.from({ length: 5 }, (_, i) => (i < 2 && r.chance(0.3) ? r.pick(PLATE_LETTERS) : String(r.int(0, 9))));
    rest = chars.join('');
  }
  const sep = r.weighted<string>([['', 6], ['·', 2], [' ', 1], ['-', 1]]);
  return `${province}${city}${sep}${rest}`;
}
export function isPlate(raw: string): boolean {
  const v = raw.trim().replace(/[·\- ]/g, '');
  return /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤粵青藏川宁琼][A-HJ-NP-Z]([A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]|[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/.test(v);
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function randomB64url(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += B64URL[r.int(0, 63)];
  return s;
}
export function hex(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(0, 15)];
  return s;
}
export function uuid(r: Rng): string {
  const h = hex(r, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
}
/** A user password as people pick them (a credential). */
export function userPassword(r: Rng, hint: string): string {
  const cap = hint.charAt(0).toUpperCase() + hint.slice(1);
  let p = r.weighted<string>([
    [`${cap}@${r.int(1990, 2024)}`, 3],
    [`${hint}${r.int(100, 9999)}${r.pick(['!', '#', '$', '.'])}`, 3],
    [`${r.pick(['Lx', 'Uk', 'Au', 'Ca', 'Us'])}#${r.int(1000, 9999)}${hint.slice(0, 2)}`, 2],
    [`${randomB64url(r, 4)}${r.pick(['@', '&', '*'])}${r.int(10, 99)}${randomB64url(r, 3)}`, 2],
  ]);
  // Portals ask for at least eight characters.
  while (p.length < 8) p += r.pick(['0', '8', '6', 'a', 'x', '!']);
  return p;
}
export function looksLikeSecret(v: string): boolean {
  const t = v.trim();
  if (/^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(t)) return true;
  return t.length >= 8 && t.length <= 64 && !/\s/.test(t) && /[A-Za-z]/.test(t) && /\d/.test(t) && /[^A-Za-z0-9]/.test(t);
}

// ---------------------------------------------------------------------------------------------
// Health terms and genetic notations

export const DIAGNOSES_S: readonly string[] = [
  '高血压', '2型糖尿病', '冠状动脉粥样硬化性心脏病', '脑梗死', '阿尔茨海默病', '帕金森病', '慢性阻塞性肺疾病', '骨质疏松症', '血管性痴呆',
  '慢性心力衰竭', '慢性肾脏病', '类风湿关节炎', '痛风', '甲状腺功能减退症', '胃食管反流病', '慢性乙型病毒性肝炎', '支气管哮喘', '抑郁症',
  '腰椎间盘突出症', '膝骨关节炎', '白内障', '前列腺增生', '心房颤动', '肺结核', '尿毒症', '乳腺癌', '肺癌', '肝硬化', '精神分裂症', '癫痫',
  '脑性瘫痪', '系统性红斑狼疮', '再生障碍性贫血', '白血病', '高脂血症', '脑出血', '慢性胃炎', '肾病综合征', '双相情感障碍', '焦虑症',
  '过敏性鼻炎', '湿疹', '银屑病', '干眼症', '青光眼', '高尿酸血症', '失眠症', '颈椎病', '偏头痛', '荨麻疹', '1型糖尿病', '结直肠癌', '胃癌',
  '肝癌', '鼻咽癌', '食管癌', '慢性肾衰竭', '帕金森综合征', '重症肌无力', '强直性脊柱炎', '地中海贫血', '血友病',
];
export const DIAGNOSES_T: readonly string[] = [
  '哮喘', '蠶豆症', '花生過敏', '癲癇', '濕疹', '過敏性鼻炎', '注意力不足過動症', '自閉症', '地中海貧血', '1型糖尿病', '先天性心臟病',
  '弱視', '脊柱側彎', '腎病綜合症', '川崎病', '妥瑞症', '甲狀腺功能亢進', '高血壓', '糖尿病', '痛風', '心律不整', '氣喘',
];
export const DRUGS_S: readonly string[] = [
  '氨氯地平', '硝苯地平', '缬沙坦', '厄贝沙坦', '阿托伐他汀钙', '瑞舒伐他汀钙', '二甲双胍', '阿卡波糖', '格列美脲', '胰岛素', '阿司匹林',
  '氯吡格雷', '华法林', '多奈哌齐', '美金刚', '多巴丝肼', '奥美拉唑', '泮托拉唑', '别嘌醇', '非布司他', '左甲状腺素钠', '沙美特罗替卡松',
  '噻托溴铵', '阿仑膦酸钠', '坦索罗辛', '舍曲林', '艾司西酞普兰', '利伐沙班', '美托洛尔', '呋塞米', '螺内酯', '单硝酸异山梨酯', '丙戊酸钠',
  '左乙拉西坦', '恩替卡韦', '替诺福韦', '达格列净', '西格列汀', '沙库巴曲缬沙坦', '普瑞巴林', '甲钴胺', '孟鲁司特钠', '布地奈德', '奥氮平',
  '喹硫平', '碳酸锂', '碳酸钙D3', '雷贝拉唑', '莫沙必利', '硫酸氢氯吡格雷', '替格瑞洛', '依折麦布', '秋水仙碱', '羟氯喹', '甲氨蝶呤',
];
export const ALLERGIES_S: readonly string[] = ['青霉素过敏', '头孢类过敏', '磺胺类过敏', '阿司匹林过敏', '碘造影剂过敏', '海鲜过敏', '花粉过敏', '链霉素过敏', '布洛芬过敏', '鸡蛋过敏'];
export const INJURIES_S: readonly string[] = [
  '左小腿截肢', '右手示指缺失', '双耳神经性耳聋', '腰椎压缩性骨折', '颅脑外伤', '右眼球摘除', '左肘关节强直', '创伤后应激障碍', '高原性心脏病',
  '矽肺', '右股骨干骨折', '左耳鼓膜穿孔', '脊髓损伤', '右下肢截肢', '左手环指缺失',
];
/** ICD-10 codes of the diagnoses the internet hospital writes, by diagnosis. */
export const ICD10: Record<string, string> = {
  高血压: 'I10', '2型糖尿病': 'E11.9', 冠状动脉粥样硬化性心脏病: 'I25.1', 脑梗死: 'I63.9', 慢性阻塞性肺疾病: 'J44.9', 骨质疏松症: 'M81.0',
  慢性心力衰竭: 'I50.9', 慢性肾脏病: 'N18.9', 类风湿关节炎: 'M06.9', 痛风: 'M10.9', 甲状腺功能减退症: 'E03.9', 胃食管反流病: 'K21.9',
  慢性乙型病毒性肝炎: 'B18.1', 支气管哮喘: 'J45.9', 抑郁症: 'F32.9', 膝骨关节炎: 'M17.9', 前列腺增生: 'N40', 心房颤动: 'I48.9',
  高脂血症: 'E78.5', 失眠症: 'G47.0', 焦虑症: 'F41.9', 过敏性鼻炎: 'J30.4', 银屑病: 'L40.9', 高尿酸血症: 'E79.0', 偏头痛: 'G43.9',
  慢性胃炎: 'K29.5', 双相情感障碍: 'F31.9', 癫痫: 'G40.9', 帕金森病: 'G20', 干眼症: 'H04.1', 系统性红斑狼疮: 'M32.9', 强直性脊柱炎: 'M45.9',
};
export const GENETIC_RESULTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['CYP2C19', ['CYP2C19*1/*1', 'CYP2C19*1/*2', 'CYP2C19*2/*2', 'CYP2C19*1/*3', 'CYP2C19*2/*3', 'CYP2C19*1/*17']],
  ['MTHFR', ['rs1801133 CC', 'rs1801133 CT', 'rs1801133 TT']],
  ['SLCO1B1', ['rs4149056 TT', 'rs4149056 TC', 'rs4149056 CC', 'SLCO1B1*1b/*15']],
  ['VKORC1', ['rs9923231 AA', 'rs9923231 AG', 'rs9923231 GG']],
  ['CYP2C9', ['CYP2C9*1/*1', 'CYP2C9*1/*3', 'CYP2C9*3/*3']],
  ['ALDH2', ['rs671 GG', 'rs671 GA', 'rs671 AA']],
];
export const GENES: readonly string[] = GENETIC_RESULTS.map(([g]) => g);

const MEDICAL_TERMS: readonly string[] = [...DIAGNOSES_S, ...DIAGNOSES_T, ...DRUGS_S, ...ALLERGIES_S, ...INJURIES_S, '过敏', '過敏', '截肢'];
/** A health value: a term of the lists (or a list of them), an allergy, an ICD-10 code. */
export function looksLikeMedical(raw: string): boolean {
  const v = raw.trim();
  if (/^[A-TV-Z]\d{2}(\.\d{1,2})?$/.test(v)) return true;
  return MEDICAL_TERMS.some((t) => v.includes(t));
}
export function looksLikeGenetic(raw: string): boolean {
  const v = raw.trim();
  return /\brs\d{3,}\s*[ACGT]{1,2}\b/.test(v) || /[A-Z0-9]+\*\d+[A-Za-z]?\/\*\d+/.test(v) || /HLA-[A-Z]+\d?\*\d{2}:\d{2}/.test(v) || /^[ACGT]{16,}$/.test(v) || /c\.\d+[ACGT]>[ACGT]/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Names and addresses, judged by shape

const SURNAME_SET = new Set([...SURNAMES_S, ...SURNAMES_FJ, ...RARE_S, ...SURNAMES_T]);
const COMPOUND_SET = new Set([...COMPOUND_S, ...COMPOUND_T]);
const GIVEN_SET = new Set([...GIVEN_S, ...GIVEN_T]);
/** Strict name shape: a surname, then one or two given-name characters of the lists; dot names; 冠夫姓. */
export function looksLikeName(raw: string): boolean {
  const v = raw.trim().replace(/ /g, '');
  if (/^[\u4e00-\u9fa5]{2,6}·[\u4e00-\u9fa5]{2,6}$/.test(v)) return true;
  const given = (s: string): boolean => s.length >= 1 && s.length <= 2 && [...s].every((c) => GIVEN_SET.has(c));
  if (COMPOUND_SET.has(v.slice(0, 2)) && given(v.slice(2))) return true;
  if (SURNAME_SET.has(v.slice(0, 1)) && given(v.slice(1))) return true;
  return v.length === 4 && SURNAME_SET.has(v[0] as string) && SURNAME_SET.has(v[1] as string) && given(v.slice(2));
}
/** Soft name look-alike: a 2–4-character word starting with a surname. */
export function softName(raw: string): boolean {
  const v = raw.trim();
  return /^[\u4e00-\u9fa5]{2,4}$/.test(v) && (SURNAME_SET.has(v[0] as string) || COMPOUND_SET.has(v.slice(0, 2)));
}
export function looksLikeAddress(raw: string): boolean {
  const v = raw.trim();
  return /(省|市|区|區|县|縣|镇|鎮|乡|鄉|街道|路|街|巷|村|道)/.test(v) && /\d+\s*(号|號|室|楼|樓|层|單元|单元|栋|棟|座|弄|组)/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Screening decoys: checksums on the whole cell, on every alphanumeric token and every digit run

/** The parts of a cell a scanner could read as one identifier. */
export function candidates(raw: string): string[] {
  const v = raw.trim();
  const out = new Set<string>([v, v.replace(/[\s-]/g, '')]);
  for (const t of v.match(/[0-9A-Za-z]+/g) ?? []) out.add(t);
  for (const t of v.match(/\d+/g) ?? []) out.add(t);
  return [...out].filter((c) => c !== '');
}

/** Types whose checksum passes on the cell or a part of it (resident IDs and permits with any plausible province). */
export function checksumHits(raw: string): string[] {
  const hits = new Set<string>();
  for (const c of candidates(raw)) {
    const k = gb11643Kind(c, true);
    if (k === 'cn' || k === 'legacy') hits.add('cn_resident_id');
    else if (k === '810000') hits.add('hk_residence_permit');
    else if (k === '820000') hits.add('mo_residence_permit');
    else if (k === '830000') hits.add('tw_residence_permit');
    if (isUscc(c)) hits.add('cn_uscc');
    if (isVin(c)) hits.add('vin');
    if (isHkid(c)) hits.add('hk_id');
    if (isTwNationalId(c)) hits.add('tw_national_id');
    if (/^\d{16,19}$/.test(c) && luhnValid(c)) hits.add('bank_card');
  }
  if (isHkid(raw)) hits.add('hk_id');
  return [...hits];
}

/** Phone numbers inside a cell: an 11-digit run with a mobile prefix, a run of area code + local number. */
export function embeddedPhoneHits(raw: string): string[] {
  const hits = new Set<string>();
  for (const run of raw.match(/\d+/g) ?? []) {
    if (run.length === 11 && isCnMobile(run)) hits.add('cn_mobile');
    if (/^0\d{9,11}$/.test(run) && AREA_CODES.some(([a, len]) => run.startsWith(a) && run.length === a.length + len && /^[2-8]/.test(run.slice(a.length)))) hits.add('cn_landline');
  }
  return [...hits];
}

/** True when a decoy value passes no checksum and holds no phone number. */
export function cleanDecoy(raw: string): boolean {
  return checksumHits(raw).length === 0 && embeddedPhoneHits(raw).length === 0;
}

/** Draws until the value is a clean decoy. */
export function drawClean(make: () => string, ok: (v: string) => boolean = () => true): string {
  for (let i = 0; i < 1000; i++) {
    const v = make();
    if (cleanDecoy(v) && ok(v)) return v;
  }
  throw new Error('could not draw a clean decoy');
}

/** The UPU S10 check digit of 8 serial digits (weights 8 6 4 2 3 5 9 7; 10 → 0, 11 → 5). */
export function s10Check(eight: string): string {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(eight[i]) * (w[i] as number);
  const c = 11 - (s % 11);
  return c === 10 ? '0' : c === 11 ? '5' : String(c);
}
export function isS10(v: string): boolean {
  const m = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(v.trim());
  return m !== null && s10Check(m[1] as string) === m[2];
}
