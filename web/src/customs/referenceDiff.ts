/**
 * What changed between two versions of a reference document: items added, removed or changed, by id,
 * per section (subclasses, negative list, …), and for a changed item the fields that differ.
 * Pure, so the console computes it from the two documents it already reads.
 */

/** Structural, so the module stays free of imports (the server-side tests import it as it is). */
type ReferenceKind = 'catalog' | 'lists';
type ReferenceDocument = object;

export const SECTIONS = {
  catalog: ['classes', 'subclasses'],
  lists: ['industries', 'scenarios', 'negativeList', 'generalList'],
} as const satisfies Record<ReferenceKind, readonly string[]>;

export type Section = (typeof SECTIONS)[ReferenceKind][number];

/** Document-level fields compared as a whole (the version itself always differs). */
const META = ['effectiveFrom', 'title', 'note', 'sources'] as const;

export interface ItemChange {
  section: Section | 'document';
  /** The item's id, or the document field's name for section `document`. */
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** For a changed item: its fields that differ, in the order of the newer item. */
  fields: string[];
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

type Item = { id: string } & Record<string, unknown>;

function itemsOf(doc: ReferenceDocument | null, section: Section): Item[] {
  const v = doc ? (doc as unknown as Record<string, unknown>)[section] : undefined;
  return Array.isArray(v) ? (v as Item[]) : [];
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  return keys.filter((k) => stableJson(before[k]) !== stableJson(after[k]));
}

/**
 * The changes from `before` (the previous version; null for the first) to `after`: document fields
 * first, then each section in document order — changed and added items in the newer order, removed
 * ones after them.
 */
export function diffReference(kind: ReferenceKind, before: ReferenceDocument | null, after: ReferenceDocument): ItemChange[] {
  const out: ItemChange[] = [];
  if (before) {
    const b = before as unknown as Record<string, unknown>;
    const a = after as unknown as Record<string, unknown>;
    for (const k of META) if (stableJson(b[k]) !== stableJson(a[k])) out.push({ section: 'document', id: k, change: 'changed', fields: [] });
  }
  for (const section of SECTIONS[kind]) {
    const old = new Map(itemsOf(before, section).map((i) => [i.id, i]));
    const seen = new Set<string>();
    for (const item of itemsOf(after, section)) {
      seen.add(item.id);
      const prev = old.get(item.id);
      if (!prev) out.push({ section, id: item.id, change: 'added', fields: [] });
      else {
        const fields = changedFields(prev, item);
        if (fields.length) out.push({ section, id: item.id, change: 'changed', fields });
      }
    }
    for (const id of old.keys()) if (!seen.has(id)) out.push({ section, id, change: 'removed', fields: [] });
  }
  return out;
}

/**
 * Where a server validation error points (`negativeList[3].route`) in terms of the document shown:
 * the section, the item's id and the field inside it (`route`). Null when it names no item.
 */
export function locateField(doc: ReferenceDocument, field: string): { section: Section; id: string; field: string } | null {
  const m = /^(\w+)\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (!m) return null;
  const section = m[1] as Section;
  const item = itemsOf(doc, section)[Number(m[2])];
  if (!item || typeof item.id !== 'string') return null;
  return { section, id: item.id, field: m[3] ?? '' };
}
