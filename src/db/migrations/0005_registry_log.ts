import { type MigrationDb, bigintType, blobType, withId } from './_columns.ts';

/**
 * The registry transparency log (RFC 9162 with SM3): leaves by dense index, the hashes of complete
 * subtrees by in-order position, one head row that every append locks, and signed checkpoints.
 * On SQLite `idx` and `pos` are integer primary keys, i.e. the row ids themselves.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('registry_log_leaves')
    .addColumn('idx', bigintType(db), (c) => c.primaryKey())
    .addColumn('leaf_hash', blobType(db), (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('appended_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('registry_log_nodes')
    .addColumn('pos', bigintType(db), (c) => c.primaryKey())
    .addColumn('hash', blobType(db), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('registry_log_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('tree_size', bigintType(db), (c) => c.notNull())
    .addColumn('frontier', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('registry_log_head').values({ id: 1, tree_size: 0, frontier: '', updated_at: new Date().toISOString() }).execute();

  await withId(db, db.schema.createTable('registry_log_checkpoints'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('tree_size', bigintType(db), (c) => c.notNull().unique())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['registry_log_checkpoints', 'registry_log_head', 'registry_log_nodes', 'registry_log_leaves']) await db.schema.dropTable(t).execute();
}
