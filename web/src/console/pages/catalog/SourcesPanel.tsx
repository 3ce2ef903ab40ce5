import { Button, Form, Input, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { catalogApi, type Source } from './catalogApi';

interface SourceForm {
  url: string;
  table: string;
  changeColumn: string;
  everyMinutes: number;
}

/** Database sources pulled on a schedule (incremental by a change column), with "pull now". */
export function SourcesPanel({ datasetId, onPulled }: { datasetId: number; onPulled(): void }) {
  const { t, locale } = useI18n();
  const sources = useApi(() => catalogApi.sources(datasetId), [datasetId]);
  const [form] = Form.useForm<SourceForm>();
  const [error, setError] = useState<unknown>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      sources.reload();
      onPulled();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Space direction="vertical" className="catalog-full-width">
      <h2 className="section-title">{t('catalog.sources')}</h2>
      {sources.error !== null && <ErrorAlert error={sources.error} onRetry={sources.reload} />}
      {error !== null && <ErrorAlert error={error} />}
      <Table<Source>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={sources.data?.items}
        locale={{ emptyText: t('catalog.noSources') }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('catalog.sourceUrl'), dataIndex: 'url' },
          { title: t('catalog.sourceTable'), dataIndex: 'table' },
          { title: t('catalog.sourceChange'), dataIndex: 'changeColumn' },
          { title: t('catalog.sourceEvery'), dataIndex: 'everyMinutes' },
          { title: t('catalog.sourceWatermark'), dataIndex: 'watermark', render: (w: string | null) => w ?? '—' },
          { title: t('catalog.sourceLastRun'), dataIndex: 'lastRunAt', render: (at: string | null) => (at ? formatTime(at, locale) : '—') },
          { title: '', key: 'pull', render: (_, s) => <Button size="small" onClick={() => act(() => catalogApi.pull(s.id))}>{t('catalog.pullNow')}</Button> },
        ]}
      />
      <Form<SourceForm>
        form={form}
        layout="inline"
        aria-label={t('catalog.addSource')}
        initialValues={{ everyMinutes: 60 }}
        onFinish={(v) => act(async () => {
          await catalogApi.addSource(datasetId, v);
          form.resetFields();
        })}
      >
        <Form.Item name="url" label={t('catalog.sourceUrl')} rules={[{ required: true }]}>
          <Input placeholder="postgres://reader@host/db" />
        </Form.Item>
        <Form.Item name="table" label={t('catalog.sourceTable')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="changeColumn" label={t('catalog.sourceChange')} rules={[{ required: true }]}>
          <Input placeholder="updated_at" />
        </Form.Item>
        <Form.Item name="everyMinutes" label={t('catalog.sourceEvery')} rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
        <Button htmlType="submit">{t('catalog.addSource')}</Button>
      </Form>
    </Space>
  );
}
