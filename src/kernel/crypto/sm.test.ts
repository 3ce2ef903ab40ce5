import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalKeySigner } from './signer.ts';
import { hmacSm3, sm2Verify, sm3, sm4Open, sm4Seal } from './sm.ts';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

describe('national cryptography', () => {
  it('hashes "abc" to the SM3 test vector of GB/T 32905', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('gives a keyed SM3 HMAC that changes with the key', () => {
    expect(hmacSm3('k1', 'data')).not.toBe(hmacSm3('k2', 'data'));
    expect(hmacSm3('k1', 'data')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('opens what SM4 sealed and refuses a flipped byte', () => {
    const key = Buffer.alloc(32, 7);
    const sealed = sm4Seal(key, '台胞证 12345678');
    expect(sm4Open(key, sealed).toString('utf8')).toBe('台胞证 12345678');
    sealed[20] = sealed[20]! ^ 1;
    expect(() => sm4Open(key, sealed)).toThrow(/authentication/);
  });

  it('verifies its own SM2 signature and rejects another message or key', async () => {
    const signer = LocalKeySigner.generate();
    const sig = await signer.sign('checkpoint 42');
    expect(signer.verify('checkpoint 42', sig)).toBe(true);
    expect(signer.verify('checkpoint 43', sig)).toBe(false);
    expect(sm2Verify(LocalKeySigner.generate().publicKeyHex, 'checkpoint 42', sig)).toBe(false);
  });

  it.runIf(hasOpenssl)('produces SM2 signatures that openssl verifies with distid 1234567812345678', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-sm2-'));
    const signer = LocalKeySigner.fromFile(path.join(dir, 'k.json'), { create: true });
    const msg = '岚岛 全岛数据一盘棋';
    fs.writeFileSync(path.join(dir, 'msg'), msg);
    fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(await signer.sign(msg), 'hex'));
    const args = (file: string) => [
      'pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'k.pub.pem'), '-rawin', '-in', file,
      '-sigfile', path.join(dir, 'sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678',
    ];
    expect(execFileSync('openssl', args(path.join(dir, 'msg'))).toString()).toMatch(/Signature Verified Successfully/);
    fs.writeFileSync(path.join(dir, 'other'), msg + '!');
    expect(() => execFileSync('openssl', args(path.join(dir, 'other')), { stdio: 'pipe' })).toThrow();
  });

  it('reloads the same key from its file and refuses a file whose public key does not match', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-sm2-'));
    const file = path.join(dir, 'k.json');
    const a = LocalKeySigner.fromFile(file, { create: true });
    expect(LocalKeySigner.fromFile(file, { create: false }).publicKeyHex).toBe(a.publicKeyHex);
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    raw.publicKeyHex = LocalKeySigner.generate().publicKeyHex;
    fs.writeFileSync(file, JSON.stringify(raw));
    expect(() => LocalKeySigner.fromFile(file, { create: false })).toThrow(/does not match/);
  });
});
