/**
 * Person names (`person_name`) in Chinese, Simplified or Traditional.
 *
 * Free text: the scan records where a surname character (or compound surname) occurs. A position
 * is examined only when it is plausible — right after a name keyword (申请人, 联系人：, 患者 …) or a
 * role word (来电人, 审判员, 住客 …; `nameRoles`, looked up backwards from the candidate), right
 * before a title (先生, 女士, 经理 …), or a surname at a word boundary (after punctuation, 和/与/由/向
 * …, or a role noun ending in 人/员/长/师 …) that is common, or is followed by a gender (，男，) or a
 * case-record verb (申请, 来电, 在 …). Only then is the segmenter (jieba, with part-of-speech tags)
 * called, on a window of a few characters around it, never on the whole document. A surname-led
 * token tagged `nr` (or an unknown 2–3 character word, tag `x`) is a name; a surname followed by a
 * one- or two-character token is one only with a keyword or title, except after a compound surname
 * (欧阳, 司马 …). The run before a gender is the name whatever the segmenter says. Not names: a
 * role word itself (顾客, 家属), a word followed by a firm or product word (王老吉凉茶, 马应龙药业),
 * an ordinary word or place name after a role word, and the parts of a dot-separated name.
 * Titles are not part of the span (王小明先生 → 王小明); a surname alone (王先生) is not reported.
 * Pseudonymised names (赵某某, 叶某) are recognised in table cells only, and dot-separated transliterations
 * (阿卜杜拉·买买提) everywhere. Never from digits or Latin-only words.
 *
 * A surname followed by one of about 1,300 frequent two-character given names (欣怡, 其昌, 承翰; `givenNames` in
 * dict-surnames.json) is a name wherever it stands (我带黄欣怡去, 被告许远航买卖…), unless the surname ends a word
 * begun before it (提高), starts a word with the given name's first character (成立新), the given name runs into the next
 * word (张家乐园), the three are a dictionary word (家乐福) or a firm's name goes on after it (厦门宏达生物科技有限公司).
 *
 * A run of 2–3 characters closed by punctuation is a name also after a word ending in 人/员/者
 * (购药人洪伟杰，) and, after any other word, when the segmenter reads it as one unknown word
 * (药剂科|马晓军，) whose given part is no ordinary word (准入|白名单). In Taiwan text a married woman's
 * name has four characters, her husband's surname first (李謝素珍, 吳王秀鳳). A surname with a kinship
 * address (梁伯), 於/于 before a time (於上午), a shop's name (周记) or a place (周宁县) is no name.
 *
 * Cells (`isNameCell`): 2–4 CJK characters led by a surname, not an ordinary dictionary word
 * (福州, 方面 — from jieba's dictionary) and not ending like a place or an organisation; or a
 * dot-separated transliteration. No segmenter call per cell.
 */
import surnameData from '../data/dict-surnames.json' with { type: 'json' };
import { isCjk, isDigit, isNameDot, isSpace, norm, normSlice, startsWithNorm } from './chars.ts';
import { contextKeywords, CTX, divisionNames, nameRoles, nameTitles, surnameTables } from './dictionaries.ts';
import type { ContextIndex } from './context.ts';
import type { ScanHost } from './host.ts';
import { FREE_TEXT_MIN_CONFIDENCE } from './types.ts';
import { KeywordTrie } from './keyword-trie.ts';
import { isCommonBigram, lexFreq, lexiconEntry, lexiconEntryAt, lexIsName, tag, type TaggedWord } from './jieba.ts';

/** Characters after which a name may start (besides punctuation and non-CJK). */
const BOUNDARY = '和与及同跟被由向给把让请叫是为经据称令或对找将派等即系人员长师生者任理记官警工士授主席总书编表属父母妻夫子女兄弟姐妹友户方民手家、，。：；';
/** The function words among the boundary characters (和, 由, 为, 是 …): 变更为谷雨桐（…). */
const FUNCTION_BOUNDARY = '和与及同跟被由向给把让请叫是为经据称令或对找将派等即系';
/** Characters that end places and organisations rather than names (in cells). */
const NON_NAME_FINAL = '市省区县镇乡村路街道巷号楼室部局厅处科院校所站队店司厂场馆行社委办组团园苑湾岛港口州业品类型级期届年日份元记班';
/** Endings of places, organisations, shops, teams and document numbers that no given name ends with (周宁县, 李锦记, 计量班, 管平字…号, 白云洞, 车联网, 宿营点). */
const PLACE_FINAL = '市省区县镇乡村路街巷号楼室部局厅处科院校所站店司厂场馆社委办州记柜港澳湾口祠班字组队洞网点费';
/** Surname characters that after a number are its unit (1986年建成, 3万元, 5时许). */
const UNIT_SURNAMES = '年万時时';
/** Characters that rarely appear in a given name (function words). */
const NON_NAME_CHARS = '的了是在不有个们这那吗呢吧啊和与及或等就也都而被把让给从向对于为所以之其此该某因已床煎处仟佰很好称说要失';
/** Of NON_NAME_CHARS, those an older generation's given names hold (郑有福, 王有才): allowed in a run right after a role or keyword. */
const GIVEN_AFTER_ROLE = 0x6709; /* 有 */
/** Characters that may end a token the HMM glued to a name (李华去 → 李华). */
const TRAILING_FUNCTION = '去来说在是的了和与等将也都就又还被把对向到给跟同为已曾于及并作任主负称系表受持因户报';
/** Characters that, in a given name, point to an ordinary phrase unless a keyword or title says otherwise (于本周). */
const NON_GIVEN_WITHOUT_CONTEXT = '本周前后个些次几第每该此其';
/** One-character forms of address after a surname (梁伯, 陈姨, 王婶, 李总, 张工): a way of speaking to a person. */
const KINSHIP_ADDRESS = '伯叔婶姨嫂婆爷奶哥姐总工董';
/**
 * Surname characters that are far likelier a preposition, pronoun or modal here (從廈門, 于是, 那天, 於文到, 患者應規律): a
 * name starts with one only right after a name keyword (姓名：那拉…).
 */
const FUNCTION_SURNAMES = '从從於那应應有';

function isFunctionSurname(c: number): boolean {
  return FUNCTION_SURNAMES.includes(String.fromCharCode(c));
}
/** jieba tags that can be the given-name part after a lone surname token. */
const GIVEN_NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x', 'n', 'ng', 'nz', 'a', 'ag', 'j', 'vg', 'tg', 't', 'z', 'b', 'an', 'nt', 'ns', 'mq']);
/** Given-name tokens after a lone surname token that make a name likely even without a keyword. */
const STRONG_GIVEN_TAGS = new Set(['nr', 'nrt', 'nrfg', 'nz', 'x']);
/** Separators allowed between a name keyword and the name (联系人：, Mr. ). */
function isGap(c: number): boolean {
  return c === 58 || c === 0xff1a || c === 32 || c === 0x3000 || c === 46 || c === 9;
}

/** 甲 乙 丙 丁: the party letter written after a role in agreements and reports (当事人甲：, 乙方). */
function isPartyMark(c: number): boolean {
  return c === 0x7532 || c === 0x4e59 || c === 0x4e19 || c === 0x4e01;
}

const CTX_ADJACENT = 0.35;
const CTX_NEAR = 0.1;
const TITLE = 0.35;
/** A gender written right after the name (see `genderFollows`). */
const GENDER = 0.2;
/** A case-record verb written right after the name (see `subjectVerbAt`). */
const SUBJECT_VERB = 0.15;
const CONJUNCTIONS = '和与及或';
/**
 * Verbs that follow the subject of a case record, hotline ticket or judgment (吴金水申请…, 章晓峰来电…),
 * Simplified (Traditional text is compared through its Simplified form).
 */
const SUBJECT_VERBS = [
  '申请', '来电', '来访', '反映', '投诉', '咨询', '要求', '办理', '称', '诉称', '表示', '提出', '提交', '持', '携带', '委托', '继承', '购买',
  '购房', '就业', '驾驶', '签署', '确认', '同意', '自愿', '出生', '病故', '去世', '死亡', '于', '在', '因', '系', '现住', '现居', '户籍',
  '罹患', '患有',
];

interface NameTables {
  boundary: Uint8Array;
  /** The function words of BOUNDARY (和, 由, 为, 是 …), after which a name standing alone may start. */
  functionWord: Uint8Array;
  nonFinal: Uint8Array;
  nonName: Uint8Array;
  trailing: Uint8Array;
  translit: Uint8Array;
  nonGiven: Uint8Array;
  kinship: Uint8Array;
  placeFinal: Uint8Array;
}

/** Built on first use, then the same object (no allocation per call). */
let nameTables: NameTables | null = null;

function table(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[norm(chars.charCodeAt(i))] = 1;
  return t;
}

function tables(): NameTables {
  if (nameTables !== null) return nameTables;
  nameTables = {
    nonGiven: table(NON_GIVEN_WITHOUT_CONTEXT),
    boundary: table(BOUNDARY),
    functionWord: table(FUNCTION_BOUNDARY),
    nonFinal: table(NON_NAME_FINAL),
    nonName: table(NON_NAME_CHARS),
    trailing: table(TRAILING_FUNCTION),
    translit: table(surnameData.transliterationChars),
    kinship: table(KINSHIP_ADDRESS),
    placeFinal: table(PLACE_FINAL),
  };
  return nameTables;
}

/** Frequent two-character given names (dict-surnames.json givenNames) as c1 << 16 | c2 of normalised characters. */
let givenNames: Set<number> | null = null;

/** True when text[k, k + 2) is a frequent two-character given name (欣怡, 其昌, 承翰). */
function givenNameAt(text: string, k: number, to: number): boolean {
  if (k + 2 > to) return false;
  if (givenNames === null) {
    givenNames = new Set();
    for (const w of surnameData.givenNames.split(' ')) if (w.length === 2) givenNames.add(norm(w.charCodeAt(0)) * 65536 + norm(w.charCodeAt(1)));
  }
  return givenNames.has(norm(text.charCodeAt(k)) * 65536 + norm(text.charCodeAt(k + 1)));
}

