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
  tagMemo.clear();
  lexicon = null;
  lexicon4 = null;
  bigrams = null;
  return had;
}

/**
 * Tagged windows already segmented (window → words). The segmenter is deterministic, so a window
 * seen before (street and community names in an address column, template remarks) gets exactly
 * the words of a fresh call. Cleared when full (bounded memory). 4,096 windows (about 1.3 MiB when
 * full), not 16,384: every scanning thread holds one, and with 2 workers on the 200 MiB corpus the
 * process held 275 MiB on average against 283 (5 alternating runs each) at the same speed.
 */
const tagMemo = new Map<string, readonly TaggedWord[]>();
const TAG_MEMO_MAX_ENTRIES = 4096;

/**
 * Part-of-speech tagged segmentation of a short text (HMM on for unknown names). The result is
 * shared between calls with the same text: read it, never change it.
 */
export function tag(text: string): readonly TaggedWord[] {
  const known = tagMemo.get(text);
  if (known !== undefined) return known;
  const words = segmenter().tag(text, true);
  if (tagMemo.size >= TAG_MEMO_MAX_ENTRIES) tagMemo.clear();
  tagMemo.set(text, words);
  return words;
}

/**
 * Lexicon: frequency × 2, + 1 when the tag is a person-name tag (nr, nrt, nrfg). Words of two or
 * three characters live in an open-addressing table keyed by their code units (no string, no
 * heap-number key on the hot path), four-character words in a Map by the string.
 */
let lexicon: CodeUnitTable | null = null;
let lexicon4: Map<string, number> | null = null;

/**
 * Open-addressing hash table from two or three UTF-16 code units to a number: `a` is the first
 * unit (never 0: words start with a surname character), `b` packs the second and third
 * (`c2 << 16 | c3`, c3 = 0 for two units). A later `set` of the same key replaces the value.
 */
class CodeUnitTable {
  private a: Int32Array;
  private b: Int32Array;
  /** Values are small integers (frequency × 2 + 1 < 2³¹; jieba's largest frequency is under 10⁶). */
  private v: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected: number) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.v = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    let i = h & this.mask;
    while (this.a[i] !== 0 && (this.a[i] !== a || this.b[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  set(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const i = this.slot(a, b);
    if (this.a[i] === 0) this.size++;
    this.a[i] = a;
    this.b[i] = b;
    this.v[i] = value;
  }

  /** The value of the key, or -1. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.a[i] === 0 ? -1 : (this.v[i] as number);
  }

  /** Calls `f` for every entry. */
  forEach(f: (a: number, b: number, value: number) => void): void {
    for (let i = 0; i <= this.mask; i++) if (this.a[i] !== 0) f(this.a[i] as number, this.b[i] as number, this.v[i] as number);
  }

  private grow(): void {
    const { a, b, v } = this;
    const cap = (this.mask + 1) * 2;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.v = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== 0) this.set(a[i] as number, b[i] as number, v[i] as number);
  }
}

/** The `b` key part of text[s, e) (2 or 3 code units from s). */
function tailKey(text: string, s: number, e: number): number {
  return ((text.charCodeAt(s + 1) << 16) | (e - s === 3 ? text.charCodeAt(s + 2) : 0)) | 0;
}

function loadLexicon(): void {
  const map = new CodeUnitTable(1 << 16);
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
        if (len <= 3) map.set(c0, tailKey(text, lineStart, sp1), v);
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
  if (n >= 2 && n <= 3) {
    const c0 = text.charCodeAt(s);
    return c0 === 0 ? -1 : (lexicon as CodeUnitTable).get(c0, tailKey(text, s, e));
  }
  if (n === 4) return (lexicon4 as Map<string, number>).get(text.slice(s, e)) ?? -1;
  return -1;
}

export function lexFreq(entry: number): number {
  return entry < 0 ? 0 : Math.floor(entry / 2);
}

export function lexIsName(entry: number): boolean {
  return entry >= 0 && entry % 2 === 1;
}

let bigrams: CodeUnitTable | null = null;

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
    const common = new CodeUnitTable(1 << 14);
    (lexicon as CodeUnitTable).forEach((a, b, v) => {
      if ((b & 0xffff) === 0 && v % 2 === 0 && v / 2 >= COMMON_WORD_FREQ) common.set(a, b, 1);
    });
    bigrams = common;
  }
  return c1 !== 0 && bigrams.get(c1, (c2 << 16) | 0) === 1;
}
