import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createPlatform } from '../src/main.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../bin/landao.js');
// `audit verify` starts the real `landao` process and the whole platform (tsx compiles on start): tens of
// seconds on a loaded machine, more than the default test timeout.
const SLOW = { timeout: 120_000 };

async function landao(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('landao command line', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-cli-'));
    const platform = await createPlatform(loadConfig({ NODE_ENV: 'test', LANDAO_DATA_DIR: dataDir, LANDAO_LOG_LEVEL: 'silent' }));
    expect(platform.demoAccounts?.length).toBeGreaterThan(0);
    await platform.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('reports a clean audit chain on the demo data', SLOW, async () => {
    const r = await landao(['audit', 'verify'], { LANDAO_DATA_DIR: dataDir, NODE_ENV: 'test' });
    expect(r.stdout).toMatch(/^audit chain intact: \d+ events, 1 signed checkpoints/);
    expect(r.code).toBe(0);
  });

  it('names the first broken link after a row is edited behind the platform’s back, and exits 1', SLOW, async () => {
    const db = new SQLite(path.join(dataDir, 'landao.db'));
    db.prepare(`UPDATE audit_events SET entity_id = 'someone-else' WHERE seq = 5`).run();
    db.close();
    const r = await landao(['audit', 'verify'], { LANDAO_DATA_DIR: dataDir, NODE_ENV: 'test' });
    expect(r.stdout).toContain('audit chain BROKEN: first broken link at event 5: event 5 was changed after it was recorded');
    expect(r.code).toBe(1);
  });

  it('exits 2 with a one-line reason on bad configuration', async () => {
    const r = await landao(['audit', 'verify'], { LANDAO_DATA_DIR: dataDir, PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^landao: invalid configuration: PORT/);
  });

  it('exits 2 on an unknown command', async () => {
    const r = await landao(['no-such-command'], { LANDAO_DATA_DIR: dataDir });
    expect(r.code).toBe(2);
  });

  it('refuses to serve in production with demo secrets', async () => {
    const r = await landao(['serve'], { LANDAO_DATA_DIR: dataDir, NODE_ENV: 'production' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/production needs its own/);
  });
});
