import { describe, expect, it } from 'vitest';
import { demoIdNumber } from './catalog.demo.ts';
import type { FieldSpec } from './catalog.model.ts';
import { RowChecker } from './catalog.quality.ts';

const fields: FieldSpec[] = [
  { name: 'id_number', title: '身份证号码', type: 'string', meaning: '公民身份号码', detectorType: 'cn_resident_id', required: true },
  { name: 'born', title: '出生日期', type: 'date', meaning: '出生日期' },
  { name: 'children', title: '子女数', type: 'integer', meaning: '子女数', min: 0, max: 20 },
  { name: 'veteran', title: '退役军人', type: 'boolean', meaning: '是否退役军人' },
  { name: 'email', title: '邮箱', type: 'string', meaning: '电子邮箱', detectorType: 'email', unique: true, maxLength: 30 },
];
const rules = (c: RowChecker, cells: string[]) => c.check(cells).problems.map((p) => `${p.field}:${p.rule}`);

describe('quality rules of a row', () => {
  it('types values: dates that exist, safe integers, yes/no in Chinese or English', () => {
    const c = new RowChecker(fields, ['id_number'], ['id_number', 'born', 'children', 'veteran', 'email']);
    const ok = c.check(['11010519491231002X', '2000-02-29', '2', '是', 'a@b.cn']);
    expect(ok.problems).toEqual([]);
    expect(ok.record).toEqual({ id_number: '11010519491231002X', born: '2000-02-29', children: 2, veteran: true, email: 'a@b.cn' });
    expect(rules(c, ['110105194912310021', '1900-02-29', '2.5', 'maybe', ''])).toEqual(['id_number:format', 'born:type', 'children:type', 'veteran:type']);
  });

  it('accepts a Taiwan residence permit in a 公民身份号码 field, whose standard it follows, but not a bad check digit', () => {
    const c = new RowChecker(fields, ['id_number'], ['id_number', 'born', 'children', 'veteran', 'email']);
    expect(rules(c, ['830000199001010012', '', '', '', ''])).toEqual([]);
    expect(rules(c, ['830000199001010013', '', '', '', ''])).toEqual(['id_number:format']);
  });

  it('checks ranges, lengths and uniqueness within the batch, and counts completeness', () => {
    const c = new RowChecker(fields, ['id_number'], ['id_number', 'born', 'children', 'veteran', 'email']);
    expect(rules(c, ['11010519491231002X', '', '21', '', 'same@x.cn'])).toEqual(['children:range']);
    expect(rules(c, [demoIdNumber(1), '', '', '', 'same@x.cn'])).toEqual(['email:unique']);
    expect(rules(c, [demoIdNumber(2), '', '', '', `${'a'.repeat(30)}@x.cn`])).toEqual(['email:length']);
    const report = c.report(0);
    expect(report.rowsRejected).toBe(3);
    expect(report.completeness.find((x) => x.field === 'born')!.ratio).toBe(0);
    expect(report.completeness.find((x) => x.field === 'email')!.ratio).toBe(1);
  });

  it('reports a missing key and a key repeated in the batch', () => {
    const c = new RowChecker(fields, ['id_number'], ['身份证号码']);
    expect(rules(c, [''])).toEqual(['id_number:required']);
    expect(rules(c, ['11010519491231002X'])).toEqual([]);
    expect(rules(c, ['11010519491231002X'])).toEqual(['id_number:key']);
  });

  it('names the key and required columns a file lacks, and the columns it ignores', () => {
    const c = new RowChecker(fields, ['id_number'], ['born', 'remark']);
    expect(c.missingColumns).toEqual(['id_number']);
    expect(c.ignoredColumns).toEqual(['remark']);
  });
});
