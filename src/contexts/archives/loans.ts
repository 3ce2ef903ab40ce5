/**
 * 借阅 (borrowing): another department asks to use a record for a purpose and a period; the archive
 * approves or rejects; the requester may withdraw. State is folded from the append-only action log.
 */
import { z } from 'zod';
import { illegalTransition } from '../../kernel/errors.ts';

export const LOAN_STATES = ['requested', 'approved', 'rejected', 'withdrawn'] as const;
export type LoanState = (typeof LOAN_STATES)[number];
export const LOAN_ACTIONS = ['request', 'approve', 'reject', 'withdraw'] as const;
export type LoanAction = (typeof LOAN_ACTIONS)[number];

const TRANSITIONS: Record<LoanState, Partial<Record<LoanAction, LoanState>>> = {
  requested: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { withdraw: 'withdrawn' },
  rejected: {},
  withdrawn: {},
};

export function allowedLoanActions(state: LoanState): LoanAction[] {
  return Object.keys(TRANSITIONS[state]) as LoanAction[];
}

/** The state after `action`; illegal_transition (409 with allowedActions) otherwise. */
export function nextLoanState(state: LoanState, action: LoanAction): LoanState {
  const next = TRANSITIONS[state][action];
  if (!next) throw illegalTransition(action, state, allowedLoanActions(state));
  return next;
}

/** The state the action log leads to. */
export function foldLoan(actions: readonly { action: string }[]): LoanState {
  let state: LoanState = 'requested';
  for (const a of actions.slice(1)) state = nextLoanState(state, a.action as LoanAction);
  return state;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const loanRequestSchema = z
  .object({
    archivalCode: z.string().min(1).max(64),
    purpose: z.string().trim().min(2).max(500),
    validFrom: day,
    validUntil: day,
  })
  .refine((r) => r.validFrom <= r.validUntil, { path: ['validUntil'], message: 'not before validFrom' });
export type LoanRequest = z.infer<typeof loanRequestSchema>;
