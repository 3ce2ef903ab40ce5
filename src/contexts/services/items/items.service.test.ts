import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { LocalKeySigner } from '../../../kernel/crypto/signer.ts';
import type { Principal } from '../../../kernel/principal.ts';
import { AuditService, type Actor } from '../../audit/index.ts';
import { scopesOf } from '../../identity/index.ts';
import type { ServiceItem } from './items.model.ts';
import { ServiceItemCatalog, readShippedCatalog, type DepartmentInfo } from './items.service.ts';

const DEPARTMENTS: Record<string, DepartmentInfo> = {
  'PT-XZSP': { code: 'PT-XZSP', name: '平潭综合实验区行政审批局', nameEn: 'Pingtan Administrative Approval Bureau' },
  'PT-SW': { code: 'PT-SW', name: '国家税务总局平潭综合实验区税务局', nameEn: 'Pingtan Taxation Bureau' },
  'PT-BDC': { code: 'PT-BDC', name: '平潭综合实验区不动产登记中心', nameEn: null },
  'PT-FY': { code: 'PT-FY', name: '平潭综合实验区人民法院', nameEn: 'Pingtan People’s Court' },
  'PT-SCJG': { code: 'PT-SCJG', name: '平潭综合实验区市场监督管理局', nameEn: 'Pingtan Market Supervision Bureau' },
  'PT-GA': { code: 'PT-GA', name: '平潭综合实验区公安局', nameEn: 'Pingtan Public Security Bureau' },
  'PT-SHSY': { code: 'PT-SHSY', name: '平潭综合实验区社会事业局', nameEn: 'Pingtan Social Affairs Bureau' },
  'PT-CZJR': { code: 'PT-CZJR', name: '平潭综合实验区财政金融局', nameEn: 'Pingtan Finance Bureau' },
};

const bureau: Principal = { kind: 'user', id: 3, name: '黄志强', orgId: 1, orgKind: 'bureau', roles: ['bureau-officer'], scopes: scopesOf(['bureau-officer']), locale: 'zh-CN', ip: null };
const officer: Principal = { ...bureau, id: 4, roles: ['dept-officer'], scopes: scopesOf(['dept-officer']) };
const actor: Actor = { kind: 'user', id: '3', orgId: 1 };

