import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { dialectOf, precompiled, type Executor } from '../../db/database.ts';
import type {
  BatchRejectRow,
  BatchRow,
  CatalogTables,
  DataItemRow,
  DatasetActionRow,
  DatasetRow,
  DatasetVersionRow,
  QualityIssueRow,
  SourceRow,
  StoredRow,
} from './catalog.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<CatalogTables>;

export type Dataset = Selectable<DatasetRow>;
export type Batch = Selectable<BatchRow>;
export type Source = Selectable<SourceRow>;
export type QualityIssue = Selectable<QualityIssueRow>;

export interface DatasetFilter {
  /** Only this organisation's datasets. */
  orgId?: number | undefined;
  /** Own organisation's datasets in any state, plus other organisations' published ones. */
  visibleTo?: number | undefined;
  state?: string | undefined;
  openingTypes?: readonly string[] | undefined;
  theme?: string | undefined;
  /** Lower-case words that must all appear in the search text. */
  words?: readonly string[] | undefined;
  offset: number;
  limit: number;
}

/** Rows per INSERT statement. */
const UPSERT_CHUNK = 5000;

/** Parameters: dataset id, row key. */
const rowByKeyQuery = precompiled((db) => q(db).selectFrom('catalog_rows').selectAll().where('dataset_id', '=', 0).where('row_key', '=', ''));

export class CatalogRepo {
  // ---- datasets --------------------------------------------------------------------------------

