import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';
import { langFromAcceptLanguage } from './assess.routes.ts';
import { assess, parseScenario } from './assess.ts';

interface Example {
  name: string;
  scenario: Record<string, unknown> & { transfer: Record<string, unknown> };
  expected: string;
}

const EXAMPLES = JSON.parse(fs.readFileSync(new URL('../data/assess-examples.json', import.meta.url), 'utf8')) as Example[];
const CONTRACT_EXAMPLE = EXAMPLES.find((e) => e.expected === 'standard_contract_or_certification')!;
const bin = path.resolve(import.meta.dirname, '../../../../bin/landao.js');

/** The example with one transfer field replaced (or removed, given undefined). */
function withTransfer(field: string, value: unknown): unknown {
  const copy = structuredClone(CONTRACT_EXAMPLE.scenario);
  if (value === undefined) delete copy.transfer[field];
  else copy.transfer[field] = value;
  return copy;
}

describe('Accept-Language', () => {
  it('picks the best of zh-CN, zh-TW and en by weight', () => {
    expect(langFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(langFromAcceptLanguage('zh-TW')).toBe('zh-TW');
    expect(langFromAcceptLanguage('zh-Hant-HK, en;q=0.5')).toBe('zh-TW');
    expect(langFromAcceptLanguage('fr;q=1, zh;q=0.4, en;q=0.3')).toBe('zh-CN');
    expect(langFromAcceptLanguage('en;q=0.2, zh-CN;q=0.8')).toBe('zh-CN');
    expect(langFromAcceptLanguage('fr, de')).toBeNull();
    expect(langFromAcceptLanguage(undefined)).toBeNull();
  });
});

describeApp('POST /api/customs/assess', (get) => {
  let qiye: Session;
  let token = '';
  const post = (payload: unknown, headers: Record<string, string> = qiye.headers, url = '/api/customs/assess') =>
    get().inject({ method: 'POST', url, headers, payload: payload as object });

  beforeAll(async () => {
    qiye = await get().login('qiye');
    const admin = await get().login('admin');
    const org = await get().platform.identity.orgByCode('ENT-LDSW');
    const res = await get().inject({
      method: 'POST',
      url: '/api/identity/tokens',
      headers: admin.headers,
      payload: { orgId: org!.id, name: 'customs gateway', scopes: ['customs:assess'] },
    });
    token = res.json().token;
  });

  it('decides every worked example as the decision function does', async () => {
    for (const ex of EXAMPLES) {
      const res = await post(ex.scenario);
      expect(res.statusCode, ex.name).toBe(200);
      expect(res.json(), ex.name).toEqual(assess(parseScenario(ex.scenario), { lang: 'zh-CN' }));
      expect(res.json().outcome, ex.name).toBe(ex.expected);
    }
  });

  it('answers exactly what `landao customs assess --json` prints', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'landao-assess-http-')), 'scenario.json');
    fs.writeFileSync(file, JSON.stringify(CONTRACT_EXAMPLE.scenario));
    const cli = await promisify(execFile)(process.execPath, [bin, 'customs', 'assess', file, '--json']);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const res = await post(CONTRACT_EXAMPLE.scenario);
    expect(res.body + '\n').toBe(cli.stdout);
  });

  it('explains in the language of the API caller’s Accept-Language', async () => {
    const as = (lang?: string) =>
      post(CONTRACT_EXAMPLE.scenario, { authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) });
    const scenario = parseScenario(CONTRACT_EXAMPLE.scenario);
    expect((await as('en-GB,en;q=0.9')).json()).toEqual(assess(scenario, { lang: 'en' }));
    expect((await as('zh-TW,zh;q=0.8')).json()).toEqual(assess(scenario, { lang: 'zh-TW' }));
    expect((await as()).json()).toEqual(assess(scenario, { lang: 'zh-CN' }));
    expect((await as('zh-TW')).json().notes).not.toEqual((await as('en')).json().notes);
  });

  it('explains in a signed-in person’s own locale', async () => {
    const patched = await get().inject({ method: 'PATCH', url: '/api/auth/me', headers: qiye.headers, payload: { locale: 'en' } });
    expect(patched.statusCode).toBe(200);
    const res = await post(CONTRACT_EXAMPLE.scenario, { ...qiye.headers, 'accept-language': 'zh-CN' });
    expect(res.json()).toEqual(assess(parseScenario(CONTRACT_EXAMPLE.scenario), { lang: 'en' }));
    await get().inject({ method: 'PATCH', url: '/api/auth/me', headers: qiye.headers, payload: { locale: 'zh-CN' } });
  });

  it.each([
    ['a missing field', withTransfer('personalSubjects', undefined), 'transfer.personalSubjects', /required/],
    ['a negative count', withTransfer('sensitiveSubjects', -1), 'transfer.sensitiveSubjects', /non-negative/],
    ['an unknown industry', withTransfer('industry', 'mining'), 'transfer.industry', /unknown industry "mining"/],
    ['an unknown scenario', withTransfer('scenario', 'moon-landing'), 'transfer.scenario', /unknown scenario id "moon-landing"/],
    ['an unknown field', { ...CONTRACT_EXAMPLE.scenario, extra: 1 }, 'extra', /unknown field/],
  ])('refuses %s with 400 validation_failed naming the field', async (_what, scenario, field, message) => {
    const res = await post(scenario);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}: `));
    expect(error.message).toMatch(message);
  });

  it('refuses a body that is not JSON with 400 invalid_json', async () => {
    const res = await get().inject({
      method: 'POST',
      url: '/api/customs/assess',
      headers: { ...qiye.headers, 'content-type': 'application/json' },
      payload: '{"exporter":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('decides a batch item by item, each with its decision or its error', async () => {
    const res = await post({ scenarios: [EXAMPLES[0]!.scenario, withTransfer('industry', 'mining'), CONTRACT_EXAMPLE.scenario] }, qiye.headers, '/api/customs/assess/batch');
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({ decision: assess(parseScenario(EXAMPLES[0]!.scenario)) });
    expect(results[1].error).toMatchObject({ code: 'validation_failed', details: { field: 'transfer.industry' } });
    expect(results[2].decision.outcome).toBe('standard_contract_or_certification');
  });

  it('takes up to 1,000 scenarios in a batch and refuses more or none', async () => {
    const full = await post({ scenarios: Array.from({ length: 1000 }, () => CONTRACT_EXAMPLE.scenario) }, qiye.headers, '/api/customs/assess/batch');
    expect(full.statusCode).toBe(200);
    expect(full.json().results).toHaveLength(1000);
    for (const scenarios of [Array.from({ length: 1001 }, () => CONTRACT_EXAMPLE.scenario), []]) {
      const res = await post({ scenarios }, qiye.headers, '/api/customs/assess/batch');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { field: 'scenarios' } });
    }
  });
});
