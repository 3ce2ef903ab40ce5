/**
 * Archive search (检索): full text over metadata and extracted file text, segmented by jieba; filters
 * by category, year, retention, 机构, owning department and date range; browsing by 档号 path.
 *
 * Indexing happens inside the archiving transaction (ArchiveService.commitIngest calls `index`): a
 * record is searchable exactly when it exists, a correction replaces its entry atomically with the new
 * version, and a rollback leaves no entry. The text is extracted before the transaction opens (it reads
 * the stored files) so the transaction only writes two rows. `reindexStale` catches records archived
 * before the index existed (or written around the service) and is idempotent.
 */
import type { AnyDb, Executor } from '../../db/database.ts';
import type { BlobStore } from '../../kernel/blob/blob-store.ts';
import { AppError } from '../../kernel/errors.ts';
import { hasScope, orgFilterFor, type Principal } from '../../kernel/principal.ts';
import type { Description } from './metadata.ts';
import { SearchRepo, type FilterColumns, type IndexQuery } from './search.repo.ts';
import { extractText, filterTokens, fts5Query, MAX_TEXT, monthTokens, pairedFilterTokens, expandQuery, searchTokens, snippetOf, tsQuery, type FilterParts } from './search-text.ts';
import { dialectOf } from '../../db/database.ts';

/** Results are counted up to this many; beyond it the total is "more than". */
export const COUNT_CAP = 1_000;
/** Files larger than this are not read for text. */
const MAX_EXTRACT_BYTES = 64 << 20;
const SNIPPET_CHARS = 4000;

export interface PathParts {
  fonds: string;
  category: string;
  year: number;
  retention: string;
  org: string;
  itemNo: number;
}

/** The materialised 档号 path: `PT01/HY/2026/Y/SHSY/000001` (件号 padded to 6 digits so a series sorts). */
export function archivalPath(p: PathParts): string {
  return `${p.fonds}/${p.category}/${p.year}/${p.retention}/${p.org}/${String(p.itemNo).padStart(6, '0')}`;
}

export const PATH_RE = /^[A-Z0-9]{4}(\/[A-Z]{2}(\/\d{4}(\/(Y|D30|D10)(\/[A-Z0-9]{1,8}(\/\d{6,})?)?)?)?)?$/;

export interface SearchQuery {
  q?: string | undefined;
  category?: string | undefined;
  year?: number | undefined;
  retention?: string | undefined;
  /** 机构 code of the 档号 (SHSY, …). */
  org?: string | undefined;
  /** The owning department (organisation id). */
  department?: number | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  /** A 档号 path prefix (`PT01/HY/2026`): browse that branch in path order. */
  path?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface SearchItem {
  id: number;
  archivalCode: string;
  path: string | null;
  category: string;
  year: number;
  retention: string;
  title: string;
  responsible: string;
  date: string;
  documentNo: string | null;
  version: number;
  /** An excerpt around the first matched word, words between 【】 (full-text searches only). */
  snippet: string | null;
}

export interface SearchPage {
  items: SearchItem[];
  /** Matches counted up to COUNT_CAP; `totalIsLowerBound` when there are more. */
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: string | null;
  /** The thesaurus terms a text search also looked for (婚姻 → 结婚, 离婚); absent when browsing. */
  related?: string[];
}

export interface IndexInput {
  recordId: number;
  versionId: number;
  archivalCode: string;
  parts: PathParts;
  ownerOrgId: number | null;
  description: Description;
  /** Text extracted from the version's files (see `extract`). */
  extracted: string;
}

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The text a record is indexed and quoted by: its description, then the text of its files. */
export function recordText(archivalCode: string, d: Description, extracted: string): string {
  const meta = Object.entries(d.metadata ?? {}).map(([k, v]) => `${k} ${v}`);
  return [d.title, d.responsible, d.documentNo, d.caseRef, d.documentType, archivalCode, ...meta, extracted]
    .filter((s): s is string => typeof s === 'string' && s !== '')
    .join('\n')
    .slice(0, MAX_TEXT);
}

/** Every token of a record: words of its text and its filter tokens. */
export function recordTokens(text: string, parts: PathParts, ownerOrgId: number | null, date: string): string[] {
  return [...searchTokens(text), ...filterTokens({ fonds: parts.fonds, category: parts.category, year: parts.year, retention: parts.retention, org: parts.org, ownerOrgId, date })];
}

export class ArchiveSearch {
  readonly repo = new SearchRepo();

  constructor(private readonly deps: { db: AnyDb; blobs: BlobStore; fonds: string; now: () => Date }) {}

