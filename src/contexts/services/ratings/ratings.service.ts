import type { AnyDb } from '../../../db/database.ts';
import { toChinaDate, type WorkingCalendar } from '../../../kernel/calendar/calendar.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { canActOnOrg, hasScope, type Locale, type Principal } from '../../../kernel/principal.ts';
import { actorOf } from '../../identity/index.ts';
import type { AuditService } from '../../audit/index.ts';
import { toTaiwanTraditional } from '../chinese.ts';
import type { CaseLookup, DepartmentNames } from '../notifications/case-events.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { officerTextFor } from '../notifications/officer-text.ts';
import type { LocalizedText } from '../notifications/templates.ts';
import {
  BAD_LEVEL,
  INDICATORS,
  allowedFollowUpActions,
  nextFollowUpState,
  type FollowUpAction,
  type FollowUpState,
  type Indicator,
  type RatingInput,
} from './ratings.model.ts';
import { RatingsRepo, type FollowUpListed, type Rating, type RatingAggregate } from './ratings.repo.ts';

/** Applicants rate their own closed cases. */
export const SCOPE_APPLY = 'services.cases:apply';
/** Department officers answer follow-ups of their own department. */
export const SCOPE_HANDLE = 'services.cases:handle';
/** Bureau and auditor read every rating, follow-up and statistic. */
export const SCOPE_STATISTICS = 'services.statistics:read:all';
/** Ratings, follow-ups and statistics of one's own department (`:all`: every department; gates the console page). */
export const SCOPE_READ = 'services.ratings:read';
/** The bureau closes or returns answered follow-ups (整改销号). */
export const SCOPE_CLOSE = 'services.ratings:close:all';

export interface RatingDeps {
  db: AnyDb;
  audit: AuditService;
  calendar: WorkingCalendar;
  cases: CaseLookup;
  notifications: NotificationService;
  departmentName: DepartmentNames;
  /** Working days a department has to answer a bad rating (default 5). */
  followUpDays?: number | undefined;
  /** Injectable clock (tests run follow-ups past their due date). */
  now?: (() => Date) | undefined;
}

export interface FollowUpActionDto {
  action: FollowUpAction;
  actor: string;
  /** As the reader sees it: officer text converted for zh-TW, marked (原文) for English. */
  text: string | null;
  /** As written. */
  originalText: string | null;
  at: string;
}

export interface FollowUpDto {
  id: number;
  ratingId: number;
  caseId: number;
  caseNo: string;
  itemName: LocalizedText;
  level: number;
  comment: string | null;
  departmentId: number;
  departmentName: string;
  dueDate: string;
  state: FollowUpState;
  overdue: boolean;
  answeredAt: string | null;
  /** Answered by the due date; null while unanswered. */
  onTime: boolean | null;
  closedAt: string | null;
  allowedActions: FollowUpAction[];
  actions?: FollowUpActionDto[];
}

export interface RatingDto {
  id: number;
  caseId: number;
  caseNo: string;
  itemCode: string;
  itemName: LocalizedText;
  level: number;
  indicators: Record<Indicator, number>;
  comment: string | null;
  createdAt: string;
  departmentIds: number[];
  followUps: FollowUpDto[];
}

export interface StatisticsRow {
  key: string;
  name: string | LocalizedText;
  count: number;
  average: number | null;
  /** 好评率: share of 4–5 among all ratings, 0..1. */
  goodRate: number | null;
  bad: number;
}

export interface DepartmentStatisticsRow extends StatisticsRow {
  followUps: number;
  answered: number;
  answeredOnTime: number;
  overdueOpen: number;
}

