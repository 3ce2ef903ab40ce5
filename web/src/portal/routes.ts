import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PortalRoute {
  /** Path below /portal; '' is the portal's home page. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
}

/** Public pages. Add a page here and it is routed, code-split and framed by the portal layout. */
export const portalRoutes: PortalRoute[] = [
  { path: '', page: lazy(() => import('./pages/HomePage')) },
  { path: 'open-data', page: lazy(() => import('./pages/open-data/OpenDataPage')) },
  { path: 'open-data/:id', page: lazy(() => import('./pages/open-data/OpenDatasetPage')) },
  { path: 'customs', page: lazy(() => import('./pages/customs/CustomsPortalPage')) },
  // The QR code of a printed clearance points at /verify/clearance/:no, which App.tsx sends here.
  { path: 'verify/clearance', page: lazy(() => import('./pages/customs/VerifyClearancePage')) },
  { path: 'verify/clearance/:no', page: lazy(() => import('./pages/customs/VerifyClearancePage')) },
  { path: 'registry', page: lazy(() => import('./pages/registry/RegistryPublicPage')) },
  // The QR code of a printed registry certificate points here.
  { path: 'registry/verify/:no', page: lazy(() => import('./pages/registry/VerifyPage')) },
  { path: 'services', page: lazy(() => import('./pages/services/ServicesPage')) },
  { path: 'services/items/:code', page: lazy(() => import('./pages/services/ServiceItemPage')) },
  { path: 'services/signup', page: lazy(() => import('./pages/services/SignupPage')) },
  { path: 'services/notifications', page: lazy(() => import('./pages/services/NotificationsPage')) },
  { path: 'services/me', page: lazy(() => import('./pages/services/MyIdentityPage')) },
  { path: 'services/apply/:code', page: lazy(() => import('./pages/services/ApplyPage')) },
  { path: 'services/cases', page: lazy(() => import('./pages/services/MyCasesPage')) },
  { path: 'services/cases/:id', page: lazy(() => import('./pages/services/CasePage')) },
  { path: 'benefits', page: lazy(() => import('./pages/benefits/MyBenefitsPage')) },
];
