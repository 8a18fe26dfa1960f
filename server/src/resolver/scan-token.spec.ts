import { describe, expect, it } from '@jest/globals';
import { ScanTokens } from './scan-token.js';

const BATCH = '6f1c2a5e-8d43-4b7a-9c1e-0a2b3c4d5e6f';
const OTHER_BATCH = '0b8f9e1d-2c3a-4b5c-8d7e-6f5a4b3c2d1e';
const SCAN = '019af0c4-5e00-7000-8123-456789abcdef';
const NEXT_SCAN = '019af0c4-5e00-7001-8123-456789abcdef';
const NOW = Date.UTC(2026, 11, 4, 8, 0, 0);

describe('ScanTokens', () => {
  const tokens = new ScanTokens('a secret of at least thirty-two characters');

  it('gives back the scan a genuine token names', () => {
    expect(tokens.verify(tokens.issue(SCAN, BATCH, NOW), BATCH, NOW + 60_000)).toEqual({ scanId: SCAN });
  });

  it('refuses a token for another batch, another scan, or signed with another secret', () => {
    const token = tokens.issue(SCAN, BATCH, NOW);
    expect(tokens.verify(token, OTHER_BATCH, NOW)).toEqual({ problem: 'invalid' });
    expect(tokens.verify(token.replace(SCAN, NEXT_SCAN), BATCH, NOW)).toEqual({ problem: 'invalid' });
    expect(tokens.verify(new ScanTokens('another secret, also long enough!!').issue(SCAN, BATCH, NOW), BATCH, NOW)).toEqual({
      problem: 'invalid',
    });
  });

  it('refuses a later expiry written into the token', () => {
    const [scan, expires, signature] = tokens.issue(SCAN, BATCH, NOW).split('.');
    expect(tokens.verify(`${scan}.${Number(expires) + 3600}.${signature}`, BATCH, NOW)).toEqual({ problem: 'invalid' });
  });

  it('says a genuine token has expired after ten minutes', () => {
    const token = tokens.issue(SCAN, BATCH, NOW);
    expect(tokens.verify(token, BATCH, NOW + 10 * 60_000)).toEqual({ problem: 'expired' });
  });

  it.each(['', 'x', '42..', '42.1.abc', `42.1.${'a'.repeat(43)}`, `${SCAN}x.1.${'a'.repeat(43)}`])('refuses the malformed %j', (token) => {
    expect(tokens.verify(token, BATCH, NOW)).toEqual({ problem: 'invalid' });
  });
});
