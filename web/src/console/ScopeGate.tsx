import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n, usePageTitle } from '../i18n/i18n';
import { useSession } from '../session';

function Forbidden({ scope }: { scope: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  usePageTitle('forbidden.title');
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('forbidden.title')}</h1>}
      subTitle={t('forbidden.subTitle', { scope })}
      extra={
        <Button type="primary" onClick={() => navigate('/console')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

/** Shows the page only to users holding `scope`; everyone else gets a 403 page, never a blank one. */
export function ScopeGate({ scope, children }: { scope: string | null; children: ReactNode }) {
  const { can } = useSession();
  if (scope && !can(scope)) return <Forbidden scope={scope} />;
  return children;
}
