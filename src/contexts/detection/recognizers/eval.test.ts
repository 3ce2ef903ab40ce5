import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, parseJsonl } from './evaluate.ts';

const corpus = parseJsonl(readFileSync(new URL('./fixtures/eval-freetext.jsonl', import.meta.url), 'utf8'));

describe('free-text evaluation set', () => {
  it('has at least 100 labelled sentences covering every detector type', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const types = new Set(corpus.flatMap((l) => l.spans.map((s) => s.type)));
    expect(types.size).toBe(25);
    for (const { text, spans } of corpus) for (const s of spans) expect(s.end, text).toBeLessThanOrEqual(text.length);
  });

  it('reaches a micro-averaged F1 of at least 0.9 on exact spans', () => {
    const r = evaluate(corpus);
    expect(r.micro.f1, JSON.stringify(r.errors, null, 1)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('free-text sets written blind to the recognisers (bench/eval)', () => {
  // These have been used for fixes since (bench/eval/README.md), so they guard against regressions
  // rather than measure generalisation; the floors sit a little under their scores when they were
  // last used (exact, session 13: s8 0.989, s8b 0.975, s8c 0.989, s9 0.937 — s9 puts values inside
  // health spans —, s10 0.982, s11 0.971, s12 0.978, s13 0.945 — s13 labels symptoms —, s14 0.982,
  // s15 0.980, s16 0.966, s17 0.961, s18 0.978, s19 0.963, s21 0.980; session 14: s20 0.986, its first
  // run 0.956; s22 0.979, its first run 0.942; s23 0.982, its first run 0.948; session 15: s24 0.979, its first
  // run 0.954; s25 0.966, its first run 0.940). A set written blind
  // later, or not yet used, gets no floor here until its first run is on record and its errors are
  // used, so that no failing test shows its errors before.
  for (const [file, floor] of [
    ['freetext-blind-s8.jsonl', 0.96],
    ['freetext-blind-s8b.jsonl', 0.94],
    ['freetext-blind-s8c.jsonl', 0.95],
    ['freetext-blind-s9.jsonl', 0.9],
    ['freetext-blind-s10.jsonl', 0.95],
    ['freetext-blind-s11.jsonl', 0.94],
    ['freetext-blind-s12.jsonl', 0.94],
    ['freetext-blind-s13.jsonl', 0.91],
    ['freetext-blind-s14.jsonl', 0.95],
    ['freetext-blind-s15.jsonl', 0.96],
    ['freetext-blind-s16.jsonl', 0.94],
    ['freetext-blind-s17.jsonl', 0.94],
    ['freetext-blind-s18.jsonl', 0.95],
    ['freetext-blind-s19.jsonl', 0.94],
    ['freetext-blind-s20.jsonl', 0.96],
    ['freetext-blind-s21.jsonl', 0.96],
    ['freetext-blind-s22.jsonl', 0.95],
    ['freetext-blind-s23.jsonl', 0.95],
    ['freetext-blind-s24.jsonl', 0.95],
    ['freetext-blind-s25.jsonl', 0.94],
  ] as const) {
    it(`keeps a micro-averaged F1 of at least ${floor} on ${file}`, () => {
      const set = parseJsonl(readFileSync(new URL(`../../../../bench/eval/${file}`, import.meta.url), 'utf8'));
      expect(set.length).toBeGreaterThanOrEqual(180);
      const r = evaluate(set);
      expect(r.micro.f1, JSON.stringify(r.errors.slice(0, 20), null, 1)).toBeGreaterThanOrEqual(floor);
    });
  }
});
