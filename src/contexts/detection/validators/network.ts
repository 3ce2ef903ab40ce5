/**
 * Network identifiers: e-mail addresses, IP addresses, MAC addresses.
 */
import { isIPv6 } from 'node:net';
import { CC_0, FAIL, ok } from './internal.ts';
import type { ValidationResult } from './types.ts';

// ---------------------------------------------------------------------------------------------
// email

/** RFC 5322 atext for the unquoted local part (ASCII); non-ASCII is accepted too (RFC 6531). */
const LOCAL_CHARS = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-") LOCAL_CHARS[ch.charCodeAt(0)] = 1;

function hasUpperAsciiFrom(s: string, start: number): boolean {
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * `email`: dot-atom local part (1-64 chars, no leading/trailing/double dot) @ a domain of at least
 * two labels (1-63 chars of letters, digits, hyphens — not at the ends — or non-ASCII for IDN),
 * top-level label not all digits. Quoted local parts and address literals are not accepted.
 * `normalized` lower-cases the domain (the local part is case-sensitive by the RFC).
 */
export function validateEmail(value: string): ValidationResult {
  const n = value.length;
  if (n < 6 || n > 254) return FAIL.length;
  const at = value.indexOf('@');
  if (at <= 0 || at > 64 || at === n - 1) return FAIL.format;
  // Local part.
  let prevDot = true; // disallows a leading dot
  for (let i = 0; i < at; i++) {
    const c = value.charCodeAt(i);
    if (c === 46) {
      if (prevDot) return FAIL.format;
      prevDot = true;
      continue;
    }
    prevDot = false;
    if (c < 128 ? LOCAL_CHARS[c] !== 1 : c === 0x3000 || c === 0xff20) return FAIL.format;
  }
  if (prevDot) return FAIL.format;
  // Domain.
  let labels = 0;
  let labelLen = 0;
  let labelStart = at + 1;
  let lastLabelAllDigits = true;
  let lastLabelStart = labelStart;
  for (let i = at + 1; i <= n; i++) {
    const c = i === n ? 46 : value.charCodeAt(i);
    if (c === 46) {
      if (labelLen === 0 || labelLen > 63) return FAIL.format;
      if (value.charCodeAt(labelStart) === 45 || value.charCodeAt(i - 1) === 45) return FAIL.format;
      labels++;
      lastLabelStart = labelStart;
      labelStart = i + 1;
      labelLen = 0;
      continue;
    }
    if (c === 64) return FAIL.format; // a second '@'
    if (c < 128 && !isAsciiAlnum(c) && c !== 45) return FAIL.format;
    if (c === 0x3002 || c === 0xff0e || c === 0x3000) return FAIL.format; // ideographic full stop etc.
    labelLen++;
  }
  if (labels < 2) return FAIL.format;
  for (let i = lastLabelStart; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) {
      lastLabelAllDigits = false;
      break;
    }
  }
  if (lastLabelAllDigits || n - lastLabelStart < 2) return FAIL.format;
  const normalized = hasUpperAsciiFrom(value, at + 1) ? value.slice(0, at + 1) + value.slice(at + 1).toLowerCase() : value;
  return ok(normalized, 'strong');
}

// ---------------------------------------------------------------------------------------------
// ip_address

/**
 * Parses dotted-quad IPv4 in value[start, end): four decimal octets 0-255 without leading zeros
 * (so "010.1.1.1" — octal in some parsers — is rejected). Returns the address as an unsigned
 * 32-bit number, or -1.
 */
export function parseIPv4(value: string, start = 0, end = value.length): number {
  let octets = 0;
  let current = 0;
  let digits = 0;
  let addr = 0;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || octets === 3) return -1;
      addr = addr * 256 + current;
      octets++;
      current = 0;
      digits = 0;
      continue;
    }
    const d = c - CC_0;
    if (d < 0 || d > 9) return -1;
    if (digits > 0 && current === 0) return -1; // leading zero
    current = current * 10 + d;
    digits++;
    if (current > 255) return -1;
  }
  if (digits === 0 || octets !== 3) return -1;
  return addr * 256 + current;
}

/**
 * `ip_address`: IPv4 (strict dotted quad) or IPv6 (incl. compressed and IPv4-mapped forms, as
 * node:net accepts). IPv4 is `medium` (dotted quads also look like version numbers), IPv6
 * `strong`; unspecified, loopback and broadcast addresses are `weak` with reason `reserved`.
 * `normalized` is lower case for IPv6.
 */
