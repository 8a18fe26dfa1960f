import { describe, expect, it } from '@jest/globals';
import { parseNetwork } from './network.js';

describe('parseNetwork', () => {
  it('reads networks, and refuses what is not one', () => {
    expect(parseNetwork('10.0.0.0/8')).toEqual({ address: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseNetwork('::1')).toEqual({ address: '::1', prefix: 128, family: 'ipv6' });
    for (const wrong of ['10.0.0.0/33', 'fc00::/129', 'localhost', '10.0.0.0/8/8', '10.0.0.0/x', ''])
      expect(parseNetwork(wrong)).toBeNull();
  });
});
