import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/NotFound';
import { ConsoleLayout } from './ConsoleLayout';
import { consoleNav } from './nav';
import LoginPage from './pages/LoginPage';
import { RequireAuth } from './RequireAuth';
import { ScopeGate } from './ScopeGate';

const relative = (path: string) => path.replace(/^\/console\/?/, '');

export default function ConsoleApp() {
  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <ConsoleLayout />
          </RequireAuth>
        }
      >
        {consoleNav.map(({ key, path, scope, page: Page, subRoutes }) => {
          const element = (
            <ScopeGate scope={scope}>
              <Page />
            </ScopeGate>
          );
          const sub = relative(path);
          return sub ? <Route key={key} path={subRoutes ? `${sub}/*` : sub} element={element} /> : <Route key={key} index element={element} />;
        })}
        <Route path="*" element={<NotFound home="/console" />} />
      </Route>
    </Routes>
  );
}
