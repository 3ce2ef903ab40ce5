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

describeEachDialect('landao archives export / import', (get) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-archives-cli-'));
  const keyFile = path.join(dir, 'keys', 'platform-sm2.json');
  let dataDir: string;

  async function landao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const db = get() as ReturnType<typeof get> & { url?: string };
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'test', LANDAO_LOG_LEVEL: 'silent', LANDAO_SIGNING_KEY_FILE: keyFile, LANDAO_DATA_DIR: dataDir, ...(db.url ? { DATABASE_URL: db.url } : {}) };
    try {
      const r = await run(process.execPath, [bin, 'archives', ...args], { env });
      return { code: 0, ...r };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }

  beforeAll(async () => {
    const db = get();
    dataDir = db.file ? path.dirname(db.file) : dir;
    const archives = new ArchiveService({ db: db.db, audit: new AuditService(db.db, LocalKeySigner.fromFile(keyFile, { create: true })), blobs: new LocalBlobStore(path.join(dataDir, 'blobs')), scanner: NO_SCANNER });
    await archives.archive(undefined, marriageCase('CLI-1'));
    await archives.archive(undefined, { ...marriageCase('CLI-2'), category: 'QY', title: '设立登记', documentType: '设立登记' });
  });

  it('exports one bag per record matching the filters, and imports a valid bag (exit 0)', SLOW, async () => {
    const out = path.join(dir, 'out');
    const r = await landao(['export', '--out', out, '--category', 'HY', '--year', '2026']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('exported 1 bags');
    expect(fs.readdirSync(out)).toEqual(['PT01-HY·2026-Y-SHSY-0001']);
    const i = await landao(['import', path.join(out, 'PT01-HY·2026-Y-SHSY-0001')]);
    expect(i.code, i.stderr).toBe(0);
    expect(i.stdout).toContain('as PT01-HY·2026-Y-SHSY-0002');
  });

  it('refuses a broken bag listing every problem (exit 1) and bad input (exit 2)', SLOW, async () => {
    const out = path.join(dir, 'out2');
    expect((await landao(['export', '--out', out, '--category', 'QY'])).code).toBe(0);
    const bag = path.join(out, fs.readdirSync(out)[0]!);
    const pdf = fs.readdirSync(path.join(bag, 'data')).find((f) => f.endsWith('.pdf'))!;
    fs.appendFileSync(path.join(bag, 'data', pdf), 'x');
    fs.rmSync(path.join(bag, 'data', fs.readdirSync(path.join(bag, 'data')).find((f) => f.endsWith('.png'))!));
    const r = await landao(['import', '--json', bag]);
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.stdout) as { problems: { code: string }[] }[])[0]!.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['wrong_hash', 'missing_file', 'wrong_payload_oxum']));
    expect((await landao(['import', path.join(dir, 'nowhere')])).code).toBe(2);
    const rep = await landao(['report', 'PT01-HY·2026-Y-SHSY-0001']);
    expect(rep.code, rep.stderr).toBe(0);
    expect(rep.stdout).toContain('WARN 4-1 杀毒软件 antivirus present');
    expect((await landao(['report', 'PT01-HY·2026-Y-SHSY-9999'])).code).toBe(2);
    expect((await landao(['export', '--out', out, '--retention', 'D20'])).code).toBe(2);
  });
});
