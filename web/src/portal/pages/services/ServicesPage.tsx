import './items.css';
import { Card, Empty, Input, List, Pagination, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { areaId, daysText, typeId, visitsText } from './itemLabels';
import { itemsApi, type AreaCount, type ItemSummary } from './itemsApi';

const PAGE_SIZE = 10;

/** The Taiwan compatriot service hall: search the service items, filter by area, open an item's guide. */
export default function ServicesPage() {
  const { t, locale } = useI18n();
  usePageTitle('portal.services.title');
  const [q, setQ] = useState('');
  const [area, setArea] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [areas, setAreas] = useState<AreaCount[]>([]);
  const [data, setData] = useState<{ items: ItemSummary[]; total: number }>();
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    itemsApi.areas().then(
      (a) => !cancelled && setAreas(a.items),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    itemsApi.search({ q: q || undefined, area, page, pageSize: PAGE_SIZE, lang: locale }).then(
      (d) => !cancelled && (setData(d), setError(null)),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [q, area, page, locale, generation]);

  return (
    <section className="portal-page" aria-labelledby="items-hall-title">
      <h1 id="items-hall-title" className="section-title">
        {t('portal.services.title')}
      </h1>
      <p>{t('portal.services.lead')}</p>
      <p className="items-my-links">
        <Link to="/portal/services/cases">{t('services.cases.my.title')}</Link> · <Link to="/portal/services/me">{t('services.accounts.me.title')}</Link>
      </p>
      <div className="items-filters">
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="services-q">{t('portal.services.search')}</label>
          <Input.Search
            id="services-q"
            allowClear
            enterButton={t('portal.services.search')}
            placeholder={t('portal.services.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </form>
        <div className="items-area">
          <label htmlFor="items-area">{t('portal.services.area')}</label>
          <Select
            id="items-area"
            style={{ width: '100%' }}
            value={area ?? ''}
            onChange={(v: string) => {
              setArea(v || undefined);
              setPage(1);
            }}
            options={[
              { value: '', label: t('portal.services.allAreas') },
              ...areas.map((a) => ({ value: a.area, label: t('portal.services.areaCount', { area: t(areaId(a.area)), count: a.count }) })),
            ]}
          />
        </div>
      </div>
      {error !== null && <ErrorAlert error={error} onRetry={() => setGeneration((g) => g + 1)} />}
      {data && <p aria-live="polite">{t('portal.services.total', { total: data.total })}</p>}
      {data && data.items.length === 0 && <Empty description={t('portal.services.empty')} />}
      <List
        loading={!data && error === null}
        dataSource={data?.items ?? []}
        renderItem={(item) => (
          <List.Item>
            <Card className="items-card" size="small">
              <h2>
                <Link to={`/portal/services/items/${encodeURIComponent(item.code)}`}>{item.title}</Link>
              </h2>
              <ul className="items-meta">
                <li>
                  {t('portal.services.department')}: {item.department.name[locale]}
                </li>
                <li>
                  {t('portal.services.promised')}: {daysText(t, item.promisedDays)}
                </li>
                <li>
                  {t('portal.services.visits')}: {visitsText(t, item.visits)}
                </li>
              </ul>
              <Space wrap style={{ marginTop: 8 }}>
                <Tag color="blue">{t(areaId(item.area))}</Tag>
                <Tag>{t(typeId(item.type))}</Tag>
                {item.visits === 0 && <Tag color="green">{t('portal.services.fullyOnline')}</Tag>}
                <Tag>{item.code}</Tag>
              </Space>
            </Card>
          </List.Item>
        )}
      />
      {data && data.total > PAGE_SIZE && <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} />}
    </section>
  );
}
