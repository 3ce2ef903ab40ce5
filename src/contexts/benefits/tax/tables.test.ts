import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeSubsidy } from './subsidy.ts';
import { DEFAULT_TABLES_DIR, loadTaxTables, shippedTaxTables } from './tables.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-tax-tables-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the shipped tables that `edit` may change. */
function copyTables(name: string, edit: (dir: string) => void): string {
  const dir = path.join(tmp, name);
  fs.cpSync(DEFAULT_TABLES_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

function editJson(file: string, change: (data: Record<string, unknown>) => void): void {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(data);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

describe('tax tables as data', () => {
  it('ships 2023 and 2024, each table naming its official source', () => {
    const t = shippedTaxTables();
    expect(t.years).toEqual([2023, 2024]);
    for (const year of t.years) {
      expect(t.taiwan.get(year)!.sources.some((s) => s.startsWith('https://www.etax.nat.gov.tw/'))).toBe(true);
      expect(t.mainland.get(year)!.sources.length).toBeGreaterThan(0);
      expect(t.fx.rates[String(year)]!.source.length).toBeGreaterThan(0);
    }
  });

  it('adds a year from new data files alone', () => {
    const dir = copyTables('year-2025', (d) => {
      fs.copyFileSync(path.join(d, 'cn-iit-2024.json'), path.join(d, 'cn-iit-2025.json'));
      editJson(path.join(d, 'cn-iit-2025.json'), (t) => (t.year = 2025));
      fs.copyFileSync(path.join(d, 'tw-income-tax-2024.json'), path.join(d, 'tw-income-tax-2025.json'));
      editJson(path.join(d, 'tw-income-tax-2025.json'), (t) => {
        t.year = 2025;
        t.salarySpecialDeductionTwd = 227000;
      });
    });
    const tables = loadTaxTables(dir);
    expect(tables.years).toEqual([2023, 2024, 2025]);
    // 1,320,000 − 227,000 − 97,000 − 131,000 = 865,000 × 12% − 41,300 = 62,500 TWD
    const r = computeSubsidy({ year: 2025, wagesCny: 300000, mainlandTaxPaidCny: 31080, fxTwdPerCny: 4.4 }, { tables });
    expect(r.taiwanTaxTwd).toBe(62500);
    expect(r.policyVersion.startsWith('tw-iit-subsidy/2025@')).toBe(true);
  });

  it('refuses a quick deduction that does not follow from the rates, naming the file and the value it should be', () => {
    const dir = copyTables('bad-quick', (d) =>
      editJson(path.join(d, 'tw-income-tax-2024.json'), (t) => {
        (t.brackets as { progressiveDifferenceTwd: number }[])[1]!.progressiveDifferenceTwd = 41000;
      }),
    );
    expect(() => loadTaxTables(dir)).toThrow(/tw-income-tax-2024\.json: brackets\[1\]: quick deduction 41000 should be 41300/);
  });

  it('refuses a file whose year differs from its name, and a missing field', () => {
    const wrongYear = copyTables('wrong-year', (d) => editJson(path.join(d, 'cn-iit-2023.json'), (t) => (t.year = 2022)));
    expect(() => loadTaxTables(wrongYear)).toThrow(/cn-iit-2023\.json: "year" is 2022 but the file name says 2023/);
    const missing = copyTables('missing', (d) => editJson(path.join(d, 'tw-income-tax-2023.json'), (t) => delete t.exemption));
    expect(() => loadTaxTables(missing)).toThrow(/tw-income-tax-2023\.json: exemption: /);
  });
});
