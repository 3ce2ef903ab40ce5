import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PERSON_RECORD_BYTES } from '../persons/person-records.ts';
import { personHash } from '../persons/persons.ts';
import { mod11_2CheckChar } from '../validators/index.ts';
import { maskFile } from './mask-file.ts';
import { openReader } from '../readers/index.ts';
import { scanSource } from './scan-source.ts';
import { TableScan } from './table-scan.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-scan-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A deterministic pseudo-random generator, so the files are the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function idNumber(r: () => number): string {
  const y = 1950 + Math.floor(r() * 55);
  const m = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const d = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const seq = String(Math.floor(r() * 1000)).padStart(3, '0');
  const body = `350128${y}${m}${d}${seq}`;
  return body + mod11_2CheckChar(body);
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '林', '郑'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '志明', '晓燕'];

/** People with ID numbers in a meaningless column, a decoy order-number column, phones and diagnoses. */
function writeCsv(file: string, rows: number, seed = 7): { ids: Set<string>; sensitiveIds: Set<string> } {
  const r = rng(seed);
  const ids = new Set<string>();
  const sensitiveIds = new Set<string>();
  const lines = ['col_7,姓名,订单号,手机号,诊断,备注'];
  const people = Array.from({ length: Math.ceil(rows / 2) }, () => idNumber(r));
  for (let i = 0; i < rows; i++) {
    const id = people[Math.floor(r() * people.length)]!;
    ids.add(id);
    const name = SURNAMES[Math.floor(r() * SURNAMES.length)]! + GIVEN[Math.floor(r() * GIVEN.length)]!;
    const order = `2024${String(Math.floor(r() * 1e14)).padStart(14, '0')}`;
    const phone = `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    const diagnosed = i % 5 === 0;
    if (diagnosed) sensitiveIds.add(id);
    const diagnosis = diagnosed ? '高血压' : '';
    const remark = i % 3 === 0 ? `"客户来电，要求改约, 联系电话${phone}"` : '已处理';
    lines.push([id, name, order, phone, diagnosis, remark].join(','));
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return { ids, sensitiveIds };
}

describe('scanning a table', () => {
  const file = path.join(dir, 'people.csv');
  const truth = writeCsv(file, 3000);

  it('finds ID numbers under a meaningless header and leaves the order-number decoy alone', async () => {
    const r = await scanSource(file);
    const byName = Object.fromEntries(r.columns.map((c) => [c.name, c.detections.map((d) => d.type)]));
    expect(byName.col_7?.[0]).toBe('cn_resident_id');
    expect(byName['订单号']).toEqual([]);
    expect(byName['手机号']?.[0]).toBe('cn_mobile');
    expect(byName['姓名']?.[0]).toBe('person_name');
    expect(r).toMatchObject({ format: 'csv', encoding: 'utf-8', rowsScanned: 3000, complete: true });
    const det = (name: string) => r.columns.find((c) => c.name === name)!.detections[0]!;
    expect(det('col_7').sensitive).toBe(true);
    expect(det('手机号').sensitive).toBe(false);
  });

  it('counts distinct persons and those with sensitive data exactly', async () => {
    const r = await scanSource(file);
    expect(r.persons.persons).toBe(truth.ids.size);
    // ID numbers are sensitive personal information themselves (GB/T 35273 Annex B).
    expect(r.persons.sensitiveSubjects).toBe(truth.ids.size);
  });

  it('reports findings with 1-based data rows and exact spans', async () => {
    const r = await scanSource(file, { findings: true });
    const first = r.findings!.filter((f) => f.row === 1);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const cells = lines[1]!.split(',');
    const id = first.find((f) => f.type === 'cn_resident_id')!;
    expect(cells[id.column]!.slice(id.start, id.end)).toBe(cells[0]);
    expect(r.findings!.some((f) => f.column === 2)).toBe(false);
  });

  it('marks a sample as incomplete and reads only the rows asked for', async () => {
    const r = await scanSource(file, { sample: 100 });
    expect(r.rowsScanned).toBe(100);
    expect(r.complete).toBe(false);
    expect(r.bytes).toBeLessThanOrEqual(fs.statSync(file).size);
  });

  it('gives the same report with two worker threads as with one', async () => {
    const big = path.join(dir, 'big.csv');
    writeCsv(big, 20000, 11);
    const one = await scanSource(big, { findings: true });
    const two = await scanSource(big, { findings: true, workers: 2, minRangeBytes: 64 * 1024 });
    expect(two.workers).toBe(2);
    expect(two.rowsScanned).toBe(one.rowsScanned);
    expect(two.persons).toEqual(one.persons);
    expect(two.columns.map((c) => c.detections.map((d) => [d.type, d.matches]))).toEqual(one.columns.map((c) => c.detections.map((d) => [d.type, d.matches])));
    expect(two.findings!.length).toBe(one.findings!.length);
    expect(two.findings!.slice(-3)).toEqual(one.findings!.slice(-3));
  });

  it('writes one keyed person record per row naming a person, the same from worker threads as from this thread', async () => {
    const key = 'test-person-key';
    const records = (f: string) => {
      const b = fs.readFileSync(f);
      return Array.from({ length: b.length / PERSON_RECORD_BYTES }, (_, i) => b.subarray(i * PERSON_RECORD_BYTES, (i + 1) * PERSON_RECORD_BYTES).toString('hex'));
    };
    const here = path.join(dir, 'people.persons');
    const r = await scanSource(file, { personRecords: { key, out: here } });
    const mine = records(here);
    expect(mine).toHaveLength(r.rowsScanned); // every row carries an ID number
    const hashes = new Set(mine.map((x) => x.slice(0, 64)));
    expect(hashes).toEqual(new Set([...truth.ids].map((id) => personHash(key, 'cn_resident_id', id))));
    expect(new Set(mine.filter((x) => x.endsWith('01')).map((x) => x.slice(0, 64))).size).toBe(r.persons.sensitiveSubjects);

    const big = path.join(dir, 'records.csv');
    writeCsv(big, 20000, 17);
    const [one, two] = [path.join(dir, 'one.persons'), path.join(dir, 'two.persons')];
    await scanSource(big, { personRecords: { key, out: one } });
    const parallel = await scanSource(big, { workers: 2, minRangeBytes: 64 * 1024, personRecords: { key, out: two } });
    expect(parallel.workers).toBe(2);
    expect(records(two).sort()).toEqual(records(one).sort());
    expect(fs.readdirSync(dir).filter((f) => f.includes('.range-'))).toEqual([]);
  });

  it('gives the same report from one worker thread as from this thread', async () => {
    const big = path.join(dir, 'isolated.csv');
    writeCsv(big, 8000, 13);
    const here = await scanSource(big, { findings: true });
    const worker = await scanSource(big, { findings: true, isolateMinBytes: 1 });
    expect(here.workers).toBe(1);
    expect(worker.workers).toBe(1);
    expect({ ...worker, elapsedMs: 0 }).toEqual({ ...here, elapsedMs: 0 });
  });

  it('reads JSON with its own reader when worker threads are asked for', async () => {
    const file = path.join(dir, 'people.json');
    const r = rng(5);
    fs.writeFileSync(file, JSON.stringify(Array.from({ length: 300 }, () => ({ 身份证号: idNumber(r), 备注: '已处理' }))));
    for (const opts of [{ isolateMinBytes: 1 }, { workers: 2, minRangeBytes: 1024 }]) {
      const rep = await scanSource(file, opts);
      expect(rep.format).toBe('json');
      expect(rep.columns.find((c) => c.name.includes('身份证号'))?.detections[0]?.type).toBe('cn_resident_id');
      expect(rep.persons.persons).toBe(300);
    }
  });

  it('counts the same columns, persons and findings with the profiler fast paths as without', async () => {
    const big = path.join(dir, 'fast.csv');
    writeCsv(big, 6000, 17);
    const scanWith = async (fastPath: boolean) => {
      const reader = await openReader(big);
      const scan = new TableScan(reader.columns(), { findings: true, profiler: { fastPath } });
      for await (const b of reader.batches()) b.rows.forEach((r, i) => scan.observeRow(b.firstRow + i, r));
      await reader.close();
      return { columns: scan.finish(), persons: scan.persons.counts(), findings: scan.findings, fast: scan.profilers.map((p) => p.fastCells) };
    };
    const full = await scanWith(false);
    const fast = await scanWith(true);
    expect(fast.fast[0]).toBeGreaterThan(5000); // the ID column settled
    expect(fast.columns).toEqual(full.columns);
    expect(fast.persons).toEqual(full.persons);
    expect(fast.findings).toEqual(full.findings);
  });

  it('refuses a binary file with one line naming the file', async () => {
    const bin = path.join(dir, 'image.csv');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3]));
    await expect(scanSource(bin)).rejects.toThrow(/image\.csv/);
  });
});

describe('masking a file', () => {
  it('replaces identifiers with masked forms and keeps the decoys and the layout', async () => {
    const file = path.join(dir, 'to-mask.csv');
    writeCsv(file, 500, 3);
    const out = path.join(dir, 'masked.csv');
    const res = await maskFile(file, out, { mode: 'partial' });
    expect(res.rows).toBe(500);
    expect(res.byType.cn_resident_id).toBe(500);
    const masked = fs.readFileSync(out, 'utf8').replace(/^\ufeff/, '').split('\r\n');
    const original = fs.readFileSync(file, 'utf8').split('\n');
    const [m1, o1] = [masked[1]!.split(','), original[1]!.split(',')];
    expect(m1[0]).toMatch(/^3501\*{10}\d{3}[\dX]$/);
    expect(m1[2]).toBe(o1[2]); // the order number is not personal data
    expect(fs.readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('tokenises the same value to the same token, and refuses tokenising without a key', async () => {
    const file = path.join(dir, 'tok.csv');
    fs.writeFileSync(file, `证件号\n${idNumber(rng(1))}\n${idNumber(rng(1))}\n`);
    const out = path.join(dir, 'tok-out.csv');
    await maskFile(file, out, { mode: 'tokenize', key: 'a-test-key-of-enough-length' });
    const lines = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(lines[1]).toMatch(/^TK_cn_resident_id_[0-9a-f]{16}$/);
    expect(lines[2]).toBe(lines[1]);
    await expect(maskFile(file, out, { mode: 'tokenize' })).rejects.toThrow(/key/);
  });
});
