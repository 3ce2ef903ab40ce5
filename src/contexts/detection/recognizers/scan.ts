/**
 * The free-text scanner: one hand-written pass over the text that segments it into candidate
 * runs and routes each run, by its shape, to the few validators that can apply.
 *
 * - ASCII runs: letters/digits joined by `. - _ @ :` (and a leading `+`) form a token; the token
 *   is routed by its joiners (`@` → e-mail, `:` → IPv6/MAC, `-` → phone/card/MAC, `.` → IPv4,
 *   decimal/coordinate, ICD code, JWT) and otherwise split into plain words routed by length and
 *   first characters (18 → GB 11643 / USCC / card, 11 → mobile, 9 + G/E → passport …). Digit
 *   groups separated by single spaces (`+86 139 0591 2345`, `6222 0212 …`) are tried as one number.
 * - CJK characters: one table read per character (by its Simplified form) records where a
 *   surname, a division name, a medical term or a plate's province character starts; the
 *   name/address/medical recognisers then work only at those positions.
 *
 * Every candidate gets a confidence from its validator strength and its context (types.ts);
 * overlaps are resolved by confidence, then length: one span, one type.
 */
import {
  classifyGb11643Number,
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
  validateIpAddress,
  validateMacAddress,
  validateTwMobile,
  validateTwNationalId,
  validateTwTravelPermit,
  validateVin,
} from '../validators/index.ts';
import type { ValidationResult } from '../validators/types.ts';
import { DETECTOR_TYPE_IDS } from '../validators/types.ts';
import { ESTATE_FINALS, findAddresses } from './address.ts';
import { ASCII, foldWidth, isAsciiAlnum, isAsciiLetter, isCjk, isDigit, isNameDot, norm, startsWithNorm } from './chars.ts';
import { ContextIndex } from './context.ts';
import { t2sTable } from './normalize.ts';
import { contextKeywords, CTX, divisionNames, medicalTerms, quantityUnits, secretAsciiWords, surnameTables } from './dictionaries.ts';
import { findGenotypeEnd, isNucleotideRun, mayStartVariant, strCallEnd, variantEnd } from './genetic.ts';
import type { ScanHost } from './host.ts';
import { isCommonBigram } from './jieba.ts';
import { findMedical, isNotice, mentionsPerson, UNANCHORED_MIN_LENGTH } from './medical.ts';
import { PERSON_KEY_TYPES } from '../persons/persons.ts';
import { findNames, isNameCell, tibetanNameStartChars } from './names.ts';
import { base64SecretEnd, credentialValueAfter, findCredentialValues, pemBlockEnd, SECRET_CJK_STARTS, secretTokenConfidence } from './secrets.ts';
import type { DetectorTypeId, Finding, FindOptions, Strength } from './types.ts';
import { CONTEXT_BOOST, CONTEXT_WINDOW, FREE_TEXT_MIN_CONFIDENCE, HEADER_BOOST, NEGATIVE_PENALTY, NEGATIVE_WINDOW, QUANTITY_PENALTY } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Routing tables

const F_SURNAME = 1;
const F_DIV = 2;
const F_MED = 4;
const F_PLATE = 8;
const F_ROAD = 16;
const F_SECRET = 32;
const F_CTX = 64;

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Characters that end a road or lane name (an address can start before them). */
const ROAD_SUFFIXES = '路街道巷弄';

let cjkFlagTable: Uint8Array | null = null;
let rawFlagTable: Uint8Array | null = null;

/** Routing flags by raw (not normalised) code unit: one table read per CJK character. */
function rawFlags(): Uint8Array {
  if (rawFlagTable !== null) return rawFlagTable;
  const byNorm = cjkFlags();
  const t2s = t2sTable();
  const t = new Uint8Array(65536);
  for (let c = 0x3400; c < 0xfb00; c++) t[c] = byNorm[t2s[c] as number] as number;
  rawFlagTable = t;
  return t;
}

/** Words a quantity unit character can start (户籍, 家庭, 人民币) when it is no unit but the next field. */
const UNIT_WORD_PAIRS = new Set(['户籍', '户口', '户主', '户名', '家庭', '家住', '人民', '个人']);

/** True when the unit character `u` and the character after it `n` (both normalised) begin a word. */
function unitStartsWord(u: number, n: number): boolean {
  return UNIT_WORD_PAIRS.has(String.fromCharCode(u, n)) || (isCjk(n) && isCommonBigram(u, n));
}

function cjkFlags(): Uint8Array {
  if (cjkFlagTable !== null) return cjkFlagTable;
  const t = new Uint8Array(65536);
  const s = surnameTables();
  const div = divisionNames().starts;
  const med = medicalTerms().starts;
  const compound = s.compound.starts;
  const ctx = contextKeywords().starts;
  for (let c = 0x3400; c < 0xfb00; c++) {
    let f = ctx[c] === 1 ? F_CTX : 0;
    if (s.single[c] !== 0 || compound[c] === 1) f |= F_SURNAME;
    if (div[c] === 1) f |= F_DIV;
    if (med[c] === 1) f |= F_MED;
    t[c] = f;
  }
  // Tibetan names have no surname: their first characters are routed to findNames as surnames are.
  const tibetan = tibetanNameStartChars();
  for (let i = 0; i < tibetan.length; i++) t[tibetan.charCodeAt(i)] = (t[tibetan.charCodeAt(i)] as number) | F_SURNAME;
  for (let i = 0; i < PLATE_PROVINCES.length; i++) t[PLATE_PROVINCES.charCodeAt(i)] = (t[PLATE_PROVINCES.charCodeAt(i)] as number) | F_PLATE;
  t[0x4f7f] = (t[0x4f7f] as number) | F_PLATE; // 使 (embassy plates)
  for (let i = 0; i < ROAD_SUFFIXES.length; i++) t[ROAD_SUFFIXES.charCodeAt(i)] = (t[ROAD_SUFFIXES.charCodeAt(i)] as number) | F_ROAD;
  for (let i = 0; i < ESTATE_FINALS.length; i++) t[ESTATE_FINALS.charCodeAt(i)] = (t[ESTATE_FINALS.charCodeAt(i)] as number) | F_ROAD;
  for (let i = 0; i < SECRET_CJK_STARTS.length; i++) t[SECRET_CJK_STARTS.charCodeAt(i)] = (t[SECRET_CJK_STARTS.charCodeAt(i)] as number) | F_SECRET;
  cjkFlagTable = t;
  return t;
}

/** ASCII letters (lower case) that start a context keyword. */
const CTX_ASCII_STARTS = new Uint8Array(128);
{
  const starts = contextKeywords().starts;
  for (let c = 97; c <= 122; c++) CTX_ASCII_STARTS[c] = starts[c] as number;
}

/**
 * Findings that tie a text to a person, so that its health terms are that person's (see `dropUnanchoredHealth`): the
 * identifiers that key a person (PERSON_KEY_TYPES), a name, and what else belongs to one person or vehicle.
 */
const PERSON_ANCHORS: ReadonlySet<DetectorTypeId> = new Set<DetectorTypeId>([
  ...PERSON_KEY_TYPES,
  'person_name', 'cn_mobile', 'tw_mobile', 'email', 'bank_card', 'genetic_data', 'cn_license_plate', 'vin',
]);

/** Context categories that support each type. */
const TYPE_CONTEXT: Readonly<Record<DetectorTypeId, number>> = {
  cn_resident_id: CTX.id,
  hk_residence_permit: CTX.id,
  mo_residence_permit: CTX.id,
  tw_residence_permit: CTX.id,
  tw_travel_permit: CTX.tw_travel_permit,
  hkmo_home_return_permit: CTX.hkmo_home_return_permit,
  cn_passport: CTX.cn_passport | CTX.id,
  tw_national_id: CTX.tw_national_id | CTX.id,
  hk_id: CTX.hk_id | CTX.id,
  cn_uscc: CTX.cn_uscc,
  cn_mobile: CTX.phone,
  tw_mobile: CTX.phone,
  cn_landline: CTX.phone,
  email: CTX.email,
  ip_address: CTX.ip_address,
  mac_address: CTX.mac_address,
  bank_card: CTX.bank_card,
  cn_license_plate: CTX.cn_license_plate,
  vin: CTX.vin,
  geo_coordinate: CTX.geo_coordinate,
  person_name: CTX.person_name,
  address: CTX.address,
  medical_record: CTX.medical_record,
  genetic_data: CTX.genetic_data,
  secret: CTX.secret,
};

/** Scoring flags. */
const NUMERIC = 1;
/** The type needs its own keyword as the nearest keyword (values that are ambiguous alone). */
const NEED_NEAREST = 2;

/** A credential key joined from words by _ or -: access_token, client-secret, DB_PASSWORD. */
const CREDENTIAL_KEY = /(?:^|[._-])(?:token|secret|password|passwd|pwd|key)$/i;
/** The credential keywords of one ASCII word (password, token, appsecret …): from the dictionary's secret category. */
const SECRET_ASCII_WORDS = secretAsciiWords();
/** Keys that end like a credential's but name a product's licence or serial number, not a secret. */
const NOT_CREDENTIAL_KEY = /^(?:license|licence|product|serial|activation)[._-]?key$/i;

