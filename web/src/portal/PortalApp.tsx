import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/NotFound';
import { PortalLayout } from './PortalLayout';
import { portalRoutes } from './routes';

export default function PortalApp() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        {portalRoutes.map(({ path, page: Page }) =>
          path ? <Route key={path} path={path} element={<Page />} /> : <Route key="" index element={<Page />} />,
        )}
        <Route path="*" element={<NotFound home="/portal" />} />
      </Route>
    </Routes>
  );
}
