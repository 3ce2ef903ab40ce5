import { nowIso, type AnyDb, type Executor } from '../../../db/database.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import type { Locale, Principal } from '../../../kernel/principal.ts';
import type { JobContext, JobQueue } from '../../jobs/index.ts';
import type { OutboundChannel, Recipient } from './channels.ts';
import { NotificationsRepo, type Notification } from './notifications.repo.ts';
import { TEMPLATES, isTemplateKey, missingParams, render, type NotificationParams, type TemplateKey } from './templates.ts';

/** Delivers one notification on every configured channel that has an address for its recipient. */
export const DELIVER_JOB = 'services.notify.deliver';
/** Sends one notification to every officer of a department. */
export const DEPARTMENT_JOB = 'services.notify.department';

/** Who receives notifications: main.ts wires identity (and accounts/ for contact details). */
export interface RecipientDirectory {
  recipient(userId: number): Promise<Recipient | undefined>;
  /** Users of a department who handle its cases (their inbox gets the department's notifications). */
  officersOf(orgId: number): Promise<number[]>;
}

export interface NotifyInput {
  userId: number;
  template: TemplateKey;
  params: NotificationParams;
  caseId?: number | null | undefined;
  /** Where the message leads in the web (a path), if anywhere. */
  link?: string | null | undefined;
}

export interface DepartmentNotifyInput extends Omit<NotifyInput, 'userId'> {
  departmentId: number;
}

export interface NotificationDto {
  id: number;
  template: TemplateKey;
  audience: 'applicant' | 'department';
  title: string;
  body: string;
  caseId: number | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationDto[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
  unread: number;
}

export interface NotificationDeps {
  db: AnyDb;
  jobs: JobQueue;
  directory: RecipientDirectory;
  /** Outbound channels in delivery order; the in-app copy needs none. */
  channels: readonly OutboundChannel[];
}

function userOf(p: Principal): number {
  // API tokens stand for systems, which have no inbox.
  if (p.kind !== 'user') throw new AppError('forbidden', 'notifications belong to signed-in users');
  return p.id;
}

/**
 * In-app notifications (站内消息) plus outbound delivery. A notification stores its template key and
 * parameters, officer text as written; it is rendered in the reader's language when listed (the
 * reader is its recipient, so that is the recipient's identity locale, and a change of language
 * re-renders old messages) and in the recipient's locale when delivered. Delivery runs in the durable
 * job `services.notify.deliver`: a channel that fails makes the job retry with backoff, channels that
 * already sent are not sent again, and the in-app copy never depends on delivery.
 */
export class NotificationService {
  private readonly repo = new NotificationsRepo();

  constructor(private readonly deps: NotificationDeps) {}

  /**
   * Stores the in-app message and queues its delivery. With `tx`, both happen in the caller's
   * transaction (they exist exactly when the caller's change commits).
   */
  async notify(tx: Executor | undefined, input: NotifyInput): Promise<{ id: number }> {
    this.check(input.template, input.params);
    const run = async (e: Executor) => {
      const id = await this.repo.insert(e, {
        user_id: input.userId,
        template: input.template,
        params: JSON.stringify(input.params),
        case_id: input.caseId ?? null,
        link: input.link ?? null,
        created_at: nowIso(),
        read_at: null,
      });
      if (this.deps.channels.length > 0) await this.deps.jobs.enqueue(DELIVER_JOB, { notificationId: id }, { idempotencyKey: `${DELIVER_JOB}:${id}` }, e);
      return { id };
    };
    return tx ? run(tx) : this.deps.db.transaction().execute(run);
  }

  /**
   * Notifies every officer of a department. The recipients are looked up by a job (queued in the
   * caller's transaction when `tx` is given), so no directory query runs inside the caller's transaction.
   */
  async notifyDepartment(tx: Executor | undefined, input: DepartmentNotifyInput, opts: { onceKey?: string | undefined } = {}): Promise<void> {
    this.check(input.template, input.params);
    // With `onceKey`, a second call with the same key notifies nobody (e.g. a daily deadline scan).
    await this.deps.jobs.enqueue(DEPARTMENT_JOB, input, { idempotencyKey: opts.onceKey === undefined ? undefined : `${DEPARTMENT_JOB}:${opts.onceKey}` }, tx);
  }

  async list(p: Principal, f: { unread?: boolean | undefined; cursor?: string | undefined; limit?: number | undefined }): Promise<NotificationPage> {
    const userId = userOf(p);
    const limit = Math.max(1, Math.min(f.limit ?? 20, 100));
    let beforeId: number | undefined;
    if (f.cursor !== undefined) {
      beforeId = Number(f.cursor);
      if (!Number.isSafeInteger(beforeId) || beforeId < 1) throw new AppError('validation_failed', 'cursor must be the nextCursor of a previous page', { field: 'cursor' });
    }
    const rows = await this.repo.list(this.deps.db, userId, { unread: f.unread ?? false, beforeId, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => this.dto(r, p.locale)),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
      unread: await this.repo.unreadCount(this.deps.db, userId),
    };
  }

