import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type AuditEvent, type AuditVerifyResult } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../i18n/i18n';
import { useSession } from '../../session';
import { formatTime } from '../format';

const PAGE_SIZE = 50;

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useI18n();
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        message={t('audit.verifyOk')}
        description={t('audit.verifyOkDetail', { events: result.events, checkpoints: result.checkpoints, headSeq: result.headSeq })}
      />
    );
  const details = [
    result.firstBroken && t('audit.verifyBrokenDetail', { seq: result.firstBroken.seq, reason: result.firstBroken.reason }),
    t('audit.verifyProblems', { count: result.problems.length }),
  ].filter(Boolean);
  return <Alert type="error" showIcon message={t('audit.verifyBroken')} description={details.join(' ')} />;
}

function useVerifyChain() {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const verify = () => {
    setRunning(true);
    setError(null);
    api
      .auditVerify()
      .then(setResult, (e: unknown) => {
        setResult(null);
        setError(e);
      })
      .finally(() => setRunning(false));
  };

  return { verify, running, result, error };
}

function useAuditEvents() {
  const { reload: reloadSession } = useSession();
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [loading, setLoading] = useState(false);
  const [hasMore, setHasMore] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (beforeSeq?: number) => {
      setLoading(true);
      setError(null);
      api
        .auditEvents({ limit: PAGE_SIZE, beforeSeq })
        .then(
          (r) => {
            setItems((prev) => (beforeSeq === undefined ? r.items : [...prev, ...r.items]));
            setHasMore(r.items.length === PAGE_SIZE);
          },
          (e: unknown) => {
            setError(e);
            if (e instanceof ApiError && e.status === 401) reloadSession();
          },
        )
        .finally(() => setLoading(false));
    },
    [reloadSession],
  );

  useEffect(() => load(), [load]);

  const last = items[items.length - 1];
  return { items, loading, hasMore, error, reload: () => load(), loadMore: () => last && load(last.seq) };
}

export default function AuditPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  usePageTitle('audit.title');
  const { items, loading, hasMore, error, reload, loadMore } = useAuditEvents();
  const chain = useVerifyChain();

  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 90 },
    { title: t('audit.at'), dataIndex: 'at', width: 200, render: (at: string) => formatTime(at, locale) },
    { title: t('audit.actor'), key: 'actor', render: (_, e) => `${e.actor.kind}${e.actor.id === null ? '' : `:${e.actor.id}`}` },
    { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    { title: t('audit.entity'), key: 'entity', render: (_, e) => (e.entityId === null ? e.entityType : `${e.entityType} ${e.entityId}`) },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      width: 140,
      render: (h: string) => (
        <Typography.Text code title={h} className="hash">
          {h.slice(0, 12)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card>
      <div className="page-head">
        <h1 className="page-title">{t('audit.title')}</h1>
        {can('audit:verify') && (
          <Button icon={<SafetyCertificateOutlined aria-hidden />} onClick={chain.verify} loading={chain.running}>
            {t('audit.verify')}
          </Button>
        )}
      </div>
      {chain.result && <VerifyResult result={chain.result} />}
      {chain.error !== null && <ErrorAlert error={chain.error} />}
      {error !== null && <ErrorAlert error={error} onRetry={items.length ? loadMore : reload} />}
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading && items.length === 0}
        pagination={false}
        scroll={{ x: 820 }}
      />
      <div className="load-more">
        {hasMore ? (
          <Button onClick={loadMore} loading={loading} disabled={items.length === 0}>
            {t('common.loadMore')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </div>
    </Card>
  );
}
