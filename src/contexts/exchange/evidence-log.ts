/**
 * The evidence log of the exchange: records are written with a group commit and sealed in signed
 * batches.
 *
 * Group commit: `append` queues a record in memory and returns a promise; a flush writes every queued
 * record in ONE transaction (after `flushDelayMs`, or at once when `maxQueued` are waiting, and
 * straight again while more arrived during a flush), then resolves each promise. A lookup answers only
 * after its record committed; if the flush fails, every request in it fails (no evidence, no data).
 * The flush locks the head row (`FOR UPDATE` on PostgreSQL), so flushes of several processes queue
 * there and extend one chain.
 *
 * Sealing (`seal`, run by a scheduled job): every run of unsealed records, at most `maxBatch` at a
 * time, becomes a batch whose Merkle root, range, chain head and time are signed with SM2. It runs in
 * the process that answers lookups, so it reads and hashes in slices of about a millisecond and lets
 * the event loop run between them: a batch of 10,000 records is ~20,000 SM3 hashes, which in one
 * piece stalled every lookup in flight for tens of milliseconds.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { nowIso, type AnyDb } from '../../db/database.ts';
import type { Signer } from '../../kernel/crypto/signer.ts';
import { sm2PublicKeyPem, sm2Verify } from '../../kernel/crypto/sm.ts';
import { toChinaDate } from '../../kernel/calendar/calendar.ts';
import { AppError } from '../../kernel/errors.ts';
import { hashChildren } from '../registry/index.ts';
import { auditPath, batchText, GENESIS_HASH, leafOf, merkleRoot, recordHash, type EvidenceBatch, type EvidencePackage, type EvidenceRecord, type Outcome, type RecordBody } from './evidence.ts';
import { ExchangeRepo, type Batch, type UsageDelta } from './exchange.repo.ts';
import type { EvidenceRow } from './exchange.tables.ts';

export interface PendingRecord extends RecordBody {
  /** The dataset's owner, for the usage counters of both sides. */
  ownerOrgId: number;
}

export interface EvidenceLogOptions {
  /**
   * How long the first queued record waits for others before a flush. 0 (default): until the event
   * loop has handled the input at hand (setImmediate), so every lookup that arrived together shares
   * one commit and none waits on a timer — a fixed 2 ms left the core idle while all requests waited.
   */
  flushDelayMs?: number;
  maxQueued?: number;
  /** Records per sealed batch at most (X-Road's records-limit is 10 000). */
  maxBatch?: number;
}

interface Queued {
  record: PendingRecord;
  resolve: (r: { seq: number; hash: string }) => void;
  reject: (e: unknown) => void;
}

export interface EvidenceAuditReport {
  ok: boolean;
  records: number;
  batches: number;
  headSeq: number;
  /** Records after the last sealed batch. */
  unsealed: number;
  /** The first bad record (or batch): where the evidence stops being trustworthy. */
  firstBad?: { seq: number; reason: string } | undefined;
  problems: { seq: number; reason: string }[];
}

