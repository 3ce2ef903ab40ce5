/**
 * The declaration workflow as data: which action is allowed in which state, and the state an
 * action leads to. The state of a declaration is the fold of its action log over `TRANSITIONS`;
 * nothing else moves it.
 *
 *   draft ─submit→ scanning ─scan_completed→ pending_review ─approve→ approved ─revoke→ revoked
 *     ↑               └─scan_failed→ draft         │  └─reject→ rejected
 *     └──────── (edit, attach) ───────────         └─request_info→ info_requested ─resubmit→ scanning
 *   draft / pending_review / info_requested ─withdraw→ withdrawn
 */
import { illegalTransition } from '../../../kernel/errors.ts';

export const STATES = ['draft', 'scanning', 'pending_review', 'info_requested', 'approved', 'rejected', 'withdrawn', 'revoked'] as const;
export type DeclarationState = (typeof STATES)[number];

export const ACTIONS = [
  'create',
  'edit',
  'attach',
  'submit',
  'scan_completed',
  'scan_failed',
  'request_info',
  'resubmit',
  'approve',
  'reject',
  'withdraw',
  'revoke',
] as const;
export type DeclarationAction = (typeof ACTIONS)[number];

/** Who may take an action: the exporter's staff, a customs officer, or the platform itself (scan job). */
export type ActionParty = 'exporter' | 'officer' | 'system';

export const ACTION_PARTY: Readonly<Record<DeclarationAction, ActionParty>> = {
  create: 'exporter',
  edit: 'exporter',
  attach: 'exporter',
  submit: 'exporter',
  scan_completed: 'system',
  scan_failed: 'system',
  request_info: 'officer',
  resubmit: 'exporter',
  approve: 'officer',
  reject: 'officer',
  withdraw: 'exporter',
  revoke: 'officer',
};

const TRANSITIONS: Readonly<Record<DeclarationState, Partial<Record<DeclarationAction, DeclarationState>>>> = {
  draft: { edit: 'draft', attach: 'draft', submit: 'scanning', withdraw: 'withdrawn' },
  scanning: { scan_completed: 'pending_review', scan_failed: 'draft' },
  pending_review: { approve: 'approved', reject: 'rejected', request_info: 'info_requested', withdraw: 'withdrawn' },
  info_requested: { edit: 'info_requested', attach: 'info_requested', resubmit: 'scanning', withdraw: 'withdrawn' },
  approved: { revoke: 'revoked' },
  rejected: {},
  withdrawn: {},
  revoked: {},
};

export function allowedActions(state: DeclarationState): DeclarationAction[] {
  return Object.keys(TRANSITIONS[state]) as DeclarationAction[];
}

/** The state after `action`, or a 409 listing what is allowed in `state`. */
export function transition(state: DeclarationState, action: DeclarationAction): DeclarationState {
  const next = TRANSITIONS[state][action];
  if (!next) throw illegalTransition(action, state, allowedActions(state));
  return next;
}

/** The state a log of actions leads to (the log starts with `create`). */
export function foldState(actions: readonly DeclarationAction[]): DeclarationState {
  if (actions[0] !== 'create') throw new Error('a declaration log starts with create');
  let state: DeclarationState = 'draft';
  for (const a of actions.slice(1)) state = transition(state, a);
  return state;
}
