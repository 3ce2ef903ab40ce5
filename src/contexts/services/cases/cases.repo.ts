import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.ts';
import type { CaseActionRow, CaseAttachmentRow, CaseRow, CasesTables, CaseTaskRow, ProcessDefinitionRow } from './cases.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<CasesTables>;

export type StoredCase = Selectable<CaseRow>;
export type StoredAction = Selectable<CaseActionRow>;
export type StoredTask = Selectable<CaseTaskRow>;
export type StoredAttachment = Selectable<CaseAttachmentRow>;
export type StoredDefinition = Selectable<ProcessDefinitionRow>;

/** An inbox row: the task with what the list shows of its case. */
export type InboxRow = StoredTask & { item_name: string; case_state: string; deadline: string | null; applicant_name: string; submitted_at: string; process_key: string; process_version: number };

export interface DepartmentStatistics {
  department_org_id: number;
  received: number;
  closed: number;
  closed_on_time: number;
  open: number;
  overdue: number;
}

/**
 * Keyset continuation after (deadline, id) in (deadline, id) order. `deadline >= d` first: it bounds
 * the index range on both dialects, so page k starts where page k-1 ended instead of re-reading the
 * k-1 pages before it (`d > x OR (d = x AND id > y)` alone is a filter, not a range).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function afterKey<Q extends SelectQueryBuilder<CasesTables, 'services_cases', any>>(query: Q, after: { deadline: string; id: number }): Q {
  const { deadline, id } = after;
  return query.where('deadline', '>=', deadline).where((eb) => eb.or([eb('deadline', '>', deadline), eb('id', '>', id)])) as Q;
}

export class CasesRepo {
  // ---- process definitions --------------------------------------------------------------------

  async latestDefinition(e: Executor, key: string): Promise<StoredDefinition | undefined> {
    return q(e).selectFrom('services_process_definitions').selectAll().where('key', '=', key).orderBy('version', 'desc').limit(1).executeTakeFirst();
  }

  async definition(e: Executor, key: string, version: number): Promise<StoredDefinition | undefined> {
    return q(e).selectFrom('services_process_definitions').selectAll().where('key', '=', key).where('version', '=', version).executeTakeFirst();
  }

  /** Inserts a version; false when another process inserted that version first. */
  async insertDefinition(tx: Executor, row: Insertable<ProcessDefinitionRow>): Promise<boolean> {
    const r = await q(tx)
      .insertInto('services_process_definitions')
      .values(row)
      .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  }

  async nextSequence(tx: Executor, name: string): Promise<number> {
    const r = await q(tx)
      .insertInto('services_case_sequences')
      .values({ name, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`services_case_sequences.value + 1` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(r.value);
  }

  // ---- cases and their action log -------------------------------------------------------------

  async insertCase(tx: Executor, row: Insertable<CaseRow>): Promise<number> {
    const r = await q(tx).insertInto('services_cases').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /** The case; on PostgreSQL locked until the transaction ends, so actions on one case run one at a time. */
  async caseById(e: Executor, id: number, opts: { lock?: boolean } = {}): Promise<StoredCase | undefined> {
    let query = q(e).selectFrom('services_cases').selectAll().where('id', '=', id);
    if (opts.lock && dialectOf(e) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async updateCase(tx: Executor, id: number, set: Updateable<CaseRow>): Promise<void> {
    await q(tx).updateTable('services_cases').set(set).where('id', '=', id).execute();
  }

  async insertAction(tx: Executor, row: Insertable<CaseActionRow>): Promise<number> {
    const r = await q(tx).insertInto('services_case_actions').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async actions(e: Executor, caseId: number): Promise<StoredAction[]> {
    return q(e).selectFrom('services_case_actions').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  }

  /** The newest open case of an applicant for an item submitted at or after `since` (double-submit guard). */
  async recentOpenCase(e: Executor, userId: number, itemCode: string, since: string): Promise<StoredCase | undefined> {
    return q(e)
      .selectFrom('services_cases')
      .selectAll()
      .where('applicant_user_id', '=', userId)
      .where('item_code', '=', itemCode)
      .where('submitted_at', '>=', since)
      .where('closed_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** An applicant's cases, newest first (keyset: ids below `before`). */
  async casesOfApplicant(e: Executor, userId: number, before: number | undefined, limit: number): Promise<StoredCase[]> {
    let query = q(e).selectFrom('services_cases').selectAll().where('applicant_user_id', '=', userId);
    if (before !== undefined) query = query.where('id', '<', before);
    return query.orderBy('id', 'desc').limit(limit).execute();
  }

  // ---- tasks (the inbox projection) -----------------------------------------------------------

  async tasksOf(e: Executor, caseId: number): Promise<StoredTask[]> {
    return q(e).selectFrom('services_case_tasks').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }

  async insertTask(tx: Executor, row: Insertable<CaseTaskRow>): Promise<void> {
    await q(tx).insertInto('services_case_tasks').values(row).execute();
  }

  async updateTask(tx: Executor, caseId: number, node: string, set: Updateable<CaseTaskRow>): Promise<void> {
    await q(tx).updateTable('services_case_tasks').set(set).where('case_id', '=', caseId).where('node', '=', node).execute();
  }

  async departmentHoldsTask(e: Executor, caseId: number, departmentOrgId: number): Promise<boolean> {
    const r = await q(e).selectFrom('services_case_tasks').select('id').where('case_id', '=', caseId).where('department_org_id', '=', departmentOrgId).limit(1).executeTakeFirst();
    return r !== undefined;
  }

  /**
   * A department's tasks in the given statuses, newest first, keyset on the task id: the range
   * (department_org_id, status, id) of services_case_tasks_inbox (due_date, for the overdue filter,
   * is its last column), then the case by primary key.
   */
  async inbox(
    e: Executor,
    f: { departmentOrgId: number; statuses: readonly string[]; dueBefore?: string | undefined; caseNumber?: string | undefined; before?: number | undefined; limit: number },
  ): Promise<InboxRow[]> {
    let query = q(e)
      .selectFrom('services_case_tasks as t')
      .innerJoin('services_cases as c', 'c.id', 't.case_id')
      .selectAll('t')
      .select(['c.item_name', 'c.state as case_state', 'c.deadline', 'c.applicant_name', 'c.submitted_at', 'c.process_key', 'c.process_version'])
      .where('t.department_org_id', '=', f.departmentOrgId)
      .where('t.status', 'in', [...f.statuses]);
    if (f.dueBefore !== undefined) query = query.where('t.due_date', '<', f.dueBefore);
    if (f.caseNumber !== undefined) query = query.where('t.case_number', '=', f.caseNumber);
    if (f.before !== undefined) query = query.where('t.id', '<', f.before);
    return query.orderBy('t.id', 'desc').limit(f.limit).execute();
  }

  /**
   * Open cases whose deadline has passed, oldest deadline first: one range scan of the partial
   * index services_cases_open_deadline (deadline, id) WHERE closed_at IS NULL, or for one department
   * of services_cases_open_department_deadline (department_org_id, deadline, id).
   */
  async overdue(e: Executor, f: { today: string; after?: { deadline: string; id: number } | undefined; departmentOrgId?: number | undefined; limit: number }): Promise<StoredCase[]> {
    let query = q(e).selectFrom('services_cases').selectAll().where('closed_at', 'is', null).where('deadline', '<', f.today);
    if (f.after) query = afterKey(query, f.after);
    if (f.departmentOrgId !== undefined) query = query.where('department_org_id', '=', f.departmentOrgId);
    return query.orderBy('deadline').orderBy('id').limit(f.limit).execute();
  }

  /**
   * Ids and deadlines of open cases with a deadline in [from, before) or [from, through], by deadline
   * (the deadline scan: nothing else of the row, so pages stay small).
   */
  async openDeadlines(
    e: Executor,
    f: { from?: string | undefined; before?: string | undefined; through?: string | undefined; after?: { deadline: string; id: number } | undefined; limit: number },
  ): Promise<{ id: number; deadline: string }[]> {
    let query = q(e).selectFrom('services_cases').select(['id', 'deadline']).where('closed_at', 'is', null);
    if (f.from !== undefined) query = query.where('deadline', '>=', f.from);
    if (f.before !== undefined) query = query.where('deadline', '<', f.before);
    if (f.through !== undefined) query = query.where('deadline', '<=', f.through);
    if (f.after) query = afterKey(query, f.after);
    const rows = await query.orderBy('deadline').orderBy('id').limit(f.limit).execute();
    return rows.map((r) => ({ id: Number(r.id), deadline: r.deadline! }));
  }

  async countOverdue(e: Executor, today: string): Promise<number> {
    const r = await q(e)
      .selectFrom('services_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('closed_at', 'is', null)
      .where('deadline', '<', today)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Per department: received and closed in [from, to] (China dates), closed on time, open and overdue now. */
  async statistics(e: Executor, f: { from: string; to: string; today: string; departmentOrgId?: number | undefined }): Promise<DepartmentStatistics[]> {
    const { from, to, today } = f;
    let query = q(e)
      .selectFrom('services_cases')
      .select([
        'department_org_id',
        sql<number>`sum(case when submitted_on >= ${from} and submitted_on <= ${to} then 1 else 0 end)`.as('received'),
        sql<number>`sum(case when closed_on >= ${from} and closed_on <= ${to} then 1 else 0 end)`.as('closed'),
        sql<number>`sum(case when closed_on >= ${from} and closed_on <= ${to} and (deadline is null or closed_on <= deadline) then 1 else 0 end)`.as('closed_on_time'),
        sql<number>`sum(case when closed_at is null then 1 else 0 end)`.as('open'),
        sql<number>`sum(case when closed_at is null and deadline < ${today} then 1 else 0 end)`.as('overdue'),
      ])
      .groupBy('department_org_id');
    if (f.departmentOrgId !== undefined) query = query.where('department_org_id', '=', f.departmentOrgId);
    const rows = await query.orderBy('department_org_id').execute();
    return rows.map((r) => ({
      department_org_id: Number(r.department_org_id),
      received: Number(r.received),
      closed: Number(r.closed),
      closed_on_time: Number(r.closed_on_time),
      open: Number(r.open),
      overdue: Number(r.overdue),
    }));
  }

  // ---- attachments ----------------------------------------------------------------------------

  async insertAttachment(tx: Executor, row: Insertable<CaseAttachmentRow>): Promise<number> {
    const r = await q(tx).insertInto('services_case_attachments').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async attachments(e: Executor, caseId: number): Promise<StoredAttachment[]> {
    return q(e).selectFrom('services_case_attachments').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }

  async attachment(e: Executor, id: number): Promise<StoredAttachment | undefined> {
    return q(e).selectFrom('services_case_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Cases closed after (at, id), oldest first: one range of services_cases_closed (closed_at, id) (the archive's collector). */
  async closedSince(e: Executor, after: { at: string; id: number }, limit: number): Promise<{ id: number; closed_at: string }[]> {
    const rows = await q(e)
      .selectFrom('services_cases')
      .select(['id', 'closed_at'])
      .where('closed_at', 'is not', null)
      .where((eb) => eb.or([eb('closed_at', '>', after.at), eb.and([eb('closed_at', '=', after.at), eb('id', '>', after.id)])]))
      .orderBy('closed_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), closed_at: r.closed_at! }));
  }
}
