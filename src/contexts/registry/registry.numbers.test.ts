import { describe, expect, it } from 'vitest';
import { loadRegistryConfig, parseRegistryConfig, stepsFor } from './registry.config.ts';
import { certificateNumber, isValidRegistrationNumber, mod112Check, registrationNumber } from './registry.numbers.ts';

describe('registration and certificate numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character as the resident identity number does', () => {
    // GB 11643 example numbers: 11010519491231002X and 440524188001010014.
    expect(mod112Check('11010519491231002')).toBe('X');
    expect(mod112Check('44052418800101001')).toBe('4');
  });

  it('builds a 16-character registration number from year, source, subject type and sequence', () => {
    const no = registrationNumber({ year: 2026, sourceCode: '1', subjectTypeCode: '1', sequence: 42 });
    expect(no).toHaveLength(16);
    expect(no.slice(0, 15)).toBe('202611000000042');
    expect(no[15]).toBe(mod112Check('202611000000042'));
    expect(isValidRegistrationNumber(no)).toBe(true);
  });

  it('rejects a registration number with any single digit changed or two adjacent digits swapped', () => {
    const no = registrationNumber({ year: 2024, sourceCode: '4', subjectTypeCode: '3', sequence: 123_456_789 });
    for (let i = 0; i < 15; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === no[i]) continue;
        expect(isValidRegistrationNumber(no.slice(0, i) + d + no.slice(i + 1)), `digit ${i} → ${d}`).toBe(false);
      }
      if (i < 14 && no[i] !== no[i + 1]) expect(isValidRegistrationNumber(no.slice(0, i) + no[i + 1] + no[i] + no.slice(i + 2))).toBe(false);
    }
    expect(isValidRegistrationNumber('2024431234567890')).toBe(false);
    expect(isValidRegistrationNumber('abc')).toBe(false);
  });

  it('refuses a sequence that does not fit nine digits', () => {
    expect(() => registrationNumber({ year: 2026, sourceCode: '1', subjectTypeCode: '1', sequence: 1_000_000_000 })).toThrow(/9 digits/);
  });

  it('builds a 17-digit certificate number from year, month, registry code and serial', () => {
    expect(certificateNumber({ year: 2024, month: 9, registryCode: '3528', serial: 7 })).toBe('20240935280000007');
  });
});

describe('registry configuration', () => {
  it('loads the shipped configuration with every type and per-book steps', () => {
    const c = loadRegistryConfig();
    expect(c.types.map((t) => t.id)).toEqual(['first', 'change', 'transfer', 'licence', 'pledge', 'pledge_release', 'renewal', 'correction', 'cancellation', 'objection']);
    expect(stepsFor(c, 'first', 'asset')).toEqual(['acceptance', 'formal', 'substantive', 'notice']);
    expect(stepsFor(c, 'first', 'resource')).toEqual(['acceptance', 'formal', 'notice']);
    expect(c.noticeWorkingDays).toBe(10);
  });

  it('refuses review steps out of order and a missing registration type, naming the field', () => {
    const c = loadRegistryConfig();
    const swapped = { ...c, types: c.types.map((t) => (t.id === 'change' ? { ...t, steps: ['notice', 'acceptance'] } : t)) };
    expect(() => parseRegistryConfig(swapped)).toThrow(/types\.1\.steps/);
    expect(() => parseRegistryConfig({ ...c, types: c.types.slice(1) })).toThrow(/types/);
  });
});
