/**
 * SQL of archive search (migration 0020): the full-text index (FTS5 on SQLite, tsvector + GIN on
 * PostgreSQL), its rows, and browsing by the materialised 档号 path. Results are newest first by
 * record id, so a page is a walk down the index's doclist that stops after `limit` hits. The FTS5
 * rowid is MINUS the record id: FTS5 walks a doclist forwards with skips (its doclist index) but
 * backwards only by loading it, so ascending rowid = newest first keeps common words and deep pages cheap.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf, type AnyDb, type Executor } from '../../db/database.ts';
import type { ArchivesTables } from './archives.tables.ts';

interface SearchRow {
  record_id: number;
  version_id: number;
  doc_date: string;
  text: string;
  indexed_at: string;
}

/** PostgreSQL: rows of the newest end probed in key order before the GIN index is asked. */
const PROBE_ROWS = 20_000;
/** PostgreSQL: … of which this many first, to estimate the density. */
const FIRST_PROBE_ROWS = 1_000;
/** PostgreSQL: the count walks the key when the probe promises `cap` matches within this many rows. */
const COUNT_WALK_ROWS = 60_000;
/** … or within this many rows of a filter slice (scattered rows: a key entry and an index row each). */
const SLICE_WALK_ROWS = 15_000;

/** The filters as conditions on archives_records `r` (values as stored: upper case). */
function colConds(c: FilterColumns | undefined) {
  const out = [];
  const up = (v: string) => v.toUpperCase();
  if (c?.fonds) out.push(sql`r.fonds = ${up(c.fonds)}`);
  if (c?.category) out.push(sql`r.category = ${up(c.category)}`);
  if (c?.year !== undefined) out.push(sql`r.year = ${c.year}`);
  if (c?.retention) out.push(sql`r.retention = ${up(c.retention)}`);
  if (c?.org) out.push(sql`r.org_code = ${up(c.org)}`);
  if (c?.owner !== undefined) out.push(sql`r.owner_org_id = ${c.owner}`);
  return out;
}

const q = (e: Executor) => e as unknown as Kysely<ArchivesTables & { archives_search: SearchRow }>;

export interface IndexRow {
  recordId: number;
  versionId: number;
  docDate: string;
  text: string;
  tokens: string[];
  at: string;
}

/** What one search asks the index. `match` is an FTS5 expression (SQLite) or tsquery text (PostgreSQL). */
export interface IndexQuery {
  match: string;
  beforeId?: number | undefined;
  /** Only these records (the loans of a department); an empty list matches nothing. */
  onlyIds?: number[] | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  /**
   * PostgreSQL: the same filters as plain columns of archives_records (B-tree indexes of migration 0020),
   * so a filtered search walks its slice by key; the filter tokens stay in `match` for the GIN fallback.
   */
  cols?: FilterColumns | undefined;
}

/** Filters as columns of archives_records (only the given ones apply). */
export interface FilterColumns {
  fonds?: string | undefined;
  category?: string | undefined;
  year?: number | undefined;
  retention?: string | undefined;
  org?: string | undefined;
  owner?: number | undefined;
}

export interface SearchHit {
  id: number;
  archival_code: string;
  path: string | null;
  category: string;
  year: number;
  retention: string;
  org_code: string;
  owner_org_id: number | null;
  current_version: number;
  title: string;
  responsible: string;
  doc_date: string;
  document_no: string | null;
  text: string | null;
}

/**
 * Integer ids as SQL literals. Not bound: SQLite 3.51's FTS5 ignores `rowid IN (?)` with ONE bound
 * value under ORDER BY rowid DESC (every match comes back); literals are safe, they are integers.
 */
const idList = (ids: number[]) => sql.raw(ids.map((i) => String(Math.trunc(Number(i)))).join(', '));

export class SearchRepo {
  /** Replaces a record's index entry (a correction re-indexes its record). */
  async upsert(tx: Executor, r: IndexRow): Promise<void> {
    await this.remove(tx, r.recordId);
    await this.insertMany(tx, [r]);
  }

  async remove(tx: Executor, recordId: number): Promise<void> {
    if (dialectOf(tx) === 'sqlite') await sql`DELETE FROM archives_search_fts WHERE rowid = ${-recordId}`.execute(tx);
    await sql`DELETE FROM archives_search WHERE record_id = ${recordId}`.execute(tx);
  }

