import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { EvidenceLog } from '../contexts/exchange/index.ts';
import { pendingRecord } from '../contexts/exchange/test-support.ts';
import { LocalKeySigner } from '../kernel/crypto/signer.ts';

const run = promisify(execFile);
/** Each run starts a Node process with the TypeScript loader: seconds each on a busy machine. */
const SLOW = { timeout: 180_000 };
const bin = path.resolve(import.meta.dirname, '../../bin/landao.js');

describeEachDialect('landao exchange verify and audit', (get) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-xverify-'));
  const keyFile = path.join(dir, 'keys', 'platform-sm2.json');
  const signer = LocalKeySigner.fromFile(keyFile, { create: true });
  const pkgFile = path.join(dir, 'package.json');

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
      const r = await run(process.execPath, [bin, 'exchange', ...args], { env });
      return { code: 0, ...r };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  beforeAll(async () => {
    const log = new EvidenceLog(get().db, signer);
    const records = Array.from({ length: 12 }, (_, i) => pendingRecord(i + 1));
    for (const r of records) await log.append(r);
    await log.seal();
    const e = await log.evidence(records[4]!.txId);
    if (e?.status !== 'sealed') throw new Error('not sealed');
    fs.writeFileSync(pkgFile, JSON.stringify(e.pkg, null, 2));
  });

  it('exits 0 for an intact package, with the platform key or the package’s own', SLOW, async () => {
    const own = await landao(['verify', pkgFile]);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout).toMatch(new RegExp(`^evidence verified: transaction [0-9a-f-]{36}, record 5 in batch 1, signed by the package's own key ${signer.keyId}`));
    const pem = path.join(dir, 'platform.pem');
    fs.writeFileSync(pem, signer.publicKeyPem);
    expect((await landao(['verify', pkgFile, '--key', pem])).code).toBe(0);
  });

  it('exits 1 naming what failed when one byte of the package changed', SLOW, async () => {
    const changed = path.join(dir, 'changed.json');
    fs.writeFileSync(changed, fs.readFileSync(pkgFile, 'utf8').replace('"seq": 5', '"seq": 6'));
    const r = await landao(['verify', changed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^evidence NOT verified: record\.hash: record 6 .* does not match its hash/);
  });

  it('exits 2 with a one-line reason for unreadable input', SLOW, async () => {
    const junk = path.join(dir, 'junk.json');
    fs.writeFileSync(junk, 'not json');
    const r = await landao(['verify', junk]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^landao: .*junk\.json: cannot read an evidence package/);
    expect((await landao(['verify', path.join(dir, 'missing.json')])).code).toBe(2);
  });

  it('audits the whole log: intact, then the first bad record after a raw SQL edit', SLOW, async () => {
    const ok = await landao(['audit']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('exchange evidence intact: 12 records, 1 signed batches, head 12, 0 not sealed yet\n');
    await sql`update exchange_evidence set response_hash = request_hash where seq = 8`.execute(get().db);
    const bad = await landao(['audit']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^exchange evidence BROKEN: first bad record 8: record 8 \(.*\) was changed after it was recorded/);
  });
});
