/**
 * Applications and cases (办件): a citizen or company applies for a service item, the case runs on
 * its process definition (workflow/engine.ts) and officers act on their department's tasks. Every
 * action appends to services_case_actions and, in the same transaction, writes the projection
 * (case row + task rows = fold of the log), the audit event and any timer job it arms.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AnyDb, Executor } from '../../../db/database.ts';
import type { BlobStore } from '../../../kernel/blob/blob-store.ts';
import { toChinaDate, type WorkingCalendar } from '../../../kernel/calendar/calendar.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm3 } from '../../../kernel/crypto/sm.ts';
import { AppError, illegalTransition, notFound } from '../../../kernel/errors.ts';
import { hasScope, type Principal } from '../../../kernel/principal.ts';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../../audit/index.ts';
import { actorOf } from '../../identity/index.ts';
import type { EnqueueOptions, JobHandler, HandlerOptions } from '../../jobs/index.ts';
import { loadDefinitions, parseDefinition, type Duration, type LocalizedText, type ProcessDefinition, type TaskNode } from '../workflow/definition.ts';
import {
  allowedActions,
  APPLICANT,
  ITEM_DEPARTMENT,
  expectAllowed,
  fold,
  resolveTask,
  taskActionSpec,
  type ActionRecord,
  type CaseStatus,
  type PendingTimer,
  type ProcessState,
} from '../workflow/engine.ts';
import { expectAttachmentType } from './attachment-type.ts';
import { CasesRepo, type InboxRow, type StoredAction, type StoredAttachment, type StoredCase } from './cases.repo.ts';
import { ConsentService, type ConsentDto, type ConsentState, type ConsentValidDays } from './consent.service.ts';
import { CaseEvents, type CaseEventListener } from './events.ts';
import { toTaiwanTraditional } from '../chinese.ts';
import { validateForm } from './form.ts';
import type { CaseItem, IdentitySource, ItemSource, OrgDirectory, PrefilledValue, PrefillProvenance, PrefillSource, UserDirectory } from './ports.ts';

export const TIMER_JOB = 'services.timer';
/** Daily: tells the deadline listener (notifications) about open cases due soon or overdue. */
export const DEADLINE_SCAN_JOB = 'services.cases.deadline-scan';
export const APPLY_SCOPE = 'services.cases:apply';
export const HANDLE_SCOPE = 'services.cases:handle';
export const READ_ALL_SCOPE = 'services.cases:read:all';
export const STATISTICS_ALL_SCOPE = 'services.statistics:read:all';
const APPLICANT_ACTIONS = new Set(['resubmit', 'withdraw']);
const KIND_RE = /^[a-z][a-z_]{0,39}$/;

/** The part of the job queue cases need (jobs context). */
export interface CaseJobs {
  register<P>(type: string, handler: JobHandler<P>, opts?: HandlerOptions): void;
  enqueue(type: string, payload: unknown, opts?: EnqueueOptions, tx?: Executor): Promise<number>;
}

export interface CaseDeps {
  db: AnyDb;
  audit: AuditService;
  jobs: CaseJobs;
  blobs: BlobStore;
  calendar: WorkingCalendar;
  items: ItemSource;
  identities: IdentitySource;
  orgs: OrgDirectory;
  users?: UserDirectory | undefined;
  prefill?: PrefillSource | undefined;
  /** 32 bytes sealing identity numbers at rest (the same key as the accounts' `idKey`). */
  idKey: Buffer;
  /** Injectable clock (tests, demo). */
  now?: (() => Date) | undefined;
  /** Largest attachment in bytes (default 20 MiB). */
  uploadLimit?: number | undefined;
  /** A case with this many working days left or fewer is `due_soon` (default 2). */
  dueSoonWorkingDays?: number | undefined;
  /** A second identical open application by the same applicant within this window is refused (default 10 s). */
  duplicateWindowMs?: number | undefined;
  /** Called by the deadline scan for each open case due soon or overdue (notifications subscribe). */
  onDeadline?: ((caseId: number, kind: 'due_soon' | 'overdue', deadline: string) => Promise<void>) | undefined;
  /** Where the process definitions are read from (default workflow/definitions). */
  definitionsDir?: string | undefined;
}

export interface SubmitInput {
  itemCode: string;
  form: Record<string, unknown>;
}

export interface ActionInput {
  action: string;
  taskId?: string | undefined;
  reason?: string | undefined;
  missing?: string[] | undefined;
  to?: { userId?: number | undefined; department?: string | undefined } | undefined;
  /** resubmit: the corrected form. */
  form?: Record<string, unknown> | undefined;
}

export type DueStatus = 'on_track' | 'due_soon' | 'overdue';

/** A closed case as the archive receives it (caseArchivePackage). */
export interface CaseArchivePackage {
  caseId: number;
  caseNo: string;
  item: { code: string; version: number; name: LocalizedText };
  department: { orgId: number; code: string; name: string };
  applicant: { name: string; kind: string };
  outcome: string;
  submittedAt: string;
  acceptedAt: string | null;
  closedAt: string;
  form: Record<string, unknown>;
  timeline: { seq: number; action: string; taskId: string | null; actorName: string | null; at: string; detail: Record<string, unknown> }[];
  attachments: { kind: string; filename: string; mediaType: string; size: number; sm3: string; open: () => Promise<Readable> }[];
}

export interface DepartmentRef {
  id: number | null;
  code: string;
  name: string;
  nameEn: string | null;
  /** The name in Traditional Chinese with Taiwan usage, for zh-TW readers (converted from `name`). */
  nameZhTw: string;
}

/** A department as cases show it, from what identity knows of the organisation. */
function departmentRef(id: number | null, code: string, name: string, nameEn: string | null): DepartmentRef {
  return { id, code, name, nameEn, nameZhTw: toTaiwanTraditional(name) };
}

export interface CaseTaskDto {
  id: string;
  name: LocalizedText;
  department: DepartmentRef;
  assigneeUserId: number | null;
  status: string;
  openedAt: string;
  closedAt: string | null;
  completedBy: string | null;
  escalated: boolean;
  requiredDocuments: { kind: string; name: LocalizedText; attached: boolean }[];
  dataExchanges: { department: string; dataset?: string | undefined; data: LocalizedText }[];
}

export interface AllowedActionDto {
  action: string;
  taskId: string | null;
  name: LocalizedText | null;
  requiresReason: boolean;
}

export interface CaseSummary {
  id: number;
  number: string;
  item: { code: string; version: number; name: LocalizedText };
  processKey: string;
  state: string;
  outcome: string | null;
  submittedAt: string;
  acceptedAt: string | null;
  closedAt: string | null;
  deadline: string | null;
  due: DueStatus | null;
}

