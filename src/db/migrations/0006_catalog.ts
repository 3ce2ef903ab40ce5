import { sql } from 'kysely';
import { type MigrationDb, bigintType, isPostgres, withId } from './_columns.ts';

/**
 * The public data foundation (公共数据底座): the dataset catalog (DCAT 3) with its versions and
 * action log, the data items each dataset claims (一数一源), load batches with their rejects, the
 * rows themselves keyed by the dataset's key fields, database sources pulled on a schedule, and
 * quality issues assigned back to the owning department.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('catalog_datasets'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('identifier', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('grade_confirmed_at', 'text')
    .addColumn('sharing_type', 'text', (c) => c.notNull())
    .addColumn('opening_type', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('row_count', bigintType(db), (c) => c.notNull())
    .addColumn('last_loaded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('catalog_datasets_org').on('catalog_datasets').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('catalog_datasets_state').on('catalog_datasets').columns(['state', 'opening_type']).execute();

  await withId(db, db.schema.createTable('catalog_dataset_versions'))
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('catalog_datasets.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_dataset_versions_uq', ['dataset_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('catalog_dataset_actions'))
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('catalog_datasets.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_dataset_actions_ds').on('catalog_dataset_actions').columns(['dataset_id', 'id']).execute();

  // 一数一源: which dataset claims which data item (item code, or the normalised field meaning).
  await db.schema
    .createTable('catalog_data_items')
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('catalog_datasets.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_data_items_pk', ['item_key', 'dataset_id'])
    .execute();
  await db.schema.createIndex('catalog_data_items_ds').on('catalog_data_items').column('dataset_id').execute();

  await withId(db, db.schema.createTable('catalog_batches'))
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('catalog_datasets.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('rows_read', bigintType(db), (c) => c.notNull())
    .addColumn('rows_loaded', bigintType(db), (c) => c.notNull())
    .addColumn('rows_rejected', bigintType(db), (c) => c.notNull())
    .addColumn('quality', 'text')
    .addColumn('error', 'text')
    .addColumn('job_id', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('catalog_batches_ds').on('catalog_batches').columns(['dataset_id', 'id']).execute();

  await withId(db, db.schema.createTable('catalog_batch_rejects'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('catalog_batches.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_batch_rejects_b').on('catalog_batch_rejects').columns(['batch_id', 'id']).execute();

  // The store: one row per key of a dataset, the record as canonical JSON.
  if (isPostgres(db)) {
    await sql`CREATE TABLE catalog_rows (
      dataset_id bigint NOT NULL,
      row_key text NOT NULL,
      payload text NOT NULL,
      batch_id bigint NOT NULL,
      PRIMARY KEY (dataset_id, row_key)
    )`.execute(db);
  } else {
    await sql`CREATE TABLE catalog_rows (
      dataset_id integer NOT NULL,
      row_key text NOT NULL,
      payload text NOT NULL,
      batch_id integer NOT NULL,
      PRIMARY KEY (dataset_id, row_key)
    ) WITHOUT ROWID`.execute(db);
  }

  await withId(db, db.schema.createTable('catalog_sources'))
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('catalog_datasets.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('change_column', 'text', (c) => c.notNull())
    .addColumn('every_minutes', 'integer', (c) => c.notNull())
    .addColumn('watermark', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('catalog_quality_issues'))
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('catalog_datasets.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('batch_id', 'integer')
    .addColumn('field', 'text')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('count', bigintType(db), (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('catalog_quality_issues_org').on('catalog_quality_issues').columns(['org_id', 'status', 'id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of [
    'catalog_quality_issues',
    'catalog_sources',
    'catalog_rows',
    'catalog_batch_rejects',
    'catalog_batches',
    'catalog_data_items',
    'catalog_dataset_actions',
    'catalog_dataset_versions',
    'catalog_datasets',
  ])
    await db.schema.dropTable(t).execute();
}
