/**
 * The public data foundation in a browser: a tax officer loads a file into the department's dataset
 * and reads the batch's rejects and the quality report; a visitor finds the dataset on the open data
 * portal and downloads it.
 */
import { describe, expect, it } from 'vitest';
import { demoUscc } from '../../src/contexts/catalog/index.ts';
import { browserTestsEnabled, collectPageErrors, useBrowserSession } from '../helpers/browser.ts';

describe.runIf(browserTestsEnabled('catalog end-to-end tests'))('data catalog and open data in a browser', () => {
  const session = useBrowserSession();

  it('lets a tax officer upload a file into the catalog and see its rejected row and quality report', async () => {
    const page = await session.openSignedIn('/console/catalog', 'shuiwu');
    const errors = collectPageErrors(page);
    await page.getByRole('heading', { level: 1, name: '数据资源目录' }).waitFor();
    expect(await page.title()).toBe('数据资源目录 · 岚岛数据服务平台');
    await page.getByRole('link', { name: '纳税信用等级评价结果' }).click();
    await page.getByRole('heading', { level: 1, name: '纳税信用等级评价结果' }).waitFor();
    await page.getByRole('alert').filter({ hasText: '一数一源' }).waitFor();

    await page.getByRole('tab', { name: '汇聚批次' }).click();
    const csv = `统一社会信用代码,纳税人名称,评价年度,纳税信用等级\n${demoUscc(40)},岚岛浏览器测试企业,2025,A\n${demoUscc(41)},岚岛另一家,2025,Q\n`;
    await page.locator('input[type=file]').setInputFiles({ name: 'credit-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const row = page.getByRole('row').filter({ hasText: 'credit-2025.csv' });
    await row.getByText('部分入库').waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByRole('cell', { name: 'credit_level "Q" is not in the code list', exact: true }).waitFor();

    await page.getByRole('tab', { name: '数据质量' }).click();
    await page.getByText('近期批次合格率').waitFor();
    await page.getByRole('cell', { name: 'credit_level' }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('lets a visitor find an open dataset without signing in and download it as CSV', async () => {
    const page = await session.newPage();
    await page.goto(`${session.url()}/portal/open-data`);
    await page.getByRole('heading', { level: 1, name: '公共数据开放' }).waitFor();
    await page.getByLabel('搜索数据集').fill('市场主体');
    await page.getByLabel('搜索数据集').press('Enter');
    await page.getByRole('link', { name: '市场主体登记基本信息' }).click();
    await page.getByRole('heading', { level: 1, name: '市场主体登记基本信息' }).waitFor();
    const href = await page.getByRole('link', { name: '下载 CSV' }).getAttribute('href');
    const res = await page.request.get(`${session.url()}${href}`);
    expect(res.status()).toBe(200);
    const lines = (await res.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('uscc,company_name,entity_type,established,capital_wan,status');
    expect(lines.length).toBe(25);
  });
});
