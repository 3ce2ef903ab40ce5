/**
 * Health data (`medical_record`): diagnoses, laboratory tests, imaging, procedures and drugs from
 * `dict-medical.json`, and ICD-10 codes (`[A-TV-Z][0-9]{2}(\.[0-9A-Z]{1,4})?`, found by the
 * scanner), each reported only with medical evidence: a keyword of `dict-context.json` (诊断, 病历,
 * 患者, 服用 …) within MEDICAL_WINDOW_BEFORE characters before or MEDICAL_WINDOW_AFTER after,
 * another medical term close by (co-occurrence), a cue of the term's own kind (a dose or dosage
 * form after a drug, a value after a test, 示/提示 after an imaging test), or a column header
 * naming the type. A term alone in prose ("加强慢性病管理") is not personal health data.
 *
 * Terms are found at the CJK positions the scanner routes here and, in this module, at ASCII word
 * starts (Metformin, COPD, HbA1c, MRI): Latin terms match case-insensitively on word boundaries,
 * abbreviations only when written with capitals. A diagnosis takes in the clinical modifiers and
 * the anatomical site written right before it (急性ST段抬高型心肌梗死, 右桡骨远端骨折, 第二型糖尿病);
 * an imaging test or procedure takes in the site (腰椎MRI); a head such as 炎, 癌 or 骨折 in the
 * dictionary counts only with a site (乳癌, 慢性牙周炎). Two drugs written together are one
 * combination (布地奈德福莫特罗), two diagnoses one (乙型肝炎肝硬化), two tests one. A term
 * takes in what belongs to it after it: 检查 after an examination (胃镜检查), 基因检测 after a marker (EGFR基因检测), 后遗症 after a diagnosis,
 * a salt or ester ending before a dosage form (阿托伐他汀钙片 → 阿托伐他汀钙). A diagnosis after
 * 致/导致/造成 and a test after 行/做 have their own cue. Spans cover the term or code only.
 */
import { ASCII, isCjk, isDigit, isWideDigit, norm, normSlice, startsWithNorm } from './chars.ts';
import type { LatinTerms, MedicalCues, MedicalStarts } from './dictionaries.ts';
import { CTX, MED, MED_ACRONYM, MED_HEAD, MED_KIND, MED_SUPPORT, medicalCues, medicalLatinPairs, medicalLatinTerms, medicalModifiers, medicalPairIndex, medicalStarts, medicalTerms, MOD } from './dictionaries.ts';
import { KeywordTrie, type TrieMatch } from './keyword-trie.ts';
import type { ScanHost } from './host.ts';

export const MEDICAL_WINDOW_BEFORE = 20;
export const MEDICAL_WINDOW_AFTER = 8;
/** Two medical terms this close (characters) support each other. */
export const MEDICAL_COOCCURRENCE = 12;
/** The backward extension of a term over modifiers and anatomy: at most this many words … */
export const MEDICAL_MODIFIER_STEPS = 6;
/** … and this many characters. */
export const MEDICAL_MODIFIER_CHARS = 16;

/** Base confidence by kind (index: MED.*; 0 = ICD-10 code). */
const BASE = [0.4, 0.45, 0.35, 0.45, 0.35, 0.45];
const CONTEXT = 0.35;
const COOCCURRENCE = 0.1;
/** Added for a diagnosis written with its site or qualifiers (颈部软组织挫伤, 右肩关节脱位), rarely anything but a person's. */
const SITED = 0.1;
/** Added for a Latin term in a text whose medical keywords are too far from it for CONTEXT (an English letter: Diagnoses: … Examining physician). */
const DOCUMENT_CONTEXT = 0.15;
const ICD = 0;
/** Added for a term that is a whole table cell (the column decides whether such cells are health data). */
const WHOLE_CELL = 0.2;

interface Tables {
  terms: KeywordTrie<number>;
  latin: LatinTerms;
  modifiers: KeywordTrie<number>;
  cues: MedicalCues;
  latinPairs: Uint8Array;
  starts: MedicalStarts;
}

let tables: Tables | null = null;

function getTables(): Tables {
  if (tables === null) tables = { terms: medicalTerms(), latin: medicalLatinTerms(), modifiers: medicalModifiers(), cues: medicalCues(), latinPairs: medicalLatinPairs(), starts: medicalStarts() };
  return tables;
}

interface Term {
  start: number;
  end: number;
  kind: number;
  /** A diagnosis that took in a site or qualifier before it (右小腿开放性骨折): specific to a person. */
  sited?: boolean;
  /** A generic word (化疗, 透析; MED_SUPPORT): supports its neighbours, is not reported. */
  support?: boolean;
}

function isAsciiAlnumCode(c: number): boolean {
  return c < 128 && ASCII[c] !== 0;
}

function isAsciiLetterCode(c: number): boolean {
  return c < 128 && (ASCII[c] as number) > 1;
}

/** Which words before a term of each kind (index: MED.*) it takes in, by MOD value (bit 1 << MOD.*). */
const TAKES: readonly number[] = [
  0,
  (1 << MOD.clinical) | (1 << MOD.anatomy), // disease: 急性, 第二型, 右, 桡骨, 远端
  0, // laboratory test
  1 << MOD.salt, // drug: 苯磺酸, 复方
  (1 << MOD.anatomy) | (1 << MOD.approach), // imaging: 腰椎 (MRI), 无痛 (胃镜), 经阴道 (超声)
  (1 << MOD.anatomy) | (1 << MOD.approach), // procedure: 左肾, 腹腔镜
];

/**
 * Start of the term [start, …) of `kind` once the modifiers, anatomy or salt before it are taken
 * in; -1 for a head without an anatomical word right before it.
 */
function extendLeft(mods: KeywordTrie<number>, text: string, start: number, from: number, kind: number, head: boolean): number {
  const takes = TAKES[kind] as number;
  if (takes === 0) return head ? -1 : start;
  const limit = Math.max(from, start - MEDICAL_MODIFIER_CHARS);
  let s = start;
  // A head needs a site: right before it (右肺|结节) or before its qualifiers (阑尾|急性化脓性|炎).
  let sited = start;
  for (let step = 0; step < MEDICAL_MODIFIER_STEPS; step++) {
    const m = mods.longestBefore(text, s, limit);
    if (m === null || (takes & (1 << m.value)) === 0) {
      // 右側第3至5|肋骨骨折, 第2腰椎|…: the ordinal numbers of ribs, vertebrae or teeth before a site.
      const r = (takes & (1 << MOD.anatomy)) !== 0 ? ordinalBefore(text, s, limit) : s;
      if (r === s) break;
      s = r;
      sited = s;
      continue;
    }
    s -= m.length;
    if (m.value === MOD.anatomy) sited = s;
  }
  if (!head) return s;
  // The qualifiers before the site are the diagnosis's; those between the site and the head only with the site.
  return sited === start ? -1 : s;
}

