import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { DOCUMENT_MEDIA_TYPES, EPCIS_MEDIA_TYPES, JSON_MEDIA_TYPES, negotiate } from './epcis-negotiation.js';
import { EpcisReply, type EpcisDocument, type EpcisQueryDocument } from './query-document.js';
import { epcisDocumentXml, epcisQueryDocumentXml } from './xml/epcis-xml-writer.js';

const ANSWERS_IN_XML = 'nguon:epcis-xml';

/** The route answers with a document of events, which EPCIS XML can carry too (`Accept: application/xml`). */
export const AnswersInXml = () => SetMetadata(ANSWERS_IN_XML, true);

function asXml(body: EpcisDocument | EpcisQueryDocument): string {
  return body.type === 'EPCISQueryDocument' ? epcisQueryDocumentXml(body) : epcisDocumentXml(body);
}

/**
 * What the binding asks of every `/epcis` route: a request it cannot answer as asked is refused
 * (406) first. A handler that returns an `EpcisReply` adds its own headers (`Link`, `GS1-EPC-Format`) and
 * answers with its body, in the media type the client prefers among JSON, JSON-LD and, for
 * documents of events, EPCIS 2.0 XML; the version headers every `/epcis` answer carries are set
 * on the request (registerEpcisVersionHeaders).
 */
@Injectable()
export class EpcisHeaders implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const offered = this.reflector.get<boolean>(ANSWERS_IN_XML, context.getHandler()) ? DOCUMENT_MEDIA_TYPES : JSON_MEDIA_TYPES;
    const type = negotiate(http.getRequest<FastifyRequest>().headers, offered);
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof EpcisReply)) return result;
        void reply.headers(result.headers);
        if (type === 'json') return result.body;
        void reply.type(`${EPCIS_MEDIA_TYPES[type]}; charset=utf-8`);
        return type === 'xml' ? asXml(result.body as EpcisDocument | EpcisQueryDocument) : result.body;
      }),
    );
  }
}
