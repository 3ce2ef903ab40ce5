import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs.ts';
import { generateSm2KeyPair, sm2KeyId, sm2PublicKeyFromPrivate, sm2PublicKeyPem, sm2Sign, sm2Verify } from './sm.ts';

/**
 * The port every signing context uses (audit checkpoints, certificates, clearances, evidence).
 * A local key file now; a hardware device (密码机 / UKey) later implements the same interface.
 */
export interface Signer {
  readonly keyId: string;
  readonly publicKeyHex: string;
  readonly publicKeyPem: string;
  /** DER-encoded SM2 signature, hex. */
  sign(data: Uint8Array | string): Promise<string>;
  verify(data: Uint8Array | string, signatureHex: string): boolean;
}

interface KeyFile {
  alg: 'SM2';
  privateKeyHex: string;
  publicKeyHex: string;
  createdAt: string;
}

export class LocalKeySigner implements Signer {
  readonly keyId: string;
  readonly publicKeyPem: string;

  constructor(
    private readonly privateKeyHex: string,
    readonly publicKeyHex: string,
  ) {
    this.keyId = sm2KeyId(publicKeyHex);
    this.publicKeyPem = sm2PublicKeyPem(publicKeyHex);
  }

  static generate(): LocalKeySigner {
    const k = generateSm2KeyPair();
    return new LocalKeySigner(k.privateKeyHex, k.publicKeyHex);
  }

  /** Loads the key file, or creates one (mode 0600) when `create` is true and it does not exist. */
  static fromFile(file: string, opts: { create: boolean }): LocalKeySigner {
    if (!fs.existsSync(file)) {
      if (!opts.create) throw new Error(`SM2 key file ${file} does not exist`);
      const k = generateSm2KeyPair();
      const body: KeyFile = { alg: 'SM2', ...k, createdAt: new Date().toISOString() };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, JSON.stringify(body, null, 2) + '\n', 0o600);
      // Publish the public key next to it, for openssl and for anyone verifying.
      writeFileAtomic(file.replace(/\.json$/, '') + '.pub.pem', sm2PublicKeyPem(k.publicKeyHex));
    }
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyFile>;
    if (raw.alg !== 'SM2' || typeof raw.privateKeyHex !== 'string')
      throw new Error(`SM2 key file ${file} is not a Landao key file`);
    const pub = sm2PublicKeyFromPrivate(raw.privateKeyHex);
    if (raw.publicKeyHex && raw.publicKeyHex.toLowerCase() !== pub.toLowerCase())
      throw new Error(`SM2 key file ${file}: public key does not match the private key`);
    return new LocalKeySigner(raw.privateKeyHex, pub);
  }

  async sign(data: Uint8Array | string): Promise<string> {
    return sm2Sign(this.privateKeyHex, data, this.publicKeyHex);
  }

  verify(data: Uint8Array | string, signatureHex: string): boolean {
    return sm2Verify(this.publicKeyHex, data, signatureHex);
  }
}
