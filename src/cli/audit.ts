import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { Platform } from '../main.ts';

async function openPlatform(): Promise<Platform> {
  const { createPlatform } = await import('../main.ts');
  return createPlatform({ ...loadConfig(), seedDemo: false, logLevel: 'silent' });
}

export function auditCommands(): Command {
  const audit = new Command('audit').description('the hash-chained audit trail');
  audit
    .command('verify')
    .description('re-check the whole audit chain and its signed checkpoints; names the first broken link')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }) => {
      const platform = await openPlatform();
      try {
        const report = await platform.audit.verify();
        if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else if (report.ok)
          process.stdout.write(`audit chain intact: ${report.events} events, ${report.checkpoints} signed checkpoints, head ${report.headSeq}\n`);
        else {
          process.stdout.write(`audit chain BROKEN: first broken link at event ${report.firstBroken!.seq}: ${report.firstBroken!.reason}\n`);
          for (const p of report.problems.slice(1, 20)) process.stdout.write(`  also: event ${p.seq}: ${p.reason}\n`);
          if (report.problems.length > 20) process.stdout.write(`  … ${report.problems.length - 20} more\n`);
        }
        process.exitCode = report.ok ? 0 : 1;
      } finally {
        await platform.close();
      }
    });
  audit
    .command('checkpoint')
    .description('sign the current head of the chain now (normally a background job does this)')
    .action(async () => {
      const platform = await openPlatform();
      try {
        const c = await platform.audit.checkpoint();
        process.stdout.write(c ? `signed checkpoint at event ${c.seq} (${c.hash})\n` : 'nothing new to sign\n');
      } finally {
        await platform.close();
      }
    });
  return audit;
}
