import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialects, type TestDatabase } from '../../../../test/helpers/db.ts';
import { openPostgres, openSqlite, type Database } from '../../../db/database.ts';
import { caseWorld } from './test-fixture.ts';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');

/** A second, independent connection to the same database: what a restarted platform opens. */
function reopen(t: TestDatabase): Database {
  return t.dialect === 'sqlite' ? openSqlite(t.file!) : openPostgres(t.url!, 3);
}

for (const dialect of testDialects()) {
  describe(`cases across a restart [${dialect}]`, () => {
    let t: TestDatabase;
    const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-cases-durable-'));
    beforeAll(async () => {
      t = await freshDatabase(dialect);
    });
    afterAll(async () => {
      await t.dispose();
      fs.rmSync(blobDir, { recursive: true, force: true });
    });

    it('loses nothing mid-process when the platform closes and reopens on the same database, and a due timer then fires', async () => {
      // First run: a court-auction case reaches the parallel branches; the escalation timer is armed.
      const first = reopen(t);
      const w1 = await caseWorld(first, { now: '2026-03-05T02:00:00.000Z', blobDir });
      const c = await w1.cases.submit(w1.as('taibao'), { itemCode: 'YJS-TEST-CA', form: { caseNo: '(2026)闽0128执7号' } });
      for (const kind of ['execution_ruling', 'assistance_notice']) await w1.cases.addAttachment(w1.as('fayuan'), c.id, kind, { filename: `${kind}.pdf`, file: Readable.from([PDF]) });
      await w1.cases.act(w1.as('fayuan'), c.id, { action: 'send', taskId: 'fy_delivery' });
      await w1.cases.act(w1.as('shuiwu'), c.id, { action: 'confirm', taskId: 'sw_tax' });
      await first.close();

      // Second run, a week later: same database, new connection, new services, nothing in memory.
      const second = reopen(t);
      try {
        const w2 = await caseWorld(second, { now: '2026-03-13T02:00:00.000Z', seed: false, blobDir });
        const before = await w2.cases.getCase(w2.as('budongchan'), c.id);
        expect(before.state).toBe('in_progress');
        expect(before.tasks.map((x) => `${x.id}:${x.status}`)).toEqual(['fy_delivery:done', 'sw_tax:done', 'bdc_transfer:open']);
        expect(before.attachments).toHaveLength(2);
        expect(before.timers).toEqual([{ id: 'bdc_escalation', dueAt: '2026-03-12T01:00:00.000Z' }]);
        // The timer's job survived the restart and runs now that it is due.
        expect(await w2.jobs.runOnce()).toBe(1);
        const after = await w2.cases.getCase(w2.as('budongchan'), c.id);
        expect(after.tasks.find((x) => x.id === 'bdc_transfer')!.escalated).toBe(true);
        expect(after.timers).toEqual([]);
        const { stored, folded } = await w2.cases.replay(c.id);
        expect(stored).toEqual(folded);
        // The process carries on where it stopped.
        await w2.cases.act(w2.as('budongchan'), c.id, { action: 'approve', taskId: 'bdc_transfer' });
        const done = await w2.cases.act(w2.as('budongchan'), c.id, { action: 'issue_certificate', taskId: 'bdc_certificate' });
        expect(done.outcome).toBe('approved');
      } finally {
        await second.close();
      }
    });
  });
}