  /** Text of a stored version's files whose format carries text (TEXT, XML, OFD, DOCX, PDF), in file order. */
  async extract(bagKey: string, files: { path: string; format: string; size: number }[]): Promise<string> {
    const texts: string[] = [];
    for (const f of files) {
      if (!['TEXT', 'TXT', 'XML', 'OFD', 'DOCX', 'PDF'].includes(f.format) || f.size > MAX_EXTRACT_BYTES) continue;
      const chunks: Buffer[] = [];
      for await (const c of await this.deps.blobs.get(`${bagKey}/${f.path}`)) chunks.push(c as Buffer);
      const t = await extractText(f.format, Buffer.concat(chunks));
      if (t) texts.push(t);
    }
    return texts.join('\n').slice(0, MAX_TEXT);
  }

  /** Writes the record's 档号 path and (re)places its index entry; called inside the archiving transaction. */
  async index(tx: Executor, x: IndexInput): Promise<void> {
    const text = recordText(x.archivalCode, x.description, x.extracted);
    await this.repo.setPath(tx, x.recordId, archivalPath(x.parts));
    const p = x.parts;
    await this.repo.upsert(tx, {
      recordId: x.recordId,
      versionId: x.versionId,
      docDate: x.description.date,
      text: text.slice(0, SNIPPET_CHARS),
      tokens: recordTokens(text, p, x.ownerOrgId, x.description.date),
      filters: { fonds: p.fonds, category: p.category, year: p.year, retention: p.retention, org: p.org, owner: x.ownerOrgId },
      at: this.deps.now().toISOString(),
    });
  }

  /**
   * Indexes records whose current version is not the indexed one (archived before migration 0020, or
   * written around the service), in batches, each record in its own transaction: text from the
   * stored bag, then path and index entry. Idempotent; returns how many were (re)indexed.
   */
  async reindexStale(batch = 200): Promise<number> {
    let n = 0;
    for (;;) {
      const stale = await this.repo.staleRecords(this.deps.db, batch);
      if (stale.length === 0) return n;
      for (const s of stale) {
        const r = (await this.repo.indexSource(this.deps.db, s.id))!;
        const extracted = await this.extract(r.bag_key, r.files);
        const parts = { fonds: r.fonds, category: r.category, year: r.year, retention: r.retention, org: r.org_code, itemNo: r.item_no };
        await this.deps.db.transaction().execute((tx) => this.index(tx, { recordId: r.id, versionId: r.version_id, archivalCode: r.archival_code, parts, ownerOrgId: r.owner_org_id, description: JSON.parse(r.metadata) as Description, extracted }));
        n++;
      }
    }
  }

  /** Removes a record from the index (a destroyed record). */
  async unindex(tx: Executor, recordId: number): Promise<void> {
    await this.repo.remove(tx, recordId);
  }

