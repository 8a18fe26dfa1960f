import type { Locale } from '../i18n/locale.js';
import type { PublicBatchView, PublicProductView } from './public-batch.js';

/**
 * What the server renders a consumer page from. The same data is embedded in the page, so the
 * app hydrates what the server rendered without asking for it again.
 */
export type PageData =
  { page: 'batch'; locale: Locale; batch: PublicBatchView } | { page: 'product'; locale: Locale; product: PublicProductView };

/** A page rendered by the web app's server entry, in pieces the server puts into index.html. */
export interface RenderedPage {
  /** `<title>`, description, Open Graph and Twitter tags. */
  head: string;
  /** The markup inside `<div id="root">`. */
  root: string;
  /** The `<script>` carrying the page's data, escaped so no value can close it. */
  dataScript: string;
}

/**
 * The web app's server entry (web/src/entry-server.tsx, built to web/dist-ssr). `url` is the page's
 * absolute address (Open Graph wants one); `defaultImageUrl` stands in when a product has no image.
 */
export type RenderPage = (url: string, data: PageData, defaultImageUrl: string) => Promise<RenderedPage>;
