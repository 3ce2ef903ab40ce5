/**
 * Scanner benchmark: one corpus, every tool, one table.
 *
 *   npx tsx bench/scan/run.ts --mb 1024 [--skip-peers] [--corpus path] [--encoding gbk] [--seed 42]
 *                             [--peer-max-mb N] [--workers 1,2] [--landao bin/landao | path/to/landao.js]
 *
 * 1. Generates the corpus with generate-corpus.ts unless it exists (default path
 *    `.tmp/bench/corpus-<mb>m[-<encoding>].csv`, with `<corpus>.truth.json` beside it).
 * 2. Reads the file once untimed so every tool starts from a warm page cache.
 * 3. Runs, on that same file: ripgrep (`-j1` and default threads, peers/ripgrep.sh), the npm peers
 *    (peers/openredaction.ts, peers/redact-pii.ts; on a prefix when they are too slow, see their
 *    headers) and Landao's scanner: `bin/landao scan <file> --json --workers N` for each N (the command
 *    users run: bin/landao.js under node with MALLOC_ARENA_MAX=2).
 *    Each child is measured with `/usr/bin/time -f '%e %M %U %S'`: wall seconds, peak RSS, CPU.
 * 4. Checks Landao's JSON report against the ground truth, column by column.
 * 5. Prints a Markdown report and writes it to `bench/out/scan-<date>.md` (git-ignored).
 *
 * MB are MiB (2^20 bytes). "MiB/s per core" divides by the cores the tool can use: 1 for the npm
 * peers and ripgrep on one file (ripgrep parallelises across files only), N for `--workers N`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hasValidator, type DetectorTypeId } from '../../src/contexts/detection/validators/index.ts';
import type { TruthColumn } from './generate-corpus.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MiB = 1048576;

// ---------------------------------------------------------------------------------------------
// Arguments.

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '1024' },
    corpus: { type: 'string' },
    encoding: { type: 'string', default: 'utf8' },
    seed: { type: 'string', default: '42' },
    'skip-peers': { type: 'boolean', default: false },
    'skip-rg': { type: 'boolean', default: false },
    'peer-max-mb': { type: 'string' },
    workers: { type: 'string', default: '1,2' },
    landao: { type: 'string', default: 'bin/landao' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npx tsx bench/scan/run.ts --mb 1024 [--skip-peers] [--skip-rg] [--corpus path] [--encoding utf8|gbk] [--seed 42] [--peer-max-mb N] [--workers 1,2] [--landao bin/landao]');
  process.exit(0);
}
const mb = Number(values.mb);
const encoding = values.encoding.toLowerCase();
const corpus = values.corpus ?? `.tmp/bench/corpus-${mb}m${encoding === 'utf8' ? '' : `-${encoding}`}.csv`;
const workerCounts = values.workers
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const loadAtStart = os.loadavg().map((n) => n.toFixed(2)).join(' ');
const reproduce = `npx tsx bench/scan/run.ts ${process.argv.slice(2).join(' ')}`.trim();

// ---------------------------------------------------------------------------------------------
// Child processes.

interface Measured {
  code: number | null;
  stdout: string;
  wall: number;
  cpu: number;
  rssMiB: number | null;
}

const hasTime = existsSync('/usr/bin/time');
const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'landao-bench-'));
process.on('exit', () => rmSync(tmpDir, { recursive: true, force: true }));

/** Runs `cmd args` (stderr passed through), measuring wall time, CPU and peak RSS. */
async function measure(cmd: string, args: string[]): Promise<Measured> {
  const timing = path.join(tmpDir, `time-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  const child = hasTime
    ? spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timing, cmd, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const out: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  const [code] = (await once(child, 'close')) as [number | null];
  const wallOwn = (performance.now() - t0) / 1000;
  let wall = wallOwn;
  let cpu = NaN;
  let rssMiB: number | null = null;
  if (hasTime && existsSync(timing)) {
    // The last line: /usr/bin/time may prepend "Command exited with non-zero status N".
    const last = readFileSync(timing, 'utf8').trim().split('\n').pop() ?? '';
    const [e, m, u, s] = last.split(/\s+/).map(Number);
    if (e !== undefined && Number.isFinite(e)) wall = e;
    if (m !== undefined && Number.isFinite(m)) rssMiB = m / 1024;
    if (u !== undefined && s !== undefined && Number.isFinite(u + s)) cpu = u + s;
  }
  return { code, stdout: Buffer.concat(out).toString('utf8'), wall, cpu, rssMiB };
}

function lastJsonLine<T>(stdout: string): T | null {
  const lines = stdout.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = (lines[i] ?? '').trim();
    if (l.startsWith('{')) {
      try {
        return JSON.parse(l) as T;
      } catch {
        return null;
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Results.

interface Row {
  tool: string;
  mib: number;
  seconds: number;
  cpu: number;
  mibPerSec: number;
  cores: number;
  rssMiB: number | null;
  notes: string;
}
const rows: Row[] = [];
const commands: string[] = [];

function say(line = ''): void {
  console.error(line);
}

function fmt(n: number | null, digits = 1): string {
  return n === null || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);
}

// ---------------------------------------------------------------------------------------------
// 1. Corpus.

if (!existsSync(corpus) || !existsSync(`${corpus}.truth.json`)) {
  say(`generating ${corpus} (${mb} MiB, ${encoding}, seed ${values.seed})…`);
  const gen = await measure(process.execPath, [
    '--import',
    'tsx',
    'bench/scan/generate-corpus.ts',
    '--mb',
    String(mb),
    '--out',
    corpus,
    '--encoding',
    encoding,
    '--seed',
    values.seed,
  ]);
  if (gen.code !== 0) {
    console.error('corpus generation failed');
    process.exit(1);
  }
}
const truthDoc = JSON.parse(readFileSync(`${corpus}.truth.json`, 'utf8')) as { encoding: string; rows: number; seed: number; columns: TruthColumn[] };
const fileBytes = statSync(corpus).size;
const fileMiB = fileBytes / MiB;
const textEncoding = truthDoc.encoding === 'utf8' ? '' : 'gb18030';
say(`corpus: ${corpus} — ${fmt(fileMiB)} MiB, ${truthDoc.rows} rows, ${truthDoc.columns.length} columns, ${truthDoc.encoding}, seed ${truthDoc.seed}`);

// 2. Warm the page cache.
{
  const t0 = performance.now();
  const rs = createReadStream(corpus, { highWaterMark: 4 * MiB });
  for await (const _chunk of rs) {
    // discard
  }
  say(`page cache warmed (${fmt((performance.now() - t0) / 1000, 2)} s)`);
}

// ---------------------------------------------------------------------------------------------
// 3a. ripgrep.

interface RgResult {
  version: string;
  threads: string;
  matches: number;
  command: string;
}

let rgPerCore: number | null = null;
if (values['skip-rg']) say('ripgrep: skipped (--skip-rg)');
else {
  for (const threads of ['1', 'all']) {
    const args = ['bench/scan/peers/ripgrep.sh', corpus, threads, ...(textEncoding ? [textEncoding] : [])];
    const m = await measure('bash', args);
    const r = lastJsonLine<RgResult>(m.stdout);
    if (m.code !== 0 || !r) {
      say(`ripgrep (${threads}): not available (exit ${m.code}; install with apt-get install ripgrep time)`);
      break;
    }
    commands.push(r.command);
    const mibPerSec = fileMiB / m.wall;
    if (threads === '1') rgPerCore = mibPerSec;
    rows.push({
      tool: `ripgrep ${r.version} ${threads === '1' ? '-j1' : `(default -j, ${os.availableParallelism()} cores)`}`,
      mib: fileMiB,
      seconds: m.wall,
      cpu: m.cpu,
      mibPerSec,
      cores: 1,
      rssMiB: m.rssMiB,
      notes: `${r.matches} candidate matches; regex only (no checksum/context/columns)${threads === 'all' ? '; one file = one search thread' : ''}`,
    });
    say(`ripgrep ${threads}: ${fmt(mibPerSec)} MiB/s, ${fmt(m.rssMiB)} MiB RSS`);
  }
}

// 3b. npm peers.

interface PeerJson {
  tool: string;
  version: string;
  bytes: number;
  seconds: number;
  setupSeconds: number;
  detections: number;
  partial: boolean;
  estFullSeconds: number;
  mibPerSec: number;
}

const peerRates: Record<string, number> = {};
if (values['skip-peers']) say('npm peers: skipped (--skip-peers)');
else {
  for (const peer of ['openredaction', 'redact-pii']) {
    const script = `bench/scan/peers/${peer}.ts`;
    const args = [script, corpus, ...(values['peer-max-mb'] ? ['--max-mb', values['peer-max-mb']] : []), ...(textEncoding ? ['--encoding', textEncoding] : [])];
    commands.push(`npx tsx ${args.join(' ')}`);
    say(`running ${peer}…`);
    const m = await measure(process.execPath, ['--import', 'tsx', ...args]);
    const r = lastJsonLine<PeerJson>(m.stdout);
    if (m.code !== 0 || !r) {
      say(`${peer}: failed (exit ${m.code})`);
      continue;
    }
    const mib = r.bytes / MiB;
    // Rate over the child's whole life (load + set-up + scan), like the other tools.
    const mibPerSec = mib / m.wall;
    // Targets compare against the peer's best figure: its detect loop alone (no start-up).
    peerRates[`${r.tool} ${r.version}`] = Math.max(mibPerSec, r.mibPerSec);
    rows.push({
      tool: `${r.tool} ${r.version}`,
      mib,
      seconds: m.wall,
      cpu: m.cpu,
      mibPerSec,
      cores: 1,
      rssMiB: m.rssMiB,
      notes:
        `${r.detections} detections` +
        (r.partial ? `; PREFIX ONLY (first ${fmt(mib, 0)} MiB), whole file ≈ ${fmt(fileMiB / mibPerSec, 0)} s extrapolated` : '') +
        `; detect loop alone ${fmt(r.mibPerSec, 2)} MiB/s`,
    });
  }
}

// 3c. Landao.

interface ScanDetection {
  type: string;
  matches: number;
  ratio: number;
  confidence: number;
}
interface ScanColumn {
  index: number;
  name: string;
  detections: ScanDetection[];
}
interface ScanReport {
  rowsScanned?: number;
  encoding?: string;
  columns?: ScanColumn[];
  files?: ScanReport[];
}

const ours: Record<number, { mibPerSec: number; rssMiB: number | null; report: ScanReport | null }> = {};
let landaoAvailable = existsSync(path.resolve(ROOT, values.landao));
if (!landaoAvailable) say(`landao scan not available (${values.landao} not found)`);
for (const w of workerCounts) {
  if (!landaoAvailable) break;
  // The command users run (bin/landao, a shell wrapper that sets MALLOC_ARENA_MAX), or a .js/.mjs entry under node.
  const script = /\.m?js$/.test(values.landao);
  const args = [...(script ? [values.landao] : []), 'scan', corpus, '--json', '--workers', String(w)];
  commands.push(script ? `node ${args.join(' ')}` : `${values.landao} ${args.join(' ')}`);
  say(`running landao scan --workers ${w}…`);
  const m = await measure(script ? process.execPath : path.resolve(ROOT, values.landao), args);
  let report: ScanReport | null = null;
  try {
    report = JSON.parse(m.stdout) as ScanReport;
    if (report.files && report.files.length === 1) report = report.files[0] ?? null;
  } catch {
    report = null;
  }
  if (m.code !== 0 || !report || !Array.isArray(report.columns)) {
    say(`landao scan not available (exit ${m.code}${m.stdout ? '' : ', no JSON on stdout'})`);
    landaoAvailable = false;
    break;
  }
  const mibPerSec = fileMiB / m.wall;
  ours[w] = { mibPerSec, rssMiB: m.rssMiB, report };
  rows.push({
    tool: `landao scan --workers ${w}`,
    mib: fileMiB,
    seconds: m.wall,
    cpu: m.cpu,
    mibPerSec,
    cores: Math.min(w, os.availableParallelism()),
    rssMiB: m.rssMiB,
    notes: `${report.rowsScanned ?? '?'} rows scanned${report.rowsScanned !== undefined && report.rowsScanned !== truthDoc.rows ? ` (truth: ${truthDoc.rows})` : ''}`,
  });
}

// ---------------------------------------------------------------------------------------------
// 4. Accuracy.

/** Identifier types: those with a strict validator (not person_name, address, medical_record, …). */
function isIdentifierType(t: string): boolean {
  return hasValidator(t as DetectorTypeId);
}

const accuracyLines: string[] = [];
let accuracySummary = '';
const firstReport = Object.values(ours)[0]?.report ?? null;
if (firstReport?.columns) {
  const byIndex = new Map(firstReport.columns.map((c) => [c.index, c]));
  let pass = 0;
  let scored = 0;
  accuracyLines.push('| # | column | truth | top detection (ratio, confidence) | other detections | verdict |', '|---|---|---|---|---|---|');
  for (const t of truthDoc.columns) {
    const col = byIndex.get(t.index);
    const dets = col?.detections ?? [];
    const top = dets[0];
    const show = (d: ScanDetection): string => `${d.type} (${fmt(d.ratio, 4)}, ${fmt(d.confidence, 2)})`;
    let verdict: string;
    if (!col) verdict = 'FAIL (column missing)';
    else if (col.name !== t.name) verdict = `FAIL (name ${col.name})`;
    else if (t.truth === 'decoy') {
      const bad = dets.filter((d) => isIdentifierType(d.type));
      verdict = bad.length === 0 ? (dets.length === 0 ? 'ok' : 'ok (non-identifier detection)') : `FAIL (${bad.map((d) => d.type).join(', ')})`;
    } else if (t.truth === 'free_text') {
      const extra = dets.filter((d) => !(t.embeds ?? []).includes(d.type));
      verdict = extra.length === 0 ? 'ok' : `ok? (also ${extra.map((d) => d.type).join(', ')})`;
    } else verdict = top?.type === t.truth ? 'ok' : 'FAIL';
    if (t.truth !== 'free_text') {
      scored++;
      if (verdict.startsWith('ok')) pass++;
    }
    accuracyLines.push(
      `| ${t.index} | ${t.name} | ${t.truth} | ${top ? show(top) : '—'} | ${dets.slice(1, 4).map(show).join('; ') || '—'}${dets.length > 4 ? ` (+${dets.length - 4})` : ''} | ${verdict} |`,
    );
  }
  accuracySummary = `${pass}/${scored} columns right (free text not scored; decoys right when no identifier type is detected in them)`;
  // Every worker count must report the same counts: a parallel scan is exact, not approximate.
  const key = (r: ScanReport | null): string =>
    JSON.stringify((r?.columns ?? []).map((c) => [c.index, c.detections.map((d) => [d.type, d.matches])]));
  for (const [w, o] of Object.entries(ours)) {
    if (o.report === firstReport) continue;
    accuracySummary += `\n\n--workers ${w} report ${key(o.report) === key(firstReport) ? 'has the same detections and match counts' : 'DIFFERS from'} the first one.`;
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Report.

const table = [
  '| tool | MiB | seconds | CPU s | MiB/s | MiB/s per core | MiB per CPU-s | peak RSS MiB | notes |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.tool} | ${fmt(r.mib)} | ${fmt(r.seconds, 2)} | ${fmt(r.cpu, 2)} | ${fmt(r.mibPerSec, 2)} | ${fmt(r.mibPerSec / r.cores, 2)} | ${fmt(r.mib / r.cpu, 2)} | ${fmt(r.rssMiB, 0)} | ${r.notes} |`,
  ),
];