export function toRecord(r: EvidenceRow): EvidenceRecord {
  return {
    seq: Number(r.seq),
    txId: r.tx_id,
    at: r.at,
    consumerOrgId: r.consumer_org_id,
    datasetId: r.dataset_id,
    grantId: r.grant_id,
    credentialId: r.credential_id,
    outcome: r.outcome as Outcome,
    reason: r.reason,
    requestHash: r.request_hash,
    responseHash: r.response_hash,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function toBatch(b: Batch, publicKeyPem: string): EvidenceBatch {
  return {
    id: b.id,
    firstSeq: Number(b.first_seq),
    lastSeq: Number(b.last_seq),
    merkleRoot: b.merkle_root,
    chainHead: b.chain_head,
    sealedAt: b.sealed_at,
    keyId: b.key_id,
    signature: b.signature,
    publicKeyPem,
  };
}

/** SM3 hashes (or rows read) per slice of the seal before the event loop gets a turn. */
const SEAL_SLICE = 500;

/**
 * `merkleRoot` computed bottom-up (pairs level by level, an odd last node moves up unchanged — the
 * same tree as RFC 9162's split at the largest power of two), yielding to the event loop between slices.
 */
async function merkleRootInSlices(recordHashes: readonly string[]): Promise<string> {
  if (recordHashes.length === 0) throw new RangeError('a batch has at least one record');
  let level: Buffer[] = [];
  for (let i = 0; i < recordHashes.length; i++) {
    level.push(leafOf(recordHashes[i]!));
    if (i % SEAL_SLICE === SEAL_SLICE - 1) await nextTurn();
  }
  let hashed = 0;
  while (level.length > 1) {
    const up: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      up.push(hashChildren(level[i]!, level[i + 1]!));
      if (++hashed % SEAL_SLICE === 0) await nextTurn();
    }
    if (level.length % 2 === 1) up.push(level[level.length - 1]!);
    level = up;
  }
  return level[0]!.toString('hex');
}

function monthOf(at: string): string {
  return toChinaDate(new Date(at)).slice(0, 7);
}

export class EvidenceLog {
  readonly repo = new ExchangeRepo();
  private queue: Queued[] = [];
  private flushing: Promise<void> | null = null;
  /** Cancels the scheduled flush (a timer, or an immediate when `flushDelayMs` is 0). */
  private scheduled: (() => void) | null = null;
  private readonly flushDelayMs: number;
  private readonly maxQueued: number;
  private readonly maxBatch: number;

  constructor(
    private readonly db: AnyDb,
    private readonly signer: Signer,
    opts: EvidenceLogOptions = {},
  ) {
    this.flushDelayMs = opts.flushDelayMs ?? 0;
    this.maxQueued = opts.maxQueued ?? 512;
    this.maxBatch = opts.maxBatch ?? 10_000;
  }

  /** Queues a record; resolves once it is committed with its place in the chain. */
  append(record: PendingRecord): Promise<{ seq: number; hash: string }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.kick();
    });
  }

  /** Writes whatever is queued now and waits for it (shutdown, tests). */
  async drain(): Promise<void> {
    this.cancelScheduled();
    while (this.flushing || this.queue.length > 0) {
      this.startFlush();
      await this.flushing;
    }
  }

  private kick(): void {
    if (this.flushing) return; // the running flush takes everything queued meanwhile
    if (this.queue.length >= this.maxQueued) this.startFlush();
    else if (!this.scheduled) {
      if (this.flushDelayMs > 0) {
        const t = setTimeout(() => this.startFlush(), this.flushDelayMs);
        this.scheduled = () => clearTimeout(t);
      } else {
        const t = setImmediate(() => this.startFlush());
        this.scheduled = () => clearImmediate(t);
      }
    }
  }

  private cancelScheduled(): void {
    this.scheduled?.();
    this.scheduled = null;
  }

  private startFlush(): void {
    this.cancelScheduled();
    if (this.flushing) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const items = this.queue;
      this.queue = [];
      try {
        const placed = await this.write(items.map((i) => i.record));
        items.forEach((item, n) => item.resolve(placed[n]!));
      } catch (e) {
        for (const item of items) item.reject(e);
      }
    }
  }

  private async write(records: PendingRecord[]): Promise<{ seq: number; hash: string }[]> {
    return this.db.transaction().execute(async (tx) => {
      let { lastSeq, lastHash } = await this.repo.lockHead(tx);
      const rows: EvidenceRow[] = [];
      const usage = new Map<string, UsageDelta>();
      for (const r of records) {
        const seq = ++lastSeq;
        const hash = recordHash(lastHash, seq, r);
        rows.push({
          seq,
          tx_id: r.txId,
          at: r.at,
          consumer_org_id: r.consumerOrgId,
          dataset_id: r.datasetId,
          grant_id: r.grantId,
          credential_id: r.credentialId,
          outcome: r.outcome,
          reason: r.reason,
          request_hash: r.requestHash,
          response_hash: r.responseHash,
          prev_hash: lastHash,
          hash,
        });
        lastHash = hash;
        const month = monthOf(r.at);
        const k = `${r.consumerOrgId}|${r.datasetId}|${month}`;
        const u = usage.get(k) ?? { consumerOrgId: r.consumerOrgId, datasetId: r.datasetId, ownerOrgId: r.ownerOrgId, month, allowed: 0, denied: 0, notFound: 0 };
        if (r.outcome === 'allowed') u.allowed++;
        else if (r.outcome === 'denied') u.denied++;
        else u.notFound++;
        usage.set(k, u);
      }
      await this.repo.insertRecords(tx, rows);
      await this.repo.setHead(tx, lastSeq, lastHash);
      await this.repo.addUsage(tx, [...usage.values()]);
      return rows.map((r) => ({ seq: r.seq, hash: r.hash }));
    });
  }

  // ---- sealing ---------------------------------------------------------------------------------

  /**
   * Seals every unsealed run of committed records into signed batches. Refuses (AppError) to sign a
   * run whose records do not link up: evidence that does not verify is never sealed.
   */
  async seal(): Promise<{ batches: number; records: number }> {
    let batches = 0;
    let records = 0;
    // Up to the head as it is now: records committed while this run seals (it yields to lookups) wait
    // for the next run, or a busy log would keep one run signing small batches for ever.
    const { lastSeq: until } = await this.repo.head(this.db);
    for (;;) {
      const last = await this.repo.lastBatch(this.db);
      const from = last ? Number(last.last_seq) + 1 : 1;
      if (until < from) return { batches, records };
      const to = Math.min(until, from + this.maxBatch - 1);
      const rows: { seq: number; hash: string }[] = [];
      for (let lo = from; lo <= to; lo += SEAL_SLICE * 4) {
        rows.push(...(await this.repo.recordHashes(this.db, lo, Math.min(to, lo + SEAL_SLICE * 4 - 1))));
        await nextTurn();
      }
      const expected = to - from + 1;
      if (rows.length !== expected || rows.some((r, i) => r.seq !== from + i))
        throw new AppError('conflict', `evidence records ${from}–${to} are not all present; run \`landao exchange audit\``);
      const root = await merkleRootInSlices(rows.map((r) => r.hash));
      const chainHead = rows[rows.length - 1]!.hash;
      const sealedAt = nowIso();
      const signature = await this.signer.sign(batchText({ firstSeq: from, lastSeq: to, merkleRoot: root, chainHead, sealedAt }));
      const id = await this.repo.insertBatch(this.db, {
        first_seq: from,
        last_seq: to,
        merkle_root: root,
        chain_head: chainHead,
        sealed_at: sealedAt,
        key_id: this.signer.keyId,
        public_key: this.signer.publicKeyHex,
        signature,
      });
      if (id === undefined) continue; // another process sealed this run first
      batches++;
      records += expected;
    }
  }

  /** The evidence package of a transaction, or `pending` while its batch is not sealed yet. */
  async evidence(txId: string): Promise<{ status: 'sealed'; record: EvidenceRecord; pkg: EvidencePackage } | { status: 'pending'; record: EvidenceRecord } | undefined> {
    const row = await this.repo.recordByTxId(this.db, txId);
    if (!row) return undefined;
    const record = toRecord(row);
    const batch = await this.repo.batchContaining(this.db, record.seq);
    if (!batch) return { status: 'pending', record };
    const first = Number(batch.first_seq);
    const hashes = (await this.repo.recordHashes(this.db, first, Number(batch.last_seq))).map((r) => r.hash);
    const leafIndex = record.seq - first;
    return {
      status: 'sealed',
      record,
      pkg: { format: 'landao-exchange-evidence/1', record, batch: toBatch(batch, sm2PublicKeyPem(batch.public_key)), leafIndex, auditPath: auditPath(hashes, leafIndex) },
    };
  }

  // ---- audit -----------------------------------------------------------------------------------

  /**
   * Re-checks the whole evidence log: every record's hash and link (an edited, deleted or inserted
   * record), the head, and every batch (range, Merkle root, chain head, signature by a trusted key).
   * Names the first bad record.
   */
  async audit(trustedPublicKeys: string[] = [this.signer.publicKeyHex]): Promise<EvidenceAuditReport> {
    return auditEvidence(this.db, trustedPublicKeys);
  }
}

