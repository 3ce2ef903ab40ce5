import { type MigrationDb, withId } from './_columns.ts';

/**
 * Service-hall accounts (issue 7): the identity document behind each citizen or company sign-up and
 * every verification attempt against the national interface. The number itself is stored only as a
 * keyed hash (uniqueness), a masked form (display) and an SM4-sealed copy (prefill inside the server).
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('services_accounts'))
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text', (c) => c.notNull().unique())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('id_sealed', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('verification_reason', 'text')
    .addColumn('verification_reference', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_accounts_verification').on('services_accounts').columns(['verification', 'last_attempt_at']).execute();

  await withId(db, db.schema.createTable('services_account_checks'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('services_accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('services_account_checks_account').on('services_account_checks').columns(['account_id', 'id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['services_account_checks', 'services_accounts']) await db.schema.dropTable(t).execute();
}
