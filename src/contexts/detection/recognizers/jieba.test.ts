import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { norm } from './chars.ts';
import { surnameTables } from './dictionaries.ts';
import { COMMON_WORD_FREQ, isCommonBigram, lexiconEntry, lexiconEntryAt, releaseSegmenter, tag } from './jieba.ts';

/** The lexicon as a plain Map by word, read from the segmenter's dictionary the simple way. */
function referenceLexicon(): Map<string, number> {
  const text = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const { single, compound } = surnameTables();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [word, freq, tag] = line.split(' ');
    if (!word || word.length < 2 || word.length > 4) continue;
    const c0 = norm(word.charCodeAt(0));
    if (single[c0] === 0 && compound.starts[c0] !== 1) continue;
    const f = Number(freq);
    out.set(word, (Number.isFinite(f) ? f : 0) * 2 + ((tag ?? '').trim().startsWith('nr') ? 1 : 0));
  }
  return out;
}

describe('the segmenter lexicon', () => {
  const ref = referenceLexicon();

  it('answers every kept dictionary word as a plain map of the dictionary does', () => {
    expect(ref.size).toBeGreaterThan(10000);
    let checked = 0;
    for (const [word, v] of ref) {
      expect(lexiconEntry(word)).toBe(v);
      // The same word inside a longer text, by position.
      expect(lexiconEntryAt(`，${word}。`, 1, 1 + word.length)).toBe(v);
      checked++;
    }
    expect(checked).toBe(ref.size);
  });

  it('answers -1 for words it does not hold', () => {
    for (const w of ['王某某某某', '王', '张三丰丰', '李四', '陈', '林晓燕', 'ab', '方面x'.slice(0, 2) + '乂']) {
      if (!ref.has(w)) expect(lexiconEntry(w)).toBe(-1);
    }
    // Every two- and three-character suffix of a held word with its last character changed.
    let misses = 0;
    for (const word of ref.keys()) {
      if (word.length > 3) continue;
      const other = word.slice(0, -1) + String.fromCharCode(word.charCodeAt(word.length - 1) ^ 1);
      if (!ref.has(other)) {
        expect(lexiconEntry(other)).toBe(-1);
        misses++;
      }
    }
    expect(misses).toBeGreaterThan(1000);
  });

  it('calls a two-character word common exactly when it is frequent and not a name', () => {
    let common = 0;
    for (const [word, v] of ref) {
      if (word.length !== 2) continue;
      const expected = v % 2 === 0 && v / 2 >= COMMON_WORD_FREQ;
      expect(isCommonBigram(word.charCodeAt(0), word.charCodeAt(1))).toBe(expected);
      if (expected) common++;
    }
    expect(common).toBeGreaterThan(1000);
    expect(isCommonBigram(0x738b /* 王 */, 0x5c0f /* 小 */ ^ 1)).toBe(false);
  });
});

describe('the tagged-window memo', () => {
  it('gives a window seen before exactly the words a fresh segmenter gives it', () => {
    const windows = ['王小明去', '林晓燕', '陈家豪说', '福州市台江区', '高山流水', '程晓红作', '欧阳娜娜', '叶某某'];
    releaseSegmenter();
    const fresh = windows.map((w) => structuredClone(tag(w)));
    for (let round = 0; round < 3; round++) windows.forEach((w, i) => expect(tag(w)).toEqual(fresh[i]));
    releaseSegmenter();
    windows.forEach((w, i) => expect(tag(w)).toEqual(fresh[i]));
    expect(fresh.every((words, i) => words.map((x) => x.word).join('') === windows[i])).toBe(true);
  });
});
