/**
 * Free text an officer writes (a rejection reason, a correction note, a follow-up answer) is stored
 * exactly as written, in Simplified Chinese, and rendered per reader:
 *
 * - zh-CN: as written;
 * - zh-TW: the service hall's one converter (`../chinese.ts`: opencc-js `cn → twp` with the reviewed
 *   glossary and the mainland institution names taking precedence);
 * - en: as written, marked "(原文)" — machine translation of a legal reason into English could change
 *   its meaning, so the English reader sees the officer's own words and knows they are the original.
 *
 * The conversion is one-way and only for display: the stored text never changes.
 */
import type { Locale } from '../../../kernel/principal.ts';
import { toTaiwanTraditional } from '../chinese.ts';

/** The marker an English reader sees after an officer's untranslated words. */
export const ORIGINAL_TEXT_MARKER = '(原文)';

/** An officer's Simplified text as a reader in `locale` sees it. */
export function officerTextFor(text: string, locale: Locale): string {
  if (locale === 'zh-TW') return toTaiwanTraditional(text);
  if (locale === 'en') return `${text} ${ORIGINAL_TEXT_MARKER}`;
  return text;
}
