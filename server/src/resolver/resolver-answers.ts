import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorFilter } from '../common/errors/error.filter.js';
import type { SpaShell } from '../web-app/spa-shell.js';
import { clientClassOf } from './client-class.js';
import type { Resolved, ResolverService } from './resolver.service.js';

const LINKSET_TYPE = 'application/linkset+json';
const JSON_TYPE = 'application/json; charset=utf-8';

export function setCors(reply: FastifyReply): void {
  reply
    .header('access-control-allow-origin', '*')
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

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  const pathOnly = (at === -1 ? url : url.slice(0, at)).replace(/\/+$/, '');
  return [pathOnly, at === -1 ? '' : url.slice(at)];
}

/**
 * The resolver's answers to a code: a linkset, the consumer view as JSON (with the scan's token),
 * or a 307 to the consumer page; a GET is a scan, a HEAD a machine checking the link.
 */
export class ResolverAnswers {
  constructor(
    private readonly resolver: ResolverService,
    private readonly shell: SpaShell,
    private readonly errors: ErrorFilter,
  ) {}

  async answer(request: FastifyRequest, reply: FastifyReply, resolve: () => Promise<Resolved>): Promise<void> {
    setCors(reply);
    const want = wanted(request);
    try {
      const resolved = await resolve();
      // Answered meanwhile: the request timed out.
      if (!reply.sent) await this.answerResolved(request, reply, want, resolved);
    } catch (error) {
      if (!reply.sent && !this.answerPage(error, want, reply)) this.errors.answer(error, request, reply);
    }
  }

  private async answerResolved(request: FastifyRequest, reply: FastifyReply, want: Wanted, resolved: Resolved): Promise<void> {
    const [pathOnly, query] = splitUrl(request.url);
    reply.header('link', `<${pathOnly}?linkType=linkset>; rel="linkset"; type="${LINKSET_TYPE}"`);
    if (want === 'linkset') {
      return void reply.type(LINKSET_TYPE).send(this.resolver.linkset(resolved, pathOnly));
    }
    if (resolved.kind === 'product') {
      if (want === 'json') {
        const view = await this.resolver.productView(resolved.productId);
        return void (reply.sent || reply.send(view));
      }
      return void reply.redirect(`${this.resolver.pagePath(resolved)}${query}`, 307);
    }
    const scanToken =
      request.method === 'GET'
        ? this.resolver.recordScan(resolved.batchId, request.ip, clientClassOf(request.headers['user-agent']))
        : undefined;
    if (want === 'json') {
      const json = await this.resolver.batchJson(resolved.batchId, scanToken);
      return void (reply.sent || reply.type(JSON_TYPE).send(json.body));
    }
    // The scan token rides in the fragment: the page reads it, and it never reaches a server log or a Referer.
    return void reply.redirect(`${this.resolver.pagePath(resolved)}${query}${scanToken ? `#scan=${scanToken}` : ''}`, 307);
  }

  /**
   * A person who scanned a code the portal cannot answer for (a broken code, an unknown lot, the
   * database away) gets the web app with the error status; machines get the error shape.
   */
  private answerPage(error: unknown, want: Wanted, reply: FastifyReply): boolean {
    return want === 'page' && this.shell.sendForError(error, reply);
  }
}
