/**
 * Character classes for the hand-written scanners. Hot-path code: table lookups only.
 *
 * `norm(c)` maps a UTF-16 code unit to the code unit used for dictionary matching: Traditional
 * Chinese → Simplified (character by character, so offsets never move; built lazily from OpenCC,
 * see `normalize.ts`) and ASCII upper case → lower case. Spans always refer to the original text.
 */
import { t2sTable } from './normalize.ts';

export const C_DIGIT = 1;
export const C_UPPER = 2;
export const C_LOWER = 4;
export const C_LETTER = C_UPPER | C_LOWER;
export const C_ALNUM = C_DIGIT | C_LETTER;

/** ASCII class table (index = char code < 128). */
export const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = C_DIGIT;
for (let c = 65; c <= 90; c++) ASCII[c] = C_UPPER;
for (let c = 97; c <= 122; c++) ASCII[c] = C_LOWER;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiAlnum(c: number): boolean {
  return c < 128 && ASCII[c] !== 0;
}

/** CJK unified ideographs (BMP blocks incl. Extension A and compatibility ideographs). */
export function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** Whitespace incl. the ideographic space and no-break space. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

/** Middle dots used between the parts of transliterated names (阿卜杜拉·买买提). */
export function isNameDot(c: number): boolean {
  return c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0xff65 || c === 0x2027 || c === 0x2219;
}

/** Chinese numerals that appear in addresses (五段, 三楼, 十二号). */
export function isCjkNumeral(c: number): boolean {
  switch (c) {
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
    case 0x767e: // 百
    case 0x96f6: // 零
    case 0x3007: // 〇
    case 0x4e24: // 两
      return true;
    default:
      return false;
  }
}

/** Full-width ASCII digits ０-９. */
export function isWideDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}

/** Normalised code unit for dictionary matching (Traditional→Simplified, ASCII lower case). */
export function norm(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xff01 && c <= 0xff5e) {
    // Full-width ASCII forms → ASCII (lower case for letters).
    const a = c - 0xfee0;
    return a >= 65 && a <= 90 ? a + 32 : a;
  }
  return t2sTable()[c] as number;
}

/** The normalised form of text[s, e) (the slice itself when nothing changes). */
export function normSlice(text: string, s: number, e: number): string {
  let same = true;
  for (let k = s; k < e && same; k++) if (norm(text.charCodeAt(k)) !== text.charCodeAt(k)) same = false;
  if (same) return text.slice(s, e);
  let out = '';
  for (let k = s; k < e; k++) out += String.fromCharCode(norm(text.charCodeAt(k)));
  return out;
}

/** True when text[at …] normalised starts with `w` (a normalised word). */
export function startsWithNorm(text: string, at: number, w: string): boolean {
  if (at < 0 || at + w.length > text.length) return false;
  for (let i = 0; i < w.length; i++) if (norm(text.charCodeAt(at + i)) !== w.charCodeAt(i)) return false;
  return true;
}

/** The normalised form of a whole string (same length). */
export function normString(s: string): string {
  let out = '';
  let changed = false;
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const n = norm(c);
    if (n !== c) changed = true;
    codes.push(n);
  }
  if (!changed) return s;
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** Full-width forms folded by `foldWidth`: digits, Latin letters and ＋ － ． ＠. */
function isFoldable(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0xff0b || c === 0xff0d || c === 0xff0e || c === 0xff20;
}

/**
 * The text with full-width digits, Latin letters and ＋ － ． ＠ replaced by their ASCII forms
 * (３５０１２８… → 350128…, as Chinese input methods and Excel exports write them); the same string
 * when there are none. One UTF-16 unit for one, so offsets into the result are offsets into `text`.
 * Full-width punctuation (，：（）) is left alone: the recognisers read it as it is.
 */
export function foldWidth(text: string): string {
  const n = text.length;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff0b && c <= 0xff5a && isFoldable(c)) break; // one comparison for ASCII and CJK
  }
  if (i === n) return text;
  let out = text.slice(0, i);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    out += String.fromCharCode(isFoldable(c) ? c - 0xfee0 : c);
  }
  return out;
}
