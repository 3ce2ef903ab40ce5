/**
 * Chinese national cryptography (商用密码) for the whole platform.
 * SM3 and SM4 come from node:crypto (OpenSSL 3); SM2 signatures from sm-crypto-v2, because Node's
 * own crypto cannot set the SM2 distinguishing id. Signatures are DER-encoded and use the standard
 * id 1234567812345678, so `openssl pkeyutl -verify -digest sm3 -pkeyopt distid:1234567812345678`
 * accepts them.
 */
import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

export const SM2_USER_ID = '1234567812345678';
/** DER prefix of an SM2 SubjectPublicKeyInfo, up to the uncompressed point. */
const SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200';

export type Bytes = Uint8Array | string;

const toBuf = (d: Bytes): Buffer => (typeof d === 'string' ? Buffer.from(d, 'utf8') : Buffer.from(d.buffer, d.byteOffset, d.byteLength));

export function sm3(data: Bytes): string {
  return crypto.createHash('sm3').update(toBuf(data)).digest('hex');
}

/** An incremental SM3 hasher, for streams. */
export function sm3Hasher(): crypto.Hash {
  return crypto.createHash('sm3');
}

export function hmacSm3(key: Bytes, data: Bytes): string {
  return crypto.createHmac('sm3', toBuf(key)).update(toBuf(data)).digest('hex');
}

/**
 * SM4-CBC with a random IV, then HMAC-SM3 over IV and ciphertext (encrypt-then-MAC).
 * The 32-byte key is split: 16 bytes encrypt, 16 bytes authenticate.
 */
export function sm4Seal(key32: Buffer, plaintext: Bytes): Buffer {
  if (key32.length !== 32) throw new Error('sm4Seal needs a 32-byte key');
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-cbc', key32.subarray(0, 16), iv);
  const ct = Buffer.concat([cipher.update(toBuf(plaintext)), cipher.final()]);
  const mac = crypto.createHmac('sm3', key32.subarray(16)).update(iv).update(ct).digest();
  return Buffer.concat([iv, ct, mac]);
}

export function sm4Open(key32: Buffer, sealed: Buffer): Buffer {
  if (key32.length !== 32) throw new Error('sm4Open needs a 32-byte key');
  if (sealed.length < 16 + 16 + 32) throw new Error('sealed data too short');
  const iv = sealed.subarray(0, 16);
  const ct = sealed.subarray(16, sealed.length - 32);
  const mac = sealed.subarray(sealed.length - 32);
  const expect = crypto.createHmac('sm3', key32.subarray(16)).update(iv).update(ct).digest();
  if (!crypto.timingSafeEqual(mac, expect)) throw new Error('sealed data failed authentication');
  const decipher = crypto.createDecipheriv('sm4-cbc', key32.subarray(0, 16), iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

export interface Sm2KeyPair {
  privateKeyHex: string;
  /** Uncompressed point, `04` + x + y, 130 hex characters. */
  publicKeyHex: string;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const k = sm2.generateKeyPairHex();
  return { privateKeyHex: k.privateKey, publicKeyHex: k.publicKey };
}

export function sm2PublicKeyFromPrivate(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex);
}

/** SubjectPublicKeyInfo PEM of an SM2 public key, readable by openssl. */
export function sm2PublicKeyPem(publicKeyHex: string): string {
  if (!/^04[0-9a-f]{128}$/i.test(publicKeyHex)) throw new Error('not an uncompressed SM2 public key');
  const b64 = Buffer.from(SPKI_PREFIX + publicKeyHex, 'hex').toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** Short, stable identifier of a public key: the first 16 hex characters of SM3 over its DER form. */
export function sm2KeyId(publicKeyHex: string): string {
  return sm3(Buffer.from(SPKI_PREFIX + publicKeyHex, 'hex')).slice(0, 16);
}

/** SM2 signature (DER, hex) over `data` with Z computed from the standard user id. */
export function sm2Sign(privateKeyHex: string, data: Bytes, publicKeyHex?: string): string {
  const msg = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return sm2.doSignature(msg, privateKeyHex, {
    der: true,
    hash: true,
    userId: SM2_USER_ID,
    ...(publicKeyHex ? { publicKey: publicKeyHex } : {}),
  });
}

export function sm2Verify(publicKeyHex: string, data: Bytes, signatureHex: string): boolean {
  if (!/^[0-9a-f]+$/i.test(signatureHex)) return false;
  const msg = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  try {
    return sm2.doVerifySignature(msg, signatureHex, publicKeyHex, { der: true, hash: true, userId: SM2_USER_ID });
  } catch {
    return false;
  }
}
