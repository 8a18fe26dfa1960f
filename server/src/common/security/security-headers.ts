import type { SecurityHeadersOptions } from '@nestjs/common';
import { resolveSecurityHeaders } from '@nestjs/core/security/security-headers.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { MapTiles } from '../../config/app-config.js';

/**
 * Security headers on every answer, the plain Fastify routes of the scan path included: Nest's
 * own request hook, which writes a list of headers computed once at start-up (helmet ran a chain
 * of twelve middlewares per request, a tenth of a cached scan answer's time). Defaults as helmet 8.
 */
export function useSecurityHeaders(nest: NestFastifyApplication, tiles: MapTiles): void {
  nest.useSecurityHeaders(securityHeaderOptions(tiles));
}

/** The same headers as [name, value, ...], Nest's resolution of the same options: for the memory lane, which answers before the hook. */
export function securityHeaderList(tiles: MapTiles): string[] {
  return resolveSecurityHeaders(securityHeaderOptions(tiles)).headers.flat();
}

function securityHeaderOptions(tiles: MapTiles): SecurityHeadersOptions {
  // Any https: image may show (product photos by link); a tile server on plain http (a province's
  // own, inside its network) is named.
  const tileOrigin = new URL(tiles.url.replace(/\{s\}/g, 'a')).origin;
  return {
    // The web app is served from here: its own scripts and styles, QR images, camera scanning.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // blob: shows files fetched with the user's token (a consumer's photo for inspectors).
        imgSrc: ["'self'", 'data:', 'blob:', 'https:', ...(tileOrigin.startsWith('http:') ? [tileOrigin] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // wasm-unsafe-eval lets the camera's barcode reader (ZXing, WebAssembly) compile; it allows no JavaScript eval.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        connectSrc: ["'self'"],
        // TLS is the deployment's business (a proxy in front); plain-HTTP installs must work.
        upgradeInsecureRequests: null,
      },
    },
    // QR images and the consumer view may be embedded by other sites (a retailer's shop page).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  };
}
