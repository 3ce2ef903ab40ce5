/**
 * Data sharing between departments in a browser: the providing department revokes a grant it approved,
 * giving its reason in the confirmation dialog, and the grant shows as revoked for the department that used it.
 */
import { describe, expect, it } from 'vitest';
import { browserTestsEnabled, collectPageErrors, confirmInDialog, useBrowserSession } from '../helpers/browser.ts';

describe.runIf(browserTestsEnabled('exchange end-to-end tests'))('data sharing grants in a browser', () => {
  const session = useBrowserSession();

  it('lets the providing department revoke an approved grant with a reason, after which the consumer sees it revoked', async () => {
    const page = await session.openSignedIn('/console/exchange', 'minzheng');
    const errors = collectPageErrors(page);
    await page.getByRole('heading', { level: 1, name: '数据共享交换' }).waitFor();
    // The demo's prefill grant from 社会事业局 (this officer's department) to the service hall.
    const row = page.getByRole('row').filter({ hasText: '行政审批局' }).filter({ hasText: '已同意' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: '撤销' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('浏览器测试：用途已结束');
    await confirmInDialog(page, dialog, dialog.getByRole('button', { name: /确\s*定|OK/ }));
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: '行政审批局' }).filter({ hasText: '已撤销' }).first().waitFor();
    expect(errors).toEqual([]);

    const consumer = await session.openSignedIn('/console/exchange', 'shenpi');
    await consumer.getByRole('heading', { level: 1, name: '数据共享交换' }).waitFor();
    await consumer.getByRole('row').filter({ hasText: '社会事业局' }).filter({ hasText: '已撤销' }).first().waitFor();
    expect(await consumer.getByRole('row').filter({ hasText: '社会事业局' }).filter({ hasText: '已撤销' }).count()).toBeGreaterThan(0);
  });
});
