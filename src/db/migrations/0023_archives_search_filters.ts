import { sql } from 'kysely';
import { type MigrationDb, isPostgres } from './_columns.ts';

/**
 * Archive search on PostgreSQL (issue 9): the filter columns of a record copied into its index row
 * (`archives_search`: 全宗, category, year, retention, 机构, owning department), with B-tree indexes
 * ending in minus the record id, so a filtered search walks its slice newest first on ONE table and checks
 * the tsvector of the row it is on (0020 walked `archives_records` and joined every row to its index
 * row); `(doc_date, record_id)` for a date range without other filters. And two pair tokens in the
 * tsvector — `_cy_<category>_<year>` and `_or_<owner>_<retention>` — so the GIN fallback of a filtered
 * search intersects the words with one posting list the size of the slice instead of two lists of
 * hundreds of thousands of entries each. The values are copied from `archives_records` (never edited
 * in place); the search index writes them with every entry. SQLite is unchanged: FTS5 intersects the
 * single filter tokens cheaply.
 */
export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`ALTER TABLE archives_search ADD COLUMN fonds text, ADD COLUMN category text, ADD COLUMN year integer, ADD COLUMN retention text, ADD COLUMN org_code text, ADD COLUMN owner_org_id bigint`.execute(db);
  await sql`UPDATE archives_search s SET fonds = r.fonds, category = r.category, year = r.year, retention = r.retention, org_code = r.org_code, owner_org_id = r.owner_org_id,
      tokens = s.tokens || array_to_tsvector(array_remove(ARRAY['_cy_' || lower(r.category) || '_' || r.year::text, '_or_' || r.owner_org_id::text || '_' || lower(r.retention)], NULL))
    FROM archives_records r WHERE r.id = s.record_id`.execute(db);
  // The slice keys end in MINUS the record id: walking a slice newest first is then an ascending scan
  // of its own index that no other index can offer — with `record_id DESC` the planner prefers the
  // primary key (its heap order is the id order) and filters half the table to find a slice's rows.
  for (const [name, cols] of INDEXES) await sql`CREATE INDEX ${sql.ref(name)} ON archives_search (${sql.raw(cols)})`.execute(db);
}

const INDEXES: [string, string][] = [
  ['archives_search_cat_year_id', 'category, year, (- record_id)'],
  ['archives_search_cat_id', 'category, (- record_id)'],
  ['archives_search_year_id', 'year, (- record_id)'],
  ['archives_search_owner_id', 'owner_org_id, (- record_id)'],
  ['archives_search_owner_ret_id', 'owner_org_id, retention, (- record_id)'],
  // A date range: its keys read whole (index only), the newest `n` of them sorted out.
  ['archives_search_date_id', 'doc_date, record_id'],
];

export async function down(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
  await sql`UPDATE archives_search SET tokens = ts_delete(tokens, ARRAY(SELECT t FROM unnest(tsvector_to_array(tokens)) t WHERE t LIKE '\_cy\_%' OR t LIKE '\_or\_%'))`.execute(db);
  await sql`ALTER TABLE archives_search DROP COLUMN fonds, DROP COLUMN category, DROP COLUMN year, DROP COLUMN retention, DROP COLUMN org_code, DROP COLUMN owner_org_id`.execute(db);
}
