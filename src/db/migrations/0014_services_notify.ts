import { type MigrationDb, withId } from './_columns.ts';

/**
 * Service hall notifications and 好差评 (issue 7): in-app messages (a template key and its parameters,
 * rendered in the reader's language), their outbound deliveries per channel, one rating per case with
 * the five online indicators (and a row per department that handled the case, for statistics), and
 * the follow-ups (整改) a bad rating opens, with their append-only action log.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('services_notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer')
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('services_notifications_user').on('services_notifications').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('services_notifications_unread').on('services_notifications').columns(['user_id', 'read_at']).execute();

  await withId(db, db.schema.createTable('services_notification_deliveries'))
    .addColumn('notification_id', 'integer', (c) => c.notNull().references('services_notifications.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('services_notification_deliveries_once', ['notification_id', 'channel'])
    .execute();

  await withId(db, db.schema.createTable('services_ratings'))
    .addColumn('case_id', 'integer', (c) => c.notNull().unique())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('applicant_user_id', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('overall', 'integer', (c) => c.notNull())
    .addColumn('efficiency', 'integer', (c) => c.notNull())
    .addColumn('guide_accuracy', 'integer', (c) => c.notNull())
    .addColumn('convenience', 'integer', (c) => c.notNull())
    .addColumn('usability', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_ratings_item').on('services_ratings').columns(['item_code', 'created_at']).execute();

  await db.schema
    .createTable('services_rating_departments')
    .addColumn('rating_id', 'integer', (c) => c.notNull().references('services_ratings.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('services_rating_departments_pk', ['rating_id', 'department_id'])
    .execute();
  await db.schema.createIndex('services_rating_departments_dept').on('services_rating_departments').columns(['department_id', 'created_at']).execute();

  await withId(db, db.schema.createTable('services_rating_followups'))
    .addColumn('rating_id', 'integer', (c) => c.notNull().references('services_ratings.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_rating_followups_dept').on('services_rating_followups').columns(['department_id', 'state', 'due_date']).execute();
  await db.schema.createIndex('services_rating_followups_state').on('services_rating_followups').columns(['state', 'due_date']).execute();

  await withId(db, db.schema.createTable('services_rating_followup_actions'))
    .addColumn('followup_id', 'integer', (c) => c.notNull().references('services_rating_followups.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_org_id', 'integer')
    .addColumn('text', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_rating_followup_actions_fu').on('services_rating_followup_actions').columns(['followup_id', 'id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of ['services_rating_followup_actions', 'services_rating_followups', 'services_rating_departments', 'services_ratings', 'services_notification_deliveries', 'services_notifications'])
    await db.schema.dropTable(t).execute();
}
