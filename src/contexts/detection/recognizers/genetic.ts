/**
 * Genetic data: DNA/RNA sequences and genotype calls. dbSNP ids (`rs` + digits) are routed here
 * by the scanner (`scan.ts`), and so are tokens that start a variant notation (`variantEnd`).
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

/**
 * Variant notations that name a person's genotype, as test reports write them (each sticky, tried
 * at the gene symbol): HGVS coding changes after a gene (KRAS c.35G>A（p.G12D）, BRCA1
 * c.5470_5477del; the protein change in brackets after it stays outside, as every labelled set but one has it),
 * HLA alleles (HLA-B*58:01), star alleles of pharmacogenes (CYP2C19*2/*2, SLCO1B1*1/*5, TPMT*3C) and APOE
 * genotypes (APOE ε3/ε4). STR calls (D3S1358 15/16) are `strCallEnd`'s.
 */
const VARIANTS: readonly RegExp[] = [
  /[A-Z][A-Z0-9]{1,9} c\.[0-9][0-9_+*-]*(?:[ACGT]>[ACGT]|delins[ACGT]+|del[ACGT]*|dup[ACGT]*|ins[ACGT]+)/y,
  /HLA-[A-Z]{1,4}[0-9]?\*[0-9]{2,4}(?::[0-9]{2,4}){0,3}/y,
  /(?:CYP[0-9][A-Z][0-9]{0,2}|SLCO1B1|TPMT|NUDT15|DPYD|UGT1A1|NAT2)\*[0-9]{1,3}[A-Z]?(?:\/\*[0-9]{1,3}[A-Z]?)?/y,
  /APOE ?ε[2-4]\/ε[2-4]/y,
];

/**
 * True when the character after an upper-case token (ending at `j`) may continue a variant notation:
 * `*` (HLA-B*, CYP2C19*), ` c.` (KRAS c.…) or `ε` (APOE ε3). Cheap test before `variantEnd`.
 */
export function mayStartVariant(text: string, j: number, to: number): boolean {
  if (j >= to) return false;
  const c = text.charCodeAt(j);
  if (c === 42 || c === 0x3b5) return true;
  return c === 32 && j + 2 < to && ((text.charCodeAt(j + 1) === 99 && text.charCodeAt(j + 2) === 46) || text.charCodeAt(j + 1) === 0x3b5);
}

/** STR loci of forensic and paternity panels (CODIS and common kits), as reports write them. */
const STR_LOCUS = /^(?:D[0-9]{1,2}S[0-9]{2,4}|vWA|VWA|FGA|TH01|TPOX|CSF1PO)$/;
/** Allele pair of an STR call after its locus: 15/16, 9.3/10. */
const STR_ALLELES = / [0-9]{1,2}(?:\.[0-9])?\/[0-9]{1,2}(?:\.[0-9])?/y;

/**
 * End of an STR genotype call (D3S1358 15/16, vWA 17/18) whose locus is the token [s, j), or -1: a
 * paternity or forensic report's genotype of a person.
 */
export function strCallEnd(text: string, s: number, j: number, to: number): number {
  if (j - s < 3 || j - s > 8 || j + 4 > to || text.charCodeAt(j) !== 32) return -1;
  if (!STR_LOCUS.test(text.slice(s, j))) return -1;
  STR_ALLELES.lastIndex = j;
  const m = STR_ALLELES.exec(text);
  if (m === null || j + m[0].length > to) return -1;
  const e = j + m[0].length;
  return e < to && isAsciiAlnum(text.charCodeAt(e)) ? -1 : e;
}

/** End of a variant notation starting at `s` (see VARIANTS), or -1. */
export function variantEnd(text: string, s: number, to: number): number {
  for (const re of VARIANTS) {
    re.lastIndex = s;
    const m = re.exec(text);
    if (m !== null && s + m[0].length <= to) {
      const e = s + m[0].length;
      if (e < to && isAsciiAlnum(text.charCodeAt(e))) continue;
      return e;
    }
  }
  return -1;
}
