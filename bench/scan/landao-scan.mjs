#!/usr/bin/env node
// `landao scan` alone, for the benchmark's memory figure: the same scan command as bin/landao.js
// (src/cli/scan.ts), without loading the CLI's other commands (whose modules cost the main thread
// memory before a scan starts, see README.md). Use: npx tsx bench/scan/run.ts --landao bench/scan/landao-scan.mjs
import { Command } from 'commander';
import { register } from 'tsx/esm/api';

register();
const { scanCommand } = await import('../../src/cli/scan.ts');
const program = new Command('landao').addCommand(scanCommand());
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (e) {
  process.stderr.write(`landao: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
