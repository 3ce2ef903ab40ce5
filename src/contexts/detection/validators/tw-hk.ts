/**
 * Taiwan and Hong Kong identity numbers.
 *
 * Taiwan 國民身分證統一編號: area letter + gender digit (1 male, 2 female) + 7 serial digits +
 * check digit. The letter maps to a two-digit number (A=10 … H=17, I=34, J=18 … N=22, O=35,
 * P=23 … V=29, W=32, X=30, Y=31, Z=33); with weights 1,9 on its digits and 8,7,…,1,1 on the nine
 * digits, the weighted sum is a multiple of 10. Since 2021-01-02 the National Immigration Agency
 * issues foreign residents' UI numbers in the same scheme with gender digit 8 or 9 (NIA, "New UI
 * No. Format for Foreign Nationals"); they are accepted as `medium`, since the document is a
 * resident certificate rather than a national ID card.
 *
 * Hong Kong identity card: one or two letters + 6 digits + check character (0-9 or A), usually
 * written with the check character in parentheses. Letters A=10 … Z=35, a missing first letter
 * counts as a space = 36; weights 9…2 over the eight positions; check = (11 − Σ mod 11) mod 11,
 * where 10 is written A.
 */
import { CC_0, FAIL, ok, upperLetterCode } from './internal.ts';
import type { ValidationResult } from './types.ts';

/** Taiwan area-letter values, indexed by letter (A=0 … Z=25). */
const TW_LETTER_VALUES = new Uint8Array([
  10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33,
]);

/** `tw_national_id`: letter + 1/2 (or 8/9 for new-style UI numbers) + 8 digits, mod-10 check. */
export function validateTwNationalId(value: string): ValidationResult {
  if (value.length !== 10) return FAIL.length;
  const letter = upperLetterCode(value.charCodeAt(0));
  if (letter < 0) return FAIL.format;
  const gender = value.charCodeAt(1) - CC_0;
  if (gender < 0 || gender > 9) return FAIL.format;
  if (gender !== 1 && gender !== 2 && gender !== 8 && gender !== 9) return FAIL.prefix;
  const lv = TW_LETTER_VALUES[letter - 65] as number;
  let sum = ((lv / 10) | 0) + (lv % 10) * 9 + gender * 8;
  for (let i = 2; i < 9; i++) {
    const d = value.charCodeAt(i) - CC_0;
    if (d < 0 || d > 9) return FAIL.format;
    sum += d * (9 - i);
  }
  const check = value.charCodeAt(9) - CC_0;
  if (check < 0 || check > 9) return FAIL.format;
  sum += check;
  if (sum % 10 !== 0) return FAIL.checksum;
  const normalized = value.charCodeAt(0) === letter ? value : String.fromCharCode(letter) + value.slice(1);
  return ok(normalized, gender === 1 || gender === 2 ? 'strong' : 'medium');
}

/**
 * `hk_id`: `A123456(3)`, `A1234563`, `AB123456(9)`, `AB1234569` (full-width parentheses and lower
 * case accepted). `normalized` is the compact upper-case form without parentheses, e.g. `A1234563`.
 */
export function validateHkId(value: string): ValidationResult {
  const n = value.length;
  if (n < 8 || n > 11) return FAIL.length;
  let end = n;
  // Optional parentheses around the check character.
  const lastCode = value.charCodeAt(n - 1);
  if (lastCode === 41 || lastCode === 0xff09) {
    const open = value.charCodeAt(n - 3);
    if (!((lastCode === 41 && open === 40) || (lastCode === 0xff09 && open === 0xff08))) return FAIL.format;
    end = n - 3; // body ends before '('
  }
  const checkChar = end === n ? value.charCodeAt(n - 1) : value.charCodeAt(n - 2);
  const bodyLen = end === n ? n - 1 : end;
  if (bodyLen !== 7 && bodyLen !== 8) return FAIL.length;
  const letters = bodyLen - 6;
  let sum: number;
  const l1 = upperLetterCode(value.charCodeAt(0));
  if (l1 < 0) return FAIL.format;
  if (letters === 1) sum = 36 * 9 + (l1 - 55) * 8;
  else {
    const l2 = upperLetterCode(value.charCodeAt(1));
    if (l2 < 0) return FAIL.format;
    sum = (l1 - 55) * 9 + (l2 - 55) * 8;
  }
  for (let i = 0; i < 6; i++) {
    const d = value.charCodeAt(letters + i) - CC_0;
    if (d < 0 || d > 9) return FAIL.format;
    sum += d * (7 - i);
  }
  let checkValue: number;
  if (checkChar >= 48 && checkChar <= 57) checkValue = checkChar - CC_0;
  else if (checkChar === 65 || checkChar === 97) checkValue = 10;
  else return FAIL.format;
  if ((11 - (sum % 11)) % 11 !== checkValue) return FAIL.checksum;
  const normalized = value.slice(0, bodyLen).toUpperCase() + (checkValue === 10 ? 'A' : String.fromCharCode(checkValue + CC_0));
  return ok(normalized, 'strong');
}
