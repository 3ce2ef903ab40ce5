/**
 * Case events for whoever comes next (notifications, 好差评): a tiny in-process list of subscribers per case service,
 * called after the transaction that recorded the action committed. A subscriber that throws is
 * reported on the console and does not stop the others.
 */
export interface CaseEvent {
  caseId: number;
  caseNumber: string;
  action: string;
  state: string;
  applicantUserId: number;
  /** Organisations holding an open task after the action. */
  departmentIds: number[];
}

export type CaseEventListener = (e: CaseEvent) => void | Promise<void>;

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

  async emit(e: CaseEvent): Promise<void> {
    for (const l of this.listeners) {
      try {
        await l(e);
      } catch (err) {
        console.error('case event subscriber failed', err);
      }
    }
  }
}
