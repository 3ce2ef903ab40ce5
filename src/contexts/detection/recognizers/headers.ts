/**
 * Column-header classification with the dictionary `dict-headers.json`, matched with
 * Aho–Corasick (modern-ahocorasick) after normalisation: lower case, Traditional → Simplified,
 * spaces/underscores/hyphens/dots removed. See the file's `$comment` for the matching rules:
 * short ASCII terms (≤ 4 characters, mostly pinyin initials such as sfzh, xm, dz) match only a
 * whole header token; when several terms match, the one ending last wins (the head noun of a
 * compound comes last), then the longest.
 */
import AhoCorasick from 'modern-ahocorasick';
import headerData from '../data/dict-headers.json' with { type: 'json' };
import { norm } from './chars.ts';
import type { DetectorTypeId } from './types.ts';

export interface HeaderHint {
  /** Types the header names (empty when none). */
  types: readonly DetectorTypeId[];
  /** The dictionary group that matched, e.g. "resident_id", "phone", "decoy". */
  group: string | null;
  /** The matched term (normalised). */
  term: string | null;
  /** The header names a non-sensitive identifier or measure (订单号, amount, 邮编 …). */
  decoy: boolean;
}

interface Entry {
  group: string;
  types: readonly DetectorTypeId[];
  term: string;
  short: boolean;
}

const NONE: HeaderHint = Object.freeze({ types: Object.freeze([]) as readonly DetectorTypeId[], group: null, term: null, decoy: false });

let matcher: AhoCorasick<Entry> | null = null;
const shortTerms = new Map<string, Entry>();

function normText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(norm(s.charCodeAt(i)));
  return out;
}

