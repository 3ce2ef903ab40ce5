/**
 * The text side of archive search: Chinese segmentation (jieba, search mode), the tokens a record is
 * indexed under, the query a search string becomes, text extracted from files, and snippets.
 *
 * The database never segments: a record's tokens are jieba's search-mode cut (a long word and the
 * dictionary words inside it: 婚姻登记 → 婚姻, 登记, 婚姻登记) of its metadata and extracted text, split
 * further at anything that is not a letter or digit and lower-cased, plus filter tokens that start
 * with `_` (`_c_hy` category, `_y_2026` year, `_r_d30` retention, `_g_shsy` 机构, `_o_8` owning
 * department, `_f_pt01` 全宗, `_m_202603` month of the date). User words never contain `_`, so a query cannot
 * name a filter token.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import yauzl from 'yauzl';
import { pdfText } from './pdf-text.ts';
import { joinThesaurusWords, relatedTerms } from './thesaurus.ts';

const requireHere = createRequire(import.meta.url);
let instance: Jieba | null = null;

/** The segmenter, built on first use (~0.3 s; the dictionary file is read then and not kept). */
function segmenter(): Jieba {
  if (instance === null) {
    const { Jieba: JiebaClass } = requireHere('@node-rs/jieba') as { Jieba: typeof Jieba };
    instance = JiebaClass.withDict(readFileSync(requireHere.resolve('@node-rs/jieba/dict.txt')));
  }
  return instance;
}

const SPLIT = /[^\p{L}\p{N}]+/u;
const MAX_TOKEN = 40;

function pieces(word: string): string[] {
  return word
    .toLowerCase()
    .split(SPLIT)
    .filter((t) => t.length > 0 && t.length <= MAX_TOKEN);
}

/** The distinct search-mode tokens of a text (order of first appearance). */
export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  if (text.trim() === '') return [];
  for (const w of segmenter().cutForSearch(text, true)) for (const t of pieces(w)) out.add(t);
  return [...out];
}

export interface FilterParts {
  fonds?: string | undefined;
  category?: string | undefined;
  year?: number | undefined;
  retention?: string | undefined;
  org?: string | undefined;
  ownerOrgId?: number | null | undefined;
  /** The record's date (YYYY-MM-DD): indexed as its month, `_m_202603`. */
  date?: string | undefined;
}

/** The filter tokens of a record (or of a search's filters: only the given parts). */
export function filterTokens(f: FilterParts): string[] {
  const out: string[] = [];
  const add = (k: string, v: string | number | null | undefined) => {
    if (v !== undefined && v !== null && v !== '') out.push(`_${k}_${String(v).toLowerCase()}`);
  };
  add('f', f.fonds);
  add('c', f.category);
  add('y', f.year);
  add('r', f.retention);
  add('g', f.org);
  add('o', f.ownerOrgId);
  if (f.date) add('m', f.date.slice(0, 7).replace('-', ''));
  return out;
}

/**
 * PostgreSQL only (migration 0023): pairs of filters as ONE token each — `_cy_hy_2020` (category + year)
 * and `_or_8_y` (owning department + retention) — so the GIN fallback of a filtered search intersects
 * the words with one posting list the size of the slice.
 */
export function pairTokens(f: FilterParts): string[] {
  const out: string[] = [];
  if (f.category && f.year !== undefined) out.push(`_cy_${f.category.toLowerCase()}_${f.year}`);
  if (f.ownerOrgId !== undefined && f.ownerOrgId !== null && f.retention) out.push(`_or_${f.ownerOrgId}_${f.retention.toLowerCase()}`);
  return out;
}

/** A search's filter tokens on PostgreSQL: each pair as its pair token instead of its two single tokens. */
export function pairedFilterTokens(f: FilterParts): string[] {
  const cy = Boolean(f.category) && f.year !== undefined;
  const or = f.ownerOrgId !== undefined && f.ownerOrgId !== null && Boolean(f.retention);
  const rest: FilterParts = { ...f, ...(cy ? { category: undefined, year: undefined } : {}), ...(or ? { ownerOrgId: undefined, retention: undefined } : {}) };
  return [...filterTokens(rest), ...pairTokens(f)];
}

