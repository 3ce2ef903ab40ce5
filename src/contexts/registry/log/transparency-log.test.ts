import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import { consistencyProofOf, hashLeaf, inclusionProofOf, treeHash, verifyConsistency, verifyInclusion } from './merkle.ts';
import { checkpointText, TransparencyLog, type Checkpoint } from './transparency-log.ts';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

const ORIGIN = 'landao.test/registry-log';
const event = (i: number) => ({ type: 'application.filed', registrationId: `R${i}`, seq: i, 名称: '动态光环境数据集' });

function opensslVerifies(c: Checkpoint, text = checkpointText(c)): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-log-'));
  fs.writeFileSync(path.join(dir, 'key.pem'), c.publicKeyPem);
  fs.writeFileSync(path.join(dir, 'sig.der'), Buffer.from(c.signature, 'hex'));
  fs.writeFileSync(path.join(dir, 'text'), text);
  try {
    const out = execFileSync('openssl', [
      'pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'key.pem'), '-rawin', '-digest', 'sm3',
      '-pkeyopt', 'distid:1234567812345678', '-sigfile', path.join(dir, 'sig.der'), '-in', path.join(dir, 'text'),
    ], { stdio: 'pipe' });
    return /Signature Verified Successfully/.test(out.toString());
  } catch {
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDialect('registry transparency log', (get) => {
  const signer = LocalKeySigner.generate();
  const log = () => new TransparencyLog(get().db, signer, { origin: ORIGIN });
  const appendOne = (i: number) => get().db.transaction().execute((tx) => log().append(tx, event(i)));
  const leafHashes = async (): Promise<Buffer[]> => {
    const out: Buffer[] = [];
    const n = await log().size();
    for (let i = 0; i < n; i++) out.push(Buffer.from((await log().entry(i))!.leafHash, 'hex'));
    return out;
  };

  it('starts empty and hands out dense indices with the leaf hash of the canonical entry', async () => {
    expect(await log().size()).toBe(0);
    expect(await log().latestCheckpoint()).toBeNull();
    for (let i = 0; i < 3; i++) {
      const r = await appendOne(i);
      expect(r.index).toBe(i);
      expect(r.leafHash).toBe(hashLeaf(canonicalJson(event(i))).toString('hex'));
    }
    expect(await log().entry(1)).toEqual({ index: 1, entry: event(1), leafHash: hashLeaf(canonicalJson(event(1))).toString('hex') });
    expect(await log().entry(3)).toBeNull();
    expect(await log().entry(-1)).toBeNull();
  });

  it('refuses an entry that is not a JSON object', async () => {
    await expect(get().db.transaction().execute((tx) => log().append(tx, [1, 2] as unknown as Record<string, unknown>))).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('loses the leaf when the caller’s transaction rolls back, leaving no gap', async () => {
    await expect(
      get().db.transaction().execute(async (tx) => {
        await log().append(tx, event(99));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await log().size()).toBe(3);
    expect((await appendOne(3)).index).toBe(3);
  });

  it('keeps indices dense and in commit order when many transactions append at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => appendOne(4 + i)));
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 4 + i));
    expect(await log().size()).toBe(24);
    expect((await log().verify()).ok).toBe(true);
  });

  it('appends outside a transaction too, in one of its own', async () => {
    expect((await log().append(get().db, event(24))).index).toBe(24);
  });

  it('serves the RFC 9162 audit path for every index and size up to 40 from stored subtrees', async () => {
    for (let i = 25; i < 40; i++) await appendOne(i);
    const leaves = await leafHashes();
    expect(leaves).toHaveLength(40);
    for (let n = 1; n <= 40; n++) {
      const root = await log().rootHash(n);
      expect(root).toBe(treeHash(leaves.slice(0, n)).toString('hex'));
      for (let m = 0; m < n; m++) {
        const proof = await log().inclusionProof(m, n);
        expect(proof).toEqual(inclusionProofOf(leaves, m, n).map((h) => h.toString('hex')));
        expect(verifyInclusion(leaves[m]!, m, n, proof, root)).toBe(true);
      }
    }
  });

  it('serves the RFC 9162 consistency proof for every pair of sizes up to 40', async () => {
    const leaves = await leafHashes();
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = await log().consistencyProof(m, n);
        expect(proof).toEqual(consistencyProofOf(leaves, m, n).map((h) => h.toString('hex')));
        expect(verifyConsistency(m, n, await log().rootHash(m), await log().rootHash(n), proof)).toBe(true);
      }
    }
  });

  it('refuses proofs outside the tree, naming the parameter', async () => {
    await expect(log().inclusionProof(40, 40)).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'index' } });
    await expect(log().inclusionProof(-1, 10)).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'index' } });
    await expect(log().inclusionProof(0, 41)).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'treeSize' } });
    await expect(log().inclusionProof(0, 1.5)).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'treeSize' } });
    await expect(log().consistencyProof(0, 10)).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'from' } });
    await expect(log().consistencyProof(11, 10)).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'from' } });
    await expect(log().consistencyProof(1, 41)).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'to' } });
  });

  it('signs a checkpoint only when asked, and only when the tree grew', async () => {
    expect(await log().latestCheckpoint()).toBeNull(); // 40 appends signed nothing
    const c = await log().checkpoint();
    expect(c).toMatchObject({ origin: ORIGIN, treeSize: 40, rootHash: await log().rootHash(40), publicKeyPem: signer.publicKeyPem });
    expect(c.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(signer.verify(checkpointText(c), c.signature)).toBe(true);
    expect(checkpointText(c)).toBe(`${ORIGIN}\n40\n${c.rootHash}\n${c.timestamp}\n`);
    expect(await log().checkpoint()).toEqual(c);
    await appendOne(40);
    expect(await log().latestCheckpoint()).toEqual(c);
    const c2 = await log().checkpoint();
    expect(c2.treeSize).toBe(41);
    expect(await log().latestCheckpoint()).toEqual(c2);
  });

  it.runIf(hasOpenssl)('produces checkpoints that openssl verifies with the published PEM and nothing else', async () => {
    const c = (await log().latestCheckpoint())!;
    expect(opensslVerifies(c)).toBe(true);
    expect(opensslVerifies(c, checkpointText({ ...c, treeSize: c.treeSize + 1 }))).toBe(false);
  });

  it('verifies an intact log end to end', async () => {
    for (let i = 41; i < 45; i++) await appendOne(i);
    await log().checkpoint();
    const report = await log().verify();
    expect(report).toMatchObject({ ok: true, leaves: 45, treeSize: 45, checkpoints: 3, problems: [], rootHash: await log().rootHash(45) });
  });

  it('refuses checkpoints signed by a key it does not trust', async () => {
    const report = await log().verify([LocalKeySigner.generate().publicKeyHex]);
    expect(report.ok).toBe(false);
    expect(report.problems[0]!.reason).toMatch(/untrusted key/);
  });

  it('names the index of an entry edited behind the application’s back', async () => {
    const original = (await sql<{ entry: string }>`SELECT entry FROM registry_log_leaves WHERE idx = 17`.execute(get().db)).rows[0]!.entry;
    await sql`UPDATE registry_log_leaves SET entry = ${original.replace('application.filed', 'application.withdrawn')} WHERE idx = 17`.execute(get().db);
    const report = await log().verify();
    expect(report.ok).toBe(false);
    expect(report.firstBad).toEqual({ index: 17, reason: 'leaf 17 was changed after it was appended (leaf hash mismatch)' });
    await sql`UPDATE registry_log_leaves SET entry = ${original} WHERE idx = 17`.execute(get().db);
    expect((await log().verify()).ok).toBe(true);
  });

  it('detects an entry rewritten together with its leaf hash through the subtree hashes and checkpoints', async () => {
    const row = (await sql<{ entry: string; leaf_hash: Buffer }>`SELECT entry, leaf_hash FROM registry_log_leaves WHERE idx = 9`.execute(get().db)).rows[0]!;
    const forged = row.entry.replace('application.filed', 'application.withdrawn');
    await sql`UPDATE registry_log_leaves SET entry = ${forged}, leaf_hash = ${hashLeaf(forged)} WHERE idx = 9`.execute(get().db);
    const report = await log().verify();
    expect(report.ok).toBe(false);
    expect(report.firstBad).toEqual({ index: 8, reason: 'leaves 8–9 do not match their stored subtree hash (an entry and its leaf hash were rewritten)' });
    expect(report.problems.some((p) => p.checkpoint === 45 && /does not match the root/.test(p.reason))).toBe(true);
    await sql`UPDATE registry_log_leaves SET entry = ${row.entry}, leaf_hash = ${Buffer.from(row.leaf_hash)} WHERE idx = 9`.execute(get().db);
    expect((await log().verify()).ok).toBe(true);
  });

  it('names a leaf deleted from the middle', async () => {
    const row = (await sql<{ idx: number; entry: string; leaf_hash: Buffer; appended_at: string }>`SELECT * FROM registry_log_leaves WHERE idx = 30`.execute(get().db)).rows[0]!;
    await sql`DELETE FROM registry_log_leaves WHERE idx = 30`.execute(get().db);
    const report = await log().verify();
    expect(report.firstBad).toEqual({ index: 30, reason: 'leaf 30 is missing (next stored leaf is 31)' });
    await sql`INSERT INTO registry_log_leaves (idx, entry, leaf_hash, appended_at) VALUES (${row.idx}, ${row.entry}, ${Buffer.from(row.leaf_hash)}, ${row.appended_at})`.execute(get().db);
    expect((await log().verify()).ok).toBe(true);
  });

  it('reports a checkpoint mismatch when the tail is truncated and the head rewound to match', async () => {
    const leaves = (await leafHashes()).slice(0, 42);
    await sql`DELETE FROM registry_log_leaves WHERE idx >= 42`.execute(get().db);
    // A careful attacker also drops the subtrees over the deleted leaves and rewinds the head.
    const keep = new Set<number>();
    for (let level = 1; 2 ** level <= 42; level++) for (let i = 0; (i + 1) * 2 ** level <= 42; i++) keep.add(i * 2 ** (level + 1) + 2 ** level - 1);
    await sql`DELETE FROM registry_log_nodes WHERE pos NOT IN (${sql.join([...keep])})`.execute(get().db);
    const frontier = [treeHash(leaves, 0, 32), treeHash(leaves, 32, 40), treeHash(leaves, 40, 42)].map((h) => h.toString('hex')).join('');
    await sql`UPDATE registry_log_head SET tree_size = 42, frontier = ${frontier} WHERE id = 1`.execute(get().db);
    const report = await log().verify();
    expect(report.ok).toBe(false);
    expect(report.leaves).toBe(42);
    expect(report.problems).toEqual([{ checkpoint: 45, reason: 'checkpoint 45 covers more leaves than the log holds (42): the tail was truncated' }]);
    expect(report.firstBad).toEqual(report.problems[0]);
  });
});
