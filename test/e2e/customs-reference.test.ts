/**
 * The bureau's editor of the customs reference data in a real browser against the real server: an
 * officer tightens a negative-list item, publishes it with a note, and finds two versions in the
 * history with the change in the diff; a document the server refuses shows the item and field it
 * names; an enterprise sees the same page read-only. And a declaration sent back for more information
 * is resubmitted by the enterprise and scanned again, and its clearance is found from the portal's
 * customs page; a list imported from CSV is refused with the line of its bad row.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled, chooseOption, collectPageErrors, confirmInDialog, HEAVY_STEP_TIMEOUT_MS, useBrowserSession } from '../helpers/browser.ts';

const PAGE = '/console/customs/reference';
const ITEM = 'NL-PHARMA-MRCT-04';

/** Picks an option of the antd Select labelled `label` (inside `scope`) by its visible text. */
function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string): Promise<void> {
  return chooseOption(page, scope.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) }), option);
}

describe.runIf(browserTestsEnabled('customs reference editor end-to-end tests'))('customs reference editor in a browser', () => {
  const session = useBrowserSession();

  it('lets the bureau change a negative-list item, publish it with a note, and see both versions and the change in the history', async () => {
    const page = await session.openSignedIn(PAGE, 'bureau');
    const errors = collectPageErrors(page);
    const keys: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/customs/reference/')) keys.push(r.headers()['idempotency-key']);
    });
    await page.getByRole('heading', { level: 1, name: '分类分级目录与自贸区清单' }).waitFor();
    await page.getByRole('tab', { name: '自贸区清单' }).click();
    const lists = page.locator('[data-kind="lists"]');
    await lists.locator(`tr[data-id="${ITEM}"]`).waitFor();
    expect(await lists.locator(`tr[data-id="${ITEM}"] [data-route]`).getAttribute('data-route')).not.toBe('security_assessment');

    await lists.getByRole('button', { name: `编辑条目 ${ITEM}` }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: `编辑条目 ${ITEM}` });
    await drawer.waitFor();
    await choose(page, drawer, '出境路径', '安全评估');
    await drawer.getByRole('button', { name: '保存到待发布版本' }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(await lists.locator(`tr[data-id="${ITEM}"] [data-route]`).getAttribute('data-route')).toBe('security_assessment');
    expect(await lists.locator('[data-unpublished]').textContent()).toBe('未发布的修改 1 处');

    await lists.getByRole('button', { name: '发布为新版本' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '本次修改' });
    await dialog.locator(`li[data-id="${ITEM}"][data-change="changed"]`).waitFor();
    await dialog.getByRole('button', { name: '发布为新版本' }).click();
    await dialog.getByText('必填').waitFor();
    await dialog.getByLabel('修订说明').fill('收紧多中心临床试验受试者身份信息的出境路径');
    await confirmInDialog(page, dialog, dialog.getByRole('button', { name: '发布为新版本' }));
    await lists.getByText('已发布版本 1.0.1，即时生效。').waitFor();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const history = lists.locator('.customs-reference-history tr[data-version]');
    await history.nth(1).waitFor();
    expect(await Promise.all((await history.all()).map((r) => r.getAttribute('data-version')))).toEqual(['1.0.1', '1.0.0']);
    expect(await history.first().textContent()).toContain('收紧多中心临床试验受试者身份信息的出境路径');
    expect(await history.first().textContent()).toContain('现行');

    await lists.locator('button[data-diff="1.0.1"]').click();
    const diff = lists.locator('[data-diff-of="1.0.1"]');
    await diff.waitFor();
    expect(await diff.getByRole('heading').textContent()).toBe('版本 1.0.1 相对 1.0.0 的变化');
    const changes = diff.locator('li[data-change]');
    expect(await changes.count()).toBe(1);
    expect(await changes.first().getAttribute('data-id')).toBe(ITEM);
    expect(await changes.first().textContent()).toContain('route');

    // The version in force for everyone at once; the old one opens read-only.
    const inForce = await page.request.get(`${session.url()}/api/customs/lists`);
    const item = ((await inForce.json()) as { negativeList: { id: string; route: string }[] }).negativeList.find((i) => i.id === ITEM);
    expect(item?.route).toBe('security_assessment');
    await lists.getByRole('button', { name: '查看版本 1.0.0' }).click();
    await lists.locator('[data-viewing="1.0.0"]').waitFor();
    expect(await lists.locator(`tr[data-id="${ITEM}"] [data-route]`).getAttribute('data-route')).not.toBe('security_assessment');
    expect(await lists.getByRole('button', { name: `查看条目 ${ITEM}` }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows the item and field of a document the server refuses, and opens that item', async () => {
    const page = await session.openSignedIn(PAGE, 'bureau');
    const catalog = page.locator('[data-kind="catalog"]');
    const id = 'PI.SENSITIVE.ID_DOCUMENT';
    await catalog.locator(`tr[data-id="${id}"]`).waitFor();
    await catalog.getByRole('button', { name: `编辑子类 ${id}` }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: `编辑子类 ${id}` });
    const detectors = drawer.getByLabel('识别器类型', { exact: true });
    await detectors.fill('no_such_detector');
    await detectors.press('Enter');
    await detectors.press('Tab');
    await drawer.getByRole('button', { name: '保存到待发布版本' }).click();
    await drawer.waitFor({ state: 'hidden' });

    await catalog.getByRole('button', { name: '发布为新版本' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '本次修改' });
    await dialog.getByLabel('修订说明').fill('增加一个识别器');
    await confirmInDialog(page, dialog, dialog.getByRole('button', { name: '发布为新版本' }));
    const alert = dialog.locator('[data-error-field]');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-field')).toMatch(new RegExp(`^${id.replace(/\./g, '\\.')}\\.detectorTypes\\[\\d+\\]$`));
    expect(await alert.textContent()).toContain('no_such_detector');
    await alert.getByRole('button', { name: '打开此条目' }).click();
    const reopened = page.getByRole('dialog').filter({ hasText: `编辑子类 ${id}` });
    await reopened.locator('.ant-form-item-explain-error').filter({ hasText: 'no_such_detector' }).waitFor();
  });

  it('sends a declaration back for more information, lets the enterprise resubmit it, and finds its clearance from the portal', async () => {
    const qiye = await session.openSignedIn('/console/customs/declarations', 'qiye');
    const url = session.url();
    const { csrfToken } = (await (await qiye.request.get(`${url}/api/auth/session`)).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const created = await qiye.request.post(`${url}/api/customs/declarations`, {
      headers,
      data: { title: '会员数据出境', recipient: { name: 'Member Services Ltd', country: 'SG' }, purpose: '跨境会员服务', industry: 'other', dataDescription: '会员姓名与手机号', securityMeasures: '传输加密（SM4）', inFreeTradeZone: false },
    });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { id: number }).id;
    const rows = ['姓名,手机号', ...Array.from({ length: 20 }, (_, i) => `会员${i},139${String(10000000 + i).padStart(8, '0')}`)].join('\n');
    expect((await qiye.request.post(`${url}/api/customs/declarations/${id}/file`, { headers, multipart: { file: { name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) } } })).status()).toBe(200);
    expect((await qiye.request.post(`${url}/api/customs/declarations/${id}/actions/submit`, { headers, data: {} })).status()).toBe(200);

    const bureau = await session.openSignedIn(`/console/customs/declarations/${id}`, 'bureau');
    await bureau.locator('[data-state="pending_review"]').waitFor({ timeout: 30_000 });
    await bureau.locator('button[data-action="request_info"]').click();
    const ask = bureau.getByRole('dialog');
    await ask.getByLabel('意见', { exact: true }).fill('请补充接收方的安全保护能力说明');
    await confirmInDialog(bureau, ask, ask.getByRole('button', { name: '要求补充材料' }));
    await bureau.locator('[data-state="info_requested"]').waitFor();

    const keys: (string | undefined)[] = [];
    qiye.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/actions/resubmit')) keys.push(r.headers()['idempotency-key']);
    });
    await qiye.goto(`${url}/console/customs/declarations/${id}`);
    await qiye.getByText('数据海关要求补充材料').waitFor();
    await qiye.getByText('请补充接收方的安全保护能力说明').first().waitFor();
    await qiye.locator('button[data-action="resubmit"]').click();
    const resubmit = qiye.getByRole('dialog');
    await resubmit.getByLabel('意见（选填）').fill('已补充接收方的安全保护能力说明');
    await confirmInDialog(qiye, resubmit, resubmit.getByRole('button', { name: '重新提交' }));
    await qiye.locator('[data-state="pending_review"]').waitFor({ timeout: 30_000 });
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    const history = await Promise.all((await qiye.locator('.customs-history-entry').all()).map((e) => e.getAttribute('data-action')));
    expect(history).toEqual(['create', 'attach', 'submit', 'scan_completed', 'request_info', 'resubmit', 'scan_completed']);

    // Approved (members' mobiles only: exempt), its clearance is found from the portal's customs page, scope named in words.
    await bureau.reload();
    await bureau.locator('button[data-action="approve"]').click();
    const approve = bureau.getByRole('dialog');
    expect((await confirmInDialog(bureau, approve, approve.getByRole('button', { name: '审核通过' }))).ok()).toBe(true);
    await bureau.locator('[data-clearance-no]').waitFor({ timeout: HEAVY_STEP_TIMEOUT_MS });
    const no = (await bureau.locator('[data-clearance-no]').getAttribute('data-clearance-no'))!;
    const portal = await session.newPage();
    const errors = collectPageErrors(portal);
    await portal.goto(`${url}/portal`);
    await portal.getByRole('region', { name: '平台服务' }).getByRole('link', { name: '数据海关' }).click();
    await portal.getByRole('heading', { level: 1, name: '数据海关' }).waitFor();
    await portal.getByLabel('凭证编号').fill('CL12');
    await portal.getByRole('button', { name: '查询' }).click();
    await portal.getByRole('alert').filter({ hasText: '凭证编号格式应为' }).waitFor();
    await portal.getByLabel('凭证编号').fill(no.toLowerCase());
    await portal.getByRole('button', { name: '查询' }).click();
    await portal.waitForURL(`${url}/portal/verify/clearance/${no}`);
    expect(await portal.locator('[data-verdict]').first().getAttribute('data-verdict')).toBe('valid');
    const tags = portal.locator('.verify-particulars [data-subclass]');
    await tags.first().waitFor();
    for (const tag of await tags.all()) {
      const id = (await tag.getAttribute('data-subclass'))!;
      await expect.poll(() => tag.textContent()).not.toBe(id);
    }
    expect(errors).toEqual([]);
  });

  it('refuses an imported list with the line of the bad row, and publishes a good one', async () => {
    const page = await session.openSignedIn(PAGE, 'bureau');
    await page.getByRole('tab', { name: '自贸区清单' }).click();
    const lists = page.locator('[data-kind="lists"]');
    await lists.locator(`tr[data-id="${ITEM}"]`).waitFor();
    const exported = await page.request.get(`${session.url()}/api/customs/reference/lists/export?list=general&format=csv`);
    const csv = (await exported.text()).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    const bad = [...lines];
    bad[2] = bad[2]!.replace(/^([^,]+),(pharma|auto|consumer),/, (_m, id: string, ind: string) => `${id},${ind === 'auto' ? 'pharma' : 'auto'},`);

    await lists.getByRole('button', { name: '导入清单' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '导入清单（CSV/XLSX）' });
    await dialog.getByText('一般数据清单', { exact: true }).click();
    await dialog.getByLabel('修订说明').fill('按新文件更新一般数据清单');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'general.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\r\n')) });
    await confirmInDialog(page, dialog, dialog.getByRole('button', { name: '导入并发布' }));
    const refused = dialog.locator('[data-import-error]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/line 3, column industry/);

    const good = [...lines.slice(0, -2), lines.at(-1)!].join('\r\n'); // the last item dropped
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'general.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await confirmInDialog(page, dialog, dialog.getByRole('button', { name: '导入并发布' }));
    await lists.getByText(/^已发布版本 .+，即时生效。$/).waitFor();
    const history = lists.locator('.customs-reference-history tr[data-version]');
    await history.nth(2).waitFor();
    expect(await history.first().textContent()).toContain('按新文件更新一般数据清单');
  });

  it('shows an enterprise the catalog and the lists read-only', async () => {
    const page = await session.openSignedIn(PAGE, 'qiye');
    await page.getByRole('heading', { level: 1, name: '分类分级目录与自贸区清单' }).waitFor();
    await page.getByText('您可以查看目录和清单；修改和发布需要数据海关的编辑权限。').first().waitFor();
    expect(await page.getByRole('button', { name: '发布为新版本' }).count()).toBe(0);
    await page.getByRole('tab', { name: '自贸区清单' }).click();
    const lists = page.locator('[data-kind="lists"]');
    await lists.getByRole('button', { name: `查看条目 ${ITEM}` }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: `查看条目 ${ITEM}` });
    await drawer.waitFor();
    expect(await drawer.getByRole('button', { name: '保存到待发布版本' }).count()).toBe(0);
  });
});