/** Start of an ordinal or an ordinal range written right before `end` (第3, 第3至5, 第3-5), or `end`. */
function ordinalBefore(text: string, end: number, limit: number): number {
  let k = end;
  for (;;) {
    let d = 0;
    while (k > limit && isDigit(text.charCodeAt(k - 1))) {
      k--;
      d++;
    }
    if (d === 0 || d > 2) return end;
    const c = k > limit ? text.charCodeAt(k - 1) : 0;
    if (c === 0x7b2c /* 第 */) return k - 1;
    if (c === 0x81f3 /* 至 */ || c === 45 || c === 0xff5e || c === 126) {
      k--;
      continue;
    }
    return end;
  }
}

/** First characters of dose units: m(g/l/cg) g μ/µ(g) u(g) i(u) 毫 克 微 片 粒 支 单(位) 万(U) 丸 袋 滴 喷 吸 贴 (normalised). */
const DOSE_UNITS = new Uint8Array(65536);
for (const u of 'mgμµui毫克微片粒支单万丸袋滴喷吸贴') DOSE_UNITS[norm(u.charCodeAt(0))] = 1;

/** A number (dose) right after a drug: digits, then a unit (mg, g, μg, IU, 片 …). */
function doseAt(text: string, k: number, to: number): boolean {
  let digits = 0;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (isDigit(c) || isWideDigit(c)) digits++;
    else if (c !== 46 /* . */ || digits === 0) break;
    k++;
  }
  if (digits === 0) return false;
  if (k < to && text.charCodeAt(k) === 32) k++;
  if (k >= to) return false;
  return DOSE_UNITS[norm(text.charCodeAt(k))] === 1;
}

/** A medical cue of the term's own kind next to it (see the module comment). */
function hasCue(cues: MedicalCues, text: string, t: Term, from: number, to: number): boolean {
  let k = t.end;
  // One space, tab or ideographic space (tables of results: 癌胚抗原 + U+3000 + 3.1 ng/mL).
  if (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 0x3000)) k++;
  switch (t.kind) {
    case MED.drug:
      if (t.start > from && cues.drugBefore[norm(text.charCodeAt(t.start - 1))] === 1) return true;
      return k < to && (doseAt(text, k, to) || cues.drugAfter.longestLengthAt(text, k, to) > 0);
    case MED.test: {
      // 行OGTT, 做基因检测: a test that is carried out.
      if (t.start > from && cues.examBefore[norm(text.charCodeAt(t.start - 1))] === 1) return true;
      if (k < to && (text.charCodeAt(k) === 58 || text.charCodeAt(k) === 0xff1a)) k++;
      if (k >= to) return false;
      const c = text.charCodeAt(k);
      // A value (肌酐168, HbA1c 8.4%), a sign (尿蛋白++, ↑), a result word (升高, 阴性) or the test done (C反应蛋白检测费, 复查).
      return isDigit(c) || isWideDigit(c) || c === 43 || c === 0x2191 || c === 0x2193 || cues.testAfter.longestLengthAt(text, k, to) > 0 || cues.examAfter.longestLengthAt(text, k, to) > 0;
    }
    case MED.imaging:
      // 高千伏胸片：双肺…, 左膝核磁共振：…: an examination, a colon, then its findings.
      if (t.end + 1 < to && (text.charCodeAt(t.end) === 0xff1a || text.charCodeAt(t.end) === 58) && isCjk(text.charCodeAt(t.end + 1))) return true;
    // falls through
    case MED.procedure:
      if (t.start > from && cues.examBefore[norm(text.charCodeAt(t.start - 1))] === 1) return true;
      // 还做了腹腔镜阑尾切除术, 接受闭锁式复位: an operation someone had.
      if (t.kind === MED.procedure && PROCEDURE_DONE.some((w) => t.start - w.length >= from && startsWithNorm(text, t.start - w.length, w))) return true;
      return k < to && cues.examAfter.longestLengthAt(text, k, to) > 0;
    case MED.disease:
      // 摔倒致左腕关节扭伤, 导致骨折: an injury or illness that something caused; 本身有青光眼: one a person has;
      // 食管癌晚期, 乳腺癌术后: the stage or course of a person's illness.
      return (t.start > from && (causedBefore(text, t.start, from) || ageBefore(text, t.start, from))) || (k < to && courseAfter(text, k, to));
    default:
      return false;
  }
}

/** Words right before a procedure that say someone had it done (做了腹腔镜阑尾切除术). Normalised. */
const PROCEDURE_DONE = ['做了', '做过', '做完', '接受了', '接受', '动了', '刚做'];

/** Words right before a diagnosis that say it was caused (致, 导致, 造成, 引起), is had (有), appeared (出现) or came with another (并发), normalised. */
const CAUSE_WORDS = ['致', '导致', '造成', '引起', '引发', '有', '出现', '判断为', '并发', '合并'];

/** Words right after a diagnosis that give the course of a person's illness, normalised. */
const COURSE_WORDS = ['晚期', '早期', '中期', '末期', '术后', '复发', '病史', '发作'];

function courseAfter(text: string, k: number, to: number): boolean {
  for (const w of COURSE_WORDS) if (k + w.length <= to && startsWithNorm(text, k, w)) return true;
  return false;
}

/** True when digits and 基因/项 follow `end` (遗传性肿瘤88基因, 肺癌靶向用药12基因): the name of a test panel. */
function panelAfter(text: string, end: number, to: number): boolean {
  let k = end;
  while (k < to && k - end < 12 && !isDigit(text.charCodeAt(k)) && isCjk(text.charCodeAt(k))) k++;
  const d = k;
  while (k < to && isDigit(text.charCodeAt(k))) k++;
  if (k === d || k >= to) return false;
  const c = text.charCodeAt(k);
  return c === 0x57fa /* 基 */ ? k + 1 < to && text.charCodeAt(k + 1) === 0x56e0 /* 因 */ : c === 0x9879 /* 项 */ || c === 0x9805 /* 項 */;
}