const targets: string[] = [];
const w1 = ours[1];
if (w1) {
  const check = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
  targets.push(`- ≥ 50 MiB/s per core (--workers 1): ${fmt(w1.mibPerSec)} MiB/s — ${check(w1.mibPerSec >= 50)}`);
  for (const [peer, rate] of Object.entries(peerRates)) {
    const x = w1.mibPerSec / rate;
    targets.push(`- ≥ 10× ${peer} (its detect loop alone, ${fmt(rate, 2)} MiB/s): ${fmt(x, 0)}× — ${check(x >= 10)}`);
  }
  if (rgPerCore !== null) {
    const x = rgPerCore / w1.mibPerSec;
    targets.push(`- within 4× of ripgrep -j1: ripgrep is ${fmt(x, 2)}× faster — ${check(x <= 4)}`);
  }
  const rss = Object.values(ours).map((o) => o.rssMiB ?? Infinity);
  targets.push(`- peak RSS ≤ 300 MiB: max ${fmt(Math.max(...rss), 0)} MiB — ${check(Math.max(...rss) <= 300)}`);
  const w2 = ours[2];
  if (w2) {
    const x = w2.mibPerSec / w1.mibPerSec;
    targets.push(`- ≥ 1.7× speed-up with 2 workers: ${fmt(x, 2)}× — ${check(x >= 1.7)}`);
  }
} else targets.push('- landao scan not available: no target checked.');

