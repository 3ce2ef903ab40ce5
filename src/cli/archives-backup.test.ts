import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { AuditService } from '../contexts/audit/index.ts';
import { ArchiveService } from '../contexts/archives/index.ts';
import { marriageCase, NO_SCANNER } from '../contexts/archives/test-support.ts';
import { LocalBlobStore } from '../kernel/blob/local-blob-store.ts';
import { LocalKeySigner } from '../kernel/crypto/signer.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/landao.js');
// Each case starts the real `landao` process (tsx compiles on start): seconds each on a loaded machine.
const SLOW = { timeout: 180_000 };

describeEachDialect('landao archives backup / restore / zipped bags', (get) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-archives-backup-cli-'));
  const keyFile = path.join(dir, 'keys', 'platform-sm2.json');
  let dataDir: string;

  async function landao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const db = get() as ReturnType<typeof get> & { url?: string };
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'test', LANDAO_LOG_LEVEL: 'silent', LANDAO_SIGNING_KEY_FILE: keyFile, LANDAO_DATA_DIR: dataDir, ...(db.url ? { DATABASE_URL: db.url } : {}) };
    try {
      return { code: 0, ...(await run(process.execPath, [bin, 'archives', ...args], { env })) };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  beforeAll(async () => {
    const db = get();
    dataDir = db.file ? path.dirname(db.file) : dir;
    const archives = new ArchiveService({ db: db.db, audit: new AuditService(db.db, LocalKeySigner.fromFile(keyFile, { create: true })), blobs: new LocalBlobStore(path.join(dataDir, 'blobs')), scanner: NO_SCANNER });
    await archives.archive(undefined, marriageCase('CLI-B1'));
  });

  it('exports zipped bags and imports a zipped bag (exit 0)', SLOW, async () => {
    const out = path.join(dir, 'zips');
    const e = await landao(['export', '--out', out, '--zip']);
    expect(e.code, e.stderr).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['PT01-HY·2026-Y-SHSY-0001.zip']);
    const i = await landao(['import', path.join(out, 'PT01-HY·2026-Y-SHSY-0001.zip')]);
    expect(i.code, i.stderr).toBe(0);
    expect(i.stdout).toContain('as PT01-HY·2026-Y-SHSY-0002');
  });

  it('backs up, verifies the backup (exit 0), names a damaged file (exit 1) and refuses to restore into a non-empty archive (exit 2)', SLOW, async () => {
    const out = path.join(dir, 'backup');
    const b = await landao(['backup', '--out', out]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^backup .*: 2 records, 2 bags, \d+ files$/m);
    const v = await landao(['restore', out, '--verify-only']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('backup verified: 2 bags');
    const n = await landao(['restore', out]);
    expect(n.code).toBe(2);
    expect(n.stderr.trim().split('\n')).toHaveLength(1);
    expect(n.stderr).toContain('not empty');
    fs.appendFileSync(path.join(out, 'catalog', 'archives_records.ndjson'), '\n');
    fs.writeFileSync(path.join(out, 'catalog', 'archives_series.ndjson'), '');
    const d = await landao(['restore', out, '--verify-only']);
    expect(d.code).toBe(1);
    expect(d.stdout).toContain('catalog/archives_series.ndjson: changed');
    expect(d.stdout).toContain('catalog/archives_records.ndjson: changed');
  });
});
