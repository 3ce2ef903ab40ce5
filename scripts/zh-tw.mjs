/**
 * Simplified Chinese (zh-CN) → Traditional Chinese with Taiwan usage (zh-TW) for the web UI catalogs.
 * opencc-js converts characters and common Taiwan phrases ('cn' → 'twp'); the reviewed glossary in
 * web/src/i18n/zh-TW.glossary.json then decides the terms where opencc's choice is wrong for this UI.
 * Glossary terms are matched in the Simplified source, longest first, and are not passed through opencc.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';

const i18nDir = path.join(import.meta.dirname, '..', 'web', 'src', 'i18n');

export const paths = {
  source: path.join(i18nDir, 'zh-CN.json'),
  glossary: path.join(i18nDir, 'zh-TW.glossary.json'),
  target: path.join(i18nDir, 'zh-TW.json'),
};

const opencc = OpenCC.Converter({ from: 'cn', to: 'twp' });

/** opencc's own rendering of a Simplified string, without the glossary. */
export function openccToTaiwan(text) {
  return opencc(text);
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Mainland curly quotes → the corner brackets Taiwan writes (“…” → 「…」, ‘…’ → 『…』); opencc leaves them. */
export function taiwanQuotes(text) {
  return text.replace(/[“”‘’]/g, (q) => ({ '“': '「', '”': '」', '‘': '『', '’': '』' })[q]);
}

/** Returns a function converting one Simplified string to Taiwan Traditional, glossary first. */
export function createConverter(glossary) {
  const terms = new Map(glossary.map((g) => [g.cn, g.tw]));
  if (terms.size === 0) return (text) => taiwanQuotes(openccToTaiwan(text));
  const keys = [...terms.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${keys.map(escapeRegExp).join('|')})`, 'u');
  return (text) =>
    taiwanQuotes(
      text
        .split(pattern)
        .map((part, i) => (i % 2 === 1 ? terms.get(part) : opencc(part)))
        .join(''),
    );
}

/** Converts every message of a catalog, keeping key order. */
export function convertCatalog(catalog, glossary) {
  const convert = createConverter(glossary);
  return Object.fromEntries(Object.entries(catalog).map(([k, v]) => [k, convert(v)]));
}

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The zh-TW catalog as the generator produces it from the files on disk now. */
export function generateZhTw() {
  return convertCatalog(readJson(paths.source), readJson(paths.glossary));
}

export function serialize(catalog) {
  return JSON.stringify(catalog, null, 2) + '\n';
}
