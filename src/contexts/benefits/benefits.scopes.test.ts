import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeApp, DEMO_PASSWORD } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { residencePermit } from './benefits.demo.ts';
import { taxRow } from './test-support.ts';

/** The engine's scopes: benefits.sources:load|read, benefits.policies:read|write, benefits.runs:start|read. */
describeApp('benefits engine scopes by role', (get) => {
  const inject = (opts: InjectOptions) => get().inject(opts);
  const as = async (who: string) => (await get().login(who)).headers;
  const push = (headers: Record<string, string>, n: number) =>
    inject({ method: 'POST', url: '/api/benefits/sources/push', headers, payload: { kind: 'tax', records: [taxRow({ idNumber: residencePermit('19700101', n), name: '测试', wagesCny: 200_000, taxYear: 2023 })] } });
  const startRun = (headers: Record<string, string>) => inject({ method: 'POST', url: '/api/benefits/runs', headers, payload: { policyKey: 'tw-iit-subsidy', period: '2024' } });
  const newVersion = async (headers: Record<string, string>, sharePercent: number) => {
    const doc = (await inject({ method: 'GET', url: '/api/benefits/policies/tw-iit-subsidy', headers })).json().document;
    return inject({ method: 'POST', url: '/api/benefits/policies/tw-iit-subsidy/versions', headers, payload: { document: { ...doc, parameters: { ...doc.parameters, sharePercent } }, note: 'scopes' } });
  };

  beforeAll(async () => {
    // The finance bureau's administrator: dept-admin of the department funding both shipped policies.
    const org = (await get().platform.identity.orgByCode('PT-CZJR'))!;
    await get().platform.identity.createUser(SYSTEM_ACTOR, null, { orgId: org.id, username: 'czjr-admin', displayName: '财政金融局管理员', kind: 'officer', password: DEMO_PASSWORD, roles: ['dept-admin'] });
  });

  it('refuses anonymous callers, citizens, enterprises and banks everywhere in the engine', async () => {
    for (const url of ['/api/benefits/sources/batches', '/api/benefits/policies', '/api/benefits/runs']) expect((await inject({ method: 'GET', url })).statusCode, url).toBe(401);
    for (const who of ['taibao', 'qiye', 'bank']) {
      const h = await as(who);
      for (const url of ['/api/benefits/sources/batches', '/api/benefits/policies', '/api/benefits/runs']) expect((await inject({ method: 'GET', url, headers: h })).statusCode, `${who} ${url}`).toBe(403);
      expect((await push(h, 10)).statusCode, who).toBe(403);
      expect((await startRun(h)).statusCode, who).toBe(403);
    }
  });

  it('lets a department officer load and read its own department’s batches, read policies, but not start runs or edit policies', async () => {
    const h = await as('shuiwu');
    expect((await push(h, 11)).statusCode).toBe(201);
    const batches = (await inject({ method: 'GET', url: '/api/benefits/sources/batches?pageSize=200', headers: h })).json().items as { orgId: number }[];
    const sw = (await get().platform.identity.orgByCode('PT-SW'))!.id;
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((b) => b.orgId === sw)).toBe(true);
    expect((await inject({ method: 'GET', url: '/api/benefits/policies', headers: h })).statusCode).toBe(200);
    expect((await startRun(h)).statusCode).toBe(403);
    expect((await newVersion(h, 21)).statusCode).toBe(403);
    // Runs of a policy the tax bureau does not fund are not its to read.
    expect((await inject({ method: 'GET', url: '/api/benefits/runs', headers: h })).json().total).toBe(0);
  });

  it('lets the funding department read its runs, and its administrator start runs and edit its policies', async () => {
    const officer = await as('caizheng');
    expect((await inject({ method: 'GET', url: '/api/benefits/runs', headers: officer })).json().total).toBeGreaterThan(0);
    expect((await startRun(officer)).statusCode).toBe(403);
    const admin = await as('czjr-admin');
    expect((await startRun(admin)).statusCode).toBe(202);
    expect((await newVersion(admin, 22)).statusCode).toBe(201);
  });

  it('refuses another department’s administrator runs and edits of a policy it does not fund', async () => {
    const h = await as('shenpi-admin');
    expect((await startRun(h)).statusCode).toBe(403);
    expect((await newVersion(h, 23)).statusCode).toBe(403);
  });

  it('lets the bureau read every department’s batches, start runs and edit any policy; the auditor only reads', async () => {
    const bureau = await as('bureau');
    const all = (await inject({ method: 'GET', url: '/api/benefits/sources/batches?pageSize=200', headers: bureau })).json().items as { orgId: number }[];
    expect(new Set(all.map((b) => b.orgId)).size).toBeGreaterThan(1);
    expect((await push(bureau, 12)).statusCode).toBe(403);
    expect((await startRun(bureau)).statusCode).toBe(202);
    expect((await newVersion(bureau, 24)).statusCode).toBe(201);
    const auditor = await as('auditor');
    expect((await inject({ method: 'GET', url: '/api/benefits/sources/batches', headers: auditor })).json().total).toBeGreaterThan(1);
    expect((await inject({ method: 'GET', url: '/api/benefits/runs', headers: auditor })).statusCode).toBe(200);
    expect((await startRun(auditor)).statusCode).toBe(403);
    expect((await newVersion(auditor, 25)).statusCode).toBe(403);
    expect((await push(auditor, 13)).statusCode).toBe(403);
  });
});
