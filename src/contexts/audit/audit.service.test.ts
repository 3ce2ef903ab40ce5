import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { LocalKeySigner } from '../../kernel/crypto/signer.ts';
import { AuditService, SYSTEM_ACTOR, type Actor } from './audit.service.ts';

const officer: Actor = { kind: 'user', id: '7', orgId: 3, ip: '10.0.0.7' };

describeEachDialect('audit trail', (get) => {
  const signer = LocalKeySigner.generate();
  const audit = () => new AuditService(get().db, signer);

  async function recordSome(n: number, prefix: string) {
    for (let i = 0; i < n; i++)
      await get().db.transaction().execute((tx) =>
        audit().record(tx, officer, { action: `${prefix}.changed`, entityType: 'thing', entityId: i, detail: { i, 名称: '岚岛' } }),
      );
  }

  it('links each event to the one before it and reports an intact chain', async () => {
    await recordSome(5, 'a');
    await audit().checkpoint();
    const report = await audit().verify();
    expect(report).toMatchObject({ ok: true, events: 5, checkpoints: 1, headSeq: 5, problems: [] });
    const events = await audit().list({ limit: 10 });
    expect(events.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(events[0]!.detail).toEqual({ i: 4, 名称: '岚岛' });
  });

  it('loses the event when the transaction that wrote it rolls back', async () => {
    const before = (await audit().verify()).events;
    await expect(
      get().db.transaction().execute(async (tx) => {
        await audit().record(tx, officer, { action: 'x.changed', entityType: 'thing', entityId: 1 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await audit().verify();
    expect(after.events).toBe(before);
    expect(after.ok).toBe(true);
  });

  it('keeps one linear chain when many transactions record at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        get().db.transaction().execute((tx) => audit().record(tx, SYSTEM_ACTOR, { action: 'p.changed', entityType: 'thing', entityId: i })),
      ),
    );
    const report = await audit().verify();
    expect(report.ok).toBe(true);
    expect(report.events).toBe(25);
  });

  it('names the first broken link when a row is edited behind the platform’s back', async () => {
    await sql`UPDATE audit_events SET detail = ${'{"i":99}'} WHERE seq = 3`.execute(get().db);
    const report = await audit().verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ seq: 3, reason: 'event 3 was changed after it was recorded (hash mismatch)' });
  });

  it('detects a deleted event and a checkpoint signed by an untrusted key', async () => {
    await sql`DELETE FROM audit_events WHERE seq = 10`.execute(get().db);
    const forged = new AuditService(get().db, LocalKeySigner.generate());
    await get().db.transaction().execute((tx) => forged.record(tx, SYSTEM_ACTOR, { action: 'f.changed', entityType: 'thing', entityId: 1 }));
    await forged.checkpoint();
    const report = await audit().verify();
    const reasons = report.problems.map((p) => p.reason);
    expect(reasons).toContain('event 10 is missing (next stored is 11)');
    expect(reasons.some((r) => /signed by an untrusted key/.test(r))).toBe(true);
  });
});

describe('audit checkpoint text', () => {
  it('is the exact text that is signed', async () => {
    const { checkpointText } = await import('./audit.service.ts');
    expect(checkpointText(12, 'ab', '2026-01-01T00:00:00.000Z')).toBe('landao-audit\n12\nab\n2026-01-01T00:00:00.000Z\n');
  });
});
