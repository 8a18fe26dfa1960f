import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { BODY_LIMIT_BYTES } from './config/limits.js';
import { applyRouteBodyLimits } from './common/body-limit/body-limit.js';
import { registerCompression } from './common/compression/compression.js';
import { securityHeaderList, useSecurityHeaders } from './common/security/security-headers.js';
import { trustFunction } from './common/http/client-address.js';
import { MemoryLane } from './common/http/memory-lane.js';
import { RouteMethods } from './common/http/route-methods.js';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard.js';
import { ErrorFilter } from './common/errors/error.filter.js';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor.js';
import { RequestTimeoutInterceptor } from './common/timeouts/request-timeout.js';
import { refuseUnsafeInput } from './common/request/unsafe-input.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { openDatabase, type Database } from './database/data-source.js';
import { completeRequestSchemas } from './common/validation/openapi-request-schemas.js';
import { epcisProblemType, isEpcisInterface } from './epcis/epcis-problems.js';
import { registerEpcisOptions } from './epcis/epcis-options.js';
import { registerEpcisVersionHeaders } from './epcis/epcis-version-headers.js';
import { documentScanRoutes, registerScanRoutes } from './resolver/scan-routes.js';
import { registerPageRoutes } from './web-app/page-routes.js';
import { serveWebApp } from './web-app/serve-web-app.js';

export interface App {
  nest: NestFastifyApplication;
  database: Database;
  /** Answers the consumer's warm requests before Fastify (decision record 0019). */
  lane: MemoryLane;
  /** Stops the HTTP server, then closes the database (including the embedded one). */
  close(): Promise<void>;
}

/** Builds the whole portal: database up to date, API, resolver and web app on one server. */
export async function createApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<App> {
  const database = await openDatabase(config);
  try {
    const trust = trustFunction(config.trustProxy);
    const lane = new MemoryLane(trust);
    const routes = new RouteMethods();
    const errors = new ErrorFilter({ problems: { applies: isEpcisInterface, typeOf: epcisProblemType }, routes });
    const adapter = new FastifyAdapter({
      trustProxy: trust,
      serverFactory: lane.serverFactory,
      bodyLimit: BODY_LIMIT_BYTES,
      // EPCIS path values are whole URIs, URL-encoded (a hashed eventID `ni:///sha-256;…` takes over 100
      // characters, Fastify's default): longer ones would be answered 404.
      routerOptions: { maxParamLength: 2048 },
      // Always our own id; a client's X-Request-Id is recorded beside it (clientRequestIdOf).
      genReqId: () => randomUUID(),
      frameworkErrors: errors.answerFrameworkError,
    });
    // The API reads JSON only: Fastify's own JSON parser (also for EPCIS's JSON-LD) behind the
    // checks of refuseUnsafeInput, and no form or plain-text bodies (415).
    const instance = adapter.getInstance();
    instance.removeContentTypeParser('text/plain');
    refuseUnsafeInput(instance);
    routes.learn(instance);
    const nest = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, database), adapter, {
      logger: options.logger === false ? false : ['error', 'warn', 'log'],
      bodyParser: false,
    });
    applyRouteBodyLimits(nest.getHttpAdapter().getInstance());
    nest.useGlobalPipes(createValidationPipe());
    nest.useGlobalFilters(errors);
    // The timeout stands outside idempotency: a write that answers late still keeps its answer for the retry.
    nest.useGlobalInterceptors(
      new RequestTimeoutInterceptor(nest.get(Reflector), config.requestTimeoutMs),
      nest.get(IdempotencyInterceptor),
    );
    const fastify = nest.getHttpAdapter().getInstance();
    registerEpcisVersionHeaders(fastify);
    registerEpcisOptions(fastify, routes, errors);
    fastify.addHook('onSend', (request, reply, payload, done) => {
      reply.header('x-request-id', String(request.id));
      done(null, payload);
    });
    useSecurityHeaders(nest, config.mapTiles);
    const openApi = SwaggerModule.createDocument(
      nest,
      new DocumentBuilder()
        .setTitle('Nguồn API')
        .setDescription('Cổng truy xuất nguồn gốc: businesses, products, batches, events, QR codes and the consumer view.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    completeRequestSchemas(openApi);
    documentScanRoutes(openApi);
    SwaggerModule.setup('api/docs', nest, openApi);
    await serveWebApp(nest, config);
    await registerCompression(nest);
    // After compression: its hook reaches only the routes registered after it.
    registerScanRoutes(nest, errors, lane, routes);
    registerPageRoutes(nest, errors, lane);
    // Closing: Fastify answers what is still asked (503) as for any route.
    fastify.addHook('preClose', (done) => {
      lane.stop();
      done();
    });
    await nest.init();
    const limits = nest.get(RateLimitGuard);
    lane.start({ securityHeaders: securityHeaderList(config.mapTiles), admit: (client) => limits.hit('public', client) === 0 });
    return {
      nest,
      database,
      lane,
      async close() {
        await nest.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
