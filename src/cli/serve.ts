import { Command } from 'commander';
import { loadConfig } from '../config.ts';

export function serveCommand(): Command {
  return new Command('serve').description('start the platform (HTTP API, web console and portal, background jobs)').action(async () => {
    const config = loadConfig();
    // Loaded on use, so `landao --help` and other commands start fast.
    const { createPlatform } = await import('../main.ts');
    const { DEMO_PASSWORD } = await import('../contexts/identity/index.ts');
    const platform = await createPlatform(config);
    await platform.start();
    const address = await platform.http.listen({ port: config.port, host: config.host });
    const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    const out = [
      ``,
      `  岚岛 Landao ${platform.version} — ${platform.database.dialect === 'sqlite' ? `SQLite ${platform.database.file}` : 'PostgreSQL'}`,
      `  Portal:  ${shown}/portal`,
      `  Console: ${shown}/console`,
      `  API:     ${shown}/api/docs`,
    ];
    if (platform.demoAccounts) {
      out.push(``, `  Demo data seeded. Logins (password ${DEMO_PASSWORD}):`);
      for (const a of platform.demoAccounts) out.push(`    ${a.username.padEnd(14)} ${a.displayName}  [${a.roles.join(', ')}]`);
    } else if (config.seedDemo) {
      out.push(``, `  Existing data kept. Demo logins (if seeded earlier) use password ${DEMO_PASSWORD}: admin, auditor, shenpi, taibao, qiye, bank.`);
    }
    process.stdout.write(out.join('\n') + '\n\n');
    // After listening, so readiness does not wait for it; requests meanwhile are answered between its steps.
    void platform.warmUp();

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      platform.http.log.info({ signal }, 'shutting down');
      await platform.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
    // Keep running until a signal arrives.
    await new Promise(() => undefined);
  });
}
