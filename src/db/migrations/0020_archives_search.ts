import { sql } from 'kysely';
import { type MigrationDb, isPostgres } from './_columns.ts';

/**
 * Archive search: the materialised 档号 path of every record (全宗/门类/年度/保管期限/机构/件号, so a
 * branch of the hierarchy is an index range, no nested sets) and the full-text index over metadata and
 * extracted text. The text is segmented by the application (jieba, search mode) before it gets here;
 * the database only stores and intersects the tokens: an FTS5 table on SQLite (contentless, rowid =
 * MINUS the record id, so FTS5's forward walk is newest first), a tsvector with a GIN index on PostgreSQL. Filters (category, year, retention, 机构,
 * owning department, month of the date) are tokens of the same index (`_c_hy`, `_y_2026`, `_m_202603`, …), so on SQLite a filtered search is one
 * index intersection; on PostgreSQL a filtered search walks B-tree keys of archives_records (category/year/owner, then id) and checks
 * the tsvector, the tokens serve the GIN fallback. `archives_search` keeps what a result line and the date-range filter need.
 */
export async function up(db: MigrationDb): Promise<void> {
  const pg = isPostgres(db);
  await sql`ALTER TABLE archives_records ADD COLUMN path text ${pg ? sql`COLLATE "C"` : sql``}`.execute(db);
  // Existing records: the path from the 档号 parts (件号 zero-padded to 6 digits so a series sorts by it).
  await sql`UPDATE archives_records SET path = fonds || '/' || category || '/' || ${pg ? sql`year::text` : sql`year`} || '/' || retention || '/' || org_code || '/' || ${pg ? sql`lpad(item_no::text, 6, '0')` : sql`printf('%06d', item_no)`}`.execute(db);
  await db.schema.createIndex('archives_records_path').on('archives_records').column('path').unique().execute();

  await db.schema
    .createTable('archives_search')
    .addColumn('record_id', pg ? 'bigint' : 'integer', (c) => c.primaryKey().references('archives_records.id'))
    .addColumn('version_id', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('doc_date', 'text', (c) => c.notNull())
    /** The indexed text (metadata, then extracted text; cut at 4,000 characters) for snippets. */
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();

  if (pg) {
    await sql`ALTER TABLE archives_search ADD COLUMN tokens tsvector NOT NULL`.execute(db);
    await sql`CREATE INDEX archives_search_tokens ON archives_search USING gin (tokens)`.execute(db);
    // The filters as B-tree keys ending in the id: a filtered search walks its slice newest first and
    // checks the tsvector, instead of intersecting GIN posting lists of hundreds of thousands of rows.
    await db.schema.createIndex('archives_records_cat_year_id').on('archives_records').columns(['category', 'year', 'id']).execute();
    await db.schema.createIndex('archives_records_cat_id').on('archives_records').columns(['category', 'id']).execute();
    await db.schema.createIndex('archives_records_year_id').on('archives_records').columns(['year', 'id']).execute();
    await db.schema.createIndex('archives_records_owner_id').on('archives_records').columns(['owner_org_id', 'id']).execute();
    await db.schema.createIndex('archives_records_owner_ret_id').on('archives_records').columns(['owner_org_id', 'retention', 'id']).execute();
  } else {
    await sql`CREATE VIRTUAL TABLE archives_search_fts USING fts5(tokens, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 tokenchars '_'", detail=none)`.execute(db);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) await sql`DROP TABLE archives_search_fts`.execute(db);
  else for (const ix of ['archives_records_cat_year_id', 'archives_records_cat_id', 'archives_records_year_id', 'archives_records_owner_id', 'archives_records_owner_ret_id']) await db.schema.dropIndex(ix).execute();
  await db.schema.dropTable('archives_search').execute();
  await db.schema.dropIndex('archives_records_path').execute();
  await sql`ALTER TABLE archives_records DROP COLUMN path`.execute(db);
}
