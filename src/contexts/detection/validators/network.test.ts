import { describe, expect, it } from 'vitest';
import { parseIPv4, validateEmail, validateIpAddress, validateMacAddress } from './network.ts';

describe('email', () => {
  it('accepts ordinary and internationalised addresses', () => {
    expect(validateEmail('zhang.san@example.com')).toEqual({ valid: true, normalized: 'zhang.san@example.com', strength: 'strong' });
    expect(validateEmail('user+tag@mail.example.com.cn')).toMatchObject({ valid: true });
    expect(validateEmail('张三@例子.中国')).toMatchObject({ valid: true });
    expect(validateEmail("o'brien_1@xn--fiqs8s.cn")).toMatchObject({ valid: true });
  });

  it('lower-cases the domain but keeps the local part', () => {
    expect(validateEmail('Zhang.San@Example.COM')).toMatchObject({ normalized: 'Zhang.San@example.com' });
  });

  it('rejects malformed addresses', () => {
    for (const bad of ['plainaddress', '@example.com', 'a@b', 'a..b@example.com', '.a@example.com', 'a.@example.com', 'a@-example.com', 'a@example-.com', 'a@example.123', 'a@@example.com', 'a@example.c', 'a b@example.com', 'a@exa mple.com', 'a@example..com']) {
      expect(validateEmail(bad).valid, bad).toBe(false);
    }
  });
});

describe('ip_address', () => {
  it('accepts IPv4 as medium and IPv6 as strong, including compressed forms', () => {
    expect(validateIpAddress('192.168.1.10')).toEqual({ valid: true, normalized: '192.168.1.10', strength: 'medium' });
    expect(validateIpAddress('8.8.8.8')).toMatchObject({ valid: true });
    expect(validateIpAddress('2001:DB8::1')).toEqual({ valid: true, normalized: '2001:db8::1', strength: 'strong' });
    expect(validateIpAddress('fe80::1ff:fe23:4567:890a')).toMatchObject({ valid: true });
    expect(validateIpAddress('::ffff:192.0.2.1')).toMatchObject({ valid: true });
    expect(validateIpAddress('2001:0db8:0000:0000:0000:ff00:0042:8329')).toMatchObject({ valid: true });
  });

  it('rejects leading zeros, out-of-range octets and broken IPv6', () => {
    for (const bad of ['01.2.3.4', '1.2.3.04', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1..3.4', '1.2.3.4.', '2001:db8:::1', '2001:db8::g', '12345::1']) {
      expect(validateIpAddress(bad).valid, bad).toBe(false);
    }
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
  });

  it('marks unspecified, loopback and broadcast addresses as weak', () => {
    expect(validateIpAddress('127.0.0.1')).toEqual({ valid: true, normalized: '127.0.0.1', strength: 'weak', reason: 'reserved' });
    expect(validateIpAddress('0.0.0.0')).toMatchObject({ strength: 'weak', reason: 'reserved' });
    expect(validateIpAddress('255.255.255.255')).toMatchObject({ strength: 'weak' });
    expect(validateIpAddress('::1')).toMatchObject({ strength: 'weak', reason: 'reserved' });
  });
});

describe('mac_address', () => {
  it('accepts colon, hyphen and Cisco forms and normalises to upper-case colon form', () => {
    expect(validateMacAddress('00:1A:2B:3C:4D:5E')).toEqual({ valid: true, normalized: '00:1A:2B:3C:4D:5E', strength: 'strong' });
    expect(validateMacAddress('00-1a-2b-3c-4d-5e')).toMatchObject({ valid: true, normalized: '00:1A:2B:3C:4D:5E' });
    expect(validateMacAddress('001a.2b3c.4d5e')).toMatchObject({ valid: true, normalized: '00:1A:2B:3C:4D:5E', strength: 'strong' });
  });

  it('accepts bare hex as weak and reserved addresses as weak', () => {
    expect(validateMacAddress('001A2B3C4D5E')).toEqual({ valid: true, normalized: '00:1A:2B:3C:4D:5E', strength: 'weak', reason: 'format' });
    expect(validateMacAddress('00:00:00:00:00:00')).toMatchObject({ valid: true, strength: 'weak', reason: 'reserved' });
    expect(validateMacAddress('FF:FF:FF:FF:FF:FF')).toMatchObject({ strength: 'weak', reason: 'reserved' });
  });

  it('rejects mixed separators, non-hex digits and wrong lengths', () => {
    expect(validateMacAddress('00:1A-2B:3C:4D:5E')).toEqual({ valid: false, reason: 'format' });
    expect(validateMacAddress('00:1G:2B:3C:4D:5E')).toEqual({ valid: false, reason: 'format' });
    expect(validateMacAddress('00:1A:2B:3C')).toEqual({ valid: false, reason: 'length' });
    expect(validateMacAddress('001a.2b3c-4d5e')).toEqual({ valid: false, reason: 'format' });
  });
});
