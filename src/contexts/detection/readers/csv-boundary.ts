/**
 * Record boundaries on raw bytes, so that a big CSV can be split into byte ranges parsed in
 * parallel (worker threads) that together give exactly the rows of a single pass.
 *
 * The difficulty: a newline inside a quoted field is not a record boundary, and from an arbitrary
 * offset one cannot tell whether it is inside quotes. Approach (exact, no pre-pass over the file):
 * run the quote state machine of `csv-parser.ts` from the offset under every hypothesis about the
 * state there — at a field start, inside an unquoted field, inside a quoted field, just after a
 * quote inside a quoted field — in lock step. A hypothesis dies when it would make a quoted field
 * longer than the cell limit (the parser would refuse such a file anyway). The machines are
 * deterministic, so once all living hypotheses are in the same state they stay equal: the first
 * line break the common machine then sees outside quotes is a true record boundary. In a file
 * without quotes near the offset this is the first newline after it (one `indexOf`); otherwise
 * the hypotheses agree within a few fields. If they cannot be reconciled within the window, no
 * split is made there (the caller merges the two ranges).
 *
 * Works for every ASCII-compatible encoding where `"`, LF and the delimiter bytes never occur inside
 * a multi-byte character: UTF-8 always; GB18030 for `,` `\t` `;` (its trail bytes 0x40–0xFE include
 * `|` 0x7C, so `|`-delimited GB18030 files are not split). Not for UTF-16.
 */

const QUOTE = 0x22;
const LF = 0x0a;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3; // a quote inside a quoted field: closing, or the first of `""`
const DEAD = -1;

export interface BoundaryOptions {
  /** The delimiter byte (`,` = 0x2c). */
  delimiter: number;
  /**
   * Longest possible quoted field in bytes. The parser's limit is in UTF-16 code units, so pass at
   * least 3 × maxCellBytes for UTF-8 (a BMP character is at most 3 bytes per code unit).
   */
  maxQuotedBytes: number;
  /** Whether `buf` ends at the end of the file. */
  eof: boolean;
}

function step(state: number, c: number, d: number): number {
  switch (state) {
    case FIELD_START:
      return c === QUOTE ? QUOTED : c === d || c === LF ? FIELD_START : UNQUOTED;
    case UNQUOTED:
      return c === d || c === LF ? FIELD_START : UNQUOTED;
    case QUOTED:
      return c === QUOTE ? QUOTE_SEEN : QUOTED;
    default: // QUOTE_SEEN
      return c === QUOTE ? QUOTED : c === d || c === LF ? FIELD_START : UNQUOTED;
  }
}

/**
 * The offset ≥ `from` of the start of a record (the byte after a record-ending LF) that is proven
 * whatever the quote state at `from`; -1 when `buf` does not hold enough to prove one (or the
 * region cannot be valid CSV). `buf[0]` is any byte of the file; offsets are indices into `buf`.
 */
export function findRecordBoundary(buf: Uint8Array, from: number, opts: BoundaryOptions): number {
  const n = buf.length;
  const d = opts.delimiter;
  const limit = opts.maxQuotedBytes;
  if (from >= n) return -1;
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);

  // Common case: no quote within reach. A quoted field open at `from` would exceed the limit, so
  // the state is outside quotes and the first LF ends a record.
  const q = b.indexOf(QUOTE, from);
  const nl = b.indexOf(LF, from);
  const noQuoteInReach = q < 0 ? opts.eof || n - from > limit : q - from > limit;
  if (noQuoteInReach && nl >= 0 && (q < 0 || nl < q)) return nl + 1;

  // General case: four hypotheses in lock step.
  const st = [FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN];
  const openedAt = [0, 0, from, from];
  for (let i = from; i < n; i++) {
    const c = b[i]!;
    let common = -2;
    let alive = 0;
    for (let h = 0; h < 4; h++) {
      const s = st[h]!;
      if (s === DEAD) continue;
      const t = step(s, c, d);
      if (t === QUOTED && s !== QUOTED && s !== QUOTE_SEEN) openedAt[h] = i;
      if (t === QUOTED && i - openedAt[h]! > limit) {
        st[h] = DEAD;
        continue;
      }
      st[h] = t;
      alive++;
      common = common === -2 ? t : common === t ? t : -3;
    }
    if (alive === 0) return -1;
    if (common >= 0) {
      // Converged (or a single survivor): the common machine's state is the true one.
      if (c === LF && common === FIELD_START) return i + 1;
      return firstBoundaryFrom(b, i + 1, common, d);
    }
  }
  return -1;
}

/** Runs one machine from a known state; the offset after the first record-ending LF, or -1. */
export function firstBoundaryFrom(b: Buffer, from: number, state: number, d: number): number {
  let s = state;
  for (let i = from; i < b.length; i++) {
    const c = b[i]!;
    if (s === QUOTED) {
      // Jump to the next quote.
      const k = b.indexOf(QUOTE, i);
      if (k < 0) return -1;
      i = k;
      s = QUOTE_SEEN;
      continue;
    }
    if (c === LF) return i + 1; // LF outside quotes: FIELD_START, UNQUOTED and QUOTE_SEEN all end the record
    s = step(s, c, d);
  }
  return -1;
}

/**
 * Offset just after the first non-blank record of `buf` starting at `from` in the known state
 * "start of record" (the header of a file), or -1 if it does not end within `buf`.
 */
export function endOfFirstRecord(buf: Buffer, from: number, delimiter: number): number {
  let s = FIELD_START;
  let blank = true;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i]!;
    if (s === QUOTED) {
      const k = buf.indexOf(QUOTE, i);
      if (k < 0) return -1;
      i = k;
      s = QUOTE_SEEN;
      continue;
    }
    if (c === LF) {
      if (!blank) return i + 1;
      s = FIELD_START;
      continue;
    }
    if (c !== 0x0d) blank = false;
    s = step(s, c, delimiter);
  }
  return -1;
}
