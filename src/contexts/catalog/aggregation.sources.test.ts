import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { nowIso } from '../../db/database.ts';
import { catalogFixture, datasetInput, type CatalogFixture } from './test-support.ts';

describeEachDialect('the connection URLs of pull sources', (get) => {
  let f: CatalogFixture;
  let datasetId: number;
  beforeAll(async () => {
    f = await catalogFixture(get().db);
    datasetId = (await f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier: 'pull-sealed' }))).id;
  });
  afterAll(() => f.dispose());

  const storedUrl = async (id: number) => (await sql<{ url: string }>`select url from catalog_sources where id = ${id}`.execute(get().db)).rows[0]!.url;

  it('stores a source’s URL sealed with SM4 and shows it without its password', async () => {
    const p = f.as(f.orgs.market);
    const source = await f.aggregation.addSource(p, datasetId, { url: 'postgres://reader:s3cret-pw@db.example:5432/gov', table: 'firms', changeColumn: 'changed_at', everyMinutes: 60 });
    expect(source.url).toBe('postgres://reader:***@db.example:5432/gov');
    const stored = await storedUrl(source.id);
    expect(stored.startsWith('sm4:')).toBe(true);
    expect(stored).not.toContain('s3cret-pw');
    expect(stored).not.toContain('db.example');
    expect((await f.aggregation.sources(p, datasetId)).map((s) => s.url)).toEqual(['postgres://reader:***@db.example:5432/gov']);
  });

  it('seals a source stored before sealing on its first pull, even one that cannot connect', async () => {
    const id = await f.catalog.repo.insertSource(get().db, {
      dataset_id: datasetId,
      url: 'postgres://reader:old-pw@127.0.0.1:1/gone',
      table_name: 'firms',
      change_column: 'changed_at',
      every_minutes: 60,
      watermark: null,
      enabled: 1,
      last_run_at: null,
      created_at: nowIso(),
    });
    const batch = await f.aggregation.runPull(id);
    expect(batch.status).toBe('failed');
    expect(batch.provenance.url).toBe('postgres://reader:***@127.0.0.1:1/gone');
    const stored = await storedUrl(id);
    expect(stored.startsWith('sm4:')).toBe(true);
    expect(stored).not.toContain('old-pw');
    expect((await f.aggregation.sources(f.as(f.orgs.market), datasetId)).map((s) => s.url)).toContain('postgres://reader:***@127.0.0.1:1/gone');
  });
});
