import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Brand } from '../components/Brand';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { PageSpinner } from '../components/PageSpinner';
import { SkipLink } from '../components/SkipLink';
import { NotificationBell } from '../services/notify/NotificationBell';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { orgName } from './format';
import { activeNavEntry, consoleNav } from './nav';

function UserBadge() {
  const { user } = useSession();
  const { t, locale } = useI18n();
  if (!user) return null;
  return (
    <div className="console-user">
      <UserOutlined aria-hidden />
      <span className="console-user-text">
        <span className="console-user-name">{user.displayName}</span>
        <span className="console-user-org">{user.org ? orgName(user.org, locale) : t('console.noOrg')}</span>
      </span>
    </div>
  );
}

function LogoutButton() {
  const { logout } = useSession();
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const onClick = () =>
    logout().then(
      () => navigate('/console/login'),
      (e: unknown) => void modal.error({ content: <ErrorAlert error={e} /> }),
    );
  return (
    <Button className="console-logout" icon={<LogoutOutlined aria-hidden />} onClick={onClick}>
      {t('console.logout')}
    </Button>
  );
}

function SideMenu({ onNavigate }: { onNavigate(): void }) {
  const { can } = useSession();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const active = activeNavEntry(pathname);
  const items = consoleNav
    .filter((e) => !e.hidden && (e.scope === null || can(e.scope)))
    .map((e) => ({ key: e.key, icon: <e.icon />, label: <Link to={e.path}>{t(e.labelId)}</Link> }));
  return (
    <nav aria-label={t('console.navLabel')}>
      <Menu mode="inline" selectedKeys={active ? [active.key] : []} items={items} className="console-menu" onClick={onNavigate} />
    </nav>
  );
}

export function ConsoleLayout() {
  const { t } = useI18n();
  /** Below the lg breakpoint the menu is an overlay, opened by a button in the header. */
  const [narrow, setNarrow] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuHidden = narrow && !menuOpen;
  return (
    <Layout className="console">
      <SkipLink />
      <Layout.Header className="console-header">
        {narrow && (
          <Button
            type="text"
            className="console-menu-toggle"
            icon={<MenuOutlined aria-hidden />}
            aria-label={t('console.menu')}
            aria-expanded={menuOpen}
            aria-controls="console-sider"
            onClick={() => setMenuOpen((open) => !open)}
          />
        )}
        <Brand to="/console" />
        <span className="console-section">{t('console.title')}</span>
        <div className="console-header-actions">
          <NotificationBell to="/console/services/notifications" />
          <UserBadge />
          <LanguageSwitcher className="lang-select" />
          <LogoutButton />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          id="console-sider"
          width={220}
          breakpoint="lg"
          collapsedWidth={0}
          trigger={null}
          collapsed={menuHidden}
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setMenuOpen(false);
          }}
          className={narrow ? 'console-sider console-sider-overlay' : 'console-sider'}
        >
          {!menuHidden && <SideMenu onNavigate={() => setMenuOpen(false)} />}
        </Layout.Sider>
        <Layout.Content id="main" tabIndex={-1} className="console-main">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
