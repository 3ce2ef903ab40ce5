/**
 * The sensitive-data scan page in a real browser (Debian's Chromium) against the real server, which
 * runs the scan as a background job: upload, progress, report, exports, language and access.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mod11_2CheckChar } from '../../src/contexts/detection/validators/index.ts';
import { browserTestsEnabled, chooseLanguage, collectPageErrors, useBrowserSession } from '../helpers/browser.ts';

const NAMES = ['王小明', '李娜', '张伟', '刘洋', '陈静', '杨帆', '黄磊', '赵敏', '周杰', '吴霞', '林海', '郑爽', '孙丽', '马超', '胡军', '朱琳', '高峰', '何平', '罗娟', '梁辉'];

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** A valid 18-character resident ID number of Pingtan (350128), distinct for each `i`. */
function residentId(i: number): string {
  const body = `350128${1970 + i}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(100 + i).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

/** An 18-digit order number whose last digit is random but never a valid MOD 11-2 check character. */
function orderNumber(): string {
  const body = `2026${digits(13)}`;
  const valid = mod11_2CheckChar(body);
  let check = String(Math.floor(Math.random() * 10));
  while (check === valid) check = String(Math.floor(Math.random() * 10));
  return body + check;
}

describe.runIf(browserTestsEnabled('scan end-to-end tests'))('sensitive-data scan in a browser', () => {
  const session = useBrowserSession();
  const { openSignedIn } = session;
  let dir: string;
  let csv: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-scan-e2e-'));
    csv = path.join(dir, '客户名单.csv');
    const rows = NAMES.map((name, i) => `${residentId(i)},${name},${orderNumber()}`);
    fs.writeFileSync(csv, ['身份证号,姓名,订单号', ...rows].join('\n') + '\n');
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const tableRow = (page: Page, column: string) => page.locator('.ant-table-row').filter({ hasText: column });

  it('scans an uploaded CSV in the background and reports the ID-number column, masked, the order numbers as clean, and 20 persons', async () => {
    const page = await openSignedIn('/console/scan', 'shenpi');
    const errors = collectPageErrors(page);
    await page.getByRole('heading', { level: 1, name: '敏感数据扫描' }).waitFor();
    expect(await page.title()).toBe('敏感数据扫描 · 岚岛数据服务平台');
    await page.getByRole('navigation').getByRole('link', { name: '敏感数据扫描' }).waitFor();

    await page.locator('input[type="file"]').setInputFiles(csv);
    await page.getByText('客户名单.csv').waitFor();
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/detection/scans') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '开始扫描' }).click();
    expect((await uploaded).status()).toBe(202);
    await page.getByRole('heading', { level: 2, name: '扫描报告' }).waitFor({ timeout: 60_000 });

    const persons = page.locator('[data-stat="persons"]');
    expect(await persons.locator('.ant-statistic-title').textContent()).toBe('涉及自然人');
    expect(await persons.locator('.ant-statistic-content-value').textContent()).toBe('20');
    expect(await page.locator('[data-stat="rows"] .ant-statistic-content-value').textContent()).toBe('20');

    const idRow = tableRow(page, '身份证号');
    await idRow.locator('.ant-tag', { hasText: '居民身份证号' }).waitFor();
    const examples = await idRow.locator('code').allTextContents();
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(e).toMatch(/^3501\*{10}[0-9]{3}[0-9X]$/);
    expect(await idRow.textContent()).not.toContain(residentId(0));

    // Columns without findings are hidden until "only sensitive columns" is switched off.
    expect(await tableRow(page, '订单号').count()).toBe(0);
    await page.getByLabel('只看敏感字段').click();
    const orderRow = tableRow(page, '订单号');
    await orderRow.waitFor();
    expect(await orderRow.locator('.ant-tag').count()).toBe(0);
    expect(await orderRow.textContent()).toContain('未检出');
    expect(await orderRow.getAttribute('class')).toContain('scan-row-clean');
    expect(errors).toEqual([]);
  });

  it('offers the printable HTML report and a JSON export of the finished scan', async () => {
    const page = await openSignedIn('/console/scan', 'qiye');
    await page.locator('input[type="file"]').setInputFiles(csv);
    await page.getByRole('button', { name: '开始扫描' }).click();
    await page.getByRole('heading', { level: 2, name: '扫描报告' }).waitFor({ timeout: 60_000 });

    const link = page.getByRole('link', { name: '下载 HTML 报告' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const html = await page.request.get(new URL((await link.getAttribute('href'))!, session.url()).toString());
    expect(html.status()).toBe(200);
    expect(html.headers()['content-type']).toMatch(/^text\/html/);
    expect(await html.text()).toContain('客户名单.csv');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('客户名单.scan-report.json');
    const report = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
    expect(report.source).toBe('客户名单.csv');
    expect(report.persons.persons).toBe(20);

    await page.getByRole('button', { name: '扫描其他文件' }).click();
    await page.getByRole('button', { name: /点此选择文件/ }).waitFor();
  });

  it('names the detected types in Traditional Chinese after switching the language', async () => {
    const page = await openSignedIn('/console/scan', 'shenpi-admin');
    await page.locator('input[type="file"]').setInputFiles(csv);
    await page.getByRole('button', { name: '开始扫描' }).click();
    await page.getByRole('heading', { level: 2, name: '扫描报告' }).waitFor({ timeout: 60_000 });
    await tableRow(page, '身份证号').locator('.ant-tag', { hasText: '居民身份证号' }).waitFor();

    await chooseLanguage(page, '繁體中文');
    await page.getByRole('heading', { level: 1, name: '敏感資料掃描' }).waitFor();
    await tableRow(page, '身份证号').locator('.ant-tag', { hasText: '居民身分證號' }).waitFor();
    expect(await page.locator('[data-stat="persons"] .ant-statistic-title').textContent()).toBe('涉及自然人');
    await page.getByLabel('只看敏感欄位').waitFor();
  });

  it('says a failed scan failed, with the file and line the server gives as the reason', async () => {
    const broken = path.join(dir, 'broken.csv');
    fs.writeFileSync(broken, 'a,b\n"unterminated,1\n');
    const page = await openSignedIn('/console/scan', 'shenpi');
    await page.locator('input[type="file"]').setInputFiles(broken);
    await page.getByRole('button', { name: '开始扫描' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '扫描失败' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/broken\.csv: line \d+: /);
  });

  it('refuses a file of an unsupported type before uploading it', async () => {
    const exe = path.join(dir, 'setup.exe');
    fs.writeFileSync(exe, Buffer.from([0x4d, 0x5a, 0, 0]));
    const page = await openSignedIn('/console/scan', 'shenpi');
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/detection/scans')) posted = true;
    });
    await page.locator('input[type="file"]').setInputFiles(exe);
    await page.getByRole('alert').filter({ hasText: '不支持此文件类型：setup.exe' }).waitFor();
    expect(await page.getByRole('button', { name: '开始扫描' }).isDisabled()).toBe(true);
    expect(posted).toBe(false);
  });

  it('shows a citizen an access-denied page for the scan page, and no scan menu entry', async () => {
    const page = await openSignedIn('/console/scan', 'taibao');
    await page.getByRole('heading', { level: 1, name: '無權存取' }).waitFor();
    expect(await page.locator('.ant-result-403').count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: '敏感資料掃描' }).count()).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
  });
});
