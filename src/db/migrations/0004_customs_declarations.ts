import { type MigrationDb, bigintType, withId } from './_columns.ts';

/**
 * Outbound data declarations (出境申报), their append-only action log (the workflow state is derived
 * from it; `state` is a projection kept in the same transaction for listing), and the clearances
 * (通关凭证) issued on approval.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('customs_declarations'))
    .addColumn('no', 'text', (c) => c.notNull().unique())
    .addColumn('exporter_org_id', bigintType(db), (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    /** JSON: the declared transfer (recipient, purpose, industry, scenario, data, measures, flags). */
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_blob_key', 'text')
    .addColumn('source_filename', 'text')
    .addColumn('source_bytes', bigintType(db))
    .addColumn('source_sm3', 'text')
    /** A database source's URL (with its password), SM4-sealed; the form keeps it redacted. */
    .addColumn('source_secret', 'text')
    .addColumn('scan_job_id', bigintType(db))
    /** JSON: column labels, grade, persons, derived list items (set by the scan job). */
    .addColumn('analysis', 'text')
    /** Blob key of the keyed person hashes of a full upload (33-byte records), for the ledger. */
    .addColumn('persons_blob_key', 'text')
    /** JSON: the proposed decision (assess output + the scenario it was made on). */
    .addColumn('decision', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customs_declarations_org').on('customs_declarations').columns(['exporter_org_id', 'created_at']).execute();
  await db.schema.createIndex('customs_declarations_state').on('customs_declarations').columns(['state', 'created_at']).execute();

  await withId(db, db.schema.createTable('customs_declaration_actions'))
    .addColumn('declaration_id', bigintType(db), (c) => c.notNull().references('customs_declarations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('comment', 'text')
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customs_declaration_actions_seq', ['declaration_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('customs_clearances'))
    .addColumn('no', 'text', (c) => c.notNull().unique())
    .addColumn('declaration_id', bigintType(db), (c) => c.notNull().unique().references('customs_declarations.id'))
    .addColumn('exporter_org_id', bigintType(db), (c) => c.notNull())
    /** The signed document exactly as issued (JSON text). */
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_reason', 'text')
    .execute();

  // The classification catalog and the free-trade-zone lists as the bureau edits them: each
  // publication is a new row (never updated), the newest of a kind is in force.
  await withId(db, db.schema.createTable('customs_reference_versions'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customs_reference_versions_kind_version', ['kind', 'version'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['customs_reference_versions', 'customs_clearances', 'customs_declaration_actions', 'customs_declarations']) await db.schema.dropTable(t).execute();
}
