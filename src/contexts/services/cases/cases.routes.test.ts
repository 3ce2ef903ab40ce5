import { expect, it } from 'vitest';
import { describeApp } from '../../../../test/helpers/app.ts';

describeApp('cases over HTTP with the demo', (app) => {
  it("seeds taibao's demo cases in different states through the service", async () => {
    const taibao = await app().login('taibao');
    const res = await app().inject({ method: 'GET', url: '/api/services/my/cases', headers: taibao.headers });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { number: string; state: string; processKey: string }[] }).items;
    expect(items).toHaveLength(6);
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(['approved', 'awaiting_correction', 'in_progress', 'submitted']));
    expect(items.map((i) => i.processKey).sort()).toEqual(['court-auction', 'standard', 'standard', 'standard', 'standard', 'zero-paper-real-estate']);
  });

  it("puts the one-thing processes' tasks in the registry's and the tax bureau's inboxes", async () => {
    const registry = await app().login('budongchan');
    const inbox = await app().inject({ method: 'GET', url: '/api/services/inbox', headers: registry.headers });
    expect(inbox.statusCode).toBe(200);
    expect((inbox.json() as { items: { taskId: string }[] }).items.map((i) => i.taskId).sort()).toEqual(['bdc_review', 'bdc_transfer']);
    const tax = await app().login('shuiwu');
    const taxInbox = (await app().inject({ method: 'GET', url: '/api/services/inbox', headers: tax.headers })).json() as { items: { taskId: string }[] };
    expect(taxInbox.items.map((i) => i.taskId).sort()).toEqual(['review', 'sw_tax']);
  });

  it('shows a case with its tasks, departments, allowed actions for the caller and timeline', async () => {
    const court = await app().login('fayuan');
    const list = (await app().inject({ method: 'GET', url: '/api/services/inbox?state=done', headers: court.headers })).json() as { items: { case: { id: number } }[] };
    const id = list.items[0]!.case.id;
    const registry = await app().login('budongchan');
    const c = (await app().inject({ method: 'GET', url: `/api/services/cases/${id}`, headers: registry.headers })).json() as {
      tasks: { id: string; department: { code: string; name: string; nameZhTw: string } }[];
      allowedActions: { action: string; taskId: string }[];
      timers: { id: string }[];
      timeline: { action: string }[];
      attachments: { kind: string }[];
    };
    expect(c.tasks.map((t) => `${t.id}@${t.department.code}`)).toEqual(['fy_delivery@PT-FY', 'sw_tax@PT-SW', 'bdc_transfer@PT-BDC']);
    expect(c.tasks[2]!.department.name).toBe('平潭综合实验区不动产登记中心');
    // For zh-TW readers (Taiwan compatriots on the portal), the name in Taiwan Traditional.
    expect(c.tasks[2]!.department.nameZhTw).toBe('平潭綜合實驗區不動產登記中心');
    expect(c.allowedActions.map((a) => `${a.action}:${a.taskId}`)).toEqual(['approve:bdc_transfer', 'reject:bdc_transfer', 'hand_over:bdc_transfer']);
    expect(c.timers.map((t) => t.id)).toEqual(['bdc_escalation']);
    expect(c.timeline.map((t) => t.action)).toEqual(['submit', 'send']);
    expect(c.attachments.map((a) => a.kind)).toEqual(['execution_ruling', 'assistance_notice']);
  });

  it("serves the current process definition, and prefills a form from the data foundation once it holds the applicant's record", async () => {
    const def = (await app().inject({ method: 'GET', url: '/api/services/processes/ge-zhuan-qi' })).json() as { version: number; nodes: Record<string, { type: string }> };
    expect(def.version).toBe(1);
    expect(def.nodes.fork!.type).toBe('parallel');
    // The demo company (signed up through the hall with its USCC) applies for 个转企.
    const company = await app().login('13905910001');
    const url = '/api/services/items/YJS-001-01/prefill';
    // The company is asked for its consent to the lookup (the hall holds a grant for the registry) …
    const asked = await app().inject({ method: 'GET', url, headers: company.headers });
    expect(asked.statusCode).toBe(409);
    expect(asked.json().error.details.datasets.map((d: { dataset: string; department: string }) => `${d.dataset}@${d.department}`)).toEqual(['scjg-company-registry@平潭综合实验区市场监督管理局']);
    expect((await app().inject({ method: 'POST', url: `${url}/consent`, headers: company.headers })).statusCode).toBe(201);
    // … nothing is held for it yet: nothing prefilled.
    expect((await app().inject({ method: 'GET', url, headers: company.headers })).json()).toEqual({ fields: {} });
    // 市场监管局 loads its registration into the public data foundation …
    const shichang = await app().login('shichang');
    const list = (await app().inject({ method: 'GET', url: '/api/catalog/datasets?q=市场主体', headers: shichang.headers })).json() as { items: { id: number; identifier: string }[] };
    const ds = list.items.find((d) => d.identifier === 'scjg-company-registry')!;
    const push = await app().inject({
      method: 'POST',
      url: `/api/catalog/datasets/${ds.id}/rows`,
      headers: shichang.headers,
      payload: { rows: [{ uscc: '91350128MA2YABCD0F', company_name: '平潭海峡两岸电商科技有限公司', entity_type: '个体工商户', established: '2019-04-08', capital_wan: 50, status: '存续' }] },
    });
    expect(push.json()).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
    // … and the form comes prefilled, each field with its source and date.
    const fields = ((await app().inject({ method: 'GET', url, headers: company.headers })).json() as { fields: Record<string, { value: unknown; source: { dataset: string; asOf: string } }> }).fields;
    expect(Object.keys(fields).sort()).toEqual(['capital', 'companyName', 'entityType', 'established', 'uscc']);
    expect(fields.established).toMatchObject({ value: '2019-04-08', source: { dataset: 'scjg-company-registry', department: '平潭综合实验区市场监督管理局' } });
    expect(fields.established!.source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
