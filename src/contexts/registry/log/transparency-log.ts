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

  constructor(
    private readonly db: AnyDb,
    private readonly signer: Signer,
    opts: { origin: string },
  ) {
    if (!opts.origin || /\n/.test(opts.origin)) throw new Error('the log origin must be one non-empty line');
    this.origin = opts.origin;
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
