/**
 * Headless Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core (which
 * never downloads a browser). Without it the browser tests are skipped with a warning, or fail when
 * LANDAO_REQUIRE_BROWSER=1 (CI sets it, so a missing browser cannot pass unnoticed).
 */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page, type Request, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { startServer, type RunningServer } from './server-process.ts';

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
  const browser = await chromium.launch({
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
  // The console turns antd's animations off for readers who ask for reduced motion (web/src/theme.ts). Every
  // journey's context asks for it (newPage makes its context through newContext): a dialog still zooming in, or a
  // form whose error text was still folding away, moved its button under a click on the loaded CI machine, and
  // the click was lost.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

export const DEMO_PASSWORD = 'Demo@2026';

/**
 * How long one browser step (a click's result, a row to appear) may take. Generous: on the 2-core CI machine
 * two test files, their servers and Chromium share the cores, and a signing or PDF step can stall for seconds.
 */
export const STEP_TIMEOUT_MS = 30_000;
/**
 * A step whose request renders a PDF with Chinese fonts and archives a package (a destruction record, a clearance): twice
 * it took longer than STEP_TIMEOUT_MS under CI load. The cause is not known. Measured on a quiet machine (session 7), the
 * first render costs under 0.1 s, the first pdf.js read about 0.2 s, and the server now parses the fonts once and warms
 * both up after it starts listening, so font loading and pdf.js alone do not explain it.
 */
export const HEAVY_STEP_TIMEOUT_MS = 90_000;
/** How long one journey may take: several steps, each of which may be slow under that load. */
export const JOURNEY_TIMEOUT_MS = 180_000;

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

/**
 * Picks an option of an antd Select (`select`: its `.ant-select`) by the option's visible text, typing `search` first
 * if given, and waits until no dropdown is open. Without that wait the next click can land on a dropdown that is still
 * closing (its animation runs long on a loaded machine), and the Select it meant to open never opens.
 */
export async function chooseOption(page: Page, select: Locator, option: string, search?: string): Promise<void> {
  await select.click();
  if (search) await select.getByRole('combobox').fill(search);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ has: page.getByText(option, { exact: true }) });
  const open = page.locator('.ant-select-dropdown:visible');
  // A click on an option can be lost on a loaded machine as on a dialog's button (see confirmInDialog): the dropdown
  // then stays open. Click again while the option is still shown; a single Select takes the same value twice.
  for (let i = 1; ; i++) {
    await item.click();
    try {
      await expect.poll(() => open.count(), { timeout: i < 3 ? 8_000 : STEP_TIMEOUT_MS }).toBe(0);
      return;
    } catch (e) {
      if (i >= 3 || (await item.count()) === 0) throw e;
      console.error(`[e2e] a click on the option ${option} left its dropdown open (attempt ${i}); clicking again`);
    }
  }
}

/**
 * Clicks a dialog's confirming button (`button`) until the page sends the write it asks for — a POST, PUT, PATCH or
 * DELETE under /api/ — and returns that request's response. On a loaded CI machine a click on a confirmation dialog
 * that had just opened was sometimes lost: twice the failed journey's report showed the dialog still open, no request
 * sent or waiting, no alert (customs approval, archive destruction). The button is clicked again only while the dialog
 * is still open and nothing was sent, so a write is never sent twice.
 */
export async function confirmInDialog(page: Page, dialog: Locator, button: Locator, attempts = 3): Promise<Response> {
  const isWrite = (r: Request) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/');
  let request: Request | undefined;
  for (let i = 1; request === undefined; i++) {
    const sent = page.waitForRequest(isWrite, { timeout: 5_000 });
    await button.click();
    try {
      request = await sent;
    } catch (e) {
      if (i >= attempts || !(await dialog.isVisible())) throw e;
      console.error(`[e2e] a click on a dialog's confirming button sent nothing within 5 s (attempt ${i}); clicking again`);
    }
  }
  // Only the wait for the request is retried: once it is sent, its failure is the journey's failure.
  const response = await request.response();
  if (!response) throw new Error(`${request.method()} ${request.url()} got no response`);
  return response;
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

/**
 * The fixture every browser journey needs: one browser and one real server for the suite, a fresh
 * browser context per page (closed after each test), and signing in through the login page.
 * Call inside a `describe`.
 */
export function useBrowserSession(opts: { serverEnv?: NodeJS.ProcessEnv } = {}) {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  const contexts: BrowserContext[] = [];
  vi.setConfig({ testTimeout: JOURNEY_TIMEOUT_MS });

  /** Per context: the API requests sent and not yet answered (method, path, when sent), for a failed journey's report. */
  const inFlight = new Map<BrowserContext, Map<Request, string>>();
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer(opts.serverEnv ? { env: opts.serverEnv } : {});
  });
  afterEach(async (ctx) => {
    // A failed journey says what the pages showed (URL, error alerts, toasts) and what the server logged.
    if (ctx.task.result?.state === 'fail') {
      for (const c of contexts)
        for (const pg of c.pages()) {
          const notices = await pg
            .locator('.ant-alert, .ant-message-notice, .ant-notification-notice, .ant-form-item-explain-error')
            .allTextContents()
            .catch(() => []);
          console.error(`[e2e] page ${pg.url()}: ${notices.length ? notices.join(' | ') : '(no alert or toast shown)'}`);
          // A dialog still open (a confirmation whose button was never taken) and the requests still waiting for an
          // answer tell a click that did nothing from a request that hangs.
          const dialogs = await pg
            .locator('.ant-modal-wrap:visible .ant-modal-content')
            .allTextContents()
            .catch(() => []);
          if (dialogs.length) console.error(`[e2e]   open dialogs: ${dialogs.map((d) => d.slice(0, 120)).join(' | ')}`);
        }
      for (const [c, requests] of inFlight)
        if (contexts.includes(c) && requests.size > 0) console.error(`[e2e]   requests without an answer at ${new Date().toISOString().slice(11, 23)} UTC: ${[...requests.values()].join(' | ')}`);
      const d = server?.diagnostics();
      if (d?.stderr) console.error(`[e2e] server stderr:\n${d.stderr.slice(-4000)}`);
      if (d?.stdout) console.error(`[e2e] server log (warnings and errors):\n${d.stdout.slice(-4000)}`);
    }
    for (const c of contexts) inFlight.delete(c);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const session = {
    /** Base URL of the running server. */
    url: (): string => server!.url,
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      contexts.push(context);
      const requests = new Map<Request, string>();
      inFlight.set(context, requests);
      context.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/')) requests.set(r, `${r.method()} ${url.pathname} (sent at ${new Date().toISOString().slice(11, 23)} UTC)`);
      });
      const done = (r: Request) => requests.delete(r);
      context.on('requestfinished', done);
      context.on('requestfailed', done);
      return context.newPage();
    },
    /** Opens `path`, is sent to the login page, signs in and waits to be back on `path`. */
    async openSignedIn(path: string, username: string, options: BrowserContextOptions = {}): Promise<Page> {
      const page = await session.newPage(options);
      await page.goto(`${server!.url}${path}`);
      await page.waitForURL(`${server!.url}/console/login?next=${encodeURIComponent(path)}`);
      await submitLogin(page, username);
      await page.waitForURL(`${server!.url}${path}`);
      return page;
    },
  };
  return session;
}