/**
 * Words that make the health terms of a text not a person's health data: shop promotions (感冒灵颗粒
 * 买二送一) and animals' treatment (宠物医院处方). Normalised.
 */
const NOT_PERSONAL = [
  '促销', '买二送一', '买一送一', '第二件半价', '满减', '特价', '宠物', '兽医', '动物医院', '已到货', '猫咪', '幼猫', '幼犬', '认养', '领养',
  // Campaigns, notices and insurance products (健康宣传栏, 开设糖尿病足专病门诊, 【产品说明】本重疾险保障…).
  '宣传栏', '小叮咛', '小贴士', '开设', '专病门诊', '产品说明',
  // Adverts, insurance contracts and public-health messages (【广告】, 本合同约定的重大疾病, 三高是脑中风的危险因子).
  '广告', '本合同', '合同约定', '危险因子', '危险因素', '国健署', '联合国',
  // Doctors' and departments' specialities, drug leaflets, talks and free clinics (擅长：冠心病、心力衰竭…; 本品用于…).
  '擅长', '专长', '出诊时间', '门诊时间', '本品', '功能主治', '保障范围', '承保范围', '讲座', '义诊', '科普',
];

/** Words that hold a term without being one (慢性病 holds 性病): a term inside one of them is skipped. */
const HOLDING_WORDS = ['慢性病'];

/** True when the term at `p` lies inside a holding word (see HOLDING_WORDS). */
function heldAt(text: string, p: number, from: number, to: number): boolean {
  for (const w of HOLDING_WORDS) {
    for (let s = Math.max(from, p - w.length + 1); s < p; s++) if (s + w.length <= to && startsWithNorm(text, s, w)) return true;
  }
  return false;
}

let notPersonalTrie: KeywordTrie<true> | null = null;

/** True when a NOT_PERSONAL word is written anywhere in text[from, to): one pass over the text with a trie. */
function notPersonal(text: string, from: number, to: number): boolean {
  if (notPersonalTrie === null) {
    notPersonalTrie = new KeywordTrie<true>();
    for (const w of NOT_PERSONAL) notPersonalTrie.add(w, true);
  }
  const { starts } = notPersonalTrie;
  for (let k = from; k < to; k++) if (starts[norm(text.charCodeAt(k))] === 1 && notPersonalTrie.longestLengthAt(text, k, to) > 0) return true;
  return false;
}

/**
 * A text at least this long (characters) whose health terms name no particular person is not health data: a
 * notice, a policy's list of diseases, a price list, a health campaign. Shorter texts (a note, a cell) are
 * read as a person's.
 */
export const UNANCHORED_MIN_LENGTH = 60;

/**
 * A labelled field that only a person's record has (患者：, 住院号：, 性别：, 诊断：, patient:, mrn:). Matched on the
 * normalised text (Simplified, ASCII lower case, full-width colons as ':'), so one form of each word serves both scripts.
 */
const PERSON_FIELD =
  /(?:患者|病人|病患|姓名|受检者|就诊人|参保人|被保险人|申请人|孕妇|产妇|幼儿|服务对象|个案|病历号|病案号|住院号|门诊号|床号|样本号|标本号|受试者|筛选号|性别|年龄|出生日期|主诉|现病史|既往史|诊断|病名|处方|医嘱|(?<![a-z])(?:patient|name|pt|proband|subject|applicant|dob|mrn|chart no\.?|specimen id|sample|diagnosis|diagnoses|dx|impression|assessment|procedure|medications?|allerg(?:y|ies)|pmh|hpi))\s*:/;
/**
 * Other marks of one person, on the normalised text: a bed (6床, bed 6), an age (68岁, not 18岁及以上), 64f,
 * "female, 39", mr w., a record's form (化验单, 出院小结) or a lab value with its unit, a party to a case, a relative,
 * the writer (我, not 我国).
 */
const PERSON_MARK =
  /\d+\s*床|(?<![a-z])(?:bed|case|subject|pt)\s+\d|(?<![满至到~\-\d])\d{1,3}\s*岁(?![及以至到前后左半\-~]|的人)|(?<![a-z\d])\d{1,3}\s?[mf](?![a-z\d:])|(?<![a-z])(?:male|female),?\s*\d{1,3}(?!\d)|(?<![a-z])(?:mr|mrs|ms|miss)\.?\s+[a-z]|(?<![a-z])(?:the|this|our) patient(?![a-z])|(?<![a-z])(?:he|she) (?:was|is|has)(?![a-z])|报告单|化验单|检验单|检查单|病历|处方笺|出院小结|出院记录|出院纪录|入院记录|病程记录|会诊|随访记录|随访纪录|[\s:]\d+(?:\.\d+)?\s*(?:mmol\/l|ng\/ml|g\/l|u\/l|iu\/ml|mg\/dl|pmol\/l|[μu]mol\/l|miu\/l|copies\/ml|kua\/l|mmhg)|原告|被告|上诉人|被鉴定人|伤者|死者|当事人|本人|家母|家父|我妈|我爸|阿嬷|阿公|老公|老婆|丈夫|妻子|老伴|儿子|女儿|父亲|母亲|孙子|孙女|我(?![国们院市省区县科司局校所站会部])/;

/** True when text[from, to) names or marks a particular person (PERSON_FIELD, PERSON_MARK). */
export function mentionsPerson(text: string, from: number, to: number): boolean {
  const t = normSlice(text, from, to);
  return PERSON_FIELD.test(t) || PERSON_MARK.test(t);
}

/**
 * A public notice's title on the first line (…招聘公告, 临床研究受试者招募, 关于举办…论坛的通知, 114年度公費流感疫苗接種公告), or a
 * press release's (健保署新聞稿：…): the
 * health terms of such a text are its topic, not anybody's health, even where it names its organisers. Normalised text.
 */
const NOTICE_TITLE = /^[^\n]{0,40}(?:公告|通告|招募|招聘|简章|倡议书)\s*(?:\n|$)|^[^\n]{0,20}(?:新闻稿|新闻发布|通报)[：:]|^\s*关于(?:举办|开展|召开|组织)[^\n]{0,40}的通知\s*(?:\n|$)/;

