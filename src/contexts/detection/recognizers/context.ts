/**
 * Context keywords around a candidate, by character window (Chinese is not space-separated, so
 * windows count characters, not tokens — reference §5.1 on Presidio's token-based context).
 *
 * The keyword positions of a text are computed lazily, once, on the first query, with the
 * first-character-filtered trie of `dict-context.json` over the normalised text (Traditional →
 * Simplified, lower case). Keywords contained in a longer keyword are dropped (证件编号 is an ID
 * keyword, not the negative 编号). ASCII keywords must stand as words (`tel` not in `hotel`).
 */
import { isAsciiLetter } from './chars.ts';
import { contextKeywords } from './dictionaries.ts';

export class ContextIndex {
  private starts: number[] = [];
  private ends: number[] = [];
  private bits: number[] = [];
  private built = false;
  /** Distance (in characters) of the keyword returned by the last `nearestBefore`. */
  lastDistance = 0;
  /** Start of the keyword returned by the last `nearestBefore`. */
  lastStart = 0;

  /**
   * `positions`, when given, are the only positions where a keyword can start (the scanner
   * records them in its pass); otherwise every position of [from, to) is examined.
   */
  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
    private readonly positions: readonly number[] | null = null,
  ) {}

  /** Optional external hint (e.g. the column header's categories), OR-ed into every query. */
  hintBits = 0;

  /** OR of the categories of every keyword of the text. */
  private allBits = 0;

  /** Categories of all the keywords of the text, wherever they are (and the column hint). */
  categories(): number {
    if (!this.built) this.build();
    return this.allBits | this.hintBits;
  }

  private build(): void {
    this.built = true;
    const trie = contextKeywords();
    const text = this.text;
    const end = this.to;
    let lastEnd = -1;
    const positions = this.positions;
    const n = positions === null ? end - this.from : positions.length;
    for (let k = 0; k < n; k++) {
      const p = positions === null ? this.from + k : (positions[k] as number);
      const m = trie.longestAt(text, p, end);
      if (m === null) continue;
      const e = p + m.length;
      if (e <= lastEnd) continue;
      const c0 = text.charCodeAt(p);
      if (c0 < 128 && isAsciiLetter(c0)) {
        if (p > 0 && isAsciiLetter(text.charCodeAt(p - 1))) continue;
        if (e < text.length && isAsciiLetter(text.charCodeAt(e))) continue;
      }
      this.starts.push(p);
      this.ends.push(e);
      this.bits.push(m.value);
      this.allBits |= m.value;
      lastEnd = e;
    }
  }

  /** Index of the last keyword ending at or before `pos`, or -1. */
  private lastEndingBy(pos: number): number {
    if (!this.built) this.build();
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) <= pos) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** Categories of the keywords ending within `window` characters before `pos`. */
  before(pos: number, window: number): number {
    let k = this.lastEndingBy(pos);
    let out = this.hintBits;
    const limit = pos - window;
    while (k >= 0 && (this.ends[k] as number) >= limit) {
      out |= this.bits[k] as number;
      k--;
    }
    return out;
  }

  /**
   * Categories of the nearest keyword ending within `window` characters before `pos` (0 if none);
   * its distance is left in `lastDistance`. The column-header hint does not count here.
   */
  nearestBefore(pos: number, window: number): number {
    const k = this.lastEndingBy(pos);
    if (k < 0) return 0;
    const e = this.ends[k] as number;
    if (e < pos - window) return 0;
    this.lastDistance = pos - e;
    this.lastStart = this.starts[k] as number;
    return this.bits[k] as number;
  }

  /** Categories of the keywords starting within `window` characters after `pos`. */
  after(pos: number, window: number): number {
    if (!this.built) this.build();
    let out = 0;
    const starts = this.starts;
    // Linear from the first keyword ending after pos (few keywords per text).
    for (let k = Math.max(0, this.lastEndingBy(pos)); k < starts.length; k++) {
      const s = starts[k] as number;
      if (s < pos) continue;
      if (s > pos + window) break;
      out |= this.bits[k] as number;
    }
    return out;
  }

  /** Calls `fn` for every keyword having one of the categories in `mask`. */
  forEachHit(mask: number, fn: (start: number, end: number) => void): void {
    if (!this.built) this.build();
    for (let k = 0; k < this.starts.length; k++) if (((this.bits[k] as number) & mask) !== 0) fn(this.starts[k] as number, this.ends[k] as number);
  }

  /** Categories of the keyword starting exactly at `pos` (the next field's label: 手機, 电话, 身份证号), or 0. */
  startsAt(pos: number): number {
    const k = this.lastEndingBy(pos);
    const next = k + 1;
    return next < this.starts.length && (this.starts[next] as number) === pos ? (this.bits[next] as number) : 0;
  }

  /** True when a keyword covers position `pos` (a candidate must not be part of a keyword). */
  covers(pos: number): boolean {
    if (!this.built) this.build();
    const k = this.lastEndingBy(pos);
    const next = k + 1;
    return next < this.starts.length && (this.starts[next] as number) <= pos && (this.ends[next] as number) > pos;
  }
}
