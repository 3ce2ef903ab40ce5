/**
 * The Chinese working-day calendar that every deadline of the platform is counted in.
 *
 * A day is a working day when it is Monday–Friday and not a rest day of a holiday period (放假),
 * or when it is a Saturday/Sunday that a State Council notice turned into a working day (调休上班).
 * The holiday data lives in one JSON file per year, `data/cn-YYYY.json` (see README.md next to
 * this file); adding a year is adding a file. A date in a year with no file is an error, never a
 * plain weekday: a deadline silently computed without the holidays would be wrong by a week.
 *
 * Dates are calendar dates in Beijing time, written `YYYY-MM-DD`. Use `toChinaDate()` to turn an
 * instant (a `Date`) into one.
 *
 * Counting convention (民法典 第二百零一条: the day the period starts is not counted):
 * - `addWorkingDays(start, n)` is the n-th working day AFTER `start`; `start` itself is never
 *   counted, whether or not it is a working day. "10 working days of public notice starting on X"
 *   ends at the end (24:00 Beijing time) of `addWorkingDays(X, 10)`.
 * - `addWorkingDays(start, 0)` is `start` if it is a working day, else the next working day
 *   (the earliest working day on or after `start`).
 * - `workingDaysBetween(from, to)` counts the working days in (from, to]: `from` excluded, `to`
 *   included, so `addWorkingDays(a, workingDaysBetween(a, b)) === b` for any working day b after a.
 *   With `to` before `from` it is the negative count of (to, from]; equal dates give 0.
 * - Only the days a computation looks at must be covered by a data file: `addWorkingDays('2023-12-31', 1)`
 *   needs 2024 only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.ts';

/** One holiday period of a notice: its rest days (weekend days inside it included) and its 调休上班 days. */
export interface HolidayPeriod {
  name: string;
  nameEn: string;
  off: string[];
  workdays: string[];
}

/** The content of one `cn-YYYY.json`. */
export interface CalendarYear {
  year: number;
  source: string;
  provisional: boolean;
  note?: string;
  holidays: HolidayPeriod[];
}

/** One year's data with the name used in error messages (the file name when loaded from disk). */
export interface CalendarSource {
  label: string;
  data: unknown;
}

export const DEFAULT_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai: UTC+8 all year, no DST since 1991
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FILE_RE = /^cn-(\d{4})\.json$/;

