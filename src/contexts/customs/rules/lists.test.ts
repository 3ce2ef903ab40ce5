import { describe, expect, it } from 'vitest';
import { getCatalog } from './catalog.ts';
import { parseCsv, stringifyCsv } from './csv.ts';
import { appErrorOf } from '../../../../test/helpers/errors.ts';
import {
  exportListCsv,
  getDefaultLists,
  importListCsv,
  listCsvColumns,
  parseListCsv,
  parseLists,
  strictestRoute,
  type ListsDocument,
} from './lists.ts';

function doc(): ListsDocument {
  return structuredClone(getDefaultLists().document);
}

describe('the shipped lists', () => {
  const lists = getDefaultLists();

  it('cover 3 industries and 10 application scenarios', () => {
    expect([...lists.coveredIndustries].sort()).toEqual(['auto', 'consumer', 'pharma']);
    expect(lists.scenarioById.size).toBe(10);
  });

  it('include the scenarios of the work report', () => {
    const names = [...lists.scenarioById.values()].map((s) => s.names['zh-CN']);
    for (const n of ['国际多中心临床试验', '药物研发合作', '药物警戒', '全球研发与测试', '售后服务', '跨境生产制造', '二手车出口', '跨境电子商务', '会员服务与售后', '跨境支付与物流'])
      expect(names).toContain(n);
  });

  it('give every scenario negative-list and general-list items', () => {
    for (const id of lists.scenarioById.keys()) {
      expect(lists.document.negativeList.some((i) => i.scenario === id), id).toBe(true);
      expect(lists.document.generalList.some((i) => i.scenario === id), id).toBe(true);
    }
  });

  it('are versioned, dated and cite the published lists', () => {
    expect(lists.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lists.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const titles = lists.document.sources.map((s) => s.title).join('\n');
    expect(titles).toMatch(/北京/);
    expect(titles).toMatch(/天津/);
    expect(titles).toMatch(/临港/);
  });

  it('refer only to subclasses of the catalog', () => {
    expect(() => parseLists(lists.document, { catalog: getCatalog() })).not.toThrow();
  });

  it('carry the exterior-video condition on the general list', () => {
    expect(lists.generalItemById.get('GL-AUTO-RD-02')?.condition?.['zh-CN']).toContain('车外视频不含人脸与车牌');
    expect(lists.negativeItemById.get('NL-AUTO-RD-01')?.route).toBe('security_assessment');
  });

  it('pick the strictest route of several items', () => {
    const pick = (ids: string[]) => strictestRoute(ids.map((id) => lists.negativeItemById.get(id)!))?.id;
    expect(pick(['NL-AUTO-USEDCAR-03', 'NL-AUTO-USEDCAR-01'])).toBe('NL-AUTO-USEDCAR-01');
    expect(pick(['NL-AUTO-USEDCAR-01', 'NL-AUTO-RD-01', 'NL-AUTO-USEDCAR-03'])).toBe('NL-AUTO-RD-01');
    expect(strictestRoute([])).toBeNull();
  });
});

describe('the lists loader refuses a broken document, naming the field', () => {
  it('a duplicate item id across the two lists', () => {
    const d = doc();
    d.generalList[0]!.id = 'GL-X';
    d.generalList[1]!.id = 'GL-X';
    expect(appErrorOf(() => parseLists(d)).message).toBe('generalList[1].id: duplicate id "GL-X"');
  });

  it('an item of an unknown scenario', () => {
    const d = doc();
    d.negativeList[2]!.scenario = 'PHARMA-NOPE';
    expect(appErrorOf(() => parseLists(d)).message).toBe('negativeList[2].scenario: unknown scenario "PHARMA-NOPE"');
  });

  it('an item whose industry is not its scenario’s', () => {
    const d = doc();
    d.negativeList[0]!.industry = 'auto';
    expect(appErrorOf(() => parseLists(d)).message).toMatch(/^negativeList\[0\]\.industry: scenario "PHARMA-MRCT" belongs to industry "pharma"/);
  });

  it('an unknown route, an empty threshold, a bad id', () => {
    const d = doc();
    (d.negativeList[1] as { route: string }).route = 'approval';
    expect(appErrorOf(() => parseLists(d)).message).toMatch(/^negativeList\[1\]\.route: must be one of security_assessment/);
    const e = doc();
    e.negativeList[1]!.threshold = {};
    expect(appErrorOf(() => parseLists(e)).message).toMatch(/^negativeList\[1\]\.threshold: must give personalSubjects or sensitiveSubjects/);
    const f = doc();
    f.negativeList[1]!.id = 'nl-lower';
    expect(appErrorOf(() => parseLists(f)).message).toMatch(/^negativeList\[1\]\.id: must look like NL-AUTO-RD-01/);
  });

  it('an unknown catalog subclass when a catalog is given', () => {
    const d = doc();
    d.generalList[0]!.subclasses = ['PI.NOPE'];
    expect(() => parseLists(d)).not.toThrow();
    expect(appErrorOf(() => parseLists(d, { catalog: getCatalog() })).message).toBe('generalList[0].subclasses[0]: unknown catalog subclass "PI.NOPE"');
  });

  it('an unknown field', () => {
    const d = doc() as ListsDocument & { extra?: number };
    d.extra = 1;
    expect(appErrorOf(() => parseLists(d)).message).toBe('extra: unknown field');
  });
});

describe('CSV for the bureau’s editor', () => {
  it('round-trips both lists unchanged', () => {
    const lists = getDefaultLists();
    for (const kind of ['negative', 'general'] as const) {
      const csv = exportListCsv(lists, kind);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(parseCsv(csv)[0]).toEqual([...listCsvColumns(kind)]);
      const items = parseListCsv(kind, csv);
      expect(items).toEqual(kind === 'negative' ? lists.document.negativeList : lists.document.generalList);
      expect(importListCsv(kind, csv, lists).document).toEqual(lists.document);
    }
  });

  it('round-trips commas, quotes and line breaks inside cells', () => {
    const d = doc();
    d.negativeList[0]!.condition = { 'zh-CN': '含"引号",逗号\n和换行', 'zh-TW': '含「引號」，逗號\r\n與換行', en: 'a "quoted", multi\nline text' };
    const lists = parseLists(d);
    const csv = exportListCsv(lists, 'negative', { bom: false });
    expect(importListCsv('negative', csv, getDefaultLists()).document.negativeList[0]!.condition).toEqual(d.negativeList[0]!.condition);
  });

  it('accepts columns in another order, LF line ends and no BOM', () => {
    const rows = parseCsv(exportListCsv(getDefaultLists(), 'general'));
    const order = rows[0]!.map((_, i) => i).reverse();
    const reordered = rows.map((r) => order.map((i) => r[i]!));
    const csv = stringifyCsv(reordered, { bom: false }).replace(/\r\n/g, '\n');
    expect(parseListCsv('general', csv)).toEqual(getDefaultLists().document.generalList);
  });

  it('sets the new version’s metadata on import', () => {
    const lists = getDefaultLists();
    const next = importListCsv('general', exportListCsv(lists, 'general'), lists, { version: '1.1.0', effectiveFrom: '2026-01-01' });
    expect(next.version).toBe('1.1.0');
    expect(next.effectiveFrom).toBe('2026-01-01');
  });

  function negativeCsv(edit: (rows: string[][]) => void): string {
    const rows = parseCsv(exportListCsv(getDefaultLists(), 'negative'));
    edit(rows);
    return stringifyCsv(rows);
  }
  const col = (name: string) => listCsvColumns('negative').indexOf(name);

  it('names the line and column of a bad route', () => {
    const csv = negativeCsv((rows) => {
      rows[3]![col('route')] = 'approval';
    });
    const e = appErrorOf(() => parseListCsv('negative', csv));
    expect(e.message).toMatch(/^line 4, column route: must be one of/);
    expect(e.details).toMatchObject({ line: 4, column: 'route' });
  });

  it('names a bad threshold, a half-translated condition and a missing name', () => {
    expect(appErrorOf(() => parseListCsv('negative', negativeCsv((r) => void (r[2]![col('threshold.personalSubjects')] = 'many')))).message).toBe(
      'line 3, column threshold.personalSubjects: must be a positive integer or empty',
    );
    expect(appErrorOf(() => parseListCsv('negative', negativeCsv((r) => void (r[2]![col('condition.en')] = '')))).message).toBe(
      'line 3, column condition.en: required when the condition is given in another language',
    );
    expect(appErrorOf(() => parseListCsv('negative', negativeCsv((r) => void (r[5]![col('name.zh-TW')] = '')))).message).toBe(
      'line 6, column name.zh-TW: must be a non-empty string',
    );
  });

  it('names an unknown or a missing column', () => {
    expect(appErrorOf(() => parseListCsv('negative', negativeCsv((r) => void (r[0]![col('route')] = 'routing')))).message).toBe(
      'line 1, column routing: unknown column',
    );
    const missing = negativeCsv((rows) => {
      for (const r of rows) r.splice(col('subclasses'), 1);
    });
    expect(appErrorOf(() => parseListCsv('negative', missing)).message).toBe('line 1, column subclasses: missing column');
  });

  it('names the line of an unknown scenario or a duplicate id against the base lists', () => {
    const unknown = negativeCsv((r) => void (r[4]![col('scenario')] = 'AUTO-SPACE'));
    expect(appErrorOf(() => importListCsv('negative', unknown, getDefaultLists())).message).toBe('line 5, column scenario: unknown scenario "AUTO-SPACE"');
    const dup = negativeCsv((r) => void (r[4]![col('id')] = r[3]![col('id')]!));
    expect(appErrorOf(() => importListCsv('negative', dup, getDefaultLists())).message).toMatch(/^line 5, column id: duplicate id/);
  });

  it('refuses an empty file and an unclosed quote', () => {
    expect(appErrorOf(() => parseListCsv('general', '')).message).toMatch(/^line 1: the CSV is empty/);
    expect(appErrorOf(() => parseCsv('a,b\n"open,c\n')).message).toBe('line 2: a quoted field is never closed');
  });
});

describe('the CSV reader', () => {
  it('skips blank lines and keeps empty cells', () => {
    expect(parseCsv('a,b,c\r\n\r\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('reads quoted cells with doubled quotes and line breaks', () => {
    expect(parseCsv('"x ""y""","1\n2"\n')).toEqual([['x "y"', '1\n2']]);
  });

  it('writes what it reads', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'plain'],
      ['2', 'with, comma'],
      ['3', 'with "quote"'],
      ['4', 'two\nlines'],
    ];
    expect(parseCsv(stringifyCsv(rows))).toEqual(rows);
  });
});
