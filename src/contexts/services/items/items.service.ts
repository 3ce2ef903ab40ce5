/**
 * The service item catalog (政务服务事项目录) as versioned data. Each publication is the whole catalog,
 * validated whole (items.catalog.ts), stored as a new numbered version with the SM3 of its canonical
 * JSON and an audit event; the newest version is in force. Each process keeps the version in force in
 * memory for a few seconds (dropped at once in the process that publishes) and the search table holds
 * the rows of the version in force, replaced in the publishing transaction. The zone's shipped catalog
 * (`data/taiwan-items.json`) is installed as version 1 when the table is empty at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nowIso, type AnyDb } from '../../../db/database.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { hasScope, type Principal } from '../../../kernel/principal.ts';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../../audit/index.ts';
import { validateCatalog } from './items.catalog.ts';
import { parseCsvRows, xlsxRows, type SheetRow } from '../../../kernel/sheet.ts';
import { catalogToCsv, catalogToXlsx, locateError, rowsToDocument } from './items.io.ts';
import { AREAS, AREA_LABELS, type Area, type CatalogDocument, type ItemForCase, type ItemLevel, type Lang, type Localized, type ServiceItem } from './items.model.ts';
import { ItemsRepo, type ItemIndexRow } from './items.repo.ts';
import { toSimplified, toTaiwanTraditional } from '../chinese.ts';

export const ITEMS_WRITE_SCOPE = 'services.items:write';

/** How long a process trusts its copy of the version in force before asking for a newer one. */
const REFRESH_MS = 3_000;

const SHIPPED_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'taiwan-items.json');

export interface DepartmentInfo {
  code: string;
  name: string;
  nameEn: string | null;
}

export interface ItemCatalogOptions {
  db: AnyDb;
  audit: AuditService;
  /** Departments are identity organisations, looked up by code. */
  departments: (code: string) => Promise<DepartmentInfo | undefined>;
  /** Milliseconds clock for the per-process cache (tests move it). */
  clock?: () => number;
}

export interface ItemVersionDto {
  version: number;
  sm3: string;
  itemCount: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
  inForce: boolean;
}

export interface DepartmentDto {
  code: string;
  name: Localized;
}

export interface ItemSummaryDto {
  code: string;
  level: ItemLevel;
  parentCode: string | null;
  /** The name in the requested language. */
  title: string;
  name: Localized;
  area: Area;
  type: string;
  taiwan: boolean;
  department: DepartmentDto;
  promisedDays: number | null;
  statutoryDays: number | null;
  visits: number | null;
}

export interface ItemDetailDto {
  version: number;
  item: ServiceItem;
  title: string;
  department: DepartmentDto;
  /** 主项 / 子项 above the item, top first. */
  parents: { code: string; level: ItemLevel; name: Localized }[];
  /** Items directly below a 主项 or 子项. */
  children: { code: string; level: ItemLevel; name: Localized; promisedDays: number | null }[];
  /** Whether it can be applied for online (a 业务办理项). */
  online: boolean;
}

export interface SearchInput {
  q?: string | undefined;
  area?: Area | undefined;
  department?: string | undefined;
  level?: ItemLevel | undefined;
  page: number;
  pageSize: number;
  lang: Lang;
}

interface InForce {
  version: number;
  document: CatalogDocument;
  byCode: Map<string, ServiceItem>;
  checkedAt: number;
}

export function readShippedCatalog(): unknown {
  return JSON.parse(fs.readFileSync(SHIPPED_FILE, 'utf8'));
}

/** Lower-cased Simplified text that search terms are matched against. */
function searchText(item: ServiceItem): string {
  return [item.code, item.name['zh-CN'], item.name['zh-TW'], item.name.en, ...item.keywords, item.implementingBody['zh-CN']].join('\u001f').toLowerCase();
}