/**
 * True when a surname at `p` (of `sLen` characters) is followed by a frequent given name that reads as one (我跟蕭瑞芳去,
 * 工单#20658：吴欣怡反映, 被告林远航房屋…): the surname does not end a word begun before it (提高建国), does not start
 * a word with the given name's first character (成立新), the given name does not run into the next word (张家乐园) and
 * the three are no dictionary word (家乐福).
 */
function givenNameFollows(text: string, p: number, sLen: number, from: number, to: number): boolean {
  const g = p + sLen;
  if (!givenNameAt(text, g, to)) return false;
  const e = g + 2;
  // 池子涵： at a line's start: a run standing alone may start like a word (池子).
  const alone = (p === from || !isCjk(text.charCodeAt(p - 1))) && (e >= to || !isCjk(text.charCodeAt(e)));
  if (sLen === 1 && !alone && isCommonBigram(norm(text.charCodeAt(p)), norm(text.charCodeAt(g)))) return false;
  if (p > from && isCjk(text.charCodeAt(p - 1)) && isCommonBigram(norm(text.charCodeAt(p - 1)), norm(text.charCodeAt(p)))) return false;
  if (e < to && isCjk(text.charCodeAt(e)) && isCommonBigram(norm(text.charCodeAt(e - 1)), norm(text.charCodeAt(e)))) return false;
  if (isWord(text, p, e) || isWord(text, g, e + (e < to && isCjk(text.charCodeAt(e)) ? 1 : 0))) return false;
  // 厦门宏达生物科技有限公司: a firm's trade name, its business and its form in one run.
  let k = e;
  while (k < to && k - e < 12 && isCjk(text.charCodeAt(k))) k++;
  return !FIRM_WORDS.test(normSlice(text, e, k));
}

/** Words that end a firm's name (…有限公司, …商行). */
const FIRM_WORDS = /公司|集团|有限|商行|工作室|合作社|事务所|研究院|经营部|门市部/;

/** Lexicon entry of text[s, e) (2–3 characters), normalising Traditional characters first. */
function lexiconEntryAtNorm(text: string, s: number, e: number): number {
  for (let k = s; k < e; k++) if (norm(text.charCodeAt(k)) !== text.charCodeAt(k)) return lexiconEntry(normSlice(text, s, e));
  return lexiconEntryAt(text, s, e);
}

/** Length of the surname at `p` (2 for a compound surname, 1 for a single one, 0 for none). */
export function surnameLength(text: string, p: number, end: number): number {
  const { single, compound } = surnameTables();
  const m = compound.longestAt(text, p, Math.min(end, p + 2));
  if (m !== null && m.length === 2) return 2;
  return single[norm(text.charCodeAt(p))] !== 0 ? 1 : 0;
}

/**
 * True when the character at `k` (the last of a candidate name, ending at `e`) is more likely the
 * start of the next word: a function character (受, 持, 称 …) or the first half of a common word
 * with the character after it (工|号).
 */
function endsGlued(text: string, k: number, e: number, to: number, trailing: Uint8Array): boolean {
  const c = norm(text.charCodeAt(k));
  if (trailing[c] === 1) return true;
  return e < to && isCjk(text.charCodeAt(e)) && isCommonBigram(c, norm(text.charCodeAt(e)));
}

/** Kinship words that end a parent's or grandparent's nickname in a chat (乐乐妈妈). Normalised. */
const KINSHIP_WORDS = ['妈妈', '爸爸', '奶奶', '爷爷', '外婆', '外公', '姥姥', '姥爷', '姐姐', '哥哥', '阿姨', '叔叔'];

/** Keyword categories of a contact or identity field's label (手機, 电话, 身份证号, 邮箱). */
const FIELD_LABELS = CTX.phone | CTX.id | CTX.email | CTX.tw_national_id | CTX.cn_passport | CTX.tw_travel_permit | CTX.hkmo_home_return_permit;

/**
 * True when a contact or identity field's label (FIELD_LABELS) starts at `e`, right after a run [p, e) that is a
 * whole name (里長戴翊安手機0919…): the label ends the name as punctuation would.
 */
function fieldLabelAt(ctx: ContextIndex, text: string, p: number, e: number, sLen: number): boolean {
  // Not a certificate or card named before its number (榮民證號碼, 社保卡号).
  return e - p >= sLen + 1 && e - p <= 3 && !'证證卡号號单單'.includes(text.charAt(e - 1)) && (ctx.startsAt(e) & FIELD_LABELS) !== 0 && isNameCell(text, p, e);
}

/** True when a title of two or three characters (校长, 主任, 护士长; `nameTitles`) ends right before `p`. */
function titleEndsAt(titles: ReturnType<typeof nameTitles>, text: string, p: number, from: number): boolean {
  for (let l = 2; l <= 3; l++) if (p - l >= from && titles.has(text, p - l, p)) return true;
  return false;
}

/** True when a role noun (来电人, 审判员, 住客 …; `nameRoles`) ends right before `p`, or before a ：/space gap there. */
function endsWithNameRole(text: string, p: number, from: number, gap = true): boolean {
  let e = p;
  while (gap && e > from && p - e < 2 && isGap(text.charCodeAt(e - 1))) e--;
  if (gap && e < p && e > from && isPartyMark(text.charCodeAt(e - 1))) e--; // 当事人甲：
  const m = nameRoles().reversed.longestBefore(text, e, from);
  return m !== null && m.length >= 2;
}

/**
 * True when a word with an agentive suffix (购药人, 巡查员, 往生者) ends right before `p`, or before a ：/space
 * gap there.
 */
function agentBefore(text: string, p: number, from: number): boolean {
  let e = p;
  while (e > from && p - e < 2 && isGap(text.charCodeAt(e - 1))) e--;
  if (e - 2 < from) return false;
  const c = norm(text.charCodeAt(e - 1));
  // 38床 钟秀梅, 3床刘海燕: a bed number before the patient's name.
  if (c === 0x5e8a /* 床 */) return isDigit(text.charCodeAt(e - 2));
  if (!isCjk(text.charCodeAt(e - 2))) return false;
  // 设备科 庄学文, 质量部 钟海涛, 人事部孙丽，: a department, then a staff member's name (the caller checks the run is one).
  // …but 监管部门调查: the department's last character and the surname character are one word (部门).
  if (isDepartmentFinal(c)) return (e < p || isCjk(text.charCodeAt(e - 3))) && !(e === p && ordinaryWord(text, p - 1, p + 1));
  // 村医潘文武, 校医普丽华: a doctor's post (医) before the name, as an agent noun.
  return c === 0x4eba /* 人 */ || c === 0x5458 /* 员 */ || c === 0x8005 /* 者 */ || c === 0x533b /* 医 */;
}

/** True when a department's name (…科, …部, …室, …处) ends right before `p`, with no gap. */
function departmentGlued(text: string, p: number, from: number): boolean {
  if (p - 1 < from) return false;
  const c = norm(text.charCodeAt(p - 1));
  return isDepartmentFinal(c);
}

/** True for the normalised last character of a department's name: 科, 部, 室, 处. */
function isDepartmentFinal(c: number): boolean {
  return c === 0x79d1 /* 科 */ || c === 0x90e8 /* 部 */ || c === 0x5ba4 /* 室 */ || c === 0x5904 /* 处 */;
}

/** True when a Traditional character is written within 16 characters of `p` (the text is Taiwan's or Hong Kong's). */
function traditionalNear(text: string, p: number, from: number, to: number): boolean {
  const e = Math.min(to, p + 16);
  for (let k = Math.max(from, p - 16); k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x4e00 && c <= 0x9fff && norm(c) !== c) return true;
  }
  return false;
}

/** True when text[s, e) is a frequent dictionary word, names included (关怀, 卓越): no two surnames of a married name. */
function frequentWord(text: string, s: number, e: number): boolean {
  const lx = lexiconEntryAtNorm(text, s, e);
  return lx >= 0 && lexFreq(lx) >= 100;
}

/** True when text[s, e) is a dictionary word that is not a name (公卫, 方便). */
function isWord(text: string, s: number, e: number): boolean {
  const lx = lexiconEntryAtNorm(text, s, e);
  return lx >= 0 && !lexIsName(lx) && lexFreq(lx) >= 3;
}

/** Tags of an ordinary word (名单 n, 设备 vn, 本周 t) that, after a surname character, make the run no name (白名单). */
const ORDINARY_WORD_TAGS = new Set(['n', 'vn', 'v', 't', 'f', 'm']);

/**
 * True when the segmenter reads text[s, e) as one ordinary word (麻醉 v, 冷链 n, 名单 n), not a name or an unknown
 * word: a whole run (麻醉医师) or the part after a surname character (白|名单).
 */
function ordinaryWord(text: string, s: number, e: number): boolean {
  const words = tag(normSlice(text, s, e));
  return words.length === 1 && ORDINARY_WORD_TAGS.has((words[0] as TaggedWord).tag);
}

/** True when the segmenter reads text[s, e) as one rare word tagged as a name or unknown (马晓军 x). */
function oneNameToken(text: string, s: number, e: number): boolean {
  const words = tag(normSlice(text, s, e));
  if (words.length !== 1) return false;
  const w = words[0] as TaggedWord;
  return (w.tag === 'x' || w.tag.startsWith('nr')) && lexFreq(lexiconEntry(w.word)) < 20;
}

/** Words for two or more people (林惠夫妇, 王氏兄弟): after a name, not its given part. Normalised. */
const GROUP_WORDS = ['夫妇', '夫妻', '母子', '母女', '父子', '父女', '兄弟', '姐妹', '兄妹', '姐弟', '一家', '全家', '两口', '等人'];

/**
 * True when the two characters at `g`, read as a four-character name's given part, are a word of their own: a group
 * (林惠|夫妇), a verb (周燕|辞退) or a role (车管|专员, 白班|保姆).
 */
