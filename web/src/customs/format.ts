/** Labels, colours and small formatters shared by the customs pages of the console and the portal. */
import type { Locale } from '../api';
import type { MessageId } from '../i18n/i18n';
import type { ClearanceStatus, DeclarationAction, DeclarationState, Grade, Localized, Outcome, VerifyReason } from './api';

export const stateLabelId = (s: DeclarationState): MessageId => `customs.state.${s}`;
export const actionLabelId = (a: DeclarationAction): MessageId => `customs.action.${a}`;
/** The past-tense label of an action, for the history. */
export const historyLabelId = (a: DeclarationAction): MessageId => `customs.history.${a}`;
export const outcomeLabelId = (o: Outcome): MessageId => `customs.outcome.${o}`;
export const gradeLabelId = (g: Grade): MessageId => `customs.grade.${g}`;
export const clearanceStatusLabelId = (s: ClearanceStatus): MessageId => `customs.clearanceStatus.${s}`;
export const reasonLabelId = (r: VerifyReason): MessageId => `customs.verify.reason.${r}`;

const LIST_ROUTE_IDS: Record<string, MessageId> = {
  security_assessment: 'customs.listRoute.security_assessment',
  standard_contract_or_certification: 'customs.listRoute.standard_contract_or_certification',
  exempt_with_filing: 'customs.listRoute.exempt_with_filing',
};
/** The label of a negative-list item's route, or null for a route this client does not know. */
export const listRouteLabelId = (route: string): MessageId | null => LIST_ROUTE_IDS[route] ?? null;

export const STATE_COLOR: Record<DeclarationState, string> = {
  draft: 'default',
  scanning: 'processing',
  pending_review: 'gold',
  info_requested: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
  revoked: 'volcano',
};

export const OUTCOME_COLOR: Record<Outcome, string> = {
  prohibited: 'red',
  security_assessment: 'volcano',
  standard_contract_or_certification: 'gold',
  exempt: 'green',
};

export const GRADE_COLOR: Record<Grade, string> = {
  core: 'magenta',
  important: 'red',
  pi_sensitive: 'volcano',
  pi_general: 'orange',
  general: 'blue',
};

/** The text in the user's language of a trilingual name. */
export function pick(text: Localized | undefined | null, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text['zh-CN'];
}

/** A region's name in the user's language (TW → 台湾 / 台灣 / Taiwan), with its code. */
export function regionName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Regions offered first in the recipient's country list; any other two-letter code can be typed. */
export const COMMON_REGIONS = ['TW', 'HK', 'MO', 'SG', 'JP', 'KR', 'MY', 'TH', 'VN', 'ID', 'PH', 'AU', 'NZ', 'US', 'CA', 'GB', 'DE', 'FR', 'NL', 'CH', 'IE', 'SE', 'IT', 'ES', 'AE', 'SA', 'IN', 'BR'] as const;

export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A CSV cell, quoted when needed (RFC 4180), with formula-looking text defused for spreadsheets. */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends. */
export function toExcelCsv(rows: (string | number)[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Offers `content` as a download named `filename`. */
export function downloadText(content: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
