import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../bin/landao.js');
// Each case starts the real `landao` process (tsx compiles on start): seconds each on a loaded machine.
const SLOW = { timeout: 180_000 };

/** The example person-year. */
const EXAMPLE = { year: 2024, wagesCny: 300000, otherIncomeCny: 0, mainlandTaxPaidCny: 31080, fxTwdPerCny: 4.4, rule: 'burden-difference' };

function landao(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, NODE_ENV: 'test' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('landao benefits subsidy', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-benefits-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  it('prints the issue example as JSON: 31,080 − 63,580 TWD ÷ 4.4 (14,450) = 16,630 with a breakdown', SLOW, async () => {
    const r = await landao(['benefits', 'subsidy', file('person-year.json', JSON.stringify(EXAMPLE)), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ mainlandTaxCny: 31080, taiwanTaxTwd: 63580, taiwanTaxCny: 14450, subsidyCny: 16630, rule: 'burden-difference' });
    expect(out.policyVersion).toMatch(/^tw-iit-subsidy\/2024@[0-9a-f]{12}$/);
    expect(out.breakdown.taiwan.deductions.map((d: { key: string }) => d.key)).toEqual(['salarySpecialDeduction', 'exemption', 'standardDeduction', 'basicLivingExpense']);
  });

  it('reads an array of person-years from standard input and prints an array', SLOW, async () => {
    const r = await landao(['benefits', 'subsidy', '-', '--json'], JSON.stringify([EXAMPLE, { ...EXAMPLE, rule: 'share-of-tax' }]));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { subsidyCny: number }) => x.subsidyCny)).toEqual([16630, 6216]);
  });

  it('prints a readable table in Chinese with English labels without --json', SLOW, async () => {
    const r = await landao(['benefits', 'subsidy', file('table.json', JSON.stringify(EXAMPLE))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/薪资所得特别扣除额 Special deduction for salary income +218,000/);
    expect(r.stdout).toMatch(/补贴金额 Subsidy \(免税 tax-free\) +16,630\.00/);
  });

  it('exits 2 with one line naming the file, the JSON error or the field', SLOW, async () => {
    const missing = await landao(['benefits', 'subsidy', path.join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`landao: ${path.join(dir, 'none.json')}: cannot read (ENOENT)\n`);
    const badJson = await landao(['benefits', 'subsidy', file('bad.json', '{ "year": 2024,')]);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/^landao: .*bad\.json: not valid JSON \(.+\)\n$/);
    const badField = await landao(['benefits', 'subsidy', '-'], JSON.stringify([EXAMPLE, { ...EXAMPLE, wagesCny: -1 }]));
    expect(badField.code).toBe(2);
    expect(badField.stderr).toBe('landao: (stdin): [1].wagesCny: must be ≥ 0\n');
  });
});
