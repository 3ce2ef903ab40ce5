import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.ts';
import { allowedActions, foldState, transition } from './workflow.ts';

describe('declaration workflow', () => {
  it('derives the state from the action log', () => {
    expect(foldState(['create'])).toBe('draft');
    expect(foldState(['create', 'attach', 'submit', 'scan_completed', 'request_info', 'attach', 'resubmit', 'scan_completed', 'approve'])).toBe('approved');
    expect(foldState(['create', 'attach', 'submit', 'scan_failed', 'attach', 'submit'])).toBe('scanning');
  });

  it('refuses an action the state does not allow, listing the allowed ones', () => {
    try {
      transition('approved', 'approve');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('illegal_transition');
      expect((e as AppError).details).toMatchObject({ action: 'approve', state: 'approved', allowedActions: ['revoke'] });
    }
  });

  it('ends in states that allow nothing more', () => {
    for (const s of ['rejected', 'withdrawn', 'revoked'] as const) expect(allowedActions(s)).toEqual([]);
  });

  it('does not accept a log that does not start with create', () => {
    expect(() => foldState(['submit'])).toThrow();
  });
});
