import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppProvider } from './app/provider';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

// make dev PROFILE=frontend: the dev server runs with VITE_API_MOCK=1 and no API behind it. The
// import is dead code in a production build (import.meta.env.DEV is false there).
const mocked =
  import.meta.env.DEV && import.meta.env.VITE_API_MOCK === '1'
    ? import('./testing/browser').then((m) => m.startMockApi())
    : Promise.resolve();

void mocked.then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProvider>
        <App />
      </AppProvider>
    </StrictMode>,
  ),
);
