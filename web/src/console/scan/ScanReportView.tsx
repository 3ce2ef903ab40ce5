import { Alert, Card, Empty, Grid, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useId, useState } from 'react';
import type { ScanColumn, ScanReport } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { detectorLabelId, formatBytes, formatInteger, formatPercent, hasSensitive, topDetection } from './format';

/** A detector type's label in the current language (the raw id for a type this client does not know). */
function useTypeLabel(): (type: string) => string {
  const { t } = useI18n();
  return (type) => {
    const id = detectorLabelId(type);
    return id ? t(id) : type;
  };
}

function TypeTag({ type, sensitive }: { type: string; sensitive: boolean }) {
  const label = useTypeLabel();
  return (
    <Tag className="scan-tag" color={sensitive ? 'red' : 'blue'} data-type={type}>
      {label(type)}
    </Tag>
  );
}

function Statistics({ report }: { report: ScanReport }) {
  const { t, locale } = useI18n();
  const size = formatBytes(report.bytes, locale);
  const stats = [
    { key: 'rows', title: t('scan.statRows'), value: report.rowsScanned },
    { key: 'size', title: t('scan.statSize'), value: size.value, suffix: size.unit },
    { key: 'persons', title: t('scan.statPersons'), value: report.persons.persons },
    { key: 'sensitive', title: t('scan.statSensitive'), value: report.persons.sensitiveSubjects, tone: 'sensitive' },
    { key: 'personal', title: t('scan.statPersonal'), value: report.persons.personalSubjects, tone: 'personal' },
  ];
  return (
    <ul className="scan-stats">
      {stats.map((s) => (
        <li key={s.key} className={`scan-stat${s.tone ? ` scan-stat-${s.tone}` : ''}`} data-stat={s.key}>
          <Statistic title={s.title} value={s.value} suffix={s.suffix} />
        </li>
      ))}
    </ul>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <ul className="scan-legend">
      <li>
        <span className="scan-swatch scan-swatch-sensitive" aria-hidden />
        {t('scan.legendSensitive')}
      </li>
      <li>
        <span className="scan-swatch scan-swatch-personal" aria-hidden />
        {t('scan.legendPersonal')}
      </li>
    </ul>
  );
}

/** One horizontal bar per column with findings: the share of its values recognised, sorted by it. */
function SensitiveBars({ columns }: { columns: ScanColumn[] }) {
  const { t, locale } = useI18n();
  const label = useTypeLabel();
  const rows = columns
    .map((c) => ({ column: c, top: topDetection(c)! }))
    .sort((a, b) => b.top.ratio - a.top.ratio || a.column.index - b.column.index);
  return (
    <ol className="scan-bars">
      {rows.map(({ column, top }) => {
        const pct = formatPercent(top.ratio, locale);
        const types = column.detections.map((d) => label(d.type)).join('、');
        return (
          <li key={column.index} className="scan-bar">
            <span className="scan-bar-label">
              <span className="scan-bar-name">{column.name || t('scan.unnamedColumn')}</span>
              {types !== column.name && <span className="scan-bar-types">{types}</span>}
            </span>
            <span className="scan-bar-track" aria-hidden>
              <span
                className={`scan-bar-fill ${hasSensitive(column) ? 'scan-bar-fill-sensitive' : 'scan-bar-fill-personal'}`}
                style={{ width: `${Math.max(0.5, Math.min(1, top.ratio) * 100)}%` }}
              />
            </span>
            <span className="scan-bar-value">{pct}</span>
          </li>
        );
      })}
    </ol>
  );
}

