/**
 * 免申即享 in a browser: the finance bureau (caizheng) confirms a matching run's payouts after a dialog
 * showing the count and total; taibao, on a phone in Traditional Chinese, sees his benefit with its
 * figures and authorises the payment into his bank account; caizheng builds a payment batch, downloads
 * its file and uploads the bank's results; taibao sees it paid.
 *
 * The candidates are offered through the payouts service on the server's own database before the
 * server starts (the matching engine's run is wired to the payouts by main.ts at integration).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { candidatesFor } from '../../src/contexts/benefits/payouts/test-support.ts';
import { createPlatform } from '../../src/main.ts';
import { browserTestsEnabled, collectPageErrors, confirmInDialog, launchBrowser, STEP_TIMEOUT_MS, submitLogin } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

const catalog = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', file), 'utf8'));
const zhTW = catalog('zh-TW.json');
const zhCN = catalog('zh-CN.json');

const RUN_ID = 9001;
const PERIOD = '2025';
const ACCOUNT_NO = '6217856100055556666';

describe.runIf(browserTestsEnabled('benefits end-to-end tests'))('免申即享 payouts in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir: string;
  let totalFen = 0;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-e2e-benefits-'));
    const config = loadConfig({ NODE_ENV: 'test', LANDAO_DATA_DIR: dataDir, LANDAO_LOG_LEVEL: 'silent' });
    const platform = await createPlatform(config);
    const candidates = await candidatesFor(platform, { period: PERIOD, runId: RUN_ID, others: 2 });
    totalFen = candidates.reduce((s, c) => s + c.amountFen, 0);
    await platform.payouts.offer(candidates);
    await platform.close();
    browser = await launchBrowser();
    server = await startServer({ dataDir });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function consolePage(pathname: string, username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto(`${server.url}${pathname}`);
    await page.waitForURL(`${server.url}/console/login?next=${encodeURIComponent(pathname)}`);
    await submitLogin(page, username);
    await page.waitForURL(`${server.url}${pathname}`);
    return page;
  }

  it('takes a benefit from the department\'s confirmation through the citizen\'s authorisation to paid', async () => {
    const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

    // 1. caizheng confirms the whole run after seeing its count and total.
    const officer = await consolePage('/console/benefits/payouts', 'caizheng');
    const officerErrors = collectPageErrors(officer);
    await officer.getByRole('heading', { level: 1, name: zhCN['benefits.payouts.title'] }).waitFor();
    await officer.locator('#payouts-run').fill(String(RUN_ID));
    await officer.getByRole('button', { name: zhCN['benefits.payouts.filter'] }).click();
    // Until the filtered page arrives the table still lists the demo's 2024 run too, where 李志明 also appears.
    await expect.poll(() => officer.getByRole('cell', { name: /^李志明 \(8300/ }).count(), { timeout: STEP_TIMEOUT_MS }).toBe(1);
    await officer.getByRole('button', { name: zhCN['benefits.payouts.bulk.button'] }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByText(zhCN['benefits.payouts.bulk.body']!.replace('{count}', '3').replace('{total}', yuan(totalFen))).waitFor();
    await confirmInDialog(officer, dialog, dialog.getByRole('button', { name: zhCN['benefits.payouts.bulk.ok'] }));
    await expect.poll(() => officer.getByText(zhCN['benefits.payouts.state.notified']!, { exact: true }).count()).toBe(1);
    expect(await officer.getByText(zhCN['benefits.payouts.state.confirmed']!, { exact: true }).count()).toBe(2);

    // 2. taibao, on a phone in Traditional Chinese, signs in on the page and authorises.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-TW' });
    phone.setDefaultTimeout(STEP_TIMEOUT_MS);
    const citizen = await phone.newPage();
    const citizenErrors = collectPageErrors(citizen);
    await citizen.goto(`${server.url}/portal/benefits`);
    await citizen.locator('#benefits-signin-user').fill('taibao');
    await citizen.locator('#benefits-signin-password').fill('Demo@2026');
    await citizen.locator('#benefits-signin-password').press('Enter');
    await citizen.getByRole('heading', { level: 1, name: zhTW['portal.benefits.title'] }).waitFor();
    // The demo's 2024 run has already paid taibao once: this journey's benefit is the 2025 one.
    const card = citizen.locator('.benefits-card').filter({ hasText: '臺灣居民個人所得稅稅負差額補貼' }).filter({ hasText: zhTW['portal.benefits.period']!.replace('{period}', PERIOD) });
    await card.waitFor();
    await card.getByText(zhTW['portal.benefits.state.notified']!).waitFor();
    await card.getByText(zhTW['portal.benefits.figures.mainland']!).waitFor();
    await card.getByText(zhTW['portal.benefits.figures.difference']!).waitFor();
    const form = card.getByRole('form', { name: zhTW['portal.benefits.authorise.title'] });
    // A short account number is refused in the browser, under its field.
    await form.getByLabel(zhTW['portal.benefits.authorise.bankName']!).fill('中國銀行平潭分行');
    await form.getByLabel(zhTW['portal.benefits.authorise.accountNo']!).fill('12345');
    await form.getByRole('checkbox', { name: zhTW['portal.benefits.authorise.agree'] }).check();
    await form.getByRole('button', { name: zhTW['portal.benefits.authorise.submit'] }).click();
    await form.getByRole('alert').filter({ hasText: zhTW['portal.benefits.authorise.accountNoFormat']! }).waitFor();
    await form.getByLabel(zhTW['portal.benefits.authorise.accountNo']!).fill(ACCOUNT_NO);
    await form.getByRole('button', { name: zhTW['portal.benefits.authorise.submit'] }).click();
    await card.getByText(zhTW['portal.benefits.state.authorised']!).waitFor();
    await card.getByText(/6217\*+6666/).waitFor();
    const [scrollWidth, viewportWidth] = (await citizen.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
    expect(scrollWidth).toBeLessThanOrEqual(viewportWidth!);

    // 3. caizheng builds the batch, downloads its file and uploads the bank's results.
    await officer.goto(`${server.url}/console/benefits/payment-batches`);
    await officer.getByRole('heading', { level: 1, name: zhCN['benefits.batches.title'] }).waitFor();
    await officer.getByRole('button', { name: zhCN['benefits.batches.create'] }).click();
    const created = officer.getByRole('status').filter({ hasText: /PB\d{8}\d{6}/ });
    await created.waitFor();
    // The table reloads after the status shows: wait for the new batch's own row (the demo's 2024 batch is listed too).
    const batchNo = /PB\d{14}/.exec((await created.textContent()) ?? '')![0];
    const row = officer.locator('tr.ant-table-row').filter({ hasText: batchNo });
    await row.waitFor();
    const [download] = await Promise.all([officer.waitForEvent('download'), row.getByRole('link', { name: zhCN['benefits.batches.downloadCsv'] }).click()]);
    const file = fs.readFileSync((await download.path())!, 'utf8');
    const line = file.split('\r\n').find((l) => l.includes(ACCOUNT_NO));
    expect(line).toMatch(/^PB\d{14},1,李志明,中國銀行平潭分行,6217856100055556666,/);
    expect(file).toMatch(/\r\nCONTROL,PB\d{14},1,[\d.]+,SM3,[0-9a-f]{64}\r\n$/);
    await row.locator('input[type="file"]').setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: Buffer.from('lineNo,status,bankReference\r\n1,paid,BOC-E2E-1\r\n2,paid,X\r\n') });
    const report = officer.getByTestId('import-report');
    await report.getByText(zhCN['benefits.batches.imported']!.replace('{rows}', '2').replace('{paid}', '1').replace('{failed}', '0').replace('{unchanged}', '0').replace('{errors}', '1')).waitFor();
    await report.getByRole('alert').filter({ hasText: 'line 3' }).waitFor();

    // 4. taibao sees the benefit paid.
    await citizen.reload();
    await card.getByText(zhTW['portal.benefits.state.paid']!, { exact: true }).waitFor();
    await card.getByText(/6217\*+6666/).waitFor();

    expect(officerErrors).toEqual([]);
    // The browser logs the one answer the journey provokes on purpose: 401 (not signed in yet).
    expect(citizenErrors.filter((e) => !/status of 401 /.test(e))).toEqual([]);
  }, 180_000);
});
