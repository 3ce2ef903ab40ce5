import { Typography } from 'antd';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { NotificationList } from '../../../services/notify/NotificationList';

/** /console/services/notifications: an officer's messages (new cases, deadlines, bad ratings to follow up). */
export default function NotificationsPage() {
  const { t } = useI18n();
  usePageTitle('services.notify.title');
  return (
    <>
      <Typography.Title level={1}>{t('services.notify.title')}</Typography.Title>
      <NotificationList />
    </>
  );
}
