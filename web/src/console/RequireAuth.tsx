import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';

/** Renders its children for a signed-in user; otherwise sends the browser to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, user, reload } = useSession();
  const { t } = useI18n();
  const location = useLocation();

  if (status === 'loading' && !user) return <PageSpinner />;
  if (status === 'error' && !user)
    return (
      <main id="main" className="bare-main">
        <Result
          status="error"
          title={<h1 className="result-title">{t('error.title')}</h1>}
          subTitle={t('error.network')}
          extra={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      </main>
    );
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={`/console/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
