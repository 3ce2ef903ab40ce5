/**
 * Span-level evaluation of `findInText` against a labelled JSONL corpus (one
 * `{ "text": …, "spans": [{ "type", "start", "end" }] }` per line). By default (`exact`) a finding
 * counts as a true positive only when type, start and end all match a gold span. With `overlap`
 * (SemEval 2013's "partial" matching) a finding matches a gold span of the same type that it
 * overlaps, each gold span at most once: it separates boundary conventions (舍曲林 or 舍曲林片,
 * TSH or TSH 5.8mIU/L) from values missed or invented.
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
  errors: Array<{ kind: 'fp' | 'fn'; type: string; span: string; text: string; start: number }>;
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

export type SpanMatch = 'exact' | 'overlap';

export function evaluate(corpus: ReadonlyArray<{ text: string; spans: readonly GoldSpan[] }>, match: SpanMatch = 'exact'): EvalReport {
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
    if (match === 'overlap') {
      const used = new Set<number>();
      const hit = new Set<number>();
      found.forEach((f, fi) => {
        const gi = spans.findIndex((g, i) => !used.has(i) && g.type === f.type && g.start < f.end && f.start < g.end);
        if (gi < 0) return;
        used.add(gi);
        hit.add(fi);
      });
      spans.forEach((g, i) => {
        if (used.has(i)) bump(g.type, 'tp');
        else {
          bump(g.type, 'fn');
          errors.push({ kind: 'fn', type: g.type, span: text.slice(g.start, g.end), text, start: g.start });
        }
      });
      found.forEach((f, fi) => {
        if (hit.has(fi)) return;
        bump(f.type, 'fp');
        errors.push({ kind: 'fp', type: f.type, span: text.slice(f.start, f.end), text, start: f.start });
      });
      continue;
    }
    const gold = new Set(spans.map((s) => `${s.type}:${s.start}:${s.end}`));
    const got = new Set(found.map((f) => `${f.type}:${f.start}:${f.end}`));
    for (const s of spans) {
      if (got.has(`${s.type}:${s.start}:${s.end}`)) bump(s.type, 'tp');
      else {
        bump(s.type, 'fn');
        errors.push({ kind: 'fn', type: s.type, span: text.slice(s.start, s.end), text, start: s.start });
      }
    }
    for (const f of found) {
      if (!gold.has(`${f.type}:${f.start}:${f.end}`)) {
        bump(f.type, 'fp');
        errors.push({ kind: 'fp', type: f.type, span: text.slice(f.start, f.end), text, start: f.start });
      }
    }
  }
  const perType: EvalReport['perType'] = {};
  for (const [t, c] of [...per].sort((a, b) => a[0].localeCompare(b[0]))) perType[t] = { ...c, ...prf(c) };
  return { micro: { ...micro, ...prf(micro) }, perType, errors };
}
