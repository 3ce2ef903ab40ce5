/**
 * Payment card numbers (`bank_card`).
 *
 * 16-19 digits (spaces or hyphens between digit groups allowed). The Luhn check raises confidence
 * but is not required: some real UnionPay debit cards (Bank of Jiangsu, BoCom, ICBC) fail it
 * (hutool #2510/#3611, braintree/card-validator #112), so a number with a known issuer prefix is
 * still valid (`weak`, reason `checksum`) when Luhn fails.
 *
 * | Luhn | issuer prefix (BIN) | result                        |
 * |------|---------------------|-------------------------------|
 * | pass | known               | valid, `medium`               |
 * | pass | unknown             | valid, `weak`, reason prefix  |
 * | fail | known               | valid, `weak`, reason checksum|
 * | fail | unknown             | invalid, reason checksum      |
 *
 * Known prefixes: 62 (UnionPay), 60 and 65 and 644-649 (Discover range, incl. mainland domestic
 * 60xxxx BINs such as BOC Great Wall 6013), 4 (Visa), 51-55 and 2221-2720 (Mastercard),
 * 3528-3589 (JCB), 9 (mainland legacy domestic BINs such as ICBC 9558). A leading 0 is never a
 * card number.
 *
 * Note for recognisers: an 18-digit mainland ID number starting with 4/5/6 can also pass here;
 * prefer `cn_resident_id` when that validates `strong`.
 */
import { CC_0, FAIL, ok } from './internal.ts';
import type { ValidationResult } from './types.ts';

const cardDigits = new Uint8Array(19);

/** Luhn (mod 10) over digits[0, len). */
function luhnOk(digits: Uint8Array, len: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = len - 1; i >= 0; i--) {
    let d = digits[i] as number;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** True when the Luhn check passes for a string of digits (non-digits make it false). */
export function luhnCheck(value: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = value.length - 1; i >= 0; i--) {
    let d = value.charCodeAt(i) - CC_0;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return value.length > 0 && sum % 10 === 0;
}

function knownIssuer(digits: Uint8Array): boolean {
  const d0 = digits[0] as number;
  const d1 = digits[1] as number;
  const two = d0 * 10 + d1;
  const four = two * 100 + (digits[2] as number) * 10 + (digits[3] as number);
  if (d0 === 4 || d0 === 9) return true;
  if (two === 62 || two === 60 || two === 65) return true;
  if (two >= 51 && two <= 55) return true;
  if (four >= 2221 && four <= 2720) return true;
  if (four >= 3528 && four <= 3589) return true;
  const three = (four / 10) | 0;
  return three >= 644 && three <= 649;
}

/** `bank_card`: see the table above. `normalized` is the bare digit string. */
export function validateBankCard(value: string): ValidationResult {
  const n = value.length;
  if (n < 16 || n > 27) return FAIL.length;
  let len = 0;
  let plain = true;
  let prevSep = true;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    const d = c - CC_0;
    if (d >= 0 && d <= 9) {
      if (len === 19) return FAIL.length;
      cardDigits[len++] = d;
      prevSep = false;
    } else if (c === 32 || c === 45) {
      if (prevSep) return FAIL.format; // leading or doubled separator
      plain = false;
      prevSep = true;
    } else return FAIL.format;
  }
  if (prevSep) return FAIL.format;
  if (len < 16) return FAIL.length;
  if (cardDigits[0] === 0) return FAIL.prefix;
  const luhn = luhnOk(cardDigits, len);
  const known = knownIssuer(cardDigits);
  if (!luhn && !known) return FAIL.checksum;
  let normalized = value;
  if (!plain) {
    normalized = '';
    for (let i = 0; i < len; i++) normalized += String.fromCharCode(CC_0 + (cardDigits[i] as number));
  }
  if (luhn && known) return ok(normalized, 'medium');
  return ok(normalized, 'weak', luhn ? 'prefix' : 'checksum');
}
