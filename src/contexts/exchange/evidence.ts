/**
 * Evidence of the data exchange (the X-Road lesson: every request and response is evidence,
 * verifiable offline), as pure functions: no database, no Landao state.
 *
 * - A record is one lookup: transaction id, consumer, dataset, grant, credential, time, outcome and
 *   the SM3 of the canonical request and of the canonical response. Records form a hash chain:
 *   `hash = SM3(prevHash ‖ "\n" ‖ JCS(record))`, so an edited or deleted record breaks every later link.
 * - A batch seals a run of records [firstSeq, lastSeq]: the RFC 9162 Merkle root (SM3, leaf 0x00,
 *   node 0x01) over the record hashes, the chain head (hash of the last record) and the time are
 *   signed with SM2 over `batchText(...)`.
 * - An evidence package is a record, its batch and the Merkle audit path from the record to the root;
 *   `verifyEvidencePackage` checks all of it with only the platform's public key.
 */
import { z } from 'zod';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { sm2Verify, sm3 } from '../../kernel/crypto/sm.ts';
import { hashChildren, hashLeaf, verifyInclusion } from '../registry/index.ts';

export const GENESIS_HASH = '0'.repeat(64);
export const OUTCOMES = ['allowed', 'denied', 'not_found'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const HEX64 = /^[0-9a-f]{64}$/;
const hex64 = z.string().regex(HEX64, '64 lower-case hex characters');

/** The fields of one evidence record that its hash covers (everything but the hashes of the chain). */
export const EvidenceRecordSchema = z.strictObject({
  seq: z.number().int().positive(),
  txId: z.uuid(),
  at: z.string().min(1),
  consumerOrgId: z.number().int(),
  datasetId: z.number().int(),
  grantId: z.number().int(),
  credentialId: z.number().int(),
  outcome: z.enum(OUTCOMES),
  reason: z.string().nullable(),
  requestHash: hex64,
  responseHash: hex64,
  prevHash: hex64,
  hash: hex64,
});
export type EvidenceRecord = z.infer<typeof EvidenceRecordSchema>;
export type RecordBody = Omit<EvidenceRecord, 'seq' | 'prevHash' | 'hash'>;

export const BatchSchema = z.strictObject({
  id: z.number().int().positive(),
  firstSeq: z.number().int().positive(),
  lastSeq: z.number().int().positive(),
  merkleRoot: hex64,
  chainHead: hex64,
  sealedAt: z.string().min(1),
  keyId: z.string(),
  signature: z.string().regex(/^[0-9a-f]+$/i, 'DER signature in hex'),
  publicKeyPem: z.string(),
});
export type EvidenceBatch = z.infer<typeof BatchSchema>;

export const EvidencePackageSchema = z.strictObject({
  format: z.literal('landao-exchange-evidence/1'),
  record: EvidenceRecordSchema,
  batch: BatchSchema,
  /** Index of the record's leaf in the batch (seq − firstSeq) and the RFC 9162 audit path, hex. */
  leafIndex: z.number().int().nonnegative(),
  auditPath: z.array(hex64),
});
export type EvidencePackage = z.infer<typeof EvidencePackageSchema>;

/** What a consumer kept of its own lookup, to check against the record's request and response hashes. */
export interface Exchanged {
  request?: unknown;
  response?: { status: number; body: unknown };
}

// ---- canonical forms on the hot path ----------------------------------------------------------------
// Every lookup hashes its request, its response and its record. These objects have fixed keys, so
// their JCS is written out with the keys in JCS order (UTF-16 code units) and each value through
// `jcsScalar`; anything else (an object value, an undefined member, a lone surrogate, NaN) goes to
// `canonicalJson`, which decides it as before. The test compares both forms on many inputs.

const SURROGATE = /[\uD800-\uDFFF]/;

/** JCS of a string, finite number, boolean, null or array of plain strings: what JSON.stringify writes (RFC 8785 §3.2.2). */
function jcsScalar(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return SURROGATE.test(v) ? undefined : JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : undefined;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v) && v.every((x) => typeof x === 'string' && !SURROGATE.test(x))) return JSON.stringify(v);
      return undefined;
    default:
      return undefined;
  }
}

