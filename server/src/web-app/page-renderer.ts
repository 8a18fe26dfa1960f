import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Locale, PageData, PublicBatchView, RenderPage } from '@nguon/shared';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { BatchViewCache } from '../common/cache/batch-view-cache.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PublicBatchService } from '../public-view/public-batch.service.js';
import { PublicProductService } from '../public-view/public-product.service.js';
import { pageTemplate } from './page-template.js';
import { SpaShell } from './spa-shell.js';

export interface RenderedHtml {
  html: string;
  /** The same, compressed once for the cache's life instead of for every visitor. */
  gzipped: Buffer;
  etag: string;
  /** Served from the cache, not rendered for this request. */
  cached: boolean;
}

/** About 30 kB each: the cache stays under about 60 MB. */
const CAPACITY = 2_000;
/**
 * Events and recalls drop a page at once; the time limit bounds what is not tracked per batch:
 * the scan count shown, and a product page's list of batches when a new one is registered.
 */
const TTL_MS = 60_000;

/** The web app's server entry, and index.html as the template its pages go into. */
interface ServerEntry {
  renderPage: RenderPage;
  fill: NonNullable<ReturnType<typeof pageTemplate>>;
}

/** What a page is rendered from, where it lives, and the batches whose change makes it stale. */
interface PageSource {
  data: PageData;
  path: string;
  dependsOn: string[];
}

/** The batches whose records a batch page shows: a change to any of them makes the page stale. */
function batchesShownOn(view: PublicBatchView): string[] {
  return [
    view.id,
    ...view.sources.map((s) => s.id),
    ...view.timeline.flatMap((e) => (e.fromBatch ? [e.fromBatch.id] : [])),
    ...(view.recall?.source ? [view.recall.source.id] : []),
  ];
}

/**
 * Renders the consumer pages (a batch, a product) on the server with the web app's own server
 * entry, so they arrive complete (content, language, link-preview tags), and keeps the HTML per
 * page and language until a batch it shows changes. Without the server entry (a development
 * build), `renderBatch` and `renderProduct` answer null and the browser renders the page as before.
 */
@Injectable()
export class PageRenderer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PageRenderer.name);
  private readonly cache = new BatchViewCache<RenderedHtml>(CAPACITY, TTL_MS);
  private readonly unsubscribe: () => void;
  /** Null renders nothing: the browser renders the pages. */
  private entry: ServerEntry | null = null;
  /** Renders under way: many visitors of a page that just left the cache wait for one render. */
  private readonly rendering = new Map<string, Promise<RenderedHtml | null>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly shell: SpaShell,
    private readonly batches: PublicBatchService,
    private readonly products: PublicProductService,
    changes: BatchChanges,
  ) {
    this.unsubscribe = changes.subscribe({
      batchesChanged: (ids) => {
        this.rendering.clear();
        this.cache.invalidate(ids);
      },
      everythingChanged: () => {
        this.rendering.clear();
        this.cache.clear();
      },
    });
  }

  async onModuleInit(): Promise<void> {
    const file = this.config.webSsrDir ? path.join(this.config.webSsrDir, 'entry-server.js') : null;
    if (!file || !this.shell.html || !existsSync(file)) return;
    const fill = pageTemplate(this.shell.html);
    if (!fill) return void this.logger.warn('index.html has no <title> or root element: consumer pages are rendered in the browser');
    const { renderPage } = (await import(pathToFileURL(file).href)) as { renderPage: RenderPage };
    this.entry = { renderPage, fill };
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** Throws what the public view throws: BATCH_NOT_FOUND, or the database being away. */
  renderBatch(batchId: string, locale: Locale): Promise<RenderedHtml | null> {
    return this.cached(`batch:${batchId}:${locale}`, async () => {
      const batch = await this.batches.getPublicBatch(batchId);
      return { data: { page: 'batch', locale, batch }, path: `/batches/${batchId}`, dependsOn: batchesShownOn(batch) };
    });
  }

  /** The batch page when it is in memory (the memory lane's question), else undefined. */
  batchPageFromMemory(batchId: string, locale: Locale): RenderedHtml | undefined {
    const hit = this.entry ? this.cache.get(`batch:${batchId}:${locale}`) : undefined;
    return hit && { ...hit, cached: true };
  }

  /** Throws PRODUCT_NOT_FOUND, or the database being away. */
  renderProduct(productId: string, locale: Locale): Promise<RenderedHtml | null> {
    return this.cached(`product:${productId}:${locale}`, async () => {
      const product = await this.products.getPublicProduct(productId);
      return { data: { page: 'product', locale, product }, path: `/products/${productId}`, dependsOn: product.batches.map((b) => b.id) };
    });
  }

  private cached(key: string, load: () => Promise<PageSource>): Promise<RenderedHtml | null> {
    const entry = this.entry;
    if (!entry) return Promise.resolve(null);
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve({ ...hit, cached: true });
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const job = this.render(key, load, entry).finally(() => {
      if (this.rendering.get(key) === job) this.rendering.delete(key);
    });
    this.rendering.set(key, job);
    return job;
  }

  private async render(key: string, load: () => Promise<PageSource>, { renderPage, fill }: ServerEntry): Promise<RenderedHtml | null> {
    const ticket = this.cache.ticket();
    const { data, path: pagePath, dependsOn } = await load();
    const base = this.config.publicBaseUrl;
    let html: string;
    try {
      html = fill(await renderPage(`${base}${pagePath}`, data, `${base}/og-image.png`), data.locale);
    } catch (error) {
      // A bug in rendering: the visitor still gets the page, rendered by the browser.
      this.logger.error(`could not render ${pagePath}`, (error as Error)?.stack ?? String(error));
      return null;
    }
    // Weak: the gzip and plain forms are the same page.
    const page = {
      html,
      gzipped: gzipSync(html),
      etag: `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
      cached: false,
    };
    // Sent either way, but kept only if nothing it shows changed meanwhile (a recall must not be cached away).
    this.cache.set(key, page, dependsOn, ticket);
    return page;
  }
}