export interface CaseDto extends CaseSummary {
  process: { key: string; version: number; name: LocalizedText };
  department: DepartmentRef;
  applicant: { userId: number; orgId: number | null; name: string; kind: string };
  promisedDays: number;
  workingDaysLeft: number | null;
  form: Record<string, unknown>;
  prefill: Record<string, PrefillProvenance>;
  correctionRequested: boolean;
  missing: string[];
  tasks: CaseTaskDto[];
  allowedActions: AllowedActionDto[];
  timers: { id: string; dueAt: string }[];
  attachments: { id: number; kind: string; filename: string; mediaType: string; size: number; sm3: string; uploadedAt: string }[];
  timeline: { seq: number; action: string; taskId: string | null; actor: string; actorName: string | null; at: string; detail: Record<string, unknown> }[];
}

export interface InboxItem {
  taskRowId: number;
  taskId: string;
  name: LocalizedText;
  status: string;
  escalated: boolean;
  assigneeUserId: number | null;
  openedAt: string;
  dueDate: string | null;
  due: DueStatus | null;
  case: { id: number; number: string; itemName: LocalizedText; state: string; applicantName: string; submittedAt: string; deadline: string | null };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface StatisticsRow {
  department: DepartmentRef;
  received: number;
  closed: number;
  closedOnTime: number;
  onTimeRate: number | null;
  open: number;
  overdue: number;
}

interface Projection {
  state: CaseStatus;
  outcome: string | null;
  acceptedAt: string | null;
  closedAt: string | null;
  deadline: string | null;
  tasks: { node: string; department: string; assigneeUserId: number | null; status: string; escalated: boolean; openedAt: string; closedAt: string | null; dueDate: string | null }[];
}

/** What one appended action wrote: the case row after it, the action row and the task rows' department and status. */
interface Appended {
  state: ProcessState;
  row: StoredCase;
  action: StoredAction;
  tasks: { department_org_id: number; status: string }[];
}

const json = <T>(s: string): T => JSON.parse(s) as T;

export class CaseService {
  readonly repo = new CasesRepo();
  private readonly now: () => Date;
  private readonly definitions = new Map<string, ProcessDefinition>();
  private readonly orgCodes = new Map<string, DepartmentRef>();
  private readonly orgIds = new Map<number, DepartmentRef>();

  private readonly events = new CaseEvents();

  /**
   * Subscribes to this service's case actions: the listener runs inside each action's transaction, with it (see
   * events.ts). Returns the function that unsubscribes.
   */
  onEvent(listener: CaseEventListener): () => void {
    return this.events.on(listener);
  }

  /** Consent to prefill and the lookups made under it (consent.service.ts). */
  readonly consents: ConsentService;

  constructor(private readonly deps: CaseDeps) {
    this.now = deps.now ?? (() => new Date());
    this.consents = new ConsentService({ db: deps.db, audit: deps.audit, prefill: deps.prefill, idKey: deps.idKey, now: this.now });
  }

  get db(): AnyDb {
    return this.deps.db;
  }

  today(): string {
    return toChinaDate(this.now());
  }

  private instant(): string {
    return this.now().toISOString();
  }

  // ---- process definitions --------------------------------------------------------------------

  /**
   * Stores every shipped definition whose content is new or changed as the next version of its key
   * (in-flight cases keep theirs). Run at start; safe with several processes starting at once.
   */
  async syncDefinitions(): Promise<{ key: string; version: number }[]> {
    const out: { key: string; version: number }[] = [];
    for (const def of loadDefinitions(this.deps.definitionsDir)) {
      // Stored as written (the order of actions is the order offered); compared by the SM3 of its canonical JSON.
      const text = JSON.stringify(def);
      const hash = sm3(canonicalJson(def));
      for (;;) {
        const latest = await this.repo.latestDefinition(this.db, def.key);
        if (latest && latest.sm3 === hash) {
          out.push({ key: def.key, version: latest.version });
          break;
        }
        const version = (latest?.version ?? 0) + 1;
        if (await this.repo.insertDefinition(this.db, { key: def.key, version, sm3: hash, definition: text, created_at: this.instant() })) {
          out.push({ key: def.key, version });
          break;
        }
      }
    }
    return out;
  }

  async definition(key: string, version: number, e: Executor = this.db): Promise<ProcessDefinition> {
    const k = `${key}@${version}`;
    let def = this.definitions.get(k);
    if (!def) {
      const row = await this.repo.definition(e, key, version);
      if (!row) throw notFound('process definition', k);
      def = parseDefinition(json(row.definition), k);
      this.definitions.set(k, def);
    }
    return def;
  }

  /** The newest version of a process (what a new case starts on). */
  async currentProcess(key: string): Promise<{ version: number; definition: ProcessDefinition }> {
    const row = await this.repo.latestDefinition(this.db, key);
    if (!row) throw new AppError('unprocessable', `no process definition "${key}"`, { field: 'processKey' });
    return { version: row.version, definition: await this.definition(key, row.version) };
  }

  // ---- departments ----------------------------------------------------------------------------

  private async departmentByCode(code: string): Promise<DepartmentRef> {
    let d = this.orgCodes.get(code);
    if (!d) {
      const o = await this.deps.orgs.byCode(code);
      if (!o) return departmentRef(null, code, code, null);
      d = departmentRef(o.id, o.code, o.name, o.nameEn);
      this.orgCodes.set(code, d);
      this.orgIds.set(o.id, d);
    }
    return d;
  }

  private async departmentById(id: number): Promise<DepartmentRef> {
    let d = this.orgIds.get(id);
    if (!d) {
      const o = await this.deps.orgs.byId(id);
      d = o ? departmentRef(o.id, o.code, o.name, o.nameEn) : departmentRef(id, `#${id}`, `#${id}`, null);
      if (o) {
        this.orgIds.set(id, d);
        this.orgCodes.set(d.code, d);
      }
    }
    return d;
  }

  private async departmentIdOf(code: string): Promise<number> {
    const d = await this.departmentByCode(code);
    if (d.id === null) throw new AppError('unprocessable', `department ${code} does not exist`, { department: code });
    return d.id;
  }

  // ---- time limits ----------------------------------------------------------------------------

  /** Deadline = the promised number of working days after the acceptance date (China date). */
  deadlineOf(acceptedAt: string | null, promisedDays: number): string | null {
    return acceptedAt ? this.deps.calendar.addWorkingDays(toChinaDate(new Date(acceptedAt)), promisedDays) : null;
  }

  workingDaysLeft(deadline: string | null, today = this.today()): number | null {
    if (!deadline) return null;
    try {
      return this.deps.calendar.workingDaysBetween(today, deadline);
    } catch {
      return null;
    }
  }

