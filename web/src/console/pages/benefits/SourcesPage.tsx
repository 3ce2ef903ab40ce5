/**
 * /console/benefits/sources — benefit data sources: upload a CSV/XLSX file of one kind (progress while it is sent),
 * the batches with their provenance and counts, and a batch's rejects per row (row no, field, reason).
 */
import { Alert, Button, Drawer, Form, Input, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { sourcesApi, type SourceBatch } from '../../../benefits/sourcesApi';
import { useSession } from '../../../session';
import { useApi } from '../../useApi';
import './benefits-console.css';

const STATUS_COLOR: Record<SourceBatch['status'], string> = { running: 'blue', loaded: 'green', partial: 'gold', failed: 'red' };

function Rejects({ batch, onClose }: { batch: SourceBatch | null; onClose(): void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const rejects = useApi(() => (batch ? sourcesApi.rejects(batch.id, page, 20) : Promise.resolve({ items: [], total: 0 })), [batch?.id, page]);
  return (
    <Drawer open={batch !== null} onClose={onClose} width={640} title={t('benefits.engine.sources.rejectsTitle', { id: batch?.id ?? '' })}>
      {rejects.error !== null && <ErrorAlert error={rejects.error} onRetry={rejects.reload} />}
      {batch && (
        <p>
          {t('benefits.engine.sources.sm3')}: <code>{batch.provenance.sm3 ?? '—'}</code>
        </p>
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.rowNo}-${r.field ?? ''}-${r.reason}`}
        loading={rejects.loading}
        dataSource={rejects.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: rejects.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('benefits.engine.sources.rowNo'), dataIndex: 'rowNo', width: 80 },
          { title: t('benefits.engine.sources.field'), dataIndex: 'field', render: (f: string | null) => f ?? '—' },
          { title: t('benefits.engine.sources.reason'), dataIndex: 'reason', render: (r: string) => <Tag>{r}</Tag> },
          { title: t('benefits.engine.sources.message'), dataIndex: 'message' },
        ]}
      />
    </Drawer>
  );
}

export default function SourcesPage() {
  usePageTitle('benefits.engine.sources.title');
  const { t, locale } = useI18n();
  const { user } = useSession();
  const canLoad = user?.scopes.includes('benefits.sources:load') || user?.scopes.includes('*');
  const kinds = useApi(() => sourcesApi.kinds(), []);
  const [kindFilter, setKindFilter] = useState<string>();
  const [page, setPage] = useState(1);
  const batches = useApi(() => sourcesApi.batches({ kind: kindFilter, page, pageSize: 20 }), [kindFilter, page]);
  const [kind, setKind] = useState<string>('tax');
  const [system, setSystem] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState<SourceBatch | null>(null);
  const [open, setOpen] = useState<SourceBatch | null>(null);
  const kindName = (k: string) => kinds.data?.find((x) => x.kind === k)?.spec.names[locale] ?? k;

  const send = async () => {
    if (!file) return;
    setUploadError(null);
    setLoaded(null);
    setProgress(0);
    try {
      const batch = await sourcesApi.upload(kind, file, system, setProgress);
      setLoaded(batch);
      batches.reload();
    } catch (e) {
      setUploadError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <h1>{t('benefits.engine.sources.title')}</h1>
      <p>{t('benefits.engine.sources.intro')}</p>
      {canLoad && (
        <Form layout="inline" onFinish={() => void send()} className="benefits-report">
          <Form.Item label={t('benefits.engine.sources.kind')} htmlFor="benefits-source-kind">
            <Select id="benefits-source-kind" style={{ width: 180 }} value={kind} onChange={setKind} options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.spec.names[locale] }))} />
          </Form.Item>
          <Form.Item label={t('benefits.engine.sources.system')} htmlFor="benefits-source-system">
            <Input id="benefits-source-system" value={system} onChange={(e) => setSystem(e.target.value)} maxLength={100} />
          </Form.Item>
          <Form.Item label={t('benefits.engine.sources.file')} htmlFor="benefits-source-file">
            <input id="benefits-source-file" type="file" accept=".csv,.tsv,.xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!file || progress !== null}>
            {t('benefits.engine.sources.upload')}
          </Button>
        </Form>
      )}
      {progress !== null && <Progress percent={Math.round(progress * 100)} aria-label={t('benefits.engine.sources.uploading')} />}
      {uploadError !== null && <ErrorAlert error={uploadError} />}
      {loaded && (
        <Alert
          role="status"
          type={loaded.rowsRejected ? 'warning' : 'success'}
          showIcon
          message={t('benefits.engine.sources.loaded', { loaded: loaded.rowsLoaded, rejected: loaded.rowsRejected, superseded: loaded.rowsSuperseding })}
          action={loaded.rowsRejected > 0 && <Button size="small" onClick={() => setOpen(loaded)}>{t('benefits.engine.sources.showRejects')}</Button>}
        />
      )}
      <Space style={{ margin: '16px 0' }}>
        <label htmlFor="benefits-batches-kind">{t('benefits.engine.sources.kind')}</label>
        <Select id="benefits-batches-kind" allowClear style={{ width: 180 }} value={kindFilter} onChange={(v) => { setKindFilter(v); setPage(1); }} options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.spec.names[locale] }))} />
      </Space>
      {batches.error !== null && <ErrorAlert error={batches.error} onRetry={batches.reload} />}
      <Table
        rowKey="id"
        size="small"
        loading={batches.loading}
        dataSource={batches.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: batches.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          { title: t('benefits.engine.sources.kind'), dataIndex: 'kind', render: kindName },
          { title: t('benefits.engine.sources.provenance'), render: (_: unknown, b: SourceBatch) => `${b.provenance.via} · ${b.provenance.sourceSystem ?? b.provenance.filename ?? '—'}` },
          { title: t('benefits.engine.sources.receivedAt'), render: (_: unknown, b: SourceBatch) => b.provenance.receivedAt.slice(0, 19).replace('T', ' ') },
          { title: t('benefits.engine.sources.status'), dataIndex: 'status', render: (s: SourceBatch['status']) => <Tag color={STATUS_COLOR[s]}>{t(`benefits.engine.sources.status.${s}` as MessageId)}</Tag> },
          { title: t('benefits.engine.sources.rowsLoaded'), dataIndex: 'rowsLoaded' },
          { title: t('benefits.engine.sources.rowsRejected'), render: (_: unknown, b: SourceBatch) => (b.rowsRejected ? <Button type="link" onClick={() => setOpen(b)}>{b.rowsRejected}</Button> : 0) },
          { title: t('benefits.engine.sources.rowsSuperseding'), dataIndex: 'rowsSuperseding' },
        ]}
      />
      <Rejects batch={open} onClose={() => setOpen(null)} />
    </>
  );
}
