/**
 * `export --zip` writer (yazl, zip.ts): a bag-shaped directory of random (incompressible, PDF-like) files
 * zipped with zipDirectory, each file streamed from disk. Prints wall-clock, this process's CPU time, peak
 * RSS (streaming: it stays far below the data size) and the load average; then checks the zip with `unzip -t`
 * when installed.
 *
 *   npx tsx bench/archives/zip.bench.ts [--mb 512] [--files 4]
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { zipDirectory } from '../../src/contexts/archives/index.ts';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '512' }, files: { type: 'string', default: '4' } } });
const totalMb = Number(values.mb);
const nFiles = Number(values.files);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-zip-bench-'));

try {
  const bag = path.join(dir, 'bag');
  fs.mkdirSync(path.join(bag, 'data'), { recursive: true });
  fs.writeFileSync(path.join(bag, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  const per = Math.floor((totalMb * 1048576) / nFiles);
  const chunk = crypto.randomBytes(8 * 1048576);
  for (let i = 0; i < nFiles; i++) {
    const fd = fs.openSync(path.join(bag, 'data', `file-${i}.pdf`), 'w');
    for (let left = per; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
    fs.closeSync(fd);
  }
  const zip = path.join(dir, 'bag.zip');
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await zipDirectory(bag, zip, 'BAG');
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const bytes = per * nFiles;
  console.log(`cores ${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`zipDirectory: ${nFiles} files, ${(bytes / 1048576).toFixed(0)} MiB -> ${(fs.statSync(zip).size / 1048576).toFixed(0)} MiB zip`);
  console.log(`  wall ${(ms / 1000).toFixed(2)} s (${(bytes / 1048576 / (ms / 1000)).toFixed(1)} MiB/s), CPU user ${(cpu.user / 1e6).toFixed(2)} s + system ${(cpu.system / 1e6).toFixed(2)} s`);
  console.log(`  RSS before ${(rssBefore / 1048576).toFixed(0)} MiB, peak RSS of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  try {
    const t1 = performance.now();
    execFileSync('unzip', ['-tq', zip], { stdio: 'pipe' });
    console.log(`unzip -t: no errors (${((performance.now() - t1) / 1000).toFixed(2)} s)`);
  } catch (e) {
    console.log(`unzip -t: ${(e as Error).message.split('\n')[0]}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
