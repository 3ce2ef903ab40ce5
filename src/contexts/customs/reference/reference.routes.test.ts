import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeApp, type Session } from '../../../../test/helpers/app.ts';

function multipartForm(fields: Record<string, string>, file: { name: string; data: Buffer }): { payload: Buffer; headers: Record<string, string> } {
  const b = '----landao' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.data, Buffer.from(`\r\n--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

describeApp('versioned catalog and lists', (get) => {
  let bureau: Session;
  let qiye: Session;

  it('serves the shipped versions until the bureau publishes one', async () => {
    bureau = await get().login('bureau');
    qiye = await get().login('qiye');
    const res = await get().inject({ method: 'GET', url: '/api/customs/reference/lists/versions', headers: qiye.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: null, inForce: true, createdBy: 'landao' });
  });

  it('refuses a publication from anyone but the bureau, and a document that does not validate, naming the field', async () => {
    const doc = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists', headers: bureau.headers })).json();
    const denied = await get().inject({ method: 'POST', url: '/api/customs/reference/lists/versions', headers: qiye.headers, payload: { document: { ...doc, version: 'x' } } });
    expect(denied.statusCode).toBe(403);
    const broken = structuredClone(doc);
    broken.version = '2026.2';
    broken.negativeList[0].route = 'whatever';
    const bad = await get().inject({ method: 'POST', url: '/api/customs/reference/lists/versions', headers: bureau.headers, payload: { document: broken } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('negativeList[0].route');
    const same = await get().inject({ method: 'POST', url: '/api/customs/reference/lists/versions', headers: bureau.headers, payload: { document: doc } });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details.field).toBe('version');
  });

  it('puts a published version in force for the next assessment and keeps the old one readable', async () => {
    const doc = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists', headers: bureau.headers })).json();
    const next = structuredClone(doc);
    next.version = '2026.2-test';
    // Tighten MRCT-04 so that any identity data of trial subjects needs a security assessment.
    const item = next.negativeList.find((i: { id: string }) => i.id === 'NL-PHARMA-MRCT-04');
    item.route = 'security_assessment';
    const res = await get().inject({ method: 'POST', url: '/api/customs/reference/lists/versions', headers: bureau.headers, payload: { document: next, note: '收紧受试者身份信息出境' } });
    expect(res.statusCode).toBe(201);
    const history = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists/versions', headers: bureau.headers })).json().items;
    expect(history.map((h: { version: string; inForce: boolean }) => [h.version, h.inForce])).toEqual([
      ['2026.2-test', true],
      [doc.version, false],
    ]);
    const inForce = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists', headers: qiye.headers })).json();
    expect(inForce.version).toBe('2026.2-test');
    const audit = await get().inject({ method: 'GET', url: '/api/audit/events?limit=200', headers: (await get().login('auditor')).headers });
    expect(JSON.stringify(audit.json())).toContain('customs.lists.published');
  });

  it('exports a list as CSV and XLSX and imports the workbook back as a new version', async () => {
    const csv = await get().inject({ method: 'GET', url: '/api/customs/reference/lists/export?list=negative&format=csv', headers: bureau.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFFid,industry,scenario,route')).toBe(true);
    const xlsx = await get().inject({ method: 'GET', url: '/api/customs/reference/lists/export?list=negative&format=xlsx', headers: bureau.headers });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('id');
    // Drop the last item and import the workbook as the next version.
    ws.spliceRows(ws.rowCount, 1);
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const up = multipartForm({ version: '2026.3-test', note: '删去一项' }, { name: 'negative.xlsx', data: edited });
    const res = await get().inject({ method: 'POST', url: '/api/customs/reference/lists/import?list=negative', headers: { ...bureau.headers, ...up.headers }, payload: up.payload });
    expect(res.statusCode, res.body).toBe(201);
    const now = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists', headers: bureau.headers })).json();
    const before = (await get().inject({ method: 'GET', url: `/api/customs/reference/lists?versionId=${res.json().id - 1}`, headers: bureau.headers })).json();
    expect(now.negativeList.length).toBe(before.negativeList.length - 1);
  });

  it('names the line of a bad row in an imported CSV', async () => {
    const csv = (await get().inject({ method: 'GET', url: '/api/customs/reference/lists/export?list=negative&format=csv', headers: bureau.headers })).body;
    const lines = csv.split('\r\n');
    lines[2] = lines[2]!.replace(/^([^,]+),pharma,/, '$1,auto,');
    const up = multipartForm({ version: '2026.4-test' }, { name: 'negative.csv', data: Buffer.from(lines.join('\r\n')) });
    const res = await get().inject({ method: 'POST', url: '/api/customs/reference/lists/import?list=negative', headers: { ...bureau.headers, ...up.headers }, payload: up.payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/line 3/);
  });
});
