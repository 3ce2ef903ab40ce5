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
  parseFrontier,
  rootOfFrontier,
  type Range,
  type SubtreeRef,
} from './merkle.ts';
import { RegistryLogRepo } from './log.repo.ts';
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

/**
 * The registry's transparency log (RFC 9162 with SM3; contract: shared/contracts/transparency-log.md).
 *
 * Storage: every leaf hash densely by index, plus the hash of every complete subtree, so any tree
 * hash, audit path or consistency proof is assembled from O(log n) stored hashes. An append locks the
 * head row, writes the leaf and the subtrees it completes (one on average) and moves the head; it never
 * recomputes a root. Checkpoints are signed by a scheduled job (`checkpoint()`), never by an append.
 */
export class TransparencyLog {
  private readonly repo = new RegistryLogRepo();
  readonly origin: string;

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
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new AppError('validation_failed', 'a log entry must be a JSON object', { field: 'entry' });
    const text = canonicalJson(entry);
    const leaf = hashLeaf(text);
    if (!tx.isTransaction) return this.db.transaction().execute((t) => this.appendLocked(t, text, leaf));
    return this.appendLocked(tx, text, leaf);
  }

  private async appendLocked(tx: Executor, text: string, leaf: Buffer): Promise<{ index: number; leafHash: string }> {
    const head = await this.repo.lockHead(tx);
    const index = head.treeSize;
    const frontier = parseFrontier(head.frontier);
    // Merge the new leaf into the frontier like a binary counter: each carry completes a subtree.
    const nodes: RegistryLogNodeRow[] = [];
    let carry = leaf;
    let level = 0;
    while (Math.floor(index / 2 ** level) % 2 === 1) {
      carry = hashChildren(frontier.pop()!, carry);
      level++;
      nodes.push({ pos: nodePosition(level, (index + 1) / 2 ** level - 1), hash: carry });
    }
    frontier.push(carry);
    const head1 = { treeSize: index + 1, frontier: frontier.map((h) => h.toString('hex')).join('') };
    await this.repo.appendLeaf(tx, { idx: index, leaf_hash: leaf, entry: text, appended_at: nowIso() }, nodes, head1);
    return { index, leafHash: leaf.toString('hex') };
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
