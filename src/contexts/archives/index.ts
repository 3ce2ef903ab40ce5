/** The archives context's public face: archive a unit with one call, read, export/import bags, fixity audits. */
export { ArchiveService, FIXITY_JOB, FIXITY_INTERVAL_MS, DEFAULT_FIXITY_MAX_AGE_DAYS, alertText } from './archives.service.ts';
export type { ArchiveFileInput, ArchiveInput, ArchiveResult, ArchiveServiceDeps, FixityResult } from './archives.service.ts';
export { formatArchivalCode, parseArchivalCode, ARCHIVAL_CODE_RE } from './archival-code.ts';
export { validateBagDir, type BagReport, type BagProblem } from './bagit.ts';
export { reportText, ClamAvScanner, type FourPropertiesReport, type CheckItem, type VirusScanner } from './four-checks.ts';
export { ARCHIVE_SOURCES, type ArchiveSource } from './metadata.ts';
export { RETENTIONS, shippedSchedule, type Retention } from './schedule.ts';
export { seedArchivesDemo } from './archives.demo.ts';
export { registerArchivesRoutes } from './archives.routes.ts';
export { ArchiveSearch, archivalPath, recordTokens, COUNT_CAP, type SearchQuery, type SearchPage, type SearchItem } from './search.ts';
export { searchTokens, filterTokens, pairTokens } from './search-text.ts';
export { warmUpPdfText } from './pdf-text.ts';
export { ArchiveCollector, COLLECT_JOB, COLLECT_INTERVAL_MS, type CollectSource, type CollectUnit, type CollectCursor } from './collect.ts';
export { closedCaseSource, certificateSource, clearanceSource } from './collect-sources.ts';
export { DisposalService, type DestructionRecord } from './disposal.service.ts';
export { registerArchivesFlowRoutes } from './archives-flow.routes.ts';
export { ArchiveBackup, BACKUP_SCOPE, type BackupManifest, type BackupVerification, type RestoreResult } from './backup.ts';
export { importBagPath, unzipBag, writeZip, zipDirectory, DEFAULT_ZIP_LIMITS, type ZipEntrySource, type ZipLimits } from './zip.ts';
