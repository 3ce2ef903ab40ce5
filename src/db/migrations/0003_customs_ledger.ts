import { sql } from 'kysely';
import { type MigrationDb, bigintType, isPostgres } from './_columns.ts';

/**
 * The person ledger of the data customs (出境个人信息累计台账): per exporter and calendar year, each
 * natural person already sent abroad, under a keyed hash (32 raw bytes, not hex), and whether any of
 * their data was sensitive. `customs_ledger_totals` keeps the counts so reading them is O(1).
 */
export async function up(db: MigrationDb): Promise<void> {
  // Primary key = the only access path; on SQLite WITHOUT ROWID stores the rows in that B-tree itself.
  if (isPostgres(db)) {
    await sql`CREATE TABLE customs_ledger_persons (
      exporter_id bigint NOT NULL,
      year integer NOT NULL,
      person_hash bytea NOT NULL,
      sensitive integer NOT NULL,
      first_declaration_id bigint NOT NULL,
      first_at text NOT NULL,
      PRIMARY KEY (exporter_id, year, person_hash)
    )`.execute(db);
  } else {
    await sql`CREATE TABLE customs_ledger_persons (
      exporter_id integer NOT NULL,
      year integer NOT NULL,
      person_hash blob NOT NULL,
      sensitive integer NOT NULL,
      first_declaration_id integer NOT NULL,
      first_at text NOT NULL,
      PRIMARY KEY (exporter_id, year, person_hash)
    ) WITHOUT ROWID`.execute(db);
  }

  await db.schema
    .createTable('customs_ledger_totals')
    .addColumn('exporter_id', bigintType(db), (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('persons', bigintType(db), (c) => c.notNull())
    .addColumn('sensitive', bigintType(db), (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customs_ledger_totals_pk', ['exporter_id', 'year'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['customs_ledger_totals', 'customs_ledger_persons']) await db.schema.dropTable(t).execute();
}
