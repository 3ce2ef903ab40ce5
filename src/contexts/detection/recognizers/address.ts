/**
 * Postal addresses (`address`), by structure.
 *
 * An address is a chain of components written without spaces: administrative-division names
 * (`dict-divisions.json`: provinces, prefectures, counties, Fujian towns, Hong Kong/Macao/Taiwan
 * districts), named components ending in a suffix (…路 …街 …巷 …村 …小区 …大厦 …园, Traditional
 * forms through normalisation) and numbers with a unit (88号, 3栋, 502室, 1#楼, 五段, 188巷, 4樓).
 * The span runs from the first division name (or, without one, from the name of the road) to the
 * last number component: "福建省平潭综合实验区潭城镇西航路88号3栋502室". A chain needs a number
 * after a road/area component; a bare city or a chain of divisions is not an address ("福州市鼓楼区"
 * alone), except right after an address keyword (住址：福建省平潭县潭城镇城关村) or in an address
 * column.
 */
import { isAsciiAlnum, isAsciiLetter, isCjk, isCjkNumeral, isDigit, isWideDigit, norm, normSlice, startsWithNorm } from './chars.ts';
import { CTX, divisionNames } from './dictionaries.ts';
import type { ScanHost } from './host.ts';
import { KeywordTrie } from './keyword-trie.ts';
import { tag, type TaggedWord } from './jieba.ts';

const K_DIV = 1;
const K_HIGH = 2; // 省 市 县 区 州 旗 …
const K_LOW = 3; // 镇 乡 街道 村 社区 小区 大厦 园 …
const K_ROAD = 4; // 路 街 大道 巷 弄 …
const K_NUM = 5;

const SUFFIXES: ReadonlyArray<[string, number]> = [
  ['省', K_HIGH], ['市', K_HIGH], ['自治区', K_HIGH], ['自治州', K_HIGH], ['州', K_HIGH], ['盟', K_HIGH], ['地区', K_HIGH],
  ['县', K_HIGH], ['区', K_HIGH], ['旗', K_HIGH], ['新区', K_HIGH], ['综合实验区', K_HIGH], ['开发区', K_HIGH], ['高新区', K_HIGH],
  ['经济开发区', K_HIGH], ['经济技术开发区', K_HIGH], ['保税区', K_HIGH], ['自贸区', K_HIGH], ['片区', K_LOW],
  ['镇', K_LOW], ['乡', K_LOW], ['街道', K_LOW], ['村', K_LOW], ['社区', K_LOW], ['组', K_LOW], ['屯', K_LOW], ['寨', K_LOW],
  ['里', K_LOW], ['工业区', K_LOW], ['工业园', K_LOW], ['园区', K_LOW], ['产业园', K_LOW], ['科技园', K_LOW], ['小区', K_LOW],
  ['花园', K_LOW], ['公寓', K_LOW], ['家园', K_LOW], ['苑', K_LOW], ['园', K_LOW], ['庭', K_LOW], ['城', K_LOW], ['大厦', K_LOW],
  ['广场', K_LOW], ['中心', K_LOW], ['大楼', K_LOW], ['商城', K_LOW], ['市场', K_LOW], ['宿舍', K_LOW], ['院', K_LOW], ['湾', K_LOW],
  ['岛', K_LOW], ['坊', K_LOW], ['郡', K_LOW], ['华府', K_LOW], ['山庄', K_LOW], ['新村', K_LOW], ['别墅', K_LOW], ['公馆', K_LOW], ['名邸', K_LOW], ['府邸', K_LOW],
  ['商务区', K_LOW], ['金融区', K_LOW], ['商业区', K_LOW], ['生活区', K_LOW], ['住宅区', K_LOW], ['酒店', K_LOW], ['大酒店', K_LOW], ['宾馆', K_LOW],
  ['饭店', K_LOW], ['街区', K_LOW], ['舍', K_LOW], ['庄', K_LOW],
  ['路', K_ROAD], ['街', K_ROAD], ['大道', K_ROAD], ['大街', K_ROAD], ['巷', K_ROAD], ['弄', K_ROAD], ['胡同', K_ROAD], ['道', K_ROAD],
  ['公路', K_ROAD], ['国道', K_ROAD], ['省道', K_ROAD], ['段', K_ROAD],
];

/** Units after a number: 88号 3栋 502室 1#楼 五段 188巷 3弄 4樓 2单元 12层. */
const UNITS = ['号', '栋', '幢', '座', '单元', '室', '楼', '层', '户', '号楼', '号院', '弄', '巷', '段', '排', '组', '邻', '号房', '房', '区', '期', '门', '号门', '仓', '号仓', '仓库', '号仓库', '库', '号库', '铺', '号铺', '堆场', '号堆场', '厂房', '号厂房'];

/** Characters after a number unit that make it something else (3号线, 15号文件, 1号车). */
const NOT_ADDRESS_AFTER_UNIT = '线文令车机位窗台床柜件次届期码';
/** …except as the start of these words: 66号车间, 3号机房 (places at the address). */
const PLACE_AFTER_UNIT = ['车间', '机房'];
/** Words that a unit's last character begins (号|门店, 号|房屋): the unit is 号 alone. */
const WORD_AFTER_UNIT = ['门店', '门市', '门口', '房屋', '房产', '房子'];
/** Words after 号 that make the number a thing's at the place, not a part of the address (2号电梯; 9号楼电梯 is a building's). */
const THING_AFTER_UNIT = ['电梯', '電梯'];
/** Suffixes of buildings and estates, which may be named after a place (中山大厦, 厦门花园). */
const BUILDING_SUFFIXES = new Set(['街区', '大厦', '花园', '广场', '中心', '大楼', '公寓', '家园', '苑', '园', '小区', '山庄', '商城', '名邸', '府邸', '公馆']);
/** Direction characters of a road named after a place: 北京东路, 湖滨南路. */
const DIRECTIONS = '东南西北中';
/** Last characters of a division's full name (福州市, 潭城镇): a direction after one starts a new name. */
const DIVISION_FINALS = '省市区县镇乡州旗盟';

