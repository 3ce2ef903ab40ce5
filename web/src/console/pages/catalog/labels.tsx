import { Tag } from 'antd';
import { useI18n, type MessageId } from '../../../i18n/i18n';
import type { BatchStatus, DatasetState } from './catalogApi';

const stateColor: Record<DatasetState, string> = { draft: 'default', published: 'green', retired: 'red' };
const batchColor: Record<BatchStatus, string> = { queued: 'default', running: 'processing', loaded: 'success', partial: 'warning', rejected: 'error', failed: 'error' };
const gradeColor: Record<string, string> = { core: 'magenta', important: 'red', pi_sensitive: 'volcano', pi_general: 'orange', general: 'blue' };

export function StateTag({ state }: { state: DatasetState }) {
  const { t } = useI18n();
  return <Tag color={stateColor[state]}>{t(`catalog.state.${state}` as MessageId)}</Tag>;
}

export function BatchStatusTag({ status }: { status: BatchStatus }) {
  const { t } = useI18n();
  return <Tag color={batchColor[status]}>{t(`catalog.batchStatus.${status}` as MessageId)}</Tag>;
}

export function GradeTag({ grade }: { grade: string | null }) {
  const { t } = useI18n();
  if (!grade) return <Tag>{t('catalog.grade.none')}</Tag>;
  return <Tag color={gradeColor[grade] ?? 'default'}>{t(`catalog.grade.${grade}` as MessageId)}</Tag>;
}

/** A message of an enumerated value (`catalog.sharing.open`), or the value itself when unknown. */
export function useEnumLabel() {
  const { t } = useI18n();
  return (group: string, value: string) => t(`catalog.${group}.${value}` as MessageId);
}
