import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SLOW = { timeout: 120_000 };

/**
 * A separate process archives a record whose file streams without end; it is killed (SIGKILL, as a crash)
 * while the file is being stored. Afterwards there is no record and no used 件号, and a rerun completes.
 */
const CHILD = `
import { register } from 'tsx/esm/api';
register();
const { openPostgres, openSqlite } = await import(${JSON.stringify(path.join(ROOT, 'src/db/database.ts'))});
const { archiveFixture, marriageCase } = await import(${JSON.stringify(path.join(ROOT, 'src/contexts/archives/test-support.ts'))});
const { Readable } = await import('node:stream');
const database = process.env.DB_URL ? openPostgres(process.env.DB_URL, 2) : openSqlite(process.env.DB_FILE);
const fx = archiveFixture(database.db, undefined, process.env.BLOB_DIR);
let n = 0;
async function* endless() {
  for (;;) {
    n++;
    if (n === 16) process.stdout.write('streaming\\n');
    yield Buffer.alloc(1 << 16, n % 251);
    await new Promise((r) => setTimeout(r, 5));
  }
}
await fx.archives.archive(undefined, marriageCase('CRASH-1', { files: [{ name: 'endless.pdf', stream: Readable.from(endless()) }] }));
`;

describeEachDialect('archiving killed mid-ingest', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  beforeAll(() => {
    fx = archiveFixture(get().db);
  });
  afterAll(() => fx.dispose());

  it('leaves no record and no used 件号, and the rerun completes', SLOW, async () => {
    const db = get() as ReturnType<typeof get> & { url?: string };
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      cwd: ROOT,
      env: { ...process.env, DB_URL: db.url ?? '', DB_FILE: db.file ?? '', BLOB_DIR: path.join(fx.dir, 'blobs') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('streaming') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before streaming: ${err}`)));
    });
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;

    expect(await fx.archives.repo.recordBySource(get().db, 'services.case', 'CRASH-1')).toBeUndefined();
    const partial = fs.readdirSync(path.join(fx.dir, 'blobs'), { recursive: true }).map(String).filter((f) => f.endsWith('endless.pdf'));
    expect(partial).toEqual([]);
    const r = await fx.archives.archive(undefined, marriageCase('CRASH-1'));
    expect(r).toMatchObject({ created: true, archivalCode: 'PT01-HY·2026-Y-SHSY-0001' });
  });
});
