/**
 * Runs once per `vitest run`. Decides which database dialects the run covers and prepares the
 * templates every test file copies its fresh database from:
 *
 * - a migrated SQLite file (each file copies it instead of running every migration), and a migrated
 *   PostgreSQL template database (`CREATE DATABASE … TEMPLATE …`, milliseconds);
 * - the SM2 key the demo-seeded templates are signed with (see seeded-template.ts: the first test file
 *   that needs the seeded demo builds it once per dialect and run; the others copy it).
 *
 * LANDAO_TEST_DIALECTS=sqlite,postgres   which dialects to run (default: sqlite, plus postgres if reachable)
 * LANDAO_TEST_PG_URL                     admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
 * LANDAO_REQUIRE_POSTGRES=1              fail instead of skipping when PostgreSQL is unreachable (CI sets it)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres, openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { generateSm2KeyPair } from '../../src/kernel/crypto/sm.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dialects: string[];
    pgTemplate: string;
    pgAdminUrl: string;
    runId: string;
    /** This run's directory of templates (removed at the end of the run). */
    templateDir: string;
    /** The migrated SQLite file each test file copies. */
    sqliteTemplate: string;
    /** The SM2 key of the demo-seeded templates and of every platform describeApp builds on them. */
    signerKey: { privateKeyHex: string; publicKeyHex: string };
  }
}

export const PG_ADMIN_URL = process.env.LANDAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

async function pgReachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const requested = (process.env.LANDAO_TEST_DIALECTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const requirePg = process.env.LANDAO_REQUIRE_POSTGRES === '1';
  let dialects = requested.length ? requested : ['sqlite', 'postgres'];
  const pgError = dialects.includes('postgres') ? await pgReachable() : null;
  if (pgError) {
    if (requirePg || requested.includes('postgres'))
      throw new Error(`PostgreSQL is required for this run but unreachable at ${PG_ADMIN_URL}: ${pgError}`);
    dialects = dialects.filter((d) => d !== 'postgres');
    console.warn(`\n[landao] PostgreSQL unreachable (${pgError}): database tests run on SQLite only.\n`);
  }

  const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), `landao-tpl-${runId}-`));
  const sqliteTemplate = path.join(templateDir, 'migrated.db');
  const sqlite = openSqlite(sqliteTemplate);
  await migrateToLatest(sqlite.db);
  await sqlite.close();

  let template = '';
  if (dialects.includes('postgres')) {
    template = `landao_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const db = openPostgres(withDb(PG_ADMIN_URL, template), 2);
    await migrateToLatest(db.db);
    await db.close();
  }

  const key = generateSm2KeyPair();
  project.provide('dialects', dialects);
  project.provide('pgTemplate', template);
  project.provide('pgAdminUrl', PG_ADMIN_URL);
  project.provide('runId', runId);
  project.provide('templateDir', templateDir);
  project.provide('sqliteTemplate', sqliteTemplate);
  project.provide('signerKey', { privateKeyHex: key.privateKeyHex, publicKeyHex: key.publicKeyHex });

  return async () => {
    fs.rmSync(templateDir, { recursive: true, force: true });
    if (!template) return;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`landao_%${runId}%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.end();
  };
}
