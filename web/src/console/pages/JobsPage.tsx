import { SyncOutlined } from '@ant-design/icons';
import { Card, Progress, Table, Tag, Typography, type ProgressProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { api, type Job, type JobStatus } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../i18n/i18n';
import { formatTime } from '../format';
import { useApi } from '../useApi';

const POLL_MS = 2000;

const tagColor: Record<JobStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'warning',
  dead: 'error',
  cancelled: 'default',
};

const progressStatus: Record<JobStatus, ProgressProps['status']> = {
  queued: 'normal',
  running: 'active',
  succeeded: 'success',
  failed: 'exception',
  dead: 'exception',
  cancelled: 'normal',
};

const isActive = (j: Job) => j.status === 'queued' || j.status === 'running';

export default function JobsPage() {
  const { t, locale } = useI18n();
  usePageTitle('jobs.title');
  const jobs = useApi(() => api.jobs(50), []);
  const polling = jobs.data?.items.some(isActive) ?? false;
  const { reload } = jobs;

  useEffect(() => {
    if (!polling || jobs.loading) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [polling, jobs.loading, reload]);

  const columns: ColumnsType<Job> = [
    { title: t('jobs.id'), dataIndex: 'id', width: 80 },
    { title: t('jobs.type'), dataIndex: 'type', render: (type: string) => <Typography.Text code className="nowrap">{type}</Typography.Text> },
    { title: t('jobs.status'), dataIndex: 'status', width: 120, render: (_, j) => <Tag color={tagColor[j.status]}>{t(`jobStatus.${j.status}`)}</Tag> },
    {
      title: t('jobs.progress'),
      key: 'progress',
      width: 220,
      render: (_, j) => (
        <>
          <Progress
            percent={Math.round(Math.min(1, Math.max(0, j.progress)) * 100)}
            status={progressStatus[j.status]}
            size="small"
            aria-label={`${t('jobs.progress')} ${j.id}`}
          />
          {j.progressMessage && <Typography.Text type="secondary">{j.progressMessage}</Typography.Text>}
        </>
      ),
    },
    { title: t('jobs.attempts'), key: 'attempts', width: 100, render: (_, j) => `${j.attempts} / ${j.maxAttempts}` },
    { title: t('jobs.updatedAt'), dataIndex: 'updatedAt', width: 190, render: (at: string) => formatTime(at, locale) },
    { title: t('jobs.lastError'), dataIndex: 'lastError', ellipsis: true, render: (e: string | null) => e ?? '' },
  ];

  return (
    <Card>
      <div className="page-head">
        <h1 className="page-title">{t('jobs.title')}</h1>
        {polling && (
          <Typography.Text type="secondary" role="status">
            <SyncOutlined spin aria-hidden /> {t('jobs.autoRefresh')}
          </Typography.Text>
        )}
      </div>
      {jobs.error !== null && <ErrorAlert error={jobs.error} onRetry={reload} />}
      <Table<Job>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={jobs.data?.items}
        loading={jobs.loading && !jobs.data}
        pagination={false}
        scroll={{ x: 960 }}
      />
    </Card>
  );
}
