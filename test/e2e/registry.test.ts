/**
 * The data property registry in a real browser against the real server: an enterprise applies, a
 * registry reviewer accepts and passes the formal review, the application appears in the public
 * notices, the reviewer issues the certificate of an application whose 10-working-day notice has
 * ended (seeded through the lifecycle, since a test cannot wait ten working days), and anyone can
 * open the certificate's verification page and sees a tampered copy fail.
 */
import { describe, expect, it } from 'vitest';
import { sm3 } from '../../src/kernel/crypto/sm.ts';
import { browserTestsEnabled, collectPageErrors, confirmInDialog, useBrowserSession } from '../helpers/browser.ts';

const NAME = '平潭海岸线风貌影像数据集';

describe.runIf(browserTestsEnabled('registry end-to-end tests'))('data property registration in a browser', () => {
  const session = useBrowserSession();
  let certificateNo: string;

  it('lets an enterprise apply for a first registration and submit it', async () => {
    const page = await session.openSignedIn('/console/registry', 'ruiqian');
    const errors = collectPageErrors(page);
    await page.getByRole('heading', { level: 1, name: '数据产权登记' }).waitFor();
    await page.getByRole('button', { name: '新建首次登记申请' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('数据名称').fill(NAME);
    await drawer.getByLabel('数据描述').fill('无人机航拍的海岸线风貌影像，按月更新');
    await drawer.getByLabel('持有权的证明材料').fill('航拍作业记录与设备采购合同');
    await drawer.getByLabel('数据 SM3 摘要').fill(sm3(NAME));
    await confirmInDialog(page, drawer, drawer.getByRole('button', { name: '创建申请' }));
    const detail = page.getByRole('dialog').filter({ hasText: `申请` }).last();
    await detail.getByText('草稿').waitFor();
    await confirmInDialog(page, detail, detail.getByRole('button', { name: '提交申请' }));
    await detail.getByText('待受理').waitFor();
    expect(errors).toEqual([]);
  });

  it('lets a registry reviewer accept and pass the formal review, which opens the public notice', async () => {
    const page = await session.openSignedIn('/console/registry', 'dengji');
    await page.getByRole('searchbox', { name: '按名称、主体、登记号搜索' }).fill(NAME);
    await page.getByRole('searchbox', { name: '按名称、主体、登记号搜索' }).press('Enter');
    await page.getByText(NAME, { exact: true }).click();
    const detail = page.getByRole('dialog');
    await confirmInDialog(page, detail, detail.getByRole('button', { name: /^受\s?理$/ }));
    await detail.getByText('形式审查', { exact: true }).waitFor();
    await confirmInDialog(page, detail, detail.getByRole('button', { name: '形式审查通过' }));
    await detail.getByText('公示中', { exact: true }).waitFor();

    const notices = await session.newPage();
    await notices.goto(`${session.url()}/portal/registry`);
    await notices.getByRole('tab', { name: '登记公示' }).click();
    await notices.getByText(`${NAME} · 福建平潭瑞谦智能科技有限公司`).waitFor();
  });

  it('lets the reviewer issue the certificate once a notice has ended', async () => {
    const page = await session.openSignedIn('/console/registry', 'dengji');
    await page.getByText('岚岛医药门店客流统计数据集', { exact: true }).click();
    const detail = page.getByRole('dialog');
    await detail.getByText('公示期满', { exact: true }).waitFor();
    await confirmInDialog(page, detail, detail.getByRole('button', { name: '公示期满，登记发证' }));
    const issued = detail.getByText(/^已颁发证书 \d{17}$/);
    await issued.waitFor();
    certificateNo = (await issued.textContent())!.replace('已颁发证书 ', '');
    expect(certificateNo).toMatch(/^\d{6}3528\d{7}$/);
  });

  it('shows anyone the certificate’s status on its verification page and fails a tampered copy', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${session.url()}/portal/registry/verify/${certificateNo}`);
    await page.getByRole('heading', { level: 1, name: '数据产权登记证书核验' }).waitFor();
    await page.getByText('证书状态：有效', { exact: true }).waitFor();
    await page.getByText('平潭岚岛生物医药科技有限公司', { exact: true }).waitFor();
    const signed = (await (await page.request.get(`${session.url()}/api/registry/certificates/${certificateNo}`)).json()) as { payload: { validUntil: string } };
    signed.payload.validUntil = '2099-12-31';
    await page.getByLabel('粘贴证书的签名 JSON 或可验证凭证').fill(JSON.stringify(signed));
    await page.getByRole('button', { name: /^核\s?验$/ }).click();
    await page.getByText('核验未通过：签名不符（内容被改动）').waitFor();
    expect(errors).toEqual([]);
  });
});