/** True when text[from, to) is a public notice by its first line (NOTICE_TITLE). */
export function isNotice(text: string, from: number, to: number): boolean {
  return NOTICE_TITLE.test(normSlice(text, from, Math.min(to, from + 60)));
}

/** True when an age (79岁，, 66歲、) is written right before `start`: a register of people and their illnesses. */
function ageBefore(text: string, start: number, from: number): boolean {
  let k = start - 1;
  if (k >= from && (text.charCodeAt(k) === 0xff0c || text.charCodeAt(k) === 44 || text.charCodeAt(k) === 0x3001 || text.charCodeAt(k) === 32)) k--;
  if (k < from + 1) return false;
  const c = text.charCodeAt(k);
  return (c === 0x5c81 /* 岁 */ || c === 0x6b72) /* 歲 */ && isDigit(text.charCodeAt(k - 1));
}

function causedBefore(text: string, start: number, from: number): boolean {
  for (const w of CAUSE_WORDS) {
    const s = start - w.length;
    if (s >= from && startsWithNorm(text, s, w)) return true;
  }
  return false;
}

/**
 * Adds the term matched at [p, p + length) with trie value `value` to `terms`, after the checks
 * on its neighbours; returns its end, or -1 when it is not a term here.
 */
function addTerm(d: Tables, text: string, from: number, to: number, terms: Term[], p: number, length: number, value: number): number {
  let end = p + length;
  // 高血压病史 is 高血压 + 病史, not 高血压病 + 史.
  if (end < to && length > 2 && text.charCodeAt(end) === 0x53f2 /* 史 */ && norm(text.charCodeAt(end - 1)) === 0x75c5 /* 病 */) {
    const shorter = d.terms.get(text, p, end - 1);
    if (shorter !== undefined) {
      end--;
      value = shorter;
    }
  }
  const latin = isAsciiLetterCode(text.charCodeAt(p));
  if (latin && p > from) {
    // A Latin term starts a word: not "CT" in "ACT", not after a digit or an underscore.
    const b = text.charCodeAt(p - 1);
    if (isAsciiAlnumCode(b) || b === 95) return -1;
  }
  const last = text.charCodeAt(end - 1);
  if (isAsciiAlnumCode(last) && end < to) {
    // …and ends one: not "CT" in "CTRL", not "MRI" in "MRI2024". A long name may run into a dose
    // (Metformin500mg).
    const a = text.charCodeAt(end);
    if (a === 95 || isAsciiLetterCode(a) || (isDigit(a) && (end - p <= 5 || isDigit(last)))) return -1;
  }
  if ((value & MED_ACRONYM) !== 0) {
    let caps = 0;
    for (let k = p; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 65 && c <= 90) caps++;
    }
    if (caps < 2) return -1;
  }
  // Part of a name or a longer word (肿瘤医院, 糖尿病防治, 超声波, 中风险) or of a heading
  // (超声报告：, CT检查单:): the kind of document, not a finding.
  if (end < to && d.cues.nonMedicalSuffixes.longestLengthAt(text, end, to) > 0) return -1;
  // 遗传性肿瘤88基因, 肺癌12基因检测: a test panel named after a disease, not a finding.
  if (panelAfter(text, end, to)) return -1;
  if (isHeading(text, end, to)) return -1;
  // Occupational Disease Prevention Center, Diabetes Clinic: the name of a body, not a finding.
  if (latin && LATIN_BODY.test(text.slice(end, end + 48))) return -1;
  let kind = value & MED_KIND;
  const start = extendLeft(d.modifiers, text, p, from, kind, (value & MED_HEAD) !== 0);
  if (start < 0) return -1;
  const termEnd = end;
  end = extendRight(text, end, to, kind);
  // 唐氏综合征血清学筛查, 梅毒抗体: a diagnosis named with a screening or serology word is a test.
  if (kind === MED.disease && end > termEnd && !DIAGNOSIS_WORDS.some((w) => startsWithNorm(text, termEnd, w)) && !isVaccineWord(text, termEnd, end)) kind = MED.test;
  // 重度残疾人: a group of people, not one person's diagnosis.
  const support = (value & MED_SUPPORT) !== 0;
  terms.push({ start, end, kind, sited: kind === MED.disease && start < p && (end >= to || text.charCodeAt(end) !== 0x4eba /* 人 */), support });
  return end;
}

/** Capitalised words after a Latin term that make it the name of a body (… Prevention Center, … Clinic). */
const LATIN_BODY = /^(?: [A-Z][a-z]+){0,3} (?:Prevention|Control|Centers?|Centres?|Hospital|Institute|Association|Foundation|Society|Clinic|Department|Unit|Ward)\b/;

/** Words after an imaging test that name the examination itself (胃镜检查, 心电图检查). */
const EXAM_WORDS = ['检查', '检测'];
/** Words after a procedure that name it whole (针灸治疗, 经颅磁刺激治疗, 羊膜腔穿刺术). */
const PROCEDURE_WORDS = ['检查', '检测', '治疗', '术'];
/** Words after a test's marker that name the test (EGFR基因检测, HIV抗体确证试验, 乙肝病毒DNA定量). */
const TEST_WORDS = ['基因检测', '确证试验', '核酸检测', '检查', '筛查', '筛检', '检测', '定量', '蛋白', '活性', '核酸'];
/**
 * Words after a diagnosis that are part of it (脑梗死后遗症), or make it the name of a screening, a
 * serology test or a vaccine (地中海贫血筛查, 梅毒血清检查, B型肝炎表面抗原, 乙脑减毒活疫苗). Longest first.
 */
const DISEASE_WORDS = ['减毒活疫苗', '携带者', '急性加重', '急性恶化', '综合征', '综合症', '症候群', '血清学筛查', '表面抗原', '表面抗体', '血清检查', '病毒检查', '灭活疫苗', '后遗症', '筛查', '筛检', '检查', '检测', '抗体', '抗原', '疫苗'];
/** Of DISEASE_WORDS, those that keep the term a diagnosis (阻塞性睡眠呼吸暂停综合征, 慢性心力衰竭急性加重). */
const DIAGNOSIS_WORDS = ['携带者', '后遗症', '急性加重', '急性恶化', '综合征', '综合症', '症候群', '症'];

