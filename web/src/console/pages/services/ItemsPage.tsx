import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { itemsApi, type ItemVersion } from '../../../portal/pages/services/itemsApi';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';

/** The service item catalog's versions: history, export of any version, import of a new one (CSV/XLSX). */
export default function ItemsPage() {
  const { t, locale } = useI18n();
  usePageTitle('services.items.title');
  const versions = useApi(() => itemsApi.versions(), []);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [importError, setImportError] = useState<unknown>(null);
  const [imported, setImported] = useState<ItemVersion | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setImported(null);
    if (!file) {
      setImportError(new Error(t('services.items.noFile')));
      return;
    }
    setBusy(true);
    setImportError(null);
    try {
      setImported(await itemsApi.importCatalog(file, note));
      setNote('');
      versions.reload();
    } catch (err) {
      setImportError(err);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<ItemVersion> = [
    { title: t('services.items.version'), dataIndex: 'version', width: 90, render: (v: number, r) => (r.inForce ? <Space>{v}<Tag color="green">{t('services.items.inForce')}</Tag></Space> : v) },
    { title: t('services.items.itemCount'), dataIndex: 'itemCount', width: 100 },
    { title: t('services.items.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
    { title: t('services.items.createdBy'), dataIndex: 'createdBy', width: 120 },
    { title: t('services.items.createdAt'), dataIndex: 'createdAt', width: 190, render: (at: string) => formatTime(at, locale) },
    { title: t('services.items.sm3'), dataIndex: 'sm3', ellipsis: true, render: (h: string) => <Typography.Text code>{h}</Typography.Text> },
    {
      title: t('services.items.export'),
      key: 'export',
      width: 200,
      render: (_, r) => (
        <Space>
          <a href={itemsApi.exportUrl('csv', r.version)} aria-label={`${t('services.items.exportCsv')} ${r.version}`}>
            CSV
          </a>
          <a href={itemsApi.exportUrl('xlsx', r.version)} aria-label={`${t('services.items.exportXlsx')} ${r.version}`}>
            XLSX
          </a>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <div className="page-head">
          <h1 className="page-title">{t('services.items.title')}</h1>
          <Space>
            <Button href={itemsApi.exportUrl('csv')}>{t('services.items.exportCsv')}</Button>
            <Button href={itemsApi.exportUrl('xlsx')}>{t('services.items.exportXlsx')}</Button>
          </Space>
        </div>
        <p>{t('services.items.lead')}</p>
        {versions.error !== null && <ErrorAlert error={versions.error} onRetry={versions.reload} />}
        <Table<ItemVersion> rowKey="version" size="small" columns={columns} dataSource={versions.data?.items} loading={versions.loading && !versions.data} pagination={false} scroll={{ x: 960 }} />
      </Card>
      <Card>
        <h2 className="page-title">{t('services.items.import')}</h2>
        <p>{t('services.items.importHelp')}</p>
        <form onSubmit={submit} aria-label={t('services.items.import')}>
          <Space direction="vertical" style={{ width: '100%', maxWidth: 560 }}>
            <label htmlFor="items-file">{t('services.items.importFile')}</label>
            <input id="items-file" type="file" accept=".csv,.xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <label htmlFor="items-note">{t('services.items.importNote')}</label>
            <Input id="items-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('services.items.importSubmit')}
            </Button>
          </Space>
        </form>
        {importError !== null && <Alert type="error" showIcon role="alert" style={{ marginTop: 16 }} message={t('services.items.importFailed')} description={importError instanceof Error ? importError.message : String(importError)} />}
        {imported && <Alert type="success" showIcon role="status" style={{ marginTop: 16 }} message={t('services.items.imported', { version: imported.version, count: imported.itemCount })} />}
      </Card>
    </Space>
  );
}
