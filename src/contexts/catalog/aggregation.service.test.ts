import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { dialectOf } from '../../db/database.ts';
import type { AppError } from '../../kernel/errors.ts';
import { AggregationService } from './aggregation.service.ts';
import { demoUscc } from './catalog.demo.ts';
import { catalogFixture, datasetInput, type CatalogFixture } from './test-support.ts';

const good = (n: number, over: Record<string, unknown> = {}) => ({
  uscc: demoUscc(n),
  company_name: `平潭测试企业${n}`,
  capital: 100 + n,
  status: '存续',
  established: '2020-01-15',
  ...over,
});

describeEachDialect('aggregation and quality', (get) => {
  let f: CatalogFixture;
  let dir: string;
  beforeAll(async () => {
    f = await catalogFixture(get().db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-agg-'));
  });
  afterAll(() => {
    f.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const newDataset = async (identifier: string, over: Parameters<typeof datasetInput>[0] = {}) =>
    (await f.catalog.register(f.as(f.orgs.market), datasetInput({ identifier, ...over }))).id;

  it('keeps the good rows of a pushed batch, reports each bad row by row, field and rule, and says partial', async () => {
    const p = f.as(f.orgs.market);
    const id = await newDataset('push-keep');
    const batch = await f.aggregation.push(p, id, [
      good(1),
      good(2, { uscc: '91350128000000001X' }),
      good(3, { status: '营业' }),
      good(4, { capital: -5 }),
      good(1, { company_name: '重复' }),
      good(5, { established: '2020-02-30' }),
      good(6),
    ]);
    expect(batch.status).toBe('partial');
    expect([batch.rowsRead, batch.rowsLoaded, batch.rowsRejected]).toEqual([7, 2, 5]);
    const rejects = await f.aggregation.rejects(p, batch.id, 1, 50);
    expect(rejects.items.map((r) => [r.row, r.field, r.rule])).toEqual([
      [2, 'uscc', 'format'],
      [3, 'status', 'code_list'],
      [4, 'capital', 'range'],
      [5, 'uscc', 'key'],
      [6, 'established', 'type'],
    ]);
    expect(batch.quality!.passRate).toBeCloseTo(2 / 7);
    expect(batch.quality!.completeness.find((c) => c.field === 'capital')!.ratio).toBe(1);
    expect(batch.provenance).toMatchObject({ rows: 7, via: 'user' });
    const issues = await f.aggregation.issues(p, { datasetId: id, status: 'open', page: 1, pageSize: 20 });
    expect(issues.items.map((i) => `${i.field}/${i.rule}`).sort()).toEqual(['capital/range', 'established/type', 'status/code_list', 'uscc/format', 'uscc/key']);
    expect(issues.items.every((i) => i.orgId === f.orgs.market)).toBe(true);
  });

  it('stores rows by key, answers lookups with only the asked fields and replaces a row loaded again', async () => {
    const p = f.as(f.orgs.market);
    const id = await newDataset('lookup');
    await f.aggregation.push(p, id, [good(1), good(2)]);
    const hit = await f.aggregation.lookup(id, demoUscc(2), ['company_name', 'capital']);
    expect(hit!.record).toEqual({ company_name: '平潭测试企业2', capital: 102 });
    const second = await f.aggregation.push(p, id, [good(2, { company_name: '改名后' })]);
    expect((await f.aggregation.lookup(id, [demoUscc(2)]))!.record.company_name).toBe('改名后');
    expect((await f.aggregation.lookup(id, [demoUscc(2)]))!.batchId).toBe(second.id);
    expect(await f.aggregation.lookup(id, demoUscc(9))).toBeUndefined();
    expect((await f.catalog.get(p, id)).rowCount).toBe(2);
    const asOfficer = await f.aggregation.lookupAs(p, id, [demoUscc(1)]);
    expect(asOfficer.record.status).toBe('存续');
    const e = await f.aggregation.lookupAs(f.as(f.orgs.tax), id, [demoUscc(1)]).catch((x: unknown) => x);
    expect((e as AppError).code).toBe('not_found');
  });

  it('refuses the whole batch under the reject_batch policy and stores none of it', async () => {
    const p = f.as(f.orgs.market);
    const id = await newDataset('push-reject', { rejectPolicy: 'reject_batch' });
    const batch = await f.aggregation.push(p, id, [good(1), good(2), good(3, { uscc: '' })]);
    expect(batch.status).toBe('rejected');
    expect([batch.rowsRead, batch.rowsLoaded, batch.rowsRejected]).toEqual([3, 0, 1]);
    expect(await f.aggregation.lookup(id, demoUscc(1))).toBeUndefined();
    expect((await f.aggregation.rejects(p, batch.id, 1, 10)).items).toEqual([{ row: 3, field: 'uscc', rule: 'required', message: 'uscc is required' }]);
    expect((await f.catalog.get(p, id)).rowCount).toBe(0);
  });

  it('loads a CSV file whose header uses the field titles, with provenance', async () => {
    const id = await newDataset('csv-load');
    const file = path.join(dir, 'companies.csv');
    fs.writeFileSync(file, `统一社会信用代码,企业名称,注册资本,登记状态,成立日期,备注\n${demoUscc(7)},岚岛海运,500,存续,2019-03-01,x\n${demoUscc(8)},"平潭""码头""",0,注销,,\n`);
    const batch = await f.aggregation.loadFile(f.as(f.orgs.market), id, file);
    expect(batch.status).toBe('loaded');
    expect(batch.rowsLoaded).toBe(2);
    expect(batch.provenance).toMatchObject({ filename: 'companies.csv' });
    expect((await f.aggregation.lookup(id, demoUscc(8)))!.record).toEqual({ uscc: demoUscc(8), company_name: '平潭"码头"', capital: 0, status: '注销', established: null });
  });

  it('fails a file missing the key column without loading anything', async () => {
    const id = await newDataset('csv-missing');
    const file = path.join(dir, 'no-key.csv');
    fs.writeFileSync(file, `企业名称,注册资本\n岚岛海运,500\n`);
    const batch = await f.aggregation.loadFile(f.as(f.orgs.market), id, file);
    expect(batch.status).toBe('failed');
    expect(batch.error).toBe('missing column(s) uscc');
    expect(batch.rowsLoaded).toBe(0);
  });

  it('loads an uploaded XLSX file as a background job', async () => {
    const p = f.as(f.orgs.market);
    const id = await newDataset('xlsx-upload');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(['uscc', 'company_name', 'capital', 'status', 'established']);
    ws.addRow([demoUscc(11), '岚岛渔业', 80, '存续', '2018-06-01']);
    ws.addRow([demoUscc(12), '岚岛旅游', 120, '存续', '2021-09-09']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const started = await f.aggregation.startUpload(p, id, { filename: 'firms.xlsx', file: Readable.from([buf]), truncated: () => false });
    expect((await f.aggregation.batch(p, started.batchId)).status).toBe('queued');
    await f.jobs.runOnce();
    const batch = await f.aggregation.batch(p, started.batchId);
    expect(batch.status).toBe('loaded');
    expect(batch.rowsLoaded).toBe(2);
    expect(batch.jobId).toBe(started.jobId);
    expect((await f.aggregation.lookup(id, demoUscc(12)))!.record.company_name).toBe('岚岛旅游');
  });

  it('refuses an upload of an unsupported file type', async () => {
    const id = await newDataset('bad-upload');
    const e = await f.aggregation.startUpload(f.as(f.orgs.market), id, { filename: 'x.parquet', file: Readable.from([Buffer.from('PAR1')]), truncated: () => false }).catch((x: unknown) => x);
    expect((e as AppError).code).toBe('unsupported_media_type');
  });

  it('opens one timeliness issue for a published dataset not loaded within its update frequency', async () => {
    const p = f.as(f.orgs.market);
    const id = await newDataset('stale');
    await f.aggregation.push(p, id, [good(1)]);
    await f.catalog.confirmGrade(p, id, { company_name: 'IND.GENERAL' });
    await f.catalog.publish(p, id);
    const later = Date.now() + 3 * 86400_000;
    expect(await f.aggregation.checkTimeliness(later)).toBeGreaterThanOrEqual(1);
    await f.aggregation.checkTimeliness(later);
    const issues = await f.aggregation.issues(p, { datasetId: id, status: 'open', page: 1, pageSize: 10 });
    expect(issues.items.filter((i) => i.rule === 'timeliness')).toHaveLength(1);
    const q = await f.aggregation.datasetQuality(p, id);
    expect(q.timeliness).toMatchObject({ periodicity: 'daily', stale: false });
    expect(q.batches).toHaveLength(1);
  });

  it('lets the owning department resolve an issue once, with an audit event', async () => {
    const p = f.as(f.orgs.market);
    const id = await newDataset('resolve');
    await f.aggregation.push(p, id, [good(1, { status: '歇业' })]);
    const [issue] = (await f.aggregation.issues(p, { datasetId: id, page: 1, pageSize: 10 })).items;
    const other = await f.aggregation.resolveIssue(f.as(f.orgs.tax), issue!.id, '不是我的').catch((x: unknown) => x);
    expect((other as AppError).code).toBe('not_found');
    const done = await f.aggregation.resolveIssue(p, issue!.id, '已在源系统更正代码表');
    expect(done).toMatchObject({ status: 'resolved', resolution: '已在源系统更正代码表' });
    const again = await f.aggregation.resolveIssue(p, issue!.id, '再来').catch((x: unknown) => x);
    expect((again as AppError).code).toBe('illegal_transition');
    const events = await f.audit.list({ entityType: 'quality_issue', entityId: String(issue!.id) });
    expect(events.map((e) => e.action)).toEqual(['catalog.issue.resolved']);
  });

  it('builds an incremental pull query with quoted names and an escaped watermark', () => {
    expect(AggregationService.pullQuery({ url: 'postgres://h/db', table_name: 'public.firms', change_column: 'updated_at', watermark: null })).toBe(
      'SELECT * FROM "public"."firms" ORDER BY "updated_at"',
    );
    expect(AggregationService.pullQuery({ url: 'mysql://h/db', table_name: 'firms', change_column: 'ver', watermark: "1' or '1" })).toBe(
      "SELECT * FROM `firms` WHERE `ver` > '1'' or ''1' ORDER BY `ver`",
    );
  });

  it('keeps a source’s password out of what it shows', async () => {
    const id = await newDataset('pull-secret');
    const source = await f.aggregation.addSource(f.as(f.orgs.market), id, { url: 'postgres://reader:s3cret@db.example/gov', table: 'firms', changeColumn: 'changed_at', everyMinutes: 60 });
    expect(source.url).toBe('postgres://reader:***@db.example/gov');
    const bad = await f.aggregation.addSource(f.as(f.orgs.market), id, { url: 'postgres://h/db', table: 'firms; drop table x', changeColumn: 'c', everyMinutes: 5 }).catch((x: unknown) => x);
    expect((bad as AppError).details).toEqual({ field: 'table' });
  });

  it('pulls new and changed rows from a PostgreSQL source, moving the watermark (PostgreSQL only: the test source is a table in the test database)', async (ctx) => {
    if (dialectOf(get().db) !== 'postgres') return ctx.skip();
    const url = (get() as unknown as { url: string }).url;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('CREATE TABLE src_firms (uscc text, company_name text, capital numeric, status text, established date, changed_at timestamptz)');
      await c.query(`INSERT INTO src_firms VALUES ($1,'源一',10,'存续','2020-01-01','2026-01-01T00:00:00Z'), ($2,'源二',20,'存续',NULL,'2026-01-02T00:00:00Z')`, [demoUscc(21), demoUscc(22)]);
      const p = f.as(f.orgs.market);
      const id = await newDataset('pull');
      const sourceId = (await f.aggregation.addSource(p, id, { url, table: 'src_firms', changeColumn: 'changed_at', everyMinutes: 60 })).id;
      expect(await f.aggregation.enqueueDuePulls()).toBeGreaterThanOrEqual(1);
      let first = await f.aggregation.runPull(sourceId);
      expect(first).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
      await c.query(`INSERT INTO src_firms VALUES ($1,'源三',30,'存续',NULL,'2026-01-03T00:00:00Z')`, [demoUscc(23)]);
      await c.query(`UPDATE src_firms SET company_name='源一改', changed_at='2026-01-04T00:00:00Z' WHERE uscc=$1`, [demoUscc(21)]);
      first = await f.aggregation.runPull(sourceId);
      expect(first).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2 });
      expect((await f.aggregation.lookup(id, demoUscc(21)))!.record.company_name).toBe('源一改');
      expect((await f.catalog.get(p, id)).rowCount).toBe(3);
      const sources = await f.aggregation.sources(p, id);
      expect(sources.find((s) => s.id === sourceId)!.watermark).toMatch(/^2026-01-04/);
      const third = await f.aggregation.runPull(sourceId);
      expect(third).toMatchObject({ status: 'loaded', rowsRead: 0 });
    } finally {
      await c.end();
    }
  });
});