/** JCS of an object with exactly `keys` (given in JCS order), or undefined when a value needs the general path. */
function jcsFixed(o: Record<string, unknown>, keys: readonly string[]): string | undefined {
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const v = jcsScalar(o[keys[i]!]);
    if (v === undefined) return undefined;
    out += `${i ? ',' : ''}"${keys[i]}":${v}`;
  }
  return `${out}}`;
}

const REQUEST_KEYS = ['at', 'credentialId', 'datasetId', 'fields', 'key', 'purpose', 'txId'] as const;
const RECORD_KEYS = ['at', 'consumerOrgId', 'credentialId', 'datasetId', 'grantId', 'outcome', 'reason', 'requestHash', 'responseHash', 'seq', 'txId'] as const;

/**
 * What a lookup's requestHash covers. `consentId` only on the service hall's prefill lookups (the
 * citizen's consent they were made under); requests without it hash exactly as before.
 */
export interface EvidenceRequest {
  txId: string;
  credentialId: number;
  at: string;
  datasetId: unknown;
  key: unknown;
  fields: unknown;
  purpose: unknown;
  consentId?: number;
}

/** The canonical request a lookup's requestHash covers. */
export function canonicalRequest(req: EvidenceRequest): string {
  const fast = Object.keys(req).length === REQUEST_KEYS.length ? jcsFixed(req as unknown as Record<string, unknown>, REQUEST_KEYS) : undefined;
  return fast ?? canonicalJson(req);
}

/** SM3 of the canonical request: what the consumer asked, under which credential, when. */
export function requestHash(req: EvidenceRequest): string {
  return sm3(canonicalRequest(req));
}

/** SM3 of the canonical response: the HTTP status and the JSON body exactly as sent. */
export function responseHash(status: number, body: unknown): string {
  return body === undefined ? sm3(canonicalJson({ status, body })) : responseHashOfCanonical(status, canonicalJson(body));
}

/** `responseHash` when the body's canonical JSON is at hand (the data API sends exactly that text). */
export function responseHashOfCanonical(status: number, canonicalBody: string): string {
  return sm3(`{"body":${canonicalBody},"status":${jcsScalar(status) ?? canonicalJson(status)}}`);
}

/** The hash of a record, linking it to the one before. */
export function recordHash(prevHash: string, seq: number, r: RecordBody): string {
  const fields = {
    seq,
    txId: r.txId,
    at: r.at,
    consumerOrgId: r.consumerOrgId,
    datasetId: r.datasetId,
    grantId: r.grantId,
    credentialId: r.credentialId,
    outcome: r.outcome,
    reason: r.reason,
    requestHash: r.requestHash,
    responseHash: r.responseHash,
  };
  return sm3(`${prevHash}\n${jcsFixed(fields, RECORD_KEYS) ?? canonicalJson(fields)}`);
}

/** The exact text an SM2 batch signature covers. */
export function batchText(b: { firstSeq: number; lastSeq: number; merkleRoot: string; chainHead: string; sealedAt: string }): string {
  return `landao-exchange-batch\n${b.firstSeq}\n${b.lastSeq}\n${b.merkleRoot}\n${b.chainHead}\n${b.sealedAt}\n`;
}

// ---- Merkle tree over record hashes (RFC 9162 §2.1 with SM3) ---------------------------------------

function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function leafOf(recordHashHex: string): Buffer {
  return hashLeaf(Buffer.from(recordHashHex, 'hex'));
}

function treeHash(leaves: readonly Buffer[], lo: number, hi: number): Buffer {
  const n = hi - lo;
  if (n === 1) return leaves[lo]!;
  const k = splitPoint(n);
  return hashChildren(treeHash(leaves, lo, lo + k), treeHash(leaves, lo + k, hi));
}

/** MTH over the record hashes of a batch (at least one). */
export function merkleRoot(recordHashes: readonly string[]): string {
  if (recordHashes.length === 0) throw new RangeError('a batch has at least one record');
  return treeHash(recordHashes.map(leafOf), 0, recordHashes.length).toString('hex');
}

