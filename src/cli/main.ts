/**
 * `landao` command line. Exit status: 0 success, 1 a check found a problem (e.g. a broken audit chain),
 * 2 bad input or configuration (with a one-line reason on standard error).
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { AppError } from '../kernel/errors.ts';
import { auditCommands } from './audit.ts';
import { customsCommands } from './customs.ts';
import { exchangeCommands } from './exchange.ts';
import { maskCommand, scanCommand } from './scan.ts';
import { registryCommands } from './registry.ts';
import { archivesCommands } from './archives.ts';
import { benefitsCommands } from './benefits.ts';
import { serveCommand } from './serve.ts';

export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function buildCli(): Command {
  const program = new Command('landao')
    .description('Landao 岚岛 — digital-government data platform of the Pingtan Comprehensive Experimental Zone')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program.addCommand(serveCommand());
  program.addCommand(auditCommands());
  program.addCommand(scanCommand());
  program.addCommand(maskCommand());
  program.addCommand(customsCommands());
  program.addCommand(exchangeCommands());
  program.addCommand(registryCommands());
  program.addCommand(archivesCommands());
  program.addCommand(benefitsCommands());
  program
    .command('migrate')
    .description('apply database migrations and exit')
    .action(async () => {
      const { openDatabase } = await import('../db/database.ts');
      const { migrateToLatest } = await import('../db/migrate.ts');
      const config = loadConfig();
      const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const r = await migrateToLatest(db.db);
        process.stdout.write(`migrations applied: ${r.results?.filter((x) => x.status === 'Success').length ?? 0}\n`);
      } finally {
        await db.close();
      }
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildCli();
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
    if (e instanceof ConfigError || e instanceof AppError) {
      process.stderr.write(`landao: ${e.message.split('\n')[0]}\n`);
      return 2;
    }
    process.stderr.write(`landao: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}
