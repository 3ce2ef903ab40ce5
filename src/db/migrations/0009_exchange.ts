import { type MigrationDb, bigintType, withId } from './_columns.ts';

/**
 * The data exchange (数据即时互通): grants of a dataset to a consumer department with their action log
 * and credentials, the evidence log of every lookup (hash-chained, one head row that every flush
 * locks), the signed batches that seal runs of evidence records, and monthly usage counters.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('exchange_grants'))
    .addColumn('dataset_id', 'integer', (c) => c.notNull())
    .addColumn('owner_org_id', 'integer', (c) => c.notNull())
    .addColumn('consumer_org_id', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('clear_fields', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_grants_consumer').on('exchange_grants').columns(['consumer_org_id', 'id']).execute();
  await db.schema.createIndex('exchange_grants_owner').on('exchange_grants').columns(['owner_org_id', 'id']).execute();

  await withId(db, db.schema.createTable('exchange_grant_actions'))
    .addColumn('grant_id', 'integer', (c) => c.notNull().references('exchange_grants.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_org_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_grant_actions_grant').on('exchange_grant_actions').columns(['grant_id', 'id']).execute();

  await withId(db, db.schema.createTable('exchange_credentials'))
    .addColumn('grant_id', 'integer', (c) => c.notNull().references('exchange_grants.id'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('exchange_credentials_grant').on('exchange_credentials').columns(['grant_id']).execute();

  await db.schema
    .createTable('exchange_evidence')
    .addColumn('seq', bigintType(db), (c) => c.primaryKey())
    .addColumn('tx_id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('consumer_org_id', 'integer', (c) => c.notNull())
    .addColumn('dataset_id', 'integer', (c) => c.notNull())
    .addColumn('grant_id', 'integer', (c) => c.notNull())
    .addColumn('credential_id', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_hash', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_evidence_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', bigintType(db), (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('exchange_evidence_head').values({ id: 1, last_seq: 0, last_hash: '0'.repeat(64) }).execute();

  await withId(db, db.schema.createTable('exchange_batches'))
    .addColumn('first_seq', bigintType(db), (c) => c.notNull().unique())
    .addColumn('last_seq', bigintType(db), (c) => c.notNull())
    .addColumn('merkle_root', 'text', (c) => c.notNull())
    .addColumn('chain_head', 'text', (c) => c.notNull())
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_usage')
    .addColumn('consumer_org_id', 'integer', (c) => c.notNull())
    .addColumn('dataset_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'integer', (c) => c.notNull())
    .addColumn('allowed', bigintType(db), (c) => c.notNull())
    .addColumn('denied', bigintType(db), (c) => c.notNull())
    .addColumn('not_found', bigintType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_usage_pk', ['consumer_org_id', 'dataset_id', 'month'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['exchange_usage', 'exchange_batches', 'exchange_evidence_head', 'exchange_evidence', 'exchange_credentials', 'exchange_grant_actions', 'exchange_grants'])
    await db.schema.dropTable(t).execute();
}
