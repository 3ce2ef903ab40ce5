/**
 * The review workflow of one application, derived from its append-only action log: `fold` replays
 * the actions into the current state, `allowedActions` says what may happen next (given today's
 * date, because a public notice ends by the calendar), and `expectAllowed` throws the 409.
 */
import { illegalTransition } from '../../kernel/errors.ts';
import type { ReviewStep } from './registry.config.ts';

export const APPLICATION_STATUSES = [
  'draft',
  'awaiting_consent',
  'submitted',
  'returned',
  'formal_review',
  'substantive_review',
  'public_notice',
  'notice_suspended',
  'notice_ended',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const ACTIONS = [
  'create',
  'submit',
  'consent',
  'refuse_consent',
  'request_supplement',
  'supplement',
  'accept',
  'pass_formal',
  'pass_substantive',
  'object',
  'resolve_objection',
  'complete_notice',
  'reject',
  'withdraw',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActionRecord {
  action: Action;
  at: string;
  detail: Record<string, unknown>;
}

export interface WorkflowState {
  /** Stored status; `notice_ended` is only derived (a notice whose last day has passed). */
  status: ApplicationStatus;
  supplementRequested: boolean;
  missing: string[];
  acceptanceDue: string | null;
  noticeStart: string | null;
  noticeEnd: string | null;
  /** Working days of the notice left when an objection suspended it. */
  noticeRemaining: number | null;
  openObjections: number;
  decidedAt: string | null;
}

const STEP_STATE: Record<ReviewStep, ApplicationStatus> = {
  acceptance: 'submitted',
  formal: 'formal_review',
  substantive: 'substantive_review',
  notice: 'public_notice',
};
const PASS_OF: Partial<Record<Action, ReviewStep>> = { accept: 'acceptance', pass_formal: 'formal', pass_substantive: 'substantive', complete_notice: 'notice' };

/** The state an application enters once `step` is passed (or, for null, once it is submitted). */
export function stateAfter(steps: readonly ReviewStep[], step: ReviewStep | null): ApplicationStatus {
  const next = step === null ? steps[0] : steps[steps.indexOf(step) + 1];
  return next ? STEP_STATE[next] : 'approved';
}

/** Whether passing `step` opens the public notice (the service then dates it). */
export function opensNotice(steps: readonly ReviewStep[], step: ReviewStep | null): boolean {
  return stateAfter(steps, step) === 'public_notice';
}

export function fold(steps: readonly ReviewStep[], actions: readonly ActionRecord[]): WorkflowState {
  const s: WorkflowState = {
    status: 'draft',
    supplementRequested: false,
    missing: [],
    acceptanceDue: null,
    noticeStart: null,
    noticeEnd: null,
    noticeRemaining: null,
    openObjections: 0,
    decidedAt: null,
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  for (const a of actions) {
    const d = a.detail;
    const step = PASS_OF[a.action];
    if (step) {
      s.status = stateAfter(steps, step);
    } else {
      switch (a.action) {
        case 'create':
          s.status = 'draft';
          break;
        case 'submit':
          s.status = d.awaitingConsent ? 'awaiting_consent' : stateAfter(steps, null);
          break;
        case 'consent':
          s.status = stateAfter(steps, null);
          break;
        case 'request_supplement':
          s.status = 'returned';
          s.supplementRequested = true;
          s.missing = Array.isArray(d.missing) ? d.missing.map(String) : [];
          break;
        case 'supplement':
          s.status = 'submitted';
          s.missing = [];
          break;
        case 'object':
          s.openObjections += 1;
          if (s.status !== 'notice_suspended') s.noticeRemaining = typeof d.remaining === 'number' ? d.remaining : null;
          s.status = 'notice_suspended';
          break;
        case 'resolve_objection':
          s.openObjections -= 1;
          if (d.outcome === 'upheld') s.status = 'rejected';
          else if (s.openObjections === 0) {
            s.status = 'public_notice';
            s.noticeEnd = str(d.noticeEnd) ?? s.noticeEnd;
            s.noticeRemaining = null;
          }
          break;
        case 'refuse_consent':
        case 'reject':
          s.status = 'rejected';
          break;
        case 'withdraw':
          s.status = 'withdrawn';
          break;
      }
    }
    if (typeof d.acceptanceDue === 'string') s.acceptanceDue = d.acceptanceDue;
    if (typeof d.noticeStart === 'string') s.noticeStart = d.noticeStart;
    if (typeof d.noticeEnd === 'string' && a.action !== 'resolve_objection') s.noticeEnd = d.noticeEnd;
    if (s.status === 'approved' || s.status === 'rejected' || s.status === 'withdrawn') s.decidedAt ??= a.at;
  }
  return s;
}

/** The status as of `today` (YYYY-MM-DD, China date): a notice past its last day has ended. */
export function currentStatus(s: WorkflowState, today: string): ApplicationStatus {
  if (s.status === 'public_notice' && s.noticeEnd !== null && today > s.noticeEnd) return 'notice_ended';
  return s.status;
}

const ALLOWED: Record<ApplicationStatus, readonly Action[]> = {
  draft: ['submit', 'withdraw'],
  awaiting_consent: ['consent', 'refuse_consent', 'withdraw'],
  submitted: ['accept', 'request_supplement', 'reject', 'withdraw'],
  returned: ['supplement', 'withdraw'],
  formal_review: ['pass_formal', 'reject'],
  substantive_review: ['pass_substantive', 'reject'],
  public_notice: ['object', 'reject'],
  notice_suspended: ['object', 'resolve_objection', 'reject'],
  notice_ended: ['complete_notice', 'reject'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

export function allowedActions(s: WorkflowState, today: string): Action[] {
  const status = currentStatus(s, today);
  // Acceptance sends one notice listing everything missing (一次性告知): never a second one.
  return ALLOWED[status].filter((a) => !(a === 'request_supplement' && s.supplementRequested));
}

export function expectAllowed(s: WorkflowState, today: string, action: Action): void {
  const allowed = allowedActions(s, today);
  if (!allowed.includes(action)) throw illegalTransition(action, currentStatus(s, today), allowed);
}

export function isOpen(status: ApplicationStatus): boolean {
  return status !== 'approved' && status !== 'rejected' && status !== 'withdrawn';
}
