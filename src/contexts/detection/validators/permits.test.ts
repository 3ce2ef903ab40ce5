import { describe, expect, it } from 'vitest';
import {
  validateCnPassport,
  validateHkmoHomeReturnPermit,
  validateHkResidencePermit,
  validateMoResidencePermit,
  validateTwResidencePermit,
  validateTwTravelPermit,
} from './permits.ts';

describe('港澳台居民居住证 residence permits', () => {
  it('accepts valid Taiwan-resident permits with address code 830000, which validator.js rejects', () => {
    expect(validateTwResidencePermit('830000199001010012')).toEqual({ valid: true, normalized: '830000199001010012', strength: 'strong' });
    expect(validateTwResidencePermit('830000199001010020').valid).toBe(true);
    expect(validateTwResidencePermit('83000019950517001x')).toMatchObject({ valid: true, normalized: '83000019950517001X' });
  });

  it('accepts valid Hong Kong-resident permits with address code 810000', () => {
    expect(validateHkResidencePermit('810000199001010019')).toMatchObject({ valid: true, strength: 'strong' });
    expect(validateHkResidencePermit('81000019751120018X')).toMatchObject({ valid: true, strength: 'strong' });
  });

  it('accepts valid Macao-resident permits with address code 820000', () => {
    expect(validateMoResidencePermit('820000198808080015')).toMatchObject({ valid: true, strength: 'strong' });
    expect(validateMoResidencePermit('820000198808080023')).toMatchObject({ valid: true, strength: 'strong' });
  });

  it('rejects a permit with a wrong check digit or an impossible date', () => {
    expect(validateTwResidencePermit('830000199001010013')).toEqual({ valid: false, reason: 'checksum' });
    expect(validateHkResidencePermit('810000199002300018')).toEqual({ valid: false, reason: 'date' });
  });

  it('rejects a number of another region or a non-810000 code under the HK prefix', () => {
    expect(validateHkResidencePermit('830000199001010012')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateMoResidencePermit('350102200101010019')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateHkResidencePermit('810100199001010015')).toEqual({ valid: false, reason: 'address_code' });
  });
});

describe('tw_travel_permit (台胞证)', () => {
  it('accepts the 8-digit lifelong number as weak, needing context', () => {
    expect(validateTwTravelPermit('12345678')).toEqual({ valid: true, normalized: '12345678', strength: 'weak' });
  });

  it('accepts old booklet forms and keeps the lifelong part as the normalized key', () => {
    expect(validateTwTravelPermit('1234567801')).toEqual({ valid: true, normalized: '12345678', strength: 'weak' });
    expect(validateTwTravelPermit('1234567801(B)')).toEqual({ valid: true, normalized: '12345678', strength: 'medium' });
    expect(validateTwTravelPermit('1234567801（B）')).toMatchObject({ valid: true, normalized: '12345678' });
    expect(validateTwTravelPermit('12345678B')).toMatchObject({ valid: true, strength: 'medium' });
  });

  it('rejects other lengths and letters inside the number', () => {
    expect(validateTwTravelPermit('1234567')).toEqual({ valid: false, reason: 'length' });
    expect(validateTwTravelPermit('1234A678')).toEqual({ valid: false, reason: 'format' });
    expect(validateTwTravelPermit('123456789')).toEqual({ valid: false, reason: 'format' });
    expect(validateTwTravelPermit('1234567801(B')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('hkmo_home_return_permit (回乡证)', () => {
  it('accepts H and M numbers with and without the renewal count', () => {
    expect(validateHkmoHomeReturnPermit('H12345678')).toEqual({ valid: true, normalized: 'H12345678', strength: 'weak' });
    expect(validateHkmoHomeReturnPermit('M1234567801')).toEqual({ valid: true, normalized: 'M12345678', strength: 'weak' });
    expect(validateHkmoHomeReturnPermit('h12345678')).toMatchObject({ valid: true, normalized: 'H12345678' });
  });

  it('rejects other letters and lengths', () => {
    expect(validateHkmoHomeReturnPermit('C12345678')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateHkmoHomeReturnPermit('H123456789')).toEqual({ valid: false, reason: 'length' });
    expect(validateHkmoHomeReturnPermit('H1234567A')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('cn_passport', () => {
  it('accepts G + 8 digits and E + letter or digit + 7 digits', () => {
    expect(validateCnPassport('G12345678')).toEqual({ valid: true, normalized: 'G12345678', strength: 'weak' });
    expect(validateCnPassport('E12345678')).toMatchObject({ valid: true });
    expect(validateCnPassport('EA1234567')).toMatchObject({ valid: true });
    expect(validateCnPassport('ea1234567')).toMatchObject({ valid: true, normalized: 'EA1234567' });
  });

  it('rejects I and O after E, other letters and wrong lengths', () => {
    expect(validateCnPassport('EI1234567')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnPassport('EO1234567')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnPassport('P12345678')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnPassport('G1234567')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnPassport('GA2345678')).toEqual({ valid: false, reason: 'format' });
  });
});
