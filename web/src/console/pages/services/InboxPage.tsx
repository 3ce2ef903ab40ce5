/**
 * /console/services/inbox — the officer's department's tasks (办件收件箱): state and overdue filters,
 * search by case number, due-soon / overdue tags, keyset "load more". A row opens the case.
 */
import { Button, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { casesApi, type InboxItem } from '../../../services/cases/casesApi';
import '../../../services/cases/cases.css';
import { DueTag, StateTag } from '../../../services/cases/labels';

const TASK_STATES = ['open', 'awaiting_applicant', 'done', 'cancelled'] as const;

export default function InboxPage() {
  const { t, locale } = useI18n();
  usePageTitle('services.cases.inbox.title');
  const [state, setState] = useState<string>('open');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<InboxItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await casesApi.inbox({ state, overdue, q: query || undefined, cursor: after ?? undefined });
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [state, overdue, query],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section className="page-section cases-console">
      <h1>{t('services.cases.inbox.title')}</h1>
      <Form layout="inline" className="cases-filters" onFinish={() => setQuery(q.trim())}>
        <Form.Item label={t('services.cases.inbox.state')} htmlFor="inbox-state">
          <Select id="inbox-state" value={state} onChange={setState} style={{ minWidth: 140 }} options={TASK_STATES.map((s) => ({ value: s, label: t(`services.cases.taskState.${s}`) }))} />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            {t('services.cases.inbox.overdueOnly')}
          </Checkbox>
        </Form.Item>
        <Form.Item label={t('services.cases.inbox.search')} htmlFor="inbox-q">
          <Input.Search id="inbox-q" value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => setQuery(v.trim())} allowClear placeholder={t('services.cases.inbox.searchPlaceholder')} />
        </Form.Item>
      </Form>
      {error !== null && <ErrorAlert error={error} onRetry={() => void load(null)} />}
      <Table<InboxItem>
        rowKey="taskRowId"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('services.cases.inbox.empty') }}
        columns={[
          {
            title: t('services.cases.number'),
            render: (_, r) => <Link to={`/console/services/cases/${r.case.id}`}>{r.case.number}</Link>,
          },
          { title: t('services.cases.item'), render: (_, r) => r.case.itemName[locale] },
          {
            title: t('services.cases.task'),
            render: (_, r) => (
              <>
                {r.name[locale]} {r.escalated && <Tag color="red">{t('services.cases.escalated')}</Tag>}
              </>
            ),
          },
          { title: t('services.cases.applicant'), render: (_, r) => r.case.applicantName },
          { title: t('services.cases.caseState'), render: (_, r) => <StateTag state={r.case.state} /> },
          {
            title: t('services.cases.deadline'),
            render: (_, r) => (
              <>
                {r.dueDate ?? r.case.deadline ?? '—'} <DueTag due={r.due} />
              </>
            ),
          },
          { title: t('services.cases.submitted'), render: (_, r) => r.case.submittedAt.slice(0, 10) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {cursor ? (
          <Button onClick={() => void load(cursor)} loading={loading}>
            {t('common.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <span className="cases-muted">{t('common.noMore')}</span>
        )}
      </Space>
    </section>
  );
}
