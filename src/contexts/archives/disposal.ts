/**
 * 鉴定销毁 (disposal): a proposal to destroy records past their retention → approved or rejected by the
 * archive (a second person: the proposer never approves) → destroyed. The proposer may withdraw before the
 * decision. State is folded from the append-only archives_disposal_actions.
 */
import { z } from 'zod';
import { illegalTransition } from '../../kernel/errors.ts';

export const DISPOSAL_STATES = ['proposed', 'approved', 'rejected', 'withdrawn', 'destroyed'] as const;
export type DisposalState = (typeof DISPOSAL_STATES)[number];
export const DISPOSAL_ACTIONS = ['propose', 'approve', 'reject', 'withdraw', 'destroy'] as const;
export type DisposalAction = (typeof DISPOSAL_ACTIONS)[number];
/** Actions a caller may take on a proposal (propose only creates one). */
export type DisposalDecision = Exclude<DisposalAction, 'propose'>;

export const PROPOSE_SCOPE = 'archives.disposal:propose';
export const APPROVE_SCOPE = 'archives.disposal:approve';

const TRANSITIONS: Record<DisposalState, Partial<Record<DisposalAction, DisposalState>>> = {
  proposed: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { destroy: 'destroyed' },
  rejected: {},
  withdrawn: {},
  destroyed: {},
};

export function allowedDisposalActions(state: DisposalState): DisposalAction[] {
  return Object.keys(TRANSITIONS[state]) as DisposalAction[];
}

/** The state after `action`; 409 illegal_transition with the allowed actions otherwise. */
export function nextDisposalState(state: DisposalState, action: DisposalAction): DisposalState {
  const next = TRANSITIONS[state][action];
  if (!next) throw illegalTransition(action, state, allowedDisposalActions(state));
  return next;
}

/** The state the action log leads to (the first action is the proposal). */
export function foldDisposal(actions: readonly { action: string }[]): DisposalState {
  let state: DisposalState = 'proposed';
  for (const a of actions.slice(1)) state = nextDisposalState(state, a.action as DisposalAction);
  return state;
}

export const disposalProposalSchema = z.object({
  recordIds: z.array(z.number().int().positive()).min(1).max(1000),
  reason: z.string().trim().min(2).max(1000),
});
export type DisposalProposal = z.infer<typeof disposalProposalSchema>;
