/**
 * CPU time of the scan itself, in this thread, pass after pass over the same file: for A/B
 * comparisons of scanner changes on a loaded machine (the first pass pays for loading the segmenter
 * and dictionaries; the best later pass is the figure). Prints one JSON line: MiB, CPU seconds per
 * pass, MiB per CPU-second of the best later pass, and a digest of the columns, findings and person
 * counts (two builds that scan alike print the same digest).
 *
 *   npx tsx bench/scan/passes.ts /tmp/corpus-50m.csv [--passes 4] [--findings]
 *
 * `--src DIR` (repeatable) scans with the detection code of other source trees (a copy of `src/`
 * made before a change, with `node_modules` reachable from it): the trees take turns pass after
 * pass in this one process — each tree's passes interleaved with the others', so a machine whose
 * load changes during the run weighs on all of them alike — and one JSON line is printed per tree.
 *
 *   cp -r src /tmp/oldscan/src && ln -s "$PWD/node_modules" /tmp/oldscan/node_modules   # before the change
 *   taskset -c 1 npx tsx bench/scan/passes.ts /tmp/corpus-50m.csv --passes 6 --src /tmp/oldscan/src --src src
 *
 * Generate the file first (`npx tsx bench/scan/generate-corpus.ts --mb 50 --out /tmp/corpus-50m.csv`).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { openReader as OpenReader } from '../../src/contexts/detection/readers/index.ts';
import type { TableScan as TableScanClass } from '../../src/contexts/detection/scan/table-scan.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    passes: { type: 'string', default: '4' },
    findings: { type: 'boolean', default: false },
    src: { type: 'string', multiple: true },
  },
});
const file = positionals[0];
const passes = Number(values.passes);
if (!file || !Number.isInteger(passes) || passes < 2) {
  process.stderr.write('usage: npx tsx bench/scan/passes.ts FILE [--passes N ≥ 2] [--findings] [--src DIR …]\n');
  process.exit(2);
}

interface Tree {
  src: string;
  openReader: typeof OpenReader;
  TableScan: typeof TableScanClass;
  cpus: number[];
  digest: string;
}

const sources = values.src ?? [path.resolve(import.meta.dirname, '../../src')];
const trees: Tree[] = [];
for (const src of sources) {
  const dir = path.resolve(src);
  const readers = (await import(pathToFileURL(path.join(dir, 'contexts/detection/readers/index.ts')).href)) as { openReader: typeof OpenReader };
  const scan = (await import(pathToFileURL(path.join(dir, 'contexts/detection/scan/table-scan.ts')).href)) as { TableScan: typeof TableScanClass };
  trees.push({ src: dir, openReader: readers.openReader, TableScan: scan.TableScan, cpus: [], digest: '' });
}

async function pass(tree: Tree): Promise<void> {
  const before = process.cpuUsage();
  const reader = await tree.openReader(file!);
  const scan = new tree.TableScan(reader.columns(), { findings: values.findings });
  for await (const b of reader.batches()) scan.observeRows(b.firstRow, b.rows);
  const columns = scan.finish();
  await reader.close();
  const used = process.cpuUsage(before);
  tree.cpus.push((used.user + used.system) / 1e6);
  tree.digest = createHash('sha256')
    .update(JSON.stringify({ columns, findings: scan.findings, persons: scan.persons.counts() }))
    .digest('hex')
    .slice(0, 16);
}

// Round p: every tree once, in turn (the order alternates so no tree always runs first).
for (let p = 0; p < passes; p++) for (const tree of p % 2 === 0 ? trees : [...trees].reverse()) await pass(tree);

const mib = statSync(file).size / 2 ** 20;
for (const tree of trees) {
  const later = tree.cpus.slice(1);
  const best = Math.min(...later);
  const line = { mib: Math.round(mib * 10) / 10, cpuSeconds: tree.cpus.map((c) => Math.round(c * 100) / 100), mibPerCpuSecond: Math.round((mib / best) * 100) / 100, digest: tree.digest };
  process.stdout.write(`${JSON.stringify(trees.length > 1 ? { src: tree.src, ...line } : line)}\n`);
}
