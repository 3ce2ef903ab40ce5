/**
 * Exact arithmetic for the calculators: CNY in integer fen, TWD in whole dollars, rates in basis points, exchange
 * rates as integer millionths. Every rounding is half up (amounts here are never negative).
 */

/** n / d rounded half up, exactly, for integers with |n| < 2^53 and d > 0. */
export function divRoundHalfUp(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

function bigDivRoundHalfUp(n: bigint, d: bigint): number {
  return Number((2n * n + d) / (2n * d));
}

/** Products of integers up to this bound are exact in a double and divided with divRoundHalfUp; larger ones (and negative ones) in BigInt — the same result (money.test.ts). */
const EXACT_PRODUCT = 2 ** 50;

/** Yuan (a number with at most 2 decimals) → fen; undefined when it has more decimals. */
export function yuanToFen(yuan: number): number | undefined {
  const scaled = yuan * 100;
  const fen = Math.round(scaled);
  return Math.abs(scaled - fen) < 1e-6 ? fen : undefined;
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Millionths per unit of an exchange rate. */
export const RATE_SCALE = 1_000_000;

/** An exchange rate (TWD per CNY) as integer millionths: 4.4 → 4_400_000. */
export function rateToMicros(twdPerCny: number): number {
  return Math.round(twdPerCny * RATE_SCALE);
}

/** fen of CNY → whole TWD at `rateMicros` TWD per CNY (× 10^6), half up. */
export function fenToTwd(fen: number, rateMicros: number): number {
  const n = fen * rateMicros;
  if (n === 0) return 0;
  if (n > 0 && n <= EXACT_PRODUCT) return divRoundHalfUp(n, 100 * RATE_SCALE);
  return bigDivRoundHalfUp(BigInt(fen) * BigInt(rateMicros), 100n * BigInt(RATE_SCALE));
}

/** Whole TWD → fen of CNY at `rateMicros` TWD per CNY (× 10^6), half up. */
export function twdToFen(twd: number, rateMicros: number): number {
  const n = twd * 100 * RATE_SCALE;
  if (n === 0) return 0;
  if (n > 0 && n <= EXACT_PRODUCT) return divRoundHalfUp(n, rateMicros);
  return bigDivRoundHalfUp(BigInt(twd) * 100n * BigInt(RATE_SCALE), BigInt(rateMicros));
}
