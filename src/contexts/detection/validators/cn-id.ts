/**
 * Mainland resident ID numbers (居民身份证号码, GB 11643-1999) and the shared core of the
 * 港澳台居民居住证 numbers, which use the same 18-character structure.
 *
 * 18 characters: 6-digit address code + YYYYMMDD birth date + 3-digit order code (odd = male) +
 * ISO 7064 MOD 11-2 check character (0-9 or X). Weights are 2^(17-i) mod 11; the check character
 * is "10X98765432"[Σ mod 11].
 *
 * Legacy 15-digit numbers (GB 11643-1989): 6-digit address code + YYMMDD (19YY) + 3-digit order
 * code, no check character. They are upgraded to 18 digits in `normalized`, which is what the
 * person's current number is (same address code, century inserted, check character appended).
 *
 * Prefixes 81/82/83 are the residence permits of Hong Kong, Macao and Taiwan residents
 * (address codes 810000/820000/830000) and are reported as those types, never as
 * `cn_resident_id`.
 */
import { isKnownDivisionCode, isMainlandProvince, PERMIT_ADDRESS_CODES } from './admin-divisions.ts';
import { CC_0, FAIL, isFutureDateKeyCst, isValidDate, ok } from './internal.ts';
import type { DetectorTypeId, ValidationResult } from './types.ts';

/** MOD 11-2 weights for positions 1..17: 2^(17-i) mod 11. */
const WEIGHTS = new Uint8Array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
const CHECK_CHARS = '10X98765432';

/** Which kind of 18-character number the caller accepts. */
export const IdKind = Object.freeze({ Resident: 0, HongKong: 1, Macao: 2, Taiwan: 3 } as const);
export type IdKind = (typeof IdKind)[keyof typeof IdKind];

const PERMIT_CODE_BY_KIND = [0, PERMIT_ADDRESS_CODES.hk, PERMIT_ADDRESS_CODES.mo, PERMIT_ADDRESS_CODES.tw];

/** The MOD 11-2 check character for the first 17 digits of `body` (which must be digits). */
export function mod11_2CheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - CC_0) * (WEIGHTS[i] as number);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates an 18-character GB 11643 number of the given kind. Check order (and so the reported
 * reason): format → prefix → address_code → date → checksum.
 */
export function validateId18(value: string, kind: IdKind): ValidationResult {
  if (value.length !== 18) return FAIL.length;
  let sum = 0;
  let code6 = 0;
  for (let i = 0; i < 17; i++) {
    const d = value.charCodeAt(i) - CC_0;
    if (d < 0 || d > 9) return FAIL.format;
    sum += d * (WEIGHTS[i] as number);
    if (i < 6) code6 = code6 * 10 + d;
  }
  const last = value.charCodeAt(17);
  let checkValue: number;
  if (last >= 48 && last <= 57) checkValue = last - CC_0;
  else if (last === 88 || last === 120) checkValue = 10; // X or x
  else return FAIL.format;

  const province = (code6 / 10000) | 0;
  const isPermitPrefix = province === 81 || province === 82 || province === 83;
  if (kind === IdKind.Resident) {
    if (isPermitPrefix) return FAIL.prefix;
    if (!isMainlandProvince(province)) return FAIL.address_code;
  } else {
    const expected = PERMIT_CODE_BY_KIND[kind] as number;
    if (((expected / 10000) | 0) !== province) return FAIL.prefix;
    if (code6 !== expected) return FAIL.address_code;
  }

  const y = (value.charCodeAt(6) - CC_0) * 1000 + (value.charCodeAt(7) - CC_0) * 100 + (value.charCodeAt(8) - CC_0) * 10 + (value.charCodeAt(9) - CC_0);
  const m = (value.charCodeAt(10) - CC_0) * 10 + (value.charCodeAt(11) - CC_0);
  const d = (value.charCodeAt(12) - CC_0) * 10 + (value.charCodeAt(13) - CC_0);
  if (y < 1900 || !isValidDate(y, m, d) || isFutureDateKeyCst(y * 10000 + m * 100 + d)) return FAIL.date;

  // Check value of the MOD 11-2 character: "10X98765432"[r] has value (12 - r) mod 11.
  if ((12 - (sum % 11)) % 11 !== checkValue) return FAIL.checksum;

  const normalized = last === 120 ? value.slice(0, 17) + 'X' : value;
  if (kind !== IdKind.Resident) return ok(normalized, 'strong');
  return isKnownDivisionCode(code6) ? ok(normalized, 'strong') : ok(normalized, 'medium', 'address_code');
}

/**
 * Validates a legacy 15-digit resident ID number (no check character). `normalized` is the
 * 18-digit upgrade. Strength is at most `medium` since nothing in it is a checksum.
 */
export function validateId15(value: string): ValidationResult {
  if (value.length !== 15) return FAIL.length;
  let code6 = 0;
  for (let i = 0; i < 15; i++) {
    const d = value.charCodeAt(i) - CC_0;
    if (d < 0 || d > 9) return FAIL.format;
    if (i < 6) code6 = code6 * 10 + d;
  }
  const province = (code6 / 10000) | 0;
  if (province === 81 || province === 82 || province === 83) return FAIL.prefix;
  if (!isMainlandProvince(province)) return FAIL.address_code;
  const y = 1900 + (value.charCodeAt(6) - CC_0) * 10 + (value.charCodeAt(7) - CC_0);
  const m = (value.charCodeAt(8) - CC_0) * 10 + (value.charCodeAt(9) - CC_0);
  const d = (value.charCodeAt(10) - CC_0) * 10 + (value.charCodeAt(11) - CC_0);
  if (!isValidDate(y, m, d)) return FAIL.date;
  const body = value.slice(0, 6) + '19' + value.slice(6);
  const normalized = body + mod11_2CheckChar(body);
  return isKnownDivisionCode(code6) ? ok(normalized, 'medium') : ok(normalized, 'weak', 'address_code');
}

/** `cn_resident_id`: 18-character numbers and legacy 15-digit numbers. */
export function validateCnResidentId(value: string): ValidationResult {
  const n = value.length;
  if (n === 18) return validateId18(value, IdKind.Resident);
  if (n === 15) return validateId15(value);
  return FAIL.length;
}

/**
 * Which GB 11643-style type an 18- or 15-character number belongs to, judged by its prefix
 * (81/82/83 → permits, otherwise resident ID), together with the validation for that type.
 * For recognisers that extracted an 18-character candidate and must pick the type.
 */
export function classifyGb11643Number(value: string): { type: DetectorTypeId; result: ValidationResult } {
  const p0 = value.charCodeAt(0);
  const p1 = value.charCodeAt(1);
  if (value.length === 18 && p0 === 56 /* 8 */) {
    if (p1 === 49) return { type: 'hk_residence_permit', result: validateId18(value, IdKind.HongKong) };
    if (p1 === 50) return { type: 'mo_residence_permit', result: validateId18(value, IdKind.Macao) };
    if (p1 === 51) return { type: 'tw_residence_permit', result: validateId18(value, IdKind.Taiwan) };
  }
  return { type: 'cn_resident_id', result: validateCnResidentId(value) };
}
