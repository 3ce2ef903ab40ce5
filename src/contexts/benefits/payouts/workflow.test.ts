import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../kernel/errors.ts';
import { allowedActions, foldState, transition } from './workflow.ts';

describe('payout workflow', () => {
  it('folds the whole happy path to paid', () => {
    expect(foldState(['offer', 'rematch', 'confirm', 'notify', 'authorise', 'batch', 'pay'])).toBe('paid');
  });

  it('lets a failed payment be authorised again with a corrected account and paid in a later batch', () => {
    expect(foldState(['offer', 'confirm', 'authorise', 'batch', 'fail', 'authorise', 'batch', 'pay'])).toBe('paid');
  });

  it('pays nothing that was not authorised', () => {
    for (const state of ['offered', 'confirmed', 'notified', 'declined', 'excluded'] as const) expect(allowedActions(state)).not.toContain('batch');
  });

  it('answers an illegal step with the actions the party may take', () => {
    try {
      transition('notified', 'confirm', 'citizen');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('illegal_transition');
      expect(isAppError(e) && e.details).toEqual({ action: 'confirm', state: 'notified', allowedActions: ['authorise', 'decline'] });
    }
    expect(allowedActions('offered', 'department')).toEqual(['confirm', 'exclude']);
    expect(allowedActions('paid')).toEqual([]);
  });

  it('refuses a log that does not start with an offer', () => {
    expect(() => foldState(['confirm'])).toThrow('starts with offer');
  });
});