/** True when a digit group of `value` after the first (a country code's) has fewer than 3 digits. */
function shortGroup(value: string): boolean {
  let run = 0;
  let group = 0;
  for (let k = 0; k <= value.length; k++) {
    const c = k < value.length ? value.charCodeAt(k) : 32;
    if (c >= 48 && c <= 57) run++;
    else {
      if (run > 0) {
        if (group > 0 && run < 3) return true;
        group++;
      }
      run = 0;
    }
  }
  return false;
}

/** Words before a dotted number that make it a version (Release 3.10.2.15, firmware 2.4.0.17), not an IPv4 address. */
const VERSION_WORDS = new Set(['release', 'version', 'ver', 'build', 'firmware', 'fw', 'v', 'rev', 'revision', 'patch', 'update', 'upgrade', 'sdk', 'api', 'os', 'ios', 'android', 'chrome', 'node', 'python', 'java', 'kernel']);

function cnIdBase(r: ValidationResult, length: number): number {
  if (length === 15) return r.strength === 'medium' ? 0.6 : 0.35;
  return r.strength === 'strong' ? 0.97 : 0.75;
}

// ---------------------------------------------------------------------------------------------

/** Index of each type in DETECTOR_TYPE_IDS (bit position in attempt masks). */
export const TYPE_INDEX: Readonly<Record<DetectorTypeId, number>> = Object.freeze(
  Object.fromEntries(DETECTOR_TYPE_IDS.map((t, i) => [t, i])) as Record<DetectorTypeId, number>,
);

const EMPTY: readonly Finding[] = Object.freeze([]);
/** Longest cell `runPlainCell` takes (longer plain tokens go through the pass as usual). */
const PLAIN_CELL_MAX = 256;
/** Scratch for digit groups (the scanner is synchronous; spacedNumber does not nest). */
const GROUP_STARTS = new Int32Array(8);
const GROUP_ENDS = new Int32Array(8);

/**
 * True when the IPv4 address text[s, e) is followed by a prefix length and has no host bits (10.21.11.0/26,
 * 172.16.0.0/12), or ends in .0 before a prefix of 24 or less: a network range, which addresses no one machine.
 * 10.3.101.14/24 (a host with its mask) is an address.
 */
function networkRange(text: string, s: number, e: number, to: number): boolean {
  if (e + 1 >= to || text.charCodeAt(e) !== 47 || !isDigit(text.charCodeAt(e + 1))) return false;
  let k = e + 1;
  let prefix = 0;
  while (k < to && k - e <= 2 && isDigit(text.charCodeAt(k))) prefix = prefix * 10 + text.charCodeAt(k++) - 48;
  if ((k < to && isDigit(text.charCodeAt(k))) || prefix > 32) return false;
  let addr = 0;
  for (const part of text.slice(s, e).split('.')) addr = addr * 256 + Number(part);
  const hostBits = 32 - prefix;
  // Written loosely too: 10.19.17.0/23 (an address ending in .0 before a prefix of 24 or less).
  return hostBits !== 0 && (addr % 2 ** hostBits === 0 || (prefix <= 24 && addr % 256 === 0));
}

export class TextScanner implements ScanHost {
  readonly found: Finding[] = [];
  namesEnabled = true;
  text = '';
  from = 0;
  to = 0;
  /** Cell mode: the text is one cell of a column; whole-cell values skip context and record attempts. */
  cellMode = false;
  /** Bit set (TYPE_INDEX) of the types whose validator was tried on the whole cell. */
  attempted = 0;
  private ctx: ContextIndex | null = null;
  private hints: ReadonlySet<DetectorTypeId> | null = null;
  /** The array the current hint set was built from (the same array per column: no rebuild). */
  private hintSource: readonly DetectorTypeId[] | undefined = undefined;
  private hasCjk = false;
  private secretTrigger = false;
  private spacedUntil = -1;
  private readonly surnameHits: number[] = [];
  private readonly divisionHits: number[] = [];
  private readonly medicalHits: number[] = [];
  private readonly roadHits: number[] = [];
  private readonly dotHits: number[] = [];
  /** Positions where a context keyword may start (CJK characters and ASCII word starts). */
  private readonly contextHits: number[] = [];
  /** Pending ICD-10 code candidates (start, end pairs): reported only with medical context. */
  readonly icdCandidates: number[] = [];
  private cjkCount = 0;
  /** True once the pass has recorded every context-keyword start position. */
  private passDone = false;
  /** The pass met a full-width digit or Latin letter (see `run`). */
  private wideSeen = false;
  private opts: FindOptions | undefined = undefined;

  constructor(text = '', from = 0, to = text.length, opts?: FindOptions) {
    this.reset(text, from, to, opts);
  }

  /** Prepares the scanner for another text (no allocation besides the hint set). */
  reset(text: string, from: number, to: number, opts?: FindOptions, cellMode = false): void {
    this.text = text;
    this.opts = opts;
    this.wideSeen = false;
    this.from = from;
    this.to = to;
    this.cellMode = cellMode;
    this.attempted = 0;
    this.namesEnabled = opts?.names !== false;
    const hintTypes = opts?.hintTypes;
    if (hintTypes === undefined || hintTypes.length === 0) this.hints = null;
    else if (hintTypes !== this.hintSource) this.hints = this.hints !== null && sameTypes(this.hints, hintTypes) ? this.hints : new Set(hintTypes);
    else if (this.hints === null) this.hints = new Set(hintTypes);
    this.hintSource = hintTypes;
    this.ctx = null;
    this.hasCjk = false;
    this.secretTrigger = false;
    this.spacedUntil = -1;
    this.cjkCount = 0;
    // Setting .length is a slow runtime call in V8; `pop` is inlined (these hold a few entries).
    clear(this.found);
    clear(this.surnameHits);
    clear(this.divisionHits);
    clear(this.medicalHits);
    clear(this.roadHits);
    clear(this.dotHits);
    clear(this.contextHits);
    this.passDone = false;
    clear(this.icdCandidates);
  }

  context(): ContextIndex {
    // After the pass, only the recorded positions can start a keyword; during the pass (a
    // candidate scored before the end of the text) every position is examined.
    if (this.ctx === null) this.ctx = new ContextIndex(this.text, this.from, this.to, this.passDone ? this.contextHits : null);
    return this.ctx;
  }

  hinted(type: DetectorTypeId): boolean {
    return this.hints !== null && this.hints.has(type);
  }

  /** True when [s, e) is the whole scanned range of a cell. */
  private isWhole(s: number, e: number): boolean {
    return this.cellMode && s === this.from && e === this.to;
  }

  /** Records that the validator of `type` was tried on [s, e) (whole cells only). */
  attempt(type: DetectorTypeId, s: number, e: number): void {
    if (this.isWhole(s, e)) this.attempted |= 1 << TYPE_INDEX[type];
  }

  emit(type: DetectorTypeId, start: number, end: number, confidence: number, normalized?: string, strength?: Strength): void {
    if (confidence < 0.2) return;
    // One object shape for every finding (monomorphic property access downstream).
    const f: Finding = { type, start, end, confidence: confidence > 0.99 ? 0.99 : Math.round(confidence * 1000) / 1000, normalized, strength };
    this.found.push(f);
  }

  /**
   * Confidence of a candidate of `type` at [start, end) with base confidence `base`, adjusted by
   * context before it, the column hint, decoy keywords and a following quantity unit. A whole
   * cell has no context: only the column hint counts.
   */
  score(type: DetectorTypeId, start: number, end: number, base: number, flags: number): number {
    let c = base;
    if (this.hints !== null && this.hints.has(type)) c += HEADER_BOOST;
    if (this.isWhole(start, end)) return c;
    const rel = TYPE_CONTEXT[type];
    const ctx = this.context();
    const nearest = ctx.nearestBefore(start, CONTEXT_WINDOW);
    const distance = ctx.lastDistance;
    if ((nearest & rel) !== 0) c += CONTEXT_BOOST;
    else if ((ctx.before(start, CONTEXT_WINDOW) & rel) !== 0) c += (flags & NEED_NEAREST) !== 0 ? CONTEXT_BOOST / 2 : CONTEXT_BOOST * 0.75;
    else if (this.headerCellNames(start, end, rel)) c += CONTEXT_BOOST;
    // A decoy word (订单号, invoice) says a number is no identifier; an e-mail address is one whatever precedes it
    // (send the invoice to docs@…).
    if ((nearest & CTX.negative) !== 0 && (nearest & rel) === 0 && distance <= NEGATIVE_WINDOW && type !== 'email') c -= NEGATIVE_PENALTY;
    if ((flags & NUMERIC) !== 0 && end < this.to) {
      let k = end;
      if (this.text.charCodeAt(k) === 32 && k + 1 < this.to) k++;
      const u = norm(this.text.charCodeAt(k));
      // …unless the unit character starts a word (户籍, 家庭住址, 人民币): then it is the next field.
      if (quantityUnits()[u] === 1 && !(k + 1 < this.to && unitStartsWord(u, norm(this.text.charCodeAt(k + 1))))) c -= QUANTITY_PENALTY;
    }
    return c;
  }

