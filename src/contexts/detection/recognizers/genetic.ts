/**
 * Genetic data: DNA/RNA sequences and genotype calls. dbSNP ids (`rs` + digits) are routed here
 * by the scanner (`scan.ts`).
 */
import { isAsciiAlnum } from './chars.ts';

/** Nucleotide letters A C G T U N (either case), by char code. */
const NUC = new Uint8Array(128);
for (const ch of 'ACGTUNacgtun') NUC[ch.charCodeAt(0)] = 1;

/**
 * True for a run of at least 20 nucleotide letters, mostly in one case (≥ 90 %), using at least
 * three distinct bases — a sequence, not an acronym or a word.
 */
export function isNucleotideRun(text: string, s: number, e: number): boolean {
  if (e - s < 20) return false;
  let upper = 0;
  let seen = 0;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 || NUC[c] !== 1) return false;
    if (c < 97) upper++;
    const u = c | 32;
    seen |= u === 97 ? 1 : u === 99 ? 2 : u === 103 ? 4 : u === 116 || u === 117 ? 8 : 0;
  }
  const n = e - s;
  const oneCase = upper * 10 >= n * 9 || (n - upper) * 10 >= n * 9;
  const distinct = (seen & 1) + ((seen >> 1) & 1) + ((seen >> 2) & 1) + ((seen >> 3) & 1);
  return oneCase && distinct >= 3;
}

function isBase(c: number): boolean {
  return c === 65 || c === 67 || c === 71 || c === 84;
}

/**
 * After a dbSNP id ending at `e`: a genotype call such as ` AG`, `: A/G`, `=CT`, `(A;G)`.
 * Returns the end of the call, or -1.
 */
export function findGenotypeEnd(text: string, e: number, to: number): number {
  let k = e;
  let gap = 0;
  while (k < to && gap < 3) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 58 || c === 0xff1a || c === 61 || c === 40) {
      k++;
      gap++;
    } else break;
  }
  if (gap === 0 || k + 2 > to) return -1;
  const a = text.charCodeAt(k);
  if (!isBase(a)) return -1;
  let b = text.charCodeAt(k + 1);
  let end = k + 2;
  if (b === 47 || b === 59) {
    b = text.charCodeAt(k + 2);
    end = k + 3;
  }
  if (!isBase(b)) return -1;
  if (end < to && text.charCodeAt(end) === 41) {
    if (text.charCodeAt(e) !== 40 && text.charCodeAt(k - 1) !== 40) return -1;
    end++;
  }
  if (end < to && isAsciiAlnum(text.charCodeAt(end))) return -1;
  return end;
}
