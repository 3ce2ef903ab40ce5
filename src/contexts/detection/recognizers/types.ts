/**
 * Public types and decision thresholds of the recognisers.
 *
 * Confidence model (0..1), the same for free text and cells:
 *   base (from the validator's strength, per type: strong ≈ 0.95, medium ≈ 0.7, weak ≈ 0.35)
 *   + CONTEXT_BOOST when a keyword of the type is the nearest keyword within CONTEXT_WINDOW
 *     characters before the value (a smaller boost when it is in the window but not the nearest)
 *   + HEADER_BOOST when the column header names the type
 *   − NEGATIVE_PENALTY when the value is directly preceded (≤ NEGATIVE_WINDOW characters) by a
 *     decoy keyword (订单号, 流水号, 编号, order …)
 *   − QUANTITY_PENALTY when a number is directly followed by a unit (条, 元, 个, % …)
 * Free-text findings are reported at FREE_TEXT_MIN_CONFIDENCE and above.
 */
import type { DetectorTypeId, Strength } from '../validators/types.ts';

export type { DetectorTypeId, Strength } from '../validators/types.ts';
export { DETECTOR_TYPE_IDS } from '../validators/types.ts';

/** One sensitive value in a text: UTF-16 offsets into the original text, end exclusive. */
export interface Finding {
  type: DetectorTypeId;
  start: number;
  end: number;
  /** 0..1 */
  confidence: number;
  /** Canonical form (from the validator where there is one). */
  normalized?: string | undefined;
  strength?: Strength | undefined;
}

export interface FindOptions {
  /** Report findings at or above this confidence (default FREE_TEXT_MIN_CONFIDENCE). */
  minConfidence?: number;
  /**
   * Types the surrounding column is known to hold (from its header): they count as context for
   * every candidate of those types.
   */
  hintTypes?: readonly DetectorTypeId[];
  /** Set false to skip person-name recognition (no segmenter calls). Default true. */
  names?: boolean;
}

/** Report a free-text finding at or above this confidence. */
export const FREE_TEXT_MIN_CONFIDENCE = 0.5;
/** Characters before a candidate searched for context keywords. */
export const CONTEXT_WINDOW = 30;
/** A decoy keyword this close before a value (in characters) lowers it. */
export const NEGATIVE_WINDOW = 6;
/** Added when the nearest keyword before a value names its type. */
export const CONTEXT_BOOST = 0.3;
/** Added when the column header names the type. */
export const HEADER_BOOST = 0.3;
/** Subtracted for a decoy keyword directly before the value. */
export const NEGATIVE_PENALTY = 0.5;
/** Subtracted when a number is directly followed by a quantity unit. */
export const QUANTITY_PENALTY = 0.5;

/** Base confidence by validator strength. */
export const STRENGTH_CONFIDENCE: Readonly<Record<Strength, number>> = Object.freeze({
  strong: 0.95,
  medium: 0.7,
  weak: 0.35,
});

// ---------------------------------------------------------------------------------------------
// Column decisions (ColumnProfiler)

/**
 * A whole-cell value type that passes its validator in fewer than this share of the cells of the
 * column that have its shape (e.g. 18 characters of digits) is not reported when the header does
 * not name the type: ~1 in 11 random 18-digit numbers pass MOD 11-2, so an order-number column
 * shows ~9 % accidental passes, a real ID column ~100 %.
 */
export const COLUMN_MIN_PASS_RATE = 0.6;
/**
 * The same for mobile numbers: 11 digits from 1 pass the prefix check often by accident (a serial
 * or meter-number column shows ~75 %), while a real phone column's failures are blanks and
 * landlines, not 11-digit numbers with unassigned prefixes.
 */
export const COLUMN_MIN_PASS_RATE_MOBILE = 0.9;
/**
 * Without a header naming it, a column of at least this many mobile numbers drawn from at most
 * COLUMN_MOBILE_MIN_PREFIXES - 1 three-digit prefixes is a numbering scheme (会员号, 个人编号), not
 * phones: real numbers spread over dozens of prefixes.
 */
export const COLUMN_MOBILE_PREFIX_SAMPLE = 200;
export const COLUMN_MOBILE_MIN_PREFIXES = 6;
/** The same when the header names the type (dirty real data: typos, truncations). */
export const COLUMN_MIN_PASS_RATE_WITH_HEADER = 0.2;
/**
 * Types whose values are only `weak` on their own (台胞证 8-digit numbers, Luhn-failing card
 * numbers, bare 12-hex MACs, VINs failing their check digit) count in a column only with a header
 * naming the type, or when the value is distinctive enough (passport and 回乡证 shapes) and at least
 * this share of non-empty cells has it.
 */
export const COLUMN_MIN_RATIO_WEAK_SHAPE = 0.8;
/** Share of non-empty cells that must look like names for a column without a name header. */
export const COLUMN_MIN_NAME_RATIO = 0.6;
/** …and the share of distinct values among them (names repeat rarely, statuses and cities do). */
export const COLUMN_MIN_NAME_DISTINCT = 0.3;
/** …or at least this many distinct name-like values. */
export const COLUMN_MIN_NAME_DISTINCT_COUNT = 15;
/** In-text findings count for a column at this cell-level confidence (same as free text). */
export const CELL_MIN_CONFIDENCE = FREE_TEXT_MIN_CONFIDENCE;
/** A column detection is reported at or above this confidence. */
export const COLUMN_MIN_CONFIDENCE = 0.5;
/** Examples kept per type (masked). */
export const EXAMPLES_PER_TYPE = 3;
