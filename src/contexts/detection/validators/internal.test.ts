import { describe, expect, it } from 'vitest';
import { dayKeyCst, isFutureDateKeyCst, isValidDate, todayKeyCst } from './internal.ts';

describe('date helpers', () => {
  it('computes calendar days in China Standard Time', () => {
    expect(dayKeyCst(Date.UTC(2024, 0, 1, 15, 59, 59))).toBe(20240101);
    expect(dayKeyCst(Date.UTC(2024, 0, 1, 16, 0, 0))).toBe(20240102);
    expect(dayKeyCst(Date.UTC(2023, 11, 31, 20, 0, 0))).toBe(20240101);
  });

  it('knows month lengths and leap years', () => {
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(1999, 4, 31)).toBe(false);
    expect(isValidDate(1999, 12, 31)).toBe(true);
    expect(isValidDate(1999, 0, 1)).toBe(false);
    expect(isValidDate(1999, 1, 0)).toBe(false);
  });

  it('treats today as not in the future and tomorrow as in the future', () => {
    const today = todayKeyCst();
    expect(today).toBe(dayKeyCst(Date.now()));
    expect(isFutureDateKeyCst(today)).toBe(false);
    expect(isFutureDateKeyCst(19491001)).toBe(false);
    expect(isFutureDateKeyCst(today + 10000)).toBe(true);
  });
});
