import { describe, expect, it } from 'vitest';
import { usccCheckChar, validateCnUscc } from './uscc.ts';

describe('cn_uscc', () => {
  it('accepts published codes of real organisations', () => {
    // 华为技术有限公司 (Wikipedia infobox) and 深圳市腾讯计算机系统有限公司 (business-licence report).
    expect(validateCnUscc('914403001922038216')).toEqual({ valid: true, normalized: '914403001922038216', strength: 'strong' });
    expect(validateCnUscc('91440300708461136T')).toMatchObject({ valid: true, strength: 'strong' });
    // Test vectors of python-stdnum's cn.uscc module.
    for (const code of ['91350100M000100Y43', '91110000600037341L', '91230184MA1BUFLT44', '92371000MA3MXH0E3W']) {
      expect(validateCnUscc(code)).toMatchObject({ valid: true, strength: 'strong' });
    }
  });

  it('accepts codes with letters in the organisation code computed independently', () => {
    expect(validateCnUscc('91350128MA2XYW1232')).toMatchObject({ valid: true, strength: 'strong' });
    expect(validateCnUscc('12350128KDHJLM567E')).toMatchObject({ valid: true, strength: 'strong' });
    expect(validateCnUscc('52350128MJ1234567G')).toMatchObject({ valid: true });
    expect(validateCnUscc('91100000MA00ABCD1Y')).toMatchObject({ valid: true, strength: 'strong' }); // central level
    expect(validateCnUscc('91350128ma2xyw1232')).toMatchObject({ valid: true, normalized: '91350128MA2XYW1232' });
  });

  it('downgrades an unlisted division code to medium and rejects an impossible province', () => {
    expect(validateCnUscc('91359999MA2XYW123M')).toEqual({ valid: true, normalized: '91359999MA2XYW123M', strength: 'medium', reason: 'address_code' });
    expect(validateCnUscc('91990000MA2XYW1233')).toEqual({ valid: false, reason: 'address_code' });
  });

  it('rejects a wrong check character', () => {
    expect(validateCnUscc('914403001922038217')).toEqual({ valid: false, reason: 'checksum' });
    expect(validateCnUscc('91440300708461136U')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('rejects symbols outside the 31-symbol alphabet and letters in the division code', () => {
    for (const bad of ['91350100I000100Y43', '91350100O000100Y43', '91350100Z000100Y43', '91350100S000100Y43', '91350100V000100Y43']) {
      expect(validateCnUscc(bad)).toEqual({ valid: false, reason: 'format' });
    }
    expect(validateCnUscc('9135A100M000100Y43')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnUscc('91350100M000100Y4')).toEqual({ valid: false, reason: 'length' });
  });

  it('computes the check character of the GB 32100 mod-31 scheme', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });
});
