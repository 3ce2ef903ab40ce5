/**
 * A signed document: any JSON payload with the platform's SM2 signature over its RFC 8785 canonical
 * form. Customs clearances, registry certificates and exchange evidence are all of this shape, so one
 * verifier (and `openssl pkeyutl -verify -digest sm3 -pkeyopt distid:1234567812345678`) checks them all.
 */
import { canonicalJson } from '../canonical-json.ts';
import { sm2KeyId, sm2Verify } from '../crypto/sm.ts';
import type { Signer } from '../crypto/signer.ts';

export interface DocumentSignature {
  alg: 'SM2-SM3';
  /** sm2KeyId of the signing public key. */
  keyId: string;
  /** DER-encoded SM2 signature over the UTF-8 canonical JSON of `payload`, lowercase hex. */
  value: string;
}

export interface SignedDocument<T = unknown> {
  payload: T;
  signature: DocumentSignature;
}

export interface TrustedKey {
  keyId: string;
  publicKeyHex: string;
}

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' };

/** The exact bytes that are signed: the canonical JSON of the payload. */
export function signedBytes(payload: unknown): string {
  return canonicalJson(payload);
}

export async function signDocument<T>(signer: Signer, payload: T): Promise<SignedDocument<T>> {
  const value = await signer.sign(signedBytes(payload));
  return { payload, signature: { alg: 'SM2-SM3', keyId: signer.keyId, value } };
}

export function trustedKeyOf(signer: Pick<Signer, 'publicKeyHex'>): TrustedKey {
  return { keyId: sm2KeyId(signer.publicKeyHex), publicKeyHex: signer.publicKeyHex };
}

/**
 * Checks the signature only (not expiry or revocation, which belong to the issuing context).
 * Accepts untrusted input: anything that is not a well-formed signed document is `malformed`.
 */
export function verifyDocumentSignature(doc: unknown, trustedKeys: readonly TrustedKey[]): SignatureCheck {
  if (typeof doc !== 'object' || doc === null) return { ok: false, reason: 'malformed' };
  const { payload, signature } = doc as Partial<SignedDocument>;
  if (payload === undefined || typeof signature !== 'object' || signature === null) return { ok: false, reason: 'malformed' };
  const sig = signature as Partial<DocumentSignature>;
  if (sig.alg !== 'SM2-SM3' || typeof sig.keyId !== 'string' || typeof sig.value !== 'string' || !/^[0-9a-f]+$/i.test(sig.value))
    return { ok: false, reason: 'malformed' };
  const key = trustedKeys.find((k) => k.keyId === sig.keyId);
  if (!key) return { ok: false, reason: 'unknown_key' };
  let good = false;
  try {
    good = sm2Verify(key.publicKeyHex, signedBytes(payload), sig.value);
  } catch {
    good = false;
  }
  return good ? { ok: true, keyId: key.keyId } : { ok: false, reason: 'bad_signature' };
}
