/**
 * Idempotency keys for customs POSTs (src/http/idempotency.ts): one key per user action, reused when
 * the same request is sent again (a retry after a network error, a double click), so the server acts
 * once. A changed request (the user corrected a field) gets a new key, since the server answers a
 * reused key with another body by 409.
 */
import { useRef } from 'react';

/** A random UUID; falls back to getRandomValues where randomUUID is missing (plain http on a LAN address). */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class IdempotencyKeys {
  private last: { request: string; key: string } | null = null;

  /** The key for `request` (anything JSON-serialisable that identifies it): the previous one if unchanged. */
  keyFor(request: unknown): string {
    const text = JSON.stringify(request ?? null);
    if (this.last?.request !== text) this.last = { request: text, key: randomKey() };
    return this.last.key;
  }

  /** The action succeeded: the next request is a new action even if it looks the same. */
  done(): void {
    this.last = null;
  }
}

/** Keys for the actions of one component (one dialog, one form). */
export function useIdempotencyKeys(): IdempotencyKeys {
  const ref = useRef<IdempotencyKeys | null>(null);
  ref.current ??= new IdempotencyKeys();
  return ref.current;
}