/** Day number (days since 1970-01-01) of a valid `YYYY-MM-DD`, or null. */
function dayNumberOf(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

function parseDate(date: string): number {
  const n = typeof date === 'string' ? dayNumberOf(date) : null;
  if (n === null) {
    const shown = JSON.stringify(date);
    throw new AppError('bad_request', `invalid date ${shown}: expected a real calendar date YYYY-MM-DD`, { date });
  }
  return n;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function isWeekendDay(day: number): boolean {
  const wd = new Date(day * DAY_MS).getUTCDay();
  return wd === 0 || wd === 6;
}

/** The Asia/Shanghai calendar date (UTC+8) of an instant, as `YYYY-MM-DD`. */
export function toChinaDate(instant: Date): string {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new AppError('bad_request', 'invalid instant: not a valid Date');
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Checks one year's data and returns it typed. Problems throw a plain Error starting with `label`.
 * Every date must be a real date in `year`, or in December of the year before: a 元旦 period can
 * reach back across New Year (the 2019 notice made Saturday 2018-12-29 a working day).
 */
export function validateCalendarYear(data: unknown, label: string): CalendarYear {
  const fail = (problem: string): never => {
    throw new Error(`${label}: ${problem}`);
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const onlyKeys = (obj: Record<string, unknown>, allowed: string[], where: string) => {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) fail(`${where}: unknown field "${k}"`);
  };

  if (!isObject(data)) return fail('expected a JSON object');
  onlyKeys(data, ['year', 'source', 'provisional', 'note', 'holidays'], 'top level');
  const { year, source, provisional, note, holidays } = data;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 9999) {
    fail('"year" must be an integer year');
  }
  if (typeof source !== 'string' || source.trim() === '') fail('"source" must name the notice the dates come from');
  if (typeof provisional !== 'boolean') fail('"provisional" must be true or false');
  if (note !== undefined && typeof note !== 'string') fail('"note" must be a string');
  if (!Array.isArray(holidays)) return fail('"holidays" must be an array');
  const y = year as number;

  const seen = new Map<string, string>(); // date -> where it was listed
  const periods: HolidayPeriod[] = holidays.map((h: unknown, i) => {
    const where = `holidays[${i}]`;
    if (!isObject(h)) return fail(`${where}: expected an object`);
    onlyKeys(h, ['name', 'nameEn', 'off', 'workdays'], where);
    if (typeof h.name !== 'string' || h.name.trim() === '') fail(`${where}: "name" must be a non-empty string`);
    if (typeof h.nameEn !== 'string' || h.nameEn.trim() === '') {
      fail(`${where} (${String(h.name)}): "nameEn" must be a non-empty string`);
    }
    const name = h.name as string;
    const lists = { off: h.off, workdays: h.workdays };
    for (const [key, list] of Object.entries(lists)) {
      if (!Array.isArray(list)) return fail(`${where} (${name}): "${key}" must be an array of dates`);
      for (const d of list as unknown[]) {
        const day = typeof d === 'string' ? dayNumberOf(d) : null;
        if (day === null) {
          return fail(`${where} (${name}): ${key} has ${JSON.stringify(d)}, not a real date YYYY-MM-DD`);
        }
        const date = d as string;
        const dy = yearOfDay(day);
        if (dy !== y && !(dy === y - 1 && date.slice(5, 7) === '12')) {
          fail(`${where} (${name}): ${key} date ${date} is not in ${y}`);
        }
        if (key === 'workdays' && !isWeekendDay(day)) {
          fail(`${where} (${name}): workday ${date} is not a Saturday or Sunday (adjusted workdays are weekend days)`);
        }
        const here = `${key} of ${name}`;
        const before = seen.get(date);
        if (before !== undefined) {
          fail(
            before.startsWith(key)
              ? `${date} is listed twice (${before} and ${here})`
              : `${date} is both off and a workday (${before} and ${here})`,
          );
        }
        seen.set(date, here);
      }
    }
    if ((h.off as unknown[]).length === 0) fail(`${where} (${name}): "off" is empty`);
    return { name, nameEn: h.nameEn as string, off: [...(h.off as string[])], workdays: [...(h.workdays as string[])] };
  });

  return {
    year: y,
    source: source as string,
    provisional: provisional as boolean,
    ...(note === undefined ? {} : { note: note as string }),
    holidays: periods,
  };
}

interface DayInfo {
  off: boolean;
  name: string;
  label: string;
}

export class WorkingCalendar {
  private readonly years = new Map<number, CalendarYear>();
  private readonly days = new Map<number, DayInfo>();

  /** Builds the calendar from in-memory year data; each entry is validated. See `loadCalendar` for files. */
  constructor(sources: readonly CalendarSource[]) {
    const labels = new Map<number, string>();
    for (const { label, data } of sources) {
      const cy = validateCalendarYear(data, label);
      const other = labels.get(cy.year);
      if (other !== undefined) throw new Error(`${label}: year ${cy.year} is already defined by ${other}`);
      labels.set(cy.year, label);
      this.years.set(cy.year, cy);
      for (const h of cy.holidays) {
        for (const [list, off] of [
          [h.off, true],
          [h.workdays, false],
        ] as const) {
          for (const date of list) {
            const day = parseDate(date);
            const prev = this.days.get(day);
            if (prev && prev.off !== off) {
              const what = (isOff: boolean) => (isOff ? 'off' : 'a workday');
              throw new Error(`${label}: ${date} is ${what(off)} here but ${what(prev.off)} in ${prev.label}`);
            }
            if (!prev) this.days.set(day, { off, name: h.name, label });
          }
        }
      }
    }
  }

  /** The years that have a data file, ascending. */
  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** True when the year's file was built from the statutory rules rather than the State Council notice. */
  isProvisional(year: number): boolean {
    return this.yearData(year).provisional;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(parseDate(date));
  }

  /** The holiday period a rest day belongs to (e.g. "春节"), or null for any other day (adjusted workdays included). */
  holidayName(date: string): string | null {
    const day = parseDate(date);
    this.requireCovered(day);
    const info = this.days.get(day);
    return info?.off ? info.name : null;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /**
   * The n-th working day after `start` (start not counted). n = 0 gives `start` if it is a working
   * day, else the next working day. n must be a non-negative integer.
   */
  addWorkingDays(start: string, n: number): string {
    let day = parseDate(start);
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new AppError('bad_request', `invalid number of working days ${String(n)}: expected an integer >= 0`, { n });
    }
    if (n === 0) {
      while (!this.isWorkingDayNumber(day)) day += 1;
      return formatDay(day);
    }
    let left = n;
    while (left > 0) {
      day += 1;
      if (this.isWorkingDayNumber(day)) left -= 1;
    }
    return formatDay(day);
  }

  /** Working days in (from, to]; negative (the count of (to, from]) when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number {
    const a = parseDate(from);
    const b = parseDate(to);
    if (b < a) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = a + 1; day <= b; day += 1) if (this.isWorkingDayNumber(day)) count += 1;
    return count;
  }

  private isWorkingDayNumber(day: number): boolean {
    this.requireCovered(day);
    const info = this.days.get(day);
    if (info) return !info.off;
    return !isWeekendDay(day);
  }

  private requireCovered(day: number): void {
    const year = yearOfDay(day);
    if (!this.years.has(year)) throw this.uncovered(year, formatDay(day));
  }

  private yearData(year: number): CalendarYear {
    const data = this.years.get(year);
    if (!data) throw this.uncovered(year);
    return data;
  }

  private uncovered(year: number, date?: string): Error {
    const covered = this.coveredYears();
    const at = date ? ` (date ${date})` : '';
    return new Error(
      `no working-day calendar for ${year}${at}: add src/kernel/calendar/data/cn-${year}.json` +
        ` (covered: ${covered.length ? covered.join(', ') : 'none'})`,
    );
  }
}

/**
 * Reads every `cn-*.json` of `dir` (default: the `data` folder next to this file), validates each
 * and returns the calendar. A file named `cn-*.json` but not `cn-YYYY.json`, a file whose "year"
 * differs from its name, unreadable JSON, or an empty folder throws, naming the file.
 */
export function loadCalendar(dir: string = DEFAULT_DATA_DIR): WorkingCalendar {
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('cn-') && f.endsWith('.json'))
    .sort();
  if (names.length === 0) throw new Error(`no working-day calendar files (cn-YYYY.json) in ${dir}`);
  const sources: CalendarSource[] = names.map((name) => {
    const file = path.join(dir, name);
    const m = FILE_RE.exec(name);
    if (!m) throw new Error(`${file}: calendar files must be named cn-YYYY.json`);
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const { year } = validateCalendarYear(data, file);
    if (year !== Number(m[1])) throw new Error(`${file}: "year" is ${year} but the file name says ${m[1]}`);
    return { label: file, data };
  });
  return new WorkingCalendar(sources);
}
