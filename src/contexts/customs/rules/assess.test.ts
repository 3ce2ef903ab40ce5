import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.ts';
import { assess, OUTCOMES, parseScenario, ScenarioSchema, type Decision, type Scenario } from './assess.ts';
import { getDefaultLists, parseLists } from './lists.ts';
import { LANGS } from './text.ts';

interface Example {
  name: string;
  scenario: unknown;
  expected: string;
}

/** A verbatim copy of shared/contracts/assess-examples.json, so the suite runs from the repository alone. */
const EXAMPLES_COPY = new URL('../data/assess-examples.json', import.meta.url);
/** The contract itself, present in the workspace where the contracts live. */
const EXAMPLES_CONTRACT = new URL('../../../../../shared/contracts/assess-examples.json', import.meta.url);
const EXAMPLES = JSON.parse(readFileSync(EXAMPLES_COPY, 'utf8')) as Example[];
const contractPresent = existsSync(EXAMPLES_CONTRACT);
if (!contractPresent) console.warn('assess.test: shared/contracts/assess-examples.json not found; checking the copy only');

/** A valid scenario: non-CIIO, outside the zone, nothing exported yet, no PI — override what a case needs. */
function scenario(
  over: {
    exporter?: Partial<Scenario['exporter']>;
    already?: Partial<Scenario['alreadyExportedThisYear']>;
    transfer?: Partial<Scenario['transfer']>;
    year?: number;
  } = {},
): Scenario {
  return parseScenario({
    exporter: { name: '测试企业', ciio: false, inFreeTradeZone: false, ...over.exporter },
    year: over.year ?? 2026,
    alreadyExportedThisYear: { personalSubjects: 0, sensitiveSubjects: 0, ...over.already },
    transfer: {
      industry: 'other',
      scenario: null,
      personalSubjects: 0,
      sensitiveSubjects: 0,
      importantData: 'none',
      coreData: false,
      exemption: null,
      negativeListItems: [],
      ...over.transfer,
    },
  });
}

function decide(over: Parameters<typeof scenario>[0], lang?: (typeof LANGS)[number]): Decision {
  return assess(scenario(over), lang ? { lang } : {});
}

function validationError(json: unknown): AppError {
  try {
    parseScenario(json);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a validation error');
}

function base(): Record<string, unknown> & { exporter: Record<string, unknown>; transfer: Record<string, unknown> } {
  return JSON.parse(JSON.stringify((EXAMPLES[0] as Example).scenario)) as ReturnType<typeof base>;
}

describe('the worked examples of assess-examples.json', () => {
  it('has examples to check', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(12);
  });

  it.runIf(contractPresent)('keeps its copy of the examples identical to the contract', () => {
    expect(JSON.parse(readFileSync(EXAMPLES_CONTRACT, 'utf8'))).toEqual(EXAMPLES);
  });

  for (const example of EXAMPLES) {
    it(example.name, () => {
      const d = assess(parseScenario(example.scenario));
      expect(d.outcome).toBe(example.expected);
      expect(d.basis.length).toBeGreaterThan(0);
      for (const b of d.basis) expect(b).toMatch(/^(CAC16|DSL) Art\.\d+(\(\d\))?$/);
      expect(d.notes.length).toBeGreaterThan(0);
      for (const lang of LANGS) {
        const other = assess(parseScenario(example.scenario), { lang });
        expect(other.outcome).toBe(d.outcome);
        expect(other.basis).toEqual(d.basis);
        expect(other.notes.length).toBe(d.notes.length);
      }
    });
  }

  it('uses only scenario ids that exist in the shipped negative list', () => {
    const lists = getDefaultLists();
    for (const e of EXAMPLES) {
      const id = (e.scenario as { transfer: { scenario: string | null } }).transfer.scenario;
      if (id !== null) expect(lists.scenarioById.has(id)).toBe(true);
    }
  });
});

describe('the output shape', () => {
  it('returns exactly outcome, basis, totals and notes', () => {
    const d = decide({ transfer: { personalSubjects: 60000 } });
    expect(Object.keys(d).sort()).toEqual(['basis', 'notes', 'outcome', 'totals']);
    expect(OUTCOMES).toContain(d.outcome);
    expect(d.totals).toEqual({ personalSubjects: 60000, sensitiveSubjects: 0 });
  });

  it('exports a zod ScenarioSchema that accepts the contract example', () => {
    expect(ScenarioSchema.safeParse((EXAMPLES[0] as Example).scenario).success).toBe(true);
  });
});

