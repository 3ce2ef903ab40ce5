/**
 * `landao` command line. Exit status: 0 success, 1 a check found a problem (e.g. a broken audit chain),
 * 2 bad input or configuration (with a one-line reason on standard error); see run.ts.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { auditCommands } from './audit.ts';
import { customsCommands } from './customs.ts';
import { exchangeCommands } from './exchange.ts';
import { maskCommand, scanCommand } from './scan.ts';
import { registryCommands } from './registry.ts';
import { archivesCommands } from './archives.ts';
import { benefitsCommands } from './benefits.ts';
import { serveCommand } from './serve.ts';
import { rootCommand, runCli } from './run.ts';
import type { Command } from 'commander';

export function buildCli(): Command {
  const program = rootCommand();
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

export function main(argv: string[]): Promise<number> {
  return runCli(buildCli(), argv, [ConfigError]);
}
