/**
 * The decision function of `landao customs assess` (shared/contracts/assess.md): which legal route one
 * outbound transfer needs under CAC Order No. 16 (促进和规范数据跨境流动规定, in force 2024-03-22),
 * the zone's negative list and the Data Security Law's treatment of core data.
 *
 * The rules, in order (the first that applies decides):
 *   1. core data                                   → prohibited                   DSL Art.21
 *   2. important data `notified`                    → security_assessment          CAC16 Art.7(1) (CIIO) / Art.7(2)
 *   3. an exemption; `no_personal_trade_data` only
 *      when the transfer has no PI at all           → exempt                       CAC16 Art.3 / 4 / 5(1)–(3)
 *   4. in the FTZ, industry covered by the list:
 *      no listed item → exempt; else the strictest  → the items' route            CAC16 Art.6
 *   5. CIIO with any PI                             → security_assessment          CAC16 Art.7(1)
 *   6. cumulative personal ≥ 1,000,000 or
 *      sensitive ≥ 10,000 (kinds present only)      → security_assessment          CAC16 Art.7(2)
 *   7. cumulative personal ≥ 100,000 or any sensitive → standard_contract_or_certification CAC16 Art.8
 *   8. otherwise                                    → exempt                       CAC16 Art.5(4) (PI) / Art.2 (no PI)
 * `suspected` important data never changes the outcome and always adds a note.
 *
 * Interpretations (documented for the bureau):
 * - "Counting only the kinds present": a kind this transfer does not contain counts as 0, in the
 *   thresholds and in `totals`; the earlier count of that kind is mentioned in a note.
 * - Rule 4 is decided per industry (an industry the list covers, whatever the scenario); a CIIO in the
 *   zone follows rule 4 like anyone else (rule order), with a note to check whether the list applies to
 *   CIIOs. Negative-list items declared outside the zone, or for an uncovered industry, are validated
 *   but do not decide; a note says so.
 * - A list item's `exempt_with_filing` route is outcome `exempt` plus a note about the filing.
 * - `basis` for core data is "DSL Art.21" (国家核心数据实行更加严格的管理制度); for notified important
 *   data it adds "CAC16 Art.2" (only notified or published data counts as important); for a transfer
 *   with no personal information and nothing else regulated it is "CAC16 Art.2".
 */
import { AppError } from '../../../kernel/errors.ts';
import { getDefaultLists, strictestRoute, type ListRoute, type LoadedLists, type NegativeListItem } from './lists.ts';
import { MESSAGES, type ItemRef, type Tally } from './notes.ts';
import type { Exemption, Scenario } from './scenario.ts';
import { isLang, type Lang } from './text.ts';

export { EXEMPTIONS, IMPORTANT_DATA, parseScenario, ScenarioSchema, scenarioSchemaFor } from './scenario.ts';
export type { Exemption, ImportantData, Scenario } from './scenario.ts';

