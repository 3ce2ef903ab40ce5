import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLASS_COUNT,
  compareGrades,
  getCatalog,
  GRADES,
  labelColumn,
  overallGrade,
  parseCatalog,
  SUBCLASS_COUNT,
  type CatalogDocument,
} from './catalog.ts';
import { DETECTOR_TYPE_IDS } from '../../detection/index.ts';
import { appErrorOf } from '../../../../test/helpers/errors.ts';

const DETECTOR_CONTRACT = new URL('../../../../../shared/contracts/detector-types.md', import.meta.url);
const contractPresent = existsSync(DETECTOR_CONTRACT);
if (!contractPresent) console.warn('catalog.test: shared/contracts/detector-types.md not found; skipping the contract comparison');

function doc(): CatalogDocument {
  return structuredClone(getCatalog().document);
}

function ids(header: string, detections?: { type: string; ratio: number }[]): string[] {
  return labelColumn(detections ? { header, detections } : { header }).map((l) => l.subclassId);
}

describe('the shipped catalog', () => {
  const catalog = getCatalog();

  it('has exactly 13 classes and 40 subclasses', () => {
    expect(CLASS_COUNT).toBe(13);
    expect(SUBCLASS_COUNT).toBe(40);
    expect(catalog.classes).toHaveLength(13);
    expect(catalog.subclasses).toHaveLength(40);
  });

  it('names the 13 classes of the reference rules, in order', () => {
    expect(catalog.classes.map((c) => c.names['zh-CN'])).toEqual([
      '战略物资和大宗商品',
      '自然资源和环境',
      '工业',
      '金融',
      '统计',
      '信息传播',
      '住房建设',
      '交通运输',
      '公共卫生',
      '公共安全',
      '互联网服务和电子商务',
      '科学技术',
      '个人信息',
    ]);
  });

  it('is versioned, dated and cites its sources', () => {
    expect(catalog.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(catalog.document.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(catalog.document.sources.length).toBeGreaterThanOrEqual(5);
  });

  it('has the sensitive personal-information subclasses of PIPL Art. 28 and the ID numbers', () => {
    const sensitive = catalog.subclasses.filter((s) => s.defaultGrade === 'pi_sensitive').map((s) => s.id).sort();
    expect(sensitive).toEqual(
      [
        'PI.SENSITIVE.BIOMETRIC',
        'PI.SENSITIVE.FINANCIAL',
        'PI.SENSITIVE.HEALTH',
        'PI.SENSITIVE.ID_DOCUMENT',
        'PI.SENSITIVE.LOCATION',
        'PI.SENSITIVE.MINOR',
        'PI.SENSITIVE.RELIGION',
        'PI.SENSITIVE.SPECIFIC_IDENTITY',
      ].sort(),
    );
  });

  it('maps every detector type onto at least one subclass', () => {
    for (const t of DETECTOR_TYPE_IDS) expect(catalog.subclassesByDetector.get(t)?.length ?? 0, t).toBeGreaterThan(0);
  });

  it('puts every identity document detector under the sensitive ID subclass', () => {
    for (const t of ['cn_resident_id', 'tw_residence_permit', 'tw_travel_permit', 'hkmo_home_return_permit', 'cn_passport', 'tw_national_id', 'hk_id'])
      expect(catalog.subclassesByDetector.get(t)).toContain('PI.SENSITIVE.ID_DOCUMENT');
  });

  it('has names in three languages and examples for every subclass', () => {
    for (const s of catalog.subclasses) {
      expect(s.names['zh-CN'].length).toBeGreaterThan(0);
      expect(s.names['zh-TW'].length).toBeGreaterThan(0);
      expect(s.names.en).toMatch(/^[A-Z]/);
      expect(s.examples.length).toBeGreaterThan(0);
    }
  });

  it.runIf(contractPresent)('knows exactly the detector type ids of detector-types.md', () => {
    const md = readFileSync(DETECTOR_CONTRACT, 'utf8');
    const fromContract = [...md.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect([...DETECTOR_TYPE_IDS]).toEqual(fromContract);
  });
});

describe('the catalog loader refuses a broken catalog, naming the field', () => {
  it('a duplicate subclass id', () => {
    const d = doc();
    d.subclasses[5]!.id = d.subclasses[4]!.id;
    expect(appErrorOf(() => parseCatalog(d)).message).toBe(`subclasses[5].id: duplicate id "${d.subclasses[4]!.id}"`);
  });

  it('a duplicate class id', () => {
    const d = doc();
    d.classes[1]!.id = 'SM';
    expect(appErrorOf(() => parseCatalog(d)).message).toBe('classes[1].id: duplicate id "SM"');
  });

  it('39 subclasses', () => {
    const d = doc();
    d.subclasses.pop();
    expect(appErrorOf(() => parseCatalog(d)).message).toBe('subclasses: must have exactly 40 subclasses, found 39');
  });

  it('12 classes', () => {
    const d = doc();
    d.classes.pop();
    expect(appErrorOf(() => parseCatalog(d)).message).toBe('classes: must have exactly 13 classes, found 12');
  });

  it('an unknown detector type', () => {
    const d = doc();
    d.subclasses[0]!.detectorTypes = ['cn_resident_id', 'ssn'];
    const e = appErrorOf(() => parseCatalog(d));
    expect(e.code).toBe('validation_failed');
    expect(e.message).toMatch(/^subclasses\[0\]\.detectorTypes\[1\]: unknown detector type "ssn"/);
  });

  it('a subclass of an unknown class', () => {
    const d = doc();
    d.subclasses[0]!.classId = 'XX';
    expect(appErrorOf(() => parseCatalog(d)).message).toBe('subclasses[0].classId: unknown class "XX"');
  });

  it('a personal-information grade outside the PI class', () => {
    const d = doc();
    d.subclasses[0]!.defaultGrade = 'pi_sensitive';
    expect(appErrorOf(() => parseCatalog(d)).message).toMatch(/^subclasses\[0\]\.defaultGrade: /);
  });

  it('an unknown grade or a missing name', () => {
    const d = doc();
    (d.subclasses[2] as { defaultGrade: string }).defaultGrade = 'secret';
    expect(appErrorOf(() => parseCatalog(d)).message).toMatch(/^subclasses\[2\]\.defaultGrade: must be one of core, important/);
    const e = doc();
    delete (e.subclasses[3]!.names as Partial<Record<string, string>>)['zh-TW'];
    expect(appErrorOf(() => parseCatalog(e)).message).toMatch(/^subclasses\[3\]\.names\.zh-TW: /);
  });
});

describe('labelling a column', () => {
  it('from a Simplified Chinese header', () => {
    expect(ids('客户身份证号码')).toEqual(['PI.SENSITIVE.ID_DOCUMENT']);
    expect(ids('联系电话')).toEqual(['PI.GENERAL.CONTACT']);
    expect(ids('诊断结果')).toEqual(['PI.SENSITIVE.HEALTH']);
  });

  it('from a Traditional Chinese header in Taiwan usage', () => {
    expect(ids('身分證字號')).toEqual(['PI.SENSITIVE.ID_DOCUMENT']);
    expect(ids('車身號碼')).toEqual(['PI.GENERAL.VEHICLE']);
    expect(ids('宗教信仰')).toEqual(['PI.SENSITIVE.RELIGION']);
  });

  it('from English headers in snake_case, camelCase or with spaces', () => {
    expect(ids('customer_id_card')).toEqual(['PI.SENSITIVE.ID_DOCUMENT']);
    expect(ids('bankCardNo')).toEqual(['PI.SENSITIVE.FINANCIAL']);
    expect(ids('Date of Birth')).toEqual(['PI.GENERAL.BASIC']);
  });

  it('from pinyin initials only as a whole word', () => {
    expect(ids('sfzh')).toEqual(['PI.SENSITIVE.ID_DOCUMENT']);
    expect(ids('KH_SJHM')).toEqual(['PI.GENERAL.CONTACT']);
    expect(ids('xmbh')).toEqual(['HOUSE.PROJECT']);
    expect(ids('xmx')).toEqual([]);
  });

  it('from an exact header only when it is the whole header', () => {
    expect(ids('name')).toEqual(['PI.GENERAL.BASIC']);
    expect(ids('product_name')).toEqual([]);
  });

  it('prefers the longer keyword ("IP地址" is a device identifier, not a postal address)', () => {
    expect(ids('IP地址')).toEqual(['PI.GENERAL.DEVICE']);
    expect(ids('mac address')).toEqual(['PI.GENERAL.DEVICE']);
    expect(ids('收件地址')).toEqual(['PI.GENERAL.CONTACT']);
  });

  it('gives no label to a header that names nothing known', () => {
    expect(ids('备注')).toEqual([]);
    expect(ids('')).toEqual([]);
  });

  it('from detections whose ratio reaches the minimum', () => {
    expect(ids('col_3', [{ type: 'cn_resident_id', ratio: 0.95 }])).toEqual(['PI.SENSITIVE.ID_DOCUMENT']);
    expect(ids('col_3', [{ type: 'cn_resident_id', ratio: 0.05 }])).toEqual([]);
    expect(labelColumn({ header: 'c', detections: [{ type: 'email', ratio: 0.1 }] }, { minRatio: 0.05 }).map((l) => l.subclassId)).toEqual([
      'PI.GENERAL.CONTACT',
    ]);
  });

  it('combines header and detections, most severe first, with reasons', () => {
    const labels = labelColumn({ header: '基因检测结果', detections: [{ type: 'genetic_data', ratio: 0.8 }] });
    expect(labels.map((l) => [l.subclassId, l.grade])).toEqual([
      ['PH.GENETIC_RESOURCES', 'important'],
      ['PI.SENSITIVE.BIOMETRIC', 'pi_sensitive'],
    ]);
    const reasons = labels[0]!.reasons;
    expect(reasons).toContainEqual({ source: 'detector', type: 'genetic_data', ratio: 0.8 });
    expect(reasons.some((r) => r.source === 'header')).toBe(true);
  });

  it('ignores unknown detector types', () => {
    expect(ids('x', [{ type: 'ssn', ratio: 1 }])).toEqual([]);
  });
});

describe('the overall grade (就高从严: the highest grade wins)', () => {
  it('orders core > important > pi_sensitive > pi_general > general', () => {
    for (let i = 0; i + 1 < GRADES.length; i++) expect(compareGrades(GRADES[i]!, GRADES[i + 1]!)).toBeLessThan(0);
  });

  it('takes the most severe grade of the labels', () => {
    expect(overallGrade(['general', 'pi_general', 'pi_sensitive'])).toBe('pi_sensitive');
    expect(overallGrade(['pi_sensitive', 'important', 'general'])).toBe('important');
    expect(overallGrade(['general', 'core', 'important'])).toBe('core');
  });

  it('accepts labels and subclass ids', () => {
    const labels = [...labelColumn({ header: '手机号码' }), ...labelColumn({ header: 'sfzh' })];
    expect(overallGrade(labels)).toBe('pi_sensitive');
    expect(overallGrade(['PI.GENERAL.CONTACT', 'SM.STRATEGIC_RESERVE'])).toBe('core');
  });

  it('is general when nothing was labelled', () => {
    expect(overallGrade([])).toBe('general');
  });

  it('refuses an unknown subclass id', () => {
    expect(() => overallGrade(['PI.NOPE'])).toThrow(/labels: unknown subclass or grade "PI.NOPE"/);
  });
});
