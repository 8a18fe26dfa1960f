import { pickLocale } from '@nguon/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendAnswer, type Answer, type AnswerBody } from '../common/http/answer.js';
import { CORS } from '../common/http/cors.js';
import { splitUrl } from '../common/http/split-url.js';
import type { ErrorFilter } from '../common/errors/error.filter.js';
import type { SpaShell } from '../web-app/spa-shell.js';
import { clientClassOf } from './client-class.js';
import { askedLinkType } from './link-types.js';
import type { Resolved, ResolverService } from './resolver.service.js';

const LINKSET_TYPE = 'application/linkset+json';
/** The type of the consumer view a scan answers with. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** The resolver's answers: readable from any site, and chosen by the Accept headers. */
const RESOLVER_HEADERS = { ...CORS, vary: 'Accept, Accept-Language' };

export type Wanted = 'linkset' | 'json' | 'page';

/** What the client asked for: `?linkType=all` (or `linkset`) or the Accept header decide. */
export function wanted(linkType: string | undefined, accept = ''): Wanted {
  const asked = askedLinkType(linkType);
  if ((asked && 'all' in asked) || accept.includes(LINKSET_TYPE)) return 'linkset';
  if (accept.includes('text/html')) return 'page';
  if (accept.includes('application/json')) return 'json';
  return 'page';
}

/** The Link header of an answer: where its linkset is, and the link uncompressed when the code came compressed. */
export function linkHeader(pathOnly: string, uncompressed?: string): string {
  const linkset = `<${pathOnly}?linkType=linkset>; rel="linkset"; type="${LINKSET_TYPE}"`;
  return uncompressed && new URL(uncompressed).pathname !== pathOnly ? `${linkset}, <${uncompressed}>; rel="owl:sameAs"` : linkset;
}

/** The answer's note when the link type asked for is not one the code has: the default link answers instead. */
const LINK_TYPE_UNAVAILABLE = 'link-type-unavailable';

/** Link types answered as the default is (the consumer page, with the scan counted). */
const DEFAULT_LINK_TYPES = new Set(['defaultLink', 'pip']);

/**
 * A batch's code answered: its consumer view as JSON (with the scan's token) when `json` is given,
 * else a 307 to its page. The scan token rides in the fragment: the page reads it, and it never
 * reaches a server log or a Referer.
 */
export function batchScanAnswer(link: string, query: string, pagePath: string, scanToken: string | undefined, json?: AnswerBody): Answer {
  if (json !== undefined) return { status: 200, headers: { ...RESOLVER_HEADERS, link, 'content-type': JSON_TYPE }, body: json };
  return { status: 307, headers: { ...RESOLVER_HEADERS, link, location: `${pagePath}${query}${scanToken ? `#scan=${scanToken}` : ''}` } };
}

/** A path with the request's query string passed on, after any query of its own. */
function withQuery(path: string, query: string): string {
  if (!query) return path;
  return path.includes('?') ? `${path}&${query.slice(1)}` : `${path}${query}`;
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

  async answer(request: FastifyRequest, reply: FastifyReply, resolve: () => Promise<Resolved & { uncompressed?: string }>): Promise<void> {
    void reply.headers(RESOLVER_HEADERS);
    const asked = (request.query as Record<string, unknown>).linkType;
    // Repeated, the first counts, as for the other query parameters of a code.
    const linkType = Array.isArray(asked) ? String(asked[0]) : typeof asked === 'string' ? asked : undefined;
    const want = wanted(linkType, request.headers.accept);
    try {
      const resolved = await resolve();
      // Answered meanwhile: the request timed out.
      if (!reply.sent) await this.answerResolved(request, reply, { want, linkType }, resolved);
    } catch (error) {
      if (!reply.sent && !this.answerPage(error, want, reply)) this.errors.answer(error, request, reply);
    }
  }

  private async answerResolved(
    request: FastifyRequest,
    reply: FastifyReply,
    { want, linkType }: { want: Wanted; linkType: string | undefined },
    resolved: Resolved & { uncompressed?: string },
  ): Promise<void> {
    const [pathOnly, query] = splitUrl(request.url);
    const link = linkHeader(pathOnly, resolved.uncompressed);
    void reply.header('link', link);
    if (want === 'linkset') {
      return void reply.type(LINKSET_TYPE).send(this.resolver.linkset(resolved, pickLocale(request.headers['accept-language'])));
    }
    const asked = askedLinkType(linkType);
    if (asked && 'name' in asked && !DEFAULT_LINK_TYPES.has(asked.name)) {
      const target = this.resolver.links(resolved).find((candidate) => candidate.type === asked.name);
      if (target) return void reply.redirect(target.href, 307);
      // Named back as asked, in the characters a header may carry (anything else would fail the answer).
      void reply.header(LINK_TYPE_UNAVAILABLE, linkType!.slice(0, 200).replace(/[^\x21-\x7e]/g, '_'));
    }
    if (resolved.kind === 'batch') {
      const scanToken =
        request.method === 'GET'
          ? this.resolver.recordScan(resolved.batchId, request.ip, clientClassOf(request.headers['user-agent']))
          : undefined;
      const json = want === 'json' ? (await this.resolver.batchJson(resolved.batchId, scanToken)).body : undefined;
      return void (reply.sent || sendAnswer(reply, batchScanAnswer(link, query, this.resolver.pagePath(resolved), scanToken, json)));
    }
    if (want === 'page') return void reply.redirect(withQuery(this.resolver.pagePath(resolved), query), 307);
    // A machine asking about a lot the portal does not know, or an item by serial, is sent to the product's level.
    if (resolved.walkedUp) return void reply.redirect(resolved.anchor, 307);
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
