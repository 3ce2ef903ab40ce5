import './catalog.css';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { catalogApi, type Batch, type Dataset, type RejectRow } from './catalogApi';
import { BatchStatusTag } from './labels';
import { SourcesPanel } from './SourcesPanel';

const POLL_MS = 2000;

function Rejects({ batchId }: { batchId: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const rejects = useApi(() => catalogApi.rejects(batchId, page, 10), [batchId, page]);
  if (rejects.error !== null) return <ErrorAlert error={rejects.error} onRetry={rejects.reload} />;
  return (
    <Table<RejectRow>
      rowKey={(r) => `${r.row}-${r.field}-${r.rule}`}
      size="small"
      loading={rejects.loading}
      dataSource={rejects.data?.items}
      locale={{ emptyText: t('catalog.noRejects') }}
      pagination={{ current: page, pageSize: 10, total: rejects.data?.total ?? 0, onChange: setPage }}
      columns={[
        { title: t('catalog.reject.row'), dataIndex: 'row' },
        { title: t('catalog.reject.field'), dataIndex: 'field' },
        { title: t('catalog.reject.rule'), dataIndex: 'rule', render: (r: string) => t(`catalog.rule.${r}` as 'catalog.rule.required') },
        { title: t('catalog.reject.message'), dataIndex: 'message' },
      ]}
    />
  );
}

/** The dataset's load batches with progress and rejects, and a file upload for its department. */
export function BatchesPanel({ dataset, canLoad }: { dataset: Dataset; canLoad: boolean }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const batches = useApi(() => catalogApi.batches(dataset.id, page, 10), [dataset.id, page]);
  const active = batches.data?.items.some((b) => b.status === 'queued' || b.status === 'running') ?? false;
  const { reload, loading } = batches;
  useEffect(() => {
    if (!active || loading) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [active, loading, reload]);

  return (
    <Space direction="vertical" className="catalog-full-width">
      {canLoad && (
        <Space wrap>
          <Upload
            accept=".csv,.tsv,.xlsx"
            showUploadList={false}
            customRequest={({ file }) => {
              setUploading(true);
              setUploadError(null);
              catalogApi
                .upload(dataset.id, file as File)
                .then(() => reload(), setUploadError)
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              {t('catalog.uploadFile')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('catalog.uploadHelp')}</Typography.Text>
        </Space>
      )}
      {uploadError !== null && <ErrorAlert error={uploadError} />}
      {batches.error !== null && <ErrorAlert error={batches.error} onRetry={reload} />}
      <Table<Batch>
        rowKey="id"
        size="small"
        loading={batches.loading && !batches.data}
        dataSource={batches.data?.items}
        locale={{ emptyText: t('catalog.noBatches') }}
        scroll={{ x: 900 }}
        expandable={{ expandedRowRender: (b) => (b.error ? <Typography.Text type="danger">{b.error}</Typography.Text> : <Rejects batchId={b.id} />) }}
        pagination={{ current: page, pageSize: 10, total: batches.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('catalog.batch.id'), dataIndex: 'id', width: 70 },
          { title: t('catalog.batch.source'), key: 'source', render: (_, b) => `${t(`catalog.source.${b.source}` as 'catalog.source.push')}${typeof b.provenance.filename === 'string' ? ` · ${b.provenance.filename}` : ''}` },
          { title: t('catalog.batch.status'), key: 'status', render: (_, b) => <BatchStatusTag status={b.status} /> },
          {
            title: t('catalog.batch.progress'),
            key: 'progress',
            width: 220,
            render: (_, b) => (
              <Progress
                size="small"
                percent={b.rowsRead ? Math.round((b.rowsLoaded / b.rowsRead) * 100) : b.status === 'loaded' ? 100 : 0}
                status={b.status === 'running' || b.status === 'queued' ? 'active' : b.status === 'failed' || b.status === 'rejected' ? 'exception' : 'normal'}
                aria-label={`${t('catalog.batch.progress')} ${b.id}`}
              />
            ),
          },
          { title: t('catalog.batch.read'), dataIndex: 'rowsRead', align: 'right' },
          { title: t('catalog.batch.loaded'), dataIndex: 'rowsLoaded', align: 'right' },
          { title: t('catalog.batch.rejected'), dataIndex: 'rowsRejected', align: 'right' },
          { title: t('catalog.batch.startedAt'), dataIndex: 'startedAt', render: (at: string) => formatTime(at, locale) },
        ]}
      />
      {canLoad && <SourcesPanel datasetId={dataset.id} onPulled={reload} />}
    </Space>
  );
}
