/**
 * 鉴定销毁 in a browser with the demo users: the bureau officer (bureau) proposes the destruction of an
 * expired record from the review list, the archivist of 档案馆 (dangan) approves and destroys it; the
 * record then shows as destroyed among the tombstones, a download of its file answers 410 Gone, and the
 * destruction record (销毁清册, category WS) is listed among the archive's records.
 *
 * The expired record is submitted through the archives API by 行政审批局 (shenpi) before the browser
 * starts, as a department system would: the demo's own records are all of this year.
 */
import { describe, expect, it } from 'vitest';
import { demoPdf } from '../../src/contexts/archives/archives.demo.ts';
import { browserTestsEnabled, collectPageErrors, confirmInDialog, DEMO_PASSWORD, HEAVY_STEP_TIMEOUT_MS, useBrowserSession } from '../helpers/browser.ts';

const TITLE = '补正通知 平潭某某贸易有限公司（2014）';
const FILE = '补正通知.pdf';

/** Signs in through the API and submits a 2014 补正通知 (D10: expired on 2025-01-01); returns its 档号. */
async function submitExpiredRecord(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'shenpi', password: DEMO_PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/archives/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ sourceRef: 'E2E-QY-2014-1', category: 'QY', title: TITLE, responsible: '平潭综合实验区行政审批局', date: '2014-03-01', documentType: '补正通知', files: [{ name: FILE, contentBase64: demoPdf(TITLE).toString('base64') }] }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { archivalCode: string }).archivalCode;
}

