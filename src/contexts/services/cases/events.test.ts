import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { caseWorld, type CaseWorld } from './test-fixture.ts';

const FOLLOW_UP = 'test.case-follow-up';
const form = { name: '李志明', phone: '13905910000', employer: '平潭岚岛科技有限公司' };

describeEachDialect('case events', (db) => {
  let w: CaseWorld;
  let failOn: string | null = null;
  const unsubscribe: (() => void)[] = [];
  beforeAll(async () => {
    // Monday 2 March 2026, 10:00 Beijing time.
    w = await caseWorld(db(), { now: '2026-03-02T02:00:00.000Z' });
    // What the notifier and the archive collector do: queue the follow-up in the action's transaction.
    unsubscribe.push(w.cases.onEvent((e, tx) => w.jobs.enqueue(FOLLOW_UP, { caseId: e.caseId, action: e.action, state: e.state }, {}, tx).then(() => undefined)));
    // A later subscriber that fails, for one action.
    unsubscribe.push(
      w.cases.onEvent((e) => {
        if (e.action === failOn) throw new Error(`subscriber failed on ${e.action}`);
      }),
    );
  });
  afterAll(() => {
    for (const u of unsubscribe) u();
    w.dispose();
  });

  const followUps = async (caseId: number) =>
    (await w.jobs.list({ type: FOLLOW_UP, limit: 500 }))
      .map((j) => j.payload as { caseId: number; action: string; state: string })
      .filter((p) => p.caseId === caseId)
      .map((p) => `${p.action}:${p.state}`)
      .reverse();

  it('queues each action’s follow-up in the transaction that records the action, with the state after it', async () => {
    const c = await w.cases.submit(w.as('taibao'), { itemCode: 'TW-TEST-001', form });
    await w.cases.act(w.as('shenpi'), c.id, { action: 'request_correction', taskId: 'acceptance', missing: ['劳动合同'] });
    expect(await followUps(c.id)).toEqual(['submit:submitted', 'request_correction:awaiting_correction']);
  });

  it('records neither the action nor its follow-up when a subscriber fails: nothing is half done', async () => {
    const c = await w.cases.submit(w.as('taibao'), { itemCode: 'TW-TEST-001', form: { ...form, name: '王强' } });
    failOn = 'accept';
    try {
      await expect(w.cases.act(w.as('shenpi'), c.id, { action: 'accept', taskId: 'acceptance' })).rejects.toThrow('subscriber failed on accept');
    } finally {
      failOn = null;
    }
    const after = await w.cases.getCase(w.as('shenpi'), c.id);
    expect(after.state).toBe('submitted');
    expect(await followUps(c.id)).toEqual(['submit:submitted']);
    // Once the subscriber works again, the same action goes through, with its follow-up.
    const accepted = await w.cases.act(w.as('shenpi'), c.id, { action: 'accept', taskId: 'acceptance' });
    expect(accepted.state).toBe('in_progress');
    expect(await followUps(c.id)).toEqual(['submit:submitted', 'accept:in_progress']);
  });
});