/** Characters that cannot be inside a named component (function words and verbs). */
const STOP = '的在是与及将向到至从对被把为了着过也就还又或等其该此这那已请由给让使因如若但并且而则即便才以之时住租说去附近旁边我你他她它们共约每各有无不没于和同跟往';
/**
 * Stop characters that are common in road and village names (和平路, 同安路, 向阳路, 自由路, 之江路,
 * 共和路, 那马村, 如意湖路): a component ending in a road suffix or 村 may contain them, and a building named
 * before its number (海峡如意城1号楼); other components may not.
 */
const ROAD_NAME_CHARS = '和同向为于与由至之共那如';
/** The road-name stop character that starts estates' names as often as roads' (如意城, 如意湖路): allowed first in either. */
const ESTATE_NAME_STOP = 0x5982; /* 如 */
/** Words led by a road-name stop character that name estates as often as roads (和平里小区, 向阳花园, 同心苑). */
const ESTATE_NAME_WORDS = ['和平', '向阳', '同心', '共和'];
/** Village-level suffixes, which may follow a name holding a road-name stop character (那马村, 那暖屯). */
const VILLAGE_SUFFIXES = '村屯寨组里';

interface AddressTables {
  suffix: KeywordTrie<number>;
  unit: KeywordTrie<true>;
  /** 1: a stop character; 2: a stop character allowed in a road name (ROAD_NAME_CHARS). */
  stop: Uint8Array;
  notAfter: Uint8Array;
}

/** Built on first use, then the same object (looked up several times per address component). */
let addressTables: AddressTables | null = null;

function tables(): AddressTables {
  if (addressTables !== null) return addressTables;
  const suffix = new KeywordTrie<number>();
  for (const [s, k] of SUFFIXES) suffix.add(s, k);
  const unit = new KeywordTrie<true>();
  for (const u of UNITS) unit.add(u, true);
  const stop = new Uint8Array(65536);
  for (let i = 0; i < STOP.length; i++) stop[STOP.charCodeAt(i)] = 1;
  for (let i = 0; i < ROAD_NAME_CHARS.length; i++) stop[ROAD_NAME_CHARS.charCodeAt(i)] = 2;
  const notAfter = new Uint8Array(65536);
  for (let i = 0; i < NOT_ADDRESS_AFTER_UNIT.length; i++) notAfter[NOT_ADDRESS_AFTER_UNIT.charCodeAt(i)] = 1;
  addressTables = { suffix, unit, stop, notAfter };
  return addressTables;
}

const MAX_NAME = 10;

interface Chain {
  start: number;
  /** End of the last number component (0 when none). */
  numberEnd: number;
  /** End of the last component. */
  end: number;
  kinds: number[];
  hasDivision: boolean;
  hasRoad: boolean;
  lastKind: number;
}

