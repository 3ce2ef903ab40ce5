import { describe, expect, it } from 'vitest';
import { normString } from './chars.ts';
import { divisionEntries, divisionNames } from './dictionaries.ts';
import { KeywordTrie } from './keyword-trie.ts';

/** Longest keyword of `words` (compared normalised) starting at `pos`, the simple way. */
function referenceLongest(words: ReadonlyMap<string, number>, text: string, pos: number, end: number): number {
  const norm = normString(text.slice(pos, end));
  let best = 0;
  for (let len = 1; len <= norm.length; len++) if (words.has(norm.slice(0, len))) best = len;
  return best;
}

describe('the keyword trie', () => {
  const words = new Map<string, number>([
    ['福州', 1],
    ['福州市', 2],
    ['平潭', 3],
    ['平潭综合实验区', 4],
    ['台北', 5],
    ['路', 6],
    ['abc', 7],
  ]);
  const trie = new KeywordTrie<number>();
  for (const [w, v] of words) trie.add(w, v);
  const texts = ['福建省福州市台江区', '臺北市信義路', '平潭综合实验区管委会', '平潭综合实验', 'ABC路', 'ａｂｃ路１号', '福', '', '北京路'];

  it('finds the longest keyword at every position as a plain scan of the keywords does, Traditional and full-width text included', () => {
    let found = 0;
    for (const text of texts) {
      for (let pos = 0; pos < text.length; pos++) {
        for (let end = pos + 1; end <= text.length; end++) {
          const expected = referenceLongest(words, text, pos, end);
          expect(trie.longestLengthAt(text, pos, end)).toBe(expected);
          const m = trie.longestAt(text, pos, end);
          expect(m?.length ?? 0).toBe(expected);
          if (m !== null) {
            expect(m.value).toBe(words.get(normString(text.slice(pos, pos + expected))));
            found++;
          }
          const whole = normString(text.slice(pos, end));
          expect(trie.has(text, pos, end)).toBe(words.has(whole));
          expect(trie.get(text, pos, end)).toBe(words.get(whole));
        }
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  it('sees keywords added after a lookup', () => {
    const t = new KeywordTrie<number>();
    t.add('厦门', 1);
    expect(t.longestLengthAt('厦门市思明区', 0, 6)).toBe(2);
    expect(t.longestLengthAt('厦门市思明区', 3, 6)).toBe(0);
    t.add('思明区', 2);
    t.add('厦门市', 3);
    expect(t.longestAt('厦门市思明区', 3, 6)).toEqual({ length: 3, value: 2 });
    expect(t.longestAt('廈門市思明區', 0, 6)).toEqual({ length: 3, value: 3 });
  });

  it('finds the longest reversed keyword ending at a position, reading backwards and not before the start given', () => {
    const t = new KeywordTrie<number>();
    for (const [w, v] of [
      ['急性', 1],
      ['右', 2],
      ['右侧', 3],
      ['st段抬高型', 4],
    ] as const)
      t.add([...w].reverse().join(''), v);
    const text = '诊断：急性ST段抬高型心肌梗死，右側骨折';
    const mi = text.indexOf('心肌');
    expect(t.longestBefore(text, mi, 0)).toEqual({ length: 6, value: 4 });
    expect(t.longestBefore(text, mi - 6, 0)).toEqual({ length: 2, value: 1 });
    // Traditional text, and the longest of 右 / 右侧.
    expect(t.longestBefore(text, text.indexOf('骨折'), 0)).toEqual({ length: 2, value: 3 });
    // A keyword may not start before `from`.
    expect(t.longestBefore(text, text.indexOf('骨折'), text.indexOf('側'))).toBeNull();
    expect(t.longestBefore(text, 0, 0)).toBeNull();
  });

  it('answers every division name of the dictionary with its level, as a map of the lists does (a grown edge table)', () => {
    // A plain map of the same entries, later entries winning, is the oracle for the trie's edge table.
    const levels = new Map<string, number>();
    for (const [name, level] of divisionEntries()) levels.set(normString(name), level);
    expect(levels.size).toBeGreaterThan(1000);
    const div = divisionNames();
    for (const [name, level] of levels) {
      expect(div.get(`，${name}。`, 1, 1 + name.length)).toBe(level);
      expect(div.longestLengthAt(`，${name}`, 1, 1 + name.length)).toBe(name.length);
    }
  });
});