/**
 * A search string as groups of alternatives, every group required. Each word of jieba's cut becomes
 * (the word) OR (all of its search-mode sub-words) OR (each related term of the thesaurus, as the conjunction
 * of its words) OR (the sub-words with one of them replaced by a related term of its own): 登记处 also finds
 * 婚姻登记处 (cut there as 婚姻登记 + 处), 婚姻登记 finds 张三李四婚姻登记证明 and also 结婚登记, and 婚姻 finds
 * 结婚登记. Empty when the string has no letters or digits.
 */
export function queryGroups(q: string): string[][][] {
  return expandQuery(q).groups;
}

/** `queryGroups`, with the thesaurus terms the query was expanded to (shown to the searcher), in order. */
export function expandQuery(q: string): { groups: string[][][]; related: string[] } {
  const groups: string[][][] = [];
  const related = new Set<string>();
  const seen = new Set<string>();
  const words = (text: string) => [...new Set(segmenter().cut(text, true).flatMap(pieces))];
  for (const w of joinThesaurusWords(segmenter().cut(q, true))) {
    for (const t of pieces(w)) {
      if (seen.has(t)) continue;
      seen.add(t);
      const alts: string[][] = [[t]];
      const add = (alt: string[]) => {
        if (!alts.some((a) => a.length === alt.length && a.every((x, i) => x === alt[i]))) alts.push(alt);
      };
      const subs = [...new Set(segmenter().cutForSearch(t, true).flatMap(pieces))].filter((s) => s !== t);
      if (subs.length > 0) add(subs);
      for (const term of relatedTerms(t)) {
        related.add(term);
        add(words(term));
      }
      // 婚姻登记 (sub-words 婚姻, 登记) also as 结婚 + 登记 and 离婚 + 登记.
      if (subs.length > 1)
        for (const [k, sub] of subs.entries())
          for (const term of relatedTerms(sub)) {
            related.add(term);
            add([...new Set([...subs.slice(0, k), ...words(term), ...subs.slice(k + 1)])]);
          }
      groups.push(alts);
    }
  }
  return { groups, related: [...related] };
}

const quote = (t: string) => `"${t}"`;

/**
 * The month tokens of a date range (`_m_202103` …), at most 60; null when the range is longer (the
 * exact date filter alone applies then).
 */
