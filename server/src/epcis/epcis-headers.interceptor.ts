import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { assertAnswerable } from './epcis-negotiation.js';
import { EpcisReply } from './query-document.js';

const JSON_LD = /\bapplication\/ld\+json\b/i;

/**
 * What the binding asks of every `/epcis` route: a request it cannot answer as asked is refused
 * (406) first. A handler that returns an `EpcisReply` adds its own headers (`Link`, `GS1-EPC-Format`) and
 * answers with its body; the version headers every `/epcis` answer carries are set on the request
 * (registerEpcisVersionHeaders).
 */
@Injectable()
export class EpcisHeaders implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const { headers } = http.getRequest<FastifyRequest>();
    assertAnswerable(headers);
    const wantsJsonLd = JSON_LD.test(headers.accept ?? '');
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof EpcisReply)) return result;
        void reply.headers(result.headers);
        // The documents are JSON-LD: a client that asks for it is answered with its media type.
        if (wantsJsonLd) void reply.type('application/ld+json; charset=utf-8');
        return result.body;
      }),
    );
  }
}
