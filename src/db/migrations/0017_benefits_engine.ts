import { type MigrationDb, bigintType, withId } from './_columns.ts';

/**
 * Proactive benefits (免申即享), the engine half: source batches with their provenance, per-row rejects, the
 * records (subject keyed hash + masked id + name, never the clear number; `current` = 0 once a later batch of the
 * same kind and department supersedes it), policies with their versions, matching runs and one result per subject.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('benefits_batches'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('source_system', 'text')
    .addColumn('filename', 'text')
    .addColumn('sm3', 'text')
    .addColumn('bytes', bigintType(db))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_loaded', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addColumn('rows_superseding', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('benefits_batches_kind').on('benefits_batches').columns(['kind', 'org_id', 'id']).execute();

  await withId(db, db.schema.createTable('benefits_rejects'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('benefits_batches.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('benefits_rejects_batch').on('benefits_rejects').columns(['batch_id', 'row_no']).execute();

  await withId(db, db.schema.createTable('benefits_records'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('benefits_batches.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('masked_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('superseded_by', 'integer')
    .execute();
  await db.schema.createIndex('benefits_records_batch').on('benefits_records').columns(['batch_id', 'row_no']).execute();
  await db.schema.createIndex('benefits_records_supersede').on('benefits_records').columns(['kind', 'org_id', 'record_key', 'current']).execute();
  await db.schema.createIndex('benefits_records_subject').on('benefits_records').columns(['current', 'subject_key', 'kind']).execute();
  await db.schema.createIndex('benefits_records_period').on('benefits_records').columns(['kind', 'year', 'current', 'subject_key']).execute();

  await db.schema
    .createTable('benefits_policies')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('benefits_policy_versions'))
    .addColumn('policy_key', 'text', (c) => c.notNull().references('benefits_policies.key'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('benefits_policy_versions_key').on('benefits_policy_versions').columns(['policy_key', 'version']).unique().execute();

  await withId(db, db.schema.createTable('benefits_runs'))
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('funding_org_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('job_id', 'integer')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('subjects', 'integer', (c) => c.notNull())
    .addColumn('eligible', 'integer', (c) => c.notNull())
    .addColumn('ineligible', 'integer', (c) => c.notNull())
    .addColumn('total_fen', bigintType(db), (c) => c.notNull())
    .addColumn('offered', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('benefits_runs_policy').on('benefits_runs').columns(['policy_key', 'id']).execute();

  await withId(db, db.schema.createTable('benefits_run_results'))
    .addColumn('run_id', 'integer', (c) => c.notNull().references('benefits_runs.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('masked_id', 'text', (c) => c.notNull())
    .addColumn('has_account', 'integer', (c) => c.notNull())
    .addColumn('eligible', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', bigintType(db), (c) => c.notNull())
    .addColumn('clauses', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('figures', 'text')
    .execute();
  await db.schema.createIndex('benefits_run_results_subject').on('benefits_run_results').columns(['run_id', 'subject_key']).unique().execute();
  await db.schema.createIndex('benefits_run_results_eligible').on('benefits_run_results').columns(['run_id', 'eligible', 'subject_key']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['benefits_run_results', 'benefits_runs', 'benefits_policy_versions', 'benefits_policies', 'benefits_records', 'benefits_rejects', 'benefits_batches']) await db.schema.dropTable(t).execute();
}
