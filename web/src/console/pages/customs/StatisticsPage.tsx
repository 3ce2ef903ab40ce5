/**
 * 出境统计: declarations of a year by month, industry, proposed route and state, with totals and an
 * Excel-friendly CSV export (UTF-8 with BOM).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Statistic } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ColumnChart, HorizontalBars, type Datum } from '../../../components/charts';
import '../../../customs/customs.css';
import { customsApi, DECLARATION_STATES, OUTCOMES, type StatRow } from '../../../customs/api';
import { downloadText, formatCount, outcomeLabelId, pick, stateLabelId, toExcelCsv } from '../../../customs/format';
import { useLists } from '../../../customs/reference';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useApi } from '../../useApi';

const FIRST_YEAR = 2024;

function sumBy(rows: StatRow[], key: (r: StatRow) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + r.n);
  return m;
}

export default function StatisticsPage() {
  const { t, locale } = useI18n();
  usePageTitle('customs.stats.title');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const stats = useApi(() => customsApi.statistics(year), [year]);
  const lists = useLists();
  const fmt = (n: number) => formatCount(n, locale);
  const rows = stats.data?.rows ?? [];

  const industryName = (id: string) => pick(lists.data?.industries.find((i) => i.id === id)?.names, locale) || id;
  const routeName = (o: StatRow['outcome']) => (o ? t(outcomeLabelId(o)) : t('customs.stats.noRoute'));
  const monthName = (m: number) => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));

  const byMonth = sumBy(rows, (r) => r.month);
  const months: Datum[] = Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { key, label: monthName(i + 1), value: byMonth.get(key) ?? 0 };
  });
  const byIndustry: Datum[] = [...sumBy(rows, (r) => r.industry)].map(([id, n]) => ({ key: id, label: industryName(id), value: n }));
  const routeCounts = sumBy(rows, (r) => r.outcome ?? '');
  const byRoute: Datum[] = [...OUTCOMES, '' as const].filter((o) => routeCounts.has(o)).map((o) => ({ key: o || 'none', label: routeName(o || null), value: routeCounts.get(o)! }));
  const stateCounts = sumBy(rows, (r) => r.state);
  const byState: Datum[] = DECLARATION_STATES.filter((s) => stateCounts.has(s)).map((s) => ({ key: s, label: t(stateLabelId(s)), value: stateCounts.get(s)! }));

  const exportCsv = () => {
    const header = [t('customs.stats.month'), t('customs.field.industry'), t('customs.col.route'), t('customs.col.state'), t('customs.stats.count')];
    const body = [...rows]
      .sort((a, b) => a.month.localeCompare(b.month) || a.industry.localeCompare(b.industry) || (a.outcome ?? '').localeCompare(b.outcome ?? '') || a.state.localeCompare(b.state))
      .map((r) => [r.month, industryName(r.industry), routeName(r.outcome), t(stateLabelId(r.state)), r.n]);
    const total = [t('customs.stats.total'), '', '', '', stats.data?.totals.declarations ?? 0];
    downloadText(toExcelCsv([header, ...body, total]), `customs-statistics-${year}.csv`, 'text/csv;charset=utf-8');
  };

  const totals = stats.data?.totals;
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const empty = t('customs.stats.empty');
  return (
    <div className="customs-stats-page">
      <Card className="customs-card">
        <div className="page-head">
          <h1 className="page-title">{t('customs.stats.title')}</h1>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={exportCsv} disabled={!stats.data}>
            {t('customs.stats.exportCsv')}
          </Button>
        </div>
        <Form layout="inline" className="filters">
          <Form.Item label={t('customs.stats.year')} htmlFor="customs-year">
            <Select<number> id="customs-year" className="filter-select" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
        </Form>
        {stats.error !== null && <ErrorAlert error={stats.error} onRetry={stats.reload} />}
        <ul className="customs-stats">
          {(
            [
              ['declarations', t('customs.stats.declarations')],
              ['approved', t('customs.stats.approved')],
              ['rejected', t('customs.stats.rejected')],
              ['pending', t('customs.stats.pending')],
            ] as const
          ).map(([key, title]) => (
            <li key={key} data-stat={key}>
              <Statistic title={title} value={totals ? fmt(totals[key]) : '—'} loading={stats.loading && !totals} />
            </li>
          ))}
        </ul>
      </Card>
      <Card className="customs-card">
        <ColumnChart data={months} caption={t('customs.stats.byMonth', { year })} labelHeader={t('customs.stats.month')} valueHeader={t('customs.stats.count')} format={fmt} emptyText={empty} />
      </Card>
      <div className="customs-chart-grid">
        <Card className="customs-card">
          <HorizontalBars data={byIndustry} caption={t('customs.stats.byIndustry')} format={fmt} emptyText={empty} color="#13a8a8" />
        </Card>
        <Card className="customs-card">
          <HorizontalBars data={byRoute} caption={t('customs.stats.byRoute')} format={fmt} emptyText={empty} color="#d48806" />
        </Card>
        <Card className="customs-card">
          <HorizontalBars data={byState} caption={t('customs.stats.byState')} format={fmt} emptyText={empty} color="#722ed1" />
        </Card>
      </div>
    </div>
  );
}
