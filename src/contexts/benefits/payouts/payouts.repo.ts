import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.ts';
import type { PaymentBatchRow, PaymentLineRow, PayoutActionRow, PayoutRow, PayoutTables } from './payouts.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<PayoutTables>;

export type Payout = Selectable<PayoutRow>;
export type PayoutActionRecord = Selectable<PayoutActionRow>;
export type PaymentBatch = Selectable<PaymentBatchRow>;
export type PaymentLine = Selectable<PaymentLineRow>;
export type PaymentLineWithPayout = PaymentLine & Pick<Payout, 'subject_key' | 'policy_key' | 'period' | 'state'>;

export interface PayoutFilter {
  /** Only payouts funded by this organisation (undefined: every organisation). */
  orgId?: number | undefined;
  policyKey?: string | undefined;
  runId?: number | undefined;
  state?: string | undefined;
  /** Part of the subject's name or masked identifier. */
  q?: string | undefined;
  /** Keyset: payouts with a smaller id (newest first). */
  beforeId?: number | undefined;
  limit: number;
}

export interface StatisticsFilter {
  orgId?: number | undefined;
  policyKey?: string | undefined;
}

export class PayoutsRepo {
  // ---- payouts --------------------------------------------------------------------------------

  /** The payouts of these subjects for a policy and period (the identity of a payout). */
  async byIdentity(e: Executor, policyKey: string, period: string, subjectKeys: readonly string[]): Promise<Payout[]> {
    if (subjectKeys.length === 0) return [];
    let query = q(e).selectFrom('benefits_payouts').selectAll().where('policy_key', '=', policyKey).where('period', '=', period).where('subject_key', 'in', [...subjectKeys]);
    if (dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.execute();
  }

  /** Inserts payouts, skipping any whose (policy, subject, period) exists; answers the inserted ones' ids by subject. */
  async insertManyIfNew(e: Executor, rows: Insertable<PayoutRow>[]): Promise<{ id: number; subject_key: string }[]> {
    if (rows.length === 0) return [];
    return q(e)
      .insertInto('benefits_payouts')
      .values(rows)
      .onConflict((oc) => oc.columns(['policy_key', 'subject_key', 'period']).doNothing())
      .returning(['id', 'subject_key'])
      .execute();
  }

  async insertActions(e: Executor, rows: Insertable<PayoutActionRow>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) await q(e).insertInto('benefits_payout_actions').values(rows.slice(i, i + 1000)).execute();
  }

