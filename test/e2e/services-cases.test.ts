/**
 * The service hall's cases in a browser: a Taiwan compatriot signs up with a residence permit, applies
 * in Traditional Chinese on a phone with a field prefilled from government data once she consents to the
 * lookup (and finds it in her 数据授权记录), an officer accepts and
 * approves in Simplified Chinese, and the citizen sees the approval in Traditional and rates it; the
 * 个转企 "one thing" process runs across its departments.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled, chooseLanguage, collectPageErrors, DEMO_PASSWORD, submitLogin, useBrowserSession } from '../helpers/browser.ts';

const catalog = (file: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', file), 'utf8'));
const zhTW = catalog('zh-TW.json');
const zhCN = catalog('zh-CN.json');

// A fixture person of the permit simulator (src/contexts/services/accounts/simulated-persons.json).
const PERMIT = '830000198512310020';
const PHONE = '13800001111';
const PASSWORD = 'Taibao@2026x';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Signs `username` in on a request context; answers the headers a state-changing call needs. */
async function apiSignIn(request: APIRequestContext, url: string, username: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
  const res = await request.post(`${url}/api/auth/login`, { data: { username, password } });
  expect(res.status()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { 'x-csrf-token': csrfToken };
}

async function signInConsole(page: Page, url: string, path: string, username: string): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.waitForURL(`${url}/console/login?next=${encodeURIComponent(path)}`);
  await submitLogin(page, username);
  await page.waitForURL(`${url}${path}`);
}

