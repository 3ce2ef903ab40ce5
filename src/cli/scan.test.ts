import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { mod11_2CheckChar } from '../contexts/detection/index.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/landao.js');
// Each case starts the real `landao` process: seconds each on a loaded machine.
const SLOW = { timeout: 180_000 };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-scan-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function landao(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** 300 people: valid ID numbers under a meaningless header, names, and an order-number decoy. */
function writePeople(file: string): string[] {
  const ids: string[] = [];
  const lines = ['col_7,姓名,订单号'];
  for (let i = 0; i < 300; i++) {
    const body = `350128${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(3, '0')}`;
    const id = body + mod11_2CheckChar(body);
    ids.push(id);
    lines.push(`${id},${['王', '李', '陈', '林'][i % 4]}${['伟', '芳', '志明', '晓燕'][(i >> 2) % 4]},2024${String(i * 7919).padStart(14, '0')}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return ids;
}

const withoutTimes = (report: Record<string, unknown>) => ({ ...report, elapsedMs: 0 });

describe('landao scan and landao mask', () => {
  const people = path.join(dir, 'people.csv');
  const ids = writePeople(people);

  it('prints one JSON report naming the ID-number column, the same as the TypeScript command line prints', SLOW, async () => {
    const bundled = await landao(['scan', people, '--json']);
    expect(bundled.code).toBe(0);
    const report = JSON.parse(bundled.stdout) as { rowsScanned: number; columns: { name: string; detections: { type: string }[] }[]; persons: { persons: number } };
    expect(report.rowsScanned).toBe(300);
    expect(report.columns.map((c) => [c.name, c.detections.map((d) => d.type)])).toEqual([
      ['col_7', ['cn_resident_id']],
      ['姓名', ['person_name']],
      ['订单号', []],
    ]);
    expect(report.persons.persons).toBe(300);
    // The first run built the plain-JS bundle it runs from (its manifest names the entry).
    const built = path.resolve(import.meta.dirname, '../../node_modules/.cache/landao/scan');
    const manifest = JSON.parse(fs.readFileSync(path.join(built, 'manifest.json'), 'utf8')) as { main: string };
    expect(fs.existsSync(path.join(built, manifest.main))).toBe(true);
    const typescript = await landao(['scan', people, '--json'], { LANDAO_SCAN_WORKER: 'tsx' });
    expect(typescript.code).toBe(0);
    expect(withoutTimes(JSON.parse(typescript.stdout))).toEqual(withoutTimes(report));
  });

  it('exits 2 with a one-line reason when the file does not exist or is not named', SLOW, async () => {
    const r = await landao(['scan', path.join(dir, 'missing.csv'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`landao: ${path.join(dir, 'missing.csv')}: no such file or directory`]);
    expect(r.stdout).toBe('');
    const none = await landao(['scan']);
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toEqual(["error: missing required argument 'input'"]);
  });

  it('writes a masked copy without the ID numbers, and refuses an unknown detector type with exit 2', SLOW, async () => {
    const out = path.join(dir, 'masked.csv');
    const r = await landao(['mask', people, out, '--mode', 'replace']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^masked [\d,]+ values in 300 rows/);
    const masked = fs.readFileSync(out, 'utf8');
    expect(ids.filter((id) => masked.includes(id))).toEqual([]);
    expect(masked).toContain('2024');
    const bad = await landao(['mask', people, path.join(dir, 'x.csv'), '--types', 'cn_resident_id,no_such_type']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual(['landao: --types: unknown type no_such_type']);
  });

  it('gives the same report through the landao command (bin/landao, reached through a symlink as npx does) as under node', SLOW, async () => {
    const people = path.join(dir, 'people-wrapper.csv');
    writePeople(people);
    const link = path.join(dir, 'landao');
    fs.symlinkSync(path.resolve(import.meta.dirname, '../../bin/landao'), link);
    const viaNode = await landao(['scan', people, '--json']);
    let viaCommand: { stdout: string };
    try {
      viaCommand = await run(link, ['scan', people, '--json'], { env: { PATH: process.env.PATH }, maxBuffer: 64 << 20 });
    } catch (e) {
      throw new Error(`bin/landao failed: ${String((e as { stderr?: string }).stderr ?? e)}`);
    }
    const strip = (out: string): unknown => {
      const r = JSON.parse(out) as { columns: unknown };
      return r.columns;
    };
    expect(strip(viaCommand.stdout)).toEqual(strip(viaNode.stdout));
  });
});
