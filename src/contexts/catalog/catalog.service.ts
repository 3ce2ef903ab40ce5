/**
 * The catalog (公共数据资源目录): departments register datasets, a scan suggests each field's
 * classification subclass, an officer confirms the grade, and the dataset goes draft → published →
 * retired. The lifecycle is derived from the action log; every action writes its audit event in
 * the same transaction. 一数一源: each data item has one authoritative source; a second dataset of
 * another department claiming the same item is flagged on both.
 */
import { nowIso, type AnyDb, type Executor } from '../../db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { canActOnOrg, hasScope, orgFilterFor, type Principal } from '../../kernel/principal.ts';
import type { AuditService } from '../audit/index.ts';
import { getCatalog, labelColumn, overallGrade } from '../customs/index.ts';
import { classifyCell } from '../detection/index.ts';
import { actorOf } from '../identity/index.ts';
import {
  allowedActions,
  checkTransition,
  DatasetInputSchema,
  deriveState,
  itemKeys,
  type DatasetAction,
  type DatasetInput,
  type DatasetMetadata,
  type DatasetState,
  type FieldSuggestion,
  type ScanResult,
} from './catalog.model.ts';
import { CatalogRepo, type Dataset } from './catalog.repo.ts';

export interface OrgInfo {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
}

/** How the catalog learns publishers' names (wired to the identity context by the composition root). */
export interface OrgDirectory {
  org(id: number): Promise<OrgInfo | undefined>;
}

export interface SourceConflict {
  field: string;
  itemKey: string;
  /** The authoritative (first registered) dataset for the item. */
  authoritative: { datasetId: number; identifier: string; title: string; orgId: number; field: string };
  /** Other departments' datasets claiming the same item (not the authoritative one). */
  others: { datasetId: number; identifier: string; title: string; orgId: number; field: string }[];
}

export interface DatasetSummary {
  id: number;
  identifier: string;
  title: string;
  titleEn: string | null;
  description: string;
  publisher: OrgInfo;
  state: DatasetState;
  version: number;
  grade: string | null;
  sharingType: string;
  openingType: string;
  theme: string;
  keywords: string[];
  accrualPeriodicity: string;
  rowCount: number;
  lastLoadedAt: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface DatasetDto extends DatasetSummary {
  metadata: DatasetMetadata;
  gradeConfirmedAt: string | null;
  allowedActions: readonly DatasetAction[];
  sourceConflicts: SourceConflict[];
  history: { action: string; actor: string | null; at: string; detail: Record<string, unknown> }[];
}

export interface ListQuery {
  q?: string | undefined;
  orgId?: number | undefined;
  state?: DatasetState | undefined;
  theme?: string | undefined;
  page: number;
  pageSize: number;
}

const UNKNOWN_ORG = (id: number): OrgInfo => ({ id, code: `org-${id}`, name: `org ${id}`, nameEn: null });

export function searchTextOf(m: DatasetInput): string {
  return [m.identifier, m.title, m.titleEn ?? '', m.description, ...m.keywords, ...m.fields.map((f) => `${f.name} ${f.title}`)]
    .join(' ')
    .normalize('NFKC')
    .toLowerCase();
}

/** Search words of a query: lower-case, without LIKE wildcards. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 8);
}

function actorText(p: Principal | null): string | null {
  return p ? `${p.kind}:${p.id}` : 'system';
}

export class CatalogService {
  readonly repo = new CatalogRepo();
  private readonly orgCache = new Map<number, OrgInfo>();

  constructor(
    readonly db: AnyDb,
    readonly audit: AuditService,
    private readonly orgs: OrgDirectory,
  ) {}

  async orgInfo(id: number): Promise<OrgInfo> {
    const hit = this.orgCache.get(id);
    if (hit) return hit;
    const o = await this.orgs.org(id);
    if (!o) return UNKNOWN_ORG(id);
    this.orgCache.set(id, o);
    return o;
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** A dataset the principal may see: own organisation's in any state, others' once published. */
  async visibleDataset(p: Principal, id: number): Promise<Dataset> {
    if (!hasScope(p, 'catalog:read')) throw new AppError('forbidden', 'missing scope catalog:read', { scope: 'catalog:read' });
    const ds = await this.repo.datasetById(this.db, id);
    if (!ds || !(canActOnOrg(p, 'catalog:read', ds.org_id) || ds.state === 'published')) throw notFound('dataset', id);
    return ds;
  }

