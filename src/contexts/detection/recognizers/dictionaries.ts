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

let roleWords: { words: Set<string>; maxLength: number; finals: Uint8Array; starts: Uint8Array } | null = null;

/**
 * Role nouns written right before a name (来电人, 审判员, 住客 …), normalised: looked up backwards
 * from a surname candidate only (`endsWithNameRole` in names.ts), never per character.
 */
export function nameRoles(): { words: ReadonlySet<string>; maxLength: number; finals: Uint8Array; starts: Uint8Array } {
  if (roleWords !== null) return roleWords;
  const words = new Set<string>();
  const finals = new Uint8Array(65536);
  const starts = new Uint8Array(65536);
  let maxLength = 0;
  for (const w of contextData.nameRoles) {
    const key = normKey(w);
    words.add(key);
    finals[key.charCodeAt(key.length - 1)] = 1;
    starts[key.charCodeAt(0)] = 1;
    if (w.length > maxLength) maxLength = w.length;
  }
  roleWords = { words, maxLength, finals, starts };
  return roleWords;
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

export const MED = Object.freeze({ disease: 1, test: 2, drug: 3 });

let medicalTrie: KeywordTrie<number> | null = null;

export function medicalTerms(): KeywordTrie<number> {
  if (medicalTrie !== null) return medicalTrie;
  const t = new KeywordTrie<number>();
  const add = (list: string, kind: number): void => {
    for (const w of list.split(' ')) if (w) t.add(w, kind);
  };
  add(medicalData.tests, MED.test);
  add(medicalData.drugs, MED.drug);
  add(medicalData.diseases, MED.disease);
  // Traditional forms map to the same kinds as their Simplified source (already covered by
  // normalisation for character-level differences; added for phrase-level ones).
  for (const w of medicalData.traditional.split(' ')) if (w && t.get(w, 0, w.length) === undefined) t.add(w, MED.disease);
  medicalTrie = t;
  return t;
}
