/** The declarations the user may see: search by number or title, filter by state, page through. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { customsApi, DECLARATION_STATES, type DeclarationListItem, type DeclarationState } from '../../../customs/api';
import { formatDateTime, OUTCOME_COLOR, outcomeLabelId, pick, regionName, STATE_COLOR, stateLabelId } from '../../../customs/format';
import { useLists } from '../../../customs/reference';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { useApi } from '../../useApi';
import { BASE } from './paths';

const DEFAULT_PAGE_SIZE = 20;

export function DeclarationList() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  usePageTitle('customs.title');
  const lists = useLists();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const data = useApi(() => customsApi.list({ state, q: q || undefined, page, pageSize }), [state, q, page, pageSize]);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const industryName = (id: string) => pick(lists.data?.industries.find((i) => i.id === id)?.names, locale) || id;

  const columns: ColumnsType<DeclarationListItem> = [
    { title: t('customs.col.no'), dataIndex: 'no', render: (no: string, d) => <Link to={`${BASE}/${d.id}`}>{no}</Link> },
    { title: t('customs.field.title'), key: 'title', render: (_, d) => d.form.title },
    { title: t('customs.field.recipient'), key: 'recipient', render: (_, d) => `${d.form.recipient.name} · ${regionName(d.form.recipient.country, locale)}` },
    { title: t('customs.field.industry'), key: 'industry', render: (_, d) => industryName(d.form.industry) },
    { title: t('customs.col.state'), dataIndex: 'state', render: (s: DeclarationState) => <Tag color={STATE_COLOR[s]}>{t(stateLabelId(s))}</Tag> },
    { title: t('customs.col.route'), key: 'route', render: (_, d) => (d.decision ? <Tag color={OUTCOME_COLOR[d.decision.outcome]}>{t(outcomeLabelId(d.decision.outcome))}</Tag> : <span className="customs-dash">—</span>) },
    { title: t('customs.col.updated'), dataIndex: 'updatedAt', render: (at: string) => formatDateTime(at, locale) },
  ];

  return (
    <Card className="customs-card">
      <div className="page-head">
        <h1 className="page-title">{t('customs.title')}</h1>
        {can('customs.declarations:write') && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(`${BASE}/new`)}>
            {t('customs.new')}
          </Button>
        )}
      </div>
      <Form layout="inline" className="filters" role="search">
        <Form.Item label={t('customs.list.search')} htmlFor="customs-q">
          <Input.Search
            id="customs-q"
            allowClear
            defaultValue={q}
            placeholder={t('customs.list.searchPlaceholder')}
            enterButton={t('customs.list.search')}
            onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
          />
        </Form.Item>
        <Form.Item label={t('customs.col.state')} htmlFor="customs-state">
          <Select<string>
            id="customs-state"
            className="filter-select"
            allowClear
            placeholder={t('customs.list.allStates')}
            value={state}
            onChange={(v) => update({ state: v, page: undefined })}
            options={DECLARATION_STATES.map((s) => ({ value: s, label: t(stateLabelId(s)) }))}
          />
        </Form.Item>
      </Form>
      {data.error !== null && <ErrorAlert error={data.error} onRetry={data.reload} />}
      <Table<DeclarationListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data.data?.items}
        loading={data.loading}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q || state ? t('customs.list.noMatch') : t('customs.list.empty')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('customs.list.total', { total }),
          onChange: (p, size) => {
            update({ page: size === pageSize && p > 1 ? String(p) : undefined });
            setPageSize(size);
          },
        }}
      />
    </Card>
  );
}