  /**
   * True when [start, end) is a whole cell of a table written in the text (cells split by tabs or
   * ideographic spaces) and the header line above names its column with a keyword of `rel`
   * (姓名⇥护照号⇥出生日期 … 冉晓雪⇥E23545635⇥1997-02-14): the header is the context of every row,
   * however far down. The header is the nearest line above, within TEXT_TABLE_MAX_ROWS, with as
   * many cells and no digit in the column's cell.
   */
  private headerCellNames(start: number, end: number, rel: number): boolean {
    const text = this.text;
    const from = this.from;
    let ls = start;
    while (ls > from && text.charCodeAt(ls - 1) !== 10) ls--;
    const sep = cellSeparatorBefore(text, ls, start);
    if (sep === 0 || (end < this.to && text.charCodeAt(end) !== sep && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13)) return false;
    if (start > ls && text.charCodeAt(start - 1) !== sep) return false;
    let le = end;
    while (le < this.to && text.charCodeAt(le) !== 10) le++;
    let col = 0;
    let cells = 1;
    for (let k = ls; k < le; k++) {
      if (text.charCodeAt(k) !== sep) continue;
      cells++;
      if (k < start) col++;
    }
    if (cells < 2) return false;
    let lineEnd = ls - 1;
    for (let rows = 0; lineEnd > from && rows < TEXT_TABLE_MAX_ROWS; rows++) {
      let lineStart = lineEnd;
      while (lineStart > from && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
      let n = 1;
      let cs = lineStart;
      let ce = -1;
      for (let k = lineStart; k <= lineEnd; k++) {
        if (k < lineEnd && text.charCodeAt(k) !== sep) continue;
        if (n - 1 === col && ce < 0) ce = k;
        if (k < lineEnd) {
          n++;
          if (n - 1 === col) cs = k + 1;
        }
      }
      if (n === cells && ce > cs) {
        let digits = false;
        for (let k = cs; k < ce && !digits; k++) digits = isDigit(text.charCodeAt(k));
        if (!digits) return (this.context().before(ce, ce - cs) & rel) !== 0;
      }
      lineEnd = lineStart - 1;
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // The pass

  run(): void {
    this.pass();
    if (this.wideSeen) {
      // Full-width digits and letters (３５０１２８…, as input methods and Excel exports write them):
      // read the text again with them as ASCII. Same length, so the spans are those of the text.
      this.reset(foldWidth(this.text), this.from, this.to, this.opts, this.cellMode);
      this.pass();
    }
    if (!this.cellMode && this.to - this.from >= UNANCHORED_MIN_LENGTH) this.dropUnanchoredHealth();
    if (this.cellMode && this.hints !== null) this.columnFallbacks();
    if (this.cellMode && this.found.length > 0 && FIRM_FINALS.includes(this.text.charAt(this.to - 1)) && FIRM_CELL.test(this.text.slice(Math.max(this.from, this.to - 6), this.to))) this.dropNames();
  }

  /** Drops the person names found: a cell that is a firm's name (福清宏图电子商务有限公司) names no person in it. */
  private dropNames(): void {
    const found = this.found;
    let n = 0;
    for (let k = 0; k < found.length; k++) if ((found[k] as Finding).type !== 'person_name') found[n++] = found[k] as Finding;
    found.length = n;
  }

  /**
   * Health terms in a text that names no one (no name, identifier, phone, e-mail, patient field, age or
   * first person), or in a public notice by its title, are a notice's, a policy's or a price list's, not
   * anybody's health data: they are dropped.
   * Only texts of UNANCHORED_MIN_LENGTH and more, outside table cells and health columns.
   */
  private dropUnanchoredHealth(): void {
    if (this.hints !== null && this.hints.has('medical_record')) return;
    const found = this.found;
    let health = false;
    for (const f of found) if (f.type === 'medical_record' && f.confidence >= FREE_TEXT_MIN_CONFIDENCE) health = true;
    if (!health) return;
    // A public notice (…招聘公告, 受试者招募) is about no one's health, whoever it names as organiser —
    // except a term in the sentence of a name written just before it (本班黃河同學經醫師診斷為水痘；孫清水同學有癲癇).
    const notice = isNotice(this.text, this.from, this.to);
    if (!notice) {
      // An anchor counts if it survives the overlaps (高血 read as a name inside 高血压 does not).
      for (const f of found) if (f.confidence >= FREE_TEXT_MIN_CONFIDENCE && PERSON_ANCHORS.has(f.type) && !overlapBeaten(found, f, null)) return;
      if (mentionsPerson(this.text, this.from, this.to)) return;
    }
    const named = notice ? this.namedHealth() : null;
    // What a health term beat (高血压 read as a name) goes with it.
    const kept = found.filter((f) => (f.type !== 'medical_record' || named?.has(f) === true) && !overlapBeaten(found, f, 'medical_record'));
    found.length = 0;
    for (const f of kept) found.push(f);
  }

  /**
   * The health findings of a notice that belong to a person it names: each within NOTICE_HEALTH_REACH characters
   * after a name, or after such a finding, in the same sentence (no 。, ；, ! or line break between).
   */
  private namedHealth(): Set<Finding> {
    const text = this.text;
    const sorted = this.found.filter((f) => f.confidence >= FREE_TEXT_MIN_CONFIDENCE && (f.type === 'person_name' || f.type === 'medical_record')).sort((a, b) => a.start - b.start);
    const named = new Set<Finding>();
    let anchorEnd = -1;
    for (const f of sorted) {
      if (f.type === 'person_name') {
        anchorEnd = f.end;
        continue;
      }
      if (anchorEnd < 0 || f.start < anchorEnd || f.start - anchorEnd > NOTICE_HEALTH_REACH) continue;
      let open = true;
      for (let k = anchorEnd; k < f.start && open; k++) open = !SENTENCE_ENDS.includes(text.charAt(k));
      if (!open) continue;
      named.add(f);
      anchorEnd = f.end;
    }
    return named;
  }

  /**
   * Cell fast path: when the whole cell is one plain token of ASCII letters and digits (no
   * whitespace, joiners or other characters), does exactly what `reset` + `run()` in cell mode do
   * for it, without the character pass: for such a cell the pass makes one `asciiToken` call,
   * which routes the token to `word` (no joiner, no '+', no separator after it) and nothing else.
   * Returns false, having done nothing, for any other cell.
   */
  runPlainCell(cell: string, opts: FindOptions | undefined): boolean {
    const L = cell.length;
    if (L === 0 || L > PLAIN_CELL_MAX) return false;
    for (let k = 0; k < L; k++) {
      const c = cell.charCodeAt(k);
      if (c >= 128 || ASCII[c] === 0) return false;
    }
    this.reset(cell, 0, L, opts, true);
    const c0l = cell.charCodeAt(0) | 32;
    if (c0l >= 97 && c0l <= 122 && CTX_ASCII_STARTS[c0l] === 1) this.contextHits.push(0);
    this.word(0, L);
    this.passDone = true;
    if (this.secretTrigger) findCredentialValues(this);
    if (this.icdCandidates.length > 0) findMedical(this, this.medicalHits);
    if (this.hints !== null) this.columnFallbacks();
    return true;
  }

  /**
   * Settled-column fast path for an 18-character GB 11643 cell ([0-9]{17}[0-9Xx], nothing else):
   * `gb11643` is what the pass calls first for such a cell (through `word`/`numberCandidates`), and
   * a strong pass ends the cell there. Returns true only in that case, with the scanner in the
   * state `run()` leaves; false when the cell has another shape or does not validate strongly
   * (the caller then scans the cell in full: the scanner state is to be discarded).
   */
  runGb11643Cell(cell: string, opts: FindOptions | undefined): boolean {
    if (cell.length !== 18) return false;
    for (let k = 0; k < 17; k++) {
      const c = cell.charCodeAt(k);
      if (c < 48 || c > 57) return false;
    }
    const last = cell.charCodeAt(17);
    if (!((last >= 48 && last <= 57) || last === 88 || last === 120)) return false;
    this.reset(cell, 0, 18, opts, true);
    if (!this.gb11643(0, 18) || (this.found[0] as Finding).strength !== 'strong') return false;
    // No column fallback applies: the finding covers the whole cell.
    this.passDone = true;
    return true;
  }

  /**
   * Settled-column fast path for an 11-digit mainland mobile cell ([0-9]{11}, nothing else): the
   * pass routes it to `numberCandidates`, whose first try is the mobile validator; a pass ends the
   * cell there. Same contract as `runGb11643Cell`.
   */
  runMobileCell(cell: string, opts: FindOptions | undefined): boolean {
    if (cell.length !== 11 || cell.charCodeAt(0) !== 49) return false;
    for (let k = 1; k < 11; k++) {
      const c = cell.charCodeAt(k);
      if (c < 48 || c > 57) return false;
    }
    this.reset(cell, 0, 11, opts, true);
    this.attempt('cn_mobile', 0, 11);
    const m = validateCnMobile(cell);
    if (!m.valid) return false;
    this.emit('cn_mobile', 0, 11, this.score('cn_mobile', 0, 11, m.strength === 'strong' ? 0.95 : 0.8, NUMERIC), m.normalized, m.strength);
    this.passDone = true;
    return true;
  }

  /**
   * In a column whose header names secrets or health data, the whole cell is the value even when
   * it has no recognisable shape (a password, a diagnosis missing from the dictionary).
   */
  private columnFallbacks(): void {
    const s = this.from;
    const e = this.to;
    const L = e - s;
    let covered = false;
    for (const f of this.found) if (f.start === s && f.end === e) covered = true;
    if (covered) return;
    if (this.hinted('secret') && L >= 4 && L <= 512) {
      let spaces = false;
      for (let k = s; k < e; k++) if (this.text.charCodeAt(k) === 32) spaces = true;
      this.attempted |= 1 << TYPE_INDEX.secret;
      if (!spaces) this.emit('secret', s, e, 0.5 + HEADER_BOOST);
    }
    if (this.hinted('medical_record') && L >= 2 && this.cjkCount >= 2) {
      let hasMedical = false;
      for (const f of this.found) if (f.type === 'medical_record') hasMedical = true;
      this.attempted |= 1 << TYPE_INDEX.medical_record;
      const t = this.text;
      const none = L <= 3 && (t.startsWith('无', s) || t.startsWith('暂无', s) || t.startsWith('正常', s) || t.startsWith('未见', s));
      if (!hasMedical && !none) this.emit('medical_record', s, e, 0.45 + HEADER_BOOST);
    }
  }

  private pass(): void {
    const text = this.text;
    const end = this.to;
    const flags = rawFlags();
    let i = this.from;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (ASCII[c] !== 0) {
          i = this.asciiToken(i);
          continue;
        }
        if (c === 43 /* + */ && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
          i = this.asciiToken(i);
          continue;
        }
        if (c === 40 /* ( */ && i + 1 < end && (isDigit(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 43)) {
          this.spacedNumber(i);
        } else if (c === 45 /* - */ && text.startsWith('-----BEGIN ', i)) {
          const e = pemBlockEnd(text, i, end);
          if (e > 0) {
            this.emit('secret', i, e, 0.99);
            i = e;
            continue;
          }
        }
        i++;
        continue;
      }
      if (isCjk(c)) {
        this.hasCjk = true;
        this.cjkCount++;
        const f = flags[c] as number;
        if (f !== 0) {
          if ((f & F_CTX) !== 0) this.contextHits.push(i);
          if ((f & F_SURNAME) !== 0) this.surnameHits.push(i);
          if ((f & F_DIV) !== 0) this.divisionHits.push(i);
          if ((f & F_MED) !== 0) this.medicalHits.push(i);
          if ((f & F_ROAD) !== 0) this.roadHits.push(i);
          if ((f & F_PLATE) !== 0) this.plate(i);
          if ((f & F_SECRET) !== 0) this.secretTrigger = true;
        }
      } else if (c === 0xff08 /* （ */) {
        if (i + 1 < end && isDigit(text.charCodeAt(i + 1))) this.spacedNumber(i);
      } else if (isNameDot(c)) this.dotHits.push(i);
      else if (c >= 0xff0b && c <= 0xff5a) this.wideSeen = true;
      i++;
    }
    this.passDone = true;
    if (this.secretTrigger) findCredentialValues(this);
    // An English note (Patient: … HbA1c 7.8 %) has no CJK term to start from: its medical keywords let the Latin terms be read.
    if (this.hasCjk || this.icdCandidates.length > 0 || (this.contextHits.length > 0 && (this.context().categories() & CTX.medical_record) !== 0)) findMedical(this, this.medicalHits);
    if (!this.hasCjk) return;
    const L = this.to - this.from;
    if (this.cellMode && L <= 20 && this.cjkCount + this.dotHits.length === L) {
      // A short all-CJK cell: a name test on the whole cell instead of segmentation.
      if (L <= 4 || this.dotHits.length > 0) {
        this.attempt('person_name', this.from, this.to);
        if (this.namesEnabled && isNameCell(this.text, this.from, this.to)) this.emit('person_name', this.from, this.to, this.score('person_name', this.from, this.to, 0.6, 0));
        return;
      }
    }
    findAddresses(this, this.divisionHits, this.roadHits);
    if (this.namesEnabled) findNames(this, this.surnameHits, this.dotHits);
  }

  // -------------------------------------------------------------------------------------------
  // ASCII tokens

  /** Scans the token starting at `s` (ASCII alnum or '+'), routes it, returns its end. */
  private asciiToken(s: number): number {
    const text = this.text;
    const end = this.to;
    const c0l = text.charCodeAt(s) | 32;
    if (c0l >= 97 && c0l <= 122 && CTX_ASCII_STARTS[c0l] === 1) this.contextHits.push(s);
    let j = s;
    if (text.charCodeAt(j) === 43) j++;
    let joinMask = 0; // 1 '.', 2 '-', 4 '_', 8 '@', 16 ':'
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c < 128 && ASCII[c] !== 0) {
        j++;
        continue;
      }
      let bit = 0;
      if (c === 46) bit = 1;
      else if (c === 45) bit = 2;
      else if (c === 95) bit = 4;
      else if (c === 64) bit = 8;
      else if (c === 58) bit = 16;
      if (bit === 0 || j + 1 >= end) break;
      const n = text.charCodeAt(j + 1);
      if ((n < 128 && ASCII[n] !== 0) || (bit === 16 && n === 58) || (bit === 4 && n === 95)) {
        joinMask |= bit;
        j++;
        continue;
      }
      break;
    }
    const c0 = text.charCodeAt(s);
    // A private key or a registry login written in base64 (Kubernetes secrets): the whole run is the secret.
    if (j - s >= 14 && (c0 === 76 || c0 === 101)) {
      const b = base64SecretEnd(text, s, end);
      if (b > 0) {
        this.emit('secret', s, b, this.score('secret', s, b, 0.9, 0));
        return b;
      }
    }
    let next = j;
    // D3S1358 15/16, vWA 17/18: an STR genotype call after its locus.
    if (joinMask === 0 && (c0 === 68 || c0 === 70 || c0 === 84 || c0 === 67 || c0 === 86 || c0 === 118) && j + 1 < end && text.charCodeAt(j) === 32 && isDigit(text.charCodeAt(j + 1))) {
      const v = strCallEnd(text, s, j, end);
      if (v > 0) {
        this.emit('genetic_data', s, v, this.score('genetic_data', s, v, 0.85, 0));
        return v;
      }
    }
    // KRAS c.35G>A, HLA-B*58:01, CYP2C19*2/*2, APOE ε3/ε4: a variant notation starting at a gene symbol.
    if (c0 >= 65 && c0 <= 90 && mayStartVariant(text, j, end)) {
      const v = variantEnd(text, s, end);
      if (v > 0) {
        this.emit('genetic_data', s, v, this.score('genetic_data', s, v, 0.85, 0));
        return v;
      }
    }
    // mysql://user:password@host — the password of a connection string; the scan goes on at the host.
    if (joinMask === 0 && j + 2 < end && text.charCodeAt(j) === 58 && text.charCodeAt(j + 1) === 47 && text.charCodeAt(j + 2) === 47) {
      const host = this.userinfo(j + 3);
      if (host > 0) return host;
    }
    if (joinMask === 0) {
      if (c0 !== 43) this.word(s, j);
    } else {
      const e = this.compound(s, j, joinMask);
      if (e > next) next = e;
    }
    // Digit groups separated by single spaces (phones, cards), or a leading '+'.
    if (s >= this.spacedUntil && (isDigit(c0) || c0 === 43)) {
      const sep = j < end ? text.charCodeAt(j) : 0;
      if ((sep === 32 || sep === 0xa0) && j + 1 < end && (isDigit(text.charCodeAt(j + 1)) || text.charCodeAt(j + 1) === 40)) this.spacedNumber(s);
      else if (c0 === 43 && joinMask === 0) this.numberCandidates(s, j);
    }
    return next;
  }

