/**
 * Registration and certificate numbers.
 *
 * Registration number (登记号), 16 characters, structured like the national data-IP numbers
 * (规发〔2024〕79号): application year (4 digits) + data-source code (1 digit) + subject-type code
 * (1 digit) + sequence within the year (9 digits) + check character (1). The check character is
 * ISO 7064 MOD 11-2 over the 15 digits before it — the algorithm of the resident identity number
 * (GB 11643): p = 0; for each digit d, p = ((p + d) × 2) mod 11; check = (12 − p) mod 11, written
 * `X` when it is 10. It catches every single-digit error and every transposition of adjacent digits.
 *
 * Certificate number (证书号), 17 digits like the CNIPA certificate: year (4) + month (2) + registry
 * code (4) + serial within the month (7).
 */
import { AppError } from '../../kernel/errors.ts';

const REG_RE = /^\d{15}[\dX]$/;

/** ISO 7064 MOD 11-2 check character of a string of digits. */
export function mod112Check(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new AppError('bad_request', `check character needs digits only, got ${JSON.stringify(digits)}`);
  let p = 0;
  for (const ch of digits) p = ((p + Number(ch)) * 2) % 11;
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}

export function registrationNumber(p: { year: number; sourceCode: string; subjectTypeCode: string; sequence: number }): string {
  if (!Number.isInteger(p.year) || p.year < 1000 || p.year > 9999) throw new AppError('bad_request', `year ${p.year} is not a 4-digit year`);
  if (!/^\d$/.test(p.sourceCode) || !/^\d$/.test(p.subjectTypeCode)) throw new AppError('bad_request', 'source and subject-type codes are one digit each');
  if (!Number.isSafeInteger(p.sequence) || p.sequence < 1 || p.sequence > 999_999_999)
    throw new AppError('bad_request', `sequence ${p.sequence} does not fit 9 digits`);
  const body = `${p.year}${p.sourceCode}${p.subjectTypeCode}${String(p.sequence).padStart(9, '0')}`;
  return body + mod112Check(body);
}

/** True when `no` has the shape of a registration number and its check character matches. */
export function isValidRegistrationNumber(no: string): boolean {
  return REG_RE.test(no) && mod112Check(no.slice(0, 15)) === no[15];
}

export function certificateNumber(p: { year: number; month: number; registryCode: string; serial: number }): string {
  if (!/^\d{4}$/.test(p.registryCode)) throw new AppError('bad_request', 'registry code must be 4 digits');
  if (!Number.isSafeInteger(p.serial) || p.serial < 1 || p.serial > 9_999_999) throw new AppError('bad_request', `serial ${p.serial} does not fit 7 digits`);
  return `${p.year}${String(p.month).padStart(2, '0')}${p.registryCode}${String(p.serial).padStart(7, '0')}`;
}
