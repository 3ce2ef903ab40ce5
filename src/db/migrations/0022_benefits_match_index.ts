import { type MigrationDb, isPostgres } from './_columns.ts';

/**
 * Matching runs (issue 8) read each source kind's current records of a year in subject-key order. SQLite keeps a
 * table's rows in load order, so reading them through benefits_records_period (kind, year, current, subject_key)
 * cost one random row lookup per record; benefits_records_match carries every column the run reads, so a page of
 * a kind is one ordered scan of the index. It has the same leading columns, so it replaces benefits_records_period
 * (the subject counts use it as well).
 *
 * PostgreSQL keeps benefits_records_period: a B-tree entry there is limited to about 2.7 kB, which a record's data
 * may exceed, and the reads the index would save are the server's, not the matching process's.
 */
export async function up(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema
    .createIndex('benefits_records_match')
    .on('benefits_records')
    .columns(['kind', 'year', 'current', 'subject_key', 'batch_id', 'row_no', 'org_id', 'masked_id', 'name', 'data'])
    .execute();
  await db.schema.dropIndex('benefits_records_period').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.createIndex('benefits_records_period').on('benefits_records').columns(['kind', 'year', 'current', 'subject_key']).execute();
  await db.schema.dropIndex('benefits_records_match').execute();
}
