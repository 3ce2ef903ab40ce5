/**
 * What the scan found in a declaration's data: the overall grade, persons in this transfer and already
 * sent abroad this year, one row per column (detections with masked examples, catalog labels), and the
 * negative-list items the data falls under with their route.
 */
import { Alert, Card, Descriptions, Empty, Grid, Statistic, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useId, useState } from 'react';
import type { Analysis, CatalogReference, ColumnAnalysis, ListsReference } from '../../../customs/api';
import { formatCount, GRADE_COLOR, gradeLabelId, listRouteLabelId, pick } from '../../../customs/format';
import { useCatalog, useLists } from '../../../customs/reference';
import { useI18n } from '../../../i18n/i18n';
import { detectorLabelId, formatPercent } from '../../scan/format';

function subclassName(catalog: CatalogReference | undefined, id: string, locale: Parameters<typeof pick>[1]): string {
  return pick(catalog?.subclasses.find((s) => s.id === id)?.names, locale) || id;
}

function itemOf(lists: ListsReference | undefined, id: string) {
  return lists?.negativeList.find((i) => i.id === id);
}

function ColumnsTable({ columns, catalog }: { columns: ColumnAnalysis[]; catalog: CatalogReference | undefined }) {
  const { t, locale } = useI18n();
  const switchId = useId();
  const [onlyFindings, setOnlyFindings] = useState(true);
  const wide = Grid.useBreakpoint().md !== false;
  const shown = onlyFindings ? columns.filter((c) => c.detections.length > 0 || c.labels.length > 0) : columns;

  const detections = (c: ColumnAnalysis) =>
    c.detections.length ? (
      c.detections.map((d) => {
        const id = detectorLabelId(d.type);
        return (
          <div key={d.type} className="customs-line">
            <Tag color={d.sensitive ? 'red' : 'blue'} data-type={d.type}>
              {id ? t(id) : d.type}
            </Tag>
            <span className="customs-ratio">{formatPercent(d.ratio, locale)}</span>
          </div>
        );
      })
    ) : (
      <span className="customs-dash">{t('customs.analysis.notDetected')}</span>
    );
  const labels = (c: ColumnAnalysis) =>
    c.labels.length ? (
      c.labels.map((l) => (
        <div key={l.subclassId} className="customs-line" data-subclass={l.subclassId}>
          <span className="customs-subclass">{subclassName(catalog, l.subclassId, locale)}</span> <Tag color={GRADE_COLOR[l.grade]}>{t(gradeLabelId(l.grade))}</Tag>
        </div>
      ))
    ) : (
      <span className="customs-dash">—</span>
    );
  const examples = (c: ColumnAnalysis) =>
    c.examples.length ? (
      <ul className="customs-examples">
        {c.examples.map((e, i) => (
          <li key={i}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
    ) : (
      <span className="customs-dash">—</span>
    );
  const name = (c: ColumnAnalysis) => <span className="customs-col-name">{c.name || t('customs.analysis.unnamed')}</span>;

  const tableColumns: ColumnsType<ColumnAnalysis> = wide
    ? [
        { title: t('customs.analysis.colName'), key: 'name', width: 160, render: (_, c) => name(c) },
        { title: t('customs.analysis.colDetections'), key: 'detections', render: (_, c) => detections(c) },
        { title: t('customs.analysis.colLabels'), key: 'labels', render: (_, c) => labels(c) },
        { title: t('customs.analysis.colExamples'), key: 'examples', render: (_, c) => examples(c) },
      ]
    : [
        {
          title: t('customs.analysis.colName'),
          key: 'name',
          render: (_, c) => (
            <div className="customs-stacked">
              {name(c)}
              {detections(c)}
              {labels(c)}
              {examples(c)}
            </div>
          ),
        },
      ];
  return (
    <Card
      className="customs-card"
      title={<h3 className="card-title">{t('customs.analysis.columnsTitle')}</h3>}
      extra={
        <span className="customs-switch">
          <Switch id={switchId} size="small" checked={onlyFindings} onChange={setOnlyFindings} /> <label htmlFor={switchId}>{t('customs.analysis.onlyFindings')}</label>
        </span>
      }
    >
      <Table<ColumnAnalysis>
        rowKey="index"
        size="small"
        columns={tableColumns}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customs.analysis.noFindings')} /> }}
        scroll={wide ? { x: 720 } : undefined}
      />
    </Card>
  );
}

export function AnalysisView({ analysis }: { analysis: Analysis }) {
  const { t, locale } = useI18n();
  const lists = useLists();
  const catalog = useCatalog();
  const n = (v: number) => formatCount(v, locale);
  const stats = [
    { key: 'transfer-sensitive', title: t('customs.analysis.transferSensitive'), value: analysis.transfer.sensitiveSubjects },
    { key: 'transfer-personal', title: t('customs.analysis.transferPersonal'), value: analysis.transfer.personalSubjects },
    { key: 'already-sensitive', title: t('customs.analysis.alreadySensitive'), value: analysis.alreadyExportedThisYear.sensitiveSubjects },
    { key: 'already-personal', title: t('customs.analysis.alreadyPersonal'), value: analysis.alreadyExportedThisYear.personalSubjects },
    { key: 'rows', title: t('customs.analysis.rows'), value: analysis.source.rows },
  ];
  return (
    <section aria-labelledby="customs-analysis-title" className="customs-section">
      <Card className="customs-card">
        <h2 id="customs-analysis-title" className="customs-h2">
          {t('customs.analysis.title')}
        </h2>
        <div className="customs-grade" data-grade={analysis.grade}>
          <span>{t('customs.analysis.grade')}</span> <Tag color={GRADE_COLOR[analysis.grade]} className="customs-grade-tag">{t(gradeLabelId(analysis.grade))}</Tag>
        </div>
        <ul className="customs-stats">
          {stats.map((s) => (
            <li key={s.key} data-stat={s.key}>
              <Statistic title={s.title} value={n(s.value)} />
            </li>
          ))}
        </ul>
        <Typography.Paragraph type="secondary">
          {t(analysis.transfer.counted === 'scan' ? 'customs.analysis.countedScan' : 'customs.analysis.countedDeclared')}
        </Typography.Paragraph>
        {!analysis.source.complete && <Alert className="customs-block" type="warning" showIcon message={t('customs.analysis.incomplete', { rows: n(analysis.source.rows) })} />}
        {analysis.subclasses.length > 0 && (
          <Descriptions size="small" column={1} className="customs-block">
            <Descriptions.Item label={t('customs.analysis.subclasses')}>
              <span>
                {analysis.subclasses.map((id) => (
                  <Tag key={id}>{subclassName(catalog.data, id, locale)}</Tag>
                ))}
              </span>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <ColumnsTable columns={analysis.columns} catalog={catalog.data} />
      <Card className="customs-card" title={<h3 className="card-title">{t('customs.analysis.negativeTitle')}</h3>}>
        {analysis.negativeListItems.length === 0 ? (
          <Typography.Paragraph>{t('customs.analysis.noNegative')}</Typography.Paragraph>
        ) : (
          <ul className="customs-items">
            {analysis.negativeListItems.map((d) => {
              const item = itemOf(lists.data, d.id);
              const routeId = listRouteLabelId(d.route);
              return (
                <li key={d.id} data-item={d.id}>
                  <div>
                    <code>{d.id}</code> <strong>{pick(item?.names, locale)}</strong> <Tag color="volcano">{routeId ? t(routeId) : d.route}</Tag>
                  </div>
                  {item?.condition && <Typography.Text type="secondary">{pick(item.condition, locale)}</Typography.Text>}
                  <div>{t('customs.analysis.matchedColumns', { columns: d.columns.join('、') })}</div>
                </li>
              );
            })}
          </ul>
        )}
        <Typography.Text type="secondary" className="customs-versions">
          {t('customs.analysis.versions', { lists: analysis.listVersion, catalog: analysis.catalogVersion })}
        </Typography.Text>
      </Card>
    </section>
  );
}
