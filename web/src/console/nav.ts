import { ApartmentOutlined, AuditOutlined, HomeOutlined, ScanOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageId } from '../i18n/i18n';

export interface NavEntry {
  key: string;
  /** Full URL path; '/console' is the console's home. */
  path: string;
  labelId: MessageId;
  icon: ComponentType;
  /** Scope the page requires; null when any signed-in user may open it. */
  scope: string | null;
  page: LazyExoticComponent<ComponentType>;
}

/**
 * The console's pages, in menu order. Each entry is routed, code-split, listed in the side menu for
 * users holding its scope, and answered with a 403 page for everyone else.
 */
export const consoleNav: NavEntry[] = [
  { key: 'home', path: '/console', labelId: 'nav.home', icon: HomeOutlined, scope: null, page: lazy(() => import('./pages/HomePage')) },
  { key: 'scan', path: '/console/scan', labelId: 'nav.scan', icon: ScanOutlined, scope: 'detection:scan', page: lazy(() => import('./pages/ScanPage')) },
  { key: 'audit', path: '/console/audit', labelId: 'nav.audit', icon: AuditOutlined, scope: 'audit:read', page: lazy(() => import('./pages/AuditPage')) },
  { key: 'users', path: '/console/users', labelId: 'nav.users', icon: TeamOutlined, scope: 'identity.users:read', page: lazy(() => import('./pages/UsersPage')) },
  { key: 'orgs', path: '/console/orgs', labelId: 'nav.orgs', icon: ApartmentOutlined, scope: 'identity.orgs:read', page: lazy(() => import('./pages/OrgsPage')) },
  { key: 'jobs', path: '/console/jobs', labelId: 'nav.jobs', icon: ScheduleOutlined, scope: 'jobs:read', page: lazy(() => import('./pages/JobsPage')) },
];

/** The entry whose path is the longest prefix of `pathname`. */
export function activeNavEntry(pathname: string): NavEntry | undefined {
  return consoleNav
    .filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
