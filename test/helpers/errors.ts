/** The AppError a function throws, for tests that assert its code, message or details. */
import { AppError } from '../../src/kernel/errors.ts';

export function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
