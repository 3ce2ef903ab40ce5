/**
 * Column classification: a column's type is decided from its header (dictionary) AND the
 * distribution of its values.
 *
 * Feed the header to the constructor and the cells one by one to `observe(cell)` (which also
 * returns the cell's findings, with spans, for `--findings` output); `result()` gives the column's
 * detections. Per type the profiler counts
 *   - whole-cell matches: cells whose trimmed value IS a value of the type at cell confidence
 *     ≥ CELL_MIN_CONFIDENCE (the header boost included), and whole-cell attempts: cells that had
 *     the shape the type's validator was tried on (18 digits, 11 digits, 2–4 CJK …);
 *   - in-text matches: longer cells (remarks, descriptions) with a finding of the type inside.
 *
 * Decision (thresholds in types.ts):
 *   pass rate = whole-cell matches / whole-cell attempts.
 *   Without a header naming the type, whole-cell matches count only when the pass rate is at
 *   least COLUMN_MIN_PASS_RATE (0.6): an 18-digit order-number column where ~1 in 11 values
 *   passes MOD 11-2 by accident has a pass rate near 0.09 and is not reported, a real ID column
 *   has ~1.0. With a header naming the type the bar is COLUMN_MIN_PASS_RATE_WITH_HEADER (0.2)
 *   (typos, truncated values). Mobile numbers need a pass rate of COLUMN_MIN_PASS_RATE_MOBILE
 *   (0.9) without a header — a serial or meter-number column of 11 digits from 1 passes ~75 % by
 *   accident — and, from COLUMN_MOBILE_PREFIX_SAMPLE numbers on, at least
 *   COLUMN_MOBILE_MIN_PREFIXES distinct three-digit prefixes (a member-number scheme that reuses a
 *   few prefixes is not a phone list); under a header naming another identifier (会员ID, user_id), numbers from
 *   fewer than COLUMN_MOBILE_MIN_BLOCKS_UNDER_DECOY mobile blocks (13x, 18x …) are that scheme's, and without a
 *   header naming phones, COLUMN_MOBILE_PREFIX_SAMPLE numbers or more from one block alone (13x meter numbers) too. A column of
 *   product or organisation names (商品名称) reports health data only when most of its values hold some.
 *   Values that are only `weak` alone (台胞证 8-digit numbers, Luhn-failing card numbers) reach the
 *   cell threshold only with the header boost. Names need,
 *   without a header, COLUMN_MIN_NAME_RATIO of the non-empty cells and COLUMN_MIN_NAME_DISTINCT
 *   distinct values, or at least COLUMN_MIN_NAME_DISTINCT_COUNT distinct values (statuses
 *   and cities repeat from a short list, names rarely do).
 *   Confidence = mean cell confidence × (0.6 + 0.4 × pass rate), raised halfway to 1 by a header
 *   naming the type, lowered by 0.2 under a decoy header (订单号, amount …); a detection is
 *   reported at COLUMN_MIN_CONFIDENCE and above.
 *   ratio = matching non-empty cells / non-empty cells.
 */
import { scanCell, type CellOptions } from './cell.ts';
import { classifyHeader, type HeaderHint } from './headers.ts';
import { normSlice } from './chars.ts';
import { HyperLogLog } from './hll.ts';
import { lexiconEntry, lexIsName } from './jieba.ts';
import { maskValue } from './mask.ts';
import { TextScanner, TYPE_INDEX } from './scan.ts';
import {
  CELL_MIN_CONFIDENCE,
  COLUMN_MIN_CONFIDENCE,
  COLUMN_MIN_NAME_DISTINCT,
  COLUMN_MIN_NAME_DISTINCT_COUNT,
  COLUMN_MIN_PASS_RATE_MOBILE,
  COLUMN_MOBILE_MIN_PREFIXES,
  COLUMN_MOBILE_PREFIX_SAMPLE,
  COLUMN_MIN_NAME_RATIO,
  COLUMN_MIN_PASS_RATE,
  COLUMN_MIN_PASS_RATE_WITH_HEADER,
  COLUMN_MIN_RATIO_WEAK_SHAPE,
  DETECTOR_TYPE_IDS,
  EXAMPLES_PER_TYPE,
  type DetectorTypeId,
  type Finding,
  type FindOptions,
} from './types.ts';

