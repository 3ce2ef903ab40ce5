import { Alert, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { archivesApi, RETENTIONS, type CheckItem, type CheckResult, type FixityAlert, type SearchFilter, type SearchItem } from './archivesApi';
import { DisposalTab } from './DisposalTab';

const RESULT_COLOR: Record<CheckResult, string> = { pass: 'green', warn: 'gold', fail: 'red', not_applicable: 'default' };

/** One record: versions, content files (downloads are logged), events and the 四性检测 report. */
function RecordDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const record = useApi(() => (id === null ? Promise.resolve(null) : archivesApi.record(id)), [id]);
  const report = useApi(() => (id === null ? Promise.resolve(null) : archivesApi.report(id)), [id]);
  const r = record.data;
  const itemColumns: ColumnsType<CheckItem> = [
    { title: t('archives.report.code'), dataIndex: 'code', width: 70 },
    { title: t('archives.report.item'), dataIndex: 'name' },
    { title: t('archives.report.result'), dataIndex: 'result', width: 110, render: (v: CheckResult) => <Tag color={RESULT_COLOR[v]}>{t(`archives.result.${v}`)}</Tag> },
    { title: t('archives.report.evidence'), dataIndex: 'evidence' },
  ];
  return (
    <Drawer open={id !== null} onClose={onClose} width={900} title={r?.archivalCode ?? t('common.loading')}>
      {record.error !== null && <ErrorAlert error={record.error} onRetry={record.reload} />}
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('archives.code')}>{r.archivalCode}</Descriptions.Item>
            <Descriptions.Item label={t('archives.retention')}>{t(`archives.retention.${r.retention}`)}</Descriptions.Item>
            <Descriptions.Item label={t('archives.title')}>{r.versions.find((v) => v.version === r.currentVersion)?.title}</Descriptions.Item>
            <Descriptions.Item label={t('archives.version')}>{r.currentVersion}</Descriptions.Item>
            {r.destroyed && (
              <Descriptions.Item label={t('archives.destroyed')}>
                <Tag color="red">{t('archives.disposals.titleOf', { id: r.destroyed.disposalId })}</Tag> {formatTime(r.destroyed.at, locale)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <section aria-labelledby="archives-files">
            <h2 id="archives-files" className="section-title">{t('archives.files')}</h2>
            {r.destroyed && <Alert type="warning" showIcon message={t('archives.destroyedFiles')} />}
            <ul>
              {r.files.map((f) => (
                <li key={f.name}>
                  {r.destroyed ? f.name : <a href={archivesApi.fileUrl(r.id, f.name)} download={f.name}>{f.name}</a>} <Tag>{f.format}</Tag> <Typography.Text type="secondary">{f.size.toLocaleString()} B · SM3 {f.sm3.slice(0, 16)}…</Typography.Text>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="archives-report">
            <h2 id="archives-report" className="section-title">
              {t('archives.report.title')} {report.data && <Tag color={RESULT_COLOR[report.data.result]}>{t(`archives.result.${report.data.result}`)}</Tag>}
            </h2>
            {report.error !== null && <ErrorAlert error={report.error} onRetry={report.reload} />}
            <Table<CheckItem> rowKey="code" size="small" pagination={false} columns={itemColumns} dataSource={report.data?.items} />
          </section>
          <section aria-labelledby="archives-versions">
            <h2 id="archives-versions" className="section-title">{t('archives.versions')}</h2>
            <Table
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={r.versions}
              columns={[
                { title: t('archives.version'), dataIndex: 'version', width: 70 },
                { title: t('archives.title'), dataIndex: 'title' },
                { title: t('archives.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
                { title: t('archives.fixity'), key: 'fixity', render: (_, v) => `${v.fixity.status} · ${formatTime(v.fixity.checkedAt, locale)}` },
              ]}
            />
          </section>
          <section aria-labelledby="archives-events">
            <h2 id="archives-events" className="section-title">{t('archives.events')}</h2>
            <ul>
              {r.events.map((e, i) => (
                <li key={i}>
                  {formatTime(e.at, locale)} · {e.type} · {e.outcome}
                </li>
              ))}
            </ul>
          </section>
        </Space>
      )}
    </Drawer>
  );
}

/** A snippet with the matched words (between 【】) in bold. */
function Snippet({ text }: { text: string }) {
  return (
    <Typography.Text type="secondary">
      {text.split(/(【[^】]*】)/).map((part, i) => (part.startsWith('【') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>))}
    </Typography.Text>
  );
}

interface SearchForm extends Omit<SearchFilter, 'dateFrom' | 'dateTo' | 'status'> {
  dateFrom?: string;
  dateTo?: string;
  destroyed?: boolean;
}

function RecordsTab() {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<SearchFilter>({});
  const [more, setMore] = useState<SearchItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const schedule = useApi(() => archivesApi.schedule(), []);
  const results = useApi(async () => {
    const page = await archivesApi.search(filter);
    setMore([]);
    setCursor(page.nextCursor);
    return page;
  }, [filter]);
  const loadMore = async () => {
    if (!cursor) return;
    const page = await archivesApi.search(filter, cursor);
    setMore((m) => [...m, ...page.items]);
    setCursor(page.nextCursor);
  };
  const categoryName = (code: string) => schedule.data?.categories.find((c) => c.code === code)?.name[locale === 'en' ? 'en' : 'zh-CN'] ?? code;
  const columns: ColumnsType<SearchItem> = [
    { title: t('archives.code'), dataIndex: 'archivalCode', render: (v: string, r) => <Button type="link" onClick={() => setOpen(r.id)}>{v}</Button> },
    {
      title: t('archives.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <>
          <div>
            {v}
            {r.destroyedAt && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('archives.destroyed')} {formatTime(r.destroyedAt, locale)}
              </Tag>
            )}
          </div>
          {r.snippet && <Snippet text={r.snippet} />}
        </>
      ),
    },
    { title: t('archives.category'), dataIndex: 'category', render: (v: string) => categoryName(v) },
    { title: t('archives.date'), dataIndex: 'date', width: 120 },
    { title: t('archives.retention'), dataIndex: 'retention', width: 100, render: (v: string) => t(`archives.retention.${v as 'Y'}`) },
    { title: t('archives.version'), dataIndex: 'version', width: 70 },
  ];
  const page = results.data;
  const rows = page ? [...page.items, ...more] : undefined;
  return (
    <>
      <Form<SearchForm>
        layout="inline"
        onFinish={({ destroyed, ...v }) => setFilter({ ...v, q: v.q?.trim() || undefined, path: v.path?.trim() || undefined, dateFrom: v.dateFrom || undefined, dateTo: v.dateTo || undefined, status: destroyed ? 'destroyed' : undefined })}
        className="filter-bar"
      >
        <Form.Item name="q" label={t('archives.search')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="category" label={t('archives.category')}>
          <Select allowClear style={{ minWidth: 180 }} options={schedule.data?.categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('archives.year')}>
          <InputNumber min={1900} max={2999} />
        </Form.Item>
        <Form.Item name="retention" label={t('archives.retention')}>
          <Select allowClear style={{ minWidth: 110 }} options={RETENTIONS.map((r) => ({ value: r, label: t(`archives.retention.${r}`) }))} />
        </Form.Item>
        <Form.Item name="dateFrom" label={t('archives.dateFrom')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="dateTo" label={t('archives.dateTo')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="path" label={t('archives.path')}>
          <Input allowClear placeholder="PT01/HY/2026" />
        </Form.Item>
        <Form.Item name="destroyed" valuePropName="checked">
          <Checkbox>{t('archives.showDestroyed')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">{t('archives.searchButton')}</Button>
        </Form.Item>
      </Form>
      {results.error !== null && <ErrorAlert error={results.error} onRetry={results.reload} />}
      {page && (
        <Typography.Paragraph role="status">
          {page.totalIsLowerBound ? t('archives.resultCountMore', { n: page.total.toLocaleString() }) : t('archives.resultCount', { n: page.total.toLocaleString() })}
          {page.related && page.related.length > 0 && (
            <Typography.Text type="secondary" data-related style={{ marginInlineStart: 12 }}>
              {t('archives.alsoSearched', { terms: page.related.join('、') })}
            </Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      <Table<SearchItem> rowKey="id" size="small" columns={columns} dataSource={rows} loading={results.loading && !results.data} pagination={false} />
      {cursor && (
        <Button onClick={() => void loadMore()} style={{ marginTop: 12 }}>
          {t('archives.loadMore')}
        </Button>
      )}
      <RecordDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function AlertsTab() {
  const { t, locale } = useI18n();
  const list = useApi(() => archivesApi.alerts(), []);
  return (
    <>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<FixityAlert>
        rowKey="id"
        size="small"
        dataSource={list.data?.items}
        columns={[
          { title: t('archives.alerts.at'), dataIndex: 'at', render: (v: string) => formatTime(v, locale) },
          { title: t('archives.code'), dataIndex: 'archivalCode' },
          { title: t('archives.alerts.changed'), dataIndex: 'changed', render: (v: string[]) => v.join(', ') },
          { title: t('archives.alerts.missing'), dataIndex: 'missing', render: (v: string[]) => v.join(', ') },
          { title: t('archives.alerts.extra'), dataIndex: 'extra', render: (v: string[]) => v.join(', ') },
        ]}
      />
    </>
  );
}

export default function ArchivesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  usePageTitle('archives.nav');
  const tabs = [{ key: 'records', label: t('archives.tab.records'), children: <RecordsTab /> }];
  if (can('archives:dispose') || can('archives.disposal:propose') || can('archives.disposal:approve')) tabs.push({ key: 'disposal', label: t('archives.tab.disposal'), children: <DisposalTab /> });
  if (can('archives:audit')) tabs.push({ key: 'alerts', label: t('archives.tab.alerts'), children: <AlertsTab /> });
  return (
    <Card>
      <h1 className="page-title">{t('archives.nav')}</h1>
      <Tabs items={tabs} />
    </Card>
  );
}
