/**
 * /console/services/ratings (好差评): statistics per department and item with charts, and the
 * follow-ups (整改) of bad ratings — a department answers its own, the bureau closes or returns them.
 */
import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Statistic, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ColumnChart, HorizontalBars } from '../../../components/charts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { RATING_INDICATORS, ratingsApi, type DepartmentStatisticsRow, type FollowUp, type FollowUpState, type Localized, type StatisticsRow } from '../../../services/notify/notifyApi';
import { useSession } from '../../../session';
import { useApi } from '../../useApi';

const STATE_COLOR: Record<FollowUpState, string> = { open: 'gold', answered: 'blue', closed: 'green' };

function useNames() {
  const { locale } = useI18n();
  return (name: string | Localized) => (typeof name === 'string' ? name : name[locale]);
}

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));

function StatisticsTab() {
  const { t } = useI18n();
  const name = useNames();
  const { data, error, loading, reload } = useApi(() => ratingsApi.statistics({}), []);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Typography.Text>{loading ? t('common.loading') : ''}</Typography.Text>;
  const common: ColumnsType<StatisticsRow> = [
    { title: t('services.ratings.stats.count'), dataIndex: 'count', align: 'right' },
    { title: t('services.ratings.stats.average'), dataIndex: 'average', align: 'right', render: (v: number | null) => score(v) },
    { title: t('services.ratings.stats.goodRate'), dataIndex: 'goodRate', align: 'right', render: (v: number | null) => percent(v) },
    { title: t('services.ratings.stats.bad'), dataIndex: 'bad', align: 'right' },
  ];
  const deptColumns: ColumnsType<DepartmentStatisticsRow> = [
    { title: t('services.ratings.department'), dataIndex: 'name', render: (v: string | Localized) => name(v) },
    ...(common as ColumnsType<DepartmentStatisticsRow>),
    { title: t('services.ratings.stats.followUps'), dataIndex: 'followUps', align: 'right' },
    { title: t('services.ratings.stats.onTime'), key: 'onTime', align: 'right', render: (_, r) => `${r.answeredOnTime} / ${r.followUps}` },
    { title: t('services.ratings.stats.overdueOpen'), dataIndex: 'overdueOpen', align: 'right', render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v) },
  ];
  const itemColumns: ColumnsType<StatisticsRow> = [{ title: t('services.ratings.item'), dataIndex: 'name', render: (v: string | Localized) => name(v) }, ...common];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Statistic title={t('services.ratings.stats.count')} value={data.totals.count} />
        <Statistic title={t('services.ratings.stats.average')} value={score(data.totals.average)} />
        <Statistic title={t('services.ratings.stats.goodRate')} value={percent(data.totals.goodRate)} />
        <Statistic title={t('services.ratings.stats.bad')} value={data.totals.bad} />
      </Space>
      <HorizontalBars
        caption={t('services.ratings.stats.goodRateByDepartment')}
        data={data.byDepartment.map((d) => ({ key: d.key, label: name(d.name), value: Math.round((d.goodRate ?? 0) * 1000) / 10 }))}
        format={(v) => `${v}%`}
        emptyText={t('services.ratings.stats.empty')}
      />
      <ColumnChart
        caption={t('services.ratings.stats.indicators')}
        labelHeader={t('services.ratings.stats.indicator')}
        valueHeader={t('services.ratings.stats.average')}
        data={RATING_INDICATORS.map((k) => ({ key: k, label: t(`services.ratings.indicator.${k}` as MessageId), value: data.totals.indicators[k] ?? 0 }))}
        format={(v) => v.toFixed(2)}
        emptyText={t('services.ratings.stats.empty')}
      />
      <Table<DepartmentStatisticsRow> rowKey="key" size="small" pagination={false} columns={deptColumns} dataSource={data.byDepartment} title={() => t('services.ratings.stats.byDepartment')} />
      <Table<StatisticsRow> rowKey="key" size="small" pagination={false} columns={itemColumns} dataSource={data.byItem} title={() => t('services.ratings.stats.byItem')} />
    </Space>
  );
}

