/**
 * Scores `landao scan` against a blind labelled column set: either generator's output
 * (bench/eval/columns/generate.ts, bench/eval/columns-b/generate.ts).
 *
 *   npx tsx bench/eval/columns/generate.ts --out DIR      (or columns-b/generate.ts)
 *   npx tsx bench/eval/columns-eval.ts DIR
 *
 * Runs `node bin/landao.js scan <file> --json` on every file of `DIR/truth.json`
 * (`{ file: [{ index, header, truth }] }`) and compares each column's `detections` with its label:
 * - a typed column is right when `detections[0].type` is the labelled type;
 * - a `decoy` column is right when it has no detection of a sensitive type (every type except
 *   `person_name` and `address`, which on a decoy are listed apart as a softer failure); any
 *   detection counts, however low its ratio (the report lists a type once it matched one cell),
 *   so ratio and confidence are printed to tell a column-level call from a stray cell;
 * - `free_text` columns are only listed.
 * Accuracy target ≥ 95 %, decoy false positives 0. Exit status: 0 when both hold, 1 when one does
 * not, 2 when a scan failed or the set is malformed. Sample values of wrong columns are read from
 * each format itself (XLSX first sheet with exceljs, JSON/NDJSON by path a.b[].c, Parquet with
 * hyparquet, delimited text with the delimiter sniffed from the header line), with totals per format.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, jsonColumns, parseDelimited, readParquet, readXlsxSheet, scalarText, sniffDelimiter } from './read-table.ts';

const ACCURACY_TARGET = 0.95;
/** Types a decoy may show without counting as a hard false positive (they are reported apart). */
const SOFT_TYPES = new Set(['person_name', 'address']);

interface TruthEntry {
  index: number;
  header: string;
  truth: string;
}

interface Detection {
  type: string;
  matches: number;
  ratio: number;
  confidence: number;
}

interface ReportColumn {
  index: number;
  name: string;
  detections: Detection[];
}

interface Report {
  source: string;
  format: string;
  encoding?: string;
  rowsScanned: number;
  columns: ReportColumn[];
}

