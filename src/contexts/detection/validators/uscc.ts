/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * 18 characters over the 31 symbols `0-9 A-H J-N P-R T U W-Y` (no I O Z S V):
 * 1 registration-authority code + 1 organisation-type code + 6-digit administrative-division code
 * of the registering authority + 9-character organisation code + check character.
 * Weights are 3^(i-1) mod 31; check = (31 − Σ mod 31) mod 31. (Pages that call it "mod 11" are
 * wrong.)
 *
 * Division codes: the six digits must start with a mainland province prefix (or 10, used by
 * central-level registrations such as 100000); a code that is on the GB/T 2260 list gives
 * `strong`, any other `medium` with reason `address_code`.
 */
import { isKnownDivisionCode, isMainlandProvince } from './admin-divisions.ts';
import { CC_0, FAIL, hasLowerAscii, ok } from './internal.ts';
import type { ValidationResult } from './types.ts';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = new Uint8Array([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);

/** Symbol value by char code (upper and lower case), -1 if not in the alphabet. */
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) {
  const c = USCC_ALPHABET.charCodeAt(i);
  VALUES[c] = i;
  if (c >= 65) VALUES[c + 32] = i;
}

function symbolValue(c: number): number {
  return c < 128 ? (VALUES[c] as number) : -1;
}

/** The check character for the first 17 symbols (which must be valid alphabet symbols). */
export function usccCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += symbolValue(body.charCodeAt(i)) * (WEIGHTS[i] as number);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** `cn_uscc`. Lower-case input is accepted and upper-cased in `normalized`. */
export function validateCnUscc(value: string): ValidationResult {
  if (value.length !== 18) return FAIL.length;
  let sum = 0;
  let region = 0;
  for (let i = 0; i < 17; i++) {
    const c = value.charCodeAt(i);
    const v = symbolValue(c);
    if (v < 0) return FAIL.format;
    if (i >= 2 && i < 8) {
      const d = c - CC_0;
      if (d < 0 || d > 9) return FAIL.format;
      region = region * 10 + d;
    }
    sum += v * (WEIGHTS[i] as number);
  }
  const check = symbolValue(value.charCodeAt(17));
  if (check < 0) return FAIL.format;
  const province = (region / 10000) | 0;
  if (province !== 10 && !isMainlandProvince(province)) return FAIL.address_code;
  if ((31 - (sum % 31)) % 31 !== check) return FAIL.checksum;
  const normalized = hasLowerAscii(value) ? value.toUpperCase() : value;
  const regionKnown = region === 100000 || isKnownDivisionCode(region);
  return regionKnown ? ok(normalized, 'strong') : ok(normalized, 'medium', 'address_code');
}
