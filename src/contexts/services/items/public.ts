/** The service item catalog's public face (re-exported by the services context's index.ts). */
export { ServiceItemCatalog, ITEMS_WRITE_SCOPE, readShippedCatalog } from './items.service.ts';
export type { DepartmentInfo as ItemDepartment, ItemCatalogOptions, ItemDetailDto, ItemSummaryDto, ItemVersionDto } from './items.service.ts';
export { registerItemRoutes } from './items.routes.ts';
export { validateCatalog as validateItemCatalog } from './items.catalog.ts';
export { AREAS as ITEM_AREAS, ITEM_TYPES, LEVELS as ITEM_LEVELS, ONE_THING_PROCESSES, STANDARD_PROCESS } from './items.model.ts';
export type { Area as ItemArea, CatalogDocument as ItemCatalogDocument, ItemForCase, ItemLevel, ServiceItem } from './items.model.ts';
