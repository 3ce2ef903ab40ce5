import type { Selectable } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { sm2Verify } from '../../../kernel/crypto/sm.ts';
import { checkpointText } from './checkpoint.ts';
import { consistencyRanges, decomposeRange, emptyTreeHash, foldRange, hashChildren, hashLeaf, nodePosition, rootOfFrontier, verifyConsistency } from './merkle.ts';
import { RegistryLogRepo } from './log.repo.ts';
import type { RegistryLogCheckpointRow } from './log.tables.ts';

export interface LogProblem {
  /** The first leaf index the problem concerns, when it concerns leaves. */
  index?: number | undefined;
  /** The tree size of the checkpoint concerned, when it concerns a checkpoint. */
  checkpoint?: number | undefined;
  reason: string;
}

export interface LogVerifyReport {
  ok: boolean;
  /** Leaves found and re-hashed. */
  leaves: number;
  /** The size the head row claims. */
  treeSize: number;
  checkpoints: number;
  /** Root recomputed from the entries. */
  rootHash: string;
  /** The first problem found in index order (leaf problems before the checkpoints that cover them). */
  firstBad?: LogProblem | undefined;
  problems: LogProblem[];
}

const MAX_PROBLEMS = 100;
const PAGE = 5000;

/**
 * Re-checks the whole log from its stored rows: every leaf hash from its stored entry, every stored
 * subtree hash from recomputed leaves, the head (size and frontier), every checkpoint's signature
 * (by a trusted key) and root, and that consecutive checkpoints are consistent (consistency is
 * transitive, so every later checkpoint is then consistent with every earlier one).
 */
