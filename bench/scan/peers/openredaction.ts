/**
 * Peer benchmark: `@openredaction/openredaction` (default options and patterns) over the benchmark
 * CSV, one `detect()` call per line, counting detections by type.
 *
 *   npx tsx bench/scan/peers/openredaction.ts <file.csv> [--max-mb 50] [--max-seconds 900] [--encoding gb18030]
 *
 * The library runs at well under 1 MiB/s on this corpus, so by default only the first 50 MiB are
 * processed and the whole-file time is extrapolated from that rate (`partial: true` in the JSON
 * line, "PREFIX ONLY" on standard error). `--max-mb 0 --max-seconds 0` runs the whole file.
 *
 * Defaults matter for memory: `deterministic: true` keeps a value → placeholder map of every
 * distinct value seen, so its RSS grows with the input. That is the library as shipped.
 */
import { readFileSync } from 'node:fs';
import { OpenRedaction } from '@openredaction/openredaction';
import { fileSize, finish, forEachLine, parsePeerArgs, topTypes } from './common.ts';

const PKG = '@openredaction/openredaction';
const version = (JSON.parse(readFileSync(new URL(`../../../node_modules/${PKG}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

const opts = parsePeerArgs({ maxMb: 50, maxSeconds: 900 });
const t0 = performance.now();
const detector = new OpenRedaction();
const setupSeconds = (performance.now() - t0) / 1000;

let detections = 0;
const byType: Record<string, number> = {};
const run = await forEachLine(
  opts,
  (line) => {
    const result = detector.detect(line);
    detections += result.detections.length;
    for (const d of result.detections) byType[d.type] = (byType[d.type] ?? 0) + 1;
  },
  (bytes, s) => console.error(`  ${PKG}: ${(bytes / 1048576).toFixed(0)} MiB in ${s.toFixed(0)} s`),
);

finish({
  tool: PKG,
  version,
  file: opts.file,
  fileBytes: fileSize(opts.file),
  ...run,
  setupSeconds,
  detections,
  byType: topTypes(byType),
  note: 'default options (all patterns, deterministic placeholders); one detect() per CSV line',
});
