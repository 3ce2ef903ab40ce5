/** Largest share of occupied slots before the table doubles (linear probing stays short). */
const MAX_LOAD = 0.75;

/**
 * An exact-enough set of 64-bit keys in flat typed arrays, with an optional flag bit per member:
 * 8 bytes a slot (9 with flags), so 11–24 bytes a member depending on where the table is in its
 * doubling, against ~80 for a JS Set of strings: tens of millions of persons fit in the scanner's
 * memory budget. Keys are two independent 32-bit hashes of the identifier; a false merge of two
 * different persons needs a 64-bit collision (≈ n²/2⁶⁵: about 3 in a million at 10 million persons).
 */
export class KeySet {
  private table: Uint32Array;
  /** One flag bit per slot (e.g. "this person has sensitive data"), or null when unused. */
  private flags: Uint8Array | null;
  private mask: number;
  private count = 0;
  private flagged = 0;

  constructor(initialCapacity = 1024, withFlags = false) {
    let cap = 16;
    while (cap * MAX_LOAD < initialCapacity) cap <<= 1;
    this.table = new Uint32Array(cap * 2);
    this.flags = withFlags ? new Uint8Array(cap) : null;
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Members added with the flag set (at least once). */
  get flaggedSize(): number {
    return this.flagged;
  }

  /** Adds the key (hi, lo), with the flag when `flag` (a set with flags only); returns true when it was not there yet. */
  add(hi: number, lo: number, flag = false): boolean {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) lo = 1; // (0,0) marks an empty slot
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    const t = this.table;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = t[2 * i]!;
      const l = t[2 * i + 1]!;
      if (h === 0 && l === 0) {
        t[2 * i] = hi;
        t[2 * i + 1] = lo;
        this.count++;
        if (flag) this.setFlag(i);
        return true;
      }
      if (h === hi && l === lo) {
        if (flag) this.setFlag(i);
        return false;
      }
      i = (i + 1) & this.mask;
    }
  }

  private setFlag(i: number): void {
    const f = this.flags;
    if (f === null || f[i] === 1) return;
    f[i] = 1;
    this.flagged++;
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

  /**
   * The members as packed (hi, lo) pairs, e.g. to send from a worker thread; with `flaggedOnly`
   * only the members whose flag is set.
   */
  toPacked(flaggedOnly = false): Uint32Array {
    const f = this.flags;
    const out = new Uint32Array((flaggedOnly ? this.flagged : this.count) * 2);
    const t = this.table;
    let j = 0;
    for (let i = 0; i < t.length; i += 2) {
      if (t[i] !== 0 || t[i + 1] !== 0) {
        if (flaggedOnly && (f === null || f[i >>> 1] !== 1)) continue;
        out[j++] = t[i]!;
        out[j++] = t[i + 1]!;
      }
    }
    return out;
  }

  /**
   * Adds packed members (`toPacked` of another set). The table is first made large enough for all of
   * them: packed members come in the slot order of their own table, i.e. sorted by the low bits of
   * the slot hash, and inserted in that order into a smaller table that grows on the way they pile
   * up into one ever longer probe run (a 2.6 M-person merge took 190 s of one thread instead of < 1 s).
   */
  addPacked(packed: Uint32Array, flag = false, { members = 'new' }: { members?: 'new' | 'present' } = {}): void {
    // Members known to be here already (e.g. flags for them) need no room.
    if (members === 'new') this.reserve(packed.length / 2);
    for (let i = 0; i < packed.length; i += 2) this.add(packed[i]!, packed[i + 1]!, flag);
  }

  /** Makes room for `n` more members, so that adding them does not grow the table. */
  reserve(n: number): void {
    let cap = this.mask + 1;
    while ((this.count + n) > cap * MAX_LOAD) cap <<= 1;
    if (cap > this.mask + 1) this.rebuild(cap);
  }

  private grow(): void {
    this.rebuild((this.mask + 1) * 2);
  }

  private rebuild(cap: number): void {
    const old = this.table;
    const oldFlags = this.flags;
    this.table = new Uint32Array(cap * 2);
    this.flags = oldFlags === null ? null : new Uint8Array(cap);
    this.mask = cap - 1;
    this.count = 0;
    this.flagged = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.add(old[i]!, old[i + 1]!, oldFlags !== null && oldFlags[i >>> 1] === 1);
  }
}

/**
 * `hash64(p + s)` without building the string: the key goes to `out[0]` (hi) and `out[1]` (lo).
 */
export function hash64Concat(p: string, s: string, out: Uint32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ (p.length + s.length);
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  out[0] = a >>> 0;
  out[1] = b >>> 0;
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
