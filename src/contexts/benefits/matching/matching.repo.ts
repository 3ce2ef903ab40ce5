import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dialectOf, precompiled, type Executor } from '../../../db/database.ts';
import type { EngineTables, RunResultRow, RunRow } from '../engine.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<EngineTables>;

export type StoredRun = Selectable<RunRow>;
export type StoredRunResult = Selectable<RunResultRow>;

/** Result rows per multi-row INSERT (11 columns: 5,500 parameters, well below SQLite's 32,766). */
const INSERT_CHUNK = 500;
/** The result columns in the order the precompiled INSERTs bind them, row after row. */
const RESULT_COLUMNS = ['run_id', 'subject_kind', 'subject_key', 'display_name', 'masked_id', 'has_account', 'eligible', 'amount_fen', 'clauses', 'inputs', 'figures'] as const;
const PLACEHOLDER_ROW: Insertable<RunResultRow> = { run_id: 0, subject_kind: '', subject_key: '', display_name: '', masked_id: '', has_account: 0, eligible: 0, amount_fen: 0, clauses: '', inputs: '', figures: '' };
/**
 * INSERTs of INSERT_CHUNK rows and of each power of two below it, built and compiled once per dialect: a page's
 * results are full chunks and then the rest as a sum of powers of two (a run writes N / 500 full chunks and at most
 * 9 smaller statements per page, none of them built anew).
 */
const insertSizes: number[] = [INSERT_CHUNK];
for (let n = 256; n >= 1; n /= 2) insertSizes.push(n);
const insertResultChunks = insertSizes.map((n) => ({ rows: n, query: precompiled((db) => q(db).insertInto('benefits_run_results').values(Array.from({ length: n }, () => PLACEHOLDER_ROW))) }));

/** Result rows per JSON document on PostgreSQL (a page of the run: one statement). */
const JSON_CHUNK = 2_000;

export interface ResultFilter {
  eligible?: boolean | undefined;
  /** Part of the masked id or the name. */
  q?: string | undefined;
}

export class MatchingRepo {
  async insertRun(tx: Executor, row: Insertable<RunRow>): Promise<number> {
    const r = await q(tx).insertInto('benefits_runs').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async updateRun(tx: Executor, id: number, set: Partial<Insertable<RunRow>>): Promise<void> {
    await q(tx).updateTable('benefits_runs').set(set).where('id', '=', id).execute();
  }

  async runById(e: Executor, id: number): Promise<StoredRun | undefined> {
    return q(e).selectFrom('benefits_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listRuns(e: Executor, f: { orgId?: number | undefined; policyKey?: string | undefined; limit: number; offset: number }): Promise<{ items: StoredRun[]; total: number }> {
    let base = q(e).selectFrom('benefits_runs');
    if (f.orgId !== undefined) base = base.where('funding_org_id', '=', f.orgId);
    if (f.policyKey) base = base.where('policy_key', '=', f.policyKey);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Removes what an interrupted attempt of the run wrote (its transactions per page committed). */
  async clearResults(tx: Executor, runId: number): Promise<void> {
    await q(tx).deleteFrom('benefits_run_results').where('run_id', '=', runId).execute();
  }

  /**
   * A page's results. PostgreSQL: the rows bound as one JSON document and unpacked by the server (json_to_recordset):
   * the pg driver serialises 11 parameters a row in JavaScript, one JSON.stringify is a fraction of that (the stored
   * values are the same). SQLite: the precompiled multi-row INSERTs (binding is native there).
   */
  async insertResults(tx: Executor, rows: Insertable<RunResultRow>[]): Promise<void> {
    if (dialectOf(tx) === 'postgres') {
      for (let i = 0; i < rows.length; i += JSON_CHUNK) {
        await sql`INSERT INTO benefits_run_results (run_id, subject_kind, subject_key, display_name, masked_id, has_account, eligible, amount_fen, clauses, inputs, figures)
          SELECT run_id, subject_kind, subject_key, display_name, masked_id, has_account, eligible, amount_fen, clauses, inputs, figures
          FROM json_to_recordset(${JSON.stringify(rows.length > JSON_CHUNK ? rows.slice(i, i + JSON_CHUNK) : rows)}::json)
            AS r(run_id integer, subject_kind text, subject_key text, display_name text, masked_id text, has_account integer, eligible integer, amount_fen bigint, clauses text, inputs text, figures text)`.execute(tx);
      }
      return;
    }
    let i = 0;
    for (const chunk of insertResultChunks) {
      for (; i + chunk.rows <= rows.length; i += chunk.rows) {
        const parameters = new Array<unknown>(chunk.rows * RESULT_COLUMNS.length);
        let n = 0;
        for (let r = i; r < i + chunk.rows; r++) {
          const row = rows[r]!;
          for (const c of RESULT_COLUMNS) parameters[n++] = row[c] ?? null;
        }
        await chunk.query(tx, parameters);
      }
    }
  }

  private filtered(e: Executor, runId: number, f: ResultFilter) {
    let base = q(e).selectFrom('benefits_run_results').where('run_id', '=', runId);
    if (f.eligible !== undefined) base = base.where('eligible', '=', f.eligible ? 1 : 0);
    if (f.q) {
      // Wildcards typed by the user are taken out rather than escaped (the two dialects escape differently).
      const like = `%${f.q.replace(/[\\%_]/g, '')}%`;
      base = base.where((eb) => eb.or([eb('masked_id', 'like', like), eb('display_name', 'like', like)]));
    }
    return base;
  }

  async result(e: Executor, runId: number, subjectKey: string): Promise<StoredRunResult | undefined> {
    return q(e).selectFrom('benefits_run_results').selectAll().where('run_id', '=', runId).where('subject_key', '=', subjectKey).executeTakeFirst();
  }

  async results(e: Executor, runId: number, f: ResultFilter, limit: number, offset: number): Promise<{ items: StoredRunResult[]; total: number }> {
    const [items, count] = await Promise.all([
      this.filtered(e, runId, f).selectAll().orderBy('subject_key').limit(limit).offset(offset).execute(),
      this.filtered(e, runId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
