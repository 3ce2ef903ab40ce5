// antd 5 mounts its wave effect and overlays through a render function React 19 removed; the official patch gives
// it createRoot. It must come before any antd import.
import '@ant-design/v5-patch-for-react-19';
import { App as AntApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/i18n';
import { SessionProvider } from './session';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AntApp>
        <SessionProvider>
          <App />
        </SessionProvider>
      </AntApp>
    </I18nProvider>
  </StrictMode>,
);
