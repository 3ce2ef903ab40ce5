import { AsyncLocalStorage } from 'node:async_hooks';
import type { Selectable } from 'kysely';
import { nowIso, type AnyDb, type Executor } from '../../../db/database.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import type { Signer } from '../../../kernel/crypto/signer.ts';
import { sm2PublicKeyPem } from '../../../kernel/crypto/sm.ts';
import { AppError } from '../../../kernel/errors.ts';
import { checkpointText, type Checkpoint } from './checkpoint.ts';
import { verifyLog, type LogVerifyReport } from './log.verify.ts';
import {
  consistencyRanges,
  decomposeRange,
  emptyTreeHash,
  foldRange,
  hashChildren,
  hashLeaf,
  inclusionRanges,
  nodePosition,
  rootOfFrontier,
  type Range,
  type SubtreeRef,
} from './merkle.ts';
import { RegistryLogRepo, type LogHead } from './log.repo.ts';
import type { RegistryLogCheckpointRow, RegistryLogNodeRow } from './log.tables.ts';

/** One registry event: a JSON object (the lifecycle puts type, registrationId, … in it). */
export interface LogEntry {
  [k: string]: unknown;
}

export { checkpointText, type Checkpoint };

const badParam = (field: string, message: string, extra: Record<string, unknown> = {}): AppError =>
  new AppError('validation_failed', `${field}: ${message}`, { field, ...extra });

function toCheckpoint(r: Selectable<RegistryLogCheckpointRow>): Checkpoint {
  return {
    origin: r.origin,
    treeSize: r.tree_size,
    rootHash: r.root_hash,
    timestamp: r.timestamp,
    signature: r.signature,
    publicKeyPem: sm2PublicKeyPem(r.public_key),
  };
}

const HASH_HEX = 64;

/** How long an appender waits for its turn before going ahead (PostgreSQL's default deadlock_timeout). */
const TURN_WAIT_MS = 1000;

