/**
 * Turns case events (the case service calls its `onEvent` subscribers after each commit) into notifications
 * for the applicant and the departments that now hold the case. The subscriber only queues the event
 * as a durable job; the job reads the case through the `CaseLookup` port and notifies.
 */
import type { Executor } from '../../../db/database.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { NotificationService } from './notifications.service.ts';
import { toTaiwanTraditional } from '../chinese.ts';
import type { LocalizedText, NotificationParams, TemplateKey } from './templates.ts';

/** What cases/ publishes after each committed action. */
export interface CaseEventNotice {
  caseId: number;
  action: string;
  /** The case status after the action (submitted, awaiting_correction, in_progress, approved, rejected, withdrawn). */
  state: string;
  applicantUserId: number;
  /** Departments (identity org ids) holding open tasks of the case, or that handled it once closed. */
  departmentIds: number[];
}

/** A case as notifications and ratings need it; main.ts adapts cases/ to this port. */
export interface CaseSnapshot {
  caseId: number;
  caseNo: string;
  itemCode: string;
  itemName: LocalizedText;
  applicantUserId: number;
  departmentIds: number[];
  closed: boolean;
  outcome: string | null;
  /** The promised completion date (YYYY-MM-DD), once accepted. */
  deadline?: string | null | undefined;
  /** The officer's words on the latest action, as written: a reason or correction note, and the missing items. */
  latestNote?: { text: string | null; missingItems: string[] } | null | undefined;
}
export type CaseLookup = (caseId: number) => Promise<CaseSnapshot | undefined>;

/** A department's name as identity knows it (Simplified, and English if recorded). */
export type DepartmentNames = (orgId: number) => Promise<{ name: string; nameEn: string | null } | undefined>;

export const CASE_EVENT_JOB = 'services.notify.case-event';

const APPLICANT_TEMPLATES: Record<string, TemplateKey> = {
  submit: 'case.submitted',
  accept: 'case.accepted',
  request_correction: 'case.correction_requested',
  hand_over: 'case.handed_over',
};

/** Actions after which the departments holding the case have new work. */
const DEPARTMENT_WORK = new Set(['submit', 'resubmit', 'hand_over']);

export class CaseEventNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly jobs: JobQueue,
    private readonly cases: CaseLookup,
    private readonly departmentName: DepartmentNames,
  ) {}

  /**
   * The case service's `onEvent` subscriber: queues the event in the action's own transaction, so the action and its
   * notification job commit together and a crash after the commit loses nothing.
   */
  readonly subscriber = async (e: CaseEventNotice, tx: Executor): Promise<void> => {
    await this.jobs.enqueue(CASE_EVENT_JOB, e, { maxAttempts: 5 }, tx);
  };

  registerJobs(): void {
    this.jobs.register(CASE_EVENT_JOB, (e: CaseEventNotice) => this.handle(e), { maxAttempts: 5, timeoutMs: 60_000 });
  }

  /** Notifies for one event; returns the templates used (nothing for actions nobody needs to hear of). */
  async handle(e: CaseEventNotice): Promise<{ applicant: TemplateKey | null; departments: number }> {
    const c = await this.cases(e.caseId);
    if (!c) return { applicant: null, departments: 0 };
    const base: NotificationParams = { item: c.itemName, caseNo: c.caseNo };
    const link = `/portal/services/cases/${c.caseId}`;
    let applicant: TemplateKey | null = null;
    let params: NotificationParams = base;
    if (e.state === 'approved') applicant = 'case.approved';
    else if (e.state === 'rejected') {
      applicant = 'case.rejected';
      params = { ...base, reason: { officerText: c.latestNote?.text ?? '' } };
    } else if (Object.hasOwn(APPLICANT_TEMPLATES, e.action)) {
      applicant = APPLICANT_TEMPLATES[e.action]!;
      if (applicant === 'case.accepted') params = { ...base, dueDate: c.deadline ?? '—' };
      if (applicant === 'case.correction_requested') {
        const items = c.latestNote?.missingItems ?? [];
        const missing = items.length > 0 ? items : [c.latestNote?.text ?? ''];
        params = { ...base, missing: missing.map((officerText) => ({ officerText })) };
      }
      if (applicant === 'case.handed_over') params = { ...base, department: await this.departments(e.departmentIds) };
    }
    if (applicant) await this.notifications.notify(undefined, { userId: c.applicantUserId, template: applicant, params, caseId: c.caseId, link });
    let departments = 0;
    if (DEPARTMENT_WORK.has(e.action) && e.state !== 'approved' && e.state !== 'rejected') {
      for (const departmentId of e.departmentIds) {
        await this.notifications.notifyDepartment(undefined, { departmentId, template: 'task.assigned', params: base, caseId: c.caseId, link: `/console/services/cases/${c.caseId}` });
        departments++;
      }
    }
    return { applicant, departments };
  }

  /**
   * cases/' `onDeadline` (its daily deadline scan): warns the departments holding a case that is due
   * soon or overdue, once per case, department, kind and deadline however often the scan reports it.
   */
  readonly deadline = async (caseId: number, kind: 'due_soon' | 'overdue', dueDate: string): Promise<void> => {
    const c = await this.cases(caseId);
    if (!c) return;
    for (const departmentId of c.departmentIds)
      await this.notifications.notifyDepartment(
        undefined,
        { departmentId, template: kind === 'due_soon' ? 'task.due_soon' : 'task.overdue', params: { item: c.itemName, caseNo: c.caseNo, dueDate }, caseId, link: `/console/services/cases/${caseId}` },
        { onceKey: `deadline:${caseId}:${departmentId}:${kind}:${dueDate}` },
      );
  };

  private async departments(ids: number[]): Promise<LocalizedText> {
    const names = (await Promise.all(ids.map((id) => this.departmentName(id)))).filter((n) => n !== undefined);
    const zh = names.map((n) => n.name).join('、');
    return { 'zh-CN': zh, 'zh-TW': toTaiwanTraditional(zh), en: names.map((n) => n.nameEn ?? n.name).join(', ') };
  }
}
