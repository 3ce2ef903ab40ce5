/**
 * Masked examples for reports: enough to recognise the kind of value, not the value.
 * 350128199001011234 → 3501**********1234, 13905912345 → 139****2345, 王小明 → 王*明,
 * zhang.san@example.com → z*******@example.com.
 */
import type { DetectorTypeId } from './types.ts';

function stars(n: number): string {
  return n > 0 ? '*'.repeat(n) : '';
}

/** Keeps `head` leading and `tail` trailing characters (code points) and masks the rest. */
export function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  const n = chars.length;
  if (n <= head + tail) {
    if (n <= 1) return '*';
    return chars[0] + stars(n - 1);
  }
  return chars.slice(0, head).join('') + stars(n - head - tail) + chars.slice(n - tail).join('');
}

export function maskValue(type: DetectorTypeId, value: string): string {
  switch (type) {
    case 'cn_resident_id':
    case 'hk_residence_permit':
    case 'mo_residence_permit':
    case 'tw_residence_permit':
    case 'bank_card':
    case 'cn_uscc':
    case 'vin':
      return keepEnds(value, 4, 4);
    case 'cn_mobile':
    case 'tw_mobile':
    case 'cn_landline':
      return keepEnds(value, Math.min(5, Math.max(3, value.length - 8)), 4);
    case 'email': {
      const at = value.indexOf('@');
      return at > 0 ? value.charAt(0) + stars(at - 1) + value.slice(at) : keepEnds(value, 1, 0);
    }
    case 'person_name': {
      const chars = Array.from(value);
      if (chars.length <= 2) return chars[0] + '*';
      return chars[0] + stars(chars.length - 2) + chars[chars.length - 1];
    }
    case 'address':
      return keepEnds(value, Math.min(6, Math.ceil(value.length / 3)), 0);
    case 'ip_address':
    case 'mac_address':
    case 'geo_coordinate':
      return keepEnds(value, Math.ceil(value.length / 3), 0);
    case 'medical_record':
      return keepEnds(value, 1, 0);
    case 'secret':
      return keepEnds(value, Math.min(4, Math.floor(value.length / 4)), 0);
    default:
      return keepEnds(value, 2, 2);
  }
}
