import { IMPORT_CONTENT_TYPES, IMPORT_MAX_BYTES } from '@nguon/shared';
import type { FastifyInstance } from 'fastify';

export const IMPORT_ROUTES: ReadonlySet<string> = new Set([
  '/api/businesses/:businessId/imports',
  '/api/businesses/:businessId/imports/check',
]);

/**
 * Reads an uploaded spreadsheet (the raw file as the body, CSV or XLSX as Content-Type) into a
 * Buffer of at most IMPORT_MAX_BYTES (413 beyond). Only the import routes take these types;
 * elsewhere they stay 415 as before.
 */
export function registerImportParsers(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    Object.values(IMPORT_CONTENT_TYPES),
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (request, body, done) => {
      if (!IMPORT_ROUTES.has(request.routeOptions.url ?? ''))
        return done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }), undefined);
      done(null, body);
    },
  );
}