describe('thresholds are inclusive at the lower bound', () => {
  it('99,999 persons are exempt under Art. 5(4)', () => {
    const d = decide({ transfer: { personalSubjects: 99_999 } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual(['CAC16 Art.5(4)']);
  });

  it('exactly 100,000 persons need a standard contract or certification', () => {
    const d = decide({ transfer: { personalSubjects: 100_000 } });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.basis).toEqual(['CAC16 Art.8']);
  });

  it('99,999 earlier plus one now reaches 100,000', () => {
    const d = decide({ already: { personalSubjects: 99_999 }, transfer: { personalSubjects: 1 } });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.totals.personalSubjects).toBe(100_000);
  });

  it('999,999 persons still need only a contract', () => {
    expect(decide({ transfer: { personalSubjects: 999_999 } }).outcome).toBe('standard_contract_or_certification');
  });

  it('exactly 1,000,000 persons need a security assessment', () => {
    const d = decide({ already: { personalSubjects: 400_000 }, transfer: { personalSubjects: 600_000 } });
    expect(d.outcome).toBe('security_assessment');
    expect(d.basis).toEqual(['CAC16 Art.7(2)']);
    expect(d.totals.personalSubjects).toBe(1_000_000);
  });

  it('9,999 sensitive persons need a contract', () => {
    expect(decide({ transfer: { sensitiveSubjects: 9_999 } }).outcome).toBe('standard_contract_or_certification');
  });

  it('exactly 10,000 sensitive persons need a security assessment', () => {
    const d = decide({ transfer: { sensitiveSubjects: 10_000 } });
    expect(d.outcome).toBe('security_assessment');
    expect(d.basis).toEqual(['CAC16 Art.7(2)']);
  });

  it('any sensitive person at all needs a contract even with few other persons', () => {
    const d = decide({ transfer: { personalSubjects: 10, sensitiveSubjects: 1 } });
    expect(d.outcome).toBe('standard_contract_or_certification');
  });
});

