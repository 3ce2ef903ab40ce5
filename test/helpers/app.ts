/**
 * The whole platform on a fresh database per test file and dialect, with demo data seeded, for
 * HTTP-level tests through Fastify's inject (no port, no network). The database and the data
 * directory are copies of the run's demo-seeded template (seeded-template.ts), so the platform opens
 * on the demo as the seed left it instead of seeding it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Dialect } from '../../src/db/database.ts';
import { createPlatform, type Platform } from '../../src/main.ts';
import { freshDatabase, testDialects } from './db.ts';
import { seededTemplate, testConfig, testSigner } from './seeded-template.ts';

export const DEMO_PASSWORD = 'Demo@2026';

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export interface TestApp {
  platform: Platform;
  dialect: Dialect;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** Signs in through the API and returns the cookie and CSRF headers for later requests. */
  login(username: string, password?: string): Promise<Session>;
}

export function describeApp(title: string, body: (get: () => TestApp) => void): void {
  for (const dialect of testDialects()) {
    describe(`${title} [${dialect}]`, () => {
      let app: TestApp | undefined;
      let dispose: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const seeded = await seededTemplate(dialect);
        const database = await freshDatabase(dialect, seeded.database);
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-app-'));
        fs.cpSync(seeded.dataDir, dataDir, { recursive: true });
        const platform = await createPlatform(testConfig(dataDir), { database, signer: testSigner() });
        await platform.http.ready();
        app = {
          platform,
          dialect,
          inject: (opts) => platform.http.inject(opts),
          login: async (username, password = DEMO_PASSWORD) => {
            const res = await platform.http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
            if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
            const raw = res.headers['set-cookie'];
            const cookie = (Array.isArray(raw) ? raw[0]! : raw!).split(';')[0]!;
            const csrf = (res.json() as { csrfToken: string }).csrfToken;
            return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
          },
        };
        dispose = async () => {
          await platform.close();
          await database.dispose();
          fs.rmSync(dataDir, { recursive: true, force: true });
        };
      });
      afterAll(async () => {
        await dispose?.();
      });
      body(() => {
        if (!app) throw new Error('app not ready');
        return app;
      });
    });
  }
}
