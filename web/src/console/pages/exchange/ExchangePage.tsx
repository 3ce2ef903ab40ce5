import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { useApi } from '../../useApi';
import { catalogApi } from '../catalog/catalogApi';
import { exchangeApi, GRANT_STATES, type Grant, type GrantState, type OrgRef, type Usage } from './exchangeApi';

const STATE_COLOR: Record<GrantState, string> = { requested: 'gold', approved: 'green', rejected: 'red', revoked: 'default' };

function today(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
}

function useOrgName() {
  const { locale } = useI18n();
  return (o: OrgRef) => (locale === 'en' && o.nameEn ? o.nameEn : o.name);
}

/** The credential of a grant, shown once right after it was issued. */
function CredentialNotice({ credential, onClose }: { credential: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={credential !== null} title={t('exchange.credentialTitle')} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }}>
      <Alert type="warning" showIcon role="alert" message={t('exchange.credentialOnce')} />
      <Typography.Paragraph copyable code className="exchange-credential">
        {credential}
      </Typography.Paragraph>
    </Modal>
  );
}

function RequestForm({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (credential: string | null) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ datasetId: number; purpose: string; fields: string[]; clearFields: string[]; validFrom: string; validUntil: string }>();
  const [datasetId, setDatasetId] = useState<number>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const datasets = useApi(() => (open ? catalogApi.list({ state: 'published', page: 1, pageSize: 200 }) : Promise.resolve({ items: [], total: 0 })), [open]);
  const dataset = useApi(() => (datasetId ? catalogApi.get(datasetId) : Promise.resolve(undefined)), [datasetId]);
  const fields = dataset.data?.metadata.fields ?? [];
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const out = await exchangeApi.request({ ...v, clearFields: v.clearFields ?? [] });
      form.resetFields();
      setDatasetId(undefined);
      setError(null);
      onDone(out.credential ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('exchange.requestTitle')} onOk={submit} onCancel={onClose} okText={t('exchange.submit')} confirmLoading={saving} width={640}>
      {error !== null && <ErrorAlert error={error} />}
      <Form form={form} layout="vertical" initialValues={{ validFrom: today(), validUntil: today(365), clearFields: [] }}>
        <Form.Item name="datasetId" label={t('exchange.dataset')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={datasets.loading}
            onChange={(v: number) => {
              setDatasetId(v);
              form.setFieldsValue({ fields: [], clearFields: [] });
            }}
            options={(datasets.data?.items ?? []).filter((d) => d.sharingType !== 'none').map((d) => ({ value: d.id, label: `${d.title}（${d.publisher.name}）` }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('exchange.purpose')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="fields" label={t('exchange.fields')} rules={[{ required: true }]}>
          <Select mode="multiple" options={fields.map((f) => ({ value: f.name, label: `${f.title} (${f.name})` }))} />
        </Form.Item>
        <Form.Item name="clearFields" label={t('exchange.clearFields')} extra={t('exchange.clearFieldsHelp')}>
          <Select mode="multiple" options={fields.map((f) => ({ value: f.name, label: `${f.title} (${f.name})` }))} />
        </Form.Item>
        <Space>
          <Form.Item name="validFrom" label={t('exchange.validFrom')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('exchange.validUntil')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function GrantsTab() {
  const { t } = useI18n();
  // The App context's modal: antd's static Modal.confirm renders nothing under React 19.
  const { modal } = App.useApp();
  const { can, user } = useSession();
  const orgName = useOrgName();
  const [side, setSide] = useState<'consumer' | 'owner'>();
  const [state, setState] = useState<GrantState>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [requesting, setRequesting] = useState(false);
  const [credential, setCredential] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const list = useApi(() => exchangeApi.list({ side, state, page, pageSize }), [side, state, page, pageSize]);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      setActionError(null);
      list.reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const withReason = (title: string, run: (reason: string) => Promise<unknown>) => {
    let reason = '';
    modal.confirm({
      title,
      content: <Input.TextArea aria-label={t('exchange.reason')} rows={2} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => act(() => run(reason)),
    });
  };

  const columns: ColumnsType<Grant> = [
    { title: t('exchange.dataset'), key: 'dataset', render: (_, g) => g.dataset.title },
    { title: t('exchange.consumer'), key: 'consumer', render: (_, g) => orgName(g.consumer) },
    { title: t('exchange.owner'), key: 'owner', render: (_, g) => orgName(g.owner) },
    { title: t('exchange.purpose'), dataIndex: 'purpose' },
    { title: t('exchange.fields'), key: 'fields', render: (_, g) => g.fields.map((f) => <Tag key={f} color={g.clearFields.includes(f) ? 'volcano' : undefined}>{f}</Tag>) },
    { title: t('exchange.period'), key: 'period', render: (_, g) => `${g.validFrom} – ${g.validUntil}` },
    { title: t('exchange.state'), key: 'state', render: (_, g) => <Tag color={STATE_COLOR[g.state]}>{t(`exchange.state.${g.state}`)}</Tag> },
    {
      title: t('exchange.actions'),
      key: 'actions',
      render: (_, g) => {
        const owner = user?.org?.id === g.owner.id;
        const consumer = user?.org?.id === g.consumer.id;
        return (
          <Space wrap>
            {g.allowedActions.includes('approve') && owner && can('exchange:approve') && (
              <Button size="small" type="primary" onClick={() => act(() => exchangeApi.approve(g.id))}>
                {t('exchange.approve')}
              </Button>
            )}
            {g.allowedActions.includes('reject') && owner && can('exchange:approve') && (
              <Button size="small" onClick={() => withReason(t('exchange.reject'), (r) => exchangeApi.reject(g.id, r))}>
                {t('exchange.reject')}
              </Button>
            )}
            {g.allowedActions.includes('issue_credential') && consumer && can('exchange:request') && (
              <Button size="small" onClick={() => act(async () => setCredential((await exchangeApi.credential(g.id)).credential))}>
                {t('exchange.collectCredential')}
              </Button>
            )}
            {g.allowedActions.includes('revoke') && (owner || consumer || can('exchange:revoke:all')) && (
              <Button size="small" danger onClick={() => withReason(t('exchange.revoke'), (r) => exchangeApi.revoke(g.id, r))}>
                {t('exchange.revoke')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <div className="page-head">
        <Form layout="inline" className="filters" role="search">
          <Form.Item label={t('exchange.side')} htmlFor="exchange-side">
            <Select<'consumer' | 'owner'>
              id="exchange-side"
              className="filter-select"
              allowClear
              placeholder={t('exchange.sideAll')}
              value={side}
              onChange={(v) => {
                setSide(v);
                setPage(1);
              }}
              options={[
                { value: 'consumer', label: t('exchange.sideConsumer') },
                { value: 'owner', label: t('exchange.sideOwner') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('exchange.state')} htmlFor="exchange-state">
            <Select<GrantState>
              id="exchange-state"
              className="filter-select"
              allowClear
              placeholder={t('exchange.stateAll')}
              value={state}
              onChange={(v) => {
                setState(v);
                setPage(1);
              }}
              options={GRANT_STATES.map((s) => ({ value: s, label: t(`exchange.state.${s}`) }))}
            />
          </Form.Item>
        </Form>
        {can('exchange:request') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
            {t('exchange.request')}
          </Button>
        )}
      </div>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {actionError !== null && <ErrorAlert error={actionError} />}
      <Table<Grant>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('exchange.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('exchange.total', { total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      <RequestForm
        open={requesting}
        onClose={() => setRequesting(false)}
        onDone={(c) => {
          setRequesting(false);
          setCredential(c);
          list.reload();
        }}
      />
      <CredentialNotice credential={credential} onClose={() => setCredential(null)} />
    </>
  );
}

function UsageTab() {
  const { t } = useI18n();
  const orgName = useOrgName();
  const [month, setMonth] = useState(today().slice(0, 7));
  const usage = useApi(() => exchangeApi.usage(month || undefined), [month]);
  const columns: ColumnsType<Usage> = [
    { title: t('exchange.month'), dataIndex: 'month' },
    { title: t('exchange.consumer'), key: 'consumer', render: (_, u) => orgName(u.consumer) },
    { title: t('exchange.dataset'), key: 'dataset', render: (_, u) => u.dataset.title },
    { title: t('exchange.owner'), key: 'owner', render: (_, u) => orgName(u.owner) },
    { title: t('exchange.allowed'), dataIndex: 'allowed', align: 'right' },
    { title: t('exchange.denied'), dataIndex: 'denied', align: 'right' },
    { title: t('exchange.notFound'), dataIndex: 'notFound', align: 'right' },
  ];
  return (
    <>
      <Form layout="inline" className="filters" role="search">
        <Form.Item label={t('exchange.month')} htmlFor="exchange-month">
          <Input id="exchange-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </Form.Item>
      </Form>
      {usage.error !== null && <ErrorAlert error={usage.error} onRetry={usage.reload} />}
      <Table<Usage>
        rowKey={(u) => `${u.month}-${u.consumer.id}-${u.dataset.id}`}
        size="small"
        columns={columns}
        dataSource={usage.data?.items}
        loading={usage.loading}
        locale={{ emptyText: t('exchange.usageEmpty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </>
  );
}

/** The data exchange (数据共享交换): grants of both sides, and usage per month. */
export default function ExchangePage() {
  const { t } = useI18n();
  usePageTitle('exchange.pageTitle');
  return (
    <Card>
      <h1 className="page-title">{t('exchange.pageTitle')}</h1>
      <Tabs
        items={[
          { key: 'grants', label: t('exchange.grantsTab'), children: <GrantsTab /> },
          { key: 'usage', label: t('exchange.usageTab'), children: <UsageTab /> },
        ]}
      />
    </Card>
  );
}
