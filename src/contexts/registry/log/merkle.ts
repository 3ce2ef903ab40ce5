/**
 * RFC 9162 §2.1 Merkle tree hashing with SM3, and the proof algorithms, as pure functions that anyone
 * can run offline (no database, no Landao state): leaf hash, node hash, tree hash (MTH), audit paths,
 * consistency proofs and their verification (§2.1.3.2, §2.1.4.2).
 *
 * A tree of n leaves is addressed by "perfect subtrees": (level, index) covers leaves
 * [index·2^level, (index+1)·2^level). Every range that RFC 9162's recursion visits decomposes into a
 * few such subtrees, which is what lets the stored log answer a proof with O(log n) reads.
 */
import { sm3Hasher } from '../../../kernel/crypto/sm.ts';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SM3(0x00 || entryBytes). */
export function hashLeaf(entryBytes: Uint8Array | string): Buffer {
  const b = typeof entryBytes === 'string' ? Buffer.from(entryBytes, 'utf8') : entryBytes;
  return sm3Hasher().update(LEAF_PREFIX).update(b).digest();
}

/** SM3(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return sm3Hasher().update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SM3() — the hash of the empty tree. */
export function emptyTreeHash(): Buffer {
  return sm3Hasher().digest();
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number): boolean => Number.isSafeInteger(n) && n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/** A perfect subtree: 2^level leaves starting at index·2^level. */
export interface SubtreeRef {
  level: number;
  index: number;
}

/**
 * The perfect subtrees whose hashes, folded right to left with `hashChildren`, give MTH(D[lo:hi]).
 * `lo` must be aligned the way RFC 9162's recursion aligns it (any range the proofs below ask for is).
 */
export function decomposeRange(lo: number, hi: number): SubtreeRef[] {
  const refs: SubtreeRef[] = [];
  while (hi - lo > 0) {
    const n = hi - lo;
    const k = isPowerOfTwo(n) ? n : splitPoint(n);
    const level = Math.log2(k);
    refs.push({ level, index: lo / k });
    lo += k;
  }
  return refs;
}

/** Folds the hashes of `decomposeRange` into the tree hash of the range. */
export function foldRange(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return emptyTreeHash();
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(hashes[i]!, acc);
  return acc;
}

/** A half-open leaf range [lo, hi) whose tree hash is one element of a proof. */
export interface Range {
  lo: number;
  hi: number;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]) as the list of ranges whose tree hashes make up the audit path. */
export function inclusionRanges(m: number, n: number): Range[] {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 0 || m >= n) throw new RangeError(`no inclusion proof for index ${m} in a tree of ${n}`);
  const out: Range[] = [];
  const path = (m: number, lo: number, hi: number): void => {
    const n = hi - lo;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      path(m, lo, lo + k);
      out.push({ lo: lo + k, hi });
    } else {
      path(m - k, lo + k, hi);
      out.push({ lo, hi: lo + k });
    }
  };
  path(m, 0, n);
  return out;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true) as ranges; empty when m = n. */
export function consistencyRanges(m: number, n: number): Range[] {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 1 || m > n) throw new RangeError(`no consistency proof from ${m} to ${n}`);
  const out: Range[] = [];
  const sub = (m: number, lo: number, hi: number, b: boolean): void => {
    const n = hi - lo;
    if (m === n) {
      if (!b) out.push({ lo, hi });
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, lo, lo + k, b);
      out.push({ lo: lo + k, hi });
    } else {
      sub(m - k, lo + k, hi, false);
      out.push({ lo, hi: lo + k });
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** An in-memory tree over leaf hashes: the reference the stored log is tested against. */
export function treeHash(leafHashes: Buffer[], lo = 0, hi = leafHashes.length): Buffer {
  const n = hi - lo;
  if (n === 0) return emptyTreeHash();
  if (n === 1) return leafHashes[lo]!;
  const k = splitPoint(n);
  return hashChildren(treeHash(leafHashes, lo, lo + k), treeHash(leafHashes, lo + k, hi));
}

export function inclusionProofOf(leafHashes: Buffer[], m: number, n: number): Buffer[] {
  return inclusionRanges(m, n).map((r) => treeHash(leafHashes, r.lo, r.hi));
}

export function consistencyProofOf(leafHashes: Buffer[], m: number, n: number): Buffer[] {
  return consistencyRanges(m, n).map((r) => treeHash(leafHashes, r.lo, r.hi));
}

type HashLike = Uint8Array | string;
const buf = (h: HashLike): Buffer | null => {
  if (typeof h !== 'string') return h.length === 32 ? Buffer.from(h) : null;
  return /^[0-9a-fA-F]{64}$/.test(h) ? Buffer.from(h, 'hex') : null;
};

/**
 * RFC 9162 §2.1.3.2: is the leaf with `leafHash` at `index` in the tree of `treeSize` whose root is
 * `rootHash`? Hashes as 32 bytes or 64 hex characters.
 */
export function verifyInclusion(leafHash: HashLike, index: number, treeSize: number, auditPath: HashLike[], rootHash: HashLike): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  const path = auditPath.map(buf);
  const leaf = buf(leafHash);
  const root = buf(rootHash);
  if (!leaf || !root || path.some((p) => p === null)) return false;
  let fn = BigInt(index);
  let sn = BigInt(treeSize - 1);
  let r = leaf;
  for (const p of path as Buffer[]) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = hashChildren(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2: is the tree of `second` leaves (root `secondHash`) an append-only extension of
 * the tree of `first` leaves (root `firstHash`)? For first = second the proof is empty and the roots
 * must be equal.
 */
export function verifyConsistency(first: number, second: number, firstHash: HashLike, secondHash: HashLike, proof: HashLike[]): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || first > second) return false;
  const h1 = buf(firstHash);
  const h2 = buf(secondHash);
  const path = proof.map(buf);
  if (!h1 || !h2 || path.some((p) => p === null)) return false;
  if (first === second) return path.length === 0 && h1.equals(h2);
  if (path.length === 0) return false;
  const c = path as Buffer[];
  if (isPowerOfTwo(first)) c.unshift(h1);
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = c[0]!;
  let sr = c[0]!;
  for (const p of c.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hashChildren(p, fr);
      sr = hashChildren(p, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = hashChildren(sr, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return fr.equals(h1) && sr.equals(h2) && sn === 0n;
}

/** In-order position of a perfect subtree above the leaves (level ≥ 1): unique across levels. */
export function nodePosition(level: number, index: number): number {
  return index * 2 ** (level + 1) + 2 ** level - 1;
}

const HASH_HEX = 64;

/** The frontier as the log's head stores it: the roots of the tree's perfect subtrees, largest first, as concatenated hex. */
export function parseFrontier(s: string): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < s.length; i += HASH_HEX) out.push(Buffer.from(s.slice(i, i + HASH_HEX), 'hex'));
  return out;
}

/** MTH of a whole tree from its frontier. */
export function rootOfFrontier(frontier: string): string {
  return frontier === '' ? emptyTreeHash().toString('hex') : foldRange(parseFrontier(frontier)).toString('hex');
}