export interface ColumnDetection {
  type: DetectorTypeId;
  /** Non-empty cells with at least one value of the type. */
  matches: number;
  /** matches / non-empty cells. */
  ratio: number;
  confidence: number;
}

export interface ColumnProfile {
  /** Most matches first; only types accepted for the column. */
  detections: ColumnDetection[];
  /** A few masked examples per reported type. */
  examples: Partial<Record<DetectorTypeId, string[]>>;
  /** Estimated number of distinct values (subjects) per reported type. */
  subjects?: Partial<Record<DetectorTypeId, number>>;
  /** Non-empty cells observed. */
  nonEmpty: number;
  /** What the header said. */
  header: HeaderHint;
}

/**
 * The counts of a profiler as plain data (structured-clonable: it crosses worker threads), so
 * that profilers of parts of a table merge exactly into one (`snapshot` / `absorb`).
 */
export interface ProfilerState {
  nonEmpty: number;
  attempts: number[];
  whole: number[];
  wholeConf: number[];
  wholeWeak: number[];
  inText: number[];
  inTextConf: number[];
  examples: Partial<Record<DetectorTypeId, string[]>>;
  /** HyperLogLog registers per type. */
  subjects: Partial<Record<DetectorTypeId, Uint8Array>>;
  nameValues: string[];
  nameSeen: number;
  /** The three-digit prefixes of whole-cell mobile numbers recorded (up to COLUMN_MOBILE_MIN_PREFIXES). */
  mobilePrefixes: number[];
}

export interface ProfilerOptions extends CellOptions {
  /** Count distinct values per type (HyperLogLog, 1 KiB per type). Default true. */
  subjects?: boolean;
  /**
   * Use the exact fast paths (settled columns, plain-token cells, the memo of repeated values; see
   * FAST_* and CACHE_*). Default true; false sends every cell through the full scanner (the
   * reference the fast paths are tested against).
   */
  fastPath?: boolean;
}

const N = DETECTOR_TYPE_IDS.length;
const MAX_DISTINCT_TRACKED = 5000;
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Per-column memo of cell results. The scan of a cell depends only on the cell's text and the
 * column's options, so a repeated value (statuses, zip codes, quantities, template remarks,
 * frequent e-mail addresses) reuses the first scan's attempts and findings: the counts are
 * exactly those of a fresh scan. A column whose first CACHE_PROBE lookups hit less than
 * CACHE_MIN_HIT_RATE of the time (identifiers, timestamps) drops its memo.
 */
const CACHE_MAX_ENTRIES = 4096;
const CACHE_MAX_CELL_LENGTH = 256;
const CACHE_PROBE = 1024;
const CACHE_MIN_HIT_RATE = 0.2;

interface CellMemo {
  /** False when the cell is only whitespace (not counted as non-empty). */
  nonEmpty: boolean;
  /** The trimmed range of the cell. */
  from: number;
  to: number;
  attempted: number;
  found: readonly Finding[];
}

const EMPTY_MEMO: CellMemo = Object.freeze({ nonEmpty: false, from: 0, to: 0, attempted: 0, found: NO_FINDINGS });

/**
 * A copy of `s` that shares no memory with the string it was sliced from (a cell sliced from a
 * decoded 1 MiB chunk would otherwise keep the whole chunk alive as a memo key).
 */
function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}

function detachFinding(f: Finding): Finding {
  return f.normalized === undefined || f.normalized.length < 13 ? f : { ...f, normalized: detach(f.normalized) };
}

/**
 * Settled-column fast path. After SETTLE_AFTER non-empty cells went through the full scanner, a
 * column where at least SETTLE_MIN_RATIO of them were whole-cell matches of a GB 11643 type (ID
 * and residence-permit numbers) or of a mainland mobile number tries each further cell first
 * against that shape alone (`TextScanner.runGb11643Cell` / `runMobileCell`: a length and charset
 * test, then the validator). Those return a result only where the full scan would give exactly
 * the same attempts and findings; every other cell (another shape, a failed or weaker
 * validation) goes through the full scanner as before, so the column's counts, examples and
 * distinct values are exactly those of a full scan. Once more than FAST_MAX_MISSES fallbacks
 * outnumber the cells the fast path took, the column stops trying it (a mobile column with ~20 %
 * `+86`/dashed numbers keeps it: a miss of another length costs one comparison).
 */
