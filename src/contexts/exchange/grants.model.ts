/**
 * A grant (共享申请) lets a consumer department look up records of another department's dataset: for a
 * stated purpose, a subset of the fields, a period. Its state is derived from the append-only action
 * log: requested → approved | rejected; requested or approved → revoked (by either side or the bureau).
 * 无条件共享 datasets are approved on request by the platform (still logged); 不予共享 ones cannot be
 * requested.
 */
import { z } from 'zod';
import { illegalTransition } from '../../kernel/errors.ts';

export const GRANT_STATES = ['requested', 'approved', 'rejected', 'revoked'] as const;
export type GrantState = (typeof GRANT_STATES)[number];

export const GRANT_ACTIONS = ['request', 'approve', 'reject', 'revoke', 'issue_credential'] as const;
export type GrantAction = (typeof GRANT_ACTIONS)[number];

const ALLOWED: Readonly<Record<GrantState, readonly GrantAction[]>> = {
  requested: ['approve', 'reject', 'revoke'],
  approved: ['revoke', 'issue_credential'],
  rejected: [],
  revoked: [],
};

export function allowedActions(state: GrantState): readonly GrantAction[] {
  return ALLOWED[state];
}

/** The state after replaying the action log from the start. */
export function deriveState(actions: readonly string[]): GrantState {
  let state: GrantState = 'requested';
  for (const a of actions) {
    if (a === 'approve') state = 'approved';
    else if (a === 'reject') state = 'rejected';
    else if (a === 'revoke') state = 'revoked';
  }
  return state;
}

export function checkTransition(state: GrantState, action: GrantAction): void {
  if (!ALLOWED[state].includes(action)) throw illegalTransition(action, state, ALLOWED[state]);
}

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const GrantRequestSchema = z.object({
  datasetId: z.number().int().positive(),
  /** 使用用途: stated once, and every lookup must state the same purpose. */
  purpose: z.string().trim().min(2).max(500),
  fields: z.array(z.string().min(1).max(63)).min(1).max(200),
  /** Sensitive fields the consumer needs unmasked; the owner sees this when reviewing. */
  clearFields: z.array(z.string().min(1).max(63)).max(200).default([]),
  validFrom: DATE,
  validUntil: DATE,
});
export type GrantRequest = z.infer<typeof GrantRequestSchema>;

/** The form a purpose is compared in: NFKC, trimmed, inner white space collapsed. */
export function normalizePurpose(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ');
}
