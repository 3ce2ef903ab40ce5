import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dialectOf, type Executor } from '../../../db/database.ts';
import type { FollowUpActionRow, FollowUpRow, RatingRow, RatingTables } from './ratings.tables.ts';
import { BAD_LEVEL, GOOD_LEVEL } from './ratings.model.ts';

const q = (e: Executor) => e as unknown as Kysely<RatingTables>;

export type Rating = Selectable<RatingRow>;
export type FollowUp = Selectable<FollowUpRow>;
export type FollowUpAction = Selectable<FollowUpActionRow>;
export type FollowUpListed = FollowUp & Pick<Rating, 'case_no' | 'item_name' | 'level' | 'comment' | 'applicant_user_id'>;

export interface FollowUpFilter {
  departmentId?: number | undefined;
  state?: string | undefined;
  /** Open follow-ups whose due date is before this China date. */
  overdueOn?: string | undefined;
  offset: number;
  limit: number;
}

export interface RatingAggregate {
  key: string;
  /** JSON of the item name (by item only). */
  name: string | null;
  count: number;
  levelSum: number;
  good: number;
  bad: number;
}

export interface FollowUpAggregate {
  departmentId: number;
  total: number;
  answered: number;
  onTime: number;
  overdueOpen: number;
}

export interface IndicatorSums {
  count: number;
  overall: number;
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  usability: number;
}

const n = (v: unknown) => Number(v ?? 0);

export class RatingsRepo {
  async ratingByCase(db: Executor, caseId: number): Promise<Rating | undefined> {
    return q(db).selectFrom('services_ratings').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  }