  /**
   * The user information of a URL whose authority starts at `p` (`user:password@host`): reports the
   * password as a secret and returns where the host starts, or -1 when there is no password.
   * The authority ends at '/', whitespace, a quote or a non-ASCII character; the last '@' in it
   * ends the password (a password may hold '@', '#', '!').
   */
  private userinfo(p: number): number {
    const text = this.text;
    let a = p;
    while (a < this.to && a - p < 256) {
      const c = text.charCodeAt(a);
      if (c < 33 || c > 126 || c === 47 || c === 34 || c === 39 || c === 60 || c === 62) break;
      a++;
    }
    const at = text.lastIndexOf('@', a - 1);
    if (at <= p) return -1;
    const colon = text.indexOf(':', p);
    if (colon < p || colon >= at - 1) return -1;
    for (let k = p; k < colon; k++) {
      const c = text.charCodeAt(k);
      if (!(c < 128 && ASCII[c] !== 0) && c !== 46 && c !== 45 && c !== 95 && c !== 37) return -1;
    }
    const value = text.slice(colon + 1, at);
    // A placeholder is no password: ****, xxx, <password>, ${DB_PASS}, %s.
    if (/^(?:[*xX.]+|<[^>]*>|\$\{[^}]*\}|%s|password|passwd|pwd)$/i.test(value)) return -1;
    this.emit('secret', colon + 1, at, this.score('secret', colon + 1, at, 0.85, 0));
    return at + 1;
  }

  /** A token with joiners. Returns the end of anything consumed beyond the token (coordinates). */
  private compound(s: number, e: number, joinMask: number): number {
    const text = this.text;
    const c0 = text.charCodeAt(s);
    // Well-known token shapes first (they contain '-', '_' and '.').
    const secret = secretTokenConfidence(text, s, e);
    if (secret > 0) {
      this.emit('secret', s, e, this.score('secret', s, e, secret, 0));
      return e;
    }
    // access_token, client-secret, DB_PASSWORD: a credential key joined from words sends the pass to
    // findCredentialValues as a plain one does.
    if ((joinMask & 9) === 0 && e - s <= 40 && isAsciiLetter(c0) && CREDENTIAL_KEY.test(text.slice(s, e)) && !NOT_CREDENTIAL_KEY.test(text.slice(s, e))) {
      this.secretTrigger = true;
      // POSTGRES_PASSWORD: …, WECHAT_PAY_API_V3_KEY=…: a configuration key whose value follows.
      const sep = e < this.to ? text.charCodeAt(e) : 0;
      if (sep === 58 || sep === 61) credentialValueAfter(this, e);
    }
    if ((joinMask & 8) !== 0) {
      this.email(s, e);
      return e;
    }
    if ((joinMask & 16) !== 0) {
      // IPv6 has 7 colons or a '::'; MAC 5 colons: anything else (12:30:45) is neither.
      let colons = 0;
      let double = false;
      for (let k = s; k < e; k++) {
        if (text.charCodeAt(k) === 58) {
          colons++;
          if (text.charCodeAt(k + 1) === 58) double = true;
        }
      }
      if (colons !== 5 && colons !== 7 && !(double && colons >= 2 && colons <= 7)) return this.splitOn(s, e, 58);
      const value = text.slice(s, e);
      this.attempt('ip_address', s, e);
      const ip = validateIpAddress(value);
      if (ip.valid) {
        this.emit('ip_address', s, e, this.score('ip_address', s, e, ip.strength === 'strong' ? 0.9 : 0.3, 0), ip.normalized, ip.strength);
        return e;
      }
      const mac = validateMacAddress(value);
      if (mac.valid) {
        this.emit('mac_address', s, e, this.score('mac_address', s, e, mac.strength === 'strong' ? 0.9 : 0.3, 0), mac.normalized, mac.strength);
        return e;
      }
      return this.splitOn(s, e, 58);
    }
    if ((joinMask & 2) !== 0 && (joinMask & 5) === 0) {
      // Digit groups with hyphens: phones, landlines, cards; hex pairs: MAC.
      if (isDigit(c0) || c0 === 43) {
        if (this.numberCandidates(s, e)) return e;
      }
      if (e - s === 17) {
        const mac = validateMacAddress(text.slice(s, e));
        if (mac.valid) {
          this.emit('mac_address', s, e, this.score('mac_address', s, e, mac.strength === 'strong' ? 0.9 : 0.3, 0), mac.normalized, mac.strength);
          return e;
        }
      }
      return this.splitOn(s, e, 45);
    }
    if ((joinMask & 1) !== 0 && (joinMask & 6) === 0) {
      // Dotted: IPv4, decimals (coordinates), ICD-10 codes.
      let dots = 0;
      let digitsOnly = true;
      for (let k = s; k < e; k++) {
        const c = text.charCodeAt(k);
        if (c === 46) dots++;
        else if (c < 48 || c > 57) digitsOnly = false;
      }
      if (digitsOnly && dots === 3) {
        // Chrome/122.0.0.0, Version/17.4.1.0: a product's version after its name and a slash, as user agents write them.
        // A host name before the slash (pt-node-03/10.3.101.14) ends in a digit: there the address is one.
        if (s >= this.from + 2 && text.charCodeAt(s - 1) === 47 && isAsciiLetter(text.charCodeAt(s - 2))) return e;
        if (this.versionBefore(s)) return e;
        this.attempt('ip_address', s, e);
        const ip = validateIpAddress(text.slice(s, e));
        if (ip.valid && !networkRange(text, s, e, this.to)) this.emit('ip_address', s, e, this.score('ip_address', s, e, ip.strength === 'medium' ? 0.7 : 0.3, 0), ip.normalized, ip.strength);
        return e;
      }
      if (digitsOnly && dots === 1) {
        const g = this.geo(s, e);
        return g > 0 ? g : e;
      }
      if (dots === 2 && e - s === 14) {
        // Cisco's dotted MAC form: 8c68.3a12.7f4e.
        const mac = validateMacAddress(text.slice(s, e));
        if (mac.valid) {
          this.emit('mac_address', s, e, this.score('mac_address', s, e, mac.strength === 'strong' ? 0.9 : 0.3, 0), mac.normalized, mac.strength);
          return e;
        }
      }
      if (dots === 1 && this.icdShape(s, e)) {
        this.icdCandidates.push(s, e);
        return e;
      }
      return this.splitOn(s, e, 46);
    }
    // Mixed joiners: split on all of them.
    return this.splitOn(s, e, -1);
  }

  /** Routes each part of a token split on `sep` (or on every joiner when sep is -1). */
  private splitOn(s: number, e: number, sep: number): number {
    const text = this.text;
    let ps = s;
    if (text.charCodeAt(ps) === 43) ps++;
    let furthest = e;
    // 35010124-0912345678: after a part of five or more digits, a phone-shaped part is the rest of a code.
    let longDigitsBefore = false;
    for (let k = ps; k <= e; k++) {
      const c = k < e ? text.charCodeAt(k) : -2;
      const isSep = c === -2 || (sep < 0 ? !(c < 128 && ASCII[c] !== 0) : c === sep);
      if (!isSep) continue;
      if (k > ps) {
        const found = this.found.length;
        if (sep < 0) this.word(ps, k);
        else {
          // A part may still contain other joiners: route it as a token of its own.
          let mask = 0;
          for (let m = ps; m < k; m++) {
            const d = text.charCodeAt(m);
            if (d === 46) mask |= 1;
            else if (d === 45) mask |= 2;
            else if (d === 95) mask |= 4;
            else if (d === 58) mask |= 16;
          }
          if (mask === 0) this.word(ps, k);
          else {
            const r = this.compound(ps, k, mask);
            if (r > furthest) furthest = r;
          }
        }
        if (longDigitsBefore && sep === 45) dropPhones(this.found, found);
        let digits = true;
        for (let m = ps; m < k && digits; m++) digits = isDigit(text.charCodeAt(m));
        longDigitsBefore = digits && k - ps >= 5;
      } else longDigitsBefore = false;
      ps = k + 1;
    }
    return furthest;
  }

  private email(s: number, e: number): void {
    const text = this.text;
    const at = text.indexOf('@', s);
    if (at < 0 || at >= e) return;
    // The local part may start before the token with '+' / '%' joined parts (user+tag@…).
    let ls = s;
    while (ls > this.from) {
      const c = text.charCodeAt(ls - 1);
      if (c === 43 || c === 37 || c === 46 || c === 45 || c === 95 || (c < 128 && ASCII[c] !== 0)) ls--;
      else break;
    }
    const value = text.slice(ls, e);
    // deploy@125.212.32.144: a login at a host's address, not a mailbox; the address is one.
    if (at + 8 <= e && IPV4_HOST.test(text.slice(at + 1, e))) {
      this.attempt('ip_address', at + 1, e);
      const ip = validateIpAddress(text.slice(at + 1, e));
      if (ip.valid) this.emit('ip_address', at + 1, e, this.score('ip_address', at + 1, e, ip.strength === 'medium' ? 0.7 : 0.3, 0), ip.normalized, ip.strength);
      return;
    }
    this.attempt('email', ls, e);
    const r = validateEmail(value);
    if (r.valid) this.emit('email', ls, e, this.score('email', ls, e, 0.97, 0), r.normalized, r.strength);
  }

  /** Plain run of ASCII letters and digits. */
  private word(s: number, e: number): void {
    const L = e - s;
    if (L < 3) return;
    const text = this.text;
    let digits = 0;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) digits++;
    }
    const letters = L - digits;
    if (letters === 0) {
      this.numberCandidates(s, e);
      return;
    }
    const c0 = text.charCodeAt(s);
    const last = text.charCodeAt(e - 1);
    if (L === 18 && letters === 1 && (last === 88 || last === 120)) {
      this.gb11643(s, e);
      return;
    }
    // 残疾人证号 on an ID number ending in X: the ID, then the category (1–7) and the grade (1–4).
    if (L === 20 && letters === 1 && ((text.charCodeAt(s + 17) | 32) === 120) && isDigit(c0)) {
      const cat = text.charCodeAt(e - 2);
      const grade = text.charCodeAt(e - 1);
      if (cat >= 49 && cat <= 55 && grade >= 49 && grade <= 52) this.embeddedId(s, s + 18);
      return;
    }
    // 全国学籍号: G and the pupil's ID number; 特种作业操作证: T and the holder's ID number.
    if (L === 19 && (c0 === 71 || c0 === 84) && (letters === 1 || (letters === 2 && (last === 88 || last === 120)))) {
      this.embeddedId(s + 1, e);
      return;
    }
    if (letters === L) {
      if (L >= 20 && isNucleotideRun(text, s, e)) {
        this.emit('genetic_data', s, e, this.score('genetic_data', s, e, 0.8, 0));
        return;
      }
      if (L >= 3 && L <= 15 && !this.secretTrigger) {
        const lw = text.slice(s, e).toLowerCase();
        if (SECRET_ASCII_WORDS.has(lw)) this.secretTrigger = true;
      }
      return;
    }
    const u0 = c0 | 32;
    // dbSNP ids (rs + digits), optionally followed by a genotype call.
    if (u0 === 114 && (text.charCodeAt(s + 1) | 32) === 115 && digits === L - 2 && L >= 5) {
      const g = findGenotypeEnd(text, e, this.to);
      const end2 = g > 0 ? g : e;
      // dbSNP writes `rs` in lower case; RS37733 alone is more likely an engine or model number.
      const lower = c0 === 114 && text.charCodeAt(s + 1) === 115;
      this.emit('genetic_data', s, end2, this.score('genetic_data', s, end2, g > 0 ? 0.75 : !lower ? 0.3 : L >= 6 ? 0.55 : 0.4, 0));
      return;
    }
    const secret = secretTokenConfidence(text, s, e);
    if (secret > 0) {
      this.emit('secret', s, e, this.score('secret', s, e, secret, 0));
      return;
    }
    if (L === 3 && isAsciiLetter(c0) && digits === 2) {
      if (this.icdShape(s, e)) this.icdCandidates.push(s, e);
      return;
    }
    const value = text.slice(s, e);
    if (isAsciiLetter(c0)) {
      if (L === 9 || L === 11) {
        if (u0 === 104 || u0 === 109) {
          this.attempt('hkmo_home_return_permit', s, e);
          const r = validateHkmoHomeReturnPermit(value);
          // M12658307 03: the renewal count written apart after the number belongs to it.
          const apart = L === 9 && e + 3 <= this.to && text.charCodeAt(e) === 32 && isDigit(text.charCodeAt(e + 1)) && isDigit(text.charCodeAt(e + 2)) && (e + 3 === this.to || !isAsciiAlnum(text.charCodeAt(e + 3)));
          if (r.valid && apart) {
            const r11 = validateHkmoHomeReturnPermit(value + text.slice(e + 1, e + 3));
            if (r11.valid) this.emit('hkmo_home_return_permit', s, e + 3, this.score('hkmo_home_return_permit', s, e + 3, 0.45, NEED_NEAREST), r11.normalized, r11.strength);
            else this.emit('hkmo_home_return_permit', s, e, this.score('hkmo_home_return_permit', s, e, 0.4, NEED_NEAREST), r.normalized, r.strength);
          } else if (r.valid) this.emit('hkmo_home_return_permit', s, e, this.score('hkmo_home_return_permit', s, e, L === 11 ? 0.45 : 0.4, NEED_NEAREST), r.normalized, r.strength);
        } else if (L === 9 && (u0 === 103 || u0 === 101)) {
          this.attempt('cn_passport', s, e);
          const r = validateCnPassport(value);
          if (r.valid) this.emit('cn_passport', s, e, this.score('cn_passport', s, e, 0.4, NEED_NEAREST), r.normalized, r.strength);
        }
      }
      if (L === 10) {
        this.attempt('tw_national_id', s, e);
        const r = validateTwNationalId(value);
        if (r.valid) this.emit('tw_national_id', s, e, this.score('tw_national_id', s, e, r.strength === 'strong' ? 0.88 : 0.6, 0), r.normalized, r.strength);
      }
      if (L === 7 || L === 8) {
        // HK identity card: A123456(7) / AB123456(7) / A1234567.
        const close = e + 2 < this.to ? text.charCodeAt(e + 2) : 0;
        const open = text.charCodeAt(e);
        if ((open === 40 && close === 41) || (open === 0xff08 && close === 0xff09)) {
          const r = validateHkId(text.slice(s, e + 3));
          if (r.valid) this.emit('hk_id', s, e + 3, this.score('hk_id', s, e + 3, 0.88, 0), r.normalized, r.strength);
        } else if (L === 8) {
          const r = validateHkId(value);
          if (r.valid) this.emit('hk_id', s, e, this.score('hk_id', s, e, 0.45, NEED_NEAREST), r.normalized, r.strength);
        }
      }
    }
    if (L === 9 && isAsciiLetter(c0) && isAsciiLetter(text.charCodeAt(s + 1))) {
      const r = validateHkId(value);
      if (r.valid) this.emit('hk_id', s, e, this.score('hk_id', s, e, 0.45, NEED_NEAREST), r.normalized, r.strength);
    }
    if (L === 17) {
      this.attempt('vin', s, e);
      const r = validateVin(value);
      if (r.valid) this.emit('vin', s, e, this.score('vin', s, e, r.strength === 'strong' ? 0.9 : 0.3, r.strength === 'strong' ? 0 : NEED_NEAREST), r.normalized, r.strength);
    } else if (L === 18) {
      this.attempt('cn_uscc', s, e);
      const r = validateCnUscc(value);
      if (r.valid) this.emit('cn_uscc', s, e, this.score('cn_uscc', s, e, r.strength === 'strong' ? 0.95 : 0.7, 0), r.normalized, r.strength);
    } else if (L === 12 && letters > 0) {
      const r = validateMacAddress(value);
      if (r.valid) this.emit('mac_address', s, e, this.score('mac_address', s, e, 0.3, NEED_NEAREST), r.normalized, r.strength);
    }
    if ((L === 9 || L === 11) && isDigit(c0)) {
      // Old 台胞证 booklet with authority letter: 1234567801B.
      const r = validateTwTravelPermit(value);
      if (r.valid) this.emit('tw_travel_permit', s, e, this.score('tw_travel_permit', s, e, 0.45, NEED_NEAREST), r.normalized, r.strength);
    }
  }

  private icdShape(s: number, e: number): boolean {
    const text = this.text;
    const c0 = text.charCodeAt(s);
    if (c0 < 65 || c0 > 90 || c0 === 85 /* U */) return false;
    if (!isDigit(text.charCodeAt(s + 1)) || !isDigit(text.charCodeAt(s + 2))) return false;
    if (e - s === 3) return true;
    if (text.charCodeAt(s + 3) !== 46) return false;
    // The national clinical version's extensions (I10.x00, K80.100x001, E11.900x001) write a lower-case x.
    const rest = e - s - 4;
    if (rest < 1 || rest > 8) return false;
    let ext = 0;
    for (let k = s + 4; k < e; k++) {
      const c = text.charCodeAt(k);
      if (c === 120) ext++;
      else if (!(isDigit(c) || (c >= 65 && c <= 90))) return false;
    }
    return rest <= 4 || ext > 0;
  }

  /** 18 characters (17 digits + digit/X): resident ID or a residence permit. */
  /**
   * An ID number inside a longer identifier that is built on it (学籍号 G + ID, 残疾人证号 ID + two digits):
   * reported for the ID's 18 characters, only when it passes every check (check character, date, area).
   */
  private embeddedId(s: number, e: number): boolean {
    const { type, result } = classifyGb11643Number(this.text.slice(s, e));
    if (!result.valid || result.strength !== 'strong') return false;
    this.emit(type, s, e, this.score(type, s, e, cnIdBase(result, 18), NUMERIC), result.normalized, result.strength);
    return true;
  }

  private gb11643(s: number, e: number, digitsOnly?: string): boolean {
    const value = digitsOnly ?? this.text.slice(s, e);
    const { type, result } = classifyGb11643Number(value);
    this.attempt(type, s, e);
    if (!result.valid) return false;
    this.emit(type, s, e, this.score(type, s, e, cnIdBase(result, 18), NUMERIC), result.normalized, result.strength);
    return true;
  }

  /**
   * A run of digits (possibly with '+', '-', spaces or parentheses inside [s, e)), routed by its
   * digit count. Returns true when something valid was emitted.
   */
  numberCandidates(s: number, e: number): boolean {
    const text = this.text;
    let digits = 0;
    let plain = true;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) digits++;
      else plain = false;
    }
    let any = false;
    if (digits < 8 || digits > 20) return false;
    const value = text.slice(s, e);
    if (plain && (digits === 8 || digits === 10) && this.travelPermitWithAuthority(s, e)) return true;
    if (!plain && digits === 18 && text.charCodeAt(s) !== 43 && text.charCodeAt(s) !== 40) {
      // An ID number written in groups (445102 19971010 7394, 445102-19971010-7394), as on forms.
      const compact = value.replace(/[ \u00a0-]/g, '');
      if (compact.length === 18 && this.gb11643(s, e, compact)) return true;
    }
    if (plain) {
      switch (digits) {
        case 18: {
          any = this.gb11643(s, e);
          // A strong GB 11643 pass (check digit + date + known area) leaves no doubt.
          if (any && (this.found[this.found.length - 1] as Finding).strength === 'strong') return true;
          this.attempt('cn_uscc', s, e);
          const u = validateCnUscc(value);
          if (u.valid) {
            this.emit('cn_uscc', s, e, this.score('cn_uscc', s, e, u.strength === 'strong' ? 0.85 : 0.6, NUMERIC), u.normalized, u.strength);
            any = true;
          }
          if (!any) any = this.card(s, e, value);
          return any;
        }
        case 15: {
          this.attempt('cn_resident_id', s, e);
          const r = validateCnResidentId(value);
          if (r.valid) {
            this.emit('cn_resident_id', s, e, this.score('cn_resident_id', s, e, cnIdBase(r, 15), NUMERIC), r.normalized, r.strength);
            return true;
          }
          // 0086 and a mobile, written without a separator: 008613905912345.
          if (value.startsWith('0086')) {
            this.attempt('cn_mobile', s, e);
            const m = validateCnMobile(value);
            if (m.valid) {
              this.emit('cn_mobile', s, e, this.score('cn_mobile', s, e, 0.95, NUMERIC), m.normalized, m.strength);
              return true;
            }
          }
          return false;
        }
        case 16:
        case 17:
        case 19:
          return this.card(s, e, value);
        case 20: {
          // 残疾人证号: the holder's ID number, then the category (1–7) and the grade (1–4) of the disability.
          const cat = text.charCodeAt(e - 2);
          const grade = text.charCodeAt(e - 1);
          return cat >= 49 && cat <= 55 && grade >= 49 && grade <= 52 && this.embeddedId(s, s + 18);
        }
        case 8: {
          this.attempt('tw_travel_permit', s, e);
          const r = validateTwTravelPermit(value);
          if (r.valid) this.emit('tw_travel_permit', s, e, this.score('tw_travel_permit', s, e, 0.35, NUMERIC | NEED_NEAREST), r.normalized, r.strength);
          return r.valid;
        }
        case 10: {
          // 09… is a Taiwan mobile's shape, and also an old 台胞证 booklet number's (8 digits + 2-digit
          // issue count): under a column header that names 台胞证 and not phones, the permit is read.
          const permitColumn = this.hints !== null && this.hints.has('tw_travel_permit') && !this.hints.has('tw_mobile');
          if (!permitColumn && text.charCodeAt(s) === 48 && text.charCodeAt(s + 1) === 57) {
            this.attempt('tw_mobile', s, e);
            const m = validateTwMobile(value);
            if (m.valid) {
              this.emit('tw_mobile', s, e, this.score('tw_mobile', s, e, 0.7, NUMERIC), m.normalized, m.strength);
              return true;
            }
          }
          this.attempt('tw_travel_permit', s, e);
          const r = validateTwTravelPermit(value);
          if (r.valid) this.emit('tw_travel_permit', s, e, this.score('tw_travel_permit', s, e, 0.3, NUMERIC | NEED_NEAREST), r.normalized, r.strength);
          return r.valid;
        }
        default:
          break;
      }
    }
    if (digits >= 11 && digits <= 15) {
      this.attempt('cn_mobile', s, e);
      const m = validateCnMobile(value);
      // 181-10-012345: a bank account written in groups; a mobile's groups (after +86) have 3 digits or more.
      if (m.valid && (plain || !shortGroup(value))) {
        this.emit('cn_mobile', s, e, this.score('cn_mobile', s, e, m.strength === 'strong' ? 0.95 : 0.8, NUMERIC), m.normalized, m.strength);
        return true;
      }
    }
    if (digits >= 10 && digits <= 14) {
      const m = validateTwMobile(value);
      if (m.valid && (!plain || digits === 10)) {
        this.emit('tw_mobile', s, e, this.score('tw_mobile', s, e, m.strength === 'strong' ? 0.95 : 0.75, NUMERIC), m.normalized, m.strength);
        return true;
      }
    }
    if (digits >= 10 && digits <= 20 && (text.charCodeAt(s) !== 49 || !plain)) {
      this.attempt('cn_landline', s, e);
      let l = validateCnLandline(value);
      if (l.valid) {
        // An extension written after it: 转806, 轉806, 分机 12, ext. 3 (the validator reads them).
        const x = this.extensionEnd(e);
        if (x > e) {
          const withExt = validateCnLandline(text.slice(s, x));
          if (withExt.valid) {
            l = withExt;
            e = x;
          }
        }
        const base = l.strength === 'medium' ? (plain ? 0.5 : 0.75) : 0.35;
        this.emit('cn_landline', s, e, this.score('cn_landline', s, e, base, NUMERIC | (plain ? NEED_NEAREST : 0)), l.normalized, l.strength);
        return true;
      }
    }
    if (!plain && digits >= 16 && digits <= 19) return this.card(s, e, value);
    return any;
  }

  /** True when the word before `s` (v3.10…, Release 3.10…, client_ver=5.2…, 版本 3.10…) makes the dotted number at `s` a version. */
  private versionBefore(s: number): boolean {
    const text = this.text;
    let k = s;
    if (k > this.from && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 58 || text.charCodeAt(k - 1) === 61)) k--;
    let w = k;
    while (w > this.from && isAsciiLetter(text.charCodeAt(w - 1))) w--;
    if (w < k && k - w <= 10 && VERSION_WORDS.has(text.slice(w, k).toLowerCase())) return true;
    // 版本, 版本号 (the keyword right before, after an optional colon or space)
    return k >= this.from + 2 && (startsWithNorm(text, k - 2, '版本') || (k >= this.from + 3 && startsWithNorm(text, k - 3, '版本号')));
  }

  /**
   * End of an extension written right after a phone number ending at `e` (转806, 轉 806, 分机12,
   * ext.3): the index after its 1–6 digits, or `e` when there is none.
   */
  private extensionEnd(e: number): number {
    const text = this.text;
    const to = this.to;
    if (e >= to) return e;
    let k = e;
    const c = norm(text.charCodeAt(k));
    if (c === 0x8f6c /* 转 */) k++;
    else if (c === 0x5206 /* 分 */ && k + 1 < to && norm(text.charCodeAt(k + 1)) === 0x673a /* 机 */) k += 2;
    else if ((c | 32) === 101 && k + 2 < to && (text.charCodeAt(k + 1) | 32) === 120 && (text.charCodeAt(k + 2) | 32) === 116) k += 3;
    else return e;
    if (k < to && text.charCodeAt(k) === 46) k++;
    while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 58 || text.charCodeAt(k) === 0xff1a)) k++;
    const ds = k;
    while (k < to && k - ds < 6 && isDigit(text.charCodeAt(k))) k++;
    if (k === ds || (k < to && isAsciiAlnum(text.charCodeAt(k)))) return e;
    return k;
  }

  /**
   * An old 台胞证 booklet number with its issuing-authority letter in parentheses: `12345678(B)`,
   * `0911317204(K)`. Tried before the other 8/10-digit readings: `09…` ten-digit booklet numbers
   * would otherwise be taken for Taiwan mobiles, leaving the letter behind.
   */
  private travelPermitWithAuthority(s: number, e: number): boolean {
    const text = this.text;
    if (e + 3 > this.to || text.charCodeAt(e) !== 40 || text.charCodeAt(e + 2) !== 41 || !isAsciiLetter(text.charCodeAt(e + 1))) return false;
    if (e + 3 < this.to && isAsciiAlnum(text.charCodeAt(e + 3))) return false;
    this.attempt('tw_travel_permit', s, e + 3);
    const r = validateTwTravelPermit(text.slice(s, e + 3));
    if (!r.valid) return false;
    this.emit('tw_travel_permit', s, e + 3, this.score('tw_travel_permit', s, e + 3, 0.45, NEED_NEAREST), r.normalized, r.strength);
    return true;
  }

  private card(s: number, e: number, value: string): boolean {
    this.attempt('bank_card', s, e);
    const r = validateBankCard(value);
    if (!r.valid) return false;
    const base = r.strength === 'medium' ? 0.7 : 0.35;
    this.emit('bank_card', s, e, this.score('bank_card', s, e, base, NUMERIC | (r.strength === 'medium' ? 0 : NEED_NEAREST)), r.normalized, r.strength);
    return true;
  }

  /**
   * Digit groups separated by single spaces starting at `s` (a digit, '+' or '('): tries the
   * longest run of groups that validates as a phone, landline or card number.
   */
  private spacedNumber(s: number): void {
    const text = this.text;
    const end = this.to;
    const starts = GROUP_STARTS;
    const ends = GROUP_ENDS;
    let groups = 0;
    let j = s;
    let total = 0;
    let widest = 0;
    while (j < end && groups < 8 && total <= 24) {
      const gs = j;
      let k = j;
      if (groups === 0 && text.charCodeAt(k) === 43) k++;
      const open = text.charCodeAt(k) === 40 || text.charCodeAt(k) === 0xff08;
      if (open) {
        k++;
        if (text.charCodeAt(k) === 43) k++;
      }
      let gd = 0;
      while (k < end) {
        const c = text.charCodeAt(k);
        if (c >= 48 && c <= 57) {
          gd++;
          k++;
        } else if (c === 45 && gd > 0 && k + 1 < end && isDigit(text.charCodeAt(k + 1))) k++;
        else break;
      }
      if (open) {
        const c = text.charCodeAt(k);
        if (c === 41 || c === 0xff09) k++;
        else break;
      }
      if (gd === 0) break;
      if (k < end && isAsciiAlnum(text.charCodeAt(k))) {
        if (!(open && isDigit(text.charCodeAt(k)))) break;
      }
      starts[groups] = gs;
      ends[groups] = k;
      groups++;
      total += gd;
      if (gd > widest) widest = gd;
      const n = k < end ? text.charCodeAt(k) : 0;
      if (open && isDigit(n)) j = k;
      else if ((n === 32 || n === 0xa0) && k + 1 < end && (isDigit(text.charCodeAt(k + 1)) || text.charCodeAt(k + 1) === 40)) j = k + 1;
      else break;
    }
    if (groups === 0) return;
    this.spacedUntil = ends[groups - 1] as number;
    // 02 04 06 26 27 31, 9 6 7 2 5 7: four or more groups of one or two digits are a list of small numbers
    // (lottery picks, scores), never one identifier.
    if (groups >= 4 && widest <= 2) return;
    if (groups < 2) {
      if (text.charCodeAt(s) !== 43 && text.charCodeAt(s) !== 40 && text.charCodeAt(s) !== 0xff08) return;
    }
    if (groups === 1) {
      // A whole number in parentheses, 联系人（13509381264）: the number, not the brackets.
      const gs = starts[0] as number;
      const ge = ends[0] as number;
      const o = text.charCodeAt(gs);
      const c = text.charCodeAt(ge - 1);
      if ((o === 40 || o === 0xff08) && (c === 41 || c === 0xff09) && ge - gs > 2) {
        this.numberCandidates(gs + 1, ge - 1);
        return;
      }
    }
    let a = 0;
    while (a < groups) {
      let matched = -1;
      for (let b = groups - 1; b >= a; b--) {
        if (b === a && groups > 1 && text.charCodeAt(starts[a] as number) !== 43 && text.charCodeAt(starts[a] as number) !== 40) break;
        const before = this.found.length;
        this.numberCandidates(starts[a] as number, ends[b] as number);
        if (this.found.length > before) {
          matched = b;
          break;
        }
      }
      a = matched >= 0 ? matched + 1 : a + 1;
    }
  }

  /** A decimal at [s, e): looks for a second decimal after it (a coordinate pair). */
  private geo(s: number, e: number): number {
    const text = this.text;
    const dot = text.indexOf('.', s);
    if (e - dot - 1 < 4) return -1;
    let start = s;
    if (start > this.from && text.charCodeAt(start - 1) === 45 && (start - 1 === this.from || !isAsciiAlnum(text.charCodeAt(start - 2)))) start--;
    let k = e;
    const limit = Math.min(this.to, e + 16);
    while (k < limit) {
      const c = text.charCodeAt(k);
      if (isDigit(c)) break;
      if (c === 45 && k + 1 < this.to && isDigit(text.charCodeAt(k + 1))) break;
      if (isGeoFiller(c)) {
        k++;
        continue;
      }
      return -1;
    }
    if (k >= limit) return -1;
    const s2 = k;
    if (text.charCodeAt(k) === 45) k++;
    let intDigits = 0;
    while (k < this.to && isDigit(text.charCodeAt(k))) {
      k++;
      intDigits++;
    }
    if (intDigits === 0 || intDigits > 3 || text.charCodeAt(k) !== 46) return -1;
    k++;
    let decimals = 0;
    while (k < this.to && isDigit(text.charCodeAt(k))) {
      k++;
      decimals++;
    }
    if (decimals < 4) return -1;
    if (k < this.to && isAsciiAlnum(text.charCodeAt(k))) return -1;
    this.attempt('geo_coordinate', start, k);
    const r = validateGeoCoordinate(`${text.slice(start, e)},${text.slice(s2, k)}`, 'auto');
    if (!r.valid) return -1;
    const base = r.strength === 'strong' ? 0.9 : r.strength === 'medium' ? 0.75 : 0.3;
    this.emit('geo_coordinate', start, k, this.score('geo_coordinate', start, k, base, 0), r.normalized, r.strength);
    return k;
  }

  /** Plates start at a province character: 闽A12345, 粤B·D12345, 京AD12345. */
  private plate(i: number): void {
    const text = this.text;
    const end = this.to;
    let k = i + 1;
    if (k < end && isNameDot(text.charCodeAt(k))) k++;
    if (k >= end || !isAsciiLetter(text.charCodeAt(k))) return;
    if (i > this.from && isAsciiAlnum(text.charCodeAt(i - 1))) return;
    k++;
    const c = text.charCodeAt(k);
    if (c === 0xb7 || c === 0x2022 || c === 32 || c === 45) k++;
    const runStart = k;
    while (k < end && isAsciiAlnum(text.charCodeAt(k))) k++;
    const run = k - runStart;
    if (run < 4 || run > 6) return;
    // Suffix characters (挂 学 警 领 港 澳) complete 4-character serials.
    if (run === 4 && k < end) {
      const s = text.charCodeAt(k);
      if (s === 0x6302 || s === 0x5b66 || s === 0x8b66 || s === 0x9886 || s === 0x6e2f || s === 0x6fb3) k++;
      else return;
    }
    const first = norm(text.charCodeAt(i));
    const value = String.fromCharCode(first) + text.slice(i + 1, k);
    this.attempt('cn_license_plate', i, k);
    const r = validateCnLicensePlate(value);
    if (!r.valid) return;
    this.emit('cn_license_plate', i, k, this.score('cn_license_plate', i, k, 0.85, 0), r.normalized, r.strength);
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Findings at or above `min`, overlaps resolved (confidence, then length), in text order.
   * Returns a new array (a shared frozen empty array when there is none).
   */
  resolve(min: number = FREE_TEXT_MIN_CONFIDENCE): Finding[] {
    return this.resolveInto(min, false);
  }

  /**
   * `resolve(min)` for a caller that uses the result before the next `reset`: a single finding is
   * returned in the scanner's own array (no allocation per cell).
   */
  resolveTransient(min: number): readonly Finding[] {
    return this.resolveInto(min, true);
  }

  private resolveInto(min: number, transient: boolean): Finding[] {
    const found = this.found;
    if (found.length === 0) return EMPTY as Finding[];
    if (found.length === 1) return (found[0] as Finding).confidence >= min ? (transient ? found : [found[0] as Finding]) : (EMPTY as Finding[]);
    const cands = found.filter((f) => f.confidence >= min);
    if (cands.length <= 1) return cands;
    cands.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Finding[] = [];
    for (const f of cands) {
      let clash = false;
      for (const k of kept) {
        if (f.start < k.end && k.start < f.end) {
          clash = true;
          break;
        }
      }
      if (!clash) kept.push(f);
    }
    kept.sort((a, b) => a.start - b.start);
    return kept;
  }
}