describe('cumulative counting takes only the kinds present in this transfer', () => {
  it('ignores earlier sensitive persons when this transfer has none', () => {
    const d = decide({ already: { sensitiveSubjects: 20_000 }, transfer: { personalSubjects: 5_000 } });
    expect(d.outcome).toBe('exempt');
    expect(d.totals).toEqual({ personalSubjects: 5_000, sensitiveSubjects: 0 });
    expect(d.notes.some((n) => n.includes('20,000'))).toBe(true);
  });

  it('ignores earlier non-sensitive persons when this transfer has only sensitive data', () => {
    const d = decide({ already: { personalSubjects: 2_000_000 }, transfer: { sensitiveSubjects: 10 } });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.totals).toEqual({ personalSubjects: 0, sensitiveSubjects: 10 });
  });

  it('adds earlier sensitive persons when this transfer has some', () => {
    const d = decide({ already: { sensitiveSubjects: 9_990, personalSubjects: 50 }, transfer: { sensitiveSubjects: 10 } });
    expect(d.outcome).toBe('security_assessment');
    expect(d.totals).toEqual({ personalSubjects: 0, sensitiveSubjects: 10_000 });
  });

  it('needs nothing for a transfer without personal information whatever was sent before', () => {
    const d = decide({ already: { personalSubjects: 5_000_000, sensitiveSubjects: 50_000 } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual(['CAC16 Art.2']);
    expect(d.totals).toEqual({ personalSubjects: 0, sensitiveSubjects: 0 });
  });

  it('says the cumulative numbers in the note', () => {
    const d = decide({ already: { personalSubjects: 80_000 }, transfer: { personalSubjects: 30_000 } });
    expect(d.notes[0]).toContain('110,000');
    expect(d.notes[0]).toContain('80,000');
    expect(d.notes[0]).toContain('30,000');
  });
});

describe('core and important data come before any exemption', () => {
  it('refuses core data even with an exemption and in the zone', () => {
    const d = decide({
      exporter: { inFreeTradeZone: true },
      transfer: { industry: 'pharma', coreData: true, exemption: 'emergency', importantData: 'notified' },
    });
    expect(d.outcome).toBe('prohibited');
    expect(d.basis[0]).toBe('DSL Art.21');
  });

  it('sends notified important data to assessment despite an exemption', () => {
    const d = decide({ transfer: { importantData: 'notified', exemption: 'contract_with_individual', personalSubjects: 5 } });
    expect(d.outcome).toBe('security_assessment');
    expect(d.basis[0]).toBe('CAC16 Art.7(2)');
    expect(d.notes.length).toBe(2);
  });

  it('cites Art. 7(1) for important data of a CIIO', () => {
    const d = decide({ exporter: { ciio: true }, transfer: { importantData: 'notified' } });
    expect(d.outcome).toBe('security_assessment');
    expect(d.basis[0]).toBe('CAC16 Art.7(1)');
  });

  it('sends notified important data to assessment inside the zone with no listed item', () => {
    const d = decide({ exporter: { inFreeTradeZone: true }, transfer: { industry: 'auto', importantData: 'notified' } });
    expect(d.outcome).toBe('security_assessment');
  });

  it('lets an exemption apply to suspected important data, with a note', () => {
    const d = decide({ transfer: { importantData: 'suspected', exemption: 'emergency', sensitiveSubjects: 50_000 } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual(['CAC16 Art.5(3)']);
    expect(d.notes.some((n) => n.includes('疑似重要数据'))).toBe(true);
  });

  it('always notes suspected important data, whatever the outcome', () => {
    for (const over of [
      { transfer: { importantData: 'suspected' as const, coreData: true } },
      { transfer: { importantData: 'suspected' as const, sensitiveSubjects: 20_000 } },
      { transfer: { importantData: 'suspected' as const } },
    ]) {
      expect(decide(over).notes.some((n) => n.includes('疑似重要数据'))).toBe(true);
    }
  });
});

describe('exemptions', () => {
  it.each([
    ['contract_with_individual', 'CAC16 Art.5(1)'],
    ['cross_border_hr', 'CAC16 Art.5(2)'],
    ['emergency', 'CAC16 Art.5(3)'],
    ['foreign_collected_return', 'CAC16 Art.4'],
  ] as const)('%s exempts a transfer above every threshold', (exemption, article) => {
    const d = decide({ transfer: { exemption, personalSubjects: 2_000_000, sensitiveSubjects: 20_000 } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual([article]);
  });

  it('an exemption also covers a CIIO', () => {
    const d = decide({ exporter: { ciio: true }, transfer: { exemption: 'cross_border_hr', personalSubjects: 10 } });
    expect(d.outcome).toBe('exempt');
  });

  it('the trade-data exemption applies when there is no personal information at all', () => {
    const d = decide({ transfer: { exemption: 'no_personal_trade_data' } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual(['CAC16 Art.3']);
  });

  it('the trade-data exemption does not cover sensitive personal information either', () => {
    const d = decide({ transfer: { exemption: 'no_personal_trade_data', sensitiveSubjects: 3 } });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.notes[0]).toContain('第三条');
  });

  it('the trade-data exemption with personal information falls through to the CIIO rule', () => {
    const d = decide({ exporter: { ciio: true }, transfer: { exemption: 'no_personal_trade_data', personalSubjects: 1 } });
    expect(d.outcome).toBe('security_assessment');
    expect(d.basis).toEqual(['CAC16 Art.7(1)']);
  });
});

describe('the free-trade zone and its negative list', () => {
  const ftz = { inFreeTradeZone: true };

  it('exempts data of a covered industry that is not on the list, whatever the counts', () => {
    const d = decide({ exporter: ftz, transfer: { industry: 'consumer', personalSubjects: 5_000_000, sensitiveSubjects: 90_000 } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual(['CAC16 Art.6']);
  });

  it('takes the route of a single listed item', () => {
    const d = decide({ exporter: ftz, transfer: { industry: 'auto', scenario: 'AUTO-AFTERSALES', personalSubjects: 150_000, negativeListItems: ['NL-AUTO-AFTERSALES-01'] } });
    expect(d.outcome).toBe('standard_contract_or_certification');
    expect(d.basis).toEqual(['CAC16 Art.6']);
    expect(d.notes[0]).toContain('NL-AUTO-AFTERSALES-01');
  });

  it('takes the strictest route of several items, in any order', () => {
    const items = ['NL-PHARMA-MRCT-01', 'NL-PHARMA-MRCT-03', 'NL-PHARMA-RD-03'];
    for (const order of [items, [...items].reverse()]) {
      const d = decide({ exporter: ftz, transfer: { industry: 'pharma', sensitiveSubjects: 12_000, negativeListItems: order } });
      expect(d.outcome).toBe('security_assessment');
      expect(d.notes[0]).toContain('NL-PHARMA-MRCT-03');
    }
  });

  it('lets a listed item require a contract below the national thresholds', () => {
    const d = decide({ exporter: ftz, transfer: { industry: 'auto', sensitiveSubjects: 3, negativeListItems: ['NL-AUTO-RD-03'] } });
    expect(d.outcome).toBe('standard_contract_or_certification');
  });

  it('maps an item that needs only a filing to exempt, with a note about the filing', () => {
    const d = decide({ exporter: ftz, transfer: { industry: 'auto', negativeListItems: ['NL-AUTO-USEDCAR-03'] } });
    expect(d.outcome).toBe('exempt');
    expect(d.notes.some((n) => n.includes('备案'))).toBe(true);
  });

  it('lets a stricter item win over a filing-only item', () => {
    const d = decide({ exporter: ftz, transfer: { industry: 'auto', scenario: 'AUTO-USEDCAR', personalSubjects: 200_000, negativeListItems: ['NL-AUTO-USEDCAR-03', 'NL-AUTO-USEDCAR-01'] } });
    expect(d.outcome).toBe('standard_contract_or_certification');
  });

  it('applies national rules for an industry the list does not cover', () => {
    const d = decide({ exporter: ftz, transfer: { industry: 'other', personalSubjects: 1_500_000 } });
    expect(d.outcome).toBe('security_assessment');
    expect(d.basis).toEqual(['CAC16 Art.7(2)']);
    expect(d.notes[0]).toContain('不在本片区负面清单的覆盖范围内');
  });

  it('applies national rules for an industry a given list version does not cover', () => {
    const doc = structuredClone(getDefaultLists().document);
    doc.industries = doc.industries.filter((i) => i.id === 'pharma');
    doc.scenarios = doc.scenarios.filter((s) => s.industry === 'pharma');
    doc.negativeList = doc.negativeList.filter((i) => i.industry === 'pharma');
    doc.generalList = doc.generalList.filter((i) => i.industry === 'pharma');
    const pharmaOnly = parseLists(doc);
    const auto = scenario({ exporter: ftz, transfer: { industry: 'auto', personalSubjects: 300_000 } });
    expect(assess(auto, { lists: pharmaOnly }).outcome).toBe('standard_contract_or_certification');
    expect(assess(auto).outcome).toBe('exempt');
  });

  it('applies national rules outside the zone even when items are declared, and says so', () => {
    const d = decide({ transfer: { industry: 'auto', personalSubjects: 500, negativeListItems: ['NL-AUTO-RD-01'] } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual(['CAC16 Art.5(4)']);
    expect(d.notes[0]).toContain('NL-AUTO-RD-01');
  });

  it('follows the list for a CIIO in the zone (rule order), with a note to check', () => {
    const d = decide({ exporter: { ...ftz, ciio: true }, transfer: { industry: 'pharma', personalSubjects: 20 } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual(['CAC16 Art.6']);
    expect(d.notes.some((n) => n.includes('关键信息基础设施运营者'))).toBe(true);
  });

  it('refuses an item id the list version given does not have', () => {
    const s = scenario({ exporter: ftz, transfer: { industry: 'pharma', negativeListItems: ['NL-PHARMA-MRCT-01'] } });
    const doc = structuredClone(getDefaultLists().document);
    doc.negativeList = doc.negativeList.filter((i) => i.id !== 'NL-PHARMA-MRCT-01');
    expect(() => assess(s, { lists: parseLists(doc) })).toThrow(/transfer\.negativeListItems\[0\]: unknown negative list item id/);
  });
});

describe('critical information infrastructure operators', () => {
  it('need an assessment for one person outside the zone', () => {
    const d = decide({ exporter: { ciio: true }, transfer: { sensitiveSubjects: 1 } });
    expect(d.outcome).toBe('security_assessment');
    expect(d.basis).toEqual(['CAC16 Art.7(1)']);
  });

  it('need nothing for data without personal or important data', () => {
    const d = decide({ exporter: { ciio: true } });
    expect(d.outcome).toBe('exempt');
    expect(d.basis).toEqual(['CAC16 Art.2']);
  });
});

describe('notes in three languages', () => {
  const cases: Parameters<typeof scenario>[0][] = [
    { transfer: { coreData: true } },
    { transfer: { importantData: 'notified' } },
    { transfer: { exemption: 'cross_border_hr', personalSubjects: 200_000 } },
    { exporter: { inFreeTradeZone: true }, transfer: { industry: 'pharma', personalSubjects: 1 } },
    { exporter: { inFreeTradeZone: true }, transfer: { industry: 'auto', negativeListItems: ['NL-AUTO-RD-01', 'NL-AUTO-USEDCAR-03'] } },
    { exporter: { ciio: true }, transfer: { personalSubjects: 3 } },
    { already: { personalSubjects: 80_000 }, transfer: { personalSubjects: 1_000_000, sensitiveSubjects: 10_000 } },
    { already: { personalSubjects: 80_000 }, transfer: { personalSubjects: 30_000, sensitiveSubjects: 2 } },
    { transfer: { personalSubjects: 5_000, importantData: 'suspected' } },
    {},
  ];

  it('writes zh-CN notes in Simplified Chinese', () => {
    for (const c of cases) for (const n of decide(c, 'zh-CN').notes) expect(n).toMatch(/[数据个人信息核心豁免条]/);
  });

  it('writes zh-TW notes in Taiwan usage (資料, 個人資料), never the Simplified terms', () => {
    for (const c of cases) {
      for (const n of decide(c, 'zh-TW').notes) {
        expect(n).not.toMatch(/[数据个认证评条项须资]/);
        // Law titles keep their official wording (《個人信息保護法》); the prose says 資料, not 信息/數據.
        expect(n.replace(/《[^》]*》/g, '')).not.toMatch(/信息|數據/);
        expect(n).toMatch(/[資個條項]/);
      }
    }
    expect(decide({ transfer: { personalSubjects: 5 } }, 'zh-TW').notes[0]).toContain('個人資料');
  });

  it('writes en notes without Chinese characters', () => {
    for (const c of cases) for (const n of decide(c, 'en').notes) expect(n).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('states the numbers with thousands separators in every language', () => {
    for (const lang of LANGS) {
      const d = decide({ already: { personalSubjects: 80_000 }, transfer: { personalSubjects: 30_000 } }, lang);
      expect(d.notes[0]).toContain('110,000');
    }
  });

  it('notes that Order 16 was not yet in force for an earlier year', () => {
    const d = decide({ year: 2023, transfer: { personalSubjects: 10 } });
    expect(d.notes.at(-1)).toContain('2024');
  });

  it('refuses an unknown language', () => {
    expect(() => assess(scenario(), { lang: 'fr' as 'en' })).toThrow(/lang: unknown language/);
  });
});

describe('scenario validation names the field', () => {
  it.each([
    [-1, 'transfer.personalSubjects: must be a non-negative integer'],
    [1.5, 'transfer.personalSubjects: must be a non-negative integer'],
    ['100', 'transfer.personalSubjects: must be a non-negative integer'],
    [null, 'transfer.personalSubjects: must be a non-negative integer'],
  ])('refuses personalSubjects %j', (value, message) => {
    const s = base();
    s.transfer.personalSubjects = value;
    const e = validationError(s);
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe(message);
    expect((e.details as { field: string }).field).toBe('transfer.personalSubjects');
  });

  it('reports a missing field as required', () => {
    const s = base();
    delete s.exporter.ciio;
    expect(validationError(s).message).toBe('exporter.ciio: required');
  });

  it('reports a missing section as required', () => {
    const s = base();
    delete s.alreadyExportedThisYear;
    expect(validationError(s).message).toBe('alreadyExportedThisYear: required');
  });

  it('refuses an unknown field, naming it', () => {
    const s = base();
    s.transfer.volume = 3;
    expect(validationError(s).message).toBe('transfer.volume: unknown field');
    const t = base();
    t.extra = true;
    expect(validationError(t).message).toBe('extra: unknown field');
  });

  it('refuses an unknown industry', () => {
    const s = base();
    s.transfer.industry = 'mining';
    expect(validationError(s).message).toMatch(/^transfer\.industry: unknown industry "mining" \(expected pharma, auto, consumer or other\)$/);
  });

  it('refuses an unknown scenario id', () => {
    const s = base();
    s.transfer.industry = 'auto';
    s.transfer.scenario = 'AUTO-SPACE';
    expect(validationError(s).message).toBe('transfer.scenario: unknown scenario id "AUTO-SPACE"');
  });

  it('refuses a scenario of another industry', () => {
    const s = base();
    s.transfer.industry = 'pharma';
    s.transfer.scenario = 'AUTO-RD';
    expect(validationError(s).message).toBe('transfer.scenario: scenario "AUTO-RD" belongs to industry "auto", not "pharma"');
  });

  it('refuses an unknown negative list item id, naming its position', () => {
    const s = base();
    s.transfer.industry = 'auto';
    s.transfer.negativeListItems = ['NL-AUTO-RD-01', 'NL-AUTO-RD-99'];
    const e = validationError(s);
    expect(e.message).toBe('transfer.negativeListItems[1]: unknown negative list item id "NL-AUTO-RD-99"');
    expect((e.details as { field: string }).field).toBe('transfer.negativeListItems[1]');
  });

  it('refuses an item of another industry, another scenario, or twice', () => {
    const s = base();
    s.transfer.industry = 'pharma';
    s.transfer.negativeListItems = ['NL-AUTO-RD-01'];
    expect(validationError(s).message).toMatch(/^transfer\.negativeListItems\[0\]: item "NL-AUTO-RD-01" belongs to industry "auto"/);
    const t = base();
    t.transfer.industry = 'auto';
    t.transfer.scenario = 'AUTO-MFG';
    t.transfer.negativeListItems = ['NL-AUTO-RD-01'];
    expect(validationError(t).message).toMatch(/^transfer\.negativeListItems\[0\]: item "NL-AUTO-RD-01" belongs to scenario "AUTO-RD"/);
    const u = base();
    u.transfer.industry = 'auto';
    u.transfer.negativeListItems = ['NL-AUTO-RD-01', 'NL-AUTO-RD-01'];
    expect(validationError(u).message).toBe('transfer.negativeListItems[1]: duplicate item id "NL-AUTO-RD-01"');
  });

  it('refuses unknown enum values for importantData and exemption', () => {
    const s = base();
    s.transfer.importantData = 'maybe';
    expect(validationError(s).message).toMatch(/^transfer\.importantData: unknown value "maybe"/);
    const t = base();
    t.transfer.exemption = 'tourism';
    expect(validationError(t).message).toMatch(/^transfer\.exemption: unknown exemption "tourism"/);
  });

  it('refuses a non-boolean flag and a bad year', () => {
    const s = base();
    s.exporter.inFreeTradeZone = 'yes';
    expect(validationError(s).message).toBe('exporter.inFreeTradeZone: must be true or false');
    const t = base();
    t.year = 26;
    expect(validationError(t).message).toBe('year: must be a calendar year between 2000 and 2999');
  });

  it('refuses something that is not an object', () => {
    expect(validationError(null).message).toBe('scenario: must be an object');
    expect(validationError([]).message).toBe('scenario: must be an object');
  });

  it('lists every problem in details', () => {
    const s = base();
    s.transfer.personalSubjects = -1;
    s.transfer.sensitiveSubjects = -2;
    const issues = (validationError(s).details as { issues: { field: string }[] }).issues.map((i) => i.field);
    expect(issues).toEqual(['transfer.personalSubjects', 'transfer.sensitiveSubjects']);
  });
});