/** True when text[s, e) ends with 疫苗 (a vaccine taken in after a diagnosis: 乙脑减毒活疫苗). */
function isVaccineWord(text: string, s: number, e: number): boolean {
  return e - s >= 2 && startsWithNorm(text, e - 2, '疫苗');
}

/** Salt and ester endings of a drug's name (阿托伐他汀钙, 头孢呋辛酯), taken in before a dosage form or the end of the word. */
const SALT_ENDINGS = '钙钠钾镁锌酯';
/** First characters of dosage forms (片, 胶囊, 颗粒, 注射液, 口服液, 缓释 …). */
const FORM_STARTS = '片胶颗注口缓控肠分混丸散咀贴滴喷吸栓软乳凝溶';

/** English words after a Latin term that belong to it, by kind: a test's antibody or PCR (anti-CCP antibody, norovirus PCR), a biologic's suffix (darbepoetin alfa). Lower case. */
const LATIN_WORDS_AFTER: Readonly<Record<number, readonly string[]>> = {
  [MED.test]: ['antibody', 'antibodies', 'antigen', 'pcr'],
  [MED.drug]: ['alfa', 'alpha', 'beta'],
};

/** The English sites a diagnosis, an imaging test or a procedure names after it with "of the" (osteoarthritis of the left knee, MRI of the brain). Lower case. */
const LATIN_SITES = new Set(['head', 'chest', 'abdomen', 'pelvis', 'heart', 'knee', 'hip', 'shoulder', 'ankle', 'wrist', 'elbow', 'spine', 'neck', 'foot', 'hand', 'lung', 'liver', 'breast', 'colon', 'rectum', 'stomach', 'pancreas', 'kidney', 'bladder', 'prostate', 'cervix', 'uterus', 'ovary', 'thyroid', 'brain', 'skin', 'eye', 'ear']);

/** The lower-case ASCII word starting at `k` (letters and hyphens), or ''. */
function latinWordAt(text: string, k: number, to: number): string {
  let e = k;
  while (e < to && (isAsciiLetterCode(text.charCodeAt(e)) || (e > k && text.charCodeAt(e) === 45))) e++;
  return e < to && isAsciiAlnumCode(text.charCodeAt(e)) ? '' : text.slice(k, e).toLowerCase();
}

/** End of a Latin term once the English words that belong to it after it are taken in (LATIN_WORDS_AFTER, "of the left knee"). */
function extendLatinRight(text: string, end: number, to: number, kind: number): number {
  if (end + 1 >= to || text.charCodeAt(end) !== 32) return end;
  const w = latinWordAt(text, end + 1, to);
  if (w === '') return end;
  if (LATIN_WORDS_AFTER[kind]?.includes(w) === true) return end + 1 + w.length;
  if ((kind !== MED.disease && kind !== MED.imaging && kind !== MED.procedure) || w !== 'of' || !text.startsWith(' the ', end + 3)) return end;
  let k = end + 8;
  const side = latinWordAt(text, k, to);
  if (side === 'left' || side === 'right') k += side.length + 1;
  const site = latinWordAt(text, k, to);
  return site !== '' && LATIN_SITES.has(site) && text.charCodeAt(k - 1) === 32 ? k + site.length : end;
}

/** End of a term once the words that belong to it after it are taken in (see EXAM_WORDS, DISEASE_WORDS, SALT_ENDINGS). */
function extendRight(text: string, end: number, to: number, kind: number): number {
  if (end >= to) return end;
  if (text.charCodeAt(end) === 32 && isAsciiLetterCode(text.charCodeAt(end - 1))) return extendLatinRight(text, end, to, kind);
  if (kind === MED.imaging) {
    for (const w of EXAM_WORDS) if (end + w.length <= to && startsWithNorm(text, end, w)) return end + w.length;
  } else if (kind === MED.procedure) {
    // 羊膜腔穿刺术, but not 穿刺术 + 术, nor the course after a procedure (介入治疗术后).
    for (const w of PROCEDURE_WORDS) {
      if (end + w.length > to || !startsWithNorm(text, end, w)) continue;
      if (w === '术' && (norm(text.charCodeAt(end - 1)) === 0x672f /* 术 */ || (end + 1 < to && text.charCodeAt(end + 1) === 0x540e) /* 后 */)) break;
      return end + w.length;
    }
  } else if (kind === MED.test) {
    // 粪便潜血检查, but not the form or the fee: 糖化血红蛋白检查单, C反应蛋白检测费.
    for (const w of TEST_WORDS) {
      if (end + w.length > to || !startsWithNorm(text, end, w)) continue;
      const n = end + w.length < to ? norm(text.charCodeAt(end + w.length)) : 0;
      return n === 0x5355 /* 单 */ || n === 0x8d39 /* 费 */ ? end : end + w.length;
    }
  } else if (kind === MED.disease) {
    // 腰椎椎间盘突出|症 at the end of a word (not 高血压症状).
    if (norm(text.charCodeAt(end)) === 0x75c7 /* 症 */ && (end + 1 >= to || !isCjk(text.charCodeAt(end + 1)))) return end + 1;
    // …but not a stage (脑梗死后遗症期: the stage stays outside, and its word with it).
    for (const w of DISEASE_WORDS) if (end + w.length <= to && startsWithNorm(text, end, w)) return end + w.length < to && norm(text.charCodeAt(end + w.length)) === 0x671f /* 期 */ ? end : end + w.length;
  } else if (kind === MED.drug && SALT_ENDINGS.includes(String.fromCharCode(norm(text.charCodeAt(end))))) {
    const n = end + 1 < to ? text.charCodeAt(end + 1) : 0;
    // …or before a conjunction or the next clause (改用那屈肝素钙并减量).
    if (n === 0 || !isCjk(n) || FORM_STARTS.includes(String.fromCharCode(norm(n))) || '并和及与或调降'.includes(String.fromCharCode(norm(n)))) return end + 1;
  }
  return end;
}

const HEADING_WORDS = ['报告', '报告单', '检查单', '化验单', '检验单', '记录', '单'];

