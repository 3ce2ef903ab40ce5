/**
 * /console/benefits/statistics — people and amounts per policy, amounts paid per month, payouts by state
 * (charts with their data tables, plus the server's CSV export).
 */
import { Button, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { ColumnChart, HorizontalBars } from '../../../components/charts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { formatYuan, payoutsApi, type Statistics } from '../../../benefits/payoutsApi';
import { useApi } from '../../useApi';
import './benefits-console.css';

export default function BenefitStatisticsPage() {
  const { t, locale } = useI18n();
  usePageTitle('benefits.stats.title');
  const [draft, setDraft] = useState('');
  const [policy, setPolicy] = useState<string | undefined>(undefined);
  const stats = useApi(() => payoutsApi.statistics(policy), [policy]);
  const s: Statistics = stats.data ?? { byState: [], byMonth: [], byPolicy: [] };
  const months = [...new Set(s.byMonth.map((r) => r.month))];

  return (
    <section className="page-section">
      <h1>{t('benefits.stats.title')}</h1>
      <Form layout="inline" onFinish={() => setPolicy(draft.trim() || undefined)} style={{ marginBottom: 12 }}>
        <Form.Item label={t('benefits.payouts.policy')} htmlFor="stats-policy">
          <Input id="stats-policy" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('benefits.payouts.filter')}
        </Button>
        <a href={payoutsApi.statisticsCsvUrl(policy)} download style={{ marginLeft: 12, alignSelf: 'center' }}>
          {t('benefits.stats.exportCsv')}
        </a>
      </Form>
      {stats.error !== null && <ErrorAlert error={stats.error} onRetry={stats.reload} />}
      <div className="benefits-charts">
        <ColumnChart
          data={months.map((m) => ({ label: m, key: m, value: s.byMonth.filter((r) => r.month === m).reduce((n, r) => n + r.amountFen, 0) / 100 }))}
          caption={t('benefits.stats.paidByMonth')}
          labelHeader={t('benefits.stats.month')}
          valueHeader={t('benefits.stats.amountYuan')}
          format={(n) => n.toLocaleString('en-US')}
          emptyText={t('benefits.stats.empty')}
        />
        <HorizontalBars
          data={s.byPolicy.map((r) => ({ label: r.policyName[locale], key: r.policyKey, value: r.people }))}
          caption={t('benefits.stats.peopleByPolicy')}
          emptyText={t('benefits.stats.empty')}
        />
      </div>
      <h2>{t('benefits.stats.byPolicy')}</h2>
      <Table
        rowKey="policyKey"
        size="small"
        pagination={false}
        loading={stats.loading}
        dataSource={s.byPolicy}
        columns={[
          { title: t('benefits.payouts.policy'), render: (_, r) => r.policyName[locale] },
          { title: t('benefits.stats.people'), dataIndex: 'people', align: 'right' },
          { title: t('benefits.stats.payouts'), dataIndex: 'payouts', align: 'right' },
          { title: t('benefits.stats.amountYuan'), align: 'right', render: (_, r) => formatYuan(r.amountFen) },
          { title: t('benefits.stats.paidPeople'), dataIndex: 'paidPeople', align: 'right' },
          { title: t('benefits.stats.paidYuan'), align: 'right', render: (_, r) => formatYuan(r.paidFen) },
        ]}
      />
      <h2>{t('benefits.stats.byMonth')}</h2>
      <Table
        rowKey={(r) => `${r.month}-${r.policyKey}`}
        size="small"
        pagination={false}
        dataSource={s.byMonth}
        columns={[
          { title: t('benefits.stats.month'), dataIndex: 'month' },
          { title: t('benefits.payouts.policy'), render: (_, r) => r.policyName[locale] },
          { title: t('benefits.stats.people'), dataIndex: 'people', align: 'right' },
          { title: t('benefits.stats.amountYuan'), align: 'right', render: (_, r) => formatYuan(r.amountFen) },
        ]}
      />
      <h2>{t('benefits.stats.byState')}</h2>
      <Table
        rowKey="state"
        size="small"
        pagination={false}
        dataSource={s.byState}
        columns={[
          { title: t('benefits.payouts.stateLabel'), render: (_, r) => t(`benefits.payouts.state.${r.state}` as MessageId) },
          { title: t('benefits.stats.payouts'), dataIndex: 'count', align: 'right' },
          { title: t('benefits.stats.amountYuan'), align: 'right', render: (_, r) => formatYuan(r.amountFen) },
        ]}
      />
    </section>
  );
}