const FAST_NONE = 0;
const FAST_GB11643 = 1;
const FAST_MOBILE = 2;
/** Fast paths turned off (ProfilerOptions.fastPath false). */
const FAST_NEVER = -1;
const SETTLE_AFTER = 64;
/** Under a decoy header (订单号, version …) a type is reported only when at least this share of the values hold it. */
const COLUMN_DECOY_HEADER_MIN_RATIO = 0.5;
const SETTLE_MIN_RATIO = 0.6;
const FAST_MAX_MISSES = 4096;
const GB11643_TYPES: readonly DetectorTypeId[] = ['cn_resident_id', 'tw_residence_permit', 'hk_residence_permit', 'mo_residence_permit'];

/** Mobile number blocks (second digits: 13x, 15x, 18x …) a column named as another identifier needs to count as phones. */
const COLUMN_MOBILE_MIN_BLOCKS_UNDER_DECOY = 3;
/** Mobile number blocks any column of COLUMN_MOBILE_PREFIX_SAMPLE numbers or more needs to count as phones without a header naming them. */
const COLUMN_MOBILE_MIN_BLOCKS = 2;

function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** Distinct three-character names a column of few repeated names needs to count as a staff list (see `staffNames`). */
const STAFF_MIN_NAMES = 4;

/** Types that a column may report on the strength of distinctive weak shapes alone. */
const DISTINCT_WEAK_SHAPES = new Set<DetectorTypeId>(['cn_passport', 'hkmo_home_return_permit']);

export class ColumnProfiler {
  readonly header: HeaderHint;
  private readonly scanner = new TextScanner();
  private readonly opts: ProfilerOptions | undefined;
  private readonly findOpts: FindOptions;
  private nonEmpty = 0;
  private readonly attempts = new Float64Array(N);
  private readonly whole = new Float64Array(N);
  private readonly wholeConf = new Float64Array(N);
  private readonly inText = new Float64Array(N);
  private readonly inTextConf = new Float64Array(N);
  /** Whole-cell matches that validated only at the lowest strength (for weak-shape rules). */
  private readonly wholeWeak = new Float64Array(N);
  private readonly examples = new Map<DetectorTypeId, string[]>();
  private readonly nameValues = new Set<string>();
  private nameSeen = 0;
  /** Three-digit prefixes of whole-cell mobile numbers seen (by value 100–199), and how many distinct. */
  private mobilePrefixes: Uint8Array | null = null;
  private mobilePrefixCount = 0;
  /** Bit set of the second digits (3–9) of those prefixes: the mobile number blocks (13x, 15x, 18x …) seen. */
  private mobileBlocks = 0;
  private readonly hll: (HyperLogLog | undefined)[] = [];
  private readonly countSubjects: boolean;
  /** Bit set (TYPE_INDEX) of the types whose examples are complete. */
  private examplesFull = 0;
  /** The settled fast path of the column (FAST_*), chosen after SETTLE_AFTER cells. */
  private fast = FAST_NONE;
  private fastMisses = 0;
  /** Cells taken by the settled fast path so far (for tests and diagnostics). */
  fastCells = 0;
  /** Plain-token cells skip the character pass (`TextScanner.runPlainCell`). */
  private readonly plainPath: boolean;
  private memo: Map<string, CellMemo> | null = new Map();
  private memoLookups = 0;
  private memoHits = 0;
  private memoChecked = false;

  constructor(header?: string | null, opts?: ProfilerOptions) {
    this.header = classifyHeader(header);
    this.opts = opts;
    this.countSubjects = opts?.subjects !== false;
    this.plainPath = opts?.fastPath !== false;
    if (!this.plainPath) {
      this.fast = FAST_NEVER;
      this.memo = null;
    }
    this.findOpts = { hintTypes: this.header.types.length > 0 ? this.header.types : undefined, names: opts?.names };
  }