function numberAt(text: string, pos: number, to: number, prevKind: number): number {
  const { unit, notAfter } = tables();
  let k = pos;
  let letters = 0;
  while (k < to && letters < 2 && isAsciiLetter(text.charCodeAt(k))) {
    k++;
    letters++;
  }
  // B-217: a letter, a dash, then the number (shops and booths).
  if (letters === 1 && k + 1 < to && text.charCodeAt(k) === 45 && isDigit(text.charCodeAt(k + 1)) && prevKind === K_NUM) k++;
  let digits = 0;
  let cjkDigits = 0;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (isDigit(c) || isWideDigit(c)) {
      digits++;
      k++;
    } else if (digits === 0 && letters === 0 && isCjkNumeral(c) && cjkDigits < 4) {
      cjkDigits++;
      k++;
    } else break;
  }
  if (digits === 0 && cjkDigits === 0 && letters === 0) return -1;
  if (digits > 6) return -1;
  // 3-502, 12-3
  // 3-502, 12-3, 6-2-1 (building, unit, room)
  let dashed = false;
  for (let dashes = 0; dashes < 2 && digits > 0 && k + 1 < to; dashes++) {
    const c = text.charCodeAt(k);
    if (!((c === 45 || c === 0x2014 || c === 0xff0d || c === 0x2013) && isDigit(text.charCodeAt(k + 1)))) break;
    k++;
    while (k < to && isDigit(text.charCodeAt(k))) k++;
    dashed = true;
  }
  // 542之6號: Taiwan writes a sub-number before the unit too.
  if (digits > 0 && !dashed && k + 2 < to && text.charCodeAt(k) === 0x4e4b /* 之 */ && isDigit(text.charCodeAt(k + 1))) {
    let k2 = k + 1;
    while (k2 < to && k2 - k <= 3 && isDigit(text.charCodeAt(k2))) k2++;
    if (k2 < to && unit.longestAt(text, k2, to) !== null) k = k2;
  }
  // 15A: a floor and a flat's letter, which ends the number.
  let lettered = false;
  if (digits > 0 && k < to && isAsciiLetter(text.charCodeAt(k)) && !isAsciiAlnum(text.charCodeAt(k + 1))) {
    k++;
    lettered = true;
  }
  if (k < to && (text.charCodeAt(k) === 35 || text.charCodeAt(k) === 0xff03)) k++; // 1#楼
  let u = k < to ? unit.longestAt(text, k, to) : null;
  // 1704楼上, 3楼下, 186号楼下, 301楼顶: "upstairs", "downstairs", "the roof" — the number is the room or house, not a floor.
  if (u !== null && k + u.length < to && norm(text.charCodeAt(k + u.length - 1)) === 0x697c /* 楼 */) {
    const n = text.charCodeAt(k + u.length);
    if (n === 0x4e0a /* 上 */ || n === 0x4e0b /* 下 */ || n === 0x9876 /* 顶 */ || n === 0x9802 /* 頂 */) u = u.length === 1 ? null : unit.longestAt(text, k, k + u.length - 1);
  }
  // 669号门前, 3号门口: in front of the door or gate at the number, not a door's number.
  if (u !== null && k + u.length < to && norm(text.charCodeAt(k + u.length - 1)) === 0x95e8 /* 门 */ && '前口外内旁边'.includes(String.fromCharCode(text.charCodeAt(k + u.length)))) {
    u = u.length === 1 ? null : unit.longestAt(text, k, k + u.length - 1);
  }
  // 1-12栋: a range of buildings in a notice, not one building.
  if (u !== null && dashed && BUILDING_UNITS.includes(String.fromCharCode(norm(text.charCodeAt(k)))) && isRange(text, pos, k)) return -1;
  if (u !== null) {
    let e = k + u.length;
    // 163号门店, 19号房屋一处: 门 and 房 begin the next word (a shop, the house itself), not a unit; the number ends at 号.
    if (e < to && u.length >= 2 && norm(text.charCodeAt(k)) === 0x53f7 /* 号 */ && WORD_AFTER_UNIT.includes(normSlice(text, e - 1, e + 1))) e = k + 1;
    // 3号台, 5号线: a platform or a line, not an address — unless an estate's name starts there (1288号台商花园6号楼).
    if (e < to && notAfter[norm(text.charCodeAt(e))] === 1 && !PLACE_AFTER_UNIT.some((w) => text.startsWith(w, e)) && divisionNames().longestLengthAt(text, e, to) === 0 && !estateNameAt(text, e, to)) return -1;
    if (u.length === 1 && norm(text.charCodeAt(k)) === 0x53f7 /* 号 */ && THING_AFTER_UNIT.some((w) => text.startsWith(w, e))) return -1;
    // Taiwan writes a sub-number after the unit: 7樓之3, 245號之1.
    if (e + 1 < to && text.charCodeAt(e) === 0x4e4b /* 之 */ && isDigit(text.charCodeAt(e + 1))) {
      let k2 = e + 1;
      while (k2 < to && k2 - e <= 3 && isDigit(text.charCodeAt(k2))) k2++;
      if (k2 >= to || !isDigit(text.charCodeAt(k2))) return k2;
    }
    // 9号附1号: an annexe's number after the house number.
    if (e + 2 < to && norm(text.charCodeAt(e - 1)) === 0x53f7 /* 号 */ && text.charCodeAt(e) === 0x9644 /* 附 */ && isDigit(text.charCodeAt(e + 1))) {
      let k2 = e + 1;
      while (k2 < to && k2 - e <= 4 && isDigit(text.charCodeAt(k2))) k2++;
      if (k2 < to && norm(text.charCodeAt(k2)) === 0x53f7) return k2 + 1;
    }
    // 131号之一: the sub-number in Chinese numerals, before the end of the address.
    if (e + 1 < to && text.charCodeAt(e) === 0x4e4b /* 之 */ && isCjkNumeral(text.charCodeAt(e + 1)) && (e + 2 >= to || !isCjk(text.charCodeAt(e + 2)))) return e + 2;
    // "3年", "2人" are not units; unit chars are checked by the trie. A unit directly followed by
    // more digits is fine (88号3栋).
    return e;
  }
  // A bare number right after another number component: 88号3栋502, 5号3-502.
  // A room number right after a building's name (国际贸易中心大厦2106, 海德公寓1203).
  // …or a floor and its flat letter there (财富大厦公寓22C, 金城大厦12B).
  const afterBuilding = prevKind === K_LOW && ((digits >= 3 && digits <= 4) || (lettered && digits <= 2)) && letters === 0 && !dashed && pos > 0 && BUILDING_SUFFIXES.has(normSlice(text, pos - 2, pos));
  if ((prevKind === K_NUM && digits >= 2 && letters === 0) || (dashed && prevKind !== K_DIV && prevKind !== K_HIGH) || afterBuilding) {
    // A room number after a building or unit (3号楼1201, 2单元1506) may run into the next word.
    const room = (prevKind === K_NUM || afterBuilding) && ((digits >= 3 && digits <= 4) || lettered) && letters === 0 && !dashed;
    if (k < to && ((isCjk(text.charCodeAt(k)) && !room) || isAsciiAlnum(text.charCodeAt(k)))) return -1;
    return k;
  }
  return -1;
}

