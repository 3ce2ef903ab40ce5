import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { nowIso } from '../../db/database.ts';
import { catalogFixture, datasetInput, type CatalogFixture } from './test-support.ts';

describeEachDialect('pull batches a stopped process left running', (get) => {
  let f: CatalogFixture;
  let datasetId: number;
  beforeAll(async () => {
    f = await catalogFixture(get().db);
    datasetId = (await f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier: 'pull-interrupted' }))).id;
  });
  afterAll(() => f.dispose());

  /** A pull batch as runPull leaves it while loading, under `jobId`. */
  const runningBatch = (jobId: number | null) =>
    f.catalog.repo.insertBatch(get().db, {
      dataset_id: datasetId,
      org_id: f.orgs.market,
      source: 'pull',
      provenance: '{}',
      status: 'running',
      policy: 'keep_good',
      rows_read: 0,
      rows_loaded: 0,
      rows_rejected: 0,
      quality: null,
      error: null,
      job_id: jobId,
      created_by: 'system',
      started_at: nowIso(),
      finished_at: null,
    });
  const statusOf = async (id: number) => (await f.catalog.repo.batchById(get().db, id))!.status;

  it('fails the batch of a job that is no longer running, with its audit event, and leaves a live one alone', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    f.jobs.register('test.pull-in-progress', async () => gate);
    const liveJob = await f.jobs.enqueue('test.pull-in-progress', {});
    // One job only: with the default limit the claim could also take the job enqueued next, when that enqueue wins the race.
    const running = f.jobs.runOnce({ limit: 1 });
    const deadJob = await f.jobs.enqueue('test.never-run', {});
    const live = await runningBatch(liveJob);
    const orphan = await runningBatch(deadJob);
    const withoutJob = await runningBatch(null);
    while ((await f.jobs.get(liveJob)).status !== 'running') await new Promise((r) => setImmediate(r));

    expect(await f.aggregation.failInterruptedPulls()).toBe(1);
    expect([await statusOf(live), await statusOf(orphan), await statusOf(withoutJob)]).toEqual(['running', 'failed', 'running']);
    expect((await f.catalog.repo.batchById(get().db, orphan))!.error).toMatch(/^interrupted/);
    const events = await f.audit.list({ entityType: 'batch', entityId: String(orphan) });
    expect(events.map((e) => e.action)).toEqual(['catalog.batch.failed']);
    expect(await f.aggregation.failInterruptedPulls()).toBe(0);
    release();
    await running;
  });

  it('fails the earlier attempts of a job when it starts again, and only those', async () => {
    const job = await f.jobs.enqueue('test.never-run', {});
    const other = await f.jobs.enqueue('test.never-run', {});
    const earlier = await runningBatch(job);
    const ofOther = await runningBatch(other);
    expect(await f.aggregation.failInterruptedPulls({ jobId: job })).toBe(1);
    expect([await statusOf(earlier), await statusOf(ofOther)]).toEqual(['failed', 'running']);
  });
});
