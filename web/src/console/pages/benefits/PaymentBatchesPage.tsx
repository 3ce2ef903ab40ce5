/**
 * /console/benefits/payment-batches — the funding department gathers the authorised payouts of a policy
 * into a batch, downloads its file for the finance bureau (CSV or XLSX, account numbers in clear, SM3 and
 * control totals), and uploads the results file; the rows the server could not use are listed.
 */
import { Alert, Button, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { formatYuan, payoutsApi, type ImportReport, type PaymentBatch, type PaymentLine } from '../../../benefits/payoutsApi';
import { useApi } from '../../useApi';
import './benefits-console.css';

function Lines({ batchId }: { batchId: number }) {
  const { t } = useI18n();
  const batch = useApi(() => payoutsApi.batch(batchId), [batchId]);
  if (batch.error) return <ErrorAlert error={batch.error} onRetry={batch.reload} />;
  return (
    <Table<PaymentLine>
      rowKey="lineNo"
      size="small"
      loading={batch.loading}
      pagination={false}
      dataSource={batch.data?.lines ?? []}
      columns={[
        { title: t('benefits.batches.lineNo'), dataIndex: 'lineNo' },
        { title: t('benefits.batches.payee'), dataIndex: 'payeeName' },
        { title: t('benefits.batches.bank'), render: (_, l) => `${l.bankName ?? ''} ${l.accountMasked ?? ''}` },
        { title: t('benefits.payouts.amount'), align: 'right', render: (_, l) => `¥${formatYuan(l.amountFen)}` },
        { title: t('benefits.batches.lineStatus'), render: (_, l) => <Tag color={l.status === 'paid' ? 'green' : l.status === 'failed' ? 'red' : 'default'}>{t(`benefits.batches.status.${l.status}` as MessageId)}</Tag> },
        { title: t('benefits.batches.reference'), render: (_, l) => l.bankReference ?? l.reason ?? '' },
      ]}
    />
  );
}

function ResultsUpload({ batch, onImported }: { batch: PaymentBatch; onImported(r: ImportReport): void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `results-${batch.id}`;
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      onImported(await payoutsApi.uploadResults(batch.id, file));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <span>
      <label htmlFor={id} className="ant-btn ant-btn-default ant-btn-sm" style={{ cursor: 'pointer' }} aria-busy={busy}>
        {t('benefits.batches.upload')}
      </label>
      <input
        id={id}
        ref={input}
        type="file"
        accept=".csv,.xlsx"
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      {error !== null && <ErrorAlert error={error} />}
    </span>
  );
}

export default function PaymentBatchesPage() {
  const { t } = useI18n();
  usePageTitle('benefits.batches.title');
  const [policyKey, setPolicyKey] = useState('tw-iit-subsidy');
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [created, setCreated] = useState<PaymentBatch | null>(null);
  const list = useApi(() => payoutsApi.batches(), []);

  const create = async () => {
    setError(null);
    setReport(null);
    try {
      setCreated(await payoutsApi.createBatch(policyKey.trim()));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="page-section">
      <h1>{t('benefits.batches.title')}</h1>
      <Form layout="inline" onFinish={() => void create()} style={{ marginBottom: 12 }}>
        <Form.Item label={t('benefits.payouts.policy')} htmlFor="batch-policy">
          <Input id="batch-policy" value={policyKey} onChange={(e) => setPolicyKey(e.target.value)} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('benefits.batches.create')}
        </Button>
      </Form>
      {error !== null && <ErrorAlert error={error} />}
      {created && <Alert type="success" showIcon role="status" message={t('benefits.batches.created', { batchNo: created.batchNo, count: created.lineCount, total: formatYuan(created.totalFen) })} style={{ marginBottom: 12 }} />}
      {report && (
        <div className="benefits-report" data-testid="import-report">
          <Alert
            type={report.errors.length ? 'warning' : 'success'}
            showIcon
            role="status"
            message={t('benefits.batches.imported', { rows: report.rows, paid: report.paid, failed: report.failed, unchanged: report.unchanged, errors: report.errors.length })}
          />
          {report.errors.length > 0 && (
            <ul role="alert" aria-label={t('benefits.batches.rowErrors')}>
              {report.errors.map((e) => (
                <li key={e.line}>{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<PaymentBatch>
        rowKey="id"
        size="small"
        loading={list.loading}
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('benefits.batches.empty') }}
        expandable={{ expandedRowRender: (b) => <Lines batchId={b.id} /> }}
        columns={[
          { title: t('benefits.batches.batchNo'), dataIndex: 'batchNo' },
          { title: t('benefits.payouts.policy'), dataIndex: 'policyKey' },
          { title: t('benefits.batches.lines'), dataIndex: 'lineCount', align: 'right' },
          { title: t('benefits.batches.total'), align: 'right', render: (_, b) => `¥${formatYuan(b.totalFen)}` },
          { title: t('benefits.batches.state'), render: (_, b) => <Tag color={b.state === 'settled' ? 'green' : 'blue'}>{t(`benefits.batches.batchState.${b.state}` as MessageId)}</Tag> },
          { title: 'SM3', render: (_, b) => <code title={b.sm3}>{b.sm3.slice(0, 12)}…</code> },
          {
            title: t('benefits.payouts.actions'),
            render: (_, b) => (
              <Space wrap>
                <a href={payoutsApi.fileUrl(b.id, 'csv')} download>
                  {t('benefits.batches.downloadCsv')}
                </a>
                <a href={payoutsApi.fileUrl(b.id, 'xlsx')} download>
                  {t('benefits.batches.downloadXlsx')}
                </a>
                {b.state === 'open' && (
                  <ResultsUpload
                    batch={b}
                    onImported={(r) => {
                      setReport(r);
                      list.reload();
                    }}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('benefits.batches.formatLabel')}>{t('benefits.batches.formatHelp')}</Descriptions.Item>
      </Descriptions>
    </section>
  );
}
