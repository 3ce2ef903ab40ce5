import type { MigrationDb } from './_columns.ts';

/**
 * A prefill consent (数据授权) is bounded in time (PIPL's minimum-necessary principle): the citizen chooses
 * 30 days, 90 days or one year when consenting, and the consent no longer covers a lookup from `expires_at`
 * on (ISO-8601 UTC text like `granted_at`). Rows written before this migration keep `expires_at` null and
 * count as granted_at + 365 days in the service.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('services_prefill_consents').addColumn('expires_at', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('services_prefill_consents').dropColumn('expires_at').execute();
}
