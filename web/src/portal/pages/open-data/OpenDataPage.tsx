import './open-data.css';
import { Card, Empty, Input, List, Pagination, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { openDataApi, type OpenDataset } from './openDataApi';

const PAGE_SIZE = 10;

/** The open data portal: opened datasets, searchable, each linking to its page with downloads. */
export default function OpenDataPage() {
  const { t, locale } = useI18n();
  usePageTitle('openData.title');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: OpenDataset[]; total: number }>();
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    openDataApi.list({ q: q || undefined, page, pageSize: PAGE_SIZE }).then(
      (d) => !cancelled && (setData(d), setError(null)),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [q, page, generation]);

  return (
    <section className="portal-page" aria-labelledby="open-data-title">
      <h1 id="open-data-title" className="section-title">
        {t('openData.title')}
      </h1>
      <p>{t('openData.lead')}</p>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="open-data-q">{t('openData.search')}</label>
        <Input.Search
          id="open-data-q"
          allowClear
          enterButton={t('openData.search')}
          placeholder={t('openData.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </form>
      {error !== null && <ErrorAlert error={error} onRetry={() => setGeneration((g) => g + 1)} />}
      {data && data.items.length === 0 && <Empty description={t('openData.empty')} />}
      <List
        loading={!data && error === null}
        dataSource={data?.items ?? []}
        renderItem={(d) => (
          <List.Item>
            <Card className="open-data-card" size="small">
              <h2 className="service-title">
                <Link to={`/portal/open-data/${d.identifier}`}>{locale === 'en' && d.titleEn ? d.titleEn : d.title}</Link>
              </h2>
              <p>{d.description}</p>
              <Space wrap>
                <Tag color="blue">{locale === 'en' && d.publisher.nameEn ? d.publisher.nameEn : d.publisher.name}</Tag>
                <Tag>{t(`catalog.theme.${d.theme}` as MessageId)}</Tag>
                <Tag color={d.downloadable ? 'green' : 'orange'}>{t(`catalog.opening.${d.openingType}` as MessageId)}</Tag>
                {d.keywords.map((k) => (
                  <Tag key={k}>{k}</Tag>
                ))}
              </Space>
            </Card>
          </List.Item>
        )}
      />
      {data && data.total > PAGE_SIZE && <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} />}
    </section>
  );
}
