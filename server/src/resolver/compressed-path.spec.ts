import { describe, expect, it } from '@jest/globals';
import { isCompressedDigitalLink } from './compressed-path.js';

describe('isCompressedDigitalLink', () => {
  it.each(['/ARHKVAdpQg', '/AQnYUc1gmiCNV4JG', '/AQnYUc1gmkIXDU-iun'])('takes %s, a compressed GTIN link (GS1 vectors)', (path) => {
    expect(isCompressedDigitalLink(path)).toBe(true);
  });

  it.each([
    ...['/', '/login', '/register', '/verify-email', '/account', '/portal', '/products', '/locations', '/certificates', '/batches'],
    ...['/shipments', '/import', '/admin', '/audit', '/inspector', '/favicon.svg', '/robots.txt', '/ARHKVAdpQg/x'],
  ])('leaves %s: a page of the web app, a file, or not one segment', (path) => {
    expect(isCompressedDigitalLink(path)).toBe(false);
  });
});
