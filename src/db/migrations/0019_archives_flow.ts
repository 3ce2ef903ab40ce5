import { type MigrationDb, withId } from './_columns.ts';

/**
 * Archives, second slice: the collectors' watermarks and failures (online archiving of closed cases,
 * certificates and clearances), disposal proposals (鉴定销毁) with their action log, and tombstones on
 * destroyed records. Also an index on services_cases (closed_at, id) so the collector reads the cases
 * closed since its watermark as one index range.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('archives_collect_cursors')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('cursor_at', 'text', (c) => c.notNull())
    .addColumn('cursor_ref', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('archives_collect_failures')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('archives_collect_failures_pk', ['source', 'source_ref'])
    .execute();
  await db.schema.createIndex('services_cases_closed').on('services_cases').columns(['closed_at', 'id']).execute();

  await withId(db, db.schema.createTable('archives_disposals'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposer_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('destroyed_at', 'text')
    // The destruction record (itself an archive record, 永久) and when the bags' blobs were removed.
    .addColumn('destruction_record_id', 'integer')
    .addColumn('purged_at', 'text')
    .execute();
  await db.schema.createIndex('archives_disposals_state').on('archives_disposals').columns(['state', 'id']).execute();
  await withId(db, db.schema.createTable('archives_disposal_items'))
    .addColumn('disposal_id', 'integer', (c) => c.notNull().references('archives_disposals.id'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('archives_records.id'))
    .execute();
  await db.schema.createIndex('archives_disposal_items_disposal').on('archives_disposal_items').columns(['disposal_id', 'record_id']).unique().execute();
  await db.schema.createIndex('archives_disposal_items_record').on('archives_disposal_items').columns(['record_id']).execute();
  await withId(db, db.schema.createTable('archives_disposal_actions'))
    .addColumn('disposal_id', 'integer', (c) => c.notNull().references('archives_disposals.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_disposal_actions_disposal').on('archives_disposal_actions').columns(['disposal_id', 'id']).execute();

  // A destroyed record stays as a tombstone: its rows, 档号 and 件号 are kept, its bags are gone.
  await db.schema.alterTable('archives_records').addColumn('destroyed_at', 'text').execute();
  await db.schema.alterTable('archives_records').addColumn('disposal_id', 'integer').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('archives_records').dropColumn('disposal_id').execute();
  await db.schema.alterTable('archives_records').dropColumn('destroyed_at').execute();
  for (const t of ['archives_disposal_actions', 'archives_disposal_items', 'archives_disposals', 'archives_collect_failures', 'archives_collect_cursors']) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('services_cases_closed').execute();
}