  async list(p: Principal, f: ListQuery): Promise<{ items: DatasetSummary[]; total: number }> {
    if (!hasScope(p, 'catalog:read')) throw new AppError('forbidden', 'missing scope catalog:read', { scope: 'catalog:read' });
    const own = orgFilterFor(p, 'catalog:read');
    const { rows, total } = await this.repo.listDatasets(this.db, {
      orgId: f.orgId,
      visibleTo: own,
      state: f.state,
      theme: f.theme,
      words: searchWords(f.q),
      offset: (f.page - 1) * f.pageSize,
      limit: f.pageSize,
    });
    return { items: await Promise.all(rows.map((r) => this.summary(r))), total };
  }

  async get(p: Principal, id: number): Promise<DatasetDto> {
    return this.dto(await this.visibleDataset(p, id));
  }

  async versions(p: Principal, id: number): Promise<{ version: number; note: string | null; createdBy: string | null; createdAt: string; metadata: DatasetMetadata }[]> {
    await this.visibleDataset(p, id);
    return (await this.repo.versionsOf(this.db, id)).map((v) => ({
      version: v.version,
      note: v.note,
      createdBy: v.created_by,
      createdAt: v.created_at,
      metadata: JSON.parse(v.metadata) as DatasetMetadata,
    }));
  }

  async summary(r: Dataset): Promise<DatasetSummary> {
    const m = JSON.parse(r.metadata) as DatasetMetadata;
    return {
      id: r.id,
      identifier: r.identifier,
      title: r.title,
      titleEn: m.titleEn ?? null,
      description: m.description,
      publisher: await this.orgInfo(r.org_id),
      state: r.state as DatasetState,
      version: r.version,
      grade: r.grade,
      sharingType: r.sharing_type,
      openingType: r.opening_type,
      theme: m.theme,
      keywords: m.keywords,
      accrualPeriodicity: m.accrualPeriodicity,
      rowCount: r.row_count,
      lastLoadedAt: r.last_loaded_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      publishedAt: r.published_at,
    };
  }

  async dto(r: Dataset, db: Executor = this.db): Promise<DatasetDto> {
    const metadata = JSON.parse(r.metadata) as DatasetMetadata;
    const actions = await this.repo.actionsOf(db, r.id);
    const state = deriveState(actions.map((a) => a.action));
    return {
      ...(await this.summary(r)),
      state,
      metadata,
      gradeConfirmedAt: r.grade_confirmed_at,
      allowedActions: allowedActions(state),
      sourceConflicts: await this.conflictsOf(db, r, metadata),
      history: actions.map((a) => ({ action: a.action, actor: a.actor, at: a.at, detail: JSON.parse(a.detail) as Record<string, unknown> })),
    };
  }

  /** 一数一源: for each field whose data item another department's dataset also claims. */
  private async conflictsOf(db: Executor, ds: Dataset, m: DatasetMetadata): Promise<SourceConflict[]> {
    const keys = new Map(m.fields.filter((f) => !f.reference).flatMap((f) => itemKeys(f).map((k) => [k, f.name] as const)));
    const claims = await this.repo.claimsOf(db, [...keys.keys()]);
    const out: SourceConflict[] = [];
    for (const [key, field] of keys) {
      if (out.some((c) => c.field === field)) continue;
      const all = claims.filter((c) => c.item_key === key).map((c) => ({ datasetId: c.dataset_id, identifier: c.identifier, title: c.title, orgId: c.org_id, field: c.field }));
      if (!all.some((c) => c.orgId !== ds.org_id)) continue;
      const [authoritative, ...rest] = all;
      out.push({ field, itemKey: key, authoritative: authoritative!, others: rest.filter((c) => c.orgId !== authoritative!.orgId) });
    }
    return out;
  }

  // ---- writing ---------------------------------------------------------------------------------

