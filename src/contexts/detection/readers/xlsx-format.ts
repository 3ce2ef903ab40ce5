/**
 * Cell values of a worksheet as text, close to what Excel displays, without ever losing digits
 * that the file holds:
 * - numbers: integers without ".0" and without exponent (`1.23456789012345E+17` →
 *   `123456789012345000`, the digits Excel stored); other numbers with at most 15 significant
 *   digits (`0.30000000000000004` → `0.3`), as Excel's General format shows them;
 * - numbers whose style is a date or time format: ISO `2024-03-01`, `13:45:00` or
 *   `2024-03-01 13:45:00` (1900 and 1904 date systems, Excel's 1900-02-29 quirk);
 * - text (shared or inline strings) exactly as stored: an 18-digit ID number stored as text stays
 *   exact.
 */

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30 and the CJK locales). */
const BUILTIN_DATE: Record<number, 'date' | 'time' | 'datetime'> = {
  14: 'date',
  15: 'date',
  16: 'date',
  17: 'date',
  18: 'time',
  19: 'time',
  20: 'time',
  21: 'time',
  22: 'datetime',
  27: 'date',
  28: 'date',
  29: 'date',
  30: 'date',
  31: 'date',
  32: 'time',
  33: 'time',
  34: 'time',
  35: 'time',
  36: 'date',
  45: 'time',
  46: 'time',
  47: 'time',
  50: 'date',
  51: 'date',
  52: 'date',
  53: 'date',
  54: 'date',
  55: 'date',
  56: 'date',
  57: 'date',
  58: 'date',
};

export type DateKind = 'date' | 'time' | 'datetime' | null;

/** Whether a number format shows a date, a time, both, or neither. */
export function dateKind(numFmtId: number, formatCode: string | undefined): DateKind {
  if (formatCode === undefined) return BUILTIN_DATE[numFmtId] ?? null;
  // Drop quoted text, escaped characters and bracketed sections ([Red], [$-409], [>100]) — but keep
  // elapsed-time brackets such as [h] and [mm].
  const code = formatCode
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  if (/general/i.test(code) || !/[dmyhs]/i.test(code)) return null;
  // Only the first section matters for positive numbers.
  const first = code.split(';')[0] ?? code;
  const hasDate = /[dy]/i.test(first) || (/m/i.test(first) && !/[hs]/i.test(first));
  const hasTime = /[hs]/i.test(first);
  if (hasDate && hasTime) return 'datetime';
  if (hasTime) return 'time';
  return hasDate ? 'date' : null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** An Excel serial date number as ISO text. */
export function formatSerialDate(serial: number, kind: Exclude<DateKind, null>, date1904: boolean): string {
  if (!Number.isFinite(serial)) return String(serial);
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (days < 60) epoch = Date.UTC(1899, 11, 31); // before Excel's fictitious 1900-02-29
  else epoch = Date.UTC(1899, 11, 30);
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  if (kind === 'time') return time;
  if (!date1904 && days === 60) return kind === 'date' ? '1900-02-29' : `1900-02-29 ${time}`;
  const d = new Date(epoch + days * 86400000);
  const y = d.getUTCFullYear();
  const date = `${y < 0 ? '-' + pad(-y, 4) : pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return kind === 'date' ? date : `${date} ${time}`;
}

/** The text of a stored number (`<v>` of a numeric cell). */
export function formatNumber(raw: string): string {
  const v = raw.trim();
  if (/^-?\d+$/.test(v)) return v;
  const m = /^(-?)(\d+)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(v);
  if (m) {
    // Exponent form: expand exactly when the value is an integer of at most 30 digits.
    const sign = m[1]!;
    const all = m[2]! + (m[3] ?? '');
    const point = m[2]!.length + Number(m[4]); // position of the decimal point in `all`
    const strip = (d: string): string => d.replace(/^0+(?=\d)/, '');
    if (point >= all.length && point <= 30) return sign + strip(all + '0'.repeat(point - all.length));
    if (point > 0 && point < all.length && /^0*$/.test(all.slice(point))) return sign + strip(all.slice(0, point));
  }
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  const p = Number(n.toPrecision(15));
  return String(p);
}

/** Column letters of a cell reference → 0-based column index (`B7` → 1); -1 when there are none. */
export function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** 0-based column index → letters (`0` → `A`, `27` → `AB`). */
export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
