import { describe, expect, it } from 'vitest';
import { normString } from './chars.ts';
import { HyperLogLog } from './hll.ts';
import { maskValue } from './mask.ts';
import { t2sTable } from './normalize.ts';

describe('Traditional to Simplified normalisation', () => {
  it('maps character by character, so offsets in the original text stay valid', () => {
    const text = '臺北市信義區聯絡電話身分證字號銀行帳號診斷經辦人';
    const n = normString(text);
    expect(n.length).toBe(text.length);
    expect(n).toBe('台北市信义区联络电话身分证字号银行帐号诊断经办人');
  });

  it('leaves Simplified text, ASCII digits and symbols unchanged (except ASCII case)', () => {
    expect(normString('平潭综合实验区 Tel:13905912345')).toBe('平潭综合实验区 tel:13905912345');
    const t = t2sTable();
    expect(t['中'.charCodeAt(0)]).toBe('中'.charCodeAt(0));
  });
});

describe('maskValue', () => {
  it('keeps enough of a value to recognise its kind, not the value', () => {
    expect(maskValue('cn_resident_id', '35012819900101123X')).toBe('3501**********123X');
    expect(maskValue('cn_mobile', '13905912345')).toBe('139****2345');
    expect(maskValue('person_name', '王小明')).toBe('王*明');
    expect(maskValue('person_name', '张伟')).toBe('张*');
    expect(maskValue('email', 'zhang.san@example.com')).toBe('z********@example.com');
  });
});

describe('HyperLogLog', () => {
  it('estimates distinct counts within a few percent and merges as a union', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    for (let i = 0; i < 20000; i++) (i < 12000 ? a : b).add(`v${i}`);
    for (let i = 0; i < 5000; i++) a.add(`v${i}`);
    expect(Math.abs(a.estimate() - 12000) / 12000).toBeLessThan(0.1);
    a.merge(b.snapshot());
    expect(Math.abs(a.estimate() - 20000) / 20000).toBeLessThan(0.1);
    const small = new HyperLogLog();
    for (const v of ['a', 'b', 'c', 'a']) small.add(v);
    expect(small.estimate()).toBe(3);
  });
});