  async unreadCount(p: Principal): Promise<number> {
    return this.repo.unreadCount(this.deps.db, userOf(p));
  }

  async markRead(p: Principal, id: number): Promise<{ unread: number }> {
    const userId = userOf(p);
    if (!(await this.repo.markRead(this.deps.db, userId, id, nowIso()))) throw notFound('notification', id);
    return { unread: await this.repo.unreadCount(this.deps.db, userId) };
  }

  async markAllRead(p: Principal): Promise<{ marked: number }> {
    return { marked: await this.repo.markAllRead(this.deps.db, userOf(p), nowIso()) };
  }

  /** What was sent where, for a notification (tests and support). */
  async deliveries(notificationId: number) {
    return this.repo.deliveries(this.deps.db, notificationId);
  }

  registerJobs(): void {
    this.deps.jobs.register(DELIVER_JOB, (p: { notificationId: number }, ctx: JobContext) => this.deliver(p.notificationId, ctx.signal), { maxAttempts: 8, timeoutMs: 60_000 });
    this.deps.jobs.register(DEPARTMENT_JOB, (p: DepartmentNotifyInput) => this.fanOut(p), { maxAttempts: 5, timeoutMs: 60_000 });
  }

  /** The delivery job: every channel with an address, skipping those that already sent. */
  async deliver(notificationId: number, signal: AbortSignal): Promise<{ sent: string[]; skipped: string[] }> {
    const n = await this.repo.byId(this.deps.db, notificationId);
    if (!n) return { sent: [], skipped: ['notification gone'] };
    const recipient = await this.deps.directory.recipient(n.user_id);
    if (!recipient) return { sent: [], skipped: ['recipient unknown'] };
    const done = new Set((await this.repo.deliveries(this.deps.db, notificationId)).filter((d) => d.status === 'sent').map((d) => d.channel));
    const { title, body } = this.renderRow(n, recipient.locale);
    const sent: string[] = [];
    const skipped: string[] = [];
    const failures: string[] = [];
    for (const channel of this.deps.channels) {
      const to = channel.addressOf(recipient);
      if (to === null || done.has(channel.name)) {
        skipped.push(channel.name);
        continue;
      }
      try {
        await channel.send({ notificationId, template: n.template, locale: recipient.locale, to, userId: n.user_id, title, body }, signal);
        await this.repo.recordAttempt(this.deps.db, { notificationId, channel: channel.name, locale: recipient.locale, ok: true, error: null, at: nowIso() });
        sent.push(channel.name);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        await this.repo.recordAttempt(this.deps.db, { notificationId, channel: channel.name, locale: recipient.locale, ok: false, error: message.slice(0, 1000), at: nowIso() });
        failures.push(`${channel.name}: ${message}`);
      }
    }
    // A plain Error (not an AppError) makes the queue retry the job.
    if (failures.length > 0) throw new Error(`delivery of notification ${notificationId} failed on ${failures.join('; ')}`);
    return { sent, skipped };
  }

  /** The department job: one notification per officer, all in one transaction (a retry repeats none). */
  private async fanOut(input: DepartmentNotifyInput): Promise<{ notified: number }> {
    const officers = await this.deps.directory.officersOf(input.departmentId);
    await this.deps.db.transaction().execute(async (tx) => {
      for (const userId of officers) await this.notify(tx, { userId, template: input.template, params: input.params, caseId: input.caseId, link: input.link });
    });
    return { notified: officers.length };
  }

  private check(template: string, params: NotificationParams): void {
    if (!isTemplateKey(template)) throw new AppError('validation_failed', `unknown notification template ${template}`, { field: 'template' });
    const missing = missingParams(template, params);
    if (missing.length > 0) throw new AppError('validation_failed', `template ${template} needs ${missing.join(', ')}`, { field: 'params', missing });
  }

  private renderRow(n: Notification, locale: Locale): { title: string; body: string } {
    return render(n.template as TemplateKey, JSON.parse(n.params) as NotificationParams, locale);
  }

  private dto(n: Notification, locale: Locale): NotificationDto {
    const template = n.template as TemplateKey;
    return {
      id: n.id,
      template,
      audience: TEMPLATES[template].audience,
      ...this.renderRow(n, locale),
      caseId: n.case_id,
      link: n.link,
      createdAt: n.created_at,
      readAt: n.read_at,
    };
  }
}
