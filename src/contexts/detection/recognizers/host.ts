/**
 * What the per-type recognisers (names, addresses, medical, genetic, secrets) need from the scan
 * of one text: the text, lazily computed context, the column hint, and a place to put candidates.
 */
import type { ContextIndex } from './context.ts';
import type { DetectorTypeId, Finding, Strength } from './types.ts';

export interface ScanHost {
  readonly text: string;
  /** Scanned range of `text`. */
  readonly from: number;
  readonly to: number;
  /** Context keywords of the text (computed on first use). */
  context(): ContextIndex;
  /** True when the column header names `type`. */
  hinted(type: DetectorTypeId): boolean;
  /** The candidates recorded so far. */
  readonly found: readonly Finding[];
  /** Records a candidate (overlaps are resolved later). */
  emit(type: DetectorTypeId, start: number, end: number, confidence: number, normalized?: string, strength?: Strength): void;
  /** ICD-10 code candidates found by the ASCII pass, as (start, end) pairs. */
  readonly icdCandidates: readonly number[];
  /** Whether person names are recognised in this scan. */
  readonly namesEnabled: boolean;
  /** Whether the text is one table cell (not free text). */
  readonly cellMode: boolean;
}
