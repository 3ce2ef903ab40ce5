/**
 * The public portal on a phone-sized screen, in each of the three UI languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled, chooseLanguage, collectPageErrors, useBrowserSession } from '../helpers/browser.ts';

const catalog = (file: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', file), 'utf8'));

const languages = [
  { nativeName: '简体中文', htmlLang: 'zh-Hans', messages: catalog('zh-CN.json') },
  { nativeName: '繁體中文', htmlLang: 'zh-Hant-TW', messages: catalog('zh-TW.json') },
  { nativeName: 'English', htmlLang: 'en', messages: catalog('en.json') },
];

describe.runIf(browserTestsEnabled('portal end-to-end tests'))('public portal on a phone', () => {
  const session = useBrowserSession();

  for (const { nativeName, htmlLang, messages } of languages) {
    it(`renders in ${nativeName} on a 390×844 screen without horizontal scrolling, and keeps the language after a reload`, async () => {
      const page = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const errors = collectPageErrors(page);

      await page.goto(`${session.url()}/`);
      await page.waitForURL(`${session.url()}/portal`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (nativeName !== '简体中文') await chooseLanguage(page, nativeName);

      const h1 = page.getByRole('heading', { level: 1, name: messages['app.title'] });
      await h1.waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(htmlLang);
      expect(await page.title()).toBe(`${messages['portal.title']} · ${messages['app.shortName']}`);

      const services = page.getByRole('region', { name: messages['portal.servicesHeading'] }).getByRole('listitem');
      expect(await services.count()).toBe(6);
      expect(await services.filter({ hasText: messages['common.comingSoon'] }).count()).toBe(1);
      await page.getByRole('link', { name: messages['portal.consoleLogin'] }).waitFor();
      for (const landmark of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(landmark).count()).toBe(1);

      const [scrollWidth, viewportWidth] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
      expect(scrollWidth).toBeLessThanOrEqual(viewportWidth!);

      await page.reload();
      await h1.waitFor();
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').textContent()).toBe(messages['app.skipToMain']);
      expect(errors).toEqual([]);
    });
  }
});