interface Outcome {
  file: string;
  format: string;
  entry: TruthEntry;
  reportedName: string | undefined;
  detections: Detection[];
  samples: string[];
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function scan(path: string): Report {
  const res = spawnSync(process.execPath, [join(repoRoot, 'bin/landao.js'), 'scan', path, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.status !== 0) {
    throw new Error(`scan of ${path} exited with ${String(res.status ?? res.signal)}: ${(res.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  }
  const doc = JSON.parse(res.stdout) as Report | { files: Report[] };
  if ('files' in doc) {
    const first = doc.files[0];
    if (first === undefined) throw new Error(`scan of ${path} returned no report`);
    return first;
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Reading the files back for sample values (bench/eval/read-table.ts, independent of the scanner's own readers)

/** Cell values of each column, addressed by the truth entry (index for tables, header for paths). */
type ColumnValues = (entry: TruthEntry) => string[];

async function readColumns(path: string, entries: TruthEntry[]): Promise<ColumnValues> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') {
    const text = decode(readFileSync(path));
    const records =
      ext === '.json'
        ? (JSON.parse(text) as unknown[])
        : text
            .split(/\r?\n/)
            .filter((l) => l.trim() !== '')
            .map((l) => JSON.parse(l) as unknown);
    const cols = jsonColumns(records);
    return (e) => cols.get(e.header) ?? [];
  }
  if (ext === '.parquet') {
    const { rows } = await readParquet(readFileSync(path));
    return (e) => rows.map((r) => scalarText(r[e.header]));
  }
  let table: string[][];
  if (ext === '.xlsx') {
    // A title row may sit above the header: start after the row holding the first header.
    const sheet = await readXlsxSheet(path, entries[0]?.header);
    table = sheet.table.slice(sheet.headerAt + 1);
  } else {
    const text = decode(readFileSync(path));
    table = parseDelimited(text, ext === '.tsv' ? '\t' : sniffDelimiter(text)).slice(1);
  }
  return (e) => table.map((r) => r[e.index] ?? '');
}

/** Three distinct non-empty values, spread over the column. */
function pickSamples(all: string[]): string[] {
  const values = all.filter((v) => v.trim() !== '' && v.trim() !== '-');
  const picked: string[] = [];
  for (const at of [0, 0.5, 0.99]) {
    const v = values[Math.floor(at * (values.length - 1))];
    if (v !== undefined && !picked.includes(v)) picked.push(v);
  }
  for (const v of values) {
    if (picked.length >= 3) break;
    if (!picked.includes(v)) picked.push(v);
  }
  return picked;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

function fmtDetections(ds: Detection[], max = 3): string {
  if (ds.length === 0) return '(nothing)';
  const shown = ds.slice(0, max).map((d) => `${d.type} (ratio ${d.ratio.toFixed(3)}, conf ${d.confidence.toFixed(2)}, ${d.matches} cells)`);
  return shown.join('; ') + (ds.length > max ? `; +${ds.length - max} more` : '');
}

function fmtSamples(s: string[]): string {
  return s.map((v) => JSON.stringify(v)).join(', ');
}

function line(o: Outcome, what: string): string {
  const header = o.reportedName !== undefined && o.reportedName.trim() !== o.entry.header.trim() ? `${o.entry.header} (reported as "${o.reportedName}")` : o.entry.header;
  return `- ${o.file} #${o.entry.index} "${header}": ${what}\n    reported: ${fmtDetections(o.detections)}\n    samples: ${fmtSamples(o.samples)}`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const dir = process.argv[2];
  if (dir === undefined) {
    console.error('usage: npx tsx bench/eval/columns-eval.ts DIR   (DIR written by columns/generate.ts or columns-b/generate.ts --out DIR)');
    return 2;
  }
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Record<string, TruthEntry[]>;

  const typed: Outcome[] = [];
  const decoys: Outcome[] = [];
  const freeText: Outcome[] = [];
  const errors: string[] = [];
  const nameMismatches: string[] = [];
  const scanned: string[] = [];

  for (const [file, entries] of Object.entries(truth)) {
    const path = join(dir, file);
    let report: Report;
    try {
      report = scan(path);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    scanned.push(`${file}: ${report.format}${report.encoding !== undefined ? `, ${report.encoding}` : ''}, ${report.rowsScanned} rows, ${report.columns.length} columns`);
    let values: ColumnValues;
    try {
      values = await readColumns(path, entries);
    } catch (e) {
      errors.push(`${file}: could not read sample values back: ${e instanceof Error ? e.message : String(e)}`);
      values = () => [];
    }
    if (report.columns.length !== entries.length) errors.push(`${file}: the report has ${report.columns.length} columns, the truth ${entries.length}`);
    for (const entry of entries) {
      const col = report.columns.find((c) => c.index === entry.index);
      if (col !== undefined && col.name.replace(/^\uFEFF/, '').trim() !== entry.header.trim()) {
        nameMismatches.push(`${file} #${entry.index}: truth "${entry.header}", report "${col.name}"`);
      }
      const o: Outcome = { file, format: report.format, entry, reportedName: col?.name, detections: col?.detections ?? [], samples: pickSamples(values(entry)) };
      if (entry.truth === 'decoy') decoys.push(o);
      else if (entry.truth === 'free_text') freeText.push(o);
      else typed.push(o);
    }
  }

  const typedWrong = typed.filter((o) => o.detections[0]?.type !== o.entry.truth);
  const decoyHard = decoys.filter((o) => o.detections.some((d) => !SOFT_TYPES.has(d.type)));
  const decoySoft = decoys.filter((o) => !decoyHard.includes(o) && o.detections.length > 0);
  const hardColumnLevel = decoyHard.filter((o) => o.detections.some((d) => !SOFT_TYPES.has(d.type) && d.ratio >= 0.5));
  const accuracy = typed.length === 0 ? 0 : (typed.length - typedWrong.length) / typed.length;
  const accuracyOk = accuracy >= ACCURACY_TARGET;
  const decoysOk = decoyHard.length === 0;

  const out: string[] = [];
  out.push(`Blind column-type evaluation of landao scan — ${resolve(dir)}`);
  out.push(`${Object.keys(truth).length} files; ${typed.length} typed, ${decoys.length} decoy, ${freeText.length} free-text columns`);
  out.push('');
  out.push('== Summary');
  out.push(`Typed-column accuracy: ${typed.length - typedWrong.length}/${typed.length} = ${pct(typed.length - typedWrong.length, typed.length)}  (acceptance ≥ ${ACCURACY_TARGET * 100} %: ${accuracyOk ? 'PASS' : 'FAIL'})`);
  out.push(`Decoy columns reported as a sensitive type: ${decoyHard.length}/${decoys.length}  (acceptance 0: ${decoysOk ? 'PASS' : 'FAIL'}); ${hardColumnLevel.length} of them with ratio ≥ 0.5, ${decoyHard.length - hardColumnLevel.length} from stray cells only`);
  out.push(`Decoy columns reported only as person_name/address (softer failure): ${decoySoft.length}/${decoys.length}`);
  if (errors.length > 0) out.push(`Errors: ${errors.length}`);
  out.push('');

  out.push('== Per format');
  const formats = [...new Set([...typed, ...decoys].map((o) => o.format))].sort();
  for (const f of formats) {
    const t = typed.filter((o) => o.format === f);
    const d = decoys.filter((o) => o.format === f);
    out.push(`${f.padEnd(8)} typed ${t.length - t.filter((o) => typedWrong.includes(o)).length}/${t.length}, decoy false positives ${d.filter((o) => decoyHard.includes(o)).length}/${d.length}`);
  }
  out.push('');

  out.push('== Per labelled type (typed columns)');
  const byType = new Map<string, { n: number; ok: number }>();
  for (const o of typed) {
    const s = byType.get(o.entry.truth) ?? { n: 0, ok: 0 };
    s.n++;
    if (o.detections[0]?.type === o.entry.truth) s.ok++;
    byType.set(o.entry.truth, s);
  }
  for (const [type, s] of [...byType.entries()].sort((a, b) => a[0].localeCompare(b[0]))) out.push(`${type.padEnd(24)} ${s.ok}/${s.n}`);
  out.push('');

  out.push(`== Wrong typed columns (${typedWrong.length})`);
  for (const o of typedWrong) out.push(line(o, `truth ${o.entry.truth}`));
  out.push('');

  out.push(`== Decoy false positives: a sensitive type reported (${decoyHard.length})`);
  for (const o of decoyHard) out.push(line(o, 'truth decoy'));
  out.push('');

  out.push(`== Decoys reported as person_name/address only (${decoySoft.length})`);
  for (const o of decoySoft) out.push(line(o, 'truth decoy (soft)'));
  out.push('');

  out.push(`== Free-text columns, not scored (${freeText.length})`);
  for (const o of freeText) out.push(line(o, 'free text'));
  out.push('');

  if (nameMismatches.length > 0) {
    out.push(`== Header text differs between the report and the truth (${nameMismatches.length}) — check the header row / path naming`);
    out.push(...nameMismatches.map((m) => `- ${m}`));
    out.push('');
  }
  out.push('== Files scanned');
  out.push(...scanned.map((s) => `- ${s}`));
  if (errors.length > 0) {
    out.push('');
    out.push('== Errors');
    out.push(...errors.map((e) => `- ${e}`));
  }
  console.log(out.join('\n'));
  if (errors.some((e) => e.startsWith('scan of'))) return 2;
  return accuracyOk && decoysOk ? 0 : 1;
}

process.exitCode = await main();
