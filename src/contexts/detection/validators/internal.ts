/**
 * Small helpers shared by the validators. Hot-path code: no regular expressions, no closures
 * created per call, and failure results are shared frozen objects (callers must not mutate
 * results).
 */
import { toChinaDate } from '../../../kernel/calendar/calendar.ts';
import type { ReasonCode, Strength, ValidationResult } from './types.ts';

function frozenFailure(reason: ReasonCode): ValidationResult {
  return Object.freeze({ valid: false, reason });
}

/** Shared failure results, one per reason code. */
export const FAIL: Readonly<Record<ReasonCode, ValidationResult>> = Object.freeze({
  length: frozenFailure('length'),
  format: frozenFailure('format'),
  checksum: frozenFailure('checksum'),
  date: frozenFailure('date'),
  address_code: frozenFailure('address_code'),
  prefix: frozenFailure('prefix'),
  range: frozenFailure('range'),
  precision: frozenFailure('precision'),
  reserved: frozenFailure('reserved'),
  digits: frozenFailure('digits'),
});

export function ok(normalized: string, strength: Strength, reason?: ReasonCode): ValidationResult {
  return reason === undefined ? { valid: true, normalized, strength } : { valid: true, normalized, strength, reason };
}

export const CC_0 = 48;
export const CC_9 = 57;
export const CC_UPPER_A = 65;
export const CC_UPPER_Z = 90;
export const CC_LOWER_A = 97;
export const CC_LOWER_Z = 122;

/** Value of an ASCII digit, or -1. */
export function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - CC_0;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Integer value of `len` ASCII digits starting at `start`, or -1 if any is not a digit. */
export function digitsValue(s: string, start: number, len: number): number {
  let v = 0;
  for (let i = start; i < start + len; i++) {
    const c = s.charCodeAt(i) - CC_0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** True when every char in [start, end) is an ASCII digit. */
export function allDigits(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < CC_0 || c > CC_9) return false;
  }
  return true;
}

/** Upper-case ASCII letter code for an ASCII letter char code, or -1. */
export function upperLetterCode(c: number): number {
  if (c >= CC_UPPER_A && c <= CC_UPPER_Z) return c;
  if (c >= CC_LOWER_A && c <= CC_LOWER_Z) return c - 32;
  return -1;
}

/** True when the string has an ASCII lower-case letter (so upper-casing would change it). */
export function hasLowerAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= CC_LOWER_A && c <= CC_LOWER_Z) return true;
  }
  return false;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const max = m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m] as number);
  return d <= max;
}

const CST_OFFSET_MS = 8 * 3600_000;
let todayKeyCache = 0;
let todayKeyUntil = 0;

/** The date at instant `now` as the integer YYYYMMDD in Beijing time (kernel `toChinaDate`). */
export function dayKeyCst(now: number): number {
  const iso = toChinaDate(new Date(now)); // YYYY-MM-DD
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/**
 * Today's date as YYYYMMDD in China Standard Time, the calendar in which mainland and permit
 * birth dates are written. Cached until the next CST midnight.
 */
export function todayKeyCst(): number {
  const now = Date.now();
  if (now < todayKeyUntil) return todayKeyCache;
  todayKeyCache = dayKeyCst(now);
  const y = (todayKeyCache / 10000) | 0;
  const m = ((todayKeyCache / 100) | 0) % 100;
  const d = todayKeyCache % 100;
  todayKeyUntil = Date.UTC(y, m - 1, d + 1) - CST_OFFSET_MS;
  return todayKeyCache;
}

/**
 * True when the YYYYMMDD key lies after today (CST). Dates up to the last computed "today" never
 * need the clock, since today only moves forward.
 */
export function isFutureDateKeyCst(key: number): boolean {
  if (key <= todayKeyCache) return false;
  return key > todayKeyCst();
}

/** Builds a lookup table over char codes 0..127 from a string of member characters. */
export function asciiSet(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
