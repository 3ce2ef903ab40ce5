/**
 * A keyword trie over normalised code units, for dictionary matching inside the hot scan loop.
 *
 * `starts` is a 64 Ki byte table telling whether any keyword begins with a (normalised) code unit,
 * so most positions are rejected with one array read; only there is the trie walked. This is an
 * Aho–Corasick automaton without failure links: callers match at positions they choose (every
 * position of a window, or only the positions the scan loop routed here), which keeps matches
 * anchored and cheap. Column headers, which are short and matched once, use modern-ahocorasick
 * (`headers.ts`).
 */
import { norm } from './chars.ts';

export interface TrieMatch<V> {
  /** Length in code units of the matched keyword. */
  length: number;
  value: V;
}

/**
 * Transitions below the root in an open-addressing hash table over one typed array (a V8 Map with
 * numeric keys costs a builtin call and boxing per lookup; this is a few array reads). A slot is
 * three 32-bit words — node (-1: empty), code unit, target — and the table is filled up to three
 * quarters before it doubles: the medical vocabulary's ~160,000 transitions take 3 MiB per thread
 * instead of 8 MiB with four-word slots at half load (session 12, when the English vocabulary pushed
 * the 2-worker scan over 300 MiB).
 */
class EdgeTable {
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    this.slots = new Int32Array(capacity * 3).fill(-1);
    this.mask = capacity - 1;
  }

  private static slot(node: number, code: number, mask: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
  }

  get(node: number, code: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = EdgeTable.slot(node, code, mask);
    for (;;) {
      const k = i * 3;
      const n = slots[k] as number;
      if (n === -1) return 0;
      if (n === node && slots[k + 1] === code) return slots[k + 2] as number;
      i = (i + 1) & mask;
    }
  }

  set(node: number, code: number, target: number): void {
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const slots = this.slots;
    const mask = this.mask;
    let i = EdgeTable.slot(node, code, mask);
    for (;;) {
      const k = i * 3;
      const n = slots[k] as number;
      if (n === -1) {
        slots[k] = node;
        slots[k + 1] = code;
        slots[k + 2] = target;
        this.size++;
        return;
      }
      if (n === node && slots[k + 1] === code) {
        slots[k + 2] = target;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 3).fill(-1);
    this.mask = cap - 1;
    this.size = 0;
    for (let k = 0; k < old.length; k += 3) if ((old[k] as number) !== -1) this.set(old[k] as number, old[k + 1] as number, old[k + 2] as number);
  }
}

export class KeywordTrie<V> {
  /** 1 where some keyword starts with this normalised code unit. */
  readonly starts = new Uint8Array(65536);
  /**
   * First level: normalised code unit → node, as keywords are added (a Map: a trie has a few hundred first
   * characters at most, and a dense array of 65,536 entries here cost 256 KiB in each of ~20 tries per thread).
   */
  private readonly root = new Map<number, number>();
  /**
   * First level by raw code unit (`root[norm(c)]` for every c), built on the first lookup after an
   * `add`: one array read per position instead of the normalisation table and then `root`.
   */
  private rawRoot: Int32Array | null = null;
  /** Deeper transitions (node, code unit) → node; 0 = none. */
  private readonly edges = new EdgeTable();
  private readonly values: Array<V | undefined> = [undefined];
  private nodeCount = 1;
  private maxLen = 0;

