/**
 * Case events for whoever comes next (notifications, 好差评, archiving): a tiny in-process list of subscribers per case
 * service, called inside the transaction that records the action, with that transaction. A subscriber queues its
 * follow-up work there (a job enqueued with `tx`), so the action and its follow-up commit together or not at all: a
 * crash just after the commit loses no notification. A subscriber that throws fails the action (nothing is half
 * done); keep subscribers to writes in `tx`, never calls to the outside world.
 */
import type { Executor } from '../../../db/database.ts';

export interface CaseEvent {
  caseId: number;
  caseNumber: string;
  action: string;
  state: string;
  applicantUserId: number;
  /** Organisations holding an open task after the action. */
  departmentIds: number[];
}

/** Called inside the action's transaction (`tx`): write there, and only there. */
export type CaseEventListener = (e: CaseEvent, tx: Executor) => void | Promise<void>;

/**
 * One case service's subscribers. Per instance, not per process: two platforms in one process (tests, or
 * a CLI beside a server) must not hear each other's cases.
 */
export class CaseEvents {
  private readonly listeners = new Set<CaseEventListener>();

  /** Subscribes; returns the function that unsubscribes. */
  on(listener: CaseEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls every subscriber in turn inside `tx`; the first that throws fails the action. */
  async emit(e: CaseEvent, tx: Executor): Promise<void> {
    for (const l of [...this.listeners]) await l(e, tx);
  }
}
