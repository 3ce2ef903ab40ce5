import { describe, expect, it } from 'vitest';
import { DETECTOR_TYPE_IDS, hasValidator, UNVALIDATED_TYPE_IDS, VALIDATORS } from './index.ts';
import type { DetectorTypeId } from './index.ts';
import { isCurrentDivisionCode, isKnownDivisionCode, isMainlandProvince, provinceName } from './admin-divisions.ts';

describe('validator registry', () => {
  it('lists every detector type of the contract', () => {
    expect(DETECTOR_TYPE_IDS).toHaveLength(25);
    const expected: DetectorTypeId[] = ['cn_resident_id', 'tw_travel_permit', 'cn_uscc', 'geo_coordinate', 'person_name', 'secret'];
    for (const t of expected) expect(DETECTOR_TYPE_IDS).toContain(t);
  });

  it('has a validator for every strictly formatted type and none for context-only types', () => {
    const keys = Object.keys(VALIDATORS).sort();
    const validated = DETECTOR_TYPE_IDS.filter((t) => !(UNVALIDATED_TYPE_IDS as readonly string[]).includes(t)).sort();
    expect(keys).toEqual(validated);
    expect(keys).toHaveLength(20);
    for (const t of UNVALIDATED_TYPE_IDS) {
      expect(hasValidator(t)).toBe(false);
      expect(t in VALIDATORS).toBe(false);
    }
    expect(hasValidator('cn_mobile')).toBe(true);
  });

  it('dispatches to the right validator for each type', () => {
    const samples: Partial<Record<DetectorTypeId, string>> = {
      cn_resident_id: '35012819850612005X',
      hk_residence_permit: '810000199001010019',
      mo_residence_permit: '820000198808080015',
      tw_residence_permit: '830000199001010012',
      tw_travel_permit: '12345678',
      hkmo_home_return_permit: 'H12345678',
      cn_passport: 'E12345678',
      tw_national_id: 'A123456789',
      hk_id: 'A123456(3)',
      cn_uscc: '91350100M000100Y43',
      cn_mobile: '19212345678',
      tw_mobile: '0912345678',
      cn_landline: '0591-87654321',
      email: 'a.b@example.cn',
      ip_address: '10.1.2.3',
      mac_address: '00:1A:2B:3C:4D:5E',
      bank_card: '6222021001115331214',
      cn_license_plate: '闽A12345',
      vin: '1M8GDM9AXKP042788',
      geo_coordinate: '25.5035,119.7906',
    };
    for (const [type, value] of Object.entries(samples)) {
      if (!hasValidator(type as DetectorTypeId)) throw new Error(type);
      expect(VALIDATORS[type as keyof typeof VALIDATORS].validate(value).valid, type).toBe(true);
    }
  });

  it('returns failures that callers cannot mutate', () => {
    const r = VALIDATORS.vin.validate('short');
    expect(Object.isFrozen(r)).toBe(true);
  });
});

describe('administrative-division data', () => {
  it('knows current, abolished and renumbered county codes', () => {
    expect(isCurrentDivisionCode(350128)).toBe(true); // 平潭县
    expect(isKnownDivisionCode(110103)).toBe(true); // 崇文区, abolished 2010
    expect(isCurrentDivisionCode(110103)).toBe(false);
    expect(isKnownDivisionCode(352425)).toBe(true); // 永春县 under 晋江地区, until 1985
    expect(isKnownDivisionCode(513001)).toBe(true); // 达县市, renumbered 1993
    expect(isKnownDivisionCode(119999)).toBe(false);
  });

  it('knows the mainland provinces and excludes Taiwan, Hong Kong and Macao prefixes', () => {
    expect(isMainlandProvince(35)).toBe(true);
    expect(provinceName(35)).toBe('福建省');
    for (const p of [71, 81, 82, 83, 99, 10]) expect(isMainlandProvince(p)).toBe(false);
  });
});
