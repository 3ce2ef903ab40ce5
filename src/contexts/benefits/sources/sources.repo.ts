import { CompiledQuery, sql, type Compilable, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dialectOf, precompiledRows, preparedOnPostgres, type Executor } from '../../../db/database.ts';
import type { BatchRow, EngineTables, RecordRow, RejectRow } from '../engine.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<EngineTables>;

export type StoredBatch = Selectable<BatchRow>;
export type StoredReject = Selectable<RejectRow>;
export type StoredRecord = Selectable<RecordRow>;
/** What a matching run reads of a record. */
export type MatchRecord = Pick<StoredRecord, 'subject_key' | 'kind' | 'batch_id' | 'row_no' | 'org_id' | 'year' | 'masked_id' | 'name' | 'data'>;

/**
 * What a matching run reads of a record when it reads one kind of one year (or of none) at a time, as the columns'
 * values in this order (a run reads 300,000 of them for 100,000 taxpayers: arrays cost half what row objects do).
 * `data` is the record's JSON text on SQLite and already parsed on PostgreSQL (see kindQuery).
 */
export type KindRow = [subjectKey: string, batchId: number, rowNo: number, orgId: number, maskedId: string, name: string, data: string | Record<string, unknown>];

/**
 * The four shapes of kindRecords, built and compiled once per dialect: parameters kind, [year], current, after, last | limit.
 * SQLite: the rows as arrays from the native statement. PostgreSQL: the server builds the whole page as one JSON array of
 * arrays, `data` inside it as JSON, which the driver parses in one JSON.parse; row by row the driver decoded seven fields
 * a record in JavaScript and the record's JSON was parsed again after that.
 */
function kindQuery(ofYear: boolean, byLast: boolean): (e: Executor, parameters: readonly unknown[]) => Promise<KindRow[]> {
  const build = (db: Executor) => {
    let qb = q(db)
      .selectFrom('benefits_records')
      .select(['subject_key', 'batch_id', 'row_no', 'org_id', 'masked_id', 'name', 'data'])
      .where('kind', '=', '')
      .where('year', ofYear ? '=' : 'is', ofYear ? 0 : null)
      .where('current', '=', 1)
      .where('subject_key', '>', '');
    qb = byLast ? qb.where('subject_key', '<=', '') : qb.limit(0);
    return qb.orderBy('subject_key') as Compilable<unknown>;
  };
  const asRows = precompiledRows(build);
  let pageText: string | undefined;
  return async (e, parameters) => {
    if (dialectOf(e) !== 'postgres') return (await asRows(e, parameters)) as KindRow[];
    pageText ??= preparedOnPostgres(
      `SELECT coalesce(json_agg(json_build_array(subject_key, batch_id, row_no, org_id, masked_id, name, data::json) ORDER BY subject_key), '[]'::json) AS page FROM (${build(e).compile().sql}) AS r`,
    );
    return (await e.executeQuery<{ page: KindRow[] }>(CompiledQuery.raw(pageText, [...parameters]))).rows[0]!.page;
  };
}
const ofYearFirst = kindQuery(true, false);
const ofYearUpTo = kindQuery(true, true);
const noYearFirst = kindQuery(false, false);
const noYearUpTo = kindQuery(false, true);

/** Rows per multi-row INSERT (14 columns: well below SQLite's 32,766 bound parameters). */
const INSERT_CHUNK = 500;

