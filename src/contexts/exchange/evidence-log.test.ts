import crypto from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { LocalKeySigner } from '../../kernel/crypto/signer.ts';
import { EvidenceLog } from './evidence-log.ts';
import { verifyEvidencePackage } from './evidence.ts';
import { pendingRecord } from './test-support.ts';

describeEachDialect('the evidence log', (get) => {
  const signer = LocalKeySigner.generate();

  it('writes concurrent appends of two processes into one unbroken chain', async () => {
    const a = new EvidenceLog(get().db, signer);
    const b = new EvidenceLog(get().db, signer);
    const placed = await Promise.all(Array.from({ length: 120 }, (_, i) => (i % 2 ? a : b).append(pendingRecord(i + 1))));
    expect(placed.map((p) => p.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const report = await a.audit([signer.publicKeyHex]);
    expect(report).toMatchObject({ ok: true, records: 120, headSeq: 120, batches: 0, unsealed: 120 });
  });

  it('counts usage per consumer, dataset and month in the same transactions', async () => {
    const rows = await sql<{ consumer_org_id: number; allowed: number; denied: number }>`select consumer_org_id, allowed, denied from exchange_usage order by consumer_org_id`.execute(get().db);
    expect(rows.rows.map((r) => ({ org: Number(r.consumer_org_id), allowed: Number(r.allowed), denied: Number(r.denied) }))).toEqual([
      { org: 2, allowed: 48, denied: 12 },
      { org: 3, allowed: 48, denied: 12 },
    ]);
  });

  it('seals runs of at most maxBatch records, and every record’s package verifies', async () => {
    const log = new EvidenceLog(get().db, signer, { maxBatch: 50 });
    expect(await log.seal()).toEqual({ batches: 3, records: 120 });
    expect(await log.seal()).toEqual({ batches: 0, records: 0 });
    const txIds = (await sql<{ tx_id: string }>`select tx_id from exchange_evidence where seq in (1, 50, 51, 77, 120) order by seq`.execute(get().db)).rows.map((r) => r.tx_id);
    for (const txId of txIds) {
      const e = await log.evidence(txId);
      expect(e?.status).toBe('sealed');
      if (e?.status !== 'sealed') continue;
      expect(verifyEvidencePackage(e.pkg, signer.publicKeyPem), `seq ${e.record.seq}`).toEqual({ ok: true });
    }
    expect(await log.audit([signer.publicKeyHex])).toMatchObject({ ok: true, batches: 3, unsealed: 0 });
  });

  it('fails every request of a flush that cannot commit, and leaves the chain as it was', async () => {
    const log = new EvidenceLog(get().db, signer, { flushDelayMs: 50 });
    const dup = crypto.randomUUID();
    const results = await Promise.allSettled([log.append(pendingRecord(1, { txId: dup })), log.append(pendingRecord(2, { txId: dup })), log.append(pendingRecord(3))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await log.audit([signer.publicKeyHex])).toMatchObject({ ok: true, records: 120, headSeq: 120 });
    expect((await log.append(pendingRecord(4))).seq).toBe(121);
  });

  it('names the first bad record when records are deleted, and refuses to seal over the gap', async () => {
    const log = new EvidenceLog(get().db, signer);
    for (let i = 0; i < 5; i++) await log.append(pendingRecord(200 + i));
    await sql`delete from exchange_evidence where seq = 123`.execute(get().db);
    const report = await log.audit([signer.publicKeyHex]);
    expect(report.firstBad).toEqual({ seq: 123, reason: 'record 123 is missing (next stored is 124)' });
    await expect(log.seal()).rejects.toThrow(/not all present/);
    await sql`delete from exchange_evidence where seq = 70`.execute(get().db);
    expect((await log.audit([signer.publicKeyHex])).firstBad).toEqual({ seq: 70, reason: 'record 70 is missing (next stored is 71)' });
  });
});
