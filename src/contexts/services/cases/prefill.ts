/**
 * The prefill adapter over the catalog (公共数据底座): a form property with
 * `"x-prefill": { "dataset": "<dataset identifier>", "field": "<field>" }` is filled from the record
 * the dataset holds for the applicant, when the dataset is keyed by the applicant's identity number
 * (resident ID or residence permit → a key field of detector type cn_resident_id; USCC → cn_uscc).
 * No matching dataset or record: the field is simply not prefilled.
 */
import { toChinaDate } from '../../../kernel/calendar/calendar.ts';
import type { ApplicantIdentity, CaseItem, PrefilledValue, PrefillSource } from './ports.ts';

/** What the adapter needs to know about a dataset (main.ts reads it from the catalog). */
export interface PrefillDataset {
  id: number;
  identifier: string;
  /** Publisher's name. */
  department: string;
  keyFields: { name: string; detectorType?: string | undefined }[];
  /** ISO instant of the last load, if any. */
  lastLoadedAt: string | null;
}

export interface CatalogPrefillDeps {
  dataset(identifier: string): Promise<PrefillDataset | undefined>;
  lookup(datasetId: number, key: readonly string[], fields: readonly string[]): Promise<{ record: Record<string, unknown> } | undefined>;
}

const KEY_TYPES: Record<ApplicantIdentity['idType'], string | null> = {
  resident_id: 'cn_resident_id',
  residence_permit: 'cn_resident_id',
  uscc: 'cn_uscc',
  mtp: null,
};

interface PrefillAnnotation {
  dataset: string;
  field: string;
}

function annotations(item: CaseItem): Map<string, { property: string; field: string }[]> {
  const byDataset = new Map<string, { property: string; field: string }[]>();
  const props = (item.formSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [property, schema] of Object.entries(props)) {
    const a = schema?.['x-prefill'] as PrefillAnnotation | undefined;
    if (!a || typeof a.dataset !== 'string' || typeof a.field !== 'string') continue;
    const list = byDataset.get(a.dataset) ?? [];
    list.push({ property, field: a.field });
    byDataset.set(a.dataset, list);
  }
  return byDataset;
}

export class CatalogPrefillSource implements PrefillSource {
  constructor(private readonly deps: CatalogPrefillDeps) {}

  async prefill(identity: ApplicantIdentity, item: CaseItem): Promise<Record<string, PrefilledValue>> {
    const out: Record<string, PrefilledValue> = {};
    const keyType = KEY_TYPES[identity.idType];
    if (!keyType) return out;
    for (const [identifier, wanted] of annotations(item)) {
      const ds = await this.deps.dataset(identifier);
      if (!ds || ds.keyFields.length !== 1 || ds.keyFields[0]!.detectorType !== keyType) continue;
      const found = await this.deps.lookup(ds.id, [identity.idNumber], wanted.map((w) => w.field));
      if (!found) continue;
      for (const w of wanted) {
        const value = found.record[w.field];
        if (value === undefined || value === null) continue;
        out[w.property] = { value, source: { dataset: ds.identifier, department: ds.department, asOf: ds.lastLoadedAt ? toChinaDate(new Date(ds.lastLoadedAt)) : null } };
      }
    }
    return out;
  }
}
