/**
 * Vehicles: mainland licence plates (`cn_license_plate`) and vehicle identification numbers
 * (`vin`).
 *
 * Plates (GA 36): province abbreviation + issuing-authority letter (no I/O) + serial.
 * - ordinary: 5 serial chars from `A-H J-N P-Z 0-9` (7 chars in all);
 * - suffix plates: 4 serial chars + 挂 (trailer), 学 (driving school), 警 (police), 领 (consulate),
 *   港/澳 (粤Z cross-border plates);
 * - new-energy (8 chars): small cars `京AD12345`/`京AFA1234` (energy letter 3rd, then a letter or
 *   digit, then 4 digits), large vehicles `京A12345D` (5 digits, energy letter last). Energy
 *   letters are D (battery-electric) and F (other) and, in the extended series, A B C E / G H J K;
 * - embassy plates: 使 + 6 digits.
 * Separators `·` `•` `-` `.` and spaces are ignored; ASCII letters are upper-cased.
 * Format-only checks, so plates are `medium`. Not covered: military (军), armed police (WJ),
 * temporary (临) and 应急 plates.
 *
 * VIN (ISO 3779 / GB 16735): 17 chars without I, O, Q. Position 9 is the check digit: letters are
 * transliterated (A=1 … H=8, J=1 … N=5, P=7, R=9, S=2 … Z=9), weighted
 * 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum mod 11, 10 written X. Mainland (GB 16735) and North
 * American VINs carry it; many European and other VINs do not, so a mismatch still gives a valid
 * result, `weak` with reason `checksum`. A VIN with no letters at all (e.g. 11111111111111111,
 * which passes the check) is `weak` with reason `format`.
 */
import { CC_0, FAIL, ok, upperLetterCode } from './internal.ts';
import type { ValidationResult } from './types.ts';

// ---------------------------------------------------------------------------------------------
// cn_license_plate

const PROVINCE_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const provinceCodes = new Set<number>();
for (let i = 0; i < PROVINCE_CHARS.length; i++) provinceCodes.add(PROVINCE_CHARS.charCodeAt(i));

const CH_SHI = 0x4f7f; // 使
const CH_YUE = 0x7ca4; // 粤
const CH_GUA = 0x6302; // 挂
const CH_XUE = 0x5b66; // 学
const CH_JING = 0x8b66; // 警
const CH_LING = 0x9886; // 领
const CH_GANG = 0x6e2f; // 港
const CH_AO = 0x6fb3; // 澳

function isPlateSeparator(c: number): boolean {
  return c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0xff0e || c === 46 || c === 45 || c === 32 || c === 0x3000 || c === 0xff65;
}

/** Serial char: digit or letter except I and O (codes already upper-cased). */
function isSerialChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90 && c !== 73 && c !== 79);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Energy letters of new-energy plates: D, F and the extended A B C E G H J K. */
function isEnergyLetter(c: number): boolean {
  return c >= 65 && c <= 75 && c !== 73; // A-K without I
}

const plate = new Uint16Array(16);

/** `cn_license_plate`. `normalized` has separators removed, e.g. `京A12345`. */
export function validateCnLicensePlate(value: string): ValidationResult {
  const n = value.length;
  if (n < 7 || n > 14) return FAIL.length;
  let len = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    let c = value.charCodeAt(i);
    if (isPlateSeparator(c)) {
      if (len === 0) return FAIL.format;
      changed = true;
      continue;
    }
    if (c >= 97 && c <= 122) {
      c -= 32;
      changed = true;
    }
    if (len === 8) return FAIL.length;
    plate[len++] = c;
  }
  if (len < 7) return FAIL.length;
  const first = plate[0] as number;
  if (first === CH_SHI) {
    if (len !== 7) return FAIL.length;
    for (let i = 1; i < 7; i++) if (!isDigitCode(plate[i] as number)) return FAIL.format;
    return ok(changed ? String.fromCharCode(...plate.subarray(0, len)) : value, 'medium');
  }
  if (!provinceCodes.has(first)) return FAIL.prefix;
  const authority = plate[1] as number;
  if (authority < 65 || authority > 90 || authority === 73 || authority === 79) return FAIL.format;
  if (len === 7) {
    const last = plate[6] as number;
    for (let i = 2; i < 6; i++) if (!isSerialChar(plate[i] as number)) return FAIL.format;
    if (last === CH_GANG || last === CH_AO) {
      if (first !== CH_YUE || authority !== 90 /* Z */) return FAIL.prefix;
    } else if (last !== CH_GUA && last !== CH_XUE && last !== CH_JING && last !== CH_LING && !isSerialChar(last)) {
      return FAIL.format;
    }
  } else {
    // New-energy plates.
    const p2 = plate[2] as number;
    if (isEnergyLetter(p2)) {
      if (!isSerialChar(plate[3] as number)) return FAIL.format;
      for (let i = 4; i < 8; i++) if (!isDigitCode(plate[i] as number)) return FAIL.format;
    } else {
      for (let i = 2; i < 7; i++) if (!isDigitCode(plate[i] as number)) return FAIL.format;
      if (!isEnergyLetter(plate[7] as number)) return FAIL.format;
    }
  }
  return ok(changed ? String.fromCharCode(...plate.subarray(0, len)) : value, 'medium');
}

// ---------------------------------------------------------------------------------------------
// vin

/** Transliteration values by char code (upper and lower case); -1 = not allowed (I, O, Q, other). */
const VIN_VALUES = new Int8Array(128).fill(-1);
{
  for (let i = 0; i < 10; i++) VIN_VALUES[48 + i] = i;
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    VIN_VALUES[c] = values[i] as number;
    VIN_VALUES[c + 32] = values[i] as number;
  }
}
const VIN_WEIGHTS = new Uint8Array([8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]);

/** The ISO 3779 check character (0-9 or X) for a 17-char VIN, or '' if a char is not allowed. */
export function vinCheckChar(vin: string): string {
  if (vin.length !== 17) return '';
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin.charCodeAt(i);
    const v = c < 128 ? (VIN_VALUES[c] as number) : -1;
    if (v < 0) return '';
    sum += v * (VIN_WEIGHTS[i] as number);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String.fromCharCode(CC_0 + r);
}

/** `vin`: see the module comment. `normalized` is upper case. */
export function validateVin(value: string): ValidationResult {
  if (value.length !== 17) return FAIL.length;
  let sum = 0;
  let letters = 0;
  let lower = false;
  for (let i = 0; i < 17; i++) {
    const c = value.charCodeAt(i);
    const v = c < 128 ? (VIN_VALUES[c] as number) : -1;
    if (v < 0) return FAIL.format;
    if (c > 57) {
      letters++;
      if (c >= 97) lower = true;
    }
    sum += v * (VIN_WEIGHTS[i] as number);
  }
  const r = sum % 11;
  const checkCode = upperLetterCode(value.charCodeAt(8));
  const actual = checkCode >= 0 ? checkCode : value.charCodeAt(8);
  const expected = r === 10 ? 88 /* X */ : CC_0 + r;
  const normalized = lower ? value.toUpperCase() : value;
  if (letters === 0) return ok(normalized, 'weak', 'format');
  return actual === expected ? ok(normalized, 'strong') : ok(normalized, 'weak', 'checksum');
}
