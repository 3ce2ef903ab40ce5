/**
 * The classification catalog (13 classes, 40 subclasses) and the free-trade-zone lists as versioned
 * reference data the bureau edits. Each publication is validated as a whole (the lists against the
 * catalog in force), stored as a new version with its SM3 and audit event, and takes effect for every
 * later assessment and declaration; old versions stay readable, so a decision can always be replayed
 * against the version it was made on. With nothing published, the versions shipped in `data/` apply.
 */
import ExcelJS from 'exceljs';
import { nowIso, type AnyDb } from '../../../db/database.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { hasScope, type Principal } from '../../../kernel/principal.ts';
import type { Actor, AuditService } from '../../audit/index.ts';
import { getCatalog, parseCatalog, type Catalog, type CatalogDocument } from '../rules/catalog.ts';
import { parseCsv, stringifyCsv } from '../rules/csv.ts';
import { exportListCsv, getDefaultLists, importListCsv, parseLists, type ListKind, type ListsDocument, type LoadedLists } from '../rules/lists.ts';
import { ReferenceRepo, type ReferenceVersionRow } from './reference.repo.ts';

export type ReferenceKind = 'catalog' | 'lists';
export const REFERENCE_KINDS: readonly ReferenceKind[] = ['catalog', 'lists'];
export const REFERENCE_WRITE_SCOPE = 'customs.reference:write';

export interface ReferenceVersionDto {
  /** null for the version shipped with the software (never published in this database). */
  id: number | null;
  kind: ReferenceKind;
  version: string;
  sm3: string;
  note: string | null;
  createdBy: string;
  createdAt: string | null;
  inForce: boolean;
}

/** How long a process trusts its cached version before asking the database for a newer one. */
const REFRESH_MS = 5_000;

interface Cached<T> {
  id: number | null;
  value: T;
  checkedAt: number;
}

export class ReferenceService {
  private readonly repo = new ReferenceRepo();
  private catalogCache: Cached<Catalog> | undefined;
  private listsCache: Cached<LoadedLists> | undefined;

  constructor(
    private readonly db: AnyDb,
    private readonly audit: AuditService,
  ) {}

  /** The catalog in force (cached; a publication in another process shows within seconds). */
  async catalog(): Promise<Catalog> {
    this.catalogCache = await this.refresh('catalog', this.catalogCache, getCatalog, (doc) => parseCatalog(doc));
    return this.catalogCache.value;
  }

  /** The lists in force, validated against the catalog in force. */
  async lists(): Promise<LoadedLists> {
    const catalog = await this.catalog();
    this.listsCache = await this.refresh('lists', this.listsCache, getDefaultLists, (doc) => parseLists(doc, { catalog }));
    return this.listsCache.value;
  }

  private async refresh<T>(kind: ReferenceKind, cached: Cached<T> | undefined, shipped: () => T, parse: (doc: unknown) => T): Promise<Cached<T>> {
    const now = Date.now();
    if (cached && now - cached.checkedAt < REFRESH_MS) return cached;
    const id = await this.repo.latestId(this.db, kind);
    if (cached && cached.id === id) return { ...cached, checkedAt: now };
    if (id === null) return { id: null, value: shipped(), checkedAt: now };
    const row = await this.repo.get(this.db, id);
    return { id, value: parse(JSON.parse(row!.document)), checkedAt: now };
  }

  private invalidate(kind: ReferenceKind): void {
    if (kind === 'catalog') {
      this.catalogCache = undefined;
      this.listsCache = undefined;
    } else this.listsCache = undefined;
  }

  /** The version shipped with the software: in force until the first publication, then the oldest of the history. */
  shippedDocument(kind: ReferenceKind): CatalogDocument | ListsDocument {
    return kind === 'catalog' ? getCatalog().document : getDefaultLists().document;
  }

  async history(kind: ReferenceKind): Promise<ReferenceVersionDto[]> {
    const rows = await this.repo.history(this.db, kind);
    const out: ReferenceVersionDto[] = rows.map((r, i) => ({ id: r.id, kind, version: r.version, sm3: r.sm3, note: r.note, createdBy: r.created_by, createdAt: r.created_at, inForce: i === 0 }));
    const shippedDoc = this.shippedDocument(kind);
    out.push({ id: null, kind, version: shippedDoc.version, sm3: sm3(canonicalJson(shippedDoc)), note: 'shipped with Landao', createdBy: 'landao', createdAt: null, inForce: rows.length === 0 });
    return out;
  }

  /** A version's document: `id` null or absent for the one in force. */
  async document(kind: ReferenceKind, id?: number | null): Promise<CatalogDocument | ListsDocument> {
    if (id == null) return kind === 'catalog' ? (await this.catalog()).document : (await this.lists()).document;
    const row = await this.repo.get(this.db, id);
    if (!row || row.kind !== kind) throw notFound(`${kind} version`, id);
    return JSON.parse(row.document) as CatalogDocument | ListsDocument;
  }

