import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../../common/errors/rule-messages.js';
import { refuseUnsafeValues } from '../../common/request/unsafe-input.js';
import { readEpcisXml } from './epcis-xml-reader.js';
import { XmlProblem } from './xml-document.js';

/** The media types of EPCIS XML documents. */
export const EPCIS_XML_TYPES = ['application/xml', 'text/xml'];

/** Only document capture reads XML; elsewhere it stays 415 as before. */
const XML_ROUTES: ReadonlySet<string> = new Set(['/epcis/capture']);

/**
 * Reads an EPCIS XML document (2.0, or 1.2 and 1.1) into the JSON-LD document it stands for, so
 * capture sees one form whatever was sent. Unreadable XML is a 400 naming the parser's reason.
 */
export function registerEpcisXmlParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(EPCIS_XML_TYPES, { parseAs: 'string' }, (request, body, done) => {
    if (!XML_ROUTES.has(request.routeOptions.url ?? '')) {
      return done(new DomainError('UNSUPPORTED_MEDIA_TYPE', RULE_MESSAGES.epcis.xmlOnlyForCapture), undefined);
    }
    try {
      const document = readEpcisXml(body as string);
      refuseUnsafeValues(document);
      done(null, document);
    } catch (error) {
      done(
        error instanceof XmlProblem
          ? new DomainError('VALIDATION_FAILED', RULE_MESSAGES.epcis.unreadableXml(error.message))
          : (error as Error),
      );
    }
  });
}