/** RFC 9162 PATH(m, D[n]) over the record hashes, hex, leaf to root. */
export function auditPath(recordHashes: readonly string[], m: number): string[] {
  const leaves = recordHashes.map(leafOf);
  const out: string[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    const n = hi - lo;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, lo, lo + k);
      out.push(treeHash(leaves, lo + k, hi).toString('hex'));
    } else {
      walk(m - k, lo + k, hi);
      out.push(treeHash(leaves, lo, lo + k).toString('hex'));
    }
  };
  if (m < 0 || m >= leaves.length) throw new RangeError(`no leaf ${m} in a batch of ${leaves.length}`);
  walk(m, 0, leaves.length);
  return out;
}

// ---- offline verification --------------------------------------------------------------------------

export interface PackageVerdict {
  ok: boolean;
  /** What failed, naming the part of the package: `record.hash`, `auditPath`, `batch.signature`… */
  failed?: string;
  reason?: string;
}

const SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';

/** The uncompressed SM2 point inside a SubjectPublicKeyInfo PEM, or null. */
export function publicKeyHexFromPem(pem: string): string | null {
  const b64 = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(pem)?.[1]?.replace(/\s+/g, '');
  if (!b64) return null;
  const der = Buffer.from(b64, 'base64').toString('hex');
  return der.length === SPKI_PREFIX.length + 130 && der.startsWith(SPKI_PREFIX) ? der.slice(SPKI_PREFIX.length) : null;
}

function bad(failed: string, reason: string): PackageVerdict {
  return { ok: false, failed, reason };
}

/**
 * Checks an evidence package offline against the platform's public key (PEM): the package's shape,
 * the record's hash over its fields, the record's place in the batch, the audit path to the signed
 * Merkle root, the chain head of a record that closes its batch, and the SM2 signature. With
 * `exchanged`, also that the consumer's kept request and response are the ones the record hashed.
 */
export function verifyEvidencePackage(pkg: unknown, publicKeyPem: string, exchanged: Exchanged = {}): PackageVerdict {
  const parsed = EvidencePackageSchema.safeParse(pkg);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return bad(issue.path.join('.') || 'package', `malformed package: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { record: r, batch: b, leafIndex, auditPath: path } = parsed.data;
  const key = publicKeyHexFromPem(publicKeyPem);
  if (!key) return bad('publicKey', 'the trusted key is not an SM2 public key PEM');

  if (recordHash(r.prevHash, r.seq, r) !== r.hash) return bad('record.hash', `record ${r.seq} (${r.txId}) does not match its hash: the record was changed`);
  if (r.seq < b.firstSeq || r.seq > b.lastSeq) return bad('record.seq', `record ${r.seq} is outside batch ${b.id} (${b.firstSeq}–${b.lastSeq})`);
  if (leafIndex !== r.seq - b.firstSeq) return bad('leafIndex', `leaf index ${leafIndex} is not record ${r.seq}'s place in batch ${b.id}`);
  if (r.seq === b.lastSeq && r.hash !== b.chainHead) return bad('batch.chainHead', `record ${r.seq} closes batch ${b.id} but the batch's chain head differs`);
  const size = b.lastSeq - b.firstSeq + 1;
  if (!verifyInclusion(leafOf(r.hash), leafIndex, size, path, b.merkleRoot))
    return bad('auditPath', `the audit path of record ${r.seq} does not lead to batch ${b.id}'s Merkle root`);
  if (!sm2Verify(key, batchText(b), b.signature)) return bad('batch.signature', `the SM2 signature of batch ${b.id} does not verify with the trusted key`);

  if (exchanged.request !== undefined && sm3(canonicalJson(exchanged.request)) !== r.requestHash)
    return bad('record.requestHash', `the kept request is not the one record ${r.seq} hashed`);
  if (exchanged.response !== undefined && responseHash(exchanged.response.status, exchanged.response.body) !== r.responseHash)
    return bad('record.responseHash', `the kept response is not the one record ${r.seq} hashed`);
  return { ok: true };
}
