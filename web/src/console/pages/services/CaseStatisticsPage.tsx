/**
 * /console/services/statistics — time limits across departments: per department received, closed,
 * on-time rate, open and overdue for a date range (charts + table + CSV export), and the overdue list.
 */
import { Button, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ColumnChart, HorizontalBars } from '../../../components/charts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { casesApi, type CaseSummary, type StatisticsRow } from '../../../services/cases/casesApi';
import '../../../services/cases/cases.css';
import { departmentName, StateTag } from '../../../services/cases/labels';
import { useApi } from '../../useApi';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** RFC 4180 CSV with a BOM, so spreadsheet programs read the Chinese names. */
function csv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function OverdueList() {
  const { t, locale } = useI18n();
  const [extra, setExtra] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const first = useApi(() => casesApi.overdue(), []);
  if (first.error) return <ErrorAlert error={first.error} onRetry={first.reload} />;
  const next = cursor === undefined ? first.data?.nextCursor : cursor;
  const more = async () => {
    if (!next) return;
    const page = await casesApi.overdue(next);
    setExtra((x) => [...x, ...page.items]);
    setCursor(page.nextCursor);
  };
  return (
    <>
      <p>{t('services.cases.stats.overdueTotal', { count: first.data?.total ?? 0 })}</p>
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={first.loading}
        pagination={false}
        scroll={{ x: 600 }}
        dataSource={[...(first.data?.items ?? []), ...extra]}
        locale={{ emptyText: t('services.cases.stats.noOverdue') }}
        columns={[
          { title: t('services.cases.number'), render: (_, c) => <Link to={`/console/services/cases/${c.id}`}>{c.number}</Link> },
          { title: t('services.cases.item'), render: (_, c) => c.item.name[locale] },
          { title: t('services.cases.caseState'), render: (_, c) => <StateTag state={c.state} /> },
          { title: t('services.cases.deadline'), render: (_, c) => <Tag color="red">{c.deadline}</Tag> },
        ]}
      />
      {next && (
        <Button onClick={() => void more()} style={{ marginTop: 8 }}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}

export default function CaseStatisticsPage() {
  const { t, locale } = useI18n();
  usePageTitle('services.cases.stats.title');
  const today = new Date();
  const [from, setFrom] = useState(isoDate(new Date(today.getFullYear(), 0, 1)));
  const [to, setTo] = useState(isoDate(today));
  const [range, setRange] = useState({ from, to });
  const stats = useApi(() => casesApi.statistics(range.from, range.to), [range.from, range.to]);
  const rows = stats.data?.departments ?? [];
  const name = (r: StatisticsRow) => departmentName(r.department, locale);

  const exportCsv = () => {
    const header = [t('services.cases.department'), t('services.cases.stats.received'), t('services.cases.stats.closed'), t('services.cases.stats.closedOnTime'), t('services.cases.stats.onTimeRate'), t('services.cases.stats.open'), t('services.cases.stats.overdue')];
    const body = rows.map((r) => [name(r), r.received, r.closed, r.closedOnTime, r.onTimeRate === null ? '' : r.onTimeRate, r.open, r.overdue]);
    const url = URL.createObjectURL(new Blob([csv([header, ...body])], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `case-statistics-${range.from}-${range.to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="page-section cases-console">
      <h1>{t('services.cases.stats.title')}</h1>
      <Form layout="inline" className="cases-filters" onFinish={() => setRange({ from, to })}>
        <Form.Item label={t('services.cases.stats.from')} htmlFor="stats-from">
          <Input id="stats-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('services.cases.stats.to')} htmlFor="stats-to">
          <Input id="stats-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('services.cases.stats.apply')}
          </Button>
          <Button onClick={exportCsv} disabled={rows.length === 0}>
            {t('services.cases.stats.exportCsv')}
          </Button>
        </Space>
      </Form>
      {stats.error !== null && <ErrorAlert error={stats.error} onRetry={stats.reload} />}
      <div className="cases-charts">
        <ColumnChart
          data={rows.map((r) => ({ label: name(r), value: r.received, key: r.department.code }))}
          caption={t('services.cases.stats.receivedChart')}
          labelHeader={t('services.cases.department')}
          valueHeader={t('services.cases.stats.received')}
          emptyText={t('services.cases.stats.empty')}
        />
        <HorizontalBars
          data={rows.filter((r) => r.onTimeRate !== null).map((r) => ({ label: name(r), value: Math.round((r.onTimeRate ?? 0) * 1000) / 10, key: r.department.code }))}
          caption={t('services.cases.stats.onTimeChart')}
          format={(n) => `${n}%`}
          emptyText={t('services.cases.stats.empty')}
        />
      </div>
      <Table<StatisticsRow>
        rowKey={(r) => r.department.code}
        size="small"
        loading={stats.loading}
        pagination={false}
        scroll={{ x: 700 }}
        dataSource={rows}
        columns={[
          { title: t('services.cases.department'), render: (_, r) => name(r) },
          { title: t('services.cases.stats.received'), dataIndex: 'received', align: 'right' },
          { title: t('services.cases.stats.closed'), dataIndex: 'closed', align: 'right' },
          { title: t('services.cases.stats.closedOnTime'), dataIndex: 'closedOnTime', align: 'right' },
          { title: t('services.cases.stats.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: (v: number | null) => percent(v) },
          { title: t('services.cases.stats.open'), dataIndex: 'open', align: 'right' },
          { title: t('services.cases.stats.overdue'), dataIndex: 'overdue', align: 'right', render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v) },
        ]}
      />
      <h2>{t('services.cases.stats.overdueTitle')}</h2>
      <OverdueList />
    </section>
  );
}
