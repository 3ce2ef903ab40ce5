import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { NotFound } from './components/NotFound';
import { PageSpinner } from './components/PageSpinner';

const PortalApp = lazy(() => import('./portal/PortalApp'));
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));

/** Public links printed on documents (the clearance QR code: /verify/clearance/:no) open in the portal. */
function ToPortal() {
  const { pathname, search } = useLocation();
  return <Navigate to={`/portal${pathname}${search}`} replace />;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          <Route path="/" element={<Navigate to="/portal" replace />} />
          <Route path="/portal/*" element={<PortalApp />} />
          <Route path="/verify/*" element={<ToPortal />} />
          <Route path="/console/*" element={<ConsoleApp />} />
          <Route
            path="*"
            element={
              <main id="main" className="bare-main">
                <NotFound home="/portal" />
              </main>
            }
          />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
