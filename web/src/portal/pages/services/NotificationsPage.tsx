import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { NotificationList } from '../../../services/notify/NotificationList';
import { useSession } from '../../../session';

/** /portal/services/notifications: the citizen's messages about their cases and ratings. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const { user, status } = useSession();
  usePageTitle('services.notify.title');
  return (
    <section className="page-section">
      <h1>{t('services.notify.title')}</h1>
      {status === 'ready' && !user ? (
        <Alert type="info" showIcon message={t('services.notify.signInFirst')} description={<Link to="/portal/services/me">{t('services.notify.signInLink')}</Link>} />
      ) : (
        user && <NotificationList />
      )}
    </section>
  );
}
