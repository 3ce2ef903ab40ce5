/**
 * A small HyperLogLog (1,024 registers, ≈ 3 % standard error) for the number of distinct values
 * (subjects) of a type in a column, in constant memory.
 */
const P = 10;
const M = 1 << P;
const ALPHA = 0.7213 / (1 + 1.079 / M);

/** 32-bit FNV-1a followed by the murmur3 finaliser (good avalanche for HLL). */
export function hash32(s: string): number {
  return hash32Range(s, 0, s.length);
}

/** `hash32(s.slice(from, to))` without the copy. */
export function hash32Range(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class HyperLogLog {
  private readonly registers = new Uint8Array(M);

  add(value: string): void {
    this.addHash(hash32(value));
  }

  /** `add(s.slice(from, to))` without the copy. */
  addRange(s: string, from: number, to: number): void {
    this.addHash(hash32Range(s, from, to));
  }

  private addHash(h: number): void {
    const idx = h >>> (32 - P);
    const rest = (h << P) >>> 0;
    const rank = rest === 0 ? 32 - P + 1 : Math.clz32(rest) + 1;
    if (rank > (this.registers[idx] as number)) this.registers[idx] = rank;
  }

  /** A copy of the registers (for merging across worker threads). */
  snapshot(): Uint8Array {
    return this.registers.slice();
  }

  /** Merges registers of another sketch of the same size (union of the two sets). */
  merge(registers: Uint8Array): void {
    const n = Math.min(M, registers.length);
    for (let i = 0; i < n; i++) if ((registers[i] as number) > (this.registers[i] as number)) this.registers[i] = registers[i] as number;
  }

  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      const r = this.registers[i] as number;
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    let e = (ALPHA * M * M) / sum;
    if (e <= 2.5 * M && zeros > 0) e = M * Math.log(M / zeros);
    return Math.round(e);
  }
}
