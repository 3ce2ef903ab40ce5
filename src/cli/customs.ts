import fs from 'node:fs';
import { Command, Option } from 'commander';
import { AppError } from '../kernel/errors.ts';

/** `landao customs assess <scenario.json>` per shared/contracts/assess.md. */
export function customsCommands(): Command {
  const customs = new Command('customs').description('data customs (数据海关): cross-border transfer rules');
  customs
    .command('assess')
    .description('decide the legal route of one outbound data transfer (CAC Order 16, the zone lists, core/important data)')
    .argument('<scenario>', 'scenario JSON file, or - for standard input')
    .option('--json', 'print the decision as JSON')
    .addOption(new Option('--lang <lang>', 'language of the notes').choices(['zh-CN', 'zh-TW', 'en']).default('zh-CN'))
    .action(async (file: string, opts: { json?: boolean; lang: 'zh-CN' | 'zh-TW' | 'en' }) => {
      const { assess, parseScenario } = await import('../contexts/customs/index.ts');
      let text: string;
      try {
        text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (e) {
        throw new AppError('bad_request', `${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new AppError('invalid_json', `${file}: not valid JSON (${(e as Error).message})`);
      }
      const decision = assess(parseScenario(json), { lang: opts.lang });
      if (opts.json) {
        process.stdout.write(JSON.stringify(decision) + '\n');
        return;
      }
      const lines = [
        `outcome: ${decision.outcome}`,
        `basis:   ${decision.basis.join(', ')}`,
        `persons: ${decision.totals.personalSubjects.toLocaleString('en')} personal, ${decision.totals.sensitiveSubjects.toLocaleString('en')} sensitive (cumulative this year)`,
        ...decision.notes.map((n) => `  - ${n}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
  return customs;
}
