import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text (and WebAssembly) the browser fetches; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|wasm)$/;
/** Below about one packet, compressing saves no round trip and costs a header. */
const MIN_BYTES = 1024;
/** A copy that saves less than a tenth is not worth a second file. */
const MAX_RATIO = 0.9;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Writes `x.br` and `x.gz` next to `x` when they pay; the sizes of the file and of its brotli copy, if written. */
async function precompress(file: string): Promise<{ raw: number; br: number } | null> {
  const bytes = await readFile(file);
  if (bytes.length < MIN_BYTES) return null;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  const pays = (copy: Buffer) => copy.length < bytes.length * MAX_RATIO;
  await Promise.all([pays(br) && writeFile(`${file}.br`, br), pays(gz) && writeFile(`${file}.gz`, gz)]);
  return pays(br) ? { raw: bytes.length, br: br.length } : null;
}

/**
 * Brotli (quality 11) and gzip (level 9) copies of the built text files, next to them in the
 * output folder: the server sends the copy the browser accepts (`preCompressed` of
 * @fastify/static), so the slowest, smallest compression is paid once at build time, not per request.
 */
export function precompressPlugin(): Plugin {
  return {
    name: 'nguon-precompress',
    apply: 'build',
    // The browser's files only; a server-side build is never sent over the wire.
    applyToEnvironment: (environment) => environment.name === 'client',
    async closeBundle() {
      const { root, build, logger } = this.environment.config;
      const outDir = path.resolve(root, build.outDir);
      const results = await Promise.all((await filesUnder(outDir)).filter((file) => COMPRESSIBLE.test(file)).map(precompress));
      const done = results.filter((result) => result !== null);
      const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
      logger.info(
        `precompressed ${done.length} files: ${kB(done.reduce((sum, r) => sum + r.raw, 0))} -> ${kB(done.reduce((sum, r) => sum + r.br, 0))} brotli`,
      );
    },
  };
}
