import type { MigrationDb } from './_columns.ts';

/**
 * A matching run writes one result row per subject (100,000 for the IIT subsidy's taxpayers), and each index on
 * benefits_run_results is written with it: the second one, (run_id, eligible, subject_key), was about a fifth of the
 * time the run spent inserting. It served the results page's eligible / not eligible filter, which reads the
 * unique (run_id, subject_key) index in key order and checks `eligible` on the way instead: a page of 50 reads a few
 * hundred rows, and the filter's count one pass over a run's rows (tens of milliseconds for 100,000).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('benefits_run_results_eligible').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.createIndex('benefits_run_results_eligible').on('benefits_run_results').columns(['run_id', 'eligible', 'subject_key']).execute();
}
