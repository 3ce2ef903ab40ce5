/**
 * The Chinese segmenter (@node-rs/jieba, a prebuilt native binary shipped in the npm package) and
 * a lexicon view of its dictionary, both loaded on first use (~0.3 s).
 *
 * The lexicon keeps only the entries that can collide with a person name: 2–4 character words
 * whose first character is a surname character. It tells a name cell test that 福州 (ns), 方面 (n)
 * or 高山 (ns) are ordinary words, without a segmenter call per cell.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { norm } from './chars.ts';
import { surnameTables } from './dictionaries.ts';

export interface TaggedWord {
  word: string;
  tag: string;
}

const requireHere = createRequire(import.meta.url);

/**
 * The segmenter's dictionary file, read when needed and not kept (`@node-rs/jieba/dict.js` would
 * keep it and the unused IDF table, ~11 MB, in every thread that imports it).
 */
function dictBytes(): Buffer {
  return readFileSync(requireHere.resolve('@node-rs/jieba/dict.txt'));
}

let instance: Jieba | null = null;

function segmenter(): Jieba {
  if (instance === null) {
    // The native module (~40 MB once the dictionary is built) is loaded only in a thread that segments.
    const { Jieba: JiebaClass } = requireHere('@node-rs/jieba') as { Jieba: typeof Jieba };
    instance = JiebaClass.withDict(dictBytes());
  }
  return instance;
}

/**
 * Drops the segmenter and the lexicon (they are rebuilt on next use): for a thread that is done
 * recognising, e.g. the main thread of a parallel scan after deciding the columns. Returns true
 * when a segmenter was loaded.
 */
export function releaseSegmenter(): boolean {
  const had = instance !== null;
  instance = null;
  lexicon = null;
  lexicon4 = null;
  bigrams = null;
  return had;
}

/** Part-of-speech tagged segmentation of a short text (HMM on for unknown names). */
export function tag(text: string): TaggedWord[] {
  return segmenter().tag(text, true);
}

/**
 * Lexicon: frequency × 2, + 1 when the tag is a person-name tag (nr, nrt, nrfg). Words of two or
 * three characters are keyed by a number built from their code units (no string hashing on the
 * hot path), four-character words by the string.
 */
let lexicon: Map<number, number> | null = null;
let lexicon4: Map<string, number> | null = null;

function numericKey(text: string, s: number, e: number): number {
  let k = 0;
  for (let i = s; i < e; i++) k = k * 65536 + text.charCodeAt(i);
  return k;
}

function loadLexicon(): void {
  const map = new Map<number, number>();
  const map4 = new Map<string, number>();
  const { single, compound } = surnameTables();
  const text = new TextDecoder('utf-8').decode(dictBytes());
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const sp1 = text.indexOf(' ', lineStart);
    if (sp1 > lineStart && sp1 < lineEnd) {
      const len = sp1 - lineStart;
      const c0 = text.charCodeAt(lineStart);
      if (len >= 2 && len <= 4 && (single[norm(c0)] !== 0 || compound.starts[norm(c0)] === 1)) {
        const sp2 = text.indexOf(' ', sp1 + 1);
        const freqEnd = sp2 > 0 && sp2 < lineEnd ? sp2 : lineEnd;
        const freq = Number(text.slice(sp1 + 1, freqEnd));
        const tagText = sp2 > 0 && sp2 < lineEnd ? text.slice(sp2 + 1, lineEnd).trim() : '';
        const v = (Number.isFinite(freq) ? freq : 0) * 2 + (tagText.startsWith('nr') ? 1 : 0);
        if (len <= 3) map.set(numericKey(text, lineStart, sp1), v);
        else map4.set(text.slice(lineStart, sp1), v);
      }
    }
    lineStart = lineEnd + 1;
  }
  lexicon = map;
  lexicon4 = map4;
}

/**
 * The segmenter dictionary's entry for a (Simplified) word, encoded as frequency × 2 (+ 1 when
 * the tag is a person-name tag), or -1 when the word is not in the dictionary. Only words of 2–4
 * characters starting with a surname character are kept. Use `lexFreq` / `lexIsName` to decode.
 */
export function lexiconEntry(word: string): number {
  return lexiconEntryAt(word, 0, word.length);
}

/** `lexiconEntry` of text[s, e) without building the string (for 2–3 characters). */
export function lexiconEntryAt(text: string, s: number, e: number): number {
  if (lexicon === null || lexicon4 === null) loadLexicon();
  const n = e - s;
  if (n >= 2 && n <= 3) return (lexicon as Map<number, number>).get(numericKey(text, s, e)) ?? -1;
  if (n === 4) return (lexicon4 as Map<string, number>).get(text.slice(s, e)) ?? -1;
  return -1;
}

export function lexFreq(entry: number): number {
  return entry < 0 ? 0 : Math.floor(entry / 2);
}

export function lexIsName(entry: number): boolean {
  return entry >= 0 && entry % 2 === 1;
}

let bigrams: Set<number> | null = null;

/** Minimum dictionary frequency for a two-character word to count as an ordinary word. */
export const COMMON_WORD_FREQ = 30;

/**
 * True when the two (normalised) code units form an ordinary two-character word of the
 * dictionary (not a name tag, frequency ≥ COMMON_WORD_FREQ): 方面, 程序, 高度, 万元 … A surname
 * character followed by such a pair usually is no name. No allocation.
 */
export function isCommonBigram(c1: number, c2: number): boolean {
  if (bigrams === null) {
    if (lexicon === null) loadLexicon();
    bigrams = new Set<number>();
    for (const [k, v] of lexicon as Map<number, number>) {
      if (k < 65536 * 65536 && v % 2 === 0 && v / 2 >= COMMON_WORD_FREQ) bigrams.add(k);
    }
  }
  return bigrams.has(c1 * 65536 + c2);
}
