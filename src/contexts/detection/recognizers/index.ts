/**
 * Recognisers of the sensitive-data detection engine.
 *
 * - Free text: `findInText(text, opts?)` → exact spans (UTF-16 offsets, end exclusive) of the
 *   sensitive values in a text of prose (Simplified or Traditional Chinese, possibly mixed with
 *   English), each with a type, a confidence and, where a validator applies, its normalised form.
 * - Structured columns: `ColumnProfiler` (header + cells → detections with matches/ratio/
 *   confidence, masked examples, distinct subjects) and `classifyCell` (the findings of one cell).
 * - Headers: `classifyHeader`.
 * See `types.ts` for the confidence model and the decision thresholds.
 */
export * from './types.ts';
export { findInText, TextScanner, TYPE_INDEX } from './scan.ts';
export { classifyCell, trimBounds } from './cell.ts';
export type { CellOptions } from './cell.ts';
export { ColumnProfiler } from './profiler.ts';
export type { ColumnDetection, ColumnProfile, ProfilerOptions, ProfilerState } from './profiler.ts';
export { classifyHeader, namesAnimals, normalizeHeader } from './headers.ts';
export type { HeaderHint } from './headers.ts';
export { maskValue } from './mask.ts';
export { SECRET_MIN_ENTROPY, SECRET_MIN_ENTROPY_LENGTH } from './secrets.ts';
export { MEDICAL_WINDOW_AFTER, MEDICAL_WINDOW_BEFORE } from './medical.ts';