  /**
   * Searches the records the principal may read: its department's own (all with archives:read:all)
   * and those another department lent it under an approved loan covering today.
   */
  async search(p: Principal, s: SearchQuery): Promise<SearchPage> {
    if (!hasScope(p, 'archives:read')) throw new AppError('forbidden', 'archives:read is needed to search archives');
    const limit = Math.min(Math.max(s.limit ?? 20, 1), 200);
    if (s.path !== undefined && !PATH_RE.test(s.path)) throw new AppError('validation_failed', `path: a 档号 path prefix like PT01/HY/2026/Y/SHSY, not ${s.path}`, { problems: [{ field: 'path', reason: 'format' }] });
    const own = orgFilterFor(p, 'archives:read');
    const loans = own !== undefined && p.orgId !== null ? await this.repo.loanedRecordIds(this.deps.db, own, chinaDate(this.deps.now())) : [];
    const { groups, related } = s.q ? expandQuery(s.q) : { groups: [], related: [] };
    if (s.path !== undefined && groups.length === 0) return this.browse(s, own, loans, limit);

    const [fonds, category, year, retention, org] = (s.path ?? '').split('/');
    const parts: FilterParts = {
      fonds: fonds || undefined,
      category: s.category ?? (category || undefined),
      year: s.year ?? (year ? Number(year) : undefined),
      retention: s.retention ?? (retention || undefined),
      org: s.org ?? (org || undefined),
      ownerOrgId: s.department,
    };
    // The same filters as columns (PostgreSQL walks a filtered slice by its B-tree; see SearchRepo.page).
    const cols: FilterColumns = { fonds: parts.fonds, category: parts.category, year: parts.year, retention: parts.retention, org: parts.org, owner: s.department };
    const pg = dialectOf(this.deps.db) === 'postgres';
    // A date range narrows by month tokens in the index; the exact days are checked on the rows.
    const months = monthTokens(s.dateFrom, s.dateTo);
    const match = (f: FilterParts) => {
      // PostgreSQL: a pair of filters as its one pair token (migration 0023), for the GIN fallback.
      const all = pg ? pairedFilterTokens(f) : filterTokens(f);
      // Without words or filters: every record of the archive's 全宗.
      if (groups.length === 0 && all.length === 0) all.push(...filterTokens({ fonds: this.deps.fonds }));
      return pg ? tsQuery(groups, all, months) : fts5Query(groups, all, months);
    };
    // PostgreSQL: the same query as its required groups, for a GIN scan driven by the rare ones (SearchRepo.page).
    const required = (f: FilterParts) => {
      if (!pg) return undefined;
      const all = pairedFilterTokens(f);
      if (groups.length === 0 && all.length === 0) all.push(...filterTokens({ fonds: this.deps.fonds }));
      return [...groups, ...all.map((t) => [[t]]), ...(months ? [months.map((m) => [m])] : [])];
    };
    const cursor = s.cursor !== undefined ? Number(/^i(\d+)$/.exec(s.cursor)?.[1] ?? NaN) : undefined;
    if (cursor !== undefined && !Number.isInteger(cursor)) throw new AppError('validation_failed', 'cursor: not a cursor of this search', { problems: [{ field: 'cursor', reason: 'format' }] });
    const branches: IndexQuery[] = [];
    const base = { beforeId: cursor, dateFrom: s.dateFrom, dateTo: s.dateTo, cols };
    if (own === undefined) branches.push({ ...base, match: match(parts), groups: required(parts) });
    else {
      // A principal without a department (own = -1) owns nothing.
      if (own > 0 && (s.department === undefined || s.department === own)) branches.push({ ...base, match: match({ ...parts, ownerOrgId: own }), groups: required({ ...parts, ownerOrgId: own }), cols: { ...cols, owner: own } });
      if (loans.length > 0) branches.push({ ...base, match: match(parts), groups: required(parts), onlyIds: loans });
    }
    let ids: number[] = [];
    let total = 0;
    for (const b of branches) {
      // The total is counted on the first page only (the console shows it from there).
      const r = await this.repo.page(this.deps.db, b, limit + 1, cursor === undefined ? { cap: COUNT_CAP + 1 } : null);
      ids.push(...r.ids);
      total += r.count;
    }
    ids = [...new Set(ids)].sort((a, b) => b - a);
    const more = ids.length > limit;
    const page = ids.slice(0, limit);
    const hits = await this.repo.hits(this.deps.db, page);
    return {
      items: hits.map((h) => this.item(h, groups)),
      total: Math.min(total, COUNT_CAP),
      totalIsLowerBound: total > COUNT_CAP,
      nextCursor: more && page.length > 0 ? `i${page[page.length - 1]}` : null,
      related,
    };
  }

  private async browse(s: SearchQuery, own: number | undefined, loans: number[], limit: number): Promise<SearchPage> {
    const after = s.cursor !== undefined ? /^p(.+)$/.exec(s.cursor)?.[1] : undefined;
    if (s.cursor !== undefined && after === undefined) throw new AppError('validation_failed', 'cursor: not a cursor of this browse', { problems: [{ field: 'cursor', reason: 'format' }] });
    const ids = await this.repo.browse(this.deps.db, { prefix: s.path!, afterPath: after, ownerOrgId: own, orIds: loans, dateFrom: s.dateFrom, dateTo: s.dateTo }, limit + 1);
    const more = ids.length > limit;
    const hits = await this.repo.hits(this.deps.db, ids.slice(0, limit));
    const last = hits[hits.length - 1];
    return { items: hits.map((h) => this.item(h, [])), total: hits.length, totalIsLowerBound: more, nextCursor: more && last?.path ? `p${last.path}` : null };
  }

  private item(h: Awaited<ReturnType<SearchRepo['hits']>>[number], groups: string[][][]): SearchItem {
    return {
      id: h.id,
      archivalCode: h.archival_code,
      path: h.path,
      category: h.category,
      year: h.year,
      retention: h.retention,
      title: h.title,
      responsible: h.responsible,
      date: h.doc_date,
      documentNo: h.document_no,
      version: h.current_version,
      snippet: groups.length > 0 && h.text ? snippetOf(h.text, groups) : null,
    };
  }
}
