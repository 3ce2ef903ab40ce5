import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { catalogApi, type DatasetState, type DatasetSummary } from './catalogApi';
import { DatasetDetail } from './DatasetDetail';
import { DatasetForm } from './DatasetForm';
import { GradeTag, StateTag, useEnumLabel } from './labels';

const STATES: DatasetState[] = ['draft', 'published', 'retired'];

function DatasetList() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const label = useEnumLabel();
  const [q, setQ] = useState('');
  const [state, setState] = useState<DatasetState>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const list = useApi(() => catalogApi.list({ q: q || undefined, state, page, pageSize }), [q, state, page, pageSize]);

  const columns: ColumnsType<DatasetSummary> = [
    { title: t('catalog.title'), key: 'title', render: (_, d) => <Link to={`/console/catalog?id=${d.id}`}>{locale === 'en' && d.titleEn ? d.titleEn : d.title}</Link> },
    { title: t('catalog.identifier'), dataIndex: 'identifier' },
    { title: t('catalog.publisher'), key: 'publisher', render: (_, d) => (locale === 'en' && d.publisher.nameEn ? d.publisher.nameEn : d.publisher.name) },
    { title: t('catalog.stateLabel'), key: 'state', render: (_, d) => <StateTag state={d.state} /> },
    { title: t('catalog.gradeLabel'), key: 'grade', render: (_, d) => <GradeTag grade={d.grade} /> },
    { title: t('catalog.sharingLabel'), key: 'sharing', render: (_, d) => label('sharing', d.sharingType) },
    { title: t('catalog.openingLabel'), key: 'opening', render: (_, d) => label('opening', d.openingType) },
    { title: t('catalog.rows'), dataIndex: 'rowCount', align: 'right' },
    { title: t('catalog.updatedAt'), key: 'updatedAt', render: (_, d) => formatTime(d.updatedAt, locale) },
  ];

  return (
    <Card>
      <div className="page-head">
        <h1 className="page-title">{t('catalog.pageTitle')}</h1>
        {can('catalog:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('catalog.register')}
          </Button>
        )}
      </div>
      <Form layout="inline" className="filters" role="search">
        <Form.Item label={t('catalog.stateLabel')} htmlFor="catalog-state">
          <Select<DatasetState>
            id="catalog-state"
            className="filter-select"
            allowClear
            placeholder={t('catalog.stateAll')}
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
            options={STATES.map((s) => ({ value: s, label: t(`catalog.state.${s}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('catalog.search')} htmlFor="catalog-q">
          <Input.Search
            id="catalog-q"
            allowClear
            placeholder={t('catalog.searchPlaceholder')}
            enterButton={t('catalog.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Form.Item>
      </Form>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<DatasetSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('catalog.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('catalog.total', { total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      <DatasetForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          list.reload();
        }}
      />
    </Card>
  );
}

/** The catalog: the list, or one dataset when the address names it (`?id=`). */
export default function CatalogPage() {
  usePageTitle('catalog.pageTitle');
  const [params] = useSearchParams();
  const id = Number(params.get('id'));
  return Number.isInteger(id) && id > 0 ? <DatasetDetail id={id} /> : <DatasetList />;
}
