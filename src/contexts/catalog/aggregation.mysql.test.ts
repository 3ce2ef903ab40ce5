import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { demoUscc } from './catalog.demo.ts';
import { catalogFixture, datasetInput, type CatalogFixture } from './test-support.ts';

// MariaDB/MySQL source: optional; skipped with a message when the server is unreachable.
const MYSQL_URL = process.env.LANDAO_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const mysqlUp = await mysql
  .createConnection({ uri: MYSQL_URL, connectTimeout: 2000 })
  .then(async (c) => {
    await c.end();
    return true;
  })
  .catch((e: Error) => {
    console.warn(`[catalog] MySQL/MariaDB unreachable (${e.message}): MySQL pull tests skipped`);
    return false;
  });

let tables = 0;

describe.skipIf(!mysqlUp)('scheduled pulls from MySQL', () => {
  describeEachDialect('into the catalog', (get) => {
    const table = `catalog_src_${process.pid}_${Date.now().toString(36)}_${tables++}`;
    let conn: mysql.Connection;
    let f: CatalogFixture;
    beforeAll(async () => {
      f = await catalogFixture(get().db);
      conn = await mysql.createConnection({ uri: MYSQL_URL });
      await conn.query(`create table ${table} (uscc varchar(18), company_name varchar(100), status varchar(10), version int) default charset utf8mb4`);
      await conn.query(`insert into ${table} values ?`, [[[demoUscc(51), '麦一', '存续', 1], [demoUscc(52), '麦二', '存续', 2]]]);
    });
    afterAll(async () => {
      f.dispose();
      await conn?.query(`drop table if exists ${table}`);
      await conn?.end();
    });

    it('pulls only rows whose version column passed the watermark', async () => {
      const p = f.as(f.orgs.market);
      const id = (await f.catalog.register(p, datasetInput({ identifier: 'mysql-pull' }))).id;
      const source = await f.aggregation.addSource(p, id, { url: MYSQL_URL, table, changeColumn: 'version', everyMinutes: 30 });
      expect(await f.aggregation.runPull(source.id)).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2 });
      await conn.query(`update ${table} set company_name = '麦一（更名）', version = 3 where uscc = ?`, [demoUscc(51)]);
      expect(await f.aggregation.runPull(source.id)).toMatchObject({ status: 'loaded', rowsRead: 1 });
      expect((await f.aggregation.lookup(id, demoUscc(51)))!.record.company_name).toBe('麦一（更名）');
      expect((await f.aggregation.sources(p, id))[0]!.watermark).toBe('3');
    });
  });
});