  /** Inserts index entries of records not indexed yet (bulk: the benchmark's catalog, a re-index). */
  async insertMany(tx: Executor, rows: IndexRow[]): Promise<void> {
    if (rows.length === 0) return;
    const pg = dialectOf(tx) === 'postgres';
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      if (pg) {
        await sql`INSERT INTO archives_search (record_id, version_id, doc_date, text, indexed_at, tokens) VALUES ${sql.join(
          part.map((r) => sql`(${r.recordId}, ${r.versionId}, ${r.docDate}, ${r.text}, ${r.at}, array_to_tsvector(${r.tokens}::text[]))`),
        )}`.execute(tx);
      } else {
        await sql`INSERT INTO archives_search (record_id, version_id, doc_date, text, indexed_at) VALUES ${sql.join(part.map((r) => sql`(${r.recordId}, ${r.versionId}, ${r.docDate}, ${r.text}, ${r.at})`))}`.execute(tx);
        await sql`INSERT INTO archives_search_fts (rowid, tokens) VALUES ${sql.join(part.map((r) => sql`(${-r.recordId}, ${r.tokens.join(' ')})`))}`.execute(tx);
      }
    }
  }

  private where(e: Executor, x: IndexQuery) {
    const pg = dialectOf(e) === 'postgres';
    const conds = [pg ? sql`s.tokens @@ ${x.match}::tsquery` : sql`archives_search_fts MATCH ${x.match}`];
    // SQLite: the cursor as a literal — FTS5 seeks to a literal rowid bound but walks the doclist for a bound parameter (0.2 vs 150 ms).
    if (x.beforeId !== undefined) conds.push(pg ? sql`s.record_id < ${x.beforeId}` : sql`f.rowid > ${sql.raw(String(-Math.trunc(x.beforeId)))}`);
    if (x.onlyIds) conds.push(x.onlyIds.length > 0 ? (pg ? sql`s.record_id IN (${idList(x.onlyIds)})` : sql`f.rowid IN (${idList(x.onlyIds.map((i) => -i))})`) : sql`1 = 0`);
    if (x.dateFrom) conds.push(sql`s.doc_date >= ${x.dateFrom}`);
    if (x.dateTo) conds.push(sql`s.doc_date <= ${x.dateTo}`);
    const from = pg ? sql`archives_search s` : x.dateFrom || x.dateTo ? sql`archives_search_fts f CROSS JOIN archives_search s ON s.record_id = -f.rowid` : sql`archives_search_fts f`;
    return { pg, from, where: sql.join(conds, sql` AND `) };
  }

  /**
   * One page of matching record ids (newest first) and, when `count` is asked for, the number of
   * matches up to `cap` (a page that is not full is its own count: no count query).
   * SQLite: FTS5 answers both directly (filters are tokens of the same index).
   * PostgreSQL: the planner's estimate for a word it has no statistics on is thousands of rows, and
   * a GIN bitmap of a common word (or of a filter) means a heap visit per match — so the plan is
   * chosen from the data. First a probe walks, newest first, FIRST_PROBE_ROWS (then, if its density
   * promises a page, up to PROBE_ROWS) rows of the query's slice: the filter columns' B-tree (`cols`: category, year, retention, 机构, owner) joined to the
   * index rows, or the newest index rows when there are no filters; it stops at `limit` matches. If
   * that fills the page the words are common in the slice and the page is done; else the GIN bitmap
   * (words and filter tokens, plain index scans off for the statement) gives the few matches with a
   * top-N sort, and counts them in the same pass (`count(*) OVER ()`). Otherwise the count walks
   * the slice the same way when the probe's density says `cap` matches lie within the walk budget,
   * and takes the GIN bitmap (stopping at `cap`) otherwise.
   */
  async page(e: AnyDb, x: IndexQuery, limit: number, count: { cap: number } | null): Promise<{ ids: number[]; count: number }> {
    const w = this.where(e, x);
    if (!w.pg) {
      const r = await sql<{ id: number }>`SELECT -f.rowid AS id FROM ${w.from} WHERE ${w.where} ORDER BY f.rowid LIMIT ${limit}`.execute(e);
      const ids = r.rows.map((row) => Number(row.id));
      if (!count) return { ids, count: 0 };
      if (ids.length < limit) return { ids, count: Math.min(ids.length, count.cap) };
      const all = this.where(e, { ...x, beforeId: undefined });
      const n = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${all.from} WHERE ${all.where} LIMIT ${count.cap}) t`.execute(e)).rows[0]?.n ?? 0);
      return { ids, count: n };
    }
    return e.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      await sql`SET LOCAL enable_bitmapscan = off`.execute(tx);
      // The probe and the walk are nested loops down the slice's key, stopping early.
      await sql`SET LOCAL enable_hashjoin = off`.execute(tx);
      await sql`SET LOCAL enable_mergejoin = off`.execute(tx);
      // Exact (not lossy) bitmaps for a few hundred thousand matches: no recheck of whole pages.
      await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
      const cols = colConds(x.cols);
      const sliced = cols.length > 0;
      const slice = (before: number | undefined) =>
        sql`SELECT r.id, row_number() OVER (ORDER BY r.id DESC) AS rn FROM archives_records r WHERE ${sql.join(before !== undefined ? [...cols, sql`r.id < ${before}`] : cols, sql` AND `)} ORDER BY r.id DESC`;
      // A department's loans are a handful of ids: straight to the index for them.
      const probeRows = async (rows: number) =>
        (sliced
          ? await sql<{ id: number; rn: number }>`SELECT s.record_id AS id, p.rn FROM (${slice(x.beforeId)} LIMIT ${rows}) p JOIN archives_search s ON s.record_id = p.id WHERE ${w.where} ORDER BY p.id DESC LIMIT ${limit}`.execute(tx)
          : await sql<{ id: number; rn: number }>`SELECT s.record_id AS id, s.rn FROM (SELECT record_id, tokens, doc_date, row_number() OVER (ORDER BY record_id DESC) AS rn FROM archives_search ${x.beforeId !== undefined ? sql`WHERE record_id < ${x.beforeId}` : sql``} ORDER BY record_id DESC LIMIT ${rows}) s WHERE ${w.where} ORDER BY s.record_id DESC LIMIT ${limit}`.execute(tx)
        ).rows.map((r) => ({ id: Number(r.id), rn: Number(r.rn) }));
      let probe: { id: number; rn: number }[] = [];
      if (!x.onlyIds) {
        // A short probe first; walk on only if its density promises the page within PROBE_ROWS rows
        // (a rare word in a large slice goes straight to the GIN index).
        probe = await probeRows(FIRST_PROBE_ROWS);
        if (probe.length > 0 && probe.length < limit && (limit * FIRST_PROBE_ROWS) / probe.length <= PROBE_ROWS) probe = await probeRows(PROBE_ROWS);
      }
      let ids: number[];
      if (probe.length >= limit) ids = probe.map((p) => p.id);
      else {
        await sql`SET LOCAL enable_bitmapscan = on`.execute(tx);
        await sql`SET LOCAL enable_indexscan = off`.execute(tx);
        // The top-N sort reads every match anyway: the first page counts them in the same pass.
        const counted = count !== null && x.beforeId === undefined;
        const rows = (await sql<{ id: number; n: number }>`SELECT s.record_id AS id, ${counted ? sql`count(*) OVER ()` : sql`0`} AS n FROM archives_search s WHERE ${w.where} ORDER BY s.record_id DESC LIMIT ${limit}`.execute(tx)).rows;
        ids = rows.map((r) => Number(r.id));
        if (counted) return { ids, count: Math.min(Number(rows[0]?.n ?? 0), count.cap) };
      }
      if (!count) return { ids, count: 0 };
      if (ids.length < limit) return { ids, count: Math.min(ids.length, count.cap) };
      const all = this.where(e, { ...x, beforeId: undefined });
      // Rows of the slice the count would walk to find `cap` matches, at the probe's density.
      const walkRows = x.beforeId === undefined && probe.length >= limit ? (count.cap * probe[probe.length - 1]!.rn) / probe.length : Infinity;
      const walk = walkRows <= (sliced ? SLICE_WALK_ROWS : COUNT_WALK_ROWS);
      await sql.raw(walk ? 'SET LOCAL enable_bitmapscan = off' : 'SET LOCAL enable_bitmapscan = on').execute(tx);
      await sql.raw(walk ? 'SET LOCAL enable_indexscan = on' : 'SET LOCAL enable_indexscan = off').execute(tx);
      const n = !walk
        ? await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM archives_search s WHERE ${all.where} LIMIT ${count.cap}) t`.execute(tx)
        : sliced
          ? await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM (${slice(undefined)}) p JOIN archives_search s ON s.record_id = p.id WHERE ${all.where} LIMIT ${count.cap}) t`.execute(tx)
          : await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM archives_search s WHERE ${all.where} ORDER BY s.record_id DESC LIMIT ${count.cap}) t`.execute(tx);
      return { ids, count: Number(n.rows[0]?.n ?? 0) };
    });
  }

  /** The result lines of the given records (current version, indexed text), in the given order. */
  async hits(e: Executor, ids: number[]): Promise<SearchHit[]> {
    if (ids.length === 0) return [];
    const rows = await q(e)
      .selectFrom('archives_records as r')
      .innerJoin('archives_versions as v', (j) => j.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'))
      .leftJoin('archives_search as s', 's.record_id', 'r.id')
      .select(['r.id', 'r.archival_code', 'r.path', 'r.category', 'r.year', 'r.retention', 'r.org_code', 'r.owner_org_id', 'r.current_version', 'v.title', 'v.responsible', 'v.doc_date', 'v.document_no'])
      .select('s.text')
      .where('r.id', 'in', ids)
      .where('r.destroyed_at', 'is', null)
      .execute();
    const byId = new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), owner_org_id: r.owner_org_id === null ? null : Number(r.owner_org_id) } as SearchHit]));
    return ids.flatMap((i) => byId.get(i) ?? []);
  }

  /**
   * Records under a 档号 path prefix, in path order (an index range on archives_records.path), after
   * `afterPath`; `ownerOrgId` restricts to a department's records, `orIds` adds records it borrowed.
   */
  async browse(e: Executor, f: { prefix: string; afterPath?: string | undefined; ownerOrgId?: number | undefined; orIds?: number[] | undefined; dateFrom?: string | undefined; dateTo?: string | undefined }, limit: number): Promise<number[]> {
    let query = q(e)
      .selectFrom('archives_records as r')
      .innerJoin('archives_versions as v', (j) => j.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'))
      .select(['r.id', 'r.path'])
      .where('r.path', 'is not', null)
      .where('r.destroyed_at', 'is', null);
    if (f.prefix !== '') query = query.where('r.path', '>=', `${f.prefix}/`).where('r.path', '<', `${f.prefix}0`);
    if (f.afterPath !== undefined) query = query.where('r.path', '>', f.afterPath);
    if (f.ownerOrgId !== undefined) {
      const owner = f.ownerOrgId;
      const extra = f.orIds ?? [];
      query = query.where((eb) => (extra.length > 0 ? eb.or([eb('r.owner_org_id', '=', owner), eb('r.id', 'in', extra)]) : eb('r.owner_org_id', '=', owner)));
    }
    if (f.dateFrom) query = query.where('v.doc_date', '>=', f.dateFrom);
    if (f.dateTo) query = query.where('v.doc_date', '<=', f.dateTo);
    const rows = await query.orderBy('r.path').limit(limit).execute();
    return rows.map((r) => Number(r.id));
  }

  /** Records of a department borrowed by it under an approved loan covering `date`. */
  async loanedRecordIds(e: Executor, orgId: number, date: string): Promise<number[]> {
    const rows = await q(e).selectFrom('archives_loans').select('record_id').distinct().where('requester_org_id', '=', orgId).where('state', '=', 'approved').where('valid_from', '<=', date).where('valid_until', '>=', date).execute();
    return rows.map((r) => Number(r.record_id));
  }

  /** Records whose current version is not the indexed one (never indexed, or corrected since), oldest first. */
  async staleRecords(e: Executor, limit: number): Promise<{ id: number; version_id: number }[]> {
    const rows = await q(e)
      .selectFrom('archives_records as r')
      .innerJoin('archives_versions as v', (j) => j.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'))
      .leftJoin('archives_search as s', 's.record_id', 'r.id')
      .select(['r.id', 'v.id as version_id'])
      .where('r.destroyed_at', 'is', null)
      .where((eb) => eb.or([eb('s.record_id', 'is', null), eb('s.version_id', '<>', eb.ref('v.id'))]))
      .orderBy('r.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), version_id: Number(r.version_id) }));
  }

  /** What indexing a record needs: its 档号 parts, current version's description and files. */
  async indexSource(e: Executor, recordId: number) {
    const r = await q(e)
      .selectFrom('archives_records as r')
      .innerJoin('archives_versions as v', (j) => j.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'))
      .select(['r.id', 'r.archival_code', 'r.fonds', 'r.category', 'r.year', 'r.retention', 'r.org_code', 'r.item_no', 'r.owner_org_id', 'v.id as version_id', 'v.bag_key', 'v.metadata'])
      .where('r.id', '=', recordId)
      .executeTakeFirst();
    if (!r) return undefined;
    const files = await q(e).selectFrom('archives_files').select(['path', 'format', 'size']).where('version_id', '=', r.version_id).orderBy('path').execute();
    return { ...r, id: Number(r.id), version_id: Number(r.version_id), owner_org_id: r.owner_org_id === null ? null : Number(r.owner_org_id), files: files.map((f) => ({ path: f.path, format: f.format, size: Number(f.size) })) };
  }

  async setPath(tx: Executor, recordId: number, path: string): Promise<void> {
    await q(tx).updateTable('archives_records').set({ path }).where('id', '=', recordId).execute();
  }
}
