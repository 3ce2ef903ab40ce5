/**
 * Phone numbers: mainland mobile (`cn_mobile`), Taiwan mobile (`tw_mobile`), mainland fixed line
 * (`cn_landline`).
 *
 * Separators accepted between digits: space, no-break space, hyphen, and parentheses (as in
 * "(+86) 138 0013 8000" or "(0591)87654321"). The segment and area-code tables are data
 * (`../data/cn-mobile-prefixes.json`, `../data/cn-area-codes.json`; sources in
 * `../data/README.md`).
 */
import areaData from '../data/cn-area-codes.json' with { type: 'json' };
import mobileData from '../data/cn-mobile-prefixes.json' with { type: 'json' };
import { CC_0, FAIL, ok } from './internal.ts';
import type { ValidationResult } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Digit collection (module-level scratch buffers: validators are synchronous and re-entrant-free)

const MAX_DIGITS = 24;
const digitBuf = new Uint8Array(MAX_DIGITS);
/** Positions in digitBuf where a separator run ended (a digit group starts). */
const groupStarts = new Uint8Array(MAX_DIGITS);
let digitCount = 0;
let groupCount = 0;
let hadPlus = false;

function isSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 0xa0 || c === 40 || c === 41 || c === 0x3000 || c === 0xff08 || c === 0xff09;
}

/**
 * Collects the digits of value[start, end) into digitBuf, recording group starts. A leading '+'
 * (optionally after '(') sets hadPlus. Returns false on any other character or too many digits.
 */
function collect(value: string, start: number, end: number): boolean {
  digitCount = 0;
  groupCount = 0;
  hadPlus = false;
  let inGroup = false;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    const d = c - CC_0;
    if (d >= 0 && d <= 9) {
      if (digitCount >= MAX_DIGITS) return false;
      if (!inGroup) {
        groupStarts[groupCount++] = digitCount;
        inGroup = true;
      }
      digitBuf[digitCount++] = d;
    } else if (c === 43 /* + */ || c === 0xff0b) {
      if (digitCount !== 0 || hadPlus) return false;
      hadPlus = true;
      inGroup = false;
    } else if (isSeparator(c)) {
      inGroup = false;
    } else return false;
  }
  return true;
}

function digitsToString(from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(CC_0 + (digitBuf[i] as number));
  return s;
}

function startsWith(from: number, ...ds: number[]): boolean {
  if (digitCount - from < ds.length) return false;
  for (let i = 0; i < ds.length; i++) if (digitBuf[from + i] !== ds[i]) return false;
  return true;
}

