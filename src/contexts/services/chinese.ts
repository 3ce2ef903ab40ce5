/**
 * Simplified ↔ Traditional (Taiwan usage) for the whole service hall: item text, officers' free text in
 * notifications and ratings, and names typed in Traditional. Text is written in Simplified Chinese; the
 * Traditional text citizens read is generated with opencc-js `cn → twp` plus the reviewed
 * UI glossary (`web/src/i18n/zh-TW.glossary.json`) and the terms below, which keep the names of
 * mainland institutions and documents as the mainland calls them (in Traditional characters) instead of
 * the Taiwan word. Search input in Traditional is normalised back to Simplified (`tw → cn` plus the
 * glossary read backwards) before matching.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type OpenCCModule = { Converter: (o: { from: string; to: string }) => (s: string) => string };

/** Loaded on first use: OpenCC's dictionaries cost memory and a fraction of a second. */
const openCC = (): OpenCCModule => createRequire(import.meta.url)('opencc-js') as OpenCCModule;

interface Term {
  cn: string;
  tw: string;
}

/**
 * Mainland document and institution names that must not become Taiwan vocabulary, and service-hall
 * words opencc would turn into computer terms (代码 → 程式碼, 窗口 → 視窗).
 */
const ITEM_TERMS: Term[] = [
  { cn: '居民身份证', tw: '居民身份證' },
  { cn: '身份证明', tw: '身份證明' },
  { cn: '港澳台居民居住证', tw: '港澳臺居民居住證' },
  { cn: '台湾居民居住证', tw: '臺灣居民居住證' },
  { cn: '台湾居民来往大陆通行证', tw: '臺灣居民來往大陸通行證' },
  { cn: '台胞证', tw: '臺胞證' },
  { cn: '身份证号', tw: '身份證號' },
  { cn: '统一社会信用代码', tw: '統一社會信用代碼' },
  { cn: '窗口', tw: '窗口' },
];

const GLOSSARY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/src/i18n/zh-TW.glossary.json');

function loadTerms(): Term[] {
  let ui: Term[] = [];
  try {
    ui = (JSON.parse(fs.readFileSync(GLOSSARY_FILE, 'utf8')) as Term[]).filter((t) => t.cn && t.tw);
  } catch {
    // without the web tree only the item terms apply
  }
  const own = new Set(ITEM_TERMS.map((t) => t.cn));
  return [...ITEM_TERMS, ...ui.filter((t) => !own.has(t.cn))];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termConverter(terms: Map<string, string>, rest: (s: string) => string): (s: string) => string {
  const keys = [...terms.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${keys.map(escapeRegExp).join('|')})`, 'u');
  return (text) =>
    text
      .split(pattern)
      .map((part, i) => (i % 2 === 1 ? terms.get(part)! : rest(part)))
      .join('');
}

/** Mainland curly quotes → the corner brackets Taiwan writes; OpenCC leaves them (scripts/zh-tw.mjs does the same for the UI). */
const TAIWAN_QUOTES: Record<string, string> = { '“': '「', '”': '」', '‘': '『', '’': '』' };

let toTw: ((s: string) => string) | undefined;
let toCn: ((s: string) => string) | undefined;
const memo = new Map<string, string>();

/** Simplified Chinese → Traditional Chinese with Taiwan usage (glossary first, then OpenCC). */
export function toTaiwanTraditional(text: string): string {
  if (!toTw) {
    const terms = loadTerms();
    toTw = termConverter(new Map(terms.map((t) => [t.cn, t.tw])), openCC().Converter({ from: 'cn', to: 'twp' }));
  }
  // A catalog repeats much of its text (legal bases, steps, form labels): convert each string once.
  let out = memo.get(text);
  if (out === undefined) {
    if (memo.size >= 20_000) memo.clear();
    out = toTw(text).replace(/[“”‘’]/g, (q) => TAIWAN_QUOTES[q]!);
    memo.set(text, out);
  }
  return out;
}

/** Traditional (Taiwan or Hong Kong usage) → Simplified: search input, and names typed in Traditional (陳美玲 → 陈美玲). */
export function toSimplified(text: string): string {
  if (!toCn) {
    const terms = loadTerms();
    const tw = openCC().Converter({ from: 'twp', to: 'cn' });
    toCn = termConverter(new Map(terms.map((t) => [t.tw, t.cn])), (s) => tw(s));
  }
  return toCn(text);
}
