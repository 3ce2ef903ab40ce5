import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/helpers/db.ts';
import { AppError } from '../../../kernel/errors.ts';
import { personHash } from '../../detection/index.ts';
import { residencePermit } from '../benefits.demo.ts';
import { ADMIN, employmentRow, engineFixture, HASH_KEY, officer, ORGS, TAX_OFFICER, taxRow } from '../test-support.ts';
import type { SourcesService } from './sources.service.ts';

const A = residencePermit('19880203', 111);
const B = residencePermit('19790615', 222);
const C = residencePermit('19950101', 333);

describeEachDialect('benefit data sources', (get) => {
  let sources: SourcesService;
  beforeAll(() => {
    sources = engineFixture(get().db).sources;
  });

  it('reports malformed rows per row and field and loads the rest of the batch', async () => {
    const bad = { ...taxRow({ idNumber: A, name: '陈家豪', wagesCny: 300_000 }), idNumber: A.slice(0, 17) + (A.endsWith('0') ? '1' : '0') };
    const batch = await sources.push(TAX_OFFICER, {
      kind: 'tax',
      sourceSystem: 'tax-bureau',
      records: [
        taxRow({ idNumber: B, name: '林淑芬', wagesCny: 250_000 }),
        bad,
        { ...taxRow({ idNumber: C, name: '黄怡君', wagesCny: 200_000 }), wagesCny: '二十万', taxYear: '' },
        taxRow({ idNumber: '110105194912310021', idType: 'residence_permit', name: '王五', wagesCny: 100_000 }),
      ],
    });
    expect(batch).toMatchObject({ kind: 'tax', orgId: ORGS['PT-SW'], status: 'partial', rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });
    expect(batch.provenance).toMatchObject({ via: 'push', sourceSystem: 'tax-bureau', uploadedBy: `user:${TAX_OFFICER.id}` });
    const rejects = await sources.rejects(TAX_OFFICER, batch.id, 1, 50);
    expect(rejects.items.map((r) => [r.rowNo, r.field, r.reason])).toEqual([
      [2, 'idNumber', 'checksum'],
      [3, 'taxYear', 'required'],
      [3, 'wagesCny', 'format'],
      [4, 'idNumber', 'prefix'],
    ]);
  });

  it('refuses an employment record that ends before it starts', async () => {
    const social = officer('PT-SHSY', ['benefits.sources:load', 'benefits.sources:read']);
    const batch = await sources.push(social, { kind: 'employment', records: [employmentRow(A, '陈家豪', { from: '2024-05-01', to: '2024-04-30' }), employmentRow(A, '陈家豪', { from: '2024-05-01', to: '2024-05-01' })] });
    expect(batch).toMatchObject({ rowsLoaded: 1, rowsRejected: 1 });
    expect((await sources.rejects(social, batch.id, 1, 10)).items).toEqual([{ rowNo: 1, field: 'toDate', reason: 'range', message: 'toDate is before fromDate' }]);
  });

  it('rejects a second row with the same person and year as a duplicate, naming the first row', async () => {
    const batch = await sources.push(TAX_OFFICER, {
      kind: 'tax',
      records: [taxRow({ idNumber: C, name: '黄怡君', wagesCny: 200_000 }), taxRow({ idNumber: C, name: '黄怡君', wagesCny: 210_000 }), taxRow({ idNumber: C, name: '黄怡君', wagesCny: 210_000, taxYear: 2023 })],
    });
    expect(batch).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
    expect((await sources.rejects(TAX_OFFICER, batch.id, 1, 10)).items).toEqual([{ rowNo: 2, field: null, reason: 'duplicate', message: 'the same record as row 1 of this batch' }]);
  });

  it('supersedes the earlier record of the same department, person and year while keeping it as history', async () => {
    const first = await sources.push(TAX_OFFICER, { kind: 'tax', records: [taxRow({ idNumber: A, name: '陈家豪', wagesCny: 300_000 })] });
    const second = await sources.push(TAX_OFFICER, { kind: 'tax', records: [taxRow({ idNumber: A, name: '陈家豪', wagesCny: 320_000 })] });
    expect(second.rowsSuperseding).toBe(1);
    const key = personHash(HASH_KEY, 'tw_residence_permit', A);
    const rows = (await sources.repo.currentRecords(get().db, ['tax'], '', key)).filter((r) => r.subject_key === key);
    expect(rows.map((r) => [r.batch_id, JSON.parse(r.data).wagesCny])).toEqual([[second.id, 320_000]]);
    const old = await sources.repo.recordsOfBatch(get().db, first.id, 10, 0);
    expect(old.map((r) => [r.current, r.superseded_by])).toEqual([[0, second.id]]);
    // Another department's record of the same person is not superseded by the tax bureau's batch.
    const police = officer('PT-GA', ['benefits.sources:load']);
    const res = await sources.push(police, { kind: 'residence', records: [{ idType: 'residence_permit', idNumber: A, name: '陈家豪', year: 2024, residenceDays: 200, permitType: 'residence_permit', addressInZone: true }] });
    expect(res.rowsSuperseding).toBe(0);
  });

  it('stores only the keyed hash, the masked number and the name, never the clear document number', async () => {
    const batch = await sources.push(TAX_OFFICER, { kind: 'tax', records: [taxRow({ idNumber: B, name: '林淑芬', wagesCny: 260_000, taxYear: 2023 })] });
    const [r] = await sources.repo.recordsOfBatch(get().db, batch.id, 10, 0);
    expect(r!.subject_key).toBe(personHash(HASH_KEY, 'tw_residence_permit', B));
    expect(r!.masked_id).not.toContain(B.slice(6, 14));
    expect(JSON.stringify(r)).not.toContain(B);
  });

  it('loads a GBK-encoded CSV upload with Chinese names and id type words', async () => {
    const header = 'idType,idNumber,name,taxYear,wagesCny,otherIncomeCny,businessIncomeCny,mainlandTaxPaidCny,taxPaidInZone';
    const csv = [header, `居住证,${A},陈家豪,2022,"300,000.00",0,0,31080,是`, `台胞证,12345678,林美玲,2022,180000,0,0,9480,否`, `居住证,${A.slice(0, 10)},错号,2022,1,0,0,0,是`].join('\r\n');
    const batch = await sources.upload(TAX_OFFICER, { kind: 'tax', filename: 'tax-2022.csv', data: iconv.encode(csv, 'gbk') });
    expect(batch).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1, provenance: { via: 'upload', filename: 'tax-2022.csv' } });
    expect(batch.provenance.sm3).toMatch(/^[0-9a-f]{64}$/);
    const records = await sources.repo.recordsOfBatch(get().db, batch.id, 10, 0);
    expect(records.map((r) => [r.name, JSON.parse(r.data).idType, JSON.parse(r.data).wagesCny, JSON.parse(r.data).taxPaidInZone])).toEqual([
      ['陈家豪', 'residence_permit', 300_000, true],
      ['林美玲', 'mtp', 180_000, false],
    ]);
  });

  it('loads an XLSX upload of company records and refuses a file without a required column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(['uscc', 'name', 'year', 'taiwanFunded', 'registeredInZone', 'revenueCny', 'taxPaidCny', 'employees']);
    ws.addRow(['91350128MA2YABCD0F', '平潭海峡两岸电商科技有限公司', 2024, 'true', 'true', 38000000, 1260000, 128]);
    ws.addRow(['91350128MA2YABCD0X', '校验错误公司', 2024, 'true', 'true', 1, 1, 1]);
    const market = officer('PT-SCJG', ['benefits.sources:load', 'benefits.sources:read']);
    const batch = await sources.upload(market, { kind: 'company', filename: 'companies.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(batch).toMatchObject({ kind: 'company', rowsLoaded: 1, rowsRejected: 1 });
    expect((await sources.rejects(market, batch.id, 1, 10)).items[0]).toMatchObject({ rowNo: 2, field: 'uscc', reason: 'checksum' });
    const err = await sources.upload(market, { kind: 'company', filename: 'short.csv', data: Buffer.from('uscc,name\r\n91350128MA2YABCD0F,x\r\n') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details).toEqual(expect.arrayContaining([{ field: 'year', reason: 'missing_column' }]));
  });

  it('lets a department load only its own records and read only its own batches', async () => {
    const other = officer('PT-GA', ['benefits.sources:load', 'benefits.sources:read']);
    await expect(sources.push(other, { kind: 'tax', orgId: ORGS['PT-SW'], records: [taxRow({ idNumber: A, name: '陈家豪', wagesCny: 1 })] })).rejects.toMatchObject({ code: 'forbidden' });
    const mine = await sources.push(TAX_OFFICER, { kind: 'tax', records: [taxRow({ idNumber: A, name: '陈家豪', wagesCny: 1, taxYear: 2023 })] });
    await expect(sources.batch(other, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await sources.listBatches(other, { page: 1, pageSize: 50 })).items.every((b) => b.orgId === ORGS['PT-GA'])).toBe(true);
    expect((await sources.listBatches(ADMIN, { page: 1, pageSize: 50 })).items.some((b) => b.id === mine.id)).toBe(true);
    await expect(sources.push(TAX_OFFICER, { kind: 'pension', records: [{}] })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

it('writes no temporary upload files that outlive the load', () => {
  expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('landao-benefits-')).map((f) => path.join(os.tmpdir(), f))).toEqual([]);
});
