import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { httpClient, pathOf, requestRaw } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The policy the web app needs: its own scripts and styles, images from anywhere over https, nothing framed. */
const CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' https: data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data: blob: https:",
  "object-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
];

describe('security headers', () => {
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  let batch: BatchView;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    producer = await createProducer(f, await createUser(f, { role: 'admin' }));
    batch = await createBatch(f, producer.owner, producer.product.id);
  });
  afterAll(async () => t?.close());

  const answers = () =>
    [
      ['a scan as JSON', pathOf(batch.identityUrl), { accept: 'application/json' }],
      ['a scan from a browser (307)', pathOf(batch.identityUrl), { accept: 'text/html' }],
      ['the consumer view', `/api/public/batches/${batch.id}`, {}],
      ['the consumer page', `/batches/${batch.id}`, { accept: 'text/html' }],
      ['an API route', '/api/health', {}],
      ['an error', '/api/public/batches/not-a-batch', {}],
    ] as const;

  it('are on every kind of answer, the same everywhere', async () => {
    for (const [what, path, headers] of answers()) {
      const { status, headers: got } = await requestRaw(t.baseUrl, path, { headers: { ...headers } });
      expect([what, status < 500]).toEqual([what, true]);
      const csp = (got.get('content-security-policy') ?? '').split(';');
      expect([what, [...csp].sort()]).toEqual([what, [...CSP].sort()]);
      expect([
        what,
        {
          hsts: got.get('strict-transport-security'),
          nosniff: got.get('x-content-type-options'),
          frames: got.get('x-frame-options'),
          referrer: got.get('referrer-policy'),
          opener: got.get('cross-origin-opener-policy'),
          resource: got.get('cross-origin-resource-policy'),
          originAgentCluster: got.get('origin-agent-cluster'),
          dnsPrefetch: got.get('x-dns-prefetch-control'),
          downloadOptions: got.get('x-download-options'),
          crossDomain: got.get('x-permitted-cross-domain-policies'),
          xss: got.get('x-xss-protection'),
          poweredBy: got.get('x-powered-by'),
        },
      ]).toEqual([
        what,
        {
          hsts: 'max-age=31536000; includeSubDomains',
          nosniff: 'nosniff',
          frames: 'SAMEORIGIN',
          referrer: 'no-referrer',
          opener: 'same-origin',
          // QR images and the consumer view may be embedded by other sites (a retailer's shop page).
          resource: 'cross-origin',
          originAgentCluster: '?1',
          dnsPrefetch: 'off',
          downloadOptions: 'noopen',
          crossDomain: 'none',
          // Turns off the legacy XSS auditor of old browsers, itself a source of holes.
          xss: '0',
          poweredBy: null,
        },
      ]);
    }
  });
});
