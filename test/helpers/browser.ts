/**
 * Headless Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core (which
 * never downloads a browser). Without it the browser tests are skipped with a warning, or fail when
 * LANDAO_REQUIRE_BROWSER=1 (CI sets it, so a missing browser cannot pass unnoticed).
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const MISSING = `Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y chromium`;

export function browserAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/**
 * Whether a browser test suite should run. False (with a console warning) when Chromium is missing,
 * unless LANDAO_REQUIRE_BROWSER=1: then the suite runs and launchBrowser() fails with the reason.
 */
export function browserTestsEnabled(suite: string): boolean {
  if (browserAvailable() || process.env.LANDAO_REQUIRE_BROWSER === '1') return true;
  console.warn(`\n[landao] ${suite}: SKIPPED. ${MISSING} (set LANDAO_REQUIRE_BROWSER=1 to fail instead).\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  if (!browserAvailable()) throw new Error(`${MISSING} (LANDAO_REQUIRE_BROWSER=1 makes this a failure)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DEMO_PASSWORD = 'Demo@2026';

/** Fills and submits the console login form; works in any UI language. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Picks a UI language from the language switcher by its native name (简体中文, 繁體中文, English). */
export async function chooseLanguage(page: Page, nativeName: string): Promise<void> {
  await page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: /Language/ }) }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${nativeName}"]`).click();
  await page.locator(`.ant-select-dropdown:visible`).waitFor({ state: 'hidden' });
}

/** Collects uncaught page errors and console errors, so a test can assert that there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return errors;
}
