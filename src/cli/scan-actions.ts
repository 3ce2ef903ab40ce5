/**
 * What `landao scan` and `landao mask` do once their options are parsed (scan.ts defines them).
 * A module of its own, imported when one of them runs: the detection code stays out of the other
 * commands, and the plain-JS bundle of scan-main.ts keeps only what these use (named imports, so
 * esbuild drops the rest of the detection context: its service, routes and their packages).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/errors.ts';
import { writeFileAtomic } from '../kernel/fs.ts';
import { DETECTOR_TYPE_IDS, isDatabaseUrl, maskFile, renderHtmlReport, scanSource, SUPPORTED_EXTENSIONS } from '../contexts/detection/index.ts';
import type { ScanReport } from '../contexts/detection/index.ts';

export interface ScanCliOptions {
  json?: boolean;
  findings?: boolean;
  sample?: number;
  workers?: number;
  html?: string;
}

export interface MaskCliOptions {
  mode: 'replace' | 'partial' | 'tokenize';
  key?: string;
  types?: string;
}

function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let last = '';
  return {
    update(done: number, total: number | undefined, rows: number) {
      if (!tty) return;
      const pct = total ? Math.min(1, done / total) : 0;
      const width = 30;
      const bar = total ? '█'.repeat(Math.round(pct * width)).padEnd(width, '░') : '';
      const line = `\r${label} ${bar} ${total ? (pct * 100).toFixed(0).padStart(3) + '%' : ''} ${(done / 1048576).toFixed(0)} MiB, ${rows.toLocaleString('en')} rows`;
      if (line !== last) process.stderr.write(line);
      last = line;
    },
    end() {
      if (tty && last) process.stderr.write('\n');
    },
  };
}

export async function scan(input: string, opts: ScanCliOptions): Promise<void> {
  const inputs: { path: string; source: string }[] = [];
  let isDir = false;
  if (!isDatabaseUrl(input)) {
    const st = fs.statSync(input, { throwIfNoEntry: false });
    if (!st) throw new AppError('bad_request', `${input}: no such file or directory`);
    if (st.isDirectory()) {
      isDir = true;
      for (const f of fs.readdirSync(input).sort()) {
        const p = path.join(input, f);
        if (fs.statSync(p).isFile() && SUPPORTED_EXTENSIONS.includes(path.extname(f).toLowerCase())) inputs.push({ path: p, source: f });
      }
      if (!inputs.length) throw new AppError('bad_request', `${input}: no supported files (${SUPPORTED_EXTENSIONS.join(' ')})`);
    }
  }
  if (!isDir) inputs.push({ path: input, source: isDatabaseUrl(input) ? input : path.basename(input) });

  const reports = [];
  for (const i of inputs) {
    const bar = progressBar(i.source);
    try {
      reports.push(
        await scanSource(i.path, {
          source: i.source,
          findings: !!opts.findings,
          workers: opts.workers || 1,
          ...(opts.sample !== undefined ? { sample: opts.sample } : {}),
          onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, p.rows),
        }),
      );
    } finally {
      bar.end();
    }
  }
  if (opts.html) writeFileAtomic(path.resolve(opts.html), renderHtmlReport(reports));
  if (opts.json) {
    const doc = isDir ? { files: reports } : reports[0];
    process.stdout.write(JSON.stringify(doc) + '\n');
    return;
  }
  for (const r of reports) process.stdout.write(summary(r));
}

function summary(r: ScanReport): string {
  const lines = [
    ``,
    `${r.source}  ${r.format}${r.encoding ? ' ' + r.encoding : ''}  ${r.rowsScanned.toLocaleString('en')} rows  ${(r.bytes / 1048576).toFixed(1)} MiB  ${(r.elapsedMs / 1000).toFixed(1)} s${r.complete ? '' : '  (sample)'}`,
    `  persons: ${r.persons.persons.toLocaleString('en')} (sensitive ${r.persons.sensitiveSubjects.toLocaleString('en')}, general only ${r.persons.personalSubjects.toLocaleString('en')})`,
  ];
  const hits = r.columns.filter((c) => c.detections.length);
  if (!hits.length) lines.push('  no sensitive columns found');
  for (const c of hits) {
    const d = c.detections.map((x) => `${x.type} ${(x.ratio * 100).toFixed(1)}% (${x.confidence.toFixed(2)})`).join(', ');
    const ex = Object.values(c.examples).flat().slice(0, 2).join(' ');
    lines.push(`  [${c.index}] ${c.name.padEnd(16)} ${d}${ex ? '   e.g. ' + ex : ''}`);
  }
  return lines.join('\n') + '\n';
}

export async function mask(input: string, output: string, opts: MaskCliOptions): Promise<void> {
  let types: Set<(typeof DETECTOR_TYPE_IDS)[number]> | undefined;
  if (opts.types) {
    const list = opts.types.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = list.filter((t) => !(DETECTOR_TYPE_IDS as readonly string[]).includes(t));
    if (unknown.length) throw new AppError('bad_request', `--types: unknown type ${unknown.join(', ')}`);
    types = new Set(list as (typeof DETECTOR_TYPE_IDS)[number][]);
  }
  if (path.resolve(input) === path.resolve(output)) throw new AppError('bad_request', 'output must not be the input file');
  const r = await maskFile(input, output, { mode: opts.mode, key: opts.key ?? process.env.LANDAO_MASK_KEY, types });
  const by = Object.entries(r.byType).map(([t, n]) => `${t} ${n}`).join(', ');
  process.stderr.write(`masked ${r.masked.toLocaleString('en')} values in ${r.rows.toLocaleString('en')} rows${by ? ` (${by})` : ''} → ${output}\n`);
}