  /** Adds a keyword (normalised here). A later value for the same keyword replaces the earlier. */
  add(keyword: string, value: V): void {
    if (keyword.length === 0) return;
    this.rawRoot = null;
    let node = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = norm(keyword.charCodeAt(i));
      let next: number | undefined;
      if (i === 0) {
        this.starts[c] = 1;
        next = this.root.get(c) ?? 0;
        if (next === 0) {
          next = this.nodeCount++;
          this.root.set(c, next);
          this.values.push(undefined);
        }
      } else {
        next = this.edges.get(node, c);
        if (next === 0) {
          next = this.nodeCount++;
          this.edges.set(node, c, next);
          this.values.push(undefined);
        }
      }
      node = next;
    }
    this.values[node] = value;
    if (keyword.length > this.maxLen) this.maxLen = keyword.length;
  }

  /** The node of the first code unit `c` (raw, not normalised), 0 for none. */
  private first(c: number): number {
    let raw = this.rawRoot;
    if (raw === null) {
      raw = new Int32Array(65536);
      for (let k = 0; k < 65536; k++) raw[k] = this.root.get(norm(k)) ?? 0;
      this.rawRoot = raw;
    }
    return raw[c] as number;
  }

  get longest(): number {
    return this.maxLen;
  }

  /** Longest keyword starting at `pos` and ending at or before `end`, or null. */
  longestAt(text: string, pos: number, end: number): TrieMatch<V> | null {
    let node = this.first(text.charCodeAt(pos));
    if (node === 0) return null;
    let bestLen = 0;
    let bestNode = 0;
    if (this.values[node] !== undefined) {
      bestLen = 1;
      bestNode = node;
    }
    const edges = this.edges;
    for (let i = pos + 1; i < end; i++) {
      const next = edges.get(node, norm(text.charCodeAt(i)));
      if (next === 0) break;
      node = next;
      if (this.values[node] !== undefined) {
        bestLen = i - pos + 1;
        bestNode = node;
      }
    }
    return bestLen === 0 ? null : { length: bestLen, value: this.values[bestNode] as V };
  }

  /** Length of the longest keyword at `pos` (0 when none); no allocation. */
  longestLengthAt(text: string, pos: number, end: number): number {
    let node = this.first(text.charCodeAt(pos));
    if (node === 0) return 0;
    let best = this.values[node] !== undefined ? 1 : 0;
    const edges = this.edges;
    for (let i = pos + 1; i < end; i++) {
      const next = edges.get(node, norm(text.charCodeAt(i)));
      if (next === 0) break;
      node = next;
      if (this.values[node] !== undefined) best = i - pos + 1;
    }
    return best;
  }

  /**
   * For a trie built from reversed keywords: the longest keyword that ends at `end` (text read
   * backwards from `end - 1`) and starts at or after `from`, or null. `length` is its length in
   * the text, so the keyword occupies [end - length, end).
   */
  longestBefore(text: string, end: number, from: number): TrieMatch<V> | null {
    if (end <= from) return null;
    let node = this.first(text.charCodeAt(end - 1));
    if (node === 0) return null;
    let bestLen = 0;
    let bestNode = 0;
    if (this.values[node] !== undefined) {
      bestLen = 1;
      bestNode = node;
    }
    const edges = this.edges;
    for (let i = end - 2; i >= from; i--) {
      const next = edges.get(node, norm(text.charCodeAt(i)));
      if (next === 0) break;
      node = next;
      if (this.values[node] !== undefined) {
        bestLen = end - i;
        bestNode = node;
      }
    }
    return bestLen === 0 ? null : { length: bestLen, value: this.values[bestNode] as V };
  }

  /** Calls `fn` for every keyword starting at `pos` (shortest first). */
  allAt(text: string, pos: number, end: number, fn: (length: number, value: V) => void): void {
    let node = this.first(text.charCodeAt(pos));
    if (node === 0) return;
    const v0 = this.values[node];
    if (v0 !== undefined) fn(1, v0);
    for (let i = pos + 1; i < end; i++) {
      const next = this.edges.get(node, norm(text.charCodeAt(i)));
      if (next === 0) return;
      node = next;
      const v = this.values[node];
      if (v !== undefined) fn(i - pos + 1, v);
    }
  }

  /** Node reached by the whole of text[start, end), or 0. */
  private walk(text: string, start: number, end: number): number {
    if (end <= start) return 0;
    let node = this.first(text.charCodeAt(start));
    for (let i = start + 1; i < end && node !== 0; i++) node = this.edges.get(node, norm(text.charCodeAt(i)));
    return node;
  }

  /** True when the whole of text[start, end) is a keyword. */
  has(text: string, start: number, end: number): boolean {
    const node = this.walk(text, start, end);
    return node !== 0 && this.values[node] !== undefined;
  }

  /** Value of the whole of text[start, end) as a keyword, or undefined. */
  get(text: string, start: number, end: number): V | undefined {
    const node = this.walk(text, start, end);
    return node === 0 ? undefined : this.values[node];
  }
}
