import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { TransparencyLog, verifyLog } from '../contexts/registry/index.ts';
import { LocalKeySigner } from '../kernel/crypto/signer.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/landao.js');
// Each case starts the real `landao` process (tsx compiles on start): seconds each on a loaded machine.
const SLOW = { timeout: 180_000 };

describeEachDialect('landao registry verify', (get) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-regverify-'));
  const keyFile = path.join(dir, 'keys', 'platform-sm2.json');
  const signer = LocalKeySigner.fromFile(keyFile, { create: true });

  async function landao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const db = get() as ReturnType<typeof get> & { url?: string };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LANDAO_LOG_LEVEL: 'silent',
      LANDAO_SIGNING_KEY_FILE: keyFile,
      LANDAO_DATA_DIR: db.file ? path.dirname(db.file) : dir,
      ...(db.url ? { DATABASE_URL: db.url } : {}),
    };
    try {
      const r = await run(process.execPath, [bin, 'registry', 'verify', ...args], { env });
      return { code: 0, ...r };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  beforeAll(async () => {
    const log = new TransparencyLog(get().db, signer, { origin: 'landao.test/registry' });
    for (let i = 0; i < 20; i++) {
      await get().db.transaction().execute((tx) => log.append(tx, { type: 'application.filed', registrationId: `R${i}` }));
      if (i === 11) await log.checkpoint();
    }
    await log.checkpoint();
  });

  it('exits 0 and says the log is intact when nothing was touched', SLOW, async () => {
    const r = await landao([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^registry log intact: 20 entries, root [0-9a-f]{64}, 2 signed checkpoints verified and consistent\n$/);
  });

  it('prints the whole report as JSON on request', SLOW, async () => {
    const r = await landao(['--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, leaves: 20, treeSize: 20, checkpoints: 2, problems: [] });
  });

  it('exits 1 naming the first bad index when an entry was edited behind the application’s back', SLOW, async () => {
    const { rows } = await sql<{ entry: string }>`SELECT entry FROM registry_log_leaves WHERE idx = 5`.execute(get().db);
    const original = rows[0]!.entry;
    await sql`UPDATE registry_log_leaves SET entry = ${original.replace('R5', 'R6')} WHERE idx = 5`.execute(get().db);
    const r = await landao([]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('registry log BROKEN: first bad index 5: leaf 5 was changed after it was appended (leaf hash mismatch)');
    await sql`UPDATE registry_log_leaves SET entry = ${original} WHERE idx = 5`.execute(get().db);
    expect((await verifyLog(get().db, { trustedPublicKeys: [signer.publicKeyHex] })).ok).toBe(true);
  });

  it('exits 1 when the checkpoints were signed by a key other than the one given', SLOW, async () => {
    const other = path.join(dir, 'other.pem');
    fs.writeFileSync(other, LocalKeySigner.generate().publicKeyPem);
    const r = await landao(['--key', other]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/untrusted key/);
    const mine = path.join(dir, 'mine.pem');
    fs.writeFileSync(mine, signer.publicKeyPem);
    expect((await landao(['--key', mine])).code).toBe(0);
  });

  it('exits 2 with one line when the key file is not an SM2 public key', SLOW, async () => {
    const bad = path.join(dir, 'bad.pem');
    fs.writeFileSync(bad, 'hello');
    const r = await landao(['--key', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`landao: --key: ${bad} is not an SM2 public key PEM (SubjectPublicKeyInfo)`]);
    expect((await landao(['--key', path.join(dir, 'missing.pem')])).code).toBe(2);
  });

  it('exits 1 with a checkpoint mismatch when the tail was truncated and the head rewound', SLOW, async () => {
    // Cut the log back to 16 leaves (a perfect tree), as someone with database access might.
    const { rows } = await sql<{ hash: Buffer }>`SELECT hash FROM registry_log_nodes WHERE pos = 15`.execute(get().db);
    await sql`DELETE FROM registry_log_leaves WHERE idx >= 16`.execute(get().db);
    await sql`DELETE FROM registry_log_nodes WHERE pos >= 32`.execute(get().db);
    await sql`UPDATE registry_log_head SET tree_size = 16, frontier = ${Buffer.from(rows[0]!.hash).toString('hex')} WHERE id = 1`.execute(get().db);
    const r = await landao([]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('registry log BROKEN: checkpoint at tree size 20: checkpoint 20 covers more leaves than the log holds (16): the tail was truncated');
  });
});
