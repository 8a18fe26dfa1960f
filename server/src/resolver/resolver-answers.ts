import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendAnswer, type Answer, type AnswerBody } from '../common/http/answer.js';
import type { ErrorFilter } from '../common/errors/error.filter.js';
import type { SpaShell } from '../web-app/spa-shell.js';
import { clientClassOf } from './client-class.js';
import type { Resolved, ResolverService } from './resolver.service.js';

const LINKSET_TYPE = 'application/linkset+json';
/** The type of the consumer view a scan answers with. */
export const JSON_TYPE = 'application/json; charset=utf-8';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, Accept-Language',
  'access-control-expose-headers': 'Link, Location',
  vary: 'Accept, Accept-Language',
};

export function setCors(reply: FastifyReply): void {
  void reply.headers(CORS);
}

export type Wanted = 'linkset' | 'json' | 'page';

/** What the client asked for: `?linkType=linkset` or the Accept header decide. */
export function wanted(linkType: string | undefined, accept = ''): Wanted {
  if (linkType === 'linkset' || linkType === 'all' || accept.includes(LINKSET_TYPE)) return 'linkset';
  if (accept.includes('text/html')) return 'page';
  if (accept.includes('application/json')) return 'json';
  return 'page';
}

export function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  const pathOnly = (at === -1 ? url : url.slice(0, at)).replace(/\/+$/, '');
  return [pathOnly, at === -1 ? '' : url.slice(at)];
}

const linkHeader = (pathOnly: string) => `<${pathOnly}?linkType=linkset>; rel="linkset"; type="${LINKSET_TYPE}"`;

/**
 * A batch's code answered: its consumer view as JSON (with the scan's token) when `json` is given,
 * else a 307 to its page. The scan token rides in the fragment: the page reads it, and it never
 * reaches a server log or a Referer.
 */
export function batchScanAnswer(
  pathOnly: string,
  query: string,
  pagePath: string,
  scanToken: string | undefined,
  json?: AnswerBody,
): Answer {
  const link = linkHeader(pathOnly);
  if (json !== undefined) return { status: 200, headers: { ...CORS, link, 'content-type': JSON_TYPE }, body: json };
  return { status: 307, headers: { ...CORS, link, location: `${pagePath}${query}${scanToken ? `#scan=${scanToken}` : ''}` } };
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
    const want = wanted((request.query as Record<string, string | undefined>).linkType, request.headers.accept);
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
    if (want === 'linkset') {
      return void reply.header('link', linkHeader(pathOnly)).type(LINKSET_TYPE).send(this.resolver.linkset(resolved, pathOnly));
    }
    if (resolved.kind === 'batch') {
      const scanToken =
        request.method === 'GET'
          ? this.resolver.recordScan(resolved.batchId, request.ip, clientClassOf(request.headers['user-agent']))
          : undefined;
      const json = want === 'json' ? (await this.resolver.batchJson(resolved.batchId, scanToken)).body : undefined;
      return void (reply.sent || sendAnswer(reply, batchScanAnswer(pathOnly, query, this.resolver.pagePath(resolved), scanToken, json)));
    }
    void reply.header('link', linkHeader(pathOnly));
    if (want === 'page') return void reply.redirect(`${this.resolver.pagePath(resolved)}${query}`, 307);
    const view = await this.resolver.productView(resolved.productId);
    if (!reply.sent) void reply.send(view);
  }

  /**
   * A person who scanned a code the portal cannot answer for (a broken code, an unknown lot, the
   * database away) gets the web app with the error status; machines get the error shape.
   */
  private answerPage(error: unknown, want: Wanted, reply: FastifyReply): boolean {
    return want === 'page' && this.shell.sendForError(error, reply);
  }
}
