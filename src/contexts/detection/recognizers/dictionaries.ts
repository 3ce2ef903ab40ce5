/**
 * The recognisers' dictionaries (`../data/dict-*.json`), compiled once per process on first use.
 */
import contextData from '../data/dict-context.json' with { type: 'json' };
import divisionData from '../data/dict-divisions.json' with { type: 'json' };
import medicalData from '../data/dict-medical.json' with { type: 'json' };
import surnameData from '../data/dict-surnames.json' with { type: 'json' };
import { norm } from './chars.ts';
import { KeywordTrie } from './keyword-trie.ts';

// ---------------------------------------------------------------------------------------------
// Context categories (bit flags)

export const CTX = Object.freeze({
  id: 1 << 0,
  tw_travel_permit: 1 << 1,
  hkmo_home_return_permit: 1 << 2,
  cn_passport: 1 << 3,
  tw_national_id: 1 << 4,
  hk_id: 1 << 5,
  cn_uscc: 1 << 6,
  phone: 1 << 7,
  email: 1 << 8,
  ip_address: 1 << 9,
  mac_address: 1 << 10,
  bank_card: 1 << 11,
  cn_license_plate: 1 << 12,
  vin: 1 << 13,
  geo_coordinate: 1 << 14,
  person_name: 1 << 15,
  address: 1 << 16,
  medical_record: 1 << 17,
  genetic_data: 1 << 18,
  secret: 1 << 19,
  negative: 1 << 20,
});
export type ContextCategory = keyof typeof CTX;

let contextTrie: KeywordTrie<number> | null = null;

/** Context keywords → bit set of categories. */
export function contextKeywords(): KeywordTrie<number> {
  if (contextTrie !== null) return contextTrie;
  const trie = new KeywordTrie<number>();
  const merged = new Map<string, number>();
  for (const [cat, words] of Object.entries(contextData.categories)) {
    const bit = CTX[cat as ContextCategory];
    if (bit === undefined) throw new Error(`dict-context.json: unknown category ${cat}`);
    for (const w of words) {
      const key = normKey(w);
      merged.set(key, (merged.get(key) ?? 0) | bit);
    }
  }
  for (const [k, bits] of merged) trie.add(k, bits);
  contextTrie = trie;
  return trie;
}

/**
 * The secret category's keywords that are one ASCII word (password, token, appsecret …), lower case: a token of the
 * text equal to one of them is a credential key, and the scan looks for the value after it.
 */
export function secretAsciiWords(): ReadonlySet<string> {
  return new Set(contextData.categories.secret.filter((w) => /^[A-Za-z]+$/.test(w)).map((w) => w.toLowerCase()));
}

function normKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(norm(s.charCodeAt(i)));
  return out;
}

let titleTrie: KeywordTrie<true> | null = null;

/** Titles written after a name (先生, 女士, 经理 …). */
export function nameTitles(): KeywordTrie<true> {
  if (titleTrie !== null) return titleTrie;
  const t = new KeywordTrie<true>();
  for (const w of contextData.nameTitles) t.add(w, true);
  titleTrie = t;
  return t;
}

let roleTries: { forward: KeywordTrie<true>; reversed: KeywordTrie<true> } | null = null;

/**
 * Role nouns written right before a name (来电人, 审判员, 住客 …): a trie of them, and one of them
 * written backwards for `longestBefore`. Looked up at a surname candidate only (names.ts), never per
 * character.
 */
export function nameRoles(): { forward: KeywordTrie<true>; reversed: KeywordTrie<true> } {
  if (roleTries !== null) return roleTries;
  const forward = new KeywordTrie<true>();
  const reversed = new KeywordTrie<true>();
  for (const w of contextData.nameRoles) {
    forward.add(w, true);
    reversed.add([...w].reverse().join(''), true);
  }
  roleTries = { forward, reversed };
  return roleTries;
}

let unitTable: Uint8Array | null = null;