function givenPartIsWord(text: string, g: number, to: number): boolean {
  const pair = normSlice(text, g, g + 2);
  if (GROUP_WORDS.includes(pair) || startsNameRole(text, g, to)) return true;
  const words = tag(pair);
  return words.length === 1 && ((words[0] as TaggedWord).tag === 'v' || (words[0] as TaggedWord).tag === 'vn' || (words[0] as TaggedWord).tag === 'vd');
}

/**
 * True when text[p, p + 4) is a married woman's name as Taiwan writes it (蔡林秀琴, 黃陳阿玉): her husband's
 * surname, then her own surname and given name, and what follows does not continue it. After a role or kinship word
 * (母亲吴陈秀英脑梗死…) any word may follow.
 */
function marriedNameAt(text: string, p: number, to: number, afterRole = false): boolean {
  if (p + 4 > to || !allCjk(text, p, p + 4)) return false;
  if (surnameTables().single[norm(text.charCodeAt(p + 1))] === 0) return false;
  const { trailing, boundary } = tables();
  if (trailing[norm(text.charCodeAt(p + 3))] === 1) return false;
  if (isCommonBigram(norm(text.charCodeAt(p)), norm(text.charCodeAt(p + 1)))) return false;
  // 付强右脚, 林国栋申请, 施明哲先生: a three-character name and the start of the next word; 关怀专线: a frequent word first.
  if (isWord(text, p + 2, p + 4)) return false;
  if (frequentWord(text, p, p + 2)) return false;
  if (p + 4 < to && isCjk(text.charCodeAt(p + 4)) && (isCommonBigram(norm(text.charCodeAt(p + 3)), norm(text.charCodeAt(p + 4))) || nameTitles().longestAt(text, p + 3, to) !== null)) return false;
  if (!isNameCell(text, p + 1, p + 4) || !(oneNameToken(text, p + 1, p + 4) || segmentsAsName(text, p + 1, p + 4, 1))) return false;
  if (givenPartIsWord(text, p + 2, to)) return false;
  if (p + 4 >= to) return true;
  const n = text.charCodeAt(p + 4);
  if (!isCjk(n)) return true;
  // After a role, whatever word follows, as long as the name's last character does not start it (市民刘桂英|反映, 子女潘文辉|电话,
  // 车主蒋国栋|名下).
  if (afterRole) {
    // A pair the segmenter only guessed at (HMM, tag x: 英|脑, 嬌|祈) is no word.
    const pair = tag(normSlice(text, p + 3, p + 5));
    if (pair.length === 2 || (pair[0] as TaggedWord).tag === 'x') return true;
  }
  const c = norm(n);
  // 許洪金鳳有心房顫動: 有 after the name opens what the person has.
  return c === 0x6709 || c === 0x65e0 /* 无: 游林麗珠無特殊疾病 */ || boundary[c] === 1 || trailing[c] === 1 || nameTitles().longestAt(text, p + 4, to) !== null || startsNameRole(text, p + 4, to) || subjectVerbAt(text, p + 4, to);
}

/** True when a case-record verb follows a one- or two-character given name after the surname at `p`. */
function subjectVerbAfterRun(text: string, p: number, sLen: number, to: number): boolean {
  for (let g = p + sLen + 1; g <= p + sLen + 2 && g < to; g++) {
    if (!isCjk(text.charCodeAt(g - 1))) return false;
    if (subjectVerbAt(text, g, to)) return true;
  }
  return false;
}

let verbStarts: Uint8Array | null = null;

/** True when text[k…] starts with a case-record verb (SUBJECT_VERBS) and is not a longer word (在职, 因为). */
function subjectVerbAt(text: string, k: number, to: number): boolean {
  if (k >= to) return false;
  if (verbStarts === null) {
    verbStarts = new Uint8Array(65536);
    for (const v of SUBJECT_VERBS) verbStarts[v.charCodeAt(0)] = 1;
  }
  if (verbStarts[norm(text.charCodeAt(k))] !== 1) return false;
  for (const v of SUBJECT_VERBS) {
    if (k + v.length > to || !startsWithNorm(text, k, v)) continue;
    if (v.length > 1) return true;
    // A one-character verb (在, 于, 因, 系, 持, 称) must not begin an ordinary word (在职, 因为, 系统, 持续).
    const e = k + 1;
    return e >= to || !isCjk(text.charCodeAt(e)) || !isCommonBigram(norm(text.charCodeAt(k)), norm(text.charCodeAt(e)));
  }
  return false;
}

/**
 * True when text[s, e) is a two-character label (车贷：, 备注:) or a bracketed aside (（涂阳）, （女儿）) rather than a
 * name standing alone in a list.
 */
function labelOrAside(text: string, s: number, e: number, from: number, to: number): boolean {
  const n = e < to ? text.charCodeAt(e) : 0;
  // 车贷：, 备注: — but a three-character run before a colon is a chat's or a minute's speaker (张浩然：).
  if ((n === 0xff1a || n === 58) && e - s <= 2) return true;
  const b = s > from ? text.charCodeAt(s - 1) : 0;
  // （涂阳）; 【丰巢】: an SMS sender's signature is a firm or service, not a person.
  return ((b === 0xff08 || b === 40) && (n === 0xff09 || n === 41)) || (b === 0x3010 && n === 0x3011);
}

/**
 * True when text[p, e) is a chat's or a minute's speaker: a three-character run at the start of a line, before a colon
 * (江海生：我…), whose given part is no ordinary word; the segmenter may read its first two characters as a word (江海).
 */
function speakerAt(text: string, p: number, e: number, sLen: number, from: number, to: number): boolean {
  if (e - p !== 3 || sLen !== 1 || e >= to) return false;
  const n = text.charCodeAt(e);
  if (n !== 0xff1a && n !== 58) return false;
  if (p > from && text.charCodeAt(p - 1) !== 10) return false;
  return !ordinaryWord(text, p + 1, e) && !isWord(text, p + 1, e);
}

/**
 * Words that open a chat line's utterance (好的, 收到, 我…, 请问, @, 老师好): after a two-character run at the start of a
 * line and its colon, they make the run the speaker's name (田野：毛老师好, 于丹：顺便问下) where a label's value would
 * follow a field's (车贷：5000元). Normalised.
 */
const UTTERANCE_STARTS = ['好的', '好', '收到', '谢谢', '多谢', '感谢', '我', '你', '您', '请问', '麻烦', '顺便', '嗯', '哈', '对', '是的', '没', '不', '@', '老师', '医生', '里长', '明天', '今天', '刚', '已经', '那', '这', '可以', '早上好', '早安', '辛苦', '抱歉', '不好意思', '在吗', '在的', '知道', '行', '没问题'];

/** True when text[p, e) is a two-character chat speaker: at the start of a line, before a colon and an utterance (UTTERANCE_STARTS). */
function chatSpeaker(text: string, p: number, e: number, sLen: number, from: number, to: number): boolean {
  if (e - p !== 2 || sLen !== 1 || e + 2 >= to) return false;
  const n = text.charCodeAt(e);
  if (n !== 0xff1a && n !== 58) return false;
  if (p > from && text.charCodeAt(p - 1) !== 10) return false;
  // 经过：…: a surname that is far likelier a function word.
  if (tables().boundary[norm(text.charCodeAt(p))] === 1) return false;
  // 林海峰 … 海峰：好的: the given name alone of a person named in full elsewhere is no name of its own.
  const run = text.slice(p, e);
  for (let at = text.indexOf(run, from); at >= 0 && at < to; at = text.indexOf(run, at + 1)) {
    if (at > from && surnameTables().single[norm(text.charCodeAt(at - 1))] !== 0) return false;
  }
  let k = e + 1;
  if (k < to && text.charCodeAt(k) === 32) k++;
  for (const w of UTTERANCE_STARTS) if (startsWithNorm(text, k, w)) return true;
  // 戴老师好, 林医生: the speaker greets someone by surname and title.
  for (const w of GREETED_TITLES) if (k + 1 < to && isCjk(text.charCodeAt(k)) && startsWithNorm(text, k + 1, w)) return true;
  return false;
}

/** Titles a chat line opens with after a surname (戴老师好): normalised. */
const GREETED_TITLES = ['老师', '医生', '老板', '师傅', '经理', '主任', '律师', '警官', '阿姨', '姐', '哥'];

/** Tags of a word that is never a name (那天 r, 上午 t, 已经 d …). */
const NOT_NAME_WORD_TAGS = new Set(['r', 't', 'tg', 'd', 'p', 'c', 'u', 'q', 'f', 'a', 'ad', 'an', 'vn']);

/** Tags of a surname character that is used as another word here (于 p, 和 c, 都 d). */
const NON_SURNAME_TAGS = new Set(['p', 'c', 'd', 'u', 'r', 'm', 'q', 'f']);

/**
 * True when the segmenter reads text[p, e) as a name: one token tagged as a name or unknown (章桂珍),
 * or the surname and a given-name token (郝|建军) — not a clause such as 经|核实 (a preposition and a verb).
 */
function segmentsAsName(text: string, p: number, e: number, sLen: number): boolean {
  const words = tag(normSlice(text, p, e));
  const w0 = words[0] as TaggedWord;
  // A dictionary word, even one the dictionary tags as a name (花名册, 谢谢), is a word when it stands alone.
  if (words.length === 1) return (w0.tag.startsWith('nr') || w0.tag === 'x') && lexFreq(lexiconEntry(w0.word)) < 20;
  // 于|民国: a preposition, not a surname. A common surname tagged as a measure word or adverb (张|浩然) is still one.
  if (NON_SURNAME_TAGS.has(w0.tag) && (w0.tag === 'p' || w0.tag === 'c' || surnameTables().single[norm(text.charCodeAt(p))] !== 2)) return false;
  // A surname that is also a function word (经, 由, 向, 据 …) starts a clause (经核实) unless the whole run is one name token.
  if (sLen === 1 && tables().boundary[norm(text.charCodeAt(p))] === 1) return false;
  if (words.length !== 2) return false;
  const w1 = words[1] as TaggedWord;
  // 梁国|雄: the surname and the first given character read as one rare word, the last character apart.
  if (w0.word.length === sLen + 1 && w1.word.length === 1) return GIVEN_NAME_TAGS.has(w1.tag) && lexFreq(lexiconEntry(w0.word)) < 20;
  if (w0.word.length !== sLen) return false;
  return w1.tag.startsWith('nr') || GIVEN_NAME_TAGS.has(w1.tag);
}