/** True when an estate's or building's name (a CJK run ending with a building suffix) and its number start at `k`. */
function estateNameAt(text: string, k: number, to: number): boolean {
  for (let e = k + 2; e <= Math.min(to, k + 8); e++) {
    if (!isCjk(text.charCodeAt(e - 1))) return false;
    const next = e < to ? text.charCodeAt(e) : 0;
    if ((isDigit(next) || isWideDigit(next)) && (BUILDING_SUFFIXES.has(normSlice(text, e - 2, e)) || BUILDING_SUFFIXES.has(normSlice(text, e - 1, e)))) return true;
  }
  return false;
}

/** True when the dashed number text[s, e) counts up (1-12): a range, not a building and its unit (7-3). */
function isRange(text: string, s: number, e: number): boolean {
  const parts = text.slice(s, e).split(/[-\u2014\uff0d\u2013]/);
  return parts.length === 2 && Number(parts[1]) > Number(parts[0]);
}

/** Words that hold a stop character and often name estates and buildings (人才公寓, 育才小区, 华星时代广场). */
const STOP_IN_WORDS = ['人才', '育才', '英才', '俊才', '时代', '则徐', '井边', '溪边', '河边', '塘边', '岭边', '江边'];

/** True when the stop character at `k` is inside one of STOP_IN_WORDS (人才 with 才 at `k`, 时代 with 时 at `k`). */
function stopInWord(text: string, k: number): boolean {
  for (const w of STOP_IN_WORDS) {
    for (let off = 0; off < w.length; off++) {
      const s = k - off;
      if (s >= 0 && startsWithNorm(text, s, w)) return true;
    }
  }
  return false;
}

function genericAt(text: string, pos: number, to: number): { end: number; kind: number } | null {
  const { suffix, stop } = tables();
  const div = divisionNames();
  const c0 = text.charCodeAt(pos);
  if (!(isCjk(c0) || isAsciiLetter(c0) || isDigit(c0))) return null;
  if (stop[norm(c0)] === 1 && !stopInWord(text, pos)) return null;
  // Only a road may hold a road-name stop character (和平路) or a division name (麓山南路, 山南 is a
  // city): any other component with one is where the chain ends.
  // 如 (如意城, 如意湖路) names estates as often as roads.
  let roadOnly = stop[norm(c0)] === 2 && norm(c0) !== ESTATE_NAME_STOP && !ESTATE_NAME_WORDS.some((w) => startsWithNorm(text, pos, w));
  // A digit inside a name is a road's (G15公路, 318国道); before another suffix it is a number with its
  // unit (融侨水都8区 is an estate, then its area 8区).
  let digit = isDigit(c0);
  const limit = Math.min(to, pos + MAX_NAME + 1);
  for (let k = pos + 1; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (!(isCjk(c) || isAsciiAlnum(c))) return null;
    if (isDigit(c)) digit = true;
    const m = suffix.longestAt(text, k, to);
    if (m !== null && digit && m.value !== K_ROAD) return null;
    if (m !== null && (!roadOnly || m.value === K_ROAD || (m.length === 1 && VILLAGE_SUFFIXES.includes(String.fromCharCode(norm(text.charCodeAt(k))))))) {
      // Suffix characters in a row belong to one name: 潭城镇, 北门村, 环岛路.
      let end = k + m.length;
      let kind = m.value;
      for (let more = 0; more < 2 && end < to; more++) {
        const m2 = suffix.longestAt(text, end, to);
        if (m2 === null) break;
        end += m2.length;
        kind = m2.value;
      }
      // 人民大道南59号, 中山路北3号: a direction written after the road, before its number.
      if (kind === K_ROAD && end + 1 < to && DIRECTIONS.includes(String.fromCharCode(norm(text.charCodeAt(end))))) {
        const n = text.charCodeAt(end + 1);
        if (isDigit(n) || isWideDigit(n)) end++;
      }
      return { end, kind };
    }
    if (m !== null) return null;
    const st = stop[norm(c)];
    if (st === 1 && !stopInWord(text, k)) return null;
    // 和平里小区, 向阳花园: 和平 and 向阳 name estates as often as roads.
    if ((st === 2 && norm(c) !== ESTATE_NAME_STOP && !ESTATE_NAME_WORDS.some((w) => startsWithNorm(text, k, w))) || (isCjk(c) && div.longestLengthAt(text, k, to) !== 0)) roadOnly = true;
  }
  return null;
}

