import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Text answers: JSON (also JSON-LD and linksets), HTML, CSV, SVG. Not a server-sent event stream, which must not wait for a compressor's buffer. */
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/([\w.-]+\+)?json|image\/svg\+xml)/;

/** Below about one packet, compressing saves no round trip and costs CPU on the scan path. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses the API's and the pages' text answers of 1 kB or more for clients that accept it,
 * brotli first, then gzip. Brotli at quality 4: within a few percent of gzip -9's size at a fraction
 * of its CPU (11 is for the build's precompressed files, far too slow per request). Images, PDFs
 * and spreadsheets go as they are (compressed already). Request bodies are never decompressed: a
 * small compressed body could unpack past the limits checked on what arrives.
 *
 * Register it after the web app's files (compressed once at build time; their routes must not
 * get the per-request hook) and before the API's routes, which Nest adds at `init()`.
 */
export async function registerCompression(nest: NestFastifyApplication): Promise<void> {
  await nest.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: COMPRESSIBLE,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } },
    globalDecompression: false,
  });
  // A text answer sent plain (small, or to a client without br/gzip) may be compressed for the
  // next client: a cache in front must keep the two apart (the plugin marks only what it compresses).
  nest.getHttpAdapter().getInstance().addHook('onSend', async (_request, reply) => {
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return;
    const vary = reply.getHeader('vary');
    if (vary === undefined) reply.header('vary', 'accept-encoding');
    else if (!/accept-encoding|\*/i.test(String(vary))) reply.header('vary', `${String(vary)}, accept-encoding`);
  });
}