/** 1 for characters that make a preceding number a quantity (条, 元, 个, % …), by normalised code. */
export function quantityUnits(): Uint8Array {
  if (unitTable !== null) return unitTable;
  const t = new Uint8Array(65536);
  for (let i = 0; i < contextData.quantityUnits.length; i++) t[norm(contextData.quantityUnits.charCodeAt(i))] = 1;
  unitTable = t;
  return t;
}

// ---------------------------------------------------------------------------------------------
// Surnames

export interface SurnameTables {
  /** 1 = single surname, 2 = also among the ~100 most common (by normalised code). */
  single: Uint8Array;
  /** Compound surnames (欧阳, 诸葛, 张简 …). */
  compound: KeywordTrie<true>;
}

let surnames: SurnameTables | null = null;

export function surnameTables(): SurnameTables {
  if (surnames !== null) return surnames;
  const single = new Uint8Array(65536);
  const all = surnameData.single + surnameData.traditionalSingle;
  for (let i = 0; i < all.length; i++) single[norm(all.charCodeAt(i))] = 1;
  for (let i = 0; i < surnameData.common.length; i++) single[norm(surnameData.common.charCodeAt(i))] = 2;
  const compound = new KeywordTrie<true>();
  for (const w of `${surnameData.compound} ${surnameData.traditionalCompound}`.split(' ')) if (w) compound.add(w, true);
  surnames = { single, compound };
  return surnames;
}

// ---------------------------------------------------------------------------------------------
// Administrative divisions

/** Levels of a division name (higher = larger area). */
export const DIV = Object.freeze({ town: 1, county: 2, prefecture: 3, province: 4, special: 2, short: 5 });

let divisionTrie: KeywordTrie<number> | null = null;

/** Division names → level (DIV.*). Short forms (福建, 福州) have level DIV.short. */
/**
 * The division names (two characters or more) with their levels, in the order the trie takes them: a name in two
 * lists keeps the level of the later one (a province's full name over its short form, and so on).
 */
export function divisionEntries(): [name: string, level: number][] {
  const lists: [string, number][] = [
    [divisionData.shortProvinces, DIV.short],
    [divisionData.shortPrefectures, DIV.short],
    [divisionData.towns, DIV.town],
    [divisionData.counties, DIV.county],
    [divisionData.special, DIV.special],
    [divisionData.hkMoTw, DIV.county],
    [divisionData.prefectures, DIV.prefecture],
    [divisionData.provinces, DIV.province],
  ];
  return lists.flatMap(([list, level]) => list.split(' ').filter((w) => w.length >= 2).map((w): [string, number] => [w, level]));
}

export function divisionNames(): KeywordTrie<number> {
  if (divisionTrie !== null) return divisionTrie;
  const t = new KeywordTrie<number>();
  for (const [name, level] of divisionEntries()) t.add(name, level);
  divisionTrie = t;
  return t;
}

// ---------------------------------------------------------------------------------------------
// Medical terms

/** Kinds of medical terms (the low bits of a term's value, MED_KIND). */
export const MED = Object.freeze({ disease: 1, test: 2, drug: 3, imaging: 4, procedure: 5 });
export const MED_KIND = 7;
/** A head (炎, 癌, 骨折 …): a term only with an anatomical word right before it. */
export const MED_HEAD = 8;
/** Written with two or more capitals in the dictionary (CT, COPD): the text must have two too. */
export const MED_ACRONYM = 16;
/** A generic treatment or word (化疗, 透析, 肿瘤): not reported, but it supports the terms next to it as a co-occurring term. */
export const MED_SUPPORT = 32;

let medicalTrie: KeywordTrie<number> | null = null;

function capitals(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) n++;
  }
  return n;
}

