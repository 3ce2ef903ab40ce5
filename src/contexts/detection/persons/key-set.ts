/**
 * An exact-enough set of 64-bit keys in flat typed arrays: about 16 bytes per member at the worst
 * load, against ~80 for a JS Set of strings, so tens of millions of persons fit in the scanner's
 * memory budget. Keys are two independent 32-bit hashes of the identifier; a false merge of two
 * different persons needs a 64-bit collision (≈ n²/2⁶⁵: about 3 in a million at 10 million persons).
 */
export class KeySet {
  private table: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.table = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the key (hi, lo); returns true when it was not there yet. */
  add(hi: number, lo: number): boolean {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1; // (0,0) marks an empty slot
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const t = this.table;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = t[2 * i]!;
      const l = t[2 * i + 1]!;
      if (h === 0 && l === 0) {
        t[2 * i] = hi;
        t[2 * i + 1] = lo;
        this.count++;
        return true;
      }
      if (h === hi && l === lo) return false;
      i = (i + 1) & this.mask;
    }
  }

  has(hi: number, lo: number): boolean {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const t = this.table;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = t[2 * i]!;
      const l = t[2 * i + 1]!;
      if (h === 0 && l === 0) return false;
      if (h === hi && l === lo) return true;
      i = (i + 1) & this.mask;
    }
  }

  /** The members as packed (hi, lo) pairs, e.g. to send from a worker thread. */
  toPacked(): Uint32Array {
    const out = new Uint32Array(this.count * 2);
    const t = this.table;
    let j = 0;
    for (let i = 0; i < t.length; i += 2) {
      if (t[i] !== 0 || t[i + 1] !== 0) {
        out[j++] = t[i]!;
        out[j++] = t[i + 1]!;
      }
    }
    return out;
  }

  addPacked(packed: Uint32Array): void {
    for (let i = 0; i < packed.length; i += 2) this.add(packed[i]!, packed[i + 1]!);
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = (this.mask << 1) | 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.add(old[i]!, old[i + 1]!);
  }
}

/** Two independent 32-bit hashes of a string (FNV-1a and a multiply-rotate hash), as a 64-bit key. */
export function hash64(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return [a >>> 0, b >>> 0];
}
