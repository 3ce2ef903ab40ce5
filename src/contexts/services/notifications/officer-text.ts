/**
 * Free text an officer writes (a rejection reason, a correction note, a follow-up answer) is stored
 * exactly as written, in Simplified Chinese, and rendered per reader:
 *
 * - zh-CN: as written;
 * - zh-TW: opencc-js `cn → twp` (characters plus Taiwan phrases), with the reviewed UI glossary
 *   (`web/src/i18n/zh-TW.glossary.json`) and the service-hall terms below taking precedence, longest
 *   term first (the same method as `scripts/zh-tw.mjs`, which generates the UI catalog);
 * - en: as written, marked "(原文)" — machine translation of a legal reason into English could change
 *   its meaning, so the English reader sees the officer's own words and knows they are the original.
 *
 * The conversion is one-way and only for display: the stored text never changes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../../kernel/principal.ts';

type OpenCCModule = { Converter: (o: { from: string; to: string }) => (s: string) => string };

/** The marker an English reader sees after an officer's untranslated words. */
export const ORIGINAL_TEXT_MARKER = '(原文)';

/**
 * Mainland institutions and documents keep their mainland names (in Traditional characters), and
 * service-hall words opencc renders as computer terms keep their everyday sense.
 */
export const SERVICE_TERMS: readonly { cn: string; tw: string; note: string }[] = [
  { cn: '居民身份证', tw: '居民身份證', note: 'the mainland ID card keeps its name; the UI glossary writes Taiwan’s 身分證' },
  { cn: '身份证号', tw: '身份證號', note: 'the number of a mainland ID card' },
  { cn: '统一社会信用代码', tw: '統一社會信用代碼', note: 'opencc gives 程式碼 (source code)' },
  { cn: '窗口', tw: '窗口', note: 'a service counter; opencc gives 視窗 (a computer window)' },
];

const GLOSSARY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/src/i18n/zh-TW.glossary.json');

let converter: ((text: string) => string) | null = null;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildConverter(): (text: string) => string {
  // Loaded on first use: OpenCC's dictionaries cost ~14 MB and a fraction of a second.
  const OpenCC = createRequire(import.meta.url)('opencc-js') as OpenCCModule;
  const opencc = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const glossary = JSON.parse(readFileSync(GLOSSARY_FILE, 'utf8')) as { cn: string; tw: string }[];
  const terms = new Map<string, string>();
  for (const g of glossary) terms.set(g.cn, g.tw);
  for (const g of SERVICE_TERMS) terms.set(g.cn, g.tw);
  const keys = [...terms.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${keys.map(escapeRegExp).join('|')})`, 'u');
  return (text) =>
    text
      .split(pattern)
      .map((part, i) => (i % 2 === 1 ? terms.get(part)! : part === '' ? '' : opencc(part)))
      .join('');
}

/** Simplified → Traditional with Taiwan usage (opencc `cn → twp` + the reviewed glossaries). */
export function toTaiwanTraditional(text: string): string {
  converter ??= buildConverter();
  return converter(text);
}

/** An officer's Simplified text as a reader in `locale` sees it. */
export function officerTextFor(text: string, locale: Locale): string {
  if (locale === 'zh-TW') return toTaiwanTraditional(text);
  if (locale === 'en') return `${text} ${ORIGINAL_TEXT_MARKER}`;
  return text;
}
