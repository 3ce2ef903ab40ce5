/**
 * Span-level evaluation of `findInText` against a labelled JSONL corpus (one
 * `{ "text": …, "spans": [{ "type", "start", "end" }] }` per line). A finding counts as a true
 * positive only when type, start and end all match a gold span exactly.
 */
import { findInText } from './scan.ts';

export interface GoldSpan {
  type: string;
  start: number;
  end: number;
}

export interface EvalCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalReport {
  micro: EvalCounts & { precision: number; recall: number; f1: number };
  perType: Record<string, EvalCounts & { precision: number; recall: number; f1: number }>;
  errors: Array<{ kind: 'fp' | 'fn'; type: string; span: string; text: string }>;
}

function prf(c: EvalCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function parseJsonl(content: string): Array<{ text: string; spans: GoldSpan[] }> {
  return content
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as { text: string; spans: GoldSpan[] });
}

export function evaluate(corpus: ReadonlyArray<{ text: string; spans: readonly GoldSpan[] }>): EvalReport {
  const micro: EvalCounts = { tp: 0, fp: 0, fn: 0 };
  const per = new Map<string, EvalCounts>();
  const errors: EvalReport['errors'] = [];
  const bump = (type: string, k: keyof EvalCounts): void => {
    let c = per.get(type);
    if (c === undefined) {
      c = { tp: 0, fp: 0, fn: 0 };
      per.set(type, c);
    }
    c[k]++;
    micro[k]++;
  };
  for (const { text, spans } of corpus) {
    const found = findInText(text);
    const gold = new Set(spans.map((s) => `${s.type}:${s.start}:${s.end}`));
    const got = new Set(found.map((f) => `${f.type}:${f.start}:${f.end}`));
    for (const s of spans) {
      if (got.has(`${s.type}:${s.start}:${s.end}`)) bump(s.type, 'tp');
      else {
        bump(s.type, 'fn');
        errors.push({ kind: 'fn', type: s.type, span: text.slice(s.start, s.end), text });
      }
    }
    for (const f of found) {
      if (!gold.has(`${f.type}:${f.start}:${f.end}`)) {
        bump(f.type, 'fp');
        errors.push({ kind: 'fp', type: f.type, span: text.slice(f.start, f.end), text });
      }
    }
  }
  const perType: EvalReport['perType'] = {};
  for (const [t, c] of [...per].sort((a, b) => a[0].localeCompare(b[0]))) perType[t] = { ...c, ...prf(c) };
  return { micro: { ...micro, ...prf(micro) }, perType, errors };
}