/** True when a heading word (报告, 检查单 …) and a colon follow `end`: 超声报告：. */
function isHeading(text: string, end: number, to: number): boolean {
  for (const w of HEADING_WORDS) {
    const k = end + w.length;
    if (k < to && (text.charCodeAt(k) === 0xff1a || text.charCodeAt(k) === 58) && startsWithNorm(text, end, w)) return true;
  }
  return false;
}

/**
 * English qualifiers and sites a Latin term takes in on its left (acute calculous cholecystitis, left distal radius
 * fracture, total hip arthroplasty, community-acquired pneumonia), as a Chinese term takes 急性 or 左侧. Lower case.
 */
const LATIN_MODIFIERS = new Set([
  'acute', 'chronic', 'subacute', 'recurrent', 'primary', 'secondary', 'metastatic', 'community-acquired', 'hospital-acquired',
  'calculous', 'acalculous', 'allergic', 'viral', 'bacterial', 'diabetic', 'alcoholic', 'ischemic', 'ischaemic', 'hemorrhagic',
  'left', 'right', 'bilateral', 'distal', 'proximal', 'upper', 'lower', 'closed', 'open', 'laparoscopic', 'arthroscopic',
  'endoscopic', 'robotic', 'total', 'partial', 'full-mouth', 'hip', 'knee', 'shoulder', 'ankle', 'wrist', 'elbow', 'radius',
  'ulna', 'femur', 'femoral', 'tibial', 'humerus', 'clavicle', 'rib', 'breast', 'lung', 'liver', 'renal', 'kidney', 'colorectal',
  'gastric', 'cervical', 'lumbar', 'thoracic', 'coronary', 'pulmonary', 'cerebral', 'brain', 'spinal',
  'anterior', 'inferior', 'posterior', 'lateral', 'seropositive', 'seronegative', 'septic',
  'invasive', 'non-invasive', 'perforated', 'sigmoid', 'frontal', 'temporal', 'parietal', 'occipital', 'age-related', 'incomplete', 'signet-ring', 'risk-reducing', 'noise-induced', 'drug-induced', 'non-small', 'small-cell',
]);

/** Start of the Latin term at `start` once the English qualifiers and sites written before it are taken in. */
function extendLatinLeft(text: string, start: number, from: number): number {
  let s = start;
  for (let step = 0; step < 4; step++) {
    if (s - 2 < from || text.charCodeAt(s - 1) !== 32) break;
    let w = s - 1;
    while (w > from && (isAsciiLetterCode(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === 45)) w--;
    if (w === s - 1 || !LATIN_MODIFIERS.has(text.slice(w, s - 1).toLowerCase())) break;
    s = w;
  }
  return s;
}

/**
 * The longest ASCII-only term at `i` that ends a word (septic shock, HbA1c; digits may follow: Metformin500mg):
 * the lower-cased text up to each word end within the longest term's length is looked up, longest first.
 */
function latinAt(latin: LatinTerms, text: string, i: number, to: number): TrieMatch<number> | null {
  const limit = Math.min(to, i + latin.longest);
  let e = i;
  while (e < limit) {
    const c = text.charCodeAt(e);
    if (c >= 128 || c < 32) break;
    e++;
  }
  for (let k = e; k > i; k--) {
    if (!isAsciiAlnumCode(text.charCodeAt(k - 1)) && text.charCodeAt(k - 1) !== 41) continue;
    if (k < to && isAsciiLetterCode(text.charCodeAt(k)) && isAsciiAlnumCode(text.charCodeAt(k - 1))) continue;
    const v = latin.map.get(text.slice(i, k).toLowerCase());
    if (v !== undefined) return { length: k - i, value: v };
  }
  return null;
}

function longerMatch(a: TrieMatch<number> | null, b: TrieMatch<number> | null): TrieMatch<number> | null {
  if (a === null) return b;
  return b !== null && b.length > a.length ? b : a;
}

/** Latin terms at ASCII word starts (Metformin, COPD, HbA1c, MRI, HIV感染, B超). */
function findLatin(d: Tables, text: string, from: number, to: number, terms: Term[]): void {
  const pairs = d.latinPairs;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (ASCII[c] as number) <= 1) continue;
    // A letter: only a word start can begin a term; skip the rest of the word otherwise.
    if (i > 0 && isAsciiAlnumCode(text.charCodeAt(i - 1))) continue;
    if (i + 1 < to) {
      const c1 = text.charCodeAt(i + 1);
      if (pairs[((c | 32) << 7) + (c1 < 128 ? norm(c1) : 0)] === 1) {
        const m = longerMatch(d.terms.longestAt(text, i, to), latinAt(d.latin, text, i, to));
        if (m !== null) {
          const e = addTerm(d, text, from, to, terms, i, m.length, m.value);
          if (e > 0) {
            const t = terms[terms.length - 1] as Term;
            // An acronym takes qualifiers only as a diagnosis or a procedure (acute anterior STEMI, primary PCI), not as a test or an image.
            const kind = m.value & MED_KIND;
            if (t.start === i && ((m.value & MED_ACRONYM) === 0 || kind === MED.disease || kind === MED.procedure)) {
              // The second half of a hyphenated compound (salpingo-oophorectomy) takes its first half.
              let s = i;
              if (s - 2 >= from && text.charCodeAt(s - 1) === 45 && isAsciiLetterCode(text.charCodeAt(s - 2))) {
                s--;
                while (s > from && isAsciiLetterCode(text.charCodeAt(s - 1))) s--;
              }
              t.start = extendLatinLeft(text, s, from);
            }
            i = e - 1;
            continue;
          }
        }
      }
    }
    while (i + 1 < to && isAsciiAlnumCode(text.charCodeAt(i + 1))) i++;
  }
}

/**
 * Sorts the terms and resolves overlaps, in place: of two overlapping terms the longer stays (an
 * extended 高血压性心脏病 over 高血压); two drugs written together become one combination.
 * Returns the number of terms kept.
 */
/** True when a term of kind `a` and one of kind `b` written together name one thing: a lesion and its operation, an organism and its test. */
function joinsTerm(a: number, b: number): boolean {
  return (a === MED.disease && (b === MED.procedure || b === MED.test)) || (a === MED.test && b === MED.disease);
}