/** True when another finding (of `type`, when given) overlaps `f` with at least its confidence: `f` loses the overlap. */
function overlapBeaten(found: readonly Finding[], f: Finding, type: DetectorTypeId | null): boolean {
  for (const g of found) if (g !== f && (type === null || g.type === type) && g.start < f.end && f.start < g.end && g.confidence >= f.confidence) return true;
  return false;
}

/** Empties an array in place (the scanner's per-text arrays keep their identity). */
function clear(a: unknown[]): void {
  while (a.length !== 0) a.pop();
}

function sameTypes(set: ReadonlySet<DetectorTypeId>, list: readonly DetectorTypeId[]): boolean {
  if (set.size !== list.length) return false;
  for (const t of list) if (!set.has(t)) return false;
  return true;
}

/** Characters allowed between the two numbers of a coordinate pair. */
function isGeoFiller(c: number): boolean {
  if (c === 32 || c === 44 || c === 59 || c === 58 || c === 61 || c === 34 || c === 39 || c === 47 || c === 40 || c === 41 || c === 0xb0) return true;
  if (c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0x3001 || c === 0x3000) return true;
  if (isAsciiLetter(c)) return true;
  // 经 纬 度 經 緯
  return c === 0x7ecf || c === 0x7eac || c === 0x5ea6 || c === 0x7d93 || c === 0x7def;
}

