import { Controller, Get, Options, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ERROR_CODES } from '@nguon/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../common/errors/database-unavailable.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { SpaShell } from '../web-app/spa-shell.js';
import { clientClassOf } from './client-class.js';
import { ResolverService, type Resolved } from './resolver.service.js';

const LINKSET_TYPE = 'application/linkset+json';
const JSON_TYPE = 'application/json; charset=utf-8';

function setCors(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*')
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
    .header('access-control-allow-headers', 'Accept, Accept-Language')
    .header('access-control-expose-headers', 'Link, Location')
    .header('vary', 'Accept, Accept-Language');
}

type Wanted = 'linkset' | 'json' | 'page';

/** What the client asked for: `?linkType=linkset` or the Accept header decide. */
function wanted(request: FastifyRequest): Wanted {
  const linkType = (request.query as Record<string, string | undefined>).linkType;
  const accept = request.headers.accept ?? '';
  if (linkType === 'linkset' || linkType === 'all' || accept.includes(LINKSET_TYPE)) return 'linkset';
  if (accept.includes('text/html')) return 'page';
  if (accept.includes('application/json')) return 'json';
  return 'page';
}

/** GS1-Conformant resolver for the codes on packages: Digital Link paths and short codes. */
@ApiExcludeController()
@RateLimited('public')
@Controller()
export class ResolverController {
  constructor(
    private readonly resolver: ResolverService,
    private readonly shell: SpaShell,
  ) {}

  @Get('.well-known/gs1resolver')
  describe(@Res({ passthrough: true }) reply: FastifyReply): Record<string, unknown> {
    setCors(reply);
    return this.resolver.description();
  }

  @Get('01/*')
  digitalLink(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(request, reply, () => this.resolver.resolveDigitalLink(request.url));
  }

  @Get('q/:code')
  shortCode(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(request, reply, () => this.resolver.resolveShortCode(code));
  }

  @Options(['01/*', 'q/:code', '.well-known/gs1resolver'])
  preflight(@Res() reply: FastifyReply): void {
    setCors(reply);
    void reply.header('allow', 'GET, HEAD, OPTIONS').status(204).send();
  }

  private async answer(request: FastifyRequest, reply: FastifyReply, resolve: () => Promise<Resolved>): Promise<void> {
    setCors(reply);
    const want = wanted(request);
    try {
      await this.answerResolved(request, reply, want, await resolve());
    } catch (error) {
      this.answerPage(error, want, reply);
    }
  }

  private async answerResolved(request: FastifyRequest, reply: FastifyReply, want: Wanted, resolved: Resolved): Promise<void> {
    const [pathOnly, query] = splitUrl(request.url);
    reply.header('link', `<${pathOnly}?linkType=linkset>; rel="linkset"; type="${LINKSET_TYPE}"`);
    if (want === 'linkset') {
      return void reply.type(LINKSET_TYPE).send(this.resolver.linkset(resolved, pathOnly));
    }
    if (resolved.kind === 'product') {
      if (want === 'json') return void reply.send(await this.resolver.productView(resolved.productId));
      return void reply.redirect(`${this.resolver.pagePath(resolved)}${query}`, 307);
    }
    // HEAD is a machine checking the link, not someone opening the code.
    const scanToken = request.method === 'GET' ? this.resolver.recordScan(resolved.batchId, request.ip, clientClassOf(request.headers['user-agent'])) : undefined;
    if (want === 'json') {
      const json = await this.resolver.batchJson(resolved.batchId, scanToken);
      return void reply.type(JSON_TYPE).send(json.body);
    }
    // The scan token rides in the fragment: the page reads it, and it never reaches a server log or a Referer.
    return void reply.redirect(`${this.resolver.pagePath(resolved)}${query}${scanToken ? `#scan=${scanToken}` : ''}`, 307);
  }

  /**
   * A person who scanned a code the portal cannot answer for (a broken code, an unknown lot, the
   * database away) gets the web app, which asks again for JSON and explains, with the error status.
   * Machines get the error shape from the one filter.
   */
  private answerPage(error: unknown, want: Wanted, reply: FastifyReply): void {
    const status = error instanceof DomainError ? ERROR_CODES[error.code].status : isDatabaseUnavailable(error) ? 503 : null;
    if (status === null || want !== 'page' || !this.shell.html) throw error;
    if (status === 503) void reply.header('retry-after', '5');
    void reply.status(status).type('text/html; charset=utf-8').send(this.shell.html);
  }
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  const pathOnly = (at === -1 ? url : url.slice(0, at)).replace(/\/+$/, '');
  return [pathOnly, at === -1 ? '' : url.slice(at)];
}
