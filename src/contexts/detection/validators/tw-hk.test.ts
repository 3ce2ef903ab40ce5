import { describe, expect, it } from 'vitest';
import { validateHkId, validateTwNationalId } from './tw-hk.ts';

// Check characters were computed with a separate Python implementation of each algorithm.

describe('tw_national_id', () => {
  it('accepts valid numbers as strong', () => {
    expect(validateTwNationalId('A123456789')).toEqual({ valid: true, normalized: 'A123456789', strength: 'strong' });
    expect(validateTwNationalId('B287654326').valid).toBe(true);
    expect(validateTwNationalId('F135792464').valid).toBe(true);
    expect(validateTwNationalId('a123456789')).toMatchObject({ valid: true, normalized: 'A123456789' });
  });

  it('accepts new-style foreign-resident UI numbers (gender digit 8 or 9) as medium', () => {
    expect(validateTwNationalId('A812345671')).toEqual({ valid: true, normalized: 'A812345671', strength: 'medium' });
    expect(validateTwNationalId('Z900000017')).toMatchObject({ valid: true, strength: 'medium' });
  });

  it('rejects a wrong check digit, a wrong gender digit and malformed values', () => {
    expect(validateTwNationalId('A123456788')).toEqual({ valid: false, reason: 'checksum' });
    expect(validateTwNationalId('A323456789')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateTwNationalId('1123456789')).toEqual({ valid: false, reason: 'format' });
    expect(validateTwNationalId('AB12345678')).toEqual({ valid: false, reason: 'format' });
    expect(validateTwNationalId('A12345678')).toEqual({ valid: false, reason: 'length' });
  });
});

describe('hk_id', () => {
  it('accepts a valid number with and without parentheses', () => {
    expect(validateHkId('A123456(3)')).toEqual({ valid: true, normalized: 'A1234563', strength: 'strong' });
    expect(validateHkId('A1234563')).toEqual({ valid: true, normalized: 'A1234563', strength: 'strong' });
    expect(validateHkId('A123456（3）')).toMatchObject({ valid: true });
    expect(validateHkId('c668668(9)')).toMatchObject({ valid: true, normalized: 'C6686689' });
  });

  it('accepts two-letter prefixes and the check character A', () => {
    expect(validateHkId('AB987654(3)')).toMatchObject({ valid: true, normalized: 'AB9876543' });
    expect(validateHkId('XA123456(8)')).toMatchObject({ valid: true });
    expect(validateHkId('G123456(A)')).toMatchObject({ valid: true, normalized: 'G123456A' });
    expect(validateHkId('G123456a')).toMatchObject({ valid: true, normalized: 'G123456A' });
  });

  it('rejects wrong check characters and malformed values', () => {
    expect(validateHkId('A123456(4)')).toEqual({ valid: false, reason: 'checksum' });
    expect(validateHkId('G123456(0)')).toEqual({ valid: false, reason: 'checksum' });
    expect(validateHkId('A123456(B)')).toEqual({ valid: false, reason: 'format' });
    expect(validateHkId('A123456(3')).toEqual({ valid: false, reason: 'format' });
    expect(validateHkId('1234567(3)')).toEqual({ valid: false, reason: 'format' });
    expect(validateHkId('A12345(3)')).toEqual({ valid: false, reason: 'length' });
  });
});
