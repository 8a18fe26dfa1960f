import { describe, expect, it } from '@jest/globals';
import { serviceWorkerScript } from './service-worker.js';

const shell = (hash: string) => `<!doctype html>
<html lang="vi">
  <head>
    <script type="module" crossorigin src="/assets/index-${hash}.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/i18n-Dj.js">
    <link rel="stylesheet" crossorigin href="/assets/index-${hash}.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

const precacheOf = (script: string): string[] => JSON.parse(/const PRECACHE = (\[.*\]);/.exec(script)![1]!) as string[];

describe('the service worker', () => {
  it('keeps the shell, the label keys and every asset index.html loads', () => {
    expect(precacheOf(serviceWorkerScript(shell('A1')))).toEqual([
      '/label-check',
      '/.well-known/nguon-label-keys',
      '/manifest.webmanifest',
      '/favicon.svg',
      '/assets/index-A1.js',
      '/assets/i18n-Dj.js',
      '/assets/index-A1.css',
    ]);
  });

  it('is a new worker, with a new cache, for each build', () => {
    const cacheOf = (script: string) => /const CACHE = '([^']+)'/.exec(script)![1];
    expect(cacheOf(serviceWorkerScript(shell('A1')))).toBe(cacheOf(serviceWorkerScript(shell('A1'))));
    expect(cacheOf(serviceWorkerScript(shell('B2')))).not.toBe(cacheOf(serviceWorkerScript(shell('A1'))));
  });
});
