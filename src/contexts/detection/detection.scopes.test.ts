import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { mod11_2CheckChar } from './validators/index.ts';

const body = '身份证号,姓名\n' + ['350128199001011', '350128198512250', '350128197703150'].map((b, i) => `${b}23${i}`).map((b) => b.slice(0, 17)).map((b) => `${b}${mod11_2CheckChar(b)},王小明`).join('\n') + '\n';

describeApp('scanning uploads by role', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);

  it('scans an uploaded CSV as a background job and returns the per-column report to its department', async () => {
    const s = await get().login('shenpi');
    const up = multipart('客户名单.csv', body);
    const res = await inject({ method: 'POST', url: '/api/detection/scans', headers: { ...s.headers, ...up.headers }, payload: up.payload });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    expect(await get().platform.jobs.runOnce()).toBeGreaterThan(0);
    const done = await inject({ method: 'GET', url: `/api/detection/scans/${jobId}`, headers: s.headers });
    expect(done.json().status).toBe('succeeded');
    const report = done.json().report;
    expect(report.source).toBe('客户名单.csv');
    expect(report.columns[0].detections[0].type).toBe('cn_resident_id');
    expect(report.columns[0].examples.cn_resident_id[0]).toMatch(/^3501\*+/);
    const html = await inject({ method: 'GET', url: `/api/detection/scans/${jobId}/report.html`, headers: s.headers });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('客户名单.csv');

    const other = await get().login('shuiwu');
    expect((await inject({ method: 'GET', url: `/api/detection/scans/${jobId}`, headers: other.headers })).statusCode).toBe(404);
  });

  it('refuses an unsupported file type before storing it', async () => {
    const s = await get().login('qiye');
    const up = multipart('setup.exe', Buffer.from([0x4d, 0x5a, 0, 0]));
    const res = await inject({ method: 'POST', url: '/api/detection/scans', headers: { ...s.headers, ...up.headers }, payload: up.payload });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('keeps scanning from citizens and banks', async () => {
    for (const who of ['taibao', 'bank']) {
      const s = await get().login(who);
      const up = multipart('a.csv', body);
      const res = await inject({ method: 'POST', url: '/api/detection/scans', headers: { ...s.headers, ...up.headers }, payload: up.payload });
      expect(res.statusCode, who).toBe(403);
    }
  });

  it('reports a malformed upload as a failed scan with the reason at once, without retrying it', async () => {
    const s = await get().login('shenpi');
    const up = multipart('broken.csv', 'a,b\n"unterminated,1\n');
    const res = await inject({ method: 'POST', url: '/api/detection/scans', headers: { ...s.headers, ...up.headers }, payload: up.payload });
    const { jobId } = res.json();
    await get().platform.jobs.runOnce();
    const status = (await inject({ method: 'GET', url: `/api/detection/scans/${jobId}`, headers: s.headers })).json();
    expect(status.status).toBe('dead');
    expect(status.error).toMatch(/^broken\.csv: line \d+: /);
    expect((await get().platform.jobs.get(jobId)).attempts).toBe(1);
  });
});