/** True when the segmenter reads the character at `p` as inside a word begun before it (共和|国 in 共和国护照). */
function midWord(text: string, p: number, from: number): boolean {
  const s = Math.max(from, p - 2);
  let at = s;
  for (const w of tag(normSlice(text, s, p + 1))) {
    if (at < p && at + w.word.length > p) return true;
    at += w.word.length;
  }
  return false;
}

/**
 * True when the segmenter reads the character before `p`, the one at `p` and the next as one
 * dictionary word (工程师): the surname character is inside a word. Two characters are not enough
 * (父王, 人丁 are words too, but 其父王振东 and 被鉴定人丁伟 hold names).
 */
function joinsBefore(text: string, p: number, to: number): boolean {
  if (p + 2 > to) return false;
  const w = tag(normSlice(text, p - 1, p + 2))[0] as TaggedWord;
  return w.word.length === 3 && w.tag !== 'x';
}

/** True when a role word (nameRoles) starts at `p`: 顾客吴…, 家属蔡… (顾 and 家 are surnames too). */
function startsNameRole(text: string, p: number, to: number): boolean {
  return nameRoles().forward.longestLengthAt(text, p, to) >= 2;
}

/**
 * Words that, right after a surname-led word, make it the name of a firm, brand or product (王老吉凉茶,
 * 马应龙药业, 王府井百货), not a person's.
 */
const ORG_FOLLOWERS = [
  '集团', '公司', '药业', '制药', '药房', '百货', '商行', '商场', '超市', '专柜', '专卖', '旗舰店', '门店', '分店', '酒楼', '酒店',
  '饭店', '餐厅', '大厦', '广场', '品牌', '食品', '饮料', '凉茶', '实业', '科技', '电器', '商贸', '贸易', '工作室', '商会', '银行',
  '医院', '诊所', '事务所', '股份', '有限', '连锁', '牌', '剪刀', '刀具', '运动鞋', '鞋', '服饰', '吹风机', '手机', '电脑', '家电',
  '系列', '套装', '商品', '风味', '口味', '同款',
  // Places and shops named after a family or a feature (王庄街道, 周黑鸭, 关怀据点).
  '街道', '社区', '片区', '码头', '景区', '据点', '鸭',
  // Halls and memorials named after a historical figure (林则徐纪念馆, 林觉民故居, 严复翰墨馆).
  '纪念馆', '纪念堂', '故居', '翰墨馆', '文学馆', '祠', '陵园', '铜像', '塑像',
  // Offices named after a place (白青司法所, 城关派出所).
  '司法所', '派出所', '卫生院', '卫生所', '居委会', '村委会', '街道办', '管委会', '办公处',
  // Firms named after their founder (于力动健身（福州）有限公司) and highways after their ends (沈海高速).
  '健身', '传媒', '文化', '餐饮', '物流', '置业', '装饰', '高速',
  // Utility offices named after their district (武侯供电中心).
  '供电', '供水', '燃气',
  // Roads and chat groups named after a place or a family (杨桥路, 杨桥西路, 陳家群組).
  '路', '西路', '东路', '南路', '北路', '中路', '大道', '群组', '群聊',
];

let orgTrie: KeywordTrie<true> | null = null;

/** Offices whose staff are named right after them (司法所黎雪, 律师事务所范立群律师, 派出所民警…). */
const OFFICES = ['司法所', '事务所', '派出所', '卫生院', '卫生所', '居委会', '村委会', '管委会', '街道办', '公证处', '法律援助中心'];
let officeTrie: KeywordTrie<true> | null = null;

/** True when an office's name (OFFICES) ends right before `p`: the surname there starts a word. */
function officeBefore(text: string, p: number, from: number): boolean {
  if (officeTrie === null) {
    officeTrie = new KeywordTrie<true>();
    for (const w of OFFICES) officeTrie.add([...w].reverse().join(''), true);
  }
  return officeTrie.longestBefore(text, p, from) !== null;
}

function orgFollows(text: string, k: number, to: number): boolean {
  if (k >= to || !isCjk(text.charCodeAt(k))) return false;
  if (orgTrie === null) {
    orgTrie = new KeywordTrie<true>();
    for (const w of ORG_FOLLOWERS) orgTrie.add(w, true);
  }
  return orgTrie.longestLengthAt(text, k, to) > 0;
}

let notNames: KeywordTrie<true> | null = null;

/** True when a word of the notNames list (dict-surnames.json) starts at `p`. */
function notNameAt(text: string, p: number, to: number): boolean {
  if (notNames === null) {
    notNames = new KeywordTrie<true>();
    for (const w of surnameData.notNames.split(' ')) if (w) notNames.add(w, true);
  }
  return notNames.longestLengthAt(text, p, to) > 0;
}

/** True when digits and 号/號 follow `k` (金昇財168號, 鸿运8号): a boat's or a shop's name, not a person's. */
function numberedAfter(text: string, k: number, to: number): boolean {
  let d = k;
  while (d < to && d - k < 13 && isDigit(text.charCodeAt(d))) d++;
  if (d === k || d >= to) return false;
  const c = text.charCodeAt(d);
  return c === 0x53f7 /* 号 */ || c === 0x865f /* 號 */;
}

/**
 * True when text[k…] is a separator and a lone gender: `，男，`, `（女）`, `、男` — how registers,
 * judgments and medical records follow a person's name (男方, 女士 are not).
 */
function genderFollows(text: string, k: number, to: number): boolean {
  if (k + 1 >= to) return false;
  const sep = text.charCodeAt(k);
  if (sep !== 0xff0c && sep !== 44 && sep !== 0xff08 && sep !== 40 && sep !== 0x3001 && sep !== 32) return false;
  const g = text.charCodeAt(k + 1);
  if (g !== 0x7537 /* 男 */ && g !== 0x5973 /* 女 */) return false;
  const n = k + 2 < to ? text.charCodeAt(k + 2) : 0;
  return n === 0 || !isCjk(n) || n === 0x6027 /* 性 */;
}

function allCjk(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isCjk(text.charCodeAt(k))) return false;
  return true;
}

