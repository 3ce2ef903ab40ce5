/**
 * The catalog context's public face (公共数据底座): the dataset catalog (DCAT 3, sharing and opening
 * types, grade, 一数一源), aggregation into the platform's store (batches from uploads, pushes and
 * database pulls), quality rules and issues, and the open data portal with its CKAN-compatible API.
 * An exchange sits on `AggregationService.lookup(datasetId, key, fields)`.
 */
export { CatalogService, type DatasetDto, type DatasetSummary, type OrgDirectory, type OrgInfo, type SourceConflict } from './catalog.service.ts';
export { AggregationService, LOAD_FILE_JOB, PULL_JOB, PULL_DUE_JOB, TIMELINESS_JOB, type BatchDto, type IssueDto, type LookupResult, type SourceDto } from './aggregation.service.ts';
export { OpenDataService, type OpenDataset } from './open-data.service.ts';
export { DatasetInputSchema, type DatasetInput, type FieldSpec, type SharingType, type OpeningType, type DatasetState } from './catalog.model.ts';
export { registerCatalogRoutes } from './catalog.routes.ts';
export { seedCatalogDemo, DEMO_DATASETS, demoCompanies, demoIdNumber, demoUscc } from './catalog.demo.ts';