  private validate(input: DatasetInput): DatasetInput {
    const parsed = DatasetInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.');
      throw new AppError('validation_failed', `${field}: ${issue.message}`, { field });
    }
    const m = parsed.data;
    const names = new Set<string>();
    m.fields.forEach((f, i) => {
      if (names.has(f.name)) throw new AppError('validation_failed', `fields.${i}.name: duplicate field "${f.name}"`, { field: `fields.${i}.name` });
      names.add(f.name);
      if (f.min !== undefined && f.max !== undefined && f.min > f.max)
        throw new AppError('validation_failed', `fields.${i}.min: greater than max`, { field: `fields.${i}.min` });
      if (f.subclassId && !getCatalog().subclassById.has(f.subclassId))
        throw new AppError('validation_failed', `fields.${i}.subclassId: unknown subclass "${f.subclassId}"`, { field: `fields.${i}.subclassId` });
    });
    m.keyFields.forEach((k, i) => {
      if (!names.has(k)) throw new AppError('validation_failed', `keyFields.${i}: no field named "${k}"`, { field: `keyFields.${i}` });
    });
    for (const f of m.fields) if (m.keyFields.includes(f.name)) f.required = true;
    if (m.sharingType !== 'unconditional' && !m.sharingBasis)
      throw new AppError('validation_failed', 'sharingBasis: conditional sharing and refusal to share need a basis (依据)', { field: 'sharingBasis' });
    return m;
  }

  private async writeItems(tx: Executor, datasetId: number, orgId: number, m: DatasetInput): Promise<void> {
    const seen = new Set<string>();
    const items = [];
    for (const f of m.fields) {
      if (f.reference) continue;
      for (const key of itemKeys(f)) {
        if (seen.has(key)) continue;
        seen.add(key);
        items.push({ item_key: key, dataset_id: datasetId, org_id: orgId, field: f.name });
      }
    }
    await this.repo.replaceItems(tx, datasetId, items);
  }

  private async appendAction(tx: Executor, p: Principal | null, datasetId: number, action: DatasetAction, detail: Record<string, unknown>, at: string): Promise<void> {
    await this.repo.insertAction(tx, { dataset_id: datasetId, action, actor: actorText(p), detail: JSON.stringify(detail), at });
    await this.audit.record(tx, actorOf(p), { action: `catalog.dataset.${action}`, entityType: 'dataset', entityId: datasetId, detail });
  }

  /** Registers a dataset as a draft of `orgId` (default: the principal's organisation). */
  async register(p: Principal | null, input: DatasetInput, orgId?: number): Promise<DatasetDto> {
    const org = orgId ?? p?.orgId ?? null;
    if (org === null) throw new AppError('validation_failed', 'orgId: a dataset belongs to a department', { field: 'orgId' });
    if (p && !canActOnOrg(p, 'catalog:write', org)) throw new AppError('forbidden', 'you may register datasets of your own department only', { scope: 'catalog:write' });
    const m = this.validate(input);
    const at = nowIso();
    const id = await this.db.transaction().execute(async (tx) => {
      if (await this.repo.datasetByIdentifier(tx, m.identifier))
        throw new AppError('duplicate', `identifier ${m.identifier} is taken`, { field: 'identifier' });
      const metadata = JSON.stringify(m);
      const id = await this.repo.insertDataset(tx, {
        org_id: org,
        identifier: m.identifier,
        title: m.title,
        state: 'draft',
        version: 1,
        metadata,
        grade: null,
        grade_confirmed_at: null,
        sharing_type: m.sharingType,
        opening_type: m.openingType,
        search_text: searchTextOf(m),
        row_count: 0,
        last_loaded_at: null,
        created_at: at,
        updated_at: at,
        published_at: null,
      });
      await this.repo.insertVersion(tx, { dataset_id: id, version: 1, metadata, note: 'registered', created_by: actorText(p), created_at: at });
      await this.writeItems(tx, id, org, m);
      await this.appendAction(tx, p, id, 'register', { identifier: m.identifier, title: m.title, orgId: org }, at);
      return id;
    });
    return this.dto((await this.repo.datasetById(this.db, id))!);
  }

  /** Loads the dataset for an action by a principal allowed to write it, checking the transition. */
  private async forAction(tx: Executor, p: Principal | null, id: number, action: DatasetAction): Promise<{ ds: Dataset; m: DatasetMetadata; state: DatasetState }> {
    const ds = await this.repo.datasetById(tx, id);
    if (!ds || (p && !canActOnOrg(p, 'catalog:read', ds.org_id) && ds.state !== 'published')) throw notFound('dataset', id);
    if (p && !canActOnOrg(p, 'catalog:write', ds.org_id)) throw new AppError('forbidden', 'only the owning department changes a dataset', { scope: 'catalog:write' });
    const state = deriveState((await this.repo.actionsOf(tx, id)).map((a) => a.action));
    checkTransition(state, action);
    return { ds, m: JSON.parse(ds.metadata) as DatasetMetadata, state };
  }

  /** A new version of the metadata. Field changes drop the grade confirmation (it must be confirmed again). */
  async update(p: Principal | null, id: number, input: DatasetInput, note?: string): Promise<DatasetDto> {
    const next = this.validate(input);
    const at = nowIso();
    await this.db.transaction().execute(async (tx) => {
      const { ds, m, state } = await this.forAction(tx, p, id, 'update');
      if (next.identifier !== ds.identifier) throw new AppError('validation_failed', 'identifier: cannot change once registered', { field: 'identifier' });
      const before = new Map(m.fields.map((f) => [f.name, f]));
      for (const f of next.fields) if (f.subclassId === undefined && before.get(f.name)?.subclassId) f.subclassId = before.get(f.name)!.subclassId;
      const fieldsChanged = JSON.stringify(m.fields.map(({ subclassId: _s, ...f }) => f)) !== JSON.stringify(next.fields.map(({ subclassId: _s, ...f }) => f));
      if (state === 'published') this.checkOpening(next.openingType, fieldsChanged ? null : ds.grade);
      const version = ds.version + 1;
      const metadata = JSON.stringify({ ...next, ...(m.scan ? { scan: m.scan } : {}) });
      await this.repo.updateDataset(tx, id, {
        title: next.title,
        version,
        metadata,
        sharing_type: next.sharingType,
        opening_type: next.openingType,
        search_text: searchTextOf(next),
        updated_at: at,
        ...(fieldsChanged ? { grade: null, grade_confirmed_at: null } : {}),
      });
      await this.repo.insertVersion(tx, { dataset_id: id, version, metadata, note: note ?? null, created_by: actorText(p), created_at: at });
      await this.writeItems(tx, id, ds.org_id, next);
      await this.appendAction(tx, p, id, 'update', { version, fieldsChanged, note: note ?? null }, at);
    });
    return this.dto((await this.repo.datasetById(this.db, id))!);
  }

  private checkOpening(openingType: string, grade: string | null): void {
    if (openingType === 'open' && grade !== 'general')
      throw new AppError('conflict', `opening type "open" (开放) needs a confirmed grade "general"; this dataset is ${grade ?? 'not graded'}`, { field: 'openingType', grade });
  }

  /**
   * Scans the fields: header keywords (name and title) and, when rows are stored, what the detection
   * recognisers find in a sample of them (else the declared detector type), labelled against the
   * classification catalog. The result is a suggestion until an officer confirms it.
   */
  async classify(p: Principal | null, id: number, sample = 500): Promise<DatasetDto> {
    const at = nowIso();
    await this.db.transaction().execute(async (tx) => {
      const { m } = await this.forAction(tx, p, id, 'classify');
      const rows = (await this.repo.rowsAfter(tx, id, null, sample)).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
      const fields: FieldSuggestion[] = m.fields.map((f) => {
        const counts = new Map<string, number>();
        let filled = 0;
        for (const r of rows) {
          const v = r[f.name];
          if (v === null || v === undefined || v === '') continue;
          filled++;
          for (const type of new Set(classifyCell(String(v), f.title).map((x) => x.type))) counts.set(type, (counts.get(type) ?? 0) + 1);
        }
        const detections = filled > 0 ? [...counts].map(([type, n]) => ({ type, ratio: n / filled })) : f.detectorType ? [{ type: f.detectorType, ratio: 1 }] : [];
        const merged = new Map<string, { subclassId: string; grade: string; reasons: unknown[] }>();
        for (const header of [f.title, f.name]) {
          for (const l of labelColumn({ header, detections })) {
            const prior = merged.get(l.subclassId);
            if (prior) prior.reasons.push(...l.reasons);
            else merged.set(l.subclassId, { subclassId: l.subclassId, grade: l.grade, reasons: [...l.reasons] });
          }
        }
        const top = detections.filter((d) => d.ratio >= 0.5).sort((a, b) => b.ratio - a.ratio)[0];
        return { field: f.name, detectorType: f.detectorType ?? top?.type ?? null, labels: [...merged.values()] };
      });
      const suggestedGrade = overallGrade(fields.flatMap((f) => f.labels.slice(0, 1).map((l) => l.subclassId)));
      const scan: ScanResult = { at, sampledRows: rows.length, fields, suggestedGrade };
      const ds = (await this.repo.datasetById(tx, id))!;
      await this.repo.updateDataset(tx, id, { metadata: JSON.stringify({ ...m, scan }), updated_at: at });
      await this.appendAction(tx, p, id, 'classify', { sampledRows: rows.length, suggestedGrade, version: ds.version }, at);
    });
    return this.dto((await this.repo.datasetById(this.db, id))!);
  }

  /**
   * An officer confirms each field's subclass (null: not classified data); the dataset's grade is
   * the highest of them (就高从严). Fields not named keep their subclass, or take the scan's first
   * suggestion.
   */
  async confirmGrade(p: Principal | null, id: number, subclasses: Record<string, string | null>): Promise<DatasetDto> {
    const at = nowIso();
    const catalog = getCatalog();
    await this.db.transaction().execute(async (tx) => {
      const { ds, m } = await this.forAction(tx, p, id, 'confirm_grade');
      for (const [name, sub] of Object.entries(subclasses)) {
        if (!m.fields.some((f) => f.name === name)) throw new AppError('validation_failed', `fields.${name}: no such field`, { field: `fields.${name}` });
        if (sub !== null && !catalog.subclassById.has(sub)) throw new AppError('validation_failed', `fields.${name}: unknown subclass "${sub}"`, { field: `fields.${name}` });
      }
      const fields = m.fields.map((f) => {
        const chosen = Object.hasOwn(subclasses, f.name) ? subclasses[f.name]! : (f.subclassId ?? m.scan?.fields.find((s) => s.field === f.name)?.labels[0]?.subclassId ?? null);
        return { ...f, subclassId: chosen };
      });
      const grade = overallGrade(fields.flatMap((f) => (f.subclassId ? [f.subclassId] : [])));
      const metadata = JSON.stringify({ ...m, fields });
      await this.repo.updateDataset(tx, id, { metadata, grade, grade_confirmed_at: at, updated_at: at });
      await this.appendAction(
        tx,
        p,
        id,
        'confirm_grade',
        { grade, version: ds.version, subclasses: Object.fromEntries(fields.map((f) => [f.name, f.subclassId])) },
        at,
      );
    });
    return this.dto((await this.repo.datasetById(this.db, id))!);
  }

  async publish(p: Principal | null, id: number): Promise<DatasetDto> {
    const at = nowIso();
    await this.db.transaction().execute(async (tx) => {
      const { ds } = await this.forAction(tx, p, id, 'publish');
      if (!ds.grade_confirmed_at) throw new AppError('conflict', 'confirm the grade before publishing (a scan labels, an officer confirms)', { field: 'grade' });
      this.checkOpening(ds.opening_type, ds.grade);
      await this.repo.updateDataset(tx, id, { state: 'published', published_at: at, updated_at: at });
      await this.appendAction(tx, p, id, 'publish', { version: ds.version, grade: ds.grade }, at);
    });
    return this.dto((await this.repo.datasetById(this.db, id))!);
  }

  async retire(p: Principal | null, id: number, reason: string): Promise<DatasetDto> {
    const at = nowIso();
    await this.db.transaction().execute(async (tx) => {
      const { ds } = await this.forAction(tx, p, id, 'retire');
      await this.repo.updateDataset(tx, id, { state: 'retired', updated_at: at });
      await this.appendAction(tx, p, id, 'retire', { version: ds.version, reason }, at);
    });
    return this.dto((await this.repo.datasetById(this.db, id))!);
  }
}