export function monthTokens(from: string | undefined, to: string | undefined): string[] | null {
  if (!from || !to) return null;
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  const out: string[] = [];
  while (y < endY || (y === endY && m <= endM)) {
    if (out.length === 60) return null;
    out.push(`_m_${y}${String(m).padStart(2, '0')}`);
    if (++m === 13) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** FTS5 MATCH expression: groups (alternatives of conjunctions), filter tokens and one of `anyOf`, all ANDed. */
export function fts5Query(groups: string[][][], filters: string[], anyOf: string[] | null = null): string {
  const parts = groups.map((alts) => (alts.length === 1 ? alts[0]!.map(quote).join(' AND ') : `(${alts.map((a) => `(${a.map(quote).join(' AND ')})`).join(' OR ')})`));
  if (anyOf) parts.push(anyOf.length === 1 ? quote(anyOf[0]!) : `(${anyOf.map(quote).join(' OR ')})`);
  return [...parts, ...filters.map(quote)].join(' AND ');
}

/** tsquery text (lexemes quoted, cast with ::tsquery so no parser or dictionary touches them). */
export function tsQuery(groups: string[][][], filters: string[], anyOf: string[] | null = null): string {
  const lex = (t: string) => `'${t.replace(/'/g, "''")}'`;
  const parts = groups.map((alts) => (alts.length === 1 ? alts[0]!.map(lex).join(' & ') : `(${alts.map((a) => `(${a.map(lex).join(' & ')})`).join(' | ')})`));
  if (anyOf) parts.push(anyOf.length === 1 ? lex(anyOf[0]!) : `(${anyOf.map(lex).join(' | ')})`);
  return [...parts, ...filters.map(lex)].join(' & ');
}

// ---- snippets -------------------------------------------------------------------------------------

export interface Snippet {
  /** The excerpt, with the matched words between 【 and 】. */
  text: string;
}

/** An excerpt of about `width` characters around the first occurrence of a query word, words marked. */
export function snippetOf(text: string, groups: string[][][], width = 80): string {
  const words = [...new Set(groups.flat(2))].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  let first = -1;
  for (const w of words) {
    const i = lower.indexOf(w);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  const cut = text.slice(start, start + width);
  let out = '';
  const cutLower = cut.toLowerCase();
  for (let i = 0; i < cut.length; ) {
    const w = words.find((x) => cutLower.startsWith(x, i));
    if (w) {
      out += `【${cut.slice(i, i + w.length)}】`;
      i += w.length;
    } else {
      out += cut[i];
      i += 1;
    }
  }
  return (start > 0 ? '…' : '') + out.replace(/\s+/g, ' ') + (start + width < text.length ? '…' : '');
}

// ---- extraction -----------------------------------------------------------------------------------

/** Text of at most this many characters is kept per record (index and snippets). */
export const MAX_TEXT = 200_000;
/** Decompressed bytes read from one ZIP entry at most (OFD, DOCX): a zip bomb stops here. */
const MAX_ENTRY_BYTES = 8 << 20;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The character data of an XML document (tags dropped, entities decoded). */
export function xmlText(xml: string): string {
  return xml
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, ' $1 ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\?[\s\S]*?\?>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
      }
      return ENTITIES[e] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text of the ZIP entries whose names match, in entry order (each entry capped at MAX_ENTRY_BYTES). */
function zipEntriesText(buf: Buffer, wanted: (name: string) => boolean, textOf: (xml: string) => string): Promise<string> {
  return new Promise((resolve) => {
    const texts: string[] = [];
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: false }, (err, zip) => {
      if (err || !zip) return resolve('');
      const done = () => resolve(texts.join('\n'));
      zip.on('error', done);
      zip.on('end', done);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!wanted(entry.fileName) || entry.isEncrypted()) return zip.readEntry();
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return zip.readEntry();
          const chunks: Buffer[] = [];
          let n = 0;
          stream.on('data', (c: Buffer) => {
            n += c.length;
            if (n > MAX_ENTRY_BYTES) {
              stream.destroy();
              return;
            }
            chunks.push(c);
          });
          const next = () => {
            texts.push(textOf(Buffer.concat(chunks).toString('utf8')));
            zip.readEntry();
          };
          stream.on('close', next);
          stream.on('error', () => undefined);
        });
      });
      zip.readEntry();
    });
  });
}

/** OFD page content: the TextCode elements of Doc_N/Pages/Page_N/Content.xml (GB/T 33190). */
const ofdText = (xml: string) => [...xml.matchAll(/<(?:\w+:)?TextCode\b[^>]*>([\s\S]*?)<\/(?:\w+:)?TextCode>/g)].map((m) => xmlText(m[1]!)).join('');
/** DOCX body: the w:t runs of word/document.xml, paragraphs separated. */
const docxText = (xml: string) =>
  xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1]!)).join(''))
    .filter((s) => s !== '')
    .join('\n');

/**
 * Text of a stored file by its detected format: text and XML as they are, OFD's page text, DOCX's
 * document text, PDF's text layer (pdf-text.ts). Images give nothing. `null` when the format carries no
 * text we read.
 */
export async function extractText(format: string, bytes: Buffer): Promise<string | null> {
  switch (format) {
    case 'TXT':
    case 'TEXT':
      return bytes.toString('utf8').slice(0, MAX_TEXT);
    case 'XML':
      return xmlText(bytes.toString('utf8')).slice(0, MAX_TEXT);
    case 'OFD':
      return (await zipEntriesText(bytes, (n) => /^Doc_\d+\/Pages\/Page_\d+\/Content\.xml$/i.test(n), ofdText)).slice(0, MAX_TEXT);
    case 'DOCX':
      return (await zipEntriesText(bytes, (n) => n === 'word/document.xml', docxText)).slice(0, MAX_TEXT);
    case 'PDF':
      return pdfText(bytes, MAX_TEXT);
    default:
      return null;
  }
}
