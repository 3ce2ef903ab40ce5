import './catalog.css';
import { Alert, Button, Descriptions, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { catalogApi, type Issue, type Quality } from './catalogApi';
import { useEnumLabel } from './labels';

/** Pass rate of the recent batches as a bar chart (a list with text, so screen readers read it too). */
function PassRateChart({ batches }: { batches: Quality['batches'] }) {
  const { t } = useI18n();
  if (batches.length === 0) return null;
  return (
    <figure className="pass-chart">
      <figcaption>{t('catalog.passRateChart')}</figcaption>
      <ol>
        {batches.map((b) => {
          const pct = b.passRate === null ? 0 : Math.round(b.passRate * 100);
          return (
            <li key={b.id}>
              <span className="pass-chart-label">#{b.id}</span>
              <span className="pass-chart-track" aria-hidden>
                <span className="pass-chart-bar" style={{ width: `${pct}%` }} />
              </span>
              <span className="pass-chart-value">{b.passRate === null ? '—' : `${pct}%`}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

/** Quality issues, with resolve for the owning department. */
export function IssuesTable({ datasetId, canResolve }: { datasetId?: number; canResolve: boolean }) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [page, setPage] = useState(1);
  const [resolving, setResolving] = useState<Issue>();
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<unknown>(null);
  const issues = useApi(() => catalogApi.issues({ ...(datasetId ? { datasetId } : {}), status, page, pageSize: 10 }), [datasetId, status, page]);
  return (
    <Space direction="vertical" className="catalog-full-width">
      <Space>
        <Button type={status === 'open' ? 'primary' : 'default'} onClick={() => setStatus('open')} aria-pressed={status === 'open'}>
          {t('catalog.issue.open')}
        </Button>
        <Button type={status === 'resolved' ? 'primary' : 'default'} onClick={() => setStatus('resolved')} aria-pressed={status === 'resolved'}>
          {t('catalog.issue.resolved')}
        </Button>
      </Space>
      {issues.error !== null && <ErrorAlert error={issues.error} onRetry={issues.reload} />}
      {error !== null && <ErrorAlert error={error} />}
      <Table<Issue>
        rowKey="id"
        size="small"
        loading={issues.loading}
        dataSource={issues.data?.items}
        locale={{ emptyText: t('catalog.noIssues') }}
        pagination={{ current: page, pageSize: 10, total: issues.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('catalog.issue.dataset'), dataIndex: 'datasetId', render: (id: number) => <a href={`/console/catalog?id=${id}`}>{id}</a> },
          { title: t('catalog.reject.field'), dataIndex: 'field', render: (f: string | null) => f ?? '—' },
          { title: t('catalog.reject.rule'), dataIndex: 'rule', render: (r: string) => <Tag>{t(`catalog.rule.${r}` as 'catalog.rule.required')}</Tag> },
          { title: t('catalog.issue.count'), dataIndex: 'count', align: 'right' },
          { title: t('catalog.reject.message'), dataIndex: 'message' },
          { title: t('catalog.issue.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatTime(at, locale) },
          status === 'resolved'
            ? { title: t('catalog.issue.resolution'), dataIndex: 'resolution' }
            : {
                title: '',
                key: 'act',
                render: (_, i) =>
                  canResolve && (
                    <Button size="small" onClick={() => setResolving(i)}>
                      {t('catalog.issue.resolve')}
                    </Button>
                  ),
              },
        ]}
      />
      <Modal
        open={!!resolving}
        title={t('catalog.issue.resolve')}
        okText={t('catalog.issue.resolve')}
        cancelText={t('catalog.cancel')}
        okButtonProps={{ disabled: resolution.trim() === '' }}
        onCancel={() => setResolving(undefined)}
        onOk={async () => {
          if (!resolving) return;
          setError(null);
          try {
            await catalogApi.resolveIssue(resolving.id, resolution.trim());
            setResolving(undefined);
            setResolution('');
            issues.reload();
          } catch (e) {
            setError(e);
            setResolving(undefined);
          }
        }}
      >
        <label htmlFor="issue-resolution">{t('catalog.issue.resolution')}</label>
        <Input.TextArea id="issue-resolution" rows={3} value={resolution} onChange={(e) => setResolution(e.target.value)} />
      </Modal>
    </Space>
  );
}

export function QualityPanel({ datasetId, canResolve }: { datasetId: number; canResolve: boolean }) {
  const { t, locale } = useI18n();
  const label = useEnumLabel();
  const quality = useApi(() => catalogApi.quality(datasetId), [datasetId]);
  if (quality.error !== null) return <ErrorAlert error={quality.error} onRetry={quality.reload} />;
  const q = quality.data;
  if (!q) return null;
  return (
    <Space direction="vertical" className="catalog-full-width">
      {q.timeliness.stale && <Alert type="warning" showIcon message={t('catalog.stale', { periodicity: label('periodicity', q.timeliness.periodicity) })} />}
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('catalog.rows')}>{q.rowCount}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.lastLoadedAt')}>{q.lastLoadedAt ? formatTime(q.lastLoadedAt, locale) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.openIssues')}>{q.openIssues}</Descriptions.Item>
      </Descriptions>
      <PassRateChart batches={q.batches} />
      <Table
        rowKey={(f) => `${f.field}-${f.rule}`}
        size="small"
        pagination={false}
        dataSource={q.failures}
        locale={{ emptyText: t('catalog.noFailures') }}
        columns={[
          { title: t('catalog.reject.field'), dataIndex: 'field' },
          { title: t('catalog.reject.rule'), dataIndex: 'rule', render: (r: string) => t(`catalog.rule.${r}` as 'catalog.rule.required') },
          { title: t('catalog.issue.count'), dataIndex: 'count', align: 'right' },
        ]}
      />
      <h2 className="section-title">{t('catalog.issues')}</h2>
      <IssuesTable datasetId={datasetId} canResolve={canResolve} />
    </Space>
  );
}
