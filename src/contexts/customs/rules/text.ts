import { z } from 'zod';

/** The three languages of the platform: Simplified Chinese, Traditional Chinese (Taiwan usage), English. */
export const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'zh-TW' || v === 'en';
}

const nonEmpty = z.string().trim().min(1, { error: 'must be a non-empty string' });

/** A text in all three languages. zh-TW is written by hand in Taiwan usage, never machine-converted. */
export const LocalizedTextSchema = z.strictObject({ 'zh-CN': nonEmpty, 'zh-TW': nonEmpty, en: nonEmpty });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A public source relied on, cited in the data files. */
export const SourceSchema = z.strictObject({
  title: nonEmpty,
  url: z.url().optional(),
  usedFor: nonEmpty,
});
export type Source = z.infer<typeof SourceSchema>;

/** `YYYY-MM-DD` (a date of the Chinese calendar, Beijing time). */
export const IsoDateSchema = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 110000 → "110,000" (the grouping used in notes in every language). */
export function formatCount(n: number): string {
  return GROUPED.format(n);
}

/** Turns a zod issue path into the dotted field name used in error messages (`a.b[2].c`). */
export function fieldName(path: readonly PropertyKey[], root: string): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? root : out;
}

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** `{ field, message }` for each zod issue; an unknown key becomes `parent.key: unknown field`. */
export function describeIssues(issues: readonly IssueLike[], root: string): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) out.push({ field: fieldName([...issue.path, key], root), message: 'unknown field' });
    } else {
      out.push({ field: fieldName(issue.path, root), message: issue.message });
    }
  }
  return out;
}
