import { describe, expect, it } from 'vitest';
import { LocalKeySigner } from '../crypto/signer.ts';
import { signDocument, trustedKeyOf, verifyDocumentSignature } from './signed-document.ts';

describe('signed documents', () => {
  const signer = LocalKeySigner.generate();
  const trusted = [trustedKeyOf(signer)];

  it('verifies a document signed by a trusted key whatever the key order of its JSON', async () => {
    const doc = await signDocument(signer, { b: 2, a: '出境', nested: { y: [1, 2], x: null } });
    const reordered = JSON.parse(JSON.stringify({ signature: doc.signature, payload: { nested: { x: null, y: [1, 2] }, a: '出境', b: 2 } }));
    expect(verifyDocumentSignature(reordered, trusted)).toEqual({ ok: true, keyId: signer.keyId });
  });

  it('rejects a payload with one changed value', async () => {
    const doc = await signDocument(signer, { maxPersons: 1000 });
    expect(verifyDocumentSignature({ ...doc, payload: { maxPersons: 1001 } }, trusted)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a document signed by a key that is not trusted', async () => {
    const other = LocalKeySigner.generate();
    const doc = await signDocument(other, { a: 1 });
    expect(verifyDocumentSignature(doc, trusted)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('rejects another key passed off under the trusted key id', async () => {
    const other = LocalKeySigner.generate();
    const doc = await signDocument(other, { a: 1 });
    const forged = { ...doc, signature: { ...doc.signature, keyId: signer.keyId } };
    expect(verifyDocumentSignature(forged, trusted)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('calls anything that is not a signed document malformed', () => {
    for (const bad of [null, 'x', {}, { payload: {} }, { payload: {}, signature: { alg: 'RSA', keyId: 'k', value: '00' } }, { payload: {}, signature: { alg: 'SM2-SM3', keyId: 'k', value: 'zz' } }])
      expect(verifyDocumentSignature(bad, trusted)).toEqual({ ok: false, reason: 'malformed' });
  });
});
