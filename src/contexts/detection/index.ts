/**
 * The detection context's public face: identifier validators (shared with the service hall and the
 * catalog), recognisers, readers, distinct-person counting, and the scan and mask operations.
 */
export * from './validators/index.ts';
export { classifyCell, classifyHeader, findInText, maskValue, ColumnProfiler } from './recognizers/index.ts';
export type { Finding, FindOptions } from './recognizers/index.ts';
export { openReader, isDatabaseUrl, redactUrl, ReaderError, SUPPORTED_EXTENSIONS } from './readers/index.ts';
export type { SourceFormat, TableReader } from './readers/index.ts';
export { PersonCounter, personHash, DEFAULT_SENSITIVE_TYPES, PERSON_KEY_TYPES } from './persons/persons.ts';
export type { PersonCounts } from './persons/persons.ts';
export { PERSON_RECORD_BYTES } from './persons/person-records.ts';
export { scanSource } from './scan/scan-source.ts';
export type { ScanOptions, ScanProgress, ScanReport, ColumnReport, FindingReport } from './scan/report.ts';
export { renderHtmlReport } from './scan/html-report.ts';
export { maskFile } from './scan/mask-file.ts';
export type { MaskMode, MaskOptions, MaskResult } from './scan/mask-file.ts';
export { DetectionService, SCAN_JOB } from './detection.service.ts';
export { registerDetectionRoutes } from './detection.routes.ts';