/** Calls `fn` for every medical term of the dictionary with its value (kind | flags), in the order the trie takes them. */
function forEachMedicalTerm(fn: (word: string, value: number) => void): void {
  const add = (list: string, value: number, sep = ' '): void => {
    for (const w of list.split(sep)) if (w) fn(w, capitals(w) >= 2 ? value | MED_ACRONYM : value);
  };
  add(medicalData.diseaseHeads, MED.disease | MED_HEAD);
  add(medicalData.procedureHeads, MED.procedure | MED_HEAD);
  add(medicalData.imaging, MED.imaging);
  add(medicalData.imagingLatin, MED.imaging);
  add(medicalData.procedures, MED.procedure);
  add(medicalData.proceduresLatin, MED.procedure);
  add(medicalData.tests, MED.test);
  add(medicalData.testsLatin, MED.test);
  add(medicalData.testPhrasesLatin, MED.test, '|');
  add(medicalData.drugs, MED.drug);
  add(medicalData.drugsLatin, MED.drug);
  add(medicalData.vaccines, MED.drug);
  add(medicalData.drugBrands, MED.drug);
  add(medicalData.diseases, MED.disease);
  add(medicalData.diseasesLatin, MED.disease);
  add(medicalData.diseasePhrasesLatin, MED.disease, '|');
  add(medicalData.drugPhrasesLatin, MED.drug, '|');
  add(medicalData.procedurePhrasesLatin, MED.procedure, '|');
  add(medicalData.imagingPhrasesLatin, MED.imaging, '|');
  add(medicalData.supportOnly, MED.procedure | MED_SUPPORT);
}

/** Medical terms → kind | flags. Later lists win for a term in two lists (a disease over a head). */
export function medicalTerms(): KeywordTrie<number> {
  if (medicalTrie !== null) return medicalTrie;
  const t = new KeywordTrie<number>();
  const latin = new Map<string, number>();
  let longest = 0;
  forEachMedicalTerm((w, value) => {
    if (isPlainLatin(w)) {
      latin.set(w.toLowerCase(), value);
      if (w.length > longest) longest = w.length;
    } else t.add(w, value);
  });
  latinTerms = { map: latin, longest };
  // Traditional forms map to the same kinds as their Simplified source (already covered by
  // normalisation for character-level differences; added for phrase-level ones).
  for (const w of medicalData.traditional.split(' ')) if (w && t.get(w, 0, w.length) === undefined) t.add(w, MED.disease);
  medicalTrie = t;
  return t;
}

/** True for a term of ASCII characters only that starts with a letter (septic shock, HbA1c): kept out of the trie. */
function isPlainLatin(w: string): boolean {
  const c0 = w.charCodeAt(0) | 32;
  if (c0 < 97 || c0 > 122) return false;
  for (let k = 1; k < w.length; k++) if (w.charCodeAt(k) >= 128) return false;
  return true;
}

/** The medical terms written in ASCII only, lower case → kind | flags, and the length of the longest. */
export interface LatinTerms {
  map: ReadonlyMap<string, number>;
  longest: number;
}

let latinTerms: LatinTerms | null = null;

/**
 * The ASCII-only medical terms (~13,000 English words and phrases): in a map by lower-case text, not in
 * the trie, whose per-character transitions cost them ~120,000 edges (several MiB in every worker
 * thread). Terms mixing ASCII and CJK (B超, HIV感染) stay in `medicalTerms()`.
 */
export function medicalLatinTerms(): LatinTerms {
  if (latinTerms === null) medicalTerms();
  return latinTerms as LatinTerms;
}

/** Index of the pair of normalised code units (a, b) in `medicalStarts().pairs`. */
export function medicalPairIndex(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 14;
}

export interface MedicalStarts {
  /** 1 for a normalised code unit that is a whole term (炎, 癌, 病). */
  single: Uint8Array;
  /** 1 at `medicalPairIndex` of the first two normalised code units of every term (a filter: collisions only let more through). */
  pairs: Uint8Array;
}

let starts: MedicalStarts | null = null;

/**
 * A filter on the first two characters of the medical terms: most positions the scanner routes
 * here start no term, and one table read rejects them without a trie walk.
 */
