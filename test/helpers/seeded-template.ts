/**
 * The demo-seeded platform as a template: `createPlatform` on an empty database seeds every demo
 * (identity, registry, catalog, accounts, prefill grants, cases, benefits, payouts, archives), which
 * costs seconds of CPU. The first test file of a run that needs it builds it once per dialect — a
 * database (SQLite file or PostgreSQL template database) and the data directory the seed wrote
 * (blobs, notification outbox) — signed with the run's key (`inject('signerKey')`). Every describeApp
 * copies both and opens the platform on the copy, which finds the demo there and does not seed again.
 *
 * Test files run in parallel processes: a lock directory per dialect makes one process build it while
 * the others wait (building the other dialect meanwhile if nobody has started it). A lock whose owner
 * process is gone is taken over. The templates live in the run's `templateDir`, removed at its end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { openSqlite, type Database, type Dialect } from '../../src/db/database.ts';
import { LocalKeySigner } from '../../src/kernel/crypto/signer.ts';
import { createPlatform } from '../../src/main.ts';
import { copySqliteFile, freshDatabase, testDialects, type DatabaseTemplate } from './db.ts';

export interface SeededTemplate {
  database: DatabaseTemplate;
  /** The data directory as the seed left it; copy it, never write to it. */
  dataDir: string;
}

/** The configuration of a platform under test (demo secrets, silent log) on this data directory. */
export function testConfig(dataDir: string): Config {
  return loadConfig({ NODE_ENV: 'test', LANDAO_DATA_DIR: dataDir, LANDAO_LOG_LEVEL: 'silent' });
}

/** The run's SM2 key, which signed the seeded demo (certificates, checkpoints, log heads). */
export function testSigner(): LocalKeySigner {
  const k = inject('signerKey');
  return new LocalKeySigner(k.privateKeyHex, k.publicKeyHex);
}

const readyFile = (dialect: Dialect) => path.join(inject('templateDir'), `seeded-${dialect}.json`);
const lockDir = (dialect: Dialect) => path.join(inject('templateDir'), `seeded-${dialect}.lock`);

function readReady(dialect: Dialect): SeededTemplate | undefined {
  try {
    return JSON.parse(fs.readFileSync(readyFile(dialect), 'utf8')) as SeededTemplate;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the dialect's build lock; false when another live process holds it. */
function tryLock(dialect: Dialect): boolean {
  const lock = lockDir(dialect);
  try {
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let owner: number;
    try {
      owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
    } catch {
      return false; // being taken or released right now
    }
    if (owner > 0 && !alive(owner)) fs.rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

async function build(dialect: Dialect): Promise<SeededTemplate> {
  const dir = fs.mkdtempSync(path.join(inject('templateDir'), `seeded-${dialect}-`));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  let template: DatabaseTemplate;
  let database: Database;
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'landao.db');
    copySqliteFile(inject('sqliteTemplate'), file);
    database = openSqlite(file);
    template = { sqliteFile: file };
  } else {
    const pgDatabase = await freshDatabase('postgres');
    database = pgDatabase;
    template = { pgDatabase: new URL(pgDatabase.url!).pathname.slice(1) };
  }
  try {
    const platform = await createPlatform(testConfig(dataDir), { database, signer: testSigner() });
    const seeded = Boolean(platform.demoAccounts?.length);
    await platform.close();
    if (!seeded) throw new Error(`the ${dialect} template was not seeded with the demo`);
  } finally {
    // Close, not dispose: the database stays as the template (the run's teardown drops it).
    await database.close();
  }
  return { database: template, dataDir };
}

async function buildLocked(dialect: Dialect): Promise<SeededTemplate> {
  try {
    const template = await build(dialect);
    const tmp = `${readyFile(dialect)}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(template));
    fs.renameSync(tmp, readyFile(dialect));
    return template;
  } finally {
    fs.rmSync(lockDir(dialect), { recursive: true, force: true });
  }
}

/** The run's demo-seeded template for this dialect, built by this process if nobody has built it yet. */
export async function seededTemplate(dialect: Dialect): Promise<SeededTemplate> {
  for (;;) {
    const ready = readReady(dialect);
    if (ready) return ready;
    if (tryLock(dialect)) return buildLocked(dialect);
    for (const other of testDialects()) {
      // A failure here is reported by the files that need that dialect (they build it again).
      if (other !== dialect && !readReady(other) && tryLock(other)) await buildLocked(other).catch(() => undefined);
    }
    await sleep(100);
  }
}
