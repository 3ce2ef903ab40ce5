import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { useApi } from '../../useApi';
import { registryApi, yuan, type Pledge } from './registryApi';
import { StatusTag } from './RegistryPage';

/** A bank's pledges (质押登记): register one, release it, and answer consent requests. */
export default function PledgesPage() {
  const { t } = useI18n();
  usePageTitle('registry.pledges.title');
  const pledges = useApi(() => registryApi.pledges(), []);
  const consents = useApi(() => registryApi.consents(), []);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      pledges.reload();
      consents.reload();
    } catch (e) {
      setError(e);
    }
  };
  const register = (v: { registrationNo: string; amountYuan: number; term: [Dayjs, Dayjs]; externalNo?: string }) =>
    run(async () => {
      await registryApi.pledge({
        registrationNo: v.registrationNo.trim(),
        amountFen: Math.round(v.amountYuan * 100),
        termStart: v.term[0].format('YYYY-MM-DD'),
        termEnd: v.term[1].format('YYYY-MM-DD'),
        ...(v.externalNo ? { externalNo: v.externalNo } : {}),
      });
      form.resetFields();
    });
  return (
    <Card>
      <h1 className="page-title">{t('registry.pledges.title')}</h1>
      {error !== null && <ErrorAlert error={error} className="form-alert" />}
      <Card size="small" title={t('registry.pledges.new')}>
        <Form form={form} layout="inline" onFinish={(v) => void register(v as Parameters<typeof register>[0])}>
          <Form.Item name="registrationNo" label={t('registry.registrationNo')} rules={[{ required: true, pattern: /^\d{15}[\dX]$/, message: t('registry.noInvalid') }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('registry.pledges.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="term" label={t('registry.pledges.term')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="externalNo" label={t('registry.pledges.externalNo')}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('registry.pledges.register')}
          </Button>
        </Form>
      </Card>
      <h2 className="section-title">{t('registry.pledges.consents')}</h2>
      <Table
        rowKey="id"
        size="small"
        dataSource={consents.data?.items}
        loading={consents.loading && !consents.data}
        locale={{ emptyText: t('registry.empty') }}
        pagination={false}
        columns={[
          { title: t('registry.registrationNo'), key: 'no', render: (_, a) => a.registrationNo },
          { title: t('registry.type'), key: 'type', render: (_, a) => t(`registry.type.${a.type}` as MessageId) },
          { title: t('registry.dataName'), key: 'name', render: (_, a) => a.data.name },
          {
            title: t('registry.actions'),
            key: 'act',
            render: (_, a) => (
              <Space>
                <Button size="small" type="primary" onClick={() => void run(() => registryApi.act(a.id, { action: 'consent' }))}>
                  {t('registry.action.consent')}
                </Button>
                <Button size="small" danger onClick={() => void run(() => registryApi.act(a.id, { action: 'refuse_consent', reason: t('registry.action.refuse_consent') }))}>
                  {t('registry.action.refuse_consent')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <h2 className="section-title">{t('registry.pledges.list')}</h2>
      {pledges.error !== null && <ErrorAlert error={pledges.error} onRetry={pledges.reload} />}
      <Table<Pledge>
        rowKey="id"
        size="small"
        dataSource={pledges.data?.items}
        loading={pledges.loading && !pledges.data}
        locale={{ emptyText: t('registry.empty') }}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('registry.registrationNo'), dataIndex: 'registrationNo', render: (x: string) => <Typography.Text code>{x}</Typography.Text> },
          { title: t('registry.pledges.pledgor'), dataIndex: 'pledgor' },
          { title: t('registry.pledges.amount'), dataIndex: 'amountFen', render: (x: number) => `¥${yuan(x)}` },
          { title: t('registry.pledges.term'), key: 'term', render: (_, p) => `${p.termStart} – ${p.termEnd}` },
          { title: t('registry.statusLabel'), dataIndex: 'status', render: (x: string) => (x === 'active' ? <StatusTag status="pledged" /> : <Tag>{t('registry.pledges.released')}</Tag>) },
          {
            title: t('registry.actions'),
            key: 'release',
            render: (_, p) =>
              p.status === 'active' && (
                <Button size="small" onClick={() => void run(() => registryApi.release(p.id))}>
                  {t('registry.pledges.release')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
