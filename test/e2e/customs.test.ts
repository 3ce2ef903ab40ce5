/**
 * The outbound data declaration in a real browser against the real server, whose job workers run the
 * scan: an enterprise declares and uploads a CSV of trial subjects, the scan proposes the route, a
 * customs officer approves it with the filing reference, and anyone can verify the clearance on the
 * public page the QR code points at — and sees a tampered copy fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mod11_2CheckChar } from '../../src/contexts/detection/validators/index.ts';
import { browserTestsEnabled, chooseOption, collectPageErrors, confirmInDialog, useBrowserSession } from '../helpers/browser.ts';

/** A valid resident ID number for person `i` (Pingtan county code, born 1980–1999). */
function idNumber(i: number): string {
  const body = `350128${1980 + (i % 20)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

function trialCsv(n: number): string {
  const rows = ['受试者姓名,身份证件号码,病案摘要,随访日期'];
  for (let i = 0; i < n; i++) rows.push(`王${'明华丽军'[i % 4]},${idNumber(i)},II型糖尿病 E11.9 随访,2026-0${1 + (i % 9)}-1${i % 10}`);
  return rows.join('\n') + '\n';
}

/** Picks an option of the antd Select labelled `label` by its visible text. */
function choose(page: Page, label: string, option: string, search?: string): Promise<void> {
  return chooseOption(page, page.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) }), option, search);
}

describe.runIf(browserTestsEnabled('customs end-to-end tests'))('outbound data declaration in a browser', () => {
  const session = useBrowserSession();
  let dir: string;
  let csv: string;
  let declarationUrl: string;
  let clearanceNo: string;
  let clearanceJson: unknown;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-customs-e2e-'));
    csv = path.join(dir, '受试者.csv');
    fs.writeFileSync(csv, trialCsv(40));
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets an enterprise declare a transfer, upload the data and submit it, and shows the scan analysis and the proposed route', async () => {
    const page = await session.openSignedIn('/console/customs/declarations/new', 'qiye');
    const errors = collectPageErrors(page);
    await page.getByRole('heading', { level: 1, name: '新建出境申报' }).waitFor();
    await page.getByLabel('申报标题').fill('多中心临床试验受试者数据出境');
    await page.getByLabel('境外接收方名称').fill('臺灣某某臨床研究股份有限公司');
    await choose(page, '接收方所在国家或地区', '台湾 (TW)', 'TW');
    await page.getByLabel('出境目的').fill('国际多中心临床试验数据汇总分析');
    await choose(page, '所属行业', '医药');
    await choose(page, '应用场景', '国际多中心临床试验');
    await page.getByLabel('数据说明').fill('受试者基本信息与病案摘要');
    await page.getByLabel('安全保护措施').fill('传输加密（SM4），访问控制，最小必要字段');
    await page.locator('input[type="file"]').setInputFiles(csv);
    await page.getByText('受试者.csv').waitFor();
    await page.getByRole('button', { name: '保存并提交' }).click();

    await page.waitForURL(/\/console\/customs\/declarations\/\d+$/);
    declarationUrl = new URL(page.url()).pathname;
    await page.locator('[data-state="pending_review"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-state]').first().textContent()).toBe('待审核');
    expect(await page.locator('[data-grade="pi_sensitive"] .ant-tag').textContent()).toBe('敏感个人信息');
    expect(await page.locator('[data-stat="transfer-sensitive"] .ant-statistic-content-value').textContent()).toBe('40');
    await page.locator('[data-item="NL-PHARMA-MRCT-04"]').waitFor();
    expect(await page.locator('[data-outcome] .ant-tag').textContent()).toBe('标准合同或个人信息保护认证');
    const idColumn = page.locator('.ant-table-row').filter({ hasText: '身份证件号码' });
    for (const e of await idColumn.locator('code').allTextContents()) expect(e).toMatch(/^3501\*{10}[0-9]{3}[0-9X]$/);
    expect(await idColumn.textContent()).not.toContain(idNumber(0));
    const history = await page.locator('.customs-history-entry').all();
    expect(await Promise.all(history.map((e) => e.getAttribute('data-action')))).toEqual(['create', 'attach', 'submit', 'scan_completed']);
    // The exporter may not review its own declaration.
    expect(await page.locator('[data-action="approve"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets a customs officer approve with the filing reference, issuing a clearance', async () => {
    const page = await session.openSignedIn(declarationUrl, 'bureau');
    await page.locator('[data-state="pending_review"]').waitFor();
    await page.locator('button[data-action="approve"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '审核通过' }).click();
    await dialog.getByText('必填').waitFor();
    await dialog.getByLabel('路径批准或备案文号').fill('闽网信备〔2026〕0012号');
    await confirmInDialog(page, dialog, dialog.getByRole('button', { name: '审核通过' }));
    await page.locator('[data-state="approved"]').waitFor();
    const link = page.locator('[data-clearance-no]');
    clearanceNo = (await link.getAttribute('data-clearance-no'))!;
    expect(clearanceNo).toMatch(/^CL\d{10}$/);
    expect(await page.locator('button[data-action="revoke"]').count()).toBe(1);
    const res = await page.request.get(new URL(`/api${declarationUrl.replace('/console', '')}/clearance`, session.url()).toString());
    expect(res.status()).toBe(200);
    clearanceJson = await res.json();
  });

  it('gives the bureau the year\'s counts by month, industry, route and state, and a CSV that Excel opens', async () => {
    const page = await session.openSignedIn('/console/customs/statistics', 'bureau');
    await page.getByRole('heading', { level: 1, name: '出境统计' }).waitFor();
    const approved = page.locator('[data-stat="approved"] .ant-statistic-content-value');
    await approved.filter({ hasText: '1' }).waitFor();
    expect(await page.locator('[data-stat="declarations"] .ant-statistic-content-value').textContent()).toBe('1');
    expect(await page.locator('[data-key="pharma"]').textContent()).toMatch(/^医药.*1$/);
    expect(await page.locator('[data-key="standard_contract_or_certification"]').textContent()).toContain('标准合同或个人信息保护认证');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV（Excel）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`customs-statistics-${new Date().getFullYear()}.csv`);
    const bytes = fs.readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('月份,所属行业,出境路径,状态,申报数');
    expect(lines[1]).toMatch(/^\d{4}-\d{2},医药,标准合同或个人信息保护认证,已通过,1$/);
  });

  it('shows the clearance as valid on the public page the QR code points at, and a tampered copy as changed', async () => {
    const page = await session.newPage({ viewport: { width: 390, height: 844 } });
    const errors = collectPageErrors(page);
    await page.goto(`${session.url()}/verify/clearance/${clearanceNo}`);
    await page.waitForURL(`${session.url()}/portal/verify/clearance/${clearanceNo}`);
    const verdict = page.locator('[data-verdict]').first();
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    expect(await verdict.textContent()).toContain('凭证有效');
    await page.locator('.verify-particulars').getByText('闽网信备〔2026〕0012号').waitFor();

    const tampered = structuredClone(clearanceJson) as { payload: { scope: { maxPersons: { sensitiveSubjects: number } } } };
    tampered.payload.scope.maxPersons.sensitiveSubjects = 400_000;
    await page.getByLabel('电子凭证（JSON）').fill(JSON.stringify(tampered));
    await page.getByRole('button', { name: '核验', exact: true }).click();
    const checked = page.locator('.verify-block [data-verdict]');
    await checked.waitFor();
    expect(await checked.getAttribute('data-reason')).toBe('bad_signature');
    expect(await checked.textContent()).toContain('凭证在签发后被改动过');
    expect(errors).toEqual([]);
  });
});