export async function verifyLog(db: Executor, opts: { trustedPublicKeys: string[] }): Promise<LogVerifyReport> {
  const repo = new RegistryLogRepo();
  const problems: LogProblem[] = [];
  const add = (p: LogProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const head = await repo.head(db);
  const checkpoints = await repo.checkpoints(db);
  const trusted = new Set(opts.trustedPublicKeys.map((k) => k.toLowerCase()));

  // Roots recomputed from entries, at every checkpoint's size.
  const wantRootAt = new Set(checkpoints.map((c) => c.tree_size));
  const rootAt = new Map<number, string>();
  if (wantRootAt.has(0)) rootAt.set(0, emptyTreeHash().toString('hex'));

  const frontier: Buffer[] = [];
  let expected = 0;
  let pending: { pos: number; hash: Buffer; lo: number; hi: number }[] = [];
  // Report a subtree mismatch only where no smaller problem already explains it.
  const badLeaves: number[] = [];
  const badRanges: { lo: number; hi: number }[] = [];
  const explained = (lo: number, hi: number) => badLeaves.some((b) => b >= lo && b < hi) || badRanges.some((r) => r.lo >= lo && r.hi <= hi);
  const flushNodes = async () => {
    for (let i = 0; i < pending.length; i += 1000) {
      const chunk = pending.slice(i, i + 1000);
      const stored = await repo.nodeHashes(db, chunk.map((n) => n.pos));
      for (const n of chunk) {
        const s = stored.get(n.pos);
        if (s && s.equals(n.hash)) continue;
        if (problems.length >= MAX_PROBLEMS || explained(n.lo, n.hi)) continue;
        add({ index: n.lo, reason: s ? `leaves ${n.lo}–${n.hi - 1} do not match their stored subtree hash (an entry and its leaf hash were rewritten)` : `the stored subtree hash over leaves ${n.lo}–${n.hi - 1} is missing` });
        badRanges.push({ lo: n.lo, hi: n.hi });
      }
    }
    pending = [];
  };

  let broken = false;
  for await (const row of repo.scanLeaves(db, PAGE)) {
    if (row.idx !== expected) {
      add({ index: expected, reason: `leaf ${expected} is missing (next stored leaf is ${row.idx})` });
      broken = true;
      break;
    }
    const leaf = hashLeaf(row.entry);
    if (!leaf.equals(Buffer.from(row.leaf_hash)) && problems.length < MAX_PROBLEMS) {
      add({ index: row.idx, reason: `leaf ${row.idx} was changed after it was appended (leaf hash mismatch)` });
      badLeaves.push(row.idx);
    }
    let carry = leaf;
    let level = 0;
    while (Math.floor(expected / 2 ** level) % 2 === 1) {
      carry = hashChildren(frontier.pop()!, carry);
      level++;
      const i = (expected + 1) / 2 ** level - 1;
      pending.push({ pos: nodePosition(level, i), hash: carry, lo: i * 2 ** level, hi: (i + 1) * 2 ** level });
    }
    frontier.push(carry);
    expected++;
    if (wantRootAt.has(expected)) rootAt.set(expected, foldRange(frontier).toString('hex'));
    if (pending.length >= PAGE) await flushNodes();
  }
  await flushNodes();
  const leaves = expected;
  const rootHash = leaves === 0 ? emptyTreeHash().toString('hex') : foldRange(frontier).toString('hex');

  if (!broken && leaves < head.treeSize) add({ index: leaves, reason: `the head claims ${head.treeSize} leaves but only ${leaves} are stored (leaf ${leaves} is missing)` });
  if (leaves > head.treeSize) add({ index: head.treeSize, reason: `leaf ${head.treeSize} and later are stored beyond the head (size ${head.treeSize})` });
  if (!broken && leaves === head.treeSize && rootOfFrontier(head.frontier) !== rootHash) add({ reason: 'the head’s frontier does not match the recomputed tree' });

  let previous: (typeof checkpoints)[number] | undefined;
  for (const c of checkpoints) {
    checkCheckpoint(c, trusted, rootAt, leaves, add);
    if (previous && previous.tree_size > 0 && c.tree_size <= leaves && previous.tree_size <= c.tree_size) {
      const a = rootAt.get(previous.tree_size);
      const b = rootAt.get(c.tree_size);
      if (a && b && !(await consistent(repo, db, previous.tree_size, c.tree_size, previous.root_hash, c.root_hash)))
        add({ checkpoint: c.tree_size, reason: `checkpoint ${c.tree_size} is not consistent with checkpoint ${previous.tree_size}` });
    }
    previous = c;
  }

  const leafProblems = problems.filter((p) => p.index !== undefined).sort((a, b) => a.index! - b.index!);
  const firstBad = leafProblems[0] ?? problems[0];
  return { ok: problems.length === 0, leaves, treeSize: head.treeSize, checkpoints: checkpoints.length, rootHash, firstBad, problems };
}

function checkCheckpoint(
  c: Selectable<RegistryLogCheckpointRow>,
  trusted: Set<string>,
  rootAt: Map<number, string>,
  leaves: number,
  add: (p: LogProblem) => void,
): void {
  const text = checkpointText({ origin: c.origin, treeSize: c.tree_size, rootHash: c.root_hash, timestamp: c.timestamp });
  if (!trusted.has(c.public_key.toLowerCase())) add({ checkpoint: c.tree_size, reason: `checkpoint ${c.tree_size} is signed by an untrusted key ${c.key_id}` });
  else if (!sm2Verify(c.public_key, text, c.signature)) add({ checkpoint: c.tree_size, reason: `checkpoint ${c.tree_size} has an invalid signature` });
  if (c.tree_size > leaves) {
    add({ checkpoint: c.tree_size, reason: `checkpoint ${c.tree_size} covers more leaves than the log holds (${leaves}): the tail was truncated` });
    return;
  }
  const root = rootAt.get(c.tree_size);
  if (root !== c.root_hash) add({ checkpoint: c.tree_size, reason: `checkpoint ${c.tree_size} does not match the root recomputed from the entries (history was rewritten)` });
}

/** Checks the consistency proof the stored tree gives between two checkpoints. */
async function consistent(repo: RegistryLogRepo, db: Executor, from: number, to: number, fromRoot: string, toRoot: string): Promise<boolean> {
  if (from === to) return fromRoot === toRoot;
  const ranges = consistencyRanges(from, to);
  const proof: Buffer[] = [];
  for (const r of ranges) {
    const refs = decomposeRange(r.lo, r.hi);
    const leaves = await repo.leafHashes(db, refs.filter((x) => x.level === 0).map((x) => x.index));
    const nodes = await repo.nodeHashes(db, refs.filter((x) => x.level > 0).map((x) => nodePosition(x.level, x.index)));
    const hashes = refs.map((x) => (x.level === 0 ? leaves.get(x.index) : nodes.get(nodePosition(x.level, x.index))));
    if (hashes.some((h) => h === undefined)) return false;
    proof.push(foldRange(hashes as Buffer[]));
  }
  return verifyConsistency(from, to, fromRoot, toRoot, proof);
}
