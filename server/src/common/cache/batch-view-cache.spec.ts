import { describe, expect, it } from '@jest/globals';
import { BatchViewCache } from './batch-view-cache.js';

describe('BatchViewCache', () => {
  it('keeps a view whose batches did not change while it was read', () => {
    const cache = new BatchViewCache<string>();
    const ticket = cache.ticket();
    cache.invalidate(['other']);
    cache.set('a', 'view of a', ['a', 'source'], ticket);
    expect(cache.get('a')).toBe('view of a');
  });

  it('does not keep a view read before a change to one of its batches, nor before everything was dropped', () => {
    const cache = new BatchViewCache<string>();
    const before = cache.ticket();
    cache.invalidate(['source']);
    cache.set('a', 'stale view of a', ['a', 'source'], before);
    expect(cache.get('a')).toBeUndefined();

    // The view read after the change is kept, and a stale one finishing later does not replace it.
    const after = cache.ticket();
    cache.set('a', 'fresh view of a', ['a', 'source'], after);
    cache.set('a', 'stale view of a', ['a', 'source'], before);
    expect(cache.get('a')).toBe('fresh view of a');

    const beforeClear = cache.ticket();
    cache.clear();
    cache.set('b', 'view of b', ['b'], beforeClear);
    expect(cache.get('b')).toBeUndefined();
  });

  it('drops the views that show a changed batch, and only those', () => {
    const cache = new BatchViewCache<string>();
    const ticket = cache.ticket();
    cache.set('a', 'view of a', ['a', 'source'], ticket);
    cache.set('b', 'view of b', ['b'], ticket);
    cache.set('c', 'view of c', ['c', 'other source'], ticket);
    // A job's batches, the source of a among them.
    cache.invalidate([...Array.from({ length: 1000 }, (_, n) => `imported ${n}`), 'source', 'c']);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'view of b', undefined]);
  });

  it('does not keep a view read for longer than a minute: the changes heard before then are forgotten', () => {
    const cache = new BatchViewCache<string>();
    const start = 1_000_000;
    const ticket = cache.ticket(start);
    cache.set('a', 'view of a', ['a'], ticket, start + 61_000);
    expect(cache.get('a', start + 61_000)).toBeUndefined();
  });
});
