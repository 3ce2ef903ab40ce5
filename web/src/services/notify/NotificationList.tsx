/** The signed-in user's notifications: newest first, unread filter, mark one or all read, more on demand. */
import { Button, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { announceNotificationsChanged } from './NotificationBell';
import { notifyApi, type NotificationItem } from './notifyApi';
import './notify.css';

const PAGE = 20;

export function NotificationList() {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (from: string | null) => {
      setLoading(true);
      try {
        const page = await notifyApi.list({ unread: filter === 'unread', cursor: from, limit: PAGE });
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setUnread(page.unread);
        setError(null);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [filter],
  );

  // The server renders in the user's language: load again when it changes.
  useEffect(() => {
    void load(null);
  }, [load, locale]);

  const markRead = async (n: NotificationItem) => {
    try {
      const r = await notifyApi.markRead(n.id);
      setUnread(r.unread);
      setItems((prev) => (filter === 'unread' ? prev.filter((x) => x.id !== n.id) : prev.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x))));
      announceNotificationsChanged();
    } catch (e) {
      setError(e);
    }
  };

  const markAll = async () => {
    try {
      await notifyApi.markAllRead();
      announceNotificationsChanged();
      await load(null);
    } catch (e) {
      setError(e);
    }
  };

  const when = (iso: string) => new Date(iso).toLocaleString(locale);

  return (
    <div className="notify-list">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('services.notify.filter')}
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          options={[
            { value: 'all', label: t('services.notify.all') },
            { value: 'unread', label: t('services.notify.unreadOnly') },
          ]}
        />
        <Typography.Text role="status">{t('services.notify.unreadCount', { count: unread })}</Typography.Text>
        <Button onClick={() => void markAll()} disabled={unread === 0}>
          {t('services.notify.markAllRead')}
        </Button>
      </Space>
      {error !== null && <ErrorAlert error={error} onRetry={() => void load(null)} />}
      <List
        loading={loading && items.length === 0}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('services.notify.empty')} /> }}
        renderItem={(n) => (
          <List.Item
            className={n.readAt ? 'notify-item' : 'notify-item notify-unread'}
            actions={[
              n.link ? (
                <Link key="open" to={n.link} onClick={() => !n.readAt && void markRead(n)}>
                  {t('services.notify.open')}
                </Link>
              ) : null,
              !n.readAt ? (
                <Button key="read" type="link" onClick={() => void markRead(n)} aria-label={t('services.notify.markReadOf', { title: n.title })}>
                  {t('services.notify.markRead')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  {!n.readAt && <Tag color="blue">{t('services.notify.new')}</Tag>}
                  <span>{n.title}</span>
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{n.body}</Typography.Paragraph>
                  <Typography.Text type="secondary">
                    <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {cursor && (
        <Button onClick={() => void load(cursor)} loading={loading}>
          {t('services.notify.more')}
        </Button>
      )}
    </div>
  );
}