export interface RatingStatistics {
  totals: { count: number; average: number | null; goodRate: number | null; bad: number; indicators: Record<Indicator, number | null> };
  byDepartment: DepartmentStatisticsRow[];
  byItem: StatisticsRow[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

/**
 * 好差评: one rating per case by its applicant after the case closed, five levels and the online
 * indicators; a 差评 (level ≤ 2) opens a follow-up (整改) for each department that handled the case,
 * due in `followUpDays` working days; statistics per department and item.
 */
export class RatingService {
  private readonly repo = new RatingsRepo();
  private readonly followUpDays: number;
  private readonly now: () => Date;

  constructor(private readonly deps: RatingDeps) {
    this.followUpDays = deps.followUpDays ?? 5;
    if (!Number.isInteger(this.followUpDays) || this.followUpDays < 1) throw new AppError('bad_request', 'followUpDays must be a positive integer');
    this.now = deps.now ?? (() => new Date());
  }

  async rate(p: Principal, caseId: number, input: RatingInput): Promise<RatingDto> {
    if (!hasScope(p, SCOPE_APPLY)) throw new AppError('forbidden', `missing scope ${SCOPE_APPLY}`, { scope: SCOPE_APPLY });
    const c = await this.deps.cases(caseId);
    if (!c) throw notFound('case', caseId);
    if (p.kind !== 'user' || c.applicantUserId !== p.id) throw new AppError('forbidden', 'only the applicant rates a case', { field: 'caseId' });
    if (!c.closed) throw new AppError('conflict', `case ${c.caseNo} is not closed yet: rate it after it is decided`, { reason: 'case_not_closed', field: 'caseId' });
    const at = this.now().toISOString();
    const today = toChinaDate(this.now());
    const ratingId = await this.deps.db.transaction().execute(async (tx) => {
      const id = await this.repo.insertRating(tx, {
        case_id: c.caseId,
        case_no: c.caseNo,
        item_code: c.itemCode,
        item_name: JSON.stringify(c.itemName),
        applicant_user_id: c.applicantUserId,
        level: input.level,
        overall: input.indicators.overall,
        efficiency: input.indicators.efficiency,
        guide_accuracy: input.indicators.guideAccuracy,
        convenience: input.indicators.convenience,
        usability: input.indicators.usability,
        comment: input.comment ? input.comment : null,
        created_at: at,
      });
      if (id === undefined) throw new AppError('conflict', `case ${c.caseNo} has already been rated (one rating per transaction)`, { reason: 'already_rated', field: 'caseId' });
      const departments = [...new Set(c.departmentIds)];
      await this.repo.insertRatingDepartments(tx, id, departments, input.level, at);
      const followUps: number[] = [];
      if (input.level <= BAD_LEVEL) {
        const dueDate = this.deps.calendar.addWorkingDays(today, this.followUpDays);
        for (const departmentId of departments) {
          const fid = await this.repo.insertFollowUp(tx, { rating_id: id, case_id: c.caseId, department_id: departmentId, due_date: dueDate, state: 'open', answered_at: null, answered_on: null, closed_at: null, created_at: at });
          await this.repo.insertFollowUpAction(tx, { followup_id: fid, action: 'open', actor: 'system', actor_org_id: null, text: null, at });
          followUps.push(fid);
          await this.deps.notifications.notifyDepartment(tx, {
            departmentId,
            template: 'rating.followup_opened',
            params: { item: c.itemName, caseNo: c.caseNo, level: input.level, dueDate },
            caseId: c.caseId,
            link: `/console/services/ratings?followUp=${fid}`,
          });
        }
      }
      await this.deps.audit.record(tx, actorOf(p), {
        action: 'services.rating.created',
        entityType: 'services_rating',
        entityId: id,
        detail: { caseId: c.caseId, caseNo: c.caseNo, level: input.level, followUps },
      });
      return id;
    });
    return this.ratingDto(p, (await this.repo.ratingById(this.deps.db, ratingId))!);
  }

  /** The rating of a case (null if not rated): its applicant, the departments that handled it, or bureau and auditor. */
  async forCase(p: Principal, caseId: number): Promise<RatingDto | null> {
    const rating = await this.repo.ratingByCase(this.deps.db, caseId);
    if (!rating) {
      const c = await this.deps.cases(caseId);
      if (!c || !this.maySeeCase(p, c.applicantUserId, c.departmentIds)) throw notFound('case', caseId);
      return null;
    }
    const departments = await this.repo.ratingDepartments(this.deps.db, rating.id);
    if (!this.maySeeCase(p, rating.applicant_user_id, departments)) throw notFound('case', caseId);
    return this.ratingDto(p, rating);
  }

  async listFollowUps(
    p: Principal,
    f: { state?: FollowUpState | undefined; overdue?: boolean | undefined; departmentId?: number | undefined; page: number; pageSize: number },
  ): Promise<{ items: FollowUpDto[]; total: number }> {
    const own = this.departmentFilter(p);
    if (own !== undefined && f.departmentId !== undefined && f.departmentId !== own)
      throw new AppError('forbidden', 'you may list only your own department’s follow-ups', { field: 'departmentId' });
    const departmentId = own ?? f.departmentId;
    const today = toChinaDate(this.now());
    const { rows, total } = await this.repo.listFollowUps(this.deps.db, {
      departmentId,
      state: f.state,
      overdueOn: f.overdue ? today : undefined,
      offset: (f.page - 1) * f.pageSize,
      limit: f.pageSize,
    });
    const items: FollowUpDto[] = [];
    for (const r of rows) items.push(await this.followUpDto(p, r, false));
    return { items, total };
  }

  async getFollowUp(p: Principal, id: number): Promise<FollowUpDto> {
    const f = await this.repo.followUpById(this.deps.db, id);
    if (!f || !this.maySeeFollowUp(p, f)) throw notFound('follow-up', id);
    return this.followUpDto(p, f, true);
  }

  /** The department writes what it did (回访核实、整改情况). */
  async answer(p: Principal, id: number, text: string): Promise<FollowUpDto> {
    return this.act(p, id, 'answer', text, (f) => {
      if (!canActOnOrg(p, SCOPE_HANDLE, f.department_id)) throw new AppError('forbidden', 'only the department that handled the case answers its follow-up');
    });
  }

  /** The bureau accepts the answer (销号). */
  async close(p: Principal, id: number, note: string | null): Promise<FollowUpDto> {
    return this.act(p, id, 'close', note, () => {
      if (!hasScope(p, SCOPE_CLOSE)) throw new AppError('forbidden', `missing scope ${SCOPE_CLOSE}`, { scope: SCOPE_CLOSE });
    });
  }

  /** The bureau sends the answer back to the department. */
  async returnToDepartment(p: Principal, id: number, note: string): Promise<FollowUpDto> {
    return this.act(p, id, 'return', note, () => {
      if (!hasScope(p, SCOPE_CLOSE)) throw new AppError('forbidden', `missing scope ${SCOPE_CLOSE}`, { scope: SCOPE_CLOSE });
    });
  }

  /** The applicant is satisfied with the answer. */
  async confirm(p: Principal, id: number): Promise<FollowUpDto> {
    return this.act(p, id, 'confirm', null, (f) => {
      if (!hasScope(p, SCOPE_APPLY) || p.kind !== 'user' || f.applicant_user_id !== p.id) throw new AppError('forbidden', 'only the applicant confirms the answer to their rating');
    });
  }

  async statistics(p: Principal, f: { from?: string | undefined; to?: string | undefined }): Promise<RatingStatistics> {
    const departmentId = this.departmentFilter(p);
    const window = { departmentId, from: f.from ? `${f.from}T00:00:00.000Z` : undefined, to: f.to ? `${f.to}T23:59:59.999Z` : undefined };
    const [depts, items, sums, fus] = await Promise.all([
      this.repo.byDepartment(this.deps.db, window),
      this.repo.byItem(this.deps.db, window),
      this.repo.indicatorSums(this.deps.db, window),
      this.repo.followUpsByDepartment(this.deps.db, { ...window, today: toChinaDate(this.now()) }),
    ]);
    const fuBy = new Map(fus.map((x) => [x.departmentId, x]));
    const byDepartment: DepartmentStatisticsRow[] = [];
    for (const d of depts) {
      const fu = fuBy.get(Number(d.key));
      byDepartment.push({
        ...this.statRow(d, await this.departmentLabel(Number(d.key), p.locale)),
        followUps: fu?.total ?? 0,
        answered: fu?.answered ?? 0,
        answeredOnTime: fu?.onTime ?? 0,
        overdueOpen: fu?.overdueOpen ?? 0,
      });
    }
    const byItem = items.map((i) => this.statRow(i, i.name ? (JSON.parse(i.name) as LocalizedText) : i.key));
    const count = sums.count;
    const levelSum = items.reduce((s, i) => s + i.levelSum, 0);
    const good = items.reduce((s, i) => s + i.good, 0);
    const bad = items.reduce((s, i) => s + i.bad, 0);
    const indicators = Object.fromEntries(INDICATORS.map((k) => [k, count === 0 ? null : round2(sums[k] / count)])) as Record<Indicator, number | null>;
    return {
      totals: { count, average: count === 0 ? null : round2(levelSum / count), goodRate: ratio(good, count), bad, indicators },
      byDepartment,
      byItem,
    };
  }

  // ---- internals -------------------------------------------------------------------------------

  private async act(p: Principal, id: number, action: FollowUpAction, text: string | null, authorise: (f: FollowUpListed) => void): Promise<FollowUpDto> {
    const listed = await this.repo.followUpById(this.deps.db, id);
    if (!listed || !this.maySeeFollowUp(p, listed)) throw notFound('follow-up', id);
    authorise(listed);
    const at = this.now().toISOString();
    await this.deps.db.transaction().execute(async (tx) => {
      const f = (await this.repo.lockFollowUp(tx, id))!;
      const state = nextFollowUpState(f.state as FollowUpState, action);
      await this.repo.insertFollowUpAction(tx, { followup_id: id, action, actor: `${p.kind}:${p.id}`, actor_org_id: p.orgId, text, at });
      await this.repo.updateFollowUp(tx, id, {
        state,
        ...(action === 'answer' && f.answered_at === null ? { answered_at: at, answered_on: toChinaDate(this.now()) } : {}),
        ...(state === 'closed' ? { closed_at: at } : {}),
      });
      await this.deps.audit.record(tx, actorOf(p), {
        action: `services.rating.followup.${action === 'return' ? 'returned' : action === 'answer' ? 'answered' : action === 'close' ? 'closed' : 'confirmed'}`,
        entityType: 'services_rating_followup',
        entityId: id,
        detail: { caseId: f.case_id, from: f.state, to: state },
      });
      const itemName = JSON.parse(listed.item_name) as LocalizedText;
      if (action === 'answer' && text !== null)
        await this.deps.notifications.notify(tx, {
          userId: listed.applicant_user_id,
          template: 'rating.followup_answered',
          params: { item: itemName, caseNo: listed.case_no, answer: { officerText: text } },
          caseId: f.case_id,
          link: `/portal/services/cases/${f.case_id}`,
        });
      if (action === 'return')
        await this.deps.notifications.notifyDepartment(tx, {
          departmentId: f.department_id,
          template: 'rating.followup_returned',
          params: { item: itemName, caseNo: listed.case_no, note: { officerText: text ?? '' } },
          caseId: f.case_id,
          link: `/console/services/ratings?followUp=${id}`,
        });
    });
    return this.getFollowUp(p, id);
  }

  private readsAll(p: Principal): boolean {
    return hasScope(p, SCOPE_STATISTICS) || hasScope(p, `${SCOPE_READ}:all`);
  }

  /** undefined: every department; else the principal's own (services.ratings:read). */
  private departmentFilter(p: Principal): number | undefined {
    if (this.readsAll(p)) return undefined;
    if (!hasScope(p, SCOPE_READ) || p.orgId === null) throw new AppError('forbidden', `missing scope ${SCOPE_READ}`, { scope: SCOPE_READ });
    return p.orgId;
  }

  private readsDepartment(p: Principal, departmentId: number): boolean {
    return canActOnOrg(p, SCOPE_READ, departmentId) || canActOnOrg(p, SCOPE_HANDLE, departmentId);
  }

  private maySeeCase(p: Principal, applicantUserId: number, departmentIds: readonly number[]): boolean {
    if (this.readsAll(p)) return true;
    if (p.kind === 'user' && p.id === applicantUserId && hasScope(p, SCOPE_APPLY)) return true;
    return departmentIds.some((d) => this.readsDepartment(p, d));
  }

  private maySeeFollowUp(p: Principal, f: FollowUpListed): boolean {
    if (this.readsAll(p)) return true;
    if (p.kind === 'user' && p.id === f.applicant_user_id && hasScope(p, SCOPE_APPLY)) return true;
    return this.readsDepartment(p, f.department_id);
  }

  private async ratingDto(p: Principal, r: Rating): Promise<RatingDto> {
    const followUps: FollowUpDto[] = [];
    for (const f of await this.repo.followUpsOfRating(this.deps.db, r.id)) if (this.maySeeFollowUp(p, f)) followUps.push(await this.followUpDto(p, f, true));
    return {
      id: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      itemCode: r.item_code,
      itemName: JSON.parse(r.item_name) as LocalizedText,
      level: r.level,
      indicators: { overall: r.overall, efficiency: r.efficiency, guideAccuracy: r.guide_accuracy, convenience: r.convenience, usability: r.usability },
      comment: r.comment,
      createdAt: r.created_at,
      departmentIds: await this.repo.ratingDepartments(this.deps.db, r.id),
      followUps,
    };
  }

  private async followUpDto(p: Principal, f: FollowUpListed, withActions: boolean): Promise<FollowUpDto> {
    const state = f.state as FollowUpState;
    const today = toChinaDate(this.now());
    const dto: FollowUpDto = {
      id: f.id,
      ratingId: f.rating_id,
      caseId: f.case_id,
      caseNo: f.case_no,
      itemName: JSON.parse(f.item_name) as LocalizedText,
      level: f.level,
      comment: f.comment,
      departmentId: f.department_id,
      departmentName: await this.departmentLabel(f.department_id, p.locale),
      dueDate: f.due_date,
      state,
      overdue: state === 'open' && f.due_date < today,
      answeredAt: f.answered_at,
      onTime: f.answered_on === null ? null : f.answered_on <= f.due_date,
      closedAt: f.closed_at,
      allowedActions: allowedFollowUpActions(state),
    };
    if (withActions)
      dto.actions = (await this.repo.followUpActions(this.deps.db, f.id)).map((a) => ({
        action: a.action as FollowUpAction,
        actor: a.actor,
        text: a.text === null ? null : officerTextFor(a.text, p.locale),
        originalText: a.text,
        at: a.at,
      }));
    return dto;
  }

  /** A department's name in the reader's language: Taiwan Traditional for zh-TW, the English name (if any) for en. */
  private async departmentLabel(id: number, locale: Locale): Promise<string> {
    const n = await this.deps.departmentName(id);
    if (!n) return `#${id}`;
    if (locale === 'zh-TW') return toTaiwanTraditional(n.name);
    return locale === 'en' && n.nameEn ? n.nameEn : n.name;
  }

  private statRow(a: RatingAggregate, name: string | LocalizedText): StatisticsRow {
    return { key: a.key, name, count: a.count, average: a.count === 0 ? null : round2(a.levelSum / a.count), goodRate: ratio(a.good, a.count), bad: a.bad };
  }
}