describeEachDialect('service item catalog versions', (get) => {
  let now = 1_000_000;
  let audit: AuditService;
  let catalog: ServiceItemCatalog;
  /** A second process on the same database. */
  let other: ServiceItemCatalog;
  const make = () => new ServiceItemCatalog({ db: get().db, audit, departments: async (code) => DEPARTMENTS[code], clock: () => now });
  const shipped = () => structuredClone(readShippedCatalog()) as { items: Record<string, unknown>[] };

  beforeAll(() => {
    audit = new AuditService(get().db, LocalKeySigner.generate());
    catalog = make();
    other = make();
  });

  it('installs the shipped catalog as version 1 once, with its SM3 and an audit event', async () => {
    expect(await catalog.installShipped()).toBe(1);
    expect(await other.installShipped()).toBeNull();
    const history = await catalog.history(bureau);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 1, inForce: true, createdBy: 'landao', itemCount: (readShippedCatalog() as { items: unknown[] }).items.length });
    expect(history[0]!.sm3).toMatch(/^[0-9a-f]{64}$/);
    const events = await audit.list({ entityType: 'services_item_catalog' });
    expect(events.map((e) => [e.action, e.entityId])).toEqual([['services.items.published', '1']]);
  });

  it('answers a case with a handling item of the version in force, and nothing for a main item or an unknown code', async () => {
    const item = await catalog.itemForCase('YJS-001-01');
    expect(item).toMatchObject({ code: 'YJS-001-01', version: 1, departmentCode: 'PT-SCJG', processKey: 'ge-zhuan-qi', requiresVerifiedIdentity: true });
    expect(item!.name['zh-TW']).toContain('個轉企');
    expect(item!.formSchema.type).toBe('object');
    expect(await catalog.itemForCase('TW-JZ-001')).toBeUndefined();
    expect(await catalog.itemForCase('NOPE')).toBeUndefined();
  });

  it('finds items by Simplified, Traditional and English words and by code', async () => {
    const titles = async (q: string, lang: 'zh-CN' | 'zh-TW' | 'en' = 'zh-CN') => (await catalog.search({ q, page: 1, pageSize: 50, lang })).items.map((i) => i.title);
    const simplified = await titles('居住证');
    expect(simplified).toContain('台湾居民居住证首次申领');
    expect(await titles('居住證')).toEqual(simplified);
    expect(await titles('臺灣居民居住證', 'zh-TW')).toContain('臺灣居民居住證首次申領');
    expect(await titles('driving licence', 'en')).toContain('Exchanging a Taiwan driving licence for a mainland one');
    expect(await titles('個人所得稅 補貼')).toContain('台湾居民个人所得税税负差额补贴（免申即享授权）');
    expect(await titles('TW-JT-001-01')).toEqual(['台湾地区驾驶执照换领大陆机动车驾驶证']);
    expect(await titles('100%_')).toEqual([]);
  });

  it('pages, filters by area and department, and shows the department and time limits', async () => {
    const page1 = await catalog.search({ page: 1, pageSize: 10, lang: 'en' });
    expect(page1.total).toBe(111);
    expect(page1.items).toHaveLength(10);
    const page12 = await catalog.search({ page: 12, pageSize: 10, lang: 'en' });
    expect(page12.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page12.items].map((i) => i.code)).size).toBe(11);
    const edu = await catalog.search({ area: 'education', page: 1, pageSize: 50, lang: 'zh-TW' });
    expect(edu.total).toBe(10);
    expect(edu.items[0]!.department).toEqual({ code: 'PT-SHSY', name: { 'zh-CN': '平潭综合实验区社会事业局', 'zh-TW': '平潭綜合實驗區社會事業局', en: 'Pingtan Social Affairs Bureau' } });
    expect(edu.items.every((i) => i.promisedDays !== null && i.statutoryDays !== null)).toBe(true);
    const tax = await catalog.search({ department: 'PT-SW', page: 1, pageSize: 50, lang: 'zh-CN' });
    expect(tax.items.every((i) => i.department.code === 'PT-SW')).toBe(true);
    const mains = await catalog.search({ level: 'main', page: 1, pageSize: 100, lang: 'zh-CN' });
    expect(mains.items.every((i) => i.level === 'main' && i.parentCode === null)).toBe(true);
    const areas = await catalog.areas();
    expect(areas.reduce((n, a) => n + a.count, 0)).toBe(111);
    expect(areas.find((a) => a.area === 'education')).toMatchObject({ count: 10, label: { 'zh-CN': '教育入学', en: 'Education' } });
  });

  it('shows an item’s guide with its parents, and a main item with its children', async () => {
    const detail = await catalog.get('TW-YB-001-01-01', 'zh-TW');
    expect(detail.parents.map((p) => p.code)).toEqual(['TW-YB-001', 'TW-YB-001-01']);
    expect(detail.online).toBe(true);
    expect(detail.item.materials!.length).toBeGreaterThan(0);
    const main = await catalog.get('TW-YB-001', 'en');
    expect(main.online).toBe(false);
    expect(main.children.map((c) => c.code)).toEqual(['TW-YB-001-01', 'TW-YB-001-02', 'TW-YB-001-03']);
    await expect(catalog.get('NOPE', 'en')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a publication without the scope, with an unknown department, or identical to the version in force', async () => {
    await expect(catalog.publish(officer, actor, shipped(), null)).rejects.toMatchObject({ code: 'forbidden' });
    const bad = shipped();
    bad.items[0]!.departmentCode = 'PT-NOPE';
    await expect(catalog.publish(bureau, actor, bad, null)).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'items[0].departmentCode' } });
    await expect(catalog.publish(bureau, actor, shipped(), null)).rejects.toMatchObject({ code: 'duplicate' });
  });

  it('puts a published version in force at once in the publishing process, in others after their cache expires, and keeps history', async () => {
    expect((await other.itemForCase('TW-JT-001-01'))!.promisedDays).toBe(1);
    const next = shipped();
    const item = next.items.find((i) => i.code === 'TW-JT-001-01')!;
    item.promisedDays = 3;
    next.items.push({ ...structuredClone(item), code: 'TW-JT-001-09', name: { 'zh-CN': '驾驶证信息变更备案', en: 'Filing a change of driving licence details' }, type: '行政备案' });
    const v = await catalog.publish(bureau, actor, next, '  调整承诺时限  ');
    expect(v).toMatchObject({ version: 2, inForce: true, note: '调整承诺时限', createdBy: 'user:3' });
    expect(await catalog.itemForCase('TW-JT-001-01')).toMatchObject({ version: 2, promisedDays: 3 });
    expect((await catalog.search({ q: '驾驶证信息变更', page: 1, pageSize: 10, lang: 'zh-CN' })).items.map((i) => i.code)).toEqual(['TW-JT-001-09']);
    // The other process still serves its cached version 1 until it checks again.
    expect(await other.itemForCase('TW-JT-001-01')).toMatchObject({ version: 1, promisedDays: 1 });
    now += 60_000;
    expect(await other.itemForCase('TW-JT-001-01')).toMatchObject({ version: 2, promisedDays: 3 });

    const history = await catalog.history(bureau);
    expect(history.map((h) => [h.version, h.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);
    const old = await catalog.version(bureau, 1);
    expect(old.inForce).toBe(false);
    expect(old.document.items.find((i: ServiceItem) => i.code === 'TW-JT-001-01')!.promisedDays).toBe(1);
    await expect(catalog.version(bureau, 9)).rejects.toMatchObject({ code: 'not_found' });
    const events = await audit.list({ entityType: 'services_item_catalog' });
    expect(events.map((e) => e.entityId).sort()).toEqual(['1', '2']);
  });
});
