import { describe, expect, it } from 'vitest';
import { IdempotencyKeys, randomKey } from '../../web/src/customs/idempotency.ts';

describe('idempotency keys of customs actions', () => {
  it('reuses the key while the same request is sent again, and takes a new one when it changes', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor(['approve', 7, { routeEvidence: 'A' }]);
    expect(keys.keyFor(['approve', 7, { routeEvidence: 'A' }])).toBe(first);
    const changed = keys.keyFor(['approve', 7, { routeEvidence: 'B' }]);
    expect(changed).not.toBe(first);
    expect(keys.keyFor(['approve', 7, { routeEvidence: 'B' }])).toBe(changed);
  });

  it('starts a new action after a success, even for the same request', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor({ a: 1 });
    keys.done();
    expect(keys.keyFor({ a: 1 })).not.toBe(first);
  });

  it('makes version-4 UUIDs the server accepts (8 to 200 characters)', () => {
    expect(randomKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