describe.runIf(browserTestsEnabled('archives disposal end-to-end tests'))('archive disposal in a browser', () => {
  const session = useBrowserSession();

  it('finds the demo’s 结婚登记 when the archivist searches 婚姻, and says which related terms it also looked for', async () => {
    const archivist = await session.openSignedIn('/console/archives', 'dangan');
    const errors = collectPageErrors(archivist);
    await archivist.getByRole('tab', { name: '档案检索' }).click();
    const search = archivist.locator('form.filter-bar');
    await search.getByLabel('关键词').fill('婚姻');
    await search.getByRole('button', { name: '检索' }).click();
    await archivist.getByRole('status').filter({ hasText: '已同时检索相关词：结婚、离婚' }).waitFor();
    await archivist.getByRole('row').filter({ hasText: '结婚登记 王某某与林某某' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('takes an expired record from the bureau’s proposal through the archive’s approval to destruction, leaving a tombstone and a destruction record', async () => {
    const archivalCode = await submitExpiredRecord(session.url());
    expect(archivalCode).toMatch(/^PT01-QY·2014-D10-[A-Z0-9]+-\d{4}$/);

    // 1. The bureau officer selects the expired record on the review list and proposes its destruction.
    const bureau = await session.openSignedIn('/console/archives', 'bureau');
    const bureauErrors = collectPageErrors(bureau);
    await bureau.getByRole('heading', { level: 1, name: '电子档案' }).waitFor();
    await bureau.getByRole('tab', { name: '到期鉴定' }).click();
    const review = bureau.locator('section[aria-labelledby="disposal-review"]');
    const row = review.getByRole('row').filter({ hasText: archivalCode });
    await row.getByText('2025-01-01').waitFor();
    await row.getByRole('checkbox').check();
    await review.getByRole('button', { name: '申请销毁 1 件' }).click();
    const modal = bureau.getByRole('dialog').filter({ hasText: '销毁原因' });
    await modal.getByLabel('销毁原因').fill('保管期满，经鉴定无继续保存价值');
    await modal.getByRole('button', { name: '提交申请' }).click();
    const proposalDrawer = bureau.locator('.ant-drawer-content').filter({ hasText: '办理过程' });
    await proposalDrawer.getByText('待审批', { exact: true }).waitFor();
    await proposalDrawer.getByRole('cell', { name: archivalCode }).waitFor();
    const proposalTitle = (await proposalDrawer.locator('.ant-drawer-title').textContent())!;
    expect(proposalTitle).toMatch(/^第 \d+ 号申请$/);
    // The proposer may withdraw but never decide (four eyes).
    await proposalDrawer.getByRole('button', { name: '撤回' }).waitFor();
    expect(await proposalDrawer.getByRole('button', { name: '批准' }).count()).toBe(0);

    // 2. The archivist of 档案馆 opens the proposal, approves it, then destroys after confirming.
    const archivist = await session.openSignedIn('/console/archives', 'dangan');
    const archivistErrors = collectPageErrors(archivist);
    await archivist.getByRole('tab', { name: '到期鉴定' }).click();
    await archivist.getByRole('button', { name: proposalTitle }).click();
    const drawer = archivist.locator('.ant-drawer-content').filter({ hasText: '办理过程' });
    await drawer.getByText('待审批', { exact: true }).waitFor();
    await drawer.getByLabel('意见（选填）').fill('同意销毁');
    await drawer.getByRole('button', { name: '批准' }).click();
    await drawer.getByText('已批准', { exact: true }).waitFor();
    await drawer.getByRole('button', { name: '执行销毁' }).click();
    const confirm = archivist.getByRole('dialog').filter({ hasText: '确定销毁 1 件档案的档案包' });
    expect((await confirmInDialog(archivist, confirm, confirm.getByRole('button', { name: '执行销毁' }))).ok()).toBe(true);
    await drawer.locator('.ant-tag').filter({ hasText: '已销毁' }).waitFor({ timeout: HEAVY_STEP_TIMEOUT_MS });
    const destruction = drawer.locator('section[aria-labelledby="disposal-record"]');
    await destruction.getByRole('heading', { name: '销毁清册' }).waitFor();
    const wsCode = (await destruction.getByText(/^PT01-WS·\d{4}-Y-DAG-\d{4}$/).textContent())!;
    await destruction.getByText(`${archivalCode} v1`, { exact: false }).waitFor();
    await drawer.getByRole('cell', { name: archivalCode }).waitFor();
    await drawer.getByRole('button', { name: '关闭' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // 3. Searching the record's words finds only the destruction record that names it; the record itself
    //    shows, as destroyed, among the tombstones.
    await archivist.getByRole('tab', { name: '档案检索' }).click();
    const search = archivist.locator('form.filter-bar');
    await search.getByLabel('关键词').fill('平潭某某贸易有限公司');
    await search.getByRole('button', { name: '检索' }).click();
    await archivist.getByRole('status').filter({ hasText: '共 1 条' }).waitFor();
    await archivist.getByRole('row').filter({ hasText: wsCode }).waitFor();
    expect(await archivist.getByRole('row').filter({ hasText: archivalCode }).count()).toBe(0);
    await search.getByRole('checkbox', { name: '只看已销毁档案（目录条目）' }).check();
    await search.getByRole('button', { name: '检索' }).click();
    const tombstone = archivist.getByRole('row').filter({ hasText: archivalCode });
    await tombstone.locator('.ant-tag').filter({ hasText: '已销毁' }).waitFor();
    const recordId = Number((await tombstone.getAttribute('data-row-key'))!);
    await tombstone.getByRole('button', { name: archivalCode }).click();
    const recordDrawer = archivist.locator('.ant-drawer-content').filter({ hasText: '电子文件' });
    await recordDrawer.getByRole('alert').filter({ hasText: '档案包已随销毁删除' }).waitFor();
    await recordDrawer.getByRole('listitem').filter({ hasText: FILE }).waitFor();
    expect(await recordDrawer.getByRole('link', { name: FILE }).count()).toBe(0);
    const download = await archivist.request.get(`${session.url()}/api/archives/records/${recordId}/files/${encodeURIComponent(FILE)}`);
    expect(download.status()).toBe(410);
    expect(((await download.json()) as { error: { code: string } }).error.code).toBe('gone');
    await recordDrawer.getByRole('button', { name: '关闭' }).click();
    await recordDrawer.waitFor({ state: 'hidden' });

    // 4. The destruction record is an ordinary (permanent) record of the archive, listed under PT01/WS.
    await search.getByRole('checkbox', { name: '只看已销毁档案（目录条目）' }).uncheck();
    await search.getByLabel('关键词').fill('');
    await search.getByLabel('档号路径').fill('PT01/WS');
    await search.getByRole('button', { name: '检索' }).click();
    await tombstone.waitFor({ state: 'detached' });
    const wsRow = archivist.getByRole('row').filter({ hasText: wsCode });
    await wsRow.getByText(/^档案销毁清册（第\d+号，1件）$/).waitFor();
    await wsRow.getByText('永久').waitFor();

    expect(bureauErrors).toEqual([]);
    expect(archivistErrors).toEqual([]);
  }, 180_000);
});
