import type { MessageId } from '../../../i18n/i18n';
import type { Locale } from '../../../api';
import type { Localized } from './itemsApi';

/** 事项类型 values (as the catalog stores them) → message ids. */
const TYPE_IDS: Record<string, MessageId> = {
  行政许可: 'portal.services.itemType.licensing',
  行政确认: 'portal.services.itemType.confirmation',
  行政给付: 'portal.services.itemType.payment',
  行政奖励: 'portal.services.itemType.award',
  行政备案: 'portal.services.itemType.filing',
  公共服务: 'portal.services.itemType.publicService',
  其他: 'portal.services.itemType.other',
};

const FORM_IDS: Record<string, MessageId> = {
  原件: 'portal.services.materialForm.original',
  复印件: 'portal.services.materialForm.copy',
  电子文件: 'portal.services.materialForm.electronic',
};

export const typeId = (type: string): MessageId => TYPE_IDS[type] ?? 'portal.services.itemType.other';
export const materialFormId = (form: string): MessageId => FORM_IDS[form] ?? 'portal.services.materialForm.electronic';
export const areaId = (area: string) => `portal.services.area.${area}` as MessageId;
export const text = (l: Localized | undefined, locale: Locale): string => (l ? l[locale] : '');

/** "当场办结" or "N 个工作日". */
export function daysText(t: (id: MessageId, vars?: Record<string, string | number>) => string, days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  return days === 0 ? t('portal.services.onTheSpot') : t('portal.services.workingDays', { days });
}

export function visitsText(t: (id: MessageId, vars?: Record<string, string | number>) => string, visits: number | null | undefined): string {
  if (visits === null || visits === undefined) return '—';
  return visits === 0 ? t('portal.services.visitsNone') : t('portal.services.visitsCount', { count: visits });
}
