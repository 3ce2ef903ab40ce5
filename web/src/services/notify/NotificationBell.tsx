/** The bell with the number of unread notifications; polls every minute and when the tab regains focus. */
import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session';
import { notifyApi } from './notifyApi';
import './notify.css';

const POLL_MS = 60_000;

export function NotificationBell({ to, className }: { to: string; className?: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(() => {
    notifyApi.unreadCount().then(
      (r) => setUnread(r.unread),
      () => undefined, // the badge is a hint: a failed poll keeps the last number
    );
  }, []);

  useEffect(() => {
    if (!user) return;
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    const onFocus = () => refresh();
    window.addEventListener('focus', onFocus);
    window.addEventListener('landao:notifications-changed', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('landao:notifications-changed', onFocus);
    };
  }, [user, refresh]);

  if (!user) return null;
  const label = unread > 0 ? t('services.notify.bellUnread', { count: unread }) : t('services.notify.bell');
  return (
    <Link to={to} className={className ? `notify-bell ${className}` : 'notify-bell'} aria-label={label} title={label}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined aria-hidden style={{ fontSize: 18 }} />
      </Badge>
    </Link>
  );
}

/** Tells the bell to refresh now (after marking notifications read on a page). */
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event('landao:notifications-changed'));
}
