import { expect, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';

const form = {
  title: '会员数据出境',
  recipient: { name: 'Example Retail Pte. Ltd.', country: 'SG' },
  purpose: '跨境电商售后服务',
  industry: 'consumer',
  dataDescription: '会员姓名与联系方式',
  securityMeasures: '加密传输',
};

describeApp('who may declare, read and review outbound transfers', (get) => {
  const call = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    get().inject({ method, url: `/api${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

  let id: number;

  it('lets enterprise staff declare for their own organisation', async () => {
    const qiye = await get().login('qiye');
    const res = await call(qiye, 'POST', '/customs/declarations', form);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
  });

  it('hides a declaration from another enterprise as if it did not exist', async () => {
    const other = await get().login('ruiqian');
    expect((await call(other, 'GET', `/customs/declarations/${id}`)).statusCode).toBe(404);
    expect((await call(other, 'POST', `/customs/declarations/${id}/actions/withdraw`, {})).statusCode).toBe(404);
    const list = await call(other, 'GET', '/customs/declarations');
    expect(list.json().items.map((d: { id: number }) => d.id)).not.toContain(id);
  });

  it('refuses citizens, banks and department officers', async () => {
    for (const user of ['taibao', 'bank', 'shenpi']) {
      const s = await get().login(user);
      expect((await call(s, 'GET', '/customs/declarations')).statusCode, user).toBe(403);
      expect((await call(s, 'POST', '/customs/declarations', form)).statusCode, user).toBe(403);
    }
  });

  it('lets the auditor read every declaration but not decide one', async () => {
    const auditor = await get().login('auditor');
    expect((await call(auditor, 'GET', `/customs/declarations/${id}`)).statusCode).toBe(200);
    expect((await call(auditor, 'POST', `/customs/declarations/${id}/actions/reject`, { comment: 'no' })).statusCode).toBe(403);
    expect((await call(auditor, 'GET', '/customs/statistics')).statusCode).toBe(200);
  });

  it('does not let a customs officer act for the exporter', async () => {
    const bureau = await get().login('bureau');
    expect((await call(bureau, 'POST', '/customs/declarations', form)).statusCode).toBe(403);
    const res = await call(bureau, 'POST', `/customs/declarations/${id}/actions/withdraw`, {});
    expect(res.statusCode).toBe(403);
  });

  it('answers an action the state does not allow with 409 and what is allowed', async () => {
    const bureau = await get().login('bureau');
    const res = await call(bureau, 'POST', `/customs/declarations/${id}/actions/approve`, { routeEvidence: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ state: 'draft', allowedActions: [] });
    const qiye = await get().login('qiye');
    const own = await call(qiye, 'POST', `/customs/declarations/${id}/actions/approve`, {});
    expect(own.statusCode).toBe(403);
  });
});
