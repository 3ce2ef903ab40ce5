import { nowIso, type AnyDb, type Executor } from '../../db/database.ts';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Signer } from '../../kernel/crypto/signer.ts';
import { sm2Verify, sm3 } from '../../kernel/crypto/sm.ts';
import { AuditRepo, GENESIS_HASH } from './audit.repo.ts';
import type { AuditEventRow } from './audit.tables.ts';

/** Who did something: a signed-in person, another system's API token, or the platform itself. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  id: string | null;
  orgId: number | null;
  ip?: string | null | undefined;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'landao', orgId: null, ip: null };

export interface AuditInput {
  /** Dotted verb, `<context>.<entity>.<verb>`, e.g. `identity.user.created`. */
  action: string;
  entityType: string;
  entityId: string | number;
  detail?: Record<string, unknown> | undefined;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown>;
  hash: string;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  checkpoints: number;
  headSeq: number;
  /** The first broken link, if any: where the chain stops being trustworthy. */
  firstBroken?: { seq: number; reason: string } | undefined;
  problems: { seq: number; reason: string }[];
}

const CHECKPOINT_ORIGIN = 'landao-audit';

export function checkpointText(seq: number, hash: string, at: string): string {
  return `${CHECKPOINT_ORIGIN}\n${seq}\n${hash}\n${at}\n`;
}

function eventHash(prevHash: string, row: Omit<AuditEventRow, 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorOrgId: row.actor_org_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    ip: row.ip,
    detail: JSON.parse(row.detail) as unknown,
  });
  return sm3(`${prevHash}\n${body}`);
}

function toEvent(r: AuditEventRow): AuditEvent {
  return {
    seq: r.seq,
    at: r.at,
    actor: { kind: r.actor_kind as Actor['kind'], id: r.actor_id, orgId: r.actor_org_id, ip: r.ip },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    hash: r.hash,
  };
}

/**
 * The audit trail. Every state change calls `record` inside its own transaction, so the change and
 * its event commit together or not at all. Events form an SM3 hash chain; `checkpoint` seals the
 * head with an SM2 signature; `verify` re-checks everything and names the first broken link.
 */
export class AuditService {
  private readonly repo = new AuditRepo();

  constructor(
    private readonly db: AnyDb,
    private readonly signer: Signer,
  ) {}

  async record(tx: Executor, actor: Actor, input: AuditInput): Promise<AuditEvent> {
    const head = await this.repo.lockHead(tx);
    const base = {
      seq: head.lastSeq + 1,
      at: nowIso(),
      actor_kind: actor.kind,
      actor_id: actor.id,
      actor_org_id: actor.orgId,
      action: input.action,
      entity_type: input.entityType,
      entity_id: String(input.entityId),
      ip: actor.ip ?? null,
      detail: canonicalJson(input.detail ?? {}),
    };
    const row: AuditEventRow = { ...base, prev_hash: head.lastHash, hash: eventHash(head.lastHash, base) };
    await this.repo.insertEvent(tx, row);
    await this.repo.setHead(tx, row.seq, row.hash);
    return toEvent(row);
  }

  async list(f: { orgId?: number | undefined; entityType?: string | undefined; entityId?: string | undefined; action?: string | undefined; beforeSeq?: number | undefined; limit?: number | undefined }): Promise<AuditEvent[]> {
    const rows = await this.repo.list(this.db, { ...f, limit: Math.min(f.limit ?? 50, 500) });
    return rows.map(toEvent);
  }

  /** Signs the current head if it moved since the last checkpoint. Runs as a background job. */
  async checkpoint(): Promise<{ seq: number; hash: string } | null> {
    const head = await this.repo.head(this.db);
    const last = await this.repo.latestCheckpoint(this.db);
    if (head.lastSeq === 0 || (last && last.seq >= head.lastSeq)) return null;
    const at = nowIso();
    const signature = await this.signer.sign(checkpointText(head.lastSeq, head.lastHash, at));
    await this.repo.insertCheckpoint(this.db, {
      seq: head.lastSeq,
      hash: head.lastHash,
      at,
      key_id: this.signer.keyId,
      public_key: this.signer.publicKeyHex,
      signature,
    });
    return { seq: head.lastSeq, hash: head.lastHash };
  }

  async latestCheckpoint() {
    return this.repo.latestCheckpoint(this.db);
  }

  /**
   * Re-computes the whole chain. Detects an edited row (hash mismatch), a deleted or inserted row
   * (seq gap or broken link), a truncated tail (head or checkpoint beyond the last event) and a forged
   * checkpoint (bad signature or a key other than `trustedPublicKeys`).
   */
  async verify(trustedPublicKeys: string[] = [this.signer.publicKeyHex]): Promise<VerifyReport> {
    const problems: { seq: number; reason: string }[] = [];
    const hashAt = new Map<number, string>();
    const checkpoints = await this.repo.checkpoints(this.db);
    const wanted = new Set(checkpoints.map((c) => c.seq));
    let expectSeq = 1;
    let prev = GENESIS_HASH;
    let count = 0;
    for await (const r of this.repo.scan(this.db)) {
      count++;
      if (r.seq !== expectSeq) problems.push({ seq: expectSeq, reason: `event ${expectSeq} is missing (next stored is ${r.seq})` });
      if (r.prev_hash !== prev) problems.push({ seq: r.seq, reason: `event ${r.seq} does not link to the event before it` });
      let recomputed: string;
      try {
        recomputed = eventHash(r.prev_hash, r);
      } catch {
        recomputed = '';
      }
      if (recomputed !== r.hash) problems.push({ seq: r.seq, reason: `event ${r.seq} was changed after it was recorded (hash mismatch)` });
      if (wanted.has(r.seq)) hashAt.set(r.seq, r.hash);
      prev = r.hash;
      expectSeq = r.seq + 1;
    }
    const lastSeq = expectSeq - 1;
    const head = await this.repo.head(this.db);
    if (head.lastSeq !== lastSeq || head.lastHash !== prev)
      problems.push({ seq: Math.min(head.lastSeq, lastSeq) + 1, reason: `chain head says event ${head.lastSeq} but the log ends at ${lastSeq}` });
    const trusted = new Set(trustedPublicKeys.map((k) => k.toLowerCase()));
    for (const c of checkpoints) {
      if (!trusted.has(c.public_key.toLowerCase()))
        problems.push({ seq: c.seq, reason: `checkpoint at event ${c.seq} is signed by an untrusted key ${c.key_id}` });
      else if (!sm2Verify(c.public_key, checkpointText(c.seq, c.hash, c.at), c.signature))
        problems.push({ seq: c.seq, reason: `checkpoint at event ${c.seq} has an invalid signature` });
      const h = hashAt.get(c.seq);
      if (h === undefined) problems.push({ seq: c.seq, reason: `checkpoint names event ${c.seq}, which is not in the log` });
      else if (h !== c.hash) problems.push({ seq: c.seq, reason: `event ${c.seq} differs from the signed checkpoint` });
    }
    problems.sort((a, b) => a.seq - b.seq);
    return { ok: problems.length === 0, events: count, checkpoints: checkpoints.length, headSeq: head.lastSeq, firstBroken: problems[0], problems };
  }
}