  /**
   * Observes one cell. Returns the cell's findings (spans into `cell`) at cell confidence; the
   * array is valid until the next call. Column-level decisions may still drop a type (see
   * `result()` and `reports()`).
   */
  observe(cell: string | null | undefined): readonly Finding[] {
    if (cell === null || cell === undefined || cell.length === 0) return NO_FINDINGS;
    let from: number;
    let to: number;
    let attempted: number;
    let found: readonly Finding[];
    /**
     * A repeated value (memo hit): its examples, distinct-value sketch and name set already hold
     * it from its first scan, and adding the same value again changes none of them, so only the
     * counts are updated.
     */
    let repeat = false;
    const sc = this.scanner;
    const fast = this.fast;
    if (fast > FAST_NONE && (fast === FAST_GB11643 ? sc.runGb11643Cell(cell, this.findOpts) : sc.runMobileCell(cell, this.findOpts))) {
      // Settled column, cell of the settled shape that validated: exactly what the full scan gives.
      this.fastCells++;
      from = 0;
      to = cell.length;
      attempted = sc.attempted;
      found = sc.resolveTransient(CELL_MIN_CONFIDENCE);
    } else {
      if (fast > FAST_NONE) this.fastMiss();
      const memo = this.memo;
      const hit = memo !== null && cell.length <= CACHE_MAX_CELL_LENGTH ? memo.get(cell) : undefined;
      if (hit !== undefined) {
        this.memoHits++;
        this.memoLookups++;
        if (!hit.nonEmpty) return NO_FINDINGS;
        repeat = true;
        from = hit.from;
        to = hit.to;
        attempted = hit.attempted;
        found = hit.found;
      } else {
        const nonEmpty = (this.plainPath && sc.runPlainCell(cell, this.findOpts)) || scanCell(sc, cell, this.findOpts);
        from = sc.from;
        to = sc.to;
        attempted = sc.attempted;
        found = nonEmpty ? sc.resolveTransient(CELL_MIN_CONFIDENCE) : NO_FINDINGS;
        if (memo !== null && cell.length <= CACHE_MAX_CELL_LENGTH) this.remember(cell, nonEmpty, from, to, attempted, found);
        if (!nonEmpty) return NO_FINDINGS;
      }
      if (fast === FAST_NONE && this.nonEmpty + 1 === SETTLE_AFTER) this.settle();
    }
    this.nonEmpty++;
    for (let t = 0; attempted !== 0; t++, attempted >>>= 1) if ((attempted & 1) !== 0) this.attempts[t] = (this.attempts[t] as number) + 1;
    if (found.length === 0) return NO_FINDINGS;
    let seen = 0; // bit set of the types already counted for this cell
    for (let i = 0; i < found.length; i++) {
      const f = found[i] as Finding;
      const t = TYPE_INDEX[f.type];
      if ((seen & (1 << t)) !== 0) continue; // count a cell once per type
      seen |= 1 << t;
      if (f.start === from && f.end === to) {
        this.whole[t] = (this.whole[t] as number) + 1;
        this.wholeConf[t] = (this.wholeConf[t] as number) + f.confidence;
        if (f.strength === 'weak') this.wholeWeak[t] = (this.wholeWeak[t] as number) + 1;
        if (f.type === 'cn_mobile' && (this.mobilePrefixCount < COLUMN_MOBILE_MIN_PREFIXES || bitCount(this.mobileBlocks) < (this.header.decoy ? COLUMN_MOBILE_MIN_BLOCKS_UNDER_DECOY : COLUMN_MOBILE_MIN_BLOCKS))) this.notePrefix(cell, f.start, f.end);
        if (f.type === 'person_name') {
          this.nameSeen++;
          if (!repeat && this.nameValues.size < MAX_DISTINCT_TRACKED) this.nameValues.add(cell.slice(f.start, f.end));
        }
      } else {
        this.inText[t] = (this.inText[t] as number) + 1;
        this.inTextConf[t] = (this.inTextConf[t] as number) + f.confidence;
      }
      if (repeat) continue;
      if ((this.examplesFull & (1 << t)) === 0) this.addExample(t, f.type, maskValue(f.type, cell.slice(f.start, f.end)));
      if (this.countSubjects) {
        let h = this.hll[t];
        if (h === undefined) {
          h = new HyperLogLog();
          this.hll[t] = h;
        }
        const norm = f.normalized;
        if (norm !== undefined) h.add(norm);
        else h.addRange(cell, f.start, f.end);
      }
    }
    return found;
  }

