/**
 * Certificate documents. One certificate has two signed forms of the same facts:
 * - the registry's signed JSON (kernel/documents/signed-document.ts: SM2 over the RFC 8785 canonical
 *   JSON of the payload), which `openssl pkeyutl -verify -digest sm3` can check;
 * - a W3C Verifiable Credential 2.0 whose `proof` is a DataIntegrityProof-shaped object carrying the
 *   same kind of SM2 signature. Its cryptosuite `landao-sm2-sm3-jcs-2026` is this platform's own and
 *   NOT a registered one (W3C has none for SM2): the signed bytes are the canonical JSON of the
 *   credential with its `proof` minus `proofValue`; `proofValue` is the DER signature, multibase
 *   base64url (`u…`).
 */
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Signer } from '../../kernel/crypto/signer.ts';
import { sm2Verify } from '../../kernel/crypto/sm.ts';
import { signDocument, verifyDocumentSignature, type SignatureCheck, type SignedDocument, type TrustedKey } from '../../kernel/documents/signed-document.ts';
import type { Book, Right, SubjectType } from './registry.config.ts';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const CRYPTOSUITE = 'landao-sm2-sm3-jcs-2026';

export interface CertificatePayload {
  kind: 'landao.registry.certificate';
  certificateNo: string;
  registrationNo: string;
  book: Book;
  /** The registration type whose approval issued this certificate (first, change, transfer, renewal, correction). */
  issuedFor: string;
  holder: { name: string; subjectType: SubjectType };
  data: { name: string; sm3: string };
  rights: Right[];
  issuedAt: string;
  validFrom: string;
  validUntil: string;
  issuer: { name: string; url: string };
  /** Index of the issuing event in the registry's transparency log. */
  logIndex: number;
  verifyUrl: string;
}

export type CertificateDocument = SignedDocument<CertificatePayload>;

export interface VerifiableCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: { id: string; name: string };
  validFrom: string;
  validUntil: string;
  credentialSubject: Record<string, unknown>;
  credentialStatus: { id: string; type: string };
  proof: {
    type: 'DataIntegrityProof';
    cryptosuite: string;
    created: string;
    verificationMethod: string;
    proofPurpose: 'assertionMethod';
    proofValue: string;
  };
}

export async function signCertificate(signer: Signer, payload: CertificatePayload): Promise<CertificateDocument> {
  return signDocument(signer, payload);
}

/** Bytes signed for a credential: canonical JSON of it with the proof but without `proofValue`. */
function credentialSignedBytes(vc: Omit<VerifiableCredential, 'proof'> & { proof: Omit<VerifiableCredential['proof'], 'proofValue'> }): string {
  return canonicalJson(vc);
}

export async function issueCredential(signer: Signer, p: CertificatePayload, origin: string): Promise<VerifiableCredential> {
  const unsigned = {
    '@context': [VC_CONTEXT],
    id: `${origin}/api/registry/certificates/${p.certificateNo}`,
    type: ['VerifiableCredential', 'DataPropertyRegistrationCredential'],
    issuer: { id: `${origin}/api/registry/issuer`, name: p.issuer.name },
    validFrom: `${p.validFrom}T00:00:00+08:00`,
    validUntil: `${p.validUntil}T23:59:59+08:00`,
    credentialSubject: {
      id: `urn:landao:registration:${p.registrationNo}`,
      registrationNumber: p.registrationNo,
      certificateNumber: p.certificateNo,
      book: p.book,
      holder: p.holder,
      rights: p.rights,
      dataset: { name: p.data.name, checksum: { algorithm: 'SM3', value: p.data.sm3 } },
      transparencyLogIndex: p.logIndex,
    },
    credentialStatus: { id: `${origin}/api/registry/verify/${p.certificateNo}`, type: 'LandaoRegistryStatus' },
    proof: {
      type: 'DataIntegrityProof' as const,
      cryptosuite: CRYPTOSUITE,
      created: p.issuedAt,
      verificationMethod: `${origin}/api/registry/issuer#${signer.keyId}`,
      proofPurpose: 'assertionMethod' as const,
    },
  };
  const der = Buffer.from(await signer.sign(credentialSignedBytes(unsigned)), 'hex');
  return { ...unsigned, proof: { ...unsigned.proof, proofValue: `u${der.toString('base64url')}` } };
}

/** Checks a credential's SM2 proof against the trusted keys (signature only; status is the registry's). */
export function verifyCredentialProof(vc: unknown, trustedKeys: readonly TrustedKey[]): SignatureCheck {
  if (typeof vc !== 'object' || vc === null) return { ok: false, reason: 'malformed' };
  const { proof, ...rest } = vc as Partial<VerifiableCredential>;
  if (!proof || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== CRYPTOSUITE || typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('u'))
    return { ok: false, reason: 'malformed' };
  if (typeof proof.verificationMethod !== 'string') return { ok: false, reason: 'malformed' };
  const keyId = proof.verificationMethod.split('#')[1];
  const key = trustedKeys.find((k) => k.keyId === keyId);
  if (!key) return { ok: false, reason: 'unknown_key' };
  const { proofValue, ...options } = proof;
  let good = false;
  try {
    const sig = Buffer.from(proofValue.slice(1), 'base64url').toString('hex');
    good = sig.length > 0 && sm2Verify(key.publicKeyHex, canonicalJson({ ...rest, proof: options }), sig);
  } catch {
    good = false;
  }
  return good ? { ok: true, keyId: key.keyId } : { ok: false, reason: 'bad_signature' };
}

export function verifyCertificateSignature(doc: unknown, trustedKeys: readonly TrustedKey[]): SignatureCheck {
  return verifyDocumentSignature(doc, trustedKeys);
}