function resolve(text: string, terms: Term[]): number {
  let sorted = true;
  for (let k = 1; k < terms.length && sorted; k++) if ((terms[k] as Term).start < (terms[k - 1] as Term).start) sorted = false;
  if (!sorted) terms.sort((a, b) => a.start - b.start || b.end - a.end);
  let n = 0;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k] as Term;
    const last = n > 0 ? (terms[n - 1] as Term) : undefined;
    if (last !== undefined && t.start < last.end) {
      if (t.end - t.start > last.end - last.start) terms[n - 1] = t;
      continue;
    }
    // Written together, two drugs are one combination (布地奈德福莫特罗), two diagnoses one diagnosis
    // (乙型肝炎肝硬化) and a test of a marker one test (EGFR基因检测).
    // Not a Latin test after a Chinese one: 血常规WBC is the panel and its first item, each read on its own.
    if (last !== undefined && t.start === last.end && t.kind === last.kind && t.support !== true && last.support !== true && (t.kind === MED.drug || t.kind === MED.disease || t.kind === MED.procedure || (t.kind === MED.test && !(isAsciiLetterCode(text.charCodeAt(t.start)) && isCjk(text.charCodeAt(last.end - 1)))))) {
      last.end = t.end;
      continue;
    }
    // A diagnosis, a test and a procedure written together are one term: the operation on the lesion
    // (右桡骨远端骨折切开复位钢板内固定术), the test of an organism (幽门螺杆菌C14呼气试验, 痰涂片抗酸杆菌).
    if (last !== undefined && t.start === last.end && t.support !== true && last.support !== true && joinsTerm(last.kind, t.kind) && (t.kind !== MED.procedure || norm(text.charCodeAt(t.end - 1)) === 0x672f) /* 术: an operation, not 诱导化疗 */) {
      last.end = t.end;
      last.kind = t.kind === MED.procedure || last.kind === MED.procedure ? MED.procedure : MED.test;
      continue;
    }
    // Amoxicillin/Clavulanate: two Latin drugs joined by a slash are one combination.
    if (last !== undefined && t.kind === MED.drug && last.kind === MED.drug && t.start === last.end + 1 && text.charCodeAt(last.end) === 47) {
      last.end = t.end;
      continue;
    }
    terms[n++] = t;
  }
  return n;
}

/** Words before a term that deny or suppose it (否认高血压, 未输血, 无肝素透析, 不是癌症, 如有牙龈出血). Normalised. */
const NEGATIONS = ['否认', '未检出', '未', '无', '不是', '排除', '如有', '如出现', '若有', '若出现', '警惕', '未见', '未发现', '未及', '未接种', '未注射', '未服用', '未使用', '是否有', '是否'];

/** Nouns after which an ICD-shaped token is a machine's, a bed's or a room's number (透析机A01). */
const DEVICE_BEFORE_CODE = '机機台号號床柜櫃位区區室';

/** What follows the last of a consent form's risks (…神经损伤等风险, …的可能). */
const RISK_AFTER = /^(?:等)?(?:风险|風險|并发症风险|的风险|的風險|的可能)/;

/** Characters that join the terms of a list (高血压、糖尿病). */
const LIST_JOINERS = '、及和与';

/** True when a negation or a supposition (NEGATIONS) is written right before `start`, not 不排除 or 是不是 (which leave it open). */
function negatedAt(text: string, start: number, from: number): boolean {
  for (const w of NEGATIONS) {
    const k = start - w.length;
    if (k < from || !startsWithNorm(text, k, w)) continue;
    if (k > from && ((w === '排除' && norm(text.charCodeAt(k - 1)) === 0x4e0d) /* 不 */ || (w === '不是' && norm(text.charCodeAt(k - 1)) === 0x662f) /* 是 */)) continue;
    return true;
  }
  return false;
}

/** Words that end a document's title (肺结核患者督导服药登记, 血液透析紀錄, 种植牙知情同意书). Normalised. */
const TITLE_WORDS = ['报告单', '报告', '登记表', '登记', '记录表', '记录', '纪录', '纪要', '提醒', '通知', '同意书', '结果', '评估', '申请表', '申请单', '预约单', '评定表', '审核表', '证明书', '证明', '随访表', '申报', '单', '表'];

function isTitleSeparator(c: number): boolean {
  return c === 0xff5c /* ｜ */ || c === 124 || c === 0x3000 || c === 9 || c === 0xff1a /* ： */ || c === 58;
}

/**
 * True when the term `t` is part of the title on the first line of a longer text (肺结核患者督导服药登记⏎患者：…,
 * 慢病随访电话记录（高血压）｜对象：…): the kind of record, not a finding. The title is the part of the first line,
 * between separators, that holds the term, has no colon and ends with a title word (a bracketed tail aside).
 */
function inTitle(text: string, from: number, to: number, t: Term): boolean {
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0 || lineEnd >= to) lineEnd = to;
  if (t.end > lineEnd) return false;
  let s = t.start;
  while (s > from && !isTitleSeparator(text.charCodeAt(s - 1))) s--;
  let e = t.end;
  while (e < lineEnd && !isTitleSeparator(text.charCodeAt(e))) e++;
  // A one-line text is a note, not a title over a record; the value of a field (诊断：…) is no title.
  if (e === to || (s > from && (text.charCodeAt(s - 1) === 0xff1a || text.charCodeAt(s - 1) === 58))) return false;
  let k = e;
  while (k > s && text.charCodeAt(k - 1) === 32) k--;
  const last = text.charCodeAt(k - 1);
  if (last === 0xff09 || last === 41) {
    let b = k - 2;
    while (b > s && text.charCodeAt(b) !== 0xff08 && text.charCodeAt(b) !== 40) b--;
    if (b > s) k = b;
  }
  for (const w of TITLE_WORDS) if (k - w.length >= s && k - w.length >= t.start && startsWithNorm(text, k - w.length, w)) return true;
  return false;
}

/** True when `t` is written in brackets right after the ICD-10 code `prev`: the code's label ("E11.9 (type 2 diabetes)"). */
function labelsCode(text: string, prev: Term | undefined, t: Term): boolean {
  if (prev === undefined || prev.kind !== ICD) return false;
  let k = prev.end;
  if (text.charCodeAt(k) === 32) k++;
  const c = text.charCodeAt(k);
  return (c === 40 || c === 0xff08) && k + 1 === t.start;
}