/** Waits until `p` settles or `ms` pass, whichever comes first. */
async function settledWithin(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** A unit of work for `transact`: runs in the shared transaction `tx`; `log.append(tx, …)` inside it gets its index. */
export type LogWork<T> = (tx: Executor) => Promise<T>;

interface QueuedWork {
  work: LogWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The transaction of one batch of `transact`: the head it locked and the leaves its works appended so far. */
interface Batch {
  head: LogHead;
  texts: string[];
  leaves: Buffer[];
  /** True while one of its works runs (appends outside a work are a bug, not a leaf). */
  open: boolean;
}

/**
 * Works per batch at most. Each work of a batch of several runs in a savepoint, and on PostgreSQL each
 * savepoint that writes is a subtransaction with its own xid: beyond 64 in one transaction
 * (PGPROC_MAX_CACHED_SUBXIDS) every other session's snapshot overflows into pg_subtrans lookups.
 */
const MAX_BATCH = 64;

/** The batch whose work is running in this async context (so a nested `transact` joins it). */
const runningWork = new AsyncLocalStorage<{ log: TransparencyLog; tx: Executor }>();

/** The head after appending `leaves` to `head`, and the subtrees they complete (merged like a binary counter: each carry completes one). */
function appendToFrontier(head: LogHead, leaves: Buffer[]): { head: LogHead; nodes: RegistryLogNodeRow[] } {
  const nodes: RegistryLogNodeRow[] = [];
  let frontier = head.frontier;
  let index = head.treeSize;
  for (const leaf of leaves) {
    let carry = leaf;
    let level = 0;
    while (Math.floor(index / 2 ** level) % 2 === 1) {
      const cut = frontier.length - HASH_HEX;
      carry = hashChildren(Buffer.from(frontier.slice(cut), 'hex'), carry);
      frontier = frontier.slice(0, cut);
      level++;
      nodes.push({ pos: nodePosition(level, (index + 1) / 2 ** level - 1), hash: carry });
    }
    frontier += carry.toString('hex');
    index++;
  }
  return { head: { treeSize: index, frontier }, nodes };
}

/**
 * The registry's transparency log (RFC 9162 with SM3; contract: shared/contracts/transparency-log.md).
 *
 * Storage: every leaf hash densely by index, plus the hash of every complete subtree, so any tree
 * hash, audit path or consistency proof is assembled from O(log n) stored hashes. An append writes the
 * leaf, the subtrees it completes (one on average) and the new head in one compare-and-set statement;
 * it never recomputes a root. Checkpoints are signed by a scheduled job (`checkpoint()`), never by an
 * append.
 */
export class TransparencyLog {
  private readonly repo = new RegistryLogRepo();
  readonly origin: string;
  /**
   * The head this instance's latest append left behind, committed or not: the next append's guess of
   * the head, so that it reads nothing before its one statement.
   */
  private guess: LogHead | null = null;
  /** Transactions that hold the head row (they appended), with the head their last append left. */
  private readonly holders = new WeakMap<Executor, LogHead>();
  /** Settles when the latest appender's statement has returned; null when none is under way (see `appendLeaves`). */
  private turn: Promise<void> | null = null;
  /** Works waiting for the next batch of `transact`. */
  private queue: QueuedWork[] = [];
  /** The batch running (at most one per instance), or a flush scheduled for the next turn of the event loop. */
  private flushing = false;
  private flushScheduled = false;
  /** The open transactions of `transact` batches. */
  private readonly batches = new WeakMap<Executor, Batch>();
  private readonly maxBatch: number;

  constructor(
    private readonly db: AnyDb,
    private readonly signer: Signer,
    opts: { origin: string; maxBatch?: number },
  ) {
    if (!opts.origin || /\n/.test(opts.origin)) throw new Error('the log origin must be one non-empty line');
    this.origin = opts.origin;
    this.maxBatch = opts.maxBatch ?? MAX_BATCH;
  }

  /**
   * Runs `work` in a transaction shared with the other works queued at the same moment (group commit),
   * and resolves with its result once that transaction has committed. The sequencer opens ONE
   * transaction per batch, locks the log head, runs the works one after the other in arrival order —
   * each in its own savepoint when the batch has several — writes every leaf they appended (and the
   * subtrees they complete, and the head) with one statement, and commits. `log.append(tx, …)` inside
   * a work returns the next index at once, without a query: the head is locked, so indices are dense
   * and in commit order. A work that throws is rolled back to its savepoint, its leaves are dropped
   * (nothing later used their indices, as works run one at a time) and its caller gets its error; the
   * others commit. If the transaction itself fails (the commit, the head statement, a lost connection),
   * every caller of the batch is rejected — none of them had been answered.
   *
   * Lock order: a batch takes the log head before any work runs, so registry transactions that all go
   * through here lock log head → their rows → audit head, everywhere. A `transact` inside a running
   * work (same async context) runs inline as part of that work. On SQLite (one connection) a work
   * must use `tx` only, like any transaction, and a caller must not hold a transaction while it waits.
   */
  transact<T>(work: LogWork<T>): Promise<T> {
    const running = runningWork.getStore();
    if (running?.log === this) return work(running.tx);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleFlush();
    });
  }

  /** The next flush runs once the event loop has handled the input at hand, so works that arrive together share a commit. */
  private scheduleFlush(): void {
    if (this.flushing || this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, this.maxBatch));
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.scheduleFlush();
    }
  }

  private async runBatch(items: QueuedWork[]): Promise<void> {
    const guarded = items.length > 1;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    let committed: LogHead | null = null;
    try {
      await this.db.transaction().execute(async (tx) => {
        const batch: Batch = { head: await this.repo.lockHead(tx), texts: [], leaves: [], open: false };
        this.batches.set(tx, batch);
        for (let i = 0; i < items.length; i++) {
          if (guarded) await this.repo.savepoint(tx, i > 0);
          const mark = batch.texts.length;
          batch.open = true;
          try {
            outcomes.push({ ok: true, value: await runningWork.run({ log: this, tx }, () => items[i]!.work(tx)) });
          } catch (error) {
            // Alone in its batch, a failing work takes the transaction with it (nobody else is in it).
            if (!guarded) throw error;
            batch.texts.length = mark;
            batch.leaves.length = mark;
            await this.repo.rollbackToSavepoint(tx);
            outcomes.push({ ok: false, error });
          } finally {
            batch.open = false;
          }
        }
        if (batch.leaves.length === 0) {
          committed = batch.head;
          return;
        }
        const next = appendToFrontier(batch.head, batch.leaves);
        const rows = batch.leaves.map((leaf, i) => ({ idx: batch.head.treeSize + i, leaf_hash: leaf, entry: batch.texts[i]! }));
        const seen = await this.repo.appendIfHead(tx, batch.head, next.head, rows, next.nodes, nowIso());
        if (seen !== null) throw new AppError('internal', 'the transparency log head changed while its row was locked');
        committed = next.head;
      });
    } catch (error) {
      // Nothing of the batch committed: each caller gets its own work's error, or the transaction's.
      items.forEach((item, i) => {
        const o = outcomes[i];
        item.reject(o && !o.ok ? o.error : error);
      });
      return;
    }
    if (committed) this.guess = committed;
    items.forEach((item, i) => {
      const o = outcomes[i]!;
      if (o.ok) item.resolve(o.value);
      else item.reject(o.error);
    });
  }

  /** Appends one leaf in the caller's transaction; the index is dense and in commit order. */
  async append(tx: Executor, entry: LogEntry): Promise<{ index: number; leafHash: string }> {
    return (await this.appendEntries(tx, [entry], () => 'entry'))[0]!;
  }

  /**
   * Appends several leaves in the caller's transaction with one head update (bulk registrations,
   * imports): consecutive indices in the order given, dense and in commit order like `append`.
   */
  async appendMany(tx: Executor, entries: LogEntry[]): Promise<{ index: number; leafHash: string }[]> {
    return this.appendEntries(tx, entries, (i) => `entries[${i}]`);
  }

  private async appendEntries(tx: Executor, entries: LogEntry[], field: (i: number) => string): Promise<{ index: number; leafHash: string }[]> {
    const texts = entries.map((entry, i) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new AppError('validation_failed', `${field(i)}: a log entry must be a JSON object`, { field: field(i) });
      return canonicalJson(entry);
    });
    if (texts.length === 0) return [];
    const leaves = texts.map((t) => hashLeaf(t));
    const batch = this.batches.get(tx);
    if (batch) {
      if (!batch.open) throw new AppError('internal', 'a transparency log append on a batch transaction outside its work');
      const first = batch.head.treeSize + batch.leaves.length;
      batch.texts.push(...texts);
      batch.leaves.push(...leaves);
      return leaves.map((leaf, i) => ({ index: first + i, leafHash: leaf.toString('hex') }));
    }
    if (!tx.isTransaction) return this.db.transaction().execute((t) => this.appendLeaves(t, texts, leaves));
    return this.appendLeaves(tx, texts, leaves);
  }

  /**
   * The appenders of this instance take turns: each sends its statement once the previous one's has
   * returned, i.e. once that one holds the head row. So each arrives while its predecessor's
   * transaction holds the row, guessing the head that transaction will commit, and runs the moment it
   * commits — the row passes from commit to commit without a round trip to this process. A wait in
   * this process is invisible to PostgreSQL's deadlock detector, so it is bounded: after `TURN_WAIT_MS`
   * the appender goes ahead anyway (a wrong guess costs it a second statement, nothing else). A
   * transaction that already holds the row skips the queue (it knows the head).
   */
  private async appendLeaves(tx: Executor, texts: string[], leaves: Buffer[]): Promise<{ index: number; leafHash: string }[]> {
    const own = this.holders.get(tx);
    if (own) return this.compareAndSet(tx, own, texts, leaves);
    const previous = this.turn;
    let done = (): void => undefined;
    const mine = new Promise<void>((resolve) => (done = resolve));
    this.turn = mine;
    try {
      if (previous) await settledWithin(previous, TURN_WAIT_MS);
      return await this.compareAndSet(tx, this.guess, texts, leaves);
    } finally {
      if (this.turn === mine) this.turn = null;
      done();
    }
  }

  /**
   * One statement that locks the head row and appends if the head is `expected` (the guess; read
   * under the lock when there is none yet). A wrong guess — a rollback, another process — costs one
   * more statement, from the head the first one found and locked. The head row stays locked until the
   * caller's transaction ends, so indices are dense and in commit order, and a rollback takes the
   * leaves with it.
   */
  private async compareAndSet(tx: Executor, expected: LogHead | null, texts: string[], leaves: Buffer[]): Promise<{ index: number; leafHash: string }[]> {
    let from = expected ?? (await this.repo.lockHead(tx));
    for (let attempt = 0; attempt < 2; attempt++) {
      const next = appendToFrontier(from, leaves);
      const rows = leaves.map((leaf, i) => ({ idx: from.treeSize + i, leaf_hash: leaf, entry: texts[i]! }));
      const seen = await this.repo.appendIfHead(tx, from, next.head, rows, next.nodes, nowIso());
      if (seen === null) {
        this.guess = next.head;
        this.holders.set(tx, next.head);
        return leaves.map((leaf, i) => ({ index: from.treeSize + i, leafHash: leaf.toString('hex') }));
      }
      from = seen;
    }
    throw new AppError('internal', 'the transparency log head changed while its row was locked');
  }

  /** The number of committed leaves. */
  async size(): Promise<number> {
    return (await this.repo.head(this.db)).treeSize;
  }

  async entry(index: number): Promise<{ index: number; entry: LogEntry; leafHash: string } | null> {
    if (!Number.isSafeInteger(index) || index < 0) return null;
    const row = await this.repo.leaf(this.db, index);
    if (!row) return null;
    return { index: row.idx, entry: JSON.parse(row.entry) as LogEntry, leafHash: Buffer.from(row.leaf_hash).toString('hex') };
  }

  /** RFC 9162 audit path for leaf `index` in the tree of the first `treeSize` leaves (hex hashes). */
  async inclusionProof(index: number, treeSize: number): Promise<string[]> {
    if (!Number.isSafeInteger(treeSize) || treeSize < 1) throw badParam('treeSize', 'must be a positive integer', { treeSize });
    if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) throw badParam('index', `must be an integer from 0 to treeSize − 1 (${treeSize - 1})`, { index, treeSize });
    return this.resolveWithin(inclusionRanges(index, treeSize), treeSize, 'treeSize');
  }

  /** RFC 9162 consistency proof between the trees of `from` and `to` leaves (hex hashes; empty when equal). */
  async consistencyProof(from: number, to: number): Promise<string[]> {
    if (!Number.isSafeInteger(to) || to < 1) throw badParam('to', 'must be a positive integer', { to });
    if (!Number.isSafeInteger(from) || from < 1 || from > to) throw badParam('from', `must be an integer from 1 to "to" (${to})`, { from, to });
    return this.resolveWithin(consistencyRanges(from, to), to, 'to');
  }

  /** MTH of the first `treeSize` leaves, hex (treeSize ≤ size). */
  async rootHash(treeSize: number): Promise<string> {
    if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw badParam('treeSize', 'must be a non-negative integer', { treeSize });
    if (treeSize === 0) return emptyTreeHash().toString('hex');
    return (await this.resolveWithin([{ lo: 0, hi: treeSize }], treeSize, 'treeSize'))[0]!;
  }

  async latestCheckpoint(): Promise<Checkpoint | null> {
    const row = await this.repo.latestCheckpoint(this.db);
    return row ? toCheckpoint(row) : null;
  }

  /** All stored checkpoints, oldest first. */
  async checkpoints(): Promise<Checkpoint[]> {
    return (await this.repo.checkpoints(this.db)).map(toCheckpoint);
  }

  /**
   * Signs a checkpoint of the current tree if it grew since the last one (else returns the last).
   * Run as a scheduled job; the root comes from the head's frontier, so this reads one row.
   */
  async checkpoint(): Promise<Checkpoint> {
    const head = await this.repo.head(this.db);
    const last = await this.repo.latestCheckpoint(this.db);
    if (last && last.tree_size >= head.treeSize) return toCheckpoint(last);
    const body = { origin: this.origin, treeSize: head.treeSize, rootHash: rootOfFrontier(head.frontier), timestamp: nowIso() };
    const signature = await this.signer.sign(checkpointText(body));
    try {
      await this.repo.insertCheckpoint(this.db, {
        origin: body.origin,
        tree_size: body.treeSize,
        root_hash: body.rootHash,
        timestamp: body.timestamp,
        key_id: this.signer.keyId,
        public_key: this.signer.publicKeyHex,
        signature,
      });
    } catch (e) {
      // Another worker signed the same tree size first (unique tree_size): theirs stands.
      const again = await this.repo.latestCheckpoint(this.db);
      if (again && again.tree_size >= body.treeSize) return toCheckpoint(again);
      throw e;
    }
    return { ...body, signature, publicKeyPem: this.signer.publicKeyPem };
  }

  /**
   * Re-checks the whole log from its rows (see `verifyLog`); checkpoints must be signed by one of
   * `trustedPublicKeys` (hex), by default this log's own signer.
   */
  async verify(trustedPublicKeys: string[] = [this.signer.publicKeyHex]): Promise<LogVerifyReport> {
    return verifyLog(this.db, { trustedPublicKeys });
  }

  /**
   * Tree hashes of the given ranges inside the tree of `treeSize` leaves, from one read of the stored
   * leaf and subtree hashes. Leaf `treeSize − 1` is read too: if it does not exist the tree
   * is larger than the log, which is the caller's error, named by `field`; the size is read only then.
   */
  private async resolveWithin(ranges: Range[], treeSize: number, field: string): Promise<string[]> {
    const parts = ranges.map((r) => decomposeRange(r.lo, r.hi));
    const leafIdx = new Set<number>([treeSize - 1]);
    const nodePos = new Set<number>();
    for (const refs of parts) {
      for (const ref of refs) {
        if (ref.level === 0) leafIdx.add(ref.index);
        else nodePos.add(nodePosition(ref.level, ref.index));
      }
    }
    const { leaves, nodes } = await this.repo.subtreeHashes(this.db, [...leafIdx], [...nodePos]);
    if (!leaves.has(treeSize - 1)) {
      const size = await this.size();
      if (treeSize > size) throw badParam(field, `must be at most the log size ${size}`, { [field]: treeSize, size });
    }
    const get = (ref: SubtreeRef): Buffer => {
      const h = ref.level === 0 ? leaves.get(ref.index) : nodes.get(nodePosition(ref.level, ref.index));
      if (!h) throw new AppError('internal', `transparency log is missing the subtree hash at level ${ref.level}, index ${ref.index}`);
      return h;
    };
    return parts.map((refs) => foldRange(refs.map(get)).toString('hex'));
  }
}
