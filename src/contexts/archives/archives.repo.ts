import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type { AccessRow, AlertRow, ArchivesTables, EventRow, FileRow, LoanActionRow, LoanRow, RecordRow, VersionRow } from './archives.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<ArchivesTables>;

export type StoredRecord = Selectable<RecordRow>;
export type StoredVersion = Selectable<VersionRow>;
export type StoredFile = Selectable<FileRow>;
export type StoredEvent = Selectable<EventRow>;
export type StoredAlert = Selectable<AlertRow>;
export type StoredLoan = Selectable<LoanRow>;
export type StoredLoanAction = Selectable<LoanActionRow>;

/** Which records a listing shows: the living ones (default), the tombstones of destroyed ones, or both. */
export const RECORD_STATUSES = ['active', 'destroyed', 'all'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface RecordFilter {
  category?: string | undefined;
  year?: number | undefined;
  retention?: string | undefined;
  ownerOrgId?: number | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  afterId?: number | undefined;
  /** Default `active`: destroyed records (tombstones) are left out unless asked for. */
  status?: RecordStatus | undefined;
  /** Newest first, before this id (instead of oldest first after `afterId`). */
  beforeId?: number | undefined;
  newestFirst?: boolean | undefined;
  /** 机构 code of the 档号. */
  org?: string | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  /** A 档号 path prefix (`PT01/HY/2026`). */
  pathPrefix?: string | undefined;
}

export class ArchivesRepo {
  /**
   * The next 件号 of a series. The upsert takes the counter row's write lock until the transaction ends,
   * so concurrent archivings in one series queue here, and a rollback returns the number: no gaps.
   */
  async nextItemNo(tx: Executor, seriesKey: string): Promise<number> {
    const r = await q(tx)
      .insertInto('archives_series')
      .values({ series_key: seriesKey, last_item: 1 })
      .onConflict((oc) => oc.column('series_key').doUpdateSet({ last_item: sql`archives_series.last_item + 1` }))
      .returning('last_item')
      .executeTakeFirstOrThrow();
    return Number(r.last_item);
  }

  /** The highest 件号 already used by a record of the series (0 when none). */
  async maxItemNo(e: Executor, seriesKey: string): Promise<number> {
    const r = await q(e).selectFrom('archives_records').select((eb) => eb.fn.max('item_no').as('m')).where('series_key', '=', seriesKey).executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  async recordBySource(e: Executor, source: string, sourceRef: string): Promise<StoredRecord | undefined> {
    return q(e).selectFrom('archives_records').selectAll().where('source', '=', source).where('source_ref', '=', sourceRef).executeTakeFirst();
  }

  async recordById(e: Executor, id: number): Promise<StoredRecord | undefined> {
    return q(e).selectFrom('archives_records').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async recordByCode(e: Executor, code: string): Promise<StoredRecord | undefined> {
    return q(e).selectFrom('archives_records').selectAll().where('archival_code', '=', code).executeTakeFirst();
  }

  async insertRecord(tx: Executor, row: Insertable<RecordRow>): Promise<number> {
    const r = await q(tx).insertInto('archives_records').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async setCurrentVersion(tx: Executor, recordId: number, version: number): Promise<void> {
    await q(tx).updateTable('archives_records').set({ current_version: version }).where('id', '=', recordId).execute();
  }

  async insertVersion(tx: Executor, row: Insertable<VersionRow>): Promise<number> {
    const r = await q(tx).insertInto('archives_versions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async insertFiles(tx: Executor, rows: Insertable<FileRow>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await q(tx).insertInto('archives_files').values(rows.slice(i, i + 200)).execute();
  }

  async insertEvents(tx: Executor, rows: Insertable<EventRow>[]): Promise<void> {
    if (rows.length > 0) await q(tx).insertInto('archives_events').values(rows).execute();
  }

  async insertAlert(tx: Executor, row: Insertable<AlertRow>): Promise<number> {
    const r = await q(tx).insertInto('archives_alerts').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async version(e: Executor, recordId: number, version: number): Promise<StoredVersion | undefined> {
    return q(e).selectFrom('archives_versions').selectAll().where('record_id', '=', recordId).where('version', '=', version).executeTakeFirst();
  }

  async versionById(e: Executor, id: number): Promise<StoredVersion | undefined> {
    return q(e).selectFrom('archives_versions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async versionsOf(e: Executor, recordId: number): Promise<StoredVersion[]> {
    return q(e).selectFrom('archives_versions').selectAll().where('record_id', '=', recordId).orderBy('version').execute();
  }

  async filesOf(e: Executor, versionId: number): Promise<StoredFile[]> {
    return q(e).selectFrom('archives_files').selectAll().where('version_id', '=', versionId).orderBy('path').execute();
  }

  async eventsOf(e: Executor, recordId: number): Promise<StoredEvent[]> {
    return q(e).selectFrom('archives_events').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
  }

  async alerts(e: Executor, limit: number): Promise<StoredAlert[]> {
    return q(e).selectFrom('archives_alerts').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }

  /** Records with their current version, newest first, by the filters (index on category, year, retention). */
  async listRecords(e: Executor, f: RecordFilter): Promise<(StoredRecord & { title: string; responsible: string; doc_date: string; document_no: string | null; version_id: number })[]> {
    let query = q(e)
      .selectFrom('archives_records as r')
      .innerJoin('archives_versions as v', (j) => j.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'))
      .selectAll('r')
      .select(['v.title', 'v.responsible', 'v.doc_date', 'v.document_no', 'v.id as version_id']);
    if (f.category) query = query.where('r.category', '=', f.category);
    if (f.year !== undefined) query = query.where('r.year', '=', f.year);
    if (f.retention) query = query.where('r.retention', '=', f.retention);
    if (f.ownerOrgId !== undefined) query = query.where('r.owner_org_id', '=', f.ownerOrgId);
    if (f.afterId !== undefined) query = query.where('r.id', '>', f.afterId);
    if (f.beforeId !== undefined) query = query.where('r.id', '<', f.beforeId);
    const status = f.status ?? 'active';
    if (status !== 'all') query = query.where('r.destroyed_at', status === 'active' ? 'is' : 'is not', null);
    if (f.org) query = query.where('r.org_code', '=', f.org);
    if (f.dateFrom) query = query.where('v.doc_date', '>=', f.dateFrom);
    if (f.dateTo) query = query.where('v.doc_date', '<=', f.dateTo);
    if (f.pathPrefix) query = query.where('r.path', '>=', `${f.pathPrefix}/`).where('r.path', '<', `${f.pathPrefix}0`);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, '')}%`;
      query = query.where((eb) => eb.or([eb('v.title', 'like', like), eb('v.document_no', 'like', like), eb('r.archival_code', 'like', like)]));
    }
    return query.orderBy('r.id', f.newestFirst ? 'desc' : 'asc').limit(f.limit ?? 100).execute();
  }

  /** Versions whose last fixity check is oldest, up to `limit`, with their record's 档号. */
  async fixityDue(e: Executor, limit: number): Promise<(StoredVersion & { archival_code: string })[]> {
    return q(e)
      .selectFrom('archives_versions as v')
      .innerJoin('archives_records as r', 'r.id', 'v.record_id')
      .selectAll('v')
      .select('r.archival_code')
      .where('v.fixity_status', '!=', 'destroyed')
      .orderBy('v.fixity_checked_at')
      .orderBy('v.id')
      .limit(limit)
      .execute();
  }

  /** The files of several versions in one query, by version id (each in path order). */
  async filesOfVersions(e: Executor, versionIds: number[]): Promise<Map<number, StoredFile[]>> {
    const out = new Map<number, StoredFile[]>(versionIds.map((id) => [id, []]));
    if (versionIds.length === 0) return out;
    const rows = await q(e).selectFrom('archives_files').selectAll().where('version_id', 'in', versionIds).orderBy('version_id').orderBy('path').execute();
    for (const f of rows) out.get(Number(f.version_id))?.push(f);
    return out;
  }

  /** Records the outcome of many fixity checks at once: each status's versions in one statement. */
  async setFixityMany(tx: Executor, versionIds: number[], at: string, status: string): Promise<void> {
    if (versionIds.length > 0) await q(tx).updateTable('archives_versions').set({ fixity_checked_at: at, fixity_status: status }).where('id', 'in', versionIds).execute();
  }

  async countVersions(e: Executor, checkedBefore?: string): Promise<number> {
    let query = q(e).selectFrom('archives_versions').select((eb) => eb.fn.countAll().as('n')).where('fixity_status', '!=', 'destroyed');
    if (checkedBefore) query = query.where('fixity_checked_at', '<', checkedBefore);
    const r = await query.executeTakeFirst();
    return Number(r?.n ?? 0);
  }


  // ---- disposal, loans, access ------------------------------------------------------------------

  /** Records of a fixed period whose year is at most `lastYear` (永久 never: only D10/D30 are asked for). */
  async disposalCandidates(e: Executor, retention: string, lastYear: number, limit: number): Promise<(StoredRecord & { title: string })[]> {
    return q(e)
      .selectFrom('archives_records as r')
      .innerJoin('archives_versions as v', (j) => j.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'))
      .selectAll('r')
      .select('v.title')
      .where('r.retention', '=', retention)
      .where('r.year', '<=', lastYear)
      .where('r.destroyed_at', 'is', null)
      .orderBy('r.year')
      .orderBy('r.id')
      .limit(limit)
      .execute();
  }

  async insertLoan(tx: Executor, row: Insertable<LoanRow>): Promise<number> {
    const r = await q(tx).insertInto('archives_loans').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async loanById(e: Executor, id: number, opts: { lock?: boolean } = {}): Promise<StoredLoan | undefined> {
    let query = q(e).selectFrom('archives_loans').selectAll().where('id', '=', id);
    if (opts.lock && dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async loanActions(e: Executor, loanId: number): Promise<StoredLoanAction[]> {
    return q(e).selectFrom('archives_loan_actions').selectAll().where('loan_id', '=', loanId).orderBy('id').execute();
  }

  async insertLoanAction(tx: Executor, row: Insertable<LoanActionRow>): Promise<void> {
    await q(tx).insertInto('archives_loan_actions').values(row).execute();
  }

  async setLoanState(tx: Executor, id: number, state: string): Promise<void> {
    await q(tx).updateTable('archives_loans').set({ state }).where('id', '=', id).execute();
  }

  async loans(e: Executor, f: { requesterOrgId?: number | undefined; state?: string | undefined }): Promise<StoredLoan[]> {
    let query = q(e).selectFrom('archives_loans').selectAll();
    if (f.requesterOrgId !== undefined) query = query.where('requester_org_id', '=', f.requesterOrgId);
    if (f.state) query = query.where('state', '=', f.state);
    return query.orderBy('id', 'desc').limit(500).execute();
  }

  /** The requester's approved loan of the record whose period covers `date`, if any. */
  async activeLoan(e: Executor, recordId: number, orgId: number, date: string): Promise<StoredLoan | undefined> {
    return q(e).selectFrom('archives_loans').selectAll().where('record_id', '=', recordId).where('requester_org_id', '=', orgId).where('state', '=', 'approved').where('valid_from', '<=', date).where('valid_until', '>=', date).executeTakeFirst();
  }

  async logAccess(e: Executor, row: Insertable<AccessRow>): Promise<void> {
    await q(e).insertInto('archives_access').values(row).execute();
  }

  /** Views and downloads per category, accessing department and month (YYYY-MM). */
  async usage(e: Executor, f: { month?: string | undefined }): Promise<{ category: string; org_id: number | null; month: string; action: string; n: number }[]> {
    let query = q(e)
      .selectFrom('archives_access as a')
      .innerJoin('archives_records as r', 'r.id', 'a.record_id')
      .select((eb) => ['r.category', 'a.org_id', sql<string>`substr(a.at, 1, 7)`.as('month'), 'a.action', eb.fn.countAll<number>().as('n')])
      .groupBy(['r.category', 'a.org_id', sql`substr(a.at, 1, 7)`, 'a.action']);
    if (f.month) query = query.where('a.at', '>=', `${f.month}-01`).where('a.at', '<', `${f.month}-32`);
    const rows = await query.execute();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }
}
