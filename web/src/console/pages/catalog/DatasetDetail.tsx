import './catalog.css';
import { Alert, Button, Card, Descriptions, Input, Modal, Select, Space, Table, Tabs, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { BatchesPanel } from './BatchesPanel';
import { catalogApi, type Dataset, type FieldSpec } from './catalogApi';
import { DatasetForm } from './DatasetForm';
import { GradeTag, StateTag, useEnumLabel } from './labels';
import { QualityPanel } from './QualityPanel';

function ConfirmGrade({ dataset, open, onClose, onDone }: { dataset: Dataset; open: boolean; onClose(): void; onDone(d: Dataset): void }) {
  const { t } = useI18n();
  const scan = dataset.metadata.scan;
  const initial = Object.fromEntries(
    dataset.metadata.fields.map((f) => [f.name, f.subclassId ?? scan?.fields.find((s) => s.field === f.name)?.labels[0]?.subclassId ?? null]),
  );
  const [choice, setChoice] = useState<Record<string, string | null>>(initial);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    try {
      onDone(await catalogApi.confirmGrade(dataset.id, choice));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={confirm} title={t('catalog.confirmGrade')} okText={t('catalog.confirm')} cancelText={t('catalog.cancel')} destroyOnHidden>
      <p>{t('catalog.confirmGradeHelp')}</p>
      {dataset.metadata.fields.map((f) => {
        const suggested = scan?.fields.find((s) => s.field === f.name)?.labels ?? [];
        const options = [
          { value: '', label: t('catalog.noSubclass') },
          ...suggested.map((l) => ({ value: l.subclassId, label: `${l.subclassId} (${t(`catalog.grade.${l.grade}` as 'catalog.grade.general')})` })),
          ...(f.subclassId && !suggested.some((l) => l.subclassId === f.subclassId) ? [{ value: f.subclassId, label: f.subclassId }] : []),
        ];
        const id = `grade-${f.name}`;
        return (
          <div key={f.name} className="catalog-grade-row">
            <label htmlFor={id}>
              {f.title} ({f.name})
            </label>
            <Select id={id} className="filter-select" value={choice[f.name] ?? ''} options={options} onChange={(v: string) => setChoice({ ...choice, [f.name]: v || null })} />
          </div>
        );
      })}
      {error !== null && <ErrorAlert error={error} />}
    </Modal>
  );
}

function FieldsTable({ dataset }: { dataset: Dataset }) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const scan = dataset.metadata.scan;
  return (
    <Table<FieldSpec>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={dataset.metadata.fields}
      scroll={{ x: 1000 }}
      columns={[
        { title: t('catalog.field.name'), dataIndex: 'name', render: (n: string) => <>{n}{dataset.metadata.keyFields.includes(n) && <Tag color="blue">{t('catalog.key')}</Tag>}</> },
        { title: t('catalog.field.title'), dataIndex: 'title' },
        { title: t('catalog.field.type'), dataIndex: 'type', render: (v: string) => label('fieldType', v) },
        { title: t('catalog.field.meaning'), dataIndex: 'meaning' },
        { title: t('catalog.field.detectorType'), key: 'det', render: (_, f) => f.detectorType ?? scan?.fields.find((s) => s.field === f.name)?.detectorType ?? '' },
        {
          title: t('catalog.field.subclass'),
          key: 'sub',
          render: (_, f) =>
            f.subclassId ? (
              <Tag color="green">{f.subclassId}</Tag>
            ) : (
              (scan?.fields.find((s) => s.field === f.name)?.labels ?? []).map((l) => (
                <Tag key={l.subclassId}>
                  {t('catalog.suggested')}: {l.subclassId}
                </Tag>
              ))
            ),
        },
        {
          title: t('catalog.field.rules'),
          key: 'rules',
          render: (_, f) => (
            <>
              {f.required && <Tag>{t('catalog.field.required')}</Tag>}
              {f.codeList && <Tag>{t('catalog.field.codeList')}: {f.codeList.join('/')}</Tag>}
              {(f.min !== undefined || f.max !== undefined) && <Tag>{`${f.min ?? '−∞'} … ${f.max ?? '∞'}`}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}

function History({ dataset }: { dataset: Dataset }) {
  const { t, locale } = useI18n();
  const versions = useApi(() => catalogApi.versions(dataset.id), [dataset.id, dataset.version]);
  return (
    <Space direction="vertical" className="catalog-full-width">
      <h2 className="section-title">{t('catalog.actions')}</h2>
      <Timeline items={dataset.history.map((h) => ({ children: `${formatTime(h.at, locale)} · ${t(`catalog.action.${h.action}` as 'catalog.action.register')} · ${h.actor ?? ''}` }))} />
      <h2 className="section-title">{t('catalog.versions')}</h2>
      {versions.error !== null && <ErrorAlert error={versions.error} onRetry={versions.reload} />}
      <Table
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions.data?.items}
        columns={[
          { title: t('catalog.version'), dataIndex: 'version' },
          { title: t('catalog.versionNote'), dataIndex: 'note' },
          { title: t('catalog.updatedAt'), dataIndex: 'createdAt', render: (at: string) => formatTime(at, locale) },
        ]}
      />
    </Space>
  );
}

export function DatasetDetail({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const { user, can } = useSession();
  const label = useEnumLabel();
  const loaded = useApi(() => catalogApi.get(id), [id]);
  const [override, setOverride] = useState<Dataset>();
  const [editing, setEditing] = useState(false);
  const [grading, setGrading] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const ds = override && override.id === id ? override : loaded.data;
  if (loaded.error !== null && !ds) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!ds) return <PageSpinner />;
  const owner = can('catalog:write') && (user?.roles.includes('platform-admin') || user?.org?.id === ds.publisher.id);
  const allowed = (a: string) => owner && ds.allowedActions.includes(a);
  const run = async (fn: () => Promise<Dataset>) => {
    setError(null);
    try {
      setOverride(await fn());
    } catch (e) {
      setError(e);
    }
  };
  const title = locale === 'en' && ds.titleEn ? ds.titleEn : ds.title;
  return (
    <Card>
      <p>
        <Link to="/console/catalog">← {t('catalog.backToList')}</Link>
      </p>
      <div className="page-head">
        <h1 className="page-title">{title}</h1>
        <Space wrap>
          {allowed('update') && <Button onClick={() => setEditing(true)}>{t('catalog.edit')}</Button>}
          {allowed('classify') && <Button onClick={() => run(() => catalogApi.classify(ds.id))}>{t('catalog.classify')}</Button>}
          {allowed('confirm_grade') && <Button onClick={() => setGrading(true)}>{t('catalog.confirmGrade')}</Button>}
          {allowed('publish') && (
            <Button type="primary" onClick={() => run(() => catalogApi.publish(ds.id))}>
              {t('catalog.publish')}
            </Button>
          )}
          {allowed('retire') && (
            <Button danger onClick={() => setRetiring(true)}>
              {t('catalog.retire')}
            </Button>
          )}
        </Space>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {ds.sourceConflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('catalog.conflictTitle')}
          description={
            <ul>
              {ds.sourceConflicts.map((c) => (
                <li key={c.field}>{t('catalog.conflictLine', { field: c.field, source: `${c.authoritative.title} (${c.authoritative.identifier})` })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} className="catalog-meta">
        <Descriptions.Item label={t('catalog.identifier')}>{ds.identifier}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.publisher')}>{locale === 'en' && ds.publisher.nameEn ? ds.publisher.nameEn : ds.publisher.name}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.stateLabel')}>
          <StateTag state={ds.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.gradeLabel')}>
          <GradeTag grade={ds.grade} /> {ds.gradeConfirmedAt ? t('catalog.gradeConfirmed') : ds.metadata.scan ? t('catalog.gradeSuggested', { grade: t(`catalog.grade.${ds.metadata.scan.suggestedGrade}` as 'catalog.grade.general') }) : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.sharingLabel')}>{label('sharing', ds.sharingType)}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.openingLabel')}>{label('opening', ds.openingType)}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.themeLabel')}>{label('theme', ds.theme)}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.periodicityLabel')}>{label('periodicity', ds.accrualPeriodicity)}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.version')}>{ds.version}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.rows')}>{ds.rowCount}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.keywords')}>{ds.keywords.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.rejectPolicyLabel')}>{label('rejectPolicy', ds.metadata.rejectPolicy)}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.description')} span={3}>
          {ds.description}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'fields', label: t('catalog.fields'), children: <FieldsTable dataset={ds} /> },
          { key: 'batches', label: t('catalog.batches'), children: <BatchesPanel dataset={ds} canLoad={owner && can('catalog.data:load') && ds.state !== 'retired'} /> },
          { key: 'quality', label: t('catalog.quality'), children: <QualityPanel datasetId={ds.id} canResolve={owner && can('catalog.quality:resolve')} /> },
          { key: 'history', label: t('catalog.history'), children: <History dataset={ds} /> },
        ]}
      />
      <DatasetForm
        open={editing}
        dataset={ds}
        onClose={() => setEditing(false)}
        onSaved={(d) => {
          setEditing(false);
          setOverride(d);
        }}
      />
      {grading && (
        <ConfirmGrade
          dataset={ds}
          open={grading}
          onClose={() => setGrading(false)}
          onDone={(d) => {
            setGrading(false);
            setOverride(d);
          }}
        />
      )}
      <Modal
        open={retiring}
        title={t('catalog.retire')}
        okText={t('catalog.retire')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        cancelText={t('catalog.cancel')}
        onCancel={() => setRetiring(false)}
        onOk={async () => {
          setRetiring(false);
          await run(() => catalogApi.retire(ds.id, reason.trim()));
        }}
      >
        <label htmlFor="retire-reason">{t('catalog.retireReason')}</label>
        <Input id="retire-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}
