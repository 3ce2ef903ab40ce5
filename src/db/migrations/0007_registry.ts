import { type MigrationDb, bigintType, withId } from './_columns.ts';

/**
 * The data property registry (数据产权登记): applications and their append-only action log,
 * registrations (the property units with their registration numbers), certificates, pledges,
 * transfers and licences, objections, attachments, number sequences, and public data authorised
 * operation (公共数据授权运营). The transparency log has its own tables (0005).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('registry_sequences')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', bigintType(db), (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('registry_authorisations'))
    .addColumn('implementing_body', 'text', (c) => c.notNull())
    .addColumn('operator_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('operator_name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('agreement_ref', 'text', (c) => c.notNull())
    .addColumn('agreement_sm3', 'text')
    .addColumn('fee_cap', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('registry_registrations'))
    .addColumn('registration_no', 'text', (c) => c.notNull().unique())
    .addColumn('book', 'text', (c) => c.notNull())
    .addColumn('holder_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('data_name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('data_sm3', 'text', (c) => c.notNull())
    .addColumn('rights', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('suspended_reason', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('authorisation_id', 'integer', (c) => c.references('registry_authorisations.id'))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_registrations_holder').on('registry_registrations').column('holder_org_id').execute();
  await db.schema.createIndex('registry_registrations_sm3').on('registry_registrations').column('data_sm3').execute();

  await withId(db, db.schema.createTable('registry_applications'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('book', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'integer', (c) => c.references('registry_registrations.id'))
    .addColumn('holder_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('data_name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('data_sm3', 'text')
    .addColumn('data_hash_source', 'text')
    .addColumn('sample', 'text')
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('authorisation_id', 'integer', (c) => c.references('registry_authorisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('config_version', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_applications_holder').on('registry_applications').column('holder_org_id').execute();
  await db.schema.createIndex('registry_applications_status').on('registry_applications').column('status').execute();
  await db.schema.createIndex('registry_applications_sm3').on('registry_applications').column('data_sm3').execute();

  await withId(db, db.schema.createTable('registry_actions'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('registry_applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('log_index', bigintType(db))
    .addUniqueConstraint('registry_actions_seq', ['application_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('registry_attachments'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('registry_applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('size', bigintType(db), (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_attachments_app').on('registry_attachments').column('application_id').execute();

  await withId(db, db.schema.createTable('registry_objections'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('registry_applications.id'))
    .addColumn('objector_name', 'text', (c) => c.notNull())
    .addColumn('objector_contact', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('registry_objections_app').on('registry_objections').column('application_id').execute();

  await withId(db, db.schema.createTable('registry_certificates'))
    .addColumn('certificate_no', 'text', (c) => c.notNull().unique())
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registry_registrations.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('registry_applications.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('log_index', bigintType(db), (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_reason', 'text')
    .execute();
  await db.schema.createIndex('registry_certificates_reg').on('registry_certificates').column('registration_id').execute();

  await withId(db, db.schema.createTable('registry_pledges'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registry_registrations.id'))
    .addColumn('pledgee_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('pledgee_name', 'text', (c) => c.notNull())
    .addColumn('pledgor_name', 'text', (c) => c.notNull())
    .addColumn('amount_fen', bigintType(db), (c) => c.notNull())
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text', (c) => c.notNull())
    .addColumn('external_no', 'text')
    .addColumn('contract_sm3', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('log_index', bigintType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_pledges_reg').on('registry_pledges').column('registration_id').execute();

  await withId(db, db.schema.createTable('registry_transactions'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registry_registrations.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('registry_applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('to_org_id', 'integer', (c) => c.references('orgs.id'))
    .addColumn('to_name', 'text', (c) => c.notNull())
    .addColumn('rights', 'text', (c) => c.notNull())
    .addColumn('price_fen', bigintType(db), (c) => c.notNull())
    .addColumn('contract_sm3', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_transactions_reg').on('registry_transactions').column('registration_id').execute();

  await withId(db, db.schema.createTable('registry_auth_products'))
    .addColumn('authorisation_id', 'integer', (c) => c.notNull().references('registry_authorisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('price_fen', bigintType(db), (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('registry_auth_disclosures'))
    .addColumn('authorisation_id', 'integer', (c) => c.notNull().references('registry_authorisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('registry_auth_disclosures_once', ['authorisation_id', 'year', 'party'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of [
    'registry_auth_disclosures',
    'registry_auth_products',
    'registry_transactions',
    'registry_pledges',
    'registry_certificates',
    'registry_objections',
    'registry_attachments',
    'registry_actions',
    'registry_applications',
    'registry_registrations',
    'registry_authorisations',
    'registry_sequences',
  ])
    await db.schema.dropTable(t).execute();
}
