/**
 * What every `landao` entry shares: the root command and the mapping of errors to exit statuses
 * (0 success, 1 a check found a problem, 2 bad input or configuration, with a one-line reason on
 * standard error). `main.ts` runs the whole command line; `scan-main.ts` runs `scan` and `mask` alone.
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../kernel/errors.ts';

export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function rootCommand(): Command {
  return new Command('landao')
    .description('Landao 岚岛 — digital-government data platform of the Pingtan Comprehensive Experimental Zone')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

/** Errors that mean bad input: exit 2 with their first line. AppError always; main.ts adds ConfigError. */
export type BadInputError = abstract new (...args: never[]) => Error;

export async function runCli(program: Command, argv: string[], badInput: readonly BadInputError[] = []): Promise<number> {
  // Commands made apart and added with addCommand() do not inherit exitOverride(): without it a
  // usage error (a missing argument) would exit 1 from inside commander instead of 2 here.
  const inherit = (parent: Command): void => {
    for (const sub of parent.commands) {
      sub.copyInheritedSettings(parent);
      inherit(sub);
    }
  };
  inherit(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof CliExit) {
      if (e.message) process.stderr.write(`landao: ${e.message}\n`);
      return e.exitCode;
    }
    const error = e as Error;
    if (error instanceof AppError || badInput.some((k) => error instanceof k)) {
      process.stderr.write(`landao: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    process.stderr.write(`landao: internal error: ${error.message}\n`);
    return 1;
  }
}
