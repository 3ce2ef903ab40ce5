/**
 * /console/benefits/runs — matching runs: start one (policy in force × tax year), each run's progress (its job)
 * and totals, and a run's results: filter eligible / not eligible, search by name or masked number, each clause
 * passed or failed with the policy's explanation, the figures, a totals chart, CSV/XLSX export.
 */
import { Button, Card, Descriptions, Drawer, Form, Input, Progress, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ColumnChart } from '../../../components/charts';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { formatYuan } from '../../../benefits/payoutsApi';
import { policiesApi, type PolicyVersion } from '../../../benefits/policiesApi';
import { runsApi, type Run, type RunResult } from '../../../benefits/runsApi';
import { useSession } from '../../../session';
import { useApi } from '../../useApi';
import './benefits-console.css';

const STATUS_COLOR: Record<Run['status'], string> = { queued: 'default', running: 'blue', completed: 'green', failed: 'red' };

/** The job's progress while a run is queued or running (polled once a second). */
function RunProgress({ run, onDone }: { run: Run; onDone(): void }) {
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    if (run.jobId === null || (run.status !== 'queued' && run.status !== 'running')) return;
    let stop = false;
    const tick = async () => {
      if (stop) return;
      const job = await runsApi.job(run.jobId!).catch(() => null);
      if (job) setProgress(job.progress);
      if (job && ['succeeded', 'failed', 'dead', 'cancelled'].includes(job.status)) onDone();
      else setTimeout(() => void tick(), 1000);
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [run.id, run.status]);
  if (run.status === 'completed') return <Progress percent={100} size="small" />;
  if (run.status === 'failed') return <Progress percent={Math.round(progress * 100)} status="exception" size="small" />;
  return <Progress percent={Math.round(progress * 100)} status="active" size="small" />;
}

function Results({ run, policy }: { run: Run; policy: PolicyVersion | undefined }) {
  const { t, locale } = useI18n();
  const [eligible, setEligible] = useState<string>();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<RunResult | null>(null);
  const detail = useApi(() => (open ? runsApi.detail(run.id, open.subjectKey) : Promise.resolve(null)), [run.id, open?.subjectKey]);
  const results = useApi(() => runsApi.results(run.id, { eligible, q: search, page, pageSize: 20 }), [run.id, eligible, search, page]);
  const explain = (id: string) => (id === 'amount' ? policy?.document.amount.explanation[locale] : policy?.document.eligibility.find((c) => c.id === id)?.explanation[locale]) ?? id;
  return (
    <Card size="small" title={t('benefits.engine.runs.results', { id: run.id })} style={{ marginTop: 16 }}>
      <div className="benefits-charts">
        <ColumnChart
          caption={t('benefits.engine.runs.chart')}
          labelHeader={t('benefits.engine.runs.outcome')}
          valueHeader={t('benefits.engine.runs.subjects')}
          emptyText={t('common.none')}
          data={[
            { label: t('benefits.engine.runs.eligible'), value: run.totals.eligible },
            { label: t('benefits.engine.runs.ineligible'), value: run.totals.ineligible },
          ]}
        />
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('benefits.engine.runs.subjects')}>{run.totals.subjects}</Descriptions.Item>
          <Descriptions.Item label={t('benefits.engine.runs.eligible')}>{run.totals.eligible}</Descriptions.Item>
          <Descriptions.Item label={t('benefits.engine.runs.amount')}>¥{formatYuan(run.totals.amountFen)}</Descriptions.Item>
          {run.offered && <Descriptions.Item label={t('benefits.engine.runs.offered')}>{t('benefits.engine.runs.offeredCounts', run.offered)}</Descriptions.Item>}
        </Descriptions>
      </div>
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor="benefits-results-eligible">{t('benefits.engine.runs.filter')}</label>
        <Select id="benefits-results-eligible" allowClear style={{ width: 160 }} value={eligible} onChange={(v) => { setEligible(v); setPage(1); }} options={[{ value: 'true', label: t('benefits.engine.runs.eligible') }, { value: 'false', label: t('benefits.engine.runs.ineligible') }]} />
        <label htmlFor="benefits-results-q">{t('benefits.engine.runs.search')}</label>
        <Input.Search id="benefits-results-q" value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => { setSearch(v); setPage(1); }} style={{ width: 220 }} />
        <a href={runsApi.exportUrl(run.id, 'csv', { eligible, q: search })}>{t('benefits.engine.runs.exportCsv')}</a>
        <a href={runsApi.exportUrl(run.id, 'xlsx', { eligible, q: search })}>{t('benefits.engine.runs.exportXlsx')}</a>
      </Space>
      {results.error !== null && <ErrorAlert error={results.error} onRetry={results.reload} />}
      <Table
        size="small"
        rowKey="subjectKey"
        loading={results.loading}
        dataSource={results.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: results.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('benefits.engine.runs.name'), render: (_: unknown, r: RunResult) => <Button type="link" onClick={() => setOpen(r)}>{r.displayName}</Button> },
          { title: t('benefits.engine.runs.maskedId'), dataIndex: 'maskedId', render: (m: string) => <code>{m}</code> },
          { title: t('benefits.engine.runs.outcome'), dataIndex: 'eligible', render: (e: boolean) => <Tag color={e ? 'green' : 'default'}>{e ? t('benefits.engine.runs.eligible') : t('benefits.engine.runs.ineligible')}</Tag> },
          { title: t('benefits.engine.runs.amount'), dataIndex: 'amountFen', render: (f: number) => `¥${formatYuan(f)}` },
          { title: t('benefits.engine.runs.why'), render: (_: unknown, r: RunResult) => r.clauses.filter((c) => !c.passed).map((c) => <Tag key={c.id} color="red" title={c.error ?? explain(c.id)}>{explain(c.id)}</Tag>) },
          { title: t('benefits.engine.runs.account'), dataIndex: 'hasAccount', render: (h: boolean) => (h ? t('benefits.engine.runs.yes') : t('benefits.engine.runs.no')) },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={620} title={open ? `${open.displayName} (${open.maskedId})` : ''}>
        {open && (
          <>
            <h3>{t('benefits.engine.runs.clauses')}</h3>
            <ul>
              {open.clauses.map((c) => (
                <li key={c.id}>
                  <Tag color={c.passed ? 'green' : 'red'}>{c.passed ? t('benefits.engine.runs.passed') : t('benefits.engine.runs.failed')}</Tag> {explain(c.id)}
                  {c.error && <div role="note">{c.error}</div>}
                </li>
              ))}
            </ul>
            {detail.error !== null && <ErrorAlert error={detail.error} onRetry={detail.reload} />}
            {detail.data && (
              <Tag color={detail.data.identical ? 'green' : 'red'}>{detail.data.identical ? t('benefits.engine.runs.reproduced') : t('benefits.engine.runs.notReproduced')}</Tag>
            )}
            <h3>{t('benefits.engine.runs.figures')}</h3>
            <pre className="benefits-json">{JSON.stringify(detail.data?.outcome.figures ?? open.figures, null, 2)}</pre>
            <h3>{t('benefits.engine.runs.inputs')}</h3>
            <pre className="benefits-json">{JSON.stringify(detail.data?.inputs ?? open.inputs, null, 2)}</pre>
          </>
        )}
      </Drawer>
    </Card>
  );
}