  /** Validates and publishes a new version; it is in force from now on. */
  async publish(p: Principal, actor: Actor, kind: ReferenceKind, document: unknown, note: string | null): Promise<ReferenceVersionDto> {
    if (!hasScope(p, REFERENCE_WRITE_SCOPE)) throw new AppError('forbidden', `missing scope ${REFERENCE_WRITE_SCOPE}`);
    let doc: CatalogDocument | ListsDocument;
    if (kind === 'catalog') {
      doc = parseCatalog(document).document;
      // The lists in force must still hold under the new catalog (their subclasses must exist).
      const current = await this.lists();
      try {
        parseLists(current.document, { catalog: parseCatalog(doc) });
      } catch (e) {
        throw new AppError('validation_failed', `the lists in force would no longer validate: ${(e as Error).message}`, { field: 'document' });
      }
    } else {
      doc = parseLists(document, { catalog: await this.catalog() }).document;
    }
    const inForce = kind === 'catalog' ? (await this.catalog()).document : (await this.lists()).document;
    if (doc.version === inForce.version) throw new AppError('validation_failed', `version: "${doc.version}" is the version in force; give the new one its own version`, { field: 'version' });
    const body = canonicalJson(doc);
    const row: Omit<ReferenceVersionRow, 'id'> = { kind, version: doc.version, document: body, sm3: sm3(body), note: note?.trim() || null, created_by: `${p.kind}:${p.id}`, created_at: nowIso() };
    const id = await this.db.transaction().execute(async (tx) => {
      if (await this.repo.byVersion(tx, kind, doc.version)) throw new AppError('duplicate', `version: ${kind} version "${doc.version}" was published before`, { field: 'version' });
      const id = await this.repo.insert(tx, row);
      await this.audit.record(tx, actor, { action: `customs.${kind}.published`, entityType: `customs_${kind}`, entityId: id, detail: { version: doc.version, sm3: row.sm3, note: row.note } });
      return id;
    });
    this.invalidate(kind);
    return { id, kind, version: row.version, sm3: row.sm3, note: row.note, createdBy: row.created_by, createdAt: row.created_at, inForce: true };
  }

  /** One list of the lists in force (or of version `id`) as CSV (UTF-8 with BOM) or XLSX. */
  async exportList(list: ListKind, format: 'csv' | 'xlsx', id?: number | null): Promise<Buffer> {
    const doc = (await this.document('lists', id)) as ListsDocument;
    const csv = exportListCsv(doc, list, { bom: format === 'csv' });
    if (format === 'csv') return Buffer.from(csv, 'utf8');
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Landao';
    const ws = wb.addWorksheet(list === 'negative' ? '负面清单' : '一般数据清单');
    for (const row of parseCsv(csv)) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /**
   * Replaces one list of the lists in force with an uploaded CSV or XLSX (same columns as the export)
   * and publishes the result as `version`. Errors name the line/row and column.
   */
  async importList(p: Principal, actor: Actor, list: ListKind, file: { filename: string; data: Buffer }, meta: { version: string; effectiveFrom?: string | undefined; note?: string | null | undefined }): Promise<ReferenceVersionDto> {
    if (!hasScope(p, REFERENCE_WRITE_SCOPE)) throw new AppError('forbidden', `missing scope ${REFERENCE_WRITE_SCOPE}`);
    if (!meta.version?.trim()) throw new AppError('validation_failed', 'version: required', { field: 'version' });
    let csv: string;
    if (/\.xlsx$/i.test(file.filename)) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(file.data as unknown as ArrayBuffer);
      } catch {
        throw new AppError('validation_failed', `${file.filename}: not a readable XLSX workbook`, { field: 'file' });
      }
      const ws = wb.worksheets[0];
      if (!ws) throw new AppError('validation_failed', `${file.filename}: the workbook has no sheet`, { field: 'file' });
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        const cells: string[] = [];
        for (let c = 1; c <= ws.columnCount; c++) {
          const v = row.getCell(c).value;
          cells.push(v == null ? '' : typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : String(v));
        }
        rows.push(cells);
      });
      csv = stringifyCsv(rows, { bom: false });
    } else if (/\.csv$/i.test(file.filename)) {
      csv = file.data.toString('utf8');
    } else {
      throw new AppError('unsupported_media_type', `${file.filename}: send the list as .csv or .xlsx`);
    }
    const base = await this.lists();
    const next = importListCsv(list, csv, base, { version: meta.version.trim(), ...(meta.effectiveFrom ? { effectiveFrom: meta.effectiveFrom } : {}), catalog: await this.catalog() });
    return this.publish(p, actor, 'lists', next.document, meta.note ?? `imported ${list} list from ${file.filename}`);
  }
}
