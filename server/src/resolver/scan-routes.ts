import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DomainError } from '../common/errors/domain-error.js';
import type { ErrorFilter } from '../common/errors/error.filter.js';
import { sendAnswer } from '../common/http/answer.js';
import type { MemoryLane } from '../common/http/memory-lane.js';
import { publicRoutes } from '../common/http/public-route.js';
import type { RouteMethods } from '../common/http/route-methods.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { publicBatchAnswer } from './public-batch-answer.js';
import { PublicBatchService } from '../public-view/public-batch.service.js';
import { SpaShell } from '../web-app/spa-shell.js';
import { isCompressedDigitalLink } from './compressed-path.js';
import { setCors } from '../common/http/cors.js';
import { splitUrl } from '../common/http/split-url.js';
import { ResolverAnswers } from './resolver-answers.js';
import { ResolverService } from './resolver.service.js';
import { scanFromMemory, viewFromMemory } from './scan-lane.js';

const uuid = new UuidParam();

/**
 * The routes every scan takes (a Digital Link, a short code, the consumer view) as plain Fastify
 * routes: Nest's pipeline of guards and interceptors, run per request, cost most of their time
 * when the answer comes from memory (decision record 0015). They keep the same 404s. Warm
 * answers of a batch's Digital Link and of the consumer view come from the memory lane, before
 * Fastify (decision record 0019).
 */
export function registerScanRoutes(nest: NestFastifyApplication, errors: ErrorFilter, lane: MemoryLane, routes: RouteMethods): void {
  const fastify = nest.getHttpAdapter().getInstance();
  const limited = publicRoutes(nest, errors);
  const resolver = nest.get(ResolverService);
  const publicBatches = nest.get(PublicBatchService);
  const shell = nest.get(SpaShell);
  const answers = new ResolverAnswers(resolver, shell, errors);

  fastify.get(
    '/01/*',
    limited((request, reply) => answers.answer(request, reply, () => resolver.resolveDigitalLink(request.url))),
  );
  // A compressed Digital Link is one path segment; any other single segment is the web app's.
  fastify.get(
    '/:segment',
    limited(async (request, reply) => {
      if (isCompressedDigitalLink(splitUrl(request.url)[0]))
        await answers.answer(request, reply, () => resolver.resolveDigitalLink(request.url));
      else shell.sendPage(request, reply);
    }),
  );
  fastify.get<{ Params: { code: string } }>(
    '/q/:code',
    limited((request, reply) => answers.answer(request, reply, () => resolver.resolveShortCode((request.params as { code: string }).code))),
  );
  fastify.get(
    '/api/public/batches/:id',
    limited(async (request, reply) => {
      // Its errors too, for another site's scanner to read.
      setCors(reply);
      const json = await publicBatches.getPublicBatchJson(uuid.transform((request.params as { id: string }).id));
      if (!reply.sent) sendAnswer(reply, publicBatchAnswer(json, request.headers['if-none-match']));
    }),
  );
  registerResolverPreflights(fastify, errors, routes);
  lane.route('/01/', scanFromMemory(resolver, publicBatches));
  lane.route('/api/public/batches/', viewFromMemory(publicBatches));
}

/**
 * OPTIONS on the resolver's paths, to anyone (a CORS preflight, or a client asking what a path
 * takes): the methods as the routes were registered; a compressed Digital Link takes what its
 * uncompressed form does, and any other single segment is no resolver path (404).
 */
function registerResolverPreflights(fastify: FastifyInstance, errors: ErrorFilter, routes: RouteMethods): void {
  const preflight = (path: string, reply: FastifyReply) => {
    setCors(reply);
    void reply.header('allow', routes.allowedFor(path).join(', ')).status(204).send();
  };
  for (const path of ['/01/*', '/q/:code', '/.well-known/gs1resolver'])
    fastify.options(path, (request, reply) => preflight(request.url, reply));
  fastify.options('/:segment', (request, reply) => {
    if (isCompressedDigitalLink(splitUrl(request.url)[0])) preflight('/01/', reply);
    else errors.answer(new DomainError('NOT_FOUND'), request, reply);
  });
}

/** The consumer view in the API's documentation, since its route is not a Nest controller's. */
export function documentScanRoutes(document: OpenAPIObject): void {
  document.paths['/api/public/batches/{id}'] = {
    get: {
      tags: ['public'],
      summary: 'The consumer view of a batch (PublicBatchView), with an ETag: If-None-Match answers 304',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { 200: { description: 'PublicBatchView' }, 304: { description: 'Not modified' }, 404: { description: 'No such batch' } },
    },
  };
}
