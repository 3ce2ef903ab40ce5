import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PortalRoute {
  /** Path below /portal; '' is the portal's home page. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
}

/** Public pages. Add a page here and it is routed, code-split and framed by the portal layout. */
export const portalRoutes: PortalRoute[] = [{ path: '', page: lazy(() => import('./pages/HomePage')) }];
