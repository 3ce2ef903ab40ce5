import { describe, expect, it } from 'vitest';
import { validateSignup, type SignupInput } from './signup.ts';

const taiwan = (over: Partial<Extract<SignupInput, { kind: 'taiwan_resident' }>> = {}): SignupInput => ({
  kind: 'taiwan_resident',
  idType: 'residence_permit',
  idNumber: '830000199001010012',
  name: '李志明',
  phone: '13905910000',
  password: 'Secret@2026',
  ...over,
});
const mainland = (over: Partial<Extract<SignupInput, { kind: 'mainland_resident' }>> = {}): SignupInput => ({
  kind: 'mainland_resident',
  idNumber: '350128199203150010',
  name: '王建国',
  phone: '13905910002',
  password: 'Secret@2026',
  ...over,
});
const company = (over: Partial<Extract<SignupInput, { kind: 'company' }>> = {}): SignupInput => ({
  kind: 'company',
  uscc: '91350128MA8T7K2G5N',
  companyName: '平潭台商创业服务有限公司',
  contactName: '黄嘉文',
  phone: '13905910003',
  password: 'Secret@2026',
  ...over,
});
const reasons = (input: SignupInput) => validateSignup(input).errors.map((e) => `${e.field}:${e.reason}`);

describe('sign-up validation', () => {
  it('accepts a Taiwan resident with a residence permit, written with spaces or full-width digits, and defaults to Traditional Chinese', () => {
    const r = validateSignup(taiwan({ idNumber: '８３００００ 19900101 0012' }));
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({ kind: 'taiwan_resident', idType: 'residence_permit', detectorType: 'tw_residence_permit', idNumber: '830000199001010012', locale: 'zh-TW' });
  });

  it('refuses a residence permit with a wrong check digit as checksum', () => {
    expect(reasons(taiwan({ idNumber: '830000199001010013' }))).toEqual(['idNumber:checksum']);
  });

  it('refuses a residence permit with an impossible or future birth date as birth_date', () => {
    expect(reasons(taiwan({ idNumber: '830000199002300014' }))).toEqual(['idNumber:birth_date']);
    expect(reasons(taiwan({ idNumber: '830000209901010010' }))).toEqual(['idNumber:birth_date']);
  });

  it('refuses a mainland ID number or a Hong Kong permit offered as a Taiwan residence permit as prefix', () => {
    expect(reasons(taiwan({ idNumber: '11010519491231002X' }))).toEqual(['idNumber:prefix']);
    expect(reasons(taiwan({ idNumber: '810000199001010013' }))).toEqual(['idNumber:prefix']);
    expect(reasons(taiwan({ idNumber: '831000199001010012' }))).toEqual(['idNumber:prefix']);
  });

  it('accepts the 8-digit 台胞证 number and loosely the old 10-character forms, keeping the lifelong number', () => {
    expect(validateSignup(taiwan({ idType: 'mtp', idNumber: '12345678' })).value?.idNumber).toBe('12345678');
    expect(validateSignup(taiwan({ idType: 'mtp', idNumber: '1234567801' })).value?.idNumber).toBe('12345678');
    expect(validateSignup(taiwan({ idType: 'mtp', idNumber: '1234567801(B)' })).value?.idNumber).toBe('12345678');
    expect(reasons(taiwan({ idType: 'mtp', idNumber: '1234-56' }))).toEqual(['idNumber:format']);
    expect(reasons(taiwan({ idType: 'mtp', idNumber: 'ABCDEFGH' }))).toEqual(['idNumber:format']);
  });

  it('accepts a Taiwan mobile for a Taiwan resident but not for a mainland resident', () => {
    expect(validateSignup(taiwan({ phone: '0912-345-678' })).value?.phone).toBe('0912345678');
    expect(validateSignup(taiwan({ phone: '+886 912 345 678' })).value?.phone).toBe('0912345678');
    expect(reasons(mainland({ phone: '0912345678' }))).toEqual(['phone:format']);
  });

  it('accepts a mainland resident ID and refuses checksum, birth date, division code, a permit number and the old 15-digit form', () => {
    expect(validateSignup(mainland()).value).toMatchObject({ idType: 'resident_id', idNumber: '350128199203150010', locale: 'zh-CN' });
    expect(validateSignup(mainland({ idNumber: '11010519491231002x' })).value?.idNumber).toBe('11010519491231002X');
    expect(reasons(mainland({ idNumber: '350128199203150011' }))).toEqual(['idNumber:checksum']);
    expect(reasons(mainland({ idNumber: '350128199213150013' }))).toEqual(['idNumber:birth_date']);
    expect(reasons(mainland({ idNumber: '990000199001010011' }))).toEqual(['idNumber:division_code']);
    expect(reasons(mainland({ idNumber: '830000199001010012' }))).toEqual(['idNumber:prefix']);
    expect(reasons(mainland({ idNumber: '350128920315001' }))).toEqual(['idNumber:format']);
  });

  it('accepts a company by its USCC and refuses a wrong GB 32100 check character', () => {
    expect(validateSignup(company({ uscc: '91350128ma8t7k2g5n' })).value).toMatchObject({ idType: 'uscc', idNumber: '91350128MA8T7K2G5N', name: '平潭台商创业服务有限公司', contactName: '黄嘉文' });
    expect(reasons(company({ uscc: '91350128MA8T7K2G5P' }))).toEqual(['uscc:checksum']);
    expect(reasons(company({ uscc: '91350128MA8T7K2G5' }))).toEqual(['uscc:format']);
  });

  it('names every refused field at once: missing name, bad phone, short password', () => {
    expect(reasons(taiwan({ name: '  ', phone: '12345', password: 'short' }))).toEqual(['name:required', 'phone:format', 'password:too_short']);
    expect(reasons(company({ companyName: '', contactName: '' }))).toEqual(['companyName:required', 'contactName:required']);
  });
});
