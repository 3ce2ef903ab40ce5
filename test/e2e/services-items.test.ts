/**
 * The Taiwan compatriot service hall's catalog in a browser: find an item in Traditional Chinese on a
 * phone and read its guide; an officer sees the catalog's versions in the console.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled, chooseLanguage, collectPageErrors, useBrowserSession } from '../helpers/browser.ts';

const catalog = (file: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', file), 'utf8'));

describe.runIf(browserTestsEnabled('service item end-to-end tests'))('service item catalog in the browser', () => {
  const session = useBrowserSession();

  it('finds an item by a Traditional Chinese search on a phone and shows its guide with the apply button', async () => {
    const zhTW = catalog('zh-TW.json');
    const page = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const errors = collectPageErrors(page);
    await page.goto(`${session.url()}/portal`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await chooseLanguage(page, '繁體中文');
    await page.getByRole('link', { name: zhTW['portal.service.taiwanHall.title'] }).click();
    await page.waitForURL(`${session.url()}/portal/services`);
    await page.getByRole('heading', { level: 1, name: zhTW['portal.services.title'] }).waitFor();

    await page.getByLabel(zhTW['portal.services.search']!, { exact: true }).fill('居住證 換領');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: '臺灣居民居住證換領' }).click();
    await page.getByRole('heading', { level: 1, name: '臺灣居民居住證換領' }).waitFor();
    for (const h of ['portal.services.conditions', 'portal.services.materials', 'portal.services.steps', 'portal.services.faq'])
      await page.getByRole('heading', { level: 2, name: zhTW[h] }).waitFor();
    expect(await page.getByRole('cell', { name: '原居住證' }).count()).toBe(1);
    const apply = page.getByRole('link', { name: zhTW['portal.services.apply'] });
    expect(await apply.getAttribute('href')).toBe('/portal/services/apply/TW-JZ-001-02');

    const [scrollWidth, viewportWidth] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
    expect(scrollWidth).toBeLessThanOrEqual(viewportWidth!);
    expect(errors).toEqual([]);
  });

  it('shows the bureau the catalog versions with the shipped one in force', async () => {
    const zhCN = catalog('zh-CN.json');
    const page = await session.openSignedIn('/console/services/items', 'bureau');
    await page.getByRole('heading', { level: 1, name: zhCN['services.items.title'] }).waitFor();
    const row = page.getByRole('row').filter({ hasText: zhCN['services.items.inForce']! });
    await row.waitFor();
    expect(await row.textContent()).toContain('shipped with Landao');
    expect(await page.getByLabel(zhCN['services.items.importFile']!).count()).toBe(1);
  });
});