/** True when the Latin term `t` is written in brackets right after the term `prev`: its English gloss (慢性肾脏病（CKD 3期）, 哮喘 (asthma)). */
function glosses(text: string, prev: Term | undefined, t: Term): boolean {
  if (prev === undefined || prev.kind === ICD || t.kind === ICD || !isAsciiLetterCode(text.charCodeAt(t.start))) return false;
  let k = prev.end;
  if (text.charCodeAt(k) === 32) k++;
  const c = text.charCodeAt(k);
  return (c === 40 || c === 0xff08) && k + 1 === t.start && isCjk(text.charCodeAt(prev.end - 1));
}

export function findMedical(host: ScanHost, hits: readonly number[]): void {
  const text = host.text;
  const from = host.from;
  const to = host.to;
  const d = getTables();
  const trie = d.terms;
  const terms: Term[] = [];
  let lastEnd = -1;
  const { single, pairs } = d.starts;
  for (const p of hits) {
    if (p < lastEnd) continue;
    const c0 = norm(text.charCodeAt(p));
    if (single[c0] === 0 && (p + 1 >= to || pairs[medicalPairIndex(c0, norm(text.charCodeAt(p + 1)))] === 0)) continue;
    const m = trie.longestAt(text, p, to);
    if (m === null) continue;
    if (p > from && heldAt(text, p, from, to)) continue;
    let e = addTerm(d, text, from, to, terms, p, m.length, m.value);
    // 甲状腺癌根治术: an operation's head (根治术, 切除术) right after a diagnosis names the operation on it.
    if (e < 0 && (m.value & MED_HEAD) !== 0 && (m.value & MED_KIND) === MED.procedure && lastEnd === p && terms.length > 0 && (terms[terms.length - 1] as Term).kind === MED.disease) {
      e = p + m.length;
      terms.push({ start: p, end: e, kind: MED.procedure });
    }
    if (e > 0) lastEnd = e;
  }
  const icd = host.icdCandidates;
  // Latin terms only where there is already medical evidence: a term, a code, the column or a
  // context keyword (most texts have none, and this is the one pass over every character here).
  if (terms.length > 0 || icd.length > 0 || host.hinted('medical_record') || (host.context().categories() & CTX.medical_record) !== 0) findLatin(d, text, from, to, terms);
  for (let k = 0; k + 1 < icd.length; k += 2) {
    const s0 = icd[k] as number;
    // 透析机A01, 3号床B12: a machine's or a place's number glued after its noun, not a code.
    if (s0 > from && DEVICE_BEFORE_CODE.includes(text.charAt(s0 - 1))) continue;
    terms.push({ start: s0, end: icd[k + 1] as number, kind: ICD });
  }
  if (terms.length === 0) return;
  if (!host.hinted('medical_record') && notPersonal(text, from, to)) return;
  const n = resolve(text, terms);
  // 种植失败、神经损伤等风险: the risks a consent form lists, not what the patient has (the list goes with them).
  for (let k = n - 1; k >= 0; k--) {
    const t = terms[k] as Term;
    if (!RISK_AFTER.test(text.slice(t.end, Math.min(to, t.end + 4)))) continue;
    t.support = true;
    for (let j = k - 1; j >= 0 && (terms[j] as Term).end + 1 === (terms[j + 1] as Term).start && LIST_JOINERS.includes(text.charAt((terms[j] as Term).end)); j--) (terms[j] as Term).support = true;
  }
  // 过敏性鼻炎、哮喘人群: a group of people named by their diseases, not one person's (the list goes with it).
  for (let k = n - 1; k >= 0; k--) {
    const t = terms[k] as Term;
    if (t.kind === MED.disease && startsWithNorm(text, t.end, '人群') && t.end + 2 <= to) {
      t.support = true;
      for (let j = k - 1; j >= 0 && (terms[j] as Term).end + 1 === (terms[j + 1] as Term).start && LIST_JOINERS.includes(text.charAt((terms[j] as Term).end)); j--) (terms[j] as Term).support = true;
    }
  }
  const ctx = host.context();
  const hinted = host.hinted('medical_record');
  let negatedEnd = -1;
  for (let k = 0; k < n; k++) {
    const t = terms[k] as Term;
    const prev = k > 0 ? terms[k - 1] : undefined;
    // A denial covers the list it opens (否认高血压、糖尿病史).
    if (negatedAt(text, t.start, from) || (negatedEnd >= 0 && t.start === negatedEnd + 1 && LIST_JOINERS.includes(text.charAt(negatedEnd)))) {
      negatedEnd = t.end;
      continue;
    }
    if (labelsCode(text, prev, t) || glosses(text, prev, t) || inTitle(text, from, to, t)) continue;
    // 控制血糖: a treatment's aim, not a result.
    if (t.kind === MED.test && t.start - 2 >= from && startsWithNorm(text, t.start - 2, '控制')) continue;
    let c = BASE[t.kind] as number;
    if (t.sited === true) c += SITED;
    const around = ctx.before(t.start, MEDICAL_WINDOW_BEFORE) | ctx.after(t.end, MEDICAL_WINDOW_AFTER);
    if ((around & CTX.medical_record) !== 0 || hasCue(d.cues, text, t, from, to)) c += CONTEXT;
    else if ((ctx.categories() & CTX.medical_record) !== 0) c += DOCUMENT_CONTEXT;
    const next = k + 1 < n ? terms[k + 1] : undefined;
    if ((prev !== undefined && t.start - prev.end <= MEDICAL_COOCCURRENCE) || (next !== undefined && next.start - t.end <= MEDICAL_COOCCURRENCE)) c += COOCCURRENCE;
    if (hinted) c += 0.3;
    // A table cell that is one clinical term whole (腰椎MRI, 冠状动脉CTA): a column of such cells is a record's.
    // Not a drug or a vaccine: product lists and vaccine catalogues hold those whole too.
    else if (host.cellMode && t.start === from && t.end === to && t.kind !== ICD && t.kind !== MED.drug && !isVaccineWord(text, t.start, t.end)) c += WHOLE_CELL;
    // A term glued to a CJK word on its left without context may be part of that word.
    if (t.start > from && isCjk(text.charCodeAt(t.start - 1)) && (around & CTX.medical_record) === 0) c -= 0.05;
    if (t.support !== true) host.emit('medical_record', t.start, t.end, c);
  }
}
