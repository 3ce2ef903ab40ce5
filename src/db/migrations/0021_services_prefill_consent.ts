import { type MigrationDb, withId } from './_columns.ts';

/**
 * Consent to prefill (数据授权, issue 6): before the service hall looks up a citizen's data through the
 * exchange for a form, the citizen consents — to which datasets (with their departments), which
 * fields, for which purpose and item, when. Consents and their revocations are append-only rows; every
 * prefill lookup made under a consent is a row naming the exchange transaction (its evidence) and the
 * request exactly as the evidence's request hash covers it.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('services_prefill_consents'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('datasets', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_prefill_consents_user').on('services_prefill_consents').columns(['user_id', 'item_code', 'id']).execute();

  await db.schema
    .createTable('services_prefill_consent_revocations')
    .addColumn('consent_id', 'integer', (c) => c.primaryKey().references('services_prefill_consents.id'))
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();

  await withId(db, db.schema.createTable('services_prefill_lookups'))
    .addColumn('consent_id', 'integer', (c) => c.notNull().references('services_prefill_consents.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'integer')
    .addColumn('tx_id', 'text', (c) => c.notNull().unique())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_prefill_lookups_consent').on('services_prefill_lookups').columns(['consent_id', 'id']).execute();
}
