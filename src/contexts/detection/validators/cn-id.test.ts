import { describe, expect, it } from 'vitest';
import { classifyGb11643Number, validateCnResidentId, validateId15 } from './cn-id.ts';

// Vectors were computed independently (a separate Python MOD 11-2 implementation), not with the
// code under test. 350128 = 福建省平潭县 (current), 110103 = 北京市崇文区 (abolished 2010).

describe('cn_resident_id', () => {
  it('accepts a valid 18-digit number with a known address code as strong', () => {
    expect(validateCnResidentId('350102200101010019')).toEqual({ valid: true, normalized: '350102200101010019', strength: 'strong' });
    expect(validateCnResidentId('350128200002290012').valid).toBe(true); // 29 Feb of a leap year
    expect(validateCnResidentId('350128190001010019').valid).toBe(true); // 1900 is the earliest year
  });

  it('accepts X check characters in either case and normalises them to upper case', () => {
    // 11010519491231002X is the worked example of GB 11643-1999.
    for (const id of ['35012819850612005X', '35012819850612013X', '11010519491231002X']) {
      expect(validateCnResidentId(id)).toMatchObject({ valid: true, normalized: id, strength: 'strong' });
      expect(validateCnResidentId(id.toLowerCase())).toMatchObject({ valid: true, normalized: id });
    }
  });

  it('keeps abolished address codes valid because old numbers keep their original code', () => {
    expect(validateCnResidentId('110103197001010019')).toMatchObject({ valid: true, strength: 'strong' });
  });

  it('downgrades an unlisted address code in a real province to medium instead of rejecting it', () => {
    expect(validateCnResidentId('119999198001010018')).toEqual({
      valid: true,
      normalized: '119999198001010018',
      strength: 'medium',
      reason: 'address_code',
    });
  });

  it('rejects a wrong check digit', () => {
    expect(validateCnResidentId('350102200101010018')).toEqual({ valid: false, reason: 'checksum' });
    expect(validateCnResidentId('350128198506120051')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('rejects impossible, future and pre-1900 birth dates even with a correct check digit', () => {
    expect(validateCnResidentId('350128199902300014')).toEqual({ valid: false, reason: 'date' }); // 1999-02-30
    expect(validateCnResidentId('350128199013010017')).toEqual({ valid: false, reason: 'date' }); // month 13
    expect(validateCnResidentId('35012820991231001X')).toEqual({ valid: false, reason: 'date' }); // future
    expect(validateCnResidentId('350128189912310014')).toEqual({ valid: false, reason: 'date' }); // 1899
  });

  it('leaves 81/82/83 numbers to the residence-permit types', () => {
    expect(validateCnResidentId('810000199001010019')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnResidentId('820000198808080015')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnResidentId('830000199001010012')).toEqual({ valid: false, reason: 'prefix' });
  });

  it('rejects province prefixes that do not exist', () => {
    expect(validateCnResidentId('990000199001010013')).toEqual({ valid: false, reason: 'address_code' });
    expect(validateCnResidentId('710000199001010013')).toEqual({ valid: false, reason: 'address_code' });
  });

  it('rejects wrong lengths and stray characters', () => {
    expect(validateCnResidentId('35010220010101001')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnResidentId('3501022001010100199')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnResidentId('35010220010101001Y')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnResidentId('3501022001O1010019')).toEqual({ valid: false, reason: 'format' });
  });

  it('accepts legacy 15-digit numbers and upgrades them to the 18-digit form', () => {
    expect(validateCnResidentId('350128850612123')).toEqual({ valid: true, normalized: '350128198506121239', strength: 'medium' });
    expect(validateId15('130503670401001')).toMatchObject({ valid: true, normalized: '130503196704010016' });
  });

  it('rejects 15-digit numbers with an impossible date or unknown province', () => {
    expect(validateCnResidentId('350128990230123')).toEqual({ valid: false, reason: 'date' });
    expect(validateCnResidentId('990128850612123')).toEqual({ valid: false, reason: 'address_code' });
  });

  it('classifies an 18-character number by its prefix', () => {
    expect(classifyGb11643Number('830000199001010012')).toMatchObject({ type: 'tw_residence_permit', result: { valid: true } });
    expect(classifyGb11643Number('810000199001010019')).toMatchObject({ type: 'hk_residence_permit', result: { valid: true } });
    expect(classifyGb11643Number('820000198808080015')).toMatchObject({ type: 'mo_residence_permit', result: { valid: true } });
    expect(classifyGb11643Number('350102200101010019')).toMatchObject({ type: 'cn_resident_id', result: { valid: true } });
  });
});
