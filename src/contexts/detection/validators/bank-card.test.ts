import { describe, expect, it } from 'vitest';
import { luhnCheck, validateBankCard } from './bank-card.ts';

describe('bank_card', () => {
  it('is medium when Luhn passes and the issuer prefix is known', () => {
    expect(validateBankCard('6222021001115331214')).toEqual({ valid: true, normalized: '6222021001115331214', strength: 'medium' });
    expect(validateBankCard('6228480402564890018')).toMatchObject({ strength: 'medium' }); // UnionPay, 19 digits
    expect(validateBankCard('4111111111111111')).toMatchObject({ strength: 'medium' }); // Visa test number
    expect(validateBankCard('5555555555554444')).toMatchObject({ strength: 'medium' }); // Mastercard
    expect(validateBankCard('3530111333300000')).toMatchObject({ strength: 'medium' }); // JCB
    expect(validateBankCard('6011111111111117')).toMatchObject({ strength: 'medium' }); // Discover
  });

  it('keeps a known-issuer number that fails Luhn as weak, since some UnionPay cards do', () => {
    expect(validateBankCard('6222020200001234567')).toEqual({ valid: true, normalized: '6222020200001234567', strength: 'weak', reason: 'checksum' });
  });

  it('keeps a Luhn-valid number with an unknown issuer as weak', () => {
    expect(validateBankCard('7234567812345677')).toEqual({ valid: true, normalized: '7234567812345677', strength: 'weak', reason: 'prefix' });
  });

  it('rejects numbers failing both checks, a leading zero and wrong lengths', () => {
    expect(validateBankCard('1234567812345678')).toEqual({ valid: false, reason: 'checksum' });
    expect(validateBankCard('0234567812345674')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateBankCard('411111111111111')).toEqual({ valid: false, reason: 'length' });
    expect(validateBankCard('62220210011153312145')).toEqual({ valid: false, reason: 'length' });
  });

  it('accepts digit groups separated by spaces or hyphens', () => {
    expect(validateBankCard('6222 0210 0111 5331 214')).toMatchObject({ valid: true, normalized: '6222021001115331214' });
    expect(validateBankCard('4111-1111-1111-1111')).toMatchObject({ valid: true, normalized: '4111111111111111' });
    expect(validateBankCard('4111  1111 1111 1111')).toEqual({ valid: false, reason: 'format' });
    expect(validateBankCard('4111.1111.1111.1111')).toEqual({ valid: false, reason: 'format' });
  });

  it('computes Luhn on digit strings', () => {
    expect(luhnCheck('79927398713')).toBe(true);
    expect(luhnCheck('79927398710')).toBe(false);
    expect(luhnCheck('7992739871a')).toBe(false);
  });
});