function FollowUpDialog({ id, onClose, onChanged }: { id: number; onClose(): void; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { data, error, reload } = useApi(() => ratingsApi.followUp(id), [id, locale]);
  const [text, setText] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(null);
    try {
      await fn();
      setText('');
      reload();
      onChanged();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const allowed = data?.allowedActions ?? [];
  const mayAnswer = allowed.includes('answer') && can('services.cases:handle');
  const mayReview = allowed.includes('close') && can('services.ratings:close');
  return (
    <Modal open title={t('services.ratings.followUpTitle', { caseNo: data?.caseNo ?? '' })} onCancel={onClose} footer={null} width={720}>
      {error !== null && <ErrorAlert error={error} onRetry={reload} />}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('services.ratings.item')}>{data.itemName[locale]}</Descriptions.Item>
            <Descriptions.Item label={t('services.ratings.levelLegend')}>{t(`services.ratings.level.${data.level}` as MessageId)}</Descriptions.Item>
            {data.comment && <Descriptions.Item label={t('services.ratings.comment')}>{data.comment}</Descriptions.Item>}
            <Descriptions.Item label={t('services.ratings.department')}>{data.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('services.ratings.dueDate')}>
              {data.dueDate} {data.overdue && <Tag color="red">{t('services.ratings.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.ratings.stateLabel')}>
              <Tag color={STATE_COLOR[data.state]}>{t(`services.ratings.state.${data.state}` as MessageId)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Timeline
            items={(data.actions ?? []).map((a) => ({
              children: (
                <>
                  <Typography.Text strong>{t(`services.ratings.action.${a.action}` as MessageId)}</Typography.Text> <time dateTime={a.at}>{new Date(a.at).toLocaleString(locale)}</time>
                  {a.text && <Typography.Paragraph style={{ marginBottom: 0 }}>{a.text}</Typography.Paragraph>}
                </>
              ),
            }))}
          />
          {actionError !== null && <ErrorAlert error={actionError} />}
          {(mayAnswer || mayReview) && (
            <Form layout="vertical">
              <Form.Item label={t(mayAnswer ? 'services.ratings.answerLabel' : 'services.ratings.noteLabel')} htmlFor="followup-text" required={mayAnswer}>
                <Input.TextArea id="followup-text" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
              </Form.Item>
              <Space wrap>
                {mayAnswer && (
                  <Button type="primary" loading={busy} disabled={text.trim().length < 2} onClick={() => void run(() => ratingsApi.answer(id, text.trim()))}>
                    {t('services.ratings.answer')}
                  </Button>
                )}
                {mayReview && (
                  <>
                    <Button type="primary" loading={busy} onClick={() => void run(() => ratingsApi.close(id, text.trim() || undefined))}>
                      {t('services.ratings.close')}
                    </Button>
                    <Button danger loading={busy} disabled={text.trim().length < 2} onClick={() => void run(() => ratingsApi.returnToDepartment(id, text.trim()))}>
                      {t('services.ratings.return')}
                    </Button>
                  </>
                )}
              </Space>
            </Form>
          )}
        </Space>
      )}
    </Modal>
  );
}

function FollowUpsTab() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<FollowUpState | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi(() => ratingsApi.followUps({ state, overdue, page, pageSize: 20 }), [state, overdue, page]);
  const open = Number(params.get('followUp')) || null;
  const show = (id: number | null) => setParams(id ? { followUp: String(id) } : {});
  const columns: ColumnsType<FollowUp> = [
    { title: t('services.ratings.caseNo'), dataIndex: 'caseNo' },
    { title: t('services.ratings.item'), key: 'item', render: (_, f) => f.itemName[locale] },
    { title: t('services.ratings.levelLegend'), dataIndex: 'level', render: (v: number) => t(`services.ratings.level.${v}` as MessageId) },
    { title: t('services.ratings.department'), dataIndex: 'departmentName' },
    { title: t('services.ratings.dueDate'), key: 'due', render: (_, f) => <>{f.dueDate} {f.overdue && <Tag color="red">{t('services.ratings.overdue')}</Tag>}</> },
    { title: t('services.ratings.stateLabel'), dataIndex: 'state', render: (v: FollowUpState) => <Tag color={STATE_COLOR[v]}>{t(`services.ratings.state.${v}` as MessageId)}</Tag> },
    {
      title: t('services.ratings.actions'),
      key: 'open',
      render: (_, f) => (
        <Button type="link" onClick={() => show(f.id)} aria-label={t('services.ratings.openFollowUp', { caseNo: f.caseNo })}>
          {t('services.ratings.openShort')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<FollowUpState | 'all'>
          aria-label={t('services.ratings.stateLabel')}
          style={{ minWidth: 160 }}
          value={state ?? 'all'}
          onChange={(v) => {
            setState(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[{ value: 'all', label: t('services.ratings.state.all') }, ...(['open', 'answered', 'closed'] as const).map((s) => ({ value: s, label: t(`services.ratings.state.${s}` as MessageId) }))]}
        />
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          {t('services.ratings.overdueOnly')}
        </Checkbox>
      </Space>
      {error !== null && <ErrorAlert error={error} onRetry={reload} />}
      <Table<FollowUp>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: t('services.ratings.noFollowUps') }}
      />
      {open !== null && <FollowUpDialog id={open} onClose={() => show(null)} onChanged={reload} />}
    </>
  );
}

export default function RatingsPage() {
  const { t } = useI18n();
  usePageTitle('services.ratings.title');
  return (
    <>
      <Typography.Title level={1}>{t('services.ratings.title')}</Typography.Title>
      <Alert type="info" showIcon message={t('services.ratings.lead')} style={{ marginBottom: 16 }} />
      <Tabs
        items={[
          { key: 'followUps', label: t('services.ratings.followUps'), children: <FollowUpsTab /> },
          { key: 'statistics', label: t('services.ratings.statistics'), children: <StatisticsTab /> },
        ]}
      />
    </>
  );
}
