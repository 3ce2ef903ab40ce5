import { Alert, Button, Form, Input, List, Modal, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { request, withQuery } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';

interface Row {
  registrationNo: string;
  book: string;
  dataName: string;
  holder: string;
  status: string;
  validUntil: string;
  certificateNo: string | null;
}
interface Notice {
  applicationId: number;
  type: string;
  book: string;
  holder: string;
  dataName: string;
  summary: string;
  noticeStart: string | null;
  noticeEnd: string | null;
  status: string;
}

function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [gen, setGen] = useState(0);
  useEffect(() => {
    let off = false;
    load().then(
      (d) => !off && (setData(d), setError(null)),
      (e: unknown) => !off && setError(e),
    );
    return () => {
      off = true;
    };
  }, [...deps, gen]);
  return { data, error, reload: () => setGen((g) => g + 1) };
}

function Search() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(() => request<{ items: Row[]; total: number }>('GET', withQuery('/api/registry/public/registrations', { q, page, pageSize: 10 })), [q, page]);
  return (
    <>
      <Input.Search aria-label={t('registry.public.searchLabel')} placeholder={t('registry.public.searchLabel')} allowClear enterButton onSearch={(v) => (setQ(v), setPage(1))} />
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<Row>
        rowKey="registrationNo"
        size="small"
        style={{ marginTop: 12 }}
        dataSource={list.data?.items}
        locale={{ emptyText: t('registry.empty') }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('registry.registrationNo'), dataIndex: 'registrationNo' },
          { title: t('registry.dataName'), dataIndex: 'dataName' },
          { title: t('registry.book'), dataIndex: 'book', render: (x: string) => t(`registry.book.${x}` as MessageId) },
          { title: t('registry.holder'), dataIndex: 'holder' },
          { title: t('registry.statusLabel'), dataIndex: 'status', render: (x: string) => <Tag>{t(`registry.status.${x}` as MessageId)}</Tag> },
          { title: t('registry.verifyPage'), key: 'v', render: (_, r) => r.certificateNo && <Link to={`/portal/registry/verify/${r.certificateNo}`}>{r.certificateNo}</Link> },
        ]}
      />
    </>
  );
}

function Notices() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [objecting, setObjecting] = useState<Notice | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = useLoad(() => request<{ items: Notice[]; total: number }>('GET', withQuery('/api/registry/public/notices', { page, pageSize: 10 })), [page]);
  const submit = async (v: { name: string; contact: string; reason: string }) => {
    setError(null);
    try {
      await request('POST', `/api/registry/public/notices/${objecting!.applicationId}/objections`, v);
      setObjecting(null);
      setDone(true);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {done && <Alert type="success" showIcon role="status" message={t('registry.public.objectionFiled')} closable onClose={() => setDone(false)} />}
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <List
        itemLayout="vertical"
        dataSource={list.data?.items}
        locale={{ emptyText: t('registry.public.noNotices') }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
        renderItem={(n) => (
          <List.Item
            key={n.applicationId}
            actions={
              n.status === 'public_notice' || n.status === 'notice_suspended'
                ? [
                    <Button key="o" size="small" onClick={() => setObjecting(n)}>
                      {t('registry.public.object')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${n.dataName} · ${n.holder}`}
              description={`${t(`registry.type.${n.type}` as MessageId)} · ${t(`registry.book.${n.book}` as MessageId)} · ${t('registry.notice')} ${n.noticeStart ?? ''} – ${n.noticeEnd ?? ''} · ${t(`registry.status.${n.status}` as MessageId)}`}
            />
            <Typography.Paragraph>{n.summary}</Typography.Paragraph>
          </List.Item>
        )}
      />
      <Modal title={t('registry.public.object')} open={objecting !== null} onCancel={() => setObjecting(null)} footer={null} destroyOnHidden>
        {error !== null && <ErrorAlert error={error} />}
        <Form layout="vertical" onFinish={(v) => void submit(v as { name: string; contact: string; reason: string })}>
          <Form.Item name="name" label={t('registry.public.objectorName')} rules={[{ required: true, message: t('registry.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contact" label={t('registry.public.objectorContact')} rules={[{ required: true, message: t('registry.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="reason" label={t('registry.public.objectionReason')} rules={[{ required: true, message: t('registry.required') }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('registry.public.submitObjection')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}

/** 数据产权登记 on the public portal: search the register and the public notices (公示). */
export default function RegistryPublicPage() {
  const { t } = useI18n();
  usePageTitle('registry.public.title');
  return (
    <section className="page-section">
      <h1 className="page-title">{t('registry.public.title')}</h1>
      <p>{t('registry.public.lead')}</p>
      <Tabs
        items={[
          { key: 'search', label: t('registry.public.search'), children: <Search /> },
          { key: 'notices', label: t('registry.public.notices'), children: <Notices /> },
        ]}
      />
      <p>
        <a href="/api/registry/public/dcat.jsonld">{t('registry.public.dcat')}</a>
      </p>
    </section>
  );
}