export function validateIpAddress(value: string): ValidationResult {
  const n = value.length;
  if (n < 2 || n > 64) return FAIL.length;
  if (value.indexOf(':') < 0) {
    if (n < 7 || n > 15) return FAIL.length;
    const addr = parseIPv4(value);
    if (addr < 0) return FAIL.format;
    const first = Math.floor(addr / 16777216);
    if (addr === 0 || addr === 0xffffffff || first === 127) return ok(value, 'weak', 'reserved');
    return ok(value, 'medium');
  }
  if (!isIPv6(value)) return FAIL.format;
  const normalized = value.toLowerCase();
  if (normalized === '::' || normalized === '::1') return ok(normalized, 'weak', 'reserved');
  return ok(normalized, 'strong');
}

// ---------------------------------------------------------------------------------------------
// mac_address

const HEX_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX_VALUES[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX_VALUES[65 + i] = 10 + i;
  HEX_VALUES[97 + i] = 10 + i;
}
const HEX_UPPER = '0123456789ABCDEF';

function hexAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? (HEX_VALUES[c] as number) : -1;
}

const macBytes = new Uint8Array(6);
/** Upper-case two-digit hex for every byte value. */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => HEX_UPPER.charAt(b >> 4) + HEX_UPPER.charAt(b & 15));

/** True when value is already `AA:BB:CC:DD:EE:FF` (upper case, colons). */
function isCanonicalMac(value: string): boolean {
  if (value.length !== 17 || value.charCodeAt(2) !== 58) return false;
  for (let i = 0; i < 17; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 102) return false;
  }
  return true;
}

function macResult(value: string, separated: boolean): ValidationResult {
  const b0 = macBytes[0] as number;
  let allZero = b0 === 0;
  let allOnes = b0 === 255;
  for (let i = 1; i < 6; i++) {
    const b = macBytes[i] as number;
    if (b !== 0) allZero = false;
    if (b !== 255) allOnes = false;
  }
  const s = isCanonicalMac(value)
    ? value
    : `${BYTE_HEX[b0]}:${BYTE_HEX[macBytes[1] as number]}:${BYTE_HEX[macBytes[2] as number]}:${BYTE_HEX[macBytes[3] as number]}:${BYTE_HEX[macBytes[4] as number]}:${BYTE_HEX[macBytes[5] as number]}`;
  if (allZero || allOnes) return ok(s, 'weak', 'reserved');
  // 08-12-19-23-27-31: six decimal pairs are far likelier lottery numbers or a date than a MAC (≈0.4 % of MACs).
  let decimal = true;
  for (let i = 0; i < 6 && decimal; i++) if (((macBytes[i] as number) & 0xf) > 9 || (macBytes[i] as number) >> 4 > 9) decimal = false;
  if (decimal) return ok(s, 'weak', 'digits');
  return separated ? ok(s, 'strong') : ok(s, 'weak', 'format');
}

/**
 * `mac_address`: `AA:BB:CC:DD:EE:FF` or `AA-BB-CC-DD-EE-FF` (one separator kind), Cisco
 * `aabb.ccdd.eeff`, or 12 bare hex digits (`weak`: also a hash fragment or serial number).
 * All-zero and broadcast addresses are `weak` with reason `reserved`; six decimal pairs are `weak`
 * with reason `digits`.
 * `normalized` is upper-case colon form.
 */
export function validateMacAddress(value: string): ValidationResult {
  const n = value.length;
  if (n === 17) {
    const sep = value.charCodeAt(2);
    if (sep !== 58 && sep !== 45) return FAIL.format;
    for (let i = 0; i < 6; i++) {
      const p = i * 3;
      if (i > 0 && value.charCodeAt(p - 1) !== sep) return FAIL.format;
      const hi = hexAt(value, p);
      const lo = hexAt(value, p + 1);
      if (hi < 0 || lo < 0) return FAIL.format;
      macBytes[i] = (hi << 4) | lo;
    }
    return macResult(value, true);
  }
  if (n === 14) {
    if (value.charCodeAt(4) !== 46 || value.charCodeAt(9) !== 46) return FAIL.format;
    let b = 0;
    for (let i = 0; i < 14; i += 2) {
      if (i === 4 || i === 9) i++;
      const hi = hexAt(value, i);
      const lo = hexAt(value, i + 1);
      if (hi < 0 || lo < 0) return FAIL.format;
      macBytes[b++] = (hi << 4) | lo;
    }
    return b === 6 ? macResult(value, true) : FAIL.format;
  }
  if (n === 12) {
    for (let i = 0; i < 6; i++) {
      const hi = hexAt(value, 2 * i);
      const lo = hexAt(value, 2 * i + 1);
      if (hi < 0 || lo < 0) return FAIL.format;
      macBytes[i] = (hi << 4) | lo;
    }
    return macResult(value, false);
  }
  return FAIL.length;
}