/** Search input → Simplified, lower-cased terms (Traditional input is normalised first). */
export function searchTerms(q: string | undefined): string[] {
  if (!q?.trim()) return [];
  return toSimplified(q.normalize('NFKC')).toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
}

function isUniqueViolation(e: unknown): boolean {
  return /unique|duplicate key/i.test((e as Error)?.message ?? '');
}

export class ServiceItemCatalog {
  private readonly repo = new ItemsRepo();
  private cache: InForce | undefined;
  private readonly departmentCache = new Map<string, { dto: DepartmentDto; at: number }>();

  constructor(private readonly opts: ItemCatalogOptions) {}

  private get db(): AnyDb {
    return this.opts.db;
  }

  // ---- the version in force --------------------------------------------------------------------

  /**
   * Installs the shipped catalog as version 1 when no version exists (every start calls it; a second
   * process starting at the same moment finds the version taken and leaves it). Departments are not
   * checked: on a first start in production the organisations may not be created yet.
   */
  async installShipped(): Promise<number | null> {
    if ((await this.repo.latestVersion(this.db)) !== null) return null;
    const doc = validateCatalog(readShippedCatalog());
    try {
      return (await this.store(SYSTEM_ACTOR, 'landao', doc, 'shipped with Landao: the zone’s Taiwan compatriot service items')).version;
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return null;
      throw e;
    }
  }

  private now(): number {
    return this.opts.clock?.() ?? Date.now();
  }

  private async inForce(): Promise<InForce> {
    const now = this.now();
    const cached = this.cache;
    if (cached && now - cached.checkedAt < REFRESH_MS) return cached;
    const latest = await this.repo.latestVersion(this.db);
    if (latest === null) throw new AppError('unavailable', 'the service item catalog is not installed yet');
    if (cached && cached.version === latest) {
      this.cache = { ...cached, checkedAt: now };
      return this.cache;
    }
    const row = await this.repo.byVersion(this.db, latest);
    const document = JSON.parse(row!.document) as CatalogDocument;
    this.cache = { version: latest, document, byCode: new Map(document.items.map((i) => [i.code, i])), checkedAt: now };
    return this.cache;
  }

  /** The version in force and its number. */
  async current(): Promise<{ version: number; document: CatalogDocument }> {
    const f = await this.inForce();
    return { version: f.version, document: f.document };
  }

  /** What a case needs of a 业务办理项 in the version in force; undefined for an unknown code or a 主项/子项. */
  async itemForCase(code: string): Promise<ItemForCase | undefined> {
    const f = await this.inForce();
    const item = f.byCode.get(code);
    if (!item || item.level !== 'handling') return undefined;
    return {
      code: item.code,
      version: f.version,
      name: item.name,
      departmentCode: item.departmentCode,
      promisedDays: item.promisedDays!,
      statutoryDays: item.statutoryDays!,
      processKey: item.processKey!,
      formSchema: item.formSchema!,
      applicantKinds: item.applicantKinds!,
      requiresVerifiedIdentity: item.requiresVerifiedIdentity!,
    };
  }

  private async department(code: string): Promise<DepartmentDto> {
    const now = this.now();
    const hit = this.departmentCache.get(code);
    if (hit && now - hit.at < 60_000) return hit.dto;
    const d = await this.opts.departments(code);
    const dto: DepartmentDto = d ? { code, name: { 'zh-CN': d.name, 'zh-TW': toTaiwanTraditional(d.name), en: d.nameEn ?? d.name } } : { code, name: { 'zh-CN': code, 'zh-TW': code, en: code } };
    this.departmentCache.set(code, { dto, at: now });
    return dto;
  }

  // ---- public reading --------------------------------------------------------------------------

  async search(input: SearchInput): Promise<{ items: ItemSummaryDto[]; total: number; page: number; pageSize: number; version: number }> {
    const f = await this.inForce();
    const { rows, total } = await this.repo.search(this.db, {
      terms: searchTerms(input.q),
      area: input.area,
      department: input.department,
      level: input.level ?? 'handling',
      offset: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    });
    const items = await Promise.all(rows.map((r) => this.summary(r, input.lang)));
    return { items, total, page: input.page, pageSize: input.pageSize, version: f.version };
  }