/** Header → compact form: lower case, Simplified, no spaces/underscores/hyphens/dots. */
export function normalizeHeader(header: string): string {
  return normText(header).replace(/[\s_\-.·/\\()（）[\]【】:：#]+/g, '');
}

/** Header → tokens (split on separators, camelCase and script changes), normalised. */
export function headerTokens(header: string): string[] {
  const spaced = header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z0-9])([^ -~])/g, '$1 $2')
    .replace(/([^ -~])([A-Za-z0-9])/g, '$1 $2');
  return normText(spaced)
    .split(/[\s_\-.·/\\()（）[\]【】:：#,，]+/)
    .filter((t) => t.length > 0);
}

function build(): AhoCorasick<Entry> {
  const patterns: Array<{ pattern: string; data: Entry }> = [];
  const add = (group: string, types: readonly DetectorTypeId[], raw: string): void => {
    const term = normalizeHeader(raw);
    if (term.length === 0) return;
    const ascii = /^[a-z0-9]+$/.test(term);
    const entry: Entry = { group, types, term, short: ascii && term.length <= 4 };
    if (entry.short) shortTerms.set(term, entry);
    else patterns.push({ pattern: term, data: entry });
  };
  for (const [group, def] of Object.entries(headerData.groups)) {
    for (const t of def.terms) add(group, def.types as DetectorTypeId[], t);
  }
  for (const t of headerData.decoy) add('decoy', [], t);
  for (const t of headerData.notPerson) add('notPerson', [], t);
  return new AhoCorasick(patterns);
}

const cache = new Map<string, HeaderHint>();

/** What a column header says about the column's values. */
/**
 * Headers of a table about pets: a pet's name, its vet. Not 动物 or 犬种 alone, which a rabies clinic's records of
 * people bitten hold too (致伤动物).
 */
const ANIMAL_HEADER = /宠物|寵物|兽医|獸醫|(?:^|[^a-z])(?:pets?|veterinar(?:y|ian))(?:[^a-z]|$)|petname|petid|pet_/i;

/** True when a column header says the table is about animals (宠物名称, 品种, 主治兽医, pet_name). */
export function namesAnimals(header: string | null | undefined): boolean {
  return header !== null && header !== undefined && ANIMAL_HEADER.test(header);
}

/** Headers that name a column by its position only (field_25, col_7, column3, f12). */
const GENERIC_POSITION = /^(?:field|col|column|c|f|unnamed)[\s_:.-]*\d+$/i;

/** Header terms that say only "name", whose owner the rest of the header tells. */
const GENERIC_NAME_TERMS = new Set(['name', '名字', '人名', '名称']);

/**
 * The last name of a JSON path (`lastPass.fee` → `fee`, `items[].title` → `title`), or null when the
 * header is no path: a dotted header counts as one only when some segment is 4+ characters long and
 * none holds a space (Tel.No is an abbreviation).
 */
function pathLeaf(header: string): string | null {
  if (!header.includes('.') || /\s/.test(header)) return null;
  const parts = header.split('.').map((p) => p.replace(/\[\]$/, ''));
  const leaf = parts[parts.length - 1] as string;
  if (parts.length < 2 || leaf.length < 2 || parts.some((p) => p.length === 0)) return null;
  return parts.some((p) => p.length >= 4) ? leaf : null;
}

export function classifyHeader(header: string | null | undefined): HeaderHint {
  if (header === null || header === undefined) return NONE;
  const hit = cache.get(header);
  if (hit !== undefined) return hit;
  // field_25, col_7, column3: a position, which says nothing (not the notPerson term "field").
  if (GENERIC_POSITION.test(header.trim())) return NONE;
  // A nested field's path (lastPass.fee, client.ua, items[].title): its own name decides, so the name of
  // the object it sits in (lastPass reads as a password) does not; the whole path only when the leaf says nothing.
  const leaf = pathLeaf(header);
  if (leaf !== null) {
    const own = classifyHeader(leaf);
    const whole = classifyHeader(header.replace(/[.[\]]/g, '_'));
    // …except that an organisation around a generic name (employer.name) is still no person.
    const genericName = own.group === 'person_name' && whole.group === 'notPerson' && GENERIC_NAME_TERMS.has(own.term ?? '');
    // …and a field of a person's record that says nothing of itself (applicant.hukou, owner.grade) is not the person's name.
    const personField = own.group === null && whole.group === 'person_name';
    const result = personField ? NONE : own.group !== null && !genericName ? own : whole;
    cache.set(header, result);
    return result;
  }
  if (matcher === null) matcher = build();
  const compact = normalizeHeader(header);
  const candidates: Array<{ entry: Entry; end: number; length: number }> = [];
  if (compact.length > 0) {
    for (const m of matcher.search(compact, { strategy: 'all' })) {
      if (m.data !== undefined) candidates.push({ entry: m.data, end: m.end, length: m.end - m.start });
    }
    // Short ASCII terms: whole tokens only (and the whole compact header).
    const whole = shortTerms.get(compact);
    if (whole !== undefined) candidates.push({ entry: whole, end: compact.length, length: compact.length });
    const tokens = headerTokens(header);
    let offset = 0;
    for (const tok of tokens) {
      const e = shortTerms.get(tok);
      const at = compact.indexOf(tok, offset);
      const end = at >= 0 ? at + tok.length : compact.length;
      if (at >= 0) offset = end;
      if (e !== undefined) candidates.push({ entry: e, end, length: tok.length });
    }
  }
  let result = NONE;
  if (candidates.length > 0) {
    candidates.sort((a, b) => b.end - a.end || b.length - a.length);
    const best = candidates[0] as { entry: Entry };
    const notPerson = candidates.some((c) => c.entry.group === 'notPerson');
    let chosen = best.entry;
    if (chosen.group === 'notPerson') {
      result = { types: NONE.types, group: 'notPerson', term: chosen.term, decoy: false };
    } else {
      // …unless another term names persons outright (keyPersons[].name: key is a notPerson term, keypersons a person's).
      const namedPersons = candidates.some((c) => c.entry.group === 'person_name' && !GENERIC_NAME_TERMS.has(c.entry.term));
      if (chosen.group === 'person_name' && notPerson && !namedPersons && (chosen.term === 'name' || chosen.term === '名字' || chosen.term === '人名')) {
        chosen = { group: 'notPerson', types: [], term: chosen.term, short: chosen.short };
      }
      result = {
        types: chosen.types,
        group: chosen.group,
        term: chosen.term,
        decoy: chosen.group === 'decoy',
      };
    }
  }
  // azdlxr (安置点联系人), jhrxm (监护人姓名): pinyin initials ending in those of 联系人 or 姓名.
  if (result === NONE && PINYIN_PERSON.test(compact)) result = pinyinPerson();
  if (cache.size < 10_000) cache.set(header, result);
  return result;
}

/** Pinyin initials of a header naming a person: …lxr (联系人), …xm (姓名), 4–9 letters. */
const PINYIN_PERSON = /^[a-z]{2,6}(?:lxr|xm)$/;

function pinyinPerson(): HeaderHint {
  return { types: ['person_name'], group: 'person_name', term: 'lxr', decoy: false };
}
