/**
 * GB18030 (and so GBK / GB2312) decoding of byte ranges, table-driven in plain JS.
 *
 * The tables are filled once, on first use, by decoding every two-byte code and every four-byte
 * code of the BMP range with Node's ICU `TextDecoder('gb18030')` (about 60k codes, a few ms): the
 * mapping is therefore exactly ICU's, but decoding a short range (one CSV line) costs no native
 * call. Four-byte codes from 0x90308130 map linearly to U+10000–U+10FFFF. A malformed sequence
 * gives U+FFFD and decoding resumes at the next byte (as the WHATWG decoder does for ASCII trail
 * bytes). 0x80 decodes to € as in ICU and WHATWG.
 *
 * `encodeGb18030` (the inverse, for tests and benchmarks) covers every character the tables map.
 */
import { TextDecoder } from 'node:util';

const ucs2Slice = (Buffer.prototype as unknown as { ucs2Slice?: (this: Buffer, start: number, end: number) => string }).ucs2Slice;

/** UTF-16LE bytes [0, end) of a buffer as a string (`buf.toString('ucs2', …)` without its checks). */
export function ucs2Text(buf: Buffer, end: number): string {
  return ucs2Slice ? ucs2Slice.call(buf, 0, end) : buf.toString('ucs2', 0, end);
}

const TWO_BYTE_TRAILS = 190; // 0x40–0x7E, 0x80–0xFE
const FOUR_BYTE_BMP = 39420; // 0x81308130 … 0x8431A439
const SUPPLEMENTARY_BASE = 189000; // linear index of 0x90308130

let two: Uint16Array | null = null;
let four: Uint16Array | null = null;
let single80 = 0x20ac;

function trailIndex(b: number): number {
  return b < 0x7f ? b - 0x40 : b - 0x41;
}

function buildTables(): void {
  const td = new TextDecoder('gb18030');
  const t2 = new Uint16Array(126 * TWO_BYTE_TRAILS).fill(0xfffd);
  const bytes2 = Buffer.alloc(126 * TWO_BYTE_TRAILS * 2);
  let k = 0;
  for (let b1 = 0x81; b1 <= 0xfe; b1++)
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      bytes2[k++] = b1;
      bytes2[k++] = b2;
    }
  const s2 = td.decode(bytes2);
  if (s2.length === t2.length) for (let i = 0; i < t2.length; i++) t2[i] = s2.charCodeAt(i);
  else
    for (let i = 0; i < t2.length; i++) {
      const s = td.decode(bytes2.subarray(i * 2, i * 2 + 2));
      if (s.length === 1) t2[i] = s.charCodeAt(0);
    }
  const t4 = new Uint16Array(FOUR_BYTE_BMP).fill(0xfffd);
  const bytes4 = Buffer.alloc(FOUR_BYTE_BMP * 4);
  for (let i = 0; i < FOUR_BYTE_BMP; i++) {
    bytes4[i * 4] = 0x81 + Math.floor(i / 12600);
    bytes4[i * 4 + 1] = 0x30 + (Math.floor(i / 1260) % 10);
    bytes4[i * 4 + 2] = 0x81 + (Math.floor(i / 10) % 126);
    bytes4[i * 4 + 3] = 0x30 + (i % 10);
  }
  const s4 = td.decode(bytes4);
  if (s4.length === t4.length) for (let i = 0; i < t4.length; i++) t4[i] = s4.charCodeAt(i);
  else
    for (let i = 0; i < t4.length; i++) {
      const s = td.decode(bytes4.subarray(i * 4, i * 4 + 4));
      if (s.length === 1) t4[i] = s.charCodeAt(0);
    }
  const s80 = td.decode(Buffer.from([0x80]));
  single80 = s80.length === 1 ? s80.charCodeAt(0) : 0xfffd;
  two = t2;
  four = t4;
}

let out = new Uint16Array(4096);
let outBuf = Buffer.from(out.buffer);

/** Decodes bytes [start, end) of `b` (a complete range: a trailing partial sequence gives U+FFFD). */
export function decodeGb18030(b: Uint8Array, start = 0, end = b.length): string {
  if (two === null) buildTables();
  const t2 = two!;
  const t4 = four!;
  if (out.length < (end - start) * 2 + 2) {
    out = new Uint16Array(Math.max((end - start) * 2 + 2, out.length * 2));
    outBuf = Buffer.from(out.buffer);
  }
  const o = out;
  let j = 0;
  let i = start;
  while (i < end) {
    const c = b[i]!;
    if (c < 0x80) {
      o[j++] = c;
      i++;
      continue;
    }
    if (c === 0x80 || c === 0xff) {
      o[j++] = c === 0x80 ? single80 : 0xfffd;
      i++;
      continue;
    }
    const c2 = i + 1 < end ? b[i + 1]! : -1;
    if (c2 >= 0x40 && c2 !== 0x7f && c2 !== 0xff) {
      o[j++] = t2[(c - 0x81) * TWO_BYTE_TRAILS + trailIndex(c2)]!;
      i += 2;
      continue;
    }
    if (c2 >= 0x30 && c2 <= 0x39 && i + 3 < end) {
      const c3 = b[i + 2]!;
      const c4 = b[i + 3]!;
      if (c3 >= 0x81 && c3 <= 0xfe && c4 >= 0x30 && c4 <= 0x39) {
        const idx = (((c - 0x81) * 10 + (c2 - 0x30)) * 126 + (c3 - 0x81)) * 10 + (c4 - 0x30);
        if (idx < FOUR_BYTE_BMP) o[j++] = t4[idx]!;
        else if (idx >= SUPPLEMENTARY_BASE && idx < SUPPLEMENTARY_BASE + 0x100000) {
          const cp = idx - SUPPLEMENTARY_BASE;
          o[j++] = 0xd800 + (cp >> 10);
          o[j++] = 0xdc00 + (cp & 0x3ff);
        } else o[j++] = 0xfffd;
        i += 4;
        continue;
      }
    }
    o[j++] = 0xfffd; // malformed: resume at the next byte
    i++;
  }
  return ucs2Text(outBuf, j * 2);
}

let encodeMap: Map<number, number[]> | null = null;

/** Encodes text as GB18030 bytes (tests and benchmarks; unmappable characters become `?`). */
export function encodeGb18030(text: string): Buffer {
  if (two === null) buildTables();
  if (encodeMap === null) {
    const m = new Map<number, number[]>();
    for (let i = four!.length - 1; i >= 0; i--) {
      const u = four![i]!;
      if (u !== 0xfffd || i === 39417)
        m.set(u, [0x81 + Math.floor(i / 12600), 0x30 + (Math.floor(i / 1260) % 10), 0x81 + (Math.floor(i / 10) % 126), 0x30 + (i % 10)]);
    }
    for (let i = two!.length - 1; i >= 0; i--) {
      const u = two![i]!;
      if (u === 0xfffd) continue;
      const t = i % TWO_BYTE_TRAILS;
      m.set(u, [0x81 + Math.floor(i / TWO_BYTE_TRAILS), t < 0x3f ? t + 0x40 : t + 0x41]);
    }
    encodeMap = m;
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp >= 0x10000) {
      const idx = cp - 0x10000 + SUPPLEMENTARY_BASE;
      bytes.push(0x81 + Math.floor(idx / 12600), 0x30 + (Math.floor(idx / 1260) % 10), 0x81 + (Math.floor(idx / 10) % 126), 0x30 + (idx % 10));
    } else bytes.push(...(encodeMap.get(cp) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
