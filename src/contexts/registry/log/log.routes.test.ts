import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { loadConfig } from '../../../config.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import { buildHttp, type HttpApp } from '../../../http/server.ts';
import { checkpointText } from './checkpoint.ts';
import { verifyConsistency, verifyInclusion } from './merkle.ts';
import { registerRegistryLogRoutes } from './log.routes.ts';
import { TransparencyLog } from './transparency-log.ts';

/*
 * The log's routes in the real HTTP stack (auth hook, error mapping, zod) on a real database, with a
 * resolver that knows no session and no token: exactly what an anonymous bank or court sees.
 */
describeEachDialect('registry log over HTTP', (get) => {
  const signer = LocalKeySigner.generate();
  let http: HttpApp;
  let log: TransparencyLog;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-logroutes-'));

  beforeAll(async () => {
    log = new TransparencyLog(get().db, signer, { origin: 'landao.test/registry-log' });
    http = await buildHttp({
      config: loadConfig({ NODE_ENV: 'test', LANDAO_DATA_DIR: dataDir, LANDAO_LOG_LEVEL: 'silent' }),
      resolver: { resolveSession: async () => null, resolveApiToken: async () => null },
      db: get().db,
      health: async () => ({ dialect: 'test', version: 'test' }),
      routes: [registerRegistryLogRoutes(log)],
    });
    await http.ready();
  });
  afterAll(async () => {
    await http?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const getJson = async (url: string, headers: Record<string, string> = {}) => {
    const res = await http.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> & { error?: { code: string; details?: { field?: string } } } };
  };

  it('answers 404 for the checkpoint before one was signed', async () => {
    expect((await getJson('/api/registry/log/checkpoint')).status).toBe(404);
  });

  it('serves the checkpoint, entries and proofs without a login, and they verify offline', async () => {
    for (let i = 0; i < 13; i++) await get().db.transaction().execute((tx) => log.append(tx, { type: 'certificate.issued', registrationId: `R${i}` }));
    await log.checkpoint();
    const c = await getJson('/api/registry/log/checkpoint');
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ origin: 'landao.test/registry-log', treeSize: 13, publicKeyPem: signer.publicKeyPem });
    const cp = c.body as unknown as { origin: string; treeSize: number; rootHash: string; timestamp: string; signature: string };
    expect(signer.verify(checkpointText(cp), cp.signature)).toBe(true);

    const e = await getJson('/api/registry/log/entries/7');
    expect(e.body).toMatchObject({ index: 7, entry: { type: 'certificate.issued', registrationId: 'R7' } });
    const p = await getJson('/api/registry/log/proof/inclusion?index=7&treeSize=13');
    expect(p.body).toMatchObject({ index: 7, treeSize: 13 });
    expect(verifyInclusion(e.body.leafHash as string, 7, 13, p.body.auditPath as string[], cp.rootHash)).toBe(true);

    for (let i = 13; i < 20; i++) await log.append(get().db, { type: 'pledge.registered', registrationId: `R${i}` });
    await log.checkpoint();
    const c2 = (await getJson('/api/registry/log/checkpoint')).body as unknown as { rootHash: string; treeSize: number };
    const k = await getJson('/api/registry/log/proof/consistency?from=13&to=20');
    expect(k.body).toMatchObject({ from: 13, to: 20 });
    expect(verifyConsistency(13, c2.treeSize, cp.rootHash, c2.rootHash, k.body.proof as string[])).toBe(true);
  });

  it('ignores a bearer token that is not a Landao token on these public routes', async () => {
    expect((await getJson('/api/registry/log/entries/0', { authorization: 'Bearer not-ours' })).status).toBe(200);
  });

  it('answers 404 for an entry beyond the log', async () => {
    const r = await getJson('/api/registry/log/entries/20');
    expect(r.status).toBe(404);
    expect(r.body.error?.code).toBe('not_found');
  });

  it('answers 400 naming the parameter for malformed or out-of-range values', async () => {
    const cases: [string, string][] = [
      ['/api/registry/log/entries/abc', 'params.index'],
      ['/api/registry/log/entries/-1', 'params.index'],
      ['/api/registry/log/proof/inclusion?index=x&treeSize=5', 'querystring.index'],
      ['/api/registry/log/proof/inclusion?index=1', 'querystring.treeSize'],
      ['/api/registry/log/proof/inclusion?index=5&treeSize=5', 'index'],
      ['/api/registry/log/proof/inclusion?index=0&treeSize=21', 'treeSize'],
      ['/api/registry/log/proof/inclusion?index=0&treeSize=0', 'querystring.treeSize'],
      ['/api/registry/log/proof/consistency?from=0&to=5', 'querystring.from'],
      ['/api/registry/log/proof/consistency?from=6&to=5', 'from'],
      ['/api/registry/log/proof/consistency?from=1&to=21', 'to'],
      ['/api/registry/log/proof/consistency?from=1.5&to=5', 'querystring.from'],
    ];
    for (const [url, field] of cases) {
      const r = await getJson(url);
      expect({ url, status: r.status, code: r.body.error?.code }).toEqual({ url, status: 400, code: 'validation_failed' });
      const details = r.body.error?.details as { field?: string } | { field: string }[] | undefined;
      const fields = Array.isArray(details) ? details.map((d) => d.field) : [details?.field];
      expect(fields, url).toContain(field);
    }
  });
});