  /**
   * True when the few distinct names of a column are a staff list (售票员, a crane log's operators): at least
   * STAFF_MIN_NAMES values, each a name of two or three characters that is no word of the dictionary (福州市,
   * 高血压 are), most of them of three.
   */
  private staffNames(): boolean {
    if (this.nameValues.size < STAFF_MIN_NAMES) return false;
    let three = 0;
    for (const v of this.nameValues) {
      if (v.length !== 3 && v.length !== 2) return false;
      const lx = lexiconEntry(normSlice(v, 0, v.length));
      if (lx >= 0 && (v.length === 2 || !lexIsName(lx))) return false;
      if (v.length === 3) three++;
    }
    return three * 2 > this.nameValues.size;
  }

  /** Records a masked example of type index `t` (up to EXAMPLES_PER_TYPE distinct ones). */
  private addExample(t: number, type: DetectorTypeId, masked: string): void {
    let ex = this.examples.get(type);
    if (ex === undefined) {
      ex = [];
      this.examples.set(type, ex);
    }
    if (ex.length < EXAMPLES_PER_TYPE && !ex.includes(masked)) ex.push(masked);
    if (ex.length >= EXAMPLES_PER_TYPE) this.examplesFull |= 1 << t;
  }

  /**
   * Picks the column's settled shape (see FAST_*) once SETTLE_AFTER non-empty cells went through
   * the full scan: the shape of a type that is nearly every cell's whole-cell match so far.
   */
  private settle(): void {
    const need = SETTLE_AFTER * SETTLE_MIN_RATIO;
    let gb = 0;
    for (const type of GB11643_TYPES) gb += this.whole[TYPE_INDEX[type]] as number;
    if (gb >= need) this.fast = FAST_GB11643;
    else if ((this.whole[TYPE_INDEX.cn_mobile] as number) >= need) this.fast = FAST_MOBILE;
  }

  /** A cell left the settled fast path: give the fast path up when that happens often. */
  private fastMiss(): void {
    if (++this.fastMisses > FAST_MAX_MISSES && this.fastMisses > this.fastCells) this.fast = FAST_NONE;
  }

  /** Records a scanned cell in the memo (see CACHE_MAX_ENTRIES); drops the memo when it does not pay. */
  private remember(cell: string, nonEmpty: boolean, from: number, to: number, attempted: number, found: readonly Finding[]): void {
    const memo = this.memo as Map<string, CellMemo>;
    if (++this.memoLookups >= CACHE_PROBE && !this.memoChecked) {
      this.memoChecked = true;
      if (this.memoHits < this.memoLookups * CACHE_MIN_HIT_RATE) {
        this.memo = null;
        return;
      }
    }
    if (memo.size >= CACHE_MAX_ENTRIES) return;
    memo.set(detach(cell), nonEmpty ? { nonEmpty, from, to, attempted, found: found.length === 0 ? NO_FINDINGS : found.map(detachFinding) } : EMPTY_MEMO);
  }

  /** Records the three-digit prefix of the mobile number at cell[s, e) (its last 11 digits). */
  private notePrefix(cell: string, s: number, e: number): void {
    let digits = 0;
    let prefix = 0;
    for (let k = e - 1; k >= s && digits < 11; k--) {
      const c = cell.charCodeAt(k);
      if (c < 48 || c > 57) continue;
      digits++;
      if (digits >= 9) prefix += (c - 48) * (digits === 9 ? 1 : digits === 10 ? 10 : 100);
    }
    if (digits < 11) return;
    this.addPrefix(prefix);
  }

  private addPrefix(prefix: number): void {
    if (prefix < 100 || prefix > 199) return;
    if (this.mobilePrefixes === null) this.mobilePrefixes = new Uint8Array(100);
    if (this.mobilePrefixes[prefix - 100] === 0) {
      this.mobilePrefixes[prefix - 100] = 1;
      this.mobilePrefixCount++;
      this.mobileBlocks |= 1 << Math.floor((prefix - 100) / 10);
    }
  }

