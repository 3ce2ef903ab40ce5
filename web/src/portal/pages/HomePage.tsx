import { Card, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n, usePageTitle } from '../../i18n/i18n';
import { portalServices, type PortalService } from '../services';

function ServiceCard({ service }: { service: PortalService }) {
  const { t } = useI18n();
  const Icon = service.icon;
  const title = t(service.titleId);
  return (
    <li>
      <Card className="service-card" variant="outlined">
        <div className="service-head">
          <span className="service-icon" aria-hidden>
            <Icon />
          </span>
          <h3 className="service-title">{service.path ? <Link to={service.path}>{title}</Link> : title}</h3>
        </div>
        <p className="service-desc">{t(service.descId)}</p>
        {!service.path && <Tag className="service-soon">{t('common.comingSoon')}</Tag>}
      </Card>
    </li>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  usePageTitle('portal.title');
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero-inner">
          <p className="hero-eyebrow">{t('portal.eyebrow')}</p>
          <h1 id="hero-title" className="hero-title">
            {t('app.title')}
          </h1>
          <p className="hero-lead">{t('portal.lead')}</p>
        </div>
      </section>
      <section className="services" aria-labelledby="services-title">
        <h2 id="services-title" className="section-title">
          {t('portal.servicesHeading')}
        </h2>
        <ul className="service-grid">
          {portalServices.map((s) => (
            <ServiceCard key={s.key} service={s} />
          ))}
        </ul>
      </section>
    </>
  );
}