function parseChain(text: string, start: number, to: number, leadEnd = -1): Chain {
  const div = divisionNames();
  const chain: Chain = { start, numberEnd: 0, end: start, kinds: [], hasDivision: false, hasRoad: false, lastKind: 0 };
  let pos = start;
  // An estate named without a suffix (融侨锦江, 世茂云图) leads the chain: see `unsuffixedEstates`.
  if (leadEnd > start) {
    chain.kinds.push(K_LOW);
    chain.lastKind = K_LOW;
    chain.end = leadEnd;
    pos = leadEnd;
  }
  while (pos < to && chain.kinds.length < 24) {
    const c = text.charCodeAt(pos);
    let kind = 0;
    let end = -1;
    if (isCjk(c)) {
      const d = div.longestLengthAt(text, pos, to);
      if (d !== 0) {
        kind = K_DIV;
        end = pos + d;
        // 福州 + 市 when the dictionary had the short form only; 中山 + 路 is a road named after a
        // place (中山路, 北京东路 are roads, not divisions).
        if (end < to) {
          const sfx = tables().suffix.longestAt(text, end, to);
          if (sfx !== null && sfx.value === K_HIGH && sfx.length === 1) end += 1;
          // …not after a whole division (金水区|花园路), nor before a road's suffix (中山花园路).
          else if (sfx !== null && sfx.value === K_LOW && BUILDING_SUFFIXES.has(normSlice(text, end, end + sfx.length)) && !DIVISION_FINALS.includes(String.fromCharCode(norm(text.charCodeAt(end - 1)))) && tables().suffix.longestAt(text, end + sfx.length, to)?.value !== K_ROAD) {
            end += sfx.length; // 中山大厦, 福州广场: a building named after a place
            kind = K_LOW;
          } else if (sfx !== null && sfx.value === K_ROAD) {
            end += sfx.length;
            kind = K_ROAD;
          } else if (sfx === null && end + 1 < to && DIRECTIONS.includes(String.fromCharCode(norm(text.charCodeAt(end)))) && !DIVISION_FINALS.includes(String.fromCharCode(norm(text.charCodeAt(end - 1))))) {
            // Not after a whole division (潭城镇|南街村, 福州市|南街): there the direction starts the next name.
            const sfx2 = tables().suffix.longestAt(text, end + 1, to);
            if (sfx2 !== null && sfx2.value === K_ROAD) {
              end += 1 + sfx2.length; // 北京东路, 湖滨南路
              kind = K_ROAD;
            }
          }
        }
      }
    }
    // …1702室一楼: after the room, a floor in words is where the flat is, not part of the address.
    if (end < 0 && chain.lastKind === K_NUM && isCjkNumeral(c) && pos > 0 && norm(text.charCodeAt(pos - 1)) === 0x5ba4 /* 室 */) break;
    // 西康路42号增1号, 88号附3号: an added number after the house number is part of it.
    if (end < 0 && chain.lastKind === K_NUM && (c === 0x589e /* 增 */ || c === 0x9644 /* 附 */) && pos + 1 < to && isDigit(text.charCodeAt(pos + 1)) && norm(text.charCodeAt(pos - 1)) === 0x53f7 /* 号 */) {
      const n = numberAt(text, pos + 1, to, K_NUM);
      if (n > 0 && norm(text.charCodeAt(n - 1)) === 0x53f7) {
        kind = K_NUM;
        end = n;
      }
    }
    if (end < 0 && chain.kinds.length > 0) {
      const n = numberAt(text, pos, to, chain.lastKind);
      if (n > 0 && chain.lastKind !== K_DIV && chain.lastKind !== K_HIGH) {
        // 和平東路二段: the section of a road is part of its name, not a house number.
        kind = chain.lastKind === K_ROAD && norm(text.charCodeAt(n - 1)) === 0x6bb5 /* 段 */ ? K_ROAD : K_NUM;
        end = n;
      } else if (n > 0 && isCjkNumeral(c)) {
        // 五段 after a road handled as number; otherwise fall through to names.
      }
    }
    if (end < 0 && chain.lastKind === K_NUM) {
      // 168号融侨锦江A区6座: after a house number, an estate named without a suffix and its building come
      // before any reading of 区 as a district.
      const b = bareBuildingName(text, pos, to, false);
      if (b > 0) {
        kind = K_LOW;
        end = b;
      }
    }
    // 天通苑|北一区|C区|3幢: an area of the estate, not a district.
    if (end < 0 && chain.lastKind === K_LOW) {
      const a = subAreaLength(text, pos, to);
      if (a > 0) {
        kind = K_LOW;
        end = pos + a;
      }
    }
    if (end < 0) {
      const g = genericAt(text, pos, to);
      if (g !== null) {
        kind = g.kind;
        end = g.end;
        // 618号橘园洲7号楼: an estate whose name holds a suffix character (园) and runs on to its building number.
        if (kind === K_LOW && (chain.lastKind === K_NUM || chain.lastKind === K_LOW)) {
          const b = bareBuildingName(text, pos, to, false);
          if (b > end) end = b;
        }
      }
    }
    if (end < 0 && (chain.lastKind === K_NUM || chain.lastKind === K_LOW || chain.lastKind === K_ROAD)) {
      // A building or estate named without a suffix after the house number: 27号商鼎国际1栋, 9号金山碧水2区11座; or after
      // the road, with no house number (龙山路水岸名都8号楼).
      const b = bareBuildingName(text, pos, to, chain.lastKind === K_LOW && norm(text.charCodeAt(pos - 1)) === 0x6751 /* 村 */);
      // After a road, only a name the segmenter reads as names (水岸名都), not directions (一直走|3栋).
      if (b > 0 && (chain.lastKind !== K_ROAD || namesAPlace(text, pos, b))) {
        kind = K_LOW;
        end = b;
      }
    }
    if (end < 0) break;
    chain.kinds.push(kind);
    chain.lastKind = kind;
    if (kind === K_DIV) chain.hasDivision = true;
    if (kind === K_ROAD) chain.hasRoad = true;
    if (kind === K_NUM) chain.numberEnd = end;
    chain.end = end;
    pos = end;
  }
  return chain;
}

/** Base confidence of an address chain with a number. */
const BASE_WITH_DIVISION = 0.55;
const BASE_ROAD_ONLY = 0.5;
const PER_EXTRA_COMPONENT = 0.05;
const CONTEXT = 0.3;

