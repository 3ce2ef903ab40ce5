import { describe, expect, it } from 'vitest';
import { validateCnLicensePlate, validateVin, vinCheckChar } from './vehicle.ts';

describe('cn_license_plate', () => {
  it('accepts ordinary plates and removes separators', () => {
    expect(validateCnLicensePlate('闽A12345')).toEqual({ valid: true, normalized: '闽A12345', strength: 'medium' });
    expect(validateCnLicensePlate('闽A·12345')).toMatchObject({ valid: true, normalized: '闽A12345' });
    expect(validateCnLicensePlate('京 N-8B8G8')).toMatchObject({ valid: true, normalized: '京N8B8G8' });
    expect(validateCnLicensePlate('粤b12345')).toMatchObject({ valid: true, normalized: '粤B12345' });
  });

  it('accepts small and large new-energy plates', () => {
    expect(validateCnLicensePlate('京AD12345')).toMatchObject({ valid: true, normalized: '京AD12345' });
    expect(validateCnLicensePlate('沪AFA1234')).toMatchObject({ valid: true });
    expect(validateCnLicensePlate('闽AD·12345')).toMatchObject({ valid: true, normalized: '闽AD12345' });
    expect(validateCnLicensePlate('粤B12345F')).toMatchObject({ valid: true });
    expect(validateCnLicensePlate('苏E12345D')).toMatchObject({ valid: true });
  });

  it('accepts trailer, school, police, consulate, cross-border and embassy plates', () => {
    for (const p of ['冀A1234挂', '沪A1234学', '京A1234警', '沪A1234领', '粤Z1234港', '粤Z1234澳', '使014001']) {
      expect(validateCnLicensePlate(p).valid, p).toBe(true);
    }
  });

  it('rejects I and O, unknown province characters and malformed new-energy plates', () => {
    expect(validateCnLicensePlate('闽I12345')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnLicensePlate('闽A1234O')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnLicensePlate('港A12345')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnLicensePlate('京A1234港')).toEqual({ valid: false, reason: 'prefix' });
    expect(validateCnLicensePlate('京AD12A45')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnLicensePlate('京A1234X5')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnLicensePlate('闽A1234')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnLicensePlate('京AD1234567')).toEqual({ valid: false, reason: 'length' });
  });
});

describe('vin', () => {
  it('accepts a VIN whose check digit is X as strong', () => {
    expect(validateVin('1M8GDM9AXKP042788')).toEqual({ valid: true, normalized: '1M8GDM9AXKP042788', strength: 'strong' });
    expect(validateVin('LSVAU218XN2183294')).toMatchObject({ valid: true, strength: 'strong' });
    expect(validateVin('1m8gdm9axkp042788')).toMatchObject({ valid: true, normalized: '1M8GDM9AXKP042788', strength: 'strong' });
  });

  it('accepts a VIN with a digit check digit as strong', () => {
    expect(validateVin('LFV2A21K7F3010381')).toMatchObject({ valid: true, strength: 'strong' });
  });

  it('keeps a well-formed VIN whose check digit does not match as weak', () => {
    expect(validateVin('WVWZZZ1JZXW000001')).toEqual({ valid: true, normalized: 'WVWZZZ1JZXW000001', strength: 'weak', reason: 'checksum' });
    expect(validateVin('LFV2A21K5F3010381')).toMatchObject({ valid: true, strength: 'weak', reason: 'checksum' });
  });

  it('treats an all-digit string as weak even when the check digit matches', () => {
    expect(validateVin('11111111111111111')).toEqual({ valid: true, normalized: '11111111111111111', strength: 'weak', reason: 'format' });
  });

  it('rejects I, O, Q and wrong lengths', () => {
    expect(validateVin('1M8GDM9AXKP04278I')).toEqual({ valid: false, reason: 'format' });
    expect(validateVin('1M8GDM9AXKPO42788')).toEqual({ valid: false, reason: 'format' });
    expect(validateVin('1M8GDM9AXKQ042788')).toEqual({ valid: false, reason: 'format' });
    expect(validateVin('1M8GDM9AXKP04278')).toEqual({ valid: false, reason: 'length' });
  });

  it('computes the ISO 3779 check character', () => {
    expect(vinCheckChar('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckChar('LFV2A21K0F3010381')).toBe('7');
    expect(vinCheckChar('1M8GDM9AXKP04278I')).toBe('');
  });
});
