import { describe, expect, it } from 'vitest';
import { isKnownAreaCode, mobileSegmentOf, validateCnLandline, validateCnMobile, validateTwMobile } from './phone.ts';

describe('cn_mobile', () => {
  it('accepts the 2019 segments 190, 192, 196 and 197', () => {
    for (const n of ['19012345678', '19212345678', '19612345678', '19712345678']) {
      expect(validateCnMobile(n)).toEqual({ valid: true, normalized: n, strength: 'medium' });
    }
  });

  it('accepts classic, virtual-operator and data-card segments', () => {
    for (const n of ['13800138000', '13412345678', '15912345678', '16212345678', '16512345678', '17012345678', '17112345678', '18612345678', '14712345678', '19912345678']) {
      expect(validateCnMobile(n).valid).toBe(true);
    }
    expect(mobileSegmentOf('17012345678')).toBe('mvno');
    expect(mobileSegmentOf('14512345678')).toBe('data');
    expect(mobileSegmentOf('17491234567')).toBe('special');
    expect(mobileSegmentOf('19212345678')).toBe('carrier');
  });

  it('accepts country codes and separators, and is strong with a country code', () => {
    expect(validateCnMobile('+86 138 0013 8000')).toEqual({ valid: true, normalized: '13800138000', strength: 'strong' });
    expect(validateCnMobile('+86-13800138000')).toMatchObject({ valid: true, strength: 'strong' });
    expect(validateCnMobile('008613800138000')).toMatchObject({ valid: true, normalized: '13800138000', strength: 'strong' });
    expect(validateCnMobile('8613800138000')).toMatchObject({ valid: true, strength: 'strong' });
    expect(validateCnMobile('(+86) 138-0013-8000')).toMatchObject({ valid: true, normalized: '13800138000' });
    expect(validateCnMobile('138 0013 8000')).toEqual({ valid: true, normalized: '13800138000', strength: 'medium' });
  });

  it('rejects unassigned and reserved segments', () => {
    expect(validateCnMobile('15412345678')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnMobile('19412345678')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnMobile('12012345678')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnMobile('17413123456')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnMobile('+85213800138000')).toEqual({ valid: false, reason: 'prefix' });
  });

  it('rejects wrong lengths and foreign characters', () => {
    expect(validateCnMobile('1380013800')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnMobile('138001380001')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnMobile('138/0013/8000')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('tw_mobile', () => {
  it('accepts national and international forms', () => {
    expect(validateTwMobile('0912-345-678')).toEqual({ valid: true, normalized: '0912345678', strength: 'medium' });
    expect(validateTwMobile('0912345678')).toEqual({ valid: true, normalized: '0912345678', strength: 'medium' });
    expect(validateTwMobile('+886 912 345 678')).toEqual({ valid: true, normalized: '0912345678', strength: 'strong' });
    expect(validateTwMobile('+886-912-345-678')).toMatchObject({ valid: true, strength: 'strong' });
    expect(validateTwMobile('00886912345678')).toMatchObject({ valid: true, normalized: '0912345678' });
    expect(validateTwMobile('+886 0912 345 678')).toMatchObject({ valid: true, normalized: '0912345678' });
  });

  it('rejects landlines and wrong lengths', () => {
    expect(validateTwMobile('02-2345-6789')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateTwMobile('+886 2 2345 6789')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateTwMobile('091234567')).toEqual({ valid: false, reason: 'length' });
  });
});

describe('cn_landline', () => {
  it('accepts area code plus local number in the common writings', () => {
    expect(validateCnLandline('0591-87654321')).toEqual({ valid: true, normalized: '0591-87654321', strength: 'medium' });
    expect(validateCnLandline('(0591)8765432')).toEqual({ valid: true, normalized: '0591-8765432', strength: 'medium' });
    expect(validateCnLandline('010-62345678')).toMatchObject({ valid: true, normalized: '010-62345678' });
    expect(validateCnLandline('021 6234 5678')).toMatchObject({ valid: true, normalized: '021-62345678' });
    expect(validateCnLandline('059187654321')).toMatchObject({ valid: true, normalized: '0591-87654321' });
  });

  it('accepts country codes with the trunk zero dropped', () => {
    expect(validateCnLandline('+86 591 8765 4321')).toMatchObject({ valid: true, normalized: '0591-87654321' });
    expect(validateCnLandline('+86-10-62345678')).toMatchObject({ valid: true, normalized: '010-62345678' });
    expect(validateCnLandline('0086 591 87654321')).toMatchObject({ valid: true, normalized: '0591-87654321' });
  });

  it('accepts extensions', () => {
    expect(validateCnLandline('010-62345678-123')).toMatchObject({ valid: true, normalized: '010-62345678-123' });
    expect(validateCnLandline('+86 591 8765 4321 转 808')).toMatchObject({ valid: true, normalized: '0591-87654321-808' });
    expect(validateCnLandline('0591-87654321分机12')).toMatchObject({ valid: true, normalized: '0591-87654321-12' });
    expect(validateCnLandline('0591-87654321 ext. 12')).toMatchObject({ valid: true, normalized: '0591-87654321-12' });
    expect(validateCnLandline('0591-87654321#5')).toMatchObject({ valid: true, normalized: '0591-87654321-5' });
  });

  it('marks a well-formed but unlisted area code as weak', () => {
    expect(validateCnLandline('0399-87654321')).toEqual({ valid: true, normalized: '0399-87654321', strength: 'weak', reason: 'prefix' });
    expect(isKnownAreaCode('0591')).toBe(true);
    expect(isKnownAreaCode('0399')).toBe(false);
  });

  it('rejects mobile numbers, local numbers starting with 0 or 1, and numbers without area code', () => {
    expect(validateCnLandline('013800138000')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnLandline('0591-17654321')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnLandline('87654321')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnLandline('13800138000')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnLandline('010-6234567')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnLandline('059-187654321')).toEqual({ valid: false, reason: 'format' });
  });
});
