/**
 * A fresh, migrated database per test file and dialect. Use `describeEachDialect` so the same tests
 * run on SQLite and on PostgreSQL (when the run includes it; see global-setup.ts). Each is a copy of
 * a template: SQLite copies a file, PostgreSQL runs `CREATE DATABASE … TEMPLATE …`; by default the
 * run's migrated template, or the demo-seeded one (seeded-template.ts) for describeApp.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openPostgres, openSqlite, type Database, type Dialect } from '../../src/db/database.ts';

export function testDialects(): Dialect[] {
  return inject('dialects') as Dialect[];
}

export type TestDatabase = Database & { dispose(): Promise<void>; /** connection URL (PostgreSQL only) */ url?: string };

/** What a fresh database is copied from: a SQLite file, or a PostgreSQL database with no open connections. */
export interface DatabaseTemplate {
  sqliteFile?: string;
  pgDatabase?: string;
}

/** Copies a closed SQLite database (and its write-ahead log, if one was left) to `file`. */
export function copySqliteFile(from: string, file: string): void {
  fs.copyFileSync(from, file);
  if (fs.existsSync(`${from}-wal`)) fs.copyFileSync(`${from}-wal`, `${file}-wal`);
}

export async function freshDatabase(dialect: Dialect, template: DatabaseTemplate = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-test-'));
    const file = path.join(dir, 'landao.db');
    copySqliteFile(template.sqliteFile ?? inject('sqliteTemplate'), file);
    const database = openSqlite(file);
    return {
      ...database,
      dispose: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = inject('pgAdminUrl');
  const name = `landao_t${crypto.randomBytes(5).toString('hex')}_${inject('runId')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  // CREATE DATABASE … TEMPLATE needs the template to have no other connections; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await c.query(`CREATE DATABASE ${name} TEMPLATE ${template.pgDatabase ?? inject('pgTemplate')}`);
      break;
    } catch (e) {
      if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await c.end();
  const u = new URL(admin);
  u.pathname = '/' + name;
  const database = openPostgres(u.toString(), 5);
  return {
    ...database,
    url: u.toString(),
    dispose: async () => {
      await database.close();
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/**
 * Declares the suite once per dialect under test; `get()` returns that dialect's fresh database.
 */
export function describeEachDialect(title: string, body: (get: () => Database) => void): void {
  for (const dialect of testDialects()) {
    describe(`${title} [${dialect}]`, () => {
      let database: (Database & { dispose(): Promise<void> }) | undefined;
      beforeAll(async () => {
        database = await freshDatabase(dialect);
      });
      afterAll(async () => {
        await database?.dispose();
      });
      body(() => {
        if (!database) throw new Error('database not ready');
        return database;
      });
    });
  }
}