  /** due_soon at ≤ N working days left (default 2), overdue once the deadline day has passed. */
  dueStatus(deadline: string | null, closed: boolean, today = this.today()): DueStatus | null {
    if (!deadline || closed) return null;
    if (today > deadline) return 'overdue';
    const left = this.workingDaysLeft(deadline, today);
    return left !== null && left <= (this.deps.dueSoonWorkingDays ?? 2) ? 'due_soon' : 'on_track';
  }

  /** When a pending timer fires: working days from the China date it was armed (at 09:00 Beijing time), or hours. */
  timerDueAt(t: { armedAt: string; duration: Duration }): Date {
    if ('hours' in t.duration) return new Date(Date.parse(t.armedAt) + t.duration.hours * 3600_000);
    const day = this.deps.calendar.addWorkingDays(toChinaDate(new Date(t.armedAt)), t.duration.workingDays);
    return new Date(`${day}T09:00:00+08:00`);
  }

  // ---- the log, the projection and the timers -------------------------------------------------

  private history(rows: StoredAction[]): ActionRecord[] {
    return rows.map((r) => ({ seq: r.seq, action: r.action, taskId: r.task_node, at: r.at, detail: json<Record<string, unknown>>(r.detail) }));
  }

  private projection(s: ProcessState, promisedDays: number): Projection {
    const deadline = this.deadlineOf(s.acceptedAt, promisedDays);
    return {
      state: s.status,
      outcome: s.outcome,
      acceptedAt: s.acceptedAt,
      closedAt: s.closedAt,
      deadline,
      tasks: Object.values(s.tasks).map((t) => ({
        node: t.id,
        department: t.department,
        assigneeUserId: t.assigneeUserId,
        status: t.status,
        escalated: t.escalated,
        openedAt: t.openedAt,
        closedAt: t.closedAt,
        dueDate: deadline,
      })),
    };
  }

  /** Appends one action and writes everything that follows from it, in the caller's transaction. */
  private async append(
    tx: Executor,
    c: StoredCase,
    def: ProcessDefinition,
    records: ActionRecord[],
    a: { action: string; taskId: string | null; detail: Record<string, unknown> },
    actor: Actor,
    actorName: string | null,
    audit: Record<string, unknown> = {},
  ): Promise<Appended> {
    const at = this.instant();
    const record: ActionRecord = { seq: records.length + 1, action: a.action, taskId: a.taskId, at, detail: a.detail };
    const before = fold(def, records);
    const after = fold(def, [...records, record]);
    const actionRow = { case_id: c.id, seq: record.seq, action: a.action, task_node: a.taskId, actor: canonicalJson(actor), actor_name: actorName, detail: canonicalJson(a.detail), at };
    const actionId = await this.repo.insertAction(tx, actionRow);
    const p = this.projection(after, c.promised_days);
    const caseSet = {
      state: p.state,
      outcome: p.outcome,
      accepted_at: p.acceptedAt,
      closed_at: p.closedAt,
      closed_on: p.closedAt ? toChinaDate(new Date(p.closedAt)) : null,
      deadline: p.deadline,
      last_seq: record.seq,
      updated_at: at,
      ...(a.action === 'resubmit' && a.detail.form ? { form: canonicalJson(a.detail.form) } : {}),
    };
    await this.repo.updateCase(tx, c.id, caseSet);
    const rows = new Map((await this.repo.tasksOf(tx, c.id)).map((r) => [r.node, r]));
    const taskRows: Appended['tasks'] = [];
    for (const t of p.tasks) {
      const set = {
        department_org_id: await this.departmentIdOf(t.department),
        assignee_user_id: t.assigneeUserId,
        status: t.status,
        escalated: t.escalated ? 1 : 0,
        opened_at: t.openedAt,
        closed_at: t.closedAt,
        due_date: t.dueDate,
      };
      taskRows.push({ department_org_id: set.department_org_id, status: set.status });
      const row = rows.get(t.node);
      if (!row) await this.repo.insertTask(tx, { case_id: c.id, case_number: c.number, node: t.node, ...set });
      else if ((Object.keys(set) as (keyof typeof set)[]).some((k) => row[k] !== set[k])) await this.repo.updateTask(tx, c.id, t.node, set);
    }
    // A timer this action armed is a job due when it fires, committed with the action.
    const armed = (t: PendingTimer) => !before.timers.some((b) => b.id === t.id && b.armedSeq === t.armedSeq);
    for (const t of after.timers.filter(armed)) {
      await this.deps.jobs.enqueue(TIMER_JOB, { caseId: c.id, timerId: t.id, armedSeq: t.armedSeq }, { runAt: this.timerDueAt(t), idempotencyKey: `services.timer:${c.id}:${t.id}:${t.armedSeq}` }, tx);
    }
    await this.deps.audit.record(tx, actor, {
      action: `services.case.${a.action}`,
      entityType: 'services_case',
      entityId: c.id,
      detail: { number: c.number, seq: record.seq, taskId: a.taskId, state: p.state, ...audit },
    });
    // The subscribers queue what follows (notifications, archiving) in this transaction: committed with the action.
    await this.events.emit(
      {
        caseId: c.id,
        caseNumber: c.number,
        action: a.action,
        state: p.state,
        applicantUserId: c.applicant_user_id,
        // Open tasks' departments; once closed, every department that handled it.
        departmentIds: [...new Set(taskRows.filter((t) => p.closedAt !== null || t.status === 'open').map((t) => t.department_org_id))],
      },
      tx,
    );
    return { state: after, row: { ...c, ...caseSet }, action: { id: actionId, ...actionRow }, tasks: taskRows };
  }

  /** A case as notifications and 好差评 need it (no principal: the caller is the platform). */
  async caseLookup(caseId: number): Promise<
    | {
        caseId: number;
        caseNo: string;
        itemCode: string;
        itemName: LocalizedText;
        applicantUserId: number;
        departmentIds: number[];
        closed: boolean;
        outcome: string | null;
        deadline: string | null;
        latestNote: { text: string | null; missingItems: string[] } | null;
      }
    | undefined
  > {
    const c = await this.repo.caseById(this.db, caseId);
    if (!c) return undefined;
    const tasks = await this.repo.tasksOf(this.db, caseId);
    const last = (await this.repo.actions(this.db, caseId)).filter((a) => a.task_node !== null).at(-1);
    const d = last ? json<Record<string, unknown>>(last.detail) : {};
    return {
      caseId,
      caseNo: c.number,
      itemCode: c.item_code,
      itemName: json<LocalizedText>(c.item_name),
      applicantUserId: c.applicant_user_id,
      departmentIds: [...new Set(tasks.filter((t) => c.closed_at !== null || t.status === 'open' || t.status === 'awaiting_applicant').map((t) => t.department_org_id))],
      closed: c.closed_at !== null,
      outcome: c.outcome,
      deadline: c.deadline,
      latestNote: last ? { text: typeof d.reason === 'string' ? d.reason : null, missingItems: Array.isArray(d.missing) ? d.missing.map(String) : [] } : null,
    };
  }