function acceptChain(host: ScanHost, chain: Chain, roadLed: boolean, hinted: boolean): number {
  const ctxBits = host.context().before(chain.start, 12);
  const hasContext = (ctxBits & CTX.address) !== 0 || hinted;
  let end = chain.numberEnd;
  let conf: number;
  if (end > 0) {
    const comps = chain.kinds.length;
    conf = roadLed ? BASE_ROAD_ONLY : BASE_WITH_DIVISION;
    conf += Math.min(0.2, Math.max(0, comps - 3) * PER_EXTRA_COMPONENT);
  } else {
    // No number: only right after an address keyword (or in an address column), ending in a
    // low-level component (village, community, road). A bare city or district (福建省福州市, 臺南市東區),
    // even in an address column (户籍地), is no address: it locates no one.
    if (!hasContext || chain.kinds.length < 2) return -1;
    if (chain.lastKind !== K_LOW && chain.lastKind !== K_ROAD) return -1;
    end = chain.end;
    conf = 0.3;
  }
  if (hasContext) conf += CONTEXT;
  if (hinted) conf += 0.1;
  host.emit('address', chain.start, end, conf);
  return end;
}

export function findAddresses(host: ScanHost, divisionHits: readonly number[], roadHits: readonly number[]): void {
  const text = host.text;
  const to = host.to;
  const hinted = host.hinted('address');
  let consumed = -1;
  const div = divisionNames();

  for (const p of divisionHits) {
    if (p < consumed) continue;
    if (div.longestLengthAt(text, p, to) === 0) continue;
    const chain = parseChain(text, p, to);
    if (chain.kinds.length < 2) continue;
    const e = acceptChain(host, chain, false, hinted);
    if (e > 0) consumed = e;
  }

  // Its own pass over the text: overlaps with what the road and estate passes find are resolved with the other findings.
  if (hinted || (host.context().categories() & CTX.address) !== 0 || text.includes('住', host.from)) unsuffixedEstates(host, consumed, hinted);
  if (roadHits.length === 0) return;
  const ctx = host.context();
  const { stop } = tables();
  for (const r of roadHits) {
    if (r < consumed) continue;
    const n = r + 1 < to ? text.charCodeAt(r + 1) : 0;
    if (ESTATE_FINALS.includes(String.fromCharCode(text.charCodeAt(r)))) {
      if (isDigit(n) || isWideDigit(n) || subAreaLength(text, r + 1, to) > 0) {
        const e = estateLed(host, r, Math.max(consumed, host.from), hinted);
        if (e > 0) consumed = e;
      }
      continue;
    }
    if (!(isDigit(n) || isWideDigit(n) || isCjkNumeral(n))) continue;
    // The road name: up to 5 characters back, not crossing punctuation, stop words or a keyword.
    let s = r;
    const limit = Math.max(host.from, r - 5, consumed);
    const nearest = ctx.nearestBefore(r, 8);
    const kwEnd = nearest !== 0 ? r - ctx.lastDistance : -1;
    while (s > limit) {
      const c = text.charCodeAt(s - 1);
      if (!isCjk(c) || (stop[norm(c)] === 1 && !stopInWord(text, s - 1)) || s - 1 < kwEnd) break;
      s--;
    }
    s = skipLeadingWord(text, s, r);
    if (r - s < 1) continue;
    // 国道一号, 省道203: a highway with a number is no postal address.
    if (r - s === 1 && '国省县乡'.includes(String.fromCharCode(norm(text.charCodeAt(s)))) && norm(text.charCodeAt(r)) === 0x9053 /* 道 */) continue;
    const chain = parseChain(text, s, to);
    if (chain.numberEnd <= r) continue;
    const e = acceptChain(host, chain, true, hinted);
    if (e > 0) consumed = e;
  }
}

/** A building number with its unit after a CJK run: where an estate named without a suffix may end (融侨锦江|11号楼). */
const UNSUFFIXED_BUILDING = /[\u4e00-\u9fff](\d{1,3})(?:号楼|號樓|栋|棟|幢|座)\d{0,2}(?:单元|單元)?/g;

/**
 * Addresses led by an estate named without a suffix (家庭住址 融侨锦江11号楼3单元1203室, 住世茂云图9号楼2单元901室): 2–6 CJK
 * characters right after an address keyword, 住 or a cell's start, then a building number and a unit or room, after
 * `consumed`.
 */
function unsuffixedEstates(host: ScanHost, consumed: number, hinted: boolean): void {
  const text = host.text;
  const to = host.to;
  const { stop } = tables();
  const ctx = host.context();
  UNSUFFIXED_BUILDING.lastIndex = host.from;
  for (let m = UNSUFFIXED_BUILDING.exec(text); m !== null && m.index < to; m = UNSUFFIXED_BUILDING.exec(text)) {
    const digits = m.index + 1;
    let s = digits;
    while (s > Math.max(host.from, consumed, digits - 6) && isCjk(text.charCodeAt(s - 1)) && stop[norm(text.charCodeAt(s - 1))] !== 1 && !ctx.covers(s - 1)) s--;
    if (digits - s < 2) continue;
    const before = s > host.from ? text.charCodeAt(s - 1) : 0;
    // Led by an address keyword (住址：, 地址 ), by 住 (住世茂云图…), or the cell's start under an address header.
    const kw = ctx.nearestBefore(s, 3);
    const led = ((kw & CTX.address) !== 0 && ctx.lastDistance <= 2) || norm(before) === 0x4f4f /* 住 */ || (hinted && s === host.from);
    if (!led || bareBuildingName(text, s, to, false) !== digits || !namesAPlace(text, s, digits)) continue;
    const chain = parseChain(text, s, to, digits);
    let numbers = 0;
    for (const k of chain.kinds) if (k === K_NUM) numbers++;
    if (numbers < 2 || chain.numberEnd <= digits) continue;
    const e = acceptChain(host, chain, true, hinted);
    if (e > 0) consumed = e;
  }
}

