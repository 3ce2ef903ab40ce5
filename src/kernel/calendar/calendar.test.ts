import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { DEFAULT_DATA_DIR, WorkingCalendar, loadCalendar, toChinaDate } from './calendar.ts';

const cal = loadCalendar();

/** Every date from `from` to `to`, both included. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function expectAppError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return;
  }
  throw new Error('expected an AppError');
}

const tmpDirs: string[] = [];
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'landao-calendar-'));
  tmpDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function year(y: number, holidays: unknown[], extra: Record<string, unknown> = {}) {
  return { year: y, source: 'test data', provisional: false, holidays, ...extra };
}
function writeJson(dir: string, name: string, data: unknown): void {
  fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
}

describe('the shipped calendar data', () => {
  it('covers 2024 to 2027, with only 2027 provisional', () => {
    expect(cal.coveredYears()).toEqual([2024, 2025, 2026, 2027]);
    expect([2024, 2025, 2026].map((y) => cal.isProvisional(y))).toEqual([false, false, false]);
    expect(cal.isProvisional(2027)).toBe(true);
  });

  it('knows the 2024 Spring Festival: 2024-02-10..17 off, Sundays 2024-02-04 and 2024-02-18 worked', () => {
    expect(cal.isWorkingDay('2024-02-04')).toBe(true);
    expect(cal.isWorkingDay('2024-02-18')).toBe(true);
    for (const d of range('2024-02-10', '2024-02-17')) {
      expect(cal.isWorkingDay(d)).toBe(false);
      expect(cal.holidayName(d)).toBe('春节');
    }
    expect(cal.isWorkingDay('2024-02-09')).toBe(true); // 除夕 was only "encouraged" as a rest day
    expect(cal.isWorkingDay('2024-04-07')).toBe(true);
    expect(cal.holidayName('2024-06-10')).toBe('端午节');
  });

  it('knows the 2024 National Day: 2024-10-01..07 off, 2024-09-29 and 2024-10-12 worked', () => {
    for (const d of range('2024-10-01', '2024-10-07')) expect(cal.holidayName(d)).toBe('国庆节');
    expect(cal.isWorkingDay('2024-09-29')).toBe(true);
    expect(cal.isWorkingDay('2024-10-12')).toBe(true);
    expect(cal.isWorkingDay('2024-10-08')).toBe(true);
  });

  it('knows the 2025 notice: eight Spring Festival days 2025-01-28..02-04, 2025-01-26 and 2025-02-08 worked', () => {
    const off = range('2025-01-20', '2025-02-10').filter((d) => cal.holidayName(d) === '春节');
    expect(off).toEqual(range('2025-01-28', '2025-02-04'));
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
    expect(cal.isWorkingDay('2025-02-08')).toBe(true);
    expect(cal.isWorkingDay('2025-01-27')).toBe(true);
    expect(cal.isWorkingDay('2025-04-27')).toBe(true);
    expect(cal.holidayName('2025-10-08')).toBe('国庆节、中秋节');
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
  });

  it('knows the 2026 notice: a nine-day Spring Festival 2026-02-15..23 and five working weekend days', () => {
    expect(range('2026-02-10', '2026-03-01').filter((d) => cal.holidayName(d) === '春节')).toEqual(
      range('2026-02-15', '2026-02-23'),
    );
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(cal.isWorkingDay(d)).toBe(true);
    }
    expect(cal.holidayName('2026-01-02')).toBe('元旦');
    expect(cal.holidayName('2026-09-25')).toBe('中秋节');
    expect(cal.holidayName('2026-10-07')).toBe('国庆节');
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('gives provisional 2027 the statutory days and their weekday substitutes, and no working weekend', () => {
    const rest = ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-04-05'];
    rest.push('2027-05-03', '2027-05-04', '2027-06-09', '2027-09-15', '2027-10-04', '2027-10-05');
    for (const d of rest) expect(cal.isWorkingDay(d)).toBe(false);
    const workedWeekends = range('2027-01-01', '2027-12-31').filter(
      (d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) && cal.isWorkingDay(d),
    );
    expect(workedWeekends).toEqual([]);
  });

  it('treats ordinary weekdays as working days and ordinary weekends as rest days without a holiday name', () => {
    expect(cal.isWorkingDay('2025-03-10')).toBe(true);
    expect(cal.isWorkingDay('2025-03-08')).toBe(false);
    expect(cal.isWorkingDay('2025-03-09')).toBe(false);
    expect(cal.holidayName('2025-03-08')).toBeNull();
    expect(cal.holidayName('2025-03-10')).toBeNull();
    expect(cal.holidayName('2025-01-26')).toBeNull(); // an adjusted workday is not a holiday
  });
});

describe('counting working days', () => {
  it('counts ten working days of public notice across the National Day holiday', () => {
    // 09-28 (Sun, worked), 09-29, 09-30, [10-01..08 off], 10-09, 10-10, 10-11 (Sat, worked), 10-13..16
    expect(cal.addWorkingDays('2025-09-26', 10)).toBe('2025-10-16');
  });

  it('counts three working days of acceptance across the 2026 Spring Festival, using the worked Saturday', () => {
    expect(cal.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
  });

  it('never counts the start day, even when it is a working day', () => {
    expect(cal.addWorkingDays('2025-03-10', 1)).toBe('2025-03-11');
    expect(cal.addWorkingDays('2025-03-08', 1)).toBe('2025-03-10');
  });

  it('returns the start itself for zero working days when it is a working day, else the next working day', () => {
    expect(cal.addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-10-11', 0)).toBe('2025-10-11'); // worked Saturday
    expect(cal.addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-10-12', 0)).toBe('2025-10-13');
  });

  it('finds the next working day strictly after a date, including worked weekend days', () => {
    expect(cal.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(cal.nextWorkingDay('2025-01-24')).toBe('2025-01-26');
    expect(cal.nextWorkingDay('2025-03-10')).toBe('2025-03-11');
  });

  it('crosses from one year file into the next', () => {
    // 2026-01-01..03 off, 2026-01-04 (Sunday) worked
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2);
  });

  it('counts working days in (from, to], excluding from and including to', () => {
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-16')).toBe(10);
    expect(cal.workingDaysBetween('2025-03-10', '2025-03-11')).toBe(1);
    expect(cal.workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(cal.workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(cal.workingDaysBetween('2025-10-16', '2025-09-26')).toBe(-10);
  });

  it('makes addWorkingDays and workingDaysBetween inverse for every working day of a season', () => {
    const start = '2025-09-20';
    for (const d of range('2025-09-21', '2025-11-30')) {
      if (!cal.isWorkingDay(d)) continue;
      expect(cal.addWorkingDays(start, cal.workingDaysBetween(start, d))).toBe(d);
    }
  });
});

describe('dates outside the data', () => {
  it('refuses a date in a year without a data file, naming the file to add', () => {
    expect(() => cal.isWorkingDay('2029-03-01')).toThrow(
      'no working-day calendar for 2029 (date 2029-03-01): add src/kernel/calendar/data/cn-2029.json',
    );
    expect(() => cal.holidayName('2023-12-31')).toThrow(/no working-day calendar for 2023/);
    expect(() => cal.isProvisional(2029)).toThrow(/add src\/kernel\/calendar\/data\/cn-2029\.json/);
  });

  it('refuses a count that runs past the last covered year instead of guessing', () => {
    expect(() => cal.addWorkingDays('2027-12-28', 10)).toThrow(/no working-day calendar for 2028/);
    expect(() => cal.workingDaysBetween('2027-12-01', '2028-01-10')).toThrow(/cn-2028\.json/);
  });

  it('only needs the days it looks at: the start day of a count may lie before the first year', () => {
    expect(cal.addWorkingDays('2023-12-31', 1)).toBe('2024-01-02');
  });
});

describe('input checking', () => {
  it('rejects malformed or impossible dates with a bad_request AppError', () => {
    for (const bad of ['2025-13-01', '2025-02-30', '2025/01/01', '20250101', '', '2025-1-1', ' 2025-01-01']) {
      expectAppError(() => cal.isWorkingDay(bad), 'bad_request');
    }
    expectAppError(() => cal.addWorkingDays('2025-02-29', 1), 'bad_request');
    expectAppError(() => cal.workingDaysBetween('2025-01-01', 'tomorrow'), 'bad_request');
  });

  it('rejects a negative or fractional number of working days with a bad_request AppError', () => {
    expectAppError(() => cal.addWorkingDays('2025-03-10', -1), 'bad_request');
    expectAppError(() => cal.addWorkingDays('2025-03-10', 1.5), 'bad_request');
    expectAppError(() => cal.addWorkingDays('2025-03-10', Number.NaN), 'bad_request');
  });
});

describe('Beijing time', () => {
  it('converts an instant to the Asia/Shanghai date, which turns at 16:00 UTC', () => {
    expect(toChinaDate(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(toChinaDate(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(toChinaDate(new Date('2025-10-01T08:00:00+08:00'))).toBe('2025-10-01');
    expectAppError(() => toChinaDate(new Date('nonsense')), 'bad_request');
  });
});

describe('loading data files', () => {
  const spring2025 = { name: '春节', nameEn: 'Spring Festival', off: ['2025-01-28'], workdays: ['2025-01-26'] };

  function loadOne(data: unknown, name = 'cn-2025.json'): () => WorkingCalendar {
    const dir = tmpDir();
    writeJson(dir, name, data);
    return () => loadCalendar(dir);
  }

  it('accepts a minimal valid year file', () => {
    const c = loadOne(year(2025, [spring2025]))();
    expect(c.coveredYears()).toEqual([2025]);
    expect(c.isWorkingDay('2025-01-26')).toBe(true);
    expect(c.isWorkingDay('2025-01-28')).toBe(false);
  });

  it('rejects a date outside the file year, naming the file', () => {
    const bad = year(2025, [{ ...spring2025, off: ['2026-01-28'] }]);
    expect(loadOne(bad)).toThrow(/cn-2025\.json: .*off date 2026-01-28 is not in 2025/);
  });

  it('rejects a day listed both as off and as a workday', () => {
    const bad = year(2025, [
      spring2025,
      { name: '劳动节', nameEn: 'Labour Day', off: ['2025-05-01'], workdays: ['2025-01-26'] },
    ]);
    expect(loadOne(bad)).toThrow(/cn-2025\.json: 2025-01-26 is listed twice/);
    const both = year(2025, [{ ...spring2025, off: ['2025-01-26'] }]);
    expect(loadOne(both)).toThrow(/cn-2025\.json: 2025-01-26 is both off and a workday/);
  });

  it('rejects an adjusted workday that is not a weekend day', () => {
    const bad = year(2025, [{ ...spring2025, workdays: ['2025-01-27'] }]);
    expect(loadOne(bad)).toThrow(/cn-2025\.json: .*workday 2025-01-27 is not a Saturday or Sunday/);
  });

  it('rejects an off day listed twice', () => {
    const bad = year(2025, [spring2025, { name: '元旦', nameEn: "New Year's Day", off: ['2025-01-28'], workdays: [] }]);
    expect(loadOne(bad)).toThrow(/cn-2025\.json: 2025-01-28 is listed twice \(off of 春节 and off of 元旦\)/);
  });

  it('rejects impossible dates, unknown fields, a wrong year and broken JSON as plain errors', () => {
    expect(loadOne(year(2025, [{ ...spring2025, off: ['2025-02-30'] }]))).toThrow(/"2025-02-30", not a real date/);
    expect(loadOne(year(2025, [{ ...spring2025, workday: [] }]))).toThrow(/unknown field "workday"/);
    expect(loadOne(year(2025, [spring2025], { provisional: 'no' }))).toThrow(/"provisional" must be true or false/);
    expect(loadOne(year(2025, [spring2025]), 'cn-2026.json')).toThrow(
      /cn-2026\.json: "year" is 2025 but the file name says 2026/,
    );
    expect(loadOne('{ "year": 2025, ', 'cn-2025.json')).toThrow(/cn-2025\.json: not valid JSON/);
    expect(loadOne(year(2025, []), 'cn-latest.json')).toThrow(/cn-latest\.json: .*must be named cn-YYYY\.json/);
    try {
      loadOne(year(2025, [{ ...spring2025, workdays: ['2025-01-27'] }]))();
    } catch (e) {
      expect(e).not.toBeInstanceOf(AppError);
    }
  });

  it('rejects an empty data folder', () => {
    const dir = tmpDir();
    expect(() => loadCalendar(dir)).toThrow(/no working-day calendar files/);
  });

  it('rejects two files that disagree about the same day', () => {
    const dir = tmpDir();
    writeJson(dir, 'cn-2025.json', year(2025, [{ name: 'X', nameEn: 'X', off: ['2025-12-27'], workdays: [] }]));
    const newYear = { name: '元旦', nameEn: "New Year's Day", off: ['2026-01-01'], workdays: ['2025-12-27'] };
    writeJson(dir, 'cn-2026.json', year(2026, [newYear]));
    expect(() => loadCalendar(dir)).toThrow(/cn-2026\.json: 2025-12-27 is a workday here but off in .*cn-2025\.json/);
  });

  it('lets a New Year period reach back into December of the year before, and no further', () => {
    // as the 2019 notice did: 2018-12-29 (Saturday) worked, 2018-12-30..2019-01-01 off
    const y2019 = year(2019, [
      {
        name: '元旦',
        nameEn: "New Year's Day",
        off: ['2018-12-30', '2018-12-31', '2019-01-01'],
        workdays: ['2018-12-29'],
      },
    ]);
    const national2018 = { name: '国庆节', nameEn: 'National Day', off: ['2018-10-01'], workdays: [] };
    const c = new WorkingCalendar([
      { label: 'cn-2018', data: year(2018, [national2018]) },
      { label: 'cn-2019', data: y2019 },
    ]);
    expect(c.isWorkingDay('2018-12-29')).toBe(true);
    expect(c.isWorkingDay('2018-12-31')).toBe(false);
    expect(c.holidayName('2018-12-31')).toBe('元旦');
    const november = year(2019, [{ name: '元旦', nameEn: "New Year's Day", off: ['2018-11-30'], workdays: [] }]);
    expect(() => new WorkingCalendar([{ label: 'cn-2019', data: november }])).toThrow(/2018-11-30 is not in 2019/);
  });

  it('picks up a new year file dropped into the data folder with no code change', () => {
    const dir = tmpDir();
    for (const f of fs.readdirSync(DEFAULT_DATA_DIR)) {
      fs.copyFileSync(path.join(DEFAULT_DATA_DIR, f), path.join(dir, f));
    }
    expect(() => loadCalendar(dir).isWorkingDay('2028-01-03')).toThrow(/cn-2028\.json/);
    writeJson(
      dir,
      'cn-2028.json',
      year(2028, [{ name: '元旦', nameEn: "New Year's Day", off: ['2028-01-01', '2028-01-03'], workdays: [] }], {
        provisional: true,
      }),
    );
    const c = loadCalendar(dir);
    expect(c.coveredYears()).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(c.isProvisional(2028)).toBe(true);
    expect(c.holidayName('2028-01-03')).toBe('元旦');
    expect(c.addWorkingDays('2027-12-31', 1)).toBe('2028-01-04');
  });
});