  /** Cases closed (approved, rejected, withdrawn) after the cursor, oldest first: the archive's collector reads these. */
  async closedCasesSince(cursor: { at: string; id: number } | null, limit: number): Promise<{ id: number; closedAt: string }[]> {
    return (await this.repo.closedSince(this.db, cursor ?? { at: '', id: 0 }, limit)).map((r) => ({ id: r.id, closedAt: r.closed_at }));
  }

  /**
   * What the archive keeps of a closed case (no principal: the caller is the platform): the case summary
   * (form, timeline, decision) and its attachments, opened as streams when the archive reads them.
   * Undefined while the case is open.
   */
  async caseArchivePackage(caseId: number): Promise<CaseArchivePackage | undefined> {
    const c = await this.repo.caseById(this.db, caseId);
    if (!c || c.closed_at === null) return undefined;
    const department = await this.departmentById(c.department_org_id);
    const actions = await this.repo.actions(this.db, caseId);
    const attachments = await this.repo.attachments(this.db, caseId);
    return {
      caseId,
      caseNo: c.number,
      item: { code: c.item_code, version: c.item_version, name: json<LocalizedText>(c.item_name) },
      department: { orgId: c.department_org_id, code: department.code, name: department.name },
      applicant: { name: c.applicant_name, kind: c.applicant_kind },
      outcome: c.outcome ?? c.state,
      submittedAt: c.submitted_at,
      acceptedAt: c.accepted_at,
      closedAt: c.closed_at,
      form: json<Record<string, unknown>>(c.form),
      timeline: actions.map((a) => ({ seq: a.seq, action: a.action, taskId: a.task_node, actorName: a.actor_name, at: a.at, detail: timelineDetail(json<Record<string, unknown>>(a.detail)) })),
      attachments: attachments.map((a) => ({ kind: a.kind, filename: a.filename, mediaType: a.media_type, size: a.size, sm3: a.sm3, open: () => this.deps.blobs.get(a.blob_key) })),
    };
  }

  /** The stored projection next to the fold of the stored log (they must be equal). */
  async replay(caseId: number): Promise<{ stored: Projection; folded: Projection }> {
    const c = await this.repo.caseById(this.db, caseId);
    if (!c) throw notFound('case', caseId);
    const def = await this.definition(c.process_key, c.process_version);
    const folded = this.projection(fold(def, this.history(await this.repo.actions(this.db, caseId))), c.promised_days);
    const tasks = await this.repo.tasksOf(this.db, caseId);
    const stored: Projection = {
      state: c.state as CaseStatus,
      outcome: c.outcome,
      acceptedAt: c.accepted_at,
      closedAt: c.closed_at,
      deadline: c.deadline,
      tasks: await Promise.all(
        tasks.map(async (t) => ({
          node: t.node,
          department: (await this.departmentById(t.department_org_id)).code,
          assigneeUserId: t.assignee_user_id,
          status: t.status,
          escalated: t.escalated === 1,
          openedAt: t.opened_at,
          closedAt: t.closed_at,
          dueDate: t.due_date,
        })),
      ),
    };
    return { stored, folded };
  }

  // ---- applying -------------------------------------------------------------------------------

  private requireApplicant(p: Principal): void {
    if (!hasScope(p, APPLY_SCOPE)) throw new AppError('forbidden', `missing scope ${APPLY_SCOPE}`, { scope: APPLY_SCOPE });
    if (p.kind !== 'user') throw new AppError('forbidden', 'applications are made by a signed-in person, not an API token');
  }

  private async item(code: string): Promise<CaseItem> {
    const item = await this.deps.items(code);
    if (!item) throw notFound('service item', code);
    return item;
  }

  /**
   * What the government already holds for this applicant and item, with the source of each field,
   * looked up through the exchange under the applicant's consent (409 consent_required without one).
   */
  async prefillFor(p: Principal, itemCode: string): Promise<Record<string, PrefilledValue>> {
    this.requireApplicant(p);
    const item = await this.item(itemCode);
    const found = await this.consents.prefill(p, await this.deps.identities(p.id), item, true);
    if (!found) return {};
    await this.db.transaction().execute((tx) => this.consents.recordLookups(tx, p, found.consentId, null, found.lookups));
    return found.values;
  }

  /** What prefilling an item would look up for the applicant (datasets, departments, fields, purpose) and their consent, if any. */
  async prefillConsentState(p: Principal, itemCode: string): Promise<ConsentState> {
    this.requireApplicant(p);
    const item = await this.item(itemCode);
    return this.consents.state(p, await this.deps.identities(p.id), item);
  }

  /** The applicant consents to the prefill lookups of an item for `validDays` days (365 unless chosen). */
  async consentToPrefill(p: Principal, itemCode: string, validDays?: ConsentValidDays): Promise<ConsentDto> {
    this.requireApplicant(p);
    const item = await this.item(itemCode);
    return this.consents.consent(p, await this.deps.identities(p.id), item, validDays);
  }

  async revokePrefillConsent(p: Principal, id: number, reason?: string): Promise<ConsentDto> {
    this.requireApplicant(p);
    return this.consents.revoke(p, id, reason);
  }

  /** The applicant's consents, newest first, each with the lookups made under it. */
  async myPrefillConsents(p: Principal): Promise<ConsentDto[]> {
    this.requireApplicant(p);
    return this.consents.mine(p);
  }