  /** Whether whole-cell matches of type index `t` count for the column (see the module comment). */
  private wholeCounts(t: number, type: DetectorTypeId): boolean {
    const whole = this.whole[t] as number;
    if (whole === 0) return false;
    const attempts = Math.max(this.attempts[t] as number, whole);
    const passRate = whole / attempts;
    const headerNames = this.header.types.includes(type);
    if (headerNames) return passRate >= COLUMN_MIN_PASS_RATE_WITH_HEADER;
    if (passRate < COLUMN_MIN_PASS_RATE) return false;
    if (type === 'cn_mobile') {
      if (passRate < COLUMN_MIN_PASS_RATE_MOBILE) return false;
      if (whole >= COLUMN_MOBILE_PREFIX_SAMPLE && this.mobilePrefixCount < COLUMN_MOBILE_MIN_PREFIXES) return false;
    }
    // Under a header naming another identifier (会员ID, user_id), 11-digit numbers from one or two mobile blocks only
    // (18x and 19x) are the scheme's numbers; a phone list spans more (13x, 15x, 18x …).
    if (type === 'cn_mobile' && this.header.decoy && whole >= COLUMN_MOBILE_PREFIX_SAMPLE && bitCount(this.mobileBlocks) < COLUMN_MOBILE_MIN_BLOCKS_UNDER_DECOY) return false;
    // Without a header naming phones, numbers all from one block (13x meter numbers) are a numbering scheme's: a phone
    // list of this size spans several.
    if (type === 'cn_mobile' && !headerNames && whole >= COLUMN_MOBILE_PREFIX_SAMPLE && bitCount(this.mobileBlocks) < COLUMN_MOBILE_MIN_BLOCKS) return false;
    if ((this.wholeWeak[t] as number) === whole) {
      if (!DISTINCT_WEAK_SHAPES.has(type)) return false;
      if (whole / Math.max(1, this.nonEmpty) < COLUMN_MIN_RATIO_WEAK_SHAPE) return false;
    }
    if (type === 'person_name') {
      if (whole / Math.max(1, this.nonEmpty) < COLUMN_MIN_NAME_RATIO) return false;
      const tracked = Math.min(this.nameSeen, MAX_DISTINCT_TRACKED);
      if (tracked >= 10 && this.nameValues.size / tracked < COLUMN_MIN_NAME_DISTINCT && this.nameValues.size < COLUMN_MIN_NAME_DISTINCT_COUNT && !this.staffNames()) return false;
    }
    return true;
  }

  /** The column's detections (may be called at any time; cheap). */
  result(): ColumnProfile {
    const detections: ColumnDetection[] = [];
    const examples: Partial<Record<DetectorTypeId, string[]>> = {};
    const subjects: Partial<Record<DetectorTypeId, number>> = {};
    for (let t = 0; t < N; t++) {
      const type = DETECTOR_TYPE_IDS[t] as DetectorTypeId;
      const whole = this.whole[t] as number;
      const inText = this.inText[t] as number;
      if (whole === 0 && inText === 0) continue;
      // A column of organisation or product names (公司名称, 就业单位, dwmc): a surname-led name
      // inside one (张小泉刀剪, 林记食品) is the firm's, not a person's.
      if (type === 'person_name' && this.header.group === 'notPerson') continue;
      const countWhole = this.wholeCounts(t, type);
      const matches = (countWhole ? whole : 0) + inText;
      if (matches === 0) continue;
      // A product's or organisation's name holding a drug or a disease (布洛芬缓释胶囊, 肿瘤医院) is no one's health
      // unless most of the column is.
      if (type === 'medical_record' && this.header.group === 'notPerson' && matches < COLUMN_DECOY_HEADER_MIN_RATIO * this.nonEmpty) continue;
      const passRate = countWhole ? whole / Math.max(this.attempts[t] as number, whole) : 1;
      const confSum = (countWhole ? (this.wholeConf[t] as number) : 0) + (this.inTextConf[t] as number);
      let conf = (confSum / matches) * (countWhole ? 0.6 + 0.4 * passRate : 1);
      if (this.header.types.includes(type)) conf += (1 - conf) * 0.5;
      if (this.header.decoy) {
        conf -= 0.2;
        // A column named as something else (appVersion, 订单号) holds the type only if most of its values are of it:
        // a version column whose four-part versions read as IPv4 addresses is still a version column.
        if (matches < COLUMN_DECOY_HEADER_MIN_RATIO * this.nonEmpty) continue;
      }
      conf = Math.max(0, Math.min(0.99, conf));
      if (conf < COLUMN_MIN_CONFIDENCE) continue;
      detections.push({
        type,
        matches,
        ratio: Math.round((matches / Math.max(1, this.nonEmpty)) * 10000) / 10000,
        confidence: Math.round(conf * 100) / 100,
      });
      const ex = this.examples.get(type);
      if (ex !== undefined) examples[type] = ex.slice();
      const h = this.hll[t];
      if (h !== undefined) subjects[type] = Math.min(matches, h.estimate());
    }
    detections.sort((a, b) => b.matches - a.matches || b.confidence - a.confidence);
    const profile: ColumnProfile = { detections, examples, nonEmpty: this.nonEmpty, header: this.header };
    if (this.opts?.subjects !== false) profile.subjects = subjects;
    return profile;
  }

