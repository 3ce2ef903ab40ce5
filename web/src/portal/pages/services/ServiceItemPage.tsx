import './items.css';
import { Breadcrumb, Button, Collapse, Descriptions, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { areaId, daysText, materialFormId, text, typeId, visitsText } from './itemLabels';
import { itemsApi, type ItemDetail, type Material } from './itemsApi';

/** One service item's guide (办事指南): conditions, materials, steps, time limits, fees, visits, FAQ, apply online. */
export default function ServiceItemPage() {
  const { t, locale } = useI18n();
  usePageTitle('portal.services.guide');
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const applyPath = `/portal/services/apply/${encodeURIComponent(code)}`;
  const [d, setD] = useState<ItemDetail>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    setD(undefined);
    setError(null);
    itemsApi.item(code, locale).then(
      (x) => !cancelled && setD(x),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [code, locale]);
  if (error !== null) return <ErrorAlert error={error} className="portal-page" />;
  if (!d) return <PageSpinner />;
  const item = d.item;
  const fees = item.fees ?? [];
  return (
    <section className="portal-page items-guide" aria-labelledby="item-title">
      <Breadcrumb
        items={[
          { title: <Link to="/portal/services">{t('portal.services.title')}</Link> },
          ...d.parents.map((p) => ({ title: <Link to={`/portal/services/items/${encodeURIComponent(p.code)}`}>{p.name[locale]}</Link> })),
        ]}
      />
      <h1 id="item-title" className="section-title">
        {d.title}
      </h1>
      <p>
        <Tag color="blue">{t(areaId(item.area))}</Tag>
        <Tag>{t(typeId(item.type))}</Tag>
        {item.taiwan && <Tag color="gold">{t('portal.services.taiwanTag')}</Tag>}
      </p>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('portal.services.code')}>{item.code}</Descriptions.Item>
        <Descriptions.Item label={t('portal.services.department')}>{d.department.name[locale]}</Descriptions.Item>
        <Descriptions.Item label={t('portal.services.implementingBody')}>{text(item.implementingBody, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('portal.services.legalBasis')}>{text(item.legalBasis, locale)}</Descriptions.Item>
        {d.online && (
          <>
            <Descriptions.Item label={t('portal.services.statutory')}>{daysText(t, item.statutoryDays)}</Descriptions.Item>
            <Descriptions.Item label={t('portal.services.promised')}>{daysText(t, item.promisedDays)}</Descriptions.Item>
            <Descriptions.Item label={t('portal.services.visits')}>{visitsText(t, item.visits)}</Descriptions.Item>
            <Descriptions.Item label={t('portal.services.fees')}>
              {fees.length === 0 ? t('portal.services.free') : fees.map((f) => t('portal.services.feeAmount', { name: text(f.name, locale), amount: (f.amountFen / 100).toFixed(2) })).join('；')}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>

      {d.online && (
        <div className="items-apply">
          <Button
            type="primary"
            size="large"
            href={applyPath}
            onClick={(e) => {
              e.preventDefault();
              navigate(applyPath);
            }}
          >
            {t('portal.services.apply')}
          </Button>
        </div>
      )}

      {d.children.length > 0 && (
        <>
          <h2 className="section-title">{t('portal.services.children')}</h2>
          <ul>
            {d.children.map((c) => (
              <li key={c.code}>
                <Link to={`/portal/services/items/${encodeURIComponent(c.code)}`}>{c.name[locale]}</Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {item.conditions && (
        <>
          <h2 className="section-title">{t('portal.services.conditions')}</h2>
          <ol>
            {item.conditions.map((c, i) => (
              <li key={i}>{text(c, locale)}</li>
            ))}
          </ol>
        </>
      )}

      {item.materials && (
        <>
          <h2 className="section-title">{t('portal.services.materials')}</h2>
          <div className="items-materials">
            <Table<Material>
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={false}
              dataSource={item.materials}
              columns={[
                { title: t('portal.services.material.name'), render: (_, m) => (m.note ? `${text(m.name, locale)}（${text(m.note, locale)}）` : text(m.name, locale)) },
                { title: t('portal.services.material.form'), render: (_, m) => t(materialFormId(m.form)) },
                { title: t('portal.services.material.quantity'), dataIndex: 'quantity' },
                { title: t('portal.services.material.required'), render: (_, m) => (m.required ? t('portal.services.required') : t('portal.services.optional')) },
              ]}
            />
          </div>
        </>
      )}

      {item.steps && (
        <>
          <h2 className="section-title">{t('portal.services.steps')}</h2>
          <ol>
            {item.steps.map((s, i) => (
              <li key={i}>{text(s, locale)}</li>
            ))}
          </ol>
        </>
      )}

      {item.faq && item.faq.length > 0 && (
        <>
          <h2 className="section-title">{t('portal.services.faq')}</h2>
          <Collapse items={item.faq.map((f, i) => ({ key: String(i), label: text(f.q, locale), children: <p>{text(f.a, locale)}</p> }))} />
        </>
      )}
    </section>
  );
}
