import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';

describeApp('job routes by role', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);
  let jobId = 0;

  beforeAll(async () => {
    const org = await get().platform.identity.orgByCode('PT-XZSP');
    jobId = await get().platform.jobs.enqueue('demo.scan', { file: 'x.csv' }, { orgId: org!.id });
  });

  it('shows a department’s job to an officer of that department', async () => {
    const s = await get().login('shenpi');
    const list = await inject({ method: 'GET', url: '/api/jobs', headers: s.headers });
    expect(list.json().items.map((j: { id: number }) => j.id)).toContain(jobId);
    const one = await inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: s.headers });
    expect(one.json()).toMatchObject({ id: jobId, status: 'queued', progress: 0 });
  });

  it('hides it from another department as if it did not exist', async () => {
    const s = await get().login('shuiwu');
    const list = await inject({ method: 'GET', url: '/api/jobs', headers: s.headers });
    expect(list.json().items.map((j: { id: number }) => j.id)).not.toContain(jobId);
    expect((await inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: s.headers })).statusCode).toBe(404);
    expect((await inject({ method: 'POST', url: `/api/jobs/${jobId}/cancel`, headers: s.headers })).statusCode).toBe(404);
  });

  it('shows every department’s jobs to the bureau and none to a citizen', async () => {
    const b = await get().login('bureau');
    expect((await inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: b.headers })).statusCode).toBe(200);
    const c = await get().login('taibao');
    expect((await inject({ method: 'GET', url: '/api/jobs', headers: c.headers })).statusCode).toBe(403);
  });

  it('lets the owning department cancel its queued job', async () => {
    const s = await get().login('shenpi');
    const res = await inject({ method: 'POST', url: `/api/jobs/${jobId}/cancel`, headers: s.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
  });
});