  private async summary(r: ItemIndexRow, lang: Lang): Promise<ItemSummaryDto> {
    const name = { 'zh-CN': r.name_zh_cn, 'zh-TW': r.name_zh_tw, en: r.name_en };
    return {
      code: r.code,
      level: r.level as ItemLevel,
      parentCode: r.parent_code,
      title: name[lang],
      name,
      area: r.area as Area,
      type: r.type,
      taiwan: r.taiwan === 1,
      department: await this.department(r.department_code),
      promisedDays: r.promised_days,
      statutoryDays: r.statutory_days,
      visits: r.visits,
    };
  }

  async get(code: string, lang: Lang): Promise<ItemDetailDto> {
    const f = await this.inForce();
    const item = f.byCode.get(code);
    if (!item) throw notFound('service item', code);
    const parents: ItemDetailDto['parents'] = [];
    for (let p = item.parentCode ? f.byCode.get(item.parentCode) : undefined; p; p = p.parentCode ? f.byCode.get(p.parentCode) : undefined)
      parents.unshift({ code: p.code, level: p.level, name: p.name });
    const children = f.document.items.filter((i) => i.parentCode === code).map((i) => ({ code: i.code, level: i.level, name: i.name, promisedDays: i.promisedDays ?? null }));
    return { version: f.version, item, title: item.name[lang], department: await this.department(item.departmentCode), parents, children, online: item.level === 'handling' };
  }

  /** Areas with the number of 业务办理项 in each, in the portal's order. */
  async areas(): Promise<{ area: Area; label: Localized; count: number }[]> {
    await this.inForce();
    const counts = new Map((await this.repo.areaCounts(this.db, 'handling')).map((c) => [c.area, c.count]));
    return AREAS.filter((a) => counts.has(a)).map((a) => ({
      area: a,
      label: { 'zh-CN': AREA_LABELS[a]['zh-CN'], 'zh-TW': toTaiwanTraditional(AREA_LABELS[a]['zh-CN']), en: AREA_LABELS[a].en },
      count: counts.get(a)!,
    }));
  }

  // ---- officers: versions ----------------------------------------------------------------------

  private requireWrite(p: Principal): void {
    if (!hasScope(p, ITEMS_WRITE_SCOPE)) throw new AppError('forbidden', `missing scope ${ITEMS_WRITE_SCOPE}`, { scope: ITEMS_WRITE_SCOPE });
  }

  async history(p: Principal): Promise<ItemVersionDto[]> {
    this.requireWrite(p);
    const rows = await this.repo.history(this.db);
    return rows.map((r, i) => ({ version: r.version, sm3: r.sm3, itemCount: r.item_count, note: r.note, createdBy: r.created_by, createdAt: r.created_at, inForce: i === 0 }));
  }

  async version(p: Principal, version: number): Promise<ItemVersionDto & { document: CatalogDocument }> {
    this.requireWrite(p);
    const row = await this.repo.byVersion(this.db, version);
    if (!row) throw notFound('catalog version', version);
    const latest = await this.repo.latestVersion(this.db);
    return { version: row.version, sm3: row.sm3, itemCount: row.item_count, note: row.note, createdBy: row.created_by, createdAt: row.created_at, inForce: row.version === latest, document: JSON.parse(row.document) as CatalogDocument };
  }

  /** Validates the whole catalog and publishes it as the next version, in force from now on. */
  async publish(p: Principal, actor: Actor, document: unknown, note: string | null): Promise<ItemVersionDto> {
    this.requireWrite(p);
    const doc = validateCatalog(document, { departments: await this.existingDepartments(document) });
    return this.store(actor, `${p.kind}:${p.id}`, doc, note?.trim() || null);
  }

