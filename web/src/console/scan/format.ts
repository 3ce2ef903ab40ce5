import type { Locale, ScanColumn } from '../../api';
import type { MessageId } from '../../i18n/i18n';
import zhCN from '../../i18n/zh-CN.json';

/** The message id of a detector type's label, or null for a type the catalogs have no label for yet. */
export function detectorLabelId(type: string): MessageId | null {
  const id = `detector.${type}`;
  return Object.hasOwn(zhCN, id) ? (id as MessageId) : null;
}

export function formatPercent(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: ratio > 0 && ratio < 0.01 ? 2 : 1 }).format(ratio);
}

export function formatInteger(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A byte count as a number and a binary unit, e.g. { value: '1.5', unit: 'MB' }. */
export function formatBytes(bytes: number, locale: Locale): { value: string; unit: string } {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return { value: new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value), unit: UNITS[unit]! };
}

/** A column's strongest detection (highest ratio), or undefined when nothing was detected. */
export function topDetection(column: ScanColumn) {
  return column.detections.reduce<ScanColumn['detections'][number] | undefined>((best, d) => (!best || d.ratio > best.ratio ? d : best), undefined);
}

/** Whether the column holds any type of sensitive personal information. */
export const hasSensitive = (column: ScanColumn) => column.detections.some((d) => d.sensitive);

/** The server reports scan progress as "12345 rows"; that count, or null for any other message. */
export function rowsFromProgress(message: string | null): number | null {
  const m = message ? /^(\d+) rows$/.exec(message) : null;
  return m ? Number(m[1]) : null;
}

/** A file name for the exported report: the scanned file's name without its extension. */
export function exportName(source: string): string {
  const base = source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'scan';
  return `${base}.scan-report.json`;
}
