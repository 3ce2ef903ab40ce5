import { type MigrationDb, withId } from './_columns.ts';

/**
 * Benefits payouts (issue 8, 免申即享): one payout per (policy, subject, period) — the unique key that
 * keeps a re-run match from paying anyone twice — with its append-only action log (the state is the fold
 * of the log; the payout row is its projection), and payment batches with one line per payout.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('benefits_payouts'))
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('funding_org_id', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('subject_masked', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('notified_at', 'text')
    .addColumn('bank_name', 'text')
    .addColumn('account_sealed', 'text')
    .addColumn('account_masked', 'text')
    .addColumn('account_name', 'text')
    .addColumn('consent_version', 'text')
    .addColumn('authorised_at', 'text')
    .addColumn('batch_id', 'integer')
    .addColumn('paid_at', 'text')
    .addColumn('paid_month', 'text')
    .addColumn('bank_reference', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('benefits_payouts_identity', ['policy_key', 'subject_key', 'period'])
    .execute();
  await db.schema.createIndex('benefits_payouts_subject').on('benefits_payouts').columns(['subject_key', 'id']).execute();
  await db.schema.createIndex('benefits_payouts_org_state').on('benefits_payouts').columns(['funding_org_id', 'state', 'id']).execute();
  await db.schema.createIndex('benefits_payouts_run').on('benefits_payouts').columns(['run_id', 'state']).execute();
  await db.schema.createIndex('benefits_payouts_state').on('benefits_payouts').columns(['state', 'id']).execute();

  await withId(db, db.schema.createTable('benefits_payout_actions'))
    .addColumn('payout_id', 'integer', (c) => c.notNull().references('benefits_payouts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('benefits_payout_actions_seq', ['payout_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('benefits_payment_batches'))
    .addColumn('batch_no', 'text', (c) => c.notNull().unique())
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('funding_org_id', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'integer', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .execute();
  await db.schema.createIndex('benefits_payment_batches_org').on('benefits_payment_batches').columns(['funding_org_id', 'id']).execute();

  await db.schema
    .createTable('benefits_payment_lines')
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('benefits_payment_batches.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('payout_id', 'integer', (c) => c.notNull().references('benefits_payouts.id'))
    .addColumn('payee_name', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('account_sealed', 'text', (c) => c.notNull())
    .addColumn('account_masked', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bank_reference', 'text')
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('benefits_payment_lines_pk', ['batch_id', 'line_no'])
    .execute();
  await db.schema.createIndex('benefits_payment_lines_payout').on('benefits_payment_lines').columns(['payout_id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('benefits_payment_lines').execute();
  await db.schema.dropTable('benefits_payment_batches').execute();
  await db.schema.dropTable('benefits_payout_actions').execute();
  await db.schema.dropTable('benefits_payouts').execute();
}