export default function RunsPage() {
  usePageTitle('benefits.engine.runs.title');
  const { t, locale } = useI18n();
  const { user } = useSession();
  const canStart = !!user && (user.scopes.includes('*') || user.scopes.some((s) => s.startsWith('benefits.runs:start')));
  const policies = useApi(() => policiesApi.list(), []);
  const [page, setPage] = useState(1);
  const runs = useApi(() => runsApi.list({ page, pageSize: 20 }), [page]);
  const [policyKey, setPolicyKey] = useState<string>();
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const [startError, setStartError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Run | null>(null);
  const [versionOf, setVersionOf] = useState<PolicyVersion>();
  useEffect(() => {
    setVersionOf(undefined);
    if (selected) policiesApi.get(selected.policyKey, selected.policyVersion).then(setVersionOf, () => undefined);
  }, [selected?.id]);
  const policyName = (key: string) => policies.data?.find((p) => p.key === key)?.document.names[locale] ?? key;

  const start = async () => {
    if (!policyKey) return;
    setStartError(null);
    try {
      await runsApi.start(policyKey, period);
      setPage(1);
      runs.reload();
    } catch (e) {
      setStartError(e);
    }
  };

  return (
    <>
      <h1>{t('benefits.engine.runs.title')}</h1>
      <p>{t('benefits.engine.runs.intro')}</p>
      {canStart && (
        <Form layout="inline" onFinish={() => void start()} className="benefits-report">
          <Form.Item label={t('benefits.engine.runs.policy')} htmlFor="benefits-run-policy">
            <Select id="benefits-run-policy" style={{ width: 320 }} value={policyKey} onChange={setPolicyKey} options={(policies.data ?? []).map((p) => ({ value: p.key, label: `${p.document.names[locale]} · v${p.version}` }))} />
          </Form.Item>
          <Form.Item label={t('benefits.engine.runs.period')} htmlFor="benefits-run-period">
            <Input id="benefits-run-period" value={period} onChange={(e) => setPeriod(e.target.value)} maxLength={4} style={{ width: 90 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!policyKey || !/^\d{4}$/.test(period)}>
            {t('benefits.engine.runs.start')}
          </Button>
        </Form>
      )}
      {startError !== null && <ErrorAlert error={startError} />}
      {runs.error !== null && <ErrorAlert error={runs.error} onRetry={runs.reload} />}
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: 16 }}
        loading={runs.loading}
        dataSource={runs.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: runs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60, render: (id: number, r: Run) => <Button type="link" onClick={() => setSelected(r)}>{id}</Button> },
          { title: t('benefits.engine.runs.policy'), render: (_: unknown, r: Run) => `${policyName(r.policyKey)} · v${r.policyVersion}` },
          { title: t('benefits.engine.runs.period'), dataIndex: 'period' },
          { title: t('benefits.engine.runs.status'), dataIndex: 'status', render: (s: Run['status'], r: Run) => <><Tag color={STATUS_COLOR[s]}>{s}</Tag>{r.error && <span role="alert">{r.error}</span>}</> },
          { title: t('benefits.engine.runs.progress'), width: 180, render: (_: unknown, r: Run) => <RunProgress run={r} onDone={runs.reload} /> },
          { title: t('benefits.engine.runs.subjects'), render: (_: unknown, r: Run) => r.totals.subjects },
          { title: t('benefits.engine.runs.eligible'), render: (_: unknown, r: Run) => r.totals.eligible },
          { title: t('benefits.engine.runs.amount'), render: (_: unknown, r: Run) => `¥${formatYuan(r.totals.amountFen)}` },
        ]}
      />
      {selected && selected.status === 'completed' && <Results run={selected} policy={versionOf} />}
    </>
  );
}
