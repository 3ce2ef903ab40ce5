import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { AppError } from '../kernel/errors.ts';
import { writeFileAtomic } from '../kernel/fs.ts';
import type { ScanReport } from '../contexts/detection/index.ts';

interface ScanCliOptions {
  json?: boolean;
  findings?: boolean;
  sample?: number;
  workers?: number;
  html?: string;
}

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new AppError('bad_request', `${name} must be a non-negative integer, got "${v}"`);
  return n;
};

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

export function scanCommand(): Command {
  return new Command('scan')
    .description('find sensitive data (identity numbers, phones, names, addresses, health data…) in a file, a directory or a database table')
    .argument('<input>', 'file, directory, or postgres://…?table=… / mysql://…?table=…')
    .option('--json', 'print exactly one JSON report on standard output (progress on standard error)')
    .option('--findings', 'include one entry per match (row, column, type, span)')
    .addOption(new Option('--sample <n>', 'read only the first N data rows').argParser(positiveInt('--sample')))
    .addOption(new Option('--workers <n>', 'worker threads for large CSV/TSV files').argParser(positiveInt('--workers')).default(1))
    .option('--html <file>', 'also write a printable HTML report')
    .action(async (input: string, opts: ScanCliOptions) => {
      const { scanSource, renderHtmlReport, isDatabaseUrl, SUPPORTED_EXTENSIONS } = await import('../contexts/detection/index.ts');
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
    });
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

export function maskCommand(): Command {
  return new Command('mask')
    .description('write a desensitised copy of a file (CSV out): replace, partially mask or tokenise what the scanner finds')
    .argument('<input>', 'file to read (any format landao scan reads)')
    .argument('<output>', 'CSV file to write')
    .addOption(new Option('--mode <mode>', 'replace | partial | tokenize').choices(['replace', 'partial', 'tokenize']).default('partial'))
    .option('--key <key>', 'key for tokenize (default: LANDAO_MASK_KEY)')
    .option('--types <list>', 'comma-separated detector types to mask (default: all found)')
    .action(async (input: string, output: string, opts: { mode: 'replace' | 'partial' | 'tokenize'; key?: string; types?: string }) => {
      const { maskFile, DETECTOR_TYPE_IDS } = await import('../contexts/detection/index.ts');
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
    });
}
