/**
 * What a scan says about a declared transfer: catalog labels per column, the overall grade (就高从严),
 * the negative-list items the data falls under, and the scenario the assessment decides on.
 */
import type { ColumnReport, ScanReport } from '../../detection/index.ts';
import { assess, type Decision, type Scenario } from '../rules/assess.ts';
import { getCatalog, labelColumn, overallGrade, type Catalog, type ColumnLabel, type Grade } from '../rules/catalog.ts';
import { getDefaultLists, type LoadedLists, type NegativeListItem } from '../rules/lists.ts';
import type { Lang } from '../rules/text.ts';
import type { DeclarationForm } from './form.ts';

export interface ColumnAnalysis {
  index: number;
  name: string;
  detections: { type: string; ratio: number; sensitive: boolean }[];
  labels: Pick<ColumnLabel, 'subclassId' | 'classId' | 'grade'>[];
  examples: string[];
}

export interface DerivedItem {
  id: string;
  route: string;
  /** Why: the columns whose labels or header matched the item, and the threshold reached. */
  columns: string[];
  threshold: NegativeListItem['threshold'];
}

export interface Analysis {
  source: { filename: string; format: string; rows: number; bytes: number; complete: boolean; sampled: boolean };
  columns: ColumnAnalysis[];
  grade: Grade;
  subclasses: string[];
  /** Distinct persons in the data scanned (the whole transfer for a full upload, a sample otherwise). */
  scannedPersons: { personalSubjects: number; sensitiveSubjects: number };
  /** The counts the decision uses for this transfer. */
  transfer: { personalSubjects: number; sensitiveSubjects: number; counted: 'scan' | 'declared' };
  alreadyExportedThisYear: { personalSubjects: number; sensitiveSubjects: number };
  negativeListItems: DerivedItem[];
  listVersion: string;
  catalogVersion: string;
}

export function analyseColumns(report: ScanReport, catalog: Catalog = getCatalog()): ColumnAnalysis[] {
  return report.columns.map((c: ColumnReport) => {
    const detections = c.detections.map((d) => ({ type: d.type, ratio: d.ratio, sensitive: d.sensitive }));
    const labels = labelColumn({ header: c.name, detections }, { catalog }).map((l) => ({ subclassId: l.subclassId, classId: l.classId, grade: l.grade }));
    const examples = Object.values(c.examples).flat().slice(0, 3) as string[];
    return { index: c.index, name: c.name, detections, labels, examples };
  });
}

const compact = (s: string) => s.replace(/[\s_\-（）()]/g, '').toLowerCase();

/**
 * The negative-list items of the declared industry (and scenario, when one is declared) that the data
 * falls under: an item applies when a column carries one of its catalog subclasses or is named like one
 * of its fields, and the cumulative persons of the kind its threshold counts reach that threshold.
 */
export function deriveNegativeListItems(
  form: Pick<DeclarationForm, 'industry' | 'scenario'>,
  columns: readonly ColumnAnalysis[],
  cumulative: { personalSubjects: number; sensitiveSubjects: number },
  lists: LoadedLists = getDefaultLists(),
): DerivedItem[] {
  const out: DerivedItem[] = [];
  for (const item of lists.document.negativeList) {
    if (item.industry !== form.industry) continue;
    if (form.scenario !== null && item.scenario !== form.scenario) continue;
    const fields = item.fields.map(compact);
    const matched = columns.filter(
      (c) => c.labels.some((l) => item.subclasses.includes(l.subclassId)) || fields.some((f) => f.length >= 2 && compact(c.name).includes(f)),
    );
    if (matched.length === 0) continue;
    const t = item.threshold;
    if (t) {
      const personalOk = t.personalSubjects !== undefined && cumulative.personalSubjects + cumulative.sensitiveSubjects >= t.personalSubjects;
      const sensitiveOk = t.sensitiveSubjects !== undefined && cumulative.sensitiveSubjects >= t.sensitiveSubjects;
      if (!personalOk && !sensitiveOk) continue;
    }
    out.push({ id: item.id, route: item.route, columns: matched.map((c) => c.name), threshold: t });
  }
  return out;
}

export function gradeOf(columns: readonly ColumnAnalysis[], catalog: Catalog = getCatalog()): { grade: Grade; subclasses: string[] } {
  const labels = columns.flatMap((c) => c.labels);
  const subclasses = [...new Set(labels.map((l) => l.subclassId))].sort();
  return { grade: overallGrade(labels, catalog), subclasses };
}

/** The assessment input for a declaration, from its form and analysis. */
export function scenarioOf(form: DeclarationForm, exporterName: string, year: number, a: Pick<Analysis, 'transfer' | 'alreadyExportedThisYear' | 'negativeListItems'>): Scenario {
  return {
    exporter: { name: exporterName, ciio: form.ciio, inFreeTradeZone: form.inFreeTradeZone },
    year,
    alreadyExportedThisYear: a.alreadyExportedThisYear,
    transfer: {
      industry: form.industry,
      scenario: form.scenario,
      personalSubjects: a.transfer.personalSubjects,
      sensitiveSubjects: a.transfer.sensitiveSubjects,
      importantData: form.importantData,
      coreData: form.coreData,
      exemption: form.exemption,
      negativeListItems: a.negativeListItems.map((i) => i.id),
    },
  } as Scenario;
}

export function decide(scenario: Scenario, lang: Lang, lists: LoadedLists = getDefaultLists()): Decision {
  return assess(scenario, { lang, lists });
}
