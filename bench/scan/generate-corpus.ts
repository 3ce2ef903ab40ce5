/**
 * Deterministic benchmark corpus for the sensitive-data scanner: a CSV of the requested size whose
 * columns mix real-looking Chinese personal data (valid identifiers), free text, and decoys that look
 * like identifiers but are not.
 *
 *   npx tsx bench/scan/generate-corpus.ts --mb 1024 --out .tmp/bench/corpus.csv [--encoding gbk] [--seed 42]
 *
 * - `--mb` is in MiB (2^20 bytes); the file stops at the first row that reaches the size.
 * - Same seed, same size, same encoding → byte-identical file (seeded sfc32 PRNG, no Math.random,
 *   no clock).
 * - Streams: rows are built in ~1 MiB chunks and written with back-pressure, so memory stays
 *   constant whatever the size. The file is written under a temporary name and renamed at the end.
 * - `--encoding utf8` (default), `gbk` or `gb18030`: GBK/GB18030 bytes come from iconv-lite when it
 *   is installed, else from the project's `encodeGb18030`.
 * - Ground truth: `<out>.truth.json` lists every column with the detector type it holds, `decoy`, or
 *   `free_text` (remarks that sometimes embed a phone number, an ID number or a name).
 *
 * Identifier columns are valid by construction (MOD 11-2, GB 32100, Luhn, ISO 3779, current mobile
 * segments) and the first rows are re-checked with the project's validators before anything is
 * written. Decoys are checked the other way: an order number that happens to be a valid ID number
 * is re-drawn, so a decoy column holds no real identifier.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  luhnCheck,
  mod11_2CheckChar,
  USCC_ALPHABET,
  usccCheckChar,
  validateCnResidentId,
  VALIDATORS,
  vinCheckChar,
  type ValidatedTypeId,
} from '../../src/contexts/detection/validators/index.ts';

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32, seeded through splitmix32 (fast, good enough, fully deterministic).

class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** Float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(arr: readonly T[]): T {
    return arr[this.int(arr.length)] as T;
  }
  /** Characters of `alphabet`, `n` of them. */
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet.charAt(this.int(alphabet.length));
    return s;
  }
  digits(n: number): string {
    return this.chars('0123456789', n);
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------
// Reference data.

/** Real GB/T 2260 county-level codes: Fujian-heavy (incl. 350128 平潭县), a few elsewhere. */
const FUJIAN_CODES = [
  350102, 350103, 350104, 350105, 350111, 350112, 350121, 350122, 350123, 350124, 350125, 350128, 350128, 350128, 350128, 350181,
  350203, 350205, 350206, 350211, 350212, 350213, 350302, 350303, 350322, 350503, 350504, 350521, 350524, 350581, 350582, 350583,
  350602, 350603, 350681, 350702, 350802, 350902, 350404, 350981,
];
const OTHER_CODES = [110101, 110105, 110108, 310101, 310104, 310115, 440103, 440106, 440304, 330106, 330110, 320102, 320506, 510104, 420102, 370202, 360102, 430102, 610113, 500103];
const DIVISION_CODES = [...FUJIAN_CODES, ...FUJIAN_CODES, ...OTHER_CODES];

const SURNAMES = [
  '林', '陈', '黄', '郑', '王', '李', '张', '刘', '吴', '杨', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '罗',
  '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蔡', '蒋', '余', '杜',
  '叶', '程', '苏', '魏', '吕', '丁', '沈', '姚', '卢', '钟', '施', '洪', '庄', '游', '詹', '翁', '邱', '江', '薛', '欧阳',
  '司马', '上官', '诸葛',
];
const GIVEN_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志文斌宇浩辰晨欣怡佳琪子涵梓轩雨萱思远嘉诚俊凯婷雪梅海燕秋菊丽萍秀珍春生福金荣'];
const TW_SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾', '邱', '廖', '賴', '周', '葉', '蘇', '莊', '呂', '江'];
const TW_GIVEN = ['淑芬', '雅婷', '怡君', '家豪', '志明', '俊傑', '宗翰', '冠宇', '佳穎', '詩涵', '欣怡', '承恩', '柏翰', '彥廷', '美玲', '淑惠', '建宏', '志偉', '秀英', '鈺婷', '冠廷', '郁婷'];

const MOBILE_SEGMENTS = [
  130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 147, 150, 151, 152, 153, 155, 156, 157, 158, 159, 162, 165, 166, 167, 170,
  171, 172, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 195, 196, 197, 198, 199,
];
const AREA_CODES = ['0591', '0591', '0591', '0592', '0594', '0595', '0596', '0597', '0598', '0599', '0593', '010', '021', '020', '0755', '0571', '025'];

const PINYIN = ['lin', 'chen', 'huang', 'zheng', 'wang', 'li', 'zhang', 'liu', 'wu', 'yang', 'zhou', 'xu', 'weiming', 'xiaohong', 'jianguo', 'lili', 'haiyan', 'zhiqiang', 'yuting', 'jiahao', 'meiling', 'junjie', 'pingtan', 'fz', 'xm', 'tony', 'amy', 'kevin'];
const MAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com.tw', 'pingtan.gov.cn', 'fjpt.com.cn', 'sohu.com', '139.com'];

interface Place {
  prefix: string;
  towns: readonly string[];
  roads: readonly string[];
}
const FUJIAN_PLACES: readonly Place[] = [
  { prefix: '福建省平潭县', towns: ['潭城镇', '苏澳镇', '流水镇', '澳前镇', '北厝镇', '平原镇', '敖东镇', '白青乡', '君山镇', '岚城乡', '中楼乡', '金井镇'], roads: ['西航路', '城关路', '麒麟路', '金井一路', '金井二路', '万宝路', '中原路', '环岛路', '翠园路', '北厝路', '坛西大道', '岚城大道'] },
  { prefix: '福建省平潭综合实验区', towns: ['金井湾片区', '竹屿湾片区', '幸福洋片区', '台湾创业园'], roads: ['坛西大道', '金井三路', '万宝路', '北港路', '澳前路'] },
  { prefix: '福建省福州市鼓楼区', towns: ['东街街道', '南街街道', '温泉街道', '五凤街道', '鼓东街道'], roads: ['五四路', '东街', '湖东路', '杨桥中路', '华林路', '古田路', '乌山路'] },
  { prefix: '福建省福州市台江区', towns: ['茶亭街道', '上海街道', '义洲街道'], roads: ['八一七中路', '广达路', '工业路', '江滨中大道'] },
  { prefix: '福建省福州市仓山区', towns: ['仓山镇', '盖山镇', '城门镇', '建新镇'], roads: ['浦上大道', '首山路', '则徐大道', '金山大道'] },
  { prefix: '福建省厦门市思明区', towns: ['中华街道', '厦港街道', '鹭江街道', '莲前街道'], roads: ['中山路', '思明南路', '湖滨南路', '莲前西路', '厦禾路', '鹭江道'] },
  { prefix: '福建省厦门市湖里区', towns: ['湖里街道', '殿前街道', '禾山街道'], roads: ['湖里大道', '枋湖路', '高崎南五路', '吕岭路'] },
  { prefix: '福建省泉州市晋江市', towns: ['青阳街道', '梅岭街道', '安海镇', '陈埭镇'], roads: ['世纪大道', '泉安中路', '青梅路', '晋江大道'] },
  { prefix: '福建省漳州市芗城区', towns: ['东铺头街道', '西桥街道', '浦南镇'], roads: ['胜利西路', '延安北路', '大同路'] },
  { prefix: '福建省莆田市城厢区', towns: ['凤凰山街道', '龙桥街道', '霞林街道'], roads: ['荔城中大道', '文献西路', '梅园路'] },
];
const TW_PLACES: readonly Place[] = [
  { prefix: '臺北市大安區', towns: [''], roads: ['忠孝東路四段', '復興南路一段', '敦化南路二段', '和平東路三段', '信義路四段'] },
  { prefix: '臺北市信義區', towns: [''], roads: ['松仁路', '基隆路一段', '市府路', '忠孝東路五段'] },
  { prefix: '新北市板橋區', towns: [''], roads: ['文化路一段', '中山路二段', '縣民大道二段'] },
  { prefix: '臺中市西屯區', towns: [''], roads: ['臺灣大道三段', '文心路三段', '逢甲路'] },
  { prefix: '高雄市前鎮區', towns: [''], roads: ['中山二路', '成功二路', '中華五路'] },
  { prefix: '台湾省新竹市东区', towns: [''], roads: ['光复路二段', '建功一路', '关新路'] },
];
const COMMUNITIES = ['阳光花园', '岚岛公寓', '海峡家园', '金井小区', '麒麟嘉园', '幸福里', '滨海新城', '龙山小区', '香格里拉', '碧桂园'];

/** Mainland plate province characters, weighted towards 闽. */
const PLATE_PROVINCES = [...'闽闽闽闽闽闽闽闽京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉贵粤青藏川宁琼'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PLATE_SERIAL = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const VIN_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VIN_WMIS = ['LSV', 'LFV', 'LGB', 'LHG', 'LVS', 'LSG', 'LBV', 'LGX', 'LC0', 'LRW', 'LFP', 'LDC', 'LVH', 'LNB', 'LGW', 'WVW', 'WBA', 'JTD', '1HG', '5YJ'];
const VIN_YEARS = 'DEFGHJKLMNPRST';
/** UnionPay debit/credit BINs (6 digits), all starting with 62. */
const UNIONPAY_BINS = ['622848', '622202', '621700', '622588', '621483', '622700', '621226', '622262', '623668', '621799', '622609', '625965', '628288', '621661', '622908', '621785'];

const REMARK_PLAIN = [
  '客户要求下午送货', '已电话回访，客户满意', '请于周五前完成审核', '材料齐全，准予办理', '需补充营业执照复印件', '两岸直航货物，走平潭口岸',
  '台胞创业补贴申请中', '退货原因：尺码不合适', '发票已开具，待邮寄', '该户为低保家庭，优先处理', '经核实信息无误', '预约下周二到窗口办理',
  '客户不在家，改约明天', '车辆已年检', '对台小额贸易，报关单已上传', '请勿在工作时间以外致电',
];
const REMARK_TRAD = ['已與客戶聯繫，待回覆', '請於週五前寄出', '資料已核對無誤', '臺胞證已更新，請重新登記', '客戶希望改為宅配', '發票抬頭請開公司名稱'];

// ---------------------------------------------------------------------------------------------
// Value generators.

class Gen {
  constructor(private readonly r: Rng) {}

  birthDate(): string {
    const r = this.r;
    const y = r.range(1940, 2008);
    const m = r.range(1, 12);
    const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}${pad(m, 2)}${pad(r.range(1, dim), 2)}`;
  }

  /** A valid 18-char resident ID number (or, with `code`, a permit number). */
  residentId(code?: number): string {
    const body = `${code ?? this.r.pick(DIVISION_CODES)}${this.birthDate()}${this.r.digits(3)}`;
    return body + mod11_2CheckChar(body);
  }

  /** Mostly mainland IDs; ~3% Taiwan residence permits (830000); a few lower-case x. */
  idColumn(): string {
    const id = this.r.chance(0.03) ? this.residentId(830000) : this.residentId();
    return id.endsWith('X') && this.r.chance(0.1) ? id.slice(0, 17) + 'x' : id;
  }

  name(): string {
    const r = this.r;
    if (r.chance(0.08)) return r.pick(TW_SURNAMES) + r.pick(TW_GIVEN);
    let given = r.pick(GIVEN_CHARS);
    if (r.chance(0.7)) given += r.pick(GIVEN_CHARS);
    return r.pick(SURNAMES) + given;
  }

  mobileDigits(): string {
    return `${this.r.pick(MOBILE_SEGMENTS)}${this.r.digits(8)}`;
  }

  mobile(): string {
    const m = this.mobileDigits();
    const p = this.r.float();
    if (p < 0.78) return m;
    if (p < 0.86) return `+86${m}`;
    if (p < 0.9) return `+86 ${m}`;
    return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  }

  landline(): string {
    const r = this.r;
    const area = r.pick(AREA_CODES);
    const len = area.length === 3 ? 8 : r.chance(0.85) ? 8 : 7;
    const local = `${r.range(2, 8)}${r.digits(len - 1)}`;
    const p = r.float();
    if (p < 0.7) return `${area}-${local}`;
    if (p < 0.8) return `(${area})${local}`;
    if (p < 0.9) return `${area}${local}`;
    return `${area}-${local}-${r.range(100, 8999)}`;
  }

  email(): string {
    const r = this.r;
    const domain = r.pick(MAIL_DOMAINS);
    if (domain === 'qq.com' && r.chance(0.6)) return `${r.range(10000, 3999999999)}@qq.com`;
    let local = r.pick(PINYIN);
    const p = r.float();
    if (p < 0.4) local += r.range(1, 9999);
    else if (p < 0.6) local += `.${r.pick(PINYIN)}`;
    else if (p < 0.7) local += `_${r.range(1970, 2010)}`;
    return `${local}@${domain}`;
  }

  address(): string {
    const r = this.r;
    if (r.chance(0.1)) {
      const t = r.pick(TW_PLACES);
      const tail = r.chance(0.5) ? `${r.range(1, 30)}樓` : `${r.range(1, 20)}樓之${r.range(1, 9)}`;
      return `${t.prefix}${r.pick(t.roads)}${r.range(1, 399)}號${tail}`;
    }
    const p = r.pick(FUJIAN_PLACES);
    let s = p.prefix + r.pick(p.towns) + r.pick(p.roads) + `${r.range(1, 999)}号`;
    const q = r.float();
    if (q < 0.5) s += `${r.pick(COMMUNITIES)}${r.range(1, 30)}栋${r.range(1, 4)}单元${r.range(1, 33)}${pad(r.range(1, 8), 2)}室`;
    else if (q < 0.7) s += `${r.range(1, 28)}楼`;
    return s;
  }

  uscc(): string {
    const r = this.r;
    const kind = r.float();
    const head = kind < 0.82 ? `9${r.pick(['1', '1', '1', '2', '3'])}` : kind < 0.92 ? '52' : kind < 0.97 ? '12' : '11';
    const region = String(r.pick(DIVISION_CODES));
    let org: string;
    if (r.chance(0.55)) org = `MA${r.chars('0123456789ABCDEFGHJKLMNPQRTUWXY', 7)}`;
    else {
      // Legacy 9-char organisation code (GB 11714): 8 digits + check (X for 10, 0 for 11).
      const d = r.digits(8);
      const w = [3, 7, 9, 10, 5, 8, 4, 2];
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Number(d[i]) * (w[i] as number);
      const c = 11 - (sum % 11);
      org = d + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
    }
    const body = head + region + org;
    return body + usccCheckChar(body);
  }

  bankCard(): string {
    const r = this.r;
    const len = r.chance(0.6) ? 19 : 16;
    const body = r.pick(UNIONPAY_BINS) + r.digits(len - 7);
    let check = luhnDigit(body);
    if (r.chance(0.05)) check = (check + 1 + r.int(9)) % 10; // real UnionPay cards that fail Luhn exist
    const card = body + check;
    if (r.chance(0.08)) return card.replace(/(\d{4})(?=\d)/g, '$1 ');
    return card;
  }

  plate(): string {
    const r = this.r;
    const prov = r.pick(PLATE_PROVINCES);
    const auth = prov === '闽' ? r.pick([...'AAAABCDEFGHJK']) : r.pick([...PLATE_LETTERS.replace('Q', '')]);
    const p = r.float();
    let serial: string;
    if (p < 0.72) {
      // Ordinary: up to 2 letters among 5 serial chars.
      const chars: string[] = [];
      let letters = 0;
      for (let i = 0; i < 5; i++) {
        if (letters < 2 && r.chance(0.18)) {
          chars.push(r.pick([...PLATE_LETTERS]));
          letters++;
        } else chars.push(String(r.int(10)));
      }
      serial = chars.join('');
    } else if (p < 0.93) serial = `${r.pick(['D', 'D', 'F'])}${r.chance(0.5) ? r.pick([...PLATE_LETTERS]) : r.int(10)}${r.digits(4)}`; // small new-energy
    else if (p < 0.97) serial = `${r.digits(5)}${r.pick(['D', 'F'])}`; // large new-energy
    else serial = `${r.chars(PLATE_SERIAL, 4)}挂`;
    return r.chance(0.1) ? `${prov}${auth}·${serial}` : `${prov}${auth}${serial}`;
  }

  vin(): string {
    const r = this.r;
    const raw = `${r.pick(VIN_WMIS)}${r.chars(VIN_ALPHABET, 5)}0${r.pick([...VIN_YEARS])}${r.chars(VIN_ALPHABET, 1)}${r.digits(6)}`;
    return raw.slice(0, 8) + vinCheckChar(raw) + raw.slice(9);
  }

  ip(): string {
    const r = this.r;
    const p = r.float();
    if (p < 0.35) return `192.168.${r.int(256)}.${r.range(1, 254)}`;
    if (p < 0.5) return `10.${r.int(256)}.${r.int(256)}.${r.range(1, 254)}`;
    if (p < 0.85) return `${r.range(1, 223)}.${r.int(256)}.${r.int(256)}.${r.range(1, 254)}`;
    const hex = (): string => r.int(65536).toString(16);
    if (p < 0.93) return `2409:8a${r.chars('0123456789abcdef', 2)}:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}`;
    return `240e:${hex()}:${hex()}::${hex()}`;
  }

  twPermit(): string {
    const r = this.r;
    const n = `${r.range(0, 9)}${r.digits(7)}`;
    const p = r.float();
    if (p < 0.9) return n;
    if (p < 0.96) return `${n}${pad(r.range(1, 12), 2)}`;
    return `${n}${pad(r.range(1, 9), 2)}(${r.pick(['B', 'T', 'K'])})`;
  }

  remark(): string {
    const r = this.r;
    const p = r.float();
    if (p < 0.07) return `请联系${this.mobileDigits()}确认收货时间`;
    if (p < 0.1) return `客户电话${this.mobile()}，已留言`;
    if (p < 0.14) return `身份证${this.residentId()}已核验`;
    if (p < 0.2) return `${this.name()}来电咨询入台手续`;
    if (p < 0.23) return `由${this.name()}代办，联系电话${this.mobileDigits()}`;
    if (p < 0.26) return `${r.pick(TW_SURNAMES)}${r.pick(TW_GIVEN)}先生來電，電話${this.mobileDigits()}`;
    if (p < 0.3) return r.pick(REMARK_TRAD);
    if (p < 0.31) return `"多行备注：第一行\n第二行，含逗号, 和引号""确认"""`;
    if (p < 0.34) return `"${r.pick(REMARK_PLAIN)}, 数量${r.range(1, 50)}件"`;
    if (p < 0.45) return '';
    return r.pick(REMARK_PLAIN);
  }

  // -- decoys --

  /** 18 digits, random last digit; never a valid ID number. */
  orderNo(): string {
    const r = this.r;
    for (;;) {
      const s = r.chance(0.5)
        ? `${r.range(2019, 2025)}${pad(r.range(1, 12), 2)}${pad(r.range(1, 28), 2)}${r.digits(10)}` // date + sequence
        : `${r.pick(DIVISION_CODES)}${this.birthDate()}${r.digits(4)}`; // ID-shaped, random check digit
      if (!validateCnResidentId(s).valid) return s;
    }
  }

  txnSerial(): string {
    const r = this.r;
    return `${r.range(2019, 2025)}${pad(r.range(1, 12), 2)}${pad(r.range(1, 28), 2)}${pad(r.int(24), 2)}${pad(r.int(60), 2)}${pad(r.int(60), 2)}${r.digits(6)}`;
  }

  amount(): string {
    const r = this.r;
    return r.chance(0.8) ? (r.int(10_000_000) / 100).toFixed(2) : String(r.range(1, 99999));
  }

  timestamp(): string {
    const r = this.r;
    if (r.chance(0.25)) return String(1_546_300_800_000 + r.int(190_000_000) * 1000 + r.int(1000)); // epoch ms
    return `${r.range(2019, 2025)}-${pad(r.range(1, 12), 2)}-${pad(r.range(1, 28), 2)} ${pad(r.int(24), 2)}:${pad(r.int(60), 2)}:${pad(r.int(60), 2)}`;
  }

  /** EAN-13 product code, 69x prefix (China). */
  productCode(): string {
    const body = `69${this.r.digits(10)}`;
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
    return body + ((10 - (sum % 10)) % 10);
  }

  postcode(): string {
    return this.r.pick(['350400', '350001', '350002', '361000', '361001', '362000', '363000', '351100', '350200', '100000', '200000']);
  }

  quantity(): string {
    return String(this.r.chance(0.9) ? this.r.range(1, 99) : this.r.range(100, 20000));
  }

  uuid(): string {
    return this.r.chars('0123456789abcdef', 32);
  }
}

function luhnDigit(body: string): number {
  let sum = 0;
  let double = true; // the check digit will be appended to the right
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

// ---------------------------------------------------------------------------------------------
// Columns and ground truth.

export type Truth = ValidatedTypeId | 'person_name' | 'address' | 'decoy' | 'free_text';

export interface TruthColumn {
  index: number;
  name: string;
  truth: Truth;
  /** For free text: what it sometimes embeds. For identifier columns: minority types mixed in. */
  embeds?: string[];
  note?: string;
}

interface ColumnDef {
  name: string;
  truth: Truth;
  gen: (g: Gen) => string;
  embeds?: string[];
  note?: string;
}

const COLUMNS: readonly ColumnDef[] = [
  { name: '订单号', truth: 'decoy', gen: (g) => g.orderNo(), note: '18 digits, random last digit; half ID-shaped (real address code + birth date), none valid' },
  { name: '姓名', truth: 'person_name', gen: (g) => g.name(), note: '~8% Taiwan-style names in Traditional characters' },
  { name: '身份证号', truth: 'cn_resident_id', gen: (g) => g.idColumn(), embeds: ['tw_residence_permit'], note: '~3% 830000 Taiwan residence permits' },
  { name: '手机号', truth: 'cn_mobile', gen: (g) => g.mobile(), note: '~12% +86, ~10% dashed' },
  { name: '固定电话', truth: 'cn_landline', gen: (g) => g.landline() },
  { name: '电子邮箱', truth: 'email', gen: (g) => g.email() },
  { name: '地址', truth: 'address', gen: (g) => g.address(), note: 'Fujian/Pingtan, ~10% Taiwan (mostly Traditional)' },
  { name: 'col_7', truth: 'cn_resident_id', gen: (g) => g.residentId(), note: 'meaningless header, valid ID numbers' },
  { name: '统一社会信用代码', truth: 'cn_uscc', gen: (g) => g.uscc() },
  { name: '银行卡号', truth: 'bank_card', gen: (g) => g.bankCard(), note: 'UnionPay 62…, 16/19 digits, ~95% Luhn-valid, ~8% spaced' },
  { name: '车牌号', truth: 'cn_license_plate', gen: (g) => g.plate(), note: '~25% new-energy, some 挂, ~10% with ·' },
  { name: 'VIN', truth: 'vin', gen: (g) => g.vin() },
  { name: 'IP地址', truth: 'ip_address', gen: (g) => g.ip(), note: '~15% IPv6' },
  { name: '台胞证号', truth: 'tw_travel_permit', gen: (g) => g.twPermit(), note: '8 digits, some old 10-digit / letter forms' },
  { name: '交易流水号', truth: 'decoy', gen: (g) => g.txnSerial(), note: '20 digits (date-time + 6)' },
  { name: '金额', truth: 'decoy', gen: (g) => g.amount() },
  { name: '时间戳', truth: 'decoy', gen: (g) => g.timestamp(), note: 'datetime, ~25% epoch milliseconds (13 digits)' },
  { name: '商品编码', truth: 'decoy', gen: (g) => g.productCode(), note: 'EAN-13, 69 prefix' },
  { name: '邮编', truth: 'decoy', gen: (g) => g.postcode() },
  { name: '数量', truth: 'decoy', gen: (g) => g.quantity() },
  { name: 'uuid', truth: 'decoy', gen: (g) => g.uuid(), note: '32 hex chars' },
  {
    name: '备注',
    truth: 'free_text',
    gen: (g) => g.remark(),
    embeds: ['cn_mobile', 'cn_resident_id', 'person_name'],
    note: '~25% embed a phone, an ID number or a name; some Traditional; a few quoted with commas/newlines; ~11% empty',
  },
];

export function truthColumns(): TruthColumn[] {
  return COLUMNS.map((c, index) => ({ index, name: c.name, truth: c.truth, ...(c.embeds ? { embeds: c.embeds } : {}), ...(c.note ? { note: c.note } : {}) }));
}

// ---------------------------------------------------------------------------------------------
// Self-check: identifiers valid, decoys not.

function selfCheck(seed: number): void {
  const g = new Gen(new Rng(seed ^ 0x5a5a5a5a));
  const fail = (msg: string): never => {
    throw new Error(`corpus self-check failed: ${msg}`);
  };
  for (let i = 0; i < 5000; i++) {
    for (const c of COLUMNS) {
      if (c.truth === 'decoy' || c.truth === 'free_text' || c.truth === 'person_name' || c.truth === 'address') continue;
      const v = c.gen(g);
      const ok =
        VALIDATORS[c.truth].validate(v).valid ||
        (c.truth === 'cn_resident_id' && VALIDATORS.tw_residence_permit.validate(v).valid) ||
        (c.truth === 'bank_card' && v.startsWith('62')); // a Luhn-failing UnionPay number is still a card
      if (!ok) fail(`${c.name}: ${v} is not a valid ${c.truth}`);
    }
    const order = g.orderNo();
    if (validateCnResidentId(order).valid) fail(`订单号 ${order} is a valid ID number`);
  }
  const card = g.bankCard().replace(/ /g, '');
  if (card.length >= 16 && !luhnCheck(card) && !card.startsWith('62')) fail('bank card');
  if (USCC_ALPHABET.length !== 31) fail('USCC alphabet');
}

// ---------------------------------------------------------------------------------------------
// Writer.

export type CorpusEncoding = 'utf8' | 'gbk' | 'gb18030';

type Encoder = (text: string) => Buffer;

async function makeEncoder(encoding: CorpusEncoding): Promise<{ encode: Encoder; via: string }> {
  if (encoding === 'utf8') return { encode: (t) => Buffer.from(t, 'utf8'), via: 'node' };
  try {
    const specifier = 'iconv-lite'; // not a declared dependency: used when present
    const mod = (await import(specifier)) as { default?: IconvLite } & IconvLite;
    const iconv = mod.default ?? mod;
    if (typeof iconv.encode === 'function') return { encode: (t) => iconv.encode(t, encoding), via: 'iconv-lite' };
  } catch {
    // fall through to the project's encoder
  }
  const { encodeGb18030 } = await import('../../src/contexts/detection/readers/index.ts');
  return { encode: encodeGb18030, via: 'encodeGb18030' };
}

interface IconvLite {
  encode(text: string, encoding: string): Buffer;
}

function csvField(v: string): string {
  if (v.startsWith('"')) return v; // generator already quoted it
  return v.includes(',') || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface GenerateOptions {
  out: string;
  mb: number;
  seed: number;
  encoding: CorpusEncoding;
  quiet?: boolean;
}

export interface GenerateResult {
  out: string;
  bytes: number;
  rows: number;
  seconds: number;
  encoder: string;
}

export async function generateCorpus(opts: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  selfCheck(opts.seed);
  const target = Math.round(opts.mb * 1024 * 1024);
  const { encode, via } = await makeEncoder(opts.encoding);
  mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  const tmp = `${opts.out}.tmp-${process.pid}`;
  const ws = createWriteStream(tmp, { highWaterMark: 4 * 1024 * 1024 });
  const gen = new Gen(new Rng(opts.seed));
  let bytes = 0;
  let rows = 0;
  let lastReport = 0;
  try {
    // Header.
    let chunk = COLUMNS.map((c) => c.name).join(',') + '\n';
    const cells: string[] = new Array<string>(COLUMNS.length);
    const CHUNK_CHARS = 512 * 1024; // ~1 MiB of UTF-8 once encoded
    let done = false;
    while (!done) {
      while (chunk.length < CHUNK_CHARS) {
        for (let i = 0; i < COLUMNS.length; i++) cells[i] = csvField((COLUMNS[i] as ColumnDef).gen(gen));
        chunk += cells.join(',') + '\n';
        rows++;
      }
      let buf = encode(chunk);
      chunk = '';
      if (bytes + buf.length >= target) {
        // Cut at the first record end at or past the target (quote-aware: a remark may hold a newline).
        const end = recordEndAtOrAfter(buf, target - bytes - 1);
        if (end >= 0) {
          rows -= countRecords(buf, end + 1);
          buf = buf.subarray(0, end + 1);
        }
        done = true;
      }
      bytes += buf.length;
      if (!ws.write(buf)) await once(ws, 'drain');
      if (!opts.quiet && bytes - lastReport >= 100 * 1024 * 1024) {
        lastReport = bytes;
        process.stderr.write(`  ${(bytes / 1048576).toFixed(0)} MiB…\n`);
      }
    }
    ws.end();
    await once(ws, 'finish');
    renameSync(tmp, opts.out);
  } catch (err) {
    ws.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
  const truth = {
    generator: 'bench/scan/generate-corpus.ts',
    seed: opts.seed,
    encoding: opts.encoding,
    bytes,
    rows,
    columns: truthColumns(),
  };
  const truthTmp = `${opts.out}.truth.json.tmp-${process.pid}`;
  writeFileSync(truthTmp, JSON.stringify(truth, null, 2) + '\n');
  renameSync(truthTmp, `${opts.out}.truth.json`);
  return { out: opts.out, bytes, rows, seconds: (performance.now() - t0) / 1000, encoder: via };
}

/*
 * A chunk always starts at a record boundary. Bytes 0x22 (") and 0x0a (\n) never occur inside a
 * multi-byte character in UTF-8, GBK or GB18030, so a byte scan tracking quotes finds record ends.
 */

/** Offset of the first record-ending newline at or after `at` in `buf`, or -1. */
function recordEndAtOrAfter(buf: Buffer, at: number): number {
  let quoted = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted && i >= at) return i;
  }
  return -1;
}

/** Records (rows) that start at or after `from`, a record boundary of `buf`. */
function countRecords(buf: Buffer, from: number): number {
  let quoted = false;
  let n = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// CLI.

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '64' },
      out: { type: 'string', default: '.tmp/bench/corpus.csv' },
      encoding: { type: 'string', default: 'utf8' },
      seed: { type: 'string', default: '42' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npx tsx bench/scan/generate-corpus.ts --mb 1024 --out .tmp/bench/corpus.csv [--encoding utf8|gbk|gb18030] [--seed 42]');
    return;
  }
  const encoding = values.encoding.toLowerCase().replace(/[-_]/g, '');
  const enc: CorpusEncoding | null = encoding === 'utf8' ? 'utf8' : encoding === 'gbk' ? 'gbk' : encoding === 'gb18030' ? 'gb18030' : null;
  const mb = Number(values.mb);
  const seed = Number(values.seed);
  if (!enc || !(mb > 0) || !Number.isInteger(seed)) {
    console.error('generate-corpus: bad --encoding, --mb or --seed');
    process.exitCode = 2;
    return;
  }
  const r = await generateCorpus({ out: values.out, mb, seed, encoding: enc });
  console.error(
    `wrote ${r.out}: ${(r.bytes / 1048576).toFixed(1)} MiB, ${r.rows} rows, ${COLUMNS.length} columns, ${enc} (${r.encoder}), ` +
      `${r.seconds.toFixed(1)} s (${(r.bytes / 1048576 / r.seconds).toFixed(0)} MiB/s); truth: ${r.out}.truth.json`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
