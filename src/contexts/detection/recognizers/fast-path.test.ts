import { describe, expect, it } from 'vitest';
import { luhnCheck, mod11_2CheckChar } from '../validators/index.ts';
import { ColumnProfiler, type Finding } from './index.ts';

// The profiler's fast paths (settled ID/mobile columns, plain-token cells, repeated values) must give exactly what
// the full scanner gives: every count, confidence sum, example, distinct-value sketch and finding.

let seed = 7;
function rnd(n: number): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;

function idNumber(area = pick(['350128', '350102', '110101', '830000', '810000', '820000', '999999'])): string {
  const body = area + (1940 + rnd(90)) + pad(1 + rnd(12), 2) + pad(1 + rnd(31), 2) + pad(rnd(1000), 3);
  return body + mod11_2CheckChar(body);
}
function mobile(): string {
  return pick(['139', '138', '150', '190', '192', '196', '197', '170', '100', '123']) + pad(rnd(1e8), 8);
}
function card(): string {
  for (;;) {
    const c = '622202' + pad(rnd(1e9), 9) + pad(rnd(1e4), 4);
    if (luhnCheck(c) === rnd(10) > 0) return c;
  }
}

/** ID-column values with every kind of deviation the fast path must hand back to the full scan. */
function idCell(): string {
  const id = idNumber();
  switch (rnd(30)) {
    case 0:
      return id.slice(0, 17) + '0123456789X'.charAt(rnd(11)); // random check character
    case 1:
      return ` ${id}`; // surrounding whitespace
    case 2:
      return id.endsWith('X') ? id.slice(0, 17) + 'x' : id; // lower-case check character
    case 3:
      return id.slice(0, 6) + id.slice(8, 17); // legacy 15 digits
    case 4:
      return `'${id}`; // Excel apostrophe
    case 5:
      return card();
    case 6:
      return '';
    case 7:
      return `${id}，${mobile()}`;
    default:
      return id;
  }
}

function mobileCell(): string {
  const m = mobile();
  switch (rnd(24)) {
    case 0:
      return `+86 ${m}`;
    case 1:
      return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
    case 2:
      return `0591${pad(rnd(1e8), 8)}`;
    case 3:
      return `${m}转${rnd(100)}`;
    default:
      return m;
  }
}

const WORDS = ['password', 'A01', 'rs12345', 'AB12345', 'G12345678', 'H12345678', 'LSVAU2180N2183294', 'deadbeefcafe', 'x', 'abcDEF123', 'K34.9', 'E12345678'];
function plainCell(): string {
  switch (rnd(4)) {
    case 0:
      return pick(WORDS);
    case 1:
      return pad(rnd(1e9), 8 + rnd(12));
    case 2:
      return Array.from({ length: 32 }, () => '0123456789abcdef'.charAt(rnd(16))).join('');
    default:
      return idNumber();
  }
}

function run(header: string, cells: readonly string[], fastPath: boolean) {
  const p = new ColumnProfiler(header, { fastPath });
  const found: Finding[][] = [];
  for (const c of cells) found.push(p.observe(c).map((f) => ({ ...f })));
  return { state: p.snapshot(), result: p.result(), found, fastCells: p.fastCells };
}

function expectSame(header: string, cells: readonly string[]) {
  const full = run(header, cells, false);
  const fast = run(header, cells, true);
  expect(fast.state).toEqual(full.state);
  expect(fast.result).toEqual(full.result);
  expect(fast.found).toEqual(full.found);
  expect(full.fastCells).toBe(0);
  return { ...fast.result, fastCells: fast.fastCells };
}

const many = (n: number, gen: () => string): string[] => Array.from({ length: n }, gen);

describe('the profiler fast paths', () => {
  it('give exactly the full scan on ID-number columns with permits, bad check digits, whitespace and strays', () => {
    const cells = many(5000, idCell);
    for (const header of ['身份证号', 'col_7', '备注', '订单号']) {
      const r = expectSame(header, cells);
      if (header !== '订单号') expect(r.detections[0]?.type).toBe('cn_resident_id');
      expect(r.fastCells).toBeGreaterThan(2000);
    }
  });

  it('give exactly the full scan on mobile columns with prefixes, dashes, landlines and extensions', () => {
    const r = expectSame('手机号', many(5000, mobileCell));
    expect(r.detections[0]?.type).toBe('cn_mobile');
    expect(r.fastCells).toBeGreaterThan(2000);
    expectSame('联系方式', many(3000, mobileCell));
  });

  it('keep the fast path on a long column whose strays stay a minority, and drop it once they are the majority', () => {
    // About a third of these cells leave the fast path (prefixes, dashes, invalid segments): far
    // more than FAST_MAX_MISSES over 30,000 cells, but fewer than the cells it takes.
    const mostlyMobiles = expectSame('手机号', many(30000, mobileCell));
    expect(mostlyMobiles.fastCells).toBeGreaterThan(15000);
    // Mobiles, then a long run of ID numbers: the misses overtake and the column gives the path up.
    const changed = expectSame('col_2', [...many(3000, mobile), ...many(12000, idNumber)]);
    expect(changed.fastCells).toBeLessThan(3000);
  });

  it('give exactly the full scan when a column settles on one type and its later values change type', () => {
    const cells = [...many(1500, idNumber), ...many(1500, mobile), ...many(1000, card), ...many(500, () => pick(['王小明', '李华', '林晓燕'])), ...many(1500, idNumber)];
    expect(expectSame('col_3', cells).fastCells).toBeGreaterThan(1000);
    expectSame('证件号码', cells);
    const phones = [...many(1000, mobile), ...many(3000, idNumber), ...many(2000, mobile)];
    expect(expectSame('手机', phones).fastCells).toBeGreaterThan(500);
  });

  it('give exactly the full scan on plain letter-and-digit tokens (passports, VINs, ICD codes, secrets, hex)', () => {
    expectSame('col_9', many(4000, plainCell));
    expectSame('密码', many(2000, plainCell));
    expectSame('诊断', many(2000, plainCell));
    expectSame('护照号', many(2000, plainCell));
  });

  it('give exactly the full scan on columns of repeated values (statuses, e-mail addresses, names, template remarks)', () => {
    const emails = many(40, () => `user${rnd(1000)}@example.com`);
    const names = ['王小明', '李华', '林晓燕', '欧阳娜娜', '陈家豪', '张伟'];
    const remarks = ['请联系王小明 13905912345', '已核实，身份证号 ' + idNumber(), '车辆已年检', '地址：福建省平潭县潭城镇西航路18号', '无'];
    const repeated = (): string => {
      switch (rnd(5)) {
        case 0:
          return pick(emails);
        case 1:
          return pick(names);
        case 2:
          return pick(remarks);
        case 3:
          return pick(['已完成', '处理中', ' ', '']);
        default:
          return mobile();
      }
    };
    const cells = many(6000, repeated);
    for (const header of ['备注', '联系人', '电子邮箱', 'col_4']) {
      const r = expectSame(header, cells);
      expect(r.detections.length).toBeGreaterThan(0);
    }
    // More distinct names than the name set tracks, each seen many times.
    const people = many(6000, () => pick(['王', '李', '林', '陈', '张']) + pick(['小', '晓', '家', '志']) + pick(['明', '燕', '豪', '伟', '华', '玲']));
    expect(expectSame('姓名', [...people, ...people]).detections[0]?.type).toBe('person_name');
  });
});