/** True when the whole of text[s, e) is a context keyword or a title (申请人, 先生 …). */
function isKeyword(text: string, s: number, e: number): boolean {
  return contextKeywords().get(text, s, e) !== undefined || nameTitles().get(text, s, e) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Free text

export function findNames(host: ScanHost, surnameHits: readonly number[], dotHits: readonly number[]): void {
  const text = host.text;
  const to = host.to;
  const from = host.from;
  const { boundary, nonName, trailing, nonGiven, functionWord } = tables();
  const { single } = surnameTables();
  const titles = nameTitles();
  const ctx = host.context();
  const hinted = host.hinted('person_name');
  let lastEnd = -1;

  const tibetan = tibetanStarts();
  for (const p of surnameHits) {
    if (p < lastEnd) continue;
    if (tibetan[norm(text.charCodeAt(p))] === 1 && p + 4 <= to) {
      const e = tibetanNameInText(host, p);
      if (e > 0) {
        lastEnd = e;
        continue;
      }
    }
    const sLen = surnameLength(text, p, to);
    if (sLen === 0 || p + sLen >= to) continue;
    if (notNameAt(text, p, to)) continue; // 牛轧糖, 石牌洋, 高拍仪
    const after = text.charCodeAt(p + sLen);
    if (!isCjk(after)) continue;
    if (ctx.covers(p) || endsWithNameRole(text, p + 1, from, false) || startsNameRole(text, p, to)) {
      // Inside a keyword (申请人 starts with the surname 申) or a role word (女方, 主任, 顾客, 家属).
      continue;
    }
    // A part of a transliterated name (古丽米拉·买买提, 艾合买提江·麦麦提) is findDotNames' to read.
    if (p > from && isNameDot(text.charCodeAt(p - 1))) continue;
    let dotAhead = false;
    for (let k = p + 1; k < to && k - p <= 8 && !dotAhead; k++) {
      const c = text.charCodeAt(k);
      if (isNameDot(c)) dotAhead = k + 1 < to && isCjk(text.charCodeAt(k + 1));
      else if (!isCjk(c)) break;
    }
    if (dotAhead) continue;

    // Gate: keyword right before, title right after, or a common surname at a boundary.
    const near = ctx.nearestBefore(p, 10);
    const distance = ctx.lastDistance;
    const nameCtx = (near & CTX.person_name) !== 0;
    let keywordAdjacent = nameCtx && distance <= 2;
    for (let k = p - distance; keywordAdjacent && k < p; k++) {
      const c = text.charCodeAt(k);
      if (!isGap(c) && !(k === p - distance && k + 1 < p && isPartyMark(c))) keywordAdjacent = false;
    }
    // The CJK run from the surname; closed when a non-CJK character (punctuation, space, digit) ends it.
    let runEnd = p + sLen;
    // …or where a keyword of another field starts (里長戴翊安手機0919…: the phone's label ends the name).
    while (runEnd < to && runEnd - p <= 4 && isCjk(text.charCodeAt(runEnd)) && !fieldLabelAt(ctx, text, p, runEnd, sLen)) runEnd++;
    const runClosed = runEnd >= to || !isCjk(text.charCodeAt(runEnd)) || fieldLabelAt(ctx, text, p, runEnd, sLen);
    const closedRun = runClosed && runEnd - p >= sLen + 1 && runEnd - p <= sLen + 2;
    // 從廈門, 那天, 於文到: a surname that is far likelier a preposition or pronoun needs a name keyword.
    // Even after a keyword, only as a whole run (姓名：那拉英，), not before more words (患者應規律服藥).
    if (isFunctionSurname(text.charCodeAt(p)) && !(keywordAdjacent && closedRun)) continue;
    // A role word (来电人, 雇主 …) marks a name as a keyword does, but, unlike 姓名：, does not make an
    // ordinary word after it (雇主单位) a name. A word with an agentive suffix (购药人, 巡查员：, 往生者)
    // does so for a run that is itself a name.
    const adjacent =
      keywordAdjacent || endsWithNameRole(text, p, from) || (closedRun && agentBefore(text, p, from) && !isCommonBigram(norm(text.charCodeAt(p)), norm(after)) && isNameCell(text, p, runEnd) && !labelOrAside(text, p, runEnd, from, to) && !(runEnd - p === 2 && departmentGlued(text, p, from) && !oneNameToken(text, p, runEnd))); // not 医务科盖章
    let titleAt = -1;
    for (let g = 1; g <= 2 && titleAt < 0; g++) {
      const t = p + sLen + g;
      if (t < to && titles.longestAt(text, t, to) !== null && allCjk(text, p + sLen, t)) titleAt = t;
    }
    const prev = p > from ? text.charCodeAt(p - 1) : 0;
    // 45.8万人; but 8224冉冬梅: a frequent given name after the number.
    if (prev >= 48 && prev <= 57 && (!givenNameFollows(text, p, sLen, from, to) || UNIT_SURNAMES.includes(text.charAt(p)))) continue;
    const afterOffice = isCjk(prev) && officeBefore(text, p, from);
    const atBoundary = p === from || !isCjk(prev) || boundary[norm(prev)] === 1 || afterOffice;
    const common = sLen === 2 || single[norm(text.charCodeAt(p))] === 2;

    // Pseudonymised names: 赵某某, 叶某. In free text they identify no one (judgments and police reports write them
    // so): passed over, as every set but the first labels them. A table cell holding one is still read as a name.
    if (norm(after) === 0x67d0 /* 某 */ && sLen === 1) {
      const e = p + 1 + (p + 2 < to && text.charCodeAt(p + 2) === after ? 2 : 1);
      if (!host.cellMode) {
        lastEnd = e;
        continue;
      }
      if (e < to && isCjk(text.charCodeAt(e)) && !atBoundary && !adjacent) continue;
      let c = 0.5 + (adjacent ? CTX_ADJACENT : nameCtx ? CTX_NEAR : 0) + (hinted ? 0.3 : 0);
      if (!atBoundary && !adjacent) c -= 0.2;
      host.emit('person_name', p, e, c);
      lastEnd = e;
      continue;
    }

    // A gender right after the name (王某，男，45岁 / 林某（女）) marks a person as a title does.
    let genderAt = -1;
    for (let g = p + sLen + 1; g <= p + sLen + 2 && genderAt < 0; g++) if (g < to && allCjk(text, p + sLen, g) && genderFollows(text, g, to)) genderAt = g;
    // A name standing alone between punctuation, spaces or numbers, as lists and tables in text write
    // them (崔玉兰、郝建军、石秀英; 章桂珍（88岁）; 饶春生 6228…): the whole run must look like a name cell.
    // After any other word, a three-character run the segmenter reads as one unknown word (药剂科|马晓军，,
    // 登录|薛佳怡，): its HMM found a name there.
    // 田野：毛老师好, 于丹：顺便问下: a chat's speaker, whatever word the two characters also spell.
    const speaker = closedRun && chatSpeaker(text, p, runEnd, sLen, from, to) && nonName[norm(after)] !== 1 && !isKeyword(text, p, runEnd);
    const isolated =
      speaker ||
      (closedRun &&
      !labelOrAside(text, p, runEnd, from, to) &&
      isNameCell(text, p, runEnd) &&
      (p === from || !isCjk(prev) || (functionWord[norm(prev)] === 1 && !midWord(text, p, from))
        ? segmentsAsName(text, p, runEnd, sLen) || speakerAt(text, p, runEnd, sLen, from, to)
        : runEnd - p === sLen + 2 && boundary[norm(prev)] !== 1 && !isWord(text, p, p + 2) && !ordinaryWord(text, p + sLen, runEnd) && !midWord(text, p, from) && oneNameToken(text, p, runEnd)));
    // 李謝素珍，, 吳王秀鳳、, 往生者陳王月娥（: a married woman's name in Taiwan, her husband's surname first.
    // 母：阮氏秋香: a Vietnamese woman's name, 氏 between the surname and the given name, as a whole run.
    const vietnamese = sLen === 1 && runClosed && runEnd - p === 4 && norm(after) === 0x6c0f /* 氏 */ && (adjacent || atBoundary) && !ordinaryWord(text, p + 2, p + 4);
    // A whole run of four standing alone (2 冯陈慧玲 回乡证…) needs no Traditional text around it.
    const married =
      sLen === 1 &&
      (adjacent || ((p === from || !isCjk(prev) || functionWord[norm(prev)] === 1 || boundary[norm(prev)] === 1) && traditionalNear(text, p, from, to)) || ((p === from || !isCjk(prev)) && runClosed && runEnd - p === 4)) &&
      marriedNameAt(text, p, to, adjacent);
    // A surname and a frequent given name (帶沈郁婷去, 邻桌谢美华因) need no boundary before them.
    const given = !married && !vietnamese && givenNameFollows(text, p, sLen, from, to);
    // A case-record verb right after the name (吴金水申请, 章晓峰来电, 黄土生在): the subject of the record.
    // Looked for only when nothing else opens the gate (most surname hits are not names).
    if (!(adjacent || isolated || married || vietnamese || given || titleAt > 0 || hinted || (atBoundary && (common || genderAt > 0 || subjectVerbAfterRun(text, p, sLen, to))))) continue;
    // 姓名和电话: a conjunction right after a keyword is no surname.
    if (keywordAdjacent && distance === 0 && CONJUNCTIONS.includes(String.fromCharCode(norm(text.charCodeAt(p))))) continue;
    // Without a keyword or title, a surname starting an ordinary word (方面, 高度, 万元, 任何) is
    // no name: checked on the dictionary before any segmenter call.
    // A role word before a run that is itself a name (消费者许家铭，) keeps it whatever its first two characters spell.
    const roleRun = adjacent && runClosed && runEnd - p >= sLen + 1 && runEnd - p <= sLen + 2 && isNameCell(text, p, runEnd, true);
    if (!keywordAdjacent && !roleRun && !speaker && titleAt < 0 && genderAt < 0 && !hinted && !given && sLen === 1 && isCommonBigram(norm(text.charCodeAt(p)), norm(after))) continue;
    if (nonName[norm(after)] === 1 && norm(after) !== 0x67d0 && !(roleRun && norm(after) === GIVEN_AFTER_ROLE) && !given) continue; // 高的, 于是 …
    // 官方|小程序, 对方|称: the surname character ends a frequent word begun before it — unless a title ends
    // right before it (校长|江伟 is no 长江).
    if (!adjacent && titleAt < 0 && genderAt < 0 && !hinted && !given && !married && sLen === 1 && isCjk(prev) && frequentWord(text, p - 1, p + 1) && !titleEndsAt(titles, text, p, from)) continue;
    // 工程师: after a word-final character (工, 主 …) with nothing else for a name, the surname character
    // may be inside a word with its neighbours; the segmenter says whether the three are one word.
    if (!adjacent && titleAt < 0 && genderAt < 0 && !hinted && sLen === 1 && isCjk(prev) && joinsBefore(text, p, to)) continue;

    let len: number;
    let conf: number;
    let words: readonly TaggedWord[] | null = null;
    let idx = -1;
    // Without segmentation: right before a title (王建华经理), or right after a keyword when the
    // CJK run from the surname is itself the name (联系人：张伟，), or a name standing alone.
    if (married) {
      len = 4;
      conf = 0.5;
    } else if (titleAt > 0) {
      len = titleAt - p;
      conf = 0.45;
      // 龙岩市长汀县: a division's name runs into the title (龙岩市|长汀县 is no mayor 龙岩).
      if (divisionNames().longestLengthAt(text, p, to) > len) continue;
      // 安装师傅, 公卫医生: an ordinary word before a title is no name.
      if (len === 2 && (isCommonBigram(norm(text.charCodeAt(p)), norm(text.charCodeAt(p + 1))) || isWord(text, p, p + 2) || ordinaryWord(text, p, p + 2))) continue; // 麻醉医师
      // 麻烦詹医生: a word, then a surname and its title: the name is the surname alone (not labelled).
      if (len === 3 && sLen === 1 && single[norm(text.charCodeAt(p + 2))] !== 0 && isWord(text, p, p + 2) && isCommonBigram(norm(text.charCodeAt(p)), norm(text.charCodeAt(p + 1)))) continue;
      // 本周张律师, 完成家庭医生: the surname character ends a word begun before it.
      if (isCjk(prev) && !afterOffice && (isCommonBigram(norm(prev), norm(text.charCodeAt(p))) || (boundary[norm(prev)] !== 1 && midWord(text, p, from)))) continue;
    } else if (genderAt > 0) {
      // 江海生，男: the run before a gender is the name, however the segmenter would cut it.
      len = genderAt - p;
      conf = 0.45;
    } else if (adjacent && runClosed && runEnd - p >= sLen + 1 && runEnd - p <= sLen + 2) {
      // 患者仰卧位，, 与患者关系：: glued to the keyword, a three-character or frequent ordinary word is no name.
      if (keywordAdjacent && distance === 0 && ordinaryWord(text, p, runEnd) && (runEnd - p === 3 || lexFreq(lexiconEntry(normSlice(text, p, runEnd))) >= 1000)) continue;
      len = runEnd - p;
      // 运维人员李宏于2024…: a two-character name and a preposition before the number.
      if (len === sLen + 2 && nonName[norm(text.charCodeAt(runEnd - 1))] === 1) len--;
      conf = 0.45;
    } else if (vietnamese) {
      len = 4;
      conf = 0.5;
    } else if (adjacent && runClosed && runEnd - p === 4 && sLen === 1 && single[norm(text.charCodeAt(p + 1))] !== 0 && isNameCell(text, p + 1, runEnd) && !frequentWord(text, p, p + 2) && !givenPartIsWord(text, p + 2, to)) {
      // 祖母蔡林秀琴: a married woman's name in Taiwan, her husband's surname before her own.
      len = 4;
      conf = 0.45;
    } else if (isolated) {
      len = runEnd - p;
      conf = 0.5;
    } else if (given) {
      len = sLen + 2;
      conf = 0.5;
    } else {
      // Segment a small window starting at the surname (a name starts there or nowhere; the gate
      // made sure the character before ends a word).
      let we = p + sLen;
      while (we < to && we - p < 7 && isCjk(text.charCodeAt(we))) we++;
      words = tag(normSlice(text, p, we));
      // 張簡|俐瑩 read as 张|简俐莹: a compound surname is one word whatever the segmenter cut.
      if (sLen === 2 && (words[0] as TaggedWord).word.length < 2 && we > p + 2) words = [{ word: normSlice(text, p, p + 2), tag: 'nr' }, ...tag(normSlice(text, p + 2, we))];
      idx = 0;
      const w = words[0] as TaggedWord;
      len = w.word.length;
      if (len === sLen) {
        // Surname alone: the given name is the next token (one or two characters).
        const nx = words[1];
        if (nx === undefined) continue;
        const nl = nx.word.length;
        // After a compound surname (欧阳, 司马, 令狐 …), which is rarely anything but a surname, the
        // segmenter's tag of a one- or two-character given name says little (令狐|坤 ns, 公孙|婧 g).
        const compoundGiven = sLen === 2 && nl <= 2;
        if (nl > 2 || !(compoundGiven || GIVEN_NAME_TAGS.has(nx.tag) || (nl === 2 && nx.tag === 'd')) || !allCjk(nx.word, 0, nl)) continue;
        if (titles.has(nx.word, 0, nl)) continue;
        len = sLen + nl;
        idx = 1; // the name ends with words[1]: what follows starts at words[2]
        conf = compoundGiven || STRONG_GIVEN_TAGS.has(nx.tag) ? 0.45 : 0.3;
        // A two-character token after a compound surname may have glued the next word's first
        // character (司马|燕受|林…, 司马|婷工|号): a compound-surname name is mostly three characters.
        if (sLen === 2 && nl === 2 && endsGlued(text, p + 3, p + 4, to, trailing)) len = 3;
      } else if (len === 4 && sLen === 1 && w.tag === 'x') {
        len = 3; // 程晓红作, 蔡依玲持: the HMM glued the next character
        conf = 0.45;
      } else if (len === 4 && sLen === 2 && w.tag === 'x' && endsGlued(text, p + 3, p + 4, to, trailing)) {
        len = 3; // 司马燕受 (…委托): a compound surname, one given character, and a glued verb
        conf = 0.45;
      } else if (len < 2 || len > 4) continue;
      else if (w.tag.startsWith('nr')) {
        conf = w.tag === 'nrfg' ? 0.45 : len === 2 ? 0.5 : 0.6;
      } else if (w.tag === 'x' && allCjk(w.word, 0, len)) {
        conf = 0.45;
        if (len === 3 && sLen === 1 && trailing[norm(w.word.charCodeAt(2))] === 1) len = 2;
      } else {
        // An ordinary word led by a surname character (方面, 高山): a name only with a keyword; never a
        // pronoun, time, adverb or function word (客户：那天…).
        // Glued to the keyword, not a frequent word or a three-character verb phrase (与患者关系, 患者仰卧位).
        const glued = distance === 0 && ((w.tag === 'v' && len === 3) || lexFreq(lexiconEntry(w.word)) >= 1000);
        // 被告：福州鑫源… is a firm; 被告人明知他人…: a verb.
        if (!keywordAdjacent || glued || len > 3 || w.tag === 'ns' || NOT_NAME_WORD_TAGS.has(w.tag) || (w.tag === 'v' && len === 2 && lexFreq(lexiconEntry(w.word)) >= 20 && (words[1]?.tag === 'r' || words[1]?.tag === 'n'))) continue;
        conf = 0.2;
      }
      // A two-character name token followed by a one-character token (陈家|豪, 黎明|辉) is usually a
      // three-character name cut short.
      if (len === sLen + 1 && (conf >= 0.3 || adjacent)) {
        const nx = words[idx + 1];
        const nn = words[idx + 2];
        const endsClause = nn === undefined || !isCjk(nn.word.charCodeAt(0));
        if (nx !== undefined && nx.word.length === 1 && (GIVEN_NAME_TAGS.has(nx.tag) || (endsClause && (nx.tag === 'v' || nx.tag === 'vg'))) && isCjk(nx.word.charCodeAt(0))) {
          const ch = norm(nx.word.charCodeAt(0));
          const cleanAfter = endsClause || nn.word.length >= 2 || trailing[norm(nn.word.charCodeAt(0))] === 1;
          if (trailing[ch] !== 1 && nonName[ch] !== 1 && cleanAfter && titles.longestAt(nx.word, 0, 1) === null) len += 1;
        } else if (nx !== undefined && nx.word.length === 2 && nx.tag === 'x' && allCjk(nx.word, 0, 2) && endsGlued(text, p + len + 1, p + len + 2, to, trailing)) {
          // 林怡|君持: the HMM glued the given name's last character to the verb after it.
          const ch = norm(nx.word.charCodeAt(0));
          if (trailing[ch] !== 1 && nonName[ch] !== 1 && titles.longestAt(nx.word, 0, 1) === null) len += 1;
        }
      }
    }
    // A frequent two-character dictionary word tagged nr is usually a word (黎明, 高峰), not a person.
    const w0 = words === null ? undefined : words[0];
    if (len === 2 && w0 !== undefined && len === w0.word.length && w0.tag.startsWith('nr')) {
      if (lexFreq(lexiconEntry(w0.word)) >= 100) conf -= 0.25;
    }
    let end = p + len;
    // Titles glued into the token (王先生, 林志玲小姐) are not part of the name.
    for (let k = p + sLen; k < end; k++) {
      if (titles.longestLengthAt(text, k, end) === end - k) {
        end = k;
        break;
      }
    }
    if (end - p < sLen + 1) continue;
    if (end - p === 4 && sLen === 1 && !adjacent && !married && !vietnamese) continue;
    if (tables().placeFinal[norm(text.charCodeAt(end - 1))] === 1) continue; // 周宁县, 李锦记
    if (sLen === 1 && prepositionPhrase(text, p, end)) continue; // 家属於上午
    if (end - p === sLen + 1 && tables().kinship[norm(text.charCodeAt(end - 1))] === 1) continue; // 梁伯
    // A frequent given name read whole (何其昌, 其 being a function character elsewhere).
    const givenWhole = given && end === p + sLen + 2;
    let bad = false;
    for (let k = p + sLen; k < end; k++) if (nonName[norm(text.charCodeAt(k))] === 1 && !(roleRun && norm(text.charCodeAt(k)) === GIVEN_AFTER_ROLE) && !givenWhole) bad = true;
    // 华为手机 is a product, but 里長戴翊安手機0919…: after a role word, a field's keyword (手機) follows a person.
    if (bad || isKeyword(text, p, end) || (orgFollows(text, end, to) && !(roleRun && fieldLabelAt(ctx, text, p, end, sLen))) || numberedAfter(text, end, to)) continue;
    if (!adjacent && titleAt < 0 && !hinted && !givenWhole) {
      for (let k = p + sLen; k < end; k++) if (nonGiven[norm(text.charCodeAt(k))] === 1) bad = true;
      if (bad) continue;
    }

    if (adjacent) conf += CTX_ADJACENT;
    else if (nameCtx) conf += CTX_NEAR;
    if (titleAt === end || (end < to && titles.longestAt(text, end, to) !== null)) conf += TITLE;
    else if (genderFollows(text, end, to)) conf += GENDER;
    else if (subjectVerbAt(text, end, to)) conf += SUBJECT_VERB;
    if (sLen === 2) conf += 0.05;
    if (common) conf += 0.05;
    if (hinted) conf += 0.3;
    host.emit('person_name', p, end, conf);
    lastEnd = end;
  }

  if (dotHits.length > 0) findDotNames(host, dotHits);
  findLabelledNames(host);
  findListedNames(host);
  findRosterNames(host);
}

const ENUMERATION_COMMA = 0x3001; // 、
/** Confidence of a name found by its place in a list, and the least a listed name needs to vouch for its neighbours. */
const LISTED_NAME = 0.55;

/** True for what closes an item of an enumeration: 、，。；,; a space or line break, a bracket, or 等 (池明等9人). */
function closesListItem(c: number): boolean {
  return c === ENUMERATION_COMMA || c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 44 || c === 59 || c === 0xff08 || c === 40 || c === 0x7b49 /* 等 */ || isSpace(c);
}

/**
 * True when text[s, e), an item of a list whose other items are names, is a name too: it looks like one as a whole (a
 * surname, a given name of one or two characters, no place or organisation ending), even if it is also a word (文明),
 * holds no title (陈教授) and nothing else was found on it.
 */
function listedItemIsName(host: ScanHost, s: number, e: number): boolean {
  const text = host.text;
  if (e - s < 2 || e - s > 4 || !isNameCell(text, s, e) || isKeyword(text, s, e) || notNameAt(text, s, e)) return false;
  for (let k = s + 1; k < e; k++) if (nameTitles().longestAt(text, k, e) !== null) return false;
  // A weaker reading of the same span (文明 read as a word) gives way; any other finding on the item keeps it.
  for (const f of host.found) if (f.start < e && f.end > s && !(f.type === 'person_name' && f.start === s && f.end === e)) return false;
  return true;
}

/** Least number of numbered lines, and of names found first among them, for a roster's other first items to be names. */
const ROSTER_MIN_LINES = 3;
const ROSTER_MIN_NAMES = 2;

/**
 * Names that open the numbered lines of a roster written in text (1. 尹依婷 福州市…⏎2. 张斌 …⏎3. 常青 …): when most first
 * items found are names, the others are names too if they look like one (see `listedItemIsName`).
 */
function findRosterNames(host: ScanHost): void {
  const text = host.text;
  const from = host.from;
  const to = host.to;
  const items: number[] = [];
  for (let line = from; line < to; ) {
    let k = line;
    while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0x3000)) k++;
    const d = k;
    while (k < to && k - d < 3 && isDigit(text.charCodeAt(k))) k++;
    const mark = k < to ? text.charCodeAt(k) : 0;
    if (k > d && (mark === 46 || mark === 0x3001 || mark === 0xff0e || mark === 41 || mark === 0xff09)) {
      k++;
      while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0x3000)) k++;
      let r = k;
      while (r < to && r - k <= 4 && isCjk(text.charCodeAt(r))) r++;
      if (r - k >= 2 && r - k <= 4 && (r >= to || closesListItem(text.charCodeAt(r)))) items.push(k, r);
    }
    const nl = text.indexOf('\n', line);
    if (nl < 0 || nl >= to) break;
    line = nl + 1;
  }
  if (items.length < ROSTER_MIN_LINES * 2) return;
  const isFound = (s: number, e: number): boolean => host.found.some((f) => f.type === 'person_name' && f.confidence >= FREE_TEXT_MIN_CONFIDENCE && f.start === s && f.end === e);
  let names = 0;
  for (let i = 0; i < items.length; i += 2) if (isFound(items[i] as number, items[i + 1] as number)) names++;
  if (names < ROSTER_MIN_NAMES || names * 2 < items.length / 2) return;
  for (let i = 0; i < items.length; i += 2) {
    const s = items[i] as number;
    const e = items[i + 1] as number;
    if (!isFound(s, e) && listedItemIsName(host, s, e)) host.emit('person_name', s, e, LISTED_NAME);
  }
}

