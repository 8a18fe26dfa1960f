import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isLocale, LOCALE_COOKIE, pickLocale, type Locale } from '@nguon/shared';
import { isUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import type { ErrorFilter } from '../common/errors/error.filter.js';
import { CONSUMER_CACHE_CONTROL, etagMatches } from '../common/http/consumer-caching.js';
import { publicRoutes } from '../common/http/public-route.js';
import { PageRenderer, type RenderedHtml } from './page-renderer.js';
import { SpaShell, wantsPage } from './spa-shell.js';

const LOCALE_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`);

/** The toggle's choice (a cookie, since the server cannot read localStorage), else the browser's languages. */
function localeOf(request: FastifyRequest): Locale {
  const chosen = LOCALE_COOKIE_PATTERN.exec(request.headers.cookie ?? '')?.[1];
  return isLocale(chosen) ? chosen : pickLocale(request.headers['accept-language']);
}

/** gzip listed in Accept-Encoding and not refused with q=0. */
function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return (coding === 'gzip' || coding === '*') && !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
  });
}

/**
 * The consumer pages (a batch, a product), where the resolver's 307 sends a shopper, as plain
 * Fastify routes like the scan routes (decision record 0015): rendered once per page and language,
 * then sent from memory, compressed once with the entry. An unknown id gets the app with 404, the
 * database away the app with 503: the app then asks the API itself and explains.
 */
export function registerPageRoutes(nest: NestFastifyApplication, errors: ErrorFilter): void {
  const fastify = nest.getHttpAdapter().getInstance();
  const limited = publicRoutes(nest, errors);
  const renderer = nest.get(PageRenderer);
  const shell = nest.get(SpaShell);

  const rendered = (render: (id: string, locale: Locale) => Promise<RenderedHtml | null>) =>
    limited(async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!wantsPage(request)) throw new DomainError('NOT_FOUND');
      if (!isUUID(id)) return shell.send(request, reply, 404);
      let page: RenderedHtml | null;
      try {
        page = await render(id, localeOf(request));
      } catch (error) {
        if (!shell.sendForError(error, reply)) throw error;
        return;
      }
      if (reply.sent) return; // timed out meanwhile
      if (!page) return shell.send(request, reply, 200);
      send(request, reply, page);
    });

  fastify.get(
    '/batches/:id',
    rendered((id, locale) => renderer.renderBatch(id, locale)),
  );
  fastify.get(
    '/products/:id',
    rendered((id, locale) => renderer.renderProduct(id, locale)),
  );
}

/** The page with its ETag (304 when the browser holds it), gzip from the cache entry when accepted. */
function send(request: FastifyRequest, reply: FastifyReply, page: RenderedHtml): void {
  void reply
    .header('vary', 'Accept-Language, Cookie, Accept-Encoding')
    .header('cache-control', CONSUMER_CACHE_CONTROL)
    .header('etag', page.etag)
    .header('x-cache', page.cached ? 'HIT' : 'MISS');
  if (etagMatches(request.headers['if-none-match'], page.etag)) return void reply.status(304).send();
  void reply.type('text/html; charset=utf-8');
  if (acceptsGzip(request)) return void reply.header('content-encoding', 'gzip').send(page.gzipped);
  void reply.send(page.html);
}
