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
  // The QR code of a printed clearance points at /verify/clearance/:no, which App.tsx sends here.
  { path: 'verify/clearance', page: lazy(() => import('./pages/customs/VerifyClearancePage')) },
  { path: 'verify/clearance/:no', page: lazy(() => import('./pages/customs/VerifyClearancePage')) },
  { path: 'registry', page: lazy(() => import('./pages/registry/RegistryPublicPage')) },
  // The QR code of a printed registry certificate points here.
  { path: 'registry/verify/:no', page: lazy(() => import('./pages/registry/VerifyPage')) },
];