export class SourcesRepo {
  async insertBatch(tx: Executor, row: Insertable<BatchRow>): Promise<number> {
    const r = await q(tx).insertInto('benefits_batches').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async updateBatch(tx: Executor, id: number, set: Partial<Insertable<BatchRow>>): Promise<void> {
    await q(tx).updateTable('benefits_batches').set(set).where('id', '=', id).execute();
  }

  async batchById(e: Executor, id: number): Promise<StoredBatch | undefined> {
    return q(e).selectFrom('benefits_batches').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listBatches(e: Executor, f: { orgId?: number | undefined; kind?: string | undefined; limit: number; offset: number }): Promise<{ items: StoredBatch[]; total: number }> {
    let base = q(e).selectFrom('benefits_batches');
    if (f.orgId !== undefined) base = base.where('org_id', '=', f.orgId);
    if (f.kind) base = base.where('kind', '=', f.kind);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  async insertRejects(tx: Executor, rows: Insertable<RejectRow>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await q(tx).insertInto('benefits_rejects').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }

  async rejects(e: Executor, batchId: number, limit: number, offset: number): Promise<{ items: StoredReject[]; total: number }> {
    const base = q(e).selectFrom('benefits_rejects').where('batch_id', '=', batchId);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('row_no').orderBy('id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  async insertRecords(tx: Executor, rows: Insertable<RecordRow>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await q(tx).insertInto('benefits_records').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }

  /**
   * Marks as no longer current every earlier record of the same kind and department that a record of this batch
   * supersedes (same record key); returns how many.
   */
  async supersede(tx: Executor, batch: { id: number; kind: string; org_id: number }): Promise<number> {
    const r = await q(tx)
      .updateTable('benefits_records')
      .set({ current: 0, superseded_by: batch.id })
      .where('kind', '=', batch.kind)
      .where('org_id', '=', batch.org_id)
      .where('current', '=', 1)
      .where('batch_id', '<', batch.id)
      .where('record_key', 'in', (eb) => eb.selectFrom('benefits_records as n').select('n.record_key').where('n.batch_id', '=', batch.id))
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Records of a batch, in row order (the detail page). */
  async recordsOfBatch(e: Executor, batchId: number, limit: number, offset: number): Promise<StoredRecord[]> {
    return q(e).selectFrom('benefits_records').selectAll().where('batch_id', '=', batchId).orderBy('row_no').limit(limit).offset(offset).execute();
  }

  /** Every current record of the given kinds for subjects in (after, last], in subject order (records of a subject in any order). */
  async currentRecords(e: Executor, kinds: string[], after: string, last: string): Promise<MatchRecord[]> {
    return q(e)
      .selectFrom('benefits_records')
      .select(['subject_key', 'kind', 'batch_id', 'row_no', 'org_id', 'year', 'masked_id', 'name', 'data'])
      .where('current', '=', 1)
      .where('subject_key', '>', after)
      .where('subject_key', '<=', last)
      .where('kind', 'in', kinds)
      // Subject order only (the index's): the run orders each subject's few records itself.
      .orderBy('subject_key')
      .execute();
  }

  /**
   * Current records of one kind for subjects after `after`, in subject key order (one range of the index
   * benefits_records_match on SQLite, which carries the columns read — migration 0022 —, benefits_records_period on
   * PostgreSQL: kind, year, current, subject_key): of `year`, or — `year` null, a kind of dated records — those without
   * a year (so the year is not read). `to` bounds the range by subject key (inclusive), `limit` by rows.
   */
  async kindRecords(e: Executor, kind: string, year: number | null, after: string, to: { last: string } | { limit: number }): Promise<KindRow[]> {
    const byLast = 'last' in to;
    const query = year === null ? (byLast ? noYearUpTo : noYearFirst) : byLast ? ofYearUpTo : ofYearFirst;
    const bound = byLast ? to.last : to.limit;
    return query(e, year === null ? [kind, 1, after, bound] : [kind, year, 1, after, bound]);
  }

  /** Records by batch id + row no (current or superseded: a run result names what it used). */
  async recordsByRefs(e: Executor, refs: { batchId: number; rowNo: number }[]): Promise<MatchRecord[]> {
    if (refs.length === 0) return [];
    return q(e)
      .selectFrom('benefits_records')
      .select(['subject_key', 'kind', 'batch_id', 'row_no', 'org_id', 'year', 'masked_id', 'name', 'data'])
      .where((eb) => eb.or(refs.map((r) => eb.and([eb('batch_id', '=', r.batchId), eb('row_no', '=', r.rowNo)]))))
      .execute();
  }

  async countCurrent(e: Executor, kind: string, year: number | null): Promise<number> {
    let qb = q(e).selectFrom('benefits_records').select(sql<number>`count(distinct subject_key)`.as('n')).where('kind', '=', kind).where('current', '=', 1);
    if (year !== null) qb = qb.where('year', '=', year);
    return Number((await qb.executeTakeFirstOrThrow()).n);
  }
}
