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
import { pairTokens, tsQuery } from './search-text.ts';

interface SearchRow {
  record_id: number;
  version_id: number;
  doc_date: string;
  text: string;
  indexed_at: string;
}

/** PostgreSQL: rows of the newest end probed in key order before the GIN index is asked. */
const PROBE_ROWS = 5_000;
/** PostgreSQL: … of which this many first, to estimate the density. */
const FIRST_PROBE_ROWS = 1_000;
/** PostgreSQL: the count walks the key when the probe promises `cap` matches within this many rows. */
const COUNT_WALK_ROWS = 60_000;
/** … or within this many rows of a filter slice (scattered rows: a key entry and an index row each). */
const SLICE_WALK_ROWS = 5_000;

/** PostgreSQL: a date range of at most this many months (and no other filter) is walked by its B-tree (doc_date, record_id). */
const DATE_SLICE_MONTHS = 12;

/** The filters as conditions on the index row `s` (migration 0023 copies them from archives_records; values upper case). */
function colConds(c: FilterColumns | undefined) {
  const out = [];
  const up = (v: string) => v.toUpperCase();
  if (c?.fonds) out.push(sql`s.fonds = ${up(c.fonds)}`);
  if (c?.category) out.push(sql`s.category = ${up(c.category)}`);
  if (c?.year !== undefined) out.push(sql`s.year = ${c.year}`);
  if (c?.retention) out.push(sql`s.retention = ${up(c.retention)}`);
  if (c?.org) out.push(sql`s.org_code = ${up(c.org)}`);
  if (c?.owner !== undefined) out.push(sql`s.owner_org_id = ${c.owner}`);
  return out;
}

/** Months from the first date's month to the second's, both counted. */
const monthsSpanned = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

const q = (e: Executor) => e as unknown as Kysely<ArchivesTables & { archives_search: SearchRow }>;

export interface IndexRow {
  recordId: number;
  versionId: number;
  docDate: string;
  text: string;
  tokens: string[];
  /** The record's filter values: columns of the index row on PostgreSQL (migration 0023), and its pair tokens. */
  filters: IndexFilters;
  at: string;
}

export interface IndexFilters {
  fonds: string;
  category: string;
  year: number;
  retention: string;
  org: string;
  owner: number | null;
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
   * PostgreSQL: the same filters as columns of the index row (B-tree indexes of migration 0023), so a
   * filtered search walks its slice by key; the filter tokens stay in `match` for the GIN fallback.
   */
  cols?: FilterColumns | undefined;
  /**
   * PostgreSQL: `match` as its required groups (each a list of alternatives, each a conjunction of
   * tokens: the words, filter tokens, the months of a date range), so the GIN fallback can be driven by
   * the rare ones alone (see `driver`).
   */
  groups?: string[][][] | undefined;
}

/** PostgreSQL: token frequencies from the planner's statistics of archives_search.tokens. */
export interface TokenStats {
  rows: number;
  freq: Map<string, number>;
  /** Below the least frequent token the statistics keep: tokens not in the list are rarer than this. */
  floor: number;
}

/** How long token statistics are used before they are read again. */
const STATS_TTL_MS = 600_000;
/** The GIN driver stops adding groups once it promises at most this many rows to recheck… */
const DRIVER_ROWS = 2_000;
/** … and never adds a group this frequent while it does (its posting list costs more than the rechecks). */
const DRIVER_COMMON = 0.05;

/**
 * The groups a GIN scan needs to be selective, rarest first: a conjunction of every token of a common
 * word costs a walk of each one's posting list (平潭 is in every record, 有限公司 in 40 %), while the
 * rest of the query can be checked on the few rows the rare ones leave. Null when every group is needed.
 */
export function driverGroups(groups: string[][][], stats: TokenStats): string[][][] | null {
  const tokenFreq = (t: string) => stats.freq.get(t) ?? stats.floor;
  const groupFreq = (g: string[][]) => Math.min(1, g.reduce((sum, alt) => sum + Math.min(...alt.map(tokenFreq)), 0));
  const ranked = groups.map((g) => ({ g, f: groupFreq(g) })).sort((a, b) => a.f - b.f);
  const out: string[][][] = [];
  let rows = stats.rows;
  for (const { g, f } of ranked) {
    if (out.length > 0 && rows <= DRIVER_ROWS && f > DRIVER_COMMON) break;
    out.push(g);
    rows *= f;
  }
  return out.length < groups.length ? out : null;
}

