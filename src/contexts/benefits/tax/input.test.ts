import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { check, checkSubsidyInput, subsidyInput } from './input.ts';

/** What a call gives: the parsed value or the one-line message of what it throws. */
function outcome(fn: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** A deterministic stream of numbers in [0, 1) (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_VALUES: unknown[] = [-1, -0.01, 0.001, 12.345, 1_000_000_000.01, Number.NaN, Number.POSITIVE_INFINITY, '100', null, true, [], {}, 2 ** 60, -0];
const FIELDS = ['year', 'wagesCny', 'otherIncomeCny', 'businessIncomeCny', 'mainlandTaxPaidCny', 'businessTaxPaidCny', 'fxTwdPerCny', 'rule', 'sharePercent', 'residenceDays', 'specialDeductionsCny', 'specialAdditionalDeductionsCny', 'otherDeductionsCny', 'taiwan', 'specialAdditionalDeductions', 'unknownField'];

/** A plausible person-year, then with one to three fields replaced by something odd (or removed). */
function generated(next: () => number): Record<string, unknown> {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const input: Record<string, unknown> = {
    year: pick([2023, 2024, 2025, 2024.5]),
    wagesCny: Math.round(next() * 150_000_000) / 100,
    mainlandTaxPaidCny: Math.round(next() * 5_000_000) / 100,
  };
  if (next() < 0.5) input.otherIncomeCny = pick([0, 1234.5, 99.99]);
  if (next() < 0.5) input.businessIncomeCny = pick([0, 50_000, 100_000.01]);
  if (next() < 0.3) input.rule = pick(['burden-difference', 'share-of-tax']);
  if (next() < 0.3) input.sharePercent = pick([20, 12.5, 100, 0.01]);
  if (next() < 0.5) input.residenceDays = pick([0, 150, 183, 184, 366]);
  if (next() < 0.3) input.fxTwdPerCny = pick([4.4, 4.512345, 100, 0.000001]);
  if (next() < 0.3) input.taiwan = pick([{ filingStatus: 'married', dependants: 2 }, { age70OrOver: true }, { dependants: 3, dependantsAge70OrOver: 1, spouseAge70OrOver: false }, {}]);
  if (next() < 0.2) input.otherDeductionsCny = undefined;
  const changes = Math.floor(next() * 4);
  for (let c = 0; c < changes; c++) {
    const field = pick(FIELDS);
    const r = next();
    if (r < 0.15) delete input[field];
    else if (field === 'taiwan') input.taiwan = pick([{ filingStatus: 'widowed' }, { dependants: 31 }, { dependants: 1.5 }, { age70OrOver: 'yes' }, { extra: 1 }, null, [], 'single']);
    else if (field === 'rule') input.rule = pick(['burden', 'SHARE-OF-TAX', 1, null]);
    else if (field === 'specialAdditionalDeductions') input.specialAdditionalDeductions = pick([{ children: 2 }, { children: -1 }, {}]);
    else if (field === 'residenceDays') input.residenceDays = pick([367, 1.5, -1, '200']);
    else if (field === 'sharePercent') input.sharePercent = pick([0, 100.01, 12.345, '20']);
    else input[field] = pick(BAD_VALUES);
  }
  return input;
}

describe('the subsidy input check', () => {
  it('accepts, parses and refuses exactly as the zod schema does, naming the same field', () => {
    const next = random(20261127);
    let accepted = 0;
    const differing: unknown[] = [];
    for (let n = 0; n < 5_000; n++) {
      const input = generated(next);
      const fast = outcome(() => checkSubsidyInput(input));
      const reference = outcome(() => check(subsidyInput, input));
      // Same keys and values (minus zero included), in any order; or the same message.
      if (!isDeepStrictEqual(fast, reference)) differing.push({ input, fast, reference });
      if ('value' in fast) accepted++;
    }
    expect(differing.slice(0, 3)).toEqual([]);
    // Both sides of the comparison were exercised.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(4_500);
  });

  it('refuses what is not an object as the schema does', () => {
    for (const input of [null, undefined, 7, 'x', [], new Date(0), Object.create(null) as object]) {
      expect(isDeepStrictEqual(outcome(() => checkSubsidyInput(input)), outcome(() => check(subsidyInput, input)))).toBe(true);
    }
  });
});