  async byId(e: Executor, id: number, opts: { lock?: boolean } = {}): Promise<Payout | undefined> {
    let query = q(e).selectFrom('benefits_payouts').selectAll().where('id', '=', id);
    if (opts.lock && dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async update(e: Executor, id: number, patch: Updateable<PayoutRow>): Promise<void> {
    await q(e).updateTable('benefits_payouts').set(patch).where('id', '=', id).execute();
  }

  async insertAction(e: Executor, row: Insertable<PayoutActionRow>): Promise<void> {
    await q(e).insertInto('benefits_payout_actions').values(row).execute();
  }

  async actions(e: Executor, payoutId: number): Promise<PayoutActionRecord[]> {
    return q(e).selectFrom('benefits_payout_actions').selectAll().where('payout_id', '=', payoutId).orderBy('seq').execute();
  }

  async list(e: Executor, f: PayoutFilter): Promise<Payout[]> {
    let query = q(e).selectFrom('benefits_payouts').selectAll();
    if (f.orgId !== undefined) query = query.where('funding_org_id', '=', f.orgId);
    if (f.policyKey !== undefined) query = query.where('policy_key', '=', f.policyKey);
    if (f.runId !== undefined) query = query.where('run_id', '=', f.runId);
    if (f.state !== undefined) query = query.where('state', '=', f.state);
    if (f.q !== undefined && f.q !== '') {
      const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      query = query.where((w) => w.or([w('subject_name', 'like', sql<string>`${like} escape '\\'`), w('subject_masked', 'like', sql<string>`${like} escape '\\'`)]));
    }
    if (f.beforeId !== undefined) query = query.where('id', '<', f.beforeId);
    return query.orderBy('id', 'desc').limit(f.limit).execute();
  }

  /** Payouts of a run in one state for a funding organisation, oldest first (locked on PostgreSQL). */
  async ofRun(e: Executor, runId: number, state: string, orgId: number | undefined, opts: { lock?: boolean } = {}): Promise<Payout[]> {
    let query = q(e).selectFrom('benefits_payouts').selectAll().where('run_id', '=', runId).where('state', '=', state);
    if (orgId !== undefined) query = query.where('funding_org_id', '=', orgId);
    query = query.orderBy('id');
    if (opts.lock && dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.execute();
  }

  async count(e: Executor, f: Omit<PayoutFilter, 'limit' | 'beforeId' | 'q'>): Promise<{ count: number; totalFen: number }> {
    let query = q(e).selectFrom('benefits_payouts').select((s) => [s.fn.countAll<number>().as('count'), s.fn.sum<number | null>('amount_fen').as('total')]);
    if (f.orgId !== undefined) query = query.where('funding_org_id', '=', f.orgId);
    if (f.policyKey !== undefined) query = query.where('policy_key', '=', f.policyKey);
    if (f.runId !== undefined) query = query.where('run_id', '=', f.runId);
    if (f.state !== undefined) query = query.where('state', '=', f.state);
    const r = await query.executeTakeFirstOrThrow();
    return { count: Number(r.count), totalFen: Number(r.total ?? 0) };
  }

  async bySubject(e: Executor, subjectKey: string, states: readonly string[]): Promise<Payout[]> {
    return q(e).selectFrom('benefits_payouts').selectAll().where('subject_key', '=', subjectKey).where('state', 'in', [...states]).orderBy('id', 'desc').execute();
  }

  /** Confirmed payouts nobody has been told about yet (their person had no account), by id. */
  async confirmedUnnotified(e: Executor, afterId: number, limit: number): Promise<Payout[]> {
    return q(e).selectFrom('benefits_payouts').selectAll().where('state', '=', 'confirmed').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  /** Authorised payouts of a policy and funding organisation, oldest first (locked on PostgreSQL). */
  async authorisedFor(e: Executor, policyKey: string, orgId: number): Promise<Payout[]> {
    let query = q(e).selectFrom('benefits_payouts').selectAll().where('policy_key', '=', policyKey).where('funding_org_id', '=', orgId).where('state', '=', 'authorised').orderBy('id');
    if (dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.execute();
  }

  /** Moves payouts from one state to another (seq + 1) only where they are still in it; answers how many moved. */
  async moveState(e: Executor, ids: readonly number[], from: string, patch: Updateable<PayoutRow> & { state: string; updated_at: string }): Promise<number> {
    let moved = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const r = await q(e)
        .updateTable('benefits_payouts')
        .set((s) => ({ ...patch, seq: s('seq', '+', 1) }))
        .where('id', 'in', ids.slice(i, i + 1000))
        .where('state', '=', from)
        .executeTakeFirst();
      moved += Number(r.numUpdatedRows);
    }
    return moved;
  }

  /** Moves payouts into a batch only if they are still authorised; answers how many moved. */
  async moveIntoBatch(e: Executor, ids: readonly number[], batchId: number, at: string): Promise<number> {
    const r = await q(e)
      .updateTable('benefits_payouts')
      .set((s) => ({ state: 'in_batch', batch_id: batchId, seq: s('seq', '+', 1), updated_at: at }))
      .where('id', 'in', [...ids])
      .where('state', '=', 'authorised')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  // ---- batches --------------------------------------------------------------------------------

  async insertBatch(e: Executor, row: Insertable<PaymentBatchRow>): Promise<number> {
    const r = await q(e).insertInto('benefits_payment_batches').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async updateBatch(e: Executor, id: number, patch: Updateable<PaymentBatchRow>): Promise<void> {
    await q(e).updateTable('benefits_payment_batches').set(patch).where('id', '=', id).execute();
  }

  async batchById(e: Executor, id: number, opts: { lock?: boolean } = {}): Promise<PaymentBatch | undefined> {
    let query = q(e).selectFrom('benefits_payment_batches').selectAll().where('id', '=', id);
    if (opts.lock && dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async listBatches(e: Executor, f: { orgId?: number | undefined; beforeId?: number | undefined; limit: number }): Promise<PaymentBatch[]> {
    let query = q(e).selectFrom('benefits_payment_batches').selectAll();
    if (f.orgId !== undefined) query = query.where('funding_org_id', '=', f.orgId);
    if (f.beforeId !== undefined) query = query.where('id', '<', f.beforeId);
    return query.orderBy('id', 'desc').limit(f.limit).execute();
  }

  async insertLines(e: Executor, rows: Insertable<PaymentLineRow>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await q(e).insertInto('benefits_payment_lines').values(rows.slice(i, i + 500)).execute();
  }

  async lines(e: Executor, batchId: number): Promise<PaymentLineWithPayout[]> {
    return q(e)
      .selectFrom('benefits_payment_lines as l')
      .innerJoin('benefits_payouts as p', 'p.id', 'l.payout_id')
      .selectAll('l')
      .select(['p.subject_key', 'p.policy_key', 'p.period', 'p.state'])
      .where('l.batch_id', '=', batchId)
      .orderBy('l.line_no')
      .execute();
  }

  async line(e: Executor, batchId: number, lineNo: number): Promise<PaymentLine | undefined> {
    return q(e).selectFrom('benefits_payment_lines').selectAll().where('batch_id', '=', batchId).where('line_no', '=', lineNo).executeTakeFirst();
  }

  async lineOfPayout(e: Executor, batchId: number, payoutId: number): Promise<PaymentLine | undefined> {
    return q(e).selectFrom('benefits_payment_lines').selectAll().where('batch_id', '=', batchId).where('payout_id', '=', payoutId).executeTakeFirst();
  }

  async linesOfPayout(e: Executor, payoutId: number): Promise<(PaymentLine & { batch_no: string })[]> {
    return q(e)
      .selectFrom('benefits_payment_lines as l')
      .innerJoin('benefits_payment_batches as b', 'b.id', 'l.batch_id')
      .selectAll('l')
      .select('b.batch_no')
      .where('l.payout_id', '=', payoutId)
      .orderBy('l.batch_id')
      .execute();
  }

  async updateLine(e: Executor, batchId: number, lineNo: number, patch: Updateable<PaymentLineRow>): Promise<void> {
    await q(e).updateTable('benefits_payment_lines').set(patch).where('batch_id', '=', batchId).where('line_no', '=', lineNo).execute();
  }

  async pendingLines(e: Executor, batchId: number): Promise<number> {
    const r = await q(e).selectFrom('benefits_payment_lines').select((s) => s.fn.countAll<number>().as('n')).where('batch_id', '=', batchId).where('status', '=', 'pending').executeTakeFirstOrThrow();
    return Number(r.n);
  }

  // ---- statistics -----------------------------------------------------------------------------

  async byState(e: Executor, f: StatisticsFilter): Promise<{ state: string; count: number; amountFen: number }[]> {
    let query = q(e).selectFrom('benefits_payouts').select((s) => ['state', s.fn.countAll<number>().as('count'), s.fn.sum<number>('amount_fen').as('amount')]);
    if (f.orgId !== undefined) query = query.where('funding_org_id', '=', f.orgId);
    if (f.policyKey !== undefined) query = query.where('policy_key', '=', f.policyKey);
    const rows = await query.groupBy('state').orderBy('state').execute();
    return rows.map((r) => ({ state: r.state, count: Number(r.count), amountFen: Number(r.amount) }));
  }

  /** Paid payouts per China month and policy: payments, distinct people, amount. */
  async paidByMonth(e: Executor, f: StatisticsFilter): Promise<{ month: string; policyKey: string; payments: number; people: number; amountFen: number }[]> {
    let query = q(e)
      .selectFrom('benefits_payouts')
      .select((s) => [
        'paid_month',
        'policy_key',
        s.fn.countAll<number>().as('payments'),
        sql<number>`count(distinct subject_key)`.as('people'),
        s.fn.sum<number>('amount_fen').as('amount'),
      ])
      .where('state', '=', 'paid');
    if (f.orgId !== undefined) query = query.where('funding_org_id', '=', f.orgId);
    if (f.policyKey !== undefined) query = query.where('policy_key', '=', f.policyKey);
    const rows = await query.groupBy(['paid_month', 'policy_key']).orderBy('paid_month').orderBy('policy_key').execute();
    return rows.map((r) => ({ month: r.paid_month ?? '', policyKey: r.policy_key, payments: Number(r.payments), people: Number(r.people), amountFen: Number(r.amount) }));
  }

  /** Per policy: people offered, confirmed (and later), paid, with amounts. */
  async byPolicy(e: Executor, f: StatisticsFilter): Promise<{ policyKey: string; people: number; payouts: number; amountFen: number; paidPeople: number; paidFen: number }[]> {
    let query = q(e)
      .selectFrom('benefits_payouts')
      .select((s) => [
        'policy_key',
        sql<number>`count(distinct subject_key)`.as('people'),
        s.fn.countAll<number>().as('payouts'),
        s.fn.sum<number>('amount_fen').as('amount'),
        sql<number>`count(distinct case when state = 'paid' then subject_key end)`.as('paid_people'),
        sql<number>`coalesce(sum(case when state = 'paid' then amount_fen else 0 end), 0)`.as('paid'),
      ])
      .where('state', 'not in', ['excluded']);
    if (f.orgId !== undefined) query = query.where('funding_org_id', '=', f.orgId);
    if (f.policyKey !== undefined) query = query.where('policy_key', '=', f.policyKey);
    const rows = await query.groupBy('policy_key').orderBy('policy_key').execute();
    return rows.map((r) => ({ policyKey: r.policy_key, people: Number(r.people), payouts: Number(r.payouts), amountFen: Number(r.amount), paidPeople: Number(r.paid_people), paidFen: Number(r.paid) }));
  }
}