  /** Imports a CSV or XLSX file (one row per item, see items.io.ts) as the next version. */
  async importFile(p: Principal, actor: Actor, file: { filename: string; data: Buffer }, note: string | null): Promise<ItemVersionDto> {
    this.requireWrite(p);
    let rows: SheetRow[];
    if (/\.xlsx$/i.test(file.filename)) rows = await xlsxRows(file.data, file.filename);
    else if (/\.csv$/i.test(file.filename)) rows = parseCsvRows(file.data.toString('utf8'));
    else throw new AppError('unsupported_media_type', `${file.filename}: send the catalog as .csv or .xlsx`);
    const { document, lines } = rowsToDocument(rows);
    let doc: CatalogDocument;
    try {
      doc = validateCatalog(document, { departments: await this.existingDepartments(document) });
    } catch (e) {
      throw locateError(e, lines);
    }
    return this.store(actor, `${p.kind}:${p.id}`, doc, note?.trim() || `imported from ${file.filename}`);
  }

  async exportFile(p: Principal, format: 'csv' | 'xlsx', version?: number): Promise<Buffer> {
    this.requireWrite(p);
    const doc = version === undefined ? (await this.inForce()).document : (await this.version(p, version)).document;
    return format === 'csv' ? catalogToCsv(doc) : catalogToXlsx(doc);
  }

  /** The department codes a document names that exist as organisations. */
  private async existingDepartments(document: unknown): Promise<Set<string>> {
    const items = (document as { items?: unknown } | null)?.items;
    const codes = new Set<string>();
    if (Array.isArray(items))
      for (const i of items) {
        const c = (i as { departmentCode?: unknown } | null)?.departmentCode;
        if (typeof c === 'string') codes.add(c.trim());
      }
    const out = new Set<string>();
    for (const c of codes) if (await this.opts.departments(c)) out.add(c);
    return out;
  }

  private async store(actor: Actor, createdBy: string, doc: CatalogDocument, note: string | null): Promise<ItemVersionDto> {
    const body = canonicalJson(doc);
    const hash = sm3(body);
    const createdAt = nowIso();
    const index: ItemIndexRow[] = doc.items.map((item, position) => ({
      code: item.code,
      version: 0,
      position,
      level: item.level,
      parent_code: item.parentCode,
      area: item.area,
      type: item.type,
      department_code: item.departmentCode,
      taiwan: item.taiwan ? 1 : 0,
      promised_days: item.promisedDays ?? null,
      statutory_days: item.statutoryDays ?? null,
      visits: item.visits ?? null,
      name_zh_cn: item.name['zh-CN'],
      name_zh_tw: item.name['zh-TW'],
      name_en: item.name.en,
      search_text: searchText(item),
    }));
    let version: number;
    try {
      version = await this.db.transaction().execute(async (tx) => {
        const latest = await this.repo.latestVersion(tx);
        if (latest !== null && (await this.repo.byVersion(tx, latest))?.sm3 === hash)
          throw new AppError('duplicate', `document: identical to version ${latest}, which is in force`, { field: 'document', version: latest });
        const next = (latest ?? 0) + 1;
        await this.repo.insertVersion(tx, { version: next, document: body, sm3: hash, item_count: doc.items.length, note, created_by: createdBy, created_at: createdAt });
        await this.repo.replaceIndex(tx, index.map((r) => ({ ...r, version: next })));
        await this.opts.audit.record(tx, actor, { action: 'services.items.published', entityType: 'services_item_catalog', entityId: next, detail: { version: next, sm3: hash, itemCount: doc.items.length, note } });
        return next;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('conflict', 'another catalog version was published at the same moment; reload and try again');
      throw e;
    }
    this.cache = undefined;
    return { version, sm3: hash, itemCount: doc.items.length, note, createdBy, createdAt, inForce: true };
  }
}
