import { ApartmentOutlined, AuditOutlined, BankOutlined, BarChartOutlined, DatabaseOutlined, ExclamationCircleOutlined, FileProtectOutlined, GlobalOutlined, HomeOutlined, ProfileOutlined, ScanOutlined, ScheduleOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { BellOutlined, FundOutlined, InboxOutlined, LikeOutlined } from '@ant-design/icons';
import { ContainerOutlined } from '@ant-design/icons';
import { AccountBookOutlined, GiftOutlined, PieChartOutlined } from '@ant-design/icons';
import { CloudUploadOutlined, ControlOutlined, ThunderboltOutlined } from '@ant-design/icons';
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
  /** The page routes paths below its own (e.g. /console/customs/declarations/12) with its own <Routes>. */
  subRoutes?: boolean;
  /** Routed but not listed in the side menu (a page reached from another, e.g. one case from the inbox). */
  hidden?: boolean;
}

/**
 * The console's pages, in menu order. Each entry is routed, code-split, listed in the side menu for
 * users holding its scope, and answered with a 403 page for everyone else.
 */
export const consoleNav: NavEntry[] = [
  { key: 'home', path: '/console', labelId: 'nav.home', icon: HomeOutlined, scope: null, page: lazy(() => import('./pages/HomePage')) },
  { key: 'scan', path: '/console/scan', labelId: 'nav.scan', icon: ScanOutlined, scope: 'detection:scan', page: lazy(() => import('./pages/ScanPage')) },
  { key: 'customs-declarations', path: '/console/customs/declarations', labelId: 'nav.customsDeclarations', icon: GlobalOutlined, scope: 'customs.declarations:read', page: lazy(() => import('./pages/customs/DeclarationsPage')), subRoutes: true },
  { key: 'customs-statistics', path: '/console/customs/statistics', labelId: 'nav.customsStatistics', icon: BarChartOutlined, scope: 'customs.statistics:read', page: lazy(() => import('./pages/customs/StatisticsPage')) },
  // Everyone who reads declarations sees the catalog and lists read-only; customs.reference:write edits them.
  { key: 'customs-reference', path: '/console/customs/reference', labelId: 'nav.customsReference', icon: ProfileOutlined, scope: 'customs.declarations:read', page: lazy(() => import('./pages/customs/ReferencePage')) },
  { key: 'registry', path: '/console/registry', labelId: 'nav.registry', icon: FileProtectOutlined, scope: 'registry:read', page: lazy(() => import('./pages/registry/RegistryPage')) },
  { key: 'registry-pledges', path: '/console/registry-pledges', labelId: 'nav.registryPledges', icon: BankOutlined, scope: 'registry:pledge', page: lazy(() => import('./pages/registry/PledgesPage')) },
  { key: 'services-items', path: '/console/services/items', labelId: 'services.items.nav', icon: ProfileOutlined, scope: 'services.items:write', page: lazy(() => import('./pages/services/ItemsPage')) },
  { key: 'services-notifications', path: '/console/services/notifications', labelId: 'services.notify.nav', icon: BellOutlined, scope: null, page: lazy(() => import('./pages/services/NotificationsPage')) },
  { key: 'services-inbox', path: '/console/services/inbox', labelId: 'services.cases.inbox.nav', icon: InboxOutlined, scope: 'services.cases:handle', page: lazy(() => import('./pages/services/InboxPage')) },
  // One case, opened from the inbox or the overdue list; the server decides who may see it.
  { key: 'services-case', path: '/console/services/cases', labelId: 'services.cases.inbox.nav', icon: InboxOutlined, scope: null, page: lazy(() => import('./pages/services/CaseHandlingRoutes')), subRoutes: true, hidden: true },
  { key: 'services-statistics', path: '/console/services/statistics', labelId: 'services.cases.stats.nav', icon: FundOutlined, scope: 'services.statistics:read:all', page: lazy(() => import('./pages/services/CaseStatisticsPage')) },
  { key: 'services-ratings', path: '/console/services/ratings', labelId: 'services.ratings.nav', icon: LikeOutlined, scope: 'services.ratings:read', page: lazy(() => import('./pages/services/RatingsPage')) },
  { key: 'benefits-sources', path: '/console/benefits/sources', labelId: 'benefits.engine.sources.nav', icon: CloudUploadOutlined, scope: 'benefits.sources:read', page: lazy(() => import('./pages/benefits/SourcesPage')) },
  { key: 'benefits-policies', path: '/console/benefits/policies', labelId: 'benefits.engine.policies.nav', icon: ControlOutlined, scope: 'benefits.policies:read', page: lazy(() => import('./pages/benefits/PoliciesPage')) },
  { key: 'benefits-runs', path: '/console/benefits/runs', labelId: 'benefits.engine.runs.nav', icon: ThunderboltOutlined, scope: 'benefits.runs:read', page: lazy(() => import('./pages/benefits/RunsPage')) },
  { key: 'benefits-payouts', path: '/console/benefits/payouts', labelId: 'benefits.payouts.nav', icon: GiftOutlined, scope: 'benefits.payouts:read', page: lazy(() => import('./pages/benefits/PayoutsPage')) },
  { key: 'benefits-payment-batches', path: '/console/benefits/payment-batches', labelId: 'benefits.batches.nav', icon: AccountBookOutlined, scope: 'benefits.payments:manage', page: lazy(() => import('./pages/benefits/PaymentBatchesPage')) },
  { key: 'benefits-statistics', path: '/console/benefits/statistics', labelId: 'benefits.stats.nav', icon: PieChartOutlined, scope: 'benefits.payouts:read', page: lazy(() => import('./pages/benefits/BenefitStatisticsPage')) },
  { key: 'archives', path: '/console/archives', labelId: 'archives.nav', icon: ContainerOutlined, scope: 'archives:read', page: lazy(() => import('./pages/archives/ArchivesPage')) },
  { key: 'audit', path: '/console/audit', labelId: 'nav.audit', icon: AuditOutlined, scope: 'audit:read', page: lazy(() => import('./pages/AuditPage')) },
  { key: 'users', path: '/console/users', labelId: 'nav.users', icon: TeamOutlined, scope: 'identity.users:read', page: lazy(() => import('./pages/UsersPage')) },
  { key: 'orgs', path: '/console/orgs', labelId: 'nav.orgs', icon: ApartmentOutlined, scope: 'identity.orgs:read', page: lazy(() => import('./pages/OrgsPage')) },
  { key: 'catalog', path: '/console/catalog', labelId: 'nav.catalog', icon: DatabaseOutlined, scope: 'catalog:read', page: lazy(() => import('./pages/catalog/CatalogPage')) },
  { key: 'exchange', path: '/console/exchange', labelId: 'nav.exchange', icon: SwapOutlined, scope: 'exchange:read', page: lazy(() => import('./pages/exchange/ExchangePage')) },
  { key: 'data-quality', path: '/console/data-quality', labelId: 'nav.dataQuality', icon: ExclamationCircleOutlined, scope: 'catalog.quality:read', page: lazy(() => import('./pages/catalog/QualityIssuesPage')) },
  { key: 'jobs', path: '/console/jobs', labelId: 'nav.jobs', icon: ScheduleOutlined, scope: 'jobs:read', page: lazy(() => import('./pages/JobsPage')) },
];

/** The entry whose path is the longest prefix of `pathname`. */
export function activeNavEntry(pathname: string): NavEntry | undefined {
  return consoleNav
    .filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