  async submit(p: Principal, input: SubmitInput): Promise<CaseDto> {
    this.requireApplicant(p);
    const item = await this.item(input.itemCode);
    const identity = await this.deps.identities(p.id);
    if (item.requiresVerifiedIdentity && identity?.verification !== 'verified')
      throw new AppError('identity_pending', `${item.code} needs a verified identity; yours is ${identity?.verification ?? 'not registered'}`, { verification: identity?.verification ?? null });
    if (identity && !item.applicantKinds.includes(identity.subjectKind))
      throw new AppError('forbidden', `${item.code} is for ${item.applicantKinds.join(', ')} applicants`, { applicantKinds: item.applicantKinds });
    validateForm(`${item.code}@${item.version}`, item.formSchema, input.form);
    // Under a consent, the values are looked up again (with evidence) and a submitted value equal to
    // the looked-up one keeps its source and transaction; without one nothing is looked up.
    const prefilled = await this.consents.prefill(p, identity, item, false);
    const provenance: Record<string, PrefillProvenance> = {};
    for (const [field, v] of Object.entries(prefilled?.values ?? {}))
      if (Object.hasOwn(input.form, field) && canonicalJson(input.form[field] ?? null) === canonicalJson(v.value ?? null)) provenance[field] = v.source;
    const { version, definition } = await this.currentProcess(item.processKey);
    const departmentOrgId = await this.departmentIdOf(item.departmentCode);
    await this.warmDepartments(definition, departmentOrgId);
    const now = this.now();
    const at = now.toISOString();
    const formText = canonicalJson(input.form);
    const id = await this.db.transaction().execute(async (tx) => {
      const recent = await this.repo.recentOpenCase(tx, p.id, item.code, new Date(now.getTime() - (this.deps.duplicateWindowMs ?? 10_000)).toISOString());
      if (recent && recent.form === formText)
        throw new AppError('duplicate', `the same application was just submitted as case ${recent.number}`, { caseId: recent.id, number: recent.number });
      const year = toChinaDate(now).slice(0, 4);
      const number = `TW${year}${String(await this.repo.nextSequence(tx, `case:${year}`)).padStart(6, '0')}`;
      const caseId = await this.repo.insertCase(tx, {
        number,
        item_code: item.code,
        item_version: item.version,
        item_name: canonicalJson(item.name),
        department_org_id: departmentOrgId,
        process_key: item.processKey,
        process_version: version,
        applicant_user_id: p.id,
        applicant_org_id: identity?.subjectKind === 'company' ? p.orgId : null,
        applicant_name: identity?.name ?? p.name,
        applicant_kind: identity?.subjectKind ?? 'unverified',
        form: formText,
        prefill: canonicalJson(provenance),
        promised_days: item.promisedDays,
        state: 'submitted',
        outcome: null,
        submitted_at: at,
        submitted_on: toChinaDate(now),
        accepted_at: null,
        closed_at: null,
        closed_on: null,
        deadline: null,
        last_seq: 0,
        updated_at: at,
      });
      const c = (await this.repo.caseById(tx, caseId))!;
      await this.append(
        tx,
        c,
        definition,
        [],
        { action: 'submit', taskId: null, detail: { form: input.form, itemDepartment: item.departmentCode, itemCode: item.code, itemVersion: item.version } },
        actorOf(p),
        p.name,
        { itemCode: item.code, itemVersion: item.version, process: `${item.processKey}@${version}`, prefilledFields: Object.keys(provenance) },
      );
      if (prefilled) await this.consents.recordLookups(tx, p, prefilled.consentId, caseId, prefilled.lookups);
      return caseId;
    });
    return this.caseDto(p, (await this.repo.caseById(this.db, id))!);
  }

  // ---- who may see and act --------------------------------------------------------------------

  private isApplicant(p: Principal, c: StoredCase): boolean {
    return p.kind === 'user' && p.id === c.applicant_user_id;
  }

  private async canSee(e: Executor, p: Principal, c: StoredCase): Promise<boolean> {
    if (hasScope(p, READ_ALL_SCOPE) || this.isApplicant(p, c)) return true;
    if (!hasScope(p, HANDLE_SCOPE) || p.orgId === null) return false;
    return c.department_org_id === p.orgId || (await this.repo.departmentHoldsTask(e, c.id, p.orgId));
  }

  private async visibleCase(e: Executor, p: Principal, id: number, opts: { lock?: boolean } = {}): Promise<StoredCase> {
    const c = await this.repo.caseById(e, id, opts);
    if (!c || !(await this.canSee(e, p, c))) throw notFound('case', id);
    return c;
  }

  /** The actor an action is checked for: `applicant`, or the officer's department code. */
  private async actorRole(p: Principal, c: StoredCase, action: string): Promise<string> {
    if (APPLICANT_ACTIONS.has(action)) {
      if (!this.isApplicant(p, c) || !hasScope(p, APPLY_SCOPE)) throw new AppError('forbidden', `only the applicant may ${action}`);
      return APPLICANT;
    }
    if (!hasScope(p, HANDLE_SCOPE)) throw new AppError('forbidden', `missing scope ${HANDLE_SCOPE}`, { scope: HANDLE_SCOPE });
    if (p.orgId === null) throw new AppError('forbidden', 'an officer acts for a department; this account has none');
    return (await this.departmentById(p.orgId)).code;
  }

  // ---- acting ---------------------------------------------------------------------------------

  /** Performs one action; 409 with the caller's allowed actions when the state does not allow it. */
  async act(p: Principal, id: number, input: ActionInput): Promise<CaseDto> {
    if (input.action === 'submit' || input.action === 'timer_fired') throw new AppError('validation_failed', `action: "${input.action}" is not an action a person takes`, { field: 'action' });
    // Everything read through other contexts' ports is read before the transaction: on SQLite one
    // connection serves the platform, and a query outside the open transaction would wait for it.
    const seen = await this.visibleCase(this.db, p, id);
    const role = await this.actorRole(p, seen, input.action);
    const pre = await this.prepare(p, seen, input);
    await this.warmDepartments(await this.definition(seen.process_key, seen.process_version), seen.department_org_id);
    const done = await this.db.transaction().execute(async (tx) => {
      const c = (await this.repo.caseById(tx, id, { lock: true }))!;
      const def = await this.definition(c.process_key, c.process_version, tx);
      const stored = await this.repo.actions(tx, id);
      const records = this.history(stored);
      const state = fold(def, records);
      const taskId = resolveTask(def, state, input.action, input.taskId, role);
      // Allowed for another department (or the applicant), not for this caller: 403, not 409.
      if (allowedActions(def, state).some((a) => a.action === input.action && a.taskId === taskId) && !allowedActions(def, state, role).some((a) => a.action === input.action && a.taskId === taskId))
        throw new AppError('forbidden', `task ${taskId ?? '-'} of case ${c.number} is held by another department`, { taskId });
      expectAllowed(def, state, input.action, taskId, role);
      const detail = await this.actionDetail(tx, c, def, state, taskId, input, pre);
      const appended = await this.append(tx, c, def, records, { action: input.action, taskId, detail }, actorOf(p), p.name, auditDetail(detail));
      return { ...appended, actions: [...stored, appended.action] };
    });
    // The answer comes from the rows this action wrote: no second read of the case.
    return this.caseDto(p, done.row, done.actions);
  }

