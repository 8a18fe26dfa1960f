import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { EPCIS_VERSION_HEADERS, EpcisReply } from './query-document.js';

/**
 * Every `/epcis` answer carries the binding's version headers; a handler that returns an
 * `EpcisReply` adds its own (`Link`, `GS1-EPC-Format`) and answers with its body.
 */
@Injectable()
export class EpcisHeaders implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.headers(EPCIS_VERSION_HEADERS);
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof EpcisReply)) return result;
        void reply.headers(result.headers);
        return result.body;
      }),
    );
  }
}
