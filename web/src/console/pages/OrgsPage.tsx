import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, type Org } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../i18n/i18n';
import { useApi } from '../useApi';

export default function OrgsPage() {
  const { t } = useI18n();
  usePageTitle('orgs.title');
  const orgs = useApi(() => api.orgs(), []);

  const columns: ColumnsType<Org> = [
    { title: t('orgs.code'), dataIndex: 'code', width: 200 },
    { title: t('orgs.name'), dataIndex: 'name' },
    { title: t('orgs.nameEn'), dataIndex: 'nameEn' },
    { title: t('orgs.kind'), dataIndex: 'kind', width: 120, render: (_, o) => <Tag>{t(`orgKind.${o.kind}`)}</Tag> },
  ];

  return (
    <Card>
      <h1 className="page-title">{t('orgs.title')}</h1>
      {orgs.error !== null && <ErrorAlert error={orgs.error} onRetry={orgs.reload} />}
      <Table<Org>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={orgs.data?.items}
        loading={orgs.loading}
        pagination={false}
        scroll={{ x: 720 }}
      />
    </Card>
  );
}