/**
 * Names listed with a found name (令狐平、文明、向前进; 游建华、池明等9人; 钱晓东、庹建军): an item of a 、 enumeration next
 * to a name is a name too when the whole item looks like one (a surname, a given name of one or two characters, no place
 * or organisation ending), even one that is also a word (文明). Nothing else may be found on the item.
 */
function findListedNames(host: ScanHost): void {
  const text = host.text;
  const from = host.from;
  const to = host.to;
  const queue: number[] = [];
  /** Starts of the names queued (each is tried once). */
  const queued = new Set<number>();
  for (const f of host.found) {
    if (f.type === 'person_name' && f.confidence >= LISTED_NAME && !queued.has(f.start) && (text.charCodeAt(f.end) === ENUMERATION_COMMA || text.charCodeAt(f.start - 1) === ENUMERATION_COMMA)) {
      queue.push(f.start, f.end);
      queued.add(f.start);
    }
  }
  if (queue.length === 0) return;
  const tryItem = (s: number, e: number): void => {
    if (queued.has(s) || !listedItemIsName(host, s, e)) return;
    host.emit('person_name', s, e, LISTED_NAME);
    queue.push(s, e);
    queued.add(s);
  };
  for (let i = 0; i < queue.length; i += 2) {
    const s = queue[i] as number;
    const e = queue[i + 1] as number;
    if (e < to && text.charCodeAt(e) === ENUMERATION_COMMA) {
      let r = e + 1;
      while (r < to && r - e <= 5 && isCjk(text.charCodeAt(r)) && !(r - e > 2 && text.charCodeAt(r) === 0x7b49)) r++;
      if (r >= to || closesListItem(text.charCodeAt(r))) tryItem(e + 1, r);
    }
    if (s - 1 > from && text.charCodeAt(s - 1) === ENUMERATION_COMMA) {
      let l = s - 1;
      while (l > from && s - 1 - l < 5 && isCjk(text.charCodeAt(l - 1))) l--;
      const before = l > from ? text.charCodeAt(l - 1) : 32;
      if (!isCjk(before) || before === ENUMERATION_COMMA) tryItem(l, s - 1);
    }
  }
}

