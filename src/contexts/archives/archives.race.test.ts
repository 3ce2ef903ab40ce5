import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import type { ArchiveService } from './archives.service.ts';
import { archiveFixture, marriageCase } from './test-support.ts';

describeEachDialect('archive ingest that loses the race for its source', (get) => {
  let fx: ReturnType<typeof archiveFixture>;
  let archives: ArchiveService;
  beforeAll(() => {
    fx = archiveFixture(get().db);
    archives = fx.archives;
  });
  afterAll(() => fx.dispose());

  it('answers with the winner’s record when it runs on its own', async () => {
    const first = await archives.archive(undefined, marriageCase('RACE-1'));
    // As if the other ingest committed between this one's check and its insert.
    const check = vi.spyOn(archives.repo, 'recordBySource').mockResolvedValueOnce(undefined);
    try {
      const second = await archives.archive(undefined, marriageCase('RACE-1'));
      expect(second.recordId).toBe(first.recordId);
    } finally {
      check.mockRestore();
    }
  });

  it('fails the caller’s transaction with duplicate instead of reading outside it (on SQLite that read would wait for ever)', async () => {
    await archives.archive(undefined, marriageCase('RACE-2'));
    const check = vi.spyOn(archives.repo, 'recordBySource').mockResolvedValueOnce(undefined);
    try {
      await expect(get().db.transaction().execute((tx) => archives.archive(tx, marriageCase('RACE-2')))).rejects.toMatchObject({ code: 'duplicate' });
    } finally {
      check.mockRestore();
    }
  });
});
