/**
 * The officer console in a real browser (Debian's Chromium) against the real server with demo data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled, chooseLanguage, submitLogin, useBrowserSession } from '../helpers/browser.ts';

describe.runIf(browserTestsEnabled('console end-to-end tests'))('officer console in a browser', () => {
  const session = useBrowserSession();
  const { newPage, openSignedIn } = session;

  async function sessionUser(page: Page): Promise<{ displayName: string; locale: string; org: { name: string } | null }> {
    const res = await page.request.get(`${session.url()}/api/auth/session`);
    return (await res.json()).user;
  }

  const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

  it('sends a visitor who is not signed in to the login page, whose fields are labelled', async () => {
    const page = await newPage();
    await page.goto(`${session.url()}/console/users`);
    await page.waitForURL(`${session.url()}/console/login?next=%2Fconsole%2Fusers`);
    await page.getByLabel('用户名').waitFor();
    await page.getByLabel('密码').waitFor();
    expect(await page.title()).toBe('工作人员登录 · 岚岛数据服务平台');
  });

  it('greets an administrator by name on the console home after signing in', async () => {
    const page = await openSignedIn('/console', 'admin');
    const user = await sessionUser(page);
    await page.getByRole('heading', { level: 1, name: `欢迎，${user.displayName}` }).waitFor();
    const header = await page.getByRole('banner').textContent();
    expect(header).toContain(user.displayName);
    expect(header).toContain(user.org?.name);
    await page.getByText('运行正常').waitFor();
    expect(await page.title()).toBe('首页 · 岚岛数据服务平台');
    expect(await htmlLang(page)).toBe('zh-Hans');
  });

  it('switches the interface to Traditional Chinese and to English, and keeps the choice after a reload', async () => {
    const page = await openSignedIn('/console', 'auditor');
    const nav = page.getByRole('navigation');

    await chooseLanguage(page, '繁體中文');
    await page.getByRole('button', { name: '登出' }).waitFor();
    await nav.getByRole('link', { name: '稽核日誌' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-Hant-TW');
    await page.reload();
    await page.getByRole('button', { name: '登出' }).waitFor();
    expect(await nav.textContent()).toContain('使用者管理');

    await chooseLanguage(page, 'English');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    expect(await page.title()).toBe('Home · Landao Data Services');
    expect((await sessionUser(page)).locale).toBe('en');
  });

  it('uses the language stored in the account as soon as its user signs in', async () => {
    const page = await openSignedIn('/console', 'taibao');
    await page.getByRole('button', { name: '登出' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-Hant-TW');
  });

  it('shows a department officer an access-denied page for the audit log, and no audit menu entry', async () => {
    const page = await openSignedIn('/console/audit', 'shenpi');
    await page.getByRole('heading', { level: 1, name: '无权访问' }).waitFor();
    expect(await page.locator('.ant-result-403').count()).toBe(1);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '用户管理' }).waitFor();
    expect(await nav.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('shows an administrator the audit events and reports the hash chain intact', async () => {
    const page = await openSignedIn('/console/audit', 'admin');
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '校验哈希链' }).click();
    const result = page.getByRole('alert').filter({ hasText: '哈希链完整' });
    await result.waitFor();
    expect(await page.getByRole('alert').filter({ hasText: '未通过' }).count()).toBe(0);
  });

  it('says the username or password is wrong when the password is wrong, and stays on the login page', async () => {
    const page = await newPage();
    await page.goto(`${session.url()}/console/login`);
    await submitLogin(page, 'admin', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
  });

  it('says there were too many attempts once the server throttles repeated wrong passwords', async () => {
    const page = await newPage();
    await page.goto(`${session.url()}/console/login`);
    const tooMany = page.getByRole('alert').filter({ hasText: '登录尝试次数过多' });
    for (let attempt = 0; attempt < 20 && (await tooMany.count()) === 0; attempt++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await submitLogin(page, 'bank', `wrong-${attempt}`);
      await answered;
      await page.locator('button[type="submit"]:not([disabled])').waitFor();
    }
    await tooMany.waitFor();
  });

  it('signs out back to the login page, after which the console asks for a login again', async () => {
    const page = await openSignedIn('/console', 'qiye');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/console\/login/);
    await page.goto(`${session.url()}/console`);
    await page.waitForURL(`${session.url()}/console/login?next=%2Fconsole`);
  });
});
