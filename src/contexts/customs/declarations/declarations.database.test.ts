import { sql } from 'kysely';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';
import { freshDatabase, testDialects } from '../../../../test/helpers/db.ts';
import type { Database } from '../../../db/database.ts';

const pgEnabled = testDialects().includes('postgres');

describeApp('declaring a transfer read in place from a database', (get) => {
  let source: (Database & { dispose(): Promise<void> }) | undefined;
  let url = '';
  let qiye: Session;

  beforeAll(async () => {
    if (!pgEnabled) return;
    source = await freshDatabase('postgres');
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(source.db);
    const u = new URL(inject('pgAdminUrl'));
    u.pathname = '/' + rows[0]!.name;
    u.password = 'not-a-real-password';
    url = `${u.toString()}?table=crm.members`;
    await sql`create schema crm`.execute(source.db);
    await sql`create table crm.members (id bigint primary key, "姓名" text, "手机号" text)`.execute(source.db);
    await sql`insert into crm.members select g, '会员' || g, '1390000' || lpad(g::text, 4, '0') from generate_series(1, 300) g`.execute(source.db);
  });

  afterAll(async () => {
    await source?.dispose();
  });

  it.skipIf(!pgEnabled)('keeps the password of the source out of everything it shows and still reads the table', async () => {
    qiye = await get().login('qiye');
    const res = await get().inject({
      method: 'POST',
      url: '/api/customs/declarations',
      headers: qiye.headers,
      payload: {
        title: '会员数据库出境',
        recipient: { name: 'Member Services HK Ltd', country: 'HK' },
        purpose: '会员售后服务',
        industry: 'consumer',
        dataDescription: '会员表',
        securityMeasures: '专线传输',
        inFreeTradeZone: false,
        sourceKind: 'database',
        databaseUrl: url,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).not.toContain('not-a-real-password');
    expect(res.json().form.databaseUrl).toContain(':***@');
    const id = res.json().id as number;
    const sub = await get().inject({ method: 'POST', url: `/api/customs/declarations/${id}/actions/submit`, headers: qiye.headers, payload: {} });
    expect(sub.statusCode, sub.body).toBe(200);
    await get().platform.jobs.runOnce();
    const d = await get().inject({ method: 'GET', url: `/api/customs/declarations/${id}`, headers: qiye.headers });
    expect(d.body).not.toContain('not-a-real-password');
    // The test server trusts local connections, so the (fake) password is not checked.
    const body = d.json();
    expect(body.state).toBe('pending_review');
    expect(body.analysis.source.rows).toBe(300);
    expect(body.analysis.source.filename).toContain(':***@');
    expect(body.analysis.columns.find((c: { name: string }) => c.name === '手机号').detections[0].type).toBe('cn_mobile');
    expect(body.analysis.transfer.counted).toBe('scan');
  });

  it('refuses a database source without a URL, naming the field', async () => {
    qiye ??= await get().login('qiye');
    const res = await get().inject({
      method: 'POST',
      url: '/api/customs/declarations',
      headers: qiye.headers,
      payload: { title: 't', recipient: { name: 'r', country: 'HK' }, purpose: 'p', industry: 'consumer', dataDescription: 'd', securityMeasures: 's', sourceKind: 'database' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('databaseUrl');
  });
});
