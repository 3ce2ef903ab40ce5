import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { NotFound } from './components/NotFound';
import { PageSpinner } from './components/PageSpinner';

const PortalApp = lazy(() => import('./portal/PortalApp'));
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          <Route path="/" element={<Navigate to="/portal" replace />} />
          <Route path="/portal/*" element={<PortalApp />} />
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
