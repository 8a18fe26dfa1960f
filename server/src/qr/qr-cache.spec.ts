import { describe, expect, it } from '@jest/globals';
import { QrCache } from './qr-cache.js';

const image = (bytes: number) => Buffer.alloc(bytes);

describe('QrCache', () => {
  it('keeps images within its byte budget, dropping the least recently used', () => {
    const cache = new QrCache(300);
    cache.set('a', image(99));
    cache.set('b', image(99));
    cache.set('c', image(99));
    expect(cache.get('a')).toBeDefined();
    cache.set('d', image(99));
    expect(['a', 'b', 'c', 'd'].map((key) => cache.get(key) !== undefined)).toEqual([true, false, true, true]);
    expect(cache.size).toEqual({ entries: 3, bytes: 300 });
  });

  it('does not keep an image larger than the whole budget, nor count a replaced one twice', () => {
    const cache = new QrCache(100);
    cache.set('big', image(200));
    expect(cache.get('big')).toBeUndefined();
    cache.set('a', image(49));
    cache.set('a', image(49));
    expect(cache.size).toEqual({ entries: 1, bytes: 50 });
  });
});