describe.runIf(browserTestsEnabled('service case end-to-end tests'))('service hall cases in the browser', () => {
  const session = useBrowserSession();

  it('takes a Taiwan compatriot from sign-up through a prefilled application to an approved, rated case', async () => {
    const url = session.url();

    // 民政 (社会事业局) holds this person's marriage record: the form's marital status comes from it.
    const minzhengApi = (await session.newPage()).request;
    const headers = await apiSignIn(minzhengApi, url, 'minzheng');
    const datasets = (await (await minzhengApi.get(`${url}/api/catalog/datasets?q=${encodeURIComponent('婚姻')}`)).json()) as { items: { id: number; identifier: string }[] };
    const marriages = datasets.items.find((d) => d.identifier === 'shsy-marriage-records');
    expect(marriages).toBeDefined();
    const pushed = await minzhengApi.post(`${url}/api/catalog/datasets/${marriages!.id}/rows`, {
      headers,
      data: { rows: [{ id_number: PERMIT, person_name: '陈美玲', spouse_id_number: '350128198603150015', spouse_name: '林志豪', marital_status: '已婚', registered_on: '2015-05-20' }] },
    });
    expect(pushed.status()).toBe(201);
    expect(((await pushed.json()) as { rowsLoaded: number }).rowsLoaded).toBe(1);

    // The citizen, on a phone, in Traditional Chinese: the apply page asks her to sign in or sign up.
    const page = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const errors = collectPageErrors(page);
    const applyPath = '/portal/services/apply/TW-JY-001-01';
    await page.goto(`${url}${applyPath}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await chooseLanguage(page, '繁體中文');
    await page.getByRole('link', { name: zhTW['services.cases.apply.signUp'] }).click();
    await page.waitForURL(`${url}/portal/services/signup?next=${encodeURIComponent(applyPath)}`);
    await page.locator('#signup-taiwan_resident-idNumber').fill(PERMIT);
    await page.locator('#signup-taiwan_resident-name').fill('陳美玲');
    await page.locator('#signup-taiwan_resident-phone').fill(PHONE);
    await page.locator('#signup-taiwan_resident-password').fill(PASSWORD);
    await page.locator('.ant-tabs-tabpane-active button[type="submit"]').click();

    // Back on the form: verified identity, the prefilled field with its source and date.
    await page.waitForURL(`${url}${applyPath}`);
    await page.getByRole('heading', { level: 1, name: /子女小學一年級入學申請/ }).waitFor();
    await page.getByText(zhTW['services.accounts.status.verified']!, { exact: true }).waitFor();
    // Nothing is looked up before she consents: the panel names the dataset, its department and the fields.
    const consentPanel = page.getByTestId('prefill-consent');
    await consentPanel.waitFor();
    expect(await consentPanel.locator('[data-dataset="shsy-marriage-records"]').textContent()).toContain('社会事业局');
    expect(await page.locator('#apply-maritalStatus').inputValue()).toBe('');
    // She chooses how long the consent holds: 1 年 unless she picks otherwise; she picks 90 天.
    const validity = consentPanel.getByRole('radiogroup', { name: zhTW['services.cases.consent.validity'] });
    expect(await validity.getByRole('radio', { name: zhTW['services.cases.consent.validDays.365'] }).isChecked()).toBe(true);
    await validity.getByRole('radio', { name: zhTW['services.cases.consent.validDays.90'] }).check();
    const consented = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/prefill/consent'));
    await consentPanel.getByRole('button', { name: zhTW['services.cases.consent.allow'] }).click();
    expect((await consented).postDataJSON()).toEqual({ validDays: 90 });
    await consentPanel.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('#apply-maritalStatus').inputValue()).toBe('已婚');
    expect(await page.locator('[data-field="maritalStatus"]').textContent()).toContain('由政府資料預填 · 來源：');
    expect(await page.locator('[data-field="maritalStatus"]').textContent()).toContain('shsy-marriage-records');

    await page.locator('#apply-name').fill('陳美玲');
    await page.locator('#apply-permit').fill(PERMIT);
    await page.locator('#apply-phone').fill('0912345678'); // a Taiwan mobile: the form wants a mainland one
    await page.locator('#apply-childName').fill('林小安');
    await page.locator('#apply-childBirth').fill('2020-03-01');
    await page.locator('#apply-grade').fill('1');

    // A text file is refused in the browser; a PDF is accepted.
    await page.locator('#apply-files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('alert').filter({ hasText: zhTW['services.cases.attach.badType']! }).waitFor();
    await page.getByRole('button', { name: zhTW['services.cases.attach.remove'] }).click();
    await page.locator('#apply-files').setInputFiles({ name: 'household.pdf', mimeType: 'application/pdf', buffer: PDF });

    // The server refuses the phone number: the error is under the field and the field has the focus.
    await page.getByRole('button', { name: zhTW['services.cases.apply.submit'] }).click();
    await page.locator('#apply-phone-error').filter({ hasText: zhTW['services.cases.error.format']! }).waitFor();
    expect(await page.locator('#apply-phone-error').getAttribute('role')).toBe('alert');
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('apply-phone');

    await page.locator('#apply-phone').fill(PHONE);
    await page.getByRole('button', { name: zhTW['services.cases.apply.submit'] }).click();
    await page.getByRole('heading', { level: 1, name: zhTW['services.cases.apply.doneTitle'] }).waitFor();
    const number = (await page.getByTestId('case-number').textContent())!.trim();
    expect(number).not.toBe('');
    const [scrollWidth, viewportWidth] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
    expect(scrollWidth).toBeLessThanOrEqual(viewportWidth!);

    // Her 数据授权记录: the consent and the two lookups made under it (the form's and the submission's), by transaction id.
    await page.goto(`${url}/portal/services/me`);
    const records = page.getByTestId('prefill-consents');
    await records.getByRole('heading', { level: 2, name: zhTW['services.cases.consent.recordsTitle'] }).waitFor();
    await expect.poll(() => records.locator('code.cases-txid').count()).toBe(2);
    expect(await records.locator('code.cases-txid').first().textContent()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    // The consent is active, valid for the 90 days she chose, and can be revoked.
    const record = records.locator('article.cases-consent-record').first();
    expect(await record.getByRole('heading', { level: 3 }).textContent()).toContain(zhTW['services.cases.consent.active']);
    expect(await record.textContent()).toContain(zhTW['services.cases.consent.expiresAt']);
    const [consent] = ((await (await page.request.get(`${url}/api/services/my/prefill-consents`)).json()) as { items: { grantedAt: string; expiresAt: string }[] }).items;
    expect(Date.parse(consent!.expiresAt) - Date.parse(consent!.grantedAt)).toBe(90 * 86_400_000);
    expect(await record.getByTestId('consent-expires-at').textContent()).toBe(await page.evaluate((at) => new Date(at).toLocaleString('zh-TW'), consent!.expiresAt));
    expect(await record.getByRole('button', { name: zhTW['services.cases.consent.revoke'] }).count()).toBe(1);

    // The officer of 社会事业局 works in Simplified Chinese: finds the case, accepts and approves it.
    const officer = await session.newPage();
    await signInConsole(officer, url, '/console/services/inbox', 'minzheng');
    await officer.getByRole('heading', { level: 1, name: zhCN['services.cases.inbox.title'] }).waitFor();
    await officer.locator('#inbox-q').fill(number);
    await officer.keyboard.press('Enter');
    await officer.getByRole('link', { name: number }).click();
    await officer.waitForURL(/\/console\/services\/cases\/\d+$/);
    await officer.getByText('由政府数据预填 · 来源：').first().waitFor();
    await officer.getByRole('link', { name: 'household.pdf' }).waitFor();
    expect(await officer.getByRole('button', { name: '准予办理', exact: true }).count()).toBe(0); // only what is allowed now
    await officer.getByRole('button', { name: '受理', exact: true }).click();
    await officer.getByRole('status').filter({ hasText: zhCN['services.cases.handle.done']!.replace('{action}', '受理') }).waitFor();
    await officer.getByRole('button', { name: '准予办理', exact: true }).click();
    await officer.getByRole('status').filter({ hasText: zhCN['services.cases.handle.done']!.replace('{action}', '准予办理') }).waitFor();
    await officer.getByText(zhCN['services.cases.state.approved']!, { exact: true }).first().waitFor();

    // The citizen sees it approved, in Traditional Chinese, and rates it.
    await page.goto(`${url}/portal/services/cases`);
    await page.getByRole('heading', { level: 1, name: zhTW['services.cases.my.title'] }).waitFor();
    await page.getByText(zhTW['services.cases.state.approved']!, { exact: true }).waitFor();
    await page.getByRole('link', { name: /子女小學一年級入學申請/ }).click();
    await page.locator('.cases-state-line[data-state="approved"]').waitFor();
    expect(await page.locator('.cases-state-line').textContent()).toContain(zhTW['services.cases.explain.approved']);
    for (const name of ['rating-level', 'rating-overall', 'rating-efficiency', 'rating-guideAccuracy', 'rating-convenience', 'rating-usability'])
      await page.locator(`input[name="${name}"][value="5"]`).check({ force: true });
    await page.getByRole('button', { name: zhTW['services.ratings.submit'] }).click();
    await page.getByText(zhTW['services.ratings.thanks']!).waitFor();
    const caseId = Number(/\/cases\/(\d+)$/.exec(page.url())![1]);
    const { rating } = (await (await page.request.get(`${url}/api/services/ratings/cases/${caseId}`)).json()) as { rating: { level: number } };
    expect(rating.level).toBe(5);
    // The browser logs the two answers the journey provokes on purpose: 401 (not signed in yet) and 400 (the refused phone).
    expect(errors.filter((e) => !/status of (401|400) /.test(e))).toEqual([]);
    expect(errors.length).toBe(2);
  });

  it('runs 个转企 across market supervision, then tax, social insurance and the bank notice in parallel, to approval', async () => {
    const url = session.url();
    // The company applies in the portal, signing in on the form itself.
    const company = await session.newPage();
    const applyPath = '/portal/services/apply/YJS-001-01';
    await company.goto(`${url}${applyPath}`);
    await company.locator('#apply-signin-phone').fill('13905910001');
    await company.locator('#apply-signin-password').fill(DEMO_PASSWORD);
    await company.getByRole('button', { name: zhCN['services.accounts.signIn'] }).click();
    await company.locator('#apply-name').fill('陈晓东');
    await company.locator('#apply-phone').fill('13905910001');
    await company.locator('#apply-uscc').fill('91350128MA2YABCD0F');
    await company.locator('#apply-capital').fill('200');
    await company.getByRole('button', { name: zhCN['services.cases.apply.submit'] }).click();
    await company.getByRole('heading', { level: 1, name: zhCN['services.cases.apply.doneTitle'] }).waitFor();
    const number = (await company.getByTestId('case-number').textContent())!.trim();

    // 市场监管局 accepts and registers the change in the console.
    const shichang = await session.newPage();
    await signInConsole(shichang, url, '/console/services/inbox', 'shichang');
    await shichang.locator('#inbox-q').fill(number);
    await shichang.keyboard.press('Enter');
    await shichang.getByRole('link', { name: number }).click();
    await shichang.waitForURL(/\/console\/services\/cases\/\d+$/);
    const caseId = Number(/\/cases\/(\d+)$/.exec(shichang.url())![1]);
    // A second tab still offers 受理; after the first tab accepted, the server's 409 shows what is allowed now.
    const stale = await session.newPage();
    await signInConsole(stale, url, `/console/services/cases/${caseId}`, 'shichang');
    await stale.getByRole('button', { name: '受理', exact: true }).waitFor();
    await shichang.getByRole('button', { name: '受理', exact: true }).click();
    await shichang.getByRole('button', { name: '核准变更登记', exact: true }).waitFor();
    await stale.getByRole('button', { name: '受理', exact: true }).click();
    const conflict = stale.getByRole('alert').filter({ hasText: zhCN['services.cases.handle.conflict']! });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('核准变更登记');
    await shichang.getByRole('button', { name: '核准变更登记', exact: true }).click();
    await shichang.getByRole('status').filter({ hasText: '核准变更登记' }).waitFor();
    // Three departments now hold a task at once; market supervision has nothing left to do.
    await shichang.getByText(zhCN['services.cases.handle.nothingAllowed']!).first().waitFor();
    expect(await shichang.locator('.cases-table').getByText(zhCN['services.cases.taskState.open']!, { exact: true }).count()).toBe(3);

    // 税务局 completes its branch in the browser.
    const shuiwu = await session.newPage();
    await signInConsole(shuiwu, url, `/console/services/cases/${caseId}`, 'shuiwu');
    await shuiwu.getByRole('button', { name: '办结', exact: true }).click();
    await shuiwu.getByRole('status').filter({ hasText: '办结' }).waitFor();

    // 社会事业局 and 财政金融局 (a new officer) complete theirs through the API.
    const adminApi = (await session.newPage()).request;
    const adminHeaders = await apiSignIn(adminApi, url, 'admin');
    const orgs = (await (await adminApi.get(`${url}/api/identity/orgs`)).json()) as { items: { id: number; code: string }[] };
    const czjr = orgs.items.find((o) => o.code === 'PT-CZJR')!;
    const created = await adminApi.post(`${url}/api/identity/users`, {
      headers: adminHeaders,
      data: { orgId: czjr.id, username: 'czjr-banjian', displayName: '财政金融局办件员', kind: 'officer', password: 'Caizheng@2026', roles: ['dept-officer'] },
    });
    expect(created.status()).toBe(201);
    for (const [username, password, taskId, action] of [
      ['minzheng', DEMO_PASSWORD, 'shsy_transfer', 'complete'],
      ['czjr-banjian', 'Caizheng@2026', 'bank_notice', 'notify'],
    ] as const) {
      const api = (await session.newPage()).request;
      const headers = await apiSignIn(api, url, username, password);
      const res = await api.post(`${url}/api/services/cases/${caseId}/actions`, { headers: { ...headers, 'idempotency-key': crypto.randomUUID() }, data: { action, taskId } });
      expect(res.status()).toBe(200);
    }

    // The join has fired: the company sees its case approved.
    await company.goto(`${url}/portal/services/cases/${caseId}`);
    await company.locator('.cases-state-line[data-state="approved"]').waitFor();
    await shichang.reload();
    await shichang.getByRole('heading', { level: 1 }).filter({ hasText: zhCN['services.cases.state.approved']! }).waitFor();
    expect(await shichang.locator('.cases-table').getByText(zhCN['services.cases.taskState.done']!, { exact: true }).count()).toBe(5);
  });

  it('shows the bureau the time limits per department and exports them as CSV', async () => {
    const page = await session.newPage({ acceptDownloads: true });
    await signInConsole(page, session.url(), '/console/services/statistics', 'bureau');
    await page.getByRole('heading', { level: 1, name: zhCN['services.cases.stats.title'] }).waitFor();
    await page.getByRole('heading', { level: 2, name: zhCN['services.cases.stats.overdueTitle'] }).waitFor();
    // The demo cases include a zero-paper real-estate registration received by 不动产登记中心.
    await page.getByRole('cell', { name: '平潭综合实验区不动产登记中心' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: zhCN['services.cases.stats.exportCsv'] }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${[zhCN['services.cases.department'], zhCN['services.cases.stats.received'], zhCN['services.cases.stats.closed'], zhCN['services.cases.stats.closedOnTime'], zhCN['services.cases.stats.onTimeRate'], zhCN['services.cases.stats.open'], zhCN['services.cases.stats.overdue']].join(',')}`);
    expect(csv).toContain('平潭综合实验区不动产登记中心');
  });
});
