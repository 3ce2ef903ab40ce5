/**
 * CPU time of the scan itself, in this thread, pass after pass over the same file: for A/B
 * comparisons of scanner changes on a loaded machine (the first pass pays for loading the segmenter
 * and dictionaries; the best later pass is the figure). Prints one JSON line: MiB, CPU seconds per
 * pass, MiB per CPU-second of the best later pass, and a digest of the columns, findings and person
 * counts (two builds that scan alike print the same digest).
 *
 *   npx tsx bench/scan/passes.ts /tmp/corpus-50m.csv [--passes 4] [--findings]
 *
 * Generate the file first (`npx tsx bench/scan/generate-corpus.ts --mb 50 --out /tmp/corpus-50m.csv`).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openReader } from '../../src/contexts/detection/readers/index.ts';
import { TableScan } from '../../src/contexts/detection/scan/table-scan.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { passes: { type: 'string', default: '4' }, findings: { type: 'boolean', default: false } },
});
const file = positionals[0];
const passes = Number(values.passes);
if (!file || !Number.isInteger(passes) || passes < 2) {
  process.stderr.write('usage: npx tsx bench/scan/passes.ts FILE [--passes N ≥ 2] [--findings]\n');
  process.exit(2);
}

const cpus: number[] = [];
let digest = '';
for (let p = 0; p < passes; p++) {
  const before = process.cpuUsage();
  const reader = await openReader(file);
  const scan = new TableScan(reader.columns(), { findings: values.findings });
  for await (const b of reader.batches()) scan.observeRows(b.firstRow, b.rows);
  const columns = scan.finish();
  await reader.close();
  const used = process.cpuUsage(before);
  cpus.push((used.user + used.system) / 1e6);
  digest = createHash('sha256')
    .update(JSON.stringify({ columns, findings: scan.findings, persons: scan.persons.counts() }))
    .digest('hex')
    .slice(0, 16);
}
const mib = statSync(file).size / 2 ** 20;
const best = Math.min(...cpus.slice(1));
process.stdout.write(
  `${JSON.stringify({ mib: Math.round(mib * 10) / 10, cpuSeconds: cpus.map((c) => Math.round(c * 100) / 100), mibPerCpuSecond: Math.round((mib / best) * 100) / 100, digest })}\n`,
);
