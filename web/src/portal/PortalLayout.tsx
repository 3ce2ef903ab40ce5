import { LoginOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { Brand } from '../components/Brand';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { PageSpinner } from '../components/PageSpinner';
import { SkipLink } from '../components/SkipLink';
import { NotificationBell } from '../services/notify/NotificationBell';
import { useI18n } from '../i18n/i18n';

export function PortalLayout() {
  const { t } = useI18n();
  return (
    <div className="portal">
      <SkipLink />
      <header className="portal-header">
        <div className="portal-bar">
          <Brand to="/portal" />
          <div className="portal-actions">
            <Link className="portal-login" to="/portal/services/cases">
              {t('services.cases.my.short')}
            </Link>
            <NotificationBell to="/portal/services/notifications" />
            <LanguageSwitcher className="lang-select" />
            <Link className="portal-login" to="/console/login">
              <LoginOutlined aria-hidden /> {t('portal.consoleLogin')}
            </Link>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <p>{t('portal.footer')}</p>
        <p>{t('portal.demoNotice')}</p>
      </footer>
    </div>
  );
}