  async ratingById(db: Executor, id: number): Promise<Rating | undefined> {
    return q(db).selectFrom('services_ratings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Inserts the rating; undefined when the case is already rated (the unique case_id decides, even under a race). */
  async insertRating(tx: Executor, row: Insertable<RatingRow>): Promise<number | undefined> {
    const r = await q(tx).insertInto('services_ratings').values(row).onConflict((oc) => oc.column('case_id').doNothing()).returning('id').executeTakeFirst();
    return r ? Number(r.id) : undefined;
  }

  async insertRatingDepartments(tx: Executor, ratingId: number, departmentIds: readonly number[], level: number, at: string): Promise<void> {
    if (departmentIds.length === 0) return;
    await q(tx)
      .insertInto('services_rating_departments')
      .values(departmentIds.map((department_id) => ({ rating_id: ratingId, department_id, level, created_at: at })))
      .execute();
  }

  async ratingDepartments(db: Executor, ratingId: number): Promise<number[]> {
    const rows = await q(db).selectFrom('services_rating_departments').select('department_id').where('rating_id', '=', ratingId).orderBy('department_id').execute();
    return rows.map((r) => r.department_id);
  }

  async insertFollowUp(tx: Executor, row: Insertable<FollowUpRow>): Promise<number> {
    const r = await q(tx).insertInto('services_rating_followups').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /** Locks the follow-up for the rest of the transaction (PostgreSQL; SQLite serialises writers). */
  async lockFollowUp(tx: Executor, id: number): Promise<FollowUp | undefined> {
    let query = q(tx).selectFrom('services_rating_followups').selectAll().where('id', '=', id);
    if (dialectOf(tx) === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async followUpById(db: Executor, id: number): Promise<FollowUpListed | undefined> {
    return this.listed(db).where('f.id', '=', id).executeTakeFirst();
  }

  async followUpsOfRating(db: Executor, ratingId: number): Promise<FollowUpListed[]> {
    return this.listed(db).where('f.rating_id', '=', ratingId).orderBy('f.id').execute();
  }

  async updateFollowUp(tx: Executor, id: number, set: Partial<Pick<FollowUpRow, 'state' | 'answered_at' | 'answered_on' | 'closed_at'>>): Promise<void> {
    await q(tx).updateTable('services_rating_followups').set(set).where('id', '=', id).execute();
  }

  async insertFollowUpAction(tx: Executor, row: Insertable<FollowUpActionRow>): Promise<void> {
    await q(tx).insertInto('services_rating_followup_actions').values(row).execute();
  }

  async followUpActions(db: Executor, followUpId: number): Promise<FollowUpAction[]> {
    return q(db).selectFrom('services_rating_followup_actions').selectAll().where('followup_id', '=', followUpId).orderBy('id').execute();
  }

  async listFollowUps(db: Executor, f: FollowUpFilter): Promise<{ rows: FollowUpListed[]; total: number }> {
    let query = this.listed(db);
    if (f.departmentId !== undefined) query = query.where('f.department_id', '=', f.departmentId);
    if (f.state !== undefined) query = query.where('f.state', '=', f.state);
    if (f.overdueOn !== undefined) query = query.where('f.state', '=', 'open').where('f.due_date', '<', f.overdueOn);
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query.orderBy('f.due_date').orderBy('f.id').offset(f.offset).limit(f.limit).execute();
    return { rows, total: n(total.n) };
  }

  /** Ratings per department (all departments, or one). */
  async byDepartment(db: Executor, f: { departmentId?: number | undefined; from?: string | undefined; to?: string | undefined }): Promise<RatingAggregate[]> {
    let query = q(db)
      .selectFrom('services_rating_departments')
      .select((eb) => [
        eb.ref('department_id').as('key'),
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('level').as('levelSum'),
        eb.fn.sum<number>(eb.case().when('level', '>=', GOOD_LEVEL).then(eb.lit(1)).else(eb.lit(0)).end()).as('good'),
        eb.fn.sum<number>(eb.case().when('level', '<=', BAD_LEVEL).then(eb.lit(1)).else(eb.lit(0)).end()).as('bad'),
      ])
      .groupBy('department_id')
      .orderBy('department_id');
    if (f.departmentId !== undefined) query = query.where('department_id', '=', f.departmentId);
    if (f.from !== undefined) query = query.where('created_at', '>=', f.from);
    if (f.to !== undefined) query = query.where('created_at', '<', f.to);
    const rows = await query.execute();
    return rows.map((r) => ({ key: String(r.key), name: null, count: n(r.count), levelSum: n(r.levelSum), good: n(r.good), bad: n(r.bad) }));
  }

  /** Ratings per item (of one department's cases, or all). */
  async byItem(db: Executor, f: { departmentId?: number | undefined; from?: string | undefined; to?: string | undefined }): Promise<RatingAggregate[]> {
    let query = q(db)
      .selectFrom('services_ratings as r')
      .select((eb) => [
        eb.ref('r.item_code').as('key'),
        eb.fn.max('r.item_name').as('name'),
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('r.level').as('levelSum'),
        eb.fn.sum<number>(eb.case().when('r.level', '>=', GOOD_LEVEL).then(eb.lit(1)).else(eb.lit(0)).end()).as('good'),
        eb.fn.sum<number>(eb.case().when('r.level', '<=', BAD_LEVEL).then(eb.lit(1)).else(eb.lit(0)).end()).as('bad'),
      ])
      .groupBy('r.item_code')
      .orderBy('r.item_code');
    if (f.departmentId !== undefined) {
      const dept = f.departmentId;
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('services_rating_departments as d').select('d.rating_id').whereRef('d.rating_id', '=', 'r.id').where('d.department_id', '=', dept)),
      );
    }
    if (f.from !== undefined) query = query.where('r.created_at', '>=', f.from);
    if (f.to !== undefined) query = query.where('r.created_at', '<', f.to);
    const rows = await query.execute();
    return rows.map((r) => ({ key: r.key, name: r.name, count: n(r.count), levelSum: n(r.levelSum), good: n(r.good), bad: n(r.bad) }));
  }

  /** Sums of the five indicators (of one department's cases, or all). */
  async indicatorSums(db: Executor, f: { departmentId?: number | undefined; from?: string | undefined; to?: string | undefined }): Promise<IndicatorSums> {
    let query = q(db)
      .selectFrom('services_ratings as r')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('r.overall').as('overall'),
        eb.fn.sum<number>('r.efficiency').as('efficiency'),
        eb.fn.sum<number>('r.guide_accuracy').as('guideAccuracy'),
        eb.fn.sum<number>('r.convenience').as('convenience'),
        eb.fn.sum<number>('r.usability').as('usability'),
      ]);
    if (f.departmentId !== undefined) {
      const dept = f.departmentId;
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('services_rating_departments as d').select('d.rating_id').whereRef('d.rating_id', '=', 'r.id').where('d.department_id', '=', dept)),
      );
    }
    if (f.from !== undefined) query = query.where('r.created_at', '>=', f.from);
    if (f.to !== undefined) query = query.where('r.created_at', '<', f.to);
    const r = await query.executeTakeFirstOrThrow();
    return { count: n(r.count), overall: n(r.overall), efficiency: n(r.efficiency), guideAccuracy: n(r.guideAccuracy), convenience: n(r.convenience), usability: n(r.usability) };
  }

  /** Follow-ups per department: answered, answered by the due date, open past it (on `today`). */
  async followUpsByDepartment(db: Executor, f: { departmentId?: number | undefined; today: string; from?: string | undefined; to?: string | undefined }): Promise<FollowUpAggregate[]> {
    let query = q(db)
      .selectFrom('services_rating_followups')
      .select((eb) => [
        'department_id',
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('answered_on', 'is not', null).then(eb.lit(1)).else(eb.lit(0)).end()).as('answered'),
        eb.fn.sum<number>(eb.case().when(sql<boolean>`answered_on <= due_date`).then(eb.lit(1)).else(eb.lit(0)).end()).as('onTime'),
        eb.fn.sum<number>(eb.case().when(eb.and([eb('state', '=', 'open'), eb('due_date', '<', f.today)])).then(eb.lit(1)).else(eb.lit(0)).end()).as('overdueOpen'),
      ])
      .groupBy('department_id')
      .orderBy('department_id');
    if (f.departmentId !== undefined) query = query.where('department_id', '=', f.departmentId);
    if (f.from !== undefined) query = query.where('created_at', '>=', f.from);
    if (f.to !== undefined) query = query.where('created_at', '<', f.to);
    const rows = await query.execute();
    return rows.map((r) => ({ departmentId: r.department_id, total: n(r.total), answered: n(r.answered), onTime: n(r.onTime), overdueOpen: n(r.overdueOpen) }));
  }

  private listed(db: Executor) {
    return q(db)
      .selectFrom('services_rating_followups as f')
      .innerJoin('services_ratings as r', 'r.id', 'f.rating_id')
      .selectAll('f')
      .select(['r.case_no', 'r.item_name', 'r.level', 'r.comment', 'r.applicant_user_id']);
  }
}