  /** The counts so far, as plain data (see `ProfilerState`). */
  snapshot(): ProfilerState {
    const examples: Partial<Record<DetectorTypeId, string[]>> = {};
    for (const [t, ex] of this.examples) examples[t] = ex.slice();
    const subjects: Partial<Record<DetectorTypeId, Uint8Array>> = {};
    this.hll.forEach((h, t) => {
      if (h !== undefined) subjects[DETECTOR_TYPE_IDS[t] as DetectorTypeId] = h.snapshot();
    });
    return {
      nonEmpty: this.nonEmpty,
      attempts: Array.from(this.attempts),
      whole: Array.from(this.whole),
      wholeConf: Array.from(this.wholeConf),
      wholeWeak: Array.from(this.wholeWeak),
      inText: Array.from(this.inText),
      inTextConf: Array.from(this.inTextConf),
      examples,
      subjects,
      nameValues: [...this.nameValues],
      nameSeen: this.nameSeen,
      mobilePrefixes: this.prefixList(),
    };
  }

  /** Adds the counts of another profiler of the same column (another part of the table). */
  absorb(state: ProfilerState): void {
    this.nonEmpty += state.nonEmpty;
    const add = (into: Float64Array, from: readonly number[]): void => {
      for (let i = 0; i < N && i < from.length; i++) into[i] = (into[i] as number) + (from[i] as number);
    };
    add(this.attempts, state.attempts);
    add(this.whole, state.whole);
    add(this.wholeConf, state.wholeConf);
    add(this.wholeWeak, state.wholeWeak);
    add(this.inText, state.inText);
    add(this.inTextConf, state.inTextConf);
    for (const [t, ex] of Object.entries(state.examples) as Array<[DetectorTypeId, string[]]>) {
      let mine = this.examples.get(t);
      if (mine === undefined) {
        mine = [];
        this.examples.set(t, mine);
      }
      for (const e of ex) if (mine.length < EXAMPLES_PER_TYPE && !mine.includes(e)) mine.push(e);
      if (mine.length >= EXAMPLES_PER_TYPE) this.examplesFull |= 1 << TYPE_INDEX[t];
    }
    for (const [t, regs] of Object.entries(state.subjects) as Array<[DetectorTypeId, Uint8Array]>) {
      let h = this.hll[TYPE_INDEX[t]];
      if (h === undefined) {
        h = new HyperLogLog();
        this.hll[TYPE_INDEX[t]] = h;
      }
      h.merge(regs);
    }
    for (const v of state.nameValues) if (this.nameValues.size < MAX_DISTINCT_TRACKED) this.nameValues.add(v);
    this.nameSeen += state.nameSeen;
    for (const prefix of state.mobilePrefixes) this.addPrefix(prefix);
  }

  private prefixList(): number[] {
    const out: number[] = [];
    if (this.mobilePrefixes !== null) this.mobilePrefixes.forEach((seen, i) => seen === 1 && out.push(100 + i));
    return out;
  }

  /** True when `type` is among the column's reported detections (for filtering findings). */
  reports(type: DetectorTypeId): boolean {
    return this.result().detections.some((d) => d.type === type);
  }
}