  async insertDataset(tx: Executor, row: Insertable<DatasetRow>): Promise<number> {
    return (await q(tx).insertInto('catalog_datasets').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateDataset(tx: Executor, id: number, patch: Updateable<DatasetRow>): Promise<void> {
    await q(tx).updateTable('catalog_datasets').set(patch).where('id', '=', id).execute();
  }

  async datasetById(db: Executor, id: number): Promise<Dataset | undefined> {
    return q(db).selectFrom('catalog_datasets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async datasetByIdentifier(db: Executor, identifier: string): Promise<Dataset | undefined> {
    return q(db).selectFrom('catalog_datasets').selectAll().where('identifier', '=', identifier).executeTakeFirst();
  }

  async listDatasets(db: Executor, f: DatasetFilter): Promise<{ rows: Dataset[]; total: number }> {
    let query = q(db).selectFrom('catalog_datasets');
    if (f.orgId !== undefined) query = query.where('org_id', '=', f.orgId);
    if (f.visibleTo !== undefined) {
      const own = f.visibleTo;
      query = query.where((eb) => eb.or([eb('org_id', '=', own), eb('state', '=', 'published')]));
    }
    if (f.state) query = query.where('state', '=', f.state);
    if (f.openingTypes) query = query.where('opening_type', 'in', [...f.openingTypes]);
    if (f.theme) query = query.where('metadata', 'like', `%"theme":"${f.theme}"%`);
    for (const w of f.words ?? []) query = query.where('search_text', 'like', `%${w}%`);
    const [rows, total] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').offset(f.offset).limit(f.limit).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  async insertVersion(tx: Executor, row: Insertable<DatasetVersionRow>): Promise<void> {
    await q(tx).insertInto('catalog_dataset_versions').values(row).execute();
  }

  async versionsOf(db: Executor, datasetId: number): Promise<Selectable<DatasetVersionRow>[]> {
    return q(db).selectFrom('catalog_dataset_versions').selectAll().where('dataset_id', '=', datasetId).orderBy('version', 'desc').execute();
  }

  async insertAction(tx: Executor, row: Insertable<DatasetActionRow>): Promise<void> {
    await q(tx).insertInto('catalog_dataset_actions').values(row).execute();
  }

  async actionsOf(db: Executor, datasetId: number): Promise<Selectable<DatasetActionRow>[]> {
    return q(db).selectFrom('catalog_dataset_actions').selectAll().where('dataset_id', '=', datasetId).orderBy('id').execute();
  }

  // ---- 一数一源 -----------------------------------------------------------------------------------

  async replaceItems(tx: Executor, datasetId: number, items: Insertable<DataItemRow>[]): Promise<void> {
    await q(tx).deleteFrom('catalog_data_items').where('dataset_id', '=', datasetId).execute();
    if (items.length) await q(tx).insertInto('catalog_data_items').values(items).execute();
  }

  /** Every live (not retired) dataset claiming one of `keys`, oldest dataset first. */
  async claimsOf(db: Executor, keys: readonly string[]): Promise<(Selectable<DataItemRow> & { identifier: string; title: string })[]> {
    if (!keys.length) return [];
    return q(db)
      .selectFrom('catalog_data_items as i')
      .innerJoin('catalog_datasets as d', 'd.id', 'i.dataset_id')
      .select(['i.item_key', 'i.dataset_id', 'i.org_id', 'i.field', 'd.identifier', 'd.title'])
      .where('i.item_key', 'in', [...keys])
      .where('d.state', '!=', 'retired')
      .orderBy('i.dataset_id')
      .execute();
  }

  // ---- batches ---------------------------------------------------------------------------------

  async insertBatch(tx: Executor, row: Insertable<BatchRow>): Promise<number> {
    return (await q(tx).insertInto('catalog_batches').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateBatch(tx: Executor, id: number, patch: Updateable<BatchRow>): Promise<void> {
    await q(tx).updateTable('catalog_batches').set(patch).where('id', '=', id).execute();
  }

  /** Pull batches still marked running, oldest first (a process that stops mid-pull leaves them so). */
  async runningPullBatches(db: Executor): Promise<Batch[]> {
    return q(db).selectFrom('catalog_batches').selectAll().where('source', '=', 'pull').where('status', '=', 'running').orderBy('id').execute();
  }

  /** Marks a batch failed if it is still running; false when it finished meanwhile. */
  async failIfRunning(tx: Executor, id: number, error: string, at: string): Promise<boolean> {
    const r = await q(tx).updateTable('catalog_batches').set({ status: 'failed', error, rows_loaded: 0, finished_at: at }).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async batchById(db: Executor, id: number): Promise<Batch | undefined> {
    return q(db).selectFrom('catalog_batches').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listBatches(db: Executor, f: { datasetId?: number | undefined; orgId?: number | undefined; offset: number; limit: number }): Promise<{ rows: Batch[]; total: number }> {
    let query = q(db).selectFrom('catalog_batches');
    if (f.datasetId !== undefined) query = query.where('dataset_id', '=', f.datasetId);
    if (f.orgId !== undefined) query = query.where('org_id', '=', f.orgId);
    const [rows, total] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').offset(f.offset).limit(f.limit).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  async insertRejects(tx: Executor, rows: Insertable<BatchRejectRow>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await q(tx).insertInto('catalog_batch_rejects').values(rows.slice(i, i + 500)).execute();
  }

  async listRejects(db: Executor, batchId: number, offset: number, limit: number): Promise<{ rows: Selectable<BatchRejectRow>[]; total: number }> {
    const base = q(db).selectFrom('catalog_batch_rejects').where('batch_id', '=', batchId);
    const [rows, total] = await Promise.all([
      base.selectAll().orderBy('id').offset(offset).limit(limit).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  // ---- the store -------------------------------------------------------------------------------

  /**
   * Inserts or replaces rows by (dataset, key). One statement per chunk, with the chunk passed as one
   * JSON document of [key, record] pairs (PostgreSQL: json_array_elements, whose `->` on the `json`
   * type keeps the record's text as written; SQLite: json_each, whose json_extract of an object gives
   * its JSON text), so a large load binds a few parameters per chunk and serialises each chunk once.
   * (PostgreSQL took two text arrays before: node-postgres escapes every element of an array, which
   * cost this process four times the CPU of one JSON.stringify.)
   */
  async upsertRows(tx: Executor, datasetId: number, batchId: number, rows: { key: string; record: object }[]): Promise<void> {
    const pgDialect = dialectOf(tx) === 'postgres';
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      const chunk = rows.slice(i, i + UPSERT_CHUNK);
      if (pgDialect) {
        await sql`INSERT INTO catalog_rows (dataset_id, row_key, payload, batch_id)
          SELECT ${datasetId}, j.v->>0, (j.v->1)::text, ${batchId} FROM json_array_elements(${JSON.stringify(chunk.map((r) => [r.key, r.record]))}::json) AS j(v)
          ON CONFLICT (dataset_id, row_key) DO UPDATE SET payload = excluded.payload, batch_id = excluded.batch_id`.execute(tx);
      } else {
        await sql`INSERT INTO catalog_rows (dataset_id, row_key, payload, batch_id)
          SELECT ${datasetId}, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), ${batchId} FROM json_each(${JSON.stringify(chunk.map((r) => [r.key, r.record]))}) AS j WHERE true
          ON CONFLICT (dataset_id, row_key) DO UPDATE SET payload = excluded.payload, batch_id = excluded.batch_id`.execute(tx);
      }
    }
  }

  async countRows(db: Executor, datasetId: number): Promise<number> {
    const r = await q(db).selectFrom('catalog_rows').select((eb) => eb.fn.countAll<number>().as('n')).where('dataset_id', '=', datasetId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The stored row under a key: the exchange's data API runs this for every lookup, so it is compiled once. */
  async rowByKey(db: Executor, datasetId: number, key: string): Promise<StoredRow | undefined> {
    return (await rowByKeyQuery(db, [datasetId, key])).rows[0];
  }

  /** Rows in key order after `afterKey` (keyset pagination). */
  async rowsAfter(db: Executor, datasetId: number, afterKey: string | null, limit: number): Promise<StoredRow[]> {
    let query = q(db).selectFrom('catalog_rows').selectAll().where('dataset_id', '=', datasetId);
    if (afterKey !== null) query = query.where('row_key', '>', afterKey);
    return query.orderBy('row_key').limit(limit).execute();
  }

  // ---- sources ---------------------------------------------------------------------------------

  async insertSource(tx: Executor, row: Insertable<SourceRow>): Promise<number> {
    return (await q(tx).insertInto('catalog_sources').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  async sourceById(db: Executor, id: number): Promise<Source | undefined> {
    return q(db).selectFrom('catalog_sources').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async sourcesOf(db: Executor, datasetId: number): Promise<Source[]> {
    return q(db).selectFrom('catalog_sources').selectAll().where('dataset_id', '=', datasetId).orderBy('id').execute();
  }

  async enabledSources(db: Executor): Promise<Source[]> {
    return q(db).selectFrom('catalog_sources').selectAll().where('enabled', '=', 1).orderBy('id').execute();
  }

  async updateSource(tx: Executor, id: number, patch: Updateable<SourceRow>): Promise<void> {
    await q(tx).updateTable('catalog_sources').set(patch).where('id', '=', id).execute();
  }

  // ---- quality issues --------------------------------------------------------------------------

  async insertIssues(tx: Executor, rows: Insertable<QualityIssueRow>[]): Promise<number[]> {
    if (!rows.length) return [];
    return (await q(tx).insertInto('catalog_quality_issues').values(rows).returning('id').execute()).map((r) => r.id);
  }

  async issueById(db: Executor, id: number): Promise<QualityIssue | undefined> {
    return q(db).selectFrom('catalog_quality_issues').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listIssues(
    db: Executor,
    f: { orgId?: number | undefined; datasetId?: number | undefined; status?: string | undefined; rule?: string | undefined; offset: number; limit: number },
  ): Promise<{ rows: QualityIssue[]; total: number }> {
    let query = q(db).selectFrom('catalog_quality_issues');
    if (f.orgId !== undefined) query = query.where('org_id', '=', f.orgId);
    if (f.datasetId !== undefined) query = query.where('dataset_id', '=', f.datasetId);
    if (f.status) query = query.where('status', '=', f.status);
    if (f.rule) query = query.where('rule', '=', f.rule);
    const [rows, total] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').offset(f.offset).limit(f.limit).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  async updateIssue(tx: Executor, id: number, patch: Updateable<QualityIssueRow>): Promise<void> {
    await q(tx).updateTable('catalog_quality_issues').set(patch).where('id', '=', id).execute();
  }
}
