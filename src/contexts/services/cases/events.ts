/**
 * Case events for whoever comes next (notifications, 好差评): a tiny in-process list of subscribers,
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

const listeners = new Set<CaseEventListener>();

/** Subscribes; returns the function that unsubscribes. */
export function onCaseEvent(listener: CaseEventListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function emitCaseEvent(e: CaseEvent): Promise<void> {
  for (const l of listeners) {
    try {
      await l(e);
    } catch (err) {
      console.error('case event subscriber failed', err);
    }
  }
}
