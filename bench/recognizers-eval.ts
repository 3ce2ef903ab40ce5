/**
 * Per-type precision/recall/F1 of `findInText` on a labelled JSONL corpus: exact span match (the
 * acceptance measure), or with --overlap a finding that overlaps a gold span of its type.
 *
 *   npx tsx bench/recognizers-eval.ts [file.jsonl] [--errors | --brief] [--overlap]
 *
 * --errors prints each wrong span with its whole text; --brief with 30 characters either side, on one line.
 *
 * Default corpus: src/contexts/detection/recognizers/fixtures/eval-freetext.jsonl.
 */
import { readFileSync } from 'node:fs';
import { evaluate, parseJsonl } from '../src/contexts/detection/recognizers/evaluate.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? new URL('../src/contexts/detection/recognizers/fixtures/eval-freetext.jsonl', import.meta.url).pathname;
const corpus = parseJsonl(readFileSync(file, 'utf8'));
const t0 = Date.now();
const r = evaluate(corpus, args.includes('--overlap') ? 'overlap' : 'exact');
const ms = Date.now() - t0;
const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
console.log(`${corpus.length} texts, ${r.micro.tp + r.micro.fn} gold spans, ${args.includes('--overlap') ? 'overlapping' : 'exact'} span match (${ms} ms)\n`);
console.log(`${'type'.padEnd(26)} ${'gold'.padStart(5)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)}      P      R     F1`);
for (const [type, c] of Object.entries(r.perType)) {
  console.log(`${type.padEnd(26)} ${String(c.tp + c.fn).padStart(5)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)} ${pct(c.precision)} ${pct(c.recall)} ${pct(c.f1)}`);
}
const m = r.micro;
console.log(`${'micro'.padEnd(26)} ${String(m.tp + m.fn).padStart(5)} ${String(m.tp).padStart(5)} ${String(m.fp).padStart(5)} ${String(m.fn).padStart(5)} ${pct(m.precision)} ${pct(m.recall)} ${pct(m.f1)}`);
if (args.includes('--errors')) {
  console.log('');
  for (const e of r.errors) console.log(`${e.kind.toUpperCase()} ${e.type} ${JSON.stringify(e.span)} | ${e.text}`);
}
if (args.includes('--brief')) {
  console.log('');
  const oneLine = (s: string): string => s.replace(/\r?\n/g, '⏎');
  for (const e of r.errors) {
    const before = oneLine(e.text.slice(Math.max(0, e.start - 30), e.start));
    const after = oneLine(e.text.slice(e.start + e.span.length, e.start + e.span.length + 30));
    console.log(`${e.kind.toUpperCase()} ${e.type} ${JSON.stringify(e.span)} | ${before}【${oneLine(e.span)}】${after}`);
  }
}
