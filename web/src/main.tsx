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
