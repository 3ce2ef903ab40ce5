import { Card, Form, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, type UserRow } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../i18n/i18n';
import { useSession } from '../../session';
import { orgName } from '../format';
import { useApi } from '../useApi';

const DEFAULT_PAGE_SIZE = 20;

const statusIds = new Map<string, MessageId>([
  ['active', 'userStatus.active'],
  ['disabled', 'userStatus.disabled'],
]);

/** The organisation filter; shown only to users who may list organisations. */
function OrgFilter({ value, onChange }: { value: number | undefined; onChange(v: number | undefined): void }) {
  const { t, locale } = useI18n();
  const orgs = useApi(() => api.orgs(), []);
  return (
    <Form.Item label={t('users.org')} htmlFor="users-org">
      <Select<number>
        id="users-org"
        className="filter-select"
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('users.orgAll')}
        loading={orgs.loading}
        value={value}
        onChange={onChange}
        options={orgs.data?.items.map((o) => ({ value: o.id, label: orgName(o, locale) }))}
      />
    </Form.Item>
  );
}

export default function UsersPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  usePageTitle('users.title');
  const [orgId, setOrgId] = useState<number>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const users = useApi(() => api.users({ orgId, q: q || undefined, page, pageSize }), [orgId, q, page, pageSize]);

  const columns: ColumnsType<UserRow> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.kind'), dataIndex: 'kind', render: (_, u) => t(`userKind.${u.kind}`) },
    { title: t('users.org'), key: 'org', render: (_, u) => (u.org ? orgName(u.org, locale) : t('console.noOrg')) },
    { title: t('users.roles'), dataIndex: 'roles', render: (_, u) => u.roles.map((r) => <Tag key={r}>{r}</Tag>) },
    {
      title: t('users.status'),
      dataIndex: 'status',
      render: (s: string) => {
        const id = statusIds.get(s);
        return <Tag color={s === 'active' ? 'green' : 'default'}>{id ? t(id) : s}</Tag>;
      },
    },
  ];

  return (
    <Card>
      <h1 className="page-title">{t('users.title')}</h1>
      <Form layout="inline" className="filters" role="search">
        {can('identity.orgs:read') && (
          <OrgFilter
            value={orgId}
            onChange={(v) => {
              setOrgId(v);
              setPage(1);
            }}
          />
        )}
        <Form.Item label={t('users.search')} htmlFor="users-q">
          <Input.Search
            id="users-q"
            allowClear
            placeholder={t('users.searchPlaceholder')}
            enterButton={t('users.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Form.Item>
      </Form>
      {users.error !== null && <ErrorAlert error={users.error} onRetry={users.reload} />}
      <Table<UserRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.loading}
        scroll={{ x: 820 }}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('users.total', { total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
    </Card>
  );
}
