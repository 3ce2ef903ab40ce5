/**
 * The payout workflow as data (免申即享): which action is allowed in which state and where it leads.
 * A payout's state is the fold of its action log over `TRANSITIONS`; nothing else moves it.
 *
 *   offer → offered ─rematch→ offered
 *             ├─confirm (funding department, 二次确认)→ confirmed ─notify→ notified
 *             └─exclude (reason)→ excluded
 *   confirmed / notified ─authorise (citizen: consent + bank account)→ authorised ─batch→ in_batch ─pay→ paid
 *                        └─decline→ declined                                            └─fail (reason)→ failed
 *   authorised ─authorise→ authorised (corrected account before a batch); failed ─authorise→ authorised (a later batch)
 */
import { illegalTransition } from '../../../kernel/errors.ts';

export const PAYOUT_STATES = ['offered', 'confirmed', 'excluded', 'notified', 'authorised', 'declined', 'in_batch', 'paid', 'failed'] as const;
export type PayoutState = (typeof PAYOUT_STATES)[number];

export const PAYOUT_ACTIONS = ['offer', 'rematch', 'confirm', 'exclude', 'notify', 'authorise', 'decline', 'batch', 'pay', 'fail'] as const;
export type PayoutAction = (typeof PAYOUT_ACTIONS)[number];

/** Who takes an action: the funding department, the person (or company) paid, or the platform. */
export type PayoutParty = 'department' | 'citizen' | 'system';

export const ACTION_PARTY: Readonly<Record<PayoutAction, PayoutParty>> = {
  offer: 'system',
  rematch: 'system',
  confirm: 'department',
  exclude: 'department',
  notify: 'system',
  authorise: 'citizen',
  decline: 'citizen',
  batch: 'department',
  pay: 'department',
  fail: 'department',
};

const TRANSITIONS: Readonly<Record<PayoutState, Partial<Record<PayoutAction, PayoutState>>>> = {
  offered: { rematch: 'offered', confirm: 'confirmed', exclude: 'excluded' },
  confirmed: { notify: 'notified', authorise: 'authorised', decline: 'declined' },
  notified: { authorise: 'authorised', decline: 'declined' },
  authorised: { authorise: 'authorised', batch: 'in_batch' },
  in_batch: { pay: 'paid', fail: 'failed' },
  failed: { authorise: 'authorised' },
  excluded: {},
  declined: {},
  paid: {},
};

/** Actions allowed in `state`, optionally only those of one party. */
export function allowedActions(state: PayoutState, party?: PayoutParty): PayoutAction[] {
  return (Object.keys(TRANSITIONS[state]) as PayoutAction[]).filter((a) => party === undefined || ACTION_PARTY[a] === party);
}

/** The state after `action`, or a 409 naming what `party` (or anyone) may do in `state`. */
export function transition(state: PayoutState, action: PayoutAction, party?: PayoutParty): PayoutState {
  const next = TRANSITIONS[state][action];
  if (!next) throw illegalTransition(action, state, allowedActions(state, party));
  return next;
}

/** The state a log leads to (it starts with `offer`). */
export function foldState(actions: readonly PayoutAction[]): PayoutState {
  if (actions[0] !== 'offer') throw new Error('a payout log starts with offer');
  let state: PayoutState = 'offered';
  for (const a of actions.slice(1)) state = transition(state, a);
  return state;
}

/** States in which the person sees the payout in "my benefits" (after the department's confirmation). */
export const VISIBLE_TO_SUBJECT: readonly PayoutState[] = ['confirmed', 'notified', 'authorised', 'declined', 'in_batch', 'paid', 'failed'];