function hasGroupStartAt(pos: number): boolean {
  for (let i = 0; i < groupCount; i++) if (groupStarts[i] === pos) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// cn_mobile

const SEG_NONE = 0;
const SEG_CARRIER = 1;
const SEG_MVNO = 2;
const SEG_DATA = 3;
const SEG_SPECIAL = 4;

/** Segment category keyed by digits 2-5 of the 11-digit number (the digits after the leading 1). */
const mobileSegments = new Uint8Array(10000);

function addPrefixes(groups: Record<string, string[]>, category: number): void {
  for (const list of Object.values(groups)) {
    for (const p of list) {
      const rest = p.slice(1);
      const span = 10 ** (4 - rest.length);
      const base = Number(rest) * span;
      for (let k = 0; k < span; k++) mobileSegments[base + k] = category;
    }
  }
}
addPrefixes(mobileData.segments.carrier, SEG_CARRIER);
addPrefixes(mobileData.segments.mvno, SEG_MVNO);
addPrefixes(mobileData.segments.data, SEG_DATA);
addPrefixes(mobileData.segments.special, SEG_SPECIAL);

/**
 * Segment category of an 11-digit mobile number string: 'carrier' | 'mvno' | 'data' | 'special'
 * or null when the segment is unassigned.
 */
export function mobileSegmentOf(number11: string): 'carrier' | 'mvno' | 'data' | 'special' | null {
  if (number11.length !== 11 || number11.charCodeAt(0) !== 49) return null;
  let key = 0;
  for (let i = 1; i < 5; i++) {
    const d = number11.charCodeAt(i) - CC_0;
    if (d < 0 || d > 9) return null;
    key = key * 10 + d;
  }
  switch (mobileSegments[key]) {
    case SEG_CARRIER:
      return 'carrier';
    case SEG_MVNO:
      return 'mvno';
    case SEG_DATA:
      return 'data';
    case SEG_SPECIAL:
      return 'special';
    default:
      return null;
  }
}

function isPlainDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * `cn_mobile`: 11 digits `1[3-9]…` in an assigned segment (incl. 190/192/196/197 and MVNO
 * ranges), optionally preceded by +86 / 0086 / 86 and written with separators.
 * `normalized` is the bare 11-digit number; strength is `strong` with a country code, else `medium`.
 */
export function validateCnMobile(value: string): ValidationResult {
  const n = value.length;
  if (n < 11 || n > 24) return FAIL.length;
  if (!collect(value, 0, n)) return FAIL.format;
  let from = 0;
  let withCountryCode = false;
  if (hadPlus) {
    if (digitCount !== 13 || !startsWith(0, 8, 6)) return FAIL.prefix;
    from = 2;
    withCountryCode = true;
  } else if (digitCount === 15 && startsWith(0, 0, 0, 8, 6)) {
    from = 4;
    withCountryCode = true;
  } else if (digitCount === 13 && startsWith(0, 8, 6)) {
    from = 2;
    withCountryCode = true;
  } else if (digitCount !== 11) return FAIL.length;
  if (digitBuf[from] !== 1) return FAIL.prefix;
  const key = (digitBuf[from + 1] as number) * 1000 + (digitBuf[from + 2] as number) * 100 + (digitBuf[from + 3] as number) * 10 + (digitBuf[from + 4] as number);
  if (mobileSegments[key] === SEG_NONE) return FAIL.prefix;
  const normalized = n === 11 && isPlainDigits(value) ? value : digitsToString(from, from + 11);
  return ok(normalized, withCountryCode ? 'strong' : 'medium');
}

// ---------------------------------------------------------------------------------------------
// tw_mobile

/**
 * `tw_mobile`: `09xx-xxx-xxx` (10 digits) or `+886 9xx-xxx-xxx` (also 886…, 00886…, and
 * `+886 09…`). `normalized` is the 10-digit national form `09xxxxxxxx`.
 */
export function validateTwMobile(value: string): ValidationResult {
  const n = value.length;
  if (n < 10 || n > 24) return FAIL.length;
  if (!collect(value, 0, n)) return FAIL.format;
  let from: number;
  let withCountryCode = true;
  if (digitCount === 14 && !hadPlus && startsWith(0, 0, 0, 8, 8, 6, 9)) from = 5;
  else if (digitCount === 12 && startsWith(0, 8, 8, 6, 9)) from = 3;
  else if (digitCount === 13 && startsWith(0, 8, 8, 6, 0, 9)) from = 4;
  else if (digitCount === 10 && !hadPlus && startsWith(0, 0, 9)) {
    from = 1;
    withCountryCode = false;
  } else return digitCount < 10 || digitCount > 14 ? FAIL.length : FAIL.prefix;
  const normalized = !withCountryCode && n === 10 && isPlainDigits(value) ? value : '0' + digitsToString(from, from + 9);
  return ok(normalized, withCountryCode ? 'strong' : 'medium');
}

// ---------------------------------------------------------------------------------------------
// cn_landline

const LOCAL_LENGTHS_AFTER_3: readonly number[] = [8];
const LOCAL_LENGTHS_AFTER_4: readonly number[] = [8, 7];

/** Known area codes keyed by their numeric value without the trunk 0 (010 → 10, 0591 → 591). */
const areaCodes = new Uint8Array(1000);
for (const code of Object.keys(areaData.codes)) areaCodes[Number(code)] = 1;

/** True when `code` (e.g. "0591", "010") is on the area-code list. */
export function isKnownAreaCode(code: string): boolean {
  if (code.length < 3 || code.length > 4 || code.charCodeAt(0) !== 48) return false;
  const v = Number(code);
  return Number.isInteger(v) && v < 1000 && areaCodes[v] === 1;
}

/** Finds an extension marker (转, 分机, ext, x, #) and returns its index, or -1. */
function extensionMarkerAt(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x8f6c /* 转 */ || c === 0x5206 /* 分(机) */ || c === 35 /* # */ || c === 0xff03) return i;
    if (c === 120 || c === 88 || c === 101 || c === 69) {
      // x / X / ext / EXT (case-insensitive), only after at least 7 chars of number
      if (i >= 7) return i;
    }
  }
  return -1;
}

