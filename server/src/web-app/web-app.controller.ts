import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isLocale, LOCALE_COOKIE, pickLocale, type Locale } from '@nguon/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUUID } from 'class-validator';
import { DomainError } from '../common/errors/domain-error.js';
import { CONSUMER_CACHE_CONTROL, etagMatches } from '../common/http/consumer-caching.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { PageRenderer, type RenderedHtml } from './page-renderer.js';
import { pageStatusOf, SpaShell } from './spa-shell.js';

/** Paths of the API and the resolver: a miss there is a real 404, never a page. */
const NOT_PAGES = /^\/(api|epcis|01|q|\.well-known)(\/|$)/;
const LOCALE_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`);

/** The toggle's choice (a cookie, since the server cannot read localStorage), else the browser's languages. */
function localeOf(request: FastifyRequest): Locale {
  const chosen = LOCALE_COOKIE_PATTERN.exec(request.headers.cookie ?? '')?.[1];
  return isLocale(chosen) ? chosen : pickLocale(request.headers['accept-language']);
}

const wantsPage = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');

/**
 * Every other GET from a browser gets the web app's index.html; the app routes itself. The
 * consumer pages (a batch, a product) come rendered, with their content and link-preview tags.
 */
@ApiExcludeController()
@Controller()
export class WebAppController {
  constructor(
    private readonly shell: SpaShell,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('batches/:id')
  @RateLimited('public')
  batchPage(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.rendered(request, reply, id, (locale) => this.renderer.renderBatch(id, locale));
  }

  @Get('products/:id')
  @RateLimited('public')
  productPage(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.rendered(request, reply, id, (locale) => this.renderer.renderProduct(id, locale));
  }

  @Get(['/', '*'])
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    if (NOT_PAGES.test(request.url)) throw new DomainError('NOT_FOUND');
    this.sendShell(request, reply, 200);
  }

  /**
   * The rendered page, cacheable for a few seconds by the browser or a CDN (it differs by
   * language), with an ETag for a cheap revalidation. An unknown id gets the app with 404, the
   * database away the app with 503: the app then asks the API itself and explains.
   */
  private async rendered(request: FastifyRequest, reply: FastifyReply, id: string, render: (locale: Locale) => Promise<RenderedHtml | null>): Promise<void> {
    if (!wantsPage(request)) throw new DomainError('NOT_FOUND');
    if (!isUUID(id)) return this.sendShell(request, reply, 404);
    let page: RenderedHtml | null;
    try {
      page = await render(localeOf(request));
    } catch (error) {
      const status = pageStatusOf(error);
      if (status === null) throw error;
      if (status === 503) void reply.header('retry-after', '5');
      return this.sendShell(request, reply, status);
    }
    if (!page) return this.sendShell(request, reply, 200);
    void reply
      .header('vary', 'Accept-Language, Cookie')
      .header('cache-control', CONSUMER_CACHE_CONTROL)
      .header('etag', page.etag)
      .header('x-cache', page.cached ? 'HIT' : 'MISS');
    if (etagMatches(request.headers['if-none-match'], page.etag)) return void reply.status(304).send();
    void reply.type('text/html; charset=utf-8').send(page.html);
  }

  private sendShell(request: FastifyRequest, reply: FastifyReply, status: number): void {
    const html = this.shell.html;
    if (!html || !wantsPage(request)) throw new DomainError('NOT_FOUND');
    void reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  }
}
