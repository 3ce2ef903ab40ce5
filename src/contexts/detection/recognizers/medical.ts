/**
 * Health data (`medical_record`): diagnoses, tests and drugs from `dict-medical.json`, and ICD-10
 * codes (`[A-TV-Z][0-9]{2}(\.[0-9A-Z]{1,4})?`, found by the scanner), each reported only with
 * medical context: a keyword of `dict-context.json` (诊断, 病历, 患者, 服用 …) within
 * MEDICAL_WINDOW_BEFORE characters before or MEDICAL_WINDOW_AFTER after, another medical term
 * close by (co-occurrence), or a column header naming the type. A term alone in prose
 * ("加强慢性病管理") is not personal health data. Spans cover the term or code only.
 */
import { isCjk, isDigit, isWideDigit, norm } from './chars.ts';
import { CTX, MED, medicalTerms } from './dictionaries.ts';
import type { ScanHost } from './host.ts';

export const MEDICAL_WINDOW_BEFORE = 20;
export const MEDICAL_WINDOW_AFTER = 8;
/** Two medical terms this close (characters) support each other. */
export const MEDICAL_COOCCURRENCE = 12;

const BASE: Readonly<Record<number, number>> = { [MED.disease]: 0.45, [MED.test]: 0.35, [MED.drug]: 0.45 };
const CONTEXT = 0.35;
const COOCCURRENCE = 0.1;

interface Term {
  start: number;
  end: number;
  base: number;
}

const QUALIFIERS = ['急性', '慢性', '原发性', '继发性', '复发性', '重症', '重度', '轻度', '中度', '晚期', '早期', '先天性', '遗传性', '病毒性', '细菌性', '恶性', '良性'];

function qualifierStart(text: string, start: number, from: number): number {
  for (const q of QUALIFIERS) {
    const s = start - q.length;
    if (s >= from && text.startsWith(q, s)) return s;
    // Traditional forms normalise character by character.
    if (s >= from) {
      let same = true;
      for (let k = 0; k < q.length && same; k++) if (norm(text.charCodeAt(s + k)) !== q.charCodeAt(k)) same = false;
      if (same) return s;
    }
  }
  return start;
}

export function findMedical(host: ScanHost, hits: readonly number[]): void {
  const text = host.text;
  const to = host.to;
  const trie = medicalTerms();
  const terms: Term[] = [];
  let lastEnd = -1;
  for (const p of hits) {
    if (p < lastEnd) continue;
    const m = trie.longestAt(text, p, to);
    if (m === null) continue;
    let start = p;
    const end = p + m.length;
    // A term must not continue a longer CJK word on the right when it is a single disease
    // syllable pair like 中风 in 中风险.
    if (end < to && text.charCodeAt(end) === 0x9669 /* 险 */) continue;
    // "2型糖尿病", "Ⅱ型糖尿病": the type number belongs to the diagnosis.
    if (start - 2 >= host.from && text.charCodeAt(start - 1) === 0x578b /* 型 */) {
      const d = text.charCodeAt(start - 2);
      if (isDigit(d) || isWideDigit(d) || d === 0x2160 || d === 0x2161 || d === 0x4e00 || d === 0x4e8c) start -= 2;
    }
    // Qualifiers belong to the diagnosis: 急性阑尾炎, 慢性肾炎, 原发性高血压.
    if (m.value === MED.disease) start = qualifierStart(text, start, host.from);
    terms.push({ start, end, base: BASE[m.value] ?? 0.4 });
    lastEnd = end;
  }
  const icd = host.icdCandidates;
  for (let k = 0; k + 1 < icd.length; k += 2) terms.push({ start: icd[k] as number, end: icd[k + 1] as number, base: 0.4 });
  if (terms.length === 0) return;
  terms.sort((a, b) => a.start - b.start);
  const ctx = host.context();
  const hinted = host.hinted('medical_record');
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k] as Term;
    let c = t.base;
    const around = ctx.before(t.start, MEDICAL_WINDOW_BEFORE) | ctx.after(t.end, MEDICAL_WINDOW_AFTER);
    if ((around & CTX.medical_record) !== 0) c += CONTEXT;
    const prev = terms[k - 1];
    const next = terms[k + 1];
    if ((prev !== undefined && t.start - prev.end <= MEDICAL_COOCCURRENCE) || (next !== undefined && next.start - t.end <= MEDICAL_COOCCURRENCE)) c += COOCCURRENCE;
    if (hinted) c += 0.3;
    // A term glued inside a longer CJK word that is not itself medical ("高血压" is fine, but the
    // left neighbour must not make it part of a name such as 李糖尿 — rare; keep simple).
    if (t.start > host.from && isCjk(text.charCodeAt(t.start - 1)) && (around & CTX.medical_record) === 0) c -= 0.05;
    host.emit('medical_record', t.start, t.end, c);
  }
}
