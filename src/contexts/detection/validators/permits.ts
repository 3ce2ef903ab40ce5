/**
 * Permits and travel documents.
 *
 * - 港澳台居民居住证 (since 2018): GB 11643 structure with address code 810000 (Hong Kong),
 *   820000 (Macao) or 830000 (Taiwan), real birth date and MOD 11-2 check. validator.js rejects
 *   830000 numbers and godlp's `[7-9]1` rejects 82/83; these validators accept them.
 * - 台湾居民来往大陆通行证 (台胞证): 8-digit lifelong number since 2008-09-25; older booklets wrote
 *   8 digits + 2-digit issue count + a bracketed issuing-authority letter. No public checksum, so
 *   the result is `weak` (needs context) unless the old bracketed form makes it distinctive.
 * - 港澳居民来往内地通行证 (回乡证): H (Hong Kong) / M (Macao) + 8-digit lifelong number, optionally
 *   + 2-digit renewal count (MPS 2010). No checksum.
 * - PRC ordinary passport: G + 8 digits (pre-2012 booklets) or E + letter/digit + 7 digits
 *   (e-passports; letters I and O are not used). No checksum.
 *
 * `normalized` of the permits without checksum is the lifelong part (it stays the same across
 * renewals), so one person is counted once.
 */
import { IdKind, validateId18 } from './cn-id.ts';
import { allDigits, CC_0, FAIL, hasLowerAscii, ok, upperLetterCode } from './internal.ts';
import type { ValidationResult } from './types.ts';

/** `hk_residence_permit`: 810000 + birth date + order + MOD 11-2. */
export function validateHkResidencePermit(value: string): ValidationResult {
  return validateId18(value, IdKind.HongKong);
}

/** `mo_residence_permit`: 820000 + birth date + order + MOD 11-2. */
export function validateMoResidencePermit(value: string): ValidationResult {
  return validateId18(value, IdKind.Macao);
}

/** `tw_residence_permit`: 830000 + birth date + order + MOD 11-2. */
export function validateTwResidencePermit(value: string): ValidationResult {
  return validateId18(value, IdKind.Taiwan);
}

/**
 * `tw_travel_permit` (台胞证). Accepted forms:
 * - `12345678` (lifelong number) → weak;
 * - `1234567801` (old booklet: + 2-digit issue count) → weak;
 * - `1234567801(B)`, `1234567801B`, `12345678(B)` (old booklet with issuing-authority letter) → medium.
 * `normalized` is the 8-digit lifelong number.
 */
export function validateTwTravelPermit(value: string): ValidationResult {
  const n = value.length;
  if (n === 8) {
    return allDigits(value, 0, 8) ? ok(value, 'weak') : FAIL.format;
  }
  if (n === 10) {
    return allDigits(value, 0, 10) ? ok(value.slice(0, 8), 'weak') : FAIL.format;
  }
  // Old forms with an authority letter, bare or in ASCII/full-width parentheses.
  if (n < 9 || n > 13) return FAIL.length;
  let digits = 0;
  while (digits < n) {
    const c = value.charCodeAt(digits);
    if (c < 48 || c > 57) break;
    digits++;
  }
  if (digits !== 8 && digits !== 10) return FAIL.format;
  const rest = n - digits;
  let letterAt: number;
  if (rest === 1) letterAt = digits;
  else if (rest === 3) {
    const open = value.charCodeAt(digits);
    const close = value.charCodeAt(digits + 2);
    const ascii = open === 40 && close === 41;
    const wide = open === 0xff08 && close === 0xff09;
    if (!ascii && !wide) return FAIL.format;
    letterAt = digits + 1;
  } else return FAIL.format;
  if (upperLetterCode(value.charCodeAt(letterAt)) < 0) return FAIL.format;
  return ok(value.slice(0, 8), 'medium');
}

/**
 * `hkmo_home_return_permit` (回乡证): H/M + 8 digits, optionally + 2-digit renewal count.
 * `normalized` is the 9-character lifelong part in upper case.
 */
export function validateHkmoHomeReturnPermit(value: string): ValidationResult {
  const n = value.length;
  if (n !== 9 && n !== 11) return FAIL.length;
  const first = upperLetterCode(value.charCodeAt(0));
  if (first !== 72 /* H */ && first !== 77 /* M */) return FAIL.prefix;
  if (!allDigits(value, 1, n)) return FAIL.format;
  const lifelong = String.fromCharCode(first) + value.slice(1, 9);
  return ok(lifelong, 'weak');
}

/**
 * `cn_passport`: `G` + 8 digits, or `E` + (letter except I/O, or digit) + 7 digits.
 * Lower-case input is accepted and upper-cased.
 */
export function validateCnPassport(value: string): ValidationResult {
  if (value.length !== 9) return FAIL.length;
  const first = upperLetterCode(value.charCodeAt(0));
  if (first === 71 /* G */) {
    if (!allDigits(value, 1, 9)) return FAIL.format;
  } else if (first === 69 /* E */) {
    const c = value.charCodeAt(1);
    const isDigit = c >= CC_0 && c <= CC_0 + 9;
    const letter = upperLetterCode(c);
    if (!isDigit && (letter < 0 || letter === 73 /* I */ || letter === 79 /* O */)) return FAIL.format;
    if (!allDigits(value, 2, 9)) return FAIL.format;
  } else return FAIL.prefix;
  return ok(hasLowerAscii(value) ? value.toUpperCase() : value, 'weak');
}