/** Parses the extension text after a marker: marker word, optional '.', ':', spaces, then 1-6 digits. */
function parseExtension(value: string, at: number): string | null {
  let i = at;
  const c = value.charCodeAt(i);
  if (c === 0x5206) {
    if (value.charCodeAt(i + 1) !== 0x673a /* 机 */) return null;
    i += 2;
  } else if (c === 101 || c === 69) {
    const x = value.charCodeAt(i + 1) | 32;
    const t = value.charCodeAt(i + 2) | 32;
    if (x !== 120 || t !== 116) return null;
    i += 3;
  } else i += 1;
  while (i < value.length) {
    const s = value.charCodeAt(i);
    if (s === 32 || s === 46 || s === 58 || s === 0xff1a || s === 45) i++;
    else break;
  }
  const start = i;
  while (i < value.length) {
    const d = value.charCodeAt(i) - CC_0;
    if (d < 0 || d > 9) return null;
    i++;
  }
  const len = i - start;
  return len >= 1 && len <= 6 ? value.slice(start, i) : null;
}

/**
 * `cn_landline`: area code `0xx`/`0xxx` + local number (8 digits after 010/02x, 7 or 8 after a
 * 4-digit code, first digit 2-9), optionally with +86/0086 (then the trunk 0 may be dropped) and an
 * extension (`-123`, `转123`, `分机123`, `ext 123`, `x123`, `#123`).
 * `normalized` is `0591-87654321` (+ `-ext`). Strength `medium` for a listed area code, `weak`
 * (reason `prefix`) for a well-formed code not on the list.
 */
export function validateCnLandline(value: string): ValidationResult {
  const n = value.length;
  if (n < 10 || n > 40) return FAIL.length;
  let mainEnd = n;
  let extension: string | null = null;
  const marker = extensionMarkerAt(value);
  if (marker >= 0) {
    extension = parseExtension(value, marker);
    if (extension === null) return FAIL.format;
    mainEnd = marker;
    while (mainEnd > 0 && isSeparator(value.charCodeAt(mainEnd - 1))) mainEnd--;
  }
  if (!collect(value, 0, mainEnd)) return FAIL.format;

  // Country code.
  let from = 0;
  let withCountryCode = false;
  if (hadPlus) {
    if (!startsWith(0, 8, 6)) return FAIL.prefix;
    from = 2;
    withCountryCode = true;
  } else if (startsWith(0, 0, 0, 8, 6)) {
    from = 4;
    withCountryCode = true;
  } else if (startsWith(0, 8, 6) && hasGroupStartAt(2)) {
    from = 2;
    withCountryCode = true;
  }
  // With a country code the trunk 0 is usually dropped (+86 591 …); it is implied.
  const trunkImplied = withCountryCode && digitBuf[from] !== 0;
  const areaStart = trunkImplied ? from : from + 1; // index of the first digit after the trunk 0
  if (!trunkImplied && digitBuf[from] !== 0) return FAIL.prefix;
  const a1 = digitBuf[areaStart] as number;
  if (a1 === 0 || (a1 === 1 && digitBuf[areaStart + 1] !== 0)) return FAIL.prefix;
  if (digitCount - areaStart < 8) return FAIL.length;
  // 010 and 02x are the 3-digit codes; everything else is 0 + 3 digits.
  const areaDigits = a1 === 1 || a1 === 2 ? 2 : 3;
  const areaValue = areaDigits === 2 ? a1 * 10 + (digitBuf[areaStart + 1] as number) : a1 * 100 + (digitBuf[areaStart + 1] as number) * 10 + (digitBuf[areaStart + 2] as number);
  const localStart = areaStart + areaDigits;
  // A separator inside the area code means the split is not ours: reject.
  for (let g = 0; g < groupCount; g++) {
    const s = groupStarts[g] as number;
    if (s > areaStart && s < localStart) return FAIL.format;
  }
  const remaining = digitCount - localStart;
  let localLen = -1;
  const lengths = areaDigits === 2 ? LOCAL_LENGTHS_AFTER_3 : LOCAL_LENGTHS_AFTER_4;
  for (const L of lengths) {
    if (remaining === L) {
      localLen = L;
      break;
    }
    if (extension === null && remaining > L && remaining - L <= 6 && hasGroupStartAt(localStart + L)) {
      localLen = L;
      break;
    }
  }
  if (localLen < 0) return FAIL.length;
  const firstLocal = digitBuf[localStart] as number;
  if (firstLocal < 2) return FAIL.format;
  if (localLen < remaining) extension = digitsToString(localStart + localLen, digitCount);
  const area = '0' + (areaDigits === 2 ? String(areaValue).padStart(2, '0') : String(areaValue));
  const normalized = area + '-' + digitsToString(localStart, localStart + localLen) + (extension === null ? '' : '-' + extension);
  return areaCodes[areaValue] === 1 ? ok(normalized, 'medium') : ok(normalized, 'weak', 'prefix');
}