/** Filters as columns of the index row (only the given ones apply). */
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
        await sql`INSERT INTO archives_search (record_id, version_id, doc_date, text, indexed_at, tokens, fonds, category, year, retention, org_code, owner_org_id) VALUES ${sql.join(
          part.map((r) => {
            const f = r.filters;
            const tokens = [...r.tokens, ...pairTokens({ category: f.category, year: f.year, retention: f.retention, ownerOrgId: f.owner })];
            return sql`(${r.recordId}, ${r.versionId}, ${r.docDate}, ${r.text}, ${r.at}, array_to_tsvector(${tokens}::text[]), ${f.fonds}, ${f.category}, ${f.year}, ${f.retention}, ${f.org}, ${f.owner})`;
          }),
        )}`.execute(tx);
      } else {
        await sql`INSERT INTO archives_search (record_id, version_id, doc_date, text, indexed_at) VALUES ${sql.join(part.map((r) => sql`(${r.recordId}, ${r.versionId}, ${r.docDate}, ${r.text}, ${r.at})`))}`.execute(tx);
        await sql`INSERT INTO archives_search_fts (rowid, tokens) VALUES ${sql.join(part.map((r) => sql`(${-r.recordId}, ${r.tokens.join(' ')})`))}`.execute(tx);
      }
    }
  }

  private where(e: Executor, x: IndexQuery, driver?: string) {
    const pg = dialectOf(e) === 'postgres';
    // With a driver (PostgreSQL), the GIN index answers the driver and each row it leaves is checked
    // against the whole query (ts_match_vq is the function behind @@: not an index condition).
    const conds = [pg ? (driver ? sql`s.tokens @@ ${driver}::tsquery AND ts_match_vq(s.tokens, ${x.match}::tsquery)` : sql`s.tokens @@ ${x.match}::tsquery`) : sql`archives_search_fts MATCH ${x.match}`];
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
   * promises a page, up to PROBE_ROWS) rows of the query's slice: the index rows by their filter
   * columns' B-tree (`cols`, migration 0023), by a short date range's keys, or the newest index rows
   * when there are no filters; it stops at `limit` matches. If that fills the page the words are
   * common in the slice and the page is done; else the GIN bitmap (words and filter tokens — a pair
   * of filters as one token —, driven by the query's rare groups when the statistics name some, plain
   * index scans off for the statement) gives the few matches with a top-N sort, and counts them in
   * the same pass (`count(*) OVER ()`). Otherwise the count walks
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
    const stats = x.groups ? await this.tokenStats(e) : null;
    const drive = x.groups && stats ? driverGroups(x.groups, stats) : null;
    const driver = drive ? tsQuery(drive, []) : undefined;
    return e.transaction().execute(async (tx) => {
      // The plan is chosen here from the data (the probe and the walks are nested loops down a slice's
      // key, stopping early; exact, not lossy, bitmaps for a few hundred thousand matches), and these
      // short statements are not worth JIT compiling (25 ms when a cost estimate crosses jit_above_cost).
      await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_hashjoin', 'off', true),
        set_config('enable_mergejoin', 'off', true), set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`.execute(tx);
      const cols = colConds(x.cols);
      // A short date range without other filters is a slice too: its (doc_date, record_id) keys, newest first.
      const dated = cols.length === 0 && x.dateFrom !== undefined && x.dateTo !== undefined && monthsSpanned(x.dateFrom, x.dateTo) <= DATE_SLICE_MONTHS;
      const sliced = cols.length > 0 || dated;
      /**
       * The slice's rows newest first (all index rows when there are no filters), each with its rank `rn`
       * and its sort key `k` (the outer query orders by `order`, which the planner sees the rows already have).
       */
      const order = cols.length > 0 ? sql`s.k` : sql`s.k DESC`;
      const slice = (before: number | undefined, rows: number | null) => {
        const limit_ = rows === null ? sql`` : sql`LIMIT ${rows}`;
        if (dated)
          // Keys of the range read whole (index only), the newest sorted out; each one's tsvector by primary key.
          return sql`SELECT d.record_id, d.record_id AS k, (SELECT t.tokens FROM archives_search t WHERE t.record_id = d.record_id) AS tokens, d.doc_date, d.rn FROM (SELECT record_id, doc_date,
            row_number() OVER (ORDER BY record_id DESC) AS rn FROM archives_search WHERE doc_date >= ${x.dateFrom} AND doc_date <= ${x.dateTo}
            ${before !== undefined ? sql`AND record_id < ${before}` : sql``} ORDER BY record_id DESC ${limit_}) d`;
        if (cols.length === 0)
          return sql`SELECT s.record_id, s.record_id AS k, s.tokens, s.doc_date, row_number() OVER (ORDER BY s.record_id DESC) AS rn FROM archives_search s
            ${before !== undefined ? sql`WHERE s.record_id < ${before}` : sql``} ORDER BY s.record_id DESC ${limit_}`;
        // The filter keys end in MINUS the id (migration 0023): ascending on that is newest first, on that index only.
        const where = before !== undefined ? [...cols, sql`- s.record_id > ${-before}`] : cols;
        return sql`SELECT s.record_id, - s.record_id AS k, s.tokens, s.doc_date, row_number() OVER (ORDER BY - s.record_id) AS rn FROM archives_search s
          WHERE ${sql.join(where, sql` AND `)} ORDER BY - s.record_id ${limit_}`;
      };
      const probeRows = async (rows: number) =>
        (await sql<{ id: number; rn: number }>`SELECT s.record_id AS id, s.rn FROM (${slice(x.beforeId, rows)}) s WHERE ${w.where} ORDER BY ${order} LIMIT ${limit}`.execute(tx)).rows.map((r) => ({
          id: Number(r.id),
          rn: Number(r.rn),
        }));
      let probe: { id: number; rn: number }[] = [];
      // A department's loans are a handful of ids: straight to the index for them.
      if (!x.onlyIds) {
        // A short probe first; walk on only if its density promises the page within PROBE_ROWS rows
        // (a rare word in a large slice goes straight to the GIN index).
        probe = await probeRows(FIRST_PROBE_ROWS);
        if (probe.length > 0 && probe.length < limit && (limit * FIRST_PROBE_ROWS) / probe.length <= PROBE_ROWS) probe = await probeRows(PROBE_ROWS);
      }
      let ids: number[];
      if (probe.length >= limit) ids = probe.map((p) => p.id);
      else {
        await sql`SELECT set_config('enable_bitmapscan', 'on', true), set_config('enable_indexscan', 'off', true)`.execute(tx);
        // The top-N sort reads every match anyway: the first page counts them in the same pass.
        const counted = count !== null && x.beforeId === undefined;
        const gin = driver ? this.where(e, x, driver) : w;
        const rows = (await sql<{ id: number; n: number }>`SELECT s.record_id AS id, ${counted ? sql`count(*) OVER ()` : sql`0`} AS n FROM archives_search s WHERE ${gin.where} ORDER BY s.record_id DESC LIMIT ${limit}`.execute(tx)).rows;
        ids = rows.map((r) => Number(r.id));
        if (counted) return { ids, count: Math.min(Number(rows[0]?.n ?? 0), count.cap) };
      }
      if (!count) return { ids, count: 0 };
      if (ids.length < limit) return { ids, count: Math.min(ids.length, count.cap) };
      const all = this.where(e, { ...x, beforeId: undefined });
      const allGin = driver ? this.where(e, { ...x, beforeId: undefined }, driver) : all;
      // Rows of the slice the count would walk to find `cap` matches, at the probe's density.
      const walkRows = x.beforeId === undefined && probe.length >= limit ? (count.cap * probe[probe.length - 1]!.rn) / probe.length : Infinity;
      const walk = walkRows <= (sliced ? SLICE_WALK_ROWS : COUNT_WALK_ROWS);
      await sql`SELECT set_config('enable_bitmapscan', ${walk ? 'off' : 'on'}, true), set_config('enable_indexscan', ${walk ? 'on' : 'off'}, true)`.execute(tx);
      const n = walk
        ? await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM (${slice(undefined, null)}) s WHERE ${all.where} LIMIT ${count.cap}) t`.execute(tx)
        : await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM archives_search s WHERE ${allGin.where} LIMIT ${count.cap}) t`.execute(tx);
      return { ids, count: Number(n.rows[0]?.n ?? 0) };
    });
  }

  private stats: { at: number; stats: TokenStats | null } | null = null;

  /** PostgreSQL: token frequencies of the planner's statistics (ANALYZE), read again every STATS_TTL_MS; null before any. */
  async tokenStats(e: Executor): Promise<TokenStats | null> {
    if (this.stats && Date.now() - this.stats.at < STATS_TTL_MS) return this.stats.stats;
    const r = (
      await sql<{ elems: string[] | null; freqs: number[] | null; rows: number }>`SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs, c.reltuples AS rows
        FROM pg_class c LEFT JOIN pg_stats s ON s.tablename = c.relname AND s.attname = 'tokens' AND s.schemaname = current_schema() WHERE c.relname = 'archives_search' AND c.relnamespace = current_schema()::regnamespace`.execute(e)
    ).rows[0];
    const elems = r?.elems ?? [];
    const freqs = (r?.freqs ?? []).map(Number);
    // most_common_elem_freqs ends with the minimum, maximum and null frequency after one per element.
    const stats = elems.length > 0 ? { rows: Number(r!.rows), freq: new Map(elems.map((t, i) => [t, freqs[i]!])), floor: freqs[elems.length]! / 2 } : null;
    this.stats = { at: Date.now(), stats };
    return stats;
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
