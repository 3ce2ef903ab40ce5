import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';

/*
 * The whole platform with its demo: taibao's demo cases went through cases/, whose events reached the
 * notifications (as jobs); he rates the approved one badly and 行政审批局 answers in Simplified.
 */
describeApp('service hall notifications and 好差评 in the platform', (get) => {
  const drain = async () => {
    while ((await get().platform.jobs.runOnce({ limit: 50 })) > 0);
  };

  it('tells the applicant about his cases in Traditional Chinese, including what a correction needs', async () => {
    await drain();
    const taibao = await get().login('taibao');
    const res = await get().inject({ method: 'GET', url: '/api/services/notifications?limit=100', headers: taibao.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { template: string; title: string; body: string }[];
    expect(items.map((n) => n.template)).toEqual(expect.arrayContaining(['case.submitted', 'case.accepted', 'case.correction_requested', 'case.approved']));
    expect(items.find((n) => n.template === 'case.approved')!.title).toBe('案件已辦結（核准）');
    expect(items.find((n) => n.template === 'case.correction_requested')!.body).toContain('臺灣地區學位證書掃描件（正反面）');
  });

  it('lets the applicant rate the approved case; the department answers the bad rating and he reads it in Traditional', async () => {
    const app = get();
    const taibao = await app.login('taibao');
    const mine = await app.inject({ method: 'GET', url: '/api/services/my/cases?limit=50', headers: taibao.headers });
    const approved = (mine.json().items as { id: number; state: string }[]).find((c) => c.state === 'approved')!;
    const rate = await app.inject({
      method: 'POST',
      url: `/api/services/ratings/cases/${approved.id}`,
      headers: taibao.headers,
      payload: { level: 2, indicators: { overall: 2, efficiency: 2, guideAccuracy: 3, convenience: 2, usability: 4 }, comment: '窗口排隊太久' },
    });
    expect(rate.statusCode, rate.body).toBe(201);
    expect(rate.json().followUps).toHaveLength(1);

    const shenpi = await app.login('shenpi');
    const list = await app.inject({ method: 'GET', url: '/api/services/ratings/follow-ups', headers: shenpi.headers });
    const followUp = (list.json().items as { id: number; caseId: number }[]).find((f) => f.caseId === approved.id)!;
    const answer = await app.inject({ method: 'POST', url: `/api/services/ratings/follow-ups/${followUp.id}/answer`, headers: shenpi.headers, payload: { text: '已增设台胞专窗，并安排专人引导' } });
    expect(answer.statusCode, answer.body).toBe(200);

    const read = await app.inject({ method: 'GET', url: `/api/services/ratings/cases/${approved.id}`, headers: taibao.headers });
    expect(read.json().rating.followUps[0].actions.at(-1).text).toBe('已增設臺胞專窗，並安排專人引導');
    const told = await app.inject({ method: 'GET', url: '/api/services/notifications?unread=true', headers: taibao.headers });
    expect(told.json().items[0]).toMatchObject({ template: 'rating.followup_answered', title: '您的評價已有答覆' });

    await drain();
    const inbox = await app.inject({ method: 'GET', url: '/api/services/notifications', headers: shenpi.headers });
    expect((inbox.json().items as { template: string }[]).map((n) => n.template)).toContain('rating.followup_opened');
  });
});
