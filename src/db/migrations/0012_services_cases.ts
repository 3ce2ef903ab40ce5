import { sql } from 'kysely';
import { type MigrationDb, bigintType, withId } from './_columns.ts';

/**
 * Applications and cases of the service hall (办件): process definitions as versioned data, the
 * cases with their append-only action log (the workflow state is folded from it; the columns
 * `state` … `deadline` and the task rows are a projection written in the same transaction), the
 * officers' inbox (tasks), attachments and the case-number counters.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('services_process_definitions'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    /** JSON: the validated definition. */
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('services_process_definitions_key_version', ['key', 'version'])
    .execute();

  await db.schema
    .createTable('services_case_sequences')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', bigintType(db), (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('services_cases'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_version', 'integer', (c) => c.notNull())
    /** JSON: the item's name in zh-CN, zh-TW and en as it was when the case started. */
    .addColumn('item_name', 'text', (c) => c.notNull())
    /** The item's (lead) department. */
    .addColumn('department_org_id', bigintType(db), (c) => c.notNull())
    .addColumn('process_key', 'text', (c) => c.notNull())
    .addColumn('process_version', 'integer', (c) => c.notNull())
    .addColumn('applicant_user_id', bigintType(db), (c) => c.notNull())
    .addColumn('applicant_org_id', bigintType(db))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    /** JSON: the form as submitted (or resubmitted). */
    .addColumn('form', 'text', (c) => c.notNull())
    /** JSON: field → { dataset, department, asOf } for every prefilled field. */
    .addColumn('prefill', 'text', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    // projection of fold(definition, actions)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_on', 'text')
    /** China date (YYYY-MM-DD): addWorkingDays(acceptance date, promised days). */
    .addColumn('deadline', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_cases_applicant').on('services_cases').columns(['applicant_user_id', 'id']).execute();
  // The overdue scan: one range over open cases ordered by deadline.
  await db.schema
    .createIndex('services_cases_open_deadline')
    .on('services_cases')
    .columns(['deadline', 'id'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  // One department's overdue list: the same range within the department.
  await db.schema
    .createIndex('services_cases_open_department_deadline')
    .on('services_cases')
    .columns(['department_org_id', 'deadline', 'id'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  await db.schema.createIndex('services_cases_dept_submitted').on('services_cases').columns(['department_org_id', 'submitted_on']).execute();
  await db.schema.createIndex('services_cases_dept_closed').on('services_cases').columns(['department_org_id', 'closed_on']).execute();

  await withId(db, db.schema.createTable('services_case_actions'))
    .addColumn('case_id', bigintType(db), (c) => c.notNull().references('services_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('task_node', 'text')
    /** JSON: { kind, id, orgId } of who acted (system for timers). */
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('services_case_actions_seq', ['case_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('services_case_tasks'))
    .addColumn('case_id', bigintType(db), (c) => c.notNull().references('services_cases.id'))
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('node', 'text', (c) => c.notNull())
    .addColumn('department_org_id', bigintType(db), (c) => c.notNull())
    .addColumn('assignee_user_id', bigintType(db))
    /** open | awaiting_applicant | done | cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('escalated', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('due_date', 'text')
    .addUniqueConstraint('services_case_tasks_node', ['case_id', 'node'])
    .execute();
  // The inbox: a department's tasks in one status, newest first (keyset on id). due_date last: the
  // "overdue" filter is checked in the index, not by reading every newer task row.
  await db.schema.createIndex('services_case_tasks_inbox').on('services_case_tasks').columns(['department_org_id', 'status', 'id', 'due_date']).execute();
  await db.schema.createIndex('services_case_tasks_number').on('services_case_tasks').columns(['case_number']).execute();

  await withId(db, db.schema.createTable('services_case_attachments'))
    .addColumn('case_id', bigintType(db), (c) => c.notNull().references('services_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', bigintType(db), (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_case_attachments_case').on('services_case_attachments').columns(['case_id', 'id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['services_case_attachments', 'services_case_tasks', 'services_case_actions', 'services_cases', 'services_case_sequences', 'services_process_definitions'])
    await db.schema.dropTable(t).execute();
}
