/**
 * `landao scan` and `landao mask` without the rest of the command line. bin/landao.js runs this
 * entry from its plain-JS esbuild bundle (scan/bundles.mjs in the detection context builds it), so a
 * scan's main thread loads neither the tsx loader nor the other commands' modules: it only splits
 * the file, starts the workers and merges their results (peak RSS, issue 3).
 */
import { maskCommand, scanCommand } from './scan.ts';
import { rootCommand, runCli } from './run.ts';

export function main(argv: string[]): Promise<number> {
  return runCli(rootCommand().addCommand(scanCommand()).addCommand(maskCommand()), argv);
}
