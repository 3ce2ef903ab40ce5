import { describe, expect, it } from 'vitest';
import { fenToTwd, RATE_SCALE, twdToFen } from './money.ts';

/** n / d rounded half up in BigInt: the reference for both conversions. */
const reference = (n: bigint, d: bigint): number => Number((2n * n + d) / (2n * d));

describe('conversions between fen and whole TWD', () => {
  const rates = [1, 7, 999_999, 4_400_000, 4_512_345, 4_387_651, 33_000_000, 100_000_000];
  const amounts = [0, 1, 49, 50, 99, 100, 12_345_678, 6_000_000_000, 2 ** 40, 2 ** 43 + 1, 2 ** 50 / 4_400_000, 100_000_000_000, 2 ** 52];

  it('gives the BigInt result half up for small and large amounts, below and above the exact-double bound', () => {
    let x = 12345;
    const more = Array.from({ length: 5_000 }, () => {
      x = (x * 48271) % 2147483647;
      return Math.floor((x / 2147483647) * 10 ** (1 + (x % 12)));
    });
    const differing: string[] = [];
    for (const rate of rates) {
      for (const amount of [...amounts, ...more].map(Math.floor)) {
        if (fenToTwd(amount, rate) !== reference(BigInt(amount) * BigInt(rate), 100n * BigInt(RATE_SCALE))) differing.push(`fenToTwd(${amount}, ${rate})`);
        if (twdToFen(amount, rate) !== reference(BigInt(amount) * 100n * BigInt(RATE_SCALE), BigInt(rate))) differing.push(`twdToFen(${amount}, ${rate})`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('rounds a half exactly up at the exact-double bound', () => {
    // 50 fen at 1 TWD per CNY = 0.5 TWD → 1; then products either side of 2^50.
    expect(fenToTwd(50, 1_000_000)).toBe(1);
    expect(fenToTwd(49, 1_000_000)).toBe(0);
    expect(twdToFen(1, 200_000_000)).toBe(reference(100_000_000n, 200_000_000n));
    const nearBound = 2 ** 50 / 2 ** 20;
    expect(fenToTwd(nearBound, 2 ** 20)).toBe(reference(BigInt(nearBound) * 2n ** 20n, 100_000_000n));
    expect(fenToTwd(nearBound + 1, 2 ** 20)).toBe(reference(BigInt(nearBound + 1) * 2n ** 20n, 100_000_000n));
  });

  it('gives zero, not minus zero, for no amount', () => {
    expect(Object.is(fenToTwd(-0, 4_400_000), 0)).toBe(true);
    expect(Object.is(twdToFen(-0, 4_400_000), 0)).toBe(true);
  });
});
