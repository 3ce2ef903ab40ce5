import { type MigrationDb, withId } from './_columns.ts';

/**
 * The service item catalog (政务服务事项目录): every published version of the whole catalog (canonical
 * JSON, SM3), and a denormalised row per item of the version in force for search and paging, replaced
 * in the transaction that publishes a version.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('services_item_versions'))
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('services_item_index')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('taiwan', 'integer', (c) => c.notNull())
    .addColumn('promised_days', 'integer')
    .addColumn('statutory_days', 'integer')
    .addColumn('visits', 'integer')
    .addColumn('name_zh_cn', 'text', (c) => c.notNull())
    .addColumn('name_zh_tw', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_item_index_position').on('services_item_index').columns(['level', 'position']).execute();
  await db.schema.createIndex('services_item_index_area').on('services_item_index').columns(['area', 'level', 'position']).execute();
  await db.schema.createIndex('services_item_index_department').on('services_item_index').columns(['department_code', 'level', 'position']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('services_item_index').execute();
  await db.schema.dropTable('services_item_versions').execute();
}
