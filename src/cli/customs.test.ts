import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/landao.js');
const examples = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../contexts/customs/data/assess-examples.json'), 'utf8')) as {
  name: string;
  scenario: unknown;
  expected: string;
}[];

async function landao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [bin, ...args]);
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('landao customs assess', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-assess-'));

  it('prints the contract decision as JSON for a worked example', async () => {
    const ex = examples.find((e) => e.expected === 'standard_contract_or_certification')!;
    const file = path.join(dir, 'scenario.json');
    fs.writeFileSync(file, JSON.stringify(ex.scenario));
    const r = await landao(['customs', 'assess', file, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.outcome).toBe(ex.expected);
    expect(Object.keys(d).sort()).toEqual(['basis', 'notes', 'outcome', 'totals']);
    expect(d.basis.length).toBeGreaterThan(0);
  });

  it('exits 2 with one line naming the offending field', async () => {
    const ex = examples[0]!;
    const bad = structuredClone(ex.scenario) as { transfer: { personalSubjects: number } };
    bad.transfer.personalSubjects = -5;
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = await landao(['customs', 'assess', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/transfer\.personalSubjects/);
  });

  it('exits 2 on a file that is not JSON', async () => {
    const file = path.join(dir, 'not.json');
    fs.writeFileSync(file, '{ nope');
    const r = await landao(['customs', 'assess', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
  });
});
