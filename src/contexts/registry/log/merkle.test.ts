import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import {
  consistencyProofOf,
  decomposeRange,
  emptyTreeHash,
  foldRange,
  hashChildren,
  hashLeaf,
  inclusionProofOf,
  treeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

/*
 * A deliberately naive transcription of RFC 9162 §2.1.1–2.1.4 over hex strings, independent of the
 * code under test: MTH, PATH and SUBPROOF exactly as the RFC writes them.
 */
const H = (hex: string): string => sm3(Buffer.from(hex, 'hex'));
const leafHex = (d: string): string => H('00' + Buffer.from(d, 'utf8').toString('hex'));
const nodeHex = (l: string, r: string): string => H('01' + l + r);
const kOf = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
function MTH(d: string[]): string {
  if (d.length === 0) return sm3('');
  if (d.length === 1) return leafHex(d[0]!);
  const k = kOf(d.length);
  return nodeHex(MTH(d.slice(0, k)), MTH(d.slice(k)));
}
function PATH(m: number, d: string[]): string[] {
  if (d.length === 1) return [];
  const k = kOf(d.length);
  return m < k ? [...PATH(m, d.slice(0, k)), MTH(d.slice(k))] : [...PATH(m - k, d.slice(k)), MTH(d.slice(0, k))];
}
function SUBPROOF(m: number, d: string[], b: boolean): string[] {
  if (m === d.length) return b ? [] : [MTH(d)];
  const k = kOf(d.length);
  return m <= k ? [...SUBPROOF(m, d.slice(0, k), b), MTH(d.slice(k))] : [...SUBPROOF(m - k, d.slice(k), false), MTH(d.slice(0, k))];
}

const N = 40;
const data = Array.from({ length: N }, (_, i) => `{"event":${i},"名称":"岚岛"}`);
const leaves = data.map((d) => hashLeaf(d));
const hex = (bs: Buffer[]) => bs.map((b) => b.toString('hex'));
const flip = (h: string, at: number): string => {
  const b = Buffer.from(h, 'hex');
  b[at] = b[at]! ^ 0x01;
  return b.toString('hex');
};

describe('RFC 9162 Merkle hashing with SM3', () => {
  it('hashes leaves with a 0x00 prefix, nodes with 0x01 and the empty tree as SM3 of nothing', () => {
    expect(hashLeaf('abc').toString('hex')).toBe(sm3(Buffer.concat([Buffer.from([0]), Buffer.from('abc')])));
    const l = hashLeaf('a');
    const r = hashLeaf('b');
    expect(hashChildren(l, r).toString('hex')).toBe(sm3(Buffer.concat([Buffer.from([1]), l, r])));
    expect(emptyTreeHash().toString('hex')).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  it('computes the same tree hash as the RFC definition for every size up to 40', () => {
    for (let n = 0; n <= N; n++) {
      expect(treeHash(leaves.slice(0, n)).toString('hex')).toBe(MTH(data.slice(0, n)));
      const fromSubtrees = foldRange(decomposeRange(0, n).map((r) => treeHash(leaves, r.index * 2 ** r.level, (r.index + 1) * 2 ** r.level)));
      expect(fromSubtrees.toString('hex')).toBe(MTH(data.slice(0, n)));
    }
  });

  it('gives the RFC audit path for every index and size up to 40, and the verifier accepts each', () => {
    for (let n = 1; n <= N; n++) {
      const root = MTH(data.slice(0, n));
      for (let m = 0; m < n; m++) {
        const proof = hex(inclusionProofOf(leaves, m, n));
        expect(proof).toEqual(PATH(m, data.slice(0, n)));
        expect(verifyInclusion(leaves[m]!, m, n, proof, root)).toBe(true);
      }
    }
  });

  it('rejects an audit path with a flipped byte, a wrong index, a wrong leaf or an extra element', () => {
    for (let n = 2; n <= N; n++) {
      const root = MTH(data.slice(0, n));
      for (let m = 0; m < n; m++) {
        const proof = hex(inclusionProofOf(leaves, m, n));
        for (let i = 0; i < proof.length; i++) {
          const bad = [...proof];
          bad[i] = flip(bad[i]!, (m + i) % 32);
          expect(verifyInclusion(leaves[m]!, m, n, bad, root)).toBe(false);
        }
        expect(verifyInclusion(leaves[m]!, m, n, proof, flip(root, 31))).toBe(false);
        expect(verifyInclusion(leaves[(m + 1) % n]!, m, n, proof, root)).toBe(false);
        expect(verifyInclusion(leaves[m]!, (m + 1) % n, n, proof, root)).toBe(false);
        expect(verifyInclusion(leaves[m]!, m, n, [...proof, proof[0]!], root)).toBe(false);
      }
    }
    expect(verifyInclusion(leaves[0]!, 1, 1, [], leaves[0]!)).toBe(false);
    expect(verifyInclusion(leaves[0]!, 0, 1, ['zz'], leaves[0]!)).toBe(false);
  });

  it('gives the RFC consistency proof for every pair of sizes up to 40, and the verifier accepts each', () => {
    for (let n = 1; n <= N; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = hex(consistencyProofOf(leaves, m, n));
        expect(proof).toEqual(SUBPROOF(m, data.slice(0, n), true));
        expect(verifyConsistency(m, n, MTH(data.slice(0, m)), MTH(data.slice(0, n)), proof)).toBe(true);
      }
    }
  });

  it('rejects a consistency proof with a flipped byte, or one between trees that diverge', () => {
    const forked = [...data];
    forked[3] = '{"event":3,"名称":"改写"}';
    for (let n = 2; n <= N; n++) {
      for (let m = 1; m < n; m++) {
        const first = MTH(data.slice(0, m));
        const second = MTH(data.slice(0, n));
        const proof = hex(consistencyProofOf(leaves, m, n));
        for (let i = 0; i < proof.length; i++) {
          const bad = [...proof];
          bad[i] = flip(bad[i]!, (m * n + i) % 32);
          expect(verifyConsistency(m, n, first, second, bad)).toBe(false);
        }
        expect(verifyConsistency(m, n, first, flip(second, 0), proof)).toBe(false);
        expect(verifyConsistency(m, n, flip(first, 0), second, proof)).toBe(false);
        expect(verifyConsistency(m, n, first, second, [])).toBe(false);
        if (m > 3) expect(verifyConsistency(m, n, MTH(forked.slice(0, m)), second, proof)).toBe(false);
      }
    }
    const root = MTH(data.slice(0, 5));
    expect(verifyConsistency(5, 5, root, root, [])).toBe(true);
    expect(verifyConsistency(5, 5, root, flip(root, 2), [])).toBe(false);
    expect(verifyConsistency(0, 5, root, root, [])).toBe(false);
    expect(verifyConsistency(6, 5, root, root, [root])).toBe(false);
  });

  it('verifies proofs over random trees larger than the exhaustive range', () => {
    const big = Array.from({ length: 1000 }, () => hashLeaf(crypto.randomBytes(20)));
    for (const [m, n] of [[0, 1000], [999, 1000], [511, 512], [512, 513], [700, 777]] as const) {
      expect(verifyInclusion(big[m]!, m, n, inclusionProofOf(big, m, n), treeHash(big.slice(0, n)))).toBe(true);
    }
    for (const [m, n] of [[1, 1000], [512, 1000], [513, 1000], [999, 1000], [64, 65]] as const) {
      expect(verifyConsistency(m, n, treeHash(big.slice(0, m)), treeHash(big.slice(0, n)), consistencyProofOf(big, m, n))).toBe(true);
    }
  });
});
