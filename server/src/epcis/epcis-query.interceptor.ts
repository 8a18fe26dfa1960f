import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { EpcisReply } from './query-document.js';

/**
 * A handler that returns an `EpcisReply` adds its own headers (`Link`, `GS1-EPC-Format`) and
 * answers with its body; the version headers every `/epcis` answer carries are set on the request
 * (registerEpcisVersionHeaders).
 */
@Injectable()
export class EpcisHeaders implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof EpcisReply)) return result;
        void reply.headers(result.headers);
        return result.body;
      }),
    );
  }
}
