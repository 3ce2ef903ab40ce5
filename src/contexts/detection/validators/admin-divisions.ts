/**
 * Administrative-division (GB/T 2260) address codes for ID-number validation.
 *
 * The data (`../data/admin-divisions.json`, sources in `../data/README.md`) is expanded once into
 * two bit sets over 0..999999 (~122 KiB each), so a lookup is one array read.
 */
import data from '../data/admin-divisions.json' with { type: 'json' };

const SIZE = 1_000_000;
const knownBits = new Uint8Array((SIZE >>> 3) + 1);
const currentBits = new Uint8Array((SIZE >>> 3) + 1);
const provinceTable = new Uint8Array(100);

function setBit(bits: Uint8Array, code: number): void {
  bits[code >>> 3] = (bits[code >>> 3] as number) | (1 << (code & 7));
}

function fill(groups: Record<string, string>, current: boolean): void {
  for (const [province, suffixes] of Object.entries(groups)) {
    const base = Number(province) * 10000;
    for (const suffix of suffixes.split(' ')) {
      if (suffix.length !== 4) continue;
      const code = base + Number(suffix);
      setBit(knownBits, code);
      if (current) setBit(currentBits, code);
    }
  }
}

for (const p of Object.keys(data.provinces)) provinceTable[Number(p)] = 1;
fill(data.current, true);
fill(data.historical, false);

/** Mainland province-level prefix (11 北京 … 65 新疆). Excludes 71 台湾, 81 香港, 82 澳门, 83. */
export function isMainlandProvince(twoDigits: number): boolean {
  return twoDigits >= 0 && twoDigits < 100 && provinceTable[twoDigits] === 1;
}

/** A 6-digit code that is or was a mainland division code (current or historical). */
export function isKnownDivisionCode(code: number): boolean {
  return code >= 0 && code < SIZE && ((knownBits[code >>> 3] as number) & (1 << (code & 7))) !== 0;
}

/** A 6-digit code in force in the latest lists the data was built from. */
export function isCurrentDivisionCode(code: number): boolean {
  return code >= 0 && code < SIZE && ((currentBits[code >>> 3] as number) & (1 << (code & 7))) !== 0;
}

/** Province name for a mainland province prefix, e.g. 35 → 福建省. */
export function provinceName(twoDigits: number): string | undefined {
  const key = String(twoDigits).padStart(2, '0');
  return (data.provinces as Record<string, string>)[key];
}

/** Address codes reserved for the 港澳台居民居住证 (residence permits), GB 11643 style numbers. */
export const PERMIT_ADDRESS_CODES = Object.freeze({
  hk: 810000,
  mo: 820000,
  tw: 830000,
});
