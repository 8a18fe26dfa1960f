import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config.js';
import { serviceWorkerScript } from './service-worker.js';
import { SpaShell } from './spa-shell.js';

/**
 * Serves the built web app's files from the API's port; hashed assets are cached for good. Each
 * file goes as the brotli or gzip copy the build wrote beside it (`x.js.br`, `x.js.gz`) when the
 * browser accepts it, with `Vary: Accept-Encoding`. The copies have no URL of their own, and
 * source maps are never served, whatever the folder holds.
 */
export async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const shell = app.get(SpaShell).html;
  if (!config.webDistDir || !shell) return;
  // The service worker, at the root so that it answers for every page; never kept by the browser's
  // HTTP cache, so a new build's worker is found at once (the worker itself keeps the files).
  const worker = serviceWorkerScript(shell);
  app
    .getHttpAdapter()
    .getInstance()
    .get('/sw.js', (_request, reply) => {
      void reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('service-worker-allowed', '/')
        .send(worker);
    });
  await app.register(fastifyStatic, {
    root: config.webDistDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz', '**/*.map'],
    setHeaders: (res, filePath) => {
      if (filePath.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}