  /** Departments of a definition's tasks into the cache, so the transaction needs no lookup. */
  private async warmDepartments(def: ProcessDefinition, itemDepartmentOrgId: number): Promise<void> {
    await this.departmentById(itemDepartmentOrgId);
    for (const n of Object.values(def.nodes)) if (n.type === 'task' && n.department !== ITEM_DEPARTMENT) await this.departmentByCode(n.department);
  }

  /** What an action needs from outside the case: the hand-over target, the corrected form checked against the item. */
  private async prepare(p: Principal, c: StoredCase, input: ActionInput): Promise<{ toUserId?: number; toDepartment?: DepartmentRef; form?: Record<string, unknown> }> {
    if (input.action === 'hand_over') {
      if (input.to?.userId !== undefined) {
        const u = this.deps.users ? await this.deps.users(input.to.userId) : undefined;
        if (!u || u.orgId !== p.orgId || !(u.scopes.includes(HANDLE_SCOPE) || u.scopes.includes('*')))
          throw new AppError('validation_failed', `to.userId: user ${input.to.userId} is not a case officer of your department`, { field: 'to.userId' });
        return { toUserId: u.id };
      }
      if (input.to?.department) {
        const d = await this.departmentByCode(input.to.department);
        if (d.id === null) throw new AppError('validation_failed', `to.department: no department ${input.to.department}`, { field: 'to.department' });
        return { toDepartment: d };
      }
      throw new AppError('validation_failed', 'to: name an officer (userId) or a department', { field: 'to' });
    }
    if (input.action === 'resubmit' && input.form) {
      const item = await this.item(c.item_code);
      validateForm(`${item.code}@${item.version}`, item.formSchema, input.form);
      return { form: input.form };
    }
    return {};
  }

  private async actionDetail(
    tx: Executor,
    c: StoredCase,
    def: ProcessDefinition,
    state: ProcessState,
    taskId: string | null,
    input: ActionInput,
    pre: { toUserId?: number; toDepartment?: DepartmentRef; form?: Record<string, unknown> },
  ): Promise<Record<string, unknown>> {
    const detail: Record<string, unknown> = {};
    const reason = input.reason?.trim();
    if (reason) detail.reason = reason;
    const spec = taskId ? taskActionSpec(def, taskId, input.action) : undefined;
    if (spec?.requiresReason && !reason) throw new AppError('validation_failed', `reason: "${input.action}" states its grounds`, { field: 'reason' });
    if (spec?.correction) {
      const missing = (input.missing ?? []).map((m) => m.trim()).filter(Boolean);
      if (missing.length === 0) throw new AppError('validation_failed', 'missing: list everything that is missing, in one request', { field: 'missing' });
      detail.missing = missing;
    } else if (spec && !spec.requiresReason && taskId) {
      // Required documents gate the actions that carry the case forward, not a refusal.
      const required = (def.nodes[taskId] as TaskNode).requiredDocuments ?? [];
      const kinds = required.length > 0 ? new Set((await this.repo.attachments(tx, c.id)).map((a) => a.kind)) : new Set<string>();
      const absent = required.filter((d) => !kinds.has(d.kind));
      if (absent.length > 0)
        throw new AppError('validation_failed', `attachments: ${absent.map((d) => `${d.kind} (${d.name['zh-CN']})`).join(', ')} must be attached first`, { field: 'attachments', missing: absent.map((d) => d.kind) });
    }
    if (input.action === 'hand_over') {
      const task = state.tasks[taskId!]!;
      if (pre.toUserId !== undefined) detail.toUserId = pre.toUserId;
      else if (pre.toDepartment) {
        if (pre.toDepartment.code === task.department) throw new AppError('validation_failed', 'to.department: the task is already with that department; name an officer instead', { field: 'to.department' });
        if (!reason) throw new AppError('validation_failed', 'reason: handing over to another department states why', { field: 'reason' });
        detail.toDepartment = pre.toDepartment.code;
      }
      detail.fromDepartment = task.department;
    }
    if (pre.form) detail.form = pre.form;
    return detail;
  }

  /** The `services.timer` job: records `timer_fired` if that timer is still pending (idempotent). */
  async fireTimer(payload: { caseId: number; timerId: string; armedSeq: number }): Promise<{ fired: boolean }> {
    const seen = await this.repo.caseById(this.db, payload.caseId);
    if (!seen) return { fired: false };
    await this.warmDepartments(await this.definition(seen.process_key, seen.process_version), seen.department_org_id);
    const fired = await this.db.transaction().execute(async (tx) => {
      const c = await this.repo.caseById(tx, payload.caseId, { lock: true });
      if (!c) return false;
      const def = await this.definition(c.process_key, c.process_version, tx);
      const records = this.history(await this.repo.actions(tx, c.id));
      const state = fold(def, records);
      if (!state.timers.some((t) => t.id === payload.timerId && t.armedSeq === payload.armedSeq)) return false;
      await this.append(tx, c, def, records, { action: 'timer_fired', taskId: null, detail: { timerId: payload.timerId, armedSeq: payload.armedSeq } }, SYSTEM_ACTOR, null, { timerId: payload.timerId });
      return true;
    });
    return { fired };
  }

  registerJobs(): void {
    this.deps.jobs.register<{ caseId: number; timerId: string; armedSeq: number }>(TIMER_JOB, (payload) => this.fireTimer(payload), { maxAttempts: 10, timeoutMs: 60_000 });
    this.deps.jobs.register(DEADLINE_SCAN_JOB, () => this.deadlineScan(), { maxAttempts: 3, timeoutMs: 30 * 60_000 });
  }

  /** Walks the open cases past their deadline and those due within the warning window, in pages, telling the listener. */
  async deadlineScan(): Promise<{ overdue: number; dueSoon: number }> {
    const listener = this.deps.onDeadline;
    const counts = { overdue: 0, dueSoon: 0 };
    if (!listener) return counts;
    const today = this.today();
    const soon = this.deps.calendar.addWorkingDays(today, this.deps.dueSoonWorkingDays ?? 2);
    for (const kind of ['overdue', 'due_soon'] as const) {
      let after: { deadline: string; id: number } | undefined;
      for (;;) {
        const page = await this.repo.openDeadlines(this.db, kind === 'overdue' ? { before: today, after, limit: 500 } : { from: today, through: soon, after, limit: 500 });
        for (const c of page) {
          await listener(c.id, kind, c.deadline);
          if (kind === 'overdue') counts.overdue += 1;
          else counts.dueSoon += 1;
        }
        if (page.length < 500) break;
        const last = page[page.length - 1]!;
        after = { deadline: last.deadline, id: last.id };
      }
    }
    return counts;
  }

  // ---- attachments ----------------------------------------------------------------------------