/** Last characters of estate and building suffixes (小区, 公寓, 华庭, 二十四城 …): routed here with the road suffixes. */
export const ESTATE_FINALS = '区寓园苑庭城厦村里庄墅邸馆湾郡府舍區園廈莊館灣';
/** Estate suffixes an address may start with, before the building number (幸福里小区12栋). */
const ESTATE_SUFFIXES = new Set(['舍', '庄', '小区', '社区', '公寓', '花园', '家园', '苑', '园', '庭', '城', '大厦', '新村', '山庄', '名邸', '府邸', '公馆', '村', '里', '别墅', '园区', '湾', '郡', '华府']);
/** Words ending in an estate suffix character that are no estate (3公里, 这里). */
const NOT_ESTATE = ['公里', '这里', '那里', '哪里', '千里', '万里', '英里', '海里'];
/** Building units: one of them (or 号楼) alone after an estate makes an address (锦绣华庭5栋); a floor (2楼) does not. */
const BUILDING_UNITS = '栋幢座';
/** Words that start a stretch of text before a place name but are no part of it (楼下佳灵路3号). */
const LEADING_WORDS = ['楼下', '楼上', '门口', '对面', '隔壁', '旁边', '附近', '点半', '点钟', '点整', '房号', '房间'];

/**
 * End of a building or estate name without a suffix at `pos` (商鼎国际, 金山碧水): 2–6 CJK characters,
 * no stop character, followed by a building number (1栋, 2区11座, 3号楼); after a village, a hamlet's
 * name of 2–3 characters followed by a house number (后厝45号). -1 when there is none.
 */
function bareBuildingName(text: string, pos: number, to: number, afterVillage: boolean): number {
  const { stop } = tables();
  let k = pos;
  // 颐和国际: a road-name stop character (和, 同 …) may be inside the name, not first.
  // 如意城三期: so may 如 (如意), which often starts one.
  while (k < to && k - pos < 6 && isCjk(text.charCodeAt(k)) && (stop[norm(text.charCodeAt(k))] === 0 || (stop[norm(text.charCodeAt(k))] === 2 && (k > pos || norm(text.charCodeAt(k)) === ESTATE_NAME_STOP)))) k++;
  if (k - pos < 2 || k >= to) return -1;
  // 颐和国际A座: a lettered building.
  const l0 = text.charCodeAt(k);
  if (l0 >= 65 && l0 <= 90 && k + 1 < to && BUILDING_UNITS.includes(String.fromCharCode(norm(text.charCodeAt(k + 1))))) return k;
  // 融侨锦江A区6座: a lettered area of the estate, then the building.
  if (l0 >= 65 && l0 <= 90 && k + 2 < to && norm(text.charCodeAt(k + 1)) === 0x533a /* 区 */ && isDigit(text.charCodeAt(k + 2))) {
    let d = k + 2;
    while (d < to && isDigit(text.charCodeAt(d))) d++;
    return d < to && BUILDING_UNITS.includes(String.fromCharCode(norm(text.charCodeAt(d)))) ? k : -1;
  }
  if (!isDigit(l0)) return -1;
  // 朴里村后厝45号: a hamlet of the village, then the house number.
  if (afterVillage && k - pos <= 3) {
    let d = k;
    while (d < to && isDigit(text.charCodeAt(d))) d++;
    if (d < to && norm(text.charCodeAt(d)) === 0x53f7 /* 号 */) return k;
  }
  let d = k;
  while (d < to && isDigit(text.charCodeAt(d))) d++;
  // 2区11座: an area of the estate, then the building.
  if (d + 1 < to && norm(text.charCodeAt(d)) === 0x533a /* 区 */ && isDigit(text.charCodeAt(d + 1))) {
    d++;
    while (d < to && isDigit(text.charCodeAt(d))) d++;
  }
  if (d >= to) return -1;
  const c = norm(text.charCodeAt(d));
  // 7栋, 7号楼, 7#楼 (a building's number written with #).
  const building = BUILDING_UNITS.includes(String.fromCharCode(c)) || ((c === 0x53f7 /* 号 */ || c === 35) && d + 1 < to && (norm(text.charCodeAt(d + 1)) === 0x697c /* 楼 */ || BUILDING_UNITS.includes(String.fromCharCode(norm(text.charCodeAt(d + 1))))));
  // 79号研发楼6层, 12号办公楼301室: after the house number, a building named by its use, then its floor or room.
  const named = pos > 0 && norm(text.charCodeAt(pos - 1)) === 0x53f7 /* 号 */ && norm(text.charCodeAt(k - 1)) === 0x697c /* 楼 */ && (c === 0x5c42 /* 层 */ || c === 0x697c /* 楼 */ || c === 0x5ba4) /* 室 */;
  return building || named ? k : -1;
}

/** Tags of a word before an estate's name that is not part of it (调取 v, 位于 v, 就 d). */
const LEADING_TAGS = new Set(['v', 'vn', 'p', 'd', 'c', 'r']);