export const OUTCOMES = ['prohibited', 'security_assessment', 'standard_contract_or_certification', 'exempt'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Decision {
  outcome: Outcome;
  /** The articles relied on, most decisive first. */
  basis: string[];
  /** Cumulative persons this year (already exported + this transfer), counting only the kinds present. */
  totals: { personalSubjects: number; sensitiveSubjects: number };
  notes: string[];
}

export interface AssessOptions {
  /** Language of the notes (default zh-CN). */
  lang?: Lang;
  /** The list version to decide against (default: the shipped lists). */
  lists?: LoadedLists;
}

export const PERSONAL_CONTRACT_THRESHOLD = 100_000;
export const PERSONAL_ASSESSMENT_THRESHOLD = 1_000_000;
export const SENSITIVE_ASSESSMENT_THRESHOLD = 10_000;

const EXEMPTION_BASIS: Readonly<Record<Exemption, string>> = {
  no_personal_trade_data: 'CAC16 Art.3',
  foreign_collected_return: 'CAC16 Art.4',
  contract_with_individual: 'CAC16 Art.5(1)',
  cross_border_hr: 'CAC16 Art.5(2)',
  emergency: 'CAC16 Art.5(3)',
};

const ROUTE_OUTCOME: Readonly<Record<ListRoute, Outcome>> = {
  security_assessment: 'security_assessment',
  standard_contract_or_certification: 'standard_contract_or_certification',
  exempt_with_filing: 'exempt',
};

/**
 * Decides the route of one transfer. `scenario` must be valid (`parseScenario`); negative-list ids are
 * looked up in `opts.lists` and an unknown one is a `validation_failed` error naming the field.
 */
export function assess(scenario: Scenario, opts: AssessOptions = {}): Decision {
  const lang = opts.lang ?? 'zh-CN';
  if (!isLang(lang)) {
    const message = `lang: unknown language ${JSON.stringify(lang)} (expected zh-CN, zh-TW or en)`;
    throw new AppError('validation_failed', message, { field: 'lang' });
  }
  const lists = opts.lists ?? getDefaultLists();
  const m = MESSAGES[lang];
  const { exporter, transfer: t, alreadyExportedThisYear: before } = scenario;

  const items: NegativeListItem[] = [];
  for (let i = 0; i < t.negativeListItems.length; i++) {
    const id = t.negativeListItems[i]!;
    const item = lists.negativeItemById.get(id);
    if (!item) {
      const field = `transfer.negativeListItems[${i}]`;
      throw new AppError('validation_failed', `${field}: unknown negative list item id ${JSON.stringify(id)}`, { field });
    }
    items.push(item);
  }

  const hasPersonal = t.personalSubjects > 0;
  const hasSensitive = t.sensitiveSubjects > 0;
  const hasPi = hasPersonal || hasSensitive;
  const personal: Tally | null = hasPersonal
    ? { total: before.personalSubjects + t.personalSubjects, already: before.personalSubjects, now: t.personalSubjects }
    : null;
  const sensitive: Tally | null = hasSensitive
    ? { total: before.sensitiveSubjects + t.sensitiveSubjects, already: before.sensitiveSubjects, now: t.sensitiveSubjects }
    : null;
  const totals = { personalSubjects: personal?.total ?? 0, sensitiveSubjects: sensitive?.total ?? 0 };

  const notes: string[] = [];
  const after: string[] = [];
  let outcome: Outcome;
  let basis: string[];

  const zoneCovers = exporter.inFreeTradeZone && lists.coveredIndustries.has(t.industry);
  const tradeExemptionRefused = t.exemption === 'no_personal_trade_data' && hasPi;
  const exemptionApplies = t.exemption !== null && !tradeExemptionRefused;

  if (t.coreData) {
    outcome = 'prohibited';
    basis = ['DSL Art.21'];
    notes.push(m.core());
    if (t.exemption) notes.push(m.exemptionOverridden(t.exemption, 'core'));
  } else if (t.importantData === 'notified') {
    outcome = 'security_assessment';
    basis = [exporter.ciio ? 'CAC16 Art.7(1)' : 'CAC16 Art.7(2)', 'CAC16 Art.2'];
    notes.push(m.notified(exporter.ciio));
    if (t.exemption) notes.push(m.exemptionOverridden(t.exemption, 'important'));
  } else if (exemptionApplies) {
    outcome = 'exempt';
    basis = [EXEMPTION_BASIS[t.exemption!]];
    notes.push(m.exempted(t.exemption!, t.personalSubjects, t.sensitiveSubjects));
  } else {
    if (tradeExemptionRefused) notes.push(m.tradeExemptionNotApplicable(t.personalSubjects, t.sensitiveSubjects));
    if (zoneCovers) {
      basis = ['CAC16 Art.6'];
      const version = lists.version;
      if (items.length === 0) {
        outcome = 'exempt';
        notes.push(m.ftzOffList(t.industry, version));
        after.push(m.ftzOffListCaveat());
      } else {
        const strictest = strictestRoute(items)!;
        outcome = ROUTE_OUTCOME[strictest.route];
        const refs: ItemRef[] = items.map((i) => ({ id: i.id, name: i.names[lang] }));
        notes.push(m.ftzListed(refs, { id: strictest.id, name: strictest.names[lang], route: strictest.route }, version));
        if (strictest.route === 'exempt_with_filing') after.push(m.ftzFiling({ id: strictest.id, name: strictest.names[lang] }));
      }
      if (exporter.ciio && hasPi) after.push(m.ftzCiio());
    } else {
      if (exporter.inFreeTradeZone) notes.push(m.ftzIndustryNotCovered(t.industry));
      else if (items.length > 0) notes.push(m.itemsIgnoredOutsideZone(t.negativeListItems));
      if (exporter.ciio && hasPi) {
        outcome = 'security_assessment';
        basis = ['CAC16 Art.7(1)'];
        notes.push(m.ciio(t.personalSubjects, t.sensitiveSubjects));
      } else {
        const personalForAssessment = personal !== null && personal.total >= PERSONAL_ASSESSMENT_THRESHOLD;
        const sensitiveForAssessment = sensitive !== null && sensitive.total >= SENSITIVE_ASSESSMENT_THRESHOLD;
        if (personalForAssessment || sensitiveForAssessment) {
          outcome = 'security_assessment';
          basis = ['CAC16 Art.7(2)'];
          notes.push(m.assessment(personalForAssessment ? personal : null, sensitiveForAssessment ? sensitive : null));
        } else if ((personal !== null && personal.total >= PERSONAL_CONTRACT_THRESHOLD) || sensitive !== null) {
          outcome = 'standard_contract_or_certification';
          basis = ['CAC16 Art.8'];
          notes.push(m.contract(personal !== null && personal.total >= PERSONAL_CONTRACT_THRESHOLD ? personal : null, sensitive));
        } else if (personal !== null) {
          outcome = 'exempt';
          basis = ['CAC16 Art.5(4)'];
          notes.push(m.smallExempt(personal));
        } else {
          outcome = 'exempt';
          basis = ['CAC16 Art.2'];
          notes.push(m.notRegulated());
        }
        if (hasPi && !hasSensitive && before.sensitiveSubjects > 0) after.push(m.notCounted('sensitive', before.sensitiveSubjects));
        if (hasPi && !hasPersonal && before.personalSubjects > 0) after.push(m.notCounted('personal', before.personalSubjects));
      }
    }
  }

  notes.push(...after);
  if (t.importantData === 'suspected') notes.push(m.suspected());
  if (outcome === 'exempt' && hasPi) notes.push(m.duties());
  if (scenario.year < 2024) notes.push(m.beforeOrder16(scenario.year));
  return { outcome, basis, totals, notes };
}
