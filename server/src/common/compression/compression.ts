import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Text answers: JSON (also JSON-LD and linksets), HTML, CSV, SVG. Not a server-sent event stream, which must not wait for a compressor's buffer. */
const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/([\w.-]+\+)?json|image\/svg\+xml)/;

/** Below about one packet, compressing saves no round trip and costs CPU on the scan path. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * The Vary header a text answer goes out with: a text answer sent plain (small, or to a client
 * without br/gzip) may be compressed for the next client, so a cache in front must keep the two
 * apart (the plugin marks only what it compresses). Undefined when `vary` stays as it is.
 */
export function varyForCompression(contentType: unknown, vary: unknown): string | undefined {
  if (!COMPRESSIBLE.test(String(contentType ?? ''))) return undefined;
  if (vary === undefined) return 'accept-encoding';
  return /accept-encoding|\*/i.test(String(vary)) ? undefined : `${String(vary)}, accept-encoding`;
}

/** The plugin may compress an answer this long for this client (br, gzip or * in Accept-Encoding; whether q=0 refuses it is the plugin's to read). */
export function mayCompress(acceptEncoding: string, bytes: number): boolean {
  return bytes >= COMPRESSION_THRESHOLD_BYTES && /gzip|br|\*/i.test(acceptEncoding);
}

/**
 * Compresses the API's and the pages' text answers of 1 kB or more for clients that accept it.
 * gzip (level 6) first, brotli (quality 4) for a client that takes only that: on the consumer
 * views (4-14 kB of JSON) gzip -6 came out as small as brotli 4 (within 1%) in half the CPU
 * (45 µs against 97 µs for the 11 kB pomelo view), and brotli gains only at qualities far too slow
 * per request (quality 11: 15% smaller, 10 ms). The build's files get brotli 11 once instead.
 * Up to 64 kB is compressed in one call, cheaper than a zlib stream per answer; larger answers
 * and streams (CSV exports) go through a stream. Images, PDFs and spreadsheets go as they are
 * (compressed already). Request bodies are never decompressed: a small compressed body could
 * unpack past the limits checked on what arrives.
 *
 * Register it after the web app's files (compressed once at build time; their routes must not
 * get the per-request hook) and before the API's routes, which Nest adds at `init()`.
 */
export async function registerCompression(nest: NestFastifyApplication): Promise<void> {
  await nest.register(fastifyCompress, {
    encodings: ['gzip', 'br'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    syncThreshold: 64 * 1024,
    customTypes: COMPRESSIBLE,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } },
    globalDecompression: false,
  });
  nest
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply) => {
      const vary = varyForCompression(reply.getHeader('content-type'), reply.getHeader('vary'));
      if (vary !== undefined) reply.header('vary', vary);
    });
}