/** Tags of a phrase's words (同意|离婚 v v): a field value made only of them is a statement, not a name. */
const PHRASE_TAGS = new Set(['v', 'vn', 'd', 'a', 'ad', 'p', 'c', 'u', 'r', 'm', 'q', 'l', 'i']);

/** Tags of descriptive words (一般 a, 据点 d, 不太 …): a name field's value holding one is a remark, not a name. */
const DESCRIPTIVE_TAGS = new Set(['a', 'ad', 'an', 'd', 'l', 'i']);

/** Last characters of role nouns (校医, 安全员, 总监, 技师): a word ending so is a role, not a name. */
const ROLE_FINALS = '员师医长监导';

/** Values of a name field that are no name (本人, 同上, 不详, 男). Normalised. */
const NOT_A_NAME_VALUE = new Set(['本人', '同上', '不详', '未知', '未填', '暂无', '见上', '如上', '略', '无', '男', '女', '男性', '女性', '家属', '匿名', '保密', '空']);

/**
 * A name field's value (患者：乌云其木格 女, 联系人：格桑梅朵（女儿）, 申请人：白音巴特尔，): after a name keyword and a
 * colon, a run of two to five CJK characters closed by a space, punctuation or a number is the name whatever its first
 * character, so minority names without a Han surname and rare surnames (妫, 仉) are found whole. Cut before a title or
 * a keyword glued to it (陈志勇先生, 张伟电话); not a place, an organisation or a placeholder (本人, 不详).
 */
function findLabelledNames(host: ScanHost): void {
  const text = host.text;
  const to = host.to;
  const ctx = host.context();
  const titles = nameTitles();
  const { placeFinal, nonName } = tables();
  ctx.forEachHit(CTX.person_name, (_s, e) => {
    let k = e;
    // 甲方（委托人）：方圆 — the keyword's bracket closes before the colon.
    if (k < to && (text.charCodeAt(k) === 0xff09 || text.charCodeAt(k) === 41)) k++;
    while (k < to && text.charCodeAt(k) === 32) k++;
    const colon = text.charCodeAt(k);
    if (colon !== 0xff1a && colon !== 58) return;
    k++;
    while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0x3000)) k++;
    let r = k;
    while (r < to && r - k <= 6 && isCjk(text.charCodeAt(r))) r++;
    if (r < to && (isCjk(text.charCodeAt(r)) || isNameDot(text.charCodeAt(r)) || (text.charCodeAt(r) | 32) >= 97 && (text.charCodeAt(r) | 32) <= 122)) return;
    let titled = false;
    for (let j = k + 1; j < r; j++) {
      if (ctx.covers(j) || titles.longestAt(text, j, r) !== null) {
        titled = !ctx.covers(j);
        r = j;
        break;
      }
    }
    // Two to five characters; six for a name without a Han surname (额尔敦巴雅尔).
    if (r - k < 2 || r - k > 6 || (r - k === 6 && surnameLength(text, k, r) > 0)) return;
    // 房产中介陈经理: before a title, only a name cell (the role and surname are findNames' to read).
    if (titled && !isNameCell(text, k, r)) return;
    if (ctx.covers(k) || NOT_A_NAME_VALUE.has(normSlice(text, k, r)) || isWord(text, k, r) || startsNameRole(text, k, r)) return; // 您好, 器械, 甲方郑立新
    if (placeFinal[norm(text.charCodeAt(r - 1))] === 1 && !marriedNameAt(text, k, to)) return;
    // 小万, 老翁, 阿强: a nickname (a surname after 小, 老 or 阿), not the name; 镇应急办老翁: an office's worker.
    if (r - k === 2 && '小老阿'.includes(text.charAt(k))) return;
    for (let j = k; j < r; j++) if ('办辦局委站队隊'.includes(text.charAt(j))) return;
    // 人事部孙丽, 社工部王, 校医普丽华: a department or role before the name; findNames reads those.
    for (let j = k + 1; j < r; j++) if (isDepartmentFinal(norm(text.charCodeAt(j))) || endsWithNameRole(text, j, k, false)) return;
    // 您好, 需要, 澳门, 器械: one ordinary word, not a name (a name reads as a name or an unknown word: 仉晓晨 x, 格桑梅朵 nr);
    // 校医普丽华, 项目安全员: a role word (…医, …员) before the name or as the whole value.
    const words = tag(normSlice(text, k, r));
    const first = words[0] as TaggedWord;
    if (words.length === 1 && r - k <= 3 && !(first.tag.startsWith('nr') || first.tag === 'x')) return;
    // 被告：同意离婚: every word of the run an ordinary verb, noun or adverb.
    if (words.every((w) => PHRASE_TAGS.has(w.tag))) return;
    // 匿名用户：隔音一般: without a Han surname, a value holding an adjective, an adverb or a frequent noun, or no name-like
    // word, is a phrase (孝男：念志远 holds a verb, 念, and a name).
    if (surnameLength(text, k, r) === 0 && (words.some((w) => DESCRIPTIVE_TAGS.has(w.tag) || (w.tag === 'n' && w.word.length >= 2 && lexFreq(lexiconEntry(w.word)) >= 100)) || !words.some((w) => w.tag.startsWith('nr') || w.tag === 'x' || w.tag === 'ns' || w.tag === 'nz'))) return;
    for (const w of words) if (w.word.length >= 2 && w.tag === 'n' && ROLE_FINALS.includes(w.word.charAt(w.word.length - 1))) return;
    // A function character marks a phrase in a Han name's length (其他, 有的); a Mongolian name may hold one (乌云其木格).
    // A function character marks a phrase (我是…, 好的); a given name after a surname may hold one (林向荣, 黃于倫),
    // and a Mongolian name 其 (乌云其木格).
    const surnamed = surnameLength(text, k, r) > 0 && r - k <= 3;
    for (let j = k; j < r; j++) {
      const c = norm(text.charCodeAt(j));
      if (nonName[c] === 1 && c !== GIVEN_AFTER_ROLE && !(c === 0x5176 /* 其 */ && r - k >= 4) && !(surnamed && j > k)) return;
    }
    let c = 0.9;
    if (host.hinted('person_name')) c += 0.05;
    host.emit('person_name', k, r, c);
  });
}

