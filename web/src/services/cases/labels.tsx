/** Plain-language names of case states, due status, actions and timeline entries, shared by portal and console. */
import { Tag } from 'antd';
import type { Locale } from '../../api';
import { useI18n, type MessageId } from '../../i18n/i18n';
import type { AllowedAction, DepartmentRef, DueStatus, TimelineEntry } from './casesApi';

const STATES = ['submitted', 'awaiting_correction', 'in_progress', 'approved', 'rejected', 'withdrawn'] as const;
const STATE_COLOR: Record<string, string> = { submitted: 'blue', awaiting_correction: 'orange', in_progress: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };
const KNOWN_ACTIONS = ['submit', 'accept', 'request_correction', 'resubmit', 'approve', 'reject', 'withdraw', 'hand_over', 'timer_fired', 'complete', 'confirm', 'notify', 'send', 'register_change', 'issue_certificate'] as const;

export function stateId(state: string): MessageId {
  return (STATES as readonly string[]).includes(state) ? (`services.cases.state.${state}` as MessageId) : 'services.cases.state.other';
}

export function StateTag({ state }: { state: string }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[state] ?? 'default'}>{t(stateId(state))}</Tag>;
}

export function DueTag({ due }: { due: DueStatus | null }) {
  const { t } = useI18n();
  if (due === 'overdue') return <Tag color="red">{t('services.cases.due.overdue')}</Tag>;
  if (due === 'due_soon') return <Tag color="orange">{t('services.cases.due.due_soon')}</Tag>;
  return null;
}

/** A department's name in the reader's language: English if recorded, Taiwan Traditional for zh-TW. */
export function departmentName(d: DepartmentRef, locale: Locale): string {
  if (locale === 'zh-TW') return d.nameZhTw ?? d.name;
  return locale === 'en' && d.nameEn ? d.nameEn : d.name;
}

/** An action's own name from the process definition, else our word for it. */
export function actionLabel(a: Pick<AllowedAction, 'action' | 'name'>, locale: Locale, t: (id: MessageId) => string): string {
  if (a.name) return a.name[locale];
  return (KNOWN_ACTIONS as readonly string[]).includes(a.action) ? t(`services.cases.action.${a.action}` as MessageId) : a.action;
}

/** One timeline line: what happened, in the reader's words. */
export function timelineText(e: TimelineEntry, t: (id: MessageId) => string): string {
  return (KNOWN_ACTIONS as readonly string[]).includes(e.action) ? t(`services.cases.action.${e.action}` as MessageId) : e.action;
}
