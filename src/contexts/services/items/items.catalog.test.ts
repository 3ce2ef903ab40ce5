import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATASETS } from '../../catalog/index.ts';
import { compileFormSchema, validateCatalog } from './items.catalog.ts';
import type { CatalogDocument, ServiceItem } from './items.model.ts';
import { readShippedCatalog } from './items.service.ts';

const ZONE_DEPARTMENTS = new Set(['PT-XZSP', 'PT-SW', 'PT-BDC', 'PT-FY', 'PT-SCJG', 'PT-GA', 'PT-SHSY', 'PT-CZJR', 'PT-DAG', 'PT-BDB']);

type RawItem = Record<string, unknown>;
const shipped = () => structuredClone(readShippedCatalog()) as { items: RawItem[] };
const rawItem = (doc: { items: RawItem[] }, code: string) => doc.items.find((i) => i.code === code)!;

function expectInvalid(doc: unknown, field: string, message: RegExp, departments?: Set<string>): void {
  try {
    validateCatalog(doc, departments ? { departments } : {});
  } catch (e) {
    expect((e as { details: { field: string } }).details.field).toBe(field);
    expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${field} to be refused`);
}

describe('the shipped Taiwan compatriot catalog', () => {
  let catalog: CatalogDocument;
  const handling = () => catalog.items.filter((i) => i.level === 'handling');
  beforeAll(() => {
    catalog = validateCatalog(readShippedCatalog(), { departments: ZONE_DEPARTMENTS });
  });

  it('validates whole against the zone’s departments', () => {
    expect(catalog.items.length).toBeGreaterThan(108);
  });

  it('has exactly 108 Taiwan-compatriot handling items, each under a main or sub item', () => {
    const taiwan = handling().filter((i) => i.taiwan);
    expect(taiwan).toHaveLength(108);
    const byCode = new Map(catalog.items.map((i) => [i.code, i]));
    for (const i of taiwan) expect(['main', 'sub'], i.code).toContain(byCode.get(i.parentCode!)!.level);
    expect(catalog.items.some((i) => i.level === 'sub')).toBe(true);
  });

  it('covers the areas the issue lists, including the IIT burden-difference subsidy and driving licence exchange', () => {
    const areas = new Set(handling().filter((i) => i.taiwan).map((i) => i.area));
    for (const a of ['education', 'medical_insurance', 'awards_subsidies', 'business', 'employment', 'housing', 'health', 'finance_payment', 'transport', 'residence_documents'])
      expect(areas, a).toContain(a);
    const names = handling().map((i) => i.name['zh-CN']);
    for (const title of ['个人所得税税负差额补贴', '驾驶证', '就诊卡', '全程网办', '移动支付', '住房公积金', '居住证', '入学', '医保'])
      expect(names.some((n) => n.includes(title)), title).toBe(true);
  });

  it('ships the three one-thing items with their processes and departments, and the standard process everywhere else', () => {
    const oneThing = handling().filter((i) => i.processKey !== 'standard');
    expect(oneThing.map((i) => [i.processKey, i.departmentCode]).sort()).toEqual([
      ['court-auction', 'PT-FY'],
      ['ge-zhuan-qi', 'PT-SCJG'],
      ['zero-paper-real-estate', 'PT-BDC'],
    ]);
  });

  it('gives every handling item a complete guide and a form of 2 to 8 fields that compiles', () => {
    for (const i of handling()) {
      expect(i.conditions!.length, i.code).toBeGreaterThan(0);
      expect(i.materials!.length, i.code).toBeGreaterThan(0);
      expect(i.steps!.length, i.code).toBeGreaterThan(1);
      expect(i.faq!.length, i.code).toBeGreaterThan(0);
      if (i.statutoryDays! > 0) expect(i.promisedDays!, i.code).toBeLessThanOrEqual(i.statutoryDays!);
      const fields = Object.keys(i.formSchema!.properties as object);
      expect(fields.length, i.code).toBeGreaterThanOrEqual(2);
      expect(fields.length, i.code).toBeLessThanOrEqual(8);
      expect(typeof compileFormSchema(i.formSchema!), i.code).toBe('function');
    }
  });

  it('prefills only from datasets and fields of the data catalog', () => {
    const datasets = new Map(Object.values(DEMO_DATASETS).map((d) => [d.identifier, new Set(d.fields.map((f) => f.name))]));
    let prefilled = 0;
    for (const i of handling())
      for (const prop of Object.values(i.formSchema!.properties as Record<string, { 'x-prefill'?: { dataset: string; field: string } }>)) {
        const p = prop['x-prefill'];
        if (!p) continue;
        prefilled++;
        expect(datasets.get(p.dataset)?.has(p.field), `${i.code} ${p.dataset}.${p.field}`).toBe(true);
      }
    expect(prefilled).toBeGreaterThan(20);
  });

  it('writes Traditional Chinese with Taiwan usage while keeping mainland document names', () => {
    const permit = catalog.items.find((i) => i.code === 'TW-JZ-001')!;
    expect(permit.name['zh-TW']).toBe('臺灣居民居住證');
    const company = handling().find((i) => i.formSchema!.properties && 'uscc' in (i.formSchema!.properties as object))!;
    const uscc = (company.formSchema!.properties as Record<string, { 'x-title': Record<string, string> }>).uscc!;
    expect(uscc['x-title']['zh-TW']).toBe('統一社會信用代碼');
    const all = JSON.stringify(catalog.items.map((i) => [i.name['zh-TW'], i.steps?.map((s) => s['zh-TW'])]));
    expect(all).not.toContain('程式碼');
    expect(all).not.toContain('視窗');
  });
});

describe('whole-catalog validation', () => {
  it('refuses a duplicate code, naming the item', () => {
    const doc = shipped();
    doc.items[5]!.code = doc.items[4]!.code;
    expectInvalid(doc, 'items[5].code', /duplicate code/);
  });

  it('refuses an item whose parent does not exist or sits at the wrong level', () => {
    const doc = shipped();
    const i = doc.items.findIndex((x) => x.level === 'handling');
    doc.items[i]!.parentCode = 'NO-SUCH';
    expectInvalid(doc, `items[${i}].parentCode`, /no item with code "NO-SUCH"/);
    const doc2 = shipped();
    const sub = doc2.items.findIndex((x) => x.level === 'sub');
    const child = doc2.items.findIndex((x) => x.level === 'handling');
    doc2.items[sub]!.parentCode = doc2.items[child]!.code;
    expectInvalid(doc2, `items[${sub}].parentCode`, /cannot sit under a handling item/);
  });

  it('refuses a department that is not an organisation', () => {
    const doc = shipped();
    doc.items[3]!.departmentCode = 'PT-NOPE';
    expectInvalid(doc, 'items[3].departmentCode', /unknown department "PT-NOPE"/, ZONE_DEPARTMENTS);
  });

  it('refuses a form schema that does not compile', () => {
    const doc = shipped();
    const i = doc.items.findIndex((x) => x.level === 'handling');
    (doc.items[i]!.formSchema as { properties: Record<string, unknown> }).properties.bad = { type: 'strnig' };
    expectInvalid(doc, `items[${i}].formSchema`, /does not compile/);
    const doc2 = shipped();
    (doc2.items[i]!.formSchema as { properties: Record<string, unknown> }).properties.bad = { type: 'string', 'x-prefill': { dataset: 'shsy-marriage-records' } };
    expectInvalid(doc2, `items[${i}].formSchema`, /does not compile/);
  });

  it('refuses a handling item without its guide, and a promise longer than the statutory limit', () => {
    const doc = shipped();
    const i = doc.items.findIndex((x) => x.level === 'handling');
    delete doc.items[i]!.materials;
    expectInvalid(doc, `items[${i}].materials`, /required for a handling item/);
    const doc2 = shipped();
    doc2.items[i]!.statutoryDays = 5;
    doc2.items[i]!.promisedDays = 9;
    expectInvalid(doc2, `items[${i}].promisedDays`, /exceeds the statutory one/);
  });

  it('refuses a material form outside 原件/复印件/电子文件, naming the path', () => {
    const doc = shipped();
    const i = doc.items.findIndex((x) => x.level === 'handling');
    (doc.items[i]!.materials as { form: string }[])[1]!.form = '传真件';
    expectInvalid(doc, `items[${i}].materials.1.form`, /must be one of 原件, 复印件, 电子文件/);
  });

  it('keeps Traditional text that is given and generates it where it is not', () => {
    const doc = shipped();
    const item = rawItem(doc, 'TW-JT-001-01');
    item.name = { 'zh-CN': '台湾地区驾驶执照换领大陆机动车驾驶证', 'zh-TW': '台灣駕照換領大陸駕駛證', en: 'Exchanging a Taiwan driving licence' };
    const out = validateCatalog(doc);
    const byCode = new Map<string, ServiceItem>(out.items.map((i) => [i.code, i]));
    expect(byCode.get('TW-JT-001-01')!.name['zh-TW']).toBe('台灣駕照換領大陸駕駛證');
    expect(byCode.get('TW-JT-001-02')!.name['zh-TW']).toBe('機動車駕駛證期滿換證（臺胞）');
  });
});
