import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import type { PageData, RenderPage } from '@nguon/shared';
import { batchPageMeta, productPageMeta, type PageMeta } from '@/features/public-view/utils/page-meta';
import { translator } from '@/lib/i18n';
import { pageDataScript } from '@/lib/page-data';
import { listPages } from './app/page-list';
import { AppProviders } from './app/providers';
import { routes } from './app/routes';

/** The router's pages and who each is for (the browser tests check the navigation reaches them). */
export const pages = listPages(routes);

/**
 * The server's entry to the web app (built by `vite build --ssr` to web/dist-ssr): renders a
 * consumer page with the same components and data the browser then hydrates.
 */
const handler = createStaticHandler(routes);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function metaOf(data: PageData): PageMeta {
  const texts = translator(data.locale);
  return data.page === 'batch' ? batchPageMeta(data.batch, texts) : productPageMeta(data.product, texts);
}

/** `<title>`, description, and the Open Graph / Twitter tags that link previews (Zalo, Facebook) read. */
function headOf(meta: PageMeta, url: string, data: PageData, defaultImageUrl: string): string {
  const tags: [string, string, string][] = [
    ['name', 'description', meta.description],
    ['property', 'og:type', data.page === 'batch' ? 'article' : 'website'],
    ['property', 'og:site_name', translator(data.locale).t('app.name')],
    ['property', 'og:locale', data.locale === 'vi' ? 'vi_VN' : 'en_GB'],
    ['property', 'og:title', meta.title],
    ['property', 'og:description', meta.description],
    ['property', 'og:image', meta.imageUrl ?? defaultImageUrl],
    ['property', 'og:url', url],
    ['name', 'twitter:card', meta.imageUrl ? 'summary_large_image' : 'summary'],
    ['name', 'twitter:title', meta.title],
    ['name', 'twitter:description', meta.description],
  ];
  return [
    `<title>${escapeHtml(meta.title)}</title>`,
    ...tags.map(([attribute, key, value]) => `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`),
  ].join('\n    ');
}

export const renderPage: RenderPage = async (url, data, defaultImageUrl) => {
  const context = await handler.query(new Request(url));
  // Only the consumer pages come here; none of them loads data or redirects through the router.
  if (context instanceof Response) throw new Error(`the router answered ${url} with a redirect`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const root = renderToString(
    <AppProviders pageData={data}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppProviders>,
  );
  // React puts the page's <title> first; the head already has it (the browser's app matches that one).
  const body = root.replace(/^<title>[^<]*<\/title>/, '');
  return { head: headOf(metaOf(data), url, data, defaultImageUrl), root: body, dataScript: pageDataScript(data) };
};