/** True when the segmenter reads text[s, e) as a place's name: no verb in it, and no adverb, preposition or pronoun first (水岸名都, not 一直走). */
function namesAPlace(text: string, s: number, e: number): boolean {
  const words = tag(normSlice(text, s, e));
  return !LEADING_TAGS.has((words[0] as TaggedWord).tag) && words.every((w) => w.tag !== 'v' && w.tag !== 'vn');
}

/** Moves `s` past a verb, preposition or adverb the segmenter reads at the start of an estate's name (调取|阳光城). */
function skipLeadingVerb(text: string, s: number, r: number): number {
  if (r - s < 4) return s;
  const words = tag(normSlice(text, s, r));
  const w = words[0] as TaggedWord;
  return words.length > 1 && LEADING_TAGS.has(w.tag) && r - s - w.word.length >= 2 ? s + w.word.length : s;
}

/** Moves `s` past a leading word (楼下, 对面 …) when a name of at least two characters still follows before `r`. */
function skipLeadingWord(text: string, s: number, r: number): number {
  for (const w of LEADING_WORDS) if (r - s - w.length >= 2 && startsWithNorm(text, s, w)) return s + w.length;
  // 我家|万科金域榕郡10栋: "home" after a pronoun (a stop character, where the name's scan ended).
  if (r - s >= 3 && norm(text.charCodeAt(s)) === 0x5bb6 /* 家 */ && s > 0 && '我你他她咱们們'.includes(text.charAt(s - 1))) return s + 1;
  return s;
}

/**
 * Length of an area of an estate written at `k` before its buildings (B区, 一区, 北一区, 3区), or 0: 天通苑北一区C区3幢,
 * 翠苑一区C区14号楼.
 */
function subAreaLength(text: string, k: number, to: number): number {
  let e = k;
  if (e < to && DIRECTIONS.includes(String.fromCharCode(norm(text.charCodeAt(e))))) e++;
  const n0 = e;
  const c = e < to ? text.charCodeAt(e) : 0;
  if (c >= 65 && c <= 90) e++;
  else while (e < to && e - n0 < 2 && (isDigit(text.charCodeAt(e)) || isCjkNumeral(text.charCodeAt(e)))) e++;
  if (e === n0 && n0 === k) return 0;
  return e < to && norm(text.charCodeAt(e)) === 0x533a /* 区 */ ? e + 1 - k : 0;
}

/**
 * An address that starts with the name of an estate or building rather than a division or road, as
 * residents write their own (幸福里小区12栋2单元1101室, 紫荆公寓3号楼412, 锦绣华庭5栋602): the estate
 * suffix ends at `r`, a number follows. The chain needs a building number (栋, 座, 号楼) or two number
 * components, so 中心3号 or 商城2楼 alone is not one. Returns the end of the address, or -1.
 */
function estateLed(host: ScanHost, r: number, limit: number, hinted: boolean): number {
  const text = host.text;
  const to = host.to;
  const { suffix, stop } = tables();
  let sfx = 0;
  for (let l = 2; l >= 1 && sfx === 0; l--) {
    const m = r + 1 - l >= limit ? suffix.get(text, r + 1 - l, r + 1) : undefined;
    if (m !== undefined && ESTATE_SUFFIXES.has(normSlice(text, r + 1 - l, r + 1))) sfx = l;
  }
  if (sfx === 0) return -1;
  if (r >= 1 && NOT_ESTATE.some((w) => startsWithNorm(text, r + 1 - w.length, w))) return -1;
  // The estate's name: up to 8 characters back, not across punctuation, stop words or a keyword.
  const ctx = host.context();
  const nearest = ctx.nearestBefore(r, 12);
  const kwEnd = nearest !== 0 ? r - ctx.lastDistance : -1;
  let s = r + 1 - sfx;
  const back = Math.max(limit, s - 8);
  while (s > back) {
    const c = text.charCodeAt(s - 1);
    if (!isCjk(c) || stop[norm(c)] === 1 || s - 1 < kwEnd) break;
    s--;
  }
  s = skipLeadingWord(text, s, r + 1 - sfx);
  s = skipLeadingVerb(text, s, r + 1 - sfx);
  // 住址：翠苑一区…: right after an address keyword, a one-character name (翠苑, 华苑) is the estate's.
  // …and so is one right after 住 (住翠苑一区B区21栋).
  if (r + 1 - sfx - s < ((kwEnd >= 0 && s - kwEnd <= 2) || (s > 0 && norm(text.charCodeAt(s - 1)) === 0x4f4f) /* 住 */ ? 1 : 2)) return -1;
  const chain = parseChain(text, s, to);
  if (chain.numberEnd <= r) return -1;
  let numbers = 0;
  for (const k of chain.kinds) if (k === K_NUM) numbers++;
  let building = false;
  for (let k = r + 1; k < chain.numberEnd && !building; k++) {
    const c = norm(text.charCodeAt(k));
    building = BUILDING_UNITS.includes(String.fromCharCode(c)) || (c === 0x53f7 /* 号 */ && k + 1 < chain.numberEnd && norm(text.charCodeAt(k + 1)) === 0x697c /* 楼 */);
  }
  // 女生一舍312室: a dormitory is a building, its number the room.
  if (numbers < 2 && !building && !(norm(text.charCodeAt(r)) === 0x820d /* 舍 */ && norm(text.charCodeAt(chain.numberEnd - 1)) === 0x5ba4) /* 室 */) return -1;
  return acceptChain(host, chain, true, hinted);
}
