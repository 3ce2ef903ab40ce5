import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) canonical JSON: sorted keys, no insignificant white space. Hash and sign this form. */
export function canonicalJson(value: unknown): string {
  const s = canonicalize(value);
  if (s === undefined) throw new Error('value cannot be canonicalised');
  return s;
}
