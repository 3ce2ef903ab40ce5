/**
 * Geographic coordinates (`geo_coordinate`): one point of a trajectory, written as two decimal
 * degrees — "lat,lng" by default, "lng,lat" with a hint or when only that order fits the ranges.
 *
 * No standard detector exists (reference §4); the rule here: two decimals in range (|lat| ≤ 90,
 * |lng| ≤ 180), each with at least 4 decimal places (≈ 11 m, enough to locate a person — fewer
 * fails with reason `precision`). Separators: comma (ASCII or full-width), semicolon or
 * whitespace, with optional spaces. Strength `strong` inside the mainland/Taiwan bounding box
 * (lat 3.5–53.6, lng 73.4–135.1), `medium` elsewhere, `weak` (reason `reserved`) for 0,0.
 * `normalized` is "lat,lng" with the decimals as written.
 */
import { CC_0, FAIL, ok } from './internal.ts';
import type { ValidationResult } from './types.ts';

export type CoordinateOrder = 'latlng' | 'lnglat' | 'auto';

export const MIN_LOCATING_DECIMALS = 4;

interface ParsedNumber {
  value: number;
  decimals: number;
  start: number;
  end: number;
}

const first: ParsedNumber = { value: 0, decimals: 0, start: 0, end: 0 };
const second: ParsedNumber = { value: 0, decimals: 0, start: 0, end: 0 };

/** Parses a signed decimal at s[i…]; returns the index after it or -1. */
function parseDecimal(s: string, i: number, out: ParsedNumber): number {
  const n = s.length;
  out.start = i;
  let neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 || c0 === 43 || c0 === 0x2212) {
    neg = c0 !== 43;
    i++;
  }
  let intPart = 0;
  let intDigits = 0;
  while (i < n) {
    const d = s.charCodeAt(i) - CC_0;
    if (d < 0 || d > 9) break;
    intPart = intPart * 10 + d;
    intDigits++;
    i++;
    if (intDigits > 3) return -1;
  }
  if (intDigits === 0) return -1;
  let frac = 0;
  let scale = 1;
  let decimals = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    while (i < n) {
      const d = s.charCodeAt(i) - CC_0;
      if (d < 0 || d > 9) break;
      if (decimals < 15) {
        frac = frac * 10 + d;
        scale *= 10;
      }
      decimals++;
      i++;
    }
    if (decimals === 0) return -1;
  }
  out.value = (neg ? -1 : 1) * (intPart + frac / scale);
  out.decimals = decimals;
  out.end = i;
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/**
 * Validates a coordinate pair. `order` says how the two numbers are written; `auto` (the
 * default) reads "lat,lng" unless the first number only fits as a longitude.
 */
export function validateGeoCoordinate(value: string, order: CoordinateOrder = 'auto'): ValidationResult {
  const n = value.length;
  if (n < 3 || n > 64) return FAIL.length;
  let i = 0;
  while (i < n && isSpace(value.charCodeAt(i))) i++;
  i = parseDecimal(value, i, first);
  if (i < 0) return FAIL.format;
  let sepSeen = false;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (!sepSeen && (c === 44 || c === 0xff0c || c === 59 || c === 0xff1b)) {
      sepSeen = true;
      i++;
    } else break;
  }
  if (i === first.end) return FAIL.format; // no separator at all
  i = parseDecimal(value, i, second);
  if (i < 0) return FAIL.format;
  while (i < n && isSpace(value.charCodeAt(i))) i++;
  if (i !== n) return FAIL.format;

  let lat: ParsedNumber;
  let lng: ParsedNumber;
  if (order === 'lnglat') {
    lat = second;
    lng = first;
  } else if (order === 'latlng') {
    lat = first;
    lng = second;
  } else if (Math.abs(first.value) <= 90) {
    lat = first;
    lng = second;
  } else {
    lat = second;
    lng = first;
  }
  if (Math.abs(lat.value) > 90 || Math.abs(lng.value) > 180) return FAIL.range;
  if (lat.decimals < MIN_LOCATING_DECIMALS || lng.decimals < MIN_LOCATING_DECIMALS) return FAIL.precision;
  const normalized = value.slice(lat.start, lat.end) + ',' + value.slice(lng.start, lng.end);
  if (lat.value === 0 && lng.value === 0) return ok(normalized, 'weak', 'reserved');
  const inChina = lat.value >= 3.5 && lat.value <= 53.6 && lng.value >= 73.4 && lng.value <= 135.1;
  return ok(normalized, inChina ? 'strong' : 'medium');
}