  /** Attaches a document (PDF, JPEG, PNG or OFD by its bytes, at most the upload limit) by the applicant or a department holding an open task. */
  async addAttachment(p: Principal, id: number, kind: string, upload: { filename: string; file: Readable; truncated?: (() => boolean) | undefined }): Promise<CaseDto> {
    const filename = (upload.filename || 'document').split(/[\\/]/).pop()!;
    const c = await this.repo.caseById(this.db, id);
    const drain = () => upload.file.resume();
    if (!c || !(await this.canSee(this.db, p, c))) {
      drain();
      throw notFound('case', id);
    }
    if (!KIND_RE.test(kind)) {
      drain();
      throw new AppError('validation_failed', 'kind: lowercase letters and _ (e.g. execution_ruling)', { field: 'kind' });
    }
    const tasks = await this.repo.tasksOf(this.db, id);
    const mayAttach = this.isApplicant(p, c) ? hasScope(p, APPLY_SCOPE) : hasScope(p, HANDLE_SCOPE) && tasks.some((t) => t.status === 'open' && t.department_org_id === p.orgId);
    if (!mayAttach) {
      drain();
      throw new AppError('forbidden', 'only the applicant or a department holding an open task attaches documents');
    }
    if (c.closed_at) {
      drain();
      throw illegalTransition('attach', c.state, []);
    }
    const limit = this.deps.uploadLimit ?? 20 * 1024 * 1024;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of upload.file) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        drain();
        throw new AppError('payload_too_large', `${filename}: larger than ${limit} bytes`, { field: 'file', filename, limit });
      }
      chunks.push(chunk as Buffer);
    }
    if (upload.truncated?.()) throw new AppError('payload_too_large', `${filename}: larger than the upload limit`, { field: 'file', filename });
    const data = Buffer.concat(chunks);
    if (data.length === 0) throw new AppError('validation_failed', `${filename}: the file is empty`, { field: 'file', filename });
    const mediaType = expectAttachmentType(filename, data);
    const stored = await this.deps.blobs.put(`services/cases/${id}/${crypto.randomUUID()}`, data, { contentType: mediaType });
    await this.db.transaction().execute(async (tx) => {
      await this.repo.insertAttachment(tx, { case_id: id, kind, filename, media_type: mediaType, size: stored.size, sm3: stored.sm3, blob_key: stored.key, uploaded_by: `${p.kind}:${p.id}`, uploaded_at: this.instant() });
      await this.deps.audit.record(tx, actorOf(p), { action: 'services.case.attached', entityType: 'services_case', entityId: id, detail: { number: c.number, kind, filename, mediaType, sm3: stored.sm3 } });
    });
    return this.caseDto(p, (await this.repo.caseById(this.db, id))!);
  }

  async attachmentBlob(p: Principal, caseId: number, attachmentId: number): Promise<{ attachment: StoredAttachment; stream: Readable }> {
    await this.visibleCase(this.db, p, caseId);
    const a = await this.repo.attachment(this.db, attachmentId);
    if (!a || a.case_id !== caseId) throw notFound('attachment', attachmentId);
    return { attachment: a, stream: await this.deps.blobs.get(a.blob_key) };
  }

  // ---- reading --------------------------------------------------------------------------------

  async getCase(p: Principal, id: number): Promise<CaseDto> {
    return this.caseDto(p, await this.visibleCase(this.db, p, id));
  }

  private summary(c: StoredCase, today: string): CaseSummary {
    return {
      id: c.id,
      number: c.number,
      item: { code: c.item_code, version: c.item_version, name: json<LocalizedText>(c.item_name) },
      processKey: c.process_key,
      state: c.state,
      outcome: c.outcome,
      submittedAt: c.submitted_at,
      acceptedAt: c.accepted_at,
      closedAt: c.closed_at,
      deadline: c.deadline,
      due: this.dueStatus(c.deadline, c.closed_at !== null, today),
    };
  }

  /** The case for this caller; `actions` when the caller already holds the whole log. */
  private async caseDto(p: Principal, c: StoredCase, log?: StoredAction[]): Promise<CaseDto> {
    const today = this.today();
    const def = await this.definition(c.process_key, c.process_version);
    const actions = log ?? (await this.repo.actions(this.db, c.id));
    const state = fold(def, this.history(actions));
    const attachments = await this.repo.attachments(this.db, c.id);
    const kinds = new Set(attachments.map((a) => a.kind));
    const role = this.isApplicant(p, c) ? APPLICANT : p.orgId !== null && hasScope(p, HANDLE_SCOPE) ? (await this.departmentById(p.orgId)).code : null;
    const allowed = role === null ? [] : allowedActions(def, state, role);
    const tasks: CaseTaskDto[] = [];
    for (const t of Object.values(state.tasks)) {
      const node = def.nodes[t.id] as TaskNode;
      tasks.push({
        id: t.id,
        name: t.name,
        department: await this.departmentByCode(t.department),
        assigneeUserId: t.assigneeUserId,
        status: t.status,
        openedAt: t.openedAt,
        closedAt: t.closedAt,
        completedBy: t.completedBy,
        escalated: t.escalated,
        requiredDocuments: (node.requiredDocuments ?? []).map((d) => ({ kind: d.kind, name: d.name, attached: kinds.has(d.kind) })),
        dataExchanges: node.dataExchanges ?? [],
      });
    }
    const applicantView = this.isApplicant(p, c) && !hasScope(p, READ_ALL_SCOPE);
    return {
      ...this.summary(c, today),
      process: { key: c.process_key, version: c.process_version, name: def.name },
      department: await this.departmentById(c.department_org_id),
      applicant: { userId: c.applicant_user_id, orgId: c.applicant_org_id, name: c.applicant_name, kind: c.applicant_kind },
      promisedDays: c.promised_days,
      workingDaysLeft: c.closed_at ? null : this.workingDaysLeft(c.deadline, today),
      form: json(c.form),
      prefill: json(c.prefill),
      correctionRequested: state.correctionRequested,
      missing: state.missing,
      tasks,
      allowedActions: allowed.map((a) => {
        const spec = a.taskId ? taskActionSpec(def, a.taskId, a.action) : undefined;
        return { action: a.action, taskId: a.taskId, name: spec?.name ?? null, requiresReason: spec?.requiresReason ?? false };
      }),
      timers: state.timers.map((t) => ({ id: t.id, dueAt: this.timerDueAt(t).toISOString() })),
      attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, filename: a.filename, mediaType: a.media_type, size: a.size, sm3: a.sm3, uploadedAt: a.uploaded_at })),
      timeline: actions.map((a) => {
        const actor = json<{ kind: string }>(a.actor);
        const d = json<Record<string, unknown>>(a.detail);
        return {
          seq: a.seq,
          action: a.action,
          taskId: a.task_node,
          actor: actor.kind,
          // The applicant sees that an officer acted, not who.
          actorName: applicantView && actor.kind !== 'system' && a.action !== 'submit' && !APPLICANT_ACTIONS.has(a.action) ? null : a.actor_name,
          at: a.at,
          detail: timelineDetail(d),
        };
      }),
    };
  }

  async myCases(p: Principal, f: { cursor?: string | undefined; limit?: number | undefined }): Promise<Page<CaseSummary>> {
    this.requireApplicant(p);
    const limit = f.limit ?? 20;
    const rows = await this.repo.casesOfApplicant(this.db, p.id, cursorId(f.cursor), limit);
    const today = this.today();
    return { items: rows.map((r) => this.summary(r, today)), nextCursor: rows.length === limit ? String(rows[rows.length - 1]!.id) : null };
  }

  /** The officer's department's tasks (default: open), newest first. */
  async inbox(p: Principal, f: { state?: string | undefined; overdue?: boolean | undefined; q?: string | undefined; cursor?: string | undefined; limit?: number | undefined }): Promise<Page<InboxItem>> {
    if (!hasScope(p, HANDLE_SCOPE)) throw new AppError('forbidden', `missing scope ${HANDLE_SCOPE}`, { scope: HANDLE_SCOPE });
    if (p.orgId === null) throw new AppError('forbidden', 'an inbox belongs to a department; this account has none');
    const statuses = f.state ? f.state.split(',').map((s) => s.trim()) : ['open'];
    for (const s of statuses) if (!['open', 'awaiting_applicant', 'done', 'cancelled'].includes(s)) throw new AppError('validation_failed', `state: unknown task state "${s}"`, { field: 'state' });
    const limit = f.limit ?? 20;
    const today = this.today();
    const q = f.q?.trim().toUpperCase();
    const rows = await this.repo.inbox(this.db, {
      departmentOrgId: p.orgId,
      statuses,
      dueBefore: f.overdue ? today : undefined,
      caseNumber: q || undefined,
      before: cursorId(f.cursor),
      limit,
    });
    const items: InboxItem[] = [];
    for (const r of rows) items.push(await this.inboxItem(r, today));
    return { items, nextCursor: rows.length === limit ? String(rows[rows.length - 1]!.id) : null };
  }

  private async inboxItem(r: InboxRow, today: string): Promise<InboxItem> {
    const def = await this.definition(r.process_key, r.process_version);
    const node = def.nodes[r.node] as TaskNode;
    const open = r.status === 'open' || r.status === 'awaiting_applicant';
    return {
      taskRowId: r.id,
      taskId: r.node,
      name: node.name,
      status: r.status,
      escalated: r.escalated === 1,
      assigneeUserId: r.assignee_user_id,
      openedAt: r.opened_at,
      dueDate: r.due_date,
      due: this.dueStatus(r.due_date, !open, today),
      case: { id: r.case_id, number: r.case_number, itemName: json<LocalizedText>(r.item_name), state: r.case_state, applicantName: r.applicant_name, submittedAt: r.submitted_at, deadline: r.deadline },
    };
  }

  /** Open cases past their deadline (all for :all scopes, else the officer's department's), oldest deadline first. */
  async overdue(p: Principal, f: { cursor?: string | undefined; limit?: number | undefined }): Promise<Page<CaseSummary> & { total: number }> {
    const all = p.scopes.has(READ_ALL_SCOPE) || p.scopes.has('*');
    if (!all && !hasScope(p, HANDLE_SCOPE)) throw new AppError('forbidden', `missing scope ${HANDLE_SCOPE}`, { scope: HANDLE_SCOPE });
    const limit = f.limit ?? 50;
    const today = this.today();
    let after: { deadline: string; id: number } | undefined;
    if (f.cursor) {
      const m = /^(\d{4}-\d{2}-\d{2})_(\d+)$/.exec(f.cursor);
      if (!m) throw new AppError('validation_failed', 'cursor: not a cursor from this list', { field: 'cursor' });
      after = { deadline: m[1]!, id: Number(m[2]) };
    }
    const rows = await this.repo.overdue(this.db, { today, after, departmentOrgId: all ? undefined : (p.orgId ?? -1), limit });
    const last = rows[rows.length - 1];
    return {
      items: rows.map((r) => this.summary(r, today)),
      nextCursor: rows.length === limit && last ? `${last.deadline}_${last.id}` : null,
      total: all ? await this.repo.countOverdue(this.db, today) : rows.length,
    };
  }

  /** Per department: received, closed, on-time rate (closed on or before the deadline), open and overdue now. */
  async statistics(p: Principal, f: { from: string; to: string }): Promise<{ from: string; to: string; today: string; departments: StatisticsRow[] }> {
    const all = p.scopes.has(STATISTICS_ALL_SCOPE) || p.scopes.has('*');
    if (!all && !hasScope(p, HANDLE_SCOPE)) throw new AppError('forbidden', `missing scope ${STATISTICS_ALL_SCOPE}`, { scope: STATISTICS_ALL_SCOPE });
    if (f.from > f.to) throw new AppError('validation_failed', 'from: must not be after to', { field: 'from' });
    const today = this.today();
    const rows = await this.repo.statistics(this.db, { from: f.from, to: f.to, today, departmentOrgId: all ? undefined : (p.orgId ?? -1) });
    const departments: StatisticsRow[] = [];
    for (const r of rows)
      departments.push({
        department: await this.departmentById(r.department_org_id),
        received: r.received,
        closed: r.closed,
        closedOnTime: r.closed_on_time,
        onTimeRate: r.closed > 0 ? Math.round((r.closed_on_time / r.closed) * 1000) / 1000 : null,
        open: r.open,
        overdue: r.overdue,
      });
    return { from: f.from, to: f.to, today, departments };
  }
}

function cursorId(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!/^\d+$/.test(cursor)) throw new AppError('validation_failed', 'cursor: not a cursor from this list', { field: 'cursor' });
  return Number(cursor);
}

/** What of an action's detail goes into the audit event (never the form: it holds personal data). */
function auditDetail(d: Record<string, unknown>): Record<string, unknown> {
  const { form, ...rest } = d;
  return form === undefined ? rest : { ...rest, formSm3: sm3(canonicalJson(form)) };
}

/** What of an action's detail the timeline shows. */
function timelineDetail(d: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['reason', 'missing', 'toDepartment', 'fromDepartment', 'toUserId', 'timerId']) if (d[k] !== undefined) out[k] = d[k];
  return out;
}
