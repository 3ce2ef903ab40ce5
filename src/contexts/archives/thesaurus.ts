/**
 * Archive search's thesaurus (检索同义词表): words a searcher types that the records say otherwise. A query
 * word listed here also matches the terms it leads to — 婚姻 finds 结婚登记 and 离婚登记, 社保 finds 社会保险 —
 * on top of itself and its sub-words (`queryGroups`).
 *
 * Entries are one-way: a broader or everyday word leads to the narrower or official terms, never back (结婚 must not
 * find 离婚). An abbreviation and its full form lead to each other. Keys and terms are Simplified, as the records are.
 * Keep it to terms of the records the platform archives: cases of the service hall, registry certificates, customs
 * clearances, benefits. A term that is already a sub-word of the word needs no entry (销毁 finds 鉴定销毁 by itself).
 */
const ONE_WAY: Readonly<Record<string, readonly string[]>> = {
  婚姻: ['结婚', '离婚'],
  房产: ['不动产', '房屋'],
  房子: ['不动产', '房屋'],
  户口: ['户籍'],
  身份证: ['居民身份证'],
  台胞: ['台湾同胞', '台湾居民'],
  台胞证: ['台湾居民来往大陆通行证'],
  工资: ['薪金', '工资薪金'],
  补贴: ['补助', '津贴'],
  出境: ['跨境'],
};

/** Abbreviations and their full forms: each leads to the other. */
const BOTH_WAYS: readonly (readonly [string, string])[] = [
  ['社保', '社会保险'],
  ['医保', '医疗保险'],
  ['个税', '个人所得税'],
  ['公积金', '住房公积金'],
  ['个转企', '个体工商户转为企业'],
];

const TABLE: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = m.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    m.set(from, list);
  };
  for (const [from, tos] of Object.entries(ONE_WAY)) for (const to of tos) add(from, to);
  for (const [a, b] of BOTH_WAYS) {
    add(a, b);
    add(b, a);
  }
  return m;
})();

/** The terms a query word also matches (empty for most words). */
export function relatedTerms(word: string): readonly string[] {
  return TABLE.get(word) ?? [];
}

/** The longest number of segmenter words a thesaurus word is cut into (个税 → 个 + 税: 2). */
const MAX_PARTS = 4;

/**
 * The segmenter's words of a query with the thesaurus's words it cut apart joined again (个 + 税 → 个税); a word it
 * kept whole (婚姻登记) stays as it is.
 */
export function joinThesaurusWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let joined = 1;
    for (let n = Math.min(MAX_PARTS, words.length - i); n >= 2; n--) {
      if (TABLE.has(words.slice(i, i + n).join(''))) {
        joined = n;
        break;
      }
    }
    out.push(words.slice(i, i + joined).join(''));
    i += joined;
  }
  return out;
}