const now = new Date();
const load = os.loadavg().map((n) => n.toFixed(2)).join(' ');
const stamp = now.toISOString().slice(0, 10);
const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
const md = [
  `# Scanner benchmark — ${now.toISOString()}`,
  '',
  `Machine: ${os.availableParallelism()} cores (${cpuModel}), ${fmt(os.totalmem() / 1024 ** 3, 0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; load average at start ${loadAtStart}, at end ${load}.`,
  `Corpus: \`${corpus}\`, ${fmt(fileMiB)} MiB, ${truthDoc.rows} rows × ${truthDoc.columns.length} columns, ${truthDoc.encoding}, seed ${truthDoc.seed}. Warm page cache. MiB = 2^20 bytes.`,
  '',
  ...table,
  '',
  'Wall time, CPU (user+sys) and peak RSS of each child process from `/usr/bin/time`; MiB/s = MiB processed / wall seconds (process start included). ' +
    'MiB per CPU-s = MiB / CPU seconds: less sensitive to other load on a shared machine than wall time.',
  '',
  '## Targets',
  '',
  ...targets,
  '',
  '## Accuracy of `landao scan` against the ground truth',
  '',
  ...(accuracyLines.length ? [...accuracyLines, '', accuracySummary] : ['landao scan not available.']),
  '',
  '## Reproduce',
  '',
  '```sh',
  reproduce,
  '```',
  '',
  'Commands run:',
  '',
  '```sh',
  ...commands,
  '```',
  '',
].join('\n');

console.log(md);
const outDir = path.join(ROOT, 'bench/out');
mkdirSync(outDir, { recursive: true });
let outFile = path.join(outDir, `scan-${stamp}.md`);
for (let i = 2; existsSync(outFile); i++) outFile = path.join(outDir, `scan-${stamp}-${i}.md`);
writeFileSync(outFile, md);
console.error(`\nwritten to ${path.relative(ROOT, outFile)}`);