function ColumnsTable({ columns }: { columns: ScanColumn[] }) {
  const { t, locale } = useI18n();
  const switchId = useId();
  const [onlySensitive, setOnlySensitive] = useState(true);
  /** Phones get one column (name, types with their shares, examples) instead of a sideways scroll. */
  const wide = Grid.useBreakpoint().sm !== false;
  const shown = onlySensitive ? columns.filter((c) => c.detections.length > 0) : columns;
  const perDetection = (c: ScanColumn, render: (d: ScanColumn['detections'][number]) => string) =>
    c.detections.length ? (
      c.detections.map((d) => (
        <div key={d.type} className="scan-line scan-line-end">
          {render(d)}
        </div>
      ))
    ) : (
      <span className="scan-dash">—</span>
    );

  const name = (c: ScanColumn) => <span className="scan-col-name">{c.name || t('scan.unnamedColumn')}</span>;
  const types = (c: ScanColumn, withRatio: boolean) =>
    c.detections.length ? (
      c.detections.map((d) => (
        <div key={d.type} className="scan-line">
          <TypeTag type={d.type} sensitive={d.sensitive} />
          {withRatio && <span className="scan-inline-ratio">{formatPercent(d.ratio, locale)}</span>}
        </div>
      ))
    ) : (
      <span className="scan-none">{t('scan.notDetected')}</span>
    );
  const examples = (c: ScanColumn) => {
    const shownExamples = c.detections.flatMap((d) => c.examples[d.type] ?? []).slice(0, 3);
    return shownExamples.length ? (
      <ul className="scan-examples">
        {shownExamples.map((e, i) => (
          <li key={i}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
    ) : (
      <span className="scan-dash">—</span>
    );
  };

  const examplesColumn = { title: t('scan.colExamples'), key: 'examples', render: (_: unknown, c: ScanColumn) => examples(c) };
  const tableColumns: ColumnsType<ScanColumn> = wide
    ? [
        { title: t('scan.colIndex'), dataIndex: 'index', width: 56, render: (i: number) => i + 1 },
        { title: t('scan.colName'), key: 'name', width: 150, render: (_, c) => name(c) },
        { title: t('scan.colTypes'), key: 'types', render: (_, c) => types(c, false) },
        { title: t('scan.colRatio'), key: 'ratio', width: 72, align: 'right', render: (_, c) => perDetection(c, (d) => formatPercent(d.ratio, locale)) },
        { title: t('scan.colConfidence'), key: 'confidence', width: 80, align: 'right', render: (_, c) => perDetection(c, (d) => d.confidence.toFixed(2)) },
        examplesColumn,
      ]
    : [
        {
          title: t('scan.colName'),
          key: 'name',
          render: (_, c) => (
            <div className="scan-stacked">
              {name(c)}
              {types(c, true)}
              {c.detections.length > 0 && examples(c)}
            </div>
          ),
        },
      ];

  return (
    <Card
      className="scan-card"
      title={<h2 className="card-title">{t('scan.columnsTitle')}</h2>}
      extra={
        <span className="scan-switch">
          <Switch id={switchId} size="small" checked={onlySensitive} onChange={setOnlySensitive} />
          <label htmlFor={switchId}>{t('scan.onlySensitive')}</label>
        </span>
      }
    >
      <Table<ScanColumn>
        rowKey="index"
        size="small"
        columns={tableColumns}
        dataSource={shown}
        rowClassName={(c) => (c.detections.length ? 'scan-row-hit' : 'scan-row-clean')}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scan.noSensitiveColumns')} /> }}
        scroll={wide ? { x: 680 } : undefined}
      />
    </Card>
  );
}

/** The result of a finished scan: statistics, a bar per column with findings, and every column in detail. */
export function ScanReportView({ report }: { report: ScanReport }) {
  const { t, locale } = useI18n();
  const hits = report.columns.filter((c) => c.detections.length > 0);
  const rows = formatInteger(report.rowsScanned, locale);
  return (
    <>
      {!report.complete && <Alert type="warning" showIcon message={t('scan.sampleWarning')} description={t('scan.sampleWarningDetail', { rows })} />}
      <Statistics report={report} />
      <Card className="scan-card" title={<h2 className="card-title">{t('scan.chartTitle')}</h2>}>
        {hits.length ? (
          <>
            <div className="scan-chart-head">
              <Typography.Text type="secondary">{t('scan.chartHint')}</Typography.Text>
              <Legend />
            </div>
            <SensitiveBars columns={hits} />
          </>
        ) : (
          <Alert type="success" showIcon message={t('scan.noFindings')} description={t('scan.noFindingsDetail', { rows })} />
        )}
      </Card>
      <ColumnsTable columns={report.columns} />
    </>
  );
}