/** The audit of `EvidenceLog.audit` on any database handle (the CLI runs it without the platform). */
export async function auditEvidence(db: AnyDb, trustedPublicKeys: string[]): Promise<EvidenceAuditReport> {
  const repo = new ExchangeRepo();
  const problems: { seq: number; reason: string }[] = [];
  const trusted = new Set(trustedPublicKeys.map((k) => k.toLowerCase()));
  const batches = await repo.batches(db);
  let bi = 0;
  let batchHashes: string[] = [];
  let expectSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;

  const closeBatch = (b: Batch): void => {
    const first = Number(b.first_seq);
    const last = Number(b.last_seq);
    // Content problems count at the batch's last record, so a record-level finding inside it comes first.
    if (batchHashes.length !== last - first + 1) {
      problems.push({ seq: last, reason: `batch ${b.id} (${first}–${last}) covers records that are missing` });
    } else {
      if (merkleRoot(batchHashes) !== b.merkle_root) problems.push({ seq: last, reason: `batch ${b.id} (${first}–${last}): the Merkle root over its records differs from the signed root` });
      if (batchHashes[batchHashes.length - 1] !== b.chain_head) problems.push({ seq: last, reason: `batch ${b.id}: record ${last} differs from the signed chain head` });
    }
    if (!trusted.has(b.public_key.toLowerCase())) problems.push({ seq: first, reason: `batch ${b.id} is signed by an untrusted key ${b.key_id}` });
    else if (!sm2Verify(b.public_key, batchText({ firstSeq: first, lastSeq: last, merkleRoot: b.merkle_root, chainHead: b.chain_head, sealedAt: b.sealed_at }), b.signature))
      problems.push({ seq: first, reason: `batch ${b.id} has an invalid signature` });
    batchHashes = [];
  };

  let expectFirst = 1;
  for (const b of batches) {
    if (Number(b.first_seq) !== expectFirst) problems.push({ seq: expectFirst, reason: `batch ${b.id} starts at record ${b.first_seq}, expected ${expectFirst}` });
    expectFirst = Number(b.last_seq) + 1;
  }

  for await (const r of repo.scanRecords(db)) {
    count++;
    if (r.seq !== expectSeq) problems.push({ seq: expectSeq, reason: `record ${expectSeq} is missing (next stored is ${r.seq})` });
    if (r.prev_hash !== prev) problems.push({ seq: r.seq, reason: `record ${r.seq} does not link to the record before it` });
    if (recordHash(r.prev_hash, r.seq, toRecord(r)) !== r.hash) problems.push({ seq: r.seq, reason: `record ${r.seq} (${r.tx_id}) was changed after it was recorded (hash mismatch)` });
    while (bi < batches.length && Number(batches[bi]!.last_seq) < r.seq) closeBatch(batches[bi++]!);
    const b = batches[bi];
    if (b && r.seq >= Number(b.first_seq)) {
      batchHashes.push(r.hash);
      if (r.seq === Number(b.last_seq)) closeBatch(batches[bi++]!);
    }
    prev = r.hash;
    expectSeq = r.seq + 1;
  }
  while (bi < batches.length) closeBatch(batches[bi++]!);
  const lastSeq = expectSeq - 1;
  const head = await repo.head(db);
  if (head.lastSeq !== lastSeq || head.lastHash !== prev)
    problems.push({ seq: Math.min(head.lastSeq, lastSeq) + 1, reason: `the evidence head says record ${head.lastSeq} but the log ends at ${lastSeq}` });
  problems.sort((a, b) => a.seq - b.seq);
  const sealedTo = batches.length ? Number(batches[batches.length - 1]!.last_seq) : 0;
  return { ok: problems.length === 0, records: count, batches: batches.length, headSeq: head.lastSeq, unsealed: Math.max(0, lastSeq - sealedTo), firstBad: problems[0], problems };
}
