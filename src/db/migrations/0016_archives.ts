import { type MigrationDb, bigintType, withId } from './_columns.ts';

/**
 * Electronic archives (电子档案): records with their 档号 and gap-free 件号 counters per series, versions
 * (a correction is a new version; the old one stays), the files of each version's BagIt package,
 * PREMIS-style events (ingestion, fixity checks, transfers) and fixity alerts.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('archives_series')
    .addColumn('series_key', 'text', (c) => c.primaryKey())
    .addColumn('last_item', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('archives_records'))
    .addColumn('archival_code', 'text', (c) => c.notNull().unique())
    .addColumn('series_key', 'text', (c) => c.notNull())
    .addColumn('fonds', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('item_no', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'integer')
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_records_source').on('archives_records').columns(['source', 'source_ref']).unique().execute();
  await db.schema.createIndex('archives_records_series').on('archives_records').columns(['series_key', 'item_no']).unique().execute();
  await db.schema.createIndex('archives_records_filter').on('archives_records').columns(['category', 'year', 'retention']).execute();

  await withId(db, db.schema.createTable('archives_versions'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('archives_records.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('bag_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('doc_date', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text')
    .addColumn('case_ref', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('payload_bytes', bigintType(db), (c) => c.notNull())
    .addColumn('tag_files', 'text', (c) => c.notNull())
    .addColumn('check_result', 'text', (c) => c.notNull())
    .addColumn('check_report', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('fixity_checked_at', 'text', (c) => c.notNull())
    .addColumn('fixity_status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_versions_record').on('archives_versions').columns(['record_id', 'version']).unique().execute();
  await db.schema.createIndex('archives_versions_fixity').on('archives_versions').columns(['fixity_checked_at']).execute();

  await withId(db, db.schema.createTable('archives_files'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('archives_versions.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('size', bigintType(db), (c) => c.notNull())
    .addColumn('sha512', 'text', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_files_version').on('archives_files').columns(['version_id', 'path']).unique().execute();

  await withId(db, db.schema.createTable('archives_events'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('archives_records.id'))
    .addColumn('version_id', 'integer')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('agent', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_events_record').on('archives_events').columns(['record_id', 'id']).execute();

  await withId(db, db.schema.createTable('archives_alerts'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('archives_records.id'))
    .addColumn('version_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_alerts_at').on('archives_alerts').columns(['at']).execute();

  // 借阅: a department's request to use another's record (purpose, period), decided by the archive.
  await withId(db, db.schema.createTable('archives_loans'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('archives_records.id'))
    .addColumn('requester_org_id', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_loans_requester').on('archives_loans').columns(['requester_org_id', 'record_id']).execute();
  await withId(db, db.schema.createTable('archives_loan_actions'))
    .addColumn('loan_id', 'integer', (c) => c.notNull().references('archives_loans.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_org_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_loan_actions_loan').on('archives_loan_actions').columns(['loan_id', 'id']).execute();

  // Every view and download of a record (the "calls" of the usage statistics).
  await withId(db, db.schema.createTable('archives_access'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('archives_records.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer')
    .addColumn('loan_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('archives_access_record').on('archives_access').columns(['record_id', 'at']).execute();
  await db.schema.createIndex('archives_access_at').on('archives_access').columns(['at']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['archives_access', 'archives_loan_actions', 'archives_loans', 'archives_alerts', 'archives_events', 'archives_files', 'archives_versions', 'archives_records', 'archives_series']) await db.schema.dropTable(t).execute();
}
