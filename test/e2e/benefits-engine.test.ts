/**
 * The benefits engine's console pages in a browser: the bureau opens the seeded run of the IIT subsidy, finds 李志明
 * eligible with his figures recomputed from the recorded records, sees why another person is not eligible; an invalid
 * rule in the policy editor is refused with its path; the data sources page lists the demo batches.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, collectPageErrors, JOURNEY_TIMEOUT_MS, launchBrowser, STEP_TIMEOUT_MS, submitLogin } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

const zhCN: Record<string, string> = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', 'zh-CN.json'), 'utf8'));

describe.runIf(browserTestsEnabled('benefits engine end-to-end tests'))('benefits sources, policies and runs in the console', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function consolePage(pathname: string, username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto(`${server.url}${pathname}`);
    await page.waitForURL(`${server.url}/console/login?next=${encodeURIComponent(pathname)}`);
    await submitLogin(page, username);
    await page.waitForURL(`${server.url}${pathname}`);
    return page;
  }

  it('shows a run’s results with the reasons, a refused rule at its path, and the loaded batches', async () => {
    const page = await consolePage('/console/benefits/runs', 'bureau');
    const errors = collectPageErrors(page);
    await page.getByRole('heading', { level: 1, name: zhCN['benefits.engine.runs.title'] }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '台湾居民个人所得税税负差额补贴' }).first();
    await row.getByRole('button').first().click();
    await page.getByRole('figure', { name: zhCN['benefits.engine.runs.chart'] }).waitFor();
    await page.locator('#benefits-results-q').fill('李志明');
    await page.locator('#benefits-results-q').press('Enter');
    const mine = page.getByRole('row').filter({ hasText: '李志明' });
    await mine.getByText(zhCN['benefits.engine.runs.eligible']!, { exact: true }).waitFor();
    await mine.getByRole('button', { name: '李志明' }).click();
    await page.getByText(zhCN['benefits.engine.runs.reproduced']!).waitFor();
    await page.keyboard.press('Escape');
    // Someone not eligible shows the condition failed.
    await page.locator('#benefits-results-q').fill('');
    await page.locator('#benefits-results-q').press('Enter');
    await page.locator('#benefits-results-eligible').click();
    await page.locator('.ant-select-item-option').filter({ hasText: zhCN['benefits.engine.runs.ineligible']! }).click();
    await page.getByRole('cell').filter({ hasText: /实验区/ }).first().waitFor();

    await page.goto(`${server.url}/console/benefits/policies`);
    await page.getByRole('button', { name: '台湾居民个人所得税税负差额补贴' }).click();
    const editor = page.locator('#benefits-policy-json');
    await editor.fill((await editor.inputValue()).replace('"tax.taxPaidInZone"', '"tax.paidInZone"'));
    await page.getByRole('button', { name: zhCN['benefits.engine.policies.validate'] }).click();
    await page.getByRole('alert').getByText('eligibility[2].rule.and[0].==[0].var').waitFor();

    await page.goto(`${server.url}/console/benefits/sources`);
    await page.getByRole('heading', { level: 1, name: zhCN['benefits.engine.sources.title'] }).waitFor();
    await page.getByRole('cell', { name: /金税三期个人所得税系统/ }).waitFor();
    // The one 400 is the validation answer the editor showed.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);
});
