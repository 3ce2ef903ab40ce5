import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';
import { multipart } from '../../../../test/helpers/multipart.ts';
import { ITEM_COLUMNS } from './items.io.ts';

describeApp('service item catalog over HTTP', (get) => {
  let bureau: Session;

  it('lists the items in force without sign-in, with department and time limits, in the language asked', async () => {
    const res = await get().inject({ method: 'GET', url: '/api/public/services/items?pageSize=5&lang=zh-TW' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 111, page: 1, pageSize: 5, version: 1 });
    expect(body.items).toHaveLength(5);
    expect(body.items[0]).toMatchObject({ code: 'TW-JZ-001-01', title: '臺灣居民居住證首次申領', department: { code: 'PT-GA', name: { en: 'Pingtan Public Security Bureau' } }, promisedDays: 15, statutoryDays: 20, visits: 1 });
  });

  it('searches in Simplified, Traditional and English and filters by area and department', async () => {
    const codes = async (query: string) => (await get().inject({ method: 'GET', url: `/api/public/services/items?${query}` })).json().items.map((i: { code: string }) => i.code) as string[];
    const simplified = await codes(`q=${encodeURIComponent('公积金')}&pageSize=50`);
    expect(simplified.length).toBeGreaterThan(3);
    expect(await codes(`q=${encodeURIComponent('公積金')}&pageSize=50`)).toEqual(simplified);
    expect(await codes(`q=${encodeURIComponent('provident fund')}&pageSize=50&lang=en`)).toEqual(expect.arrayContaining(['TW-ZF-001-02-01', 'TW-ZF-001-03']));
    const housing = await codes('area=housing&pageSize=50');
    expect(housing).toHaveLength(8);
    expect(await codes('department=PT-FY')).toEqual(['YJS-001-03']);
    const bad = await get().inject({ method: 'GET', url: '/api/public/services/items?area=moon' });
    expect(bad.statusCode).toBe(400);
  });

  it('serves an item’s guide and the areas with counts', async () => {
    const res = await get().inject({ method: 'GET', url: '/api/public/services/items/TW-JB-001-01?lang=en' });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.title).toBe('IIT burden-difference subsidy for Taiwan residents (automatic payment consent)');
    expect(d.item).toMatchObject({ level: 'handling', area: 'awards_subsidies', fees: [], processKey: 'standard' });
    expect(d.item.name['zh-TW']).toBe('臺灣居民個人所得稅稅負差額補貼（免申即享授權）');
    expect(d.parents).toEqual([{ code: 'TW-JB-001', level: 'main', name: expect.objectContaining({ 'zh-CN': '台胞个人所得税税负差额补贴' }) }]);
    expect((await get().inject({ method: 'GET', url: '/api/public/services/items/NOPE' })).statusCode).toBe(404);
    const areas = (await get().inject({ method: 'GET', url: '/api/public/services/areas' })).json().items as { area: string; count: number }[];
    expect(areas.find((a) => a.area === 'awards_subsidies')!.count).toBe(9);
  });

  it('exports the catalog as CSV and XLSX and imports an edited workbook as a new version', async () => {
    bureau = await get().login('bureau');
    const csv = await get().inject({ method: 'GET', url: '/api/services/items/export?format=csv', headers: bureau.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith(`\uFEFF${ITEM_COLUMNS.slice(0, 3).join(',')}`)).toBe(true);
    const xlsx = await get().inject({ method: 'GET', url: '/api/services/items/export?format=xlsx', headers: bureau.headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = ws.getRow(2);
    const nameCol = ITEM_COLUMNS.indexOf('name.zh-CN') + 1;
    expect(row.getCell(1).value).toBe('TW-JZ-001');
    row.getCell(nameCol).value = '台湾居民居住证办理';
    row.getCell(nameCol + 1).value = null;
    const up = multipart('items.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const res = await get().inject({ method: 'POST', url: '/api/services/items/import', headers: { ...bureau.headers, ...up.headers }, payload: up.payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, note: 'imported from items.xlsx' });
    const main = (await get().inject({ method: 'GET', url: '/api/public/services/items/TW-JZ-001' })).json();
    expect(main.item.name).toMatchObject({ 'zh-CN': '台湾居民居住证办理', 'zh-TW': '臺灣居民居住證辦理' });
  });

  it('refuses an imported CSV naming the line and column of the bad cell, and publishes nothing', async () => {
    const csv = (await get().inject({ method: 'GET', url: '/api/services/items/export?format=csv', headers: bureau.headers })).body;
    const lines = csv.split('\r\n');
    const cells = lines[4]!.split(',');
    const type = ITEM_COLUMNS.indexOf('type');
    cells[type] = '行政许可证';
    lines[4] = cells.join(',');
    const up = multipart('items.csv', lines.join('\r\n'));
    const res = await get().inject({ method: 'POST', url: '/api/services/items/import', headers: { ...bureau.headers, ...up.headers }, payload: up.payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { line: 5, column: 'type' } });
    expect(res.json().error.message).toMatch(/^line 5, column type: must be one of 行政许可/);
    const other = multipart('items.txt', 'code');
    expect((await get().inject({ method: 'POST', url: '/api/services/items/import', headers: { ...bureau.headers, ...other.headers }, payload: other.payload })).statusCode).toBe(415);
    const versions = (await get().inject({ method: 'GET', url: '/api/services/items/versions', headers: bureau.headers })).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('publishes a JSON document as a version and serves any version whole', async () => {
    const v1 = await get().inject({ method: 'GET', url: '/api/services/items/versions/1', headers: bureau.headers });
    expect(v1.statusCode).toBe(200);
    const document = v1.json().document;
    expect(v1.json()).toMatchObject({ version: 1, inForce: false });
    const res = await get().inject({ method: 'POST', url: '/api/services/items/versions', headers: bureau.headers, payload: { document, note: '恢复第1版' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 3, sm3: v1.json().sm3, note: '恢复第1版' });
    const main = (await get().inject({ method: 'GET', url: '/api/public/services/items/TW-JZ-001' })).json();
    expect(main.item.name['zh-CN']).toBe('台湾居民居住证');
    const broken = await get().inject({ method: 'POST', url: '/api/services/items/versions', headers: bureau.headers, payload: { document: { items: [] } } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details.field).toBe('items');
  });
});
