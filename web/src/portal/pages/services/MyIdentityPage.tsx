import { Alert } from 'antd';
import { useLocation } from 'react-router-dom';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { PrefillConsentsPanel } from '../../../services/cases/PrefillConsent';
import { IdentityPanel } from './IdentityPanel';
import './services-accounts.css';

/** /portal/services/me: the identity panel on its own page (also where sign-up lands). */
export default function MyIdentityPage() {
  const { t } = useI18n();
  usePageTitle('services.accounts.me.title');
  const signedUp = (useLocation().state as { signedUp?: boolean } | null)?.signedUp === true;
  return (
    <section className="page-section accounts-page">
      <h1>{t('services.accounts.me.title')}</h1>
      {signedUp && <Alert type="success" showIcon role="status" message={t('services.accounts.signup.done')} style={{ marginBottom: 12 }} />}
      <IdentityPanel />
      <PrefillConsentsPanel />
    </section>
  );
}
