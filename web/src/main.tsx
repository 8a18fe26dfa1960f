import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppProviders } from './app/providers';
import { AppRouter } from './app/router';
import { readPageData } from './lib/page-data';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// A consumer page the server rendered carries its data: hydrate that markup with the same data.
const pageData = readPageData();
const app = (
  <AppProviders pageData={pageData}>
    <AppRouter />
  </AppProviders>
);
if (pageData) hydrateRoot(container, app);
else createRoot(container).render(app);

// The service worker keeps the app and the label keys, so a code opened with no network is still
// checked (decision record 0038). The server writes it for its build: none in development.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
