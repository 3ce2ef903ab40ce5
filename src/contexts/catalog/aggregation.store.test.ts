import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { demoUscc } from './catalog.demo.ts';
import { catalogFixture, datasetInput, type CatalogFixture } from './test-support.ts';

describeEachDialect('the row store under loads', (get) => {
  let f: CatalogFixture;
  let dir: string;
  beforeAll(async () => {
    f = await catalogFixture(get().db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-store-'));
  });
  afterAll(() => {
    f.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every record exactly as checked, whatever its text, under a two-part key', async () => {
    const p = f.as(f.orgs.market);
    const ds = await f.catalog.register(p, datasetInput({ identifier: 'store-text', keyFields: ['uscc', 'company_name'] }));
    const names = ['平潭"码头"', 'back\\slash', 'tab\there\nnewline', 'control\u0001\u001fchars', 'emoji 😀 岚岛', 'line\u2028sep\u2029para', "it's"];
    const batch = await f.aggregation.push(p, ds.id, names.map((company_name, i) => ({ uscc: demoUscc(i + 1), company_name, capital: i + 0.5, status: '存续', established: '2021-02-03' })));
    expect(batch).toMatchObject({ status: 'loaded', rowsLoaded: names.length });
    for (const [i, company_name] of names.entries()) {
      const hit = await f.aggregation.lookup(ds.id, [demoUscc(i + 1), company_name]);
      expect(hit?.record).toEqual({ uscc: demoUscc(i + 1), company_name, capital: i + 0.5, status: '存续', established: '2021-02-03' });
    }
  });

  it('loads a file larger than one write, keeping the good rows of every part and the last word on a repeated key', async () => {
    const p = f.as(f.orgs.market);
    const ds = await f.catalog.register(p, datasetInput({ identifier: 'store-large' }));
    const n = 12_345;
    const lines = ['uscc,company_name,capital,status,established'];
    for (let i = 1; i <= n; i++) lines.push(`${demoUscc(i)},企业${i},${i % 7 === 0 ? -1 : i},存续,2020-01-15`);
    const file = path.join(dir, 'large.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const first = await f.aggregation.loadFile(p, ds.id, file);
    const bad = Math.floor(n / 7);
    expect(first).toMatchObject({ status: 'partial', rowsRead: n, rowsLoaded: n - bad, rowsRejected: bad });
    expect((await f.aggregation.lookup(ds.id, demoUscc(n)))?.record.company_name).toBe(`企业${n}`);
    expect(await f.aggregation.lookup(ds.id, demoUscc(7))).toBeUndefined();
    fs.writeFileSync(file, lines.map((l, i) => (i === 0 ? l : l.replace(`,企业${i},`, `,改名${i},`))).join('\n') + '\n');
    const second = await f.aggregation.loadFile(p, ds.id, file);
    expect(second.rowsLoaded).toBe(n - bad);
    expect((await f.catalog.get(p, ds.id)).rowCount).toBe(n - bad);
    expect((await f.aggregation.lookup(ds.id, demoUscc(n - 1)))).toMatchObject({ record: { company_name: `改名${n - 1}` }, batchId: second.id });
  });
});
