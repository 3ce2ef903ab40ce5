import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';
import { checkpointText } from './checkpoint.ts';
import { verifyInclusion } from './merkle.ts';

/* The log as the platform wires it: demo registry events in the log, a checkpoint signed after seeding. */
describeApp('registry log in the platform', (get) => {
  it('serves a signed checkpoint over the seeded registry events to anyone, and each entry proves into it', async () => {
    const res = await get().inject({ method: 'GET', url: '/api/registry/log/checkpoint' });
    expect(res.statusCode).toBe(200);
    const cp = res.json() as { origin: string; treeSize: number; rootHash: string; timestamp: string; signature: string; publicKeyPem: string };
    expect(cp.origin).toMatch(/\/registry$/);
    expect(cp.publicKeyPem).toBe(get().platform.signer.publicKeyPem);
    expect(get().platform.signer.verify(checkpointText(cp), cp.signature)).toBe(true);
    expect(cp.treeSize).toBeGreaterThan(0);
    for (const index of [0, cp.treeSize - 1]) {
      const e = (await get().inject({ method: 'GET', url: `/api/registry/log/entries/${index}` })).json() as { leafHash: string; entry: Record<string, unknown> };
      const p = (await get().inject({ method: 'GET', url: `/api/registry/log/proof/inclusion?index=${index}&treeSize=${cp.treeSize}` })).json() as { auditPath: string[] };
      expect(verifyInclusion(e.leafHash, index, cp.treeSize, p.auditPath, cp.rootHash)).toBe(true);
    }
  });

  it('verifies the seeded log end to end', async () => {
    const report = await get().platform.registryLog.verify();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
