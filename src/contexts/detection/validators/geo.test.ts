import { describe, expect, it } from 'vitest';
import { validateGeoCoordinate } from './geo.ts';

describe('geo_coordinate', () => {
  it('accepts a precise lat,lng pair in China as strong', () => {
    expect(validateGeoCoordinate('25.5035,119.7906')).toEqual({ valid: true, normalized: '25.5035,119.7906', strength: 'strong' });
    expect(validateGeoCoordinate('25.503512, 119.790634')).toMatchObject({ valid: true, normalized: '25.503512,119.790634' });
    expect(validateGeoCoordinate('25.5035 119.7906')).toMatchObject({ valid: true });
    expect(validateGeoCoordinate('25.5035，119.7906')).toMatchObject({ valid: true });
  });

  it('reads lng,lat when only that order fits, or when told so', () => {
    expect(validateGeoCoordinate('119.7906,25.5035')).toMatchObject({ valid: true, normalized: '25.5035,119.7906' });
    expect(validateGeoCoordinate('2.2945,48.8584', 'lnglat')).toEqual({ valid: true, normalized: '48.8584,2.2945', strength: 'medium' });
    expect(validateGeoCoordinate('25.5035,119.7906', 'lnglat')).toEqual({ valid: false, reason: 'range' });
  });

  it('accepts points outside China as medium and null island as weak', () => {
    expect(validateGeoCoordinate('48.8584,2.2945')).toMatchObject({ valid: true, strength: 'medium' });
    expect(validateGeoCoordinate('-33.8568,151.2153')).toMatchObject({ valid: true, strength: 'medium' });
    expect(validateGeoCoordinate('0.0000,0.0000')).toMatchObject({ valid: true, strength: 'weak', reason: 'reserved' });
  });

  it('requires four decimal places on both numbers to locate a person', () => {
    expect(validateGeoCoordinate('25.50,119.79')).toEqual({ valid: false, reason: 'precision' });
    expect(validateGeoCoordinate('25.5035,119.79')).toEqual({ valid: false, reason: 'precision' });
    expect(validateGeoCoordinate('25,119')).toEqual({ valid: false, reason: 'precision' });
  });

  it('rejects out-of-range and malformed values', () => {
    expect(validateGeoCoordinate('95.1234,200.1234')).toEqual({ valid: false, reason: 'range' });
    expect(validateGeoCoordinate('25.5035,190.7906')).toEqual({ valid: false, reason: 'range' });
    for (const bad of ['25.5035', '25.5035,,119.7906', '25.5035,119.7906,3', 'N25.5035 E119.7906', '25.5035;;119.7906', '25.,119.7906']) {
      expect(validateGeoCoordinate(bad).valid, bad).toBe(false);
    }
  });
});
