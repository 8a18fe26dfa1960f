import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import type { FastifyServerFactory } from 'fastify';
import { mayCompress, varyForCompression } from '../compression/compression.js';
import { bodyLength, type Answer } from './answer.js';
import { clientAddressOf, type TrustFunction } from './client-address.js';

/**
 * A route's answer when it is in memory: the lane admits the request first, then calls it with the
 * client's address (it may count a scan). Undefined leaves the request to Fastify.
 */
export type MemoryRoute = (request: IncomingMessage, url: string) => ((clientAddress: string) => Answer) | undefined;

/** Counts a request against the public rate limit; false when it is over the limit. */
export type Admit = (clientAddress: string) => boolean;

/**
 * Whether Fastify would compress an answer with these headers and body for this client: then the
 * lane leaves it to Fastify rather than compress per request (the pages keep a gzip form, which
 * the lane sends).
 */
export function compressedByFastify(request: IncomingMessage, { headers, body }: Pick<Answer, 'headers' | 'body'>): boolean {
  const acceptEncoding = request.headers['accept-encoding'];
  return (
    acceptEncoding !== undefined &&
    body !== undefined &&
    headers['content-encoding'] === undefined &&
    varyForCompression(headers['content-type'], undefined) !== undefined &&
    mayCompress(acceptEncoding, bodyLength(body))
  );
}

interface Started {
  /** [name, value, name, value, ...]: the security headers every answer carries. */
  securityHeaders: string[];
  admit: Admit;
}

/**
 * Only GETs of unreserved characters (a query of them too, such as a Digital Link's `?17=261231`):
 * nothing to decode, nothing unsafe.
 */
const PLAIN_URL = /^\/[A-Za-z0-9\-._~/]*(\?[A-Za-z0-9\-._~=&]*)?$/;

/**
 * The consumer's hot routes answered from memory in front of Fastify (decision record 0019): a
 * warm scan, consumer view or page costs a lookup and one write, while Fastify's routing and the
 * request hooks every route shares (security headers, request id, unsafe input, compression, Nest's
 * own) cost more than the answer itself. What the lane sends is what the Fastify route sends for
 * the same request: both take their answer from the same function and the lane adds what the hooks
 * would (the security headers, a request id, Vary for compression). Anything the lane cannot
 * answer from memory, or is not sure it answers the same (an escaped path, HEAD, a
 * client that wants the body compressed, the public rate limit reached, shutting down), goes to
 * Fastify untouched.
 */
export class MemoryLane {
  private readonly logger = new Logger(MemoryLane.name);
  private readonly routes: { prefix: string; route: MemoryRoute }[] = [];
  private started: Started | undefined;
  /** Requests answered here since start: what the lane takes off Fastify (the bench and tests read it). */
  answered = 0;

  constructor(private readonly trust: TrustFunction | false) {}

  /** Fastify's serverFactory: a plain node:http server (set up as Fastify would) with the lane in front. */
  readonly serverFactory: FastifyServerFactory = (fastify, options): Server => {
    const server = createServer(this.inFront(fastify as RequestListener));
    const setting = (name: string, fallback: number) => (typeof options[name] === 'number' ? options[name] : fallback);
    server.keepAliveTimeout = setting('keepAliveTimeout', 72_000);
    server.requestTimeout = setting('requestTimeout', 0);
    server.setTimeout(setting('connectionTimeout', 0));
    return server;
  };

  route(prefix: string, route: MemoryRoute): void {
    this.routes.push({ prefix, route });
  }

  /** Opens the lane once the app is ready; until then, and after stop(), Fastify answers everything. */
  start(started: Started): void {
    this.started = started;
  }

  /** Shutting down: Fastify answers (503, closing the connection) as for any route. */
  stop(): void {
    this.started = undefined;
  }

  private inFront(fastify: RequestListener): RequestListener {
    return (request, response) => {
      try {
        if (this.answerFromMemory(request, response)) return;
      } catch (error) {
        // A bug here must not end the process: Fastify answers instead, unless an answer was begun.
        this.logger.error(`could not answer ${request.url} from memory`, (error as Error)?.stack ?? String(error));
        if (response.headersSent) return void response.destroy();
      }
      fastify(request, response);
    };
  }

  private answerFromMemory(request: IncomingMessage, response: ServerResponse): boolean {
    const started = this.started;
    const url = request.url ?? '';
    if (!started || request.method !== 'GET' || !PLAIN_URL.test(url)) return false;
    const match = this.routes.find((r) => url.startsWith(r.prefix));
    const answer = match?.route(request, url);
    if (!answer) return false;
    const client = clientAddressOf(request, this.trust);
    // Over the limit: Fastify counts it again and answers 429 in the error shape.
    if (client === undefined || !started.admit(client)) return false;
    send(response, answer(client), started.securityHeaders);
    this.answered++;
    return true;
  }
}

/**
 * As Fastify sends it: the hooks' headers, then the route's, Content-Length but on a 304. A body
 * in parts is written part by part: Node sends them in one write, without copying them together.
 */
function send(response: ServerResponse, { status, headers, body }: Answer, securityHeaders: string[]): void {
  const vary = varyForCompression(headers['content-type'], headers.vary);
  const raw = [...securityHeaders, 'x-request-id', randomUUID()];
  for (const name in headers) raw.push(name, name === 'vary' && vary !== undefined ? vary : headers[name]!);
  if (vary !== undefined && headers.vary === undefined) raw.push('vary', vary);
  if (body !== undefined) raw.push('content-length', String(bodyLength(body)));
  else if (status !== 304) raw.push('content-length', '0');
  response.writeHead(status, raw);
  if (typeof body === 'string' || Buffer.isBuffer(body) || body === undefined) return void response.end(body);
  for (let i = 0; i < body.length - 1; i++) response.write(body[i]);
  response.end(body[body.length - 1]);
}