/** Transliterated names written with a middle dot: 阿卜杜拉·买买提, 约翰·史密斯. */
function findDotNames(host: ScanHost, dots: readonly number[]): void {
  const text = host.text;
  const { translit, trailing } = tables();
  const ctx = host.context();
  let lastEnd = -1;
  for (const d of dots) {
    if (d < lastEnd) continue;
    let s = d;
    while (s > host.from && d - s < 8 && isCjk(text.charCodeAt(s - 1)) && translit[norm(text.charCodeAt(s - 1))] === 1) s--;
    if (d - s < 2) continue;
    let e = d + 1;
    let parts = 1;
    for (;;) {
      let k = e;
      while (k < host.to && k - e < 8 && isCjk(text.charCodeAt(k)) && translit[norm(text.charCodeAt(k))] === 1) k++;
      if (k - e < 2) break;
      parts++;
      e = k;
      if (e < host.to && isNameDot(text.charCodeAt(e)) && e + 1 < host.to && isCjk(text.charCodeAt(e + 1))) e++;
      else break;
    }
    if (parts < 2) continue;
    if (isNameDot(text.charCodeAt(e - 1))) e--;
    // The last part may have run into the next word (艾力|提交, 艾则孜|因|劳动): give back its last
    // characters while they start a common word with what follows or are function characters.
    let lastPart = e;
    while (lastPart > s && !isNameDot(text.charCodeAt(lastPart - 1))) lastPart--;
    // Only where it runs into more CJK text: before a space or punctuation the part is whole (阿力木江·吐尔地 1507室).
    for (let back = 0; back < 2 && e - lastPart > 2 && e < host.to && isCjk(text.charCodeAt(e)) && endsGlued(text, e - 1, e, host.to, trailing); back++) e--;
    const near = ctx.nearestBefore(s, 10);
    let c = 0.55;
    if ((near & CTX.person_name) !== 0) c += ctx.lastDistance <= 2 ? CTX_ADJACENT : CTX_NEAR;
    if (host.hinted('person_name')) c += 0.3;
    host.emit('person_name', s, e, c);
    lastEnd = e;
  }
}

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * Two-character parts of Tibetan personal names, which have no surname (扎西 + 卓玛, 次仁 + 央金).
 * Source: the common name elements of Tibetan naming practice (Tibet, Qinghai, western Sichuan).
 */
const TIBETAN_NAME_PARTS = new Set([
  '次仁', '尼玛', '扎西', '卓玛', '央金', '达瓦', '罗布', '格桑', '旺堆', '拉姆', '多吉', '平措', '索朗', '顿珠', '普布', '白玛', '德吉', '仁增',
  '桑吉', '巴桑', '边巴', '洛桑', '米玛', '次旦', '卓嘎', '曲珍', '央宗', '旦增', '朗杰', '益西', '强巴', '群培', '贡布', '阿旺', '土登', '丹增',
  '嘎玛', '措姆', '德庆', '玉珍', '旺姆', '拉巴', '次珍', '桑珠', '加措', '嘉措', '才让', '多杰', '久美', '晋美', '琼达', '达娃', '扎巴', '仁青',
  '格勒', '泽仁', '卓措', '拉毛', '才旦', '更登', '尕藏', '斯朗', '泽旺', '降措', '次央', '德央', '贡嘎', '索南', '仓决', '旺青',
]);

let tibetanFirst: Uint8Array | null = null;

/** 1 at the first character of a Tibetan name part (normalised). */
function tibetanStarts(): Uint8Array {
  if (tibetanFirst !== null) return tibetanFirst;
  tibetanFirst = new Uint8Array(65536);
  for (const w of TIBETAN_NAME_PARTS) tibetanFirst[w.charCodeAt(0)] = 1;
  return tibetanFirst;
}

/** The first characters of Tibetan name parts: the scanner routes them to `findNames` with the surnames. */
export function tibetanNameStartChars(): string {
  let out = '';
  for (const w of TIBETAN_NAME_PARTS) if (!out.includes(w.charAt(0))) out += w.charAt(0);
  return out;
}

/** True when text[s, s + 4) is two parts of a Tibetan name (格桑卓玛, 次仁央金). */
function isTibetanName(text: string, s: number): boolean {
  const first = tibetanStarts();
  if (first[norm(text.charCodeAt(s))] !== 1 || first[norm(text.charCodeAt(s + 2))] !== 1) return false;
  return TIBETAN_NAME_PARTS.has(normSlice(text, s, s + 2)) && TIBETAN_NAME_PARTS.has(normSlice(text, s + 2, s + 4));
}

/**
 * A Tibetan name of two parts in free text (被询问人：次仁多吉，, 我和扎西平措在): it has no surname, so it is
 * taken only where a word starts before it (punctuation, a keyword or role, 和/与 …) and ends after it
 * (punctuation, a gender, a case-record verb). Returns the end of the name reported, or -1.
 */
function tibetanNameInText(host: ScanHost, p: number): number {
  const text = host.text;
  const to = host.to;
  if (!isTibetanName(text, p)) return -1;
  const e = p + 4;
  const prev = p > host.from ? text.charCodeAt(p - 1) : 0;
  const ctx = host.context();
  const nameCtx = (ctx.nearestBefore(p, 10) & CTX.person_name) !== 0;
  const distance = ctx.lastDistance;
  const adjacent = (nameCtx && distance <= 2) || endsWithNameRole(text, p, host.from);
  if (!(adjacent || p === host.from || !isCjk(prev) || tables().boundary[norm(prev)] === 1)) return -1;
  const next = e < to ? text.charCodeAt(e) : 0;
  const ends = e >= to || !isCjk(next) || tables().boundary[norm(next)] === 1 || genderFollows(text, e, to) || subjectVerbAt(text, e, to);
  if (!ends) return -1;
  let c = 0.55;
  if (adjacent) c += CTX_ADJACENT;
  else if (nameCtx) c += CTX_NEAR;
  if (host.hinted('person_name')) c += 0.3;
  host.emit('person_name', p, e, c);
  return e;
}

/**
 * True when the whole of text[s, e) looks like a personal name: 2–4 CJK characters led by a
 * surname (4 only with a compound surname), not an ordinary word, no place/organisation ending;
 * or dot-separated transliterated parts.
 */
export function isNameCell(text: string, s: number, e: number, afterRole = false): boolean {
  const L = e - s;
  if (L < 2) return false;
  const { nonFinal, nonName, translit, kinship } = tables();
  // Dot-separated transliteration (阿卜杜拉·买买提).
  let dot = -1;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (isNameDot(c)) {
      dot = k;
      break;
    }
  }
  if (dot >= 0) {
    if (L > 20) return false;
    let parts = 0;
    let partLen = 0;
    let good = 0;
    let total = 0;
    for (let k = s; k <= e; k++) {
      const c = k < e ? text.charCodeAt(k) : 0xb7;
      if (isNameDot(c)) {
        if (partLen === 0) return false;
        parts++;
        partLen = 0;
        continue;
      }
      if (!isCjk(c)) return false;
      partLen++;
      total++;
      if (translit[norm(c)] === 1) good++;
    }
    return parts >= 2 && good * 10 >= total * 6;
  }
  if (L > 4) return false;
  if (!allCjk(text, s, e)) return false;
  if (L === 4 && isTibetanName(text, s)) return true;
  const sLen = surnameLength(text, s, e);
  if (sLen === 0 || L - sLen < 1 || L - sLen > 2) return false;
  if (nonFinal[norm(text.charCodeAt(e - 1))] === 1) return false;
  // 梁伯, 陈姨: a surname and a kinship address is how one speaks to a person, not the person's name.
  if (L - sLen === 1 && kinship[norm(text.charCodeAt(e - 1))] === 1) return false;
  // 乐乐妈妈, 豆豆爸爸: a child's nickname and a parent's word.
  if (L >= 3 && KINSHIP_WORDS.includes(normSlice(text, e - 2, e))) return false;
  for (let k = s + sLen; k < e; k++) {
    const c = norm(text.charCodeAt(k));
    if (nonName[c] === 1 && c !== 0x67d0 /* 某 */ && !(afterRole && c === GIVEN_AFTER_ROLE)) return false;
  }
  const lx = L === 4 ? lexiconEntry(normSlice(text, s, e)) : lexiconEntryAtNorm(text, s, e);
  if (lx >= 0 && !lexIsName(lx) && lexFreq(lx) >= 3) return false;
  if (isKeyword(text, s, e)) return false;
  return true;
}

/**
 * True when text[s, e) is 于/於/从 before a time, direction, number or place word (於上午, 从厦门): a
 * preposition, not a surname. Free text only (it calls the segmenter; `isNameCell` does not).
 */
function prepositionPhrase(text: string, s: number, e: number): boolean {
  const c = norm(text.charCodeAt(s));
  if (e - s !== 3 || (c !== 0x4e8e /* 于 */ && text.charCodeAt(s) !== 0x65bc /* 於 */ && c !== 0x4ece) /* 从 */) return false;
  const words = tag(normSlice(text, s + 1, e));
  return words.length === 1 && PREPOSITION_OBJECT_TAGS.has((words[0] as TaggedWord).tag);
}

/** Segmenter tags of a word that follows a preposition rather than a surname (上午 t, 前方 f, 三 m, 厦门 ns). */
const PREPOSITION_OBJECT_TAGS = new Set(['t', 'tg', 'f', 'm', 's', 'ns']);
