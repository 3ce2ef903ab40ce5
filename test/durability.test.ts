/**
 * kill -9 of the server in the middle of writes loses no acknowledged write, corrupts nothing, and
 * the restart is clean — on SQLite (WAL) and on PostgreSQL.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';
import { startServer } from './helpers/server-process.ts';

const run = promisify(execFile);

async function login(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

for (const dialect of testDialects()) {
  describe(`crash safety [${dialect}]`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-crash-'));
    let pgDb: TestDatabase | undefined;
    afterAll(async () => {
      await pgDb?.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps every acknowledged write and an intact audit chain after kill -9 mid-write', async () => {
      const env: NodeJS.ProcessEnv = {};
      if (dialect === 'postgres') {
        pgDb = await freshDatabase('postgres');
        env.DATABASE_URL = pgDb.url;
      }
      const server = await startServer({ dataDir, env });
      const headers = await login(server.url);
      const orgId = ((await (await fetch(`${server.url}/api/auth/session`, { headers })).json()) as { user: { org: { id: number } } }).user.org.id;

      const acknowledged: string[] = [];
      let n = 0;
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const username = `crash-${n++}`;
          try {
            const res = await fetch(`${server.url}/api/identity/users`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ orgId, username, displayName: '压测用户', kind: 'officer', password: 'long-enough-1', roles: ['dept-officer'] }),
            });
            if (res.status === 201) acknowledged.push(username);
          } catch {
            // the connection died with the server
          }
        }
      };
      const writers = Array.from({ length: 6 }, writer);
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
      await server.kill();
      killed = true;
      await Promise.all(writers);

      const again = await startServer({ dataDir, env });
      try {
        const h = await login(again.url);
        const res = await fetch(`${again.url}/api/identity/users?q=crash-&pageSize=200`, { headers: h });
        const stored = new Set(((await res.json()) as { items: { username: string }[] }).items.map((u) => u.username));
        const lost = acknowledged.filter((u) => !stored.has(u));
        expect(lost).toEqual([]);
        const verify = await fetch(`${again.url}/api/audit/verify`, { headers: h });
        expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
      } finally {
        await again.stop();
      }
      if (dialect === 'sqlite') {
        const r = await run(process.execPath, [path.resolve(import.meta.dirname, '../bin/landao.js'), 'audit', 'verify'], {
          env: { ...process.env, LANDAO_DATA_DIR: dataDir, NODE_ENV: 'test' },
        });
        expect(r.stdout).toMatch(/^audit chain intact/);
      }
    }, 120_000);
  });
}
