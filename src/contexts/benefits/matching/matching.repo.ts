import { type Insertable, type Kysely, type Selectable } from 'kysely';
import { precompiled, type Executor } from '../../../db/database.ts';
import type { EngineTables, RunResultRow, RunRow } from '../engine.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<EngineTables>;

export type StoredRun = Selectable<RunRow>;
export type StoredRunResult = Selectable<RunResultRow>;

/** Result rows per multi-row INSERT (11 columns: 5,500 parameters, well below SQLite's 32,766). */
const INSERT_CHUNK = 500;
/** The result columns in the order the precompiled INSERT binds them, row after row. */
const RESULT_COLUMNS = ['run_id', 'subject_kind', 'subject_key', 'display_name', 'masked_id', 'has_account', 'eligible', 'amount_fen', 'clauses', 'inputs', 'figures'] as const;
const PLACEHOLDER_ROW: Insertable<RunResultRow> = { run_id: 0, subject_kind: '', subject_key: '', display_name: '', masked_id: '', has_account: 0, eligible: 0, amount_fen: 0, clauses: '', inputs: '', figures: '' };
/** A full chunk of results: built and compiled once per dialect (a run writes N / 500 of them). */
const insertResultChunk = precompiled((db) => q(db).insertInto('benefits_run_results').values(Array.from({ length: INSERT_CHUNK }, () => PLACEHOLDER_ROW)));

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

  async insertResults(tx: Executor, rows: Insertable<RunResultRow>[]): Promise<void> {
    let i = 0;
    for (; i + INSERT_CHUNK <= rows.length; i += INSERT_CHUNK) {
      const parameters = new Array<unknown>(INSERT_CHUNK * RESULT_COLUMNS.length);
      let n = 0;
      for (let r = i; r < i + INSERT_CHUNK; r++) {
        const row = rows[r]!;
        for (const c of RESULT_COLUMNS) parameters[n++] = row[c] ?? null;
      }
      await insertResultChunk(tx, parameters);
    }
    if (i < rows.length) await q(tx).insertInto('benefits_run_results').values(rows.slice(i)).execute();
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
