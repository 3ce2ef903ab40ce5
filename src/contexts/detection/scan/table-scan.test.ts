import { describe, expect, it } from 'vitest';
import type { DetectorTypeId } from '../validators/index.ts';
import { mod11_2CheckChar } from '../validators/index.ts';
import { TableScan, type TableScanOptions } from './table-scan.ts';

/** A deterministic pseudo-random generator, so the rows are the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function idNumber(r: () => number): string {
  const y = 1950 + Math.floor(r() * 55);
  const m = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const d = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const body = `350128${y}${m}${d}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

const HEADER = ['身份证号', '姓名', '手机号', 'col_4', '备注', '订单号'];
const NAMES = ['王伟', '李芳', '张秀英', '陈志明', '林晓燕', '欧阳娜娜', '郑强'];

/**
 * Adversarial rows: ragged (short and long) rows, empty and whitespace cells, two person keys in one
 * row (an ID and a passport-like value), IDs that fail their check digit, remarks with embedded
 * phones, ID numbers and names, a huge cell, repeated values (the profiler's memo).
 */
function rows(count: number, seed: number): string[][] {
  const r = rng(seed);
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const id = idNumber(r);
    const bad = id.slice(0, 17) + String((Number(id[17] === 'X' ? 10 : id[17]) + 1) % 10);
    const phone = `13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    const name = NAMES[Math.floor(r() * NAMES.length)]!;
    const remarks = ['已处理', `联系人${name}，电话${phone}`, `身份证${idNumber(r)}已核验`, '', '  ', 'x'.repeat(3000)];
    const row = [r() < 0.1 ? bad : id, name, phone, r() < 0.5 ? idNumber(r) : '', remarks[Math.floor(r() * remarks.length)]!, `2024${String(Math.floor(r() * 1e14)).padStart(14, '0')}`];
    const shape = r();
    if (shape < 0.05) out.push(row.slice(0, 2)); // short row
    else if (shape < 0.1) out.push([...row, phone, id]); // long row: cells beyond the header
    else out.push(row);
  }
  return out;
}

interface Outcome {
  columns: ReturnType<TableScan['finish']>;
  persons: ReturnType<TableScan['persons']['counts']>;
  findings: TableScan['findings'];
  rows: number;
  personCalls: string[];
}

/** Scans `data` in batches of `batch` rows, row by row (`observeRow`) or a batch at a time (`observeRows`). */
function scan(data: string[][], batch: number, byBatch: boolean, opts: TableScanOptions = {}, setup?: (s: TableScan, rowsSeen: number) => void): Outcome {
  const personCalls: string[] = [];
  const s = new TableScan(HEADER, { findings: true, ...opts, onPerson: (t: DetectorTypeId, v: string, sens: boolean) => personCalls.push(`${t}:${v}:${sens}`) });
  for (let b = 0; b < data.length; b += batch) {
    setup?.(s, b);
    const part = data.slice(b, b + batch);
    if (byBatch) s.observeRows(b, part);
    else part.forEach((row, i) => s.observeRow(b + i, row));
  }
  return { columns: s.finish(), persons: s.persons.counts(), findings: s.findings, rows: s.rows, personCalls };
}

describe('observing rows a batch at a time', () => {
  const data = rows(3000, 11);

  it('gives the same columns, persons, findings and person order as observing row by row', () => {
    for (const batch of [1, 7, 256, 4096]) {
      const one = scan(data, batch, false, { warmupRows: 100 });
      const many = scan(data, batch, true, { warmupRows: 100 });
      expect(many).toEqual(one);
      expect(one.findings!.length).toBeGreaterThan(3000);
      expect(one.persons.persons).toBeGreaterThan(2000);
    }
  });

  it('decides the columns after exactly the warm-up rows even when a batch crosses that row', () => {
    const one = scan(data, 333, false, { warmupRows: 1000 });
    const many = scan(data, 333, true, { warmupRows: 1000 });
    expect(many).toEqual(one);
  });

  it('holds findings until decisions made elsewhere arrive, then counts them as row by row does', () => {
    const accepted = new Set(scan(data, 500, false).columns.flatMap((c) => c.detections.map((d) => `${c.index}:${d.type}`)));
    const late = (s: TableScan, seen: number) => {
      if (seen === 1500) s.setAccepted(accepted);
    };
    const one = scan(data, 500, false, { awaitDecisions: true }, late);
    const many = scan(data, 500, true, { awaitDecisions: true }, late);
    expect(many).toEqual(one);
  });

  it('scans rows longer than the header and columns added while reading like row by row', () => {
    const grow = (s: TableScan, seen: number) => {
      if (seen === 1200) s.ensureColumns([...HEADER, '电话', '证件号']);
    };
    const one = scan(data, 400, false, { warmupRows: 300 }, grow);
    const many = scan(data, 400, true, { warmupRows: 300 }, grow);
    expect(many).toEqual(one);
    expect(many.columns.length).toBe(8);
  });
});

describe('a table about pets', () => {
  it('reports its owners but not the diagnoses, drugs and gene tests of the animals', () => {
    const header = ['宠物名', '品种', '主人姓名', '主人身份证号', '诊断', '处方', 'MDR1基因检测'];
    const r = rng(5);
    const data = Array.from({ length: 400 }, (_, i) => [['布丁', '奶茶', '王子'][i % 3] as string, '英国短毛猫', NAMES[i % NAMES.length] as string, idNumber(r), ['急性胃肠炎', '慢性肾病', '髌骨脱位'][i % 3] as string, ['美洛昔康', '阿莫西林'][i % 2] as string, 'rs1045642 CT']);
    const s = new TableScan(header);
    s.observeRows(0, data);
    const types = new Set(s.finish().flatMap((c) => c.detections.map((d) => d.type)));
    expect([...types].sort()).toEqual(['cn_resident_id', 'person_name']);
    const people = new TableScan(['姓名', '身份证号', '诊断']);
    people.observeRows(0, data.map((row) => [row[2] as string, row[3] as string, row[4] as string]));
    expect(people.finish().flatMap((c) => c.detections.map((d) => d.type))).toContain('medical_record');
  });

  it('still reports the health data of people bitten by animals (a rabies clinic)', () => {
    const r = rng(9);
    const clinic = new TableScan(['姓名', '身份证号', '致伤动物', '诊断']);
    clinic.observeRows(0, Array.from({ length: 300 }, (_, i) => [NAMES[i % NAMES.length] as string, idNumber(r), ['犬', '猫'][i % 2] as string, ['狂犬病暴露', '手部咬伤', '小腿软组织挫伤'][i % 3] as string]));
    expect(clinic.finish().flatMap((c) => c.detections.map((d) => d.type))).toContain('medical_record');
  });
});
