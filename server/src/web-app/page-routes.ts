import type { IncomingHttpHeaders } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isLocale, LOCALE_COOKIE, pickLocale, type Locale } from '@nguon/shared';
import { isUUID } from 'class-validator';
import { DomainError } from '../common/errors/domain-error.js';
import type { ErrorFilter } from '../common/errors/error.filter.js';
import { sendAnswer, type Answer } from '../common/http/answer.js';
import { CONSUMER_CACHE_CONTROL, etagMatches } from '../common/http/consumer-caching.js';
import { compressedByFastify, type MemoryLane, type MemoryRoute } from '../common/http/memory-lane.js';
import { publicRoutes } from '../common/http/public-route.js';
import { PageRenderer, type RenderedHtml } from './page-renderer.js';
import { SpaShell, wantsPage } from './spa-shell.js';

const LOCALE_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`);

/** The toggle's choice (a cookie, since the server cannot read localStorage), else the browser's languages. */
function localeOf(request: { headers: IncomingHttpHeaders }): Locale {
  const chosen = LOCALE_COOKIE_PATTERN.exec(request.headers.cookie ?? '')?.[1];
  return isLocale(chosen) ? chosen : pickLocale(request.headers['accept-language']);
}

/** gzip listed in Accept-Encoding and not refused with q=0. */
function acceptsGzip(header: string | undefined): boolean {
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
 * database away the app with 503: the app then asks the API itself and explains. A batch page in
 * memory is answered by the memory lane, before Fastify.
 */
export function registerPageRoutes(nest: NestFastifyApplication, errors: ErrorFilter, lane: MemoryLane): void {
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
      sendAnswer(reply, pageAnswer(request, page));
    });

  fastify.get(
    '/batches/:id',
    rendered((id, locale) => renderer.renderBatch(id, locale)),
  );
  fastify.get(
    '/products/:id',
    rendered((id, locale) => renderer.renderProduct(id, locale)),
  );
  lane.route('/batches/', batchPageFromMemory(renderer));
}

/** The page with its ETag (304 when the browser holds it), gzip from the cache entry when accepted. */
function pageAnswer(request: { headers: IncomingHttpHeaders }, page: RenderedHtml): Answer {
  const headers: Record<string, string> = {
    vary: 'Accept-Language, Cookie, Accept-Encoding',
    'cache-control': CONSUMER_CACHE_CONTROL,
    etag: page.etag,
    'x-cache': page.cached ? 'HIT' : 'MISS',
  };
  if (etagMatches(request.headers['if-none-match'], page.etag)) return { status: 304, headers };
  headers['content-type'] = 'text/html; charset=utf-8';
  if (!acceptsGzip(request.headers['accept-encoding'])) return { status: 200, headers, body: page.html };
  headers['content-encoding'] = 'gzip';
  return { status: 200, headers, body: page.gzipped };
}

/**
 * A batch page from memory (the memory lane, decision record 0019), as the route sends it; a
 * client that takes only another compression gets it from Fastify, which compresses.
 */
function batchPageFromMemory(renderer: PageRenderer): MemoryRoute {
  return (request, url) => {
    const id = url.slice('/batches/'.length);
    const page = wantsPage(request) && isUUID(id) ? renderer.batchPageFromMemory(id, localeOf(request)) : undefined;
    const answer = page && pageAnswer(request, page);
    return answer && !compressedByFastify(request, answer) ? () => answer : undefined;
  };
}
