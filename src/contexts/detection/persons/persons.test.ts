import { describe, expect, it } from 'vitest';
import { hash64, KeySet } from './key-set.ts';
import { PersonCounter, personHash } from './persons.ts';

describe('distinct persons', () => {
  it('counts a person once however often and under whichever GB 11643 document they appear', () => {
    const c = new PersonCounter();
    c.add('cn_resident_id', '350128199001011234', false);
    c.add('cn_resident_id', '350128199001011234', false);
    c.add('tw_residence_permit', '830000199001010012', false);
    expect(c.counts()).toEqual({ persons: 2, sensitiveSubjects: 0, personalSubjects: 2 });
  });

  it('moves a person to the sensitive count once any of their rows carries sensitive data', () => {
    const c = new PersonCounter();
    c.add('cn_resident_id', 'A', false);
    c.add('cn_resident_id', 'B', false);
    c.add('cn_resident_id', 'A', true);
    expect(c.counts()).toEqual({ persons: 2, sensitiveSubjects: 1, personalSubjects: 1 });
  });

  it('merges counters from parallel workers exactly', () => {
    const a = new PersonCounter();
    const b = new PersonCounter();
    const whole = new PersonCounter();
    for (let i = 0; i < 5000; i++) {
      const id = String(100000 + i);
      const sensitive = i % 7 === 0;
      (i % 2 ? a : b).add('cn_passport', id, sensitive);
      whole.add('cn_passport', id, sensitive);
      if (i % 3 === 0) a.add('cn_passport', id, false); // overlap between the workers
    }
    a.mergePacked(b.toPacked());
    expect(a.counts()).toEqual(whole.counts());
  });

  it('keeps a million distinct keys without losing or inventing any', () => {
    const s = new KeySet();
    for (let i = 0; i < 1_000_000; i++) {
      const [h, l] = hash64(`k${i}`);
      s.add(h, l);
    }
    expect(s.size).toBe(1_000_000);
    const [h, l] = hash64('k999999');
    expect(s.has(h, l)).toBe(true);
    const [h2, l2] = hash64('not-there');
    expect(s.has(h2, l2)).toBe(false);
  });

  it('merges a large packed set into an empty one with every member and flag', () => {
    const from = new KeySet(16, true);
    for (let i = 0; i < 300_000; i++) {
      const [h, l] = hash64(`m${i}`);
      from.add(h, l, i % 4 === 0);
    }
    const into = new KeySet(16, true);
    into.addPacked(from.toPacked());
    into.addPacked(from.toPacked(true), true, { members: 'present' });
    expect([into.size, into.flaggedSize]).toEqual([300_000, 75_000]);
    for (const i of [0, 1, 4, 299_999]) expect(into.has(...hash64(`m${i}`))).toBe(true);
    expect(into.has(...hash64('m300000'))).toBe(false);
  });

  it('hashes persons with a keyed SM3 HMAC that depends on the key', () => {
    const a = personHash('key-one-0123456789', 'cn_resident_id', '350128199001011234');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(personHash('key-two-0123456789', 'cn_resident_id', '350128199001011234')).not.toBe(a);
    expect(personHash('key-one-0123456789', 'tw_residence_permit', '350128199001011234')).toBe(a);
  });
});
