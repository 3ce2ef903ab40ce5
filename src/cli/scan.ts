/**
 * `landao scan` and `landao mask`: their options here, what they do in scan-actions.ts (imported when
 * one of them runs). bin/landao.js runs these two from a plain-JS bundle of scan-main.ts.
 */
import { Command, Option } from 'commander';
import { AppError } from '../kernel/errors.ts';
import type { MaskCliOptions, ScanCliOptions } from './scan-actions.ts';

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new AppError('bad_request', `${name} must be a non-negative integer, got "${v}"`);
  return n;
};

export function scanCommand(): Command {
  return new Command('scan')
    .description('find sensitive data (identity numbers, phones, names, addresses, health data…) in a file, a directory or a database table')
    .argument('<input>', 'file, directory, or postgres://…?table=… / mysql://…?table=…')
    .option('--json', 'print exactly one JSON report on standard output (progress on standard error)')
    .option('--findings', 'include one entry per match (row, column, type, span)')
    .addOption(new Option('--sample <n>', 'read only the first N data rows').argParser(positiveInt('--sample')))
    .addOption(new Option('--workers <n>', 'worker threads for large CSV/TSV files').argParser(positiveInt('--workers')).default(1))
    .option('--html <file>', 'also write a printable HTML report')
    .action(async (input: string, opts: ScanCliOptions) => (await import('./scan-actions.ts')).scan(input, opts));
}

export function maskCommand(): Command {
  return new Command('mask')
    .description('write a desensitised copy of a file (CSV out): replace, partially mask or tokenise what the scanner finds')
    .argument('<input>', 'file to read (any format landao scan reads)')
    .argument('<output>', 'CSV file to write')
    .addOption(new Option('--mode <mode>', 'replace | partial | tokenize').choices(['replace', 'partial', 'tokenize']).default('partial'))
    .option('--key <key>', 'key for tokenize (default: LANDAO_MASK_KEY)')
    .option('--types <list>', 'comma-separated detector types to mask (default: all found)')
    .action(async (input: string, output: string, opts: MaskCliOptions) => (await import('./scan-actions.ts')).mask(input, output, opts));
}
