import './open-data.css';
import { Alert, Button, Descriptions, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { openDataApi, type OpenDataset } from './openDataApi';

/** One open dataset: description, field schema, downloads (CSV/JSON) and its DCAT description. */
export default function OpenDatasetPage() {
  const { t, locale } = useI18n();
  usePageTitle('openData.title');
  const { id = '' } = useParams();
  const [d, setD] = useState<OpenDataset>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    openDataApi.get(id).then(
      (x) => !cancelled && setD(x),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [id]);
  if (error !== null) return <ErrorAlert error={error} />;
  if (!d) return <PageSpinner />;
  const title = locale === 'en' && d.titleEn ? d.titleEn : d.title;
  return (
    <section className="portal-page" aria-labelledby="dataset-title">
      <p>
        <Link to="/portal/open-data">← {t('openData.back')}</Link>
      </p>
      <h1 id="dataset-title" className="section-title">
        {title}
      </h1>
      <p>{d.description}</p>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('catalog.publisher')}>{locale === 'en' && d.publisher.nameEn ? d.publisher.nameEn : d.publisher.name}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.themeLabel')}>{t(`catalog.theme.${d.theme}` as MessageId)}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.periodicityLabel')}>{t(`catalog.periodicity.${d.accrualPeriodicity}` as MessageId)}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.openingLabel')}>{t(`catalog.opening.${d.openingType}` as MessageId)}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.rows')}>{d.rowCount}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.license')}>{d.license ?? '—'}</Descriptions.Item>
      </Descriptions>
      {d.downloadable ? (
        <Space wrap>
          <Button type="primary" href={openDataApi.downloadUrl(d.identifier, 'csv')}>
            {t('openData.downloadCsv')}
          </Button>
          <Button href={openDataApi.downloadUrl(d.identifier, 'json')}>{t('openData.downloadJson')}</Button>
          <Button type="link" href={openDataApi.dcatUrl(d.identifier)}>
            {t('openData.dcat')}
          </Button>
        </Space>
      ) : (
        <Alert type="info" showIcon message={t('openData.conditional')} />
      )}
      <h2 className="section-title">{t('catalog.fields')}</h2>
      <Table
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={d.fields}
        columns={[
          { title: t('catalog.field.name'), dataIndex: 'name' },
          { title: t('catalog.field.title'), dataIndex: 'title' },
          { title: t('catalog.field.type'), dataIndex: 'type', render: (v: string) => t(`catalog.fieldType.${v}` as MessageId) },
          { title: t('catalog.field.meaning'), dataIndex: 'meaning' },
        ]}
      />
    </section>
  );
}
