/**
 * 档号 after DA/T 22-2015: 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号, e.g. `Z109-HY·2026-Y-SHSY-0001`.
 * `-` joins levels, `·` joins codes within a level; 件号 is zero-padded to 4 digits and grows past 9999.
 * A series (全宗, 门类, 年度, 期限, 机构) numbers its items 0001, 0002, … without gaps.
 */
import type { Retention } from './schedule.ts';

export interface ArchivalCodeParts {
  fonds: string;
  category: string;
  year: number;
  retention: Retention;
  org: string;
  itemNo: number;
}

export const ARCHIVAL_CODE_RE = /^([A-Z0-9]{4})-([A-Z]{2})·(\d{4})-(Y|D30|D10)-([A-Z0-9]{1,8})-(\d{4,})$/;

export function formatArchivalCode(p: ArchivalCodeParts): string {
  return `${p.fonds}-${p.category}·${p.year}-${p.retention}-${p.org}-${String(p.itemNo).padStart(4, '0')}`;
}

/** The parts of a well-formed 档号, or null. */
export function parseArchivalCode(code: string): ArchivalCodeParts | null {
  const m = ARCHIVAL_CODE_RE.exec(code);
  if (!m) return null;
  const itemNo = Number(m[6]);
  if (itemNo < 1 || (m[6]!.length > 4 && m[6]!.startsWith('0'))) return null;
  return { fonds: m[1]!, category: m[2]!, year: Number(m[3]), retention: m[4] as Retention, org: m[5]!, itemNo };
}

/** The key of the series whose 件号 counter numbers a record: the 档号 without its 件号. */
export function seriesKey(p: Omit<ArchivalCodeParts, 'itemNo'>): string {
  return `${p.fonds}-${p.category}·${p.year}-${p.retention}-${p.org}`;
}