/** Finds the sensitive values in a text (see `FindOptions`). */
/** Removes the phone findings (mainland and Taiwan mobiles) from `found` at index `from` on. */
function dropPhones(found: Finding[], from: number): void {
  let n = from;
  for (let k = from; k < found.length; k++) {
    const f = found[k] as Finding;
    if (f.type !== 'cn_mobile' && f.type !== 'tw_mobile') found[n++] = f;
  }
  found.length = n;
}

/** A dotted IPv4 address after the '@' of a login (ssh deploy@125.212.32.144). */
const IPV4_HOST = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Last characters of FIRM_CELL's words: the cheap test before it. */
const FIRM_FINALS = '司团團行社所伙限厂廠店市房院校心';

/** The end of a cell that is a firm's or an organisation's name. */
const FIRM_CELL = /(?:公司|集团|集團|商行|合作社|事务所|事務所|工作室|有限合伙|股份有限|厂|廠|商店|超市|药房|藥房|医院|醫院|银行|銀行|学校|學校|中心)\s*$/;

/** How far after a name (or a health term kept for it) a notice's health term still belongs to that person. */
const NOTICE_HEALTH_REACH = 25;
/** Characters that end a sentence for NOTICE_HEALTH_REACH. */
const SENTENCE_ENDS = '。；;！!？?\n';

/** How many lines above a row of a table written in text its header may be. */
const TEXT_TABLE_MAX_ROWS = 60;

/** The cell separator of the line [ls, k): a tab or an ideographic space written before `k`, or 0. */
function cellSeparatorBefore(text: string, ls: number, k: number): number {
  for (let i = k - 1; i >= ls; i--) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 0x3000) return c;
  }
  const c = k < text.length ? text.charCodeAt(k) : 0;
  if (k === ls) {
    for (let i = k; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 9 || d === 0x3000) return d;
      if (d === 10) break;
    }
  }
  return c === 9 || c === 0x3000 ? c : 0;
}

export function findInText(text: string, opts?: FindOptions): Finding[] {
  const s = new TextScanner(text, 0, text.length, opts);
  s.run();
  return s.resolve(opts?.minConfidence ?? FREE_TEXT_MIN_CONFIDENCE);
}