export function medicalStarts(): MedicalStarts {
  if (starts !== null) return starts;
  const single = new Uint8Array(65536);
  const pairs = new Uint8Array(1 << 18);
  const take = (w: string): void => {
    const a = norm(w.charCodeAt(0));
    if (w.length === 1) single[a] = 1;
    else pairs[medicalPairIndex(a, norm(w.charCodeAt(1)))] = 1;
  };
  forEachMedicalTerm((w) => take(w));
  for (const w of medicalData.traditional.split(' ')) if (w) take(w);
  starts = { single, pairs };
  return starts;
}

let latinPairs: Uint8Array | null = null;

/**
 * First two characters of the medical terms that start with an ASCII letter, lower case: 1 at
 * `c0 * 128 + c1`, and at `c0 * 128` when the second character is not ASCII (B超, IgA肾病). Lets
 * the Latin scan skip most English words with one table read instead of a trie walk.
 */
export function medicalLatinPairs(): Uint8Array {
  if (latinPairs !== null) return latinPairs;
  const t = new Uint8Array(128 * 128);
  forEachMedicalTerm((w) => {
    const c0 = norm(w.charCodeAt(0));
    if (c0 < 97 || c0 > 122 || w.length < 2) return;
    const c1 = norm(w.charCodeAt(1));
    t[c0 * 128 + (c1 < 128 ? c1 : 0)] = 1;
  });
  latinPairs = t;
  return t;
}

/** What a word before a medical term is (values of `medicalModifiers`). */
export const MOD = Object.freeze({ clinical: 1, anatomy: 2, stop: 3, approach: 4, salt: 5 });

let modifierTrie: KeywordTrie<number> | null = null;

/**
 * Clinical modifiers, anatomical words, surgical approaches, salts and stop words, keyed reversed
 * for `longestBefore`: the words a diagnosis, imaging test, procedure or drug takes in on its left.
 */
export function medicalModifiers(): KeywordTrie<number> {
  if (modifierTrie !== null) return modifierTrie;
  const t = new KeywordTrie<number>();
  const add = (list: string, value: number): void => {
    for (const w of list.split(' ')) if (w) t.add([...w].reverse().join(''), value);
  };
  add(medicalData.modifiers, MOD.clinical);
  add(medicalData.anatomy, MOD.anatomy);
  add(medicalData.approaches, MOD.approach);
  add(medicalData.salts, MOD.salt);
  add(medicalData.modifierStops, MOD.stop);
  modifierTrie = t;
  return t;
}

export interface MedicalCues {
  /** 1 for characters right before a drug that make it a medication (予, 服 …), by normalised code. */
  drugBefore: Uint8Array;
  /** Dosage forms, routes and purposes right after a drug (片, 胶囊, qd, 抗凝 …). */
  drugAfter: KeywordTrie<true>;
  /** Words after a laboratory test that make it a result (升高, 阴性 …). */
  testAfter: KeywordTrie<true>;
  /** 1 for characters right before an imaging test or procedure (行, 做). */
  examBefore: Uint8Array;
  /** Words after an imaging test or procedure (示, 提示, 未见 …). */
  examAfter: KeywordTrie<true>;
  /** Words after a term that make it part of a name (医院, 防治, 制药 …). */
  nonMedicalSuffixes: KeywordTrie<true>;
}

let cues: MedicalCues | null = null;

export function medicalCues(): MedicalCues {
  if (cues !== null) return cues;
  const chars = (s: string): Uint8Array => {
    const a = new Uint8Array(65536);
    for (let i = 0; i < s.length; i++) a[norm(s.charCodeAt(i))] = 1;
    return a;
  };
  const words = (s: string): KeywordTrie<true> => {
    const t = new KeywordTrie<true>();
    for (const w of s.split(' ')) if (w) t.add(w, true);
    return t;
  };
  cues = {
    drugBefore: chars(medicalData.cueDrugBefore),
    drugAfter: words(medicalData.cueDrugAfter),
    testAfter: words(medicalData.cueTestAfter),
    examBefore: chars(medicalData.cueExamBefore),
    examAfter: words(medicalData.cueExamAfter),
    nonMedicalSuffixes: words(medicalData.nonMedicalSuffixes),
  };
  return cues;
}
